"""Interruptions that are no answer: what interrupts ("Sorry, customer just walked in",
"@btvlep hang on phone", "Hang on, the delivery lorry's reversing into the yard"), asking for
the question again on return ("Right, where were we?"), going off to look something up
("Hang on, let me check which inbox we use for this"), something that has just happened and
needs the business ("a spaniel's just arrived for his bath") and the return from it ("Right,
he's in", "@btvlep right lesson done": set ET).

Found by set CS of unseen conversations (busy owners interrupted mid-way): each was "didn't
catch" at a choice, chose a theme from its words, skipped the question, or was kept as a
view. `pauses.holding` reads them with the other pauses. Split from pauses.py (past 400
lines). No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.text import normalise
from bot.consultation.x_style import without_addressees

# "Hang on, let me check which inbox we use for this" at the email question (set CS kept it
# as a view after the close): a look-up before the answer
GOES_TO_CHECK = re.compile(
    r"((hang on|hold on|one sec|wait|ok|okay|right|sorry|erm|um) )*"
    r"(let me|lemme|i'?ll just|i'?ll go and|i'?ll quickly) (just |quickly )?"
    r"(check|look it up|find out|dig (it )?out|grab|ask (my|our|the) (partner|wife|husband|"
    r"boss|colleague|office|accountant|manager|team|son|daughter|dad|mum|other half))"
    r"( [\w' ]{1,40})?"
)
GOES_TO_CHECK_MAX_WORDS = 14


def _all_of_it(pattern: re.Pattern[str], text: Any, max_words: int) -> str | None:
    """The message in plain words (its @handles dropped) when `pattern` is all of it and it
    has at most `max_words` words; else None."""
    if not isinstance(text, str):
        return None
    said = normalise(without_addressees(text))
    fits = 0 < len(said.split()) <= max_words and pattern.fullmatch(said) is not None
    return said if fits else None


def goes_to_check(text: Any) -> bool:
    """The whole message says the business is off to look something up."""
    said = _all_of_it(GOES_TO_CHECK, text, GOES_TO_CHECK_MAX_WORDS)
    return said is not None and not VIEW_WORD.search(said.split(" ", 3)[-1])


VIEW_WORD = re.compile(r"\b(need|needs|can'?t|cannot|won'?t|problem|awful)\b")


# "Sorry, customer just walked in", "@btvlep hang on phone", "Hang on, the delivery lorry's
# reversing into the yard" (set CS: "didn't catch" at a choice, Infrastructure chosen from
# the lorry, "hang on customer" kept as a view before consent): what interrupts, and nothing
# said about it
_WHO = (
    r"(customer|client|someone|somebody|delivery|lorry|van|driver|courier|postman|postie|phone|"
    r"call|kid|kids|dog|boss|supplier|rep|door|doorbell)"
)
INTERRUPTED = re.compile(
    r"((sorry|soz|sry|oops|hang on|hold on|hang fire|one sec|wait|ok|okay|right|argh) )*"
    rf"((a|the|my|another|one|got a) )?{_WHO}( (lorry|van|driver|man|call))?('s)?( again)?"
    r"(( ('s|s|is|has|have|are|'re|just|come|came|walked|walking|arrived|turned|pulled|"
    r"reversing|ringing|calling|going|in|up|here|at the door|on the (phone|line|other line)|"
    r"into the yard|needs me|wants me|waiting|to serve))+)?( brb| back soon| back in a (sec|min))?"
)
INTERRUPTED_MAX_WORDS = 12


def interrupted(text: Any) -> bool:
    """The whole message says what interrupts the business: a pause, no answer."""
    said = _all_of_it(INTERRUPTED, text, INTERRUPTED_MAX_WORDS)
    # a pause word first, or what is happening: not "the phone" or "customers" alone
    return said is not None and (
        said.split()[0] in PAUSE_FIRST or HAPPENING.search(said) is not None
    )


PAUSE_FIRST = frozenset({"sorry", "soz", "sry", "oops", "hang", "hold", "one", "wait", "argh"})
HAPPENING = re.compile(r"\b(just|walked|came|ringing|at the door|reversing|arrived)\b")


# "@btvlep sorry wheres we at", "Right, where were we?", "Back. Sorry, what was the
# question?" (set CS: the choice skipped, or kept as the answer): the question again
WHERE_WERE_WE = re.compile(
    r"((right|ok|okay|sorry|soz|so|anyway|back|i'?m back|im back|and) )*"
    r"(where (were|was) (we|i)|wheres? (we|were we) at|where'?d we get to|where did we get to|"
    r"what was the question|what were you asking|what was i (answering|doing)|"
    r"(can|could) you (ask|repeat) (that|the question|it) again|say (that|it) again|"
    # "@btvlep ok so what was this one", "which one are we on" (set FU kept the first as the
    # answer after "can we start again")
    r"what was (this|that|the) (one|question|bit)|which (one|question|bit) (are|were) (we|i) on|"
    r"what (one|question) (are|were) (we|i) on)( again)?"
)


WHERE_WERE_WE_MAX_WORDS = 16


def asks_where_we_were(text: Any) -> bool:
    """The business is back and asks for the question again."""
    return _all_of_it(WHERE_WERE_WE, text, WHERE_WERE_WE_MAX_WORDS) is not None


# "Bear with, a spaniel's just arrived for his bath", "@btvlep sorry pupil just turned up",
# "Sorry, a build has just come off the printer and I need to check it" (set ET kept each as
# the answer): something that needs the business this minute, after a pause word
# (`pauses.paused_with_reason`); not a change to rules or prices that "just came in"
JUST_HAPPENED = re.compile(
    r"(?!.*\b(rules?|regulations?|regs|laws?|tax|taxes|prices?|costs?|rates?|fees?|changes?|"
    r"funding|schemes?|polic(y|ies)|grants?|orders?)\b)"
    r"((a|an|the|my|our|another|one of (my|our)) )?[a-z0-9']+( [a-z0-9']+){0,2}?"
    r"('s|s| has| have| is| are)? just (arrived|turned up|come in|came in|walked in|pulled up|"
    r"got here|rung|rang|called|finished|come off [a-z ]{1,20}?|come out of [a-z ]{1,20}?|"
    r"pulled in|pulled into [a-z ]{1,20}?|"  # "the milk tanker's just pulled in" (set FU)
    r"gone off|started (beeping|ringing|barking))"
    r"( for (his|her|their|its|a|an|the|my|our) [a-z ]{1,20}?)?"
    r"( (and|so) (i|we) ((need|have|got|'ve got|must) to|should|better|gotta) (check|see to|"
    r"deal with|sort|look at|answer|get|grab|take|unload|sign for|see|serve|go)"
    r"( (it|him|her|them|that|this|to it|to him|to her))?)?"
)


# "Hang on, just signing for a parcel", "hold on, I'm on the phone to a supplier" (set FU:
# "didn't catch" at the islands choice): what the business is busy with this minute, a
# person or a thing and nothing said about it ("just signing for a parcel takes twenty
# minutes" says something: a view)
BUSY_NOW = re.compile(
    r"((i'?m|im|i am|we'?re|we are) )?(just )?(signing for|serving|letting in|seeing to|"
    r"dealing with|unloading|loading|answering|on the phone to|on a call (with|to)|talking to|"
    r"with) ((a|an|the|my|our|some|another) )?[a-z']+( [a-z']+)?( (in|at the door|now))?"
)
_BUSY_NOT = re.compile(r"\b(takes?|is|are|was|were|can'?t|won'?t|never|always|because)\b")


def needs_me_now(piece: str) -> bool:
    """A normalised piece of a message says something has just arrived or happened that
    needs the business now, or what it is busy with this minute (the reason for a pause),
    and nothing more."""
    return JUST_HAPPENED.fullmatch(piece) is not None or (
        BUSY_NOW.fullmatch(piece) is not None and _BUSY_NOT.search(piece) is None
    )


# Away for a while, said on return: "sorry i vanished yesterday", "got dragged away for
# longer than I thought", "I got held up longer than I expected" (set FU kept each as the
# answer). A piece of its own ("we got caught up in planning for two years" says more)
AWAY = (
    r"((i|we) )?(just )?((vanished|disappeared|went (quiet|silent|missing|awol|off)|dropped off|"
    r"ran off|wandered off)|((got|was|were|been|have been|'ve been|ve been) )?"
    r"((dragged|pulled|called|taken) away|held up|caught up|tied up|waylaid))"
    r"( on (you|u))?( (yesterday|earlier|last night|this morning|this afternoon|there|"
    r"like that|mid ?way|half ?way|for (so long|a bit|a while|ages)|"
    r"((for )?(a bit |a lot |much |way )?(longer|more) than (i|we) (thought|expected|planned|"
    r"meant( to)?))))*"
)


# Back from an interruption: "Back with you", "Right, he's in", "@btvlep right lesson done",
# "ok off the phone" (set ET: kept as the answer, or as the start of one). Alone, the
# question is asked again (`back_from_interruption`); in front of words, those words are
# the reply (`pauses.after_return`)
BACK_FROM = (
    r"back with (you|u|ya)( now| again)?|with you (again|now)|"
    r"(he'?s|she'?s|they'?re|hes|shes|theyre) in( now)?|"
    r"((the |my |that )?(lesson|call|phone call|meeting|appointment|customer|client|patient|"
    r"pupil|delivery|school run|visit|bath|groom))( is|'s| s)? (done|over|finished|sorted|gone)"
    r"( now)?|off the phone( now)?|(i'?m|im|i am) free( again| now)|"
    r"(that'?s|thats) (him|her|them) (done|sorted|in|gone|off)( now)?|(all )?sorted now"
)
RETURN_ALONE = re.compile(
    rf"((ok|okay|right|sorry|soz|phew|so|and|anyway) )*({BACK_FROM})( sorry)?"
)
RETURN_MAX_WORDS = 8


def back_from_interruption(text: Any) -> bool:
    """The whole message says the business is back from an interruption, nothing more."""
    return _all_of_it(RETURN_ALONE, text, RETURN_MAX_WORDS) is not None
