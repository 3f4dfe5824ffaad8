//! The WebAssembly binding layer: the only file that knows about JS.
//!
//! Converts options in (a plain JS object → [`Options`] through [`Options::set`], so errors
//! name the option), results out (JS objects: `summarize` and `figures` build theirs a list
//! at a time from numbers in the wasm's memory, [`Build`], several times cheaper than
//! serde-wasm-bindgen, which the other calls use), errors out (`Error` → a thrown JS `Error`), and offsets from UTF-8
//! bytes to UTF-16 code units, once, here — so `text.slice(start, end)` in JS gives each
//! span's text.
//!
//! Text that is not a string is refused with an error; lone UTF-16 surrogates (from a
//! broken clipboard) are replaced by U+FFFD, which keeps every UTF-16 offset valid.
//!
//! The module is public (hidden from docs) only so that `tests/wasm.rs` can call these
//! functions with JS values, as the generated glue does.

use crate::utf16::{has_replacement, units_in, Utf16Offsets};
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
    build_tables();
    let input = text;
    let text = text_arg(&input)?;
    let options = options_arg(&options)?;
    let mut build = Build::new(&text, &input);
    let summary = crate::summarize_with(&text, &options, crate::Texts::Omitted, &mut build)
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(build.summary(&summary, started))
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
    build_tables();
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
    build_tables();
    let input = text;
    let text = limited_text_arg(&input, "text")?;
    let mut build = Build::new(&text, &input);
    crate::figures_with(&text, crate::Texts::Omitted, &mut build);
    Ok(build.figures())
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

/// Builds the tables that the pipeline makes on first use (abbreviations, units, lexicons,
/// keyphrase stems) by summarizing a short text, once per instance, before the first input
/// is copied in: the memory they stay in is then below where any input goes. Made during
/// the first call on a long document instead, they stayed in the middle of the memory that
/// it freed, and the next long document found no room there for its largest tables (the
/// 10 MB bench document: 45 MB of wasm memory on the first call, 67 MB from the second).
fn build_tables() {
    static BUILT: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let text = "Mr. Smith paid $5 million for 40% of the firm on May 2, 2024. \
                    The firm's 3 plants employ 1,200 people.";
        // A short English text, with valid default options: it cannot fail.
        let _ = crate::summarize_with(
            text,
            &Options::default(),
            crate::Texts::Omitted,
            &mut Discard,
        );
    });
}

/// [`crate::Lists`] that keeps nothing.
struct Discard;

impl crate::Lists for Discard {
    fn facts(&mut self, batch: &mut Vec<crate::Fact>) {
        batch.clear();
    }

    fn sentences(&mut self, batch: &mut Vec<crate::Sentence>) {
        batch.clear();
    }
}

fn text_arg(text: &JsValue) -> Result<String, JsError> {
    // `TextEncoder` replaces lone surrogates with U+FFFD (one code unit for one), so UTF-16
    // offsets into the result are offsets into the caller's string. It encodes the whole
    // string natively, where `as_string` copied it character by character in JS up to the
    // first non-ASCII one (3–4% of the time per article in V8), then reserved 3 bytes a
    // code unit for the rest.
    if !text.is_string() {
        return Err(JsError::new(&format!(
            "text: must be a string, got {}",
            js_type(text)
        )));
    }
    let length = text.unchecked_ref::<js_sys::JsString>().length() as usize;
    let memory = wasm_bindgen::memory();
    // Enough for ASCII with a few wider characters (curly quotes, dashes); else the worst
    // case, three bytes a code unit (a surrogate pair is four bytes for two units).
    for capacity in [length + length / 8 + 16, 3 * length] {
        let mut bytes = vec![0u8; capacity];
        let written =
            nutshell_encode_into(text, &memory, bytes.as_mut_ptr() as u32, capacity as u32);
        if written >= 0.0 {
            bytes.truncate(written as usize);
            bytes.shrink_to_fit();
            return String::from_utf8(bytes)
                .map_err(|_| JsError::new("text: TextEncoder gave invalid UTF-8"));
        }
    }
    Err(JsError::new(
        "text: TextEncoder did not encode the whole string",
    ))
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
/// The `performance` object is looked up once: looking it up on every call (a property
/// read by name, the name made from UTF-8 each time) cost 1.5% of a news article's time.
fn now() -> f64 {
    thread_local! {
        static PERFORMANCE: Option<web_sys::Performance> =
            Reflect::get(&js_sys::global(), &"performance".into())
                .ok()
                .filter(|p| p.is_object())
                .map(JsCast::unchecked_into);
    }
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, web_sys::Performance::now))
}

