//! Stage 4, score: how informative is each sentence, and why?
//!
//! Input: the normalized text and its sentences, what each sentence says on its own
//! ([`SentenceSignals`]: from its tokens and key figures), the TF-IDF vectors, the similarity
//! graph and an optional title.
//! Output: one [`ScoreParts`] per sentence — every signal in [0, 1] — and the combined
//! score [`ScoreParts::total`], a weighted sum whose weights ([`WEIGHTS`]) were fitted on the
//! dev split of the CNN/DailyMail evaluation data (see `eval/summ/README.md` in this repo).
//! [`score`] gives the parts as a list; [`score_columns`] as an array per signal, from which
//! a sentence's parts are read when needed (no block of all the parts at once).
//!
//! One module per signal, each readable alone:
//! - [`tfidf`]: TF-IDF sentence vectors and cosine similarity;
//! - [`graph`]: a *sparse* similarity graph (sentences compared only through shared rare
//!   terms, with a neighbour cap) and LexRank over it;
//! - [`centrality`]: PacSum-style directed centrality over the same graph, and coverage of
//!   the document centroid;
//! - [`position`]: the lead bias (counted over content sentences, weaker for long
//!   documents) and a sentence-length prior;
//! - [`title`]: overlap with the headline;
//! - [`density`]: figure and named-entity density;
//! - [`boilerplate`]: penalties for page furniture, questions and bare quotations.
//!
//! Cost: O(tokens · [`graph::MAX_POSTINGS`]) overall; no dense sentence-by-sentence matrix.

pub mod boilerplate;
pub mod centrality;
pub mod density;
pub mod graph;
pub mod position;
pub mod tfidf;
pub mod title;

pub use tfidf::{cosine, TfIdf};

use crate::segment::Segment;
use crate::tokenize::Tokens;
use serde::Serialize;

/// Why a sentence scored as it did. Parts are in [0, 1] unless noted; the combined score
/// is [`ScoreParts::total`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ScoreParts {
    /// Lead bias: early content sentences of a news-like text score higher.
    pub position: f64,
    /// Directed (PacSum-style) centrality, in [−1, 1]: positive when later sentences echo
    /// this one, negative when it mostly repeats earlier ones.
    pub centrality: f64,
    /// LexRank over the sparse similarity graph.
    pub graph: f64,
    /// Similarity to the document as a whole (cosine with its centroid).
    pub coverage: f64,
    /// Overlap with the title (0 without a title).
    pub title: f64,
    /// Key-figure density.
    pub figures: f64,
    /// Named-entity density.
    pub entities: f64,
    /// Length prior, in [−1, 1]: short sentences gain a little, run-ons lose.
    pub length: f64,
    /// Boilerplate penalty: 1 for page furniture, less for questions and bare quotes.
    pub boilerplate: f64,
    /// Similarity to a sentence already chosen (set by selection; not part of `total`).
    pub redundancy: f64,
}

/// The weight of each part in the combined score.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Weights {
    /// Weight of [`ScoreParts::position`].
    pub position: f64,
    /// Weight of [`ScoreParts::centrality`].
    pub centrality: f64,
    /// Weight of [`ScoreParts::graph`].
    pub graph: f64,
    /// Weight of [`ScoreParts::coverage`].
    pub coverage: f64,
    /// Weight of [`ScoreParts::title`].
    pub title: f64,
    /// Weight of [`ScoreParts::figures`].
    pub figures: f64,
    /// Weight of [`ScoreParts::entities`].
    pub entities: f64,
    /// Weight of [`ScoreParts::length`].
    pub length: f64,
    /// Weight of [`ScoreParts::boilerplate`] (subtracted).
    pub boilerplate: f64,
}

/// The weights in use: the mean of the weights fitted on each of 4 folds of the dev split
/// (`eval/summ/cv.py`; logistic regression on oracle labels, then coordinate ascent on
/// ROUGE with the mean summary length held 1.4 words under Lead-3's). Position is the
/// scale (weight 1). The title weight cannot be fitted there (CNN/DailyMail items have no headline); it is
/// set by hand so that a title steers the choice without overriding the lead.
pub const WEIGHTS: Weights = Weights {
    position: 1.0,
    centrality: 0.145,
    graph: 0.233,
    coverage: 0.101,
    title: 0.6,
    figures: 0.095,
    entities: 0.095,
    length: 1.0,
    boilerplate: 1.95,
};

