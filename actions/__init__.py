"""Rasa custom actions: one module per conversational job, each a few lines over `bot/`.

Loaded by `rasa run actions --actions actions`.
"""

import threading

from bot.config import settings


def _warm_tagger() -> None:
    """Load the theme tagger now, so the first business to answer doesn't wait ~3 s."""
    from bot.tagging import engine

    try:
        engine()
    except Exception:  # a missing model is reported when an answer is tagged
        pass


if settings().warm_tagger:  # set by `bucks-lis run`
    threading.Thread(target=_warm_tagger, name="warm-tagger", daemon=True).start()
