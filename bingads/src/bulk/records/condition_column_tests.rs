//! Column-level checks for the record types whose values are condition lists or trees (the
//! webpage criterions, the product scope, product partitions, hotel listing groups) and for
//! the remarketing rule and text asset columns: every column read from an empty, a typical
//! and an edge cell and written back, invalid cells refused, and `delete_value` read and
//! written back where the service allows clearing (an error where it does not: a
//! criterion's conditions and tree position). Formats shared with the older tables take their
//! samples from `column_tests`.

use super::column_tests::{invalid, read_one, samples, written};
use super::*;
use crate::bulk::table::TypedRecord;
use crate::bulk::values::DELETE_VALUE;

/// `WebpageOperand<2>` → `WebpageOperand`: the slot does not change the samples.
fn base(format: &str) -> &str {
    format.split('<').next().unwrap_or(format).trim()
}

/// Samples of the formats these tables add: (cell as read, cell as written).
fn own_samples(format: &str) -> Vec<(&'static str, Option<&'static str>)> {
    let text = vec![
        ("Contoso Outdoor", None),
        ("comma, \"quotes\"\nnew line; ünïcödé 😀", None),
        ("  padded  ", None),
    ];
    match base(format) {
        "WebpageName" | "WebpageArgument" | "ScopeOperand" | "ScopeAttribute" => text,
        "WebpageOperand" => vec![
            ("Url", None),
            ("PageContent", None),
            ("pagetitle", Some("PageTitle")),
            ("FutureOperand", None),
        ],
        "WebpageOperator" => vec![("Equals", None), ("Contains", None), ("Future", None)],
        "FixedBidAmount" | "NodeBid" => {
            vec![("0.75", None), ("1000.0", None), ("2", Some("2.0"))]
        }
        "PartitionSubType" | "HotelSubType" => {
            vec![("Subdivision", None), ("Unit", None), ("FutureNode", None)]
        }
        "PartitionOperand" | "HotelOperand" => vec![("All", None), ("Brand", None), ("City", None)],
        "PartitionAttribute" | "HotelAttribute" => vec![
            ("Contoso", None),
            ("Sporting Goods > Camping; \"tents\"", None),
            ("  padded  ", None),
        ],
        "IsExcluded" => vec![
            ("True", None),
            ("False", None),
            ("yes", Some("True")),
            ("NO", Some("False")),
        ],
        other => samples(alias(other)),
    }
}

/// The shared format a tree node's column reads its value through.
fn alias(format: &str) -> &str {
    match format {
        "NodeStatus" => "Enum",
        "NodeId" | "NodeAdGroupId" | "PartitionParent" | "HotelParent" => "Long",
        "NodeBidAdjustment" => "BidAdjustment",
        "NodeDestinationUrl" | "NodeTrackingTemplate" | "NodeFinalUrlSuffix" => "Text",
        "NodeFinalUrls" | "NodeFinalMobileUrls" => "Urls",
        "NodeCustomParameters" => "CustomParams",
        other => other,
    }
}

/// Whether `other` is written once `column` is read although `column` does not map it: a
/// node's required `Sub Type` once the node exists, and `Is Excluded` (`False`) once a
/// biddable-only column makes the criterion biddable.
fn coupled(column: &str, format: &str, other: &str) -> bool {
    let node_part = [
        "PartitionParent",
        "PartitionOperand",
        "PartitionAttribute",
        "HotelParent",
        "HotelOperand",
        "HotelAttribute",
    ];
    let biddable_only =
        format.starts_with("Node") && !matches!(format, "NodeStatus" | "NodeId" | "NodeAdGroupId");
    (other == "Sub Type" && node_part.contains(&format))
        || (other == "Is Excluded" && biddable_only && column != other)
}

fn own_invalid(format: &str) -> &'static [&'static str] {
    match base(format) {
        "FixedBidAmount" | "NodeBid" => &["abc", "NaN", "inf"],
        "IsExcluded" => &["maybe", "1"],
        other => invalid(alias(other)),
    }
}

/// Formats that refuse `delete_value`: a criterion's conditions and the values the service
/// requires.
fn refuses_delete(format: &str) -> bool {
    matches!(
        base(format),
        "WebpageOperand"
            | "WebpageArgument"
            | "WebpageOperator"
            | "ScopeOperand"
            | "ScopeAttribute"
            | "IsExcluded"
            | "PartitionSubType"
            | "PartitionParent"
            | "PartitionOperand"
            | "PartitionAttribute"
            | "HotelSubType"
            | "HotelParent"
            | "HotelOperand"
            | "HotelAttribute"
    )
}

