//! All-threshold ordinal logistic regression on dense features: the embedding heads (384 inputs) and the combiner
//! (a handful of inputs) of the text ensemble.
//!
//! Model: `P(y ≥ k) = σ(w · x − θₖ)`, k = 1..=7. Loss per row: `(1/7) Σₖ BCE(σ(w·x − θₖ), [y ≥ k])`, weighted by the
//! row weight × the level weight of its gold severity ([`crate::train::level_weights`]), plus `l2/2 · |w|²`.
//! Plain SGD, fixed seed and order, single thread: the same inputs give bit-identical parameters.

use crate::train::{level_weights, SplitMix};
use custos_engine::text::ensemble::HiddenLayer;
use custos_engine::text::linear::LEVELS;

/// Settings.
#[derive(Debug, Clone, Copy)]
pub struct OrdinalConfig {
    /// Passes over the rows.
    pub epochs: usize,
    /// Initial learning rate (decays linearly to 10 %).
    pub lr: f32,
    /// L2 penalty on `w`.
    pub l2: f32,
    /// Shuffle seed.
    pub seed: u64,
}

/// A fitted model.
#[derive(Debug, Clone, PartialEq)]
pub struct Ordinal {
    /// Weights.
    pub w: Vec<f32>,
    /// Cut-points θ₁..θ₇ (ascending).
    pub cut: [f32; LEVELS],
}

impl Ordinal {
    /// `w · x`.
    pub fn score(&self, x: &[f32]) -> f32 {
        self.w.iter().zip(x).map(|(a, b)| a * b).sum()
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The level weights of the known rows ([`level_weights`] of their weighted counts).
fn row_level_weights(y: &[i8], weight: &[f32]) -> [f32; 8] {
    let mut counts = [0.0f64; 8];
    for (&l, &w) in y.iter().zip(weight) {
        if l >= 0 {
            counts[l as usize] += w as f64;
        }
    }
    level_weights(&counts)
}

/// One SGD step of the cut-points for a row with score `s`, gold level `y` and loss weight `w`; keeps them
/// ascending and returns the loss gradient with respect to `s`.
fn cut_step(cut: &mut [f32; LEVELS], s: f32, y: i8, w: f32, lr: f32) -> f32 {
    let mut g = 0.0;
    for k in 0..LEVELS {
        let target = if y as usize > k { 1.0 } else { 0.0 };
        let d = sigmoid(s - cut[k]) - target;
        g += d;
        cut[k] += lr * w * d / LEVELS as f32;
    }
    for k in 1..LEVELS {
        let lo = cut[k - 1] + 0.01;
        if cut[k] < lo {
            cut[k] = lo;
        }
    }
    g / LEVELS as f32 * w
}

/// Fits one model. `x` holds `rows × dim` features row-major; `y` the gold severity per row (negative = unknown,
/// skipped); `weight` the loss weight per row.
pub fn fit(x: &[f32], dim: usize, y: &[i8], weight: &[f32], cfg: &OrdinalConfig) -> Ordinal {
    assert_eq!(x.len(), y.len() * dim);
    let lw = row_level_weights(y, weight);
    let mut model = Ordinal { w: vec![0.0; dim], cut: std::array::from_fn(|k| k as f32 * 0.5 + 0.5) };
    let mut order: Vec<usize> = (0..y.len()).filter(|&i| y[i] >= 0 && weight[i] > 0.0).collect();
    if order.is_empty() {
        return model;
    }
    let mut rng = SplitMix::new(cfg.seed);
    let total = (cfg.epochs * order.len()).max(1) as f32;
    let mut step = 0usize;
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let lr = cfg.lr * (1.0 - 0.9 * step as f32 / total);
            step += 1;
            let row = &x[i * dim..(i + 1) * dim];
            let s = model.score(row);
            let g = cut_step(&mut model.cut, s, y[i], weight[i] * lw[y[i] as usize], lr);
            for (wj, xj) in model.w.iter_mut().zip(row) {
                *wj -= lr * (g * xj + cfg.l2 * *wj);
            }
        }
    }
    model
}

