//! Stage 1, normalize: make pasted text uniform without losing the way back.
//!
//! Input: the original text. Output: [`Normalized`], a cleaned copy plus a sparse map from
//! its byte offsets to the original's. Changes: `\r\n`/`\r` → `\n`; NBSP, tabs and other
//! horizontal spaces → one ASCII space (runs collapse); soft hyphens, zero-width spaces and
//! joiners, BOM → removed; curly quotes → `'`/`"`; Unicode dashes stay (they carry meaning
//! for ranges), as do newlines (they mark paragraphs).
//!
//! Cost: one pass, O(n) time (eight plain bytes tested at once); the map holds one
//! checkpoint per edit, so unchanged text costs nothing and lookups are a binary search. Text that needs no edit is borrowed, not
//! copied; otherwise unchanged stretches are copied in bulk.

use std::borrow::Cow;

/// Normalized text and the map back to the original's byte offsets.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// `(normalized offset, original offset)` where a run of one-to-one bytes starts, sorted.
    /// Where characters were removed or replaced there are two entries for one normalized
    /// offset: the first says where the previous character ended, the second where the next
    /// one starts.
    checkpoints: Vec<(usize, usize)>,
    original_len: usize,
}

impl Normalized<'_> {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Maps a start offset of the normalized text (a char boundary) to the original text:
    /// the start of the original character that produced the normalized one (after any
    /// removed characters before it).
    pub fn to_original(&self, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(n, _)| n <= offset) - 1;
        let (n, o) = self.checkpoints[i];
        (o + (offset - n)).min(self.original_len)
    }

    /// Maps an end offset (exclusive) of the normalized text to the original text: just after
    /// the original character that produced the preceding normalized one (before any removed
    /// characters after it).
    pub fn to_original_end(&self, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(n, _)| n < offset);
        match self.checkpoints.get(i) {
            Some(&(n, o)) if n == offset => o,
            _ => {
                let (n, o) = self.checkpoints[i - 1];
                (o + (offset - n)).min(self.original_len)
            }
        }
    }

    /// Maps a normalized span `[start, end)` to the original text.
    pub fn span_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_original(start);
        (s, self.to_original_end(end).max(s))
    }
}

/// Normalizes `original` (see the module docs).
pub fn normalize(original: &str) -> Normalized<'_> {
    let mut out = Builder {
        text: String::new(),
        checkpoints: vec![(0, 0)],
    };
    let bytes = original.as_bytes();
    let mut in_space_run = false;
    // Characters that stay as they are (plain ASCII is the bulk of most text) are copied in
    // runs; only `\r`, `\t`, a space after a space and non-ASCII characters that change
    // take the slow path.
    let (mut at, mut run_start) = (0, 0);
    // Below this offset bytes go one at a time: eight bytes there had something to edit.
    let mut bytewise_until = 0;
    while at < bytes.len() {
        if at >= bytewise_until {
            if let Some(chunk) = bytes[at..].first_chunk::<8>() {
                let v = u64::from_le_bytes(*chunk);
                if plain_chunk(v, in_space_run) {
                    in_space_run = v >> 56 == u64::from(b' ');
                    at += 8;
                    continue;
                }
                bytewise_until = at + 8;
            }
        }
        let b = bytes[at];
        let plain = b < 0x80 && b != b'\r' && b != b'\t' && !(b == b' ' && in_space_run);
        if plain {
            in_space_run = b == b' ';
            at += 1;
            continue;
        }
        let c = original[at..].chars().next().unwrap_or(' ');
        let next_is_newline = bytes.get(at + 1) == Some(&b'\n');
        if !c.is_ascii() && replacement(c, next_is_newline).is_none() {
            in_space_run = false; // every space character has a replacement
            at += c.len_utf8();
            continue;
        }
        if out.text.is_empty() {
            out.text.reserve(original.len());
        }
        out.text.push_str(&original[run_start..at]);
        in_space_run = out.push_special(at, c, next_is_newline, in_space_run);
        at += c.len_utf8();
        run_start = at;
    }
    let text = if run_start == 0 {
        Cow::Borrowed(original) // nothing was edited
    } else {
        out.text.push_str(&original[run_start..]);
        Cow::Owned(out.text)
    };
    Normalized {
        text,
        checkpoints: out.checkpoints,
        original_len: original.len(),
    }
}

/// Whether the eight bytes of `v` (little-endian) are all plain (see [`normalize`]): ASCII,
/// no `\r`, no tab, no space after a space (`in_space_run`: the byte before was one).
/// Integer arithmetic on the eight lanes at once instead of a branch per byte.
fn plain_chunk(v: u64, in_space_run: bool) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The top bit of each lane that equals `b` (exact per lane: no carries between lanes).
    let eq = |b: u8| {
        let x = v ^ (ONES * u64::from(b));
        !(((x & !HIGH) + !HIGH) | x) & HIGH
    };
    let spaces = eq(b' ');
    let after_space = (spaces << 8) | (u64::from(in_space_run) << 7);
    ((v & HIGH) | eq(b'\r') | eq(b'\t') | (spaces & after_space)) == 0
}

