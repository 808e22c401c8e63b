"""A reply to the consent question that agrees in words NLU does not place: a yes with a
condition ("ok but keep it quick", "sure, as long as my name isn't used"), a yes in
another language ("oui d'accord", "si claro", "ja gerne", "tak"), or permission to start
("oh go on then, one more thing to add").

Found by the sixth set of unseen conversations: NLU read the first as "hold" and the
second as a view, so the business was asked again (or told its view could not be noted
yet) instead of starting. A yes that puts the consultation off ("ok but not now",
"yes but later") or asks something back is not agreement. After a decline only the
permission to start counts ("fine. go on then"): "ok" there acknowledges the decline.
A yes that brings a name or a profile with it is `consent_details`'s; the words all of
them read with are `consent_words`'. No Rasa imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.consultation.consent_details import (
    yes_with_name,
    yes_with_profile,
)
from bot.consultation.consent_words import (
    CONDITIONAL_YES,
    CONSENTS,
    FILLER,
    FOREIGN_YES,
    PUT_OFF,
    YES_WORDS,
    withdraws_consent,
)
from bot.consultation.letters import unwrapped
from bot.consultation.replies import looks_like_question, normalise, says_no, says_yes, whole
from bot.consultation.x_style import without_addressees

# "fine. go on then", "oh go on then, one more thing to add": permission to start, which
# also changes a decline ("oh great, another council survey" read as one) into taking part
# ("fair enough, I'll do it myself then, yes" after asking for something the bot won't
# give: set R read it as a view before consent)
GO_AHEAD = re.compile(
    # "actually, go on then, I've got ten minutes" after declining (set AK)
    r"((oh|ah|well|very well|right|fine|ok|okay|alright|ugh|sigh|yeah|yes|yep|sure|then|"
    r"fair enough|"
    r"no worries|no problem|no problem at all|in that case|(that'?s|thats) fine|fair play|actually|"
    r"on second thoughts?|(i'?ve |i have )?changed my mind|hmm+|go on) )*"
    r"(go on|go ahead|ask away|fire away|crack on|"
    r"let'?s (do it|go|get it over with|get on with it)|"
    r"(i'?ll|i will|i shall|we shall) (do it|take part|have a go|fill it in|answer|proceed)"
    r"( myself| ourselves)?|"
    r"count me in|i'?m in|with pleasure|by all means|(please )?(do )?(proceed|continue|carry on|"
    r"begin)( please)?|"
    # grudging ("oh great, more consultation" then "suppose so", the twelfth set)
    r"(i )?suppose( so)?|(i )?guess so|if (i|we) must|if you (must|insist)|might as well)"
    r"( then| please| mate| ask away| fire away| yes| yeah| yep| ok| okay| sure)*"
    r"( (one more thing|one thing|something|a few things|plenty)( to (add|say))?|"
    r" (i'?ve|i have) got (something|one thing|a few things|plenty) to (add|say))?"
    r"( (i'?ve|i have|i'?ve got|i have got|got) (a few|a couple of|\d+|five|ten|fifteen|twenty|"
    r"some) (mins?|minutes)( now| spare| to spare)?| (i'?ve|i have) (got )?(the |some )?time now)?"
)

# "Yes, on behalf of the council." (set AL's parish clerk was told her views could not be
# noted yet, and every later answer was lost): a yes and whom it speaks for
ON_BEHALF = re.compile(
    rf"(({YES_WORDS}) )+(({FILLER}) )*(i'?m |im |i am |we'?re |we are )?"
    r"((responding|answering|writing|replying|speaking) )?"
    r"((on behalf of|representing) (the |our |my |a )?[a-z'&-]+( [a-z'&-]+){0,4}|"
    r"for (the|our|my) (council|company|business|firm|trust|school|practice|partnership|"
    r"charity|organisation|association|club|board|team|parish|group)"
    r"( [a-z'&-]+){0,2})( (too|as well))?"
)

# "sure, but who sees it": a question back after the yes, answered before anything starts
ASKS_BACK = re.compile(
    r"\b(but|if) (who|what|whats|what's|how|why|where|when|which|can|could|will|would|do|does|"
    r"is|are)\b"
)


# "I would very much like to take part", "we'd be glad to help" inside a letter (the
# fifteenth set: "Dear Sir/Madam, I received your letter ... and I would very much like to
# take part. Yours faithfully, Margaret Hale"): a yes in a sentence
WANTS_TO = re.compile(
    r"\b((i|we) ?('d|would|'ll|will|should) (very much |really |certainly |gladly )?"
    r"(like|love|be (happy|glad|delighted|pleased|willing)) to|(i|we) (wish|want) to|"
    r"(i'?m|i am|we'?re|we are) (very |more than |only too |quite )?(happy|glad|delighted|"
    # "I am content to proceed.", "I am authorised to take part" (set DX: "still not getting it")
    r"pleased|willing|content|prepared|authori[sz]ed) to) (take part|help|participate|"
    r"contribute|join in|have (my|our) say|give (my|our) views?|answer (your|the|some) questions|"
    r"proceed|continue|do so|go ahead|carry on|begin|start)\b"
)
LETTER_MAX_WORDS = 60


def wants_to_take_part(text: Any) -> bool:
    """A sentence or a letter that says it would like to take part, or agrees to its views
    being kept, with no condition that puts it off and no question ("Dear Sir/Madam, ... I
    would very much like to take part. Yours faithfully, Margaret Hale")."""
    if not isinstance(text, str):
        return False
    norm = normalise(unwrapped(text))
    return (
        len(norm.split()) <= LETTER_MAX_WORDS
        and (WANTS_TO.search(norm) or CONSENTS.search(norm)) is not None
        and PUT_OFF.search(norm) is None
        and ASKS_BACK.search(norm) is None
        and "?" not in text
        and not re.search(r"\bbut\b", norm)
    )


# Yes in other words, at the consent question only: "I don't see why not.", "cant hurt",
# "no bother", "I can give you five minutes" (set AX read each as a decline, a hold or not
# at all, and the whole consultation was lost). After a decline they are no change of
# mind ("no problem" there accepts the decline), so they are not `GO_AHEAD`.
_MINUTES_FREE = (
    r"(i|we) (have|'ve got|have got|got) (a few|a couple of|\d+|five|ten|fifteen|twenty|some) "
    r"(mins?|minutes)( now| spare| free)?"
)
CONSENT_YES = re.compile(
    r"((oh|well|right|ok|okay|yeah|yes|sure|hmm+) )*"
    # "Yes walaal, I can help you" (set DT, Somali "brother": asked again, then "still not
    # getting it" to every answer): a word to the reader after the yes
    r"((walaal|bhai|bhaiya|habibi|brother|sister|boss|mate|my friend|dear|sir|madam|ji|po|"
    r"abi|kardes) )?("
    r"(i|we) (can|could|will|'ll|am happy to|are happy to) help( you)?( with (that|this|it))?|"
    # "I should be pleased to assist.", "I should be glad to." (set DY: "still not getting it")
    r"(i|we) ?(should|would|'d) be (very |most |only too |more than )?(happy|glad|delighted|"
    r"pleased|honoured|willing)( to( (assist|help|take part|participate|contribute|do so|oblige|"
    r"answer))?)?|"
    r"(i )?(don'?t|do not|dont) see why not|why not|"
    r"(it )?(can'?t|cant|cannot|won'?t|wont) (hurt|do any harm)|no harm (in it|in trying|trying)|"
    r"no (bother|probs|problem)( at all)?|nae bother|"
    r"(i )?(can|could) (give|spare) (you )?(a few|a couple of|\d+|two|five|ten|fifteen|twenty) "
    r"(mins?|minutes)( now| then)?|happy enough|sounds good|sounds fine|"
    # "Yes I can do it now, I have 10 minutes" (set DM, in a second language, was asked again
    # and every answer after it was "still not getting it")
    r"(i|we) can (do|answer|start|begin|proceed)( it| this| that| them| the questions)?"
    r"( now| today| right now)?"
    rf"( {_MINUTES_FREE})?|{_MINUTES_FREE}|"
    # "is this the strategy thing? happy to do it" (set BM)
    r"(more than |very |only too )?(happy|glad) to( do it| help| take part| join in)?)"
    r"( (then|mate|yes|yeah|go on|go ahead|fire away|ask away))*"
)
# "ngl thought this was spam but ok go on" (set BA read it as a view before consent): a
# doubt, then permission to start
BUT_GO_ON = re.compile(
    r"\bbut (ok|okay|fine|alright|sure|go on then)?\s*(go on|go ahead|fire away|go for it|"
    r"ask away|crack on|i'?ll do it)( then)?$"
)
# "not right now... actually go on, quick one" (set AX): a put-off taken back in the same
# message; what follows the change of mind decides
CHANGE_OF_MIND = re.compile(r"\b(actually|on second thoughts?|oh go on|wait)\b")


def says_yes_in_other_words(text: Any) -> bool:
    """A whole reply to the consent question that agrees without a plain yes, or a put-off
    taken back by a yes later in the message."""
    if not isinstance(text, str):
        return False
    plain = without_addressees(text)
    if whole(CONSENT_YES, plain):
        return True
    if BUT_GO_ON.search(normalise(plain)) and PUT_OFF.search(normalise(plain)) is None:
        return True  # "ngl thought this was spam but ok go on" (set BA)
    turns = list(CHANGE_OF_MIND.finditer(plain.lower()))
    before = plain[: turns[-1].start()] if turns else ""
    # "no. wait sorry, misread that, yes go on" (set ED: "still not getting it" to every
    # answer after): a plain no taken back too
    if not turns or (
        PUT_OFF.search(normalise(before)) is None and not says_no(before.strip(" .,!;-"))
    ):
        return False
    later = plain[turns[-1].start() :]  # as typed: its commas part the yes from the rest
    last = re.split(r"[.,;!]+", later.strip(" .!"))[-1]  # "..., misread that, yes go on"
    return says_go_ahead(later) or go_ahead_then_more(later) or says_go_ahead(last)


def says_go_ahead(text: Any) -> bool:
    """The whole reply gives permission to start ("fine. go on then", "@btvlep alright, go on
    then": set BW's X DM after a decline was asked whether it had any questions)."""
    return whole(GO_AHEAD, without_addressees(text) if isinstance(text, str) else text)


# "Yes go on. The one thing I'd say is nobody under 30 wants to learn locksmithing ...",
# "@btvlep yes, though we're not even open yet" (set AQ: read as a view before consent, the
# question asked again, and every profile answer after it was "still not getting it"): a
# whole yes first, then a view or a remark that takes nothing back
# "Yes - Priya's read it over my shoulder and we're both happy with it" (set CB: one more
# view at the play-back): a spaced dash breaks too
YES_BREAK = re.compile(r"[.!,;:]+\s*|\s+[-\u2013\u2014]+\s+")
# Where a remark about the writer starts after an unpunctuated yes
UNMARKED_REMARK = re.compile(
    r"(?<=\s)(?=(i'?m|i'?ve|i have|i am|i'?ll|i will|we'?re|we'?ve|just|got|bear with|so bear|"
    r"as long as|if it'?s quick|on my|in the)\b)",
    re.IGNORECASE,
)
# ... unless the remark doubts or defers it ("yes I'm not sure actually", "ok I've got a
# question first")
UNMARKED_DOUBT = re.compile(
    r"\b(not sure|unsure|question|later|actually|but|don'?t|won'?t|got to go|gotta go|have to go|"
    r"must go|busy|bye|leave|leaving|no time|another time|tomorrow)\b"
)
TAKES_IT_BACK = re.compile(
    r"^(but|however|actually|wait|hang on|no(?! (problem|worries|bother))|"
    # "Go on then. Not like I've got a business to run or anything." is sarcasm (set AR)
    r"not(?! (like|that) (i|we|you)\b)|unless|only if|if)\b"
)
# a put-off at the start of a reply to the consent question (`PUT_OFF` finds it anywhere)
PUT_OFF_FIRST = re.compile(
    r"^((sorry|oh|ah|um|erm|no|nah)[ ,]*)*(not (right )?now|maybe later|later|another time|"
    # not "no time": "no time to read all that, summarise it" asks for the short version
    r"some other time|not today|(can'?t|cannot) (do|make) it now)\b"
)


def yes_then_more(text: Any, also_yes: Callable[[str], bool] | None = None) -> str | None:
    """What follows a whole yes that opens the reply ("Yes go on. <view>" -> the view);
    None when the reply does not open with one, or what follows puts it off, asks
    something or takes it back ("yes, but not now", "ok. what happens to it?"). `also_yes`:
    what else counts as the yes (the play-back's "Yes that is right")."""
    split = _yes_and_rest(text, also_yes)
    return split[1] if split else None


def go_ahead_then_more(text: Any) -> bool:
    """Permission to start with a remark after it ("Actually, go on then, kettle's on."):
    after a decline, as `says_go_ahead` (set AR's care agency was "still not getting it")."""
    split = _yes_and_rest(text)
    return split is not None and says_go_ahead(split[0])


def _yes_and_rest(
    text: Any, also_yes: Callable[[str], bool] | None = None
) -> tuple[str, str] | None:
    """(the whole yes, what follows) at the first break after which the words so far
    are a yes ("Actually, go on then" is one, "Actually" is not)."""
    if not isinstance(text, str):
        return None
    text = without_addressees(text).strip()
    for match in YES_BREAK.finditer(text):
        yes, rest = text[: match.start()], text[match.end() :].strip()
        if not rest:
            return None
        if _a_yes(yes) or (also_yes is not None and also_yes(yes)):
            return (yes, rest) if _takes_nothing_back(rest) else None
    # dictated, with no stop after the yes: "Yes that's fine I've got a few minutes between
    # jobs", "Yeah go on I'm out with the dog so bear with me" (set DK was asked again)
    for match in UNMARKED_REMARK.finditer(text):
        yes, rest = text[: match.start()].strip(), text[match.start() :].strip()
        if yes and _a_yes(yes):
            # the remark is about the writer, not a view ("I'm stuck at the lights anyway"
            # was kept as one before consent): a yes, with nothing after it to keep
            doubts = UNMARKED_DOUBT.search(rest.lower()) is not None
            return (yes, "") if _takes_nothing_back(rest) and not doubts else None
    return None


def _a_yes(words: str) -> bool:
    """The words are a whole yes or permission to start, in English or another language."""
    return (
        says_yes(words)
        or says_go_ahead(words)
        or bool(FOREIGN_YES.fullmatch(normalise(words) + " "))
    )


def _takes_nothing_back(rest: str) -> bool:
    """What follows a yes neither takes it back, puts it off nor asks something."""
    norm_rest = normalise(rest)
    return not (
        not norm_rest
        or TAKES_IT_BACK.match(norm_rest)
        or PUT_OFF.search(norm_rest)
        or withdraws_consent(rest)
        or looks_like_question(rest)
        or "?" in rest
    )


def puts_off(text: Any) -> bool:
    """The reply to the consent question opens by putting it off ("Not right now, sorry,
    one of my carers has rung in sick": set AR kept it as a view before consent)."""
    if not isinstance(text, str):
        return False
    return PUT_OFF_FIRST.match(normalise(without_addressees(text))) is not None


# "is it anonymous? if so yes" (set AU was asked again, and every answer after it was
# "still not getting it"): a question, then a yes on the answer being what it hopes
IF_SO_YES = re.compile(
    r"^[^?]+\?+\s*(?:if so|if it is|if yes|if that'?s (?:the case|right|so)|in that case)"
    r"[ ,]+(?P<yes>.+)$",
    re.IGNORECASE,
)


def yes_if_so(text: Any) -> bool:
    """A question, then "if so, yes" ("is it anonymous? if so yes")."""
    if not isinstance(text, str):
        return False
    match = IF_SO_YES.match(without_addressees(text).strip())
    return match is not None and _a_yes(match["yes"])


# "@btvlep is this the strategy thing? happy to do it" at the consent question (set BM
# answered the question and asked for the yes again; every answer after was "still not
# getting it"): a question, then a whole yes after it
def asks_then_agrees(text: Any) -> bool:
    """A question, then a whole yes to taking part after its question mark."""
    if not isinstance(text, str):
        return False
    asked, mark, after = without_addressees(text).strip().rpartition("?")
    return bool(mark and asked.strip() and after.strip()) and agrees_to_take_part(after)


# "Yes, I'll do it. Who's actually running this consultation, though?" (set CR was told who
# runs it and asked for the yes again): a whole yes, then a question in its own sentence
_SENTENCE_END = re.compile(r"(?<=[.!])\s+")


def agrees_then_asks(text: Any) -> bool:
    """A whole yes to taking part, then a question after it."""
    if not isinstance(text, str) or "?" not in text:
        return False
    said, _, asked = without_addressees(text).strip().partition("?")
    parts = _SENTENCE_END.split(said.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[1].strip() or re.match(r"(?i)(but|only if|if)\b", parts[1]):
        return False  # "Yes. But what happens to my answers?": the yes waits on the answer
    return agrees_to_take_part(parts[0])


# "Hi, what's the LEP exactly? Before I agree to anything" (set BN: NLU read it as agreeing,
# 0.94): a question asked before agreeing holds the yes back until it is answered
BEFORE_AGREEING = re.compile(
    r"\bbefore (i|we) (agree|say yes|sign up|sign anything|commit|take part|go any further|"
    r"do (this|it|anything)|start|answer anything|give (you )?anything)\b"
    # "do i have to answer every question? - Kev" (set BT took it for a yes)
    r"|\b(do|must|will) (i|we) (have to|need to|be made to) (answer|do|fill in|complete|give|"
    r"say)\b"
)


def asks_before_agreeing(text: Any) -> bool:
    """A question the business wants answered before it agrees to anything."""
    if not isinstance(text, str) or "?" not in text:
        return False
    return BEFORE_AGREEING.search(normalise(without_addressees(text))) is not None


def agrees_to_take_part(text: Any) -> bool:
    """The whole reply agrees to take part: a yes in another language, or a yes with a
    condition that does not put it off ("ok but keep it quick, got a customer in 10
    mins"). False for "yes but later", "ok but what happens to it?" and anything else."""
    if not isinstance(text, str):
        return False
    # "@btvlep yeah if it's quick, between jobs": the handles a DM opens with say nothing
    # (set AP's tree surgeon and boat hirer were asked again, and every answer after lost)
    text = without_addressees(text)
    norm = normalise(text)
    if not norm:
        return False
    if FOREIGN_YES.fullmatch(norm + " ") or FOREIGN_YES.fullmatch(norm) or says_go_ahead(text):
        return True
    inside = unwrapped(text)
    if inside != text and agrees_to_take_part(inside):
        # "Thank you. Yes, I am content for ...", "Thanks, yes, let's go." (sets EU, EP were
        # told "no problem" or asked again): the thanks before the yes says nothing
        return True
    if wants_to_take_part(text) or yes_with_name(text) or yes_with_profile(text):
        return True
    if says_yes_in_other_words(text):
        return True
    if ON_BEHALF.fullmatch(norm) and PUT_OFF.search(norm) is None:
        return True
    if yes_then_more(text) is not None or yes_if_so(text):
        return True
    # "none of those sound like bees but go on then, yes" (set BC was asked again): a
    # remark, then a whole yes after the last "but"
    _, but, after = norm.rpartition(" but ")
    if but and PUT_OFF.search(norm) is None and not looks_like_question(text):
        if after and after != norm and agrees_to_take_part(after):
            return True
    return (
        CONDITIONAL_YES.match(norm) is not None
        and PUT_OFF.search(norm) is None
        and ASKS_BACK.search(norm) is None
        and not looks_like_question(text)
    )
