//! Runs each internal stage of `summarize` on a file N times and prints the time per run of
//! each, for finding where the time goes (and, under callgrind, a stable instruction count):
//! `cargo run --release --example profile_loop FILE [N] [STAGE]` (STAGE: run only that one,
//! e.g. under `valgrind --tool=callgrind`).
use nutshell::{figures, keyphrases, normalize, score, segment, select, tokenize};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile_loop FILE [N]");
    let runs: usize = args
        .next()
        .map_or(100, |n| n.parse().expect("N is a number"));
    let only = args.next();
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let options = nutshell::Options::default();

    let time = |name: &str, f: &mut dyn FnMut()| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let t = Instant::now();
        for _ in 0..runs {
            f();
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / runs as f64;
        println!("{name:<12} {us:>10.1} µs");
    };
    let normalized = normalize::normalize(&text);
    let norm = normalized.text();
    let segments = segment::segment_in(norm, options.language);
    let tokens = tokenize::Tokenizer::default().tokenize(norm, &segments);
    let tfidf = score::TfIdf::new(&tokens);
    let graph = score::graph::Graph::new(&tfidf);
    let facts = figures::extract(norm, &segments);
    let mut figure_counts = vec![0; segments.len()];
    score::density::count_figures(&mut figure_counts, &facts);
    let signals = score::SentenceSignals::new(norm, &segments, &tokens, &figure_counts);
    let input = score::Input {
        text: norm,
        segments: &segments,
        signals: &signals,
        tfidf: &tfidf,
        graph: &graph,
        title_terms: &[],
    };
    let scores = score::score(&input);
    let candidates: Vec<select::Candidate> = (0..segments.len())
        .map(|i| select::Candidate {
            score: scores.parts[i].total_with(&scores.weights),
            words: tokens.of_sentence(i).len(),
            chars: segments[i].end - segments[i].start,
        })
        .collect();
    let skip = vec![false; segments.len()];

    time("normalize", &mut || {
        drop(black_box(normalize::normalize(&text)))
    });
    time("segment", &mut || {
        drop(black_box(segment::segment_in(norm, options.language)))
    });
    time("tokenize", &mut || {
        drop(black_box(
            tokenize::Tokenizer::default().tokenize(norm, &segments),
        ))
    });
    time("tfidf", &mut || drop(black_box(score::TfIdf::new(&tokens))));
    time("graph", &mut || {
        drop(black_box(score::graph::Graph::new(&tfidf)))
    });
    time("figures", &mut || {
        drop(black_box(figures::extract(norm, &segments)))
    });
    time("signals", &mut || {
        drop(black_box(score::SentenceSignals::new(
            norm,
            &segments,
            &tokens,
            &figure_counts,
        )))
    });
    time("score", &mut || drop(black_box(score::score(&input))));
    time("select", &mut || {
        drop(black_box(select::select(
            &candidates,
            &graph,
            &tfidf,
            options.budget,
        )))
    });
    time("keyphrases", &mut || {
        drop(black_box(keyphrases::keyphrases(
            norm,
            &tokens,
            &skip,
            options.keyphrases,
        )))
    });
    time("summarize", &mut || {
        drop(black_box(nutshell::summarize(&text, &options)))
    });
}
