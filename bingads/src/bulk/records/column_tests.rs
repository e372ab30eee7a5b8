//! Column-level read/write checks for every column of every typed record: an empty cell, a
//! typical value, edge values and `delete_value`, each read into a fresh record and written
//! back. Samples are chosen by the column's format, so a new table is covered by adding it to
//! `every_table_round_trips_every_column`.

use super::*;
use crate::bulk::table::{Column, TypedRecord};
use crate::bulk::values::DELETE_VALUE;

/// (cell as read, cell as written) pairs for a format; `None` written = same as read.
pub(super) fn samples(format: &str) -> Vec<(&'static str, Option<&'static str>)> {
    let text = vec![
        ("Contoso Outdoor", None),
        ("comma, \"quotes\"\nnew line; ünïcödé 😀", None),
        ("  padded  ", None),
    ];
    match format {
        "Text" => text,
        "Long" => vec![
            ("123", None),
            ("-9223372036854775808", None),
            ("9223372036854775807", None),
        ],
        "Int" => vec![("10", None), ("-2147483648", None), ("2147483647", None)],
        "Number" => vec![
            ("0.41", None),
            ("12.0", None),
            ("7", Some("7.0")),
            ("-3.5", None),
            ("1234567.89", None),
        ],
        "Dec" => vec![("125.50", None), ("-0.01", None), ("100", None)],
        "Bool" => vec![
            ("True", None),
            ("False", None),
            ("TRUE", Some("True")),
            ("false", Some("False")),
        ],
        "BulkDate" => vec![
            ("3/5/2026", None),
            ("12/31/9999", None),
            ("03/05/2026", Some("3/5/2026")),
        ],
        "BulkDateTime" => vec![
            ("11/23/2025 03:15:27", None),
            ("01/01/2000 00:00:00", None),
            (
                "11/23/2025 03:15:27.410",
                Some("11/23/2025 03:15:27.410000"),
            ),
        ],
        "Enum" => vec![
            ("Active", None),
            ("Paused", None),
            ("SomeFutureValue", None),
        ],
        "Urls" => vec![
            ("https://www.contoso.com/a", None),
            ("https://a.example/x;y; http://b.example/2", None),
        ],
        "SemicolonList" => vec![
            ("English", None),
            ("English;French", None),
            ("English; French", Some("English;French")),
        ],
        "CustomParams" => vec![("{_a}=1", None), ("{_a}=1; {_b}=x\\;y\\\\z", None)],
        "KeywordBid" | "crate::bulk::values::KeywordBid" => {
            vec![("0.41", None), ("12.0", None), ("5", Some("5.0"))]
        }
        "CampaignTypes" => vec![
            ("Search", None),
            ("Search Shopping", None),
            ("Audience", None),
        ],
        "DevicePreference" => vec![("All", None), ("Mobile", None), ("mobile", Some("Mobile"))],
        "bidding::StrategyType" => vec![
            ("MaxClicks", None),
            ("InheritFromParent", None),
            ("FutureStrategy", None),
        ],
        "DeleteAllStatus" => vec![("Deleted", None)],
        "ScheduleStart" | "ScheduleEnd" => vec![
            ("3/5/2026", None),
            ("12/31/9999", None),
            ("03/05/2026", Some("3/5/2026")),
        ],
        "SearcherTimeZone" => vec![("True", None), ("false", Some("False"))],
        "AdSchedule" => vec![
            ("(Monday[09:00-17:00])", None),
            ("(Sunday[00:00-24:00]);(Saturday[10:15-14:45])", None),
            ("(monday[9:30-17:45])", Some("(Monday[09:30-17:45])")),
        ],
        "RequiredEnum" => vec![("ActNow", None), ("FutureAction", None)],
        "BidAdjustment" | "CashbackPercent" => {
            vec![("10.0", None), ("-90.0", None), ("25", Some("25.0"))]
        }
        "AgeTarget" => vec![
            ("EighteenToTwentyFour", None),
            ("SixtyFiveAndAbove", None),
            ("FutureRange", None),
        ],
        "GenderTarget" => vec![("Male", None), ("Female", None), ("Unknown", None)],
        "DeviceTarget" => vec![
            ("Computers", None),
            ("Smartphones", None),
            ("Tablets", None),
        ],
        "DeviceOsNames" => vec![("Android", None), ("iOS;Windows", None)],
        "LocationIntentTarget" => vec![
            ("PeopleIn", None),
            ("PeopleInOrSearchingForOrViewingPages", None),
            ("FutureIntent", None),
        ],
        "IdList" => vec![
            ("123", None),
            ("1;2;9223372036854775807", None),
            ("1; 2", Some("1;2")),
        ],
        // Parts of a bidding scheme are checked in `scheme_parts_need_their_strategy`.
        "TextAssetLinks" => vec![
            (
                r#"[{"assetPerformanceLabel": "Good", "editorialStatus": "Active", "id": 1, "name": null, "pinnedField": "Headline1", "text": "Tents \"for\" all"}]"#,
                None,
            ),
            (
                r#"[{"text": "Caf\u00e9"}, {"id": 2, "text": "b"}]"#,
                Some(
                    r#"[{"assetPerformanceLabel": null, "editorialStatus": null, "id": null, "name": null, "pinnedField": null, "text": "Caf\u00e9"}, {"assetPerformanceLabel": null, "editorialStatus": null, "id": 2, "name": null, "pinnedField": null, "text": "b"}]"#,
                ),
            ),
            ("[]", Some("")),
        ],
        "VideoAssetLinks" => vec![
            (
                r#"[{"assetPerformanceLabel": null, "editorialStatus": "Active", "id": 5, "name": "Tent \u00e9", "pinnedField": null, "subType": "Video", "thumbnailImage": {"cropHeight": 628, "cropWidth": 1200, "cropX": 0, "cropY": 0, "id": 6, "name": null, "subType": "LandscapeImageMedia", "targetHeight": null, "targetWidth": null, "type": "ImageAsset"}}]"#,
                None,
            ),
            (
                r#"[{"id": 5}]"#,
                Some(
                    r#"[{"assetPerformanceLabel": null, "editorialStatus": null, "id": 5, "name": null, "pinnedField": null, "subType": null}]"#,
                ),
            ),
        ],
        "ImageAssetLinks" => vec![(
            r#"[{"cropHeight": null, "cropWidth": null, "cropX": null, "cropY": null, "id": 7, "name": null, "assetPerformanceLabel": null, "editorialStatus": null, "pinnedField": null, "targetWidth": null, "targetHeight": null, "subType": "LandscapeImageMedia"}]"#,
            None,
        )],
        _ => vec![],
    }
}

