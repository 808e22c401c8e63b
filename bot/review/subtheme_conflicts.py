"""Refusing a sub-theme save made from a page read before a colleague changed that
sub-theme (staff probe s46: a sub-theme changed under a colleague).

*Find sub-themes* deletes the proposals and makes new ones. A form still naming an old
proposal's id reached whatever has that id now: SQLite gives a deleted row's id to the next
new row, so an officer renamed, merged, split or moved into another sub-theme without a word;
PostgreSQL never reuses an id, so the officer got a bare 404 and lost the typed name.

So every sub-theme form carries `seen`: a fingerprint of each sub-theme its page showed (id,
when it was made, its name). A save that names a sub-theme that is gone, was replaced (same
id, made later) or was renamed since is refused as a response's stale edits are
(bot/review/conflicts.py): HTTP 409, the page as it is now with who changed it and the
officer's typed name kept, a `conflict` audit event with fingerprints and never words. A
form without `seen` (an old page, a script) cannot say which sub-theme it showed: it counts
as read before the sub-theme now at that id was made, and is refused the same way. No
AUTOINCREMENT (and no migration) is needed: the fingerprint tells a reused id apart.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import abort, jsonify, request
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.review.conflicts import wants_json
from bot.storage.audit import audit
from bot.storage.models import AuditEvent, Subtheme
from bot.storage.versions import CONFLICT

SEEN_FIELD = "seen"
_TOKEN = r"[0-9]{1,18}\.[0-9a-f]{16}"
_SEEN = re.compile(rf"{_TOKEN}(?: {_TOKEN})*")
# The audit actions that make, delete or rename a theme's sub-themes (who changed it).
_CHANGES = (
    "subthemes_run",
    "subthemes_merged",
    "subtheme_split",
    "subtheme_created",
    "subtheme_renamed",
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def fingerprint(subtheme_id: int, created_at: datetime | None, label: str) -> str:
    """`id.` + which sub-theme this is (id and when it was made) + its name, 16 hex digits:
    short, as every form on a long page carries one per sub-theme."""
    made = created_at.isoformat(timespec="microseconds") if created_at else ""
    return f"{subtheme_id}.{_digest(f'{subtheme_id}|{made}')}{_digest(label)}"


def fingerprints(subs: Iterable[Any]) -> str:
    """The `seen` value of a page showing `subs` (rows or views with id, created_at, label)."""
    return " ".join(fingerprint(s.id, s.created_at, s.label) for s in subs)


def seen_fingerprints() -> dict[int, str]:
    """What the form's page showed, by sub-theme id; {} when the form says nothing."""
    raw = request.form.get(SEEN_FIELD, "").strip()
    if not raw:
        return {}
    if not _SEEN.fullmatch(raw):
        abort(400)
    return {int(token.split(".", 1)[0]): token for token in raw.split()}


def form_theme(theme_ids: Iterable[str]) -> str | None:
    """The theme a sub-theme form came from (its hidden `theme`), when it is a real one."""
    theme_id = request.form.get("theme", "")
    return theme_id if theme_id in set(theme_ids) else None


@dataclass
class SubthemeConflict:
    """One refused save: which sub-theme the form named, what became of it, who did it."""

    theme_id: str
    subtheme_id: int
    action: str  # rename, merge, split, move
    kind: str  # gone, replaced, renamed, unseen (the form had no fingerprint)
    attempted_label: str | None = None  # the officer's typed name (rename)
    current_label: str | None = None  # the sub-theme's name now (renamed)
    cause: str | None = None  # the audit action of the colleague's change
    by: str | None = None
    at: datetime | None = None

    @property
    def in_place(self) -> bool:
        """The same sub-theme, renamed: the typed name goes back in its own box."""
        return self.kind == "renamed"

    @property
    def message(self) -> str:
        """For a script (JSON); the page words it with the time in UK time."""
        who = self.by or "A colleague"
        if self.kind == "unseen":
            said = "The form did not say which sub-theme its page showed"
        elif self.kind == "renamed":
            said = f"{who} renamed this sub-theme after you opened the page"
        elif self.cause == "subthemes_merged":
            said = f"{who} merged this sub-theme into another after you opened the page"
        elif self.cause == "subthemes_run":
            said = f"{who} found this theme's sub-themes again after you opened the page"
        else:
            said = f"{who} changed this theme's sub-themes after you opened the page"
        return f"{said}: your {self.action} was not saved."


