"""An answer given to the wrong question, moved by the business at the next one: "oops, that
was a problem not an opportunity, put it under barriers. the opportunity is pinewood's new
stages ..." (set AC kept the parking answer under opportunities and the move as the barriers
answer). The last answer is moved to the question pending (it answers it), what follows the
move answers the question it left, and the pending question is not asked again. No Rasa
imports.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.consultation import service
from bot.consultation.questions import question, question_kind
from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees
from bot.storage.audit import audit
from bot.storage.db import session_scope
from bot.storage.models import Response

# "put it under barriers", "move that to the problems one", "that was a problem not an
# opportunity": the kind of question the last answer belongs to
_KIND = r"(barriers?|problems?|opportunit(y|ies)|what would help|help)"
MOVE = re.compile(
    r"\b((put|move|file|stick|count|have) (it|that|this|that one|my last answer|the last answer)"
    rf"( one)? (under|in|into|as|to|for|on) (the )?(?P<kind>{_KIND})"
    r"( one| question| bit| section)?|"
    rf"(that|it) (was|is) (a|an|more of a|really a) (?P<said>{_KIND}),? not (a|an) {_KIND})\b"
)
REST_MIN_WORDS = 3
# "(thats the barriers one btw)", "that was for barriers": the kind of question the last
# answer was meant for, said on its own after it (set AW kept it as the help answer)
LABEL = re.compile(
    r"^((oh|and|ps|sorry|oops|just so you know|fyi|btw|by the way)\s+)*"
    r"(that'?s|thats|that is|that was|that one was|that one'?s|the last (one|answer) was|"
    r"my last (one|answer) was)( for| about| meant for| my answer (to|for))?( the)?"
    rf" (?P<kind>{_KIND})( one| question| bit| answer| section)?"
    r"( (btw|by the way|fyi|just so you know|sorry|then|ok|okay|lol|x))*$"
)


def labelled_kind(text: str) -> str | None:
    """The question kind a whole-message label names ("(thats the barriers one btw)" ->
    "barriers"), or None when the message is not one."""
    match = LABEL.match(normalise(without_addressees(text)))
    return question_kind(normalise(match.group("kind"))) if match else None


def moved_to(text: str) -> tuple[str, str] | None:
    """(the question kind the last answer moves to, what the message says after the move)
    for a message that moves it; None otherwise."""
    matches = list(MOVE.finditer(text.lower()))
    if not matches:
        label = labelled_kind(text)  # "that was the barriers one": moved there, nothing after
        return (label, "") if label else None
    word = next(m.group("kind") or m.group("said") for m in matches)
    kind = question_kind(normalise(word))
    rest = text[matches[-1].end() :].lstrip(" .,;:!-–—")
    return (kind, rest) if kind else None


def move_last_answer(sender_id: str, channel: str, text: str, pending_key: str) -> str | None:
    """Move the business's last answer to `pending_key` when `text` asks for it and that is
    the question of that kind on the same theme; what follows the move is kept as the answer
    to the question the last answer left. The kind moved to ("barriers"), or None when the
    message is no such move."""
    found = moved_to(text)
    answers = service.recorded_answers(sender_id)
    if found is None or not answers or not answers[-1].question_key:
        return None
    kind, rest = found
    last = answers[-1]
    target = question(pending_key)
    try:
        left = question(last.question_key)  # type: ignore[arg-type]
    except (KeyError, ValueError):
        return None
    asks = target.key.rsplit(":", 1)[-1]  # "island:space:barriers" asks about barriers
    if asks != kind or target.theme_id != left.theme_id or left.key == target.key:
        return None
    with session_scope() as session:
        response = session.scalars(select(Response).where(Response.id == last.response_id)).one()
        response.question_key, response.question = target.key, target.text
        audit(
            session,
            actor=service.RESPONDENT,
            action="answer_moved",
            response_id=response.id,
            detail={"from": left.key, "to": target.key},
        )
    if len(rest.split()) >= REST_MIN_WORDS:
        service.record_answer(sender_id, channel, rest, left.key, left.text)
    return kind
