//! The `Images` cell of an image ad extension: its image asset links as a JSON list, one
//! object per link with the asset's `id`, `name`, `subType`, crop and target sizes and the
//! link's `assetPerformanceLabel`, `editorialStatus` and `pinnedField`, as the bulk schema page
//! "Image Ad Extension" ("Images") and the official SDK (`field_to_csv_ImageAssetLinks`,
//! `csv_to_field_ImageAssetLinks`) write it. Written like the SDK's `json.dumps`: members in
//! that order, `null` for an unset value, `", "`/`": "` separators, non-ASCII as `\uXXXX`.

use std::fmt::Write as _;

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{
    Asset, AssetLink, AssetLinkEditorialStatus, ImageAsset,
};
use serde_json::Value;

use super::error::ValueError;
use super::values::{CellFormat, DELETE_VALUE};

/// `Images`: `[{"cropHeight": …, "id": 123, "subType": "LandscapeImageMedia", …}, …]`;
/// `delete_value` clears the list.
pub struct ImageAssetLinks;

type Links = Nillable<Vec<Option<AssetLink>>>;

impl CellFormat<Links> for ImageAssetLinks {
    fn parse(cell: &str) -> Result<Links, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        let bad = |why: &str| ValueError::new(format!("is not a JSON list of image assets: {why}"));
        let items: Vec<Value> = serde_json::from_str(cell).map_err(|e| bad(&e.to_string()))?;
        items
            .iter()
            .map(|item| {
                let Value::Object(o) = item else {
                    return Err(bad("an item is not an object"));
                };
                let text = |key: &str| match o.get(key) {
                    Some(Value::String(s)) => Ok(Nillable::Value(s.clone())),
                    None | Some(Value::Null) => Ok(Nillable::Absent),
                    Some(_) => Err(bad(&format!("{key} is not text"))),
                };
                let long = |key: &str| match o.get(key) {
                    Some(Value::Number(n)) => n
                        .as_i64()
                        .map(Nillable::Value)
                        .ok_or_else(|| bad(&format!("{key} is not a whole number"))),
                    Some(Value::String(s)) => s
                        .parse()
                        .map(Nillable::Value)
                        .map_err(|_| bad(&format!("{key} is not a whole number"))),
                    None | Some(Value::Null) => Ok(Nillable::Absent),
                    Some(_) => Err(bad(&format!("{key} is not a whole number"))),
                };
                let int = |key: &str| -> Result<Nillable<i32>, ValueError> {
                    match long(key)? {
                        Nillable::Value(v) => i32::try_from(v)
                            .map(Nillable::Value)
                            .map_err(|_| bad(&format!("{key} is out of range"))),
                        _ => Ok(Nillable::Absent),
                    }
                };
                let asset = ImageAsset {
                    id: long("id")?,
                    name: text("name")?,
                    type_: Nillable::Value("ImageAsset".into()),
                    crop_height: int("cropHeight")?,
                    crop_width: int("cropWidth")?,
                    crop_x: int("cropX")?,
                    crop_y: int("cropY")?,
                    sub_type: text("subType")?,
                    target_height: int("targetHeight")?,
                    target_width: int("targetWidth")?,
                    ..Default::default()
                };
                Ok(Some(AssetLink {
                    asset: Nillable::Value(Asset::ImageAsset(asset)),
                    asset_performance_label: text("assetPerformanceLabel")?,
                    editorial_status: text("editorialStatus")?
                        .map(|s| AssetLinkEditorialStatus::from_wire(&s)),
                    pinned_field: text("pinnedField")?,
                }))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Nillable::Value)
    }

    fn format(value: &Links, out: &mut String) {
        let links = match value {
            Nillable::Absent => return,
            Nillable::Nil => return out.push_str(DELETE_VALUE),
            Nillable::Value(links) => links,
        };
        let images: Vec<(&AssetLink, &ImageAsset)> = links
            .iter()
            .flatten()
            .filter_map(|l| match &l.asset {
                Nillable::Value(Asset::ImageAsset(a)) => Some((l, a)),
                _ => None,
            })
            .collect();
        // The SDK writes nothing for a list without image assets.
        if images.is_empty() {
            return;
        }
        out.push('[');
        for (i, (link, asset)) in images.into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str("{\"cropHeight\": ");
            number(&asset.crop_height, out);
            out.push_str(", \"cropWidth\": ");
            number(&asset.crop_width, out);
            out.push_str(", \"cropX\": ");
            number(&asset.crop_x, out);
            out.push_str(", \"cropY\": ");
            number(&asset.crop_y, out);
            out.push_str(", \"id\": ");
            number(&asset.id, out);
            out.push_str(", \"name\": ");
            string(asset.name.value().map(String::as_str), out);
            out.push_str(", \"assetPerformanceLabel\": ");
            string(
                link.asset_performance_label.value().map(String::as_str),
                out,
            );
            out.push_str(", \"editorialStatus\": ");
            string(link.editorial_status.value().map(|s| s.as_str()), out);
            out.push_str(", \"pinnedField\": ");
            string(link.pinned_field.value().map(String::as_str), out);
            out.push_str(", \"targetWidth\": ");
            number(&asset.target_width, out);
            out.push_str(", \"targetHeight\": ");
            number(&asset.target_height, out);
            out.push_str(", \"subType\": ");
            string(asset.sub_type.value().map(String::as_str), out);
            out.push('}');
        }
        out.push(']');
    }
}

pub(super) fn number<T: std::fmt::Display>(value: &Nillable<T>, out: &mut String) {
    match value.value() {
        Some(v) => {
            let _ = write!(out, "{v}");
        }
        None => out.push_str("null"),
    }
}

/// A JSON string as Python's `json.dumps` writes it (ASCII only).
pub(super) fn string(value: Option<&str>, out: &mut String) {
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
