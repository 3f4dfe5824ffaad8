//! Non-prose material: what sits on a pasted page but is not a sentence, so that it is
//! reported as a segment of its own kind instead of as (part of) a sentence.
//!
//! - separator runs: four or more symbols in a row ("////", "=====", "*****", "-----",
//!   "────"), also glued to a line's text ("////Header starts here");
//! - table-of-contents dot leaders with their page numbers, at the end of a line ("About
//!   Me........5", "Chapter 2 ...... 16-17", "Preface . . . . . vii");
//! - lines or segments that are only a page number ("3", "- 12 -") or only punctuation
//!   and symbols ("* * *", "—", "|---|---|");
//! - complete HTML/XML tags, also HTML-escaped ones (`<p>`, `</div>`, `<img src=…>`,
//!   `&lt;b&gt;`): `<` then a letter, `/`, `!` or `?`, up to the first `>`; a bare `<name>`
//!   only for an HTML element's name (so `20 <kg>` keeps its unit);
//! - literal escape sequences from code or JSON ("\r\n", "\n", "\t", "\ n").
//!
//! Only whole lines, whole segments and the edges of segments qualify; inside a sentence
//! nothing is touched: "Wait.... what", "10 ... 20", "$5", "2024", "a < b and c > d" stay
//! prose. A dot run counts as a leader only at the end of a line and only with a page
//! number after it (or on the next line, see `mod.rs`), so an ellipsis never does.
//!
//! Input: a trimmed span of the text (a line, or a sentence the scanner found). Output: the
//! non-prose pieces at its edges, in text order, and the prose core between them ([`peel`]).
//!
//! Cost: each check reads a bounded window at an edge (a tag at most [`MAX_TAG`] bytes, a
//! page number a few bytes), and every peeled byte is peeled once, so O(span length); the
//! common case (a sentence starting with a letter and ending with a period) is two byte
//! comparisons.

use super::scan::{is_closer, is_space_byte, is_terminator_char};
use super::{Segment, SegmentKind};

/// A tag longer than this (bytes) is not recognised: the search for its `>` stays bounded.
const MAX_TAG: usize = 1024;
/// How many symbols in a row make a separator.
const MIN_SEPARATOR: usize = 4;
/// How many dots make a table-of-contents leader (an ellipsis has three or four).
pub(super) const MIN_LEADER_DOTS: usize = 5;

/// A piece at an edge: its length in bytes and its kind.
type Piece = (usize, SegmentKind);

/// Splits the trimmed span `[start, end)` into non-prose pieces at its edges and the prose
/// core between them. Pushes the pieces onto `pieces` in text order — and the core too when
/// it is not prose (only symbols, or a page number). Returns the core's span and the index
/// in `pieces` where the pieces after the core begin, or `None` when nothing is prose.
/// `line_end`: the span ends a line, so a dot leader may end it.
#[inline]
pub(super) fn peel(
    text: &str,
    start: usize,
    end: usize,
    line_end: bool,
    paragraph: usize,
    pieces: &mut Vec<Segment>,
) -> Option<(usize, usize, usize)> {
    if plain(text, start, end, line_end) {
        return Some((start, end, pieces.len()));
    }
    peel_edges(text, start, end, line_end, paragraph, pieces)
}

/// [`peel`] past the fast path.
#[inline(never)]
fn peel_edges(
    text: &str,
    start: usize,
    end: usize,
    line_end: bool,
    paragraph: usize,
    pieces: &mut Vec<Segment>,
) -> Option<(usize, usize, usize)> {
    let (mut s, mut e) = (start, end);
    let mut tail: Vec<Segment> = Vec::new(); // outermost first; rarely allocated
    loop {
        let mut peeled = false;
        while s < e {
            let Some((n, kind)) = leading(&text[s..e]) else {
                break;
            };
            pieces.push(piece(s, s + n, kind, paragraph));
            s = skip_space(text, s + n, e);
            peeled = true;
        }
        while s < e {
            let Some((n, kind)) = trailing(&text[s..e], line_end) else {
                break;
            };
            tail.push(piece(e - n, e, kind, paragraph));
            e = s + text[s..e - n].trim_end().len();
            peeled = true;
        }
        if !peeled || s >= e {
            break;
        }
    }
    let core = if s < e {
        match whole(&text[s..e]) {
            Some(kind) => {
                pieces.push(piece(s, e, kind, paragraph));
                None
            }
            None => Some((s, e)),
        }
    } else {
        None
    };
    let split = pieces.len();
    pieces.extend(tail.iter().rev());
    core.map(|(s, e)| (s, e, split))
}

