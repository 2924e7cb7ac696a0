//! Engine throughput on this machine (a benchmark, not a test: numbers are reported, never asserted).
//!
//!     cargo run --release -p custos-engine --example bench -- [MODEL_DIR]
//!
//! Prints a Markdown table: blocklist compile and match, text model on short and 1,000-character texts, image
//! model on 512×512 JPEGs. Single thread; the server runs one such worker per core.

use custos_engine::blocklist::{normalize, CompiledBlocklist, ItemSpec};
use custos_engine::image::ImageModel;
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
    let dir: PathBuf = std::env::args().nth(1).map(Into::into).unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../models").into());
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
    println!("| text model, short texts (~90 chars) | {r:.0} texts/s | {us:.1} µs |");
    let (r, us) = rate(2_000, |i| {
        black_box(text.analyze(&texts[i % texts.len()]));
    });
    println!("| text model, 1,000-char texts | {r:.0} texts/s | {us:.1} µs |");

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
}
