#!/usr/bin/env python3
"""Converts the nsfwjs MobileNetV2 classifier (MIT) from the npm tarball to an ONNX graph. numpy + onnx only for the
conversion; onnxruntime for the self-check. No TensorFlow, no torch, no JavaScript is run.

    build_nsfwjs.py TARBALL OUT_DIR [GOLDEN_JSON]

TARBALL is `nsfwjs-4.4.0.tgz` (`npm pack nsfwjs@4.4.0`). Its `dist/models/mobilenet_v2/` holds the tfjs Layers
model as two browserify bundles: `model.min.js` (the model.json as a JavaScript object literal: Keras 2.2.4
topology + weights manifest) and `group1-shard1of1.min.js` (the weight bytes as one base64 string). Both are read as
text and parsed here (a small JSON5-like literal parser), never executed.

The model: Keras MobileNetV2 (alpha 1.0, 224 x 224, 162 layers) + AveragePooling 7x7 + Dense 256 relu + Dense 128
relu + Dense 5 softmax over [Drawing, Hentai, Neutral, Porn, Sexy]. Every weight is stored as uint8 with a per-tensor
(min, scale); tfjs dequantizes with `q * scale + min` in double precision into a Float32Array, and so does this
script. Graph written (opset 17):

- input `input` float32 [N, 224, 224, 3] (NHWC, what nsfwjs feeds: RGB / 255, resized with tfjs' bilinear
  `alignCorners = true`; the resize is the caller's, see crates/custos-engine/src/image/nsfwjs.rs);
- Transpose to NCHW; Conv2D / DepthwiseConv2D (group = channels) with the following BatchNormalization folded in
  (w * gamma / sqrt(var + eps), beta - mean * gamma / sqrt(var + eps), in float64, then float32);
  ZeroPadding2D folded into the next convolution's pads; Keras 'same' padding computed TensorFlow's way (the extra
  pixel at the end); ReLU(max_value 6) = Clip(0, 6); Add; AveragePooling over the whole 7 x 7 map =
  GlobalAveragePool; Flatten; Dense = Gemm; Dropout = identity;
- output `probs` float32 [N, 5].

Self-check (before anything is written): with GOLDEN_JSON (crates/custos-engine/tests/fixtures/nsfwjs_golden.json,
written by scripts/nsfwjs-golden.sh with the real nsfwjs + @tensorflow/tfjs), the synthetic images recorded there are
rebuilt here from their formulas, preprocessed exactly as nsfwjs does (numpy, float32, align-corners bilinear),
run through the ONNX graph with onnxruntime, and compared with tfjs' probabilities; the build fails above 1e-4
absolute. Deterministic: the same tarball and package versions give the same bytes.
"""

import base64
import hashlib
import json
import re
import sys
import tarfile
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnx_graph import GraphBuilder

VARIANT = "mobilenet_v2"
MODEL_MEMBER = f"package/dist/models/{VARIANT}/model.min.js"
SHARD_MEMBER = f"package/dist/models/{VARIANT}/group1-shard1of1.min.js"
CLASSES = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"]
SIZE = 224
TOLERANCE = 1e-4


# --- a literal parser for the minified model.json --------------------------------------------------------------

_TOKEN = re.compile(
    r'\s*(?:(?P<punct>[{}\[\]:,])|(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)'
    r"|(?P<bang>![01])|(?P<ident>[A-Za-z_$][\w$]*))"
)


def parse_literal(text: str, pos: int):
    """Parses one JavaScript object/array literal as minifiers write JSON (unquoted keys, `!0`/`!1`, `.5`) starting
    at `pos`. Returns (value, end). Anything else (calls, operators) is an error, so nothing is ever evaluated."""
    def lex(p):
        m = _TOKEN.match(text, p)
        if not m:
            raise ValueError(f"unexpected input at {p}: {text[p:p + 40]!r}")
        return m

    def value(p):
        m = lex(p)
        end = m.end()
        if m.group("punct") == "{":
            obj = {}
            m2 = lex(end)
            if m2.group("punct") == "}":
                return obj, m2.end()
            while True:
                k = lex(end)
                if k.group("str"):
                    key = json.loads(k.group("str"))
                elif k.group("ident"):
                    key = k.group("ident")
                else:
                    raise ValueError(f"bad key at {end}")
                c = lex(k.end())
                if c.group("punct") != ":":
                    raise ValueError(f"expected ':' at {k.end()}")
                obj[key], end = value(c.end())
                s = lex(end)
                end = s.end()
                if s.group("punct") == "}":
                    return obj, end
                if s.group("punct") != ",":
                    raise ValueError(f"expected ',' or '}}' at {s.start()}")
        if m.group("punct") == "[":
            arr = []
            m2 = lex(end)
            if m2.group("punct") == "]":
                return arr, m2.end()
            while True:
                v, end = value(end)
                arr.append(v)
                s = lex(end)
                end = s.end()
                if s.group("punct") == "]":
                    return arr, end
                if s.group("punct") != ",":
                    raise ValueError(f"expected ',' or ']' at {s.start()}")
        if m.group("str"):
            return json.loads(m.group("str")), end
        if m.group("num"):
            t = m.group("num")
            return (float(t) if re.search(r"[.eE]", t) else int(t)), end
        if m.group("bang"):
            return m.group("bang") == "!0", end
        if m.group("ident") in ("null", "true", "false"):
            return {"null": None, "true": True, "false": False}[m.group("ident")], end
        raise ValueError(f"unexpected token {m.group(0)!r} at {p}")

    return value(pos)


