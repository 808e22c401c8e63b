"""The fused rewrite of the encoder's graph computes what the exported graph computes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.tagging import assets, encoder_graph

TEXTS = [
    "We can't recruit machinists and the A41 is gridlocked every morning",
    "hi",
    "Our film studio near Pinewood needs more sound stages, and faster broadband would help "
    "the post-production team render overnight instead of couriering drives to Soho",
]


def _hidden_states(path: Path, ids: list[int], optimise: bool) -> np.ndarray:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.graph_optimization_level = (
        ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        if optimise
        else ort.GraphOptimizationLevel.ORT_DISABLE_ALL  # the cached graph is optimised
    )
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    row = np.array([ids], dtype=np.int64)
    feed = {"input_ids": row, "attention_mask": np.ones_like(row), "token_type_ids": 0 * row}
    return session.run(["last_hidden_state"], feed)[0][0]


def test_the_fused_graph_gives_the_exported_graphs_hidden_states(tmp_path: Path) -> None:
    from tokenizers import Tokenizer

    from bot.tagging.embed import Encoder

    Encoder(threads=1, graph="int8-weights")  # makes sure the optimised float graph exists
    source = assets.optimized_model_path()
    fused = tmp_path / "fused.onnx"
    encoder_graph.fuse(source, fused)
    tokenizer = Tokenizer.from_file(str(assets.tokenizer_path()))
    for text in TEXTS:
        ids = tokenizer.encode(text).ids
        exported = _hidden_states(source, ids, optimise=False)
        rewritten = _hidden_states(fused, ids, optimise=True)
        assert rewritten.shape == exported.shape == (len(ids), 384)
        np.testing.assert_allclose(rewritten, exported, atol=1e-4)
    # and it is not a graph that ignores its input
    a = _hidden_states(fused, tokenizer.encode(TEXTS[0]).ids, optimise=True).mean(axis=0)
    b = _hidden_states(fused, tokenizer.encode(TEXTS[2]).ids, optimise=True).mean(axis=0)
    assert float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)) < 0.9


def test_a_graph_that_is_not_the_minilm_export_is_refused(tmp_path: Path) -> None:
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    weight = numpy_helper.from_array(np.ones((4, 4), dtype=np.float32), "w")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
        [weight],
    )
    source = tmp_path / "tiny.onnx"
    onnx.save(helper.make_model(graph), str(source))
    with pytest.raises(encoder_graph.UnexpectedGraph, match="MiniLM"):
        encoder_graph.fuse(source, tmp_path / "out.onnx")
    assert not (tmp_path / "out.onnx").exists()
