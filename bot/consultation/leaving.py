"""Leaving, in the business's words: asking for everything to be deleted ("forget me",
"withdraw my consent"), finishing ("that's enough for now"), declining to take part, and
goodbye. Each is read before anything is stored, so a view that happens to say "scrap",
"enough" or "leaving" must stay a view. No Rasa imports (moved from actions/common.py so
it is tested without Rasa, as the rest of the reply vocabulary).
"""

from __future__ import annotations

import re

from bot.consultation.taking_out import taken_out_topic

# "forget me", "delete my data", "I withdraw" - but not "forget about grants, fix the roads"
# The verbs, not words that start the same: "what have the other removal firms told you?"
# from a removals firm deleted everything it had said (set R's end-to-end test)
FORGET_REQUEST = re.compile(
    r"forget\s*(me|everything|all|what|this|my|it)|forgotten|"
    r"\b(delet(e|ed|es|ing|ion)|eras(e|ed|es|ing|ure)|remov(e|ed|es|ing)|wip(e|ed|es|ing))\b|"
    # "none, its a scrap yard" (set DG: NLU read forget_me at 0.57 and the whole consultation
    # was deleted): scrap as a trade is no request
    r"withdraw|gdpr|scrap(?![ -]?(yards?|metals?|dealers?|merchants?|man|men|cars?|iron|heaps?|"
    r"books?|value|paper|wood|timber|materials?|business|trade|firm|collection|collector))|"
    r"don'?t keep|get rid of|/forget_me",
    re.IGNORECASE,
)
# A long answer that happens to say "remove" or "scrap" ("we had to scrap the expansion
# because ...") is not a request to delete: past this many words it must say what to
# delete ("delete my answers", "forget me", "withdraw my consent").
LONG_MESSAGE_WORDS = 12
# What a request to delete names: the business's own data, never its stock, margins or
# trade ("the new parking rules will remove all my passing trade", "we had to scrap my
# favourite product line" were read as "delete everything" and the view lost)
_OWN_DATA = (
    r"(answers?|data|details|views?|responses?|comments?|info|information|messages?|"
    r"chats?|conversations?|transcripts?|profiles?|records?|submissions?|"
    r"contributions?|replies|input|everything|consent)"
)
EXPLICIT_FORGET = re.compile(
    # not "Forget Me Not Flowers" (a florist's name at the name question deleted everything:
    # set AC) nor "thank you! and dont forget me"
    r"(?<!don't )(?<!dont )(?<!do not )(?<!never )forget\s*me\b(?!\s*nots?\b)|"
    r"forget (everything(?! else)|all (of )?(it|that|this|my|our|about (me|us))|"
    r"it all|what (i|we))|right to be forgotten|/forget_me|"
    # "I withdraw", "withdraw my consent", "I want to withdraw from this"; not "the bank
    # threatened to withdraw our overdraft"
    rf"\bwithdraw\w*\s+(my|our|the)\s+(\w+\s+)?{_OWN_DATA}\b|"
    r"\bwithdraw\w*\s+(from\s+(this|the)\s+(consultation|survey|chat)|me|us|"
    r"my participation)\b|"
    r"^\W*((i|we)\s+)?((would|'d)\s+like\s+to\s+|want\s+to\s+|wish\s+to\s+)?withdraw"
    r"(\s+(please|pls|now|then|thanks))?\W*$|"
    rf"(delet|eras|remov|wip|scrap|clear|get rid of|bin)\w*\s+(\w+\s+){{0,2}}?"
    rf"(all\s+(of\s+)?)?(my|our)\s+(\w+\s+)?{_OWN_DATA}\b|"
    # "remove everything", "wipe it all"; not "the floods wiped everything out", "the
    # bypass would wipe us out"
    r"\b(delete|erase|remove|wipe|get rid of)\s+(\w+\s+){0,2}?((me|us)\b(?!\s+out)|"
    r"(everything|it all|all (of )?(it|that|this)|all that|what (i|we)|this chat|"
    r"this conversation|the transcript)\b(?!\s+out))|"
    # "please don't keep what I've said", "I'd rather you didn't keep any of it" (set W
    # kept the answer and the profile); "we don't keep anything in stock" is a view
    r"\b(don'?t|do not|not to) (keep|store|save|record|use) (any of )?(what (i|we)|"
    r"anything (i|we)|(my|our) (answers|views|responses|comments))\b|"
    r"\brather you (didn'?t|did not|don'?t) (keep|store|save|record|use) (it|this|that|"
    r"anything|any of (it|this|that|what))\b",
    re.IGNORECASE,
)


