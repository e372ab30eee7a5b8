//! One test per schema / WSDL construct the generator supports: a small hand-written WSDL
//! (see `common::wsdl`), assertions on the parsed model and on the emitted Rust (parsed with
//! syn), plus the errors for constructs it refuses, `load_version` across environments and
//! determinism.

mod common;

use std::collections::BTreeMap;

use codegen::model::*;
use codegen::names;
use common::*;

const E: &str = "urn:e";
const ARRAYS: &str = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/// A schema in `urn:e` (prefix `e`) holding `body`.
fn entities(body: &str) -> String {
    format!(
        r#"
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:e" xmlns:e="urn:e">{body}
    </xs:schema>"#
    )
}

fn gen_types(body: &str) -> (Service, Gen) {
    let service = parse(&types_wsdl(&entities(body)));
    let generated = generate_one(service.clone());
    (service, generated)
}

fn fields(g: &Gen, ty: &str) -> Vec<(String, String)> {
    g.fields(ty)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

// ----- namespaces ------------------------------------------------------------------------

#[test]
fn fields_take_the_namespace_of_the_schema_declaring_them() {
    let schemas = r#"
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:base" xmlns:b="urn:base">
      <xs:complexType name="Entity">
        <xs:sequence>
          <xs:element minOccurs="0" name="Id" type="xs:long"/>
          <xs:element minOccurs="0" name="Name" nillable="true" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:entities"
        xmlns:b="urn:base" xmlns:e="urn:entities" xmlns:u="urn:plain">
      <xs:import namespace="urn:base"/>
      <xs:import namespace="urn:plain"/>
      <xs:complexType name="Campaign">
        <xs:complexContent mixed="false">
          <xs:extension base="b:Entity">
            <xs:sequence>
              <xs:element minOccurs="0" name="Budget" nillable="true" type="xs:double"/>
              <xs:element minOccurs="0" name="Settings" nillable="true" type="u:Settings"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:element name="Campaign" nillable="true" type="e:Campaign"/>
    </xs:schema>
    <xs:schema targetNamespace="urn:plain" xmlns:u="urn:plain">
      <xs:complexType name="Settings">
        <xs:sequence>
          <xs:element minOccurs="0" name="Local" type="xs:int"/>
          <xs:element minOccurs="0" name="Qualified" form="qualified" type="xs:int"/>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:svc" xmlns:e="urn:entities">
      <xs:import namespace="urn:entities"/>
      <xs:element name="GetCampaignRequest">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="CampaignId" type="xs:long"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="GetCampaignResponse">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Campaign" nillable="true" type="e:Campaign"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>"#;
    let service = parse(&wsdl(schemas, &[op("GetCampaign")]));

    // Model: the declaring schema's targetNamespace, never the derived type's.
    let entity = complex(&service, "urn:base", "Entity");
    assert!(entity.fields.iter().all(|f| f.ns == "urn:base"));
    let campaign = complex(&service, "urn:entities", "Campaign");
    assert_eq!(campaign.base, Some(q("urn:base", "Entity")));
    assert!(campaign.fields.iter().all(|f| f.ns == "urn:entities"));
    assert_eq!(
        field(campaign, "Settings").ty,
        TypeRef::Named(q("urn:plain", "Settings"))
    );
    // An unqualified schema: local elements have no namespace unless form="qualified".
    let settings = complex(&service, "urn:plain", "Settings");
    assert_eq!(field(settings, "Local").ns, "");
    assert_eq!(field(settings, "Qualified").ns, "urn:plain");
    let request = complex(&service, SVC, "GetCampaignRequest");
    assert!(request.is_element_wrapper);
    assert_eq!(field(request, "CampaignId").ns, SVC);
    assert_eq!(
        service
            .find_element(&q("urn:entities", "Campaign"))
            .map(|e| &e.ty),
        Some(&TypeRef::Named(q("urn:entities", "Campaign")))
    );

    // Emitted: each element is written in its own namespace, base fields first.
    let g = generate_one(service);
    let calls: Vec<(String, String)> = g
        .encode_calls("Campaign")
        .into_iter()
        .map(|c| (c.element, c.ns))
        .collect();
    assert_eq!(
        calls,
        pairs(&[
            ("Id", "urn:base"),
            ("Name", "urn:base"),
            ("Budget", "urn:entities"),
            ("Settings", "urn:entities"),
        ])
    );
    let calls: Vec<(String, String)> = g
        .encode_calls("Settings")
        .into_iter()
        .map(|c| (c.element, c.ns))
        .collect();
    assert_eq!(calls, pairs(&[("Local", ""), ("Qualified", "urn:plain")]));
    let response = g.encode_calls("GetCampaignResponse");
    assert_eq!(
        (response[0].element.as_str(), response[0].ns.as_str()),
        ("Campaign", SVC)
    );
    let uris: Vec<String> = g.ns_consts().into_values().collect();
    for uri in ["urn:base", "urn:entities", "urn:plain", SVC] {
        assert!(uris.iter().any(|u| u == uri), "{uri} missing from {uris:?}");
    }
    // The request element is written in the service namespace.
    assert_eq!(
        g.with_uris(&g.meta("GET_CAMPAIGN")["request_element"]),
        "(<urn:svc>,\"GetCampaignRequest\")"
    );
}

// ----- order -------------------------------------------------------------------------------

#[test]
fn sequence_order_is_document_order() {
    let (service, g) = gen_types(
        r#"
      <xs:complexType name="Ordered">
        <xs:sequence>
          <xs:element minOccurs="0" name="Zeta" type="xs:int"/>
          <xs:element minOccurs="0" name="Alpha" type="xs:int"/>
          <xs:element minOccurs="0" name="Mike" type="xs:string"/>
          <xs:element minOccurs="0" name="Bravo" type="xs:boolean"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="MoreOrdered">
        <xs:complexContent mixed="false">
          <xs:extension base="e:Ordered">
            <xs:sequence>
              <xs:element minOccurs="0" name="Yankee" type="xs:int"/>
              <xs:element minOccurs="0" name="Charlie" type="xs:int"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>"#,
    );
    assert_eq!(
        field_names(complex(&service, E, "Ordered")),
        ["Zeta", "Alpha", "Mike", "Bravo"]
    );
    assert_eq!(
        field_names(complex(&service, E, "MoreOrdered")),
        ["Yankee", "Charlie"]
    );
    // Declaration order of the model's types is document order too.
    let type_names: Vec<&str> = service
        .types
        .iter()
        .map(|t| t.name().name.as_str())
        .filter(|n| ["Ordered", "MoreOrdered"].contains(n))
        .collect();
    assert_eq!(type_names, ["Ordered", "MoreOrdered"]);

    let all = ["Zeta", "Alpha", "Mike", "Bravo", "Yankee", "Charlie"];
    assert_eq!(
        g.field_names("MoreOrdered"),
        ["zeta", "alpha", "mike", "bravo", "yankee", "charlie"]
    );
    assert_eq!(g.encoded_elements("MoreOrdered"), all);
    assert_eq!(g.decoded_elements("MoreOrdered"), all);
    assert_eq!(g.encoded_elements("OrderedBase"), all[..4]);
    assert_eq!(
        g.field_names("OrderedBase"),
        ["zeta", "alpha", "mike", "bravo"]
    );
}

// ----- inheritance -----------------------------------------------------------------------

const FAMILY: &str = r#"
      <xs:complexType name="Root" abstract="true">
        <xs:sequence>
          <xs:element minOccurs="0" name="Id" type="xs:long"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Mid">
        <xs:complexContent mixed="false">
          <xs:extension base="e:Root">
            <xs:sequence>
              <xs:element minOccurs="0" name="MidField" nillable="true" type="xs:string"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="Other">
        <xs:complexContent mixed="false">
          <xs:extension base="e:Root">
            <xs:sequence>
              <xs:element minOccurs="0" name="OtherField" type="xs:boolean"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="Leaf">
        <xs:complexContent mixed="false">
          <xs:extension base="e:Mid">
            <xs:sequence>
              <xs:element minOccurs="0" name="LeafField" type="xs:int"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="Holder">
        <xs:sequence>
          <xs:element minOccurs="0" name="Item" nillable="true" type="e:Root"/>
          <xs:element minOccurs="0" name="MidItem" nillable="true" type="e:Mid"/>
          <xs:element minOccurs="0" name="LeafItem" nillable="true" type="e:Leaf"/>
          <xs:element minOccurs="0" name="All" nillable="true" type="e:ArrayOfRoot"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="ArrayOfRoot">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Root" nillable="true" type="e:Root"/>
        </xs:sequence>
      </xs:complexType>"#;

#[test]
fn extension_puts_base_fields_first() {
    let (service, g) = gen_types(FAMILY);
    let leaf = complex(&service, E, "Leaf");
    assert_eq!(leaf.base, Some(q(E, "Mid")));
    assert_eq!(
        field_names(leaf),
        ["LeafField"],
        "own fields only in the model"
    );
    assert!(complex(&service, E, "Root").is_abstract);
    assert!(!complex(&service, E, "Mid").is_abstract);

    assert_eq!(
        fields(&g, "Leaf"),
        pairs(&[
            ("id", "Option<i64>"),
            ("mid_field", "Nillable<String>"),
            ("leaf_field", "Option<i32>"),
        ])
    );
    assert_eq!(g.encoded_elements("Leaf"), ["Id", "MidField", "LeafField"]);
    assert_eq!(g.field_names("Other"), ["id", "other_field"]);
}

#[test]
fn polymorphic_base_becomes_an_enum_over_all_descendants() {
    let (_, g) = gen_types(FAMILY);
    // Types others extend keep their data in `{Name}Base`; the name is the enum's.
    assert!(g.find_struct("Root").is_none());
    assert!(g.find_struct("Mid").is_none());
    assert_eq!(g.field_names("RootBase"), ["id"]);
    assert_eq!(g.field_names("MidBase"), ["id", "mid_field"]);
    assert!(g.find_enum("Leaf").is_none() && g.find_struct("Leaf").is_some());

    // Multi-level: the grandchild `Leaf` is a variant of `Root`, in document order.
    assert_eq!(
        g.variants("Root"),
        pairs(&[
            ("Root", "(RootBase)"),
            ("Mid", "(MidBase)"),
            ("Other", "(Other)"),
            ("Leaf", "(Leaf)"),
            ("Unknown", "{type_name:String,base:RootBase}"),
        ])
    );
    assert_eq!(
        g.variants("Mid"),
        pairs(&[
            ("Mid", "(MidBase)"),
            ("Leaf", "(Leaf)"),
            ("Unknown", "{type_name:String,base:MidBase}"),
        ])
    );
    assert!(
        g.item_enum("Root")
            .attrs
            .iter()
            .any(|a| a.path().is_ident("non_exhaustive"))
    );

    // Fields of a polymorphic type hold the enum.
    assert_eq!(
        fields(&g, "Holder"),
        pairs(&[
            ("item", "Nillable<Root>"),
            ("mid_item", "Nillable<Mid>"),
            ("leaf_item", "Nillable<Leaf>"),
            ("all", "Nillable<Vec<Option<Root>>>"),
        ])
    );
    // A derived variant is written with its xsi:type, the declared type without one.
    let enc = g.with_uris(&compact(g.method("XmlEncode", "Root", "encode")));
    assert!(
        enc.contains("Self::Root(v)=>encode_struct(v,w,ns,name,None)"),
        "{enc}"
    );
    assert!(
        enc.contains("Self::Leaf(v)=>encode_struct(v,w,ns,name,Some((<urn:e>,\"Leaf\")))"),
        "{enc}"
    );
    let dec = compact(g.method("XmlDecode", "Root", "decode"));
    for name in ["\"Root\"", "\"Mid\"", "\"Other\"", "\"Leaf\""] {
        assert!(dec.contains(name), "{name} not dispatched: {dec}");
    }
    assert!(
        dec.contains("Self::Unknown{type_name,base:decode_struct(r)?}"),
        "{dec}"
    );
    for (variant, ty) in [("RootBase", "Root"), ("Leaf", "Root"), ("Leaf", "Mid")] {
        assert_eq!(
            g.items()
                .iter()
                .filter(|i| {
                    let c = compact(*i);
                    c.starts_with(&format!("implFrom<{variant}>for{ty}{{"))
                })
                .count(),
            1,
            "From<{variant}> for {ty}"
        );
    }
}

#[test]
fn base_struct_name_collision_yields_data_suffix() {
    let (_, g) = gen_types(
        r#"
      <xs:complexType name="Shape">
        <xs:sequence>
          <xs:element minOccurs="0" name="Sides" type="xs:int"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Circle">
        <xs:complexContent mixed="false">
          <xs:extension base="e:Shape">
            <xs:sequence>
              <xs:element minOccurs="0" name="Radius" type="xs:double"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="ShapeBase">
        <xs:sequence>
          <xs:element minOccurs="0" name="Note" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Drawing">
        <xs:sequence>
          <xs:element minOccurs="0" name="Shape" nillable="true" type="e:Shape"/>
          <xs:element minOccurs="0" name="Base" nillable="true" type="e:ShapeBase"/>
        </xs:sequence>
      </xs:complexType>"#,
    );
    assert_eq!(g.field_names("ShapeData"), ["sides"]);
    assert_eq!(
        g.field_names("ShapeBase"),
        ["note"],
        "the schema's own ShapeBase"
    );
    assert_eq!(
        g.variants("Shape"),
        pairs(&[
            ("Shape", "(ShapeData)"),
            ("Circle", "(Circle)"),
            ("Unknown", "{type_name:String,base:ShapeData}"),
        ])
    );
    assert_eq!(
        fields(&g, "Drawing"),
        pairs(&[
            ("shape", "Nillable<Shape>"),
            ("base", "Nillable<ShapeBase>")
        ])
    );
    assert!(
        duplicate_items(&g.file).is_empty(),
        "{:?}",
        duplicate_items(&g.file)
    );
}

// ----- occurrence --------------------------------------------------------------------------

#[test]
fn occurrence_maps_to_option_nillable_vec_or_plain() {
    let (service, g) = gen_types(
        r#"
      <xs:complexType name="Occurs">
        <xs:sequence>
          <xs:element name="Required" type="xs:int"/>
          <xs:element minOccurs="0" name="Optional" type="xs:int"/>
          <xs:element minOccurs="0" name="OptionalNillable" nillable="true" type="xs:string"/>
          <xs:element name="RequiredNillable" nillable="true" type="xs:string"/>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Many" type="xs:string"/>
          <xs:element minOccurs="1" maxOccurs="2" name="Pair" type="xs:long"/>
          <xs:element minOccurs="1" maxOccurs="1" name="Explicit" type="xs:boolean"/>
        </xs:sequence>
      </xs:complexType>"#,
    );
    let c = complex(&service, E, "Occurs");
    let shape: Vec<(&str, u32, Option<u32>, bool)> = c
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.min_occurs, f.max_occurs, f.nillable))
        .collect();
    assert_eq!(
        shape,
        [
            ("Required", 1, Some(1), false),
            ("Optional", 0, Some(1), false),
            ("OptionalNillable", 0, Some(1), true),
            ("RequiredNillable", 1, Some(1), true),
            ("Many", 0, None, false),
            ("Pair", 1, Some(2), false),
            ("Explicit", 1, Some(1), false),
        ]
    );
    assert_eq!(
        fields(&g, "Occurs"),
        pairs(&[
            ("required", "i32"),
            ("optional", "Option<i32>"),
            ("optional_nillable", "Nillable<String>"),
            ("required_nillable", "Nillable<String>"),
            ("many", "Vec<String>"),
            ("pair", "Vec<i64>"),
            ("explicit", "bool"),
        ])
    );
    let methods: Vec<String> = g
        .encode_calls("Occurs")
        .into_iter()
        .map(|c| c.method)
        .collect();
    assert_eq!(
        methods,
        [
            "req",
            "opt",
            "nillable",
            "nillable_req",
            "repeated",
            "repeated",
            "req"
        ]
    );
    let dec = compact(g.method("XmlStruct", "Occurs", "decode_field"));
    assert!(dec.contains("self.required=r.req("), "{dec}");
    assert!(dec.contains("self.optional=r.opt("), "{dec}");
    assert!(dec.contains("self.optional_nillable=r.nillable("), "{dec}");
    assert!(dec.contains("self.many.push("), "{dec}");
}

