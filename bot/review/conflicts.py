"""Refusing a save made from a page read before a colleague's save (staff probe s45: lost
edits).

Every edit form on a response page carries `version_<part>` for the parts it changes
(`bot.storage.versions`). A save that would change a part whose version moved since the
page was read is refused: HTTP 409, the response page again with what it says now beside
what the officer tried to save (and a button to save that knowingly), JSON for a client
that asks for it, and a `conflict` audit event without content; nothing else is written.

A save that changes nothing (a double submit, or the colleague made the same change) is not
a conflict. A form without a version (a page cached before versions existed, or a script)
counts as read before any change: refused once anyone changed that part, saved where nobody
has. A malformed version is a bad request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import abort, jsonify, request, url_for
from sqlalchemy.orm import Session

from bot.storage.audit import audit
from bot.storage.models import Response
from bot.storage.versions import CONFLICT, last_change

# How the refusal names each part of a response.
LABELS = {
    "themes": "themes",
    "stance": "stance",
    "review": "review status",
    "flag": "flag",
    "note": "note",
}
_VERSION = re.compile(r"[0-9]{1,18}")


def version_field(aspect: str) -> str:
    return f"version_{aspect}"


def seen_versions(aspects: Iterable[str]) -> dict[str, int]:
    """The versions the form was read at; a missing one is 0 (read before any change)."""
    seen: dict[str, int] = {}
    for aspect in aspects:
        raw = request.form.get(version_field(aspect), "").strip()
        if raw and not _VERSION.fullmatch(raw):
            abort(400)
        seen[aspect] = int(raw or 0)
    return seen


def stale_part(seen: Mapping[str, int], now: Mapping[str, int], **changes: bool) -> str | None:
    """The first part this save would change that someone changed since the form was read."""
    for aspect, changing in changes.items():
        if changing and seen[aspect] != now[aspect]:
            return aspect
    return None


def version_fields(now: Mapping[str, int], aspects: Iterable[str]) -> list[tuple[str, str]]:
    return [(version_field(a), str(now[a])) for a in aspects]


@dataclass
class Conflict:
    """One refused save: what the response says now and what the officer tried to save."""

    aspect: str
    now: str  # for people
    attempted: str
    current_value: Any  # the same, for a script
    attempted_value: Any
    retry_action: str  # the officer's change again, against the version now shown
    retry_fields: list[tuple[str, str]]
    retry_label: str
    block: bool = False  # long text (a note): shown as a quoted block
    by: str | None = None
    at: datetime | None = None
    versions: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return LABELS[self.aspect]

    @property
    def message(self) -> str:
        return (
            f"Someone else changed this response's {self.label} while you had it open: "
            "here is what it says now; your change was not saved."
        )


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def refuse(
    session: Session,
    who: str,
    response_id: int,
    business_id: int | None,
    conflict: Conflict,
    seen: Mapping[str, int],
    now: Mapping[str, int],
    render_page: Callable[[Conflict], str],
) -> Any:
    """Write the `conflict` audit event (versions only, never content) and answer 409."""
    aspect = conflict.aspect
    audit(
        session,
        actor=who,
        action=CONFLICT,
        response_id=response_id,
        business_id=business_id,
        detail={"aspect": aspect, "seen": seen[aspect], "now": now[aspect]},
    )
    change = last_change(session, response_id, aspect)
    if change is not None:
        conflict.by, conflict.at = change.actor, change.at
    conflict.versions = dict(now)
    if wants_json():
        return jsonify(
            error=conflict.message,
            aspect=aspect,
            current=conflict.current_value,
            attempted=conflict.attempted_value,
            changed_by=conflict.by,
            version=now[aspect],
            versions=conflict.versions,
        ), 409
    return render_page(conflict), 409


# Which versioned part of the response each review action changes, and how a refusal
# names it (staff probe s45: lost edits).
PART_OF = {
    "reviewed": "review",
    "unreviewed": "review",
    "flag": "flag",
    "unflag": "flag",
    "note": "note",
}
_TRIED = {
    "reviewed": "Mark as reviewed",
    "unreviewed": "Mark as not reviewed",
    "flag": "Flag for the team",
    "unflag": "Remove the flag",
}


def review_status(item: Response) -> str:
    return f"Reviewed by {item.reviewed_by}" if item.reviewed_at else "Not reviewed"


def review_conflict(item: Response, action: str, note: str | None, now: dict[str, int]) -> Conflict:
    """What a refused review action shows: the part as it is now and the officer's change."""
    part = PART_OF[action]
    fields = [("action", action), *version_fields(now, (part,))]
    label = "Save my change instead"
    current: str | bool | None
    attempted: str | bool | None
    if part == "note":
        shown, tried = item.note or "(no note)", note or "(clear the note)"
        current, attempted = item.note, note
        fields.append(("note", note or ""))
        label = "Save my note instead"
    elif part == "review":
        shown, tried = review_status(item), _TRIED[action]
        current, attempted = item.reviewed_at is not None, action == "reviewed"
    else:
        shown = "Flagged" if item.flagged else "Not flagged"
        tried = _TRIED[action]
        current, attempted = bool(item.flagged), action == "flag"
    return Conflict(
        aspect=part,
        now=shown,
        attempted=tried,
        current_value=current,
        attempted_value=attempted,
        retry_action=url_for("review.responses.review_action", response_id=item.id),
        retry_fields=fields,
        retry_label=label,
        block=part == "note",
    )
