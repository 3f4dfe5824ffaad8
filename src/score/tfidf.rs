//! TF-IDF sentence vectors and their cosine similarity.
//!
//! Input: [`Tokens`]. Output: one sparse vector per sentence, `(term, weight)` sorted by term,
//! with weight `(1 + ln tf) · idf` over content words (stop words and bare numbers are left
//! out), where `idf = ln((1 + n) / (1 + df)) + 1` counts sentences as documents. Also each
//! vector's Euclidean norm, so similarities need no recomputation. Cost: O(tokens log tokens
//! per sentence) to build; a cosine is O(|a| + |b|).

use crate::tokenize::Tokens;

/// TF-IDF vectors of every sentence, plus the document frequency of every term. A vector is
/// sparse, `(term id, weight)` sorted by term id, weights stored as `f32` (half the memory of
/// one of the pipeline's largest tables) and summed in `f64`. The vectors are one flat array
/// sliced by sentence, not a `Vec` per sentence (an allocation, and reallocations as it
/// grows, for every sentence).
#[derive(Clone, Debug, Default)]
pub struct TfIdf {
    /// Sentence `i`'s vector is `entries[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    entries: Vec<(u32, f32)>,
    /// Euclidean norm of each vector.
    pub norms: Vec<f64>,
    /// In how many sentences each term occurs (content words only).
    pub df: Vec<u32>,
}

impl TfIdf {
    /// Builds the vectors of all sentences of `tokens`.
    pub fn new(tokens: &Tokens) -> TfIdf {
        let n = tokens.sentence_ranges.len();
        let mut df = vec![0u32; tokens.vocabulary.len()];
        // A sentence has at most as many entries as content words: one allocation for them
        // all. A long document's are counted first (reserving a word's worth for stop words
        // too made this table its peak: 10 MB of text, 13.6 MB reserved for 8.6 MB used);
        // an article's are not worth the pass (13% of this stage on 1,000 words). The room
        // that repeats leave is given back before the graph is built.
        let capacity = if tokens.tokens.len() > 1 << 16 {
            tokens.tokens.iter().filter(|t| !tokens.is_stop(t)).count()
        } else {
            tokens.tokens.len()
        };
        let mut entries: Vec<(u32, f32)> = Vec::with_capacity(capacity);
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        let mut terms: Vec<u32> = Vec::new();
        for i in 0..n {
            terms.clear();
            terms.extend(
                tokens
                    .of_sentence(i)
                    .iter()
                    .filter(|t| !tokens.is_stop(t))
                    .map(|t| t.term),
            );
            crate::sort::sort(&mut terms);
            // Exactly one entry per distinct term, counting its occurrences.
            let start = entries.len();
            let mut last = u32::MAX;
            for &t in &terms {
                if t == last {
                    let k = entries.len() - 1;
                    entries[k].1 += 1.0;
                } else {
                    entries.push((t, 1.0));
                    df[t as usize] += 1;
                    last = t;
                }
            }
            debug_assert!(entries[start..].windows(2).all(|w| w[0].0 < w[1].0));
            starts.push(entries.len());
        }
        entries.shrink_to_fit();
        // Counts and document frequencies are small integers that repeat: each logarithm
        // (a software routine in the wasm) is computed once per distinct value.
        let mut tf_part = SmallIntMemo::default();
        let mut idf_of = SmallIntMemo::default();
        for (t, w) in entries.iter_mut() {
            // Most terms occur once in their sentence: 1 + ln 1 is exactly 1.
            let tf = if *w == 1.0 {
                1.0
            } else {
                tf_part.get(*w as usize, |c| 1.0 + (c as f64).ln())
            };
            let idf = idf_of.get(df[*t as usize] as usize, |d| idf(n, d as u32));
            *w = (tf * idf) as f32;
        }
        let norms = starts
            .windows(2)
            .map(|w| norm(&entries[w[0]..w[1]]))
            .collect();
        TfIdf {
            starts,
            entries,
            norms,
            df,
        }
    }

    /// `n` sentences with empty vectors (for tests of what reads them).
    #[cfg(test)]
    pub(crate) fn empty(n: usize) -> TfIdf {
        TfIdf {
            starts: vec![0; n + 1],
            entries: Vec::new(),
            norms: vec![0.0; n],
            df: Vec::new(),
        }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.norms.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.norms.is_empty()
    }

    /// Sentence `i`'s vector: `(term id, weight)` sorted by term id.
    pub fn vector(&self, i: usize) -> &[(u32, f32)] {
        &self.entries[self.starts[i]..self.starts[i + 1]]
    }

    /// Every sentence's vector, in order of sentence.
    pub fn vectors(&self) -> impl ExactSizeIterator<Item = &[(u32, f32)]> {
        self.starts.windows(2).map(|w| &self.entries[w[0]..w[1]])
    }

    /// All the entries of all the vectors, sentence after sentence.
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.entries
    }

    /// Cosine similarity of sentences `i` and `j`.
    pub fn similarity(&self, i: usize, j: usize) -> f64 {
        let d = self.norms[i] * self.norms[j];
        if d > 0.0 {
            dot(self.vector(i), self.vector(j)) / d
        } else {
            0.0
        }
    }
}

/// The values of a function of small non-negative integers, each computed once (for
/// logarithms of counts, which repeat). Arguments past [`SmallIntMemo::LIMIT`] are computed
/// every time, so the table stays small.
#[derive(Default)]
pub(crate) struct SmallIntMemo {
    /// `values[k]` is `f(k)`, or NaN if not computed yet.
    values: Vec<f64>,
}

impl SmallIntMemo {
    const LIMIT: usize = 1024;

    /// `f(k)`, from the table when it has been computed before.
    pub(crate) fn get(&mut self, k: usize, f: impl Fn(usize) -> f64) -> f64 {
        if k >= Self::LIMIT {
            return f(k);
        }
        if k >= self.values.len() {
            self.values.resize(k + 1, f64::NAN);
        }
        if self.values[k].is_nan() {
            self.values[k] = f(k);
        }
        self.values[k]
    }
}

/// Inverse document frequency of a term in `df` of `n` sentences.
pub fn idf(n: usize, df: u32) -> f64 {
    ((1.0 + n as f64) / (1.0 + df as f64)).ln() + 1.0
}

/// Euclidean norm of a sparse vector.
pub fn norm(v: &[(u32, f32)]) -> f64 {
    v.iter()
        .map(|&(_, w)| f64::from(w) * f64::from(w))
        .sum::<f64>()
        .sqrt()
}

/// Dot product of two sparse vectors sorted by term.
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Cosine similarity of two sparse vectors sorted by term (0 when either is empty).
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let d = norm(a) * norm(b);
    if d > 0.0 {
        dot(a, b) / d
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::tokenize::Tokenizer;

    #[test]
    fn a_single_occurrence_weighs_exactly_one() {
        // What the shortcut for a count of 1 in `TfIdf::new` relies on.
        assert_eq!((1.0 + 1f64.ln()).to_bits(), 1f64.to_bits());
    }

    #[test]
    fn shared_words_make_similar_sentences() {
        let text = "The river flooded the town. The town flooded again. Bakers sell bread.";
        let tokens = Tokenizer::default().tokenize(text, &segment(text));
        let tfidf = TfIdf::new(&tokens);
        assert!(tfidf.similarity(0, 1) > 0.3);
        assert_eq!(tfidf.similarity(0, 2), 0.0);
        assert!((tfidf.similarity(1, 1) - 1.0).abs() < 1e-9);
    }
}
