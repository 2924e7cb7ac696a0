//! Prints raw scores and severities of the lines on stdin: `cargo run --release -p custos-train --example probe -- models/text < texts.txt`.
use custos_engine::text::TextModel;
use std::io::BufRead;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "models/text".into());
    let m = TextModel::load(std::path::Path::new(&dir)).expect("model loads");
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let a = m.analyze(&line);
        let r = m.raw_scores(&line);
        let sev: Vec<u8> = a.severities.iter().map(|s| s.level()).collect();
        println!("{sev:?} raw [{:.2} {:.2} {:.2} {:.2}]  {line}", r[0], r[1], r[2], r[3]);
    }
}
