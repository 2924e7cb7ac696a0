//! SGD for the all-threshold ordinal logistic heads, and threshold calibration.
//!
//! Per head and example with a known label `y` (0..=7): `loss = (1/7) Σₖ BCE(σ(s − θₖ), [y ≥ k])`, with
//! `s = w · x / sqrt(n + 16)` (see `custos_engine::text::linear::feature_scale`). Unknown labels contribute nothing. Single-threaded, fixed seed, fixed example order:
//! the same inputs give bit-identical weights.

use custos_engine::text::features::for_each_feature;
use custos_engine::text::linear::{feature_scale, LinearModel, HEADS, LEVELS};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// log2 of the bucket count.
    pub log2_buckets: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// Initial learning rate (decays linearly to 10 % of it).
    pub lr: f32,
    /// Shuffle seed.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { log2_buckets: 18, epochs: 8, lr: 0.4, seed: 0x5eed_c057_0500_0001 }
    }
}

/// One training row: normalized text, labels (−1 = unknown) and loss weight per head.
#[derive(Debug, Clone)]
pub struct Row {
    /// Normalized text.
    pub normalized: String,
    /// Severity per head or −1.
    pub labels: [i8; 4],
    /// Loss weight per head.
    pub weights: [f32; 4],
}

/// SplitMix64: a tiny deterministic generator (no dependence on `rand`'s algorithm choices across versions).
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator from a seed.
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }
    /// Next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Trains the heads. Thresholds are set to the learned cut-points; [`calibrate`] refines them.
pub fn train(rows: &[Row], cfg: &TrainConfig) -> LinearModel {
    let mut model = LinearModel::zeros(cfg.log2_buckets);
    for head in model.cutpoints.iter_mut() {
        for (k, t) in head.iter_mut().enumerate() {
            *t = k as f32 * 0.5 + 0.5;
        }
    }
    let mut counts = [[0.0f64; 8]; HEADS];
    for row in rows {
        for h in 0..HEADS {
            if row.labels[h] >= 0 {
                counts[h][row.labels[h] as usize] += row.weights[h] as f64;
            }
        }
    }
    let level_w: Vec<[f32; 8]> = counts.iter().map(level_weights).collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = SplitMix::new(cfg.seed);
    let mut feats: Vec<(usize, f32)> = Vec::with_capacity(4096);
    let total_steps = (cfg.epochs * rows.len()).max(1) as f32;
    let mut step = 0usize;
    for _epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let row = &rows[i];
            let lr = cfg.lr * (1.0 - 0.9 * step as f32 / total_steps);
            step += 1;
            feats.clear();
            for_each_feature(&row.normalized, cfg.log2_buckets, |b, s| feats.push((b, s)));
            if feats.is_empty() {
                continue;
            }
            let scale = feature_scale(feats.len());
            let mut s = [0.0f32; HEADS];
            for &(b, sign) in &feats {
                for (h, acc) in s.iter_mut().enumerate() {
                    *acc += sign * model.weights[b * HEADS + h];
                }
            }
            let mut grad = [0.0f32; HEADS];
            for h in 0..HEADS {
                let y = row.labels[h];
                if y < 0 {
                    continue;
                }
                let sh = s[h] * scale;
                let w = row.weights[h] * level_w[h][y as usize];
                let mut g = 0.0;
                for k in 0..LEVELS {
                    let target = if y as usize > k { 1.0 } else { 0.0 };
                    let d = sigmoid(sh - model.cutpoints[h][k]) - target;
                    g += d;
                    model.cutpoints[h][k] += lr * 0.05 * w * d / LEVELS as f32;
                }
                grad[h] = g / LEVELS as f32 * w;
                // keep the cut-points ordered
                for k in 1..LEVELS {
                    let lo = model.cutpoints[h][k - 1] + 0.05;
                    if model.cutpoints[h][k] < lo {
                        model.cutpoints[h][k] = lo;
                    }
                }
            }
            if grad.iter().all(|g| *g == 0.0) {
                continue;
            }
            for &(b, sign) in &feats {
                let row = &mut model.weights[b * HEADS..b * HEADS + HEADS];
                for (w, g) in row.iter_mut().zip(grad) {
                    *w -= lr * g * sign * scale;
                }
            }
        }
    }
    model.thresholds = model.cutpoints;
    model
}

/// Minimum validation rows with a known label for a head to be calibrated on data rather than left at its learned
/// cut-points.
pub const MIN_CALIBRATION_SUPPORT: usize = 30;

/// Per-level weights `sqrt(mean count / count)`, clamped to 0.1..=10: rare severities weigh more, without letting a
/// handful of rows dominate. `counts[l]` is the (weighted) number of rows with gold level `l`.
pub fn level_weights(counts: &[f64; 8]) -> [f32; 8] {
    let present = counts.iter().filter(|c| **c > 0.0).count().max(1) as f64;
    let mean = counts.iter().sum::<f64>() / present;
    counts.map(|c| if c > 0.0 { (mean / c).sqrt().clamp(0.1, 10.0) as f32 } else { 1.0 })
}

