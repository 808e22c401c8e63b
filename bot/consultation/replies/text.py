"""The normaliser every reply matcher reads through, and the two tests over it."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# A dash alone is a typed skip, never punctuation or an emoji reply.
DASHES = frozenset({"-", "--", "–", "—"})


def normalise(text: str) -> str:
    """Lower-case words of letters, digits, apostrophes and "/", single-spaced; accents
    dropped so "Dzień dobry" reads as "dzien dobry", not "dzie dobry".

    "Hang on..." -> "hang on"; "N/A" -> "n/a"; "Don’t know!" -> "don't know".
    """
    text = text.lower().replace("’", "'").replace("‘", "'").replace("&", " and ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9'/ ]+", " ", text).split())


def whole(pattern: re.Pattern[str], text: Any) -> bool:
    """The reply, normalised, is nothing but `pattern`."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return bool(norm) and pattern.fullmatch(norm) is not None


def mentions(pattern: re.Pattern[str], text: Any) -> bool:
    """The reply, normalised, contains `pattern` (anchor it with ^ to test the start)."""
    return isinstance(text, str) and pattern.search(normalise(text)) is not None
