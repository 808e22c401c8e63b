"""A theme's sub-themes, staff's edits (/staff/findings/…): find them again, rename, merge,
split and move a response between them.

Routes on the findings blueprint (endpoints `findings.run`, `findings.rename`,
`findings.merge`, `findings.split`, `findings.move`). Each edit form carries the
fingerprints of the sub-themes its page showed; a save naming one a colleague replaced or
renamed since is refused (409) with the page as it is now and the typed name kept (staff
probe s46: a sub-theme changed under a colleague; bot/review/subtheme_conflicts.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, request
from flask_login import login_required
from sqlalchemy.orm import Session

from bot.findings import subthemes as st
from bot.review import subtheme_conflicts as sc
from bot.review.db import db_session
from bot.review.findings_views import (
    RenameForm,
    _actor,
    _back,
    _theme_or_404,
    bp,
    theme_page,
)
from bot.review.ids import parse_id
from bot.storage.models import Subtheme
from bot.strategy import THEME_IDS


@bp.post("/findings/<theme_id>/run")
@login_required
def run(theme_id: str) -> Any:
    _theme_or_404(theme_id)
    with db_session() as session:
        result = st.run(session, theme_id, actor=_actor())
    flash(
        f"{result.responses} responses: {result.kept} kept where staff put them, "
        f"{result.joined} joined curated sub-themes, {result.proposed} new sub-themes "
        f"proposed, {result.unassigned} unassigned.",
        "success",
    )
    return _back(theme_id)


def _subtheme_theme(subtheme_id: int) -> str:
    """The theme of the sub-theme a form names: its page's theme when it says (a reused id
    may be another theme's sub-theme now). One gone since the page showed it is answered on
    that page's theme (a conflict, not a 404: PostgreSQL never reuses an id); an id no page
    showed is a 404."""
    with db_session() as session:
        sub = session.get(Subtheme, subtheme_id)
        theme_id = sub.theme_id if sub is not None else None
    shown = sc.form_theme(THEME_IDS)
    if shown is not None and (theme_id is not None or subtheme_id in sc.seen_fingerprints()):
        return shown
    if theme_id is None:
        abort(404)
    return theme_id


def _save(
    theme_id: str,
    named: list[int],
    action: str,
    change: Callable[[Session], Any],
    message: str,
    label: str | None = None,
) -> Any:
    """Make `change` unless a sub-theme in `named` is not the one the form's page showed."""
    seen = sc.seen_fingerprints()
    try:
        with db_session() as session:
            sc.lock(session, named)
            conflict = sc.find_conflict(session, theme_id, seen, named, action, label)
            if conflict is not None:
                return sc.refuse(
                    session,
                    _actor(),
                    conflict,
                    seen,
                    lambda c: theme_page(session, theme_id, c),
                )
            change(session)
    except (st.SubthemeError, ValueError) as error:
        flash(str(error), "error")
    else:
        flash(message, "success")
    return _back(theme_id)


@bp.post("/findings/subthemes/<int:subtheme_id>/rename")
@login_required
def rename(subtheme_id: int) -> Any:
    theme_id = _subtheme_theme(subtheme_id)
    form = RenameForm()
    if not form.validate():
        flash("Give the sub-theme a name of up to 255 characters.", "error")
        return _back(theme_id)
    label = form.label.data or ""
    return _save(
        theme_id,
        [subtheme_id],
        "rename",
        lambda s: st.rename(s, subtheme_id, label, _actor()),
        "Sub-theme renamed.",
        label,
    )


@bp.post("/findings/subthemes/<int:subtheme_id>/merge")
@login_required
def merge(subtheme_id: int) -> Any:
    theme_id = _subtheme_theme(subtheme_id)
    into = parse_id(request.form.get("into", ""))
    if into is None:
        flash("Choose the sub-theme to merge into.", "error")
        return _back(theme_id)
    return _save(
        theme_id,
        [subtheme_id, into],
        "merge",
        lambda s: st.merge(s, into, [subtheme_id], _actor()),
        "Sub-themes merged.",
    )


@bp.post("/findings/subthemes/<int:subtheme_id>/split")
@login_required
def split(subtheme_id: int) -> Any:
    theme_id = _subtheme_theme(subtheme_id)
    return _save(
        theme_id,
        [subtheme_id],
        "split",
        lambda s: st.split(s, subtheme_id, _actor()),
        "Sub-theme split in two.",
    )


@bp.post("/findings/<theme_id>/responses/<int:response_id>/move")
@login_required
def move(theme_id: str, response_id: int) -> Any:
    _theme_or_404(theme_id)
    raw = request.form.get("subtheme", "")
    target = parse_id(raw)
    if raw and target is None:
        abort(400)
    return _save(
        theme_id,
        [] if target is None else [target],  # "Unassigned" names no sub-theme
        "move",
        lambda s: st.move(s, response_id, theme_id, target, _actor()),
        "Response moved." if target else "Response moved to unassigned.",
    )
