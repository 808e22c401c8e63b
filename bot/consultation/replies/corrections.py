"""Corrections of the last answer ("sorry, I meant…", "*better") and a choice changed
mid-message ("space, no wait, medtech")."""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.text import normalise
from bot.consultation.x_style import without_addressees

# "sorry, I meant Silverstone Park", "correction: it's the A418": the business corrects
# the answer it has just given rather than answering the next question
SELF_CORRECTION = re.compile(
    r"^((sorry|oops|whoops|soz|apologies|my bad|typo|correction|actually|no|wait|sorry again|"
    # "Oh, ignore the Milton Keynes bit, that's not really it." (set ED kept it as new)
    r"oh|ah|oh and|"
    # "oops, in that last one I meant Beaconsfield" (set AD)
    r"(in|on|for) (that|my|the) (last|previous) (one|answer|bit)|"
    # "@btvlep sorry, on that one i meant the small thruster firms" at the next question
    # (set FT kept it as that question's answer)
    r"(in|on|for|about) (that|the) (one|answer|bit))"
    r"[ ,:-]*)*"
    # "should have said as well ..." adds to the answer (`later_pieces`), corrects nothing
    r"(i meant|meant to (say|write|type)|"
    r"should (have|'?ve) (said|written)(?! (as well|too|also)\b)|"
    r"(that|it) should (say|read|be|have said)|(sorry|oops|whoops|no) i mean\b|"
    r"correction\b|typo\b|ignore (that|my last|the last)|scratch that|"
    # "sorry, scratch the uni bit, it was the evening class ..." (set BP): a part named
    r"(scratch|scrap|ignore|forget) the (?!(last|final|end|second) )[a-z0-9' ]{1,30}? (bit|part)\b)"
    # "wait, make that 9 months for the dno" (set BP): a figure changed after a pause word
    r"|^((sorry|oops|whoops|soz|actually|no|wait|oh|ah|hang on|hold on)[ ,:-]+)+"
    r"make (that|it) "
)


# "*better broadband", "broadband*": a typo fixed the way people do on a phone (short)
STARRED = re.compile(r"\*\s*\w[^*]*|[^*]*\w\*")
STARRED_MAX_WORDS = 6


def corrects_last_answer(text: Any) -> bool:
    """The message corrects the previous answer ("sorry I meant Silverstone Park, not the
    track", "*better broadband"); it is kept against the question that answer was given to."""
    if not isinstance(text, str):
        return False
    text = without_addressees(text)  # "@btvlep i meant ..." on X (set AH kept it as new)
    stripped = text.strip()
    if STARRED.fullmatch(stripped) and len(stripped.split()) <= STARRED_MAX_WORDS:
        return True
    return SELF_CORRECTION.match(normalise(text)) is not None


# "space - no wait, medical technologies", "film, actually no, space": a choice changed
# mid-message; only what follows the last change of mind counts
CHANGE_OF_MIND = re.compile(
    r"\b(no wait|wait no|no sorry|sorry no|actually no|no actually|sorry i mean|i meant|"
    r"scratch that|make that|or rather|on second thoughts?|correction|"
    # "medical technologies. oh hang on thats for people not animals, none then" (set ED)
    r"(oh )?hang on|(oh )?hold on|oh wait)\b"
)


def after_change_of_mind(text: str) -> str:
    """What follows the last change of mind in a choice ("space, no wait, medical tech"
    -> "medical tech"), or the whole text when it has none or nothing follows it."""
    norm = normalise(text)
    parts = CHANGE_OF_MIND.split(norm)
    last = parts[-1].strip() if len(parts) > 1 else ""
    return last or text


# "sorry wrong chat!! ignore that", "that was meant for my wife", "actually scrap that, the
# real opportunity is ...": the last answer taken back (the ninth set kept both). Not
# "delete" or "forget": those words ask to be forgotten and have their own path.
_FILLERS = r"((sorry|oops|whoops|soz|sorry about that|apologies|my bad|actually|wait|no|ah|oh|"
_FILLERS += r"argh|ugh|haha|lol|ok|right|"
# "Actually can you scrap that last answer? ..." (set FT kept it as the next answer)
_FILLERS += r"(can|could|would) (you|u)( please| pls)?|please|pls)[ ,]*)*"
_TAKE_BACK = (
    r"(wrong (chat|window|conversation|person|thread|tab|group|number|message)|"
    r"(that|it|this|the last (one|message)|my last (message|answer))( one| message)? "
    r"(was|wasn'?t|is|isn'?t) (meant|supposed to go|supposed to be) (for|to) [a-z' ]+|"
    r"(that|it|this)( one| message)? (was|wasn'?t|isn'?t|is) not for (you|this)|"
    r"not meant for (you|this)|(ignore|disregard|scrap|bin|scratch|strike) "
    r"((that|my|the) (last|previous)|that|what i (just )?(said|wrote|put))"
    r"( one| message| answer| bit| reply)?|"
    # "remove that last answer"; not "drop that requirement and we'd hire more", a view
    r"(remove|drop|ditch|lose) (that|my|the) (last|previous)( one| message| answer| reply)|"
    # "@btvlep redo that last one pls: real problem is ..." (set EQ kept it as the next
    # question's answer), "can you change my last answer to ...", "rewrite that one"
    r"((can|could) (you|u) )?((redo|re do|rewrite|re write|replace|overwrite|change|swap|amend) "
    r"(that|my|the) (last|previous)( one| answer| message| reply| bit)?|"
    r"(redo|re do|rewrite|re write) (that|it)( one)?)( (pls|please|plz))?( (to|with|as)\b)?)"
)
TAKES_BACK = re.compile(rf"^{_FILLERS}{_TAKE_BACK}([ ,]+({_FILLERS}{_TAKE_BACK}))*")
REPLACEMENT_MIN_WORDS = 3


