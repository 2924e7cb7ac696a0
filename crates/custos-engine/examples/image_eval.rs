//! Image evaluation: OCR accuracy and per-category results on the committed set in `eval/images/`.
//!
//!     cargo run --release -p custos-engine --example image_eval -- [MODEL_DIR] [--out eval/IMAGES.md]
//!
//! Reads `eval/images/manifest.json` (written by `eval/images/generate.py`), runs every image through the image
//! model (decode, open_nsfw, OCR) and the recognised text through the text ensemble, combines them exactly as the
//! server does ([`ImageAnalysis::combine`]), and writes a Markdown report: per image the character accuracy of the
//! OCR (1 − CER, also ignoring spaces and case), the four severities against the expected ranges, and a summary
//! per language and per category. Timings are reported, never asserted. Exits with status 1 when an image falls
//! outside its expected range, so `make eval` notices regressions.

use custos_engine::image::{ImageAnalysis, ImageModel};
use custos_engine::text::ensemble::TextEnsemble;
use custos_wire::{Category, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

const CATEGORIES: [Category; 4] = [Category::Hate, Category::SelfHarm, Category::Sexual, Category::Violence];

/// Levenshtein distance over chars.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// 1 − CER of `got` against `want` (clipped at 0); line breaks count as spaces, runs of spaces as one.
fn char_accuracy(want: &str, got: &str, strict: bool) -> f64 {
    let norm = |s: &str| -> Vec<char> {
        if strict {
            s.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect()
        } else {
            s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
        }
    };
    let (w, g) = (norm(want), norm(got));
    if w.is_empty() {
        return if g.is_empty() { 1.0 } else { 0.0 };
    }
    (1.0 - edit_distance(&w, &g) as f64 / w.len() as f64).max(0.0)
}

struct Row {
    file: String,
    group: String,
    language: Option<String>,
    expected_text: String,
    acc: f64,
    acc_loose: f64,
    lines: usize,
    ms: f64,
    severities: [Option<Severity>; 4],
    expected: [(u8, u8); 4],
    ok: [bool; 4],
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let mut model_dir = root.join("models");
    let mut out = root.join("eval/IMAGES.md");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = PathBuf::from(it.next().expect("--out FILE")),
            other => model_dir = PathBuf::from(other),
        }
    }
    let set = root.join("eval/images");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(set.join("manifest.json")).expect("eval/images/manifest.json"))
            .expect("manifest is JSON");
    let image = ImageModel::load(&model_dir, 1).expect("image model (run scripts/fetch-models.sh)");
    let text = TextEnsemble::load(&model_dir, 1, 1).expect("text ensemble (run make models)");

    let mut rows = Vec::new();
    for entry in manifest["images"].as_array().expect("images") {
        let file = entry["file"].as_str().unwrap().to_owned();
        let bytes = std::fs::read(set.join(&file)).expect("image file");
        let expected_text = entry["text"].as_str().unwrap_or("").to_owned();
        let expected: [(u8, u8); 4] = std::array::from_fn(|i| {
            let r = &entry["expected"][CATEGORIES[i].as_str()];
            (r[0].as_u64().unwrap() as u8, r[1].as_u64().unwrap() as u8)
        });
        image.analyze(&bytes).expect("warm-up");
        let started = Instant::now();
        let analysis: ImageAnalysis = image.analyze(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        let text_sev = (!analysis.text.is_empty()).then(|| text.analyze(&analysis.text.text).severities);
        let severities = analysis.combine(text_sev.as_ref());
        let ms = started.elapsed().as_secs_f64() * 1e3;
        let ok = std::array::from_fn(|i| {
            let level = severities[i].map_or(0, Severity::level);
            (expected[i].0..=expected[i].1).contains(&level)
        });
        rows.push(Row {
            file,
            group: entry["group"].as_str().unwrap_or("").to_owned(),
            language: entry["language"].as_str().map(str::to_owned),
            acc: char_accuracy(&expected_text, &analysis.text.text, true),
            acc_loose: char_accuracy(&expected_text, &analysis.text.text, false),
            expected_text,
            lines: analysis.text.lines.len(),
            ms,
            severities,
            expected,
            ok,
        });
    }

    let mut md = String::new();
    let _ = writeln!(md, "# Image evaluation\n");
    let _ = writeln!(
        md,
        "Written by `cargo run --release -p custos-engine --example image_eval` from the committed set in \
         `eval/images/` ({} images, made by `eval/images/generate.py`; sources and licences in its `manifest.json`). \
         Image model: {}. Text model: `models/text`. Severities are the combined result the server returns \
         (higher of image and text-in-image per category, four levels; `–` = not analysed).\n",
        rows.len(),
        image.describe()
    );
    let _ = writeln!(
        md,
        "OCR accuracy is 1 − CER (character error rate, Levenshtein) against the rendered text: **strict** compares \
         characters with line breaks as spaces; **loose** ignores whitespace and case (the recogniser drops some \
         spaces in tight text). Images without text score 1 when nothing is read and 0 otherwise.\n"
    );

    // Summary per language.
    let _ = writeln!(md, "## OCR accuracy per language\n\n| language | images | strict | loose |\n|---|---|---|---|");
    let mut by_lang: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_lang.entry(r.language.clone().unwrap_or_else(|| "(no text)".into())).or_default().push(r);
    }
    for (lang, rs) in &by_lang {
        let n = rs.len() as f64;
        let _ = writeln!(
            md,
            "| {lang} | {} | {:.3} | {:.3} |",
            rs.len(),
            rs.iter().map(|r| r.acc).sum::<f64>() / n,
            rs.iter().map(|r| r.acc_loose).sum::<f64>() / n
        );
    }

    // Summary per category.
    let _ = writeln!(
        md,
        "\n## Category results\n\nAn image passes a category when the combined severity is inside the expected range \
         from the manifest (harmful text: ≥ 2 in its category; everything else: 0).\n\n\
         | category | images expected ≥ 2 | found ≥ 2 | images expected 0 | kept at 0 |\n|---|---|---|---|---|"
    );
    for (i, c) in CATEGORIES.iter().enumerate() {
        let pos: Vec<&Row> = rows.iter().filter(|r| r.expected[i].0 >= 2).collect();
        let neg: Vec<&Row> = rows.iter().filter(|r| r.expected[i].1 == 0).collect();
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            c.as_str(),
            pos.len(),
            pos.iter().filter(|r| r.ok[i]).count(),
            neg.len(),
            neg.iter().filter(|r| r.ok[i]).count()
        );
    }
    let passed = rows.iter().filter(|r| r.ok.iter().all(|o| *o)).count();
    let _ = writeln!(md, "\nImages passing all four categories: **{passed} / {}**.", rows.len());

    // Per image.
    let _ = writeln!(
        md,
        "\n## Per image\n\n| file | group | lang | lines | strict | loose | Hate | SelfHarm | Sexual | Violence | \
         expected | ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|"
    );
    for r in &rows {
        let cell = |i: usize| {
            let s = r.severities[i].map_or("–".to_owned(), |s| s.level().to_string());
            if r.ok[i] {
                s
            } else {
                format!("**{s}** ✗")
            }
        };
        let expected: Vec<String> = CATEGORIES
            .iter()
            .zip(r.expected)
            .filter(|(_, (lo, _))| *lo > 0)
            .map(|(c, (lo, hi))| format!("{} {lo}–{hi}", c.as_str()))
            .collect();
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {:.3} | {:.3} | {} | {} | {} | {} | {} | {:.0} |",
            r.file,
            r.group,
            r.language.as_deref().unwrap_or("–"),
            r.lines,
            r.acc,
            r.acc_loose,
            cell(0),
            cell(1),
            cell(2),
            cell(3),
            if expected.is_empty() { "all 0".to_owned() } else { expected.join(", ") },
            r.ms
        );
    }
    let _ = writeln!(
        md,
        "\nTimes: one request (decode, open_nsfw, OCR, text model) on one intra-op thread, warm, on the machine that \
         wrote this file; a benchmark, not a target (see `bench/runs/`). Expected texts: `eval/images/manifest.json`."
    );
    let texts: usize = rows.iter().filter(|r| !r.expected_text.is_empty()).count();
    eprintln!("{passed}/{} images pass; {texts} with text", rows.len());
    std::fs::write(&out, md).expect("write the report");
    eprintln!("wrote {}", out.display());
    if passed != rows.len() {
        std::process::exit(1);
    }
}
