//! Text in images: PaddleOCR PP-OCRv4 detection + recognition (Apache-2.0; ONNX files from the
//! `rapidocr-onnxruntime` 1.4.4 wheel) through the process's one ONNX Runtime environment.
//!
//! # Models
//! The graphs rewritten by `scripts/build-ocr.sh` (`make models`), [`DET_FUSED_FILE`] and [`REC_FUSED_FILE`], are
//! loaded when present: the same weights and results (outputs within 2e-6 of the originals) with hard-swish as one
//! node and PP-LCNetV3's scalar affine blocks folded into convolutions, about a third faster. Without them the
//! fetched originals ([`DET_FILE`], [`REC_FILE`]) are used, with a warning.
//!
//! # Pipeline
//! 1. **Detection** (DB, "differentiable binarization"): the image is resized, keeping its aspect ratio, so that its
//!    long side is at most [`OcrLimits::det_max_side`] (960 px; never enlarged) and both sides are multiples of 32,
//!    then fed as BGR, `(v / 255 − 0.5) / 0.5`, NCHW. The model returns a text-probability map at that size.
//! 2. **Probe first**: a detector input over 320 px is first probed at 0.375 of its size (192 × 192 for 512 × 512,
//!    about a seventh of the full pass's work). When the probe finds nothing that could be text, detection ends
//!    there: an image without text costs one probe. Otherwise the full-resolution pass runs only over full-width
//!    bands around the probe's boxes (each box's rows plus 32 px and its own height above and below, on the
//!    32-pixel grid, touching bands merged; the rest of the map counts as no text), or over the whole input when the
//!    bands cover 60 % of it; if text touches a band's inner edge, one full pass replaces the bands. Measured on
//!    the eval set: the probe finds all its text, and still does with the text images scaled to 65 % on a 512 × 512
//!    page (text about 9 px high); at 50 % (6–7 px) it misses 3 of 18 images that a half-resolution probe found.
//! 3. **Post-processing** (ours, after PaddleOCR's `DBPostProcess`): threshold the map at 0.3, dilate 2 × 2,
//!    8-connected components (at most 1,000), and for each one its **axis-aligned** bounding box (PaddleOCR uses the
//!    minimum-area rotated rectangle; we accept that rotated lines get a looser box), dropped when the short side
//!    is below 3 px or the mean probability inside is below 0.5, then expanded ("unclipped") on every side by
//!    `area × 1.6 / perimeter`, scaled back to image coordinates and dropped when a side is ≤ 3 px. At most
//!    [`OcrLimits::max_boxes`] boxes are kept (the largest). When detection finds no box, recognition does not run.
//! 4. **Recognition** (SVTR-LCNet CTC, Chinese + English charset of 6,623 symbols, embedded in the model's
//!    metadata under `character`): each box is cropped from the image (a box at least 1.5 times taller than wide is
//!    rotated 90° counter-clockwise, for vertical text), resized to height 48 keeping the aspect ratio (width at most
//!    48 × [`OcrLimits::max_line_ratio`]) and padded to at least 320 px like the reference; one recogniser run per
//!    line (its cost grows with the width, so padding lines to a common width for a batch costs more than it saves).
//!    Greedy CTC decoding: argmax per time step, repeats merged, blanks dropped; a space is recovered in a gap
//!    between two characters where the space class was a strong runner-up, or a weak one in a gap wider than the
//!    line's usual character distance (the model often drops spaces in tight text, see [`ctc_decode`]); a line
//!    whose mean character confidence is below 0.5 is dropped.
//! 5. **Reading order**: boxes sorted top-to-bottom, then left-to-right among boxes whose tops are within 10 px
//!    (PaddleOCR's `sorted_boxes`); boxes on one row are joined with a space, rows with a newline; the text is cut
//!    at [`OcrLimits::max_chars`] characters (Azure's multimodal API reads at most 1,000).
//!
//! Not done: the 180° orientation classifier (upside-down text is not read), perspective crops of rotated
//! boxes, languages outside the charset (Latin letters without most accents, Chinese; no Cyrillic, Arabic,
//! Devanagari, kana or Hangul). Nothing here logs recognised text; [`RecognizedText`]'s `Debug` prints counts only.

use super::resample::resize_linear;
use super::runtime::SessionPool;
use crate::EngineError;
use image::{imageops, RgbImage};
use std::path::Path;

/// Detection model file inside `model_dir/vendor/`.
pub const DET_FILE: &str = "ch_PP-OCRv4_det_infer.onnx";
/// Recognition model file inside `model_dir/vendor/`.
pub const REC_FILE: &str = "ch_PP-OCRv4_rec_infer.onnx";
/// [`DET_FILE`] rewritten by `scripts/build-ocr.sh` (same results, faster); used when present.
pub const DET_FUSED_FILE: &str = "ch_PP-OCRv4_det_fused.onnx";
/// [`REC_FILE`] rewritten by `scripts/build-ocr.sh` (same results, faster); used when present.
pub const REC_FUSED_FILE: &str = "ch_PP-OCRv4_rec_fused.onnx";