/// The common case, decided from a few bytes at the edges: no rule can apply. The span
/// starts with a letter (perhaps after a quotation mark or bracket) — no piece starts with
/// one, and a span with a letter is neither symbols only nor a page number — and ends with
/// final punctuation, a closing quote, or a letter or digit that cannot end a piece: not
/// the "r", "n", "t" of an escape after a backslash, and at a line's end not a digit or
/// Roman numeral that a leader's page number may end with. (After a digit at the start,
/// only final punctuation is plain: "12" may be a page number.)
#[inline]
fn plain(text: &str, start: usize, end: usize, line_end: bool) -> bool {
    let span = &text[start..end];
    let b = span.as_bytes();
    // ASCII edges (most text): decided from bytes.
    if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
        if f.is_ascii_alphabetic() && l.is_ascii() {
            return ends_plain(l)
                || match l {
                    b'r' | b'n' | b't' => b.len() >= 2 && !matches!(b[b.len() - 2], b'\\' | b' '),
                    b'i' | b'v' | b'x' | b'l' | b'c' | b'I' | b'V' | b'X' | b'L' | b'C' => {
                        !line_end
                    }
                    b'0'..=b'9' => !line_end,
                    _ => l.is_ascii_alphabetic(),
                };
        }
    }
    let mut chars = span.chars();
    let (Some(mut first), Some(last)) = (chars.next(), span.chars().next_back()) else {
        return false;
    };
    if matches!(first, '"' | '\'' | '(' | '“' | '‘' | '«' | '„' | '「') {
        first = chars.next().unwrap_or(' ');
    }
    if is_terminator_char(last) || is_closer(last) {
        return first.is_alphanumeric();
    }
    if !first.is_alphabetic() {
        return false;
    }
    match last {
        'r' | 'n' | 't' => b.len() >= 2 && !matches!(b[b.len() - 2], b'\\' | b' '),
        'i' | 'v' | 'x' | 'l' | 'c' | 'I' | 'V' | 'X' | 'L' | 'C' => !line_end,
        '0'..='9' => !line_end,
        c => c.is_alphabetic(),
    }
}

/// Final punctuation or a closing quote or bracket: after a first letter, a [`plain`] end.
fn ends_plain(last: u8) -> bool {
    matches!(last, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}')
}

/// Pushes a sentence `[start, end)` (trimmed here) onto `out`, with any non-prose material
/// at its edges as segments of their own.
#[inline]
pub(super) fn push_sentence(
    text: &str,
    out: &mut Vec<Segment>,
    start: usize,
    end: usize,
    paragraph: usize,
) {
    if end <= start {
        return;
    }
    let b = text.as_bytes();
    // Edges that are ASCII and not spaces (most sentences) need no trimming.
    let plain_edge = |x: u8| x < 0x80 && !is_space_byte(x);
    let (s, e) = if plain_edge(b[start]) && plain_edge(b[end - 1]) {
        (start, end)
    } else {
        let e = start + text[start..end].trim_end().len();
        (e - text[start..e].trim_start().len(), e)
    };
    if s >= e {
        return;
    }
    // (Most sentences: a letter, then final punctuation; [`plain`]'s first rule, inline.)
    if (b[s].is_ascii_alphabetic() && ends_plain(b[e - 1])) || plain(text, s, e, false) {
        out.push(Segment {
            start: s,
            end: e,
            paragraph,
            kind: SegmentKind::Sentence,
        });
    } else {
        push_peeled(text, out, s, e, paragraph);
    }
}

