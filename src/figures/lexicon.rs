//! Word lists the figure rules share: function words, hedges and bounds, change verbs,
//! words that name an identifier before its number, and context cues (sports, markets).
//!
//! Input: lowercased words, or for [`may_start_figure`] a word's key, once per word by the
//! tokenizer. Output: membership.
//! The lists are sorted `&str` slices, put once in one hash table of integer keys
//! ([`KeyTable`]) with each word's lists as bits: a look-up is a hash and a comparison or
//! two (O(1), no allocation, no string compared).

use super::token::Doc;
use super::units::ISO_CODES;
use crate::wordkey::{word_key_of, KEY_BYTES};

/// Closed-class words: they end a counted noun phrase and may stand, capitalized, before a
/// figure at the start of a sentence without making it a name ("About 300", "In 2023").
const FUNCTION: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "aged",
    "ages",
    "ago",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "circa",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "estimated",
    "even",
    "ever",
    "every",
    "exactly",
    "fewer",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "past",
    "per",
    "perhaps",
    "plus",
    "rather",
    "roughly",
    "said",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// Verbs and adverbs of change: "rose from 3.1% to 3.4%" is two figures, not a range.
const CHANGE: &[&str] = &[
    "ballooned",
    "boosted",
    "by",
    "changed",
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "cut",
    "cuts",
    "cutting",
    "decline",
    "declined",
    "declining",
    "decrease",
    "decreased",
    "doubled",
    "down",
    "drop",
    "dropped",
    "dropping",
    "drops",
    "eased",
    "edged",
    "expanded",
    "fall",
    "fallen",
    "falling",
    "falls",
    "fell",
    "gained",
    "grew",
    "grow",
    "growing",
    "grown",
    "halved",
    "hiked",
    "improved",
    "increase",
    "increased",
    "increasing",
    "jump",
    "jumped",
    "lifted",
    "lost",
    "lowered",
    "moved",
    "narrowed",
    "plunged",
    "raise",
    "raised",
    "raising",
    "rebounded",
    "recovered",
    "reduced",
    "revised",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "sank",
    "shrank",
    "slashed",
    "slid",
    "slipped",
    "slumped",
    "soared",
    "surged",
    "swelled",
    "trimmed",
    "tripled",
    "tumbled",
    "up",
    "upgraded",
    "widened",
];

/// Lowercase words that make the following number an identifier: "page 12", "rule 33".
const REFERENCE: &[&str] = &[
    "act",
    "amendment",
    "appendix",
    "art",
    "article",
    "chapter",
    "clause",
    "exhibit",
    "exit",
    "fig",
    "figure",
    "flight",
    "gate",
    "grade",
    "highway",
    "interstate",
    "issue",
    "item",
    "level",
    "line",
    "model",
    "no",
    "nos",
    "number",
    "p",
    "page",
    "pages",
    "para",
    "paragraph",
    "part",
    "phase",
    "platform",
    "pp",
    "prop",
    "proposition",
    "question",
    "room",
    "route",
    "rule",
    "sec",
    "section",
    "stage",
    "table",
    "tier",
    "track",
    "type",
    "verse",
    "version",
    "vol",
    "volume",
];

/// Words near a "2-1" that make it a score or a vote tally rather than a range.
const SCORE_CUES: &[&str] = &[
    "ballot", "beat", "beating", "beats", "court", "cup", "decision", "defeat", "defeated",
    "defeats", "draw", "drew", "edged", "final", "game", "games", "goal", "goals", "halftime",
    "house", "innings", "jury", "lead", "league", "led", "lose", "loses", "losing", "loss", "lost",
    "majority", "margin", "match", "overtime", "routed", "ruled", "ruling", "score", "scored",
    "senate", "series", "set", "sets", "thrashed", "tie", "tied", "trail", "trailed", "victory",
    "vote", "voted", "votes", "win", "winning", "wins", "won",
];

