//! The second `Sexual` member, nsfwjs MobileNetV2 (converted by `scripts/build-nsfwjs.sh`), against the real
//! package, and the ensemble on benign pictures. Needs the vendor files of `make models`; without them these tests
//! fail (they never skip).
//!
//! The reference, `tests/fixtures/nsfwjs_golden.json`, is written by `scripts/nsfwjs-golden.sh`: nsfwjs 4.4.0's own
//! `infer()` on @tensorflow/tfjs 4.22.0 (pure-JS CPU backend). Tolerances, on each class probability:
//! - synthetic images (the same formulas here and in the generator; PNG is lossless, so both sides see the same
//!   pixels): 1e-4 — this checks the conversion *and* the preprocessing (÷255, align-corners bilinear resize);
//!   measured: a few 1e-7;
//! - the committed PNGs of `eval/images/` (pngjs there, the `png` crate here: same pixels): 1e-4;
//! - the committed JPEGs: the generator decodes with jpeg-js, the engine with zune-jpeg, whose IDCT and chroma
//!   upsampling differ by a few grey levels. That moves borderline Drawing/Neutral splits by up to ~0.1 (e.g.
//!   `meme-hate-en.jpg`, a flat-coloured meme), so for JPEGs only the quantity the engine uses, the nsfwjs sexual
//!   score (Porn + Hentai + ½ Sexy), is held to [`JPEG_SEXUAL_TOLERANCE`], and each class to
//!   [`JPEG_CLASS_TOLERANCE`].

use custos_engine::image::nsfwjs::{CLASSES, NEUTRAL};
use custos_engine::image::{decode, sexual_severity, ImageModel, ImageOptions, SexualScores, SEXUAL_THRESHOLDS};
use custos_engine::EngineError;
use custos_wire::Severity;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use serde_json::Value;
use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;

const EXACT_TOLERANCE: f32 = 1e-4;
const JPEG_SEXUAL_TOLERANCE: f32 = 0.01;
const JPEG_CLASS_TOLERANCE: f32 = 0.2;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn model_dir() -> PathBuf {
    let dir = std::env::var_os("CUSTOS_MODEL_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("models"));
    let path = dir.join("vendor/nsfwjs-mobilenet-v2.onnx");
    assert!(path.is_file(), "{} is missing: run scripts/build-nsfwjs.sh (make models)", path.display());
    dir
}

fn model() -> &'static ImageModel {
    static MODEL: OnceLock<ImageModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let options = ImageOptions { sessions: 1, ocr: None, ..ImageOptions::new(1) };
        ImageModel::load_with(&model_dir(), options).unwrap_or_else(|e| panic!("loading the image model: {e}"))
    })
}

fn golden() -> Value {
    serde_json::from_str(include_str!("fixtures/nsfwjs_golden.json")).expect("golden JSON")
}

fn png(img: RgbImage) -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img).write_to(&mut buf, ImageFormat::Png).unwrap();
    buf.into_inner()
}

/// The generator's synthetic images (`synthetic()` in golden.mjs and build_nsfwjs.py).
fn synthetic(spec: &Value) -> RgbImage {
    let (w, h) = (spec["width"].as_u64().unwrap() as u32, spec["height"].as_u64().unwrap() as u32);
    match spec["kind"].as_str().unwrap() {
        "flat" => {
            let c: Vec<u8> = spec["rgb"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as u8).collect();
            RgbImage::from_pixel(w, h, Rgb([c[0], c[1], c[2]]))
        }
        "gradient" => RgbImage::from_fn(w, h, |x, y| {
            let b = ((x / 16 + y / 16) % 2) * 120 + (x * y) % 97;
            Rgb([(x * 255 / (w - 1)) as u8, (y * 255 / (h - 1)) as u8, b as u8])
        }),
        other => panic!("unknown synthetic kind {other}"),
    }
}

fn scores(bytes: &[u8]) -> SexualScores {
    let image = decode(bytes, model().limits()).unwrap();
    model().sexual_scores(&image).unwrap()
}

