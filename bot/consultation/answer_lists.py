"""The points of an answer written as a list: "• no upholstery course left in Bucks\\n•
people want old chairs re-done rather than binned", "1) cisrs courses r in london 2)
young lads cant afford to drive", lines of "* " or "- " or emoji bullets.

Found by set CX of unseen conversations: a list's later points lost their themes, as the
tagger reads a long message whole and a second subject in a clause of its own only lifts
its score partly. Each point of a list is a point the business makes on its own, so each is
tagged alone too and its themes kept beside the whole answer's (`service.record_answer`).
No Rasa imports.
"""

from __future__ import annotations

import re

# a point's mark: a bullet or an emoji opening a line, or a number or letter with "." or ")"
# opening a line or after a space ("1) ... 2) ..." in one DM)
_MARK = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:[-*•▪◦·✅👉➡️🌳🚗💷]+|\(?\d{1,2}[.)]|\(?[a-h][.)])"
    r"|(?<=\s)\(?\d{1,2}\))[ \t]+(?=\S)"
)
MIN_ITEMS = 2
MIN_ITEM_WORDS = 2


def list_items(text: str) -> list[str]:
    """The points of a list answer, each as typed without its mark; [] when the answer is
    not a list of at least two points."""
    marks = list(_MARK.finditer(text))
    if len(marks) < MIN_ITEMS:
        return []
    items = [
        text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)].strip()
        for i, m in enumerate(marks)
    ]
    items = [item for item in items if len(item.split()) >= MIN_ITEM_WORDS]
    return items if len(items) >= MIN_ITEMS else []
