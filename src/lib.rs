//! # nutshell
//!
//! A client-side article summarizer: paste a news article, get its most informative
//! sentences (in their original order, with the reasons each was chosen), its key figures
//! (counts, money, percentages, measures, dates… with normalized values) and its
//! keyphrases. Pure Rust, deterministic, no network; compiled to WebAssembly for the
//! browser (see `src/wasm.rs`) and to a native CLI (`--features cli`).
//!
//! ## The pipeline
//!
//! Each stage is a module you can read on its own:
//!
//! ```text
//! text ─ normalize ─ segment ─ tokenize ─ score ─ select ──────────┐
//!                        │          └──── keyphrases ──────────────┤
//!                        └─────────────── figures ─────────────────┴─ Summary
//! ```
//!
//! 1. [`normalize`] — uniform spaces, quotes and line breaks, with a map back to the original.
//! 2. [`segment`](mod@segment) — sentences and paragraphs.
//! 3. [`tokenize`] — words, stop words, Snowball stems ([`stem`]), interned term ids.
//! 4. [`score`] — per sentence: lead position, PacSum-style directed centrality, LexRank
//!    over a sparse similarity graph, coverage, title overlap, figure and name density,
//!    length and boilerplate, combined with weights fitted on CNN/DailyMail dev data.
//! 5. [`select`] — the best sentences within a length [`Budget`] (MMR, no near-duplicates).
//! 6. [`figures`](mod@figures) — key figures with kinds, values and units.
//! 7. [`keyphrases`] — the top phrases.
//!
//! Web pages go through [`html::extract_article`] first: it keeps the article's paragraphs
//! (no menus, comments, scripts or footers) as plain text for the pipeline.
//!
//! Every span in every result is a **byte offset into the original text** you passed in
//! (the wasm layer converts them to UTF-16 code units, once, at the boundary, with the
//! table in `src/utf16.rs`).
//!
//! ## Example
//!
//! ```
//! let text = "The city council approved a $12 million budget on Tuesday. \
//!             The plan adds 40 buses. Critics said the plan came too late. \
//!             Voting ended 7-2 after a long debate.";
//! let mut options = nutshell::Options::default();
//! options.set("sentences", nutshell::OptionValue::Number(2.0))?;
//! let result = nutshell::summarize(text, &options)?;
//! assert_eq!(result.summary.len(), 2);
//! let money = result.facts.iter().find(|f| f.text == "$12 million").unwrap();
//! assert_eq!(money.unit.as_deref(), Some("USD"));
//! # Ok::<(), nutshell::Error>(())
//! ```
//!
//! Options are one struct, [`Options`], with a `Default`; front ends set them by name with
//! [`Options::set`] and every error names the option ([`Error::option`]).
//!
//! ## Long inputs
//!
//! Nothing changes abruptly with size; every stage is linear or n·log n in the input:
//!
//! - the similarity graph compares sentences only through rare terms (in at most
//!   [`score::graph::MAX_POSTINGS`] sentences) and keeps each sentence's
//!   [`score::graph::MAX_NEIGHBOURS`] best neighbours, so it never grows as n²;
//!   LexRank then costs at most 30 passes over its edges;
//! - position counts less as a text grows past article length ([`score::position`]): in a
//!   report or a book the opening is an introduction, not a lead;
//! - selection re-checks a candidate against at most [`select::EXACT_CHECKS`] chosen
//!   sentences, and compares with the rest through the graph;
//! - figures are read in blocks of [`figures::BLOCK`] bytes that end at paragraph breaks,
//!   so their scratch space stays bounded;
//! - inputs over [`Options::max_input_bytes`] (default 50 MiB) are refused with an error
//!   naming the option, instead of exhausting the browser tab's memory.
//!
//! Measured (`cargo xtask bench`): a 10 MB document takes 0.9 to 1.4 times the time per byte
//! of a 1,000-word article, and the wasm's linear memory peaks at 4.6× its size, on every
//! call. Long documents' big tables are sized up front rather than grown by doubling; the
//! summarizer keeps only content words' tokens, and drops them before the similarity graph
//! is built (see [`score::SentenceSignals`]); scores are kept as columns
//! ([`score::score_columns`]); and the result's long lists, figures and sentences, go to
//! the caller a batch at a time as they are made, so the wasm layer never holds them whole.
//! The JS objects of such a result take another 3.8× of Chromium's heap (9.2× of node's,
//! whose V8 does not compress pointers): 10 MB of text has ~126,000 sentences and ~233,000
//! figures.

