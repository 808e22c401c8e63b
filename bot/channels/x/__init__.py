"""The X channel (DMs, summoned posts, #bucksLIS public views), one module per job:

- `signatures`       CRC answer and webhook signature check (both webhook formats);
- `inbound`          cleaned messages and the one rule for posts (summoned / public);
- `entities`         the author's text from X's text and entities (links, display range);
- `account_activity` Account Activity deliveries; `xaa` X Activity API deliveries;
- `memory`, `state`  what replicas share in the database (events seen, choices, positions);
- `posts`            X's character counting, threads, no URLs; `output` replies (XOutput);
- `client`           X API requests (OAuth 1.0a / 2.0, outbox); `oauth2` token rotation;
- `collect`          public posts stored and tagged; `spend` cost estimate and budget;
- `hashtag`, `stream` the hashtag source: recent search or filtered stream;
- `compliance`       batch compliance checks of collected posts;
- `webhook`          the Rasa input channel `XInput`.

credentials.yml names `bot.channels.x.XInput`; it is imported lazily so that the CLI and
the storage code can use the light modules without loading Rasa and Sanic.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name in ("XInput", "OnNewMessage"):
        from bot.channels.x import webhook

        return getattr(webhook, name)
    raise AttributeError(f"module 'bot.channels.x' has no attribute {name!r}")
