//! Compares the schema types of two versions of a service: kinds, base types, enum values,
//! fields (added, removed, changed, reordered) under the breaking rule of the module docs.

use std::fmt::Write as _;

use super::change::{ChangeKind, Item};
use super::differ::Differ;
use super::plural;
use super::reach::Usage;
use crate::model::{ComplexType, EnumValue, Field, QName, SimpleKind, TypeDef};

impl Differ<'_> {
    pub(super) fn types(&mut self) {
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
                    let breaks_wire = required && usage.request;
                    self.push(ChangeKind::Added, Item::Field, path, detail, breaks_wire);
                    if !breaks_wire && !self.rules.structs_non_exhaustive {
                        if let Some(change) = self.changes.last_mut() {
                            change.breaking = true;
                            change.rust_only = true;
                        }
                    }
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