def asks_to_delete(text: str) -> bool:
    """An explicit request to delete what was said ("please delete everything I've said"),
    whatever NLU made of it: never stored as an answer. One answer taken out by what it was
    about ("remove my comment about the rates team") is not everything."""
    return EXPLICIT_FORGET.search(text) is not None and taken_out_topic(text) is None


# "Yes that's all fine, don't delete anything!" at the play-back (set DI deleted everything),
# "nothing to take out", "no need to remove it": the word denied is no request
DENIED_REQUEST = re.compile(
    r"\b(don'?t|dont|do not|no need to|never|nothing to|not to|please don'?t)\s+(\w+\s+)?"
    r"(delete|erase|remove|wipe|scrap|forget|drop|withdraw|clear|bin|get rid of)\w*"
    r"(\s+(anything|it|that|this|any of (it|that|this)|about (me|us)|me|us))?",
    re.IGNORECASE,
)


def asks_to_forget(text: str) -> bool:
    """The business asked for its data to be deleted (not just used a word like "remove")."""
    if taken_out_topic(text) is not None:  # "delete the bit about housing": that answer only
        return False
    if NOT_FORGETTING.search(text):  # "Forget Me Not Flowers", "don't forget me 🌸"
        return False
    text = DENIED_REQUEST.sub(" ", text)
    if EXPLICIT_FORGET.search(text) is not None:  # "please do not store my answers"
        return True
    return len(text.split()) <= LONG_MESSAGE_WORDS and FORGET_REQUEST.search(text) is not None


# a name or a fond goodbye with the words in it, never a request to delete
NOT_FORGETTING = re.compile(
    r"\bforget[ -]?me[ -]?nots?\b|\b(don'?t|dont|do not|never|won'?t|wont) forget (about )?"
    r"(me|us)\b",
    re.IGNORECASE,
)


# Saying you no longer want to take part names it ("I'd rather not do this", "just
# questions"); "no, just me" or "we don't want to take on more staff" are answers.
WITHDRAW_WORDS = re.compile(
    # "this survey", not "Skyline Survey Drones" (set AG: a firm's name at the name question
    # stopped the questions)
    r"take part|taking part|particip|\b(the|this|your|ur|a|any|these|no) surveys?\b|consultation|"
    r"question|chang\w* my mind|"
    r"(do|doing|continue|carry on with) (this|it)\b|opt(ed)? out|not interested|"
    r"browsing|just looking|info\b|information|curious|consent|decline|"
    # not "keep it that way" about the countryside (set FL: read as a decline, the chat ended)
    r"\b(record|stor|keep|kept|sav)\w* (me|my|anything|"
    r"it(?! (that way|like (that|this)|as it is|up|going|open|green|rural|special|safe)\b)|"
    r"this|what)\b",
    re.IGNORECASE,
)


# Finishing or leaving says so; "Lane End" (a village) or "Cheriton Ltd" is an answer.
STOP_WORDS = re.compile(
    r"\b(stop\w*|finish\w*|done|(?<!not )(?<!soon )enough|wrap\w*|no more|"
    r"that'?s (all|it|everything)|end (it|here|there|now|this|the)|call it a day|"
    r"nothing (more|else)|the rest|said (all|everything)|out of time|no time)\b|^\W*end\W*$",
    re.IGNORECASE,
)
# Past a few words an answer often says "enough", "done", "stopped" or "no time" about
# the business ("East West Rail can't come soon enough", "the council stopped the bus"):
# it must then say it is finishing with *this* ("that's enough for now", "I'm done").
SHORT_STOP_WORDS = 5
EXPLICIT_STOP = re.compile(
    r"\b(that'?s (all|it|everything|enough)|enough (for now|for today|questions|of this)|"
    r"(i'?m|i am|we'?re|we are) (done|finished)|no more questions|call it a day|"
    r"(stop|finish|end|wrap (it |this |things )?up)( it)? (here|there|now|the (questions|survey|"
    r"chat|consultation))|(let'?s|can we|i'?d like to|i want to|i need to|i'?ll|i have to|"
    r"i must|i'?ve got to|got to) (stop|finish|end|wrap( it| this)? up)|"
    r"(no|out of|run out of|haven'?t got|don'?t have) (more )?time (for|to do) "
    r"(this|more|the rest)|"
    r"skip the rest|said (all|everything) i (want|wanted|need|needed) to)\b",
    re.IGNORECASE,
)


