"""An island's asset named only as a place the business drives to, parks at or works at
carries no theme: "theres never anywhere to park at stoke mandeville hospital when we refill
the machines there" (a vending firm), "on the road out to Stoke Mandeville Hospital" (an
office cleaner). GUIDE.md: a sector merely mentioned in passing does not count.

Found by sets BU, BX and CF of unseen conversations, whose testers (reading GUIDE.md alone)
each kept medical technologies off such a message; the classifier hears the hospital's name
(the gazetteer lists it under medical technologies) and tags the island. Read narrowly: a
word for getting there or being there (park, deliver, refill, road, traffic, ...) shortly
before "at / to / near ... Stoke Mandeville", and nothing else in the message about the
sector (patients, devices, clinicians, the spinal centre, trials, ...). No training message
reads so (every one that names the hospital says something about the sector or names it as
the asset itself, "Stoke Mandeville is world class"), so the rule changes none of them.
"""

from __future__ import annotations

import re

_HOSPITAL = r"stoke mandeville(?:\s+hospital)?"
# getting to, or being at, the place: the asset is where, not what
_AS_A_PLACE = re.compile(
    r"\b(?:park(?:ing)?|parked|deliver\w*|drop(?:ping)?\s+off|refill\w*|clean(?:ing|s)?|"
    r"stock(?:ing)?|visit(?:ing)?|driv(?:e|ing)|road|route|buses|bus|trains?|roundabout|"
    r"traffic|junction|commute|queue\w*|stuck)\b[^.!?;,]{0,30}?\b(?:at|to|near|by|outside|"
    rf"past|round|opposite|from|through|into|for)\s+(?:the\s+)?{_HOSPITAL}\b"
    # the hospital as the service that discharges a care agency's clients: "Stoke Mandeville
    # sends people home on a Friday night with no notes" (set DG)
    rf"|\b{_HOSPITAL}\s+(?:sends?|sent|discharges?|discharged|lets?)\s+(?:people|them|clients|"
    r"our clients|folk|residents)\b",
    re.IGNORECASE,
)
_NAMED = re.compile(_HOSPITAL, re.IGNORECASE)
# anything else about the sector: then the island stands, the classifier decides
_SECTOR_CUE = re.compile(
    r"medtech|med-?tech|medical|device|rehab|clinic|clinical|clinician|patient|spinal|nsic|"
    r"wheelchair|nhs|health|diagnos|prosthe|orthot|therap|physio|trial|\blabs?\b|life scien|"
    r"surgeon|surgical|\bwards?\b|nurs|doctor|assistive|paralymp|disab|injur|sensor|wearable|"
    r"biomed|mobility (?:aid|scooter)|clean ?room|neuro|scans?\b|x-ray|pharma|gait|cerebral|"
    r"ulcer|incubator|accelerator|spun out|spin-?out",
    re.IGNORECASE,
)


def only_a_place(text: str) -> set[str]:
    """The islands `text` names only as a place the business goes to ("park at Stoke
    Mandeville hospital when we refill the machines there"): medical technologies or none."""
    if "mandeville" not in text.lower() or _AS_A_PLACE.search(text) is None:
        return set()  # most messages: a substring test, no regular expression
    rest = _NAMED.sub(" ", text)
    return set() if _SECTOR_CUE.search(rest) else {"medical_technologies"}
