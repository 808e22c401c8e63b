"""An island's asset named only as a place the business drives to, parks at or works at, or
only as where someone else works (`only_someone_elses`, below), carries no theme: "theres
never anywhere to park at stoke mandeville hospital when we refill the machines there" (a
vending firm), "on the road out to Stoke Mandeville Hospital" (an office cleaner). GUIDE.md:
a sector merely mentioned in passing does not count.

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
    # "I wound and serviced the clocks at Stoke Mandeville Hospital" (set DX, a clockmaker)
    r"servic(?:e|ed|es|ing)|maintain\w*|repair\w*|wound|wind(?:ing)?|install\w*|"
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


# An island's asset only passed by, called out near or visited on an outing: "got called to a
# lockout out near silverstone this morning" (a locksmith), "drove past the rocket place at
# westcott this morning, no bangs today lol" (a chimney sweep), "one of our lads is off on the
# studio tour at pinewood today" (a wiring loom maker): set EK's testers kept each island off.
# The words that pass it by go with the name, so "the rocket place" says nothing about space.
_PASSED_ASSETS = {
    "high_performance_technology": r"silverstone(?:\s+park|\s+circuit)?",
    "space": r"westcott(?:\s+venture\s+park)?",
    "creative_digital": r"pinewood(?:\s+studios)?",
}
_PASSING = (
    r"(?:drove|driving|drive|(?:went|going|walk(?:ed|ing)?|cycl(?:ed|ing))\s+(?:past|by)|pass(?:ed|ing)?|"
    r"called(?:\s+out)?|call-?out|lockout|(?:the\s+)?(?:studio\s+|factory\s+|site\s+)?tours?|"
    r"day\s+out|trip)"
)
_PASSED = {
    island: re.compile(rf"\b{_PASSING}\b[^.!?;,]{{0,40}}?\b(?:{asset})\b", re.IGNORECASE)
    for island, asset in _PASSED_ASSETS.items()
}
# Broader than `_ISLAND_CUES` below on purpose: merged, "engineer" and "race" made the
# stories of someone else's job ("my late father was an engineer at the rocket test site",
# "framed a signed race suit for a man who works for one of the Silverstone teams") keep an
# island they had set aside (tried in the forty-first session's review)
_PASSED_SECTOR_CUES = {
    "high_performance_technology": r"motorsport|rac(?:e|es|ing)|f1|formula|teams?|engineer\w*|"
    r"composite|circuit|grand prix|performance|paddock|pit",
    "space": r"space|rockets?|satellites?|propulsion|launch\w*|orbit\w*|engine tests?|aerospace",
    "creative_digital": r"films?|tv|telly|studios?|productions?|crews?|sets?|screen|games?|vfx|"
    r"animation|broadcast\w*|media|shoots?|filming",
}
_PASSED_CUES = {
    island: re.compile(rf"\b(?:{cue})\b", re.IGNORECASE)
    for island, cue in _PASSED_SECTOR_CUES.items()
}


def only_passed_by(text: str) -> set[str]:
    """The islands whose asset `text` names only as somewhere passed, called out near or
    visited, with nothing else about the sector in the message."""
    lowered = text.lower()
    found: set[str] = set()
    if not any(name in lowered for name in ("silverstone", "westcott", "pinewood")):
        return found  # most messages: no asset named, no regular expression
    for island, passed in _PASSED.items():
        spans = list(passed.finditer(text))
        if not spans:
            continue
        rest = text
        for span in spans:
            rest = rest.replace(span.group(0), " ")
        if not re.search(_PASSED_ASSETS[island], rest, re.IGNORECASE) and not _PASSED_CUES[
            island
        ].search(rest):
            found.add(island)
    return found


# Someone else's job at an island's asset, told in passing: "I framed a signed race suit for
# a man who works for one of the Silverstone teams", "One of my pupils is a theatre nurse at
# Stoke Mandeville", "My late father was an engineer at the rocket test site at Westcott"
# (sets DP and DQ: each tester kept the island off). Only when that is the island's only
# mention, and never for the business's own firm, a job or an apprenticeship there, or
# someone who wants to work there ("my dad's firm makes brackets for satellites", "my
# daughter is set on working at Westcott" carry it in the labelled data).
_SOMEONE = (
    r"(?:(?:my|our|his|her) (?:late )?(?:father|dad|mum|mother|brother|sister|son|daughter|"
    r"husband|wife|uncle|aunt|auntie|cousin|nephew|niece|grandfather|grandad|granddad|grandson|"
    r"granddaughter|(?:brother|sister|son|daughter|father|mother)[- ]in[- ]law|neighbour|friend|"
    r"mate|pupils?|students?|learners?|members?|guests?|regulars?|customers?|clients?)|"
    # "a lighting chap who works at Pinewood" (set EK): a word for the trade before the person
    r"(?:a|one|another) (?:[\w-]+ )?(?:man|woman|lady|chap|bloke|guy|fella|gentleman|customer|"
    r"client|pupil|student|learner)(?: of (?:mine|ours))?|"
    r"one of (?:my|our) (?:pupils?|customers?|clients?|students?|learners?|members?|guests?|"
    r"regulars?))"
)
_STORY = re.compile(
    _SOMEONE + r"(?:'s)?(?:\s+who|\s+that)?\s+(?:[\w'-]+\s+){0,3}?(?:works?|worked|is|was|has "
    # "My son has just started at one of the rocket engine firms at Westcott" (set EK)
    r"been|had been|does something|studies|studied|makes|made|(?:has |had )?(?:just )?"
    r"(?:started|joined|got taken on) (?:at|with))\b[^.!?;,]{0,80}?"
    r"(?=\s+(?:and|but|so|says|said|reckons|tells)\b|[.!?;,]|$)",
    re.IGNORECASE,
)
# the business's own firm, a job, training or a wish to work there: no story in passing
_NOT_A_STORY = re.compile(
    r"\b(?:started|founded|set up|runs?|owns?|set on|wants?|hopes?|keen|would love|firm|"
    r"company|business|apprentic\w*|jobs?|work experience|vacanc\w*|recruit\w*|hire|hiring)\b",
    re.IGNORECASE,
)
_ISLAND_CUES = {
    "creative_digital": r"pinewood|nfts|film|tv|telly|studios?|producers?|games?|vfx",
    "high_performance_technology": r"silverstone|f1|formula (?:one|1)|rac(?:e|ing) teams?|"
    r"rac(?:e|ing) cars?|racing|motorsport",
    "space": r"westcott|rockets?|satellites?|space",
    "medical_technologies": r"stoke mandeville|spinal|medtech|medical|hospital|nurse|nhs",
    "intelligent_mobility": r"driverless|autonomous|self[- ]driving|electric vehicles?|evs?",
}
_CUES = {t: re.compile(rf"\b(?:{cue})\b", re.IGNORECASE) for t, cue in _ISLAND_CUES.items()}


def someone_elses_jobs(text: str) -> list[str]:
    """The stories in `text` about someone else's job ("a man who works for one of the
    Silverstone teams"), none of them the business's own firm, a job there or a wish."""
    return [
        m.group(0)
        for m in _STORY.finditer(text)
        if not _NOT_A_STORY.search(_SOMEONE_ELSES_EMPLOYER.sub(" ", m.group(0)))
    ]


