//! Dates and clock times, normalized TIMEX-style without a reference date.
//!
//! Input: the tokens and a start token. Output: a [`Temporal`] — end token and value:
//! "Nov. 5" → `XXXX-11-05`, "October 2024" → `2024-10`, "Wednesday" → `XXXX-WXX-3`,
//! "Monday, Nov. 11, 2024" → `2024-11-11`, "second quarter" → `XXXX-Q2`, "first half of 2026" →
//! `2026-H1`, "spring 2025" → `2025-SP`, "the 1990s" → `199`, "early 2023" → `2023`
//! (approximate), "2024-10-05", "7:58 a.m." → `T07:58`, "1400 GMT" → `T14:00`,
//! "10.30pm" → `T22:30`; race times "1:58:30" come back as a duration in seconds.
//! Months and weekdays are data tables; a month name must be capitalized ("may" is a verb).
//! Why no crate: `chrono` (no-default, ≈ +12 KB gz) parses fixed formats, not news prose, and
//! nothing here needs calendar arithmetic beyond a days-in-month check. Cost: O(tokens read).

use super::token::{Doc, TokKind};

/// A date or time found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Temporal {
    /// First token of the span.
    pub start: usize,
    /// Past the last token.
    pub end: usize,
    /// What it is.
    pub what: What,
    /// Hedged in the span ("early 2023", "the late 1990s", "mid-March").
    pub approximate: bool,
}

/// The value of a [`Temporal`].
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A TIMEX-like date ("2024-10", "XXXX-WXX-3"); `year_only` for a bare year.
    Date(String),
    /// A clock time ("T07:58").
    Time(String),
    /// A race time in seconds ("1:58:30").
    Duration(f64),
}

/// Month number of a month name or abbreviation ("Sept", "Nov").
pub fn month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // nearly every word is turned away by its length or first letter
    let len = word.len();
    let first = word.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    if !(3..=9).contains(&len)
        || !matches!(first, b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's')
    {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word)) {
        return Some(i as u32 + 1);
    }
    // abbreviations: three or four letters, lowercased on the stack
    if len > 4 {
        return None;
    }
    let mut w = [0u8; 4];
    for (d, b) in w.iter_mut().zip(word.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    Some(match &w[..len] {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" | b"sept" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    })
}

/// TIMEX weekday number (Monday = 1 … Sunday = 7).
pub fn weekday(word: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    if !(6..=9).contains(&word.len())
        || !matches!(word.as_bytes()[0], b'F' | b'M' | b'S' | b'T' | b'W')
    {
        return None;
    }
    DAYS.iter().position(|d| *d == word).map(|i| i as u32 + 1)
}

/// A capitalized month name at `k`: the month and the token after it (past an abbreviation's
/// dot). "May" counts only before a day or year, or after "in"/"on"/"since"/"by"… .
fn month_at(doc: &Doc, k: usize) -> Option<(u32, usize)> {
    if !doc.capitalized(k) {
        return None;
    }
    let w = doc.s(k);
    let m = month(w)?;
    let abbreviated = (w.len() <= 3 || w == "Sept") && !matches!(w, "May");
    let mut end = k + 1;
    if abbreviated && doc.sym(end, '.') && doc.glued(end) {
        end += 1;
    } else if abbreviated && w.len() == 3 && !doc.num(end) {
        // "Mar", "Jan" without a dot and without a day: too ambiguous
        return None;
    }
    if w == "May" || w == "March" {
        let before = doc.lc(k.wrapping_sub(1));
        let dated = doc.num(end);
        let cue = matches!(
            before.as_str(),
            "in" | "on"
                | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "through"
                | "between"
                | "and"
                | "to"
                | "during"
                | "before"
                | "after"
                | "end"
        );
        if !dated && !cue {
            return None;
        }
    }
    Some((m, end))
}

/// A day of the month at `k` ("5", "5th", "05"), with the token after it.
fn day_at(doc: &Doc, k: usize) -> Option<(u32, usize)> {
    if !doc.num(k) {
        return None;
    }
    // bytes, not `doc.s`: no char-boundary tests for a test run on every number
    let s = doc.bytes(k);
    if s.len() > 2 {
        return None;
    }
    let d = whole(s)?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = k + 1;
    if doc.glued(end) && matches!(doc.lc(end).as_str(), "st" | "nd" | "rd" | "th") {
        end += 1;
    }
    // "5:30" is a time, "5%" a percentage
    if doc.glued(end) && (doc.sym(end, ':') || doc.sym(end, '%') || doc.word(end)) {
        return None;
    }
    Some((d, end))
}

/// A four-digit year at `k` (1000–2199).
fn year_at(doc: &Doc, k: usize) -> Option<u32> {
    if !doc.num(k) {
        return None;
    }
    let s = doc.bytes(k);
    if s.len() != 4 {
        return None;
    }
    let y = whole(s)?;
    (1000..2200).contains(&y).then_some(y)
}

/// The value of a run of one to nine ASCII digits (what `str::parse::<u32>` gives for the
/// digit strings of number tokens, without its general code).
fn whole(s: &[u8]) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.iter().try_fold(0u32, |v, &b| {
        b.is_ascii_digit().then(|| v * 10 + u32::from(b - b'0'))
    })
}

/// Whether a bare number at `k` reads as a year (1800–2100, no unit glued to it).
pub fn bare_year(doc: &Doc, k: usize) -> Option<u32> {
    let y = year_at(doc, k)?;
    if !(1800..=2100).contains(&y) {
        return None;
    }
    if doc.glued(k + 1) && (doc.word(k + 1) || doc.sym(k + 1, '%')) {
        return None;
    }
    Some(y)
}

fn days_in_month(m: u32) -> u32 {
    [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m as usize).clamp(1, 12) - 1]
}

