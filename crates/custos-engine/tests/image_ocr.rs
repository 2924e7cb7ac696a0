//! OCR end to end on the committed evaluation images (`eval/images/`, made by `eval/images/generate.py`): real ONNX
//! Runtime, real PP-OCRv4 models. Needs the vendor files from `scripts/fetch-models.sh`; without them these tests
//! fail (they never skip).

use custos_engine::image::{decode, ImageLimits, ImageModel, ImageOptions, OcrLimits, RecognizedText};
use image::{imageops, DynamicImage, ImageFormat, Rgb, RgbImage};
use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;

fn model_dir() -> PathBuf {
    let dir = std::env::var_os("CUSTOS_MODEL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models")));
    for file in ["libonnxruntime.so.1.32.0", "ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx"] {
        let path = dir.join("vendor").join(file);
        assert!(path.is_file(), "{} is missing: run scripts/fetch-models.sh", path.display());
    }
    dir
}

fn model() -> &'static ImageModel {
    static MODEL: OnceLock<ImageModel> = OnceLock::new();
    MODEL.get_or_init(|| ImageModel::load(&model_dir(), 1).unwrap_or_else(|e| panic!("loading the image model: {e}")))
}

fn eval_bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/images")).join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(model: &ImageModel, bytes: &[u8]) -> RecognizedText {
    let img = decode(bytes, &ImageLimits::default()).unwrap();
    model.recognize_text(&img).unwrap()
}

fn png(img: &RgbImage) -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img.clone()).write_to(&mut buf, ImageFormat::Png).unwrap();
    buf.into_inner()
}

fn assert_contains_words(file: &str, text: &str, words: &[&str]) {
    let lower = text.to_lowercase();
    for w in words {
        assert!(lower.contains(&w.to_lowercase()), "{file}: {w:?} not in the recognised text {text:?}");
    }
}

#[test]
fn rendered_text_is_read_in_several_languages() {
    for (file, words) in [
        ("text-en-notice.png", &["Library hours", "Monday to Friday", "return books"][..]),
        ("text-en-chat-small.png", &["lunch", "usual place", "see you there"]),
        ("text-de-notice.png", &["Heute geschlossen", "morgen"]),
        ("text-fr-menu.png", &["Menu du jour", "Tarte aux pommes"]),
        ("text-zh-weather.png", &["今天天气很好", "公园"]),
        ("meme-violence-en.jpg", &["I will kill you", "your family"]),
        ("text-en-dark-blur.jpg", &["Battery", "charger"]),
    ] {
        let text = read(model(), &eval_bytes(file));
        assert!(text.ran && text.boxes > 0, "{file}: {text:?}");
        assert_contains_words(file, &text.text, words);
        assert!(text.lines.iter().all(|l| l.confidence >= 0.5 && l.bbox[2] > l.bbox[0] && l.bbox[3] > l.bbox[1]));
    }
}

#[test]
fn lines_come_in_reading_order() {
    let text = read(model(), &eval_bytes("text-en-notice.png"));
    let lower = text.text.to_lowercase();
    let (a, b, c) = (lower.find("library").unwrap(), lower.find("monday").unwrap(), lower.find("please").unwrap());
    assert!(a < b && b < c, "{:?}", text.text);
    assert_eq!(text.text.lines().count(), 3, "{:?}", text.text);
}

#[test]
fn images_without_text_yield_no_text_and_skip_recognition() {
    for file in ["shapes-0.png", "shapes-1.png", "pattern-stripes.png", "pattern-checker.png", "photo-coffee.jpg", "photo-chelsea.jpg"] {
        let text = read(model(), &eval_bytes(file));
        assert!(text.ran, "{file}");
        assert!(text.is_empty(), "{file}: found {text:?}");
        assert!(text.lines.is_empty(), "{file}");
    }
    let blank = png(&RgbImage::from_pixel(300, 200, Rgb([255, 255, 255])));
    let text = read(model(), &blank);
    assert_eq!((text.boxes, text.lines.len(), text.text.as_str()), (0, 0, ""));
}

#[test]
fn text_in_a_large_image_is_found_after_downscaling() {
    // The notice scaled ×4 onto a 4000 × 3000 canvas: the detector sees it at 960 × 704.
    let notice = image::load_from_memory(&eval_bytes("text-en-notice.png")).unwrap().into_rgb8();
    let big = imageops::resize(&notice, notice.width() * 4, notice.height() * 4, imageops::FilterType::Triangle);
    let mut canvas = RgbImage::from_pixel(4000, 3000, Rgb([250, 250, 250]));
    imageops::replace(&mut canvas, &big, 900, 1100);
    let text = read(model(), &png(&canvas));
    assert_contains_words("large canvas", &text.text, &["Library hours", "return books"]);
    // Boxes are in the coordinates of the original image.
    let first = &text.lines[0];
    assert!(first.bbox[0] >= 850 && first.bbox[1] >= 1050, "{:?}", first.bbox);
}

#[test]
fn limits_bound_the_text_and_the_boxes() {
    let small = ImageModel::load_with(
        &model_dir(),
        ImageOptions {
            ocr: Some(OcrLimits { max_chars: 12, max_boxes: 2, ..OcrLimits::default() }),
            ..ImageOptions::new(1)
        },
    )
    .unwrap();
    let text = read(&small, &eval_bytes("text-en-chat-small.png"));
    assert!(text.truncated, "{text:?}");
    assert_eq!(text.text.chars().count(), 12, "{text:?}");
    assert!(text.lines.len() <= 2, "{text:?}");

    let off = ImageModel::load_with(&model_dir(), ImageOptions { ocr: None, ..ImageOptions::new(1) }).unwrap();
    assert!(!off.has_ocr());
    let a = off.analyze(&eval_bytes("meme-violence-en.jpg")).unwrap();
    assert!(!a.text.ran && a.text.is_empty());
}

#[test]
fn analysis_carries_the_text_but_its_debug_form_never_shows_it() {
    let a = model().analyze(&eval_bytes("text-violence-en.png")).unwrap();
    assert_contains_words("text-violence-en.png", &a.text.text, &["shoot you"]);
    let debug = format!("{a:?}").to_lowercase();
    assert!(!debug.contains("shoot"), "{debug}");
    assert!(debug.contains("chars"), "{debug}");
}

#[test]
fn ocr_is_deterministic_under_concurrency() {
    let bytes = eval_bytes("meme-benign-en.jpg");
    let first = read(model(), &bytes);
    let results: Vec<RecognizedText> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| read(model(), &bytes))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for r in results {
        assert_eq!(r, first);
    }
}
