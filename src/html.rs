//! HTML → article text: the main content of a web page, as paragraphs the summarizer reads.
//!
//! Input: an HTML page or fragment, however malformed. Output: an [`Article`] — the title,
//! the byline if marked up, and the article text with one blank line between paragraphs
//! (so the segmenter sees paragraphs). [`looks_like_html`] tells pasted HTML from text.
//!
//! How, in three linear passes and no recursion (100,000 nested `<div>`s are fine):
//! 1. **Scan** the markup with a small tokenizer: tags and their few attributes that matter
//!    (class, id, role, itemprop, hidden, style, meta `og:title`), comments, CDATA, `<!…>`
//!    and `<?…>` declarations, raw-text elements (`script`, `style`, `textarea`, `title`…)
//!    skipped to their end tag, a `<` that starts no tag kept as text, entities decoded
//!    (named common ones and `&#…;`/`&#x…;`). Elements live in a flat arena in document
//!    order with an explicit stack of open elements; an end tag with nothing to close is
//!    ignored in O(1) thanks to per-tag open counts, and implied ends (`<p>`, `<li>`, `<td>`…)
//!    look at most 64 elements down the stack, so no input makes this quadratic.
//! 2. **Drop** boilerplate while scanning: `script`, `style`, `nav`, `header`, `footer`,
//!    `aside`, `form`, `button`, `svg`, `iframe`… and any element whose class, id or role
//!    marks it as navigation, menu, comments, share bar, cookie banner, ad, related links or
//!    newsletter box, or that is hidden. Text of the rest is collected into paragraphs
//!    (block elements and `<br>` end a paragraph; whitespace collapses as a browser does),
//!    each remembering its innermost block element and how much of it is link text.
//! 3. **Choose** the content: the element marked `itemprop=articleBody`, else the largest
//!    `<article>` if it holds a fair share of the page's text; otherwise a Readability-like
//!    score (commas and length of each paragraph, added to its container and, decaying, to
//!    a few ancestors, scaled by the container's link density) picks the best container
//!    (inside `<main>` when there is one) plus its siblings that score nearly as well.
//!    Paragraphs in the chosen containers are kept in order, minus link lists, bare
//!    "Advertisement"-style labels and the title and byline themselves.
//!
//! The title comes from the article's `<h1>`, else `og:title`, else `<title>` (minus a
//! trailing " | Site name"). Cost: O(n) time and memory for n bytes of HTML.

use std::collections::HashMap;

/// The main content of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Article {
    /// The headline, if the page has one.
    pub title: Option<String>,
    /// The author line, if it is marked up (`rel=author`, `itemprop=author`, class `byline`).
    pub byline: Option<String>,
    /// The article's paragraphs, separated by one blank line; no title, no byline.
    pub text: String,
}

/// Extracts the article of an HTML page (see the module docs). Never fails: a page without
/// recognisable content gives its visible text, and text without tags gives itself.
pub fn extract_article(html: &str) -> Article {
    let mut builder = Builder::new();
    scan(html, &mut builder);
    builder.finish();
    builder.article()
}

/// Whether pasted `text` is HTML rather than prose: it starts with a doctype or `<html>`,
/// or with a tag and holds at least two known tags, or known tags are dense in it. Looks at
/// the first 64 KB only, so it costs O(1) on any input.
pub fn looks_like_html(text: &str) -> bool {
    let mut cut = text.len().min(64 * 1024);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text[..cut].trim_start();
    let start = head.as_bytes();
    if starts_with_ignore_case(start, b"<!doctype html") || starts_with_ignore_case(start, b"<html")
    {
        return true;
    }
    let tags = count_known_tags(head);
    (head.starts_with('<') && tags >= 2) || (tags >= 8 && tags * 400 >= head.len())
}

/// Tag names that mark text as HTML when they appear as `<name>`, `<name …>` or `</name>`.
const TELLING_TAGS: &[&str] = &[
    "a",
    "article",
    "b",
    "blockquote",
    "body",
    "br",
    "div",
    "em",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "i",
    "img",
    "li",
    "link",
    "main",
    "meta",
    "nav",
    "ol",
    "p",
    "script",
    "section",
    "span",
    "strong",
    "style",
    "table",
    "td",
    "title",
    "tr",
    "ul",
];

fn count_known_tags(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while let Some(k) = find_byte(bytes, i, b'<') {
        let mut j = k + 1;
        if bytes.get(j) == Some(&b'/') {
            j += 1;
        }
        let name_start = j;
        while j < bytes.len() && bytes[j].is_ascii_alphanumeric() && j - name_start < 12 {
            j += 1;
        }
        let ends_name = matches!(
            bytes.get(j),
            Some(b'>' | b'/' | b' ' | b'\n' | b'\t' | b'\r')
        );
        if ends_name && j > name_start {
            let name = text[name_start..j].to_ascii_lowercase();
            if TELLING_TAGS.contains(&name.as_str()) {
                count += 1;
            }
        }
        i = k + 1;
    }
    count
}

// ---------------------------------------------------------------------------------------
// Pass 1: the tokenizer.
// ---------------------------------------------------------------------------------------

/// The attributes the extractor looks at; everything else is skipped.
#[derive(Default)]
struct Attrs<'h> {
    class: &'h str,
    id: &'h str,
    role: &'h str,
    itemprop: &'h str,
    rel: &'h str,
    style: &'h str,
    aria_hidden: &'h str,
    property: &'h str,
    content: &'h str,
    hidden: bool,
    self_closing: bool,
}

/// Elements whose content is not markup: skipped up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "textarea",
    "plaintext",
];

