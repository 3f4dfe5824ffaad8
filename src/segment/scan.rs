//! The inline scanner: sentence boundaries inside one block of text (a run of lines that
//! the line rules joined; see `mod.rs`).
//!
//! Input: a byte range of the text and a language [`Profile`]. Output: trimmed sentence
//! spans pushed onto a vector. Two passes over the block:
//!
//! 1. collect: terminator positions, quotation and bracket spans (matched with a small
//!    bounded stack), list markers ("1.", "b)", "(iv)") and inline bullets;
//! 2. decide: at each terminator run, look at the word before it and the word after it
//!    (both read through a bounded window) and decide; inline list markers and bullets
//!    force a boundary before them.
//!
//! Cost: O(block length) time; the scratch vectors are reused across blocks, so there is
//! no allocation per character or per sentence beyond the output. The common case is read
//! from bytes: a period with a space after it ("word. Next") is a run without decoding,
//! the word before it is looked up by a packed key (no lowercase copy), the word after it
//! is measured only when a rule needs it, and periods that cannot end a list marker
//! ("year.", "39%.") or are decimal points ("39.3") are turned away in the first pass.

use super::lang::{Abbr, Profile};
use super::{nonprose, Segment};
use crate::ascii::{HIGH_BITS, ONES};

/// Quotations and brackets longer than this do not protect the terminators inside them:
/// an unmatched or far-away closer must not glue a whole paragraph together.
const MAX_SPAN: usize = 400;
/// How far back the scanner reads to find the word before a period.
const WORD_WINDOW: usize = 64;

/// What kind of terminator a run starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    /// `.` (one or two).
    Period,
    /// `!`, `?`, or a run containing them.
    Exclaim,
    /// `...`, `....` or `…`.
    Ellipsis,
    /// `. . .`: spaced periods, with how many there are.
    Spaced(usize),
    /// CJK and other scripts' full stops: no space needed after them.
    NoSpace,
    /// `:` where it ends sentences.
    Colon,
    /// `،` where it ends clause-sentences.
    ArabicComma,
    /// A closing quotation mark after a dash: `to--"`.
    Interrupted,
}

/// A run of terminators and the closing punctuation after it.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Run {
    term: Term,
    /// Just past the closers (and any footnote marks): where the sentence would end.
    end: usize,
    /// The closers included a quotation mark.
    closed_quote: bool,
    /// The run carries footnote digits ("consultation.11 12").
    footnote: bool,
}

/// The text after a run, as far as the decision needs it.
#[derive(Default)]
struct Next {
    at_end: bool,
    space: bool,
    /// First character after dashes, ellipses and opening punctuation.
    first: Option<char>,
    /// Where `first` is and where the block ends: the word there (its letters, at most 32
    /// bytes) is read only when a rule needs it ([`Scanner::next_word_text`]).
    word: (usize, usize),
    /// A letter of the word after its first is uppercase ("iPhone", "eBay"); left false
    /// when `first` is an ASCII capital, where [`Next::lower`] and [`Next::upper`] need no
    /// look.
    camel: bool,
    paren: bool,
    quote: bool,
    dash: bool,
    ellipsis: bool,
    /// After a leading ellipsis comes a word (not just closers or the end).
    ellipsis_word: bool,
}

