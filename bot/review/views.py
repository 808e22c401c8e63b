"""The staff review blueprint (/staff): pages, actions, exports and a small JSON API."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask import (
    session as flask_session,
)
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import func, select

from bot.review.auth import admin_required, client_ip, login_for, safe_next
from bot.review.db import db_session
from bot.review.exports import csv_stream, xlsx_bytes
from bot.review.forms import EraseForm, LoginForm, NewUserForm, NoteForm
from bot.review.x_status import x_post_links, x_status
from bot.storage import queries
from bot.storage import staff as staff_store
from bot.storage.erasure import forget_sender
from bot.storage.models import (
    SOURCE_STAFF,
    AuditEvent,
    Business,
    Conversation,
    StaffUser,
    utcnow,
)
from bot.storage.models import (
    Response as ResponseModel,
)
from bot.storage.queries import ResponseFilter
from bot.storage.themes import set_themes
from bot.storage.transcripts import USER, transcript
from bot.strategy import THEME_IDS

bp = Blueprint(
    "review",
    __name__,
    url_prefix="/staff",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)


@bp.before_request
def _csrf_for_staff() -> None:
    """Every state-changing staff request needs a valid CSRF token (400 otherwise)."""
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        current_app.extensions["csrf"].protect()


def _actor() -> str:
    return current_user.email


def _back(default: str) -> str:
    return safe_next(request.form.get("next") or request.args.get("next"), default)


# --- login / logout ---------------------------------------------------------------------------


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("review.overview"))
    form = LoginForm()
    status = 200
    error = None
    if request.method == "POST":
        email = (request.form.get("email") or "").strip()
        ip = client_ip()
        with db_session() as session:
            locked = staff_store.is_locked_out(session, ip, email)
        if locked:
            error = (
                "Too many failed sign-in attempts. Wait 15 minutes and try again, "
                "or ask an administrator to reset your password."
            )
            status = 429
        elif form.validate_on_submit():
            with db_session() as session:
                info = staff_store.authenticate(session, form.email.data, form.password.data)
                staff_store.record_login(session, ip, email, ok=info is not None)
                user = session.get(StaffUser, info.id) if info else None
                login = login_for(user) if user else None
            if login is not None:
                flask_session.clear()  # drop anything set before sign-in
                login_user(login)
                return redirect(safe_next(request.args.get("next"), url_for("review.overview")))
            error = "The email address or password is not right."
            status = 401
        else:
            error = "Enter your email address and password."
            status = 400
    return render_template("review/login.html", form=form, error=error), status


@bp.post("/logout")
@login_required
def logout() -> Any:
    with db_session() as session:
        session.add(AuditEvent(actor=_actor(), action="logout", detail={"ip": client_ip()}))
    logout_user()
    flash("You have signed out.", "info")
    return redirect(url_for("review.login"))


# --- overview ---------------------------------------------------------------------------------


@bp.get("/")
@login_required
def overview() -> Any:
    data, as_of = _overview(fresh=request.args.get("fresh") == "1")
    islands, seabed = queries.island_and_seabed(data.by_theme)
    return render_template(
        "review/overview.html",
        x=x_status(),
        data=data,
        as_of=as_of,
        cache_seconds=_overview_ttl(),
        islands=islands,
        seabed=seabed,
        theme_href=lambda t: url_for("review.responses", theme=t),
        channel_href=lambda c: url_for("review.responses", channel=c),
        sector_href=lambda s: url_for("review.responses", sector=s),
    )


# --- responses list + exports -------------------------------------------------------------------


def _filter_url(f: ResponseFilter, endpoint: str = "review.responses", **changes: Any) -> str:
    query = urlencode(f.to_args(**changes))
    return url_for(endpoint) + (f"?{query}" if query else "")


# The overview aggregates every response (three index passes). It is a dashboard, so it
# is reused for a short time; any staff change made through this app refreshes it at
# once, and new chat messages show within REVIEW_OVERVIEW_CACHE_SECONDS.
_OVERVIEW: dict[str, tuple[float, tuple[int, int], datetime, queries.Overview]] = {}
_GENERATION = [0]


def _overview_ttl() -> float:
    return float(current_app.config.get("REVIEW_OVERVIEW_CACHE_SECONDS", 30))


# Audit actions that delete what someone said: each drops the overview's reused copy.
ERASURE_ACTIONS = ("erasure", "x_post_deleted")


def _overview(fresh: bool = False) -> tuple[queries.Overview, datetime]:
    """The overview, reused briefly. An erasure anywhere (the bot's "forget" included)
    drops the reused copy at once, so erased words never linger on this page."""
    key = current_app.config["DATABASE_URL"]
    now = time.monotonic()
    with db_session() as session:
        last_erasure = session.scalar(
            select(func.max(AuditEvent.id)).where(
                AuditEvent.action.in_(ERASURE_ACTIONS)
            )
        )
        version = (_GENERATION[0], int(last_erasure or 0))
        cached = _OVERVIEW.get(key)
        if fresh or cached is None or cached[1] != version or now - cached[0] > _overview_ttl():
            cached = (now, version, utcnow(), queries.overview(session))
            _OVERVIEW[key] = cached
    return cached[3], cached[2]


@bp.after_app_request
def _changes_refresh_overview(response: Any) -> Any:
    if (
        request.method == "POST"
        and request.path.startswith("/staff")
        and response.status_code < 400
    ):
        _GENERATION[0] += 1
    return response


_FACETS: dict[str, tuple[float, dict[str, list[str]]]] = {}
FACETS_TTL_SECONDS = 60.0


def _facets(session: Any) -> dict[str, list[str]]:
    """Drop-down values (channels, sectors, sizes) change rarely: reuse them for a minute."""
    key = current_app.config["DATABASE_URL"]
    now = time.monotonic()
    cached = _FACETS.get(key)
    if cached is None or now - cached[0] > FACETS_TTL_SECONDS or current_app.testing:
        cached = (now, queries.facets(session))
        _FACETS[key] = cached
    return cached[1]


@bp.get("/responses")
@login_required
def responses() -> Any:
    f = ResponseFilter.from_args(request.args)
    with db_session() as session:
        page = queries.list_responses(session, f)
        options = _facets(session)
    return render_template(
        "review/responses.html",
        f=f,
        page=page,
        options=options,
        filter_url=lambda **changes: _filter_url(f, **changes),
    )


@bp.get("/responses/export")
@login_required
def export() -> Any:
    f = ResponseFilter.from_args(request.args)
    fmt = request.args.get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        abort(400)
    # Redacted unless explicitly asked otherwise (the form sends redact=0 plus redact=1 if ticked).
    redact_values = request.args.getlist("redact")
    redacted = not redact_values or "1" in redact_values
    stamp = date.today().isoformat()
    suffix = "-redacted" if redacted else ""
    filename = f"bucks-lis-responses-{stamp}{suffix}.{fmt}"
    with db_session() as session:
        total = queries.count_responses(session, f)
        session.add(
            AuditEvent(
                actor=_actor(),
                action="export",
                detail={
                    "format": fmt,
                    "redacted": redacted,
                    "rows": total,
                    "filter": f.to_args(page=1),
                },
            )
        )
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "xlsx":
        with db_session() as session:
            body = xlsx_bytes(queries.iter_responses(session, f), redacted)
        return Response(
            body,
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers=headers,
        )

    def generate() -> Any:
        with db_session() as session:
            yield from csv_stream(queries.iter_responses(session, f), redacted)

    return Response(
        stream_with_context(generate()), mimetype="text/csv; charset=utf-8", headers=headers
    )


# --- one response: themes, review workflow -----------------------------------------------------


@bp.get("/responses/<int:response_id>")
@login_required
def response(response_id: int) -> Any:
    with db_session() as session:
        detail = queries.response_detail(session, response_id)
        if detail is None:
            abort(404)
        evidence = queries.evidence_for(session, [response_id]).get(response_id, {})
        next_id = queries.next_unreviewed(session, exclude=response_id)
        post_link = x_post_links(session, [response_id]).get(response_id)
    return render_template(
        "review/response.html",
        post_link=post_link,
        next_id=next_id,
        d=detail,
        r=detail.row,
        evidence=evidence,
        note_form=NoteForm(note=detail.row.note or ""),
    )


@bp.post("/responses/<int:response_id>/themes")
@login_required
def correct_themes(response_id: int) -> Any:
    wanted = [t for t in request.form.getlist("theme") if t in THEME_IDS]
    mark_reviewed = request.form.get("mark_reviewed") == "1"
    with db_session() as session:
        item = session.get(ResponseModel, response_id)
        if item is None:
            abort(404)
        after = set_themes(session, response_id, wanted, source=SOURCE_STAFF, actor=_actor())
        if mark_reviewed and item.reviewed_at is None:
            item.reviewed_at = utcnow()
            item.reviewed_by = _actor()
            session.add(
                AuditEvent(
                    actor=_actor(),
                    action="reviewed",
                    response_id=response_id,
                    business_id=_business_id(session, item),
                )
            )
    names = ", ".join(_theme_name(t) for t in after) or "no themes"
    flash(f"Themes saved: {names}.", "success")
    return redirect(_back(url_for("review.response", response_id=response_id)))


def _business_id(session: Any, item: ResponseModel) -> int | None:
    return session.scalar(
        select(Conversation.business_id).where(Conversation.id == item.conversation_id)
    )


REVIEW_ACTIONS = {"reviewed", "unreviewed", "flag", "unflag", "note"}


@bp.post("/responses/<int:response_id>/review")
@login_required
def review_action(response_id: int) -> Any:
    action = request.form.get("action", "")
    if action not in REVIEW_ACTIONS:
        abort(400)
    with db_session() as session:
        item = session.get(ResponseModel, response_id)
        if item is None:
            abort(404)
        detail: dict[str, Any] = {}
        if action == "reviewed":
            item.reviewed_at, item.reviewed_by = utcnow(), _actor()
            message = "Marked as reviewed."
        elif action == "unreviewed":
            item.reviewed_at, item.reviewed_by = None, None
            message = "Marked as not reviewed."
        elif action == "flag":
            item.flagged = True
            message = "Flagged for the team."
        elif action == "unflag":
            item.flagged = False
            message = "Flag removed."
        else:
            form = NoteForm()
            if not form.validate():
                abort(400)
            note = (form.note.data or "").strip() or None
            detail = {"chars": len(note or ""), "cleared": note is None}
            item.note = note
            message = "Note saved." if note else "Note cleared."
        session.add(
            AuditEvent(
                actor=_actor(),
                action=action if action != "note" else "note",
                response_id=response_id,
                business_id=_business_id(session, item),
                detail=detail or None,
            )
        )
    flash(message, "success")
    return redirect(_back(url_for("review.response", response_id=response_id)))


# --- transcript ---------------------------------------------------------------------------


@dataclass
class TranscriptItem:
    speaker: str
    text: str
    at: Any
    buttons: list[Any] = field(default_factory=list)
    button_title: str | None = None
    response: queries.ResponseRow | None = None


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "")).strip().casefold()


def build_transcript(
    turns: list[Any], rows: list[queries.ResponseRow]
) -> tuple[list[TranscriptItem], list[queries.ResponseRow]]:
    """Interleave the tracker's turns with our stored responses (matched by text, in order).

    Returns the items and the stored responses that matched no turn."""
    pending = list(rows)
    items: list[TranscriptItem] = []
    for t in turns:
        item = TranscriptItem(t.speaker, t.text, t.at, list(t.buttons), t.button_title)
        if t.speaker == USER:
            key = _norm(t.text)
            for i, row in enumerate(pending):
                if _norm(row.text) == key:
                    item.response = pending.pop(i)
                    break
        items.append(item)
    return items, pending


@bp.get("/businesses")
@login_required
def businesses() -> Any:
    q = (request.args.get("q") or "").strip()[:200]
    with db_session() as session:
        rows, total = queries.find_businesses(session, q)
    return render_template("review/businesses.html", rows=rows, total=total, q=q)


@bp.get("/businesses/<int:business_id>")
@login_required
def business(business_id: int) -> Any:
    with db_session() as session:
        biz = session.get(Business, business_id)
        if biz is None:
            abort(404)
        conversations = list(
            session.scalars(
                select(Conversation)
                .where(Conversation.business_id == business_id)
                .order_by(Conversation.started_at)
            )
        )
        rows = queries.business_responses(session, business_id)
        evidence = queries.evidence_for(session, [r.id for r in rows])
        turns = transcript(session, biz.sender_id)
        post_links = x_post_links(session, [r.id for r in rows])
    items, unmatched = build_transcript(turns, rows)
    return render_template(
        "review/transcript.html",
        post_links=post_links,
        biz=biz,
        conversations=conversations,
        items=items,
        unmatched=unmatched,
        rows=rows,
        evidence=evidence,
        has_turns=bool(turns),
    )


@bp.route("/businesses/<int:business_id>/erase", methods=["GET", "POST"])
@login_required
@admin_required
def erase(business_id: int) -> Any:
    form = EraseForm()
    with db_session() as session:
        biz = session.get(Business, business_id)
        if biz is None:
            abort(404)
        sender_id = biz.sender_id
        label = biz.organisation or f"business #{biz.id}"
        count = queries.count_responses(session, ResponseFilter(business_id=business_id))
        if request.method == "POST" and form.validate_on_submit():
            result = forget_sender(session, sender_id, actor=_actor(), reason="staff erasure")
            flash(
                f"Erased: {result.businesses} business record(s), {result.responses} response(s) "
                f"and {result.events} transcript event(s).",
                "success",
            )
            return redirect(url_for("review.audit"))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "review/erase.html", form=form, business_id=business_id, label=label, count=count
    ), status


# --- audit, agreement, users ---------------------------------------------------------------------


@bp.get("/audit")
@login_required
def audit() -> Any:
    try:
        page = max(1, int(request.args.get("page", 1)))
    except ValueError:
        page = 1
    action = (request.args.get("action") or "").strip() or None
    response_id = request.args.get("response", "")
    with db_session() as session:
        log = queries.audit_log(
            session,
            page=page,
            action=action,
            response_id=int(response_id) if response_id.isdigit() else None,
            include_logins=request.args.get("logins") == "1",
        )
        actions = queries.audit_actions(session)
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "review/audit.html",
        log=log,
        actions=actions,
        action=action,
        page_url=lambda p: url_for("review.audit", **args, page=p),
    )


@bp.get("/agreement")
@login_required
def agreement() -> Any:
    with db_session() as session:
        data = queries.agreement(session)
    return render_template("review/agreement.html", a=data)


@bp.route("/users", methods=["GET", "POST"])
@login_required
@admin_required
def users() -> Any:
    form = NewUserForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                with db_session() as session:
                    staff_store.create_user(
                        session, form.email.data, form.password.data, form.role.data, actor=_actor()
                    )
                flash(f"Account created for {form.email.data.strip().lower()}.", "success")
                return redirect(url_for("review.users"))
            except ValueError as exc:
                form.email.errors = [*form.email.errors, str(exc)]
        status = 400
    with db_session() as session:
        people = staff_store.list_users(session)
    return render_template("review/users.html", form=form, people=people), status


@bp.post("/users/<int:user_id>")
@login_required
@admin_required
def update_user(user_id: int) -> Any:
    if user_id == current_user.user_id:
        flash("You cannot change your own role or access here.", "error")
        return redirect(url_for("review.users"))
    role = request.form.get("role") or None
    active_raw = request.form.get("active")
    active = None if active_raw is None else active_raw == "1"
    password = request.form.get("password") or None
    try:
        with db_session() as session:
            info = staff_store.update_user(
                session, user_id, actor=_actor(), role=role, active=active, password=password
            )
    except LookupError:
        abort(404)
    except ValueError as exc:
        flash(str(exc), "error")
        return redirect(url_for("review.users"))
    flash(f"Updated {info.email}.", "success")
    return redirect(url_for("review.users"))


# --- JSON API (same login) ---------------------------------------------------------------------


def _row_json(row: queries.ResponseRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "text": row.text,
        "question": row.question,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "channel": row.channel,
        "business_id": row.business_id,
        "sector": row.sector,
        "size_band": row.size_band,
        "reviewed": row.reviewed_at is not None,
        "flagged": row.flagged,
        "themes": [{"id": t.theme_id, "source": t.source} for t in row.themes],
    }


@bp.get("/api/responses")
@login_required
def api_responses() -> Any:
    f = ResponseFilter.from_args(request.args)
    with db_session() as session:
        page = queries.list_responses(session, f)
    return jsonify(
        total=page.total,
        page=page.page,
        pages=page.pages,
        per_page=page.per_page,
        items=[_row_json(r) for r in page.items],
    )


@bp.get("/api/overview")
@login_required
def api_overview() -> Any:
    data, as_of = _overview(fresh=request.args.get("fresh") == "1")
    return jsonify(
        as_of=as_of.isoformat(timespec="seconds"),
        total=data.total,
        businesses=data.businesses,
        reviewed=data.reviewed,
        flagged=data.flagged,
        by_theme=data.by_theme,
        by_channel=dict(data.by_channel),
        by_sector=dict(data.by_sector),
        by_week=[[d.isoformat(), n] for d, n in data.by_week],
    )


def _theme_name(theme_id: str) -> str:
    from bot.strategy import theme

    try:
        return theme(theme_id).name
    except KeyError:
        return theme_id
