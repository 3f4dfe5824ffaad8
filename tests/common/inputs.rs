//! Deterministic input generators for the adversarial tests and benchmarks: each
//! adversarial input of issue 9 and a normal news-like text of any size to compare with.
//! No randomness beyond a fixed linear congruential sequence, so every run sees the same
//! bytes.

#![allow(dead_code)]

/// One mebibyte.
pub const MB: usize = 1 << 20;

/// A news-like text of at least `bytes` bytes: varied sentences of 12–30 words with
/// figures, four sentences to a paragraph, blank lines between paragraphs.
pub fn normal_text(bytes: usize) -> String {
    const SUBJECTS: &[&str] = &[
        "The city council",
        "The harbour authority",
        "A group of volunteers",
        "The regional bank",
        "Engineers at the plant",
        "The school board",
        "Local farmers",
        "The transport office",
        "A spokeswoman for the hospital",
        "The mayor's office",
        "Union leaders",
        "The weather service",
    ];
    const VERBS: &[&str] = &[
        "approved",
        "rejected",
        "announced",
        "delayed",
        "reported",
        "expanded",
        "reviewed",
        "criticised",
        "funded",
        "opened",
    ];
    const OBJECTS: &[&str] = &[
        "a new budget for bus routes",
        "the repair of the old bridge",
        "plans for a second clinic",
        "a study of river pollution",
        "the sale of the former mill",
        "longer opening hours",
        "a scheme to plant trees",
        "higher tolls on the ring road",
        "the merger of two schools",
        "a review of flood defences",
        "cheaper tickets for students",
    ];
    const TAILS: &[&str] = &[
        "after a long debate on Tuesday",
        "despite protests from residents",
        "in a vote that surprised observers",
        "following months of talks",
        "although several members abstained",
        "which critics called overdue",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut text = String::with_capacity(bytes + 256);
    let mut sentence = 0;
    while text.len() < bytes {
        let figure = match next(4) {
            0 => format!(", costing ${}.{} million", 1 + next(90), next(10)),
            1 => format!(", up {}.{}% on last year", next(20), next(10)),
            2 => format!(
                ", affecting about {},{:03} people",
                1 + next(60),
                next(1000)
            ),
            _ => String::new(),
        };
        text.push_str(&format!(
            "{} {} {}{} {}.",
            SUBJECTS[next(SUBJECTS.len())],
            VERBS[next(VERBS.len())],
            OBJECTS[next(OBJECTS.len())],
            figure,
            TAILS[next(TAILS.len())]
        ));
        sentence += 1;
        text.push_str(if sentence % 4 == 0 { "\n\n" } else { " " });
    }
    text
}

/// A news-like HTML page of at least `bytes` bytes: navigation, an article of `normal_text`
/// paragraphs, comments and a footer.
pub fn normal_html(bytes: usize) -> String {
    let body = normal_text(bytes.saturating_sub(600));
    let paragraphs: String = body
        .split("\n\n")
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    format!(
        "<!doctype html><html><head><title>News</title><script>var x = 1;</script></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav><main><article><h1>Council news</h1>\
         {paragraphs}</article><section class=comments><p>A comment.</p></section></main>\
         <footer>Footer</footer></body></html>"
    )
}

/// One word of `bytes` letters, no spaces or punctuation.
pub fn long_word(bytes: usize) -> String {
    "abcdefghijklmnopqrstuvwxyz"
        .chars()
        .cycle()
        .take(bytes)
        .collect()
}

/// About `bytes` bytes of words and commas without a single period, `!`, `?` or newline.
/// Returns the text and its number of words.
pub fn no_period(bytes: usize) -> (String, usize) {
    const WORDS: &[&str] = &[
        "river",
        "council",
        "budget",
        "bridge",
        "repair",
        "voted",
        "harbour",
        "traffic",
        "school",
        "and",
        "the",
        "of",
        "tolls",
        "engineers",
        "steel",
        "cable",
        "weeks",
        "residents",
    ];
    let mut text = String::with_capacity(bytes + 16);
    let mut words = 0;
    while text.len() < bytes {
        text.push_str(WORDS[words % WORDS.len()]);
        words += 1;
        text.push_str(if words % 9 == 0 { ", " } else { " " });
    }
    (text, words)
}

/// `lines` lines of one character each, cycling through lower and upper case letters.
pub fn one_char_lines(lines: usize) -> String {
    let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
    let mut text = String::with_capacity(lines * 2);
    for i in 0..lines {
        text.push(letters[i % letters.len()]);
        text.push('\n');
    }
    text
}

/// `count` decimal digits, no separators.
pub fn digits(count: usize) -> String {
    "1234567890".chars().cycle().take(count).collect()
}

/// `depth` nested `<div>`s around one paragraph, closed again.
pub fn nested_html(depth: usize, paragraph: &str) -> String {
    format!(
        "{}<p>{paragraph}</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// `count` copies of one sentence.
pub fn identical_sentences(count: usize, sentence: &str) -> String {
    let mut text = String::with_capacity(count * (sentence.len() + 1));
    for _ in 0..count {
        text.push_str(sentence);
        text.push(' ');
    }
    text
}
