"""Requests about who takes part and how, made in the middle of the questions: someone
else at the firm taking part too, a phone call instead of typing, starting again.

Each is answered and the same question asked again (`asides.steps_aside` gathers them).
Short messages only: a longer one that mentions a colleague, a call or a restart is a view.
Split from asides.py. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import mentions, normalise
from bot.consultation.replies.questions import REMARK_IS_A_VIEW, REMARK_MAX_WORDS
from bot.consultation.x_style import without_addressees

# "can my colleague fill this in as well?", "should my business partner do it too?"
OTHER_PERSON = (
    r"(colleagues?|business partners?|co ?founders?|co ?directors?|fellow directors?|"
    r"other directors?|my (partner|boss|manager|staff|team|wife|husband|son|daughter|"
    r"employees?)|our (staff|team|employees|manager|md|ceo))"
)
_CLAUSE_JOIN = r"(so|and|but|because|cos|then|or|as|since|which|when|if)\b"
# The modal asks about the other person ("can my colleague ..."), a few words at most
# before them: "another strategy nobody will read, but fine: ... so my staff can't do late
# shifts" (set U) is a view with "will" and "my staff ... do" far apart
OTHERS_TAKING_PART = re.compile(
    rf"\b(can|could|may|should|would|will|is it ok if|is it okay if|do you want|does)"
    rf"( (one|some|any|all|both|either) of)?( (?!{_CLAUSE_JOIN})\w+){{0,2}} {OTHER_PERSON}\b.*"
    rf"\b(fill\w*|do|does|take part|answer\w*|have a go|complete|"
    r"respond|join|reply|contribute|give|say)\b|"
    # "my daughter runs the market stalls for us, can she fill this in too?" (set EB)
    rf"\b{OTHER_PERSON}\b.*\b(can|could|may|should) (she|he|they) (also |still )?(fill\w*|do "
    r"(this|it)|take part|answer\w*|have a go|complete|respond|join)\b"
)


# Longer is a view: set R's 1,600-character statement ("... though my wife says I never
# am ... as if I could do anything about it") was answered as this question, not kept
OTHERS_MAX_WORDS = 30


# "my colleague Jas wants to do this too, can I forward it to her?", "can I pass the link
# on to my business partner?" (set Y read the first as declining, after a whole
# consultation): someone else who wants to take part, or the chat passed on to them
OTHERS_WANT = re.compile(
    rf"\b{OTHER_PERSON}( \w+)? (wants|would like|'d like|is keen|was keen|wanted|might want)"
    r" to (take part|have a go|join in|have (her|his|their) say|(do|fill( in| out)?|answer|"
    r"respond to|complete) (this|it|the (survey|consultation|chat|questions?|form)))\b|"
    r"\b(forward|send|pass|share|give)( on)? (it|this|the link|this link|the chat|this chat)"
    rf"( on)? (to|with) ((my|our) )?(her|him|them|{OTHER_PERSON})\b"
)


def asks_if_others_can_take_part(text: Any) -> bool:
    """The business asks whether someone else at the firm can take part too."""
    short = isinstance(text, str) and len(text.split()) <= OTHERS_MAX_WORDS
    return short and (mentions(OTHERS_TAKING_PART, text) or mentions(OTHERS_WANT, text))


# "can someone just call me instead? easier than typing. 07700 900123" (the eleventh set
# stored it as the view): asking to be phoned rather than to type. Short messages only, so
# a view that mentions calls ("customers call us less since ...") stays a view.
_CALLER = r"(someone|somebody|anyone|you|u|a person|one of (you|your team))"
CALL_ME = re.compile(
    # a modal with someone to call ("can someone call me"), or opening the message ("please
    # ring me"): "the council said they would call us back" is a view
    rf"(\b(can|could|would|will|pls|please) {_CALLER}|^(can|could|would|will|pls|please))"
    r"( just)? ((call|ring|phone) (me|us)|give (me|us) a (call|ring|bell))\b|"
    r"\b("
    r"(call|ring|phone) (me|us)( back)?( instead| please| pls)|"
    r"(rather|prefer to) (talk|speak|chat) (to|with) (a person|someone|a human)|"
    r"(easier|quicker) (on|by|over) the phone)\b"
)
CALL_ME_MAX_WORDS = 20
# "is there an actual person at the lep i can talk to about the space supply chain? bots fine
# but id rather talk it through" (set FY kept it as the skills answer, 24 words): one of
# ours to talk to, asked in a sentence of its own; the words after it no view
PERSON = re.compile(
    r"\b(is there|are there|have you got|do you have|(can|could) (i|we) (talk|speak) to)"
    r"( (a|an|any|one))?( (actual|real|real live|proper|named))? (person|human( being)?|people|"
    r"someone|somebody|anyone|anybody)( (at|from) (the )?(lep|btvlep|shared intelligence)\b|"
    r" (i|we) (can|could) (talk|speak|chat) (to|with)\b|(?= *$))"
)


def asks_for_a_call(text: Any) -> bool:
    """The business asks to be phoned instead of typing, or for a person to talk to: given
    the person to contact."""
    return (
        isinstance(text, str)
        and len(normalise(text).split()) <= CALL_ME_MAX_WORDS
        and mentions(CALL_ME, text)
    ) or asks_for_a_person(text)


def asks_for_a_person(text: Any) -> bool:
    """A question of its own for a person at the LEP to talk to (`PERSON`), at most a short
    remark that is no view after it."""
    if not isinstance(text, str):
        return False
    asked, mark, rest = without_addressees(text).partition("?")
    remark = normalise(rest)
    return (
        bool(mark)
        and len(normalise(asked).split()) <= CALL_ME_MAX_WORDS
        and mentions(PERSON, asked)
        and len(remark.split()) <= REMARK_MAX_WORDS
        and REMARK_IS_A_VIEW.search(remark) is None
    )


# "sorry can we start again?", "restart", "start over please": asked for, at the start of
# the message ("we had to restart production after the flood" is a view)
START_AGAIN = re.compile(
    r"^((sorry|oops|um|erm|ok|okay|hmm|right|oh|actually) )*"
    r"((can|could|shall|may) (we|i) (just )?|(let'?s|lets|i want to|i'?d like to|i need to|"
    r"want to|please|pls) )?(start (again|over|afresh|from scratch|from the (beginning|top))|"
    r"restart|begin again|go back to the (start|beginning))\b"
)
START_AGAIN_MAX_WORDS = 14
# "@btvlep sorry can we start again, had 3 people in and ive lost track of what ive said"
# (set FU kept it as the skills answer, 17 words): the business itself has lost its place,
# so a longer message still asks for the restart
LOST_PLACE = re.compile(
    r"\b(i'?ve|ive|i have|i|we'?ve|we have|we|i'?m|im|i am)( (completely|totally|a bit|kind of|"
    r"sort of|just))? (lost (track|the thread|my place|our place|my train of thought|the plot)|"
    r"forgot(ten)? (where (i|we) (was|were|got to)|what (i|we)('?ve| have)? (said|put|written))|"
    r"(no idea|not sure|unsure) where (i|we) (was|were|got to|are))\b"
)
LOST_PLACE_MAX_WORDS = 24


def asks_to_start_again(text: Any) -> bool:
    """The business asks to start the questions again: told nothing is lost and how to
    change an answer, then the same question (a short message only: "we had to start
    again after the fire" in a longer answer is a view; a longer one when it says the
    business has lost its place)."""
    if not isinstance(text, str):
        return False
    said = without_addressees(text)  # "@btvlep sorry can we start again" (set FU)
    words = len(normalise(said).split())
    lost = words <= LOST_PLACE_MAX_WORDS and mentions(LOST_PLACE, said)
    return (words <= START_AGAIN_MAX_WORDS or lost) and mentions(START_AGAIN, said)
