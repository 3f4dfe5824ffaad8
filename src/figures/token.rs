//! Tokens for the figure scanner: words, numbers and single symbols with byte spans.
//!
//! Input: normalized text. Output: a `Vec<Tok>` (one allocation per document, none per
//! token: a token is a span plus a tag). Numbers keep their thousands separators and one
//! decimal part ("11,000", "1.5", ".08"); words are letter runs that may end in digits or
//! superscripts ("km2", "G7", "m²"); everything else that is not a space is a one-char
//! symbol. Each token also says whether a figure may start at it (the scanner's pre-filter,
//! [`super::lexicon::may_start_figure`]), worked out while the word is in hand. Cost: one
//! pass over the bytes, O(n): a word of up to seven ASCII letters is read, and its key made,
//! from one eight-byte read of the lowercase copy (up to fifteen, from two); other tokens are
//! sorted by a table look-up (the single space after a token is stepped over without one).

use super::lexicon;
use crate::wordkey::{word_key, KEY_BYTES};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters (maybe with trailing digits): "million", "km2", "COVID".
    Word,
    /// Digits with optional `,ddd` groups and one decimal part.
    Num,
    /// Any other single non-space character.
    Sym(char),
}

/// One token: its byte span, kind, and what separates it from the previous one.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    /// Byte offset of the first byte (u32 keeps a token small: texts are far below 4 GB).
    pub start: u32,
    /// Byte offset past the last byte.
    pub end: u32,
    /// Word, number or symbol.
    pub kind: TokKind,
    /// Whitespace between this token and the previous one.
    pub space: bool,
    /// A line break between this token and the previous one (paragraphs, lists).
    pub brk: bool,
    /// Whether a figure may begin here by the token alone ([`lexicon::may_start_figure`]):
    /// worked out while the word's bytes are at hand, in the byte the struct had spare.
    pub starts: bool,
}

/// Splits `text` into tokens; `lower` is its lowercase copy, followed by [`KEY_BYTES`] zero
/// bytes (see [`Doc`]), so that eight bytes can be read at any offset of the text.
pub fn tokenize(text: &str, lower: &[u8]) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let lexicon = lexicon::lexicon();
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let (mut space, mut brk) = (true, false);
    let mut i = 0;
    // offsets are u32: a text over 4 GB is read up to there (never reached in a browser)
    let stop = bytes.len().min(u32::MAX as usize - 64);
    while i < stop {
        let start = i;
        let (kind, may_start) = if let Some((end, key)) = short_word(lower, i) {
            // most words: read in one step, key and all
            i = end;
            let word = &bytes[start..end];
            (
                TokKind::Word,
                lexicon::letters_may_start_figure(lexicon, word, key),
            )
        } else {
            // one table look-up sorts a byte; only characters outside ASCII are decoded
            match BYTE_CLASS[bytes[i] as usize] {
                SPACE | NEWLINE => {
                    space = true;
                    brk |= bytes[i] == b'\n';
                    i += 1;
                    continue;
                }
                DIGIT => {
                    i = scan_number(bytes, i);
                    (TokKind::Num, false)
                }
                DOT if space && next_is_digit(bytes, i + 1) => {
                    i = scan_number(bytes, i);
                    (TokKind::Num, false)
                }
                LETTER => {
                    i = scan_word(text, i);
                    (
                        TokKind::Word,
                        long_word_may_start(lexicon, bytes, lower, start, i),
                    )
                }
                DOT | SYMBOL => {
                    i += 1;
                    (TokKind::Sym(char::from(bytes[i - 1])), false)
                }
                _ => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    if c.is_alphabetic() {
                        i = scan_word(text, i);
                        // a word outside ASCII may be a sign or a number word
                        (TokKind::Word, true)
                    } else if c.is_whitespace() {
                        space = true;
                        i += c.len_utf8();
                        continue;
                    } else {
                        i += c.len_utf8();
                        // so may a symbol outside ASCII ("€", "½")
                        (TokKind::Sym(c), true)
                    }
                }
            }
        };
        toks.push(Tok {
            start: start as u32,
            end: i as u32,
            kind,
            space,
            brk,
            starts: may_start,
        });
        // the single space after most tokens, without a trip through the table
        space = bytes.get(i) == Some(&b' ');
        i += usize::from(space);
        brk = false;
    }
    toks
}

