//! Adversarial inputs (issue 9) against normal text of the same size: each group times the
//! adversarial input and a news-like text with the same number of bytes through the same
//! entry point. A ratio far above 1, or one that grows with size, is a superlinear stage
//! (a bug). Run: `cargo bench --bench adversarial`.
//!
//! Inputs come from `tests/common/inputs.rs` (deterministic generators shared with
//! `tests/adversarial.rs`, which checks their results).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nutshell::{OptionValue, Options};
use std::hint::black_box;
use std::time::Duration;

#[path = "../tests/common/inputs.rs"]
mod inputs;

use inputs::MB;

fn summarize(text: &str, options: &Options) -> usize {
    nutshell::summarize(text, options)
        .map(|s| s.sentences.len())
        .unwrap_or(0)
}

/// Times `run` on `adversarial` and on normal text of the same length.
fn pair(c: &mut Criterion, name: &str, adversarial: &str, normal: &str, run: fn(&str) -> usize) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes(adversarial.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("adversarial", adversarial.len()),
        adversarial,
        |b, t| b.iter(|| run(black_box(t))),
    );
    group.bench_with_input(BenchmarkId::new("normal", normal.len()), normal, |b, t| {
        b.iter(|| run(black_box(t)))
    });
    group.finish();
}

fn same_size_text(len: usize) -> String {
    let mut text = inputs::normal_text(len);
    let mut cut = len.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

fn summarize_default(text: &str) -> usize {
    summarize(text, &Options::default())
}

fn extract(html: &str) -> usize {
    nutshell::html::extract_article(html).text.len()
}

fn adversarial(c: &mut Criterion) {
    let word = inputs::long_word(MB);
    pair(
        c,
        "long_word_1MB",
        &word,
        &same_size_text(word.len()),
        summarize_default,
    );

    let (no_period, _) = inputs::no_period(MB);
    pair(
        c,
        "no_period_1MB",
        &no_period,
        &same_size_text(no_period.len()),
        summarize_default,
    );

    let lines = inputs::one_char_lines(100_000);
    pair(
        c,
        "one_char_lines_100k",
        &lines,
        &same_size_text(lines.len()),
        summarize_default,
    );

    let digits = inputs::digits(1_000_000);
    pair(
        c,
        "digits_1M",
        &digits,
        &same_size_text(digits.len()),
        summarize_default,
    );

    let sentence = "The bridge reopened on Monday after a $48 million repair.";
    let identical = inputs::identical_sentences(5_000, sentence);
    pair(
        c,
        "identical_sentences_5k",
        &identical,
        &same_size_text(identical.len()),
        summarize_default,
    );

    let nested = inputs::nested_html(100_000, "The storm closed the port for two days.");
    pair(
        c,
        "nested_html_100k",
        &nested,
        &inputs::normal_html(nested.len()),
        extract,
    );
}

/// Selection compares each candidate with the sentences already chosen; with a budget of
/// every sentence (ratio 1) that is quadratic unless capped. Two sizes show the growth.
fn whole_text_budget(c: &mut Criterion) {
    let mut group = c.benchmark_group("ratio_1");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(4));
    let mut options = Options::default();
    options
        .set("ratio", OptionValue::Number(1.0))
        .expect("valid ratio");
    for size in [MB / 8, MB / 4, MB / 2] {
        let text = same_size_text(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(text.len()), &text, |b, t| {
            b.iter(|| summarize(black_box(t), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial, whole_text_budget);
criterion_main!(benches);
