//! Safe image decoding: format sniffing, size and dimension checks before any pixel allocation, bounded memory.
//!
//! The order matters: (1) input length, (2) magic bytes pick one of the six accepted formats (no header field or
//! file name is trusted), (3) the decoder reads only the header, and the declared dimensions are checked against
//! [`ImageLimits`], (4) `image::Limits` (strict width/height plus `max_alloc`) are installed, and only then (5) pixels
//! are decoded. A decompression bomb (a tiny PNG declaring 65535 × 65535, a GIF with a giant logical screen, a TIFF
//! with absurd strips) therefore fails at step 3 or 4 without allocating its declared size. Only the first frame of
//! an animated GIF/WebP/APNG is decoded, so frame counts do not matter. Decoding runs inside `catch_unwind` as a
//! last resort: a panic in a codec on a hostile file becomes [`EngineError::InvalidInput`], not a dead worker.
//!
//! Pixel normalisation: every image becomes 8-bit RGB. 16-bit samples are scaled down, grayscale and palette images
//! are expanded, CMYK JPEGs are converted by the JPEG decoder, and **alpha is composited over white** (a transparent
//! background then reads as a blank page, which is what a viewer usually shows; dropping alpha instead would expose
//! whatever colour the encoder left under transparent pixels, often black). The EXIF/TIFF orientation is applied.

use crate::EngineError;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, RgbImage};
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Limits applied by [`decode`]. [`ImageLimits::default`] is the Azure contract (azure-api.md §5.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageLimits {
    /// Largest accepted input, in bytes (Azure: 4 MB = 4 × 1024 × 1024).
    pub max_bytes: usize,
    /// Smallest accepted width and height, in pixels (Azure: 50).
    pub min_side: u32,
    /// Largest accepted width and height, in pixels (Azure's current docs: 7200).
    pub max_side: u32,
    /// Upper bound, in bytes, on the decoded pixel buffer plus its 8-bit RGB copy (and the codec's own buffers,
    /// where the codec honours it). The default, 384 MiB, holds the worst 8-bit case: 7200 × 7200 RGBA plus its RGB
    /// copy (346 MiB). 16-bit images above about 6690 × 6690 (RGB) or 6050 × 6050 (RGBA) are refused.
    pub max_alloc: u64,
}

impl Default for ImageLimits {
    fn default() -> ImageLimits {
        ImageLimits { max_bytes: 4 * 1024 * 1024, min_side: 50, max_side: 7200, max_alloc: 384 * 1024 * 1024 }
    }
}

/// The six accepted container formats, as recognised from their magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    /// JPEG (`FF D8 FF`).
    Jpeg,
    /// PNG (8-byte signature). An animated PNG yields its default image.
    Png,
    /// GIF 87a/89a. Only the first frame is decoded.
    Gif,
    /// Windows bitmap (`BM`).
    Bmp,
    /// TIFF, little- or big-endian, classic or BigTIFF. Only the first page is decoded.
    Tiff,
    /// WebP (`RIFF....WEBP`), lossy or lossless. Only the first frame is decoded.
    WebP,
}

impl ImageKind {
    /// Recognises the format from the first bytes; `None` for anything else (including formats the `image` crate
    /// could decode but Azure does not accept, such as TGA or ICO).
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        let starts = |magic: &[u8]| bytes.starts_with(magic);
        if starts(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else if starts(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if starts(b"GIF87a") || starts(b"GIF89a") {
            Some(ImageKind::Gif)
        } else if starts(b"BM") {
            Some(ImageKind::Bmp)
        } else if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
            Some(ImageKind::Tiff)
        } else if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ImageKind::WebP)
        } else {
            None
        }
    }

    /// The usual upper-case name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "JPEG",
            ImageKind::Png => "PNG",
            ImageKind::Gif => "GIF",
            ImageKind::Bmp => "BMP",
            ImageKind::Tiff => "TIFF",
            ImageKind::WebP => "WEBP",
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            ImageKind::Jpeg => ImageFormat::Jpeg,
            ImageKind::Png => ImageFormat::Png,
            ImageKind::Gif => ImageFormat::Gif,
            ImageKind::Bmp => ImageFormat::Bmp,
            ImageKind::Tiff => ImageFormat::Tiff,
            ImageKind::WebP => ImageFormat::WebP,
        }
    }
}

/// A decoded, validated image, normalised to 8-bit RGB with the orientation applied.
#[derive(Clone)]
pub struct DecodedImage {
    /// The container format.
    pub kind: ImageKind,
    /// The pixels (width and height are after orientation).
    pub rgb: RgbImage,
}