/// A word of one to fifteen ASCII letters at `i` followed by an ASCII byte that is not a
/// digit (where [`scan_word`] ends it): its end and its [`word_key`], from one eight-byte
/// read of the lowercase copy `lower` (two for a word of eight letters or more). `None` for
/// anything else.
#[inline(always)]
fn short_word(lower: &[u8], i: usize) -> Option<(usize, u128)> {
    let chunk = u64::from_le_bytes(*lower.get(i..)?.first_chunk::<8>()?);
    match leading_letters(chunk) {
        (0, _) => None,
        (8, _) => long_ascii_word(lower, i, chunk),
        (len, true) => Some((i + len, u128::from(chunk & (u64::MAX >> (64 - 8 * len))))),
        (_, false) => None,
    }
}

/// How many of the eight bytes of `chunk` (little-endian) are ASCII letters before the
/// first that is not (8 when all are), and whether that byte may end a word as
/// [`scan_word`] ends one: ASCII and not a digit (false when all eight are letters).
#[inline(always)]
fn leading_letters(chunk: u64) -> (usize, bool) {
    let stops = !crate::ascii::letter_bits(chunk) & crate::ascii::HIGH_BITS;
    let len = stops.trailing_zeros() as usize / 8;
    let ends = len < 8 && {
        let next = (chunk >> (8 * len)) as u8;
        next.is_ascii() && !next.is_ascii_digit()
    };
    (len, ends)
}

/// [`short_word`] for a word whose first eight bytes, `first`, are letters: up to seven more
/// from the next eight bytes (a word of 16 or more goes the slow way).
#[inline(never)]
fn long_ascii_word(lower: &[u8], i: usize, first: u64) -> Option<(usize, u128)> {
    let chunk = u64::from_le_bytes(*lower.get(i + 8..)?.first_chunk::<8>()?);
    let (len, ends) = leading_letters(chunk);
    if !ends {
        return None;
    }
    let rest = chunk & u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0);
    Some((i + 8 + len, u128::from(rest) << 64 | u128::from(first)))
}

/// [`lexicon::may_start_figure`] for a word that [`short_word`] did not read.
#[inline(never)]
fn long_word_may_start(
    lexicon: &lexicon::Lexicon,
    bytes: &[u8],
    lower: &[u8],
    start: usize,
    end: usize,
) -> bool {
    let word = &bytes[start..end];
    let key_bytes = lower
        .get(start..start + KEY_BYTES)
        .and_then(|k| k.try_into().ok());
    match key_bytes {
        Some(key_bytes) if word.is_ascii() && word.len() <= KEY_BYTES => {
            lexicon::ascii_may_start_figure(lexicon, word, word_key(key_bytes, word.len()))
        }
        _ => lexicon::word_may_start_figure(word),
    }
}

/// [`BYTE_CLASS`]es: what a byte starts in the tokenizer.
const SPACE: u8 = 0;
const NEWLINE: u8 = 1;
const DIGIT: u8 = 2;
const DOT: u8 = 3;
const LETTER: u8 = 4;
/// Any other ASCII character: a symbol token.
const SYMBOL: u8 = 5;
/// The first byte of a longer character (decoded to sort it); continuation bytes are never
/// looked up.
const NON_ASCII: u8 = 6;

/// The class of each byte. ASCII whitespace includes the vertical tab (a Unicode space, though
/// not `u8::is_ascii_whitespace`), as the character test it replaces did.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        let byte = b as u8;
        t[b] = match byte {
            b'\n' => NEWLINE,
            b' ' | b'\t' | b'\r' | 0x0B | 0x0C => SPACE,
            b'0'..=b'9' => DIGIT,
            b'.' => DOT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            _ => SYMBOL,
        };
        b += 1;
    }
    t
};