#[wasm_bindgen]
extern "C" {
    /// A plain object (`{}`) being filled in, one named property at a time: `object.key =
    /// value` in the glue, one call per field and a monomorphic store, where serde-wasm-
    /// bindgen makes the value a `JsValue` first (a second call) and stores with a computed
    /// key (`object[key] = value`, a megamorphic store once a few shapes have been seen).
    /// Used for the few objects made once per call (the result, its `stats`); the items of
    /// its lists are made whole by the builders below.
    #[wasm_bindgen(extends = Object)]
    type Plain;
    #[wasm_bindgen(method, setter = words)]
    fn set_words(this: &Plain, value: f64);
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
    #[wasm_bindgen(method, setter = offset_unit)]
    fn set_offset_unit(this: &Plain, value: &str);
}

fn plain() -> Plain {
    Object::new().unchecked_into()
}

// The items of the result lists (sentences with their score parts, figures, keyphrases) are
// made in JS, a list at a time: Rust writes each item's numbers to one `f64` array in the
// wasm's memory and makes one call, and the JS loop reads them through a `Float64Array`
// and builds object literals of one shape. One call per item, with its ~20 fields as
// arguments, cost about twice as much (each argument converted on the way out of wasm; 12%
// of the time per article in V8 for the bench's 1,000-word article with 140 figures).
//
// An item's `text` is its span of the input, sliced from `base` at the item's own UTF-16
// `start` and `end`: the caller's own string, so there is no UTF-8 decoding. A `counted` is
// sliced from `base` too when it is a span (`src` 0). Every other string (value texts such
// as ISO dates, units, a `counted` or `per` that is not a span) is a range of `texts` (`src`
// 1), one string decoded from the wasm's memory once per call. `cargo xtask build`
// inlines this module into the glue (`nutshell.js`), so the package stays one JS file.
//
// Whole numbers (offsets, indexes, counts: all below 2^31, as a JS string is shorter) are
// read with `| 0`: V8 stores a small integer in the object itself, but a number read from
// a `Float64Array` as a heap number of its own (the 10 MB bench document's result: 121 ->
// 99 MB of node's heap).
//
// A sentence's score parts are made by `parts`, called once with nulls when the module
// loads: V8 gives a field that has only held numbers a box of its own in every object, 0
// included (12 bytes in Chromium); after a null, the fields hold any value, and a part that
// is a whole number (often 0: no title, no figures, no boilerplate) is stored in the object
// itself (the 10 MB bench document's result: 54.2 -> 46.9 MB of Chromium's heap).
//
// A figure is one object literal of its final keys (`fact`), in the order of serde's
// conversion of `Fact` (a missing optional key is absent): keys added after a literal go to
// a separate property array, 32 more bytes a figure in node.
//
// These notes stay out of the JS, which ships as it is written here.
//
// The record layouts are the `Record` impls below (their `FIELDS`) and the indexes here;
// `KINDS` follows `crate::Kind`'s order (`kind_index`). `tests/wasm.rs` checks every field
// against serde-wasm-bindgen's conversion of the same result.
#[wasm_bindgen(inline_js = r#"
const encoder = new TextEncoder();
export function nutshell_encode_into(text, memory, ptr, capacity) {
  const r = encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, capacity));
  return r.read === text.length ? r.written : -1;
}
const KINDS = ["count", "money", "percent", "ratio", "measure", "age", "duration", "date", "time",
  "ordinal", "score"];
