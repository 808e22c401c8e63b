"""Unclear or off-topic input: offer the options; two in a row offer a person to talk to."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_changes import named_answer_changed
from actions.close import (
    email_changed_after_close,
    email_wanted_after_close,
    no_with_its_reason,
)
from actions.common import (
    buttons,
    channel,
    greet_as_hi,
    latest_intent,
    latest_text,
    looks_like_question,
    previous_bot_text,
)
from actions.consent import (
    PRIVACY_NOTICE,
    agreed_in_other_words,
    first_message,
    privacy_shown,
    put_off_taking_part,
)
from actions.faq import SURE, answer_question, faq_choice, resume
from actions.forgetting import drop_name_if_asked
from actions.playback import change_at_playback, confirmed_in_other_words, playback_confirmed
from actions.playback_views import keep_view_at_playback
from actions.profile_right import put_profile_right
from bot.consultation import service
from bot.consultation.asides import asks_about_taking_part
from bot.consultation.boundaries import request_or_need_reply
from bot.consultation.involvement import involvement_reply, view_beside_involvement
from bot.consultation.letters import thanks_only
from bot.consultation.on_behalf import for_someone_else
from bot.consultation.openings import introduces_itself
from bot.consultation.playback_replies import confirms_formally
from bot.consultation.playback_text import summary
from bot.consultation.questions import message
from bot.consultation.remarks import remarks_on_the_chat
from bot.consultation.replies import (
    acknowledgement_only,
    asked_topic,
    greeting_only,
    holding,
    means_nothing,
    opens_with_question,
    punctuation_only,
)
from bot.consultation.replies.topics import STRATEGY_ONLY_TOPICS
from bot.consultation.side_asks import mid_way_question
from bot.consultation.small_talk import small_talk_only
from bot.consultation.strategy_asides import strategy_aside_reply
from bot.consultation.x_style import without_addressees

NAME = "action_fallback"
VIEW_INTENTS = {"inform", "choose_theme"}
VIEW_MIN_WORDS = 6
VIEW_REPLIES = {  # stage -> response; None = the consent question is still open
    None: "utter_view_before_consent",
    "consent": "utter_view_before_consent",
    "declined": "utter_view_while_declined",
    "closed": "utter_view_after_close",
}


def fallbacks_in_a_row(events: list[dict[str, Any]]) -> int:
    """How many times the bot has just answered with this fallback, most recent first."""
    count = 0
    for event in reversed(events):
        if event.get("event") != "action":
            continue
        name = event.get("name")
        if name in ("action_listen", None):
            continue
        if name == NAME:
            count += 1
            continue
        break
    return count


def offers_a_view(tracker: Tracker) -> bool:
    """An answer or opinion, not gibberish: NLU read it as one, or it is a sentence
    NLU could not place ("oh and another thing, the broadband is rubbish")."""
    intent, text = latest_intent(tracker), latest_text(tracker)
    if looks_like_question(text):
        return False  # "which sectors does this cover?" asks; it offers nothing to note
    if means_nothing(text) or acknowledgement_only(text):
        return False  # "not sure tbh", "nope", "cheers": nothing to note
    if intent in VIEW_INTENTS:
        return True
    return intent == "nlu_fallback" and len(text.split()) >= VIEW_MIN_WORDS


class ActionFallback(Action):
    def name(self) -> str:
        return NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if email_changed_after_close(dispatcher, tracker):  # "could you use hello@... instead?"
            return []
        if email_wanted_after_close(dispatcher, tracker):  # "actually, you can email me" (set FA)
            return []
        if (declined := no_with_its_reason(tracker)) is not None:
            return declined  # "No thanks, I get enough emails I never read." (set CU)
        key, confidence = faq_choice(tracker)
        text = latest_text(tracker)
        agreed = agreed_in_other_words(dispatcher, tracker, domain)
        if agreed is not None:  # "oui d'accord", "ok but keep it quick": a yes
            return agreed
        if (put_off := put_off_taking_part(dispatcher, tracker, domain)) is not None:
            return put_off  # "Not right now, sorry, ...": a decline
        if (punctuation_only(text) or holding(text)) and privacy_shown(tracker, domain):
            # "?", "..." says nothing, and "Sorry, that went on a bit" or "one sec, client
            # on the line" no answer (set AO): whatever was asked is asked again, not "I
            # didn't understand" (mid-form the form does the same)
            resume(dispatcher, tracker, domain)
            return []
        opening = first_message(tracker, domain) and introduces_itself(text)
        if (greeting_only(text) or opening) and tracker.get_slot("stage") is None:
            # "Good morning. I run a small engineering company near Thame ..." (set DX kept
            # a letter's opening as a view before consent) is greeted as "hi" is too
            # "Dzień dobry", "salaam" that NLU did not read as a greeting: greeted as "hi"
            greet_as_hi(dispatcher)
            return []
        sure = (bool(key) and confidence >= SURE) or asked_topic(text) in STRATEGY_ONLY_TOPICS
        if sure and (looks_like_question(text) or opens_with_question(text)):
            # a question NLU did not read as one, but the FAQ selector knows the answer
            # (also one that goes on: "is this only for tech firms? we're a garden centre"),
            # or its words say plainly what it asks ("will we see a draft?": set EP)
            answer_question(dispatcher, tracker)
            if confirmed := confirmed_in_other_words(dispatcher, tracker):
                return confirmed  # "yes. will the council get to see this?" (set AY)
            resume(dispatcher, tracker, domain)
            return []
        if tracker.get_slot("stage") == "playback" and confirms_formally(text):
            # "The summary is accurate, and I shall report it to the council ..." (set DX was
            # told to contact the council): the play-back accepted
            return playback_confirmed(dispatcher)
        if (
            asks_about_taking_part(text)
            or request_or_need_reply(text)
            or strategy_aside_reply(text, previous_bot_text(tracker))
            or mid_way_question(text)  # "do I have to answer all of them?" (set FP)
            or involvement_reply(text)
            or (view_beside_involvement(text) and tracker.get_slot("stage") in (None, "consent"))
            # "hi typing this for my dad, he fixes tractors" (set CB kept it as a view)
            or (for_someone_else(text) and tracker.get_slot("stage") in (None, "consent"))
        ):
            # "hi, I'm a student, can I still have my say?" that NLU could not place (the
            # fourteenth set): answered; a first message is welcomed before the ask
            if first_message(tracker, domain):
                dispatcher.utter_message(response="utter_welcome")
            answer_question(dispatcher, tracker)
            resume(dispatcher, tracker, domain)
            return []
        closed = tracker.get_slot("stage") == "closed" and tracker.get_slot("consent")
        if closed and named_answer_changed(dispatcher, tracker):
            # "can you add to the roads one that ..." after the goodbye (set FI): with that
            # answer, not a view of its own
            return []
        fixed, view_too = put_profile_right(text, dispatcher, tracker) if closed else ({}, False)
        if fixed:
            # "sorry, we're in Wendover not Tring" after the goodbye: the profile put right
            # (a view in the same message kept as well)
            if view_too:
                service.record_answer(
                    tracker.sender_id, channel(tracker), text, service.AFTER_CLOSE, None
                )
            return [SlotSet(name, value) for name, value in fixed.items()]
        bare = without_addressees(text)
        if closed and (small_talk_only(text) or thanks_only(bare) or remarks_on_the_chat(bare)):
            # "Have a good weekend!", "if you're ever in Chesham the first pint's on me" after
            # the goodbye (set CM kept each as one more view), "Thank you, that was painless"
            # (set FF: "didn't understand"): a warm word, nothing kept
            dispatcher.utter_message(text=message("small_talk_bye"))
            return []
        if (
            offers_a_view(tracker)
            and tracker.get_slot("stage") == "closed"
            and tracker.get_slot("consent")
            and service.record_answer(
                tracker.sender_id, channel(tracker), latest_text(tracker), service.AFTER_CLOSE, None
            )
        ):
            # one more thing after the questions ended: a view like any other, so kept
            dispatcher.utter_message(text=message("view_added_after_close"))
            return []
        if drop_name_if_asked(dispatcher, tracker):  # "keep my views but not my name"
            resume(dispatcher, tracker, domain)
            return []
        if confirmed := confirmed_in_other_words(dispatcher, tracker):
            # "@btvlep ys", "@btvlep thats it", "good now" that NLU could not place (sets AA
            # and AE answered "didn't understand")
            return confirmed
        if change := change_at_playback(tracker):  # "actually change the second one"
            return change
        if tracker.get_slot("stage") == "playback" and keep_view_at_playback(dispatcher, tracker):
            # one more view at the play-back that NLU could not place: shown again with it
            dispatcher.utter_message(text=summary(tracker.sender_id))
            dispatcher.utter_message(response="utter_ask_playback_ok")
            return []
        if fallbacks_in_a_row(tracker.applied_events()) >= 1:
            dispatcher.utter_message(text=message("fallback_human"))
            if tracker.get_slot("stage") in (None, "consent") and privacy_shown(tracker, domain):
                # still unanswered: say so, or a business whose "k" was not read as a yes
                # hears only "still not getting it" to everything after (the ninth set)
                dispatcher.utter_message(response="utter_ask_consent")
            return []
        options = [(q, q) for q in message("fallback_buttons")]
        stage = tracker.get_slot("stage")
        if offers_a_view(tracker) and stage in VIEW_REPLIES:
            # A view offered with no question pending: say why it isn't noted and how
            # it could be, instead of "I didn't understand".
            if first_message(tracker, domain):
                # a view as the very first message (an X DM): the notice before the ask
                dispatcher.utter_message(response=PRIVACY_NOTICE)
            take_part = [("Take part", "/consent_agree")] if stage != "closed" else []
            dispatcher.utter_message(
                response=VIEW_REPLIES[stage], buttons=buttons(*take_part, *options)
            )
            return []
        if first_message(tracker, domain):
            # "Hi, you ask business to give opinion?" as the first DM (set DM answered "I
            # didn't understand", and the chat began one message late): greeted as "hi" is
            greet_as_hi(dispatcher)
            return []
        if stage in (None, "consent"):
            options = [
                ("Take part", "/consent_agree"),
                ("Just ask questions", "/consent_decline"),
                *options,
            ]
        elif stage == "declined":
            options = [(message("take_part_button"), "/consent_agree"), *options]
        dispatcher.utter_message(text=message("fallback"), buttons=buttons(*options))
        return []
