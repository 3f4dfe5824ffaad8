//! A sparse sentence-similarity graph, and LexRank over it.
//!
//! Input: [`TfIdf`] vectors. Output: a [`Graph`] whose edge `i → j` carries the cosine of
//! sentences `i` and `j`, and the LexRank score of every sentence (Erkan & Radev 2004,
//! continuous version: PageRank over the similarity-weighted graph).
//!
//! Why sparse: comparing every pair of sentences is O(n²), 25 million cosines for a
//! 100,000-word book. Instead, two sentences are compared only through the terms they share
//! that are *rare* (in at most [`MAX_POSTINGS`] sentences): the dot products are accumulated
//! from an inverted index, whose cost is Σ df² ≤ `MAX_POSTINGS` · tokens. Very common terms
//! carry little IDF weight anyway; in a news article of 40 sentences every term is "rare"
//! and the graph is exact. Each sentence keeps its [`MAX_NEIGHBOURS`] most similar
//! neighbours. Cost: O(tokens · MAX_POSTINGS) to build, O(edges) per LexRank iteration.

use super::tfidf::TfIdf;

/// A term is used for comparing sentences only when it is in at most this many sentences.
pub const MAX_POSTINGS: usize = 64;
/// Each sentence keeps at most this many neighbours (the most similar ones).
pub const MAX_NEIGHBOURS: usize = 48;
/// Edges below this cosine are dropped as noise.
const MIN_SIMILARITY: f64 = 0.02;
/// LexRank damping factor, the most power iterations, and the total change of the ranks
/// (L1) below which they have converged. Ranks are only compared within one document and
/// scaled to the largest, so 1e-4 is far below what can change a choice (measured on dev:
/// the same ROUGE to two decimals as a fixed 30 passes).
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 30;
const CONVERGED: f64 = 1e-4;

/// Sentence-similarity edges: for each sentence, `(neighbour, cosine)` sorted by neighbour.
/// A cosine is kept as `f32` (8 bytes an edge instead of 16: the graph is the largest
/// structure for long documents, and seven digits are more than the scores need).
/// The inverted index of the rare terms: for each term in at most [`MAX_POSTINGS`]
/// sentences, the sentences that have it (in order) with its weight there. One flat array
/// sliced by term (a term's document frequency is its number of postings, so the slices
/// are laid out before filling): not a `Vec` per term, hundreds of allocations an article.
struct Postings {
    /// Term `t`'s postings are `entries[starts[t]..starts[t + 1]]`.
    starts: Vec<usize>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn new(tfidf: &TfIdf) -> Postings {
        let rare = |df: u32| df as usize <= MAX_POSTINGS;
        let mut starts = Vec::with_capacity(tfidf.df.len() + 1);
        let mut total = 0;
        starts.push(0);
        for &df in &tfidf.df {
            if rare(df) {
                total += df as usize;
            }
            starts.push(total);
        }
        let mut filled = starts.clone();
        let mut entries = vec![(0u32, 0f32); total];
        for (i, v) in tfidf.vectors.iter().enumerate() {
            for &(t, w) in v {
                let t = t as usize;
                if rare(tfidf.df[t]) {
                    entries[filled[t]] = (i as u32, w);
                    filled[t] += 1;
                }
            }
        }
        debug_assert!(
            filled[..filled.len() - 1] == starts[1..],
            "a term's document frequency is its number of postings"
        );
        Postings { starts, entries }
    }

    fn of(&self, term: u32) -> &[(u32, f32)] {
        let t = term as usize;
        &self.entries[self.starts[t]..self.starts[t + 1]]
    }
}

#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Neighbours of each sentence.
    pub edges: Vec<Vec<(u32, f32)>>,
}

