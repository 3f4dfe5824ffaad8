//! `cargo xtask bench [--articles FILE] [--skip-chromium]`: the wasm in node and in headless
//! Chromium, through the same JS API the page uses.
//!
//! Inputs, generated deterministically by `benches/corpus.rs` (shared with the criterion
//! benches): (a) a ~1,000-word article, (b) a 100,000-word document, (c) a 10 MB document;
//! plus, with `--articles FILE`, every article of a JSONL file (`article` or `text` field)
//! for the median and p99 time per article. For each runtime it prints MB/s and the time
//! per input, the (c)/(a) time-per-byte ratio, and memory for one call on the largest
//! input: in use (the wasm's linear memory, its peak, plus the JS heap that the result
//! holds) and what the call adds to the peak RSS (of a fresh node process; of the renderer
//! that runs the worker in a fresh Chromium, after a warm-up and as its first call).
//! It also prints the size of the shipped wasm + glue, raw and gzipped.
//!
//! The bench site (`target/bench-site/`: the wasm package, `xtask/bench/*`, the inputs) is
//! served on a loopback port for Chromium; node reads it from disk.

#[path = "../../benches/corpus.rs"]
mod corpus;

use crate::build;
use crate::extension::copy_files;
use crate::serve;
use crate::util::{self, Result};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

const INPUTS: [&str; 3] = [
    "a-article-1k-words.txt",
    "b-document-100k-words.txt",
    "c-document-10MB.txt",
];

pub fn run(args: &[String]) -> Result {
    let mut articles: Option<PathBuf> = None;
    let mut chromium = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--articles" => {
                let file = rest.next().ok_or("--articles needs a FILE")?;
                articles = Some(PathBuf::from(file));
            }
            "--skip-chromium" => chromium = false,
            other => {
                return Err(format!(
                    "unknown argument `{other}` (expected --articles FILE, --skip-chromium)"
                ))
            }
        }
    }
    let pkg = build::wasm_pkg()?;
    let site = make_site(&pkg, articles.as_deref())?;
    crate::test::ensure_node_modules()?;

    let node_script = util::root().join("xtask/bench/node.mjs");
    let mut node = run_json(util::cmd("node").arg(&node_script).arg(&site))?;
    let largest = run_json(
        util::cmd("node")
            .arg("--expose-gc")
            .arg(&node_script)
            .arg(&site)
            .arg("--memory"),
    )?;
    if let Json::Object(fields) = &mut node {
        fields.insert("largest".into(), largest);
    }
    report("node", &node);
    if chromium {
        crate::test::ensure_chromium()?;
        let url = serve::spawn(site.clone())?;
        let page = format!("{url}bench/index.html");
        let result = run_json(
            util::cmd("node")
                .arg(util::root().join("xtask/bench/chromium.mjs"))
                .arg(&page),
        )?;
        report("Chromium (module worker)", &result);
    }
    Ok(())
}

