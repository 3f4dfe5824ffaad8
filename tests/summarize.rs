//! End-to-end tests of `nutshell::summarize` on texts written for the tests
//! (`tests/data/summ/`, see its README): budgets, document order, faithful spans,
//! determinism, boilerplate, redundancy, titles, non-news documents and explanations.

use nutshell::{summarize, OptionValue, Options, Summary};
use std::collections::BTreeSet;

fn read(name: &str) -> String {
    let path = format!("{}/tests/data/summ/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const TEXTS: &[&str] = &["news.txt", "essay.txt", "howto.txt", "report.txt"];

fn options(pairs: &[(&str, OptionValue)]) -> Options {
    let mut o = Options::default();
    for (name, value) in pairs {
        o.set(name, value.clone()).unwrap();
    }
    o
}

fn run(text: &str, pairs: &[(&str, OptionValue)]) -> Summary {
    summarize(text, &options(pairs)).unwrap()
}

fn num(n: f64) -> OptionValue {
    OptionValue::Number(n)
}

fn chosen_texts(s: &Summary) -> Vec<&str> {
    s.summary.iter().map(|x| x.text.as_str()).collect()
}

#[test]
fn default_is_three_sentences_in_document_order() {
    for name in TEXTS {
        let text = read(name);
        let s = run(&text, &[]);
        assert_eq!(s.summary.len(), 3, "{name}");
        let idx: Vec<usize> = s.summary.iter().map(|x| x.index).collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "{name}: {idx:?}");
        for x in &s.summary {
            assert!(s.sentences[x.index].selected);
            assert_eq!(&s.sentences[x.index], x);
        }
        assert_eq!(s.sentences.iter().filter(|x| x.selected).count(), 3);
        let words: usize = s.summary.iter().map(|x| x.words).sum();
        assert_eq!(s.stats.summary_words, words);
    }
}

#[test]
fn spans_slice_to_their_text() {
    for name in TEXTS {
        let text = read(name);
        let s = run(&text, &[]);
        for x in &s.sentences {
            assert_eq!(&text[x.start..x.end], x.text);
        }
        for k in &s.keyphrases {
            assert_eq!(&text[k.start..k.end], k.text, "{name}");
        }
        for f in &s.facts {
            assert_eq!(&text[f.start..f.end], f.text, "{name}");
        }
    }
}

#[test]
fn same_input_gives_byte_identical_output() {
    for name in TEXTS {
        let text = read(name);
        let first = serde_json::to_string(&run(&text, &[])).unwrap();
        // Interleave other work so that no state leaks between calls.
        let _ = run(
            &read("essay.txt"),
            &[("preset", OptionValue::Text("tldr".into()))],
        );
        let second = serde_json::to_string(&run(&text, &[])).unwrap();
        assert_eq!(first, second, "{name}");
    }
}

#[test]
fn budgets_are_respected() {
    let text = read("report.txt");
    let n = run(&text, &[]).sentences.len();
    assert_eq!(run(&text, &[("sentences", num(5.0))]).summary.len(), 5);
    let ratio = run(&text, &[("ratio", num(0.25))]).summary.len();
    assert_eq!(ratio, ((n as f64) * 0.25).round() as usize);
    for budget in [25.0, 60.0, 120.0] {
        let s = run(&text, &[("words", num(budget))]);
        assert!(s.stats.summary_words <= budget as usize, "{budget}");
        assert!(!s.summary.is_empty());
    }
    for budget in [150.0, 400.0] {
        let s = run(&text, &[("chars", num(budget))]);
        let chars: usize = s.summary.iter().map(|x| x.text.chars().count()).sum();
        assert!(chars <= budget as usize, "{budget}: {chars}");
    }
    // A budget smaller than any sentence still gives one sentence.
    assert_eq!(run(&text, &[("words", num(1.0))]).summary.len(), 1);
    assert_eq!(run(&text, &[("sentences", num(1000.0))]).summary.len(), n);
}

#[test]
fn presets() {
    let text = read("news.txt");
    let preset = |p: &str| run(&text, &[("preset", OptionValue::Text(p.into()))]);
    let headline = preset("headline");
    assert_eq!(headline.summary.len(), 1);
    assert!(headline.summary[0]
        .text
        .starts_with("The town of Ashford Vale"));
    assert!(preset("tldr").stats.summary_words <= 60);
    assert_eq!(preset("key-points").summary.len(), 5);
}

#[test]
fn page_furniture_is_never_chosen() {
    let text = read("news.txt");
    let s = run(&text, &[("sentences", num(8.0))]);
    for x in &s.summary {
        let t = x.text.to_lowercase();
        for junk in [
            "scroll down",
            "click here",
            "follow us",
            "published:",
            "photo:",
            "by mara",
        ] {
            assert!(!t.contains(junk), "chose {:?}", x.text);
        }
        assert!(!x.text.ends_with('?'), "chose a bare question {:?}", x.text);
    }
    assert!(s.summary[0].text.starts_with("The town of Ashford Vale"));
    let furniture = s
        .sentences
        .iter()
        .find(|x| x.text == "Scroll down for video")
        .unwrap();
    assert_eq!(furniture.parts.boilerplate, 1.0);
    assert!(s.keyphrases.iter().all(|k| k.text != "EST"));
}

#[test]
fn headings_are_not_chosen_and_structured_documents_are_not_just_the_lead() {
    let text = read("howto.txt");
    let s = run(&text, &[("preset", OptionValue::Text("key-points".into()))]);
    let headings = [
        "How to Repot a Houseplant",
        "What you need",
        "Common mistakes",
    ];
    for x in &s.summary {
        assert!(!headings.contains(&x.text.as_str()), "{:?}", x.text);
    }
    let report = run(
        &read("report.txt"),
        &[("preset", OptionValue::Text("key-points".into()))],
    );
    assert!(
        report.summary.iter().any(|x| x.index > 6),
        "a report's key points reach past its introduction: {:?}",
        chosen_texts(&report)
    );
}

#[test]
fn near_duplicates_are_not_both_chosen() {
    let text = "The museum will reopen on Saturday after a two-year renovation. \
        The museum will reopen on Saturday after its two-year renovation. \
        Tickets cost twelve euros and are on sale online from Monday. \
        The new wing holds the city's collection of maps and globes. \
        Opening hours are ten to six every day except Tuesday.";
    let s = run(text, &[]);
    let reopen = s
        .summary
        .iter()
        .filter(|x| x.text.starts_with("The museum will reopen"))
        .count();
    assert_eq!(reopen, 1, "{:?}", chosen_texts(&s));
    let skipped = s.sentences[..2].iter().find(|x| !x.selected).unwrap();
    assert!(skipped.parts.redundancy >= nutshell::select::DUPLICATE);
}

/// Unigram F1 of lowercase alphanumeric words (a crude ROUGE-1).
fn overlap(summary: &str, reference: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (s, r) = (words(summary), words(reference));
    let rset: BTreeSet<&String> = r.iter().collect();
    let sset: BTreeSet<&String> = s.iter().collect();
    let hits = s.iter().filter(|w| rset.contains(w)).count() as f64;
    let recall_hits = r.iter().filter(|w| sset.contains(w)).count() as f64;
    let (p, q) = (
        hits / s.len().max(1) as f64,
        recall_hits / r.len().max(1) as f64,
    );
    if p + q == 0.0 {
        0.0
    } else {
        2.0 * p * q / (p + q)
    }
}

#[test]
fn a_title_improves_the_summary() {
    let refs: serde_json::Value = serde_json::from_str(&read("references.json")).unwrap();
    for (name, case) in refs.as_object().unwrap() {
        let text = read(name);
        let title = case["title"].as_str().unwrap();
        let reference = case["reference"].as_str().unwrap();
        let without = run(&text, &[]);
        let with = run(&text, &[("title", OptionValue::Text(title.into()))]);
        let join = |s: &Summary| chosen_texts(s).join(" ");
        let (a, b) = (
            overlap(&join(&without), reference),
            overlap(&join(&with), reference),
        );
        assert!(
            b > a + 0.05,
            "{name}: overlap {a:.3} without the title, {b:.3} with it\n{:?}",
            chosen_texts(&with)
        );
        assert!(with.sentences.iter().any(|x| x.parts.title > 0.5));
        assert!(without.sentences.iter().all(|x| x.parts.title == 0.0));
    }
}

#[test]
fn explanations_have_stable_fields() {
    let s = run(&read("news.txt"), &[]);
    let json = serde_json::to_value(&s.sentences[0]).unwrap();
    let keys: Vec<&str> = json["parts"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    let mut expected = vec![
        "position",
        "centrality",
        "graph",
        "coverage",
        "title",
        "figures",
        "entities",
        "length",
        "boilerplate",
        "redundancy",
    ];
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    for x in &s.sentences {
        let p = &x.parts;
        for v in [
            p.position,
            p.graph,
            p.coverage,
            p.title,
            p.figures,
            p.entities,
            p.boilerplate,
            p.redundancy,
        ] {
            assert!((0.0..=1.0).contains(&v), "{p:?}");
        }
        assert!((-1.0..=1.0).contains(&p.centrality) && (-1.0..=1.0).contains(&p.length));
        assert!((x.score - p.total()).abs() < 1e-12);
    }
    // The part that explains a chosen figure-heavy sentence is non-zero.
    let money = s
        .sentences
        .iter()
        .find(|x| x.text.contains("£1.2 million"))
        .unwrap();
    assert!(money.parts.figures > 0.0);
}

#[test]
fn keyphrases_are_ranked_and_multi_word_where_natural() {
    let s = run(&read("report.txt"), &[("keyphrases", num(15.0))]);
    assert_eq!(s.keyphrases.len(), 15);
    assert_eq!(s.keyphrases[0].weight, 1.0);
    assert!(s.keyphrases.windows(2).all(|w| w[0].weight >= w[1].weight));
    assert!(s.keyphrases.iter().any(|k| k.text.contains(' ')));
    assert!(s.keyphrases.iter().all(|k| k.count >= 1));
    let none = run(&read("report.txt"), &[("keyphrases", num(0.0))]);
    assert!(none.keyphrases.is_empty());
}

/// A long document whose opening is a generic preface and whose body is about one topic:
/// position must not decide the summary.
#[test]
fn long_documents_are_not_summarized_by_position() {
    let mut text = String::from(
        "This volume collects papers presented at the annual meeting. \
         The editors thank the reviewers and the organising committee. \
         Papers appear in the order of the programme.\n\n",
    );
    let topics = [
        "Glacier melt in the Alps accelerated sharply after 2010, according to new survey data.",
        "Survey teams measured glacier thickness at forty stations across the Alps.",
        "Meltwater from Alpine glaciers now feeds rivers earlier in the spring.",
    ];
    for i in 0..400 {
        text.push_str(&format!(
            "Section {i} reports routine measurements of station {i} and notes minor calibration work {}. ",
            i * 7
        ));
        if i % 40 == 0 {
            text.push_str(topics[(i / 40) % 3]);
            text.push(' ');
        }
        if i % 10 == 9 {
            text.push_str("\n\n");
        }
    }
    let s = run(&text, &[]);
    assert!(s.stats.words > 5000);
    assert!(
        s.summary.iter().any(|x| x.index > 2),
        "{:?}",
        chosen_texts(&s)
    );
}

#[test]
fn edge_inputs_do_not_panic() {
    for text in [
        "",
        " \n\n ",
        "One.",
        "no punctuation at all",
        "?!?!",
        "“Quoted” — ‘single’ … ünïcödé 東京 🎉 text. Another line!",
        "Scroll down for video",
    ] {
        let s = run(text, &[]);
        assert!(s.summary.len() <= s.sentences.len());
        for x in &s.sentences {
            assert_eq!(&text[x.start..x.end], x.text);
        }
    }
}

/// A deterministic pseudo-random generator (no dependency, same sequence everywhere).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn property_random_texts_keep_the_invariants() {
    let pieces = [
        "The council",
        " met",
        " on Monday",
        ".",
        " Prices rose 3.5%",
        " in Zürich",
        "!",
        " “Really?”",
        " she asked",
        "\n\n",
        " By Ann Lee",
        " Scroll down for video",
        " 東京",
        " £12m",
        " and",
        " the",
        " report",
        "…",
        " (AP)",
        " e.g.",
        " Dr.",
        " 🎉",
        " -",
    ];
    let mut rng = Lcg(7);
    for case in 0..300 {
        let len = (rng.next() % 80) as usize;
        let text: String = (0..len)
            .map(|_| pieces[(rng.next() % pieces.len() as u64) as usize])
            .collect();
        let budget = match case % 4 {
            0 => ("sentences", num((1 + rng.next() % 6) as f64)),
            1 => ("words", num((1 + rng.next() % 50) as f64)),
            2 => ("chars", num((1 + rng.next() % 300) as f64)),
            _ => ("ratio", num(0.1 + (rng.next() % 9) as f64 / 10.0)),
        };
        let s = run(&text, &[budget]);
        let idx: Vec<usize> = s.summary.iter().map(|x| x.index).collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "{text:?}");
        if !s.sentences.is_empty() {
            assert!(!s.summary.is_empty(), "{text:?}");
        }
        for x in s.sentences.iter().chain(&s.summary) {
            assert_eq!(&text[x.start..x.end], x.text);
            assert!(x.score.is_finite());
        }
        for k in &s.keyphrases {
            assert_eq!(&text[k.start..k.end], k.text);
            assert!(k.weight > 0.0 && k.weight <= 1.0);
        }
    }
}

