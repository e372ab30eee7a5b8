//! Example JSON bodies built from the model: every field filled with a placeholder of the
//! right type, every polymorphic array showing one item of each concrete type.
//!
//! `bingads example SERVICE OPERATION` prints these (they are embedded in the generated
//! `JSON_OPERATIONS` table), and the JSON round-trip tests start from them. The text is laid
//! out exactly as `bingads_gen::json::to_string_pretty` writes, so a value read from an
//! example and written back must reproduce it byte for byte.

use crate::model::*;
use crate::rest::ServiceRest;

/// Nesting depth after which optional content is left out (keeps examples readable and
/// recursive types finite).
const MAX_DEPTH: usize = 6;

/// The request example of an operation, or `None` if its request element is unknown.
pub fn request_example(service: &Service, op: &Operation, rest: &ServiceRest) -> Option<String> {
    let element = service.find_element(&op.input.body)?;
    let TypeRef::Named(q) = &element.ty else {
        return None;
    };
    type_example(service, q, rest)
}

/// An example of any complex type.
pub fn type_example(service: &Service, ty: &QName, rest: &ServiceRest) -> Option<String> {
    let ex = Examples::new(service, rest);
    let mut w = Writer::default();
    ex.complex(&mut w, ty, None, 0)?;
    Some(w.out)
}

/// An example of a polymorphic type as one of its descendants (with its `Type`).
pub fn derived_example(service: &Service, concrete: &QName, rest: &ServiceRest) -> Option<String> {
    let ex = Examples::new(service, rest);
    let mut w = Writer::default();
    ex.complex(&mut w, concrete, Some(concrete), 0)?;
    Some(w.out)
}

struct Examples<'a> {
    types: TypeIndex<'a>,
    rest: &'a ServiceRest,
}

impl<'a> Examples<'a> {
    fn new(service: &'a Service, rest: &'a ServiceRest) -> Self {
        Examples {
            types: TypeIndex::new(service),
            rest,
        }
    }

    fn complex_type(&self, q: &QName) -> Option<&'a ComplexType> {
        self.types.complex(q)
    }

    /// Writes an object for type `q`; `discriminated` = the concrete type whose `Type` leads.
    fn complex(
        &self,
        w: &mut Writer,
        q: &QName,
        discriminated: Option<&QName>,
        depth: usize,
    ) -> Option<()> {
        let c = self.complex_type(q)?;
        w.begin_object();
        if let Some(d) = discriminated {
            w.key("Type");
            w.string(&self.rest.discriminator(&d.name));
        }
        for (owner, f) in self.types.fields_with_owner(c) {
            let key = self.rest.member_name(&owner.name.name, &f.name);
            if discriminated.is_some() && f.name == "Type" {
                continue;
            }
            let deep = depth >= MAX_DEPTH;
            let complex = matches!(&f.ty, TypeRef::Named(t) if self.complex_type(t).is_some());
            if deep && complex && (f.min_occurs == 0 || f.is_repeated()) {
                continue;
            }
            if f.is_repeated() {
                w.key(&key);
                w.begin_array();
                w.item();
                self.value(w, &f.ty, depth + 1)?;
                w.end_array();
                continue;
            }
            w.key(&key);
            if deep && complex && f.nillable {
                w.null();
                continue;
            }
            self.value(w, &f.ty, depth + 1)?;
        }
        w.end_object();
        Some(())
    }

    fn value(&self, w: &mut Writer, ty: &TypeRef, depth: usize) -> Option<()> {
        match ty {
            TypeRef::Builtin(b) => {
                builtin(w, *b);
                Some(())
            }
            TypeRef::Named(q) => {
                if let Some(item) = self.types.array_item(q) {
                    w.begin_array();
                    // One item of each concrete type when the items are polymorphic.
                    let concrete = match &item.ty {
                        TypeRef::Named(iq)
                            if self.complex_type(iq).is_some() && depth < MAX_DEPTH =>
                        {
                            let mut all = vec![iq.clone()];
                            all.extend(
                                self.types
                                    .descendants(iq)
                                    .into_iter()
                                    .map(|d| d.name.clone()),
                            );
                            if all.len() > 1 {
                                Some((iq.clone(), all))
                            } else {
                                None
                            }
                        }
                        _ => None,
                    };
                    match concrete {
                        Some((_, all)) => {
                            for t in all {
                                w.item();
                                self.complex(w, &t, Some(&t), depth + 1)?;
                            }
                        }
                        None => {
                            w.item();
                            self.value(w, &item.ty, depth + 1)?;
                        }
                    }
                    w.end_array();
                    return Some(());
                }
                match self.types.get(q)? {
                    TypeDef::Simple(s) => {
                        self.simple(w, s);
                        Some(())
                    }
                    TypeDef::Complex(_) => {
                        let derived = self.types.descendants(q).into_iter().next();
                        match (self.types.is_extended(q), derived) {
                            (true, Some(d)) => self.complex(w, &d.name, Some(&d.name), depth),
                            (true, None) => self.complex(w, q, Some(q), depth),
                            (false, _) => self.complex(w, q, None, depth),
                        }
                    }
                }
            }
        }
    }

    fn simple(&self, w: &mut Writer, s: &SimpleType) {
        match &s.kind {
            SimpleKind::Enum(values) | SimpleKind::FlagsList(values) => match values.first() {
                Some(v) => w.string(&v.value),
                None => w.string(""),
            },
            SimpleKind::List(TypeRef::Named(q)) => match self.types.get(q) {
                Some(TypeDef::Simple(inner)) => self.simple(w, inner),
                _ => w.string(""),
            },
            SimpleKind::List(TypeRef::Builtin(b)) | SimpleKind::Restriction(b) => builtin(w, *b),
        }
    }
}