fn argmax(p: &[f32]) -> usize {
    (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap()
}

#[test]
fn nsfwjs_matches_the_real_package_on_tfjs() {
    let g = golden();
    assert_eq!(g["nsfwjs"], "4.4.0");
    let classes: Vec<&str> = g["classes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(classes, CLASSES);
    let (mut worst_exact, mut worst_jpeg, mut n_exact, mut n_jpeg) = (0f32, 0f32, 0, 0);
    for item in g["images"].as_array().unwrap() {
        let name = item["name"].as_str().unwrap();
        let want: Vec<f32> = item["probs"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32).collect();
        let (bytes, jpeg) = match item.get("synthetic") {
            Some(spec) => (png(synthetic(spec)), false),
            None => {
                let file = item["file"].as_str().unwrap();
                (std::fs::read(root().join(file)).unwrap(), file.ends_with(".jpg"))
            }
        };
        let s = scores(&bytes);
        let got = s.nsfwjs;
        let diff = got.iter().zip(&want).map(|(a, b)| (a - b).abs()).fold(0f32, f32::max);
        let reference = SexualScores { nsfwjs: <[f32; 5]>::try_from(want.as_slice()).unwrap(), ..s };
        let sexual_diff = (s.nsfwjs_sexual() - reference.nsfwjs_sexual()).abs();
        eprintln!("{name:32} max abs diff {diff:.2e} (sexual score {sexual_diff:.2e})  got {got:.4?}");
        if jpeg {
            assert!(sexual_diff <= JPEG_SEXUAL_TOLERANCE, "{name}: {got:?} vs tfjs {want:?}");
            assert!(diff <= JPEG_CLASS_TOLERANCE, "{name}: {got:?} vs tfjs {want:?}");
            worst_jpeg = worst_jpeg.max(sexual_diff);
            n_jpeg += 1;
        } else {
            assert!(diff <= EXACT_TOLERANCE, "{name}: {got:?} vs tfjs {want:?}");
            worst_exact = worst_exact.max(diff);
            n_exact += 1;
        }
    }
    eprintln!(
        "vs tfjs: {n_exact} same-pixel images: max abs diff {worst_exact:.2e}; {n_jpeg} JPEGs: sexual score max abs \
         diff {worst_jpeg:.2e}"
    );
    assert!(n_exact >= 6 + 17 && n_jpeg >= 11, "{n_exact} / {n_jpeg} images compared");
}

#[test]
fn benign_eval_pictures_are_safe_under_the_ensemble() {
    // Every committed eval picture is benign as a picture (the harmful ones carry harmful *text*, scored by OCR and
    // the text model, which is off here). Prints the calibration table recorded in models/MODELS.md.
    let g = golden();
    let mut worst = 0f32;
    eprintln!("{:32} {:>9} {:>7} {:>8}  nsfwjs top", "image", "open_nsfw", "nsfwjs", "combined");
    for item in g["images"].as_array().unwrap() {
        let bytes = match item.get("synthetic") {
            Some(spec) => png(synthetic(spec)),
            None => std::fs::read(root().join(item["file"].as_str().unwrap())).unwrap(),
        };
        let s = scores(&bytes);
        let top = CLASSES[argmax(&s.nsfwjs)];
        eprintln!(
            "{:32} {:9.4} {:7.4} {:8.4}  {top}",
            item["name"].as_str().unwrap(),
            s.open_nsfw,
            s.nsfwjs_sexual(),
            s.combined()
        );
        assert_eq!(sexual_severity(s.combined()), Severity::SAFE, "{}: {s:?}", item["name"]);
        worst = worst.max(s.combined());
    }
    eprintln!("highest combined score: {worst:.4} (Safe ends at {})", SEXUAL_THRESHOLDS[0]);
    assert!(worst < SEXUAL_THRESHOLDS[0] * 0.75, "highest combined score {worst} is close to the threshold");
}

#[test]
fn the_ensemble_removes_open_nsfw_false_positive_on_a_flat_skin_tone() {
    // open_nsfw alone rates a flat skin tone 0.49 (Low, with its own bounds); nsfwjs calls it a Drawing with no
    // sexual content, and the mean stays Safe.
    let s = scores(&png(RgbImage::from_pixel(300, 200, Rgb([160, 128, 128]))));
    eprintln!("flat skin tone: {s:?} nsfwjs sexual {:.4} combined {:.4}", s.nsfwjs_sexual(), s.combined());
    assert!(s.open_nsfw >= 0.4, "open_nsfw {} (this test documents its false positive)", s.open_nsfw);
    assert!(s.nsfwjs_sexual() < 0.1, "{s:?}");
    assert_eq!(sexual_severity(s.combined()), Severity::SAFE, "{s:?}");
}

#[test]
fn analyze_reports_the_combined_score() {
    let bytes = std::fs::read(root().join("eval/images/photo-astronaut.jpg")).unwrap();
    let s = scores(&bytes);
    let a = model().analyze(&bytes).unwrap();
    let i = custos_wire::Category::Sexual.index();
    assert_eq!(a.scores[i], Some(s.combined()));
    assert_eq!(a.severities[i], Some(sexual_severity(s.combined())));
    assert!(s.nsfwjs[NEUTRAL] > 0.9, "{s:?}");
    let sum: f32 = s.nsfwjs.iter().sum();
    assert!((sum - 1.0).abs() < 1e-4, "softmax sums to {sum}");
}

#[test]
fn a_model_dir_without_nsfwjs_is_a_model_file_error() {
    let dir = model_dir();
    let _ = model(); // the runtime is already loaded
    let partial = std::env::temp_dir().join(format!("custos-no-nsfwjs-{}", std::process::id()));
    std::fs::create_dir_all(partial.join("vendor")).unwrap();
    for file in ["libonnxruntime.so.1.32.0", "open-nsfw.onnx"] {
        let link = partial.join("vendor").join(file);
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(dir.join("vendor").join(file).canonicalize().unwrap(), &link).unwrap();
    }
    let err = ImageModel::load_with(&partial, ImageOptions { sessions: 1, ocr: None, ..ImageOptions::new(1) })
        .expect_err("no nsfwjs model");
    let _ = std::fs::remove_dir_all(&partial);
    match err {
        EngineError::ModelFile { reason, .. } => assert!(reason.contains("build-nsfwjs.sh"), "{reason}"),
        other => panic!("expected ModelFile, got {other:?}"),
    }
}
