//! Stage 6, figures: the numbers of an article and what they mean.
//!
//! Input: text and its sentences. Output: [`Fact`]s — span, kind, normalized value, unit or
//! ISO currency, approximate/bound qualifiers, the thing counted — following the gold set's
//! schema (`shared/data/facts/SCHEMA.md`). This first version recognises numbers in digits
//! and in simple words, money with a currency sign, percentages, a few measures and dates
//! with month names. Cost: one regex pass, O(n).

use crate::segment::Segment;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// How many of something.
    Count,
    /// An amount of money.
    Money,
    /// A percentage or percentage points.
    Percent,
    /// A fraction or multiple.
    Ratio,
    /// A physical quantity with a unit.
    Measure,
    /// Someone's age.
    Age,
    /// A length of time.
    Duration,
    /// A calendar date or period.
    Date,
    /// A clock time.
    Time,
    /// A rank or position.
    Ordinal,
    /// A sports score or vote tally.
    Score,
}

/// A normalized value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A number.
    Number(f64),
    /// A range `[lo, hi]`.
    Range([f64; 2]),
    /// A TIMEX-like date or time, or a score such as `"2-1"`.
    Text(String),
    /// A range of dates or times.
    TextRange([String; 2]),
    /// No exact value ("tens of thousands").
    None,
}

/// Whether a bound is a minimum or maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// "more than", "at least", "over".
    Min,
    /// "up to", "less than", "under", "nearly".
    Max,
}

/// One key figure. Offsets are byte offsets into the text given to the pipeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// The figure as written.
    pub text: String,
    /// Byte offset of the span.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Its normalized value.
    pub value: Value,
    /// ISO 4217 currency, `%`/`pp`, or a measurement unit.
    pub unit: Option<String>,
    /// Hedged or vague.
    pub approximate: bool,
    /// A lower or upper bound.
    pub bound: Option<Bound>,
    /// For counts: the thing counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// Byte offset of `counted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_start: Option<usize>,
    /// Byte end of `counted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_end: Option<usize>,
    /// The sentence the figure is in.
    pub sentence: usize,
}

const NUMBER: &str = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?";
const SCALE: &str = r"trillion|billion|million|thousand|bn|m|k";
const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.";
const WORD_NUMBERS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words: Vec<&str> = WORD_NUMBERS.iter().map(|(w, _)| *w).collect();
        let words = words.join("|");
        let re = format!(
            r"(?x)
            (?P<money>(?:US\$|\$|€|£|¥|₹)(?-u:\s)?{NUMBER}(?:(?-u:\s)?(?:{SCALE})(?-u:\b))?)
            | (?P<date>(?:{MONTHS})(?-u:\s)[0-9]{{1,2}}(?:,(?-u:\s)[0-9]{{4}})?(?-u:\b) | (?:{MONTHS})(?-u:\s)[0-9]{{4}}(?-u:\b))
            | (?P<percent>{NUMBER}(?-u:\s)?(?:%|(?-u:\s)per(?-u:\s)cent|(?-u:\s)percent))
            | (?P<measure>{NUMBER}(?-u:\s)?(?:km|kilometers|kilometres|miles|square(?-u:\s)miles|kg|pounds|tons|meters|metres|feet|degrees)(?-u:\b))
            | (?P<number>(?-u:\b){NUMBER}(?:(?-u:\s)(?:trillion|billion|million|thousand))?(?-u:\b))
            | (?P<words>(?-u:\b)(?:{words})(?-u:\b))
            "
        );
        Regex::new(&re).expect("figure pattern compiles")
    })
}

/// Finds the figures of `text`; `sentences` tells which sentence each lies in.
pub fn extract(text: &str, sentences: &[Segment]) -> Vec<Fact> {
    let mut facts = Vec::new();
    for caps in pattern().captures_iter(text) {
        let m = caps.get(0).unwrap();
        let s = m.as_str();
        let (kind, value, unit) = if caps.name("money").is_some() {
            (
                Kind::Money,
                Value::Number(parse_scaled(s)),
                Some(currency(s).to_string()),
            )
        } else if caps.name("date").is_some() {
            (Kind::Date, Value::Text(parse_date(s)), None)
        } else if caps.name("percent").is_some() {
            (
                Kind::Percent,
                Value::Number(parse_scaled(s)),
                Some("%".to_string()),
            )
        } else if caps.name("measure").is_some() {
            let unit = s
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
                .trim();
            (
                Kind::Measure,
                Value::Number(parse_scaled(s)),
                Some(normalize_unit(unit).to_string()),
            )
        } else if caps.name("number").is_some() {
            let v = parse_scaled(s);
            if is_year(s) {
                (Kind::Date, Value::Text(s.to_string()), None)
            } else {
                (Kind::Count, Value::Number(v), None)
            }
        } else {
            let lower = s.to_ascii_lowercase();
            let v = WORD_NUMBERS
                .iter()
                .find(|(w, _)| *w == lower)
                .map_or(0.0, |(_, v)| *v);
            (Kind::Count, Value::Number(v), None)
        };
        if is_inside_identifier(text, m.start(), m.end()) {
            continue;
        }
        let before = &text[..m.start()];
        facts.push(Fact {
            text: s.to_string(),
            start: m.start(),
            end: m.end(),
            kind,
            value,
            unit,
            approximate: ends_with_any(
                before,
                &[
                    "about ", "around ", "roughly ", "some ", "nearly ", "almost ",
                ],
            ),
            bound: bound(before),
            counted: None,
            counted_start: None,
            counted_end: None,
            sentence: sentences.partition_point(|seg| seg.end <= m.start()),
        });
    }
    facts
}

