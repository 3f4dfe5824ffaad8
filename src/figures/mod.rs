//! Stage 6, figures: the numbers of an article and what they mean.
//!
//! Input: normalized text and its sentences. Output: [`Fact`]s — span, kind, normalized value,
//! unit or ISO currency, approximate/bound qualifiers, the thing counted, the rate denominator —
//! following the gold set's schema (`shared/data/facts/SCHEMA.md`).
//!
//! How: `token` splits the text once; a left-to-right scan tries, at each token, the
//! recognizers in order — identifiers and phone numbers (skipped: "COVID-19", "Boeing 737"),
//! clock times and dates (`dates`), money with a sign before the number, then a number
//! (`numbers`, digits or words) with what follows it: a currency word, a unit (`units`), an
//! ordinal suffix, "in six" for ratios, a score "2-1". A second pass joins ranges ("10-15%",
//! "between 2019 and 2022", "$2bn to $3bn"), then qualifiers and counted nouns are read around
//! each figure (`lexicon`). Cost: one pass over the tokens with bounded look-ahead and
//! look-behind per token, O(n); tables are built once (OnceLock); allocation is one token
//! vector and one lowercase copy per block of text, and the strings of each figure — none
//! per token. Long texts are read in blocks of about [`BLOCK`] bytes that end at a paragraph
//! break (or, inside a very long paragraph, at a sentence break) — a figure never spans a
//! sentence — so the scratch space stays bounded whatever the size of the text.
//! No regex: the grammar is token-level code over data tables, which keeps it linear and small.

mod dates;
mod lexicon;
mod numbers;
mod token;
mod units;

use crate::segment::Segment;
use dates::What;
use numbers::Number;
use serde::Serialize;
use std::borrow::Cow;
use token::{Doc, TokKind};
use units::{Table, UnitKind};

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
    /// A range of dates or times (boxed: rare, and it would make every figure 8 bytes larger).
    TextRange(Box<[String; 2]>),
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
    /// ISO 4217 currency, `%`/`pp`, or a measurement unit (from the library's tables, so
    /// borrowed: no allocation per figure).
    pub unit: Option<Cow<'static, str>>,
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
    /// The denominator of a rate, not in the span: "a barrel", "per share", "per dollar" → "USD".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The sentence the figure is in.
    pub sentence: usize,
}

/// A figure while it is being built: spans in tokens.
#[derive(Clone, Debug)]
struct Raw {
    start: usize,
    end: usize,
    kind: Kind,
    value: Value,
    unit: Option<&'static str>,
    approximate: bool,
    bound: Option<Bound>,
    counted: Option<(usize, usize)>,
    per: Option<String>,
    /// Scale words in the number ("million"), for ranges such as "$2-3 billion".
    scale: f64,
    /// A number with nothing after it: it may take the unit of a range partner ("10-15%").
    bare: bool,
    /// Whether the qualifier look-behind applies (not inside "between … and").
    hedgeable: bool,
    /// Written in words ("three-four" is not a range the way "3-4" is).
    spelled: bool,
}

impl Raw {
    fn new(start: usize, end: usize, kind: Kind, value: Value, unit: Option<&'static str>) -> Raw {
        Raw {
            start,
            end,
            kind,
            value,
            unit,
            approximate: false,
            bound: None,
            counted: None,
            per: None,
            scale: 1.0,
            bare: false,
            hedgeable: true,
            spelled: false,
        }
    }
}

/// Finds the figures of `text`; `sentences` tells which sentence each lies in.
pub fn extract(text: &str, sentences: &[Segment]) -> Vec<Fact> {
    let mut facts = Vec::new();
    extract_in_blocks(text, sentences, BLOCK, &mut |block| facts.append(block));
    for f in &mut facts {
        fill_texts(f, text);
    }
    facts
}

/// [`extract`] without the strings `text` and `counted` (left empty and `None`), handed to
/// `take` a block of text at a time, in order (`take` empties the list it is given): the
/// pipeline fills the strings from the original text, or leaves them to its caller, and a
/// caller that sends each block on (the wasm layer, to JS) never holds a document's worth.
pub(crate) fn extract_spans(
    text: &str,
    sentences: &[Segment],
    take: &mut dyn FnMut(&mut Vec<Fact>),
) {
    extract_in_blocks(text, sentences, BLOCK, take);
}

/// Sets `text` and `counted` from the spans, which index `text`.
pub(crate) fn fill_texts(fact: &mut Fact, text: &str) {
    let span = &text[fact.start..fact.end];
    if fact.text.capacity() >= span.len() {
        fact.text.clear();
        fact.text.push_str(span);
    } else {
        // one allocation of the exact size, not the growth path of `push_str`
        fact.text = String::from(span);
    }
    fact.counted = fact
        .counted_start
        .zip(fact.counted_end)
        .map(|(s, e)| text[s..e].to_string());
}

fn extract_in_blocks(
    text: &str,
    sentences: &[Segment],
    block: usize,
    take: &mut dyn FnMut(&mut Vec<Fact>),
) {
    // Room for a figure every 32 bytes of a block (denser than financial news), reused
    // from block to block rather than grown by doubling.
    let mut facts = Vec::with_capacity(text.len().min(block) / 32);
    for (start, end) in blocks(text, sentences, block) {
        extract_block(text, start, end, sentences, &mut facts);
        take(&mut facts);
        facts.clear();
    }
}

/// Bytes of text read at a time (see the module docs).
pub const BLOCK: usize = 1 << 16;

/// Splits `text` into blocks of at least `block` bytes, each ending where a paragraph
/// starts, or where a sentence starts once a block has grown to four times that.
fn blocks(text: &str, sentences: &[Segment], block: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for pair in sentences.windows(2) {
        let next = pair[1].start;
        let size = next - start;
        let new_paragraph = pair[1].paragraph != pair[0].paragraph;
        if (size >= block && new_paragraph) || size >= block.saturating_mul(4) {
            out.push((start, next));
            start = next;
        }
    }
    out.push((start, text.len()));
    out
}

/// Appends the figures of `text[start..end]` to `facts`, with offsets into `text`.
fn extract_block(
    text: &str,
    start: usize,
    end: usize,
    sentences: &[Segment],
    facts: &mut Vec<Fact>,
) {
    let doc = Doc::new(&text[start..end]);
    // room for a figure every 8 tokens (figure-dense text), not growth by doubling
    let mut raws: Vec<Raw> = Vec::with_capacity(doc.len() / 8 + 1);
    let mut i = 0;
    while i < doc.len() {
        if passes_over(&doc, i) {
            i += 1;
            continue;
        }
        match recognize(&doc, i) {
            Step::Fact(r) => {
                i = r.end.max(i + 1);
                raws.push(r);
            }
            Step::Skip(end) => i = end.max(i + 1),
        }
    }
    join_ranges(&doc, &mut raws);
    spread_context(&doc, &mut raws);
    let mut sentence = 0;
    for mut r in raws {
        qualify(&doc, &mut r);
        let span = (start + doc.start(r.start), start + doc.end(r.end - 1));
        sentence = sentence_at(sentences, span.0, sentence);
        if inside_its_sentence(span, sentences.get(sentence)) {
            facts.push(to_fact(&doc, r, start, span, sentence));
        }
    }
}

/// A figure never spans a sentence break: where the segmenter split inside what reads as
/// one figure (e.g. "…example.com.Sept. 2024."), the sentences win and the figure goes.
/// Nor does one lie outside every sentence, in non-prose material (a page number, a
/// table of contents' "16-17", a tag's attribute).
fn inside_its_sentence((start, end): (usize, usize), sentence: Option<&Segment>) -> bool {
    sentence.is_some_and(|s| s.start <= start && end <= s.end)
}

