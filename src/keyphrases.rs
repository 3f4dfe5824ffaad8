//! Stage 7, keyphrases: the article's top phrases.
//!
//! Input: the text and its [`Tokens`]. Output: up to `k` [`Keyphrase`]s, best first, each
//! with a weight (the top phrase has 1), its count, and the span of its first occurrence.
//!
//! Candidates are maximal runs of adjacent content words inside a sentence (no stop word,
//! bare number or punctuation between them), at most [`MAX_WORDS`] long, merged by stem
//! sequence ("interest rates" and "interest rate" are one phrase); every contiguous part of
//! a run is a candidate as well. Each word is weighted by
//! how often its stem occurs in the whole text (`ln(1 + tf)`), more when it is written as
//! a name (capitalised inside sentences) and when it first occurs early (news puts the
//! topic first). A phrase scores the mean weight of its words, times a bonus for each
//! extra word (multi-word phrases are more specific), times `1 + ln(count)`. A phrase whose
//! stems are all inside a better phrase ("Wonder" under "Wonder Woman"), or that contains a
//! better phrase, is dropped.
//! Ties go to the phrase that occurs first (then the shorter, which settles it), so the output
//! is deterministic. Cost: O(tokens · MAX_WORDS²) expected to count the candidates (a
//! one-word one by its term, a longer one in a hash table keyed by its stems packed in an
//! integer, `crate::intern::KeyMap`; no allocation per candidate), O(c) to score the c
//! candidates and keep those that score at least the few best, O(f log f) to rank those f,
//! O(k²) to pick the top k (all c are ranked only if those few run out).

use crate::ascii::letter_bits;
use crate::intern::KeyMap;
use crate::score::tfidf::SmallIntMemo;
use crate::tokenize::{Token, Tokens};
use crate::wordkey::{bytes_key, KeySet};
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A top phrase of the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyphrase {
    /// The phrase as first written.
    pub text: String,
    /// Byte offset of its first occurrence.
    pub start: usize,
    /// Byte end of its first occurrence.
    pub end: usize,
    /// Relative weight; the top phrase has 1.
    pub weight: f64,
    /// How often the phrase occurs.
    pub count: usize,
}

/// Longest phrase, in words.
pub const MAX_WORDS: usize = 4;
/// Score bonus per word beyond the first.
const EXTRA_WORD_BONUS: f64 = 0.4;
/// Weight multiplier for a word mostly written capitalised inside sentences (a name).
const NAME_BONUS: f64 = 0.5;
/// Weight multiplier for a word first seen in the first fifth of the text.
const EARLY_BONUS: f64 = 0.3;

/// A candidate's stems, padded with `u32::MAX` after `len` (a phrase has at most
/// [`MAX_WORDS`] words, so no allocation is needed per candidate).
#[derive(Clone, Copy)]
struct Stems {
    len: u8,
    terms: [u32; MAX_WORDS],
}

impl Stems {
    const EMPTY: Stems = Stems {
        len: 0,
        terms: [u32::MAX; MAX_WORDS],
    };

    /// Appends a stem (a part grows one word at a time, so it is not copied again).
    fn push(&mut self, term: u32) {
        self.terms[self.len as usize] = term;
        self.len += 1;
    }

    /// The stems as one integer, for [`KeyMap`].
    fn key(&self) -> u128 {
        let [a, b, c, d] = self.terms.map(u128::from);
        a | b << 32 | c << 64 | d << 96
    }

    fn as_slice(&self) -> &[u32] {
        &self.terms[..self.len as usize]
    }
}

/// A distinct part of the runs: its stems, how often it occurs, and the span of its first
/// occurrence.
struct Found {
    stems: Stems,
    count: usize,
    start: usize,
    end: usize,
}

/// A [`Found`] part as ranked: its rank as one integer (so that the ranking heap compares
/// integers), and its index in the list of parts.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    rank: u128,
    index: usize,
}