/// Runs the tokenizer over `html`, feeding `builder`.
fn scan(html: &str, builder: &mut Builder) {
    let bytes = html.as_bytes();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(lt) = find_byte(bytes, pos, b'<') {
        let rest = &bytes[lt..];
        let next = rest.get(1).copied().unwrap_or(0);
        let after = if rest.starts_with(b"<!--") {
            // A comment ends at "-->" ("<!-->" is an empty one), or at the end of input.
            find(bytes, lt + 2, b"-->").map_or(bytes.len(), |k| k + 3)
        } else if starts_with_ignore_case(rest, b"<![cdata[") {
            find(bytes, lt + 9, b"]]>").map_or(bytes.len(), |k| k + 3)
        } else if next == b'!' || next == b'?' {
            // Doctype, bogus comment or processing instruction: up to the next '>'.
            find_byte(bytes, lt + 2, b'>').map_or(bytes.len(), |k| k + 1)
        } else if next == b'/' {
            let third = rest.get(2).copied().unwrap_or(0);
            if third.is_ascii_alphabetic() {
                builder.text(&html[text_start..lt]);
                let name_end = tag_name_end(bytes, lt + 2);
                let name = html[lt + 2..name_end].to_ascii_lowercase();
                let end = parse_attrs(html, name_end, &mut Attrs::default());
                builder.end_tag(&name);
                pos = end.unwrap_or(bytes.len());
                text_start = pos;
                continue;
            } else if third == b'>' {
                lt + 3 // "</>" is dropped
            } else {
                find_byte(bytes, lt + 2, b'>').map_or(bytes.len(), |k| k + 1)
            }
        } else if next.is_ascii_alphabetic() {
            builder.text(&html[text_start..lt]);
            let name_end = tag_name_end(bytes, lt + 1);
            let name = html[lt + 1..name_end].to_ascii_lowercase();
            let mut attrs = Attrs::default();
            let Some(end) = parse_attrs(html, name_end, &mut attrs) else {
                // A tag cut off by the end of input is dropped, as browsers do.
                return;
            };
            pos = end;
            if RAW_TEXT.contains(&name.as_str()) {
                pos = skip_raw_text(bytes, pos, name.as_bytes()).1;
            } else if name == "title" && !builder.in_foreign_content() {
                let (content_end, after_end) = skip_raw_text(bytes, pos, b"title");
                builder.document_title(&html[pos..content_end]);
                pos = after_end;
            } else {
                builder.start_tag(&name, &attrs);
            }
            text_start = pos;
            continue;
        } else {
            // A '<' that starts no tag ("a < b") is text.
            pos = lt + 1;
            continue;
        };
        builder.text(&html[text_start..lt]);
        pos = after;
        text_start = pos;
    }
    builder.text(&html[text_start..]);
}

/// The end of a tag name starting at `from`: up to whitespace, `/` or `>`.
fn tag_name_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() && !matches!(bytes[i], b'>' | b'/') && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Parses attributes from `pos` to the closing `>`; returns the offset after it, or `None`
/// if the input ends inside the tag. Quoted values may hold `>`.
fn parse_attrs<'h>(html: &'h str, mut pos: usize, attrs: &mut Attrs<'h>) -> Option<usize> {
    let bytes = html.as_bytes();
    loop {
        while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
            if bytes[pos] == b'/' && bytes.get(pos + 1) == Some(&b'>') {
                attrs.self_closing = true;
            }
            pos += 1;
        }
        match bytes.get(pos) {
            None => return None,
            Some(b'>') => return Some(pos + 1),
            _ => {}
        }
        let name_start = pos;
        pos += 1; // the first character may be '='
        while pos < bytes.len()
            && !matches!(bytes[pos], b'>' | b'/' | b'=')
            && !bytes[pos].is_ascii_whitespace()
        {
            pos += 1;
        }
        let name = &html[name_start..pos];
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let mut value = "";
        if bytes.get(pos) == Some(&b'=') {
            pos += 1;
            while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            match bytes.get(pos) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = find_byte(bytes, pos + 1, q)?;
                    value = &html[pos + 1..close];
                    pos = close + 1;
                }
                _ => {
                    let start = pos;
                    while pos < bytes.len()
                        && bytes[pos] != b'>'
                        && !bytes[pos].is_ascii_whitespace()
                    {
                        pos += 1;
                    }
                    value = &html[start..pos];
                }
            }
        }
        attrs.set(name, value);
    }
}

impl<'h> Attrs<'h> {
    fn set(&mut self, name: &str, value: &'h str) {
        let slot = match name.to_ascii_lowercase().as_str() {
            "class" => &mut self.class,
            "id" => &mut self.id,
            "role" => &mut self.role,
            "itemprop" => &mut self.itemprop,
            "rel" => &mut self.rel,
            "style" => &mut self.style,
            "aria-hidden" => &mut self.aria_hidden,
            "property" | "name" if self.property.is_empty() => &mut self.property,
            "content" => &mut self.content,
            "hidden" => {
                self.hidden = true;
                return;
            }
            _ => return,
        };
        *slot = value;
    }

    /// Hidden from readers: `hidden`, `aria-hidden=true`, `display:none`, `visibility:hidden`.
    fn is_hidden(&self) -> bool {
        if self.hidden || self.aria_hidden.trim().eq_ignore_ascii_case("true") {
            return true;
        }
        let style: String = self
            .style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        style.contains("display:none") || style.contains("visibility:hidden")
    }
}

/// Finds the end tag `</name` (any case) from `from`; returns (where the content ends,
/// where scanning resumes). Without one, the content runs to the end of input.
fn skip_raw_text(bytes: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut i = from;
    while let Some(k) = find(bytes, i, b"</") {
        let name_end = k + 2 + name.len();
        let matches_name = bytes
            .get(k + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let ends_name = bytes
            .get(name_end)
            .is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace());
        if matches_name && ends_name {
            let after = find_byte(bytes, name_end, b'>').map_or(bytes.len(), |g| g + 1);
            return (k, after);
        }
        i = k + 2;
    }
    (bytes.len(), bytes.len())
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|k| from + k)
}

/// Finds `needle` (at least 2 bytes) in `bytes` from `from`, in linear time: it jumps
/// between occurrences of the first byte.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(k) = find_byte(bytes, i, needle[0]) {
        if bytes[k..].starts_with(needle) {
            return Some(k);
        }
        i = k + 1;
    }
    None
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

