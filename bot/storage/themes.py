"""Theme tags on responses: model, respondent and staff views, and the effective set.

Precedence per theme: staff > respondent > model. A respondent or staff row with
`present=False` removes a theme the model gave. Every write recomputes the
response's `EffectiveTheme` rows, which filters and exports read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.storage.audit import audit
from bot.storage.models import (
    SOURCE_MODEL,
    SOURCE_PRECEDENCE,
    SOURCE_RESPONDENT,
    SOURCE_STAFF,
    EffectiveTheme,
    ModelPrediction,
    ResponseTheme,
    utcnow,
)
from bot.strategy import THEME_IDS


def _check(theme_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(theme_ids))
    unknown = [t for t in ids if t not in THEME_IDS]
    if unknown:
        raise ValueError(f"unknown theme id(s): {', '.join(unknown)}")
    return ids


def resolve(rows: Iterable[ResponseTheme]) -> list[str]:
    """The effective theme ids from a response's rows, in the fixed theme order."""
    best: dict[str, ResponseTheme] = {}
    for row in rows:
        held = best.get(row.theme_id)
        if held is None or SOURCE_PRECEDENCE[row.source] > SOURCE_PRECEDENCE[held.source]:
            best[row.theme_id] = row
    return [t for t in THEME_IDS if t in best and best[t].present]


def effective_themes_for(session: Session, response_ids: Sequence[int]) -> dict[int, list[str]]:
    """The effective theme ids of many responses at once, each list in the fixed order."""
    found: dict[int, set[str]] = {i: set() for i in response_ids}
    if response_ids:
        for response_id, theme_id in session.execute(
            select(EffectiveTheme.response_id, EffectiveTheme.theme_id).where(
                EffectiveTheme.response_id.in_(response_ids)
            )
        ):
            found[response_id].add(theme_id)
    return {i: [t for t in THEME_IDS if t in found[i]] for i in response_ids}


def recompute_effective(session: Session, response_id: int) -> list[str]:
    """Rewrite the derived EffectiveTheme rows of one response; return them."""
    session.flush()
    rows = session.scalars(
        select(ResponseTheme).where(ResponseTheme.response_id == response_id)
    ).all()
    themes = resolve(rows)
    session.execute(delete(EffectiveTheme).where(EffectiveTheme.response_id == response_id))
    session.add_all(EffectiveTheme(response_id=response_id, theme_id=t) for t in themes)
    session.flush()
    return themes


def _upsert(
    session: Session, response_id: int, theme_id: str, source: str, **values: object
) -> ResponseTheme:
    row = session.scalars(
        select(ResponseTheme).where(
            ResponseTheme.response_id == response_id,
            ResponseTheme.theme_id == theme_id,
            ResponseTheme.source == source,
        )
    ).first()
    if row is None:
        row = ResponseTheme(response_id=response_id, theme_id=theme_id, source=source)
        session.add(row)
    else:  # the row is this source's latest decision: its time moves with its author, or
        # the theme history read "removed by B" at the time A added it (staff probe s44)
        row.created_at = utcnow()
    for key, value in values.items():
        setattr(row, key, value)
    return row


def set_model_tags(
    session: Session,
    response_id: int,
    themes: Sequence[str],
    scores: Mapping[str, float],
    evidence: Mapping[str, Sequence[str]],
    model_version: str,
) -> list[str]:
    """Replace the model's tags on a response (respondent and staff rows untouched), and
    remember what this model version said (`ModelPrediction`). The tagger's sentence vector
    is not kept: sub-themes encode on another graph (bot/findings/embeddings.py)."""
    themes = _check(themes)
    ordered = [t for t in THEME_IDS if t in themes]
    prediction = session.scalars(
        select(ModelPrediction).where(
            ModelPrediction.response_id == response_id,
            ModelPrediction.model_version == model_version,
        )
    ).first()
    if prediction is None:
        session.add(
            ModelPrediction(response_id=response_id, model_version=model_version, themes=ordered)
        )
    else:
        prediction.themes = ordered
    session.execute(
        delete(ResponseTheme).where(
            ResponseTheme.response_id == response_id, ResponseTheme.source == SOURCE_MODEL
        )
    )
    for theme_id in themes:
        session.add(
            ResponseTheme(
                response_id=response_id,
                theme_id=theme_id,
                source=SOURCE_MODEL,
                present=True,
                score=float(scores.get(theme_id, 0.0)),
                evidence=list(evidence.get(theme_id, [])),
                model_version=model_version,
                created_by="model",
            )
        )
    return recompute_effective(session, response_id)


def set_override(
    session: Session,
    response_id: int,
    theme_id: str,
    present: bool,
    source: str,
    actor: str,
) -> list[str]:
    """Record a respondent or staff decision that a theme does or does not apply."""
    if source not in (SOURCE_RESPONDENT, SOURCE_STAFF):
        raise ValueError("overrides come from the respondent or staff")
    (theme_id,) = _check([theme_id])
    before = recompute_effective(session, response_id)
    _upsert(session, response_id, theme_id, source, present=present, created_by=actor)
    after = recompute_effective(session, response_id)
    audit(
        session,
        actor=actor,
        action="theme_added" if present else "theme_removed",
        response_id=response_id,
        detail={"theme": theme_id, "source": source, "before": before, "after": after},
    )
    return after


def set_themes(
    session: Session, response_id: int, theme_ids: Iterable[str], source: str, actor: str
) -> list[str]:
    """Make the effective set equal `theme_ids` by recording overrides only where needed."""
    wanted = set(_check(theme_ids))
    current = set(recompute_effective(session, response_id))
    for theme_id in THEME_IDS:
        if (theme_id in wanted) != (theme_id in current):
            set_override(session, response_id, theme_id, theme_id in wanted, source, actor)
    return recompute_effective(session, response_id)
