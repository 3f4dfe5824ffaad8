//! Stage 2, segment: split text into sentences and paragraphs.
//!
//! Input: (normalized) text. Output: [`Segment`]s — byte spans of trimmed sentences, in
//! order, not overlapping, covering every non-whitespace character — each with its
//! paragraph number. A blank line starts a new paragraph.
//!
//! Rules: a sentence ends at `.`, `!`, `?`, `…` or CJK `。！？` (plus closing quotes and
//! brackets) when whitespace and a plausible sentence start follow, unless the word before a
//! period is a known abbreviation, an initial or a number; it also ends at a paragraph break
//! and at a line break before a capitalised line when the line has no final punctuation (a
//! headline or byline). Cost: one pass, O(n).

/// A sentence: a byte span of the text and the paragraph it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Zero-based paragraph number.
    pub paragraph: usize,
}

/// Abbreviations after which a period does not end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "ave", "bros", "capt", "cdr", "cmdr", "co", "col", "corp", "cpl", "dec",
    "dept", "dr", "e.g", "est", "etc", "feb", "fig", "gen", "gov", "i.e", "inc", "jan", "jr",
    "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct",
    "op", "p.m", "a.m", "pp", "prof", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt",
    "sr", "st", "supt", "u.k", "u.n", "u.s", "u.s.a", "v", "vs",
];

const CLOSERS: &[char] = &['"', '\'', ')', ']', '}', '\u{201D}', '\u{2019}', '»'];

/// Splits `text` into sentences (see the module docs).
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            if c == '\n' {
                let rest = &text[i + 1..];
                let blank_line = rest
                    .split('\n')
                    .next()
                    .is_some_and(|line| line.trim().is_empty() && rest.contains('\n'));
                if blank_line || rest.trim_start().is_empty() {
                    if let Some(s) = start.take() {
                        push(&mut out, text, s, i, paragraph);
                    }
                    if blank_line && !out.is_empty() && out.last().unwrap().paragraph == paragraph {
                        paragraph += 1;
                    }
                } else if let Some(s) = start {
                    if line_break_ends_sentence(&text[s..i], rest) {
                        push(&mut out, text, s, i, paragraph);
                        start = None;
                    }
                }
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        if !is_terminator(c) {
            continue;
        }
        // Take the whole run of terminators and closing punctuation.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_terminator(d) || CLOSERS.contains(&d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let s = start.unwrap();
        let is_cjk = matches!(c, '。' | '！' | '？');
        let followed_by_space = end >= bytes.len() || text[end..].starts_with(char::is_whitespace);
        if !(followed_by_space || is_cjk) {
            continue;
        }
        if c == '.' && !period_ends_sentence(&text[s..i], &text[end..]) {
            continue;
        }
        if matches!(c, '!' | '?') && next_word_is_lowercase(&text[end..]) {
            continue;
        }
        push(&mut out, text, s, end, paragraph);
        start = None;
    }
    if let Some(s) = start {
        push(&mut out, text, s, text.len(), paragraph);
    }
    out
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn push(out: &mut Vec<Segment>, text: &str, start: usize, end: usize, paragraph: usize) {
    let trimmed = text[start..end].trim_end();
    if !trimmed.is_empty() {
        out.push(Segment {
            start,
            end: start + trimmed.len(),
            paragraph,
        });
    }
}

/// Whether a period after `before` (the sentence so far) ends it, given the text `after`.
fn period_ends_sentence(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    if next_word_is_lowercase(after) {
        return false;
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "in the U.S. The next..." — an abbreviation at the end of a sentence is rare except
        // for a few; keep them joined unless a paragraph follows.
        return matches!(
            lower.as_str(),
            "u.s" | "u.k" | "etc" | "inc" | "co" | "corp" | "ltd" | "jr" | "sr"
        ) && after.trim_start().starts_with(|c: char| c.is_uppercase())
            && !after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    // Initials: "J. R. R. Tolkien".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    true
}

fn next_word_is_lowercase(after: &str) -> bool {
    after
        .trim_start()
        .trim_start_matches(|c: char| CLOSERS.contains(&c) || c == '"' || c == '(')
        .starts_with(|c: char| c.is_lowercase())
}

/// A single line break ends a sentence when the line has no final punctuation and reads as a
/// title or byline (short) and the next line starts with a capital or a bullet.
fn line_break_ends_sentence(line: &str, rest: &str) -> bool {
    let next = rest.trim_start();
    if next.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let last_line = line.rsplit('\n').next().unwrap_or(line).trim();
    let words = last_line.split_whitespace().count();
    let ends_open = last_line.ends_with([',', ';', ':', '-']);
    let bullet_next = next.starts_with(['-', '*', '•', '–']);
    bullet_next || (!ends_open && words <= 15)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segment(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_news_text() {
        let text = "Mr. Lee paid $3.5 million for the U.S. firm on Jan. 5. It closed at 4 p.m. today. Shares rose!";
        assert_eq!(
            texts(text),
            [
                "Mr. Lee paid $3.5 million for the U.S. firm on Jan. 5.",
                "It closed at 4 p.m. today.",
                "Shares rose!"
            ]
        );
    }

    #[test]
    fn paragraphs_and_headlines() {
        let text = "Storm hits coast\nBy Ann Reed\n\nThe storm arrived on Monday. Power failed.\n\nRepairs began.";
        let segs = segment(text);
        let got: Vec<(&str, usize)> = segs
            .iter()
            .map(|s| (&text[s.start..s.end], s.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("Storm hits coast", 0),
                ("By Ann Reed", 0),
                ("The storm arrived on Monday.", 1),
                ("Power failed.", 1),
                ("Repairs began.", 2)
            ]
        );
    }
}
