//! Sample XML instances of any schema type, straight from the model.
//!
//! The generated round-trip tests decode these samples with the generated Rust types,
//! encode the values again and require the very same bytes. Because the samples come from
//! the model and not from the generated code, a field the emitter dropped, reordered or put
//! in the wrong namespace shows up as a difference. The writer here follows the same
//! conventions as `bingads_gen::xml::XmlWriter` (unprefixed elements, `xmlns` where the
//! namespace changes, `xmlns:i` on the root, `i:type="t:Name" xmlns:t=".."`).

use crate::model::*;

const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// How much of a type to fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Every field present with a value; repeated fields and arrays get two items (the
    /// second item nil where items are nillable); polymorphic fields hold a derived type.
    Full,
    /// Nillable fields sent as `xsi:nil`, other optional fields absent, required fields set.
    Sparse,
}

/// Builds sample documents for one service.
pub struct Sampler<'a> {
    types: TypeIndex<'a>,
    /// Nesting depth after which optional content is left out, so recursive types end.
    pub max_depth: usize,
}

impl<'a> Sampler<'a> {
    pub fn new(service: &'a Service) -> Self {
        Sampler {
            types: TypeIndex::new(service),
            max_depth: 4,
        }
    }

    fn complex(&self, q: &QName) -> Option<&'a ComplexType> {
        self.types.complex(q)
    }

    /// Concrete descendants of `q`, in document order.
    pub fn descendants(&self, q: &QName) -> Vec<&'a ComplexType> {
        self.types.descendants(q)
    }

    /// A whole document: the element `type_name` (in the type's namespace) holding a sample of
    /// the type, or of `xsi_type` (a descendant) announced with `xsi:type`.
    pub fn document(&self, type_name: &str, xsi_type: Option<&str>, fill: Fill) -> Option<String> {
        let root = self
            .types
            .service()
            .types
            .iter()
            .find(|t| t.name().name == type_name)?;
        let ty = match xsi_type {
            Some(x) => self
                .types
                .service()
                .types
                .iter()
                .find(|t| t.name().name == x)?
                .name()
                .clone(),
            None => root.name().clone(),
        };
        let mut w = Writer {
            out: String::new(),
            scopes: Vec::new(),
            root_done: false,
        };
        let xsi = xsi_type.map(|_| ty.clone());
        self.element(
            &mut w,
            &root.name().ns,
            type_name,
            &ty,
            xsi.as_ref(),
            fill,
            0,
        );
        Some(w.out)
    }

    #[allow(clippy::too_many_arguments)]
    fn element(
        &self,
        w: &mut Writer,
        ns: &str,
        name: &str,
        ty: &QName,
        xsi: Option<&QName>,
        fill: Fill,
        depth: usize,
    ) {
        if depth > self.max_depth * 3 {
            // Only reachable through chains of required fields; keep the sample finite.
            w.start(ns, name);
            w.end(name);
            return;
        }
        if let Some(item) = self.types.array_item(ty) {
            w.start(ns, name);
            for i in 0..2 {
                if i == 1 && item.nillable {
                    w.nil(&item.ns, &item.name);
                } else {
                    self.value(w, &item.ns, &item.name, &item.ty, fill, depth + 1);
                }
            }
            w.end(name);
            return;
        }
        match self.types.get(ty) {
            Some(TypeDef::Complex(c)) => {
                w.start(ns, name);
                if let Some(x) = xsi {
                    w.xsi_type(&x.ns, &x.name);
                }
                for f in self.types.fields(c) {
                    self.field(w, f, fill, depth + 1);
                }
                w.end(name);
            }
            Some(TypeDef::Simple(s)) => {
                let text = simple_text(s, self);
                w.start(ns, name);
                w.text(&text);
                w.end(name);
            }
            None => {
                w.start(ns, name);
                w.end(name);
            }
        }
    }

    fn field(&self, w: &mut Writer, f: &Field, fill: Fill, depth: usize) {
        let deep = depth > self.max_depth
            && matches!(&f.ty, TypeRef::Named(q) if self.complex(q).is_some());
        let sparse = fill == Fill::Sparse || deep;
        if sparse && (f.nillable || f.min_occurs == 0 || f.is_repeated()) {
            if f.nillable && !f.is_repeated() {
                w.nil(&f.ns, &f.name);
            }
            return;
        }
        let count = if f.is_repeated() { 2 } else { 1 };
        for _ in 0..count {
            self.value(w, &f.ns, &f.name, &f.ty, fill, depth);
        }
    }

    fn value(&self, w: &mut Writer, ns: &str, name: &str, ty: &TypeRef, fill: Fill, depth: usize) {
        match ty {
            TypeRef::Builtin(b) => {
                w.start(ns, name);
                w.text(builtin_text(*b));
                w.end(name);
            }
            TypeRef::Named(q) => {
                // A polymorphic type is filled with its first descendant, announced by xsi:type.
                let derived = if fill == Fill::Full {
                    self.descendants(q).into_iter().next()
                } else {
                    None
                };
                match derived {
                    Some(d) => self.element(w, ns, name, &d.name, Some(&d.name), fill, depth),
                    None => self.element(w, ns, name, q, None, fill, depth),
                }
            }
        }
    }
}

