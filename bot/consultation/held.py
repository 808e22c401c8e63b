"""Messages the bot holds before keeping an answer, and the answer they make together.

A sentence cut off ("we need better" then "roads into Aylesbury": the fourteenth set), a
numbered thread ("1/2 ...", "2/2 ..."), a "(cont.)" and a list announced before its items
("ok 2 things", then one item a DM: set BA kept the announcement as the answer and each item
against the next question) are held: nothing stored, "Go on" said, and the next message kept
with them as one answer. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.continued import continued_joined, continues_with_mark, to_be_continued
from bot.consultation.cut_off import cut_off, joined
from bot.consultation.replies import means_nothing, normalise
from bot.consultation.scepticism import vents_first
from bot.consultation.sent_early import dropped_before, sent_early
from bot.consultation.x_style import more_to_come, thread_joined, thread_part, without_addressees

# "ok 2 things", "three points:", "a couple of things" (set BA): a list announced, its items
# in the messages that follow
ANNOUNCED_LIST = re.compile(
    r"(ok|okay|right|so|well|erm|um|hmm|yeah|yes|yh)? ?(i have |i've got |there are |got )?"
    r"(?P<n>\d|two|three|four|five|a couple of|couple of|a few|few) "
    r"(things|points|issues|bits|problems|reasons|of them|items)( really| tbh| then| to say)?"
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "a couple of": 2, "couple of": 2}


def announced_items(text: Any) -> int | None:
    """How many items a message announces and nothing else ("ok 2 things" -> 2; "a few
    points:" -> 0, a number not said), or None when it is not such a message."""
    if not isinstance(text, str):
        return None
    match = ANNOUNCED_LIST.fullmatch(normalise(without_addressees(text)))
    if match is None:
        return None
    n = match["n"]
    return int(n) if n.isdigit() else _COUNTS.get(n, 0)


def list_unfinished(held: list[str], text: str) -> bool:
    """Held messages that open with an announced list ("ok 2 things", "1 council pitch
    licences ...") with fewer items than announced, this message included."""
    if not held:
        return False
    n = announced_items(held[0]) or 0  # "a few things": no number, the next message ends it
    return len(held) < n  # the items: held[1:] and this message


def holds(text: str) -> bool:
    """The message is held: cut off, a thread's part before its last, "(cont.)" at its end,
    a list announced or a view announced ("don't get me started"); "honestly not sure, move
    on" is no sentence cut off."""
    unfinished = cut_off(text) or more_to_come(text) or to_be_continued(text)
    return (
        (unfinished and not means_nothing(text))
        or announced_items(text) is not None
        or vents_first(text)  # "ha, environment. don't get me started" (set BW)
        or sent_early(text)  # "we", "the rec gr" typed on a phone (set FL)
    )


def held_answer(held: list[str], text: str) -> str:
    """The answer the held messages and this one make, in the order sent."""
    # "we" or "the rec gr" sent early (set FL): nothing of it kept when it is only an
    # opening word or this message starts it again
    held = [part for part in held if not dropped_before(part, text)]
    if not held:
        return text
    if announced_items(held[0]) is not None:
        return " ".join([*held, without_addressees(text)])  # "ok 2 things", its items
    if any(thread_part(part) for part in [*held, text]):
        return thread_joined([*held, text])  # "1/2 ...", "2/2 ..."
    if any(to_be_continued(p) or continues_with_mark(p) for p in [*held, text]):
        return continued_joined([*held, text])  # "... (cont.)", "(cont.) ..."
    return joined(held[-1], text)  # "we need better" + "roads into Aylesbury"
