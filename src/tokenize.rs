//! Stage 3, tokenize: words → lowercase → stopword flag → Snowball stem → interned term id.
//!
//! Input: text and its sentence segments. Output: [`Tokens`] — for every word its byte span
//! and term id (for the content words only, from [`Tokenizer::tokenize_content`], what the
//! summarizer reads), the token range, word count and first word of every sentence — plus
//! the [`Vocabulary`] of terms, which also says which terms are stop words. Stop words come
//! from the `stop-words` crate's English (NLTK) list, embedded at build time; stems from
//! English Snowball ([`crate::stem`]). A word is a run of letters and digits (an inner apostrophe or hyphen
//! is kept when letters follow). A stop word's term is its lowercase form, kept apart from
//! the stems (its identity is all that is used). Cost: O(n). A word of ASCII letters and
//! digits of up to 16 bytes (nearly all) is found, and packed into an integer key as
//! written and in lowercase, with one or two 8-byte loads; each distinct word form is
//! lowercased and stemmed once — straight from the lowercase key's bytes, with no `String`
//! built — then found again through a cache keyed by that integer (most repeats keep their
//! case), with no string copied, hashed or compared. Other words take a char-level path.
//! Terms live in one byte arena, not a `String` each; a content word's stem is found by key
//! (see `src/intern.rs`), a stop word's term is not looked up at all (its form is cached);
//! ids are given in order of first occurrence, so no hash order reaches the output.

use crate::ascii::{letter_bits, HIGH_BITS, ONES};
use crate::intern::{Interner, KeyMap};
use crate::segment::Segment;
use crate::stem::Stemmer;
use crate::wordkey::{bytes_key, word_key_of, KeySet};

/// English stop words, sorted (from the `stop-words` crate, see `build.rs`).
const STOPWORDS: &[&str] = include!(concat!(env!("OUT_DIR"), "/stopwords_en.rs"));

/// [`STOPWORDS`] as a set of [`crate::wordkey::word_key`]s, built at compile time.
const STOP_SET: KeySet<{ STOPWORDS.len() }, 512> = KeySet::new(STOPWORDS);

/// Whether a lowercase word is a stop word.
pub fn is_stopword(lower: &str) -> bool {
    word_key_of(lower).is_some_and(is_stop_key)
}

/// Whether the [`crate::wordkey::word_key`] of a lowercase word is a stop word's.
fn is_stop_key(key: u128) -> bool {
    STOP_SET.contains(key)
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
    /// Every term's string, back to back (term `i` ends at `ends[i]`, starts where `i - 1`
    /// ends); bytes, so that an ASCII stem is stored without a UTF-8 check or a `char` at a
    /// time (only [`Vocabulary::stem`], called for a title's few terms, checks them).
    arena: Vec<u8>,
    ends: Vec<usize>,
    /// The term of each string.
    index: Forms,
    stop: Vec<bool>,
}

/// Marks a stop word's entry in the [`Vocabulary`].
const STOP_MARK: char = '\u{1}';

impl Vocabulary {
    /// The stem of a term id (for a stop term, its lowercase form).
    pub fn stem(&self, term: u32) -> &str {
        let i = term as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        // Every term was a `str` or ASCII bytes, so this never gives the empty default.
        let s = std::str::from_utf8(&self.arena[start..self.ends[i]]).unwrap_or_default();
        s.strip_prefix(STOP_MARK).unwrap_or(s)
    }

