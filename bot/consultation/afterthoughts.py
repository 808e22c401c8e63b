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
from bot.consultation.amendments import ADDED, CORRECTED, amend_answer
from bot.consultation.asides import continues_answer
from bot.consultation.boundaries import request_or_need_reply
from bot.consultation.continued import continues_with_mark
from bot.consultation.later_pieces import points_back
from bot.consultation.questions import (
    has_correction_cue,
    key_theme,
    message,
    named_themes,
    parse_correction,
    question,
    question_kind,
)
from bot.consultation.remarks import closes_a_subject
from bot.consultation.replies import holding, looks_like_question, normalise
from bot.consultation.small_talk import small_talk_only
from bot.consultation.x_style import without_addressees
from bot.strategy import theme

# "going back to the skills one", "re the housing question", "on the infrastructure bit":
# an earlier question named by its theme, at the start of the message
BACK_TO = re.compile(
    r"^((sorry|oh|oops|actually|wait|also|and|one more thing|ps|just|"
    # "forgot to say on the housing one: ..." a question or two later (set ET)
    r"(i )?(forgot|forgotten) to (say|mention|add)|(i )?should (have|'ve) (said|mentioned|"
    r"added)( as well| too)?|(i )?meant to (say|mention|add))[ ,]*)*"
    r"(going back to|go back to|back to|coming back to|about|on|re|regarding|for|with)"
    r" (the |my |that |your )?(?P<topic>[a-z0-9' ]{1,40}?) (one|question|bit|part|answer|point|"
    r"side|front)\b"
    # "going back to the mobility barriers, forgot ..." (set AZ kept it as the skills answer):
    # a theme and the kind of its question, no noun after
    r"|^((sorry|oh|oops|actually|wait|also|and|one more thing|ps|just)[ ,]*)*"
    r"(going back to|go back to|back to|coming back to) (the |my |that |your )?"
    r"(?P<island>[a-z0-9' ]{1,30}?) (?P<kind>opportunities|barriers|problems|help)\b"
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
    plain = normalise(without_addressees(text))  # "@btvlep going back to ..." on X
    match = BACK_TO.match(plain)
    if match is None or not plain[match.end() :].strip():
        return None
    current = question(current_key).theme_id
    if match.group("island"):  # "the mobility barriers": that island's barriers question
        kind = question_kind(match.group("kind"))
        keys = [
            k
            for k in answered
            if k and k.endswith(f":{kind}") and key_theme(k) in named_themes(match["island"])
        ]
        return keys[-1] if keys and keys[-1] != current_key else None
    themes = named_themes(match.group("topic"))
    topic = match.group("topic")
    kind = question_kind(topic)  # an earlier question of the theme pending, by its words
    if not themes and kind:
        # "oh and on the opportunities one, ..." (set W kept it against the question
        # before): this theme's question of that name, when answered and not the one pending
        key = f"{current_key.rsplit(':', 1)[0]}:{kind}"
        if key != current_key and key in answered:
            return key
        # "re the opportunities question" at a seabed question (set AA kept it as the skills
        # answer): the island question of that name answered last
        earlier = [k for k in answered if k and k.endswith(f":{kind}") and k != current_key]
        return earlier[-1] if earlier else None
    for earlier_key in reversed(answered):
        on_theme = key_theme(earlier_key)
        if on_theme in themes and on_theme != current:
            return earlier_key
    return None


def revise_earlier_answer(sender_id: str, text: str, current_key: str) -> str | None:
    """Join a change to an earlier answer to that answer, on the question it names, as a
    correction when it corrects it (`amendments`); the reply to send, or None when the
    message is no such change (then it is read as the answer to the question pending)."""
    answers = service.recorded_answers(sender_id)
    key = earlier_question(text, current_key, [a.question_key for a in answers])
    if key is None:
        return None
    latest = [a for a in answers if a.question_key == key][-1]
    return _joined_to(sender_id, latest.response_id, key, text, text)


def view_on_earlier(sender_id: str, channel_name: str, key: str, view: str, text: str) -> str:
    """Keep a view given with a request to go back to question `key` ("can I change the
    barriers one? It's not really copper, it's the lead time ..."): joined to the answer
    already given there, as a correction when it corrects it (set BP kept it as a second
    answer), else recorded as that question's answer; the reply to send."""
    given = [a for a in service.recorded_answers(sender_id) if a.question_key == key]
    if given:
        return _joined_to(sender_id, given[-1].response_id, key, view, text)
    service.record_answer(sender_id, channel_name, view, key, question(key).text)
    return message("earlier_added", name=theme(question(key).theme_id).name)


def _joined_to(sender_id: str, response_id: int, key: str, words: str, text: str) -> str:
    """`words` joined to answer `response_id` on question `key`, as a correction when the
    whole message `text` corrects it; the reply to send."""
    corrects = CORRECTS.search(normalise(text)) is not None
    amend_answer(sender_id, response_id, words, CORRECTED if corrects else ADDED)
    name = theme(question(key).theme_id).name
    return message("earlier_changed" if corrects else "earlier_added", name=name)


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
    if holding(text) or closes_a_subject(text) or small_talk_only(text):
        # "Sorry, that came out a bit ranty", "up a ladder, 10 mins" (set AO), "That's
        # everything on the roads and so on", "Nice to be asked for once" (set ET)
        return False
    norm = normalise(text)
    match = ADD_LEAD.match(norm)
    rest = norm[match.end() :] if match else norm
    words = len(rest.split())
    if match and (match.group("who") or match.group("add")):
        add, remove = parse_correction(rest)
        if add or remove:
            return words >= VIEW_MIN_WORDS and ABOUT_THE_TAGS.search(rest) is None
        return words >= LED_VIEW_MIN_WORDS
    add, remove = parse_correction(_correction_clauses(rest))
    return (
        "?" not in text  # "will u pass my email to the council or sell it? get enough spam"
        and words >= (LED_VIEW_MIN_WORDS if match and match.end() else VIEW_MIN_WORDS)
        and not (add or remove)
        and not CORRECTION_WORDS.search(norm)
        and not looks_like_question(text)
        and not looks_like_question(rest)
    )


# a clause this long with no word of a correction describes; it does not name a theme to add
DESCRIBING_MIN_WORDS = 7
_PUNCTUATION = re.compile(r"[,;:.!?\n]+")
ON_TOO = re.compile(r"\b(should|too|as well)\b")


def _correction_clauses(text: str) -> str:
    """The clauses that could change the themes noted: short ones ("and skills") and those
    with a word of a correction. "The Chilterns sell the place for us: ..." describes the
    business (set AR read it as "add environment" and asked which themes to change)."""
    return ", ".join(
        clause
        for clause in _PUNCTUATION.split(text)
        if len(clause.split()) < DESCRIBING_MIN_WORDS
        or has_correction_cue(clause)
        or ABOUT_THE_TAGS.search(clause)  # "the second one should have housing on too"
        or ON_TOO.search(clause)
    )


def adds_to_last_answer(text: Any) -> bool:
    """At the play-back, "oh and parking. customers leave cars on the verge" (set AO kept it
    as a view of its own): the business carrying on its last answer, to be joined to it. Not
    someone else's words ("my colleague wants to add ...": a view of their own) nor a word
    about the themes ("and the last one's not a housing thing")."""
    if isinstance(text, str) and continues_with_mark(text):
        # "...it's the lowest carbon building ..." after "... repair rather than replace..."
        # (set FR kept it as a view of its own), "(cont.) and third, ...": marked as the
        # rest of it, whatever words it has, unless about the themes
        return not ABOUT_THEMES.search(normalise(without_addressees(text)))
    if not isinstance(text, str) or not (continues_answer(text) or points_back(text)):
        return False  # "and ...", "also ...", "What I mean is ..." (set ET)
    norm = normalise(without_addressees(text))
    lead = ADD_LEAD.match(norm)
    told = lead is not None and bool(lead.group("who") or lead.group("add"))
    return not told and not CORRECTION_WORDS.search(norm) and not THEME_CHANGE.search(norm)


ABOUT_THEMES = re.compile(r"\b(themes?|tags?|tagged|untag|tagging)\b")
# words that change the themes noted rather than carry an answer on ("oh and add skills")
THEME_CHANGE = re.compile(r"\b(add|include|remove|delete|untag|missed|get rid of)\b")
