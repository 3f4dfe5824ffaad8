//! Times each public stage on a file: `cargo run --release --example stage_times FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stage_times FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let mb = text.len() as f64 / 1e6;
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let t = Instant::now();
        let n = f();
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name:<12} {:>8.1} ms {:>8.1} MB/s  ({n} items)",
            s * 1e3,
            mb / s
        );
    };
    time("normalize", &|| {
        nutshell::normalize::normalize(&text).text().len()
    });
    time("segment", &|| nutshell::segment(&text).len());
    time("figures", &|| nutshell::figures(&text).len());
    let o = nutshell::Options::default();
    time("summarize", &|| {
        nutshell::summarize(&text, &o)
            .map(|s| s.sentences.len())
            .unwrap_or(0)
    });
}
