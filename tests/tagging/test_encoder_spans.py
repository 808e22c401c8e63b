"""The encoder's clause vectors: read off the whole message's pass, or a clause on its own."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(scope="module")
def encoder() -> object:
    from bot.tagging.assets import TOKENIZER_PATH

    if not TOKENIZER_PATH.exists():
        pytest.skip("embedding tokenizer not fetched: run `make setup`")
    from bot.tagging.embed import Encoder

    return Encoder()


def test_a_span_covering_the_text_is_close_to_the_whole(encoder: object) -> None:
    text = "We build satellites and the broadband at Westcott is slow"
    whole, parts = encoder.encode_with_spans([text], [[(0, len(text)), (0, 19)]])
    assert parts[0].shape == (2, 384)
    assert np.allclose(np.linalg.norm(parts[0], axis=1), 1.0, atol=1e-5)
    assert float(parts[0][0] @ whole[0]) > 0.99  # special tokens are all that differs
    assert float(parts[0][1] @ whole[0]) < 0.99  # a clause is not the whole


def test_batched_and_single_encodings_agree(encoder: object) -> None:
    """A message and its clauses run in like-length groups; the vectors do not depend on
    how they were grouped."""
    texts = [
        "We can't recruit machinists",
        "and the A41 is gridlocked every single morning",
        "We can't recruit machinists, and the A41 is gridlocked every single morning",
    ]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