impl Candidate {
    /// Better is greater: a higher score, then an earlier first occurrence, then the shorter.
    /// A total order: two parts that first occur at the same word with the same length are
    /// the same words, hence one part (that is what ordering by stems came to). The score
    /// is ≥ 0, so its bits order like the number; a start below 2⁵⁶ keeps its order in the
    /// 56 bits it gets.
    fn new(score: f64, start: usize, len: u8, index: usize) -> Candidate {
        debug_assert!(score >= 0.0 && (start as u64) < 1 << 56);
        let later = !(start as u64) << 8;
        Candidate {
            rank: u128::from(score.to_bits()) << 64 | u128::from(later | u64::from(!len)),
            index,
        }
    }

    fn score(&self) -> f64 {
        f64::from_bits((self.rank >> 64) as u64)
    }
}

/// Words that are content words to a stop list but never a topic: reporting verbs, number
/// words, vague nouns and time units (lowercase, sorted for binary search).
const NOT_TOPICS: &[&str] = &[
    "also",
    "another",
    "around",
    "back",
    "could",
    "day",
    "days",
    "eight",
    "even",
    "first",
    "five",
    "four",
    "get",
    "go",
    "going",
    "got",
    "including",
    "just",
    "last",
    "like",
    "made",
    "make",
    "many",
    "may",
    "might",
    "much",
    "must",
    "need",
    "new",
    "next",
    "nine",
    "often",
    "one",
    "per",
    "said",
    "say",
    "says",
    "second",
    "seven",
    "six",
    "take",
    "ten",
    "thing",
    "things",
    "three",
    "time",
    "times",
    "told",
    "two",
    "us",
    "use",
    "used",
    "way",
    "week",
    "weeks",
    "well",
    "would",
    "year",
    "years",
];

/// The top `k` keyphrases of `text`, skipping the sentences where `skip` is true
/// (boilerplate).
pub fn keyphrases(text: &str, tokens: &Tokens, skip: &[bool], k: usize) -> Vec<Keyphrase> {
    if k == 0 || tokens.tokens.is_empty() {
        return Vec::new();
    }
    let weights = word_weights(text, tokens, skip);
    let found = parts(text, tokens, skip, &weights);
    let kept = best_apart(&found, &weights, k);
    let top = kept
        .first()
        .map_or(1.0, |c| c.score())
        .max(f64::MIN_POSITIVE);
    kept.into_iter()
        .map(|c| {
            let f = &found[c.index];
            Keyphrase {
                text: text[f.start..f.end].to_string(),
                start: f.start,
                end: f.end,
                weight: c.score() / top,
                count: f.count,
            }
        })
        .collect()
}

/// Every distinct part of the runs of topic words (see the module docs), in the order first
/// found, with its count.
fn parts(text: &str, tokens: &Tokens, skip: &[bool], weights: &[f64]) -> Vec<Found> {
    // Sized for an article up front (growing the table and list was a fifth of this
    // stage's time); a long document grows them from there. The table holds only the
    // parts of two words or more: fewer than half as many as tokens in each of the 1,918
    // test texts, a fifth on average, which it is sized for (its slots are zeroed: room
    // for the most would cost more than growing once for the few).
    let expected = tokens.tokens.len().min(1 << 12);
    let mut parts = Parts {
        found: Vec::with_capacity(expected),
        single: vec![u32::MAX; weights.len()],
        index: KeyMap::with_capacity(expected / 5),
    };
    for i in 0..tokens.sentence_ranges.len() {
        if skip.get(i) == Some(&true) {
            continue;
        }
        // Maximal runs of adjacent topic words (weight > 0), split at [`MAX_WORDS`]: stop
        // terms weigh 0 (see `word_weights`), as do words that are never topics. A weight
        // is never negative, nor -0: zero bits are a zero weight (an integer test, not a
        // floating-point comparison).
        let topic = |t: &Token| weights[t.term as usize].to_bits() != 0;
        let mut rest = tokens.of_sentence(i);
        // Each turn skips the words before a run (most are stop words, passed over in a
        // loop of their own), then takes the run.
        while let Some(from) = rest.iter().position(topic) {
            let run = &rest[from..];
            let len = 1 + run
                .windows(2)
                .take(MAX_WORDS - 1)
                .take_while(|w| topic(&w[1]) && adjacent(text, w[0].end, w[1].start))
                .count();
            parts.count(&run[..len]);
            rest = &run[len..];
        }
    }
    parts.found
}