/// [`fit`] with a ReLU hidden layer beside the linear term: `s = w · x + w₂ · relu(W₁ x + b₁)`, same loss, plain
/// SGD (backpropagation), L2 on `w` and `W₁`. `W₁` starts from seeded uniform noise of the given scale
/// (`±init/√dim·√3`, so a unit-norm input gives pre-activations of about `init` standard deviation), `w₂` from
/// zero-mean noise, so the start is close to the linear model. Deterministic like [`fit`].
pub fn fit_hidden(
    x: &[f32],
    dim: usize,
    y: &[i8],
    weight: &[f32],
    hidden: usize,
    cfg: &OrdinalConfig,
) -> (Ordinal, HiddenLayer) {
    assert_eq!(x.len(), y.len() * dim);
    let lw = row_level_weights(y, weight);
    let mut rng = SplitMix::new(cfg.seed ^ 0x6869_6464_656e);
    let mut uniform = |scale: f32| ((rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale;
    let a = (3.0f32).sqrt() * (dim as f32).sqrt();
    let mut layer = HiddenLayer {
        w1: (0..hidden * dim).map(|_| uniform(a / dim as f32)).collect(),
        b1: vec![0.0; hidden],
        w2: (0..hidden).map(|_| uniform(0.1)).collect(),
    };
    let mut model = Ordinal { w: vec![0.0; dim], cut: std::array::from_fn(|k| k as f32 * 0.5 + 0.5) };
    let mut order: Vec<usize> = (0..y.len()).filter(|&i| y[i] >= 0 && weight[i] > 0.0).collect();
    if order.is_empty() {
        return (model, layer);
    }
    let mut rng = SplitMix::new(cfg.seed);
    let total = (cfg.epochs * order.len()).max(1) as f32;
    let mut step = 0usize;
    let mut act = vec![0.0f32; hidden];
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let lr = cfg.lr * (1.0 - 0.9 * step as f32 / total);
            step += 1;
            let row = &x[i * dim..(i + 1) * dim];
            let mut s = model.score(row);
            for j in 0..hidden {
                let pre = layer.b1[j] + dot(&layer.w1[j * dim..(j + 1) * dim], row);
                act[j] = pre.max(0.0);
                s += layer.w2[j] * act[j];
            }
            let g = cut_step(&mut model.cut, s, y[i], weight[i] * lw[y[i] as usize], lr);
            for j in 0..hidden {
                if act[j] > 0.0 {
                    let gp = g * layer.w2[j];
                    layer.b1[j] -= lr * gp;
                    for (wj, xj) in layer.w1[j * dim..(j + 1) * dim].iter_mut().zip(row) {
                        *wj -= lr * (gp * xj + cfg.l2 * *wj);
                    }
                }
                layer.w2[j] -= lr * g * act[j];
            }
            for (wj, xj) in model.w.iter_mut().zip(row) {
                *wj -= lr * (g * xj + cfg.l2 * *wj);
            }
        }
    }
    (model, layer)
}