// ---------------------------------------------------------------------------------------
// Entities.
// ---------------------------------------------------------------------------------------

/// Calls `out` with each character of `text`, character references decoded.
fn decode_entities(text: &str, mut out: impl FnMut(char)) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        rest[..amp].chars().for_each(&mut out);
        let (decoded, used) = entity(&rest[amp + 1..]);
        match decoded {
            Some(c) => out(c),
            None => out('&'),
        }
        rest = &rest[amp + 1 + used..];
    }
    rest.chars().for_each(out);
}

/// Decodes the reference after a `&`: returns the character and how many bytes it used
/// (0 when it is no reference, so the `&` stays literal).
fn entity(after: &str) -> (Option<char>, usize) {
    let bytes = after.as_bytes();
    if bytes.first() == Some(&b'#') {
        let hex = matches!(bytes.get(1), Some(b'x' | b'X'));
        let digits_start = if hex { 2 } else { 1 };
        let radix = if hex { 16 } else { 10 };
        let mut i = digits_start;
        let mut value: u32 = 0;
        while let Some(d) = bytes.get(i).and_then(|&b| (b as char).to_digit(radix)) {
            value = value.saturating_mul(radix).saturating_add(d);
            i += 1;
        }
        if i == digits_start {
            return (None, 0);
        }
        if bytes.get(i) == Some(&b';') {
            i += 1;
        }
        return (Some(numeric_reference(value)), i);
    }
    let name_len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &after[..name_len];
    if bytes.get(name_len) == Some(&b';') {
        if let Some(c) = named_entity(name) {
            return (Some(c), name_len + 1);
        }
    }
    // Legacy references may omit the ';' ("&amp", "&nbsp"), but only the common ones.
    for legacy in ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"] {
        if name.starts_with(legacy) {
            return (named_entity(legacy), legacy.len());
        }
    }
    (None, 0)
}

/// A numeric reference's character, with HTML's repairs: 0, surrogates and values out of
/// range become U+FFFD, and 0x80–0x9F are read as Windows-1252 (as browsers do).
fn numeric_reference(value: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '•', '–', '—', '˜',
        '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => CP1252[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

/// The named references news pages use: markup, spaces, punctuation, currency, Latin-1
/// letters. Others stay as written.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '‚',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "bull" => '•',
        "middot" => '·',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "ne" => '≠',
        "le" => '≤',
        "ge" => '≥',
        "asymp" => '≈',
        "infin" => '∞',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "curren" => '¤',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "szlig" => 'ß',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "eth" => 'ð',
        "thorn" => 'þ',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        _ => return accented_letter(name),
    })
}

/// `&eacute;`, `&Uuml;`, `&ograve;`…: a base letter and an accent name.
fn accented_letter(name: &str) -> Option<char> {
    const ACCENTS: [(&str, &str, &str); 5] = [
        ("grave", "àèìòù", "ÀÈÌÒÙ"),
        ("acute", "áéíóúý", "ÁÉÍÓÚÝ"),
        ("circ", "âêîôû", "ÂÊÎÔÛ"),
        ("tilde", "ãõñ", "ÃÕÑ"),
        ("uml", "äëïöüÿ", "ÄËÏÖÜŸ"),
    ];
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    let (_, lower, upper) = ACCENTS.iter().find(|(a, _, _)| *a == accent)?;
    let bases: &[char] = match accent {
        "acute" | "uml" => &['a', 'e', 'i', 'o', 'u', 'y'],
        "tilde" => &['a', 'o', 'n'],
        _ => &['a', 'e', 'i', 'o', 'u'],
    };
    let index = bases.iter().position(|&b| b == base.to_ascii_lowercase())?;
    let table = if base.is_ascii_uppercase() {
        upper
    } else {
        lower
    };
    table.chars().nth(index)
}

// ---------------------------------------------------------------------------------------
// Pass 2: elements, dropping and paragraphs.
// ---------------------------------------------------------------------------------------

/// How an element takes part in layout and extraction.
#[derive(Clone, Copy, Default)]
struct TagInfo {
    /// Starts and ends a paragraph.
    block: bool,
    /// Has no content and no end tag.
    void: bool,
    /// Dropped with everything in it.
    drop: bool,
    /// A paragraph-like block (`p`, `li`, `td`…): its score goes to its container.
    paragraph: bool,
    /// A heading (`h1`–`h6`): kept as a paragraph but not scored.
    heading: bool,
    /// May contain `<title>`, `<meta>`… without closing `<head>`.
    head_content: bool,
    /// Closes an open `<p>` when it starts.
    closes_p: bool,
    /// Readability's prior for a container of this kind.
    base_score: f32,
}

