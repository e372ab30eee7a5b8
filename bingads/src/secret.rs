//! A string that never shows itself in `Debug` or `Display`, and is wiped from memory when
//! dropped.
//!
//! Access and refresh tokens, the developer token, client secrets and passwords travel as
//! [`SecretString`], so a stray `{:?}` in a log line, an error message or a panic can never
//! leak one. Reading the value is explicit: [`SecretString::expose`]. The value lives in the
//! `secrecy` crate's box, which zeroes it on drop, so a freed token does not linger in the
//! heap for a core dump or a later allocation to reveal.

use std::fmt;

use secrecy::ExposeSecret as _;

/// A credential. `Debug` and `Display` print `<redacted>`; memory is zeroed on drop.
#[derive(Clone, Default)]
pub struct SecretString(secrecy::SecretString);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        SecretString(secrecy::SecretString::from(value.into()))
    }

    /// The secret itself, for the one place that has to send it.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }
}

impl PartialEq for SecretString {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for SecretString {}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for SecretString {
    fn from(v: String) -> Self {
        SecretString::new(v)
    }
}

impl From<&str> for SecretString {
    fn from(v: &str) -> Self {
        SecretString::new(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_printed() {
        let s = SecretString::new("hunter2");
        assert_eq!(format!("{s:?} {s}"), "<redacted> <redacted>");
        assert_eq!(s.expose(), "hunter2");
        assert_eq!(s.clone(), s);
        assert!(SecretString::default().is_empty());
    }
}