/// The sentence a figure starting at byte `pos` is in: the first that ends after it. Figures
/// come in order, so this looks on from `from`, the previous figure's sentence, a few
/// sentences at most before it searches them all.
fn sentence_at(sentences: &[Segment], pos: usize, from: usize) -> usize {
    let behind = |k: usize| sentences.get(k).is_some_and(|s| s.end <= pos);
    if from == 0 || behind(from - 1) {
        let mut k = from;
        while k < from + 8 {
            if !behind(k) {
                return k;
            }
            k += 1;
        }
    }
    sentences.partition_point(|seg| seg.end <= pos)
}

/// The fact of `r`, with offsets into the whole text (`base` is where `doc` starts in it):
/// `span` in the whole text, in sentence `sentence`.
fn to_fact(doc: &Doc, r: Raw, base: usize, span: (usize, usize), sentence: usize) -> Fact {
    let counted = r.counted.map(|(s, e)| (doc.start(s), doc.end(e - 1)));
    let value = match r.value {
        Value::Number(v) => Value::Number(tidy(v)),
        Value::Range([a, b]) => Value::Range([tidy(a), tidy(b)]),
        v => v,
    };
    Fact {
        text: String::new(),
        start: span.0,
        end: span.1,
        kind: r.kind,
        value,
        unit: r.unit.map(Cow::Borrowed),
        approximate: r.approximate,
        bound: r.bound,
        counted: None,
        counted_start: counted.map(|c| base + c.0),
        counted_end: counted.map(|c| base + c.1),
        per: r.per,
        sentence,
    }
}

/// Rounds away binary noise from scaling ("4.1bn" → 4100000000, not 4099999999.9999995):
/// 12 significant digits.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // A whole number below 10^11 comes back as it is (most figures): scaled to 12 digits it
    // is a whole number below 2^53, exact, so rounding and dividing back change nothing.
    if v.abs() < 1e11 && v == (v as i64) as f64 {
        return v;
    }
    // 11 - floor(log10 |v|), counted without linking log10
    let mut magnitude = 0;
    let mut a = v.abs();
    while a >= 10.0 && magnitude < 300 {
        a /= 10.0;
        magnitude += 1;
    }
    while a < 1.0 && magnitude > -300 {
        a *= 10.0;
        magnitude -= 1;
    }
    let p = token::pow10(11 - magnitude);
    let r = (v * p).round() / p;
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// What the scanner does at a token.
enum Step {
    /// A figure; scanning resumes at its end.
    Fact(Raw),
    /// Nothing here (or an identifier to pass over); resume at this token.
    Skip(usize),
}

/// Whether no figure starts at token `i`, by the token alone or with the next one: true for
/// most tokens of a text, so this is kept apart from [`recognize`] and cheap.
fn passes_over(doc: &Doc, i: usize) -> bool {
    match doc.kind(i) {
        TokKind::Word => {
            if !lexicon::may_start_figure(doc, i) {
                return true;
            }
            // frequent words that start a figure only before a number word or a sign:
            // "a dozen", "this year", "US$"
            match doc.lc(i).as_str() {
                "a" | "an" | "this" | "last" | "next" => {
                    let next = doc.lc(i + 1);
                    !(lexicon::may_start_figure(doc, i + 1)
                        || doc.sym(i + 1, '$')
                        || matches!(
                            next.as_str(),
                            "few"
                                | "couple"
                                | "week"
                                | "month"
                                | "year"
                                | "season"
                                | "weekend"
                                | "decade"
                                | "century"
                        ))
                }
                "us" | "u" | "s" | "c" | "r" | "a$" => {
                    !(doc.sym(i + 1, '$') || doc.sym(i + 1, '.'))
                }
                _ => false,
            }
        }
        TokKind::Sym(c) => c.is_ascii() && !matches!(c, '$' | '-' | '+'),
        TokKind::Num => false,
    }
}

/// The figure that starts at token `i`, or where to resume; `i` is not [`passes_over`].
fn recognize(doc: &Doc, i: usize) -> Step {
    if let Some(end) = identifier(doc, i) {
        return Step::Skip(end);
    }
    // only the rules that can start at this kind of token
    let mask = if doc.num(i) {
        AT_NUMBER
    } else {
        !AT_NUMBER_ONLY
    };
    if let Some(r) = RECOGNIZERS
        .iter()
        .enumerate()
        .filter(|&(k, _)| mask >> k & 1 != 0)
        .find_map(|(_, recognize)| recognize(doc, i))
    {
        return Step::Fact(r);
    }
    match numbers::parse(doc, i, false) {
        Some(n) => match number_fact(doc, n) {
            Some(r) => Step::Fact(r),
            None => Step::Skip(n.end),
        },
        None => Step::Skip(i + 1),
    }
}

/// The recognizers tried at each token before a plain number, in priority order: the first
/// that matches wins (a time before a date, a date before money, …). (One list for every
/// kind of token: lists by kind, each trying only what can start there, cost more — two
/// inlined copies of the date and time rules — than the rules spend turning a token away;
/// a number token skips the word rules by a mask over this one list, [`AT_NUMBER`].)
const RECOGNIZERS: &[fn(&Doc, usize) -> Option<Raw>] = &[
    |doc, i| dates::time(doc, i).map(temporal),
    |doc, i| dates::date(doc, i).map(temporal),
    money_before,
    prefixed_measure,
    relative_date,
    article_duration,
    score,
    ordinal,
    twice,
];

/// The [`RECOGNIZERS`] (as bits, by position) that can match at a number token: times,
/// dates, scores and ordinals; the others start with a word or a sign.
const AT_NUMBER: u16 = 0b1100_0011;

/// Those that match only at a number token: scores.
const AT_NUMBER_ONLY: u16 = 0b0100_0000;

fn temporal(t: dates::Temporal) -> Raw {
    let (kind, value, unit) = match t.what {
        What::Date(v) => (Kind::Date, Value::Text(v), None),
        What::Time(v) => (Kind::Time, Value::Text(v), None),
        What::Duration(s) => (Kind::Duration, Value::Number(s), Some("s")),
    };
    let mut r = Raw::new(t.start, t.end, kind, value, unit);
    r.approximate = t.approximate;
    r
}

// ---------------------------------------------------------------------------------------------
// identifiers and other numbers that are not figures

