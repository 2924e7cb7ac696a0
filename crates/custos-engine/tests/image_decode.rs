//! Safe image decoding: formats by magic bytes, dimension and size limits, bombs, truncation, pixel formats.
//! Test images are generated here with the `image` (and `png`) encoders; the only file fixture is a CMYK JPEG,
//! which no Rust encoder in the tree writes (see fixtures/images/README.md).

use custos_engine::image::{decode, DecodedImage, ImageKind, ImageLimits};
use custos_engine::EngineError;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use std::io::Cursor;
use std::time::{Duration, Instant};

fn limits() -> ImageLimits {
    ImageLimits::default()
}

/// A smooth gradient with a few shapes: nothing a classifier should care about.
fn gradient(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        let in_disc = (x as i64 - w as i64 / 3).pow(2) + (y as i64 - h as i64 / 2).pow(2) < (h as i64 / 4).pow(2);
        if in_disc {
            Rgb([30, 60, 200])
        } else {
            Rgb([(x * 255 / w.max(1)) as u8, (y * 255 / h.max(1)) as u8, 128])
        }
    })
}

fn encode(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    img.write_to(&mut buf, format).unwrap_or_else(|e| panic!("encoding {format:?}: {e}"));
    buf.into_inner()
}

fn jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, quality).encode_image(img).unwrap();
    buf
}

fn png(img: &DynamicImage) -> Vec<u8> {
    encode(img, ImageFormat::Png)
}

fn ok(bytes: &[u8]) -> DecodedImage {
    match decode(bytes, &limits()) {
        Ok(d) => d,
        Err(e) => panic!("expected the image to decode, got {e:?}"),
    }
}

/// Asserts an `InvalidInput` whose message contains `needle`, and returns the message.
fn rejected(bytes: &[u8], needle: &str) -> String {
    match decode(bytes, &limits()) {
        Err(EngineError::InvalidInput(msg)) => {
            assert!(msg.contains(needle), "message {msg:?} should mention {needle:?}");
            msg
        }
        Err(other) => panic!("expected InvalidInput, got {other:?}"),
        Ok(d) => panic!("expected a rejection mentioning {needle:?}, got {d:?}"),
    }
}

fn close(a: [u8; 3], b: [u8; 3], tol: i32) -> bool {
    a.iter().zip(b.iter()).all(|(x, y)| (*x as i32 - *y as i32).abs() <= tol)
}

