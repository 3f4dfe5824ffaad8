//! The JavaScript API (`src/wasm.rs`) as JS sees it, run by wasm-bindgen's test runner in
//! node and in headless Chromium (`cargo xtask test` runs both; see `xtask/src/test.rs`).
//!
//! Inputs are JS values (strings, objects from `JSON.parse`), outputs are read back with
//! `Reflect`, exactly as a page would. Covers: result shapes of summarize / segment /
//! figures / defaultOptions; UTF-16 offsets (`text.slice(start, end) === item.text`) on text
//! with emoji, other non-BMP characters and accents; every invalid option throwing a JS
//! `Error` whose message names the option; non-string text; the results of summarize and
//! figures, built a list at a time in JS, deep-equal to serde-wasm-bindgen's conversion of the same
//! Rust values (key order, `undefined` vs missing keys, types). Native builds compile this
//! file to nothing (the API only exists on wasm32).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, JSON};
use nutshell::wasm::{
    default_options, figures, figures_serde, segment, summarize, summarize_serde,
};
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

/// News-like text with every kind of figure: money, percentages and their ranges, bounds,
/// approximations, counts of things, rates ("a barrel"), dates and date ranges, times, ages,
/// durations, ordinals, scores; quotes, a backslash, a tab and a line separator in the text.
const FIGURES_ARTICLE: &str = "Oil prices rose to $79.62 a barrel on Tuesday, March 3, 2026, \
the highest since January. Shares of Northwind Energy jumped 4.5% to $12.30 at 3:30 p.m., \
while the broader index gained between 1% and 2% over the week. The company said it would \
cut about 1,200 jobs and close more than 40 stores by the end of 2027.\n\nChief executive \
Dana Price, 54, said the \"difficult\" plan would save up to $300 million a year. Analysts \
expect revenue of $4 billion to $4.5 billion for the third quarter, from March 1 to June 30. \
In the final, Harbor United beat the Rangers 2-1 after 90 minutes; 35,000 fans watched.\n\n\
The yen traded at 155.2 per dollar. Rainfall reached 120 mm in 24 hours\tacross \
the region, a path\\to records\u{2028}said officials. Nearly two-thirds of the 5.2 million \
residents were affected, and tens of thousands of homes lost power for three days.";

/// Offsets and text after emoji, flags, a CJK extension B character and accents (figures
/// kept 16+ bytes after multi-byte characters, as in `NON_BMP`).
const EMOJI_ARTICLE: &str = "Über-fast café chain 🚀 Étoile 🇫🇷 reported on Friday that \
its sales rose 18% to €2.4 billion in 2025. « Nous sommes ravis », said its founder 😀 \
in Paris. The 𠀋 new store in Lyon served 12,500 customers in its first week. \
Prices there start at $4.50 per coffee, about 30% less than in London.";

/// `value` deep-equals `expected`: the same own keys in the same order (a key holding
/// `undefined` is not a missing key), the same prototypes, arrays where arrays, and
/// primitives equal by `Object.is` (so `null` ≠ `undefined`, `-0` ≠ `0`, `NaN` = `NaN`).
fn assert_same(value: &JsValue, expected: &JsValue, path: &str) {
    assert_eq!(
        value.js_typeof(),
        expected.js_typeof(),
        "{path}: typeof {value:?} vs {expected:?}"
    );
    let is_array = (Array::is_array(value), Array::is_array(expected));
    assert_eq!(is_array.0, is_array.1, "{path}: array vs not");
    if is_array.0 {
        let (a, b): (&Array, &Array) = (value.unchecked_ref(), expected.unchecked_ref());
        assert_eq!(a.length(), b.length(), "{path}: length");
        for i in 0..a.length() {
            assert_same(&a.get(i), &b.get(i), &format!("{path}[{i}]"));
        }
    } else if value.is_object() && expected.is_object() {
        let (a, b): (&Object, &Object) = (value.unchecked_ref(), expected.unchecked_ref());
        assert!(
            Object::is(&Object::get_prototype_of(a), &Object::get_prototype_of(b)),
            "{path}: prototype"
        );
        let keys = |o: &Object| -> Vec<String> {
            Object::keys(o)
                .iter()
                .map(|k| k.as_string().unwrap())
                .collect()
        };
        assert_eq!(keys(a), keys(b), "{path}: keys");
        for key in keys(a) {
            assert_same(
                &get(value, &key),
                &get(expected, &key),
                &format!("{path}.{key}"),
            );
        }
    } else {
        assert!(
            Object::is(value, expected),
            "{path}: {value:?} vs {expected:?}"
        );
    }
}

/// Sets `stats.elapsed_ms` (a number in both, but a different one) to 0.
fn zero_elapsed(result: &JsValue) {
    let stats = get(result, "stats");
    assert!(get(&stats, "elapsed_ms").as_f64().is_some());
    Reflect::set(&stats, &"elapsed_ms".into(), &JsValue::from_f64(0.0)).unwrap();
}

/// What the facts of all cases showed, so that the comparison is known to cover each shape.
#[derive(Default, Debug)]
struct Seen {
    counted: bool,
    per: bool,
    range: bool,
    text_value: bool,
    no_value: bool,
    no_unit: bool,
    bound: bool,
    approximate: bool,
}

