"""One rule for the text every chat channel accepts: no control characters.

NUL cannot be stored in a PostgreSQL text column, and NUL or other C0 controls make an
Excel or Word export of the stored answer fail, so every channel (REST, socket.io, X) drops
them before Rasa sees the message; newlines and tabs stay.
"""

from __future__ import annotations

import re

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Largest `metadata` object a chat message may carry (as JSON): Rasa stores it with every
# user turn, so an unbounded one would bloat the transcript.
MAX_METADATA_CHARS = 4096


def clean_message(text: str) -> str:
    """Drop control characters (keeping newlines and tabs) and surrounding space."""
    return CONTROL_CHARS.sub("", text).strip()


def has_control_chars(text: str) -> bool:
    return CONTROL_CHARS.search(text) is not None
