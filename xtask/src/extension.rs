//! `cargo xtask extension`: the unpacked browser extension, in `target/extension/`.
//!
//! Copies the extension's sources (`www/extension/`: manifest, popup page, script, style)
//! and the freshly built wasm package (`nutshell.js`, `nutshell_bg.wasm`) into
//! `target/extension/` (the popup imports `./pkg/nutshell.js`). Load that folder unpacked in
//! Chrome or Firefox (see `www/extension/README.md`). Cost: the wasm build plus a few copies.

use crate::build;
use crate::util::{self, Result};
use std::path::{Path, PathBuf};

pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`extension` takes no arguments, got `{extra}`"));
    }
    let pkg = build::wasm_pkg()?;
    let out = assemble(&pkg)?;
    println!("unpacked extension: {}", out.display());
    Ok(())
}

/// Builds `target/extension/` from `www/extension/` and the wasm package in `pkg`.
pub fn assemble(pkg: &Path) -> Result<PathBuf> {
    let out = build::target_dir().join("extension");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let source = util::root().join("www").join("extension");
    copy_files(&source, &out, |name| name != "README.md")?;
    copy_files(pkg, &out.join("pkg"), |name| {
        name == "nutshell.js" || name == "nutshell_bg.wasm"
    })?;
    Ok(out)
}

/// Copies the regular files of `from` whose names pass `keep` into `to` (created).
pub fn copy_files(from: &Path, to: &Path, keep: impl Fn(&str) -> bool) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    let mut copied = 0;
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() && keep(&name) {
            std::fs::copy(entry.path(), to.join(&name))
                .map_err(|e| format!("cannot copy {name} to {}: {e}", to.display()))?;
            copied += 1;
        }
    }
    if copied == 0 {
        return Err(format!("nothing to copy from {}", from.display()));
    }
    Ok(())
}