pub(super) fn check<R: TypedRecord>() -> usize {
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
                if coupled(column.name, column.format, other.name) {
                    continue;
                }
                // Columns over the same criterion (a condition's parts, the conditions of
                // other slots) write only their own part.
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
                    "Text"
                        | "WebpageName"
                        | "NodeDestinationUrl"
                        | "NodeTrackingTemplate"
                        | "NodeFinalUrlSuffix"
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
            Err(e) => assert!(
                refuses_delete(column.format) || alias(column.format) == "Long",
                "{what}: delete_value refused: {e}"
            ),
        }
    }
    checked
}

#[test]
fn webpage_criterion_tables_round_trip_every_column() {
    let total = check::<BulkAdGroupUrlTarget>()
        + check::<BulkAdGroupDynamicSearchAdTarget>()
        + check::<BulkAdGroupNegativeDynamicSearchAdTarget>()
        + check::<BulkCampaignNegativeDynamicSearchAdTarget>()
        + check::<BulkCampaignNegativeWebpage>();
    assert!(total > 200, "{total}");
}

#[test]
fn product_and_hotel_tables_round_trip_every_column() {
    let total = check::<BulkCampaignProductScope>()
        + check::<BulkAdGroupProductPartition>()
        + check::<BulkAdGroupHotelListingGroup>();
    assert!(total > 150, "{total}");
}

/// `Is Excluded` decides the node's kind and keeps what was read before it; a bid on an
/// excluded node is an error, and a biddable column makes an undecided node biddable.
#[test]
fn is_excluded_decides_the_node_kind() {
    use bingads_gen::types::Nillable;
    use bingads_gen::v13::campaign_management::AdGroupCriterion;
    let table = BulkAdGroupProductPartition::table();
    let col = |name: &str| table.iter().find(|c| c.name == name).expect(name);
    let mut r = BulkAdGroupProductPartition::default();
    (col("Id").read)(&mut r, "1203").unwrap();
    (col("Product Condition 1").read)(&mut r, "Brand").unwrap();
    (col("Is Excluded").read)(&mut r, "True").unwrap();
    let AdGroupCriterion::NegativeAdGroupCriterion(n) = &r.criterion else {
        panic!("{:?}", r.criterion)
    };
    assert_eq!(n.id, Nillable::Value(1203));
    assert_eq!(written(col("Product Condition 1"), &r), "Brand");
    assert!((col("Bid").read)(&mut r, "0.5").is_err());
    (col("Is Excluded").read)(&mut r, "False").unwrap();
    (col("Bid").read)(&mut r, "0.5").unwrap();
    assert_eq!(written(col("Bid"), &r), "0.5");
    assert_eq!(written(col("Id"), &r), "1203");
    assert_eq!(written(col("Is Excluded"), &r), "False");

    let mut undecided = BulkAdGroupProductPartition::default();
    (col("Tracking Template").read)(&mut undecided, "{lpurl}").unwrap();
    assert!(matches!(
        undecided.criterion,
        AdGroupCriterion::BiddableAdGroupCriterion(_)
    ));
}

/// The three parts of a webpage condition fill one condition; a later slot leaves the slots
/// before it empty, and they are written empty.
#[test]
fn webpage_condition_parts_fill_one_condition_per_slot() {
    use bingads_gen::types::Nillable;
    use bingads_gen::v13::campaign_management::{
        Criterion, WebpageConditionOperand, WebpageConditionOperator,
    };
    let table = BulkAdGroupDynamicSearchAdTarget::table();
    let col = |name: &str| table.iter().find(|c| c.name == name).expect(name);
    let mut r = BulkAdGroupDynamicSearchAdTarget::default();
    (col("Dynamic Ad Target Condition 2").read)(&mut r, "url").unwrap();
    (col("Dynamic Ad Target Value 2").read)(&mut r, "contoso.com/tents").unwrap();
    (col("Dynamic Ad Target Condition Operator 2").read)(&mut r, "Contains").unwrap();
    (col("Name").read)(&mut r, "Tents").unwrap();
    let Nillable::Value(Criterion::Webpage(page)) = &r.criterion.criterion else {
        panic!("{:?}", r.criterion.criterion)
    };
    let parameter = page.parameter.value().expect("a parameter");
    assert_eq!(parameter.criterion_name, Nillable::Value("Tents".into()));
    let Nillable::Value(conditions) = &parameter.conditions else {
        panic!("no conditions")
    };
    assert_eq!(conditions.len(), 2);
    assert!(conditions[0].is_none());
    let second = conditions[1].as_ref().expect("condition 2");
    assert_eq!(second.operand, Some(WebpageConditionOperand::Url));
    assert_eq!(second.argument, Nillable::Value("contoso.com/tents".into()));
    assert_eq!(
        second.operator,
        Nillable::Value(WebpageConditionOperator::Contains)
    );
    assert_eq!(written(col("Dynamic Ad Target Condition 1"), &r), "");
    assert_eq!(written(col("Dynamic Ad Target Condition 2"), &r), "Url");
    assert_eq!(written(col("Dynamic Ad Target Value 3"), &r), "");
}