/// What a character becomes: `None` keeps it, `Some('\0')` removes it.
fn replacement(c: char, next_is_newline: bool) -> Option<char> {
    match c {
        // CRLF → LF (drop the \r; the \n maps to itself); a lone \r is a line break.
        '\r' if next_is_newline => Some('\0'),
        '\r' => Some('\n'),
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some('\0'),
        '\t' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some(' ')
        }
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Some('"'),
        _ => None,
    }
}

/// The normalized text while it is built, and its checkpoints (see [`Normalized`]).
struct Builder {
    text: String,
    checkpoints: Vec<(usize, usize)>,
}

impl Builder {
    /// Appends the normalized form of the original character `c` at `at`; returns whether
    /// the text now ends in a space run.
    fn push_special(
        &mut self,
        at: usize,
        c: char,
        next_is_newline: bool,
        in_space_run: bool,
    ) -> bool {
        let c_out = replacement(c, next_is_newline).unwrap_or(c);
        if c_out == '\0' || (c_out == ' ' && in_space_run) {
            self.skip(at, c);
            return in_space_run;
        }
        if c_out.len_utf8() != c.len_utf8() {
            self.checkpoint(at);
            self.text.push(c_out);
            self.checkpoint(at + c.len_utf8());
        } else {
            self.text.push(c_out);
        }
        c_out == ' '
    }

    /// Records that the normalized text continues at original offset `orig`. Keeps at most
    /// two entries per normalized offset (the first and the latest).
    fn checkpoint(&mut self, orig: usize) {
        let n = self.text.len();
        let len = self.checkpoints.len();
        if len >= 2 && self.checkpoints[len - 1].0 == n && self.checkpoints[len - 2].0 == n {
            self.checkpoints[len - 1].1 = orig;
        } else if self.checkpoints[len - 1] != (n, orig) {
            self.checkpoints.push((n, orig));
        }
    }

    /// Drops the original character `c` at `at`.
    fn skip(&mut self, at: usize, c: char) {
        self.checkpoint(at);
        self.checkpoint(at + c.len_utf8());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(original: &str, needle: &str) -> String {
        let n = normalize(original);
        let start = n.text().find(needle).expect("needle in normalized text");
        let (s, e) = n.span_to_original(start, start + needle.len());
        original[s..e].to_string()
    }

    #[test]
    fn replaces_and_maps_back() {
        let original = "He said \u{201C}it\u{2019}s 5\u{A0}km\u{201D}.\r\nNext\u{AD}line";
        let n = normalize(original);
        assert_eq!(n.text(), "He said \"it's 5 km\".\nNextline");
        assert_eq!(round_trip(original, "it's"), "it\u{2019}s");
        assert_eq!(round_trip(original, "5 km"), "5\u{A0}km");
        assert_eq!(
            round_trip(original, "\"it's 5 km\""),
            "\u{201C}it\u{2019}s 5\u{A0}km\u{201D}"
        );
        assert_eq!(round_trip(original, "Next"), "Next");
        assert_eq!(round_trip(original, "Nextline"), "Next\u{AD}line");
    }

    #[test]
    fn unedited_text_is_borrowed() {
        for original in ["", "Plain text.\nTwo lines.", "Café in Zürich — 5 km."] {
            let n = normalize(original);
            assert!(matches!(n.text, Cow::Borrowed(_)), "{original:?}");
            assert_eq!(n.text(), original);
            assert_eq!(n.span_to_original(0, original.len()), (0, original.len()));
        }
        assert!(matches!(normalize("a  b").text, Cow::Owned(_)));
        assert!(matches!(normalize("\u{FEFF}x").text, Cow::Owned(_)));
    }

    #[test]
    fn plain_chunks_are_plain_bytes() {
        // Every byte value in every lane, after a space or not, against the byte rule.
        for b in 0..=255u8 {
            for lane in 0..8 {
                for fill in [b'a', b' '] {
                    for in_space_run in [false, true] {
                        let mut bytes = [fill; 8];
                        bytes[lane] = b;
                        let mut run = in_space_run;
                        let expected = bytes.iter().all(|&b| {
                            let plain = b < 0x80 && b != b'\r' && b != b'\t' && !(b == b' ' && run);
                            run = b == b' ';
                            plain
                        });
                        let v = u64::from_le_bytes(bytes);
                        assert_eq!(plain_chunk(v, in_space_run), expected, "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn collapses_space_runs() {
        let original = "a \t\u{A0} b";
        let n = normalize(original);
        assert_eq!(n.text(), "a b");
        assert_eq!(round_trip(original, "b"), "b");
        assert_eq!(round_trip(original, "a"), "a");
    }
}
