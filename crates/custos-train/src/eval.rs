//! Metrics and the markdown evaluation report. Counts and metrics only: no text is ever written.

use crate::data::{Example, Kind, PublicTest};
use custos_engine::text::TextAnalysis;
use custos_wire::Category;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Average precision (area under the precision-recall curve, step-wise) of `(score, positive)` pairs.
pub fn average_precision(items: &[(f32, bool)]) -> Option<f64> {
    let positives = items.iter().filter(|i| i.1).count();
    if positives == 0 || positives == items.len() {
        return None;
    }
    let mut sorted = items.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (mut tp, mut ap) = (0usize, 0.0f64);
    for (i, item) in sorted.iter().enumerate() {
        if item.1 {
            tp += 1;
            ap += tp as f64 / (i + 1) as f64;
        }
    }
    Some(ap / positives as f64)
}

/// Precision, recall, F1 from `(predicted, actual)` pairs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Prf {
    /// Adds one decision.
    pub fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

/// One row per category over the rows `idx`: AUPRC ≥2/≥4 and P/R/F1 at the shipped thresholds. Returns AUPRC ≥2,
/// AUPRC ≥4 and F1 ≥4 per category.
#[allow(clippy::type_complexity)]
fn category_table(
    out: &mut String,
    val: &[&Example],
    val_scores: &[Scored],
    idx: &[usize],
) -> ([Option<f64>; 4], [Option<f64>; 4], [f64; 4]) {
    let (mut r2, mut r4, mut f4) = ([None; 4], [None; 4], [0.0; 4]);
    let _ = writeln!(out, "| category | n | pos ≥2 | pos ≥4 | AUPRC ≥2 | AUPRC ≥4 | P ≥2 | R ≥2 | F1 ≥2 | P ≥4 | R ≥4 | F1 ≥4 |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|---|");
    for c in Category::ALL {
        let h = c.index();
        let known: Vec<usize> = idx.iter().copied().filter(|&i| val[i].labels[h] >= 0).collect();
        let pairs = |lvl: i8| known.iter().map(|&i| (val_scores[i].raw[h], val[i].labels[h] >= lvl)).collect::<Vec<_>>();
        let (ap2, ap4) = (average_precision(&pairs(2)), average_precision(&pairs(4)));
        let (mut p2, mut p4) = (Prf::default(), Prf::default());
        for &i in &known {
            p2.add(val_scores[i].sev[h] >= 2, val[i].labels[h] >= 2);
            p4.add(val_scores[i].sev[h] >= 4, val[i].labels[h] >= 4);
        }
        r2[h] = ap2;
        r4[h] = ap4;
        f4[h] = p4.f1();
        let pos2 = known.iter().filter(|&&i| val[i].labels[h] >= 2).count();
        let pos4 = known.iter().filter(|&&i| val[i].labels[h] >= 4).count();
        let _ = writeln!(
            out,
            "| {c} | {} | {pos2} | {pos4} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            known.len(),
            opt(ap2),
            opt(ap4),
            p2.precision(),
            p2.recall(),
            p2.f1(),
            p4.precision(),
            p4.recall(),
            p4.f1()
        );
    }
    let mean = |v: &[Option<f64>; 4]| {
        let xs: Vec<f64> = v.iter().flatten().copied().collect();
        if xs.is_empty() { None } else { Some(xs.iter().sum::<f64>() / xs.len() as f64) }
    };
    let _ = writeln!(out, "| **mean** | | | | **{}** | **{}** | | | | | | |", opt(mean(&r2)), opt(mean(&r4)));
    (r2, r4, f4)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn opt(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.3}"))
}

/// Model output for one example.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Raw ordinal scores.
    pub raw: [f32; 4],
    /// Shipped severities (model + lexicon).
    pub sev: [u8; 4],
    /// Shipped scores.
    pub score: [f32; 4],
}

/// Runs the shipped pipeline on each text, on [`threads`] threads.
pub fn score_all<S: AsRef<str> + Sync>(analyze: impl Fn(&str) -> TextAnalysis + Sync, texts: &[S]) -> Vec<Scored> {
    par_map(texts, |t| {
        let a = analyze(t.as_ref());
        Scored { raw: a.raw, sev: a.severities.map(|s| s.level()), score: a.scores }
    })
}

/// The report's view of analyses.
pub fn scored(analyses: &[TextAnalysis]) -> Vec<Scored> {
    analyses.iter().map(|a| Scored { raw: a.raw, sev: a.severities.map(|s| s.level()), score: a.scores }).collect()
}

