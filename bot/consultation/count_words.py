"""Numbers as people type them in a head count: digits, words ("twelve", "a dozen", "twenty
two" said by voice), multiples ("a couple of hundred") and "under 10". Split from
`head_count.py` (past 400 lines, set FZ) along its seam: this reads the numbers, head_count
decides which of them are people. No Rasa imports.
"""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    # "a baker's dozen" (set AX), as normalised with and without the apostrophe
    "a baker's dozen": 13,
    "a bakers dozen": 13,
    "a couple": 2,
    "a few": 3,
    "a handful": 5,
}
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# a number in digits or words; NUMBER_PATTERN is the same for use inside other patterns
# (recount.py and meant_before.py read head counts said again or put right)
NUMBER = re.compile(rf"\d[\d,]*|\b({_WORDS})\b")
NUMBER_PATTERN = rf"(\d[\d,]*|{_WORDS})"
FEWER = re.compile(r"\b(under|less than|fewer than|below|not quite)\s+$")
# "twenty two", "forty-five" said or typed in words (set AM, by voice): one number
TENS_AND_UNITS = re.compile(
    r"\b(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    r"(?P<unit>one|two|three|four|five|six|seven|eight|nine)\b"
)


def tens_and_units(match: re.Match[str]) -> str:
    return str(NUMBER_WORDS[match.group("tens")] + NUMBER_WORDS[match.group("unit")])


def numbers(text: str) -> list[int]:
    """Every number in `text`, in order; "under 10" is 9."""
    found = []
    for match in NUMBER.finditer(text):
        token = match.group(0)
        value = NUMBER_WORDS[token] if token in NUMBER_WORDS else int(token.replace(",", ""))
        if FEWER.search(text[: match.start()]):
            value -= 1
        found.append(value)
    return found


# "a couple of hundred", "two hundred", "3 hundred": one count, not a "couple" and a
# "hundred" in two bands (the ninth set). "a few hundred" spans two bands: kept as typed.
# "half a dozen of us", "a couple of dozen" (set AP filed neither, or read "a dozen" inside
# the first) likewise.
MULTIPLES = re.compile(
    r"\b(?P<n>half a|a couple( of)?|couple of|\d+|two|three|four|five|six|seven|eight|nine)\s+"
    r"(?P<unit>hundreds?|dozen)\b"
    # "two hundred and sixty" (set DX: Medium): the rest added
    r"(?:\s+and\s+(?P<rest>\d+|[a-z]+)\b)?"
)
MULTIPLES_OF = {"half a": 0.5, "a couple": 2, "a couple of": 2, "couple of": 2}
UNITS = {"hundred": 100, "hundreds": 100, "dozen": 12}


def multiple(match: re.Match[str]) -> str:
    n = match.group("n")
    count = MULTIPLES_OF.get(n) or NUMBER_WORDS.get(n) or int(n)
    rest = match.group("rest")
    more = int(rest) if rest and rest.isdigit() else NUMBER_WORDS.get(rest or "")
    total = str(int(UNITS[match.group("unit")] * count) + (more or 0))
    return total if more is not None or not rest else f"{total} and {rest}"
