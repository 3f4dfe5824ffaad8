//! The WebAssembly binding layer: the only file that knows about JS.
//!
//! Converts options in (a plain JS object → [`Options`] through [`Options::set`], so errors
//! name the option), results out (JS objects: `summarize` and `figures` build theirs field by
//! field through typed setters, [`Build`], about 3× cheaper than serde-wasm-bindgen, which
//! the other calls use), errors out (`Error` → a thrown JS `Error`), and offsets from UTF-8
//! bytes to UTF-16 code units, once, here — so `text.slice(start, end)` in JS gives each
//! span's text.
//!
//! Text that is not a string is refused with an error; lone UTF-16 surrogates (from a
//! broken clipboard) are replaced by U+FFFD, which keeps every UTF-16 offset valid.
//!
//! The module is public (hidden from docs) only so that `tests/wasm.rs` can call these
//! functions with JS values, as the generated glue does.

use crate::{OptionValue, Options};
use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Summary length and other settings. Give at most one of sentences, ratio, words, chars, preset. */
export interface Options {
  /** Number of sentences (default 3). */
  sentences?: number;
  /** Fraction of the sentences, in (0, 1]. */
  ratio?: number;
  /** Word budget. */
  words?: number;
  /** Character budget. */
  chars?: number;
  /** A named length. */
  preset?: "headline" | "tldr" | "key-points";
  /** The article's headline, if known: it steers the summary. */
  title?: string;
  /** How many keyphrases to return (default 10). */
  keyphrases?: number;
  /** Refuse longer inputs (bytes of UTF-8; default 50 MiB). */
  maxInputBytes?: number;
}

/**
 * Why a sentence scored as it did. Parts are in [0, 1] except `centrality` and `length`
 * (in [-1, 1]). `score` = 1.0·position + 0.145·centrality + 0.233·graph + 0.101·coverage
 * + 0.6·title + 0.095·figures + 0.095·entities + 1.0·length − 1.95·boilerplate for news-like
 * text; for long or sectioned documents `position`, `length` and `entities` are scaled down
 * and graph and coverage weigh up to 0.5 each.
 */
export interface ScoreParts {
  /** Lead bias: early content sentences of a news-like text score higher. */
  position: number;
  /** Directed (PacSum) centrality: > 0 when later sentences echo it, < 0 when it repeats earlier ones. */
  centrality: number;
  /** LexRank over the sparse sentence-similarity graph. */
  graph: number;
  /** Similarity to the whole document (cosine with its centroid). */
  coverage: number;
  /** Overlap with the title (0 without one). */
  title: number;
  /** Key-figure density. */
  figures: number;
  /** Named-entity density. */
  entities: number;
  /** Length prior: short sentences gain a little, run-ons lose. */
  length: number;
  /** Page furniture (1), bare questions and quotations (less); subtracted. */
  boilerplate: number;
  /** Largest similarity to a chosen sentence (set by selection; not in `score`). */
  redundancy: number;
}

/** A sentence; start/end are UTF-16 offsets: text.slice(start, end) === sentence.text. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  paragraph: number;
  /** Number of words. */
  words: number;
  score: number;
  parts: ScoreParts;
  selected: boolean;
}

export type FactKind =
  | "count" | "money" | "percent" | "ratio" | "measure" | "age"
  | "duration" | "date" | "time" | "ordinal" | "score";

/** A key figure; start/end are UTF-16 offsets into the input. */
export interface Fact {
  text: string;
  start: number;
  end: number;
  kind: FactKind;
  /** A number, a [lo, hi] range, a TIMEX-like date/time string, a score "2-1", or null. */
  value: number | [number, number] | string | [string, string] | null;
  /** ISO 4217 currency, "%" or "pp", or a unit such as "km". */
  unit: string | null;
  approximate: boolean;
  bound: "min" | "max" | null;
  counted?: string;
  counted_start?: number;
  counted_end?: number;
  /** The denominator of a rate, not in the span: "barrel" for "$79.62 a barrel", "USD" for "155.2 per dollar". */
  per?: string;
  /** Index of the sentence the figure is in. */
  sentence: number;
}

