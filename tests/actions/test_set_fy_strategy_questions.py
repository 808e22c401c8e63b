"""What set FY of unseen conversations (owners asking about the strategy itself before and
between answers) found in the actions: "Before the barriers one, when does this
consultation close? ..." was kept as the barriers answer; "Does this strategy actually
cover businesses like mine, or is it all film studios and rockets?" got one island's
description; "How would I get to see the finished strategy once it's published?" the
Board's date with no word of the follow-up email; "who came up with these seabed things"
and "can i email over our full proposal as well? its a 6 page pdf" at the seabed choice
"didn't catch"; "does this strategy say anything about net zero" the focus; "is there an
actual person at the lep i can talk to ...?" was kept as the skills answer. Now each is
answered from seeds/ and the same question asked again, nothing kept or chosen; phrasings
the set did not use are checked too, and views beside such words are still kept."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import (
    CONSENT_SHOWN,
    answered,
    make_tracker,
    validate_strategy_answer,
)

AT_BARRIERS = {
    "pending_questions": ["island:creative_digital:barriers", "island:creative_digital:help"],
    "islands": ["creative_digital"],
}
AT_SKILLS = {
    "pending_questions": ["seabed:education_skills:views"],
    "islands": ["space"],
    "seabed": ["education_skills"],
}
PLAYBACK = {"stage": "playback", "consent": True}


def _at(slot: str, sender: str, text: str, slots: dict[str, Any]) -> tuple[Any, list[str]]:
    service.record_consent(sender, "rest", True)
    return validate_strategy_answer(slot, sender, text, slots)


def _choose(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    service.record_consent(sender, "rest", True)
    slots = {"islands": [], "requested_slot": "seabed"}
    tracker = make_tracker(sender, text, "inform", slots=slots, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = choose("seabed", "seabed_answer", text, sent, tracker)
    return result, [m.get("text") or m.get("response") or "" for m in sent.messages]


@pytest.mark.parametrize(
    "text",
    [
        "Before the barriers one, when does this consultation close? I'd like to send it round "
        "the rest of the team first.",
        "before this question, when does the survey close? might get my partner to add something",
        "Before that one, who actually reads these? just curious",
    ],
)
def test_a_question_before_the_question_named_is_answered_not_kept(
    text: str, database_url: str
) -> None:
    result, sent = _at("island_answer", "fy1", text, AT_BARRIERS)
    assert result == {"island_answer": None}  # the barriers question again, not help
    assert sent and all("what would help" not in s for s in sent)
    assert service.recorded_answers("fy1") == []


def test_a_view_after_the_question_named_is_still_kept(database_url: str) -> None:
    text = "Before the barriers one, the rents at the studios are far too high for us."
    result, _ = _at("island_answer", "fy2", text, AT_BARRIERS)
    assert result["pending_questions"] == AT_BARRIERS["pending_questions"][1:]
    assert [a.text for a in service.recorded_answers("fy2")] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep is there an actual person at the lep i can talk to about the space supply "
        "chain? bots fine but id rather talk it through",
        "Is there a real person I can speak to? Happy to carry on here meanwhile",
        "can I talk to a human?",
    ],
)
def test_a_person_to_talk_to_is_the_contact_and_the_question_again(
    text: str, database_url: str
) -> None:
    result, sent = _at("seabed_answer", "fy3", text, AT_SKILLS)
    assert result == {"seabed_answer": None}
    # the contact from the seeds (the FAQ's answer, or the reply to "put me in touch")
    assert len(sent) == 1 and (sent[0] == "utter_faq/human" or "Lisa McCance" in sent[0])
    assert service.recorded_answers("fy3") == []


def test_nobody_at_the_council_to_talk_to_is_still_a_view(database_url: str) -> None:
    text = "is there anyone at the council we can talk to about planning? it takes months"
    _at("seabed_answer", "fy4", text, AT_SKILLS)
    assert [a.text for a in service.recorded_answers("fy4")] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep who came up with these seabed things anyway, was it businesses or just officials",
        "who chose the drivers?",
        "so who actually picked these",
    ],
)
def test_who_came_up_with_the_lists_is_the_steering_group(text: str, database_url: str) -> None:
    result, sent = _choose("fy5", text)
    assert result == {"seabed": None}  # nothing chosen, the choice again
    assert len(sent) == 1 and "steering group" in sent[0]


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep can i email over our full proposal as well? its a 6 page pdf",
        "Could we send you a written response too?",
    ],
)
def test_a_pdf_at_the_choice_is_where_to_send_it(text: str, database_url: str) -> None:
    result, sent = _choose("fy6", text)
    assert result == {"seabed": None}
    assert sent == [message("written_response_at_choice")]
    assert "sharedintelligence.net" in sent[0] and "in a sentence" not in sent[0]


def test_businesses_like_mine_before_agreeing_is_the_whole_focus(
    domain: dict[str, Any],
) -> None:
    text = (
        "Hello. Does this strategy actually cover businesses like mine, or is it all film "
        "studios and rockets?"
    )
    sent = answered(text, "focus", 0.9, events=CONSENT_SHOWN, domain=domain)
    assert len(sent) == 1
    assert "seabed drivers matter to every business" in sent[0]
    assert not sent[0].startswith("Creative and digital economy is one of")


def test_a_theme_as_the_subject_is_still_that_theme(domain: dict[str, Any]) -> None:
    text = "is high performance technology just Formula One, or does it cover firms like us?"
    sent = answered(text, "focus", 0.9, active_loop="strategy_form", domain=domain)
    assert sent[0].startswith("High performance technology is one of")


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep does this strategy say anything about net zero or is that a separate thing",
        "does the plan mention net zero at all?",
    ],
)
def test_net_zero_is_the_national_strategys_clean_growth(text: str, domain: dict[str, Any]) -> None:
    sent = answered(text, "focus", 0.9, events=CONSENT_SHOWN, domain=domain)
    assert sent == ["utter_faq/national_strategy"]
    national = domain["responses"]["utter_faq/national_strategy"][0]["text"]
    assert "clean growth" in national


def test_seeing_the_finished_strategy_at_the_play_back_is_the_follow_up_email(
    database_url: str,
) -> None:
    service.record_consent("fy7", "rest", True)
    text = "How would I get to see the finished strategy once it's published?"
    sent = answered(text, "next_steps", 0.8, "fy7", PLAYBACK)
    assert len(sent) == 1 and "follow-up email" in sent[0]
    assert service.recorded_answers("fy7") == []
