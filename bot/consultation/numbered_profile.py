"""A profile given as a numbered list in one message ("1) Amersham Lighting Ltd 2) lighting
design 3) 12 staff 4) Amersham 5) owner"): each item kept against its own profile question,
in the order the questions are asked, from the one pending. Set W kept the whole list as
the organisation and asked every other field again. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.head_count import size_band_for
from bot.consultation.questions import PROFILE_SLOTS

# "1)", "1.", "1:", "1 -", "(1)", "#1" before an item, at the start or after a space, comma
# or new line; the number is one digit, so "12 staff" or "HP19 8AB" is never a mark
MARK = re.compile(r"(?:^|(?<=[\s,;]))(?:\(|#)?(?P<n>[1-9])\s*(?:\)|\.|:|-|–)\s+")
# "name: ...", "sector - ...": a field's own label inside an item
FIELD_LABEL = re.compile(
    r"^(name|company( name)?|business( name)?|organi[sz]ation|firm|sector|trade|industry|"
    r"what we do|size|staff|employees|head ?count|no\.? of staff|number of staff|location|"
    r"town|place|where|based|role|job( title)?|position)\s*[:–-]\s*",
    re.IGNORECASE,
)
MIN_ITEMS = 3
# a few words may introduce the list ("sure, here you go:", "details -"), never a sentence
MAX_LEAD_WORDS = 5
INTRODUCES = re.compile(r"[:\-–—]\s*$")


def numbered_items(text: str) -> list[str]:
    """The items of a list numbered 1, 2, 3 ... in one message, in order; empty unless it
    has at least three, opens the message (after a few words ending in a colon or dash at
    most) and counts up from 1 (a "2" inside an item that breaks the count stays part of
    the item)."""
    marks: list[re.Match[str]] = []
    for mark in MARK.finditer(text):
        if int(mark.group("n")) == len(marks) + 1:
            marks.append(mark)
    if len(marks) < MIN_ITEMS:
        return []
    lead = text[: marks[0].start()]
    if lead.strip() and (len(lead.split()) > MAX_LEAD_WORDS or not INTRODUCES.search(lead)):
        return []
    items = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        item = FIELD_LABEL.sub("", text[mark.end() : end].strip(" \t\n,;.")).strip()
        items.append(item)
    return items


def numbered_profile(text: str, slot: str) -> dict[str, str]:
    """The profile fields a numbered list answers, by slot, from `slot` (the question
    pending) on, or from the first when it has an item for every question; empty when the
    message is no such list. An empty item is left out (asked in turn). A list with more
    items than questions left, or whose head-count item gives no head count, is one answer
    (three trades, three sites), not a profile."""
    items = numbered_items(text)
    if not items or slot not in PROFILE_SLOTS:
        return {}
    start = 0 if len(items) >= len(PROFILE_SLOTS) else PROFILE_SLOTS.index(slot)
    slots = PROFILE_SLOTS[start:]
    if len(items) > len(slots):
        return {}  # "1) Aylesbury 2) Wendover 3) Thame" at the town question: three sites
    fields = {s: item for s, item in zip(slots, items, strict=False) if item}
    if "size_band" in fields and size_band_for(fields["size_band"]) is None:
        return {}  # "1. kitchens 2. joinery 3. restoration" at the sector question: trades
    return fields