/// [`push_sentence`] for a trimmed span that may have non-prose edges.
#[inline(never)]
fn push_peeled(text: &str, out: &mut Vec<Segment>, s: usize, e: usize, paragraph: usize) {
    let mut pieces = Vec::new();
    match peel(text, s, e, false, paragraph, &mut pieces) {
        Some((cs, ce, split)) => {
            for p in &pieces[..split] {
                push_piece(out, *p);
            }
            out.push(Segment {
                start: cs,
                end: ce,
                paragraph,
                kind: SegmentKind::Sentence,
            });
            for p in &pieces[split..] {
                push_piece(out, *p);
            }
        }
        None => pieces.into_iter().for_each(|p| push_piece(out, p)),
    }
}

/// Pushes a non-prose piece, merged into the previous segment when that is a piece of the
/// same kind in the same paragraph (only whitespace lies between consecutive segments).
pub(super) fn push_piece(out: &mut Vec<Segment>, p: Segment) {
    if let Some(last) = out.last_mut() {
        if last.kind == p.kind && last.paragraph == p.paragraph && last.end <= p.start {
            last.end = p.end;
            return;
        }
    }
    out.push(p);
}

/// The length of a tag or literal escape that `s` starts with: the scanner reads one
/// right after a terminator as the break it stands for (`"test.</p><p>Next"`, `"world.\nNext"`).
#[inline]
pub(super) fn glue_len(s: &str) -> Option<usize> {
    match s.as_bytes().first() {
        Some(b'<' | b'&') => tag_at_start(s),
        Some(b'\\') => escape_at_start(s),
        _ => None,
    }
}

/// Whether `s` (trimmed) starts or ends with non-prose material or is non-prose as a whole:
/// what a sentence span never does. `line_end`: `s` ends a line (a dot leader may end it).
pub fn has_non_prose_edge(s: &str, line_end: bool) -> bool {
    leading(s).is_some() || trailing(s, line_end).is_some() || whole(s).is_some()
}

fn piece(start: usize, end: usize, kind: SegmentKind, paragraph: usize) -> Segment {
    Segment {
        start,
        end,
        paragraph,
        kind,
    }
}

fn skip_space(text: &str, from: usize, end: usize) -> usize {
    end - text[from..end].trim_start().len()
}

// ---- the rules --------------------------------------------------------------------------

/// The non-prose piece `s` starts with, if any.
fn leading(s: &str) -> Option<Piece> {
    let first = *s.as_bytes().first()?;
    if first.is_ascii_alphanumeric() {
        return None; // the common case
    }
    if let Some(n) = tag_at_start(s) {
        return Some((n, SegmentKind::Markup));
    }
    if let Some(n) = escape_at_start(s) {
        return Some((n, SegmentKind::Escape));
    }
    let n = separator_len(s.chars());
    (n >= MIN_SEPARATOR).then(|| {
        let bytes: usize = s.chars().take(n).map(char::len_utf8).sum();
        (bytes, SegmentKind::Separator)
    })
}

/// The non-prose piece `s` ends with, if any.
fn trailing(s: &str, line_end: bool) -> Option<Piece> {
    let last = *s.as_bytes().last()?;
    if last == b'.' || last == b'"' {
        return None; // the common case: a sentence's final period or quotation mark
    }
    if line_end {
        if let Some(at) = leader_at_end(s) {
            return Some((s.len() - at, SegmentKind::Leader));
        }
    }
    if let Some(n) = tag_at_end(s) {
        return Some((n, SegmentKind::Markup));
    }
    if let Some(n) = escape_at_end(s) {
        return Some((n, SegmentKind::Escape));
    }
    let n = separator_len(s.chars().rev());
    (n >= MIN_SEPARATOR).then(|| {
        let bytes: usize = s.chars().rev().take(n).map(char::len_utf8).sum();
        (bytes, SegmentKind::Separator)
    })
}

