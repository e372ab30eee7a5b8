//! The service model: what a WSDL says, with nothing of Rust in it.
//!
//! The parser ([`crate::wsdl`]) fills it, the emitter ([`crate::emit`]) and the API
//! diff ([`crate::diff`]) read it. Everything is kept in document order: the order of
//! fields in a sequence is part of the wire contract (WCF silently drops elements that
//! arrive out of order), so nothing here is ever sorted by name except where a
//! collection is explicitly a set (the list of services, for stable output).

use std::collections::BTreeMap;
use std::fmt;

/// A namespace-qualified XML name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QName {
    pub ns: String,
    pub name: String,
}

impl QName {
    pub fn new(ns: impl Into<String>, name: impl Into<String>) -> Self {
        QName {
            ns: ns.into(),
            name: name.into(),
        }
    }
}

impl fmt::Display for QName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{}}}{}", self.ns, self.name)
    }
}

/// One API version: every service described by the WSDLs of one folder such as `wsdl/v13`.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersion {
    /// The folder name, e.g. `v13`; it becomes the Rust module name.
    pub name: String,
    /// The API revision date the WSDL set was published with (`api-revision.txt` in the
    /// version folder), sent as the `Api-Revision` HTTP header.
    pub api_revision: Option<String>,
    /// Services sorted by name.
    pub services: Vec<Service>,
}

/// One service (one `wsdl:definitions`).
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// `wsdl:service/@name`, e.g. `CampaignManagementService`.
    pub name: String,
    /// The WSDL's `targetNamespace`.
    pub target_namespace: String,
    /// Endpoint address for each environment, keyed by environment name (`production`, `sandbox`).
    pub endpoints: BTreeMap<String, String>,
    /// Operations in port type order.
    pub operations: Vec<Operation>,
    /// Every named schema type, in document order.
    pub types: Vec<TypeDef>,
    /// Global elements whose type is given by reference (used for SOAP headers and fault details).
    pub elements: Vec<Element>,
}

impl Service {
    pub fn find_type(&self, name: &QName) -> Option<&TypeDef> {
        self.types.iter().find(|t| t.name() == name)
    }

    pub fn find_element(&self, name: &QName) -> Option<&Element> {
        self.elements.iter().find(|e| &e.name == name)
    }
}

/// A global element declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub name: QName,
    pub ty: TypeRef,
    pub nillable: bool,
}

/// One operation of the port type with its SOAP binding details.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub name: String,
    /// The `soapAction` of the binding, sent as the `SOAPAction` HTTP header.
    pub soap_action: String,
    pub input: Message,
    pub output: Message,
    /// Fault detail elements, in binding order.
    pub faults: Vec<Fault>,
}

/// The body and headers of an operation's request or response.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The body element (document/literal wrapped: one part naming an element).
    pub body: QName,
    /// The SOAP headers the binding lists, in binding order.
    pub headers: Vec<Header>,
}

/// A SOAP header part.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The part name, e.g. `AuthenticationToken`.
    pub part: String,
    /// The element the header is written as.
    pub element: QName,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    pub name: String,
    pub element: QName,
}

/// A reference to a type: either an XSD built-in or a named schema type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    Builtin(Builtin),
    Named(QName),
}

/// The XSD primitive types these WSDLs use (plus the WCF serialization namespace's `guid`,
/// `char` and `duration`, which are primitives in spirit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Builtin {
    String,
    Boolean,
    Byte,
    Short,
    Int,
    Long,
    UnsignedByte,
    UnsignedShort,
    UnsignedInt,
    UnsignedLong,
    Float,
    Double,
    Decimal,
    DateTime,
    Date,
    Time,
    Duration,
    Base64Binary,
    AnyUri,
    QName,
    Guid,
    Char,
    AnyType,
}

