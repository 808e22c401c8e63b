"""Reading what a business means in context: "hold on" at play-back, a question back
while a question is pending, and what the strategy focuses on (sectors and places)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import DONE, ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion, ActionResume
from actions.playback import HELD, ValidateCorrectionForm
from actions.strategy_ask import ActionAskIslandAnswer
from bot.consultation import service
from bot.consultation.focus import focus_answer, places_by_theme
from bot.consultation.questions import question
from bot.strategy import ISLAND_IDS, load_strategy, theme
from tests.actions.conftest import action_event, make_tracker, run, texts


def _with_selection(tracker: Any, key: str, confidence: float = 0.9) -> Any:
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": f"faq/{key}", "confidence": confidence}}
    }
    return tracker


# --- "hold on" at play-back -------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["hold on", "wait", "one sec", "hang on a minute", "Hold on!", "wait a moment please"]
)
@pytest.mark.parametrize("intent", ["deny", "inform", "choose_theme"])
def test_hold_on_misread_as_no_at_playback_does_not_open_the_correction(
    text: str,
    intent: str,
    database_url: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    service.record_consent("h1", "rest", True)
    service.record_answer(
        "h1", "rest", "The A413 is gridlocked every morning", "seabed:infrastructure:views", "q"
    )
    tracker = make_tracker(
        "h1", text, intent, active_loop="correction_form", slots={"stage": "playback"}
    )
    form = ValidateCorrectionForm()
    extracted = run(form.extract_theme_correction(dispatcher, tracker, domain))
    assert extracted == {"theme_correction": HELD}
    assert form.validate_theme_correction(HELD, dispatcher, tracker, domain) == {
        "theme_correction": HELD
    }
    assert dispatcher.messages == []  # no "which themes should I add or drop?"
    [answer] = service.recorded_answers("h1")
    assert answer.themes == ["infrastructure"]  # nothing changed


def test_a_real_change_at_playback_still_opens_the_correction(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("h2", "hold on, add skills", "deny", active_loop="correction_form")
    assert run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, domain)) == {
        "theme_correction": "hold on, add skills"
    }


def test_hold_on_at_the_correction_question_asks_it_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "h3",
        "hang on",
        "hold",
        active_loop="correction_form",
        slots={"requested_slot": "theme_correction"},
    )
    result = ValidateCorrectionForm().validate_theme_correction(
        "hang on", dispatcher, tracker, domain
    )
    assert result == {"theme_correction": None}
    assert dispatcher.messages == []  # not "Sorry, I couldn't tell which themes"


def test_hold_intent_at_playback_asks_the_playback_question_again(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("h4", "hold on", "hold", slots={"stage": "playback"})
    run(ActionResume().run(dispatcher, tracker, domain))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_ask_playback_ok"]


# --- an answer to the previous question, after a side question -----------------------

PENDING = ["island:space:opportunities", "island:space:barriers", "island:space:help"]


def _answer(
    form: ValidateStrategyForm,
    sender: str,
    text: str,
    intent: str,
    pending: list[str],
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    selected: str | None = None,
) -> dict[str, Any]:
    tracker = make_tracker(
        sender,
        text,
        intent,
        active_loop="strategy_form",
        slots={
            "pending_questions": pending,
            "islands": ["space"],
            "requested_slot": "island_answer",
        },
    )
    if selected:
        _with_selection(tracker, selected)
    extracted = run(form.extract_island_answer(dispatcher, tracker, domain))
    if intent == "faq" and not extracted:
        return {}  # the form rejects: the FAQ rule answers, then the form asks again
    return form.validate_island_answer(text, dispatcher, tracker, domain)


@pytest.mark.parametrize(
    ("side", "intent"),
    [
        ("so what's this Arc thing then", "faq"),  # NLU: a question, but no question mark
        ("and what's the Arc got to do with us?", "nlu_fallback"),  # NLU could not place it
        ("sorry, what's the seabed", "inform"),  # NLU took it for an answer
        ("what's Westcott?", "inform"),  # names a theme's asset
    ],
)
def test_an_answer_after_a_side_question_is_stored_against_its_question(
    side: str, intent: str, database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("s1", "rest", True)
    form = ValidateStrategyForm()
    dispatcher = CollectingDispatcher()
    # bot asks Q1; the business asks a side question instead of answering
    result = _answer(form, "s1", side, intent, PENDING, dispatcher, domain, selected="arc")
    assert result.get("pending_questions", PENDING) == PENDING  # Q1 still pending
    assert result.get("island_answer") is None
    assert service.recorded_answers("s1") == []  # the question is not stored as a view
    if intent != "faq":  # answered here (a faq is answered by the FAQ rule)
        assert dispatcher.messages, "the side question was not answered"
    # the form asks Q1 again, not Q2
    ask = CollectingDispatcher()
    run(
        ActionAskIslandAnswer().run(
            ask,
            make_tracker("s1", slots={"pending_questions": PENDING, "islands": ["space"]}),
            domain,
        )
    )
    assert texts(ask)[0].startswith(question(PENDING[0]).text)
    # the business now answers Q1: stored against Q1, and Q2 is next
    answer = "Satellite firms at Westcott could win far more supply-chain work"
    result = _answer(form, "s1", answer, "inform", PENDING, dispatcher, domain)
    assert result == {"island_answer": None, "pending_questions": PENDING[1:]}
    [stored] = service.recorded_answers("s1")
    assert stored.text == answer and stored.question_key == PENDING[0]


@pytest.mark.parametrize(
    "text",
    [
        "Why can't anyone fix the A413? It takes us an hour to reach Aylesbury",
        "What would help? Cheaper units near the station",
        "how about cheaper rents for start-ups near the station and more parking",
    ],
)
def test_a_view_phrased_as_a_question_is_still_stored(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("s2", "rest", True)
    result = _answer(ValidateStrategyForm(), "s2", text, "inform", PENDING[-1:], dispatcher, domain)
    assert result == {"island_answer": DONE, "pending_questions": []}
    assert [a.question_key for a in service.recorded_answers("s2")] == PENDING[-1:]


# --- which sectors, industries and places ----------------------------------------------


def test_focus_answer_names_every_island_and_the_places_from_the_seeds() -> None:
    text = focus_answer()
    assert all(theme(t).name in text for t in ISLAND_IDS)
    assert load_strategy()["focus"]["area"] in text
    for theme_id, places in places_by_theme():
        assert all(p in theme(theme_id).assets for p in places)
        assert all(p in text for p in places)
    assert "{" not in text


def test_every_focus_place_is_an_asset_of_its_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.consultation.focus as focus

    seeds = load_strategy()
    assert {p for _, ps in places_by_theme() for p in ps} == set(seeds["focus"]["places"])
    bad = {**seeds, "focus": {**seeds["focus"], "places": ["Milton Keynes"]}}
    monkeypatch.setattr(focus, "load_strategy", lambda: bad)
    with pytest.raises(ValueError, match="Milton Keynes"):
        focus.places_by_theme()


@pytest.mark.parametrize(
    "text",
    ["which sectors does this cover?", "which towns are included?", "is this just for tech firms?"],
)
def test_focus_questions_get_the_focus_answer(text: str, domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    tracker = _with_selection(make_tracker(text=text, intent="faq"), "focus")
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [focus_answer()]
    assert "utter_faq/focus" in domain["responses"]  # the ResponseSelector's label


def test_a_focus_question_nlu_read_as_a_view_is_not_called_a_view(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "which sectors does this cover?"
    tracker = make_tracker(text=text, intent="inform", events=[action_event("action_listen")])
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0].get("response") != "utter_view_before_consent"


def test_a_question_nlu_missed_is_answered_when_the_faq_selector_is_sure(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "what towns does it include?"
    greeted = [action_event("utter_privacy")]  # the notice was shown with the welcome
    tracker = _with_selection(
        make_tracker(text=text, intent="nlu_fallback", events=greeted), "focus", 0.8
    )
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [focus_answer(), "utter_ask_consent"]
    unsure = _with_selection(
        make_tracker(text=text, intent="nlu_fallback", events=greeted), "focus", 0.3
    )
    dispatcher.messages.clear()
    run(ActionFallback().run(dispatcher, unsure, domain))
    assert "didn't understand" in texts(dispatcher)[0]


def test_a_first_message_nlu_cannot_place_is_greeted_not_misunderstood(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # "Hi, you ask business to give opinion?" as the first DM (set DM: "didn't understand",
    # and the chat began a message late); after the welcome the same words are not understood
    text = "Hi, you ask business to give opinion?"
    first = _with_selection(make_tracker(text=text, intent="nlu_fallback"), "focus", 0.3)
    run(ActionFallback().run(dispatcher, first, domain))
    assert texts(dispatcher) == ["utter_welcome", "utter_privacy", "utter_ask_consent"]
    greeted = [action_event("utter_privacy")]
    later = _with_selection(
        make_tracker(text=text, intent="nlu_fallback", events=greeted), "focus", 0.3
    )
    dispatcher.messages.clear()
    run(ActionFallback().run(dispatcher, later, domain))
    assert "didn't understand" in texts(dispatcher)[0]


# --- one more view after the consultation closed ---------------------------------------


def test_views_after_closing_are_recorded_in_the_same_conversation(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    from sqlalchemy import select

    from bot.storage.db import session_scope
    from bot.storage.models import Conversation, Response

    service.record_consent("c1", "rest", True)
    service.record_answer(
        "c1", "rest", "Skills are the big one", "seabed:education_skills:views", "q"
    )
    service.end_conversation("c1")
    slots = {"stage": "closed", "consent": True}
    first = "oh and another thing, the broadband in Wendover is rubbish"
    run(ActionFallback().run(dispatcher, make_tracker("c1", first, "inform", slots=slots), domain))
    # a second one straight after is recorded too (not "I'm still not getting it")
    second = "and the trains to London are packed every morning"
    run(
        ActionFallback().run(
            dispatcher,
            make_tracker(
                "c1", second, "nlu_fallback", slots=slots, events=[action_event("action_fallback")]
            ),
            domain,
        )
    )
    assert texts(dispatcher) == [texts(dispatcher)[0]] * 2
    assert "added that" in texts(dispatcher)[0]
    answers = service.recorded_answers("c1")
    assert [a.text for a in answers][1:] == [first, second]
    assert [a.question_key for a in answers][1:] == [service.AFTER_CLOSE] * 2
    assert "infrastructure" in answers[1].themes  # tagged like any answer
    with session_scope() as s:
        assert len(s.scalars(select(Conversation)).all()) == 1
        assert len(s.scalars(select(Response)).all()) == 3


def test_after_closing_without_consent_nothing_is_recorded(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "oh and another thing, the broadband is rubbish"
    tracker = make_tracker("c2", text, "inform", slots={"stage": "closed"})
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_view_after_close"
    assert service.recorded_answers("c2") == []
