"""What set AL of unseen conversations (benchmarks/data/conversation_probe_al.yml) found,
fixed and kept so (paraphrases the set does not use): formal confirmations of the play-back
("That is an accurate summary, thank you."); a yes that says whom it speaks for ("Yes, on
behalf of the council."); a sector change asked for with a question mark at an island
question; head counts beside sites and shifts; "not email" with a request to be phoned; no
dedicated space as premises."""

from __future__ import annotations

import pytest

from bot.consultation import service
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.email_text import no_email_given
from bot.consultation.head_count import size_band_for
from bot.consultation.profile import asks_sector_change
from bot.nlu.reply_intents import certain_intent
from bot.tagging.needs import stated_needs
from tests.actions.conftest import stored_business, validate_strategy_answer


@pytest.mark.parametrize(
    "text, intent",
    [
        ("That is an accurate summary, thank you.", "affirm"),
        ("Yes, that reflects our position.", "affirm"),
        ("@btvlep Yes, that is correct.", "affirm"),
        ("This fairly captures our views", "affirm"),
        ("that is correct but add skills", None),  # a change to make
        ("that is a summary of what the council thinks", None),
    ],
)
def test_a_formal_confirmation_of_the_play_back(text: str, intent: str | None) -> None:
    assert certain_intent(text, "faq") == intent


@pytest.mark.parametrize(
    "text, agrees",
    [
        ("@btvlep Yes, on behalf of the council.", True),
        ("Yes, I'm responding on behalf of Lacey Green Parish Council", True),
        ("sure, for the school", True),
        ("yes on behalf of the trust but not now", False),  # put off
        ("yes for the love of god no", False),
    ],
)
def test_a_yes_that_says_whom_it_speaks_for(text: str, agrees: bool) -> None:
    assert agrees_to_take_part(text) is agrees


@pytest.mark.parametrize(
    "text, asks",
    [
        ("@btvlep Before I answer - can you change our sector to warehousing? we don't haul", True),
        ("could you update the sector to events catering please", True),
        ("which sectors does the strategy cover?", False),
    ],
)
def test_asking_for_the_sector_to_change(text: str, asks: bool) -> None:
    assert asks_sector_change(text) is asks
    assert (certain_intent(text, "faq") == "inform") is asks


def test_a_sector_change_asked_at_an_island_question_is_filed_not_answered(
    database_url: str,
) -> None:
    service.record_consent("al-sector", "rest", True)
    service.save_profile("al-sector", "rest", sector="Haulage")
    key = "island:intelligent_mobility:opportunities"
    slots = {"islands": ["intelligent_mobility"], "pending_questions": [key], "sector": "Haulage"}
    text = "Before I answer - can you change our sector to warehousing and distribution?"
    result, sent = validate_strategy_answer("island_answer", "al-sector", text, slots)
    assert result["island_answer"] is None and result["sector"] == "warehousing and distribution"
    assert stored_business("al-sector").sector == "warehousing and distribution"
    assert service.recorded_answers("al-sector") == []  # no view kept
    assert not any("islands" in line for line in sent)  # not what the strategy covers


@pytest.mark.parametrize(
    "text, band",
    [
        ("Approximately 6,200 staff across three sites", "Large (250+ staff)"),
        ("about 140 on two shifts", "Medium (50-249 staff)"),
        ("12 staff in 2 shops", "Small (10-49 staff)"),
    ],
)
def test_a_head_count_beside_sites_and_shifts(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    "text, none_given",
    [
        ("@btvlep not email, im under a horse all day. can someone phone me instead?", True),
        ("not emails please, ring me", True),
        ("this is not email spam, honest", False),
    ],
)
def test_not_email(text: str, none_given: bool) -> None:
    assert no_email_given(text) is none_given


def test_no_dedicated_space_is_premises() -> None:
    clause = "There is no dedicated space near the hospital where small companies can work"
    assert "infrastructure" in stated_needs([clause])
