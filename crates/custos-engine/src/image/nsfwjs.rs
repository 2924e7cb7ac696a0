//! nsfwjs (Infinite Red, MIT; npm `nsfwjs` 4.4.0) MobileNetV2 through ONNX Runtime: the second `Sexual` member.
//!
//! The ONNX file is converted from the package's tfjs Layers model by `scripts/build-nsfwjs.sh`
//! (`scripts/encoder/build_nsfwjs.py`: Keras MobileNetV2 + a 256-128-5 head, uint8-quantized weights dequantized
//! exactly as tfjs does, batch norms folded). Output: softmax probabilities over [`CLASSES`].
//!
//! Preprocessing is nsfwjs' own `infer()` (`dist/cjs/core.js`), reproduced to the float:
//! 1. the RGB pixels as float32 divided by 255 (tfjs divides in double precision and stores float32);
//! 2. unless the image is already 224 × 224, `tf.image.resizeBilinear(x, [224, 224], alignCorners = true)` on
//!    those floats: tfjs' CPU kernel maps output row `r` to source row `r · (H − 1) / 223` (no half-pixel
//!    centres, no antialiasing: a large image is sampled at 224 × 224 points, as nsfwjs does), interpolates in
//!    double precision from the four neighbours and stores float32;
//! 3. NHWC float32 `[1, 224, 224, 3]`, no mean subtraction.
//!
//! In a browser nsfwjs gets its pixels from `tf.browser.fromPixels`, which drops alpha; here the image arrives from
//! [`decode`](fn@super::decode) with alpha composited over white and EXIF orientation applied, the same picture
//! open_nsfw sees. Checked against the real package (`@tensorflow/tfjs` 4.22.0, CPU backend):
//! `crates/custos-engine/tests/image_nsfwjs.rs`.

use super::runtime::{vendor_dir, SessionPool};
use crate::EngineError;
use image::RgbImage;
use std::path::Path;

/// File name of the model inside `model_dir/vendor/` (written by `scripts/build-nsfwjs.sh`).
pub const MODEL_FILE: &str = "nsfwjs-mobilenet-v2.onnx";

/// The model's classes, in output order (nsfwjs' `NSFW_CLASSES`).
pub const CLASSES: [&str; 5] = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"];
/// Indexes into [`CLASSES`].
pub const DRAWING: usize = 0;
/// Drawn or animated pornography.
pub const HENTAI: usize = 1;
/// Safe for work, not a drawing.
pub const NEUTRAL: usize = 2;
/// Pornography.
pub const PORN: usize = 3;
/// Sexually suggestive but not pornographic.
pub const SEXY: usize = 4;

/// Input side of the model.
pub const SIZE: usize = 224;

/// A pool of nsfwjs sessions.
pub(crate) struct NsfwJs {
    pool: SessionPool,
}

impl NsfwJs {
    pub(crate) fn load(model_dir: &Path, threads: usize, pool: usize) -> Result<NsfwJs, EngineError> {
        let path = vendor_dir(model_dir).join(MODEL_FILE);
        if !path.is_file() {
            return Err(EngineError::model_file(&path, "missing; run scripts/build-nsfwjs.sh (or make models)"));
        }
        Ok(NsfwJs { pool: SessionPool::load(model_dir, MODEL_FILE, threads, pool)? })
    }

    /// The class probabilities of `rgb`, in [`CLASSES`] order.
    pub(crate) fn probabilities(&self, rgb: &RgbImage) -> Result<[f32; 5], EngineError> {
        let input = preprocess(rgb);
        self.pool.run("nsfwjs", ([1usize, SIZE, SIZE, 3], input), |_, probs| match <[f32; 5]>::try_from(probs) {
            Ok(p) if p.iter().all(|v| v.is_finite()) => Ok(p.map(|v| v.clamp(0.0, 1.0))),
            _ => Err(EngineError::Runtime(format!("nsfwjs returned {} values, expected 5", probs.len()))),
        })
    }
}

