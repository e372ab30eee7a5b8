//! What the asset-link cells (`Images`, `Headlines`/`Descriptions`, `Videos`) have in common:
//! a JSON list of link objects, `delete_value` for "clear the list", nothing written for a list
//! without a link of the cell's asset kind, and values written the way Python's `json.dumps`
//! writes them (the official SDK's bytes: `", "`/`": "` separators, `null` for an unset value,
//! non-ASCII as `\uXXXX`). Each cell's module says only which members its objects have.

use std::fmt::Write as _;

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{Asset, AssetLink, AssetLinkEditorialStatus};
use serde_json::{Map, Value};

use super::error::ValueError;
use super::values::DELETE_VALUE;

/// The value of an asset-link column.
pub(crate) type Links = Nillable<Vec<Option<AssetLink>>>;

/// One JSON object of an asset-link cell, read member by member; errors name the cell's kind
/// of asset (`what`: "image assets").
pub(crate) struct Members<'a> {
    object: &'a Map<String, Value>,
    what: &'static str,
}

impl<'a> Members<'a> {
    pub(crate) fn bad(&self, why: &str) -> ValueError {
        bad(self.what, why)
    }

    pub(crate) fn text(&self, key: &str) -> Result<Nillable<String>, ValueError> {
        match self.object.get(key) {
            Some(Value::String(s)) => Ok(Nillable::Value(s.clone())),
            None | Some(Value::Null) => Ok(Nillable::Absent),
            Some(_) => Err(self.bad(&format!("{key} is not text"))),
        }
    }

    /// A whole number, as a JSON number or a string of digits (the SDK writes either).
    pub(crate) fn long(&self, key: &str) -> Result<Nillable<i64>, ValueError> {
        let not_whole = || self.bad(&format!("{key} is not a whole number"));
        match self.object.get(key) {
            Some(Value::Number(n)) => n.as_i64().map(Nillable::Value).ok_or_else(not_whole),
            Some(Value::String(s)) => s.parse().map(Nillable::Value).map_err(|_| not_whole()),
            None | Some(Value::Null) => Ok(Nillable::Absent),
            Some(_) => Err(not_whole()),
        }
    }

    pub(crate) fn int(&self, key: &str) -> Result<Nillable<i32>, ValueError> {
        match self.long(key)? {
            Nillable::Value(v) => i32::try_from(v)
                .map(Nillable::Value)
                .map_err(|_| self.bad(&format!("{key} is out of range"))),
            _ => Ok(Nillable::Absent),
        }
    }

    /// A nested object (`thumbnailImage`), `None` when absent or null.
    pub(crate) fn object(&self, key: &str) -> Result<Option<Members<'a>>, ValueError> {
        match self.object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(object)) => Ok(Some(Members {
                object,
                what: self.what,
            })),
            Some(_) => Err(self.bad(&format!("{key} is not an object"))),
        }
    }

    /// The link around `asset`, with the link's own members.
    pub(crate) fn link(&self, asset: Asset) -> Result<AssetLink, ValueError> {
        Ok(AssetLink {
            asset: Nillable::Value(asset),
            asset_performance_label: self.text("assetPerformanceLabel")?,
            editorial_status: self
                .text("editorialStatus")?
                .map(|s| AssetLinkEditorialStatus::from_wire(&s)),
            pinned_field: self.text("pinnedField")?,
        })
    }
}

fn bad(what: &str, why: &str) -> ValueError {
    ValueError::new(format!("is not a JSON list of {what}: {why}"))
}

/// Reads an asset-link cell: `delete_value`, or a JSON list whose objects `read` turns into
/// links.
pub(crate) fn parse_links(
    cell: &str,
    what: &'static str,
    read: impl Fn(&Members<'_>) -> Result<AssetLink, ValueError>,
) -> Result<Links, ValueError> {
    if cell == DELETE_VALUE {
        return Ok(Nillable::Nil);
    }
    let items: Vec<Value> = serde_json::from_str(cell).map_err(|e| bad(what, &e.to_string()))?;
    items
        .iter()
        .map(|item| match item {
            Value::Object(object) => read(&Members { object, what }).map(Some),
            _ => Err(bad(what, "an item is not an object")),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Nillable::Value)
}

/// Writes an asset-link cell: the links whose asset `pick` accepts, each object's members
/// written by `members` (without the braces).
pub(crate) fn format_links<A>(
    value: &Links,
    out: &mut String,
    pick: fn(&Asset) -> Option<&A>,
    members: impl Fn(&AssetLink, &A, &mut String),
) {
    let links = match value {
        Nillable::Absent => return,
        Nillable::Nil => return out.push_str(DELETE_VALUE),
        Nillable::Value(links) => links,
    };
    let mut picked = links
        .iter()
        .flatten()
        .filter_map(|link| link.asset.value().and_then(pick).map(|asset| (link, asset)))
        .peekable();
    // The SDK writes nothing for a list without assets of the cell's kind.
    if picked.peek().is_none() {
        return;
    }
    out.push('[');
    for (i, (link, asset)) in picked.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('{');
        members(link, asset, out);
        out.push('}');
    }
    out.push(']');
}

/// The first members of a text or video link object in name order: `assetPerformanceLabel`,
/// `editorialStatus`, `id`, `name`, `pinnedField`.
pub(crate) fn write_link_head(
    link: &AssetLink,
    id: &Nillable<i64>,
    name: &Nillable<String>,
    out: &mut String,
) {
    out.push_str("\"assetPerformanceLabel\": ");
    string(
        link.asset_performance_label.value().map(String::as_str),
        out,
    );
    out.push_str(", \"editorialStatus\": ");
    string(link.editorial_status.value().map(|s| s.as_str()), out);
    out.push_str(", \"id\": ");
    number(id, out);
    out.push_str(", \"name\": ");
    string(name.value().map(String::as_str), out);
    out.push_str(", \"pinnedField\": ");
    string(link.pinned_field.value().map(String::as_str), out);
}

/// A JSON number, or `null`.
pub(crate) fn number<T: std::fmt::Display>(value: &Nillable<T>, out: &mut String) {
    match value.value() {
        Some(v) => {
            let _ = write!(out, "{v}");
        }
        None => out.push_str("null"),
    }
}

/// A JSON string as Python's `json.dumps` writes it (ASCII only), or `null`.
pub(crate) fn string(value: Option<&str>, out: &mut String) {
    let Some(s) = value else {
        return out.push_str("null");
    };
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
