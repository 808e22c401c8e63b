"""Sets BZ (privacy and data rights asked mid-consultation) and CA (answers full of
figures) of unseen conversations on their first run, 7 / 12 and 5 / 12: "will the LEP be
passing any of this on to the council?" told who prepares the strategy, "can my business
partner see what I put?" read as adding a driver, "Can I see a copy of what I've put so
far?" and "take out what i just said about the farmer" kept as answers, a privacy question
at the play-back asked which themes to change; the county's population and growth target
asked and not answered; "22 FTE, but 30 on the payroll", "9 teachers + me", "14.5 FTE" and
"7 full time and an apprentice, turnover about £900k" miscounted; "Skirmett" read as a
skip."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.playback import HELD, ValidateCorrectionForm
from bot.consultation.asides import asks_what_was_said, asks_who_reads
from bot.consultation.head_count import size_band_for
from bot.consultation.profile_checks import turnover_not_head_count
from bot.consultation.strategy_asides import asks_for_figures
from bot.consultation.taking_out import taken_out_topic
from bot.nlu.reply_intents import certain_intent
from tests.actions.conftest import make_tracker, run, texts, two_answers


@pytest.mark.parametrize(
    "text",
    [
        "Will the LEP be passing any of this on to the council or to government?",
        "@btvlep quick one before the next bit, can my business partner see what I put?",
        "Before I say yes, will the council see our company name next to any of this?",
    ],
)
def test_who_sees_it(text: str) -> None:
    assert asks_who_reads(text)


def test_not_who_sees_it() -> None:
    assert not asks_who_reads("we pass our waste on to the council tip")
    assert not asks_who_reads("my business partner sees the accounts every month")


def test_a_copy_of_what_was_said_and_one_answer_taken_out() -> None:
    assert asks_what_was_said("Can I see a copy of what I've put so far?")
    assert taken_out_topic("@btvlep actually can u take out what i just said about the farmer")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Hi. Quick one before I start: what's Buckinghamshire's population?", True),
        (
            "One more thing before I go: what's the growth target in this strategy, in numbers?",
            True,
        ),
        ("@btvlep whats the population of bucks? i want to say what % of kids that is", True),
        ("the population here is ageing and nobody wants to work weekends", False),
    ],
)
def test_the_countys_figures_asked(text: str, asks: bool) -> None:
    assert asks_for_figures(text) is asks


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("22 FTE, but 30 on the payroll with the part-timers", "Small (10-49 staff)"),
        ("@btvlep 4 full time + 2 part time, so about 5 fte", "Micro (1-9 staff)"),
        ("6 engineers and 3 lab techs, 9 in all", "Micro (1-9 staff)"),
        ("@btvlep 9 teachers + me", "Small (10-49 staff)"),
        ("14.5 FTE", "Small (10-49 staff)"),
        ("2.0 FTE", "Micro (1-9 staff)"),
        ("about 12, but 4 are part-time", "Small (10-49 staff)"),  # a share, not a recount
        ("10 full time and 4 part time", "Small (10-49 staff)"),
    ],
)
def test_head_counts_among_figures(text: str, band: str) -> None:
    assert size_band_for(text) == band


def test_a_head_count_beside_the_turnover_is_a_head_count() -> None:
    assert not turnover_not_head_count("7 full time and an apprentice, turnover about £900k")
    assert turnover_not_head_count("about £2m turnover")


def test_a_name_nlu_read_as_a_skip_is_an_answer() -> None:
    assert certain_intent("Skirmett", "skip") == "inform"
    assert certain_intent("@btvlep Long Crendon", "skip") == "inform"
    assert certain_intent("idek tbh", "skip") is None  # set H: a skip in lower case
    for skip in ("Skip", "skp", "Pass", "n/a", "Rather not say", "Next please", "None"):
        assert certain_intent(skip, "skip") in (None, "skip", "deny"), skip


def test_a_privacy_question_at_the_play_back_is_answered_and_it_is_shown_again(
    database_url: str,
) -> None:
    two_answers("bz-pb", ("seabed:intelligent_public_services:views", "the council buys cheap"))
    text = "Before I say yes, will the council see our company name next to any of this?"
    tracker = make_tracker("bz-pb", text, "inform", slots={"stage": "playback"})
    dispatcher = CollectingDispatcher()
    result = run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, {}))
    assert result == {"theme_correction": HELD}
    assert texts(dispatcher) == ["utter_faq/data_privacy"]


def test_mid_question_privacy_asides_are_answered_not_kept(database_url: str) -> None:
    from actions.consultation import ValidateStrategyForm
    from bot.consultation import service
    from bot.consultation.asides import steps_aside

    assert steps_aside("Can I see a copy of what I've put so far? I want to check the names.")
    assert steps_aside("@btvlep quick one before the next bit, can my business partner see it?")
    service.record_consent("bz-out", "rest", True)
    service.record_answer(
        "bz-out", "rest", "the farmer next door blocks the lane", "seabed:infrastructure:views", "q"
    )
    text = "actually can u take out what i just said about the farmer, hes a mate"
    queue = ["seabed:environment_quality_of_life:views"]
    slots = {
        "seabed": ["infrastructure", "environment_quality_of_life"],
        "pending_questions": queue,
    }
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(
        text, dispatcher, make_tracker("bz-out", text, slots=slots), {}
    )
    assert result == {"seabed_answer": None}  # the same question again
    assert "farmer" in texts(dispatcher)[0]
    assert service.recorded_answers("bz-out") == []


def test_who_sees_it_naming_a_theme_changes_no_choice(database_url: str) -> None:
    from actions.consultation import ValidateStrategyForm
    from bot.consultation import service

    service.record_consent("bz-who", "rest", True)
    text = (
        "@btvlep quick one before the next bit, can my business partner see what i put in "
        "here? rather he didnt read the cashflow stuff"
    )
    queue = ["seabed:environment_quality_of_life:views"]
    slots = {
        "seabed": ["entrepreneurialism", "environment_quality_of_life"],
        "pending_questions": queue,
    }
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(
        text, dispatcher, make_tracker("bz-who", text, slots=slots), {}
    )
    assert result == {"seabed_answer": None}  # no switch to entrepreneurialism
    assert texts(dispatcher) == ["utter_faq/data_privacy"]
    assert service.recorded_answers("bz-who") == []
