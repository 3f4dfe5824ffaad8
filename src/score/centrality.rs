//! Position-aware (directed) centrality, after PacSum (Zheng & Lapata 2019), and coverage.
//!
//! Input: the sparse [`Graph`] and the TF-IDF vectors. Output per sentence:
//! - **forward**: how much the sentences *after* it repeat it (Σ cosine over later
//!   neighbours). In news the lead is what the rest of the story elaborates, so a sentence
//!   that later sentences echo is central in a way a sentence echoing earlier ones is not.
//! - **backward**: the same over *earlier* sentences. PacSum weighs it negatively: a
//!   sentence that mostly repeats what came before adds little.
//! - **coverage**: cosine between the sentence and the document centroid (the sum of all
//!   sentence vectors), i.e. how much of the document's vocabulary it carries.
//!
//! Edges whose cosine is below a fraction of the document's largest edge are dropped first,
//! as in PacSum. Cost: O(edges + tokens).

use super::graph::Graph;
use super::tfidf::TfIdf;

/// Edges below this fraction of the strongest edge do not count (PacSum's β).
const EDGE_THRESHOLD: f64 = 0.1;

/// Σ of thresholded similarities to later (`forward`) and earlier (`backward`) sentences.
/// A row being sorted by neighbour, its earlier and later neighbours are its two halves,
/// each summed in a register.
pub fn directed(graph: &Graph) -> (Vec<f64>, Vec<f64>) {
    let cut = EDGE_THRESHOLD * f64::from(graph.strongest());
    let above_cut = |edges: &[(u32, f32)]| {
        let mut sum = 0.0;
        for &(_, s) in edges {
            let s = f64::from(s);
            if s <= cut {
                continue;
            }
            sum += s - cut;
        }
        sum
    };
    let mut forward = Vec::with_capacity(graph.len());
    let mut backward = Vec::with_capacity(graph.len());
    for (i, row) in graph.rows().enumerate() {
        let (earlier, later) = row.split_at(row.partition_point(|&(j, _)| j as usize <= i));
        forward.push(above_cut(later));
        backward.push(above_cut(earlier));
    }
    (forward, backward)
}

/// Cosine of each sentence with the document centroid.
/// The centroid stays dense, indexed by term, and its norm is computed once: O(tokens +
/// vocabulary), where a sparse cosine per sentence would walk the centroid's whole
/// vocabulary each time (O(sentences · vocabulary)).
pub fn coverage(tfidf: &TfIdf, vocabulary_size: usize) -> Vec<f64> {
    let mut centroid = vec![0.0f64; vocabulary_size];
    for &(t, w) in tfidf.entries() {
        centroid[t as usize] += f64::from(w);
    }
    let centroid_norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
    tfidf
        .vectors()
        .zip(&tfidf.norms)
        .map(|(v, &norm)| {
            let d = norm * centroid_norm;
            if d > 0.0 {
                v.iter()
                    .map(|&(t, w)| f64::from(w) * centroid[t as usize])
                    .sum::<f64>()
                    / d
            } else {
                0.0
            }
        })
        .collect()
}

/// Scales values into [0, 1] by the largest (all zeros stay zeros).
pub fn scale_to_max(values: &mut [f64]) {
    let max = values.iter().cloned().fold(0.0, f64::max);
    if max > 0.0 {
        values.iter_mut().for_each(|v| *v = (*v / max).max(0.0));
    }
}

/// Scales values into [−1, 1] by the largest magnitude (all zeros stay zeros).
pub fn scale_to_max_abs(values: &mut [f64]) {
    let max = values.iter().map(|v| v.abs()).fold(0.0, f64::max);
    if max > 0.0 {
        values.iter_mut().for_each(|v| *v /= max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::tfidf::TfIdf;
    use crate::segment::segment;
    use crate::tokenize::Tokenizer;

    #[test]
    fn the_lead_is_echoed_forward() {
        let text = "A fire destroyed the old mill in Dunmore. Firefighters fought the mill fire \
                    all night. The Dunmore mill was built in 1820. Bakers sold bread.";
        let tokens = Tokenizer::default().tokenize(text, &segment(text));
        let tfidf = TfIdf::new(&tokens);
        let (forward, backward) = directed(&Graph::new(&tfidf));
        assert!(forward[0] > forward[2], "{forward:?}");
        assert_eq!(backward[0], 0.0);
        assert!(backward[2] > 0.0);
        assert_eq!(forward[3] + backward[3], 0.0);
    }

    #[test]
    fn coverage_is_the_cosine_with_the_centroid() {
        let text = "A fire destroyed the old mill. Firefighters fought the mill fire. \
                    Bakers sold bread. Nothing!";
        let tokens = Tokenizer::default().tokenize(text, &segment(text));
        let tfidf = TfIdf::new(&tokens);
        let got = coverage(&tfidf, tokens.vocabulary.len());
        let mut centroid: Vec<(u32, f64)> = Vec::new();
        for v in tfidf.vectors() {
            for &(t, w) in v {
                match centroid.binary_search_by_key(&t, |&(c, _)| c) {
                    Ok(k) => centroid[k].1 += f64::from(w),
                    Err(k) => centroid.insert(k, (t, f64::from(w))),
                }
            }
        }
        let centroid_norm = centroid.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        for (i, v) in tfidf.vectors().enumerate() {
            let dot: f64 = v
                .iter()
                .map(|&(t, w)| {
                    let k = centroid.binary_search_by_key(&t, |&(c, _)| c).unwrap();
                    f64::from(w) * centroid[k].1
                })
                .sum();
            let d = crate::score::tfidf::norm(v) * centroid_norm;
            let want = if d > 0.0 { dot / d } else { 0.0 };
            assert!((got[i] - want).abs() < 1e-12, "{i}: {} vs {want}", got[i]);
        }
        assert!(got[1] > got[2], "{got:?}");
    }
}