fn tag_info(name: &str) -> TagInfo {
    let mut info = TagInfo::default();
    match name {
        "p" | "pre" | "li" | "dd" | "dt" | "td" | "th" | "caption" => {
            info.block = true;
            info.paragraph = true;
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            info.block = true;
            info.heading = true;
        }
        "div" | "article" | "section" | "main" | "blockquote" | "body" | "html" | "center"
        | "details" | "summary" | "dl" | "ol" | "ul" | "table" | "tbody" | "thead" | "tfoot"
        | "tr" | "figure" | "hgroup" | "address" | "dir" | "frameset" | "frame" => {
            info.block = true;
        }
        "nav" | "header" | "footer" | "aside" | "form" | "menu" | "dialog" | "fieldset"
        | "figcaption" | "legend" | "head" | "select" | "datalist" | "optgroup" | "option" => {
            info.block = true;
            info.drop = true;
        }
        "template" | "svg" | "math" | "button" | "object" | "canvas" | "video" | "audio"
        | "picture" | "map" | "label" | "output" | "progress" | "meter" => info.drop = true,
        "br" | "hr" => {
            info.block = true;
            info.void = true;
        }
        "area" | "base" | "col" | "embed" | "img" | "input" | "keygen" | "link" | "meta"
        | "param" | "source" | "track" | "wbr" | "basefont" | "bgsound" => info.void = true,
        _ => {}
    }
    info.head_content = matches!(
        name,
        "meta" | "link" | "base" | "style" | "script" | "noscript" | "template" | "title"
    );
    info.closes_p = info.block && !matches!(name, "li" | "dd" | "dt" | "td" | "th" | "br");
    info.base_score = match name {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    info
}

/// Tags with fixed ids, interned first so the builder can name them.
const FIXED_TAGS: &[&str] = &[
    "p", "li", "a", "head", "svg", "math", "pre", "h1", "body", "html", "ul", "ol", "dl", "dt",
    "dd", "table", "tr", "td", "th", "option", "article", "main", "div", "address",
];
const P: u32 = 0;
const LI: u32 = 1;
const A: u32 = 2;
const HEAD: u32 = 3;
const SVG: u32 = 4;
const MATH: u32 = 5;
const PRE: u32 = 6;
const H1: u32 = 7;
const BODY: u32 = 8;
const HTML: u32 = 9;
const DT: u32 = 13;
const DD: u32 = 14;
const TR: u32 = 16;
const TD: u32 = 17;
const TH: u32 = 18;
const OPTION: u32 = 19;
const ARTICLE: u32 = 20;
const MAIN: u32 = 21;
const DIV: u32 = 22;
const ADDRESS: u32 = 23;

/// How far down the stack an implied end tag (`<p>` closing an open `<p>`) looks.
const IMPLIED_END_REACH: usize = 64;

/// What marks an element as the article itself.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    /// `itemprop=articleBody`.
    ArticleBody,
    /// `<article>`.
    Article,
    /// `<main>` or `role=main`.
    Main,
}

/// One element. Ids are in document (pre-)order, so an element's descendants are exactly
/// the ids in `id..end`.
struct Node {
    tag: u32,
    parent: u32,
    /// The nearest block element: itself if it is one.
    block: u32,
    /// One past the last descendant's id (set when the element closes).
    end: u32,
    dropped: bool,
    mark: Mark,
    /// Readability's class/id weight: +25 for "content"-like names, −25 for "comment"-like.
    class_weight: f32,
}

/// A run of text between two block boundaries.
struct Paragraph {
    /// The innermost block element holding it.
    owner: u32,
    /// Byte range in `Builder::texts`.
    start: usize,
    end: usize,
    chars: u32,
    link_chars: u32,
    commas: u32,
    heading: bool,
}

/// Text being collected with whitespace collapsed as a browser does.
#[derive(Default)]
struct Collector {
    text: String,
    pending_space: bool,
    pending_newline: bool,
}

impl Collector {
    /// Adds `c`; returns whether a visible character was added.
    fn push(&mut self, c: char, keep_newlines: bool) -> bool {
        if c.is_whitespace() {
            if keep_newlines && c == '\n' {
                self.pending_newline = true;
            } else {
                self.pending_space = true;
            }
            return false;
        }
        if matches!(c, '\u{AD}' | '\u{200B}' | '\u{FEFF}') {
            return false;
        }
        if !self.text.is_empty() {
            if self.pending_newline {
                self.text.push('\n');
            } else if self.pending_space {
                self.text.push(' ');
            }
        }
        self.pending_space = false;
        self.pending_newline = false;
        self.text.push(c);
        true
    }

    fn take(&mut self) -> String {
        self.pending_space = false;
        self.pending_newline = false;
        std::mem::take(&mut self.text)
    }
}

/// What text is being captured besides the paragraphs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    H1,
    Byline,
}

struct Heading1 {
    text: String,
    node: u32,
    dropped: bool,
}

/// The longest byline kept; a longer "author" element is an author box, not a byline.
const MAX_BYLINE_CHARS: usize = 150;
/// The longest headline kept; a longer `<h1>` (one left open over the whole article) is
/// not a headline. Captures stop collecting past this many bytes.
const MAX_TITLE_CHARS: usize = 300;
const MAX_CAPTURE_BYTES: usize = 4 * MAX_TITLE_CHARS;

struct Builder {
    names: HashMap<String, u32>,
    infos: Vec<TagInfo>,
    /// How many elements of each tag are open.
    open: Vec<u32>,
    nodes: Vec<Node>,
    stack: Vec<u32>,
    texts: String,
    paragraphs: Vec<Paragraph>,
    current: Collector,
    current_owner: u32,
    current_chars: u32,
    current_links: u32,
    current_commas: u32,
    capture: Option<(Capture, u32, Collector)>,
    h1s: Vec<Heading1>,
    byline: Option<String>,
    document_title: Option<String>,
    og_title: Option<String>,
}

impl Builder {
    fn new() -> Self {
        let mut builder = Builder {
            names: HashMap::new(),
            infos: Vec::new(),
            open: Vec::new(),
            nodes: Vec::new(),
            stack: Vec::new(),
            texts: String::new(),
            paragraphs: Vec::new(),
            current: Collector::default(),
            current_owner: 0,
            current_chars: 0,
            current_links: 0,
            current_commas: 0,
            capture: None,
            h1s: Vec::new(),
            byline: None,
            document_title: None,
            og_title: None,
        };
        for name in FIXED_TAGS {
            builder.intern(name);
        }
        // The document itself: a block that holds everything.
        let root_tag = builder.intern("#document");
        builder.infos[root_tag as usize].block = true;
        builder.nodes.push(Node {
            tag: root_tag,
            parent: 0,
            block: 0,
            end: u32::MAX,
            dropped: false,
            mark: Mark::None,
            class_weight: 0.0,
        });
        builder.stack.push(0);
        builder
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.infos.len() as u32;
        self.names.insert(name.to_string(), id);
        self.infos.push(tag_info(name));
        self.open.push(0);
        id
    }

