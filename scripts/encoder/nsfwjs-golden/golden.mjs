// Reference class probabilities of nsfwjs 4.4.0 (MobileNetV2) from the real package on @tensorflow/tfjs 4.22.0's
// pure-JS CPU backend, for crates/custos-engine/tests/image_nsfwjs.rs and the self-check of scripts/encoder/build_nsfwjs.py.
// Run by scripts/nsfwjs-golden.sh (which installs the pinned package-lock.json next to this file):
//
//     node golden.mjs REPO_ROOT > crates/custos-engine/tests/fixtures/nsfwjs_golden.json
//
// Inputs: synthetic images defined by formulas (the same in build_nsfwjs.py and the Rust test, so the whole
// pipeline — preprocessing included — is compared without any image codec), and every image of eval/images/
// decoded with pngjs / jpeg-js (pure JS; the engine decodes JPEGs with zune-jpeg, so those can differ by a few grey
// levels). Each image goes through the package's own `infer()` (toFloat / 255, resizeBilinear alignCorners = true,
// model.predict) as an int32 [H, W, 3] tensor, which is what `tf.browser.fromPixels` gives in a browser.
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
// nsfwjs and tfjs chat on stdout (console.info/log); stdout is the JSON.
console.info = console.log = (...args) => console.error(...args);
const tf = require("@tensorflow/tfjs");
const nsfwjs = require("nsfwjs");
const jpeg = require("jpeg-js");
const { PNG } = require("pngjs");
// The version of an installed package (its package.json is not always in its "exports").
function version(name) {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === name) return pkg.version;
    } catch {}
  }
  throw new Error(`no package.json for ${name}`);
}

const root = process.argv[2];
if (!root) throw new Error("usage: node golden.mjs REPO_ROOT");

// Same formulas as `synthetic()` in scripts/encoder/build_nsfwjs.py and the Rust test.
function synthetic(spec) {
  const { width: w, height: h } = spec;
  const data = new Int32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      if (spec.kind === "flat") {
        data.set(spec.rgb, i);
      } else {
        data[i] = Math.floor((x * 255) / (w - 1));
        data[i + 1] = Math.floor((y * 255) / (h - 1));
        data[i + 2] = ((Math.floor(x / 16) + Math.floor(y / 16)) % 2) * 120 + ((x * y) % 97);
      }
    }
  }
  return { data, w, h };
}

function decodeFile(path) {
  const bytes = readFileSync(path);
  if (path.endsWith(".png")) {
    const png = PNG.sync.read(bytes); // always RGBA; the committed PNGs are opaque RGB
    const data = new Int32Array(png.width * png.height * 3);
    for (let p = 0; p < png.width * png.height; p++) {
      if (png.data[p * 4 + 3] !== 255) throw new Error(`${path}: has transparency`);
      data.set(png.data.subarray(p * 4, p * 4 + 3), p * 3);
    }
    return { data, w: png.width, h: png.height, decoder: `pngjs ${version("pngjs")}` };
  }
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
  return { data: Int32Array.from(img.data), w: img.width, h: img.height, decoder: `jpeg-js ${version("jpeg-js")}` };
}

const SYNTHETIC = [
  { kind: "gradient", width: 300, height: 200 },
  { kind: "gradient", width: 224, height: 224 },
  { kind: "gradient", width: 97, height: 411 },
  { kind: "flat", width: 100, height: 100, rgb: [128, 128, 128] },
  { kind: "flat", width: 300, height: 200, rgb: [160, 128, 128] },
  { kind: "flat", width: 64, height: 64, rgb: [255, 255, 255] },
];

await tf.setBackend("cpu");
const model = await nsfwjs.load("MobileNetV2");
const { NSFW_CLASSES } = require(join(dirname(require.resolve("nsfwjs")), "nsfw_classes.js"));
const classes = [0, 1, 2, 3, 4].map((i) => NSFW_CLASSES[i]);

async function probs({ data, w, h }) {
  const t = tf.tensor3d(data, [h, w, 3], "int32");
  const out = model.infer(t);
  const p = Array.from(await out.data());
  t.dispose();
  out.dispose();
  return p;
}

const images = [];
for (const spec of SYNTHETIC) {
  const name = spec.kind === "flat" ? `flat-${spec.rgb.join("-")}-${spec.width}x${spec.height}`
    : `gradient-${spec.width}x${spec.height}`;
  images.push({ name, synthetic: spec, probs: await probs(synthetic(spec)) });
}
const dir = join(root, "eval/images");
for (const file of readdirSync(dir).filter((f) => /\.(png|jpg)$/.test(f)).sort()) {
  const img = decodeFile(join(dir, file));
  images.push({ name: file, file: `eval/images/${file}`, decoder: img.decoder, probs: await probs(img) });
}

const out = {
  generator: "scripts/nsfwjs-golden.sh (scripts/encoder/nsfwjs-golden/golden.mjs)",
  nsfwjs: version("nsfwjs"),
  tfjs: version("@tensorflow/tfjs"),
  backend: tf.getBackend(),
  model: "MobileNetV2",
  classes,
  images,
};
// One image per line keeps diffs readable.
process.stdout.write(JSON.stringify({ ...out, images: undefined }, null, 1).replace(/\n}$/, ",\n \"images\": [\n")
  + images.map((i) => "  " + JSON.stringify(i)).join(",\n") + "\n ]\n}\n");
