"""The whole profile in one message, announced as such: "Hi, I'll give you everything in
one go to save time: we're Brightwell Lighting & Grip, we hire lighting, grip and generators
to film and TV productions, there are 16 of us, we're based in Iver and I'm the operations
director." at the name question.

Found by set BV of unseen conversations (conversation_probe_bv.yml): the whole message was
filed as the name, and every later answer went one question astray (the sector question
got the islands choice). Read only when the message says it gives everything at once and
names the business first ("we're <name>, ..."): the name, then the trade up to the first
clause that gives another field, the head count, the town and the role, each where it
belongs. Also the whole profile unannounced, in labelled or separated parts or in clauses
after the name (`profile_in_parts`, set EJ), and the rest of it at a later question
(`rest_of_profile`). No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.bucks_site import known_place
from bot.consultation.head_count import size_band_for
from bot.consultation.numbered_profile import numbered_items
from bot.consultation.profile import NAME_THEN_TRADE, role_given, without_role
from bot.consultation.profile_places import place_in_sentence, where_said
from bot.consultation.recount import head_count_given
from bot.consultation.x_style import without_addressees

# "I'll give you everything in one go to save time:", "all in one go to save typing:",
# "here's the lot in one go -"
LEAD_IN = re.compile(
    r"^((hi|hello|hiya|hey|ok|okay|right|so|sure)[ ,!.]*)*"
    r"((i'?ll|ill|i will|let me|i'?m going to|i'?m gonna|here'?s|heres|here is|doing|i'?ll do|"
    r"i'?ll put|i'?ll give (you|u)|giving (you|u))\s+)?"
    r"((everything|it all|all of it|the lot|all (the|my|our) (details|info)|the details|all)\s+)?"
    r"(in one go|at once|in one message|in one hit|up front)"
    r"(\s+to save (time|typing|you asking|us both (some )?time))?\s*[:,.\-–—]+\s*",
    re.IGNORECASE,
)
# "we're Brightwell Lighting & Grip, ...": the name first (not "we're a printers, ...")
NAME_FIRST = re.compile(
    r"^(we['’]?re|we are|it['’]?s|its|this is|we['’]?re called|we are called)\s+"
    r"(?!(a|an|the|based|located|in)\b)(?P<name>[^,;]+?)\s*[,;]\s*(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# where a clause giving another field starts: ", there are 16 of us", ", 9 staff", ", based
# in", ", and I'm the ..."
_NEXT_FIELD = re.compile(
    r",\s*(?=(?:and\s+)?(?:there|we['’]?re|we are|based|located|\d|i['’]?m|im|i am|my role|"
    r"one of)\b)",
    re.IGNORECASE,
)
# "based in waddesdon" typed in lower case (the town as typed)
_BASED_IN = re.compile(
    r"\b(based|located)\s+(in|at|near)\s+(?P<place>[a-z][\w'-]*(\s+[a-z][\w'-]*){0,2})\s*$",
    re.IGNORECASE,
)
# "im one of the three partners", "I'm a director"
_ONE_OF = re.compile(
    r"\b(i['’]?m|im|i am)\s+(one of the\s+(\w+\s+)?|a\s+|an\s+)"
    r"(?P<role>partner|director|owner|founder|co-?founder|manager)s?\b",
    re.IGNORECASE,
)
# "a farm shop and butchery", "we hire lighting ...": the trade without its opening words
_ARTICLE = re.compile(r"^(we\s+((are|['’]re)\s+)?)?((an?|the)\s+)?", re.IGNORECASE)


def whole_profile(text: Any) -> dict[str, str]:
    """The profile fields a message announcing them all gives, or {} for any other."""
    if not isinstance(text, str):
        return {}
    plain = " ".join(without_addressees(text).split())
    lead = LEAD_IN.match(plain)
    if lead is None:
        return {}
    named = NAME_FIRST.match(plain[lead.end() :])
    if named is None:
        return {}
    fields = {"organisation": named["name"].strip(" .")}
    rest = named["rest"].strip().rstrip(".!")
    role = role_given(rest)
    one_of = _ONE_OF.search(rest)
    if role is None and one_of:
        role = one_of["role"].lower()
    trade = _ARTICLE.sub("", _NEXT_FIELD.split(rest, maxsplit=1)[0].strip(" ,.")).strip()
    if trade and not head_count_given(trade) and not where_said(trade):
        fields["sector"] = trade
    band = head_count_given(rest)
    if band:
        fields["size_band"] = band
    place = where_said(without_role(rest)) or _lower_case_place(rest)
    if place:
        fields["location"] = place
    if role:
        fields["role"] = role
    return fields


def _lower_case_place(text: str) -> str | None:
    """ "..., based in waddesdon, ..." typed in lower case: the town as typed."""
    for clause in re.split(r"[,;]|\band\b", text):
        match = _BASED_IN.search(clause.strip())
        if match:
            return match["place"]
    return None


# The whole profile unannounced, in parts (sets EJ: each part filed as the name and every
# later answer one question astray): labelled ("Name: Orbital Wrap Ltd\nSector: ...\nStaff:
# 14", "Business: Frogmoor Chairworks | Trade: ... | People: 9"), or separated in the
# questions' order ("Scalewright Models / wind tunnel models for motorsport / 19 staff /
# Silverstone Park / MD"), or the name, then the rest in clauses ("Haulette Cycles, we
# design and build electric cargo bikes, 12 staff, High Wycombe, im a co-founder"). Read
# only with a head count and a place or a role among the parts: a name with a remark
# ("Smith & Sons, builders") stays the name.
_LABELS = {
    "organisation": r"name|business name|business|company|company name|organisation|"
    r"organization|firm",
    "sector": r"sector|trade|industry|what we do|line of business|type of business|activity",
    "size_band": r"staff|size|employees|head ?count|people|team|team size|number of staff|"
    r"staff numbers?",
    "location": r"location|based|based in|town|area|where|place|address",
    "role": r"role|position|job|job title|title|my role|me",
}
_LABELLED = {
    slot: re.compile(rf"^\s*(?:{label})\s*[:=\-–]\s*(?P<value>.+?)\s*$", re.IGNORECASE)
    for slot, label in _LABELS.items()
}
_PART_BREAK = re.compile(r"\s*(?:\n+|\s[/|]\s|;)\s*")
_CLAUSE_BREAK = re.compile(r"\s*(?:,|(?<=[a-z0-9])\.\s+|\s[-–]\s)\s*")
_NAME_COLON_TRADE = re.compile(r"^(?P<name>[^:]{2,60}?)\s*:\s*(?P<trade>.+)$")
_ROLE_WORD = re.compile(
    r"^(?:and\s+)?(?:i'?m\s+(?:the\s+|a\s+|an\s+)?|im\s+(?:the\s+|a\s+)?)?(?P<role>md|ceo|cto|coo|"
    r"owner|director|founder|co-?founder|partner|manager|proprietor|principal|chair|"
    r"managing director|(?:[\w-]+\s+)?(?:director|manager|owner|founder|partner))$"
    # "I own it" (set EJ): the owner
    r"|^i (?P<own>own) (?:it|the (?:place|shop|business|firm|company))$",
    re.IGNORECASE,
)
_TOWNISH = re.compile(r"^(?:(?:in|at|on|near)\s+)?[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}$")
# "we grow grapes ... on the slopes above Ivinghoe": the town named inside the trade
_TOWN_IN_TRADE = re.compile(
    r"\b(?:in|near|above|below|outside|just outside)\s+(?P<town>[A-Z][\w'-]+)"
)
# a company's suffix ("Smith & Sons, Ltd") or a remark ("though I sold it in 2022"): no trade
_NOT_A_TRADE = re.compile(
    r"^(?:(?:ltd|limited|llp|plc|inc|cic|& co|and co)\.?$|(?:though|but|well|although|which|so|"
    r"and|or|if|when|sorry|thanks)\b)",
    re.IGNORECASE,
)
PARTS_MAX = 6
NAME_MAX_WORDS = 8
# words that make a part a head count ("me and two part timers", "four of us all year")
_PEOPLE_WORDS = (
    r"me and|just me|of us|staff|people|employees|part[- ]?timers?|full[- ]?timers?|workers|"
    r"team|heads"
)
PEOPLE = re.compile(rf"\b({_PEOPLE_WORDS})\b", re.IGNORECASE)
# ... and, with "them" and "they", a part about the staff, not the firm's town
_ABOUT_STAFF = re.compile(rf"\b({_PEOPLE_WORDS}|them|they)\b", re.IGNORECASE)


def _labelled(parts: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for part in parts:
        for slot, label in _LABELLED.items():
            if slot not in fields and (found := label.match(part)):
                fields[slot] = found["value"].strip(" .")
                break
    if "size_band" in fields:
        band = head_count_given(fields["size_band"]) or size_band_for(fields["size_band"])
        if band:
            fields["size_band"] = band
        else:
            fields.pop("size_band")
    return fields


def _part_slot(part: str) -> tuple[str, str] | None:
    """(slot, value) for a part that is plainly a head count, a role or a town."""
    if band := head_count_given(part) or (PEOPLE.search(part) and size_band_for(part)):
        return "size_band", band
    if known_place(part.strip(" .")):
        return "location", part.strip(" .")
    if role := role_given(part):
        return "role", role
    if found := _ROLE_WORD.match(part.strip(" .")):
        return "role", "owner" if found["own"] else found["role"]
    if found := _ONE_OF.search(part):
        return "role", found["role"]
    # "nearly all of them in Chesham" says where the staff are, not the firm (set DX)
    if not _ABOUT_STAFF.search(part) and (place := where_said(part) or place_in_sentence(part)):
        return "location", place
    return None


def _town_by_shape(part: str) -> str | None:
    """A short part opening with a capital after the name and trade ("Silverstone Park",
    "Aylesbury town centre"): the town as typed."""
    plain = part.strip(" .")
    return plain if _TOWNISH.match(plain) and len(plain.split()) <= 4 else None


def profile_in_parts(text: Any) -> dict[str, str]:
    """The profile fields a message gives in labelled or separated parts, or {}."""
    if not isinstance(text, str):
        return {}
    plain = without_addressees(text).strip()
    if NAME_THEN_TRADE.match(plain) or numbered_items(plain):
        return {}  # "Hale Leys Print, we're a commercial printers, ...", "1. ... 2. ...": theirs
    parts = [p for p in _PART_BREAK.split(plain) if p.strip()]
    if 3 <= len(parts) <= PARTS_MAX and len(labelled := _labelled(parts)) >= 3:
        return labelled
    if len(parts) < 3:
        parts = [p for p in _CLAUSE_BREAK.split(plain) if p.strip()]
    if not 3 <= len(parts) <= PARTS_MAX + 2:
        return {}
    first, rest = parts[0].strip(" ."), parts[1:]
    fields: dict[str, str] = {}
    if named := _NAME_COLON_TRADE.match(first):  # "Kestrel Press: commercial printing"
        first, rest = named["name"].strip(), [named["trade"], *rest]
    if len(first.split()) > NAME_MAX_WORDS:
        return {}
    fields["organisation"] = first
    for part in rest:
        found = _part_slot(part)
        if found is None and ("sector" in fields or "size_band" in fields):
            town = _town_by_shape(part)
            found = ("location", town) if town else None
        if found and found[0] not in fields:
            fields[found[0]] = found[1]
        elif found is None and "sector" not in fields and not _NOT_A_TRADE.match(part.strip()):
            fields["sector"] = _ARTICLE.sub("", part.strip(" .")).strip()
            if "location" not in fields and (named := _TOWN_IN_TRADE.search(part)):
                fields["location"] = named["town"]
    others = {"location", "role", "sector"} & set(fields)
    return fields if "size_band" in fields and others else {}


def rest_of_profile(text: Any) -> dict[str, str]:
    """The head count, town and role an answer gives together at a later profile question
    ("me and two part timers, West Street in Marlow, I own it": set EJ filed it all as the
    head count and asked for the town and role again), or {} for fewer than two of them."""
    if not isinstance(text, str):
        return {}
    fields: dict[str, str] = {}
    for part in _CLAUSE_BREAK.split(without_addressees(text).strip()):
        found = _part_slot(part) if part.strip() else None
        if found is None:
            return {}  # a part that is none of them: not a profile in parts
        fields.setdefault(found[0], found[1])
        if found[0] == "size_band" and (place := where_said(part) or place_in_sentence(part)):
            fields.setdefault("location", place)  # "about 30 people just outside Thame"
    return fields if len(fields) >= 2 else {}
