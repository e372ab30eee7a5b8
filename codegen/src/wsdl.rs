//! WSDL 1.1 + inline XSD → [`crate::model`].
//!
//! Reads the document/literal-wrapped WSDLs that WCF publishes (`?singleWsdl`): every inline
//! `xs:schema` with its own target namespace, `xs:import`s between them resolved by namespace,
//! and the port type, binding and service sections. Constructs these WSDLs do not use are
//! reported as errors with their position rather than skipped, so a new construct in a future
//! WSDL cannot silently drop data.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use crate::model::*;

pub const XS_NS: &str = "http://www.w3.org/2001/XMLSchema";
pub const WSDL_NS: &str = "http://schemas.xmlsoap.org/wsdl/";
pub const SOAP_NS: &str = "http://schemas.xmlsoap.org/wsdl/soap/";
/// WCF's serialization namespace: its schema declares `guid`, `char`, `duration` and
/// annotation elements; we treat it as part of the type system rather than as API types.
pub const SERIALIZATION_NS: &str = "http://schemas.microsoft.com/2003/10/Serialization/";

/// A parse failure with where it happened.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct WsdlError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// Parses one WSDL document. `file` is only used in error messages; `environment` names the
/// endpoint found in `wsdl:service` (e.g. `production`).
pub fn parse_service(text: &str, file: &str, environment: &str) -> Result<Service, WsdlError> {
    let doc = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        WsdlError {
            file: file.to_string(),
            line: pos.row,
            column: pos.col,
            message: e.to_string(),
        }
    })?;
    let global_names = global_type_names(&doc);
    Parser {
        doc: &doc,
        file,
        global_names,
    }
    .service(environment)
}

struct Parser<'a, 'input> {
    doc: &'a Document<'input>,
    file: &'a str,
    /// Every named type (and element with an inline type) of every schema, known before any
    /// is parsed, so a synthesized name for an anonymous type never takes a declared one.
    global_names: std::collections::HashSet<QName>,
}

fn global_type_names(doc: &Document) -> std::collections::HashSet<QName> {
    let mut names = std::collections::HashSet::new();
    for schema in doc.descendants().filter(|n| is(*n, XS_NS, "schema")) {
        let tns = schema.attribute("targetNamespace").unwrap_or_default();
        for item in schema.children().filter(|n| n.is_element()) {
            let named_type = matches!(item.tag_name().name(), "complexType" | "simpleType");
            let element_type =
                item.tag_name().name() == "element" && child(item, XS_NS, "complexType").is_some();
            if let (true, Some(name)) = (named_type || element_type, item.attribute("name")) {
                names.insert(QName::new(tns, name));
            }
        }
    }
    names
}

fn is(node: Node, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

fn children<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'a str,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| is(*c, ns, name))
}

fn child<'a, 'i>(node: Node<'a, 'i>, ns: &'a str, name: &'a str) -> Option<Node<'a, 'i>> {
    children(node, ns, name).next()
}

impl<'a, 'input> Parser<'a, 'input> {
    fn err(&self, node: Node, message: impl Into<String>) -> WsdlError {
        let pos = self.doc.text_pos_at(node.range().start);
        WsdlError {
            file: self.file.to_string(),
            line: pos.row,
            column: pos.col,
            message: message.into(),
        }
    }

    fn attr<'n>(&self, node: Node<'n, 'input>, name: &str) -> Result<&'n str, WsdlError> {
        node.attribute(name).ok_or_else(|| {
            self.err(
                node,
                format!("<{}> lacks the `{name}` attribute", node.tag_name().name()),
            )
        })
    }

    /// Resolves a prefixed name in an attribute value against the namespaces in scope at `node`.
    fn qname(&self, node: Node, value: &str) -> Result<QName, WsdlError> {
        let (prefix, local) = match value.split_once(':') {
            Some((p, l)) => (Some(p), l),
            None => (None, value),
        };
        let ns = node.lookup_namespace_uri(prefix).ok_or_else(|| {
            self.err(
                node,
                format!("namespace prefix of `{value}` is not declared"),
            )
        })?;
        Ok(QName::new(ns, local))
    }

    fn type_ref(&self, node: Node, value: &str) -> Result<TypeRef, WsdlError> {
        let q = self.qname(node, value)?;
        if q.ns == XS_NS {
            return Builtin::from_xsd(&q.name)
                .map(TypeRef::Builtin)
                .ok_or_else(|| self.err(node, format!("unsupported XSD type xs:{}", q.name)));
        }
        if q.ns == SERIALIZATION_NS {
            let b = match q.name.as_str() {
                "guid" => Builtin::Guid,
                "char" => Builtin::Char,
                "duration" => Builtin::Duration,
                other => match Builtin::from_xsd(other) {
                    Some(b) => b,
                    None => {
                        return Err(
                            self.err(node, format!("unsupported serialization type {other}"))
                        );
                    }
                },
            };
            return Ok(TypeRef::Builtin(b));
        }
        Ok(TypeRef::Named(q))
    }

