"""Export spaCy's English tokenizer rules to `bot/tagging/tokenizer_en.json`.

The served tagger tokenizes with `bot.tagging.tokenizer` (plain Python) so that it need not
import spaCy; the rules it runs are spaCy's own, written here from the installed spaCy:

    .venv/bin/python -m bot.tagging.training.tokenizer_rules

`tests/tagging/test_tokenizer.py` fails when the file and the installed spaCy disagree (after a
spaCy upgrade: run this, retrain, and read the token differences the test prints).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.tagging.tokenizer import RULES_PATH


def spacy_rules() -> dict[str, Any]:
    """The installed spaCy's English tokenizer rules, in `tokenizer_en.json`'s shape."""
    from bot.tagging.training._imports import import_spacy

    spacy = import_spacy()
    from spacy.attrs import ORTH

    tokenizer = spacy.blank("en").tokenizer
    if tokenizer.token_match is not None or not tokenizer.faster_heuristics:
        raise RuntimeError(
            "spaCy's English tokenizer changed shape: update bot/tagging/tokenizer.py"
        )
    patterns = {
        "prefix": tokenizer.prefix_search.__self__,
        "suffix": tokenizer.suffix_search.__self__,
        "infix": tokenizer.infix_finditer.__self__,
        "url": tokenizer.url_match.__self__,
    }
    for name, compiled in patterns.items():
        if compiled.flags != 32:  # re.UNICODE alone, the default for a str pattern
            raise RuntimeError(f"spaCy's {name} pattern has flags {compiled.flags}")
    return {
        "spacy_version": spacy.__version__,
        **{name: compiled.pattern for name, compiled in patterns.items()},
        "special_cases": {
            string: [piece[ORTH] for piece in pieces]
            for string, pieces in sorted(tokenizer.rules.items())
        },
    }


def write(path: Path = RULES_PATH) -> None:
    path.write_text(
        json.dumps(spacy_rules(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    write()
    print(f"wrote {RULES_PATH}")
