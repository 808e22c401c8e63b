"""An island the business says it is not in carries no theme.

"Not a space business, we sell gifts!", "We're a tyre and exhaust garage, not the racing
kind!", "We build modular homes at Westcott Venture Park (no, not rockets)": the sector word
is there, so the classifier hears the island (space 0.78, high-performance 0.75), and the
question's prior adds it when the question was about that island. GUIDE.md: a sector merely
mentioned in passing does not count, and a sector named only to be denied is less than that.

Read narrowly: a negation next to the sector word and a word for the business ("not a space
firm", "nothing to do with films", "no, not rockets"). "Not just a racing firm" or "not a
space firm as such, but we make hose assemblies for the test stands at Westcott" (a supplier
to the sector, which carries it) are not denials. All 11 training messages it reads carry no
such island (the hose supplier, which does, is read as a supplier).
"""

from __future__ import annotations

import re

# Words that name an island's sector, as businesses say them (not "space" for room: the
# patterns below need a word for a business after it, or "no, not ...")
_SECTOR_WORDS: dict[str, str] = {
    "space": r"space|rockets?|rocketry|satellites?|propulsion|launch(?:es)?|astronauts?",
    "high_performance_technology": (
        r"racing|race|motorsport|motor ?racing|f1|formula (?:one|1)|performance engineering"
    ),
    "creative_digital": (
        r"film|films|filming|tv|telly|television|media|movies?|showbiz|games?|(?:the )?studios"
    ),
    "medical_technologies": r"medical|medtech|med-?tech|health ?tech|clinical|life ?sciences?",
    "intelligent_mobility": (
        r"driverless|autonomous|self-driving|automotive|car tech|ev|electric vehicles?"
    ),
}
_BUSINESS = (
    r"(?:business|businesses|firm|firms|company|companies|outfit|kind|sort|type|people|person|"
    r"shop|sector|world|industry|thing|related|side|lot|crowd|game)"
)
_NEGATION = r"(?:not|never|isn'?t|aren'?t|wasn'?t|we'?re not|i'?m not|we are not|i am not)"


def _denial(words: str) -> re.Pattern[str]:
    return re.compile(
        # "not a space business", "not the racing kind", "not in the film game"
        rf"\b{_NEGATION}\s+(?:really\s+|exactly\s+)?(?:a|an|the|in|into|in the|part of the)?"
        rf"\s*(?:\w+\s+)?(?:{words})\s+{_BUSINESS}\b"
        # "(no, not rockets)", "nope, not racing"
        rf"|\b(?:no|nope|nah),?\s+not\s+(?:a\s+|the\s+|into\s+)?(?:{words})\b"
        # "nothing to do with films"
        rf"|\bnothing to do with\s+(?:the\s+)?(?:{words})\b"
        # "people assume we do rockets too, but we don't"
        rf"|\b(?:assume|assumes|think|thinks|expect|expects|reckon|reckons) (?:that )?we "
        rf"(?:do|make|build|are|work in|are in|are into)\s+(?:\w+\s+){{0,2}}?(?:{words})\b"
        rf"[^.!?]{{0,25}}?\bbut we (?:don['’]?t|aren['’]?t|do not|are not)\b",
        re.IGNORECASE,
    )


_DENIALS = {theme: _denial(words) for theme, words in _SECTOR_WORDS.items()}
# "not just a racing firm", "not only film work": the island stands
_NOT_ONLY = re.compile(r"\bnot (?:just|only|merely|simply|purely)\b", re.IGNORECASE)
# "not a space firm as such, but we make ... for the test stands": a supplier to the sector
_AS_SUCH = re.compile(r"\bas such\b|\bstrictly\b|\bitself\b", re.IGNORECASE)


def disowned_islands(text: str) -> set[str]:
    """The islands `text` says the business is not in ("not a space business")."""
    if _NOT_ONLY.search(text):
        return set()
    found = set()
    for theme, pattern in _DENIALS.items():
        match = pattern.search(text)
        if match and not _AS_SUCH.search(text, match.end(), match.end() + 12):
            found.add(theme)
    return found