/// Worker threads for scoring and encoding: `CUSTOS_TRAIN_THREADS`, else the available parallelism (at most 8).
pub fn threads() -> usize {
    std::env::var("CUSTOS_TRAIN_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
        .max(1)
}

/// `items.map(f)` on [`threads`] scoped threads, in order. Deterministic: each item's result depends on the item only.
pub fn par_map<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let n = threads();
    let chunk = items.len().div_ceil(n).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items.chunks(chunk).map(|c| scope.spawn(|| c.iter().map(&f).collect::<Vec<T>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("scoring thread panicked")).collect()
    })
}

/// Headline figures, also used for the model card.
#[derive(Debug, Clone, Default)]
pub struct Headline {
    /// AUPRC of `[severity ≥ 2]` per category on the own (policy) test templates.
    pub own_auprc2: [Option<f64>; 4],
    /// AUPRC of `[severity ≥ 4]` per category on the own (policy) test templates.
    pub own_auprc4: [Option<f64>; 4],
    /// AUPRC of `[severity ≥ 4]` per category on validation.
    pub auprc4: [Option<f64>; 4],
    /// F1 of `[severity ≥ 4]` at the shipped thresholds per category on validation.
    pub f1_4: [f64; 4],
    /// Benign look-alike false-positive rate (any category ≥ 2) on the validation split, and count.
    pub benign_fp_val: (f64, usize),
    /// The same over all benign look-alikes (most were trained on).
    pub benign_fp_all: (f64, usize),
    /// Everyday benign held-out templates: FP rate at any category ≥ 2, at ≥ 4, and the row count.
    pub everyday_fp: (f64, f64, usize),
    /// The same per language: (lang, n, FP ≥ 2, FP ≥ 4).
    pub everyday_by_lang: Vec<(String, usize, usize, usize)>,
}

