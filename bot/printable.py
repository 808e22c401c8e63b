"""Characters a person cannot see: one check for every identifier staff read and type back."""

from __future__ import annotations

import unicodedata


def has_invisible(text: str) -> bool:
    """Any control, format (zero-width, bidi override), unassigned or line-breaking
    character: an id or address holding one looks like another (attack probe s46)."""
    return any(
        unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp")
        for ch in text
    )
