//! Invariants every result of the core must satisfy, on any input: shared by the property
//! tests (`tests/properties.rs`), the adversarial tests (`tests/adversarial.rs`) and the fuzz
//! targets (`fuzz/fuzz_targets/*.rs`, which include this file by path), so a fuzzer finds
//! wrong answers as well as panics.
//!
//! Each check panics with a message that names the broken rule and the offending span.

#![allow(dead_code)]

use nutshell::{Fact, Language, OptionValue, Options, Span, Summary};

/// The `summarize` fuzz target. Input layout: `OPTIONS \0 TEXT`, or just `TEXT` (default
/// options). OPTIONS is `name=value` pairs separated by `;`, each set through
/// `Options::set`, so the fuzzer explores option names, types and ranges as well as texts.
/// A value is a number if it parses as one, `true`/`false` a boolean, `null` null, anything
/// else a string. Invalid UTF-8 in TEXT becomes U+FFFD, as in the CLI and the wasm layer.
/// Checks: an option error names the option; a refused text is over the limit; an accepted
/// result passes [`check_summary`].
pub fn summarize_input(data: &[u8]) {
    let (header, body) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&[][..], data),
    };
    let text = String::from_utf8_lossy(body);
    let mut options = Options::default();
    for pair in String::from_utf8_lossy(header).split(';') {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        if let Err(e) = options.set(name, option_value(value)) {
            assert_eq!(
                e.option(),
                Some(name),
                "error does not name the option: {e}"
            );
            assert!(e.to_string().contains(name), "message lacks the name: {e}");
        }
    }
    match nutshell::summarize(&text, &options) {
        Ok(result) => check_summary_in(&text, &result, options.language),
        Err(e) => assert!(
            e.option().is_some() || text.len() > options.max_input_bytes,
            "refused a text within the limit without naming an option: {e}"
        ),
    }
}

fn option_value(value: &str) -> OptionValue {
    match value {
        "true" => OptionValue::Bool(true),
        "false" => OptionValue::Bool(false),
        "null" => OptionValue::Null,
        _ => value
            .parse::<f64>()
            .map(OptionValue::Number)
            .unwrap_or_else(|_| OptionValue::Text(value.to_string())),
    }
}

/// The `segment` fuzz target: sentences and non-prose segments together pass
/// [`check_spans`], and the sentences are those of [`check_sentences`].
pub fn segment_input(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_sentences(&text, &nutshell::segment(&text), Language::Auto);
}

/// The `figures` fuzz target: facts pass [`check_facts`] against the text's sentences.
pub fn figures_input(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let facts = nutshell::figures(&text);
    check_facts(&text, &facts, &nutshell::segment(&text));
}

/// The `html` fuzz target: the article passes [`check_article`], and `looks_like_html`
/// answers.
pub fn html_input(data: &[u8]) {
    let html = String::from_utf8_lossy(data);
    check_article(&nutshell::html::extract_article(&html));
    let _ = nutshell::html::looks_like_html(&html);
}

/// An extracted article is clean text: trimmed lines, paragraphs separated by exactly one
/// blank line, a one-line title.
pub fn check_article(article: &nutshell::Article) {
    let text = &article.text;
    assert!(
        !text.contains("\n\n\n"),
        "more than one blank line between paragraphs"
    );
    assert_eq!(text.trim(), text, "text is not trimmed");
    for line in text.lines() {
        assert_eq!(line.trim(), line, "line not trimmed: {line:?}");
    }
    for field in [&article.title, &article.byline].into_iter().flatten() {
        assert!(
            !field.is_empty() && !field.contains('\n') && field.trim() == field,
            "bad title or byline {field:?}"
        );
    }
}

/// Whether `text` has nothing a reader sees: whitespace, control characters, and the
/// invisible format characters normalization removes (soft hyphen, zero-width spaces and
/// joiners, BOM). Sentences need not cover these.
pub fn is_invisible(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    })
}

/// Sentence spans: slice to their text, trimmed, in order, not overlapping, paragraphs
/// non-decreasing, and together they cover every visible character of `text`.
pub fn check_spans(text: &str, spans: &[Span]) {
    let mut covered_to = 0;
    let mut last_paragraph = 0;
    for (i, s) in spans.iter().enumerate() {
        assert!(
            s.start < s.end && s.end <= text.len(),
            "sentence {i}: bad span {}..{} (text is {} bytes)",
            s.start,
            s.end,
            text.len()
        );
        assert_eq!(
            text.get(s.start..s.end),
            Some(s.text.as_str()),
            "sentence {i}: span {}..{} does not slice to its text",
            s.start,
            s.end
        );
        assert_eq!(
            s.text.trim(),
            s.text,
            "sentence {i}: not trimmed: {:?}",
            s.text
        );
        assert!(
            s.start >= covered_to,
            "sentence {i} at {} overlaps the previous one (ends at {covered_to})",
            s.start
        );
        assert!(
            is_invisible(&text[covered_to..s.start]),
            "non-whitespace before sentence {i} is in no sentence: {:?}",
            &text[covered_to..s.start]
        );
        assert!(
            s.paragraph >= last_paragraph,
            "sentence {i}: paragraph {} after paragraph {last_paragraph}",
            s.paragraph
        );
        covered_to = s.end;
        last_paragraph = s.paragraph;
    }
    assert!(
        is_invisible(&text[covered_to..]),
        "non-whitespace after the last sentence is in no sentence: {:?}",
        &text[covered_to..]
    );
}

