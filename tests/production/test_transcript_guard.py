"""A transcript store outage fails the turn instead of starting the conversation afresh."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

import bot.storage.tracker_store  # noqa: F401 - installs the guard, as Rasa's loading does
from bot.production.transcript_guard import TranscriptUnavailable


class DownStore(InMemoryTrackerStore):
    async def retrieve(self, sender_id: str) -> Any:  # noqa: ANN401
        raise ConnectionError("server closed the connection unexpectedly")

    async def save(self, tracker: DialogueStateTracker) -> None:
        raise ConnectionError("server closed the connection unexpectedly")


def test_outage_propagates_and_nothing_goes_to_a_memory_store() -> None:
    store = FailSafeTrackerStore(DownStore(Domain.empty()))
    with pytest.raises(TranscriptUnavailable, match="server closed the connection"):
        asyncio.run(store.retrieve("biz"))
    with pytest.raises(TranscriptUnavailable):
        asyncio.run(store.save(DialogueStateTracker("biz", slots=[])))
    assert store._fallback_tracker_store is None  # Rasa's in-memory fallback never used


def test_a_working_store_is_untouched() -> None:
    inner = InMemoryTrackerStore(Domain.empty())
    store = FailSafeTrackerStore(inner)
    asyncio.run(store.save(DialogueStateTracker("biz", slots=[])))
    assert asyncio.run(store.retrieve("biz")).sender_id == "biz"