/// nsfwjs' preprocessing: RGB / 255 as float32, tfjs' align-corners bilinear resize to 224 × 224, NHWC.
pub(crate) fn preprocess(rgb: &RgbImage) -> Vec<f32> {
    let (w, h) = (rgb.width() as usize, rgb.height() as usize);
    let raw = rgb.as_raw();
    // tfjs: `img.toFloat().div(255)`; the division happens in double precision and is stored as float32.
    let scaled: [f64; 256] = std::array::from_fn(|q| f64::from((q as f64 / 255.0) as f32));
    let value = |i: usize| -> f64 { scaled[usize::from(raw[i])] };
    let mut out = Vec::with_capacity(SIZE * SIZE * 3);
    if (w, h) == (SIZE, SIZE) {
        out.extend((0..raw.len()).map(|i| value(i) as f32));
        return out;
    }
    let rows = axis(h);
    let cols = axis(w);
    for &(r0, r1, fr) in &rows {
        for &(c0, c1, fc) in &cols {
            for d in 0..3 {
                let tl = value((r0 * w + c0) * 3 + d);
                let tr = value((r0 * w + c1) * 3 + d);
                let bl = value((r1 * w + c0) * 3 + d);
                let br = value((r1 * w + c1) * 3 + d);
                // The same expression, in the same order, as tfjs-backend-cpu's resizeBilinear.
                let top = tl + (tr - tl) * fc;
                let bottom = bl + (br - bl) * fc;
                out.push((top + (bottom - top) * fr) as f32);
            }
        }
    }
    out
}

/// For each of the 224 output positions along an axis of `n` source pixels: the two source indexes and the
/// fraction between them, as tfjs computes them with `alignCorners = true` and `halfPixelCenters = false`.
fn axis(n: usize) -> Vec<(usize, usize, f64)> {
    let ratio = (n as f64 - 1.0) / (SIZE as f64 - 1.0);
    (0..SIZE)
        .map(|i| {
            let src = ratio * i as f64;
            let lo = src.floor().max(0.0);
            let hi = src.ceil().min(n as f64 - 1.0);
            (lo as usize, hi as usize, src - lo)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    #[test]
    fn a_224_image_is_only_scaled() {
        let img = RgbImage::from_fn(224, 224, |x, y| Rgb([x as u8, y as u8, 255]));
        let t = preprocess(&img);
        assert_eq!(t.len(), SIZE * SIZE * 3);
        assert_eq!(&t[..3], &[0.0, 0.0, 1.0]);
        let last = &t[t.len() - 3..];
        assert_eq!(last, &[223.0 / 255.0, 223.0 / 255.0, 1.0]);
    }

    #[test]
    fn align_corners_keeps_the_corner_pixels_and_interpolates_between() {
        // 448 wide: output column c reads source 447 c / 223, so the corners are exact and column 1 sits at ~2.0045.
        let img = RgbImage::from_fn(448, 100, |x, y| Rgb([(x % 256) as u8, (y * 2) as u8, 7]));
        let t = preprocess(&img);
        let px = |r: usize, c: usize| &t[(r * SIZE + c) * 3..(r * SIZE + c) * 3 + 3];
        assert_eq!(px(0, 0), &[0.0, 0.0, (7.0f64 / 255.0) as f32]);
        assert_eq!(px(SIZE - 1, SIZE - 1)[0], ((191.0f64 / 255.0) as f32));
        assert_eq!(px(SIZE - 1, SIZE - 1)[1], ((198.0f64 / 255.0) as f32));
        let c1 = px(0, 1)[0] * 255.0;
        assert!((c1 - 2.0045).abs() < 1e-3, "{c1}");
        // Flat input stays flat.
        let flat = preprocess(&RgbImage::from_pixel(300, 57, Rgb([160, 128, 128])));
        assert!(flat.chunks(3).all(|p| p == [(160.0f64 / 255.0) as f32, (128.0f64 / 255.0) as f32, p[2]]));
    }
}