/// Writes the report. `val` and `val_scores` are the validation split; `benign` and `benign_scores` all policy
/// benign/neutral records with a flag for validation membership; `everyday` and `everyday_scores` the held-out everyday
/// templates.
#[allow(clippy::too_many_arguments)]
pub fn report(
    out: &mut String,
    val: &[&Example],
    val_scores: &[Scored],
    benign: &[(&Example, bool)],
    benign_scores: &[Scored],
    everyday: &[&Example],
    everyday_scores: &[Scored],
    tests: &[(PublicTest, Vec<Scored>)],
) -> Headline {
    let mut head = Headline::default();
    let _ = writeln!(out, "## 1. Held-apart test split, per category\n");
    let _ = writeln!(
        out,
        "The test split (15 % by template id for the authored policy set, by text hash for the public sets) was never \
         trained on and never used to fit the combiner or a threshold. Labels of a source that says nothing about a \
         category are unknown and excluded (column `n`). AUPRC uses the continuous score (the ensemble's combined \
         score); P/R/F1 use the shipped severities (ensemble + lexicon floor) at the shipped thresholds.\n"
    );
    let own: Vec<usize> = (0..val.len()).filter(|&i| val[i].kind != Kind::Public).collect();
    let _ = writeln!(
        out,
        "**Own data: the authored policy set's held-apart templates** (written to the severity definitions in \
         `docs/severity.md`; this is the headline: targets mean AUPRC ≥ 0.88, no category below 0.80)\n"
    );
    let own_ap = category_table(out, val, val_scores, &own);
    head.own_auprc2 = own_ap.0;
    head.own_auprc4 = own_ap.1;
    let all: Vec<usize> = (0..val.len()).collect();
    let _ = writeln!(
        out,
        "\n**All sources** (adds the public corpora, whose labels were mapped onto the scale: see the model card)\n"
    );
    let (_, ap4, f14) = category_table(out, val, val_scores, &all);
    head.auprc4 = ap4;
    head.f1_4 = f14;
    let _ = writeln!(out, "\n## 2. Severity confusion matrices (test split, all sources; rows = gold, columns = shipped)\n");
    for c in Category::ALL {
        let h = c.index();
        let mut m = [[0usize; 8]; 8];
        for (e, s) in val.iter().zip(val_scores) {
            if e.labels[h] >= 0 {
                m[e.labels[h] as usize][s.sev[h] as usize] += 1;
            }
        }
        let _ = writeln!(out, "**{c}**\n\n| gold \\ pred | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n|---|---|---|---|---|---|---|---|---|");
        for (g, row) in m.iter().enumerate() {
            if row.iter().sum::<usize>() == 0 {
                continue;
            }
            let cells: Vec<String> = row.iter().map(|v| v.to_string()).collect();
            let _ = writeln!(out, "| {g} | {} |", cells.join(" | "));
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## 3. Per language (test split; F1 of severity ≥ 4 at shipped thresholds, `–` = no positives)\n");
    let _ = writeln!(out, "| lang | n | Hate | SelfHarm | Sexual | Violence | any-category FP rate ≥2 on gold-safe rows |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    let mut by_lang: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in val.iter().enumerate() {
        by_lang.entry(e.lang.as_str()).or_default().push(i);
    }
    for (lang, idx) in &by_lang {
        let mut cells = Vec::new();
        for h in 0..4 {
            let mut p = Prf::default();
            let mut pos = 0;
            for &i in idx {
                if val[i].labels[h] >= 0 {
                    p.add(val_scores[i].sev[h] >= 4, val[i].labels[h] >= 4);
                    pos += usize::from(val[i].labels[h] >= 4);
                }
            }
            cells.push(if pos == 0 { "–".to_owned() } else { format!("{:.3} ({pos})", p.f1()) });
        }
        let safe: Vec<usize> = idx.iter().copied().filter(|&i| val[i].labels.iter().all(|&l| l == 0)).collect();
        let fp = safe.iter().filter(|&&i| val_scores[i].sev.iter().any(|&s| s >= 2)).count();
        let _ = writeln!(
            out,
            "| {lang} | {} | {} | {:.3} ({fp}/{}) |",
            idx.len(),
            cells.join(" | "),
            ratio(fp, safe.len()),
            safe.len()
        );
    }

    let _ = writeln!(out, "\n## 4. Benign look-alikes (policy set: medical, news, fiction, education, counter-speech, figurative, technical, recovery)\n");
    let _ = writeln!(out, "False positive = shipped severity ≥ 2 in a category. The test rows come from templates never trained on nor used for the combiner or thresholds.\n");
    let _ = writeln!(out, "| subset | n | any category | Hate | SelfHarm | Sexual | Violence |\n|---|---|---|---|---|---|---|");
    for (name, only_val) in [("test templates", true), ("all templates (mostly trained on)", false)] {
        let idx: Vec<usize> = (0..benign.len()).filter(|&i| !only_val || benign[i].1).collect();
        let any = idx.iter().filter(|&&i| benign_scores[i].sev.iter().any(|&s| s >= 2)).count();
        let per: Vec<String> = (0..4)
            .map(|h| {
                let fp = idx.iter().filter(|&&i| benign_scores[i].sev[h] >= 2).count();
                format!("{:.3} ({fp})", ratio(fp, idx.len()))
            })
            .collect();
        let rate = ratio(any, idx.len());
        if only_val {
            head.benign_fp_val = (rate, idx.len());
        } else {
            head.benign_fp_all = (rate, idx.len());
        }
        let _ = writeln!(out, "| {name} | {} | {rate:.3} ({any}) | {} |", idx.len(), per.join(" | "));
    }
    let _ = writeln!(out, "\nBy language (test templates):\n\n| lang | n | any-category FP ≥2 |\n|---|---|---|");
    let mut bl: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, (e, v)) in benign.iter().enumerate() {
        if *v {
            let entry = bl.entry(e.lang.as_str()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(benign_scores[i].sev.iter().any(|&s| s >= 2));
        }
    }
    for (lang, (n, fp)) in bl {
        let _ = writeln!(out, "| {lang} | {n} | {:.3} ({fp}) |", ratio(fp, n));
    }
    let _ = writeln!(out, "\nThe test look-alikes at ≥ 2 (our own authored texts; the errors to learn from):\n");
    flagged_rows(out, benign.iter().zip(benign_scores).filter(|((_, v), _)| *v).map(|((e, _), s)| (*e, s.sev)));

    let _ = writeln!(out, "\n## 5. False-positive rate on everyday benign text\n");
    let _ = writeln!(
        out,
        "Everyday messages from the policy set (greetings, small talk, plans, work/school, shopping, weather, travel, \
         sport, cooking, tech support, questions, 1–3 word texts; no category applies). Only the held-out everyday \
         templates (15 % by template id) are counted: they were neither trained on nor used to set thresholds (a \
         second 15 % band calibrates the thresholds). False positive = shipped severity (model + lexicon) at or above \
         the level in any category. Target: ≤ 2 % at ≥ 2, 0 % at ≥ 4.\n"
    );
    let _ = writeln!(out, "| lang | n | FP ≥2 | FP ≥4 |\n|---|---|---|---|");
    let mut el: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (e, s) in everyday.iter().zip(everyday_scores) {
        let entry = el.entry(e.lang.as_str()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(s.sev.iter().any(|&v| v >= 2));
        entry.2 += usize::from(s.sev.iter().any(|&v| v >= 4));
    }
    let (mut n_all, mut f2_all, mut f4_all) = (0, 0, 0);
    for (lang, (n, f2, f4)) in &el {
        let _ = writeln!(out, "| {lang} | {n} | {:.3} ({f2}) | {:.3} ({f4}) |", ratio(*f2, *n), ratio(*f4, *n));
        head.everyday_by_lang.push(((*lang).to_owned(), *n, *f2, *f4));
        n_all += n;
        f2_all += f2;
        f4_all += f4;
    }
    let _ = writeln!(
        out,
        "| **all** | {n_all} | {:.3} ({f2_all}) | {:.3} ({f4_all}) |",
        ratio(f2_all, n_all),
        ratio(f4_all, n_all)
    );
    head.everyday_fp = (ratio(f2_all, n_all), ratio(f4_all, n_all), n_all);
    let _ = writeln!(out, "\nPer category (held-out everyday templates):\n\n| category | FP ≥2 | FP ≥4 |\n|---|---|---|");
    for c in Category::ALL {
        let h = c.index();
        let f2 = everyday_scores.iter().filter(|s| s.sev[h] >= 2).count();
        let f4 = everyday_scores.iter().filter(|s| s.sev[h] >= 4).count();
        let _ = writeln!(out, "| {c} | {:.3} ({f2}) | {:.3} ({f4}) |", ratio(f2, n_all), ratio(f4, n_all));
    }

    let _ = writeln!(out, "\nThe held-out everyday texts at ≥ 2:\n");
    flagged_rows(out, everyday.iter().zip(everyday_scores).map(|(e, s)| (*e, s.sev)));

    let _ = writeln!(out, "\n## 6. Public benchmark test splits (never trained on, not used for thresholds)\n");
    let _ = writeln!(
        out,
        "Binary gold labels. `Hate` columns use the Hate head; `any` takes the highest severity over the four categories. \
         These corpora define their positives differently from Azure's severity scale (e.g. OffensEval counts any \
         profanity), so read them as a sanity check, not as a target.\n"
    );
    let _ = writeln!(out, "| test set | positive = | n | pos | AUPRC (Hate score) | AUPRC (max score) | F1 Hate ≥2 | F1 Hate ≥4 | P any ≥2 | R any ≥2 | F1 any ≥2 |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|");
    for (t, scores) in tests {
        let hate: Vec<(f32, bool)> = t.items.iter().zip(scores).map(|(it, s)| (s.raw[0], it.1)).collect();
        let max: Vec<(f32, bool)> =
            t.items.iter().zip(scores).map(|(it, s)| (s.score.iter().copied().fold(0.0, f32::max), it.1)).collect();
        let (mut h2, mut h4, mut a2) = (Prf::default(), Prf::default(), Prf::default());
        for (it, s) in t.items.iter().zip(scores) {
            h2.add(s.sev[0] >= 2, it.1);
            h4.add(s.sev[0] >= 4, it.1);
            a2.add(s.sev.iter().any(|&v| v >= 2), it.1);
        }
        let pos = t.items.iter().filter(|i| i.1).count();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {pos} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            t.name,
            t.positive,
            t.items.len(),
            opt(average_precision(&hate)),
            opt(average_precision(&max)),
            h2.f1(),
            h4.f1(),
            a2.precision(),
            a2.recall(),
            a2.f1()
        );
    }
    head
}

/// The ensemble against its members: AUPRC ≥ 2 and ≥ 4 per category on the test rows `idx`, one column per member
/// (`members[m][row]` = that member's continuous score per category).
pub fn members_table(out: &mut String, val: &[&Example], idx: &[usize], members: &[(&str, &[[f32; 4]])]) {
    let names: Vec<&str> = members.iter().map(|m| m.0).collect();
    let _ = writeln!(out, "| category | level | {} |", names.join(" | "));
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(names.len()));
    for c in Category::ALL {
        let h = c.index();
        for lvl in [2i8, 4] {
            let cells: Vec<String> = members
                .iter()
                .map(|(_, scores)| {
                    let pairs: Vec<(f32, bool)> = idx
                        .iter()
                        .filter(|&&i| val[i].labels[h] >= 0)
                        .map(|&i| (scores[i][h], val[i].labels[h] >= lvl))
                        .collect();
                    opt(average_precision(&pairs))
                })
                .collect();
            let _ = writeln!(out, "| {c} | ≥{lvl} | {} |", cells.join(" | "));
        }
    }
}

/// AUPRC ≥ 2 per language and category on the rows `idx` (`–` = no positives or no negatives).
pub fn language_auprc_table(out: &mut String, val: &[&Example], scores: &[Scored], idx: &[usize]) {
    let mut by_lang: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in idx {
        by_lang.entry(val[i].lang.as_str()).or_default().push(i);
    }
    let _ = writeln!(out, "| lang | n | Hate | SelfHarm | Sexual | Violence |\n|---|---|---|---|---|---|");
    for (lang, rows) in by_lang {
        let cells: Vec<String> = (0..4)
            .map(|h| {
                let pairs: Vec<(f32, bool)> = rows
                    .iter()
                    .filter(|&&i| val[i].labels[h] >= 0)
                    .map(|&i| (scores[i].raw[h], val[i].labels[h] >= 2))
                    .collect();
                let pos = pairs.iter().filter(|p| p.1).count();
                format!("{} ({pos})", opt(average_precision(&pairs)))
            })
            .collect();
        let _ = writeln!(out, "| {lang} | {} | {} |", rows.len(), cells.join(" | "));
    }
}

/// One row of the evasion table: an obfuscation and, per category, (positives, detected clean, detected obfuscated).
pub type EvasionRow = (String, [(usize, usize, usize); 4]);

/// The evasion table: recall at severity ≥ 2 of the same harmful texts, clean and obfuscated.
pub fn evasion_table(out: &mut String, rows: &[EvasionRow]) {
    let _ = writeln!(
        out,
        "| obfuscation | Hate | SelfHarm | Sexual | Violence | all: recall clean → obfuscated (kept) |\n|---|---|---|---|---|---|"
    );
    for (name, per) in rows {
        let cells: Vec<String> = per
            .iter()
            .map(|&(n, clean, obf)| if n == 0 { "–".into() } else { format!("{:.3} → {:.3}", ratio(clean, n), ratio(obf, n)) })
            .collect();
        let (n, clean, obf) = per.iter().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        let _ = writeln!(
            out,
            "| {name} | {} | {:.3} → {:.3} ({:.0} %) |",
            cells.join(" | "),
            ratio(clean, n),
            ratio(obf, n),
            100.0 * ratio(obf, clean)
        );
    }
}

/// A table of the rows with a severity ≥ 2 in some category (authored policy texts, so they may be shown).
fn flagged_rows<'a>(out: &mut String, rows: impl Iterator<Item = (&'a Example, [u8; 4])>) {
    let _ = writeln!(out, "| lang | template | shipped severities | text |\n|---|---|---|---|");
    for (e, sev) in rows.filter(|(_, sev)| sev.iter().any(|&s| s >= 2)) {
        let cats: Vec<String> =
            Category::ALL.iter().filter(|c| sev[c.index()] >= 2).map(|c| format!("{c} {}", sev[c.index()])).collect();
        let text: String = e.text.chars().take(140).collect::<String>().replace('|', "\\|").replace('\n', " ");
        let _ = writeln!(out, "| {} | `{}` | {} | {text} |", e.lang, e.split_key, cats.join(", "));
    }
}

/// Whether an example counts as a benign look-alike.
pub fn is_benign(e: &Example) -> bool {
    matches!(e.kind, Kind::Benign | Kind::Neutral)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_known_values() {
        assert_eq!(average_precision(&[(0.9, true), (0.8, true), (0.1, false)]), Some(1.0));
        let ap = average_precision(&[(0.9, false), (0.8, true)]).unwrap();
        assert!((ap - 0.5).abs() < 1e-9);
        assert_eq!(average_precision(&[(0.9, false)]), None);
    }

    #[test]
    fn prf_counts() {
        let mut p = Prf::default();
        for (a, b) in [(true, true), (true, false), (false, true), (false, false)] {
            p.add(a, b);
        }
        assert!((p.f1() - 0.5).abs() < 1e-9);
    }
}
