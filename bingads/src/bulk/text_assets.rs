//! The text asset-link cells of an asset group (`Headlines`, `Long Headlines`,
//! `Descriptions`): a JSON list, one object per link with the text asset's `id`, `name` and
//! `text` and the link's `assetPerformanceLabel`, `editorialStatus` and `pinnedField`, as the
//! bulk schema page "Asset Group" and the official SDK (`field_to_csv_TextAssetLinks`,
//! `csv_to_field_TextAssetLinks`) write it. Written like the SDK's `json.dumps(...,
//! sort_keys=True)`: members in name order, `null` for an unset value, `", "`/`": "`
//! separators, non-ASCII as `\uXXXX`.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{
    Asset, AssetLink, AssetLinkEditorialStatus, TextAsset,
};
use serde_json::Value;

use super::error::ValueError;
use super::image_assets::{number, string};
use super::values::{CellFormat, DELETE_VALUE};

/// `Headlines`, `Long Headlines`, `Descriptions`: `[{"assetPerformanceLabel": …, "id": 123,
/// "text": "…", …}, …]`; `delete_value` clears the list.
pub struct TextAssetLinks;

type Links = Nillable<Vec<Option<AssetLink>>>;

fn link(item: &Value) -> Result<AssetLink, ValueError> {
    let bad = |why: &str| ValueError::new(format!("is not a JSON list of text assets: {why}"));
    let Value::Object(o) = item else {
        return Err(bad("an item is not an object"));
    };
    let text = |key: &str| match o.get(key) {
        Some(Value::String(s)) => Ok(Nillable::Value(s.clone())),
        None | Some(Value::Null) => Ok(Nillable::Absent),
        Some(_) => Err(bad(&format!("{key} is not text"))),
    };
    let id = match o.get("id") {
        Some(Value::Number(n)) => n
            .as_i64()
            .map(Nillable::Value)
            .ok_or_else(|| bad("id is not a whole number"))?,
        Some(Value::String(s)) => s
            .parse()
            .map(Nillable::Value)
            .map_err(|_| bad("id is not a whole number"))?,
        None | Some(Value::Null) => Nillable::Absent,
        Some(_) => return Err(bad("id is not a whole number")),
    };
    let asset = TextAsset {
        id,
        name: text("name")?,
        type_: Nillable::Value("TextAsset".into()),
        text: text("text")?,
    };
    Ok(AssetLink {
        asset: Nillable::Value(Asset::TextAsset(asset)),
        asset_performance_label: text("assetPerformanceLabel")?,
        editorial_status: text("editorialStatus")?.map(|s| AssetLinkEditorialStatus::from_wire(&s)),
        pinned_field: text("pinnedField")?,
    })
}

impl CellFormat<Links> for TextAssetLinks {
    fn parse(cell: &str) -> Result<Links, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        let items: Vec<Value> = serde_json::from_str(cell)
            .map_err(|e| ValueError::new(format!("is not a JSON list of text assets: {e}")))?;
        items
            .iter()
            .map(|item| link(item).map(Some))
            .collect::<Result<Vec<_>, _>>()
            .map(Nillable::Value)
    }

    fn format(value: &Links, out: &mut String) {
        let links = match value {
            Nillable::Absent => return,
            Nillable::Nil => return out.push_str(DELETE_VALUE),
            Nillable::Value(links) => links,
        };
        let texts: Vec<(&AssetLink, &TextAsset)> = links
            .iter()
            .flatten()
            .filter_map(|l| match &l.asset {
                Nillable::Value(Asset::TextAsset(a)) => Some((l, a)),
                _ => None,
            })
            .collect();
        // The SDK writes nothing for a list without text assets.
        if texts.is_empty() {
            return;
        }
        out.push('[');
        for (i, (link, asset)) in texts.into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str("{\"assetPerformanceLabel\": ");
            string(
                link.asset_performance_label.value().map(String::as_str),
                out,
            );
            out.push_str(", \"editorialStatus\": ");
            string(link.editorial_status.value().map(|s| s.as_str()), out);
            out.push_str(", \"id\": ");
            number(&asset.id, out);
            out.push_str(", \"name\": ");
            string(asset.name.value().map(String::as_str), out);
            out.push_str(", \"pinnedField\": ");
            string(link.pinned_field.value().map(String::as_str), out);
            out.push_str(", \"text\": ");
            string(asset.text.value().map(String::as_str), out);
            out.push('}');
        }
        out.push(']');
    }
}
