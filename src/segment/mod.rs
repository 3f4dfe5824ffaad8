//! Stage 2, segment: split text into sentences and paragraphs.
//!
//! Input: text (normally the normalized text) and a [`Language`]. Output: [`Segment`]s —
//! byte spans of trimmed sentences, in order, not overlapping, covering every
//! non-whitespace character — each with its paragraph number. A blank line starts a new
//! paragraph.
//!
//! Three levels, each a single pass:
//!
//! 1. **Paragraphs**: runs of non-blank lines.
//! 2. **Lines** (this file): each line break inside a paragraph is *hard* (a boundary) or
//!    *soft* (a copy-paste or PDF wrap inside a sentence). Hard: before a bullet or list
//!    marker, between the lines of a short unpunctuated list, after a headline, byline or
//!    dateline (a line without final punctuation followed by a capitalised line), unless
//!    the text is hard-wrapped (the line is as full as the paragraph's longest). Soft:
//!    after final punctuation (the scanner decides), after a comma or a function word,
//!    before a lowercase word.
//! 3. **Sentences** (`scan.rs`): terminators `. ! ? …` and other scripts' full stops,
//!    decided with the word before (abbreviation tables per language in `data/`, initials,
//!    acronyms, numbers, ordinals, labels) and the word after (case, digits, quotes,
//!    brackets, sentence starters), plus inline lists and bullets. A quotation or bracket
//!    closed within 400 bytes keeps the sentences inside it together ("\"It flooded. We
//!    lost everything,\" she said." is one sentence).
//!
//! Non-prose material (`nonprose.rs`) — separator runs, table-of-contents leaders, page
//! numbers, lines of symbols, HTML/XML tags, literal escapes — is peeled off the edges of
//! every line before the line rules run (a line with such an edge gets hard breaks on that
//! side; a line that is nothing else breaks the paragraph's blocks) and off the edges of
//! every sentence the scanner finds; it comes out as segments of its own kind, never inside
//! a sentence. Literal escapes glued before a capital ("news\\nThe mayor") break a line
//! like the line break they stand for, and after a terminator the scanner reads tags and
//! escapes as a space (`test.</p><p>Next`). [`segment_all_in`] returns both kinds;
//! [`segment_in`] only the sentences, which is what the pipeline scores (so non-prose is
//! never a summary sentence, and figures inside it are dropped).
//!
//! Languages (`lang.rs`): en, da, de, es, fr, it, nl, pl, sk, ru, bg, kk, el, hy, ar, fa,
//! ur, hi, mr, am, my, ja, zh; [`Language::Auto`] detects one from the script and a few
//! function words. [`segment`] uses the English rules (the pipeline passes the option).
//!
//! Cost: O(n) time, with bounded look-back and look-ahead windows (never a scan of the
//! rest of the text); memory O(lines of the largest paragraph + terminators of a block).
//! The non-prose checks read bounded windows at line and sentence edges.

mod lang;
mod nonprose;
mod scan;

pub use lang::{detect, Language};
pub use nonprose::has_non_prose_edge;

use lang::Profile;
use scan::{is_bullet, is_closer, is_terminator_char, Scanner};

/// A segment: a byte span of the text, the paragraph it belongs to, and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Zero-based paragraph number (counting paragraphs that hold a sentence).
    pub paragraph: usize,
    /// A sentence, or which kind of non-prose material.
    pub kind: SegmentKind,
}

/// What a segment is: a sentence, or non-prose material (and why it is not prose).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentKind {
    /// A sentence (or a headline, byline, list item: prose).
    Sentence,
    /// Four or more separator symbols in a row: "////", "=====", "*****", "────".
    Separator,
    /// A table-of-contents dot leader and its page number: "......... 16-17".
    Leader,
    /// A line or segment that is only a page number: "3", "- 12 -".
    PageNumber,
    /// A line or segment of punctuation and symbols only: "* * *", "—".
    Symbols,
    /// HTML/XML tags, also HTML-escaped ones: `<p>`, `</div>`, `&lt;b&gt;`.
    Markup,
    /// Literal escape sequences: "\r\n", "\n", "\t".
    Escape,
}

impl SegmentKind {
    /// Whether this is a sentence (not non-prose material).
    pub fn is_sentence(self) -> bool {
        self == SegmentKind::Sentence
    }
}

/// Splits `text` into sentences with the English rules (see the module docs).
pub fn segment(text: &str) -> Vec<Segment> {
    segment_in(text, Language::En)
}

