//! The sentence encoder: the WordPiece tokenizer against the reference tokenizer's ids, and the int8 MiniLM graph
//! (needs `scripts/build-encoder.sh` to have run, as `make test` does).

use custos_engine::text::encoder::{Encoder, DIM, WINDOW};
use custos_engine::text::wordpiece::{WordPiece, CLS, SEP};
use std::path::PathBuf;

fn model_dir() -> PathBuf {
    std::env::var_os("CUSTOS_MODEL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models"))
}

fn encoder() -> Encoder {
    Encoder::load(&model_dir(), 1, 1).expect("encoder (run scripts/build-encoder.sh)")
}

#[test]
fn wordpiece_matches_reference() {
    let vocab = std::fs::read_to_string(model_dir().join("vendor/minilm-vocab.txt")).expect("vocab");
    let wp = WordPiece::from_vocab(&vocab).unwrap();
    let fixture = include_str!("fixtures/wordpiece_golden.jsonl");
    let mut n = 0;
    for line in fixture.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let want: Vec<u32> = v["ids"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as u32).collect();
        let mut got = vec![CLS];
        wp.tokenize_into(text, &mut got, usize::MAX);
        got.push(SEP);
        assert_eq!(got, want, "text {text:?}");
        n += 1;
    }
    assert!(n >= 20);
}

fn cos(a: &[f32; DIM], b: &[f32; DIM]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn embeddings_are_normalized_and_semantic() {
    let enc = encoder();
    let e = |t: &str| enc.encode(t).unwrap().windows[0];
    let threat = e("I will kill you");
    let norm: f32 = threat.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-3, "norm {norm}");
    let paraphrase = e("I'm going to murder you");
    let weather = e("The weather is lovely today");
    assert!(cos(&threat, &paraphrase) > 0.5, "{}", cos(&threat, &paraphrase));
    assert!(cos(&threat, &weather) < 0.3, "{}", cos(&threat, &weather));
    // Same text, same embedding (no state between calls).
    assert_eq!(e("I will kill you"), threat);
}

#[test]
fn long_texts_are_cut_into_windows_and_odd_input_is_fine() {
    let enc = encoder();
    let long = "the quick brown fox jumps over the lazy dog ".repeat(120); // ~1,080 word pieces
    let out = enc.encode(&long).unwrap();
    assert_eq!(out.windows.len(), (9 * 120usize).div_ceil(WINDOW));
    assert_eq!(out.unknown_share, 0.0);
    assert!(enc.encode("").unwrap().windows.is_empty());
    assert!(enc.encode("   \u{200b}\u{0}").unwrap().windows.is_empty());
    let cjk = enc.encode("我要杀了你").unwrap();
    assert_eq!(cjk.windows.len(), 1);
    assert!(cjk.unknown_share > 0.5, "{}", cjk.unknown_share);
    let repeated: String = std::iter::repeat('a').take(10_000).collect();
    let r = enc.encode(&repeated).unwrap();
    assert_eq!((r.windows.len(), r.unknown_share), (1, 1.0)); // one 10,000-letter word is [UNK]
}
