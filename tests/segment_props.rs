//! Property tests for sentence segmentation: on arbitrary Unicode and on generated
//! news-like text (with non-prose material mixed in: tags, separators, leaders, page
//! numbers, escapes), in every language profile, sentences and non-prose segments together
//! are in order, do not overlap, sit on char boundaries, are trimmed, cover every
//! non-whitespace character, and never panic; no sentence starts or ends with non-prose
//! material; `segment_in` is exactly the sentences of `segment_all_in`; the public API's
//! spans slice the original text to their `text`.

#[path = "../benches/corpus.rs"]
mod corpus;

use nutshell::segment::{has_non_prose_edge, segment_all_in, segment_in, Language, Segment};
use proptest::prelude::*;

const LANGUAGES: &[Language] = &[
    Language::Auto,
    Language::En,
    Language::De,
    Language::Fr,
    Language::Pl,
    Language::Ru,
    Language::Kk,
    Language::El,
    Language::Hy,
    Language::Ar,
    Language::Ja,
    Language::Zh,
];

fn check_invariants(text: &str, segments: &[Segment]) -> Result<(), TestCaseError> {
    let mut covered_to = 0;
    let mut last_paragraph = 0;
    // A page number needs a page around it: in a text with no other sentence, the segmenter
    // keeps "12" (or "- 12 -") as a sentence, the number 12.
    let numbers_only = segments
        .iter()
        .filter(|s| s.kind.is_sentence())
        .all(|s| is_bare_number(&text[s.start..s.end]));
    for s in segments {
        prop_assert!(s.start < s.end, "empty segment {s:?}");
        prop_assert!(s.start >= covered_to, "overlap or disorder at {s:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let slice = &text[s.start..s.end];
        prop_assert_eq!(slice.trim(), slice, "segment not trimmed");
        // Everything between segments is whitespace.
        prop_assert!(
            text[covered_to..s.start].chars().all(char::is_whitespace),
            "uncovered text before {:?}",
            s
        );
        prop_assert!(s.paragraph >= last_paragraph, "paragraph numbers go back");
        if s.kind.is_sentence() && !(numbers_only && is_bare_number(&text[s.start..s.end])) {
            check_sentence_edges(text, s)?;
        }
        last_paragraph = s.paragraph;
        covered_to = s.end;
    }
    prop_assert!(
        text[covered_to..].chars().all(char::is_whitespace),
        "uncovered text at the end"
    );
    Ok(())
}

/// "12", "- 12 -": what the segmenter would call a page number if the text had a page.
fn is_bare_number(s: &str) -> bool {
    let core = s.trim_matches(|c| matches!(c, '-' | '–' | '—' | ' '));
    !core.is_empty() && core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit())
}

/// A sentence neither starts nor ends with non-prose material (a dot leader only counts
/// where the sentence ends its line), and is not non-prose as a whole; independently of
/// the segmenter's own rules, it does not start with a tag or four slashes.
fn check_sentence_edges(text: &str, s: &Segment) -> Result<(), TestCaseError> {
    let slice = &text[s.start..s.end];
    let line_end = text[s.end..]
        .chars()
        .find(|c| !matches!(c, ' ' | '\t'))
        .is_none_or(|c| c == '\n' || c == '\r');
    prop_assert!(
        !has_non_prose_edge(slice, line_end),
        "sentence with a non-prose edge: {:?}",
        slice
    );
    // Independently of those rules: the material the generator below mixes in.
    for piece in ["<p>", "</p>", "////", "\\r\\n", "&lt;b&gt;"] {
        prop_assert!(
            !slice.starts_with(piece) && !slice.ends_with(piece),
            "sentence {:?} starts or ends with {:?}",
            slice,
            piece
        );
    }
    Ok(())
}

/// All segments of every profile keep the invariants, and `segment_in` gives exactly the
/// sentences among them.
fn check_all(text: &str, language: Language) -> Result<(), TestCaseError> {
    let all = segment_all_in(text, language);
    check_invariants(text, &all)?;
    let sentences: Vec<Segment> = all.into_iter().filter(|s| s.kind.is_sentence()).collect();
    prop_assert_eq!(sentences, segment_in(text, language));
    Ok(())
}

