//! Text ensemble throughput and memory on this machine (a benchmark, not a test: numbers are reported, never
//! asserted).
//!
//!     cargo run --release -p custos-engine --example text_bench -- [MODEL_DIR] [THREADS...]
//!
//! Prints a Markdown table: the whole text pipeline (`TextEnsemble::analyze`: normalization, n-gram model, lexicon,
//! MiniLM encoder, combiner, explanation spans) on short texts and on 1,000-character texts, with 1 and 2 worker
//! threads (each worker takes its own encoder session, one intra-op thread each, as the server does), plus the
//! parts alone, and the process's resident memory after loading and at its peak.

use custos_engine::text::ensemble::TextEnsemble;
use custos_engine::text::normalize::normalize;
use custos_engine::text::prepare;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Runs `n` items over `threads` workers; returns items/s.
fn parallel(threads: usize, n: usize, f: &(dyn Fn(usize) + Sync)) -> f64 {
    let next = AtomicUsize::new(0);
    let t = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                f(i);
            });
        }
    });
    n as f64 / t.elapsed().as_secs_f64()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir: PathBuf =
        args.next().map(Into::into).unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../models").into());
    let mut thread_counts: Vec<usize> = args.filter_map(|a| a.parse().ok()).collect();
    if thread_counts.is_empty() {
        thread_counts = vec![1, 2];
    }
    let rss0 = status_kb("VmRSS:");
    let t = Instant::now();
    let sessions = *thread_counts.iter().max().unwrap_or(&1);
    let ens = TextEnsemble::load(&dir, 1, sessions).expect("text ensemble (run make models)");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let rss_loaded = status_kb("VmRSS:");

    // Realistic mixes: everyday chat, news, look-alikes and harmful sentences, ~40-120 characters.
    let seeds = [
        "hey, are we still on for lunch tomorrow at noon?",
        "The council approved the new budget for road repairs after a long debate.",
        "I can't believe how good that concert was last night!!",
        "Patients should take 5 mg twice daily unless told otherwise by their doctor.",
        "you people are disgusting vermin and should go back where you came from",
        "I will find where you live and kill you",
        "sometimes I think about ending it all, nobody would miss me",
        "The film's final battle scene is brutal but beautifully shot.",
        "Wie spät ist es? Ich komme gleich nach Hause.",
        "¿Dónde está la estación de tren más cercana?",
        "send me nudes or I'll leak your pictures",
        "Thanks for the help with the printer yesterday, it works now.",
    ];
    let short: Vec<String> = (0..600).map(|i| format!("{} ({})", seeds[i % seeds.len()], i)).collect();
    let long: Vec<String> = (0..120)
        .map(|i| {
            let mut s = String::new();
            let mut k = i;
            while s.chars().count() < 1000 {
                s.push_str(seeds[k % seeds.len()]);
                s.push(' ');
                k += 5;
            }
            s.chars().take(1000).collect()
        })
        .collect();
    let avg = |v: &[String]| v.iter().map(|s| s.chars().count()).sum::<usize>() as f64 / v.len() as f64;

    println!("| what | threads | throughput | per item |\n|---|---|---|---|");
    for t in [1usize] {
        let r = parallel(t, 200_000, &|i| {
            black_box(normalize(&short[i % short.len()]));
        });
        println!("| evasion normalization, short texts | {t} | {r:.0} texts/s | {:.1} µs |", 1e6 / r);
        let r = parallel(t, 100_000, &|i| {
            black_box(ens.base().analyze(&short[i % short.len()]));
        });
        println!("| n-gram model + lexicon, short texts | {t} | {r:.0} texts/s | {:.1} µs |", 1e6 / r);
        if let Some(enc) = ens.encoder() {
            let r = parallel(t, 20_000, &|i| {
                black_box(enc.tokenize(&prepare(&short[i % short.len()])));
            });
            println!("| WordPiece tokenization, short texts | {t} | {r:.0} texts/s | {:.1} µs |", 1e6 / r);
        }
    }
    // warm-up: first runs allocate ORT arenas
    for s in short.iter().take(20).chain(long.iter().take(4)) {
        black_box(ens.analyze(s));
    }
    let r = parallel(1, 60, &|i| {
        black_box(ens.embed(&long[i % long.len()]).unwrap());
    });
    println!("| sentence encoders alone (chunked), 1,000-char texts | 1 | {r:.1} texts/s | {:.1} ms |", 1e3 / r);
    let r = parallel(1, 500, &|i| {
        black_box(ens.embed(&short[i % short.len()]).unwrap());
    });
    println!("| sentence encoders alone, short texts | 1 | {r:.0} texts/s | {:.2} ms |", 1e3 / r);
    for s in short.iter().take(20).chain(long.iter().take(4)) {
        black_box(ens.analyze(s));
    }
    for &t in &thread_counts {
        let r = parallel(t, 1_500, &|i| {
            black_box(ens.analyze(&short[i % short.len()]));
        });
        println!(
            "| **whole text pipeline, short texts (avg {:.0} chars)** | {t} | **{r:.0} texts/s** | {:.2} ms |",
            avg(&short),
            1e3 * t as f64 / r
        );
        let r = parallel(t, 150, &|i| {
            black_box(ens.analyze(&long[i % long.len()]));
        });
        println!(
            "| **whole text pipeline, 1,000-char texts** | {t} | **{r:.1} texts/s** | {:.1} ms |",
            1e3 * t as f64 / r
        );
    }
    let long10k: String = long.iter().take(10).cloned().collect::<Vec<_>>().join(" ").chars().take(10_000).collect();
    let t = Instant::now();
    black_box(ens.analyze(&long10k));
    println!("| whole text pipeline, one 10,000-char text | 1 | | {:.0} ms |", t.elapsed().as_secs_f64() * 1e3);
    let repeated: String = std::iter::repeat('a').take(10_000).collect();
    let t = Instant::now();
    black_box(ens.analyze(&repeated));
    println!("| whole text pipeline, 10,000 × 'a' | 1 | | {:.1} ms |", t.elapsed().as_secs_f64() * 1e3);

    println!(
        "\nload {load_ms:.0} ms ({sessions} encoder sessions); resident memory: {:.0} MB before loading, {:.0} MB \
         after loading the text ensemble (+{:.0} MB), peak {:.0} MB",
        rss0 as f64 / 1024.0,
        rss_loaded as f64 / 1024.0,
        (rss_loaded - rss0) as f64 / 1024.0,
        status_kb("VmHWM:") as f64 / 1024.0
    );
}
