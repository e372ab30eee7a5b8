//! Streaming element reader over a byte slice.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use super::XSI_NS;
use super::error::{DecodeError, DecodeErrorKind};
use crate::types::Nillable;

/// Elements may nest at most this deep; deeper input is rejected rather than risking the
/// stack in recursive decoders.
pub const MAX_DEPTH: usize = 128;

/// Longest element name matched against schema names; longer names are skipped as unknown
/// (no name in the WSDLs comes close).
const MAX_NAME: usize = 128;

/// Reads one document element by element.
///
/// The reader always sits just inside an element's start tag; [`Self::is_nil`] and
/// [`Self::xsi_type`] describe that element, and each decoder consumes its content up to and
/// including its end tag.
pub struct XmlReader<'a> {
    inner: NsReader<&'a [u8]>,
    /// Local names of the open elements, for error paths.
    path: Vec<Box<str>>,
    nil: bool,
    xsi_type: Option<Box<str>>,
    /// The current element was `<x/>`: there is no content and no end tag to read.
    empty: bool,
    strict_order: bool,
}

impl<'a> XmlReader<'a> {
    pub fn new(input: &'a [u8]) -> Self {
        let mut inner = NsReader::from_reader(input);
        let config = inner.config_mut();
        config.check_end_names = true;
        config.trim_text(false);
        XmlReader {
            inner,
            path: Vec::new(),
            nil: false,
            xsi_type: None,
            empty: false,
            strict_order: false,
        }
    }

    /// Rejects elements that arrive out of schema order instead of accepting them (the
    /// service emulator uses this to catch what the real service would silently drop).
    pub fn set_strict_order(&mut self, strict: bool) {
        self.strict_order = strict;
    }

    /// True when the current element carries `xsi:nil="true"`.
    pub fn is_nil(&self) -> bool {
        self.nil
    }

    /// The local name of the current element's `xsi:type`, if any (its prefix is not checked:
    /// type names are unique within a service).
    pub fn xsi_type(&self) -> Option<&str> {
        self.xsi_type.as_deref()
    }

