"""What the served tagger imports, read from a fresh process that loads it and tags one
message: nothing of training, scikit-learn or storage (issue 8), nor the `onnx` package that
builds its graphs at set-up, nor JAX that fine-tunes the encoder, nor spaCy (its tokenizer
runs in plain Python: importing spaCy was half of a cold load); and every module of its own
that decides a tag is hashed into the model's version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import bot.tagging

PROBE = """
import json, sys
from bot.tagging import load_engine
engine = load_engine()
engine.tag_many(["We build satellites and need engineers, and the A41 is slow"], [None])
print(json.dumps(sorted(sys.modules)))
"""

# Served modules that cannot change a tag or a score: the package, file paths and checksums
# (the checksums are hashed on their own), evidence lines, type protocols.
NOT_DECIDING = {
    "bot.tagging",
    "bot.tagging.assets",
    "bot.tagging.evidence",
    "bot.tagging.protocols",
}


@pytest.fixture(scope="module")
def served_modules(trained_engine: object) -> list[str]:
    """Every module a fresh process holds once it has loaded the tagger and tagged."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_served_tagger_imports_no_training_code(served_modules: list[str]) -> None:
    training = ("bot.tagging.training", "sklearn", "bot.storage", "bot.consultation", "rasa",
                "onnx.", "bot.tagging.encoder_graph", "jax", "spacy.", "thinc")  # fmt: skip
    roots = ("onnx", "spacy")
    assert [m for m in served_modules if m.startswith(training) or m in roots] == []


def test_every_module_the_served_tagger_runs_is_in_the_model_version(
    served_modules: list[str],
) -> None:
    """A model's version hashes the code that decides its tags (`RUNTIME_FILES`), so a
    change to any served module names a new model."""
    from bot.tagging.training.train import RUNTIME_FILES

    served = {m for m in served_modules if m.startswith("bot.tagging")} - NOT_DECIDING
    hashed = {"bot.tagging." + name.removesuffix(".py").replace("/", ".") for name in RUNTIME_FILES}
    assert served - hashed == set()


def test_the_data_files_the_served_tagger_reads_are_in_the_model_version() -> None:
    """The gazetteer's terms and the tokenizer's rules decide features and thresholds as much
    as code: an "EWR" line in gazetteer.yml moved a threshold under the same model name."""
    from bot.tagging.training.train import RUNTIME_FILES

    package = Path(bot.tagging.__file__).parent
    data = {p.name for p in package.iterdir() if p.suffix in (".yml", ".yaml", ".json")}
    assert data and data <= set(RUNTIME_FILES)


def test_the_seeded_assets_change_the_model_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """seeds/themes.yml names the gazetteer's assets: editing it names a new model."""
    from bot.tagging.training import train

    before = train.model_version(b"data", {}, 13)
    themes = (train.SEEDS_DIR / "themes.yml").read_text(encoding="utf-8")
    (tmp_path / "themes.yml").write_text(themes + "\n# one more asset\n", encoding="utf-8")
    monkeypatch.setattr(train, "SEEDS_DIR", tmp_path)
    assert train.model_version(b"data", {}, 13) != before
