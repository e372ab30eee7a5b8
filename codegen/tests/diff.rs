//! Tests of the API change report (`codegen::diff`): each kind of change on a tiny WSDL and
//! edited copies of its model, the breaking rule's direction cases, deterministic ordering,
//! JSON and Markdown output, and the real change from bingads 13.0.29 to the checked-in v13.

use std::path::PathBuf;
use std::sync::OnceLock;

use codegen::diff::{
    ApiDiff, Change, ChangeKind, Item, Rules, ServiceDiff, diff_services, diff_services_with,
    diff_versions, diff_versions_with,
};
use codegen::model::*;
use codegen::wsdl::parse_service;

const TNS: &str = "urn:test";

/// One service with one operation `Do` (request `DoRequest` carrying a `Thing`, response
/// `DoResponse` carrying an `Outcome`), an input header `Token`, an output header `TrackingId`
/// and one fault. `Shape` is a base type whose derived `Circle` is sent through `Thing.Shape`.
const BASE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions name="TestService" targetNamespace="urn:test"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="urn:test">
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:test">
      <xs:complexType name="Thing">
        <xs:sequence>
          <xs:element minOccurs="0" name="A" nillable="true" type="xs:string"/>
          <xs:element minOccurs="0" name="B" type="xs:int"/>
          <xs:element minOccurs="0" name="C" type="tns:Color"/>
          <xs:element minOccurs="0" name="Shape" nillable="true" type="tns:Shape"/>
        </xs:sequence>
      </xs:complexType>
      <xs:element name="Thing" nillable="true" type="tns:Thing"/>
      <xs:complexType name="Shape">
        <xs:sequence>
          <xs:element minOccurs="0" name="Id" type="xs:long"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Circle">
        <xs:complexContent>
          <xs:extension base="tns:Shape">
            <xs:sequence>
              <xs:element minOccurs="0" name="Radius" type="xs:double"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:simpleType name="Color">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Red"/>
          <xs:enumeration value="Green"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:complexType name="Outcome">
        <xs:sequence>
          <xs:element name="X" nillable="true" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Fault">
        <xs:sequence>
          <xs:element minOccurs="0" name="Message" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:element name="ApiFault" nillable="true" type="tns:Fault"/>
      <xs:element name="Token" nillable="true" type="xs:string"/>
      <xs:element name="TrackingId" nillable="true" type="xs:string"/>
      <xs:element name="DoRequest">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Item" nillable="true" type="tns:Thing"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="DoResponse">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Result" nillable="true" type="tns:Outcome"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="DoRequest">
    <wsdl:part name="parameters" element="tns:DoRequest"/>
  </wsdl:message>
  <wsdl:message name="DoRequest_Headers">
    <wsdl:part name="Token" element="tns:Token"/>
  </wsdl:message>
  <wsdl:message name="DoResponse">
    <wsdl:part name="parameters" element="tns:DoResponse"/>
  </wsdl:message>
  <wsdl:message name="DoResponse_Headers">
    <wsdl:part name="TrackingId" element="tns:TrackingId"/>
  </wsdl:message>
  <wsdl:message name="ApiFaultMessage">
    <wsdl:part name="detail" element="tns:ApiFault"/>
  </wsdl:message>
  <wsdl:portType name="ITestService">
    <wsdl:operation name="Do">
      <wsdl:input name="DoRequest" message="tns:DoRequest"/>
      <wsdl:output name="DoResponse" message="tns:DoResponse"/>
      <wsdl:fault name="ApiFaultFault" message="tns:ApiFaultMessage"/>
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="BasicHttpBinding_ITestService" type="tns:ITestService">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Do">
      <soap:operation soapAction="Do" style="document"/>
      <wsdl:input name="DoRequest">
        <soap:header message="tns:DoRequest_Headers" part="Token" use="literal"/>
        <soap:body use="literal"/>
      </wsdl:input>
      <wsdl:output name="DoResponse">
        <soap:header message="tns:DoResponse_Headers" part="TrackingId" use="literal"/>
        <soap:body use="literal"/>
      </wsdl:output>
      <wsdl:fault name="ApiFaultFault">
        <soap:fault name="ApiFaultFault" use="literal"/>
      </wsdl:fault>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="TestService">
    <wsdl:port name="BasicHttpBinding_ITestService" binding="tns:BasicHttpBinding_ITestService">
      <soap:address location="https://example.test/TestService.svc"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
