"""One answer taken back by what it was about, at the play-back or after the goodbye:
"actually take out what I said about the council please, I don't want that on record",
"can you remove my comment about the rates team", "delete the bit on housing".

Found by set Y of unseen conversations (conversation_probe_y.yml): NLU read the first as
declining to take part, so consent was set to false after a whole consultation and the
answer the business took back was still kept. The answers it names (by its words, or by
the theme of their question) are deleted, audited without their words; everything else,
and consent, stays. No Rasa imports; the deletion goes through `service`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation import service
from bot.consultation.amendments import REWORDED, amend_answer
from bot.consultation.playback_replies import ITEMS_MAX
from bot.consultation.questions import key_theme, message, named_themes
from bot.consultation.replies import normalise
from bot.consultation.replies.text import ORDINALS
from bot.consultation.withdrawals import withdraw_responses
from bot.consultation.x_style import without_addressees

_TAKE = (
    r"(take out|take off|take back|remove|delete|drop|scrap|strike out|leave out|cross out|"
    r"get rid of|withdraw|forget|(don'?t|do not|please don'?t) (use|keep|include|record|quote))"
)
_WHAT = (
    # "actually can u take out what i just said about the farmer" (set BZ kept it as a view)
    r"(what i (just |already )?(said|wrote|put|mentioned)|"
    r"the (bit|part|comment|answer|point|stuff|thing|line)|"
    r"my (answers?|comments?|points?|bits?|remarks?))"
)
TAKE_OUT = re.compile(
    rf"\b{_TAKE} {_WHAT}( i (said|made|wrote|gave))? (about|on|re|regarding|concerning|with) "
    r"(the |my |our )?(?P<topic>[a-z0-9' -]+?)"
    r"(?=$|[,.;!?]| please| pls| thanks| i | we | as | because| cos| it'?s| that| from)"
)
STOP = {"the", "a", "an", "my", "our", "bit", "one", "stuff", "thing", "team", "question"}
# "bin number 2, its just number 1 again in other words" (set AY kept it as one more view):
# an answer taken out by its number in the play-back
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "@btvlep can u scrap number 2, i was just letting off steam" (set BY kept it as a view)
_ASKING = (
    r"(please|pls|can you|could you|can u|could u|can we|could we|just|oh|and|actually|ok|"
    r"okay)"
)
_NUMBERED = (
    r"(the\s+)?(number|no|answer|item|point|#)\s*(?P<n>[1-9]|one|two|three|four|five|six|seven)"
)
# "@btvlep scrap the second one, theyve finished the road now" (set GA was shown the play-back
# question again, the answer kept): an answer by its place in the play-back
_PLACED = rf"the\s+(?P<nth>{'|'.join(ORDINALS)}|last|\d(?:st|nd|rd|th))\s+(one|answer|point|bit)"
TAKE_OUT_NUMBER = re.compile(
    rf"^({_ASKING}\s+)*({_TAKE}|bin|ditch|"
    rf"lose|kill|axe|cut|skip)\s+({_NUMBERED}|{_PLACED})\b"
    r"(?!\s+(from|to|off|on|down|back|short)\b)"
)
# "Can you take number 3 out? On reflection ..." (set BJ put answer 1 right): the verb split
# round the number, with nothing after "out" ("take number 2 off skills" changes a theme)
TAKE_NUMBER_OUT = re.compile(
    rf"^\W*({_ASKING}\W+)*(take|leave|cross|strike)\s+{_NUMBERED}\s+(out|off)"
    r"(?=\s*($|[,.;!?]|(please|pls|thanks|altogether|completely|entirely)\b))"
)


# "Number 2 can go, I was a bit unfair on the owners there" (set FT kept it as one more
# view): the number first, then that it goes
NUMBER_GOES = re.compile(
    rf"^\W*({_ASKING}\W+)*{_NUMBERED}\s+(can|could|should|might as well|needs to|has to|must)"
    r"\s+(go|come out|come off|be (taken out|removed|deleted|dropped|binned|scrapped|cut|"
    r"struck out|left out|crossed out))"
    # not "number 2 can go further if ..."
    r"(?=\s*($|[,.;!?]|(please|pls|thanks|now|then|too|altogether|completely)\b))"
)


def taken_out_number(text: Any, count: int | None = None) -> int | None:
    """The number of the answer a message takes out ("bin number 2", "scrap the second
    one"; "the last one" among `count` answers), or None."""
    if not isinstance(text, str):
        return None
    said = without_addressees(text).lower()
    match = TAKE_OUT_NUMBER.match(normalise(without_addressees(text)))
    match = match or TAKE_NUMBER_OUT.match(said) or NUMBER_GOES.match(said)
    if match is None:
        return None
    if nth := match.groupdict().get("nth"):
        if nth == "last":
            return count
        return ORDINALS.index(nth) + 1 if nth in ORDINALS else int(nth[0])
    word = match.group("n")
    return int(word) if word.isdigit() else _NUMBERS[word]


def taken_out_topic(text: Any) -> str | None:
    """What a message asks to take out ("the council"), or None."""
    if not isinstance(text, str):
        return None
    # punctuation kept: "scrap what I said about parking, the council gave us permits" (set
    # CQ) ends the topic at the comma
    match = TAKE_OUT.search(" ".join(without_addressees(text).lower().replace("’", "'").split()))
    match = match or TAKE_OUT.search(normalise(text))
    return match.group("topic").strip() if match else None


# Where a clause of an answer ends: a sentence, or ", and ..." / ", but ..."
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|,\s+(?=(?:and|but|also|plus|while|whereas)\b)", re.I)
_JOIN_WORD = re.compile(r"^(and|but|also|plus|while|whereas)\s+", re.I)


def _without_clauses_about(text: str, words: list[str]) -> str | None:
    """The answer without its clauses that hold one of `words` ("Parking ... £40 a day, and
    the Cressex roundabout is solid by eight." less parking -> "The Cressex roundabout is
    solid by eight."); None when every clause or none holds them."""
    clauses = [c for c in _CLAUSES.split(text.strip()) if c.strip()]
    kept = [
        c for c in clauses if not any(re.search(rf"\b{re.escape(w)}", c.lower()) for w in words)
    ]
    if not kept or len(kept) == len(clauses):
        return None
    first = _JOIN_WORD.sub("", kept[0].strip())
    kept[0] = first[:1].upper() + first[1:]
    return " ".join(k.strip() for k in kept)


def _about(answer: service.RecordedAnswer, words: list[str], themes: list[str]) -> bool:
    said = f" {normalise(answer.text)} "
    on_theme = key_theme(answer.question_key) in themes
    return on_theme or any(re.search(rf"\b{re.escape(w)}", said) for w in words)


def take_out_answers(sender_id: str, text: str) -> str | None:
    """Delete the answers a message takes back by topic; the reply to send, or None when
    the message takes nothing back or its topic matches no answer (then it is read as
    before)."""
    number = taken_out_number(text, ITEMS_MAX)
    if number is not None:
        answers = service.recorded_answers(sender_id)
        number = taken_out_number(text, len(answers))
        if number is None:
            return None
        if not 1 <= number <= len(answers):
            return None
        withdraw_responses(sender_id, [answers[number - 1].response_id])
        return message("answer_taken_out", n=number)
    topic = taken_out_topic(text)
    if topic is None:
        return None
    words = [w for w in topic.split() if w not in STOP and len(w) > 2]
    themes = named_themes(topic)
    about = [a for a in service.recorded_answers(sender_id) if _about(a, words, themes)]
    if not about:
        return None
    ids = []
    for answer in about:
        # only the part about it when the answer says more (set CQ lost "the Cressex
        # roundabout" with the parking); by theme, the whole answer
        rest = None if themes else _without_clauses_about(answer.text, words)
        if rest is None or not amend_answer(sender_id, answer.response_id, rest, REWORDED):
            ids.append(answer.response_id)
    if ids:
        withdraw_responses(sender_id, ids)
    return message("answers_taken_out", topic=topic)