/// Sentence spans (which leave non-prose material out): they are exactly the sentences of
/// `nutshell::segment_all_in(text, language)`, whose sentences and non-prose segments
/// together pass [`check_spans`] (in order, trimmed, slicing, covering every visible
/// character). No sentence is empty of letters and digits unless it is a row of symbols.
pub fn check_sentences(text: &str, sentences: &[Span], language: Language) {
    let all = nutshell::segment_all_in(text, language);
    check_spans(text, &all);
    let want: Vec<(usize, usize)> = all
        .iter()
        .filter(|s| s.kind.is_sentence())
        .map(|s| (s.start, s.end))
        .collect();
    let got: Vec<(usize, usize)> = sentences.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(got, want, "the sentences are not those of segment_all");
    for (i, s) in sentences.iter().enumerate() {
        assert!(s.kind.is_sentence(), "sentence {i} is of kind {:?}", s.kind);
        assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
    }
}

/// Facts: slice to their text, in text order, numeric values are finite, `counted` slices
/// too, and each lies inside the sentence it names (`spans` are the sentences of the same
/// text).
pub fn check_facts(text: &str, facts: &[Fact], spans: &[Span]) {
    let mut last_start = 0;
    for (i, f) in facts.iter().enumerate() {
        assert!(
            f.start < f.end && f.end <= text.len(),
            "fact {i}: bad span {}..{}",
            f.start,
            f.end
        );
        assert_eq!(
            text.get(f.start..f.end),
            Some(f.text.as_str()),
            "fact {i}: span {}..{} does not slice to its text",
            f.start,
            f.end
        );
        assert!(f.start >= last_start, "fact {i}: facts out of text order");
        match &f.value {
            nutshell::Value::Number(v) => assert!(v.is_finite(), "fact {i}: value {v}"),
            nutshell::Value::Range([lo, hi]) => {
                assert!(
                    lo.is_finite() && hi.is_finite(),
                    "fact {i}: range {lo}..{hi}"
                )
            }
            _ => {}
        }
        last_start = f.start;
        match (f.counted_start, f.counted_end, &f.counted) {
            (Some(s), Some(e), Some(c)) => assert_eq!(
                text.get(s..e),
                Some(c.as_str()),
                "fact {i}: counted span {s}..{e} does not slice to its text"
            ),
            (None, None, None) => {}
            other => panic!("fact {i}: counted span and text disagree: {other:?}"),
        }
        let sentence = spans.get(f.sentence).unwrap_or_else(|| {
            panic!(
                "fact {i} ({:?}) names sentence {} of {}",
                f.text,
                f.sentence,
                spans.len()
            )
        });
        assert!(
            sentence.start <= f.start && f.end <= sentence.end,
            "fact {i} {:?} at {}..{} is not inside its sentence {} at {}..{}",
            f.text,
            f.start,
            f.end,
            f.sentence,
            sentence.start,
            sentence.end
        );
    }
}

/// A whole summary made with the default language (see [`check_summary_in`]).
pub fn check_summary(text: &str, result: &Summary) {
    check_summary_in(text, result, Language::Auto);
}

/// A whole summary: its sentences are the segmenter's (non-prose material left out), the
/// summary is a subset of them in document order without repeats, facts and keyphrases
/// slice to their texts, every score is finite.
pub fn check_summary_in(text: &str, result: &Summary, language: Language) {
    let spans: Vec<Span> = result
        .sentences
        .iter()
        .map(|s| Span {
            text: s.text.clone(),
            start: s.start,
            end: s.end,
            paragraph: s.paragraph,
            kind: nutshell::segment::SegmentKind::Sentence,
        })
        .collect();
    check_sentences(text, &spans, language);
    for (i, s) in result.sentences.iter().enumerate() {
        assert_eq!(s.index, i, "sentence {i} has index {}", s.index);
        assert!(s.score.is_finite(), "sentence {i}: score {}", s.score);
        let p = s.parts;
        for (name, v) in [
            ("position", p.position),
            ("centrality", p.centrality),
            ("title", p.title),
            ("figures", p.figures),
            ("redundancy", p.redundancy),
        ] {
            assert!(v.is_finite(), "sentence {i}: {name} part is {v}");
        }
    }
    let mut last: Option<usize> = None;
    for s in &result.summary {
        assert!(
            last.is_none_or(|l| s.index > l),
            "summary out of document order or repeated at sentence {}",
            s.index
        );
        last = Some(s.index);
        let original = result
            .sentences
            .get(s.index)
            .unwrap_or_else(|| panic!("summary names sentence {} that does not exist", s.index));
        assert_eq!(
            s, original,
            "summary sentence {} differs from the sentence list",
            s.index
        );
        assert!(
            s.selected,
            "summary sentence {} is not marked selected",
            s.index
        );
    }
    let selected = result.sentences.iter().filter(|s| s.selected).count();
    assert_eq!(
        selected,
        result.summary.len(),
        "selected flags disagree with the summary"
    );
    if !result.sentences.is_empty() {
        assert!(
            !result.summary.is_empty(),
            "a text with sentences got an empty summary"
        );
    }
    check_facts(text, &result.facts, &spans);
    for (i, k) in result.keyphrases.iter().enumerate() {
        assert_eq!(
            text.get(k.start..k.end),
            Some(k.text.as_str()),
            "keyphrase {i}: span {}..{} does not slice to its text",
            k.start,
            k.end
        );
        assert!(k.weight.is_finite(), "keyphrase {i}: weight {}", k.weight);
    }
    assert_eq!(result.stats.sentences, result.sentences.len());
    assert_eq!(result.stats.bytes, text.len());
}