"#;

fn parse(text: &str) -> Service {
    match parse_service(text, "test.wsdl", "production") {
        Ok(s) => s,
        Err(e) => panic!("test WSDL does not parse: {e}"),
    }
}

fn base() -> Service {
    parse(BASE)
}

/// The base WSDL with one piece of text replaced (which must occur).
fn edited(from: &str, to: &str) -> Service {
    assert!(BASE.contains(from), "edit target not found: {from}");
    parse(&BASE.replacen(from, to, 1))
}

fn q(name: &str) -> QName {
    QName::new(TNS, name)
}

fn complex<'s>(s: &'s mut Service, name: &str) -> &'s mut ComplexType {
    let name = q(name);
    match s.types.iter_mut().find(|t| t.name() == &name) {
        Some(TypeDef::Complex(c)) => c,
        _ => panic!("no complex type {name}"),
    }
}

fn field<'s>(s: &'s mut Service, ty: &str, name: &str) -> &'s mut Field {
    match complex(s, ty).fields.iter_mut().find(|f| f.name == name) {
        Some(f) => f,
        None => panic!("no field {ty}.{name}"),
    }
}

fn only(diff: &ServiceDiff) -> &Change {
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.describe());
    &diff.changes[0]
}

fn find<'d>(diff: &'d ServiceDiff, item: Item, path: &str) -> &'d Change {
    match diff
        .changes
        .iter()
        .find(|c| c.item == item && c.path == path)
    {
        Some(c) => c,
        None => panic!("no {item:?} change at {path}: {:#?}", diff.describe()),
    }
}

#[test]
fn identical_services_have_no_changes() {
    let d = diff_services(&base(), &base());
    assert!(d.is_empty(), "{:#?}", d.describe());
    assert!(d.describe().is_empty());
}

#[test]
fn field_reorder_is_breaking() {
    let old = base();
    let mut new = old.clone();
    complex(&mut new, "Thing").fields.swap(0, 1);
    let d = diff_services(&old, &new);
    let c = only(&d);
    assert_eq!(
        (c.kind, c.item, c.path.as_str()),
        (ChangeKind::Changed, Item::Type, "Thing")
    );
    assert!(c.breaking);
    assert!(c.detail.contains("field order"), "{}", c.detail);
    assert!(
        c.detail.contains("new order: B, A, C, Shape"),
        "{}",
        c.detail
    );
}

#[test]
fn reorder_is_detected_around_added_and_removed_fields() {
    let old = base();
    let mut new = old.clone();
    let fields = &mut complex(&mut new, "Thing").fields;
    // Remove A, insert a new optional field first, move Shape before B: B, C, Shape → Shape, B, C.
    fields.remove(0);
    let shape = fields.remove(2);
    fields.insert(0, shape);
    let mut extra = fields[0].clone();
    extra.name = "New".into();
    fields.insert(0, extra);
    let d = diff_services(&old, &new);
    let order = find(&d, Item::Type, "Thing");
    assert!(order.breaking);
    assert!(order.detail.contains("moved: Shape"), "{}", order.detail);
    let added = find(&d, Item::Field, "Thing.New");
    assert!(added.breaking && added.rust_only);
    assert!(find(&d, Item::Field, "Thing.A").breaking);
    // Field changes in new order, removed fields after them, the order change last.
    let paths: Vec<&str> = d.changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(paths, ["Thing.New", "Thing.A", "Thing"]);
}

/// Wire-compatible, but a struct literal of the regenerated `Thing` no longer compiles.
const NON_EXHAUSTIVE: Rules = Rules {
    structs_non_exhaustive: true,
};