# where someone else started, and the firms they work for, are no firm of the business's own
_SOMEONE_ELSES_EMPLOYER = re.compile(
    r"\b(?:started|joined|got taken on) (?:at|with)\b|\bfirms? (?:at|in|on|round)\b", re.IGNORECASE
)


# Asides that only pass an island by, with no one's job in them (set ES: its tester kept each
# island off): staff who left for it ("of the two we trained, one went to Harwell and the
# other to a VFX firm in Soho"), a career before ("our head mechanic came from a Formula 1
# team"), a customer's living ("a chap who tests satellite thrusters for a living"), a
# relative's work ("my brother does the same thing for a self driving car firm"), visitors
# ("had a whole crew from pinewood on a team day"), the big names as rivals ("rather than the
# big names at Silverstone"), trade at an event there ("a hospitality tent at Silverstone",
# "the festival at silverstone") and a one-off ("We once scanned a prop for a film at
# Pinewood"). Read like the stories above: only when the island is named nowhere else.
_ASSET = r"(?:silverstone|pinewood|westcott|stoke mandeville|harwell)"
_ASIDES = re.compile(
    "|".join(
        (
            r"\b(?:one|two|three|the other|another|he|she|they|both|(?:my|our) (?:best|head|lead|"
            r"last|senior|top|old) [\w-]+)\s+(?:went|left|moved|goes|jumped ship|was poached|got "
            r"poached)\s+(?:over\s+)?(?:to|for)\b[^.!?;,]{0,60}",
            r"\b(?:my|our) (?:best|head|lead|last|senior|top|old|new) [\w-]+\s+(?:came|comes)\s+"
            r"(?:over\s+)?from\s+(?:a|an|one of the)\b[^.!?;,]{0,60}",
            r"\b(?:a|one|another) (?:[\w-]+ )?(?:man|woman|lady|chap|bloke|guy|fella|gentleman|"
            r"customer|client|couple|family)\s+(?:who|that)\s+[^.!?;,]{0,60}?\bfor a living\b",
            r"\b(?:my|our|his|her) (?:brother|sister|son|daughter|dad|father|mum|mother|husband|"
            r"wife|mate|friend|cousin|partner)\s+(?:does|did|is doing|works on|builds|makes)\b"
            r"[^.!?;,]{0,80}",
            r"\bhad (?:a|an|the)\s+(?:whole\s+)?(?:crew|team|group|party|coach\s?load|lot|bunch)"
            r"\s+(?:from|of)\b[^.!?;,]{0,60}",
            r"\b(?:rather than|instead of)\s+(?:the\s+)?(?:big|bigger|large|famous)\s+(?:names|"
            r"firms|players|boys|teams)\b[^.!?;,]{0,40}",
            r"\b(?:festival|tent|hospitality|marquee|pitch|stall|concert|gig|wedding|race ?day)s?"
            rf"\s+(?:at|during)\s+(?:the\s+)?{_ASSET}\b[^.!?;,]{{0,40}}",
            rf"\bwe once\b[^.!?;]{{0,60}}\b{_ASSET}\b[^.!?;]{{0,30}}",
        )
    ),
    re.IGNORECASE,
)


def passing_asides(text: str) -> list[str]:
    """The asides in `text` that only pass an island by (staff who left for it, a customer's
    living, a day out, an event there): read as stories, the island only when named
    nowhere else."""
    return [m.group(0) for m in _ASIDES.finditer(text)]


def only_someone_elses(text: str, stories: list[str] | None = None) -> set[str]:
    """The islands `text` names only inside a story about someone else's job there ("for a
    man who works for one of the Silverstone teams"), none of them the business's own;
    `stories` when the caller has read them already."""
    stories = someone_elses_jobs(text) if stories is None else stories
    if not stories:
        return set()  # most messages: no one else's job in them
    rest = text
    for story in stories:
        rest = rest.replace(story, " ")
    told = " ".join(stories)
    return {t for t, cue in _CUES.items() if cue.search(told) and not cue.search(rest)}
