"""Small helpers shared by the action modules (the only Rasa-aware code besides channels)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.consultation.choice_changes import switched_choice
from bot.consultation.choices import choice_before_question
from bot.consultation.leaving import GOODBYE_WORDS, WITHDRAW_WORDS, asks_to_forget, says_stop
from bot.consultation.profile import plain_profile_answer
from bot.consultation.profile_places import place_and_remark
from bot.consultation.question_help import (
    asks_about_a_named_place,
    asks_before_answering,
    asks_what_a_theme_covers,
    asks_what_a_theme_is,
)
from bot.consultation.questions import PROFILE_SLOTS, SKIPPED, named_themes
from bot.consultation.recount import head_count_answer
from bot.consultation.replies import (
    about_the_consultation,
    acknowledgement_only,
    after_return,
    asked_topic,
    asks_to_finish,
    asks_who_sees,
    holding,
    impatient,
    is_skip,
    long_question_about_the_strategy,
    long_view_not_a_skip,
    looks_like_question,
    means_nothing,
    question_then_remark,
    question_then_view,
    skip_as_a_trade,
    skip_then_view,
    skips_the_rest,
    states_a_complaint,
    view_then_question,
    view_with_question,
)
from bot.consultation.replies.topics import STRATEGY_ONLY_TOPICS
from bot.consultation.side_asks import Place, mid_way_question
from bot.consultation.spelling import fix_theme_typos
from bot.consultation.standing import asks_if_i_count, view_then_standing_question
from bot.strategy import THEME_IDS

DEFAULT_CHANNEL = "rest"
CHOICE_SLOTS = ("islands", "seabed")


def channel(tracker: Tracker) -> str:
    """The channel the business is writing on (rest, socketio, ...)."""
    return tracker.get_latest_input_channel() or DEFAULT_CHANNEL


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


PRIVACY_NOTICE = "utter_privacy"


def greet_as_hi(dispatcher: CollectingDispatcher) -> None:
    """The welcome, the privacy notice and the consent question, as a first "hi" gets them
    (a first message greeted whatever else it says: a letter's opening, a greeting in
    another language, words NLU cannot place)."""
    for response in ("utter_welcome", PRIVACY_NOTICE, "utter_ask_consent"):
        dispatcher.utter_message(response=response)


def latest_confidence(tracker: Tracker) -> float:
    """NLU's confidence in the latest intent (1.0 for a button's payload)."""
    value = (tracker.latest_message or {}).get("intent", {}).get("confidence")
    return float(value) if isinstance(value, (int, float)) else 1.0


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


def seconds_since_previous_message(tracker: Tracker) -> float | None:
    """Seconds between the business's previous message and this one (None if unknown)."""
    stamps = [
        event.get("timestamp")
        for event in reversed(tracker.applied_events())
        if event.get("event") == "user"
    ][:2]
    if len(stamps) < 2 or not all(isinstance(t, int | float) for t in stamps):
        return None
    return float(stamps[0]) - float(stamps[1])


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
    if isinstance(value, str) and long_view_not_a_skip(value):
        # "Honestly it's the weather more than anything, you can't strip a roof in sideways
        # rain and nobody can change that." (set DV: NLU's skip at 0.93, nothing kept)
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
    if (
        question_then_remark(text)
        or asks_before_answering(text)
        or asks_about_a_named_place(text)
        or asks_what_a_theme_is(text)  # "Excuse me, what is 'entrepreneurialism'? ..." (set DM)
        or asks_what_a_theme_covers(text)  # "What counts as digital science here? ..." (set EP)
        # "How much longer is this going to take? I've got a fitter waiting on me", "r all
        # of these compulsory?", "what are the other four islands?" (set FP kept each)
        or mid_way_question(text)
    ):
        # "whats an island exactly? we just machine valves", "Before I answer - does a
        # dental lab count as medtech? ..." (set AZ)
        return True
    if not looks_like_question(text) or view_with_question(text):
        return False  # "broadband is awful, will the LEP fix it?" is a view
    if latest_intent(tracker) == "faq" or about_the_consultation(text) or asks_who_sees(text):
        return True  # "will our name end up in the report?" (set AG)
    if long_question_about_the_strategy(text):
        return True  # "is there a way for us to be in the room when this gets decided"
    if asked_topic(text) in STRATEGY_ONLY_TOPICS:
        return True  # "Will we get to see a draft before it's signed off?" (set EP)
    return len(text.split()) <= SHORT_QUESTION_WORDS and bool(named_themes(text))


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
    if 0 < at <= len(queue) and queue[at:] == pending:
        return queue[at - 1]
    # the choice narrowed at a question ("@btvlep actually just mobility"): the queue keeps
    # the themes left out, so the question before the pending one of the same theme (set
    # EQ's "redo that last one pls: ..." was kept as the next question's answer)
    at = queue.index(pending[0]) if pending[0] in queue else 0
    before = queue[at - 1] if at > 0 else None
    return before if before and before.rsplit(":", 1)[0] == pending[0].rsplit(":", 1)[0] else None


