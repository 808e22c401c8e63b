"""What the twelfth set of unseen conversations (benchmarks/data/conversation_probe_l.yml)
found, fixed in the actions and kept so: a laugh or a shrug never stored as a view;
islands said no to not chosen; "suppose so" takes part; "we're a bakery not a cafe" at the
head count changes the sector; "ditto" carries the themes of the answer it points to."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

import bot.tagging
from actions.consent import ActionRecordConsent
from actions.consultation import DONE, ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from bot.tagging.result import TagResult
from tests.actions.conftest import (
    CONSENT_SHOWN,
    action_event,
    make_tracker,
    run,
    slot_event,
    slot_sets,
    stored_business,
    texts,
    user_event,
)

SPACE = "island:space"
OPPS, BARRIERS, HELP = f"{SPACE}:opportunities", f"{SPACE}:barriers", f"{SPACE}:help"


def _answer(
    sender: str, text: str, pending: list[str], events: list[dict[str, Any]] | None = None
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    slots = {"islands": ["space"], "pending_questions": pending}
    tracker = make_tracker(
        sender, text, "inform", slots=slots, events=events, active_loop="strategy_form"
    )
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


@pytest.mark.parametrize("text", ["lol", "haha ok", "😂"])
def test_a_laugh_asks_the_same_question_again(database_url: str, text: str) -> None:
    service.record_consent("l-lol", "rest", True)
    result, replies = _answer("l-lol", text, [OPPS, BARRIERS])
    assert result == {"island_answer": None}
    assert replies == []  # no "say a little more", no play-back: the question again
    assert service.recorded_answers("l-lol") == []


def test_a_shrug_moves_on_without_storing(database_url: str) -> None:
    service.record_consent("l-shrug", "rest", True)
    result, replies = _answer("l-shrug", "🤷‍♂️", [OPPS, BARRIERS])
    assert result == {"island_answer": None, "pending_questions": [BARRIERS]}
    assert message("say_more") not in replies
    assert service.recorded_answers("l-shrug") == []


def test_islands_said_no_to_are_not_chosen(database_url: str, domain: dict[str, Any]) -> None:
    text = (
        "creative no, mobility yes we run an EV van fleet, medical no, high performance yes "
        "we machine parts for the F1 teams, space no"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(
        text, dispatcher, make_tracker("l-isl", text), domain
    )
    assert result["islands"] == ["intelligent_mobility", "high_performance_technology"]
    assert result["pending_questions"][0] == "island:intelligent_mobility:opportunities"


def test_suppose_so_at_the_consent_question_takes_part(
    database_url: str, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "l-suppose", "suppose so", "nlu_fallback", slots={"stage": "consent"}, events=CONSENT_SHOWN
    )
    events = run(ActionFallback().run(CollectingDispatcher(), tracker, domain))
    assert slot_sets(events) == {"consent": True, "stage": "profile"}
    assert service.is_consented("l-suppose") is True


def test_the_sector_put_right_at_the_head_count(database_url: str) -> None:
    service.record_consent("l-bakery", "rest", True)
    service.save_profile("l-bakery", "rest", sector="cafe")
    text = "no sorry we're a bakery not a cafe"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("l-bakery", text, slots={"sector": "cafe"}, active_loop="profile_form")
    result = ValidateProfileForm().validate_size_band(text, dispatcher, tracker, {})
    assert result == {"size_band": None, "sector": "bakery"}
    assert texts(dispatcher) == [message("sector_corrected", sector="bakery")]
    business = stored_business("l-bakery")
    assert (business.sector, business.size_band) == ("bakery", None)


def test_ditto_carries_the_themes_of_the_answer_it_points_to(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def tag(text: str, question_key: str | None = None) -> TagResult:
        themes = ["entrepreneurialism"] if "bank" in text else []
        return TagResult(
            themes=themes,
            scores={"entrepreneurialism": 0.9 if themes else 0.01},
            evidence={t: ["bank"] for t in themes},
            model_version="test-bank",
        )

    monkeypatch.setattr(bot.tagging, "tag", tag)
    service.record_consent("l-ditto", "rest", True)
    view = "nobody at the bank understands what we do"
    _answer("l-ditto", view, [OPPS, BARRIERS, HELP])
    result, replies = _answer("l-ditto", "ditto", [BARRIERS, HELP])
    assert result == {"island_answer": None, "pending_questions": [HELP]}
    assert replies == [message("same_as_before")]
    # a word that names nothing, not pointing back, stays untagged
    _answer("l-ditto", "rubbish", [HELP])
    answers = [(a.question_key, a.text, a.themes) for a in service.recorded_answers("l-ditto")]
    assert answers == [
        (OPPS, view, ["entrepreneurialism"]),
        # the words it stands for kept beside it (set AC: "^^ same" read alone said nothing)
        (BARRIERS, f"ditto [same as: {view}]", ["entrepreneurialism"]),
        (HELP, "rubbish", []),
    ]


def test_the_islands_waved_away_moves_on_to_the_seabed(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "honestly the islands thing is a daft metaphor, we're a builders merchant"
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(
        text, dispatcher, make_tracker("l-daft", text), domain
    )
    assert result["islands"] == [] and result["island_answer"] == DONE
    assert message("islands_unclear") not in texts(dispatcher)


def _bank_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tags only answers about the bank: pointers and corrections name nothing."""

    def tag(text: str, question_key: str | None = None) -> TagResult:
        themes = ["entrepreneurialism"] if "bank" in text else []
        return TagResult(
            themes=themes,
            scores={"entrepreneurialism": 0.9 if themes else 0.01},
            evidence={t: ["bank"] for t in themes},
            model_version="test-bank",
        )

    monkeypatch.setattr(bot.tagging, "tag", tag)


