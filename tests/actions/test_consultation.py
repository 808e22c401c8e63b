"""Through the strategy: choosing islands/seabed and recording answers to a temp database."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.common import looks_like_question
from actions.consultation import DONE, ValidateStrategyForm
from actions.strategy_ask import ActionAskIslandAnswer, ActionAskIslands
from bot.consultation import service
from bot.storage.db import session_scope
from bot.storage.models import Response, ResponseTheme
from bot.strategy import ISLAND_IDS
from tests.actions.conftest import action_event, make_tracker, run, slot_event, texts


def test_free_text_picks_several_islands(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateStrategyForm()
    result = form.validate_islands("space and film", dispatcher, make_tracker(), domain)
    assert result["islands"] == ["creative_digital", "space"]
    assert result["pending_questions"][0] == "island:creative_digital:opportunities"
    assert len(result["pending_questions"]) == 6
    assert result["island_answer"] is None
    assert "Space" in texts(dispatcher)[0]


def test_button_and_all_of_them(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateStrategyForm()
    assert form.validate_islands("Medical technologies", dispatcher, make_tracker(), domain)[
        "islands"
    ] == ["medical_technologies"]
    assert form.validate_islands("All five", dispatcher, make_tracker(), domain)["islands"] == list(
        ISLAND_IDS
    )


def test_none_skips_the_island_questions(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    result = ValidateStrategyForm().validate_islands(
        "none of these", dispatcher, make_tracker(), domain
    )
    assert result == {"islands": [], "pending_questions": [], "island_answer": DONE}


def test_unrecognised_choice_is_asked_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    result = ValidateStrategyForm().validate_islands(
        "asdf qwerty", dispatcher, make_tracker(), domain
    )
    assert result == {"islands": None}
    assert "didn't catch" in texts(dispatcher)[0]


def test_seabed_choice_only_takes_seabed_themes(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    result = ValidateStrategyForm().validate_seabed(
        "skills and infrastructure and space", dispatcher, make_tracker(), domain
    )
    assert result["seabed"] == ["education_skills", "infrastructure"]
    assert result["pending_questions"] == [
        "seabed:education_skills:views",
        "seabed:infrastructure:views",
    ]


def test_answers_are_stored_with_question_and_model_themes(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("b1", "rest", True)
    form = ValidateStrategyForm()
    pending = ["island:space:barriers", "island:space:help"]
    text = "We can't recruit enough propulsion engineers near Westcott"
    tracker = make_tracker("b1", text, slots={"pending_questions": pending})
    result = form.validate_island_answer(text, dispatcher, tracker, domain)
    assert result == {"island_answer": None, "pending_questions": ["island:space:help"]}
    with session_scope() as s:
        response = s.scalars(select(Response)).one()
        assert response.text == text
        assert response.question_key == "island:space:barriers"
        assert response.question.startswith("Space: what barriers")
        sources = {t.source for t in s.scalars(select(ResponseTheme))}
        assert sources <= {"model"}
    last = form.validate_island_answer(
        "A test stand we can share",
        dispatcher,
        make_tracker(
            "b1", "A test stand we can share", slots={"pending_questions": ["island:space:help"]}
        ),
        domain,
    )
    assert last == {"island_answer": DONE, "pending_questions": []}
    assert len(service.recorded_answers("b1")) == 2


def test_skipped_question_is_not_stored(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("b2", "rest", True)
    tracker = make_tracker(
        "b2", "/skip", "skip", slots={"pending_questions": ["island:space:opportunities"]}
    )
    result = ValidateStrategyForm().validate_island_answer("/skip", dispatcher, tracker, domain)
    assert result["island_answer"] == DONE
    assert service.recorded_answers("b2") == []


def test_answers_from_a_business_without_consent_are_not_stored(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "b3", "secret plans", slots={"pending_questions": ["island:space:opportunities"]}
    )
    ValidateStrategyForm().validate_island_answer("secret plans", dispatcher, tracker, domain)
    with session_scope() as s:
        assert s.scalars(select(Response)).all() == []


def test_form_run_validates_extracted_answer(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    """The whole FormValidationAction.run path, as Rasa calls it after extraction."""
    service.record_consent("b4", "rest", True)
    text = "Faster broadband at the enterprise zone"
    events = [action_event("strategy_form"), slot_event("requested_slot", "seabed_answer")]
    tracker = make_tracker(
        "b4",
        text,
        events=events,
        active_loop="strategy_form",
        slots={
            "pending_questions": ["seabed:infrastructure:views"],
            "requested_slot": "seabed_answer",
        },
    )
    tracker.events.append(slot_event("seabed_answer", text))
    tracker.slots["seabed_answer"] = text
    out = run(ValidateStrategyForm().run(dispatcher, tracker, domain))
    sets = {e["name"]: e["value"] for e in out if e["event"] == "slot"}
    assert sets["seabed_answer"] == DONE
    assert [a.question_key for a in service.recorded_answers("b4")] == [
        "seabed:infrastructure:views"
    ]


def test_ask_actions_show_islands_and_question_progress(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    run(ActionAskIslands().run(dispatcher, make_tracker(), domain))
    assert "Pinewood Studios" in texts(dispatcher)[0]
    titles = [b["title"] for b in dispatcher.messages[1]["buttons"]]
    assert "Space" in titles and "All five" in titles and "None of these" in titles
    slots = {
        "islands": ["space"],
        "pending_questions": ["island:space:barriers", "island:space:help"],
    }
    run(ActionAskIslandAnswer().run(dispatcher, make_tracker(slots=slots), domain))
    assert texts(dispatcher)[-1].endswith("(2 of 3)")


def test_answer_that_nlu_read_as_a_question_is_still_taken(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateStrategyForm()
    answer = "honestly the biggest issue is finding staff who can code"
    tracker = make_tracker("b5", answer, "faq", slots={"requested_slot": "island_answer"})
    assert run(form.extract_island_answer(dispatcher, tracker, domain)) == {"island_answer": answer}
    question = make_tracker(
        "b5",
        "how many jobs could the Arc create?",
        "faq",
        slots={"requested_slot": "island_answer"},
    )
    assert run(form.extract_island_answer(dispatcher, question, domain)) == {}
    other_slot = make_tracker("b5", answer, "faq", slots={"requested_slot": "islands"})
    assert run(form.extract_island_answer(dispatcher, other_slot, domain)) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what is the arc?", True),
        ("who is preparing it", True),
        ("What would help? A decent train to Milton Keynes", False),
        ("the biggest issue is recruitment", False),
        ("how about cheaper rents for start-ups near the station and more parking", False),
    ],
)
def test_looks_like_question(text: str, expected: bool) -> None:
    assert looks_like_question(text) is expected
