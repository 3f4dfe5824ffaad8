//! Boilerplate: sentences that are about the page, not the story.
//!
//! Input: one sentence's text. Output: a penalty in [0, 1] — 1 for page furniture
//! ("Scroll down for video", "Click here", bylines, "PUBLISHED: 12:01 EST", photo credits,
//! "Follow us on Twitter", copyright lines, "X contributed to this report") and for
//! headings (a short line without final punctuation, such as "What you need"), and smaller
//! values for sentences that are rarely worth a summary slot on their own: questions, and
//! quotations with little around them. Matching is ASCII case-insensitive on a short list
//! of phrases. Cost: O(length of the sentence).

/// Phrases that mark page furniture wherever they appear in a sentence.
const FURNITURE: &[&str] = &[
    "scroll down for video",
    "scroll down for more",
    "click here",
    "read more:",
    "read more at",
    "sign up for",
    "subscribe to",
    "all rights reserved",
    "copyright ",
    "share this article",
    "published:",
    "updated:",
    "last updated",
    "e-mail to a friend",
    "follow us on",
    "on twitter @",
    "follow @",
    "contributed to this report",
    "contributed reporting",
    "watch the video",
    "video courtesy",
    "photo credit",
    "(photo:",
    "photo: ",
    "photograph: ",
    "picture: ",
    "pictured above",
    "image: ",
    "getty images",
    "advertisement",
    "terms of use",
    "privacy policy",
];

/// Penalty of a question that is a whole sentence.
const QUESTION: f64 = 0.5;
/// Penalty of a sentence that is mostly a quotation (scaled by the quoted share).
const QUOTATION: f64 = 0.3;

/// The penalty of one sentence (see the module docs).
pub fn penalty(sentence: &str) -> f64 {
    let lower = sentence.to_ascii_lowercase();
    if FURNITURE.iter().any(|p| lower.contains(p)) || is_byline(&lower) || is_heading(sentence) {
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
    let words = lower.split_whitespace().count();
    (lower.starts_with("by ") && words <= 8 && !lower.ends_with('.'))
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

/// The share of the sentence's characters inside quotation marks.
pub fn quoted_share(sentence: &str) -> f64 {
    let mut inside = false;
    let (mut quoted, mut total) = (0usize, 0usize);
    for c in sentence.chars() {
        match c {
            '"' => inside = !inside,
            '\u{201C}' => inside = true,
            '\u{201D}' => inside = false,
            _ if c.is_alphanumeric() => {
                total += 1;
                if inside {
                    quoted += 1;
                }
            }
            _ => {}
        }
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
    fn questions_and_quotes_are_discounted() {
        assert_eq!(penalty("Who pays for the new bridge?"), QUESTION);
        let p = penalty("\"We are delighted,\" she said.");
        assert!(p > 0.0 && p < QUESTION, "{p}");
    }
}