// ----- simple types -----------------------------------------------------------------------

#[test]
fn enumerations_and_lists() {
    let (service, g) = gen_types(
        r#"
      <xs:simpleType name="Color">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Red">
            <xs:annotation>
              <xs:appinfo>
                <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">1</EnumerationValue>
              </xs:appinfo>
            </xs:annotation>
          </xs:enumeration>
          <xs:enumeration value="DarkGreen">
            <xs:annotation>
              <xs:appinfo>
                <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">20</EnumerationValue>
              </xs:appinfo>
            </xs:annotation>
          </xs:enumeration>
          <xs:enumeration value="HTML5"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:element name="Color" nillable="true" type="e:Color"/>
      <xs:simpleType name="Days">
        <xs:list>
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="Monday">
                <xs:annotation>
                  <xs:appinfo>
                    <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">1</EnumerationValue>
                  </xs:appinfo>
                </xs:annotation>
              </xs:enumeration>
              <xs:enumeration value="Tuesday">
                <xs:annotation>
                  <xs:appinfo>
                    <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">2</EnumerationValue>
                  </xs:appinfo>
                </xs:annotation>
              </xs:enumeration>
            </xs:restriction>
          </xs:simpleType>
        </xs:list>
      </xs:simpleType>
      <xs:simpleType name="Ids">
        <xs:list itemType="xs:long"/>
      </xs:simpleType>
      <xs:simpleType name="Colors">
        <xs:list itemType="e:Color"/>
      </xs:simpleType>
      <xs:simpleType name="Code">
        <xs:restriction base="xs:string">
          <xs:maxLength value="10"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:complexType name="Palette">
        <xs:sequence>
          <xs:element name="Main" type="e:Color"/>
          <xs:element minOccurs="0" name="Days" type="e:Days"/>
          <xs:element minOccurs="0" name="Ids" type="e:Ids"/>
          <xs:element minOccurs="0" name="Colors" type="e:Colors"/>
          <xs:element name="Code" type="e:Code"/>
        </xs:sequence>
      </xs:complexType>"#,
    );
    // Model.
    let ev = |v: &str, n: Option<i64>| EnumValue {
        value: v.into(),
        numeric: n,
    };
    assert_eq!(
        simple(&service, E, "Color").kind,
        SimpleKind::Enum(vec![
            ev("Red", Some(1)),
            ev("DarkGreen", Some(20)),
            ev("HTML5", None)
        ])
    );
    assert_eq!(
        simple(&service, E, "Days").kind,
        SimpleKind::FlagsList(vec![ev("Monday", Some(1)), ev("Tuesday", Some(2))])
    );
    assert_eq!(
        simple(&service, E, "Ids").kind,
        SimpleKind::List(TypeRef::Builtin(Builtin::Long))
    );
    assert_eq!(
        simple(&service, E, "Colors").kind,
        SimpleKind::List(TypeRef::Named(q(E, "Color")))
    );
    assert_eq!(
        simple(&service, E, "Code").kind,
        SimpleKind::Restriction(Builtin::String)
    );

    // Emitted.
    assert_eq!(
        g.variants("Color"),
        pairs(&[
            ("Red", ""),
            ("DarkGreen", ""),
            ("Html5", ""),
            ("UnknownValue", "(String)"),
        ])
    );
    assert_eq!(
        g.variant_names("Days"),
        ["Monday", "Tuesday", "UnknownValue"]
    );
    assert!(
        g.text.contains("Self::Html5 => \"HTML5\","),
        "wire value kept"
    );
    assert!(g.text.contains("\"HTML5\" => Self::Html5,"));
    assert!(
        g.text
            .contains("other => Self::UnknownValue(other.to_string())")
    );
    assert!(g.text.contains("`DarkGreen` (numeric value 20)"));
    assert_eq!(g.find_alias("Ids").as_deref(), Some("Flags<i64>"));
    assert_eq!(g.find_alias("Colors").as_deref(), Some("Flags<Color>"));
    assert_eq!(g.find_alias("Code").as_deref(), Some("String"));
    assert_eq!(
        fields(&g, "Palette"),
        pairs(&[
            ("main", "Color"),
            ("days", "Option<Flags<Days>>"),
            ("ids", "Option<Flags<i64>>"),
            ("colors", "Option<Flags<Color>>"),
            ("code", "String"),
        ])
    );
    let xml_text = compact(g.item_impl("XmlText", "Color"));
    assert!(
        xml_text.contains("constXSD_TYPE:&'staticstr=\"Color\""),
        "{xml_text}"
    );
    assert!(g.derives("Color").contains(&"Hash".to_string()));
}

