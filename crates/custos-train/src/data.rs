//! Loading the training corpora into one labelled shape.
//!
//! Every example carries one label per category (`Category::index()` order): a severity 0..=7, or [`UNKNOWN`] when the
//! source says nothing about that category (a hate-speech corpus labels hate, not sexual content). Unknown labels are
//! masked out of the loss and the metrics.
//!
//! Only permissively licensed sets are loaded for training (see [`TRAIN_SOURCES`]); public benchmark test splits are
//! loaded separately by [`load_public_tests`] and never reach training or calibration.

use crate::csv;
use anyhow::{bail, Context, Result};
use custos_engine::text::features::normalize;
use std::path::Path;

/// Label value for "this source does not say".
pub const UNKNOWN: i8 = -1;

/// What a policy record stands for (drives the benign look-alike metrics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Harmful in at least one category (severity ≥ 2).
    Harmful,
    /// A benign look-alike: medical, news, fiction, education, counter-speech, figurative, technical, recovery.
    Benign,
    /// Plainly neutral text.
    Neutral,
    /// Everyday benign text (greetings, small talk, plans, shopping, tech support, 1–3 word messages): no category.
    Everyday,
    /// A record from a public corpus.
    Public,
}

/// One labelled text.
#[derive(Debug, Clone)]
pub struct Example {
    /// The raw text (never printed).
    pub text: String,
    /// Language tag.
    pub lang: String,
    /// Severity per category or [`UNKNOWN`].
    pub labels: [i8; 4],
    /// Data set id (see [`TRAIN_SOURCES`]).
    pub source: &'static str,
    /// Policy kind.
    pub kind: Kind,
    /// Split key: the template id for policy data, the normalized text otherwise.
    pub split_key: String,
    /// Loss weight.
    pub weight: f32,
}

/// Training sources: id, folder/file, licence. Written into the model card.
pub const TRAIN_SOURCES: &[(&str, &str, &str)] = &[
    ("custos-policy", "data/policy/policy.jsonl (authored, this repository)", "Apache-2.0"),
    ("davidson", "hate-speech-and-offensive-language/labeled_data.csv", "MIT"),
    ("toxigen", "TOXIGEN/demonstrations__*.txt + toxigen_prompt_seeds_unique.csv", "MIT"),
    ("mlma", "MLMA_hate_speech/mlma_{en,fr,ar}_dataset.csv", "MIT"),
    ("germeval2018", "GermEval-2018-Data/germeval2018.training.txt (training split only)", "CC-BY-4.0"),
    ("surge-toxicity", "toxicity/toxicity_en.csv", "MIT"),
    ("surge-profanity", "profanity/profanity_en.csv (terms)", "MIT"),
    ("profanity-list", "profanity-list/en.json (terms)", "MIT"),
    ("ldnoobw", "List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words/*.txt (terms)", "CC-BY-4.0"),
    ("jigsaw-examples", "MAX-Toxic-Comment-Classifier/jigsaw_toxic_test_examples.csv", "CC0"),
];

/// Sets present in the shared data but deliberately not trained on, with the reason. Written into the model card.
pub const EXCLUDED_SOURCES: &[(&str, &str)] = &[
    ("Ethos-Hate-Speech-Dataset", "GPL-3.0"),
    ("harmful-content-detection", "GPL-3.0"),
    ("hate-speech-dataset", "CC-BY-SA-3.0 (share-alike)"),
    ("korean-hate-speech", "CC-BY-SA-4.0 (share-alike)"),
    ("tweeteval", "licence unclear (Twitter ToS); its test splits are only reported"),
    ("politeness-determinator (Ruddit)", "no licence for the comment text"),
    ("GermEval-2018 test", "public test split: reported only"),
    ("prompt-injection sets (BIPIA, GPTFuzz, SHIELD, ...)", "different task (Prompt Shields)"),
];

