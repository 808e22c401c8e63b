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
    """A few clauses run side by side on the worker threads (the float graph: in like-length
    groups); the vectors do not depend on how they were run."""
    texts = [
        "We can't recruit machinists",
        "and the A41 is gridlocked every single morning",
        "We can't recruit machinists, and the A41 is gridlocked every single morning",
    ]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_a_vector_does_not_depend_on_its_batch(encoder: object) -> None:
    """The int8 graph quantises activations per call: each text runs alone, so a message
    gets the same vector in a batch of many (one-thread sessions side by side) as on its own
    (one session on every thread)."""
    from bot.tagging.embed import Encoder

    encoder = Encoder(threads=2)  # the fixture's may have one thread on a one-core machine
    texts = [
        f"Message {i}: we need {'more ' * (i % 7)}skilled staff near Aylesbury" for i in range(20)
    ]
    texts.append("Past the token limit, cut the same way by either tokenizer call. " * 20)
    assert len(texts) > 8  # many texts, not a message's few clauses
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_a_clause_cut_off_by_the_token_limit_gets_no_span_vector(encoder: object) -> None:
    """Past MAX_TOKENS the whole pass never saw a clause: its span row is zero, so the
    tagger encodes that clause on its own rather than score what it did not read."""
    from bot.tagging.embed import MAX_TOKENS

    first = "We make carbon fibre parts for race teams. " * 11
    text = first + "And the A41 is gridlocked every single morning, " * 4
    assert len(encoder.tokenizer.encode(first).ids) < MAX_TOKENS  # the first is seen whole
    assert encoder.tokenizer.encode(text).overflowing  # the second is cut off
    spans = [(0, len(first)), (len(first), len(text))]
    _, parts = encoder.encode_with_spans([text], [spans])
    assert np.linalg.norm(parts[0][0]) > 0.99
    assert not parts[0][1].any()
