//! Stage 7, keyphrases: the article's top phrases.
//!
//! Input: [`Tokens`] and per-term document frequencies over sentences. Output: up to `k`
//! [`Keyphrase`]s — maximal runs of up to three adjacent content words inside a sentence,
//! scored by the summed TF-IDF weight of their words (repeated phrases add up), each with
//! the span of its first occurrence. Phrases are merged by stem sequence, so "rates" and
//! "rate" count together. Cost: O(tokens · log phrases).

use crate::tokenize::Tokens;
use serde::Serialize;
use std::collections::BTreeMap;

/// A top phrase of the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyphrase {
    /// The phrase as first written.
    pub text: String,
    /// Byte offset of its first occurrence.
    pub start: usize,
    /// Byte end of its first occurrence.
    pub end: usize,
    /// Relative weight; the top phrase has 1.
    pub weight: f64,
    /// How often the phrase occurs.
    pub count: usize,
}

const MAX_WORDS: usize = 3;

/// The top `k` keyphrases of `text`.
pub fn keyphrases(text: &str, tokens: &Tokens, k: usize) -> Vec<Keyphrase> {
    let n = tokens.sentence_ranges.len().max(1) as f64;
    let mut df = vec![0u32; tokens.vocabulary.len()];
    let mut tf = vec![0u32; tokens.vocabulary.len()];
    let mut seen = vec![u32::MAX; tokens.vocabulary.len()];
    for t in &tokens.tokens {
        tf[t.term as usize] += 1;
        if seen[t.term as usize] != t.sentence {
            seen[t.term as usize] = t.sentence;
            df[t.term as usize] += 1;
        }
    }
    let weight = |term: u32| {
        let (tf, df) = (tf[term as usize] as f64, df[term as usize] as f64);
        (1.0 + tf.ln()) * ((1.0 + n) / (1.0 + df)).ln()
    };
    // stem sequence → (score, count, first span)
    let mut phrases: BTreeMap<Vec<u32>, (f64, usize, usize, usize)> = BTreeMap::new();
    for i in 0..tokens.sentence_ranges.len() {
        let sentence = tokens.of_sentence(i);
        let mut run_start = 0;
        for j in 0..=sentence.len() {
            let breaks = j == sentence.len()
                || sentence[j].stop
                || (j > run_start && !adjacent(text, sentence[j - 1].end, sentence[j].start))
                || j - run_start == MAX_WORDS;
            if breaks {
                if j > run_start {
                    let run = &sentence[run_start..j];
                    let key: Vec<u32> = run.iter().map(|t| t.term).collect();
                    let score: f64 = key.iter().map(|&t| weight(t)).sum();
                    let entry = phrases.entry(key).or_insert((
                        0.0,
                        0,
                        run[0].start,
                        run[run.len() - 1].end,
                    ));
                    entry.0 += score;
                    entry.1 += 1;
                }
                run_start = if j < sentence.len() && sentence[j].stop {
                    j + 1
                } else {
                    j
                };
            }
        }
    }
    let mut ranked: Vec<(Vec<u32>, (f64, usize, usize, usize))> = phrases.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.1 .2.cmp(&b.1 .2)));
    let top = ranked
        .first()
        .map_or(1.0, |r| r.1 .0)
        .max(f64::MIN_POSITIVE);
    ranked
        .into_iter()
        .take(k)
        .map(|(_, (score, count, start, end))| Keyphrase {
            text: text[start..end].to_string(),
            start,
            end,
            weight: score / top,
            count,
        })
        .collect()
}

/// Two words are adjacent when only spaces (or a hyphen) separate them.
fn adjacent(text: &str, end: usize, start: usize) -> bool {
    text[end..start].chars().all(|c| c == ' ' || c == '-')
}
