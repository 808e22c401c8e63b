"""Storing imported responses: one transaction, tagged like chat answers, never twice.

Each row becomes a `Response` in a conversation whose channel is the source ("email",
"survey", "event"), from one `Business` per (source, organisation), or per row when
no organisation is given. `Response.external_id` is `import:<sha256 of source + the
normalised row>`, so re-importing the same rows (in this file or an earlier one) adds
nothing. Themes come from the tagger through `set_model_tags` (model version kept);
the stance is set as each response is stored (`bot.storage.models`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.findings.import_file import SOURCES, ImportRow, parse_file
from bot.storage.audit import audit
from bot.storage.models import Business, Conversation, Response, utcnow
from bot.storage.themes import set_model_tags

EXTERNAL_PREFIX = "import:"
# Imported businesses' sender ids begin "<source>:" ("email:org:<hash>"): no public web
# client may use them (bot/channels/senders.py).
SENDER_PREFIXES = tuple(f"{source}:" for source in SOURCES)
LOOKUP_CHUNK = 500


@dataclass
class ImportResult:
    source: str
    rows: int  # rows in the file
    added: int  # responses stored now
    already: int  # rows already imported (earlier, or repeated in this file)
    businesses_added: int
    model_version: str | None
    ignored_columns: list[str] = field(default_factory=list)
    response_ids: list[int] = field(default_factory=list)


def external_id(row: ImportRow, source: str) -> str:
    return EXTERNAL_PREFIX + row.fingerprint(source)


def _sender_id(row: ImportRow, source: str, ext: str) -> str:
    """One business per (source, organisation); a row without one is its own business."""
    if row.organisation:
        key = " ".join(row.organisation.split()).casefold()
        return f"{source}:org:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}"
    return f"{source}:row:{ext[len(EXTERNAL_PREFIX) :][:24]}"


def _existing(session: Session, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), LOOKUP_CHUNK):
        chunk = list(ids[start : start + LOOKUP_CHUNK])
        found.update(
            session.scalars(select(Response.external_id).where(Response.external_id.in_(chunk)))
        )
    return found


def store_rows(
    session: Session, rows: Sequence[ImportRow], source: str, actor: str
) -> ImportResult:
    """Tag and store `rows` in `session` (the caller's one transaction); audit the counts.

    Tagged before anything is written, so a tagger failure stores nothing. An imported
    response answers no question of ours, so it is tagged on its words alone."""
    from bot.tagging import tag_many

    wanted: dict[str, ImportRow] = {}
    for row in rows:
        wanted.setdefault(external_id(row, source), row)
    stored = _existing(session, list(wanted))
    fresh = [(e, row) for e, row in wanted.items() if e not in stored]
    results = tag_many([r.text for _, r in fresh]) if fresh else []
    version = results[0].model_version if results else None

    now = utcnow()
    businesses: dict[str, Business] = {}
    conversations: dict[int, Conversation] = {}
    businesses_added = 0
    ids: list[int] = []
    for (ext, row), result in zip(fresh, results, strict=True):
        sender = _sender_id(row, source, ext)
        business = (
            businesses.get(sender)
            or session.scalars(
                select(Business).where(Business.channel == source, Business.sender_id == sender)
            ).first()
        )
        if business is None:
            business = Business(sender_id=sender, channel=source, consent=True, consent_at=now)
            session.add(business)
            businesses_added += 1
        for name in ("organisation", "sector", "size_band", "location"):
            if getattr(row, name):
                setattr(business, name, getattr(row, name))
        session.flush()
        businesses[sender] = business
        conversation = (
            conversations.get(business.id)
            or session.scalars(
                select(Conversation)
                .where(Conversation.business_id == business.id, Conversation.channel == source)
                .order_by(Conversation.id)
            ).first()
        )
        received = row.received_at or now
        if conversation is None:
            conversation = Conversation(
                business_id=business.id,
                sender_id=sender,
                channel=source,
                started_at=received,
                ended_at=now,
            )
            session.add(conversation)
            session.flush()
        elif received < conversation.started_at:
            conversation.started_at = received
        conversations[business.id] = conversation
        response = Response(
            conversation_id=conversation.id,
            text=row.text,
            created_at=received,
            external_id=ext,
        )
        session.add(response)
        session.flush()
        set_model_tags(
            session,
            response.id,
            result.themes,
            result.scores,
            result.evidence,
            result.model_version,
        )
        ids.append(response.id)
    result_summary = ImportResult(
        source=source,
        rows=len(rows),
        added=len(ids),
        already=len(rows) - len(ids),
        businesses_added=businesses_added,
        model_version=version,
        response_ids=ids,
    )
    audit(
        session,
        actor=actor,
        action="import",
        detail={
            "source": source,
            "rows": result_summary.rows,
            "added": result_summary.added,
            "already_imported": result_summary.already,
            "businesses_added": businesses_added,
            "model_version": version,
        },
    )
    session.flush()
    return result_summary


def import_file(
    session: Session,
    data: bytes,
    fmt: str,
    source: str,
    actor: str,
    max_text_chars: int,
    max_rows: int | None = None,
) -> ImportResult:
    """Check the whole file, then store it (raises ImportFileError, storing nothing)."""
    parsed = parse_file(data, fmt, source, max_text_chars, max_rows)
    result = store_rows(session, parsed.rows, source, actor)
    result.ignored_columns = parsed.ignored_columns
    return result
