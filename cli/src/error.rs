//! What a command can fail with, the exit code of each kind of failure, and how it is shown.

use std::fmt;

/// The process exit codes. Each kind of failure has its own, so a script can tell "fix the
/// command" from "the service said no" from "try again later".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Exit {
    /// Done.
    Success = 0,
    /// A local problem outside the request: reading or writing a file, starting a server.
    Failure = 1,
    /// The command cannot run as given, and nothing was sent: bad arguments, unknown service
    /// or operation, malformed or invalid JSON, missing credentials or configuration.
    Usage = 2,
    /// The service answered with a fault, on either wire (printed as JSON on stderr).
    Fault = 3,
    /// The service could not be reached or its answer was not usable: connection, timeout,
    /// an HTTP error that is not a service fault, an undecodable response.
    Transport = 4,
    /// Signing in or renewing the access token failed (sign in again).
    Auth = 5,
}

impl Exit {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// A failed command: its exit code, a message and what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub exit: Exit,
    pub message: String,
    /// Lines telling the user what to do next.
    pub hints: Vec<String>,
    /// Printed on stderr as is instead of `error: message` (a SOAP fault's JSON).
    pub raw_stderr: Option<String>,
}

impl CliError {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        CliError {
            exit,
            message: message.into(),
            hints: Vec::new(),
            raw_stderr: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }

    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Exit::Failure, message)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The text to print on stderr.
    pub fn render(&self) -> String {
        if let Some(raw) = &self.raw_stderr {
            let mut s = raw.clone();
            if !s.ends_with('\n') {
                s.push('\n');
            }
            return s;
        }
        let mut s = format!("error: {}\n", self.message);
        for h in &self.hints {
            s.push_str("hint: ");
            s.push_str(h);
            s.push('\n');
        }
        s
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

/// The exit codes as `--help` shows them.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  a local problem (reading or writing a file, starting a server)
  2  the command cannot run as given, nothing was sent: bad arguments, unknown service or
     operation, malformed or invalid JSON, missing credentials
  3  the service answered with a fault, on either wire (its JSON is on stderr)
  4  transport: the service could not be reached, timed out, answered an HTTP error that is
     not a SOAP fault, or answered something that could not be decoded
  5  authentication: signing in or renewing the access token failed (sign in again)";
