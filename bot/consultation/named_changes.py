"""An answer changed by name once the play-back is past: at the follow-up question ("before
that, can i change the housing one? what i meant was ...") or after the goodbye ("forgot
one bit, can you add to the roads one that ..."), and a named answer reworded at the
play-back itself.

Found by set FI of unseen conversations (owners who correct things at the play-back and
later): the first was read as neither a yes nor a no ("was that a yes or a no?") and the new
wording lost, the second was told the consultation had finished. The officer reads one
answer per question, as the business finally meant it (`amendments`), so the change goes
to the answer it names. Only a change that names its answer (by number or by subject) and
says what it becomes counts: a view, a yes or a no there is read as before. No Rasa
imports; the change is stored through `service`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation import service
from bot.consultation.amendments import ADDED, CORRECTED, REWORDED, amend_answer
from bot.consultation.figure_fixes import figure_change, put_figure_right
from bot.consultation.playback_fixes import (
    ITEM_ADD,
    ITEM_MORE,
    ITEM_PATTERN,
    ITEM_TACKED,
    REPLACED,
    TOPIC_ADD,
    TOPIC_GOES,
    TOPIC_PATTERN,
    TOPIC_TACKED,
    WORDING_MIN_WORDS,
    addition_to_item,
    item_number,
    topic_answer,
)
from bot.consultation.questions import message, question
from bot.consultation.replies import normalise
from bot.consultation.x_style import plain_dm
from bot.strategy import theme

# What opens a whole new wording: "what I meant was ...", "make it: ...", "new version: ..."
# ("it should say the A4129, not the B4009" puts a detail right: `playback_fixes`)
_WORDING_LEAD = (
    r"(?:what (?:i|we) (?:meant|wanted to say|was trying to say|should have said) (?:was|is)|"
    r"(?:i|we) meant(?: to say)?|make it(?: say| read)?\s*:|(?:the )?new (?:version|wording)"
    r"(?: is)?|(?:it )?should (?:say|read|be)\s*:)"
)
# "can i change the housing one? what i meant was ..." (set FI, at the follow-up question): a
# verb of changing, the answer by its number or its subject, then its new wording
_NAMED = rf"(?:{ITEM_PATTERN}|{TOPIC_PATTERN})"
# "Please make it: ..." (set EQ): a polite word before the new wording
_THEN_WORDING = (
    rf"\b[^.!?:;]{{0,20}}?[?.!:;,-]+\s*(?:(?:please|pls|plz)\s+)?{_WORDING_LEAD}\s*:?\s*"
)
NAMED_REWORD = re.compile(
    r"\b(?:change|redo|rewrite|reword|update|amend|edit|fix|correct|replace)\s+"
    rf"{_NAMED}{_THEN_WORDING}(?P<wording>\S.+)$",
    re.IGNORECASE | re.DOTALL,
)
# "the barriers answer isn't right. Please make it: ..." a question later, "the skills answer
# needs changing, it should say: ..." the day after the goodbye (set EQ kept the first as the
# answer pending and the second as a view): the answer named, disowned, then its new wording
NAMED_DISOWNED = re.compile(
    rf"\b{_NAMED}\s+(?:(?:is|was)(?:n'?t| not) (?:quite )?right|(?:is|was) wrong|"
    r"needs (?:changing|fixing|correcting|rewording|updating))"
    rf"{_THEN_WORDING}(?P<wording>\S.+)$",
    re.IGNORECASE | re.DOTALL,
)
_ADDITIONS = (ITEM_ADD, ITEM_MORE, ITEM_TACKED, TOPIC_ADD, TOPIC_TACKED, TOPIC_GOES)


def changes_a_named_answer(text: Any) -> bool:
    """The message rewords or adds to an answer it names (read without the answers)."""
    if not isinstance(text, str):
        return False
    plain = plain_dm(text)
    return (
        _named_reword(plain) is not None
        or any(p.match(plain) for p in _ADDITIONS)
        or figure_change(plain) is not None  # "40 shud be 50 sorry, fat thumbs" (set EQ)
    )


def _named_reword(plain: str) -> re.Match[str] | None:
    return NAMED_REWORD.search(plain) or NAMED_DISOWNED.search(plain)


def reword_named_answer(sender_id: str, text: str) -> str | None:
    """Put the new wording a message gives for an answer it names in that answer's place
    (joined to it as a correction when the wording withdraws words: "I meant Thame, not
    Tring"); the reply to send, or None when it names no single answer or gives no wording."""
    changed = _reword(sender_id, text)
    if changed is None:
        return None
    n, how = changed
    return message("item_corrected" if how == CORRECTED else "item_replaced", n=n)


def reword_earlier_answer(sender_id: str, text: str) -> str | None:
    """The same at a question still pending ("Hang on, before digital: the barriers answer
    isn't right. Please make it: ...": set EQ): the answer named by the theme of its
    question, as the business has seen no numbers yet; the reply, or None."""
    if _named_reword(plain_dm(text)) is None:  # most answers: no need to read the others
        return None
    changed = _reword(sender_id, text)
    if changed is None:
        return None
    key = service.recorded_answers(sender_id)[changed[0] - 1].question_key or ""
    return message("earlier_changed", name=theme(question(key).theme_id).name)


def _reword(sender_id: str, text: str) -> tuple[int, str] | None:
    """(answer number, how it was changed) once the named answer is changed, else None."""
    match = _named_reword(plain_dm(text))
    if match is None:
        return None
    answers = service.recorded_answers(sender_id)
    n = item_number(match, len(answers)) if match["n"] else topic_answer(match["topic"], answers)
    wording = match["wording"].strip()
    if n is None or len(wording.split()) < WORDING_MIN_WORDS:
        return None
    if REPLACED.search(normalise(wording)):
        amend_answer(sender_id, answers[n - 1].response_id, plain_dm(text), CORRECTED)
        return n, CORRECTED
    amend_answer(sender_id, answers[n - 1].response_id, wording, REWORDED)
    return n, REWORDED


def change_named_answer(sender_id: str, text: str) -> str | None:
    """Reword or add to the answer a message names, past the play-back; the reply to send,
    or None when the message changes no answer (most messages: no answers are read)."""
    if not changes_a_named_answer(text):
        return None
    if (figure := put_figure_right(sender_id, text)) is not None:
        return figure  # "40 shud be 50 sorry, fat thumbs" after the goodbye (set EQ)
    if (reworded := reword_named_answer(sender_id, text)) is not None:
        return reworded
    answers = service.recorded_answers(sender_id)
    addition = addition_to_item(text, answers)
    if addition is None:
        return None
    n, rest = addition
    if not amend_answer(sender_id, answers[n - 1].response_id, rest, ADDED):
        return None
    return message("item_added", n=n)