def read_tarball(path: Path):
    with tarfile.open(path, "r:gz") as tar:
        def member(name):
            f = tar.extractfile(name)
            if f is None:
                raise SystemExit(f"build_nsfwjs: {name} missing from {path}")
            return f.read().decode("utf-8")

        pkg = json.loads(member("package/package.json"))
        if pkg.get("name") != "nsfwjs" or pkg.get("license") != "MIT":
            raise SystemExit(f"build_nsfwjs: unexpected package {pkg.get('name')} {pkg.get('license')}")
        model_js = member(MODEL_MEMBER)
        shard_js = member(SHARD_MEMBER)
    start = model_js.index(".exports={modelTopology") + len(".exports=")
    model, _ = parse_literal(model_js, start)
    m = re.search(r'\.exports="([A-Za-z0-9+/=]+)"', shard_js)
    if not m:
        raise SystemExit("build_nsfwjs: no base64 weights in the shard bundle")
    return pkg["version"], model, base64.b64decode(m.group(1), validate=True)


def dequantize(manifest, data: bytes):
    """tfjs' decodeWeights for float32 weights stored as uint8: values[i] = q * scale + min (doubles) -> float32."""
    weights, offset = {}, 0
    for w in manifest:
        q = w.get("quantization")
        assert w["dtype"] == "float32" and q and q["dtype"] == "uint8", w["name"]
        n = int(np.prod(w["shape"])) if w["shape"] else 1
        raw = np.frombuffer(data, dtype=np.uint8, count=n, offset=offset)
        offset += n
        vals = raw.astype(np.float64) * q["scale"] + q["min"]
        weights[w["name"]] = vals.astype(np.float32).reshape(w["shape"])
    assert offset == len(data), (offset, len(data))
    return weights


# --- the graph ---------------------------------------------------------------------------------------------------