/** A top phrase; start/end (UTF-16) are its first occurrence. */
export interface Keyphrase {
  text: string;
  start: number;
  end: number;
  /** Relative weight; the top phrase has 1. */
  weight: number;
  /** How often it occurs. */
  count: number;
}

export interface Stats {
  bytes: number;
  sentences: number;
  paragraphs: number;
  words: number;
  summary_words: number;
  /** Time spent inside the wasm call, in milliseconds. */
  elapsed_ms: number;
}

export interface SummaryResult {
  summary: Sentence[];
  sentences: Sentence[];
  facts: Fact[];
  keyphrases: Keyphrase[];
  stats: Stats;
  offset_unit: "utf16";
}

/** A segment of the text; start/end are UTF-16 offsets: text.slice(start, end) === text. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  /** "sentence", or the kind of non-prose material. */
  kind: "sentence" | NonProseKind;
}

/**
 * Material that is not prose: separator runs ("////"), table-of-contents dot leaders with
 * their page numbers, lone page numbers, rows of symbols, HTML/XML tags, literal escapes ("\r\n").
 */
export type NonProseKind =
  | "separator" | "leader" | "page-number" | "symbols" | "markup" | "escape";

export interface SegmentResult {
  /** The sentences, in order. */
  sentences: Segment[];
  /** The non-prose material between and around them, in order; with the sentences it covers every visible character. */
  skipped: Segment[];
  offset_unit: "utf16";
}

export interface FiguresResult {
  facts: Fact[];
  offset_unit: "utf16";
}

/** The main content of an HTML page: no menus, comments, scripts, ads or footers. */
export interface Article {
  /** The headline: the article's h1, else og:title, else <title>; null if none. */
  title: string | null;
  /** The author line if the page marks one up; null otherwise. */
  byline: string | null;
  /** The article's paragraphs, separated by one blank line ("\n\n"); summarize this. */
  text: string;
}
"#;

/// Summarizes `text`. Throws an `Error` naming the option for invalid options.
#[wasm_bindgen(unchecked_return_type = "SummaryResult")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let started = now();
    let input = text;
    let text = text_arg(&input)?;
    let options = options_arg(&options)?;
    let summary = crate::summarize(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(NAMES.with(|names| Build::new(&text, &input, names).summary(&summary, started)))
}

