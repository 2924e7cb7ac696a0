//! `custos-train`: trains the text model and writes `model.bin`, `MODEL_CARD.md` and the evaluation report.
//!
//! ```text
//! cargo run --release -p custos-train -- --data ../shared/data --policy data/policy --out models/text --report eval/REPORT.md
//! ```
//! Prints counts, timings and metrics only, never text.

use anyhow::{bail, Context, Result};
use custos_engine::text::features::normalize;
use custos_engine::text::lexicon::Lexicon;
use custos_engine::text::{TextModel, LEXICON_FILE, MODEL_FILE};
use custos_train::card::{self, CardInputs};
use custos_train::data::{self, Example};
use custos_train::eval;
use custos_train::train::{self, Row, TrainConfig};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

struct Args {
    data: PathBuf,
    policy: PathBuf,
    out: PathBuf,
    report: PathBuf,
    cfg: TrainConfig,
}

fn parse_args() -> Result<Args> {
    let mut args = std::env::args().skip(1);
    let (mut data, mut policy, mut out, mut report) = (None, None, None, None);
    let mut cfg = TrainConfig::default();
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--data" => data = Some(PathBuf::from(value()?)),
            "--policy" => policy = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--report" => report = Some(PathBuf::from(value()?)),
            "--epochs" => cfg.epochs = value()?.parse().context("--epochs")?,
            "--log2-buckets" => cfg.log2_buckets = value()?.parse().context("--log2-buckets")?,
            "--lr" => cfg.lr = value()?.parse().context("--lr")?,
            "-h" | "--help" => {
                println!(
                    "usage: custos-train --data DIR --policy DIR --out DIR --report FILE \
                     [--epochs N] [--log2-buckets N] [--lr X]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown argument {other} (see --help)"),
        }
    }
    if !(10..=24).contains(&cfg.log2_buckets) {
        bail!("--log2-buckets must be 10..=24");
    }
    Ok(Args {
        data: data.context("--data is required")?,
        policy: policy.context("--policy is required")?,
        out: out.context("--out is required")?,
        report: report.context("--report is required")?,
        cfg,
    })
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let started = Instant::now();

    let all = data::dedupe(data::load_training(&args.data, &args.policy)?);
    // Everyday held-out templates are neither trained on nor used for thresholds: they only feed the report.
    let (everyday_holdout, rest): (Vec<&Example>, Vec<&Example>) =
        all.iter().partition(|e| data::is_everyday_holdout(e));
    let (val, train_set): (Vec<&Example>, Vec<&Example>) = rest.into_iter().partition(|e| data::is_validation(e));
    let mut counts: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    for e in &train_set {
        counts.entry(e.source).or_default().0 += 1;
    }
    for e in &val {
        counts.entry(e.source).or_default().1 += 1;
    }
    println!(
        "loaded {} rows: {} train, {} validation, {} everyday held out ({:.1}s)",
        all.len(),
        train_set.len(),
        val.len(),
        everyday_holdout.len(),
        secs(started)
    );
    for (source, (t, v)) in &counts {
        println!("  {source:<16} train {t:>6}  validation {v:>5}");
    }

    let rows: Vec<Row> = train_set
        .iter()
        .map(|e| Row { normalized: normalize(&e.text), labels: e.labels, weights: data::head_weights(e) })
        .collect();
    let t = Instant::now();
    let mut model = train::train(&rows, &args.cfg);
    println!("trained {} epochs in {:.1}s", args.cfg.epochs, secs(t));

    // Calibration weighs each row like training does (policy rows, written to Azure's definitions, count more).
    let val_raw: Vec<([f32; 4], [i8; 4], f32)> = val
        .iter()
        .map(|e| (model.raw_scores(&normalize(&e.text)).0, e.labels, e.weight))
        .collect();
    let everyday_raw: Vec<[f32; 4]> = val
        .iter()
        .zip(&val_raw)
        .filter(|(e, _)| e.kind == data::Kind::Everyday)
        .map(|(_, r)| r.0)
        .collect();
    let calibrated = train::calibrate(&mut model, &val_raw, &everyday_raw);

    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let bytes = model.to_bytes();
    let model_path = args.out.join(MODEL_FILE);
    std::fs::write(&model_path, &bytes).with_context(|| format!("writing {}", model_path.display()))?;
    let model_sha = hex::encode(Sha256::digest(&bytes));
    println!("wrote {} ({} bytes) sha256 {model_sha}", model_path.display(), bytes.len());

    // Evaluate exactly what ships: reload from disk, lexicon included.
    let shipped = TextModel::load(&args.out).context("reloading the written model")?;
    let lexicon_tsv = std::fs::read_to_string(args.out.join(LEXICON_FILE))?;
    let lexicon_counts = Lexicon::parse(&lexicon_tsv).map_err(anyhow::Error::msg)?.counts();
    let lexicon_sha = hex::encode(Sha256::digest(lexicon_tsv.as_bytes()));

    let t = Instant::now();
    let val_scores = eval::score_all(&shipped, val.iter().map(|e| e.text.as_str()));
    let benign: Vec<(&Example, bool)> =
        all.iter().filter(|e| eval::is_benign(e)).map(|e| (e, data::is_validation(e))).collect();
    let benign_scores = eval::score_all(&shipped, benign.iter().map(|(e, _)| e.text.as_str()));
    let everyday_scores = eval::score_all(&shipped, everyday_holdout.iter().map(|e| e.text.as_str()));
    let tests: Vec<_> = data::load_public_tests(&args.data)?
        .into_iter()
        .map(|t| {
            let s = eval::score_all(&shipped, t.items.iter().map(|i| i.0.as_str()));
            (t, s)
        })
        .collect();
    let per_text_us = t.elapsed().as_secs_f64() * 1e6
        / (val.len() + benign.len() + everyday_holdout.len() + tests.iter().map(|t| t.0.items.len()).sum::<usize>()).max(1) as f64;

    let command = format!(
        "cargo run --release -p custos-train -- --data {} --policy {} --out {} --report {}",
        args.data.display(),
        args.policy.display(),
        args.out.display(),
        args.report.display()
    );
    let hyper = format!(
        "SGD, {} epochs, lr {} → {:.3} (linear), seed {:#x}, single thread",
        args.cfg.epochs,
        args.cfg.lr,
        args.cfg.lr * 0.1,
        args.cfg.seed
    );
    let mut report = String::new();
    report.push_str("# Custos text model: evaluation report\n\n");
    report.push_str("_Written by `custos-train`; regenerate rather than edit._\n\n");
    report.push_str(&format!(
        "- command: `{command}`\n- model: `{MODEL_FILE}` sha256 `{model_sha}`\n- rows: {} train, {} validation \
         (per source in `models/text/MODEL_CARD.md`)\n\n",
        train_set.len(),
        val.len()
    ));
    let headline = eval::report(
        &mut report,
        &val,
        &val_scores,
        &benign,
        &benign_scores,
        &everyday_holdout,
        &everyday_scores,
        &tests,
    );
    if let Some(dir) = args.report.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&args.report, &report).with_context(|| format!("writing {}", args.report.display()))?;

    let card = card::render(&CardInputs {
        model: &model,
        calibrated,
        model_sha256: model_sha.clone(),
        model_bytes: bytes.len(),
        lexicon_sha256: lexicon_sha,
        lexicon_counts,
        counts,
        command,
        hyper,
        headline: headline.clone(),
    });
    std::fs::write(args.out.join("MODEL_CARD.md"), card)?;

    for (i, name) in ["Hate", "SelfHarm", "Sexual", "Violence"].iter().enumerate() {
        let ap = headline.auprc4[i].map_or("-".to_owned(), |v| format!("{v:.3}"));
        println!("  {name:<9} AUPRC>=4 {ap}  F1>=4 {:.3}", headline.f1_4[i]);
    }
    println!(
        "benign look-alike FP rate (>=2): validation {:.3} of {}, all {:.3} of {}",
        headline.benign_fp_val.0, headline.benign_fp_val.1, headline.benign_fp_all.0, headline.benign_fp_all.1
    );
    println!(
        "everyday held-out FP rate: >=2 {:.3}, >=4 {:.3} of {}",
        headline.everyday_fp.0, headline.everyday_fp.1, headline.everyday_fp.2
    );
    println!("eval {per_text_us:.1} us/text (analyze + raw scores); total {:.1}s", secs(started));
    println!("model sha256 {model_sha}");
    Ok(())
}

fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}