#[test]
fn added_optional_field_breaks_only_rust_struct_literals() {
    let old = base();
    let new = edited(
        r#"<xs:element minOccurs="0" name="B" type="xs:int"/>"#,
        r#"<xs:element minOccurs="0" name="B" type="xs:int"/>
          <xs:element minOccurs="0" name="B2" nillable="true" type="xs:dateTime"/>"#,
    );
    let d = diff_services(&old, &new);
    let c = only(&d);
    assert_eq!(
        (c.kind, c.item, c.path.as_str()),
        (ChangeKind::Added, Item::Field, "Thing.B2")
    );
    assert_eq!(c.detail, "dateTime [0..1] nillable");
    assert!(c.breaking && c.rust_only, "{c:?}");
    assert_eq!(
        d.describe(),
        ["added field Thing.B2: dateTime [0..1] nillable (breaking: Rust struct literals)"]
    );
    // What `wsdl-diff --fail-on-wire-breaking` gates on: the wire accepts this change.
    assert_eq!((d.breaking_count(), d.wire_breaking_count()), (1, 0));
    // Were the generated structs `#[non_exhaustive]`, nothing would break.
    let relaxed = diff_services_with(&old, &new, NON_EXHAUSTIVE);
    assert!(!only(&relaxed).breaking);
    assert_eq!(
        relaxed.describe(),
        ["added field Thing.B2: dateTime [0..1] nillable"]
    );
    assert_eq!(Rules::default(), Rules::GENERATED);
}

#[test]
fn added_required_field_is_breaking_only_in_requests() {
    let old = base();
    let mut new = old.clone();
    let mut required = field(&mut new, "Thing", "B").clone();
    required.name = "Must".into();
    required.min_occurs = 1;
    complex(&mut new, "Thing").fields.push(required.clone());
    complex(&mut new, "Outcome").fields.push(required.clone());
    // Circle is only reachable as a derived type of Shape, which requests carry.
    complex(&mut new, "Circle").fields.push(required);
    let d = diff_services_with(&old, &new, NON_EXHAUSTIVE);
    for request in ["Thing.Must", "Circle.Must"] {
        let c = find(&d, Item::Field, request);
        assert!(c.breaking && !c.rust_only, "{c:?}");
    }
    let response_only = find(&d, Item::Field, "Outcome.Must");
    assert_eq!(response_only.kind, ChangeKind::Added);
    assert!(
        !response_only.breaking,
        "response-only types may gain required fields"
    );
    // With the generated (exhaustive) structs, the response-only addition still breaks
    // struct literals, and only those.
    let d = diff_services(&old, &new);
    let response_only = find(&d, Item::Field, "Outcome.Must");
    assert!(response_only.breaking && response_only.rust_only);
    assert!(!find(&d, Item::Field, "Thing.Must").rust_only);
}

#[test]
fn removed_field_and_changed_field_type_are_breaking() {
    let old = base();
    let mut new = old.clone();
    complex(&mut new, "Thing").fields.retain(|f| f.name != "A");
    field(&mut new, "Thing", "B").ty = TypeRef::Builtin(Builtin::Long);
    let d = diff_services(&old, &new);
    let removed = find(&d, Item::Field, "Thing.A");
    assert_eq!(removed.kind, ChangeKind::Removed);
    assert!(removed.breaking);
    let changed = find(&d, Item::Field, "Thing.B");
    assert_eq!(changed.kind, ChangeKind::Changed);
    assert_eq!(changed.detail, "type int → long");
    assert!(changed.breaking);
    // The removal comes after the changes to fields the new model has.
    assert_eq!(d.changes.last().map(|c| c.path.as_str()), Some("Thing.A"));
}

#[test]
fn occurrence_changes_depend_on_direction() {
    let old = base();

    // Tightening a request field: what old clients send may be rejected.
    let mut new = old.clone();
    field(&mut new, "Thing", "A").min_occurs = 1;
    let c = diff_services(&old, &new);
    assert_eq!(only(&c).detail, "minOccurs 0 → 1");
    assert!(only(&c).breaking);

    // Loosening a request field is fine.
    let mut new = old.clone();
    field(&mut new, "Thing", "B").nillable = true;
    field(&mut new, "Thing", "C").max_occurs = None;
    let d = diff_services(&old, &new);
    assert_eq!(d.changes.len(), 2);
    assert!(d.changes.iter().all(|c| !c.breaking), "{:#?}", d.describe());
    assert_eq!(
        find(&d, Item::Field, "Thing.C").detail,
        "maxOccurs 1 → unbounded"
    );

    // Loosening a response field: old clients may get an absent value they cannot hold.
    let mut new = old.clone();
    field(&mut new, "Outcome", "X").min_occurs = 0;
    assert!(only(&diff_services(&old, &new)).breaking);

    // Tightening a response field is fine.
    let mut new = old.clone();
    field(&mut new, "Outcome", "X").nillable = false;
    let d = diff_services(&old, &new);
    assert_eq!(only(&d).detail, "nillable true → false");
    assert!(!only(&d).breaking);

    // Fault details travel in responses too.
    let mut new = old.clone();
    field(&mut new, "Fault", "Message").max_occurs = None;
    assert!(only(&diff_services(&old, &new)).breaking);
}

