//! Numbers in digits and in words, as token spans with a value.
//!
//! Input: the document's tokens and a start token. Output: a [`Number`] — its token span, value,
//! and what it was made of (digits or words, a scale word, a fraction, a vague amount).
//! Grammar, from data tables below: digits with separators and decimals ("11,000", "1.5"),
//! exponents ("1e10", "1.1^23"), vulgar and slash fractions ("3½", "10 1/2", "3/4"), scale words
//! and abbreviations ("1.5bn", "2 crore", "3 lakh", "10k"); spelled numbers ("one hundred and
//! sixty-one", "twenty-one trillion"), decimals in words ("five point five"), fractions ("a
//! third", "two thirds", "one and a half"), articles that are numerals ("a dozen", "half a
//! million") and vague amounts ("tens of thousands", "dozens"). Cost: O(length of the number).
//!
//! Why not a crate: `text2num` (en, ≈ +10 KB gz) turns words into digits but not fractions,
//! "half a million", lakh/crore or vague amounts, and works on strings rather than on the
//! scanner's tokens; this table-driven grammar is a few hundred lines and shares the tokens.

use super::token::{Doc, TokKind};

/// A number found in the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// First token.
    pub start: usize,
    /// Past the last token.
    pub end: usize,
    /// The value (NaN for a vague amount).
    pub value: f64,
    /// Spelled out in words (at least partly).
    pub words: bool,
    /// The product of scale words ("million", "bn", "crore"); 1 without.
    pub scale: f64,
    /// A fraction ("a third", "3/4", "half").
    pub fraction: bool,
    /// A vague amount ("thousands", "tens of thousands", "dozens").
    pub vague: bool,
    /// Just the word "one" (often a pronoun).
    pub bare_one: bool,
    /// A single digit token without separators or decimals ("2024", "15").
    pub plain: bool,
}

/// The class of a number word.
#[derive(Clone, Copy, Debug, PartialEq)]
enum W {
    Unit(f64),
    Teen(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
}

fn word_num(w: &str) -> Option<W> {
    use W::*;
    Some(match w {
        "zero" | "nought" | "naught" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Teen(10.0),
        "eleven" => Teen(11.0),
        "twelve" => Teen(12.0),
        "thirteen" => Teen(13.0),
        "fourteen" => Teen(14.0),
        "fifteen" => Teen(15.0),
        "sixteen" => Teen(16.0),
        "seventeen" => Teen(17.0),
        "eighteen" => Teen(18.0),
        "nineteen" => Teen(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" | "fourty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "dozen" | "dozens" => Dozen,
        _ => Scale(scale_word(w)?),
    })
}

/// Scale words that follow a number in words or digits.
fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Scale words and abbreviations after digits (`word`, and `w` lowercased). `glued`: no
/// space before; `money`: after a currency sign, where "m" means million rather than metre.
fn digit_scale(word: &str, w: &str, glued: bool, money: bool) -> Option<f64> {
    match word {
        "M" | "MM" | "MN" | "Mn" => return Some(1e6),
        "K" => return Some(1e3),
        "B" | "b" if glued => return Some(1e9),
        "k" if glued => return Some(1e3),
        "m" if money => return Some(1e6),
        _ => {}
    }
    Some(match w {
        // the one [`word_num`] that scales digits ("3 hundred"), without its whole table
        "hundred" => 100.0,
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => 12.0,
        "k" => 1e3,
        "bn" | "bln" | "bil" => 1e9,
        "mn" | "mln" | "mil" | "mio" => 1e6,
        "tn" | "tln" | "trn" => 1e12,
        _ => scale_word(w)?,
    })
}

/// Denominator words: "half", "thirds", "quarter", "fifths", "hundredth"… (`second` and
/// `first` are left out: "two seconds" is a duration, "the first" an ordinal).
pub fn denominator(w: &str) -> Option<f64> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "half" | "halve" => 2.0,
        "quarter" => 4.0,
        "second" | "first" => return None,
        _ => {
            let d = ordinal_word(stem)?;
            if d < 3.0 {
                return None;
            }
            d
        }
    })
}