impl Builtin {
    /// The XSD local name (in the XML Schema namespace, except `guid` and `char`).
    pub fn xsd_name(self) -> &'static str {
        match self {
            Builtin::String => "string",
            Builtin::Boolean => "boolean",
            Builtin::Byte => "byte",
            Builtin::Short => "short",
            Builtin::Int => "int",
            Builtin::Long => "long",
            Builtin::UnsignedByte => "unsignedByte",
            Builtin::UnsignedShort => "unsignedShort",
            Builtin::UnsignedInt => "unsignedInt",
            Builtin::UnsignedLong => "unsignedLong",
            Builtin::Float => "float",
            Builtin::Double => "double",
            Builtin::Decimal => "decimal",
            Builtin::DateTime => "dateTime",
            Builtin::Date => "date",
            Builtin::Time => "time",
            Builtin::Duration => "duration",
            Builtin::Base64Binary => "base64Binary",
            Builtin::AnyUri => "anyURI",
            Builtin::QName => "QName",
            Builtin::Guid => "guid",
            Builtin::Char => "char",
            Builtin::AnyType => "anyType",
        }
    }

    /// Looks up an XML Schema namespace type by local name.
    pub fn from_xsd(name: &str) -> Option<Builtin> {
        Some(match name {
            "string" | "normalizedString" | "token" => Builtin::String,
            "boolean" => Builtin::Boolean,
            "byte" => Builtin::Byte,
            "short" => Builtin::Short,
            "int" | "integer" => Builtin::Int,
            "long" => Builtin::Long,
            "unsignedByte" => Builtin::UnsignedByte,
            "unsignedShort" => Builtin::UnsignedShort,
            "unsignedInt" => Builtin::UnsignedInt,
            "unsignedLong" => Builtin::UnsignedLong,
            "float" => Builtin::Float,
            "double" => Builtin::Double,
            "decimal" => Builtin::Decimal,
            "dateTime" => Builtin::DateTime,
            "date" => Builtin::Date,
            "time" => Builtin::Time,
            "duration" => Builtin::Duration,
            "base64Binary" => Builtin::Base64Binary,
            "anyURI" => Builtin::AnyUri,
            "QName" => Builtin::QName,
            "anyType" => Builtin::AnyType,
            _ => return None,
        })
    }
}

/// A named schema type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDef {
    Complex(ComplexType),
    Simple(SimpleType),
}

impl TypeDef {
    pub fn name(&self) -> &QName {
        match self {
            TypeDef::Complex(c) => &c.name,
            TypeDef::Simple(s) => &s.name,
        }
    }
}

/// A complex type: a sequence of fields, possibly extending a base type.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplexType {
    pub name: QName,
    /// True for the anonymous type of a global element (operation request/response wrappers);
    /// `name` is then the element's name.
    pub is_element_wrapper: bool,
    /// `xs:complexContent/xs:extension/@base`.
    pub base: Option<QName>,
    pub is_abstract: bool,
    /// The type's own fields in sequence order (the base's fields are not repeated here).
    pub fields: Vec<Field>,
    /// Documentation text, if the schema has any.
    pub doc: Option<String>,
}

/// One element of a sequence.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The element's local name.
    pub name: String,
    /// The element's namespace: the target namespace of the schema that declares it
    /// (`elementFormDefault="qualified"`), or empty when unqualified.
    pub ns: String,
    pub ty: TypeRef,
    pub min_occurs: u32,
    /// `None` means `unbounded`.
    pub max_occurs: Option<u32>,
    pub nillable: bool,
}

impl Field {
    pub fn is_repeated(&self) -> bool {
        self.max_occurs != Some(1)
    }
}

