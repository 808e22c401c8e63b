"""The served tagger loads nothing of training, scikit-learn or storage (issue 8), nor the
`onnx` package that builds its encoder graph at set-up, nor JAX that fine-tunes it, nor
spaCy (its tokenizer runs in plain Python: importing spaCy was half of a cold load)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from bot.tagging import load_engine
engine = load_engine()
engine.tag_many(["We build satellites and need engineers, and the A41 is slow"], [None])
training = ("bot.tagging.training", "sklearn", "bot.storage", "bot.consultation", "rasa",
            "onnx.", "bot.tagging.encoder_graph", "jax", "spacy.", "thinc")
roots = ("onnx", "spacy")
print(json.dumps(sorted(m for m in sys.modules if m.startswith(training) or m in roots)))
"""


def test_served_tagger_imports_no_training_code(trained_engine: object) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


# Served modules that cannot change a tag or a score: the package, file paths and checksums
# (the checksums are hashed on their own), evidence lines, type protocols.
NOT_DECIDING = {
    "bot.tagging",
    "bot.tagging.assets",
    "bot.tagging.evidence",
    "bot.tagging.protocols",
}

SERVED = """
import json, sys
from bot.tagging import load_engine
load_engine().tag_many(["We build satellites and need engineers, and the A41 is slow"], [None])
print(json.dumps(sorted(m for m in sys.modules if m.startswith("bot.tagging"))))
"""


def test_every_module_the_served_tagger_runs_is_in_the_model_version(
    trained_engine: object,
) -> None:
    """A model's version hashes the code that decides its tags (`RUNTIME_FILES`), so a
    change to any served module names a new model."""
    from bot.tagging.training.train import RUNTIME_FILES

    out = subprocess.run(
        [sys.executable, "-c", SERVED], capture_output=True, text=True, timeout=300, check=True
    )
    served = set(json.loads(out.stdout.strip().splitlines()[-1])) - NOT_DECIDING
    hashed = {"bot.tagging." + name.removesuffix(".py").replace("/", ".") for name in RUNTIME_FILES}
    assert served - hashed == set()
