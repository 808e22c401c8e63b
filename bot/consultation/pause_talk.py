"""An apology for a pause, with what kept the business and the weather it was in: "@btvlep
sorry, soaked through. spent the last hour getting a bloke back into his electric car,
funny old job", "Sorry, just had a queue of eight for hay fever tablets, the pollen's
dreadful today. Right, where was I.", "Sorry, wedding delivery! It's boiling today, the
peonies were wilting in the van", "@btvlep sorry for the gap, had the windows at the gp
surgery to finish".

Set FU (breaks and returns) found the return after a longer break: "@btvlep morning, sorry i
vanished yesterday, one of the marquees came down in the wind. where were we" was kept as
the infrastructure answer. A hello may come before the apology, the apology may say the
business went away ("sorry i vanished yesterday"), and when it does and the message ends
asking where we were, what happened in between is the story of the break in any words: a
short piece of a one-off event, no view word and nothing that happens every time.

Found by set FF of unseen conversations: each was kept as the answer to the question
pending (the electric car as intelligent mobility, the pollen and the peonies as
environment and quality of life, the gp surgery as public services), and the question
after it skipped. `replies.pauses` reads a pause that says how long or who has just
arrived; here the pause is over and the business says where it was. The message opens with
the apology, and every other piece of it is the errand, the weather, a wry word about the
day or the return ("right, where was I"): anything else may be a view, so it is read as
one. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import greeting_only, normalise
from bot.consultation.replies.interruptions import AWAY, asks_where_we_were
from bot.consultation.x_style import without_addressees

PIECE_BREAK = re.compile(r"[,.;:!?…()]+|\s[-\u2013\u2014]\s|\band\b")
MAX_WORDS = 35
WEATHER_MAX_WORDS = 8
# the apology that opens the message, with the pause it is for
APOLOGY = re.compile(
    r"((ha|oh|oops|argh|right|ok|okay) )*(so )?(sorry|soz|sry|apologies)( again)?"
    r"( (for|about) (the|that|my) (gap|wait|delay|silence|pause|break|slow (reply|response)))?"
    r"( (everyone|mate|all))?|excuse the (gap|wait|delay)"
)
# the apology that says the business went away: "sorry i vanished yesterday" (set FU)
OPENING = re.compile(rf"({APOLOGY.pattern})( {AWAY})?")
WENT_AWAY = re.compile(AWAY)
GAP = re.compile(r"\b(gap|wait|delay|silence|pause|break)\b")
# the story of the break, between going away and "where were we": one short piece of what
# happened, never what happens every time ("the lane floods every winter" is a view)
STORY_MAX_WORDS = 12
HABIT = re.compile(
    r"\b(always|every|never|keeps?|kept|constantly|whenever|usually|each (time|year|week|"
    r"winter|summer)|all the time|nobody|no one|again and again)\b"
)
_BEEN = r"(i |we |i'?ve |we'?ve |i have |we have )?(just )?(was|were|been)"
# what kept the business: "spent the last hour getting a bloke back into his car", "had the
# windows at the gp surgery to finish", "just had a queue of eight for hay fever tablets",
# "wedding delivery", "there's a queue out of the door", "been flat out"
ERRAND = re.compile(
    r"((i|we) )?(have |'ve |ve )?(just )?(spent|been) (the )?(last|past) (hour|half hour|"
    r"couple of hours|few hours|[a-z]+ (minutes|mins|hours)|morning|afternoon|while)"
    r"( [a-z0-9' ]{1,60})?|"
    r"((i|we) )?(just )?(had|got|needed) (the|a|an|some|my|our|[a-z]+'s) [a-z0-9' ]{1,40} to "
    r"(finish|do|sort|see to|deal with|serve|deliver|fit|clean|collect|drop off|get done|"
    r"answer|unload|set up)( first)?|"
    r"((i|we) )?(just )?(had|got) (a|an) (queue|rush|line|crowd|flurry|stream|coachload|"
    r"coach load|busload|bus load)( of [a-z0-9' ]{1,40})?|"
    r"there'?s a (queue|line|rush|crowd)( [a-z0-9' ]{1,30})?|"
    r"((a|an|the|another|one) )?([a-z']+ ){0,2}(delivery|deliveries|run|job|call ?out|emergency|"
    r"rush|customer|client)( (in|on|again|just now))?|"
    rf"{_BEEN} (run|rushed) off (my|our) feet|"
    rf"{_BEEN} (flat out|snowed under|up a ladder|on a job|out on a job)"
    r"( all (morning|afternoon|day))?"
)
# the weather it was in, in a short piece: "soaked through", "it's boiling today", "the
# pollen's dreadful today", "the peonies were wilting in the van", "it's 28 degrees"
WEATHER = re.compile(
    r"\b(soaked|drenched|wet through|sodden|boiling|roasting|scorching|baking|sweltering|"
    r"heatwave|freezing|perishing|chucking it down|pouring|tipping down|bucketing|raining|"
    r"snowing|sleet|blowing a gale|\d+ degrees|pollen|hay fever|wilting|wilted|melting|"
    r"melted|sunburnt|sunburned)\b"
)
# a wry word about the day: "funny old job", "never a dull moment", "what a day"
COMMENT = re.compile(
    r"(funny|strange|mad|crazy) old (job|game|world|day|life|business)|never a dull moment|"
    r"what a (day|morning|week|afternoon)|typical|all go( here| today)?|"
    r"(it'?s|its) (been )?(mad|manic|bedlam|chaos|heaving|rammed|nuts|hectic)"
    r"( (in )?(here|today|this morning|out there))*"
)
# back at the question: "right, where was I", "bear with me", "back now"
RETURN = re.compile(
    r"((right|ok|okay|anyway|so) )*(where (was|were) (i|we)|(i'?m |im )?back( now| again)?|"
    r"bear with( me)?|with you (now|again)|right|anyway|ok|okay|so)"
)
# a word that makes a piece a view, whatever else it says ("spent the last hour on hold to
# the council about our rates"): never a pause alone
VIEW_WORD = re.compile(
    r"\b(council|government|nhs|rates|tax|planning|need|needs|can'?t|cannot|won'?t|problem|"
    r"issue|nightmare|awful|terrible|should|would|help|support|grant|grants|funding|cost|"
    r"costs|price|prices|staff|recruit\w*|skills?|road|roads|parking|broadband)\b"
)


def _pause_piece(piece: str) -> bool:
    """A piece of the message is the errand, the weather, a wry word, being away or the
    return."""
    return bool(
        ERRAND.fullmatch(piece)
        or COMMENT.fullmatch(piece)
        or RETURN.fullmatch(piece)
        or WENT_AWAY.fullmatch(piece)
        or (len(piece.split()) <= WEATHER_MAX_WORDS and WEATHER.search(piece))
    )


def _hello(piece: str) -> bool:
    """A hello before the apology ("morning", "hi again"), not the apology or a return."""
    return greeting_only(piece) and not OPENING.fullmatch(piece) and not RETURN.fullmatch(piece)


def _story_of_a_break(pieces: list[str]) -> bool:
    """The apology says the business went away and the message ends asking where we were:
    the pieces between may tell what happened in any words (set FU)."""
    went_away = GAP.search(pieces[0]) or any(
        WENT_AWAY.fullmatch(p) or (OPENING.fullmatch(p) and not APOLOGY.fullmatch(p))
        for p in pieces
    )
    return bool(went_away) and asks_where_we_were(pieces[-1])


def _story_piece(piece: str) -> bool:
    """A short piece about a one-off event (what kept the business)."""
    return len(piece.split()) <= STORY_MAX_WORDS and HABIT.search(piece) is None


def pause_talk_only(text: Any) -> bool:
    """The whole message is sorry for a pause and what kept the business: no answer in it."""
    if not isinstance(text, str):
        return False
    said = without_addressees(text)
    pieces = [p for p in (normalise(p) for p in PIECE_BREAK.split(said)) if p]
    while len(pieces) > 2 and _hello(pieces[0]):
        pieces = pieces[1:]  # "morning, sorry i vanished yesterday, ..." (set FU)
    if len(pieces) < 2 or sum(len(p.split()) for p in pieces) > MAX_WORDS:
        return False
    if not OPENING.fullmatch(pieces[0]) or VIEW_WORD.search(" ".join(pieces)):
        return False
    rest = [p for p in pieces[1:] if not APOLOGY.fullmatch(p)]
    story = _story_of_a_break(pieces)
    return (
        bool(rest)
        and all(_pause_piece(p) or (story and _story_piece(p)) for p in rest)
        and not all(RETURN.fullmatch(p) for p in rest)
    )


def pause_reply(text: Any) -> str | None:
    """The message key that answers sorry for a pause (take your time), else None. Read on
    the message as sent: the apology that opens it is set aside as a return from a pause by
    `openings.reading` ("sorry for the wait, had the gutters to finish" reads as the errand
    alone), and it is what tells the errand from an answer."""
    return "take_your_time" if pause_talk_only(text) else None