/// Lowest allowed τ₁: a raw score of 0 means "no evidence either way" (no features, or none the model knows), and
/// must decode to severity 0. Without this floor, calibration exploits a shortcut of the training data (public
/// corpora are tweets, the harmful policy rows are not) and flags any non-tweet text.
pub const MIN_THRESHOLD: f32 = 0.5;
/// Smallest distance between consecutive thresholds, so that every severity level stays reachable.
pub const MIN_GAP: f32 = 0.1;

/// Share of the calibration mass given to gold-safe rows (severity 0–1). The public corpora were collected by
/// searching for hateful keywords, so 70 % of their Hate rows are ≥ 2; real traffic is mostly benign. Calibrating
/// on the corpus base rate would put the thresholds far too low for it.
pub const SAFE_PRIOR: f64 = 0.75;

/// Per-level calibration weights: levels within the safe (0–1) and the harmful (2–7) group are balanced with
/// [`level_weights`], then each group is scaled to its prior share ([`SAFE_PRIOR`] and `1 − SAFE_PRIOR`).
pub fn calibration_weights(counts: &[f64; 8]) -> [f32; 8] {
    let mut w = [0.0f32; 8];
    for (range, share) in [(0..2, SAFE_PRIOR), (2..8, 1.0 - SAFE_PRIOR)] {
        let mut group = [0.0f64; 8];
        group[range.clone()].copy_from_slice(&counts[range.clone()]);
        let lw = level_weights(&group);
        let mass: f64 = range.clone().map(|l| counts[l] * lw[l] as f64).sum();
        for l in range {
            w[l] = if mass > 0.0 { (lw[l] as f64 * share / mass) as f32 } else { 0.0 };
        }
    }
    w
}

/// Largest share of everyday benign calibration texts allowed to decode to severity ≥ 2 in a head.
pub const EVERYDAY_MAX_FP2: f64 = 0.01;
/// Margin (raw score) added to the everyday floors of τ₂ and τ₄. The calibration band holds a few dozen templates;
/// new everyday phrasings score higher than those (template shift), so the bound keeps a safety margin.
pub const EVERYDAY_MARGIN: f32 = 0.5;

/// Lower bounds `(τ₂, τ₄)` implied by the raw scores of everyday benign texts (see [`calibrate`]); `(−∞, −∞)`
/// without any.
pub fn everyday_floors(scores: impl Iterator<Item = f32>) -> (f32, f32) {
    let mut v: Vec<f32> = scores.collect();
    if v.is_empty() {
        return (f32::NEG_INFINITY, f32::NEG_INFINITY);
    }
    v.sort_by(f32::total_cmp);
    let allowed = (v.len() as f64 * EVERYDAY_MAX_FP2).floor() as usize;
    // strictly above the highest score that is not allowed to reach 2
    let t2 = v[v.len() - 1 - allowed];
    let t2 = t2 + EVERYDAY_MARGIN;
    let t4 = v[v.len() - 1] + EVERYDAY_MARGIN;
    (t2, t4)
}

/// Largest share of gold-safe (severity 0) validation rows of any source allowed at severity ≥ 4 in a head.
pub const SAFE_MAX_FP4: f64 = 0.005;

/// Lower bound on τ₄ so that at most [`SAFE_MAX_FP4`] of the given gold-safe scores reach severity 4; −∞ without
/// any. (No such bound is put on τ₂: the public corpora's "safe" rows are noisy tweets, and a 2 % bound at ≥ 2 on
/// them halved Hate recall; the everyday bound covers ≥ 2.)
pub fn safe_floor4(scores: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = scores.collect();
    if v.is_empty() {
        return f32::NEG_INFINITY;
    }
    v.sort_by(f32::total_cmp);
    let allowed = ((v.len() as f64 * SAFE_MAX_FP4).floor() as usize).min(v.len() - 1);
    let x = v[v.len() - 1 - allowed];
    x + 1e-4 * (1.0 + x.abs())
}