#[test]
fn enum_values_added_removed_and_renumbered() {
    let old = edited(
        r#"<xs:enumeration value="Green"/>"#,
        r#"<xs:enumeration value="Green"><xs:annotation><xs:appinfo><EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">2</EnumerationValue></xs:appinfo></xs:annotation></xs:enumeration>"#,
    );
    let new = edited(
        r#"<xs:enumeration value="Red"/>
          <xs:enumeration value="Green"/>"#,
        r#"<xs:enumeration value="Green"/>
          <xs:enumeration value="Blue"/>"#,
    );
    let d = diff_services(&old, &new);
    let lines = d.describe();
    assert_eq!(
        lines,
        [
            "changed enum value Color.Green: numeric value 2 → none",
            "added enum value Color.Blue",
            "removed enum value Color.Red (breaking)",
        ]
    );
    assert!(!find(&d, Item::EnumValue, "Color.Blue").breaking);
    assert!(find(&d, Item::EnumValue, "Color.Red").breaking);
}

#[test]
fn flags_values_are_compared_like_enums() {
    let flags = |values: &[&str]| {
        let mut s = base();
        s.types.push(TypeDef::Simple(SimpleType {
            name: q("Days"),
            kind: SimpleKind::FlagsList(
                values
                    .iter()
                    .map(|v| EnumValue {
                        value: v.to_string(),
                        numeric: None,
                    })
                    .collect(),
            ),
        }));
        s
    };
    let d = diff_services(&flags(&["Mon", "Tue"]), &flags(&["Mon", "Wed"]));
    assert_eq!(
        d.describe(),
        [
            "added enum value Days.Wed",
            "removed enum value Days.Tue (breaking)"
        ]
    );
}

#[test]
fn types_added_removed_and_changed() {
    let old = base();
    let mut new = old.clone();
    // Added: a complex type and its WCF companion element (folded into the type's change).
    new.types.push(TypeDef::Complex(ComplexType {
        name: q("Square"),
        is_element_wrapper: false,
        base: Some(q("Shape")),
        is_abstract: false,
        fields: vec![],
        doc: None,
    }));
    new.elements.push(Element {
        name: q("Square"),
        ty: TypeRef::Named(q("Square")),
        nillable: true,
    });
    // Kind change: Color becomes a plain string restriction.
    for t in &mut new.types {
        if let TypeDef::Simple(s) = t {
            s.kind = SimpleKind::Restriction(Builtin::String);
        }
    }
    // Base change and abstractness.
    complex(&mut new, "Circle").base = None;
    complex(&mut new, "Shape").is_abstract = true;
    // Removed: Fault (its element ApiFault has another name, so it is reported too).
    new.types.retain(|t| t.name() != &q("Fault"));
    let d = diff_services(&old, &new);
    let lines = d.describe();
    assert_eq!(
        lines,
        [
            "changed type Shape: now abstract (breaking)",
            "changed type Circle: base Shape → none (breaking)",
            "changed type Color: kind enum → restriction of string (breaking)",
            "added type Square: complex type extending Shape, 0 fields",
            "removed type Fault: complex type, 1 field (breaking)",
        ]
    );

    // Abstract → concrete is not breaking; a companion element of a kept type is reported.
    let mut back = new.clone();
    complex(&mut back, "Shape").is_abstract = false;
    back.elements.retain(|e| e.name != q("Square"));
    let d = diff_services(&new, &back);
    assert_eq!(
        d.describe(),
        [
            "changed type Shape: no longer abstract",
            "removed element Square: Square (breaking)"
        ]
    );
}

