//! Column-level checks for the Performance Max, feed, goal, list, product, hotel, experiment
//! and media records: every column read from an empty, a typical and an edge cell and
//! written back, invalid cells refused, and `delete_value` read and written back where the
//! service allows clearing. Formats shared with the older tables take their samples from
//! `column_tests`.

use super::column_tests::{invalid, read_one, samples, written};
use super::*;
use crate::bulk::table::TypedRecord;
use crate::bulk::values::DELETE_VALUE;

/// Samples of the formats these tables add: (cell as read, cell as written).
fn own_samples(format: &str) -> Vec<(&'static str, Option<&'static str>)> {
    match format {
        "ConditionOperand" => vec![("Brand", None), ("CategoryL1", None), ("All", None)],
        "ConditionAttribute" => vec![
            ("Contoso", None),
            ("Sporting Goods > Camping; \"tents\"", None),
            ("  padded  ", None),
        ],
        "ImageAssetLinks" => vec![(
            r#"[{"cropHeight": 628, "cropWidth": 1200, "cropX": 0, "cropY": 10, "id": 1, "name": "Tent \"at\" dusk \u00e9", "assetPerformanceLabel": "Good", "editorialStatus": "Active", "pinnedField": null, "targetWidth": 1200, "targetHeight": 628, "subType": "LandscapeImageMedia"}, {"cropHeight": null, "cropWidth": null, "cropX": null, "cropY": null, "id": 2, "name": null, "assetPerformanceLabel": null, "editorialStatus": null, "pinnedField": null, "targetWidth": null, "targetHeight": null, "subType": "SquareImageMedia"}]"#,
            None,
        )],
        "TextAssetLinks" => vec![
            (
                r#"[{"assetPerformanceLabel": "Best", "editorialStatus": "Active", "id": 9001, "name": null, "pinnedField": "Headline1", "text": "Tents for \"every\" trip"}, {"assetPerformanceLabel": null, "editorialStatus": null, "id": null, "name": "n", "pinnedField": null, "text": "Caf\u00e9 \ud83d\ude00\ttab"}]"#,
                None,
            ),
            (
                r#"[{"text": "Hi", "id": "3"}]"#,
                Some(
                    r#"[{"assetPerformanceLabel": null, "editorialStatus": null, "id": 3, "name": null, "pinnedField": null, "text": "Hi"}]"#,
                ),
            ),
            ("[]", Some("")),
        ],
        "RevenueCurrency" => vec![("USD", None), ("EUR", None), ("  padded  ", None)],
        "RevenueValue" => samples("Dec"),
        "RevenueType" => vec![
            ("FixedValue", None),
            ("NoValue", None),
            ("FutureValue", None),
        ],
        "CampaignTypeFilter" => vec![
            ("Search", None),
            ("Search,Shopping,PerformanceMax", None),
            ("Search, Audience", Some("Search,Audience")),
        ],
        "DeviceTypeFilter" => vec![
            ("Computers", None),
            ("Computers,Smartphones,Tablets", None),
            ("FutureDevice", None),
        ],
        "CampaignAssociations" => vec![
            ("123", None),
            ("1;2;9223372036854775807", None),
            ("1; 2", Some("1;2")),
        ],
        "FeedDateTime" => vec![
            ("2026/03/05 00:00:00", None),
            ("9999/12/31 23:59:59", None),
            ("2026/3/5 9:05:00", Some("2026/03/05 09:05:00")),
        ],
        _ => samples(format),
    }
}

fn own_invalid(format: &str) -> &'static [&'static str] {
    match format {
        "RevenueValue" => invalid("Dec"),
        "CampaignAssociations" => &["1;x", "1.5", "1,2"],
        "ImageAssetLinks" => &["{}", "[1]", "not json"],
        "TextAssetLinks" => &[
            "{}",
            "[1]",
            "not json",
            r#"[{"id": "x"}]"#,
            r#"[{"text": 5}]"#,
        ],
        "FeedDateTime" => &[
            "3/5/2026 00:00:00",
            "2026/13/01 00:00:00",
            "2026/03/05",
            "2026/03/05 24:00:00",
        ],
        _ => invalid(format),
    }
}

/// Columns that are two parts of one field: setting one writes nothing into the other.
pub(super) fn check_table<R: TypedRecord>() -> usize {
    let mut checked = 0;
    for column in R::table() {
        let what = format!("{} / {} ({})", R::TYPE, column.name, column.format);
        assert_eq!(written(column, &R::default()), "", "{what}: empty");
        let cases = own_samples(column.format);
        assert!(!cases.is_empty(), "{what}: no samples for this format");
        for (cell, expected) in cases {
            let r = read_one(column, cell).unwrap_or_else(|e| panic!("{what}: {cell:?}: {e}"));
            assert_eq!(
                written(column, &r),
                expected.unwrap_or(cell),
                "{what}: {cell:?}"
            );
            for other in R::table().iter().filter(|c| c.name != column.name) {
                assert_eq!(
                    written(other, &r),
                    "",
                    "{what}: {cell:?} leaked into {}",
                    other.name
                );
            }
            checked += 1;
        }
        for bad in own_invalid(column.format) {
            assert!(
                read_one(column, bad).is_err(),
                "{what}: {bad:?} should not parse"
            );
        }
        match read_one(column, DELETE_VALUE) {
            Ok(r) => {
                let out = written(column, &r);
                if matches!(
                    column.format,
                    "Text" | "ConditionOperand" | "ConditionAttribute"
                ) {
                    assert_eq!(out, DELETE_VALUE, "{what}: delete_value");
                } else {
                    assert!(
                        out.is_empty() || out == DELETE_VALUE,
                        "{what}: delete_value wrote {out:?}"
                    );
                }
                checked += 1;
            }
            // A required id (an association's two ends) cannot be cleared: a typed error.
            Err(_) if column.format == "Long" => {}
            Err(e) => panic!("{what}: delete_value: {e}"),
        }
    }
    checked
}

