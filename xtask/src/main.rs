//! Project tasks: `cargo xtask <task>`.

mod fuzz;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("fuzz") => fuzz::run(&args[1..]),
        _ => Err("usage: cargo xtask fuzz [SECONDS] [--target NAME]".to_string()),
    };
    if let Err(message) = result {
        eprintln!("xtask: {message}");
        std::process::exit(1);
    }
}