/// Height of the recogniser's input.
const REC_HEIGHT: u32 = 48;
/// Narrowest recogniser input (the reference pads every line to at least 48 × 320).
const REC_MIN_WIDTH: u32 = 320;
/// Pixels above this probability are text.
const DET_THRESH: f32 = 0.3;
/// A component whose box has a lower mean probability is dropped.
const BOX_THRESH: f32 = 0.5;
/// Box expansion ratio (PaddleOCR's `unclip_ratio`).
const UNCLIP_RATIO: f32 = 1.6;
/// Components looked at, at most (PaddleOCR's `max_candidates`).
const MAX_CANDIDATES: usize = 1000;
/// Lines with a lower mean character confidence are dropped (rapidocr's `text_score`).
const TEXT_SCORE: f32 = 0.5;
/// Boxes whose tops are closer than this (in image pixels) are on one row.
const SAME_ROW_PX: i64 = 10;
/// Space probability on a blank step between two characters that makes them two words (see [`ctc_decode`]).
const GAP_SPACE_PROB: f32 = 0.15;
/// Space probability on a blank step that makes a gap wider than the line's usual character distance two words.
const GAP_SPACE_WEAK: f32 = 0.02;
/// Character pairs a line needs before its usual character distance is trusted.
const MIN_PAIRS_FOR_PITCH: usize = 4;
/// Detector inputs with a longer side than this are probed at a lower resolution first.
const PROBE_FROM: u32 = 320;
/// The probe's size relative to the detector input (192 × 192 for a 512 × 512 input).
const PROBE_SCALE: f32 = 0.375;
/// Rows added above and below each probe box's band, in detector pixels, besides the box's own height.
const BAND_MARGIN: u32 = 32;
/// Share of the detector input's height from which one full pass replaces the bands.
const BANDS_UP_TO: f32 = 0.6;

/// Bounds on the work done per image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OcrLimits {
    /// The detector sees the image scaled down (never up) to at most this long side, rounded to multiples of 32.
    pub det_max_side: u32,
    /// Text boxes recognised per image, at most (the largest are kept).
    pub max_boxes: usize,
    /// Characters of recognised text kept, in reading order.
    pub max_chars: usize,
    /// Widest line, as a multiple of its height; wider lines are squeezed to this ratio.
    pub max_line_ratio: f32,
    /// Probe at a lower resolution first: skip the full detection pass when the probe finds nothing, and run it
    /// only around what the probe found otherwise (see the module docs).
    pub probe: bool,
}

impl Default for OcrLimits {
    fn default() -> OcrLimits {
        OcrLimits { det_max_side: 960, max_boxes: 48, max_chars: 1000, max_line_ratio: 40.0, probe: true }
    }
}

/// One recognised line.
#[derive(Clone, PartialEq)]
pub struct TextLine {
    /// The text.
    pub text: String,
    /// Mean character confidence, 0..1.
    pub confidence: f32,
    /// Box in image pixels: left, top, right, bottom (exclusive).
    pub bbox: [u32; 4],
}

impl std::fmt::Debug for TextLine {
    /// Length, confidence and box only, never the text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextLine")
            .field("chars", &self.text.chars().count())
            .field("confidence", &self.confidence)
            .field("bbox", &self.bbox)
            .finish()
    }
}

/// The text found in one image, in reading order.
#[derive(Clone, Default, PartialEq)]
pub struct RecognizedText {
    /// The lines, in reading order.
    pub lines: Vec<TextLine>,
    /// The text as one string: lines on one row joined by a space, rows by a newline, cut at
    /// [`OcrLimits::max_chars`] characters.
    pub text: String,
    /// Whether OCR ran on this image (false when the model was loaded without OCR).
    pub ran: bool,
    /// Boxes the detector found (before the confidence filter); 0 means recognition did not run.
    pub boxes: usize,
    /// Whether the text was cut at the character limit or boxes beyond the box limit were skipped.
    pub truncated: bool,
}

impl RecognizedText {
    /// Whether any text was recognised.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl std::fmt::Debug for RecognizedText {
    /// Counts only, never the text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecognizedText")
            .field("ran", &self.ran)
            .field("boxes", &self.boxes)
            .field("lines", &self.lines.len())
            .field("chars", &self.text.chars().count())
            .field("truncated", &self.truncated)
            .finish()
    }
}

/// A detected box in image pixels: `[x0, y0, x1, y1)`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TextBox {
    x0: u32,
    y0: u32,
    x1: u32,
    y1: u32,
}

impl TextBox {
    fn width(&self) -> u32 {
        self.x1 - self.x0
    }
    fn height(&self) -> u32 {
        self.y1 - self.y0
    }
}

/// Where the time of one [`Ocr::recognize_profiled`] call went (benchmarks; never logged).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OcrProfile {
    /// The probe detection pass (resize, model, post-processing).
    pub probe: std::time::Duration,
    /// The full-resolution detection (resize, model runs, post-processing).
    pub detect: std::time::Duration,
    /// Cropping, resizing and recognising the lines, CTC decoding.
    pub recognize: std::time::Duration,
    /// Detector runs at full resolution (0 when the probe found nothing).
    pub det_runs: usize,
    /// Detector input pixels at full resolution, all runs together.
    pub det_pixels: usize,
    /// Recogniser runs.
    pub rec_runs: usize,
}

/// The loaded OCR models.
pub struct Ocr {
    det: SessionPool,
    rec: SessionPool,
    /// Index 0 is the CTC blank, the last entry a space, as in PaddleOCR's `CTCLabelDecode`.
    charset: Vec<String>,
    limits: OcrLimits,
}