/// The parts counted so far (see [`parts`]).
struct Parts {
    /// Every distinct part, in the order first found.
    found: Vec<Found>,
    /// The index in `found` of each term as a one-word part (most parts: found without
    /// hashing), or `u32::MAX`.
    single: Vec<u32>,
    /// The index in `found` of each part of two words or more, by [`Stems::key`].
    index: KeyMap,
}

impl Parts {
    /// Counts every contiguous part of a run (so a name inside a longer run, "Harbour
    /// Bridge" in "Harbour Bridge repairs", is counted every time).
    fn count(&mut self, run: &[Token]) {
        for (a, first) in run.iter().enumerate() {
            let mut stems = Stems::EMPTY;
            stems.push(first.term);
            let single = &mut self.single[first.term as usize];
            if *single == u32::MAX {
                *single = self.found.len() as u32;
                self.found.push(Found::new(stems, first, first));
            }
            self.found[*single as usize].count += 1;
            for last in &run[a + 1..] {
                stems.push(last.term);
                let k = match self.index.find(stems.key()) {
                    Ok(k) => k,
                    Err(slot) => {
                        let k = self.found.len() as u32;
                        self.index.insert_vacant(slot, stems.key(), k);
                        self.found.push(Found::new(stems, first, last));
                        k
                    }
                };
                self.found[k as usize].count += 1;
            }
        }
    }
}

impl Found {
    /// A part not counted yet, first found from `first` to `last`.
    fn new(stems: Stems, first: &Token, last: &Token) -> Found {
        Found {
            stems,
            count: 0,
            start: first.start,
            end: last.end,
        }
    }
}

/// The best `k` candidates, best first, leaving out any whose stems are all among a better
/// one's or that holds all of a better one's. Best first in a total order (see
/// [`Candidate::new`]), so the result never depends on the order candidates were found in.
/// Only the first few are looked at (k, plus those that overlap one already kept), out of
/// hundreds: only the candidates that score at least the [`FEW`]th best score (or the
/// `4k`th) are ranked (a heap), the others only if those run out. That score is found on
/// the way, in a small heap of the best scores so far: most candidates are turned away by
/// one comparison with its least. Ranking them all was a fifth of this stage's time.
fn best_apart(found: &[Found], weights: &[f64], k: usize) -> Vec<Candidate> {
    let few = FEW.max(4 * k);
    let mut memo = SmallIntMemo::default();
    // The best scores so far, as bits (a score is ≥ 0, so they order like it), and every
    // candidate that scored at least the least of them when it came.
    let mut scores: BinaryHeap<Reverse<u64>> = BinaryHeap::with_capacity(few + 1);
    let mut best: Vec<Candidate> = Vec::with_capacity(4 * few);
    for c in candidates(found, weights, &mut memo) {
        let score = c.score().to_bits();
        if scores.len() < few {
            scores.push(Reverse(score));
        } else if let Some(mut least) = scores.peek_mut().filter(|least| score >= least.0) {
            *least = Reverse(score.max(least.0));
        } else {
            continue;
        }
        best.push(c);
    }
    let least = scores.peek().map_or(0, |least| least.0);
    best.retain(|c| c.score().to_bits() >= least);
    let all = best.len() == found.len();
    let mut best = BinaryHeap::from(best);
    if let Some(kept) = keep_apart(std::iter::from_fn(|| best.pop()), found, k, all) {
        return kept;
    }
    let mut all: BinaryHeap<Candidate> = candidates(found, weights, &mut memo).collect();
    keep_apart(std::iter::from_fn(|| all.pop()), found, k, true).unwrap_or_default()
}

/// How many of the best candidates [`best_apart`] ranks at least.
const FEW: usize = 32;

/// Every part as a [`Candidate`], in the order found.
fn candidates<'a>(
    found: &'a [Found],
    weights: &'a [f64],
    count_factors: &'a mut SmallIntMemo,
) -> impl Iterator<Item = Candidate> + 'a {
    found.iter().enumerate().map(|(index, f)| {
        let score = score(f, weights, count_factors);
        Candidate::new(score, f.start, f.stems.len, index)
    })
}

