//! A JSON document parsed into a tree that keeps what the API needs exactly: numbers as
//! their text (a `long` never passes through `f64`, a decimal keeps every digit), object
//! keys in document order, and the line and column of every value for error messages.

use std::fmt;

/// A parsed JSON value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonValue {
    pub kind: JsonKind,
    /// 1-based line and column of the value's first character.
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind {
    Null,
    Bool(bool),
    /// The number exactly as written.
    Number(String),
    String(String),
    Array(Vec<JsonValue>),
    /// Members in document order (duplicate keys are rejected by the parser).
    Object(Vec<(String, JsonValue)>),
}

impl JsonValue {
    /// A short name of the value's JSON type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "a boolean",
            JsonKind::Number(_) => "a number",
            JsonKind::String(_) => "a string",
            JsonKind::Array(_) => "an array",
            JsonKind::Object(_) => "an object",
        }
    }

    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        match &self.kind {
            JsonKind::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Malformed JSON, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSyntaxError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for JsonSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "malformed JSON at line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for JsonSyntaxError {}

/// Nesting deeper than this is rejected (the API's deepest types nest far less).
pub const MAX_JSON_DEPTH: usize = 128;

/// Parses a complete JSON document.
pub fn parse(input: &str) -> Result<JsonValue, JsonSyntaxError> {
    let mut p = Parser {
        bytes: input.as_bytes(),
        src: input,
        pos: 0,
        line: 1,
        col: 1,
    };
    p.skip_ws();
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    bytes: &'a [u8],
    src: &'a str,
    pos: usize,
    line: u32,
    col: u32,
}

impl Parser<'_> {
    fn err(&self, message: impl Into<String>) -> JsonSyntaxError {
        JsonSyntaxError {
            message: message.into(),
            line: self.line,
            column: self.col,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.col = 1;
        } else if b & 0xC0 != 0x80 {
            // Count characters, not UTF-8 continuation bytes.
            self.col += 1;
        }
        Some(b)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect_word(&mut self, word: &str) -> Result<(), JsonSyntaxError> {
        for expected in word.bytes() {
            if self.peek() != Some(expected) {
                return Err(self.err(format!("expected `{word}`")));
            }
            self.bump();
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<JsonValue, JsonSyntaxError> {
        if depth > MAX_JSON_DEPTH {
            return Err(self.err("nesting is too deep"));
        }
        let (line, column) = (self.line, self.col);
        let kind = match self.peek() {
            None => return Err(self.err("unexpected end of input")),
            Some(b'n') => {
                self.expect_word("null")?;
                JsonKind::Null
            }
            Some(b't') => {
                self.expect_word("true")?;
                JsonKind::Bool(true)
            }
            Some(b'f') => {
                self.expect_word("false")?;
                JsonKind::Bool(false)
            }
            Some(b'"') => JsonKind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => JsonKind::Number(self.number()?),
            Some(b'[') => {
                self.bump();
                let mut items = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.bump();
                } else {
                    loop {
                        self.skip_ws();
                        items.push(self.value(depth + 1)?);
                        self.skip_ws();
                        match self.bump() {
                            Some(b',') => continue,
                            Some(b']') => break,
                            _ => return Err(self.err("expected `,` or `]` in an array")),
                        }
                    }
                }
                JsonKind::Array(items)
            }
            Some(b'{') => {
                self.bump();
                let mut members: Vec<(String, JsonValue)> = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.bump();
                } else {
                    loop {
                        self.skip_ws();
                        if self.peek() != Some(b'"') {
                            return Err(self.err("expected a quoted key"));
                        }
                        let key = self.string()?;
                        if members.iter().any(|(k, _)| *k == key) {
                            return Err(self.err(format!("duplicate key `{key}`")));
                        }
                        self.skip_ws();
                        if self.bump() != Some(b':') {
                            return Err(self.err("expected `:` after a key"));
                        }
                        self.skip_ws();
                        let v = self.value(depth + 1)?;
                        members.push((key, v));
                        self.skip_ws();
                        match self.bump() {
                            Some(b',') => continue,
                            Some(b'}') => break,
                            _ => return Err(self.err("expected `,` or `}` in an object")),
                        }
                    }
                }
                JsonKind::Object(members)
            }
            Some(other) => {
                return Err(self.err(format!("unexpected character `{}`", other as char)));
            }
        };
        Ok(JsonValue { kind, line, column })
    }

    fn number(&mut self) -> Result<String, JsonSyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.bump();
            }
            p.pos > s
        };
        if !digits(self) {
            return Err(self.err("expected digits"));
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !digits(self) {
                return Err(self.err("expected digits after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if !digits(self) {
                return Err(self.err("expected exponent digits"));
            }
        }
        Ok(self
            .src
            .get(start..self.pos)
            .unwrap_or_default()
            .to_string())
    }

    fn string(&mut self) -> Result<String, JsonSyntaxError> {
        self.bump(); // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.bump();
            }
            out.push_str(self.src.get(start..self.pos).unwrap_or_default());
            match self.bump() {
                Some(b'"') => return Ok(out),
                Some(b'\\') => {
                    let c = match self.bump() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let hi = self.hex4()?;
                            if (0xD800..0xDC00).contains(&hi) {
                                if self.bump() != Some(b'\\') || self.bump() != Some(b'u') {
                                    return Err(self.err("unpaired surrogate in \\u escape"));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("invalid low surrogate in \\u escape"));
                                }
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                    .ok_or_else(|| self.err("invalid \\u escape"))?
                            } else {
                                char::from_u32(hi).ok_or_else(|| self.err("invalid \\u escape"))?
                            }
                        }
                        _ => return Err(self.err("invalid escape in a string")),
                    };
                    out.push(c);
                }
                Some(_) => return Err(self.err("control character in a string")),
                None => return Err(self.err("unterminated string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonSyntaxError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.bump() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.err("expected four hex digits in \\u escape")),
            };
            v = v * 16 + u32::from(d);
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_kept_exactly() {
        let v =
            parse(r#"{"Id": 9223372036854775807, "Amount": 12345678901234567890.125}"#).unwrap();
        assert_eq!(
            v.get("Id").unwrap().kind,
            JsonKind::Number("9223372036854775807".into())
        );
        assert_eq!(
            v.get("Amount").unwrap().kind,
            JsonKind::Number("12345678901234567890.125".into())
        );
    }

    #[test]
    fn errors_have_positions() {
        let e = parse("{\n  \"a\": 1,\n  \"b\": ]\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 8));
        assert!(
            parse(r#"{"a":1,"a":2}"#)
                .unwrap_err()
                .message
                .contains("duplicate")
        );
        assert!(parse("[1,").is_err());
        assert!(parse(r#""\ud800""#).is_err());
    }

    #[test]
    fn strings_unescape() {
        let v = parse(r#""a\"b\\c\u00e9\ud83d\ude00""#).unwrap();
        assert_eq!(v.kind, JsonKind::String("a\"b\\cé😀".into()));
    }
}
