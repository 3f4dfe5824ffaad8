//! Deterministic news-style text for benchmarks (no copyrighted text in the repo).
//!
//! `article(seed, words)` writes a headline, a byline and paragraphs of sentences built from
//! templates with names, places, money, percentages, counts, dates, quotes and abbreviations,
//! so every stage (segmentation, figures, scoring) does representative work. The same seed
//! always gives the same text. Shared by the criterion benches and `cargo xtask bench`
//! (included with `#[path]`).

#![allow(dead_code)]

/// A small xorshift generator: fixed seeds, identical output on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PEOPLE: &[&str] = &[
    "Mr. Alvarez",
    "Dr. Okafor",
    "Gov. Lindqvist",
    "Sen. Marsh",
    "Ms. Tanaka",
    "Prof. Haddad",
    "Mayor Chen",
    "Mrs. Kowalski",
    "Gen. Brandt",
    "Judge Osei",
];
const PLACES: &[&str] = &[
    "the U.S.",
    "northern Italy",
    "the port city",
    "the capital",
    "Lagos",
    "the coastal region",
    "the valley",
    "St. Louis",
    "the U.K.",
    "the border province",
];
const ORGS: &[&str] = &[
    "the central bank",
    "Acme Corp.",
    "the health ministry",
    "the city council",
    "the union",
    "Northwind Inc.",
    "the World Bank",
    "the school board",
    "the port authority",
    "the utility",
];
const THINGS: &[&str] = &[
    "workers", "homes", "students", "patients", "soldiers", "voters", "flights", "families",
    "farms", "vehicles",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "announced",
    "delayed",
    "expanded",
    "cut",
    "proposed",
    "defended",
    "reviewed",
    "criticised",
];
const NOUNS: &[&str] = &[
    "budget",
    "plan",
    "contract",
    "inquiry",
    "merger",
    "reform",
    "strike",
    "programme",
    "loan",
    "ceasefire",
];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

fn money(r: &mut Rng) -> String {
    match r.below(4) {
        0 => format!("${}.{} billion", 1 + r.below(900), r.below(10)),
        1 => format!("€{}m", 1 + r.below(500)),
        2 => format!("£{},{:03}", 1 + r.below(99), r.below(1000)),
        _ => format!("{} million dollars", 2 + r.below(80)),
    }
}

fn sentence(r: &mut Rng) -> String {
    let person = r.pick(PEOPLE);
    let org = r.pick(ORGS);
    let place = r.pick(PLACES);
    let noun = r.pick(NOUNS);
    match r.below(9) {
        0 => format!(
            "{} {} a {} {} on {} {}, according to officials in {}.",
            capitalise(org),
            r.pick(VERBS),
            money(r),
            noun,
            r.pick(MONTHS),
            1 + r.below(28),
            place
        ),
        1 => format!(
            "About {},{:03} {} were affected, up {}.{}% from last year.",
            1 + r.below(90),
            r.below(1000),
            r.pick(THINGS),
            r.below(40),
            r.below(10)
        ),
        2 => format!(
            "\"We did not expect the {} to move this fast,\" {} said on Tuesday.",
            noun, person
        ),
        3 => format!(
            "{} said the {} would take at least {} years and cost more than {}.",
            person,
            noun,
            2 + r.below(9),
            money(r)
        ),
        4 => format!(
            "The {} covers {} square miles and serves nearly {} {}.",
            noun,
            10 + r.below(900),
            100 + r.below(9000),
            r.pick(THINGS)
        ),
        5 => format!(
            "In {}, {} {} the {} after a {}-{} vote at 10:30 a.m. on Wednesday.",
            1990 + r.below(35),
            org,
            r.pick(VERBS),
            noun,
            5 + r.below(20),
            r.below(5)
        ),
        6 => format!(
            "Critics, including {}, questioned whether {} could afford it?",
            person, org
        ),
        7 => format!(
            "Temperatures reached {} degrees as {} {} trucks crossed {}.",
            25 + r.below(20),
            3 + r.below(40),
            r.pick(THINGS),
            place
        ),
        _ => format!(
            "{} is expected to publish a report on the {} in {} {}.",
            capitalise(org),
            noun,
            r.pick(MONTHS),
            2020 + r.below(10)
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// A news-style article of about `words` words.
pub fn article(seed: u64, words: usize) -> String {
    let mut r = Rng::new(seed);
    let mut out = format!(
        "{} {} {} in {}\nBy Staff Reporter\n\n",
        capitalise(r.pick(ORGS)),
        r.pick(VERBS),
        r.pick(NOUNS),
        r.pick(PLACES)
    );
    let mut count = 0;
    while count < words {
        for _ in 0..2 + r.below(3) {
            let s = sentence(&mut r);
            count += s.split_whitespace().count();
            out.push_str(&s);
            out.push(' ');
        }
        out.pop();
        out.push_str("\n\n");
    }
    out
}

/// A long document: articles of ~1,000 words one after another, about `words` words in all.
pub fn document(words: usize) -> String {
    let (mut out, mut count, mut seed) = (String::new(), 0, 1);
    while count < words {
        let next = article(seed, 1_000.min(words));
        count += next.split_whitespace().count();
        out.push_str(&next);
        seed += 1;
    }
    out
}

/// About `bytes` bytes of articles.
pub fn document_of_bytes(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 8_000);
    let mut seed = 1;
    while out.len() < bytes {
        out.push_str(&article(seed, 1_000));
        seed += 1;
    }
    out
}

/// Short patterns that stress a segmenter's look-back and look-ahead when repeated for a
/// long run (shared by the segment bench and its property test).
pub const PATHOLOGICAL_PATTERNS: &[&str] = &[
    ". ",
    "a.",
    "\"a. ",
    "(a. ",
    "U.S. ",
    "• ",
    "1. ",
    "\n",
    "a\n",
    "'x ",
    "... ",
    "a.a",
    ".\n",
    "Mr. ",
    "「あ。",
    "x?\n\n",
    "(",
    "\"",
    "1) ",
    "a, \n",
    "a. b. ",
    "x\r",
    "،",
    "A.\n",
    "(i) ",
    "' ",
    "…",
    "-- ",
    "5 a.m. ",
    "\u{202a}.\u{202c} ",
    "٫",
    "\r\n\r\n",
    // Non-prose material: tags, escapes, separators, leaders (bounded scans at edges).
    ".<a",
    "<a ",
    "&lt;a",
    "x.\\n",
    "\\n",
    "<p>x</p>\n",
    ">",
    "/",
    "////x",
    "x.....5\n",
    "x..... ",
    "7\n",
];
