//! The small JSON document model the bulk records' JSON form is written and read with.
//!
//! The record shape (`Type`, `Row`, the embedded API object, bulk-only fields, `Extra`) is
//! assembled member by member in a fixed order, and the embedded API object comes from the
//! generated serde form (`bingads_gen::json`), so a streaming writer that can splice in a
//! finished JSON value is all the writing side needs. Reading goes through `serde_json::Value`
//! (the same engine as the REST wire), kept beside an ordered view of objects for the
//! member-by-member reading of cells.

use std::fmt::Write as _;

/// Builds a JSON document: callers pair `begin_*`/`end_*`, call [`Self::key`] before each
/// object member and [`Self::item`] before each array item; commas and indentation are
/// handled here.
#[derive(Debug, Default)]
pub(crate) struct JsonWriter {
    out: String,
    pretty: bool,
    /// Per open container: whether it has a member yet.
    stack: Vec<bool>,
}

impl JsonWriter {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Two-space indentation, one member per line.
    pub(crate) fn pretty() -> Self {
        JsonWriter {
            pretty: true,
            ..Self::default()
        }
    }

    pub(crate) fn into_string(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.stack.len() {
                self.out.push_str("  ");
            }
        }
    }

    fn separator(&mut self) {
        if let Some(has) = self.stack.last_mut() {
            if *has {
                self.out.push(',');
            }
            *has = true;
        }
        self.newline();
    }

    fn close(&mut self, bracket: char) {
        if self.stack.pop().unwrap_or(false) {
            self.newline();
        }
        self.out.push(bracket);
    }

    pub(crate) fn begin_object(&mut self) {
        self.out.push('{');
        self.stack.push(false);
    }

    pub(crate) fn end_object(&mut self) {
        self.close('}');
    }

    pub(crate) fn begin_array(&mut self) {
        self.out.push('[');
        self.stack.push(false);
    }

    pub(crate) fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an object member.
    pub(crate) fn key(&mut self, key: &str) {
        self.separator();
        self.string(key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    /// Starts an array item.
    pub(crate) fn item(&mut self) {
        self.separator();
    }

    pub(crate) fn bool(&mut self, v: bool) {
        self.out.push_str(if v { "true" } else { "false" });
    }

    /// Writes a number already in JSON number syntax.
    pub(crate) fn raw_number(&mut self, n: &str) {
        self.out.push_str(n);
    }

    /// Splices in a complete JSON value (the generated serde form of an API object).
    pub(crate) fn raw_value(&mut self, json: &str) {
        self.out.push_str(json);
    }

    pub(crate) fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

/// A parsed JSON value with objects as ordered member lists, and the `serde_json` value it
/// came from (to hand an embedded API object to the generated serde form unchanged).
#[derive(Debug, Clone)]
pub(crate) struct JsonValue {
    pub(crate) kind: JsonKind,
    pub(crate) value: serde_json::Value,
}

#[derive(Debug, Clone)]
pub(crate) enum JsonKind {
    Null,
    Bool(bool),
    /// The number's text (integers stay exact).
    Number(String),
    String(String),
    Array(Vec<JsonValue>),
    Object(Vec<(String, JsonValue)>),
}

impl JsonValue {
    /// What kind of value this is, for error messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "a boolean",
            JsonKind::Number(_) => "a number",
            JsonKind::String(_) => "a string",
            JsonKind::Array(_) => "an array",
            JsonKind::Object(_) => "an object",
        }
    }

    /// An object's member by name (`None` for other kinds of value).
    pub(crate) fn get(&self, key: &str) -> Option<&JsonValue> {
        match &self.kind {
            JsonKind::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn from_serde(value: serde_json::Value) -> JsonValue {
        use serde_json::Value as V;
        let kind = match &value {
            V::Null => JsonKind::Null,
            V::Bool(b) => JsonKind::Bool(*b),
            V::Number(n) => JsonKind::Number(n.to_string()),
            V::String(s) => JsonKind::String(s.clone()),
            V::Array(items) => {
                JsonKind::Array(items.iter().cloned().map(JsonValue::from_serde).collect())
            }
            V::Object(members) => JsonKind::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), JsonValue::from_serde(v.clone())))
                    .collect(),
            ),
        };
        JsonValue { kind, value }
    }
}

/// Parses one JSON document; the error says where (line and column).
pub(crate) fn parse(text: &str) -> Result<JsonValue, serde_json::Error> {
    serde_json::from_str(text).map(JsonValue::from_serde)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_compact_and_pretty_and_reads_back() {
        let mut w = JsonWriter::new();
        w.begin_object();
        w.key("a");
        w.begin_array();
        w.item();
        w.raw_number("1");
        w.item();
        w.raw_value("{\"x\":null}");
        w.end_array();
        w.key("c");
        w.string("x\"y\n");
        w.end_object();
        let text = w.into_string();
        assert_eq!(text, r#"{"a":[1,{"x":null}],"c":"x\"y\n"}"#);
        let v = parse(&text).unwrap();
        let JsonKind::Object(members) = &v.kind else {
            panic!("an object: {v:?}");
        };
        assert_eq!(members.len(), 2);
        assert!(matches!(&members[1].1.kind, JsonKind::String(s) if s == "x\"y\n"));

        let mut w = JsonWriter::pretty();
        w.begin_object();
        w.key("b");
        w.bool(true);
        w.end_object();
        assert_eq!(w.into_string(), "{\n  \"b\": true\n}");
    }
}