fn labels(hate: i8, self_harm: i8, sexual: i8, violence: i8) -> [i8; 4] {
    [hate, self_harm, sexual, violence]
}
const SAFE: [i8; 4] = [0, 0, 0, 0];
const U: i8 = UNKNOWN;

fn public(text: String, lang: &str, labels: [i8; 4], source: &'static str, weight: f32) -> Example {
    let split_key = normalize(&text);
    Example { text, lang: lang.to_owned(), labels, source, kind: Kind::Public, split_key, weight }
}

/// Removes tweet artefacts (mentions, URLs, `RT`, HTML entities) that carry no meaning and would become spurious
/// cues of the source.
pub fn clean_tweet(text: &str) -> String {
    let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#8220;", "\"");
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if word.starts_with('@') || word.starts_with("http") || word == "RT" || word == "|LBR|" || word.starts_with("&#") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Loss weight of policy rows: they are written to Azure's definitions and are the only source for most
/// Sexual/Violence/SelfHarm levels and for benign look-alikes.
pub const POLICY_WEIGHT: f32 = 3.0;
/// Loss weight of MLMA rows: nearly every MLMA tweet is about an identity group and most are hostile, so at full
/// weight it teaches "mentions a group" → hate.
const MLMA_WEIGHT: f32 = 0.5;

/// Loads the policy JSONL.
pub fn load_policy(dir: &Path) -> Result<Vec<Example>> {
    let path = dir.join("policy.jsonl");
    let mut out = Vec::new();
    for (i, line) in read(&path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{} line {}", path.display(), i + 1))?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
        let (Some(text), Some(lang), Some(category), Some(kind), Some(template)) =
            (field("text"), field("lang"), field("category"), field("kind"), field("template"))
        else {
            bail!("{} line {}: missing field", path.display(), i + 1);
        };
        let severity = v.get("severity").and_then(|x| x.as_u64()).filter(|s| *s <= 7);
        let Some(severity) = severity else { bail!("{} line {}: bad severity", path.display(), i + 1) };
        let mut labels = SAFE;
        let mut set = |cat: &str, sev: u64| -> Result<()> {
            let c: custos_wire::Category =
                cat.parse().map_err(|_| anyhow::anyhow!("{} line {}: bad category", path.display(), i + 1))?;
            labels[c.index()] = labels[c.index()].max(sev as i8);
            Ok(())
        };
        // everyday records carry category "None": safe in every category
        if category != "None" {
            set(&category, severity)?;
        }
        if let Some(also) = v.get("also").and_then(|a| a.as_object()) {
            for (cat, sev) in also {
                set(cat, sev.as_u64().unwrap_or(0).min(7))?;
            }
        }
        let kind = match kind.as_str() {
            "harmful" => Kind::Harmful,
            "benign" => Kind::Benign,
            "neutral" => Kind::Neutral,
            "everyday" => Kind::Everyday,
            _ => bail!("{} line {}: bad kind", path.display(), i + 1),
        };
        out.push(Example { text, lang, labels, source: "custos-policy", kind, split_key: template, weight: POLICY_WEIGHT });
    }
    Ok(out)
}

fn davidson(data: &Path) -> Result<Vec<Example>> {
    let rows = csv::parse(&read(&data.join("hate-speech-and-offensive-language/labeled_data.csv"))?);
    let mut out = Vec::new();
    for row in rows.iter().skip(1).filter(|r| r.len() >= 7) {
        let labels = match row[5].as_str() {
            "0" => labels(4, U, U, U),
            "1" => labels(2, U, U, U),
            "2" => SAFE,
            _ => continue,
        };
        out.push(public(clean_tweet(&row[6]), "en", labels, "davidson", 1.0));
    }
    Ok(out)
}

fn toxigen(data: &Path) -> Result<Vec<Example>> {
    let dir = data.join("TOXIGEN");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("demonstrations__") && n.ends_with(".txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for name in files {
        let hate = name.contains("__hate_");
        for line in read(&dir.join(&name))?.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line = line.trim_start_matches("- ").to_owned();
            out.push(public(line, "en", if hate { labels(3, U, U, U) } else { SAFE }, "toxigen", 1.0));
        }
    }
    for row in csv::parse(&read(&dir.join("toxigen_prompt_seeds_unique.csv"))?).iter().skip(1) {
        if row.len() < 2 {
            continue;
        }
        let l = match row[1].as_str() {
            "hate" => labels(3, U, U, U),
            "neutral" => SAFE,
            _ => continue,
        };
        out.push(public(row[0].clone(), "en", l, "toxigen", 1.0));
    }
    Ok(out)
}

