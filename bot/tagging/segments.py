"""Split a message into the clauses a reader would tag one by one.

Business views touch two or three themes, and the second often sits in a clause of its own:
"we can't recruit machinists, and the A41 is gridlocked". Scored as one text, the stronger
subject drowns the other (the neighbour vote and the embedding both average the message).
Scoring each clause as well, and keeping every theme any clause reaches, is how GUIDE.md's
"every clause counts" is applied.

The split is deliberately plain: sentence ends, semicolons, colons, dashes, bullets, "+" and
"&" in posts, and coordinating words that start a new subject ("and", "but", "also",
"plus", "as well as", "while", "whereas", "although", "oh and"). Pieces too short to carry a
subject on their own (fewer than `MIN_WORDS` words) are joined to their neighbour, so in
"skills and roads" the lone "skills" stays with its pair rather than becoming a clause.
"""

from __future__ import annotations

import re

MIN_WORDS = 2
MAX_SEGMENTS = 6

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|\s*[;•|]\s*|\s+[-–—]\s+|\s*(?<!\w)[+&](?!\w)\s*")
_CLAUSE = re.compile(
    r",?\s+(?=(?:and|but|also|plus|although|though|whereas|while|oh and|as well as|"
    r"not to mention|on top of that|another thing|the other thing)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9#@']+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _merge_short(pieces: list[str]) -> list[str]:
    """Join pieces with fewer than MIN_WORDS words onto the previous (or next) piece."""
    out: list[str] = []
    for piece in pieces:
        if out and (_words(piece) < MIN_WORDS or _words(out[-1]) < MIN_WORDS):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def segments(text: str) -> list[str]:
    """The message's clauses, in order; a single-clause message gives `[text]`.

    >>> segments("We can't recruit machinists, and the A41 is gridlocked every morning")
    ["We can't recruit machinists", 'and the A41 is gridlocked every morning']
    """
    pieces = []
    for sentence in _SENTENCE.split(text):
        sentence = (sentence or "").strip(" ,.")
        if sentence:
            pieces += [p.strip(" ,.") for p in _CLAUSE.split(sentence) if p and p.strip(" ,.")]
    pieces = _merge_short(pieces)
    if len(pieces) > MAX_SEGMENTS:  # a long email: keep sentences, not every clause
        pieces = _merge_short([s.strip() for s in _SENTENCE.split(text) if s and s.strip()])
        if len(pieces) > MAX_SEGMENTS:
            size = -(-len(pieces) // MAX_SEGMENTS)
            pieces = [" ".join(pieces[i:i + size]) for i in range(0, len(pieces), size)]
    return pieces or [text]