/// Calibrates `model.thresholds` on validation `(raw scores, labels)`.
///
/// Per head, the seven thresholds are chosen jointly to minimize the weighted mean absolute error between decoded
/// severity and gold severity (row weight × [`calibration_weights`]: a fixed safe/harmful prior, levels balanced
/// within each group). Coordinate descent from the learned cut-points: three sweeps over k = 1..=7, each
/// trying 256 score quantiles for τₖ (neighbours are pushed aside to keep the order). Heads with fewer than
/// [`MIN_CALIBRATION_SUPPORT`] known rows keep their cut-points. Returns, per head and level, whether the
/// threshold comes from this calibration.
///
/// `everyday` holds the raw scores of everyday benign validation texts (greetings, plans, small talk: no category
/// applies). They add two hard constraints per head, applied on top of the MAE objective: at most
/// [`EVERYDAY_MAX_FP2`] of them may decode to severity ≥ 2 (τ₂ above their upper quantile), and none may reach ≥ 4
/// (τ₄ above the highest of them); both bounds keep a margin of [`EVERYDAY_MARGIN`]. This is a Neyman–Pearson-style choice: Azure's
/// recommended threshold is 4, and an everyday sentence at 4 is a serious error, so the false-positive rate on
/// everyday text is fixed first and recall is maximized under it.
pub fn calibrate(
    model: &mut LinearModel,
    scored: &[([f32; 4], [i8; 4], f32)],
    everyday: &[[f32; 4]],
) -> [[bool; LEVELS]; HEADS] {
    let (thresholds, calibrated) = calibrate_thresholds(&model.cutpoints, MIN_THRESHOLD, scored, everyday, &[]);
    model.thresholds = thresholds;
    calibrated
}

/// Largest share of benign look-alike calibration texts (medical, news, fiction, education, counter-speech,
/// quoting, recovery talk) allowed at severity ≥ 2 in one head, so that the share flagged in any of the four
/// categories stays under the 5 % target.
pub const LOOKALIKE_MAX_FP2: f64 = 0.005;

/// Lower bound on τ₂ so that at most `rate` of `scores` reach severity 2; −∞ without any.
pub fn fp_floor(scores: impl Iterator<Item = f32>, rate: f64) -> f32 {
    let mut v: Vec<f32> = scores.collect();
    if v.is_empty() {
        return f32::NEG_INFINITY;
    }
    v.sort_by(f32::total_cmp);
    let allowed = ((v.len() as f64 * rate).floor() as usize).min(v.len() - 1);
    let x = v[v.len() - 1 - allowed];
    x + 1e-4 * (1.0 + x.abs())
}

