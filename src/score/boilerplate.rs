//! Boilerplate: sentences that are about the page, not the story.
//!
//! Input: one sentence's text. Output: a penalty in [0, 1] — 1 for page furniture
//! ("Scroll down for video", "Click here", bylines, "PUBLISHED: 12:01 EST", photo credits,
//! "Follow us on Twitter", copyright lines, "X contributed to this report") and for
//! headings (a short line without final punctuation, such as "What you need"), and smaller
//! values for sentences that are rarely worth a summary slot on their own: questions, and
//! quotations with little around them. Matching is ASCII case-insensitive on a short list
//! of phrases. Cost: O(length of the sentence).

use crate::ascii::{letter_bits, HIGH_BITS, ONES};

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

/// The search looks at windows of this many bytes: the shortest phrase's length.
const WINDOW: usize = 7;

/// A byte folded to 5 bits: an ASCII letter's two cases fold alike, so a phrase and the
/// text fold alike wherever they match ignoring case (other bytes may fold like a letter,
/// which only makes the tables below more cautious).
const fn fold(b: u8) -> usize {
    (b & 0x1f) as usize
}

/// The key of two adjacent bytes, folded: an index into [`SHIFT`].
const fn pair(a: u8, b: u8) -> usize {
    fold(a) << 5 | fold(b)
}

/// How far the search may move its window on, given the last two bytes of the window
/// (Wu–Manber's shift table, with blocks of two bytes): as far as no phrase could start
/// inside what is skipped, that is, from each pair's last place in a phrase's first
/// [`WINDOW`] bytes to the window's end. 0 when the pair ends a phrase's first window:
/// then the window is checked. 1 KB.
const SHIFT: [u8; 1024] = {
    let mut shift = [(WINDOW - 1) as u8; 1024];
    let mut i = 0;
    while i < FURNITURE.len() {
        let p = FURNITURE[i].as_bytes();
        assert!(p.len() >= WINDOW, "the window is the shortest phrase");
        let mut q = 1;
        while q < WINDOW {
            let key = pair(p[q - 1], p[q]);
            let s = (WINDOW - 1 - q) as u8;
            if s < shift[key] {
                shift[key] = s;
            }
            q += 1;
        }
        i += 1;
    }
    shift
};

/// The folded first two bytes of the phrases (bit `fold(second)` of `[fold(first)]`): a
/// window the shift table stops at is compared with phrases only when it starts like one.
const STARTS: [u32; 32] = {
    let mut starts = [0u32; 32];
    let mut i = 0;
    while i < FURNITURE.len() {
        let p = FURNITURE[i].as_bytes();
        starts[fold(p[0])] |= 1 << fold(p[1]);
        i += 1;
    }
    starts
};

/// Whether a sentence contains one of the [`FURNITURE`] phrases, ignoring ASCII case. It
/// reads the sentence as it is (no lowercase copy), skipping ahead by the [`SHIFT`] of a
/// window's last two bytes: most windows of prose end in a pair that ends no phrase's
/// start, so the search reads about one pair in four bytes, and compares a window with
/// phrases only when its end and its start ([`STARTS`]) both fit one.
fn has_furniture(sentence: &[u8]) -> bool {
    let mut end = WINDOW - 1;
    while end < sentence.len() {
        let shift = SHIFT[pair(sentence[end - 1], sentence[end])];
        if shift == 0 {
            let start = end + 1 - WINDOW;
            let (first, second) = (sentence[start], sentence[start + 1]);
            if STARTS[fold(first)] & 1 << fold(second) != 0
                && starts_with_furniture(&sentence[start..])
            {
                return true;
            }
            end += 1;
        } else {
            end += usize::from(shift);
        }
    }
    false
}

