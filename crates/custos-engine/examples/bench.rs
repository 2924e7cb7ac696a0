//! Engine throughput on this machine (a benchmark, not a test: numbers are reported, never asserted).
//!
//!     cargo run --release -p custos-engine --example bench -- [MODEL_DIR] [--images]
//!
//! Prints a Markdown table: blocklist compile and match, text model on short and 1,000-character texts, image
//! model on 512×512 JPEGs. Single thread; the server runs one such worker per core. `--images` runs only the
//! image part, which also measures 512×512 JPEGs with and without text on 1 and 2 worker threads (one shared
//! model, one intra-op thread per session, as the server runs it), the process's peak memory, and a per-stage
//! breakdown on one thread (decode, the image models without OCR, OCR probe / detection / recognition), each the
//! median of several runs per image, which is steadier than throughput on a shared machine.

use custos_engine::blocklist::{normalize, CompiledBlocklist, ItemSpec};
use custos_engine::image::ocr::{Ocr, OcrLimits, OcrProfile};
use custos_engine::image::{decode, ImageLimits, ImageModel, ImageOptions};
use custos_engine::text::TextModel;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

fn rate(n: usize, f: impl FnMut(usize)) -> (f64, f64) {
    let mut f = f;
    let t = Instant::now();
    for i in 0..n {
        f(i);
    }
    let s = t.elapsed().as_secs_f64();
    (n as f64 / s, s * 1e6 / n as f64)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let images_only = args.iter().any(|a| a == "--images");
    let dir: PathBuf = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(Into::into)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../models").into());
    if images_only {
        println!("| what | throughput | per item |\n|---|---|---|");
        image_bench(&dir);
        return;
    }
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
    let sentence = |i: usize| -> String {
        (0..12).map(|j| words[(i * 7 + j * 3) % words.len()]).collect::<Vec<_>>().join(" ") + &format!(" number {i}.")
    };
    let long = |i: usize| -> String {
        let mut s = String::new();
        while s.chars().count() < 1000 {
            s.push_str(&sentence(i + s.len()));
            s.push(' ');
        }
        s.chars().take(1000).collect()
    };
    println!("| what | throughput | per item |\n|---|---|---|");

    // Blocklist: 10,000 terms + 50 regexes, the largest list Azure allows.
    let items: Vec<ItemSpec> = (0..10_000)
        .map(|i| ItemSpec { id: i.to_string(), text: format!("term{i:05}x"), is_regex: false })
        .chain((0..50).map(|i| ItemSpec { id: format!("r{i}"), text: format!("b[a@]d{i}[o0]rd"), is_regex: true }))
        .collect();
    let t = Instant::now();
    let list = CompiledBlocklist::compile(items).unwrap();
    println!("| compile 10,000 terms + 50 regexes | {:.1} ms | |", t.elapsed().as_secs_f64() * 1e3);
    let texts: Vec<String> = (0..200).map(long).collect();
    let (r, us) = rate(2000, |i| {
        black_box(list.matches(&normalize(&texts[i % texts.len()])));
    });
    println!("| match 1,000-char text against it (normalize + match) | {r:.0} texts/s | {us:.1} µs |");

    let text = TextModel::load(&dir.join("text")).expect("text model");
    let short: Vec<String> = (0..1000).map(sentence).collect();
    let (r, us) = rate(20_000, |i| {
        black_box(text.analyze(&short[i % short.len()]));
    });
    println!("| n-gram model + lexicon alone, short texts (~90 chars; the whole ensemble: example text_bench) | {r:.0} texts/s | {us:.1} µs |");
    let (r, us) = rate(2_000, |i| {
        black_box(text.analyze(&texts[i % texts.len()]));
    });
    println!("| n-gram model + lexicon alone, 1,000-char texts | {r:.0} texts/s | {us:.1} µs |");

    let image = ImageModel::load(&dir, 1).expect("image model (run scripts/fetch-models.sh)");
    let jpegs: Vec<Vec<u8>> = (0..8u32)
        .map(|k| {
            let img = image::RgbImage::from_fn(512, 512, |x, y| {
                image::Rgb([((x * (k + 1)) % 256) as u8, ((y * 3 + k * 20) % 256) as u8, ((x + y) % 256) as u8])
            });
            let mut out = std::io::Cursor::new(Vec::new());
            img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
            out.into_inner()
        })
        .collect();
    let (r, us) = rate(80, |i| {
        black_box(image.analyze(&jpegs[i % jpegs.len()]).unwrap());
    });
    println!("| image model, 512×512 JPEG (decode + open_nsfw) | {r:.1} images/s | {:.1} ms |", us / 1000.0);
    image_bench(&dir);
}

