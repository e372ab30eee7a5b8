//! What the emitter knows about a service's types before it writes a line: the shape of
//! each complex type (struct or array wrapper), polymorphic families, the Rust name of each
//! struct, the fields that must be boxed to break a cycle, and the namespace constants.
//!
//! Every check that can reject a model (a type declared twice, two schema names mapping to
//! one Rust name, a broken base chain) runs here, once, so the emitting code can assume a
//! consistent model.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{EmitError, ident};
use crate::model::*;
use crate::names;

/// How a complex type is represented.
#[derive(Debug, Clone)]
pub(super) enum Shape {
    /// A struct (when other types extend it, the struct is `{Name}Base` and the name is taken
    /// by an enum over the family).
    Struct,
    /// An array wrapper: only its item field matters.
    Array { item: Field },
}

/// The analysed types of one service.
pub(super) struct Analysis<'a> {
    pub(super) service: &'a Service,
    pub(super) types: HashMap<&'a QName, &'a TypeDef>,
    pub(super) index: TypeIndex<'a>,
    pub(super) shapes: HashMap<&'a QName, Shape>,
    /// Direct descendants of each type.
    children: HashMap<&'a QName, Vec<&'a QName>>,
    /// Namespace URI → constant name, in order of first use.
    pub(super) namespaces: BTreeMap<String, Ident>,
    /// Fields (type, field index in flattened order) that must be boxed to break a cycle.
    pub(super) boxed: BTreeSet<(QName, String)>,
}

impl<'a> Analysis<'a> {
    pub(super) fn new(service: &'a Service) -> Result<Self, EmitError> {
        let mut types = HashMap::new();
        for t in &service.types {
            if types.insert(t.name(), t).is_some() {
                return Err(EmitError {
                    service: service.name.clone(),
                    message: format!("type {} is declared twice", t.name()),
                });
            }
        }
        let mut children: HashMap<&QName, Vec<&QName>> = HashMap::new();
        for t in &service.types {
            if let TypeDef::Complex(c) = t {
                if let Some(base) = &c.base {
                    children.entry(base).or_default().push(&c.name);
                }
            }
        }
        let index = TypeIndex::new(service);
        let mut shapes = HashMap::new();
        for t in &service.types {
            if let TypeDef::Complex(c) = t {
                let shape = match index.array_item(&c.name) {
                    Some(item) => Shape::Array { item: item.clone() },
                    None => Shape::Struct,
                };
                shapes.insert(&c.name, shape);
            }
        }
        let mut analysis = Analysis {
            service,
            types,
            index,
            shapes,
            children,
            namespaces: BTreeMap::new(),
            boxed: BTreeSet::new(),
        };
        analysis.collect_namespaces();
        analysis.check_rust_names()?;
        analysis.find_cycles()?;
        Ok(analysis)
    }

    /// Two schema types (e.g. one local name in two namespaces) must not become one Rust name.
    fn check_rust_names(&self) -> Result<(), EmitError> {
        let mut seen: BTreeMap<String, &QName> = BTreeMap::new();
        for t in &self.service.types {
            let q = t.name();
            let mut rust = Vec::new();
            match t {
                TypeDef::Simple(_) => rust.push(names::type_name(&q.name)),
                TypeDef::Complex(_) => match self.shapes.get(q) {
                    Some(Shape::Array { .. }) => {
                        rust.push(format!("enc_{}", names::field_name(&q.name)))
                    }
                    _ => {
                        rust.push(self.struct_name(q).to_string());
                        if self.is_poly(q) {
                            rust.push(names::type_name(&q.name));
                        }
                    }
                },
            }
            for r in rust {
                if let Some(other) = seen.insert(r.clone(), q) {
                    return Err(
                        self.err(format!("{other} and {q} both map to the Rust name `{r}`"))
                    );
                }
            }
        }
        Ok(())
    }

    pub(super) fn err(&self, message: impl Into<String>) -> EmitError {
        EmitError {
            service: self.service.name.clone(),
            message: message.into(),
        }
    }

