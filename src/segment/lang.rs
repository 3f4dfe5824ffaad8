//! Languages for the segmenter: per-language rules (a [`Profile`]), abbreviation tables, and
//! a cheap detector for `auto`.
//!
//! Input: a language code or a text. Output: the [`Profile`] the scanner follows. Tables are
//! parsed once from `data/abbrev_*.txt` (a few hundred entries) into a hash table of the
//! keys of up to 8 bytes (one probe for most words) and a sorted list of the few longer
//! ones. Detection reads at most the first 4 KB: the script decides (Han, Arabic,
//! Cyrillic, …), then for Latin text a vote of a dozen function words per language (a hash
//! table of them; ASCII is read without decoding characters). Cost: O(min(n, 4 KB)).

use crate::ascii::{letter_bits, HIGH_BITS, ONES};
use crate::wordkey;
use std::sync::OnceLock;

/// A language the segmenter knows, or `Auto` to detect it from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// Detect from the script and a few function words (English when unsure).
    Auto,
    /// English.
    En,
    /// Danish.
    Da,
    /// German.
    De,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// Italian.
    It,
    /// Dutch.
    Nl,
    /// Polish.
    Pl,
    /// Slovak.
    Sk,
    /// Russian.
    Ru,
    /// Bulgarian.
    Bg,
    /// Kazakh.
    Kk,
    /// Greek.
    El,
    /// Armenian.
    Hy,
    /// Arabic.
    Ar,
    /// Persian.
    Fa,
    /// Urdu.
    Ur,
    /// Hindi.
    Hi,
    /// Marathi.
    Mr,
    /// Amharic.
    Am,
    /// Burmese.
    My,
    /// Japanese.
    Ja,
    /// Chinese.
    Zh,
}

/// Every language with its code, in the order the docs list them.
const CODES: &[(Language, &str)] = &[
    (Language::Auto, "auto"),
    (Language::En, "en"),
    (Language::Da, "da"),
    (Language::De, "de"),
    (Language::Es, "es"),
    (Language::Fr, "fr"),
    (Language::It, "it"),
    (Language::Nl, "nl"),
    (Language::Pl, "pl"),
    (Language::Sk, "sk"),
    (Language::Ru, "ru"),
    (Language::Bg, "bg"),
    (Language::Kk, "kk"),
    (Language::El, "el"),
    (Language::Hy, "hy"),
    (Language::Ar, "ar"),
    (Language::Fa, "fa"),
    (Language::Ur, "ur"),
    (Language::Hi, "hi"),
    (Language::Mr, "mr"),
    (Language::Am, "am"),
    (Language::My, "my"),
    (Language::Ja, "ja"),
    (Language::Zh, "zh"),
];

impl Language {
    /// Parses an ISO 639-1 code (case-insensitive) or `auto`.
    pub fn parse(code: &str) -> Option<Language> {
        let code = code.trim();
        CODES
            .iter()
            .find(|(_, c)| c.eq_ignore_ascii_case(code))
            .map(|&(l, _)| l)
    }

    /// The language's code (`auto` for [`Language::Auto`]).
    pub fn code(self) -> &'static str {
        CODES
            .iter()
            .find(|(l, _)| *l == self)
            .map_or("auto", |c| c.1)
    }

    /// All accepted codes, for error messages and docs.
    pub fn codes() -> impl Iterator<Item = &'static str> {
        CODES.iter().map(|c| c.1)
    }

    /// The language itself, or for `Auto` the one detected in `text`.
    pub fn resolve(self, text: &str) -> Language {
        match self {
            Language::Auto => detect(text),
            l => l,
        }
    }
}

/// Abbreviation classes (see `data/README.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbr {
    /// A title or prefix: a name follows, so never final.
    Title,
    /// Never ends a sentence.
    NeverFinal,
    /// Comes before numbers.
    Number,
    /// A month or weekday.
    Month,
    /// Comes after names (`Inc.`, `Jr.`).
    Post,
    /// Any other abbreviation.
    Generic,
}

/// The rules the scanner follows for one language.
pub(crate) struct Profile {
    /// Abbreviation tables to consult, first match wins.
    tables: &'static [&'static str],
    /// Capitalised words that usually start a sentence (decides "U.S. The" vs "U.S. Army").
    pub starters: &'static [&'static str],
    /// A period ends sentences (false for Armenian, where it works like a colon).
    pub period_ends: bool,
    /// A colon followed by a space ends a sentence (Arabic, Armenian).
    pub colon_ends: bool,
    /// `;` is the question mark (Greek).
    pub semicolon_ends: bool,
    /// The Arabic comma ends a clause-sentence unless a list follows.
    pub arabic_comma_ends: bool,
    /// "word. lowercase" continues the sentence.
    pub lower_continues: bool,
    /// "word? lowercase" continues the sentence.
    pub lower_continues_question: bool,
    /// "12. Juni", "XII. Pluku": a small number or Roman numeral with a period is an ordinal
    /// (unless a sentence starter follows).
    pub ordinal_dot: bool,
    /// Nouns are capitalised (German), so "Mio. Euro" is no boundary: after an
    /// abbreviation only a sentence starter begins a new sentence.
    pub nouns_capitalized: bool,
    index: usize,
}

