"""Small talk from friendly owners, never a view: "How are you doing, by the way?", "Lovely
weather for it today, isn't it?", "Ha, you're very polite for a robot.", "Thank you, you're a
very good listener!", "do u ever get a day off? 😄", "Ha, this feels like a test! Do I pass
so far?", "Excuse the wait, had to swap a keg!", "Have a good weekend!", "Cheers, and if
you're ever in Chesham the first pint's on me!".

Found by set CM of unseen conversations (1 / 12 on its first run): such messages were kept
as the answer to the question pending (and tagged: "do u ever get a day off?" carried
intelligent public services), read as a choice ("didn't catch"), nudged for more, or kept
as one more view after the goodbye. Small talk gets a friendly word and the same question
again, and nothing is stored; a sentence of small talk beside an answer is left out of it
(`without_small_talk`), so "No thank you, I get enough emails! Lovely chatting to you
though" is a no. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.replies.yes_no import OTHER_THANKS
from bot.consultation.x_style import without_addressees

_LEAD = (
    r"((ha|haha|hah|lol|oh|ooh|ah|aw|aww|hmm|now|well|anyway|and|but|cheers|thanks|thank you|ty|ta|"
    r"many thanks|thank you very much|thanks very much|thanks again|thank you again|cheers again|"
    # "köszönöm, have a nice day" after the goodbye (set DT kept it as one more view)
    rf"honestly|nice one|lovely|great|{OTHER_THANKS}) )*"
)
_TAIL = r"( (though|by the way|btw|then|mate|lol|haha|x|xx|too|as well|again|eh|isn'?t it|innit))*"
_UNIT = (
    r"("
    # how the bot is
    r"how (are|r) (you|u)( doing| today| getting on| keeping)*|how'?s (your|ur) (day|morning|"
    r"afternoon|week)( going)?|hope (you'?re|ur|you are) (well|ok|okay|good|having a good \w+)|"
    r"(sorry,? )?i should (have|'?ve) asked( at the start| first| earlier)?|"
    # the weather
    r"(lovely|nice|gorgeous|beautiful|glorious|horrible|miserable|grim|awful|foul|grey) "
    r"(weather|day|morning|afternoon|evening)( for it)?( today| out there| outside)*|"
    r"(gorgeous|lovely|glorious) sunshine( out there)?( today)?|"
    # the bot itself
    r"(you'?re|ur|you are) (very |so |ever so |really |quite )?(polite|clever|helpful|patient|"
    r"nice|kind|friendly|good|quick|a (very |really )?good listener)( for a (robot|bot|computer|"
    r"machine|chatbot))?|(what a|that'?s a) (lovely|nice|good|clever) way of putting it"
    r"( [\w ]{1,30})?|i (like|love) (it|that)( a lot| very much)?|"
    r"(do|does) (you|u) (ever )?(get|have) (a day off|days off|holidays?|a break|weekends)|"
    r"(this|it) (feels|is) like (a|an) (test|exam|interview|quiz)|do i pass( so far)?|"
    r"(are|r) (you|u) (getting|having) (all )?this|good listener|"
    # a pause and its reason, after it
    r"(excuse|pardon|sorry for|sorry about|sorry bout) (the wait|that|the delay)( (i |we )?had to "
    r"[\w' ]{1,30})?|"
    r"(a )?customer wanted a (natter|chat)|"
    # signing off warmly
    r"have a (good|nice|great|lovely|gud|gd) (weekend|day|one|evening|afternoon|week|christmas)|"
    r"take care|(lovely|nice|good) (chatting|talking) (to|with) (you|u)|"
    # "Thank you. I wish the strategy every success." (set DX kept it as one more view)
    r"(i|we) wish (you|the strategy|the consultation|it|the team|the lep|you all|everyone)"
    r"( (every|all the|great|much|the best of))? (success|luck|best|well)( with (it|this))?|"
    # "Many thanks. I wish you a pleasant afternoon." (set DY kept it as one more view)
    r"(i|we) wish (you|you all|everyone) a (very )?(pleasant|good|nice|lovely|happy|great) "
    r"(day|afternoon|morning|evening|weekend|week|christmas)|"
    r"good (morning|afternoon|evening|day|night)( to (you|you all))?|"
    r"(good luck|best of luck|all the best) with (it|this|the strategy|the consultation)|"
    r"thanks for (listening|asking|your time|the chat|having me)|"
    # "@btvlep cheers for doing this btw, nobody ever asks the likes of us" (set FF kept it
    # as the environment answer)
    r"(thanks|thank you|cheers|ta|thx) for (doing|running|organising|putting on|setting up) "
    r"(this|all this|it|the survey|the consultation)|"
    # "ha this is more than anyone at the council has ever asked us" (set FF kept it as the
    # environment answer, with public services)
    r"(this|that|it)( is|'s|s| was) (already )?more than (anyone|anybody|[\w' ]{1,30}) "
    r"(has|have|had|'s|'ve)( ever)? (asked|bothered to ask)( (us|me))?( in (years|ages))?|"
    # "Ooh, good question", "@btvlep ha good q", "Good question, some days I wonder!" at a
    # question (set FF kept the first two as answers, the last as the sector): no answer
    r"(that'?s |thats |that is |now there'?s |what )?(a |an )?(very |really )?(good|great|fair|"
    r"interesting|tough|tricky|excellent) (question|q|one)( actually)?|"
    r"(some days|sometimes|often|most days) (i|we) (wonder|ask (myself|ourselves))|"
    r"i (often |sometimes )?wonder (that )?(myself|too)|who knows|"
    r"(your|you'?re) guess is as good as mine|"
    # signing off after the goodbye: "ta, keep warm", "cheers, stay dry", "mind how you go"
    r"(keep|stay) (warm|dry|safe|well|cool)|mind how you go|take it easy|cheerio|"
    # "Thank you, it's genuinely useful to get this off my chest" (set ET kept it as the
    # skills answer): glad of the chance to say it
    r"((it'?s|its|it is|it'?s been|this is|this has been) )?(genuinely |really |actually |so |"
    r"very |quite )?(useful|good|nice|helpful|great|cathartic|therapeutic|a relief) to (get "
    r"(this|that|it|things|all this|all that) off (my|our) chest|be asked|have a say|be heard|"
    r"have a (moan|rant|vent|grumble)|vent|say (it|this|all this|that))( for once)?|"
    r"(nice|good|great) to be asked( for once)?|"
    r"(thanks|cheers|thank you|ta) for letting (me|us) (vent|moan|rant|have (a|my) (moan|rant|"
    r"say)|get (that|this|it) off (my|our) chest|say (that|it|my piece))|"
    r"if (you'?re|ur) ever in [\w ]{2,30} the first (pint|coffee|round)'?s? on me|"
    r"nobody ever asks( us)?( [\w ]{1,20})?|nice one|lovely stuff|great stuff"
    r")"
)
_ONE = _LEAD + _UNIT + _TAIL
# one or more, as said in one breath: "thanks for listening, honestly nobody ever asks us"
SMALL_TALK = re.compile(rf"{_ONE}( {_ONE})*")
THANKS_ONLY = re.compile(
    r"((many thanks|thank you|thanks|thankyou|thx|ty|ta|cheers)"
    r"( very much| so much| again| kindly)?"
    r"( (mate|x|lol))?)"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _pieces(text: str) -> list[str]:
    """The message's sentences, each with words in it (an emoji alone is none)."""
    pieces = _SENTENCE_BREAK.split(without_addressees(text).strip())
    return [p for p in pieces if p and _plain(p)]


