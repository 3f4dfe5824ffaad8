//! The JavaScript API (`src/wasm.rs`) as JS sees it, run by wasm-bindgen's test runner in
//! node and in headless Chromium (`cargo xtask test` runs both; see `xtask/src/test.rs`).
//!
//! Inputs are JS values (strings, objects from `JSON.parse`), outputs are read back with
//! `Reflect`, exactly as a page would. Covers: result shapes of summarize / segment /
//! figures / defaultOptions; UTF-16 offsets (`text.slice(start, end) === item.text`) on text
//! with emoji, other non-BMP characters and accents; every invalid option throwing a JS
//! `Error` whose message names the option; non-string text. Native builds compile this file
//! to nothing (the API only exists on wasm32).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect, JSON};
use nutshell::wasm::{default_options, figures, segment, summarize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A short news story of our own, with money, percentages, measures and dates.
const ARTICLE: &str = "Harbor City officials on Monday approved an $800 billion plan to rebuild \
the waterfront districts flooded in March 2024. The plan will raise the sea wall by 3.5 meters \
along 42 kilometers of coast. About 12,000 households will move over the next 15 years. \
Mayor Elena Ruiz said the work would create roughly 65,000 jobs. Critics noted that a similar \
project in Westhaven ran 40% over budget. Property taxes will rise by 2.5 percent from \
January 1, 2026. The first phase begins in September.";

/// Emoji, flags, CJK extension B and accents: UTF-8, UTF-16 and code point offsets all
/// differ here. (Multi-byte characters are kept 16+ bytes before each figure for now:
/// `figures.rs` panics on one just before a number, e.g. "raised €2.5 million"; reported.)
const NON_BMP: &str = "🎉 Café owners in Zürich 🇨🇭 said on Monday that they raised 2.5 million \
euros for the festival. Prices in the old town rose 12% 😀 in a year. The 𠀋 festival drew \
a crowd of 40,000 visitors. Tickets cost $15 each at the gate.";

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("Reflect.get")
}

fn array(value: &JsValue, key: &str) -> Array {
    get(value, key)
        .dyn_into::<Array>()
        .unwrap_or_else(|_| panic!("`{key}` is not an array"))
}

fn number(value: &JsValue, key: &str) -> f64 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("`{key}` is not a number"))
}

fn string(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("`{key}` is not a string"))
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).expect("test options are valid JSON")
}

/// Checks that every item's `text` is `text.slice(start, end)` in JS (UTF-16 indices).
fn assert_slices(text: &str, items: &Array) {
    let js_text = JsString::from(text);
    assert!(items.length() > 0, "no items to check");
    for item in items.iter() {
        let (start, end) = (number(&item, "start"), number(&item, "end"));
        assert!(start <= end && end <= js_text.length() as f64);
        let sliced: String = js_text.slice(start as u32, end as u32).into();
        assert_eq!(sliced, string(&item, "text"), "offsets {start}..{end}");
    }
}

/// The thrown value: a JS `Error` whose message is returned.
fn thrown_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let thrown: JsValue = match result {
        Ok(_) => panic!("expected an Error, got a result"),
        Err(e) => e.into(),
    };
    let error = thrown
        .dyn_into::<js_sys::Error>()
        .expect("the thrown value is an instance of Error");
    error.message().into()
}

#[wasm_bindgen_test]
fn summarize_returns_three_sentences_in_document_order() {
    let result = summarize(JsValue::from_str(ARTICLE), JsValue::UNDEFINED).unwrap();
    let summary = array(&result, "summary");
    assert_eq!(summary.length(), 3);
    let indices: Vec<f64> = summary.iter().map(|s| number(&s, "index")).collect();
    assert!(indices.windows(2).all(|w| w[0] < w[1]), "{indices:?}");
    assert_eq!(array(&result, "sentences").length(), 7);
    assert_slices(ARTICLE, &summary);
    assert_slices(ARTICLE, &array(&result, "sentences"));
    assert_eq!(string(&result, "offset_unit"), "utf16");
    let stats = get(&result, "stats");
    assert_eq!(number(&stats, "sentences"), 7.0);
    assert!(number(&stats, "elapsed_ms") >= 0.0);
}

