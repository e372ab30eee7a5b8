//! Column-level checks for the image, location and price ad extensions, the location, radius,
//! day and time, profile, deal, genre and topic criterions and the audience associations:
//! every column read from an empty, a typical and an edge cell and written back, and
//! `delete_value` read and written where the service allows clearing (an error where it does
//! not: a criterion's parts, required values). Formats shared with the older tables take
//! their samples from `column_tests`.

use super::column_tests::{invalid, read_one, samples, written};
use super::*;
use crate::bulk::table::TypedRecord;
use crate::bulk::values::DELETE_VALUE;

/// Samples of the formats these tables add: (cell as read, cell as written).
fn family_samples(format: &str) -> Vec<(&'static str, Option<&'static str>)> {
    let text = vec![
        ("Contoso Outdoor", None),
        ("comma, \"quotes\"\nnew line; ünïcödé 😀", None),
        ("  padded  ", None),
    ];
    // `PriceHeader<3>` → `PriceHeader`: the slot does not change the samples.
    let base = format.split('<').next().unwrap_or(format);
    match base {
        "StreetAddress" | "StreetAddress2" | "CityName" | "ProvinceName" | "ProvinceCode"
        | "PostalCode" | "AddressCountryCode" | "PriceHeader" | "PriceDescription"
        | "PriceCurrencyCode" | "LocationSubType" | "LocationName" | "RadiusName" => text,
        "LatitudeDegrees" | "LongitudeDegrees" => vec![
            ("47.6097", None),
            ("-122.3331", None),
            ("0.0", None),
            ("180", Some("180.0")),
            ("12.0000004", Some("12.0")),
        ],
        "PriceFinalUrls" | "PriceFinalMobileUrls" => samples("Urls"),
        "PriceAmount" => vec![("10.0", None), ("0.99", None), ("5", Some("5.0"))],
        "PriceUnitPart" => vec![("PerNight", None), ("None", None), ("PerFortnight", None)],
        "PriceQualifierPart" => vec![("From", None), ("UpTo", None), ("Average", None)],
        "LocationTarget"
        | "DealTarget"
        | "GenreTarget"
        | "TopicTarget"
        | "AudienceTarget"
        | "CompanyNameProfileId"
        | "IndustryProfileId"
        | "JobFunctionProfileId"
        | "RadiusLength"
        | "StoreTarget" => vec![
            ("190", None),
            ("9223372036854775807", None),
            (" 42 ", Some("42")),
        ],
        "RadiusUnit" => vec![("Miles", None), ("Kilometers", None), ("Leagues", None)],
        "RadiusLatitude" | "RadiusLongitude" => {
            vec![("47.6", None), ("-122.335", None), ("0", Some("0.0"))]
        }
        "DayTarget" | "CheckInDayTarget" => {
            vec![("Monday", None), ("Sunday", None), ("Someday", None)]
        }
        "MinDays" | "MaxDays" | "MinNights" | "MaxNights" => {
            vec![("0", None), ("330", None), (" 7 ", Some("7"))]
        }
        "CheckInStart" | "CheckInEnd" => samples("BulkDateTime"),
        "DateSelectionTarget" => vec![
            ("DefaultSelection", None),
            ("UserSelection", None),
            ("FutureSelection", None),
        ],
        "ImageAssetLinks" => vec![
            (
                r#"[{"cropHeight": null, "cropWidth": null, "cropX": null, "cropY": null, "id": 1234567890000, "name": null, "assetPerformanceLabel": null, "editorialStatus": null, "pinnedField": null, "targetWidth": null, "targetHeight": null, "subType": "LandscapeImageMedia"}]"#,
                None,
            ),
            (
                r#"[{"cropHeight": 628, "cropWidth": 1200, "cropX": 0, "cropY": 10, "id": 1, "name": "Tent \"at\" dusk \u00e9", "assetPerformanceLabel": "Good", "editorialStatus": "Active", "pinnedField": null, "targetWidth": 1200, "targetHeight": 628, "subType": "LandscapeImageMedia"}, {"cropHeight": null, "cropWidth": null, "cropX": null, "cropY": null, "id": 2, "name": null, "assetPerformanceLabel": null, "editorialStatus": null, "pinnedField": null, "targetWidth": null, "targetHeight": null, "subType": "SquareImageMedia"}]"#,
                None,
            ),
            (
                r#"[{"id": 3, "subType": "LandscapeImageMedia"}]"#,
                Some(
                    r#"[{"cropHeight": null, "cropWidth": null, "cropX": null, "cropY": null, "id": 3, "name": null, "assetPerformanceLabel": null, "editorialStatus": null, "pinnedField": null, "targetWidth": null, "targetHeight": null, "subType": "LandscapeImageMedia"}]"#,
                ),
            ),
        ],
        "CombinationRules" => vec![
            ("And(1,2)", None),
            ("And(1,2)&Or(3)&Not(9223372036854775807)", None),
            ("or( 4 , 5 )", Some("Or(4,5)")),
            ("Not()", None),
        ],
        "RemarketingRuleText" => vec![
            (
                "PageVisitors((Url Contains tents)) or ((Url BeginsWith https://contoso))",
                None,
            ),
            (
                "PageVisitorsWhoDidNotVisitAnotherPage(((Url Contains a b))) and not (((EcommTotalValue LessThan 5)))",
                None,
            ),
            (
                "customevents(label contains x)",
                Some("CustomEvents(Label Contains x)"),
            ),
        ],
        "ProductAudienceTypes" => vec![
            ("ProductViewers", None),
            ("GeneralVisitors PastBuyers", None),
            ("FutureShoppers", None),
        ],
        "FromHour" | "ToHour" => vec![("0", None), ("24", None), ("9", None)],
        "FromMinute" | "ToMinute" => {
            vec![("0", None), ("15", None), ("45", None), ("00", Some("0"))]
        }
        _ => samples(format),
    }
}

