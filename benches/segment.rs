//! Throughput of sentence segmentation (criterion).
//!
//! - `news`: 1 MB of generated news-like English (titles, abbreviations, money, quotes,
//!   datelines, paragraphs), raw segmenter and the public API (normalize + map back).
//! - `linear`: 1 MB and 10 MB of a single paragraph, of one-word lines, and of runs of
//!   pathological patterns; compare the MB/s of the two sizes to check linear time
//!   (`cargo bench --bench segment -- linear`).
//!
//! Run: `cargo bench --bench segment`. Text is generated here (no data set is copied).

#[path = "corpus.rs"]
mod corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nutshell::segment::{segment_in, Language};
use std::hint::black_box;
use std::time::Duration;

const SENTENCES: &[&str] = &[
    "The city council approved a $12.5 million budget on Tuesday after a long debate.",
    "Mr. Lee, a former U.S. Navy officer, said the plan was \"long overdue.\"",
    "Shares of Acme Corp. rose 4.2% to $31.07 in early trading on the Nasdaq.",
    "\"We will rebuild,\" Gov. Maria Chen told reporters at 5 p.m. on Friday.",
    "The storm killed at least 14 people, officials said, and left 200,000 homes without power.",
    "Voting ends Nov. 5, and results are expected by Dec. 1.",
    "Critics, including Sen. Paul Ortiz (D., N.Y.), called the deal rushed.",
    "Is the plan affordable? Analysts are divided.",
    "The report, published by Globex Inc. and the U.N. refugee agency, runs to 84 pages.",
    "Prices rose 3.1% in March, the fastest pace since 2023, according to the Labor Department.",
    "Police said the suspect, John A. Smith, 42, was arrested near Main St. at about 11 p.m.",
    "The company employs 1,200 people in Lansing, Mich., and plans to hire 300 more.",
    "\"It was terrifying. The water came up so fast,\" said Ana Lopez, who lives near the river.",
    "The vote — held late on Thursday — passed 7-2.",
    "Details are posted at www.example.gov/budget, officials said.",
];

const HEADLINES: &[&str] = &[
    "Council approves budget after marathon session",
    "By Ann Reed and Tom Lee",
    "WASHINGTON (AP) — Lawmakers returned to work on Monday.",
    "Key points",
];

/// Deterministic news-like text of about `bytes` bytes.
fn news(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    while out.len() < bytes {
        out.push_str(HEADLINES[next(HEADLINES.len())]);
        out.push('\n');
        for _ in 0..(3 + next(4)) {
            for k in 0..(2 + next(4)) {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(SENTENCES[next(SENTENCES.len())]);
            }
            out.push_str("\n\n");
        }
    }
    out
}

/// One paragraph: the news sentences without any line break.
fn one_paragraph(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(SENTENCES[i % SENTENCES.len()]);
        out.push(' ');
        i += 7;
    }
    out
}

/// One word per line (a pathological list).
fn word_lines(bytes: usize) -> String {
    let words = [
        "alpha", "Beta", "gamma.", "Delta", "e.g.", "U.S.", "1.", "•",
    ];
    let mut out = String::with_capacity(bytes + 16);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(words[i % words.len()]);
        out.push('\n');
        i += 1;
    }
    out
}

/// Runs of pathological patterns (dots, ellipses, markers, bullets, quotes, line breaks),
/// 4 KB of each in turn: every rule's look-back and look-ahead must stay bounded.
fn adversarial(bytes: usize) -> String {
    let patterns = corpus::PATHOLOGICAL_PATTERNS;
    let mut out = String::with_capacity(bytes + 4096);
    let mut k = 0;
    while out.len() < bytes {
        let p = patterns[k % patterns.len()];
        for _ in 0..4096 / p.len() {
            out.push_str(p);
        }
        k += 1;
    }
    out
}

fn bench_news(c: &mut Criterion) {
    let text = news(1 << 20);
    let mut group = c.benchmark_group("news");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("raw_en_1MB", |b| {
        b.iter(|| segment_in(black_box(&text), Language::En))
    });
    group.bench_function("raw_auto_1MB", |b| {
        b.iter(|| segment_in(black_box(&text), Language::Auto))
    });
    group.bench_function("public_1MB", |b| {
        b.iter(|| nutshell::segment(black_box(&text)))
    });
    group.finish();
}

fn bench_linear(c: &mut Criterion) {
    let mut group = c.benchmark_group("linear");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for (name, make) in [
        ("paragraph", one_paragraph as fn(usize) -> String),
        ("word_lines", word_lines),
        ("adversarial", adversarial),
    ] {
        for mb in [1usize, 10] {
            let text = make(mb << 20);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, format!("{mb}MB")), &text, |b, t| {
                b.iter(|| segment_in(black_box(t), Language::En))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_news, bench_linear);
criterion_main!(benches);