/// Words near "points" that make them index points rather than a count.
const MARKET_CUES: &[&str] = &[
    "benchmark",
    "cac",
    "composite",
    "dax",
    "dow",
    "ftse",
    "hang",
    "index",
    "indices",
    "industrial",
    "industrials",
    "kospi",
    "market",
    "markets",
    "nasdaq",
    "nifty",
    "nikkei",
    "sensex",
    "shares",
    "stock",
    "stocks",
    "stoxx",
    "topix",
    "tsx",
];

/// Nouns whose plural looks singular, and singular nouns ending in "s", for counted nouns.
const PLURAL_IRREGULAR: &[&str] = &[
    "aircraft",
    "cattle",
    "children",
    "clergy",
    "crew",
    "data",
    "deer",
    "feet",
    "fish",
    "geese",
    "livestock",
    "media",
    "men",
    "mice",
    "offspring",
    "people",
    "personnel",
    "police",
    "sheep",
    "staff",
    "teeth",
    "troops",
    "women",
    "youth",
];
const NOT_PLURAL: &[&str] = &[
    "always", "analysis", "basis", "bus", "campus", "census", "chaos", "crisis", "diabetes",
    "lens", "means", "measles", "mumps", "news", "perhaps", "physics", "politics", "series",
    "species", "status", "thus", "virus", "whereas",
];

/// Lowercase words that can begin a figure: number words, ordinals, fraction and vague words,
/// date hedges and periods, currency words written before a number, prefixed units. A word
/// token not in this list (and not a capitalized month or weekday, nor an upper-case code)
/// cannot start a figure, so the scanner passes over it (see [`may_start_figure`]).
const TRIGGERS: &[&str] = &[
    "a",
    "an",
    "au",
    "billion",
    "billions",
    "billionth",
    "c",
    "ca",
    "cat",
    "category",
    "crore",
    "crores",
    "dollar",
    "dozen",
    "dozens",
    "early",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eightieth",
    "eighty",
    "eleven",
    "eleventh",
    "fall",
    "fifteen",
    "fifteenth",
    "fifth",
    "fiftieth",
    "fifty",
    "first",
    "five",
    "fortieth",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "fourty",
    "h1",
    "h2",
    "half",
    "hk",
    "hundred",
    "hundreds",
    "hundredth",
    "lac",
    "lacs",
    "lakh",
    "lakhs",
    "last",
    "late",
    "magnitude",
    "many",
    "mex",
    "mid",
    "midday",
    "midnight",
    "million",
    "millions",
    "millionth",
    "minus",
    "naught",
    "negative",
    "next",
    "nine",
    "nineteen",
    "nineteenth",
    "ninetieth",
    "ninety",
    "ninth",
    "noon",
    "nought",
    "nt",
    "nz",
    "one",
    "q1",
    "q2",
    "q3",
    "q4",
    "quarter",
    "r",
    "rs",
    "s",
    "scores",
    "second",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventieth",
    "seventy",
    "several",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixtieth",
    "sixty",
    "spring",
    "summer",
    "ten",
    "tens",
    "tenth",
    "third",
    "thirteen",
    "thirteenth",
    "thirtieth",
    "thirty",
    "this",
    "thousand",
    "thousands",
    "thousandth",
    "three",
    "thrice",
    "trillion",
    "trillions",
    "trillionth",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "twice",
    "two",
    "u",
    "us",
    "winter",
    "zero",
];

/// Month and weekday names and abbreviations, lowercase: they start a figure when capitalized.
const CALENDAR: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "saturday",
    "sep",
    "sept",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// A hash table from word keys ([`crate::wordkey::word_key`]) to small values, built once:
/// a key's bucket is the top bits of a multiplicative hash of its two halves, and each
/// bucket's entries lie side by side, so that a look-up is a hash, two reads of `heads` and
/// a comparison of integers or two (most buckets of the words of a text are empty). No
/// string is compared. Shared by the word lists here and the unit tables.
pub(super) struct KeyTable {
    /// Bucket `b`'s entries are `entries[heads[b]..heads[b + 1]]`.
    heads: Box<[u16; BUCKETS + 1]>,
    entries: Vec<(u128, u16)>,
}

