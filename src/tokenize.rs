//! Stage 3, tokenize: words → lowercase → stopword flag → Snowball stem → interned term id.
//!
//! Input: text and its sentence segments. Output: [`Tokens`] — for every word its byte span
//! and term id, the token range of every sentence — plus the [`Vocabulary`] of terms, which
//! also says which terms are stop words. Stop words come from the `stop-words` crate's
//! English (NLTK) list, embedded at build time; stems from English Snowball
//! ([`crate::stem`]). A word is a run of letters and digits (an inner apostrophe or hyphen
//! is kept when letters follow). A stop word's term is its lowercase form, kept apart from
//! the stems (its identity is all that is used). Cost: O(n) with a byte-level fast path for
//! ASCII; each distinct word form is lowercased and stemmed once, then found again through a
//! cache keyed by the word as written (most repeats keep their case). Forms and terms are
//! interned in arenas (see `src/intern.rs`), not a `String` each; ids are given in order of
//! first occurrence, so no hash order reaches the output.

use crate::intern::{self, Interner};
use crate::segment::Segment;
use crate::stem::Stemmer;
use crate::wordkey::key;

/// English stop words, sorted (from the `stop-words` crate, see `build.rs`).
const STOPWORDS: &[&str] = include!(concat!(env!("OUT_DIR"), "/stopwords_en.rs"));

/// [`STOPWORDS`] as [`crate::wordkey`] keys, computed at compile time (sorted like the
/// words), so a lookup compares integers instead of calling `memcmp`.
const STOPWORD_KEYS: [u128; STOPWORDS.len()] = crate::wordkey::keys(STOPWORDS, false);

/// The shapes of [`STOPWORDS`] ([`crate::wordkey::shapes`]): a content word is usually
/// turned away with one test.
const STOPWORD_SHAPES: [u32; 26] = crate::wordkey::shapes(STOPWORDS);

/// Whether a lowercase word is a stop word.
pub fn is_stopword(lower: &str) -> bool {
    crate::wordkey::may_list(&STOPWORD_SHAPES, lower.as_bytes())
        && key(lower.as_bytes()).is_some_and(|k| STOPWORD_KEYS.binary_search(&k).is_ok())
}

/// Texts longer than this (bytes) get their token table sized exactly (see `tokenize`).
const EXACT_SIZE_FROM: usize = 1 << 20;

/// One word of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// Interned stem id (see [`Vocabulary`]); whether the word is a stop word is a property
    /// of its term ([`Tokens::is_stop`]), which keeps a token at 12 bytes in wasm.
    pub term: u32,
}

/// Interned stems; a term id indexes [`Vocabulary::stem`]. Stop words (and tokens without
/// letters) have terms of their own, their lowercase form marked with a leading U+0001 so
/// that one never merges with a content word's stem ("be" the stop word, "be" the stem of
/// "beings").
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    stems: Interner,
    stop: Vec<bool>,
}

/// Marks a stop word's entry in the [`Vocabulary`].
const STOP_MARK: char = '\u{1}';

impl Vocabulary {
    /// The stem of a term id (for a stop term, its lowercase form).
    pub fn stem(&self, term: u32) -> &str {
        let s = self.stems.resolve(term);
        s.strip_prefix(STOP_MARK).unwrap_or(s)
    }

    /// Whether a term is a stop word's (or a token's without letters, such as a number).
    pub fn is_stop(&self, term: u32) -> bool {
        self.stop[term as usize]
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.stems.len() == 0
    }

    /// The id of a content word's stem, if it occurred.
    pub fn id(&self, stem: &str) -> Option<u32> {
        self.stems.get(stem)
    }

    /// The term of `key`: a stem, or a stop word with [`STOP_MARK`] in front.
    fn intern(&mut self, key: &str, stop: bool) -> u32 {
        let term = self.stems.intern(key);
        if term as usize == self.stop.len() {
            self.stop.push(stop);
        }
        term
    }
}

/// All tokens of a text, grouped by sentence.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// Every word in text order.
    pub tokens: Vec<Token>,
    /// For sentence `i`, `tokens[sentence_ranges[i].0 .. sentence_ranges[i].1]`.
    pub sentence_ranges: Vec<(usize, usize)>,
    /// The stems.
    pub vocabulary: Vocabulary,
}

impl Tokens {
    /// Whether `token` is a stop word, or has no letters (a bare number).
    pub fn is_stop(&self, token: &Token) -> bool {
        self.vocabulary.is_stop(token.term)
    }

    /// The tokens of sentence `i`.
    pub fn of_sentence(&self, i: usize) -> &[Token] {
        let (a, b) = self.sentence_ranges[i];
        &self.tokens[a..b]
    }
}

