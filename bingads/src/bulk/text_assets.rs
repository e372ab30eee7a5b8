//! The text asset-link cells of an asset group (`Headlines`, `Long Headlines`,
//! `Descriptions`): a JSON list, one object per link with the text asset's `id`, `name` and
//! `text` and the link's `assetPerformanceLabel`, `editorialStatus` and `pinnedField`, as the
//! bulk schema page "Asset Group" and the official SDK (`field_to_csv_TextAssetLinks`,
//! `csv_to_field_TextAssetLinks`) write it. Written like the SDK's `json.dumps(...,
//! sort_keys=True)`: members in name order, `null` for an unset value, `", "`/`": "`
//! separators, non-ASCII as `\uXXXX`.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{Asset, AssetLink, TextAsset};

use super::asset_link_json::{Links, Members, format_links, parse_links, string, write_link_head};
use super::error::ValueError;
use super::values::CellFormat;

/// `Headlines`, `Long Headlines`, `Descriptions`: `[{"assetPerformanceLabel": …, "id": 123,
/// "text": "…", …}, …]`; `delete_value` clears the list.
pub struct TextAssetLinks;

fn link(m: &Members<'_>) -> Result<AssetLink, ValueError> {
    let asset = TextAsset {
        id: m.long("id")?,
        name: m.text("name")?,
        type_: Nillable::Value("TextAsset".into()),
        text: m.text("text")?,
    };
    m.link(Asset::TextAsset(asset))
}

fn pick(asset: &Asset) -> Option<&TextAsset> {
    match asset {
        Asset::TextAsset(text) => Some(text),
        _ => None,
    }
}

fn members(link: &AssetLink, asset: &TextAsset, out: &mut String) {
    write_link_head(link, &asset.id, &asset.name, out);
    out.push_str(", \"text\": ");
    string(asset.text.value().map(String::as_str), out);
}

impl CellFormat<Links> for TextAssetLinks {
    fn parse(cell: &str) -> Result<Links, ValueError> {
        parse_links(cell, "text assets", link)
    }

    fn format(value: &Links, out: &mut String) {
        format_links(value, out, pick, members);
    }
}
