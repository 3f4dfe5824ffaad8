//! The `nutshell` command: summaries, sentences and key figures of text files, natively.
//!
//! ```text
//! nutshell summarize [--sentences N | --ratio R | --words W | --chars C | --preset P]
//!                    [--title T] [--json] [--lines] [FILE]
//! nutshell segment   [--language L] [--json] [--lines] [FILE]
//! nutshell figures   [--json] [--lines] [FILE]
//! nutshell extract   [--json] [--lines] [FILE]
//! ```
//!
//! Reads FILE or stdin. `--json` prints one JSON object; `--lines` reads JSON lines
//! `{"id","text"}` on stdin and writes one JSON object per line, flushed, for batch use.
//! `--html` (summarize, segment, figures) reads an HTML page: its article text is
//! extracted first, the results' offsets are into that text (given as `"text"` in JSON),
//! and the page's title steers the summary unless `--title` is given. `extract` prints the
//! article of an HTML page. Offsets are UTF-8 byte offsets (`"offset_unit":"utf8"`). Errors
//! go to stderr, exit 2. `segment --json` gives `"sentences"` and, apart, `"skipped"`: the
//! non-prose material (tags, separators, page numbers…), each with its `"kind"`; the plain
//! output lists the sentences only.

use nutshell::{OptionValue, Options};
use serde_json::{json, Value};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  nutshell summarize [--sentences N | --ratio R | --words W | --chars C | --preset headline|tldr|key-points]
                     [--title TITLE] [--keyphrases K] [--language L] [--json] [--lines] [FILE]
  nutshell segment   [--language auto|en|de|fr|…] [--json] [--lines] [FILE]
  nutshell figures   [--json] [--lines] [FILE]
  nutshell extract   [--json] [--lines] [FILE]