/// What a whole trimmed span is when it is not prose: only a page number, or one run of
/// punctuation and symbols without a letter or digit ("—", "|---|---|", "…"). A spaced row
/// of symbols ("* * * * *", a dinkus) is the text's own section break, not page furniture:
/// it stays, as segmenters and their test sets keep it.
fn whole(s: &str) -> Option<SegmentKind> {
    if is_page_number(s) {
        return Some(SegmentKind::PageNumber);
    }
    (!s.chars().any(is_word_or_space)).then_some(SegmentKind::Symbols)
}

/// A letter, digit or space; decided without Unicode tables for ASCII and for the
/// punctuation and symbol blocks (bullets, dashes, arrows, box drawing…).
fn is_word_or_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c.is_ascii_whitespace();
    }
    if is_separator_char(c) || ('\u{2010}'..='\u{205E}').contains(&c) {
        return false;
    }
    c.is_alphanumeric() || c.is_whitespace()
}

/// Symbols that separator runs are made of: ASCII rules and marks, dashes, bullets,
/// arrows, box drawing, blocks, geometric shapes, dingbats. (Not `.` `!` `?` — "Wait...."
/// and "No!!!!" are prose — nor quotes, brackets, `<` `>` or `&`, which open tags.)
fn is_separator_char(c: char) -> bool {
    matches!(
        c,
        '-' | '_'
            | '='
            | '*'
            | '~'
            | '#'
            | '/'
            | '\\'
            | '|'
            | '+'
            | '^'
            | '`'
            | '\u{2010}'..='\u{2015}'
            | '\u{2022}'
            | '\u{2023}'
            | '\u{2043}'
            | '\u{00B7}'
            | '\u{2190}'..='\u{21FF}'
            | '\u{2500}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{3030}'
            | '\u{301C}'
            | '\u{FF5E}'
            | '\u{FF1D}'
            | '\u{FF0A}'
            | '\u{203B}'
    )
}

/// How many separator characters `chars` starts with (counting stops at the first other
/// character, so the cost is the run's length).
fn separator_len(chars: impl Iterator<Item = char>) -> usize {
    chars.take_while(|&c| is_separator_char(c)).count()
}

/// `<p>`, `</div>`, `<img src="a.jpg">`, `<br/>`, `<!-- note -->`, `<?xml …?>` and the
/// HTML-escaped `&lt;b&gt;`: the byte length of the tag `s` starts with. `<` must be
/// followed by a letter (or `/`, `!`, `?` and a letter), so "< b" and "<3" are not tags.
fn tag_at_start(s: &str) -> Option<usize> {
    let (open, close, reopen) = if s.starts_with('<') {
        ("<", ">", "<")
    } else if s.starts_with("&lt;") {
        ("&lt;", "&gt;", "&lt;")
    } else {
        return None;
    };
    let b = s.as_bytes();
    let mut i = open.len();
    if matches!(b.get(i), Some(b'/' | b'!' | b'?')) {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b':' | b'_')) {
        i += 1;
    }
    let named = b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic())
        || (b[name_start - 1] == b'!' && s[name_start..].starts_with("--"));
    if !named {
        return None;
    }
    // After the name: the end of the tag, or a space before attributes.
    let rest = &s[i..];
    if !(rest.starts_with(close)
        || rest.starts_with('/')
        || rest.starts_with(|c: char| c.is_ascii_whitespace()))
    {
        return None;
    }
    // A bare "<name>" is a tag only for an HTML element's name: "20 <kg>" writes a unit,
    // "<b>" and "<p>" are markup. (A closing tag, attributes or "/>" mark markup anyway.)
    let bare = name_start == open.len() && rest.starts_with(close);
    if bare && !is_html_element(&s[name_start..i]) {
        return None;
    }
    // The first `>` ends the tag; a `<` before it means this was no tag. (Stopping at
    // either keeps scans from successive candidates disjoint.)
    let limit = floor_boundary(s, (i + MAX_TAG).min(s.len()));
    let window = &s[i..limit];
    if open == "<" {
        let at = window.find(['<', '>'])?;
        return (window.as_bytes()[at] == b'>').then_some(i + at + 1);
    }
    for (at, _) in window.match_indices('&') {
        if window[at..].starts_with(close) {
            return Some(i + at + close.len());
        }
        if window[at..].starts_with(reopen) {
            return None;
        }
    }
    None
}

