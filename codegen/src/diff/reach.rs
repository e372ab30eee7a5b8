//! Which direction each type travels in: reachable from a request (body or input header) or
//! from a response (body, output header or fault detail), through fields, base types and
//! derived types. The breaking rule for occurrence changes depends on it.

use std::collections::{HashMap, HashSet};

use crate::model::{ComplexType, QName, Service, SimpleKind, TypeDef, TypeRef};

/// Which directions a type travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Usage {
    pub(super) request: bool,
    pub(super) response: bool,
}

/// The types reachable from each direction of every operation of one service.
pub(super) struct Reach {
    pub(super) request: HashSet<QName>,
    pub(super) response: HashSet<QName>,
}

impl Reach {
    pub(super) fn of(service: &Service) -> Reach {
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
