//! `cargo xtask`: the project's build tooling, one module per command.
//!
//! Input: a command line (`cargo xtask <command> [args]`; the alias in `.cargo/config.toml`
//! builds this crate with the fast `xtask` profile). Output: whatever the command does; a
//! failure of any step prints why and exits non-zero. Every command installs what it needs
//! (idempotently) so that a fresh clone with rustup, node, npm and python3 works.
//!
//! Commands:
//! - `build`                    — the release wasm and its JS glue into `www/pkg/`, with sizes.
//! - `serve [PORT] [--no-build] [--dir DIR]` — `build`, then serve `www/` (or DIR) on 127.0.0.1 (default 8000).
//! - `test`                     — every test: Rust, wasm (node + headless Chromium), page e2e.
//! - `eval [--split dev|test]`  — the three scorers in `../shared/eval/` on the release CLI.
//! - `extension`                — the unpacked browser extension in `target/extension/`.
//! - `package`                  — the npm package in `target/npm/`.
//! - `bench [--articles FILE]`  — the wasm in node and headless Chromium: MB/s, ms, memory.
//! - `fuzz [SECONDS]`           — every cargo-fuzz target for SECONDS each (nightly).
//! - `wasm-test-runner FILE …`  — internal: wasm-bindgen's test runner (cargo's wasm32 runner).

mod bench;
mod build;
mod eval;
mod extension;
mod fuzz;
mod package;
mod serve;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  build                      build the release wasm + JS glue into www/pkg/ and print sizes
  serve [PORT] [--no-build] [--dir DIR]  build, then serve www/ (or DIR) on http://127.0.0.1:PORT/ (default 8000)
  test                       install what is missing, then run every test
  eval [--split dev|test]    run the evaluation scorers on the release CLI
  extension                  build the unpacked browser extension into target/extension/
  package                    build the npm package into target/npm/
  bench [--articles FILE]    benchmark the wasm in node and headless Chromium
  fuzz [SECONDS]             run every fuzz target for SECONDS each (default 60)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            eprint!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let result = match command {
        "build" => build::run(rest),
        "serve" => serve::run(rest),
        "test" => test::run(rest),
        "eval" => eval::run(rest),
        "fuzz" => fuzz::run(rest),
        "extension" => extension::run(rest),
        "package" => package::run(rest),
        "bench" => bench::run(rest),
        "wasm-test-runner" => test::wasm_test_runner(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {command}: error: {message}");
            ExitCode::FAILURE
        }
    }
}