/// HTML element names (lowercase, sorted), for bare tags such as `<p>` (see [`tag_at_start`]).
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "label",
    "li",
    "main",
    "mark",
    "nav",
    "noscript",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Whether `name` is an HTML element's name, in any case.
fn is_html_element(name: &str) -> bool {
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    HTML_ELEMENTS
        .binary_search_by(|e| e.as_bytes().cmp(lower))
        .is_ok()
}

/// The byte length of the complete tag `s` ends with (see [`tag_at_start`]).
fn tag_at_end(s: &str) -> Option<usize> {
    let open = if s.ends_with('>') {
        "<"
    } else if s.ends_with("&gt;") {
        "&lt;"
    } else {
        return None;
    };
    let from = ceil_boundary(s, s.len().saturating_sub(MAX_TAG));
    let at = from + s[from..].rfind(open)?;
    (tag_at_start(&s[at..]) == Some(s.len() - at)).then_some(s.len() - at)
}

/// "\n", "\r", "\t" written out (one or two backslashes, sometimes a space after them:
/// "\ n"): the byte length of the escape `s` starts with. Not before a lowercase letter:
/// "\newline" and "\theta" are words after a backslash.
fn escape_at_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < 2 && b.get(i) == Some(&b'\\') {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    if !matches!(b.get(i), Some(b'r' | b'n' | b't')) {
        return None;
    }
    i += 1;
    (!b.get(i).is_some_and(u8::is_ascii_lowercase)).then_some(i)
}

/// A run of literal escapes at byte `at` of `text` (before `end`) that breaks a line: glued
/// to what follows, which opens like a sentence (a capital, a digit, a curly quotation
/// mark: "news\\nThe mayor", "sharply.\\r\\nInvestors"), and not after a colon ("C:\\n2").
/// Returns the end of the run. ("use \\n to break" stays: a lowercase word or a space
/// follows.)
pub(super) fn escape_break(text: &str, at: usize, end: usize) -> Option<usize> {
    if at > 0 && text.as_bytes()[at - 1] == b':' {
        return None;
    }
    let mut past = at;
    for _ in 0..16 {
        match escape_at_start(&text[past..end]) {
            Some(n) if !text[past..past + n].contains(' ') => past += n,
            _ => break,
        }
    }
    // (Not before a straight quote or bracket: `"\\n"` and `printf("\\n(")` are code,
    // while JSON escapes its quotes.)
    let next = text[past..end].chars().next()?;
    let opens = next.is_uppercase() || next.is_ascii_digit() || matches!(next, '“' | '‘' | '«');
    (past > at && opens).then_some(past)
}

/// The byte length of the escape `s` ends with (see [`escape_at_start`]); not after a
/// colon, where "C:\n" is a path.
fn escape_at_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = b.len();
    if !matches!(b.last(), Some(b'r' | b'n' | b't')) {
        return None;
    }
    i -= 1;
    if i > 0 && b[i - 1] == b' ' {
        i -= 1;
    }
    let letter_end = i;
    while i > 0 && letter_end - i < 2 && b[i - 1] == b'\\' {
        i -= 1;
    }
    if i == letter_end || (i > 0 && b[i - 1] == b':') {
        return None;
    }
    Some(b.len() - i)
}

/// A table-of-contents leader ending the line `s`: at least [`MIN_LEADER_DOTS`] dots
/// (spaced or not; "…" counts three), optional spaces, then a page reference ("5",
/// "16-17", "vii"). Returns where the dots start.
fn leader_at_end(s: &str) -> Option<usize> {
    let page = page_ref_len(s)?;
    // Spaces between the dots and the number, not a line break.
    let before = s[..s.len() - page].trim_end_matches([' ', '\t']);
    dots_at_end(before, MIN_LEADER_DOTS)
}