/// How much echoes of *earlier* sentences count against `centrality`, relative to echoes
/// by later ones (PacSum's negative λ; fitted on dev).
const BACKWARD: f64 = 3.2;

/// LexRank and coverage weights for a document with no lead structure at all (lead bias
/// 0): what is central is what matters there, as in LexRank. Set by hand, not fitted (the
/// fitting data is news).
const DOCUMENT_GRAPH: f64 = 0.5;
const DOCUMENT_COVERAGE: f64 = 0.5;

impl Weights {
    /// The weights for a document with lead bias `lead_bias` (see
    /// [`position::lead_bias`]): [`WEIGHTS`] for news-like text; as the lead bias falls,
    /// LexRank and coverage move towards `DOCUMENT_GRAPH` and `DOCUMENT_COVERAGE`.
    pub fn for_lead_bias(lead_bias: f64) -> Weights {
        let k = (1.0 - lead_bias).clamp(0.0, 1.0);
        let mut w = WEIGHTS;
        w.graph += k * (DOCUMENT_GRAPH - w.graph);
        w.coverage += k * (DOCUMENT_COVERAGE - w.coverage);
        w
    }
}

impl ScoreParts {
    /// The combined score with the news weights [`WEIGHTS`] (what every article-sized text
    /// without section headings gets).
    pub fn total(&self) -> f64 {
        self.total_with(&WEIGHTS)
    }

    /// The combined score: the weighted sum of the parts, boilerplate subtracted.
    pub fn total_with(&self, w: &Weights) -> f64 {
        w.position * self.position
            + w.centrality * self.centrality
            + w.graph * self.graph
            + w.coverage * self.coverage
            + w.title * self.title
            + w.figures * self.figures
            + w.entities * self.entities
            + w.length * self.length
            - w.boilerplate * self.boilerplate
    }
}

/// What scoring reads from each sentence on its own: its words and their tokens, its
/// figures, its text. Made while the tokens exist, so that a caller can drop them (a long
/// document's largest table) before it builds the similarity graph: the graph and LexRank
/// then reuse their room (10 MB of text: the wasm's memory peaked at 97 MB with the tokens
/// still held).
#[derive(Clone, Debug, Default)]
pub struct SentenceSignals {
    /// Words per sentence.
    pub words: Vec<usize>,
    /// Boilerplate penalty per sentence ([`boilerplate::penalty`]).
    pub boilerplate: Vec<f64>,
    /// Figure density per sentence ([`density::figures`]).
    pub figures: Vec<f64>,
    /// Named-entity density per sentence ([`density::entities`]).
    pub entities: Vec<f64>,
    /// Words in the whole text (for the lead bias).
    pub words_in_text: usize,
    /// Distinct terms of the text (for coverage).
    pub vocabulary_len: usize,
}

impl SentenceSignals {
    /// The signals of `segments` (sentences of `text`), from their `tokens` and how many
    /// key figures each has ([`density::count_figures`]).
    pub fn new(text: &str, segments: &[Segment], tokens: &Tokens, figure_counts: &[u32]) -> Self {
        SentenceSignals {
            words: tokens.words.iter().map(|&n| n as usize).collect(),
            boilerplate: segments
                .iter()
                .map(|s| boilerplate::penalty(&text[s.start..s.end]))
                .collect(),
            figures: density::figures(figure_counts, tokens),
            entities: density::entities(text, tokens),
            words_in_text: tokens.word_count(),
            vocabulary_len: tokens.vocabulary.len(),
        }
    }
}

/// What scoring reads.
pub struct Input<'a> {
    /// The (normalized) text the spans index.
    pub text: &'a str,
    /// The sentences.
    pub segments: &'a [Segment],
    /// What each sentence says on its own ([`SentenceSignals::new`]).
    pub signals: &'a SentenceSignals,
    /// Their TF-IDF vectors.
    pub tfidf: &'a TfIdf,
    /// The sparse similarity graph over them.
    pub graph: &'a graph::Graph,
    /// The title's content-word term ids, sorted (empty without a title).
    pub title_terms: &'a [u32],
}

/// Scores of all sentences.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// One per sentence.
    pub parts: Vec<ScoreParts>,
    /// How much position counted for this document (see [`position::lead_bias`]).
    pub lead_bias: f64,
    /// The weights that combine the parts for this document ([`Weights::for_lead_bias`]).
    pub weights: Weights,
}

