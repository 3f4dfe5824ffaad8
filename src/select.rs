//! Stage 5, select: the best sentences within the length budget, without repeats.
//!
//! Input: each sentence's combined score, word and char counts, the sparse similarity
//! [`Graph`], and the [`Budget`]. Output: the chosen sentence indices **in document order**,
//! and each sentence's redundancy (its largest similarity to a chosen sentence).
//!
//! Greedy maximal marginal relevance (MMR, Carbonell & Goldstein 1998): repeatedly take the
//! sentence with the best `score − REDUNDANCY_WEIGHT · redundancy`, where redundancy is the
//! largest cosine with an already chosen sentence; a sentence at or above [`DUPLICATE`] is
//! never taken (a near-duplicate). Similarities come from the graph's edges, so a pick
//! updates just its neighbours (its row's, and the few edges into it that its row has no
//! twin of: [`Graph::lone_into`]); as gains only fall, a lazy priority queue re-checks a
//! candidate only when it reaches the top. The graph skips very common terms, so before a
//! candidate is taken it is also compared exactly with the first [`EXACT_CHECKS`] chosen
//! sentences (5,000 copies of one sentence share only common terms). Sentences that do not fit a word or char budget
//! are skipped for shorter ones; at least one sentence is always chosen. Cost:
//! O((n + edges) log n).

use crate::options::Budget;
use crate::score::graph::Graph;
use crate::score::TfIdf;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// What selection needs to know about one sentence.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    /// Combined score.
    pub score: f64,
    /// Word count.
    pub words: usize,
    /// Character count (`summarize` counts them only for a budget in characters, else 0).
    pub chars: usize,
}

/// Cosine at or above which a sentence repeats a chosen one and is never taken.
pub const DUPLICATE: f64 = 0.5;
/// A candidate is compared exactly (cosine of TF-IDF vectors) with at most this many
/// chosen sentences, so the check stays O(n) overall.
pub const EXACT_CHECKS: usize = 64;
/// How much redundancy lowers a candidate's gain.
pub const REDUNDANCY_WEIGHT: f64 = 0.1;