/// Splits `text` into sentences with the rules of `language` (`Auto` detects it). Non-prose
/// material between them is left out (see [`segment_all_in`]).
pub fn segment_in(text: &str, language: Language) -> Vec<Segment> {
    let mut all = segment_all_in(text, language);
    all.retain(|s| s.kind.is_sentence());
    // Kept through the whole pipeline: give back the room `segment_all_in` reserved (or
    // doubled into) beyond what a long document used; an article's few spare slots stay.
    if all.capacity() - all.len() > 4096 {
        all.shrink_to_fit();
    }
    all
}

/// Splits `text` into sentences and non-prose segments with the rules of `language`: in
/// order, not overlapping, together covering every non-whitespace character.
pub fn segment_all_in(text: &str, language: Language) -> Vec<Segment> {
    let profile = lang::profile(language.resolve(text));
    // Room for a sentence per 80 bytes (news sentences average over 100), so that most
    // texts never move their segments; the line buffer holds most paragraphs.
    let mut out = Vec::with_capacity(text.len() / 80 + 8);
    let mut doc = Paragraphs {
        text,
        profile,
        scanner: Scanner::new(text, profile),
        out: &mut out,
        lines: Vec::with_capacity(8),
        pending: Vec::new(),
        paragraph: 0,
        has_sentence: false,
        after_escape: false,
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos <= bytes.len() {
        // The line's end, noting on the way whether it holds a backslash (a literal escape
        // may break it): one pass.
        let (mut e, mut backslash) = (pos, false);
        loop {
            e = find_line_stop(bytes, e, bytes.len());
            if e < bytes.len() && bytes[e] == b'\\' {
                backslash = true;
                e += 1;
                continue;
            }
            break;
        }
        let next = match bytes.get(e) {
            Some(b'\r') if bytes.get(e + 1) == Some(&b'\n') => e + 2,
            Some(_) => e + 1,
            None => bytes.len() + 1,
        };
        doc.line(pos, e, backslash);
        pos = next;
    }
    doc.flush();
    // A page number needs a page around it: a text that is nothing but "12" is the number 12.
    if !out.iter().any(|s| s.kind.is_sentence()) {
        for s in out.iter_mut().filter(|s| s.kind == SegmentKind::PageNumber) {
            s.kind = SegmentKind::Sentence;
        }
    }
    out
}

/// Bytes where the line search stops: line breaks, and backslashes (noted, then passed).
static LINE_STOP: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// The first position in `[from, end)` whose byte is in `table`, or `end`. Eight bytes are
/// tested at a time: the bytes searched for are rare (one in fifty in prose), and a test
/// per eight bytes is cheaper than a branch per byte.
#[inline]
fn find_byte(bytes: &[u8], from: usize, end: usize, table: &[bool; 256]) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes[i..end].first_chunk::<8>() {
        if chunk.iter().fold(false, |any, &b| any | table[b as usize]) {
            break;
        }
        i += 8;
    }
    while i < end && !table[bytes[i] as usize] {
        i += 1;
    }
    i
}

/// The first line break (`\n`, `\r`) or backslash in `[from, end)`, or `end`: sixteen
/// bytes a step while none may hold one (most of a paragraph), then eight at a time by
/// integer arithmetic, then the [`LINE_STOP`] table on the eight bytes that may hold one
/// (tabs pass the first test).
fn find_line_stop(bytes: &[u8], from: usize, end: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes[i..end].first_chunk::<16>() {
        let (a, b) = (u64_at(chunk, 0), u64_at(chunk, 8));
        if (may_stop(a) | may_stop(b)) != 0 {
            break;
        }
        i += 16;
    }
    while let Some(chunk) = bytes[i..end].first_chunk::<8>() {
        if may_stop(u64::from_le_bytes(*chunk)) != 0 {
            if let Some(k) = chunk.iter().position(|&b| LINE_STOP[b as usize]) {
                return i + k;
            }
        }
        i += 8;
    }
    while i < end && !LINE_STOP[bytes[i] as usize] {
        i += 1;
    }
    i
}

/// The eight bytes of `chunk` from `at`, little-endian.
fn u64_at(chunk: &[u8; 16], at: usize) -> u64 {
    let mut b = [0; 8];
    b.copy_from_slice(&chunk[at..at + 8]);
    u64::from_le_bytes(b)
}

