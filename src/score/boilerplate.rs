//! Boilerplate: sentences that are about the page, not the story.
//!
//! Input: one sentence's text. Output: a penalty in [0, 1] — 1 for page furniture
//! ("Scroll down for video", "Click here", bylines, "PUBLISHED: 12:01 EST", photo credits,
//! "Follow us on Twitter", copyright lines, "X contributed to this report") and for
//! headings (a short line without final punctuation, such as "What you need"), and smaller
//! values for sentences that are rarely worth a summary slot on their own: questions, and
//! quotations with little around them. Matching is ASCII case-insensitive on a short list
//! of phrases. Cost: O(length of the sentence).

/// Phrases that mark page furniture wherever they appear in a sentence; sorted, so that
/// [`FIRST_BYTE_RANGES`] can find the few that start with a given byte.
const FURNITURE: &[&str] = &[
    "(photo:",
    "advertisement",
    "all rights reserved",
    "click here",
    "contributed reporting",
    "contributed to this report",
    "copyright ",
    "e-mail to a friend",
    "follow @",
    "follow us on",
    "getty images",
    "image: ",
    "last updated",
    "on twitter @",
    "photo credit",
    "photo: ",
    "photograph: ",
    "picture: ",
    "pictured above",
    "privacy policy",
    "published:",
    "read more at",
    "read more:",
    "scroll down for more",
    "scroll down for video",
    "share this article",
    "sign up for",
    "subscribe to",
    "terms of use",
    "updated:",
    "video courtesy",
    "watch the video",
];

/// For each byte, the range of [`FURNITURE`] phrases starting with it: `[b]..[b + 1]`.
/// Built at compile time; the phrases must be sorted (checked by a test).
const FIRST_BYTE_RANGES: [u8; 257] = {
    let mut ranges = [0u8; 257];
    let mut i = 0;
    while i < FURNITURE.len() {
        ranges[FURNITURE[i].as_bytes()[0] as usize + 1] += 1;
        i += 1;
    }
    let mut b = 1;
    while b < 257 {
        ranges[b] += ranges[b - 1];
        b += 1;
    }
    ranges
};

/// Whether a lowercased sentence contains one of the [`FURNITURE`] phrases: one table
/// lookup per byte, and a comparison only with the phrases that start with that byte.
fn has_furniture(lower: &[u8]) -> bool {
    (0..lower.len()).any(|i| {
        let b = lower[i] as usize;
        let (from, to) = (
            FIRST_BYTE_RANGES[b] as usize,
            FIRST_BYTE_RANGES[b + 1] as usize,
        );
        // The second byte first: it rules out nearly every candidate without a memcmp.
        FURNITURE[from..to].iter().any(|p| {
            lower.get(i + 1) == p.as_bytes().get(1) && lower[i..].starts_with(p.as_bytes())
        })
    })
}

/// Penalty of a question that is a whole sentence.
const QUESTION: f64 = 0.5;
/// Penalty of a sentence that is mostly a quotation (scaled by the quoted share).
const QUOTATION: f64 = 0.3;

/// The penalty of one sentence (see the module docs).
pub fn penalty(sentence: &str) -> f64 {
    let lower = sentence.to_ascii_lowercase();
    if has_furniture(lower.as_bytes()) || is_byline(&lower) || is_heading(sentence) {
        return 1.0;
    }
    let mut p: f64 = 0.0;
    if lower
        .trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}'])
        .ends_with('?')
    {
        p = p.max(QUESTION);
    }
    p.max(QUOTATION * quoted_share(sentence))
}

/// "By Jane Smith", "By . Jane Smith .", "Reporting by …": a short line naming the author.
fn is_byline(lower: &str) -> bool {
    (lower.starts_with("by ") && !lower.ends_with('.') && lower.split_whitespace().count() <= 8)
        || lower.starts_with("by . ")
        || lower.starts_with("reporting by ")
        || lower.starts_with("written by ")
}

/// Longest heading, in words.
const HEADING_WORDS: usize = 12;

/// A heading: a short line that does not end like a sentence ("Step 2", "What you need").
pub fn is_heading(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    let ends_like_sentence = trimmed.ends_with([
        '.', '!', '?', ':', ';', ',', '"', '\'', ')', '\u{201D}', '\u{2019}', '…',
    ]);
    !ends_like_sentence && trimmed.split_whitespace().count() <= HEADING_WORDS
}

/// The share of the sentence's letters and digits inside quotation marks.
pub fn quoted_share(sentence: &str) -> f64 {
    let mut inside = false;
    let (mut quoted, mut total) = (0usize, 0usize);
    let mut count = |inside: bool| {
        total += 1;
        quoted += usize::from(inside);
    };
    let mut rest = sentence;
    // Bytes while ASCII (most of a news sentence); other characters decoded one by one.
    while let Some(&b) = rest.as_bytes().first() {
        if b.is_ascii() {
            match b {
                b'"' => inside = !inside,
                _ if b.is_ascii_alphanumeric() => count(inside),
                _ => {}
            }
            rest = &rest[1..];
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some('\u{201C}') => inside = true,
            Some('\u{201D}') => inside = false,
            Some(c) if c.is_alphanumeric() => count(inside),
            _ => {}
        }
        rest = chars.as_str();
    }
    if total == 0 {
        0.0
    } else {
        quoted as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_penalised() {
        assert_eq!(penalty("Scroll down for video"), 1.0);
        assert_eq!(penalty("Click HERE to read the full report."), 1.0);
        assert_eq!(penalty("By Ann Reed"), 1.0);
        assert_eq!(
            penalty("Sam Lowe and Priya Nair contributed to this report."),
            1.0
        );
        assert_eq!(penalty("The council approved the budget on Monday."), 0.0);
        assert_eq!(penalty("By noon the river had risen two metres."), 0.0);
        assert_eq!(penalty("What you need"), 1.0);
    }

    #[test]
    fn furniture_phrases_are_sorted_and_each_is_found() {
        assert!(FURNITURE.windows(2).all(|w| w[0] < w[1]));
        for p in FURNITURE {
            let sentence = format!("Before {} after", p.to_ascii_uppercase());
            assert!(
                has_furniture(sentence.to_ascii_lowercase().as_bytes()),
                "{p}"
            );
        }
        assert!(!has_furniture(
            b"the council met on monday to vote on the photo rules."
        ));
    }

    #[test]
    fn quoted_share_counts_letters_inside_quotes() {
        assert_eq!(quoted_share("\"Ab\" cd"), 0.5);
        assert_eq!(quoted_share("\u{201C}Été\u{201D} is here"), 3.0 / 9.0);
        assert_eq!(quoted_share("-- !"), 0.0);
    }

    #[test]
    fn questions_and_quotes_are_discounted() {
        assert_eq!(penalty("Who pays for the new bridge?"), QUESTION);
        let p = penalty("\"We are delighted,\" she said.");
        assert!(p > 0.0 && p < QUESTION, "{p}");
    }
}
