"""What callers need of a sentence encoder and of a tagger, as structural types.

Training wraps the encoder in a cache and tests pass fakes, so these are duck-typed; the
Protocols let mypy check those call sites without tying them to one class.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

    from bot.tagging.result import TagResult


class SentenceEncoder(Protocol):
    """bot.tagging.embed.Encoder and its training cache (CachedEncoder)."""

    def encode(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 384) unit vectors."""
        ...

    def encode_with_spans(
        self, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each text's vector and one vector per (start, end) character span of it."""
        ...


class Tagger(Protocol):
    """bot.tagging.model.TrainedTagger (the engine), as re-tagging uses it."""

    version: str

    def tag_many(
        self, texts: Sequence[str], question_keys: Sequence[str | None] | None = None
    ) -> list[TagResult]:
        """Tag each text, given the question it answered."""
        ...
