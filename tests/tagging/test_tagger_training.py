"""Training is seeded and reproducible; the trained model clears a quality floor on dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.tagging.training import data as tagdata
from bot.tagging.training.metrics import evaluate


# Three small trainings (two alike, one with another seed): a few minutes on a quiet machine,
# but a CI run on 2 cores shared with other jobs went past the 600 s default.
@pytest.mark.timeout(1800)
def test_same_seed_same_model(tmp_path: Path) -> None:
    from bot.tagging.assets import TOKENIZER_PATH

    if not TOKENIZER_PATH.exists():
        pytest.skip("embedding tokenizer not fetched: run `make setup`")
    from bot.tagging import load_engine
    from bot.tagging.training.train import train

    small = {"folds": 3, "encoder_finetune": {"epochs": 1, "max_tokens": 32}}
    metas, preds = [], []
    texts = [
        "We machine brake parts for race teams",
        "Our village broadband is dreadful",
        "hello",
        "We need investors for our satellite company",
    ]
    for name in ("a", "b"):
        meta = train(
            out_dir=tmp_path / name,
            seed=7,
            config=small,
            limit=150,
            checks=False,
            log=lambda _msg: None,
        )
        metas.append(meta)
        engine = load_engine(tmp_path / name)
        preds.append([(r.themes, r.scores) for r in engine.tag_many(texts)])
    # The second training ran the first one's compiled programs from the persistent cache
    # (most of a small training's time is compiling), and still gave the same model.
    from bot.config import JAX_CACHE_DIR

    assert any(JAX_CACHE_DIR.iterdir())
    assert metas[0]["version"] == metas[1]["version"]
    assert metas[0]["thresholds"] == metas[1]["thresholds"]
    assert metas[0]["files"] == metas[1]["files"]
    assert preds[0] == preds[1]
    saved = json.loads((tmp_path / "a" / "meta.json").read_text())
    assert saved["version"] == metas[0]["version"] and saved["cv"]["macro_f1"] > 0
    other = train(
        out_dir=tmp_path / "c", seed=8, config=small, limit=150, checks=False, log=lambda _msg: None
    )
    assert other["version"] != metas[0]["version"]


@pytest.mark.parametrize(
    ("path", "floor"),
    [(tagdata.DEV_PATH, 0.85), (tagdata.DEV_INDIRECT_PATH, 0.6), (tagdata.HELDOUT_PATH, 0.65)],
    ids=["dev", "dev-indirect", "own-heldout-indirect"],
)
def test_quality_floor(trained_engine, path: Path, floor: float) -> None:  # noqa: ANN001
    """A sensible floor below the targets (README has the measured numbers)."""
    if not path.exists():
        pytest.skip(f"{path} not present")
    rows = tagdata.load(path)
    results = trained_engine.tag_many([e.text for e in rows])
    report = evaluate([list(e.themes) for e in rows], [r.themes for r in results])
    assert report["macro_f1"] >= floor, report["macro_f1"]
    if report["no_theme_accuracy"] is not None:
        assert report["no_theme_accuracy"] >= 0.9
    for r in results:
        assert all(r.evidence[t] for t in r.themes)


def test_embedding_config_without_encoder_is_a_clear_error() -> None:
    import numpy as np

    from bot.strategy import THEME_IDS
    from bot.tagging.training.defaults import DEFAULT_CONFIG
    from bot.tagging.training.fit import fit_tagger

    texts = ["We machine brake parts for race teams", "Our village broadband is dreadful"]
    Y = np.zeros((len(texts), len(THEME_IDS)), dtype=int)
    with pytest.raises(ValueError, match="uses embeddings: pass fit_tagger an encoder"):
        fit_tagger({**DEFAULT_CONFIG, "use_embeddings": True}, texts, Y, None)