/// The top bit of each lane of `v` whose byte is below 0x0E or is a backslash (and
/// possibly of lanes above such a lane, which the table then turns away).
fn may_stop(v: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let slash = v ^ (ONES * u64::from(b'\\'));
    let low = v.wrapping_sub(ONES * 0x0E) & !v;
    let eq = slash.wrapping_sub(ONES) & !slash;
    (low | eq) & HIGH
}

/// The state of the line pass: the lines of the paragraph so far, and where sentences go.
struct Paragraphs<'t, 'o> {
    text: &'t str,
    profile: &'static Profile,
    scanner: Scanner<'t>,
    out: &'o mut Vec<Segment>,
    /// Lines of the current run (a paragraph, or its part since non-prose broke it).
    lines: Vec<Line>,
    /// Non-prose pieces cut off the edges of `lines`, in text order.
    pending: Vec<Segment>,
    paragraph: usize,
    /// Whether the current paragraph has produced a sentence yet.
    has_sentence: bool,
    /// A literal escape ("\\n") just broke the line: the next part starts after a break.
    after_escape: bool,
}

impl Paragraphs<'_, '_> {
    /// Takes the raw line `[start, end)` (without its line break); `backslash`: it holds one.
    fn line(&mut self, start: usize, end: usize, backslash: bool) {
        let text = self.text;
        let Some(line) = trim_line(text, start, end) else {
            self.flush();
            if self.has_sentence {
                self.paragraph += 1;
                self.has_sentence = false;
            }
            return;
        };
        // Literal escapes glued before a capital ("Breaking news\\nThe mayor…", text
        // pasted from JSON) break the line like the line breaks they stand for.
        let (start, end) = (line.start, line.end);
        if !backslash {
            self.trimmed_part(line);
            return;
        }
        let (mut from, mut i) = (start, start);
        while let Some(k) = text.as_bytes()[i..end].iter().position(|&b| b == b'\\') {
            let at = i + k;
            match nonprose::escape_break(text, at, end) {
                Some(past) => {
                    self.part(from, at);
                    self.escape_piece(at, past);
                    from = past;
                    i = past;
                }
                None => i = at + 1,
            }
        }
        self.part(from, end);
    }

    /// A part of a line (all of it, or the text between literal escapes).
    fn part(&mut self, start: usize, end: usize) {
        if let Some(line) = trim_line(self.text, start, end) {
            self.trimmed_part(line);
        }
    }

    /// A part of a line, trimmed.
    fn trimmed_part(&mut self, line: Line) {
        let after_escape = std::mem::take(&mut self.after_escape);
        // Pieces go straight to `pending` (in text order, after those of earlier lines).
        let mark = self.pending.len();
        let peeled = nonprose::peel(
            self.text,
            line.start,
            line.end,
            true,
            self.paragraph,
            &mut self.pending,
        );
        match peeled {
            Some((start, end, _)) => {
                self.lines.push(Line {
                    start,
                    end,
                    cut_start: after_escape || start > line.start,
                    cut_end: end < line.end,
                });
            }
            None => {
                // A line with nothing but non-prose: the blocks break around it.
                if self.pending.get(mark).map(|p| p.kind) == Some(SegmentKind::PageNumber) {
                    self.leader_before_page_number(mark);
                }
                self.flush();
            }
        }
    }

    /// Records a literal escape `[start, end)` that broke a line: a hard break.
    fn escape_piece(&mut self, start: usize, end: usize) {
        self.pending.push(Segment {
            start,
            end,
            paragraph: self.paragraph,
            kind: SegmentKind::Escape,
        });
        if let Some(last) = self.lines.last_mut() {
            last.cut_end = true;
        }
        self.after_escape = true;
    }

    /// "Three Weeks Later.........\n7": a line ending in a dot leader whose page number is
    /// alone on the next line. Cuts the leader off the line before (which stays prose).
    /// The leader's piece goes at `at` in `pending` (before the page number's).
    fn leader_before_page_number(&mut self, at: usize) {
        let text = self.text;
        let Some(last) = self.lines.last_mut() else {
            return;
        };
        if last.cut_end {
            return;
        }
        let line_text = &text[last.start..last.end];
        let Some(dots) = nonprose::dots_at_end(line_text, nonprose::MIN_LEADER_DOTS) else {
            return;
        };
        let cut = last.start + line_text[..dots].trim_end().len();
        if cut <= last.start {
            return;
        }
        let leader = Segment {
            start: last.start + dots,
            end: last.end,
            paragraph: self.paragraph,
            kind: SegmentKind::Leader,
        };
        last.end = cut;
        last.cut_end = true;
        self.pending.insert(at, leader);
    }