/// Cells that must not parse, per format.
pub(super) fn invalid(format: &str) -> &'static [&'static str] {
    match format {
        "Long" => &["abc", "1.5", "99999999999999999999"],
        "Int" => &["abc", "2147483648"],
        "Number" | "KeywordBid" | "crate::bulk::values::KeywordBid" => &["abc", "NaN", "inf"],
        "Dec" => &["1,5", "abc"],
        "Bool" => &["yes", "1"],
        "BulkDate" => &["2026-03-05", "13/1/2026", "1/32/2026"],
        "BulkDateTime" => &["11/23/2025", "11/23/2025 25:00:00"],
        "CustomParams" => &["a=1"],
        "ScheduleStart" | "ScheduleEnd" => &["2026-03-05", "13/1/2026"],
        "SearcherTimeZone" => &["yes"],
        "IdList" => &["1;x", "1.5"],
        "TextAssetLinks" | "ImageAssetLinks" => &["{}", "[1]", "not json"],
        "VideoAssetLinks" => &["{}", "[1]", r#"[{"thumbnailImage": 3}]"#, "not json"],
        "BidAdjustment" | "CashbackPercent" => &["abc", "NaN"],
        "AdSchedule" => &[
            "Monday 9-5",
            "(Funday[09:00-17:00])",
            "(Monday[09:10-17:00])",
            "(Monday[25:00-26:00])",
        ],
        _ => &[],
    }
}

pub(super) fn read_one<R: TypedRecord>(column: &Column<R>, cell: &str) -> Result<R, String> {
    let mut r = R::default();
    (column.read)(&mut r, cell).map_err(|e| e.to_string())?;
    Ok(r)
}

pub(super) fn written<R: TypedRecord>(column: &Column<R>, r: &R) -> String {
    let mut out = String::new();
    (column.write)(r, &mut out);
    out
}

fn check_table<R: TypedRecord>() -> usize {
    let mut checked = 0;
    for column in R::table() {
        let what = format!("{} / {} ({})", R::TYPE, column.name, column.format);
        // Empty: the default record writes nothing in this column.
        assert_eq!(written(column, &R::default()), "", "{what}: empty");
        if column.format.starts_with("bidding::") && column.format != "bidding::StrategyType" {
            continue;
        }
        let cases = samples(column.format);
        assert!(!cases.is_empty(), "{what}: no samples for this format");
        for (cell, expected) in cases {
            let r = read_one(column, cell).unwrap_or_else(|e| panic!("{what}: {cell:?}: {e}"));
            let out = written(column, &r);
            assert_eq!(out, expected.unwrap_or(cell), "{what}: {cell:?}");
            // Only this column is set.
            for other in R::table().iter().filter(|c| c.field != column.field) {
                assert_eq!(
                    written(other, &r),
                    "",
                    "{what}: {cell:?} leaked into {}",
                    other.name
                );
            }
            checked += 1;
        }
        for bad in invalid(column.format) {
            assert!(
                read_one(column, bad).is_err(),
                "{what}: {bad:?} should not parse"
            );
        }
        // delete_value: written back as read: `Nil` for nillable API fields, kept text for
        // text fields; a field that cannot be nil (e.g. `Campaign.IsPolitical`) and the
        // record's own numeric fields read it as absent, as the official SDK does.
        let r = match read_one(column, DELETE_VALUE) {
            Ok(r) => r,
            // A required id (`LabelAssociation.LabelId`) cannot be cleared: a typed error.
            Err(_) if column.format == "Long" => continue,
            // A required enumeration (`Action Type`) cannot be cleared either.
            Err(_) if column.format == "RequiredEnum" => continue,
            // Nor is a criterion's `Target`: it is what the criterion is.
            Err(_) if column.format.ends_with("Target") || column.format == "DeviceOsNames" => {
                continue;
            }
            Err(e) => panic!("{what}: delete_value: {e}"),
        };
        let out = written(column, &r);
        if column.format == "Text" {
            assert_eq!(out, DELETE_VALUE, "{what}: delete_value");
        } else {
            assert!(
                out.is_empty() || out == DELETE_VALUE,
                "{what}: delete_value wrote {out:?}"
            );
        }
        if out == DELETE_VALUE {
            checked += 1;
        }
    }
    checked
}

#[test]
fn every_table_round_trips_every_column() {
    let total = check_table::<BulkAccount>()
        + check_table::<BulkBudget>()
        + check_table::<BulkBidStrategy>()
        + check_table::<BulkCampaign>()
        + check_table::<BulkAdGroup>()
        + check_table::<BulkKeyword>()
        + check_table::<BulkExpandedTextAd>()
        + check_table::<BulkResponsiveSearchAd>()
        + check_table::<BulkResponsiveAd>()
        + check_table::<BulkTextAd>()
        + check_table::<BulkAppInstallAd>()
        + check_table::<BulkDynamicSearchAd>()
        + check_table::<BulkProductAd>()
        + check_table::<BulkCampaignNegativeKeyword>()
        + check_table::<BulkAdGroupNegativeKeyword>()
        + check_table::<BulkNegativeKeywordList>()
        + check_table::<BulkSharedNegativeKeyword>()
        + check_table::<BulkCampaignNegativeKeywordList>()
        + check_table::<BulkCampaignNegativeSites>()
        + check_table::<BulkCampaignNegativeSite>()
        + check_table::<BulkAdGroupNegativeSites>()
        + check_table::<BulkAdGroupNegativeSite>()
        + check_table::<BulkLabel>()
        + check_table::<BulkCampaignLabel>()
        + check_table::<BulkAdGroupLabel>()
        + check_table::<BulkKeywordLabel>()
        + check_table::<BulkExpandedTextAdLabel>()
        + check_table::<BulkResponsiveSearchAdLabel>()
        + check_table::<BulkResponsiveAdLabel>()
        + check_table::<BulkTextAdLabel>()
        + check_table::<BulkAppInstallAdLabel>()
        + check_table::<BulkDynamicSearchAdLabel>()
        + check_table::<BulkProductAdLabel>()
        + check_table::<BulkAccountActionAdExtension>()
        + check_table::<BulkCampaignActionAdExtension>()
        + check_table::<BulkAdGroupActionAdExtension>()
        + check_table::<BulkAccountAppAdExtension>()
        + check_table::<BulkCampaignAppAdExtension>()
        + check_table::<BulkAdGroupAppAdExtension>()
        + check_table::<BulkCampaignCallAdExtension>()
        + check_table::<BulkAccountCalloutAdExtension>()
        + check_table::<BulkCampaignCalloutAdExtension>()
        + check_table::<BulkAdGroupCalloutAdExtension>()
        + check_table::<BulkCampaignDisclaimerAdExtension>()
        + check_table::<BulkAccountFilterLinkAdExtension>()
        + check_table::<BulkCampaignFilterLinkAdExtension>()
        + check_table::<BulkAdGroupFilterLinkAdExtension>()
        + check_table::<BulkAccountFlyerAdExtension>()
        + check_table::<BulkCampaignFlyerAdExtension>()
        + check_table::<BulkAdGroupFlyerAdExtension>()
        + check_table::<BulkAccountImageAdExtension>()
        + check_table::<BulkCampaignImageAdExtension>()
        + check_table::<BulkAdGroupImageAdExtension>()
        + check_table::<BulkAccountLocationAdExtension>()
        + check_table::<BulkCampaignLocationAdExtension>()
        + check_table::<BulkAccountPriceAdExtension>()
        + check_table::<BulkCampaignPriceAdExtension>()
        + check_table::<BulkAdGroupPriceAdExtension>()
        + check_table::<BulkAccountPromotionAdExtension>()
        + check_table::<BulkCampaignPromotionAdExtension>()
        + check_table::<BulkAdGroupPromotionAdExtension>()
        + check_table::<BulkAccountReviewAdExtension>()
        + check_table::<BulkCampaignReviewAdExtension>()
        + check_table::<BulkAdGroupReviewAdExtension>()
        + check_table::<BulkAccountSitelinkAdExtension>()
        + check_table::<BulkCampaignSitelinkAdExtension>()
        + check_table::<BulkAdGroupSitelinkAdExtension>()
        + check_table::<BulkAccountStructuredSnippetAdExtension>()
        + check_table::<BulkCampaignStructuredSnippetAdExtension>()
        + check_table::<BulkAdGroupStructuredSnippetAdExtension>()
        + check_table::<BulkAccountVideoAdExtension>()
        + check_table::<BulkCampaignVideoAdExtension>()
        + check_table::<BulkAdGroupVideoAdExtension>()
        + check_table::<BulkCalloutAdExtension>()
        + check_table::<BulkStructuredSnippetAdExtension>()
        + check_table::<BulkSitelinkAdExtension>()
        + check_table::<BulkCallAdExtension>()
        + check_table::<BulkReviewAdExtension>()
        + check_table::<BulkAppAdExtension>()
        + check_table::<BulkActionAdExtension>()
        + check_table::<BulkDisclaimerAdExtension>()
        + check_table::<BulkVideoAdExtension>()
        + check_table::<BulkFilterLinkAdExtension>()
        + check_table::<BulkPromotionAdExtension>()
        + check_table::<BulkFlyerAdExtension>()
        + check_table::<BulkCampaignAgeCriterion>()
        + check_table::<BulkCampaignGenderCriterion>()
        + check_table::<BulkAdGroupAgeCriterion>()
        + check_table::<BulkAdGroupGenderCriterion>()
        + check_table::<BulkCampaignDeviceOsCriterion>()
        + check_table::<BulkAdGroupDeviceOsCriterion>()
        + check_table::<BulkCampaignLocationIntentCriterion>()
        + check_table::<BulkAdGroupLocationIntentCriterion>()
        + check_table::<BulkCampaignNegativeAgeCriterion>()
        + check_table::<BulkCampaignNegativeGenderCriterion>()
        + check_table::<BulkCampaignNegativeDeviceCriterion>()
        + check_table::<BulkAdGroupNegativeAgeCriterion>()
        + check_table::<BulkAdGroupNegativeGenderCriterion>();
    assert!(total > 500, "{total}");
}

#[test]
fn typed_record_types_and_cache_slots_are_unique() {
    let mut types = TYPED_RECORD_TYPES.to_vec();
    types.sort_unstable();
    types.dedup();
    assert_eq!(
        types.len(),
        TYPED_RECORD_TYPES.len(),
        "a Type is typed twice"
    );
    let mut kinds = TYPED_RECORD_KINDS.to_vec();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds.len(),
        TYPED_RECORD_KINDS.len(),
        "two records share a KIND"
    );
    assert!(kinds.iter().all(|k| *k < crate::bulk::table::KINDS));
    // The count the module docs give.
    assert_eq!(TYPED_RECORD_TYPES.len(), 226);
}