export function nutshell_sentences(list, base, texts, memory, ptr, count) {
  const n = new Float64Array(memory.buffer, ptr, count * 17);
  if (list === undefined) list = [];
  for (let o = 0; o < n.length; o += 17) {
    const start = n[o + 1] | 0, end = n[o + 2] | 0;
    list.push({
      index: n[o] | 0, text: base.slice(start, end), start, end, paragraph: n[o + 3] | 0,
      words: n[o + 4] | 0, score: n[o + 5],
      parts: parts(n[o + 6], n[o + 7], n[o + 8], n[o + 9], n[o + 10], n[o + 11], n[o + 12],
        n[o + 13], n[o + 14], n[o + 15]),
      selected: n[o + 16] !== 0,
    });
  }
  return list;
}
function parts(position, centrality, graph, coverage, title, figures, entities, length,
  boilerplate, redundancy) {
  return { position, centrality, graph, coverage, title, figures, entities, length,
    boilerplate, redundancy };
}
parts(null, null, null, null, null, null, null, null, null, null);
export function nutshell_keyphrases(list, base, texts, memory, ptr, count) {
  const n = new Float64Array(memory.buffer, ptr, count * 4);
  if (list === undefined) list = [];
  for (let o = 0; o < n.length; o += 4) {
    const start = n[o] | 0, end = n[o + 1] | 0;
    list.push({ text: base.slice(start, end), start, end, weight: n[o + 2], count: n[o + 3] | 0 });
  }
  return list;
}
export function nutshell_facts(list, base, texts, memory, ptr, count) {
  const n = new Float64Array(memory.buffer, ptr, count * 22);
  if (list === undefined) list = [];
  for (let o = 0; o < n.length; o += 22) {
    const start = n[o] | 0, end = n[o + 1] | 0;
    const shape = n[o + 3];
    const value = shape === 0 ? null : shape === 1 ? n[o + 4] : shape === 2 ? [n[o + 4], n[o + 5]]
      : shape === 3 ? texts.slice(n[o + 6], n[o + 7])
      : [texts.slice(n[o + 6], n[o + 7]), texts.slice(n[o + 8], n[o + 9])];
    const unit = n[o + 10] < 0 ? null : texts.slice(n[o + 10], n[o + 11]);
    const bound = n[o + 13];
    const counted = n[o + 14];
    list.push(fact(base.slice(start, end), start, end, KINDS[n[o + 2]], value, unit,
      n[o + 12] !== 0, bound === 0 ? null : bound === 1 ? "min" : "max",
      counted < 0 ? undefined : (counted === 0 ? base : texts).slice(n[o + 15], n[o + 16]),
      n[o + 17] < 0 ? undefined : n[o + 17] | 0, n[o + 18] | 0,
      n[o + 19] < 0 ? undefined : texts.slice(n[o + 19], n[o + 20]), n[o + 21] | 0));
  }
  return list;
}
function fact(text, start, end, kind, value, unit, approximate, bound, counted, cs, ce, per,
  sentence) {
  if (counted === undefined) {
    return per === undefined
      ? { text, start, end, kind, value, unit, approximate, bound, sentence }
      : { text, start, end, kind, value, unit, approximate, bound, per, sentence };
  }
  if (cs === undefined) {
    return per === undefined
      ? { text, start, end, kind, value, unit, approximate, bound, counted, sentence }
      : { text, start, end, kind, value, unit, approximate, bound, counted, per, sentence };
  }
  return per === undefined
    ? { text, start, end, kind, value, unit, approximate, bound, counted, counted_start: cs,
      counted_end: ce, sentence }
    : { text, start, end, kind, value, unit, approximate, bound, counted, counted_start: cs,
      counted_end: ce, per, sentence };
}
"#)]
extern "C" {
    /// Writes the UTF-8 of `text` to the wasm's `memory` at `ptr` (at most `capacity`
    /// bytes) and returns how many it wrote, or −1 if they did not all fit.
    fn nutshell_encode_into(text: &JsValue, memory: &JsValue, ptr: u32, capacity: u32) -> f64;
    /// `list` (a new one if it is `undefined`) with `count` sentences added from the records
    /// of `Sentence`'s [`Record::FIELDS`] numbers at `ptr`.
    fn nutshell_sentences(
        list: &JsValue,
        base: &JsValue,
        texts: &JsValue,
        memory: &JsValue,
        ptr: u32,
        count: u32,
    ) -> JsValue;
    /// `list` (or a new one) with `count` keyphrases added, from their records.
    fn nutshell_keyphrases(
        list: &JsValue,
        base: &JsValue,
        texts: &JsValue,
        memory: &JsValue,
        ptr: u32,
        count: u32,
    ) -> JsValue;
    /// `list` (or a new one) with `count` figures added, from their records.
    fn nutshell_facts(
        list: &JsValue,
        base: &JsValue,
        texts: &JsValue,
        memory: &JsValue,
        ptr: u32,
        count: u32,
    ) -> JsValue;
}