#[test]
fn operation_changes() {
    let old = base();
    let mut new = old.clone();
    let mut second = new.operations[0].clone();
    second.name = "DoMore".into();
    second.soap_action = "DoMore".into();
    new.operations.insert(0, second);
    new.operations[1].soap_action = "DoIt".into();
    new.operations[1].output.body = q("Thing");
    let d = diff_services(&old, &new);
    assert_eq!(
        d.describe(),
        [
            "added operation DoMore: request DoRequest, response DoResponse",
            "changed operation Do: soapAction Do → DoIt (breaking)",
            "changed operation Do: response element DoResponse → Thing (breaking)",
        ]
    );
    let back = diff_services(&new, &old);
    let removed = find(&back, Item::Operation, "DoMore");
    assert_eq!(removed.kind, ChangeKind::Removed);
    assert!(removed.breaking);
}

#[test]
fn header_and_fault_changes() {
    let old = base();
    let mut new = old.clone();
    let op = &mut new.operations[0];
    op.input.headers.push(Header {
        part: "CustomerId".into(),
        element: q("Token"),
    });
    op.output.headers.push(Header {
        part: "Extra".into(),
        element: q("TrackingId"),
    });
    op.faults.push(Fault {
        name: "OtherFault".into(),
        element: q("ApiFault"),
    });
    let d = diff_services(&old, &new);
    assert_eq!(
        d.describe(),
        [
            "added header Do.input.CustomerId: Token (breaking)",
            "added header Do.output.Extra: TrackingId",
            "added fault Do.fault.OtherFault: ApiFault",
        ]
    );

    let mut new = old.clone();
    let op = &mut new.operations[0];
    op.input.headers.clear();
    op.output.headers[0].element = q("Token");
    op.faults.clear();
    let d = diff_services(&old, &new);
    assert_eq!(
        d.describe(),
        [
            "removed header Do.input.Token: Token (breaking)",
            "changed header Do.output.TrackingId: element TrackingId → Token (breaking)",
            "removed fault Do.fault.ApiFaultFault: ApiFault (breaking)",
        ]
    );
}

#[test]
fn endpoint_changes_per_environment() {
    let old = base();
    let mut new = old.clone();
    new.endpoints
        .insert("production".into(), "https://example.test/v2.svc".into());
    new.endpoints.insert(
        "sandbox".into(),
        "https://sandbox.example.test/v2.svc".into(),
    );
    let d = diff_services(&old, &new);
    assert_eq!(
        d.describe(),
        [
            "changed endpoint production: https://example.test/TestService.svc → https://example.test/v2.svc (breaking)",
            "added endpoint sandbox: https://sandbox.example.test/v2.svc",
        ]
    );
    let back = diff_services(&new, &old);
    assert!(find(&back, Item::Endpoint, "sandbox").breaking);
}

#[test]
fn global_element_type_change_is_breaking() {
    let old = base();
    let mut new = old.clone();
    for e in &mut new.elements {
        if e.name == q("Token") {
            e.ty = TypeRef::Builtin(Builtin::Guid);
        }
    }
    let d = diff_services(&old, &new);
    assert_eq!(
        d.describe(),
        ["changed element Token: type string → guid (breaking)"]
    );
}

#[test]
fn ambiguous_local_names_are_qualified() {
    let old = base();
    let mut new = old.clone();
    new.types.push(TypeDef::Simple(SimpleType {
        name: QName::new("urn:other", "Thing"),
        kind: SimpleKind::Restriction(Builtin::String),
    }));
    let d = diff_services(&old, &new);
    assert_eq!(
        d.describe(),
        ["added type {urn:other}Thing: restriction of string"]
    );
}

fn version(name: &str, services: Vec<Service>) -> ApiVersion {
    ApiVersion {
        name: name.into(),
        api_revision: None,
        services,
    }
}

fn renamed(mut s: Service, name: &str) -> Service {
    s.name = name.into();
    s
}

#[test]
fn versions_report_services_added_and_removed_in_name_order() {
    let old = version(
        "old",
        vec![renamed(base(), "Alpha"), renamed(base(), "Charlie")],
    );
    let mut changed = renamed(base(), "Charlie");
    complex(&mut changed, "Thing").fields.reverse();
    let new = version("new", vec![renamed(base(), "Bravo"), changed]);
    let d = diff_versions(&old, &new);
    let names: Vec<&str> = d.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Alpha", "Bravo", "Charlie"]);
    let alpha = only(&d.services[0]);
    assert_eq!(
        (alpha.kind, alpha.item),
        (ChangeKind::Removed, Item::Service)
    );
    assert!(alpha.breaking);
    let bravo = only(&d.services[1]);
    assert_eq!((bravo.kind, bravo.item), (ChangeKind::Added, Item::Service));
    assert_eq!(bravo.detail, "1 operation, 8 types");
    assert!(!bravo.breaking);
    assert!(d.has_breaking());
    assert_eq!(d.breaking_count(), 2);
    assert!(!d.is_empty());
    assert!(diff_versions(&old, &old).is_empty());
    assert!(!diff_versions(&old, &old).has_breaking());
}

