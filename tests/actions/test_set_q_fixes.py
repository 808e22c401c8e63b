"""What the seventeenth set of unseen conversations (benchmarks/data/conversation_probe_q.yml)
found, fixed in the strategy form and kept so (paraphrases the set does not use): a view
given with the choice of themes is kept, with its themes, as the answer to the first
question on the first theme named, and that question is not asked again; a place the
strategy lists under two islands ("Westcott") chooses the island it belongs to."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import DONE, ValidateStrategyForm
from bot.consultation import service
from bot.consultation.questions import message, question_queue
from tests.actions.conftest import make_tracker, texts


def _choose(sender: str, slot: str, text: str, domain: dict[str, Any]) -> tuple[dict, list[str]]:
    service.record_consent(sender, "rest", True)
    tracker = make_tracker(sender, text, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateStrategyForm(), f"validate_{slot}")(text, dispatcher, tracker, domain)
    return result, texts(dispatcher)


def test_a_view_with_the_seabed_choice_is_kept_on_the_first_named(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "housing and skills - the lads can't afford to rent here and no college trains them"
    result, replies = _choose("q-seabed", "seabed", text, domain)
    assert result["seabed"] == ["housing_growth", "education_skills"]
    assert result["pending_questions"] == ["seabed:education_skills:views"]
    assert result["seabed_answer"] is None
    assert replies[1] == message("choice_view_kept", name="Housing growth")
    [answer] = service.recorded_answers("q-seabed")
    assert answer.question_key == "seabed:housing_growth:views"
    assert answer.text == "the lads can't afford to rent here and no college trains them"
    assert {"housing_growth", "education_skills"} <= set(answer.themes)


def test_a_view_with_one_island_answers_its_first_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "motorsport: the Silverstone teams want carbon parts faster than we can hire laminators"
    result, _ = _choose("q-island", "islands", text, domain)
    assert result["islands"] == ["high_performance_technology"]
    assert result["pending_questions"] == question_queue(["high_performance_technology"])[1:]
    [answer] = service.recorded_answers("q-island")
    assert answer.question_key == "island:high_performance_technology:opportunities"
    assert answer.text.startswith("the Silverstone teams")


def test_a_seabed_view_at_the_islands_question_ends_the_questions_when_it_answers_them(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "environment, the fly tipping down our lane spoils the countryside every month"
    result, _ = _choose("q-env", "islands", text, domain)
    assert result["seabed"] == ["environment_quality_of_life"]
    assert (result["pending_questions"], result["seabed_answer"]) == ([], DONE)
    [answer] = service.recorded_answers("q-env")
    assert answer.question_key == "seabed:environment_quality_of_life:views"


def test_a_view_naming_another_theme_keeps_both_chosen(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "Skills (finding HGV drivers) and infrastructure (the A41 every morning)"
    result, _ = _choose("q-brackets", "seabed", text, domain)
    assert result["seabed"] == ["education_skills", "infrastructure"]
    assert result["pending_questions"] == ["seabed:infrastructure:views"]
    [answer] = service.recorded_answers("q-brackets")
    assert answer.question_key == "seabed:education_skills:views"
    assert answer.text == "(finding HGV drivers) and infrastructure (the A41 every morning)"


def test_a_choice_alone_keeps_nothing(database_url: str, domain: dict[str, Any]) -> None:
    result, replies = _choose("q-alone", "seabed", "skills and housing mainly tbh", domain)
    assert result["pending_questions"] == question_queue(["housing_growth", "education_skills"])
    assert len(replies) == 1
    assert service.recorded_answers("q-alone") == []


def test_westcott_alone_chooses_space(database_url: str, domain: dict[str, Any]) -> None:
    result, _ = _choose("q-westcott", "islands", "westcott tbh", domain)
    assert result["islands"] == ["space"]


def test_a_view_with_none_naming_a_driver_answers_that_driver(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "none of those really, but we can't find apprentices anywhere round here"
    result, replies = _choose("q-none-view", "islands", text, domain)
    assert result["seabed"] == ["education_skills"]
    assert (result["pending_questions"], result["seabed_answer"]) == ([], DONE)
    assert message("choice_view_kept", name="Education and skills") in replies
    [answer] = service.recorded_answers("q-none-view")
    assert answer.question_key == "seabed:education_skills:views"
    assert answer.text == "but we can't find apprentices anywhere round here"


def test_a_view_with_none_naming_no_theme_is_kept_under_its_own_key(
    database_url: str, domain: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the served tagger sees a subject the keyword list does not name
    monkeypatch.setattr("bot.consultation.choice_view.names_a_subject", lambda view: True)
    text = "none of these are us, but staff can't get home after the last bus"
    result, replies = _choose("q-none-own", "islands", text, domain)
    assert result["islands"] == [] and result["island_answer"] == DONE
    assert message("view_kept_at_choice") in replies
    [answer] = service.recorded_answers("q-none-own")
    assert answer.question_key == service.AT_CHOICE
    assert answer.text == "but staff can't get home after the last bus"


def test_none_alone_at_the_choice_keeps_nothing(database_url: str, domain: dict[str, Any]) -> None:
    result, replies = _choose("q-none", "seabed", "none of these tbh", domain)
    assert result["seabed"] == []
    assert message("view_kept_at_choice") not in replies
    assert service.recorded_answers("q-none") == []