def same_pads(size, k, s):
    """TensorFlow 'SAME' padding for one axis: (before, after), the odd pixel after."""
    out = -(-size // s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2, out


def build_graph(topology, w) -> onnx.ModelProto:
    cfg = topology["model_config"]["config"]
    layers = cfg["layers"]
    by_name = {l["name"]: l for l in layers}
    consumers = {}
    for l in layers:
        for inb in (l["inbound_nodes"][0] if l["inbound_nodes"] else []):
            consumers.setdefault(inb[0], []).append(l["name"])

    graph = GraphBuilder()
    nodes, inits, init, node = graph.nodes, graph.inits, graph.init, graph.node

    # value name -> (onnx tensor name, H, W, C, pending zero padding (top, bottom, left, right))
    vals = {}
    (in_layer,) = [l for l in layers if l["class_name"] == "InputLayer"]
    _, h, wd, c = in_layer["config"]["batch_input_shape"]
    assert (h, wd, c) == (SIZE, SIZE, 3)
    vals[in_layer["name"]] = (node("Transpose", ["input"], "input_nchw", perm=[0, 3, 1, 2]), h, wd, c, None)
    folded_bn = set()

    for l in layers:
        kind, name, conf = l["class_name"], l["name"], l["config"]
        if kind == "InputLayer" or name in folded_bn:
            continue
        ins = [vals[i[0]] for i in l["inbound_nodes"][0]]
        x, h, wd, c, pad = ins[0]
        if pad is not None and kind not in ("Conv2D", "DepthwiseConv2D"):
            raise SystemExit(f"build_nsfwjs: padding before {kind} {name} is not supported")
        if kind == "ZeroPadding2D":
            (t, b), (lf, r) = conf["padding"]
            vals[name] = (x, h, wd, c, (t, b, lf, r))
        elif kind in ("Conv2D", "DepthwiseConv2D"):
            kh, kw = conf["kernel_size"]
            sh, sw = conf["strides"]
            assert conf["dilation_rate"] == [1, 1] and conf["activation"] == "linear", name
            if kind == "Conv2D":
                k = w[f"{name}/kernel"]  # [kh, kw, in, out]
                kernel = k.transpose(3, 2, 0, 1).astype(np.float64)
                group, cout = 1, conf["filters"]
            else:
                assert conf["depth_multiplier"] == 1, name
                k = w[f"{name}/depthwise_kernel"]  # [kh, kw, in, 1]
                kernel = k.transpose(2, 3, 0, 1).astype(np.float64)  # [in, 1, kh, kw]
                group, cout = c, c
            bias = w[f"{name}/bias"].astype(np.float64) if conf["use_bias"] else np.zeros(cout)
            if conf["padding"] == "same":
                assert pad is None, name
                t, b, oh = same_pads(h, kh, sh)
                lf, r, ow = same_pads(wd, kw, sw)
            else:
                t, b, lf, r = pad or (0, 0, 0, 0)
                oh, ow = (h + t + b - kh) // sh + 1, (wd + lf + r - kw) // sw + 1
            # Fold the batch norm that is this conv's only consumer.
            nxt = consumers.get(name, [])
            if len(nxt) == 1 and by_name[nxt[0]]["class_name"] == "BatchNormalization":
                bn = by_name[nxt[0]]
                bc = bn["config"]
                assert bc["axis"] in (-1, 3) and bc["center"] and bc["scale"], bn["name"]
                g = w[f"{bn['name']}/gamma"].astype(np.float64)
                beta = w[f"{bn['name']}/beta"].astype(np.float64)
                mean = w[f"{bn['name']}/moving_mean"].astype(np.float64)
                var = w[f"{bn['name']}/moving_variance"].astype(np.float64)
                f = g / np.sqrt(var + bc["epsilon"])
                kernel = kernel * f[:, None, None, None]
                bias = (bias - mean) * f + beta
                folded_bn.add(bn["name"])
                out = bn["name"]
            else:
                out = name
            y = node("Conv", [x, init(out + ".w", kernel), init(out + ".b", bias)], out, kernel_shape=[kh, kw],
                     strides=[sh, sw], pads=[t, lf, b, r], group=group)
            vals[out] = (y, oh, ow, cout, None)
        elif kind == "BatchNormalization":
            raise SystemExit(f"build_nsfwjs: unfolded batch norm {name}")
        elif kind == "ReLU":
            assert conf.get("negative_slope", 0) == 0 and conf.get("threshold", 0) == 0, name
            mx = conf.get("max_value")
            y = node("Clip", [x, init(name + ".lo", np.array(0.0)), init(name + ".hi", np.array(mx))], name) \
                if mx is not None else node("Relu", [x], name)
            vals[name] = (y, h, wd, c, None)
        elif kind == "Add":
            y = node("Add", [v[0] for v in ins], name)
            vals[name] = (y, h, wd, c, None)
        elif kind == "AveragePooling2D":
            assert conf["pool_size"] == [h, wd] and conf["padding"] == "valid", (name, h, wd)
            vals[name] = (node("GlobalAveragePool", [x], name), 1, 1, c, None)
        elif kind == "Flatten":
            assert (h, wd) == (1, 1), name  # NCHW and NHWC flatten agree only on a 1 x 1 map
            vals[name] = (node("Flatten", [x], name, axis=1), 1, 1, c, None)
        elif kind == "Dropout":
            vals[name] = ins[0]
        elif kind == "Dense":
            units = conf["units"]
            y = node("Gemm", [x, init(name + ".w", w[f"{name}/kernel"]), init(name + ".b", w[f"{name}/bias"])],
                     name + "_gemm")
            act = conf["activation"]
            if act == "relu":
                y = node("Relu", [y], name)
            elif act == "softmax":
                y = node("Softmax", [y], name, axis=-1)
            else:
                assert act == "linear", (name, act)
            vals[name] = (y, 1, 1, units, None)
        else:
            raise SystemExit(f"build_nsfwjs: unsupported layer {kind} ({name})")

    (out_layer,) = cfg["output_layers"]
    final = vals[out_layer[0]]
    assert final[3] == len(CLASSES)
    nodes.append(helper.make_node("Identity", [final[0]], ["probs"], name="probs"))
    graph = helper.make_graph(
        nodes,
        f"nsfwjs-{VARIANT}",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", SIZE, SIZE, 3])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", len(CLASSES)])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="custos")
    model.ir_version = 8
    model.doc_string = "nsfwjs 4.4.0 MobileNetV2 (MIT, Infinite Red); classes " + ",".join(CLASSES)
    onnx.checker.check_model(model, full_check=True)
    return model