/// [`summarize`] with its result converted by serde-wasm-bindgen, as it was before
/// [`Build`]: the reference that `tests/wasm.rs` compares it with. Not exported to JS.
#[doc(hidden)]
pub fn summarize_serde(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let started = now();
    let text = text_arg(&text)?;
    let options = options_arg(&options)?;
    let mut summary =
        crate::summarize(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    let mut map = Utf16Offsets::new(&text);
    summary.map_offsets(&mut |b| map.get(b));
    let value = to_js(&summary)?;
    let stats = Reflect::get(&value, &"stats".into()).map_err(js_err)?;
    Reflect::set(&stats, &"elapsed_ms".into(), &(now() - started).into()).map_err(js_err)?;
    set_offset_unit(&value)?;
    Ok(value)
}

/// The sentences of `text`, and apart from them its non-prose material (tags, separators,
/// page numbers…) with its kind.
#[wasm_bindgen(unchecked_return_type = "SegmentResult")]
pub fn segment(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let text = limited_text_arg(&text, "text")?;
    let mut spans = crate::segment_all(&text);
    let mut map = Utf16Offsets::new(&text);
    for s in &mut spans {
        (s.start, s.end) = (map.get(s.start), map.get(s.end));
    }
    let (sentences, skipped): (Vec<_>, Vec<_>) =
        spans.into_iter().partition(|s| s.kind.is_sentence());
    #[derive(Serialize)]
    struct Segmented {
        sentences: Vec<crate::Span>,
        skipped: Vec<crate::Span>,
    }
    let value = to_js(&Segmented { sentences, skipped })?;
    set_offset_unit(&value)?;
    Ok(value)
}

/// The key figures of `text`.
#[wasm_bindgen(unchecked_return_type = "FiguresResult")]
pub fn figures(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let input = text;
    let text = limited_text_arg(&input, "text")?;
    let facts = crate::figures(&text);
    Ok(NAMES.with(|names| Build::new(&text, &input, names).figures(&facts)))
}

/// [`figures`] with its result converted by serde-wasm-bindgen: the reference that
/// `tests/wasm.rs` compares it with. Not exported to JS.
#[doc(hidden)]
pub fn figures_serde(text: JsValue) -> Result<JsValue, JsError> {
    let text = limited_text_arg(&text, "text")?;
    let mut facts = crate::figures(&text);
    let mut map = Utf16Offsets::new(&text);
    crate::map_fact_offsets(&mut facts, &mut |b| map.get(b));
    let value = to_js(&Figures { facts })?;
    set_offset_unit(&value)?;
    Ok(value)
}

/// The article of an HTML page (see `html::extract_article`): title, byline and text.
/// Summarize `text`, passing `title` as the `title` option. Pages over 50 MiB (the default
/// `maxInputBytes`) are refused with an error.
#[wasm_bindgen(js_name = extractArticle, unchecked_return_type = "Article")]
pub fn extract_article(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
) -> Result<JsValue, JsError> {
    let html = limited_text_arg(&html, "html")?;
    let article = crate::extract_article(&html);
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    article
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Whether pasted text is an HTML page or fragment rather than prose (so the page can
/// offer, or apply, `extractArticle`).
#[wasm_bindgen(js_name = looksLikeHtml)]
pub fn looks_like_html(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<bool, JsError> {
    Ok(crate::looks_like_html(&text_arg(&text)?))
}

/// The default options, as a plain object.
#[wasm_bindgen(js_name = defaultOptions, unchecked_return_type = "Options")]
pub fn default_options() -> Result<JsValue, JsError> {
    let o = Options::default();
    let object = Object::new();
    Reflect::set(&object, &"sentences".into(), &3.into()).map_err(js_err)?;
    Reflect::set(&object, &"keyphrases".into(), &(o.keyphrases as f64).into()).map_err(js_err)?;
    Reflect::set(
        &object,
        &"maxInputBytes".into(),
        &(o.max_input_bytes as f64).into(),
    )
    .map_err(js_err)?;
    Ok(object.into())
}

/// What `figures()` returns (before `offset_unit` is added).
#[derive(Serialize)]
struct Figures {
    facts: Vec<crate::Fact>,
}

fn text_arg(text: &JsValue) -> Result<String, JsError> {
    // `as_string` decodes UTF-16 and replaces lone surrogates with U+FFFD (one code unit
    // for one), so UTF-16 offsets into the result are offsets into the caller's string.
    text.as_string()
        .ok_or_else(|| JsError::new(&format!("text: must be a string, got {}", js_type(text))))
}

/// A string argument within the default input limit (50 MiB of UTF-8), for the calls that
/// take no options; `summarize` applies its `maxInputBytes` option instead.
fn limited_text_arg(value: &JsValue, name: &str) -> Result<String, JsError> {
    let text = text_arg(value)?;
    let limit = crate::options::DEFAULT_MAX_INPUT_BYTES;
    if text.len() > limit {
        return Err(JsError::new(&format!(
            "{name}: the input is {} bytes; the limit is {limit} bytes",
            text.len()
        )));
    }
    Ok(text)
}

fn options_arg(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new(&format!(
            "options: must be an object, got {}",
            js_type(value)
        )));
    }
    for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let name = pair.get(0).as_string().unwrap_or_default();
        let v = pair.get(1);
        let option_value = if let Some(n) = v.as_f64() {
            OptionValue::Number(n)
        } else if let Some(s) = v.as_string() {
            OptionValue::Text(s)
        } else if let Some(b) = v.as_bool() {
            OptionValue::Bool(b)
        } else if v.is_undefined() || v.is_null() {
            OptionValue::Null
        } else {
            return Err(JsError::new(&format!(
                "option `{name}`: must be a number or a string, got {}",
                js_type(&v)
            )));
        };
        options
            .set(&name, option_value)
            .map_err(|e| JsError::new(&e.to_string()))?;
    }
    options
        .validate()
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(options)
}

fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(value) {
        "an array".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // `None` is `null`, as the TypeScript types say (and JSON keeps it), not `undefined`.
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

fn set_offset_unit(value: &JsValue) -> Result<(), JsError> {
    Reflect::set(value, &"offset_unit".into(), &"utf16".into()).map_err(js_err)?;
    Ok(())
}

fn js_err(e: JsValue) -> JsError {
    JsError::new(&format!("{e:?}"))
}

/// `performance.now()` in a window or a worker; 0 where there is none (node without it).
fn now() -> f64 {
    Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .filter(|p| p.is_object())
        .map(|p| p.unchecked_into::<web_sys::Performance>().now())
        .unwrap_or(0.0)
}

/// UTF-8 byte offset → UTF-16 offset, in O(1) amortised per lookup: a table of UTF-16
/// offsets every 64 bytes, then a short scan of at most 63 bytes, eight at a time — from the
/// previous lookup instead when that is in the same block and not after, so that offsets
/// looked up in order (sentences, figures) cost one pass over the text in all.
struct Utf16Offsets<'t> {
    bytes: &'t [u8],
    blocks: Vec<usize>,
    /// The previous lookup: (byte offset, UTF-16 offset).
    last: (usize, usize),
}

const BLOCK: usize = 64;

/// UTF-16 units contributed by a UTF-8 byte: one per character start, two for a 4-byte one.
fn units(b: u8) -> usize {
    match b {
        0x00..=0x7F | 0xC0..=0xEF => 1,
        0xF0..=0xFF => 2,
        _ => 0, // continuation byte
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as a word (`chunk` has eight).
fn word(chunk: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    bytes.copy_from_slice(chunk);
    u64::from_le_bytes(bytes)
}

/// The UTF-16 units of `bytes` (`units` summed), eight bytes at a time.
fn units_in(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut total = 0;
    for chunk in &mut chunks {
        let x = word(chunk);
        if x & HIGH_BITS == 0 {
            total += 8; // ASCII
            continue;
        }
        // Bit 7 of each byte, and below it bits 6, 5, 4 shifted into place.
        let continuation = x & !(x << 1) & HIGH_BITS; // 10xxxxxx
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH_BITS; // 1111xxxx
        total += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    total + chunks.remainder().iter().map(|&b| units(b)).sum::<usize>()
}

/// Whether UTF-8 `bytes` hold U+FFFD (EF BF BD), skipping ASCII eight bytes at a time.
fn has_replacement(bytes: &[u8]) -> bool {
    let mut at = 0;
    while at < bytes.len() {
        if at + 8 <= bytes.len() && word(&bytes[at..at + 8]) & HIGH_BITS == 0 {
            at += 8;
        } else if bytes[at..].starts_with("\u{FFFD}".as_bytes()) {
            return true;
        } else {
            at += 1;
        }
    }
    false
}

impl<'t> Utf16Offsets<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut total = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(total);
            total += units_in(chunk);
        }
        blocks.push(total);
        Utf16Offsets {
            bytes,
            blocks,
            last: (0, 0),
        }
    }

    fn get(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / BLOCK;
        let (from, base) = match self.last {
            (at, units) if at <= byte && at >= block * BLOCK => (at, units),
            _ => (block * BLOCK, self.blocks[block]),
        };
        let offset = base + units_in(&self.bytes[from..byte]);
        self.last = (byte, offset);
        offset
    }
}

#[wasm_bindgen]
extern "C" {
    /// A plain object (`{}`) being filled in, one named property at a time: `object.key =
    /// value` in the glue, one call per field and a monomorphic store, where serde-wasm-
    /// bindgen makes the value a `JsValue` first (a second call) and stores with a computed
    /// key (`object[key] = value`, a megamorphic store once a few shapes have been seen).
    #[wasm_bindgen(extends = Object)]
    type Plain;
    #[wasm_bindgen(method, setter = index)]
    fn set_index(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = start)]
    fn set_start(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = end)]
    fn set_end(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = paragraph)]
    fn set_paragraph(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = words)]
    fn set_words(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = score)]
    fn set_score(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = position)]
    fn set_position(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = centrality)]
    fn set_centrality(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = graph)]
    fn set_graph(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = coverage)]
    fn set_coverage(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = title)]
    fn set_title(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = figures)]
    fn set_figures(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = entities)]
    fn set_entities(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = length)]
    fn set_length(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = boilerplate)]
    fn set_boilerplate(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = redundancy)]
    fn set_redundancy(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = counted_start)]
    fn set_counted_start(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = counted_end)]
    fn set_counted_end(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = sentence)]
    fn set_sentence(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = weight)]
    fn set_weight(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = count)]
    fn set_count(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = bytes)]
    fn set_bytes(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = sentences)]
    fn set_sentences(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = paragraphs)]
    fn set_paragraphs(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = summary_words)]
    fn set_summary_words(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = elapsed_ms)]
    fn set_elapsed_ms(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = value)]
    fn set_value_number(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = selected)]
    fn set_selected(this: &Plain, value: bool);
    #[wasm_bindgen(method, setter = approximate)]
    fn set_approximate(this: &Plain, value: bool);
    #[wasm_bindgen(method, setter = parts)]
    fn set_parts(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = kind)]
    fn set_kind(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = bound)]
    fn set_bound(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = summary)]
    fn set_summary(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = facts)]
    fn set_facts(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = keyphrases)]
    fn set_keyphrases(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = stats)]
    fn set_stats(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = sentences)]
    fn set_sentences_list(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = value)]
    fn set_value(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = unit)]
    fn set_unit(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = text)]
    fn set_text(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = text)]
    fn set_text_str(this: &Plain, value: &str);
    #[wasm_bindgen(method, setter = value)]
    fn set_value_str(this: &Plain, value: &str);
    #[wasm_bindgen(method, setter = counted)]
    fn set_counted(this: &Plain, value: &str);
    #[wasm_bindgen(method, setter = per)]
    fn set_per(this: &Plain, value: &str);
    #[wasm_bindgen(method, setter = offset_unit)]
    fn set_offset_unit(this: &Plain, value: &str);
}