    fn service(&self, environment: &str) -> Result<Service, WsdlError> {
        let root = self.doc.root_element();
        if !is(root, WSDL_NS, "definitions") {
            return Err(self.err(root, "the root element is not wsdl:definitions"));
        }
        let target_namespace = self.attr(root, "targetNamespace")?.to_string();

        let mut types = Vec::new();
        let mut elements = Vec::new();
        if let Some(types_node) = child(root, WSDL_NS, "types") {
            for schema in children(types_node, XS_NS, "schema") {
                self.schema(schema, &mut types, &mut elements)?;
            }
        }

        // Messages: name -> [(part name, element)]
        let mut messages: HashMap<&str, Vec<(&str, QName)>> = HashMap::new();
        for m in children(root, WSDL_NS, "message") {
            let mut parts = Vec::new();
            for p in children(m, WSDL_NS, "part") {
                let el = self.attr(p, "element").map_err(|_| {
                    self.err(p, "only element parts are supported (document/literal)")
                })?;
                parts.push((self.attr(p, "name")?, self.qname(p, el)?));
            }
            messages.insert(self.attr(m, "name")?, parts);
        }

        let service_node =
            child(root, WSDL_NS, "service").ok_or_else(|| self.err(root, "no wsdl:service"))?;
        let name = self.attr(service_node, "name")?.to_string();
        let port = child(service_node, WSDL_NS, "port")
            .ok_or_else(|| self.err(service_node, "no wsdl:port"))?;
        let address = child(port, SOAP_NS, "address")
            .ok_or_else(|| self.err(port, "no soap:address (SOAP 1.1)"))?;
        let mut endpoints = std::collections::BTreeMap::new();
        endpoints.insert(
            environment.to_string(),
            self.attr(address, "location")?.to_string(),
        );
        let binding_name = self.qname(port, self.attr(port, "binding")?)?;
        let binding = children(root, WSDL_NS, "binding")
            .find(|b| b.attribute("name") == Some(binding_name.name.as_str()))
            .ok_or_else(|| self.err(port, format!("binding {} not found", binding_name.name)))?;
        let port_type_name = self.qname(binding, self.attr(binding, "type")?)?;
        let port_type = children(root, WSDL_NS, "portType")
            .find(|b| b.attribute("name") == Some(port_type_name.name.as_str()))
            .ok_or_else(|| {
                self.err(
                    binding,
                    format!("port type {} not found", port_type_name.name),
                )
            })?;

        let mut operations = Vec::new();
        for op in children(port_type, WSDL_NS, "operation") {
            let op_name = self.attr(op, "name")?;
            let bop = children(binding, WSDL_NS, "operation")
                .find(|b| b.attribute("name") == Some(op_name))
                .ok_or_else(|| self.err(op, format!("operation {op_name} is not bound")))?;
            let soap_op = child(bop, SOAP_NS, "operation")
                .ok_or_else(|| self.err(bop, "no soap:operation"))?;
            let soap_action = soap_op
                .attribute("soapAction")
                .unwrap_or_default()
                .to_string();
            if soap_op.attribute("style").is_some_and(|s| s != "document") {
                return Err(self.err(soap_op, "only document style is supported"));
            }
            let input = self.message(op, bop, "input", &messages)?;
            let output = self.message(op, bop, "output", &messages)?;
            let mut faults = Vec::new();
            for f in children(op, WSDL_NS, "fault") {
                let msg = self.qname(f, self.attr(f, "message")?)?;
                let parts = messages
                    .get(msg.name.as_str())
                    .ok_or_else(|| self.err(f, format!("message {} not found", msg.name)))?;
                let [(_, element)] = parts.as_slice() else {
                    return Err(self.err(f, "a fault message must have exactly one part"));
                };
                faults.push(Fault {
                    name: self.attr(f, "name")?.to_string(),
                    element: element.clone(),
                });
            }
            operations.push(Operation {
                name: op_name.to_string(),
                soap_action,
                input,
                output,
                faults,
            });
        }

        Ok(Service {
            name,
            target_namespace,
            endpoints,
            operations,
            types,
            elements,
        })
    }