impl Ocr {
    /// Loads the detector and the recogniser, `sessions` sessions of `threads` intra-op threads each.
    pub fn load(model_dir: &Path, threads: usize, sessions: usize, limits: OcrLimits) -> Result<Ocr, EngineError> {
        let vendor = super::runtime::vendor_dir(model_dir);
        let pick = |fused: &'static str, original: &'static str| {
            if vendor.join(fused).is_file() {
                fused
            } else {
                tracing::warn!(missing = fused, using = original, "faster OCR graph not built (run make models)");
                original
            }
        };
        let (det_file, rec_file) = (pick(DET_FUSED_FILE, DET_FILE), pick(REC_FUSED_FILE, REC_FILE));
        let det = SessionPool::load(model_dir, det_file, threads, sessions)?;
        let rec = SessionPool::load(model_dir, rec_file, threads, sessions)?;
        let rec_path = vendor.join(rec_file);
        let charset = {
            let session = rec.checkout();
            let meta = session
                .metadata()
                .map_err(|e| EngineError::model_file(&rec_path, format!("cannot read the model metadata: {e}")))?;
            let list = meta
                .custom("character")
                .ok_or_else(|| EngineError::model_file(&rec_path, "no `character` list in the model metadata"))?;
            let mut charset = Vec::with_capacity(6625);
            charset.push(String::new()); // CTC blank
            charset.extend(list.split('\n').map(|s| s.trim_end_matches('\r').to_owned()));
            charset.push(" ".to_owned());
            charset
        };
        Ok(Ocr { det, rec, charset, limits })
    }

    pub(crate) fn limits(&self) -> &OcrLimits {
        &self.limits
    }

    pub(crate) fn charset_len(&self) -> usize {
        self.charset.len()
    }

    /// Finds and reads the text in `rgb`.
    pub fn recognize(&self, rgb: &RgbImage) -> Result<RecognizedText, EngineError> {
        self.recognize_profiled(rgb, &mut OcrProfile::default())
    }

    /// [`Ocr::recognize`], recording where the time went in `profile`.
    pub fn recognize_profiled(&self, rgb: &RgbImage, profile: &mut OcrProfile) -> Result<RecognizedText, EngineError> {
        let (mut boxes, found) = self.detect(rgb, profile)?;
        let started = std::time::Instant::now();
        let mut out = RecognizedText { ran: true, boxes: found, ..RecognizedText::default() };
        if boxes.is_empty() {
            return Ok(out);
        }
        if boxes.len() > self.limits.max_boxes {
            boxes.sort_by_key(|b| std::cmp::Reverse(u64::from(b.width()) * u64::from(b.height())));
            boxes.truncate(self.limits.max_boxes);
            out.truncated = true;
        }
        let boxes = reading_order(boxes);
        let crops: Vec<RgbImage> = boxes.iter().map(|b| crop(rgb, b)).collect();
        let texts = self.read_lines(&crops, profile)?;
        let mut lines = Vec::new();
        for (b, (text, confidence)) in boxes.iter().zip(texts) {
            if confidence >= TEXT_SCORE && !text.trim().is_empty() {
                lines.push(TextLine { text, confidence, bbox: [b.x0, b.y0, b.x1, b.y1] });
            }
        }
        let (text, cut) = join_lines(&lines, self.limits.max_chars);
        out.truncated |= cut;
        out.text = text;
        out.lines = lines;
        profile.recognize += started.elapsed();
        Ok(out)
    }

    /// Runs the detector; returns the boxes in image coordinates and the number of components that passed the
    /// probability filter. Large detector inputs are preceded by a probe at a lower resolution; when the probe sees
    /// nothing that could be text, the full pass is skipped, otherwise it runs only over the probe's regions.
    fn detect(&self, rgb: &RgbImage, profile: &mut OcrProfile) -> Result<(Vec<TextBox>, usize), EngineError> {
        let (w, h) = rgb.dimensions();
        let (dw, dh) = det_size(w, h, self.limits.det_max_side);
        let mut regions = vec![Region { x0: 0, y0: 0, x1: dw, y1: dh }];
        if self.limits.probe && dw.max(dh) > PROBE_FROM {
            let started = std::time::Instant::now();
            let (pw, ph) = (round32((dw as f32 * PROBE_SCALE) as u32), round32((dh as f32 * PROBE_SCALE) as u32));
            let resized = resize_linear(rgb, pw, ph);
            let prob = self.probability_map(&resized, 0, 0, pw, ph)?;
            let found = boxes_from_map(&prob, pw as usize, ph as usize, PROBE);
            profile.probe += started.elapsed();
            if found.is_empty() {
                return Ok((Vec::new(), 0));
            }
            regions = probe_bands(&found, ph, dw, dh);
        }
        let started = std::time::Instant::now();
        let resized = resize_linear(rgb, dw, dh);
        // Windows are disjoint and on the 32-pixel grid; the map outside them stays 0 (no text).
        let mut prob = vec![0f32; (dw * dh) as usize];
        for r in &regions {
            let part = self.probability_map(&resized, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0)?;
            let rw = (r.x1 - r.x0) as usize;
            for (y, row) in part.chunks_exact(rw).enumerate() {
                let at = (r.y0 as usize + y) * dw as usize + r.x0 as usize;
                prob[at..at + rw].copy_from_slice(row);
            }
            profile.det_runs += 1;
            profile.det_pixels += part.len();
        }
        // Text running into a window's inner edge may go on outside it: one full pass instead.
        if regions.iter().any(|r| r.text_on_inner_edge(&prob, dw, dh)) {
            let part = self.probability_map(&resized, 0, 0, dw, dh)?;
            prob.copy_from_slice(&part);
            profile.det_runs += 1;
            profile.det_pixels += part.len();
        }
        drop(resized);
        let boxes = boxes_from_map(&prob, dw as usize, dh as usize, FULL);
        let found = boxes.len();
        let boxes = boxes.into_iter().filter_map(|b| b.to_image(dw, dh, w, h)).collect();
        profile.detect += started.elapsed();
        Ok((boxes, found))
    }