#[wasm_bindgen_test]
fn summarize_reports_money_with_value_and_currency() {
    let result = summarize(JsValue::from_str(ARTICLE), JsValue::UNDEFINED).unwrap();
    let facts = array(&result, "facts");
    assert_slices(ARTICLE, &facts);
    let money = facts
        .iter()
        .find(|f| string(f, "text") == "$800 billion")
        .expect("$800 billion is a key figure");
    assert_eq!(string(&money, "kind"), "money");
    assert_eq!(number(&money, "value"), 800_000_000_000.0);
    assert_eq!(string(&money, "unit"), "USD");
    let percent = facts
        .iter()
        .find(|f| string(f, "text") == "40%")
        .expect("40% is a key figure");
    assert_eq!(string(&percent, "kind"), "percent");
    assert_eq!(number(&percent, "value"), 40.0);
}

#[wasm_bindgen_test]
fn summary_length_follows_the_options() {
    for (json, expected) in [
        (r#"{"sentences": 1}"#, 1),
        (r#"{"sentences": 5}"#, 5),
        (r#"{"ratio": 1}"#, 7),
        (r#"{"sentences": 2, "title": null}"#, 2),
    ] {
        let result = summarize(JsValue::from_str(ARTICLE), options(json)).unwrap();
        assert_eq!(array(&result, "summary").length(), expected, "{json}");
    }
}

#[wasm_bindgen_test]
fn segment_offsets_are_utf16_with_non_bmp_text() {
    let result = segment(JsValue::from_str(NON_BMP)).unwrap();
    let sentences = array(&result, "sentences");
    assert_eq!(sentences.length(), 4);
    assert_slices(NON_BMP, &sentences);
    assert!(string(&sentences.get(0), "text").starts_with("🎉 Café"));
    assert!(string(&sentences.get(2), "text").starts_with("The 𠀋 festival"));
    assert_eq!(string(&result, "offset_unit"), "utf16");
    assert_eq!(array(&result, "skipped").length(), 0, "all prose");
}

/// Text pasted with its markup, a separator and a page number, after non-BMP characters:
/// the tags and the rest come back apart from the sentences, with their kinds, and every
/// offset (UTF-16) slices to its text.
#[wasm_bindgen_test]
fn segment_reports_non_prose_material_apart_from_sentences() {
    let text = "🎉 Café news\n<p>The 𠀋 fair opened. Crowds came.</p>\n////\n12\n";
    let result = segment(JsValue::from_str(text)).unwrap();
    let sentences = array(&result, "sentences");
    let skipped = array(&result, "skipped");
    assert_slices(text, &sentences);
    assert_slices(text, &skipped);
    let texts: Vec<String> = sentences.iter().map(|s| string(&s, "text")).collect();
    assert_eq!(
        texts,
        ["🎉 Café news", "The 𠀋 fair opened.", "Crowds came."]
    );
    let kinds: Vec<(String, String)> = skipped
        .iter()
        .map(|s| (string(&s, "text"), string(&s, "kind")))
        .collect();
    let want = [
        ("<p>", "markup"),
        ("</p>", "markup"),
        ("////", "separator"),
        ("12", "page-number"),
    ];
    assert_eq!(kinds.len(), want.len(), "{kinds:?}");
    for ((text, kind), (want_text, want_kind)) in kinds.iter().zip(want) {
        assert_eq!((text.as_str(), kind.as_str()), (want_text, want_kind));
    }
    assert!(sentences.iter().all(|s| string(&s, "kind") == "sentence"));
}

#[wasm_bindgen_test]
fn figures_offsets_are_utf16_with_non_bmp_text() {
    let result = figures(JsValue::from_str(NON_BMP)).unwrap();
    let facts = array(&result, "facts");
    assert_slices(NON_BMP, &facts);
    let texts: Vec<String> = facts.iter().map(|f| string(&f, "text")).collect();
    for expected in ["12%", "40,000", "$15"] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} in {texts:?}"
        );
    }
    let visitors = facts
        .iter()
        .find(|f| string(f, "text") == "40,000")
        .unwrap();
    assert_eq!(number(&visitors, "value"), 40_000.0);
    // The figure after the CJK extension B character starts after a surrogate pair.
    let start = number(&visitors, "start") as usize;
    assert_eq!(
        NON_BMP.encode_utf16().count() - start,
        "40,000 visitors. Tickets cost $15 each at the gate.".len()
    );
}

#[wasm_bindgen_test]
fn summarize_offsets_are_utf16_with_non_bmp_text() {
    let result = summarize(JsValue::from_str(NON_BMP), options(r#"{"sentences": 2}"#)).unwrap();
    assert_slices(NON_BMP, &array(&result, "summary"));
    assert_slices(NON_BMP, &array(&result, "sentences"));
    assert_slices(NON_BMP, &array(&result, "facts"));
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_valid() {
    // A broken clipboard can hand JS a lone surrogate; it must not shift later offsets.
    let text: JsValue =
        JSON::parse(r#""Sales rose \ud83d 12% in May. Costs fell 3% in June.""#).unwrap();
    let result = figures(text.clone()).unwrap();
    let facts = array(&result, "facts");
    let js_text: JsString = text.unchecked_into();
    for fact in facts.iter() {
        let sliced: String = js_text
            .slice(number(&fact, "start") as u32, number(&fact, "end") as u32)
            .into();
        assert_eq!(sliced, string(&fact, "text"));
    }
    assert!(facts.length() >= 2);
}

#[wasm_bindgen_test]
fn default_options_are_a_plain_object_that_summarize_accepts() {
    let defaults = default_options().unwrap();
    assert_eq!(number(&defaults, "sentences"), 3.0);
    assert_eq!(number(&defaults, "keyphrases"), 10.0);
    assert!(number(&defaults, "maxInputBytes") > 0.0);
    let result = summarize(JsValue::from_str(ARTICLE), defaults).unwrap();
    assert_eq!(array(&result, "summary").length(), 3);
}

#[wasm_bindgen_test]
fn invalid_options_throw_an_error_naming_the_option() {
    let cases = [
        (r#"{"sentences": -1}"#, "sentences"),
        (r#"{"sentences": 0}"#, "sentences"),
        (r#"{"sentences": 2.5}"#, "sentences"),
        (r#"{"words": -10}"#, "words"),
        (r#"{"chars": -1}"#, "chars"),
        (r#"{"keyphrases": -3}"#, "keyphrases"),
        (r#"{"ratio": 0}"#, "ratio"),
        (r#"{"ratio": 1.5}"#, "ratio"),
        (r#"{"ratio": -0.2}"#, "ratio"),
        (r#"{"sentences": "three"}"#, "sentences"),
        (r#"{"ratio": true}"#, "ratio"),
        (r#"{"title": 5}"#, "title"),
        (r#"{"preset": "novel"}"#, "preset"),
        (r#"{"sentences": {"n": 3}}"#, "sentences"),
        (r#"{"sentences": [3]}"#, "sentences"),
        (r#"{"lenght": 3}"#, "lenght"),
        (r#"{"maxInputBytes": "big"}"#, "maxInputBytes"),
    ];
    for (json, name) in cases {
        let message = thrown_message(summarize(JsValue::from_str(ARTICLE), options(json)));
        assert!(
            message.contains(&format!("`{name}`")),
            "{json}: message {message:?} does not name `{name}`"
        );
    }
}

#[wasm_bindgen_test]
fn two_budgets_at_once_are_refused() {
    let message = thrown_message(summarize(
        JsValue::from_str(ARTICLE),
        options(r#"{"sentences": 2, "words": 50}"#),
    ));
    assert!(message.contains("only one of"), "{message}");
    assert!(
        message.contains("sentences") && message.contains("words"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn options_must_be_an_object() {
    for json in [r#""short""#, "42", "[1, 2]", "true"] {
        let message = thrown_message(summarize(JsValue::from_str(ARTICLE), options(json)));
        assert!(message.starts_with("options:"), "{json}: {message}");
    }
}

#[wasm_bindgen_test]
fn text_must_be_a_string() {
    let not_strings = [
        JsValue::from_f64(42.0),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::TRUE,
        js_sys::Object::new().into(),
        Array::of1(&JsValue::from_str(ARTICLE)).into(),
    ];
    for value in not_strings {
        for message in [
            thrown_message(summarize(value.clone(), JsValue::UNDEFINED)),
            thrown_message(segment(value.clone())),
            thrown_message(figures(value.clone())),
        ] {
            assert!(message.starts_with("text: must be a string"), "{message}");
        }
    }
}

#[wasm_bindgen_test]
fn empty_and_odd_text_never_throw() {
    for text in ["", " ", "\n\n", "...", "🎉", "$", "1", "\u{ad}\u{a0}"] {
        let result = summarize(JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
        assert!(array(&result, "summary").length() <= 1, "{text:?}");
        segment(JsValue::from_str(text)).unwrap();
        figures(JsValue::from_str(text)).unwrap();
    }
}