def lock(session: Session, subtheme_ids: Iterable[int]) -> None:
    """Hold the named sub-themes' rows until the save commits (PostgreSQL's row lock,
    SQLite's write lock), so a run cannot replace one between the check and the write."""
    ids = sorted(set(subtheme_ids))
    if ids:
        session.execute(
            update(Subtheme)
            .where(Subtheme.id.in_(ids))
            .values(label=Subtheme.label, updated_at=Subtheme.updated_at)  # no onupdate
            .execution_options(synchronize_session=False)
        )


def find_conflict(
    session: Session,
    theme_id: str,
    seen: dict[int, str],
    subtheme_ids: Iterable[int],
    action: str,
    attempted_label: str | None = None,
) -> SubthemeConflict | None:
    """The first sub-theme this save names that is not the one its page showed."""
    for sid in dict.fromkeys(subtheme_ids):
        sub = session.get(Subtheme, sid)
        token = seen.get(sid)
        current = None if sub is None else fingerprint(sub.id, sub.created_at, sub.label)
        if sub is None or sub.theme_id != theme_id:
            kind = "gone"
        elif token is None:
            kind = "unseen"
        elif token == current:
            continue
        elif current is not None and token[:-8] != current[:-8]:
            kind = "replaced"
        elif action == "rename" and " ".join((attempted_label or "").split()) == sub.label:
            continue  # the same name again (a double click, or the colleague typed it)
        else:
            kind = "renamed"
        return SubthemeConflict(
            theme_id,
            sid,
            action,
            kind,
            attempted_label=attempted_label,
            current_label=sub.label if kind == "renamed" and sub is not None else None,
        )
    return None


def _last_change(session: Session, conflict: SubthemeConflict) -> AuditEvent | None:
    """The colleague's change behind the refusal: the latest rename of the sub-theme, or
    the latest run, merge (of it), split or finding that made or deleted sub-themes."""
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.action.in_(_CHANGES))
        .order_by(AuditEvent.id.desc())
        .limit(500)
    )
    for event in events:
        detail = event.detail if isinstance(event.detail, dict) else {}
        if detail.get("theme") != conflict.theme_id:
            continue
        if conflict.kind == "renamed":
            if (
                event.action == "subtheme_renamed"
                and detail.get("subtheme") == conflict.subtheme_id
            ):
                return event
        elif event.action == "subthemes_merged":
            if conflict.subtheme_id in (detail.get("merged") or []):
                return event
        elif event.action != "subtheme_renamed":
            return event
    return None


def refuse(
    session: Session,
    actor: str,
    conflict: SubthemeConflict,
    seen: dict[int, str],
    render_page: Callable[[SubthemeConflict], str],
) -> Any:
    """Write the `conflict` audit event (fingerprints, never names) and answer 409."""
    sub = session.get(Subtheme, conflict.subtheme_id)
    now = "" if sub is None else fingerprint(sub.id, sub.created_at, sub.label)
    audit(
        session,
        actor=actor,
        action=CONFLICT,
        detail={
            "aspect": "subtheme",
            "theme": conflict.theme_id,
            "action": conflict.action,
            "subtheme": conflict.subtheme_id,
            "kind": conflict.kind,
            "seen": seen.get(conflict.subtheme_id, ""),
            "now": now,
        },
    )
    if conflict.kind != "unseen":
        change = _last_change(session, conflict)
        if change is not None:
            conflict.cause, conflict.by, conflict.at = change.action, change.actor, change.at
    if wants_json():
        return jsonify(
            error=conflict.message,
            theme=conflict.theme_id,
            subtheme=conflict.subtheme_id,
            kind=conflict.kind,
            changed_by=conflict.by,
            current_label=conflict.current_label,
            attempted_label=conflict.attempted_label,
        ), 409
    return render_page(conflict), 409
