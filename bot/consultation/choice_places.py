"""Choices by their places in the list shown: "the last two", "the first three", "the last
one and the one before it", "of the five you list, the first is ours". Split from
choices.py (past 400 lines). No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.head_count import NUMBER_WORDS
from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

# "the last two on your list i reckon", "the first three" (set AT: "didn't catch"): the
# options by their place in the list shown
POSITIONAL = re.compile(
    r"(?:^|\b)(?:the |just the |only the )?(?P<end>first|last|top|bottom) "
    r"(?P<n>one|two|three|four|five|six|seven|\d)\b(?: ones?)?"
    r"(?: (?:on|in|of) (?:your|the|that|this) (?:list|lot))?"
    r"(?: (?:i reckon|i think|i guess|please|pls|then|really|probably|tbh))*$"
)


# "the last one and the one before it" (set BR: "didn't catch"): the last two
NEIGHBOURS = re.compile(
    r"(?:^|\b)(?:the |just the |only the )?(?P<end>first|last|top|bottom) one and the "
    r"(?:one|1) (?:before|after|above|below|next to) (?:it|that)(?: one)?(?: please| pls| then)*$"
)


# "Of the five you list, the first is ours.", "Of the drivers you list, it is the first and
# the last that concern us most." (set DY: "didn't catch", then only the first driver): the
# options by their ordinal, said of the list shown
_ORDINAL = r"(first|second|third|fourth|fifth|sixth|seventh|last)"
_NOT_A_COUNT = r"(?!\s+(?:two|three|four|five|six|seven|\d)\b)"  # "the last two" is POSITIONAL's
ORDINALS = re.compile(
    rf"\bthe {_ORDINAL}{_NOT_A_COUNT}(?: one)?((?:,|,? and|,? &) the {_ORDINAL}{_NOT_A_COUNT}"
    r"(?: one)?)*\b"
)
OF_THE_LIST = re.compile(
    r"\b(of|from|on|in) (the|your|those|these) (five|seven|islands|drivers|list|options|ones|"
    r"themes)\b"
)
_PLACE = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6}


def ordinal_choice(text: Any, options: tuple[str, ...] | list[str]) -> list[str] | None:
    """The options named by their places in the list ("the first and the last"), when the
    reply says it picks from the list; None otherwise."""
    if not isinstance(text, str):
        return None
    said = normalise(without_addressees(text))
    match = ORDINALS.search(said)
    if match is None or OF_THE_LIST.search(said) is None:
        return None
    picked = [
        len(options) - 1 if word == "last" else _PLACE[word]
        for word in re.findall(_ORDINAL, match.group(0))
    ]
    if not all(0 <= i < len(options) for i in picked):
        return None
    return [option for i, option in enumerate(options) if i in picked]


def positional_choice(text: Any, options: tuple[str, ...] | list[str]) -> list[str] | None:
    """The options picked by their place ("the last two", "the first three", "the last one
    and the one before it", "of the five, the first"), or None."""
    if not isinstance(text, str):
        return None
    if ordinal := ordinal_choice(text, options):
        return ordinal
    said = normalise(without_addressees(text))
    match = POSITIONAL.search(said) or NEIGHBOURS.search(said)
    if match is None:
        return None
    n = 2 if "n" not in match.groupdict() else NUMBER_WORDS.get(match["n"]) or int(match["n"])
    if not 0 < n <= len(options):
        return None
    return list(options[:n] if match["end"] in ("first", "top") else options[-n:])
