//! Adversarial inputs from issue 9, each checked for the right result (not only "no
//! panic"): a 1 MB word, 1 MB without a period, 100,000 one-character lines, a million
//! digits, HTML nested 100,000 deep, thousands of identical sentences, and inputs over the
//! size limit. Their speed against normal text of the same size is in
//! `benches/adversarial.rs`; here only results are asserted.

mod common;

use common::inputs::{self, MB};
use common::invariants::{check_facts, check_sentences, check_spans, check_summary};
use nutshell::{OptionValue, Options};

fn summarize(text: &str) -> nutshell::Summary {
    let result = nutshell::summarize(text, &Options::default()).expect("a summary");
    check_summary(text, &result);
    result
}

#[test]
fn a_one_megabyte_word_is_one_sentence_of_one_word() {
    let text = inputs::long_word(MB);
    let spans = nutshell::segment(&text);
    check_spans(&text, &nutshell::segment_all(&text));
    check_sentences(&text, &spans, nutshell::Language::Auto);
    assert_eq!(spans.len(), 1);
    let result = summarize(&text);
    assert_eq!(result.stats.words, 1);
    assert_eq!(result.summary.len(), 1);
    assert_eq!(result.summary[0].text.len(), MB);
    assert!(result.facts.is_empty(), "letters hold no figures");
    assert!(result.keyphrases.len() <= 1);
}

#[test]
fn a_megabyte_without_a_period_is_summarized_within_budget() {
    let (text, words) = inputs::no_period(MB);
    let result = summarize(&text);
    assert_eq!(result.stats.words, words, "every word is counted once");
    assert!(!result.summary.is_empty() && result.summary.len() <= 3);
    assert!(result.facts.is_empty(), "no figures in these words");
    // A word budget still returns at least one sentence, however long.
    let mut options = Options::default();
    options.set("words", OptionValue::Number(20.0)).unwrap();
    let short = nutshell::summarize(&text, &options).expect("a summary");
    check_summary(&text, &short);
    assert!(!short.summary.is_empty());
}

#[test]
fn one_hundred_thousand_one_character_lines() {
    let lines = 100_000;
    let text = inputs::one_char_lines(lines);
    let result = summarize(&text);
    assert_eq!(result.stats.words, lines, "each line is a word");
    let covered: usize = result
        .sentences
        .iter()
        .map(|s| s.text.split('\n').count())
        .sum();
    assert_eq!(covered, lines, "every line is in exactly one sentence");
    assert!(result.summary.len() <= 3);
}

#[test]
fn a_million_digits_are_at_most_one_figure_with_a_finite_value() {
    let text = inputs::digits(1_000_000);
    let facts = nutshell::figures(&text);
    check_facts(&text, &facts, &nutshell::segment(&text));
    assert!(
        facts.len() <= 1,
        "{} facts in one run of digits",
        facts.len()
    );
    for f in &facts {
        assert_eq!(
            (f.start, f.end),
            (0, text.len()),
            "a figure is the whole run"
        );
        if let nutshell::Value::Number(v) = f.value {
            assert!(v.is_finite(), "value {v} cannot be shown or serialized");
        }
    }
    let result = summarize(&text);
    assert_eq!(result.stats.words, 1);
}

#[test]
fn html_nested_one_hundred_thousand_deep() {
    let paragraph = "The storm closed the port for two days, and 18 ships waited offshore.";
    let html = inputs::nested_html(100_000, paragraph);
    let article = nutshell::html::extract_article(&html);
    assert_eq!(article.text, paragraph);
    let result = summarize(&article.text);
    assert_eq!(result.summary[0].text, paragraph);
    // The same depth, never closed, and with the text at the bottom.
    let html = format!("{}{paragraph}", "<div><span>".repeat(100_000));
    assert_eq!(nutshell::html::extract_article(&html).text, paragraph);
}

#[test]
fn thousands_of_identical_sentences_give_one_summary_sentence() {
    let sentence = "The bridge reopened on Monday after a $48 million repair.";
    let text = inputs::identical_sentences(5_000, sentence);
    let result = summarize(&text);
    assert_eq!(result.sentences.len(), 5_000);
    assert_eq!(
        result.summary.len(),
        1,
        "the summary must not repeat a sentence"
    );
    assert_eq!(result.summary[0].text, sentence);
    for budget in [
        ("sentences", 10.0),
        ("ratio", 1.0),
        ("words", 500.0),
        ("chars", 5000.0),
    ] {
        let mut options = Options::default();
        options
            .set(budget.0, OptionValue::Number(budget.1))
            .unwrap();
        let result = nutshell::summarize(&text, &options).expect("a summary");
        check_summary(&text, &result);
        assert_eq!(
            result.summary.len(),
            1,
            "budget {budget:?} repeated a sentence"
        );
    }
    // Each copy has two figures: the weekday and the money.
    assert_eq!(result.facts.len(), 10_000, "two figures per copy");
    for pair in result.facts.chunks(2) {
        assert_eq!(
            [pair[0].text.as_str(), pair[1].text.as_str()],
            ["Monday", "$48 million"]
        );
    }
}

#[test]
fn inputs_over_the_limit_get_a_clear_error() {
    let text = inputs::normal_text(4096);
    let mut options = Options::default();
    options
        .set("maxInputBytes", OptionValue::Number(1000.0))
        .unwrap();
    let error = nutshell::summarize(&text, &options).expect_err("over the limit");
    let message = error.to_string();
    assert!(
        message.contains("limit") && message.contains("maxInputBytes"),
        "{message}"
    );
    assert!(message.contains(&text.len().to_string()), "{message}");
    assert_eq!(
        error.option(),
        None,
        "the input, not the option, is at fault"
    );
    // Exactly at the limit is accepted.
    options
        .set("maxInputBytes", OptionValue::Number(text.len() as f64))
        .unwrap();
    let result = nutshell::summarize(&text, &options).expect("at the limit");
    check_summary(&text, &result);
}

#[test]
fn the_default_limit_is_fifty_mebibytes() {
    assert_eq!(Options::default().max_input_bytes, 50 * MB);
    // One byte over the default limit is refused before any work (a quick test: the text
    // is a single repeated byte, so building it is cheap).
    let text = "a".repeat(50 * MB + 1);
    let error = nutshell::summarize(&text, &Options::default()).expect_err("over 50 MiB");
    assert!(error.to_string().contains("52428800"), "{error}");
}