/// [`KeyTable`]s have 2,048 buckets (4 KB of heads): tables of a few hundred words leave
/// most of them empty.
const BUCKET_BITS: u32 = 11;
const BUCKETS: usize = 1 << BUCKET_BITS;

impl KeyTable {
    /// The table of `pairs` (fewer than 65,536); the entries of a key keep their order.
    pub(super) fn new(pairs: &[(u128, u16)]) -> KeyTable {
        let mut heads = Box::new([0u16; BUCKETS + 1]);
        for &(k, _) in pairs {
            heads[Self::bucket_of(k) + 1] += 1;
        }
        for b in 0..BUCKETS {
            heads[b + 1] += heads[b];
        }
        // placed by counting, in the order given
        let mut next = heads.clone();
        let mut entries = vec![(0, 0); pairs.len()];
        for &(k, v) in pairs {
            let at = &mut next[Self::bucket_of(k)];
            entries[usize::from(*at)] = (k, v);
            *at += 1;
        }
        KeyTable { heads, entries }
    }

    fn bucket_of(key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BUCKET_BITS)) as usize
    }

    /// The entries in the bucket of `key` (those of `key` and of others).
    #[inline]
    pub(super) fn bucket(&self, key: u128) -> &[(u128, u16)] {
        let b = Self::bucket_of(key);
        let (lo, hi) = (usize::from(self.heads[b]), usize::from(self.heads[b + 1]));
        self.entries.get(lo..hi).unwrap_or(&[])
    }

    /// The value of the first entry of `key`.
    #[inline]
    pub(super) fn get(&self, key: u128) -> Option<u16> {
        self.bucket(key).iter().find(|e| e.0 == key).map(|e| e.1)
    }
}

/// Which list to search (its bit in [`Lexicon`]).
#[derive(Clone, Copy)]
enum List {
    Function,
    Change,
    Reference,
    Score,
    Market,
    PluralIrregular,
    NotPlural,
}

const LISTS: [&[&str]; 7] = [
    FUNCTION,
    CHANGE,
    REFERENCE,
    SCORE_CUES,
    MARKET_CUES,
    PLURAL_IRREGULAR,
    NOT_PLURAL,
];

/// The lists of the words that may start a figure: bits of [`Lexicon`] above the [`List`]s.
const TRIGGER: u16 = 1 << 8;
const CALENDAR_NAME: u16 = 1 << 9;
const CURRENCY_CODE: u16 = 1 << 10;

/// Every listed word — the [`List`]s, [`TRIGGERS`], [`CALENDAR`] and the ISO codes
/// lowercased — with the bits of its lists, in one [`KeyTable`]: a word is looked up once
/// whatever the list.
pub(super) struct Lexicon(KeyTable);

/// The [`Lexicon`], built on first use.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let codes: Vec<String> = ISO_CODES.iter().map(|c| c.to_ascii_lowercase()).collect();
        let lists = LISTS.iter().enumerate().map(|(b, l)| (*l, 1u16 << b));
        let mut pairs: Vec<(u128, u16)> = lists
            .chain([(TRIGGERS, TRIGGER), (CALENDAR, CALENDAR_NAME)])
            .flat_map(|(list, bit)| list.iter().map(move |w| (*w, bit)))
            .chain(codes.iter().map(|w| (w.as_str(), CURRENCY_CODE)))
            .filter_map(|(w, bit)| Some((word_key_of(w)?, bit)))
            .collect();
        // one entry per word, with the bits of all its lists
        crate::sort::sort_by(&mut pairs, |a, b| a.0 < b.0);
        let mut merged: Vec<(u128, u16)> = Vec::with_capacity(pairs.len());
        for (k, bit) in pairs {
            match merged.last_mut() {
                Some(last) if last.0 == k => last.1 |= bit,
                _ => merged.push((k, bit)),
            }
        }
        Lexicon(KeyTable::new(&merged))
    })
}