# "I'm going to stop there, I've got thirty dogs to feed and I doubt any of this changes
# anything", "im stopping there, this is taking longer than a lesson" (set BW kept both as
# the answer to the question pending: NLU read them as declining to take part)
STOPS_HERE = re.compile(
    r"^((ok|okay|right|well|sorry|look|honestly|actually|anyway|think) )*"
    r"((i'?m|im|i am) (going to|gonna|gunna) (stop|leave it|finish|end|call it a day)|"
    r"(i'?m|im|i am) (stopping|leaving it|finishing|calling it a day)|"
    r"(i'?ll|ill|i will|i'?d better|i think i'?ll) (stop|leave it|finish|end)|"
    r"that'?s me (done|finished)|(i'?ve|ive|i have) had enough|"
    # "that'll do, im off", "@btvlep done for now, dogs need feeding" (set GC kept both as the
    # pending driver's view); "that'll do nicely for us" and "done" alone are not these
    r"that'?ll do|thatll do|that will do|(all |i'?m |im |i am |we'?re )?done (for now|for today|"
    r"for the day|here))"
    r"( (it|this|things))?(( (there|here|now|for now|for today|at that))+\b|(?=\s*([,.;:!-]|$)))"
)


def stops_here(text: str) -> bool:
    """The message opens by stopping ("I'm going to stop there") and says nothing after it
    that the tagger reads as a view ("..., I've got thirty dogs to feed")."""
    from bot.consultation.replies import normalise
    from bot.consultation.subject import names_a_subject
    from bot.consultation.x_style import without_addressees

    plain = without_addressees(text).strip().lower().replace("’", "'")
    match = STOPS_HERE.match(plain)
    if match is None:
        return False
    rest = normalise(plain[match.end() :])
    return not rest or not names_a_subject(rest)


# "Stop motion animation" for the sector (set DU: NLU read "stop" at 0.98, and the rest of
# the profile was skipped), a bus stop, "Stop Gap Storage", a pit stop: a thing, not a stop
STOP_AS_A_THING = re.compile(
    r"\bstop[- ]?(motion|gap|cocks?|watch(es)?|lights?|signs?|overs?)\b|"
    r"\b(bus|pit|truck|one|non|door|back|end|full|tram|coach)[- ]?stops?\b",
    re.IGNORECASE,
)


# A view that ends by saying the writer must stop: "no safe cycle path ..., thats all ive got
# time for sorry" (set DU kept the view and asked the next question)
ENDS_WITH_STOP = re.compile(
    r"(?:^|[.,;!-]\s*|\s)(?:(?:sorry|anyway|ok|okay|right)[, ]+)?(?:that'?s|thats|that is) "
    r"(?:all|it) (?:i'?ve|ive|i have|we'?ve|we have|i|we) (?:got |have )?(?:the )?time for"
    # a few words of why after it: "..., thats all ive got time for sorry, shop is rammed"
    r"(?:\W+[\w']+){0,6}\W*$",
    re.IGNORECASE,
)


def view_then_stop(text: str) -> str | None:
    """The view before a closing "that's all I've got time for", or None when the message
    does not end so or holds nothing before it."""
    match = ENDS_WITH_STOP.search(text)
    if match is None:
        return None
    view = text[: match.start()].strip(" ,;-")
    return view if len(view.split()) >= 3 else None


def says_stop(text: str) -> bool:
    """The message asks to finish: any stop word in a short one ("done", "that's all"),
    an explicit "that's enough for now" in a longer one."""
    text = STOP_AS_A_THING.sub(" ", text)
    if len(text.split()) <= SHORT_STOP_WORDS:
        return STOP_WORDS.search(text) is not None
    return EXPLICIT_STOP.search(text) is not None


GOODBYE_WORDS = re.compile(
    r"\b(bye|goodbye|cheerio|ciao|see (ya|you)|ta ?ra|laters?|cya|ttyl|farewell|"
    r"gotta (go|run|dash)|(have|got|need|must) to (go|run|dash)|i'?m off|leaving|"
    r"log(ging)? off|good ?night|night)\b",
    re.IGNORECASE,
)
