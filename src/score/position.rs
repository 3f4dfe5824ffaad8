//! Position and length priors, and how news-like (lead-heavy) the document is.
//!
//! Input: each sentence's boilerplate penalty and word count, and the document's size.
//! Output per sentence, in [0, 1]:
//! - **position**: the lead bias. News puts the story first, so early sentences matter
//!   more; position counts only *content* sentences (a byline or "Scroll down for video"
//!   before the lead does not push the lead back). The prior is `1 / (1 + r/2)` for the
//!   content rank `r`, except that the very first content sentence gets [`FIRST`]: fitted
//!   on the dev split, it says that the second and third sentences of a news story are
//!   summary material more often than the first, which is often a long scene-setting
//!   or dateline sentence. It is scaled by the document's [`lead_bias`].
//! - **length**, in [−1, 1]: reference summaries are short, so shorter sentences earn a
//!   little (up to +0.34 below 15 words) and run-ons lose (down to −0.33 at 70 words).
//!
//! [`lead_bias`] is 1 for article-sized texts and falls for long documents (papers, reports,
//! books), where what comes first is an introduction rather than the story, so position
//! must not dominate there. A *structured* document — one with section headings after its
//! opening — is a report, a how-to or an essay rather than a news story: its lead bias is
//! multiplied by [`STRUCTURED`], and its first sentence is not discounted. Cost: O(n).

/// Content rank at which the position prior has halved.
const HALF_RANK: f64 = 2.0;
/// The position prior of the first content sentence (fitted on dev; see the module docs).
pub const FIRST: f64 = 0.457;
/// Texts up to this many words are treated as fully lead-structured (news-sized).
const NEWS_WORDS: f64 = 1500.0;
/// Beyond [`NEWS_WORDS`], the lead bias halves every this many more words.
const HALVING_WORDS: f64 = 1000.0;
/// The lead bias never falls below this.
const MIN_LEAD_BIAS: f64 = 0.15;
/// Sentences with a boilerplate penalty at least this high do not count as content.
const NOT_CONTENT: f64 = 0.99;

/// Lead-bias factor of a structured document (see the module docs).
pub const STRUCTURED: f64 = 0.3;
/// A document with at least this many headings after its first content sentence is
/// structured.
pub const STRUCTURED_HEADINGS: usize = 2;

/// How much position should count for a document of `words` words, in [MIN, 1].
pub fn lead_bias(words: usize, structured: bool) -> f64 {
    let over = (words as f64 - NEWS_WORDS).max(0.0);
    let bias = 0.5f64.powf(over / HALVING_WORDS) * if structured { STRUCTURED } else { 1.0 };
    bias.max(MIN_LEAD_BIAS)
}

/// The rank of each sentence among the content sentences before it.
pub fn content_ranks(boilerplate: &[f64]) -> Vec<usize> {
    let mut rank = 0;
    boilerplate
        .iter()
        .map(|&b| {
            let r = rank;
            if b < NOT_CONTENT {
                rank += 1;
            }
            r
        })
        .collect()
}

/// The position prior of a sentence with content rank `rank`.
pub fn prior(rank: usize, structured: bool) -> f64 {
    if rank == 0 && !structured {
        FIRST
    } else {
        1.0 / (1.0 + rank as f64 / HALF_RANK)
    }
}

/// Weights of the three length terms (fitted on dev): short bonus, long malus, plateau.
const SHORT: f64 = 0.338;
const LONG: f64 = 0.329;
const PLATEAU: f64 = 0.032;

/// The length prior of a sentence of `words` words, in [−1, 1] (see the module docs).
pub fn length_prior(words: usize) -> f64 {
    let w = words as f64;
    let short = ((15.0 - w) / 15.0).max(0.0);
    let long = ((w - 30.0) / 40.0).clamp(0.0, 1.0);
    let plateau = if w < 12.0 {
        ((w - 3.0) / 9.0).clamp(0.0, 1.0)
    } else if w <= 32.0 {
        1.0
    } else {
        ((80.0 - w) / 48.0).clamp(0.0, 1.0)
    };
    SHORT * short - LONG * long + PLATEAU * plateau
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_does_not_push_the_lead_back() {
        assert_eq!(content_ranks(&[1.0, 0.0, 0.5, 0.0]), [0, 0, 1, 2]);
    }

    #[test]
    fn long_documents_have_less_lead_bias() {
        assert_eq!(lead_bias(600, false), 1.0);
        assert!(lead_bias(600, true) < 1.0);
        assert!(lead_bias(4000, false) < 0.5);
        assert!(lead_bias(100_000, false) >= MIN_LEAD_BIAS);
    }

    #[test]
    fn length_prior_shape() {
        assert!(length_prior(10) > length_prior(25));
        assert!(length_prior(25) > length_prior(50));
        assert!(length_prior(50) > length_prior(90));
        for w in 0..200 {
            assert!((-1.0..=1.0).contains(&length_prior(w)));
        }
    }

    #[test]
    fn position_prior_decays_after_the_lead() {
        let p = |r| prior(r, false);
        assert!(p(1) > p(2) && p(2) > p(5) && p(5) > p(20));
        assert!(p(0) > p(10));
        assert_eq!(prior(0, true), 1.0);
    }
}
