"""The tagger imports spaCy without TensorFlow or spaCy's command line, and both still work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SNIPPET = """
import json, sys
from bot.tagging.training._imports import import_spacy
spacy = import_spacy()
after_import = {"tensorflow": "tensorflow" in sys.modules, "cli": "spacy.cli" in sys.modules,
                "cli_attr": hasattr(spacy, "cli")}
tokens = [t.text for t in spacy.blank("en")("Pinewood's studios, Silverstone & HS2!")]
import spacy.cli
real_cli = hasattr(spacy.cli, "download") and spacy.cli.__file__.endswith("__init__.py")
info = spacy.info()
import importlib.util
tf_importable = importlib.util.find_spec("tensorflow") is not None
print(json.dumps({"after_import": after_import, "tokens": tokens, "real_cli": real_cli,
                  "info_is_dict": isinstance(info, dict), "tf_importable": tf_importable}))
"""


def test_spacy_without_tensorflow_or_its_cli_then_both_usable() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SNIPPET],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["after_import"] == {"tensorflow": False, "cli": False, "cli_attr": False}
    assert result["tokens"] == ["Pinewood", "'s", "studios", ",", "Silverstone", "&", "HS2", "!"]
    assert result["real_cli"] and result["info_is_dict"]
    assert result["tf_importable"]  # the block was lifted: Rasa can still import TensorFlow
