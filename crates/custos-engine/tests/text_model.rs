//! Tests against the committed text model (`models/text`): behaviour on clearly harmful and benign texts written for
//! this test (not in the training data), robustness on odd inputs, and rejection of corrupted files.

use custos_engine::text::{TextModel, LEXICON_FILE, MODEL_FILE};
use custos_engine::EngineError;
use custos_wire::{Category, Severity};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn model_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/text")
}

fn model() -> TextModel {
    TextModel::load(&model_dir()).expect("the committed model loads")
}

fn max_sev(m: &TextModel, text: &str) -> u8 {
    m.analyze(text).severities.iter().map(|s| s.level()).max().unwrap_or(0)
}

#[test]
fn clearly_harmful_texts_get_high_severity_in_the_right_category() {
    let m = model();
    let cases: &[(&str, Category)] = &[
        ("i want to kill myself tonight, i can't go on", Category::SelfHarm),
        ("Ich will sterben, niemand braucht mich.", Category::SelfHarm),
        ("je veux mourir, j'en ai marre de tout", Category::SelfHarm),
        ("quiero morirme ya, no aguanto más", Category::SelfHarm),
        ("I'm going to kill you and your whole family", Category::Violence),
        ("te voy a matar cuando salgas del trabajo", Category::Violence),
        ("send me nudes right now or else", Category::Sexual),
        ("those niggers should all go back where they came from", Category::Hate),
    ];
    for (text, cat) in cases {
        let a = m.analyze(text);
        let s = a.severities[cat.index()].level();
        assert!(s >= 4, "case {:?} in {cat}: severity {s}, analysis {:?}", &text[..12.min(text.len())], a);
        assert!(a.scores[cat.index()] >= 0.5, "score should agree with severity ≥ 4: {:?}", a.scores);
    }
}

#[test]
fn benign_look_alikes_stay_low() {
    let m = model();
    let cases = [
        "Use kill -9 to kill the process if it hangs, then restart the daemon.",
        "The patient was screened for cervical cancer and breast cancer last week.",
        "My phone battery is dying and this traffic is killing me.",
        "The city council approved a new budget for parks and libraries.",
        "We baked a chocolate cake for grandma's birthday party.",
        "Das Wetter ist heute schön, wir gehen in den Park.",
        "Le musée est ouvert tous les jours sauf le lundi.",
    ];
    for text in cases {
        let s = max_sev(&m, text);
        assert!(s < 2, "benign case starting {:?} got severity {s}: {:?}", &text[..12], m.analyze(text));
    }
}

/// Everyday messages (written for this test; the first five are the false positives reported against the first
/// model through the server). Users threshold at 2 or 4, so every one must stay below 2 in every category.
pub const EVERYDAY: &[&str] = &[
    "in the park",
    "Good morning everyone",
    "We are going for a walk in the park.",
    "Thank you for your help",
    "hi",
    "thanks",
    "See you tomorrow at the station.",
    "Can you pick up some bread on the way home?",
    "The meeting starts at ten, don't forget your laptop.",
    "It's going to be sunny all weekend.",
    "My flight to Lisbon was delayed by two hours.",
    "Our team won the football match yesterday.",
    "How do I kill a frozen process on Linux?",
    "I'm making pasta for dinner tonight.",
    "What time is it?",
    "Happy new year!",
    "Let's have coffee at the mall on Friday.",
    "Guten Morgen, wie geht's?",
    "Wir gehen heute Abend ins Kino.",
    "Bonjour, tu viens au parc cet après-midi ?",
    "Merci beaucoup, à demain !",
    "¿Vamos a la playa este fin de semana?",
    "Hola, ¿qué tal?",
    "Ci vediamo domani al bar.",
    "Obrigada pela ajuda!",
    "Tot morgen op school.",
    "Dziękuję, do jutra!",
    "我们明天去看电影吧。",
    "ありがとうございます、また来週。",
    "شكرا جزيلا لك",
    "आज शाम को मिलते हैं।",
];

/// The n-gram model alone (the ensemble's first member, which also answers in degraded mode and judges explanation
/// spans) may put at most one of these everyday texts at severity 2–3 and none at 4 or more. The shipped ensemble
/// must flag none of them (`text_ensemble.rs`).
#[test]
fn everyday_text_stays_low_in_every_category() {
    let m = model();
    let mut at2 = Vec::new();
    for text in EVERYDAY {
        let a = m.analyze(text);
        assert!(a.severities.iter().all(|s| s.level() < 4), "{text:?}: {:?}", a.severities);
        if a.severities.iter().any(|s| s.level() >= 2) {
            at2.push(format!("{text:?}: {:?} raw {:?}", a.severities, m.raw_scores(text)));
        }
    }
    assert!(at2.len() <= 1, "everyday text flagged by the n-gram model:\n{}", at2.join("\n"));
}

