"""Islands and seabed drivers described rather than named: "the car one and the hospital
one" (the eighth set), "the staff one and the roads one" (set T). Only that form ("the
<word> one / island / driver / bit"), so "hospitality" or a car park in a view names no
island. Split from `questions` (past 400 lines); no Rasa imports.
"""

from __future__ import annotations

import re


def choice_norm(text: str) -> str:
    """Lower case, "&" as "and", every run of other marks a space, padded with spaces; an
    apostrophe only inside a word ("what is 'entrepreneurialism'?" quotes the name: set DM)."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z0-9'+-]+|(?<![a-z0-9])'+|'+(?![a-z0-9])", " ", text)
    return " " + " ".join(text.split()) + " "


# "the car one and the hospital one" (the eighth set): an island described by a word for
# what it is about, followed by "one" / "island"; only this form, so "hospitality" or a
# car park in a view names no island
DESCRIBED_ISLANDS = {
    "intelligent_mobility": "car|cars|vehicle|vehicles|transport|driving|driverless|ev",
    "medical_technologies": "hospital|hospitals|health|medical|nhs|patients?|healthcare",
    "high_performance_technology": "racing|race|motorsport|f1|engineering|silverstone",
    "creative_digital": "film|films|tv|telly|games|media|pinewood",
    "space": "rocket|rockets|space|satellite|satellites|westcott",
}
# "the staff one and the roads one" (set T chose Infrastructure only), "the start up one and
# the environment one" (set CF chose the environment alone): a seabed driver
# described the same way, by a word for what it is about and "one" / "driver" / "bit"
DESCRIBED_SEABED = {
    "entrepreneurialism": "start[- ]?ups?|funding|finance|investment|investors?|"
    "business support|support|growth|money",
    "housing_growth": "housing|houses|homes|house building|new homes|building",
    "digital_science": "data|ai|tech|technology|software|computers?|digital|cyber",
    "intelligent_public_services": "council|public|public sector|public services|nhs|government",
    "education_skills": "staff|staffing|people|skills|training|recruitment|recruiting|jobs|"
    "workers|workforce|college|colleges|education|apprentices?|apprenticeships?",
    "infrastructure": "roads?|transport|travel|trains?|rail|buses|broadband|internet|wifi|"
    "premises|buildings|units|connections|connectivity",
    "environment_quality_of_life": "green|countryside|environment|environmental|nature|"
    "quality of life|wellbeing|climate|net zero",
}
_DESCRIBED = {
    kind: re.compile(
        rf"\b{lead}(?P<word>" + "|".join(words.values()) + rf")( related)? ({nouns})\b"
    )
    for kind, lead, words, nouns in (
        ("island", "", DESCRIBED_ISLANDS, "one|ones|island"),
        # after "the" / "that": "we need more staff one day" describes nothing
        ("seabed", "(?:the|that|this|those) ", DESCRIBED_SEABED, "ones?|drivers?|bits?"),
    )
}


def described_themes(text: str, kind: str = "island") -> list[str]:
    """Themes of a kind described rather than named ("the car one" -> intelligent
    mobility; "the staff one" -> education and skills), in fixed order."""
    table = DESCRIBED_ISLANDS if kind == "island" else DESCRIBED_SEABED
    words = {m.group("word") for m in _DESCRIBED[kind].finditer(choice_norm(text))}
    return [tid for tid, pattern in table.items() if any(re.fullmatch(pattern, w) for w in words)]


def without_described(text: str) -> str:
    """The text with every theme described rather than named taken out ("the council one
    and green stuff" -> "and green stuff"), normalised."""
    norm = choice_norm(text)
    for pattern in _DESCRIBED.values():
        norm = pattern.sub(" ", norm)
    return " ".join(norm.split())


def described_islands(text: str) -> list[str]:
    """Islands described rather than named ("the car one" -> intelligent mobility)."""
    return described_themes(text, "island")