ANSWER_SLOTS = ("island_answer", "seabed_answer")


def where_we_are(tracker: Tracker) -> Place:
    """The consultation's place, for "how much longer?" and "what are the other islands?"
    (set FP): the form and slot asked, the profile questions left, the queue, the choices."""
    asking = tracker.get_slot("requested_slot")  # filled with the question while validated
    return Place(
        loop=tracker.active_loop.get("name"),
        asking=asking,
        stage=tracker.get_slot("stage"),
        profile_left=sum(tracker.get_slot(s) is None or s == asking for s in PROFILE_SLOTS),
        pending=tuple(tracker.get_slot("pending_questions") or ()),
        islands=tuple(tracker.get_slot("islands") or ()),
        seabed=tuple(tracker.get_slot("seabed") or ()),
    )


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
    if intent == "consent_decline" and (not WITHDRAW_WORDS.search(text) or skips_the_rest(text)):
        return {slot: text}  # "I'd rather keep the rest of our details to ourselves" (set CT)
    if intent == "stop" and not says_stop(text):
        return {slot: text}
    if intent == "goodbye" and not GOODBYE_WORDS.search(text):
        return {slot: text}
    if faq and intent == "faq" and (not looks_like_question(text) or view_with_question(text)):
        return {slot: text}
    if (
        intent == "faq"
        and slot in ANSWER_SLOTS
        and (
            question_then_view(text)
            or view_then_question(text)
            or view_then_standing_question(text)
        )
    ):
        # "Will the council see ...? Either way: <view>" (set CR), "<view>. So what's the
        # next step once you've got everyone's answers?" (set EC): both
        return {slot: text}
    if intent == "faq" and impatient(text):
        return {slot: text}  # "can we speed this up, got trucks to load" (set AF): hurried
    if intent == "faq" and slot in (*ANSWER_SLOTS, "islands", "seabed") and asks_to_finish(text):
        # "sorry, can we finish there, ..." (set AG), "can we leave it there?" at the seabed
        # choice (set EL): the questions end
        return {slot: text}
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
    if intent == "faq" and slot == "size_band" and head_count_answer(text):
        return {slot: text}  # "14 inc mum and dad who still come in ..." (set FZ): a count
    if intent == "faq" and slot == "location" and place_and_remark(text):
        return {slot: text}  # "Aylesbury, where the parking is a joke": the town
    if intent == "faq" and slot == "location" and asks_if_i_count(text):
        return {slot: text}  # "milton keynes, does that count?" (set CN): answered, kept
    return {}


def buttons(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


__all__ = [
    "SKIPPED",
    "acknowledgement_only",
    "after_return",
    "answer_read_as_question",
    "greet_as_hi",
    "PRIVACY_NOTICE",
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