/// Ordinal words: "first" → 1 … "twelfth", "twentieth", "hundredth".
pub fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Vulgar fraction characters.
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// Denominators accepted in "3/4" (so that "9/11" or "24/7" are not read as fractions).
const SLASH_DENOMINATORS: &[f64] = &[2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];

fn word_at(doc: &Doc, i: usize) -> Option<W> {
    word_num(doc.lc(i).as_str())
}

impl Number {
    fn new(start: usize, end: usize, value: f64) -> Number {
        Number {
            start,
            end,
            value,
            words: false,
            scale: 1.0,
            fraction: false,
            vague: false,
            bare_one: false,
            plain: false,
        }
    }
}

/// Parses a number starting at token `i`. `money`: right after a currency sign.
pub fn parse(doc: &Doc, i: usize, money: bool) -> Option<Number> {
    let mut n = match doc.kind(i) {
        TokKind::Num => digits(doc, i, money)?,
        TokKind::Sym(c) => {
            if let Some(n) = negative(doc, i, money) {
                return Some(n);
            }
            // "½ teaspoon", "¾"
            let f = vulgar(c)?;
            let mut n = Number::new(i, i + 1, f);
            n.fraction = true;
            return Some(n);
        }
        TokKind::Word => {
            if let Some(n) = negative(doc, i, money) {
                return Some(n);
            }
            words(doc, i)?
        }
    };
    if !n.vague && may_scale(doc, n.end) {
        scales(doc, &mut n, money);
        if n.scale > 1.0 && !n.words {
            digit_tail(doc, &mut n);
            and_fraction(doc, &mut n);
        }
    }
    // "12e2024" overflows: not a number anyone wrote as a figure
    (n.vague || n.value.is_finite()).then_some(n)
}

/// "3 hundred and 21", "4 thousand 3 hundred": digits with scale words continue with a
/// smaller part (only after "hundred" for an "and" tail, so "$5 million and 20 jobs" stays two).
fn digit_tail(doc: &Doc, n: &mut Number) {
    let k = n.end;
    if n.scale == 100.0 && doc.is(k, "and") {
        if let Some(m) = parse_plain(doc, k + 1) {
            let scaled = doc.word(m.end)
                && digit_scale(
                    doc.s(m.end),
                    doc.lc(m.end).as_str(),
                    doc.glued(m.end),
                    false,
                )
                .is_some();
            if m.value < 100.0 && m.scale == 1.0 && !m.fraction && !scaled {
                n.value += m.value;
                n.end = m.end;
            }
        }
        return;
    }
    if doc.num(k) && !doc.brk(k) {
        if let Some(mut m) = digits(doc, k, false) {
            scales(doc, &mut m, false);
            if m.scale > 1.0 && m.scale < n.scale && m.value < n.scale {
                n.value += m.value;
                n.end = m.end;
                digit_tail(doc, n);
            }
        }
    }
}

fn parse_plain(doc: &Doc, k: usize) -> Option<Number> {
    if doc.num(k) {
        let n = digits(doc, k, false)?;
        (n.plain).then_some(n)
    } else {
        integer_words(doc, k)
    }
}

/// "minus five", "negative one", "-1", "−40".
fn negative(doc: &Doc, i: usize, money: bool) -> Option<Number> {
    // the word read once: this runs at every word and sign a number may start at
    let w = doc.lc(i);
    let sign_word = matches!(w.as_str(), "minus" | "negative");
    let sign_sym = doc.sym(i, '-') || doc.sym(i, '−');
    if !sign_word && !sign_sym {
        return None;
    }
    // "plus or minus 3 points" is a margin, not a negative number
    if w.as_str() == "minus" && doc.is(i.wrapping_sub(1), "or") && doc.is(i.wrapping_sub(2), "plus")
    {
        return None;
    }
    if sign_sym {
        let starts_line = i == 0 || doc.brk(i);
        let spaced_before = i == 0 || doc.toks[i].space;
        // A dash between two figures is a range, not a sign.
        if !spaced_before || doc.num(i.wrapping_sub(1)) || !(doc.glued(i + 1) || starts_line) {
            return None;
        }
        if !doc.num(i + 1) {
            return None;
        }
    }
    let mut n = parse(doc, i + 1, money)?;
    if n.vague {
        return None;
    }
    n.start = i;
    n.value = -n.value;
    n.plain = false;
    n.bare_one = false;
    Some(n)
}

