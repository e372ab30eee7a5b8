//! API change reports: what changed between two models, and whether it can break a client.
//!
//! Two uses share this module. [`crate::load_version`] compares the production and sandbox
//! WSDLs of one version with [`diff_services`] (they should describe one contract), and
//! `cargo xtask wsdl-diff` compares two published versions with [`diff_versions`] to tell
//! maintainers what a WSDL refresh brings before the generated SDK changes under them.
//!
//! # What is compared
//!
//! Services (added/removed, target namespace), endpoints per environment, operations
//! (soapAction, request/response body element, input/output SOAP headers, faults), schema
//! types (kind, base type, abstractness, fields, field order, enum and flags values, list and
//! restriction item types) and global elements (headers and fault details). Items are matched
//! by name: operations, headers (by part), faults and fields by name, types and elements by
//! namespace-qualified name. A rename therefore shows as a removal plus an addition.
//!
//! The companion global element WCF declares for every type (`<xs:element name="Campaign"
//! type="tns:Campaign"/>`) and the element of every request/response wrapper are not reported
//! separately when their type is itself added or removed: that would only repeat the type.
//!
//! # The breaking rule
//!
//! A change is *breaking* when a client generated from the old WSDLs can fail against the new
//! service, or when regenerating the SDK takes away something user code can name. Concretely:
//!
//! * **Removals are always breaking**: a service, endpoint, operation, header, fault, type,
//!   field, enum/flags value or global element that disappears breaks the requests that use it
//!   and the code that names it.
//! * **Additions are not breaking on the wire**, except where they put a new requirement on requests:
//!   a *required* field (`minOccurs >= 1`) added to a type that is sent in requests, and a
//!   SOAP header added to an operation's *input* (the old client does not send it). A required
//!   field added to a response-only type is not breaking: decoders skip unknown elements.
//!   New enum values are not breaking (requests never need them; response decoders must
//!   tolerate values they do not know, and the report tells the SDK to add them).
//! * **An added field breaks Rust code** even where the wire does not care: a struct literal
//!   (`Bid { amount }`) stops compiling when the regenerated struct gains a field, unless the
//!   struct is `#[non_exhaustive]` (then users cannot write literals at all). The generated
//!   structs are not ([`crate::emit::STRUCTS_NON_EXHAUSTIVE`]), so every added field is
//!   breaking, marked [`Change::rust_only`] when the wire alone would accept it. Added enum
//!   values and derived types are not: those enums are `#[non_exhaustive]`.
//! * **Changes to what is on the wire are breaking**: soapAction, request/response body
//!   element, a header's or fault's element, a type's kind, base type or list/restriction
//!   item type, a field's type or namespace, a global element's type, the target namespace,
//!   an endpoint address (deployed clients keep calling the old one), a type becoming
//!   abstract, and **any change in the relative order of a type's fields**: the service
//!   (WCF's DataContractSerializer) reads a sequence in order and silently drops elements that
//!   arrive out of order, so a reorder loses data without an error.
//! * **Occurrence and nillability changes depend on direction.** *Tightening* (`minOccurs`
//!   up, `maxOccurs` down, nillable → not nillable) is breaking when the type is sent in
//!   requests: what the old client sends may now be rejected. *Loosening* (`minOccurs` down,
//!   `maxOccurs` up, not nillable → nillable) is breaking when the type is received in
//!   responses: the old client may meet an absent, nil or repeated value it cannot hold.
//!   Direction is found by following request/response body elements, headers and fault
//!   details through field types, base types and derived types (a field of a base type can
//!   carry any derived type via `xsi:type`), in both the old and the new model. A type reached
//!   from neither direction is treated as used in both (conservative).
//! * Not breaking: an abstract type becoming concrete, a new output header (clients ignore
//!   headers they do not know), a new fault, a changed WCF numeric enum annotation (the wire
//!   carries the name), a global element's nillability.
//!
//! # Ordering
//!
//! Output is deterministic: services by name; inside a service, service-level changes, then
//! endpoints, operations, types and elements, each in the document order of the new model with
//! removed items after, in the order of the old one. Inside a type, type-level changes come
//! first, then fields in new order, removed fields, and the order change last.
//!
//! # Layout
//!
//! `change` is the report's data (a [`Change`] per item), `reach` finds which direction each
//! type travels in, `differ` and `differ_types` compare two services, `report` writes the
//! Markdown and JSON forms.

use std::collections::BTreeSet;

use crate::model::{ApiVersion, Service};

mod change;
mod differ;
mod differ_types;
mod reach;
mod report;

pub use change::{ApiDiff, Change, ChangeKind, Item, ServiceDiff};
use differ::Differ;

/// What the generated Rust code looks like, as far as the breaking rule cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Whether generated structs are `#[non_exhaustive]` (an added field then breaks no
    /// struct literal, since none can be written).
    pub structs_non_exhaustive: bool,
}

impl Rules {
    /// The rules of the code this generator writes.
    pub const GENERATED: Rules = Rules {
        structs_non_exhaustive: crate::emit::STRUCTS_NON_EXHAUSTIVE,
    };
}

impl Default for Rules {
    fn default() -> Self {
        Rules::GENERATED
    }
}

/// Compares two API versions service by service (services matched by `wsdl:service` name).
pub fn diff_versions(old: &ApiVersion, new: &ApiVersion) -> ApiDiff {
    diff_versions_with(old, new, Rules::GENERATED)
}

/// [`diff_versions`] under other [`Rules`].
pub fn diff_versions_with(old: &ApiVersion, new: &ApiVersion, rules: Rules) -> ApiDiff {
    let names: BTreeSet<&str> = old
        .services
        .iter()
        .chain(&new.services)
        .map(|s| s.name.as_str())
        .collect();
    let services = names
        .into_iter()
        .map(|name| {
            let o = old.services.iter().find(|s| s.name == name);
            let n = new.services.iter().find(|s| s.name == name);
            match (o, n) {
                (Some(o), Some(n)) => diff_services_with(o, n, rules),
                (None, Some(n)) => ServiceDiff {
                    name: name.to_string(),
                    changes: vec![Change {
                        kind: ChangeKind::Added,
                        item: Item::Service,
                        path: name.to_string(),
                        detail: service_summary(n),
                        breaking: false,
                        rust_only: false,
                    }],
                },
                (Some(o), None) => ServiceDiff {
                    name: name.to_string(),
                    changes: vec![Change {
                        kind: ChangeKind::Removed,
                        item: Item::Service,
                        path: name.to_string(),
                        detail: service_summary(o),
                        breaking: true,
                        rust_only: false,
                    }],
                },
                (None, None) => ServiceDiff {
                    name: name.to_string(),
                    changes: Vec::new(),
                },
            }
        })
        .collect();
    ApiDiff {
        old: old.name.clone(),
        new: new.name.clone(),
        services,
    }
}

fn service_summary(s: &Service) -> String {
    format!(
        "{} operation{}, {} type{}",
        s.operations.len(),
        plural(s.operations.len()),
        s.types.len(),
        plural(s.types.len())
    )
}

/// Compares two versions of one service. The name reported is the new one's.
pub fn diff_services(old: &Service, new: &Service) -> ServiceDiff {
    diff_services_with(old, new, Rules::GENERATED)
}

/// [`diff_services`] under other [`Rules`].
pub fn diff_services_with(old: &Service, new: &Service, rules: Rules) -> ServiceDiff {
    let mut cx = Differ::new(old, new, rules);
    cx.service();
    cx.endpoints();
    cx.operations();
    cx.types();
    cx.elements();
    ServiceDiff {
        name: new.name.clone(),
        changes: cx.changes,
    }
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