mod ascii;
pub mod error;
pub mod figures;
pub mod html;
mod intern;
pub mod keyphrases;
pub mod normalize;
pub mod options;
pub mod score;
pub mod segment;
pub mod select;
mod sort;
pub mod stem;
#[cfg(test)]
mod testing;
pub mod tokenize;
#[cfg(any(test, target_arch = "wasm32"))]
mod utf16;
mod wordkey;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use error::Error;
pub use figures::{Bound, Fact, Kind, Value};
pub use html::{extract_article, looks_like_html, Article};
pub use keyphrases::Keyphrase;
pub use options::{Budget, OptionValue, Options, Preset};
pub use score::ScoreParts;
pub use segment::Language;

use serde::Serialize;

/// A sentence of the article with its score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Position among all sentences (zero-based).
    pub index: usize,
    /// The sentence as written in the original text.
    pub text: String,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// Paragraph number (zero-based).
    pub paragraph: usize,
    /// Number of words.
    pub words: usize,
    /// Combined score (higher is more informative).
    pub score: f64,
    /// The parts of the score.
    pub parts: ScoreParts,
    /// Whether the sentence is in the summary.
    pub selected: bool,
}

/// Counts about one run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Input size in bytes.
    pub bytes: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Number of words.
    pub words: usize,
    /// Words in the summary.
    pub summary_words: usize,
}

/// Everything nutshell found in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The chosen sentences, in document order.
    pub summary: Vec<Sentence>,
    /// All sentences with their scores.
    pub sentences: Vec<Sentence>,
    /// Key figures, in text order.
    pub facts: Vec<Fact>,
    /// Top phrases, best first.
    pub keyphrases: Vec<Keyphrase>,
    /// Counts.
    pub stats: Stats,
}

impl Summary {
    /// Rewrites every offset with `map` (e.g. byte → UTF-16), for bindings.
    pub fn map_offsets(&mut self, map: &mut impl FnMut(usize) -> usize) {
        for s in self.summary.iter_mut().chain(self.sentences.iter_mut()) {
            (s.start, s.end) = (map(s.start), map(s.end));
        }
        map_fact_offsets(&mut self.facts, map);
        for k in &mut self.keyphrases {
            (k.start, k.end) = (map(k.start), map(k.end));
        }
    }
}

/// Rewrites the offsets of facts with `map`.
pub fn map_fact_offsets(facts: &mut [Fact], map: &mut impl FnMut(usize) -> usize) {
    for f in facts {
        (f.start, f.end) = (map(f.start), map(f.end));
        f.counted_start = f.counted_start.map(&mut *map);
        f.counted_end = f.counted_end.map(&mut *map);
    }
}

/// A sentence span, or non-prose material (see [`segment_all()`](crate::segment_all())).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Span {
    /// The sentence as written.
    pub text: String,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// Paragraph number.
    pub paragraph: usize,
    /// `sentence`, or the kind of non-prose material (`markup`, `separator`, …).
    pub kind: segment::SegmentKind,
}

fn check_input(text: &str, options: &Options) -> Result<(), Error> {
    if text.len() > options.max_input_bytes {
        return Err(Error::invalid_input(format!(
            "the text is {} bytes; the limit is {} bytes (option maxInputBytes)",
            text.len(),
            options.max_input_bytes
        )));
    }
    Ok(())
}

/// The sentences of `text`, as spans of the original (language detected).
pub fn segment(text: &str) -> Vec<Span> {
    segment_in(text, Language::Auto)
}

/// The sentences of `text` with the rules of `language`, as spans of the original.
pub fn segment_in(text: &str, language: Language) -> Vec<Span> {
    let mut spans = segment_all_in(text, language);
    spans.retain(|s| s.kind.is_sentence());
    spans
}

/// Sentences and non-prose segments (tags, separators, page numbers…) of `text`, in order.
pub fn segment_all(text: &str) -> Vec<Span> {
    segment_all_in(text, Language::Auto)
}

/// Sentences and non-prose segments of `text` with the rules of `language`, in order,
/// covering every visible character, as spans of the original.
pub fn segment_all_in(text: &str, language: Language) -> Vec<Span> {
    let normalized = normalize::normalize(text);
    segment::segment_all_in(normalized.text(), language)
        .into_iter()
        .map(|s| {
            let (start, end) = normalized.span_to_original(s.start, s.end);
            Span {
                text: text[start..end].to_string(),
                start,
                end,
                paragraph: s.paragraph,
                kind: s.kind,
            }
        })
        .collect()
}

