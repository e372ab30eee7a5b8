//! Production or sandbox: which endpoints, OAuth authority and scope a client uses.

use std::fmt;
use std::str::FromStr;

/// The Microsoft Advertising environment. Switching environment means building a new client,
/// as in the official SDKs: accounts, tokens and ids do not carry over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Environment {
    #[default]
    Production,
    Sandbox,
}

impl Environment {
    /// The name used in the generated endpoint tables (`production`, `sandbox`).
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Sandbox => "sandbox",
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name [`Environment::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown environment `{name}`: expected `production` or `sandbox`")]
#[non_exhaustive]
pub struct UnknownEnvironment {
    /// The name as given.
    pub name: String,
}

impl FromStr for Environment {
    type Err = UnknownEnvironment;
    fn from_str(s: &str) -> Result<Self, UnknownEnvironment> {
        match s.to_ascii_lowercase().as_str() {
            "production" | "prod" => Ok(Environment::Production),
            "sandbox" => Ok(Environment::Sandbox),
            _ => Err(UnknownEnvironment {
                name: s.to_string(),
            }),
        }
    }
}