def test_see_above_after_same_as_before_points_past_it(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bank_tagger(monkeypatch)
    service.record_consent("l-above", "rest", True)
    _answer("l-above", "the bank won't lend against contracts", [OPPS, BARRIERS, HELP])
    _answer("l-above", "same as before", [BARRIERS, HELP])
    _answer("l-above", "see above", [HELP])
    themes = [a.themes for a in service.recorded_answers("l-above")]
    assert themes == [["entrepreneurialism"]] * 3


def test_a_correction_naming_nothing_carries_the_themes_it_corrects(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bank_tagger(monkeypatch)
    service.record_consent("l-typo", "rest", True)
    _answer("l-typo", "the bank in Haddington shut", [OPPS, BARRIERS, HELP])
    events = [user_event("the bank in Haddington shut"), slot_event("island_answer", None)]
    result, _ = _answer("l-typo", "oops, typo - I meant Haddenham", [BARRIERS, HELP], events)
    assert result == {"island_answer": None}
    answers = [(a.question_key, a.themes) for a in service.recorded_answers("l-typo")]
    assert answers == [(OPPS, ["entrepreneurialism"])]  # joined: the answer's themes kept


def test_an_and_continuation_naming_nothing_carries_the_themes_it_continues(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bank_tagger(monkeypatch)
    service.record_consent("l-and", "rest", True)
    view = "the bank wants two years of accounts"
    _answer("l-and", view, [OPPS, BARRIERS, HELP])
    events = [user_event(view), slot_event("island_answer", None)]
    result, _ = _answer("l-and", "and we only started in March", [BARRIERS, HELP], events)
    assert result == {"island_answer": None}
    answers = [(a.question_key, a.themes) for a in service.recorded_answers("l-and")]
    assert answers == [(OPPS, ["entrepreneurialism"])]  # joined: the answer's themes kept


def _said_before_consent(domain: dict[str, Any], remark: str) -> list[dict[str, Any]]:
    [reply] = domain["responses"]["utter_view_before_consent"]
    return [
        *CONSENT_SHOWN,
        user_event(remark, "inform"),
        action_event("action_fallback"),
        {"event": "bot", "text": reply["text"]},
    ]


@pytest.mark.parametrize(
    "remark, kept",
    [
        ("oh great, more consultation. what difference will it make", False),
        ("another survey, and the roads round here are still a disgrace", True),
        ("the roads round here are a disgrace", True),
    ],
)
def test_a_remark_about_the_consultation_is_no_early_view(
    database_url: str, domain: dict[str, Any], remark: str, kept: bool
) -> None:
    events = _said_before_consent(domain, remark)
    tracker = make_tracker("l-early", "yes", "affirm", events=events)
    run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))
    stored = [a.text for a in service.recorded_answers("l-early")]
    assert stored == ([remark] if kept else [])