    /// The detector's text-probability map for the `cw × ch` window of `img` at (`cx`, `cy`).
    fn probability_map(&self, img: &RgbImage, cx: u32, cy: u32, cw: u32, ch: u32) -> Result<Vec<f32>, EngineError> {
        let input = chw_bgr_window(img, cx, cy, cw, ch);
        let expected = [1i64, 1, i64::from(ch), i64::from(cw)];
        self.det.run("text detector", ([1usize, 3, ch as usize, cw as usize], input), |shape, data| {
            if shape != expected {
                return Err(EngineError::Runtime(format!("the text detector returned shape {shape:?}")));
            }
            Ok(data.to_vec())
        })
    }

    /// Recognises each crop; returns (text, mean confidence) per crop, in the order given. One recogniser run per
    /// line, at the line's own width: the recogniser's cost grows with the input width (slightly faster than
    /// linearly), so padding lines to a common width in a batch cost more than it saved (measured: a batch of two
    /// 48 × 320 lines took longer than two single runs).
    fn read_lines(&self, crops: &[RgbImage], profile: &mut OcrProfile) -> Result<Vec<(String, f32)>, EngineError> {
        let classes = self.charset.len();
        let mut out = Vec::with_capacity(crops.len());
        for crop in crops {
            let ratio = (crop.width() as f32 / crop.height() as f32).min(self.limits.max_line_ratio);
            let resized_w = ((REC_HEIGHT as f32 * ratio).ceil() as u32).max(1);
            let width = resized_w.max(REC_MIN_WIDTH);
            let line = resize_linear(crop, resized_w, REC_HEIGHT);
            let mut input = vec![0f32; 3 * (REC_HEIGHT * width) as usize];
            write_chw_bgr(&line, width, &mut input);
            drop(line);
            profile.rec_runs += 1;
            let shape = [1usize, 3, REC_HEIGHT as usize, width as usize];
            let line = self.rec.run("text recogniser", (shape, input), |shape, data| {
                if shape.len() != 3 || shape[0] != 1 || shape[2] as usize != classes {
                    return Err(EngineError::Runtime(format!(
                        "the text recogniser returned shape {shape:?}; expected [1, T, {classes}]"
                    )));
                }
                Ok(ctc_decode(data, classes, &self.charset))
            })?;
            out.push(line);
        }
        Ok(out)
    }
}

/// Detector input size: long side at most `max_side` (never enlarged), both sides rounded to multiples of 32.
fn det_size(w: u32, h: u32, max_side: u32) -> (u32, u32) {
    let long = w.max(h);
    let ratio = if long > max_side { max_side as f32 / long as f32 } else { 1.0 };
    // Truncation first, as the reference's `int(h * ratio)`.
    (round32((w as f32 * ratio) as u32), round32((h as f32 * ratio) as u32))
}

/// Nearest multiple of 32, at least 32.
fn round32(v: u32) -> u32 {
    (((v as f32 / 32.0).round() as u32) * 32).max(32)
}

/// The `cw × ch` window of `img` at (`cx`, `cy`) as BGR, `(v / 255 − 0.5) / 0.5`, planar.
fn chw_bgr_window(img: &RgbImage, cx: u32, cy: u32, cw: u32, ch: u32) -> Vec<f32> {
    let plane = (cw * ch) as usize;
    let mut out = vec![0f32; 3 * plane];
    let stride = img.width() as usize * 3;
    let raw = img.as_raw();
    for y in 0..ch as usize {
        let row = &raw[(cy as usize + y) * stride + cx as usize * 3..][..cw as usize * 3];
        for (x, px) in row.chunks_exact(3).enumerate() {
            let at = y * cw as usize + x;
            out[at] = f32::from(px[2]) / 127.5 - 1.0;
            out[plane + at] = f32::from(px[1]) / 127.5 - 1.0;
            out[2 * plane + at] = f32::from(px[0]) / 127.5 - 1.0;
        }
    }
    out
}

/// Writes `img` into three planes of `height × width` (B, G, R), left-aligned; the rest stays as it is (0).
fn write_chw_bgr(img: &RgbImage, width: u32, out: &mut [f32]) {
    let (w, h) = (img.width() as usize, img.height() as usize);
    let width = width as usize;
    let plane = h * width;
    for (y, row) in img.as_raw().chunks_exact(w * 3).enumerate() {
        for (x, px) in row.chunks_exact(3).enumerate() {
            let at = y * width + x;
            out[at] = f32::from(px[2]) / 127.5 - 1.0;
            out[plane + at] = f32::from(px[1]) / 127.5 - 1.0;
            out[2 * plane + at] = f32::from(px[0]) / 127.5 - 1.0;
        }
    }
}

/// A window of the detector input, `[x0, x1) × [y0, y1)`, on the 32-pixel grid.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Region {
    x0: u32,
    y0: u32,
    x1: u32,
    y1: u32,
}