fn next_is_digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

/// Digits, then `,ddd` groups (exactly three digits each), then one `.d+` part.
fn scan_number(bytes: &[u8], mut i: usize) -> usize {
    let digits = |mut i: usize| {
        while next_is_digit(bytes, i) {
            i += 1;
        }
        i
    };
    let first = i;
    i = digits(i);
    if let Some(end) = indian_groups(bytes, first, i) {
        i = end;
    } else if i > first {
        while bytes.get(i) == Some(&b',')
            && (1..=3).all(|k| next_is_digit(bytes, i + k))
            && !next_is_digit(bytes, i + 4)
        {
            i += 4;
        }
    }
    if bytes.get(i) == Some(&b'.') && next_is_digit(bytes, i + 1) {
        i = digits(i + 1);
    }
    i
}

/// Currency codes split from glued digits ("USD115"); others stay names ("COP29", "CAD3").
const GLUED_CODES: &[&str] = &["AUD", "CHF", "CNY", "EUR", "GBP", "INR", "JPY", "USD"];

/// Lakh grouping "12,34,567": one or two digits, pairs, then a final group of three.
fn indian_groups(bytes: &[u8], first: usize, mut i: usize) -> Option<usize> {
    if i - first > 2 {
        return None;
    }
    let d = |k: usize| next_is_digit(bytes, k);
    let mut pairs = 0;
    while bytes.get(i) == Some(&b',') && d(i + 1) && d(i + 2) && bytes.get(i + 3) == Some(&b',') {
        i += 3;
        pairs += 1;
    }
    if pairs == 0 || !(bytes.get(i) == Some(&b',') && d(i + 1) && d(i + 2) && d(i + 3) && !d(i + 4))
    {
        return None;
    }
    i += 4;
    if bytes.get(i) == Some(&b'.') && d(i + 1) {
        i += 1;
        while d(i) {
            i += 1;
        }
    }
    Some(i)
}

/// Letters, then any letters, ASCII digits or superscript two/three ("km2", "m²"). An ISO
/// currency code stops before digits ("USD115" is "USD" + "115").
#[inline]
fn scan_word(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    // Nearly every word of English text: ASCII letters, then a space or punctuation.
    let end = crate::ascii::letters_end(bytes, i);
    match bytes.get(end) {
        Some(b) if b.is_ascii() && !b.is_ascii_digit() => end,
        None => end,
        _ => scan_word_on(text, i, end),
    }
}

/// [`scan_word`] on from `end`, where a digit or a character outside ASCII follows the
/// letters (kept apart so that the common case above stays small enough to inline).
#[inline(never)]
fn scan_word_on(text: &str, i: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    // ASCII bytes without decoding: runs of letters, and what ends or continues them.
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_digit() => {
                let k = end - i;
                if k == 0 || (k == 3 && GLUED_CODES.contains(&&text[i..i + 3])) {
                    return end;
                }
                end += 1;
            }
            Some(b) if b.is_ascii() => return end,
            Some(_) => break,
            None => return end,
        }
        end = crate::ascii::letters_end(bytes, end);
    }
    // From the first non-ASCII character on, by characters.
    for (k, c) in text[end..].char_indices() {
        let k = end - i + k;
        if c.is_ascii_digit() && k == 3 && GLUED_CODES.contains(&&text[i..i + 3]) {
            return i + k;
        }
        if c.is_alphabetic() || c.is_ascii_digit() && k > 0 || c == '²' || c == '³' {
            continue;
        }
        return i + k;
    }
    text.len()
}