const EN_STARTERS: &[&str] = &[
    "A",
    "About",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "An",
    "Analysts",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Authorities",
    "Because",
    "Before",
    "Being",
    "Both",
    "But",
    "By",
    "Can",
    "Companies",
    "Could",
    "Critics",
    "Did",
    "Do",
    "Doctors",
    "Does",
    "Dozens",
    "During",
    "Each",
    "Earnings",
    "Even",
    "Every",
    "Executives",
    "Experts",
    "Families",
    "Few",
    "First",
    "For",
    "From",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "Hundreds",
    "I",
    "If",
    "In",
    "Instead",
    "Investors",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Lawmakers",
    "Many",
    "Markets",
    "Meanwhile",
    "Millions",
    "More",
    "Most",
    "Much",
    "My",
    "Never",
    "Next",
    "No",
    "None",
    "Not",
    "Now",
    "Officials",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "People",
    "Police",
    "Prices",
    "Profit",
    "Prosecutors",
    "Regulators",
    "Reports",
    "Researchers",
    "Residents",
    "Revenue",
    "Sales",
    "Scientists",
    "Several",
    "Shares",
    "She",
    "Since",
    "So",
    "Some",
    "Sources",
    "Still",
    "Stocks",
    "Students",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thousands",
    "Thus",
    "To",
    "Today",
    "Two",
    "Under",
    "Until",
    "Voters",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Whose",
    "Why",
    "Will",
    "With",
    "Without",
    "Witnesses",
    "Workers",
    "Would",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];
const DA_STARTERS: &[&str] = &[
    "De", "Den", "Der", "Det", "Dette", "Disse", "Du", "Efter", "Han", "Hans", "Hendes", "Hun",
    "Hvad", "Hvem", "Hvor", "Hvorfor", "I", "Jeg", "Men", "Nu", "Når", "Og", "Så", "Vi",
];
const DE_STARTERS: &[&str] = &[
    "Aber", "Am", "Auch", "Dann", "Das", "Denn", "Der", "Die", "Dies", "Diese", "Dieser", "Doch",
    "Ein", "Eine", "Er", "Es", "Heute", "Ich", "Im", "In", "Mit", "Nach", "Sie", "Und", "Vor",
    "Warum", "Was", "Wer", "Wie", "Wir", "Wo",
];
const ES_STARTERS: &[&str] = &[
    "Con", "Cuándo", "Cómo", "Dónde", "El", "Ella", "Ellos", "En", "Es", "Esta", "Este", "Hay",
    "La", "Las", "Los", "No", "Pero", "Por", "Qué", "Se", "Un", "Una", "Y", "Yo", "Él",
];
const FR_STARTERS: &[&str] = &[
    "Après", "Avant", "Ce", "Ces", "Cette", "Comment", "Dans", "Elle", "Elles", "En", "Et", "Il",
    "Ils", "Je", "La", "Le", "Les", "Mais", "Nous", "On", "Où", "Par", "Pour", "Quand", "Que",
    "Qui", "Un", "Une", "Vous",
];
const IT_STARTERS: &[&str] = &[
    "Che", "Come", "Con", "Dove", "E", "Gli", "I", "Il", "In", "Io", "La", "Le", "Lei", "Lo",
    "Loro", "Lui", "Ma", "Noi", "Per", "Quando", "Questa", "Questo", "Un", "Una",
];
const NL_STARTERS: &[&str] = &[
    "Dat", "De", "Dit", "Een", "En", "Het", "Hij", "Hoe", "Ik", "In", "Maar", "Met", "Op", "Waar",
    "Wanneer", "Wat", "We", "Wij", "Ze", "Zij",
];
const NONE: &[&str] = &[];

const EN: &str = include_str!("data/abbrev_en.txt");
const DA: &str = include_str!("data/abbrev_da.txt");
const DE: &str = include_str!("data/abbrev_de.txt");
const ES: &str = include_str!("data/abbrev_es.txt");
const FR: &str = include_str!("data/abbrev_fr.txt");
const IT: &str = include_str!("data/abbrev_it.txt");
const NL: &str = include_str!("data/abbrev_nl.txt");
const PL: &str = include_str!("data/abbrev_pl.txt");
const SK: &str = include_str!("data/abbrev_sk.txt");
const CYRL: &str = include_str!("data/abbrev_cyrl.txt");
const EL: &str = include_str!("data/abbrev_el.txt");
const AR: &str = include_str!("data/abbrev_ar.txt");

const fn base(
    index: usize,
    tables: &'static [&'static str],
    starters: &'static [&'static str],
    ordinal_dot: bool,
) -> Profile {
    Profile {
        tables,
        starters,
        period_ends: true,
        colon_ends: false,
        semicolon_ends: false,
        arabic_comma_ends: false,
        lower_continues: true,
        lower_continues_question: true,
        ordinal_dot,
        nouns_capitalized: false,
        index,
    }
}