/// [`calibrate`] for any score: starts from `start` (per head), keeps τ₁ ≥ `min_t`, and returns the thresholds
/// (heads without enough support keep `start`) and which heads were calibrated. `lookalike` holds the scores of
/// benign look-alike calibration texts: at most [`LOOKALIKE_MAX_FP2`] of them may reach severity 2 in a head.
pub fn calibrate_thresholds(
    start: &[[f32; LEVELS]; HEADS],
    min_t: f32,
    scored: &[([f32; 4], [i8; 4], f32)],
    everyday: &[[f32; 4]],
    lookalike: &[[f32; 4]],
) -> ([[f32; LEVELS]; HEADS], [[bool; LEVELS]; HEADS]) {
    let mut calibrated = [[false; LEVELS]; HEADS];
    let mut out = *start;
    for h in 0..HEADS {
        let (min_t2, min_t4) = everyday_floors(everyday.iter().map(|s| s[h]));
        let min_t2 = min_t2.max(fp_floor(lookalike.iter().map(|s| s[h]), LOOKALIKE_MAX_FP2));
        let pts: Vec<(f32, usize, f32)> =
            scored.iter().filter(|(_, l, _)| l[h] >= 0).map(|(s, l, w)| (s[h], l[h] as usize, *w)).collect();
        let mut counts = [0.0f64; 8];
        for p in &pts {
            counts[p.1] += p.2 as f64;
        }
        let safe = counts[0] + counts[1];
        let harmful: f64 = counts[2..].iter().sum();
        if pts.len() < MIN_CALIBRATION_SUPPORT || safe == 0.0 || harmful == 0.0 {
            continue;
        }
        // Gold-safe validation rows of every source (public safe rows, policy look-alikes, everyday text) bound the
        // false-positive rate at ≥ 4 as well, so that a head whose positives separate easily on validation does not
        // get τ₄ squeezed against τ₁.
        let min_t4 = min_t4.max(safe_floor4(pts.iter().filter(|p| p.1 == 0).map(|p| p.0)));
        let weights = calibration_weights(&counts);
        let mut sorted: Vec<f32> = pts.iter().map(|p| p.0).collect();
        sorted.sort_by(f32::total_cmp);
        let cost = |t: &[f32; LEVELS]| -> f64 {
            pts.iter()
                .map(|&(s, g, w)| {
                    let pred = t.iter().filter(|&&x| x <= s).count();
                    (w * weights[g]) as f64 * (pred as f64 - g as f64).abs()
                })
                .sum()
        };
        let mut t = start[h];
        for k in 0..LEVELS {
            let mut floor = if k == 0 { min_t } else { t[k - 1] + MIN_GAP };
            if k == 1 {
                floor = floor.max(min_t2);
            }
            if k == 3 {
                floor = floor.max(min_t4);
            }
            t[k] = t[k].max(floor);
        }
        let mut best = cost(&t);
        for _sweep in 0..3 {
            for k in 0..LEVELS {
                let step = (sorted.len() / 256).max(1);
                for &c in sorted.iter().step_by(step) {
                    // move threshold k to c and push the others aside so the order holds
                    let mut trial = t;
                    for (j, x) in trial.iter_mut().enumerate() {
                        let gap = (j as f32 - k as f32) * MIN_GAP;
                        *x = match j.cmp(&k) {
                            std::cmp::Ordering::Less => x.min(c + gap),
                            std::cmp::Ordering::Equal => c,
                            std::cmp::Ordering::Greater => x.max(c + gap),
                        };
                    }
                    if trial[0] < min_t || trial[1] < min_t2 || trial[3] < min_t4 {
                        continue;
                    }
                    let v = cost(&trial);
                    if v < best {
                        best = v;
                        t = trial;
                    }
                }
            }
        }
        out[h] = t;
        calibrated[h] = [true; LEVELS];
    }
    (out, calibrated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use custos_engine::text::features::normalize;

    fn tiny() -> Vec<Row> {
        let mk = |t: &str, l: [i8; 4]| Row { normalized: normalize(t), labels: l, weights: [1.0; 4] };
        let mut rows = Vec::new();
        for i in 0..20 {
            rows.push(mk(&format!("have a lovely day number {i}"), [0, 0, 0, 0]));
            rows.push(mk(&format!("i will hurt you badly {i}"), [-1, -1, -1, 5]));
            rows.push(mk(&format!("the weather is nice today {i}"), [0, 0, 0, 0]));
            rows.push(mk(&format!("you people are vermin {i}"), [5, -1, -1, -1]));
        }
        rows
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let cfg = TrainConfig { log2_buckets: 12, epochs: 5, ..TrainConfig::default() };
        let a = train(&tiny(), &cfg);
        let b = train(&tiny(), &cfg);
        assert_eq!(a.to_bytes(), b.to_bytes());
        let threat = a.raw_scores(&normalize("i will hurt you badly")).0;
        let nice = a.raw_scores(&normalize("have a lovely day")).0;
        assert!(threat[3] > nice[3] + 0.5, "{threat:?} vs {nice:?}");
        let other = train(&tiny(), &TrainConfig { seed: 7, ..cfg });
        assert_ne!(a.to_bytes(), other.to_bytes(), "the seed must matter");
    }

    #[test]
    fn everyday_constraints_bound_false_positives() {
        let (t2, t4) = everyday_floors([0.0f32, 0.1, 0.2, 3.0].into_iter());
        assert!(t2 > 3.0 && t4 > 3.0, "4 rows allow no false positive: {t2} {t4}");
        let many: Vec<f32> = (0..200).map(|i| i as f32 / 100.0).collect();
        let (t2, t4) = everyday_floors(many.iter().copied());
        let fp2 = many.iter().filter(|&&s| s >= t2).count();
        assert!(fp2 as f64 <= 200.0 * EVERYDAY_MAX_FP2, "{fp2}");
        assert!(t4 > 1.99 + EVERYDAY_MARGIN - 1e-3);
        // calibration honours the bounds even when the MAE optimum would put τ₂/τ₄ lower
        let mut m = LinearModel::zeros(10);
        let mut scored = Vec::new();
        for i in 0..100 {
            let y = (i % 8) as i8;
            scored.push(([y as f32, 0.0, 0.0, 0.0], [y, -1, -1, -1], 1.0));
        }
        let everyday = vec![[2.5f32, 0.0, 0.0, 0.0]; 50];
        calibrate(&mut m, &scored, &everyday);
        assert!(m.thresholds[0][1] > 2.5 + EVERYDAY_MARGIN - 1e-3, "{:?}", m.thresholds[0]);
        assert!(m.thresholds[0][3] >= 2.5 + EVERYDAY_MARGIN - 1e-3, "{:?}", m.thresholds[0]);
        assert_eq!(m.severity(0, 2.5), 1);
    }

    #[test]
    fn calibration_is_ascending_and_separates() {
        let mut m = LinearModel::zeros(10);
        let mut scored = Vec::new();
        for i in 0..100 {
            let y = (i % 8) as i8;
            scored.push(([y as f32, 0.0, 0.0, 0.0], [y, -1, -1, -1], 1.0));
        }
        let cal = calibrate(&mut m, &scored, &[]);
        assert!(cal[0].iter().all(|c| *c));
        assert!(!cal[1][0], "a head without labels keeps its cut-points");
        for k in 0..LEVELS {
            assert_eq!(m.severity(0, k as f32 + 1.0), k as u8 + 1, "{:?}", m.thresholds[0]);
        }
        assert!(m.thresholds[0].windows(2).all(|w| w[0] <= w[1]));
    }
}
