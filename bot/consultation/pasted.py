"""An answer pasted more than once into one message, kept once.

Found by set R of unseen conversations (conversation_probe_r.yml): "We can't find chefs in
Marlow for love nor money." pasted three times into one message was kept, tagged and
played back three times over. A paste repeated whole (with spaces, new lines or nothing
between the copies), or a sentence repeated straight after itself, is one answer: the
first copy is kept. A short phrase said twice on purpose ("very very", "no no no") is
left as typed: only runs of at least MIN_WORDS words count. No Rasa imports.
"""

from __future__ import annotations

import re

MIN_WORDS = 4
MAX_TRIES = 20
# A sentence with the space after it: up to . ! ? or a new line
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)\s*")


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".!? ")


def _repeated_whole(text: str) -> str | None:
    """The one copy when the whole message is the same passage two or more times over."""
    flat = " ".join(text.split())
    head = " ".join(flat.split()[:MIN_WORDS]).rstrip(".!?")
    if len(flat.split()) < 2 * MIN_WORDS:
        return None
    at = flat.find(head, 1)
    for _ in range(MAX_TRIES):
        if at < 0:
            return None
        unit = flat[:at].strip()
        bare = unit.rstrip(".!? ")
        if len(unit.split()) >= MIN_WORDS and re.fullmatch(
            rf"(?:{re.escape(bare)}[.!?]*\s*){{2,}}", flat, flags=re.IGNORECASE
        ):
            return unit
        at = flat.find(head, at + 1)
    return None


def _repeated_sentences(text: str) -> str:
    """The message without any sentence that repeats the one straight before it."""
    kept: list[str] = []
    last = ""
    dropped = False
    for match in SENTENCE.finditer(text):
        sentence = match.group(0)
        key = _key(sentence)
        if key and key == last and len(key.split()) >= MIN_WORDS:
            dropped = True
            continue
        kept.append(sentence)
        last = key or last
    # rebuilt only when a repeat went: the pattern skips what no sentence holds, so a
    # rebuild would lose "..." opening a message that carries on the one before (set CP)
    return "".join(kept).strip() if dropped else text


def once(text: str) -> str:
    """The message with a repeated paste kept once; unchanged when nothing repeats."""
    if not isinstance(text, str) or not text.strip():
        return text
    whole = _repeated_whole(text)
    if whole is not None:
        return whole
    deduped = _repeated_sentences(text)
    return deduped if deduped and len(deduped) < len(text.strip()) else text