static PROFILES: [Profile; 23] = [
    base(0, &[EN], EN_STARTERS, false),
    base(1, &[DA, EN], DA_STARTERS, true),
    Profile {
        nouns_capitalized: true,
        ..base(2, &[DE, EN], DE_STARTERS, true)
    },
    base(3, &[ES, EN], ES_STARTERS, false),
    base(4, &[FR, EN], FR_STARTERS, false),
    base(5, &[IT, EN], IT_STARTERS, false),
    base(6, &[NL, EN], NL_STARTERS, false),
    base(7, &[PL, EN], NONE, false),
    base(8, &[SK, EN], NONE, true),
    base(9, &[CYRL, EN], NONE, false),  // ru
    base(10, &[CYRL, EN], NONE, false), // bg
    Profile {
        // kk: "кім? не?" are two questions even though "не" is lowercase.
        lower_continues_question: false,
        ..base(11, &[CYRL, EN], NONE, false)
    },
    Profile {
        // el: ";" is the question mark; a lowercase word after a period still starts a
        // sentence (the Golden Rules expect it).
        semicolon_ends: true,
        lower_continues: false,
        lower_continues_question: false,
        ..base(12, &[EL, EN], NONE, false)
    },
    Profile {
        // hy: ":" (or "։") ends sentences; "." works like a colon.
        period_ends: false,
        colon_ends: true,
        ..base(13, &[], NONE, false)
    },
    Profile {
        colon_ends: true,
        arabic_comma_ends: true,
        ..base(14, &[AR], NONE, false)
    },
    base(15, &[AR], NONE, false), // fa
    base(16, &[AR], NONE, false), // ur
    base(17, &[EN], NONE, false), // hi
    base(18, &[EN], NONE, false), // mr
    base(19, &[], NONE, false),   // am
    base(20, &[], NONE, false),   // my
    base(21, &[EN], NONE, false), // ja
    base(22, &[EN], NONE, false), // zh
];

/// The rules for `language` (`Auto` must be resolved first; it falls back to English).
pub(crate) fn profile(language: Language) -> &'static Profile {
    let i = match language {
        Language::Auto | Language::En => 0,
        Language::Da => 1,
        Language::De => 2,
        Language::Es => 3,
        Language::Fr => 4,
        Language::It => 5,
        Language::Nl => 6,
        Language::Pl => 7,
        Language::Sk => 8,
        Language::Ru => 9,
        Language::Bg => 10,
        Language::Kk => 11,
        Language::El => 12,
        Language::Hy => 13,
        Language::Ar => 14,
        Language::Fa => 15,
        Language::Ur => 16,
        Language::Hi => 17,
        Language::Mr => 18,
        Language::Am => 19,
        Language::My => 20,
        Language::Ja => 21,
        Language::Zh => 22,
    };
    &PROFILES[i]
}

type Table = Vec<(&'static str, Abbr)>;

/// A table split for speed: keys of at most 8 bytes packed into integers (most
/// abbreviations) in a hash table, where most words cost one probe, and longer keys as
/// strings, sorted for binary search.
struct Lookup {
    /// Open addressing, linear probing: a power of two of slots, at least four per key,
    /// (0, _) for an empty one (no entry packs to 0: none starts with a NUL byte).
    short: Vec<(u64, Abbr)>,
    /// `64 - log2(short.len())`: the shift that takes a hash to a slot.
    shift: u32,
    long: Table,
}

impl Lookup {
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

/// `word` packed into a `u64` (bytes in order, zero-padded) if it has 1 to 8 bytes.
fn pack(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    Some(u64::from_be_bytes(buf))
}

impl Profile {
    /// The class of the abbreviation `lower` (lowercase, without its final period).
    pub fn abbreviation(&self, lower: &str) -> Option<Abbr> {
        match pack(lower) {
            Some(key) => self.abbreviation_key(key),
            None => {
                let table = self.lookup();
                table
                    .long
                    .binary_search_by(|(k, _)| (*k).cmp(lower))
                    .ok()
                    .map(|i| table.long[i].1)
            }
        }
    }

    /// [`Profile::abbreviation`] of a word of 1 to 8 bytes, given as its [`pack`]ed key.
    pub fn abbreviation_key(&self, key: u64) -> Option<Abbr> {
        let table = self.lookup();
        let mask = table.short.len() - 1;
        let mut i = table.slot(key);
        loop {
            match table.short[i] {
                (0, _) => return None,
                (k, class) if k == key => return Some(class),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The abbreviation tables, parsed on first use.
    fn lookup(&self) -> &'static Lookup {
        static TABLES: [OnceLock<Lookup>; 23] = [const { OnceLock::new() }; 23];
        TABLES[self.index].get_or_init(|| {
            let (mut keys, mut long) = (Vec::new(), Vec::new());
            for (word, class) in build_table(self.tables) {
                match pack(word) {
                    Some(key) => keys.push((key, class)),
                    None => long.push((word, class)),
                }
            }
            let slots = (keys.len() * 4).next_power_of_two().max(16);
            let mut table = Lookup {
                short: vec![(0, Abbr::Generic); slots],
                shift: 64 - slots.trailing_zeros(),
                long,
            };
            // The keys are distinct (the table has no duplicate words).
            for (key, class) in keys {
                let mut i = table.slot(key);
                while table.short[i].0 != 0 {
                    i = (i + 1) & (slots - 1);
                }
                table.short[i] = (key, class);
            }
            table
        })
    }

    /// Whether `word` (as written) usually starts a sentence. (The lists are sorted.)
    pub fn is_starter(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        self.starters.binary_search(&word).is_ok()
            || (self.index != 0 && EN_STARTERS.binary_search(&word).is_ok())
    }
}

/// Parses the tables into one sorted list; earlier tables win on duplicates.
fn build_table(sources: &[&'static str]) -> Table {
    let mut table: Table = Vec::new();
    for source in sources {
        for line in source.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, class) = line.rsplit_once(' ').unwrap_or((line, "g"));
            let class = match class {
                "t" => Abbr::Title,
                "x" => Abbr::NeverFinal,
                "n" => Abbr::Number,
                "m" => Abbr::Month,
                "p" => Abbr::Post,
                _ => Abbr::Generic,
            };
            table.push((word, class));
        }
    }
    // Stable sort keeps the earlier table's entry first among equal keys.
    crate::sort::sort_by(&mut table, |a, b| a.0 < b.0);
    table.dedup_by(|later, earlier| later.0 == earlier.0);
    table
}

/// Detects the language of `text` from its first 4 KB (see the module docs).
pub fn detect(text: &str) -> Language {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut counts = ScriptCounts::default();
    // Other characters decoded and counted, ASCII passed eight bytes at a time.
    let bytes = sample.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            if u64::from_le_bytes(*chunk) & HIGH_BITS == 0 {
                i += 8;
                continue;
            }
        }
        if bytes[i].is_ascii() {
            i += 1;
        } else {
            let c = sample[i..].chars().next().unwrap_or(' ');
            counts.add(c);
            i += c.len_utf8();
        }
    }
    // The ASCII letters' count only matters against another script's letters (most texts
    // have none); otherwise only whether there are letters at all.
    let others = counts.cyrillic
        + counts.greek
        + counts.armenian
        + counts.arabic
        + counts.devanagari
        + counts.han
        + counts.kana
        + counts.ethiopic
        + counts.myanmar;
    if others > 0 {
        counts.latin += ascii_letter_count(bytes);
    } else if counts.latin == 0 && bytes.iter().any(u8::is_ascii_alphabetic) {
        counts.latin = 1;
    }
    counts.language(sample)
}

/// How many ASCII letters `bytes` holds, eight bytes at a time.
fn ascii_letter_count(bytes: &[u8]) -> usize {
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    let letters: usize = chunks
        .map(|c| ascii_letters(u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))))
        .sum();
    letters + rest.iter().filter(|b| b.is_ascii_alphabetic()).count()
}