/// Scores every sentence (see the module docs).
pub fn score(input: &Input) -> Scores {
    let columns = score_columns(input);
    Scores {
        parts: (0..columns.len())
            .map(|i| columns.parts(i, input.signals))
            .collect(),
        lead_bias: columns.lead_bias,
        weights: columns.weights,
    }
}

/// The scores of all sentences as columns, an array a part: what [`score`] makes its
/// [`Scores`] from, and what `summarize` keeps instead, reading a sentence's parts when it
/// needs them. A long document's parts are one large block (10 MB bench document: 10 MB,
/// which the wasm's allocator found no room for among what the graph had left, and grew its
/// memory by as much); the columns are a few arrays of a tenth of that, and the signals'
/// own arrays are read where they are.
pub struct ScoreColumns {
    /// Each sentence's rank among the content sentences ([`position::content_ranks`]).
    ranks: Vec<usize>,
    structured: bool,
    graph: Vec<f64>,
    centrality: Vec<f64>,
    coverage: Vec<f64>,
    title: Vec<f64>,
    /// How much position counted for this document (see [`position::lead_bias`]).
    pub lead_bias: f64,
    /// The weights that combine the parts for this document ([`Weights::for_lead_bias`]).
    pub weights: Weights,
}

impl ScoreColumns {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.ranks.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.ranks.is_empty()
    }

    /// Sentence `i`'s parts, with the `signals` they were scored from (`redundancy` 0:
    /// selection sets it).
    pub fn parts(&self, i: usize, signals: &SentenceSignals) -> ScoreParts {
        let lead_bias = self.lead_bias;
        ScoreParts {
            position: lead_bias * position::prior(self.ranks[i], self.structured),
            centrality: self.centrality[i],
            graph: self.graph[i],
            coverage: self.coverage[i],
            title: self.title[i],
            figures: signals.figures[i],
            entities: lead_bias * signals.entities[i],
            length: lead_bias * position::length_prior(signals.words[i]),
            boilerplate: signals.boilerplate[i],
            redundancy: 0.0,
        }
    }
}

/// Scores every sentence, as columns.
pub fn score_columns(input: &Input) -> ScoreColumns {
    let n = input.segments.len();
    let signals = input.signals;
    let ranks = position::content_ranks(&signals.boilerplate);
    let first_content = ranks.iter().position(|&r| r == 1).unwrap_or(n);
    // A heading's penalty is 1 (`boilerplate::penalty`), so only those are looked at again.
    let headings = input.segments[first_content.min(n)..]
        .iter()
        .zip(&signals.boilerplate[first_content.min(n)..])
        .filter(|&(s, &p)| p == 1.0 && boilerplate::is_heading(&input.text[s.start..s.end]))
        .count();
    let structured = headings >= position::STRUCTURED_HEADINGS;
    let lead_bias = position::lead_bias(signals.words_in_text, structured);

    // LexRank first: its scratch (the edges into each sentence, and its rank vectors) is
    // this stage's largest, and is gone before the other columns are made.
    let graph = input.graph;
    let mut lexrank = graph.lexrank();
    centrality::scale_to_max(&mut lexrank);
    let directed = directed_centrality(graph);
    let mut coverage = centrality::coverage(input.tfidf, signals.vocabulary_len);
    centrality::scale_to_max(&mut coverage);
    let title = title::overlap(input.tfidf, input.title_terms);
    ScoreColumns {
        ranks,
        structured,
        graph: lexrank,
        centrality: directed,
        coverage,
        title,
        lead_bias,
        weights: Weights::for_lead_bias(lead_bias),
    }
}

/// PacSum-style directed centrality: forward minus [`BACKWARD`] × backward, each scaled to
/// a largest value of 1, and the difference scaled to a largest magnitude of 1.
fn directed_centrality(graph: &graph::Graph) -> Vec<f64> {
    let (mut forward, mut backward) = centrality::directed(graph);
    centrality::scale_to_max(&mut forward);
    centrality::scale_to_max(&mut backward);
    let mut directed: Vec<f64> = forward
        .iter()
        .zip(&backward)
        .map(|(f, b)| f - BACKWARD * b)
        .collect();
    drop((forward, backward));
    centrality::scale_to_max_abs(&mut directed);
    directed
}