impl Graph {
    /// Builds the sparse graph (see the module docs).
    pub fn new(tfidf: &TfIdf) -> Graph {
        let n = tfidf.vectors.len();
        let postings = Postings::new(tfidf);
        let mut acc = vec![0.0f64; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut edges = Vec::with_capacity(n);
        for (i, v) in tfidf.vectors.iter().enumerate() {
            for &(t, w) in v {
                for &(j, wj) in postings.of(t) {
                    if j as usize == i {
                        continue;
                    }
                    if acc[j as usize] == 0.0 {
                        touched.push(j);
                    }
                    acc[j as usize] += f64::from(w) * f64::from(wj);
                }
            }
            let mut row: Vec<(u32, f32)> = touched
                .iter()
                .map(|&j| {
                    let d = tfidf.norms[i] * tfidf.norms[j as usize];
                    (j, if d > 0.0 { acc[j as usize] / d } else { 0.0 })
                })
                .filter(|&(_, s)| s >= MIN_SIMILARITY)
                .map(|(j, s)| (j, s as f32))
                .collect();
            for &j in &touched {
                acc[j as usize] = 0.0;
            }
            touched.clear();
            if row.len() > MAX_NEIGHBOURS {
                crate::sort::sort_by(&mut row, |a, b| {
                    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)).is_lt()
                });
                row.truncate(MAX_NEIGHBOURS);
            }
            crate::sort::sort_by(&mut row, |a, b| a.0 < b.0);
            edges.push(row);
        }
        Graph { edges }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// Whether the graph has no sentences.
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// Continuous LexRank: the stationary distribution of a random walk that follows
    /// similarity-weighted edges (teleporting with probability 1 − `DAMPING`), by power
    /// iteration until the ranks change by less than `CONVERGED` (at most `ITERATIONS`).
    pub fn lexrank(&self) -> Vec<f64> {
        let n = self.len();
        if n == 0 {
            return Vec::new();
        }
        let out_weight: Vec<f64> = self
            .edges
            .iter()
            .map(|row| row.iter().map(|&(_, s)| f64::from(s)).sum())
            .collect();
        let mut rank = vec![1.0 / n as f64; n];
        let mut next = vec![0.0; n];
        for _ in 0..ITERATIONS {
            // Mass of dangling sentences (no edges) is spread evenly, like the teleport.
            let dangling: f64 = (0..n)
                .filter(|&i| out_weight[i] == 0.0)
                .map(|i| rank[i])
                .sum();
            let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
            next.iter_mut().for_each(|x| *x = base);
            for (i, row) in self.edges.iter().enumerate() {
                if out_weight[i] == 0.0 {
                    continue;
                }
                let share = DAMPING * rank[i] / out_weight[i];
                for &(j, s) in row {
                    next[j as usize] += share * f64::from(s);
                }
            }
            let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut rank, &mut next);
            if change < CONVERGED {
                break;
            }
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::tokenize::Tokenizer;

    fn graph(text: &str) -> (TfIdf, Graph) {
        let tokens = Tokenizer::default().tokenize(text, &segment(text));
        let tfidf = TfIdf::new(&tokens);
        let g = Graph::new(&tfidf);
        (tfidf, g)
    }

    #[test]
    fn edges_match_exact_cosines_on_short_texts() {
        let text = "Rain fell on the harbour. The harbour closed after rain. \
                    Ferries stopped at the harbour. Bakers sold bread.";
        let (tfidf, g) = graph(text);
        for (i, row) in g.edges.iter().enumerate() {
            for &(j, s) in row {
                assert!((f64::from(s) - tfidf.similarity(i, j as usize)).abs() < 1e-6);
            }
        }
        assert!(g.edges[3].is_empty(), "the bread sentence shares nothing");
    }

    #[test]
    fn lexrank_prefers_the_hub() {
        let text = "Rain fell on the harbour. The harbour closed after rain and wind. \
                    Wind shook the harbour. Bakers sold bread.";
        let (_, g) = graph(text);
        let r = g.lexrank();
        assert!(r[1] > r[3] && r[2] > r[3]);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-6);
    }
}
