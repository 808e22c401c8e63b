"""Reading sub-themes: a theme's sub-themes with members and representatives, and every
theme's counts for the board report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.findings import cluster as maths
from bot.findings.embeddings import vectors_for
from bot.findings.subthemes.shared import (
    check_theme,
    theme_responses,
)
from bot.storage.models import (
    EffectiveTheme,
    ResponseSubtheme,
    Subtheme,
)


@dataclass
class SubthemeView:
    id: int
    label: str
    terms: list[str]
    curated: bool
    response_ids: list[int]
    representatives: list[tuple[int, str]] = field(default_factory=list)
    # When this sub-theme was made: with id and label, what a staff form says it showed
    # (staff probe s46: a run gives a replaced proposal's id to a new one on SQLite).
    created_at: datetime | None = None

    @property
    def count(self) -> int:
        return len(self.response_ids)


@dataclass
class ThemeSubthemes:
    theme: str
    subthemes: list[SubthemeView]
    unassigned: list[int]
    texts: dict[int, str]

    def as_json(self) -> dict:
        return {
            "theme": self.theme,
            "subthemes": [
                {"id": s.id, "label": s.label, "response_ids": s.response_ids}
                for s in self.subthemes
            ],
            "unassigned": self.unassigned,
        }


def listing(session: Session, theme_id: str, with_representatives: bool = True) -> ThemeSubthemes:
    """The theme's sub-themes (largest first) with members; responses never placed yet count
    as unassigned, so every response on the theme appears exactly once."""
    check_theme(theme_id)
    items = theme_responses(session, theme_id)
    texts = dict(items)
    subs = list(session.scalars(select(Subtheme).where(Subtheme.theme_id == theme_id)))
    members: dict[int, list[int]] = {s.id: [] for s in subs}
    placed: set[int] = set()
    for rid, sid in session.execute(
        select(ResponseSubtheme.response_id, ResponseSubtheme.subtheme_id)
        .where(ResponseSubtheme.theme_id == theme_id)
        .order_by(ResponseSubtheme.response_id)
    ):
        if rid in texts and sid in members:
            members[sid].append(rid)
            placed.add(rid)
    views = [
        SubthemeView(
            s.id,
            s.label,
            list(s.terms or []),
            bool(s.curated),
            members[s.id],
            created_at=s.created_at,
        )
        for s in subs
    ]
    views.sort(key=lambda v: (-v.count, v.id))
    if with_representatives and placed:
        # Members only: a run stored their vectors, so showing the page never encodes.
        members_items = [(rid, text) for rid, text in items if rid in placed]
        space = maths.centred(vectors_for(session, members_items))
        index = {rid: i for i, (rid, _) in enumerate(members_items)}
        for view in views:
            if not view.response_ids:
                continue
            x = space[[index[r] for r in view.response_ids]]
            mean = x.mean(axis=0)
            best = maths.representatives(x, mean / max(float(np.linalg.norm(mean)), 1e-12))
            view.representatives = [
                (view.response_ids[i], texts[view.response_ids[i]]) for i in best
            ]
    unassigned = [rid for rid, _ in items if rid not in placed]
    return ThemeSubthemes(theme_id, views, unassigned, texts)


def counts_by_theme(session: Session) -> dict[str, list[tuple[str, int]]]:
    """(label, members on the theme) of every theme's sub-themes, largest first (report)."""
    out: dict[str, list[tuple[str, int]]] = {}
    rows = session.execute(
        select(Subtheme.theme_id, Subtheme.id, Subtheme.label, ResponseSubtheme.response_id)
        .join(ResponseSubtheme, ResponseSubtheme.subtheme_id == Subtheme.id)
        .join(
            EffectiveTheme,
            (EffectiveTheme.response_id == ResponseSubtheme.response_id)
            & (EffectiveTheme.theme_id == Subtheme.theme_id),
        )
    )
    counts: dict[tuple[str, int, str], int] = {}
    for theme_id, sid, label, _ in rows:
        counts[(theme_id, sid, label)] = counts.get((theme_id, sid, label), 0) + 1
    for (theme_id, _, label), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        out.setdefault(theme_id, []).append((label, n))
    return out
