//! The two forms of an [`ApiDiff`]: Markdown for people (a summary table, then each
//! service's changes by kind of item) and JSON for tools, written through serde_json.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::change::{ApiDiff, Change, ChangeKind, Group};
use super::plural;

impl ApiDiff {
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
                    if c.rust_only {
                        out.push_str(
                            " — **breaking** for Rust struct literals (the wire accepts it)",
                        );
                    } else if c.breaking {
                        out.push_str(" — **breaking**");
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    /// The report as JSON: `{"old", "new", "breaking": N, "services": [{"name", "changes":
    /// [{"kind", "item", "path", "detail", "breaking", "rust_only"}]}]}`.
    pub fn to_json(&self) -> String {
        let services: Vec<Value> = self
            .services
            .iter()
            .map(|s| {
                let changes: Vec<Value> = s.changes.iter().map(change_json).collect();
                json!({ "name": s.name, "changes": changes })
            })
            .collect();
        let report = json!({
            "old": self.old,
            "new": self.new,
            "breaking": self.breaking_count(),
            "services": services,
        });
        // Serializing a `Value` with string keys cannot fail.
        let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn change_json(c: &Change) -> Value {
    json!({
        "kind": c.kind.as_str(),
        "item": c.item.as_str(),
        "path": c.path,
        "detail": c.detail,
        "breaking": c.breaking,
        "rust_only": c.rust_only,
    })
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