def _plain(piece: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", normalise(piece)).split())  # "😄" too


def _small(piece: str) -> bool:
    norm = _plain(piece)
    return bool(norm) and (
        SMALL_TALK.fullmatch(norm) is not None or THANKS_ONLY.fullmatch(norm) is not None
    )


def thanks_alone(text: Any) -> bool:
    """Nothing but thanks ("Thank you!", "@btvlep ty", "cheers mate"): owners thank the bot
    after an answer as the next question arrives (set CM, after every answer). That is no
    answer to the new question and no reason to pass over it: "you're welcome", and the
    question again, however often."""
    if not isinstance(text, str):
        return False
    pieces = _pieces(text)
    return bool(pieces) and all(THANKS_ONLY.fullmatch(_plain(p)) for p in pieces)


def small_talk_only(text: Any) -> bool:
    """The whole message is small talk, thanks beside it allowed: no answer in it. Thanks
    alone is `thanks_alone`, answered differently."""
    if not isinstance(text, str):
        return False
    pieces = _pieces(text)
    return (
        bool(pieces)
        and all(_small(p) for p in pieces)
        and not all(THANKS_ONLY.fullmatch(_plain(p)) for p in pieces)
    )


def without_small_talk(text: str) -> str:
    """`text` without its sentences of small talk ("No thank you, I get enough emails!
    Lovely chatting to you though" -> "No thank you, I get enough emails!"); the text as
    given when every sentence is small talk or none is."""
    pieces = _pieces(text)
    kept = [p for p in pieces if not _small(p)]
    return " ".join(kept) if kept and len(kept) < len(pieces) else text
