"""Whether a reply to the islands or seabed choice means none of them: "none", "skip",
"nothing", and none said with what the business is or does, or what the list is, beside
it ("None of them really, we look after people in their own homes"). Split from
`questions.py` (past 400 lines), which matches the themes a reply names. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.described import choice_norm
from bot.consultation.questions import _names_only
from bot.consultation.replies import none_reply, normalise
from bot.consultation.replies.skips import NOT_IN_ANY
from bot.consultation.x_style import without_addressees


def means_none(text: str) -> bool:
    """The business said none of the listed themes matter ("none", "skip", "nothing"),
    and named no theme besides ("none, but space matters" is a choice)."""
    plain = without_addressees(text)
    if (no := NO_FIRST.match(plain)) and _says_what_it_is(plain[no.end() :]):
        return True  # "@btvlep no, we are food importer" (set ER: "didn't catch")
    concession = CONCESSION.search(plain)
    if concession and concession.start() and means_none(plain[: concession.start()]):
        # "Of the five, I would say none, though we host a good many events for the film
        # industry." (set EU chose Creative): a theme conceded after the none chooses nothing
        return True
    rest = none_reply(plain)
    if rest is None:
        return False
    # "prob none? we fly roofs n building sites, not satellites" (set EW: "didn't catch"): the
    # hedge on the none is no part of what the business then says it does
    rest = HEDGES.sub("", rest)
    if NONE_UNLESS_IT_COUNTS.match(rest):
        return True  # "none unless scaffolding counts as high performance 😂" (set AR)
    if NONE_THE_LIST_IS.match(rest):
        # "none of them, it's all rockets and film studios, nothing for the likes of us"
        # (set BW chose Creative): the themes named say what the list is, not a choice
        return True
    if (OUTSIDE_THEM.search(choice_norm(text)) and SAYS_WHAT_IT_IS.match(rest)) or IS_A.match(rest):
        # "We are not in any of them, we are transport for the NHS patients" (set DM chose
        # Medical technologies): what the business is, after saying it is in none of them
        return True
    if DOES_WHAT.match(rest):
        # "None of them really, we look after people in their own homes" (sets EC and EF
        # chose Housing growth from "homes", Medical technologies from "older people"): what
        # the business does, after saying none
        return True
    if ENDS_IN_NONE.search(text):
        # "Ah yes, pet cremation, famously the backbone of the space industry. None." (set
        # AR asked the Space questions): the last word is the answer, the rest sarcasm
        return True
    # "None really, we're data people rather than a medtech firm" (set DR chose Medical
    # technologies): a theme named only as what the business is not
    return not _names_only(choice_norm(DISOWNED.sub(" ", rest)))


# a hedge or a laugh left beside the none ("prob none", "none i reckon", "lol none"), as X writes
HEDGES = re.compile(
    r"^((prob|probs|probably|prolly|likely|def|defo|definitely|deffo|tbh|tbf|ngl|honestly|"
    r"really|rly|lol|lmao|haha|ha|i think|i reckon|i guess|i suppose|i'?d say|id say|"
    r"to be honest|sadly|sorry)(\s+|$))+"
)
# a bare no, then what the business is or does: "no, we are food importer", "nope, we fix
# boilers" (not "no, we're a space firm": a theme named is a choice)
NO_FIRST = re.compile(
    r"^\s*(no|nope|nah|naw|not really|sadly not|afraid not|i'?m afraid not|not us)\b[\s,.;:!-]+",
    re.IGNORECASE,
)
# after a none, what is granted against it: "..., though we host events for the film
# industry", "..., although several of our clients fall within them"
CONCESSION = re.compile(
    r"[,;]\s*(even though|although|though|albeit|whilst|while|except that|save that)\b",
    re.IGNORECASE,
)


def _says_what_it_is(rest: str) -> bool:
    """What follows a bare no says what the business is or does, naming no theme."""
    said = normalise(rest)
    return bool(
        (SAYS_WHAT_IT_IS.match(said) or DOES_WHAT.match(said) or IS_A.match(said))
        and not _names_only(choice_norm(DISOWNED.sub(" ", said)))
    )


# "..., not satellites", "but not film studios": a short clause that only says which of the
# listed themes the business is not
DISOWNS = re.compile(
    r"^(but |and |n |so |just )?(not|never|no) (an? |the |any |really )?(?P<what>[\w&' -]+)$"
)
DISOWNS_MAX_WORDS = 3


def disowns_a_theme(clause: str) -> bool:
    """The clause says only that the business is not a listed theme ("not satellites"
    beside "prob none? we fly roofs n building sites": set EW kept the two as a view)."""
    match = DISOWNS.match(normalise(clause))
    return (
        match is not None
        and len(match["what"].split()) <= DISOWNS_MAX_WORDS
        and bool(_names_only(choice_norm(match["what"])))
    )


# a closing sentence that is "None." alone, after a sentence of at least a few words, or
# a conclusion ("Medical is near to us but we are only pharmacy, so none": set DM)
ENDS_IN_NONE = re.compile(
    r"\w(\W+\w+){3,}([.!]|,? so|,? then|,? therefore|,? hence)\s+(none|nothing|neither)[.!]*\s*$",
    re.IGNORECASE,
)
# what the business is not, after saying none: "rather than a medtech firm"
DISOWNED = re.compile(
    r"\b(rather than|instead of|not|never been|isn'?t|aren'?t) (really |actually )?(an? |the )?"
    r"[\w&'-]+( [\w&'-]+)? (firm|company|business|outfit|shop|people|person|lot|sort|type)s?\b"
)
OUTSIDE_THEM = re.compile(rf"\b{NOT_IN_ANY}\b")
# "None really, we're data people rather than a medtech firm" (set DR): what the business is
IS_A = re.compile(
    r"^[\s,.;:!-]*(really )?(we'?re|we are|i'?m|i am) (just |only |mainly |mostly |really )?"
    r"(an? [\w&'-]+|[\w&'-]+ (people|folk|firm|company|business|shop|outfit))"
    r"( (firm|company|business|shop|outfit))?( rather than .*)?[\s.!]*$"
)
# after "none": what the business does ("we look after people in their own homes", "I
# teach piano"); not what it needs, wants or finds ("we need skills", "we can't recruit")
DOES_WHAT = re.compile(
    r"^[\s,.;:!-]*(really |honestly |sadly |sorry )?(we|i) "
    r"(just |only |mainly |mostly |basically )?"
    r"(?!(need|want|would|could|should|might|may|will|have|had|can|cant|can'?t|do|does|did|"
    r"don'?t|struggle|lose|wish|hope|think|feel|find|rely|depend|use|care|are|am|were|was|"
    r"also|still)\b)[a-z]+s? "
)
SAYS_WHAT_IT_IS = re.compile(r"^[\s,.;:!-]*(we'?re|we are|i'?m|i am|it'?s|its|we (only|just))\b")
# after "none": a theme named only as a long shot ("unless scaffolding counts as high
# performance"), which chooses nothing
NONE_UNLESS_IT_COUNTS = re.compile(r"^(unless|except if|if) .*\b(counts?|qualif(y|ies))\b")
# after "none": what the list is ("it's all rockets and film studios"), which chooses nothing
NONE_THE_LIST_IS = re.compile(
    # "None of these apply to a housing association, as far as I can see." (set CJ chose
    # housing growth from its name)
    r"^[\s,.;:!-]*(really )?(apply|applies|fit|fits|relate|relates|matter|matters) to "
    r"(us|me|a|an|our|the|my)\b|"
    r"^[\s,.;:!-]*(it'?s|its|they'?re|theyre|that'?s|thats|they are|it is) "
    r"(all|just|only|mostly) |\bnothing (there )?for (us|me|the likes of (us|me)|"
    r"people like (us|me)|firms like (us|ours))\b",
    re.IGNORECASE,
)