impl Region {
    /// Whether a pixel of `prob` (`dw × dh`) on one of this window's edges that is not an edge of the map is
    /// above the detection threshold.
    fn text_on_inner_edge(&self, prob: &[f32], dw: u32, dh: u32) -> bool {
        let on = |x: u32, y: u32| prob[(y * dw + x) as usize] > DET_THRESH;
        let (last_x, last_y) = (self.x1 - 1, self.y1 - 1);
        (self.x0 > 0 && (self.y0..self.y1).any(|y| on(self.x0, y)))
            || (self.x1 < dw && (self.y0..self.y1).any(|y| on(last_x, y)))
            || (self.y0 > 0 && (self.x0..self.x1).any(|x| on(x, self.y0)))
            || (self.y1 < dh && (self.x0..self.x1).any(|x| on(x, last_y)))
    }
}

/// The windows of the `dw × dh` detector input worth a full-resolution pass, from the probe's boxes on its map of
/// height `ph`: full-width bands (a line the probe saw only partly still lies inside its band), each the box's rows
/// scaled up and widened by [`BAND_MARGIN`] pixels plus the box's own height above and below, snapped outwards to
/// the 32-pixel grid (so the detector sees the pixel grid of one full pass), touching bands merged. When the bands
/// cover [`BANDS_UP_TO`] of the input or more, one full window instead.
fn probe_bands(boxes: &[MapBox], ph: u32, dw: u32, dh: u32) -> Vec<Region> {
    let full = vec![Region { x0: 0, y0: 0, x1: dw, y1: dh }];
    let sy = dh as f32 / ph as f32;
    let mut bands: Vec<(u32, u32)> = boxes
        .iter()
        .map(|b| {
            let pad = BAND_MARGIN as f32 + (b.y1 - b.y0) * sy;
            let top = (((b.y0 * sy - pad).max(0.0) as u32) / 32) * 32;
            let bottom = (((b.y1 * sy + pad).ceil() as u32).div_ceil(32) * 32).min(dh);
            (top, bottom)
        })
        .collect();
    bands.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(bands.len());
    for (top, bottom) in bands {
        match merged.last_mut() {
            Some(last) if top <= last.1 => last.1 = last.1.max(bottom),
            _ => merged.push((top, bottom)),
        }
    }
    let covered: u32 = merged.iter().map(|(t, b)| b - t).sum();
    if covered as f32 >= BANDS_UP_TO * dh as f32 {
        return full;
    }
    merged.into_iter().map(|(y0, y1)| Region { x0: 0, y0, x1: dw, y1 }).collect()
}

