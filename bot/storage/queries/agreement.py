"""How far to trust the tagger: the model's themes against staff-reviewed themes.

The scoring is the tagger's own (`bot.tagging.training.metrics.evaluate`), so this page and
`bucks-lis evaluate-tagger` can never disagree about what precision or F1 means; this
module only gathers the two theme sets per reviewed response and keeps the page's
conventions (None where a ratio has no denominator).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.storage.models import (
    SOURCE_MODEL,
    SOURCE_STAFF,
    EffectiveTheme,
    ModelPrediction,
    Response,
    ResponseTheme,
)
from bot.strategy import THEME_IDS
from bot.tagging.training.metrics import evaluate


@dataclass
class ThemeAgreement:
    theme_id: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if (self.tp + self.fp) else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if (self.tp + self.fn) else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if (p + r) else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class Agreement:
    reviewed: int
    per_theme: list[ThemeAgreement]
    mean_f1: float | None  # mean of per-response F1 (both empty counts as 1.0)
    exact: int  # responses where the model's set equals the corrected set
    staff_changed: int  # reviewed responses where staff decided otherwise than the model
    micro_precision: float | None
    micro_recall: float | None
    micro_f1: float | None


def set_f1(predicted: set[str], gold: set[str]) -> float:
    """F1 of one response's theme set (1.0 when both are empty), as the tagger scores it."""
    labels = sorted(predicted | gold)
    return float(evaluate([sorted(gold)], [sorted(predicted)], labels)["mean_response_f1"])


def _counts(report: dict, theme_id: str) -> ThemeAgreement:
    """Back from the tagger's per-theme report to counts (exact: ratios of small integers)."""
    m = report["per_theme"][theme_id]
    support, predicted = int(m["support"]), int(m["predicted"])
    tp = round(m["recall"] * support) if support else 0
    return ThemeAgreement(theme_id, tp=tp, fp=predicted - tp, fn=support - tp)


def _reviewed_ids() -> Any:  # noqa: ANN401 - a SQLAlchemy select
    return select(Response.id).where(Response.reviewed_at.is_not(None))


def _reviewed_gold(session: Session) -> dict[int, set[str]]:
    """The staff-checked (effective) themes of every reviewed response."""
    gold: dict[int, set[str]] = defaultdict(set)
    for rid, theme_id in session.execute(
        select(EffectiveTheme.response_id, EffectiveTheme.theme_id).where(
            EffectiveTheme.response_id.in_(_reviewed_ids())
        )
    ):
        gold[rid].add(theme_id)
    return gold


def agreement(session: Session) -> Agreement:
    """Compare the model's tags with the final (staff-checked) themes on reviewed responses."""
    reviewed_ids = _reviewed_ids()
    ids = list(session.scalars(reviewed_ids))
    model: dict[int, set[str]] = defaultdict(set)
    staff: list[tuple[int, str, bool]] = []
    for rid, theme_id, source, present in session.execute(
        select(
            ResponseTheme.response_id,
            ResponseTheme.theme_id,
            ResponseTheme.source,
            ResponseTheme.present,
        ).where(
            ResponseTheme.response_id.in_(reviewed_ids),
            or_(ResponseTheme.source == SOURCE_MODEL, ResponseTheme.source == SOURCE_STAFF),
        )
    ):
        if source == SOURCE_MODEL and present:
            model[rid].add(theme_id)
        elif source == SOURCE_STAFF:
            staff.append((rid, theme_id, bool(present)))
    # A correction is a staff decision the model did not make: a theme it gave ticked again
    # (or removed and put back) counted as one beside "Exactly right" (staff probe s45).
    corrected = {rid for rid, theme_id, present in staff if present != (theme_id in model[rid])}
    gold = _reviewed_gold(session)
    # Per-theme and micro scores count THEME_IDS only; per-response F1 the whole sets.
    gold_sets = [sorted(gold.get(rid, set())) for rid in ids]
    pred_sets = [sorted(model.get(rid, set())) for rid in ids]
    report = evaluate(gold_sets, pred_sets, THEME_IDS)
    per_theme = [_counts(report, t) for t in THEME_IDS]
    tp = sum(s.tp for s in per_theme)
    fp = sum(s.fp for s in per_theme)
    fn = sum(s.fn for s in per_theme)
    micro_p = tp / (tp + fp) if tp + fp else None
    micro_r = tp / (tp + fn) if tp + fn else None
    return Agreement(
        reviewed=len(ids),
        per_theme=per_theme,
        mean_f1=report["mean_response_f1"] if ids else None,
        exact=sum(model.get(rid, set()) == gold.get(rid, set()) for rid in ids),
        staff_changed=len(corrected & set(ids)),
        micro_precision=micro_p,
        micro_recall=micro_r,
        micro_f1=report["micro_f1"] if micro_p is not None and micro_r is not None else None,
    )


# --- which model agrees better: the current one against the one it replaced -----------------


@dataclass
class ModelAgreement:
    """One model version judged on reviewed responses it was not trained on."""

    role: str  # "current" or "previous"
    version: str
    trained_at: str | None
    judged: int  # reviewed responses it tagged and did not learn from
    mean_f1: float | None
    micro_f1: float | None
    exact: int


def model_agreement(session: Session, models: Sequence[Any]) -> list[ModelAgreement]:
    """For each installed model (`bot.tagging.versions.InstalledModel`), its stored
    predictions (`ModelPrediction`) against the staff-reviewed themes, leaving out the
    responses it was trained on (`--include-reviewed`), so retraining is judged fairly."""
    reviewed = _reviewed_ids()
    gold = _reviewed_gold(session)
    out = []
    for model in models:
        said = {
            rid: set(themes or [])
            for rid, themes in session.execute(
                select(ModelPrediction.response_id, ModelPrediction.themes).where(
                    ModelPrediction.model_version == model.version,
                    ModelPrediction.response_id.in_(reviewed),
                )
            )
            if rid not in model.reviewed_response_ids
        }
        ids = sorted(said)
        report = evaluate([sorted(gold[r]) for r in ids], [sorted(said[r]) for r in ids], THEME_IDS)
        out.append(
            ModelAgreement(
                role=model.role,
                version=model.version,
                trained_at=model.trained_at,
                judged=len(ids),
                mean_f1=report["mean_response_f1"] if ids else None,
                micro_f1=report["micro_f1"] if ids else None,
                exact=sum(said[r] == gold[r] for r in ids),
            )
        )
    return out