fn digits(doc: &Doc, i: usize, money: bool) -> Option<Number> {
    // bytes, not `doc.s`: no char-boundary tests for a test run on every number
    let s = doc.bytes(i);
    let mut n = Number::new(i, i + 1, super::token::decimal(s));
    if n.value.is_nan() {
        return None;
    }
    let integer = s.iter().all(u8::is_ascii_digit);
    n.plain = integer;
    // Every longer form below goes on with a token glued to this one or with a number (a
    // thousands group, "10 1/2"): most numbers, followed by a space and a word, end here.
    if !doc.glued(i + 1) && !doc.num(i + 1) {
        return Some(n);
    }
    // Of what is glued, only a word starting "e"/"x" (an exponent) or a '^', '/' or
    // non-ASCII symbol (a power, a fraction) goes on: "15%", "2,", "10km" end here.
    if doc.glued(i + 1) {
        let goes_on = match doc.kind(i + 1) {
            TokKind::Word => matches!(doc.bytes(i + 1)[0], b'e' | b'E' | b'x'),
            TokKind::Sym(c) => matches!(c, '^' | '/') || !c.is_ascii(),
            TokKind::Num => true,
        };
        if !goes_on {
            return Some(n);
        }
    }
    // exponent: "1e10", "12.32e+14", "1.3e6"
    if doc.glued(i + 1) && doc.word(i + 1) {
        let w = doc.s(i + 1);
        if let Some(exp) = w.strip_prefix(['e', 'E']) {
            if !exp.is_empty() && exp.bytes().all(|b| b.is_ascii_digit()) {
                n.value *= super::token::pow10(super::token::decimal(exp.as_bytes()) as i32);
                n.end = i + 2;
                n.plain = false;
                return Some(n);
            }
            if exp.is_empty()
                && (doc.sym(i + 2, '+') || doc.sym(i + 2, '-'))
                && doc.glued(i + 2)
                && doc.num(i + 3)
                && doc.glued(i + 3)
            {
                let e = doc.value(i + 3);
                let e = if doc.sym(i + 2, '-') { -e } else { e };
                n.value *= super::token::pow10(e as i32);
                n.end = i + 4;
                n.plain = false;
                return Some(n);
            }
        }
    }
    // "1.3x10^6"
    if doc.glued(i + 1) && doc.s(i + 1) == "x10" && doc.sym(i + 2, '^') && doc.glued(i + 2) {
        let mut k = i + 3;
        let minus = doc.sym(k, '-') && doc.glued(k);
        if minus || doc.sym(k, '+') {
            k += 1;
        }
        if doc.num(k) && doc.glued(k) {
            let e = doc.value(k);
            n.value *= super::token::pow10(if minus { -e } else { e } as i32);
            n.end = k + 1;
            n.plain = false;
            return Some(n);
        }
    }
    // "1 234 567", "40 000": thousands separated by single spaces
    if integer && s.len() <= 3 && !doc.sym(i.wrapping_sub(1), ',') {
        let mut k = i + 1;
        let mut v = n.value;
        while doc.num(k) && single_space_before(doc, k) && is_group(doc.s(k)) {
            v = v * 1000.0 + doc.value(k).trunc() + (doc.value(k).fract());
            k += 1;
            if doc.s(k - 1).contains('.') {
                break;
            }
        }
        if k > i + 1 {
            n.value = v;
            n.end = k;
            n.plain = false;
            return Some(n);
        }
    }
    // power: "1.1^23", "2.5^-1", "-1.1^--23"
    if doc.sym(i + 1, '^') && doc.glued(i + 1) {
        let mut k = i + 2;
        let mut minus = 0;
        while (doc.sym(k, '-') || doc.sym(k, '+')) && doc.glued(k) {
            minus += usize::from(doc.sym(k, '-'));
            k += 1;
        }
        if doc.num(k) && doc.glued(k) {
            let e = doc.value(k);
            n.value = n.value.powi(if minus % 2 == 1 { -e } else { e } as i32);
            n.end = k + 1;
            n.plain = false;
            return Some(n);
        }
    }
    // "3½"
    if let TokKind::Sym(c) = doc.kind(i + 1) {
        if let (Some(f), true) = (vulgar(c), doc.glued(i + 1)) {
            n.value += f;
            n.end = i + 2;
            n.plain = false;
            return Some(n);
        }
    }
    // "10 1/2"
    if integer && !money && doc.num(i + 1) && !doc.glued(i + 1) {
        if let Some(f) = slash_fraction(doc, i + 1) {
            n.value += f;
            n.end = i + 4;
            n.plain = false;
            return Some(n);
        }
    }
    // "3/4"
    if integer && !money {
        if let Some(f) = slash_fraction(doc, i) {
            n.value = f;
            n.end = i + 3;
            n.plain = false;
            n.fraction = true;
            return Some(n);
        }
    }
    Some(n)
}

