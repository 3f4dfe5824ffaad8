//! Sentence segmentation on hand-written news-style cases (`tests/data/segment/`), through
//! the raw segmenter and the public API, plus the English Golden Rules from `../shared`.
//! Cases that list `skipped` also check the non-prose segments (text and kind).

use nutshell::segment::{
    segment_all_in as raw_segment_all_in, segment_in as raw_segment_in, Language,
};
use serde_json::Value;
use std::path::Path;

struct Case {
    id: String,
    text: String,
    language: Language,
    sentences: Vec<String>,
    paragraphs: Option<Vec<usize>>,
    /// Expected non-prose segments: (text, kind).
    skipped: Option<Vec<(String, String)>>,
}

fn load(path: &Path) -> Vec<Case> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
            let code = v["language"].as_str().unwrap_or("en");
            Case {
                id: v["id"].as_str().unwrap_or("?").to_string(),
                text: v["text"].as_str().expect("text").to_string(),
                language: Language::parse(code).unwrap_or_else(|| panic!("bad language {code}")),
                sentences: v["sentences"]
                    .as_array()
                    .expect("sentences")
                    .iter()
                    .map(|s| s.as_str().expect("sentence").to_string())
                    .collect(),
                paragraphs: v["paragraphs"].as_array().map(|a| {
                    a.iter()
                        .map(|p| p.as_u64().expect("paragraph") as usize)
                        .collect()
                }),
                skipped: v["skipped"].as_array().map(|a| {
                    a.iter()
                        .map(|p| {
                            let text = p[0].as_str().expect("skipped text");
                            (text.to_string(), p[1].as_str().expect("kind").to_string())
                        })
                        .collect()
                }),
            }
        })
        .collect()
}

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/segment")
        .join(name)
}

/// The kind as the JSON output names it ("markup", "page-number", …).
fn kind_name(kind: nutshell::segment::SegmentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Collapses whitespace runs (line breaks inside sentences, NBSP) to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs every case of `file` through both entry points; reports all failures at once.
/// Sentences compare with whitespace collapsed; spans must slice to their text exactly.
fn check_file(file: &str) {
    let mut cases = load(&data(file));
    for case in &mut cases {
        case.sentences = case.sentences.iter().map(|s| squash(s)).collect();
    }
    assert!(cases.len() >= 20, "{file}: too few cases");
    let mut failures = Vec::new();
    for case in &cases {
        let raw = raw_segment_in(&case.text, case.language);
        let raw_texts: Vec<String> = raw
            .iter()
            .map(|s| squash(&case.text[s.start..s.end]))
            .collect();
        if raw_texts != case.sentences {
            failures.push(format!(
                "{} (raw)\n  want {:?}\n  got  {:?}",
                case.id, case.sentences, raw_texts
            ));
        }
        let public = nutshell::segment_in(&case.text, case.language);
        let public_texts: Vec<String> = public.iter().map(|s| squash(&s.text)).collect();
        if public_texts != case.sentences {
            failures.push(format!(
                "{} (public)\n  want {:?}\n  got  {:?}",
                case.id, case.sentences, public_texts
            ));
        }
        for s in &public {
            assert_eq!(
                &case.text[s.start..s.end],
                s.text,
                "{}: span does not slice to its text",
                case.id
            );
        }
        if let Some(want) = &case.skipped {
            let raw: Vec<(String, String)> = raw_segment_all_in(&case.text, case.language)
                .into_iter()
                .filter(|s| !s.kind.is_sentence())
                .map(|s| (case.text[s.start..s.end].to_string(), kind_name(s.kind)))
                .collect();
            let public: Vec<(String, String)> = nutshell::segment_all_in(&case.text, case.language)
                .into_iter()
                .filter(|s| !s.kind.is_sentence())
                .map(|s| (s.text, kind_name(s.kind)))
                .collect();
            for (name, got) in [("raw", raw), ("public", public)] {
                if &got != want {
                    failures.push(format!(
                        "{} skipped ({name}): want {want:?} got {got:?}",
                        case.id
                    ));
                }
            }
        }
        if let Some(want) = &case.paragraphs {
            let got: Vec<usize> = raw.iter().map(|s| s.paragraph).collect();
            if &got != want {
                failures.push(format!("{} paragraphs: want {want:?} got {got:?}", case.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn news_english() {
    check_file("news_en.jsonl");
}

#[test]
fn non_prose_material_english() {
    check_file("nonprose_en.jsonl");
}

#[test]
fn news_other_languages() {
    check_file("news_multi.jsonl");
}

#[test]
fn auto_detects_the_language_of_the_multilingual_cases() {
    // Detection must pick a language whose rules give the same sentences.
    let mut failures = Vec::new();
    for case in load(&data("news_multi.jsonl")) {
        let got: Vec<String> = nutshell::segment(&case.text)
            .iter()
            .map(|s| squash(&s.text))
            .collect();
        let want: Vec<String> = case.sentences.iter().map(|s| squash(s)).collect();
        if got != want {
            failures.push(format!("{}: {got:?}", case.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The English Golden Rules (pragmatic_segmenter's 52 rules), read from the shared data
/// beside the repository (never copied into it). Compared like the scorer: whitespace runs
/// collapse to one space.
#[test]
fn golden_rules_english_all_pass() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/segmentation/golden_rules_en.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the shared data must sit beside the repository)",
            path.display()
        )
    });
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("json");
        let text = v["text"].as_str().expect("text");
        let want: Vec<String> = v["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| squash(s.as_str().unwrap()))
            .collect();
        let got: Vec<String> = nutshell::segment(text)
            .iter()
            .map(|s| squash(&s.text))
            .collect();
        if got != want {
            failures.push(format!("{}: {got:?}", v["id"]));
        }
        n += 1;
    }
    assert_eq!(n, 52);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unknown_language_is_an_error_naming_the_option() {
    let mut o = nutshell::Options::default();
    let e = o
        .set("language", nutshell::OptionValue::Text("xx".into()))
        .unwrap_err();
    assert_eq!(e.option(), Some("language"));
}

#[test]
fn summarize_uses_the_language_option() {
    let text = "Die Wahl findet am 3. Oktober statt. Der Rat tagt am 5. Mai. Dann ist Pause.";
    let mut o = nutshell::Options::default();
    o.set("language", nutshell::OptionValue::Text("de".into()))
        .unwrap();
    o.set("sentences", nutshell::OptionValue::Number(3.0))
        .unwrap();
    let s = nutshell::summarize(text, &o).unwrap();
    let texts: Vec<&str> = s.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Die Wahl findet am 3. Oktober statt.",
            "Der Rat tagt am 5. Mai.",
            "Dann ist Pause."
        ]
    );
    o.set("language", nutshell::OptionValue::Text("en".into()))
        .unwrap();
    let s = nutshell::summarize(text, &o).unwrap();
    assert_eq!(
        s.sentences.len(),
        5,
        "English rules read \"3. Oktober\" as a boundary"
    );
}
