"""The version of each part of a response a staff form edits, so a save from a page read
before a colleague's save is refused instead of silently replacing it (staff probe s45:
lost edits).

A response's parts are edited apart: its themes, stance, review status, flag and note. The
version of a part is the id of the latest audit event that changed it (0 = never changed):
every such change is written through `bot.storage.audit.audit`, and audit ids only grow, so
the audit log already is the change history and no column or migration is needed. Parts
are versioned apart so that a colleague's note does not refuse an officer's themes.

Not covered: an X post edited by its author re-tags its response without an audit event
(`bot/channels/x/collect.py`), so it does not move the themes version; the model's tags
never outrank a staff decision anyway.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent, Response

# The audit actions that change each part. Themes also change when the tagger re-tags
# (`bucks-lis retag`) or the respondent amends the answer (it is re-tagged).
ASPECT_ACTIONS: dict[str, tuple[str, ...]] = {
    "themes": ("theme_added", "theme_removed", "model_retagged", "answer_amended"),
    "stance": ("stance_changed",),
    "review": ("reviewed", "unreviewed"),
    "flag": ("flag", "unflag"),
    "note": ("note",),
}
ASPECTS = tuple(ASPECT_ACTIONS)
_ASPECT_OF = {action: aspect for aspect, actions in ASPECT_ACTIONS.items() for action in actions}

# The audit action of a refused save (never a change, so never a version).
CONFLICT = "conflict"


def current_versions(session: Session, response_id: int) -> dict[str, int]:
    """Each part's version: the id of its latest change, 0 when it was never changed."""
    found = dict.fromkeys(ASPECTS, 0)
    rows = session.execute(
        select(AuditEvent.action, func.max(AuditEvent.id))
        .where(AuditEvent.response_id == response_id, AuditEvent.action.in_(_ASPECT_OF))
        .group_by(AuditEvent.action)
    )
    for action, latest in rows:
        aspect = _ASPECT_OF[action]
        found[aspect] = max(found[aspect], int(latest))
    return found


def last_change(session: Session, response_id: int, aspect: str) -> AuditEvent | None:
    """The latest audit event that changed `aspect` (who changed it, and when)."""
    return session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.response_id == response_id,
            AuditEvent.action.in_(ASPECT_ACTIONS[aspect]),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()


def lock_response(session: Session, response_id: int) -> bool:
    """Hold the response's row until this transaction ends; False when there is none.

    The version check and the save must be one step, or two saves read the same version and
    both win. A no-op UPDATE takes PostgreSQL's row lock and SQLite's write lock (SQLite
    starts its transaction at the first write, so a SELECT ... FOR UPDATE would lock
    nothing there); a second save waits here, then reads the first one's version."""
    result = session.execute(
        update(Response)
        .where(Response.id == response_id)
        .values(note=Response.note)  # a column no index covers: the cheapest no-op
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)