/// A simple type.
#[derive(Debug, Clone, PartialEq)]
pub struct SimpleType {
    pub name: QName,
    pub kind: SimpleKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SimpleKind {
    /// A restriction of a string with enumeration facets.
    Enum(Vec<EnumValue>),
    /// An `xs:list` of an inline enumeration: a set of flags written as one space-separated
    /// value.
    FlagsList(Vec<EnumValue>),
    /// An `xs:list` with an `itemType` (a named enumeration or a primitive); also emitted as
    /// `Flags<Item>`.
    List(TypeRef),
    /// A restriction of a primitive with no enumeration (patterns and ranges are not enforced).
    Restriction(Builtin),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumValue {
    /// The value as written on the wire.
    pub value: String,
    /// WCF's numeric value annotation, when present.
    pub numeric: Option<i64>,
}

/// Lookups over one service's types that the emitter, the sample builder and the example
/// builder all need, with one definition of each rule (what an array wrapper is, which
/// types a polymorphic family holds, the wire order of inherited fields).
pub struct TypeIndex<'a> {
    service: &'a Service,
    by_name: std::collections::HashMap<&'a QName, &'a TypeDef>,
    /// Types extended by at least one other type.
    extended: std::collections::HashSet<&'a QName>,
}

impl<'a> TypeIndex<'a> {
    pub fn new(service: &'a Service) -> Self {
        let by_name = service.types.iter().map(|t| (t.name(), t)).collect();
        let extended = service
            .types
            .iter()
            .filter_map(|t| match t {
                TypeDef::Complex(c) => c.base.as_ref(),
                TypeDef::Simple(_) => None,
            })
            .collect();
        TypeIndex {
            service,
            by_name,
            extended,
        }
    }

    pub fn service(&self) -> &'a Service {
        self.service
    }

    pub fn get(&self, q: &QName) -> Option<&'a TypeDef> {
        self.by_name.get(q).copied()
    }

    pub fn complex(&self, q: &QName) -> Option<&'a ComplexType> {
        match self.get(q) {
            Some(TypeDef::Complex(c)) => Some(c),
            _ => None,
        }
    }

    /// Whether other types extend `q` (it is then the root of a polymorphic family).
    pub fn is_extended(&self, q: &QName) -> bool {
        self.extended.contains(q)
    }

    /// The item field of an array wrapper: a type that is not an element wrapper, has no base
    /// and no descendants, and whose only field repeats (`ArrayOfX`).
    pub fn array_item(&self, q: &QName) -> Option<&'a Field> {
        let c = self.complex(q)?;
        let shape = c.base.is_none()
            && !c.is_element_wrapper
            && c.fields.len() == 1
            && !self.is_extended(q);
        c.fields.first().filter(|f| shape && f.is_repeated())
    }

    /// The base chain from the root down to `c`; `None` when a base is unknown or cyclic.
    pub fn lineage(&self, c: &'a ComplexType) -> Option<Vec<&'a ComplexType>> {
        let mut chain = vec![c];
        let mut cur = c;
        while let Some(base) = &cur.base {
            let b = self.complex(base)?;
            if chain.iter().any(|x| x.name == b.name) {
                return None;
            }
            chain.push(b);
            cur = b;
        }
        chain.reverse();
        Some(chain)
    }

    /// Every field of `c` in wire order: base type fields first (empty when the base chain is
    /// broken; the emitter reports that case as an error through [`Self::lineage`]).
    pub fn fields(&self, c: &'a ComplexType) -> Vec<&'a Field> {
        self.lineage(c)
            .unwrap_or_default()
            .into_iter()
            .flat_map(|t| t.fields.iter())
            .collect()
    }

    /// [`Self::fields`] with the type that declares each field (for per-type facts such as
    /// JSON member names).
    pub fn fields_with_owner(&self, c: &'a ComplexType) -> Vec<(&'a ComplexType, &'a Field)> {
        self.lineage(c)
            .unwrap_or_default()
            .into_iter()
            .flat_map(|t| t.fields.iter().map(move |f| (t, f)))
            .collect()
    }

    /// Every type derived from `q`, directly or not, in document order.
    pub fn descendants(&self, q: &QName) -> Vec<&'a ComplexType> {
        let mut out = Vec::new();
        for t in &self.service.types {
            let TypeDef::Complex(c) = t else { continue };
            let mut cur = c.base.as_ref();
            let mut steps = 0;
            while let Some(b) = cur {
                if b == q {
                    out.push(c);
                    break;
                }
                steps += 1;
                if steps > 64 {
                    break;
                }
                cur = self.complex(b).and_then(|x| x.base.as_ref());
            }
        }
        out
    }
}