// ----- arrays ------------------------------------------------------------------------------

const ARRAY_SCHEMAS: &str = r#"
    <xs:schema elementFormDefault="qualified"
        targetNamespace="http://schemas.microsoft.com/2003/10/Serialization/Arrays"
        xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
      <xs:complexType name="ArrayOflong">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="long" type="xs:long"/>
        </xs:sequence>
      </xs:complexType>
      <xs:element name="ArrayOflong" nillable="true" type="a:ArrayOflong"/>
      <xs:complexType name="ArrayOfArrayOflong">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="ArrayOflong" nillable="true" type="a:ArrayOflong"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="ArrayOfKeyValueOfstringstring">
        <xs:annotation>
          <xs:appinfo>
            <IsDictionary xmlns="http://schemas.microsoft.com/2003/10/Serialization/">true</IsDictionary>
          </xs:appinfo>
        </xs:annotation>
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="KeyValueOfstringstring">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="Key" nillable="true" type="xs:string"/>
                <xs:element name="Value" nillable="true" type="xs:string"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:e" xmlns:e="urn:e"
        xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
      <xs:import namespace="http://schemas.microsoft.com/2003/10/Serialization/Arrays"/>
      <xs:complexType name="Thing">
        <xs:sequence>
          <xs:element minOccurs="0" name="Id" type="xs:long"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="ArrayOfThing">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Thing" nillable="true" type="e:Thing"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Holder">
        <xs:sequence>
          <xs:element minOccurs="0" name="Things" nillable="true" type="e:ArrayOfThing"/>
          <xs:element minOccurs="0" name="Ids" nillable="true" type="a:ArrayOflong"/>
          <xs:element minOccurs="0" name="Matrix" nillable="true" type="a:ArrayOfArrayOflong"/>
          <xs:element minOccurs="0" name="Dict" nillable="true" type="a:ArrayOfKeyValueOfstringstring"/>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Tags" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>"#;

