"""Sets CJ (respondents who are not a typical business) and CK (requests outside the
consultation's scope) of unseen conversations on their first run, 3 / 12 and 2 / 12:
"can a school take part too?" told what the strategy focuses on; head counts with
volunteers read as questions; "3 staff, about 70 members" kept as typed; "None of these
apply to a housing association" choosing housing growth; a business rates, pothole,
planning or bins request, a phone number, a CV for Pinewood and help with a grant
application kept as answers or read as choices."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from bot.consultation import service
from bot.consultation.boundaries import boundary_reply
from bot.consultation.head_count import size_band_for
from bot.consultation.none_choice import means_none
from bot.consultation.out_of_scope import out_of_scope_reply
from bot.consultation.questions import message
from bot.consultation.standing import asks_if_i_count
from bot.nlu.reply_intents import certain_intent
from tests.actions.conftest import make_tracker, texts


@pytest.mark.parametrize(
    "text",
    [
        "Hello. I'm the business manager at a secondary school in High Wycombe. Is this only "
        "for businesses, or can a school take part too?",
        "@btvlep hello, im the clerk to a parish council near aylesbury. is this just for "
        "businesses or can a parish council have its say?",
        "Hi! I'm the students' union president at a further education college, so we're "
        "students, not a business. Are students allowed to do this?",
    ],
)
def test_a_school_a_parish_council_and_students_count(text: str) -> None:
    assert asks_if_i_count(text)


def test_not_asking_whether_they_count() -> None:
    assert not asks_if_i_count("can the council buy from small firms?")


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            "Three paid staff, all part time, and about 25 volunteers who refurbish the laptops.",
            "Micro (1-9 staff)",
        ),
        ("@btvlep 3 staff, about 70 members who arent employed by us", "Micro (1-9 staff)"),
        ("40 members of staff", "Small (10-49 staff)"),
    ],
)
def test_volunteers_and_members_are_not_staff(text: str, band: str) -> None:
    assert size_band_for(text) == band
    assert certain_intent(text, "faq") == "inform"


def test_none_apply_to_us() -> None:
    assert means_none("None of these apply to a housing association, as far as I can see.")
    assert not means_none("none of them, but space matters")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Sorry, before I answer that: who do I talk to about my business rates?",
            "council_services",
        ),
        (
            "@btvlep before that, i want to report a pothole on oxford road, who do i tell",
            "council_services",
        ),
        (
            "Separate thing: I'd like to complain about the council's bin collections.",
            "council_services",
        ),
        ("@btvlep whats the leps phone number? id rather ring someone", "person_to_contact"),
        (
            "Quick favour before that: could you pass my nephew's CV to someone at Pinewood? "
            "He's just finished a course.",
            "person_to_contact",
        ),
        (
            "Before I choose: can you help me fill in a grant application for the heat pumps?",
            "no_grant_help",
        ),
    ],
)
def test_a_request_the_consultation_cannot_meet(text: str, key: str) -> None:
    assert out_of_scope_reply(text) == key
    assert boundary_reply(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "the potholes on the lanes are awful and the council never fixes them",
        "we need help with planning applications, the council is so slow",
        "@btvlep can u put me in touch with someone at westcott? what would help most is a "
        "test chamber we could rent by the day",
    ],
)
def test_a_view_is_no_request(text: str) -> None:
    assert out_of_scope_reply(text) is None


def test_a_request_at_a_question_is_answered_and_not_kept(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("ck-phone", "rest", True)
    key = "island:medical_technologies:barriers"
    text = "@btvlep whats the leps phone number? id rather ring someone"
    slots = {"pending_questions": [key], "islands": ["medical_technologies"]}
    tracker = make_tracker("ck-phone", text, slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert result.get("island_answer") is None
    assert message("person_to_contact") in texts(dispatcher)
    assert service.recorded_answers("ck-phone") == []


def test_a_count_then_who_it_takes_in() -> None:
    assert size_band_for("17 inc 3 apprentices") == "Small (10-49 staff)"
    assert size_band_for("about 8 incl me") == "Micro (1-9 staff)"


def test_what_a_request_is_for_is_part_of_it() -> None:
    text = "Before I choose: can you help me fill in a grant application? It's for a new van."
    assert out_of_scope_reply(text) == "no_grant_help"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Can you chase my planning application for a new polytunnel? It's been stuck 9 "
            "months and the planning office is the real barrier.",
            "council_services",
        ),
        (
            "@btvlep can u pass this to highways? the potholes on the lanes round amersham "
            "wreck my van",
            "council_services",
        ),
        (
            "@btvlep can u put me in touch with someone at westcott? what would help most is a "
            "test chamber we could rent by the day",
            "person_to_contact",
        ),
    ],
)
def test_a_request_beside_a_view_is_answered_and_the_view_kept(text: str, key: str) -> None:
    from bot.consultation.out_of_scope import request_beside_view

    assert out_of_scope_reply(text) is None  # the view is kept as the answer
    assert request_beside_view(text) == key


@pytest.mark.parametrize(
    "text",
    [
        # set BY: what would help, not a favour asked of the bot
        "The spinal injuries centre at Stoke Mandeville could put us in touch with device "
        "makers, so their kit gets tested with our clients at home.",
        "we want to expand but planning permission takes 9 months",
        "Could someone at the council fix the potholes on our lane?",
    ],
)
def test_a_wish_is_no_request(text: str) -> None:
    assert out_of_scope_reply(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "how can we get planning permission when the council takes 9 months?",  # a view
        "can you help with export licences?",  # no council's
    ],
)
def test_not_a_council_service(text: str) -> None:
    assert out_of_scope_reply(text) != "council_services"