// A minimal JSON reader, enough to check that the report is valid JSON and to look inside.

#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Object(members) => match members.iter().find(|(k, _)| k == key) {
                Some((_, v)) => v,
                None => panic!("no key {key}"),
            },
            other => panic!("not an object: {other:?}"),
        }
    }

    fn items(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            other => panic!("not an array: {other:?}"),
        }
    }

    fn str(&self) -> &str {
        match self {
            Json::String(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }
}

struct Reader<'a> {
    s: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn parse(text: &str) -> Result<Json, String> {
        let mut r = Reader {
            s: text.as_bytes(),
            at: 0,
        };
        let v = r.value()?;
        r.ws();
        if r.at != r.s.len() {
            return Err(format!("trailing data at {}", r.at));
        }
        Ok(v)
    }

    fn ws(&mut self) {
        while self.at < self.s.len() && b" \t\r\n".contains(&self.s[self.at]) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> Result<(), String> {
        self.ws();
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected `{}` at {}", b as char, self.at))
        }
    }

    fn literal(&mut self, word: &str, v: Json) -> Result<Json, String> {
        if self.s[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(v)
        } else {
            Err(format!("bad literal at {}", self.at))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.peek() {
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                loop {
                    self.ws();
                    let Json::String(k) = self.value()? else {
                        return Err(format!("object key expected at {}", self.at));
                    };
                    self.eat(b':')?;
                    members.push((k, self.value()?));
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Object(members));
                        }
                        _ => return Err(format!("`,` or `}}` expected at {}", self.at)),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(format!("`,` or `]` expected at {}", self.at)),
                    }
                }
            }
            Some(b'"') => {
                self.at += 1;
                let mut out = String::new();
                loop {
                    let rest =
                        std::str::from_utf8(&self.s[self.at..]).map_err(|e| e.to_string())?;
                    let Some(c) = rest.chars().next() else {
                        return Err("unterminated string".into());
                    };
                    self.at += c.len_utf8();
                    match c {
                        '"' => return Ok(Json::String(out)),
                        '\\' => {
                            let e = self.peek().ok_or("unterminated escape")?;
                            self.at += 1;
                            match e {
                                b'"' => out.push('"'),
                                b'\\' => out.push('\\'),
                                b'/' => out.push('/'),
                                b'n' => out.push('\n'),
                                b'r' => out.push('\r'),
                                b't' => out.push('\t'),
                                b'b' => out.push('\u{8}'),
                                b'f' => out.push('\u{c}'),
                                b'u' => {
                                    let hex = std::str::from_utf8(&self.s[self.at..self.at + 4])
                                        .map_err(|e| e.to_string())?;
                                    let n =
                                        u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
                                    out.push(char::from_u32(n).ok_or("surrogate escape")?);
                                    self.at += 4;
                                }
                                _ => return Err(format!("bad escape at {}", self.at)),
                            }
                        }
                        c if (c as u32) < 0x20 => {
                            return Err(format!("raw control character at {}", self.at));
                        }
                        c => out.push(c),
                    }
                }
            }
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                while matches!(
                    self.peek(),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    self.at += 1;
                }
                let text =
                    std::str::from_utf8(&self.s[start..self.at]).map_err(|e| e.to_string())?;
                text.parse()
                    .map(Json::Number)
                    .map_err(|_| format!("bad number {text}"))
            }
            _ => Err(format!("value expected at {}", self.at)),
        }
    }
}

