"""CSV / Excel download of the filtered responses list (redacted unless asked otherwise)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from flask import Blueprint, Response, abort, render_template, request, stream_with_context
from flask_login import login_required

from bot.review.db import db_session
from bot.review.exports import csv_stream, xlsx_bytes
from bot.review.filters import filter_from_args, filter_problems, filter_to_args, filter_url
from bot.review.views.common import actor
from bot.storage import queries
from bot.storage.audit import audit

bp = Blueprint("exports", __name__)


@bp.get("/responses/export")
@login_required
def responses() -> Any:
    f = filter_from_args(request.args)
    fmt = request.args.get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        abort(400)
    problems = filter_problems(request.args)
    if problems:  # an export of more (or none) than the officer asked for is worse than none
        return render_template(
            "review/error.html",
            code=400,
            title="Nothing was exported",
            message=" ".join(problems),
            back_url=filter_url(f, "review.responses.index"),
        ), 400
    # Redacted unless explicitly asked otherwise (the form sends redact=0 plus redact=1 if ticked).
    redact_values = request.args.getlist("redact")
    redacted = not redact_values or "1" in redact_values
    stamp = date.today().isoformat()
    suffix = "-redacted" if redacted else ""
    filename = f"bucks-lis-responses-{stamp}{suffix}.{fmt}"
    with db_session() as session:
        # The rows counted for the audit record are the rows written: answers stored while
        # the file is read (chats go on) wait for the next export (load probe s46).
        rows = replace(f, upto_id=queries.last_response_id(session))
        total = queries.count_responses(session, rows)
        audit(
            session,
            actor=actor(),
            action="export",
            detail={
                "format": fmt,
                "redacted": redacted,
                "rows": total,
                "filter": filter_to_args(f, page=1),
            },
        )
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "xlsx":
        with db_session() as session:
            body = xlsx_bytes(queries.iter_responses(session, rows), redacted)
        return Response(
            body,
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers=headers,
        )

    def generate() -> Any:
        with db_session() as session:
            yield from csv_stream(queries.iter_responses(session, rows), redacted)

    return Response(
        stream_with_context(generate()), content_type="text/csv; charset=utf-8", headers=headers
    )
