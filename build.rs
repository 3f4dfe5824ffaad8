//! Writes the English stop list from the `stop-words` crate into `$OUT_DIR/stopwords_en.rs`
//! as a sorted `&[&str]`, so the library can binary-search it and the wasm embeds only
//! this one list.

use std::{env, fs, path::Path};

fn main() {
    let mut words: Vec<String> = stop_words::get(stop_words::Language::English)
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '\''))
        .collect();
    words.sort();
    words.dedup();
    let body: String = words.iter().map(|w| format!("    {w:?},\n")).collect();
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("stopwords_en.rs");
    fs::write(out, format!("&[\n{body}]\n")).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
