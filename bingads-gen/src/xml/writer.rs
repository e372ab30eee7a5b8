//! Writing elements into a string, tracking the default namespace in scope.

use super::{XSI_NS, XmlEncode};
use crate::types::Nillable;

/// Builds an XML document or fragment.
///
/// Each element is written unprefixed, with `xmlns="..."` only where its namespace differs
/// from its parent's, so output is compact and needs no prefix table. The `xsi` prefix is
/// declared on the first element written (the SOAP envelope, or the root of a fragment).
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    /// Default namespace of each open element.
    scopes: Vec<&'static str>,
    /// Whether `>` of the last start tag is still to be written.
    open_tag: bool,
    /// Whether the root element (which declares `xmlns:i`) has been started.
    root_written: bool,
}

/// The prefix our output binds to the XML Schema instance namespace.
pub const XSI_PREFIX: &str = "i";

impl XmlWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// A writer that appends to `out`, whose caller has already declared `xmlns:i`
    /// (the SOAP envelope writer) and whose default namespace in scope is `default_ns`.
    pub fn inside(out: String, default_ns: &'static str) -> Self {
        XmlWriter {
            out,
            scopes: vec![default_ns],
            open_tag: false,
            root_written: true,
        }
    }

    pub fn into_string(self) -> String {
        self.out
    }

    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// Appends raw, already well-formed XML.
    pub fn raw(&mut self, xml: &str) {
        self.finish_open_tag();
        self.out.push_str(xml);
    }

    fn finish_open_tag(&mut self) {
        if self.open_tag {
            self.out.push('>');
            self.open_tag = false;
        }
    }

    /// Opens `<name` in namespace `ns`; attributes may follow until content or [`Self::end`].
    pub fn start(&mut self, ns: &'static str, name: &str) {
        self.finish_open_tag();
        self.out.push('<');
        self.out.push_str(name);
        let parent = self.scopes.last().copied();
        if parent != Some(ns) && !(parent.is_none() && ns.is_empty()) {
            self.out.push_str(" xmlns=\"");
            escape_into(&mut self.out, ns, true);
            self.out.push('"');
        }
        if !self.root_written {
            self.root_written = true;
            self.out.push_str(" xmlns:");
            self.out.push_str(XSI_PREFIX);
            self.out.push_str("=\"");
            self.out.push_str(XSI_NS);
            self.out.push('"');
        }
        self.scopes.push(ns);
        self.open_tag = true;
    }

    /// Adds `xsi:type` naming a type in `type_ns`, binding a prefix for it on this element.
    pub fn xsi_type(&mut self, type_ns: &'static str, type_name: &str) {
        self.out.push_str(" i:type=\"t:");
        escape_into(&mut self.out, type_name, true);
        self.out.push_str("\" xmlns:t=\"");
        escape_into(&mut self.out, type_ns, true);
        self.out.push('"');
    }

    /// Adds `xsi:nil="true"`.
    pub fn nil_attr(&mut self) {
        self.out.push_str(" i:nil=\"true\"");
    }

    /// Ends the start tag (a no-op if content already did).
    pub fn close_start(&mut self) {
        self.finish_open_tag();
    }

    /// Writes escaped character data.
    pub fn text(&mut self, text: &str) {
        self.finish_open_tag();
        escape_into(&mut self.out, text, false);
    }

    /// Closes the innermost element, as `/>` when it has no content.
    pub fn end(&mut self, name: &str) {
        self.scopes.pop();
        if self.open_tag {
            self.out.push_str("/>");
            self.open_tag = false;
        } else {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    /// Writes `<name i:nil="true"/>`.
    pub fn nil(&mut self, ns: &'static str, name: &str) {
        self.start(ns, name);
        self.nil_attr();
        self.end(name);
    }

    /// A field with `minOccurs="1"`.
    pub fn req<T: XmlEncode>(&mut self, value: &T, ns: &'static str, name: &str) {
        value.encode(self, ns, name);
    }

    /// An optional field: absent when `None`.
    pub fn opt<T: XmlEncode>(&mut self, value: &Option<T>, ns: &'static str, name: &str) {
        if let Some(v) = value {
            v.encode(self, ns, name);
        }
    }

    /// A nillable field: absent, `xsi:nil`, or a value.
    pub fn nillable<T: XmlEncode>(&mut self, value: &Nillable<T>, ns: &'static str, name: &str) {
        self.nillable_with(value, ns, name, T::encode)
    }

    /// A required nillable field: absent is sent as `xsi:nil` (the element must be present).
    pub fn nillable_req<T: XmlEncode>(
        &mut self,
        value: &Nillable<T>,
        ns: &'static str,
        name: &str,
    ) {
        self.nillable_req_with(value, ns, name, T::encode)
    }

    /// [`Self::nillable_req`] with an explicit encoder (array wrappers).
    pub fn nillable_req_with<T>(
        &mut self,
        value: &Nillable<T>,
        ns: &'static str,
        name: &str,
        f: Encoder<T>,
    ) {
        match value {
            Nillable::Absent | Nillable::Nil => self.nil(ns, name),
            Nillable::Value(v) => f(v, self, ns, name),
        }
    }

    /// A repeated element (`maxOccurs` above one, outside an array wrapper).
    pub fn repeated<T: XmlEncode>(&mut self, values: &[T], ns: &'static str, name: &str) {
        for v in values {
            v.encode(self, ns, name);
        }
    }

    /// An array item that may be nil: `None` is written as `xsi:nil`.
    pub fn item<T: XmlEncode>(&mut self, value: &Option<T>, ns: &'static str, name: &str) {
        self.item_with(value, ns, name, T::encode)
    }

    /// [`Self::req`] with an explicit encoder (array wrappers).
    pub fn req_with<T: ?Sized>(&mut self, value: &T, ns: &'static str, name: &str, f: Encoder<T>) {
        f(value, self, ns, name);
    }

    /// [`Self::opt`] with an explicit encoder (array wrappers).
    pub fn opt_with<T>(&mut self, value: &Option<T>, ns: &'static str, name: &str, f: Encoder<T>) {
        if let Some(v) = value {
            f(v, self, ns, name);
        }
    }

    /// [`Self::nillable`] with an explicit encoder (array wrappers).
    pub fn nillable_with<T>(
        &mut self,
        value: &Nillable<T>,
        ns: &'static str,
        name: &str,
        f: Encoder<T>,
    ) {
        match value {
            Nillable::Absent => {}
            Nillable::Nil => self.nil(ns, name),
            Nillable::Value(v) => f(v, self, ns, name),
        }
    }

    /// [`Self::repeated`] with an explicit encoder (array wrappers).
    pub fn repeated_with<T>(&mut self, values: &[T], ns: &'static str, name: &str, f: Encoder<T>) {
        for v in values {
            f(v, self, ns, name);
        }
    }

    /// [`Self::item`] with an explicit encoder (nested array wrappers).
    pub fn item_with<T>(&mut self, value: &Option<T>, ns: &'static str, name: &str, f: Encoder<T>) {
        match value {
            None => self.nil(ns, name),
            Some(v) => f(v, self, ns, name),
        }
    }
}

/// An element encoder for types that cannot carry their own [`XmlEncode`] impl (an array
/// wrapper's item element name belongs to the wrapper, not to the item type).
pub type Encoder<T> = fn(&T, &mut XmlWriter, &'static str, &str);

/// Escapes text (`&`, `<`, `>`, and `\r` so that it survives end-of-line normalization) or,
/// with `attribute`, an attribute value (also `"`, tab and newline).
pub fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#xD;",
            b'"' if attribute => "&quot;",
            b'\n' if attribute => "&#xA;",
            b'\t' if attribute => "&#x9;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}
