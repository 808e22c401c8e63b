"""What the fifth set of unseen conversations (benchmarks/data/conversation_probe_e.yml)
found, fixed in the actions and kept so."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import make_tracker


def run(coro):  # noqa: ANN001, ANN201
    return asyncio.run(coro)


def _business(sender: str) -> Business:
    with session_scope() as session:
        business = session.query(Business).filter_by(sender_id=sender).one()
        session.expunge(business)
        return business


def test_a_business_name_nlu_read_as_a_question_is_the_name(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e1", "rest", True)
    text = "Penn Street Joinery"
    tracker = make_tracker("e1", text, "faq", slots={"requested_slot": "organisation"})
    form = ValidateProfileForm()
    assert run(form.extract_organisation(dispatcher, tracker, domain)) == {"organisation": text}
    question = make_tracker("e1", "privacy?", "faq", slots={"requested_slot": "organisation"})
    assert run(form.extract_organisation(dispatcher, question, domain)) == {}  # answered


def test_a_head_count_with_the_sector_fills_the_size_band(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e2", "rest", True)
    text = "bespoke joinery, there's 14 of us"
    result = ValidateProfileForm().validate_sector(
        text, dispatcher, make_tracker("e2", text), domain
    )
    assert result == {"sector": text, "size_band": "Small (10-49 staff)"}
    business = _business("e2")
    assert (business.sector, business.size_band) == (text, "Small (10-49 staff)")


def test_a_head_count_already_given_is_not_replaced(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e3", "rest", True)
    text = "Amersham, about 70 of us on site"
    tracker = make_tracker("e3", text, slots={"size_band": "Small (10-49 staff)"})
    result = ValidateProfileForm().validate_location(text, dispatcher, tracker, domain)
    assert result == {"location": text}