/// The key figures of `text`.
pub fn figures(text: &str) -> Vec<Fact> {
    let mut lists = Collected::for_text(text.len());
    figures_with(text, Texts::Copied, &mut lists);
    lists.into_lists().1
}

/// [`figures()`], with the span texts copied or left out, handed to `lists` a block of text
/// at a time.
pub(crate) fn figures_with(text: &str, texts: Texts, lists: &mut dyn Lists) {
    let normalized = normalize::normalize(text);
    let segments = segment::segment_in(normalized.text(), Language::Auto);
    send_figures(text, &normalized, &segments, texts, lists, &mut []);
}

/// Finds the figures of `normalized` (of `original`) and sends them to `lists` a block at a
/// time, with spans in `original`, each counted in `counts` (per sentence, if it has them).
fn send_figures(
    original: &str,
    normalized: &normalize::Normalized<'_>,
    segments: &[segment::Segment],
    texts: Texts,
    lists: &mut dyn Lists,
    counts: &mut [u32],
) {
    figures::extract_spans(normalized.text(), segments, &mut |facts| {
        score::density::count_figures(counts, facts);
        restore_facts(original, normalized, facts, texts);
        lists.facts(facts);
    });
    lists.figures_done();
}

/// Where a result's two long lists go, a batch at a time and in document order, as the
/// pipeline makes them: figures as each block of text is read, sentences once they are
/// scored. A caller that sends each batch on (the wasm layer, to JS) never holds all of
/// either: the 10 MB bench document has ~233,000 figures (24 MB in wasm) and ~126,000
/// sentences (16 MB), which the summarizer's own tables would otherwise sit on top of.
pub(crate) trait Lists {
    /// Takes a batch of figures, leaving `batch` empty.
    fn facts(&mut self, batch: &mut Vec<Fact>);
    /// Takes a batch of sentences, leaving `batch` empty.
    fn sentences(&mut self, batch: &mut Vec<Sentence>);
    /// Says that all figures have come.
    fn figures_done(&mut self) {}
    /// Says how many sentences will come, before the first batch.
    fn expect_sentences(&mut self, _count: usize) {}
}

/// [`Lists`] kept whole, for the Rust API's results.
struct Collected {
    facts: Vec<Fact>,
    sentences: Vec<Sentence>,
}

impl Collected {
    /// Room for the figures of a text of `bytes` bytes: one every 32 bytes (denser than
    /// financial news), rather than growth by doubling, which holds old and new copies at
    /// once (what is unused is given back when they are done).
    fn for_text(bytes: usize) -> Self {
        Collected {
            facts: Vec::with_capacity(bytes / 32),
            sentences: Vec::new(),
        }
    }

    /// The sentences and the figures.
    fn into_lists(self) -> (Vec<Sentence>, Vec<Fact>) {
        (self.sentences, self.facts)
    }
}

impl Lists for Collected {
    fn facts(&mut self, batch: &mut Vec<Fact>) {
        self.facts.append(batch);
    }

    fn sentences(&mut self, batch: &mut Vec<Sentence>) {
        self.sentences.append(batch);
    }

    fn figures_done(&mut self) {
        self.facts.shrink_to_fit();
    }

    fn expect_sentences(&mut self, count: usize) {
        self.sentences.reserve_exact(count);
    }
}

fn restore_facts(
    original: &str,
    normalized: &normalize::Normalized<'_>,
    facts: &mut [Fact],
    texts: Texts,
) {
    for f in facts {
        (f.start, f.end) = normalized.span_to_original(f.start, f.end);
        if texts == Texts::Copied {
            f.text = original[f.start..f.end].to_string();
        }
        if let (Some(s), Some(e)) = (f.counted_start, f.counted_end) {
            let (s, e) = normalized.span_to_original(s, e);
            if texts == Texts::Copied {
                f.counted = Some(original[s..e].to_string());
            }
            (f.counted_start, f.counted_end) = (Some(s), Some(e));
        }
    }
}

/// Whether a result's span texts are filled in: the `text` of its sentences, keyphrases and
/// figures, and a figure's `counted`, each a copy of the input at its offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Texts {
    Copied,
    /// Left empty (`counted`: `None` where it has a span), for a caller that slices them
    /// from its own copy of the input: the wasm layer, from the caller's JS string. A
    /// document's worth of copies is neither made nor held (10 MB of sentences alone).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Omitted,
}

