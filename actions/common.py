"""Small helpers shared by the action modules (the only Rasa-aware code besides channels)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker

from bot.consultation.choices import choice_before_question, switched_choice
from bot.consultation.profile import place_and_remark, plain_profile_answer
from bot.consultation.question_help import asks_about_a_named_place, asks_before_answering
from bot.consultation.questions import PROFILE_SLOTS, SKIPPED, named_themes
from bot.consultation.replies import (
    about_the_consultation,
    acknowledgement_only,
    after_return,
    asks_to_finish,
    asks_who_sees,
    holding,
    impatient,
    is_skip,
    long_question_about_the_strategy,
    looks_like_question,
    means_nothing,
    question_then_remark,
    skip_as_a_trade,
    skip_then_view,
    states_a_complaint,
    view_with_question,
)
from bot.consultation.taking_out import taken_out_topic
from bot.strategy import THEME_IDS

DEFAULT_CHANNEL = "rest"
CHOICE_SLOTS = ("islands", "seabed")


def channel(tracker: Tracker) -> str:
    """The channel the business is writing on (rest, socketio, ...)."""
    return tracker.get_latest_input_channel() or DEFAULT_CHANNEL


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def nudged_since_last_answer(tracker: Tracker, nudge: str) -> bool:
    """The bot already asked for more since the business's previous message.

    Every event walk here reads `tracker.applied_events()`, as Rasa does: the action server
    gets every event, and a turn Rasa undid after an action-server outage (`rewind`,
    bot/channels/resilience.py) would otherwise look like the message before ("said
    twice"), its replies like things already asked."""
    users_seen = 0  # the current message (events after it: slot extraction) comes first
    for event in reversed(tracker.applied_events()):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                return False
        elif users_seen == 1 and event.get("event") == "bot" and event.get("text") == nudge:
            return True
    return False


def held_messages(tracker: Tracker, nudge: str) -> list[str]:
    """The business's messages just before this one that the bot held with `nudge` ("Go
    on, I'm listening...": a sentence cut off, a "1/3" thread), oldest first; empty when
    the message before was not held."""
    held: list[str] = []
    users, nudged = 0, False
    for event in reversed(tracker.applied_events()):
        if event.get("event") == "bot" and event.get("text") == nudge:
            nudged = True
        elif event.get("event") == "user":
            users += 1
            if users > 1 and not nudged:
                break
            if users > 1:
                held.insert(0, event.get("text") or "")
            nudged = False
    return held


def profile_on_record(tracker: Tracker) -> dict[str, str]:
    """The business's details given so far, in question order (skipped ones left out)."""
    return {s: v for s in PROFILE_SLOTS if (v := tracker.get_slot(s)) not in (None, SKIPPED)}


def previous_user_text(tracker: Tracker) -> str | None:
    """What the business said in the message before this one (None if nothing)."""
    seen = 0
    for event in reversed(tracker.applied_events()):
        if event.get("event") == "user":
            seen += 1
            if seen == 2:
                return event.get("text") or ""
    return None


def previous_bot_text(tracker: Tracker) -> str:
    """What the bot said between the business's previous message and this one ("and the
    other four?" follows a theme it described)."""
    said: list[str] = []
    seen = 0
    for event in reversed(tracker.applied_events()):
        if event.get("event") == "user":
            seen += 1
            if seen == 2:
                break
        elif event.get("event") == "bot" and seen == 1:
            said.append(event.get("text") or "")
    return "\n".join(reversed(said))


def skipped(tracker: Tracker, value: Any) -> bool:
    """The business skipped this question (Skip button, skip intent or a skip word). A
    complaint worded as a negation ("can't get anyone") is a view, whatever the intent."""
    if isinstance(value, str) and states_a_complaint(value) and not is_skip(value):
        return False
    if skip_as_a_trade(value):  # "Vale Skips", "skip hire": a name or a trade
        return False
    if skip_then_view(value):  # "pass on that one really, except that no bank will lend ..."
        return False
    return latest_intent(tracker) == "skip" or (
        isinstance(value, str) and (is_skip(value) or means_nothing(value))
    )


SHORT_QUESTION_WORDS = 6  # "what's digital science?" asks; a longer question may be a view


def side_question(tracker: Tracker, text: str) -> bool:
    """A question about the strategy asked while a question of ours is pending ("so what's
    the Arc got to do with us?"), which NLU did not read as one: answered, not stored.

    NLU's FAQ questions never reach a form's validation (the form rejects them and the
    FAQ rule answers); this catches the rest, but only when they name the strategy, the
    consultation or one of its themes, so "why can't anyone fix the A413?" stays a view.
    """
    if question_then_remark(text) or asks_before_answering(text) or asks_about_a_named_place(text):
        # "whats an island exactly? we just machine valves", "Before I answer - does a
        # dental lab count as medtech? ..." (set AZ)
        return True
    if not looks_like_question(text) or view_with_question(text):
        return False  # "broadband is awful, will the LEP fix it?" is a view
    if latest_intent(tracker) == "faq" or about_the_consultation(text) or asks_who_sees(text):
        return True  # "will our name end up in the report?" (set AG)
    if long_question_about_the_strategy(text):
        return True  # "is there a way for us to be in the room when this gets decided"
    return len(text.split()) <= SHORT_QUESTION_WORDS and bool(named_themes(text))


# "forget me", "delete my data", "I withdraw" - but not "forget about grants, fix the roads"
# The verbs, not words that start the same: "what have the other removal firms told you?"
# from a removals firm deleted everything it had said (set R's end-to-end test)
FORGET_REQUEST = re.compile(
    r"forget\s*(me|everything|all|what|this|my|it)|forgotten|"
    r"\b(delet(e|ed|es|ing|ion)|eras(e|ed|es|ing|ure)|remov(e|ed|es|ing)|wip(e|ed|es|ing))\b|"
    r"withdraw|gdpr|scrap|don'?t keep|get rid of|/forget_me",
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


def last_answer_key(tracker: Tracker) -> str | None:
    """The question the business last answered in this form: the queue's previous key.

    Read from the queue, not the database, so it is the question asked just before the
    pending one, and None at the first question of a part.
    """
    chosen = list(tracker.get_slot("seabed") or []) or list(tracker.get_slot("islands") or [])
    pending = list(tracker.get_slot("pending_questions") or [])
    if not pending or not chosen:
        return None
    from bot.consultation.questions import question_queue

    queue = question_queue(chosen)
    at = len(queue) - len(pending)
    return queue[at - 1] if 0 < at <= len(queue) and queue[at:] == pending else None


def asks_to_forget(text: str) -> bool:
    """The business asked for its data to be deleted (not just used a word like "remove")."""
    if taken_out_topic(text) is not None:  # "delete the bit about housing": that answer only
        return False
    if NOT_FORGETTING.search(text):  # "Forget Me Not Flowers", "don't forget me 🌸"
        return False
    if EXPLICIT_FORGET.search(text) is not None:  # "please do not store my answers"
        return True
    return len(text.split()) <= LONG_MESSAGE_WORDS and FORGET_REQUEST.search(text) is not None


# a name or a fond goodbye with the words in it, never a request to delete
NOT_FORGETTING = re.compile(
    r"\bforget[ -]?me[ -]?nots?\b|\b(don'?t|dont|do not|never|won'?t|wont) forget (me|us)\b",
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
    r"\b(record|stor|keep|kept|sav)\w* (me|my|anything|it|this|what)\b",
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


def says_stop(text: str) -> bool:
    """The message asks to finish: any stop word in a short one ("done", "that's all"),
    an explicit "that's enough for now" in a longer one."""
    if len(text.split()) <= SHORT_STOP_WORDS:
        return STOP_WORDS.search(text) is not None
    return EXPLICIT_STOP.search(text) is not None


GOODBYE_WORDS = re.compile(
    r"\b(bye|goodbye|cheerio|ciao|see (ya|you)|ta ?ra|laters?|cya|ttyl|farewell|"
    r"gotta (go|run|dash)|(have|got|need|must) to (go|run|dash)|i'?m off|leaving|"
    r"log(ging)? off|good ?night|night)\b",
    re.IGNORECASE,
)


ANSWER_SLOTS = ("island_answer", "seabed_answer")


def answer_read_as_question(tracker: Tracker, slot: str, faq: bool = True) -> dict[str, Any]:
    """Take a form answer NLU mistook for an FAQ question ("the biggest issue is ..."),
    for a request to be forgotten ("we had to scrap the expansion because ...") or for
    a change of mind about taking part ("no, just me").

    Also a place or name NLU reads as finishing or leaving ("Lane End").

    Used as `extract_<slot>`: the slot's from_text mapping skips the faq, forget_me,
    stop, goodbye and consent_decline intents so real questions are answered and real
    requests honoured mid-form; this keeps answers that only sound like one.
    `faq=False` for short answers (a name, a town): one NLU reads as a question is
    answered as one when it asks something or names an FAQ topic, else kept.
    """
    if tracker.get_slot("requested_slot") != slot:
        return {}
    intent, text = latest_intent(tracker), latest_text(tracker)
    if not text or text.startswith("/"):
        return {}
    if intent == "forget_me" and not asks_to_forget(text):
        return {slot: text}
    if intent == "consent_decline" and not WITHDRAW_WORDS.search(text):
        return {slot: text}
    if intent == "stop" and not says_stop(text):
        return {slot: text}
    if intent == "goodbye" and not GOODBYE_WORDS.search(text):
        return {slot: text}
    if faq and intent == "faq" and (not looks_like_question(text) or view_with_question(text)):
        return {slot: text}
    if intent == "faq" and impatient(text):
        return {slot: text}  # "can we speed this up, got trucks to load" (set AF): hurried
    if intent == "faq" and slot in ANSWER_SLOTS and asks_to_finish(text):
        return {slot: text}  # "sorry, can we finish there, ..." (set AG): the questions end
    if intent == "faq" and slot in ANSWER_SLOTS and switched_choice(text, THEME_IDS, ""):
        return {slot: text}  # "can I swap to the film one instead?": a change of choice
    if (
        intent == "faq"
        and slot in ("islands", "seabed")
        and choice_before_question(text, THEME_IDS)
    ):
        return {slot: text}  # "Digital science, and quickly: is this ...?" (set AO): both
    if intent == "faq" and not faq and plain_profile_answer(text):
        return {slot: text}  # "Penn Street Joinery": a name, not a question
    if intent == "faq" and slot == "location" and place_and_remark(text):
        return {slot: text}  # "Aylesbury, where the parking is a joke": the town
    return {}


@lru_cache(maxsize=1)
def _theme_words() -> tuple[str, ...]:
    """Single words of theme names and their everyday synonyms ("creative", "skills")."""
    from bot.consultation.theme_words import SYNONYMS
    from bot.strategy import load_themes

    words: set[str] = set()
    for t in load_themes():
        for phrase in (t.name, *t.assets, *SYNONYMS.get(t.id, ())):
            words.update(w for w in re.findall(r"[a-z]+", phrase.lower()) if len(w) >= 5)
    return tuple(sorted(words))


def fix_theme_typos(text: str) -> str:
    """ "creatve and medtec" -> "creative and medtech": words of five letters or more
    close to a theme word are corrected before the themes are matched."""
    vocabulary = _theme_words()
    known = set(vocabulary)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 5 or word.lower() in known:
            return word
        close = difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.8)
        return close[0] if close else word

    return re.sub(r"[A-Za-z]+", fix, text)


def buttons(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


__all__ = [
    "SKIPPED",
    "acknowledgement_only",
    "after_return",
    "answer_read_as_question",
    "as_text",
    "asks_to_forget",
    "buttons",
    "channel",
    "fix_theme_typos",
    "holding",
    "latest_intent",
    "latest_text",
    "looks_like_question",
    "means_nothing",
    "skipped",
]