/// Exactly three digits, optionally with decimals ("234", "567.89").
fn is_group(s: &str) -> bool {
    let int = s.split('.').next().unwrap_or("");
    int.len() == 3 && int.bytes().all(|b| b.is_ascii_digit())
}

fn single_space_before(doc: &Doc, k: usize) -> bool {
    let (a, b) = (doc.end(k - 1), doc.start(k));
    b == a + 1 && doc.text.as_bytes()[a] == b' '
}

/// "a/b" at token `i` with a small numerator and a usual denominator, not part of a date.
fn slash_fraction(doc: &Doc, i: usize) -> Option<f64> {
    if !(doc.sym(i + 1, '/') && doc.glued(i + 1) && doc.num(i + 2) && doc.glued(i + 2)) {
        return None;
    }
    if doc.sym(i + 3, '/') || doc.sym(i.wrapping_sub(1), '/') {
        return None;
    }
    let (a, b) = (doc.value(i), doc.value(i + 2));
    let plain = |k: usize| doc.s(k).bytes().all(|c| c.is_ascii_digit());
    (plain(i) && plain(i + 2) && a < b && SLASH_DENOMINATORS.contains(&b)).then_some(a / b)
}

/// Whether token `k` may be a scale word or abbreviation on the number's line: every one
/// starts with one of these letters, so the word after most numbers ("people", "years",
/// "per") is turned away here, before [`scales`] is called.
#[inline]
fn may_scale(doc: &Doc, k: usize) -> bool {
    doc.word(k)
        && !doc.brk(k)
        && matches!(
            doc.bytes(k)[0].to_ascii_lowercase(),
            b'b' | b'c' | b'd' | b'h' | b'k' | b'l' | b'm' | b't'
        )
}

/// Scale words after the number: "1.5 million", "3 lakh crore", "$20m", "10k", "3 dozen".
fn scales(doc: &Doc, n: &mut Number, money: bool) {
    loop {
        let k = n.end;
        if !may_scale(doc, k) {
            return;
        }
        // "1.2m vehicles", "50m people": a glued "m" before a plural noun is a million
        let million = doc.s(k) == "m"
            && doc.glued(k)
            && doc.word(k + 1)
            && super::lexicon::plural(doc, k + 1)
            && !super::lexicon::function_word(doc, k + 1);
        // "3M", "5K" before a word are names ("3M stores", "a 5K run"), not 3 million
        let letter_scale = matches!(doc.s(k), "M" | "K" | "B" | "k" | "b") && doc.glued(k);
        let before_plural = doc.s(k) == "k" && super::lexicon::plural(doc, k + 1);
        if letter_scale && !money && doc.word(k + 1) && !doc.brk(k + 1) && !before_plural {
            return;
        }
        let Some(s) = digit_scale(doc.s(k), doc.lc(k).as_str(), doc.glued(k), money || million)
        else {
            return;
        };
        // "m" glued to digits is a metre unless money; "M" before a unit word is mega-.
        n.value *= s;
        n.scale *= s;
        n.end = k + 1;
        n.plain = false;
    }
}

