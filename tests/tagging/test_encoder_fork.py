"""A process forked after the encoder ran a batch on its worker threads can still encode a
batch: the child does not inherit the threads, so it must not wait on the parent's pool."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

TEXTS = [f"We need {n} more engineers, and the A41 is gridlocked" for n in range(20)]


def _in_forked_child(target: Callable[[Any, Any], None], arg: Any) -> tuple[Any, int | None]:
    """What `target(arg, queue)` put on the queue in a forked child, and its exit code; a
    child that hangs is killed after a minute (the get times out and the test fails)."""
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    child = context.Process(target=target, args=(arg, out), daemon=True)
    child.start()
    try:
        got = out.get(timeout=60)
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
    return got, child.exitcode


def _child(encoder_and_texts: tuple[Any, list[str]], out: Any) -> None:
    encoder, texts = encoder_and_texts
    out.put(encoder.encode(texts).tolist())


@pytest.mark.parametrize("count", [3, len(TEXTS)])
def test_a_forked_child_encodes_a_batch_after_the_parent_did(count: int) -> None:
    """A batch, and a message's few clauses that the cascade encodes alone: both run on
    the worker threads."""
    from bot.tagging.assets import TOKENIZER_PATH

    if not TOKENIZER_PATH.exists():
        pytest.skip("embedding tokenizer not fetched: run `make setup`")
    from bot.tagging.embed import PARALLEL_FROM, Encoder

    encoder = Encoder(threads=2)
    texts = TEXTS[:count]
    assert len(texts) >= PARALLEL_FROM  # spread over the worker threads
    want = encoder.encode(texts)
    got, exitcode = _in_forked_child(_child, (encoder, texts))
    assert np.array_equal(np.array(got, dtype=np.float32), want)
    assert exitcode == 0


def _drop_then_encode(holder: list[Any], out: Any) -> None:
    import gc

    from bot.tagging.embed import Encoder

    holder.clear()  # the inherited encoder and its two-thread session become garbage
    gc.collect()
    out.put(Encoder(threads=2).encode([TEXTS[0]]).tolist())


def test_a_forked_child_can_drop_a_session_that_ran_on_two_threads() -> None:
    """One message runs on every intra-op thread; a child forked after it inherits that
    session without its threads, and destroying it there used to wait for ever."""
    from bot.tagging.assets import TOKENIZER_PATH

    if not TOKENIZER_PATH.exists():
        pytest.skip("embedding tokenizer not fetched: run `make setup`")
    from bot.tagging.embed import Encoder

    holder = [Encoder(threads=2)]
    want = holder[0].encode([TEXTS[0]])  # a single message: the two-thread session
    got, exitcode = _in_forked_child(_drop_then_encode, holder)
    assert np.array_equal(np.array(got, dtype=np.float32), want)
    assert exitcode == 0
