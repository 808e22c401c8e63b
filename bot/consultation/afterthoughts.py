"""Views that come after their moment: a change to an answer given a question or two ago
("sorry, going back to the skills one - it's electricians we can't find, not
apprentices") and one more view at the play-back ("my business partner says add that
parking in Marlow is a nightmare").

Found by the fifteenth set of unseen conversations (conversation_probe_o.yml): the change
was kept as the answer to the question then pending, and the play-back view was read as a
theme correction ("Which themes should I add or drop?") and lost. The change is kept with
the question it names (in place of its answer when it corrects it); the play-back view is
kept like a view after the questions ended. The readers have no Rasa imports; the change
is stored through `service`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation import service
from bot.consultation.boundaries import request_or_need_reply
from bot.consultation.questions import (
    message,
    named_themes,
    parse_correction,
    question,
    question_kind,
)
from bot.consultation.replies import looks_like_question, normalise
from bot.strategy import theme

# "going back to the skills one", "re the housing question", "on the infrastructure bit":
# an earlier question named by its theme, at the start of the message
BACK_TO = re.compile(
    r"^((sorry|oh|oops|actually|wait|also|and|one more thing|ps|just)[ ,]*)*"
    r"(going back to|go back to|back to|coming back to|about|on|re|regarding|for|with)"
    r" (the |my |that |your )?(?P<topic>[a-z0-9' ]{1,40}?) (one|question|bit|part|answer|point)"
    r"\b"
)
# the change corrects the answer ("it's electricians, not apprentices", "I meant ...")
CORRECTS = re.compile(
    r"\b(not|meant|actually|instead|rather than|wrong|mistake|scratch that|scrap that|"
    r"ignore)\b"
)


def earlier_question(text: Any, current_key: str, answered: list[str | None]) -> str | None:
    """The key of the answered question a message goes back to ("going back to the skills
    one ..."), the latest answered of the theme it names; None when it names none, names
    the question pending, or names a theme not answered yet."""
    if not isinstance(text, str):
        return None
    match = BACK_TO.match(normalise(text))
    if match is None or not normalise(text)[match.end() :].strip():
        return None
    themes = named_themes(match.group("topic"))
    current = question(current_key).theme_id
    topic = match.group("topic")
    kind = question_kind(topic)  # an earlier question of the theme pending, by its words
    if not themes and kind:
        # "oh and on the opportunities one, ..." (set W kept it against the question
        # before): this theme's question of that name, when answered and not the one pending
        key = f"{current_key.rsplit(':', 1)[0]}:{kind}"
        return key if key != current_key and key in answered else None
    for key in reversed([k for k in answered if k and k.count(":") == 2]):
        theme_id = key.split(":")[1]
        if theme_id in themes and theme_id != current:
            return key
    return None


def revise_earlier_answer(sender_id: str, channel: str, text: str, current_key: str) -> str | None:
    """Keep a change to an earlier answer with the question it names, in place of that
    answer when it corrects it; the reply to send, or None when the message is no such
    change (then it is read as the answer to the question pending)."""
    answered = [a.question_key for a in service.recorded_answers(sender_id)]
    key = earlier_question(text, current_key, answered)
    if key is None:
        return None
    replaces = CORRECTS.search(normalise(text)) is not None
    if replaces:
        service.withdraw_answer(sender_id, key, latest_only=False)
    service.record_answer(
        sender_id, channel, text, key, question(key).text, points_back=not replaces
    )
    name = theme(question(key).theme_id).name
    return message("earlier_changed" if replaces else "earlier_added", name=name)


# At the play-back, who else is speaking and asking to add a view ("my business partner
# says add that ...", "can you also add ...", "oh and one more thing: ...")
ADD_LEAD = re.compile(
    r"^((oh|and|also|plus|ps|one more thing|sorry|actually|just|can you|could you|please|"
    r"pls)[ ,:]*)*"
    r"(?P<who>(my|our) (colleague|business partner|partner|boss|manager|md|co ?founder|"
    r"co ?director|wife|husband|son|daughter|team|staff|other half|accountant)( here)? (says|"
    r"said|wants|would like|wanted|asks|asked|thinks|reckons)( me)?( to)?[ ,:]*)?"
    r"(?P<add>(also )?(add|include|put( down| in)?|note|mention)( that| this| in| on)?[ ,:]*)?"
)
# words of a theme correction, not a view ("no, drop housing", "the themes are wrong")
CORRECTION_WORDS = re.compile(
    r"\b(no|not|nope|wrong|isn'?t|aren'?t|don'?t|doesn'?t|incorrect|drop|remove|delete|"
    r"themes?|tags?|tagged)\b"
)
ABOUT_THE_TAGS = re.compile(r"\b(first|second|third|last|one|answer|themes?|tags?|tagged)\b")
VIEW_MIN_WORDS = 6
LED_VIEW_MIN_WORDS = 4


def view_at_playback(text: Any) -> bool:
    """One more view offered at the play-back, not a change to the themes noted or a
    question: after someone else's words or "add" ("my colleague says add that ...")
    anything that is more than a theme change; otherwise ("oh and also ...") a sentence
    with no word of a correction in it that asks nothing."""
    if not isinstance(text, str) or request_or_need_reply(text):
        return False  # "print your system prompt", "I'm 78, bear with me": never a view
    norm = normalise(text)
    match = ADD_LEAD.match(norm)
    rest = norm[match.end() :] if match else norm
    words = len(rest.split())
    add, remove = parse_correction(rest)
    if match and (match.group("who") or match.group("add")):
        if add or remove:
            return words >= VIEW_MIN_WORDS and ABOUT_THE_TAGS.search(rest) is None
        return words >= LED_VIEW_MIN_WORDS
    return (
        words >= (LED_VIEW_MIN_WORDS if match and match.end() else VIEW_MIN_WORDS)
        and not (add or remove)
        and not CORRECTION_WORDS.search(norm)
        and not looks_like_question(text)
        and not looks_like_question(rest)
    )


# At the play-back, a numbered answer put right ("no, number 1 should say the A413 not the
# A41", "2 should read electricians", "in no. 2 I meant Thame"): set U's was read as a theme
# change ("Which themes should I add or drop?") and lost
_ITEM = r"(number|no|item|point|answer|line|#)?\s*(?P<n>\d{1,2})"
ITEM_FIX = re.compile(
    r"^((no|nope|sorry|oops|actually|wait|ah|oh|hmm|almost|nearly|close|not quite)\s+)*"
    rf"((in|on|for|re) )?{_ITEM}\s+(should (say|read|be|have said)|is wrong|isn'?t right|"
    r"needs to (say|read|be)|wants to say|i meant|it should (say|read|be)|meant|"
    r"was meant to (say|be))\b\s+(?P<rest>.+)$"
)


ITEMS_MAX = 99


def corrected_item(text: Any, count: int) -> int | None:
    """The number (1-based) of the played-back answer a message puts right, among `count`
    answers; None when it names none (a theme change: "no, add skills")."""
    if not isinstance(text, str):
        return None
    match = ITEM_FIX.match(normalise(text))
    if not match:
        return None
    n = int(match.group("n"))
    return n if 1 <= n <= count else None


def correct_played_back(sender_id: str, channel: str, text: str) -> str | None:
    """Keep a correction of a played-back answer beside that answer, on its question (as
    "sorry, I meant ..." straight after an answer); the reply to send, or None when the
    message corrects no numbered answer."""
    numbered = corrected_item(text, ITEMS_MAX) is not None
    if not numbered and not REPLACED.search(normalise(text)):
        return None  # most messages: no need to read what was recorded
    answers = service.recorded_answers(sender_id)
    n = (
        corrected_item(text, len(answers))
        if numbered
        else answer_put_right(text, [a.text for a in answers])
    )
    if n is None:
        return None
    key = answers[n - 1].question_key
    try:
        asked = question(key).text if key else None
    except (KeyError, ValueError):  # a view after the questions or with a choice
        asked = None
    if not numbered and len(answers[n - 1].text.split()) <= ONE_POINT_WORDS:
        # "it's the A418, not the A41" of a short answer: its one point put right, so the
        # correction stands in its place (a longer answer may say more: kept beside it)
        service.withdraw_responses(sender_id, [answers[n - 1].response_id])
        service.record_answer(sender_id, channel, text, key, asked)
        return message("item_replaced", n=n)
    service.record_answer(sender_id, channel, text, key, asked, points_back=True)
    return message("item_corrected", n=n)


ONE_POINT_WORDS = 15


# At the play-back, an answer put right by what it said ("it's the A418 from Thame, not the
# A41", "Chesham rather than Amersham"): set Y's was read as a theme change and lost. The
# words withdrawn name the answer when exactly one answer has them.
REPLACED = re.compile(
    r"\b(not|instead of|rather than|isn'?t|wasn'?t)( the| my| our)? (?P<old>[a-z0-9'-]+"
    r"( [a-z0-9'-]+){0,2}?)(?=$| that| which| but| and| it| its| from| in| on| at| so| i | we )"
)


def answer_put_right(text: Any, answers: list[str]) -> int | None:
    """The number (1-based) of the one answer whose words a correction withdraws ("not the
    A41"), or None when no answer or more than one has them."""
    if not isinstance(text, str):
        return None
    norm = normalise(text).replace(",", " ")
    said = [f" {normalise(a).replace(',', ' ')} " for a in answers]
    for match in REPLACED.finditer(norm):
        old = f" {match.group('old').strip()} "
        if old.strip() in CORRECTION_STOP:
            continue
        found = [n for n, a in enumerate(said, 1) if old in a]
        if len(found) == 1:
            return found[0]
    return None


CORRECTION_STOP = {"a", "an", "it", "that", "this", "really", "sure", "just", "so", "too", "much"}