fn plain() -> Plain {
    Object::new().unchecked_into()
}

/// The strings that are values of an enum field, made once (as serde-wasm-bindgen caches
/// its keys): `kind` (in [`crate::Kind`]'s order), then `bound`'s "min" and "max".
struct Names {
    kinds: [JsValue; 11],
    min: JsValue,
    max: JsValue,
}

thread_local! {
    static NAMES: Names = Names {
        kinds: [
            "count", "money", "percent", "ratio", "measure", "age", "duration", "date", "time",
            "ordinal", "score",
        ]
        .map(JsValue::from_str),
        min: JsValue::from_str("min"),
        max: JsValue::from_str("max"),
    };
}

impl Names {
    /// The serde name of `kind`.
    fn kind(&self, kind: crate::Kind) -> &JsValue {
        use crate::Kind::*;
        &self.kinds[match kind {
            Count => 0,
            Money => 1,
            Percent => 2,
            Ratio => 3,
            Measure => 4,
            Age => 5,
            Duration => 6,
            Date => 7,
            Time => 8,
            Ordinal => 9,
            Score => 10,
        }]
    }
}

/// Builds the JS value of a result as serde-wasm-bindgen would — the same keys in the same
/// order, a `None` as `null` (as the TypeScript types and the CLI's JSON have it) or as a
/// missing key where serde skips it, enums as their serde names — with one call into JS per field ([`Plain`]), and with
/// every text that is a span of the input sliced from the caller's JS string (no UTF-8
/// decoding). Offsets become UTF-16 on the way. `tests/wasm.rs` compares the two.
///
/// Every result struct is destructured in full, so a field added to one (`Fact`, `Sentence`,
/// `ScoreParts`, `Keyphrase`, `Stats`, `Summary`) fails to compile here until it is built.
struct Build<'t, 'n> {
    text: &'t str,
    /// The caller's string, when its slices are the input's: not when the input has a
    /// U+FFFD, which may stand for a lone surrogate there.
    input: Option<&'t js_sys::JsString>,
    map: Utf16Offsets<'t>,
    names: &'n Names,
}