fn family_invalid(format: &str) -> &'static [&'static str] {
    let base = format.split('<').next().unwrap_or(format);
    match base {
        "LatitudeDegrees" | "LongitudeDegrees" => &["north", "180.5", "-1e9", "NaN"],
        "PriceAmount" => &["abc", "inf"],
        "LocationTarget"
        | "DealTarget"
        | "GenreTarget"
        | "TopicTarget"
        | "AudienceTarget"
        | "CompanyNameProfileId"
        | "IndustryProfileId"
        | "JobFunctionProfileId"
        | "RadiusLength"
        | "StoreTarget" => &["abc", "1.5", "99999999999999999999"],
        "RadiusLatitude" | "RadiusLongitude" => &["abc", "NaN"],
        "FromHour" | "ToHour" | "MinDays" | "MaxDays" | "MinNights" | "MaxNights" => {
            &["noon", "2147483648"]
        }
        "CheckInStart" | "CheckInEnd" => invalid("BulkDateTime"),
        "FromMinute" | "ToMinute" => &["10", "60", "quarter"],
        "CombinationRules" => &["And 1,2", "Xor(1)", "And(1,x)", "And(1"],
        "RemarketingRuleText" => &[
            "PageVisitors",
            "Someone((Url Contains x))",
            "PageVisitors((Url",
        ],
        "ImageAssetLinks" => &[
            "{}",
            "[1]",
            "[{\"id\": \"x\"}]",
            "[{\"cropX\": 99999999999}]",
            "not json",
        ],
        _ => invalid(format),
    }
}

/// Formats that refuse `delete_value`: a criterion's parts (what the criterion is) and
/// values the service requires.
fn refuses_delete(format: &str) -> bool {
    let base = format.split('<').next().unwrap_or(format);
    matches!(
        base,
        "LocationTarget"
            | "LocationSubType"
            | "LocationName"
            | "RadiusName"
            | "RadiusLength"
            | "RadiusUnit"
            | "RadiusLatitude"
            | "RadiusLongitude"
            | "DayTarget"
            | "FromHour"
            | "FromMinute"
            | "ToHour"
            | "ToMinute"
            | "DealTarget"
            | "GenreTarget"
            | "TopicTarget"
            | "AudienceTarget"
            | "StoreTarget"
            | "CompanyNameProfileId"
            | "IndustryProfileId"
            | "JobFunctionProfileId"
            | "MinDays"
            | "MaxDays"
            | "MinNights"
            | "MaxNights"
            | "CheckInStart"
            | "CheckInEnd"
            | "CheckInDayTarget"
            | "DateSelectionTarget"
            | "PriceAmount"
            | "PriceUnitPart"
            | "PriceQualifierPart"
            | "RequiredEnum"
            | "Long"
    )
}

