"""Theme tagger: `tag(text) -> TagResult` with themes, scores for all twelve ids and evidence.

    from bot.tagging import tag, tag_many, model_version, TagResult

    result = tag("We machine titanium brackets for race teams")
    tag("Staff can't afford to live here", question_key="seabed:housing_growth:views")
    result.themes     # ['high_performance_technology'] (fixed THEME_IDS order)
    result.scores     # {theme_id: float in [0, 1]} for all twelve
    result.evidence   # {theme_id: [phrases that drove it]} for tagged themes
    model_version()   # e.g. 'tagger-3f2a9c1b7d04' (also on every TagResult)

The trained engine loads lazily, once per process, from models/tagger/ (`make train`);
if it is missing, `TaggerModelMissing` says so. Training, evaluation and the baselines live in
`bot.tagging.training`, which nothing here imports. See bot/tagging/README.md.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from bot.tagging.result import TaggerModelMissing, TagResult

__all__ = [
    "TagResult",
    "TaggerModelMissing",
    "engine",
    "load_engine",
    "model_files_problem",
    "model_version",
    "tag",
    "tag_many",
]

_lock = threading.Lock()
_engine = None


def engine():  # noqa: ANN201
    """The process-wide tagging engine (loaded on first use)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = load_engine()
    return _engine


def model_dir():  # noqa: ANN201
    """Where the trained tagger lives: <models_dir>/tagger."""
    from bot.config import settings

    return settings().models_dir / "tagger"


def model_files_problem(path=None):  # noqa: ANN001, ANN201
    """None if the trained tagger's files in `path` (default models/tagger/) are there and
    match its meta.json, else what is wrong and what to run. Hashes the files and loads
    nothing, so the supervisor can say so at start (`bucks-lis run`) without the model."""
    import hashlib
    import json

    path = path or model_dir()
    meta_path = path / "meta.json"
    again = "run `make train` (or `bucks-lis train-tagger`)"
    if not meta_path.exists():
        return f"no trained theme tagger in {path}: {again}"
    try:
        files = dict(json.loads(meta_path.read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        return f"{meta_path} is not a trained tagger's meta.json ({error}): {again}"
    for name, expected in files.items():
        digest = hashlib.sha256()
        try:
            with open(path / name, "rb") as file:
                for chunk in iter(lambda: file.read(1 << 20), b""):  # noqa: B023 - used at once
                    digest.update(chunk)
        except OSError:
            return f"{path / name} is missing or unreadable: {again}"
        if digest.hexdigest() != expected:
            return f"{path / name} does not match {meta_path}: {again}"
    return None


def load_engine(path=None):  # noqa: ANN001, ANN201
    """Load the trained tagger from `path` (default models/tagger/), verifying its files."""
    import json

    path = path or model_dir()
    if problem := model_files_problem(path):
        raise TaggerModelMissing(problem)
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    from bot.tagging.model import TrainedTagger

    _one_blas_thread_for_good()
    return TrainedTagger.load(path, meta)


def _one_blas_thread_for_good() -> None:
    """BLAS on one thread in a process that tags. The tagger's matrix products are tiny;
    a second OpenBLAS thread only busy-waits, doubling the CPU a message costs (measured:
    24 ms CPU for 12 ms wall per message) and taking a core from Rasa on the same machine."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def reset() -> None:
    """Forget the loaded engine (tests, or after `make train` in a long-lived process)."""
    global _engine
    with _lock:
        _engine = None


def tag(text: str, question_key: str | None = None) -> TagResult:
    """Tag one message; `question_key` ("island:space:barriers") is the question it answers."""
    return engine().tag_many([text], [question_key])[0]


def tag_many(
    texts: Iterable[str], question_keys: Iterable[str | None] | None = None
) -> list[TagResult]:
    """Tag several messages (faster than one by one); results in input order."""
    texts = list(texts)
    keys = list(question_keys) if question_keys is not None else None
    return engine().tag_many(texts, keys) if texts else []


def model_version() -> str:
    """The version string of the loaded model (recorded on every stored tag)."""
    return engine().version
