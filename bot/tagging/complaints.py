"""A negation that is the complaint itself: "Can't get anyone.", "not enough space",
"nobody applies". One definition, read by the tagger (such an answer is a view, so it keeps
its question's theme) and by the conversation (such a reply is never a skip, whatever NLU
makes of it). It lives here, below both, because the served tagger imports nothing of
`bot.consultation`."""

from __future__ import annotations

import re

# 57 of 57 such answers in our data take their question's theme; set Z's NLU read "can't
# get anyone" as a skip (0.67) and the skills answer was lost
COMPLAINT = re.compile(
    r"\b(can'?t|cannot|couldn'?t)\s+(get|find|recruit|hire|keep|afford|fill|attract|retain)\b"
    r"|\bnot enough\b|\b(no ?one|nobody)\s+(applies|apply|wants|stays|lends|will lend)\b"
    # Someone else who won't or never will ("bank wont lend", "no one will insure us", "the
    # council won't answer emails": set DD lost the first, NLU reading skip at 0.53, 0.95 and
    # 0.81). Never "I won't answer that": the one refusing is not the business. All 57
    # labelled messages so worded are views (training, dev and answer-head data).
    r"|\b(?<!\bi )(?<!\bwe )(won'?t|will not|refuses? to|refused to|never)\s+"
    r"(lend|insure|fund|invest|back|answer|reply|respond|return|fix|repair|listen|approve|"
    r"grant|give us|sign off|help)\b"
    r"|\b(no ?one|nobody|no bank|no insurer|no lender)\s+will\s+(lend|insure|fund|invest|back|"
    r"touch|answer|reply|help|fix|listen)\b"
)


def is_complaint(lowered: str) -> bool:
    """The lower-cased text states a complaint worded as a negation."""
    return COMPLAINT.search(lowered) is not None
