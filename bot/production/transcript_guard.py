"""A turn whose transcript cannot be read or written fails, instead of being forgotten.

Rasa wraps every tracker store in `FailSafeTrackerStore`: when the database is down it
logs, answers `retrieve` with None (a brand-new, empty conversation) and saves into an
in-process `InMemoryTrackerStore`. The business then gets the greeting again mid-way, its
turns never reach the database, and the conversation is out of step once the database is
back (seen in tests/production/test_faults.py when PostgreSQL restarts under load).

`install()` (called when Rasa loads our tracker store) makes those errors propagate: the
turn fails, the REST channel answers 503 (bot/channels/rest.py), the client sends the message
again, and the conversation continues where it was once the database answers.
"""

from __future__ import annotations

import logging
from typing import Any, NoReturn

from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)


class TranscriptUnavailable(RasaException):
    """The tracker store (our database) could not read or save this conversation."""


def _fail(self: Any, error: Exception) -> NoReturn:
    logger.error(
        "Transcript store unavailable (%s): this turn fails and is not kept in "
        "memory; the client is asked to send it again",
        str(error).splitlines()[0],
    )
    raise TranscriptUnavailable(f"transcript store unavailable: {error}") from error


def install() -> None:
    """Idempotent."""
    FailSafeTrackerStore.on_tracker_store_error = _fail
    FailSafeTrackerStore.on_tracker_store_retrieve_error = _fail
