"""Set-up step: rewrite the encoder's graph with onnxruntime's fused transformer operators.

The pinned MiniLM file was exported with attention spelled out in ~30 small nodes per layer
(a NaN guard, Where, Transpose, Softmax, two MatMuls) and GELU as Erf/Div/Mul; onnxruntime's
own fusers do not recognise that export, so about 40% of a pass went to those small nodes.
Here the same weights are laid into the standard BERT layout with `com.microsoft` operators
(EmbedLayerNormalization, Attention with Q, K and V in one matrix, SkipLayerNormalization,
BiasGelu); the float graph gives the same hidden states to ~1e-6. Its dynamic int8 copy
(Attention -> QAttention, MatMul -> integer MatMul) runs a 128-token message in ~22% and a
32-token one in ~40% less CPU than the int8 copy of the unfused graph (bot/tagging/README.md).

Uses the `onnx` package, which only `make setup` needs; nothing here runs per message.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # onnx is imported where it is used: only `make setup` needs it
    from onnx import ModelProto, NodeProto

LAYERS = 6
HEADS = 12
HIDDEN = 384
EPSILON = 1e-12
PREFIX = "inner."  # the export's name for the BERT module's weights


class UnexpectedGraph(RuntimeError):
    """The source graph is not the MiniLM-L6 export this rewrite was written for."""


def _weights_by_role(model: ModelProto) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The named initialisers, and each dense layer's weight matrix found by its bias.

    The export names biases (`...attention.self.query.bias`) but not the weight matrices
    (`val_57`): a matrix is the MatMul operand whose output goes into the named bias's node.
    """
    from onnx import numpy_helper

    graph = model.graph
    named = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    consumers = defaultdict(list)
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)
    dense: dict[str, np.ndarray] = {}
    for node in graph.node:
        if node.op_type != "MatMul" or node.input[1] not in named:
            continue
        for user in consumers[node.output[0]]:
            for name in user.input:
                if name.endswith(".bias") and "LayerNorm" not in name and ".layer." in name:
                    dense[name.removesuffix(".bias")] = named[node.input[1]]
    return named, dense


