//! `cargo xtask test`: install what is missing, then run every test, in order, and stop at
//! the first failing stage with a non-zero exit.
//!
//! Set-up (idempotent): the wasm32 target (rustup); Debian's `chromium` and
//! `chromium-driver` (apt-get, only when missing and only as root); the node packages of
//! `package-lock.json` (`npm ci`, only when the lockfile changed since the last install).
//!
//! Stages:
//! 1. Rust tests: `cargo test --workspace` (xtask's own tests use the `xtask` profile so
//!    its large dependency tree is compiled once, not twice).
//! 2. `#[wasm_bindgen_test]` tests (`tests/wasm.rs`) in node, through wasm-bindgen's test
//!    runner from the pinned library: cargo runs `xtask wasm-test-runner` as the wasm32 runner.
//! 3. The same tests in headless Chromium (chromedriver; flags in `tests/webdriver.json`).
//! 4. The release page build (`cargo xtask build`), the extension (`target/extension/`) and
//!    the npm package (`target/npm/`), then the end-to-end tests (`node --test
//!    tests/e2e/*.test.mjs`, playwright-core driving /usr/bin/chromium): page, extension,
//!    package.

use crate::build::{self, WASM_TARGET};
use crate::util::{self, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Seconds one wasm test may take (the runner's default, 20, is tight on a busy machine).
const WASM_TEST_TIMEOUT_SECS: &str = "120";

/// One step of the test run.
type Stage = fn() -> Result;

pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`test` takes no arguments, got `{extra}`"));
    }
    let started = Instant::now();
    build::ensure_wasm_target()?;
    ensure_chromium()?;
    ensure_node_modules()?;

    let stages: [(&str, Stage); 4] = [
        ("Rust tests (cargo test --workspace)", rust_tests),
        ("wasm tests in node", || wasm_tests(false)),
        ("wasm tests in headless Chromium", || wasm_tests(true)),
        ("page end-to-end tests (node --test)", page_tests),
    ];
    let mut passed = 0;
    for (name, stage) in stages {
        eprintln!("\n==> {name}");
        let stage_started = Instant::now();
        if let Err(e) = stage() {
            println!("\nxtask test: stage `{name}` failed");
            println!("stages: {passed} passed, 1 failed");
            return Err(e);
        }
        passed += 1;
        eprintln!(
            "==> {name}: ok in {:.0} s",
            stage_started.elapsed().as_secs_f64()
        );
    }
    println!(
        "\nxtask test: all stages passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!("stages: {passed} passed, 0 failed");
    Ok(())
}

/// Cargo's wasm32 runner: hands the test `.wasm` to wasm-bindgen's test runner.
pub fn wasm_test_runner(args: &[String]) -> Result {
    let argv = std::iter::once("wasm-bindgen-test-runner".to_string()).chain(args.iter().cloned());
    wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(argv)
        .map_err(|e| format!("wasm-bindgen-test-runner: {e:#}"))
}

/// Installs Debian's Chromium and its WebDriver when missing (root only).
pub fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    if !util::is_root() {
        return Err(format!(
            "{CHROMIUM} and {CHROMEDRIVER} are needed: install them with \
             `sudo apt-get install chromium chromium-driver`, then run this again"
        ));
    }
    let apt = |args: &[&str]| {
        let mut command = Command::new("apt-get");
        command
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdin(std::process::Stdio::null());
        util::run(&mut command)
    };
    apt(&["update"])?;
    apt(&["install", "-y", "chromium", "chromium-driver"])
}

/// `npm ci` from the committed lockfile, unless `node_modules/` already matches it.
pub fn ensure_node_modules() -> Result {
    for tool in ["node", "npm"] {
        if !util::have(tool) {
            return Err(format!(
                "`{tool}` is needed for the wasm build (wasm-opt) and the page tests; install Node.js"
            ));
        }
    }
    let root = util::root();
    let lock = util::read(&root.join("package-lock.json"))?;
    // A copy of the lockfile written after a successful install marks node_modules as current.
    let stamp = root.join("node_modules").join(".xtask-npm-ci.lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
        return Ok(());
    }
    util::run(util::cmd("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    std::fs::write(&stamp, &lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

fn rust_tests() -> Result {
    util::run(util::cmd("cargo").args(["test", "--workspace", "--exclude", "xtask"]))?;
    util::run(util::cmd("cargo").args(["test", "--profile", "xtask", "--package", "xtask"]))
}

/// `tests/wasm.rs` through wasm-bindgen's test runner, in node or in headless Chromium.
fn wasm_tests(in_browser: bool) -> Result {
    let exe = std::env::current_exe().map_err(|e| format!("no path to xtask itself: {e}"))?;
    let exe = exe.to_string_lossy();
    if exe.contains(char::is_whitespace) {
        // Cargo splits the runner setting on whitespace.
        return Err(format!(
            "the xtask binary's path must not contain spaces: {exe}"
        ));
    }
    let mut command = util::cmd("cargo");
    command
        .args(["test", "--target", WASM_TARGET, "--test", "wasm"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            format!("{exe} wasm-test-runner"),
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", WASM_TEST_TIMEOUT_SECS);
    if in_browser {
        command
            .env("WASM_BINDGEN_USE_BROWSER", "1")
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", webdriver_json());
    } else {
        command.env_remove("WASM_BINDGEN_USE_BROWSER");
    }
    util::run(&mut command)
}

/// Chromium's capabilities and flags, shared with the e2e tests.
fn webdriver_json() -> PathBuf {
    util::root().join("tests").join("webdriver.json")
}

fn page_tests() -> Result {
    let pkg = build::wasm_pkg()?;
    // The extension and npm package tests load these builds.
    crate::extension::assemble(&pkg)?;
    crate::package::assemble(&pkg)?;
    let dir = util::root().join("tests").join("e2e");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {}", dir.display()));
    }
    let exe = std::env::current_exe().map_err(|e| format!("no path to xtask itself: {e}"))?;
    util::run(
        util::cmd("node")
            .arg("--test")
            .args(&files)
            .env("NUTSHELL_XTASK", exe)
            .env("NUTSHELL_CHROMIUM", CHROMIUM),
    )
}