/// Peak resident memory of this process so far (`VmHWM`), in MiB.
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn jpeg_512(img: &image::RgbImage) -> Vec<u8> {
    let img = image::imageops::resize(img, 512, 512, image::imageops::FilterType::Triangle);
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 90).encode_image(&img).unwrap();
    buf
}

/// Images/s over `jpegs` with `threads` workers sharing `model`, `n` images in all.
fn image_rate(model: &ImageModel, jpegs: &[Vec<u8>], threads: usize, n: usize) -> f64 {
    let t = Instant::now();
    std::thread::scope(|s| {
        for w in 0..threads {
            s.spawn(move || {
                for i in (w..n).step_by(threads) {
                    black_box(model.analyze(&jpegs[i % jpegs.len()]).unwrap());
                }
            });
        }
    });
    n as f64 / t.elapsed().as_secs_f64()
}

/// The image part: 512×512 JPEGs without text (photos and shapes from `eval/images/`) and with text (the set's
/// text images and memes), 1 and 2 workers, and peak memory.
fn image_bench(dir: &std::path::Path) {
    let set = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/images"));
    let load = |name: &str| image::open(set.join(name)).unwrap_or_else(|e| panic!("eval/images/{name}: {e}")).into_rgb8();
    let before = peak_rss_mib();
    let t = Instant::now();
    let image = ImageModel::load(dir, 1).expect("image model (run scripts/fetch-models.sh)");
    println!("| image models load (open_nsfw + OCR, 2 sessions each) | {:.0} ms | |", t.elapsed().as_secs_f64() * 1e3);
    let loaded = peak_rss_mib();
    let no_text: Vec<Vec<u8>> = ["photo-astronaut.jpg", "photo-chelsea.jpg", "photo-coffee.jpg", "photo-rocket.jpg", "photo-horse.jpg", "shapes-0.png", "shapes-1.png", "shapes-2.png"]
        .iter()
        .map(|f| jpeg_512(&load(f)))
        .collect();
    let with_text: Vec<Vec<u8>> = ["meme-violence-en.jpg", "meme-benign-en.jpg", "meme-selfharm-en.jpg", "text-en-notice.png", "text-de-notice.png", "text-zh-weather.png", "text-en-chat-small.png", "text-en-receipt.png"]
        .iter()
        .map(|f| {
            // Text images are pasted at their own size onto a 512×512 page (memes are resized), so the text stays
            // as large as it was rendered.
            let img = load(f);
            if img.width() <= 512 && img.height() <= 512 && f.starts_with("text-") {
                let mut page = image::RgbImage::from_pixel(512, 512, image::Rgb([255, 255, 255]));
                image::imageops::replace(&mut page, &img, 0, 40);
                jpeg_512(&page)
            } else {
                jpeg_512(&img)
            }
        })
        .collect();
    for (set_name, jpegs) in [("without text", &no_text), ("with text", &with_text)] {
        let lines: usize = jpegs.iter().map(|j| image.analyze(j).unwrap().text.lines.len()).sum();
        for threads in [1, 2] {
            let n = if set_name == "without text" { 64 } else { 24 };
            let r = image_rate(&image, jpegs, threads, n);
            println!(
                "| image, 512×512 JPEG {set_name} ({} images, {lines} text lines read), {threads} worker(s) | {r:.1} images/s | {:.1} ms |",
                jpegs.len(),
                1e3 * threads as f64 / r
            );
        }
    }
    let after_512 = peak_rss_mib();
    // The largest accepted request: a 7200 × 7200 JPEG with the notice pasted in.
    let mut huge = image::RgbImage::from_fn(7200, 7200, |x, y| image::Rgb([(x / 29) as u8, (y / 29) as u8, 128]));
    let notice = load("text-en-notice.png");
    let notice = image::imageops::resize(&notice, notice.width() * 6, notice.height() * 6, image::imageops::FilterType::Triangle);
    image::imageops::replace(&mut huge, &notice, 1000, 1000);
    let mut huge_jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut huge_jpeg, 60).encode_image(&huge).unwrap();
    drop(huge);
    let t = Instant::now();
    let a = image.analyze(&huge_jpeg).unwrap();
    println!(
        "| image, 7200×7200 JPEG ({:.1} MB) with text ({} lines), 1 worker | | {:.0} ms |",
        huge_jpeg.len() as f64 / 1e6,
        a.text.lines.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "| peak RSS (VmHWM): before models / after load / after the 512×512 runs / after the 7200×7200 request | {before:.0} / {loaded:.0} / {after_512:.0} / {:.0} MiB | |",
        peak_rss_mib()
    );
    // Last, so that its extra sessions do not count in the peak memory above.
    stage_breakdown(dir, &[("without text", &no_text), ("with text", &with_text)]);
}

