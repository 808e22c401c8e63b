"""Welcome and consent: record whether the business takes part."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.close import email_changed_after_close, email_wanted_after_close
from actions.common import (
    PRIVACY_NOTICE,
    channel,
    latest_confidence,
    latest_intent,
    latest_text,
)
from actions.forgetting import drop_name_if_asked, withdrawn_and_forgotten
from bot.consultation import service
from bot.consultation.asides import steps_aside
from bot.consultation.consent_beside import a_detail_not_a_yes
from bot.consultation.consent_details import (
    details_before_consent,
    yes_with_name,
    yes_with_profile,
)
from bot.consultation.consent_reply import (
    agrees_to_take_part,
    go_ahead_then_more,
    puts_off,
    says_go_ahead,
    wants_to_take_part,
    yes_then_more,
)
from bot.consultation.consent_words import withdraws_consent
from bot.consultation.involvement import involvement_key, involvement_reply, involvement_text
from bot.consultation.on_behalf import for_someone_else
from bot.consultation.openings import introduces_itself
from bot.consultation.playback_replies import confirms
from bot.consultation.questions import PROFILE_SLOTS, SKIPPED, message
from bot.consultation.replies import (
    about_the_consultation,
    looks_like_question,
    says_no_and_why,
    skips_the_profile,
)
from bot.consultation.standing import asks_if_i_count

AGREE_INTENTS = {"consent_agree", "affirm"}
VIEW_BEFORE_CONSENT = "utter_view_before_consent"
# NLU's agreement below this, on words that read like a business detail, is not taken
SURE_AGREEMENT = 0.8


def _said(event: dict[str, Any], response: str, texts: set[str | None]) -> bool:
    """A bot event is this domain response (by its text or the action that uttered it)."""
    return event.get("event") == "bot" and (
        event.get("text") in texts or (event.get("metadata") or {}).get("utter_action") == response
    )


def _response_texts(domain: dict[str, Any], response: str) -> set[str | None]:
    return {v.get("text") for v in domain.get("responses", {}).get(response, [])}


def first_message(tracker: Tracker, domain: dict[str, Any]) -> bool:
    """Nothing asked yet: no stage and no privacy notice shown (the message is the first)."""
    return tracker.get_slot("stage") is None and not privacy_shown(tracker, domain)


def privacy_shown(tracker: Tracker, domain: dict[str, Any]) -> bool:
    """The privacy notice was shown in this session (a "let's get started" or "yes" sent
    as the very first message, e.g. in an X DM, has not seen it).

    Shown by a rule it is an `utter_privacy` action; shown by this action it is a bot
    message with the notice's text.
    """
    notice = _response_texts(domain, PRIVACY_NOTICE)
    for event in tracker.events:  # every event: shown in a turn later undone is still shown
        if event.get("event") == "action" and event.get("name") == PRIVACY_NOTICE:
            return True
        if _said(event, PRIVACY_NOTICE, notice):
            return True
    return False


def views_before_consent(tracker: Tracker, domain: dict[str, Any]) -> list[str]:
    """What the business said before the consent question that the bot answered "Before
    I can note your views, I need to know whether you'd like to take part": views the
    bot promised to note once it agrees (this session, since any earlier consent answer)."""
    reply = _response_texts(domain, VIEW_BEFORE_CONSENT)
    views: list[str] = []
    last_user: str | None = None
    for event in tracker.applied_events():  # a view sent again after an outage counts once
        if event.get("event") == "session_started" or (
            event.get("event") == "action" and event.get("name") == "action_record_consent"
        ):  # a new session, or a consent answer already given (a decline, then "yes")
            views, last_user = [], None
        elif event.get("event") == "user":
            last_user = event.get("text")
        elif last_user and _said(event, VIEW_BEFORE_CONSENT, reply):
            views.append(last_user)
            last_user = None
    return views


def record(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], agreed: bool
) -> list[dict[str, Any]]:
    """Record the consent answer (and, on agreeing, the views given before it)."""
    service.record_consent(tracker.sender_id, channel(tracker), agreed)
    text = latest_text(tracker)
    fields = (yes_with_profile(text) or _named(yes_with_name(text))) if agreed else {}
    if agreed:
        # "oh great, more consultation. what difference will it make" (the twelfth set):
        # about the consultation itself, kept only if it names a theme too
        # "Jade Lantern Chinese Takeaway" sent at the consent question (set DM played it
        # back as a view): a business detail, kept only if it names a theme too
        views = [
            (view, about_the_consultation(view) or details_before_consent(view))
            for view in views_before_consent(tracker, domain)
            if not introduces_itself(view)  # "Good morning. I chair an association ..."
        ]
        if not fields and (rest := yes_then_more(text)) and not wants_to_take_part(rest):
            # "Yes go on. <view>": the view, kept if it touches a theme ("yes, though we're
            # not even open yet" is a remark; "Yes, I am content for our responses to be
            # recorded" says yes twice)
            views.append((rest, True))
        stored = [
            service.record_answer(
                tracker.sender_id,
                channel(tracker),
                view,
                service.BEFORE_CONSENT,
                None,
                needs_theme=needs_theme,
            )
            for view, needs_theme in views
        ]
        if any(stored):
            dispatcher.utter_message(text=message("early_view_noted"))
    events = [SlotSet("consent", agreed), SlotSet("stage", "profile" if agreed else "declined")]
    if fields:  # "YES please, we're Hartwell Precision, glaziers, 14 staff ...": not asked
        service.save_profile(tracker.sender_id, channel(tracker), **fields)
        events.extend(SlotSet(slot, value) for slot, value in fields.items())
    if agreed and skips_the_profile(text):
        # "go on but skip the bits about us, just want my say" (set AS was asked the name):
        # none of the questions about the business; on to the strategy
        events.extend(SlotSet(slot, SKIPPED) for slot in PROFILE_SLOTS if slot not in fields)
    return events


def _named(name: str | None) -> dict[str, str]:
    return {"organisation": name} if name else {}


def put_off_taking_part(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[dict[str, Any]] | None:
    """ "Not right now, sorry, one of my carers has rung in sick" at the consent question,
    which NLU could not place (set AR kept it as a view and later filed it with the answers):
    a decline, as "no" is, so "go on then" can still start it; None when it is not that."""
    stage, text = tracker.get_slot("stage"), latest_text(tracker)
    if stage not in (None, "consent") or not privacy_shown(tracker, domain):
        return None
    if not (puts_off(text) or says_no_and_why(text)):
        # "no thanks, we've filled these in before and never heard a thing back" (set BW:
        # read as a view, then "still not getting it") is a no with its reason
        return None
    events = record(dispatcher, tracker, domain, False)
    dispatcher.utter_message(response="utter_declined")
    return events


def at_consent(tracker: Tracker, domain: dict[str, Any]) -> bool:
    """The consent question is the one asked, after the privacy notice."""
    return (
        not tracker.active_loop.get("name")
        and tracker.get_slot("stage") in (None, "consent")
        and privacy_shown(tracker, domain)
    )


def agreed_in_other_words(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[dict[str, Any]] | None:
    """ "ok but keep it quick", "oui d'accord" at the consent question, which NLU read as
    something else (a view, "hold", unclear), or "fine. go on then" after declining:
    taken as agreeing, as "yes" is, and the profile starts (the events to return); None
    when the message is not that."""
    stage, text = tracker.get_slot("stage"), latest_text(tracker)
    if tracker.active_loop.get("name") or not privacy_shown(tracker, domain):
        return None
    if stage in (None, "consent"):
        if not agrees_to_take_part(text):
            return None
    elif stage != "declined" or not (says_go_ahead(text) or go_ahead_then_more(text)):
        return None  # after a decline only "go on then" changes it, not "ok"
    return take_part(dispatcher, tracker, domain)


def take_part(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[dict[str, Any]]:
    """Record the agreement and start the profile (the events to return)."""
    events = record(dispatcher, tracker, domain, True)
    if not skips_the_profile(latest_text(tracker)):  # else no questions about the business
        dispatcher.utter_message(response="utter_profile_intro")
    return [*events, FollowupAction("profile_form")]


class ActionRecordConsent(Action):
    def name(self) -> str:
        return "action_record_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if email_wanted_after_close(dispatcher, tracker):
            # "Actually, go on then, you can email me about it" after the goodbye (set FA):
            # the address asked for; taking part is not started again
            return [FollowupAction("action_listen")]
        agreed = latest_intent(tracker) in AGREE_INTENTS
        if not agreed and (events := agreed_in_other_words(dispatcher, tracker, domain)):
            # "I don't see why not.", "no bother", "not right now... actually go on" read as
            # a no (set AX declined each, and the whole consultation was lost): a yes
            return events
        forgotten = None if agreed else withdrawn_and_forgotten(dispatcher, tracker)
        if forgotten is not None:
            # "I'd rather not take part after all, please do not store my answers" at the
            # play-back (set W answered "nothing you say is kept" and kept it all): deleted
            # as on "forget me" (the tracker store drops the transcript), the turn ends
            return [*forgotten, FollowupAction("action_listen")]
        if not agreed and drop_name_if_asked(dispatcher, tracker):
            # "I don't want my name on it, the views are fine" read as declining
            return [FollowupAction("action_resume")]
        text = latest_text(tracker)
        if (
            agreed
            and tracker.get_slot("stage") in (None, "consent")
            and privacy_shown(tracker, domain)
            and latest_confidence(tracker) < SURE_AGREEMENT
            and a_detail_not_a_yes(text)
        ):
            # "takeaway, Chinese and Cantonese food" read as agreeing at 0.57 (set DM): a
            # business detail, so the consent question again
            dispatcher.utter_message(text=message("take_part_first"))
            dispatcher.utter_message(response="utter_ask_consent")
            return [FollowupAction("action_listen")]
        if taken_part(tracker) and (
            (not agreed and not withdraws_consent(text))
            # "and when will anyone actually decide anything?" after the goodbye, read as
            # agreeing (set AD's profile started again): answered, nothing restarted
            or (agreed and (asks_aside(text) or looks_like_question(text)))
        ):
            # a decline NLU read into "my colleague wants to do this too" after the goodbye
            # or "take out what I said about the council" at the play-back, or an agreement
            # into "can my colleague have a go too?": no change to taking part
            return not_a_withdrawal(dispatcher, tracker, domain)
        if agreed and tracker.get_slot("stage") == "playback":
            # "happy with that", "all present and correct" read as agreeing to take part
            # (set AG started the profile questions again): a yes to the play-back
            from actions.playback import playback_confirmed

            return playback_confirmed(dispatcher)
        if agreed and not privacy_shown(tracker, domain):
            # No agreement without the notice: show it and ask; nothing is recorded yet.
            dispatcher.utter_message(response="utter_welcome")
            if for_someone_else(text):  # "happy to, I'm doing this for my dad" (set CB)
                dispatcher.utter_message(text=message("on_behalf"))
            elif asks_if_i_count(text):  # "I'm a researcher, can I take part?"
                dispatcher.utter_message(text=message("you_count"))
            elif key := involvement_key(text):  # "I started this on X yesterday, carry on?"
                dispatcher.utter_message(text=involvement_text(key))
            for response in (PRIVACY_NOTICE, "utter_ask_consent"):
                dispatcher.utter_message(response=response)
            return [FollowupAction("action_listen")]
        return record(dispatcher, tracker, domain, agreed)


TAKEN_PART = ("playback", "closed")


def taken_part(tracker: Tracker) -> bool:
    """The business agreed and the questions are done (the play-back or after it)."""
    return tracker.get_slot("consent") is True and tracker.get_slot("stage") in TAKEN_PART


def not_a_withdrawal(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[dict[str, Any]]:
    """Answer what was asked (or keep the change at the play-back), consent unchanged, and
    wait: the play-back's question again, or after the goodbye what can still be done."""
    from actions.faq import answer_aside, answer_question
    from actions.playback_views import keep_view_at_playback
    from bot.consultation.playback_text import summary

    if email_changed_after_close(dispatcher, tracker):
        # "Sorry, I've just realised I gave you my old address. It should be ..." read as
        # declining (set CZ kept the old address)
        return [FollowupAction("action_listen")]
    if tracker.get_slot("stage") == "playback":
        if confirms(latest_text(tracker)):
            # "I have read it through and have nothing to add or correct." read as declining
            # (set DX was shown the play-back question again): the play-back accepted
            from actions.playback import playback_confirmed

            return playback_confirmed(dispatcher)
        if keep_view_at_playback(dispatcher, tracker):
            dispatcher.utter_message(text=summary(tracker.sender_id))
        else:
            answer_aside(dispatcher, tracker)
        dispatcher.utter_message(response="utter_ask_playback_ok")
    elif answer_aside(dispatcher, tracker):
        pass
    elif looks_like_question(latest_text(tracker)):
        answer_question(dispatcher, tracker)  # "when will anyone decide?": the FAQ answer
    else:
        dispatcher.utter_message(text=message("closed_more"))
    return [FollowupAction("action_listen")]


def asks_aside(text: str) -> bool:
    """A question about the chat or staying involved ("can my colleague have a go too?"),
    not a wish to take part again."""
    return steps_aside(text) or involvement_reply(text) is not None