    fn message(
        &self,
        op: Node,
        bop: Node,
        direction: &str,
        messages: &HashMap<&str, Vec<(&str, QName)>>,
    ) -> Result<Message, WsdlError> {
        let pt = child(op, WSDL_NS, direction)
            .ok_or_else(|| self.err(op, format!("no wsdl:{direction}")))?;
        let msg_name = self.qname(pt, self.attr(pt, "message")?)?;
        let parts = messages
            .get(msg_name.name.as_str())
            .ok_or_else(|| self.err(pt, format!("message {} not found", msg_name.name)))?;
        let bind = child(bop, WSDL_NS, direction)
            .ok_or_else(|| self.err(bop, format!("binding has no wsdl:{direction}")))?;
        let mut headers = Vec::new();
        for h in children(bind, SOAP_NS, "header") {
            let hmsg = self.qname(h, self.attr(h, "message")?)?;
            let part = self.attr(h, "part")?;
            let hparts = messages
                .get(hmsg.name.as_str())
                .ok_or_else(|| self.err(h, format!("message {} not found", hmsg.name)))?;
            let (_, element) = hparts
                .iter()
                .find(|(n, _)| *n == part)
                .ok_or_else(|| self.err(h, format!("part {part} not in message {}", hmsg.name)))?;
            headers.push(BoundHeader {
                part: part.to_string(),
                element: element.clone(),
                message: hmsg.name.clone(),
            });
        }
        let body_parts: Vec<&QName> = parts
            .iter()
            .filter(|(n, _)| {
                !headers
                    .iter()
                    .any(|h| h.message == msg_name.name && h.part == *n)
            })
            .map(|(_, e)| e)
            .collect();
        let [body] = body_parts.as_slice() else {
            return Err(self.err(
                pt,
                format!(
                    "expected one body part in message {}, found {}",
                    msg_name.name,
                    body_parts.len()
                ),
            ));
        };
        Ok(Message {
            body: (*body).clone(),
            headers: headers.into_iter().map(|h| h.into_header()).collect(),
        })
    }

    fn schema(
        &self,
        schema: Node,
        types: &mut Vec<TypeDef>,
        elements: &mut Vec<Element>,
    ) -> Result<(), WsdlError> {
        let tns = schema.attribute("targetNamespace").unwrap_or_default();
        if tns == SERIALIZATION_NS {
            return Ok(());
        }
        let qualified = schema.attribute("elementFormDefault") == Some("qualified");
        for item in schema.children().filter(|n| n.is_element()) {
            match item.tag_name().name() {
                "import" | "annotation" => {}
                "complexType" => {
                    let name = QName::new(tns, self.attr(item, "name")?);
                    let ct = self.complex(item, name, false, tns, qualified, types)?;
                    types.push(TypeDef::Complex(ct));
                }
                "simpleType" => {
                    let name = QName::new(tns, self.attr(item, "name")?);
                    types.push(TypeDef::Simple(SimpleType {
                        name,
                        kind: self.simple(item)?,
                    }));
                }
                "element" => {
                    let name = QName::new(tns, self.attr(item, "name")?);
                    let nillable = item.attribute("nillable") == Some("true");
                    if let Some(ty) = item.attribute("type") {
                        elements.push(Element {
                            name,
                            ty: self.type_ref(item, ty)?,
                            nillable,
                        });
                    } else if let Some(ct) = child(item, XS_NS, "complexType") {
                        let ct = self.complex(ct, name.clone(), true, tns, qualified, types)?;
                        types.push(TypeDef::Complex(ct));
                        elements.push(Element {
                            ty: TypeRef::Named(name.clone()),
                            name,
                            nillable,
                        });
                    } else {
                        return Err(self.err(
                            item,
                            "a global element needs a type or an inline complexType",
                        ));
                    }
                }
                other => return Err(self.err(item, format!("unsupported schema item xs:{other}"))),
            }
        }
        Ok(())
    }

    /// Reads a complex type. Anonymous complex types of its fields become named types (named
    /// after their element) pushed onto `types` before this one.
    fn complex(
        &self,
        node: Node,
        name: QName,
        is_element_wrapper: bool,
        tns: &str,
        qualified: bool,
        types: &mut Vec<TypeDef>,
    ) -> Result<ComplexType, WsdlError> {
        let is_abstract = node.attribute("abstract") == Some("true");
        let mut base = None;
        let mut fields = Vec::new();
        for c in node.children().filter(|n| n.is_element()) {
            match c.tag_name().name() {
                "annotation" => {}
                "sequence" => self.sequence(c, &name, tns, qualified, &mut fields, types)?,
                "complexContent" => {
                    let ext = child(c, XS_NS, "extension").ok_or_else(|| {
                        self.err(c, "only xs:extension is supported in complexContent")
                    })?;
                    base = Some(self.qname(ext, self.attr(ext, "base")?)?);
                    for e in ext.children().filter(|n| n.is_element()) {
                        match e.tag_name().name() {
                            "sequence" => {
                                self.sequence(e, &name, tns, qualified, &mut fields, types)?
                            }
                            "annotation" => {}
                            other => {
                                return Err(
                                    self.err(e, format!("unsupported xs:{other} in an extension"))
                                );
                            }
                        }
                    }
                }
                other => {
                    return Err(self.err(c, format!("unsupported xs:{other} in a complexType")));
                }
            }
        }
        Ok(ComplexType {
            name,
            is_element_wrapper,
            base,
            is_abstract,
            fields,
            doc: None,
        })
    }

