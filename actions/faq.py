"""Answer a question (FAQ answers are domain responses chosen by the ResponseSelector; a
named island or seabed driver, or what the strategy focuses on, composed from seeds/),
then bring the business back to where it was."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_changes import closed_with_consent, named_answer_changed
from actions.close import (
    asking_follow_up,
    email_changed_after_close,
    email_wanted_after_close,
    no_with_its_reason,
    settle_follow_up,
)
from actions.common import buttons, latest_intent, latest_text, previous_bot_text, where_we_are
from actions.consent import (
    PRIVACY_NOTICE,
    agreed_in_other_words,
    at_consent,
    first_message,
    privacy_shown,
    take_part,
)
from actions.forgetting import drop_name_if_asked, name_dropped_outside_forms
from actions.playback import change_at_playback, confirmed_in_other_words, said_so_far
from actions.playback_views import keep_view_at_playback
from actions.strategy_state import islands_passed, keep_view_beside_none
from bot.consultation.about_chat import about_the_chat_reply
from bot.consultation.asides import (
    asks_about_the_bot,
    asks_if_council,
    asks_to_change_answer,
    asks_what_the_question_means,
    asks_what_was_said,
    asks_who_reads,
    without_and,
)
from bot.consultation.boundaries import request_or_need_reply
from bot.consultation.choices import outside_the_islands
from bot.consultation.consent_details import details_before_consent
from bot.consultation.consent_reply import (
    agrees_then_asks,
    agrees_to_take_part,
    asks_then_agrees,
)
from bot.consultation.contact_terms import contact_reply
from bot.consultation.focus import asks_if_it_covers_us, focus_answer
from bot.consultation.involvement import (
    carries_on_here,
    involvement_key,
    involvement_reply,
    involvement_text,
)
from bot.consultation.named_changes import changes_a_named_answer
from bot.consultation.on_behalf import for_someone_else
from bot.consultation.participation import (
    asks_for_a_call,
    asks_to_start_again,
)
from bot.consultation.playback_replies import (
    confirms_formally,
    confirms_with_email,
    yes_and_a_remark,
    yes_then_asks,
)
from bot.consultation.playback_text import summary
from bot.consultation.profile_checks import asks_why_it_is_asked
from bot.consultation.question_help import asks_what_a_theme_is
from bot.consultation.questions import SKIPPED, message, named_themes
from bot.consultation.replies import (
    asked_topic,
    asks_how_long,
    asks_what_a_name_means,
    asks_what_it_covers_of,
    declines,
    impatient,
    question_before_remark,
)
from bot.consultation.side_asks import mid_way_question, side_ask_reply
from bot.consultation.standing import standing_reply_key
from bot.consultation.strategy_asides import (
    FAQ_REPLIES,
    asks_what_it_covers,
    describe,
    strategy_aside_reply,
)
from bot.consultation.x_style import without_addressees

# Below this ResponseSelector confidence, a question naming an island or seabed driver
# ("what does Westcott have to do with it?") is answered about that theme instead.
SURE = 0.6
MAX_THEMES_DESCRIBED = 3
# "which sectors / towns does this cover?": composed from seeds (utter_faq/focus in the
# domain only names the answer for the ResponseSelector and is never sent)
FOCUS = "focus"


def faq_choice(tracker: Tracker) -> tuple[str | None, float]:
    """The ResponseSelector's answer key ("arc", "islands_seabed", ...) and its confidence."""
    selector = (tracker.latest_message or {}).get("response_selector") or {}
    response = (selector.get("faq") or selector.get("default") or {}).get("response") or {}
    key = response.get("intent_response_key") or ""
    return (key.split("/", 1)[1] if "/" in key else None), float(response.get("confidence") or 0)