/// Spelled numbers, fractions and vague amounts at token `i`.
fn words(doc: &Doc, i: usize) -> Option<Number> {
    let w = doc.lc(i);
    let w = w.as_str();
    if w.is_empty() {
        return None;
    }
    if let Some(n) = vague(doc, i, w) {
        return Some(n);
    }
    if w == "a" || w == "an" {
        return article(doc, i);
    }
    if w == "half" || w == "quarter" {
        let part = if w == "half" { 0.5 } else { 0.25 };
        // "half a million", "half a dozen", "quarter of a million"
        let mut k = i + 1;
        if doc.is(k, "of") && w == "quarter" {
            k += 1;
        }
        if doc.is(k, "a") {
            if let Some(W::Scale(s)) = word_at(doc, k + 1) {
                return Some(spelled(i, k + 2, part * s));
            }
            if let Some(W::Dozen) = word_at(doc, k + 1) {
                return Some(spelled(i, k + 2, part * 12.0));
            }
        }
        if let Some(W::Scale(s)) = word_at(doc, i + 1) {
            return Some(spelled(i, i + 2, part * s));
        }
        if w == "half" {
            let mut n = spelled(i, i + 1, 0.5);
            n.fraction = true;
            return Some(n);
        }
        return None;
    }
    let mut n = integer_words(doc, i)?;
    // "two thirds", "one-fifth", "twenty-three fifths"
    let mut k = n.end;
    if doc.sym(k, '-') {
        k += 1;
    }
    if let Some((d, end)) = denominator_at(doc, k) {
        let plural = doc.lc(end - 1).as_str().ends_with('s');
        // "one third" and "two thirds"; not "two third-placed" or "one quarter".
        if plural || n.value == 1.0 {
            n.value /= d;
            n.end = end;
            n.fraction = true;
            n.bare_one = false;
            // "two thirds of a million", "three quarters billion"
            let j = if doc.is(end, "of") && doc.is(end + 1, "a") {
                end + 2
            } else {
                end
            };
            if let Some(W::Scale(s)) = word_at(doc, j) {
                n.value *= s;
                n.end = j + 1;
                n.fraction = false;
                n.scale = s;
            }
            return Some(n);
        }
    }
    // "point five": decimals in words
    if doc.is(n.end, "point") {
        if let Some((frac, end)) = decimal_words(doc, n.end + 1) {
            n.value += frac;
            n.end = end;
            n.bare_one = false;
        }
    }
    // "one and a half", "twenty and three fifths", "one million and a half"
    and_fraction(doc, &mut n);
    Some(n)
}

/// "… and a half", "… and three quarters", "… and a half million" after a number: a fraction
/// of the last scale word ("one million and a half" = 1.5 million) or of one.
fn and_fraction(doc: &Doc, n: &mut Number) {
    if !doc.is(n.end, "and") {
        return;
    }
    let Some(f) = fraction_words(doc, n.end + 1) else {
        return;
    };
    let mut end = f.end;
    let scale = last_scale(doc, n);
    if let Some(W::Scale(s)) = word_at(doc, end) {
        end += 1;
        if scale > 1.0 {
            // "one billion and a half million"
            n.value += f.value * s;
        } else {
            // "one and a half million"
            n.value = (n.value + f.value) * s;
            n.scale = s;
        }
    } else {
        // "one million and a half", "three and a quarter"
        n.value += f.value * scale;
    }
    n.end = end;
    n.bare_one = false;
}

/// The scale word that ends a number ("million" in "3 million"), or 1.
fn last_scale(doc: &Doc, n: &Number) -> f64 {
    let w = doc.lc(n.end - 1);
    match word_num(w.as_str()) {
        Some(W::Scale(s)) => s,
        _ => digit_scale(doc.s(n.end - 1), doc.lc(n.end - 1).as_str(), true, false)
            .filter(|s| *s >= 1e3)
            .unwrap_or(1.0),
    }
}

fn spelled(start: usize, end: usize, value: f64) -> Number {
    let mut n = Number::new(start, end, value);
    n.words = true;
    n
}