impl Texts {
    /// `text[start..end]` as an owned string, or an empty one when texts are omitted.
    fn of(self, text: &str, start: usize, end: usize) -> String {
        match self {
            Texts::Copied => text[start..end].to_string(),
            Texts::Omitted => String::new(),
        }
    }
}

/// Summarizes `text`: sentences with scores, the chosen ones, figures and keyphrases.
pub fn summarize(text: &str, options: &Options) -> Result<Summary, Error> {
    let mut lists = Collected::for_text(text.len());
    let mut summary = summarize_with(text, options, Texts::Copied, &mut lists)?;
    (summary.sentences, summary.facts) = lists.into_lists();
    Ok(summary)
}

/// How many sentences go to [`Lists::sentences`] at a time.
const SENTENCE_BATCH: usize = 1024;

/// [`summarize`], with the span texts copied or left out, and its `sentences` and `facts`
/// handed to `lists` as they are made (the `Summary` returned has them empty).
pub(crate) fn summarize_with(
    text: &str,
    options: &Options,
    texts: Texts,
    lists: &mut dyn Lists,
) -> Result<Summary, Error> {
    options.validate()?;
    check_input(text, options)?;
    let normalized = normalize::normalize(text);
    let norm = normalized.text();
    let segments = segment::segment_in(norm, options.language);
    // Figures first, and gone to `lists` a block at a time: their scratch space (a lowercase
    // copy, figure tokens) is freed before the summarizer's tokens, vectors and graph exist,
    // and scoring keeps only how many each sentence has.
    let mut figure_counts = vec![0u32; segments.len()];
    send_figures(
        text,
        &normalized,
        &segments,
        texts,
        lists,
        &mut figure_counts,
    );
    let mut tokenizer = tokenize::Tokenizer::default();
    let tokens = tokenizer.tokenize_content(norm, &segments);
    drop(tokenizer);
    let tfidf = score::TfIdf::new(&tokens);
    let title_terms = title_terms(options.title.as_deref(), &tokens);
    let signals = score::SentenceSignals::new(norm, &segments, &tokens, &figure_counts);
    drop(figure_counts);
    // Everything else that reads the tokens, so that they (a long document's largest table)
    // are gone before the graph, LexRank and selection build theirs.
    let boilerplate: Vec<bool> = signals.boilerplate.iter().map(|&p| p >= 1.0).collect();
    let mut keyphrases = keyphrases::keyphrases(norm, &tokens, &boilerplate, options.keyphrases);
    let words = tokens.word_count();
    drop((tokens, boilerplate));
    let graph = score::graph::Graph::new(&tfidf);
    let scores = score::score_columns(&score::Input {
        text: norm,
        segments: &segments,
        signals: &signals,
        tfidf: &tfidf,
        graph: &graph,
        title_terms: &title_terms,
    });
    let word_counts = &signals.words;

    // Characters are counted only for a budget in characters (counting them was ~1% of an
    // article's time in the wasm); `select` reads them for nothing else.
    let count_chars = matches!(options.budget, options::Budget::Chars(_));
    let candidates: Vec<select::Candidate> = (0..segments.len())
        .map(|i| select::Candidate {
            score: scores.parts(i, &signals).total_with(&scores.weights),
            words: word_counts[i],
            chars: if count_chars {
                norm[segments[i].start..segments[i].end].chars().count()
            } else {
                0
            },
        })
        .collect();
    let (chosen, redundancy) = select::select(&candidates, &graph, &tfidf, options.budget);
    drop((graph, tfidf));

    lists.expect_sentences(segments.len());
    let mut batch = Vec::with_capacity(segments.len().min(SENTENCE_BATCH));
    let mut summary = Vec::with_capacity(chosen.len());
    let mut next_chosen = chosen.iter().peekable();
    for (i, seg) in segments.iter().enumerate() {
        let (start, end) = normalized.span_to_original(seg.start, seg.end);
        let mut parts = scores.parts(i, &signals);
        parts.redundancy = redundancy[i];
        let sentence = Sentence {
            index: i,
            text: texts.of(text, start, end),
            start,
            end,
            paragraph: seg.paragraph,
            words: word_counts[i],
            score: candidates[i].score,
            parts,
            // `chosen` is in document order
            selected: next_chosen.next_if_eq(&&i).is_some(),
        };
        if sentence.selected {
            summary.push(sentence.clone());
        }
        batch.push(sentence);
        if batch.len() == SENTENCE_BATCH {
            lists.sentences(&mut batch);
        }
    }
    if !batch.is_empty() {
        lists.sentences(&mut batch);
    }

    for k in &mut keyphrases {
        (k.start, k.end) = normalized.span_to_original(k.start, k.end);
        k.text = texts.of(text, k.start, k.end);
    }

    let stats = Stats {
        bytes: text.len(),
        sentences: segments.len(),
        paragraphs: segments.last().map_or(0, |s| s.paragraph + 1),
        words,
        summary_words: chosen.iter().map(|&i| word_counts[i]).sum(),
    };
    Ok(Summary {
        summary,
        sentences: Vec::new(),
        facts: Vec::new(),
        keyphrases,
        stats,
    })
}