#[test]
fn array_wrappers_become_vecs() {
    let service = parse(&types_wsdl(ARRAY_SCHEMAS));
    let g = generate_one(service.clone());
    assert_eq!(
        fields(&g, "Holder"),
        pairs(&[
            ("things", "Nillable<Vec<Option<Thing>>>"),
            ("ids", "Nillable<Vec<i64>>"),
            ("matrix", "Nillable<Vec<Option<Vec<i64>>>>"),
            ("dict", "Nillable<Vec<KeyValueOfstringstring>>"),
            ("tags", "Vec<String>"),
        ])
    );
    for wrapper in [
        "ArrayOfThing",
        "ArrayOflong",
        "ArrayOfArrayOflong",
        "ArrayOfKeyValueOfstringstring",
    ] {
        assert!(g.find_struct(wrapper).is_none(), "{wrapper} has no struct");
        let base = names::field_name(wrapper);
        for f in [format!("enc_{base}"), format!("dec_{base}")] {
            assert!(g.find_fn(&f).is_some(), "{f} missing: {:?}", g.item_names());
        }
    }
    // The encoder/decoder pair knows the item element and its nillability.
    let enc = |name: &str| {
        let f = g
            .find_fn(&format!("enc_{}", names::field_name(name)))
            .unwrap();
        g.with_uris(&compact(&f.block))
    };
    assert!(
        enc("ArrayOfThing").contains("w.item(v,<urn:e>,\"Thing\")"),
        "{}",
        enc("ArrayOfThing")
    );
    assert!(
        enc("ArrayOflong").contains(&format!("w.req(v,<{ARRAYS}>,\"long\")")),
        "{}",
        enc("ArrayOflong")
    );
    assert!(
        enc("ArrayOfArrayOflong").contains(&format!(
            "w.item_with(v,<{ARRAYS}>,\"ArrayOflong\",enc_array_oflong)"
        )),
        "{}",
        enc("ArrayOfArrayOflong")
    );
    let dec = g.find_fn("dec_array_of_thing").unwrap();
    assert_eq!(
        compact(&dec.sig.output),
        "->Result<Vec<Option<Thing>>,DecodeError>"
    );
    assert!(compact(&dec.block).contains("r.items(b\"Thing\",|r|r.opt("));
    let calls = g.encode_calls("Holder");
    assert_eq!(calls[0].method, "nillable_with");
    assert_eq!(calls[0].with.as_deref(), Some("enc_array_of_thing"));
    assert_eq!(calls[4].method, "repeated");

    // WCF's dictionary: the anonymous item type becomes a named type in its schema's
    // namespace, declared before the wrapper that holds it.
    let kv = complex(&service, ARRAYS, "KeyValueOfstringstring");
    assert!(!kv.is_element_wrapper);
    assert_eq!(field_names(kv), ["Key", "Value"]);
    assert!(kv.fields.iter().all(|f| f.ns == ARRAYS));
    let pos = |n: &str| {
        service
            .types
            .iter()
            .position(|t| t.name() == &q(ARRAYS, n))
            .unwrap()
    };
    assert!(pos("KeyValueOfstringstring") < pos("ArrayOfKeyValueOfstringstring"));
    assert_eq!(
        field(
            complex(&service, ARRAYS, "ArrayOfKeyValueOfstringstring"),
            "KeyValueOfstringstring"
        )
        .ty,
        TypeRef::Named(q(ARRAYS, "KeyValueOfstringstring"))
    );
    assert_eq!(
        fields(&g, "KeyValueOfstringstring"),
        pairs(&[("key", "Nillable<String>"), ("value", "Nillable<String>")])
    );
}

#[test]
fn inline_types_with_the_same_element_name_get_distinct_names() {
    let (service, g) = gen_types(
        r#"
      <xs:complexType name="First">
        <xs:sequence>
          <xs:element minOccurs="0" name="Entry">
            <xs:complexType>
              <xs:sequence>
                <xs:element minOccurs="0" name="X" type="xs:int"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Second">
        <xs:sequence>
          <xs:element minOccurs="0" name="Entry">
            <xs:complexType>
              <xs:sequence>
                <xs:element minOccurs="0" name="Y" type="xs:int"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>"#,
    );
    assert_eq!(field_names(complex(&service, E, "Entry")), ["X"]);
    assert_eq!(field_names(complex(&service, E, "SecondEntry")), ["Y"]);
    assert_eq!(fields(&g, "First"), pairs(&[("entry", "Option<Entry>")]));
    assert_eq!(
        fields(&g, "Second"),
        pairs(&[("entry", "Option<SecondEntry>")])
    );
}

#[test]
fn inline_type_named_like_a_later_global_type() {
    let schema = entities(
        r#"
      <xs:complexType name="Box">
        <xs:sequence>
          <xs:element minOccurs="0" name="Item">
            <xs:complexType>
              <xs:sequence>
                <xs:element minOccurs="0" name="Inline" type="xs:int"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
          <xs:element minOccurs="0" name="Global" type="e:Item"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Item">
        <xs:sequence>
          <xs:element minOccurs="0" name="Declared" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>"#,
    );
    let service = parse(&types_wsdl(&schema));
    let items = service
        .types
        .iter()
        .filter(|t| t.name() == &q(E, "Item"))
        .count();
    assert_eq!(items, 1, "two model types named {{urn:e}}Item");
    assert_eq!(
        field_names(complex(&service, E, "Item")),
        ["Declared"],
        "`e:Item` must mean the global type"
    );
    let g = generate_one(service);
    assert_eq!(g.field_names("Item"), ["declared"]);
    assert_eq!(
        fields(&g, "Box"),
        pairs(&[("item", "Option<BoxItem>"), ("global", "Option<Item>")])
    );
}

#[test]
fn same_local_name_in_two_namespaces_is_detected() {
    let schemas = r#"
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:a" xmlns:a="urn:a">
      <xs:complexType name="Item">
        <xs:sequence>
          <xs:element minOccurs="0" name="A" type="xs:int"/>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:b" xmlns:b="urn:b" xmlns:a="urn:a">
      <xs:complexType name="Item">
        <xs:sequence>
          <xs:element minOccurs="0" name="B" type="xs:int"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Pair">
        <xs:sequence>
          <xs:element minOccurs="0" name="First" type="a:Item"/>
          <xs:element minOccurs="0" name="Second" type="b:Item"/>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>"#;
    let service = parse(&types_wsdl(schemas));
    // Both are distinct model types...
    assert_eq!(field_names(complex(&service, "urn:a", "Item")), ["A"]);
    assert_eq!(field_names(complex(&service, "urn:b", "Item")), ["B"]);
    // ...that cannot share the Rust name `Item`: an error, not two `struct Item`s.
    let e = try_generate(service).expect_err("two types map to `Item`");
    assert!(e.message.contains("{urn:a}Item"), "{e}");
    assert!(e.message.contains("{urn:b}Item"), "{e}");
}

// ----- primitives ----------------------------------------------------------------------------

#[test]
fn xsd_primitives_map_to_rust_types() {
    let schemas = r#"
    <xs:schema attributeFormDefault="qualified" elementFormDefault="qualified"
        targetNamespace="http://schemas.microsoft.com/2003/10/Serialization/"
        xmlns:ser="http://schemas.microsoft.com/2003/10/Serialization/">
      <xs:element name="anyType" nillable="true" type="xs:anyType"/>
      <xs:simpleType name="char">
        <xs:restriction base="xs:int"/>
      </xs:simpleType>
      <xs:simpleType name="duration">
        <xs:restriction base="xs:duration">
          <xs:pattern value="\-?P(\d*D)?(T(\d*H)?(\d*M)?(\d*(\.\d*)?S)?)?"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="guid">
        <xs:restriction base="xs:string">
          <xs:pattern value="[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12}"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:attribute name="FactoryType" type="xs:QName"/>
      <xs:attribute name="Id" type="xs:ID"/>
    </xs:schema>
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:e" xmlns:e="urn:e">
      <xs:import namespace="http://schemas.microsoft.com/2003/10/Serialization/"/>
      <xs:complexType name="Primitives">
        <xs:sequence>
          <xs:element name="Long" type="xs:long"/>
          <xs:element name="ULong" type="xs:unsignedLong"/>
          <xs:element name="Int" type="xs:int"/>
          <xs:element name="UInt" type="xs:unsignedInt"/>
          <xs:element name="Short" type="xs:short"/>
          <xs:element name="UShort" type="xs:unsignedShort"/>
          <xs:element name="Byte" type="xs:byte"/>
          <xs:element name="UByte" type="xs:unsignedByte"/>
          <xs:element name="Bool" type="xs:boolean"/>
          <xs:element name="Float" type="xs:float"/>
          <xs:element name="Double" type="xs:double"/>
          <xs:element name="Money" type="xs:decimal"/>
          <xs:element name="When" type="xs:dateTime"/>
          <xs:element name="Day" type="xs:date"/>
          <xs:element name="Clock" type="xs:time"/>
          <xs:element name="XsDuration" type="xs:duration"/>
          <xs:element name="Bytes" type="xs:base64Binary"/>
          <xs:element name="Text" type="xs:string"/>
          <xs:element name="Link" type="xs:anyURI"/>
          <xs:element name="Name" type="xs:QName"/>
          <xs:element name="Anything" type="xs:anyType"/>
          <xs:element name="Uuid" type="ser:guid"/>
          <xs:element name="Letter" type="ser:char"/>
          <xs:element name="Span" type="ser:duration"/>
          <xs:element minOccurs="0" name="MaybeLong" nillable="true" type="xs:long"/>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Blobs" type="xs:base64Binary"/>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>"#;
    let service = parse(&types_wsdl(schemas));
    // The serialization schema is part of the type system, not API types.
    assert!(service.types.iter().all(|t| t.name().ns != SER));
    assert!(service.elements.iter().all(|e| e.name.ns != SER));
    let p = complex(&service, E, "Primitives");
    assert_eq!(field(p, "Uuid").ty, TypeRef::Builtin(Builtin::Guid));
    assert_eq!(field(p, "Letter").ty, TypeRef::Builtin(Builtin::Char));
    assert_eq!(field(p, "Span").ty, TypeRef::Builtin(Builtin::Duration));
    assert_eq!(field(p, "Long").ty, TypeRef::Builtin(Builtin::Long));

    let g = generate_one(service);
    let expected = [
        ("long", "i64"),
        ("u_long", "u64"),
        ("int", "i32"),
        ("u_int", "u32"),
        ("short", "i16"),
        ("u_short", "u16"),
        ("byte", "i8"),
        ("u_byte", "u8"),
        ("bool", "bool"),
        ("float", "f32"),
        ("double", "f64"),
        ("money", "Decimal"),
        ("when", "DateTime"),
        ("day", "Date"),
        ("clock", "Time"),
        ("xs_duration", "Duration"),
        ("bytes", "Vec<u8>"),
        ("text", "String"),
        ("link", "String"),
        ("name", "String"),
        ("anything", "AnyValue"),
        ("uuid", "Guid"),
        ("letter", "char"),
        ("span", "Duration"),
        ("maybe_long", "Nillable<i64>"),
        ("blobs", "Vec<Vec<u8>>"),
    ];
    assert_eq!(fields(&g, "Primitives"), pairs(&expected));
    assert_eq!(
        g.field_type("Primitives", "long"),
        "i64",
        "long is never f64"
    );
}