impl std::fmt::Debug for DecodedImage {
    /// Prints format and size only, never pixels.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecodedImage")
            .field("kind", &self.kind)
            .field("width", &self.rgb.width())
            .field("height", &self.rgb.height())
            .finish()
    }
}

fn invalid(msg: impl Into<String>) -> EngineError {
    EngineError::InvalidInput(msg.into())
}

/// Decodes and validates `bytes` under `limits`. Every failure is [`EngineError::InvalidInput`] with a message that
/// names the problem (format, size, dimensions) and never quotes the content.
pub fn decode(bytes: &[u8], limits: &ImageLimits) -> Result<DecodedImage, EngineError> {
    if bytes.is_empty() {
        return Err(invalid("the image is empty"));
    }
    if bytes.len() > limits.max_bytes {
        return Err(invalid(format!(
            "the image is {} bytes; the maximum is {} bytes (4 MB)",
            bytes.len(),
            limits.max_bytes
        )));
    }
    let kind = ImageKind::sniff(bytes)
        .ok_or_else(|| invalid("the image format is not supported; use JPEG, PNG, GIF, BMP, TIFF or WEBP"))?;
    if kind == ImageKind::Jpeg && !jpeg_is_complete(bytes) {
        return Err(invalid("the JPEG image is truncated or corrupt (no end-of-image marker)"));
    }
    match catch_unwind(AssertUnwindSafe(|| decode_kind(bytes, kind, limits))) {
        Ok(result) => result,
        Err(_) => {
            tracing::debug!(format = kind.name(), "image decoder panicked; input rejected");
            Err(invalid(format!("the {} image is corrupt and cannot be decoded", kind.name())))
        }
    }
}

fn decode_kind(bytes: &[u8], kind: ImageKind, limits: &ImageLimits) -> Result<DecodedImage, EngineError> {
    let name = kind.name();
    // Header pass: only the allocation bound, so that dimensions can be reported with our own message.
    let mut header_limits = image::Limits::default();
    header_limits.max_alloc = Some(limits.max_alloc);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), kind.image_format());
    reader.limits(header_limits);
    let mut decoder = reader.into_decoder().map_err(|e| decode_error(kind, &e))?;

    let (width, height) = decoder.dimensions();
    if width < limits.min_side || height < limits.min_side {
        return Err(invalid(format!(
            "the image is {width} x {height} pixels; each side must be at least {} pixels",
            limits.min_side
        )));
    }
    if width > limits.max_side || height > limits.max_side {
        return Err(invalid(format!(
            "the image is {width} x {height} pixels; each side must be at most {} pixels",
            limits.max_side
        )));
    }

    let mut strict = image::Limits::default();
    strict.max_image_width = Some(limits.max_side);
    strict.max_image_height = Some(limits.max_side);
    strict.max_alloc = Some(limits.max_alloc);
    // The pixel buffer the decoder fills (what `ImageReader::decode` reserves) plus one 8-bit RGB copy: the
    // conversion to RGB, or the rotated copy when the orientation needs one, never both at once. Refused here,
    // before anything is allocated.
    let rgb_copy = u64::from(width) * u64::from(height) * 3;
    strict.reserve(decoder.total_bytes().saturating_add(rgb_copy)).map_err(|e| decode_error(kind, &e))?;
    decoder.set_limits(strict).map_err(|e| decode_error(kind, &e))?;

    // A malformed orientation tag is not worth refusing the image for.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let img = DynamicImage::from_decoder(decoder).map_err(|e| decode_error(kind, &e))?;
    // Convert first, rotate second: the rotation then copies 3 bytes per pixel, not up to 8.
    let rgb = to_rgb_over_white(img);
    let rgb = if orientation == image::metadata::Orientation::NoTransforms {
        rgb
    } else {
        let mut oriented = DynamicImage::ImageRgb8(rgb);
        oriented.apply_orientation(orientation);
        oriented.into_rgb8()
    };
    tracing::trace!(format = name, width, height, "image decoded");
    Ok(DecodedImage { kind, rgb })
}

