//! Growth of `summarize` time with input size on the inputs that once grew faster than
//! linearly (see `benches/adversarial.md`): many distinct sentences (a large vocabulary),
//! with the default budget and with `ratio=1` (every sentence chosen), and news-like text.
//! `cargo run --release --example scaling` prints milliseconds (best of 3) per size.
#[path = "../benches/corpus.rs"]
mod corpus;

use nutshell::{OptionValue, Options};
use std::time::Instant;

/// `n` sentences of 8 random made-up words each: nearly every word is new, so the
/// vocabulary grows with the text.
fn distinct_sentences(n: usize) -> String {
    let mut rng = corpus::Rng::new(7);
    let mut text = String::new();
    for _ in 0..n {
        for w in 0..8 {
            let len = 3 + rng.below(6);
            let word: String = (0..len)
                .map(|_| (b'a' + rng.below(26) as u8) as char)
                .collect();
            if w == 0 {
                let mut chars = word.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                text.extend(first);
                text.push_str(chars.as_str());
            } else {
                text.push(' ');
                text.push_str(&word);
            }
        }
        text.push_str(". ");
    }
    text
}

fn best_of_3_ms(text: &str, options: &Options) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let summary = nutshell::summarize(text, options).expect("summary");
            std::hint::black_box(summary);
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let default = Options::default();
    let mut all = Options::default();
    all.set("ratio", OptionValue::Number(1.0)).expect("ratio");
    let mut none = Options::default();
    none.set("keyphrases", OptionValue::Number(0.0))
        .expect("keyphrases");
    println!("{:<34} {:>10} {:>10} {:>10}", "input", "1×", "2×", "4×");
    let row = |name: &str, make: &dyn Fn(usize) -> String, options: &Options| {
        let times: Vec<String> = [1, 2, 4]
            .iter()
            .map(|&k| format!("{:.0} ms", best_of_3_ms(&make(k), options)))
            .collect();
        println!(
            "{name:<34} {:>10} {:>10} {:>10}",
            times[0], times[1], times[2]
        );
    };
    row(
        "distinct sentences, default",
        &|k| distinct_sentences(2000 * k),
        &none,
    );
    row(
        "distinct sentences, ratio=1",
        &|k| distinct_sentences(2000 * k),
        &all,
    );
    row(
        "news-like 128 KB, default",
        &|k| corpus::document_of_bytes(128_000 * k),
        &default,
    );
    row(
        "news-like 128 KB, ratio=1",
        &|k| corpus::document_of_bytes(128_000 * k),
        &all,
    );
}