    /// Whether a term is a stop word's (or a token's without letters, such as a number).
    pub fn is_stop(&self, term: u32) -> bool {
        self.stop[term as usize]
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The id of a content word's stem, if it occurred.
    pub fn id(&self, stem: &str) -> Option<u32> {
        self.index.get(stem)
    }

    /// [`Vocabulary::id`] of a stem given by its [`crate::wordkey::word_key`].
    pub(crate) fn id_of_key(&self, key: u128) -> Option<u32> {
        self.index.short.get(key)
    }

    /// The term of a content word's stem: found through the index, or added.
    fn intern_stem(&mut self, stem: &[u8]) -> u32 {
        let term = self.ends.len() as u32;
        match bytes_key(stem) {
            Some(key) => match self.index.short.get_or_insert(key, term) {
                Some(found) => found,
                None => self.push_key(key, stem.len(), false),
            },
            None => {
                let key = String::from_utf8_lossy(stem);
                match self.index.get(&key) {
                    Some(found) => found,
                    None => {
                        self.index.insert(&key, term);
                        self.push(stem, false)
                    }
                }
            }
        }
    }

    /// Adds a term that is not in the vocabulary yet, without indexing it: a stop word's
    /// marked form (or a bare number's). Such a term comes from one lowercase form only,
    /// and the tokenizer's form cache finds that form again, so it is never looked for by
    /// string; and [`Vocabulary::id`] is asked for content stems only.
    fn push(&mut self, bytes: &[u8], stop: bool) -> u32 {
        self.arena.extend_from_slice(bytes);
        self.push_end(stop)
    }

    /// [`Vocabulary::push`] of the first `len` bytes of a key (as [`crate::wordkey::word_key`]
    /// packs them): all sixteen are copied and the rest cut off again, a fixed-size copy
    /// instead of a `memcpy` call of a variable length.
    fn push_key(&mut self, key: u128, len: usize, stop: bool) -> u32 {
        let start = self.arena.len();
        self.arena.extend_from_slice(&key.to_le_bytes());
        self.arena.truncate(start + len);
        self.push_end(stop)
    }

    /// Ends the term whose bytes were just added to the arena.
    fn push_end(&mut self, stop: bool) -> u32 {
        let term = self.ends.len() as u32;
        self.ends.push(self.arena.len());
        self.stop.push(stop);
        term
    }

    /// Makes room for `terms` more terms of `bytes` bytes in all.
    fn reserve(&mut self, terms: usize, bytes: usize) {
        self.arena.reserve(bytes);
        self.ends.reserve(terms);
        self.stop.reserve(terms);
        self.index.short = KeyMap::with_capacity(terms);
    }
}

/// All tokens of a text, grouped by sentence.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// Every word in text order; only the content words (no stop words or bare numbers)
    /// from [`Tokenizer::tokenize_content`].
    pub tokens: Vec<Token>,
    /// For sentence `i`, `tokens[sentence_ranges[i].0 .. sentence_ranges[i].1]`.
    pub sentence_ranges: Vec<(usize, usize)>,
    /// Words in each sentence, stop words included whether `tokens` has them or not.
    pub words: Vec<u32>,
    /// Where each sentence's first word starts (`usize::MAX` if it has none).
    pub first_word: Vec<usize>,
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

    /// Whether `token`, of sentence `i`, is that sentence's first word.
    pub fn is_first_word(&self, i: usize, token: &Token) -> bool {
        self.first_word[i] == token.start
    }

    /// Words in the whole text, stop words included.
    pub fn word_count(&self) -> usize {
        self.words.iter().map(|&n| n as usize).sum()
    }
}

/// A tokenizer: the stemmer and a cache from word form (as written, and lowercased) to
/// term. Reusing one keeps its buffers; the cache starts afresh with each text, because its
/// terms index that text's [`Vocabulary`].
#[derive(Default)]
pub struct Tokenizer {
    stemmer: Stemmer,
    forms: Forms,
    lower: String,
    stem: String,
}

/// The term of each word form seen so far: a form of up to 16 bytes by its key
/// ([`crate::wordkey::word_key`]), so a repeated word costs one integer-keyed lookup; a
/// longer one (rare) by its string.
#[derive(Clone, Debug, Default)]
struct Forms {
    short: KeyMap,
    long: Interner,
    /// The term of each form id of `long`.
    long_terms: Vec<u32>,
}

