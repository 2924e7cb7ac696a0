//! `custos-train`: trains the text ensemble and writes `model.bin`, `ensemble.txt`, `MODEL_CARD.md` and the
//! evaluation report.
//!
//! ```text
//! cargo run --release -p custos-train -- --data ../shared/data --policy data/policy --out models/text --report eval/REPORT.md
//! ```
//! Prints counts, timings and metrics only, never text.

use anyhow::{bail, Context, Result};
use custos_engine::text::encoder::{Encoder, DIM};
use custos_engine::text::multilingual::{MultilingualEncoder, DIM as MDIM};
use custos_engine::text::ensemble::{combiner_inputs, Components, EnsembleParams, TextEnsemble, COMBINER_INPUTS, ENSEMBLE_FILE};
use custos_engine::text::lexicon::Lexicon;
use custos_engine::text::linear::HEADS;
use custos_engine::text::{prepare, TextModel, LEXICON_FILE, MODEL_FILE};
use custos_train::card::{self, CardInputs};
use custos_train::data::{self, Example};
use custos_train::ordinal::{self, OrdinalConfig};
use custos_train::train::{self, Row, TrainConfig};
use custos_engine::text::normalize::normalize;
use custos_engine::text::TextAnalysis;
use custos_train::cache::EncodingCache;
use custos_train::{eval, evasion};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

struct Args {
    data: PathBuf,
    policy: PathBuf,
    out: PathBuf,
    report: PathBuf,
    cache: Option<PathBuf>,
    minilm: bool,
    hidden: Option<usize>,
    cfg: TrainConfig,
}

/// Widths tried for the hidden layer of the multilingual heads (0 = linear heads); the one with the best mean
/// AUPRC (≥ 2) of the head alone on the calibration split's own-data rows is kept. `--hidden N` fixes the width.
const HIDDEN_CANDIDATES: [usize; 3] = [0, 16, 32];
/// Seeds averaged per hidden-layer head ([`ordinal::fit_hidden_bagged`]).
const HIDDEN_BAGS: usize = 3;
/// Passes and learning rate of the hidden-layer heads.
const HIDDEN_EPOCHS: usize = 12;
const HIDDEN_LR: f32 = 0.2;