    /// Segments the run of lines so far, with the non-prose pieces cut off their edges put
    /// in place, and starts a new run.
    fn flush(&mut self) {
        let before = self.out.len();
        let lines = std::mem::take(&mut self.lines);
        let pending = std::mem::take(&mut self.pending);
        let mut pi = 0;
        if !lines.is_empty() {
            self.scan_lines(&lines, &pending, &mut pi);
        }
        for p in &pending[pi..] {
            nonprose::push_piece(self.out, *p);
        }
        self.has_sentence |= self.out[before..].iter().any(|s| s.kind.is_sentence());
        // Keep the buffers' capacity.
        self.lines = lines;
        self.lines.clear();
        self.pending = pending;
        self.pending.clear();
    }

    /// The line rules over a run of lines (see the module docs).
    fn scan_lines(&mut self, lines: &[Line], pending: &[Segment], pi: &mut usize) {
        let text = self.text;
        let profile = self.profile;
        let shape = ParagraphShape {
            longest: lines.iter().map(Line::len).max().unwrap_or(0),
            short_list: lines.len() >= 2
                && lines.iter().all(|l| {
                    !ends_with_terminator(text, profile, l) && word_count(text, l, 5) <= 4
                }),
            wrapped: false,
        };
        let longest = shape.longest;
        let full = lines[..lines.len() - 1]
            .iter()
            .filter(|l| l.len() * 4 >= longest * 3)
            .count();
        // Wrapped prose also shows it somewhere: a line that continues in lowercase, or one
        // that ends with a comma, hyphen or function word.
        let wrapped = lines.len() >= 3
            && longest >= 50
            && full * 2 >= lines.len() - 1
            && lines
                .windows(2)
                .any(|p| clearly_continues(text, &p[0], &p[1]));
        let shape = ParagraphShape { wrapped, ..shape };
        let mut block_start = lines[0].start;
        for pair in lines.windows(2) {
            // Non-prose cut between two lines is a boundary.
            let brk = if pair[0].cut_end || pair[1].cut_start {
                Break::Hard
            } else {
                line_break(text, profile, &pair[0], &pair[1], &shape)
            };
            match brk {
                Break::Soft => continue,
                Break::Hard => {}
                Break::HardAfterItem(item) => {
                    // The line's last words are an item of the list that follows.
                    self.scan(block_start, item, pending, pi);
                    block_start = item;
                }
            }
            self.scan(block_start, pair[0].end, pending, pi);
            block_start = pair[1].start;
        }
        let last = lines[lines.len() - 1];
        self.scan(block_start, last.end, pending, pi);
    }

    /// Scans the block `[start, end)`, after the pending pieces that come before it.
    fn scan(&mut self, start: usize, end: usize, pending: &[Segment], pi: &mut usize) {
        while *pi < pending.len() && pending[*pi].start < start {
            nonprose::push_piece(self.out, pending[*pi]);
            *pi += 1;
        }
        self.scanner.scan(start, end, self.paragraph, self.out);
    }
}

/// A non-blank line, trimmed, with non-prose edges cut off.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    /// Non-prose material was cut off its start (the break before it is hard).
    cut_start: bool,
    /// Non-prose material was cut off its end (the break after it is hard).
    cut_end: bool,
}

