"""The profile field just given, amended by the next message: carried on in words ("oh and
interpreting, mostly for hospital outpatients" after the sector), redone because it went
in the wrong box ("I've typed our name in the wrong box. It should say saddlery and tack
shop") or a typo in it starred ("*pawfect grooming"). Split from profile_fixes.py, which
reads fields put right by name. No Rasa imports.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from bot.consultation.asides import continues_answer, without_and
from bot.consultation.profile_fixes import alike
from bot.consultation.replies import normalise
from bot.consultation.replies.corrections import STARRED, STARRED_MAX_WORDS
from bot.consultation.x_style import without_addressees

# Profile fields a second message can carry on in words: "oh and interpreting, mostly for
# hospital outpatients" at the head count question (set AO filed it as the head count) adds
# to the sector just given. Only an opener that can only add: "and we're about 12" or "so
# 30 of us" answers the question asked; a name or a head count is not carried on in words.
CARRIED_ON = ("sector", "location", "role")
CARRY_ON_OPENER = re.compile(r"(oh and|and also|oh also|also|plus|ps|p s|one more thing)\b")


def carried_on_field(text: str, field: str, earlier: Any) -> str | None:
    """`earlier` (the `field` just given) with what this "oh and ..." adds, or None when
    the message carries on no such field."""
    if field not in CARRIED_ON or not isinstance(earlier, str) or not earlier.strip():
        return None
    if not continues_answer(text) or not CARRY_ON_OPENER.match(normalise(without_addressees(text))):
        return None
    added = without_and(without_addressees(text).strip()).strip()
    return f"{earlier}, {added}" if added else None


# "12 on the payroll", then "plus 4 students at weekends" at the town question (set CS filed
# it as the town): more people, counted with the head count just given
COUNT_CARRIED_ON = re.compile(r"(plus|and|oh and|also|\+)\s+(another\s+)?\d+\b")


def carried_on_count(text: str, earlier: Any) -> str | None:
    """The size band of the head count just given (`earlier`, as typed) with the people
    this "plus 4 ..." adds, or None when the message adds no count."""
    from bot.consultation.head_count import size_band_for

    said = normalise(without_addressees(text))
    if not isinstance(earlier, str) or not COUNT_CARRIED_ON.match(said) or len(said.split()) > 8:
        return None
    return size_band_for(f"{without_addressees(earlier)}, {said}")


# "Oh dear, I've typed our name in the wrong box. It should say saddlery and tack shop" at
# the head count (set BT filed it as the head count): the answer before was typed into the
# wrong question; what it should say replaces it
WRONG_BOX = re.compile(
    r"\b(typed|put|written|wrote|entered|answered)\b.{0,30}\b(wrong (box|place|question|bit|"
    r"one|field)|in the wrong)\b",
    re.IGNORECASE,
)
SHOULD_SAY = re.compile(
    r"\b(it|that|the last one|that one|it all)\s+(should|was meant to|ought to)\s+(say|read|be|"
    r"have said)\s*:?\s+(?P<new>[^.!?\n]+)",
    re.IGNORECASE,
)


def redone_answer(text: Any) -> str | None:
    """What the answer before should have said, when a message says it went in the wrong
    box and gives it; None otherwise."""
    if not isinstance(text, str) or not WRONG_BOX.search(text):
        return None
    said = SHOULD_SAY.search(text)
    new = said["new"].strip(" ,;:-\"'") if said else ""
    return new or None


# "*Larkspur not Larksupr" after "Larksupr Framing" (set FA filed it as the sector and every
# answer after it one question late): the starred word, then the typo it replaces
STARRED_NOT = re.compile(
    r"^(?P<new>[^,;]+?)[,;]?\s+(?:not|instead of|rather than)\s+(?P<old>[^,;]+?)[\s.!]*$",
    re.IGNORECASE,
)


def _replaced(earlier: str, new: str, old: str) -> str | None:
    """`earlier` with the words `old` (as whole words, any case) replaced by `new`, or None
    when it does not hold them or nothing would change."""
    pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)", re.IGNORECASE)
    if new.lower() == old.lower() or len(pattern.findall(earlier)) != 1:
        return None
    return pattern.sub(lambda _: new, earlier)


# "steely" for "stewkley" (set FL): a phone swaps a word it does not know for one it does,
# keeping its start; a starred word for a one-word field may be that far from it
AUTOCORRECT_LIKENESS = 0.6
AUTOCORRECT_SAME_START = 2


def _autocorrected(fixed: str, earlier: str) -> bool:
    """One word put right for one word the phone changed: the same first letters and
    most of the rest."""
    return (
        len(fixed.split()) == 1
        and len(earlier.split()) == 1
        and fixed[:AUTOCORRECT_SAME_START] == earlier[:AUTOCORRECT_SAME_START]
        and difflib.SequenceMatcher(None, fixed, earlier).ratio() >= AUTOCORRECT_LIKENESS
    )


def starred_fix(text: Any, earlier: Any) -> str | None:
    """The field just given (`earlier`) as a starred typo fix puts it right ("*pawfect
    grooming" after "pawfect groomin", set EQ filed it as the sector; "*grooming" puts the one
    word right; "*Larkspur not Larksupr" names the typo), or None: the starred words must be
    like the field or one of its words, or name words of it, so a starred answer ("* dog
    grooming" after the name) is an answer."""
    if not isinstance(text, str) or not isinstance(earlier, str) or not earlier.strip():
        return None
    said = without_addressees(text).strip()
    if not STARRED.fullmatch(said) or len(said.split()) > STARRED_MAX_WORDS:
        return None
    fixed = said.strip("* ").strip()
    if named := STARRED_NOT.match(fixed):
        return _replaced(earlier, named["new"].strip(), named["old"].strip())
    if alike(fixed.lower(), earlier.lower()) or _autocorrected(fixed.lower(), earlier.lower()):
        return fixed if fixed.lower() != earlier.lower() else None
    words = earlier.split()
    like = [i for i, word in enumerate(words) if alike(fixed.lower(), word.lower())]
    if len(fixed.split()) != 1 or len(like) != 1 or words[like[0]].lower() == fixed.lower():
        return None
    words[like[0]] = fixed
    return " ".join(words)