/// A tokenizer: the stemmer and a cache from word form (as written, and lowercased) to
/// term. Reusing one keeps its buffers; the cache starts afresh with each text, because its
/// terms index that text's [`Vocabulary`].
#[derive(Default)]
pub struct Tokenizer {
    stemmer: Stemmer,
    forms: Interner,
    /// The term of each form id.
    form_terms: Vec<u32>,
    lower: String,
    stem: String,
}

impl Tokenizer {
    /// Tokenizes every segment of `text`.
    pub fn tokenize(&mut self, text: &str, segments: &[Segment]) -> Tokens {
        let mut out = Tokens::default();
        self.forms = Interner::default();
        self.form_terms.clear();
        // A long text's tokens are sized exactly by a counting pass (a tenth of the cost of
        // tokenizing): growing by doubling would leave up to half of one of the pipeline's
        // largest tables unused, and hold old and new copies at once while it grows.
        // A shorter one gets an estimate (news English averages about six bytes a word), so
        // it does not grow one doubling at a time either.
        if text.len() > EXACT_SIZE_FROM {
            let count: usize = segments
                .iter()
                .map(|seg| words(&text[seg.start..seg.end]).count())
                .sum();
            out.tokens.reserve_exact(count);
        } else {
            out.tokens.reserve(text.len() / 5);
        }
        // Distinct forms and stems: up to about one in two words (an article's share), sized
        // for at most 1 MB of text; a longer one's tables grow from there.
        let bytes = text.len().min(1 << 20);
        self.forms.reserve(bytes / 12, bytes / 2);
        out.vocabulary.stems.reserve(bytes / 18, bytes / 3);
        out.sentence_ranges.reserve_exact(segments.len());
        for seg in segments {
            let first = out.tokens.len();
            for (s, e) in words(&text[seg.start..seg.end]) {
                let (start, end) = (seg.start + s, seg.start + e);
                let term = self.term(&text[start..end], &mut out.vocabulary);
                out.tokens.push(Token { start, end, term });
            }
            out.sentence_ranges.push((first, out.tokens.len()));
        }
        out
    }

    fn term(&mut self, word: &str, vocabulary: &mut Vocabulary) -> u32 {
        let word_hash = intern::hash(word);
        if let Some(form) = self.forms.get_hashed(word, word_hash) {
            return self.form_terms[form as usize];
        }
        lowercase_into(&mut self.lower, word);
        // A word already in lowercase is a new form as it stands: no second lookup.
        let lowercase = word == self.lower;
        let lower_hash = if lowercase {
            word_hash
        } else {
            intern::hash(&self.lower)
        };
        // "The" after "the": the lowercase form is cached too, so no second stemming.
        let cached = if lowercase {
            None
        } else {
            self.forms.get_hashed(&self.lower, lower_hash)
        };
        let hit = match cached {
            Some(form) => self.form_terms[form as usize],
            None => {
                let stop = is_stopword(&self.lower) || !self.lower.chars().any(char::is_alphabetic);
                // A stop word's term is only ever compared for identity (stop tokens are left
                // out of vectors, phrases and overlaps), so it is not worth stemming.
                if stop {
                    self.stem.clear();
                    self.stem.push(STOP_MARK);
                    self.stem.push_str(&self.lower);
                } else {
                    self.stemmer.stem_into(&self.lower, &mut self.stem);
                }
                let term = vocabulary.intern(&self.stem, stop);
                self.add_form(None, lower_hash, term);
                term
            }
        };
        if !lowercase {
            self.add_form(Some(word), word_hash, hit);
        }
        hit
    }

    /// Caches a new form: `word`, or the lowercase form in `self.lower` when `None`, whose
    /// hash is `hash`.
    fn add_form(&mut self, word: Option<&str>, hash: u32, hit: u32) {
        let id = self.forms.intern_hashed(word.unwrap_or(&self.lower), hash);
        debug_assert_eq!(id as usize, self.form_terms.len());
        self.form_terms.push(hit);
    }
}

