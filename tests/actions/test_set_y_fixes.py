"""What set Y of unseen conversations (benchmarks/data/conversation_probe_y.yml) found,
fixed in the actions and kept so (paraphrases the set does not use): the terms of a yes to
the follow-up email kept where staff read them; a no that keeps the views deletes nothing;
a decline NLU read into a question after the goodbye or into taking one answer out at the
play-back leaves consent alone; staying involved answered, not kept as a view; a short
answer put right by its words at the play-back replaced."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.close import ValidateContactForm
from actions.consent import PRIVACY_NOTICE, ActionRecordConsent
from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion
from actions.playback_views import keep_view_at_playback
from bot.consultation import service
from bot.consultation.questions import message
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import (
    action_event,
    make_tracker,
    run,
    slot_sets,
    stored_business,
    texts,
)

SKILLS = "seabed:education_skills:views"
ROADS = "seabed:infrastructure:views"


def _consulted(sender: str, *views: tuple[str, str]) -> None:
    service.record_consent(sender, "rest", True)
    for key, text in views or ((SKILLS, "we'd take on two apprentices if someone did the forms"),):
        service.record_answer(sender, "rest", text, key, None)


def _follow_up(sender: str, text: str, intent: str = "inform") -> tuple[dict[str, Any], list[str]]:
    tracker = make_tracker(
        sender, text, intent, slots={"requested_slot": "follow_up"}, active_loop="contact_form"
    )
    sent = CollectingDispatcher()
    result = ValidateContactForm().validate_follow_up(text, sent, tracker, {})
    return result, texts(sent)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("go on then, but not until after Easter please", "not until after Easter"),
        ("keep me posted, email only, no phone calls", "no phone calls"),
        ("yes please, just about grants and training", "just about grants"),
    ],
)
def test_the_terms_of_a_yes_are_kept_for_staff(database_url: str, text: str, terms: str) -> None:
    _consulted("y-terms")
    result, _ = _follow_up("y-terms", text)
    assert result == {"follow_up": True}  # the address is asked next
    kept = [a for a in service.recorded_answers("y-terms") if a.question_key == "follow_up"]
    assert len(kept) == 1 and terms in kept[0].text


def test_terms_with_the_address_keep_both(database_url: str) -> None:
    _consulted("y-both")
    result, replies = _follow_up("y-both", "sure, but not before March: dan@olneyprint.co.uk")
    assert result["email"] == "dan@olneyprint.co.uk"
    assert stored_business("y-both").email == "dan@olneyprint.co.uk"
    kept = [a.text for a in service.recorded_answers("y-both") if a.question_key == "follow_up"]
    assert kept == ["sure, but not before March"]


def test_a_view_at_the_follow_up_question_is_still_a_view(database_url: str) -> None:
    _consulted("y-view")
    text = "oh and one more thing, the broadband on the estate is rubbish every afternoon"
    result, replies = _follow_up("y-view", text)
    assert result == {"follow_up": None}
    assert [a.question_key for a in service.recorded_answers("y-view")][-1] == "after_close"


@pytest.mark.parametrize(
    "text",
    [
        "no more emails thanks, but keep what I said",
        "don't email me, happy for you to use my answers",
    ],
)
def test_no_contact_but_keep_my_views(database_url: str, domain: dict[str, Any], text: str) -> None:
    _consulted("y-no")
    # read by NLU as a question ("contact", "email"): answered as the follow-up's no
    tracker = make_tracker(
        "y-no", text, "faq", slots={"requested_slot": "follow_up"}, active_loop="contact_form"
    )
    events = run(ActionAnswerQuestion().run(CollectingDispatcher(), tracker, domain))
    assert slot_sets(events)["follow_up"] is False
    assert stored_business("y-no").follow_up is False
    assert len(service.recorded_answers("y-no")) == 1  # nothing deleted


@pytest.mark.parametrize(
    "text",
    [
        "can I pass the link on to my business partner?",
        "our manager would like to fill this in as well",
    ],
)
def test_a_question_read_as_a_decline_after_the_goodbye_keeps_consent(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    _consulted("y-colleague")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "y-colleague", text, "consent_decline", slots={"consent": True, "stage": "closed"}
    )
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert "share this page" in " ".join(texts(dispatcher))
    assert "consent" not in slot_sets(events)
    assert stored_business("y-colleague").consent is True


def test_a_real_withdrawal_after_the_goodbye_still_withdraws(
    database_url: str, domain: dict[str, Any]
) -> None:
    _consulted("y-out")
    tracker = make_tracker(
        "y-out",
        "actually I don't want to take part any more",
        "consent_decline",
        slots={"consent": True, "stage": "closed"},
    )
    events = run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))
    assert slot_sets(events)["consent"] is False


@pytest.mark.parametrize(
    "text",
    [
        "can you remove my comment about the rates team",
        "please don't use what I said about the council",
    ],
)
def test_one_answer_taken_out_at_the_play_back(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    _consulted(
        "y-take",
        ("seabed:intelligent_public_services:views", "the council's rates team lost our appeal"),
        (SKILLS, "we can't find apprentice electricians near Chesham"),
    )
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "y-take", text, "consent_decline", slots={"consent": True, "stage": "playback"}
    )
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert "taken out" in " ".join(texts(dispatcher))
    assert "consent" not in slot_sets(events)
    assert [a.question_key for a in service.recorded_answers("y-take")] == [SKILLS]


def test_a_short_answer_put_right_by_its_words_is_corrected(database_url: str) -> None:
    _consulted("y-fix", (ROADS, "the A40 through Wycombe is solid at 8"))
    dispatcher = CollectingDispatcher()
    text = "sorry, the A404 not the A40, it's solid at 8"
    tracker = make_tracker("y-fix", text, "deny", slots={"stage": "playback"})
    assert keep_view_at_playback(dispatcher, tracker)
    assert [a.text for a in service.recorded_answers("y-fix")] == [
        f"the A40 through Wycombe is solid at 8 [corrected: {text}]"
    ]


@pytest.mark.parametrize(
    "text",
    ["could I join one of your working groups?", "will we find out what the board decided?"],
)
def test_staying_involved_after_the_goodbye_is_not_kept(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    _consulted("y-join")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "y-join", text, "nlu_fallback", slots={"consent": True, "stage": "closed"}
    )
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert "Lisa McCance" in " ".join(texts(dispatcher)) or "11 January" in " ".join(
        texts(dispatcher)
    )
    assert len(service.recorded_answers("y-join")) == 1


def test_a_pdf_offered_at_a_question_is_not_the_answer(database_url: str) -> None:
    _consulted("y-pdf")
    text = "can I email you our written response instead? it's all in there"
    tracker = make_tracker(
        "y-pdf",
        text,
        slots={"pending_questions": [ROADS], "seabed": ["infrastructure"]},
        active_loop="strategy_form",
    )
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, sent, tracker, {})
    assert result == {"seabed_answer": None}
    assert "Lisa.McCance@sharedintelligence.net" in " ".join(texts(sent))
    assert len(service.recorded_answers("y-pdf")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "can my colleague have a go too? I'll send her the link",  # the e2e test's
        "could my business partner do it as well?",
        "are you a bot?",
    ],
)
def test_an_aside_read_as_agreeing_after_the_goodbye_does_not_start_again(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    _consulted("y-again")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "y-again", text, "consent_agree", slots={"consent": True, "stage": "closed"}
    )
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {}  # no new consent, no profile form
    assert "organisation" not in " ".join(texts(dispatcher))


def test_taking_part_again_after_the_goodbye_still_starts(
    database_url: str, domain: dict[str, Any]
) -> None:
    _consulted("y-more")
    tracker = make_tracker(
        "y-more",
        "yes I'd like to take part",
        "consent_agree",
        slots={"consent": True, "stage": "closed"},
        events=[action_event(PRIVACY_NOTICE)],
    )
    events = run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))
    assert slot_sets(events)["stage"] == "profile"


@pytest.mark.parametrize(
    "text",
    [
        "I started this on X yesterday, can I carry on here?",
        "hello - I began the chat on twitter, can I finish it on the website",
    ],
)
def test_a_first_message_about_a_chat_begun_elsewhere_is_answered(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    # NLU reads it as consent_agree: welcomed, told the chats are separate, then the
    # notice and the consent question; nothing is recorded before the notice
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("y-elsewhere", text, "consent_agree", slots={})
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    sent = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert sent == ["utter_welcome", message("other_channel"), PRIVACY_NOTICE, "utter_ask_consent"]
    assert slot_sets(events) == {}
    with session_scope() as session:
        assert (
            session.scalars(select(Business).where(Business.sender_id == "y-elsewhere")).all() == []
        )


def test_a_first_yes_says_nothing_about_other_chats(
    database_url: str, domain: dict[str, Any]
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("y-plainyes", "yes happy to take part", "consent_agree", slots={})
    run(ActionRecordConsent().run(dispatcher, tracker, domain))
    sent = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert sent == ["utter_welcome", PRIVACY_NOTICE, "utter_ask_consent"]
