"""An answer given to the wrong question, moved at the next one (`bot/consultation/moves.py`):
set AC's "oops, that was a problem not an opportunity, put it under barriers. the
opportunity is ..." kept the parking answer under opportunities and the move as a view."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.consultation import service
from bot.consultation.moves import move_last_answer, moved_to
from bot.storage.db import session_scope
from bot.storage.models import AuditEvent

OPPS = "island:creative_digital:opportunities"
BARRIERS = "island:creative_digital:barriers"
PARKING = "we cant park the rigging trucks anywhere near the studios"
MOVE = (
    "oops, that was a problem not an opportunity, put it under barriers. the opportunity is "
    "pinewood's new stages all need LED lighting rigs"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (MOVE, "barriers"),
        ("can you move that to the help one", "help"),
        ("that was more of a problem, not an opportunity", "barriers"),
        ("we had to put it under the stairs", None),  # no question named
        ("the barriers are the rents", None),
    ],
)
def test_a_move_names_the_question(text: str, kind: str | None) -> None:
    found = moved_to(text)
    assert (found[0] if found else None) == kind


def test_the_last_answer_moves_and_the_rest_answers_the_question_it_left(
    database_url: str,
) -> None:
    service.record_consent("mv-1", "rest", True)
    service.record_answer("mv-1", "rest", PARKING, OPPS, "q")
    assert move_last_answer("mv-1", "rest", MOVE, BARRIERS) == "barriers"
    answers = service.recorded_answers("mv-1")
    assert [(a.question_key, a.text[:16]) for a in answers] == [
        (BARRIERS, PARKING[:16]),
        (OPPS, "the opportunity "),
    ]
    with session_scope() as session:
        moved = session.scalars(select(AuditEvent).where(AuditEvent.action == "answer_moved"))
        assert [e.detail for e in moved] == [{"from": OPPS, "to": BARRIERS}]


def test_a_move_to_another_theme_or_kind_than_pending_changes_nothing(database_url: str) -> None:
    service.record_consent("mv-2", "rest", True)
    service.record_answer("mv-2", "rest", PARKING, OPPS, "q")
    assert move_last_answer("mv-2", "rest", MOVE, "island:space:barriers") is None
    assert move_last_answer("mv-2", "rest", MOVE, "island:creative_digital:help") is None
    assert [a.question_key for a in service.recorded_answers("mv-2")] == [OPPS]
