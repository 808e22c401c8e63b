"""Theme tagger: `tag(text) -> TagResult` with themes, scores for all twelve ids and evidence.

    from bot.tagging import tag, tag_many, model_version, TagResult

    result = tag("We machine titanium brackets for race teams")
    result.themes     # ['high_performance_technology'] (fixed THEME_IDS order)
    result.scores     # {theme_id: float in [0, 1]} for all twelve
    result.evidence   # {theme_id: [phrases that drove it]} for tagged themes
    model_version()   # e.g. 'tagger-3f2a9c1b7d04' (also on every TagResult)

The engine loads lazily, once per process. Which engine: see `bot/tagging/README.md`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from bot.tagging.result import TaggerModelMissing, TagResult

__all__ = ["TagResult", "TaggerModelMissing", "engine", "model_version", "tag", "tag_many"]

_lock = threading.Lock()
_engine = None


def engine():  # noqa: ANN201
    """The process-wide tagging engine (loaded on first use)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                from bot.tagging.keyword import KeywordTagger

                _engine = KeywordTagger()
    return _engine


def reset() -> None:
    """Forget the loaded engine (tests, or after `make train` in a long-lived process)."""
    global _engine
    with _lock:
        _engine = None


def tag(text: str) -> TagResult:
    """Tag one message."""
    return engine().tag_many([text])[0]


def tag_many(texts: Iterable[str]) -> list[TagResult]:
    """Tag several messages (faster than one by one); results in input order."""
    texts = list(texts)
    return engine().tag_many(texts) if texts else []


def model_version() -> str:
    """The version string of the loaded model (recorded on every stored tag)."""
    return engine().version
