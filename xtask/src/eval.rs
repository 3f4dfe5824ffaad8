//! `cargo xtask eval [--split dev|test]`: the three scorers of `../shared/eval/` on the
//! release CLI, each printing its table.
//!
//! Builds `target/release/nutshell` (`--features cli`), makes `.venv/` with the summary
//! scorer's minimal requirements when missing (or when the requirements changed), then runs:
//! segmentation on every `../shared/data/segmentation/*.jsonl` (English sets first), figures
//! on the public gold set and on the Recognizers-Text specs (UTF-8 offsets, one long-lived
//! `--lines` process), and summaries on the chosen split against Lead-3. Any scorer that
//! exits non-zero fails the command. Cost: dominated by the summary split (468 dev articles).

use crate::util::{self, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn run(args: &[String]) -> Result {
    let split = parse_split(args)?;
    let root = util::root();
    let shared = root.join("..").join("shared");
    let eval = shared.join("eval");
    if !eval.is_dir() {
        return Err(format!(
            "{} not found: the evaluation data and scorers live in ../shared beside the repository",
            eval.display()
        ));
    }
    util::run(util::cmd("cargo").args(["build", "--release", "--features", "cli"]))?;
    let venv_python = ensure_venv(&eval.join("summ").join("requirements-min.txt"))?;
    // Absolute: some scorers run the command from their own directory.
    let cli = shell_quote(&crate::build::target_dir().join("release").join("nutshell"));

    section("Segmentation");
    let mut seg = python3();
    seg.arg(eval.join("seg").join("score.py"))
        .args(["--cmd", &format!("{cli} segment --json")]);
    for set in segmentation_sets(&shared.join("data").join("segmentation"))? {
        seg.arg("--set").arg(set);
    }
    util::run(&mut seg)?;

    section("Key figures: public gold set");
    let facts_cmd = format!("{cli} figures --json --lines");
    let facts_score = eval.join("facts").join("score.py");
    util::run(python3().arg(&facts_score).args([
        "--offset-unit",
        "utf8",
        "--lines-cmd",
        &facts_cmd,
        "--split",
        "public",
    ]))?;

    section("Key figures: Recognizers-Text specs");
    util::run(python3().arg(&facts_score).args([
        "--specs",
        "--offset-unit",
        "utf8",
        "--lines-cmd",
        &facts_cmd,
    ]))?;

    section(&format!("Summaries: {split} split, against Lead-3"));
    util::run(
        util::cmd(&venv_python.to_string_lossy())
            .arg(eval.join("summ").join("summ_eval.py"))
            .args([
                "--split",
                split,
                "--systems",
                "lead3",
                "--cmd",
                &format!("{cli} summarize --json"),
                "--cmd-name",
                "nutshell",
                "--compare-to",
                "lead3",
            ]),
    )
}

fn parse_split(args: &[String]) -> Result<&'static str> {
    match args {
        [] => Ok("dev"),
        [flag, value] if flag == "--split" => match value.as_str() {
            "dev" => Ok("dev"),
            "test" => Ok("test"),
            other => Err(format!("--split must be dev or test, got `{other}`")),
        },
        _ => Err("usage: cargo xtask eval [--split dev|test]".into()),
    }
}

/// `path` as one word for `bash -c` / `sh -c` (the scorers' command strings).
fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', r"'\''"))
}

fn python3() -> Command {
    util::cmd("python3")
}

fn section(title: &str) {
    println!("\n### {title}\n");
}

/// All segmentation sets, English first (the headline numbers), then the rest by name.
fn segmentation_sets(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut sets: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    let english_first = |p: &PathBuf| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        let rank = match name.as_ref() {
            "golden_rules_en.jsonl" => 0,
            "pragmatic_more_en.jsonl" => 1,
            _ => 2,
        };
        (rank, name.into_owned())
    };
    sets.sort_by_key(english_first);
    if sets.is_empty() {
        return Err(format!("no .jsonl sets in {}", dir.display()));
    }
    Ok(sets)
}

/// `.venv/` with the summary scorer's requirements; returns its python.
fn ensure_venv(requirements: &Path) -> Result<PathBuf> {
    let venv = util::root().join(".venv");
    let python = venv.join("bin").join("python");
    let wanted = util::read(requirements)?;
    // A copy of the requirements written after a successful install marks the venv current.
    let stamp = venv.join(".xtask-requirements.txt");
    if python.exists() && std::fs::read(&stamp).ok().as_deref() == Some(&wanted[..]) {
        return Ok(python);
    }
    if !python.exists() {
        make_venv(&venv)?;
    }
    util::run(
        util::cmd(&python.to_string_lossy())
            .args([
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "-r",
            ])
            .arg(requirements),
    )?;
    std::fs::write(&stamp, &wanted)
        .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(python)
}

/// `python3 -m venv`; on Debian that needs the `python3-venv` package, installed when root.
fn make_venv(venv: &Path) -> Result {
    if util::run(python3().args(["-m", "venv"]).arg(venv)).is_ok() {
        return Ok(());
    }
    if !util::is_root() {
        return Err("`python3 -m venv` failed: install python3-venv (Debian) and run again".into());
    }
    // A half-made venv would make the next check think it exists.
    let _ = std::fs::remove_dir_all(venv);
    for args in [&["update"][..], &["install", "-y", "python3-venv"][..]] {
        util::run(
            Command::new("apt-get")
                .args(args)
                .env("DEBIAN_FRONTEND", "noninteractive")
                .stdin(std::process::Stdio::null()),
        )?;
    }
    util::run(python3().args(["-m", "venv"]).arg(venv))
}