/// Median of `reps` timings of `f`, in ms.
fn median_ms(reps: usize, mut f: impl FnMut()) -> f64 {
    let mut ts: Vec<f64> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ts.sort_by(f64::total_cmp);
    ts[ts.len() / 2]
}

/// Single-thread cost per stage, mean over the images of each set of the per-image median over 7 runs.
fn stage_breakdown(dir: &std::path::Path, sets: &[(&str, &Vec<Vec<u8>>)]) {
    let limits = ImageLimits::default();
    let mut options = ImageOptions::new(1);
    options.ocr = None;
    options.sessions = 1;
    let sexual = ImageModel::load_with(dir, options).expect("image model");
    let ocr = Ocr::load(dir, 1, 1, OcrLimits::default()).expect("OCR models");
    const REPS: usize = 7;
    for (name, jpegs) in sets {
        let (mut dec, mut img, mut probe, mut det, mut rec, mut total) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        let (mut det_runs, mut det_px, mut rec_runs) = (0, 0, 0);
        for jpeg in jpegs.iter() {
            dec += median_ms(REPS, || {
                black_box(decode(jpeg, &limits).unwrap());
            });
            let decoded = decode(jpeg, &limits).unwrap();
            img += median_ms(REPS, || {
                black_box(sexual.analyze_decoded(&decoded).unwrap());
            });
            let mut runs: Vec<OcrProfile> = (0..REPS)
                .map(|_| {
                    let mut p = OcrProfile::default();
                    black_box(ocr.recognize_profiled(&decoded.rgb, &mut p).unwrap());
                    p
                })
                .collect();
            let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
            runs.sort_by(|a, b| ms(a.probe + a.detect + a.recognize).total_cmp(&ms(b.probe + b.detect + b.recognize)));
            let p = runs[REPS / 2];
            probe += ms(p.probe);
            det += ms(p.detect);
            rec += ms(p.recognize);
            total += ms(p.probe + p.detect + p.recognize);
            det_runs += p.det_runs;
            det_px += p.det_pixels;
            rec_runs += p.rec_runs;
        }
        let n = jpegs.len() as f64;
        println!(
            "| stages, 512×512 JPEG {name}, 1 thread, mean per image: decode / image models without OCR / OCR probe / \
             OCR detection ({det_runs} runs, {:.0} kpx in all) / recognition ({rec_runs} runs) / OCR total | | \
             {:.1} / {:.1} / {:.1} / {:.1} / {:.1} / {:.1} ms |",
            det_px as f64 / 1e3,
            dec / n,
            img / n,
            probe / n,
            det / n,
            rec / n,
            total / n
        );
    }
}
