"""One rule for what every chat channel accepts: text without control characters, and the
client's own message ids.

NUL cannot be stored in a PostgreSQL text column, and NUL or other C0 controls make an
Excel or Word export of the stored answer fail, so every channel (REST, socket.io, X) drops
them before Rasa sees the message; newlines and tabs stay.

A client may name a message (`message_id`, REST and socket.io alike): the same id on a
resend marks it as the same message, so a turn already saved is replayed, not run twice
(bot/channels/resend.py). Both channels check the id with `valid_message_id`.
"""

from __future__ import annotations

import re

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A terminal escape sequence pasted from a log or a tester's script ("\x1b[31mURGENT\x1b[0m"):
# dropped whole, not just its ESC, which left "[31mURGENT[0m" in the answer (set V of the
# conversation probe). CSI ("ESC [ ... m"), OSC ("ESC ] ... BEL") and two-character forms.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[@-Z\\-_]"
)
# Largest `metadata` object a chat message may carry (as JSON): Rasa stores it with every
# user turn, so an unbounded one would bloat the transcript.
MAX_METADATA_CHARS = 4096
# A client's name for one message: short, and safe to keep in the transcript and in logs.
MESSAGE_ID_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
# What a business is told when its message is over `settings().max_message_chars`: the
# widget and X say the same (REST answers 413 with its own wording for clients)
TOO_LONG_TEXT = (
    "Sorry, that message is too long: please keep it to {max} characters or send it in parts."
)


def clean_message(text: str) -> str:
    """Drop control characters (keeping newlines and tabs) and surrounding space."""
    return CONTROL_CHARS.sub("", ESCAPE_SEQUENCE.sub("", text)).strip()


def has_control_chars(text: str) -> bool:
    return CONTROL_CHARS.search(text) is not None or ESCAPE_SEQUENCE.search(text) is not None


def valid_message_id(value: object) -> bool:
    """1-64 letters, digits or `_.:-` and nothing else (a UUID, with or without dashes, fits;
    `fullmatch`: a trailing newline is not let through)."""
    return isinstance(value, str) and MESSAGE_ID_RE.fullmatch(value) is not None
