//! HTML → article extraction on pages written for these tests (`tests/data/html/`, cases
//! in `cases.jsonl`, see the README there), plus malformed and hostile markup.

mod common;

use nutshell::html::{extract_article, looks_like_html};
use serde_json::Value;
use std::path::Path;

fn data_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html")
}

#[test]
fn pages_give_their_article_paragraphs_in_order_and_no_boilerplate() {
    let cases = std::fs::read_to_string(data_dir().join("cases.jsonl")).expect("cases.jsonl");
    let mut checked = 0;
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("a JSON case");
        let page = case["page"].as_str().expect("page");
        let html = std::fs::read_to_string(data_dir().join(page)).expect("page file");
        let article = extract_article(&html);
        common::invariants::check_article(&article);
        let expected: Vec<&str> = case["paragraphs"]
            .as_array()
            .expect("paragraphs")
            .iter()
            .map(|p| p.as_str().expect("paragraph"))
            .collect();
        let got: Vec<&str> = article.text.split("\n\n").collect();
        assert_eq!(got, expected, "{page}: paragraphs");
        assert_eq!(
            article.title.as_deref(),
            case["title"].as_str(),
            "{page}: title"
        );
        assert_eq!(
            article.byline.as_deref(),
            case["byline"].as_str(),
            "{page}: byline"
        );
        for absent in case["absent"].as_array().expect("absent") {
            let absent = absent.as_str().expect("string");
            assert!(
                !article.text.contains(absent),
                "{page}: boilerplate {absent:?} leaked into the text"
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} cases");
}

#[test]
fn every_test_page_looks_like_html_and_the_texts_do_not() {
    for entry in std::fs::read_dir(data_dir()).expect("data dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path).expect("page");
            assert!(
                looks_like_html(&html),
                "{} not seen as HTML",
                path.display()
            );
        }
    }
    for text in [
        "The council met on Tuesday. It approved the budget.",
        "If a < b and b > c, then nothing follows about a and c.",
        "Use the <p> tag for paragraphs, the guide says, and close it.",
        "",
        "<3 love it",
    ] {
        assert!(!looks_like_html(text), "{text:?} seen as HTML");
    }
    assert!(looks_like_html("  <p>One.</p><p>Two.</p>"));
    assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
    assert!(looks_like_html("<HTML><BODY>hi"));
}

#[test]
fn plain_text_passes_through_as_one_paragraph() {
    let article = extract_article("Just a sentence. And another one, with a comma.");
    assert_eq!(
        article.text,
        "Just a sentence. And another one, with a comma."
    );
    assert_eq!(article.title, None);
}

#[test]
fn empty_and_tag_only_inputs_give_empty_text() {
    for html in [
        "",
        "   ",
        "<html></html>",
        "<script>x</script>",
        "<!-- only -->",
        "</",
        "<a",
    ] {
        let article = extract_article(html);
        assert_eq!(article.text, "", "{html:?}");
    }
    assert_eq!(extract_article("<").text, "<", "a lone '<' is text");
}

#[test]
fn unclosed_raw_text_and_comments_swallow_the_rest() {
    // Browsers do the same: an unclosed <script> or comment runs to the end of the input.
    assert_eq!(
        extract_article("<p>Kept.</p><script>lost <p>lost").text,
        "Kept."
    );
    assert_eq!(
        extract_article("<p>Kept.</p><!-- lost <p>lost").text,
        "Kept."
    );
    assert_eq!(
        extract_article("<p>Kept.</p><style>p{}</STYLE ><p>Also kept.").text,
        "Kept.\n\nAlso kept."
    );
    assert_eq!(
        extract_article("<p>Kept. <b title=\"unclosed>lost").text,
        "Kept."
    );
}

#[test]
fn less_than_signs_and_broken_tags_are_text() {
    let article = extract_article("<p>3 < 4 and 5 <= 6, a <3 heart, </ 7> gone, x</>y.</p>");
    assert_eq!(article.text, "3 < 4 and 5 <= 6, a <3 heart, gone, xy.");
}

#[test]
fn misnested_and_stray_tags_keep_text_in_order() {
    let html = "<div></span></span><p>One <b>two <i>three</b> four</i> five.</p></td></tr></div></div><p>Six.";
    assert_eq!(
        extract_article(html).text,
        "One two three four five.\n\nSix."
    );
}

#[test]
fn template_svg_and_math_content_is_dropped_even_nested() {
    let html = "<p>Before.</p><template><p>T1</p><template>T2</template><p>T3</p></template>\
                <svg><title>Icon title</title><text>SVG text</text></svg>\
                <math><mi>x</mi></math><p>After.</p>";
    let article = extract_article(html);
    assert_eq!(article.text, "Before.\n\nAfter.");
    assert_eq!(article.title, None, "an svg <title> is not the page title");
}

#[test]
fn head_without_end_tag_does_not_hide_the_body() {
    let html = "<html><head><title>Port reopens after the storm</title><meta charset=utf-8>\
                <div>The port reopened on Friday after three days.</div>";
    let article = extract_article(html);
    assert_eq!(
        article.text,
        "The port reopened on Friday after three days."
    );
    assert_eq!(
        article.title.as_deref(),
        Some("Port reopens after the storm")
    );
}

