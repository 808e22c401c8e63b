"""Sub-themes of a theme: discover, keep staff's curation, and list them.

A run keeps every curated sub-theme (staff renamed, merged, split or moved into it) and its
members; new and unplaced responses go to the most similar curated sub-theme when their
cosine to its centroid reaches `ASSIGN_FLOOR`; what fits none is clustered afresh into
proposals (uncurated sub-themes are re-proposed on every run). Responses staff put in
"unassigned" stay there. Every change is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.findings import cluster as maths
from bot.findings.embeddings import vectors_for
from bot.storage.audit import audit
from bot.storage.models import (
    EffectiveTheme,
    Response,
    ResponseEmbedding,
    ResponseSubtheme,
    Subtheme,
    utcnow,
)
from bot.strategy import THEME_IDS

# Cosine (in the theme-centred space) a response needs to a curated sub-theme's centroid to
# join it on a run; measured on the labelled set (benchmarks/subthemes.py): 85% of a
# sub-theme's own responses reach it, against 12% for the nearest other sub-theme.
ASSIGN_FLOOR = 0.10
NEW_KEY = 1_000_000  # label keys of new clusters (existing sub-themes use their ids)


class SubthemeError(ValueError):
    """A curation request that cannot be done (unknown id, wrong theme...)."""


@dataclass
class RunResult:
    theme: str
    responses: int
    kept: int = 0  # already placed (curated or pinned) and left alone
    joined: int = 0  # placed on a curated sub-theme
    proposed: int = 0  # new sub-themes proposed
    unassigned: int = 0


@dataclass
class SubthemeView:
    id: int
    label: str
    terms: list[str]
    curated: bool
    response_ids: list[int]
    representatives: list[tuple[int, str]] = field(default_factory=list)

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


def _check_theme(theme_id: str) -> None:
    if theme_id not in THEME_IDS:
        raise SubthemeError(f"unknown theme {theme_id!r}; one of: {', '.join(THEME_IDS)}")


def theme_responses(session: Session, theme_id: str) -> list[tuple[int, str]]:
    """(id, text) of every response whose effective themes include `theme_id`, by id."""
    return [
        (rid, text)
        for rid, text in session.execute(
            select(Response.id, Response.text)
            .join(EffectiveTheme, EffectiveTheme.response_id == Response.id)
            .where(EffectiveTheme.theme_id == theme_id)
            .order_by(Response.id)
        )
    ]


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
    _check_theme(theme_id)
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
        _audit(session, actor, "subthemes_run", theme_id, vars(result))
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
    _audit(session, actor, "subthemes_run", theme_id, vars(result))
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


def _audit(
    session: Session,
    actor: str,
    action: str,
    theme_id: str,
    detail: dict,
    response_id: int | None = None,
) -> None:
    audit(
        session,
        actor=actor,
        action=action,
        response_id=response_id,
        detail={"theme": theme_id, **detail},
    )


def listing(session: Session, theme_id: str, with_representatives: bool = True) -> ThemeSubthemes:
    """The theme's sub-themes (largest first) with members; responses never placed yet count
    as unassigned, so every response on the theme appears exactly once."""
    _check_theme(theme_id)
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
        SubthemeView(s.id, s.label, list(s.terms or []), bool(s.curated), members[s.id])
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


# --- staff curation ---------------------------------------------------------------------------


def _sub(session: Session, subtheme_id: int) -> Subtheme:
    sub = session.get(Subtheme, subtheme_id)
    if sub is None:
        raise SubthemeError(f"no sub-theme {subtheme_id}")
    return sub


def rename(session: Session, subtheme_id: int, label: str, actor: str) -> Subtheme:
    label = " ".join((label or "").split())
    if not label or len(label) > 255:
        raise SubthemeError("a sub-theme's name needs 1 to 255 characters")
    sub = _sub(session, subtheme_id)
    sub.label, sub.curated = label, True
    # Staff's name only: a proposed label is words from responses, kept out of the audit log.
    _audit(session, actor, "subtheme_renamed", sub.theme_id, {"subtheme": sub.id, "to": label})
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
    _audit(
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
    _audit(
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
    _check_theme(theme_id)
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
    _audit(
        session,
        actor,
        "subtheme_moved",
        theme_id,
        {"from": before, "to": subtheme_id},
        response_id=response_id,
    )
    session.flush()


def theme_responses_for(
    session: Session, theme_id: str, response_ids: Sequence[int]
) -> list[tuple[int, str]]:
    """Those of `response_ids` that are on the theme."""
    return [
        (rid, text)
        for rid, text in session.execute(
            select(Response.id, Response.text)
            .join(EffectiveTheme, EffectiveTheme.response_id == Response.id)
            .where(EffectiveTheme.theme_id == theme_id, Response.id.in_(response_ids))
        )
    ]
