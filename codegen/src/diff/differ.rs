//! Compares two versions of one service item by item: the service itself, endpoints,
//! operations (with headers and faults) and global elements here, types in `differ_types`.

use std::collections::{HashMap, HashSet};

use super::Rules;
use super::change::{Change, ChangeKind, Item};
use super::reach::{Reach, Usage};
use crate::model::{Message, Operation, QName, Service, TypeDef, TypeRef};

/// One comparison in progress: both services, what each direction reaches, the changes so far.
pub(super) struct Differ<'a> {
    pub(super) old: &'a Service,
    pub(super) new: &'a Service,
    pub(super) rules: Rules,
    /// Local type names used in more than one namespace (displayed qualified).
    ambiguous: HashSet<&'a str>,
    reach_old: Reach,
    reach_new: Reach,
    pub(super) added_types: HashSet<&'a QName>,
    pub(super) removed_types: HashSet<&'a QName>,
    pub(super) changes: Vec<Change>,
}

impl<'a> Differ<'a> {
    pub(super) fn new(old: &'a Service, new: &'a Service, rules: Rules) -> Self {
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
            rules,
            ambiguous,
            reach_old: Reach::of(old),
            reach_new: Reach::of(new),
            added_types: new_names.difference(&old_names).copied().collect(),
            removed_types: old_names.difference(&new_names).copied().collect(),
            changes: Vec::new(),
        }
    }

    pub(super) fn push(
        &mut self,
        kind: ChangeKind,
        item: Item,
        path: String,
        detail: String,
        breaking: bool,
    ) {
        self.changes.push(Change {
            kind,
            item,
            path,
            detail,
            breaking,
            rust_only: false,
        });
    }

    pub(super) fn type_name(&self, q: &QName) -> String {
        if self.ambiguous.contains(q.name.as_str()) {
            q.to_string()
        } else {
            q.name.clone()
        }
    }

    pub(super) fn type_ref(&self, t: &TypeRef) -> String {
        match t {
            TypeRef::Builtin(b) => b.xsd_name().to_string(),
            TypeRef::Named(q) => self.type_name(q),
        }
    }

    /// Where a type travels, in either model; neither means unknown, treated as both.
    pub(super) fn usage(&self, q: &QName) -> Usage {
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

    pub(super) fn service(&mut self) {
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

    pub(super) fn endpoints(&mut self) {
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

    pub(super) fn operations(&mut self) {
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

    pub(super) fn elements(&mut self) {
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