/// A heap entry: a candidate's gain when last computed. Ordered by gain, then earlier first.
#[derive(PartialEq)]
struct Entry {
    gain: f64,
    index: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.gain
            .total_cmp(&other.gain)
            .then(other.index.cmp(&self.index))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Chooses sentences; returns `(indices in document order, redundancy of each sentence)`.
pub fn select(
    candidates: &[Candidate],
    graph: &Graph,
    tfidf: &TfIdf,
    budget: Budget,
) -> (Vec<usize>, Vec<f64>) {
    let n = candidates.len();
    let mut redundancy = vec![0.0; n];
    if n == 0 {
        return (Vec::new(), redundancy);
    }
    let max_sentences = match budget {
        Budget::Sentences(k) => k,
        Budget::Ratio(r) => ((n as f64 * r).round() as usize).max(1),
        Budget::Words(_) | Budget::Chars(_) => n,
    };
    let gain = |i: usize, r: f64| candidates[i].score - REDUNDANCY_WEIGHT * r;
    let mut heap: BinaryHeap<Entry> = (0..n)
        .map(|index| Entry {
            gain: gain(index, 0.0),
            index,
        })
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = vec![false; n];
    let (mut words, mut chars) = (0, 0);
    while let Some(Entry { gain: g, index: i }) = heap.pop() {
        if chosen.len() >= max_sentences {
            break;
        }
        let current = gain(i, redundancy[i]);
        if current < g {
            // Stale: a pick since this entry was pushed made it more redundant.
            heap.push(Entry {
                gain: current,
                index: i,
            });
            continue;
        }
        if redundancy[i] >= DUPLICATE {
            continue;
        }
        let exact = chosen
            .iter()
            .take(EXACT_CHECKS)
            .map(|&j| tfidf.similarity(i, j))
            .fold(0.0, f64::max);
        if exact > redundancy[i] {
            redundancy[i] = exact;
            if exact >= DUPLICATE {
                continue;
            }
            // Re-rank with the higher redundancy before taking it.
            heap.push(Entry {
                gain: gain(i, exact),
                index: i,
            });
            continue;
        }
        let c = candidates[i];
        let fits = match budget {
            Budget::Words(w) => words + c.words <= w,
            Budget::Chars(m) => chars + c.chars <= m,
            _ => true,
        };
        if !fits && !chosen.is_empty() {
            continue;
        }
        words += c.words;
        chars += c.chars;
        chosen.push(i);
        taken[i] = true;
        // The pick makes its neighbours more redundant, along the edges it keeps and the
        // edges that keep it: the twins of the former, and the lone edges into it.
        let mut raise = |j: u32, s: f32| {
            let (j, s) = (j as usize, f64::from(s));
            if j < n && !taken[j] && s > redundancy[j] {
                redundancy[j] = s;
            }
        };
        for &(j, s) in graph.row(i) {
            raise(j, s);
        }
        for &(j, _, s) in graph.lone_into(i) {
            raise(j, s);
        }
    }
    crate::sort::sort(&mut chosen);
    (chosen, redundancy)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(u32, u32, f32)], n: usize) -> Graph {
        let mut rows = vec![Vec::new(); n];
        for &(a, b, s) in edges {
            rows[a as usize].push((b, s));
        }
        Graph::from_rows(&rows)
    }

    fn empty_tfidf(n: usize) -> TfIdf {
        TfIdf::empty(n)
    }

    fn candidates(scores: &[f64]) -> Vec<Candidate> {
        scores
            .iter()
            .map(|&score| Candidate {
                score,
                words: 10,
                chars: 60,
            })
            .collect()
    }

    #[test]
    fn best_first_in_document_order() {
        let c = candidates(&[0.1, 0.9, 0.5, 0.7]);
        let (chosen, _) = select(
            &c,
            &graph(&[], 4),
            &empty_tfidf(c.len()),
            Budget::Sentences(2),
        );
        assert_eq!(chosen, [1, 3]);
    }

    #[test]
    fn near_duplicates_are_skipped() {
        let c = candidates(&[0.9, 0.85, 0.5]);
        let (chosen, redundancy) = select(
            &c,
            &graph(&[(0, 1, 0.8)], 3),
            &empty_tfidf(c.len()),
            Budget::Sentences(2),
        );
        assert_eq!(chosen, [0, 2]);
        assert_eq!(redundancy[1], f64::from(0.8f32));
    }

    #[test]
    fn word_budget_skips_long_sentences() {
        let mut c = candidates(&[0.9, 0.8, 0.7]);
        c[1].words = 50;
        let (chosen, _) = select(&c, &graph(&[], 3), &empty_tfidf(c.len()), Budget::Words(25));
        assert_eq!(chosen, [0, 2]);
        // At least one sentence, even when it alone is over budget.
        let (chosen, _) = select(&c, &graph(&[], 3), &empty_tfidf(c.len()), Budget::Words(1));
        assert_eq!(chosen, [0]);
    }

    #[test]
    fn edges_into_a_pick_count() {
        // Picks 0..=9 in order; sentences 10 and 11 only list picks in their own rows (lone
        // edges), so only the edges *into* a pick reach them.
        let mut scores: Vec<f64> = (0..10).map(|i| 0.9 - 0.01 * i as f64).collect();
        scores.extend([0.1, 0.1]);
        let c = candidates(&scores);
        let g = graph(&[(10, 0, 0.2), (10, 9, 0.3), (11, 0, 0.25)], 12);
        let (chosen, redundancy) = select(&c, &g, &empty_tfidf(12), Budget::Sentences(10));
        assert_eq!(chosen, (0..10).collect::<Vec<_>>());
        assert_eq!(redundancy[10], f64::from(0.3f32));
        assert_eq!(redundancy[11], f64::from(0.25f32));
    }

    #[test]
    fn duplicates_outside_the_graph_are_caught_exactly() {
        let text = "Rain fell today. Rain fell today. Rain fell today. Sun shone.";
        let tokens =
            crate::tokenize::Tokenizer::default().tokenize(text, &crate::segment::segment(text));
        let tfidf = TfIdf::new(&tokens);
        let c = candidates(&[0.9, 0.8, 0.7, 0.1]);
        // No edges at all: only the exact check can see the copies.
        let (chosen, redundancy) = select(&c, &graph(&[], 4), &tfidf, Budget::Sentences(3));
        assert_eq!(chosen, [0, 3]);
        assert!(redundancy[1] > 0.99 && redundancy[2] > 0.99);
    }
}