/// Pieces that exercise the rules: abbreviations, initials, numbers, quotes, brackets,
/// ellipses, list markers, bullets, line breaks, other scripts' terminators.
fn news_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "The",
        "council",
        "said",
        "Mr.",
        "Dr.",
        "U.S.",
        "Inc.",
        "Co.",
        "No.",
        "p.",
        "a.m.",
        "p.m.",
        "Jan.",
        "J.",
        "R.",
        "e.g.",
        "etc.",
        "3.5",
        "$1.2",
        "1.",
        "2.",
        "a)",
        "(b)",
        "(iv)",
        "1.)",
        "•",
        "-",
        "—",
        "...",
        "…",
        ". . .",
        ".",
        "!",
        "?",
        "?!",
        "\"",
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "(",
        ")",
        "[",
        "]",
        "[1]",
        ".11",
        "www.example.com",
        "a@b.org",
        "http://x.y/z?q=1",
        "\n",
        "\n\n",
        "\r\n",
        " \n ",
        "\t",
        "\u{a0}",
        "。",
        "！",
        "？",
        "．",
        "「",
        "」",
        "《",
        "》",
        "،",
        "؟",
        "۔",
        "।",
        ":",
        ";",
        "։",
        "Он",
        "т.е.",
        "z. B.",
        "12.",
        "XII.",
        "Oktober",
        "der",
        "By",
        "WASHINGTON",
        "(AP)",
        "it",
        "was",
        "he",
        "Smith",
        "Ltd.",
        "’s",
        "\u{202a}",
        "\u{202c}",
        "٫",
        "३",
        "१२।",
        "ü",
        "é",
        // Non-prose material.
        "<p>",
        "</p>",
        "<img src=\"a.jpg\">",
        "&lt;b&gt;",
        "<",
        ">",
        "////",
        "=====",
        "*",
        "* * *",
        "..........",
        ". . . . .",
        "5",
        "16-17",
        "vii",
        "\\r\\n",
        "\\n",
        "\\",
        "\\ n",
    ])
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            news_piece(),
            prop::sample::select(vec!["", " ", " ", "  ", "\n"]),
        ),
        0..60,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(a, b)| [a, b]).collect())
}

fn dropped_by_normalize(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_keeps_the_invariants(text in any::<String>()) {
        for &language in LANGUAGES {
            check_all(&text, language)?;
        }
    }

    #[test]
    fn news_like_text_keeps_the_invariants(text in news_text()) {
        for &language in LANGUAGES {
            check_all(&text, language)?;
        }
    }

    #[test]
    fn public_spans_slice_the_original(text in prop_oneof![news_text(), any::<String>()]) {
        let spans = nutshell::segment_all(&text);
        let mut last_end = 0;
        for s in &spans {
            prop_assert!(s.start >= last_end && s.start < s.end);
            prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
            // Between sentences: whitespace, or what normalization drops (soft hyphen,
            // zero-width characters, BOM).
            let gap_ok = text[last_end..s.start].chars().all(|c| c.is_whitespace() || dropped_by_normalize(c));
            prop_assert!(gap_ok, "uncovered text before {:?}", s);
            last_end = s.end;
        }
    }
}

/// Long runs of one pathological pattern (where a rule that looks back or ahead without a
/// bound would also be slow): no panic, invariants hold.
#[test]
fn long_runs_of_pathological_patterns_keep_the_invariants() {
    let patterns = corpus::PATHOLOGICAL_PATTERNS;
    for p in patterns {
        let text = p.repeat(20_000 / p.len());
        for &language in LANGUAGES {
            check_all(&text, language).unwrap_or_else(|e| panic!("{p:?} {language:?}: {e}"));
        }
        let spans = nutshell::segment_all(&text);
        for s in &spans {
            assert_eq!(&text[s.start..s.end], s.text);
        }
    }
}
