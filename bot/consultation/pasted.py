"""An answer pasted more than once into one message, kept once.

Found by set R of unseen conversations (conversation_probe_r.yml): "We can't find chefs in
Marlow for love nor money." pasted three times into one message was kept, tagged and
played back three times over. A paste repeated whole (with spaces, new lines or nothing
between the copies), or a sentence repeated straight after itself, is one answer: the
first copy is kept. A short phrase said twice on purpose ("very very", "no no no") is
left as typed: only runs of at least MIN_WORDS words count. The bot's own question pasted
back (set FC) is no answer either: the words after it, if any, are. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.x_style import without_addressees

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


# The bot's own question copied back (set FC: "Education and skills: in a sentence or two,
# how does it affect your business, and what would help?" was kept as that question's
# answer): a run of its words this long, opening the message, is the question, not a view
QUESTION_MIN_WORDS = 4
# "(2 of 3)" after a question: the bot's count, never pasted as part of it
COUNT = re.compile(r"\(\s*\d+\s+of\s+\d+\s*\)")
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def _question_openings(asked: str) -> list[re.Pattern[str]]:
    """A pattern for each question the bot asked ("...?"), matching a message that opens
    with all of its words in order, whatever the punctuation and case between them."""
    patterns = []
    for question in re.findall(r"[^?.!\n]+\?", COUNT.sub(" ", asked)):
        # the whole question, or its words after the theme's name ("what barriers or
        # problems hold you back?" without "High performance technology:")
        for part in {question, question.partition(":")[2]}:
            words = WORD.findall(part)
            if len(words) >= QUESTION_MIN_WORDS:
                joined = r"\W+".join(re.escape(word) for word in words)
                patterns.append(re.compile(rf"^\W*{joined}\W*", re.IGNORECASE))
    return patterns


def after_pasted_question(text: str, asked: str) -> str | None:
    """What the message says after the bot's own question copied back at its start ("" when
    it is the question and nothing more: no words of the business's own), or None when it
    does not open with a question the bot asked. An X DM's handles are none of its words."""
    if not isinstance(text, str):
        return None
    plain = COUNT.sub(" ", without_addressees(text))
    for pattern in _question_openings(asked):
        if match := pattern.match(plain):
            return plain[match.end() :].strip()
    return None