/// Appends `n` in decimal, zero-padded to `width` digits (what `format!("{n:0width$}")`
/// writes, without the formatting machinery).
fn push_num(s: &mut String, n: u32, width: usize) {
    // two digits (months, days, hours, minutes) without the loop
    if n < 100 && width == 2 {
        s.push(char::from(b'0' + (n / 10) as u8));
        s.push(char::from(b'0' + (n % 10) as u8));
        return;
    }
    let mut digits = [0u8; 10];
    let (mut n, mut k) = (n, digits.len());
    while n > 0 || digits.len() - k < width.max(1) {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for &d in &digits[k..] {
        s.push(char::from(d));
    }
}

/// A year ("2024", zero-padded to four digits) or "XXXX" for none.
fn push_year(s: &mut String, year: Option<u32>) {
    match year {
        Some(y) => push_num(s, y, 4),
        None => s.push_str("XXXX"),
    }
}

/// "2024-10-05", "XXXX-10", built in one allocation of the right size.
fn date_value(year: Option<u32>, month: u32, day: Option<u32>) -> String {
    let mut v = String::with_capacity(10);
    push_year(&mut v, year);
    v.push('-');
    push_num(&mut v, month, 2);
    if let Some(d) = day {
        v.push('-');
        push_num(&mut v, d, 2);
    }
    v
}

/// "2025-SP", "XXXX-Q2": a year (or "XXXX") and a period code.
fn year_and(year: Option<u32>, code: &str) -> String {
    let mut v = String::with_capacity(5 + code.len());
    match year {
        Some(y) => push_num(&mut v, y, 1),
        None => v.push_str("XXXX"),
    }
    v.push('-');
    v.push_str(code);
    v
}

/// A clock time "T07:58".
fn clock(h: u32, m: u32) -> String {
    let mut v = String::with_capacity(6);
    v.push('T');
    push_num(&mut v, h, 2);
    v.push(':');
    push_num(&mut v, m, 2);
    v
}

/// A year after a month or day, optionally after a comma: ", 2024" / " 2024".
fn year_after(doc: &Doc, k: usize) -> Option<(u32, usize)> {
    let j = if doc.sym(k, ',') { k + 1 } else { k };
    let y = year_at(doc, j)?;
    Some((y, j + 1))
}

/// A date starting at token `i`.
pub fn date(doc: &Doc, i: usize) -> Option<Temporal> {
    let mut t = hedged(doc, i)?;
    t.start = i;
    Some(t)
}

/// "early", "mid-", "late", "the end of"? + a date.
fn hedged(doc: &Doc, i: usize) -> Option<Temporal> {
    let w = doc.lc(i);
    let hedge = matches!(w.as_str(), "early" | "late" | "mid");
    if hedge {
        let k = if doc.sym(i + 1, '-') { i + 2 } else { i + 1 };
        let mut t = plain_date(doc, k).or_else(|| year(doc, k))?;
        if matches!(t.what, What::Date(_)) {
            t.approximate = true;
            return Some(t);
        }
        return None;
    }
    plain_date(doc, i)
}

fn plain_date(doc: &Doc, i: usize) -> Option<Temporal> {
    let mk = |end: usize, v: String| Temporal {
        start: i,
        end,
        what: What::Date(v),
        approximate: false,
    };
    // What can start here depends on the token's kind: read each word test once.
    match doc.kind(i) {
        TokKind::Sym(_) => return None,
        TokKind::Num => return numeric_date(doc, i).map(|(end, v)| mk(end, v)),
        TokKind::Word if !doc.capitalized(i) => return period(doc, i),
        TokKind::Word => {}
    }
    // Weekday, optionally with a date: "Monday, Nov. 11"
    if let Some(wd) = weekday(doc.s(i)) {
        let k = if doc.sym(i + 1, ',') { i + 2 } else { i + 1 };
        if let Some(t) = month_day(doc, k).or_else(|| day_month(doc, k)) {
            return Some(mk(t.0, t.1));
        }
        let mut v = String::with_capacity(10);
        v.push_str("XXXX-WXX-");
        push_num(&mut v, wd, 1);
        return Some(mk(i + 1, v));
    }
    if let Some((m, end)) = month_at(doc, i) {
        if let Some((end, v)) = day_after_month(doc, m, end) {
            return Some(mk(end, v));
        }
        if let Some((y, end)) = year_after(doc, end).filter(|_| !doc.sym(end, ',')) {
            return Some(mk(end, date_value(Some(y), m, None)));
        }
        // "March of 2024"
        if doc.is(end, "of") {
            if let Some(y) = year_at(doc, end + 1) {
                return Some(mk(end + 2, date_value(Some(y), m, None)));
            }
        }
        return Some(mk(end, date_value(None, m, None)));
    }
    period(doc, i)
}

/// The dates that start with a number: "5 November", ISO "2024-10-05", US "11/5/2024",
/// decades "1990s".
fn numeric_date(doc: &Doc, i: usize) -> Option<(usize, String)> {
    // a day has one or two digits, a year four, and a US date goes on with '/': most
    // numbers ("76,244", "39.3", "571") are none of these
    let len = doc.bytes(i).len();
    if len > 2 && len != 4 && !doc.sym(i + 1, '/') {
        return None;
    }
    if len <= 2 {
        if let Some(t) = day_month(doc, i) {
            return Some(t);
        }
    }
    let mk = |end: usize, v: String| Some((end, v));
    // (the three forms differ in the token after the first: '-', '/', "s" or '\'')
    if let Some(y) = year_at(doc, i) {
        // ISO "2024-10-05"
        if doc.sym(i + 1, '-')
            && doc.glued(i + 1)
            && doc.num(i + 2)
            && doc.sym(i + 3, '-')
            && doc.num(i + 4)
            && doc.s(i + 2).len() == 2
        {
            let (m, d) = (doc.value(i + 2) as u32, doc.value(i + 4) as u32);
            if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(m) && doc.s(i + 4).len() == 2 {
                return mk(i + 5, date_value(Some(y), m, Some(d)));
            }
        }
        // decades: "1990s", "the 1990s"
        let decade = || {
            let mut v = String::with_capacity(3);
            push_num(&mut v, y / 10, 1);
            v
        };
        if doc.glued(i + 1) && doc.s(i + 1) == "s" && y % 10 == 0 {
            return mk(i + 2, decade());
        }
        if (doc.sym(i + 1, '\'') && doc.s(i + 2) == "s") && y % 10 == 0 {
            return mk(i + 3, decade());
        }
    }
    // US "11/5/2024"
    if doc.sym(i + 1, '/') && doc.num(i + 2) && doc.sym(i + 3, '/') {
        if let Some(y) = year_at(doc, i + 4) {
            let (m, d) = (doc.value(i) as u32, doc.value(i + 2) as u32);
            if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(m) {
                return mk(i + 5, date_value(Some(y), m, Some(d)));
            }
        }
    }
    None
}

/// "Nov. 5", "November 5th, 2024", "Nov 5".
fn month_day(doc: &Doc, i: usize) -> Option<(usize, String)> {
    let (m, k) = month_at(doc, i)?;
    day_after_month(doc, m, k)
}

/// [`month_day`] after its month `m`, from token `k`.
fn day_after_month(doc: &Doc, m: u32, k: usize) -> Option<(usize, String)> {
    let (d, k) = day_at(doc, k)?;
    if d > days_in_month(m) {
        return None;
    }
    if let Some((y, end)) = year_after(doc, k) {
        return Some((end, date_value(Some(y), m, Some(d))));
    }
    Some((k, date_value(None, m, Some(d))))
}

/// "5 November 2024", "5th of November".
fn day_month(doc: &Doc, i: usize) -> Option<(usize, String)> {
    let (d, k) = day_at(doc, i)?;
    let k = if doc.is(k, "of") { k + 1 } else { k };
    let (m, k) = month_at(doc, k)?;
    if d > days_in_month(m) {
        return None;
    }
    if let Some((y, end)) = year_after(doc, k).filter(|_| !doc.sym(k, ',')) {
        return Some((end, date_value(Some(y), m, Some(d))));
    }
    Some((k, date_value(None, m, Some(d))))
}

/// Quarters, halves and seasons: "second quarter", "third-quarter", "Q3 2024",
/// "first half of 2026", "H1", "spring 2025".
fn period(doc: &Doc, i: usize) -> Option<Temporal> {
    let w = doc.lc(i);
    let w = w.as_str();
    let ord = match w {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        _ => None,
    };
    let (code, end) = if let Some(n) = ord {
        let k = if doc.sym(i + 1, '-') && doc.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        match doc.lc(k).as_str() {
            "quarter" => (["Q1", "Q2", "Q3", "Q4"][n - 1], k + 1),
            "half" if n <= 2 => (["H1", "H2"][n - 1], k + 1),
            _ => return None,
        }
    } else if doc.word(i) && matches!(doc.bytes(i), b"Q1" | b"Q2" | b"Q3" | b"Q4" | b"H1" | b"H2") {
        (doc.s(i), i + 1)
    } else if let Some(season) = match w {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    } {
        // only with a year: "spring 2025", "summer of 2024"
        let k = if doc.is(i + 1, "of") { i + 2 } else { i + 1 };
        let y = year_at(doc, k)?;
        return Some(Temporal {
            start: i,
            end: k + 1,
            what: What::Date(year_and(Some(y), season)),
            approximate: false,
        });
    } else {
        return None;
    };
    // "of 2026", "2024", "of the year" stays unresolved
    let (year, end) = if doc.is(end, "of") && year_at(doc, end + 1).is_some() {
        (year_at(doc, end + 1), end + 2)
    } else if let Some(y) = year_at(doc, end) {
        (Some(y), end + 1)
    } else {
        (None, end)
    };
    Some(Temporal {
        start: i,
        end,
        what: What::Date(year_and(year, code)),
        approximate: false,
    })
}

/// A bare year, "early 2023", "the late 1990s" handled by [`date`]; this reads years alone.
pub fn year(doc: &Doc, i: usize) -> Option<Temporal> {
    let y = bare_year(doc, i)?;
    Some(Temporal {
        start: i,
        end: i + 1,
        what: What::Date({
            let mut v = String::with_capacity(4);
            push_num(&mut v, y, 1);
            v
        }),
        approximate: false,
    })
}

/// Time-zone abbreviations kept in a time's span.
fn zone(word: &str) -> bool {
    matches!(
        word,
        "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "ET"
            | "EST"
            | "EDT"
            | "PT"
            | "PST"
            | "PDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "IST"
            | "JST"
            | "AEST"
            | "AEDT"
            | "HKT"
            | "SGT"
            | "KST"
            | "WIB"
            | "EET"
            | "MSK"
    )
}

/// "a.m."/"am"/"AM"/"p.m."… at `k`: (is pm, end token).
fn meridiem(doc: &Doc, k: usize) -> Option<(bool, usize)> {
    let w = doc.lc(k);
    match w.as_str() {
        "am" | "pm" => Some((w.as_str() == "pm", k + 1)),
        "a" | "p" => {
            if doc.sym(k + 1, '.') && doc.is(k + 2, "m") && doc.glued(k + 1) && doc.glued(k + 2) {
                let pm = w.as_str() == "p";
                let end = if doc.sym(k + 3, '.') && doc.glued(k + 3) {
                    k + 4
                } else {
                    k + 3
                };
                Some((pm, end))
            } else {
                None
            }
        }
        _ => None,
    }
}

fn hour24(h: u32, pm: Option<bool>) -> Option<u32> {
    match pm {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            Some(match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            })
        }
        None => (h <= 24).then_some(h),
    }
}