impl Lexicon {
    /// The bits of the lists of the word of key `k` (0: none).
    #[inline]
    fn lists(&self, k: u128) -> u16 {
        self.0.get(k).unwrap_or(0)
    }

    /// The start lists ([`TRIGGER`], …) of the word of key `k` and `len` bytes: nearly every
    /// word is turned away by its shape, without a look-up.
    #[inline]
    fn start_lists(&self, k: u128, len: usize) -> u16 {
        if !crate::wordkey::may_list_shape(&STARTS_SHAPES, k as u8, len) {
            return 0;
        }
        self.lists(k) & (TRIGGER | CALENDAR_NAME | CURRENCY_CODE)
    }
}

/// The [`crate::wordkey::shapes`] of the words that may start a figure, at compile time.
const STARTS_SHAPES: [u32; 26] = {
    let mut shapes = crate::wordkey::shapes(TRIGGERS);
    let calendar = crate::wordkey::shapes(CALENDAR);
    let mut i = 0;
    while i < 26 {
        shapes[i] |= calendar[i];
        i += 1;
    }
    // the currency codes, lowercased
    let mut i = 0;
    while i < ISO_CODES.len() {
        let code = ISO_CODES[i].as_bytes();
        shapes[(code[0].to_ascii_lowercase() - b'a') as usize] |= 1 << code.len();
        i += 1;
    }
    shapes
};

/// The top bit of every byte of a key: set in some byte exactly when the word is not ASCII.
const NON_ASCII: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;

/// Whether a figure can begin at token `i`: a word in [`TRIGGERS`]; a word or symbol outside
/// ASCII; a lowercase currency code ("usd 200"); an upper-case code ("USD", "MUSD", "HK",
/// "Q3"), month or weekday. Read from the token, where the tokenizer put it
/// ([`letters_may_start_figure`], [`word_may_start_figure`]).
#[inline(always)]
pub fn may_start_figure(doc: &Doc, i: usize) -> bool {
    doc.toks.get(i).is_some_and(|t| t.starts)
}

/// [`may_start_figure`] for a word of ASCII letters only (nearly every word of a text), from
/// its bytes and its lowercase [`word_key`]: nearly every one is turned away by its shape or
/// one bit of a filter. Always inlined into the tokenizer.
#[inline(always)]
pub fn letters_may_start_figure(lexicon: &Lexicon, word: &[u8], key: u128) -> bool {
    let len = word.len();
    let lists = lexicon.start_lists(key, len);
    if lists == 0 {
        // in no list: only a word of capitals ("HK") may still start one
        return len <= 4 && word[0].is_ascii_uppercase() && word.iter().all(u8::is_ascii_uppercase);
    }
    ascii_lists_start_figure(word, lists)
}

/// [`letters_may_start_figure`] for an ASCII word of at most [`KEY_BYTES`] (letters and
/// digits).
pub fn ascii_may_start_figure(lexicon: &Lexicon, word: &[u8], key: u128) -> bool {
    ascii_lists_start_figure(word, lexicon.start_lists(key, word.len()))
}