impl Next {
    /// Starts in lowercase, and is not a brand like "iPhone" or "eBay".
    fn lower(&self) -> bool {
        self.first.is_some_and(char::is_lowercase) && !self.camel()
    }
    fn upper(&self) -> bool {
        self.first.is_some_and(char::is_uppercase) || self.camel()
    }
    fn camel(&self) -> bool {
        self.camel
    }
    fn digit(&self) -> bool {
        self.first.is_some_and(|c| c.is_numeric() || c == '№')
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Dot,
    Paren,
    DotParen,
    Enclosed,
}

/// A possible list marker: "1.", "b)", "(iv)", "2.)".
struct Marker {
    start: usize,
    /// Position of its `.` (for `Dot`), else of the `)`.
    punct: usize,
    style: Style,
    number: Option<u32>,
    letter: Option<(bool, u32)>,
    roman: Option<(bool, u32)>,
    at_start: bool,
    /// Not at a sentence start, but a capitalised item follows a number, a lowercase
    /// letter or a ")" marker ("…second item 1.) The first…"); uppercase "A." is left out,
    /// it reads as an initial.
    opens_item: bool,
    after_bullet: bool,
    in_list: bool,
}

impl Marker {
    fn follows(&self, prev: &Marker) -> bool {
        if self.style != prev.style {
            return false;
        }
        let next =
            |a: Option<u32>, b: Option<u32>| matches!((a, b), (Some(a), Some(b)) if b == a + 1);
        let next_cased = |a: Option<(bool, u32)>, b: Option<(bool, u32)>| matches!((a, b), (Some(a), Some(b)) if a.0 == b.0 && b.1 == a.1 + 1);
        next(prev.number, self.number)
            || next_cased(prev.letter, self.letter)
            || next_cased(prev.roman, self.roman)
    }
}

/// Reusable scratch space for scanning blocks of one text.
pub(super) struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    profile: &'static Profile,
    events: Vec<usize>,
    stack: Vec<(u8, usize)>,
    spans: Vec<(usize, usize)>,
    markers: Vec<Marker>,
    forced: Vec<usize>,
    /// The last abbreviation candidate in lowercase; when `lower_pending` holds a span, the
    /// (ASCII) text there stands for it instead, compared without case: no copy.
    lower: String,
    lower_pending: Option<(usize, usize)>,
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str, profile: &'static Profile) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            profile,
            // Room for the terminators and quotations of most blocks (a paragraph): no
            // growing on the way.
            events: Vec::with_capacity(32),
            stack: Vec::with_capacity(8),
            spans: Vec::with_capacity(8),
            markers: Vec::new(),
            forced: Vec::new(),
            lower: String::new(),
            lower_pending: None,
        }
    }

    /// Splits the block `[start, end)` into sentences of `paragraph`, pushed onto `out`.
    pub(super) fn scan(
        &mut self,
        start: usize,
        end: usize,
        paragraph: usize,
        out: &mut Vec<Segment>,
    ) {
        let first = self.skip_space(start, end);
        if first >= end {
            return;
        }
        self.collect(first, end);
        self.find_lists(first);
        crate::sort::sort(&mut self.spans);
        merge_spans(&mut self.spans);
        crate::sort::sort(&mut self.forced);
        self.decide(first, end, paragraph, out);
    }

    // ---- pass 1 -------------------------------------------------------------------------

    fn collect(&mut self, start: usize, end: usize) {
        self.events.clear();
        self.stack.clear();
        self.spans.clear();
        self.markers.clear();
        self.forced.clear();
        let bytes = self.bytes;
        let mut i = start;
        while i < end {
            // Most bytes are letters, digits and spaces: skip them eight at a time.
            i = super::find_byte(bytes, i, end, &INTERESTING);
            if i >= end {
                break;
            }
            let b = bytes[i];
            if b < 0x80 {
                match b {
                    b'.' => {
                        // (Not a decimal point, which `decide` would pass over.)
                        if self.profile.period_ends && !is_decimal_point(bytes, i, end) {
                            self.events.push(i);
                        }
                        if i + 1 < end
                            && is_space_byte(bytes[i + 1])
                            && may_end_dot_marker(&bytes[start..i])
                        {
                            self.marker_at(i, start, end);
                        }
                    }
                    b'!' | b'?' => self.events.push(i),
                    b':' if self.profile.colon_ends => self.events.push(i),
                    b';' if self.profile.semicolon_ends => self.events.push(i),
                    b'"' => self.quote(i, 3, '"', start),
                    b'\'' => self.single_quote(i, start),
                    b'(' => self.open(0, i),
                    b'[' => self.open(1, i),
                    b'{' => self.open(2, i),
                    b')' => {
                        self.close(0, i);
                        if i + 1 < end && is_space_byte(bytes[i + 1]) {
                            self.marker_at(i, start, end);
                        }
                    }
                    b']' => self.close(1, i),
                    b'}' => self.close(2, i),
                    _ => {}
                }
                i += 1;
                continue;
            }
            if b < 0xC0 {
                i += 1; // continuation byte (only reached at a block's odd start)
                continue;
            }
            let c = self.char_at(i);
            match c {
                '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '．' | '｡' | '।' | '॥' | '።'
                | '፧' | '፨' | '။' | '۔' | '؟' | '։' | '\u{37E}' => self.events.push(i),
                '،' if self.profile.arabic_comma_ends => self.events.push(i),
                '“' | '”' => self.quote(i, 3, c, start),
                '„' => self.open(3, i),
                '‘' => self.open(4, i),
                '’' => self.single_quote(i, start),
                '«' => self.open(5, i),
                '»' => self.close(5, i),
                '「' => self.open(6, i),
                '」' => self.close(6, i),
                '『' => self.open(7, i),
                '』' => self.close(7, i),
                '《' => self.open(8, i),
                '》' => self.close(8, i),
                '（' => self.open(9, i),
                '）' => self.close(9, i),
                '【' => self.open(10, i),
                '】' => self.close(10, i),
                '〈' => self.open(11, i),
                '〉' => self.close(11, i),
                c if is_bullet(c)
                    && i > start
                    && self.prev_char(i).is_some_and(char::is_whitespace) =>
                {
                    self.forced.push(i);
                }
                _ => {}
            }
            i += c.len_utf8();
        }
    }

    fn open(&mut self, kind: u8, at: usize) {
        if self.stack.len() >= 32 {
            self.stack.remove(0);
        }
        self.stack.push((kind, at));
    }

    fn close(&mut self, kind: u8, at: usize) {
        let depth = self.stack.len();
        for j in (depth.saturating_sub(4)..depth).rev() {
            if self.stack[j].0 == kind {
                let open = self.stack[j].1;
                if at - open <= MAX_SPAN {
                    self.spans.push((open, at));
                }
                self.stack.truncate(j);
                return;
            }
        }
    }

    /// A double quote or guillemet: opening after a space or an opener, closing after text.
    fn quote(&mut self, at: usize, kind: u8, c: char, start: usize) {
        let prev = if at > start { self.prev_char(at) } else { None };
        let opens = match prev {
            None => true,
            Some(p) => p.is_whitespace() || is_opener(p) || is_dash(p),
        };
        let next = self.text[at + c.len_utf8()..].chars().next();
        if opens && next.is_some_and(|n| !n.is_whitespace()) {
            self.open(kind, at);
        } else if prev.is_some_and(|p| !p.is_whitespace()) {
            self.close(kind, at);
            // "…to--\" At this moment": an interrupted quotation can end a sentence.
            if prev.is_some_and(is_dash) && kind == 3 {
                self.events.push(at);
            }
        }
    }

    /// `'` or `’`: a quotation mark at word edges, an apostrophe inside words.
    fn single_quote(&mut self, at: usize, start: usize) {
        let prev = if at > start { self.prev_char(at) } else { None };
        let len = if self.bytes[at] == b'\'' { 1 } else { 3 };
        let next = self.text[at + len..].chars().next();
        let prev_space = prev.is_none_or(|p| p.is_whitespace() || is_opener(p) || is_dash(p));
        let next_word = next.is_some_and(|n| n.is_alphanumeric());
        if prev_space && next.is_some_and(|n| !n.is_whitespace() && !n.is_numeric()) {
            // (Not "'90s": that apostrophe opens nothing.)
            self.open(4, at);
        } else if !prev_space && !next_word && !self.possessive(at, len, prev) {
            self.close(4, at);
        }
    }

    /// "the players' union": a plural possessive, not a closing quotation mark.
    fn possessive(&self, at: usize, len: usize, prev: Option<char>) -> bool {
        let mut after = self.text[at + len..].chars();
        prev == Some('s')
            && after.next() == Some(' ')
            && after.next().is_some_and(char::is_lowercase)
    }

    /// Records a list marker ending with the `.` or `)` at `at`, if the token is one.
    fn marker_at(&mut self, at: usize, start: usize, end: usize) {
        let bytes = self.bytes;
        if !(at + 1 < end && is_space_byte(bytes[at + 1])) {
            return;
        }
        // The token: back to the previous space, at most 8 bytes (room for a bullet).
        let mut s = at;
        while s > start && at - s < 8 && !is_space_byte(bytes[s - 1]) {
            s -= 1;
        }
        if s > start && !is_space_byte(bytes[s - 1]) {
            return;
        }
        while !self.text.is_char_boundary(s) {
            s += 1;
        }
        // Without a bullet (they are not ASCII) the item's body is at most one byte shorter
        // than the token, and a body has at most 4 bytes.
        if at - s > 5 && bytes[s] < 0x80 {
            return;
        }
        let token = &self.text[s..at];
        let bullet_before = self.text[start..s]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(is_bullet);
        let (after_bullet, token) = match token.chars().next() {
            Some(c) if is_bullet(c) => (true, &token[c.len_utf8()..]),
            _ => (bullet_before, token),
        };
        let (style, body) = if bytes[at] == b'.' {
            (Style::Dot, token)
        } else if let Some(body) = token.strip_prefix('(') {
            (Style::Enclosed, body)
        } else if let Some(body) = token.strip_suffix('.') {
            (Style::DotParen, body)
        } else {
            (Style::Paren, token)
        };
        if body.is_empty() || body.len() > 4 {
            return;
        }
        let number = (body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()))
            .then(|| body.parse().ok())
            .flatten();
        let letter = (body.len() == 1 && body.as_bytes()[0].is_ascii_alphabetic()).then(|| {
            let b = body.as_bytes()[0];
            (
                b.is_ascii_uppercase(),
                (b.to_ascii_lowercase() - b'a' + 1) as u32,
            )
        });
        let roman = roman_value(body);
        if number.is_none() && letter.is_none() && roman.is_none() {
            return;
        }
        let at_start = after_bullet || s == start || {
            let before = self.text[start..s].trim_end();
            before.is_empty()
                || before.chars().next_back().is_some_and(|c| {
                    // not ':' — "three reasons: 1) cost, 2) time" is one sentence
                    is_terminator_char(c) || is_bullet(c) || is_closer(c)
                })
        };
        let capital_next = self.text[at + 1..end]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let opens_item = capital_next
            && (number.is_some() || style != Style::Dot || letter.is_some_and(|l| !l.0));
        self.markers.push(Marker {
            opens_item,
            start: s,
            punct: at,
            style,
            number,
            letter,
            roman,
            at_start,
            after_bullet,
            in_list: false,
        });
    }

    /// Chains markers into lists: a list starts at a sentence start and continues with the
    /// next number, letter or numeral of the same style. Each marker of a list starts a
    /// sentence.
    fn find_lists(&mut self, first: usize) {
        let mut last: Option<usize> = None;
        for k in 0..self.markers.len() {
            if let Some(p) = last {
                if self.markers[k].follows(&self.markers[p]) {
                    self.markers[p].in_list = true;
                    self.markers[k].in_list = true;
                    last = Some(k);
                    continue;
                }
            }
            if self.markers[k].at_start || self.markers[k].opens_item {
                last = Some(k);
            }
        }
        for m in &self.markers {
            if m.in_list && !m.after_bullet && m.start > first {
                self.forced.push(m.start);
            }
        }
    }

    // ---- pass 2 -------------------------------------------------------------------------

    fn decide(&mut self, first: usize, end: usize, paragraph: usize, out: &mut Vec<Segment>) {
        let mut seg_start = first;
        let mut consumed = first; // events before this belong to a run already decided
        let (mut ei, mut fi, mut si, mut mi) = (0, 0, 0, 0);
        loop {
            let event = self.events.get(ei).copied();
            let forced = self.forced.get(fi).copied();
            let take_forced = match (event, forced) {
                (None, None) => break,
                (Some(e), Some(f)) => f <= e,
                (None, Some(_)) => true,
                (Some(_), None) => false,
            };
            if take_forced {
                let f = forced.unwrap_or(end);
                fi += 1;
                if f > seg_start && f >= consumed {
                    push(self.text, out, seg_start, f, paragraph);
                    seg_start = f;
                }
                continue;
            }
            let p = event.unwrap_or(end);
            ei += 1;
            if p < consumed {
                continue;
            }
            // A list marker's own period is not a terminator.
            while mi < self.markers.len() && self.markers[mi].punct < p {
                mi += 1;
            }
            if mi < self.markers.len() && self.markers[mi].punct == p && self.markers[mi].in_list {
                continue;
            }
            let Some(run) = self.run(p, end) else {
                consumed = self.terminators(p, end).0.max(p + 1);
                continue;
            };
            consumed = run.end;
            while si < self.spans.len() && self.spans[si].1 < p {
                si += 1;
            }
            let inside =
                si < self.spans.len() && self.spans[si].0 < p && run.end <= self.spans[si].1;
            if inside {
                continue;
            }
            // A quotation closed by this run that is the whole sentence so far.
            let whole_quote = si < self.spans.len()
                && self.spans[si].0 == seg_start
                && self.spans[si].1 < run.end;
            if self.ends_sentence(p, &run, seg_start, end, whole_quote) {
                push(self.text, out, seg_start, run.end, paragraph);
                seg_start = self.skip_space(run.end, end);
                consumed = consumed.max(seg_start);
            }
        }
        push(self.text, out, seg_start, end, paragraph);
    }

    /// The terminator run starting at `p`, or `None` if `p` is not a terminator here.
    fn run(&self, p: usize, end: usize) -> Option<Run> {
        if self.plain_period(p, end) {
            return Some(Run {
                term: Term::Period,
                end: p + 1,
                closed_quote: false,
                footnote: false,
            });
        }
        self.any_run(p, end)
    }

    /// [`Scanner::run`] by the general rules.
    fn any_run(&self, p: usize, end: usize) -> Option<Run> {
        let bytes = self.bytes;
        let c = self.char_at(p);
        let prev = self.prev_char(p);
        // "[...]", "(?)", "(!)": elision and editorial marks, not terminators.
        if prev.is_some_and(|c| matches!(c, '[' | '(')) {
            return None;
        }
        let mut term = match c {
            '"' | '”' => Term::Interrupted,
            '.' => Term::Period,
            '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | ';' => Term::Exclaim,
            '…' => Term::Ellipsis,
            ':' => Term::Colon,
            '،' => Term::ArabicComma,
            _ => Term::NoSpace,
        };
        let mut i = p;
        match term {
            Term::Interrupted => {}
            Term::Colon | Term::ArabicComma => {
                // "05:01" is a time, not a boundary.
                let next = self.text[p + c.len_utf8()..].chars().next();
                if prev.is_some_and(|c| c.is_numeric()) && next.is_some_and(|c| c.is_numeric()) {
                    return None;
                }
                i += c.len_utf8();
            }
            Term::NoSpace if c == '．' => {
                // "３．２９" is a number.
                let next = self.text[p + c.len_utf8()..].chars().next();
                if prev.is_some_and(|c| c.is_numeric()) && next.is_some_and(|c| c.is_numeric()) {
                    return None;
                }
                i = self.terminators(p, end).0;
            }
            Term::Period
                if prev.is_none_or(char::is_whitespace) && self.spaced_dots(p, end) >= 3 =>
            {
                let (n, e) = self.spaced_run(p, end);
                term = Term::Spaced(n);
                i = e;
            }
            _ => {
                let (e, dots, question, ellipsis) = self.terminators(p, end);
                i = e;
                if term != Term::NoSpace {
                    term = if question {
                        Term::Exclaim
                    } else if dots >= 3 || ellipsis {
                        Term::Ellipsis
                    } else {
                        term
                    };
                }
            }
        }
        // Closing quotes and brackets, invisible format characters, footnote marks "[12]".
        let mut closed_quote = false;
        while i < end {
            let c = self.char_at(i);
            if is_closer(c) || is_format(c) {
                closed_quote |= matches!(c, '"' | '\'' | '”' | '’' | '»' | '“' | '」' | '』');
                i += c.len_utf8();
            } else if matches!(c, ' ' | '\u{A0}' | '\u{202F}')
                && self.text[i + c.len_utf8()..end].starts_with('»')
            {
                // French spacing: "fini. »"
                i += c.len_utf8();
            } else if c == '[' {
                let digits = bytes[i + 1..end.min(i + 5)]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if (1..=3).contains(&digits) && bytes.get(i + 1 + digits) == Some(&b']') {
                    i += digits + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // Footnote numbers glued to a period: "consultation.11 12 Take", "(1987).1 According".
        let mut footnote = false;
        if matches!(term, Term::Period | Term::Exclaim)
            && i < end
            && bytes[i].is_ascii_digit()
            && prev.is_some_and(|c| c.is_alphabetic() || c == ')')
        {
            let mut j = i;
            loop {
                let digits = bytes[j..end.min(j + 4)]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if !(1..=3).contains(&digits)
                    || !(j + digits == end || is_space_byte(bytes[j + digits]))
                {
                    break;
                }
                footnote = true;
                i = j + digits;
                if i + 1 < end && bytes[i] == b' ' && bytes[i + 1].is_ascii_digit() {
                    j = i + 1;
                } else {
                    break;
                }
            }
        }
        Some(Run {
            term,
            end: i,
            closed_quote,
            footnote,
        })
    }

    /// The common run, "word. Next": one period after an ASCII character other than an
    /// opening bracket, then a plain space or the block's end, and after that space no
    /// period (". . ." after a space would be spaced dots) and no `0xC2` byte (French
    /// spacing before "»"). [`Scanner::any_run`] would find no spaced dots, no more
    /// terminators, no closers and no footnote there: the run is the period alone.
    fn plain_period(&self, p: usize, end: usize) -> bool {
        let b = self.bytes;
        p > 0
            && b[p] == b'.'
            && b[p - 1] < 0x80
            && !matches!(b[p - 1], b'[' | b'(')
            && (p + 1 == end || (b[p + 1] == b' ' && !matches!(b.get(p + 2), Some(b'.' | 0xC2))))
    }

    /// Consumes `.`, `!`, `?`, `…` and the no-space full stops from `p`: (end, periods,
    /// has a question or exclamation mark, has `…`).
    fn terminators(&self, p: usize, end: usize) -> (usize, usize, bool, bool) {
        let (mut i, mut dots, mut question, mut ellipsis) = (p, 0, false, false);
        while i < end {
            let c = self.char_at(i);
            match c {
                '.' => dots += 1,
                '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '！' | '？' => question = true,
                '…' => ellipsis = true,
                '。' | '．' | '｡' | '।' | '॥' | '።' | '፧' | '፨' | '။' | '۔' | '؟' | '։' =>
                    {}
                ';' if self.profile.semicolon_ends => question = true,
                _ => break,
            }
            i += c.len_utf8();
        }
        (i, dots, question, ellipsis)
    }

    /// How many periods of a ". . ." pattern start at `p`.
    fn spaced_dots(&self, p: usize, end: usize) -> usize {
        self.spaced_run(p, end).0
    }

    fn spaced_run(&self, p: usize, end: usize) -> (usize, usize) {
        let bytes = self.bytes;
        let (mut n, mut i) = (0, p);
        while i < end && bytes[i] == b'.' {
            n += 1;
            i += 1;
            if i + 1 < end && bytes[i] == b' ' && bytes[i + 1] == b'.' {
                i += 1;
            } else {
                break;
            }
        }
        (n, i)
    }

    /// Whether the run at `p` ends the sentence that began at `seg_start`.
    fn ends_sentence(
        &mut self,
        p: usize,
        run: &Run,
        seg_start: usize,
        end: usize,
        whole_quote: bool,
    ) -> bool {
        let next = self.next_info(run.end, end);
        if next.at_end {
            return true;
        }
        if !next.space {
            return match run.term {
                // 「再建します。」と述べた: a Japanese quotation followed by its particle.
                Term::NoSpace if run.closed_quote => !next.first.is_some_and(is_quote_particle),
                Term::NoSpace => true,
                Term::Period if run.end == p + 1 => self.glued(p, end),
                _ => false,
            };
        }
        // "…thought Alice, 'after such a fall… house!' (Which was very likely true.)": an
        // aside after a quotation inside a sentence stays with it; after a quotation that
        // is the whole sentence ("\"…think!\" (Dinah was the cat.)") it starts a new one.
        if run.closed_quote && next.paren && !next.ellipsis && !whole_quote {
            return false;
        }
        match run.term {
            Term::NoSpace | Term::Colon => true,
            Term::Interrupted => next.upper(),
            Term::ArabicComma => !self.next_word_ends_with_comma(run.end, end),
            Term::Spaced(3) => false,
            Term::Spaced(_) => !next.lower(),
            Term::Ellipsis => next.upper() || next.ellipsis_word,
            Term::Exclaim => {
                if next.ellipsis {
                    return next.ellipsis_word;
                }
                !(next.lower() && (self.profile.lower_continues_question || next.dash))
            }
            Term::Period => self.period_ends(p, run, seg_start, &next),
        }
    }

    /// The period rules: abbreviations, initials, numbers, ordinals, labels.
    fn period_ends(&mut self, p: usize, run: &Run, seg_start: usize, next: &Next) -> bool {
        if next.ellipsis {
            // "compounds. . . . The" and "raak. ...en toen": the ellipsis opens the next one.
            return next.ellipsis_word;
        }
        let (w_start, complete) = self.word_before(p, seg_start);
        let word = &self.text[w_start..p];
        if word.is_empty() {
            return !next.lower();
        }
        // "1. This is…", "Q. What…", "d. Compliance…": a label opening the sentence.
        // (A letter or digit first settles it without decoding.)
        let opens_sentence = w_start == seg_start
            || (!self.bytes[seg_start].is_ascii_alphanumeric()
                && self.text[seg_start..w_start]
                    .chars()
                    .all(|c| is_bullet(c) || c.is_whitespace()));
        if opens_sentence && is_label(word) && !next.lower() {
            return false;
        }
        if next.lower() && self.profile.lower_continues {
            return false;
        }
        let abbr = if complete && word.len() <= 24 {
            match ascii_key(word) {
                // Most words: looked up by their packed key, no lowercase copy.
                Some(key) => {
                    self.lower_pending = Some((w_start, p));
                    self.profile.abbreviation_key(key)
                }
                None => {
                    self.set_lower(word);
                    self.profile.abbreviation(&self.lower)
                }
            }
        } else {
            None
        };
        let single = is_single_letter(word);
        let acronym = is_acronym(word);
        if run.footnote {
            return abbr.is_none() && !single && !acronym && !next.lower();
        }
        let ordinal = self.profile.ordinal_dot && (is_small_number(word) || is_roman(word));
        if next.digit() {
            return !(abbr.is_some() || single || acronym || ordinal);
        }
        // "a.m", "p.m": a time.
        if acronym && (self.lower_is("a.m") || self.lower_is("p.m")) {
            return self.time_ends(w_start, seg_start, next);
        }
        let starter = || self.profile.is_starter(self.next_word_text(next));
        // "Elm St. The…": after a capitalised name "St." is a street, not a saint.
        let abbr = match abbr {
            Some(Abbr::Title)
                if self.lower_is("st") && self.previous_word_capitalized(w_start, seg_start) =>
            {
                Some(Abbr::Generic)
            }
            a => a,
        };
        match abbr {
            Some(Abbr::Title | Abbr::NeverFinal) => return false,
            _ if abbr.is_some() && self.profile.nouns_capitalized => return starter(),
            // "Acme Inc. CEO…", "Acme Inc. Chief Executive…": after a company or name suffix
            // only a word that usually opens a sentence ("Acme Inc. It…") ends it.
            Some(Abbr::Post) => return starter() || (next.quote && next.upper()),
            // "Wed. June 12", "Sept. Oct." : dates continue.
            Some(Abbr::Month) if TIME_FOLLOWERS.contains(&self.next_word_text(next)) => {
                return false
            }
            Some(_) => return !next.paren,
            None => {}
        }
        if acronym {
            return starter() || (next.quote && next.upper());
        }
        if single {
            return starter();
        }
        !ordinal || starter()
    }

    /// "a.m."/"p.m." before a capital: a boundary, unless a weekday, month or time zone
    /// follows ("5 p.m. Tuesday", "9 a.m. ET") or the sentence so far is only a fronted
    /// time phrase ("At 5 a.m. Mr. Smith went…").
    fn time_ends(&self, w_start: usize, seg_start: usize, next: &Next) -> bool {
        if TIME_FOLLOWERS.contains(&self.next_word_text(next)) {
            return false;
        }
        let prefix = &self.text[seg_start..w_start];
        let mut words = prefix.split_whitespace();
        let first = words.next().unwrap_or("");
        let fronted =
            FRONTING.iter().any(|f| f.eq_ignore_ascii_case(first)) && words.take(3).count() <= 2;
        !fronted
    }

    /// Whether the word before the one at `w_start` (in this sentence) is capitalised.
    fn previous_word_capitalized(&self, w_start: usize, seg_start: usize) -> bool {
        let from = self
            .boundary_before(w_start.saturating_sub(WORD_WINDOW))
            .max(seg_start);
        let before = self.text[from.min(w_start)..w_start].trim_end();
        before
            .rsplit(char::is_whitespace)
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// "Hello world.Today is…", "bought 1,000.That is…": a period glued to the next
    /// sentence, outside URLs, e-mail addresses and abbreviations.
    fn glued(&mut self, p: usize, end: usize) -> bool {
        let before = self.prev_char(p);
        if !before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
            return false;
        }
        let mut after = self.text[p + 1..end].chars();
        let (Some(c1), Some(c2)) = (after.next(), after.next()) else {
            return false;
        };
        if !(c1.is_uppercase() && c2.is_alphabetic()) {
            return false;
        }
        let (w_start, _) = self.word_before(p, 0);
        let word = &self.text[w_start..p];
        if word.contains(['@', '/', ':', '.']) || word.to_ascii_lowercase().starts_with("www") {
            return false;
        }
        let rest_end = (p + WORD_WINDOW).min(end);
        let rest = &self.bytes[p + 1..rest_end];
        let token_len = rest
            .iter()
            .position(|&b| is_space_byte(b))
            .unwrap_or(rest.len());
        if rest[..token_len].iter().any(|&b| b == b'@' || b == b'/') {
            return false;
        }
        self.set_lower(word);
        self.profile.abbreviation(&self.lower).is_none()
    }

    /// For the Arabic comma: "الدم، والقلب،" lists items (no boundary before "والقلب").
    fn next_word_ends_with_comma(&self, from: usize, end: usize) -> bool {
        let rest = &self.text[from..self.boundary_before(end.min(from + 128))];
        let rest = rest.trim_start();
        rest.split(char::is_whitespace)
            .next()
            .is_some_and(|w| w.ends_with('،'))
    }

    /// Start of the word before `p` (after opening punctuation) and whether the whole word
    /// fitted in the window.
    fn word_before(&self, p: usize, floor: usize) -> (usize, bool) {
        let bytes = self.bytes;
        let limit = p.saturating_sub(WORD_WINDOW).max(floor);
        let mut i = p;
        loop {
            // ASCII bytes without decoding (their whitespace is `is_space_byte`).
            while i > limit && ASCII_WORD[bytes[i - 1] as usize] {
                i -= 1;
            }
            if i <= limit || bytes[i - 1] < 0x80 {
                break;
            }
            match self.prev_char(i) {
                Some(c) if !c.is_whitespace() => i -= c.len_utf8(),
                _ => break,
            }
        }
        let complete = i == floor
            || match bytes[i - 1] {
                b if b < 0x80 => is_space_byte(b),
                _ => self.prev_char(i).is_none_or(char::is_whitespace),
            };
        let mut s = i;
        while s < p && !bytes[s].is_ascii_alphanumeric() {
            let c = self.char_at(s);
            if is_opener(c) || is_bullet(c) {
                s += c.len_utf8();
            } else {
                break;
            }
        }
        (s, complete)
    }

    /// Reads what follows a run (see [`Next`]).
    fn next_info(&self, from: usize, end: usize) -> Next {
        let mut next = Next::default();
        let mut i = self.skip_space(from, end);
        next.space = i > from;
        // Most runs are followed by a letter or a digit: no tag, dash, ellipsis or opener
        // to read past.
        if !(i < end && self.bytes[i].is_ascii_alphanumeric()) {
            match self.next_prefix(&mut next, i, end) {
                Some(j) => i = j,
                None => return next,
            }
        }
        self.next_word(&mut next, i, end);
        next
    }

    /// [`Scanner::next_info`] from `i` (after the spaces) to the first character of the
    /// next word: tags and escapes, dashes, an ellipsis and opening punctuation, noted in
    /// `next`. `None` at the block's end.
    fn next_prefix(&self, next: &mut Next, mut i: usize, end: usize) -> Option<usize> {
        let text = self.text;
        // A tag or a literal escape after the terminator reads as the break it stands for
        // ("test.</p><p>Next", "world.\nNext"); a few at most, each scan bounded.
        for _ in 0..8 {
            // (Only `<`, `&` and a backslash can start one.)
            if !matches!(self.bytes.get(i), Some(b'<' | b'&' | b'\\')) || i >= end {
                break;
            }
            match nonprose::glue_len(&text[i..end]) {
                Some(n) => {
                    i = self.skip_space(i + n, end);
                    next.space = true;
                }
                None => break,
            }
        }
        if i >= end {
            next.at_end = true;
            return None;
        }
        while i < end {
            let c = self.char_at(i);
            if is_dash(c) {
                next.dash = true;
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if next.dash {
            i = self.skip_space(i, end);
        }
        let rest = &text[i..end];
        if rest.starts_with("...") || rest.starts_with('…') || rest.starts_with(". .") {
            next.ellipsis = true;
            // Only the ellipsis itself ("...", ". . .", "…"), at most 16 bytes: a longer
            // run of dots and spaces must not be re-read at every period of it.
            let limit = (i + 16).min(end);
            while i < limit {
                let dot = self.bytes[i] == b'.';
                let spaced_dot =
                    self.bytes[i] == b' ' && i + 1 < limit && self.bytes[i + 1] == b'.';
                if dot || spaced_dot {
                    i += 1;
                } else if text[i..end].starts_with('…') {
                    i += '…'.len_utf8();
                } else {
                    break;
                }
            }
            i = self.skip_space(i, end);
            next.ellipsis_word = text[i..end]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        }
        for k in 0..4 {
            let Some(c) = self.char_before_end(i, end) else {
                break;
            };
            if !is_opener(c) {
                break;
            }
            if k == 0 {
                next.paren = matches!(c, '(' | '[' | '（');
                next.quote = !next.paren;
            }
            i += c.len_utf8();
        }
        Some(i)
    }

    /// The first character of the next word at `i` (see [`Next`]), and whether the word is
    /// a brand like "iPhone" where that matters.
    fn next_word(&self, next: &mut Next, i: usize, end: usize) {
        next.first = self.char_before_end(i, end);
        next.word = (i, end);
        // (Only a word starts with a letter; after an ASCII capital it does not matter.)
        if next
            .first
            .is_some_and(|c| c.is_alphabetic() && !c.is_ascii_uppercase())
        {
            next.camel = self
                .next_word_text(next)
                .chars()
                .skip(1)
                .any(char::is_uppercase);
        }
    }

    /// The letters of the next word (at most 32 bytes; see [`Next::word`]). (Out of line:
    /// only rare rules and a lowercase next word read them.)
    #[inline(never)]
    fn next_word_text(&self, next: &Next) -> &'t str {
        let (i, end) = next.word;
        let window = &self.text[i..end];
        let len = window
            .char_indices()
            .take_while(|&(k, c)| k < 32 && c.is_alphabetic())
            .last()
            .map_or(0, |(k, c)| k + c.len_utf8());
        &window[..len]
    }

    fn skip_space(&self, mut i: usize, end: usize) -> usize {
        while i < end {
            let b = self.bytes[i];
            // (One lookup for the common stop, an ASCII byte that is not a space.)
            if ASCII_WORD[b as usize] {
                break;
            }
            if b < 0x80 {
                i += 1;
            } else {
                let c = self.char_at(i);
                if !c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        i
    }

    /// Puts `word` in lowercase into the reusable buffer.
    fn set_lower(&mut self, word: &str) {
        self.lower_pending = None;
        crate::tokenize::lowercase_into(&mut self.lower, word);
    }

    /// Whether the word last put in lowercase (see [`Scanner::lower_pending`]) is `lower`
    /// (lowercase ASCII).
    fn lower_is(&self, lower: &str) -> bool {
        match self.lower_pending {
            // The pending word is ASCII: comparing without case is comparing its lowercase.
            Some((s, e)) => self.text[s..e].eq_ignore_ascii_case(lower),
            None => self.lower == lower,
        }
    }

    /// The largest char boundary at or before `i`.
    fn boundary_before(&self, mut i: usize) -> usize {
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// The character at `i` if it starts before `end` (ASCII without decoding).
    fn char_before_end(&self, i: usize, end: usize) -> Option<char> {
        if i >= end {
            return None;
        }
        match self.bytes[i] {
            b if b < 0x80 => Some(b as char),
            _ => self.text[i..end].chars().next(),
        }
    }

    fn char_at(&self, i: usize) -> char {
        // Most characters the scanner looks at are ASCII: no decoding.
        match self.bytes.get(i) {
            Some(&b) if b < 0x80 => b as char,
            _ => self.text[i..].chars().next().unwrap_or(' '),
        }
    }

    fn prev_char(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).map(|k| self.bytes[k]) {
            Some(b) if b < 0x80 => Some(b as char),
            _ => self.text[..i].chars().next_back(),
        }
    }
}

/// Pushes the trimmed span `[start, end)` if it holds any text, with any non-prose
/// material at its edges as segments of their own.
fn push(text: &str, out: &mut Vec<Segment>, start: usize, end: usize, paragraph: usize) {
    nonprose::push_sentence(text, out, start, end, paragraph);
}

/// Whether the bytes before a `.` (from the block's start) may end the body of a "1."
/// marker — digits, one letter, or a Roman numeral — judged from its last bytes: most
/// periods follow a word ("year.") or a symbol ("39%."), and need no look at the token.
fn may_end_dot_marker(before: &[u8]) -> bool {
    let roman = |b: u8| matches!(b, b'i' | b'v' | b'x' | b'I' | b'V' | b'X');
    match *before {
        [] => false,
        // Two letters: only a numeral has more than one.
        [.., a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => roman(a) && roman(b),
        // Four digits: a number has at most three.
        [.., a, b, c, d] if [a, b, c, d].iter().all(u8::is_ascii_digit) => false,
        // Any other ASCII byte but a letter or a digit (a bullet is not ASCII).
        [.., b] => b >= 0x80 || b.is_ascii_alphanumeric(),
    }
}

/// "39.3", "$3.5": a decimal point (between ASCII digits, inside the block) is never a
/// boundary, and its run is the point alone: what the period rules would conclude, so it
/// is no event at all (a later event is never inside its one-byte run).
fn is_decimal_point(bytes: &[u8], p: usize, end: usize) -> bool {
    p + 1 < end && bytes[p + 1].is_ascii_digit() && p > 0 && bytes[p - 1].is_ascii_digit()
}

/// Sorted spans → their union as disjoint intervals.
fn merge_spans(spans: &mut Vec<(usize, usize)>) {
    let mut w = 0;
    for r in 0..spans.len() {
        if w > 0 && spans[r].0 < spans[w - 1].1 {
            spans[w - 1].1 = spans[w - 1].1.max(spans[r].1);
        } else {
            spans[w] = spans[r];
            w += 1;
        }
    }
    spans.truncate(w);
}

/// ASCII bytes that are not whitespace: what a word is made of, as far as the look back
/// for the word before a period can tell without decoding.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = !is_space_byte(b as u8);
        b += 1;
    }
    t
};

/// Bytes the first pass must look at: ASCII punctuation it handles, and the lead bytes
/// of multi-byte characters (continuation bytes are skipped).
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let ascii = b".!?:;\"'()[]{}";
    let mut k = 0;
    while k < ascii.len() {
        t[ascii[k] as usize] = true;
        k += 1;
    }
    let mut b = 0xC0;
    while b < 256 {
        t[b] = true;
        b += 1;
    }
    t
};

const TIME_FOLLOWERS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "MT",
    "MST",
    "MDT",
    "PT",
    "PST",
    "PDT",
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "IST",
    "JST",
    "AEST",
    "Eastern",
    "Central",
    "Mountain",
    "Pacific",
    "local",
];

const FRONTING: &[&str] = &[
    "at",
    "by",
    "before",
    "after",
    "until",
    "till",
    "around",
    "from",
    "since",
    "about",
    "shortly",
    "starting",
    "beginning",
    "between",
    "near",
];

pub(super) const fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

pub(super) fn is_terminator_char(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '．'
            | '｡'
            | '।'
            | '॥'
            | '።'
            | '፧'
            | '፨'
            | '။'
            | '۔'
            | '؟'
            | '։'
            | '\u{37E}'
    )
}

pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '”'
            | '’'
            | '›'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
            | '〕'
            | '］'
            | '｝'
    )
}

pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '¿'
            | '¡'
            | '‹'
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
            | '〈'
            | '〔'
            | '［'
            | '｛'
    )
}

pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '‣'
            | '●'
            | '⁃'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '✓'
            | '✔'
            | '➢'
            | '→'
    )
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// Japanese particles that attach to a closing quotation (と, って, …).
fn is_quote_particle(c: char) -> bool {
    matches!(
        c,
        'と' | 'っ' | 'で' | 'に' | 'が' | 'の' | 'は' | 'を' | 'も'
    )
}

/// Invisible direction and joiner marks that may sit between a period and a space.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn is_single_letter(word: &str) -> bool {
    // ASCII at both ends: no format marks to trim (they are not ASCII), no decoding.
    if let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) {
        if first < 0x80 && last < 0x80 {
            return word.len() == 1 && first.is_ascii_alphabetic();
        }
    }
    let word = word
        .trim_start_matches(is_format)
        .trim_end_matches(is_format);
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// "U.S", "J.C", "i.v", "Ph.D", "б.з.б": letters in groups of one or two, joined by periods.
fn is_acronym(word: &str) -> bool {
    let b = word.as_bytes();
    // The first group has one or two letters and a period ends it: most words show at
    // their third byte that it does not ("year", "May").
    if b.len() < 3 || (b[..3].is_ascii() && b[1] != b'.' && b[2] != b'.') {
        return false;
    }
    if word.is_ascii() {
        // The same test on bytes (an ASCII character is one byte).
        let mut groups = 0;
        for part in word.as_bytes().split(|&b| b == b'.') {
            if !(1..=2).contains(&part.len()) || !part.iter().all(u8::is_ascii_alphabetic) {
                return false;
            }
            groups += 1;
        }
        return groups >= 2;
    }
    let mut groups = 0;
    for part in word.split('.') {
        let n = part.chars().count();
        if !(1..=2).contains(&n) || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// `word` ASCII-lowercased and packed as [`Profile::abbreviation_key`] reads it, if it is
/// ASCII and has 1 to 8 bytes. (Packed byte by byte and lowercased eight bytes at a time:
/// no copy, no call.)
fn ascii_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 8 {
        return None;
    }
    let packed = bytes.iter().fold(0u64, |k, &b| k << 8 | u64::from(b)) << (8 * (8 - bytes.len()));
    if packed & HIGH_BITS != 0 {
        return None;
    }
    // The top bit of each byte in `A..=Z` (adding to a byte below 0x80 carries into no
    // other byte), moved to the case bit.
    let at_least_a = packed + ONES * (0x80 - u64::from(b'A'));
    let above_z = packed + ONES * (0x80 - u64::from(b'Z') - 1);
    Some(packed | (at_least_a & !above_z & HIGH_BITS) >> 2)
}

/// "1", "12", "a", "B", "iv": what opens a list item or a labelled line.
fn is_label(word: &str) -> bool {
    is_small_number(word) || is_single_letter(word) || roman_value(word).is_some()
}

fn is_small_number(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

fn is_roman(word: &str) -> bool {
    (1..=6).contains(&word.len())
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

/// The value of a small Roman numeral in one case ("iv" → 4), with its case.
fn roman_value(word: &str) -> Option<(bool, u32)> {
    if word.is_empty() || word.len() > 4 {
        return None;
    }
    let upper = word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let lower = word.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    if !(upper || lower) {
        return None;
    }
    let value = |b: u8| match b.to_ascii_lowercase() {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let bytes = word.as_bytes();
    let mut total = 0i32;
    for (k, &b) in bytes.iter().enumerate() {
        let v = value(b);
        if bytes.get(k + 1).is_some_and(|&n| value(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0).then_some((upper, total as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lang::{profile, Language};

    #[test]
    fn ascii_fast_paths_match_the_general_rules() {
        let acronym = |word: &str| {
            let mut groups = 0;
            for part in word.split('.') {
                let n = part.chars().count();
                if !(1..=2).contains(&n) || !part.chars().all(char::is_alphabetic) {
                    return false;
                }
                groups += 1;
            }
            groups >= 2
        };
        let single = |word: &str| {
            let word = word
                .trim_start_matches(is_format)
                .trim_end_matches(is_format);
            let mut chars = word.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        };
        for word in [
            "U.S",
            "J.C",
            "i.v",
            "Ph.D",
            "a.m",
            "U.S.A",
            "US",
            "U..S",
            ".U",
            "U.",
            "1.2",
            "a",
            "A",
            "1",
            "",
            "ab",
            "é",
            "\u{200B}a",
            "a\u{200B}",
            "б.з.б",
            "Abc.De",
            "a.bcd",
            "abc",
            "ab.c",
            "a.b",
            "year",
            "é.b",
            "aé.b",
            "@.b",
            "a@.b",
        ] {
            assert_eq!(is_acronym(word), acronym(word), "{word}");
            assert_eq!(is_single_letter(word), single(word), "{word}");
        }
    }

    #[test]
    fn ascii_keys_find_what_lowercase_words_find() {
        let words = [
            "Mr",
            "mr",
            "INC",
            "Jan",
            "e.g",
            "U.S",
            "Dr",
            "st",
            "St",
            "house",
            "vgl",
            "Mio",
            "p.m",
            "abcdefgh",
            "Assemblyman",
            "",
            "Ré",
            "No",
            "Nos",
            "approx",
            "A_Z@[`{",
            "ZZZZZZZZ",
            "\0",
        ];
        for language in [Language::En, Language::De, Language::Fr] {
            let profile = profile(language);
            for word in words {
                let lower = word.to_lowercase();
                let expected = profile.abbreviation(&lower);
                match ascii_key(word) {
                    Some(key) => assert_eq!(profile.abbreviation_key(key), expected, "{word}"),
                    None => assert!(word.is_empty() || word.len() > 8 || !word.is_ascii()),
                }
            }
        }
    }

    #[test]
    fn ascii_keys_lowercase_every_ascii_byte() {
        for b in 0..0x80u8 {
            let word = (b as char).to_string();
            let expected = u64::from(b.to_ascii_lowercase()) << 56;
            assert_eq!(ascii_key(&word), Some(expected), "{b:#x}");
        }
    }

    /// Texts of pieces that the fast paths treat differently from the general rules.
    fn generated_texts() -> Vec<String> {
        const PIECES: &[&str] = &[
            "a",
            "b",
            "Z",
            "I",
            "v",
            "x",
            "ab",
            "The",
            "iPhone",
            "1",
            "9",
            "12",
            "123",
            "2024",
            " ",
            "  ",
            ".",
            ". ",
            "..",
            "\n",
            "\t",
            "[",
            "(",
            ")",
            "\"",
            "'",
            "»",
            "é",
            "Éa",
            "€",
            "\u{a0}",
            "!",
            "?",
            "…",
            "-",
            "%",
            "\u{2028}",
            "Mr",
            "U.S",
            "\x0b",
            "\x1c",
            "<p>",
            "•",
            // Longer than the look back for the word before a period.
            "Pneumonoultramicroscopicsilicovolcanoconiosis-and-then-some-more-letters",
        ];
        let source = crate::testing::XorShift::new(0x5851_f42d_4c95_7f2du64);
        (0..1000)
            .map(|_| {
                let len = 1 + source.below(40) as usize;
                (0..len)
                    .map(|_| PIECES[source.below(PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn fast_reads_match_the_general_ones() {
        for text in generated_texts() {
            let scanner = Scanner::new(&text, profile(Language::En));
            let end = text.len();
            for p in (0..=end).filter(|&p| text.is_char_boundary(p)) {
                // The run of a plain period.
                if p < end && scanner.plain_period(p, end) {
                    assert_eq!(scanner.run(p, end), scanner.any_run(p, end), "{text:?} {p}");
                }
                // Spaces skipped.
                let mut i = p;
                while i < end && text[i..].starts_with(char::is_whitespace) {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                }
                assert_eq!(scanner.skip_space(p, end), i, "{text:?} {p}");
                // The word before `p`, against the rule as first written (every character
                // decoded).
                for floor in (0..=p).filter(|&f| text.is_char_boundary(f)) {
                    let limit = p.saturating_sub(WORD_WINDOW).max(floor);
                    let mut i = p;
                    while i > limit {
                        match text[..i].chars().next_back() {
                            Some(c) if !c.is_whitespace() => i -= c.len_utf8(),
                            _ => break,
                        }
                    }
                    let before = text[..i].chars().next_back();
                    let complete = i == floor || before.is_none_or(char::is_whitespace);
                    let mut s = i;
                    while let Some(c) = text[s..p].chars().next() {
                        if !(is_opener(c) || is_bullet(c)) {
                            break;
                        }
                        s += c.len_utf8();
                    }
                    let found = scanner.word_before(p, floor);
                    assert_eq!(found, (s, complete), "{text:?} {p} {floor}");
                }
            }
        }
    }

    /// A period the marker filter turns away records no marker.
    #[test]
    fn dot_marker_filter_keeps_every_marker() {
        for text in generated_texts() {
            let mut scanner = Scanner::new(&text, profile(Language::En));
            let bytes = text.as_bytes();
            for at in (0..bytes.len()).filter(|&at| bytes[at] == b'.') {
                if !may_end_dot_marker(&bytes[..at]) {
                    scanner.marker_at(at, 0, bytes.len());
                    assert!(scanner.markers.is_empty(), "{text:?} {at}");
                }
            }
        }
    }
}