/// How many of the eight ASCII bytes in `word` are letters. (The multiplication sums the
/// eight 0-or-1 bytes into the top one: cheaper than a bit count where the CPU has no
/// instruction for it.)
fn ascii_letters(word: u64) -> usize {
    let letters = letter_bits(word) >> 7;
    (letters.wrapping_mul(ONES) >> 56) as usize
}

#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    cyrillic: usize,
    kazakh: usize,
    russian: usize,
    bulgarian: usize,
    greek: usize,
    armenian: usize,
    arabic: usize,
    persian: usize,
    urdu: usize,
    devanagari: usize,
    marathi: usize,
    han: usize,
    kana: usize,
    ethiopic: usize,
    myanmar: usize,
    /// Votes for the Latin-script languages from letters only one of them uses, by
    /// [`FUNCTION_WORDS`] row (counted here, where every non-ASCII character is decoded
    /// anyway).
    letters: [usize; 9],
}

impl ScriptCounts {
    fn add(&mut self, c: char) {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => {
                self.latin += 1;
                if let Some(lang) = latin_letter_language(c) {
                    self.letters[lang] += 1;
                }
            }
            '¿' | '¡' => self.letters[3] += 1,
            '\u{400}'..='\u{4FF}' => {
                self.cyrillic += 1;
                match c {
                    'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і' | 'Ә' | 'Ғ' | 'Қ' | 'Ң'
                    | 'Ө' | 'Ұ' | 'Ү' | 'І' => self.kazakh += 1,
                    'ы' | 'э' | 'ё' | 'Ы' | 'Э' => self.russian += 1,
                    'ъ' => self.bulgarian += 1,
                    _ => {}
                }
            }
            '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => self.greek += 1,
            '\u{530}'..='\u{58F}' => self.armenian += 1,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => {
                self.arabic += 1;
                match c {
                    'ے' | 'ں' | 'ٹ' | 'ڈ' | 'ڑ' | 'ھ' | 'ۓ' => self.urdu += 1,
                    'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => self.persian += 1,
                    _ => {}
                }
            }
            '\u{900}'..='\u{97F}' => {
                self.devanagari += 1;
                if c == 'ळ' {
                    self.marathi += 1;
                }
            }
            '\u{3040}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}' => self.kana += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => self.han += 1,
            '\u{1200}'..='\u{139F}' => self.ethiopic += 1,
            '\u{1000}'..='\u{109F}' => self.myanmar += 1,
            _ => {}
        }
    }

    fn language(&self, sample: &str) -> Language {
        let scripts = [
            (self.latin, 0),
            (self.cyrillic, 1),
            (self.greek, 2),
            (self.armenian, 3),
            (self.arabic, 4),
            (self.devanagari, 5),
            (self.han + self.kana, 6),
            (self.ethiopic, 7),
            (self.myanmar, 8),
        ];
        // First maximum wins, so ties go to Latin (English).
        let (count, script) = scripts.iter().fold(
            (0, 0),
            |best, &(n, s)| if n > best.0 { (n, s) } else { best },
        );
        if count == 0 {
            return Language::En;
        }
        match script {
            1 if self.kazakh > 0 => Language::Kk,
            1 if self.russian == 0 && self.bulgarian > 0 => Language::Bg,
            1 => Language::Ru,
            2 => Language::El,
            3 => Language::Hy,
            4 if self.urdu > 0 => Language::Ur,
            4 if self.persian > 0 => Language::Fa,
            4 => Language::Ar,
            5 if self.marathi > 0 => Language::Mr,
            5 => Language::Hi,
            6 if self.kana > 0 => Language::Ja,
            6 => Language::Zh,
            7 => Language::Am,
            8 => Language::My,
            _ => latin_language(sample, self.letters),
        }
    }
}