#[test]
fn reported_harmful_examples_reach_their_levels() {
    let m = model();
    let cases: &[(&str, Category, u8)] = &[
        ("I will kill you", Category::Violence, 4),
        ("I want to kill myself", Category::SelfHarm, 4),
        ("she sent me nudes", Category::Sexual, 2),
        ("those immigrants are vermin and should be exterminated", Category::Hate, 4),
    ];
    for (text, cat, min) in cases {
        let a = m.analyze(text);
        let s = a.severities[cat.index()].level();
        assert!(s >= *min, "{text:?} in {cat}: severity {s} < {min}, analysis {a:?}");
    }
}

#[test]
fn harmful_scores_rank_above_benign_per_category() {
    let m = model();
    let pairs: &[(Category, &str, &str)] = &[
        (Category::SelfHarm, "nobody would miss me if i ended my life", "the clinic offers free flu shots for seniors"),
        (Category::Violence, "i will stab you if you come near my house again", "we stabbed the potatoes with a fork to test them"),
        (Category::Sexual, "i want to fuck you so hard tonight", "the gynecologist explained contraception options"),
        (Category::Hate, "muslims are vermin and should be driven out", "muslims in our city opened a new food bank"),
    ];
    for (cat, bad, good) in pairs {
        let (b, g) = (m.raw_scores(bad)[cat.index()], m.raw_scores(good)[cat.index()]);
        assert!(b > g, "{cat}: harmful raw {b} should exceed benign raw {g}");
    }
}

#[test]
fn odd_inputs_are_fast_and_safe() {
    let m = model();
    let long_a = "a".repeat(10_000);
    let long_mixed = "Hello мир 世界 مرحبا नमस्ते 🙂 ".repeat(300);
    let inputs: Vec<&str> = vec![
        "",
        " ",
        "\n\t  \r\n",
        "🙂🙂🙂🔥💯",
        &long_a,
        &long_mixed,
        "\u{200B}\u{200D}\u{FE0F}",
        "e\u{301}\u{301}\u{301}\u{301}",
        "ＡＢＣ　ｆｕｌｌ　ｗｉｄｔｈ",
        "\u{0}\u{1}\u{7f}",
    ];
    for text in inputs {
        let t = Instant::now();
        let a = m.analyze(text);
        assert!(t.elapsed() < Duration::from_millis(500), "analyze took {:?}", t.elapsed());
        assert!(a.scores.iter().all(|s| s.is_finite() && (0.0..=1.0).contains(s)));
        assert!(a.severities.iter().all(|s| s.level() <= 7));
    }
    assert_eq!(m.analyze("").severities, [Severity::SAFE; 4]);
    assert_eq!(m.analyze("   ").scores, [0.0; 4]);
    assert!(max_sev(&m, "🙂🙂🙂") < 2, "{:?}", m.analyze("🙂🙂🙂"));
    assert!(max_sev(&m, &long_a) < 2, "{:?} {:?}", m.analyze(&long_a), m.raw_scores(&long_a));
}

#[test]
fn typical_text_is_analyzed_in_microseconds() {
    let m = model();
    let text = "Thanks for the update! I'll review the pull request tomorrow morning and get back to you with comments.";
    let n = 2_000;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(m.analyze(std::hint::black_box(text)));
    }
    let per = t.elapsed() / n;
    eprintln!("analyze: {per:?} per {}-character text", text.len());
    // generous bound for a loaded CI box; measured ~20 µs in release
    assert!(per < Duration::from_millis(1), "{per:?} per text");
}

#[test]
fn describe_mentions_buckets_and_lexicon() {
    let d = model().describe();
    assert!(d.contains("2^18"), "{d}");
    assert!(d.contains("lexicon"), "{d}");
}

fn copy_model_to(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    for f in [MODEL_FILE, LEXICON_FILE] {
        std::fs::copy(model_dir().join(f), dir.join(f)).unwrap();
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("custos-text-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn corrupted_or_missing_files_are_rejected() {
    let dir = temp_dir("corrupt");
    copy_model_to(&dir);
    assert!(TextModel::load(&dir).is_ok());

    // one flipped bit in the weights
    let path = dir.join(MODEL_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x01;
    std::fs::write(&path, &bytes).unwrap();
    let err = TextModel::load(&dir).unwrap_err();
    assert!(matches!(err, EngineError::ModelFile { .. }), "{err}");
    assert!(err.to_string().contains("checksum"), "{err}");

    // truncated
    bytes[mid] ^= 0x01;
    std::fs::write(&path, &bytes[..bytes.len() - 100]).unwrap();
    assert!(TextModel::load(&dir).unwrap_err().to_string().contains("size"));

    // not a model at all
    std::fs::write(&path, b"hello world, this is not a model file at all, but long enough to pass the length check. ".repeat(4)).unwrap();
    assert!(TextModel::load(&dir).unwrap_err().to_string().contains("magic"));

    // bad lexicon
    std::fs::write(&path, &bytes).unwrap();
    std::fs::write(dir.join(LEXICON_FILE), "Hate\tnine\ten\tword\tx\n").unwrap();
    assert!(matches!(TextModel::load(&dir), Err(EngineError::ModelFile { .. })));

    // missing files
    std::fs::remove_file(dir.join(LEXICON_FILE)).unwrap();
    assert!(TextModel::load(&dir).is_err());
    let _ = std::fs::remove_dir_all(&dir);
    assert!(TextModel::load(&dir).is_err());
}