#[test]
fn scheme_parts_need_their_strategy() {
    let table = BulkCampaign::table();
    let col = |name: &str| table.iter().find(|c| c.name == name).unwrap();
    let cases = [
        ("MaxClicks", "Bid Strategy MaxCpc", "2.75"),
        ("TargetCpa", "Bid Strategy TargetCpa", "12.5"),
        ("TargetCpa", "Bid Strategy MaxCpc", "3.0"),
        ("TargetRoas", "Bid Strategy TargetRoas", "3.5"),
        ("MaxConversionValue", "Bid Strategy TargetRoas", "2.0"),
        (
            "TargetImpressionShare",
            "Bid Strategy TargetAdPosition",
            "MainLine1",
        ),
        (
            "TargetImpressionShare",
            "Bid Strategy TargetImpressionShare",
            "50.0",
        ),
    ];
    for (strategy, part, value) in cases {
        let mut r = BulkCampaign::default();
        (col("Bid Strategy Type").read)(&mut r, strategy).unwrap();
        (col(part).read)(&mut r, value).unwrap();
        assert_eq!(written(col(part), &r), value, "{strategy} {part}");
        (col(part).read)(&mut r, DELETE_VALUE).unwrap();
        assert_eq!(written(col(part), &r), DELETE_VALUE, "{strategy} {part}");
        // A part that does not apply to the strategy is not taken (the cell stays in the
        // source row).
        let mut manual = BulkCampaign::default();
        (col("Bid Strategy Type").read)(&mut manual, "ManualCpc").unwrap();
        (col(part).read)(&mut manual, value).unwrap();
        assert_eq!(written(col(part), &manual), "", "ManualCpc {part}");
    }
    let table = BulkKeyword::table();
    let kcol = |name: &str| table.iter().find(|c| c.name == name).unwrap();
    let mut k = BulkKeyword::default();
    (kcol("Bid Strategy Type").read)(&mut k, "InheritFromParent").unwrap();
    (kcol("Inherited Bid Strategy Type").read)(&mut k, "MaxConversions").unwrap();
    assert_eq!(
        written(kcol("Inherited Bid Strategy Type"), &k),
        "MaxConversions"
    );
}
