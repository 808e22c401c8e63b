"""Needs a business states outright: staff it cannot hire, premises it cannot find, advice.

GUIDE.md is plain that recruiting skilled people is `education_skills` and that units, labs,
workshops and grow-on space to rent or buy are `infrastructure`, whoever needs them. On every
unseen set these were the two weakest recalls, and nearly always as the *second* subject: "TV
production company next to Pinewood: we need sound stages AND a workforce", "our lab does
bloods for private clinics, cant find biomedical scientists". The classifier reads the
firm's sector loudly and the need faintly; a need said this plainly is not a matter of
degree, so a clause that states one carries its theme (evidence `need: ...`).

Deliberately narrow: a need word must govern a trade or premises noun in the same clause
("need 20 more drivers", "can't get qualified sparkys", "need somewhere bigger", "affordable
units"), a negation before it in the clause cancels it ("we don't need premises"), and
customers, investors, mentors or chargers are not staff. Business support asked for or had
("some impartial advice", "somebody to explain the rules") is the third need:
entrepreneurialism. On the 7,142 training messages the rules fire 683 times and agree with
the writers' labels 668 times, 97.8% (README: How it works, 10).
"""

from __future__ import annotations

import re

from bot.tagging.business_support import FINANCE_REFUSED, SUPPORT
from bot.tagging.premises import PREMISES
from bot.tagging.rule_patterns import first_statements
from bot.tagging.staff_needs import STAFF_NEED

# Power the site lacks, a utility GUIDE.md files under infrastructure: "UKPN quoting 18
# months for a 400kVA upgrade", "3 phase power", "SSE quoted 2 yrs for a new substation"
# (set AW's fleet firm lost infrastructure beside the council; 215 of 216 agree, the other
# wires a three-phase board)
_POWER = re.compile(
    r"\b(?:ukpn|uk power networks|substations?|(?:3|three)[- ]phase (?:power|supply|"
    r"electric\w*)|power upgrade|grid (?:upgrade|capacity|connection)s?|(?:new|bigger) "
    r"(?:power|electricity) (?:supply|connection))\b",
    re.IGNORECASE,
)

# Connectivity the site lacks, which GUIDE.md files under infrastructure: "we've no fibre so
# we courier test results about on usb sticks" (set FH: 0.43 alone, under the threshold);
# all 71 training messages so worded carry infrastructure. "no signal issues here" is none.
_NO_CONNECTION = re.compile(
    r"\b(?:no|zero|without|lack of|poor|rubbish|terrible|awful|slow|patchy|dreadful|useless|"
    r"shocking|dire|bad|unreliable|flaky)\s+(?:full[- ]|proper\s+|decent\s+|reliable\s+|"
    r"fast\s+|superfast\s+|mobile\s+|phone\s+)?(?:fibre|fiber|broadband|4g|5g|signal|wifi|"
    r"wi-fi|internet|connectivity)\b(?!\s+(?:issues?|problems?|complaints?|worries|concerns?)\b)",
    re.IGNORECASE,
)

RULES: dict[str, re.Pattern] = {
    "education_skills": STAFF_NEED,
    "infrastructure": re.compile(
        f"{PREMISES.pattern}|{_POWER.pattern}|{_NO_CONNECTION.pattern}", re.IGNORECASE
    ),
    "entrepreneurialism": re.compile(f"{SUPPORT.pattern}|{FINANCE_REFUSED.pattern}", re.IGNORECASE),
}


# "Lorry drivers. Can't get them. Anywhere." (unseen set X): the need names what it lacks
# in the clause before, a few words alone; read as "can't get lorry drivers"
_LACKS_THEM = re.compile(
    r"^\W*(?:and\s+|but\s+)?(?:we\s+|i\s+)?(?:just\s+|still\s+|simply\s+)?"
    r"(?P<verb>can'?t|cannot|can not|struggle to|never)\s+(?P<act>get|find|hire|recruit|keep)"
    r"\s+(?:them|any|one|enough)\b",
    re.IGNORECASE,
)
_NAMED_ALONE_MAX_WORDS = 3


def _lacked_before(clauses: list[str]) -> list[str]:
    """Each "can't get them" after a clause of a few words alone, with those words put in."""
    out = []
    for before, clause in zip(clauses, clauses[1:], strict=False):
        match = _LACKS_THEM.match(clause)
        named = before.strip(" .,;:!-")
        if match and 0 < len(named.split()) <= _NAMED_ALONE_MAX_WORDS:
            out.append(f"{match['verb']} {match['act']} {named}")
    return out


def stated_needs(clauses: list[str]) -> dict[str, str]:
    """Theme id -> the phrase that states the need, for each need a clause states outright."""
    return first_statements(RULES, [*clauses, *_lacked_before(clauses)])