/// Where a run of at least `min` dots (spaced or not, "…" counts three) ending `s` starts.
pub(super) fn dots_at_end(s: &str, min: usize) -> Option<usize> {
    let b = s.as_bytes();
    let (mut i, mut dots) = (b.len(), 0);
    loop {
        if i > 0 && b[i - 1] == b'.' {
            i -= 1;
            dots += 1;
        } else if s[..i].ends_with('…') {
            i -= '…'.len_utf8();
            dots += 3;
        } else if i > 1 && b[i - 1] == b' ' && b[i - 2] == b'.' && dots > 0 {
            i -= 1; // ". . . ." : one space between dots
        } else {
            break;
        }
    }
    (dots >= min).then_some(i)
}

/// The length of the page reference ending `s`: a number of one to four digits, a range
/// of two ("16-17", "16–17"), or a small Roman numeral in one case ("vii", "XII").
fn page_ref_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |end: usize| {
        b[..end]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let n = digits(b.len());
    if (1..=4).contains(&n) {
        let mut len = n;
        let rest = &s[..b.len() - n];
        for dash in ["-", "–"] {
            if let Some(r) = rest.strip_suffix(dash) {
                let m = digits(r.len());
                if (1..=4).contains(&m) {
                    len += dash.len() + m;
                }
                break;
            }
        }
        let start = b.len() - len;
        return (start == 0 || !b[start - 1].is_ascii_alphanumeric()).then_some(len);
    }
    let lower = b.iter().rev().take_while(|c| b"ivxlc".contains(c)).count();
    let upper = b.iter().rev().take_while(|c| b"IVXLC".contains(c)).count();
    let n = lower.max(upper);
    let start = b.len() - n;
    ((1..=7).contains(&n) && (start == 0 || !b[start - 1].is_ascii_alphanumeric())).then_some(n)
}