/// A placeholder of the right JSON type that reads back to the same text.
fn builtin(w: &mut Writer, b: Builtin) {
    match b {
        Builtin::String | Builtin::AnyUri | Builtin::QName | Builtin::AnyType => w.string("string"),
        Builtin::Boolean => w.raw("false"),
        Builtin::Byte
        | Builtin::Short
        | Builtin::Int
        | Builtin::UnsignedByte
        | Builtin::UnsignedShort
        | Builtin::UnsignedInt => w.raw("0"),
        Builtin::Long | Builtin::UnsignedLong => w.string("0"),
        Builtin::Float | Builtin::Double | Builtin::Decimal => w.raw("1.5"),
        Builtin::DateTime => w.string("2024-01-01T00:00:00Z"),
        Builtin::Date => w.string("2024-01-01"),
        Builtin::Time => w.string("00:00:00"),
        Builtin::Duration => w.string("PT1H"),
        Builtin::Base64Binary => w.string("AQID"),
        Builtin::Guid => w.string("00000000-0000-0000-0000-000000000000"),
        Builtin::Char => w.string("A"),
    }
}

/// Pretty JSON in the layout of `bingads_gen::json::to_string_pretty` (serde_json's).
#[derive(Default)]
struct Writer {
    out: String,
    stack: Vec<bool>,
}

impl Writer {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.stack.len() {
            self.out.push_str("  ");
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

    fn begin_object(&mut self) {
        self.out.push('{');
        self.stack.push(false);
    }

    fn end_object(&mut self) {
        if self.stack.pop().unwrap_or(false) {
            self.newline();
        }
        self.out.push('}');
    }

    fn begin_array(&mut self) {
        self.out.push('[');
        self.stack.push(false);
    }

    fn end_array(&mut self) {
        if self.stack.pop().unwrap_or(false) {
            self.newline();
        }
        self.out.push(']');
    }

    fn key(&mut self, k: &str) {
        self.separator();
        self.string(k);
        self.out.push_str(": ");
    }

    fn item(&mut self) {
        self.separator();
    }

    fn null(&mut self) {
        self.out.push_str("null");
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}
