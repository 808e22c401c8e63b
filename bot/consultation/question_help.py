"""The open question not understood or not seen: "what do you mean by opportunities?",
"eh?", "what was the question again? had a spaniel on the table". Explained, then asked
again; nothing stored. No Rasa imports.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bot.consultation.questions import named_themes
from bot.consultation.replies import mentions, normalise
from bot.consultation.replies.questions import (
    LEAD_INS,
    REMARK_IS_A_VIEW,
    asks_what_it_covers_of,
    in_plain_words,
)
from bot.consultation.replies.text import sentences, without_signature
from bot.consultation.subject import names_a_subject
from bot.consultation.x_style import without_addressees
from bot.strategy import load_themes

# "what do you mean by opportunities?", "like what?", "such as?": the question explained
WHAT_IT_MEANS = re.compile(
    r"^((sorry|i'?m sorry|so|but|um|erm|hmm|ok|okay|and) )*"
    r"(what (do|did) (you|u) mean( by (that|this|\w+( \w+)?))?|what does (that|this|it) mean|"
    r"meaning|like what|such as|for example|e ?g|what kind of (thing|things|answer|stuff)|"
    r"what sort of (thing|things|answer|stuff)|i don'?t (understand|get) (the|that|this|your) "
    r"question|what are you (asking|after|looking for)|"
    # "eh?", "huh?", "come again?" (the eleventh set stored "eh?" as the answer)
    r"eh+|huh+|what+|wha+t+|pardon( me)?|come again|you what|wdym|say (that )?again|"
    r"i don'?t (understand|get it|follow)|not sure what you mean)"
    r"( (exactly|here|then|though|please|sorry))*$"
)


# "sorry what was the question again? had a spaniel on the table" (set AJ kept it as the
# answer): the question asked for again, with a few words of why that are not a view
ASKED_AGAIN = re.compile(
    r"^((sorry|so|um|erm|oh|ok|okay|hang on|wait)[ ,]*)*"
    r"(what (was|is|s) (the|that|your) question( again)?|whats the question( again)?|"
    r"what (did|do) (you|u) (just )?ask( me)?( again)?|(can|could) (you|u) repeat "
    r"(the question|that|it)|repeat (the question|that)|i missed the question|"
    # "Sorry I missed that can you say it again", "sorry can you repeat that, I was
    # reversing the van" (set AM, no question mark)
    r"(can|could|would) (you|u) say (that|it) again|"
    # "wdym opportunities? we just deliver gas lol" (set BA kept it as the answer)
    r"(wdym|what do (you|u) mean( by)?|what'?s (that|this) mean)( [\w']+){0,3}(?=$)|"
    r"i (missed|didn'?t (catch|see|get)) (that|it)(?= (can|could|would|please|pls|sorry)\b|$))\b"
)
ASKED_AGAIN_REMARK_WORDS = 12


# "do you mean opportunities for us or for games in bucks generally?", "is that for us or
# for the whole sector?" (set AW kept the first as the opportunities answer): which of two
# readings the question means
WHICH_READING = re.compile(
    r"^((sorry|so|but|um|erm|hmm|ok|okay|and|quick question|just to check)[ ,]*)*"
    r"((do|did) (you|u) mean|(is|are) (that|this|it|these|you asking|the question)( (asking|"
    r"meaning))?( (about|for))?|(should|do) (i|we) (answer|talk|say|write) (about|for|as)|"
    r"(you mean|meaning)) .{1,60}\bor\b.{1,60}$"
)
WHICH_READING_MAX_WORDS = 20
# "Do you want my view as the manager or the nursery's?", "do u want my own opinion or the
# company's?" (set FJ kept the first as the answer): whose view the question wants
WHOSE_VIEW = re.compile(
    r"^((sorry|so|but|um|erm|hmm|ok|okay|and|quick question|just to check)[ ,]*)*"
    r"(do|would) (you|u) (want|need|like) (my|our) (own )?(view|views|answer|opinion|thoughts|"
    r"take)\b.{0,60}\bor\b.{1,60}$"
)


def asks_which_reading(text: Any) -> bool:
    """A short question asking which of two things the question means."""
    if not isinstance(text, str) or not text.rstrip().endswith("?"):
        return False
    norm = normalise(without_addressees(text))
    return len(norm.split()) <= WHICH_READING_MAX_WORDS and (
        WHICH_READING.match(norm) is not None or WHOSE_VIEW.match(norm) is not None
    )


# "What would you like me to put here? A sentence or just a word? Regards, Reg", "I'm
# sorry, I don't understand the question. What do you want me to say? - Pauline", "what am
# i meant to put here?? x", "Have I done that right?" (set BT kept each as the answer): how
# to answer, asked; with at most a few words of context beside it
HOW_TO_ANSWER = re.compile(
    r"\b(what (do|would|should) (you|u) (want|like|need|expect) me to (say|put|write|type|do)|"
    r"what (am|are) (i|we) (meant|supposed|expected) to (say|put|write|type|do)|"
    r"what (do|should|shall) (i|we) (put|write|type|say)( here| now| in (here|this|the box))?$|"
    r"(just )?an? (sentence|word|few words|line) or (just )?an? (word|sentence|paragraph|essay|"
    r"few words|list)|how much (should|do|can|shall) (i|we) (write|put|say)|"
    r"(have|did) (i|we) (done|do|got|answered|filled) (that|this|it)( in)? (right|correctly|ok|"
    r"properly)|am i doing (this|it) (right|ok|properly)|"
    r"did (that|it) (work|go through|send|come through)( ok| okay| properly| alright)?$)\b"
)
HOW_TO_ANSWER_REMARK_WORDS = 12


def asks_how_to_answer(text: Any) -> bool:
    """Questions about how to answer, and a few words of context that are no view."""
    if not isinstance(text, str):
        return False
    parts = sentences(without_signature(without_addressees(text)))
    said = [normalise(p) for p in parts if normalise(p)]
    how = [p for p in said if HOW_TO_ANSWER.search(p) or WHAT_IT_MEANS.search(p)]
    rest = " ".join(p for p in said if p not in how)
    return (
        bool(how)
        and len(rest.split()) <= HOW_TO_ANSWER_REMARK_WORDS
        and (not rest or not REMARK_IS_A_VIEW.search(rest))
    )


def asks_what_the_question_means(text: Any) -> bool:
    """ "what do you mean by opportunities?", "what was the question again?", "what am I
    meant to put here?": the open question is explained, then asked again (nothing
    stored)."""
    if mentions(WHAT_IT_MEANS, text) or asks_which_reading(text) or asks_how_to_answer(text):
        return True
    if not isinstance(text, str):
        return False
    asked, _, rest = without_addressees(text).partition("?")
    asked = normalise(asked)
    again = ASKED_AGAIN.match(asked)
    match = again or WHICH_MEANING.match(asked)
    if match is None:
        return False
    remark = f"{asked[match.end() :]} {normalise(rest)}".strip()
    # what a meaning question goes on to guess ("... you mean the problems we have?") is
    # still the question; only what follows its "?" may be a view
    judged = remark if again else normalise(rest)
    if len(remark.split()) > ASKED_AGAIN_REMARK_WORDS or REMARK_IS_A_VIEW.search(judged):
        return False
    # "What sort of thing counts as a barrier? The rent is the big one for us": the answer
    # after the question is a view; "Do you mean money, or more like red tape?" asks on
    return rest.strip().endswith("?") or not rest.strip() or not names_a_subject(rest)


# "Sorry, barriers to what, exactly? Growing?", "@btvlep by barriers do u mean like money or
# whats in the way", "Who do you mean by who should do it? ...", "@btvlep not sure i get the
# question. how it affects us as in good or bad?" (set CY kept each as the answer): what
# the question means, asked in other words
WHICH_MEANING = re.compile(
    r"^((sorry|so|ok|okay|um|erm|hmm|excuse me|pardon)[ ,]*)*"
    # "Excuse me, 'barriers' you mean the problems we have?" (set DM, in a second language,
    # kept it as the barriers answer)
    r"(['\"]?(barriers?|problems?|opportunit(y|ies)|help)['\"]? (you|u) mean|"
    r"by [\w' ]{1,25}? do (you|u) mean( like)?|(barriers|problems|opportunities|help) (to|for|"
    r"with) what( exactly)?|who do (you|u) mean by( [\w']+){1,5}|not sure (i|i'?ve) (get|got|"
    r"understand|follow) (the|your|this) question|not sure what (you'?re|ur|you are) (after|"
    r"asking|looking for)|"
    # "What sort of thing counts as a barrier here? Do you mean money, or more like red tape?"
    # (set DH kept it as the barriers answer)
    # "Sorry, what counts as a barrier here? Anything at all?" (set EB)
    r"what (counts?|would count|do you count|should count) as (a |an )?(barrier|problem|opportunit|"
    r"help|support)\w*( here)?|"
    r"what (sort|kind|type) of (thing|things|stuff) (counts?|would count|do you count) as (a |an )?"
    r"(barrier|problem|opportunit|help|support)\w*( here)?)"
)


# A quotation that opens a message, with what follows it: the bot's own question quoted
# back ('"what barriers or problems hold you back?" 😂 how long have u got': set BA), or an
# answer quoted back at the play-back ('"banks laugh at a woodsman" - thats it exactly': set AY)
QUOTE = re.compile(
    r'^\s*["\u201c\u2018\'](?P<quote>[^"\u201d\u2019]{3,200})["\u201d\u2019\']'
    r"\s*[-\u2013\u2014:,.]*\s*"
)
QUOTE_REMARK_WORDS = 8


def leading_quote(text: str) -> tuple[str, str] | None:
    """(the quotation, normalised; the message after it, as typed) when a quotation opens
    the message (its handles aside), else None."""
    plain = without_addressees(text)
    match = QUOTE.match(plain)
    if match is None or not normalise(match.group("quote")):
        return None
    return normalise(match.group("quote")), plain[match.end() :]


def quotes_the_question(text: Any, asked: str) -> bool:
    """The message quotes the question just asked, with at most a short remark and no
    view beside it."""
    found = leading_quote(text) if isinstance(text, str) else None
    if found is None:
        return False
    quote, rest = found
    remark = normalise(rest)
    return (
        quote in normalise(asked)
        and len(remark.split()) <= QUOTE_REMARK_WORDS
        and not REMARK_IS_A_VIEW.search(remark)
    )


# "Before I answer - does a dental lab actually count as medtech for this? Or is it just
# Stoke Mandeville?" (set AZ kept it as the opportunities answer): a question put before the
# answer, which comes next
BEFORE_I_ANSWER = re.compile(
    r"^\s*(before i (answer|start|do|go on|reply|carry on)( (this|that|the|that one|this one))?|"
    # "Before the next one, does anything actually happen with these answers?" (set BP)
    r"before (the next (one|question|bit)|we (go on|move on|carry on))|"
    r"quick (question|one)( first| before i (answer|start))?|first,? (a )?quick (question|one))\b",
    re.IGNORECASE,
)
BEFORE_REMARK_WORDS = 8
BEFORE_CONTEXT_WORDS = 16


def asks_before_answering(text: Any) -> bool:
    """The message opens by saying it asks something before answering, asks it, and adds
    no more than a few words after its last question mark."""
    if not isinstance(text, str):
        return False
    plain = without_addressees(text)
    if BEFORE_I_ANSWER.match(plain) is None or "?" not in plain:
        return False
    remark = normalise(plain.rsplit("?", 1)[1])
    # "Before I do: is clean growth part of this? The national strategy had it as one of its
    # big challenges." (set AZ kept it as the environment answer): context, no complaint
    return len(remark.split()) <= BEFORE_REMARK_WORDS or (
        len(remark.split()) <= BEFORE_CONTEXT_WORDS and not REMARK_IS_A_VIEW.search(remark)
    )


# "@btvlep is westcott actually in bucks? always thought it was oxon" (set AZ kept it as the
# space opportunities answer): a question of fact about a place the strategy names
WHERE_IS = re.compile(
    r"^(is|are|does|do|isn'?t) (the )?[\w' -]{2,30}? (actually |really |even |still |now )?"
    r"(in|part of|inside|within|covered by|included in|count as|counted as|come under)\b"
)


def asks_about_a_named_place(text: Any) -> bool:
    """A short question whether a site the strategy names is in the county or the
    strategy, with at most a few words of why after it."""
    if not isinstance(text, str):
        return False
    asked, mark, rest = without_addressees(text).partition("?")
    remark = normalise(rest)
    return (
        bool(mark)
        and WHERE_IS.match(LEAD_INS.sub("", normalise(asked))) is not None
        and bool(named_themes(asked))
        and len(remark.split()) <= BEFORE_REMARK_WORDS
        and not REMARK_IS_A_VIEW.search(remark)
    )


# "Excuse me, what is 'entrepreneurialism'? Very long word for me" (set DM, in a second
# language, kept it as the answer to the question pending): what a theme's name means,
# with at most a few words after it that are no view
WHAT_IS_A_NAME = re.compile(
    r"^((sorry|so|ok|okay|excuse me|pardon|please|and|but|um|erm)[ ,]*)*"
    r"(what'?s|whats|what is|what are|what does|what do|what means|what is mean|what mean|"
    r"what exactly is|can you explain|explain)( the| a| an| this| word)?\b"
)
THEME_ASKED_MAX_WORDS = 8
THEME_ASKED_REMARK_WORDS = 8


# "Sorry walaal, infrastructure mean the roads and this kind of things?" at the
# infrastructure question (set DT kept it as the answer): a theme's name, then a guess at it
THEME_THEN_GUESS = re.compile(
    r"(?P<name>[a-z][a-z &'-]{2,40}?) (?:mean|means|is meaning|you mean|is it|it means|includes?|"
    r"covers?) (?P<guess>.{1,60})$"
)
GUESS_LEAD_WORDS = 2  # "Sorry walaal, ...": at most two words before the name


@cache
def _theme_name_forms() -> frozenset[str]:
    """The themes' names as the strategy gives them, whole and by their first word or two
    ("infrastructure", "education and skills", "skills", "digital science", "digital")."""
    forms: set[str] = set()
    for item in load_themes():
        name = normalise(item.name)
        words = name.split()
        forms |= {name, item.id.replace("_", " "), words[0], " ".join(words[:2]), words[-1]}
    return frozenset(forms - {"and", "of", "the"})


def asks_what_a_theme_is(text: Any) -> bool:
    """A short question asking what one of the themes is ("what is entrepreneurialism?",
    quoted or not, with "excuse me" or a short remark round it; "infrastructure mean the
    roads?")."""
    if not isinstance(text, str):
        return False
    asked, mark, rest = without_addressees(text).partition("?")
    plain = normalise(in_plain_words(asked))  # "whats X when its not in council speak?"
    remark = normalise(rest)
    words = plain.split()
    if mark and not rest.strip():
        for lead in range(GUESS_LEAD_WORDS + 1):
            guess = THEME_THEN_GUESS.match(" ".join(words[lead:]))
            if guess and guess["name"] in _theme_name_forms():
                return len(words) <= THEME_ASKED_MAX_WORDS + 6
    return (
        bool(mark)
        and len(words) <= THEME_ASKED_MAX_WORDS
        and WHAT_IS_A_NAME.match(plain) is not None
        and bool(named_themes(asked))
        and "?" not in rest
        and len(remark.split()) <= THEME_ASKED_REMARK_WORDS
        and not REMARK_IS_A_VIEW.search(remark)
    )


def asks_what_a_theme_covers(text: Any) -> bool:
    """A question asking what a named theme takes in ("What counts as digital science here?
    Would machine translation come under it?": set EP kept it as the answer), with no view
    after it ("what does housing growth mean? more traffic on the A41" is one)."""
    if not isinstance(text, str) or not asks_what_it_covers_of(text):
        return False
    asked, _, rest = without_addressees(text).partition("?")
    return bool(named_themes(asked)) and not REMARK_IS_A_VIEW.search(normalise(rest))