impl Line {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

fn trim_line(text: &str, start: usize, end: usize) -> Option<Line> {
    let slice = &text[start..end];
    let trimmed = slice.trim_start();
    if trimmed.is_empty() {
        return None;
    }
    let s = start + (slice.len() - trimmed.len());
    let e = s + trimmed.trim_end().len();
    Some(Line {
        start: s,
        end: e,
        cut_start: false,
        cut_end: false,
    })
}

/// What the line rules need to know about a whole paragraph.
struct ParagraphShape {
    longest: usize,
    /// Two or more short lines, none with final punctuation: a list ("features\ncontact
    /// manager\nevents").
    short_list: bool,
    /// Looks hard-wrapped: three or more lines, the longest at least 50 bytes, and most
    /// lines but the last at least three quarters as long.
    wrapped: bool,
}

/// What a line break inside a paragraph is.
enum Break {
    /// Inside a sentence (or left to the scanner, reading the break as a space).
    Soft,
    /// A sentence boundary.
    Hard,
    /// A boundary, and the line's short tail from this offset is an item of its own.
    HardAfterItem(usize),
}

/// Classifies the line break between `line` and `next` (see the module docs).
fn line_break(
    text: &str,
    profile: &Profile,
    line: &Line,
    next: &Line,
    shape: &ParagraphShape,
) -> Break {
    let line_text = &text[line.start..line.end];
    let next_text = &text[next.start..next.end];
    if starts_with_item(next_text) || shape.short_list {
        return Break::Hard;
    }
    if ends_with_terminator(text, profile, line) {
        return Break::Soft;
    }
    // "…city. features\ncontact manager\nevents": short unpunctuated fragments are items.
    if word_count(text, next, 4) <= 3 && !ends_with_terminator(text, profile, next) {
        match short_tail(line_text) {
            Some(0) => return Break::Hard,
            Some(k) => return Break::HardAfterItem(line.start + k),
            None => {}
        }
    }
    if hard_break(line_text, next_text, line, shape) {
        Break::Hard
    } else {
        Break::Soft
    }
}

/// For a line without final punctuation: whether the break after it is a boundary.
fn hard_break(line_text: &str, next_text: &str, line: &Line, shape: &ParagraphShape) -> bool {
    if ends_open(line_text) {
        return false;
    }
    if first_letter_is_lower(next_text) {
        return false;
    }
    if is_byline(next_text) {
        return true;
    }
    // Hard-wrapped text: most lines are nearly as long as the longest, and the next word
    // would not have fitted on this line.
    let next_word = next_text
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .len();
    let fills = shape.wrapped && (line.len() + 1 + next_word) * 10 >= shape.longest * 9;
    !fills
}

/// A break that is plainly inside a sentence: the next line starts in lowercase, or the
/// line ends with a comma, hyphen or function word.
fn clearly_continues(text: &str, line: &Line, next: &Line) -> bool {
    let line_text = &text[line.start..line.end];
    first_letter_is_lower(&text[next.start..next.end]) || ends_open(line_text)
}

/// The line ends with continuing punctuation or a function word. (Not a colon: "Read
/// more:" or "Key points:" before a capitalised line is a label of its own.)
fn ends_open(line_text: &str) -> bool {
    if line_text.ends_with([',', ';', '-', '–', '—', '&', '/', '(', '+']) {
        return true;
    }
    let last_word = line_text.rsplit(char::is_whitespace).next().unwrap_or("");
    is_function_word(last_word)
}

/// Whether `word` (any case) is in [`FUNCTION_WORDS`] (sorted, lowercase).
fn is_function_word(word: &str) -> bool {
    let mut buf = [0u8; 12];
    if word.is_empty() || word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    FUNCTION_WORDS.binary_search(&lower).is_ok()
}

/// Words that rarely end a headline or a line of its own (articles, prepositions,
/// auxiliaries, "said"), so a break after them is inside a sentence.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "against",
    "also",
    "among",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "either",
    "for",
    "from",
    "has",
    "have",
    "her",
    "his",
    "if",
    "in",
    "including",
    "into",
    "is",
    "its",
    "may",
    "might",
    "must",
    "neither",
    "nor",
    "not",
    "of",
    "on",
    "onto",
    "or",
    "our",
    "over",
    "per",
    "said",
    "says",
    "should",
    "so",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "these",
    "this",
    "those",
    "through",
    "to",
    "told",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "very",
    "via",
    "was",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
];

fn ends_with_terminator(text: &str, profile: &Profile, line: &Line) -> bool {
    let slice = &text[line.start..line.end];
    let trimmed = slice.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace());
    trimmed
        .chars()
        .next_back()
        .is_some_and(|c| is_terminator_char(c) || (profile.colon_ends && c == ':'))
}

/// If the line ends with at most three words after its last sentence end (or is at most
/// three words long), the byte offset in `line` where those words start.
fn short_tail(line: &str) -> Option<usize> {
    let mut tail = line.len();
    let mut words = 0;
    for (i, c) in line.char_indices().rev() {
        let at_word_start = !c.is_whitespace()
            && line[..i]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
        if !at_word_start {
            continue;
        }
        let word = line[i..].split(char::is_whitespace).next().unwrap_or("");
        if words > 0
            && word
                .trim_end_matches(is_closer)
                .ends_with(is_terminator_char)
        {
            return Some(tail);
        }
        words += 1;
        if words > 3 {
            return None;
        }
        tail = i;
    }
    Some(0)
}

/// Counts words, stopping at `cap`.
fn word_count(text: &str, line: &Line, cap: usize) -> usize {
    text[line.start..line.end]
        .split_whitespace()
        .take(cap)
        .count()
}

