"""Which tagger models are installed: the current one and the one it replaced.

Read from their meta.json files only (no model is loaded), so the staff app can say which
model is which and which reviewed responses each was trained on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InstalledModel:
    role: str  # "current" or "previous"
    version: str
    trained_at: str | None
    examples: int
    reviewed_response_ids: frozenset[int]


def installed_models(models_dir: Path | None = None) -> list[InstalledModel]:
    """The current model and, if kept, the previous one (`<models_dir>/tagger-previous`)."""
    if models_dir is None:
        from bot.config import settings

        models_dir = settings().models_dir
    out = []
    for role, name in (("current", "tagger"), ("previous", "tagger-previous")):
        path = Path(models_dir) / name / "meta.json"
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        data = meta.get("data") or {}
        out.append(
            InstalledModel(
                role=role,
                version=str(meta.get("version", "")),
                trained_at=meta.get("trained_at"),
                examples=int(data.get("examples", 0)),
                reviewed_response_ids=frozenset(
                    int(i) for i in data.get("reviewed_response_ids", [])
                ),
            )
        )
    return out
