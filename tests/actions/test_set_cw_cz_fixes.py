"""What sets CW to CZ of unseen conversations found in the actions: "Sorry, I've just
realised I gave you my old address. It should be priya.k@..." after the goodbye, read as
declining, kept the old address (CZ); "1. infrastructure\\n2. environment" at the seabed
choice chose entrepreneurialism and housing (CX)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import not_a_withdrawal
from actions.consultation import ValidateStrategyForm
from bot.consultation import service
from bot.strategy import THEME_IDS
from tests.actions.conftest import make_tracker


def test_a_new_address_after_the_goodbye_read_as_declining_replaces_the_old(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cz1", "rest", True)
    service.set_contact("cz1", "rest", "priya@restwellsensing.co.uk", True)
    text = (
        "Sorry, I've just realised I gave you my old address. It should be "
        "priya.k@restwellsensing.co.uk"
    )
    tracker = make_tracker(
        "cz1", text, "consent_decline", slots={"consent": True, "stage": "closed"}
    )
    dispatcher = CollectingDispatcher()
    not_a_withdrawal(dispatcher, tracker, domain)
    assert service.given_email("cz1") == "priya.k@restwellsensing.co.uk"
    assert service.recorded_answers("cz1") == []


def test_a_choice_typed_as_a_numbered_list_is_read_by_its_names(database_url: str) -> None:
    service.record_consent("cx1", "rest", True)
    text = "1. infrastructure\n2. environment"
    tracker = make_tracker("cx1", text, "choose_theme", active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed(text, CollectingDispatcher(), tracker, {})
    assert result["seabed"] == ["infrastructure", "environment_quality_of_life"]


def test_each_point_of_a_list_answer_keeps_its_theme(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tagger that reads only a message's first subject (as a long list can be read): the
    later points' themes still count, since each point is tagged on its own too."""
    import bot.tagging
    from bot.tagging.result import TagResult

    def first_subject_only(text: str, question_key: str | None = None) -> TagResult:
        first = text.strip().lstrip("•").strip().lower()
        theme = "education_skills" if first.startswith("no course") else "infrastructure"
        scores = {t: 0.9 if t == theme else 0.0 for t in THEME_IDS}
        return TagResult([theme], scores, {theme: [text[:20]]}, "t")

    monkeypatch.setattr(bot.tagging, "tag", first_subject_only)
    service.record_consent("cx2", "rest", True)
    text = "• no course left in Bucks for upholsterers\n• nowhere to park the van near the shop"
    service.record_answer("cx2", "rest", text, "seabed:education_skills:views", None)
    [answer] = service.recorded_answers("cx2")
    assert answer.themes == ["education_skills", "infrastructure"]