def read_weights(source: Path) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The MiniLM graph's named initialisers and its dense layers' weight matrices
    (`(in, out)`, keyed by the layer's name without `.bias`)."""
    import onnx

    return _weights_by_role(onnx.load(str(source)))


def fuse(source: Path, target: Path) -> None:
    """Write the fused float32 graph of the optimised MiniLM graph at `source` to `target`."""
    write_fused(*read_weights(source), target)


def write_fused(named: dict[str, np.ndarray], dense: dict[str, np.ndarray], target: Path) -> None:
    """Lay MiniLM weights (as `read_weights` names them; fine-tuned ones too) into the fused
    float32 graph at `target`."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    layer = [f"{PREFIX}encoder.layer.{n}." for n in range(LAYERS)]
    wanted = [
        p + part
        for p in layer
        for part in (
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
            "intermediate.dense",
            "output.dense",
        )
    ]
    missing = [name for name in wanted if name not in dense]
    if missing or f"{PREFIX}encoder.layer.{LAYERS}.output.dense.bias" in named:
        raise UnexpectedGraph(f"not the 6-layer MiniLM export: missing {missing[:3]}")

    initialisers = []

    def weight(name: str, value: np.ndarray) -> str:
        initialisers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    emb = f"{PREFIX}embeddings."
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids32"], to=TensorProto.INT32),
        helper.make_node("Cast", ["token_type_ids"], ["types32"], to=TensorProto.INT32),
        helper.make_node("Cast", ["attention_mask"], ["mask32"], to=TensorProto.INT32),
        helper.make_node(
            "EmbedLayerNormalization",
            [
                "ids32",
                "types32",
                weight("word_embeddings", named[emb + "word_embeddings.weight"]),
                weight("position_embeddings", named[emb + "position_embeddings.weight"]),
                weight("token_type_embeddings", named[emb + "token_type_embeddings.weight"]),
                weight("embeddings_gamma", named[emb + "LayerNorm.weight"]),
                weight("embeddings_beta", named[emb + "LayerNorm.bias"]),
            ],
            ["hidden0", "unused_mask_index"],
            domain="com.microsoft",
            epsilon=EPSILON,
        ),
    ]
    hidden = "hidden0"
    for n, p in enumerate(layer):
        qkv = [p + f"attention.self.{part}" for part in ("query", "key", "value")]
        out = "last_hidden_state" if n == LAYERS - 1 else f"hidden{n + 1}"

        def skip_norm(x: str, residual: str, block: str, result: str, p: str = p) -> NodeProto:
            return helper.make_node(
                "SkipLayerNormalization",
                [
                    x,
                    residual,
                    weight(p + block + ".LayerNorm.weight", named[p + block + ".LayerNorm.weight"]),
                    weight(p + block + ".LayerNorm.bias", named[p + block + ".LayerNorm.bias"]),
                    weight(p + block + ".dense.bias", named[p + block + ".dense.bias"]),
                ],
                [result],
                domain="com.microsoft",
                epsilon=EPSILON,
            )

        nodes += [
            helper.make_node(
                "Attention",
                [
                    hidden,
                    weight(f"l{n}_qkv", np.concatenate([dense[q] for q in qkv], axis=1)),
                    weight(f"l{n}_qkv_bias", np.concatenate([named[q + ".bias"] for q in qkv])),
                    "mask32",
                ],
                [f"l{n}_context"],
                domain="com.microsoft",
                num_heads=HEADS,
            ),
            helper.make_node(
                "MatMul",
                [f"l{n}_context", weight(f"l{n}_attn_out", dense[p + "attention.output.dense"])],
                [f"l{n}_attn_projected"],
            ),
            skip_norm(f"l{n}_attn_projected", hidden, "attention.output", f"l{n}_attended"),
            helper.make_node(
                "MatMul",
                [f"l{n}_attended", weight(f"l{n}_up", dense[p + "intermediate.dense"])],
                [f"l{n}_up_out"],
            ),
            helper.make_node(
                "BiasGelu",
                [f"l{n}_up_out", weight(f"l{n}_up_bias", named[p + "intermediate.dense.bias"])],
                [f"l{n}_gelu"],
                domain="com.microsoft",
            ),
            helper.make_node(
                "MatMul",
                [f"l{n}_gelu", weight(f"l{n}_down", dense[p + "output.dense"])],
                [f"l{n}_down_out"],
            ),
            skip_norm(f"l{n}_down_out", f"l{n}_attended", "output", out),
        ]
        hidden = out

    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
        for name in ("input_ids", "attention_mask", "token_type_ids")
    ]
    outputs = [
        helper.make_tensor_value_info(
            "last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN]
        )
    ]
    graph = helper.make_graph(nodes, "minilm_l6_fused", inputs, outputs, initialisers)
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
    )
    model.ir_version = 8
    onnx.save(model, str(target))


def quantize(source: Path, target: Path, *, fused: bool) -> None:
    """onnxruntime's dynamic int8 quantisation, weights per output channel.

    Per tensor moved some vectors to cosine 0.93 of the float graph's; per channel keeps
    >= 0.97. In the fused graph Attention becomes QAttention; its custom operators carry no
    shape information, so every tensor is declared float."""
    import logging

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    options: dict = {}
    if fused:
        options = {
            "op_types_to_quantize": ["MatMul", "Attention"],
            "extra_options": {"DefaultTensorType": onnx.TensorProto.FLOAT},
        }
    quiet = logging.getLogger()
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # its advice to pre-process does not apply here
    try:
        quantize_dynamic(
            str(source), str(target), per_channel=True, weight_type=QuantType.QInt8, **options
        )
    finally:
        quiet.setLevel(level)
