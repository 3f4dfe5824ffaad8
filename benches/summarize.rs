//! Speed of `summarize` on a ~1,000-word article and on a 100,000-word document.
//!
//! Both inputs are built from the test texts in `tests/data/summ/` (written for nutshell):
//! the article is three of them joined (about 950 words); the long document cycles through
//! all their sentences in a pseudo-random order (fixed seed), with invented rare words mixed
//! in so that the vocabulary keeps growing as in a real book, and a paragraph break every
//! few sentences. Throughput is reported in bytes, so the two per-byte costs can be
//! compared: near-linear scoring keeps them close.
//!
//! `cargo bench --bench summarize`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn read(name: &str) -> String {
    let path = format!("{}/tests/data/summ/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("test text")
}

fn article() -> String {
    ["news.txt", "report.txt", "essay.txt"]
        .iter()
        .map(|n| read(n))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// About `words` words of book-like text (see the module docs).
fn long_document(words: usize) -> String {
    let all: String = ["news.txt", "essay.txt", "howto.txt", "report.txt"]
        .iter()
        .map(|n| read(n))
        .collect::<Vec<_>>()
        .join(" ");
    let sentences: Vec<&str> = all
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() > 3)
        .collect();
    let mut state: u64 = 42;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let syllables = [
        "ka", "lo", "mir", "ten", "sa", "vo", "ri", "del", "an", "tus",
    ];
    let mut out = String::new();
    let (mut count, mut in_paragraph) = (0, 0);
    while count < words {
        let s = sentences[next() % sentences.len()];
        out.push_str(s);
        count += s.split_whitespace().count();
        // An invented name: rare terms, as a long document keeps introducing new ones.
        let name: String = (0..3)
            .map(|_| syllables[next() % syllables.len()])
            .collect();
        out.push_str(&format!(" Then {name} arrived. "));
        count += 3;
        in_paragraph += 1;
        if in_paragraph == 5 {
            out.push_str("\n\n");
            in_paragraph = 0;
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let options = nutshell::Options::default();
    let mut group = c.benchmark_group("summarize");
    for (name, text) in [
        ("article_1k_words", article()),
        ("document_100k_words", long_document(100_000)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        if name.starts_with("document") {
            group.sample_size(10);
        }
        group.bench_function(name, |b| {
            b.iter(|| nutshell::summarize(black_box(&text), &options).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