    fn top(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    fn in_foreign_content(&self) -> bool {
        self.open[SVG as usize] > 0 || self.open[MATH as usize] > 0
    }

    fn start_tag(&mut self, name: &str, attrs: &Attrs) {
        let tag = self.intern(name);
        let info = self.infos[tag as usize];
        if self.open[HEAD as usize] > 0 && !info.head_content {
            self.pop_to(HEAD);
        }
        if (tag == BODY || tag == HTML) && self.open[tag as usize] > 0 {
            return;
        }
        if tag == A && self.open[A as usize] > 0 {
            // Links do not nest: a new one ends the open one.
            self.close_implied(&[A], &[]);
        }
        self.close_implied_by(tag, info);
        if info.block {
            self.boundary();
        }
        if name == "meta" {
            self.meta(attrs);
        }
        if info.void || attrs.self_closing {
            return;
        }
        if self.nodes.len() >= u32::MAX as usize - 1 {
            return; // More than 4 billion elements: the rest count as text of the last.
        }
        self.push_node(tag, info, attrs);
    }

    /// Implied end tags: a block closes an open `<p>`, `<li>` an open `<li>`, and so on.
    fn close_implied_by(&mut self, tag: u32, info: TagInfo) {
        if info.closes_p && self.open[P as usize] > 0 {
            self.close_implied(&[P], &[]);
        }
        match tag {
            // As in the HTML parser, a new item closes the open one through a <div>.
            LI => self.close_implied(&[LI], &[DIV, ADDRESS]),
            DT | DD => self.close_implied(&[DT, DD], &[DIV, ADDRESS]),
            TR => self.close_implied(&[TR], &[TD, TH]),
            TD | TH => self.close_implied(&[TD, TH], &[DIV]),
            OPTION => self.close_implied(&[OPTION], &[]),
            _ => {}
        }
    }

    /// Closes the nearest open element with a tag in `targets`, if it is within reach, and
    /// only through inline elements, `<p>` and the `passable` blocks (so `<p>` does not
    /// close a `<p>` that holds an open `<div>`, and `<li>` stops at `<ul>`).
    fn close_implied(&mut self, targets: &[u32], passable: &[u32]) {
        for depth in 0..self.stack.len().min(IMPLIED_END_REACH) {
            let id = self.stack[self.stack.len() - 1 - depth];
            if id == 0 {
                return;
            }
            let tag = self.nodes[id as usize].tag;
            if targets.contains(&tag) {
                self.pop_to(tag);
                return;
            }
            let info = self.infos[tag as usize];
            if info.block && tag != P && !passable.contains(&tag) {
                return;
            }
        }
    }

    fn push_node(&mut self, tag: u32, info: TagInfo, attrs: &Attrs) {
        let id = self.nodes.len() as u32;
        let parent = self.top();
        let parent_node = &self.nodes[parent as usize];
        let byline = is_byline(attrs);
        let dropped = parent_node.dropped
            || info.drop
            || byline
            || attrs.is_hidden()
            || is_noise(attrs, element_kind(tag));
        let mark = if attrs.itemprop.eq_ignore_ascii_case("articleBody") {
            Mark::ArticleBody
        } else if tag == ARTICLE {
            Mark::Article
        } else if tag == MAIN || attrs.role.eq_ignore_ascii_case("main") {
            Mark::Main
        } else {
            Mark::None
        };
        let block = if info.block { id } else { parent_node.block };
        self.nodes.push(Node {
            tag,
            parent,
            block,
            end: u32::MAX,
            dropped,
            mark,
            class_weight: class_weight(attrs.class) + class_weight(attrs.id),
        });
        self.stack.push(id);
        self.open[tag as usize] += 1;
        if self.capture.is_none() {
            if tag == H1 {
                self.capture = Some((Capture::H1, id, Collector::default()));
            } else if byline && self.byline.is_none() {
                self.capture = Some((Capture::Byline, id, Collector::default()));
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        let Some(&tag) = self.names.get(name) else {
            if tag_info(name).block {
                self.boundary();
            }
            return;
        };
        if self.infos[tag as usize].block {
            self.boundary();
        }
        if self.open[tag as usize] > 0 && tag != BODY && tag != HTML {
            self.pop_to(tag);
        }
    }

    /// Pops open elements up to and including the nearest one with `tag` (which is open).
    fn pop_to(&mut self, tag: u32) {
        while self.stack.len() > 1 {
            let id = self.stack.pop().unwrap_or(0);
            self.close(id);
            if self.nodes[id as usize].tag == tag {
                return;
            }
        }
    }

    fn close(&mut self, id: u32) {
        let node_count = self.nodes.len() as u32;
        let node = &mut self.nodes[id as usize];
        node.end = node_count;
        let tag = node.tag;
        self.open[tag as usize] -= 1;
        if self.infos[tag as usize].block {
            self.boundary();
        }
        if self
            .capture
            .as_ref()
            .is_some_and(|(_, node, _)| *node == id)
        {
            self.finish_capture();
        }
    }

    fn finish_capture(&mut self) {
        let Some((kind, node, mut collector)) = self.capture.take() else {
            return;
        };
        let text = collector.take();
        if text.is_empty() || text.len() > MAX_CAPTURE_BYTES {
            return;
        }
        match kind {
            Capture::H1 => {
                if text.chars().count() <= MAX_TITLE_CHARS {
                    self.h1s.push(Heading1 {
                        text,
                        node,
                        dropped: self.nodes[node as usize].dropped,
                    });
                }
            }
            Capture::Byline => {
                if text.chars().count() <= MAX_BYLINE_CHARS {
                    self.byline = Some(text);
                }
            }
        }
    }

    fn meta(&mut self, attrs: &Attrs) {
        let property = attrs.property.to_ascii_lowercase();
        if (property == "og:title" || property == "twitter:title") && self.og_title.is_none() {
            self.og_title = clean_line(attrs.content);
        }
    }

    fn document_title(&mut self, raw: &str) {
        if self.document_title.is_none() {
            self.document_title = clean_line(raw);
        }
    }

    /// Text between tags: into the current paragraph unless dropped, and into a capture.
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let top = self.top() as usize;
        let dropped = self.nodes[top].dropped;
        if dropped && self.capture.is_none() {
            return;
        }
        let in_pre = self.open[PRE as usize] > 0;
        let in_link = self.open[A as usize] > 0;
        let owner = self.nodes[top].block;
        let mut capture = self.capture.take();
        decode_entities(raw, |c| {
            let c = if c == '\u{A0}' { ' ' } else { c };
            if let Some((_, _, collector)) = capture.as_mut() {
                // Past the limit the capture is void anyway; one more byte marks it so.
                if collector.text.len() <= MAX_CAPTURE_BYTES {
                    collector.push(c, false);
                }
            }
            if dropped {
                return;
            }
            if self.current.text.is_empty() {
                self.current_owner = owner;
            }
            if self.current.push(c, in_pre) {
                self.current_chars = self.current_chars.saturating_add(1);
                self.current_links = self.current_links.saturating_add(u32::from(in_link));
                self.current_commas = self.current_commas.saturating_add(u32::from(c == ','));
            }
        });
        self.capture = capture;
    }

    /// Ends the current paragraph, if any.
    fn boundary(&mut self) {
        if self.current.text.is_empty() {
            self.current.take();
            return;
        }
        let text = self.current.take();
        let owner = self.current_owner;
        let start = self.texts.len();
        self.texts.push_str(&text);
        let owner_tag = self.nodes[owner as usize].tag;
        self.paragraphs.push(Paragraph {
            owner,
            start,
            end: self.texts.len(),
            chars: self.current_chars,
            link_chars: self.current_links,
            commas: self.current_commas,
            heading: self.infos[owner_tag as usize].heading,
        });
        self.current_chars = 0;
        self.current_links = 0;
        self.current_commas = 0;
    }

    fn finish(&mut self) {
        while self.stack.len() > 1 {
            let id = self.stack.pop().unwrap_or(0);
            self.close(id);
        }
        self.boundary();
        self.nodes[0].end = self.nodes.len() as u32;
        self.finish_capture();
    }
}

/// Class/id/role tokens that mark an element as boilerplate whatever else it says.
const NOISE_PREFIXES: &[&str] = &[
    "comment",
    "disqus",
    "cookie",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscri",
    "signup",
    "advert",
    "sponsor",
    "promo",
    "related",
    "recommend",
    "recirc",
    "outbrain",
    "taboola",
    "popup",
    "modal",
    "breadcrumb",
    "pagination",
    "pager",
    "skiplink",
    "adsbygoogle",
    "adslot",
    "adunit",
    "adcontainer",
    "adwrapper",
    "most-read",
    "mostread",
];
/// Tokens that are boilerplate unless the element also says it is content.
const WEAK_NOISE: &[&str] = &[
    "nav", "menu", "footer", "header", "sidebar", "masthead", "banner", "widget", "toolbar",
    "topbar", "utility", "tags", "skip",
];
/// Tokens that exactly mark ads ("ad" alone would also match "add", "adjust" as prefixes).
const AD_TOKENS: &[&str] = &["ad", "ads", "dfp", "gpt"];
/// Tokens saying "this is the content".
const CONTENT_TOKENS: &[&str] = &[
    "article", "content", "main", "body", "story", "post", "entry", "text", "column",
];
const NOISE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "alert",
    "toolbar",
];

/// Lowercase tokens of a class or id: split at anything but letters and digits.
fn tokens(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

/// How far class names are trusted to mark an element as boilerplate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ElementKind {
    /// `<html>`, `<body>`: their classes describe the page's layout ("has-sidebar").
    PageRoot,
    /// `<article>`, `<main>`: content by their tag; CMSs tag them with words such as
    /// "tag-comments" or "share-enabled", so only a plain comment marker drops them.
    Content,
    Other,
}

fn element_kind(tag: u32) -> ElementKind {
    match tag {
        BODY | HTML => ElementKind::PageRoot,
        ARTICLE | MAIN => ElementKind::Content,
        _ => ElementKind::Other,
    }
}

/// Whether class, id or role mark the element as boilerplate (see [`ElementKind`]).
fn is_noise(attrs: &Attrs, kind: ElementKind) -> bool {
    if kind == ElementKind::PageRoot {
        return false;
    }
    if NOISE_ROLES
        .iter()
        .any(|r| attrs.role.eq_ignore_ascii_case(r))
    {
        return true;
    }
    if kind == ElementKind::Content {
        let names: Vec<String> = tokens(attrs.class).chain(tokens(attrs.id)).collect();
        let comment = names
            .iter()
            .any(|t| matches!(t.as_str(), "comment" | "comments" | "reply" | "replies"));
        let content = names
            .iter()
            .any(|t| CONTENT_TOKENS.iter().any(|c| t.starts_with(c)));
        return comment && !content;
    }
    let mut weak = false;
    let mut content = false;
    for token in tokens(attrs.class).chain(tokens(attrs.id)) {
        if AD_TOKENS.contains(&token.as_str())
            || NOISE_PREFIXES.iter().any(|p| token.starts_with(p))
        {
            return true;
        }
        weak |= WEAK_NOISE
            .iter()
            .any(|w| token == *w || (token.len() > w.len() + 1 && token.ends_with(w)));
        content |= CONTENT_TOKENS.iter().any(|c| token.starts_with(c));
    }
    weak && !content
}

fn is_byline(attrs: &Attrs) -> bool {
    attrs.rel.eq_ignore_ascii_case("author")
        || attrs.itemprop.eq_ignore_ascii_case("author")
        || tokens(attrs.class)
            .chain(tokens(attrs.id))
            .any(|t| t == "byline" || t == "author")
}

/// Readability's weight of a class or id value.
fn class_weight(value: &str) -> f32 {
    const POSITIVE: &[&str] = &[
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
        "story",
    ];
    const NEGATIVE: &[&str] = &[
        "hidden",
        "combx",
        "comment",
        "contact",
        "foot",
        "footnote",
        "masthead",
        "media",
        "meta",
        "promo",
        "related",
        "scroll",
        "shoutbox",
        "sidebar",
        "skyscraper",
        "sponsor",
        "shopping",
        "tags",
        "tool",
        "widget",
    ];
    let mut weight = 0.0;
    let mut positive = false;
    let mut negative = false;
    for token in tokens(value) {
        positive |= POSITIVE.iter().any(|p| token.starts_with(p));
        negative |= NEGATIVE.iter().any(|n| token.starts_with(n));
    }
    if positive {
        weight += 25.0;
    }
    if negative {
        weight -= 25.0;
    }
    weight
}

/// Decodes entities and collapses whitespace: one line of text, or `None` if empty.
fn clean_line(raw: &str) -> Option<String> {
    let mut collector = Collector::default();
    decode_entities(raw, |c| {
        collector.push(if c == '\u{A0}' { ' ' } else { c }, false);
    });
    let text = collector.take();
    (!text.is_empty()).then_some(text)
}

// ---------------------------------------------------------------------------------------
// Pass 3: choosing the content.
// ---------------------------------------------------------------------------------------

/// Paragraphs shorter than this do not vote for their container (Readability's 25).
const MIN_SCORED_CHARS: u32 = 25;
/// How many near-best candidates make their common ancestor the content.
const CLOSE_CANDIDATES: usize = 3;
/// Paragraphs more than this share link text are link lists, not prose.
const MAX_LINK_DENSITY: f64 = 0.5;
/// An `<article>` is taken as the content if it holds at least this share of the text.
const ARTICLE_SHARE: f64 = 0.3;
/// Paragraphs that are only a label of the page furniture.
const LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "read more",
    "continue reading",
    "skip to content",
    "skip to main content",
    "related",
    "related articles",
    "related stories",
    "recommended",
    "most read",
    "most popular",
    "subscribe",
    "sign up",
    "loading",
    "comments",
    "story continues below advertisement",
];

