"""A run: place the theme's responses, keeping staff's curation, joining curated
sub-themes and proposing new ones from what fits none."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.findings import cluster as maths
from bot.findings.embeddings import vectors_for
from bot.findings.subthemes.shared import (
    audit_change,
    check_theme,
    theme_responses,
)
from bot.storage.models import (
    EffectiveTheme,
    ResponseEmbedding,
    ResponseSubtheme,
    Subtheme,
    utcnow,
)

# Cosine (in the theme-centred space) a response needs to a curated sub-theme's centroid to
# join it on a run; measured on the labelled set (benchmarks/subthemes.py): 85% of a
# sub-theme's own responses reach it, against 12% for the nearest other sub-theme.
ASSIGN_FLOOR = 0.10
NEW_KEY = 1_000_000  # label keys of new clusters (existing sub-themes use their ids)


@dataclass
class RunResult:
    theme: str
    responses: int
    kept: int = 0  # already placed (curated or pinned) and left alone
    joined: int = 0  # placed on a curated sub-theme
    proposed: int = 0  # new sub-themes proposed
    unassigned: int = 0


def unencoded(session: Session, theme_id: str) -> int:
    """Responses on the theme with no stored vector from the findings' encoder yet: the
    next run encodes them (about 300 a second on 2 quiet cores), so staff can be told
    before they wait."""
    from bot.findings.embeddings import GRAPH
    from bot.tagging.embed import encoder_version

    return (
        session.scalar(
            select(func.count(EffectiveTheme.response_id))
            .outerjoin(
                ResponseEmbedding,
                (ResponseEmbedding.response_id == EffectiveTheme.response_id)
                & (ResponseEmbedding.encoder == encoder_version(GRAPH)),
            )
            .where(EffectiveTheme.theme_id == theme_id, ResponseEmbedding.response_id.is_(None))
        )
        or 0
    )


def run(session: Session, theme_id: str, actor: str = "system") -> RunResult:
    """Place the theme's responses: keep curation, join curated sub-themes, propose new ones."""
    check_theme(theme_id)
    items = theme_responses(session, theme_id)
    ids = [rid for rid, _ in items]
    result = RunResult(theme=theme_id, responses=len(items))
    on_theme = set(ids)
    rows = {
        r.response_id: r
        for r in session.scalars(
            select(ResponseSubtheme).where(ResponseSubtheme.theme_id == theme_id)
        )
    }
    for rid in [r for r in rows if r not in on_theme]:  # no longer on the theme
        session.delete(rows.pop(rid))
    subs = {s.id: s for s in session.scalars(select(Subtheme).where(Subtheme.theme_id == theme_id))}
    # Machine proposals are re-proposed every run; curated ones and staff placements stay.
    for sid in [s for s, sub in subs.items() if not sub.curated]:
        for row in rows.values():
            if row.subtheme_id == sid and not row.pinned:
                row.subtheme_id = None
        session.delete(subs.pop(sid))
    session.flush()
    if not items:
        audit_change(session, actor, "subthemes_run", theme_id, vars(result))
        return result

    vectors = vectors_for(session, items)
    space = maths.centred(vectors)
    index = {rid: i for i, rid in enumerate(ids)}
    placed = {
        rid: row.subtheme_id
        for rid, row in rows.items()
        if row.subtheme_id is not None or row.pinned
    }
    result.kept = len(placed)
    to_place = [rid for rid in ids if rid not in placed]

    cents = _centroids(space, index, placed)
    if to_place and cents:
        x = space[[index[r] for r in to_place]]
        choice = maths.nearest(x, cents, floor=ASSIGN_FLOOR)
        for rid, sid in zip(to_place, choice.tolist(), strict=True):
            if sid != maths.UNASSIGNED:
                placed[rid] = sid
                result.joined += 1
        to_place = [rid for rid in to_place if rid not in placed]

    new_labels: np.ndarray | list[int] = (
        maths.cluster(vectors[[index[r] for r in to_place]]) if to_place else []
    )
    keys = np.full(len(ids), maths.UNASSIGNED, dtype=int)
    for rid, sid in placed.items():
        if sid is not None:
            keys[index[rid]] = sid
    for rid, label in zip(to_place, list(new_labels), strict=True):
        if label != maths.UNASSIGNED:
            keys[index[rid]] = NEW_KEY + int(label)
    terms = maths.label_clusters([t for _, t in items], keys)

    new_subs: dict[int, Subtheme] = {}
    for key in sorted({int(k) for k in keys if k >= NEW_KEY}):
        sub = Subtheme(
            theme_id=theme_id, label=terms[key].label, terms=terms[key].terms, curated=False
        )
        session.add(sub)
        new_subs[key] = sub
    session.flush()
    result.proposed = len(new_subs)
    for sid, sub in subs.items():  # curated: keep the label, refresh the words shown
        if sid in terms:
            sub.terms = terms[sid].terms
    for rid in ids:
        key = int(keys[index[rid]])
        sid = new_subs[key].id if key >= NEW_KEY else (None if key < 0 else key)
        row = rows.get(rid)
        if row is None:
            row = ResponseSubtheme(response_id=rid, theme_id=theme_id, pinned=False)
            session.add(row)
            rows[rid] = row
        if not row.pinned and row.subtheme_id != sid:
            row.subtheme_id, row.assigned_at = sid, utcnow()
    result.unassigned = sum(1 for r in rows.values() if r.subtheme_id is None)
    session.flush()
    audit_change(session, actor, "subthemes_run", theme_id, vars(result))
    return result


def _centroids(
    space: np.ndarray, index: dict[int, int], placed: dict[int, int | None]
) -> dict[int, np.ndarray]:
    members: dict[int, list[int]] = {}
    for rid, sid in placed.items():
        if sid is not None:
            members.setdefault(sid, []).append(index[rid])
    out = {}
    for sid, rows in members.items():
        mean = space[rows].mean(axis=0)
        out[sid] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out
