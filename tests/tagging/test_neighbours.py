"""The neighbour search: the session (a message and its clauses) and numpy (batches) find the
same nearest examples as a search by hand, and a forked process can still search."""

from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from bot.tagging.neighbours import FEW_ROWS, NearestExamples


def _unit_rows(rng: np.random.Generator, rows: int, dim: int = 24) -> np.ndarray:
    x = rng.normal(size=(rows, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("rows", [1, 3, FEW_ROWS, FEW_ROWS + 1, 50])
def test_the_k_nearest_examples_are_the_ones_found_by_hand(rows: int) -> None:
    rng = np.random.default_rng(rows)
    vectors = _unit_rows(rng, 900)
    query = _unit_rows(rng, rows)
    examples = NearestExamples(vectors)
    examples.session()
    gc.collect()  # the session reads the examples in place: they must outlive their wrapper
    sims, idx = examples.top(query, 7)
    assert sims.shape == idx.shape == (rows, 7)
    for i, q in enumerate(query):
        by_hand = sorted(range(len(vectors)), key=lambda n: -float(vectors[n] @ q))[:7]
        assert set(idx[i].tolist()) == set(by_hand)
        np.testing.assert_allclose(sims[i], vectors[idx[i]] @ q, atol=1e-5)


def test_k_is_cut_to_the_number_of_examples() -> None:
    rng = np.random.default_rng(1)
    examples = NearestExamples(_unit_rows(rng, 4))
    for rows in (1, FEW_ROWS + 1):
        _sims, idx = examples.top(_unit_rows(rng, rows), 10)
        assert idx.shape == (rows, 4)
        assert all(sorted(row) == [0, 1, 2, 3] for row in idx.tolist())


def _search_in_child(
    examples: NearestExamples, query: np.ndarray, out: multiprocessing.Queue
) -> None:
    out.put(examples.top(query, 5)[1].tolist())


def test_a_process_forked_after_the_session_was_made_still_searches() -> None:
    """The Rasa server and the attack probes fork a process that has loaded the tagger: the
    one-thread session must work in the child (no thread pool is left behind)."""
    rng = np.random.default_rng(2)
    examples = NearestExamples(_unit_rows(rng, 300))
    query = _unit_rows(rng, 2)
    expected = examples.top(query, 5)[1].tolist()  # the session is made in the parent
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    child = context.Process(target=_search_in_child, args=(examples, query, out))
    child.start()
    got = out.get(timeout=60)
    child.join(timeout=60)
    assert child.exitcode == 0
    assert got == expected


def test_the_search_graph_is_written_once_and_read_from_its_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.tagging import assets, neighbours

    cached = tmp_path / "nearest.onnx"
    monkeypatch.setattr(assets, "search_graph_path", lambda: cached)
    assert neighbours.search_graph() == cached
    mtime = cached.stat().st_mtime_ns
    assert neighbours.search_graph() == cached
    assert cached.stat().st_mtime_ns == mtime
    assert list(tmp_path.iterdir()) == [cached]  # no temporary file left behind


def test_a_read_only_cache_gives_the_graph_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.tagging import assets, neighbours

    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setattr(assets, "search_graph_path", lambda: blocked / "nearest.onnx")
    graph = neighbours.search_graph()
    assert isinstance(graph, bytes)
    examples = NearestExamples(_unit_rows(np.random.default_rng(3), 20))
    monkeypatch.setattr(neighbours, "search_graph", lambda: graph)
    _sims, idx = examples.top(examples.vectors[:2], 1)
    assert idx.ravel().tolist() == [0, 1]


def test_evidence_quotes_the_same_example_with_or_without_the_vote_s_neighbours(
    trained_engine: object,
) -> None:
    """Evidence's "similar to" reads the nearest example carrying a theme off the neighbour
    vote's examples when one of them carries it, else searches every example carrying it:
    both give the nearest one."""
    from bot.strategy import THEME_IDS

    engine = trained_engine
    texts = [
        "We can't recruit machinists, and the A41 is gridlocked every single morning",
        "Our lab needs wet-lab space to rent near Harwell",
        "film studio work keeps drying up and crews can't afford to live nearby",
    ]
    _P, parts = engine.scores(texts, cascade=True)
    emb = parts["emb"]
    top, idx = parts["neighbours"]
    read_off = 0
    for i in range(len(texts)):
        for j in range(len(THEME_IDS)):
            searched = engine._evidence.nearest(emb[i], j)
            assert engine._evidence.nearest(emb[i], j, (top[i], idx[i])) == searched
            read_off += bool((engine.example_labels[idx[i], j] > 0).any())
    assert read_off > 0  # the short cut was taken


def test_a_damaged_cached_graph_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.tagging import assets

    cached = tmp_path / "nearest.onnx"
    cached.write_bytes(b"not an onnx graph")
    monkeypatch.setattr(assets, "search_graph_path", lambda: cached)
    examples = NearestExamples(_unit_rows(np.random.default_rng(4), 30))
    _sims, idx = examples.top(examples.vectors[:3], 1)
    assert idx.ravel().tolist() == [0, 1, 2]
    assert cached.read_bytes() != b"not an onnx graph"


def test_the_int8_examples_are_each_within_half_a_step_of_the_float_ones() -> None:
    """The session's candidates come from int8 examples, each scaled by its own largest
    component; an all-zero example keeps a usable scale."""
    from bot.tagging.neighbours import quantised

    vectors = _unit_rows(np.random.default_rng(5), 40)
    vectors[3] = 0.0
    examples, scales = quantised(vectors)
    assert examples.dtype == np.int8 and examples.shape == (24, 40)
    assert scales.dtype == np.float32 and np.all(scales > 0)
    # 7 bits: the uint8 x int8 pairs MLAS adds on AVX2 stay within an int16
    assert np.abs(examples).max() == 63
    restored = (examples * scales).T
    assert np.all(np.abs(restored - vectors) <= scales[:, None] / 2 + 1e-7)
    assert not restored[3].any()
