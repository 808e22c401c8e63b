"""A business's name and trade given in a whole sentence: "The practice trades as Vale View
Veterinary Centre.", "The hotel is Farthings Court.", "We are Tolland Metrology Limited.",
"Our sector is commercial property surveying."; and the name in a pasted signature.

Found by set EU of unseen conversations (formal writers answer every question in a
sentence): `profile.LEAD_INS` knew "our company / business / firm is", so each of these was
kept whole as the name. The officer filters and writes to the business by its name and
trade, so the value alone is kept. No Rasa imports; split from profile.py (at its size
limit), which re-exports `organisation_in_signature`.
"""

from __future__ import annotations

import re

# What the business calls itself before the name: "the practice", "our consultancy", "the
# hotel", "our family firm" (lower-case words, so "The Old Forge is ..." is left alone)
_WHAT_WE_ARE = r"(the|our|my)\s+(?-i:[a-z]+(\s+[a-z]+){0,2}?)('s)?(\s+name)?"
# words that say a name follows whatever its case ("the shop is called pawfect grooming")
NAMED = re.compile(
    rf"^({_WHAT_WE_ARE}\s+(is|are)\s+(called|named|known as)|"
    rf"{_WHAT_WE_ARE}\s+(trades|trading|operates|goes)\s+(as|by)|"
    r"(the\s+)?name\s+of\s+(the|our|my)\s+[a-z]+\s+is|"
    r"(we|i)\s+(trade|operate|go)\s+(as|by|under)|(we'?re|we\s+are|i'?m|i\s+am)\s+trading\s+as"
    r")\s+(?=\S)",
    re.IGNORECASE,
)
# a bare "is" or "we are" only before a capital: "The hotel is Farthings Court", "We are
# Tolland Metrology Limited"; not "the business is a bakery", nor "We Are Digital" (a name)
IS_NAME = re.compile(
    rf"^({_WHAT_WE_ARE}\s+is|(?-i:(We|we)\s+are)|(?-i:(It|it)\s+is))\s+(?=(?-i:[A-Z0-9]))",
    re.IGNORECASE,
)

# "Our main office is Aylesbury": where it is, not what it is called
WHERE = re.compile(r"\b(office|offices|site|base|hq|headquarters|address|location|town)\b", re.I)


def name_in_sentence(text: str) -> str | None:
    """The name a sentence gives ("The practice trades as Vale View Veterinary Centre" ->
    "Vale View Veterinary Centre"), or None when the answer is no such sentence."""
    text = text.strip()
    found = NAMED.match(text) or IS_NAME.match(text)
    if found is None or WHERE.search(found.group(0)):
        return None
    name = text[found.end() :].strip().rstrip(".!").strip()
    return name or None


# "Our sector is commercial property surveying", "Our line of business is ..."
SECTOR_SENTENCE = re.compile(
    r"^(the|our|my)\s+(business\s+)?(sector|trade|line of (business|work)|industry|field)\s+"
    r"(is|would be)\s+((an?|the)\s+)?(?=\S)",
    re.IGNORECASE,
)


def sector_in_sentence(text: str) -> str | None:
    """The trade a sentence gives ("Our sector is commercial property surveying" ->
    "commercial property surveying"), or None when the answer is no such sentence."""
    found = SECTOR_SENTENCE.match(text.strip())
    trade = text.strip()[found.end() :].strip().rstrip(".!").strip() if found else ""
    return trade or None


# An email signature pasted as the name (the tenth set: "Sarah Jones / Operations Manager
# / Amersham Print Ltd / T: 01494 ..." on four lines): the one line with a company ending
COMPANY_ENDING = re.compile(
    r"\b(ltd|limited|llp|plc|cic|inc|llc|& co|and co|group|partnership|associates|trust)\.?$",
    re.IGNORECASE,
)
CONTACT_LINE = re.compile(
    r"@|https?://|www\.|^(t|m|tel|mob|mobile|phone|e|email|w|web)\s*[:.]|(\d[\s-]?){6,}",
    re.IGNORECASE,
)


def organisation_in_signature(text: str) -> str | None:
    """The firm's line of a pasted signature of two or more lines, or None when no single
    line ends like a company's name."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    named = [
        line for line in lines if COMPANY_ENDING.search(line) and not CONTACT_LINE.search(line)
    ]
    return named[0] if len(lines) >= 2 and len(named) == 1 else None
