"""Play-back: what was recorded, with themes in plain words; the business corrects them."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.close import declined_contact, keep_offered_contact
from actions.common import (
    after_return,
    as_text,
    fix_theme_typos,
    holding,
    latest_intent,
    latest_text,
    previous_user_text,
    profile_on_record,
    skipped,
)
from actions.forgetting import drop_name_if_asked
from actions.playback_views import added_beside_yes, change_each_item, keep_view_at_playback
from bot.consultation import service
from bot.consultation.asides import asks_who_reads
from bot.consultation.email_text import find_email
from bot.consultation.letters import thanks_only
from bot.consultation.playback_fixes import (
    ITEMS_MAX,
    change_asked,
    correct_played_back,
    put_answer_right,
)
from bot.consultation.playback_replies import (
    EXPLICIT_CHANGE,
    KEEP_WORDS,
    POINTED_ADDITION,
    adds_to_pointed_answer,
    confirms,
    confirms_with_email,
    explicit_part,
    follow_up_with_confirmation,
    laugh_then_confirms,
    yes_and_a_remark,
    yes_then_asks,
)
from bot.consultation.playback_text import summary, without_quoted_answer
from bot.consultation.questions import message, parse_correction
from bot.consultation.remarks import closes_a_subject
from bot.consultation.replies import (
    looks_like_question,
    says_yes,
)
from bot.consultation.said_theme_changes import apply_condition
from bot.consultation.small_talk import small_talk_only
from bot.consultation.standing import standing_reply_key
from bot.consultation.theme_corrections import (
    correction_reply,
    plan,
    pointed_item,
    with_theme_named,
)
from bot.consultation.x_style import without_addressees, without_own_tags

# "hold on" that NLU read as a "no" at play-back: nothing changes, the play-back is shown again
HELD = "(held)"
# "no" / "none" / "skip" to "which themes should I add or drop?": nothing to change, so on
# to the next steps rather than the same play-back and question again (in the seventh set
# of unseen conversations "no" after "no" went round and round)
NO_CHANGE = "(no change)"
# "it's fine", "leave them", "actually no changes": keep the themes as they are
KEEP_INTENTS = {"affirm", "stop", "thank"}
# one more view offered at the play-back, kept: the play-back again, with it
ADDED = "(view added)"
# "Yes that's right, as long as number 3 goes under creative as well" (set GA was asked
# which themes to change, then for a second yes): the change made and said, the yes standing
CHANGED_AND_CONFIRMED = "(changed, confirmed)"


def said_so_far(tracker: Tracker) -> str:
    """ "what have you got down so far?": the business's details given so far (set AP asked
    for them and was told no answers were recorded), then its answers."""
    given = [str(value) for value in profile_on_record(tracker).values() if value]
    answers = summary(tracker.sender_id)
    if not given:
        return answers
    return message("details_so_far", details="; ".join(given)) + "\n" + answers


def change_at_playback(tracker: Tracker) -> list[dict[str, Any]] | None:
    """ "actually change the second one" at the play-back, however NLU read it ("hold"
    went back to the play-back in set AB and the new wording after it was kept as one
    more view): the correction starts, and asks what the answer should say instead."""
    text = latest_text(tracker)
    if tracker.get_slot("stage") != "playback" or not change_asked(text, ITEMS_MAX):
        return None
    n = change_asked(text, len(service.recorded_answers(tracker.sender_id)))
    if not n:
        return None
    # set here: a form started by a follow-up action does not read the message that
    # started it (Rasa validates only straight after action_listen)
    return [SlotSet("amend_item", n), FollowupAction("correction_form")]


class ActionPlayback(Action):
    def name(self) -> str:
        return "action_playback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("theme_correction") in (NO_CHANGE, CHANGED_AND_CONFIRMED):
            # as on "yes" at the play-back: the next steps, then the follow-up question
            if tracker.get_slot("theme_correction") == NO_CHANGE:
                dispatcher.utter_message(text=message("themes_kept"))
            dispatcher.utter_message(response="utter_next_steps")
            events = [SlotSet("theme_correction", None), SlotSet("stage", "playback")]
            return [*events, FollowupAction("contact_form")]
        dispatcher.utter_message(text=summary(tracker.sender_id))
        # a new wording asked for and never given (the correction left for a question or a
        # stop) is not waiting at the next correction
        return [
            SlotSet("theme_correction", None),
            SlotSet("amend_item", None),
            SlotSet("stage", "playback"),
        ]


class ActionAskThemeCorrection(Action):
    def name(self) -> str:
        return "action_ask_theme_correction"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        n = tracker.get_slot("amend_item")
        if n:  # "actually change the second one": its new wording
            dispatcher.utter_message(text=message("ask_new_wording", n=n))
        else:
            dispatcher.utter_message(text=message("ask_theme_correction"))
        return []


def settled_with_confirmation(
    text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any] | None:
    """The contact slots a confirmation of the play-back settles in the same breath: none
    wanted, an address kept, or a yes whose address the contact form asks for; None when
    the message answers no follow-up."""
    wants = follow_up_with_confirmation(text)
    if wants is None:
        return None
    if not wants:
        return declined_contact(tracker)
    email = find_email(text)
    return (keep_offered_contact(email, dispatcher, tracker) if email else {}) or {
        "follow_up": True
    }


def confirmed_in_other_words(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]] | None:
    """The play-back accepted in words NLU did not read as a yes ("@btvlep ys", "thats it",
    "good now"; "bang on" reads as "hang on"): on to the next steps, as the rule for a yes
    does (data/rules: play-back confirmed), with the follow-up already answered when an
    address comes with it. None anywhere else, or for anything more."""
    text = latest_text(tracker)
    plain = without_quoted_answer(tracker.sender_id, without_own_tags(without_addressees(text)))
    if tracker.get_slot("stage") != "playback":
        return None
    if email := confirms_with_email(text):
        kept = keep_offered_contact(email, dispatcher, tracker)
        contact = [SlotSet(slot, value) for slot, value in kept.items()]
        return [*contact, *playback_confirmed(dispatcher)]
    if (settled := settled_with_confirmation(text, dispatcher, tracker)) is not None:
        # "Sorted. No to the emails, thanks", "That's better. Yes to emails" (sets AV, AY)
        contact = [SlotSet(slot, value) for slot, value in settled.items()]
        return [*contact, *playback_confirmed(dispatcher)]
    if added_beside_yes(dispatcher, tracker):
        return playback_confirmed(dispatcher)
    if changed := apply_condition(tracker.sender_id, text):  # "yes, as long as ..." (set GA)
        dispatcher.utter_message(text=changed)
        return playback_confirmed(dispatcher)
    if not (
        says_yes(plain)
        or confirms(plain)
        or yes_and_a_remark(plain)
        or laugh_then_confirms(plain)
        or yes_then_asks(plain)  # answered by the FAQ first
    ):
        return None
    return playback_confirmed(dispatcher)


def playback_confirmed(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """What a yes to the play-back does (data/rules: play-back confirmed): the next steps,
    then the follow-up question."""
    dispatcher.utter_message(response="utter_next_steps")
    return [FollowupAction("contact_form")]


# "never mind", "forget it" to "what should answer 2 say instead?": as it is
LEAVE_IT = re.compile(r"(oh )?(never ?mind|forget it|leave it|it'?s fine|no change|cancel)")
KEEP_MAX_WORDS = 5


class ValidateCorrectionForm(FormValidationAction):
    def name(self) -> str:
        return "validate_correction_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """The SDK's, with the answer whose new wording is asked for kept: it is no slot
        this form asks for, so the SDK drops it once extracted ("Hold on, the second one
        isn't right, ..." that started the form: set GA was asked which themes instead)."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        n = tracker.slots.get("amend_item")
        if n and all(event.get("name") != "amend_item" for event in events):
            events.append(SlotSet("amend_item", n))
        return events

    async def extract_theme_correction(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A change typed with the "no" at play-back ("no, add skills") is the correction.

        Only when the form starts (the correction question is not yet asked); after that
        the slot's from_text mapping takes the reply.
        """
        if tracker.get_slot("requested_slot") == "theme_correction":
            return {}
        # "right, sorted. yes, that all looks correct" after a pause (set AO): the reply
        text = after_return(latest_text(tracker))
        n = change_asked(text, ITEMS_MAX) and change_asked(
            text, len(service.recorded_answers(tracker.sender_id))
        )
        if n:  # "actually change the second one": asked what it should say instead
            return {"amend_item": n}
        named = with_theme_named(text, previous_user_text(tracker))
        if named and any(parse_correction(named)):
            # "Take it off number 2" after asking what high performance technology means
            # (set BY kept it as one more view): that theme off that answer
            return {"theme_correction": named}
        if changed := apply_condition(tracker.sender_id, text):
            # "yep thats right, as long as the last one gets environment on it as well" (set
            # GA): the change made, and a yes
            dispatcher.utter_message(text=changed)
            return {"theme_correction": CHANGED_AND_CONFIRMED}
        if holding(text) or closes_a_subject(text):
            # "hold on" / "wait" that NLU took for a "no": not a correction. The form ends
            # at once and the play-back is shown again, as any held question is asked again.
            # So too "that's the lot on the council and NHS" after the last answer (set ET)
            return {"theme_correction": HELD}
        if asks_who_reads(text) and "?" in text:
            # "Before I say yes, will the council see our company name next to any of this?"
            # (set BZ was asked which themes to change): who reads it, then the play-back
            dispatcher.utter_message(response="utter_faq/data_privacy")
            return {"theme_correction": HELD}
        typed = latest_text(tracker)  # "Sorted." opens a confirmation, not a return
        if (settled := settled_with_confirmation(typed, dispatcher, tracker)) is not None:
            # "yep all good, no emails ta", "That's better. Yes to emails", read as a no
            return {"theme_correction": NO_CHANGE, **settled}
        unquoted = without_quoted_answer(tracker.sender_id, without_addressees(text))
        if yes_then_asks(unquoted) and (key := standing_reply_key(unquoted)):
            # "yes thats right. my daughter runs the market stalls for us, can she fill this
            # in too?" (set EB was asked which themes to change): answered, and confirmed
            dispatcher.utter_message(text=message(key))
            return {"theme_correction": NO_CHANGE}
        if confirms(unquoted) or yes_and_a_remark(unquoted) or laugh_then_confirms(text):
            # "thats right now", "yes that's it" that NLU read as a no (set AD): confirmed
            return {"theme_correction": NO_CHANGE}
        if thanks_only(text):
            # "lovely, thanks ever so much" that NLU read as a view: the themes are kept
            return {"theme_correction": NO_CHANGE}
        if small_talk_only(text):
            # "Nice to be asked for once" after the last answer (set ET): no view and no
            # change; a friendly word, then the play-back again
            dispatcher.utter_message(text=message("small_talk"))
            return {"theme_correction": HELD}
        if drop_name_if_asked(dispatcher, tracker):  # "keep my views but not my name"
            return {"theme_correction": ADDED}  # the play-back is shown again
        if added_beside_yes(dispatcher, tracker):
            return {"theme_correction": NO_CHANGE}
        if keep_view_at_playback(dispatcher, tracker):
            return {"theme_correction": ADDED}  # the play-back is shown again with it
        explicit = EXPLICIT_CHANGE.search(text) or (
            POINTED_ADDITION.search(text) is not None
            and adds_to_pointed_answer(text, len(service.recorded_answers(tracker.sender_id)))
        )
        if not explicit or latest_intent(tracker) not in (
            "deny",
            "choose_theme",
            "inform",
        ):
            return {}
        add, remove = parse_correction(fix_theme_typos(explicit_part(text)))
        return {"theme_correction": text} if add or remove else {}

    def validate_theme_correction(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = after_return(as_text(value))
        if text in (HELD, ADDED, NO_CHANGE, CHANGED_AND_CONFIRMED):
            return {"theme_correction": text}
        count = len(service.recorded_answers(tracker.sender_id))
        if n := change_asked(text, ITEMS_MAX) and change_asked(text, count):
            # "Hold on, the second one isn't right, ..." that starts the form (set GA was
            # asked which themes instead): the slot the extraction set is not this form's
            # to keep, so set here, and its new wording asked for
            return {"theme_correction": None, "amend_item": n}
        # as typed: "Sorted." opens it as a confirmation, not as a return from a pause
        if (settled := settled_with_confirmation(as_text(value), dispatcher, tracker)) is not None:
            # "Sorted. No to the emails, thanks" after a change (set AY: "couldn't tell"):
            # the themes kept as they now are, and the follow-up answered
            return {"theme_correction": NO_CHANGE, **settled}
        if holding(text):
            return {"theme_correction": None}  # the correction question again
        if confirms(text):
            return {"theme_correction": NO_CHANGE}  # "yes that's it": on to the follow-up
        if tracker.get_slot("amend_item"):
            return self._new_wording(text, dispatcher, tracker)
        if drop_name_if_asked(dispatcher, tracker):  # "just take our name off it"
            return {"theme_correction": ADDED}
        if skipped(tracker, text):
            return {"theme_correction": NO_CHANGE}
        if change_each_item(text, dispatcher, tracker):  # "skills on 1, housing off 3"
            return {"theme_correction": ADDED}  # the play-back is shown again
        fixed = correct_played_back(tracker.sender_id, text)
        if fixed:  # "and with 2, mention that the lane ...": joined to answer 2 (set AF)
            dispatcher.utter_message(text=fixed)
            return {"theme_correction": ADDED}
        add, remove = parse_correction(fix_theme_typos(explicit_part(text)))
        if (
            not add
            and not remove
            and (latest_intent(tracker) in KEEP_INTENTS or KEEP_WORDS.search(text))
        ):
            return {"theme_correction": "(kept)"}
        if not add and not remove:
            dispatcher.utter_message(text=message("correction_unclear"))
            return {"theme_correction": None}
        answers = service.recorded_answers(tracker.sender_id)
        item = pointed_item(text, len(answers))  # "in the first one": that answer only
        change = plan(answers, add, remove, item)
        service.correct_themes(tracker.sender_id, add=change.add, remove=change.remove, item=item)
        dispatcher.utter_message(text=correction_reply(change, item))
        return {"theme_correction": text}

    @staticmethod
    def _new_wording(
        text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """The reply to "what should answer 2 say instead?": it replaces the answer ("leave
        it" keeps it); the play-back is shown again."""
        if looks_like_question(text):  # "what do you mean?": not the new wording; asked again
            return {"theme_correction": None}
        n = int(tracker.get_slot("amend_item"))
        answers = service.recorded_answers(tracker.sender_id)
        keep = KEEP_WORDS.search(text) or LEAVE_IT.fullmatch(text.strip().lower().rstrip(".!"))
        if (
            skipped(tracker, text)
            or (keep and len(text.split()) <= KEEP_MAX_WORDS)
            or not (1 <= n <= len(answers))
        ):
            return {"theme_correction": "(kept)", "amend_item": None}
        reply = put_answer_right(tracker.sender_id, answers[n - 1].response_id, n, text, asked=True)
        dispatcher.utter_message(text=reply)
        return {"theme_correction": ADDED, "amend_item": None}