fn simple_text(s: &SimpleType, sampler: &Sampler) -> String {
    match &s.kind {
        SimpleKind::Enum(values) => values.first().map(|v| v.value.clone()).unwrap_or_default(),
        SimpleKind::FlagsList(values) => values
            .iter()
            .take(2)
            .map(|v| v.value.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        SimpleKind::List(TypeRef::Builtin(b)) => format!("{0} {0}", builtin_text(*b)),
        SimpleKind::List(TypeRef::Named(q)) => match sampler.types.get(q) {
            Some(TypeDef::Simple(inner)) => {
                let one = simple_text(inner, sampler);
                format!("{one} {one}")
            }
            _ => String::new(),
        },
        SimpleKind::Restriction(b) => builtin_text(*b).to_string(),
    }
}

/// A canonical sample of each primitive: the text our Rust types print back unchanged.
/// The long is above 2^53 so a value that went through `f64` would not survive.
pub fn builtin_text(b: Builtin) -> &'static str {
    match b {
        Builtin::String | Builtin::AnyType => "Name & <Co> \"q\"",
        Builtin::AnyUri => "https://example.com/a?b=1&c=2",
        Builtin::QName => "tns:Name",
        Builtin::Boolean => "true",
        Builtin::Byte => "-7",
        Builtin::Short => "-300",
        Builtin::Int => "-70000",
        Builtin::Long => "9007199254740993",
        Builtin::UnsignedByte => "200",
        Builtin::UnsignedShort => "60000",
        Builtin::UnsignedInt => "4000000000",
        Builtin::UnsignedLong => "18000000000000000000",
        Builtin::Float => "1.5",
        Builtin::Double => "0.1",
        Builtin::Decimal => "12345678901234567890.125",
        Builtin::DateTime => "2024-05-06T07:08:09.123Z",
        Builtin::Date => "2024-05-06",
        Builtin::Time => "07:08:09",
        Builtin::Duration => "P1DT2H",
        Builtin::Base64Binary => "AQIDBA==",
        Builtin::Guid => "0f8fad5b-d9cb-469f-a165-70867728950e",
        Builtin::Char => "65",
    }
}

/// Writes XML the way `XmlWriter` does.
struct Writer {
    out: String,
    scopes: Vec<String>,
    root_done: bool,
    // (the open start tag is closed lazily, as in XmlWriter)
}

impl Writer {
    fn close_open(&mut self) {
        if self.out.ends_with('\u{1}') {
            self.out.pop();
            self.out.push('>');
        }
    }

    fn start(&mut self, ns: &str, name: &str) {
        self.close_open();
        self.out.push('<');
        self.out.push_str(name);
        let parent = self.scopes.last().map(String::as_str);
        if parent != Some(ns) && !(parent.is_none() && ns.is_empty()) {
            self.out.push_str(" xmlns=\"");
            escape(&mut self.out, ns, true);
            self.out.push('"');
        }
        if !self.root_done {
            self.root_done = true;
            self.out.push_str(" xmlns:i=\"");
            self.out.push_str(XSI_NS);
            self.out.push('"');
        }
        self.scopes.push(ns.to_string());
        // Marker for "start tag still open"; never part of real content.
        self.out.push('\u{1}');
    }

    fn xsi_type(&mut self, ns: &str, name: &str) {
        if self.out.ends_with('\u{1}') {
            self.out.pop();
        }
        self.out.push_str(" i:type=\"t:");
        self.out.push_str(name);
        self.out.push_str("\" xmlns:t=\"");
        escape(&mut self.out, ns, true);
        self.out.push('"');
        self.out.push('\u{1}');
    }

    fn nil(&mut self, ns: &str, name: &str) {
        self.start(ns, name);
        if self.out.ends_with('\u{1}') {
            self.out.pop();
        }
        self.out.push_str(" i:nil=\"true\"\u{1}");
        self.end(name);
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.close_open();
        escape(&mut self.out, text, false);
    }

    fn end(&mut self, name: &str) {
        self.scopes.pop();
        if self.out.ends_with('\u{1}') {
            self.out.pop();
            self.out.push_str("/>");
        } else {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }
}

fn escape(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#xA;"),
            '\t' if attribute => out.push_str("&#x9;"),
            c => out.push(c),
        }
    }
}
