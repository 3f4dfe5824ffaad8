//! Figure and named-entity density: sentences that carry facts.
//!
//! Input: the sentence's tokens and the text, and the key figures found by
//! [`crate::figures`](mod@crate::figures). Output per sentence, each in [0, 1]:
//! - **figures**: key figures per word, scaled (one figure in a ten-word sentence gives 1);
//! - **entities**: the share of words that look like names — capitalised words that are
//!   not the sentence's first word and not stop words ("Warner", "Kenya", "MacLaren").
//!
//! Cost: O(tokens + figures).

use crate::figures::Fact;
use crate::tokenize::Tokens;

/// A sentence with one figure per this many words has the full figure density.
const WORDS_PER_FIGURE: f64 = 10.0;
/// A sentence whose words are names at this share has the full entity density.
const FULL_ENTITY_SHARE: f64 = 0.4;

/// Figure density of each sentence.
pub fn figures(facts: &[Fact], tokens: &Tokens) -> Vec<f64> {
    let n = tokens.sentence_ranges.len();
    let mut counts = vec![0usize; n];
    for f in facts {
        if let Some(c) = counts.get_mut(f.sentence) {
            *c += 1;
        }
    }
    (0..n)
        .map(|i| {
            let words = tokens.of_sentence(i).len().max(1) as f64;
            (counts[i] as f64 * WORDS_PER_FIGURE / words).min(1.0)
        })
        .collect()
}

/// Whether the character at byte `i` of `text` is uppercase (an ASCII byte tested as it is,
/// without decoding a character).
fn starts_uppercase(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text[i..].starts_with(char::is_uppercase),
    }
}

/// Named-entity density of each sentence.
pub fn entities(text: &str, tokens: &Tokens) -> Vec<f64> {
    (0..tokens.sentence_ranges.len())
        .map(|i| {
            let words = tokens.of_sentence(i);
            if words.len() < 2 {
                return 0.0;
            }
            let names = words[1..]
                .iter()
                .filter(|t| !tokens.is_stop(t) && starts_uppercase(text, t.start))
                .count();
            (names as f64 / words.len() as f64 / FULL_ENTITY_SHARE).min(1.0)
        })
        .collect()
}