def takes_back_last_answer(text: Any) -> str | None:
    """The message takes back the answer just given: what it puts in its place ("" when
    nothing: "sorry wrong chat!! ignore that", or only why: `withdrawn_with_reason`), or
    None when it does not take one back. "sorry, I meant Silverstone Park" corrects (both
    kept), it does not take back."""
    if not isinstance(text, str):
        return None
    norm = normalise(without_addressees(text))  # "@btvlep redo that last one pls: ..." (EQ)
    match = TAKES_BACK.match(norm)
    if match is None:
        return None
    rest = norm[match.end() :].strip(" ,")
    if WHY_WITHDRAWN.search(rest) and not INSTEAD.search(rest):
        return ""
    return rest if len(rest.split()) >= REPLACEMENT_MIN_WORDS else ""


# "Actually can you scrap that last answer? My business partner would not want the bank
# stuff going in" (set FT kept the reason as the next question's answer): why it is taken
# back, not what goes in its place; the answer is withdrawn on purpose, so the question
# pending follows rather than the withdrawn one again
WHY_WITHDRAWN = re.compile(
    # "... would not want the bank stuff going in", not "customers don't want the new
    # estates in the village" (a view in its place)
    r"\bwant (that|it|this|them|those|any of (that|it)|the [a-z ]{1,30}?)( going| put| kept)? "
    r"(in|on record|kept|included|shared|quoted|in (the|your) (report|record))$|"
    r"\b(i'?m|we'?re|i am|we are|i was|we were)( being)?( a bit| a little| too| very| quite)? "
    r"(unfair|harsh|negative|grumpy|ranty|emotional)\b|"
    r"\b(that|it|this)( one)?('?s| is| was)( a bit| quite| too| rather)? (private|confidential|"
    r"sensitive|not relevant|irrelevant|too personal|personal|off topic|not fair|unfair)\b|"
    r"\bshould ?n'?t( have|'?ve) (said|put|written|mentioned)\b|\bnot for (the|your|a) "
    r"(report|record|public)\b"
)
# ... unless it says what goes in its place: "the real issue is ...", "put this instead"
INSTEAD = re.compile(
    r"\b(instead|in its place|the real|what i meant|what we meant|put this|replace (it|that) with|"
    r"should (say|read|be))\b"
)


def withdrawn_with_reason(text: Any) -> bool:
    """The message takes the last answer back and says only why ("can you scrap that last
    answer? My business partner would not want the bank stuff going in"): withdrawn, and
    the question pending asked, not the withdrawn one again."""
    if not isinstance(text, str) or takes_back_last_answer(text) != "":
        return False
    norm = normalise(without_addressees(text))
    match = TAKES_BACK.match(norm)
    return match is not None and WHY_WITHDRAWN.search(norm[match.end() :]) is not None


# "scratch that last bit, the insurance is our problem not yours" (set AM, at the next
# question): only the last part of the last answer taken back; TAKES_BACK alone replaced
# the whole answer with the reason
_LAST_BIT = (
    r"(scratch|scrap|ignore|drop|strike|bin|remove|delete|take out|lose|forget)( that| the)? "
    r"(last|final|second|end) (bit|part|sentence|point|line|half)"
)
DROPS_LAST_BIT = re.compile(rf"^{_FILLERS}{_LAST_BIT}\b")
# Where an answer's last part begins: a new sentence, or a clause joined by "and", "but",
# "also" after a comma or on its own ("..., and we can't get insurance for kit")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=\S)")
_CLAUSE_BREAK = re.compile(r",?\s+(?:and also|and|but|also|plus|as well as that)\s+|,\s+", re.I)
KEPT_MIN_WORDS = 3


def drops_last_bit(text: Any) -> bool:
    """The message takes back only the last part of the answer just given."""
    if not isinstance(text, str):
        return False
    return DROPS_LAST_BIT.match(normalise(without_addressees(text))) is not None


def said_in_place_of_last_bit(text: str) -> str | None:
    """What a message that drops the last bit says in its place, in the sentences after
    the one that drops it ("Actually, scrap that last bit about the builders paying late,
    we've got that sorted. The real problem is staff: ...": set ED lost the second
    sentence), or None."""
    sentences = _SENTENCE_BREAK.split(without_addressees(text).strip())
    rest = " ".join(sentences[1:]).strip()
    return rest if len(rest.split()) >= KEPT_MIN_WORDS else None


def without_last_bit(answer: str) -> str | None:
    """The answer without its last sentence, or else its last clause; None when it has one
    part only (then the whole answer is what was taken back)."""
    sentences = _SENTENCE_BREAK.split(answer.strip())
    if len(sentences) > 1:
        kept = " ".join(sentences[:-1])
    else:
        breaks = list(_CLAUSE_BREAK.finditer(answer))
        if not breaks:
            return None
        kept = answer[: breaks[-1].start()]
    kept = kept.strip(" ,;:-")
    return kept if len(kept.split()) >= KEPT_MIN_WORDS else None
