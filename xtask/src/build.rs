//! `cargo xtask build`: the release WebAssembly and its JS glue, into `www/pkg/`.
//!
//! Steps: add the `wasm32-unknown-unknown` target if missing (rustup), compile the library
//! as a `cdylib` with the `wasm` profile (release at opt-level 3, see `Cargo.toml`;
//! `cargo rustc … --crate-type cdylib`, so LTO and `codegen-units = 1` apply), run wasm-bindgen's own library (pinned in `Cargo.toml` to the
//! crate's wasm-bindgen version, so glue and runtime always match) with `--target web`,
//! shrink the `.wasm` with Binaryen's `wasm-opt` (the npm package; see [`optimize`]), and
//! print the size of the `.wasm` and the glue, raw and gzipped (budget: 200 KB gzipped).
//! Then bundle the page's worker: `www/worker.js` and the modules it imports (the glue,
//! `www/options.js`) into one module script, `www/pkg/worker.js`, so that the worker starts
//! with one request instead of a chain of them (see [`bundle_worker`]).
//! Cost: one incremental cargo build; a few seconds when nothing changed.

use crate::util::{self, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The whole gzip budget of the page's wasm + glue, in bytes: "200 KB" read the stricter way,
/// as 200,000 bytes rather than 200 KiB.
const GZIP_BUDGET: usize = 200_000;

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
    optimize(&out_dir.join("nutshell_bg.wasm"))?;
    inline_snippets(&out_dir)?;
    strip_comments(&out_dir.join("nutshell.js"))?;
    bundle_worker(&util::root().join("www"))?;
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

/// Compiles the library as an optimised cdylib (the `wasm` profile: release with LTO at
/// opt-level 3) and returns the `.wasm` path.
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
/// `NUTSHELL_KEEP_NAMES=1` keeps the name section, so that a profile of the wasm (node
/// `--cpu-prof`, Chromium's DevTools) names the Rust functions.
fn bindgen(wasm: &Path, out_dir: &Path) -> Result {
    let keep_names = keep_names();
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["wasm-bindgen".as_ref(), "--target".as_ref(), "web".as_ref()];
    if !keep_names {
        args.push("--remove-name-section".as_ref());
    }
    args.extend::<[&std::ffi::OsStr; 3]>([
        "--remove-producers-section".as_ref(),
        "--out-dir".as_ref(),
        out_dir.as_os_str(),
    ]);
    args.push(wasm.as_os_str());
    eprintln!(
        "$ wasm-bindgen {}",
        args[1..]
            .iter()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    wasm_bindgen_cli::wasm_bindgen::run_cli_with_args(args)
        .map_err(|e| format!("wasm-bindgen failed: {e:#}"))
}

/// Shrinks the `.wasm` in place with Binaryen's `wasm-opt -Oz --converge` (the `binaryen` npm
/// package, pinned in `package.json`: Binaryen compiled to JS and wasm, so nothing is
/// downloaded but npm's own package; Debian's Binaryen 108 mistranslates wasm-bindgen's
/// externref table). It takes ~5 KB off the gzipped wasm at no cost in speed (same-process
/// A/B in Chromium), in ~40 s; an unchanged input reuses the last output (`target/wasm-opt/`).
/// The features are those rustc's wasm32 target emits; `-g` keeps the name section when
/// [`bindgen`] kept it.
fn optimize(wasm: &Path) -> Result {
    let mut args = vec![
        "-Oz",
        "--converge",
        "--enable-bulk-memory",
        "--enable-mutable-globals",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-reference-types",
        "--enable-multivalue",
    ];
    if keep_names() {
        args.push("-g");
    }
    let input = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let cache = target_dir().join("wasm-opt");
    let (last_input, last_output) = (cache.join("input.wasm"), cache.join("output.wasm"));
    let key = args.join(" ");
    let same = std::fs::read_to_string(cache.join("args")).is_ok_and(|a| a == key)
        && std::fs::read(&last_input).is_ok_and(|last| last == input);
    if same && last_output.is_file() {
        eprintln!(
            "$ wasm-opt {key}: input unchanged, output from {}",
            cache.display()
        );
        return copy(&last_output, wasm);
    }
    crate::test::ensure_node_modules()?;
    let tool = util::root().join("node_modules/binaryen/bin/wasm-opt");
    util::run(
        util::cmd("node")
            .arg(&tool)
            .args(&args)
            .arg(wasm)
            .arg("-o")
            .arg(wasm),
    )?;
    std::fs::create_dir_all(&cache)
        .and_then(|()| std::fs::write(&last_input, &input))
        .and_then(|()| std::fs::copy(wasm, &last_output))
        .and_then(|_| std::fs::write(cache.join("args"), &key))
        .map_err(|e| format!("cannot write {}: {e}", cache.display()))
}

/// Copies `from` over `to`.
fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// Whether `NUTSHELL_KEEP_NAMES=1` asks to keep the name section (see [`bindgen`]).
fn keep_names() -> bool {
    std::env::var_os("NUTSHELL_KEEP_NAMES").is_some_and(|v| v == "1")
}

/// Moves the JS modules of the crate's `inline_js` (wasm-bindgen writes them to
/// `pkg/snippets/` and imports them from the glue) into the glue itself, in place of their
/// imports, and removes `snippets/`: the glue stays one self-contained file for every
/// consumer (the worker bundle, the extension, the npm package), none of which has to know
/// about snippets. A snippet is a module of `export function`s (and `const`s) that imports
/// nothing, imported by name or as a namespace (`import * as x`); any other import in the
/// glue is an error.
fn inline_snippets(out_dir: &Path) -> Result {
    let glue_path = out_dir.join("nutshell.js");
    let glue = read_text(&glue_path)?;
    let mut out = String::with_capacity(glue.len());
    // A snippet can be imported twice, by name and as a namespace (wasm-bindgen imports a
    // function that needs no JS shim straight from the module object): its code goes in once.
    let mut inlined: Vec<String> = Vec::new();
    for line in glue.split_inclusive('\n') {
        if !line.starts_with("import ") {
            out.push_str(line);
            continue;
        }
        let statement = line
            .trim_end()
            .trim_start_matches("import ")
            .trim_end_matches(';');
        let (import, namespace) = match namespace_import(statement) {
            Some((name, specifier)) => (
                Import {
                    specifier,
                    names: Vec::new(),
                },
                Some(name),
            ),
            None => (parse_import(statement)?, None),
        };
        if !import.specifier.starts_with("./snippets/") {
            return Err(format!(
                "the glue imports `{}`: only snippets can be inlined",
                import.specifier
            ));
        }
        // Inlined, a function keeps its own name: an import may not rename it.
        if let Some((imported, _)) = import
            .names
            .iter()
            .find(|(imported, local)| imported != local)
        {
            return Err(format!(
                "inlining {}: cannot rename `{imported}`",
                import.specifier
            ));
        }
        let (scoped, exports) = imported_module(out_dir, &import, "inlining")?;
        if !inlined.contains(&import.specifier) {
            out.push_str(&format!(
                "// ---- {} (inline_js) ----\n{scoped}\n",
                import.specifier
            ));
            inlined.push(import.specifier.clone());
        }
        if let Some(name) = namespace {
            let members: Vec<String> = exports
                .iter()
                .map(|(exported, local)| format!("{exported}: {local}"))
                .collect();
            out.push_str(&format!("const {name} = {{ {} }};\n", members.join(", ")));
        }
    }
    let snippets = out_dir.join("snippets");
    if snippets.exists() {
        std::fs::remove_dir_all(&snippets)
            .map_err(|e| format!("cannot remove {}: {e}", snippets.display()))?;
    }
    std::fs::write(&glue_path, out)
        .map_err(|e| format!("cannot write {}: {e}", glue_path.display()))
}

/// Removes the comments of the glue that stand on lines of their own (`// …` lines, and
/// `/* … */` blocks that start a line): wasm-bindgen's doc comments repeat the `.d.ts`, which
/// is where editors read them (−0.8 KB gzipped of the 200 KB budget). A line of code is kept
/// whole, so a comment after code stays. No template literal of the glue spans lines (where
/// such a line could be text); one that does is an error here rather than a silent change.
fn strip_comments(glue_path: &Path) -> Result {
    let glue = read_text(glue_path)?;
    let stripped = without_comment_lines(&glue)?;
    std::fs::write(glue_path, stripped)
        .map_err(|e| format!("cannot write {}: {e}", glue_path.display()))
}

/// `js` less its comment lines (see [`strip_comments`]).
fn without_comment_lines(js: &str) -> Result<String> {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.split_inclusive('\n') {
        let code = line.trim();
        if in_block || code.starts_with("/*") {
            let closes = code.ends_with("*/");
            if !closes && code.contains("*/") {
                return Err(format!("code after a comment in the glue: {code}"));
            }
            in_block = !closes;
        } else if !code.starts_with("//") {
            if code.matches('`').count() % 2 == 1 {
                return Err(format!(
                    "a template literal spans lines of the glue: {code}"
                ));
            }
            out.push_str(line);
        }
    }
    Ok(out)
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
    let bundle = util::read(&out_dir.join("worker.js"))?;
    println!(
        "{:<22} {:>10} {:>10}  (the page's worker: worker.js + options.js + the glue)",
        "worker.js",
        bundle.len(),
        gzip_len(&bundle)
    );
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

/// Bundles `www/worker.js` with the modules it imports into `www/pkg/worker.js`.
///
/// Not a general bundler, a small one for files written for it: the worker's own imports
/// (`import a, { b, c as d } from "./x.js";`, at the start of a line) are replaced by
/// destructuring an object that holds each imported module's exports, and each module
/// (which must not import anything itself) becomes a function scope returning that object:
/// its `export function/class/const/let` lose the keyword and `export { a, b as default };`
/// becomes part of the returned object. Anything else is an error, so a glue that changes
/// shape fails the build rather than the page. The result stays a module script (the glue
/// finds the wasm through `import.meta.url`, which is right for `www/pkg/`).
pub fn bundle_worker(www: &Path) -> Result {
    let source_path = www.join("worker.js");
    let source = read_text(&source_path)?;
    let (imports, body) = split_imports(&source)?;
    let mut out = String::from(
        "// Generated by `cargo xtask build` from www/worker.js and the modules it imports \
         (see xtask/src/build.rs): do not edit.\n",
    );
    for import in &imports {
        let (scoped, exports) = imported_module(www, import, "bundling the worker")?;
        let object: Vec<String> = exports
            .iter()
            .map(|(exported, local)| format!("{exported}: {local}"))
            .collect();
        let bindings: Vec<String> = import
            .names
            .iter()
            .map(|(imported, local)| format!("{imported}: {local}"))
            .collect();
        out.push_str(&format!(
            "\n// ---- {} ----\nconst {{ {} }} = (() => {{\n{scoped}\nreturn {{ {} }};\n}})();\n",
            import.specifier,
            bindings.join(", "),
            object.join(", ")
        ));
    }
    out.push_str("\n// ---- worker.js ----\n");
    out.push_str(&body);
    let target = www.join("pkg").join("worker.js");
    std::fs::write(&target, out).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// The UTF-8 text of the file at `path`.
fn read_text(path: &Path) -> Result<String> {
    String::from_utf8(util::read(path)?).map_err(|_| format!("{} is not UTF-8", path.display()))
}

/// The module that `import` names, under `dir`, as [`module_scope`] gives it, once it is
/// known to export every name imported (`doing` starts the error messages).
fn imported_module(
    dir: &Path,
    import: &Import,
    doing: &str,
) -> Result<(String, Vec<(String, String)>)> {
    let path = dir.join(import.specifier.trim_start_matches("./"));
    let (scoped, exports) =
        module_scope(&read_text(&path)?).map_err(|e| format!("{doing} {}: {e}", path.display()))?;
    let missing = import
        .names
        .iter()
        .find(|(imported, _)| !exports.iter().any(|(exported, _)| exported == imported));
    if let Some((imported, _)) = missing {
        return Err(format!(
            "{doing}: {} does not export `{imported}`",
            import.specifier
        ));
    }
    Ok((scoped, exports))
}

/// One `import … from "./x.js";` of the worker: the specifier and (imported, local) names.
struct Import {
    specifier: String,
    names: Vec<(String, String)>,
}

/// Splits the worker's source into its imports and the rest (imports replaced by nothing).
fn split_imports(source: &str) -> Result<(Vec<Import>, String)> {
    let mut imports = Vec::new();
    let mut body = String::new();
    let mut rest = source;
    while !rest.is_empty() {
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        if !rest.starts_with("import ") {
            body.push_str(&rest[..line_end]);
            rest = &rest[line_end..];
            continue;
        }
        let end = rest
            .find(';')
            .ok_or("bundling the worker: an import without `;`")?;
        imports.push(parse_import(&rest["import ".len()..end])?);
        rest = rest[end + 1..]
            .strip_prefix('\n')
            .unwrap_or(&rest[end + 1..]);
    }
    Ok((imports, body))
}

/// `* as name from "./x.js"` → (name, "./x.js"); `None` for any other import clause.
fn namespace_import(statement: &str) -> Option<(String, String)> {
    let (clause, from) = statement.rsplit_once(" from ")?;
    let name = identifier(clause.trim().strip_prefix("* as ")?.trim())?;
    let specifier = from.trim().trim_matches(['"', '\'']);
    (specifier.starts_with("./") && !specifier.contains("..")).then(|| (name, specifier.into()))
}

/// `init, { a, b as c } from "./x.js"` → Import { "./x.js", [(default, init), (a, a), (b, c)] }.
fn parse_import(statement: &str) -> Result<Import> {
    let bad = || format!("bundling the worker: cannot read `import {statement}`");
    let (clause, from) = statement.rsplit_once(" from ").ok_or_else(bad)?;
    let specifier = from.trim().trim_matches(['"', '\'']).to_string();
    if !specifier.starts_with("./") || specifier.contains("..") {
        return Err(bad());
    }
    let mut names = Vec::new();
    let clause = clause.trim();
    let named = match clause.split_once('{') {
        Some((default, named)) => {
            let default = default.trim().trim_end_matches(',').trim();
            if !default.is_empty() {
                names.push(("default".to_string(), identifier(default).ok_or_else(bad)?));
            }
            named.trim().strip_suffix('}').ok_or_else(bad)?
        }
        None => {
            names.push(("default".to_string(), identifier(clause).ok_or_else(bad)?));
            ""
        }
    };
    for item in named.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (imported, local) = item.split_once(" as ").unwrap_or((item, item));
        names.push((
            identifier(imported.trim()).ok_or_else(bad)?,
            identifier(local.trim()).ok_or_else(bad)?,
        ));
    }
    Ok(Import { specifier, names })
}

/// `name` if it is a plain JS identifier (ASCII letters, digits, `_`, `$`).
fn identifier(name: &str) -> Option<String> {
    let ok = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    ok.then(|| name.to_string())
}

/// A module's source without its `export` keywords, and its (exported, local) names.
fn module_scope(module: &str) -> Result<(String, Vec<(String, String)>)> {
    let mut out = String::with_capacity(module.len());
    let mut exports = Vec::new();
    for line in module.split_inclusive('\n') {
        if line.starts_with("import ") {
            return Err("a module the worker imports may not import others".into());
        }
        let Some(rest) = line.strip_prefix("export ") else {
            out.push_str(line);
            continue;
        };
        if let Some(list) = rest.trim().strip_prefix('{') {
            let list = list
                .trim_end_matches(';')
                .trim_end()
                .strip_suffix('}')
                .ok_or_else(|| format!("cannot read `{}`", line.trim()))?;
            for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let (local, exported) = item.split_once(" as ").unwrap_or((item, item));
                let (local, exported) = (identifier(local.trim()), identifier(exported.trim()));
                let (Some(local), Some(exported)) = (local, exported) else {
                    return Err(format!("cannot read `{}`", line.trim()));
                };
                exports.push((exported, local));
            }
            continue;
        }
        let declared = ["async function ", "function ", "class ", "const ", "let "]
            .iter()
            .find_map(|keyword| rest.strip_prefix(keyword));
        let name: String = declared
            .ok_or_else(|| format!("cannot read `{}`", line.trim()))?
            .trim_start_matches('*')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        identifier(&name).ok_or_else(|| format!("cannot read `{}`", line.trim()))?;
        exports.push((name.clone(), name));
        out.push_str(rest);
    }
    Ok((out, exports))
}

/// Size of `bytes` after gzip at the best compression, as a server would send it.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_read_with_default_and_renamed_names() {
        let import = parse_import(
            "init, {\n  summarize,\n  figures as facts,\n} from \"./pkg/nutshell.js\"",
        )
        .unwrap();
        assert_eq!(import.specifier, "./pkg/nutshell.js");
        let names: Vec<(&str, &str)> = import
            .names
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("default", "init"),
                ("summarize", "summarize"),
                ("figures", "facts")
            ]
        );
        let named = parse_import("{ lengthOptions } from \"./options.js\"").unwrap();
        assert_eq!(
            named.names,
            [("lengthOptions".into(), "lengthOptions".into())]
        );
        // Only plain relative modules inside www/.
        assert!(parse_import("{ a } from \"../secret.js\"").is_err());
        assert!(parse_import("{ a } from \"https://example.com/a.js\"").is_err());
        assert!(parse_import("* as all from \"./a.js\"").is_err());
    }

    #[test]
    fn a_module_loses_its_export_keywords_and_lists_its_exports() {
        let module = "let wasm;\nexport function summarize(t) { return wasm.s(t); }\n\
                      export const SCALES = {};\nasync function __wbg_init() {}\n\
                      export { initSync, __wbg_init as default };\n";
        let (scoped, exports) = module_scope(module).unwrap();
        assert!(!scoped.contains("export"));
        assert!(scoped.contains("function summarize(t)") && scoped.contains("const SCALES = {};"));
        let exports: Vec<(&str, &str)> = exports
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            exports,
            [
                ("summarize", "summarize"),
                ("SCALES", "SCALES"),
                ("initSync", "initSync"),
                ("default", "__wbg_init")
            ]
        );
        assert!(module_scope("import x from \"./y.js\";\n").is_err());
        assert!(module_scope("export default 3;\n").is_err());
    }

    #[test]
    fn comment_lines_are_stripped_and_code_is_kept() {
        let js = "/**\n * Docs.\n */\nexport function f(a) {\n  // why\n  return a; // kept\n}\n\
                  /* one line */\nconst s = \"// not a comment line\";\n";
        assert_eq!(
            without_comment_lines(js).unwrap(),
            "export function f(a) {\n  return a; // kept\n}\nconst s = \"// not a comment line\";\n"
        );
        assert!(without_comment_lines("const t = `a\n// b`;\n").is_err());
        assert!(without_comment_lines("return `${a}`;\n").is_ok());
        assert!(without_comment_lines("/* a */ f();\n").is_err());
    }

    #[test]
    fn snippets_are_inlined_into_the_glue() {
        let pkg =
            std::env::temp_dir().join(format!("nutshell-snippet-test-{}", std::process::id()));
        let snippet_dir = pkg.join("snippets").join("nutshell-0123");
        std::fs::create_dir_all(&snippet_dir).unwrap();
        std::fs::write(
            pkg.join("nutshell.js"),
            "import { make } from './snippets/nutshell-0123/inline0.js';\n\
             import * as import1 from \"./snippets/nutshell-0123/inline0.js\"\n\nlet wasm;\n\
             export function f() { return make(1) + import1.other; }\n",
        )
        .unwrap();
        std::fs::write(
            snippet_dir.join("inline0.js"),
            "\nexport function make(x) {\n  return { x };\n}\nexport const other = 2;\n",
        )
        .unwrap();
        inline_snippets(&pkg).unwrap();
        let glue = std::fs::read_to_string(pkg.join("nutshell.js")).unwrap();
        let snippets_left = pkg.join("snippets").exists();
        // Any other import stays an error.
        std::fs::write(pkg.join("nutshell.js"), "import { a } from './other.js';\n").unwrap();
        let other = inline_snippets(&pkg);
        let _ = std::fs::remove_dir_all(&pkg);
        assert!(!glue.contains("import "), "{glue}");
        assert!(glue.contains("function make(x) {") && !glue.contains("export function make"));
        assert_eq!(
            glue.matches("function make(x)").count(),
            1,
            "inlined once: {glue}"
        );
        assert!(
            glue.contains("const import1 = { make: make, other: other };"),
            "{glue}"
        );
        assert!(
            glue.contains("export function f()"),
            "the glue's own exports stay"
        );
        assert!(!snippets_left);
        assert!(other.is_err());
    }

    #[test]
    fn the_worker_bundle_runs_the_imports_in_place() {
        let www = std::env::temp_dir().join(format!("nutshell-bundle-test-{}", std::process::id()));
        std::fs::create_dir_all(www.join("pkg")).unwrap();
        std::fs::write(
            www.join("worker.js"),
            "// the worker\nimport init, { twice } from \"./pkg/glue.js\";\nimport { PLUS } from \"./options.js\";\nself.result = init() + twice(PLUS);\n",
        )
        .unwrap();
        std::fs::write(
            www.join("pkg").join("glue.js"),
            "function start() { return 1; }\nexport function twice(x) { return 2 * x; }\nexport { start as default };\n",
        )
        .unwrap();
        std::fs::write(www.join("options.js"), "export const PLUS = 20;\n").unwrap();
        bundle_worker(&www).unwrap();
        let bundle = std::fs::read_to_string(www.join("pkg").join("worker.js")).unwrap();
        let _ = std::fs::remove_dir_all(&www);
        assert!(!bundle.contains("import "), "{bundle}");
        assert!(bundle.contains("const { default: init, twice: twice } = (() => {"));
        assert!(bundle.contains("return { twice: twice, default: start };"));
        assert!(bundle.contains("const { PLUS: PLUS } = (() => {"));
        assert!(bundle
            .trim_end()
            .ends_with("self.result = init() + twice(PLUS);"));
        // A name the module does not export fails the build, not the page.
        let www = std::env::temp_dir().join(format!("nutshell-bundle-bad-{}", std::process::id()));
        std::fs::create_dir_all(www.join("pkg")).unwrap();
        std::fs::write(
            www.join("worker.js"),
            "import { nope } from \"./options.js\";\n",
        )
        .unwrap();
        std::fs::write(www.join("options.js"), "export const PLUS = 20;\n").unwrap();
        let error = bundle_worker(&www).unwrap_err();
        let _ = std::fs::remove_dir_all(&www);
        assert!(error.contains("does not export `nope`"), "{error}");
    }
}