fn mlma(data: &Path) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for lang in ["ar", "en", "fr"] {
        let rows = csv::parse(&read(&data.join(format!("MLMA_hate_speech/mlma_{lang}_dataset.csv")))?);
        for row in rows.iter().skip(1).filter(|r| r.len() >= 3) {
            let s = row[2].as_str();
            let parts: Vec<&str> = s.split('_').collect();
            let hostile = parts.iter().any(|p| matches!(*p, "offensive" | "abusive" | "disrespectful"));
            let hate = if parts.contains(&"hateful") {
                if parts.contains(&"normal") { 3 } else { 4 }
            } else if hostile {
                if parts.contains(&"normal") { 2 } else { 3 }
            } else if parts == ["normal"] {
                0
            } else if parts.contains(&"fearful") {
                2
            } else {
                continue;
            };
            out.push(public(clean_tweet(&row[1]), lang, labels(hate, U, U, U), "mlma", MLMA_WEIGHT));
        }
    }
    Ok(out)
}

fn germeval_rows(path: &Path, source: &'static str) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for line in read(path)?.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let l = match (cols[1], cols[2]) {
            ("OTHER", _) => SAFE,
            ("OFFENSE", "ABUSE") => labels(4, U, U, U),
            ("OFFENSE", "INSULT") => labels(3, U, U, U),
            ("OFFENSE", _) => labels(2, U, U, U),
            _ => continue,
        };
        out.push(public(clean_tweet(cols[0]), "de", l, source, 1.0));
    }
    Ok(out)
}

fn surge_toxicity(data: &Path) -> Result<Vec<Example>> {
    let rows = csv::parse(&read(&data.join("toxicity/toxicity_en.csv"))?);
    let mut out = Vec::new();
    for row in rows.iter().skip(1).filter(|r| r.len() >= 2) {
        let l = match row[1].as_str() {
            "Toxic" => labels(3, U, U, U),
            "Not Toxic" => SAFE,
            _ => continue,
        };
        out.push(public(row[0].clone(), "en", l, "surge-toxicity", 1.0));
    }
    Ok(out)
}

/// Word-list sources become short training texts. They teach vocabulary, so they get a low weight.
const TERM_WEIGHT: f32 = 0.5;

fn surge_profanity(data: &Path) -> Result<Vec<Example>> {
    let rows = csv::parse(&read(&data.join("profanity/profanity_en.csv"))?);
    let mut out = Vec::new();
    for row in rows.iter().skip(1).filter(|r| r.len() >= 8) {
        let rating: f32 = row[7].parse().unwrap_or(1.0);
        let sev = if rating <= 1.5 { 2 } else if rating <= 2.2 { 3 } else { 4 };
        let l = match row[4].as_str() {
            "sexual anatomy / sexual acts" => labels(U, U, sev, U),
            "racial / ethnic slurs" | "sexual orientation / gender" | "religious offense" | "mental disability"
            | "physical disability" => labels(sev.max(3), U, U, U),
            "other / general insult" | "animal references" | "physical attributes" => labels(2, U, U, U),
            _ => continue,
        };
        out.push(public(row[0].clone(), "en", l, "surge-profanity", TERM_WEIGHT));
    }
    Ok(out)
}

