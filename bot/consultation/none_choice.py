"""Whether a reply to the islands or seabed choice means none of them: "none", "skip",
"nothing", and none said with what the business is or does, or what the list is, beside
it ("None of them really, we look after people in their own homes"). Split from
`questions.py` (past 400 lines), which matches the themes a reply names. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.described import choice_norm
from bot.consultation.questions import names_only, theme_phrases
from bot.consultation.replies import none_reply, normalise
from bot.consultation.replies.skips import NOT_IN_ANY
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS


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
    if not names_only(choice_norm(DISOWNED.sub(" ", rest))):
        return True
    # "None really. We did the flowers for a period drama once, but that's as close to film
    # as we get!" (set FF chose Creative): an opening none wins over a theme in passing
    after = _after_opening_none(plain)
    return after is not None and not chooses_after_none(after)


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
        and not names_only(choice_norm(DISOWNED.sub(" ", said)))
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
        and bool(names_only(choice_norm(match["what"])))
    )


# a closing sentence that is "None." alone, after a sentence of at least a few words, or
# a conclusion ("Medical is near to us but we are only pharmacy, so none": set DM; "...,
# we don't make anything. So none.": set FF chose Medical technologies)
ENDS_IN_NONE = re.compile(
    r"\w(\W+\w+){3,}([.!]( (so|then|therefore|hence|thus),?)?|,? so|,? then|,? therefore|"
    r",? hence)\s+(none|nothing|neither)[.!]*\s*$",
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
    # "None of these, we do cyber security" (set GA chose Digital science from "cyber" at
    # the islands): what the business does after "do", not "we do need ..."
    r"(do )?"
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


# "None of those." / "None really," / "none mate," opening the message: the none said in
# full before anything else (X's handle already dropped)
OPENING_NONE = re.compile(
    r"^\s*(?P<none>[^.,;:!?…]+?)\s*(?:[.,;:!?…]+|\s-\s)\s*(?P<rest>\S.*)$", re.DOTALL
)
# words that may sit beside an opening none without choosing ("none really", "none mate")
OPENING_FILLER = re.compile(
    r"\b(no|nope|nah|naw|really|rly|sadly|sorry|afraid|i'?m|im|i am|mate|tbh|honestly|at all|"
    r"i think|i reckon|"
    r"to be honest|lol|ha|haha|thanks|obviously|i guess|i suppose)\b"
)


def _after_opening_none(plain: str) -> str | None:
    """What follows a none that opens the message as a clause of its own ("None of those.
    Lovely to see the film studios in there though"); None when the message opens otherwise."""
    match = OPENING_NONE.match(plain)
    if match is None:
        return None
    left = none_reply(match["none"])
    if left is None or OPENING_FILLER.sub(" ", HEDGES.sub("", left)).split():
        return None
    return match["rest"]


THEME = "qqtheme"  # a theme name in `_marked` text
# a theme named as what the business is not: "we move wardrobes, not driverless cars"
NOT_THE_THEME = re.compile(rf"\b(not|no|never|rather than|instead of) (an? |the |any )?{THEME}\b")
# a theme still chosen after the none: "none, but space matters", "none, but prob space as
# we make satellite parts" (set EW), "No one of this, but space is close for us" (set EZ),
# "none except space", "none really, film if anything", "we're a space supplier"
_HEDGE = r"(maybe|perhaps|possibly|prob|probs|probably|i suppose|i guess|the|a|an|our|for)"
AFFIRMED = re.compile(
    rf"\b(except|apart from|other than|besides|save for|bar|but|maybe|perhaps|possibly|prob|"
    rf"probs|probably|i suppose|i guess|if anything|at a push|at a stretch|closest (is|would be)|"
    rf"if (i|we) (had|have) to (pick|choose)( one)?)( {_HEDGE})* {THEME}\b|"
    rf"\b{THEME}( \w+){{0,2}} (matters?|mattered|is (close|relevant|us|where|what)|are (close|"
    rf"relevant|us)|applies|apply|fits|counts|would (fit|apply|count|do)|i suppose|i guess|"
    rf"if anything|at a push|maybe|perhaps|probably)\b|"
    rf"\b(we|i)('re| re| are|'m| m| am) (really |mainly |mostly )?(in |into |part of )?"
    rf"(the |an? )?{THEME}\b"
)
# a theme taken back by what follows it: "I'd say digital but all we've got is a till that
# crashes" (set FF went on to Digital science)
TAKEN_BACK = re.compile(rf"\b{THEME} (but|though|although|except) (?!.*{THEME})\w+ \w+")
# the words left once the names are out, below which the rest is a list of them ("none.
# skills and roads"): a choice
SENTENCE_MIN_WORDS = 3
LIST_WORDS = frozenset({"and", "n", "plus", "also", "too", "just", "only", "though", "then"})


def _marked(text: str) -> str:
    """`text` normalised with each theme name (longest first) put as THEME."""
    marked = choice_norm(text)
    for phrase, _ in theme_phrases():
        marked = marked.replace(f" {phrase} ", f" {THEME} ")
    return " ".join(marked.split())


def chooses_after_none(rest: str) -> bool:
    """What follows an opening none still chooses: a list of names, a theme said to matter
    or kept ("but space matters", "except space"), or a seabed driver's name not taken
    back. An island named in passing does not ("We did the flowers for a period drama,
    but that's as close to film as we get!": set FF): islands are sectors, and a sector
    merely mentioned in passing carries no theme (GUIDE.md)."""
    named = names_only(choice_norm(DISOWNED.sub(" ", rest)))
    marked = NOT_THE_THEME.sub(" ", _marked(DISOWNED.sub(" ", rest)))
    words = [w for w in marked.split() if w != THEME and w not in LIST_WORDS]
    if len(words) < SENTENCE_MIN_WORDS or AFFIRMED.search(marked):
        return True
    if all(theme in ISLAND_IDS for theme in named):
        return False
    return THEME in marked and not TAKEN_BACK.search(marked)
