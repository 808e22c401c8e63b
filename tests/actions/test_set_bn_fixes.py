"""Set BN of unseen conversations (ordinary whole consultations from firms no earlier set
had) on its first run: "Hi, what's the LEP exactly? Before I agree to anything" was read as
agreeing and not answered; "*recruit" after an answer was "added" to it; "Both please!" to
the follow-up question was "a yes or a no?"; "Vending machines, 4 of us" was filed whole as
the sector; parking, a module at Bucks New Uni and loading bays lost their themes."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.consultation import ValidateStrategyForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.consent_reply import asks_before_agreeing
from bot.consultation.contact_terms import contact_reply
from bot.consultation.questions import message
from bot.nlu.reply_intents import certain_intent
from bot.tagging.needs import stated_needs
from bot.tagging.stated_views import stated_views
from tests.actions.conftest import make_tracker, stored_business, texts, user_event

SKILLS, ROADS = "seabed:education_skills:views", "seabed:infrastructure:views"


@pytest.mark.parametrize(
    ("text", "holds_back"),
    [
        ("Hi, what's the LEP exactly? Before I agree to anything", True),
        ("who reads this? before we say yes", True),
        ("what's the LEP exactly?", False),  # a question, but no yes held back
        ("yes, before I forget, we're in Olney", False),  # no question
    ],
)
def test_a_question_before_agreeing(text: str, holds_back: bool) -> None:
    assert asks_before_agreeing(text) is holds_back


def test_nlu_s_yes_to_a_question_before_agreeing_becomes_the_question() -> None:
    text = "Hi, what's the LEP exactly? Before I agree to anything"
    assert certain_intent(text, "consent_agree") == "faq"
    assert certain_intent("yes go on", "consent_agree") == "consent_agree"


def test_a_starred_typo_fix_is_said_to_be_put_right_not_added(database_url: str) -> None:
    service.record_consent("bn-star", "rest", True)
    before = "We can't recuit fitters who can template stone worktops"
    service.record_answer("bn-star", "rest", before, SKILLS, None)
    dispatcher = CollectingDispatcher()
    slots = {"seabed": ["education_skills", "infrastructure"], "pending_questions": [ROADS]}
    tracker = make_tracker(
        "bn-star",
        "*recruit",
        "inform",
        slots=slots,
        events=[user_event(before)],
        active_loop="strategy_form",
    )
    result = ValidateStrategyForm().validate_seabed_answer("*recruit", dispatcher, tracker, {})
    assert result == {"seabed_answer": None}  # the infrastructure question again
    assert texts(dispatcher) == [message("corrected_last")]
    assert message("corrected_last") != message("added_to_last")
    [answer] = service.recorded_answers("bn-star")
    assert answer.question_key == SKILLS and answer.text.startswith(before)


@pytest.mark.parametrize("text", ["Both please!", "both", "yes both please", "Both of them thanks"])
def test_both_to_the_follow_up_question_is_a_yes(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("bn-both", "rest", True)
    result = ValidateContactForm().validate_follow_up(
        text, dispatcher, make_tracker("bn-both", text, "nlu_fallback"), domain
    )
    assert result == {"follow_up": True}


def test_both_in_a_sentence_is_not_a_yes() -> None:
    assert contact_reply("both of us are busy") is None


@pytest.mark.parametrize(
    ("text", "sector", "band", "place"),
    [
        ("Vending machines, 4 of us", "Vending machines", "Micro (1-9 staff)", None),
        ("care home, 30 staff, in Chesham", "care home", "Small (10-49 staff)", "Chesham"),
        (  # set BL: two sentences
            "Arable and free range eggs. There's 3 of us partners and 2 lads full time",
            "Arable and free range eggs",
            "Micro (1-9 staff)",
            None,
        ),
        ("Software, in healthcare", "Software, in healthcare", None, None),  # no place
    ],
)
def test_the_sector_with_a_head_count_or_town_keeps_the_trade_alone(
    text: str,
    sector: str,
    band: str | None,
    place: str | None,
    database_url: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    service.record_consent("bn-sector", "rest", True)
    result = ValidateProfileForm().validate_sector(
        text, dispatcher, make_tracker("bn-sector", text), domain
    )
    assert result["sector"] == sector
    assert result.get("size_band") == band and result.get("location") == place
    business = stored_business("bn-sector")
    assert (business.sector, business.size_band, business.location) == (sector, band, place)


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("a drone survey module at bucks new uni", "education_skills"),
    ],
)
def test_a_need_set_bn_lost(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "there's nowhere legal to park a van on the new estates",
        "the council put the car park by the surgery up to £6 a day",
        "loading bays on the new estates not just double yellows",
        "cant park the van on the new estates to do a job",
    ],
)
def test_parking_set_bn_lost(clause: str) -> None:
    assert "infrastructure" in stated_views([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "our sensors tell drivers which parking bays are free",  # a mobility product
        "the council's parking permits still need a paper form",  # a public service
        "we don't have any trouble with parking",
    ],
)
def test_parking_that_is_no_complaint(clause: str) -> None:
    assert "infrastructure" not in stated_views([clause])
