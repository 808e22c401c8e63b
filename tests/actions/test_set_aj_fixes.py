"""What set AJ of unseen conversations (benchmarks/data/conversation_probe_aj.yml) found,
fixed and kept so (paraphrases the set does not use): a town given at the name question is
filed as the town and the name asked again; "what was the question again?" with a few
words of why is asked again, not kept; "going back to the X one, ..." keeps the view against
that question; yes and no in Hindi and Urdu; a dash-led signature on every message is not
part of the answer."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.channels.text import clean_message
from bot.consultation import service
from bot.consultation.asides import asks_what_the_question_means
from bot.consultation.navigation import go_back
from bot.consultation.profile_places import only_where
from bot.consultation.replies import says_no, says_yes
from tests.actions.conftest import make_tracker, stored_business, validate_strategy_answer

ROADS = "seabed:infrastructure:views"
GREEN = "seabed:environment_quality_of_life:views"


@pytest.mark.parametrize(
    "text, town",
    [
        ("we're based in Olney btw", "Olney"),
        ("oh we're in Great Missenden by the way", None),  # "oh" first: not only where
        ("Olney Joinery", None),
        ("we're Olney Joinery in Olney", None),  # the name, with its town
    ],
)
def test_a_town_alone_at_the_name_question(text: str, town: str | None) -> None:
    assert only_where(text) == town


def test_a_town_at_the_name_question_is_filed_and_the_name_asked_again(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("aj-town", "rest", True)
    text = "we're based in Olney btw"
    tracker = make_tracker("aj-town", text, slots={"requested_slot": "organisation"})
    result = ValidateProfileForm().validate_organisation(
        text, CollectingDispatcher(), tracker, domain
    )
    assert result == {"organisation": None, "location": "Olney"}
    assert stored_business("aj-town").location == "Olney"


@pytest.mark.parametrize(
    "text, asks",
    [
        ("sorry, what was the question again? the phone went", True),
        ("@btvlep can you repeat the question? got distracted", True),
        ("what was the question again? the A41 is a nightmare though", False),  # a view too
    ],
)
def test_asking_for_the_question_again(text: str, asks: bool) -> None:
    assert asks_what_the_question_means(text) is asks


def test_asking_for_the_question_again_keeps_nothing(database_url: str) -> None:
    service.record_consent("aj-again", "rest", True)
    slots = {"seabed": ["environment_quality_of_life"], "pending_questions": [GREEN]}
    text = "sorry, what was the question again? the phone went"
    result, _ = validate_strategy_answer("seabed_answer", "aj-again", text, slots)
    assert result == {"seabed_answer": None}
    assert service.recorded_answers("aj-again") == []


def test_going_back_to_a_question_by_its_theme() -> None:
    part = [ROADS, GREEN]
    text = "sorry, going back to the infrastructure one - the broadband at our unit is useless"
    back = go_back(text, GREEN, part)
    assert back is not None and back.key == ROADS and back.by_name
    assert back.view == "the broadband at our unit is useless"
    assert go_back("can we go back to the other one?", GREEN, part) is None


def test_a_view_for_a_skipped_question_named_by_its_theme_is_kept_there(
    database_url: str,
) -> None:
    service.record_consent("aj-back", "rest", True)
    slots = {
        "seabed": ["infrastructure", "environment_quality_of_life"],
        "pending_questions": [GREEN],
    }
    text = "sorry, going back to the infrastructure one - the broadband at our unit is useless"
    result, _ = validate_strategy_answer("seabed_answer", "aj-back", text, slots)
    assert result == {"seabed_answer": None}  # the environment question asked again
    kept = [(a.question_key, a.text) for a in service.recorded_answers("aj-back")]
    assert kept == [(ROADS, "the broadband at our unit is useless")]


@pytest.mark.parametrize(
    "text, yes, no",
    [
        ("haan ji, theek hai", True, False),
        ("@btvlep bilkul", True, False),
        ("nahin, shukriya", False, True),
        ("nahi, the A41 is the problem", False, False),  # a view after the no
    ],
)
def test_yes_and_no_in_hindi_and_urdu(text: str, yes: bool, no: bool) -> None:
    assert (says_yes(text), says_no(text)) == (yes, no)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Yes please.\n- Sam, Wendover Woodcraft", "Yes please."),
        ("the A413 floods\n-- Sam", "the A413 floods"),
        (
            "Three things:\n- rents\n- roads\n- Staff, Training",
            "Three things:\n- rents\n- roads\n- Staff, Training",
        ),
        ("- Sam, Wendover Woodcraft", "- Sam, Wendover Woodcraft"),  # nothing else said
        ("we need staff\n- Rent", "we need staff\n- Rent"),  # a last point, not a name
    ],
)
def test_a_signature_line_is_not_part_of_the_message(text: str, kept: str) -> None:
    assert clean_message(text) == kept