/// A clock time (or race time) starting at token `i`.
pub fn time(doc: &Doc, i: usize) -> Option<Temporal> {
    let mk = |end: usize, what: What| Temporal {
        start: i,
        end,
        what,
        approximate: false,
    };
    if doc.kind(i) != TokKind::Num {
        let w = doc.lc(i);
        let v = match w.as_str() {
            "noon" | "midday" => "T12:00",
            "midnight" => "T00:00",
            _ => return None,
        };
        let before = doc.lc(i.wrapping_sub(1));
        if !matches!(
            before.as_str(),
            "at" | "by" | "until" | "before" | "after" | "from" | "around" | "about" | "till"
        ) {
            return None;
        }
        return Some(mk(i + 1, What::Time(v.to_string())));
    }
    // bytes, not `doc.s`: no char-boundary tests for a test run on every number
    let s = doc.bytes(i);
    let digits_only = s.iter().all(u8::is_ascii_digit);
    // H:MM[:SS]
    if digits_only
        && s.len() <= 2
        && doc.sym(i + 1, ':')
        && doc.glued(i + 1)
        && doc.num(i + 2)
        && doc.glued(i + 2)
    {
        let h = whole(s)?;
        let mm = doc.s(i + 2);
        if mm.len() != 2 || !mm.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let m = whole(mm.as_bytes())?;
        if m > 59 {
            return None;
        }
        if doc.sym(i + 3, ':') && doc.glued(i + 3) && doc.num(i + 4) && doc.s(i + 4).len() == 2 {
            let sec: f64 = doc.value(i + 4);
            return Some(mk(
                i + 5,
                What::Duration(h as f64 * 3600.0 + m as f64 * 60.0 + sec),
            ));
        }
        let (pm, end) = match meridiem(doc, i + 3) {
            Some((pm, end)) => (Some(pm), end),
            None => (None, i + 3),
        };
        let h = hour24(h, pm)?;
        let end = if doc.word(end) && zone(doc.s(end)) {
            end + 1
        } else {
            end
        };
        return Some(mk(end, What::Time(clock(h, m))));
    }
    // "10.30pm", "9am", "6 p.m."
    let (h, m) = if digits_only && s.len() <= 2 {
        (whole(s)?, 0)
    } else if let Some(dot) = s.iter().position(|&b| b == b'.').filter(|_| !digits_only) {
        let (a, b) = (&s[..dot], &s[dot + 1..]);
        if a.len() > 2 || b.len() != 2 {
            return None;
        }
        (whole(a)?, whole(b).filter(|m| *m < 60)?)
    } else if digits_only && s.len() == 4 {
        // "1400 GMT", "0900 GMT"
        let end = i + 1;
        if doc.word(end) && zone(doc.s(end)) {
            let (h, m) = (whole(&s[..2])?, whole(&s[2..])?);
            if h < 24 && m < 60 {
                return Some(mk(end + 1, What::Time(clock(h, m))));
            }
        }
        return None;
    } else {
        return None;
    };
    let (pm, end) = meridiem(doc, i + 1)?;
    let h = hour24(h, Some(pm))?;
    let end = if doc.word(end) && zone(doc.s(end)) {
        end + 1
    } else {
        end
    };
    Some(mk(end, What::Time(clock(h, m))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> (String, String) {
        let doc = Doc::new(text);
        let t = date(&doc, 0).or_else(|| time(&doc, 0)).expect(text);
        let v = match t.what {
            What::Date(v) | What::Time(v) => v,
            What::Duration(s) => format!("{s}s"),
        };
        (text[doc.start(t.start)..doc.end(t.end - 1)].to_string(), v)
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn dates() {
        assert_eq!(d("Nov. 5, with"), pair("Nov. 5", "XXXX-11-05"));
        assert_eq!(d("October 2024, the"), pair("October 2024", "2024-10"));
        assert_eq!(d("March 4, 2024 and"), pair("March 4, 2024", "2024-03-04"));
        assert_eq!(d("Wednesday, beating"), pair("Wednesday", "XXXX-WXX-3"));
        assert_eq!(
            d("Monday, Nov. 11 was"),
            pair("Monday, Nov. 11", "XXXX-11-11")
        );
        assert_eq!(d("5 November 2024"), pair("5 November 2024", "2024-11-05"));
        assert_eq!(
            d("second quarter of 2025"),
            pair("second quarter of 2025", "2025-Q2")
        );
        assert_eq!(
            d("first half of 2026"),
            pair("first half of 2026", "2026-H1")
        );
        assert_eq!(d("early 2023"), pair("early 2023", "2023"));
        assert_eq!(d("1990s"), pair("1990s", "199"));
        assert_eq!(d("2024-10-05"), pair("2024-10-05", "2024-10-05"));
        assert!(date(&Doc::new("may rise"), 0).is_none());
    }

    #[test]
    fn times() {
        assert_eq!(d("7:58 a.m. on"), pair("7:58 a.m.", "T07:58"));
        assert_eq!(d("1400 GMT"), pair("1400 GMT", "T14:00"));
        assert_eq!(d("10.30pm"), pair("10.30pm", "T22:30"));
        assert_eq!(d("6 p.m."), pair("6 p.m.", "T18:00"));
        assert_eq!(d("12 a.m."), pair("12 a.m.", "T00:00"));
        assert_eq!(d("1:58:30 to win"), pair("1:58:30", "7110s"));
    }
}
