//! The crate's one error type.
//!
//! [`Error`] is opaque: callers get a message (via `Display`) and, for option errors, the name
//! of the option at fault ([`Error::option`]). Nothing in the crate panics on bad input; every
//! failure becomes one of these.

use std::fmt;

/// An error from nutshell: an invalid option or an input it refuses (e.g. over the size limit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: Kind,
    message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Option(String),
    Input,
}

impl Error {
    /// An invalid or unknown option; the message names it.
    pub(crate) fn invalid_option(name: &str, problem: impl fmt::Display) -> Self {
        Error {
            kind: Kind::Option(name.to_string()),
            message: format!("option `{name}`: {problem}"),
        }
    }

    /// Input the library refuses to process.
    pub(crate) fn invalid_input(problem: impl fmt::Display) -> Self {
        Error {
            kind: Kind::Input,
            message: format!("input: {problem}"),
        }
    }

    /// The name of the option this error is about, if it is about one.
    pub fn option(&self) -> Option<&str> {
        match &self.kind {
            Kind::Option(name) => Some(name),
            Kind::Input => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
