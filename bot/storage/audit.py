"""The one way anything is written to the audit log (who did what, when, to which response).

Every staff action, respondent right and system change goes through `audit`, so the log
has one shape: an erasure keeps that it happened (ids and counts), never what was said.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent


def audit(
    session: Session,
    *,
    actor: str,
    action: str,
    response_id: int | None = None,
    business_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one audit row to `session` (written with the caller's transaction)."""
    event = AuditEvent(actor=actor, action=action, response_id=response_id, business_id=business_id)
    if detail is not None:  # unset, not JSON null: the column stays SQL NULL
        event.detail = detail
    session.add(event)
    return event