impl<'t, 'n> Build<'t, 'n> {
    fn new(text: &'t str, input: &'t JsValue, names: &'n Names) -> Self {
        let slices = !has_replacement(text.as_bytes());
        Build {
            text,
            input: slices.then(|| input.unchecked_ref()),
            map: Utf16Offsets::new(text),
            names,
        }
    }

    /// The value of `summarize`, with `stats.elapsed_ms` since `started` and `offset_unit`.
    fn summary(&mut self, summary: &crate::Summary, started: f64) -> JsValue {
        let crate::Summary {
            summary: chosen,
            sentences,
            facts,
            keyphrases,
            stats,
        } = summary;
        let object = plain();
        object.set_summary(&self.sentences(chosen));
        object.set_sentences_list(&self.sentences(sentences));
        object.set_facts(&self.facts(facts));
        let list = js_sys::Array::new();
        for k in keyphrases {
            let crate::Keyphrase {
                text,
                start,
                end,
                weight,
                count,
            } = k;
            let item = plain();
            self.span(&item, text, *start, *end);
            item.set_weight(*weight);
            item.set_count(*count as f64);
            list.push(&item);
        }
        object.set_keyphrases(&list);
        let crate::Stats {
            bytes,
            sentences,
            paragraphs,
            words,
            summary_words,
        } = stats;
        let s = plain();
        s.set_bytes(*bytes as f64);
        s.set_sentences(*sentences as f64);
        s.set_paragraphs(*paragraphs as f64);
        s.set_words(*words as f64);
        s.set_summary_words(*summary_words as f64);
        s.set_elapsed_ms(now() - started);
        object.set_stats(&s);
        object.set_offset_unit("utf16");
        object.into()
    }