/// Frequent function words of the Latin-script languages, for the vote.
const FUNCTION_WORDS: &[(Language, &[&str])] = &[
    (
        Language::En,
        &[
            "the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "he", "she",
            "on", "are", "by", "this", "have",
        ],
    ),
    (
        Language::De,
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "ich", "zu", "den", "mit",
            "sich", "auf", "am", "im", "hat", "wird", "für", "von", "auch", "dem", "des",
        ],
    ),
    (
        Language::Fr,
        &[
            "le", "la", "les", "et", "est", "une", "des", "du", "dans", "que", "pas", "pour",
            "sur", "il", "au", "aux", "qui", "c'est", "elle", "ont",
        ],
    ),
    (
        Language::Es,
        &[
            "el", "los", "las", "y", "es", "una", "del", "que", "por", "con", "para", "está",
            "muy", "lo", "qué", "quién", "nadie", "pero", "más", "sus", "como", "fue",
        ],
    ),
    (
        Language::It,
        &[
            "il", "gli", "e", "è", "una", "del", "della", "che", "non", "per", "con", "sono",
            "alle", "nel", "della", "anche", "ma", "più",
        ],
    ),
    (
        Language::Nl,
        &[
            "de", "het", "een", "en", "van", "is", "niet", "dat", "op", "met", "zijn", "ik",
            "voor", "ook", "werd", "heeft",
        ],
    ),
    (
        Language::Da,
        &[
            "og", "er", "det", "en", "af", "til", "at", "ikke", "den", "med", "jeg", "på", "mit",
            "som", "har", "var", "kommer", "de", "i", "om", "hun", "han",
        ],
    ),
    (
        Language::Pl,
        &[
            "i", "w", "się", "nie", "na", "jest", "to", "że", "z", "do", "jak", "o", "po", "od",
            "oraz", "przez", "był", "była",
        ],
    ),
    (
        Language::Sk,
        &[
            "a", "je", "sa", "v", "na", "že", "to", "nie", "aj", "som", "pre", "ktorí", "bolo",
            "bol", "boli", "sú", "ako", "ale", "už", "tak",
        ],
    ),
];

/// Votes among the Latin-script languages; English wins ties. `letters`: the votes of
/// letters only one of them uses (see [`ScriptCounts`]).
fn latin_language(sample: &str, letters: [usize; 9]) -> Language {
    let mut votes = letters;
    vote_function_words(sample, &mut votes);
    let mut best = 0;
    for i in 1..votes.len() {
        if votes[i] > votes[best] {
            best = i;
        }
    }
    FUNCTION_WORDS[best].0
}

/// Adds a vote per language for each of the first 2000 words (runs of letters) of at most
/// 6 bytes that its function-word list has.
///
/// The text is read eight bytes at a time: in a chunk of ASCII bytes one letter mask gives
/// every word that starts there, its length and (shifted, lowercased, cut by a mask) its
/// key; a word that runs past the chunk starts the next chunk, and a chunk with other
/// characters takes the word-at-a-time path ([`read_word`]).
fn vote_function_words(sample: &str, votes: &mut [usize; 9]) {
    let (table, shapes) = function_word_table();
    let mut vote = |key: u64| {
        if let Some(mut langs) = table.get(key) {
            while langs != 0 {
                votes[langs.trailing_zeros() as usize] += 1;
                langs &= langs - 1;
            }
        }
    };
    let bytes = sample.as_bytes();
    let (mut i, mut words) = (0, 0);
    // Invariant: a letter at `i` starts a word (the word before it, if any, was read).
    'text: while words < 2000 {
        let c = match bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            Some(chunk) => u64::from_le_bytes(*chunk),
            None => 0x80, // the last bytes: word at a time
        };
        if c & HIGH_BITS != 0 {
            i = next_letter(sample, i);
            if i >= bytes.len() {
                break;
            }
            if let Some(key) = read_word(sample, &mut i, &mut words, shapes) {
                vote(key);
            }
            continue;
        }
        let letters = letter_bits(c);
        // The top bit of each lane where a word starts (lane 0: by the invariant).
        let mut starts = letters & !(letters << 8);
        let stops = !letters & HIGH_BITS;
        let mut next = i + 8;
        while starts != 0 {
            if words == 2000 {
                break 'text;
            }
            let s = starts.trailing_zeros();
            starts &= starts - 1;
            let after = stops & (u64::MAX << s);
            if after == 0 {
                // The word runs past the chunk (so it is the chunk's last): the next chunk
                // starts with it, unless it fills this one (too long to vote).
                next = if s == 7 {
                    word_end(sample, i + 8)
                } else {
                    i + s as usize / 8
                };
                break;
            }
            let n = ((after.trailing_zeros() - s) / 8) as usize;
            if n > 6 {
                continue;
            }
            words += 1;
            let word = c >> (s - 7);
            // Most words have no listed word's first letter and length: one test, no search.
            if !wordkey::may_list_shape(shapes, word as u8 | 0x20, n) {
                continue;
            }
            let key = (word | (ONES * 0x20)) & (u64::MAX >> (64 - 8 * n));
            debug_assert_eq!(key, {
                let at = i + s as usize / 8;
                short_key(&bytes[at..at + n])
            });
            vote(key);
        }
        i = next;
    }
}