fn parse_args() -> Result<Args> {
    let mut args = std::env::args().skip(1);
    let (mut data, mut policy, mut out, mut report) = (None, None, None, None);
    let mut cache = Some(PathBuf::from(".cache/train"));
    let mut minilm = false;
    let mut hidden = None;
    let mut cfg = TrainConfig::default();
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--data" => data = Some(PathBuf::from(value()?)),
            "--policy" => policy = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--report" => report = Some(PathBuf::from(value()?)),
            "--cache" => cache = Some(PathBuf::from(value()?)),
            "--no-cache" => cache = None,
            "--minilm" => minilm = true,
            "--hidden" => hidden = Some(value()?.parse().context("--hidden")?),
            "--epochs" => cfg.epochs = value()?.parse().context("--epochs")?,
            "--log2-buckets" => cfg.log2_buckets = value()?.parse().context("--log2-buckets")?,
            "--lr" => cfg.lr = value()?.parse().context("--lr")?,
            "-h" | "--help" => {
                println!(
                    "usage: custos-train --data DIR --policy DIR --out DIR --report FILE \
                     [--epochs N] [--log2-buckets N] [--lr X] [--cache DIR | --no-cache] [--minilm] [--hidden N]\n\n\
                     --minilm makes all-MiniLM-L6-v2 a member of the ensemble (off by default: it adds ~5 ms per \
                     short text and ~150 MB for little accuracy; see eval/REPORT.md).\n\
                     --hidden N gives each multilingual head a ReLU hidden layer of N units beside its linear term \
                     (0 = linear heads; default: the best of {HIDDEN_CANDIDATES:?} on the calibration split).\n\
                     The encoder files are read from the parent of --out (its vendor/ folder). Encoder outputs are \
                     cached under --cache (default .cache/train) keyed by the encoder's checksum."
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
        cache,
        minilm,
        hidden,
        cfg,
    })
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let started = Instant::now();
    let model_dir = args.out.parent().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));

    let all = data::dedupe(data::load_training(&args.data, &args.policy)?);
    // Everyday held-out templates are neither trained on nor used for thresholds: they only feed the report.
    let (everyday_holdout, rest): (Vec<&Example>, Vec<&Example>) =
        all.iter().partition(|e| data::is_everyday_holdout(e));
    let (test, rest): (Vec<&Example>, Vec<&Example>) = rest.into_iter().partition(|e| data::is_test(e));
    let (calib, train_set): (Vec<&Example>, Vec<&Example>) = rest.into_iter().partition(|e| data::is_validation(e));
    let mut counts: BTreeMap<&'static str, (usize, usize, usize)> = BTreeMap::new();
    for e in &train_set {
        counts.entry(e.source).or_default().0 += 1;
    }
    for e in &calib {
        counts.entry(e.source).or_default().1 += 1;
    }
    for e in &test {
        counts.entry(e.source).or_default().2 += 1;
    }
    println!(
        "loaded {} rows: {} train, {} calibration, {} test, {} everyday held out ({:.1}s)",
        all.len(),
        train_set.len(),
        calib.len(),
        test.len(),
        everyday_holdout.len(),
        secs(started)
    );
    for (source, (t, c, v)) in &counts {
        println!("  {source:<16} train {t:>6}  calibration {c:>5}  test {v:>5}");
    }

    // 1. The hashed n-gram model (trained on the training split, thresholds on the calibration split).
    let rows: Vec<Row> = train_set
        .iter()
        .map(|e| Row { normalized: prepare(&e.text), labels: e.labels, weights: data::head_weights(e) })
        .collect();
    let t = Instant::now();
    let mut model = train::train(&rows, &args.cfg);
    println!("n-gram model: trained {} epochs in {:.1}s", args.cfg.epochs, secs(t));
    let calib_raw: Vec<([f32; 4], [i8; 4], f32)> =
        calib.iter().map(|e| (model.raw_scores(&prepare(&e.text)).0, e.labels, e.weight)).collect();
    let everyday_raw: Vec<[f32; 4]> = calib
        .iter()
        .zip(&calib_raw)
        .filter(|(e, _)| e.kind == data::Kind::Everyday)
        .map(|(_, r)| r.0)
        .collect();
    let calibrated = train::calibrate(&mut model, &calib_raw, &everyday_raw);
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let bytes = model.to_bytes();
    let model_path = args.out.join(MODEL_FILE);
    std::fs::write(&model_path, &bytes).with_context(|| format!("writing {}", model_path.display()))?;
    let model_sha = hex::encode(Sha256::digest(&bytes));
    println!("wrote {} ({} bytes) sha256 {model_sha}", model_path.display(), bytes.len());
    let base = TextModel::load(&args.out).context("reloading the written n-gram model")?;

    // 2. Embedding heads on the training split.
    let threads = eval::threads();
    let encoder = if args.minilm {
        Some(Encoder::load(&model_dir, 1, threads).with_context(|| {
            format!("loading the encoder from {} (run scripts/build-encoder.sh)", model_dir.display())
        })?)
    } else {
        None
    };
    let mut cache = EncodingCache::open(args.cache.as_deref(), &model_dir, args.minilm);
    println!("encoding cache: {} entries", cache.len());
    let multi = MultilingualEncoder::load(&model_dir, 1, threads)
        .with_context(|| format!("loading the multilingual encoder from {} (run scripts/build-use.sh)", model_dir.display()))?;
    let mut params = EnsembleParams::zeros();
    params.minilm = args.minilm;
    let vocab = if args.minilm {
        None
    } else {
        Some(custos_engine::text::encoder::load_vocab(&model_dir)?)
    };
    let probe = TextEnsemble::from_parts(base, encoder, multi, params.clone(), vocab);
    let t = Instant::now();
    let train_texts: Vec<&str> = train_set.iter().map(|e| e.text.as_str()).collect();
    let train_enc = cache.encode_all(&probe, &train_texts);
    cache.save().context("writing the encoding cache")?;
    println!("encoded {} training texts in {:.1}s on {threads} threads", train_enc.len(), secs(t));
    let mut x = Vec::with_capacity(train_enc.len() * DIM);
    let mut xm = Vec::with_capacity(train_enc.len() * MDIM);
    for e in &train_enc {
        x.extend_from_slice(e.minilm.windows.first().unwrap_or(&[0.0; DIM]));
        xm.extend_from_slice(e.multi.first().unwrap_or(&[0.0; MDIM]));
    }
    let head_cfg = OrdinalConfig { epochs: 12, lr: 0.5, l2: 1e-5, seed: args.cfg.seed ^ 0xe1 };
    let hidden_cfg = OrdinalConfig { epochs: HIDDEN_EPOCHS, lr: HIDDEN_LR, ..head_cfg };
    for h in 0..HEADS {
        let y: Vec<i8> = train_set
            .iter()
            .zip(&train_enc)
            .map(|(e, v)| if v.minilm.windows.is_empty() { -1 } else { e.labels[h] })
            .collect();
        let w: Vec<f32> = train_set.iter().map(|e| data::head_weights(e)[h]).collect();
        let fitted = ordinal::fit(&x, DIM, &y, &w, &head_cfg);
        params.heads[h].copy_from_slice(&fitted.w);
    }
    drop(x);

    // The multilingual heads: linear, or with a hidden layer whose width is chosen on the calibration split.
    let calib_texts: Vec<&str> = calib.iter().map(|e| e.text.as_str()).collect();
    let calib_enc = cache.encode_all(&probe, &calib_texts);
    let widths: Vec<usize> = args.hidden.map_or_else(|| HIDDEN_CANDIDATES.to_vec(), |n| vec![n]);
    let mut selection = Vec::new();
    let mut best: Option<(f64, EnsembleParams)> = None;
    for &width in &widths {
        let mut trial = EnsembleParams::zeros();
        let heads: Vec<usize> = (0..HEADS).collect();
        let fitted = eval::par_map(&heads, |&h| {
            let ym: Vec<i8> =
                train_set.iter().zip(&train_enc).map(|(e, v)| if v.multi.is_empty() { -1 } else { e.labels[h] }).collect();
            let w: Vec<f32> = train_set.iter().map(|e| data::head_weights(e)[h]).collect();
            if width > 0 {
                let (lin, layer) = ordinal::fit_hidden_bagged(&xm, MDIM, &ym, &w, width, HIDDEN_BAGS, &hidden_cfg);
                (lin, Some(layer))
            } else {
                (ordinal::fit(&xm, MDIM, &ym, &w, &head_cfg).w, None)
            }
        });
        for (h, (lin, layer)) in fitted.into_iter().enumerate() {
            trial.mheads[h].copy_from_slice(&lin);
            trial.mlp.extend(layer);
        }
        let aps: Vec<f64> = (0..HEADS)
            .map(|h| {
                let items: Vec<(f32, bool)> = calib
                    .iter()
                    .zip(&calib_enc)
                    .filter(|(e, v)| e.source == "custos-policy" && e.labels[h] >= 0 && !v.multi.is_empty())
                    .map(|(e, v)| {
                        let s = v.multi.iter().map(|m| trial.mhead_score(h, m)).fold(f32::NEG_INFINITY, f32::max);
                        (s, e.labels[h] >= 2)
                    })
                    .collect();
                eval::average_precision(&items).unwrap_or(0.0)
            })
            .collect();
        let mean = aps.iter().sum::<f64>() / HEADS as f64;
        println!("multilingual heads, hidden width {width}: calibration own-data mean AUPRC ≥2 {mean:.4}");
        selection.push((width, mean));
        if best.as_ref().is_none_or(|b| mean > b.0) {
            best = Some((mean, trial));
        }
    }
    let chosen = best.expect("at least one width").1;
    params.mheads = chosen.mheads;
    params.mlp = chosen.mlp;
    drop(xm);
    drop(train_enc);
    println!("embedding heads fitted ({:.1}s)", secs(t));

    // 3. Combiner and thresholds on the calibration split.
    let t = Instant::now();
    let idx: Vec<usize> = (0..calib.len()).collect();
    let calib_comp: Vec<Components> =
        eval::par_map(&idx, |&i| probe.components_encoded(&normalize(calib_texts[i]).text, &calib_enc[i], &params));
    let mut start = [[0.0f32; 7]; HEADS];
    for h in 0..HEADS {
        let mut xs = Vec::with_capacity(calib.len() * COMBINER_INPUTS);
        for c in &calib_comp {
            xs.extend(combiner_inputs(c.linear[h], c.embedding[h], c.floors[h], c.unknown, c.multilingual[h]));
        }
        let y: Vec<i8> = calib.iter().map(|e| e.labels[h]).collect();
        let w: Vec<f32> = calib.iter().map(|e| data::head_weights(e)[h]).collect();
        let fitted = ordinal::fit_full_batch(&xs, COMBINER_INPUTS, &y, &w, COMBINER_STEPS, COMBINER_L2);
        params.combiner[h][0] = 0.0;
        params.combiner[h][1..].copy_from_slice(&fitted.w);
        start[h] = fitted.cut;
    }
    let z = |c: &Components, p: &EnsembleParams| -> [f32; 4] {
        std::array::from_fn(|h| {
            p.combine(h, &combiner_inputs(c.linear[h], c.embedding[h], c.floors[h], c.unknown, c.multilingual[h]))
        })
    };
    let calib_z: Vec<([f32; 4], [i8; 4], f32)> =
        calib.iter().zip(&calib_comp).map(|(e, c)| (z(c, &params), e.labels, e.weight)).collect();
    let everyday_z: Vec<[f32; 4]> = calib
        .iter()
        .zip(&calib_z)
        .filter(|(e, _)| e.kind == data::Kind::Everyday)
        .map(|(_, r)| r.0)
        .collect();
    let lookalike_z: Vec<[f32; 4]> =
        calib.iter().zip(&calib_z).filter(|(e, _)| eval::is_benign(e)).map(|(_, r)| r.0).collect();
    let (thresholds, ens_calibrated) =
        train::calibrate_thresholds(&start, f32::NEG_INFINITY, &calib_z, &everyday_z, &lookalike_z);
    params.thresholds = thresholds;
    let ens_text = params.to_text();
    let ens_path = args.out.join(ENSEMBLE_FILE);
    std::fs::write(&ens_path, &ens_text).with_context(|| format!("writing {}", ens_path.display()))?;
    let ens_sha = hex::encode(Sha256::digest(ens_text.as_bytes()));
    println!(
        "combiner and thresholds fitted on {} calibration rows ({:.1}s); wrote {}",
        calib.len(),
        secs(t),
        ens_path.display()
    );
    drop(probe);

    // 4. Evaluate exactly what ships: reload from disk. Encodings come from the cache (the encoder is
    // deterministic); a sample is checked against the serving path `analyze` below.
    let shipped = TextEnsemble::load(&model_dir, 1, threads).context("reloading the written ensemble")?;
    let lexicon_tsv = std::fs::read_to_string(args.out.join(LEXICON_FILE))?;
    let lexicon_counts = Lexicon::parse(&lexicon_tsv).map_err(anyhow::Error::msg)?.counts();
    let lexicon_sha = hex::encode(Sha256::digest(lexicon_tsv.as_bytes()));

    let t = Instant::now();
    let mut analyze_all = |texts: &[&str]| -> Vec<TextAnalysis> {
        let enc = cache.encode_all(&shipped, texts);
        let idx: Vec<usize> = (0..texts.len()).collect();
        eval::par_map(&idx, |&i| shipped.analyze_encoded(&normalize(texts[i]), &enc[i]))
    };
    let test_texts: Vec<&str> = test.iter().map(|e| e.text.as_str()).collect();
    let test_analyses = analyze_all(&test_texts);
    for (text, a) in test_texts.iter().zip(&test_analyses).take(300) {
        if shipped.analyze(text) != *a {
            bail!("the cached evaluation path disagrees with TextEnsemble::analyze");
        }
    }
    let test_scores = eval::scored(&test_analyses);
    let benign: Vec<(&Example, bool)> = all.iter().filter(|e| eval::is_benign(e)).map(|e| (e, data::is_test(e))).collect();
    let benign_texts: Vec<&str> = benign.iter().map(|(e, _)| e.text.as_str()).collect();
    let benign_scores = eval::scored(&analyze_all(&benign_texts));
    let everyday_texts: Vec<&str> = everyday_holdout.iter().map(|e| e.text.as_str()).collect();
    let everyday_scores = eval::scored(&analyze_all(&everyday_texts));
    let mut tests = Vec::new();
    for t in data::load_public_tests(&args.data)? {
        let texts: Vec<&str> = t.items.iter().map(|i| i.0.as_str()).collect();
        let s = eval::scored(&analyze_all(&texts));
        tests.push((t, s));
    }

    // Evasion: the harmful policy test texts, obfuscated.
    let harmful: Vec<&Example> =
        test.iter().copied().filter(|e| e.kind == data::Kind::Harmful && e.labels.iter().any(|&l| l >= 2)).collect();
    let clean: Vec<&str> = harmful.iter().map(|e| e.text.as_str()).collect();
    let clean_sev: Vec<[u8; 4]> = analyze_all(&clean).iter().map(|a| a.severities.map(|s| s.level())).collect();
    let mut evasion_rows: Vec<eval::EvasionRow> = Vec::new();
    for (i, (name, f)) in evasion::ALL.iter().enumerate() {
        let obf: Vec<String> = harmful.iter().map(|e| f(&e.text, data::stable_hash(&e.text) ^ i as u64)).collect();
        let obf_refs: Vec<&str> = obf.iter().map(String::as_str).collect();
        let obf_sev: Vec<[u8; 4]> = analyze_all(&obf_refs).iter().map(|a| a.severities.map(|s| s.level())).collect();
        let mut per = [(0usize, 0usize, 0usize); 4];
        for ((e, c), o) in harmful.iter().zip(&clean_sev).zip(&obf_sev) {
            for h in 0..HEADS {
                if e.labels[h] >= 2 {
                    per[h].0 += 1;
                    per[h].1 += usize::from(c[h] >= 2);
                    per[h].2 += usize::from(o[h] >= 2);
                }
            }
        }
        evasion_rows.push(((*name).to_owned(), per));
    }
    let test_enc = cache.encode_all(&shipped, &test_texts);
    let idx: Vec<usize> = (0..test.len()).collect();
    let test_comp: Vec<Components> = eval::par_map(&idx, |&i| {
        shipped.components_encoded(&normalize(test_texts[i]).text, &test_enc[i], shipped.params())
    });
    cache.save().context("writing the encoding cache")?;
    println!("evaluated in {:.1}s", secs(t));

    let command = format!(
        "cargo run --release -p custos-train -- --data {} --policy {} --out {} --report {}",
        args.data.display(),
        args.policy.display(),
        args.out.display(),
        args.report.display()
    );
    let hyper = format!(
        "n-gram heads: SGD, {} epochs, lr {} → {:.3} (linear), seed {:#x}, single thread; embedding heads: ordinal \
         logistic SGD, {} epochs, lr {} → {:.3}, L2 {}; multilingual heads: the same plus a ReLU hidden layer \
         (backpropagation, {} epochs, lr {} → {:.3}; the mean of {HIDDEN_BAGS} seeds, so {} units) of width {} chosen on the calibration split (own-data mean \
         AUPRC ≥2 of the head alone: {}); combiner: ordinal logistic on the calibration split, \
         full-batch Adam on standardized inputs, {} steps, L2 {}",
        args.cfg.epochs,
        args.cfg.lr,
        args.cfg.lr * 0.1,
        args.cfg.seed,
        head_cfg.epochs,
        head_cfg.lr,
        head_cfg.lr * 0.1,
        head_cfg.l2,
        hidden_cfg.epochs,
        hidden_cfg.lr,
        hidden_cfg.lr * 0.1,
        params.mlp.first().map_or(0, |m| m.hidden()),
        params.mlp.first().map_or(0, |m| m.hidden() / HIDDEN_BAGS),
        selection.iter().map(|(w, ap)| format!("{w} → {ap:.4}")).collect::<Vec<_>>().join(", "),
        COMBINER_STEPS,
        COMBINER_L2
    );
    let mut report = String::new();
    report.push_str("# Custos text ensemble: evaluation report\n\n");
    report.push_str("_Written by `custos-train` (`make train`); regenerate rather than edit._\n\n");
    report.push_str(&format!(
        "- command: `{command}`\n- n-gram model: `{MODEL_FILE}` sha256 `{model_sha}`\n- ensemble: `{ENSEMBLE_FILE}` \
         sha256 `{ens_sha}`\n- encoders: USE multilingual v3 (`scripts/build-use.sh`); all-MiniLM-L6-v2 int8 (`scripts/build-encoder.sh`) only with `--minilm`: {}\n- rows: {} train, {} \
         calibration (combiner + thresholds), {} test (per source in `models/text/MODEL_CARD.md`)\n\n",
        if args.minilm { "on" } else { "off" },
        train_set.len(),
        calib.len(),
        test.len()
    ));
    let headline = eval::report(
        &mut report,
        &test,
        &test_scores,
        &benign,
        &benign_scores,
        &everyday_holdout,
        &everyday_scores,
        &tests,
    );
    report.push_str("\n## 7. The ensemble and its members (test split, AUPRC)\n\n");
    report.push_str(
        "Each member's own continuous score: the n-gram model's raw ordinal score, the embedding heads' scores (max \
         over chunks), and the ensemble's combined score. Own data = the policy set's held-apart templates. \
         all-MiniLM-L6-v2 is a member only with `--minilm` (off by default: when it was last compared, \
         with linear heads and the policy set before its third batch, own-data AUPRC ≥ 2 was 0.885/0.938/0.886/0.890 \
         with it against 0.882/0.963/0.876/0.890 without, at about half the throughput and +150 MB; see \
         `bench/runs/2026-11-27-text-ensemble.md`).\n\n",
    );
    let lin: Vec<[f32; 4]> = test_comp.iter().map(|c| c.linear).collect();
    let emb: Vec<[f32; 4]> = test_comp.iter().map(|c| c.embedding).collect();
    let multi: Vec<[f32; 4]> = test_comp.iter().map(|c| c.multilingual).collect();
    let ens: Vec<[f32; 4]> = test_scores.iter().map(|s| s.raw).collect();
    let mut members: Vec<(&str, &[[f32; 4]])> = vec![("n-gram", &lin)];
    if args.minilm {
        members.push(("MiniLM head", &emb));
    }
    members.push(("USE multilingual head", &multi));
    members.push(("ensemble", &ens));
    let own: Vec<usize> = (0..test.len()).filter(|&i| test[i].kind != data::Kind::Public).collect();
    let every: Vec<usize> = (0..test.len()).collect();
    report.push_str("**Own data**\n\n");
    eval::members_table(&mut report, &test, &own, &members);
    report.push_str("\n**All sources**\n\n");
    eval::members_table(&mut report, &test, &every, &members);
    report.push_str(
        "\n**Own data per language** (AUPRC ≥ 2 of the ensemble's score; positives in brackets). The encoder's \
         vocabulary is English; other languages rely mostly on the n-gram model and lexicon.\n\n",
    );
    eval::language_auprc_table(&mut report, &test, &test_scores, &own);
    report.push_str("\n## 8. Evasion (test split)\n\n");
    report.push_str(&format!(
        "The {} harmful policy test texts (gold ≥ 2 in a category), obfuscated by `crates/custos-train/src/evasion.rs` \
         (deterministic per text). Recall at shipped severity ≥ 2 in the gold category, clean → obfuscated; `kept` = \
         obfuscated / clean detections.\n\n",
        harmful.len()
    ));
    eval::evasion_table(&mut report, &evasion_rows);
    if let Some(dir) = args.report.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&args.report, &report).with_context(|| format!("writing {}", args.report.display()))?;

    let card = card::render(&CardInputs {
        model: shipped.base().linear(),
        calibrated,
        ensemble: shipped.params(),
        ensemble_calibrated: ens_calibrated,
        model_sha256: model_sha.clone(),
        ensemble_sha256: ens_sha,
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
        let f = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.3}"));
        println!(
            "  {name:<9} own AUPRC>=2 {}  >=4 {}  all AUPRC>=4 {}  F1>=4 {:.3}",
            f(headline.own_auprc2[i]),
            f(headline.own_auprc4[i]),
            f(headline.auprc4[i]),
            headline.f1_4[i]
        );
    }
    println!(
        "benign look-alike FP rate (>=2): test {:.3} of {}, all {:.3} of {}",
        headline.benign_fp_val.0, headline.benign_fp_val.1, headline.benign_fp_all.0, headline.benign_fp_all.1
    );
    println!(
        "everyday held-out FP rate: >=2 {:.3}, >=4 {:.3} of {}",
        headline.everyday_fp.0, headline.everyday_fp.1, headline.everyday_fp.2
    );
    for (name, per) in &evasion_rows {
        let (n, c, o) = per.iter().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        println!("  evasion {name:<12} recall {:.3} -> {:.3} (n {n})", c as f64 / n.max(1) as f64, o as f64 / n.max(1) as f64);
    }
    println!("total {:.1}s", secs(started));
    println!("model sha256 {model_sha}");
    Ok(())
}

/// Full-batch steps of the combiner fit.
const COMBINER_STEPS: usize = 1500;
/// L2 penalty of the combiner (standardized inputs).
const COMBINER_L2: f32 = 1e-3;

fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}