/// A `nutshell_*` list builder: (list, base, texts, memory, ptr, count) → list.
type Builder = fn(&JsValue, &JsValue, &JsValue, &JsValue, u32, u32) -> JsValue;

/// How many records go to JS in one call. A typical article's lists take one call each;
/// the cap bounds the record buffer for a huge input (the 10 MB bench document has ~126,000
/// sentences: 16 MB of records at once, half again its own size in wasm memory).
const RECORDS_PER_CALL: usize = 1024;

/// `list`, or a new empty array if it is `undefined` (no item was added to it).
fn whole(list: &JsValue) -> JsValue {
    if list.is_undefined() {
        js_sys::Array::new().into()
    } else {
        list.clone()
    }
}

/// A result item that [`Build::append`] writes as a record of `FIELDS` numbers, which the
/// glue's `BUILDER` makes into objects. The writers are not inlined: inlined into
/// [`Build::append`]'s loop, the three took 13 KB more of wasm (+2.4 KB gzipped).
trait Record {
    const FIELDS: usize;
    const BUILDER: Builder;
    fn write(&self, b: &mut Build<'_>);
}

impl Record for crate::Sentence {
    /// Index, start, end (the span of its text), paragraph, words, score, the ten score parts
    /// in [`crate::ScoreParts`]' order, selected (0 or 1).
    const FIELDS: usize = 17;
    const BUILDER: Builder = nutshell_sentences;

    #[inline(never)]
    fn write(&self, b: &mut Build<'_>) {
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
        } = self;
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
        b.numbers.push(*index as f64);
        b.push_span(text, *start, *end);
        b.numbers.extend([
            *paragraph as f64,
            *words as f64,
            *score,
            *position,
            *centrality,
            *graph,
            *coverage,
            *title,
            *figures,
            *entities,
            *length,
            *boilerplate,
            *redundancy,
            f64::from(u8::from(*selected)),
        ]);
    }
}

impl Record for crate::Keyphrase {
    /// Start, end (the span of its text), weight, count.
    const FIELDS: usize = 4;
    const BUILDER: Builder = nutshell_keyphrases;

    #[inline(never)]
    fn write(&self, b: &mut Build<'_>) {
        let crate::Keyphrase {
            text,
            start,
            end,
            weight,
            count,
        } = self;
        b.push_span(text, *start, *end);
        b.numbers.extend([*weight, *count as f64]);
    }
}

impl Record for crate::Fact {
    /// Start, end (the span of its text), kind ([`kind_index`]), value shape (0 none,
    /// 1 number, 2 range, 3 text, 4 text range), number, high, value text range, high text
    /// range, unit range (−1 for none), approximate (0 or 1), bound (0 none, 1 min, 2 max),
    /// counted (`src` or −1 for none, start, end), counted_start, counted_end (−1 for none),
    /// per range (−1 for none), sentence.
    const FIELDS: usize = 22;
    const BUILDER: Builder = nutshell_facts;