/// The column a value of `column` also writes: both coordinates of a geo point, and a price
/// table row's required `Price N` once the row exists.
fn coupled(column: &str, other: &str) -> bool {
    let geo = ["Latitude", "Longitude"];
    if geo.contains(&column) && geo.contains(&other) {
        return true;
    }
    let slot = |name: &str| {
        let (prefix, n) = name.rsplit_once(' ')?;
        let n: u8 = n.parse().ok()?;
        Some((prefix.to_string(), n))
    };
    match (slot(column), slot(other)) {
        (Some((_, a)), Some((prefix, b))) => a == b && prefix == "Price",
        _ => false,
    }
}

fn check<R: TypedRecord>() -> usize {
    let mut checked = 0;
    for column in R::table() {
        let what = format!("{} / {} ({})", R::TYPE, column.name, column.format);
        assert_eq!(written(column, &R::default()), "", "{what}: empty");
        let cases = family_samples(column.format);
        assert!(!cases.is_empty(), "{what}: no samples for this format");
        for (cell, expected) in cases {
            let r = read_one(column, cell).unwrap_or_else(|e| panic!("{what}: {cell:?}: {e}"));
            assert_eq!(
                written(column, &r),
                expected.unwrap_or(cell),
                "{what}: {cell:?}"
            );
            for other in R::table().iter().filter(|c| c.name != column.name) {
                let leaked = written(other, &r);
                if coupled(column.name, other.name) {
                    continue;
                }
                // Columns over the same field (the parts of one criterion, of one address)
                // write only their own part.
                assert_eq!(leaked, "", "{what}: {cell:?} leaked into {}", other.name);
            }
            checked += 1;
        }
        for bad in family_invalid(column.format) {
            assert!(
                read_one(column, bad).is_err(),
                "{what}: {bad:?} should not parse"
            );
        }
        match read_one(column, DELETE_VALUE) {
            Ok(r) => {
                let out = written(column, &r);
                if column.format == "Text" {
                    assert_eq!(out, DELETE_VALUE, "{what}: delete_value");
                } else {
                    assert!(
                        out.is_empty() || out == DELETE_VALUE,
                        "{what}: delete_value wrote {out:?}"
                    );
                }
                checked += usize::from(out == DELETE_VALUE);
            }
            Err(e) => assert!(
                refuses_delete(column.format),
                "{what}: delete_value refused: {e}"
            ),
        }
    }
    checked
}

/// Every record type these modules add, checked column by column.
#[test]
fn every_family_table_round_trips_every_column() {
    let total = check::<BulkImageAdExtension>()
        + check::<BulkLocationAdExtension>()
        + check::<BulkPriceAdExtension>()
        + check::<BulkCampaignLocationCriterion>()
        + check::<BulkCampaignNegativeLocationCriterion>()
        + check::<BulkCampaignRadiusCriterion>()
        + check::<BulkCampaignDayTimeCriterion>()
        + check::<BulkAdGroupLocationCriterion>()
        + check::<BulkAdGroupNegativeLocationCriterion>()
        + check::<BulkAdGroupRadiusCriterion>()
        + check::<BulkAdGroupDayTimeCriterion>()
        + check::<BulkCampaignCompanyNameCriterion>()
        + check::<BulkCampaignIndustryCriterion>()
        + check::<BulkCampaignJobFunctionCriterion>()
        + check::<BulkAdGroupCompanyNameCriterion>()
        + check::<BulkAdGroupIndustryCriterion>()
        + check::<BulkAdGroupJobFunctionCriterion>()
        + check::<BulkAdGroupNegativeCompanyNameCriterion>()
        + check::<BulkAdGroupNegativeIndustryCriterion>()
        + check::<BulkAdGroupNegativeJobFunctionCriterion>()
        + check::<BulkCampaignDealCriterion>()
        + check::<BulkAdGroupGenreCriterion>()
        + check::<BulkAdGroupTopicCriterion>()
        + audience_associations()
        + check::<BulkRemarketingList>()
        + check::<BulkCustomAudience>()
        + check::<BulkInMarketAudience>()
        + check::<BulkProductAudience>()
        + check::<BulkSimilarRemarketingList>()
        + check::<BulkCombinedList>()
        + check::<BulkCustomerList>()
        + check::<BulkCustomerListItem>()
        + check::<BulkImpressionBasedRemarketingList>()
        + check::<BulkAdGroupAdvanceBookingWindowCriterion>()
        + check::<BulkAdGroupCheckInDateCriterion>()
        + check::<BulkAdGroupCheckInDayCriterion>()
        + check::<BulkAdGroupHotelDateSelectionTypeCriterion>()
        + check::<BulkAdGroupLengthOfStayCriterion>()
        + check::<BulkCampaignNegativeStoreCriterion>();
    assert!(total > 900, "{total}");
}

