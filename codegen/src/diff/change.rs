//! The report's data: what changed ([`Change`]), per service and per version.

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

    pub(super) fn label(self) -> &'static str {
        match self {
            Item::EnumValue => "enum value",
            other => other.as_str(),
        }
    }

    /// The report section the item is listed under.
    pub(super) fn group(self) -> Group {
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
pub(super) enum Group {
    Service,
    Endpoints,
    Operations,
    Types,
    Elements,
}

impl Group {
    pub(super) const ALL: [Group; 5] = [
        Group::Service,
        Group::Endpoints,
        Group::Operations,
        Group::Types,
        Group::Elements,
    ];

    pub(super) fn title(self) -> &'static str {
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
    /// Breaking only for Rust code (a struct literal no longer compiles); the wire accepts it.
    pub rust_only: bool,
}

impl Change {
    /// One readable line, e.g. `removed field Campaign.Foo: string [0..1] (breaking)`.
    pub fn describe(&self) -> String {
        let mut line = format!("{} {} {}", self.kind.as_str(), self.item.label(), self.path);
        if !self.detail.is_empty() {
            line.push_str(": ");
            line.push_str(&self.detail);
        }
        if self.rust_only {
            line.push_str(" (breaking: Rust struct literals)");
        } else if self.breaking {
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

    /// Breaking changes the wire itself rejects (not those that only break Rust struct
    /// literals).
    pub fn wire_breaking_count(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.breaking && !c.rust_only)
            .count()
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

    /// Whether a client generated from the old WSDLs can fail on the wire against the new
    /// service (the gate a scheduled WSDL check wants; a field added to a struct breaks only
    /// Rust struct literals, which a release note covers).
    pub fn has_wire_breaking(&self) -> bool {
        self.wire_breaking_count() > 0
    }

    pub fn wire_breaking_count(&self) -> usize {
        self.services
            .iter()
            .map(ServiceDiff::wire_breaking_count)
            .sum()
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
}