/// A span that is only a page number: "3", "127", "- 3 -", "— 12 —". (At most three
/// digits: a lone "2024" is more likely a year heading; and no range: a lone "2-1" is more
/// likely a score. Ranges count after a leader, see [`page_ref_len`].)
fn is_page_number(s: &str) -> bool {
    if s.len() > 16 {
        return false;
    }
    let mut core = s;
    for dash in ["-", "–", "—"] {
        if let Some(inner) = s.strip_prefix(dash).and_then(|r| r.strip_suffix(dash)) {
            core = inner.trim();
            break;
        }
    }
    (1..=3).contains(&core.len()) && core.bytes().all(|c| c.is_ascii_digit())
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use SegmentKind::*;

    #[test]
    fn tags() {
        assert_eq!(tag_at_start("<p>This"), Some(3));
        assert_eq!(tag_at_start("</div> x"), Some(6));
        assert_eq!(tag_at_start("<img src=\"/a/b.jpg\">"), Some(20));
        assert_eq!(tag_at_start("<br/>"), Some(5));
        assert_eq!(tag_at_start("<!-- note -->x"), Some(13));
        assert_eq!(tag_at_start("&lt;b&gt;J1"), Some(9));
        assert_eq!(tag_at_start("< b and c > d"), None);
        assert_eq!(tag_at_start("<3 you"), None);
        assert_eq!(tag_at_start("<b and <c> d"), None);
        assert_eq!(tag_at_start("<p"), None);
        assert_eq!(
            tag_at_start("<kg> of flour"),
            None,
            "a bare unknown name is no tag"
        );
        assert_eq!(tag_at_start("<KG>"), None);
        assert_eq!(tag_at_start("<B>bold"), Some(3));
        assert_eq!(tag_at_start("</kg>"), Some(5), "a closing tag is markup");
        assert_eq!(tag_at_start("<bpt i=\"0\">"), Some(11));
        assert!(HTML_ELEMENTS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(tag_at_end("test.</p>"), Some(4));
        assert_eq!(tag_at_end("J1.txt<ept i=\"1\">"), Some(11));
        assert_eq!(tag_at_end("a > b"), None);
        assert_eq!(tag_at_end("if a < b and c > d"), None);
        assert_eq!(tag_at_end("The weight is 20 <kg>"), None);
    }

    #[test]
    fn escapes() {
        assert_eq!(escape_at_start("\\r\\n Hello."), Some(2));
        assert_eq!(escape_at_start("\\ nHello."), Some(3));
        assert_eq!(escape_at_start("\\\\nThe"), Some(3));
        assert_eq!(escape_at_start("\\newline"), None);
        assert_eq!(escape_at_start("\\x"), None);
        assert_eq!(escape_at_end("Hello World.\\n"), Some(2));
        assert_eq!(escape_at_end("Done \\ r"), Some(3));
        assert_eq!(escape_at_end("save to C:\\n"), None);
        assert_eq!(escape_at_end("the plan"), None);
    }

    #[test]
    fn leaders_and_page_numbers() {
        assert_eq!(leader_at_end("About Me.........5"), Some(8));
        assert_eq!(leader_at_end("Chapter 2 ....... 6"), Some(10));
        assert_eq!(leader_at_end("Score . . . . . 16-17"), Some(6));
        assert_eq!(leader_at_end("Preface.......vii"), Some(7));
        assert_eq!(leader_at_end("Wait.... 5"), None);
        assert_eq!(leader_at_end("from 10 ... 20"), None);
        assert_eq!(leader_at_end("It rose to 5"), None);
        assert!(is_page_number("3") && is_page_number("127") && is_page_number("- 3 -"));
        assert!(!is_page_number("2024") && !is_page_number("3.") && !is_page_number("3 dead"));
        assert!(!is_page_number("2-1") && !is_page_number("16-17"));
    }

    #[test]
    fn edges_and_wholes() {
        assert_eq!(leading("////Header"), Some((4, Separator)));
        assert_eq!(leading("---"), None);
        assert_eq!(trailing("Header ====", false), Some((4, Separator)));
        assert_eq!(trailing("No!!!!", false), None);
        assert_eq!(trailing("Wait....", true), None);
        assert_eq!(whole("////"), Some(Symbols));
        assert_eq!(whole("—"), Some(Symbols));
        assert_eq!(whole("* * *"), None);
        assert_eq!(whole("7"), Some(PageNumber));
        assert_eq!(whole("$5"), None);
        assert_eq!(whole("Hello"), None);
    }

    /// The fast path never skips a span a rule would cut.
    #[test]
    fn plain_spans_have_no_non_prose() {
        let samples = [
            "The vote passed.",
            "\"We will rebuild,\" she said.",
            "Turnout rose to 61",
            "Key points",
            "Foreword . . . vii",
            "Chapter 2 ..... 12",
            "Hello\\n",
            "Hello \\ n",
            "Done \\r",
            "Header////",
            "Header ====",
            "test.</p>",
            "x &lt;/b&gt;",
            "12",
            "7.",
            "(Dinah was the cat.)",
            "「再建します。」",
            "Straße",
            "Plan",
            "civil",
            "a",
        ];
        for s in samples {
            for line_end in [false, true] {
                if plain(s, 0, s.len(), line_end) {
                    assert!(!has_non_prose_edge(s, line_end), "{s:?} {line_end}");
                }
            }
        }
        assert!(plain("The vote passed.", 0, 16, true));
        assert!(plain("Key points", 0, 10, true));
        assert!(!plain("Hello\\n", 0, 7, false));
    }

    #[test]
    fn peel_splits_edges_from_the_core() {
        let text = "<h2 class=\"x\">Hello</h2>";
        let mut pieces = Vec::new();
        let core = peel(text, 0, text.len(), true, 0, &mut pieces);
        let (s, e, split) = core.unwrap();
        assert_eq!(&text[s..e], "Hello");
        assert_eq!(split, 1);
        let got: Vec<&str> = pieces.iter().map(|p| &text[p.start..p.end]).collect();
        assert_eq!(got, ["<h2 class=\"x\">", "</h2>"]);
        let text = "<div><p>";
        pieces.clear();
        assert_eq!(peel(text, 0, text.len(), true, 0, &mut pieces), None);
        assert_eq!(pieces.len(), 2);
    }
}
