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
//! * **Additions are not breaking**, except where they put a new requirement on requests:
//!   a *required* field (`minOccurs >= 1`) added to a type that is sent in requests, and a
//!   SOAP header added to an operation's *input* (the old client does not send it). A required
//!   field added to a response-only type is not breaking: decoders skip unknown elements.
//!   New enum values are not breaking (requests never need them; response decoders must
//!   tolerate values they do not know, and the report tells the SDK to add them).
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

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use crate::model::{
    ApiVersion, ComplexType, EnumValue, Field, Message, Operation, QName, Service, SimpleKind,
    TypeDef, TypeRef,
};

/// Whether an item appeared, disappeared or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// What kind of thing a [`Change`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Service,
    Endpoint,
    Operation,
    Header,
    Fault,
    Type,
    Field,
    EnumValue,
    Element,
}

impl Item {
    /// The machine name used in JSON (`enum_value`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Item::Service => "service",
            Item::Endpoint => "endpoint",
            Item::Operation => "operation",
            Item::Header => "header",
            Item::Fault => "fault",
            Item::Type => "type",
            Item::Field => "field",
            Item::EnumValue => "enum_value",
            Item::Element => "element",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Item::EnumValue => "enum value",
            other => other.as_str(),
        }
    }

    /// The report section the item is listed under.
    fn group(self) -> Group {
        match self {
            Item::Service => Group::Service,
            Item::Endpoint => Group::Endpoints,
            Item::Operation | Item::Header | Item::Fault => Group::Operations,
            Item::Type | Item::Field | Item::EnumValue => Group::Types,
            Item::Element => Group::Elements,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Service,
    Endpoints,
    Operations,
    Types,
    Elements,
}

impl Group {
    const ALL: [Group; 5] = [
        Group::Service,
        Group::Endpoints,
        Group::Operations,
        Group::Types,
        Group::Elements,
    ];

    fn title(self) -> &'static str {
        match self {
            Group::Service => "Service",
            Group::Endpoints => "Endpoints",
            Group::Operations => "Operations",
            Group::Types => "Types",
            Group::Elements => "Elements",
        }
    }
}

/// One change. `path` is relative to the service: `Operation`, `Operation.input.Header`,
/// `Operation.fault.Name`, `Type`, `Type.Field`, `Enum.Value`, an element name or an
/// environment name. Type names are local names, qualified as `{ns}Name` only where two
/// namespaces of the service use the same local name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub item: Item,
    pub path: String,
    pub detail: String,
    pub breaking: bool,
}

impl Change {
    /// One readable line, e.g. `removed field Campaign.Foo: string [0..1] (breaking)`.
    pub fn describe(&self) -> String {
        let mut line = format!("{} {} {}", self.kind.as_str(), self.item.label(), self.path);
        if !self.detail.is_empty() {
            line.push_str(": ");
            line.push_str(&self.detail);
        }
        if self.breaking {
            line.push_str(" (breaking)");
        }
        line
    }
}

/// The changes of one service, in report order (see the module documentation).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceDiff {
    pub name: String,
    pub changes: Vec<Change>,
}

impl ServiceDiff {
    /// One readable line per change.
    pub fn describe(&self) -> Vec<String> {
        self.changes.iter().map(Change::describe).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    pub fn breaking_count(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }
}

/// The changes between two API versions, one entry per service of either (sorted by name).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiDiff {
    /// Name of the old version (its folder name).
    pub old: String,
    /// Name of the new version.
    pub new: String,
    pub services: Vec<ServiceDiff>,
}

impl ApiDiff {
    pub fn is_empty(&self) -> bool {
        self.services.iter().all(ServiceDiff::is_empty)
    }

    pub fn has_breaking(&self) -> bool {
        self.breaking_count() > 0
    }

    pub fn breaking_count(&self) -> usize {
        self.services.iter().map(ServiceDiff::breaking_count).sum()
    }

    pub fn change_count(&self) -> usize {
        self.services.iter().map(|s| s.changes.len()).sum()
    }

    pub fn service(&self, name: &str) -> Option<&ServiceDiff> {
        self.services.iter().find(|s| s.name == name)
    }

    /// Every change with its service name, in report order.
    pub fn changes(&self) -> impl Iterator<Item = (&str, &Change)> {
        self.services
            .iter()
            .flat_map(|s| s.changes.iter().map(move |c| (s.name.as_str(), c)))
    }