/// A denominator word at `k`, possibly compound ("twenty-first", "hundredths").
fn denominator_at(doc: &Doc, k: usize) -> Option<(f64, usize)> {
    if let Some(W::Tens(t)) = word_at(doc, k) {
        if doc.sym(k + 1, '-') && doc.glued(k + 1) {
            let w = doc.lc(k + 2);
            let stem = w.as_str().strip_suffix('s').unwrap_or(w.as_str());
            if let Some(u) = ordinal_word(stem).filter(|&u| u < 10.0) {
                return Some((t + u, k + 3));
            }
        }
    }
    denominator(doc.lc(k).as_str()).map(|d| (d, k + 1))
}

/// "a third", "a half", "three fifths", "one fourth" at `k` (for "and …" tails).
fn fraction_words(doc: &Doc, k: usize) -> Option<Number> {
    if doc.is(k, "a") || doc.is(k, "an") {
        let (d, end) = denominator_at(doc, k + 1)?;
        let mut n = spelled(k, end, 1.0 / d);
        n.fraction = true;
        return Some(n);
    }
    let num = integer_words(doc, k)?;
    let (d, end) = denominator_at(doc, num.end)?;
    let mut n = spelled(k, end, num.value / d);
    n.fraction = true;
    Some(n)
}

/// Digits after "point": "zero three" → .03, "seventy-one" → .71.
fn decimal_words(doc: &Doc, k: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut end = k;
    while let Some(W::Unit(u)) = word_at(doc, end) {
        digits.push(char::from(b'0' + u as u8));
        end += 1;
    }
    if digits.is_empty() {
        let n = integer_words(doc, k)?;
        if n.value >= 100.0 {
            return None;
        }
        digits = format!("{}", n.value as u32);
        end = n.end;
    }
    let frac = super::token::decimal(format!("0.{digits}").as_bytes());
    Some((frac, end))
}

/// "a dozen", "a hundred", "a million", "a third", "a half", "a trillionth".
fn article(doc: &Doc, i: usize) -> Option<Number> {
    if let Some(W::Dozen) = word_at(doc, i + 1) {
        return Some(spelled(i, i + 2, 12.0));
    }
    match word_at(doc, i + 1) {
        Some(W::Hundred | W::Scale(_) | W::Dozen) => {
            let mut n = integer_words(doc, i + 1)?;
            n.start = i;
            // "a hundred trillionths"
            if let Some((d, end)) = denominator_at(doc, n.end) {
                n.value /= d;
                n.end = end;
                n.fraction = true;
            }
            Some(n)
        }
        _ => {
            let (d, end) = denominator_at(doc, i + 1)?;
            let mut n = spelled(i, end, 1.0 / d);
            n.fraction = true;
            Some(n)
        }
    }
}

/// Whole numbers in words: "one hundred and sixty-one", "two thousand and two hundred",
/// "three lakh crore", "fifty - two".
fn integer_words(doc: &Doc, i: usize) -> Option<Number> {
    let (mut total, mut cur) = (0.0f64, 0.0f64);
    let mut last: Option<W> = None;
    let mut end = i;
    let mut k = i;
    while let Some(w) = word_at(doc, k) {
        if k > i && doc.brk(k) {
            break;
        }
        let fits = match (last, w) {
            (_, W::Dozen) if last.is_none() => false,
            (Some(W::Unit(_) | W::Teen(_)), W::Unit(_) | W::Teen(_) | W::Tens(_)) => false,
            (Some(W::Tens(_)), W::Teen(_) | W::Tens(_)) => false,
            (Some(W::Hundred), W::Hundred) => false,
            _ => true,
        };
        if !fits {
            break;
        }
        match w {
            W::Unit(v) | W::Teen(v) | W::Tens(v) => cur += v,
            W::Hundred => cur = cur.max(1.0) * 100.0,
            W::Dozen => cur = cur.max(1.0) * 12.0,
            W::Scale(s) => {
                if last.is_none() {
                    cur = 1.0;
                }
                if total + cur < s {
                    total = (total + cur) * s;
                } else {
                    total += cur * s;
                }
                cur = 0.0;
            }
        }
        last = Some(w);
        end = k + 1;
        // joiners: "twenty-one", "fifty - two", "hundred and six"
        let next = k + 1;
        if matches!(w, W::Tens(_)) && doc.sym(next, '-') {
            if let Some(W::Unit(_)) = word_at(doc, next + 1) {
                k = next + 1;
                continue;
            }
        }
        if doc.is(next, "and") && matches!(w, W::Hundred | W::Scale(_)) {
            if let Some(W::Unit(_) | W::Teen(_) | W::Tens(_) | W::Hundred) = word_at(doc, next + 1)
            {
                // not "and a half"-style tails, which the caller reads
                if denominator_at(doc, next + 2).is_none()
                    || matches!(word_at(doc, next + 2), Some(W::Unit(_)))
                {
                    k = next + 1;
                    continue;
                }
            }
        }
        k = next;
    }
    last?;
    let mut n = spelled(i, end, total + cur);
    n.bare_one = end == i + 1 && doc.is(i, "one");
    Some(n)
}