fn profanity_list(data: &Path) -> Result<Vec<Example>> {
    let v: serde_json::Value = serde_json::from_str(&read(&data.join("profanity-list/en.json"))?)?;
    let mut out = Vec::new();
    for entry in v.as_array().map(Vec::as_slice).unwrap_or_default() {
        let sev = entry.get("severity").and_then(|s| s.as_i64()).unwrap_or(1).clamp(1, 4) as i8 + 1;
        let tags: Vec<&str> =
            entry.get("tags").and_then(|t| t.as_array()).map(|t| t.iter().filter_map(|x| x.as_str()).collect()).unwrap_or_default();
        let l = if tags.iter().any(|t| matches!(*t, "racial" | "lgbtq" | "religious")) {
            labels(sev.max(3), U, U, U)
        } else if tags.iter().any(|t| matches!(*t, "sexual" | "shock")) {
            labels(U, U, sev, U)
        } else if tags.contains(&"general") {
            labels(2, U, U, U)
        } else {
            continue;
        };
        let Some(alternatives) = entry.get("match").and_then(|m| m.as_str()) else { continue };
        for alt in alternatives.split('|').filter(|a| !a.contains('*') && !a.trim().is_empty()) {
            out.push(public(alt.to_owned(), "en", l, "profanity-list", TERM_WEIGHT));
        }
    }
    Ok(out)
}

fn ldnoobw(data: &Path) -> Result<Vec<Example>> {
    let dir = data.join("List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words");
    let mut out = Vec::new();
    for lang in ["ar", "cs", "da", "de", "en", "es", "fa", "fi", "fr", "hi", "hu", "it", "ja", "ko", "nl", "no", "pl", "pt", "ru", "sv", "th", "tr", "zh"] {
        for line in read(&dir.join(format!("{lang}.txt")))?.lines().map(str::trim).filter(|l| !l.is_empty()) {
            // vulgar vocabulary: "vulgarity" sits under Sexual in Azure's definitions; other categories unknown
            out.push(public(line.to_owned(), lang, labels(U, U, 2, U), "ldnoobw", TERM_WEIGHT));
        }
    }
    Ok(out)
}

fn jigsaw(data: &Path) -> Result<Vec<Example>> {
    let rows = csv::parse(&read(&data.join("MAX-Toxic-Comment-Classifier/jigsaw_toxic_test_examples.csv"))?);
    let mut out = Vec::new();
    for row in rows.iter().skip(1).filter(|r| r.len() >= 7) {
        let f: Vec<bool> = row[1..7].iter().map(|x| x == "1").collect();
        let (toxic, severe, _obscene, threat, insult, identity) = (f[0], f[1], f[2], f[3], f[4], f[5]);
        let l = if f.iter().all(|x| !x) {
            SAFE
        } else {
            let hate = if identity || severe { 4 } else if insult { 3 } else if toxic { 2 } else { 0 };
            labels(hate, U, U, if threat { 4 } else { U })
        };
        out.push(public(row[0].clone(), "en", l, "jigsaw-examples", 1.0));
    }
    Ok(out)
}

/// Loads every training source in a fixed order. Counts per source are returned for the model card.
pub fn load_training(data: &Path, policy: &Path) -> Result<Vec<Example>> {
    let mut all = load_policy(policy)?;
    all.extend(davidson(data)?);
    all.extend(toxigen(data)?);
    all.extend(mlma(data)?);
    all.extend(germeval_rows(&data.join("GermEval-2018-Data/germeval2018.training.txt"), "germeval2018")?);
    all.extend(surge_toxicity(data)?);
    all.extend(surge_profanity(data)?);
    all.extend(profanity_list(data)?);
    all.extend(ldnoobw(data)?);
    all.extend(jigsaw(data)?);
    all.retain(|e| !e.split_key.is_empty());
    Ok(all)
}

