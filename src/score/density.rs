//! Figure and named-entity density: sentences that carry facts.
//!
//! Input: the sentence's tokens and the text, and how many key figures
//! [`crate::figures`](mod@crate::figures) found in each sentence. Output per sentence, each
//! in [0, 1]:
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

/// Adds each of `facts` to the count of the sentence it is in (`counts` has one per
/// sentence; a fact of no sentence counts nowhere). Figures can come a block at a time.
pub fn count_figures(counts: &mut [u32], facts: &[Fact]) {
    for f in facts {
        if let Some(c) = counts.get_mut(f.sentence) {
            *c += 1;
        }
    }
}

/// Figure density of each sentence, from its count of figures ([`count_figures`]).
pub fn figures(counts: &[u32], tokens: &Tokens) -> Vec<f64> {
    (0..tokens.sentence_ranges.len())
        .map(|i| {
            let words = tokens.words[i].max(1) as f64;
            let count = counts.get(i).copied().unwrap_or(0);
            (f64::from(count) * WORDS_PER_FIGURE / words).min(1.0)
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
            let words = tokens.words[i];
            if words < 2 {
                return 0.0;
            }
            let names = tokens
                .of_sentence(i)
                .iter()
                .filter(|t| {
                    !tokens.is_first_word(i, t)
                        && !tokens.is_stop(t)
                        && starts_uppercase(text, t.start)
                })
                .count();
            (names as f64 / f64::from(words) / FULL_ENTITY_SHARE).min(1.0)
        })
        .collect()
}