fn ends_with_any(before: &str, words: &[&str]) -> bool {
    let tail = &before[before.len().saturating_sub(16)..].to_ascii_lowercase();
    words.iter().any(|w| tail.ends_with(w))
}

fn bound(before: &str) -> Option<Bound> {
    if ends_with_any(before, &["more than ", "over ", "at least ", "above "]) {
        Some(Bound::Min)
    } else if ends_with_any(
        before,
        &[
            "up to ",
            "less than ",
            "fewer than ",
            "under ",
            "below ",
            "nearly ",
            "almost ",
        ],
    ) {
        Some(Bound::Max)
    } else {
        None
    }
}

/// "COVID-19", "F-16", "G7": a number glued to letters or a hyphenated name.
fn is_inside_identifier(text: &str, start: usize, end: usize) -> bool {
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    matches!(prev, Some(c) if c.is_alphabetic() || c == '-')
        || matches!(next, Some(c) if c.is_alphabetic())
}

fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.starts_with("19") || s.starts_with("20"))
}

fn parse_scaled(s: &str) -> f64 {
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let base: f64 = digits.trim_end_matches('.').parse().unwrap_or(0.0);
    let rest = s[s.find(|c: char| c.is_ascii_digit()).unwrap_or(0)..]
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
        .trim();
    let scale = match rest {
        r if r.starts_with("trillion") => 1e12,
        r if r.starts_with("billion") || r == "bn" => 1e9,
        r if r.starts_with("million") || r == "m" => 1e6,
        r if r.starts_with("thousand") || r == "k" => 1e3,
        _ => 1.0,
    };
    base * scale
}

fn currency(s: &str) -> &'static str {
    match s.chars().next() {
        Some('€') => "EUR",
        Some('£') => "GBP",
        Some('¥') => "JPY",
        Some('₹') => "INR",
        _ => "USD",
    }
}

fn normalize_unit(unit: &str) -> &str {
    match unit {
        "kilometers" | "kilometres" => "km",
        "miles" => "mi",
        "square miles" => "mi2",
        "pounds" => "lb",
        "tons" => "t",
        "meters" | "metres" => "m",
        "feet" => "ft",
        "degrees" => "°",
        other => other,
    }
}

fn parse_date(s: &str) -> String {
    let month_names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = s.to_ascii_lowercase();
    let month = month_names
        .iter()
        .position(|m| lower.starts_with(m))
        .map_or(0, |i| i + 1);
    let numbers: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    match numbers.as_slice() {
        [year] if year.len() == 4 => format!("{year}-{month:02}"),
        [day] => format!("XXXX-{month:02}-{:02}", day.parse::<u32>().unwrap_or(0)),
        [day, year] => format!("{year}-{month:02}-{:02}", day.parse::<u32>().unwrap_or(0)),
        _ => format!("XXXX-{month:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn finds_money_percent_dates_counts() {
        let text = "The plan costs $800 billion, up 3.5% since March 4, 2024, and employs about 11,000 people. COVID-19 hit in 2020.";
        let facts = extract(text, &segment(text));
        let got: Vec<(&str, Kind)> = facts.iter().map(|f| (f.text.as_str(), f.kind)).collect();
        assert_eq!(
            got,
            [
                ("$800 billion", Kind::Money),
                ("3.5%", Kind::Percent),
                ("March 4, 2024", Kind::Date),
                ("11,000", Kind::Count),
                ("2020", Kind::Date)
            ]
        );
        assert_eq!(facts[0].value, Value::Number(8e11));
        assert_eq!(facts[0].unit.as_deref(), Some("USD"));
        assert_eq!(facts[2].value, Value::Text("2024-03-04".into()));
        assert!(facts[3].approximate);
        assert_eq!(facts[4].sentence, 1);
    }
}