/// Exact powers of ten (every one up to 1e22 is exactly representable in an f64).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `10^e` for a whole exponent (exact for |e| ≤ 22).
pub fn pow10(e: i32) -> f64 {
    let table = |k: i32| POW10[k.min(22) as usize];
    let mut v = 1.0;
    let mut left = e.unsigned_abs() as i32;
    while left > 0 {
        v *= table(left);
        left -= left.min(22);
    }
    if e < 0 {
        1.0 / v
    } else {
        v
    }
}

/// Parses digits with optional `,` separators and one `.` decimal part. Integers below 2^53
/// with up to 22 decimals come out correctly rounded (one exact division), like `str::parse`,
/// without linking the general float parser into the wasm. NaN for anything else.
pub fn decimal(s: &[u8]) -> f64 {
    let (mut mantissa, mut frac_digits, mut seen_dot, mut digits) = (0u64, 0i32, false, 0);
    for &b in s {
        match b {
            b'0'..=b'9' => {
                if digits >= 19 {
                    // beyond u64: keep the magnitude, drop the extra digits' precision
                    if !seen_dot {
                        frac_digits -= 1;
                    }
                    continue;
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                if seen_dot {
                    frac_digits += 1;
                }
            }
            b',' if !seen_dot => {}
            b'.' if !seen_dot => seen_dot = true,
            _ => return f64::NAN,
        }
    }
    if digits == 0 {
        return f64::NAN;
    }
    if frac_digits >= 0 {
        mantissa as f64 / pow10(frac_digits)
    } else {
        mantissa as f64 * pow10(-frac_digits)
    }
}

/// A lowercased word borrowed from [`Doc`]'s lowercase copy of the text.
#[derive(Clone, Copy)]
pub struct Lc<'a>(&'a str);