    /// The current element path, e.g. `/Envelope/Body/GetUserResponse`.
    pub fn path(&self) -> String {
        let mut s = String::new();
        for p in &self.path {
            s.push('/');
            s.push_str(p);
        }
        s
    }

    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        DecodeError {
            kind,
            path: self.path(),
            position: self.inner.buffer_position(),
            tracking_id: None,
        }
    }

    pub fn invalid(&self, expected: &'static str, found: &str) -> DecodeError {
        self.error(DecodeErrorKind::InvalidValue {
            expected,
            found: found.to_string(),
        })
    }

    fn next(&mut self) -> Result<Event<'a>, DecodeError> {
        match self.inner.read_event() {
            Ok(Event::Eof) => Err(self.error(DecodeErrorKind::UnexpectedEof)),
            Ok(e) => Ok(e),
            Err(e) => Err(self.error(DecodeErrorKind::Syntax(e.to_string()))),
        }
    }

    /// Records the attributes we care about and enters the element.
    fn enter(
        &mut self,
        e: &quick_xml::events::BytesStart<'_>,
        empty: bool,
    ) -> Result<(), DecodeError> {
        if self.path.len() >= MAX_DEPTH {
            return Err(self.error(DecodeErrorKind::TooDeep));
        }
        self.nil = false;
        self.xsi_type = None;
        self.empty = empty;
        let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
        self.path.push(local.into_boxed_str());
        // quick-xml's duplicate-attribute check is quadratic in the attribute count; a hostile
        // document with thousands of attributes must not cost seconds, and duplicates are harmless
        // here (we only read xsi:nil and xsi:type).
        for attr in e.attributes().with_checks(false) {
            let attr = attr.map_err(|err| self.error(DecodeErrorKind::Syntax(err.to_string())))?;
            let (ns, local) = self.inner.resolve_attribute(attr.key);
            let is_xsi = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == XSI_NS.as_bytes());
            if !is_xsi {
                continue;
            }
            let value = attr
                .unescape_value()
                .map_err(|err| self.error(DecodeErrorKind::Syntax(err.to_string())))?;
            match local.as_ref() {
                b"nil" => self.nil = matches!(value.trim(), "true" | "1"),
                b"type" => {
                    let v = value.trim();
                    let name = v.rsplit_once(':').map_or(v, |(_, l)| l);
                    self.xsi_type = Some(name.into());
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.path.pop();
        self.empty = false;
    }

    /// Moves to the document's root element and enters it, returning its local name.
    pub fn root(&mut self) -> Result<String, DecodeError> {
        loop {
            match self.next()? {
                Event::Start(e) => {
                    self.enter(&e, false)?;
                    break;
                }
                Event::Empty(e) => {
                    self.enter(&e, true)?;
                    break;
                }
                Event::End(e) => {
                    let found = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    return Err(self.error(DecodeErrorKind::UnexpectedElement {
                        expected: "a root element".into(),
                        found,
                    }));
                }
                _ => {}
            }
        }
        Ok(self.path.last().map(|s| s.to_string()).unwrap_or_default())
    }

    /// Calls `f` with each child element's local name. `f` returns `true` when it consumed the
    /// element (through its end tag) and `false` to have it skipped. Text between children
    /// is ignored.
    pub fn read_children(
        &mut self,
        mut f: impl FnMut(&mut Self, &[u8]) -> Result<bool, DecodeError>,
    ) -> Result<(), DecodeError> {
        if self.empty {
            self.empty = false;
            return Ok(());
        }
        let mut name_buf = [0u8; MAX_NAME];
        loop {
            let (event, empty) = match self.next()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => return Ok(()),
                _ => continue,
            };
            self.enter(&event, empty)?;
            let local = event.local_name();
            let local = local.as_ref();
            let handled = match name_buf.get_mut(..local.len()) {
                Some(buf) => {
                    buf.copy_from_slice(local);
                    f(self, buf)?
                }
                None => false,
            };
            if !handled {
                self.skip()?;
            }
            self.leave();
        }
    }

    /// [`Self::read_children`] for a struct's fields: `f` returns the field's schema position,
    /// which in strict mode must not go backwards.
    pub fn read_fields(
        &mut self,
        mut f: impl FnMut(&mut Self, &[u8]) -> Result<Option<u32>, DecodeError>,
    ) -> Result<(), DecodeError> {
        let strict = self.strict_order;
        let mut last: Option<(u32, Box<str>)> = None;
        self.read_children(|r, name| {
            let Some(index) = f(r, name)? else {
                return Ok(false);
            };
            if strict {
                if let Some((prev, prev_name)) = &last {
                    if index < *prev {
                        let element = String::from_utf8_lossy(name).into_owned();
                        return Err(r.error(DecodeErrorKind::OutOfOrder {
                            element,
                            after: prev_name.to_string(),
                        }));
                    }
                }
                last = Some((index, String::from_utf8_lossy(name).into()));
            }
            Ok(true)
        })
    }

    /// Skips the rest of the current element.
    pub fn skip(&mut self) -> Result<(), DecodeError> {
        if self.empty {
            self.empty = false;
            return Ok(());
        }
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Event::Start(_) => {
                    depth += 1;
                    // Skipped content obeys the same depth limit as decoded content (and
                    // keeps quick-xml's namespace scope counter far from its limit).
                    if self.path.len() + depth > MAX_DEPTH {
                        return Err(self.error(DecodeErrorKind::TooDeep));
                    }
                }
                Event::End(_) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
    }

    /// Reads the current element's text content (entities resolved, child elements skipped).
    pub fn read_text(&mut self) -> Result<String, DecodeError> {
        let mut text = String::new();
        if self.empty {
            self.empty = false;
            return Ok(text);
        }
        loop {
            match self.next()? {
                Event::Text(t) => {
                    let s = t
                        .xml_content()
                        .map_err(|e| self.error(DecodeErrorKind::Syntax(e.to_string())))?;
                    text.push_str(&s);
                }
                Event::CData(t) => {
                    let s = t
                        .decode()
                        .map_err(|e| self.error(DecodeErrorKind::Syntax(e.to_string())))?;
                    text.push_str(&s);
                }
                Event::GeneralRef(r) => self.push_entity(&r, &mut text)?,
                Event::Start(e) => {
                    // Mixed content is not part of these schemas; skip the child.
                    self.enter(&e, false)?;
                    self.skip()?;
                    self.leave();
                }
                Event::End(_) => return Ok(text),
                _ => {}
            }
        }
    }

    /// Reads the current element's content as both text and child elements: `child` is
    /// called for each child element (and must consume it); the text between children is
    /// returned.
    pub fn read_mixed(
        &mut self,
        mut child: impl FnMut(&mut Self, &[u8]) -> Result<(), DecodeError>,
    ) -> Result<String, DecodeError> {
        let mut text = String::new();
        if self.empty {
            self.empty = false;
            return Ok(text);
        }
        let mut name_buf = [0u8; MAX_NAME];
        loop {
            let (event, empty) = match self.next()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => return Ok(text),
                Event::Text(t) => {
                    let s = t
                        .xml_content()
                        .map_err(|e| self.error(DecodeErrorKind::Syntax(e.to_string())))?;
                    text.push_str(&s);
                    continue;
                }
                Event::CData(t) => {
                    let s = t
                        .decode()
                        .map_err(|e| self.error(DecodeErrorKind::Syntax(e.to_string())))?;
                    text.push_str(&s);
                    continue;
                }
                Event::GeneralRef(r) => {
                    self.push_entity(&r, &mut text)?;
                    continue;
                }
                _ => continue,
            };
            self.enter(&event, empty)?;
            let local = event.local_name();
            let local = local.as_ref();
            let n = local.len().min(MAX_NAME);
            let buf = name_buf.get_mut(..n).unwrap_or_default();
            buf.copy_from_slice(local.get(..n).unwrap_or_default());
            child(self, buf)?;
            self.leave();
        }
    }

    /// Appends the text an entity or character reference stands for.
    fn push_entity(
        &self,
        r: &quick_xml::events::BytesRef<'_>,
        text: &mut String,
    ) -> Result<(), DecodeError> {
        if let Ok(Some(c)) = r.resolve_char_ref() {
            text.push(c);
            return Ok(());
        }
        let name = r
            .decode()
            .map_err(|e| self.error(DecodeErrorKind::Syntax(e.to_string())))?;
        match quick_xml::escape::resolve_predefined_entity(&name) {
            Some(s) => {
                text.push_str(s);
                Ok(())
            }
            None => Err(self.error(DecodeErrorKind::Syntax(format!("unknown entity &{name};")))),
        }
    }

    /// Reads a required or optional value: `xsi:nil` on a non-nillable field reads as `None`.
    pub fn opt<T>(&mut self, f: Decoder<T>) -> Result<Option<T>, DecodeError> {
        if self.nil {
            self.skip()?;
            return Ok(None);
        }
        f(self).map(Some)
    }

    /// Reads a nillable field.
    pub fn nillable<T>(&mut self, f: Decoder<T>) -> Result<Nillable<T>, DecodeError> {
        if self.nil {
            self.skip()?;
            return Ok(Nillable::Nil);
        }
        f(self).map(Nillable::Value)
    }

    /// Reads a required field; `xsi:nil` yields the type's default.
    pub fn req<T: Default>(&mut self, f: Decoder<T>) -> Result<T, DecodeError> {
        Ok(self.opt(f)?.unwrap_or_default())
    }

    /// Reads an array wrapper's items: every child named `item` is decoded with `f`.
    pub fn items<T>(&mut self, item: &[u8], f: Decoder<T>) -> Result<Vec<T>, DecodeError> {
        let mut out = Vec::new();
        self.read_children(|r, name| {
            if name != item {
                return Ok(false);
            }
            out.push(f(r)?);
            Ok(true)
        })?;
        Ok(out)
    }
}

/// An element decoder (see [`super::XmlDecode::decode`]).
pub type Decoder<T> = fn(&mut XmlReader<'_>) -> Result<T, DecodeError>;
