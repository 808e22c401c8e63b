"""Replies found by the third set of unseen conversations
(benchmarks/data/conversation_probe_c.yml), read without Rasa: losing patience, finishing
in a few words, "carry on" and greetings in other languages inside a question, and a head
count corrected at a later profile question."""

from __future__ import annotations

import pytest

from bot.consultation.profile import corrected_size_band, size_band_for
from bot.consultation.replies import (
    asks_to_finish,
    holding,
    impatient,
    normalise,
    opens_with_question,
)


@pytest.mark.parametrize(
    "text",
    [
        "ffs this is taking ages",
        "this is taking forever",
        "it's taking bloody ages!!",
        "how many more questions?",
        "seriously, how much longer",
        "are we nearly done",
        "too many questions",
    ],
)
def test_losing_patience_is_recognised(text: str) -> None:
    assert impatient(text)


@pytest.mark.parametrize(
    "text",
    [
        "the planning process is taking ages",
        "getting a grid connection takes forever and costs a fortune",
        "the bloody A40 is gridlocked every morning",
        "finish",
        "Aylesbury",
    ],
)
def test_views_that_sound_impatient_are_not(text: str) -> None:
    assert not impatient(text)


@pytest.mark.parametrize(
    "text", ["fine just finish it", "ok end it there", "can we wrap it up now", "stop please"]
)
def test_finishing_in_a_few_words(text: str) -> None:
    assert asks_to_finish(text)


@pytest.mark.parametrize(
    "text",
    [
        "finishing and painting",
        "end of terrace housing is all we can find",
        "we stopped exporting after Brexit",
        "the end",
    ],
)
def test_answers_mentioning_finishing_are_answers(text: str) -> None:
    assert not asks_to_finish(text)


@pytest.mark.parametrize(
    "text", ["actually carry on", "keep going", "let's continue", "Dzień dobry", "hola!", "salaam"]
)
def test_carry_on_and_greetings_in_other_languages_hold_the_question(text: str) -> None:
    assert holding(text)


def test_accents_are_dropped_not_split() -> None:
    assert normalise("Dzień dobry, café") == "dzien dobry cafe"


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("actually we're 60 staff not 6", "Medium (50-249 staff)"),
        ("sorry, I meant 25 people", "Small (10-49 staff)"),
        ("no, we employ about 300", "Large (250+ staff)"),
    ],
)
def test_a_corrected_head_count(text: str, band: str) -> None:
    assert corrected_size_band(text) == band


@pytest.mark.parametrize(
    "text", ["Beaconsfield", "actually it's Amersham", "12 of us", "sorry about that, director"]
)
def test_other_profile_answers_are_not_head_count_corrections(text: str) -> None:
    assert corrected_size_band(text) is None


def test_a_withdrawn_number_does_not_count() -> None:
    assert size_band_for("60 not 6") == "Medium (50-249 staff)"
    assert size_band_for("about 8, rather than 80") == "Micro (1-9 staff)"


@pytest.mark.parametrize(
    "text",
    [
        "is this only for tech companies? we're a garden centre",
        "so which towns does it cover? we're in Olney",
        "can you tell me who runs this? just curious",
    ],
)
def test_a_message_that_opens_with_a_question(text: str) -> None:
    assert opens_with_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "would better trains help? yes! a direct line to MK",
        "the A413 is a disgrace",
        "our biggest problem, you ask? the A40 every morning and the lack of parking",
    ],
)
def test_views_with_a_question_mark_do_not_open_with_a_question(text: str) -> None:
    assert not opens_with_question(text)