/// Replaces the contents of `out` with `word` in lowercase (ASCII words without decoding).
pub(crate) fn lowercase_into(out: &mut String, word: &str) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Byte spans of the words in `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = next_word_start(text, pos)?;
        let end = word_end(text, start);
        pos = end;
        Some((start, end))
    })
}

/// The character starting at byte `i` (a char boundary) and its length; `None` at the end.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match *text.as_bytes().get(i)? {
        b if b < 0x80 => Some((b as char, 1)),
        _ => text[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// The first letter or digit at or after byte `from`.
fn next_word_start(text: &str, mut from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while from < bytes.len() {
        let b = bytes[from];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                return Some(from);
            }
            from += 1;
        } else {
            let (c, len) = char_at(text, from)?;
            if c.is_alphanumeric() {
                return Some(from);
            }
            from += len;
        }
    }
    None
}

/// The end of the word starting at `start`: letters and digits, and an inner apostrophe or
/// hyphen when a letter follows it.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        // ASCII letters and digits byte by byte (most of a word); anything else decoded.
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        match char_at(text, i) {
            Some((c, len))
                if c.is_alphanumeric() || (is_joiner(c) && joins_word(text, i + len, c == '-')) =>
            {
                i += len
            }
            _ => return i,
        }
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '-' | '\u{2019}')
}

/// Whether the text after a joiner continues the word: a letter follows, and for an
/// apostrophe the rest is not a lone possessive "s" — "don't" and "well-known" stay whole,
/// "Lee's" becomes "Lee" and a stop token "s".
fn joins_word(text: &str, after: usize, hyphen: bool) -> bool {
    match char_at(text, after) {
        Some((c, len)) if c.is_alphabetic() => {
            hyphen
                || !c.eq_ignore_ascii_case(&'s')
                || char_at(text, after + len).is_some_and(|(next, _)| next.is_alphanumeric())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn stems_and_stops() {
        let text = "The runners were running. Runner's well-known race!";
        let tokens = Tokenizer::default().tokenize(text, &segment(text));
        let stems: Vec<&str> = tokens
            .tokens
            .iter()
            .map(|t| tokens.vocabulary.stem(t.term))
            .collect();
        assert_eq!(
            stems,
            [
                "the",
                "runner",
                "were",
                "run",
                "runner",
                "s",
                "well-known",
                "race"
            ]
        );
        assert!(tokens.is_stop(&tokens.tokens[0]) && !tokens.is_stop(&tokens.tokens[1]));
        assert_eq!(tokens.sentence_ranges, [(0, 4), (4, 8)]);
        assert!(
            tokens.is_stop(&tokens.tokens[5]),
            "the 's of a possessive is a stop token"
        );
        assert_eq!(
            &text[tokens.tokens[4].start..tokens.tokens[4].end],
            "Runner"
        );
    }

    #[test]
    fn a_reused_tokenizer_gives_what_a_fresh_one_gives() {
        let (a, b) = (
            "Rates rose. The bank said so.",
            "The river rose; banks burst.",
        );
        let mut reused = Tokenizer::default();
        reused.tokenize(a, &segment(a));
        let again = reused.tokenize(b, &segment(b));
        let fresh = Tokenizer::default().tokenize(b, &segment(b));
        assert_eq!(again.tokens, fresh.tokens);
        let stems = |t: &Tokens| {
            t.tokens
                .iter()
                .map(|x| t.vocabulary.stem(x.term).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(stems(&again), stems(&fresh));
    }

    #[test]
    fn stopword_list_is_english() {
        assert!(is_stopword("the") && is_stopword("and") && !is_stopword("war"));
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.iter().all(|w| is_stopword(w)));
        assert!(!is_stopword("") && !is_stopword("a-word-longer-than-sixteen-bytes"));
    }

    /// The first, char-by-char version of [`words`], kept as the oracle for the byte-level one.
    fn reference_words(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, _)) = chars.by_ref().find(|&(_, c)| c.is_alphanumeric()) {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if c.is_alphanumeric() {
                    end = i + c.len_utf8();
                    chars.next();
                } else if (c == '\'' || c == '-' || c == '\u{2019}')
                    && text[i + c.len_utf8()..].starts_with(char::is_alphabetic)
                {
                    let tail: String = text[i + c.len_utf8()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric())
                        .collect();
                    if c != '-' && tail.eq_ignore_ascii_case("s") {
                        break;
                    }
                    chars.next();
                } else {
                    break;
                }
            }
            let first_len = text[start..].chars().next().map_or(1, char::len_utf8);
            out.push((start, end.max(start + first_len)));
        }
        out
    }

    #[test]
    fn words_split_like_the_reference_on_tricky_text() {
        for text in [
            "Lee's well-known don't O\u{2019}Brien's rock-'n'-roll 3-2 x-  -y 's' S's",
            "Ça coûte 5€ — naïve café's ΣΊΣΥΦΟΣ's 東京's test'S 'tis 1990s' ",
            "",
            "'-'-'",
        ] {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                reference_words(text),
                "{text:?}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn words_split_like_the_reference(text in "[a-zA-Z0-9 '\\-\u{2019}sSé東Σ.,]{0,40}|\\PC{0,30}") {
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), reference_words(&text));
        }
    }
}