/// Rewrites the IHDR width/height of a PNG and fixes the chunk CRC, so only the dimensions are wrong.
fn forge_png_dimensions(mut bytes: Vec<u8>, w: u32, h: u32) -> Vec<u8> {
    assert_eq!(&bytes[12..16], b"IHDR");
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32fast::hash(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

// ---- formats -------------------------------------------------------------------------------------------------

#[test]
fn each_of_the_six_formats_decodes() {
    let img = gradient(120, 90);
    let dynimg = DynamicImage::ImageRgb8(img.clone());
    let cases: Vec<(ImageKind, Vec<u8>)> = vec![
        (ImageKind::Jpeg, jpeg(&img, 90)),
        (ImageKind::Png, png(&dynimg)),
        (ImageKind::Gif, encode(&DynamicImage::ImageRgba8(dynimg.to_rgba8()), ImageFormat::Gif)),
        (ImageKind::Bmp, encode(&dynimg, ImageFormat::Bmp)),
        (ImageKind::Tiff, encode(&dynimg, ImageFormat::Tiff)),
        (ImageKind::WebP, encode(&dynimg, ImageFormat::WebP)),
    ];
    for (kind, bytes) in cases {
        assert_eq!(ImageKind::sniff(&bytes), Some(kind));
        let d = ok(&bytes);
        assert_eq!(d.kind, kind);
        assert_eq!(d.rgb.dimensions(), (120, 90), "{kind:?}");
        // Lossless formats give the pixels back; JPEG and GIF (palette quantisation) are close.
        let tol = match kind {
            ImageKind::Jpeg => 40,
            ImageKind::Gif => 48,
            _ => 0,
        };
        for (x, y) in [(5, 5), (100, 80), (40, 45)] {
            assert!(close(d.rgb.get_pixel(x, y).0, img.get_pixel(x, y).0, tol), "{kind:?} pixel ({x},{y})");
        }
    }
}

#[test]
fn format_is_taken_from_magic_bytes_not_from_anything_else() {
    // A PNG is a PNG whatever a caller calls it; bytes that merely mention a format are not an image.
    assert_eq!(ok(&png(&DynamicImage::ImageRgb8(gradient(60, 60)))).kind, ImageKind::Png);
    rejected(b"not an image at all, just some text that is long enough to look like a file", "not supported");
    rejected(b"<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100'></svg>", "not supported");
    rejected(b"%PDF-1.7\n", "not supported");
    rejected(b"\x00\x00\x01\x00\x01\x00", "not supported"); // ICO: decodable by `image`, not accepted by Azure
    rejected(b"", "empty");
    rejected(b"P6\n60 60\n255\n", "not supported"); // PNM
}

#[test]
fn animated_gif_uses_the_first_frame() {
    use image::codecs::gif::GifEncoder;
    use image::{Delay, Frame};
    let red = RgbaImage::from_pixel(64, 64, Rgba([230, 10, 10, 255]));
    let blue = RgbaImage::from_pixel(64, 64, Rgba([10, 10, 230, 255]));
    let mut buf = Vec::new();
    {
        let mut enc = GifEncoder::new(&mut buf);
        let delay = Delay::from_numer_denom_ms(100, 1);
        enc.encode_frames(vec![Frame::from_parts(red, 0, 0, delay), Frame::from_parts(blue, 0, 0, delay)]).unwrap();
    }
    let d = ok(&buf);
    assert_eq!(d.kind, ImageKind::Gif);
    assert!(close(d.rgb.get_pixel(32, 32).0, [230, 10, 10], 12), "got {:?}", d.rgb.get_pixel(32, 32));
}

// ---- dimensions and size ---------------------------------------------------------------------------------------

#[test]
fn too_small_is_rejected_and_50_px_is_accepted() {
    rejected(&png(&DynamicImage::ImageRgb8(gradient(49, 200))), "at least 50");
    rejected(&png(&DynamicImage::ImageRgb8(gradient(200, 49))), "at least 50");
    rejected(&jpeg(&gradient(49, 49), 90), "at least 50");
    assert_eq!(ok(&png(&DynamicImage::ImageRgb8(gradient(50, 50)))).rgb.dimensions(), (50, 50));
}

#[test]
fn over_7200_px_is_rejected_and_7200_is_accepted() {
    let wide = DynamicImage::ImageRgb8(RgbImage::from_pixel(7201, 50, Rgb([200, 200, 200])));
    rejected(&png(&wide), "at most 7200");
    let tall = DynamicImage::ImageRgb8(RgbImage::from_pixel(50, 7201, Rgb([200, 200, 200])));
    rejected(&png(&tall), "at most 7200");
    let edge = DynamicImage::ImageRgb8(RgbImage::from_pixel(7200, 50, Rgb([200, 200, 200])));
    assert_eq!(ok(&png(&edge)).rgb.dimensions(), (7200, 50));
}

#[test]
fn forged_png_header_10000_square_is_rejected_before_decoding() {
    let tiny = png(&DynamicImage::ImageRgb8(gradient(64, 64)));
    let forged = forge_png_dimensions(tiny, 10_000, 10_000);
    assert!(forged.len() < 8 * 1024, "the bomb is tiny: {} bytes", forged.len());
    let started = Instant::now();
    let msg = rejected(&forged, "at most 7200");
    assert!(msg.contains("10000 x 10000"), "{msg}");
    assert!(started.elapsed() < Duration::from_millis(500), "rejected from the header, took {:?}", started.elapsed());
}

#[test]
fn bombs_with_huge_declared_dimensions_fail_fast() {
    let started = Instant::now();
    // PNG at the format's maximum.
    let tiny = png(&DynamicImage::ImageRgb8(gradient(64, 64)));
    rejected(&forge_png_dimensions(tiny, 0x7FFF_FFFF, 0x7FFF_FFFF), "");
    // GIF whose logical screen is 60000 x 60000 (bytes 6..10, little-endian, no checksum).
    let mut gif =
        encode(&DynamicImage::ImageRgba8(DynamicImage::ImageRgb8(gradient(64, 64)).to_rgba8()), ImageFormat::Gif);
    gif[6..8].copy_from_slice(&60_000u16.to_le_bytes());
    gif[8..10].copy_from_slice(&60_000u16.to_le_bytes());
    rejected(&gif, "");
    // BMP declaring 100000 x 100000 (width at 18, height at 22).
    let mut bmp = encode(&DynamicImage::ImageRgb8(gradient(64, 64)), ImageFormat::Bmp);
    bmp[18..22].copy_from_slice(&100_000i32.to_le_bytes());
    bmp[22..26].copy_from_slice(&100_000i32.to_le_bytes());
    rejected(&bmp, "");
    // JPEG whose SOF0 declares 65000 x 65000.
    let mut jpg = jpeg(&gradient(64, 64), 90);
    let sof = jpg.windows(2).position(|w| w == [0xFF, 0xC0]).expect("baseline SOF0");
    jpg[sof + 5..sof + 7].copy_from_slice(&65_000u16.to_be_bytes());
    jpg[sof + 7..sof + 9].copy_from_slice(&65_000u16.to_be_bytes());
    rejected(&jpg, "");
    assert!(started.elapsed() < Duration::from_secs(2), "bombs took {:?}", started.elapsed());
}

#[test]
fn memory_bound_refuses_16_bit_rgba_near_the_size_limit() {
    // 7000 x 7000 RGBA16 would need 392 MB for pixels plus 147 MB for the RGB copy: over the 384 MiB bound. The
    // header is forged on a tiny file, so this also shows nothing is allocated before the check.
    let small = DynamicImage::ImageRgba16(image::ImageBuffer::from_pixel(64, 64, Rgba([1000u16, 2000, 3000, 65535])));
    let forged = forge_png_dimensions(png(&small), 7000, 7000);
    let started = Instant::now();
    rejected(&forged, "more memory");
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[test]
fn input_over_4_mb_is_rejected() {
    let mut bytes = png(&DynamicImage::ImageRgb8(gradient(64, 64)));
    bytes.resize(4 * 1024 * 1024 + 1, 0);
    rejected(&bytes, "4194304 bytes");
    // Exactly 4 MB passes the size check (a PNG decoder stops at IEND and ignores the padding).
    bytes.truncate(4 * 1024 * 1024);
    assert_eq!(ok(&bytes).rgb.dimensions(), (64, 64));
}

#[test]
fn tiff_with_an_ifd_loop_decodes_its_first_page_and_stops() {
    let mut tiff = encode(&DynamicImage::ImageRgb8(gradient(64, 64)), ImageFormat::Tiff);
    assert_eq!(&tiff[..4], b"II*\0");
    let ifd = u32::from_le_bytes(tiff[4..8].try_into().unwrap()) as usize;
    let entries = u16::from_le_bytes(tiff[ifd..ifd + 2].try_into().unwrap()) as usize;
    let next = ifd + 2 + 12 * entries;
    tiff[next..next + 4].copy_from_slice(&(ifd as u32).to_le_bytes()); // next IFD = itself
    let started = Instant::now();
    // Either outcome is fine as long as it is quick and clean: the first page, or a refusal.
    match decode(&tiff, &limits()) {
        Ok(d) => assert_eq!(d.rgb.dimensions(), (64, 64)),
        Err(e) => assert!(matches!(e, EngineError::InvalidInput(_)), "{e:?}"),
    }
    assert!(started.elapsed() < Duration::from_millis(500));
}

// ---- corrupt input -----------------------------------------------------------------------------------------

#[test]
fn truncated_files_are_rejected_without_panicking() {
    let img = gradient(256, 256);
    let cases = [
        ("JPEG", jpeg(&img, 90)),
        ("PNG", png(&DynamicImage::ImageRgb8(img.clone()))),
        ("GIF", encode(&DynamicImage::ImageRgba8(DynamicImage::ImageRgb8(img.clone()).to_rgba8()), ImageFormat::Gif)),
        ("BMP", encode(&DynamicImage::ImageRgb8(img.clone()), ImageFormat::Bmp)),
        ("TIFF", encode(&DynamicImage::ImageRgb8(img.clone()), ImageFormat::Tiff)),
        ("WEBP", encode(&DynamicImage::ImageRgb8(img.clone()), ImageFormat::WebP)),
    ];
    for (name, full) in cases {
        for cut in [full.len() / 2, full.len() * 9 / 10, 40, 16] {
            let err =
                decode(&full[..cut], &limits()).expect_err(&format!("{name} cut at {cut}/{} must fail", full.len()));
            match err {
                EngineError::InvalidInput(msg) => assert!(!msg.is_empty()),
                other => panic!("{name}: expected InvalidInput, got {other:?}"),
            }
        }
    }
}

#[test]
fn garbage_after_a_valid_header_is_rejected() {
    let mut bytes = png(&DynamicImage::ImageRgb8(gradient(128, 128)));
    let n = bytes.len();
    for b in &mut bytes[60..n - 20] {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    rejected(&bytes, "PNG");
    let mut jpg = jpeg(&gradient(128, 128), 90);
    let n = jpg.len();
    jpg[n / 2..].fill(0xFF);
    // Whatever the JPEG decoder makes of it, it must not panic; if it refuses, it says so cleanly.
    if let Err(e) = decode(&jpg, &limits()) {
        assert!(matches!(e, EngineError::InvalidInput(_)));
    }
}

// ---- pixel formats ---------------------------------------------------------------------------------------------

#[test]
fn sixteen_bit_png_is_accepted() {
    let img = image::ImageBuffer::from_fn(80, 60, |x, _| image::Rgb([(x * 800) as u16, 65535, 0]));
    let d = ok(&png(&DynamicImage::ImageRgb16(img)));
    assert_eq!(d.rgb.dimensions(), (80, 60));
    assert_eq!(d.rgb.get_pixel(0, 0).0, [0, 255, 0]);
    let gray16 = image::ImageBuffer::from_pixel(60, 60, image::Luma([32768u16]));
    assert!(close(ok(&png(&DynamicImage::ImageLuma16(gray16))).rgb.get_pixel(5, 5).0, [128, 128, 128], 1));
}

#[test]
fn palette_png_is_accepted() {
    let (w, h) = (64u32, 64u32);
    let mut buf = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut buf, w, h);
        enc.set_color(png::ColorType::Indexed);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_palette(vec![255, 0, 0, 0, 255, 0, 0, 0, 255]);
        let mut writer = enc.write_header().unwrap();
        let data: Vec<u8> = (0..w * h).map(|i| ((i % w) * 3 / w) as u8).collect();
        writer.write_image_data(&data).unwrap();
    }
    let d = ok(&buf);
    assert_eq!(d.rgb.get_pixel(0, 10).0, [255, 0, 0]);
    assert_eq!(d.rgb.get_pixel(30, 10).0, [0, 255, 0]);
    assert_eq!(d.rgb.get_pixel(63, 10).0, [0, 0, 255]);
}

#[test]
fn alpha_is_composited_over_white() {
    let img = RgbaImage::from_fn(64, 64, |x, _| if x < 32 { Rgba([0, 0, 0, 0]) } else { Rgba([200, 0, 0, 255]) });
    let d = ok(&png(&DynamicImage::ImageRgba8(img.clone())));
    assert_eq!(d.rgb.get_pixel(5, 5).0, [255, 255, 255], "transparent reads as white");
    assert_eq!(d.rgb.get_pixel(50, 5).0, [200, 0, 0], "opaque is unchanged");
    let half = RgbaImage::from_pixel(64, 64, Rgba([0, 0, 0, 128]));
    assert!(close(ok(&png(&DynamicImage::ImageRgba8(half))).rgb.get_pixel(1, 1).0, [127, 127, 127], 1));
    // WebP and GIF with transparency too.
    assert_eq!(ok(&encode(&DynamicImage::ImageRgba8(img.clone()), ImageFormat::WebP)).rgb.get_pixel(5, 5).0, [255; 3]);
    assert_eq!(ok(&encode(&DynamicImage::ImageRgba8(img), ImageFormat::Gif)).rgb.get_pixel(5, 5).0, [255; 3]);
}

#[test]
fn grayscale_is_accepted() {
    let gray = image::GrayImage::from_fn(70, 70, |x, _| image::Luma([(x * 3) as u8]));
    let d = ok(&png(&DynamicImage::ImageLuma8(gray.clone())));
    assert_eq!(d.rgb.get_pixel(10, 3).0, [30, 30, 30]);
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 95).encode_image(&gray).unwrap();
    assert!(close(ok(&buf).rgb.get_pixel(10, 3).0, [30, 30, 30], 4));
    let la = image::GrayAlphaImage::from_pixel(60, 60, image::LumaA([0, 0]));
    assert_eq!(ok(&png(&DynamicImage::ImageLumaA8(la))).rgb.get_pixel(3, 3).0, [255; 3]);
}

#[test]
fn cmyk_jpeg_is_accepted_with_the_right_colours() {
    // 64 x 64, quadrants red / green / blue / near-white, written by Pillow as Adobe CMYK.
    let bytes = include_bytes!("fixtures/images/cmyk-quadrants.jpg");
    let d = ok(bytes);
    assert_eq!(d.rgb.dimensions(), (64, 64));
    let px = |x, y| d.rgb.get_pixel(x, y).0;
    assert!(close(px(10, 10), [220, 20, 20], 40), "red quadrant: {:?}", px(10, 10));
    assert!(close(px(50, 10), [20, 200, 40], 40), "green quadrant: {:?}", px(50, 10));
    assert!(close(px(10, 50), [30, 40, 210], 40), "blue quadrant: {:?}", px(10, 50));
    assert!(close(px(50, 50), [250, 250, 250], 40), "white quadrant: {:?}", px(50, 50));
}

/// Inserts an EXIF APP1 segment with the given orientation right after the JPEG SOI marker.
fn with_exif_orientation(jpg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0*\0\0\0\x08"); // big-endian TIFF header, IFD at 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // count
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpg[2..]);
    out
}

