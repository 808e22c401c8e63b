"""Close: optional follow-up email (asked explicitly), goodbye, and "forget me" at any time."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_changes import named_answer_changed
from actions.common import (
    SKIPPED,
    after_return,
    as_text,
    buttons,
    channel,
    holding,
    latest_intent,
    latest_text,
    previous_bot_text,
    skipped,
)
from actions.forgetting import drop_name_if_asked, forget_everything
from bot.consultation import service
from bot.consultation.consent_reply import yes_then_more
from bot.consultation.contact_terms import FOLLOW_UP_KEY, ContactReply, contact_reply
from bot.consultation.email_text import (
    find_email,
    follow_up_after,
    no_address_after_all,
    no_email_given,
    points_to_earlier_email,
)
from bot.consultation.focus import focus_answer
from bot.consultation.late_follow_up import yes_after_goodbye
from bot.consultation.leaving import asks_to_delete
from bot.consultation.named_changes import changes_a_named_answer
from bot.consultation.questions import message
from bot.consultation.replies import (
    asked_topic,
    looks_like_question,
    says_no,
    says_no_and_why,
    says_yes,
    view_not_yes_no,
    yes_or_no_then_question,
)
from bot.consultation.said_theme_changes import apply_condition
from bot.consultation.small_talk import small_talk_only, without_small_talk
from bot.consultation.standing import standing_reply_key
from bot.consultation.x_style import without_addressees

PLAIN_WORDS = re.compile(r"[a-z' ,.!]+")  # "no thanks", "nope" - not a mistyped address
YES_INTENTS = {"affirm", "consent_agree"}
NO_INTENTS = {"deny", "skip", "consent_decline"}


def decided(text: str) -> bool:
    """A worded yes or no to the follow-up question ("no emails ta")."""
    return contact_reply(text) is not None


def one_more_view(tracker: Tracker) -> bool:
    """The latest message is one more view, not a yes or a no ("oh and one more thing,
    parking in Wycombe is a joke" at the follow-up question)."""
    text = latest_text(tracker)
    return view_not_yes_no(text, latest_intent(tracker)) and not looks_like_question(text)


def keep_offered_contact(
    email: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """An address offered before the follow-up question (inside an answer, or with the yes
    to the play-back), kept as if given to it: the slots to set, so the question is not
    asked; nothing when the address is malformed (the question then asks for it)."""
    try:
        service.set_contact(tracker.sender_id, channel(tracker), email, True)
    except ValueError:
        return {}
    dispatcher.utter_message(text=message("email_saved"))
    return {"follow_up": True, "email": email}


class ActionAskFollowUp(Action):
    def name(self) -> str:
        return "action_ask_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        # after one more view noted there, the question as first asked, not "was that a yes?"
        # and after a question answered ("so you can fill my inbox with newsletters?")
        first_ask = tracker.get_slot("requested_slot") != "follow_up"
        if first_ask and latest_intent(tracker) == "affirm":
            # "Yes that's right, as long as number 3 goes under creative" that NLU read as a
            # plain yes: the rule went straight here, past the play-back's reading of it, and
            # the condition was lost (set GA's fixer); the change made and said first
            if changed := apply_condition(tracker.sender_id, latest_text(tracker)):
                dispatcher.utter_message(text=changed)
        again = (
            not first_ask
            and not one_more_view(tracker)
            and not looks_like_question(latest_text(tracker))
            and not changes_a_named_answer(latest_text(tracker))  # "can i change the housing one?"
        )
        dispatcher.utter_message(
            text=message("ask_follow_up_again" if again else "ask_follow_up"),
            buttons=buttons((message("yes_button"), "/affirm"), (message("no_button"), "/deny")),
        )
        return []


class ActionAskEmail(Action):
    def name(self) -> str:
        return "action_ask_email"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=message("ask_email"))
        return []


class ValidateContactForm(FormValidationAction):
    def name(self) -> str:
        return "validate_contact_form"

    def _save(
        self, email: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        try:
            service.set_contact(tracker.sender_id, channel(tracker), email, True)
        except ValueError:
            dispatcher.utter_message(text=message("invalid_email"))
            return {"follow_up": True, "email": None}
        dispatcher.utter_message(text=message("email_saved"))
        return {"follow_up": True, "email": email}

    def _no_email(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """ "I haven't got email, could somebody ring me?": no follow-up by email, and
        who to ring instead (no phone number is kept: it would be personal data)."""
        dispatcher.utter_message(text=message("no_email_needed"))
        dispatcher.utter_message(response="utter_faq/human")
        return self._no(tracker)

    def _no(self, tracker: Tracker) -> dict[str, Any]:
        return declined_contact(tracker)

    def _settled(
        self, reply: ContactReply, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """A worded yes or no ("sign me up but don't ring me"): its terms kept, then the
        address saved or asked for."""
        settled = settle_follow_up(reply, tracker)
        email = find_email(text)
        return self._save(email, dispatcher, tracker) if email and reply.wants else settled

    def _email_given(self, tracker: Tracker, slot: str) -> dict[str, Any]:
        """An address typed in a sentence ("yeah my email is tom@x.co.uk") is the answer,
        whatever NLU read the sentence as (the word "email" reads as a privacy question)."""
        text = latest_text(tracker)
        if tracker.get_slot("requested_slot") is None and slot == "follow_up":
            # the play-back accepted with the address in the same breath ("yes that's
            # right, and yes email me, sarah@...": set AA was asked for it again), or with
            # a no to emails ("yep all good, no emails ta": set AV)
            if find_email(text) and not text.startswith("/"):
                return {slot: text}
            found = follow_up_after(without_addressees(text))
            return {slot: found[1]} if found else {}
        if tracker.get_slot("requested_slot") != slot:
            return {}
        # "use the email I put at the start" (set AK) reads as a privacy question too
        given = find_email(text) or (slot == "follow_up" and points_to_earlier_email(text))
        return {slot: text} if given and not text.startswith("/") else {}

    async def extract_follow_up(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = latest_text(tracker)
        asked = tracker.get_slot("requested_slot") == "follow_up"
        split = yes_or_no_then_question(without_addressees(text), decided) if asked else None
        if split and not find_email(text):
            # "No thanks. When does it all close, though?" (set EB, which NLU reads as a
            # question: answered, and the same question again): answered, and the no stands
            dispatcher.utter_message(response=f"utter_faq/{split[1]}")
            return {"follow_up": split[0]}
        return self._email_given(tracker, "follow_up")

    async def extract_email(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._email_given(tracker, "email")

    def validate_follow_up(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if isinstance(value, bool):
            # set with the play-back's yes ("yep all good, no emails ta", "yes, and email me
            # at ..."): already settled, whatever NLU made of the message
            return {"follow_up": True} if value else self._no(tracker)
        text = after_return(as_text(value))  # "down now. yep" after a pause (set AO)
        # "No thank you, I get enough emails! Lovely chatting to you though" (set CM)
        text = without_small_talk(text)
        if small_talk_only(text):
            return {"follow_up": None}  # asked again
        if holding(text) and not says_yes(text):
            # asked again; but "@btvlep ok" to this yes-or-no question is a yes, not "ok,
            # one sec" (set AQ's upholsterer was asked "was that a yes or a no?")
            return {"follow_up": None}
        if drop_name_if_asked(dispatcher, tracker):  # "use my answers but not my name"
            return {"follow_up": None}  # the name removed; asked again
        if named_answer_changed(dispatcher, tracker):
            # "before that, can i change the housing one? what i meant was ..." (set FI was
            # asked "was that a yes or a no?" and the wording lost): changed; asked again
            return {"follow_up": None}
        if points_to_earlier_email(text):
            # "yes please, use the email I put at the start" (set AK): the address given at
            # a profile question, saved now; asked for when there is none
            earlier = service.given_email(tracker.sender_id)
            return self._save(earlier, dispatcher, tracker) if earlier else {"follow_up": True}
        if (reply := contact_reply(text)) is not None:
            return self._settled(reply, text, dispatcher, tracker)
        email = find_email(text)
        if email:
            return self._save(email, dispatcher, tracker)
        if no_email_given(text):
            return self._no_email(dispatcher, tracker)
        intent = latest_intent(tracker)
        if key := standing_reply_key(text):
            # "Will this lead to any funding for nurseries?" (set EC, read by NLU as a view,
            # was asked the yes or no again unanswered): answered, then asked again
            dispatcher.utter_message(text=message(key))
            return {"follow_up": None}
        if looks_like_question(text) and (topic := asked_topic(text)):
            # "Will we get to see a draft before it's signed off?" (set EP, which NLU could
            # not place, was asked the yes or no again unanswered): answered, then asked again
            if topic == "focus":
                dispatcher.utter_message(text=focus_answer())
            else:
                dispatcher.utter_message(response=f"utter_faq/{topic}")
            return {"follow_up": None}
        if one_more_view(tracker):
            # kept like a view after the questions ended; then the question again
            stored = service.record_answer(
                tracker.sender_id, channel(tracker), text, service.AFTER_CLOSE, None
            )
            if stored:
                dispatcher.utter_message(text=message("view_added"))
            return {"follow_up": None}
        if says_no(text) or says_no_and_why(text):
            # "negative", "nope not really", "no ta, inbox is full enough" (set AH): a no
            # whatever NLU read
            return self._no(tracker)
        if intent in YES_INTENTS or says_yes(text) or yes_then_more(text) is not None:
            # "go on then, yes, let's see if anyone writes back" (set BW: read as carrying
            # on, and asked "yes or no?"): a whole yes, then a remark that takes nothing back
            return {"follow_up": True}
        if intent in NO_INTENTS or skipped(tracker, text):
            return self._no(tracker)
        return {"follow_up": None}

    def validate_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if value == SKIPPED:
            # settled before the form began ("Sorted. No to the emails, thanks" at the
            # correction question, set AY): re-validated when the form starts, not an address
            return {"email": SKIPPED}
        text = after_return(as_text(value))
        if holding(text):
            return {"email": None}  # asked again
        if no_email_given(text):  # "oh I don't have email actually, can you ring me?"
            return self._no_email(dispatcher, tracker)
        if no_address_after_all(text):  # "actually, leave it", "just DM me on here"
            dispatcher.utter_message(text=message("no_email_after_all"))
            return self._no(tracker)
        bare = without_addressees(text)  # "@btvlep nope" on X is no address (set ET)
        if "@" not in bare and (
            skipped(tracker, bare)
            or says_no(bare)
            or (latest_intent(tracker) == "deny" and PLAIN_WORDS.fullmatch(bare.lower()))
        ):
            return self._no(tracker)
        return self._save(find_email(text) or text.strip(), dispatcher, tracker)


def declined_contact(tracker: Tracker) -> dict[str, Any]:
    """No follow-up: nothing kept to contact the business by (its views stay)."""
    service.set_contact(tracker.sender_id, channel(tracker), None, False)
    return {"follow_up": False, "email": SKIPPED}


def settle_follow_up(reply: ContactReply, tracker: Tracker) -> dict[str, Any]:
    """The follow-up slots for a worded yes or no; the terms of a yes kept against the
    follow-up question, where staff read them before writing."""
    if not reply.wants:
        return declined_contact(tracker)
    if reply.terms:
        service.record_answer(
            tracker.sender_id,
            channel(tracker),
            reply.terms,
            FOLLOW_UP_KEY,
            message("ask_follow_up"),
        )
    return {"follow_up": True}


def asked_for_contact(tracker: Tracker) -> bool:
    """The bot's last message asked whether to email the business, or for its address."""
    asked = previous_bot_text(tracker)
    keys = ("ask_follow_up", "ask_follow_up_again", "ask_email")
    return any(message(key) in asked for key in keys)


def asking_follow_up(tracker: Tracker) -> bool:
    """The contact form is asking whether the business wants a follow-up email."""
    return (
        tracker.active_loop.get("name") == "contact_form"
        and tracker.get_slot("requested_slot") == "follow_up"
    )


def no_with_its_reason(tracker: Tracker) -> list[dict[str, Any]] | None:
    """ "Nay, I get enough emails as it is" at the follow-up question, read as a question or
    not read at all (sets AP, CM, CU: "You're doing it now!" or "I didn't understand"): a
    no, small talk after it ignored; None for anything else."""
    said = without_small_talk(latest_text(tracker))
    if not asking_follow_up(tracker) or not says_no_and_why(said):
        return None
    return [SlotSet(k, v) for k, v in declined_contact(tracker).items()]


def email_changed_after_close(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Sorry, could you use hello@... instead?" after the goodbye (set AR answered it with
    what the strategy covers and kept the old address): a new address from a business that
    took part is saved for the follow-up, and said so."""
    if tracker.get_slot("stage") != "closed" or tracker.get_slot("consent") is not True:
        return False
    text = latest_text(tracker)
    email = find_email(text)
    if not email or text.startswith("/") or email == service.given_email(tracker.sender_id):
        return False
    try:
        service.set_contact(tracker.sender_id, channel(tracker), email, True)
    except ValueError:
        dispatcher.utter_message(text=message("invalid_email"))
        return True
    dispatcher.utter_message(text=message("email_saved"))
    return True


def email_wanted_after_close(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Actually, go on then, you can email me about it" after a no to the follow-up and the
    goodbye (set FA was told it was doing it now): the address asked for, any terms kept;
    the address given next is saved by `email_changed_after_close`. False for anything else,
    or when an address is already on record."""
    if tracker.get_slot("stage") != "closed" or tracker.get_slot("consent") is not True:
        return False
    text = without_addressees(latest_text(tracker))
    if service.given_email(tracker.sender_id):
        return False
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "bot"]
    if late := yes_after_goodbye(text, said):  # "Yes" after "None thanks" and goodbye (FT)
        dispatcher.utter_message(text=message(late))
        return True
    reply = contact_reply(text)
    if reply is None or not reply.wants or find_email(text):
        return False
    settle_follow_up(reply, tracker)
    dispatcher.utter_message(text=message("ask_email"))
    return True


class ActionClose(Action):
    """Goodbye. A business that did not take part has its chat transcript purged
    (the tracker store deletes the session when it sees AllSlotsReset after this action)."""

    def name(self) -> str:
        return "action_close"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("consent") is True:
            declined = latest_intent(tracker) == "consent_decline"
            if declined and asks_to_delete(latest_text(tracker)):
                # "I don't want to take part after all, please don't keep what I've said":
                # a withdrawal that asks for nothing to be kept is a "forget me"; the stage
                # set after the reset ends the turn as the change-of-mind rule expects
                return [*forget_everything(dispatcher, tracker), SlotSet("stage", "closed")]
            if declined and asked_for_contact(tracker):
                # "I'd rather not be on a mailing list, thanks." at the follow-up question
                # (set CT was told the questions had stopped): a no to the email; goodbye
                service.set_contact(tracker.sender_id, channel(tracker), None, False)
                declined = False
            service.end_conversation(tracker.sender_id)
            if declined:  # changed their mind mid-way
                dispatcher.utter_message(response="utter_stopped_taking_part")
            else:
                dispatcher.utter_message(text=message("goodbye"))
            return [SlotSet("stage", "closed")]
        dispatcher.utter_message(text=message("goodbye_declined"))
        return [SlotSet("stage", "closed"), AllSlotsReset()]