/// Text pasted with its markup, separators, a table of contents and page numbers: the
/// non-prose material is never a sentence of the summary or of `sentences`, nor a figure,
/// and every sentence still slices the original.
#[test]
fn non_prose_material_is_never_a_sentence_or_a_figure() {
    let text = "<h1>Harbor plan approved</h1>\n\
        Contents\n\
        The vote........2\n\
        What comes next....... 14-15\n\
        ==========\n\
        <p>The Harbor City council approved a $2 billion plan on Monday to rebuild the \
        flooded waterfront. The plan raises the sea wall by 3 meters.</p>\n\
        \n\
        7\n\
        \n\
        <p>About 12,000 households will move over the next decade, officials said. \
        Work begins in September.</p>\\r\\nCritics said the cost could rise by 40%.\n\
        ////\n";
    let s = run(text, &[("ratio", num(1.0))]);
    let all: Vec<&str> = s.sentences.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(
        all,
        [
            "Harbor plan approved",
            "Contents",
            "The vote",
            "What comes next",
            "The Harbor City council approved a $2 billion plan on Monday to rebuild the \
             flooded waterfront.",
            "The plan raises the sea wall by 3 meters.",
            "About 12,000 households will move over the next decade, officials said.",
            "Work begins in September.",
            "Critics said the cost could rise by 40%.",
        ]
    );
    for x in &s.sentences {
        assert_eq!(&text[x.start..x.end], x.text);
    }
    let figures: Vec<&str> = s.facts.iter().map(|f| f.text.as_str()).collect();
    for page in ["2", "14-15", "7"] {
        assert!(
            !figures.contains(&page),
            "page number {page} in {figures:?}"
        );
    }
    assert!(
        figures.contains(&"$2 billion") && figures.contains(&"40%"),
        "{figures:?}"
    );
}