    /// A Markdown report: a summary table (one row per service, then a total), then a section
    /// per changed service with its changes grouped by kind of item.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# API changes: {} → {}\n",
            md_text(&self.old),
            md_text(&self.new)
        );
        let total = self.change_count();
        let breaking = self.breaking_count();
        let _ = writeln!(
            out,
            "{total} change{} in {} of {} services, {breaking} breaking.\n",
            plural(total),
            self.services.iter().filter(|s| !s.is_empty()).count(),
            self.services.len(),
        );
        out.push_str("| Service | Added | Removed | Changed | Breaking |\n");
        out.push_str("|---|---:|---:|---:|---:|\n");
        let mut sums = [0usize; 4];
        for s in &self.services {
            let row = [
                s.count(ChangeKind::Added),
                s.count(ChangeKind::Removed),
                s.count(ChangeKind::Changed),
                s.breaking_count(),
            ];
            for (sum, n) in sums.iter_mut().zip(row) {
                *sum += n;
            }
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md_cell(&s.name),
                row[0],
                row[1],
                row[2],
                row[3]
            );
        }
        let _ = writeln!(
            out,
            "| **Total** | {} | {} | {} | {} |",
            sums[0], sums[1], sums[2], sums[3]
        );
        if self.is_empty() {
            out.push_str("\nNo changes.\n");
            return out;
        }
        out.push_str("\nBreaking changes are marked **breaking** (rule: see `codegen::diff`).\n");
        for s in self.services.iter().filter(|s| !s.is_empty()) {
            let _ = writeln!(out, "\n## {}\n", md_text(&s.name));
            let _ = writeln!(
                out,
                "{} change{}, {} breaking.",
                s.changes.len(),
                plural(s.changes.len()),
                s.breaking_count()
            );
            for group in Group::ALL {
                let mut changes = s.changes.iter().filter(|c| c.item.group() == group);
                let Some(first) = changes.next() else {
                    continue;
                };
                let _ = writeln!(out, "\n### {}\n", group.title());
                for c in std::iter::once(first).chain(changes) {
                    let _ = write!(
                        out,
                        "- {} {} {}",
                        c.kind.as_str(),
                        c.item.label(),
                        md_code(&c.path)
                    );
                    if !c.detail.is_empty() {
                        let _ = write!(out, ": {}", md_text(&c.detail));
                    }
                    if c.breaking {
                        out.push_str(" — **breaking**");
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    /// The report as JSON:
    /// `{"old", "new", "breaking": N, "services": [{"name", "changes": [{"kind", "item",
    /// "path", "detail", "breaking"}]}]}`, one change per line.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{{");
        let _ = writeln!(out, "  \"old\": {},", json_string(&self.old));
        let _ = writeln!(out, "  \"new\": {},", json_string(&self.new));
        let _ = writeln!(out, "  \"breaking\": {},", self.breaking_count());
        out.push_str("  \"services\": [");
        for (i, s) in self.services.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            let _ = write!(
                out,
                "    {{\"name\": {}, \"changes\": [",
                json_string(&s.name)
            );
            for (j, c) in s.changes.iter().enumerate() {
                out.push_str(if j == 0 { "\n" } else { ",\n" });
                let _ = write!(
                    out,
                    "      {{\"kind\": {}, \"item\": {}, \"path\": {}, \"detail\": {}, \"breaking\": {}}}",
                    json_string(c.kind.as_str()),
                    json_string(c.item.as_str()),
                    json_string(&c.path),
                    json_string(&c.detail),
                    c.breaking
                );
            }
            if !s.changes.is_empty() {
                out.push_str("\n    ");
            }
            out.push_str("]}");
        }
        if !self.services.is_empty() {
            out.push_str("\n  ");
        }
        out.push_str("]\n}\n");
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Inline code that survives backticks in the text (CommonMark: a longer fence).
fn md_code(s: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// Text outside code spans: line breaks flattened so a value cannot break the list.
fn md_text(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// A table cell: like [`md_text`], with pipes escaped.
fn md_cell(s: &str) -> String {
    md_text(s).replace('|', "\\|")
}

/// Compares two API versions service by service (services matched by `wsdl:service` name).
pub fn diff_versions(old: &ApiVersion, new: &ApiVersion) -> ApiDiff {
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
                (Some(o), Some(n)) => diff_services(o, n),
                (None, Some(n)) => ServiceDiff {
                    name: name.to_string(),
                    changes: vec![Change {
                        kind: ChangeKind::Added,
                        item: Item::Service,
                        path: name.to_string(),
                        detail: service_summary(n),
                        breaking: false,
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
    let mut cx = Differ::new(old, new);
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

/// Which directions a type travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Usage {
    request: bool,
    response: bool,
}

/// The types reachable from each direction of every operation of one service.
struct Reach {
    request: HashSet<QName>,
    response: HashSet<QName>,
}

impl Reach {
    fn of(service: &Service) -> Reach {
        let types: HashMap<&QName, &TypeDef> =
            service.types.iter().map(|t| (t.name(), t)).collect();
        let elements: HashMap<&QName, &TypeRef> =
            service.elements.iter().map(|e| (&e.name, &e.ty)).collect();
        let mut derived: HashMap<&QName, Vec<&QName>> = HashMap::new();
        for t in &service.types {
            if let TypeDef::Complex(ComplexType {
                base: Some(base),
                name,
                ..
            }) = t
            {
                derived.entry(base).or_default().push(name);
            }
        }
        let walk = |roots: Vec<&QName>| -> HashSet<QName> {
            let mut seen: HashSet<QName> = HashSet::new();
            let mut stack: Vec<&QName> = Vec::new();
            for element in roots {
                match elements.get(element) {
                    Some(TypeRef::Named(q)) => stack.push(q),
                    Some(TypeRef::Builtin(_)) => {}
                    // A body element without a global declaration: its wrapper type, if any.
                    None => stack.push(element),
                }
            }
            while let Some(q) = stack.pop() {
                if !seen.insert(q.clone()) {
                    continue;
                }
                if let Some(children) = derived.get(q) {
                    stack.extend(children.iter().copied());
                }
                match types.get(q) {
                    Some(TypeDef::Complex(c)) => {
                        if let Some(base) = &c.base {
                            stack.push(base);
                        }
                        for f in &c.fields {
                            if let TypeRef::Named(t) = &f.ty {
                                stack.push(t);
                            }
                        }
                    }
                    Some(TypeDef::Simple(s)) => {
                        if let SimpleKind::List(TypeRef::Named(t)) = &s.kind {
                            stack.push(t);
                        }
                    }
                    None => {}
                }
            }
            seen
        };
        let mut request_roots = Vec::new();
        let mut response_roots = Vec::new();
        for op in &service.operations {
            request_roots.push(&op.input.body);
            request_roots.extend(op.input.headers.iter().map(|h| &h.element));
            response_roots.push(&op.output.body);
            response_roots.extend(op.output.headers.iter().map(|h| &h.element));
            response_roots.extend(op.faults.iter().map(|f| &f.element));
        }
        Reach {
            request: walk(request_roots),
            response: walk(response_roots),
        }
    }
}

struct Differ<'a> {
    old: &'a Service,
    new: &'a Service,
    /// Local type names used in more than one namespace (displayed qualified).
    ambiguous: HashSet<&'a str>,
    reach_old: Reach,
    reach_new: Reach,
    added_types: HashSet<&'a QName>,
    removed_types: HashSet<&'a QName>,
    changes: Vec<Change>,
}

impl<'a> Differ<'a> {
    fn new(old: &'a Service, new: &'a Service) -> Self {
        let mut namespaces: HashMap<&str, HashSet<&str>> = HashMap::new();
        for t in old.types.iter().chain(&new.types) {
            namespaces
                .entry(t.name().name.as_str())
                .or_default()
                .insert(t.name().ns.as_str());
        }
        let ambiguous = namespaces
            .into_iter()
            .filter(|(_, ns)| ns.len() > 1)
            .map(|(name, _)| name)
            .collect();
        let old_names: HashSet<&QName> = old.types.iter().map(TypeDef::name).collect();
        let new_names: HashSet<&QName> = new.types.iter().map(TypeDef::name).collect();
        Differ {
            old,
            new,
            ambiguous,
            reach_old: Reach::of(old),
            reach_new: Reach::of(new),
            added_types: new_names.difference(&old_names).copied().collect(),
            removed_types: old_names.difference(&new_names).copied().collect(),
            changes: Vec::new(),
        }
    }

    fn push(&mut self, kind: ChangeKind, item: Item, path: String, detail: String, breaking: bool) {
        self.changes.push(Change {
            kind,
            item,
            path,
            detail,
            breaking,
        });
    }

    fn type_name(&self, q: &QName) -> String {
        if self.ambiguous.contains(q.name.as_str()) {
            q.to_string()
        } else {
            q.name.clone()
        }
    }

    fn type_ref(&self, t: &TypeRef) -> String {
        match t {
            TypeRef::Builtin(b) => b.xsd_name().to_string(),
            TypeRef::Named(q) => self.type_name(q),
        }
    }

    /// Where a type travels, in either model; neither means unknown, treated as both.
    fn usage(&self, q: &QName) -> Usage {
        let request = self.reach_old.request.contains(q) || self.reach_new.request.contains(q);
        let response = self.reach_old.response.contains(q) || self.reach_new.response.contains(q);
        if request || response {
            Usage { request, response }
        } else {
            Usage {
                request: true,
                response: true,
            }
        }
    }

    fn service(&mut self) {
        if self.old.target_namespace != self.new.target_namespace {
            let detail = format!(
                "target namespace {} → {}",
                self.old.target_namespace, self.new.target_namespace
            );
            self.push(
                ChangeKind::Changed,
                Item::Service,
                self.new.name.clone(),
                detail,
                true,
            );
        }
    }

    fn endpoints(&mut self) {
        let (old, new) = (self.old, self.new);
        for (env, url) in &new.endpoints {
            match old.endpoints.get(env) {
                None => self.push(
                    ChangeKind::Added,
                    Item::Endpoint,
                    env.clone(),
                    url.clone(),
                    false,
                ),
                Some(old_url) if old_url != url => self.push(
                    ChangeKind::Changed,
                    Item::Endpoint,
                    env.clone(),
                    format!("{old_url} → {url}"),
                    true,
                ),
                Some(_) => {}
            }
        }
        for (env, url) in &old.endpoints {
            if !new.endpoints.contains_key(env) {
                self.push(
                    ChangeKind::Removed,
                    Item::Endpoint,
                    env.clone(),
                    url.clone(),
                    true,
                );
            }
        }
    }

    fn operations(&mut self) {
        let (old, new) = (self.old, self.new);
        for op in &new.operations {
            match old.operations.iter().find(|o| o.name == op.name) {
                None => {
                    let detail = format!(
                        "request {}, response {}",
                        self.type_name(&op.input.body),
                        self.type_name(&op.output.body)
                    );
                    self.push(
                        ChangeKind::Added,
                        Item::Operation,
                        op.name.clone(),
                        detail,
                        false,
                    );
                }
                Some(o) => self.operation(o, op),
            }
        }
        for op in &old.operations {
            if !new.operations.iter().any(|n| n.name == op.name) {
                let detail = format!(
                    "request {}, response {}",
                    self.type_name(&op.input.body),
                    self.type_name(&op.output.body)
                );
                self.push(
                    ChangeKind::Removed,
                    Item::Operation,
                    op.name.clone(),
                    detail,
                    true,
                );
            }
        }
    }

    fn operation(&mut self, old: &Operation, new: &Operation) {
        let name = &new.name;
        if old.soap_action != new.soap_action {
            let detail = format!("soapAction {} → {}", old.soap_action, new.soap_action);
            self.push(
                ChangeKind::Changed,
                Item::Operation,
                name.clone(),
                detail,
                true,
            );
        }
        for (direction, o, n) in [
            ("request", &old.input, &new.input),
            ("response", &old.output, &new.output),
        ] {
            if o.body != n.body {
                let detail = format!(
                    "{direction} element {} → {}",
                    self.type_name(&o.body),
                    self.type_name(&n.body)
                );
                self.push(
                    ChangeKind::Changed,
                    Item::Operation,
                    name.clone(),
                    detail,
                    true,
                );
            }
        }
        self.headers(name, "input", &old.input, &new.input);
        self.headers(name, "output", &old.output, &new.output);
        let old_faults: Vec<(&str, &QName)> = old
            .faults
            .iter()
            .map(|f| (f.name.as_str(), &f.element))
            .collect();
        let new_faults: Vec<(&str, &QName)> = new
            .faults
            .iter()
            .map(|f| (f.name.as_str(), &f.element))
            .collect();
        self.named_elements(
            Item::Fault,
            &format!("{name}.fault"),
            &old_faults,
            &new_faults,
            false,
        );
    }

    /// Header changes of one direction (`input` or `output`); headers are matched by part name.
    /// A header added to a request is breaking (old clients do not send it).
    fn headers(&mut self, op: &str, direction: &str, old: &Message, new: &Message) {
        let old_headers: Vec<(&str, &QName)> = old
            .headers
            .iter()
            .map(|h| (h.part.as_str(), &h.element))
            .collect();
        let new_headers: Vec<(&str, &QName)> = new
            .headers
            .iter()
            .map(|h| (h.part.as_str(), &h.element))
            .collect();
        self.named_elements(
            Item::Header,
            &format!("{op}.{direction}"),
            &old_headers,
            &new_headers,
            direction == "input",
        );
    }

    /// Changes of a list of named element references (an operation's headers or faults),
    /// matched by name: added (breaking when `added_breaks`), element changed, removed.
    fn named_elements(
        &mut self,
        item: Item,
        prefix: &str,
        old: &[(&str, &QName)],
        new: &[(&str, &QName)],
        added_breaks: bool,
    ) {
        for (name, element) in new {
            let path = format!("{prefix}.{name}");
            match old.iter().find(|(o, _)| o == name) {
                None => {
                    let detail = self.type_name(element);
                    self.push(ChangeKind::Added, item, path, detail, added_breaks);
                }
                Some((_, before)) if before != element => {
                    let detail = format!(
                        "element {} → {}",
                        self.type_name(before),
                        self.type_name(element)
                    );
                    self.push(ChangeKind::Changed, item, path, detail, true);
                }
                Some(_) => {}
            }
        }
        for (name, element) in old {
            if !new.iter().any(|(n, _)| n == name) {
                let detail = self.type_name(element);
                self.push(
                    ChangeKind::Removed,
                    item,
                    format!("{prefix}.{name}"),
                    detail,
                    true,
                );
            }
        }
    }

    fn types(&mut self) {
        let (old, new) = (self.old, self.new);
        for t in &new.types {
            match old.types.iter().find(|o| o.name() == t.name()) {
                None => {
                    let detail = self.type_summary(t);
                    self.push(
                        ChangeKind::Added,
                        Item::Type,
                        self.type_name(t.name()),
                        detail,
                        false,
                    );
                }
                Some(o) => self.type_def(o, t),
            }
        }
        for t in &old.types {
            if !new.types.iter().any(|n| n.name() == t.name()) {
                let detail = self.type_summary(t);
                self.push(
                    ChangeKind::Removed,
                    Item::Type,
                    self.type_name(t.name()),
                    detail,
                    true,
                );
            }
        }
    }

    /// The kind of a type, e.g. `complex type`, `enum`, `restriction of date`.
    fn kind_name(&self, t: &TypeDef) -> String {
        match t {
            TypeDef::Complex(c) if c.is_element_wrapper => "element wrapper".to_string(),
            TypeDef::Complex(_) => "complex type".to_string(),
            TypeDef::Simple(s) => match &s.kind {
                SimpleKind::Enum(_) => "enum".to_string(),
                SimpleKind::FlagsList(_) => "flags list".to_string(),
                SimpleKind::List(item) => format!("list of {}", self.type_ref(item)),
                SimpleKind::Restriction(b) => format!("restriction of {}", b.xsd_name()),
            },
        }
    }

    fn type_summary(&self, t: &TypeDef) -> String {
        let mut s = self.kind_name(t);
        match t {
            TypeDef::Complex(c) => {
                if c.is_abstract {
                    s.insert_str(0, "abstract ");
                }
                if let Some(base) = &c.base {
                    let _ = write!(s, " extending {}", self.type_name(base));
                }
                let _ = write!(s, ", {} field{}", c.fields.len(), plural(c.fields.len()));
            }
            TypeDef::Simple(st) => {
                if let SimpleKind::Enum(v) | SimpleKind::FlagsList(v) = &st.kind {
                    let _ = write!(s, ", {} value{}", v.len(), plural(v.len()));
                }
            }
        }
        s
    }

    fn type_def(&mut self, old: &TypeDef, new: &TypeDef) {
        let name = self.type_name(new.name());
        let (old_kind, new_kind) = (self.kind_name(old), self.kind_name(new));
        // Kind names carry list and restriction item types, so equal names leave only enum
        // values and complex type contents to compare.
        if old_kind != new_kind {
            let detail = format!("kind {old_kind} → {new_kind}");
            self.push(ChangeKind::Changed, Item::Type, name, detail, true);
            return;
        }
        match (old, new) {
            (TypeDef::Complex(o), TypeDef::Complex(n)) => self.complex(&name, o, n),
            (TypeDef::Simple(o), TypeDef::Simple(n)) => match (&o.kind, &n.kind) {
                (SimpleKind::Enum(ov), SimpleKind::Enum(nv))
                | (SimpleKind::FlagsList(ov), SimpleKind::FlagsList(nv)) => {
                    self.enum_values(&name, ov, nv)
                }
                // Lists and restrictions with equal kind names are equal.
                _ => {}
            },
            _ => {}
        }
    }

    fn enum_values(&mut self, ty: &str, old: &[EnumValue], new: &[EnumValue]) {
        for v in new {
            let path = format!("{ty}.{}", v.value);
            match old.iter().find(|o| o.value == v.value) {
                None => {
                    let detail = v
                        .numeric
                        .map(|n| format!("numeric value {n}"))
                        .unwrap_or_default();
                    self.push(ChangeKind::Added, Item::EnumValue, path, detail, false);
                }
                Some(o) if o.numeric != v.numeric => {
                    let show = |n: Option<i64>| n.map_or("none".to_string(), |n| n.to_string());
                    let detail = format!("numeric value {} → {}", show(o.numeric), show(v.numeric));
                    self.push(ChangeKind::Changed, Item::EnumValue, path, detail, false);
                }
                Some(_) => {}
            }
        }
        for v in old {
            if !new.iter().any(|n| n.value == v.value) {
                let detail = v
                    .numeric
                    .map(|n| format!("numeric value {n}"))
                    .unwrap_or_default();
                self.push(
                    ChangeKind::Removed,
                    Item::EnumValue,
                    format!("{ty}.{}", v.value),
                    detail,
                    true,
                );
            }
        }
    }

    fn field_summary(&self, f: &Field) -> String {
        let max = f.max_occurs.map_or("*".to_string(), |m| m.to_string());
        let mut s = format!("{} [{}..{max}]", self.type_ref(&f.ty), f.min_occurs);
        if f.nillable {
            s.push_str(" nillable");
        }
        s
    }

    fn complex(&mut self, name: &str, old: &ComplexType, new: &ComplexType) {
        let usage = self.usage(&new.name);
        if old.base != new.base {
            let show =
                |b: &Option<QName>| b.as_ref().map_or("none".to_string(), |q| self.type_name(q));
            let detail = format!("base {} → {}", show(&old.base), show(&new.base));
            self.push(
                ChangeKind::Changed,
                Item::Type,
                name.to_string(),
                detail,
                true,
            );
        }
        if old.is_abstract != new.is_abstract {
            let detail = if new.is_abstract {
                "now abstract"
            } else {
                "no longer abstract"
            };
            self.push(
                ChangeKind::Changed,
                Item::Type,
                name.to_string(),
                detail.to_string(),
                new.is_abstract,
            );
        }
        for f in &new.fields {
            let path = format!("{name}.{}", f.name);
            match old.fields.iter().find(|o| o.name == f.name) {
                None => {
                    let required = f.min_occurs >= 1;
                    let mut detail = self.field_summary(f);
                    if required {
                        detail.push_str(", required");
                    }
                    self.push(
                        ChangeKind::Added,
                        Item::Field,
                        path,
                        detail,
                        required && usage.request,
                    );
                }
                Some(o) => self.field(path, o, f, usage),
            }
        }
        for f in &old.fields {
            if !new.fields.iter().any(|n| n.name == f.name) {
                let detail = self.field_summary(f);
                self.push(
                    ChangeKind::Removed,
                    Item::Field,
                    format!("{name}.{}", f.name),
                    detail,
                    true,
                );
            }
        }
        // Relative order of the fields both versions have.
        let old_order: Vec<&str> = old
            .fields
            .iter()
            .filter(|f| new.fields.iter().any(|n| n.name == f.name))
            .map(|f| f.name.as_str())
            .collect();
        let new_order: Vec<&str> = new
            .fields
            .iter()
            .filter(|f| old.fields.iter().any(|o| o.name == f.name))
            .map(|f| f.name.as_str())
            .collect();
        if old_order != new_order {
            let kept = longest_common_subsequence(&old_order, &new_order);
            let moved: Vec<&str> = new_order
                .iter()
                .copied()
                .filter(|f| !kept.contains(f))
                .collect();
            let detail = format!(
                "field order changed (moved: {}; new order: {})",
                moved.join(", "),
                new_order.join(", ")
            );
            self.push(
                ChangeKind::Changed,
                Item::Type,
                name.to_string(),
                detail,
                true,
            );
        }
    }

    fn field(&mut self, path: String, old: &Field, new: &Field, usage: Usage) {
        let mut details = Vec::new();
        let mut breaking = false;
        if old.ns != new.ns {
            details.push(format!("namespace {:?} → {:?}", old.ns, new.ns));
            breaking = true;
        }
        if old.ty != new.ty {
            details.push(format!(
                "type {} → {}",
                self.type_ref(&old.ty),
                self.type_ref(&new.ty)
            ));
            breaking = true;
        }
        // `true` when the change loosens the constraint, `false` when it tightens it.
        let mut direction = |loosens: bool| {
            breaking |= if loosens {
                usage.response
            } else {
                usage.request
            };
        };
        if old.min_occurs != new.min_occurs {
            details.push(format!("minOccurs {} → {}", old.min_occurs, new.min_occurs));
            direction(new.min_occurs < old.min_occurs);
        }
        if old.max_occurs != new.max_occurs {
            let show = |m: Option<u32>| m.map_or("unbounded".to_string(), |m| m.to_string());
            details.push(format!(
                "maxOccurs {} → {}",
                show(old.max_occurs),
                show(new.max_occurs)
            ));
            // `None` (unbounded) is the loosest bound.
            let loosens = match (old.max_occurs, new.max_occurs) {
                (_, None) => true,
                (None, Some(_)) => false,
                (Some(o), Some(n)) => n > o,
            };
            direction(loosens);
        }
        if old.nillable != new.nillable {
            details.push(format!("nillable {} → {}", old.nillable, new.nillable));
            direction(new.nillable);
        }
        if !details.is_empty() {
            self.push(
                ChangeKind::Changed,
                Item::Field,
                path,
                details.join("; "),
                breaking,
            );
        }
    }

    fn elements(&mut self) {
        let (old, new) = (self.old, self.new);
        // The element of an added or removed type of the same name is that type's change.
        let folded = |e: &crate::model::Element, types: &HashSet<&QName>| matches!(&e.ty, TypeRef::Named(q) if q == &e.name && types.contains(q));
        for e in &new.elements {
            match old.elements.iter().find(|o| o.name == e.name) {
                None if folded(e, &self.added_types) => {}
                None => {
                    let detail = self.type_ref(&e.ty);
                    self.push(
                        ChangeKind::Added,
                        Item::Element,
                        self.type_name(&e.name),
                        detail,
                        false,
                    );
                }
                Some(o) => {
                    let mut details = Vec::new();
                    let mut breaking = false;
                    if o.ty != e.ty {
                        details.push(format!(
                            "type {} → {}",
                            self.type_ref(&o.ty),
                            self.type_ref(&e.ty)
                        ));
                        breaking = true;
                    }
                    if o.nillable != e.nillable {
                        details.push(format!("nillable {} → {}", o.nillable, e.nillable));
                    }
                    if !details.is_empty() {
                        self.push(
                            ChangeKind::Changed,
                            Item::Element,
                            self.type_name(&e.name),
                            details.join("; "),
                            breaking,
                        );
                    }
                }
            }
        }
        for e in &old.elements {
            if !new.elements.iter().any(|n| n.name == e.name) && !folded(e, &self.removed_types) {
                let detail = self.type_ref(&e.ty);
                self.push(
                    ChangeKind::Removed,
                    Item::Element,
                    self.type_name(&e.name),
                    detail,
                    true,
                );
            }
        }
    }
}

/// The items of a longest common subsequence of `a` and `b` (both hold distinct names).
fn longest_common_subsequence<'s>(a: &[&'s str], b: &[&'s str]) -> Vec<&'s str> {
    let (n, m) = (a.len(), b.len());
    // table[i][j]: LCS length of a[i..] and b[j..].
    let mut table = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(a[i]);
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
