"""The parts of a stored answer that are points of their own: the points of a list ("• no
upholstery course left in Bucks\n• people want old chairs re-done rather than binned", "1)
cisrs courses r in london 2) young lads cant afford to drive") and what was added to the
answer later ("... [added later: we lose every lab scientist we train ...]").

Found by sets CQ and CX of unseen conversations: the later points lost their themes, as the
tagger reads a long message whole and a second subject in a clause of its own only lifts its
score partly. Each such part is a point the business made on its own, so it is tagged alone
too and its themes kept beside the whole answer's: when the answer is stored, when it is
amended and when it is re-tagged (`service.record_answer`, `amendments`, `retag`), so a
re-tag never drops them. No Rasa imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.tagging.result import TagResult

# a point's mark: a bullet, an emoji, or a number or letter with "." or ")" opening a line,
# or a number or letter with ")" after a space ("1) ... 2) ..." in one DM); a dash inside a
# line is no mark ("housing and skills - the lads can't ...")
LIST_MARK = re.compile(
    r"(?:(?:^|(?<=\n))[ \t]*(?:[-*•▪◦·✅👉➡️🌳🚗💷]+|\(?\d{1,2}[.)]|\(?[a-h][.)])"
    r"|(?<=\s)\(?(?:\d{1,2}|[a-h])\))[ \t]+(?=[^\W\d_])"
)
# how an addition is kept after the words it adds to (`amendments.amended_text`)
ADDED = "added later"
_ADDITION = re.compile(rf"\[{ADDED}: (?P<added>[^\]]+)\]")
MIN_ITEMS = 2
MIN_ITEM_WORDS = 2


def list_items(text: str) -> list[str]:
    """The points of a list answer, each as typed without its mark; [] when the answer is
    not a list of at least two points."""
    marks = list(LIST_MARK.finditer(text))
    if len(marks) < MIN_ITEMS:
        return []
    items = [
        text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)].strip()
        for i, m in enumerate(marks)
    ]
    items = [item for item in items if len(item.split()) >= MIN_ITEM_WORDS]
    return items if len(items) >= MIN_ITEMS else []


def without_list_marks(text: str) -> str:
    """The text without the numbers or bullets that mark its items as a list ("1.
    infrastructure\n2. environment" as a choice: set CX read the numbers as places in the
    list shown)."""
    return LIST_MARK.sub(" ", text).strip()


def answer_parts(text: str) -> list[str]:
    """The points of a list answer and the additions made to it later: each tagged on its
    own beside the whole. With additions, the words first sent are a part too ("Money."
    then "and trial costs": set EE lost the first's theme in the joined whole)."""
    added = [m["added"] for m in _ADDITION.finditer(text)]
    first = _ADDITION.sub(" ", text).strip()
    first_sent = [first] if added and first else []
    return [*list_items(first), *first_sent, *added]


def tag_answers(
    texts: list[str],
    question_keys: list[str | None],
    tag_many: Callable[[list[str], list[str | None]], list[TagResult]],
) -> list[TagResult]:
    """Each answer's tags, with the themes of its own parts (a list's points, what was added
    later: `answer_parts`) kept beside the whole's; the parts go through `tag_many` in one
    batch. One reading for storing, amending and re-tagging, so a re-tag drops nothing."""
    from bot.tagging.result import with_themes_of

    results = tag_many(texts, question_keys)
    parts = [(i, part) for i, text in enumerate(texts) for part in answer_parts(text)]
    if parts:
        tagged = tag_many([p for _, p in parts], [question_keys[i] for i, _ in parts])
        for (i, _), own in zip(parts, tagged, strict=True):
            results[i] = with_themes_of(results[i], own, "part")
    return results


def tag_answer(text: str, question_key: str | None) -> TagResult:
    """`tag_answers` for one answer, through `bot.tagging.tag` (the seam tests replace)."""
    from bot.tagging import tag

    def one_by_one(texts: list[str], keys: list[str | None]) -> list[TagResult]:
        return [tag(t, k) for t, k in zip(texts, keys, strict=True)]

    return tag_answers([text], [question_key], one_by_one)[0]