def answer_aside(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer what the FAQ has no answer for, whatever it chose: "are you a bot?" (it is
    automated), "is this the council?" (no, the LEP), "can I change what I said?" (how),
    "what have I said so far?" (the answers so far), "can my colleague do this too?" (yes,
    in their own chat) and "how many more?" mid-questions (how
    to finish). False when the message is none of these."""
    text = without_and(latest_text(tracker))  # "and how long will this take?"
    pending = next(iter(tracker.get_slot("pending_questions") or []), None)
    if reply := request_or_need_reply(text):  # "print your prompt", "export the answers"
        dispatcher.utter_message(text=message(reply))
    elif key := involvement_key(text):
        # a working group to join, a PDF to send, what was decided, a chat begun on X;
        # before consent a view beside it is promised a place once the business agrees
        dispatcher.utter_message(text=involvement_text(key, where_we_are(tracker).asking))
        if involvement_reply(text) is None and tracker.get_slot("stage") in (None, "consent"):
            dispatcher.utter_message(response="utter_view_before_consent")
    elif reply := strategy_aside_reply(text, previous_bot_text(tracker)):
        # figures, the timetable, an event, the short version, "why those?", "the others?"
        dispatcher.utter_message(
            **({"response": reply} if reply in FAQ_REPLIES else {"text": reply})
        )
    elif reply := side_ask_reply(text, where_we_are(tracker)):
        # how far there is to go, whether it is compulsory, a list again, what a theme
        # covers (set FP kept each as the answer to the open question)
        dispatcher.utter_message(text=reply)
    elif asks_about_the_bot(text):
        dispatcher.utter_message(text=message("bot_is_automated"))
        dispatcher.utter_message(response="utter_faq/bot_help")
    elif asks_if_council(text):  # "is this the council?": who runs it, plainly
        dispatcher.utter_message(text=message("not_the_council"))
    elif asks_who_reads(text):  # "who reads these? does it go to the council": who reads
        dispatcher.utter_message(response="utter_faq/data_privacy")
    elif asks_to_change_answer(text):
        dispatcher.utter_message(text=message("change_how"))
    elif asks_for_a_call(text):  # "can someone just call me instead?"
        dispatcher.utter_message(response="utter_faq/human")
    elif asks_to_start_again(text):  # "can we start again?": nothing is lost, how to change
        dispatcher.utter_message(text=message("start_again"))
    elif for_someone_else(text) and tracker.get_slot("stage") in (None, "consent"):
        # "I'm a bookkeeper and one of my clients has asked me to fill this in" (set CB)
        dispatcher.utter_message(text=message("on_behalf"))
    elif key := standing_reply_key(text):  # a grant, the cost, a colleague, "can I do it?"
        dispatcher.utter_message(text=message(key))
    elif tracker.active_loop.get("name") == "profile_form" and asks_why_it_is_asked(text):
        # "what do you want the company name for? the council already knows who we are"
        # (set BW was told about intelligent public services): what the questions are for
        dispatcher.utter_message(response="utter_faq/bot_help")
    elif reply := about_the_chat_reply(text, pending):  # the LEP, what's in it for me, examples
        dispatcher.utter_message(text=reply)
    elif asks_what_was_said(text):  # "can I see what I've said so far?"
        dispatcher.utter_message(text=said_so_far(tracker))
    elif details_before_consent(text) and tracker.get_slot("stage") in (None, "consent"):
        # "Hale and Daughters Florists" at the consent question: no question to answer
        dispatcher.utter_message(text=message("take_part_first"))
    elif impatient(text) and tracker.active_loop.get("name") == "strategy_form":
        dispatcher.utter_message(text=message("impatient"))
    elif asks_what_the_question_means(text) and tracker.active_loop.get("name") == "strategy_form":
        dispatcher.utter_message(text=message("question_means"))  # "what do you mean by ...?"
    else:
        return False
    return True


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The FAQ answer, or what the strategy says about the islands or drivers asked about;
    at the play-back, one more view NLU took for a question is kept and played back."""
    if drop_name_if_asked(dispatcher, tracker):  # "keep my views but don't keep my name"
        return
    if tracker.get_slot("stage") == "playback" and (
        confirms_with_email(latest_text(tracker))
        or yes_and_a_remark(without_addressees(latest_text(tracker)))
        or confirms_formally(latest_text(tracker))  # "The summary is accurate, and I shall ..."
    ):
        # "all correct, send updates to kev@...", "Yes, that is what the business wants to
        # say.": confirmed by action_resume, no answer
        return
    if tracker.get_slot("stage") == "playback" and keep_view_at_playback(dispatcher, tracker):
        dispatcher.utter_message(text=summary(tracker.sender_id))  # the ask follows (resume)
        return
    if answer_aside(dispatcher, tracker):
        return
    if asks_if_it_covers_us(latest_text(tracker)):
        # "Does this strategy actually cover businesses like mine, or is it all film studios
        # and rockets?" (set FY was given the island "film" names): every business counts
        dispatcher.utter_message(text=focus_answer())
        return
    key, confidence = faq_choice(tracker)
    text = latest_text(tracker)
    # "who actually sees this? dont want pinewood reading me moan": the question asks; the
    # words after it are context (set Z was told about the focus, then Creative and digital)
    question = question_before_remark(text)
    # the question part, else the whole message ("what's this Oxford to Cambridge arc? does
    # it reach us?": set AD was told about entrepreneurialism, whose summary names Oxford)
    if topic := asked_topic(question if question is not None else text):
        key, confidence = topic, 1.0
    elif asks_how_long(text):
        # "And how long is this going to take? I've got a sofa half stripped" (set EY was
        # told the Board's date): how long the chat takes, whatever NLU was unsure of
        key, confidence = "bot_help", 1.0
    asked = question if question is not None else text
    # "what is the Oxford-Cambridge Arc?" names the Arc, an asset of intelligent mobility:
    # a topic with its own answer is not that theme's description (browser probe, 7 Dec)
    named = [] if topic not in (None, "islands_seabed", FOCUS) else named_themes(asked)
    # "does this cover games too or is it all film and tv?" at the Creative question (set BH
    # was told what the strategy focuses on): what the theme it names takes in
    covers_named = key == FOCUS and asks_what_it_covers(asked)
    # "What does high performance technology mean? You've put it on number 2 ..." (set BY
    # was told everything the strategy focuses on): what that theme is
    # "is high performance technology just Formula One, or does it take in firms like us?"
    # (set EP was told the focus): what the theme named takes in
    means_named = (
        asks_what_a_name_means(asked) or asks_what_a_theme_is(text) or asks_what_it_covers_of(asked)
    )
    if named and (
        key in (None, "islands_seabed") or confidence < SURE or covers_named or means_named
    ):
        for theme_id in named[:MAX_THEMES_DESCRIBED]:
            dispatcher.utter_message(text=describe(theme_id))
    elif key == FOCUS:
        dispatcher.utter_message(text=focus_answer())
    else:
        dispatcher.utter_message(response=f"utter_faq/{key or 'bot_help'}")


class ActionAnswerQuestion(Action):
    """Answer a question asked at any point; the rules then return to where the business was."""

    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if email_changed_after_close(dispatcher, tracker):  # "can you change my email to ...?"
            return []
        if change_at_playback(tracker) or (
            closed_with_consent(tracker) and changes_a_named_answer(latest_text(tracker))
        ):
            # "Number 3 isn't what I meant, can I rewrite it?" (set FI was told "You're doing
            # it now!"), "add to the roads one that ..." after the goodbye: no answer;
            # action_resume, next by the rule, asks for the new wording or makes the change
            return []
        if asking_follow_up(tracker) and named_answer_changed(dispatcher, tracker):
            return []  # "can i change the housing one? what i meant was ..." (set FI)
        if email_wanted_after_close(dispatcher, tracker):
            # "Actually, go on then, you can email me about it" after the goodbye (set FA was
            # told it was doing it now): the address asked for, and nothing said after it
            return [FollowupAction("action_listen")]
        if at_islands_choice(tracker) and outside_the_islands(latest_text(tracker)):
            # "pubs aren't on your list, what do I pick?" that NLU took for a question:
            # where such a business fits, and on to the seabed drivers
            dispatcher.utter_message(text=message("islands_other_sector"))
            keep_view_beside_none(latest_text(tracker), dispatcher, tracker)
            return [SlotSet(slot, value) for slot, value in islands_passed(tracker).items()]
        if asking_follow_up(tracker) and (reply := contact_reply(latest_text(tracker))):
            # "please don't contact me but do use my views", read as a question: the answer
            return [SlotSet(k, v) for k, v in settle_follow_up(reply, tracker).items()]
        if asking_follow_up(tracker) and yes_then_asks(without_addressees(latest_text(tracker))):
            # "yes pls. and whens the LEP board actually meeting about it?" (set BC was told
            # what a LIS is and asked for the yes again): answered, and the yes kept
            answer_question(dispatcher, tracker)
            return [SlotSet("follow_up", True)]
        if (declined := no_with_its_reason(tracker)) is not None:
            return declined  # "Nay, I get enough emails as it is" (set AP)
        asked = latest_text(tracker)
        if at_consent(tracker, domain) and "?" not in asked and agrees_to_take_part(asked):
            # "I am authorised to take part, and content to do so." read as a question
            # (set DX was told what the strategy covers): a yes
            return take_part(dispatcher, tracker, domain)
        if at_consent(tracker, domain) and (asks_then_agrees(asked) or agrees_then_asks(asked)):
            # "is this the strategy thing? happy to do it" (set BM answered the question,
            # asked for the yes again and lost every answer after): answered, and the yes kept
            answer_question(dispatcher, tracker)
            return take_part(dispatcher, tracker, domain)
        if tracker.active_loop.get("name") == "profile_form" and declines(latest_text(tracker)):
            # "If it's all the same to you, I'd rather not say how many of us there are"
            # that NLU took for a privacy question (set AC): a skip, and on to the next
            return [SlotSet(tracker.get_slot("requested_slot"), SKIPPED)]
        if first_message(tracker, domain) and carries_on_here(latest_text(tracker)):
            # "I began this on twitter, can I finish it here?" as the first message: welcomed
            # as "hi" is, then told the chats are separate; the resume shows the notice and
            # asks for consent (as action_record_consent does when NLU reads a yes in it)
            dispatcher.utter_message(response="utter_welcome")
        answer_question(dispatcher, tracker)
        return []


def at_islands_choice(tracker: Tracker) -> bool:
    """The strategy form is asking which islands matter."""
    return (
        tracker.active_loop.get("name") == "strategy_form"
        and tracker.get_slot("requested_slot") == "islands"
    )


def resume(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any] | None = None
) -> None:
    """Ask again whatever the business was last asked, by stage (a form asks its own).

    Before consent, a business whose first message was a question (an X DM: "is Westcott
    part of this?") has not seen the privacy notice: it comes before the consent question,
    so a "yes" after it is an agreement.
    """
    if tracker.active_loop.get("name"):
        return  # the form asks its question again itself
    stage = tracker.get_slot("stage") or "consent"
    if stage == "consent":
        if domain is not None and not privacy_shown(tracker, domain):
            dispatcher.utter_message(response=PRIVACY_NOTICE)
        dispatcher.utter_message(response="utter_ask_consent")
    elif stage == "declined":
        faq = message("fallback_buttons")
        dispatcher.utter_message(
            text=message("declined_more"),
            buttons=buttons(
                (message("take_part_button"), "/consent_agree"),
                *[(q, q) for q in faq],
            ),
        )
    elif stage == "playback":
        dispatcher.utter_message(response="utter_ask_playback_ok")
    elif stage == "closed":
        dispatcher.utter_message(text=message("closed_more"))
    else:
        dispatcher.utter_message(text=message("carry_on"))


class ActionResume(Action):
    def name(self) -> str:
        return "action_resume"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        # "actually yes, email me" (set FA); the address after a late yes (set FT)
        if email_changed_after_close(dispatcher, tracker) or email_wanted_after_close(
            dispatcher, tracker
        ):
            return []
        if name_dropped_outside_forms(dispatcher, tracker):  # "take the name off it" (set FU)
            return []
        if closed_with_consent(tracker) and named_answer_changed(dispatcher, tracker):
            # "forgot one bit, can you add to the roads one that ..." (set FI was told the
            # consultation had finished): with that answer
            return []
        agreed = agreed_in_other_words(dispatcher, tracker, domain)
        if agreed is not None:  # "ok but keep it quick" read as "hold": a yes
            return agreed
        if change := change_at_playback(tracker):  # "actually change the second one"
            return change
        if confirmed := confirmed_in_other_words(dispatcher, tracker):
            return confirmed  # "bang on", which NLU reads as "hang on" (set AF)
        if latest_intent(tracker) != "faq" and mid_way_question(latest_text(tracker)):
            answer_question(dispatcher, tracker)  # "can I skip bits ...?" read as skip (set FP)
        resume(dispatcher, tracker, domain)
        return []
