//! Reading a request (JSON) or an envelope (XML) from a file, standard input or the command
//! line, and turning JSON into a typed request with errors that point at the problem.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use bingads_gen::json::{JsonErrorKind, JsonOperation, JsonRequest};

use crate::error::CliError;

/// The largest request or envelope read. The biggest Bing Ads requests (thousands of
/// keywords or negative keywords) are a few megabytes; parsing and encoding take several
/// times the input's size in memory, so a runaway input (a generated file, a pipe that never
/// ends) must stop here rather than exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Where the input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `--input FILE`.
    File(PathBuf),
    /// `--input -`, or nothing with standard input redirected.
    Stdin,
    /// `--data TEXT`.
    Inline(String),
}

impl Input {
    /// From `--input` / `--data` (at most one of them is given).
    pub fn from_args(input: Option<&str>, data: Option<&str>) -> Input {
        match (input, data) {
            (_, Some(d)) => Input::Inline(d.to_string()),
            (Some("-") | None, None) => Input::Stdin,
            (Some(f), None) => Input::File(PathBuf::from(f)),
        }
    }

    /// How error messages name the input.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "standard input".to_string(),
            Input::Inline(_) => "--data".to_string(),
        }
    }

    /// Reads the whole input. Reading a terminal is refused (it would wait for typing
    /// without saying so) unless `-` was given explicitly.
    pub fn read(&self, explicit_stdin: bool, what: &str) -> Result<Vec<u8>, CliError> {
        match self {
            Input::Inline(s) => Ok(s.as_bytes().to_vec()),
            Input::File(p) => {
                let cannot_read = |e: std::io::Error| {
                    CliError::usage(format!("cannot read {}: {e}", p.display()))
                        .hint("--input takes a file name, or - for standard input")
                };
                let file = std::fs::File::open(p).map_err(cannot_read)?;
                read_capped(file, &self.name(), what, cannot_read)
            }
            Input::Stdin => {
                let stdin = std::io::stdin();
                if !explicit_stdin && stdin.is_terminal() {
                    return Err(CliError::usage(format!("no {what} given"))
                        .hint("pass --input FILE, --data TEXT, or pipe it on standard input (--input - reads the terminal)"));
                }
                read_capped(stdin.lock(), &self.name(), what, |e| {
                    CliError::failure(format!("cannot read standard input: {e}"))
                })
            }
        }
    }
}

/// Reads all of `reader` up to [`MAX_INPUT_BYTES`]; one byte more is an error that says so,
/// and the rest is never read.
fn read_capped(
    reader: impl Read,
    name: &str,
    what: &str,
    io_error: impl FnOnce(std::io::Error) -> CliError,
) -> Result<Vec<u8>, CliError> {
    let mut buf = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(io_error)?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(CliError::usage(format!(
            "the {what} in {name} is larger than {} MiB, the most bingads reads",
            MAX_INPUT_BYTES / (1024 * 1024)
        ))
        .hint("split it into several calls: the service limits how many items one call takes (e.g. 100 campaigns, 1,000 keywords)"));
    }
    Ok(buf)
}

/// Parses a request body in its REST JSON form.
pub fn parse_request(
    service: &str,
    op: &JsonOperation,
    bytes: &[u8],
    source: &str,
) -> Result<Box<dyn JsonRequest>, CliError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| CliError::usage(format!("{source} is not UTF-8 text: {e}")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let example_hint = format!(
        "`bingads example {service} {}` prints a request with every field",
        op.meta.name
    );
    if text.trim().is_empty() {
        return Err(CliError::usage(format!("the request in {source} is empty"))
            .hint("an operation without parameters takes {} (e.g. --data '{}')")
            .hint(example_hint));
    }
    (op.read_request)(text.as_bytes()).map_err(|e| match e.kind {
        JsonErrorKind::Syntax => CliError::usage(format!(
            "malformed JSON in {source} at line {}, column {}: {}",
            e.line, e.column, e.message
        ))
        .hint(example_hint),
        JsonErrorKind::Data => CliError::usage(format!(
            "invalid {service}.{} request in {source} at {} (line {}, column {}): {}",
            op.meta.name, e.path, e.line, e.column, e.message
        ))
        .hint(example_hint),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services;

    fn parse(json: &str) -> Result<(), CliError> {
        let (s, op) = services::find_operation("CampaignManagement", "AddCampaigns").unwrap();
        parse_request(s.short_name(), op, json.as_bytes(), "test.json").map(|_| ())
    }

    #[test]
    fn malformed_json_has_line_and_column() {
        let e = parse("{\n  \"AccountId\": \"1\",\n  \"Campaigns\": [\n}").unwrap_err();
        assert!(e.message.contains("line 4, column 1"), "{}", e.message);
        assert!(
            e.message.starts_with("malformed JSON in test.json"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unknown_key_has_path_and_suggestion() {
        let e = parse(r#"{"AccountId": "1", "Campaigns": [{"Name": "a", "BidingScheme": {}}]}"#)
            .unwrap_err();
        assert!(
            e.message.contains("$.Campaigns[0].BidingScheme"),
            "{}",
            e.message
        );
        assert!(e.message.contains("BiddingScheme"), "{}", e.message);
    }

    #[test]
    fn wrong_type_has_path_and_expected_type() {
        let e = parse(r#"{"AccountId": "1", "Campaigns": {"Name": "a"}}"#).unwrap_err();
        assert!(e.message.contains("$.Campaigns"), "{}", e.message);
        assert!(e.message.contains("expected an array"), "{}", e.message);
    }
}