/// Skips numbers that belong to names and codes: "COVID-19", "F-16", "Boeing 737", "737 Max",
/// "Windows 11", "iOS 18.2", "Article 5", "page 12", "GPT-4o", phone numbers, "192.168.1.2".
/// Returns the token to resume at.
fn identifier(doc: &Doc, i: usize) -> Option<usize> {
    if !doc.num(i) {
        return None;
    }
    let glued_prev = i > 0 && doc.glued(i);
    // "F-16", "COVID-19", "GPT-4o", but not "mid-2024" or "pre-2020"
    if glued_prev && doc.sym(i - 1, '-') && i >= 2 && doc.word(i - 2) && doc.glued(i - 1) {
        let w = doc.lc(i - 2);
        if !matches!(
            w.as_str(),
            "mid"
                | "pre"
                | "post"
                | "late"
                | "early"
                | "under"
                | "over"
                | "top"
                | "aged"
                | "and"
                | "to"
                | "between"
                | "from"
                | "than"
                | "about"
                | "some"
        ) && dates::month(doc.s(i - 2)).is_none()
        {
            return Some(skip_code(doc, i));
        }
    }
    // "v2", "#3", "PM2.5" (the ".5" glued to a code)
    let dotted_code =
        glued_prev && doc.sym(i - 1, '.') && i >= 2 && doc.word(i - 2) && doc.glued(i - 1);
    if glued_prev && (doc.word(i - 1) || doc.sym(i - 1, '#')) || dotted_code {
        return Some(skip_code(doc, i));
    }
    // a name or reference word before: "Windows 11", "S&P 500", "iOS 18.2", "page 12"
    if i > 0 && doc.word(i - 1) && !doc.brk(i) {
        let lists = lexicon::lists_at(doc, i - 1);
        // "beat Arsenal 2-1": a score after a team name
        if lists.reference() || names_a_number(doc, i - 1, lists) && score(doc, i).is_none() {
            return Some(skip_code(doc, i));
        }
    }
    // "No. 5", "p. 12"
    if i > 1 && doc.sym(i - 1, '.') && doc.word(i - 2) && doc.glued(i - 1) {
        let l = doc.lc(i - 2);
        if matches!(
            l.as_str(),
            "no" | "nos" | "p" | "pp" | "nr" | "nrs" | "vol" | "art" | "sec"
        ) {
            return Some(skip_code(doc, i));
        }
    }
    // bytes, not `doc.s`: no char-boundary tests for tests run on every number
    let s = doc.bytes(i);
    // "1.2.3", "192.168.1.2"
    if doc.sym(i + 1, '.')
        && doc.glued(i + 1)
        && doc.num(i + 2)
        && doc.glued(i + 2)
        && s.contains(&b'.')
    {
        return Some(skip_code(doc, i));
    }
    // phone numbers: "+1 ...", "(555) 123-4567", "555-0199", "020 7946 0958"
    if doc.sym(i.wrapping_sub(1), '+') && glued_prev {
        return Some(skip_phone(doc, i));
    }
    if doc.sym(i.wrapping_sub(1), '(') && doc.sym(i + 1, ')') && s.len() == 3 && doc.num(i + 2) {
        return Some(skip_code(doc, i + 2));
    }
    let digits = |k: usize| doc.num(k) && doc.bytes(k).iter().all(u8::is_ascii_digit);
    let digits_i = s.iter().all(u8::is_ascii_digit);
    if digits_i && dash(doc, i + 1) && doc.glued(i + 1) && digits(i + 2) && doc.glued(i + 2) {
        let (a, b) = (s.len(), doc.bytes(i + 2).len());
        let chain = dash(doc, i + 3) && doc.glued(i + 3) && digits(i + 4);
        let iso_date = a == 4 && b == 2 && chain;
        if !iso_date && ((a == 3 && b == 4) || chain && a <= 4 && b <= 4) {
            return Some(skip_code(doc, i));
        }
        // "737-8", "787-9": a model and its variant
        if doc.value(i) >= 100.0 && b == 1 && !score_context(doc, i) {
            return Some(i + 3);
        }
    }
    if digits_i && s.len() >= 2 && s.starts_with(b"0") && !doc.word(i + 1) {
        return Some(skip_code(doc, i));
    }
    // Boeing airliners named by number: "the 747", "a 787 jet" (not "777 people")
    if matches!(
        s,
        b"707" | b"717" | b"727" | b"737" | b"747" | b"757" | b"767" | b"777" | b"787"
    ) && !(doc.word(i + 1) && lexicon::plural(doc, i + 1))
    {
        return Some(skip_code(doc, i));
    }
    // "9/11", "24/7": numbers joined by a slash that are neither a fraction nor a date
    if digits_i && doc.sym(i + 1, '/') && doc.glued(i + 1) && digits(i + 2) && doc.glued(i + 2) {
        let fraction = {
            let (a, b) = (doc.value(i), doc.value(i + 2));
            a < b && [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0].contains(&b)
        };
        if !fraction && !doc.sym(i + 3, '/') {
            return Some(skip_code(doc, i));
        }
    }
    // "7-Eleven", "3-D": a number joined to a capitalized word is a name
    if digits_i
        && dash(doc, i + 1)
        && doc.glued(i + 1)
        && doc.capitalized(i + 2)
        && doc.glued(i + 2)
    {
        return Some(i + 3);
    }
    // "737 Max", "15 Pro"
    if doc.word(i + 1)
        && matches!(
            doc.bytes(i + 1),
            b"Max" | b"MAX" | b"Pro" | b"Plus" | b"Ultra" | b"Mini" | b"Dreamliner" | b"Neo"
        )
    {
        return Some(i + 2);
    }
    None
}

/// Whether word `k`, on `lists`, names the number after it ("Windows 11", "Arsenal 2"): a
/// word with a capital that is not a function word, a month or weekday, a currency or a
/// word that takes a number ("Category 4").
fn names_a_number(doc: &Doc, k: usize, lists: lexicon::Lists) -> bool {
    // a function word first (one bit): most words before a number are ("of", "about")
    if lists.function() {
        return false;
    }
    let word = doc.s(k);
    // `char::is_uppercase`, with ASCII words read as bytes
    let capital = word.bytes().any(|b| b.is_ascii_uppercase())
        || !word.is_ascii() && word.chars().any(char::is_uppercase);
    capital
        && dates::month(word).is_none()
        && dates::weekday(word).is_none()
        && units::iso_code(doc, k).is_none()
        && !matches!(
            doc.lc(k).as_str(),
            "rs" | "category" | "magnitude" | "cat" | "aged" | "age" | "ages" | "sen"
        )
        && units::lookup(doc, k, Table::CurrencyBefore).is_none()
}

fn dash(doc: &Doc, k: usize) -> bool {
    doc.sym(k, '-') || doc.sym(k, '–') || doc.sym(k, '—')
}

/// The end of an international phone number: digit groups after "+44" on the same line.
fn skip_phone(doc: &Doc, i: usize) -> usize {
    let mut k = i + 1;
    let group = |k: usize| {
        doc.num(k) && doc.bytes(k).len() <= 4 && doc.bytes(k).iter().all(u8::is_ascii_digit)
    };
    loop {
        if doc.brk(k) {
            return k;
        }
        if group(k) {
            k += 1;
        } else if (dash(doc, k) || doc.sym(k, '(') || doc.sym(k, ')') || doc.sym(k, '.'))
            && group(k + 1)
        {
            k += 2;
        } else if doc.sym(k, '(') && group(k + 1) && doc.sym(k + 2, ')') {
            k += 3;
        } else {
            return k;
        }
    }
}

/// The end of a code: the number and whatever is glued to it ("19", "4o", "123-4567").
fn skip_code(doc: &Doc, i: usize) -> usize {
    let mut k = i + 1;
    while k < doc.len()
        && doc.glued(k)
        && !matches!(
            doc.kind(k),
            TokKind::Sym(',' | ';' | ':' | ')' | '"' | '\'' | '?' | '!')
        )
    {
        if doc.sym(k, '.') && !doc.num(k + 1) {
            break;
        }
        k += 1;
    }
    // phone groups separated by spaces: "7946 0958"
    while doc.num(k)
        && !doc.glued(k)
        && doc.s(k).len() >= 3
        && doc.s(k).bytes().all(|b| b.is_ascii_digit())
        && doc.s(i).len() >= 3
        && doc.s(i).bytes().all(|b| b.is_ascii_digit())
        && doc.s(k).len() >= 4
    {
        k += 1;
    }
    k
}

// ---------------------------------------------------------------------------------------------
// money

/// "$800 billion", "US$ 5m", "€20m", "Rs 2 crore", "USD 200", "£3.4bn".
fn money_before(doc: &Doc, i: usize) -> Option<Raw> {
    // no currency sign or code is a number token
    if doc.num(i) {
        return None;
    }
    let (code, factor, k) = if let Some((row, end)) = units::lookup(doc, i, Table::CurrencyBefore) {
        // word signs ("Rs", "sen", "dollar") only right before the number
        (row.canon, row.factor, end)
    } else if let Some((code, factor)) = units::iso_code(doc, i) {
        (code, factor, i + 1)
    } else {
        return None;
    };
    if doc.brk(k) && k > i {
        return None;
    }
    let n = numbers::parse(doc, k, true)?;
    if n.vague || (doc.word(i) && doc.word(k) && !n.words) {
        return None;
    }
    if doc.word(i) && !doc.num(k) {
        return None;
    }
    let code = china_yen(doc, i, code);
    let mut r = Raw::new(
        i,
        n.end,
        Kind::Money,
        Value::Number(n.value * factor),
        Some(code),
    );
    r.scale = n.scale;
    // "$ 10 dollars": a currency word repeated after the number belongs to the span
    if let Some((row, end)) = units::lookup(doc, r.end, Table::CurrencyAfter) {
        if row.canon == code && row.factor == 1.0 && row.phrase != "$" {
            r.end = end;
        }
    }
    r.per = per(doc, &mut r.end);
    Some(r)
}