/// Whether an ASCII word on these start lists may start a figure.
fn ascii_lists_start_figure(word: &[u8], lists: u16) -> bool {
    if lists & TRIGGER != 0 {
        return true;
    }
    if !word[0].is_ascii_uppercase() {
        return lists & CURRENCY_CODE != 0;
    }
    // capitals and digits only: "USD", "Q3"
    lists & CALENDAR_NAME != 0
        || word.len() <= 4
            && word
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// [`may_start_figure`] for any word token's bytes: one key made, and one look-up.
#[inline(never)]
pub fn word_may_start_figure(word: &[u8]) -> bool {
    let len = word.len();
    if len > KEY_BYTES {
        // too long for any list
        return !word.is_ascii();
    }
    // the word lowercased (ASCII letters), as the lowercase copy of the text has it
    let mut lower = [0u8; KEY_BYTES];
    for (d, b) in lower.iter_mut().zip(word) {
        *d = b.to_ascii_lowercase();
    }
    let Some(k) = crate::wordkey::bytes_key(&lower[..len]) else {
        return false;
    };
    if k & NON_ASCII != 0 {
        return true;
    }
    let lists = lexicon().start_lists(k, len);
    if lists & TRIGGER != 0 {
        return true;
    }
    // the key's low byte is the word's first, lowercased; the text tells its case
    if !word.first().is_some_and(u8::is_ascii_uppercase) {
        return lists & CURRENCY_CODE != 0;
    }
    // capitals and digits only: "USD", "Q3"
    lists & CALENDAR_NAME != 0
        || len <= 4
            && word
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The [`List`]s a word is on, as bits.
#[derive(Clone, Copy)]
pub struct Lists(u16);

impl Lists {
    fn has(self, list: List) -> bool {
        self.0 & (1 << list as u16) != 0
    }

    /// A closed-class word.
    pub fn function(self) -> bool {
        self.has(List::Function)
    }

    /// A word that makes the next number a reference ("page 12").
    pub fn reference(self) -> bool {
        self.has(List::Reference)
    }
}

/// The [`List`]s of word token `k` (none for other tokens and words too long for any list):
/// one look-up for every list the rules ask about.
#[inline]
pub fn lists_at(doc: &Doc, k: usize) -> Lists {
    Lists(doc.word_key(k).map_or(0, |key| lexicon().lists(key)))
}

fn is_in(doc: &Doc, k: usize, list: List) -> bool {
    lists_at(doc, k).has(list)
}

/// Token `k` is a closed-class word.
pub fn function_word(doc: &Doc, k: usize) -> bool {
    is_in(doc, k, List::Function)
}

/// Token `k` is a verb or adverb of change (or "by").
pub fn change_word(doc: &Doc, k: usize) -> bool {
    is_in(doc, k, List::Change)
}

/// Token `k` is a sports or vote cue.
pub fn score_cue(doc: &Doc, k: usize) -> bool {
    is_in(doc, k, List::Score)
}

/// Token `k` is a stock-market cue.
pub fn market_cue(doc: &Doc, k: usize) -> bool {
    is_in(doc, k, List::Market)
}

/// Whether token `k` is a noun that looks plural ("soldiers", "people"; not "measles").
pub fn plural(doc: &Doc, k: usize) -> bool {
    plural_of(doc.lc(k).as_str(), lists_at(doc, k))
}

/// [`plural`] for a token whose [`lists_at`] are known.
pub fn plural_with(doc: &Doc, k: usize, lists: Lists) -> bool {
    plural_of(doc.lc(k).as_str(), lists)
}

/// [`plural`] for a lowercased word `w` on `lists`.
fn plural_of(w: &str, lists: Lists) -> bool {
    if lists.has(List::PluralIrregular) || w.ends_with("men") {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !lists.has(List::NotPlural)
}

/// A qualifier read just before a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hedge {
    /// Hedged ("about", "nearly").
    pub approximate: bool,
    /// 1 = min ("more than"), -1 = max ("up to"), 0 = none.
    pub bound: i8,
}

/// Qualifier phrases, words in reverse order (nearest the figure first), so that matching
/// compares slices without splitting strings.
const HEDGES: &[(&[&str], bool, i8)] = &[
    (&["than", "more", "little", "a"], false, 1),
    (&["over", "little", "a"], false, 1),
    (&["about"], true, 0),
    (&["above"], false, 1),
    (&["almost"], true, -1),
    (&["estimated", "an"], true, 0),
    (&["approximately"], true, 0),
    (&["around"], true, 0),
    (&["as", "few", "as"], false, -1),
    (&["as", "high", "as"], false, -1),
    (&["as", "little", "as"], false, -1),
    (&["as", "many", "as"], false, -1),
    (&["as", "much", "as"], false, -1),
    (&["least", "at"], false, 1),
    (&["most", "at"], false, -1),
    (&["below"], false, -1),
    (&["circa"], true, 0),
    (&["to", "close"], true, -1),
    (&["estimated"], true, 0),
    (&["exceeding"], false, 1),
    (&["than", "fewer"], false, -1),
    (&["than", "greater"], false, 1),
    (&["than", "higher"], false, 1),
    (&["of", "excess", "in"], false, 1),
    (&["over", "just"], false, 1),
    (&["under", "just"], false, -1),
    (&["than", "less"], false, -1),
    (&["than", "lower"], false, -1),
    (&["than", "more"], false, 1),
    (&["nearly"], true, -1),
    (&["than", "fewer", "no"], false, 1),
    (&["than", "less", "no"], false, 1),
    (&["than", "more", "no"], false, -1),
    (&["quite", "not"], true, -1),
    (&["over"], false, 1),
    (&["roughly"], true, 0),
    (&["some"], true, 0),
    (&["under"], false, -1),
    (&["to", "up"], false, -1),
    (&["of", "upwards"], false, 1),
    (&["over", "well"], false, 1),
    (&["under", "well"], false, -1),
];

/// The bits of the [`HEDGES`] whose first word (the one nearest the figure) is `w`.
const fn hedges_ending_with(w: &str) -> u64 {
    assert!(HEDGES.len() <= 64, "one bit per qualifier");
    let mut bits = 0;
    let mut i = 0;
    while i < HEDGES.len() {
        let first = HEDGES[i].0[0].as_bytes();
        let w = w.as_bytes();
        let mut same = first.len() == w.len();
        let mut k = 0;
        while same && k < w.len() {
            same = first[k] == w[k];
            k += 1;
        }
        if same {
            bits |= 1 << i;
        }
        i += 1;
    }
    bits
}

/// The qualifier whose words end just before a figure: `prev` holds the lowercased words
/// before it, nearest first (empty strings past a punctuation mark). The tests' reference
/// for [`hedge_before`].
#[cfg(test)]
fn hedge(prev: [&str; 4]) -> Option<(Hedge, usize)> {
    longest_hedge(prev, hedges_ending(prev[0]))
}

/// [`hedge`] before the figure that starts at token `start`: the words before it are read
/// only when a qualifier ends with the nearest (for most figures none does).
pub fn hedge_before(doc: &Doc, start: usize) -> Option<(Hedge, usize)> {
    let mut prev = [""; 4];
    for (k, p) in prev.iter_mut().enumerate() {
        // stop at punctuation: only a run of words right before the figure counts
        let j = start.wrapping_sub(k + 1);
        if !doc.word(j) {
            break;
        }
        *p = doc.lc(j).as_str();
        if k == 0 && hedges_ending(p) == 0 {
            return None;
        }
    }
    longest_hedge(prev, hedges_ending(prev[0]))
}

/// The [`HEDGES`] whose first word (the one nearest the figure) is `w`, as bits: most
/// figures have none of these words before them, and the rest compare only their own
/// qualifiers' words.
fn hedges_ending(w: &str) -> u64 {
    match w {
        "about" => const { hedges_ending_with("about") },
        "above" => const { hedges_ending_with("above") },
        "almost" => const { hedges_ending_with("almost") },
        "approximately" => const { hedges_ending_with("approximately") },
        "around" => const { hedges_ending_with("around") },
        "as" => const { hedges_ending_with("as") },
        "below" => const { hedges_ending_with("below") },
        "circa" => const { hedges_ending_with("circa") },
        "estimated" => const { hedges_ending_with("estimated") },
        "exceeding" => const { hedges_ending_with("exceeding") },
        "least" => const { hedges_ending_with("least") },
        "most" => const { hedges_ending_with("most") },
        "nearly" => const { hedges_ending_with("nearly") },
        "of" => const { hedges_ending_with("of") },
        "over" => const { hedges_ending_with("over") },
        "quite" => const { hedges_ending_with("quite") },
        "roughly" => const { hedges_ending_with("roughly") },
        "some" => const { hedges_ending_with("some") },
        "than" => const { hedges_ending_with("than") },
        "to" => const { hedges_ending_with("to") },
        "under" => const { hedges_ending_with("under") },
        _ => 0,
    }
}

/// The longest of the `candidates` (bits of [`HEDGES`]) whose words are `prev`.
fn longest_hedge(prev: [&str; 4], mut candidates: u64) -> Option<(Hedge, usize)> {
    let mut best: Option<(Hedge, usize)> = None;
    // in table order, so that the first of the longest wins as before
    while candidates != 0 {
        let (words, approximate, bound) = HEDGES[candidates.trailing_zeros() as usize];
        candidates &= candidates - 1;
        let n = words.len();
        let matches = words.iter().zip(prev.iter()).skip(1).all(|(a, b)| a == b);
        if matches && best.is_none_or(|(_, m)| n > m) {
            best = Some((Hedge { approximate, bound }, n));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first version of [`may_start_figure`], on a token's text and its lowercase copy
    /// (a string lookup per list), kept as the oracle for the one that reads one key.
    fn may_start_figure_by_strings(word: &str, lower: &str) -> bool {
        if TRIGGERS.contains(&lower) {
            return true;
        }
        if !word.is_ascii() {
            return true;
        }
        let first_upper = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        if !first_upper {
            return super::super::units::find_iso_code(lower).is_some();
        }
        (word.len() <= 4
            && word
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
            || CALENDAR.contains(&lower)
    }

    fn assert_same_starts(text: &str) {
        let doc = Doc::new(text);
        for i in 0..=doc.len() {
            assert_eq!(
                may_start_figure(&doc, i),
                may_start_figure_by_strings(doc.s(i), doc.lc(i).as_str()),
                "{text:?} token {i} {:?}",
                doc.s(i)
            );
        }
    }

    #[test]
    fn may_start_figure_matches_the_string_version() {
        let mut listed: Vec<String> = LISTS
            .iter()
            .chain(&[TRIGGERS, CALENDAR])
            .flat_map(|l| l.iter())
            .map(|w| w.to_string())
            .collect();
        listed.extend(ISO_CODES.iter().map(|c| c.to_string()));
        for w in listed {
            for form in [
                w.clone(),
                w.to_ascii_uppercase(),
                w[..1].to_ascii_uppercase() + &w[1..],
            ] {
                assert_same_starts(&format!("{form} {form}s x{form} {form}é 5{form}"));
            }
        }
        assert_same_starts("USD usd Usd uSD MUSD Q3 HK hk2 éte € $ 12 Über Sept sept a-very-long-word-of-many-letters Incomprehensibilities");
    }

    proptest::proptest! {
        #[test]
        fn may_start_figure_matches_on_any_text(text in "([a-zA-Z0-9é€$ .,-]{0,6} ?){0,6}|\\PC{0,24}") {
            assert_same_starts(&text);
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        let lists = LISTS.iter().enumerate().map(|(b, l)| (*l, 1u16 << b));
        for (list, bit) in lists.chain([(TRIGGERS, TRIGGER), (CALENDAR, CALENDAR_NAME)]) {
            for w in list.iter().filter(|w| w.len() <= 16) {
                let k = word_key_of(w).unwrap();
                assert!(lexicon().lists(k) & bit != 0, "{w}");
                if bit >= TRIGGER {
                    assert!(lexicon().start_lists(k, w.len()) & bit != 0, "{w}");
                }
            }
            for w in ["zzzz", "qx", "notalistedword"] {
                assert_eq!(lexicon().lists(word_key_of(w).unwrap()), 0, "{w}");
            }
        }
    }

    #[test]
    fn lists_are_sorted_and_have_keys() {
        for list in [
            CALENDAR,
            TRIGGERS,
            FUNCTION,
            CHANGE,
            REFERENCE,
            SCORE_CUES,
            MARKET_CUES,
            PLURAL_IRREGULAR,
            NOT_PLURAL,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", &list[..3]);
            assert!(
                list.iter().all(|w| word_key_of(w).is_some()),
                "a word over 16 bytes"
            );
        }
    }

    /// The first version of [`hedge`], a comparison per qualifier, kept as the oracle for the
    /// one that compares only the qualifiers ending with the word before the figure.
    fn hedge_by_scan(prev: [&str; 4]) -> Option<(Hedge, usize)> {
        let mut best: Option<(Hedge, usize)> = None;
        if prev[0].is_empty() {
            return None;
        }
        for &(words, approximate, bound) in HEDGES {
            let n = words.len();
            let matches = words[0] == prev[0] && words.iter().zip(prev.iter()).all(|(a, b)| a == b);
            if matches && best.is_none_or(|(_, m)| n > m) {
                best = Some((Hedge { approximate, bound }, n));
            }
        }
        best
    }

    #[test]
    fn hedge_matches_the_scan() {
        let mut pool: Vec<&str> = HEDGES
            .iter()
            .flat_map(|(w, _, _)| w.iter().copied())
            .collect();
        pool.extend(["", "the", "a", "in"]);
        pool.sort_unstable();
        pool.dedup();
        for a in &pool {
            for b in &pool {
                for c in &pool {
                    for d in ["", "no", "a", "the"] {
                        let prev = [*a, *b, *c, d];
                        assert_eq!(hedge(prev), hedge_by_scan(prev), "{prev:?}");
                    }
                }
            }
        }
    }

    /// [`hedge_before`] reads the words before a figure as the first version did: up to four,
    /// lowercased, none past a punctuation mark.
    #[test]
    fn hedge_before_reads_the_words_before() {
        for text in [
            "a little more than 5",
            "Up to 9",
            "no more than, 7",
            "as many as 12",
            "More than 3",
            "in excess of 4",
            "well over 6",
            "said 8",
            "5",
            "than 5",
            "x . than 5",
        ] {
            let doc = Doc::new(text);
            let at = doc.len() - 1;
            let mut prev = [""; 4];
            for (k, p) in prev.iter_mut().enumerate() {
                if (1..=k + 1).all(|m| doc.word(at.wrapping_sub(m))) {
                    *p = doc.lc(at - k - 1).as_str();
                }
            }
            assert_eq!(hedge_before(&doc, at), hedge(prev), "{text}");
        }
    }

    /// Every qualifier passes the early test of [`hedge`] on its last word.
    #[test]
    fn every_hedge_is_found() {
        for &(words, approximate, bound) in HEDGES {
            let mut prev = [""; 4];
            for (p, w) in prev.iter_mut().zip(words.iter()) {
                *p = w;
            }
            let (h, n) = hedge(prev).expect("a listed qualifier");
            assert!(n >= words.len(), "{words:?}");
            if n == words.len() {
                assert_eq!((h.approximate, h.bound), (approximate, bound), "{words:?}");
            }
        }
    }

    #[test]
    fn hedges_and_plurals() {
        assert_eq!(hedge(["than", "more", "x", ""]).unwrap().0.bound, 1);
        assert_eq!(hedge(["to", "up", "", ""]).unwrap().0.bound, -1);
        let nearly = hedge(["nearly", "", "", ""]).unwrap().0;
        assert!(nearly.approximate && nearly.bound == -1);
        assert_eq!(hedge(["than", "more", "little", "a"]).unwrap().1, 4);
        assert!(hedge(["said", "", "", ""]).is_none());
        let plural = |w: &str| plural(&Doc::new(w), 0);
        assert!(plural("soldiers") && plural("People") && !plural("measles") && !plural("bus"));
    }
}
