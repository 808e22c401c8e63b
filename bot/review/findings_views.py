"""Staff pages for findings (/staff/findings, /staff/report): curate sub-themes, star and
redact quotes, write each theme's summary and download the board report.

Every page needs a login; every POST carries a CSRF token (checked for the whole blueprint);
every change is audited by the store functions in bot/findings.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from bot.findings import quotes as quote_store
from bot.findings import subthemes as st
from bot.review.db import db_session
from bot.review.ids import parse_ids
from bot.review.subtheme_conflicts import SEEN_FIELD, SubthemeConflict, fingerprints
from bot.storage.audit import audit
from bot.storage.export import csv_safe
from bot.storage.models import Quote, Subtheme
from bot.strategy import THEME_IDS, load_themes

bp = Blueprint("findings", __name__, url_prefix="/staff", template_folder="templates")

ANCHOR_RE = re.compile(r"#[A-Za-z][A-Za-z0-9_-]{0,63}")
MEMBERS_SHOWN = 50  # per sub-theme on the page; the CLI and report count them all


class RenameForm(FlaskForm):
    label = StringField("New name", validators=[DataRequired(), Length(max=255)])


class RedactionForm(FlaskForm):
    text = TextAreaField(
        "Redacted text", validators=[Optional(), Length(max=quote_store.MAX_QUOTE_CHARS)]
    )


@bp.before_request
def _csrf_for_findings() -> None:
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        current_app.extensions["csrf"].protect()


def _actor() -> str:
    return current_user.email


def _theme_or_404(theme_id: str) -> str:
    if theme_id not in THEME_IDS:
        abort(404)
    return theme_id


def _back(theme_id: str) -> Any:
    """Back to the theme's page at the form's place on it. Only an `#id` is followed: a
    newline in a forged `anchor` made the redirect header fail (500)."""
    anchor = request.form.get("anchor", "")
    if not ANCHOR_RE.fullmatch(anchor):
        anchor = ""
    return redirect(url_for("findings.theme", theme_id=theme_id) + anchor)


@bp.get("/findings")
@login_required
def index() -> Any:
    with db_session() as session:
        subs = dict(
            session.execute(
                select(Subtheme.theme_id, func.count(Subtheme.id)).group_by(Subtheme.theme_id)
            ).all()
        )
        starred = dict(
            session.execute(
                select(Quote.theme_id, func.count(Quote.id)).group_by(Quote.theme_id)
            ).all()
        )
    return render_template(
        "review/findings/index.html", themes=load_themes(), subs=subs, starred=starred
    )


@bp.get("/findings/<theme_id>")
@login_required
def theme(theme_id: str) -> Any:
    _theme_or_404(theme_id)
    with db_session() as session:
        return theme_page(session, theme_id)


def theme_page(session: Session, theme_id: str, conflict: SubthemeConflict | None = None) -> str:
    """The theme's sub-themes page; `conflict`: a refused edit, shown with the typed name."""
    found = st.listing(session, theme_id)
    quotes = quote_store.quotes(session, theme_id)
    starred = {q.response_id: q.id for q in quotes}
    return render_template(
        "review/findings/theme.html",
        theme_id=theme_id,
        found=found,
        quotes=quotes,
        starred=starred,
        shown=MEMBERS_SHOWN,
        unencoded=st.unencoded(session, theme_id),
        marks=quote_store.redaction_marks,
        # from the rows shown, in the same read: what each form says its page showed
        seen=fingerprints(found.subthemes),
        seen_field=SEEN_FIELD,
        conflict=conflict,
    )


def _curate(theme_id: str, action: Any, message: str) -> Any:
    try:
        with db_session() as session:
            action(session)
    except (st.SubthemeError, quote_store.QuoteError, ValueError) as error:
        flash(str(error), "error")
    else:
        flash(message, "success")
    return _back(theme_id)


@bp.post("/findings/from-responses")
@login_required
def from_responses() -> Any:
    """A finding made from responses ticked in the list: a curated sub-theme of one theme."""
    from bot.review.navigation import list_url
    from bot.review.views.common import theme_name

    back = redirect(list_url())
    theme_id = request.form.get("theme", "")
    ids = parse_ids(request.form.getlist("response"))
    if theme_id not in THEME_IDS:
        flash("Choose the theme the finding belongs to.", "error")
        return back
    if not ids:
        flash("Tick the responses that make the finding first.", "error")
        return back
    try:
        with db_session() as session:
            sub, placed = st.create(session, theme_id, request.form.get("label", ""), ids, _actor())
            label = sub.label
    except st.SubthemeError as error:
        flash(f"No finding made: {error}.", "error")
        return back
    left = len(set(ids)) - len(placed)
    flash(
        f"Finding saved: “{label}”, {len(placed)} response(s) under {theme_name(theme_id)}"
        + (f"; {left} not on that theme left out" if left else "")
        + ". It is on the board report and the theme's sub-themes page.",
        "success",
    )
    return back


@bp.post("/findings/<theme_id>/responses/<int:response_id>/star")
@login_required
def star(theme_id: str, response_id: int) -> Any:
    _theme_or_404(theme_id)
    return _curate(
        theme_id,
        lambda s: quote_store.star(s, response_id, theme_id, _actor()),
        "Starred as a quote. Check its redaction below.",
    )


def _quote_theme(quote_id: int) -> str:
    with db_session() as session:
        quote = session.get(Quote, quote_id)
        if quote is None:
            abort(404)
        return quote.theme_id


@bp.post("/findings/quotes/<int:quote_id>/unstar")
@login_required
def unstar(quote_id: int) -> Any:
    theme_id = _quote_theme(quote_id)
    return _curate(theme_id, lambda s: quote_store.unstar(s, quote_id, _actor()), "Quote removed.")


@bp.post("/findings/quotes/<int:quote_id>/redaction")
@login_required
def redaction(quote_id: int) -> Any:
    theme_id = _quote_theme(quote_id)
    form = RedactionForm()
    if not form.validate():
        flash(f"A quote may have at most {quote_store.MAX_QUOTE_CHARS} characters.", "error")
        return _back(theme_id)
    return _curate(
        theme_id,
        lambda s: quote_store.edit_redaction(s, quote_id, form.text.data, _actor()),
        "Redaction saved."
        if (form.text.data or "").strip()
        else "Back to the automatic redaction.",
    )


@bp.post("/findings/<theme_id>/businesses/<int:business_id>/named-consent")
@login_required
def named_consent(theme_id: str, business_id: int) -> Any:
    _theme_or_404(theme_id)
    agreed = request.form.get("agreed") == "1"
    return _curate(
        theme_id,
        lambda s: quote_store.set_named_consent(s, business_id, agreed, _actor()),
        "The organisation may be named in quotes."
        if agreed
        else "The organisation's name will be redacted from quotes.",
    )


@bp.get("/findings/quotes.csv")
@login_required
def quotes_csv() -> Any:
    """Starred quotes, redacted, for use outside the app (audited)."""
    with db_session() as session:
        views = quote_store.quotes(session)
        audit(session, actor=_actor(), action="quotes_exported", detail={"rows": len(views)})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["theme", "quote", "sector", "size_band"])
    for v in views:
        writer.writerow([csv_safe(x) for x in (v.theme_id, v.redacted, v.sector, v.size_band)])
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=quotes.csv"},
    )


# The report's pages and summary forms, and the sub-themes' edits (staff probe s46: their
# own modules, with their lost-edit checks); imported last, onto this blueprint.
from bot.review import report_views, subtheme_views  # noqa: E402, F401
