"""The responses list (and its JSON), one response, theme corrections and review actions.

Each edit form carries the version of what it shows; a save from a page read before a
colleague's save is refused, both shown (bot/review/conflicts.py; staff probe s45).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import login_required

from bot.findings.stance import LABELS as STANCE_LABELS
from bot.findings.stance import STANCES, classify
from bot.review.auth import safe_next
from bot.review.conflicts import (
    PART_OF,
    Conflict,
    refuse,
    review_conflict,
    review_status,
    seen_versions,
    stale_part,
    version_fields,
)
from bot.review.db import db_session
from bot.review.filters import (
    filter_from_args,
    filter_of_list,
    filter_problems,
    filter_to_args,
    filter_url,
)
from bot.review.forms import NoteForm
from bot.review.navigation import here, list_name, list_url
from bot.review.views.common import actor, back, business_id_of, theme_name
from bot.review.x_status import x_post_links
from bot.storage import queries
from bot.storage.audit import audit
from bot.storage.models import SOURCE_STAFF, Business, utcnow
from bot.storage.models import Response as ResponseModel
from bot.storage.themes import effective_themes_for, set_themes
from bot.storage.versions import current_versions, lock_response
from bot.strategy import THEME_IDS

bp = Blueprint("responses", __name__)

_FACETS: dict[str, tuple[float, dict[str, list[Any]]]] = {}
FACETS_TTL_SECONDS = 60.0


def _facets(session: Any) -> dict[str, list[Any]]:
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
def index() -> Any:
    f = filter_from_args(request.args)
    with db_session() as session:
        page = queries.list_responses(session, f)
        options = _facets(session)
        business = _business_named(session, f.business_id)
    return render_template(
        "review/responses.html",
        f=f,
        business=business,
        filter_problems=filter_problems(request.args),
        page=page,
        options=options,
        filter_url=lambda **changes: filter_url(f, **changes),
        filter_args=lambda **changes: filter_to_args(f, **changes),
    )


def _business_named(session: Any, business_id: int | None) -> str | None:
    """The name of the business a list is filtered to, said above the list: it was only a
    hidden field, so a list of one business (or an empty one) never said why (staff probe
    s45). Someone staff may not see is named by number only."""
    if not business_id:
        return None
    found = session.get(Business, business_id)
    if found is None or not queries.shown_to_staff(found):
        return f"business #{business_id}"
    return found.organisation or f"an unnamed business ({found.sender_id})"


@bp.get("/responses/<int:response_id>")
@login_required
def detail(response_id: int) -> Any:
    with db_session() as session:
        return _detail_page(session, response_id, here(), list_url())


def _detail_page(
    session: Any, response_id: int, page_url: str, listed: str, conflict: Conflict | None = None
) -> str:
    """The response page; `page_url` is where its forms come back to (on a refused save,
    the page the officer had open, not the form's address)."""
    # Versions before the state: a save committed in between then makes this page's forms
    # look older than they are (refused, safe), never newer (staff probe s45: lost edits).
    versions = current_versions(session, response_id)
    found = queries.response_detail(session, response_id)
    if found is None:
        abort(404)
    evidence = queries.evidence_for(session, [response_id]).get(response_id, {})
    next_id = queries.next_unreviewed(session, response_id, filter_of_list(listed))
    post_link = x_post_links(session, [response_id]).get(response_id)
    return render_template(
        "review/response.html",
        post_link=post_link,
        next_id=next_id,
        d=found,
        r=found.row,
        evidence=evidence,
        note_form=NoteForm(note=found.row.note or ""),
        stance_why=_stance_why(found.row),
        versions=versions,
        page_url=page_url,
        conflict=conflict,
        list_url=lambda: listed,
        list_name=lambda url=None: list_name(url or listed),
    )


def _refused_page(session: Any, response_id: int) -> Callable[[Conflict], str]:
    """The response page shown for a refused save, leading back where the form did."""
    page_url = back(url_for("review.responses.detail", response_id=response_id))
    listed = parse_qs(urlsplit(page_url).query).get("list", [""])[0]
    listed = safe_next(listed or None, url_for("review.responses.index"))
    return lambda conflict: _detail_page(session, response_id, page_url, listed, conflict)


def _stance_why(row: queries.ResponseRow) -> str | None:
    """Why the classifier gives this stance (cue phrases, the question), if it still does."""
    if row.stance_by:
        return f"set by {row.stance_by}"
    result = classify(row.text, row.question_key)
    if result.stance != row.stance:
        return None
    reasons = []
    if result.cues.get(result.stance):
        reasons.append("words: " + ", ".join(f"“{c}”" for c in result.cues[result.stance][:5]))
    if result.question_stance == result.stance:
        reasons.append("the question it answered")
    return "; ".join(reasons) or "no cue either way"


def _locked(session: Any, response_id: int) -> tuple[ResponseModel, dict[str, int]]:
    """The response, held until the save commits, and its versions now (staff probe s45:
    the check and the write are one step, or two saves at once both pass the check)."""
    if not lock_response(session, response_id):
        abort(404)
    item = session.get(ResponseModel, response_id)
    return item, current_versions(session, response_id)


def _names(theme_ids: list[str]) -> str:
    return ", ".join(theme_name(t) for t in theme_ids) or "no themes"


@bp.post("/responses/<int:response_id>/themes")
@login_required
def correct_themes(response_id: int) -> Any:
    wanted = [t for t in request.form.getlist("theme") if t in THEME_IDS]
    mark_reviewed = request.form.get("mark_reviewed") == "1"
    seen = seen_versions(("themes", "review"))
    with db_session() as session:
        item, now = _locked(session, response_id)
        current = effective_themes_for(session, [response_id])[response_id]
        changes_themes = set(wanted) != set(current)
        changes_review = mark_reviewed and item.reviewed_at is None
        stale = stale_part(seen, now, themes=changes_themes, review=changes_review)
        if stale:  # a page read before a colleague's save must not replace it (s45)
            ordered = [t for t in THEME_IDS if t in wanted]
            tried = _names(ordered) + (", and mark it as reviewed" if mark_reviewed else "")
            conflict = Conflict(
                aspect=stale,
                now=_names(current) if stale == "themes" else review_status(item),
                attempted=tried,
                current_value=current if stale == "themes" else item.reviewed_at is not None,
                attempted_value=ordered if stale == "themes" else True,
                retry_action=url_for("review.responses.correct_themes", response_id=response_id),
                retry_fields=[("theme", t) for t in ordered]
                + ([("mark_reviewed", "1")] if mark_reviewed else [])
                + version_fields(now, ("themes", "review")),
                retry_label="Save my themes instead",
            )
            return refuse(
                session, actor(), response_id, business_id_of(session, item), conflict,
                seen, now, _refused_page(session, response_id),
            )  # fmt: skip
        after = current
        if changes_themes:  # a second submit of the same change saves nothing more
            after = set_themes(session, response_id, wanted, source=SOURCE_STAFF, actor=actor())
        if changes_review:
            item.reviewed_at = utcnow()
            item.reviewed_by = actor()
            audit(
                session,
                actor=actor(),
                action="reviewed",
                response_id=response_id,
                business_id=business_id_of(session, item),
            )
    flash(f"Themes saved: {_names(after)}.", "success")
    return redirect(back(url_for("review.responses.detail", response_id=response_id)))


@bp.post("/responses/<int:response_id>/stance")
@login_required
def set_stance(response_id: int) -> Any:
    """Staff correct a response's stance (kept by `bucks-lis stance --all`; audited)."""
    stance = request.form.get("stance", "")
    if stance not in STANCES:
        abort(400)
    seen = seen_versions(("stance",))
    with db_session() as session:
        item, now = _locked(session, response_id)
        before = item.stance
        # the same stance already set by staff is a double submit, not a change
        changes = not (before == stance and item.stance_by)
        if stale_part(seen, now, stance=changes):  # staff probe s45: lost edits
            conflict = Conflict(
                aspect="stance",
                now=STANCE_LABELS.get(before or "", "Not set"),
                attempted=STANCE_LABELS[stance],
                current_value=before,
                attempted_value=stance,
                retry_action=url_for("review.responses.set_stance", response_id=response_id),
                retry_fields=[("stance", stance), *version_fields(now, ("stance",))],
                retry_label="Save my stance instead",
            )
            return refuse(
                session, actor(), response_id, business_id_of(session, item), conflict,
                seen, now, _refused_page(session, response_id),
            )  # fmt: skip
        if changes:
            item.stance, item.stance_by = stance, actor()
            audit(
                session,
                actor=actor(),
                action="stance_changed",
                response_id=response_id,
                business_id=business_id_of(session, item),
                detail={"before": before, "after": stance},
            )
    flash(f"Stance saved: {STANCE_LABELS[stance]}.", "success")
    return redirect(back(url_for("review.responses.detail", response_id=response_id)))


REVIEW_ACTIONS = {"reviewed", "unreviewed", "flag", "unflag", "note"}


@bp.post("/responses/<int:response_id>/review")
@login_required
def review_action(response_id: int) -> Any:
    action = request.form.get("action", "")
    if action not in REVIEW_ACTIONS:
        abort(400)
    part = PART_OF[action]
    seen = seen_versions((part,))
    with db_session() as session:
        item, now = _locked(session, response_id)
        note = item.note
        if action == "note":
            form = NoteForm()
            if not form.validate():
                abort(400)
            note = (form.note.data or "").strip() or None
        # Already so (a double submit, or a colleague did the same): nothing to save.
        changes = {
            "reviewed": item.reviewed_at is None,
            "unreviewed": item.reviewed_at is not None,
            "flag": not item.flagged,
            "unflag": bool(item.flagged),
            "note": item.note != note,
        }[action]
        if stale_part(seen, now, **{part: changes}):  # staff probe s45: lost edits
            conflict = review_conflict(item, action, note, now)
            return refuse(
                session, actor(), response_id, business_id_of(session, item), conflict,
                seen, now, _refused_page(session, response_id),
            )  # fmt: skip
        detail: dict[str, Any] = {}
        if action == "reviewed":
            if changes:  # a second press keeps the first reviewer
                item.reviewed_at, item.reviewed_by = utcnow(), actor()
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
            detail = {"chars": len(note or ""), "cleared": note is None}
            item.note = note
            message = "Note saved." if note else "Note cleared."
        if changes:
            audit(
                session,
                actor=actor(),
                action=action,
                response_id=response_id,
                business_id=business_id_of(session, item),
                detail=detail or None,
            )
    flash(message, "success")
    return redirect(back(url_for("review.responses.detail", response_id=response_id)))


def row_json(row: queries.ResponseRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "text": row.text,
        "question": row.question,
        # stored as naive UTC; said so, or a script reads it as its own local time (s44)
        "created_at": (
            row.created_at.replace(tzinfo=timezone.utc).isoformat() if row.created_at else None
        ),
        "channel": row.channel,
        "business_id": row.business_id,
        "sector": row.sector,
        "size_band": row.size_band,
        "reviewed": row.reviewed_at is not None,
        "flagged": row.flagged,
        "stance": row.stance,
        "themes": [{"id": t.theme_id, "source": t.source} for t in row.themes],
    }


@bp.get("/api/responses")
@login_required
def api() -> Any:
    f = filter_from_args(request.args)
    problems = filter_problems(request.args)
    if problems:
        return jsonify(error=" ".join(problems)), 400
    with db_session() as session:
        page = queries.list_responses(session, f)
    return jsonify(
        total=page.total,
        page=page.page,
        pages=page.pages,
        per_page=page.per_page,
        items=[row_json(r) for r in page.items],
    )
