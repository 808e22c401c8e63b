"""Importing emailed, survey and event responses from a file (admin, CSRF, size limit).

The same checks and one transaction as `bucks-lis import`: a bad file is refused with
its problems listed by line and nothing is stored.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_required

from bot.config import settings
from bot.findings.import_file import ImportFileError, format_for
from bot.findings.importer import import_file
from bot.review.auth import admin_required
from bot.review.db import db_session
from bot.review.forms import ImportForm
from bot.review.views.common import actor

bp = Blueprint("imports", __name__)

# Room for the form's other fields and multipart framing around the file itself.
MULTIPART_OVERHEAD = 64 * 1024
# How many ignored columns the message after an import names, and how much of each.
IGNORED_SHOWN = 10
IGNORED_NAME_CHARS = 40


def _max_bytes() -> int:
    return int(current_app.config.get("IMPORT_MAX_BYTES") or settings().import_max_bytes)


def _max_rows() -> int:
    return int(current_app.config.get("IMPORT_MAX_ROWS") or settings().import_max_rows)


def max_upload_bytes() -> int:
    """The largest request the upload accepts: the file limit plus the form around it."""
    return _max_bytes() + MULTIPART_OVERHEAD


def ignored_note(columns: list[str]) -> str:
    """The columns an import ignored, for the message after it: a few names, cut short.
    The message waits in the session cookie; every name of a survey export (whole
    questions, 100+ columns) made it larger than browsers keep, so the message was lost
    and a proxy may refuse the header (attack probe s43)."""
    if not columns:
        return ""
    shown = [
        name if len(name) <= IGNORED_NAME_CHARS else name[: IGNORED_NAME_CHARS - 1] + "…"
        for name in columns[:IGNORED_SHOWN]
    ]
    more = len(columns) - len(shown)
    return (
        f" {len(columns)} ignored column(s): {', '.join(shown)}"
        + (f" and {more} more" if more else "")
        + "."
    )


@bp.route("/import", methods=["GET", "POST"])
@login_required
@admin_required
def index() -> Any:
    limit = _max_bytes()
    problems: list[str] = []
    status = 200
    form = ImportForm()
    if request.method == "POST":
        status = 400
        if form.validate_on_submit():
            upload = form.file.data
            data = upload.read(limit + 1)
            try:
                if len(data) > limit:
                    raise ImportFileError(
                        [f"The file is larger than the {limit // 1000:,} kB limit."]
                    )
                fmt = format_for(upload.filename or "")
                with db_session() as session:
                    result = import_file(
                        session,
                        data,
                        fmt,
                        form.source.data,
                        actor(),
                        settings().import_max_text_chars,
                        _max_rows(),
                    )
            except ImportFileError as exc:
                problems = exc.problems
            else:
                ignored = ignored_note(result.ignored_columns)
                flash(
                    f"Imported {result.added} response(s) from {result.rows} row(s) as "
                    f"{result.source}; {result.already} already imported.{ignored}",
                    "success",
                )
                return redirect(url_for("review.responses.index", channel=result.source))
    return render_template("review/import.html", form=form, problems=problems, limit=limit), status
