//! `cargo xtask build`: the release WebAssembly and its JS glue, into `www/pkg/`.
//!
//! Steps: add the `wasm32-unknown-unknown` target if missing (rustup), compile the library
//! as a `cdylib` with the `wasm` profile (release tuned for size; `cargo rustc … --crate-type cdylib`, so LTO and
//! `codegen-units = 1` apply), run wasm-bindgen's own library (pinned in `Cargo.toml` to the
//! crate's wasm-bindgen version, so glue and runtime always match) with `--target web`, and
//! print the size of the `.wasm` and the glue, raw and gzipped (budget: 200 KB gzipped).
//! Cost: one incremental cargo build; a few seconds when nothing changed.

use crate::util::{self, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The whole gzip budget of the page's wasm + glue, in bytes.
const GZIP_BUDGET: usize = 200 * 1024;

pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`build` takes no arguments, got `{extra}`"));
    }
    wasm_pkg().map(|_| ())
}

/// The built page package: `www/pkg/` with `nutshell.js`, `nutshell_bg.wasm` and `.d.ts`.
pub fn wasm_pkg() -> Result<PathBuf> {
    ensure_wasm_target()?;
    let wasm = release_wasm()?;
    let out_dir = util::root().join("www").join("pkg");
    bindgen(&wasm, &out_dir)?;
    print_sizes(&out_dir)?;
    Ok(out_dir)
}

/// Adds the wasm32 target with rustup unless it is installed already.
pub fn ensure_wasm_target() -> Result {
    let installed = util::output(Command::new("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => Ok(()),
        Some(_) => util::run(Command::new("rustup").args(["target", "add", WASM_TARGET])),
        // No rustup: trust that the toolchain has the target (the build says so if not).
        None => Ok(()),
    }
}

/// Compiles the library as an optimised cdylib (the `wasm` profile: release with LTO,
/// tuned for size) and returns the `.wasm` path.
fn release_wasm() -> Result<PathBuf> {
    util::run(util::cmd("cargo").args([
        "rustc",
        "--profile",
        "wasm",
        "--lib",
        "--package",
        "nutshell",
        "--target",
        WASM_TARGET,
        "--crate-type",
        "cdylib",
    ]))?;
    Ok(target_dir()
        .join(WASM_TARGET)
        .join("wasm")
        .join("nutshell.wasm"))
}

/// Cargo's target directory (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => util::root().join(dir),
        None => util::root().join("target"),
    }
}

/// Runs wasm-bindgen (the pinned library, not a binary on PATH) with `--target web`.
/// The name and producers sections are dropped: ~50 KB the page need not download (the
/// wasm tests, built for debugging, keep their names).
fn bindgen(wasm: &Path, out_dir: &Path) -> Result {
    let args = [
        "wasm-bindgen".as_ref(),
        "--target".as_ref(),
        "web".as_ref(),
        "--remove-name-section".as_ref(),
        "--remove-producers-section".as_ref(),
        "--out-dir".as_ref(),
        out_dir.as_os_str(),
        wasm.as_os_str(),
    ];
    eprintln!(
        "$ wasm-bindgen --target web --remove-name-section --remove-producers-section \
         --out-dir {} {}",
        out_dir.display(),
        wasm.display()
    );
    wasm_bindgen_cli::wasm_bindgen::run_cli_with_args(args)
        .map_err(|e| format!("wasm-bindgen failed: {e:#}"))
}

/// Prints the raw and gzipped sizes of what the page downloads, and the budget.
fn print_sizes(out_dir: &Path) -> Result {
    let mut total_gzip = 0;
    println!("{:<22} {:>10} {:>10}", "file", "bytes", "gzip -9");
    for name in ["nutshell_bg.wasm", "nutshell.js"] {
        let bytes = util::read(&out_dir.join(name))?;
        let gz = gzip_len(&bytes);
        total_gzip += gz;
        println!("{name:<22} {:>10} {:>10}", bytes.len(), gz);
    }
    println!(
        "{:<22} {:>10} {:>10}  (budget {} gzipped: {})",
        "wasm + glue",
        "",
        total_gzip,
        GZIP_BUDGET,
        if total_gzip <= GZIP_BUDGET {
            "ok"
        } else {
            "OVER"
        }
    );
    Ok(())
}

/// Size of `bytes` after gzip at the best compression, as a server would send it.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}
