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
    /// The first character written that XML 1.0 cannot carry (see [`Self::finish`]).
    unrepresentable: Option<UnrepresentableChar>,
}

/// Text holding a character XML 1.0 cannot carry (a control character other than tab, line
/// feed and carriage return, or U+FFFE/U+FFFF): no escape makes it legal, so a document
/// holding it would be refused by the service. The text itself is not kept (it may be a
/// credential in a header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnrepresentableChar {
    /// The element whose text (or attribute) holds it.
    pub element: String,
    /// The character's code point.
    pub code_point: u32,
    /// Its position in that text, in characters from the start.
    pub index: usize,
}

impl std::fmt::Display for UnrepresentableChar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the text of <{}> holds U+{:04X} at character {}, which XML 1.0 cannot carry, so \
             the SOAP wire cannot send it; remove the character, or use the REST wire (JSON \
             escapes it)",
            self.element, self.code_point, self.index
        )
    }
}

impl std::error::Error for UnrepresentableChar {}

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
            unrepresentable: None,
        }
    }

    /// The document written so far, even if it holds a character XML cannot carry (see
    /// [`Self::finish`] for the checked form).
    pub fn into_string(self) -> String {
        self.out
    }

    /// The document, or the first character XML 1.0 cannot carry that was written into it.
    pub fn finish(self) -> Result<String, UnrepresentableChar> {
        match self.unrepresentable {
            None => Ok(self.out),
            Some(c) => Err(c),
        }
    }

    /// The first character XML 1.0 cannot carry written so far, if any.
    pub fn unrepresentable(&self) -> Option<&UnrepresentableChar> {
        self.unrepresentable.as_ref()
    }

    /// Escapes `text` into the output, remembering the first character no escape can make
    /// legal (checked in the same pass, so valid text costs nothing extra).
    fn escape(&mut self, text: &str, attribute: bool) {
        if let Err(index) = escape_into(&mut self.out, text, attribute) {
            if self.unrepresentable.is_none() {
                let code_point = text
                    .get(index..)
                    .and_then(|t| t.chars().next())
                    .map_or(0, u32::from);
                self.unrepresentable = Some(UnrepresentableChar {
                    element: self.innermost_element(),
                    code_point,
                    index: text.get(..index).map_or(0, |t| t.chars().count()),
                });
            }
        }
    }

    /// The name of the element whose start tag was written last (for error messages only).
    fn innermost_element(&self) -> String {
        let Some(start) = self.out.rfind('<') else {
            return String::new();
        };
        let tag = self.out.get(start + 1..).unwrap_or_default();
        tag.split([' ', '>', '/'])
            .next()
            .unwrap_or_default()
            .to_string()
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
            self.escape(ns, true);
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
        self.escape(type_name, true);
        self.out.push_str("\" xmlns:t=\"");
        self.escape(type_ns, true);
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
        self.escape(text, false);
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
///
/// `Err` holds the byte index of the first character XML 1.0 cannot carry (a control
/// character other than tab, line feed and carriage return, or U+FFFE/U+FFFF, whose UTF-8
/// forms are `EF BF BE`/`EF BF BF`); the whole text is still written, as is.
pub fn escape_into(out: &mut String, text: &str, attribute: bool) -> Result<(), usize> {
    let bytes = text.as_bytes();
    let mut last = 0;
    let mut unrepresentable = None;
    for (i, &b) in bytes.iter().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#xD;",
            b'"' if attribute => "&quot;",
            b'\n' if attribute => "&#xA;",
            b'\t' if attribute => "&#x9;",
            b'\t' | b'\n' => continue,
            0..=0x1f => {
                unrepresentable.get_or_insert(i);
                continue;
            }
            0xef if matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])) => {
                unrepresentable.get_or_insert(i);
                continue;
            }
            _ => continue,
        };
        out.push_str(text.get(last..i).unwrap_or_default());
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    match unrepresentable {
        None => Ok(()),
        Some(i) => Err(i),
    }
}
