"""What the fifth set of unseen conversations (benchmarks/data/conversation_probe_e.yml)
found in reading replies, tested without Rasa."""

from __future__ import annotations

import pytest

from bot.consultation.profile import head_count_given, plain_profile_answer, size_band_for


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("5 paid staff and about 40 volunteers", "Micro (1-9 staff)"),
        ("12 staff, 30+ volunteers", "Small (10-49 staff)"),
        ("3 of us plus 6 trustees", "Micro (1-9 staff)"),
    ],
)
def test_volunteers_and_trustees_are_not_staff(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("bespoke joinery, there's 14 of us", "Small (10-49 staff)"),
        ("accountancy practice with 60 staff", "Medium (50-249 staff)"),
        ("Chesham, team of 4", "Micro (1-9 staff)"),
    ],
)
def test_a_head_count_given_with_another_answer(text: str, band: str) -> None:
    assert head_count_given(text) == band


@pytest.mark.parametrize("text", ["Unit 14, Cressex", "A41 Services", "bespoke joinery"])
def test_no_head_count_given(text: str) -> None:
    assert head_count_given(text) is None


@pytest.mark.parametrize("text", ["Penn Street Joinery", "Lane End", "Kingsbrook Vets Ltd"])
def test_a_name_or_place_is_a_plain_profile_answer(text: str) -> None:
    assert plain_profile_answer(text)


@pytest.mark.parametrize(
    "text", ["privacy?", "what's the Arc", "who can I talk to", "data protection", "the LEP"]
)
def test_a_question_or_faq_topic_is_not_a_plain_profile_answer(text: str) -> None:
    assert not plain_profile_answer(text)
