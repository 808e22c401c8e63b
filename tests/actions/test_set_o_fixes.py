"""What the fifteenth set of unseen conversations (benchmarks/data/conversation_probe_o.yml)
found, fixed in the actions and kept so: a change to an earlier answer is kept with the
question it names (in place of the answer when it corrects it), not as the answer pending;
one more view at the play-back is kept and played back, not read as a theme change; a
mistyped "stop" ends the questions; questions about the chat itself (an example, whether
it is worth it) are answered and never stored."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import DONE, ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion
from actions.playback import ADDED, ValidateCorrectionForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import CONSENT_SHOWN, make_tracker, run, texts

SKILLS, ROADS = "seabed:education_skills:views", "seabed:infrastructure:views"
SLOTS = {"seabed": ["education_skills", "infrastructure"], "pending_questions": [ROADS]}


def _roads_answer(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(sender, text, slots=SLOTS, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def _with_skills_answer(sender: str) -> None:
    service.record_consent(sender, "rest", True)
    service.record_answer(sender, "rest", "apprentices are impossible to find", SKILLS, None)


def test_a_correction_to_an_earlier_answer_is_joined_to_it(database_url: str) -> None:
    _with_skills_answer("o-earlier")
    text = "re the skills bit - I meant engineers not apprentices"
    result, replies = _roads_answer("o-earlier", text)
    assert result == {"seabed_answer": None}  # the infrastructure question again
    assert replies == [message("earlier_changed", name="Education and skills")]
    # one answer to the skills question, the correction after the words it corrects
    assert [(a.question_key, a.text) for a in service.recorded_answers("o-earlier")] == [
        (SKILLS, f"apprentices are impossible to find [corrected: {text}]")
    ]


def test_an_addition_to_an_earlier_answer_joins_it(database_url: str) -> None:
    _with_skills_answer("o-add")
    text = "back to the skills question, the college is 40 minutes away by bus"
    result, replies = _roads_answer("o-add", text)
    assert result == {"seabed_answer": None}
    assert replies == [message("earlier_added", name="Education and skills")]
    assert [(a.question_key, a.text) for a in service.recorded_answers("o-add")] == [
        (SKILLS, f"apprentices are impossible to find [added later: {text}]")
    ]


def test_an_answer_naming_another_theme_is_still_the_answer(database_url: str) -> None:
    _with_skills_answer("o-plain")
    text = "the trains to Marylebone are late and skills matter too"
    result, _ = _roads_answer("o-plain", text)
    assert result["seabed_answer"] == DONE
    assert [a.question_key for a in service.recorded_answers("o-plain")] == [SKILLS, ROADS]


@pytest.mark.parametrize("text", ["stpo", "fnish"])
def test_a_mistyped_stop_ends_the_questions(database_url: str, text: str) -> None:
    service.record_consent("o-stop", "rest", True)
    result, _ = _roads_answer("o-stop", text)
    assert result["seabed_answer"] == DONE
    assert service.recorded_answers("o-stop") == []


def test_one_more_view_at_the_playback_is_kept_and_played_back(database_url: str) -> None:
    _with_skills_answer("o-play")
    text = "oh and my colleague wants to add that the business rates are crippling us"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("o-play", text, "inform", slots={"stage": "playback"})
    form = ValidateCorrectionForm()
    assert run(form.extract_theme_correction(dispatcher, tracker, {})) == {
        "theme_correction": ADDED
    }
    assert form.validate_theme_correction(ADDED, dispatcher, tracker, {}) == {
        "theme_correction": ADDED
    }  # the form ends; the play-back is shown again
    assert texts(dispatcher) == [message("view_added")]
    assert [a.question_key for a in service.recorded_answers("o-play")] == [
        SKILLS,
        service.AFTER_CLOSE,
    ]


def test_a_theme_change_at_the_playback_is_still_a_change(database_url: str) -> None:
    _with_skills_answer("o-change")
    tracker = make_tracker(
        "o-change", "no, add infrastructure", "deny", slots={"stage": "playback"}
    )
    result = run(
        ValidateCorrectionForm().extract_theme_correction(CollectingDispatcher(), tracker, {})
    )
    assert result == {"theme_correction": "no, add infrastructure"}
    assert len(service.recorded_answers("o-change")) == 1


def test_a_view_at_the_playback_nlu_could_not_place(
    database_url: str, domain: dict[str, Any]
) -> None:
    _with_skills_answer("o-fallback")
    text = "can you add: nowhere to park for deliveries in Chesham"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "o-fallback", text, "nlu_fallback", slots={"stage": "playback", "consent": True}
    )
    run(ActionFallback().run(dispatcher, tracker, domain))
    sent = [m.get("response") or m.get("text") or "" for m in dispatcher.messages]
    assert sent[0] == message("view_added") and "nowhere to park" in sent[1]
    assert sent[2] == "utter_ask_playback_ok"


def test_a_view_at_the_playback_nlu_took_for_a_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    # through the stack NLU read "oh and also my other half says ..." as an FAQ question
    _with_skills_answer("o-faq")
    text = "oh and also my other half says the trains to Marylebone are always late"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("o-faq", text, "faq", slots={"stage": "playback", "consent": True})
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    sent = texts(dispatcher)
    assert sent[0] == message("view_added") and "Marylebone" in sent[1]
    assert len(service.recorded_answers("o-faq")) == 2


def test_a_question_at_the_playback_is_still_answered(
    database_url: str, domain: dict[str, Any]
) -> None:
    _with_skills_answer("o-q")
    tracker = make_tracker(
        "o-q", "oh and how can I get involved", "faq", slots={"stage": "playback"}
    )
    dispatcher = CollectingDispatcher()
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert message("view_added") not in texts(dispatcher)
    assert len(service.recorded_answers("o-q")) == 1


def test_an_example_fits_the_question_pending(database_url: str, domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    slots = {"pending_questions": ["island:space:barriers"]}
    tracker = make_tracker("o-example", "any examples?", "faq", slots=slots)
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message("example_barriers")]


def test_doubting_it_matters_at_the_consent_question(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    text = "is there any point? nobody ever listens"
    tracker = make_tracker("o-point", text, "nlu_fallback", slots={}, events=CONSENT_SHOWN)
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [message("why_it_matters"), "utter_ask_consent"]


def test_finishing_later_mid_question_is_answered_not_stored(database_url: str) -> None:
    service.record_consent("o-later", "rest", True)
    result, replies = _roads_answer("o-later", "can I come back to this tomorrow?")
    assert result == {"seabed_answer": None}
    assert replies == [message("finish_later")]
    assert service.recorded_answers("o-later") == []
