//! Writing JSON text, compact or indented.

/// Builds a JSON document. Callers pair `begin_*`/`end_*` and call [`Self::key`] before each
/// object member and [`Self::item`] before each array item; commas and indentation are
/// handled here.
#[derive(Debug, Default)]
pub struct JsonWriter {
    out: String,
    pretty: bool,
    /// Per open container: whether it has a member yet.
    stack: Vec<bool>,
}

impl JsonWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Two-space indentation, one member per line.
    pub fn pretty() -> Self {
        JsonWriter {
            pretty: true,
            ..Self::default()
        }
    }

    pub fn into_string(self) -> String {
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

    pub fn begin_object(&mut self) {
        self.out.push('{');
        self.stack.push(false);
    }

    pub fn end_object(&mut self) {
        let had = self.stack.pop().unwrap_or(false);
        if had {
            self.newline();
        }
        self.out.push('}');
    }

    pub fn begin_array(&mut self) {
        self.out.push('[');
        self.stack.push(false);
    }

    pub fn end_array(&mut self) {
        let had = self.stack.pop().unwrap_or(false);
        if had {
            self.newline();
        }
        self.out.push(']');
    }

    /// Starts an object member.
    pub fn key(&mut self, key: &str) {
        self.separator();
        self.string(key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    /// Starts an array item.
    pub fn item(&mut self) {
        self.separator();
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    pub fn bool(&mut self, v: bool) {
        self.out.push_str(if v { "true" } else { "false" });
    }

    /// Writes a number already in JSON number syntax.
    pub fn raw_number(&mut self, n: &str) {
        self.out.push_str(n);
    }

    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    use std::fmt::Write;
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_and_pretty() {
        for (pretty, expected) in [
            (false, r#"{"a":[1,null],"b":{},"c":"x\"y"}"#),
            (
                true,
                "{\n  \"a\": [\n    1,\n    null\n  ],\n  \"b\": {},\n  \"c\": \"x\\\"y\"\n}",
            ),
        ] {
            let mut w = if pretty {
                JsonWriter::pretty()
            } else {
                JsonWriter::new()
            };
            w.begin_object();
            w.key("a");
            w.begin_array();
            w.item();
            w.raw_number("1");
            w.item();
            w.null();
            w.end_array();
            w.key("b");
            w.begin_object();
            w.end_object();
            w.key("c");
            w.string("x\"y");
            w.end_object();
            assert_eq!(w.into_string(), expected);
        }
    }
}
