"""A road that is only where something happens is not a view on transport links.

GUIDE.md: mobility *technology or products* are `intelligent_mobility`; transport *links*
(a road, a rail line, a station) are `infrastructure`. Five independent writers (sets A, C,
D, E, G) each labelled messages such as "Let us trial our shuttle on public roads in
Aylesbury", "Nobody will insure a driverless shuttle on a public road yet" and "the air on
Desborough Road is awful for our riders" without `infrastructure`, and so do our own
training writers (20 of 20 such messages): the road there is where a trial runs or where the
air is bad, not a link anybody asks to be built, fixed or reached. The classifier hears
"road" and adds infrastructure anyway.

So infrastructure is withheld when every transport word in a message is such a setting: a
road or street a driverless, connected or electric vehicle is trialled on ("on real roads",
"public-road trials", "a test route"), or the road the bad air is on ("fumes on the A40"),
and nothing else in the message could carry the theme (no other link, premises, power,
broadband, no word about the road's state such as "potholes" or "sort out"). A theme a rule
stated outright (`needs.py`, `stated_views.py`) or the question's own theme is never
withheld (`outright.lift`).
"""

from __future__ import annotations

import re

# What makes a clause about mobility technology being tried out
_MOBILITY = re.compile(
    r"\b(?:autonomous|driverless|self[- ]driving|connected (?:and autonomous )?(?:cars?|vehicles?)|"
    r"cavs?|shuttles?|pods?|robotaxis?|drive themselves|delivery robots?|e-?scooters?|"
    r"trials?|trialling|trialing|testing|test route)\b",
    re.IGNORECASE,
)
# Vehicles that are products, not bus links: "electric buses running on Bucks roads"
_PRODUCT = re.compile(
    r"\b(?:electric|hydrogen|driverless|autonomous|self-driving)\s+"
    r"(?:buses|bus|minibus(?:es)?|vans?|trucks?|lorries|hgvs?|cars?|taxis?)\b",
    re.IGNORECASE,
)
# The road as the setting of a trial: "on public roads", "along a real high street",
# "public-road trials", "a road trial", "a private test route"
_TRIAL_SETTING = re.compile(
    r"\b(?:(?:on|onto|along|through|in|around|across)\s+(?:[\w'-]+[ -]){0,3}?"
    r"(?:roads?|streets?|high streets?|routes?)"
    r"|(?:public|real|open|rural|on)[- ]roads?(?:\s+(?:trials?|testing))?"
    r"|roads?\s+(?:trials?|testing|tests)|test (?:routes?|tracks?))\b",
    re.IGNORECASE,
)
# Words about the road itself, which make it a view on the link after all
_ROAD_ITSELF = re.compile(
    r"\b(?:pothole\w*|surfaces?|surfacing|congest\w*|traffic|gridlock\w*|roadworks|lanes?|"
    r"layouts?|junctions?|closed|shut|white lines|bad|awful|terrible|shocking|state of|"
    r"fix\w*|sort\w*|repair\w*|resurfac\w*|dual\w*|widen\w*|upgrad\w*|bypass|jams?|queues?|"
    r"access|maintain\w*|gritt\w*)\b",
    re.IGNORECASE,
)
# The road as where the air is bad: "the air on Desborough Road", "fumes along the A40"
_AIR_SETTING = re.compile(
    r"\b(?P<air>air(?: quality)?|fumes|pollution|emissions|smog|noise)\b(?:\W+\w+){0,5}?\W+"
    r"(?:on|along|by|near|in|outside)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:road|street|high street|a\d{2,4}|m\d{1,2})\b",
    re.IGNORECASE,
)
# Anything else that could carry infrastructure: when one is left, the classifier's call stands
_OTHER_CUES = re.compile(
    r"\b(?:roads?|streets?|routes?|rail\w*|trains?|stations?|bus(?:es)?|coach\w*|hs2|"
    r"east[- ]west|heathrow|runways?|airports?|broadband|fibre|signal|[45]g|wi-?fi|"
    r"connectivity|power|grid|electricity|utilit\w*|water|sewage|drainage|chargers?|charging|"
    r"charge ?points?|premises|units?|offices?|workshops?|labs?|warehouses?|yards?|sites?|"
    r"buildings?|floor ?space|space to|rent\w*|leases?|a\d{2,4}|m\d{1,2}|junctions?|bypass|"
    r"traffic|congest\w*|potholes?|parking|commut\w*|transport|travel|infrastructure|links?|"
    r"lanes?|motorways?|highways?|connections?|crossrail|elizabeth line|chiltern line|"
    r"metropolitan line|tube|gas|cables?|masts?)\b",
    re.IGNORECASE,
)


def road_only_as_setting(clauses: list[str]) -> str | None:
    """The setting phrase when a road in `clauses` is only where a trial runs or where the
    air is bad and no other infrastructure cue is left; otherwise None."""
    setting: str | None = None
    rest: list[str] = []
    # a message about mobility technology: its clauses may name the road it runs on apart
    mobility = any(_MOBILITY.search(c) or _PRODUCT.search(c) for c in clauses)
    for clause in clauses:
        if mobility and not _ROAD_ITSELF.search(clause):
            clause = _PRODUCT.sub(" ", clause)
            found = _TRIAL_SETTING.search(clause)
            if found:
                setting = setting or found.group(0)
                clause = _TRIAL_SETTING.sub(" ", clause)
        found = _AIR_SETTING.search(clause)
        if found:
            setting = setting or found.group(0)
            clause = _AIR_SETTING.sub(lambda m: m.group("air"), clause)
        rest.append(clause)
    if setting is None or _OTHER_CUES.search(" ".join(rest)):
        return None
    return setting
