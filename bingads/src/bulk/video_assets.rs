//! The `Videos` cell of a responsive ad: its video asset links as a JSON list, one object per
//! link with the asset's `id`, `name`, `subType` and `thumbnailImage` (an image asset: id,
//! name, type, sub type, crop and target sizes) and the link's `assetPerformanceLabel`,
//! `editorialStatus` and `pinnedField`, as the official SDK (`field_to_csv_VideoAssetLinks`,
//! `csv_to_field_VideoAssetLinks`) writes it: like `json.dumps(..., sort_keys=True)`, members
//! in name order at both levels, `null` for an unset value, a link without a thumbnail without
//! the `thumbnailImage` member, `", "`/`": "` separators, non-ASCII as `\uXXXX`.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{
    Asset, AssetLink, AssetLinkEditorialStatus, ImageAsset, VideoAsset,
};
use serde_json::{Map, Value};

use super::error::ValueError;
use super::image_assets::{number, string};
use super::values::{CellFormat, DELETE_VALUE};

/// `Videos`: `[{"assetPerformanceLabel": …, "id": 123, "subType": "…", "thumbnailImage":
/// {…}}, …]`; `delete_value` clears the list.
pub struct VideoAssetLinks;

type Links = Nillable<Vec<Option<AssetLink>>>;

fn bad(why: &str) -> ValueError {
    ValueError::new(format!("is not a JSON list of video assets: {why}"))
}

fn text(o: &Map<String, Value>, key: &str) -> Result<Nillable<String>, ValueError> {
    match o.get(key) {
        Some(Value::String(s)) => Ok(Nillable::Value(s.clone())),
        None | Some(Value::Null) => Ok(Nillable::Absent),
        Some(_) => Err(bad(&format!("{key} is not text"))),
    }
}

fn long(o: &Map<String, Value>, key: &str) -> Result<Nillable<i64>, ValueError> {
    let not_whole = || bad(&format!("{key} is not a whole number"));
    match o.get(key) {
        Some(Value::Number(n)) => n.as_i64().map(Nillable::Value).ok_or_else(not_whole),
        Some(Value::String(s)) => s.parse().map(Nillable::Value).map_err(|_| not_whole()),
        None | Some(Value::Null) => Ok(Nillable::Absent),
        Some(_) => Err(not_whole()),
    }
}

fn int(o: &Map<String, Value>, key: &str) -> Result<Nillable<i32>, ValueError> {
    match long(o, key)? {
        Nillable::Value(v) => i32::try_from(v)
            .map(Nillable::Value)
            .map_err(|_| bad(&format!("{key} is out of range"))),
        _ => Ok(Nillable::Absent),
    }
}

fn thumbnail(value: Option<&Value>) -> Result<Nillable<ImageAsset>, ValueError> {
    let o = match value {
        None | Some(Value::Null) => return Ok(Nillable::Absent),
        Some(Value::Object(o)) => o,
        Some(_) => return Err(bad("thumbnailImage is not an object")),
    };
    Ok(Nillable::Value(ImageAsset {
        id: long(o, "id")?,
        name: text(o, "name")?,
        type_: text(o, "type")?,
        crop_height: int(o, "cropHeight")?,
        crop_width: int(o, "cropWidth")?,
        crop_x: int(o, "cropX")?,
        crop_y: int(o, "cropY")?,
        sub_type: text(o, "subType")?,
        target_height: int(o, "targetHeight")?,
        target_width: int(o, "targetWidth")?,
        // Not in the SDK's JSON.
        ..Default::default()
    }))
}

fn link(item: &Value) -> Result<AssetLink, ValueError> {
    let Value::Object(o) = item else {
        return Err(bad("an item is not an object"));
    };
    let asset = VideoAsset {
        id: long(o, "id")?,
        name: text(o, "name")?,
        type_: Nillable::Value("VideoAsset".into()),
        sub_type: text(o, "subType")?,
        thumbnail_image: thumbnail(o.get("thumbnailImage"))?,
    };
    Ok(AssetLink {
        asset: Nillable::Value(Asset::VideoAsset(asset)),
        asset_performance_label: text(o, "assetPerformanceLabel")?,
        editorial_status: text(o, "editorialStatus")?
            .map(|s| AssetLinkEditorialStatus::from_wire(&s)),
        pinned_field: text(o, "pinnedField")?,
    })
}

impl CellFormat<Links> for VideoAssetLinks {
    fn parse(cell: &str) -> Result<Links, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        let items: Vec<Value> = serde_json::from_str(cell).map_err(|e| bad(&e.to_string()))?;
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
        let videos: Vec<(&AssetLink, &VideoAsset)> = links
            .iter()
            .flatten()
            .filter_map(|l| match &l.asset {
                Nillable::Value(Asset::VideoAsset(a)) => Some((l, a)),
                _ => None,
            })
            .collect();
        // The SDK writes nothing for a list without video assets.
        if videos.is_empty() {
            return;
        }
        out.push('[');
        for (i, (link, asset)) in videos.into_iter().enumerate() {
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
            out.push_str(", \"subType\": ");
            string(asset.sub_type.value().map(String::as_str), out);
            if let Nillable::Value(image) = &asset.thumbnail_image {
                out.push_str(", \"thumbnailImage\": ");
                write_thumbnail(image, out);
            }
            out.push('}');
        }
        out.push(']');
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