/// A public benchmark test split: binary gold labels, reported only.
#[derive(Debug)]
pub struct PublicTest {
    /// Name in the report.
    pub name: &'static str,
    /// What a positive means.
    pub positive: &'static str,
    /// Texts and gold labels.
    pub items: Vec<(String, bool)>,
}

/// Loads the public test splits that exist under `data` (missing ones are skipped).
pub fn load_public_tests(data: &Path) -> Result<Vec<PublicTest>> {
    let mut out = Vec::new();
    let tweeteval = |task: &str| -> Result<Vec<(String, bool)>> {
        let texts = read(&data.join(format!("tweeteval/{task}_test_text.txt")))?;
        let labels = read(&data.join(format!("tweeteval/{task}_test_labels.txt")))?;
        let items: Vec<_> = texts.lines().zip(labels.lines()).map(|(t, l)| (clean_tweet(t), l.trim() == "1")).collect();
        Ok(items)
    };
    if data.join("tweeteval/hate_test_text.txt").exists() {
        out.push(PublicTest { name: "tweeteval hate (test)", positive: "hate (SemEval-2019 HatEval)", items: tweeteval("hate")? });
    }
    if data.join("tweeteval/offensive_test_text.txt").exists() {
        out.push(PublicTest { name: "tweeteval offensive (test)", positive: "offensive (OffensEval/OLID)", items: tweeteval("offensive")? });
    }
    let germeval = data.join("GermEval-2018-Data/germeval2018.test.txt");
    if germeval.exists() {
        let items = germeval_rows(&germeval, "germeval2018-test")?
            .into_iter()
            .map(|e| (e.text, e.labels[0] > 0))
            .collect();
        out.push(PublicTest { name: "GermEval-2018 (test)", positive: "OFFENSE (coarse task)", items });
    }
    Ok(out)
}

/// Weight of public rows labelled safe for SelfHarm, Sexual and Violence. Those heads get all their positives
/// from the (non-tweet) policy set; at full weight the thousands of safe tweets teach "tweet style = safe, anything
/// else = harmful".
pub const PUBLIC_SAFE_WEIGHT: f32 = 0.25;

/// Loss weight per head of an example.
pub fn head_weights(e: &Example) -> [f32; 4] {
    let mut w = [e.weight; 4];
    if e.kind == Kind::Public {
        for (w, label) in w.iter_mut().zip(e.labels).skip(1) {
            if label == 0 {
                *w *= PUBLIC_SAFE_WEIGHT;
            }
        }
    }
    w
}

/// FNV-1a 64 of a string, finalized: a stable hash for splitting (no dependence on std's random `Hasher`).
pub fn stable_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// Whether an example belongs to the calibration split (15 %, by hash of its split key: band 15–29): the n-gram
/// model's thresholds, the ensemble's combiner and its thresholds are fitted on it. Everyday templates use the same
/// band; their band 0–14 is the held-out everyday report ([`is_everyday_holdout`]).
pub fn is_validation(e: &Example) -> bool {
    (15..30).contains(&(stable_hash(&e.split_key) % 100))
}

/// Whether an example belongs to the held-apart test split (15 %, band 0–14, not everyday): never trained on, never
/// used for a threshold or the combiner; every figure of the report's validation sections comes from it.
pub fn is_test(e: &Example) -> bool {
    e.kind != Kind::Everyday && stable_hash(&e.split_key) % 100 < 15
}

/// Everyday templates held out from training AND calibration: they only feed the everyday false-positive section of
/// the report (15 % of everyday templates, by hash of the template id).
pub fn is_everyday_holdout(e: &Example) -> bool {
    e.kind == Kind::Everyday && stable_hash(&e.split_key) % 100 < 15
}

/// Drops exact duplicates (same normalized text), keeping the first occurrence in load order.
pub fn dedupe(examples: Vec<Example>) -> Vec<Example> {
    let mut seen = std::collections::HashSet::new();
    examples.into_iter().filter(|e| seen.insert(stable_hash(&normalize(&e.text)))).collect()
}
