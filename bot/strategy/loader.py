"""Read `seeds/*.yml` into typed objects."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True)
class Theme:
    """One of the twelve fixed theme ids, with what the strategy says about it."""

    id: str
    kind: str  # "island" or "seabed"
    name: str
    summary: str
    assets: tuple[str, ...]


def _read(name: str) -> dict[str, Any]:
    with open(SEEDS_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def load_themes() -> tuple[Theme, ...]:
    """All twelve themes in their fixed order: five islands, then seven seabed drivers."""
    raw = _read("themes.yml")["themes"]
    return tuple(
        Theme(
            id=t["id"],
            kind=t["kind"],
            name=t["name"],
            summary=" ".join(t["summary"].split()),
            assets=tuple(t.get("assets") or ()),
        )
        for t in raw
    )


@lru_cache(maxsize=1)
def load_strategy() -> dict[str, Any]:
    """The strategy facts (`seeds/strategy.yml`) as a plain mapping."""
    return _read("strategy.yml")


def theme(theme_id: str) -> Theme:
    """Look up one theme by id; KeyError if it is not one of the twelve."""
    for t in load_themes():
        if t.id == theme_id:
            return t
    raise KeyError(theme_id)


THEME_IDS: tuple[str, ...] = tuple(t.id for t in load_themes())
ISLAND_IDS: tuple[str, ...] = tuple(t.id for t in load_themes() if t.kind == "island")
SEABED_IDS: tuple[str, ...] = tuple(t.id for t in load_themes() if t.kind == "seabed")