impl<'a> Lc<'a> {
    /// The lowercased word ("" for non-words).
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

/// The tokens of one text, with lookups that never index out of range.
pub struct Doc<'a> {
    /// The text the tokens point into.
    pub text: &'a str,
    /// The text with ASCII letters lowercased: same length and offsets, made once so that
    /// word comparisons need no per-token work. [`KEY_BYTES`] zero bytes follow the text, so
    /// that the key of any word can be read with fixed-size loads.
    lower: String,
    /// The tokens.
    pub toks: Vec<Tok>,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text`.
    pub fn new(text: &'a str) -> Doc<'a> {
        let mut lower = String::with_capacity(text.len() + KEY_BYTES);
        lower.push_str(text);
        lower.make_ascii_lowercase();
        lower.extend(std::iter::repeat_n('\0', KEY_BYTES));
        let toks = tokenize(text, lower.as_bytes());
        Doc { text, lower, toks }
    }

    /// The [`word_key`] of word token `i` lowercased; `None` for other tokens and for words
    /// longer than [`KEY_BYTES`].
    pub fn word_key(&self, i: usize) -> Option<u128> {
        self.key_any(i).filter(|_| self.word(i))
    }

    /// The [`word_key`] of token `i` of any kind, lowercased (ASCII letters); `None` past the
    /// end and for tokens longer than [`KEY_BYTES`].
    pub fn key_any(&self, i: usize) -> Option<u128> {
        let t = self.toks.get(i)?;
        let (start, len) = (t.start as usize, (t.end - t.start) as usize);
        if len > KEY_BYTES {
            return None;
        }
        let bytes = self.lower.as_bytes().get(start..start + KEY_BYTES)?;
        Some(word_key(bytes.try_into().ok()?, len))
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i` ("" past the end).
    pub fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    /// The bytes of token `i` (empty past the end).
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.toks.get(i).map_or(&[], |t| {
            &self.text.as_bytes()[t.start as usize..t.end as usize]
        })
    }

    /// The kind of token `i` (a space symbol past the end).
    pub fn kind(&self, i: usize) -> TokKind {
        self.toks.get(i).map_or(TokKind::Sym(' '), |t| t.kind)
    }

    /// Token `i` lowercased ("" for symbols, numbers and past the end).
    pub fn lc(&self, i: usize) -> Lc<'_> {
        match self.toks.get(i) {
            Some(t) if matches!(t.kind, TokKind::Word) => {
                Lc(&self.lower[t.start as usize..t.end as usize])
            }
            _ => Lc(""),
        }
    }

    /// Whether token `i` is a word equal to `w` ignoring ASCII case; `w` is lowercase.
    /// Against the lowercase copy's bytes: a length test and a byte comparison. Out of line:
    /// it is called from a hundred places, and inlined copies cost the wasm kilobytes.
    #[inline(never)]
    pub fn is(&self, i: usize, w: &str) -> bool {
        debug_assert!(!w.bytes().any(|b| b.is_ascii_uppercase()), "{w}");
        // bytes, not a `str` slice: no char-boundary tests (token spans are boundaries)
        match self.toks.get(i) {
            // the length first: it turns nearly every call away without reading bytes
            Some(t) if matches!(t.kind, TokKind::Word) && (t.end - t.start) as usize == w.len() => {
                // as keys, two integer comparisons rather than a call to `memcmp`
                match crate::wordkey::bytes_key(w.as_bytes()) {
                    Some(k) => self.key_any(i) == Some(k),
                    None => {
                        self.lower.as_bytes().get(t.start as usize..t.end as usize)
                            == Some(w.as_bytes())
                    }
                }
            }
            _ => false,
        }
    }

    /// Whether token `i` is the symbol `c`.
    pub fn sym(&self, i: usize, c: char) -> bool {
        matches!(self.kind(i), TokKind::Sym(d) if d == c)
    }

    /// Whether token `i` is a number.
    pub fn num(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokKind::Num))
    }

    /// Whether token `i` is a word.
    pub fn word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokKind::Word))
    }

    /// Whether token `i` follows its predecessor without a space (false past the end).
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    /// Whether a line break precedes token `i` (true past the end).
    pub fn brk(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.brk)
    }

    /// Whether token `i` starts with an uppercase letter.
    pub fn capitalized(&self, i: usize) -> bool {
        // an ASCII first letter is read as a byte; others are decoded
        match self.toks.get(i) {
            Some(t) if matches!(t.kind, TokKind::Word) => {
                match self.text.as_bytes().get(t.start as usize) {
                    Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => self.s(i).chars().next().is_some_and(char::is_uppercase),
                }
            }
            _ => false,
        }
    }

    /// Byte start of token `i` (text end past the end).
    pub fn start(&self, i: usize) -> usize {
        self.toks
            .get(i)
            .map_or(self.text.len(), |t| t.start as usize)
    }

    /// Byte end of token `i` (text end past the end).
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end as usize)
    }

    /// The numeric value of a number token ("11,000" → 11000, ".08" → 0.08).
    pub fn value(&self, i: usize) -> f64 {
        // bytes, not `s`: no char-boundary tests
        decimal(self.bytes(i))
    }
}

#[cfg(test)]
mod tests {
    /// The first, char-by-char version of [`scan_word`], kept as the oracle for the byte-level one.
    fn scan_word_by_chars(text: &str, i: usize) -> usize {
        let mut end = i;
        for (k, c) in text[i..].char_indices() {
            if c.is_ascii_digit() && k == 3 && GLUED_CODES.contains(&&text[i..i + 3]) {
                break;
            }
            if c.is_alphabetic() || c.is_ascii_digit() && k > 0 || c == '²' || c == '³' {
                end = i + k + c.len_utf8();
            } else {
                break;
            }
        }
        end
    }

