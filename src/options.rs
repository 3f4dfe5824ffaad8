//! Options: one struct with `Default`, set by name from any front end and validated once.
//!
//! The CLI (from flags) and the wasm layer (from a JS object) both go through
//! [`Options::set`], so every front end gets the same names, the same checks and the same
//! error messages, each naming the option at fault. [`Options::validate`] checks the whole
//! struct (e.g. that only one length budget was given). Cost: O(number of options).

use crate::segment::Language;
use crate::Error;

/// How long the summary should be. Exactly one budget applies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    /// A number of sentences (at least 1).
    Sentences(usize),
    /// A fraction of the article's sentences, in (0, 1].
    Ratio(f64),
    /// At most this many words (at least one sentence is always returned).
    Words(usize),
    /// At most this many characters (at least one sentence is always returned).
    Chars(usize),
}

/// A named length preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// One sentence.
    Headline,
    /// About 60 words.
    Tldr,
    /// Five sentences, meant to be shown as a list.
    KeyPoints,
}

impl Preset {
    /// The preset's name as written in options and URLs.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Headline => "headline",
            Preset::Tldr => "tldr",
            Preset::KeyPoints => "key-points",
        }
    }

    fn budget(self) -> Budget {
        match self {
            Preset::Headline => Budget::Sentences(1),
            Preset::Tldr => Budget::Words(60),
            Preset::KeyPoints => Budget::Sentences(5),
        }
    }

    fn parse(name: &str) -> Option<Preset> {
        [Preset::Headline, Preset::Tldr, Preset::KeyPoints]
            .into_iter()
            .find(|p| p.name() == name)
    }
}

/// A value given for an option by a front end, before validation.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    /// A JSON/JS number or a numeric CLI flag.
    Number(f64),
    /// A string.
    Text(String),
    /// A boolean.
    Bool(bool),
    /// `null` / `undefined`: the option is left at its default.
    Null,
}

/// Everything that can be tuned. Build with `Options::default()` and [`Options::set`].
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The summary length; defaults to three sentences.
    pub budget: Budget,
    /// The preset that chose the budget, if any.
    pub preset: Option<Preset>,
    /// An optional headline; sentences that share its words score higher.
    pub title: Option<String>,
    /// Largest accepted input, in bytes (default 50 MB).
    pub max_input_bytes: usize,
    /// How many keyphrases to return.
    pub keyphrases: usize,
    /// The language of the text, for sentence rules; `Auto` (the default) detects it.
    pub language: Language,
    budgets_given: usize,
}

/// The default input limit: 50 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            budget: Budget::Sentences(3),
            preset: None,
            title: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            keyphrases: 10,
            language: Language::Auto,
            budgets_given: 0,
        }
    }
}

/// The option names [`Options::set`] accepts.
pub const OPTION_NAMES: &[&str] = &[
    "sentences",
    "ratio",
    "words",
    "chars",
    "preset",
    "title",
    "maxInputBytes",
    "keyphrases",
    "language",
];

impl Options {
    /// Sets one option by its name (as in [`OPTION_NAMES`]). `Null` leaves it unchanged.
    pub fn set(&mut self, name: &str, value: OptionValue) -> Result<(), Error> {
        if value == OptionValue::Null {
            return if OPTION_NAMES.contains(&name) {
                Ok(())
            } else {
                Err(unknown_option(name))
            };
        }
        match name {
            "sentences" => self.set_budget(Budget::Sentences(count(name, &value, 1)?)),
            "words" => self.set_budget(Budget::Words(count(name, &value, 1)?)),
            "chars" => self.set_budget(Budget::Chars(count(name, &value, 1)?)),
            "ratio" => {
                let r = number(name, &value)?;
                if !(r > 0.0 && r <= 1.0) {
                    return Err(Error::invalid_option(
                        name,
                        format!("must be in (0, 1], got {}", show_number(r)),
                    ));
                }
                self.set_budget(Budget::Ratio(r));
            }
            "preset" => {
                let text = string(name, &value)?;
                let preset = Preset::parse(text).ok_or_else(|| {
                    Error::invalid_option(
                        name,
                        format!("unknown preset {text:?} (expected headline, tldr or key-points)"),
                    )
                })?;
                self.set_budget(preset.budget());
                self.preset = Some(preset);
            }
            "title" => {
                let text = string(name, &value)?.trim();
                self.title = (!text.is_empty()).then(|| text.to_string());
            }
            "maxInputBytes" => self.max_input_bytes = count(name, &value, 1)?,
            "keyphrases" => self.keyphrases = count(name, &value, 0)?,
            "language" => {
                let code = string(name, &value)?;
                self.language = Language::parse(code).ok_or_else(|| {
                    Error::invalid_option(
                        name,
                        format!(
                            "unknown language {code:?} (expected one of: {})",
                            Language::codes().collect::<Vec<_>>().join(", ")
                        ),
                    )
                })?;
            }
            _ => return Err(unknown_option(name)),
        }
        Ok(())
    }

    fn set_budget(&mut self, budget: Budget) {
        self.budget = budget;
        self.budgets_given += 1;
    }

    /// Checks the options as a whole. Called once by every entry point.
    pub fn validate(&self) -> Result<(), Error> {
        if self.budgets_given > 1 {
            return Err(Error::invalid_option(
                "sentences",
                "give only one of sentences, ratio, words, chars or preset",
            ));
        }
        match self.budget {
            Budget::Sentences(0) | Budget::Words(0) | Budget::Chars(0) => Err(
                Error::invalid_option("sentences", "the budget must be at least 1"),
            ),
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => Err(Error::invalid_option(
                "ratio",
                format!("must be in (0, 1], got {}", show_number(r)),
            )),
            _ => Ok(()),
        }
    }
}