#[test]
fn unsupported_xsd_builtin_is_an_error() {
    let text = types_wsdl(&entities(
        r#"
      <xs:complexType name="T">
        <xs:sequence>
          <xs:element minOccurs="0" name="Year" type="xs:gYear"/>
        </xs:sequence>
      </xs:complexType>"#,
    ));
    let e = try_parse(&text).expect_err("xs:gYear is not supported");
    assert!(e.message.contains("xs:gYear"), "{e}");
    assert_eq!(
        (e.line, e.column),
        position_of(&text, r#"<xs:element minOccurs="0" name="Year""#)
    );
}

// ----- operations ----------------------------------------------------------------------------

const OPERATION_SCHEMA: &str = r#"
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:svc">
      <xs:element name="AddThingsRequest">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Names" nillable="true" type="xs:string"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="AddThingsResponse">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Id" type="xs:long"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="GetInfoRequest">
        <xs:complexType>
          <xs:sequence/>
        </xs:complexType>
      </xs:element>
      <xs:element name="GetInfoResponse">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Info" nillable="true" type="xs:string"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>"#;

fn operation_ops() -> Vec<Op> {
    let mut add = op("AddThings");
    add.input_headers = vec![
        "AuthenticationToken",
        "CustomerAccountId",
        "CustomerId",
        "DeveloperToken",
    ];
    add.faults = vec!["ApiFault", "BatchFault"];
    let mut get = op("GetInfo");
    get.soap_action = "urn:svc/ITestService/GetInfo";
    get.input_headers = vec!["DeveloperToken"];
    vec![add, get]
}

#[test]
fn operations_carry_action_elements_headers_and_faults() {
    let text = wsdl(OPERATION_SCHEMA, &operation_ops());
    let service = parse(&text);
    assert_eq!(service.name, "TestService");
    assert_eq!(service.target_namespace, SVC);
    assert_eq!(
        service.endpoints,
        BTreeMap::from([("production".to_string(), ENDPOINT.to_string())])
    );
    let names: Vec<&str> = service.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["AddThings", "GetInfo"]);
    let add = &service.operations[0];
    assert_eq!(add.soap_action, "AddThings");
    assert_eq!(add.input.body, q(SVC, "AddThingsRequest"));
    assert_eq!(add.output.body, q(SVC, "AddThingsResponse"));
    let parts: Vec<(&str, &QName)> = add
        .input
        .headers
        .iter()
        .map(|h| (h.part.as_str(), &h.element))
        .collect();
    assert_eq!(
        parts,
        [
            ("AuthenticationToken", &q(SVC, "AuthenticationToken")),
            ("CustomerAccountId", &q(SVC, "CustomerAccountId")),
            ("CustomerId", &q(SVC, "CustomerId")),
            ("DeveloperToken", &q(SVC, "DeveloperToken")),
        ]
    );
    assert_eq!(add.output.headers.len(), 1);
    assert_eq!(add.output.headers[0].element, q(SVC, "TrackingId"));
    assert_eq!(
        add.faults,
        [
            Fault {
                name: "ApiFaultFault".into(),
                element: q(SVC, "ApiFault")
            },
            Fault {
                name: "BatchFaultFault".into(),
                element: q(SVC, "BatchFault")
            },
        ]
    );
    let get = &service.operations[1];
    assert_eq!(get.soap_action, "urn:svc/ITestService/GetInfo");
    assert_eq!(get.input.headers.len(), 1, "the binding lists one header");
    assert_eq!(get.input.headers[0].part, "DeveloperToken");

    // The same document read as the sandbox copy names the sandbox endpoint.
    let sandbox = codegen::wsdl::parse_service(&text, "test.wsdl", "sandbox").unwrap();
    assert_eq!(
        sandbox.endpoints,
        BTreeMap::from([("sandbox".to_string(), ENDPOINT.to_string())])
    );

    let g = generate_one(service);
    let add = g.meta("ADD_THINGS");
    assert_eq!(add["name"], "\"AddThings\"");
    assert_eq!(add["soap_action"], "\"AddThings\"");
    assert_eq!(add["service"], "&SERVICE");
    assert_eq!(
        g.with_uris(&add["request_element"]),
        "(<urn:svc>,\"AddThingsRequest\")"
    );
    assert_eq!(
        g.with_uris(&add["response_element"]),
        "(<urn:svc>,\"AddThingsResponse\")"
    );
    assert_eq!(
        g.with_uris(&add["input_headers"]),
        "&[HeaderMeta{name:\"AuthenticationToken\",namespace:<urn:svc>},\
         HeaderMeta{name:\"CustomerAccountId\",namespace:<urn:svc>},\
         HeaderMeta{name:\"CustomerId\",namespace:<urn:svc>},\
         HeaderMeta{name:\"DeveloperToken\",namespace:<urn:svc>}]"
    );
    assert_eq!(
        g.with_uris(&add["output_headers"]),
        "&[HeaderMeta{name:\"TrackingId\",namespace:<urn:svc>}]"
    );
    assert_eq!(add["faults"], "&[\"ApiFault\",\"BatchFault\"]");
    let get = g.meta("GET_INFO");
    assert_eq!(get["soap_action"], "\"urn:svc/ITestService/GetInfo\"");
    assert_eq!(get["input_headers"].matches("HeaderMeta").count(), 1);
    assert!(get["input_headers"].contains("\"DeveloperToken\""));
    assert_eq!(get["faults"], "&[\"ApiFault\"]");

    let service_meta = g.meta("SERVICE");
    assert_eq!(service_meta["name"], "\"TestService\"");
    assert_eq!(service_meta["version"], "\"v1\"");
    assert_eq!(g.with_uris(&service_meta["namespace"]), "<urn:svc>");
    assert_eq!(
        service_meta["endpoints"],
        format!("&[(\"production\",\"{ENDPOINT}\")]")
    );
    assert_eq!(service_meta["operations"], "&[&ADD_THINGS,&GET_INFO]");

    // Faults: one variant per distinct fault element.
    assert_eq!(
        g.variants("FaultDetail"),
        pairs(&[
            ("ApiFault", "(ApiFaultDetail)"),
            ("BatchFault", "(BatchFaultDetail)"),
        ])
    );
    let detail = compact(g.item_impl("FaultDetailDecode", "FaultDetail"));
    assert!(detail.contains("b\"BatchFault\"=>"), "{detail}");
    assert!(
        detail.contains("Self::BatchFault(<BatchFaultDetailasXmlDecode>::decode(r)?)"),
        "{detail}"
    );

    // Request types name their response and metadata; the client has one method each.
    let operation = compact(g.item_impl("Operation", "AddThingsRequest"));
    assert!(
        operation.contains("typeResponse=AddThingsResponse;"),
        "{operation}"
    );
    assert!(operation.contains("typeFault=FaultDetail;"), "{operation}");
    assert!(operation.contains("=&ADD_THINGS;"), "{operation}");
    let body = g.with_uris(&compact(g.item_impl("RequestBody", "GetInfoRequest")));
    assert!(
        body.contains("self.encode(w,<urn:svc>,\"GetInfoRequest\")"),
        "{body}"
    );
    assert!(g.find_struct("TestClient").is_some());
    assert!(g.text.contains("pub async fn add_things("), "client method");
    assert!(g.text.contains("pub async fn get_info("), "client method");
    assert!(g.text.contains("request headers: DeveloperToken)"));
}