/// "¥" is yuan when the sentence is about China.
fn china_yen(doc: &Doc, i: usize, code: &'static str) -> &'static str {
    if code != "JPY" || !doc.sym(i, '¥') {
        return code;
    }
    let lo = i.saturating_sub(30);
    let china = (lo..(i + 30).min(doc.len())).any(|k| {
        matches!(
            doc.s(k),
            "China" | "Chinese" | "Beijing" | "Shanghai" | "yuan" | "renminbi"
        )
    });
    if china {
        "CNY"
    } else {
        code
    }
}

/// The denominator of a rate after a figure: "a barrel", "per share", "-a-share", "a month".
/// Moves `end` past a glued "-a-share".
fn per(doc: &Doc, end: &mut usize) -> Option<String> {
    let k = *end;
    let glued = dash(doc, k) && doc.glued(k);
    let k = if glued { k + 1 } else { k };
    let lead = doc.lc(k);
    if !matches!(lead.as_str(), "a" | "an" | "per" | "each") && !doc.sym(k, '/') {
        return None;
    }
    let mut noun = k + 1;
    if glued && dash(doc, noun) {
        noun += 1;
    }
    if !doc.word(noun) || doc.brk(noun) {
        return None;
    }
    let w = doc.lc(noun);
    let w = w.as_str();
    if lexicon::function_word(doc, noun) || numbers::denominator(w).is_some() {
        return None;
    }
    if glued {
        *end = noun + 1;
    }
    Some(match units::lookup(doc, noun, Table::CurrencyAfter) {
        Some((row, _)) if row.factor == 1.0 => row.canon.to_string(),
        _ => w.to_string(),
    })
}

// ---------------------------------------------------------------------------------------------
// numbers and what follows them

/// A figure from a number at `n`, looking at what follows it.
fn number_fact(doc: &Doc, n: Number) -> Option<Raw> {
    let value = n.value;
    let mut k = n.end;
    // "12-cent", "two-year", "7.4-magnitude", "34-year-old": a glued hyphen before the unit
    let hyphen = dash(doc, k) && doc.glued(k) && doc.word(k + 1) && doc.glued(k + 1);
    if hyphen {
        k += 1;
    }
    if n.vague {
        let mut r = Raw::new(n.start, n.end, Kind::Count, Value::None, None);
        r.approximate = true;
        if let Some((row, end)) = units::lookup(
            doc,
            if doc.is(n.end, "of") {
                n.end + 1
            } else {
                n.end
            },
            Table::CurrencyAfter,
        ) {
            if row.factor == 1.0 && row.phrase != "$" && row.phrase != "€" {
                let _ = end;
                r.kind = Kind::Money;
                r.unit = Some(row.canon);
            }
        }
        return Some(r);
    }
    // currency words and codes: "420 million euros", "50 cents", "200 USD"
    if let Some(r) = money_after(doc, &n, k) {
        return Some(r);
    }
    if let Some((row, end)) = units::lookup(doc, k, Table::After) {
        if let Some(r) = unit_fact(doc, &n, row, k, end, hyphen) {
            return Some(r);
        }
    }
    // "20 (kg)", "20 [kg]": a unit in brackets
    if let Some(close) = match doc.kind(k) {
        TokKind::Sym('(') => Some(')'),
        TokKind::Sym('[') => Some(']'),
        TokKind::Sym('{') => Some('}'),
        TokKind::Sym('<') => Some('>'),
        _ => None,
    } {
        if let Some((row, end)) = units::lookup(doc, k + 1, Table::After) {
            if end == k + 2
                && doc.sym(end, close)
                && row.kind == UnitKind::Measure
                && doc.glued(k + 1)
            {
                let mut r = Raw::new(
                    n.start,
                    end + 1,
                    Kind::Measure,
                    Value::Number(n.value * row.factor),
                    Some(row.canon),
                );
                r.scale = n.scale;
                return Some(r);
            }
        }
    }
    // a ratio or an exchange rate goes on with one of a few words or a dash: most numbers
    // are followed by none, and skip both rules
    let next = doc.lc(n.end);
    let linked = dash(doc, n.end)
        || matches!(
            next.as_str(),
            "in" | "out" | "over" | "times" | "fold" | "per" | "to" | "against"
        );
    if linked {
        if let Some(r) = ratio(doc, &n) {
            return Some(r);
        }
        if let Some(r) = fx_rate(doc, &n) {
            return Some(r);
        }
    }
    // unrecognised letters glued to the number: "4o", "5G", "3D"
    if doc.glued(n.end) && doc.word(n.end) {
        return None;
    }
    if n.bare_one && !one_is_a_number(doc, n.end) {
        return None;
    }
    if n.fraction {
        // "half" alone is a ratio only as an amount: "half of", "roughly half"
        if doc.is(n.start, "half") && n.end == n.start + 1 && !half_is_amount(doc, n.start) {
            return None;
        }
        return Some(Raw::new(
            n.start,
            n.end,
            Kind::Ratio,
            Value::Number(value),
            None,
        ));
    }
    if matches!(next.as_str(), "times" | "fold") {
        return None;
    }
    if let Some(r) = age_in_apposition(doc, &n) {
        return Some(r);
    }
    if n.plain && !n.words {
        if let Some(t) = dates::year(doc, n.start) {
            let temporal_prep = matches!(
                doc.lc(n.start.wrapping_sub(1)).as_str(),
                "in" | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "of"
                    | "before"
                    | "after"
                    | "during"
                    | "through"
                    | "between"
                    | "and"
                    | "to"
                    | "early"
                    | "late"
                    | "mid"
                    | "the"
                    | "till"
                    | "for"
            );
            // "1500 workers" counts; a year of this or the last century is a date ("1990 levels")
            let modern = (1900.0..=2100.0).contains(&n.value);
            if temporal_prep || modern || counted_noun(doc, n.end).is_none() {
                return Some(temporal(t));
            }
        }
    }
    if let Some(r) = index_level(doc, &n) {
        return Some(r);
    }
    let mut r = Raw::new(n.start, n.end, Kind::Count, Value::Number(value), None);
    r.scale = n.scale;
    r.bare = true;
    r.spelled = n.words;
    // "people over 21", "children under 5": an age limit
    let limit = matches!(doc.lc(n.start.wrapping_sub(1)).as_str(), "over" | "under")
        && matches!(
            doc.lc(n.start.wrapping_sub(2)).as_str(),
            "people"
                | "those"
                | "anyone"
                | "adults"
                | "children"
                | "men"
                | "women"
                | "voters"
                | "residents"
                | "everyone"
                | "aged"
                | "patients"
                | "drivers"
                | "players"
                | "users"
                | "customers"
                | "kids"
                | "girls"
                | "boys"
                | "teenagers"
                | "workers"
        )
        && n.plain
        && (1.0..=120.0).contains(&n.value)
        && counted_noun(doc, n.end).is_none();
    let prefix = doc.lc(n.start.wrapping_sub(1));
    let aged = matches!(prefix.as_str(), "aged" | "age" | "ages")
        || prefix.as_str() == "between" && doc.is(n.start.wrapping_sub(2), "aged");
    if limit || aged {
        r.kind = Kind::Age;
        r.unit = Some("year");
        r.bare = false;
    }
    if hyphen {
        // "a 15-member commission": the noun after the hyphen is what is counted
        if !lexicon::function_word(doc, k) {
            r.counted = Some((k, k + 1));
            r.bare = false;
        }
    }
    Some(r)
}

/// "The Nasdaq closed at 17,342.5": a stock index level, in points.
fn index_level(doc: &Doc, n: &Number) -> Option<Raw> {
    if n.words || n.scale != 1.0 || n.value < 100.0 {
        return None;
    }
    let before =
        (n.start.saturating_sub(3)..n.start).any(|k| matches!(doc.lc(k).as_str(), "at" | "to"));
    if !before || counted_noun(doc, n.end).is_some() {
        return None;
    }
    let lo = n.start.saturating_sub(15);
    let index = (lo..n.start).any(|k| {
        matches!(
            doc.lc(k).as_str(),
            "index"
                | "dow"
                | "nasdaq"
                | "ftse"
                | "nikkei"
                | "dax"
                | "cac"
                | "sensex"
                | "nifty"
                | "kospi"
                | "stoxx"
                | "topix"
                | "tsx"
                | "composite"
                | "seng"
        ) || (doc.s(k) == "P" && doc.sym(k.wrapping_sub(1), '&'))
    });
    index.then(|| {
        Raw::new(
            n.start,
            n.end,
            Kind::Measure,
            Value::Number(n.value),
            Some("point"),
        )
    })
}

/// Money written with a currency word or code after the number.
fn money_after(doc: &Doc, n: &Number, k: usize) -> Option<Raw> {
    let found = units::lookup(doc, k, Table::CurrencyAfter);
    let (code, factor, mut end) = if let Some((row, end)) = found {
        (row.canon, row.factor, end)
    } else if let Some((code, factor)) = units::iso_code(doc, k) {
        // "75 USD million"
        match doc.lc(k + 1).as_str() {
            "million" => (code, factor * 1e6, k + 2),
            "billion" => (code, factor * 1e9, k + 2),
            _ => (code, factor, k + 1),
        }
    } else {
        return None;
    };
    let phrase_is = |p: &str| found.is_some_and(|(row, _)| row.phrase == p);
    // "pounds" is weight unless it is an amount of money ("361 million pounds")
    if phrase_is("pound(s)") && n.scale < 1e3 {
        return None;
    }
    // "p" after the number only when glued ("50p"); "$"/"€" also spaced ("10 €")
    if phrase_is("p") && !doc.glued(k) {
        return None;
    }
    if phrase_is("p") && (doc.word(end) && doc.glued(end)) {
        return None;
    }
    // "1 $10": the sign belongs to the next number
    if (phrase_is("$") || phrase_is("€")) && doc.num(end) {
        return None;
    }
    let mut value = n.value * factor;
    // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50."
    let c = if doc.is(end, "and") { end + 1 } else { end };
    let named = doc.word(k) && factor == 1.0 && !doc.brk(c);
    if named {
        if let Some(cents) = numbers::parse(doc, c, false).filter(|m| {
            m.value < 100.0
                && m.value >= 1.0
                && m.value.fract() == 0.0
                && m.scale == 1.0
                && !m.fraction
        }) {
            if doc.is(cents.end, "cents") || doc.is(cents.end, "cent") {
                value += cents.value / 100.0;
                end = cents.end + 1;
            } else if !(doc.glued(cents.end) && doc.word(cents.end))
                && (!doc.word(cents.end)
                    || lexicon::function_word(doc, cents.end)
                        && !doc.is(cents.end, "of")
                        && !doc.is(cents.end, "per"))
            {
                value += cents.value / 100.0;
                end = cents.end;
            }
        }
    }
    let mut r = Raw::new(n.start, end, Kind::Money, Value::Number(value), Some(code));
    r.scale = n.scale;
    r.per = per(doc, &mut r.end);
    Some(r)
}

/// A figure from a number and the unit after it.
fn unit_fact(
    doc: &Doc,
    n: &Number,
    row: &units::Unit,
    k: usize,
    end: usize,
    hyphen: bool,
) -> Option<Raw> {
    let single = row.phrase.len() == 1 && row.phrase.is_ascii();
    // one-letter units must be glued: "1.55C", "100t", but not "5 C" or "3 t"
    if single && !doc.glued(k) && !matches!(row.phrase, "m" | "g" | "L" | "W") {
        return None;
    }
    if single && doc.word(end) && doc.glued(end) {
        return None;
    }
    let mut end = end;
    let mut unit = row.canon;
    let mut kind = match row.kind {
        UnitKind::Measure => Kind::Measure,
        UnitKind::Duration => Kind::Duration,
        UnitKind::Age => Kind::Age,
        UnitKind::Percent => Kind::Percent,
        UnitKind::Money => Kind::Money,
    };
    let mut value = n.value * row.factor;
    if unit == "point" {
        let cue = (n.start.saturating_sub(12)..(end + 12).min(doc.len())).any(|j| {
            lexicon::market_cue(doc, j) || (doc.s(j) == "P" && doc.sym(j.wrapping_sub(1), '&'))
        });
        let rate = doc.lc(end);
        let rate_move = matches!(
            rate.as_str(),
            "cut" | "cuts" | "hike" | "hikes" | "increase" | "rise" | "reduction"
        );
        if hyphen && (rate_move || n.fraction || n.value < 1.0) {
            kind = Kind::Percent;
            unit = "pp";
        } else if !cue {
            return None;
        }
    }
    if kind == Kind::Duration {
        // "one hour and 5 minutes", "2 hours 30 minutes": one duration in seconds
        let j = if doc.is(end, "and") { end + 1 } else { end };
        if let Some(m) = numbers::parse(doc, j, false).filter(|m| !m.vague) {
            if let Some((r2, e2)) = units::lookup(doc, m.end, Table::After) {
                if r2.kind == UnitKind::Duration && seconds(r2.canon) < seconds(unit) {
                    value = n.value * row.factor * seconds(unit)
                        + m.value * r2.factor * seconds(r2.canon);
                    unit = "s";
                    end = e2;
                }
            }
        }
    }
    if unit == "ft" {
        // "5 ft 2 in", "5 feet and 2 inches": one length in feet
        let j = if doc.is(end, "and") { end + 1 } else { end };
        if let Some(m) = numbers::parse(doc, j, false).filter(|m| !m.vague && m.value < 12.0) {
            if doc.is(m.end, "in") || doc.is(m.end, "inch") || doc.is(m.end, "inches") {
                value += m.value / 12.0;
                end = m.end + 1;
            }
        }
    }
    let mut r = Raw::new(n.start, end, kind, Value::Number(value), Some(unit));
    r.scale = n.scale;
    if kind == Kind::Money {
        r.per = per(doc, &mut r.end);
    }
    Some(r)
}

fn seconds(unit: &str) -> f64 {
    match unit {
        "s" => 1.0,
        "min" => 60.0,
        "h" => 3600.0,
        "day" => 86400.0,
        "week" => 604800.0,
        "month" => 2629746.0,
        "year" => 31556952.0,
        "decade" => 315569520.0,
        "century" => 3155695200.0,
        _ => 0.0,
    }
}

/// "one in six", "1 in 5", "eight out of 10", "three times as many", "3-fold".
fn ratio(doc: &Doc, n: &Number) -> Option<Raw> {
    let small = n.value >= 1.0 && n.value <= 20.0 && n.value.fract() == 0.0 && n.scale == 1.0;
    let k = n.end;
    // "one-in-five"
    let hyphenated = dash(doc, k) && doc.is(k + 1, "in") && dash(doc, k + 2);
    if small && (hyphenated || doc.is(k, "in") || (doc.is(k, "out") && doc.is(k + 1, "of"))) {
        let j = if hyphenated {
            k + 3
        } else if doc.is(k, "in") {
            k + 1
        } else {
            k + 2
        };
        let m = numbers::parse(doc, j, false)?;
        let year = dates::bare_year(doc, j).is_some() && m.plain;
        let unit_after = units::lookup(doc, m.end, Table::After).is_some();
        if !year && !unit_after && !m.vague && m.value > n.value && !m.fraction {
            return Some(Raw::new(
                n.start,
                m.end,
                Kind::Ratio,
                Value::Number(n.value / m.value),
                None,
            ));
        }
        return None;
    }
    // "one over three", "1 over 20": a fraction read aloud, only where nothing follows it
    if doc.is(k, "over") && n.scale == 1.0 {
        let m = numbers::parse(doc, k + 1, false)?;
        let ends = m.end >= doc.len()
            || matches!(
                doc.kind(m.end),
                TokKind::Sym('.' | ',' | ';' | '?' | '!' | ')')
            )
            || doc.brk(m.end);
        let year = dates::bare_year(doc, k + 1).is_some() && m.plain;
        if ends && !year && !m.vague && m.value != 0.0 && !m.fraction {
            return Some(Raw::new(
                n.start,
                m.end,
                Kind::Ratio,
                Value::Number(n.value / m.value),
                None,
            ));
        }
        return None;
    }
    // "three times as many", "3 times higher"
    if doc.is(k, "times") {
        let next = doc.lc(k + 1);
        let comparative = matches!(
            next.as_str(),
            "as" | "more"
                | "less"
                | "higher"
                | "larger"
                | "bigger"
                | "greater"
                | "faster"
                | "the"
                | "that"
                | "what"
                | "its"
                | "their"
                | "lower"
                | "smaller"
                | "over"
        );
        if comparative {
            return Some(Raw::new(
                n.start,
                k + 1,
                Kind::Ratio,
                Value::Number(n.value),
                None,
            ));
        }
        return None;
    }
    // "3-fold", "two fold"
    if (dash(doc, k) && doc.is(k + 1, "fold")) || doc.is(k, "fold") {
        let end = if doc.is(k, "fold") { k + 1 } else { k + 2 };
        return Some(Raw::new(
            n.start,
            end,
            Kind::Ratio,
            Value::Number(n.value),
            None,
        ));
    }
    None
}

/// "155.2 per dollar" / "to the dollar" after a currency named earlier in the sentence.
fn fx_rate(doc: &Doc, n: &Number) -> Option<Raw> {
    let k = n.end;
    let j = if doc.is(k, "per") {
        k + 1
    } else if (doc.is(k, "to") || doc.is(k, "against")) && doc.is(k + 1, "the") {
        k + 2
    } else {
        return None;
    };
    let (base, _) = units::lookup(doc, j, Table::CurrencyAfter)?;
    let lo = n.start.saturating_sub(25);
    let quote = (lo..n.start).rev().find_map(|q| {
        if doc.brk(q + 1) && q + 1 < n.start {
            return None;
        }
        units::lookup(doc, q, Table::CurrencyAfter).filter(|(row, _)| {
            row.canon != base.canon && row.factor == 1.0 && row.phrase != "$" && row.phrase != "€"
        })
    })?;
    let mut r = Raw::new(
        n.start,
        n.end,
        Kind::Money,
        Value::Number(n.value),
        Some(quote.0.canon),
    );
    r.per = Some(base.canon.to_string());
    Some(r)
}

/// "one" as a numeral, not a pronoun: "one person", not "one of the", "the one that".
fn one_is_a_number(doc: &Doc, end: usize) -> bool {
    if !doc.word(end) || doc.brk(end) {
        return false;
    }
    let w = doc.lc(end);
    !lexicon::function_word(doc, end) && !matches!(w.as_str(), "another" | "day" | "way" | "thing")
}

/// "half" as an amount: "half of", "half the", "roughly half", "more than half".
fn half_is_amount(doc: &Doc, i: usize) -> bool {
    let next = doc.lc(i + 1);
    let prev = doc.lc(i.wrapping_sub(1));
    matches!(
        next.as_str(),
        "of" | "the" | "their" | "its" | "his" | "her" | "our" | "all"
    ) || matches!(
        prev.as_str(),
        "roughly"
            | "nearly"
            | "about"
            | "almost"
            | "than"
            | "around"
            | "over"
            | "under"
            | "just"
            | "by"
            | "cut"
            | "halved"
    )
}

/// "The defendant, 32, plans …": a small whole number between commas after a noun or name.
fn age_in_apposition(doc: &Doc, n: &Number) -> Option<Raw> {
    if n.words || !n.plain || n.end != n.start + 1 {
        return None;
    }
    let i = n.start;
    if !(i >= 2 && doc.sym(i - 1, ',') && doc.word(i - 2)) {
        return None;
    }
    if !(doc.sym(i + 1, ',') || doc.sym(i + 1, '.') || doc.sym(i + 1, ')')) {
        return None;
    }
    if !(1.0..=115.0).contains(&n.value) {
        return None;
    }
    if lexicon::function_word(doc, i - 2)
        || dates::month(doc.s(i - 2)).is_some()
        || dates::weekday(doc.s(i - 2)).is_some()
    {
        return None;
    }
    // a list of numbers is not an age: "12, 15, 18"
    if doc.num(i + 2) {
        return None;
    }
    Some(Raw::new(
        i,
        i + 1,
        Kind::Age,
        Value::Number(n.value),
        Some("year"),
    ))
}

// ---------------------------------------------------------------------------------------------
// other figures

/// "magnitude 7.4", "Category 4", "a magnitude-6.1 quake".
fn prefixed_measure(doc: &Doc, i: usize) -> Option<Raw> {
    let w = doc.lc(i);
    let unit = match w.as_str() {
        "magnitude" => "magnitude",
        "category" | "cat" if doc.capitalized(i) => "category",
        _ => return None,
    };
    let k = if dash(doc, i + 1) { i + 2 } else { i + 1 };
    if !doc.num(k) {
        return None;
    }
    let n = numbers::parse(doc, k, false)?;
    Some(Raw::new(
        i,
        n.end,
        Kind::Measure,
        Value::Number(n.value),
        Some(unit),
    ))
}

/// Relative dates, which the schema leaves without a value: "next year", "this week",
/// "last month", "a year earlier".
fn relative_date(doc: &Doc, i: usize) -> Option<Raw> {
    let w = doc.lc(i);
    let period = |k: usize| {
        matches!(
            doc.lc(k).as_str(),
            "week"
                | "month"
                | "year"
                | "season"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "quarter"
                | "weekend"
                | "decade"
                | "century"
        )
    };
    match w.as_str() {
        "next" | "last" | "this" | "coming" | "past" if period(i + 1) => {
            if doc.is(i, "past") || doc.is(i, "coming") {
                return None;
            }
            Some(Raw::new(i, i + 2, Kind::Date, Value::None, None))
        }
        "a" if period(i + 1)
            && (doc.is(i + 2, "earlier") || doc.is(i + 2, "ago") || doc.is(i + 2, "later")) =>
        {
            Some(Raw::new(i, i + 3, Kind::Date, Value::None, None))
        }
        _ => None,
    }
}

/// "a decade", "half a century", "for a year", "nearly a month": an article that is the
/// numeral of a duration. "a year" alone is too often a rate ("$200 a year") to count
/// without a word before it that takes a length of time.
fn article_duration(doc: &Doc, i: usize) -> Option<Raw> {
    // one read of the word: this runs at every token the scanner stops at
    let (part, k) = match doc.lc(i).as_str() {
        "half" if doc.is(i + 1, "a") => (0.5, i + 2),
        "a" | "an" => (1.0, i + 1),
        _ => return None,
    };
    let (row, end) = units::lookup(doc, k, Table::After)?;
    if row.kind != UnitKind::Duration || end != k + 1 {
        return None;
    }
    let long = matches!(row.canon, "decade" | "century");
    let before = doc.lc(i.wrapping_sub(1));
    let takes_time = matches!(
        before.as_str(),
        "for"
            | "than"
            | "nearly"
            | "almost"
            | "about"
            | "within"
            | "after"
            | "lasted"
            | "lasting"
            | "around"
            | "roughly"
            | "over"
            | "took"
            | "spent"
            | "last"
            | "past"
            | "under"
    );
    if !(long || takes_time) || doc.is(end, "ago") || doc.is(end, "earlier") || doc.is(end, "later")
    {
        return None;
    }
    Some(Raw::new(
        i,
        end,
        Kind::Duration,
        Value::Number(part * row.factor),
        Some(row.canon),
    ))
}

/// "2-1", "52-48", "6–3": a score or vote tally, when the sentence is about a game or a vote.
fn score(doc: &Doc, i: usize) -> Option<Raw> {
    let whole = |k: usize| {
        doc.num(k) && doc.bytes(k).len() <= 3 && doc.bytes(k).iter().all(u8::is_ascii_digit)
    };
    // glued first: most numbers are followed by a space
    if !(doc.glued(i + 1) && doc.glued(i + 2) && whole(i) && dash(doc, i + 1) && whole(i + 2)) {
        return None;
    }
    // "10-15%", "5-7 years": a range with a unit
    if units::lookup(doc, i + 3, Table::After).is_some()
        || units::lookup(doc, i + 3, Table::CurrencyAfter).is_some()
    {
        return None;
    }
    if dash(doc, i + 3) || doc.is(i.wrapping_sub(1), "aged") || doc.is(i.wrapping_sub(1), "ages") {
        return None;
    }
    // without a cue, a descending pair is still a result ("ruled 6-3"); "10-15" is a range
    // (the values first: the cue scan reads some 27 words)
    if doc.value(i) <= doc.value(i + 2) && !score_context(doc, i) {
        return None;
    }
    // "2-1", built without the formatting machinery
    let (a, b) = (doc.s(i), doc.s(i + 2));
    let mut v = String::with_capacity(a.len() + 1 + b.len());
    v.push_str(a);
    v.push('-');
    v.push_str(b);
    Some(Raw::new(i, i + 3, Kind::Score, Value::Text(v), None))
}

fn score_context(doc: &Doc, i: usize) -> bool {
    let lo = i.saturating_sub(15);
    (lo..(i + 12).min(doc.len())).any(|k| lexicon::score_cue(doc, k))
}

/// "20th", "87th", "1st", "second", "45th": a rank. Ordinal words before "quarter"/"half" are
/// dates (read earlier); denominators ("a third") are ratios.
fn ordinal(doc: &Doc, i: usize) -> Option<Raw> {
    if doc.num(i) {
        // a suffix glued to the number first: most numbers have none
        if !doc.glued(i + 1) || !doc.word(i + 1) {
            return None;
        }
        let s = doc.bytes(i);
        if !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let suf = doc.lc(i + 1);
        let ok = match suf.as_str() {
            "st" => s.ends_with(b"1") && !s.ends_with(b"11"),
            "nd" => s.ends_with(b"2") && !s.ends_with(b"12"),
            "rd" => s.ends_with(b"3") && !s.ends_with(b"13"),
            "th" => true,
            _ => false,
        };
        if !ok {
            return None;
        }
        return Some(Raw::new(
            i,
            i + 2,
            Kind::Ordinal,
            Value::Number(doc.value(i)),
            None,
        ));
    }
    let w = doc.lc(i);
    let w = w.as_str();
    // "twenty-first"
    let (v, end) = if let Some(v) = numbers::ordinal_word(w) {
        (v, i + 1)
    } else {
        let tens = match w {
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            _ => return None,
        };
        if !(dash(doc, i + 1) && doc.glued(i + 1)) {
            return None;
        }
        let u = numbers::ordinal_word(doc.lc(i + 2).as_str()).filter(|u| *u < 10.0)?;
        (tens + u, i + 3)
    };
    // "the First Minister", "the Second World War": names; "at first": not a rank
    let mid_sentence = i > 0 && !doc.brk(i) && (doc.word(i - 1) || doc.sym(i - 1, ','));
    if doc.capitalized(i) && mid_sentence || doc.is(i.wrapping_sub(1), "at") && w == "first" {
        return None;
    }
    // "a third", "one fifth" were read as fractions; "the second" as a unit of time is not here
    if v >= 100.0 {
        return None;
    }
    if w == "second" && (doc.is(i.wrapping_sub(1), "a") || doc.is(i.wrapping_sub(1), "per")) {
        return None;
    }
    Some(Raw::new(i, end, Kind::Ordinal, Value::Number(v), None))
}

/// "twice as many" → ratio 2.
fn twice(doc: &Doc, i: usize) -> Option<Raw> {
    let v = match doc.lc(i).as_str() {
        "twice" => 2.0,
        "thrice" => 3.0,
        _ => return None,
    };
    let next = doc.lc(i + 1);
    matches!(
        next.as_str(),
        "as" | "the" | "that" | "what" | "its" | "their"
    )
    .then(|| Raw::new(i, i + 1, Kind::Ratio, Value::Number(v), None))
}

// ---------------------------------------------------------------------------------------------
// ranges

/// Joins neighbouring figures into ranges: "10-15%", "between 2019 and 2022", "$2-3 billion",
/// "from Rs 500 to Rs 1 lakh", "between 9 a.m. and 6 p.m.". A change ("rose from 3.1% to
/// 3.4%", "climbed $1.40 to $79.62") stays two figures.
fn join_ranges(doc: &Doc, raws: &mut Vec<Raw>) {
    // in place: `kept` figures are final, those from `next` on still to be read
    let (mut kept, mut next) = (0, 0);
    while next < raws.len() {
        let joined = raws.get(next + 1).and_then(|b| join(doc, &raws[next], b));
        match joined {
            Some(joined) => {
                raws[kept] = joined;
                next += 2;
            }
            None => {
                raws.swap(kept, next);
                next += 1;
            }
        }
        kept += 1;
    }
    raws.truncate(kept);
}

fn join(doc: &Doc, a: &Raw, b: &Raw) -> Option<Raw> {
    let c = a.end;
    if b.start != c + 1 || doc.brk(b.start) {
        return None;
    }
    let before = a.start.wrapping_sub(1);
    let lead = doc.lc(before);
    let lead = lead.as_str();
    let (start, between) = if dash(doc, c) {
        if a.spelled || b.spelled {
            return None;
        }
        (a.start, false)
    } else if doc.is(c, "and") && lead == "between" {
        (before, true)
    } else if doc.is(c, "to") {
        if lead == "from" {
            if lexicon::change_word(doc, before.wrapping_sub(1)) {
                return None;
            }
            (before, true)
        } else {
            if lexicon::change_word(doc, before) || a.kind == Kind::Count && !a.bare {
                return None;
            }
            (a.start, false)
        }
    } else {
        return None;
    };
    if matches!(a.kind, Kind::Score | Kind::Ordinal | Kind::Ratio)
        || matches!(b.kind, Kind::Score | Kind::Ordinal | Kind::Ratio)
    {
        return None;
    }
    let mut r = b.clone();
    r.start = start;
    r.hedgeable = !between;
    r.value = match (&a.value, &b.value) {
        (Value::Text(x), Value::Text(y))
            if a.kind == b.kind && matches!(a.kind, Kind::Date | Kind::Time) =>
        {
            Value::TextRange(Box::new([x.clone(), y.clone()]))
        }
        // "2019–22"
        (Value::Text(x), Value::Number(y))
            if a.kind == Kind::Date && x.len() == 4 && b.bare && *y < 100.0 && doc.glued(c) =>
        {
            let century = &x[..2];
            r.kind = Kind::Date;
            r.unit = None;
            Value::TextRange(Box::new([x.clone(), format!("{century}{:02}", *y as u32)]))
        }
        (Value::Number(x), Value::Number(y)) => {
            let (mut lo, hi) = (*x, *y);
            if a.kind == b.kind && a.unit == b.unit {
                // same kind and unit
            } else if a.bare && a.kind == Kind::Count {
                // "10-15%", "between 5 and 17 years old": the first end takes the unit
            } else if b.bare && b.kind == Kind::Count && a.kind != Kind::Count {
                // "$2-3 billion", "aged 18 to 24": the second end takes the first's unit
                r.kind = a.kind;
                r.unit = a.unit;
                r.per = a.per.clone().or(r.per);
            } else {
                return None;
            }
            if a.scale == 1.0 && b.scale > 1.0 && lo * b.scale <= hi {
                lo *= b.scale;
            }
            if lo >= hi {
                return None;
            }
            Value::Range([lo, hi])
        }
        _ => return None,
    };
    if r.kind == Kind::Count && a.kind == Kind::Count && !between && !dash(doc, c) && !a.bare {
        return None;
    }
    Some(r)
}

/// Context that spreads to neighbours: a list of ages ("aged 19, 22 and 31"), and an index
/// level after a move in points ("rose 12 points to 8,250").
fn spread_context(doc: &Doc, raws: &mut [Raw]) {
    for k in 1..raws.len() {
        let (done, rest) = raws.split_at_mut(k);
        let (a, b) = (&done[k - 1], &mut rest[0]);
        let between = a.end..b.start;
        let listed = between.len() <= 2
            && between
                .clone()
                .all(|j| doc.sym(j, ',') || doc.is(j, "and") || doc.is(j, "or"))
            && !between.is_empty();
        let single = matches!(a.value, Value::Number(_));
        if a.kind == Kind::Age
            && single
            && b.kind == Kind::Count
            && b.bare
            && listed
            && counted_noun(doc, b.end).is_none()
        {
            b.kind = Kind::Age;
            b.unit = a.unit;
            b.bare = false;
        }
        let level = b.kind == Kind::Count
            && b.bare
            && (doc.is(b.start.wrapping_sub(1), "to") || doc.is(b.start.wrapping_sub(1), "at"));
        if level
            && a.unit == Some("point")
            && b.start - a.end <= 3
            && counted_noun(doc, b.end).is_none()
        {
            b.kind = Kind::Measure;
            b.unit = Some("point");
            b.bare = false;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// qualifiers and counted nouns

/// Sets `approximate`, `bound` and (for counts) `counted` from the words around a figure.
fn qualify(doc: &Doc, r: &mut Raw) {
    if r.hedgeable && !matches!(r.kind, Kind::Ordinal | Kind::Score) {
        if let Some((h, _)) = lexicon::hedge_before(doc, r.start) {
            let temporal = matches!(r.kind, Kind::Date | Kind::Time);
            let over_a_period = r.kind == Kind::Duration && doc.is(r.start.wrapping_sub(1), "over");
            if !over_a_period {
                r.approximate |= h.approximate;
                if !temporal {
                    r.bound = match h.bound {
                        1 => Some(Bound::Min),
                        -1 => Some(Bound::Max),
                        _ => r.bound,
                    };
                }
            }
        }
        // "1,000 or more", "5 or fewer", "1,000+"
        if r.bound.is_none() && doc.is(r.end, "or") {
            r.bound = match doc.lc(r.end + 1).as_str() {
                "more" => Some(Bound::Min),
                "less" | "fewer" => Some(Bound::Max),
                _ => None,
            };
        }
        if r.bound.is_none() && doc.sym(r.end, '+') && doc.glued(r.end) && !doc.num(r.end + 1) {
            r.bound = Some(Bound::Min);
        }
    }
    if r.kind == Kind::Count && r.counted.is_none() {
        let one = matches!(r.value, Value::Number(v) if v == 1.0);
        r.counted = counted_noun_of(doc, r.end, matches!(r.value, Value::None), one);
    }
}

fn counted_noun(doc: &Doc, k: usize) -> Option<(usize, usize)> {
    counted_noun_of(doc, k, false, false)
}

/// The noun phrase counted by a number ending at token `k`: "11,000 [North Korean soldiers]",
/// "thousands of \[troops\]", "eight of those \[games\]", "18 \[Leopard 2 tanks\]". Words are read up
/// to the first plural noun (at most four words); none is returned without one, except after
/// "one" ("one person").
fn counted_noun_of(doc: &Doc, k: usize, vague: bool, one: bool) -> Option<(usize, usize)> {
    let mut j = k;
    if doc.is(j, "of") {
        let det = doc.lc(j + 1);
        if matches!(
            det.as_str(),
            "those" | "these" | "the" | "its" | "their" | "his" | "her" | "our"
        ) {
            j += 2;
            // "411 of the 650 seats": the whole is counted in the same noun
            if doc.num(j) && !doc.glued(j + 1) {
                j += 1;
            }
        } else if vague {
            j += 1;
        } else {
            return None;
        }
    }
    let start = j;
    let mut words = 0;
    while words < 4 && j < doc.len() && !doc.brk(j) {
        match doc.kind(j) {
            TokKind::Word => {
                let lists = lexicon::lists_at(doc, j);
                // a unit word is counted only after the first ("12 points"), not as it
                if lists.function()
                    || j == start
                        && !doc.lc(j).as_str().ends_with("points")
                        && units::lookup(doc, j, Table::After)
                            .is_some_and(|(u, _)| u.kind != UnitKind::Measure || u.canon != "point")
                {
                    return None;
                }
                // (month names count only capitalized: "may", "march" are verbs)
                if doc.capitalized(j)
                    && (dates::month(doc.s(j)).is_some() || dates::weekday(doc.s(j)).is_some())
                {
                    return None;
                }
                words += 1;
                // a hyphenated compound is one word: "IRIS-T", "air-defence"
                let mut e = j + 1;
                while dash(doc, e) && doc.glued(e) && doc.word(e + 1) && doc.glued(e + 1) {
                    e += 2;
                }
                let plural = if e == j + 1 {
                    lexicon::plural_with(doc, j, lists)
                } else {
                    lexicon::plural(doc, e - 1)
                };
                if plural || (one && words == 1) {
                    return Some((start, e));
                }
                j = e;
            }
            // "Leopard 2 tanks": a model number inside the name
            TokKind::Num if j > start && doc.capitalized(j - 1) && doc.word(j + 1) => j += 1,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod block_tests {
    use super::*;
    use crate::segment::segment;

    /// Reading in small blocks finds exactly what one pass over the whole text finds.
    #[test]
    fn blocks_change_nothing() {
        let paragraph = "About 1,200 workers walked out on March 3, 2024, demanding a 5% raise. \
                         The firm lost $4.5 million in two weeks, or nearly 10% of sales.\n\
                         Talks resumed at 9 a.m. on Monday; 3 of the 7 unions signed. \
                         Output fell from 120 to 85 tonnes a day, the lowest since 1998.\n\n";
        let text = paragraph.repeat(40);
        let sentences = segment(&text);
        let in_blocks = |block: usize| {
            let (mut facts, mut calls) = (Vec::new(), 0);
            extract_in_blocks(&text, &sentences, block, &mut |b| {
                facts.append(b);
                calls += 1;
            });
            (facts, calls)
        };
        let (whole, calls) = in_blocks(usize::MAX);
        assert_eq!(calls, 1);
        assert!(whole.len() > 300, "{}", whole.len());
        for block in [1, 64, 200, 1000] {
            let count = blocks(&text, &sentences, block).len();
            assert!(count > 1);
            assert_eq!(in_blocks(block), (whole.clone(), count), "block {block}");
        }
        for f in extract(&text, &sentences) {
            assert_eq!(&text[f.start..f.end], f.text);
        }
    }
}