/// Walks the JPEG marker structure and reports whether it reaches an EOI marker. The JPEG decoder fills a truncated
/// scan with grey and reports success, so this is the check that turns a cut-off upload into a 400. Linear in the
/// input, no allocation. Bytes after EOI are allowed (many cameras append data).
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2; // after SOI
    let n = bytes.len();
    loop {
        // Expect a marker, possibly preceded by fill bytes (0xFF).
        if i >= n || bytes[i] != 0xFF {
            return false;
        }
        while i < n && bytes[i] == 0xFF {
            i += 1;
        }
        if i >= n {
            return false;
        }
        let marker = bytes[i];
        i += 1;
        match marker {
            0xD9 => return true,            // EOI
            0x01 | 0xD0..=0xD7 => continue, // TEM, RSTn: no length
            0x00 => return false,           // stuffed zero where a marker was expected
            _ => {}
        }
        if i + 2 > n {
            return false;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i], bytes[i + 1]]));
        if len < 2 {
            return false;
        }
        i += len;
        if i > n {
            return false;
        }
        if marker == 0xDA {
            // SOS: skip entropy-coded data up to the next marker that is not a stuffed 0xFF00 or an RSTn.
            loop {
                match bytes[i..].iter().position(|b| *b == 0xFF) {
                    None => return false,
                    Some(p) => i += p,
                }
                match bytes.get(i + 1) {
                    None => return false,
                    Some(0x00) | Some(0xD0..=0xD7) | Some(0xFF) => i += 1,
                    Some(_) => break,
                }
            }
        }
    }
}

/// Maps a codec error to a fixed message. The codec's own text goes to the debug log only: it describes structure
/// (chunk names, offsets), not content, but the client gets nothing the codec wrote.
fn decode_error(kind: ImageKind, err: &ImageError) -> EngineError {
    tracing::debug!(format = kind.name(), error = %err, "image rejected by decoder");
    let name = kind.name();
    match err {
        ImageError::Limits(_) => invalid(format!(
            "the {name} image needs more memory to decode than allowed; reduce its dimensions or bit depth"
        )),
        ImageError::Unsupported(_) => invalid(format!("this {name} variant is not supported")),
        ImageError::Decoding(_) | ImageError::IoError(_) | ImageError::Parameter(_) | ImageError::Encoding(_) => {
            invalid(format!("the {name} image is corrupt or truncated and cannot be decoded"))
        }
    }
}

/// Converts to 8-bit RGB; images with alpha are composited over white.
fn to_rgb_over_white(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = RgbImage::new(w, h);
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(src.0[3]);
        for c in 0..3 {
            // Rounded (c·a + 255·(255 − a)) / 255.
            let v = (u32::from(src.0[c]) * a + 255 * (255 - a) + 127) / 255;
            dst.0[c] = v as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_recognises_the_six_formats_only() {
        assert_eq!(ImageKind::sniff(b"\xFF\xD8\xFF\xE0"), Some(ImageKind::Jpeg));
        assert_eq!(ImageKind::sniff(b"\x89PNG\r\n\x1a\n...."), Some(ImageKind::Png));
        assert_eq!(ImageKind::sniff(b"GIF89a"), Some(ImageKind::Gif));
        assert_eq!(ImageKind::sniff(b"BM...."), Some(ImageKind::Bmp));
        assert_eq!(ImageKind::sniff(b"MM\0*...."), Some(ImageKind::Tiff));
        assert_eq!(ImageKind::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(ImageKind::WebP));
        assert_eq!(ImageKind::sniff(b"RIFF\0\0\0\0WAVEfmt "), None);
        assert_eq!(ImageKind::sniff(b"\0\0\x01\0"), None); // ICO
        assert_eq!(ImageKind::sniff(b"<svg"), None);
    }

    #[test]
    fn jpeg_completeness_follows_markers() {
        // SOI, APP0 (len 4 with 2 payload bytes, one of them FF D9 to show segment payloads are skipped), SOS with
        // entropy data containing a stuffed FF00 and an RST0, then EOI.
        let good = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0xFF, 0xD9, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0,
            0x56, 0xFF, 0xD9,
        ];
        assert!(jpeg_is_complete(&good));
        let mut trailing = good.to_vec();
        trailing.extend_from_slice(b"trailer");
        assert!(jpeg_is_complete(&trailing));
        for cut in 2..good.len() {
            assert!(!jpeg_is_complete(&good[..cut]), "cut at {cut}");
        }
    }

    #[test]
    fn alpha_is_composited_over_white() {
        let mut rgba = image::RgbaImage::new(2, 1);
        rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        rgba.put_pixel(1, 0, image::Rgba([0, 0, 0, 255]));
        let rgb = to_rgb_over_white(DynamicImage::ImageRgba8(rgba));
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [0, 0, 0]);
    }
}