# --- the nsfwjs preprocessing and the self-check -------------------------------------------------------------

def synthetic(spec) -> np.ndarray:
    """The synthetic images of the golden file (same formulas in scripts/encoder/nsfwjs-golden/golden.mjs and the Rust
    test), uint8 [H, W, 3]."""
    w, h = spec["width"], spec["height"]
    if spec["kind"] == "flat":
        return np.broadcast_to(np.array(spec["rgb"], dtype=np.uint8), (h, w, 3)).copy()
    assert spec["kind"] == "gradient", spec
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    r = x * 255 // (w - 1)
    g = y * 255 // (h - 1)
    b = ((x // 16 + y // 16) % 2) * 120 + (x * y) % 97
    return np.stack([r, g, b], -1).astype(np.uint8)


def preprocess(rgb: np.ndarray) -> np.ndarray:
    """nsfwjs' infer(): toFloat / 255 (float32), then tf.image.resizeBilinear(alignCorners = true) when the image is
    not 224 x 224 (tfjs' CPU kernel: source = ratio * dst, ratio = (in - 1) / (out - 1), lerp in doubles, stored
    as float32)."""
    img = (rgb.astype(np.float64) / 255.0).astype(np.float32)
    h, w, _ = img.shape
    if (h, w) != (SIZE, SIZE):
        def axis(n):
            ratio = (n - 1) / (SIZE - 1)
            src = ratio * np.arange(SIZE, dtype=np.float64)
            lo = np.maximum(0, np.floor(src)).astype(np.int64)
            hi = np.minimum(n - 1, np.ceil(src)).astype(np.int64)
            return lo, hi, src - lo

        r0, r1, fr = axis(h)
        c0, c1, fc = axis(w)
        x = img.astype(np.float64)
        tl, tr = x[r0][:, c0], x[r0][:, c1]
        bl, br = x[r1][:, c0], x[r1][:, c1]
        top = tl + (tr - tl) * fc[None, :, None]
        bottom = bl + (br - bl) * fc[None, :, None]
        img = (top + (bottom - top) * fr[:, None, None]).astype(np.float32)
    return img[None]


def self_check(path: Path, golden: Path):
    import onnxruntime as ort

    ref = json.loads(golden.read_text())
    assert ref["classes"] == CLASSES, ref["classes"]
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    worst, n, ms = 0.0, 0, []
    for item in ref["images"]:
        if "synthetic" not in item:
            continue
        x = preprocess(synthetic(item["synthetic"]))
        t0 = time.perf_counter()
        got = sess.run(None, {"input": x})[0][0]
        ms.append((time.perf_counter() - t0) * 1000)
        diff = float(np.abs(got - np.array(item["probs"])).max())
        worst, n = max(worst, diff), n + 1
    print(f"build_nsfwjs: onnx vs tfjs {ref['tfjs']} (nsfwjs {ref['nsfwjs']}) on {n} synthetic images: "
          f"max abs diff {worst:.2e}; {min(ms):.1f} ms/image (1 thread)")
    if n == 0 or worst > TOLERANCE:
        raise SystemExit(f"build_nsfwjs: the ONNX graph disagrees with tfjs (max abs diff {worst:.2e})")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    tarball, out = Path(sys.argv[1]), Path(sys.argv[2])
    golden = Path(sys.argv[3]) if len(sys.argv) == 4 else None
    version, model_json, data = read_tarball(tarball)
    (group,) = model_json["weightsManifest"]
    assert group["paths"] == ["group1-shard1of1"], group["paths"]
    weights = dequantize(group["weights"], data)
    model = build_graph(model_json["modelTopology"], weights)
    model.doc_string = model.doc_string.replace("4.4.0", version)
    out.mkdir(parents=True, exist_ok=True)
    part = out / f"nsfwjs-{VARIANT.replace('_', '-')}.onnx.part"
    onnx.save(model, part)
    if golden is not None:
        self_check(part, golden)
    final = part.with_suffix("")
    part.replace(final)
    print(f"build_nsfwjs: wrote {final.name} ({final.stat().st_size} bytes, sha256 "
          f"{hashlib.sha256(final.read_bytes()).hexdigest()})")


if __name__ == "__main__":
    main()