impl Forms {
    fn get(&self, form: &str) -> Option<u32> {
        match word_key_of(form) {
            Some(key) => self.short.get(key),
            None => self.long.get(form).map(|id| self.long_terms[id as usize]),
        }
    }

    /// Records a new form (one [`Forms::get`] did not find).
    fn insert(&mut self, form: &str, term: u32) {
        match word_key_of(form) {
            Some(key) => self.short.insert_new(key, term),
            None => {
                let id = self.long.intern(form);
                debug_assert_eq!(id as usize, self.long_terms.len());
                self.long_terms.push(term);
            }
        }
    }
}

impl Tokenizer {
    /// Tokenizes every segment of `text`.
    pub fn tokenize(&mut self, text: &str, segments: &[Segment]) -> Tokens {
        self.tokenize_with(text, segments, true)
    }

    /// [`Tokenizer::tokenize`], keeping only the content words in [`Tokens::tokens`]: what
    /// the summarizer reads. Stop words and bare numbers are about half of a text's words,
    /// and its token table is the largest the pipeline holds (10 MB of text: 25 MB in wasm);
    /// each sentence's word count and first word are still recorded.
    pub fn tokenize_content(&mut self, text: &str, segments: &[Segment]) -> Tokens {
        self.tokenize_with(text, segments, false)
    }

    fn tokenize_with(&mut self, text: &str, segments: &[Segment], keep_stop: bool) -> Tokens {
        let mut out = Tokens::default();
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
        self.forms = Forms {
            short: KeyMap::with_capacity(bytes / 12),
            ..Forms::default()
        };
        out.vocabulary.reserve(bytes / 18, bytes / 3);
        out.sentence_ranges.reserve_exact(segments.len());
        out.words.reserve_exact(segments.len());
        out.first_word.reserve_exact(segments.len());
        for seg in segments {
            let first = out.tokens.len();
            let mut words = 0;
            let mut first_word = usize::MAX;
            let sentence = &text[seg.start..seg.end];
            // The text from the sentence on: a word near the sentence's end is read with the
            // bytes after it too (and cut at the end).
            let from_sentence = &text.as_bytes()[seg.start..];
            let mut pos = 0;
            while let Some(start) = next_word_start(sentence, pos) {
                let (end, term, next) = match ascii_word(from_sentence, start, sentence.len()) {
                    Some(word) => {
                        let term = match self.forms.short.find(word.key) {
                            Ok(term) => term,
                            Err(slot) => {
                                let len = word.end - start;
                                self.new_ascii_form(len, &word, slot, &mut out.vocabulary)
                            }
                        };
                        // The byte after the word is ASCII and no letter or digit: the next
                        // word starts after it.
                        (word.end, term, word.end + 1)
                    }
                    None => {
                        let end = word_end(sentence, start);
                        (
                            end,
                            self.term(&sentence[start..end], &mut out.vocabulary),
                            end,
                        )
                    }
                };
                if words == 0 {
                    first_word = seg.start + start;
                }
                words += 1;
                if keep_stop || !out.vocabulary.is_stop(term) {
                    out.tokens.push(Token {
                        start: seg.start + start,
                        end: seg.start + end,
                        term,
                    });
                }
                pos = next;
            }
            out.sentence_ranges.push((first, out.tokens.len()));
            out.words.push(words);
            out.first_word.push(first_word);
        }
        // Content words only: the room reserved for every word is given back (in place: a
        // block that shrinks is split, not copied), for the tables made next.
        if !keep_stop {
            out.tokens.shrink_to_fit();
        }
        out
    }

