//! The `Images` cell of an image ad extension: its image asset links as a JSON list, one
//! object per link with the asset's `id`, `name`, `subType`, crop and target sizes and the
//! link's `assetPerformanceLabel`, `editorialStatus` and `pinnedField`, as the bulk schema page
//! "Image Ad Extension" ("Images") and the official SDK (`field_to_csv_ImageAssetLinks`,
//! `csv_to_field_ImageAssetLinks`) write it. Written like the SDK's `json.dumps`: members in
//! that order, `null` for an unset value, `", "`/`": "` separators, non-ASCII as `\uXXXX`.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{Asset, AssetLink, ImageAsset};

use super::asset_link_json::{Links, Members, format_links, number, parse_links, string};
use super::error::ValueError;
use super::values::CellFormat;

/// `Images`: `[{"cropHeight": …, "id": 123, "subType": "LandscapeImageMedia", …}, …]`;
/// `delete_value` clears the list.
pub struct ImageAssetLinks;

/// The image asset members an image link and a video's thumbnail share (a thumbnail also
/// carries `type`; an image link's kind says it).
pub(crate) fn read_image(m: &Members<'_>) -> Result<ImageAsset, ValueError> {
    Ok(ImageAsset {
        id: m.long("id")?,
        name: m.text("name")?,
        crop_height: m.int("cropHeight")?,
        crop_width: m.int("cropWidth")?,
        crop_x: m.int("cropX")?,
        crop_y: m.int("cropY")?,
        sub_type: m.text("subType")?,
        target_height: m.int("targetHeight")?,
        target_width: m.int("targetWidth")?,
        // Not in the SDK's JSON.
        ..Default::default()
    })
}

fn link(m: &Members<'_>) -> Result<AssetLink, ValueError> {
    let asset = ImageAsset {
        type_: Nillable::Value("ImageAsset".into()),
        ..read_image(m)?
    };
    m.link(Asset::ImageAsset(asset))
}

fn pick(asset: &Asset) -> Option<&ImageAsset> {
    match asset {
        Asset::ImageAsset(image) => Some(image),
        _ => None,
    }
}

fn members(link: &AssetLink, asset: &ImageAsset, out: &mut String) {
    // The SDK's order for image links (not sorted, unlike the text and video cells).
    out.push_str("\"cropHeight\": ");
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
}

impl CellFormat<Links> for ImageAssetLinks {
    fn parse(cell: &str) -> Result<Links, ValueError> {
        parse_links(cell, "image assets", link)
    }

    fn format(value: &Links, out: &mut String) {
        format_links(value, out, pick, members);
    }
}