/// Takes candidates best first until `k` are kept, leaving out those that overlap a kept
/// one (see [`best_apart`]). `None` if they run out first and are not `all` there are.
fn keep_apart(
    ranked: impl Iterator<Item = Candidate>,
    found: &[Found],
    k: usize,
    all: bool,
) -> Option<Vec<Candidate>> {
    let mut kept: Vec<Candidate> = Vec::with_capacity(k);
    for c in ranked {
        if kept.len() == k {
            return Some(kept);
        }
        let overlaps = kept.iter().any(|better| {
            let (better, c) = (
                found[better.index].stems.as_slice(),
                found[c.index].stems.as_slice(),
            );
            contains_all(better, c) || contains_all(c, better)
        });
        if !overlaps {
            kept.push(c);
        }
    }
    (all || kept.len() == k).then_some(kept)
}

/// A part's score: the mean weight of its words, times the bonus for its length, times
/// [`count_factor`]. Inlined into the loop over the parts: a call per part cost more than
/// its arithmetic.
#[inline]
fn score(found: &Found, weights: &[f64], count_factors: &mut SmallIntMemo) -> f64 {
    let terms = found.stems.as_slice();
    let mean = terms.iter().map(|&t| weights[t as usize]).sum::<f64>() / terms.len() as f64;
    mean * LENGTH_BONUS[terms.len() - 1] * count_factor(found.count, count_factors)
}

/// The bonus for a part's length: [`EXTRA_WORD_BONUS`] for each word beyond the first.
const LENGTH_BONUS: [f64; MAX_WORDS] = {
    let mut bonus = [1.0; MAX_WORDS];
    let mut extra = 1;
    while extra < MAX_WORDS {
        bonus[extra] = 1.0 + EXTRA_WORD_BONUS * extra as f64;
        extra += 1;
    }
    bonus
};

/// `1 + ln(count)`: most candidates occur once, and a logarithm is a software routine in
/// the wasm (compiler_builtins' `log`, among the top functions of its profile), so the
/// other counts, which repeat, are looked up in `memo` after their first time.
fn count_factor(count: usize, memo: &mut SmallIntMemo) -> f64 {
    if count == 1 {
        1.0
    } else {
        memo.get(count, |c| 1.0 + (c as f64).ln())
    }
}

/// The weight of every term (see the module docs); stop terms weigh 0.
fn word_weights(text: &str, tokens: &Tokens, skip: &[bool]) -> Vec<f64> {
    let mut terms = term_counts(tokens);
    let early = text.len() / 5;
    for i in 0..tokens.sentence_ranges.len() {
        if skip.get(i) == Some(&true) {
            continue;
        }
        for t in tokens.of_sentence(i) {
            let term = &mut terms[t.term as usize];
            match term.class {
                Class::Stop => continue,
                Class::Listed if !is_topic_word(&text.as_bytes()[t.start..t.end]) => continue,
                _ => {}
            }
            // Tokens come in text order: a term's first counted token is its first.
            if term.tf == 0 {
                term.early = t.start <= early;
            }
            term.tf += 1;
            if !tokens.is_first_word(i, t) && starts_uppercase(text, t.start) {
                term.capitalised += 1;
            }
        }
    }
    let mut ln_1p = SmallIntMemo::default();
    terms
        .iter()
        .map(|t| {
            if t.tf == 0 {
                return 0.0;
            }
            let name = if 2 * t.capitalised > t.tf {
                NAME_BONUS
            } else {
                0.0
            };
            let soon = if t.early { EARLY_BONUS } else { 0.0 };
            ln_1p.get(t.tf as usize, |c| (1.0 + c as f64).ln()) * (1.0 + name + soon)
        })
        .collect()
}

/// [`NOT_TOPICS`] as a set of [`crate::wordkey::word_key`]s, built at compile time.
const NOT_TOPIC_SET: KeySet<{ NOT_TOPICS.len() }, 256> = KeySet::new(NOT_TOPICS);