/// The title's content words as term ids of the document (title words absent from the
/// document are dropped). A fresh tokenizer: its term ids index the title's own vocabulary,
/// which is mapped to the document's through the stems.
fn title_terms(title: Option<&str>, tokens: &tokenize::Tokens) -> Vec<u32> {
    let Some(title) = title else {
        return Vec::new();
    };
    let segs = [segment::Segment {
        start: 0,
        end: title.len(),
        paragraph: 0,
        kind: segment::SegmentKind::Sentence,
    }];
    let title_tokens = tokenize::Tokenizer::default().tokenize_content(title, &segs);
    let mut terms: Vec<u32> = title_tokens
        .tokens
        .iter()
        .filter(|t| !title_tokens.is_stop(t))
        .filter_map(|t| tokens.vocabulary.id(title_tokens.vocabulary.stem(t.term)))
        .collect();
    sort::sort(&mut terms);
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`summarize_with`] hands a [`Lists`], and in which order.
    #[derive(Default)]
    struct Recorded {
        facts: Vec<Fact>,
        sentences: Vec<Sentence>,
        fact_batches: usize,
        sentence_batches: Vec<usize>,
        events: Vec<&'static str>,
    }

    impl Lists for Recorded {
        fn facts(&mut self, batch: &mut Vec<Fact>) {
            self.fact_batches += 1;
            self.facts.append(batch);
            self.events.push("facts");
        }

        fn sentences(&mut self, batch: &mut Vec<Sentence>) {
            self.sentence_batches.push(batch.len());
            self.sentences.append(batch);
            self.events.push("sentences");
        }

        fn figures_done(&mut self) {
            self.events.push("figures done");
        }

        fn expect_sentences(&mut self, count: usize) {
            assert!(self.sentences.is_empty());
            self.sentences.reserve(count);
            self.events.push("expect sentences");
        }
    }

    /// A long text's figures come a block of text at a time and its sentences 1,024 at a
    /// time, all before the rest of the result: together, what `summarize` returns.
    #[test]
    fn long_lists_come_in_batches_in_document_order() {
        let paragraph = "The council approved a $12 million budget on Tuesday, up 4% from 2023. \
                         It adds 40 buses and 3 routes. Critics said the plan came too late.\n\n";
        let text = paragraph.repeat(1_000);
        let options = Options::default();
        let mut lists = Recorded::default();
        let rest = summarize_with(&text, &options, Texts::Copied, &mut lists).unwrap();
        assert!(rest.sentences.is_empty() && rest.facts.is_empty());
        let whole = summarize(&text, &options).unwrap();
        assert_eq!(lists.sentences, whole.sentences);
        assert_eq!(lists.facts, whole.facts);
        assert_eq!(rest.summary, whole.summary);
        assert!(
            lists.fact_batches > 1,
            "{} figure batches",
            lists.fact_batches
        );
        let n = whole.sentences.len();
        assert_eq!(n, 3_000);
        let mut expected = vec![SENTENCE_BATCH; n / SENTENCE_BATCH];
        expected.push(n % SENTENCE_BATCH);
        assert_eq!(lists.sentence_batches, expected);
        let first = |e: &str| lists.events.iter().position(|x| *x == e).unwrap();
        let last = |e: &str| lists.events.iter().rposition(|x| *x == e).unwrap();
        assert!(last("facts") < first("figures done"));
        assert!(first("figures done") < first("expect sentences"));
        assert!(first("expect sentences") < first("sentences"));
    }
}
