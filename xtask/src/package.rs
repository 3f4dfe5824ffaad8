//! `cargo xtask package`: the npm package, in `target/npm/`.
//!
//! Contents: the wasm-bindgen glue (`nutshell.js`, `nutshell.d.ts` with the precise types
//! of `src/wasm.rs`), the wasm, a node entry (`node.js`: loads the wasm synchronously), a
//! Web Worker helper (`worker.js` + `client.js`: `createSummarizer()`), a README, and a
//! generated `package.json` (name `nutshell`, ESM, `exports`, `types`, `files`; version from
//! the crate). Prints the sizes, raw and gzipped. `npm pack target/npm` makes the tarball.

use crate::build;
use crate::extension::copy_files;
use crate::util::{self, Result};
use std::path::{Path, PathBuf};

pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`package` takes no arguments, got `{extra}`"));
    }
    let pkg = build::wasm_pkg()?;
    let out = assemble(&pkg)?;
    println!(
        "npm package: {} (try `npm pack {}`)",
        out.display(),
        out.display()
    );
    Ok(())
}

/// Builds `target/npm/` from the wasm package in `pkg` and the templates in `xtask/npm/`.
pub fn assemble(pkg: &Path) -> Result<PathBuf> {
    let out = build::target_dir().join("npm");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    copy_files(pkg, &out, |name| {
        matches!(
            name,
            "nutshell.js" | "nutshell.d.ts" | "nutshell_bg.wasm" | "nutshell_bg.wasm.d.ts"
        )
    })?;
    copy_files(&util::root().join("xtask").join("npm"), &out, |_| true)?;
    let manifest = package_json(&crate_version()?);
    std::fs::write(out.join("package.json"), manifest)
        .map_err(|e| format!("cannot write package.json: {e}"))?;
    print_sizes(&out)?;
    Ok(out)
}

fn crate_version() -> Result<String> {
    let toml = util::read(&util::root().join("Cargo.toml"))?;
    let toml = String::from_utf8_lossy(&toml);
    let package = toml
        .split("[package]")
        .nth(1)
        .ok_or("no [package] in Cargo.toml")?;
    package
        .lines()
        .find_map(|l| l.trim().strip_prefix("version = "))
        .map(|v| v.trim_matches('"').to_string())
        .ok_or_else(|| "no version in Cargo.toml's [package]".to_string())
}

fn package_json(version: &str) -> String {
    format!(
        r#"{{
  "name": "nutshell",
  "version": "{version}",
  "description": "Article summaries, key figures and keyphrases on the device: a small WebAssembly module, no network.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./nutshell.js",
  "types": "./nutshell.d.ts",
  "exports": {{
    ".": {{ "types": "./nutshell.d.ts", "default": "./nutshell.js" }},
    "./node": {{ "types": "./node.d.ts", "default": "./node.js" }},
    "./client": {{ "types": "./client.d.ts", "default": "./client.js" }},
    "./worker.js": "./worker.js",
    "./nutshell_bg.wasm": "./nutshell_bg.wasm"
  }},
  "files": [
    "nutshell.js", "nutshell.d.ts", "nutshell_bg.wasm", "nutshell_bg.wasm.d.ts",
    "node.js", "node.d.ts", "client.js", "client.d.ts", "worker.js", "README.md"
  ],
  "sideEffects": ["./node.js"],
  "keywords": ["summarization", "summarizer", "wasm", "numbers", "nlp", "offline"]
}}
"#
    )
}

fn print_sizes(out: &Path) -> Result {
    let mut total = (0, 0);
    for name in [
        "nutshell_bg.wasm",
        "nutshell.js",
        "node.js",
        "client.js",
        "worker.js",
    ] {
        let bytes = util::read(&out.join(name))?;
        total.0 += bytes.len();
        total.1 += build::gzip_len(&bytes);
    }
    println!(
        "package code (wasm + JS): {} bytes, {} gzipped",
        total.0, total.1
    );
    Ok(())
}