/// The stems of [`NOT_TOPICS`], as the tokenizer's stemmer gives them, as
/// [`crate::wordkey::word_key`]s (each is short): made once per process, so a text's
/// vocabulary is searched by integer keys, with no key made from a string per text (a stop
/// word's stem is there too, which at worst sends a word to [`is_topic_word`] for nothing).
fn not_topic_stems() -> &'static [u128] {
    static STEMS: std::sync::OnceLock<Vec<u128>> = std::sync::OnceLock::new();
    STEMS.get_or_init(|| {
        let mut stemmer = crate::stem::Stemmer::default();
        let mut stem = String::new();
        NOT_TOPICS
            .iter()
            .filter_map(|word| {
                stemmer.stem_into(word, &mut stem);
                bytes_key(stem.as_bytes())
            })
            .collect()
    })
}

/// What [`word_weights`] must know of a term before counting its tokens.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// A content term.
    Content,
    /// A stop word's term (or a bare number's): never counted.
    Stop,
    /// A content term that a word of [`NOT_TOPICS`] may be a form of: each token needs
    /// [`is_topic_word`].
    Listed,
}

/// What [`word_weights`] knows of a term, side by side so that a token costs one look-up.
#[derive(Clone, Copy)]
struct TermCount {
    class: Class,
    /// Whether its first counted token is in the first fifth of the text.
    early: bool,
    /// Its counted tokens.
    tf: u32,
    /// Those of them capitalised inside a sentence.
    capitalised: u32,
}

/// Every term's [`Class`], its counts zero. A word's term is its stem, so a term whose stem
/// is not one of [`not_topic_stems`] has no listed form; and looking up those few stems
/// once costs less than testing every word of an article.
fn term_counts(tokens: &Tokens) -> Vec<TermCount> {
    let vocabulary = &tokens.vocabulary;
    let mut terms: Vec<TermCount> = (0..vocabulary.len() as u32)
        .map(|t| TermCount {
            class: if vocabulary.is_stop(t) {
                Class::Stop
            } else {
                Class::Content
            },
            early: false,
            tf: 0,
            capitalised: 0,
        })
        .collect();
    for &stem in not_topic_stems() {
        if let Some(term) = vocabulary.id_of_key(stem) {
            let c = &mut terms[term as usize].class;
            if *c == Class::Content {
                *c = Class::Listed;
            }
        }
    }
    terms
}

/// Whether the word at byte `at` of `text` starts with an uppercase letter (an ASCII byte
/// read as it is, not decoded).
fn starts_uppercase(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text[at..].starts_with(char::is_uppercase),
        None => false,
    }
}

/// Whether a content word can be (part of) a topic (not in [`NOT_TOPICS`]): its
/// lowercase key looked up (a word over 16 bytes, or with bytes other than ASCII letters
/// lowercased, is no listed one).
fn is_topic_word(word: &[u8]) -> bool {
    let Some(key) = bytes_key(word) else {
        return true;
    };
    let (lo, hi) = (key as u64, (key >> 64) as u64);
    let lower = u128::from(hi | letter_bits(hi) >> 2) << 64 | u128::from(lo | letter_bits(lo) >> 2);
    !NOT_TOPIC_SET.contains(lower)
}

/// Whether every stem of `part` is among `whole`'s.
fn contains_all(whole: &[u32], part: &[u32]) -> bool {
    part.iter().all(|s| whole.contains(s))
}