/// `bags` [`fit_hidden`] runs that differ only in their seed, averaged into one model: the linear weights are
/// averaged and the hidden units put side by side with `w₂ / bags` (so the layer is `bags × hidden` wide and scores
/// exactly the mean of the runs). One run's answers on texts unlike its training rows swing with the seed; the
/// mean is steadier.
pub fn fit_hidden_bagged(
    x: &[f32],
    dim: usize,
    y: &[i8],
    weight: &[f32],
    hidden: usize,
    bags: usize,
    cfg: &OrdinalConfig,
) -> (Vec<f32>, HiddenLayer) {
    let mut w = vec![0.0f32; dim];
    let mut layer = HiddenLayer { w1: Vec::new(), b1: Vec::new(), w2: Vec::new() };
    for k in 0..bags.max(1) {
        let seed = cfg.seed.wrapping_add(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(k as u64));
        let (lin, part) = fit_hidden(x, dim, y, weight, hidden, &OrdinalConfig { seed, ..*cfg });
        for (a, b) in w.iter_mut().zip(&lin.w) {
            *a += b / bags.max(1) as f32;
        }
        layer.w1.extend_from_slice(&part.w1);
        layer.b1.extend_from_slice(&part.b1);
        layer.w2.extend(part.w2.iter().map(|v| v / bags.max(1) as f32));
    }
    (w, layer)
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Full-batch fit with Adam for small inputs (the combiner): the same loss as [`fit`], but every step sees every row,
/// so the result is the (regularized) optimum rather than where SGD stopped. Inputs are standardized internally
/// (mean 0, variance 1 per column) and the weights mapped back, so badly scaled inputs converge too.
pub fn fit_full_batch(x: &[f32], dim: usize, y: &[i8], weight: &[f32], steps: usize, l2: f32) -> Ordinal {
    assert_eq!(x.len(), y.len() * dim);
    let rows: Vec<usize> = (0..y.len()).filter(|&i| y[i] >= 0 && weight[i] > 0.0).collect();
    let mut counts = [0.0f64; 8];
    for &i in &rows {
        counts[y[i] as usize] += weight[i] as f64;
    }
    let lw = level_weights(&counts);
    let rw: Vec<f64> = rows.iter().map(|&i| (weight[i] * lw[y[i] as usize]) as f64).collect();
    let total: f64 = rw.iter().sum::<f64>().max(1e-12);
    // standardize
    let (mut mean, mut sd) = (vec![0.0f64; dim], vec![0.0f64; dim]);
    for &i in &rows {
        for j in 0..dim {
            mean[j] += x[i * dim + j] as f64;
        }
    }
    let n = rows.len().max(1) as f64;
    mean.iter_mut().for_each(|m| *m /= n);
    for &i in &rows {
        for j in 0..dim {
            sd[j] += (x[i * dim + j] as f64 - mean[j]).powi(2);
        }
    }
    sd.iter_mut().for_each(|s| *s = (*s / n).sqrt().max(1e-6));
    let xs: Vec<f64> = rows.iter().flat_map(|&i| (0..dim).map(move |j| (i, j))).map(|(i, j)| (x[i * dim + j] as f64 - mean[j]) / sd[j]).collect();
    // parameters: w (dim), cut (7)
    let np = dim + LEVELS;
    let mut p = vec![0.0f64; np];
    for k in 0..LEVELS {
        p[dim + k] = (k as f64 - 3.0) * 0.5;
    }
    let (mut m1, mut m2) = (vec![0.0f64; np], vec![0.0f64; np]);
    let (b1, b2, lr, eps) = (0.9f64, 0.999f64, 0.05f64, 1e-8f64);
    for t in 1..=steps {
        let mut g = vec![0.0f64; np];
        for (r, &i) in rows.iter().enumerate() {
            let row = &xs[r * dim..(r + 1) * dim];
            let s: f64 = row.iter().zip(&p[..dim]).map(|(a, b)| a * b).sum();
            let mut gs = 0.0;
            for k in 0..LEVELS {
                let target = if y[i] as usize > k { 1.0 } else { 0.0 };
                let d = (1.0 / (1.0 + (-(s - p[dim + k])).exp()) - target) * rw[r] / LEVELS as f64;
                gs += d;
                g[dim + k] -= d;
            }
            for j in 0..dim {
                g[j] += gs * row[j];
            }
        }
        for j in 0..np {
            g[j] /= total;
            if j < dim {
                g[j] += l2 as f64 * p[j];
            }
            m1[j] = b1 * m1[j] + (1.0 - b1) * g[j];
            m2[j] = b2 * m2[j] + (1.0 - b2) * g[j] * g[j];
            let mh = m1[j] / (1.0 - b1.powi(t as i32));
            let vh = m2[j] / (1.0 - b2.powi(t as i32));
            p[j] -= lr * mh / (vh.sqrt() + eps);
        }
        for k in 1..LEVELS {
            if p[dim + k] < p[dim + k - 1] + 0.01 {
                p[dim + k] = p[dim + k - 1] + 0.01;
            }
        }
    }
    // map back: s = Σ w_j (x_j − μ_j)/σ_j = Σ (w_j/σ_j) x_j − Σ w_j μ_j/σ_j; the constant moves into the cut-points.
    let w: Vec<f32> = (0..dim).map(|j| (p[j] / sd[j]) as f32).collect();
    let shift: f64 = (0..dim).map(|j| p[j] * mean[j] / sd[j]).sum();
    let cut = std::array::from_fn(|k| (p[dim + k] + shift) as f32);
    Ordinal { w, cut }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_an_ordering_and_is_deterministic() {
        // y = round(3.5 · (x0 + 1)), x1 is noise
        let mut rng = SplitMix::new(3);
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for _ in 0..2000 {
            let a = (rng.next_u64() % 10_000) as f32 / 5_000.0 - 1.0;
            let b = (rng.next_u64() % 10_000) as f32 / 5_000.0 - 1.0;
            x.extend([a, b]);
            y.push((3.5 * (a + 1.0)).round() as i8);
        }
        let w = vec![1.0; y.len()];
        let cfg = OrdinalConfig { epochs: 20, lr: 0.5, l2: 0.0, seed: 1 };
        let m = fit(&x, 2, &y, &w, &cfg);
        assert!(m.w[0] > 4.0 * m.w[1].abs(), "{:?}", m.w);
        assert!(m.cut.windows(2).all(|c| c[0] < c[1]));
        assert_eq!(m, fit(&x, 2, &y, &w, &cfg));
        // unknown labels are ignored
        let mut y2 = y.clone();
        y2[0] = -1;
        assert_ne!(fit(&x, 2, &y2, &w, &cfg), m);
        // the full-batch fit finds the same direction, on any input scale
        let scaled: Vec<f32> = x.chunks(2).flat_map(|r| [r[0] * 100.0 + 7.0, r[1]]).collect();
        let fb = fit_full_batch(&scaled, 2, &y, &w, 400, 0.0);
        assert!(fb.w[0] * 100.0 > 4.0 * fb.w[1].abs(), "{:?}", fb.w);
        assert!(fb.cut.windows(2).all(|c| c[0] < c[1]));
        assert_eq!(fb, fit_full_batch(&scaled, 2, &y, &w, 400, 0.0));
    }

    #[test]
    fn the_hidden_layer_learns_an_interaction_a_linear_model_cannot() {
        // harmful (3) only when both features are on, like "names a group" and "is hostile"
        let mut rng = SplitMix::new(9);
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for _ in 0..4000 {
            let a = (rng.next_u64() % 2) as f32;
            let b = (rng.next_u64() % 2) as f32;
            x.extend([a, b, 1.0]);
            y.push(if a == 1.0 && b == 1.0 { 3 } else { 0 });
        }
        let w = vec![1.0; y.len()];
        let cfg = OrdinalConfig { epochs: 10, lr: 0.2, l2: 0.0, seed: 4 };
        let (lin, layer) = fit_hidden(&x, 3, &y, &w, 8, &cfg);
        let score = |r: &[f32]| lin.score(r) + layer.score(r);
        let sev = |r: &[f32]| lin.cut.iter().filter(|c| **c <= score(r)).count();
        assert_eq!(sev(&[1.0, 1.0, 1.0]), 3);
        for r in [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [0.0, 0.0, 1.0]] {
            assert_eq!(sev(&r), 0, "{r:?}");
        }
        assert_eq!(fit_hidden(&x, 3, &y, &w, 8, &cfg), (lin, layer));
        // bagged: the merged layer scores the mean of the runs
        let (bw, bag) = fit_hidden_bagged(&x, 3, &y, &w, 8, 3, &cfg);
        assert_eq!(bag.hidden(), 24);
        let runs: Vec<_> = (0..3u64)
            .map(|k| {
                let seed = cfg.seed.wrapping_add(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(k));
                fit_hidden(&x, 3, &y, &w, 8, &OrdinalConfig { seed, ..cfg })
            })
            .collect();
        let r = [1.0, 1.0, 1.0];
        let mean: f32 = runs.iter().map(|(l, h)| l.score(&r) + h.score(&r)).sum::<f32>() / 3.0;
        let bagged = bw.iter().zip(&r).map(|(a, b)| a * b).sum::<f32>() + bag.score(&r);
        assert!((mean - bagged).abs() < 1e-4, "{mean} vs {bagged}");
    }
}
