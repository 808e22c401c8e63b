"""Which played-back answers a theme correction changes, and whether it changes anything.

"You missed the skills bit in the first one" names the answer; set AD's was added to the
last answer instead. "The last one's not a housing thing" about an answer that was never
tagged housing, or "the second one is mainly about money, you've missed that" when it is
already tagged Entrepreneurialism, changes nothing: the business is told so plainly rather
than told "Done" or asked again which themes to change. No Rasa imports, no storage: the
service applies what these choose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.consultation.questions import message, named_themes, parse_correction, theme_names
from bot.consultation.replies import normalise
from bot.consultation.replies.text import ORDINALS


class Tagged(Protocol):
    """A played-back answer (`service.RecordedAnswer`), as far as a correction reads it."""

    @property
    def question_key(self) -> str | None: ...

    @property
    def themes(self) -> list[str]: ...


# "in the first one", "the last one's", "number 2", "answer 3", "for the second point"
_POINTED = re.compile(
    r"\b(?:(?:the )?(?P<ord>" + "|".join(ORDINALS) + r"|last|\d{1,2}(?:st|nd|rd|th))"
    # "the 1st ones about the new houses" (set BG dropped the theme from every answer)
    r" (?:one|ones|answer|bit|point|item)|(?:number|no|answer|item|point|#) ?(?P<num>\d{1,2}))\b"
)


def pointed_item(text: str, count: int) -> int | None:
    """The 1-based number of the answer a correction points at ("the first one", "the last
    one's", "number 2"), among `count` answers; None when it points at none or out of range."""
    match = _POINTED.search(normalise(text))
    if match is None:
        return None
    word = match.group("ord") or match.group("num")
    if word == "last":
        n = count
    elif word in ORDINALS:
        n = ORDINALS.index(word) + 1
    else:  # "2", "2nd"
        n = int(re.sub(r"\D", "", word))
    return n if 1 <= n <= count else None


# "put skills on 1", "take housing off 3", "for number 2": an answer pointed at by its bare
# number after the change (set AY)
_BARE_ITEM = re.compile(
    r"\b(?:on|off|to|from|for|in)\s+(?:answer\s+|number\s+|no\s+)?(?P<n>\d{1,2})\b"
)
# "put environment on all of them" (set AY kept it as a view): every answer
_EVERY_ITEM = re.compile(
    r"\b(?:all of them|all (?:three|four|five|six|the answers|my answers|of those)|every (?:one|"
    r"answer|single one)|each of them|each one|everywhere|across the board)\b"
)
# parts of one message that each change their own answers: "Put skills on 1 as well, that's
# the apprentice bit, and take housing off 3"
_PARTS = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+(?=(?:take|put|add|drop|remove|knock)\b))")


@dataclass(frozen=True)
class ItemChange:
    """One part of a correction: themes added and removed on the answers it points at."""

    add: list[str]
    remove: list[str]
    items: list[int]  # 1-based


# "Take it off number 2" after "What does high performance technology mean? You've put it on
# number 2 and we just make gates." (set BY kept it as one more view): the theme is the one
# the message before asked about
_PRONOUN_CHANGE = re.compile(
    r"\b(?P<verb>take|drop|remove|knock|strip|get rid of|lose)\s+(?P<it>it|that|that one|them)\b"
    r"(?=\s+(off|out|from)\b|\s*$|\s*[,.;!])",
    re.IGNORECASE,
)


def with_theme_named(text: str, previous: str | None) -> str | None:
    """`text` with "it" in "take it off number 2" replaced by the one theme the previous
    message named, or None when there is no such pronoun or no one theme to put for it."""
    match = _PRONOUN_CHANGE.search(text)
    if match is None or not previous:
        return None
    named = named_themes(previous)
    if len(named) != 1:
        return None
    name = theme_names(named)
    return f"{text[: match.start('it')]}{name}{text[match.end('it') :]}"


