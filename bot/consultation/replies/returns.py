"""Back from a pause: "Back. It's me and a part-time apprentice", "right, sorted. yes, that all
looks correct" (set AO), "Back with you. The other barrier is ...", "Sorry about that, he's
in now. Where were we?" (set ET). In front of words, those words are the reply
(`after_return`); alone, no answer (`returned_only`, read by `pauses.holding`). Split from
pauses.py (past 400 lines). No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.interruptions import BACK_FROM
from bot.consultation.replies.text import normalise
from bot.consultation.x_style import without_addressees

# Back from a pause and straight on: "Back. It's me and a part-time apprentice", "@btvlep
# back. a council contract ...", "sorry about that. ops@...", "right, sorted. yes, that all
# looks correct", "down now. yep all correct" (set AO kept the whole as the answer: the
# head count lost, a "yes" at the play-back not read)
RETURNED = re.compile(
    r"((ok|okay|right|sorry|soz|phew|so|and) )*("
    r"(i'?m |im |i am )?back( now| again| sorry)?|sorry (about|for) (that|the (wait|delay))|"
    r"sorted|all sorted|done|down now|off the phone|where (was i|were we)|"
    r"(that'?s|thats) (sorted|done)|(had|got) to (take|answer) (a|that|the) call|"
    # "Sorry, a customer came in while I was reading that. Yes, that's all fine" at the
    # play-back (set CS kept it as one more view)
    r"(a |the )?(customer|client|delivery|call|someone|somebody) (came|walked|come) in"
    r"( while i was [\w' ]{1,30})?|"
    rf"{BACK_FROM}"
    r")( sorry| now)?"
)


def after_return(text: Any) -> Any:
    """The message without a return from a pause that opens it ("Back. It's me and a
    part-time apprentice" -> "It's me and a part-time apprentice"); unchanged when nothing
    follows the return or none opens it."""
    if not isinstance(text, str):
        return text
    rest, returned = without_addressees(text), False
    if alone := re.match(r"\s*(sorry|soz|apologies)[.!]+\s+(?=\S)", rest, re.IGNORECASE):
        rest, returned = rest[alone.end() :], True  # "Sorry. Yes, that all looks right"
    # piece by piece: "right, sorted. yes, ..." is a filler, the return, then the answer
    while match := re.match(r"\s*([^,.;:!?…\n]+)[,.;:!?…\n]+\s*", rest):
        piece = normalise(match.group(1))
        if RETURNED.fullmatch(piece):
            returned = True
        elif not _FILLER_PIECE.fullmatch(piece):
            break
        rest = rest[match.end() :]
    return rest.strip() if returned and normalise(rest) else text


_FILLER_PIECE = re.compile(r"(ok|okay|right|so|sorry|soz|phew|oh)( (ok|okay|right|so|sorry))*")
# "Sorry about that, he's in now. Where were we?" (set ET): a return piece by piece, no answer
_BACK_ITSELF = re.compile(
    rf"((ok|okay|right|sorry|soz|phew|so|and) )*((i'?m |im |i am )?back( now| again)?|"
    rf"{BACK_FROM}|where (was i|were we))"
)


def returned_only(text: Any) -> bool:
    """The message is a return from a pause and nothing more, in pieces."""
    if not isinstance(text, str):
        return False
    pieces = [normalise(p) for p in re.split(r"[,.;:!?…\n]+", without_addressees(text))]
    pieces = [p for p in pieces if p]
    return (
        bool(pieces)
        and all(RETURNED.fullmatch(p) or _FILLER_PIECE.fullmatch(p) for p in pieces)
        and any(_BACK_ITSELF.fullmatch(p) for p in pieces)
    )