/// Two words are adjacent when only spaces (or a hyphen) separate them.
fn adjacent(text: &str, end: usize, start: usize) -> bool {
    // Bytes, not characters: every byte of a non-ASCII character is above 0x7F, so neither
    // a space nor a hyphen, and no decoding is needed.
    text.as_bytes()[end..start]
        .iter()
        .all(|&b| b == b' ' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::tokenize::Tokenizer;

    fn top(text: &str, k: usize) -> Vec<Keyphrase> {
        let tokens = Tokenizer::default().tokenize(text, &segment(text));
        keyphrases(text, &tokens, &[], k)
    }

    #[test]
    fn multi_word_names_win_and_subphrases_go() {
        let text = "Harbour Bridge repairs start today. The Harbour Bridge will close at night. \
                    Drivers should avoid the Harbour Bridge. Repairs cost money.";
        let k = top(text, 5);
        assert_eq!(k[0].text, "Harbour Bridge");
        assert_eq!(k[0].weight, 1.0);
        assert_eq!(&text[k[0].start..k[0].end], "Harbour Bridge");
        assert!(k.iter().all(|p| p.text != "Harbour" && p.text != "Bridge"));
    }

    #[test]
    fn not_topics_is_sorted_short_ascii() {
        assert!(NOT_TOPICS.windows(2).all(|w| w[0] < w[1]));
        assert!(NOT_TOPICS.iter().all(|w| w.is_ascii() && w.len() <= 9));
        let topic = |w: &str| is_topic_word(w.as_bytes());
        assert!(!topic("Including") && !topic("SAID") && topic("Harbour"));
        assert!(topic("") && topic("saidx") && topic("9") && topic("s\u{e4}id"));
        assert!(topic("abcdefghijklmnopqrstuvwxyz") && topic("Sa1d"));
        for w in NOT_TOPICS {
            assert!(!topic(w) && !topic(&w.to_ascii_uppercase()), "{w}");
            assert!(topic(&format!("{w}x")), "{w}");
        }
    }

    #[test]
    fn every_not_topic_word_has_a_listed_term() {
        let forms: Vec<String> = NOT_TOPICS
            .iter()
            .flat_map(|w| {
                let mut title = w.to_string();
                title[..1].make_ascii_uppercase();
                [w.to_string(), title, w.to_ascii_uppercase()]
            })
            .collect();
        let text = forms.join(" ");
        let tokens = Tokenizer::default().tokenize(&text, &segment(&text));
        assert_eq!(tokens.tokens.len(), forms.len());
        let terms = term_counts(&tokens);
        for t in &tokens.tokens {
            let class = terms[t.term as usize].class;
            assert_eq!(class == Class::Stop, tokens.is_stop(t));
            assert!(
                tokens.is_stop(t) || class == Class::Listed,
                "{}",
                &text[t.start..t.end]
            );
        }
    }

    #[test]
    fn uppercase_start() {
        let up = |s: &str| starts_uppercase(s, 0);
        assert!(up("Harbour") && up("Ärger") && up("Σ") && starts_uppercase("a B", 2));
        assert!(!up("harbour") && !up("ärger") && !up("") && !starts_uppercase("a", 1));
        assert!(!up("9") && !up("-"));
    }

    #[test]
    fn none_for_empty_or_zero() {
        assert!(top("", 5).is_empty());
        assert!(top("Some words here.", 0).is_empty());
    }

    /// [`best_apart`] the plain way: every candidate ranked by a sort.
    fn best_apart_by_sorting(found: &[Found], weights: &[f64], k: usize) -> Vec<Candidate> {
        let mut memo = SmallIntMemo::default();
        let mut all: Vec<Candidate> = candidates(found, weights, &mut memo).collect();
        all.sort_unstable_by(|a, b| b.cmp(a));
        keep_apart(all.into_iter(), found, k, true).unwrap()
    }

    #[test]
    fn the_best_apart_are_those_of_a_full_ranking() {
        // Repeated names and runs make many candidates that overlap the best ones, and many
        // that tie, so for some k the few best scores run out and every candidate is ranked.
        let words = [
            "Harbour", "Bridge", "repairs", "council", "river", "Lagos", "budget", "the", "of",
            "and", "said", "vote", "ferry", "Wonder", "Woman", "9", "rates", "rate",
        ];
        for seed in 1..20 {
            let x = crate::testing::XorShift::new(seed);
            let mut text = String::new();
            for sentence in 0..(10 + x.below(60)) {
                for _ in 0..(3 + x.below(12)) {
                    text.push_str(words[x.below(words.len() as u64) as usize]);
                    text.push(' ');
                }
                text.push_str(if sentence % 7 == 0 {
                    "Harbour Bridge repairs.\n"
                } else {
                    "end.\n"
                });
            }
            let tokens = Tokenizer::default().tokenize(&text, &segment(&text));
            let weights = word_weights(&text, &tokens, &[]);
            let found = parts(&text, &tokens, &[], &weights);
            for k in (1..=40).chain([100, 1000]) {
                let ranks = |c: Vec<Candidate>| c.iter().map(|c| c.rank).collect::<Vec<_>>();
                assert_eq!(
                    ranks(best_apart(&found, &weights, k)),
                    ranks(best_apart_by_sorting(&found, &weights, k)),
                    "seed {seed}, k = {k}"
                );
            }
        }
    }
}
