"""Wanting out: "ffs this is taking ages", "just finish it", "you're useless", "having
second thoughts about this". None is a view: the bot winds the questions up, or says what
happens to the answers, and asks again.

Split from pauses.py (not an answer yet: "hang on", "hello?"); the same normaliser.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.text import clauses, normalise, said_alone, whole
from bot.consultation.replies.typos import fix_command_typos
from bot.consultation.x_style import without_addressees

_SWEAR = r"(fucking|fuckin|effing|bloody|sodding|freaking|flipping|damn|so|really|very|too)"
IMPATIENT = re.compile(
    r"((ffs+|omg|jeez|jesus|christ|god|ugh+|argh+|come on|seriously|honestly|bloody hell|"
    r"for (fuck|god|pete|heaven|christ)'?s sake|"
    rf"(this|it)( is|'?s) (taking|going on)( {_SWEAR})? (ages|forever|too long|so long|a while|"
    r"a long time|for ever)|"
    rf"(this|it)( is|'?s)( {_SWEAR})* (long|boring|tedious|slow|dragging( on)?|endless)|"
    r"how (many|much) more( questions| of (these|them|this)| to go| left)?"
    r"( to go| left| are there| is there)?|"
    r"how much longer|how long (is|will) (this|it) (take|go on)|are there (many|lots) more|"
    r"are we (nearly|almost) (done|there|finished)|"
    r"is (this|it) (nearly|almost) (done|over|finished)|"
    rf"(too|so)( {_SWEAR})? many questions|hurry (up|it up)|get on with it|i'?m bored|"
    # "can we speed this up" (set AF kept it as the answer, or read it as wanting a person)
    r"((can|could) (we|you) )?(speed (this|it|things) up|hurry (this|it) along|go (a bit )?"
    r"faster|move (this|it) along)( a bit| please| pls)?|"
    r"(i'?m )?losing the will to live|not again)( |$))+"
)


# "..., I've got a wedding at 2", "..., got trucks to load": why they are in a hurry
BUSY_REASON = re.compile(
    r"[,;.!-]+\s*((i'?ve|i have|we'?ve|we have) )?(got|need to|have to|gotta) [\w' ]{2,40}$|"
    r"[,;.!-]+\s*(i'?m|we'?re|i am|we are) (busy|in a (rush|hurry)|short of time|at work)"
    r"[\w' ]{0,30}$|"
    # "..., the florist's just pulled up", "..., a customer has just walked in" (set AG)
    r"[,;.!-]+\s*(the|a|my|our|some|next|the next) [\w' ]{1,30}?('s| has| have| is|'ve)? (just )?"
    r"(pulled up|arrived|turned up|come in|walked in|here|in|waiting|calling)$|"
    # "can we leave it there? got a firing to watch" (set EL): a question, then why
    r"[?]\s*((i'?ve|i have|we'?ve|we have) )?(got|need to|have to|gotta) [\w' ]{2,40}$",
    re.IGNORECASE,
)


def without_busy_reason(text: str) -> str:
    """The message without the handle it opens with or why they are in a hurry."""
    return BUSY_REASON.sub("", without_addressees(text).strip().rstrip(".!"))


def impatient(text: Any) -> bool:
    """Frustration with the questions, nothing else but why ("ffs this is taking ages",
    "this is taking f***ing ages", "can we speed this up, I've got a wedding at 2")."""
    if isinstance(text, str):
        if _first_then_no_time(IMPATIENT, text):
            return True  # "How many more of these are there? I've got a loom to finish ..."
        text = without_busy_reason(text)
    return whole(IMPATIENT, unmask_swears(text))


# Doubts about taking part at all, mid-way ("hmm actually I'm having second thoughts about
# this, not sure I want to end up on some government list": set AC kept it as the barriers
# answer): no view; what happens to the answers and how to stop, then the question again
SECOND_THOUGHTS = re.compile(
    r"\b((second thoughts|having doubts|cold feet)( about (this|it|all this|doing this|"
    r"taking part|the whole thing))?\s*([,.;!?-]|$)|"
    r"not sure (i|we) (really )?(want|should|ought) to (do this|do any of this|carry on|continue|"
    r"go on|keep going|be doing this|end up|take part|be part|be on)|"
    r"(don'?t|do not) (really )?want to (end up|be) on (a|any|some|your)\b[\w\s]*\blist|"
    r"not sure about (this|doing this|all this|any of this))\b"
)
SECOND_THOUGHTS_MAX_WORDS = 30


def second_thoughts(text: Any) -> bool:
    """A short message doubting the consultation itself, with no view after a "but"."""
    return said_alone(SECOND_THOUGHTS, text, SECOND_THOUGHTS_MAX_WORDS, _lower_with_commas)


def _lower_with_commas(text: str) -> str:
    """Lower case, single-spaced, punctuation kept: a comma ends "second thoughts"."""
    return " ".join(text.lower().replace("\u2019", "'").split())


# Angry at the bot itself ("you're useless, this is a waste of my time", the tenth set
# stored it as a view): not a view. Only about the bot or this chat, and only as the whole
# message ("the growth hub is useless" is a view; "it's rubbish" may be about the roads).
_BAD = (
    r"(useless|rubbish|pointless|hopeless|a joke|crap|shit|shite|pants|terrible|awful|"
    r"stupid|thick|dumb|no (use|help|good)|(a )?waste of (time|space))"
)
_AT = r"(you'?re|you are|youre|ur|u r|u|you|this (bot|thing|chat|survey|questionnaire|is)|what)"
_FILLER = r"(oh|god|wow|honestly|seriously|jeez|ugh|ffs|mate|lol|tbh|jesus|christ|ok|right|so)"
_ANGRY = (
    rf"({_AT}( (is|so|really|absolutely|completely|totally|bloody|fucking|utterly|just|such|"
    rf"pretty|a))* {_BAD}( (bot|thing|machine|robot|chatbot|computer))?|"
    r"((this is|this)( a| an)?|what a|total|complete|utter|absolute)( (complete|total|"
    rf"utter|absolute|{_SWEAR}))* waste of (my |our )?time|"
    r"(stupid|useless|rubbish|pointless|dumb|bloody|crap|thick) (bot|machine|thing|robot|"
    r"chatbot|computer)|(you'?re|you are) not (listening|helping|making (any )?sense)|"
    r"you (don'?t|do not|never) (listen|understand|get it)|(are you|r u) (stupid|thick|"
    r"dumb|even listening|for real))"
)
# at least one angry clause; fillers ("honestly", "mate") only around it
FED_UP = re.compile(rf"({_FILLER} )*{_ANGRY}( ({_FILLER}|{_ANGRY}))*")


def fed_up_with_bot(text: Any) -> bool:
    """Anger at the bot or the chat, nothing else ("you're useless, waste of my time",
    "this is a f***ing waste of time you stupid bot"), or then only why the business has no
    time for it ("You're useless, you know that? I've got a queue out the door and I'm
    typing to a computer.": set CU kept it as the answer)."""
    return whole(FED_UP, unmask_swears(text)) or _first_then_no_time(FED_UP, text)


# why there is no time for the chat, after a sentence of impatience or anger at it: the
# bot, the typing, the customers, the work waiting, a threat to close it
NO_TIME = re.compile(
    r"\b(typing (to|into|at) a (computer|bot|machine|robot)|queue out the door|customers? "
    r"waiting|(i'?ve|i have|we'?ve|we have) got (a |an |the )?[\w' ]{1,20} to (finish|do|get "
    r"to|serve|load|run)|(i'?m|we'?re|i am|we are) (so )?(busy|flat out|closing (this|it)|off)|"
    r"clos(e|ing) (this|it)( down)?|giv(e|ing) up|better things to do|no time for this)\b"
)
NO_TIME_MAX_WORDS = 20


def _first_then_no_time(pattern: re.Pattern[str], text: Any) -> bool:
    """The first sentence matches `pattern` whole, and the rest only says why there is no
    time for this."""
    if not isinstance(text, str):
        return False
    parts = re.split(r"(?<=[?!.])\s+", without_addressees(text).strip(), maxsplit=1)
    if len(parts) != 2:
        return False
    first, rest = parts
    said = re.sub(r"[, ]+(you know that|you know|mate|honestly)\W*$", "", first, flags=re.I)
    return (
        whole(pattern, unmask_swears(said))
        and len(rest.split()) <= NO_TIME_MAX_WORDS
        and NO_TIME.search(rest.lower()) is not None
    )


# "f***ing", "sh*t", "b****y": a swear written with stars, which the normaliser would
# split into letters ("f ing"); read as the word it hides (set V)
MASKED = re.compile(r"\b[a-z]+[*#@$%!]+[a-z]*\b|\b[a-z]*[*#@$%!]+[a-z]+\b", re.IGNORECASE)


def _unmasked(match: re.Match[str]) -> str:
    word = match.group(0).lower()
    if word.startswith("f"):
        return "fucking" if word.endswith(("ing", "in")) else "fuck"
    if word.startswith("s") and len(word) <= 5:
        return "shit"
    return "crap" if word.startswith("c") and len(word) <= 4 else "bloody"


def unmask_swears(text: Any) -> Any:
    """The text with starred swears written out ("f***ing" -> "fucking"); anything but a
    string as it is."""
    return MASKED.sub(_unmasked, text) if isinstance(text, str) else text


# "fine just finish it", "ok end it there": finishing, said in a few words NLU may miss
FINISH = re.compile(
    r"((fine|ok|okay|right|alright|yes|yeah|so|sorry|just|please|pls|then|now|can we|could we|"
    r"let'?s|lets|i want to|i'?d like to|i'?ll|"
    # "gotta stop there mate, next job's waiting", "can we leave it there?" (set EL)
    r"gotta|got to|have to|need to|i'?ll have to|i must|i'?m going to|i'?m gonna)( |$))*"
    r"(finish|end|stop|wrap( it| this)? up|call it a day|leave it|"
    # "can we skip to the end please", "jump straight to the summary" (set W kept it as
    # the answer)
    r"(skip|jump|go|get|fast forward|cut|move)( straight| right| on)? to the "
    r"(end|finish|last bit|final bit|summary|play ?back)|"
    # "that's all from me, got a job at 2" (set FE kept it as the skills answer): all of it,
    # not this question's "that's all" (`navigation.NOTHING_MORE_HERE`)
    r"(that'?s|thats|that is) (all|it|everything) (from (me|us)|for (now|today)))"
    r"( (it|this|that|here|there|now|up|then|please|pls|the questions|the survey|already|mate|"
    r"at that))*"
    r"(,? (i'?m|we'?re|i am|we are) (short on|out of|pressed for|running out of) time|"
    r",? (no|not much) time( today)?)?"
)


def asks_to_finish(text: Any) -> bool:
    """The whole message asks to finish now ("fine just finish it", "ok end it there",
    "stpo"), or asks it beside a few words of why that name no subject ("can we skip to
    the end? queue's building up")."""
    if not isinstance(text, str):
        return False
    # "sorry, can we finish there, the florist's just pulled up": the reason set aside
    if whole(FINISH, fix_command_typos(normalise(without_busy_reason(text)))):
        return True
    return _finish_beside_reason(without_addressees(text))


# why they must go, beside the request: "queue's building up", "clients here" (set FE kept
# "can we skip to the end? queue's building up" as the infrastructure answer); a view
# there ("skip to the end, the A40 is gridlocked") is kept as one
REASON_MAX_WORDS = 8


def _finish_beside_reason(text: str) -> bool:
    """The first or last clause asks to finish, and the others are a short reason that is
    no question and names no subject the tagger sees."""
    from bot.consultation.subject import names_a_subject

    parts = clauses(text)
    if len(parts) < 2:
        return False
    for request, reason in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        why = " ".join(reason)
        if (
            whole(FINISH, fix_command_typos(normalise(request)))
            and len(normalise(why).split()) <= REASON_MAX_WORDS
            and "?" not in why
            and not names_a_subject(why)
        ):
            return True
    return False
