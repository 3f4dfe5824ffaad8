//! Stage 4, score: how informative is each sentence?
//!
//! Input: [`Tokens`] (terms per sentence) and an optional title. Output: one
//! [`ScoreParts`] per sentence and its combined score. The parts:
//! - **centrality**: cosine between the sentence's TF-IDF vector and the document's
//!   (the sum of all sentence vectors) — how much it shares with the whole text;
//! - **position**: earlier sentences of a news article matter more (1 / √(1 + i));
//! - **title**: share of the title's content words found in the sentence;
//! - **figures**: the sentence carries key figures (filled in by the pipeline).
//!
//! Cost: O(tokens + terms); no sentence-by-sentence comparison.

use crate::tokenize::Tokens;
use serde::Serialize;

/// Why a sentence scored as it did. Every part is in [0, 1].
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ScoreParts {
    /// Lead bias from the sentence's position.
    pub position: f64,
    /// Similarity to the document as a whole.
    pub centrality: f64,
    /// Overlap with the title (0 without a title).
    pub title: f64,
    /// Key-figure density.
    pub figures: f64,
    /// Penalty for near-duplicating an earlier chosen sentence (set by selection).
    pub redundancy: f64,
}

/// Weights of the parts in the combined score.
const W_POSITION: f64 = 0.45;
const W_CENTRALITY: f64 = 0.4;
const W_TITLE: f64 = 0.1;
const W_FIGURES: f64 = 0.05;

impl ScoreParts {
    /// The combined score.
    pub fn total(&self) -> f64 {
        W_POSITION * self.position
            + W_CENTRALITY * self.centrality
            + W_TITLE * self.title
            + W_FIGURES * self.figures
    }
}

/// Sparse TF-IDF vectors, one per sentence: `(term, weight)` sorted by term.
pub fn tfidf_vectors(tokens: &Tokens) -> Vec<Vec<(u32, f64)>> {
    let n = tokens.sentence_ranges.len();
    let mut df = vec![0u32; tokens.vocabulary.len()];
    let mut vectors: Vec<Vec<(u32, f64)>> = Vec::with_capacity(n);
    for i in 0..n {
        let mut terms: Vec<u32> = tokens
            .of_sentence(i)
            .iter()
            .filter(|t| !t.stop)
            .map(|t| t.term)
            .collect();
        terms.sort_unstable();
        let mut v: Vec<(u32, f64)> = Vec::with_capacity(terms.len());
        for t in terms {
            match v.last_mut() {
                Some(last) if last.0 == t => last.1 += 1.0,
                _ => v.push((t, 1.0)),
            }
        }
        for &(t, _) in &v {
            df[t as usize] += 1;
        }
        vectors.push(v);
    }
    for v in &mut vectors {
        for (t, w) in v.iter_mut() {
            let idf = ((1.0 + n as f64) / (1.0 + df[*t as usize] as f64)).ln() + 1.0;
            *w = (1.0 + w.ln()) * idf;
        }
    }
    vectors
}

/// Cosine similarity of two sparse vectors sorted by term.
pub fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let norm = |v: &[(u32, f64)]| v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let d = norm(a) * norm(b);
    if d > 0.0 {
        dot / d
    } else {
        0.0
    }
}

/// Scores every sentence. `title_terms` are the title's content-word term ids (sorted).
pub fn score(tokens: &Tokens, vectors: &[Vec<(u32, f64)>], title_terms: &[u32]) -> Vec<ScoreParts> {
    let mut centroid = vec![0.0; tokens.vocabulary.len()];
    for v in vectors {
        for &(t, w) in v {
            centroid[t as usize] += w;
        }
    }
    let centroid_sparse: Vec<(u32, f64)> = centroid
        .iter()
        .enumerate()
        .filter(|(_, &w)| w > 0.0)
        .map(|(t, &w)| (t as u32, w))
        .collect();
    let raw: Vec<f64> = vectors
        .iter()
        .map(|v| cosine(v, &centroid_sparse))
        .collect();
    let max = raw.iter().cloned().fold(0.0, f64::max);
    vectors
        .iter()
        .enumerate()
        .map(|(i, v)| ScoreParts {
            position: 1.0 / (1.0 + i as f64).sqrt(),
            centrality: if max > 0.0 { raw[i] / max } else { 0.0 },
            title: title_overlap(v, title_terms),
            figures: 0.0,
            redundancy: 0.0,
        })
        .collect()
}

fn title_overlap(v: &[(u32, f64)], title_terms: &[u32]) -> f64 {
    if title_terms.is_empty() {
        return 0.0;
    }
    let hits = title_terms
        .iter()
        .filter(|&&t| v.binary_search_by_key(&t, |&(x, _)| x).is_ok())
        .count();
    hits as f64 / title_terms.len() as f64
}