#[test]
fn json_output_escapes_strings() {
    let awkward = "Quote \" back\\slash\nnew line\ttab \u{1} ünïcode";
    let d = ApiDiff {
        old: "old \"1\"".into(),
        new: "new\\2".into(),
        services: vec![
            ServiceDiff {
                name: "Empty".into(),
                changes: vec![],
            },
            ServiceDiff {
                name: "S".into(),
                changes: vec![Change {
                    kind: ChangeKind::Changed,
                    item: Item::EnumValue,
                    path: awkward.into(),
                    detail: awkward.into(),
                    breaking: true,
                    rust_only: false,
                }],
            },
        ],
    };
    let json = d.to_json();
    let v = match Reader::parse(&json) {
        Ok(v) => v,
        Err(e) => panic!("{e}\n{json}"),
    };
    assert_eq!(v.get("old").str(), "old \"1\"");
    assert_eq!(v.get("new").str(), "new\\2");
    assert_eq!(v.get("breaking"), &Json::Number(1.0));
    let services = v.get("services").items();
    assert_eq!(services[0].get("changes").items(), &[]);
    let change = &services[1].get("changes").items()[0];
    assert_eq!(change.get("kind").str(), "changed");
    assert_eq!(change.get("item").str(), "enum_value");
    assert_eq!(change.get("path").str(), awkward);
    assert_eq!(change.get("detail").str(), awkward);
    assert_eq!(change.get("breaking"), &Json::Bool(true));
    assert_eq!(change.get("rust_only"), &Json::Bool(false));
    // Markdown keeps one change per line even with line breaks in the text.
    let md = d.to_markdown();
    assert!(md.contains("| S | 0 | 0 | 1 | 1 |"), "{md}");
    assert_eq!(md.lines().filter(|l| l.starts_with("- changed")).count(), 1);
}

#[test]
fn empty_report() {
    let v = version("v", vec![base()]);
    let d = diff_versions(&v, &v);
    assert!(d.is_empty());
    let md = d.to_markdown();
    assert!(md.contains("| TestService | 0 | 0 | 0 | 0 |"), "{md}");
    assert!(md.contains("No changes."));
    assert!(Reader::parse(&d.to_json()).is_ok());
}

// The real change: bingads 13.0.29's WSDLs (wsdl/history) → the checked-in v13 (13.0.30.1).

/// Both versions, loaded once for all tests (parsing the large WSDLs dominates the run time).
fn real_versions() -> &'static (ApiVersion, ApiVersion) {
    static VERSIONS: OnceLock<(ApiVersion, ApiVersion)> = OnceLock::new();
    VERSIONS.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let load = |dir: &str| match codegen::load_version(&root.join(dir)) {
            Ok(l) => {
                assert!(l.differences.is_empty(), "{dir}: {:#?}", l.differences);
                l.version
            }
            Err(e) => panic!("{dir}: {e}"),
        };
        (load("wsdl/history/bingads-13.0.29"), load("wsdl/v13"))
    })
}

fn real_diff() -> ApiDiff {
    let (old, new) = real_versions();
    diff_versions(old, new)
}