    fn sequence(
        &self,
        seq: Node,
        owner: &QName,
        tns: &str,
        qualified: bool,
        fields: &mut Vec<Field>,
        types: &mut Vec<TypeDef>,
    ) -> Result<(), WsdlError> {
        for e in seq.children().filter(|n| n.is_element()) {
            if !is(e, XS_NS, "element") {
                return Err(self.err(
                    e,
                    format!("unsupported xs:{} in a sequence", e.tag_name().name()),
                ));
            }
            let name = self.attr(e, "name")?.to_string();
            let ty = match (e.attribute("type"), child(e, XS_NS, "complexType")) {
                (Some(t), _) => self.type_ref(e, t)?,
                (None, Some(inline)) => {
                    // Named after the element, or after owner + element if that name is taken.
                    let mut type_name = QName::new(tns, name.clone());
                    if self.global_names.contains(&type_name)
                        || types.iter().any(|t| t.name() == &type_name)
                        || &type_name == owner
                    {
                        type_name = QName::new(tns, format!("{}{}", owner.name, name));
                    }
                    let ct =
                        self.complex(inline, type_name.clone(), false, tns, qualified, types)?;
                    types.push(TypeDef::Complex(ct));
                    TypeRef::Named(type_name)
                }
                (None, None) => {
                    return Err(self.err(e, "an element needs a type or an inline complexType"));
                }
            };
            let min_occurs = match e.attribute("minOccurs") {
                None => 1,
                Some(v) => v
                    .parse()
                    .map_err(|_| self.err(e, format!("bad minOccurs `{v}`")))?,
            };
            let max_occurs = match e.attribute("maxOccurs") {
                None => Some(1),
                Some("unbounded") => None,
                Some(v) => Some(
                    v.parse()
                        .map_err(|_| self.err(e, format!("bad maxOccurs `{v}`")))?,
                ),
            };
            let ns = match e.attribute("form") {
                Some("qualified") => tns.to_string(),
                Some(_) => String::new(),
                None if qualified => tns.to_string(),
                None => String::new(),
            };
            let nillable = e.attribute("nillable") == Some("true");
            fields.push(Field {
                name,
                ns,
                ty,
                min_occurs,
                max_occurs,
                nillable,
            });
        }
        Ok(())
    }

    fn simple(&self, node: Node) -> Result<SimpleKind, WsdlError> {
        if let Some(r) = child(node, XS_NS, "restriction") {
            let base = self.type_ref(r, self.attr(r, "base")?)?;
            let values = self.enum_values(r)?;
            if !values.is_empty() {
                return Ok(SimpleKind::Enum(values));
            }
            return match base {
                TypeRef::Builtin(b) => Ok(SimpleKind::Restriction(b)),
                TypeRef::Named(q) => Err(self.err(
                    r,
                    format!("restriction of a named type {q} is not supported"),
                )),
            };
        }
        if let Some(l) = child(node, XS_NS, "list") {
            if let Some(item) = l.attribute("itemType") {
                return Ok(SimpleKind::List(self.type_ref(l, item)?));
            }
            let inner = child(l, XS_NS, "simpleType")
                .ok_or_else(|| self.err(l, "xs:list needs an itemType or an inline simpleType"))?;
            return match self.simple(inner)? {
                SimpleKind::Enum(values) => Ok(SimpleKind::FlagsList(values)),
                SimpleKind::Restriction(b) => Ok(SimpleKind::List(TypeRef::Builtin(b))),
                _ => Err(self.err(inner, "unsupported item type in xs:list")),
            };
        }
        Err(self.err(
            node,
            "unsupported simpleType (neither restriction nor list)",
        ))
    }

    fn enum_values(&self, restriction: Node) -> Result<Vec<EnumValue>, WsdlError> {
        let mut out = Vec::new();
        for e in children(restriction, XS_NS, "enumeration") {
            let value = self.attr(e, "value")?.to_string();
            let numeric = e
                .descendants()
                .find(|n| is(*n, SERIALIZATION_NS, "EnumerationValue"))
                .and_then(|n| n.text())
                .map(|t| {
                    t.trim()
                        .parse::<i64>()
                        .map_err(|_| self.err(e, format!("bad EnumerationValue `{t}`")))
                })
                .transpose()?;
            out.push(EnumValue { value, numeric });
        }
        Ok(out)
    }
}

struct BoundHeader {
    part: String,
    element: QName,
    message: String,
}

impl BoundHeader {
    fn into_header(self) -> Header {
        Header {
            part: self.part,
            element: self.element,
        }
    }
}
