"""Staff curation of sub-themes: rename, merge, split and move, each audited; a curated
sub-theme is kept by every later run."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.findings import cluster as maths
from bot.findings.embeddings import vectors_for
from bot.findings.subthemes.shared import (
    SubthemeError,
    audit_change,
    check_theme,
    theme_responses_for,
)
from bot.storage.models import (
    Response,
    ResponseSubtheme,
    Subtheme,
    utcnow,
)

# --- staff curation ---------------------------------------------------------------------------


def _sub(session: Session, subtheme_id: int) -> Subtheme:
    sub = session.get(Subtheme, subtheme_id)
    if sub is None:
        raise SubthemeError(f"no sub-theme {subtheme_id}")
    return sub


def _clean_label(label: str | None) -> str:
    label = " ".join((label or "").split())
    if not label or len(label) > 255:
        raise SubthemeError("a sub-theme's name needs 1 to 255 characters")
    return label


def create(
    session: Session, theme_id: str, label: str, response_ids: Sequence[int], actor: str
) -> tuple[Subtheme, list[int]]:
    """A finding staff made from chosen responses: a new curated sub-theme of `theme_id`
    holding those of them that are on the theme (moved from any other sub-theme of it and
    kept there by later runs). Returns it and the ids placed; none on the theme refuses."""
    check_theme(theme_id)
    label = _clean_label(label)
    wanted = list(dict.fromkeys(response_ids))
    on_theme = {rid for rid, _ in theme_responses_for(session, theme_id, wanted)}
    placed = [rid for rid in wanted if rid in on_theme]
    if not placed:
        raise SubthemeError("none of the chosen responses is on that theme")
    sub = Subtheme(theme_id=theme_id, label=label, terms=[], curated=True)
    session.add(sub)
    session.flush()
    for rid in placed:
        row = session.get(ResponseSubtheme, (rid, theme_id))
        if row is None:
            row = ResponseSubtheme(response_id=rid, theme_id=theme_id)
            session.add(row)
        row.subtheme_id, row.pinned, row.assigned_at = sub.id, True, utcnow()
    audit_change(
        session,
        actor,
        "subtheme_created",
        theme_id,
        {"subtheme": sub.id, "to": label, "responses": placed},
    )
    session.flush()
    return sub, placed


def rename(session: Session, subtheme_id: int, label: str, actor: str) -> Subtheme:
    label = _clean_label(label)
    sub = _sub(session, subtheme_id)
    sub.label, sub.curated = label, True
    # Staff's name only: a proposed label is words from responses, kept out of the audit log.
    audit_change(
        session, actor, "subtheme_renamed", sub.theme_id, {"subtheme": sub.id, "to": label}
    )
    return sub


def merge(session: Session, target_id: int, source_ids: Sequence[int], actor: str) -> Subtheme:
    """Move every member of the sources into the target; the sources are deleted."""
    target = _sub(session, target_id)
    sources = [_sub(session, s) for s in dict.fromkeys(source_ids) if s != target_id]
    if not sources:
        raise SubthemeError("choose at least one other sub-theme to merge in")
    for src in sources:
        if src.theme_id != target.theme_id:
            raise SubthemeError("only sub-themes of the same theme can be merged")
    moved = 0
    for src in sources:
        for row in session.scalars(
            select(ResponseSubtheme).where(ResponseSubtheme.subtheme_id == src.id)
        ):
            row.subtheme_id, row.assigned_at = target.id, utcnow()
            moved += 1
        session.delete(src)
    target.curated = True
    audit_change(
        session,
        actor,
        "subthemes_merged",
        target.theme_id,
        {"into": target.id, "merged": [s.id for s in sources], "moved": moved},
    )
    session.flush()
    return target


def split(session: Session, subtheme_id: int, actor: str) -> list[Subtheme]:
    """Split a sub-theme in two by its own members' vectors (2-means); both become curated."""
    from sklearn.cluster import KMeans

    sub = _sub(session, subtheme_id)
    rows = list(
        session.scalars(
            select(ResponseSubtheme)
            .where(ResponseSubtheme.subtheme_id == sub.id)
            .order_by(ResponseSubtheme.response_id)
        )
    )
    if len(rows) < 2:
        raise SubthemeError("a sub-theme needs two responses to be split")
    texts = {
        rid: text
        for rid, text in session.execute(
            select(Response.id, Response.text).where(Response.id.in_([r.response_id for r in rows]))
        )
    }
    items = [(r.response_id, texts[r.response_id]) for r in rows]
    x = maths.centred(vectors_for(session, items))
    halves = KMeans(n_clusters=2, n_init=5, random_state=0).fit_predict(x)
    if len(set(halves.tolist())) < 2:
        raise SubthemeError("its responses are too alike to split")
    terms = maths.label_clusters([t for _, t in items], halves)
    other = Subtheme(
        theme_id=sub.theme_id, label=terms[1].label, terms=terms[1].terms, curated=True
    )
    session.add(other)
    session.flush()
    for row, half in zip(rows, halves.tolist(), strict=True):
        if half == 1:
            row.subtheme_id, row.assigned_at = other.id, utcnow()
    sub.curated = True
    sub.terms = terms[0].terms
    audit_change(
        session,
        actor,
        "subtheme_split",
        sub.theme_id,
        {"subtheme": sub.id, "new": other.id, "moved": int((halves == 1).sum())},
    )
    session.flush()
    return [sub, other]


def move(
    session: Session, response_id: int, theme_id: str, subtheme_id: int | None, actor: str
) -> None:
    """Put a response in a sub-theme of `theme_id` (None = unassigned); runs keep it there."""
    check_theme(theme_id)
    if not any(
        rid == response_id for rid, _ in theme_responses_for(session, theme_id, [response_id])
    ):
        raise SubthemeError(f"response {response_id} is not on theme {theme_id}")
    if subtheme_id is not None:
        target = _sub(session, subtheme_id)
        if target.theme_id != theme_id:
            raise SubthemeError("that sub-theme belongs to another theme")
        target.curated = True
    row = session.get(ResponseSubtheme, (response_id, theme_id))
    before = row.subtheme_id if row else None
    if row is None:
        row = ResponseSubtheme(response_id=response_id, theme_id=theme_id)
        session.add(row)
    row.subtheme_id, row.pinned, row.assigned_at = subtheme_id, True, utcnow()
    audit_change(
        session,
        actor,
        "subtheme_moved",
        theme_id,
        {"from": before, "to": subtheme_id},
        response_id=response_id,
    )
    session.flush()