    /// The first version of [`tokenize`], by tests on each byte and decoded characters, kept
    /// as the oracle for the table-driven one.
    fn tokenize_by_tests(text: &str) -> Vec<(u32, u32, TokKind, bool, bool)> {
        let bytes = text.as_bytes();
        let mut toks = Vec::new();
        let (mut space, mut brk) = (true, false);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                space = true;
                brk |= b == b'\n';
                i += 1;
                continue;
            }
            let start = i;
            let kind = if b.is_ascii_digit() || (b == b'.' && space && next_is_digit(bytes, i + 1))
            {
                i = scan_number(bytes, i);
                TokKind::Num
            } else if b.is_ascii_alphabetic() {
                i = scan_word_by_chars(text, i);
                TokKind::Word
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_alphabetic() {
                    i = scan_word_by_chars(text, i);
                    TokKind::Word
                } else if c.is_whitespace() {
                    space = true;
                    i += c.len_utf8();
                    continue;
                } else {
                    i += c.len_utf8();
                    TokKind::Sym(c)
                }
            };
            toks.push((start as u32, i as u32, kind, space, brk));
            space = false;
            brk = false;
        }
        toks
    }

    fn same_tokens(text: &str) -> bool {
        let toks: Vec<_> = Doc::new(text)
            .toks
            .iter()
            .map(|t| (t.start, t.end, t.kind, t.space, t.brk))
            .collect();
        toks == tokenize_by_tests(text)
    }

    #[test]
    fn every_ascii_byte_is_sorted_as_before() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            for text in [
                format!("a{c}b"),
                format!(" {c}1"),
                format!("{c}.5 {c}\n{c}"),
            ] {
                assert!(same_tokens(&text), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn tokenize_matches_the_first_version(text in "[a-zA-Z0-9é²³ .,東Σ\t\n\u{b}\u{85}\u{a0}$-]{0,40}|(USD|EUR)[0-9a-z]{0,4}|\\PC{0,40}|[a-z]{5,20}[0-9 ]{0,3}[a-zé]{0,12}") {
            proptest::prop_assert!(same_tokens(&text), "{:?}", text);
        }

        #[test]
        fn scan_word_matches_the_char_version(text in "[a-zA-Z0-9é²³ .,東Σ-]{0,12}|(USD|EUR|GBP)[0-9a-z]{0,4}|\\PC{0,12}") {
            for (i, _) in text.char_indices() {
                proptest::prop_assert_eq!(scan_word(&text, i), scan_word_by_chars(&text, i), "{:?} at {}", text, i);
            }
        }
    }

    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokKind)> {
        Doc::new(text)
            .toks
            .iter()
            .map(|t| (&text[t.start as usize..t.end as usize], t.kind))
            .collect()
    }

    #[test]
    fn numbers_words_symbols() {
        use TokKind::*;
        assert_eq!(
            kinds("about 11,000 km2, $1.5bn; 22,24 .08"),
            [
                ("about", Word),
                ("11,000", Num),
                ("km2", Word),
                (",", Sym(',')),
                ("$", Sym('$')),
                ("1.5", Num),
                ("bn", Word),
                (";", Sym(';')),
                ("22", Num),
                (",", Sym(',')),
                ("24", Num),
                (".08", Num),
            ]
        );
    }

    #[test]
    fn decimals_match_the_standard_parser() {
        for s in [
            "0",
            "7",
            "11,000",
            "1.5",
            ".08",
            "4.800",
            "0.1",
            "123456789.123",
            "79.62",
            "9007199254740991",
        ] {
            let std: f64 = s.replace(',', "").parse().unwrap();
            assert_eq!(decimal(s.as_bytes()), std, "{s}");
        }
        assert!(decimal(b"1.2.3").is_nan() && decimal(b"").is_nan());
        // beyond 19 digits the magnitude is kept and the last digits are dropped
        let big = decimal(b"123456789012345678901234");
        assert!((big / 1.2345678901234568e23 - 1.0).abs() < 1e-15);
        assert_eq!(pow10(-3), 0.001);
        assert_eq!(pow10(25), 1e25);
    }

    #[test]
    fn spaces_and_breaks() {
        let t = Doc::new("a\nb c-d").toks;
        assert!(t[1].brk && t[1].space);
        assert!(t[2].space && !t[2].brk);
        assert!(!t[3].space);
    }
}
