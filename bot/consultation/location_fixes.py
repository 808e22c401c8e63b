"""The business's location put right after it was given: "sorry wrong postcode, it's HP19",
"we're in Wendover not Tring", "we moved to Marlow in the summer", "put us down as
Aylesbury". A "not <place>" must name the place on record, so a view that compares two
places corrects nothing. Split from profile_fixes.py, which gathers every field's fixes.
No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.bucks_site import known_place
from bot.tagging.gazetteer import PLACES

# A place as typed: up to four words or a postcode ("Wendover", "High Wycombe", "HP19",
# "HP19 8AB"), never running on into "not ..."
_PLACE = r"[A-Za-z0-9][\w'&.-]*(?:\s+(?!not\b|now\b|sorry\b)[A-Za-z0-9][\w'&.-]*){0,3}?"
_END = r"\s*(?=[,.;:!)]|\s+(?:not|now|sorry|instead|thanks|cheers|ta)\b|\s*$)"
_IN = (
    r"(?:(?:we'?re|we are|i'?m|i am|it'?s|its|it is|based|actually)\s+)?"
    r"(?:(?:based|located)\s+)?(?:in|at)\s+"
)
# "wrong postcode" opening the message ("sorry, wrong town"): "the wrong town got the
# bypass, it's Aylesbury that needed it" is a view
_AT = r"(?:in\s+|at\s+)?"
_WRONG = (
    r"^\W*(?:(?:sorry|oops|whoops|soz|my bad|apologies|ah|oh|actually|btw|that'?s|that was|"
    r"(?:i|we) (?:gave|put|typed|wrote|said)(?: you)?(?: the| a)?|the|a)\W+)*"
    r"wrong\s+(?:postcode|post code|town|location|address|place|area|village|city|county)\b"
)
# the profile field a correction names ("my town is ...", "the location should be ...")
_FIELD = r"(?:town|village|location|area|base|postcode|post code|address|place)"
# the end of a place moved to or from: "... last spring", "... in March", a stop or the end
_MOVE_END = (
    r"(?=\s+(?:in|last|this|back|earlier|over|a|not|now|since|two|three|few|recently)\b|"
    r"\s*[,.;:!)]|\s*$)"
)
_THEN = (
    r"(?:it'?s|its|it is|it should be|should be|should say|should have (?:been|said)|"
    r"we'?re (?:in|at)|we are (?:in|at)|i meant|meant|correct one is|right one is)\s+"
)
LOCATION_FIXES = (
    # "sorry wrong postcode, it's HP19"
    re.compile(
        rf"{_WRONG}(?:\s+(?:sorry|soz|again|there|earlier|before))?\W+{_THEN}(?P<new>{_PLACE}){_END}",
        re.IGNORECASE,
    ),
    # "we're in Wendover not Tring", "based in Thame, not Tring"
    re.compile(rf"\b{_IN}(?P<new>{_PLACE}),?\s+not\s+{_AT}(?P<old>{_PLACE}){_END}", re.I),
    # "oh n its loudwater not flackwell heath, thats home not the yard" (set EQ, beside the
    # role): no "in", so the place withdrawn must be the one on record
    re.compile(
        rf"\b(?:it'?s|its|it is)\s+(?:actually\s+|really\s+)?(?P<new>{_PLACE}),?\s+not\s+"
        rf"{_AT}(?P<old>{_PLACE}){_END}",
        re.I,
    ),
    # "sorry I meant Amersham not Chesham" (set AM, at the role question): no "in", so the
    # place withdrawn must be the one on record
    re.compile(
        r"\b(?:i\s+meant|meant|(?:sorry|oops|soz)(?!\W+i\s+meant\b))\W+"
        rf"(?P<new>{_PLACE}),?\s+not\s+{_AT}(?P<old>{_PLACE}){_END}",
        re.I,
    ),
    # "not Tring, we're in Wendover"
    re.compile(rf"\bnot\s+{_AT}(?P<old>{_PLACE}),?\s+{_IN}(?P<new>{_PLACE}){_END}", re.I),
    # "I put Aylesbury but the workshop's in Haddenham" (set AG, at the islands question)
    re.compile(
        rf"\b(?:i|we)\s+(?:put|said|told you|gave(?: you)?|typed|wrote)\s+(?P<old>{_PLACE})"
        # "I put High Wycombe earlier, but the office is in Hazlemere now" (set BD)
        r"(?:\s+(?:earlier|before|at the start|first))?,?"
        r"\s+but\s+(?:(?:the|our)\s+)?(?:workshop|office|unit|site|business|shop|yard|"
        r"factory|premises|we)(?:'s|'re|\s+is|\s+are)?\s+(?:actually\s+|really\s+)?"
        rf"(?:in|at)\s+(?!.*\b(?:too|as well|also)\b)(?P<new>{_PLACE}){_END}",
        re.I,
    ),
    # "and my town is wingrave not wing, autocorrect" (set FI, at the play-back: read as a
    # theme change): the field named, then the place with the one on record withdrawn
    re.compile(
        rf"\b(?:my|our|the)\s+{_FIELD}\s+(?:is|should\s+(?:be|say|read)|needs\s+to\s+(?:be|say))"
        rf"\s+(?:actually\s+|really\s+)?{_AT}(?P<new>{_PLACE}),?\s+not\s+{_AT}(?P<old>{_PLACE}){_END}",
        re.I,
    ),
    # "we're in Little Chalfont now, we moved from Chalfont St Giles last spring" (set FI
    # kept it as a view at the play-back): where the business is, and the place on record
    # it moved from
    re.compile(
        rf"\b{_IN}(?P<new>{_PLACE})(?:\s+now)?\s*[,;.]?\s*(?:and\s+|as\s+|since\s+)?"
        r"(?:we'?ve|we have|we|i'?ve|i have|i)\s+(?:just\s+|recently\s+)?(?:moved|relocated)\s+"
        rf"(?:here\s+)?(?:from|out of)\s+{_AT}(?P<old>{_PLACE}){_MOVE_END}",
        re.I,
    ),
    # "we moved from Chalfont St Giles to Little Chalfont last spring"
    re.compile(
        rf"\b(?:moved|relocated)\s+(?:from|out of)\s+{_AT}(?P<old>{_PLACE})\s+to\s+"
        rf"(?P<new>{_PLACE}){_MOVE_END}",
        re.I,
    ),
)
# "Oh sorry, we moved to Marlow in the summer, not Wycombe any more" (set BK, at the role
# question): a move names the new place; it must be a place ("I moved to accounts", "we
# moved to a bigger unit" are not)
MOVED_TO = re.compile(
    # "I put Hazlemere but we actually moved to Holmer Green in March" (set FA kept it as a
    # view at the islands choice)
    r"\b(?:we'?ve|we have|we|i'?ve|i have|i)\s+"
    r"(?:(?:just|recently|since|now|actually|really)\s+)*"
    rf"(?:moved|relocated)\s+(?:to|over to|out to)\s+(?P<new>{_PLACE})"
    r"(?=\s+(?:in|last|this|back|earlier|over|a|not|now|since)\b|\s*[,.;:!)]|\s*$)",
    re.IGNORECASE,
)
# "Actually, put us down as Aylesbury, that's our main surgery." (set CQ changed the sector):
# a known town after "put us down as" is where the business is
PUT_DOWN_AS = re.compile(
    r"\bput\s+(?:us|me)\s+down\s+as\s+(?:being\s+)?(?:in\s+|at\s+)?"
    rf"(?P<new>{_PLACE}){_END}",
    re.IGNORECASE,
)
# "oh and put holmer green as the town not widmer end" (set GA kept "and put holmer green as
# the town" as the town): the place, with the field it goes in; one withdrawn must be the one
# on record, and without one it must be a known town
PUT_AS_FIELD = re.compile(
    rf"\b(?:put|make|have|use|list|show|say|change it to)\s+{_AT}(?P<new>{_PLACE})\s+as\s+"
    rf"(?:the|my|our)\s+{_FIELD}(?:,?\s+(?:not|instead of|rather than)\s+{_AT}"
    rf"(?P<old>{_PLACE}))?{_END}",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"^[A-Za-z]{1,2}\d{1,2}[A-Za-z]?(\s*\d[A-Za-z]{2})?$")


_KNOWN_PLACES = frozenset(place.lower() for place in PLACES)


def _a_place(words: str) -> bool:
    """A town the strategy names, a postcode, or a capitalised name ("Marlow", "HP19")."""
    return (
        words.lower() in _KNOWN_PLACES
        or _POSTCODE.match(words) is not None
        or (words[:1].isupper() and words.split()[0].lower() not in {"a", "an", "the", "our"})
    )


def corrected_location(text: Any, location: str | None) -> str | None:
    """The place a message corrects the location to ("sorry wrong postcode, it's HP19";
    "we're in Wendover not Tring" once Tring is on record; "we moved to Marlow"), or None. A
    "not <place>" must name the place on record, so "we're in Aylesbury, not London" is no
    correction unless London was given."""
    if not isinstance(text, str):
        return None
    if (moved := MOVED_TO.search(text)) and _a_place(moved["new"]):
        return moved["new"]
    put_down = PUT_DOWN_AS.search(text)
    if (
        put_down
        and known_place(put_down["new"])
        and put_down["new"].lower() != (location or "").lower()
    ):
        return put_down["new"]
    put_as = PUT_AS_FIELD.search(text)
    if put_as and (known_place(put_as["new"]) or put_as["old"]):
        return first_fix((PUT_AS_FIELD,), text, location) or first_fix(
            LOCATION_FIXES, text, location
        )
    return first_fix(LOCATION_FIXES, text, location)


def first_fix(
    patterns: tuple[re.Pattern[str], ...], text: str, on_record: str | None
) -> str | None:
    """The new value of the first pattern that matches: one whose "old" group names a value
    other than the one on record, or whose new value is the one on record, corrects nothing."""
    for pattern in patterns:
        match = pattern.search(text)
        if not match:
            continue
        new = match.group("new").strip(" .,")
        old = match.groupdict().get("old")
        if old is not None and (not on_record or old.strip(" .,").lower() != on_record.lower()):
            continue
        if on_record and new.lower() == on_record.lower():
            continue
        return new
    return None