/// Reads the word starting at `*i` (a letter): moves `*i` past it, counts it in `words` if
/// it has at most 6 bytes, and returns its [`short_key`] if its shape may be listed.
fn read_word(sample: &str, i: &mut usize, words: &mut usize, shapes: &[u32; 26]) -> Option<u64> {
    let bytes = sample.as_bytes();
    let start = *i;
    // Most words: ASCII letters up to an ASCII non-letter within the next eight bytes,
    // read from one load (lowercased and cut to the word by masks).
    if let Some(chunk) = bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        let c = u64::from_le_bytes(*chunk);
        let stops = !letter_bits(c) & HIGH_BITS;
        let n = stops.trailing_zeros() as usize / 8;
        if n == 8 {
            // Eight letters or more: too long to vote.
            *i = word_end(sample, start + 8);
            return None;
        }
        if (c >> (8 * n)) & 0x80 == 0 {
            *i = start + n;
            if n > 6 {
                return None;
            }
            *words += 1;
            if !wordkey::may_list_shape(shapes, chunk[0] | 0x20, n) {
                return None;
            }
            let key = (c | (ONES * 0x20)) & (u64::MAX >> (64 - 8 * n));
            debug_assert_eq!(key, short_key(&bytes[start..start + n]));
            return Some(key);
        }
    }
    any_word(sample, i, words, shapes)
}

/// The vote's slow path for the word starting at `*i` (one with non-ASCII letters, or
/// near the end): moves `*i` past it, counts it in `words` if it has at most 6 bytes, and
/// returns its [`short_key`] if its shape may be listed.
fn any_word(sample: &str, i: &mut usize, words: &mut usize, shapes: &[u32; 26]) -> Option<u64> {
    let start = *i;
    *i = word_end(sample, start);
    let word = &sample.as_bytes()[start..*i];
    if word.len() > 6 {
        return None;
    }
    *words += 1;
    // Most words have no listed word's first letter and length: one test, no search.
    if !wordkey::may_list_shape(shapes, word[0].to_ascii_lowercase(), word.len()) {
        return None;
    }
    Some(short_key(word))
}

/// The first letter at or after `i` (a char boundary of `s`), or the end: ASCII non-letters
/// are passed eight at a time, other characters decoded.
fn next_letter(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            let c = u64::from_le_bytes(*chunk);
            let stop = letter_bits(c) | (c & HIGH_BITS);
            if stop == 0 {
                i += 8;
                continue;
            }
            i += stop.trailing_zeros() as usize / 8;
        }
        let Some(&b) = bytes.get(i) else {
            return bytes.len();
        };
        match BYTE_CLASS[b as usize] {
            ASCII_LETTER => return i,
            OTHER => match decode_class(s, i) {
                (_, true) => return i,
                (len, false) => i += len,
            },
            _ => i += 1,
        }
    }
}

/// The end of the run of letters starting at `i` (a char boundary of `s`).
fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    // ASCII letters eight at a time; then whatever ends the run, or a non-ASCII letter.
    i = crate::ascii::letters_end(bytes, i);
    while i < bytes.len() {
        match BYTE_CLASS[bytes[i] as usize] {
            ASCII_LETTER => i += 1,
            OTHER => match decode_class(s, i) {
                (len, true) => i += len,
                _ => break,
            },
            _ => break,
        }
    }
    i
}

/// The byte length of the (non-ASCII) character at `i` and whether it is a letter.
fn decode_class(s: &str, i: usize) -> (usize, bool) {
    let c = s[i..].chars().next().unwrap_or(' ');
    (c.len_utf8(), c.is_alphabetic())
}

/// [`BYTE_CLASS`]: an ASCII letter, another ASCII byte, a byte of a longer character.
const ASCII_LETTER: u8 = 1;
const ASCII_OTHER: u8 = 0;
const OTHER: u8 = 2;

/// What each byte is, for the word pass; a character's continuation bytes are never
/// looked up (the pass moves from one char boundary to the next).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = if (b as u8).is_ascii_alphabetic() {
            ASCII_LETTER
        } else {
            ASCII_OTHER
        };
        b += 1;
    }
    t
};

/// The vote's key of a word of 1 to 6 bytes: its bytes ASCII-lowercased, little-endian in
/// a `u64` (the first byte lowest, as eight bytes of text load), zero-padded (never 0: a
/// word has no zero byte).
fn short_key(word: &[u8]) -> u64 {
    word.iter()
        .rev()
        .fold(0u64, |k, &b| k << 8 | u64::from(b.to_ascii_lowercase()))
}