    fn collect_namespaces(&mut self) {
        let mut all: BTreeSet<String> = BTreeSet::new();
        all.insert(self.service.target_namespace.clone());
        for t in &self.service.types {
            all.insert(t.name().ns.clone());
            if let TypeDef::Complex(c) = t {
                for f in &c.fields {
                    all.insert(f.ns.clone());
                }
            }
        }
        for op in &self.service.operations {
            for m in [&op.input, &op.output] {
                all.insert(m.body.ns.clone());
                for h in &m.headers {
                    all.insert(h.element.ns.clone());
                }
            }
        }
        for (uri, name) in names::namespace_consts(all.iter().map(String::as_str)) {
            self.namespaces.insert(uri.to_string(), ident(&name));
        }
    }

    pub(super) fn ns(&self, uri: &str) -> TokenStream {
        match self.namespaces.get(uri) {
            Some(id) => quote!(#id),
            None => quote!(""),
        }
    }

    /// The base chain from the root down to `c` (inclusive).
    pub(super) fn lineage(&self, c: &'a ComplexType) -> Result<Vec<&'a ComplexType>, EmitError> {
        self.index
            .lineage(c)
            .ok_or_else(|| self.err(format!("{} has an unknown or cyclic base type", c.name)))
    }

    /// Every field of `c` in wire order: base fields first.
    pub(super) fn flattened(&self, c: &'a ComplexType) -> Result<Vec<&'a Field>, EmitError> {
        Ok(self
            .lineage(c)?
            .into_iter()
            .flat_map(|t| t.fields.iter())
            .collect())
    }

    /// Every descendant of `name`, in document order.
    pub(super) fn descendants(&self, name: &QName) -> Vec<&'a ComplexType> {
        self.index.descendants(name)
    }

    pub(super) fn is_poly(&self, name: &QName) -> bool {
        self.children.contains_key(name)
    }

    /// The Rust name of a complex type's struct.
    pub(super) fn struct_name(&self, name: &QName) -> Ident {
        if self.is_poly(name) {
            // `{Type}Base`, unless the schema already has a type by that name.
            let base = format!("{}Base", names::type_name(&name.name));
            let taken = self
                .service
                .types
                .iter()
                .any(|t| names::type_name(&t.name().name) == base);
            if taken {
                format_ident!("{}Data", names::type_name(&name.name))
            } else {
                ident(&base)
            }
        } else {
            ident(&names::type_name(&name.name))
        }
    }

    /// Marks fields to box: a field whose type can reach back to the type holding it
    /// without passing through a `Vec` would make the type infinitely large.
    fn find_cycles(&mut self) -> Result<(), EmitError> {
        // Edges: holder type -> contained complex types (not through arrays or repeats).
        let mut edges: BTreeMap<QName, BTreeSet<QName>> = BTreeMap::new();
        for t in &self.service.types {
            let TypeDef::Complex(c) = t else { continue };
            if matches!(self.shapes.get(&c.name), Some(Shape::Array { .. })) {
                continue;
            }
            let mut targets = BTreeSet::new();
            for f in self.flattened(c)? {
                if let Some(target) = self.direct_target(f) {
                    targets.insert(target);
                }
            }
            // A polymorphic enum contains each of its variants.
            for d in self.descendants(&c.name) {
                targets.insert(d.name.clone());
            }
            edges.insert(c.name.clone(), targets);
        }
        let reaches = |from: &QName, to: &QName| -> bool {
            let mut seen = BTreeSet::new();
            let mut stack = vec![from.clone()];
            while let Some(n) = stack.pop() {
                if &n == to {
                    return true;
                }
                if seen.insert(n.clone()) {
                    if let Some(next) = edges.get(&n) {
                        stack.extend(next.iter().cloned());
                    }
                }
            }
            false
        };
        let mut boxed = BTreeSet::new();
        for t in &self.service.types {
            let TypeDef::Complex(c) = t else { continue };
            if matches!(self.shapes.get(&c.name), Some(Shape::Array { .. })) {
                continue;
            }
            for f in self.flattened(c)? {
                if let Some(target) = self.direct_target(f) {
                    if reaches(&target, &c.name) {
                        boxed.insert((c.name.clone(), f.name.clone()));
                    }
                }
            }
        }
        self.boxed = boxed;
        Ok(())
    }

    /// The complex type a field holds directly (not through a `Vec`), if any.
    fn direct_target(&self, f: &Field) -> Option<QName> {
        if f.is_repeated() {
            return None;
        }
        let TypeRef::Named(q) = &f.ty else {
            return None;
        };
        match self.shapes.get(q)? {
            Shape::Array { .. } => None,
            Shape::Struct => Some(q.clone()),
        }
    }
}
