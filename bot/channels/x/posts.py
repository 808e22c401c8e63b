"""Public posts as X counts them: length (URLs 23, wide characters 2), threads, no URLs.

Why no URLs: since April 2026 X charges $0.20 for an API post containing a URL against
$0.015 (or $0.01 for a summoned reply) without, so automated public replies name the
account to DM instead of linking to anything (`strip_urls`).
"""

from __future__ import annotations

import re

MAX_POST_CHARS = 280
URL_WEIGHT = 23


def _char_weight(char: str) -> int:
    """X counts most Latin/punctuation as 1 and everything else (CJK, emoji) as 2."""
    code = ord(char)
    if code <= 4351 or 8192 <= code <= 8205 or 8208 <= code <= 8223 or 8242 <= code <= 8247:
        return 1
    return 2


URL_RE = re.compile(r"https?://\S+")


def post_length(text: str) -> int:
    """A post's length as X counts it (URLs count 23)."""
    length = 0
    position = 0
    for url in URL_RE.finditer(text):
        length += sum(_char_weight(c) for c in text[position : url.start()]) + URL_WEIGHT
        position = url.end()
    return length + sum(_char_weight(c) for c in text[position:])


def _split_line(line: str, budget: int) -> list[str]:
    """One line too long for a post, as word-wrapped pieces (over-long tokens cut)."""
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        while post_length(word) > budget:  # a very long token: cut it
            cut = budget
            while post_length(word[:cut]) > budget:
                cut -= 1
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}" if current else word
        if post_length(candidate) > budget:
            pieces.append(current)
            current = word
        else:
            current = candidate
    if current:
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]


def split_for_posts(text: str, limit: int = MAX_POST_CHARS) -> list[str]:
    """Splits text into posts of at most `limit` (X-counted), numbered "(1/3)" if several.

    Whole lines are kept together where they fit (a numbered option is never cut in two);
    only a line longer than a post is word-wrapped."""
    text = text.strip()
    if post_length(text) <= limit:
        return [text] if text else []
    budget = limit - len(" (99/99)")
    pieces: list[str] = []
    for line in text.split("\n"):
        pieces.extend([line] if post_length(line) <= budget else _split_line(line, budget))
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n{piece}" if current else piece
        if post_length(candidate.strip()) > budget:
            chunks.append(current.strip())
            current = piece
        else:
            current = candidate
    chunks.append(current.strip())
    chunks = [chunk for chunk in chunks if chunk]
    total = len(chunks)
    return [f"{chunk} ({i}/{total})" for i, chunk in enumerate(chunks, start=1)]


# What X links automatically: http(s) URLs, www. hosts and bare domains on common TLDs
# (not an email address's domain); trailing punctuation stays in the sentence.
_TAIL = r"(?:[^\s]*?(?=[.,;:!?)\]]*(?:\s|$)))"
LINK_RE = re.compile(
    r"https?://"
    + _TAIL
    + r"|(?<![@\w.-])www\."
    + _TAIL
    + r"|(?<![@\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|gov|io|co|info|eu)\b"
    + r"(?:/"
    + _TAIL
    + r")?",
    re.IGNORECASE,
)


def has_link(text: str) -> bool:
    return bool(LINK_RE.search(text))


def strip_urls(text: str) -> str:
    """The text without anything X would turn into a link (tidied where one stood)."""
    stripped = LINK_RE.sub("", text)
    lines = [
        re.sub(r"\s+([,.;:!?])", r"\1", " ".join(line.split())) for line in stripped.split("\n")
    ]
    return "\n".join(lines).strip()
