"""Help asked at a choice of themes instead of a choice: how to choose ("is it ok to just
pick one?", "what if i put the wrong one?") or the choice handed back ("you pick the ones
that fit a vineyard"). Split from choices.py, which reads the choice itself. No Rasa
imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.questions import named_themes
from bot.consultation.replies import normalise, short_match
from bot.consultation.x_style import without_addressees

# "dunno, you pick the ones that fit a vineyard", "up to you" (set AQ: "dunno" read as none,
# the rest kept as a view, and the seabed questions skipped): the choice is the business's,
# so it is asked again with a word on how to choose
CHOOSE_FOR_ME = re.compile(
    r"\b(you (pick|choose|decide|select)|(it'?s |its )?up to (you|u)|your call|"
    r"(whatever|which ever|whichever|what) (you|u) (think|reckon|suggest)( fits?| suits?)?|"
    r"you tell me which|(pick|choose) for (me|us)|surprise me)\b"
)
CHOOSE_FOR_ME_MAX_WORDS = 16


# "is it ok to just pick one or do i have to do all of them", "I'm worried I'll press the
# wrong thing. Do I have to choose one?", "what if i put the wrong one?" (set BT chose all
# five, or "didn't catch"): how to choose, asked; answered, and the choice asked again
HOW_TO_CHOOSE = re.compile(
    r"\b((do|must|should) (i|we) (have to |need to )?(choose|pick|select|do|tick|answer) "
    r"(one|all|any|them all|all of them|every|more than one|just one|something)|"
    r"is (it|that) ok(ay)? (to|if (i|we)) (just )?(pick|choose|select|do|tick|leave)|"
    r"what if (i|we) (put|pick|choose|press|click|get|select|tick) (the |a )?wrong|"
    r"can (i|we) (pick|choose|select|tick) (more than one|several|a few|just one|only one|two|"
    r"none|nothing)|(worried|scared|afraid|nervous) (i'?ll|i will|i might|of) (press|click|pick|"
    r"choose|get|put|tick)\w* (the |a )?wrong|how many (can|should|do|must) (i|we) (pick|"
    r"choose|select|tick))\b"
)


def asks_how_to_choose(text: Any) -> bool:
    """A question about how to choose from the list, naming no theme."""
    if not isinstance(text, str):
        return False
    said = normalise(without_addressees(text))
    asked = "?" in text or re.match(r"(is|do|does|can|could|what|how|must|should)\b", said)
    return bool(asked) and HOW_TO_CHOOSE.search(said) is not None and not named_themes(text)


# "@btvlep which of those would an electrician come under?" at the islands choice (set EY
# chose Intelligent mobility, the tagger's reading of "electrician"): which of the list the
# business belongs in, asked; the choice is its own, so it is asked again with that said
WHICH_FITS = re.compile(
    r"\bwhich( one| ones| of (those|these|them|the (list|lot|options|ones))| bit| box| category|"
    r" heading)? (would|do|does|should|could|might|will|is|are|am) (i|we|us|a|an|my|our|"
    r"this|that|someone like|people like|firms like|businesses like|\w+s like)\b"
    r"[\w' ]{0,40}?\b(come|fall|go|sit|fit|belong|be|count|class|file)\w*"
    r"( (under|in|into|as|with|to))?$"
)
WHICH_FITS_MAX_WORDS = 16


def asks_which_fits(text: Any) -> bool:
    """A short question, naming no theme, which of the list the business belongs in; the
    words after its "?" are context ("we mostly do rewires")."""
    if not isinstance(text, str) or "?" not in text:
        return False
    asked = without_addressees(text).split("?", 1)[0]
    return short_match(WHICH_FITS, asked, WHICH_FITS_MAX_WORDS) and not named_themes(text)


def asks_bot_to_choose(text: Any) -> bool:
    """A short reply that hands the choice back to the bot, naming no theme."""
    return (
        isinstance(text, str)
        and short_match(CHOOSE_FOR_ME, without_addressees(text), CHOOSE_FOR_ME_MAX_WORDS)
        and not named_themes(text)
    )


# "The council would wish to comment on housing growth, infrastructure, and the environment
# and quality of life." at the seabed choice (set DX chose public services from "council"):
# the choice is what follows the wish to comment
COMMENT_ON = re.compile(
    r"^.{0,60}?\b(?:wish|like|want|prefer|intend|hope|propose|mean)(?: to)? (?:comment|speak|"
    r"talk|say (?:something|a word|a little)|write|focus|concentrate|respond|answer)"
    r"(?: briefly| only| mainly)? (?:on|about|to|upon|under)\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)


# "Housing growth, skills and the environment concern the committee." (set DY kept "skills
# and the environment concern the committee" as the skills answer): whom they concern
CONCERN_US = re.compile(
    r"\s+(?:(?:are|is) (?:the ones? that |what )?)?(?:concerns?|matters?|affects?|interests?|"
    r"appl(?:y|ies)|relates?|(?:are|is) (?:relevant|important))"
    r"(?: most| chiefly| mainly| most of all)?"
    r"(?: to)? (?:us|me|the \w+|our \w+|my \w+)(?: most| chiefly| mainly| most of all)?[\s.!]*$",
    re.IGNORECASE,
)


def chosen_after_a_lead_in(text: Any) -> str | None:
    """The themes a formal choice names after its lead-in or before whom they concern ("I
    should like to comment on X and Y" -> "X and Y", "X and Y concern the committee" -> "X
    and Y"); None when there is neither or nothing named."""
    if not isinstance(text, str):
        return None
    match = COMMENT_ON.match(text.strip())
    said = match["rest"] if match else text.strip()
    tail = CONCERN_US.search(said)
    said = said[: tail.start()] if tail else said
    if not (match or tail):
        return None
    return said if named_themes(said) else None