    #[inline(never)]
    fn write(&self, b: &mut Build<'_>) {
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
        } = self;
        b.push_span(text, *start, *end);
        b.numbers.push(kind_index(*kind));
        b.push_value(value);
        b.push_optional_text(unit.as_deref());
        let bound = match bound {
            None => 0.0,
            Some(crate::Bound::Min) => 1.0,
            Some(crate::Bound::Max) => 2.0,
        };
        b.numbers.extend([f64::from(u8::from(*approximate)), bound]);
        let counted_at = (
            counted_start.map(|at| b.map.get(at) as f64),
            counted_end.map(|at| b.map.get(at) as f64),
        );
        match (counted_at, counted) {
            ((Some(us), Some(ue)), _) => b.numbers.extend([0.0, us, ue]),
            (_, Some(c)) => {
                let (s, e) = b.add_text(c);
                b.numbers.extend([1.0, s, e]);
            }
            (_, None) => b.numbers.extend([-1.0; 3]),
        }
        b.numbers
            .extend([counted_at.0.unwrap_or(-1.0), counted_at.1.unwrap_or(-1.0)]);
        b.push_optional_text(per.as_deref());
        b.numbers.push(*sentence as f64);
    }
}

/// `crate::Kind`'s position in the glue's `KINDS` (its serde names, in declaration order).
fn kind_index(kind: crate::Kind) -> f64 {
    use crate::Kind::*;
    let index = match kind {
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
    };
    index as f64
}

/// Builds the JS value of a result as serde-wasm-bindgen would — the same keys in the same
/// order, a `None` as `null` (as the TypeScript types and the CLI's JSON have it) or as a
/// missing key where serde skips it, enums as their serde names — with one call into JS per
/// list (`nutshell_sentences`, `nutshell_facts`, `nutshell_keyphrases`) and one per field of
/// the rest ([`Plain`]), and with every text that is a span of the input sliced from the
/// caller's JS string (no UTF-8 decoding). Offsets become UTF-16 on the way.
/// `tests/wasm.rs` compares the two.
///
/// The long lists, sentences and figures, come as the pipeline makes them ([`crate::Lists`]),
/// and go to JS a batch at a time, so the wasm never holds them whole.
///
/// Every result struct is destructured in full, so a field added to one (`Fact`, `Sentence`,
/// `ScoreParts`, `Keyphrase`, `Stats`, `Summary`) fails to compile here until it is built.
struct Build<'t> {
    /// The string that spans are sliced from: the caller's, unless the input has a U+FFFD,
    /// which may stand for a lone surrogate there; then the input's text as a JS string.
    base: JsValue,
    map: Utf16Offsets<'t>,
    /// The numbers of the records being sent, reused from call to call.
    numbers: Vec<f64>,
    /// The strings of the records being sent that are not spans of the input, and their
    /// length in UTF-16 units.
    texts: String,
    text_units: usize,
    /// The JS lists of the sentences and figures so far (`undefined` until the first batch).
    sentences: JsValue,
    facts: JsValue,
}

impl crate::Lists for Build<'_> {
    fn facts(&mut self, batch: &mut Vec<crate::Fact>) {
        let list = std::mem::take(&mut self.facts);
        self.facts = self.append(list, batch);
        batch.clear();
    }

    fn sentences(&mut self, batch: &mut Vec<crate::Sentence>) {
        let list = std::mem::take(&mut self.sentences);
        self.sentences = self.append(list, batch);
        batch.clear();
    }
}

impl<'t> Build<'t> {
    fn new(text: &'t str, input: &JsValue) -> Self {
        let base = if has_replacement(text.as_bytes()) {
            JsValue::from_str(text)
        } else {
            input.clone()
        };
        Build {
            base,
            map: Utf16Offsets::new(text),
            numbers: Vec::new(),
            texts: String::new(),
            text_units: 0,
            sentences: JsValue::UNDEFINED,
            facts: JsValue::UNDEFINED,
        }
    }

