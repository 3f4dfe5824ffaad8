//! Key figures: the table-driven cases in `tests/data/figures/*.jsonl` (see the README there)
//! and properties that must hold on any input (no panic, faithful spans, order, determinism).

use nutshell::{Fact, Value};
use serde_json::Value as Json;
use std::path::Path;

fn number_eq(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn value_json(v: &Value) -> Json {
    serde_json::to_value(v).unwrap()
}

fn values_match(got: &Json, want: &Json) -> bool {
    match (got, want) {
        (Json::Number(g), Json::Number(w)) => number_eq(g.as_f64().unwrap(), w.as_f64().unwrap()),
        (Json::Array(g), Json::Array(w)) => {
            g.len() == w.len() && g.iter().zip(w).all(|(a, b)| values_match(a, b))
        }
        _ => got == want,
    }
}

/// Differences between a fact and its expected JSON, as readable lines.
fn diff(f: &Fact, want: &Json) -> Vec<String> {
    let mut out = Vec::new();
    let field = |name: &str| want.get(name).cloned().unwrap_or(Json::Null);
    let kind = serde_json::to_value(f.kind).unwrap();
    if Json::String(f.text.clone()) != field("text") {
        out.push(format!("text {:?} != {}", f.text, field("text")));
    }
    if kind != field("kind") {
        out.push(format!("kind {kind} != {}", field("kind")));
    }
    if !values_match(&value_json(&f.value), &field("value")) {
        out.push(format!("value {:?} != {}", f.value, field("value")));
    }
    let opt = |v: Option<&str>| v.map_or(Json::Null, |s| Json::String(s.to_string()));
    if opt(f.unit.as_deref()) != field("unit") {
        out.push(format!("unit {:?} != {}", f.unit, field("unit")));
    }
    if Json::Bool(f.approximate)
        != field("approximate")
            .as_bool()
            .map_or(Json::Bool(false), Json::Bool)
    {
        out.push(format!(
            "approximate {} != {}",
            f.approximate,
            field("approximate")
        ));
    }
    if serde_json::to_value(f.bound).unwrap() != field("bound") {
        out.push(format!("bound {:?} != {}", f.bound, field("bound")));
    }
    if opt(f.counted.as_deref()) != field("counted") {
        out.push(format!("counted {:?} != {}", f.counted, field("counted")));
    }
    if opt(f.per.as_deref()) != field("per") {
        out.push(format!("per {:?} != {}", f.per, field("per")));
    }
    out
}

#[test]
fn cases_from_data_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/figures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the case files in {}",
        dir.display()
    );
    let (mut cases, mut failures) = (0, Vec::new());
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (n, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            cases += 1;
            let case: Json = serde_json::from_str(line).unwrap();
            let text = case["text"].as_str().unwrap();
            let want = case["facts"].as_array().unwrap();
            let got = nutshell::figures(text);
            let mut problems = Vec::new();
            if got.len() != want.len() {
                problems.push(format!(
                    "{} facts, want {}: got {:?}",
                    got.len(),
                    want.len(),
                    got.iter().map(|f| f.text.as_str()).collect::<Vec<_>>()
                ));
            }
            for (f, w) in got.iter().zip(want) {
                problems.extend(diff(f, w).into_iter().map(|d| format!("{:?}: {d}", f.text)));
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "{name}:{} {text:?}\n    {}",
                    n + 1,
                    problems.join("\n    ")
                ));
            }
        }
    }
    assert!(cases >= 50, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A small deterministic generator (xorshift), so the property test needs no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const PIECES: &[&str] = &[
    "1",
    "12",
    "2024",
    "3.5",
    "11,000",
    ",",
    ".",
    "-",
    "–",
    "−",
    "/",
    ":",
    "%",
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "½",
    "°",
    "C",
    "km",
    "m",
    "bn",
    "million",
    "crore",
    "lakh",
    "a",
    "one",
    "two",
    "twenty",
    "half",
    "third",
    "quarter",
    "dozen",
    "tens",
    "of",
    "thousands",
    "and",
    "between",
    "to",
    "from",
    "per",
    "cent",
    "year",
    "-year-old",
    "old",
    "Nov.",
    "May",
    "Monday",
    "a.m.",
    "p.m.",
    "GMT",
    "about",
    "more",
    "than",
    "up",
    "Rs",
    "US$",
    "USD",
    "COVID",
    "F",
    "G7",
    "Issue",
    "page",
    "+",
    "(",
    ")",
    "\u{a0}",
    "\u{ad}",
    "\u{2019}",
    "\n",
    "  ",
    "é",
    "😀",
    "points",
    "times",
    "in",
    "six",
    "x10",
    "^",
    "e",
    "bp",
    "Q3",
    "H1",
    "MUSD",
    "USD50",
    "12,34,567",
    "ft",
    "inches",
    "over",
    "first",
    "quarter",
    "ago",
    "p",
    "cents",
    "dollars",
    "[",
    "kg",
    "]",
    "1 234",
    "ரூ",
    "at",
    "Dow",
];

#[test]
fn any_input_gives_faithful_ordered_spans_and_never_panics() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    // FIGURES_PROPERTY_CASES raises the count for a longer local run
    let cases: usize = std::env::var("FIGURES_PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    for _ in 0..cases {
        let len = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
            if rng.next() % 3 != 0 {
                text.push(' ');
            }
        }
        let facts = nutshell::figures(&text);
        let mut last_end = 0;
        for f in &facts {
            assert!(f.start < f.end && f.end <= text.len(), "{text:?}: {f:?}");
            assert_eq!(&text[f.start..f.end], f.text, "{text:?}");
            assert!(
                f.start >= last_end,
                "overlap or disorder in {text:?}: {facts:?}"
            );
            last_end = f.end;
            if let (Some(s), Some(e)) = (f.counted_start, f.counted_end) {
                assert_eq!(Some(&text[s..e]), f.counted.as_deref(), "{text:?}");
            }
            if let Value::Number(v) = f.value {
                assert!(v.is_finite(), "{text:?}: {f:?}");
            }
        }
        assert_eq!(
            facts,
            nutshell::figures(&text),
            "not deterministic: {text:?}"
        );
    }
}

#[test]
fn offsets_are_in_the_original_text() {
    // NBSP, a soft hyphen and curly quotes are normalized away before the scan
    let text = "\u{201c}About 11,000\u{a0}troops\u{201d} and \u{ad}€20m \u{2014} on Nov.\u{a0}5.";
    let facts = nutshell::figures(text);
    let spans: Vec<&str> = facts.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(spans, ["11,000", "€20m", "Nov.\u{a0}5"]);
    assert_eq!(facts[0].counted.as_deref(), Some("troops"));
    assert!(facts[0].approximate);
}

#[test]
fn long_input_is_handled_in_one_pass() {
    let sentence = "Shares rose 3.5% to $12.40 on Friday, and about 2,000 workers joined. ";
    let text = sentence.repeat(2000);
    let facts = nutshell::figures(&text);
    assert_eq!(facts.len(), 4 * 2000);
    assert_eq!(facts.last().unwrap().sentence, 1999);
}