/// The language (a [`FUNCTION_WORDS`] row) of a letter only one of them uses.
fn latin_letter_language(c: char) -> Option<usize> {
    Some(match c {
        'ß' | 'ö' | 'ü' => 1,
        'ç' | 'è' | 'ê' | 'à' | 'œ' => 2,
        'ñ' => 3,
        'ì' | 'ò' | 'ù' => 4,
        'ø' | 'æ' | 'å' => 6,
        'ł' | 'ś' | 'ż' | 'ź' | 'ę' | 'ą' | 'ć' | 'ń' => 7,
        'ľ' | 'ĺ' | 'ŕ' | 'ô' | 'ť' | 'ď' | 'ň' | 'š' | 'č' | 'ž' | 'ý' => 8,
        _ => return None,
    })
}

/// Every function word of at most 6 bytes, as a [`short_key`] (ASCII-lowercased, as the
/// vote compares), with the set of languages whose list has it, one bit per
/// [`FUNCTION_WORDS`] row, in a hash table, so a word costs a probe or two instead of a
/// comparison with every list. With the lists' [`wordkey::shapes`], to turn most words
/// away before it.
fn function_word_table() -> &'static (WordSet, [u32; 26]) {
    static TABLE: OnceLock<(WordSet, [u32; 26])> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordSet {
            slots: [(0, 0); WORD_SLOTS],
        };
        let mut shapes = [0u32; 26];
        for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            for (all, one) in shapes.iter_mut().zip(wordkey::shapes(words)) {
                *all |= one;
            }
            // Longer words could never match: the vote reads words of at most 6 bytes.
            for &w in words.iter().filter(|w| w.len() <= 6) {
                debug_assert!(!w.bytes().any(|b| b.is_ascii_uppercase()), "{w}");
                if !w.is_empty() {
                    table.add(short_key(w.as_bytes()), 1 << i);
                }
            }
        }
        (table, shapes)
    })
}

/// Slots of [`WordSet`]: a power of two, over twice the number of function words.
const WORD_SLOTS: usize = 512;

/// An open-addressing hash table from [`short_key`]s to sets of languages.
struct WordSet {
    /// (key, languages); key 0 marks an empty slot.
    slots: [(u64, u16); WORD_SLOTS],
}

