//! `cargo xtask fuzz [SECONDS]`: runs every fuzz target of `fuzz/` for SECONDS each
//! (default 60), one after the other, and prints the executions per target.
//!
//! Needs the nightly toolchain (`cargo +nightly`) and cargo-fuzz, which it installs from
//! crates.io with `cargo install cargo-fuzz` when missing. Each target starts from its seed
//! corpus (committed, in `fuzz/seeds/` and `tests/data/html/`) plus what earlier runs
//! found (`fuzz/corpus/<target>/`, not committed). Built without a sanitizer (safe Rust)
//! but with debug assertions, so overflows count as crashes; an input slower than
//! 10 s is reported as a crash too (a hang). A crash stops the run with the reproducer's
//! path (`fuzz/artifacts/<target>/`); turn it into a regression test in `tests/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The fuzz targets and their seed directories (relative to the repository root).
pub const TARGETS: &[(&str, &[&str])] = &[
    ("summarize", &["fuzz/seeds/summarize", "fuzz/seeds/text"]),
    ("segment", &["fuzz/seeds/text"]),
    ("figures", &["fuzz/seeds/text"]),
    ("html", &["tests/data/html"]),
];

/// Longest input the fuzzer tries, in bytes: big enough for a small page.
const MAX_LEN: usize = 8192;
/// An input that takes longer than this (seconds) is a hang.
const TIMEOUT_SECONDS: u64 = 10;

/// Entry point: `args` are what follows `fuzz` on the command line.
pub fn run(args: &[String]) -> Result<(), String> {
    let (seconds, only) = parse_args(args)?;
    let root = repo_root()?;
    ensure_cargo_fuzz()?;
    let mut results = Vec::new();
    for (target, seeds) in TARGETS {
        if only.as_deref().is_some_and(|o| o != *target) {
            continue;
        }
        let result = run_target(&root, target, seeds, seconds)?;
        results.push(result);
    }
    if results.is_empty() {
        return Err(format!(
            "unknown target {:?}; targets: {}",
            only.unwrap_or_default(),
            TARGETS.iter().map(|t| t.0).collect::<Vec<_>>().join(", ")
        ));
    }
    println!(
        "\n{:<10} {:>8} {:>14} {:>10} {:>7}",
        "target", "seconds", "executions", "exec/s", "corpus"
    );
    for r in &results {
        println!(
            "{:<10} {:>8.0} {:>14} {:>10.0} {:>7}",
            r.target,
            r.seconds,
            r.executions,
            r.executions as f64 / r.seconds.max(1e-9),
            r.corpus
        );
    }
    let crashed: Vec<&TargetResult> = results.iter().filter(|r| !r.ok).collect();
    if crashed.is_empty() {
        println!("no crashes");
        Ok(())
    } else {
        Err(format!(
            "crash in {} (reproducers in fuzz/artifacts/)",
            crashed
                .iter()
                .map(|r| r.target)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

struct TargetResult {
    target: &'static str,
    seconds: f64,
    executions: u64,
    corpus: u64,
    ok: bool,
}

fn parse_args(args: &[String]) -> Result<(u64, Option<String>), String> {
    let mut seconds = 60;
    let mut only = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--target" => only = Some(iter.next().ok_or("--target needs a name")?.clone()),
            s => {
                seconds = s.parse().map_err(|_| {
                    format!("usage: cargo xtask fuzz [SECONDS] [--target NAME]; got {s:?}")
                })?
            }
        }
    }
    Ok((seconds, only))
}

fn repo_root() -> Result<PathBuf, String> {
    // The xtask crate lives in `<root>/xtask`.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| "cannot find the repository root".to_string())
}

/// Installs cargo-fuzz if `cargo fuzz` is not there (idempotent).
fn ensure_cargo_fuzz() -> Result<(), String> {
    let present = Command::new("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if present {
        return Ok(());
    }
    println!("installing cargo-fuzz (cargo install cargo-fuzz)…");
    let status = Command::new("cargo")
        .args(["install", "cargo-fuzz"])
        .status()
        .map_err(|e| format!("cargo install cargo-fuzz: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("cargo install cargo-fuzz failed".to_string())
    }
}

fn run_target(
    root: &Path,
    target: &'static str,
    seeds: &[&str],
    seconds: u64,
) -> Result<TargetResult, String> {
    let corpus = root.join("fuzz/corpus").join(target);
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    println!("== fuzz {target} for {seconds} s");
    let started = Instant::now();
    let mut command = Command::new("cargo");
    command
        .current_dir(root)
        .args([
            "+nightly",
            "fuzz",
            "run",
            "--sanitizer",
            "none",
            "--debug-assertions",
            target,
        ])
        .arg(&corpus);
    for seed in seeds {
        command.arg(root.join(seed));
    }
    command.args([
        "--".to_string(),
        format!("-max_total_time={seconds}"),
        format!("-max_len={MAX_LEN}"),
        format!("-timeout={TIMEOUT_SECONDS}"),
        "-print_final_stats=1".to_string(),
    ]);
    let output = command
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
    let log = String::from_utf8_lossy(&output.stderr);
    let ok = output.status.success();
    if !ok {
        // Show the end of libFuzzer's report: the panic message and the reproducer path.
        let lines: Vec<&str> = log.lines().collect();
        for line in &lines[lines.len().saturating_sub(40)..] {
            eprintln!("{line}");
        }
    }
    Ok(TargetResult {
        target,
        // libFuzzer's own "Done N runs in S second(s)" excludes the build.
        seconds: fuzz_seconds(&log).unwrap_or_else(|| started.elapsed().as_secs_f64()),
        executions: final_stat(&log, "stat::number_of_executed_units:")
            .or_else(|| last_status_count(&log))
            .unwrap_or(0),
        corpus: std::fs::read_dir(&corpus).map_or(0, |d| d.count() as u64),
        ok,
    })
}

/// The fuzzing time from libFuzzer's closing line "Done N runs in S second(s)".
fn fuzz_seconds(log: &str) -> Option<f64> {
    let line = log.lines().rev().find(|l| l.starts_with("Done "))?;
    let after = line.split(" in ").nth(1)?;
    after.split_whitespace().next()?.parse().ok()
}

/// A number from libFuzzer's `-print_final_stats` block.
fn final_stat(log: &str, key: &str) -> Option<u64> {
    log.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix(key))
        .and_then(|v| v.trim().parse().ok())
}

/// The execution count of the last status line (`#12345 NEW …`), for runs that crashed
/// before printing final stats.
fn last_status_count(log: &str) -> Option<u64> {
    log.lines()
        .rev()
        .find_map(|l| l.strip_prefix('#')?.split_whitespace().next()?.parse().ok())
}
