"""Programmes a business names outright carry the theme GUIDE.md puts them under.

Set X of unseen conversations had firms use the acronyms of their trade: "a KTP with Bucks
New Uni", "an SBRI phase 2 contract", "CPD for the physios who use our kit", "DIT want us on
a trade mission to Japan". Each names a programme whose theme GUIDE.md states (knowledge
transfer and business support are `entrepreneurialism`, public procurement of innovation is
`intelligent_public_services`, training is `education_skills`), but the acronyms are too rare
in the training data for the classifier to learn them. A clause that names one carries its
theme (evidence `programme: ...`), applied with the stated needs and views (`outright.py`).

Only names with one meaning here: on the training messages every one of the 35 messages
naming them carries the theme below (`tests/tagging/test_programmes.py` holds it to 95%).
"""

from __future__ import annotations

import re

from bot.tagging.needs import first_statements

RULES: dict[str, re.Pattern] = {
    "entrepreneurialism": re.compile(
        r"\b(?:ktps?|knowledge transfer partnerships?|trade missions?|department for "
        r"(?:international |business and )?trade|dit)\b",
        re.IGNORECASE,
    ),
    "intelligent_public_services": re.compile(
        r"\b(?:sbri|small business research initiative)\b", re.IGNORECASE
    ),
    "education_skills": re.compile(
        r"\b(?:cpd|continuing professional development|t-?levels?|apprenticeship levy)\b",
        re.IGNORECASE,
    ),
}


def named_programmes(clauses: list[str]) -> dict[str, str]:
    """Theme id -> the programme named, for each programme a clause names."""
    return first_statements(RULES, clauses)