#[test]
fn real_change_13_0_29_to_v13() {
    let d = real_diff();
    assert_eq!(d.old, "bingads-13.0.29");
    assert_eq!(d.new, "v13");
    let names: Vec<&str> = d.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "AdInsightService",
            "BulkService",
            "CampaignManagementService",
            "CustomerBillingService",
            "CustomerManagementService",
            "ReportingService",
        ]
    );
    // The AdInsight WSDLs are byte-identical between the two releases.
    assert!(
        d.service("AdInsightService")
            .is_some_and(ServiceDiff::is_empty)
    );

    let campaign = d.service("CampaignManagementService").unwrap();
    for op in [
        "GetKeywordsByAssetGroupId",
        "UpdateMedia",
        "GetLinkedInSegments",
        "GetCompanyListDetails",
    ] {
        let c = find(campaign, Item::Operation, op);
        assert_eq!(c.kind, ChangeKind::Added);
        assert!(!c.breaking);
    }
    let brand = find(campaign, Item::Field, "Campaign.BusinessName");
    assert_eq!(brand.kind, ChangeKind::Added);
    assert_eq!(brand.detail, "string [0..1] nillable");
    assert!(brand.breaking && brand.rust_only);
    let ty = find(campaign, Item::Type, "CampaignPrivacyStatus");
    assert_eq!(
        (ty.kind, ty.detail.as_str()),
        (ChangeKind::Added, "enum, 4 values")
    );
    let flag = find(campaign, Item::EnumValue, "CampaignType.ObjectiveBased");
    assert_eq!(flag.detail, "numeric value 1024");
    // Keyword operations may now address an asset group instead of an ad group: AdGroupId
    // became nillable in these request wrappers, a loosening, so not breaking.
    for request in [
        "DeleteKeywordsRequest",
        "GetKeywordsByIdsRequest",
        "UpdateKeywordsRequest",
    ] {
        let c = find(campaign, Item::Field, &format!("{request}.AdGroupId"));
        assert_eq!(
            (c.kind, c.detail.as_str(), c.breaking),
            (ChangeKind::Changed, "nillable false → true", false)
        );
        assert_eq!(
            find(campaign, Item::Field, &format!("{request}.AssetGroupId")).kind,
            ChangeKind::Added
        );
    }

    let bulk = d.service("BulkService").unwrap();
    assert_eq!(
        find(bulk, Item::EnumValue, "DownloadEntity.AIPromptAudiences").detail,
        "numeric value 206"
    );
    let customer = d.service("CustomerManagementService").unwrap();
    find(customer, Item::EnumValue, "CurrencyCode.RON");
    find(
        customer,
        Item::Field,
        "AdvertiserAccount.ParentCustomerNumber",
    );
    let reporting = d.service("ReportingService").unwrap();
    find(
        reporting,
        Item::EnumValue,
        "SearchTermLandingPageReportColumn.HeadlineSource",
    );
    find(
        reporting,
        Item::EnumValue,
        "AssetPerformanceReportColumn.AssetGroupId",
    );

    // Nothing was removed, reordered or tightened: a purely additive release. On the wire
    // nothing breaks; the 25 added fields break Rust struct literals of their structs.
    assert_eq!(d.change_count(), 81);
    assert_eq!(d.breaking_count(), 25);
    assert!(
        d.changes()
            .filter(|(_, c)| c.breaking)
            .all(|(_, c)| c.rust_only && c.kind == ChangeKind::Added && c.item == Item::Field)
    );
    let (old, new) = real_versions();
    assert!(!diff_versions_with(old, new, NON_EXHAUSTIVE).has_breaking());
    assert!(d.changes().all(|(_, c)| c.kind != ChangeKind::Removed));

    // The reverse direction is all removals and breaking.
    let (old, new) = real_versions();
    let back = diff_versions(new, old);
    assert_eq!(back.change_count(), 81);
    assert!(back.has_breaking());
    let op = find(
        back.service("CampaignManagementService").unwrap(),
        Item::Operation,
        "UpdateMedia",
    );
    assert_eq!(op.kind, ChangeKind::Removed);
    assert!(op.breaking);
}

#[test]
fn real_change_reports() {
    let d = real_diff();
    let md = d.to_markdown();
    assert!(
        md.starts_with("# API changes: bingads-13.0.29 → v13\n"),
        "{md}"
    );
    assert!(
        md.contains("| Service | Added | Removed | Changed | Breaking |"),
        "{md}"
    );
    assert!(md.contains("| AdInsightService | 0 | 0 | 0 | 0 |"), "{md}");
    assert!(md.contains("| **Total** | 78 | 0 | 3 | 25 |"), "{md}");
    assert!(
        md.contains(
            "- added field `Campaign.BusinessName`: string [0..1] nillable — **breaking** for Rust struct literals (the wire accepts it)\n"
        ),
        "{md}"
    );
    assert!(md.contains("\n## CampaignManagementService\n"));
    assert!(!md.contains("\n## AdInsightService\n"));
    assert!(md.contains("- added operation `UpdateMedia`"));

    let json = d.to_json();
    let v = match Reader::parse(&json) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(v.get("breaking"), &Json::Number(25.0));
    let services = v.get("services").items();
    assert_eq!(services.len(), 6);
    let total: usize = services
        .iter()
        .map(|s| s.get("changes").items().len())
        .sum();
    assert_eq!(total, d.change_count());
    assert_eq!(services[1].get("name").str(), "BulkService");
    let first = &services[1].get("changes").items()[0];
    assert_eq!(first.get("path").str(), "DownloadEntity.CompanyList");
    assert_eq!(first.get("item").str(), "enum_value");

    // Deterministic: the same input gives byte-identical reports.
    let again = real_diff();
    assert_eq!(again.to_json(), json);
    assert_eq!(again.to_markdown(), md);
}
