"""A view with a question asked in passing: whether the view is still an answer to keep
("..., will the LEP actually fix it?", "... who's putting this strategy together?") and
whether the question asks when the consultation closes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.consultation.replies.questions import (
    LEAD_INS,
    QUESTION_MAX_WORDS,
    QUESTION_WORDS,
    asked_topic,
)
from bot.consultation.replies.text import normalise
from bot.consultation.replies.yes_no import says_no, says_yes

# "the broadband on our estate is awful, will the LEP actually fix it?": a view with a
# question about acting on it tacked on (the ninth set: answered as a question, never
# stored). Only a question about doing something; "we're a garden centre, is this only for
# tech firms?" asks about the consultation and is answered.
ACTING_ON_IT = re.compile(
    r"\b(fix|fixed|fixing|sort|sorted|sorting|do (something|anything|owt)|help|change|"
    r"improve|listen|listening|happen|act|invest|care|bother|deliver|pay|get better|"
    r"anything about)\b"
)
CLAUSE_BREAK = re.compile(r"[.!,;:\n]|\s[-–—]\s")
VIEW_MIN_WORDS = 4


def view_with_question(text: str) -> bool:
    """A statement of at least four words followed by a short question about acting on it
    ("..., will the LEP actually fix it?", "... - is anyone going to do anything about
    it?"): a view to keep, not a question to answer in its place."""
    stripped = text.strip()
    if not stripped.endswith("?"):
        return False
    body = stripped.rstrip("?! ")
    breaks = list(CLAUSE_BREAK.finditer(body))
    if not breaks:
        return False
    statement, asked = body[: breaks[-1].start()], body[breaks[-1].end() :]
    words = LEAD_INS.sub("", normalise(asked)).split()
    if "?" in statement or len(normalise(statement).split()) < VIEW_MIN_WORDS:
        return False
    if not words or len(words) > QUESTION_MAX_WORDS:
        return False
    asks = words[0] in QUESTION_WORDS or words[0] in {"anyone", "anybody", "someone", "would"}
    said = " ".join(words)
    return asks and (ACTING_ON_IT.search(said) is not None or RHETORICAL.match(said) is not None)


# "... the Chess smells some summers from the sewage overflows. Who wants to eat chips next
# to that?" (set CU was given the person to talk to, and the view lost): a question that
# answers itself, about the view before it
RHETORICAL = re.compile(
    r"(who (wants|would want|'d want|in their right mind)|"
    r"why would (anyone|anybody|people|they|customers)|"
    r"how (is|are) (anyone|anybody|we|people|a small (firm|business)|small (firms|businesses)|"
    r"customers) (supposed|meant|expected) to|what chance (do|does|have))\b"
)


# "when does the consultation close? also the air on the high street ..." (the tenth set:
# the view was kept, the question never answered): a question about the consultation's
# dates inside a longer answer; the answer is kept and the dates said too. Only a clause
# that asks ("the planning deadline is too short" is a view).
WHEN_IT_CLOSES = re.compile(
    r"\b(when (does|do|will|is|are) (it|this|the (consultation|survey|strategy|questions)|"
    r"this (consultation|survey))( \w+)? (close|closes|closing|end|ends|finish|finishes|shut|"
    r"due|over|done|decided|published)|deadline|closing date|cut ?off( date)?|"
    r"how long (have|do) (i|we) (got|have))\b"
)
ASKED_CLAUSE = re.compile(r"[^.!?\n]*\?")


def asks_when_it_closes(text: str) -> bool:
    """A clause of the message asks when the consultation closes ("when does this
    close?", "what's the deadline?")."""
    return any(WHEN_IT_CLOSES.search(normalise(clause)) for clause in ASKED_CLAUSE.findall(text))


STATEMENT_MIN_WORDS = 6


_SENTENCE_OR_QUESTION_END = re.compile(r"(?<=[.!?])\s+")
# "Sorry, I didn't follow the seabed bit. What is the seabed, in plain English?" (set CR):
# a sentence about the question, no view beside the question
NOT_FOLLOWED = re.compile(
    r"\b(i|we)( really| quite)? (didn'?t|did not|don'?t|do not|can'?t|cannot) (quite |really |"
    r"fully )?(follow|understand|grasp|get (what|the|that|this|it)\b)|\bnot sure i (follow|"
    r"understand)|\bconfus(ed|ing)\b|\blost me\b|\bno idea what (you|that|this|it)\b"
)


def _view_then_asked(text: Any) -> tuple[str, str] | None:
    """A statement of six words or more with one sentence that asks after its start, last
    or in the middle ("Every trust wants its own clinical evidence before it will buy. Who
    actually reads these answers, by the way? The other thing is NHS procurement ...": set
    EC): (the statement without the question, the question), or None."""
    if not isinstance(text, str) or "?" not in text:
        return None
    sentences = _SENTENCE_OR_QUESTION_END.split(text.strip())
    asking = [at for at, sentence in enumerate(sentences) if sentence.rstrip().endswith("?")]
    if len(asking) != 1 or asking[0] == 0:
        return None
    asked = sentences[asking[0]]
    statement = " ".join(
        part
        for at, part in enumerate(sentences)
        if at != asking[0] and not NOT_FOLLOWED.search(normalise(part))
    ).strip()
    if len(statement.split()) < STATEMENT_MIN_WORDS or "?" in statement:
        return None
    return statement, asked


def view_then_question(text: str) -> tuple[str, str] | None:
    """A view with a question about the consultation after its first sentence, last or in
    the middle ("we've never got a meeting at Oxford about licensing their tech. who's
    actually putting this strategy together?"): (the view, the FAQ topic asked), or None.
    Both count: the question is answered and the view kept as the answer."""
    split = _view_then_asked(text)
    topic = asked_topic(split[1]) if split else None
    return (split[0], topic) if split and topic else None


# "What does the Oxford-Cambridge Arc mean for a workshop like mine? Anyway, the opportunity:
# ...", "Will the council see what I write here, or only the LEP? Either way: ..." (set CR
# answered the question and asked again, or kept the question with the view): a question,
# then a turn back to the answer
TURN_TO_VIEW = re.compile(
    r"^\W*(anyway|anyhow|either way|regardless|in any case|back to (the|your) question|"
    r"to answer (the|your) question|as for (the|your) question)\b[\s,.:;!-]*",
    re.IGNORECASE,
)
VIEW_AFTER_QUESTION_MIN_WORDS = 6


def _asked_then_view(text: Any) -> tuple[str, str] | None:
    """A question, then "anyway, ..." and a view of six words or more: (the view, the
    question), or None."""
    if not isinstance(text, str):
        return None
    asked, mark, rest = text.strip().partition("?")
    turn = TURN_TO_VIEW.match(rest.strip()) if mark else None
    if turn is None:
        return None
    view = rest.strip()[turn.end() :].strip()
    if len(view.split()) < VIEW_AFTER_QUESTION_MIN_WORDS:
        return None
    return view, f"{asked}?"


def question_then_view(text: str) -> tuple[str, str] | None:
    """A question about the strategy or who reads the answers, then "anyway, ..." and a view:
    (the view, the FAQ topic asked), or None."""
    split = _asked_then_view(text)
    topic = asked_topic(split[1]) if split else None
    return (split[0], topic) if split and topic else None


def view_and_question(text: Any) -> tuple[str, str] | None:
    """A view and a question beside it, in either order: (the view, the question), or None.
    What the question asks is for the caller to read."""
    return _view_then_asked(text) or _asked_then_view(text)


# "No thanks. When does it all close, though?" at the follow-up question (set EB answered
# the question and asked the yes or no again): the no stands, and the question is answered
_FIRST_SENTENCE = re.compile(r"^\s*([^.!?,;]+[.!,;])\s*(.+)$", re.DOTALL)


def yes_or_no_then_question(
    text: str, decides: Callable[[str], bool] | None = None
) -> tuple[str, str] | None:
    """A plain yes or no, then a question about the consultation: (the yes or no, the FAQ
    topic asked), or None. `decides` reads a worded yes or no of the caller's question too
    ("@btvlep no emails ta, but who do i speak to ...?": set EY asked the follow-up again)."""
    found = _FIRST_SENTENCE.match(text) if isinstance(text, str) else None
    if found is None or not found.group(2).strip().endswith("?"):
        return None
    answer, asked = found.group(1).strip(" .!,;"), found.group(2)
    if not (says_yes(answer) or says_no(answer) or (decides is not None and decides(answer))):
        return None
    topic = asked_topic(asked)
    return (answer, topic) if topic and topic != "focus" else None