impl Seen {
    fn facts(&mut self, facts: &Array) {
        for fact in facts.iter() {
            let keys: Vec<String> = Object::keys(fact.unchecked_ref::<Object>())
                .iter()
                .map(|k| k.as_string().unwrap())
                .collect();
            self.counted |= keys.iter().any(|k| k == "counted");
            self.per |= keys.iter().any(|k| k == "per");
            let value = get(&fact, "value");
            self.range |= Array::is_array(&value);
            self.text_value |= value.is_string();
            // A missing value, unit or bound is `null`, as the TypeScript types say.
            self.no_value |= value.is_null();
            self.no_unit |= get(&fact, "unit").is_null();
            assert!(!value.is_undefined() && !get(&fact, "unit").is_undefined());
            assert!(!get(&fact, "bound").is_undefined());
            self.bound |= get(&fact, "bound").is_string();
            self.approximate |= get(&fact, "approximate") == JsValue::TRUE;
        }
    }
}

/// The JS values that `summarize` and `figures` build a list at a time are those that
/// serde-wasm-bindgen made of the same results, for news-like text with every kind of
/// figure, non-ASCII text and emoji (UTF-16 offsets), an empty string, a title, other
/// options, and input whose spans cannot be sliced from the JS string (U+FFFD, lone
/// surrogates).
#[wasm_bindgen_test]
fn summarize_and_figures_equal_the_serde_conversion() {
    let lone_surrogate: JsValue =
        JSON::parse(r#""Sales rose \ud83d 12% in May to $3 million. Costs fell 3% in June.""#)
            .unwrap();
    let inputs: Vec<JsValue> = [
        FIGURES_ARTICLE,
        ARTICLE,
        NON_BMP,
        EMOJI_ARTICLE,
        "",
        "🎉",
        "A price of \u{FFFD}40 rose 5% to $42 in 2025. It fell again.",
    ]
    .iter()
    .map(|t| JsValue::from_str(t))
    .chain([lone_surrogate])
    .collect();
    let option_sets = [
        "null",
        r#"{"sentences": 2, "title": "Oil prices hit a high as Northwind cuts 1,200 jobs"}"#,
        r#"{"ratio": 1, "keyphrases": 3}"#,
        r#"{"preset": "key-points", "title": "Café sales rise 18%"}"#,
    ];
    let mut seen = Seen::default();
    for input in &inputs {
        let name = input.as_string().unwrap_or_default();
        let name = name.chars().take(30).collect::<String>();
        for json in option_sets {
            let result = summarize(input.clone(), options(json)).unwrap();
            let expected = summarize_serde(input.clone(), options(json)).unwrap();
            zero_elapsed(&result);
            zero_elapsed(&expected);
            assert_same(&result, &expected, &format!("summarize({name:?}, {json})"));
            // And JSON sees the same text (a second check, on a different path).
            assert_eq!(
                JSON::stringify(&result).unwrap(),
                JSON::stringify(&expected).unwrap()
            );
            seen.facts(&array(&result, "facts"));
        }
        let result = figures(input.clone()).unwrap();
        let expected = figures_serde(input.clone()).unwrap();
        assert_same(&result, &expected, &format!("figures({name:?})"));
        seen.facts(&array(&result, "facts"));
    }
    let Seen {
        counted,
        per,
        range,
        text_value,
        no_value,
        no_unit,
        bound,
        approximate,
    } = &seen;
    assert!(
        *counted
            && *per
            && *range
            && *text_value
            && *no_value
            && *no_unit
            && *bound
            && *approximate,
        "the inputs should give every shape of figure: {seen:?}"
    );
}

/// Lists longer than one call's worth of records (the glue gets them 1,024 at a time) are
/// built across calls, in order, equal to serde-wasm-bindgen's conversion.
#[wasm_bindgen_test]
fn long_lists_equal_the_serde_conversion() {
    let article = [FIGURES_ARTICLE, EMOJI_ARTICLE, NON_BMP].join("\n\n");
    let text = vec![article.as_str(); 150].join("\n\n");
    let input = JsValue::from_str(&text);
    let result = summarize(input.clone(), options("null")).unwrap();
    let expected = summarize_serde(input.clone(), options("null")).unwrap();
    zero_elapsed(&result);
    zero_elapsed(&expected);
    for list in ["sentences", "facts"] {
        let length = array(&result, list).length();
        assert!(length > 2 * 1024, "{list}: only {length} items");
    }
    assert_same(&result, &expected, "summarize(150 articles)");
    let result = figures(input.clone()).unwrap();
    let expected = figures_serde(input).unwrap();
    assert_same(&result, &expected, "figures(150 articles)");
    assert_slices(&text, &array(&result, "facts"));
}

/// Offsets in the results built a list at a time are UTF-16 (and `text` their slice) for text
/// with emoji, flags and accents before and between the figures.
#[wasm_bindgen_test]
fn summarize_offsets_are_utf16_with_emoji_and_accents() {
    let result = summarize(JsValue::from_str(EMOJI_ARTICLE), options(r#"{"ratio": 1}"#)).unwrap();
    assert_slices(EMOJI_ARTICLE, &array(&result, "sentences"));
    assert_slices(EMOJI_ARTICLE, &array(&result, "summary"));
    assert_slices(EMOJI_ARTICLE, &array(&result, "facts"));
    assert_slices(EMOJI_ARTICLE, &array(&result, "keyphrases"));
    let facts = array(&result, "facts");
    let euros = facts
        .iter()
        .find(|f| string(f, "text") == "€2.4 billion")
        .expect("€2.4 billion is a key figure");
    assert_eq!(string(&euros, "unit"), "EUR");
}