Reads FILE, or standard input. --json prints one JSON object (UTF-8 byte offsets);
--lines reads JSON lines {\"id\",\"text\"} from standard input and writes one result per line.
--html (summarize, segment, figures): the input is an HTML page; its article text is
extracted first and offsets refer to that text. extract prints a page's title and article.";

#[derive(Clone, Copy, PartialEq)]
enum Command {
    Summarize,
    Segment,
    Figures,
    Extract,
}

struct Args {
    command: Command,
    options: Options,
    json: bool,
    lines: bool,
    html: bool,
    file: Option<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nutshell: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args(std::env::args().skip(1).collect())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.lines {
        for (n, line) in io::stdin().lock().lines().enumerate() {
            let line = line.map_err(|e| format!("reading standard input: {e}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let input: Value =
                serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
            let text = input["text"]
                .as_str()
                .ok_or_else(|| format!("line {}: no \"text\" string", n + 1))?;
            let mut result = analyse(&args, text)?;
            result["id"] = input["id"].clone();
            writeln!(out, "{result}")
                .and_then(|_| out.flush())
                .map_err(|e| e.to_string())?;
        }
        return Ok(());
    }
    let text = read_input(args.file.as_deref())?;
    let result = analyse(&args, &text)?;
    if args.json {
        writeln!(out, "{result}").map_err(|e| e.to_string())?;
    } else {
        write_plain(&mut out, args.command, &result).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn analyse(args: &Args, input: &str) -> Result<Value, String> {
    let article = args.html.then(|| nutshell::extract_article(input));
    let text = article.as_ref().map_or(input, |a| a.text.as_str());
    let mut value = match args.command {
        Command::Summarize => {
            let mut options = args.options.clone();
            if options.title.is_none() {
                options.title = article.as_ref().and_then(|a| a.title.clone());
            }
            let summary = nutshell::summarize(text, &options).map_err(|e| e.to_string())?;
            serde_json::to_value(summary)
        }
        Command::Segment => {
            // Sentences, and apart from them the non-prose material (tags, separators,
            // page numbers…) with its kind.
            let (sentences, skipped): (Vec<_>, Vec<_>) =
                nutshell::segment_all_in(text, args.options.language)
                    .into_iter()
                    .partition(|s| s.kind.is_sentence());
            serde_json::to_value(json!({ "sentences": sentences, "skipped": skipped }))
        }
        Command::Figures => serde_json::to_value(json!({ "facts": nutshell::figures(text) })),
        Command::Extract => {
            return serde_json::to_value(nutshell::extract_article(input))
                .map_err(|e| e.to_string())
        }
    }
    .map_err(|e| e.to_string())?;
    if let Some(article) = &article {
        value["text"] = json!(article.text);
        value["article"] = json!({ "title": article.title, "byline": article.byline });
    }
    value["offset_unit"] = json!("utf8");
    Ok(value)
}

fn write_plain(out: &mut impl Write, command: Command, result: &Value) -> io::Result<()> {
    let list = match command {
        Command::Summarize => &result["summary"],
        Command::Segment => &result["sentences"],
        Command::Extract => {
            if let Some(title) = result["title"].as_str() {
                writeln!(out, "{title}\n")?;
            }
            return writeln!(out, "{}", result["text"].as_str().unwrap_or(""));
        }
        Command::Figures => {
            for f in result["facts"].as_array().into_iter().flatten() {
                let unit = f["unit"].as_str().unwrap_or("");
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    f["kind"].as_str().unwrap_or(""),
                    f["text"].as_str().unwrap_or(""),
                    f["value"],
                    unit
                )?;
            }
            return Ok(());
        }
    };
    for s in list.as_array().into_iter().flatten() {
        let text = s["text"].as_str().unwrap_or("");
        writeln!(
            out,
            "{}",
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
    }
    Ok(())
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match file {
        Some(path) => bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?,
        None => {
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("reading standard input: {e}"))?;
        }
    }
    // Invalid UTF-8 (binary garbage, Latin-1 files) is replaced, not refused.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn parse_args(raw: Vec<String>) -> Result<Args, String> {
    let mut iter = raw.into_iter();
    let command = match iter.next().as_deref() {
        Some("summarize") => Command::Summarize,
        Some("segment") => Command::Segment,
        Some("figures") => Command::Figures,
        Some("extract") => Command::Extract,
        Some("-h" | "--help") | None => return Err(USAGE.to_string()),
        Some("-V" | "--version") => {
            println!("nutshell {}", env!("CARGO_PKG_VERSION"));
            std::process::exit(0);
        }
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    let mut args = Args {
        command,
        options: Options::default(),
        json: false,
        lines: false,
        html: false,
        file: None,
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" => args.json = true,
            "--lines" => args.lines = true,
            "--html" if command != Command::Extract => args.html = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--language" => {
                let value = iter.next().ok_or("--language needs a value")?;
                args.options
                    .set("language", OptionValue::Text(value))
                    .map_err(|e| e.to_string())?;
            }
            flag if flag.starts_with("--") && command == Command::Summarize => {
                let name = option_name(flag)?;
                let value = iter.next().ok_or_else(|| format!("{flag} needs a value"))?;
                let value = match name {
                    "preset" | "title" => OptionValue::Text(value),
                    _ => OptionValue::Number(
                        value
                            .parse()
                            .map_err(|_| format!("{flag}: not a number: {value:?}"))?,
                    ),
                };
                args.options.set(name, value).map_err(|e| e.to_string())?;
            }
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown flag {flag}\n{USAGE}"))
            }
            file => {
                if args.file.replace(file.to_string()).is_some() {
                    return Err("give at most one FILE".to_string());
                }
            }
        }
    }
    if args.file.as_deref() == Some("-") {
        args.file = None;
    }
    args.options.validate().map_err(|e| e.to_string())?;
    Ok(args)
}

/// `--max-input-bytes` → `maxInputBytes`; other flags are the option names.
fn option_name(flag: &str) -> Result<&'static str, String> {
    Ok(match flag {
        "--sentences" => "sentences",
        "--ratio" => "ratio",
        "--words" => "words",
        "--chars" => "chars",
        "--preset" => "preset",
        "--title" => "title",
        "--keyphrases" => "keyphrases",
        "--max-input-bytes" => "maxInputBytes",
        _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
    })
}