#[test]
fn asset_group_tables_round_trip_every_column() {
    let total = check_table::<BulkAssetGroup>()
        + check_table::<BulkAssetGroupListingGroup>()
        + check_table::<BulkAssetGroupSearchTheme>()
        + check_table::<BulkAssetGroupUrlTarget>()
        + check_table::<BulkAudienceGroupAssetGroupAssociation>()
        + check_table::<BulkCampaignConversionGoal>();
    assert!(total > 150, "{total}");
}

#[test]
fn media_feed_and_audience_group_tables_round_trip_every_column() {
    let total = check_table::<BulkImage>()
        + check_table::<BulkVideo>()
        + check_table::<BulkFeed>()
        + check_table::<BulkFeedItem>()
        + check_table::<BulkAudienceGroup>();
    assert!(total > 150, "{total}");
}

#[test]
fn goal_tables_round_trip_every_column() {
    let total = check_table::<BulkEventGoal>()
        + check_table::<BulkUrlGoal>()
        + check_table::<BulkDurationGoal>()
        + check_table::<BulkPagesViewedPerVisitGoal>()
        + check_table::<BulkAppInstallGoal>()
        + check_table::<BulkAppDownloadGoal>()
        + check_table::<BulkOfflineConversionGoal>()
        + check_table::<BulkInStoreTransactionGoal>()
        + check_table::<BulkInStoreVisitGoal>()
        + check_table::<BulkProductGoal>()
        + check_table::<BulkNewCustomerAcquisitionGoal>();
    assert!(total > 500, "{total}");
}

#[test]
fn list_and_experiment_tables_round_trip_every_column() {
    let total = check_table::<BulkAccountPlacementExclusionList>()
        + check_table::<BulkAccountPlacementInclusionList>()
        + check_table::<BulkAccountPlacementExclusionListItem>()
        + check_table::<BulkAccountPlacementInclusionListItem>()
        + check_table::<BulkCampaignPlacementExclusionListAssociation>()
        + check_table::<BulkCampaignPlacementInclusionListAssociation>()
        + check_table::<BulkBrandList>()
        + check_table::<BulkBrandItem>()
        + check_table::<BulkCampaignBrandListAssociation>()
        + check_table::<BulkExperiment>()
        + check_table::<BulkAccountNegativeKeywordList>()
        + check_table::<BulkAccountNegativeKeywordListAssociation>()
        + check_table::<BulkAccountSharedNegativeKeyword>()
        + check_table::<BulkAccountContentNegativeKeywordList>()
        + check_table::<BulkAccountContentNegativeKeywordListAssociation>()
        + check_table::<BulkAccountContentSharedNegativeKeyword>();
    assert!(total > 250, "{total}");
}

#[test]
fn calendar_tables_round_trip_every_column() {
    let total = check_table::<BulkDataExclusion>() + check_table::<BulkSeasonalityAdjustment>();
    assert!(total > 50, "{total}");
}

#[test]
fn goal_revenue_keeps_its_three_parts() {
    let table = BulkEventGoal::table();
    let col = |name: &str| table.iter().find(|c| c.name == name).expect(name);
    let mut r = BulkEventGoal::default();
    (col("Revenue Type").read)(&mut r, "FixedValue").unwrap();
    (col("Revenue Value").read)(&mut r, "12.50").unwrap();
    (col("Currency Code").read)(&mut r, "USD").unwrap();
    // An invalid part leaves the others as they were.
    assert!((col("Revenue Value").read)(&mut r, "abc").is_err());
    assert_eq!(written(col("Revenue Type"), &r), "FixedValue");
    assert_eq!(written(col("Revenue Value"), &r), "12.50");
    assert_eq!(written(col("Currency Code"), &r), "USD");
}

#[test]
fn listing_group_dimension_keeps_both_parts() {
    let table = BulkAssetGroupListingGroup::table();
    let col = |name: &str| table.iter().find(|c| c.name == name).expect(name);
    let mut r = BulkAssetGroupListingGroup::default();
    (col("Product Condition 1").read)(&mut r, "Brand").unwrap();
    (col("Product Value 1").read)(&mut r, "Contoso").unwrap();
    assert_eq!(written(col("Product Condition 1"), &r), "Brand");
    assert_eq!(written(col("Product Value 1"), &r), "Contoso");
    let dimension = r.listing_group.dimension.value().expect("a dimension");
    assert_eq!(dimension.operand.value().map(String::as_str), Some("Brand"));
    assert_eq!(
        dimension.attribute.value().map(String::as_str),
        Some("Contoso")
    );
}