impl Builder {
    fn article(&self) -> Article {
        let (chars, links) = self.subtree_text();
        let containers = self.choose_containers(&chars, &links);
        let title = self.title(&containers);
        let mut seen_title = false;
        let mut parts: Vec<&str> = Vec::new();
        for p in &self.paragraphs {
            if !contains(&containers, &self.nodes, p.owner) {
                continue;
            }
            let text = &self.texts[p.start..p.end];
            if p.link_chars as f64 > MAX_LINK_DENSITY * p.chars as f64 || is_label(text) {
                continue;
            }
            if !seen_title && title.as_deref() == Some(text) {
                seen_title = true;
                continue;
            }
            if self.byline.as_deref() == Some(text) {
                continue;
            }
            parts.push(text);
        }
        Article {
            title,
            byline: self.byline.clone(),
            text: parts.join("\n\n"),
        }
    }

    /// Characters and link characters of the paragraphs inside each element.
    fn subtree_text(&self) -> (Vec<u64>, Vec<u64>) {
        let mut chars = vec![0u64; self.nodes.len()];
        let mut links = vec![0u64; self.nodes.len()];
        for p in &self.paragraphs {
            chars[p.owner as usize] += u64::from(p.chars);
            links[p.owner as usize] += u64::from(p.link_chars);
        }
        // Children have larger ids than their parents: one backward sweep sums subtrees.
        for id in (1..self.nodes.len()).rev() {
            let parent = self.nodes[id].parent as usize;
            chars[parent] += chars[id];
            links[parent] += links[id];
        }
        (chars, links)
    }

