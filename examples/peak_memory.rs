//! Peak heap use of `summarize` and of each stage before it, with a counting allocator:
//! `cargo run --release --example peak_memory FILE`. The stages run as `summarize` runs
//! them (content-word tokens, dropped before the graph; the figures not kept); after the
//! figures, each peak is counted from there. Native sizes: `usize` is 8 bytes here and 4 in
//! wasm32; for wasm's, build it for `wasm32-wasip1` and run it under a WASI runtime (node's
//! `node:wasi`). The input text itself is not counted.
use nutshell::{figures, keyphrases, normalize, score, segment, select, tokenize};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    /// The system's `realloc`, which grows or shrinks a block in place when it can (the
    /// default would always copy, and count a shrink as a new block beside the old one).
    /// A block that moved was copied while both existed, so the peak counts both.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_ptr = unsafe { System.realloc(ptr, layout, new_size) };
        if !new_ptr.is_null() {
            let both = LIVE.fetch_add(new_size, Relaxed) + new_size;
            if new_ptr != ptr {
                PEAK.fetch_max(both, Relaxed);
            }
            let live = LIVE.fetch_sub(layout.size(), Relaxed) - layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        new_ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let path = std::env::args().nth(1).expect("usage: peak_memory FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let mb = |b: usize| b as f64 / 1e6;
    let report = |name: &str, base: usize| {
        let (live, peak) = (LIVE.load(Relaxed), PEAK.load(Relaxed));
        println!(
            "{name:<12} live {:>8.1} MB   peak {:>8.1} MB  ({:.1}× input)",
            mb(live - base),
            mb(peak - base),
            (peak - base) as f64 / text.len() as f64
        );
    };
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let normalized = normalize::normalize(&text);
    report("normalize", base);
    let segments = segment::segment_in(normalized.text(), nutshell::Language::Auto);
    report("segment", base);
    let facts = figures::extract(normalized.text(), &segments);
    report("figures", base);
    // As `summarize` does: the figures go on (to the caller, or to JS) and scoring keeps
    // their count per sentence.
    let mut figure_counts = vec![0; segments.len()];
    score::density::count_figures(&mut figure_counts, &facts);
    drop(facts);
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let tokens = tokenize::Tokenizer::default().tokenize_content(normalized.text(), &segments);
    report("tokenize", base);
    let tfidf = score::TfIdf::new(&tokens);
    report("tfidf", base);
    let signals =
        score::SentenceSignals::new(normalized.text(), &segments, &tokens, &figure_counts);
    report("signals", base);
    let skip = vec![false; segments.len()];
    let keyphrases = keyphrases::keyphrases(normalized.text(), &tokens, &skip, 10);
    report("keyphrases", base);
    // As `summarize` does: the tokens go before the graph is built.
    drop((tokens, skip, figure_counts));
    let graph = score::graph::Graph::new(&tfidf);
    report("graph", base);
    let scores = score::score(&score::Input {
        text: normalized.text(),
        segments: &segments,
        signals: &signals,
        tfidf: &tfidf,
        graph: &graph,
        title_terms: &[],
    });
    report("score", base);
    let candidates: Vec<select::Candidate> = (0..segments.len())
        .map(|i| select::Candidate {
            score: scores.parts[i].total_with(&scores.weights),
            words: signals.words[i],
            chars: 0,
        })
        .collect();
    let selected = select::select(&candidates, &graph, &tfidf, nutshell::Budget::Sentences(3));
    report("select", base);
    drop((
        selected, candidates, scores, keyphrases, graph, tfidf, signals, segments, normalized,
    ));
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let summary = nutshell::summarize(&text, &nutshell::Options::default()).expect("summary");
    report("summarize", base);
    println!(
        "result: {} sentences, {} facts, {} keyphrases",
        summary.sentences.len(),
        summary.facts.len(),
        summary.keyphrases.len()
    );
}
