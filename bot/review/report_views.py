"""The board report's staff pages (/staff/report): each theme's summary and the downloads.

Routes on the findings blueprint (endpoints `findings.report`, `findings.save_summary`,
`findings.download`). Each summary form carries the version of the summary it shows; a save
that would replace a colleague's summary written since the page was read is refused (409):
both shown, the officer's words kept in the box to save knowingly (staff probe s46: lost
edits, as bot/review/conflicts.py does for a response's parts).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from bot.findings import report as report_store
from bot.review.conflicts import wants_json
from bot.review.db import db_session
from bot.review.findings_views import bp
from bot.storage.audit import audit
from bot.storage.models import ReportSummary
from bot.storage.versions import CONFLICT
from bot.strategy import THEME_IDS

DOWNLOADS = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
VERSION_FIELD = "version_summary"


class SummaryForm(FlaskForm):
    summary = TextAreaField(
        "Summary", validators=[Optional(), Length(max=report_store.MAX_SUMMARY_CHARS)]
    )


def summary_version(text: str | None) -> str:
    """What a form read: a fingerprint of the summary's words, "" for none. A form without
    one counts as read before anyone wrote a summary (as a response's versions do)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text else ""


@dataclass
class SummaryConflict:
    """A refused save: the summary now (who wrote it, when) and the officer's words."""

    theme_id: str
    now: str
    attempted: str
    by: str | None
    at: datetime | None


def _report_page(session: Session, conflict: SummaryConflict | None = None) -> str:
    from bot.findings.charts import svg_bars
    from bot.findings.report_html import chart_panels

    data = report_store.collect(session)
    summaries = {s.theme_id: s for s in session.scalars(select(ReportSummary))}
    forms = {t.id: SummaryForm(formdata=None, summary=t.summary) for t in data.themes}
    versions = {t.id: summary_version(t.summary) for t in data.themes}
    if conflict is not None:  # the officer's words back in the box, against the summary now
        forms[conflict.theme_id] = SummaryForm(formdata=None, summary=conflict.attempted)
    return render_template(
        "review/findings/report.html",
        data=data,
        forms=forms,
        summaries=summaries,
        versions=versions,
        version_field=VERSION_FIELD,
        conflict=conflict,
        svg_bars=svg_bars,
        chart_panels=chart_panels,
    )


@bp.get("/report")
@login_required
def report() -> Any:
    with db_session() as session:
        return _report_page(session)


def _lock_summary(session: Session, theme_id: str) -> None:
    """Hold the theme's summary row (PostgreSQL's row lock, SQLite's write lock) until the
    save commits, so the version check and the write are one step."""
    session.execute(
        update(ReportSummary)
        .where(ReportSummary.theme_id == theme_id)
        .values(text=ReportSummary.text, updated_at=ReportSummary.updated_at)  # no onupdate
        .execution_options(synchronize_session=False)
    )


@bp.post("/report/summary/<theme_id>")
@login_required
def save_summary(theme_id: str) -> Any:
    if theme_id not in THEME_IDS:
        abort(404)
    form = SummaryForm()
    if not form.validate():
        flash(f"A summary may have at most {report_store.MAX_SUMMARY_CHARS} characters.", "error")
        return redirect(url_for("findings.report") + f"#theme-{theme_id}")
    wanted = (form.summary.data or "").strip()
    seen = request.form.get(VERSION_FIELD, "").strip()
    actor = current_user.email
    with db_session() as session:
        _lock_summary(session, theme_id)
        row = session.get(ReportSummary, theme_id)
        if row is None or row.text != wanted:  # the same words again saves nothing more
            if row is not None and summary_version(row.text) != seen:
                return _refuse(session, theme_id, row, wanted, seen)
            try:
                with session.begin_nested():  # a colleague's first summary at the same moment
                    report_store.save_summary(session, theme_id, wanted, actor)
                    session.flush()
            except IntegrityError:
                session.expire_all()
                row = session.get(ReportSummary, theme_id)
                if row is not None and row.text != wanted:
                    return _refuse(session, theme_id, row, wanted, seen)
    flash("Summary saved." if wanted else "Summary removed.", "success")
    return redirect(url_for("findings.report") + f"#theme-{theme_id}")


def _refuse(session: Session, theme_id: str, row: ReportSummary, wanted: str, seen: str) -> Any:
    """409: the report page with the colleague's summary beside the officer's words; a
    `conflict` audit event with versions, never words."""
    now = summary_version(row.text)
    audit(
        session,
        actor=current_user.email,
        action=CONFLICT,
        detail={"aspect": "summary", "theme": theme_id, "seen": seen, "now": now},
    )
    conflict = SummaryConflict(theme_id, row.text, wanted, row.updated_by, row.updated_at)
    if wants_json():
        return {
            "error": "Someone else changed this summary while you had it open.",
            "current": row.text,
            "attempted": wanted,
            "changed_by": row.updated_by,
            "version": now,
        }, 409
    return _report_page(session, conflict), 409


@bp.get("/report/download.<fmt>")
@login_required
def download(fmt: str) -> Any:
    if fmt not in DOWNLOADS:
        abort(404)
    with db_session() as session:
        data = report_store.collect(session)
        audit(
            session,
            actor=current_user.email,
            action="report_downloaded",
            detail={"format": fmt, "responses": data.total_responses},
        )
    body = report_store.to_bytes(data, fmt)
    name = f"bucks-lis-report-{data.generated_at:%Y-%m-%d}.{fmt}"
    return Response(
        body,
        mimetype=DOWNLOADS[fmt],
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )
