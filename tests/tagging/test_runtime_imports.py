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
