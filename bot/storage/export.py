"""Stored responses as flat rows for export (CLI and review app share this)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from bot.storage.models import Business, Conversation, Response
from bot.storage.queries.filters import uk_time
from bot.storage.themes import effective_themes_for

EXPORT_FIELDS = (
    "response_id",
    "conversation_id",
    "sender_id",
    "channel",
    "source",  # where the view came from: x_post, x, socketio, rest, email, survey, event
    "text",
    "themes",
    "question_key",
    "question",
    "stance",
    "organisation",
    "sector",
    "size_band",
    "location",
    "created_at",
    "received_uk",
    "reviewed",
    "flagged",
)
CHUNK = 1000


def export_query(since: datetime | None = None) -> Select:
    """Responses (oldest first) with their conversation and business, optionally since a date."""
    query = (
        select(Response, Conversation, Business)
        .join(Conversation, Response.conversation_id == Conversation.id)
        .join(Business, Conversation.business_id == Business.id)
        .order_by(Response.id)
    )
    if since is not None:
        query = query.where(Response.created_at >= since)
    return query


def export_rows(session: Session, query: Select | None = None) -> Iterator[dict[str, Any]]:
    """One dict per response; `themes` are the effective ids (staff/respondent override model)."""
    rows = session.execute(query if query is not None else export_query()).all()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        themes = effective_themes_for(session, [r.Response.id for r in chunk])
        for response, conversation, business in chunk:
            yield {
                "response_id": response.id,
                "conversation_id": conversation.id,
                "sender_id": conversation.sender_id,
                "channel": conversation.channel,
                "source": conversation.channel,
                "text": response.text,
                "themes": themes[response.id],
                "question_key": response.question_key,
                "question": response.question,
                "stance": response.stance,
                "organisation": business.organisation,
                "sector": business.sector,
                "size_band": business.size_band,
                "location": business.location,
                "created_at": response.created_at.isoformat(timespec="seconds") + "Z",
                # the time the staff pages show and their date filter reads, with its offset,
                # as the staff exports have it (staff probe s44 left the CLI's UTC alone)
                "received_uk": uk_time(response.created_at).isoformat(timespec="seconds"),
                "reviewed": response.reviewed_at is not None,
                "flagged": bool(response.flagged),
            }


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write JSON lines; return the count."""
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 (so .xlsx and .docx) cannot hold: a stored note or summary with one
# would make the whole export fail.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in user text (CSV/Excel injection), also behind
    leading spaces, which spreadsheets may skip."""
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS and value.strip():
        return "'" + value
    return value


def xml_safe(value: Any) -> Any:
    """Text without the characters an Office (XML) file cannot hold; other values as is."""
    return XML_ILLEGAL.sub("", value) if isinstance(value, str) else value


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write CSV with a header; themes joined by ';'. Return the count."""
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        flat = {k: csv_safe(v) for k, v in row.items()}
        flat["themes"] = ";".join(row["themes"])
        writer.writerow(flat)
        count += 1
    return count