/// A candidate box on the probability map, in map pixels (fractional after unclipping).
#[derive(Debug, Clone, Copy, PartialEq)]
struct MapBox {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl MapBox {
    /// Scales to image coordinates, rounds and clips like PaddleOCR (`boxes_from_bitmap` then
    /// `filter_tag_det_res`); `None` when a side ends up ≤ 3 px.
    fn to_image(self, map_w: u32, map_h: u32, w: u32, h: u32) -> Option<TextBox> {
        let sx = |v: f32| ((v / map_w as f32 * w as f32).round().clamp(0.0, (w - 1) as f32)) as u32;
        let sy = |v: f32| ((v / map_h as f32 * h as f32).round().clamp(0.0, (h - 1) as f32)) as u32;
        let b = TextBox { x0: sx(self.x0), y0: sy(self.y0), x1: sx(self.x1), y1: sy(self.y1) };
        (b.width() > 3 && b.height() > 3).then_some(b)
    }
}

/// Filters of [`boxes_from_map`].
#[derive(Debug, Clone, Copy)]
struct BoxFilter {
    /// Smallest mean probability inside a box.
    box_thresh: f32,
    /// Smallest short side of a component, in map pixels.
    min_side: f32,
}

/// PaddleOCR's filters.
const FULL: BoxFilter = BoxFilter { box_thresh: BOX_THRESH, min_side: 3.0 };
/// The probe's filters: anything that might become a box at twice the resolution.
const PROBE: BoxFilter = BoxFilter { box_thresh: 0.3, min_side: 1.0 };

/// DB post-processing on a `w × h` probability map (see the module docs).
fn boxes_from_map(prob: &[f32], w: usize, h: usize, filter: BoxFilter) -> Vec<MapBox> {
    // Threshold, then dilate with a 2 × 2 kernel anchored at its bottom-right cell (OpenCV's default anchor):
    // a pixel is set when it or its left, upper or upper-left neighbour is above the threshold.
    let on: Vec<bool> = prob.iter().map(|p| *p > DET_THRESH).collect();
    if !on.iter().any(|b| *b) {
        return Vec::new();
    }
    let mut mask = vec![false; w * h];
    for y in 0..h {
        for x in 0..w {
            let at = |xx: usize, yy: usize| on[yy * w + xx];
            mask[y * w + x] = at(x, y)
                || (x > 0 && at(x - 1, y))
                || (y > 0 && at(x, y - 1))
                || (x > 0 && y > 0 && at(x - 1, y - 1));
        }
    }
    // 8-connected components with an explicit stack; bounding box per component.
    let mut seen = vec![false; w * h];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut candidates = 0;
    for start in 0..w * h {
        if !mask[start] || seen[start] {
            continue;
        }
        candidates += 1;
        if candidates > MAX_CANDIDATES {
            break;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        seen[start] = true;
        stack.push(start);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                    if nx < 0 || ny < 0 || nx >= w as i64 || ny >= h as i64 {
                        continue;
                    }
                    let j = ny as usize * w + nx as usize;
                    if mask[j] && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        // The contour runs through pixel centres, so the rectangle is (x1 − x0) × (y1 − y0), as OpenCV's.
        let (bw, bh) = ((x1 - x0) as f32, (y1 - y0) as f32);
        if bw.min(bh) < filter.min_side {
            continue;
        }
        let mut sum = 0f64;
        for y in y0..=y1 {
            sum += prob[y * w + x0..=y * w + x1].iter().map(|p| f64::from(*p)).sum::<f64>();
        }
        let score = sum / ((x1 - x0 + 1) * (y1 - y0 + 1)) as f64;
        if (score as f32) < filter.box_thresh {
            continue;
        }
        // Unclip: offset the rectangle outwards by area × ratio / perimeter.
        let d = bw * bh * UNCLIP_RATIO / (2.0 * (bw + bh));
        if (bw + 2.0 * d).min(bh + 2.0 * d) < filter.min_side + 2.0 {
            continue;
        }
        out.push(MapBox {
            x0: (x0 as f32 - d).max(0.0),
            y0: (y0 as f32 - d).max(0.0),
            x1: (x1 as f32 + d).min(w as f32),
            y1: (y1 as f32 + d).min(h as f32),
        });
    }
    out
}

/// Top-to-bottom, then left-to-right within a row (PaddleOCR's `sorted_boxes`).
fn reading_order(mut boxes: Vec<TextBox>) -> Vec<TextBox> {
    boxes.sort_by_key(|b| (b.y0, b.x0));
    for i in 0..boxes.len().saturating_sub(1) {
        for j in (0..=i).rev() {
            let (a, b) = (boxes[j], boxes[j + 1]);
            if (i64::from(b.y0) - i64::from(a.y0)).abs() < SAME_ROW_PX && b.x0 < a.x0 {
                boxes.swap(j, j + 1);
            } else {
                break;
            }
        }
    }
    boxes
}

/// Copies the box out of the image; a box at least 1.5 times taller than wide is turned 90° counter-clockwise.
fn crop(img: &RgbImage, b: &TextBox) -> RgbImage {
    let c = imageops::crop_imm(img, b.x0, b.y0, b.width(), b.height()).to_image();
    if c.height() as f32 / c.width() as f32 >= 1.5 {
        imageops::rotate270(&c)
    } else {
        c
    }
}

/// Greedy CTC decoding of one line: `steps × classes` softmax rows → (text, mean confidence of kept characters).
///
/// Space recovery: PP-OCRv4 often lets the blank win over the space class in the gap between two words of tight
/// (e.g. condensed, upper-case) text, reading "I WILL KILL YOU" as "IWILLKILLYOU", which the text model cannot
/// tokenise. The space class (the last one) usually still gets 0.15–0.4 of the probability in those gaps, so a space
/// is inserted between two characters when the space probability reached [`GAP_SPACE_PROB`] on a blank step
/// between them. Some word gaps get less: "KILL MYSELF" in `eval/images/meme-selfharm-en.jpg` peaks at 0.06 and
/// "ARE VERMIN" in `meme-hate-en.jpg` at 0.05, as low as inside some words ("FUCK": 0.10 between U and C). What
/// tells them apart is the gap's width: a word gap puts the two characters further apart (in time steps, each 8
/// input pixels) than the line's usual distance between neighbouring characters (the median, once a line has
/// [`MIN_PAIRS_FOR_PITCH`] pairs), while the gaps inside a word are at or below it. So a gap wider than the median
/// also becomes a space when the space probability reached [`GAP_SPACE_WEAK`] (0.02; most gaps inside words show
/// 0.00–0.01). On the eval set plus its images scaled to 50–125 % on a 512 × 512 page (196 images), this raised the
/// mean strict accuracy from 0.983 to 0.989 and put no new space inside a word (0.03 and 0.05 recovered fewer
/// word gaps; 0.05 still none inside words).
fn ctc_decode(probs: &[f32], classes: usize, charset: &[String]) -> (String, f32) {
    let space = classes - 1;
    // Pass 1: the characters (class, first step, confidence) and, for each, the highest space probability on the
    // blank steps since the previous character.
    let mut chars: Vec<(usize, usize, f32, f32)> = Vec::new();
    let mut prev = usize::MAX;
    let mut gap_space = 0f32;
    for (step, row) in probs.chunks_exact(classes).enumerate() {
        let (best, p) = row
            .iter()
            .enumerate()
            .fold((0usize, f32::NEG_INFINITY), |acc, (i, v)| if *v > acc.1 { (i, *v) } else { acc });
        if best == 0 {
            gap_space = gap_space.max(row[space]);
        } else if best != prev {
            if best < charset.len() {
                chars.push((best, step, p, gap_space));
            }
            gap_space = 0.0;
        }
        prev = best;
    }
    // The line's usual distance between neighbouring characters, in steps.
    let mut distances: Vec<usize> =
        chars.windows(2).filter(|w| w[0].0 != space && w[1].0 != space).map(|w| w[1].1 - w[0].1).collect();
    distances.sort_unstable();
    let usual = (distances.len() >= MIN_PAIRS_FOR_PITCH).then(|| distances[distances.len() / 2]);
    // Pass 2: the text, with a space recovered in a gap where the space class was a strong runner-up, or a weak
    // one in a gap wider than the line's usual character distance.
    let mut text = String::new();
    let mut conf = 0f32;
    for (i, &(class, step, p, gap)) in chars.iter().enumerate() {
        if class != space && i > 0 && !text.ends_with(' ') {
            let wide = usual.is_some_and(|u| step - chars[i - 1].1 > u);
            if gap >= GAP_SPACE_PROB || (wide && gap >= GAP_SPACE_WEAK) {
                text.push(' ');
            }
        }
        text.push_str(&charset[class]);
        conf += p;
    }
    (text, if chars.is_empty() { 0.0 } else { conf / chars.len() as f32 })
}

/// Joins lines in reading order: a space within a row, a newline between rows; cut at `max_chars` characters.
fn join_lines(lines: &[TextLine], max_chars: usize) -> (String, bool) {
    let mut text = String::new();
    let mut prev_top: Option<u32> = None;
    for line in lines {
        if let Some(top) = prev_top {
            text.push(if (i64::from(line.bbox[1]) - i64::from(top)).abs() < SAME_ROW_PX { ' ' } else { '\n' });
        }
        text.push_str(line.text.trim());
        prev_top = Some(line.bbox[1]);
    }
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => {
            text.truncate(cut);
            (text, true)
        }
        None => (text, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detector_input_is_a_multiple_of_32_and_never_enlarged() {
        assert_eq!(det_size(512, 512, 960), (512, 512));
        assert_eq!(det_size(50, 50, 960), (64, 64));
        assert_eq!(det_size(7200, 3600, 960), (960, 480));
        assert_eq!(det_size(1000, 100, 960), (960, 96));
        assert_eq!(det_size(7200, 50, 960), (960, 32));
        assert_eq!(det_size(640, 470, 960), (640, 480));
    }

    #[test]
    fn one_blob_becomes_one_unclipped_box_and_noise_is_dropped() {
        let (w, h) = (64, 32);
        let mut prob = vec![0f32; w * h];
        for y in 10..20 {
            for x in 8..48 {
                prob[y * w + x] = 0.9;
            }
        }
        prob[2 * w + 60] = 0.95; // a single hot pixel: too small
        let boxes = boxes_from_map(&prob, w, h, FULL);
        assert_eq!(boxes.len(), 1, "{boxes:?}");
        let b = boxes[0];
        // Dilation grows the blob by one pixel right and down: 8..=48 × 10..=20, i.e. 40 × 10; d = 400·1.6/100.
        let d = 6.4;
        assert!((b.x0 - (8.0 - d)).abs() < 1e-4 && (b.y0 - (10.0 - d)).abs() < 1e-4, "{b:?}");
        assert!((b.x1 - (48.0 + d)).abs() < 1e-4 && (b.y1 - (20.0 + d)).abs() < 1e-4, "{b:?}");
        // A faint blob (mean below 0.5) is dropped.
        let faint: Vec<f32> = prob.iter().map(|p| if *p > 0.0 { 0.4 } else { 0.0 }).collect();
        assert!(boxes_from_map(&faint, w, h, FULL).is_empty());
        assert!(boxes_from_map(&vec![0.0; w * h], w, h, FULL).is_empty());
    }

    #[test]
    fn reading_order_is_rows_then_columns() {
        let b = |x0, y0| TextBox { x0, y0, x1: x0 + 20, y1: y0 + 10 };
        let sorted = reading_order(vec![b(100, 52), b(10, 50), b(10, 5), b(100, 0), b(55, 54)]);
        let xs: Vec<(u32, u32)> = sorted.iter().map(|t| (t.x0, t.y0)).collect();
        // Tops within 10 px are one row, read left to right.
        assert_eq!(xs, [(10, 5), (100, 0), (10, 50), (55, 54), (100, 52)]);
    }

    #[test]
    fn ctc_merges_repeats_and_drops_blanks() {
        let charset: Vec<String> = ["", "a", "b", " "].iter().map(|s| s.to_string()).collect();
        let rows: [[f32; 4]; 7] = [
            [0.1, 0.9, 0.0, 0.0], // a
            [0.2, 0.8, 0.0, 0.0], // a (repeat)
            [0.9, 0.1, 0.0, 0.0], // blank
            [0.1, 0.7, 0.2, 0.0], // a (after a blank: a new a)
            [0.0, 0.0, 0.6, 0.4], // b
            [0.0, 0.0, 0.0, 1.0], // space
            [1.0, 0.0, 0.0, 0.0], // blank
        ];
        let flat: Vec<f32> = rows.iter().flatten().copied().collect();
        let (text, conf) = ctc_decode(&flat, 4, &charset);
        assert_eq!(text, "aab ");
        assert!((conf - (0.9 + 0.7 + 0.6 + 1.0) / 4.0).abs() < 1e-6);
        assert_eq!(ctc_decode(&[1.0, 0.0, 0.0, 0.0], 4, &charset), (String::new(), 0.0));
        // A blank step with a strong runner-up space between two letters becomes a space; a weak one does not.
        let rows: [[f32; 4]; 5] = [
            [0.1, 0.9, 0.0, 0.0],  // a
            [0.7, 0.0, 0.0, 0.3],  // blank, space 0.3
            [0.0, 0.0, 1.0, 0.0],  // b
            [0.9, 0.0, 0.0, 0.05], // blank, space 0.05
            [0.0, 1.0, 0.0, 0.0],  // a
        ];
        let flat: Vec<f32> = rows.iter().flatten().copied().collect();
        assert_eq!(ctc_decode(&flat, 4, &charset).0, "a ba");
    }

    /// One CTC row per entry: `(class, probability, space probability)`; blanks are class 0.
    fn rows(steps: &[(usize, f32, f32)], classes: usize) -> Vec<f32> {
        let mut out = vec![0f32; steps.len() * classes];
        for (row, &(class, p, space)) in out.chunks_exact_mut(classes).zip(steps) {
            row[class] = p;
            row[classes - 1] = space;
            if class != 0 {
                row[0] = (1.0 - p - space).max(0.0);
            }
        }
        out
    }

    #[test]
    fn weak_spaces_count_only_in_gaps_wider_than_the_line_pitch() {
        // "KILLMYSELF" as PP-OCRv4 read it in eval/images/meme-selfharm-en.jpg: characters 3–5 steps apart, the word
        // gap 6 steps wide with the space class at only 0.06, other gaps at 0.00 (a dropped space).
        let charset: Vec<String> =
            ["", "K", "I", "L", "M", "Y", "S", "E", "F", " "].iter().map(|s| s.to_string()).collect();
        let c = charset.len();
        let (k, i, l, m, y, s, e, f) = (1, 2, 3, 4, 5, 6, 7, 8);
        let blank = (0, 0.99, 0.0);
        let mut steps = vec![(k, 1.0, 0.0), blank, blank, (i, 0.99, 0.0), blank, blank, (l, 0.99, 0.0)];
        steps.extend([blank, blank, blank, (l, 0.99, 0.0)]);
        steps.extend([blank, (0, 0.97, 0.03), (0, 0.94, 0.06), (0, 0.97, 0.03), blank, (m, 0.99, 0.0)]);
        steps.extend([blank, blank, blank, blank, (y, 0.99, 0.0), blank, blank, blank, (s, 0.99, 0.0)]);
        steps.extend([blank, blank, blank, blank, (e, 0.99, 0.0), blank, blank, blank, (l, 0.99, 0.0), blank, blank]);
        steps.extend([(f, 1.0, 0.0), blank]);
        assert_eq!(ctc_decode(&rows(&steps, c), c, &charset).0, "KILL MYSELF");
        // The same weak space in a gap no wider than the usual distance is noise.
        let mut tight = vec![(k, 1.0, 0.0), blank, blank, blank, (i, 0.99, 0.0), blank, blank, blank, (l, 0.99, 0.0)];
        tight.extend([blank, blank, blank, (l, 0.99, 0.0), blank, (0, 0.94, 0.06), blank, (m, 0.99, 0.0)]);
        tight.extend([blank, blank, blank, (y, 0.99, 0.0)]);
        assert_eq!(ctc_decode(&rows(&tight, c), c, &charset).0, "KILLMY");
        // Too few characters to know the line's pitch: only a strong runner-up makes a space.
        let short = [(k, 1.0, 0.0), blank, (i, 0.99, 0.0), blank, (0, 0.9, 0.1), blank, blank, (l, 0.99, 0.0)];
        assert_eq!(ctc_decode(&rows(&short, c), c, &charset).0, "KIL");
    }

    #[test]
    fn probe_boxes_become_merged_full_width_bands_on_the_grid() {
        // A 512 × 512 detector input probed at 192 × 192 (scale 8/3).
        let b = |y0: f32, y1: f32| MapBox { x0: 40.0, y0, x1: 100.0, y1 };
        // One line of 6 probe pixels at rows 30–36 → rows 80–96, padded by 32 + 16 → 32..144, on the grid 32..160.
        assert_eq!(probe_bands(&[b(30.0, 36.0)], 192, 512, 512), [Region { x0: 0, y0: 32, x1: 512, y1: 160 }]);
        // Two lines close together merge; a far one stays apart.
        let bands = probe_bands(&[b(150.0, 156.0), b(30.0, 36.0), b(40.0, 46.0)], 192, 512, 512);
        assert_eq!(bands, [Region { x0: 0, y0: 32, x1: 512, y1: 192 }, Region { x0: 0, y0: 352, x1: 512, y1: 480 }]);
        // Bands covering most of the input: one full pass.
        let bands = probe_bands(&[b(10.0, 40.0), b(60.0, 90.0), b(120.0, 150.0)], 192, 512, 512);
        assert_eq!(bands, [Region { x0: 0, y0: 0, x1: 512, y1: 512 }]);
        // A text pixel on a band's inner edge is noticed; on the map's own edge it is not.
        let band = Region { x0: 0, y0: 32, x1: 64, y1: 96 };
        let mut prob = vec![0f32; 64 * 128];
        prob[50 * 64] = 0.9; // column 0: the map's edge
        assert!(!band.text_on_inner_edge(&prob, 64, 128));
        prob[95 * 64 + 10] = 0.9; // the band's last row, inside the map
        assert!(band.text_on_inner_edge(&prob, 64, 128));
    }

    #[test]
    fn lines_join_by_row_and_are_cut_at_the_limit() {
        let line = |t: &str, x: u32, y: u32| TextLine { text: t.into(), confidence: 0.9, bbox: [x, y, x + 10, y + 10] };
        let lines = [line("I will", 0, 0), line("hurt you", 50, 3), line("today", 0, 40)];
        assert_eq!(join_lines(&lines, 1000), ("I will hurt you\ntoday".to_string(), false));
        assert_eq!(join_lines(&lines, 6), ("I will".to_string(), true));
        let debug = format!("{:?}", RecognizedText { text: "secret words".into(), ..RecognizedText::default() });
        assert!(!debug.contains("secret"), "{debug}");
    }

    #[test]
    fn tall_crops_are_turned() {
        let img = RgbImage::new(100, 100);
        let c = crop(&img, &TextBox { x0: 10, y0: 0, x1: 30, y1: 90 });
        assert_eq!(c.dimensions(), (90, 20));
        let c = crop(&img, &TextBox { x0: 10, y0: 0, x1: 80, y1: 20 });
        assert_eq!(c.dimensions(), (70, 20));
    }
}