    /// The term of a word of `len` bytes found by [`ascii_word`], whose form is not cached
    /// yet: the form cache missed it at `slot` ([`KeyMap::find`]).
    fn new_ascii_form(
        &mut self,
        len: usize,
        word: &AsciiWord,
        slot: usize,
        vocabulary: &mut Vocabulary,
    ) -> u32 {
        // Only here is the lowercase key needed: a letter's bit 5 set in each half.
        let (lo, hi) = (word.key as u64, (word.key >> 64) as u64);
        let (letters_lo, letters_hi) = (letter_bits(lo), letter_bits(hi));
        let lower = u128::from(hi | letters_hi >> 2) << 64 | u128::from(lo | letters_lo >> 2);
        // Letters and digits only: without letters, a bare number.
        let number = letters_lo | letters_hi == 0;
        let forms = &mut self.forms.short;
        if word.key == lower {
            // A new lowercase form goes where the cache missed it (nothing came in since).
            let term = self.new_ascii_term(len, lower, number, vocabulary);
            self.forms.short.insert_vacant(slot, lower, term);
            return term;
        }
        // "The" after "the": the lowercase form is cached too, so no second stemming.
        match forms.find(lower) {
            Ok(term) => {
                forms.insert_vacant(slot, word.key, term);
                term
            }
            Err(lower_slot) => {
                let term = self.new_ascii_term(len, lower, number, vocabulary);
                self.forms.short.insert_vacant(lower_slot, lower, term);
                self.forms.short.insert_new(word.key, term);
                term
            }
        }
    }

    /// The term of a lowercase ASCII form of `len` bytes, given by its key, which is not
    /// cached yet (a bare `number` if it has no letters).
    fn new_ascii_term(
        &mut self,
        len: usize,
        lower: u128,
        number: bool,
        vocabulary: &mut Vocabulary,
    ) -> u32 {
        if number || is_stop_key(lower) {
            // The marked form: the mark (one byte), then the word, shifted in the key.
            if len < 16 {
                vocabulary.push_key(lower << 8 | STOP_MARK as u128, len + 1, true)
            } else {
                let mut marked = [STOP_MARK as u8; 17];
                marked[1..].copy_from_slice(&lower.to_le_bytes());
                vocabulary.push(&marked, true)
            }
        } else {
            vocabulary.intern_stem(self.stemmer.stem_ascii(lower, len))
        }
    }

    /// The term of any word (the general path: non-ASCII, joined or long words).
    fn term(&mut self, word: &str, vocabulary: &mut Vocabulary) -> u32 {
        if let Some(term) = self.forms.get(word) {
            return term;
        }
        lowercase_into(&mut self.lower, word);
        // A word already in lowercase is a new form as it stands: no second lookup.
        let lowercase = word == self.lower;
        let cached = if lowercase {
            None
        } else {
            self.forms.get(&self.lower)
        };
        let term = match cached {
            Some(term) => term,
            None => {
                let term = self.new_term(vocabulary);
                self.forms.insert(&self.lower, term);
                term
            }
        };
        if !lowercase {
            self.forms.insert(word, term);
        }
        term
    }

    /// The term of the lowercase form in `self.lower`, which is not cached yet. (The ASCII
    /// path in [`Tokenizer::new_ascii_form`] does the same from the word's key.)
    fn new_term(&mut self, vocabulary: &mut Vocabulary) -> u32 {
        let stop = is_stopword(&self.lower) || !self.lower.chars().any(char::is_alphabetic);
        // A stop word's term is only ever compared for identity (stop tokens are left
        // out of vectors, phrases and overlaps), so it is not worth stemming.
        if stop {
            self.stem.clear();
            self.stem.push(STOP_MARK);
            self.stem.push_str(&self.lower);
            vocabulary.push(self.stem.as_bytes(), true)
        } else {
            self.stemmer.stem_into(&self.lower, &mut self.stem);
            vocabulary.intern_stem(self.stem.as_bytes())
        }
    }
}

/// A word of ASCII letters and digits found by [`ascii_word`].
struct AsciiWord {
    /// Byte end (exclusive).
    end: usize,
    /// Its [`crate::wordkey::word_key`] as written.
    key: u128,
}

