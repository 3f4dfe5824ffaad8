//! Every input a fuzz target ever crashed on, replayed through the same checks as the
//! target (`tests/common/invariants.rs`). Inputs live in
//! `tests/data/fuzz-regressions/<target>/`, one file each, named after what they exercise;
//! see the README there.

mod common;

use common::invariants;
use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz-regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for file in files {
        let data = std::fs::read(&file).expect("readable input");
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} fails again", file.display());
    }
}

#[test]
fn figures_regressions() {
    replay("figures", invariants::figures_input);
}

#[test]
fn segment_regressions() {
    replay("segment", invariants::segment_input);
}

#[test]
fn summarize_regressions() {
    replay("summarize", invariants::summarize_input);
}
