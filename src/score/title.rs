//! Title overlap: sentences that share the headline's words.
//!
//! Input: the title's content-word term ids (sorted, deduplicated) and the sentences'
//! TF-IDF vectors. Output per sentence, in [0, 1]: the IDF-weighted share of the title's
//! terms that the sentence contains (so sharing the rare word "MacLaren" counts more than
//! sharing "said"). Without a title every value is 0. Cost: O(title terms · log |sentence|)
//! per sentence.

use super::tfidf::{idf, TfIdf};

/// Title overlap of each sentence.
pub fn overlap(tfidf: &TfIdf, title_terms: &[u32]) -> Vec<f64> {
    let n = tfidf.len();
    let df = &tfidf.df;
    let weight = |t: u32| idf(n, df.get(t as usize).copied().unwrap_or(0));
    let total: f64 = title_terms.iter().map(|&t| weight(t)).sum();
    tfidf
        .vectors()
        .map(|v| {
            if total == 0.0 {
                return 0.0;
            }
            let hits: f64 = title_terms
                .iter()
                .filter(|&&t| v.binary_search_by_key(&t, |&(x, _)| x).is_ok())
                .map(|&t| weight(t))
                .sum();
            hits / total
        })
        .collect()
}
