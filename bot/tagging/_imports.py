"""Import spaCy without dragging TensorFlow in.

thinc (spaCy's ML library) probes `import tensorflow` at import time; in this venv Rasa has
TensorFlow installed, which costs seconds and hundreds of MB while the tagger never uses it.
When TensorFlow is not already loaded, the probe is answered "not installed" for the
duration of spaCy's import only; the block is removed afterwards, so later code can still
`import tensorflow` normally (thinc then just keeps its TensorFlow shims off).
"""

from __future__ import annotations

import sys
from types import ModuleType


def import_spacy() -> ModuleType:
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    blocked = []
    for name in ("tensorflow", "mxnet"):
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]  # makes `import` raise
            blocked.append(name)
    try:
        import spacy
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return spacy
