//! The `Videos` cell of a responsive ad: its video asset links as a JSON list, one object per
//! link with the asset's `id`, `name`, `subType` and `thumbnailImage` (an image asset: id,
//! name, type, sub type, crop and target sizes) and the link's `assetPerformanceLabel`,
//! `editorialStatus` and `pinnedField`, as the official SDK (`field_to_csv_VideoAssetLinks`,
//! `csv_to_field_VideoAssetLinks`) writes it: like `json.dumps(..., sort_keys=True)`, members
//! in name order at both levels, `null` for an unset value, a link without a thumbnail without
//! the `thumbnailImage` member, `", "`/`": "` separators, non-ASCII as `\uXXXX`.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{Asset, AssetLink, ImageAsset, VideoAsset};

use super::asset_link_json::{
    Links, Members, format_links, number, parse_links, string, write_link_head,
};
use super::error::ValueError;
use super::image_assets::read_image;
use super::values::CellFormat;

/// `Videos`: `[{"assetPerformanceLabel": …, "id": 123, "subType": "…", "thumbnailImage":
/// {…}}, …]`; `delete_value` clears the list.
pub struct VideoAssetLinks;

fn link(m: &Members<'_>) -> Result<AssetLink, ValueError> {
    let thumbnail_image = match m.object("thumbnailImage")? {
        Some(image) => Nillable::Value(ImageAsset {
            type_: image.text("type")?,
            ..read_image(&image)?
        }),
        None => Nillable::Absent,
    };
    let asset = VideoAsset {
        id: m.long("id")?,
        name: m.text("name")?,
        type_: Nillable::Value("VideoAsset".into()),
        sub_type: m.text("subType")?,
        thumbnail_image,
    };
    m.link(Asset::VideoAsset(asset))
}

fn pick(asset: &Asset) -> Option<&VideoAsset> {
    match asset {
        Asset::VideoAsset(video) => Some(video),
        _ => None,
    }
}

fn members(link: &AssetLink, asset: &VideoAsset, out: &mut String) {
    write_link_head(link, &asset.id, &asset.name, out);
    out.push_str(", \"subType\": ");
    string(asset.sub_type.value().map(String::as_str), out);
    if let Nillable::Value(image) = &asset.thumbnail_image {
        out.push_str(", \"thumbnailImage\": ");
        write_thumbnail(image, out);
    }
}

impl CellFormat<Links> for VideoAssetLinks {
    fn parse(cell: &str) -> Result<Links, ValueError> {
        parse_links(cell, "video assets", link)
    }

    fn format(value: &Links, out: &mut String) {
        format_links(value, out, pick, members);
    }
}

fn write_thumbnail(image: &ImageAsset, out: &mut String) {
    out.push_str("{\"cropHeight\": ");
    number(&image.crop_height, out);
    out.push_str(", \"cropWidth\": ");
    number(&image.crop_width, out);
    out.push_str(", \"cropX\": ");
    number(&image.crop_x, out);
    out.push_str(", \"cropY\": ");
    number(&image.crop_y, out);
    out.push_str(", \"id\": ");
    number(&image.id, out);
    out.push_str(", \"name\": ");
    string(image.name.value().map(String::as_str), out);
    out.push_str(", \"subType\": ");
    string(image.sub_type.value().map(String::as_str), out);
    out.push_str(", \"targetHeight\": ");
    number(&image.target_height, out);
    out.push_str(", \"targetWidth\": ");
    number(&image.target_width, out);
    out.push_str(", \"type\": ");
    string(image.type_.value().map(String::as_str), out);
    out.push('}');
}