#[test]
fn header_parts_in_the_body_message_are_not_body_parts() {
    let mut get = op("GetInfo");
    get.input_headers = vec!["DeveloperToken"];
    get.faults.clear();
    let text = wsdl(OPERATION_SCHEMA, &[get])
        .replace(
            r#"<wsdl:part name="parameters" element="tns:GetInfoRequest"/>"#,
            r#"<wsdl:part name="parameters" element="tns:GetInfoRequest"/>
    <wsdl:part name="DeveloperToken" element="tns:DeveloperToken"/>"#,
        )
        .replace(
            r#"message="tns:GetInfoRequest_Headers" part="DeveloperToken""#,
            r#"message="tns:GetInfoRequest" part="DeveloperToken""#,
        );
    let service = parse(&text);
    let op = &service.operations[0];
    assert_eq!(op.input.body, q(SVC, "GetInfoRequest"));
    assert_eq!(op.input.headers.len(), 1);
    assert_eq!(op.input.headers[0].element, q(SVC, "DeveloperToken"));
    assert!(op.faults.is_empty());
    let g = generate_one(service);
    assert_eq!(g.meta("GET_INFO")["faults"], "&[]");
}

// ----- recursion ----------------------------------------------------------------------------

#[test]
fn recursive_fields_are_boxed() {
    let (_, g) = gen_types(
        r#"
      <xs:complexType name="Node">
        <xs:sequence>
          <xs:element minOccurs="0" name="Value" type="xs:int"/>
          <xs:element minOccurs="0" name="Next" nillable="true" type="e:Node"/>
          <xs:element minOccurs="0" name="Children" nillable="true" type="e:ArrayOfNode"/>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Siblings" type="e:Node"/>
          <xs:element minOccurs="0" name="Label" type="e:Label"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="ArrayOfNode">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Node" nillable="true" type="e:Node"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Label">
        <xs:sequence>
          <xs:element minOccurs="0" name="Text" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Ping">
        <xs:sequence>
          <xs:element name="Pong" type="e:Pong"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Pong">
        <xs:sequence>
          <xs:element minOccurs="0" name="Ping" nillable="true" type="e:Ping"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Expr">
        <xs:sequence>
          <xs:element minOccurs="0" name="Text" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Not">
        <xs:complexContent mixed="false">
          <xs:extension base="e:Expr">
            <xs:sequence>
              <xs:element minOccurs="0" name="Operand" nillable="true" type="e:Expr"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>"#,
    );
    assert_eq!(
        fields(&g, "Node"),
        pairs(&[
            ("value", "Option<i32>"),
            ("next", "Nillable<Box<Node>>"),
            ("children", "Nillable<Vec<Option<Node>>>"),
            ("siblings", "Vec<Node>"),
            ("label", "Option<Label>"),
        ])
    );
    let next = &g.encode_calls("Node")[1];
    assert_eq!(next.method, "nillable_with");
    assert_eq!(
        next.with.as_deref(),
        Some("crate::xml::encode_boxed::<Node>")
    );
    let dec = compact(g.method("XmlStruct", "Node", "decode_field"));
    assert!(
        dec.contains("self.next=r.nillable(crate::xml::decode_boxed::<Node>)?"),
        "{dec}"
    );
    // Mutual recursion: both directions break the cycle.
    assert_eq!(fields(&g, "Ping"), pairs(&[("pong", "Box<Pong>")]));
    assert_eq!(
        fields(&g, "Pong"),
        pairs(&[("ping", "Nillable<Box<Ping>>")])
    );
    assert_eq!(g.encode_calls("Ping")[0].method, "req_with");
    // Through a polymorphic family: `Not` holds the `Expr` enum, which holds a `Not`.
    assert_eq!(
        fields(&g, "Not"),
        pairs(&[
            ("text", "Option<String>"),
            ("operand", "Nillable<Box<Expr>>")
        ])
    );
    assert_eq!(fields(&g, "ExprBase"), pairs(&[("text", "Option<String>")]));
    assert_eq!(fields(&g, "Label"), pairs(&[("text", "Option<String>")]));
}

// ----- secrets -----------------------------------------------------------------------------

#[test]
fn credential_fields_get_a_redacting_debug() {
    let (_, g) = gen_types(
        r#"
      <xs:complexType name="Credentials">
        <xs:sequence>
          <xs:element minOccurs="0" name="UserName" nillable="true" type="xs:string"/>
          <xs:element minOccurs="0" name="Password" nillable="true" type="xs:string"/>
          <xs:element minOccurs="0" name="SecretQuestion" nillable="true" type="xs:string"/>
          <xs:element minOccurs="0" name="SecretAnswer" nillable="true" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Plain">
        <xs:sequence>
          <xs:element minOccurs="0" name="UserName" nillable="true" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Login">
        <xs:sequence>
          <xs:element minOccurs="0" name="Password" nillable="true" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="AdminLogin">
        <xs:complexContent mixed="false">
          <xs:extension base="e:Login">
            <xs:sequence>
              <xs:element minOccurs="0" name="Role" type="xs:string"/>
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>"#,
    );
    assert_eq!(g.derives("Credentials"), ["Clone", "PartialEq", "Default"]);
    let debug = compact(g.item_impl("Debug", "Credentials"));
    assert!(debug.contains("debug_struct(\"Credentials\")"), "{debug}");
    assert!(
        debug.contains(".field(\"user_name\",&self.user_name)"),
        "{debug}"
    );
    assert!(
        debug.contains(".field(\"password\",&\"<redacted>\")"),
        "{debug}"
    );
    assert!(
        debug.contains(".field(\"secret_question\",&self.secret_question)"),
        "{debug}"
    );
    assert!(
        debug.contains(".field(\"secret_answer\",&\"<redacted>\")"),
        "{debug}"
    );
    assert!(!debug.contains("self.password"), "{debug}");
    assert!(!debug.contains("self.secret_answer"), "{debug}");

    assert!(g.derives("Plain").contains(&"Debug".to_string()));
    assert!(g.impls("Debug", "Plain").is_empty());
    // A password inherited from a base type is redacted in the derived type too.
    for ty in ["LoginBase", "AdminLogin"] {
        assert!(!g.derives(ty).contains(&"Debug".to_string()), "{ty}");
        let debug = compact(g.item_impl("Debug", ty));
        assert!(
            debug.contains(".field(\"password\",&\"<redacted>\")"),
            "{ty}: {debug}"
        );
    }
}

// ----- errors ------------------------------------------------------------------------------

/// Parses a types WSDL with `body` in the `urn:e` schema and expects an error positioned at
/// `needle` whose message contains `message`.
fn expect_error(body: &str, needle: &str, message: &str) {
    let text = types_wsdl(&entities(body));
    let e = match try_parse(&text) {
        Ok(_) => panic!("parsed despite {needle}"),
        Err(e) => e,
    };
    assert!(
        e.message.contains(message),
        "`{}` does not mention `{message}`",
        e.message
    );
    assert_eq!(e.file, "test.wsdl");
    assert_eq!(
        (e.line, e.column),
        position_of(&text, needle),
        "position of {needle}: {e}"
    );
    assert!(
        e.to_string()
            .starts_with(&format!("test.wsdl:{}:{}: ", e.line, e.column)),
        "{e}"
    );
}

