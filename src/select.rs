//! Stage 5, select: pick the best sentences within the length budget.
//!
//! Input: each sentence's score, word and char counts, and TF-IDF vector; the [`Budget`].
//! Output: the chosen sentence indices in document order. Greedy by score (ties broken by
//! position), skipping a sentence too similar to one already chosen (cosine ≥ 0.7, a simple
//! MMR), until the budget is reached. Cost: O(n log n) for the sort plus O(k) comparisons
//! per candidate for k chosen sentences.

use crate::options::Budget;
use crate::score::cosine;

/// What selection needs to know about one sentence.
pub struct Candidate<'a> {
    /// Combined score.
    pub score: f64,
    /// Word count.
    pub words: usize,
    /// Character count.
    pub chars: usize,
    /// TF-IDF vector.
    pub vector: &'a [(u32, f64)],
}

/// Similarity above which a candidate repeats a chosen sentence.
const REDUNDANT: f64 = 0.7;

/// Chooses sentences; returns `(indices in document order, redundancy of each candidate)`.
pub fn select(candidates: &[Candidate], budget: Budget) -> (Vec<usize>, Vec<f64>) {
    let n = candidates.len();
    let mut redundancy = vec![0.0; n];
    if n == 0 {
        return (Vec::new(), redundancy);
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        candidates[b]
            .score
            .total_cmp(&candidates[a].score)
            .then(a.cmp(&b))
    });
    let max_sentences = match budget {
        Budget::Sentences(k) => k,
        Budget::Ratio(r) => ((n as f64 * r).round() as usize).max(1),
        Budget::Words(_) | Budget::Chars(_) => n,
    };
    let mut chosen: Vec<usize> = Vec::new();
    let (mut words, mut chars) = (0, 0);
    for &i in &order {
        if chosen.len() >= max_sentences {
            break;
        }
        let c = &candidates[i];
        let sim = chosen
            .iter()
            .map(|&j| cosine(c.vector, candidates[j].vector))
            .fold(0.0, f64::max);
        redundancy[i] = sim;
        if sim >= REDUNDANT {
            continue;
        }
        let fits = match budget {
            Budget::Words(w) => words + c.words <= w,
            Budget::Chars(m) => chars + c.chars <= m,
            _ => true,
        };
        if !fits {
            if chosen.is_empty() {
                // Always return something: the best sentence, even if it alone is too long.
                chosen.push(i);
            }
            continue;
        }
        words += c.words;
        chars += c.chars;
        chosen.push(i);
    }
    chosen.sort_unstable();
    (chosen, redundancy)
}