/// The word starting at `start` (a letter or digit) when it is ASCII letters and digits
/// only, at most 16 bytes long, and ends at `end` (the sentence's) or before an ASCII byte
/// that cannot join it to more (not an apostrophe or hyphen): the common case, read eight
/// bytes at a time (those after `end` too, as far as `bytes` goes), its key taken from the
/// same loads (the lowercase key is made from it only for a new form). `None` leaves the
/// word to [`word_end`] (also within 16 bytes of the end of `bytes`).
#[inline]
fn ascii_word(bytes: &[u8], start: usize, end: usize) -> Option<AsciiWord> {
    let rest = bytes.get(start..)?;
    let room = end - start;
    let first = u64::from_le_bytes(*rest.first_chunk::<8>()?);
    let stops = stops(first);
    let (len, key) = if stops != 0 {
        let len = stops.trailing_zeros() as usize / 8;
        if len >= room {
            // The sentence ends first (the byte that stops the run is after it).
            return Some(AsciiWord {
                end,
                key: u128::from(first & low_bytes(room)),
            });
        }
        (len, u128::from(first & low_bytes(len)))
    } else {
        if room <= 8 {
            return Some(AsciiWord {
                end,
                key: u128::from(first & low_bytes(room)),
            });
        }
        let second = u64::from_le_bytes(*rest.get(8..)?.first_chunk::<8>()?);
        let stops2 = self::stops(second);
        let len2 = (stops2.trailing_zeros() as usize / 8).min(room - 8);
        if len2 == 8 {
            return None;
        }
        let key = u128::from(second & low_bytes(len2)) << 64 | u128::from(first);
        if 8 + len2 == room {
            return Some(AsciiWord { end, key });
        }
        (8 + len2, key)
    };
    match rest[len] {
        b'\'' | b'-' | 0x80.. => None,
        _ => Some(AsciiWord {
            end: start + len,
            key,
        }),
    }
}

/// The top bits of the bytes of eight that are neither ASCII letters nor digits.
#[inline]
fn stops(word: u64) -> u64 {
    let letters = letter_bits(word);
    let low = word & !HIGH_BITS;
    let digits = (low + ONES * (0x80 - u64::from(b'0')))
        & !(low + ONES * (0x80 - u64::from(b'9') - 1))
        & !word
        & HIGH_BITS;
    !(letters | digits) & HIGH_BITS
}

