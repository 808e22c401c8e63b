"""Python's full garbage collections stop a server's event loop: freeze what start-up made,
and log every long pause.

A Rasa process holds ~620,000 tracked objects once its model is loaded (TensorFlow, spaCy,
the domain). CPython's full (generation 2) collection walks all of them: measured ~0.96 s
on this machine, during which the event loop, and so every conversation in the process,
waits. It runs whenever the objects that outlived younger collections since the last full
one reach a quarter of those it walked (the tracker cache's events, parse results), so a
busy process pays it every few dozen turns, and each pause lands on several turns at once.

`gc.freeze()` once the server has started moves every object alive then into a permanent
generation that collections skip: a full collection then walks only what was made since.
(The start-up objects are the model: they live as long as the process anyway.)
`GC_FREEZE_AFTER_START` (bot/config.py, default on) turns it off for a comparison.
`watch()` logs each collection that took `SLOW_MS` or more, with its generation.
"""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)

SLOW_MS = 50.0


@dataclass
class PauseLog:
    """Collections seen since `watch()`: count, total and longest milliseconds, per generation."""

    count: dict[int, int] = field(default_factory=dict)
    total_ms: dict[int, float] = field(default_factory=dict)
    longest_ms: dict[int, float] = field(default_factory=dict)
    _started: float = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        gen = info["generation"]
        ms = (time.perf_counter() - self._started) * 1000
        self.count[gen] = self.count.get(gen, 0) + 1
        self.total_ms[gen] = self.total_ms.get(gen, 0.0) + ms
        self.longest_ms[gen] = max(self.longest_ms.get(gen, 0.0), ms)
        if ms >= SLOW_MS:
            logger.warning(
                "garbage collection (generation %d) stopped the process for %.0f ms "
                "(%d objects frozen)",
                gen,
                ms,
                gc.get_freeze_count(),
            )


_log: PauseLog | None = None


def watch() -> PauseLog:
    """Start logging long collections in this process (idempotent); the running tally."""
    global _log
    if _log is None:
        _log = PauseLog()
        gc.callbacks.append(_log)
    return _log


def freeze_after_start() -> int:
    """Collect once, then freeze every surviving object (GC_FREEZE_AFTER_START, default on).

    Returns how many objects are frozen (0 when turned off)."""
    from bot.config import settings

    watch()
    if not settings().gc_freeze_after_start:
        return 0
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    logger.info(
        "froze %d start-up objects for the garbage collector (%.0f ms)",
        frozen,
        (time.perf_counter() - started) * 1000,
    )
    return frozen