#[test]
fn title_falls_back_from_h1_to_og_title_to_title() {
    let page =
        |head: &str, body: &str| format!("<html><head>{head}</head><body>{body}</body></html>");
    let body = "<p>A paragraph long enough to count as the article body, with a comma, and more words.</p>";
    let og = "<meta property=\"og:title\" content=\"Open &amp; shut case\">";
    let title = "<title>Markets rally on rate cut hopes | Daily Example</title>";
    let with_h1 = format!("<article><h1>Headline in the article</h1>{body}</article>");
    assert_eq!(
        extract_article(&page(&format!("{og}{title}"), &with_h1))
            .title
            .as_deref(),
        Some("Headline in the article")
    );
    assert_eq!(
        extract_article(&page(&format!("{og}{title}"), body))
            .title
            .as_deref(),
        Some("Open & shut case")
    );
    assert_eq!(
        extract_article(&page(title, body)).title.as_deref(),
        Some("Markets rally on rate cut hopes")
    );
    // A site logo in the page's <header> h1 is not taken as the headline.
    let logo = format!("<header><h1>Daily Example</h1></header>{body}");
    assert_eq!(extract_article(&page("", &logo)).title.as_deref(), None);
}

#[test]
fn link_lists_and_labels_inside_the_article_are_dropped() {
    let html = "<article>\
        <p>The first paragraph of the story, long enough to be the content, with commas, and all.</p>\
        <p>Advertisement</p>\
        <ul><li><a href=a>Another story about something else</a></li><li><a href=b>And a third story</a></li></ul>\
        <p>Read more: <a href=c>a link that is most of this paragraph's text</a></p>\
        <p>A second paragraph that mentions <a href=d>a link</a> in passing, which is fine.</p>\
        </article>";
    assert_eq!(
        extract_article(html).text,
        "The first paragraph of the story, long enough to be the content, with commas, and all.\n\n\
         A second paragraph that mentions a link in passing, which is fine."
    );
}

#[test]
fn deeply_nested_divs_are_linear_and_keep_the_text() {
    let depth = 100_000;
    let html = format!(
        "{}<p>Deep inside, the text survives.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert_eq!(
        extract_article(&html).text,
        "Deep inside, the text survives."
    );
    // Unclosed, with a paragraph at every level.
    let html = "<div><p>Level text, which is here.".repeat(depth);
    let text = extract_article(&html).text;
    assert_eq!(text.split("\n\n").count(), depth);
    assert!(text
        .split("\n\n")
        .all(|p| p == "Level text, which is here."));
}

#[test]
fn entities_in_attributes_and_titles_are_decoded() {
    let html = "<title>Caf&eacute; &#8211; news &amp;amp; more</title><p>Text.</p>";
    assert_eq!(
        extract_article(html).title.as_deref(),
        Some("Café – news &amp; more")
    );
}

#[test]
fn byline_is_taken_out_of_the_text() {
    let html = "<article><h1>Storm</h1><div class=\"byline\">By Ann Reed</div>\
                <p>The storm arrived on Monday, with winds of 100 km/h, and left on Tuesday.</p></article>";
    let article = extract_article(html);
    assert_eq!(article.byline.as_deref(), Some("By Ann Reed"));
    assert_eq!(article.title.as_deref(), Some("Storm"));
    assert_eq!(
        article.text,
        "The storm arrived on Monday, with winds of 100 km/h, and left on Tuesday."
    );
}

#[test]
fn the_extracted_text_summarizes_into_article_sentences() {
    let html = std::fs::read_to_string(data_dir().join("news-semantic.html")).expect("page");
    let article = extract_article(&html);
    let result =
        nutshell::summarize(&article.text, &nutshell::Options::default()).expect("summary");
    common::invariants::check_summary(&article.text, &result);
    assert_eq!(
        result.stats.paragraphs, 5,
        "the segmenter sees the paragraphs"
    );
    for s in &result.summary {
        assert!(
            !s.text.contains("COMMENT") && !s.text.contains("cookie"),
            "{}",
            s.text
        );
    }
}

#[test]
fn cms_classes_on_article_do_not_drop_it_but_comment_articles_are_dropped() {
    let html = "<article class=\"post-12 post tag-comments share-enabled\">\
        <p>The first paragraph of the post, long enough to count, with a comma, and more.</p></article>\
        <div class=\"discussion\"><article class=\"comment\"><p>A comment that is not the story, at all.</p></article></div>";
    assert_eq!(
        extract_article(html).text,
        "The first paragraph of the post, long enough to count, with a comma, and more."
    );
}

#[test]
fn an_h1_left_open_over_the_article_is_not_the_title() {
    let body = "<p>The article paragraph, long enough to be content, with a comma, and words.</p>"
        .repeat(10);
    let html = format!("<title>Real headline of the story</title><h1>Headline{body}");
    let article = extract_article(&html);
    assert_eq!(article.title.as_deref(), Some("Real headline of the story"));
    assert!(article
        .text
        .starts_with("Headline\n\nThe article paragraph"));
}

#[test]
fn common_ad_cookie_and_share_markup_is_dropped() {
    let noise = [
        "<ins class=\"adsbygoogle\" data-ad-slot=\"1\">AD INS</ins>",
        "<div role=\"dialog\" aria-label=\"Cookies\"><p>COOKIE DIALOG: we value your privacy, accept?</p></div>",
        "<div id=\"onetrust-consent-sdk\"><p>CONSENT SDK text that asks for consent to cookies.</p></div>",
        "<div class=\"social-share\"><a href=\"#\">SHARE LINK</a></div>",
        "<span aria-hidden=\"true\">ICON TEXT</span>",
        "<div class=\"taboola-feed\"><p>TABOOLA: You won't believe these ten photos of cats.</p></div>",
        "<div class=\"newsletter\"><p>NEWSLETTER: sign up for our daily email, it is free.</p></div>",
        "<p>Advertisement</p>",
    ];
    let paragraph = "The museum reopened on Sunday after a renovation that took three years, and 4,000 people visited.";
    let html = format!(
        "<div class=\"story\">{}<p>{paragraph}</p>{}</div>",
        noise.join(""),
        noise.join("")
    );
    assert_eq!(extract_article(&html).text, paragraph);
}