    /// The elements whose paragraphs make the article, sorted by id and disjoint.
    fn choose_containers(&self, chars: &[u64], links: &[u64]) -> Vec<u32> {
        let total = chars[0] as f64;
        let best_marked = |mark: Mark| {
            (0..self.nodes.len())
                .filter(|&id| self.nodes[id].mark == mark && !self.nodes[id].dropped)
                .max_by(|&a, &b| chars[a].cmp(&chars[b]).then(b.cmp(&a)))
                .filter(|&id| chars[id] > 0)
        };
        if let Some(id) = best_marked(Mark::ArticleBody) {
            return vec![id as u32];
        }
        if let Some(id) = best_marked(Mark::Article) {
            if chars[id] as f64 >= ARTICLE_SHARE * total {
                return vec![id as u32];
            }
        }
        let scope = best_marked(Mark::Main)
            .filter(|&id| chars[id] as f64 >= ARTICLE_SHARE * total)
            .unwrap_or(0) as u32;
        self.score_containers(scope, chars, links)
    }

    /// Readability's scoring inside `scope`: the best container and its strong siblings.
    fn score_containers(&self, scope: u32, chars: &[u64], links: &[u64]) -> Vec<u32> {
        let in_scope = |id: u32| id >= scope && id < self.nodes[scope as usize].end;
        let mut score = vec![0f64; self.nodes.len()];
        let mut candidate = vec![false; self.nodes.len()];
        for p in &self.paragraphs {
            if p.heading || p.chars < MIN_SCORED_CHARS || !in_scope(p.owner) {
                continue;
            }
            let points = 1.0 + f64::from(p.commas) + f64::from((p.chars / 100).min(3));
            let owner = &self.nodes[p.owner as usize];
            let mut node = if self.infos[owner.tag as usize].paragraph {
                owner.parent
            } else {
                p.owner
            };
            for level in 0..5 {
                if !in_scope(node) {
                    break;
                }
                let n = &self.nodes[node as usize];
                if !candidate[node as usize] {
                    candidate[node as usize] = true;
                    score[node as usize] =
                        f64::from(self.infos[n.tag as usize].base_score + n.class_weight);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                score[node as usize] += points / divider;
                if node == scope || node == 0 {
                    break;
                }
                node = n.parent;
            }
        }
        let link_density = |id: usize| {
            if chars[id] == 0 {
                0.0
            } else {
                links[id] as f64 / chars[id] as f64
            }
        };
        let final_score = |id: usize| score[id] * (1.0 - link_density(id));
        let Some(top) = (0..self.nodes.len())
            .filter(|&id| candidate[id])
            .max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)).then(b.cmp(&a)))
        else {
            return vec![scope];
        };
        let top_score = final_score(top);
        let top = self.common_container(top as u32, scope, &candidate, &final_score);
        if top == scope {
            return vec![top];
        }
        // Siblings that score nearly as well, or are plain prose paragraphs, join the top.
        let threshold = (0.2 * top_score).max(10.0);
        let parent = self.nodes[top as usize].parent;
        let mut chosen = Vec::new();
        let mut child = parent + 1;
        while child < self.nodes[parent as usize].end {
            let c = child as usize;
            let node = &self.nodes[c];
            let prose =
                self.infos[node.tag as usize].paragraph && chars[c] >= 80 && link_density(c) < 0.25;
            if child == top || (candidate[c] && final_score(c) >= threshold) || prose {
                chosen.push(child);
            }
            child = node.end.max(child + 1);
        }
        chosen
    }

    /// Content split into sections (each a good candidate of its own) belongs to their
    /// common container: when at least [`CLOSE_CANDIDATES`] of the best five candidates
    /// outside `top` score within 75% of it and lie inside one of its ancestors, that
    /// ancestor wins (after Readability's rule). Cost: O(candidates + depth of `top`).
    fn common_container(
        &self,
        top: u32,
        scope: u32,
        candidate: &[bool],
        final_score: &dyn Fn(usize) -> f64,
    ) -> u32 {
        let top_score = final_score(top as usize);
        let top_end = self.nodes[top as usize].end as usize;
        // Candidates inside `top` are in the article already; only outside ones count.
        let mut best: Vec<(f64, u32)> = (0..self.nodes.len())
            .filter(|&id| candidate[id] && !(top as usize..top_end).contains(&id))
            .map(|id| (final_score(id), id as u32))
            .filter(|&(score, _)| score >= 0.75 * top_score)
            .collect();
        crate::sort::sort_by(&mut best, |a, b| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).is_lt()
        });
        best.truncate(5);
        if best.len() < CLOSE_CANDIDATES {
            return top;
        }
        let mut node = top;
        while node != scope && node != 0 {
            node = self.nodes[node as usize].parent;
            let end = self.nodes[node as usize].end;
            let inside = best
                .iter()
                .filter(|&&(_, id)| id > node && id < end)
                .count();
            if inside >= CLOSE_CANDIDATES {
                return node;
            }
        }
        top
    }

    /// The headline: the article's `<h1>`, else `og:title`, else `<title>`, else any `<h1>`.
    fn title(&self, containers: &[u32]) -> Option<String> {
        let first = *containers.first()?;
        let marked = self.nodes[first as usize].mark != Mark::None;
        let within = |h: &&Heading1, root: u32| {
            let node = &self.nodes[root as usize];
            h.node >= root && h.node < node.end && root != 0
        };
        if marked {
            if let Some(h) = self.h1s.iter().find(|h| within(h, first)) {
                return Some(h.text.clone());
            }
        }
        let parent = self.nodes[first as usize].parent;
        let near = if parent == 0 || self.nodes[parent as usize].tag == BODY {
            first
        } else {
            parent
        };
        if let Some(h) = self.h1s.iter().find(|h| !h.dropped && within(h, near)) {
            return Some(h.text.clone());
        }
        if let Some(t) = &self.og_title {
            return Some(t.clone());
        }
        if let Some(t) = &self.document_title {
            return Some(without_site_name(t));
        }
        self.h1s.iter().find(|h| !h.dropped).map(|h| h.text.clone())
    }
}