#[test]
fn choice_is_an_error_with_position() {
    expect_error(
        r#"
      <xs:complexType name="Either">
        <xs:choice>
          <xs:element name="A" type="xs:int"/>
          <xs:element name="B" type="xs:string"/>
        </xs:choice>
      </xs:complexType>"#,
        "<xs:choice>",
        "xs:choice",
    );
    expect_error(
        r#"
      <xs:complexType name="Either">
        <xs:sequence>
          <xs:element name="Before" type="xs:int"/>
          <xs:choice minOccurs="0">
            <xs:element name="A" type="xs:int"/>
          </xs:choice>
        </xs:sequence>
      </xs:complexType>"#,
        r#"<xs:choice minOccurs="0">"#,
        "xs:choice",
    );
}

#[test]
fn group_is_an_error_with_position() {
    expect_error(
        r#"
      <xs:group name="Common">
        <xs:sequence>
          <xs:element name="A" type="xs:int"/>
        </xs:sequence>
      </xs:group>"#,
        r#"<xs:group name="Common">"#,
        "xs:group",
    );
    expect_error(
        r#"
      <xs:complexType name="UsesGroup">
        <xs:sequence>
          <xs:group ref="e:Common"/>
        </xs:sequence>
      </xs:complexType>"#,
        r#"<xs:group ref="e:Common"/>"#,
        "xs:group",
    );
}

#[test]
fn any_and_attributes_are_errors_with_position() {
    expect_error(
        r#"
      <xs:complexType name="Open">
        <xs:sequence>
          <xs:element minOccurs="0" name="Known" type="xs:int"/>
          <xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/>
        </xs:sequence>
      </xs:complexType>"#,
        "<xs:any ",
        "xs:any",
    );
    expect_error(
        r#"
      <xs:complexType name="Attributed">
        <xs:sequence>
          <xs:element minOccurs="0" name="Known" type="xs:int"/>
        </xs:sequence>
        <xs:attribute name="Version" type="xs:int"/>
      </xs:complexType>"#,
        "<xs:attribute ",
        "xs:attribute",
    );
    expect_error(
        r#"
      <xs:attributeGroup name="Attrs">
        <xs:attribute name="Version" type="xs:int"/>
      </xs:attributeGroup>"#,
        "<xs:attributeGroup ",
        "xs:attributeGroup",
    );
}

#[test]
fn other_unsupported_constructs_are_errors_with_position() {
    expect_error(
        r#"
      <xs:complexType name="Text">
        <xs:simpleContent>
          <xs:extension base="xs:string"/>
        </xs:simpleContent>
      </xs:complexType>"#,
        "<xs:simpleContent>",
        "xs:simpleContent",
    );
    expect_error(
        r#"
      <xs:complexType name="Base">
        <xs:sequence>
          <xs:element minOccurs="0" name="A" type="xs:int"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Narrowed">
        <xs:complexContent>
          <xs:restriction base="e:Base">
            <xs:sequence/>
          </xs:restriction>
        </xs:complexContent>
      </xs:complexType>"#,
        "<xs:complexContent>",
        "xs:extension",
    );
    expect_error(
        r#"
      <xs:simpleType name="IntOrString">
        <xs:union memberTypes="xs:int xs:string"/>
      </xs:simpleType>"#,
        r#"<xs:simpleType name="IntOrString">"#,
        "simpleType",
    );
    expect_error(
        r#"
      <xs:complexType name="Refs">
        <xs:sequence>
          <xs:element ref="e:Other"/>
        </xs:sequence>
      </xs:complexType>"#,
        r#"<xs:element ref="e:Other"/>"#,
        "name",
    );
}

#[test]
fn undeclared_prefix_is_an_error() {
    expect_error(
        r#"
      <xs:complexType name="Dangling">
        <xs:sequence>
          <xs:element minOccurs="0" name="Thing" type="nope:Thing"/>
        </xs:sequence>
      </xs:complexType>"#,
        r#"<xs:element minOccurs="0" name="Thing" type="nope:Thing"/>"#,
        "nope:Thing",
    );
    expect_error(
        r#"
      <xs:complexType name="Derived">
        <xs:complexContent mixed="false">
          <xs:extension base="nope:Base">
            <xs:sequence/>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>"#,
        r#"<xs:extension base="nope:Base">"#,
        "not declared",
    );
    // In the WSDL part too.
    let text = types_wsdl("").replace(
        r#"element="tns:PingResponse""#,
        r#"element="nope:PingResponse""#,
    );
    let e = try_parse(&text).expect_err("undeclared prefix in a part");
    assert!(e.message.contains("nope:PingResponse"), "{e}");
    assert_eq!(
        (e.line, e.column),
        position_of(
            &text,
            r#"<wsdl:part name="parameters" element="nope:PingResponse"/>"#
        )
    );
}

#[test]
fn reference_to_an_undeclared_type_fails_generation() {
    let service = parse(&types_wsdl(&entities(
        r#"
      <xs:complexType name="Dangling">
        <xs:sequence>
          <xs:element minOccurs="0" name="Thing" type="e:Missing"/>
        </xs:sequence>
      </xs:complexType>"#,
    )));
    let e = try_generate(service).expect_err("e:Missing is not declared");
    assert!(e.to_string().contains("{urn:e}Missing"), "{e}");
    assert_eq!(e.service, "TestService");
}