/// Whether `rest` starts with one of the [`FURNITURE`] phrases, ignoring ASCII case.
fn starts_with_furniture(rest: &[u8]) -> bool {
    let first = rest.first().map_or(0, u8::to_ascii_lowercase) as usize;
    let (from, to) = (
        FIRST_BYTE_RANGES[first] as usize,
        FIRST_BYTE_RANGES[first + 1] as usize,
    );
    FURNITURE[from..to]
        .iter()
        .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// Penalty of a question that is a whole sentence.
const QUESTION: f64 = 0.5;
/// Penalty of a sentence that is mostly a quotation (scaled by the quoted share).
const QUOTATION: f64 = 0.3;

/// The penalty of one sentence (see the module docs).
pub fn penalty(sentence: &str) -> f64 {
    if has_furniture(sentence.as_bytes()) || is_byline(sentence) || is_heading(sentence) {
        return 1.0;
    }
    let mut p: f64 = 0.0;
    if sentence
        .trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}'])
        .ends_with('?')
    {
        p = p.max(QUESTION);
    }
    p.max(QUOTATION * quoted_share(sentence))
}

/// "By Jane Smith", "By . Jane Smith .", "Reporting by …": a short line naming the author.
fn is_byline(sentence: &str) -> bool {
    let starts = |prefix: &str| {
        sentence
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    (starts("by ") && !sentence.ends_with('.') && sentence.split_whitespace().count() <= 8)
        || starts("by . ")
        || starts("reporting by ")
        || starts("written by ")
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

/// Whether a sentence has a quotation mark that opens or closes a quotation (`"`, `“`, `”`):
/// one search, eight bytes at a time, for `"` and for the first byte of the curly ones,
/// most sentences having neither.
fn has_quotation_mark(bytes: &[u8]) -> bool {
    const CURLY: [&[u8]; 2] = ["\u{201C}".as_bytes(), "\u{201D}".as_bytes()];
    const LEAD: u8 = CURLY[0][0];
    let curly_at = |k: usize| {
        bytes[k] == LEAD
            && bytes
                .get(k..k + 3)
                .is_some_and(|w| w == CURLY[0] || w == CURLY[1])
    };
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        if has_byte(word, b'"') {
            return true;
        }
        if has_byte(word, LEAD) && (i..i + 8).any(curly_at) {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(|k| bytes[k] == b'"' || curly_at(k))
}

/// Whether one of the eight bytes of `word` is `b` (a lane of `word ^ b…` is zero: the
/// subtraction borrows into a lane's top bit only below a zero lane).
fn has_byte(word: u64, b: u8) -> bool {
    let x = word ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH_BITS != 0
}

/// The top bit of each byte of `word` that is an ASCII digit (as [`letter_bits`]).
fn digit_bits(word: u64) -> u64 {
    let low = word & !HIGH_BITS;
    let at_least_0 = low + ONES * (0x80 - u64::from(b'0'));
    let above_9 = low + ONES * (0x80 - u64::from(b'9') - 1);
    at_least_0 & !above_9 & !word & HIGH_BITS
}

/// The share of the sentence's letters and digits inside quotation marks.
pub fn quoted_share(sentence: &str) -> f64 {
    let bytes = sentence.as_bytes();
    if !has_quotation_mark(bytes) {
        return 0.0; // nothing is ever inside
    }
    let mut inside = false;
    let (mut quoted, mut total) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes without a `"` (most of a news sentence) are counted at once;
        // else the next eight bytes are read one character at a time.
        let stop = match bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            Some(chunk) => {
                let word = u64::from_le_bytes(*chunk);
                if word & HIGH_BITS == 0 && !has_byte(word, b'"') {
                    // One in the top bit of each counted lane, summed into the top byte.
                    let lanes = (letter_bits(word) | digit_bits(word)) >> 7;
                    let count = (lanes.wrapping_mul(ONES) >> 56) as usize;
                    total += count;
                    quoted += if inside { count } else { 0 };
                    i += 8;
                    continue;
                }
                i + 8
            }
            None => bytes.len(),
        };
        while i < stop {
            let b = bytes[i];
            let letter = if b.is_ascii() {
                i += 1;
                if b == b'"' {
                    inside = !inside;
                }
                b.is_ascii_alphanumeric()
            } else {
                let Some(c) = sentence[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                match c {
                    '\u{201C}' => inside = true,
                    '\u{201D}' => inside = false,
                    _ => {}
                }
                c.is_alphanumeric()
            };
            if letter {
                total += 1;
                quoted += usize::from(inside);
            }
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
    fn furniture_phrases_are_sorted_and_each_is_found() {
        assert!(FURNITURE.windows(2).all(|w| w[0] < w[1]));
        for p in FURNITURE {
            for phrase in [p.to_string(), p.to_ascii_uppercase()] {
                let sentence = format!("Before {phrase} after");
                assert!(has_furniture(sentence.as_bytes()), "{phrase}");
                assert!(has_furniture(phrase.as_bytes()), "{phrase}");
            }
        }
        assert!(!has_furniture(
            b"the council met on monday to vote on the photo rules."
        ));
    }

    #[test]
    fn the_skipping_search_finds_what_a_search_at_every_byte_finds() {
        let every_byte = |s: &[u8]| (0..s.len()).any(|i| starts_with_furniture(&s[i..]));
        let source = crate::testing::XorShift::new(0x9e37_79b9_7f4a_7c15u64);
        let random = |m: usize| source.below(m as u64) as usize;
        // Pieces of phrases, whole phrases in mixed case, and bytes that fold like letters.
        let pieces: Vec<Vec<u8>> = FURNITURE
            .iter()
            .flat_map(|p| {
                let b = p.as_bytes();
                [b.to_vec(), b[..b.len() - 1].to_vec(), b[1..].to_vec()]
            })
            .chain(
                [
                    "a", " ", "e", "(", "@", "`", "H", "\u{e9}", "\u{201c}", ":", "-", "M",
                ]
                .map(|w| w.as_bytes().to_vec()),
            )
            .collect();
        for _ in 0..20_000 {
            let mut s = Vec::new();
            for _ in 0..random(6) {
                let mut piece = pieces[random(pieces.len())].clone();
                for b in &mut piece {
                    if random(3) == 0 {
                        *b = b.to_ascii_uppercase();
                    }
                }
                s.extend(piece);
            }
            assert_eq!(
                has_furniture(&s),
                every_byte(&s),
                "{:?}",
                String::from_utf8_lossy(&s)
            );
        }
    }

    #[test]
    fn quoted_share_counts_letters_inside_quotes() {
        assert_eq!(quoted_share("\"Ab\" cd"), 0.5);
        assert_eq!(quoted_share("\u{201C}Été\u{201D} is here"), 3.0 / 9.0);
        assert_eq!(quoted_share("-- !"), 0.0);
        assert_eq!(quoted_share("It\u{2014}was the \u{2019}90s"), 0.0);
        assert_eq!(quoted_share("a \u{201D}b \u{201C}cd"), 2.0 / 4.0);
    }

    /// `quoted_share` as it was before it counted eight bytes at a time.
    fn quoted_share_by_chars(sentence: &str) -> f64 {
        let has_mark = sentence.contains(['"', '\u{201C}', '\u{201D}']);
        let mut inside = false;
        let (mut quoted, mut total) = (0usize, 0usize);
        for c in sentence.chars() {
            match c {
                '"' => inside = !inside,
                '\u{201C}' => inside = true,
                '\u{201D}' => inside = false,
                _ => {}
            }
            if c.is_alphanumeric() {
                total += 1;
                quoted += usize::from(inside);
            }
        }
        if !has_mark || total == 0 {
            0.0
        } else {
            quoted as f64 / total as f64
        }
    }

    #[test]
    fn quoted_share_is_the_same_as_counting_by_characters() {
        let source = crate::testing::XorShift::new(0x0123_4567_89ab_cdefu64);
        let random = |m: usize| source.below(m as u64) as usize;
        let pieces = [
            "a",
            "Zo",
            "42",
            " ",
            ", ",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "\u{2019}",
            "\u{2014}",
            "\u{e9}t\u{e9}",
            "\u{416}",
            "\u{4e2d}",
            "_",
            "@",
            "said the mayor ",
        ];
        for _ in 0..20_000 {
            let s: String = (0..random(40))
                .map(|_| pieces[random(pieces.len())])
                .collect();
            assert_eq!(quoted_share(&s), quoted_share_by_chars(&s), "{s:?}");
        }
    }

    #[test]
    fn questions_and_quotes_are_discounted() {
        assert_eq!(penalty("Who pays for the new bridge?"), QUESTION);
        let p = penalty("\"We are delighted,\" she said.");
        assert!(p > 0.0 && p < QUESTION, "{p}");
    }
}