/// A bullet ("• ", "- ", "* ") or a list marker ("1. ", "2) ", "(b) ", "iv) ") opens the line.
fn starts_with_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    if is_bullet(c) {
        return true;
    }
    let second = chars.next();
    if matches!(c, '-' | '*' | '+' | '–' | '—') && second.is_some_and(char::is_whitespace) {
        return true;
    }
    let token = line.split(char::is_whitespace).next().unwrap_or("");
    if token.len() == line.len() {
        return false; // a marker needs an item after it
    }
    let bytes = token.as_bytes();
    let body = if let Some(b) = token.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        return !b.is_empty() && b.len() <= 4 && b.bytes().all(|x| x.is_ascii_alphanumeric());
    } else if let Some(b) = token.strip_suffix(".)").or_else(|| token.strip_suffix(')')) {
        b
    } else if let Some(b) = token.strip_suffix('.') {
        // "1. " and "a. " but not "A. " (an initial) and not "2019. " (a year).
        if b.len() == 1 && bytes[0].is_ascii_uppercase() {
            return false;
        }
        b
    } else {
        return false;
    };
    let digits = (1..=3).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_digit());
    let letter = body.len() == 1 && body.as_bytes()[0].is_ascii_alphabetic();
    let roman =
        (1..=4).contains(&body.len()) && body.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    digits || letter || roman
}

/// Whether the first letter of `line` is lowercase: the line continues a sentence. Inside
/// a leading bracket the first letter counts ("( 365.8 m )."), elsewhere only the first
/// character does ("10 killed" after a headline is not a continuation).
fn first_letter_is_lower(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('(') | Some('[') => chars
            .take(12)
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase),
        Some(c) if scan::is_opener(c) => chars.next().is_some_and(char::is_lowercase),
        Some(c) => c.is_lowercase(),
        None => false,
    }
}

/// "By Ann Reed", "By ANN REED and TOM LEE": a byline.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    rest.starts_with(char::is_uppercase) && line.split_whitespace().take(9).count() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segment(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_news_text() {
        let text = "Mr. Lee paid $3.5 million for the U.S. firm on Jan. 5. It closed at 4 p.m. today. Shares rose!";
        assert_eq!(
            texts(text),
            [
                "Mr. Lee paid $3.5 million for the U.S. firm on Jan. 5.",
                "It closed at 4 p.m. today.",
                "Shares rose!"
            ]
        );
    }

    #[test]
    fn paragraphs_and_headlines() {
        let text = "Storm hits coast\nBy Ann Reed\n\nThe storm arrived on Monday. Power failed.\n\nRepairs began.";
        let segs = segment(text);
        let got: Vec<(&str, usize)> = segs
            .iter()
            .map(|s| (&text[s.start..s.end], s.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("Storm hits coast", 0),
                ("By Ann Reed", 0),
                ("The storm arrived on Monday.", 1),
                ("Power failed.", 1),
                ("Repairs began.", 2)
            ]
        );
    }

    #[test]
    fn function_words_are_sorted_and_found() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_function_word("The") && is_function_word("said"));
        assert!(!is_function_word("year") && !is_function_word(""));
    }

    #[test]
    fn line_stops_are_found_like_the_table_says() {
        let text = "a\tb\x0bc\\n d\re\u{e9}\u{5c}\nfg\x0c\x0e\x0dh \\ \u{2028}i";
        let bytes = text.as_bytes();
        for pad in 0..24 {
            let padded = format!("{}{text}{}", "x".repeat(pad), "y".repeat(pad));
            let bytes = padded.as_bytes();
            for from in 0..=bytes.len() {
                let expected = (from..bytes.len())
                    .find(|&i| LINE_STOP[bytes[i] as usize])
                    .unwrap_or(bytes.len());
                assert_eq!(
                    find_line_stop(bytes, from, bytes.len()),
                    expected,
                    "{pad} {from}"
                );
            }
        }
        assert_eq!(find_line_stop(bytes, 0, 0), 0);
    }

    #[test]
    fn list_markers_open_lines() {
        assert!(starts_with_item("1. Buy milk"));
        assert!(starts_with_item("(iv) Hello"));
        assert!(starts_with_item("b) item"));
        assert!(starts_with_item("• item"));
        assert!(starts_with_item("- item"));
        assert!(!starts_with_item("A. Smith said"));
        assert!(!starts_with_item("2019. It was"));
        assert!(!starts_with_item("-5 degrees"));
    }
}
