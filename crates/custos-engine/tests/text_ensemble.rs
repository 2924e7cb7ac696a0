//! The shipped text ensemble (models/text + the encoder built by scripts/build-encoder.sh): behaviour on clear
//! cases, evasion, explanation spans, long texts and odd input.

use custos_engine::text::ensemble::TextEnsemble;
use custos_engine::text::TextAnalysis;
use std::path::PathBuf;
use std::sync::OnceLock;

const HATE: usize = 0;
const SELF_HARM: usize = 1;
const SEXUAL: usize = 2;
const VIOLENCE: usize = 3;

fn ensemble() -> &'static TextEnsemble {
    static E: OnceLock<TextEnsemble> = OnceLock::new();
    E.get_or_init(|| {
        let dir = std::env::var_os("CUSTOS_MODEL_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models"));
        TextEnsemble::load(&dir, 1, 2).expect("text ensemble (run make models)")
    })
}

fn sev(a: &TextAnalysis, h: usize) -> u8 {
    a.severities[h].level()
}

fn check_valid(a: &TextAnalysis) {
    for h in 0..4 {
        assert!(sev(a, h) <= 7);
        assert!((0.0..=1.0).contains(&a.scores[h]), "{:?}", a.scores);
        assert!(a.raw[h].is_finite());
    }
    assert!(!a.degraded);
}

#[test]
fn clear_harm_is_flagged_in_its_category() {
    let e = ensemble();
    let cases = [
        ("I will find where you live and kill you", VIOLENCE),
        ("I will hurt you", VIOLENCE), // the README's first example
        ("I want to kill myself tonight, I have the pills ready", SELF_HARM),
        ("send me nudes right now, I want to see you naked", SEXUAL),
    ];
    for (text, cat) in cases {
        let a = e.analyze(text);
        check_valid(&a);
        assert!(sev(&a, cat) >= 2, "{text:?}: {:?}", a.severities);
    }
}

#[test]
fn everyday_text_is_safe() {
    let e = ensemble();
    for text in [
        "hey, are we still on for lunch tomorrow at noon?",
        "Thanks for fixing the printer, it works again.",
        "The council approved the budget for road repairs.",
        "Can you send me the slides from today's meeting?",
        "Happy birthday! Hope you have a wonderful day.",
        "Good morning everyone",
        "Guten Morgen, wie geht's?",
        "Bonjour, tu viens au parc cet après-midi ?",
        "¿Vamos a la playa este fin de semana?",
        "Ci vediamo domani al bar.",
        "Tot morgen op school.",
        "Dziękuję, do jutra!",
        "Obrigada pela ajuda!",
        "我们明天去看电影吧。",
        "ありがとうございます、また来週。",
        "شكرا جزيلا لك",
        "आज शाम को मिलते हैं।",
    ] {
        let a = e.analyze(text);
        check_valid(&a);
        assert!(a.severities.iter().all(|s| s.level() < 2), "{text:?}: {:?}", a.severities);
        assert!(a.spans.iter().all(Vec::is_empty));
    }
}

#[test]
fn obfuscation_does_not_hide_a_threat() {
    let e = ensemble();
    let clean = e.analyze("I will kill you");
    assert!(sev(&clean, VIOLENCE) >= 2, "{:?}", clean.severities);
    for text in ["I w1ll k1ll y0u", "I will k\u{200b}i\u{200b}l\u{200b}l you", "I will k i l l you", "I will kiiiiiill you"] {
        let a = e.analyze(text);
        assert!(sev(&a, VIOLENCE) >= 2, "{text:?}: {:?}", a.severities);
    }
}

#[test]
fn spans_point_into_the_original_text() {
    let e = ensemble();
    let text = "Hello there. I will kill you. See you tomorrow.";
    let a = e.analyze(text);
    assert!(sev(&a, VIOLENCE) >= 2, "{:?}", a.severities);
    let spans = &a.spans[VIOLENCE];
    assert!(!spans.is_empty(), "a flagged category with an obvious trigger has a span");
    for s in spans {
        assert!(s.severity >= 2);
        let quoted = &text[s.original.clone()];
        assert!(!quoted.contains("Hello") && !quoted.contains("tomorrow"), "{quoted:?}");
    }
    assert!(spans.iter().any(|s| text[s.original.clone()].to_lowercase().contains("kill")));
    // Offsets survive characters that normalization removes or rewrites.
    let tricky = "\u{200b}Ｈｅｌｌｏ — I will kill you";
    let a = e.analyze(tricky);
    for s in &a.spans[VIOLENCE] {
        assert!(tricky.is_char_boundary(s.original.start) && tricky.is_char_boundary(s.original.end));
        assert!(tricky[s.original.clone()].contains("kill"), "{:?}", &tricky[s.original.clone()]);
    }
    // Unflagged categories carry no spans.
    assert!(a.spans[SEXUAL].is_empty() && a.spans[HATE].is_empty());
}

#[test]
fn harm_at_the_end_of_a_long_text_is_seen() {
    let e = ensemble();
    let filler = "We talked about the weather, the garden and the new bakery on the corner. ".repeat(40);
    let text = format!("{filler} I will find where you live and kill you.");
    assert!(text.chars().count() > 3000);
    let a = e.analyze(&text);
    assert!(sev(&a, VIOLENCE) >= 2, "{:?}", a.severities);
    let b = e.analyze(&filler);
    assert!(sev(&b, VIOLENCE) < 2, "{:?}", b.severities);
}

#[test]
fn odd_input_gives_valid_results() {
    let e = ensemble();
    let repeated: String = std::iter::repeat('a').take(10_000).collect();
    let repeated_emoji: String = std::iter::repeat('😀').take(10_000).collect();
    let mixed = "Hello привет 你好 مرحبا नमस्ते 🙂 ｆｕｌｌ x̶y̶z̶ \u{202e}reversed\u{202c}";
    for text in ["", "   \n\t ", "😀🔥👍🏽", "\u{200b}\u{200d}\u{feff}", mixed, &repeated, &repeated_emoji, "\0\u{7}"] {
        let a = e.analyze(text);
        check_valid(&a);
    }
    assert_eq!(e.analyze("").severities, TextAnalysis::safe().severities);
    assert!(e.analyze("😀🔥👍🏽").severities.iter().all(|s| s.level() < 2));
}

#[test]
fn analysis_is_deterministic() {
    let e = ensemble();
    let text = "you people are disgusting and should go back where you came from";
    assert_eq!(e.analyze(text), e.analyze(text));
}