    /// The value of `figures`: `{ facts, offset_unit }`.
    fn figures(&mut self, facts: &[crate::Fact]) -> JsValue {
        let object = plain();
        object.set_facts(&self.facts(facts));
        object.set_offset_unit("utf16");
        object.into()
    }

    /// Sets `text`, `start` and `end` of an item: `text` sliced from the input when it is the
    /// input's span, else decoded.
    fn span(&mut self, item: &Plain, text: &str, start: usize, end: usize) {
        let (start16, end16) = (self.map.get(start), self.map.get(end));
        match self.input {
            Some(input) if self.is_span(text, start, end) => {
                item.set_text(&input.slice(start16 as u32, end16 as u32));
            }
            _ => item.set_text_str(text),
        }
        item.set_start(start16 as f64);
        item.set_end(end16 as f64);
    }

    /// Whether `text` is the input's bytes `start..end` (compared eight bytes at a time:
    /// the wasm's `memcmp` goes byte by byte).
    fn is_span(&self, text: &str, start: usize, end: usize) -> bool {
        let (a, b) = match self.text.as_bytes().get(start..end) {
            Some(a) if a.len() == text.len() => (a, text.as_bytes()),
            _ => return false,
        };
        let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
        (&mut x).zip(&mut y).all(|(x, y)| word(x) == word(y)) && x.remainder() == y.remainder()
    }