    /// The value of `summarize`, with `stats.elapsed_ms` since `started` and `offset_unit`:
    /// `summary`'s lists, but its sentences and figures as [`crate::Lists`] received them.
    fn summary(&mut self, summary: &crate::Summary, started: f64) -> JsValue {
        let crate::Summary {
            summary: chosen,
            sentences,
            facts,
            keyphrases,
            stats,
        } = summary;
        debug_assert!(sentences.is_empty() && facts.is_empty(), "sent as lists");
        let object = plain();
        object.set_summary(&self.list(chosen));
        object.set_sentences_list(&whole(&self.sentences));
        object.set_facts(&whole(&self.facts));
        object.set_keyphrases(&self.list(keyphrases));
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

    /// The value of `figures`, `{ facts, offset_unit }`, with the figures received.
    fn figures(&mut self) -> JsValue {
        let object = plain();
        object.set_facts(&whole(&self.facts));
        object.set_offset_unit("utf16");
        object.into()
    }

    /// The JS list of `items`.
    fn list<T: Record>(&mut self, items: &[T]) -> JsValue {
        whole(&self.append(JsValue::UNDEFINED, items))
    }

    /// `list` (a new one if it is `undefined` and there are items) with `items` added: each
    /// written as a record, and made into objects by the glue, [`RECORDS_PER_CALL`] records
    /// a call.
    fn append<T: Record>(&mut self, mut list: JsValue, items: &[T]) -> JsValue {
        for run in items.chunks(RECORDS_PER_CALL) {
            self.numbers.clear();
            self.numbers.reserve(run.len() * T::FIELDS);
            self.texts.clear();
            self.text_units = 0;
            for item in run {
                item.write(self);
            }
            list = self.call(T::BUILDER, &list, T::FIELDS);
        }
        list
    }

    /// Calls `builder` to add the records just written to `list`, with `base`, the texts as
    /// one JS string, the memory, and where the numbers are.
    fn call(&self, builder: Builder, list: &JsValue, fields: usize) -> JsValue {
        let texts = JsValue::from_str(&self.texts);
        let count = self.numbers.len() / fields;
        builder(
            list,
            &self.base,
            &texts,
            &wasm_bindgen::memory(),
            self.numbers.as_ptr() as u32,
            count as u32,
        )
    }

    /// Adds `text` to the list's texts and returns its UTF-16 range there.
    fn add_text(&mut self, text: &str) -> (f64, f64) {
        let start = self.text_units;
        self.text_units += units_in(text.as_bytes());
        self.texts.push_str(text);
        (start as f64, self.text_units as f64)
    }

    /// Writes an item's span `start..end` of the input in UTF-16 units. The results
    /// [`Build`] reads leave the span's text empty ([`crate::Texts::Omitted`]): JS slices it
    /// from `base` at these offsets.
    fn push_span(&mut self, omitted: &str, start: usize, end: usize) {
        debug_assert!(omitted.is_empty(), "span texts are omitted");
        let (start, end) = (self.map.get(start), self.map.get(end));
        self.numbers.extend([start as f64, end as f64]);
    }

    /// Writes the range of an optional text (−1, −1 for none).
    fn push_optional_text(&mut self, text: Option<&str>) {
        let (s, e) = text.map_or((-1.0, -1.0), |t| self.add_text(t));
        self.numbers.extend([s, e]);
    }

    /// Writes a figure's value: shape, number, high, then the ranges of its text and of its
    /// upper end's text (0 where there is none).
    fn push_value(&mut self, value: &crate::Value) {
        let record = match value {
            crate::Value::None => [0.0; 7],
            crate::Value::Number(x) => [1.0, *x, 0.0, 0.0, 0.0, 0.0, 0.0],
            crate::Value::Range([lo, hi]) => [2.0, *lo, *hi, 0.0, 0.0, 0.0, 0.0],
            crate::Value::Text(text) => {
                let (s, e) = self.add_text(text);
                [3.0, 0.0, 0.0, s, e, 0.0, 0.0]
            }
            crate::Value::TextRange(range) => {
                let (s, e) = self.add_text(&range[0]);
                let (hs, he) = self.add_text(&range[1]);
                [4.0, 0.0, 0.0, s, e, hs, he]
            }
        };
        self.numbers.extend(record);
    }
}
