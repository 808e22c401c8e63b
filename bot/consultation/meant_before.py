"""A profile answer put right at the next question, or at the islands choice just after the
profile: "sorry thats vague, i meant ebike battery repairs and rebuilds" at the head count
(after "bikes"), "Sorry, I meant Operations Director, not quality manager" and "before that,
the staff one, 9 is just the workshop. with the drivers and office its 13" at the islands.

Found by set FT of unseen conversations: each was kept as the answer to the question
pending (every later profile field one question late), or at the islands "didn't catch"
and the profile left wrong. Which field is meant: the one a pointer names ("the staff one",
"my role") beside a word that looks back ("before that", "going back", "sorry"); the one
whose value on record the message withdraws ("..., not quality manager"); after "I meant",
what the words are (a number of people, a town, a role) when that field is on record, else
the sector just given. Only a field already given can be put right, so "sorry, I meant 12"
at the head count is its answer. The name put right ("that was the old name, we trade as
...") is `profile_fixes.corrected_name`'s. No Rasa imports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.consultation.bucks_site import known_place
from bot.consultation.head_count import NUMBER, NUMBER_PATTERN, size_band_for
from bot.consultation.profile import ROLE_WORD, tidy_profile_answer
from bot.consultation.questions import named_themes
from bot.consultation.x_style import without_addressees

# Words owning up to a slip before the field put right ("sorry, ...", "oops ...")
_OWNING = (
    r"(?:sorry|soz|oops|whoops|apologies|my bad|my mistake|actually|wait|hang on|oh|ah|ok|"
    r"okay|no)"
)
_MEANT = (
    r"(?:(?:what\s+)?i\s+meant(?:\s+to\s+(?:say|put|write|type))?(?:\s+was)?|(?:i\s+)?"
    r"should(?:\s+have|'?ve)\s+(?:said|put))"
)
_ARTICLE = r"(?:a\s+|an\s+|the\s+|just\s+)?"
# "..., not quality manager": the value withdrawn
_NOT_OLD = rf"(?:\s*,?\s+(?:and\s+)?not\s+{_ARTICLE}(?P<old>[^,.!?;]+?))?"
# "sorry thats vague, i meant ebike battery repairs and rebuilds": a few words may come
# before "I meant" ("thats vague", "going back a step")
MEANT = re.compile(
    rf"^\W*(?:{_OWNING}\b[\s,.!:;-]*)*(?:[^.!?;\d]{{1,40}}?[\s,.!:;-]+)?{_MEANT}\s*[:,-]?\s*"
    rf"{_ARTICLE}(?P<new>[^.!?;]+?){_NOT_OLD}\s*(?:[.;!?].*)?$",
    re.IGNORECASE | re.DOTALL,
)
# "Sorry, Operations Director not quality manager", "oops, it's X not Y": owned up to,
# then the value and the one on record withdrawn
WITHDRAWN = re.compile(
    rf"^\W*(?:{_OWNING}\b[\s,.!:;-]*)+(?:(?:it'?s|its|it\s+is|(?:it\s+)?should\s+(?:be|say|"
    rf"read))\s+)?{_ARTICLE}(?P<new>[^,.!?;]+?)\s*,?\s+not\s+{_ARTICLE}(?P<old>[^,.!?;]+?)"
    r"\s*(?:[,.;!?].*)?$",
    re.IGNORECASE | re.DOTALL,
)
# Words that look back at an earlier answer; past the profile an apology is not enough
# ("sorry, the staff one" at the seabed choice chooses education and skills)
LOOKS_BACK = re.compile(
    r"\b(before that|go(ing)? back|back a (step|bit)|back to|earlier|the one before|"
    r"previous|i (said|put|gave|typed|wrote)|(i )?meant)\b",
    re.IGNORECASE,
)
OWNS_UP = re.compile(r"^\W*(sorry|soz|oops|whoops|apologies|my bad|actually)\b", re.IGNORECASE)
# "the staff one", "the head count", "my role", "the town": the field pointed at
_ONE = r"\s+(?:one|question|bit|answer|box|thing)\b"
POINTERS = {
    "size_band": re.compile(
        rf"\b(?:the|my|our)\s+(?:(?:staff|people|employees?|numbers?|size|how many){_ONE}|"
        r"head ?count|number of (?:staff|people|employees)|staff numbers?)\b",
        re.IGNORECASE,
    ),
    "sector": re.compile(
        r"\b(?:the|my|our)\s+(?:sector|trade|line of business|business type)\b", re.IGNORECASE
    ),
    "location": re.compile(
        r"\b(?:the|my|our)\s+(?:town|location|postcode|post code|address)\b", re.IGNORECASE
    ),
    "role": re.compile(r"\b(?:the|my)\s+(?:role|job title|job|title|position)\b", re.IGNORECASE),
}
# what a pointed-at field should be: "the town one, it's Wendover"
POINTED_VALUE = re.compile(
    r"^(?:\s+(?:one|question|bit|answer|box|thing)\b)?[\s,:;-]*(?:it'?s|its|it\s+is|is|was|"
    r"should\s+(?:be|say|read|have\s+(?:been|said))|i\s+meant|meant|put|say)\s*:?\s+"
    rf"{_ARTICLE}(?P<new>[^.!?;,]+)",
    re.IGNORECASE,
)
# "with the drivers and office its 13", "so it's 11", "that makes 14": the count as it is
STATED = re.compile(
    r"\b(?:it'?s|its|it\s+is|we'?re|we\s+are|that'?s|thats|so|makes?(?:\s+it|\s+us)?|"
    r"making(?:\s+it|\s+us)?|total(?:\s+is)?|there'?s|there\s+are)\s+(?:(?:about|around|"
    rf"roughly|nearly|actually|really|now|more\s+like)\s+)*(?P<n>{NUMBER_PATTERN})\b",
    re.IGNORECASE,
)
# "sorry i meant we're based in Aylesbury" at the head count: where, not what the firm does
WHERE = re.compile(
    r"^((we'?re|we are|i'?m|i am|it'?s|its)\s+)?(based|located|situated|in|at)\b", re.I
)
ROLE_MAX_WORDS = 4
COUNT_MAX_WORDS = 6


def _on_record(profile: Mapping[str, str | None], field: str) -> str:
    return (profile.get(field) or "").strip()


def _count_band(text: str) -> str | None:
    """The size band of the count a message gives now: the last one stated ("..., its
    13"), else the whole read as a head count."""
    stated = list(STATED.finditer(text))
    if stated:
        return size_band_for(f"{stated[-1]['n']} staff")
    return size_band_for(text)


def _withdrawn_field(old: str | None, profile: Mapping[str, str | None]) -> str | None:
    """The field whose value on record `old` is ("not quality manager" -> role)."""
    said = " ".join((old or "").lower().split())
    return next(
        (f for f, v in profile.items() if f != "size_band" and v and said == v.strip().lower()),
        None,
    )


def _pointed(text: str, profile: Mapping[str, str | None], late: bool) -> dict[str, str]:
    """A field pointed at beside a word that looks back (in the profile, or an apology),
    and its new value."""
    if not (LOOKS_BACK.search(text) or (not late and OWNS_UP.search(text))):
        return {}
    for field, pointer in POINTERS.items():
        at = pointer.search(text)
        if at is None or not _on_record(profile, field):
            continue
        rest = text[at.end() :]
        if field == "size_band":
            band = _count_band(rest) if NUMBER.search(rest.lower()) else None
            return {field: band} if band else {}
        value = POINTED_VALUE.match(rest)
        return {field: value["new"].strip()} if value else {}
    return {}


def _meant_field(new: str, profile: Mapping[str, str | None], last: str | None) -> str | None:
    """The field on record that what follows "I meant" is: a number of people, a town or a
    role by its words, else the sector when it was the answer just given."""
    words, counted = new.split(), NUMBER.search(new.lower()) is not None
    if counted and len(words) <= COUNT_MAX_WORDS and _on_record(profile, "size_band"):
        return "size_band" if size_band_for(new) else None
    if known_place(new) and _on_record(profile, "location"):
        return "location"
    role_like = ROLE_WORD.search(new) and len(words) <= ROLE_MAX_WORDS
    if role_like and _on_record(profile, "role"):
        return "role"
    return "sector" if last == "sector" and not counted and not WHERE.match(new) else None


def _fixed(fixes: dict[str, str], profile: Mapping[str, str | None]) -> dict[str, str]:
    """The fixes tidied as their answers are, without any that changes nothing."""
    tidied = {f: v if f == "size_band" else tidy_profile_answer(f, v) for f, v in fixes.items()}
    return {f: v for f, v in tidied.items() if v and v.lower() != _on_record(profile, f).lower()}


def meant_earlier(
    text: str, pending: str | None, profile: Mapping[str, str | None], last: str | None
) -> dict[str, str]:
    """In the profile: the earlier fields `text` puts right while `pending` is asked, given
    the profile on record and the field the message before filled (`last`); empty when it
    answers the question pending."""
    said = without_addressees(text).strip()
    fixes = _pointed(said, profile, late=False)
    if not fixes and (match := MEANT.match(said) or WITHDRAWN.match(said)):
        field = _withdrawn_field(match["old"], profile)
        if field is None and match.re is MEANT:
            field = _meant_field(match["new"].strip(), profile, last)
        fixes = {field: match["new"].strip()} if field else {}
        if fixes.get("size_band"):
            band = size_band_for(fixes["size_band"])
            fixes = {"size_band": band} if band else {}
    return _fixed({f: v for f, v in fixes.items() if f != pending}, profile)


def meant_late(text: str, profile: Mapping[str, str | None]) -> dict[str, str]:
    """Past the profile (the islands choice, a strategy question): a field pointed at, one
    whose value on record is withdrawn, or a town or a role after "I meant" that names no
    theme ("Sorry, I meant Operations Director")."""
    said = without_addressees(text).strip()
    if fixes := _pointed(said, profile, late=True):
        return _fixed(fixes, profile)
    match = MEANT.match(said) or WITHDRAWN.match(said)
    if match is None:
        return {}
    new = match["new"].strip()
    field = _withdrawn_field(match["old"], profile)
    if field is None and match.re is MEANT and not named_themes(new):
        field = _meant_field(new, profile, None)
        field = field if field in ("location", "role") else None
    return _fixed({field: new}, profile) if field else {}
