"""What sets DI to DL of unseen conversations found in the actions: "Yes that's all fine,
don't delete anything!" at the play-back deleted everything (DI); "..." for the sector and
a key held down for the role were kept (DL); "Hi performance and space" chose space alone
(DK, dictated)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.common import SKIPPED
from actions.consultation import ValidateStrategyForm
from actions.forgetting import ActionForget
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, run, stored_business, texts


def _answered(sender: str) -> None:
    """A business that has taken part and given one answer."""
    service.record_consent(sender, "rest", True)
    service.record_answer(
        sender, "rest", "the A41 is gridlocked", "seabed:infrastructure:views", "q"
    )


def test_dont_delete_anything_at_the_play_back_accepts_it(
    database_url: str, domain: dict[str, Any]
) -> None:
    _answered("di1")
    text = "Yes that's all fine, don't delete anything!"
    tracker = make_tracker("di1", text, "forget_me", slots={"stage": "playback"})
    dispatcher = CollectingDispatcher()
    events = run(ActionForget().run(dispatcher, tracker, domain))
    assert events == [{"event": "followup", "timestamp": None, "name": "contact_form"}]
    assert [a.text for a in service.recorded_answers("di1")] == ["the A41 is gridlocked"]
    assert not any("deleted everything" in t for t in texts(dispatcher))


def test_dont_delete_anything_elsewhere_deletes_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    _answered("di2")
    tracker = make_tracker("di2", "don't delete anything", "forget_me")
    dispatcher = CollectingDispatcher()
    run(ActionForget().run(dispatcher, tracker, domain))
    assert len(service.recorded_answers("di2")) == 1
    assert texts(dispatcher) == [message("forget_how")]


def _profile(sender: str, slot: str, text: str, events: list[dict[str, Any]] | None = None) -> Any:
    service.record_consent(sender, "rest", True)
    tracker = make_tracker(sender, text, slots={"requested_slot": slot}, events=events)
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateProfileForm(), f"validate_{slot}")(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def test_punctuation_for_the_sector_is_asked_again(database_url: str) -> None:
    for sender, text in (("dl1", "..."), ("dl1b", "?!")):
        result, _ = _profile(sender, "sector", text)
        assert result == {"sector": None}
        assert stored_business(sender).sector is None


def test_a_key_held_down_for_the_role_is_asked_again(database_url: str) -> None:
    result, replies = _profile("dl2", "role", "j" * 80)
    assert result == {"role": None}
    assert replies == [message("profile_no_words")]


def test_a_yes_to_the_name_question_moves_on_even_after_a_yes(database_url: str) -> None:
    """A double tap of the consent's "Yes" cannot be told from an owner who answers "yes" to
    everything (set D) without timing: both move on, the name not kept."""
    result, _ = _profile("dl3", "organisation", "Yes", events=[{"event": "user", "text": "Yes"}])
    assert result == {"organisation": SKIPPED}


def test_a_dictated_choice_of_two_islands(database_url: str) -> None:
    service.record_consent("dk1", "rest", True)
    text = "Hi performance and space."
    tracker = make_tracker("dk1", text, "choose_theme", active_loop="strategy_form")
    result = ValidateStrategyForm().validate_islands(text, CollectingDispatcher(), tracker, {})
    assert result["islands"] == ["high_performance_technology", "space"]
