"""The whole profile in one message, announced as such: "Hi, I'll give you everything in
one go to save time: we're Brightwell Lighting & Grip, we hire lighting, grip and generators
to film and TV productions, there are 16 of us, we're based in Iver and I'm the operations
director." at the name question.

Found by set BV of unseen conversations (conversation_probe_bv.yml): the whole message was
filed as the name, and every later answer went one question astray (the sector question
got the islands choice). Read only when the message says it gives everything at once and
names the business first ("we're <name>, ..."): the name, then the trade up to the first
clause that gives another field, the head count, the town and the role, each where it
belongs. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.head_count import head_count_given
from bot.consultation.profile import role_given, without_role
from bot.consultation.profile_places import where_said
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