fn unknown_option(name: &str) -> Error {
    Error::invalid_option(
        name,
        format!(
            "unknown option (expected one of: {})",
            OPTION_NAMES.join(", ")
        ),
    )
}

fn number(name: &str, value: &OptionValue) -> Result<f64, Error> {
    match value {
        OptionValue::Number(n) if n.is_finite() => Ok(*n),
        OptionValue::Number(n) => Err(Error::invalid_option(
            name,
            format!("must be finite, got {}", show_number(*n)),
        )),
        other => Err(Error::invalid_option(
            name,
            format!("must be a number, got {}", describe(other)),
        )),
    }
}

fn count(name: &str, value: &OptionValue, min: usize) -> Result<usize, Error> {
    let n = number(name, value)?;
    if n.fract() != 0.0 || n < min as f64 || n > u32::MAX as f64 {
        return Err(Error::invalid_option(
            name,
            format!("must be a whole number ≥ {min}, got {}", show_number(n)),
        ));
    }
    Ok(n as usize)
}

fn string<'v>(name: &str, value: &'v OptionValue) -> Result<&'v str, Error> {
    match value {
        OptionValue::Text(s) => Ok(s),
        other => Err(Error::invalid_option(
            name,
            format!("must be a string, got {}", describe(other)),
        )),
    }
}

/// A number as an error message shows it, without Rust's float formatting (`{}` of an
/// `f64` links about 9 KB of the gzipped wasm for these messages alone): a whole number
/// exactly, another to six decimal places, or as a power of ten when large, marked "≈" when
/// that is not the number itself.
fn show_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let a = n.abs();
    if a.is_infinite() {
        return format!("{sign}inf");
    }
    if a.fract() == 0.0 && a < 1e18 {
        return format!("{sign}{}", a as u64);
    }
    if a < 1e12 {
        let micros = (a * 1e6).round();
        let approx = if micros / 1e6 == a { "" } else { "≈" };
        return format!("{approx}{sign}{}", six_places(micros as u64));
    }
    // Divided down rather than by `log10` and `powf` (2.5 KB more of the wasm): a few
    // hundred steps at most, and the result is marked approximate anyway.
    let (mut mantissa, mut exponent) = (a, 0);
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    let micros = (mantissa * 1e6).round() as u64;
    format!("≈{sign}{}e{exponent}", six_places(micros))
}

/// `micros` millionths as a decimal: "1.5" for 1,500,000, "2" for 2,000,000.
fn six_places(micros: u64) -> String {
    let (whole, fraction) = (micros / 1_000_000, micros % 1_000_000);
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

fn describe(value: &OptionValue) -> &'static str {
    match value {
        OptionValue::Number(_) => "a number",
        OptionValue::Text(_) => "a string",
        OptionValue::Bool(_) => "a boolean",
        OptionValue::Null => "null",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_option() {
        let mut o = Options::default();
        let e = o.set("ratio", OptionValue::Number(1.5)).unwrap_err();
        assert_eq!(e.option(), Some("ratio"));
        assert!(e.to_string().contains("ratio"));
        let e = o.set("sentences", OptionValue::Number(-1.0)).unwrap_err();
        assert_eq!(e.option(), Some("sentences"));
        let e = o.set("sentence", OptionValue::Number(2.0)).unwrap_err();
        assert!(e.to_string().contains("sentence"), "{e}");
        let e = o.set("words", OptionValue::Text("ten".into())).unwrap_err();
        assert!(e.to_string().contains("must be a number"), "{e}");
    }

    #[test]
    fn two_budgets_are_refused() {
        let mut o = Options::default();
        o.set("sentences", OptionValue::Number(2.0)).unwrap();
        o.set("words", OptionValue::Number(50.0)).unwrap();
        assert!(o.validate().is_err());
    }

    #[test]
    fn language_is_checked() {
        let mut o = Options::default();
        assert_eq!(o.language, Language::Auto);
        o.set("language", OptionValue::Text("de".into())).unwrap();
        assert_eq!(o.language, Language::De);
        let e = o
            .set("language", OptionValue::Text("klingon".into()))
            .unwrap_err();
        assert_eq!(e.option(), Some("language"));
        assert!(
            e.to_string().contains("klingon") && e.to_string().contains("auto"),
            "{e}"
        );
        let e = o.set("language", OptionValue::Number(1.0)).unwrap_err();
        assert!(e.to_string().contains("must be a string"), "{e}");
    }

    #[test]
    fn presets_set_budgets() {
        let mut o = Options::default();
        o.set("preset", OptionValue::Text("headline".into()))
            .unwrap();
        assert_eq!(o.budget, Budget::Sentences(1));
        o.validate().unwrap();
    }

    #[test]
    fn numbers_in_messages_are_shown_without_float_formatting() {
        for (n, shown) in [
            (3.0, "3"),
            (-2.0, "-2"),
            (0.0, "0"),
            (-0.0, "-0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (-0.25, "-0.25"),
            (2.000001, "2.000001"),
            (1.0000001, "≈1"),
            (1e300, "≈1e300"),
            (-1.5e20, "≈-1.5e20"),
            (4294967296.5, "4294967296.5"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(show_number(n), shown, "{n}");
        }
        let e = Options::default()
            .set("ratio", OptionValue::Number(1.5))
            .unwrap_err();
        assert!(e.to_string().ends_with("got 1.5"), "{e}");
    }
}
