//! Decoding failures: what went wrong and where (the element path and byte offset).

use std::fmt;

/// Why a document could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input is not well-formed XML.
    Syntax(String),
    /// The input ended inside an element.
    UnexpectedEof,
    /// A value's text is not valid for its type.
    InvalidValue {
        expected: &'static str,
        found: String,
    },
    /// An element came before one that precedes it in the schema (strict mode only).
    OutOfOrder { element: String, after: String },
    /// The document does not have the expected shape (e.g. no SOAP body).
    UnexpectedElement { expected: String, found: String },
    /// Elements nest deeper than [`super::MAX_DEPTH`].
    TooDeep,
    /// A REST JSON body that is not valid JSON or does not fit the response type (`path` is
    /// then the JSON path, `$.Campaigns[0].Id`).
    Json(String),
}

/// A decoding failure, with the path of the element being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub kind: DecodeErrorKind,
    /// Slash-separated local names from the root, e.g. `/Envelope/Body/GetUserResponse/User`.
    pub path: String,
    /// Byte offset in the input where the problem was noticed.
    pub position: u64,
    /// The response's TrackingId, when the envelope carried one (set by `soap::call`).
    pub tracking_id: Option<String>,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DecodeErrorKind::Syntax(m) => write!(f, "malformed XML: {m}")?,
            DecodeErrorKind::UnexpectedEof => {
                write!(f, "the document ended early (truncated response?)")?
            }
            DecodeErrorKind::InvalidValue { expected, found } => {
                let shown: String = found.chars().take(64).collect();
                write!(f, "invalid {expected} value `{shown}`")?
            }
            DecodeErrorKind::OutOfOrder { element, after } => write!(
                f,
                "element `{element}` comes after `{after}` but precedes it in the schema"
            )?,
            DecodeErrorKind::UnexpectedElement { expected, found } => {
                write!(f, "expected {expected}, found `{found}`")?
            }
            DecodeErrorKind::TooDeep => write!(f, "elements nest too deeply")?,
            // The message already names the line and column; a JSON path replaces the byte.
            DecodeErrorKind::Json(m) => return write!(f, "REST response: {m} at {}", self.path),
        }
        write!(
            f,
            " at {} (byte {})",
            if self.path.is_empty() {
                "/"
            } else {
                &self.path
            },
            self.position
        )
    }
}

impl std::error::Error for DecodeError {}
