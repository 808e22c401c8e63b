"""Replies found in unseen conversations (benchmarks/conversation_probe.py), read without
Rasa: greetings and dots mid-question, a corrected answer, a changed choice, skipping the
rest, and profile answers as typed ("we're about 30", "its called ...")."""

from __future__ import annotations

import pytest

from bot.consultation.profile import size_band_for, strip_lead_in, tidy_profile_answer
from bot.consultation.replies import (
    after_change_of_mind,
    corrects_last_answer,
    greeting_only,
    holding,
    skips_the_rest,
)


@pytest.mark.parametrize(
    "text",
    ["hello?", "Hi, sorry, got distracted", "you still there?", "hiya i'm back", "...", "??"],
)
def test_greetings_and_dots_mid_question_hold(text: str) -> None:
    assert holding(text)


@pytest.mark.parametrize(
    "text",
    ["Hello Fresh Ltd", "hi, the A413 is a nightmare", "-", "👍", "Aylesbury", "Sorry Nails"],
)
def test_answers_skips_and_emoji_do_not_hold(text: str) -> None:
    assert not holding(text)


def test_greeting_only_is_whole_reply() -> None:
    assert greeting_only("good morning")
    assert not greeting_only("good morning, we need more parking")


@pytest.mark.parametrize(
    "text",
    [
        "sorry I meant Silverstone Park, not the track",
        "Correction: the A418 not the A413",
        "no, I meant the bypass",
        "oops that should say Marlow",
        "scratch that, it's the rents",
    ],
)
def test_corrections_of_the_last_answer(text: str) -> None:
    assert corrects_last_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "I mean the rail line is the real problem",
        "actually we need more staff",
        "should be more funding for start-ups",
        "not sure, maybe skills",
    ],
)
def test_answers_that_only_sound_like_corrections(text: str) -> None:
    assert not corrects_last_answer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("space - no wait, medical technologies", "medical technologies"),
        ("film, actually no, space", "space"),
        ("space and film", "space and film"),
        ("space and actually film too", "space and actually film too"),
        ("mobility, or rather space", "space"),
    ],
)
def test_a_changed_choice_keeps_what_follows(text: str, expected: str) -> None:
    assert after_change_of_mind(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can we skip all this", True),
        ("skip the rest please", True),
        ("skip these questions", True),
        ("skip", False),
        ("skip this one", False),
        ("All Things Print", False),
    ],
)
def test_skipping_the_rest(text: str, expected: bool) -> None:
    assert skips_the_rest(text) is expected


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("about 12", "Small (10-49 staff)"),
        ("we're about 30", "Small (10-49 staff)"),
        ("me and 3 others", "Micro (1-9 staff)"),
        ("just me", "Micro (1-9 staff)"),
        ("under 10", "Micro (1-9 staff)"),
        ("a dozen or so", "Small (10-49 staff)"),
        ("we have 60 staff", "Medium (50-249 staff)"),
        ("around 1,200", "Large (250+ staff)"),
        ("250+", "Large (250+ staff)"),
        ("micro", "Micro (1-9 staff)"),
        ("Medium (50-249 staff)", "Medium (50-249 staff)"),
        ("10-15", "Small (10-49 staff)"),
    ],
)
def test_head_counts_are_placed_in_their_band(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize("text", ["40-60", "not sure", "small team", "it varies"])
def test_unclear_sizes_are_kept_as_typed(text: str) -> None:
    assert size_band_for(text) is None
    assert tidy_profile_answer("size_band", text) == text


@pytest.mark.parametrize(
    ("slot", "text", "expected"),
    [
        ("organisation", "its called Wendover Web ltd", "Wendover Web ltd"),
        ("organisation", "the company is Acme Fabrication", "Acme Fabrication"),
        ("organisation", "Its Fine Ltd", "Its Fine Ltd"),
        ("organisation", "We Are Digital", "We Are Digital"),
        ("organisation", "Names R Us", "Names R Us"),
        ("organisation", "it's called", "it's called"),
        ("location", "we're based in High Wycombe", "High Wycombe"),
        ("location", "Inkpen", "Inkpen"),
        ("role", "I'm the owner", "owner"),
        ("sector", "we're a bakery", "bakery"),
        ("sector", "Its recruitment", "Its recruitment"),
    ],
)
def test_lead_ins_are_dropped_from_profile_answers(slot: str, text: str, expected: str) -> None:
    assert strip_lead_in(slot, text) == expected
