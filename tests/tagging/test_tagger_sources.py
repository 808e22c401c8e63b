"""benchmarks/tagger_sources.py: every theme the served tagger gives is counted once, under
the part that put it on, as right or wrong against the labels."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tagger_sources", ROOT / "benchmarks" / "tagger_sources.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_theme_is_counted_once_under_its_source(
    trained_engine: object, tmp_path: Path
) -> None:
    rows = [
        # labelled without the theme the tagger will give: counted wrong
        {
            "id": "s1",
            "text": "The A41 into Aylesbury is gridlocked every single morning",
            "themes": [],
        },
        {"id": "s2", "text": "Nothing to add, thanks", "themes": []},
        # the question answered lifts Space onto a reply that names nothing
        {
            "id": "s3",
            "text": "More of the same really",
            "themes": ["space"],
            "question_key": "island:space:opportunities",
        },
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    tally, wrong = _script().sources([path])
    tagged = [trained_engine.tag_many([r["text"]], [r.get("question_key")])[0].themes for r in rows]  # type: ignore[attr-defined]
    assert sum(n for (source, _), n in tally.items() if source != "cleared") == sum(
        map(len, tagged)
    )
    assert "infrastructure" in tagged[0] and wrong[("classifier", "infrastructure")] >= 1
    assert tagged[2] == ["space"] and tally[("question", "right")] == 1