/// The mask of the first `n` (at most 8) bytes of a little-endian `u64`.
#[inline]
fn low_bytes(n: usize) -> u64 {
    u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0)
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
            // Letters first: most words start with one.
            if b.is_ascii_alphabetic() || b.is_ascii_digit() {
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

    /// Content-only tokens are every word's tokens less the stop words and bare numbers,
    /// with the same terms, word counts and first words; for an article and for a text past
    /// [`EXACT_SIZE_FROM`], whose room is counted first.
    #[test]
    fn content_tokens_are_the_words_less_stop_words() {
        let article = "The 3 banks said rates rose. In March, 40 of them cut jobs! \
                       Why? Because the Fed's plan, it said, was late-stage and ill-timed.";
        let long = "Über 12 Mitarbeiter of the firm met the mayor in Zürich on Monday. "
            .repeat(EXACT_SIZE_FROM / 60);
        for text in [article, long.as_str()] {
            let segments = segment(text);
            let all = Tokenizer::default().tokenize(text, &segments);
            let content = Tokenizer::default().tokenize_content(text, &segments);
            let kept: Vec<Token> = all
                .tokens
                .iter()
                .copied()
                .filter(|t| !all.is_stop(t))
                .collect();
            assert!(kept.len() < all.tokens.len(), "some words are stop words");
            assert_eq!(content.tokens, kept);
            assert_eq!(content.tokens.capacity(), kept.len());
            assert_eq!(content.words, all.words);
            assert_eq!(content.first_word, all.first_word);
            assert_eq!(content.word_count(), all.tokens.len());
            for (i, &(a, b)) in all.sentence_ranges.iter().enumerate() {
                assert_eq!(all.words[i] as usize, b - a);
                assert_eq!(all.first_word[i], all.tokens[a].start);
                let first = content.of_sentence(i).first();
                assert_eq!(
                    first.is_some_and(|t| content.is_first_word(i, t)),
                    !all.is_stop(&all.tokens[a])
                );
            }
        }
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

    /// Tokenizes `text` cut into sentences at `cuts` (char boundaries) the plain way: the
    /// words of each sentence ([`words`]) and each word's term as a string, a stop word's
    /// (or bare number's) lowercase form or a stem. Checks that the tokenizer gives the
    /// same spans and terms, and one id per distinct term.
    fn check_against_plain_tokenizing(text: &str, cuts: &[usize]) {
        let mut bounds: Vec<usize> = cuts
            .iter()
            .map(|&c| c % (text.len() + 1))
            .filter(|&c| text.is_char_boundary(c))
            .chain([0, text.len()])
            .collect();
        bounds.sort_unstable();
        bounds.dedup();
        let segments: Vec<Segment> = bounds
            .windows(2)
            .map(|w| Segment {
                start: w[0],
                end: w[1],
                paragraph: 0,
                kind: crate::segment::SegmentKind::Sentence,
            })
            .collect();
        let tokens = Tokenizer::default().tokenize(text, &segments);
        let mut stemmer = Stemmer::default();
        let mut expected = Vec::new();
        for seg in &segments {
            for (a, b) in words(&text[seg.start..seg.end]) {
                let mut lower = String::new();
                lowercase_into(&mut lower, &text[seg.start + a..seg.start + b]);
                let stop = is_stopword(&lower) || !lower.chars().any(char::is_alphabetic);
                let mut term = String::new();
                if stop {
                    term = lower;
                } else {
                    stemmer.stem_into(&lower, &mut term);
                }
                expected.push((seg.start + a, seg.start + b, stop, term));
            }
        }
        let got: Vec<(usize, usize, bool, String)> = tokens
            .tokens
            .iter()
            .map(|t| {
                let v = &tokens.vocabulary;
                (
                    t.start,
                    t.end,
                    v.is_stop(t.term),
                    v.stem(t.term).to_string(),
                )
            })
            .collect();
        assert_eq!(got, expected, "{text:?} {bounds:?}");
        for (t, (_, _, stop, term)) in tokens.tokens.iter().zip(&expected) {
            for (u, (_, _, stop2, term2)) in tokens.tokens.iter().zip(&expected) {
                assert_eq!(t.term == u.term, (stop, term) == (stop2, term2), "{text:?}");
            }
        }
    }

    #[test]
    fn tokenizes_like_the_plain_way_at_sentence_ends_and_long_words() {
        let text = "Rates rose 12 ABCDEFGHIJKLMNOP abcdefghijklmnopq Quick-fix it's the \
                    THE The end1 x 2024 generously Communities YELLING caf\u{e9}s";
        for cut in 0..=text.len() {
            check_against_plain_tokenizing(text, &[cut]);
            check_against_plain_tokenizing(text, &[cut, cut + 7, cut + 19]);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn words_split_like_the_reference(text in "[a-zA-Z0-9 '\\-\u{2019}sSé東Σ.,]{0,40}|\\PC{0,30}") {
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), reference_words(&text));
        }

        #[test]
        fn tokenizes_like_the_plain_way(
            text in "([a-zA-Z0-9]{1,18}|[aAtT][hH][eE]|[ .,'\\-é]){0,30}",
            cuts in proptest::collection::vec(0usize..600, 0..4),
        ) {
            check_against_plain_tokenizing(&text, &cuts);
        }
    }
}
