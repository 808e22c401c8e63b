"""spaCy 3.4 `textcat_multilabel` pipelines trained by us (no downloaded model).

Two architectures are compared against the production engine (see compare.py, README.md):
- "bow": spacy.TextCatBOW.v2 over unigrams and bigrams (a sparse linear model);
- "ensemble": spacy.TextCatEnsemble.v2, a tok2vec (MultiHashEmbed + MaxoutWindowEncoder, CNN)
  text classifier averaged with a BOW model.
Each pipeline also carries an `entity_ruler` with the gazetteer's named assets and places
(labels ASSET and PLACE), so a saved pipeline reports them as `doc.ents`.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging.training._imports import import_spacy

BOW = {
    "@architectures": "spacy.TextCatBOW.v2",
    "exclusive_classes": False,
    "ngram_size": 2,
    "no_output_layer": False,
}
ENSEMBLE = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "nO": None,
    "linear_model": {
        "@architectures": "spacy.TextCatBOW.v2",
        "exclusive_classes": False,
        "ngram_size": 1,
        "no_output_layer": False,
    },
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 64,
            "rows": [2000, 2000, 1000, 1000, 1000, 1000],
            "attrs": ["ORTH", "LOWER", "PREFIX", "SUFFIX", "SHAPE", "ID"],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 64,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    },
}
ARCHITECTURES = {"bow": BOW, "ensemble": ENSEMBLE}
EPOCHS = {"bow": 30, "ensemble": 15}


def ruler_patterns() -> list[dict]:
    from bot.tagging.gazetteer import _entries

    return [
        {"label": "ASSET" if kind == "asset" else "PLACE", "pattern": phrase}
        for kind, phrase, _themes in _entries()
        if kind in ("asset", "place")
    ]


def train_textcat(
    texts: list[str],
    labels: list[tuple[str, ...]],
    arch: str = "bow",
    seed: int = 13,
    epochs: int | None = None,
):  # noqa: ANN201
    """Train a blank-English pipeline (entity_ruler + textcat_multilabel); return the nlp."""
    spacy = import_spacy()
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": ARCHITECTURES[arch]})
    for theme_id in THEME_IDS:
        textcat.add_label(theme_id)
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {t: float(t in y) for t in THEME_IDS}})
        for text, y in zip(texts, labels, strict=True)
    ]
    optimizer = nlp.initialize(lambda: examples)
    ruler.add_patterns(ruler_patterns())  # after initialize, which resets the ruler
    for _ in range(epochs or EPOCHS[arch]):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def predict_textcat(nlp, texts: list[str]) -> np.ndarray:  # noqa: ANN001
    """(n, 12) scores in THEME_IDS order."""
    return np.array(
        [[doc.cats[t] for t in THEME_IDS] for doc in nlp.pipe(texts, batch_size=64)]
    ).reshape(len(texts), len(THEME_IDS))


def save(nlp, path: Path) -> None:  # noqa: ANN001
    nlp.to_disk(path)