#[test]
fn non_document_style_and_malformed_xml_are_errors() {
    let text = types_wsdl("").replace(
        r#"<soap:operation soapAction="Ping" style="document"/>"#,
        r#"<soap:operation soapAction="Ping" style="rpc"/>"#,
    );
    let e = try_parse(&text).expect_err("rpc style");
    assert!(e.message.contains("document"), "{e}");
    assert_eq!(
        (e.line, e.column),
        position_of(&text, r#"<soap:operation soapAction="Ping" style="rpc"/>"#)
    );

    let text = types_wsdl("").replace("</wsdl:types>", "</wsdl:typos>");
    let e = try_parse(&text).expect_err("malformed XML");
    assert!(e.line > 1, "{e}");
}

// ----- load_version --------------------------------------------------------------------------

const LOAD_SCHEMA: &str = r#"
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:e" xmlns:e="urn:e">
      <xs:complexType name="Thing">
        <xs:sequence>
          <xs:element minOccurs="0" name="Id" type="xs:long"/>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>"#;

const PROD_URL: &str = "https://api.example.test/V7/TestService.svc";
const SANDBOX_URL: &str = "https://api.sandbox.example.test/V7/TestService.svc";

#[test]
fn load_version_reports_environment_differences_and_merges_endpoints() {
    let root = temp_dir("load-version");
    let dir = root.join("v7");
    std::fs::create_dir_all(dir.join("production")).unwrap();
    std::fs::create_dir_all(dir.join("sandbox")).unwrap();
    let mut ping = op("Ping");
    ping.faults.clear();
    let production = wsdl_at(LOAD_SCHEMA, std::slice::from_ref(&ping), PROD_URL);
    let sandbox = wsdl_at(
        &LOAD_SCHEMA.replace(
            r#"<xs:element minOccurs="0" name="Id" type="xs:long"/>"#,
            r#"<xs:element minOccurs="0" name="Id" type="xs:long"/>
          <xs:element minOccurs="0" name="Extra" type="xs:string"/>"#,
        ),
        std::slice::from_ref(&ping),
        SANDBOX_URL,
    );
    assert_ne!(production.replace(PROD_URL, SANDBOX_URL), sandbox);
    std::fs::write(dir.join("production/test_service.xml"), &production).unwrap();
    std::fs::write(dir.join("sandbox/test_service.xml"), &sandbox).unwrap();
    // A second service that only production has.
    std::fs::write(
        dir.join("production/other_service.xml"),
        production.replace("TestService", "OtherService"),
    )
    .unwrap();
    // Files that are not WSDLs are ignored.
    std::fs::write(dir.join("production/README.md"), "notes").unwrap();

    let loaded = codegen::load_version(&dir).expect("loads");
    assert_eq!(loaded.version.name, "v7");
    assert_eq!(
        loaded.files,
        [
            "production/other_service.xml",
            "production/test_service.xml",
            "sandbox/test_service.xml"
        ]
    );
    let names: Vec<&str> = loaded
        .version
        .services
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["OtherService", "TestService"]);
    let test = &loaded.version.services[1];
    assert_eq!(
        test.endpoints,
        BTreeMap::from([
            ("production".to_string(), PROD_URL.to_string()),
            ("sandbox".to_string(), SANDBOX_URL.to_string()),
        ])
    );
    // The model is production's.
    assert_eq!(field_names(complex(test, E, "Thing")), ["Id"]);

    assert_eq!(loaded.differences.len(), 2, "{:#?}", loaded.differences);
    let missing = &loaded.differences[0];
    assert_eq!(
        (missing.service.as_str(), missing.environment.as_str()),
        ("OtherService", "sandbox")
    );
    assert_eq!(missing.changes, ["other_service.xml is missing"]);
    let extra = &loaded.differences[1];
    assert_eq!(
        (extra.service.as_str(), extra.environment.as_str()),
        ("TestService", "sandbox")
    );
    assert_eq!(extra.changes.len(), 1, "{:#?}", extra.changes);
    assert!(
        extra.changes[0].contains("Thing.Extra"),
        "{}",
        extra.changes[0]
    );
    assert!(
        !extra.changes[0].contains("endpoint"),
        "endpoints are not a difference"
    );

    // The generated metadata carries both endpoints and names both sources.
    let files =
        service_view(codegen::emit::generate(std::slice::from_ref(&loaded), "wsdl").unwrap());
    let test_rs = find_file(&files, "v7/test.rs");
    assert!(
        test_rs
            .contents
            .contains("//! - `wsdl/v7/production/test_service.xml`")
    );
    assert!(
        test_rs
            .contents
            .contains("//! - `wsdl/v7/sandbox/test_service.xml`")
    );
    let g = Gen {
        files: files.clone(),
        file: syn::parse_file(&test_rs.contents).unwrap(),
        text: test_rs.contents.clone(),
    };
    assert_eq!(
        g.meta("SERVICE")["endpoints"],
        format!("&[(\"production\",\"{PROD_URL}\"),(\"sandbox\",\"{SANDBOX_URL}\")]")
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn load_version_of_a_flat_folder_and_of_an_empty_one() {
    let root = temp_dir("load-flat");
    let flat = root.join("v3");
    std::fs::create_dir_all(&flat).unwrap();
    std::fs::write(flat.join("test_service.wsdl"), types_wsdl(LOAD_SCHEMA)).unwrap();
    let loaded = codegen::load_version(&flat).expect("loads");
    assert_eq!(loaded.files, ["test_service.wsdl"]);
    assert!(loaded.differences.is_empty());
    let s = &loaded.version.services[0];
    assert_eq!(
        s.endpoints.keys().collect::<Vec<_>>(),
        ["production"],
        "a flat folder is production"
    );

    let empty = root.join("v4");
    std::fs::create_dir_all(&empty).unwrap();
    let e = codegen::load_version(&empty).expect_err("no WSDL files");
    assert!(e.to_string().contains("no WSDL files"), "{e}");
    let _ = std::fs::remove_dir_all(&root);
}

// ----- layout and determinism ------------------------------------------------------------

fn everything() -> String {
    let mut schemas = String::from(ARRAY_SCHEMAS);
    schemas.push_str(&entities(&FAMILY.replace("\"Holder\"", "\"FamilyHolder\"")));
    schemas.push_str(OPERATION_SCHEMA);
    wsdl(&schemas, &operation_ops())
}

#[test]
fn generated_files_and_their_layout() {
    let g = gen_wsdl(&everything());
    let module = &find_file(&g.files, "v1/mod.rs").contents;
    let versions = &find_file(&g.files, "versions.rs").contents;
    assert!(
        g.text
            .starts_with("//! Generated by `cargo xtask codegen`.")
    );
    for f in &g.files {
        assert!(
            f.contents
                .starts_with("//! Generated by `cargo xtask codegen`."),
            "{}",
            f.path
        );
        let file = syn::parse_file(&f.contents).unwrap_or_else(|e| panic!("{}: {e}", f.path));
        assert_eq!(duplicate_items(&file), Vec::<String>::new(), "{}", f.path);
    }
    assert!(
        module.contains("#[cfg(feature = \"test\")]\npub mod test;"),
        "{module}"
    );
    assert!(
        module.contains("services.push(&test::SERVICE);"),
        "{module}"
    );
    assert!(
        versions.contains("#[path = \"v1/mod.rs\"]\npub mod v1;"),
        "{versions}"
    );
    assert!(g.text.contains("TestService of API v1: 2 operations,"));
}

#[test]
fn generation_is_deterministic() {
    let text = everything();
    let first = try_generate(parse(&text)).unwrap();
    let second = try_generate(parse(&text)).unwrap();
    assert_eq!(first, second);
    assert_eq!(parse(&text), parse(&text));
    // Two versions in one run: each gets its module, in the order given.
    let v1 = loaded("v1", vec![parse(&text)]);
    let v2 = loaded("v2", vec![parse(&text)]);
    let both = service_view(codegen::emit::generate(&[v1.clone(), v2.clone()], "wsdl").unwrap());
    let again = service_view(codegen::emit::generate(&[v1, v2], "wsdl").unwrap());
    assert_eq!(both, again);
    let v1_rs = &find_file(&both, "v1/test.rs").contents;
    let v2_rs = &find_file(&both, "v2/test.rs").contents;
    assert_eq!(
        v1_rs
            .replace("API v1", "API v2")
            .replace("\"v1\"", "\"v2\""),
        *v2_rs
    );
    find_file(&both, "v1/mod.rs");
    find_file(&both, "v2/mod.rs");
    assert!(
        find_file(&both, "versions.rs")
            .contents
            .contains("pub mod v2;")
    );
}

#[test]
fn version_name_that_is_not_an_identifier_is_an_error() {
    let service = parse(&types_wsdl(""));
    let e = codegen::emit::generate(&[loaded("bingads-13.0.23", vec![service])], "wsdl")
        .expect_err("`bingads-13.0.23` is not a module name");
    assert!(e.to_string().contains("bingads-13.0.23"), "{e}");
    assert!(e.message.contains("identifier"), "{e}");
}

// ----- names -------------------------------------------------------------------------------

#[test]
fn rust_names_for_schema_names() {
    let (_, g) = gen_types(
        r#"
      <xs:simpleType name="Mode">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Self"/>
          <xs:enumeration value="ad-group"/>
          <xs:enumeration value="3PAS"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:complexType name="Named">
        <xs:sequence>
          <xs:element minOccurs="0" name="Type" type="e:Mode"/>
          <xs:element minOccurs="0" name="URL" type="xs:string"/>
          <xs:element minOccurs="0" name="CampaignId" type="xs:long"/>
          <xs:element minOccurs="0" name="Match" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>"#,
    );
    assert_eq!(
        g.field_names("Named"),
        ["type_", "url", "campaign_id", "match_"]
    );
    // Element names on the wire are untouched.
    assert_eq!(
        g.encoded_elements("Named"),
        ["Type", "URL", "CampaignId", "Match"]
    );
    assert_eq!(
        g.variant_names("Mode"),
        ["Self_", "AdGroup", "V3pas", "UnknownValue"]
    );
    assert!(g.text.contains("Self::AdGroup => \"ad-group\","));
    assert!(g.find_static("PING").is_some());
    assert!(g.text.contains("pub async fn ping("));
}

#[test]
fn colliding_enum_variants_are_an_error() {
    let service = parse(&types_wsdl(&entities(
        r#"
      <xs:simpleType name="Casing">
        <xs:restriction base="xs:string">
          <xs:enumeration value="AB"/>
          <xs:enumeration value="Ab"/>
        </xs:restriction>
      </xs:simpleType>"#,
    )));
    let e = try_generate(service).expect_err("AB and Ab both map to the variant Ab");
    assert!(e.message.contains("Casing"), "{e}");
}
