"""A non-answer with why beside it: "Not really my area, I just teach people to drive",
"not really my area, my daughter looks after anything like that", "no idea, we're only a
small shop" (set FQ kept each as the view on the driver asked). The why is about the
person or the business, not the subject, so the reply is still nothing to say; one that goes
on to the subject ("Not really my area, but the A41 ...", "no idea, we only get one bus an
hour") is a view.

The non-answer itself is read with the one vocabulary of skips (`NOTHING_TO_SAY`); this
module holds only the reasons. Only for answers to the view questions: at a profile
question "not sure, I just teach people to drive" says what the business does.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.skips import NOTHING_TO_SAY, SKIP_WORDS, states_a_complaint
from bot.consultation.replies.text import normalise
from bot.consultation.x_style import without_addressees, without_own_tags

_MINIMISER = r"(just|only|purely|simply|basically|literally|mainly|mostly)"
# Words that make "we only ..." a view after all: a need, a lack, a cost, a number, a
# negation, a comparison, a clause joined on ("no idea, we only get one bus an hour", "not
# sure, we just need broadband", "pass, we only sell online and the post office shut")
_NO_VIEW_WORD = (
    r"(?!.*[0-9])(?!.*\b(need\w*|want\w*|wish|hope|can|can'?t|cannot|could|couldn'?t|would|"
    r"wouldn'?t|should|won'?t|don'?t|dont|doesn'?t|didn'?t|isn'?t|aren'?t|haven'?t|hasn'?t|"
    r"struggl\w*|lose|loses|losing|lost|pay\w*|paid|cost\w*|pric\w*|money|afford\w*|get|gets|"
    r"getting|got|have|has|had|rel(y|ies|ied|ying)|find\w*|found|lack\w*|miss\w*|worr\w*|"
    r"wait\w*|surviv\w*|scrap\w*|us(e|es|ed|ing)|sell\w*|sold|spen[dt]\w*|hir(e|es|ed|ing)|"
    r"recruit\w*|rent\w*|buy\w*|bought|mak(e|es|ing)|made|too|more|less|enough|better|worse|"
    r"cheap\w*|expensive|hard\w*|difficult|busy|quiet|not|no|never|nobody|nothing|and|but|"
    r"so|because|cos|which|though|although|except)\b)"
)
_WORDS = r"( [a-z']+)"
# "that", "anything like that", "the computer side of things": the subject asked about,
# by a pointer, never named
_THAT = (
    r"(all |any of |most of )?(that|this|it|those|them|(anything|everything|stuff|things) like "
    r"that|(that|the) (side|stuff|sort of thing|kind of thing|end)|the (computer|digital|tech|"
    r"online|it|web|website|admin|paperwork|office|techy|technical) (side|stuff|bits?))"
    r"( side| stuff)?( of things)?( for (me|us))?( really| tbh| now| these days)?"
)
REASON_FOR_NOTHING = re.compile(
    r"((as|because|cos|coz|cuz|cause|since|tbh|honestly|tbf|to be fair) )?("
    # what we do, made small: "I just teach people to drive", "we only do dog grooming"
    rf"{_NO_VIEW_WORD}(i|we) {_MINIMISER}{_WORDS}{{1,6}}|"
    # who we are, made small: "we're only a small shop", "I'm just the bookkeeper", "we're a
    # small family firm"
    rf"{_NO_VIEW_WORD}(i'?m|im|i am|we'?re|were|we are) ({_MINIMISER}{_WORDS}{{1,5}}|"
    r"((a|an) )?(small|little|tiny|one man|one woman|family|sole|independent)"
    rf"{_WORDS}{{0,3}})|"
    # someone else sees to it: "my daughter looks after anything like that", "our IT lad
    # does all that", "the accountant handles it"
    rf"(my|our|the) [a-z']+( [a-z']+)?( [a-z']+)? (looks? after|deals? with|handles?|does|"
    r"sorts?( out)?|takes? care of|manages?|runs?|covers?|(is|are) in charge of|sees? to|"
    rf"keeps? on top of) {_THAT}|"
    # "I leave all that to my partner", "that's my son's department", "ask my daughter"
    rf"(i|we) (just )?leave {_THAT} to (my|our|the) [a-z']+( [a-z']+)?|"
    r"(that'?s|thats|it'?s|its) (all )?(my|our) [a-z']+('s|s)?( [a-z']+('s|s)?)? (department|job|"
    r"area|thing|side|domain|remit|bag)( really)?|"
    r"((you'?d|youd|you would|you'?ll|youll) (have|need|want) to |you'?d be better |best )?ask "
    r"(my|our|the) [a-z']+( [a-z']+)?( about (that|it|this))?|"
    # "we don't really deal with that side", "I never think about it"
    rf"(i|we) (don'?t|dont|do not|never) (really |ever )?(deal with|get involved (in|with)|"
    rf"bother with|touch|think about|look at|know (much |anything )?about|go near|do) {_THAT})"
)
# The non-answer and its reason together, and the reason alone
NOTHING_AND_WHY_MAX_WORDS = 20
REASON_MAX_WORDS = 10


def _nothing(words: str) -> bool:
    return words in SKIP_WORDS or NOTHING_TO_SAY.fullmatch(words) is not None


def _reason(words: str) -> bool:
    return (
        len(words.split()) <= REASON_MAX_WORDS and REASON_FOR_NOTHING.fullmatch(words) is not None
    )


def nothing_but_a_reason(text: Any) -> bool:
    """A short answer to a view question that says it has nothing to say, with only why
    beside it, in either order ("not really my area, I just teach people to drive", "my
    daughter does all that, so no idea"): nothing to record."""
    if not isinstance(text, str):
        return False
    words = normalise(without_own_tags(without_addressees(text))).split()
    if not 2 <= len(words) <= NOTHING_AND_WHY_MAX_WORDS or states_a_complaint(text):
        return False
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if _nothing(head) and _reason(tail):
            return True
        if _reason(head) and _nothing(tail.removeprefix("so ")):
            return True
    return False