fn audience_associations() -> usize {
    check::<BulkCampaignRemarketingListAssociation>()
        + check::<BulkCampaignNegativeRemarketingListAssociation>()
        + check::<BulkAdGroupRemarketingListAssociation>()
        + check::<BulkAdGroupNegativeRemarketingListAssociation>()
        + check::<BulkCampaignCustomAudienceAssociation>()
        + check::<BulkCampaignNegativeCustomAudienceAssociation>()
        + check::<BulkAdGroupCustomAudienceAssociation>()
        + check::<BulkAdGroupNegativeCustomAudienceAssociation>()
        + check::<BulkCampaignInMarketAudienceAssociation>()
        + check::<BulkCampaignNegativeInMarketAudienceAssociation>()
        + check::<BulkAdGroupInMarketAudienceAssociation>()
        + check::<BulkAdGroupNegativeInMarketAudienceAssociation>()
        + check::<BulkCampaignProductAudienceAssociation>()
        + check::<BulkCampaignNegativeProductAudienceAssociation>()
        + check::<BulkAdGroupProductAudienceAssociation>()
        + check::<BulkAdGroupNegativeProductAudienceAssociation>()
        + check::<BulkCampaignSimilarRemarketingListAssociation>()
        + check::<BulkCampaignNegativeSimilarRemarketingListAssociation>()
        + check::<BulkAdGroupSimilarRemarketingListAssociation>()
        + check::<BulkAdGroupNegativeSimilarRemarketingListAssociation>()
        + check::<BulkCampaignCombinedListAssociation>()
        + check::<BulkCampaignNegativeCombinedListAssociation>()
        + check::<BulkAdGroupCombinedListAssociation>()
        + check::<BulkAdGroupNegativeCombinedListAssociation>()
        + check::<BulkCampaignCustomerListAssociation>()
        + check::<BulkCampaignNegativeCustomerListAssociation>()
        + check::<BulkAdGroupCustomerListAssociation>()
        + check::<BulkAdGroupNegativeCustomerListAssociation>()
        + check::<BulkCampaignImpressionBasedRemarketingListAssociation>()
        + check::<BulkCampaignNegativeImpressionBasedRemarketingListAssociation>()
        + check::<BulkAdGroupImpressionBasedRemarketingListAssociation>()
        + check::<BulkAdGroupNegativeImpressionBasedRemarketingListAssociation>()
        + check::<BulkAdGroupAiPromptAssociation>()
}

/// A price table row read from a later slot leaves the slots before it empty (`None`), so
/// they are written empty, and the row's required `Price` is written once it exists.
#[test]
fn a_price_row_in_a_later_slot_keeps_the_earlier_slots_empty() {
    let table = BulkPriceAdExtension::table();
    let col = |name: &str| table.iter().find(|c| c.name == name).expect(name);
    let mut r = BulkPriceAdExtension::default();
    (col("Header 3").read)(&mut r, "Tents").unwrap();
    let bingads_gen::types::Nillable::Value(rows) = &r.extension.table_rows else {
        panic!("no rows")
    };
    assert_eq!(rows.len(), 3);
    assert!(rows[0].is_none() && rows[1].is_none());
    assert_eq!(written(col("Price 1"), &r), "");
    assert_eq!(written(col("Price 3"), &r), "0.0");
    (col("Price 3").read)(&mut r, "129.99").unwrap();
    assert_eq!(written(col("Price 3"), &r), "129.99");
    assert_eq!(written(col("Header 3"), &r), "Tents");
}

/// Reading a profile criterion's id sets the profile type its record type names.
#[test]
fn profile_ids_set_their_profile_type() {
    use bingads_gen::types::{Flags, Nillable};
    use bingads_gen::v13::campaign_management::{Criterion, ProfileType};
    let col = BulkAdGroupNegativeIndustryCriterion::table()
        .iter()
        .find(|c| c.name == "Profile Id")
        .unwrap();
    let r: BulkAdGroupNegativeIndustryCriterion = read_one(col, "808").unwrap();
    let Nillable::Value(Criterion::ProfileCriterion(p)) = &r.criterion.criterion else {
        panic!("{:?}", r.criterion.criterion)
    };
    assert_eq!(p.profile_id, Some(808));
    assert_eq!(p.profile_type, Some(Flags(vec![ProfileType::Industry])));
}