impl WordSet {
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize % WORD_SLOTS
    }

    fn add(&mut self, key: u64, langs: u16) {
        let mut i = Self::slot(key);
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) % WORD_SLOTS;
        }
        self.slots[i].0 = key;
        self.slots[i].1 |= langs;
    }

    fn get(&self, key: u64) -> Option<u16> {
        let mut i = Self::slot(key);
        loop {
            match self.slots[i] {
                (0, _) => return None,
                (k, langs) if k == key => return Some(langs),
                _ => i = (i + 1) % WORD_SLOTS,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in Language::codes() {
            assert_eq!(Language::parse(code).unwrap().code(), code);
        }
        assert_eq!(Language::parse("EN"), Some(Language::En));
        assert_eq!(Language::parse("xx"), None);
    }

    #[test]
    fn starter_lists_are_sorted_for_binary_search() {
        for list in [
            EN_STARTERS,
            DA_STARTERS,
            DE_STARTERS,
            ES_STARTERS,
            FR_STARTERS,
            IT_STARTERS,
            NL_STARTERS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(profile(Language::En).is_starter("The"));
        assert!(!profile(Language::En).is_starter("Army"));
        assert!(profile(Language::Da).is_starter("Hvad"));
        assert!(profile(Language::Da).is_starter("How"));
    }

    #[test]
    fn tables_parse_and_classify() {
        let en = profile(Language::En);
        assert_eq!(en.abbreviation("mr"), Some(Abbr::Title));
        assert_eq!(en.abbreviation("inc"), Some(Abbr::Post));
        assert_eq!(en.abbreviation("e.g"), Some(Abbr::NeverFinal));
        assert_eq!(en.abbreviation("house"), None);
        let de = profile(Language::De);
        assert_eq!(de.abbreviation("vgl"), Some(Abbr::NeverFinal));
        assert_eq!(de.abbreviation("mr"), Some(Abbr::Title));
        assert_eq!(en.abbreviation("assemblyman"), Some(Abbr::Title));
        assert_eq!(
            profile(Language::Ru).abbreviation("напр"),
            Some(Abbr::NeverFinal)
        );
        assert_eq!(
            profile(Language::Ru).abbreviation("т.нар"),
            Some(Abbr::NeverFinal)
        );
        assert_eq!(en.abbreviation(""), None);
    }

    /// The hash table (and the list of longer keys) finds what a search of the parsed table
    /// finds: every entry, in every profile, and nothing else.
    #[test]
    fn lookups_match_the_parsed_tables() {
        let mut probes = vec![
            "house",
            "the",
            "a",
            "zz",
            "mrs",
            "massachusetts",
            "assemblymen",
            "\0",
            "approxima",
        ];
        for language in Language::codes().filter_map(Language::parse) {
            let profile = profile(language);
            let table = build_table(profile.tables);
            let find = |word: &str| {
                table
                    .binary_search_by(|(k, _)| (*k).cmp(word))
                    .ok()
                    .map(|i| table[i].1)
            };
            probes.extend(table.iter().map(|(w, _)| *w));
            for &word in &probes {
                assert_eq!(profile.abbreviation(word), find(word), "{word}");
            }
        }
    }

    /// The vote as first written, every character decoded: what the fast paths must match.
    fn reference_votes(sample: &str) -> [usize; 9] {
        let mut votes = [0usize; 9];
        let words = sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && w.len() <= 6)
            .take(2000);
        for word in words {
            for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
                let lower = word.to_ascii_lowercase();
                votes[i] += usize::from(list.iter().any(|w| w.len() <= 6 && *w == lower));
            }
        }
        for c in sample.chars() {
            match c {
                '¿' | '¡' => votes[3] += 1,
                c => {
                    votes[latin_letter_language(c).unwrap_or(0)] +=
                        usize::from(latin_letter_language(c).is_some())
                }
            }
        }
        votes
    }

    #[test]
    fn fast_vote_matches_the_reference() {
        let mut samples: Vec<String> = [
            "The council met on Monday and voted.",
            "Der Rat hat am Montag nicht abgestimmt, und das ist für alle neu.",
            "¿Qué? ¡Nadie está aquí! Más y más, pero sus cosas fue así.",
            "Że był na się, ktorí sú už tak. Ça è più. Ølen på mit hus.",
            "THE AND Of tO IS—in“that”it’s 12x the3and4of ß ÖSTERREICH",
            "a a a a a a a a the the the",
            "Österreichische Straßenbahnen fahren über die Brücke, naïveté und déjà-vu@dem das",
            "abcdefgh das abcdefghijklmnop die abcdefg\u{e9} der zwölfzwölf des",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // More than 2000 short words, and words of every length around the limit.
        samples.push("the a ".repeat(1200));
        samples.push("og ".repeat(2100) + "de de de");
        samples.push((1..12).map(|n| "e".repeat(n) + " und ").collect());
        // Pseudo-random mixtures of function words, long words, other scripts' letters,
        // accents and punctuation, so words end at every offset of an eight-byte load.
        let pieces = [
            "the",
            "And",
            "OF",
            "de",
            "y",
            "è",
            "é",
            "für",
            "się",
            "że",
            "ñ",
            "¿",
            "Ä",
            "中",
            "ε",
            " ",
            " ",
            " ",
            ", ",
            ".",
            "\n",
            "1",
            "-",
            "'",
            "aaaaaaa",
            "bbbbbbbbb",
            "x",
            "Straße",
            "på",
            "ktorí",
            "c'est",
            "qué",
            "\u{a0}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in [3, 7, 20, 200, 6000] {
            let mut sample = String::new();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                sample.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            samples.push(sample);
        }
        for sample in &samples {
            let mut counts = ScriptCounts::default();
            for c in sample.chars().filter(|c| !c.is_ascii()) {
                counts.add(c);
            }
            let mut votes = counts.letters;
            vote_function_words(sample, &mut votes);
            assert_eq!(votes, reference_votes(sample), "{sample:?}");
        }
        let mut ascii = 0;
        for (k, b) in (0..=127u8).enumerate() {
            let word = u64::from_le_bytes([b, b'a', b'Z', 0, b'@', b'[', b'`', b'{']);
            ascii += ascii_letters(word);
            assert_eq!(
                ascii,
                (k + 1) * 2 + (0..=b).filter(u8::is_ascii_alphabetic).count()
            );
        }
    }

    /// Detection as it was before the ASCII letters were counted only when they compete.
    fn reference_detect(text: &str) -> Language {
        let mut end = text.len().min(4096);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        let mut counts = ScriptCounts::default();
        for c in sample.chars() {
            if c.is_ascii() {
                counts.latin += usize::from(c.is_ascii_alphabetic());
            } else {
                counts.add(c);
            }
        }
        counts.language(sample)
    }

    #[test]
    fn detection_matches_the_reference() {
        let texts = [
            "The council met on Monday and voted.",
            "¿¡",
            "¿Qué? 12 345",
            "1234 !!! ...",
            "",
            "Совет the and of собрался",
            "The and of to is in Совет",
            "ab Сов",
            "abc Сов",
            "Le conseil a voté et la ville 市议会周一开会 est pour le plan.",
            "Zürich ß über",
            "é",
            "ÖÖ ЖЖ",
            "Ö ЖЖ a",
        ];
        for text in texts {
            assert_eq!(detect(text), reference_detect(text), "{text:?}");
            let long = text.repeat(400);
            assert_eq!(detect(&long), reference_detect(&long), "{text:?} repeated");
        }
    }

    #[test]
    fn detects_scripts_and_latin_languages() {
        assert_eq!(detect("The council met on Monday and voted."), Language::En);
        assert_eq!(
            detect("Der Rat hat am Montag nicht abgestimmt, und das ist neu."),
            Language::De
        );
        assert_eq!(
            detect("Le conseil a voté et la ville est pour le plan."),
            Language::Fr
        );
        assert_eq!(detect("Совет собрался в понедельник."), Language::Ru);
        assert_eq!(detect("Кеңес дүйсенбіде жиналды."), Language::Kk);
        assert_eq!(detect("市议会周一开会。"), Language::Zh);
        assert_eq!(detect("市議会は月曜日に開かれました。"), Language::Ja);
        assert_eq!(detect("عقد المجلس اجتماعه يوم الاثنين."), Language::Ar);
        assert_eq!(detect(""), Language::En);
    }
}
