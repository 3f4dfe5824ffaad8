//! Property tests (proptest) on arbitrary Unicode: whatever the text and options, sentence
//! spans slice to their texts, are in order, do not overlap and cover every visible
//! character; summaries are subsets of the sentences in document order; facts and
//! keyphrases slice to their texts and facts lie inside their sentences; option errors
//! name the option; HTML extraction keeps an article's paragraphs in order.
//!
//! Texts are built from pieces that stress the pipeline (terminators, abbreviations,
//! numbers with currency and units, quotes, line and paragraph breaks, CJK, emoji, combining
//! marks, invisible characters) mixed with arbitrary characters. The checks themselves are
//! in `tests/common/invariants.rs`, shared with the fuzz targets.

mod common;

use common::invariants::{check_article, check_facts, check_sentences, check_spans, check_summary};
use nutshell::{OptionValue, Options};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "The",
    "council",
    "voted",
    "bridge",
    " ",
    " ",
    " ",
    ". ",
    ".",
    "! ",
    "? ",
    "…",
    "...",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{AD}",
    "\u{200B}",
    "\u{FEFF}",
    "Mr.",
    "U.S.",
    "Jan.",
    "e.g.",
    "Dr. J. R. Smith",
    "$",
    "€",
    "£",
    "12",
    "3.5",
    "1,000",
    "40%",
    "per cent",
    " million",
    " km",
    "March 4, 2024",
    "Sept. 2024",
    "2020",
    "COVID-19",
    "7-2",
    "\"",
    "'",
    "\u{201C}",
    "\u{201D}",
    "(",
    ")",
    ",",
    ";",
    ":",
    "-",
    "—",
    "。",
    "！",
    "東京",
    "é",
    "e\u{301}",
    "🎉",
    "👨‍👩‍👧",
    "ß",
    "İ",
    "\u{0}",
    "\u{FFFD}",
    "<p>",
    "&amp;",
    "about",
    "more than",
    "twenty",
    "dozen",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z]{1,12}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

fn option() -> impl Strategy<Value = (String, OptionValue)> {
    let name = prop_oneof![
        5 => prop::sample::select(nutshell::options::OPTION_NAMES).prop_map(str::to_string),
        1 => "[a-zA-Z]{0,12}",
    ];
    let value = prop_oneof![
        (-5.0f64..30.0).prop_map(|n| OptionValue::Number(n.round())),
        (-1.0f64..2.0).prop_map(OptionValue::Number),
        prop::sample::select(vec![f64::NAN, f64::INFINITY, -0.0, 1e300, 4294967296.0])
            .prop_map(OptionValue::Number),
        prop::sample::select(vec![
            "headline",
            "tldr",
            "key-points",
            "Bridge repair",
            "",
            "x"
        ])
        .prop_map(|s| OptionValue::Text(s.to_string())),
        any::<bool>().prop_map(OptionValue::Bool),
        Just(OptionValue::Null),
    ];
    (name, value)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn sentence_spans_slice_and_cover(text in text()) {
        check_spans(&text, &nutshell::segment_all(&text));
        check_sentences(&text, &nutshell::segment(&text), nutshell::Language::Auto);
    }

    #[test]
    fn facts_slice_and_lie_inside_their_sentences(text in text()) {
        let facts = nutshell::figures(&text);
        check_facts(&text, &facts, &nutshell::segment(&text));
    }

    #[test]
    fn summaries_are_ordered_subsets_whatever_the_options(
        text in text(),
        options in prop::collection::vec(option(), 0..4),
    ) {
        let mut o = Options::default();
        for (name, value) in options {
            if let Err(e) = o.set(&name, value) {
                prop_assert_eq!(e.option(), Some(name.as_str()), "{}", e);
                prop_assert!(e.to_string().contains(&name), "{}", e);
            }
        }
        match nutshell::summarize(&text, &o) {
            Ok(result) => {
                check_summary(&text, &result);
                prop_assert_eq!(result.sentences.len(), nutshell::segment(&text).len());
            }
            Err(e) => prop_assert!(
                e.option().is_some() || text.len() > o.max_input_bytes,
                "refused without naming an option: {}", e
            ),
        }
    }

    #[test]
    fn html_extraction_never_breaks_on_any_text(text in text()) {
        check_article(&nutshell::html::extract_article(&text));
        let _ = nutshell::html::looks_like_html(&text);
    }

    #[test]
    fn text_without_markup_comes_back_with_whitespace_collapsed(text in text()) {
        prop_assume!(!text.contains('<') && !text.contains('&'));
        let expected = text
            .chars()
            .filter(|c| !matches!(c, '\u{AD}' | '\u{200B}' | '\u{FEFF}'))
            .collect::<String>()
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        // A bare page label ("Advertisement", "AD", "Share") is dropped on purpose, and the
        // generator's random letters can spell one.
        prop_assume!(!nutshell::html::is_label(&expected));
        let got = nutshell::html::extract_article(&text).text;
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn article_paragraphs_survive_any_boilerplate_around_them(
        paragraphs in prop::collection::vec("[a-z]{2,9}( [a-z]{1,9}){4,25}\\.", 1..8),
        before in prop::sample::subsequence(BOILERPLATE, 0..BOILERPLATE.len()),
        after in prop::sample::subsequence(BOILERPLATE, 0..BOILERPLATE.len()),
        wrapper in prop::sample::select(vec!["article", "main", "div class=\"story-body\"", "section"]),
    ) {
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        let tag = wrapper.split(' ').next().unwrap_or("div");
        let html = format!(
            "<html><head><title>T</title></head><body>{}<{wrapper}>{body}</{tag}>{}</body></html>",
            before.concat(),
            after.concat()
        );
        let article = nutshell::html::extract_article(&html);
        check_article(&article);
        prop_assert_eq!(article.text, paragraphs.join("\n\n"));
    }
}

/// Page furniture to wrap around an article: each must vanish from the extracted text.
const BOILERPLATE: &[&str] = &[
    "<nav><a href=/>Home</a> <a href=/world>World</a></nav>",
    "<header class=site-header><div class=logo>Paper</div></header>",
    "<div class=\"cookie-banner\"><p>We use cookies, and by staying you accept them all.</p></div>",
    "<script>var t = '<p>not text</p>';</script>",
    "<style>p { color: red }</style>",
    "<div class=\"ad\"><p>Buy things now, all the things, at a discount today.</p></div>",
    "<aside><h3>Related</h3><ul><li><a href=1>A related story title here</a></li></ul></aside>",
    "<section id=comments><p>I disagree with all of this, strongly, and at length.</p></section>",
    "<footer><p>Copyright, all rights reserved, contact us, privacy.</p></footer>",
    "<div role=navigation><a href=2>Next</a></div>",
    "<!-- <p>commented out</p> -->",
    "<form><input name=q><button>Search</button></form>",
];