/// Vague amounts: "tens of thousands", "hundreds of millions", "thousands", "dozens",
/// "several hundred", "a few thousand".
fn vague(doc: &Doc, i: usize, w: &str) -> Option<Number> {
    let plural_scale = |x: &str| {
        matches!(
            x,
            "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "dozens" | "scores"
        )
    };
    let mk = |end: usize| {
        let mut n = spelled(i, end, f64::NAN);
        n.vague = true;
        n
    };
    if (w == "tens" || w == "hundreds") && doc.is(i + 1, "of") {
        let next = doc.lc(i + 2);
        if plural_scale(next.as_str()) && next.as_str() != "dozens" && next.as_str() != "scores" {
            return Some(mk(i + 3));
        }
    }
    if plural_scale(w) && w != "scores" {
        return Some(mk(i + 1));
    }
    if w == "scores" && doc.is(i + 1, "of") {
        return Some(mk(i + 1));
    }
    let few = (w == "several" || w == "many")
        || (w == "a" && (doc.is(i + 1, "few") || doc.is(i + 1, "couple")));
    if few {
        let k = if w == "a" { i + 2 } else { i + 1 };
        let k = if doc.is(k, "of") { k + 1 } else { k };
        if let Some(W::Hundred | W::Scale(_) | W::Dozen) = word_at(doc, k) {
            if !doc.lc(k).as_str().ends_with('s') {
                return Some(mk(k + 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> (f64, &str) {
        let doc = Doc::new(text);
        let n = parse(&doc, 0, false).expect(text);
        (n.value, &text[doc.start(n.start)..doc.end(n.end - 1)])
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(value("11,000 people"), (11000.0, "11,000"));
        assert_eq!(value("1.5 million barrels"), (1.5e6, "1.5 million"));
        assert_eq!(value("3 lakh crore"), (3e12, "3 lakh crore"));
        assert_eq!(value("10k runners"), (1e4, "10k"));
        assert_eq!(value("1e10"), (1e10, "1e10"));
        assert_eq!(value("10 1/2 miles"), (10.5, "10 1/2"));
        assert_eq!(value("3½ hours"), (3.5, "3½"));
        assert_eq!(value("-4 degrees"), (-4.0, "-4"));
    }

    #[test]
    fn words() {
        assert_eq!(
            value("one hundred and sixty-one"),
            (161.0, "one hundred and sixty-one")
        );
        assert_eq!(value("twenty-one trillion three hundred").0, 21e12 + 300.0);
        assert_eq!(value("two thousand and two hundred").0, 2200.0);
        assert_eq!(value("half a million residents"), (5e5, "half a million"));
        assert_eq!(value("two dozen trucks"), (24.0, "two dozen"));
        assert_eq!(value("a dozen eggs"), (12.0, "a dozen"));
        assert_eq!(value("five point five").0, 5.5);
        assert_eq!(value("one and a half million").0, 1.5e6);
        assert_eq!(value("three fifths").0, 0.6);
        assert!((value("a third of voters").0 - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(value("one-fifth of").0, 0.2);
        assert_eq!(value("minus five").0, -5.0);
    }

    #[test]
    fn vague_amounts() {
        let doc = Doc::new("tens of thousands of troops");
        let n = parse(&doc, 0, false).unwrap();
        assert!(n.vague && n.end == 3);
        assert!(parse(&Doc::new("dozens of homes"), 0, false).unwrap().vague);
        assert!(parse(&Doc::new("a man"), 0, false).is_none());
    }
}