/// Writes the bench site: `pkg/`, `bench/`, `inputs/` (+ `index.json`), `articles.jsonl`.
fn make_site(pkg: &Path, articles: Option<&Path>) -> Result<PathBuf> {
    let site = build::target_dir().join("bench-site");
    if site.exists() {
        std::fs::remove_dir_all(&site)
            .map_err(|e| format!("cannot clear {}: {e}", site.display()))?;
    }
    copy_files(pkg, &site.join("pkg"), |n| {
        n == "nutshell.js" || n == "nutshell_bg.wasm"
    })?;
    copy_files(
        &util::root().join("xtask/bench"),
        &site.join("bench"),
        |_| true,
    )?;
    let inputs = site.join("inputs");
    std::fs::create_dir_all(&inputs).map_err(|e| e.to_string())?;
    let texts = [
        corpus::article(7, 1_000),
        corpus::document(100_000),
        corpus::document_of_bytes(10_000_000),
    ];
    for (name, text) in INPUTS.iter().zip(&texts) {
        write(&inputs.join(name), text.as_bytes())?;
    }
    let index = format!("[{}]", INPUTS.map(|n| format!("\"{n}\"")).join(","));
    write(&inputs.join("index.json"), index.as_bytes())?;
    if let Some(file) = articles {
        let bytes =
            std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        write(&site.join("articles.jsonl"), &bytes)?;
    }
    Ok(site)
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Runs a bench script and parses the JSON object it prints last.
fn run_json(command: &mut std::process::Command) -> Result<Json> {
    eprintln!("$ {}", util::describe(command));
    let out = command
        .output()
        .map_err(|e| format!("cannot start node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "bench failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .ok_or("the bench printed no result")?;
    serde_json::from_str(line).map_err(|e| format!("bench output is not JSON: {e}"))
}

/// The number at `key` of a bench result (NaN if it has none).
fn num(v: &Json, key: &str) -> f64 {
    v[key].as_f64().unwrap_or(f64::NAN)
}

fn report(runtime: &str, r: &Json) {
    println!("\n{runtime}");
    println!("clock step: {:.4} ms", num(r, "clockStepMs"));
    println!(
        "{:<28} {:>12} {:>6} {:>12} {:>10}",
        "input", "bytes", "runs", "ms (median)", "MB/s"
    );
    let inputs = r["inputs"].as_array().cloned().unwrap_or_default();
    for i in &inputs {
        println!(
            "{:<28} {:>12} {:>6} {:>12.3} {:>10.1}",
            i["name"].as_str().unwrap_or(""),
            num(i, "bytes"),
            num(i, "runs"),
            num(i, "ms"),
            num(i, "mbPerS")
        );
    }
    if let (Some(a), Some(c)) = (inputs.first(), inputs.get(2)) {
        let per_byte = |x: &Json| num(x, "ms") / num(x, "bytes");
        println!("(c)/(a) time per byte: {:.2}", per_byte(c) / per_byte(a));
    }
    let memory = num(r, "memoryBytes");
    println!(
        "wasm linear memory after the runs: {:.1} MB ({:.1}× the 10 MB input, its largest)",
        memory / 1e6,
        memory / inputs.get(2).map_or(f64::NAN, |c| num(c, "bytes"))
    );
    report_memory(r);
    if let Some(a) = r.get("articles").filter(|a| !a.is_null()) {
        println!(
            "articles: {} × {} passes — median {:.3} ms, p99 {:.3} ms, max {:.3} ms, {:.1} MB/s \
             overall",
            num(a, "count"),
            num(a, "passes"),
            num(a, "medianMs"),
            num(a, "p99Ms"),
            num(a, "maxMs"),
            num(a, "mbPerS")
        );
    }
}

/// The memory lines: one call on the largest input. In use: the wasm's linear memory and
/// the JS heap that the result holds (node measures both in its `--memory` process; in
/// Chromium the page does, as `inUse`). Peak RSS: what the call adds to the process's
/// (node: a fresh process; Chromium: the renderer running the worker, after a warm-up and as
/// its first call).
fn report_memory(r: &Json) {
    let Some(l) = r.get("largest") else {
        return;
    };
    let in_use = r.get("inUse").unwrap_or(l);
    let bytes = num(in_use, "bytes");
    let mb = |x: f64| format!("{:.1} MB ({:.1}×)", x / 1e6, x / bytes);
    let (wasm, heap) = (num(in_use, "wasmMemory"), num(in_use, "resultHeap"));
    println!(
        "memory, one call on the largest input ({:.1} MB: {} sentences, {} figures):",
        bytes / 1e6,
        num(in_use, "sentences"),
        num(in_use, "facts")
    );
    println!(
        "  in use: {} = wasm linear memory {} + the result's JS heap {}",
        mb(wasm + heap),
        mb(wasm),
        mb(heap)
    );
    let peak = |x: &Json| mb(num(x, "peakRssGrowth"));
    match r.get("largestCold") {
        Some(cold) => println!(
            "  peak RSS of the renderer running the worker: +{} after a second on the \
             smallest input, +{} as the worker's first call (V8's optimised code and young \
             generation grow in it)",
            peak(l),
            peak(cold)
        ),
        None => println!("  peak RSS of a fresh process: +{}", peak(l)),
    }
}
