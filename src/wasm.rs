//! The WebAssembly binding layer: the only file that knows about JS.
//!
//! Converts options in (a plain JS object → [`Options`] through [`Options::set`], so errors
//! name the option), results out (serde → JS objects through serde-wasm-bindgen), errors
//! out (`Error` → a thrown JS `Error`), and offsets from UTF-8 bytes to UTF-16 code units,
//! once, here — so `text.slice(start, end)` in JS gives each span's text.
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
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
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
/// offsets every 256 bytes, then a short scan of at most 255 bytes.
struct Utf16Offsets<'t> {
    bytes: &'t [u8],
    blocks: Vec<usize>,
}

const BLOCK: usize = 256;

/// UTF-16 units contributed by a UTF-8 byte: one per character start, two for a 4-byte one.
fn units(b: u8) -> usize {
    match b {
        0x00..=0x7F | 0xC0..=0xEF => 1,
        0xF0..=0xFF => 2,
        _ => 0, // continuation byte
    }
}

impl<'t> Utf16Offsets<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut total = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(total);
            total += chunk.iter().map(|&b| units(b)).sum::<usize>();
        }
        blocks.push(total);
        Utf16Offsets { bytes, blocks }
    }

    fn get(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / BLOCK;
        self.blocks[block]
            + self.bytes[block * BLOCK..byte]
                .iter()
                .map(|&b| units(b))
                .sum::<usize>()
    }
}
