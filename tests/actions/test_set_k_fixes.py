"""What the eleventh set of unseen conversations (benchmarks/data/conversation_probe_k.yml)
found, fixed in the actions and kept so: "eh?", "can someone call me instead?" and "can we
start again?" never stored as answers; turnover not taken for the head count; a profile
answer sent twice not kept as the next field; sign-offs and a name's remark dropped."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, slot_event, stored_business, texts, user_event

MEDTECH = "island:medical_technologies"
OPPS, BARRIERS = f"{MEDTECH}:opportunities", f"{MEDTECH}:barriers"


def _answer(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    slots = {"islands": ["medical_technologies"], "pending_questions": [OPPS, BARRIERS]}
    tracker = make_tracker(sender, text, "inform", slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def _answers(sender: str) -> list[tuple[str | None, str]]:
    return [(a.question_key, a.text) for a in service.recorded_answers(sender)]


def test_eh_is_explained_and_not_stored(database_url: str) -> None:
    service.record_consent("k-eh", "rest", True)
    result, replies = _answer("k-eh", "eh?")
    assert result == {"island_answer": None}
    assert replies == [message("question_means")]
    assert _answers("k-eh") == []


def test_asking_to_be_called_gives_the_contact_and_stores_nothing(database_url: str) -> None:
    service.record_consent("k-call", "rest", True)
    text = "can someone just call me instead? easier than typing. 07700 900123"
    result, replies = _answer("k-call", text)
    assert result == {"island_answer": None}
    assert replies == ["utter_faq/human"]
    assert _answers("k-call") == []


def test_start_again_says_nothing_is_lost_and_stores_nothing(database_url: str) -> None:
    service.record_consent("k-restart", "rest", True)
    result, replies = _answer("k-restart", "sorry can we start again? I've made a mess of this")
    assert result == {"island_answer": None}
    assert replies == [message("start_again")]
    assert _answers("k-restart") == []


def _profile(
    sender: str, slot: str, text: str, slots: dict[str, Any], events: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(sender, text, slots=slots, events=events, active_loop="profile_form")
    result = getattr(ValidateProfileForm(), f"validate_{slot}")(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def test_turnover_is_not_a_head_count(database_url: str) -> None:
    service.record_consent("k-turnover", "rest", True)
    result, replies = _profile("k-turnover", "size_band", "about £2m turnover", {}, [])
    assert result == {"size_band": None}
    assert replies == [message("size_not_turnover")]
    result, _ = _profile("k-turnover", "size_band", "£2m turnover, 18 staff", {}, [])
    assert result["size_band"] == "Small (10-49 staff)"


def test_the_name_sent_twice_is_not_kept_as_the_sector(database_url: str) -> None:
    service.record_consent("k-twice", "rest", True)
    name = "Chiltern E-Bikes"
    events = [user_event(name), slot_event("organisation", name)]
    slots = {"organisation": name}
    result, replies = _profile("k-twice", "sector", name, slots, events)
    assert result == {"sector": None}
    assert replies == []
    # the same words when the message before filled nothing (a skip, say) are an answer
    result, _ = _profile("k-twice", "sector", name, slots, [user_event(name)])
    assert result == {"sector": name}


def test_a_message_sent_again_after_an_outage_is_an_answer(database_url: str) -> None:
    """The action server was down: Rasa undid the first send (`rewind`), so the same words
    again are the answer, not a double send (tests/channels/test_resilience.py end to end)."""
    service.record_consent("k-outage", "rest", True)
    sector = "space engineering"
    events = [user_event(sector), slot_event("sector", sector), {"event": "rewind"}]
    result, _ = _profile("k-outage", "sector", sector, {"organisation": "Orbital"}, events)
    assert result == {"sector": sector}


def test_a_sign_off_is_not_kept_in_the_profile(database_url: str) -> None:
    service.record_consent("k-dave", "rest", True)
    result, _ = _profile("k-dave", "organisation", "Thame Tiles. Cheers, Dave", {}, [])
    assert result == {"organisation": "Thame Tiles"}
    result, _ = _profile("k-dave", "size_band", "4. cheers, Dave", {}, [])
    assert result == {"size_band": "Micro (1-9 staff)"}
    assert stored_business("k-dave").organisation == "Thame Tiles"


def test_a_remark_after_the_name_is_not_kept(database_url: str) -> None:
    service.record_consent("k-sold", "rest", True)
    text = "Marlow Boatworks, though I sold it in 2022"
    result, _ = _profile("k-sold", "organisation", text, {}, [])
    assert result == {"organisation": "Marlow Boatworks"}
    assert stored_business("k-sold").organisation == "Marlow Boatworks"