#[test]
fn exif_orientation_is_applied() {
    // Left half red, right half blue; orientation 6 = rotate 90 degrees clockwise, so red ends up on top.
    let img = RgbImage::from_fn(80, 60, |x, _| if x < 40 { Rgb([220, 10, 10]) } else { Rgb([10, 10, 220]) });
    let plain = ok(&jpeg(&img, 95));
    assert_eq!(plain.rgb.dimensions(), (80, 60));
    let rotated = ok(&with_exif_orientation(&jpeg(&img, 95), 6));
    assert_eq!(rotated.rgb.dimensions(), (60, 80));
    assert!(close(rotated.rgb.get_pixel(30, 10).0, [220, 10, 10], 30), "{:?}", rotated.rgb.get_pixel(30, 10));
    assert!(close(rotated.rgb.get_pixel(30, 70).0, [10, 10, 220], 30), "{:?}", rotated.rgb.get_pixel(30, 70));
}

#[test]
fn messages_never_quote_content() {
    let secret = b"TOP-SECRET-CANARY-4711 this is not an image";
    let msg = rejected(secret, "not supported");
    assert!(!msg.contains("CANARY"));
    let mut bytes = png(&DynamicImage::ImageRgb8(gradient(64, 64)));
    let n = bytes.len();
    bytes.truncate(n - 30);
    bytes.extend_from_slice(b"TOP-SECRET-CANARY-4711");
    if let Err(EngineError::InvalidInput(msg)) = decode(&bytes, &limits()) {
        assert!(!msg.contains("CANARY"), "{msg}");
    }
}