/// Whether element `id` lies inside one of `containers` (sorted, disjoint).
fn contains(containers: &[u32], nodes: &[Node], id: u32) -> bool {
    let i = containers.partition_point(|&c| c <= id);
    i > 0 && id < nodes[containers[i - 1] as usize].end
}

/// Whether a paragraph is only a label of the page's furniture ("Advertisement", "AD",
/// "Share this", "Related stories"…): [`extract_article`] drops such paragraphs.
pub fn is_label(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let bare = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    LABELS.contains(&bare.as_str())
}

/// "Storm closes port | The Daily Example" → "Storm closes port", when what is left still
/// reads as a headline (three words or more).
fn without_site_name(title: &str) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "] {
        if let Some(at) = title.rfind(separator) {
            let head = title[..at].trim();
            if head.split_whitespace().count() >= 3 {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities() {
        let mut out = String::new();
        decode_entities(
            "&amp; &lt;b&gt; &#8212; &#x1F600; &eacute;t&eacute; &Uuml; &copy 5&nbsp;km &bogus; & &#; &#150;",
            |c| out.push(c),
        );
        assert_eq!(out, "& <b> — 😀 été Ü © 5\u{A0}km &bogus; & &#; –");
    }

    #[test]
    fn numeric_references_are_repaired() {
        assert_eq!(numeric_reference(0), '\u{FFFD}');
        assert_eq!(numeric_reference(0xD800), '\u{FFFD}');
        assert_eq!(numeric_reference(0x110000), '\u{FFFD}');
        assert_eq!(numeric_reference(u32::MAX), '\u{FFFD}');
        assert_eq!(numeric_reference(0x92), '\u{2019}');
    }

    #[test]
    fn strips_site_names_from_titles() {
        assert_eq!(
            without_site_name("Storm closes the port | Daily Example"),
            "Storm closes the port"
        );
        assert_eq!(without_site_name("News - Site"), "News - Site");
    }

    #[test]
    fn noise_classes() {
        let attrs = |class| Attrs {
            class,
            ..Attrs::default()
        };
        let other = ElementKind::Other;
        assert!(is_noise(&attrs("site-nav"), other));
        assert!(is_noise(&attrs("c-CookieBanner"), other));
        assert!(is_noise(&attrs("ad slot"), other));
        assert!(is_noise(&attrs("share-tools"), other));
        assert!(!is_noise(&attrs("article-header"), other));
        assert!(!is_noise(&attrs("address"), other));
        assert!(!is_noise(&attrs("sidebar-layout"), ElementKind::PageRoot));
        let content = ElementKind::Content;
        assert!(!is_noise(
            &attrs("post tag-comments share-enabled"),
            content
        ));
        assert!(is_noise(&attrs("comment"), content));
    }
}
