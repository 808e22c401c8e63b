"""A figure in an answer put right in place: "The bit about London studios: they pay 30% more,
not 20%." at the play-back, "40 shud be 50 sorry, fat thumbs" at the play-back or after the
goodbye.

Found by set EQ of unseen conversations: the first was joined to the answer as a correction,
so the officer read "pay 20% more ... [corrected: ... 30% more, not 20%]" and had to work out
which stood; the second was kept as a view of its own ("40 shud be 50 sorry, fat thumbs").
When the old figure (a number, with its %, £, k or unit if any) is in exactly one answer,
once, the new figure takes its place there (`amendments`, audited as the other rewordings
are); in no answer, in several or twice in one, the message is read as before. No Rasa
imports; the change is stored through `service`.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from bot.consultation import service
from bot.consultation.amendments import REWORDED, amend_answer
from bot.consultation.questions import message
from bot.consultation.x_style import plain_dm

_UNIT = r"%|per ?cent|percent|k|m|bn|miles?|mins?|minutes|hours?|hrs?|days?|weeks?|months?|years?"
# a figure: "20%", "£400k", "40", "1,200", "12.5 miles"
_FIGURE = (
    r"(?<![\w.,£$€])(?P<{g}cur>[£$€])?(?P<{g}num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"(?:\s?(?P<{{g}}unit>{_UNIT}))?(?![\w%]|[.,]\d)"
)


def _figure(group: str) -> str:
    return _FIGURE.format(g=group)


# "they pay 30% more, not 20%", "it's £500k rather than £400k": the new figure, then the old
_NEW_NOT_OLD = re.compile(
    rf"{_figure('new')}[^.!?;:\d]{{0,30}}?,?\s+(?:not|rather than|instead of)\s+"
    rf"(?:the\s+)?{_figure('old')}",
    re.IGNORECASE,
)
# "40 shud be 50", "the 40% should read 50%", "40 -> 50": the old figure, then the new
_OLD_BECOMES_NEW = re.compile(
    rf"{_figure('old')}\s*(?:(?:should|shud|shld|needs to|ought to)\s+(?:be|say|read|have been)"
    rf"\s+|->\s*|=>\s*){_figure('new')}",
    re.IGNORECASE,
)


class Figure(NamedTuple):
    currency: str
    number: str
    unit: str


class FigureChange(NamedTuple):
    old: Figure
    new: Figure


def _read(match: re.Match[str], group: str) -> Figure:
    """The figure in groups `group`cur, `group`num and `group`unit."""
    return Figure(
        match[f"{group}cur"] or "", match[f"{group}num"], (match[f"{group}unit"] or "").lower()
    )


def figure_change(text: Any) -> FigureChange | None:
    """The figure a message puts right, old and new ("30% more, not 20%"); None when it
    puts none right (read without the answers)."""
    if not isinstance(text, str):
        return None
    plain = plain_dm(text)
    match = _NEW_NOT_OLD.search(plain) or _OLD_BECOMES_NEW.search(plain)
    if match is None:
        return None
    change = FigureChange(_read(match, "old"), _read(match, "new"))
    # "9 months not 9 weeks" (set GA joined it and the answer still said 9 weeks): the same
    # number in another unit is put right too
    units_differ = bool(change.old.unit and change.new.unit) and not _same_unit(
        change.old.unit, change.new.unit
    )
    return change if change.old.number != change.new.number or units_differ else None


def _same_unit(one: str, other: str) -> bool:
    """ "week" and "weeks", "min" and "mins": one unit."""
    return one.rstrip("s") == other.rstrip("s")


def _in_answer(old: Figure, answer: str) -> list[re.Match[str]]:
    """Where the old figure stands in an answer: the same number, not part of a longer one,
    with the old figure's unit after it when the message gave one."""
    unit = rf"\s?{re.escape(old.unit)}" if old.unit else rf"(?:\s?(?:{_UNIT}))?"
    pattern = (
        rf"(?<![\w.,])(?P<cur>[£$€])?(?P<num>{re.escape(old.number)})"
        rf"(?P<unit>{unit})(?![\w%]|[.,]\d)"
    )
    return list(re.finditer(pattern, answer, re.IGNORECASE))


def _new_text(answer: str, at: re.Match[str], new: Figure) -> str:
    """The answer with the figure at `at` replaced by `new`, keeping the answer's own £ or
    unit when the new figure is given bare ("40 shud be 50" of "40%": "50%")."""
    currency = new.currency or (at["cur"] or "")
    unit = (" " if at["unit"].startswith(" ") else "") + new.unit if new.unit else at["unit"]
    return answer[: at.start()] + currency + new.number + unit + answer[at.end() :]


def put_figure_right(sender_id: str, text: str) -> str | None:
    """Put the figure a message corrects right in the one answer that holds the old one,
    once; the reply to send, or None when the message corrects no figure or the old one is
    in no answer, in several, or twice in one (then the message is read as before)."""
    change = figure_change(text)
    if change is None:
        return None
    answers = service.recorded_answers(sender_id)
    found = [(n, a, m) for n, a in enumerate(answers, 1) for m in _in_answer(change.old, a.text)]
    if len(found) != 1:
        return None
    n, answer, at = found[0]
    if not amend_answer(
        sender_id, answer.response_id, _new_text(answer.text, at, change.new), REWORDED
    ):
        return None
    return message("item_corrected", n=n)
