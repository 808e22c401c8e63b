"""Import spaCy without what the tagger never uses: TensorFlow and spaCy's command line.

- thinc (spaCy's ML library) probes `import tensorflow` at import time; in this venv Rasa has
  TensorFlow installed, which costs seconds and hundreds of MB. When TensorFlow is not
  already loaded, the probe is answered "not installed" for the duration of spaCy's import.
- `spacy/__init__` imports `spacy.cli` (typer, requests, pkg_resources: about a third of
  spaCy's import time) only to expose `spacy.info`. During the import a stand-in module
  gives it a `spacy.info` that loads the real command line when first called.

Both stand-ins are removed afterwards, so later code can `import tensorflow` or
`import spacy.cli` normally.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
    """spacy.info, importing spaCy's real command line on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> ModuleType:
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    blocked = []
    for name in ("tensorflow", "mxnet"):
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]  # makes `import` raise
            blocked.append(name)
    standins = {}
    if "spacy.cli" not in sys.modules:
        cli, cli_info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
        cli.__path__ = []  # a package, so `spacy.cli.info` resolves to the module below
        cli_info.info = _info  # type: ignore[attr-defined]
        standins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
        sys.modules.update(standins)
    try:
        import spacy
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
        for name, module in standins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "cli", None) in standins.values():
            delattr(spacy_module, "cli")
    return spacy