    fn sentences(&mut self, sentences: &[crate::Sentence]) -> JsValue {
        let list = js_sys::Array::new();
        for s in sentences {
            let crate::Sentence {
                index,
                text,
                start,
                end,
                paragraph,
                words,
                score,
                parts,
                selected,
            } = s;
            let crate::ScoreParts {
                position,
                centrality,
                graph,
                coverage,
                title,
                figures,
                entities,
                length,
                boilerplate,
                redundancy,
            } = parts;
            let item = plain();
            item.set_index(*index as f64);
            self.span(&item, text, *start, *end);
            item.set_paragraph(*paragraph as f64);
            item.set_words(*words as f64);
            item.set_score(*score);
            let p = plain();
            p.set_position(*position);
            p.set_centrality(*centrality);
            p.set_graph(*graph);
            p.set_coverage(*coverage);
            p.set_title(*title);
            p.set_figures(*figures);
            p.set_entities(*entities);
            p.set_length(*length);
            p.set_boilerplate(*boilerplate);
            p.set_redundancy(*redundancy);
            item.set_parts(&p);
            item.set_selected(*selected);
            list.push(&item);
        }
        list.into()
    }

    fn facts(&mut self, facts: &[crate::Fact]) -> JsValue {
        let list = js_sys::Array::new();
        for f in facts {
            let crate::Fact {
                text,
                start,
                end,
                kind,
                value,
                unit,
                approximate,
                bound,
                counted,
                counted_start,
                counted_end,
                per,
                sentence,
            } = f;
            let item = plain();
            self.span(&item, text, *start, *end);
            item.set_kind(self.names.kind(*kind));
            match value {
                crate::Value::Number(x) => item.set_value_number(*x),
                crate::Value::Range([lo, hi]) => {
                    item.set_value(&js_sys::Array::of2(&(*lo).into(), &(*hi).into()))
                }
                crate::Value::Text(s) => item.set_value_str(s),
                crate::Value::TextRange(range) => item.set_value(&js_sys::Array::of2(
                    &(&range[0]).into(),
                    &(&range[1]).into(),
                )),
                crate::Value::None => item.set_value(&JsValue::NULL),
            }
            match unit {
                Some(unit) => item.set_unit(&unit_string(unit)),
                None => item.set_unit(&JsValue::NULL),
            }
            item.set_approximate(*approximate);
            match bound {
                Some(crate::Bound::Min) => item.set_bound(&self.names.min),
                Some(crate::Bound::Max) => item.set_bound(&self.names.max),
                None => item.set_bound(&JsValue::NULL),
            }
            if let Some(counted) = counted {
                item.set_counted(counted);
            }
            if let Some(start) = counted_start {
                item.set_counted_start(self.map.get(*start) as f64);
            }
            if let Some(end) = counted_end {
                item.set_counted_end(self.map.get(*end) as f64);
            }
            if let Some(per) = per {
                item.set_per(per);
            }
            item.set_sentence(*sentence as f64);
            list.push(&item);
        }
        list.into()
    }
}

/// A unit as a JS string, made once per distinct unit and kept (units come from the
/// library's tables: a few dozen in all; at most 64 are kept).
fn unit_string(unit: &str) -> JsValue {
    thread_local! {
        static UNITS: std::cell::RefCell<Vec<(String, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    UNITS.with(|units| {
        let mut units = units.borrow_mut();
        if let Some((_, value)) = units.iter().find(|(name, _)| name == unit) {
            return value.clone();
        }
        let value = JsValue::from_str(unit);
        if units.len() < 64 {
            units.push((unit.to_string(), value.clone()));
        }
        value
    })
}