def item_changes(text: str, count: int) -> list[ItemChange]:
    """The parts of a correction that each point at their own answers ("Put skills on 1 as
    well, ..., and take housing off 3"; "put environment on all of them"); empty unless every
    part that changes a theme points at answers among `count`, and at least one does."""
    changes = []
    for part in _PARTS.split(normalise(text)):
        add, remove = parse_correction(part)
        if not (add or remove):
            continue  # "that's the apprentice bit": a reason, no change
        items = _targets(part, count)
        if not items:
            return []
        changes.append(ItemChange(add, remove, items))
    return changes


def _targets(part: str, count: int) -> list[int]:
    if _EVERY_ITEM.search(part):
        return list(range(1, count + 1))
    if n := pointed_item(part, count):
        return [n]
    bare = _BARE_ITEM.search(part)
    return [int(bare["n"])] if bare and 1 <= int(bare["n"]) <= count else []


def add_targets(answers: Sequence[Tagged], theme_id: str, item: int | None) -> list[int]:
    """Indexes of the answers an added theme goes to: the one pointed at; else those given
    while that theme was being discussed; else the most recent."""
    if item:
        return [item - 1]
    asked = [i for i, a in enumerate(answers) if a.question_key and theme_id in a.question_key]
    return asked or ([len(answers) - 1] if answers else [])


def remove_targets(answers: Sequence[Tagged], theme_id: str, item: int | None) -> list[int]:
    """Indexes of the answers a removed theme comes off: the one pointed at, or every
    answer, of those that carry it."""
    chosen = [item - 1] if item else range(len(answers))
    return [i for i in chosen if theme_id in answers[i].themes]


@dataclass(frozen=True)
class PlannedChange:
    add: list[str]  # themes that will be added somewhere new
    remove: list[str]  # themes that will come off at least one answer
    already: list[str]  # asked to add, and every target already carries it
    absent: list[str]  # asked to remove, and no target carries it


def plan(
    answers: Sequence[Tagged], add: list[str], remove: list[str], item: int | None
) -> PlannedChange:
    """What a correction would change, theme by theme."""
    adding = [
        t for t in add if any(t not in answers[i].themes for i in add_targets(answers, t, item))
    ]
    removing = [t for t in remove if remove_targets(answers, t, item)]
    return PlannedChange(
        add=adding,
        remove=removing,
        already=[t for t in add if t not in adding],
        absent=[t for t in remove if t not in removing],
    )


def correction_reply(change: PlannedChange, item: int | None) -> str:
    """What the bot says after a correction: what it changed, and what was already so
    ("Answer 2 is already tagged Entrepreneurialism.")."""
    lines = []
    changes = []
    if change.add:
        changes.append(f"added {theme_names(change.add)}")
    if change.remove:
        changes.append(f"dropped {theme_names(change.remove)}")
    if changes:
        lines.append(message("correction_done", changes="; ".join(changes)))
    if change.already:
        where = f"Answer {item} is" if item else "That's"
        lines.append(message("correction_already", where=where, names=theme_names(change.already)))
    if change.absent:
        where = f"Answer {item} isn't" if item else "None of your answers is"
        lines.append(message("correction_absent", where=where, names=theme_names(change.absent)))
    return " ".join(lines)


def item_changes_reply(changes: Sequence[ItemChange], count: int) -> str:
    """ "Done: added Education and skills to answer 1; dropped Housing growth from answer 3." """

    def where(items: list[int], word: str) -> str:
        if len(items) == count and count > 1:
            return f"{word} all {count} answers"
        return f"{word} answer{'s' if len(items) > 1 else ''} " + ", ".join(map(str, items))

    said = []
    for change in changes:
        if change.add:
            said.append(f"added {theme_names(change.add)} {where(change.items, 'to')}")
        if change.remove:
            said.append(f"dropped {theme_names(change.remove)} {where(change.items, 'from')}")
    return message("correction_done", changes="; ".join(said))
