//! The record types whose values are condition lists or trees (webpage criterions, product
//! scope, product partitions, hotel listing groups), remarketing rules and asset group text
//! assets, against files written by the official Python SDK
//! (`tests/fixtures/bulk/sdk_conditions.{csv,tsv}`, from `make_condition_fixtures.py`): every
//! row typed, values as the SDK wrote them, byte-for-byte rewrites, and the records rebuilt
//! from their typed fields alone written exactly as the SDK wrote them.
#![cfg(feature = "bulk")]

#[path = "support/bulk_io.rs"]
mod bulk_io;
#[cfg(feature = "bulk-json")]
#[path = "support/cells.rs"]
mod cells;

use bulk_io::{records, without_source, write_fresh};
use std::io::Cursor;

use bingads::Nillable;
use bingads::bulk::{BulkFileReader, BulkFileWriter, BulkRecord, FileFormat};
use bingads::v13::campaign_management::{
    AdGroupCriterion, AdGroupCriterionStatus, Asset, AssetLink, BidMultiplier, Criterion,
    CriterionBid, FixedBid, HotelListingType, NormalForm, NumberOperator, ProductPartitionType,
    RemarketingRule, RuleItem, StringOperator, WebpageCondition, WebpageConditionOperand,
    WebpageConditionOperator,
};

const CONDITIONS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_conditions.csv");
const CONDITIONS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_conditions.tsv");

const FIXTURES: &[(&[u8], FileFormat)] = &[
    (CONDITIONS_CSV, FileFormat::Csv),
    (CONDITIONS_TSV, FileFormat::Tsv),
];

#[test]
fn every_sdk_row_is_typed() {
    for &(bytes, _) in FIXTURES {
        let all = records(bytes);
        // Format version + five webpage criterions, three product partition and three hotel
        // listing group nodes, a product scope, five remarketing lists, an asset group and two
        // responsive ads.
        assert_eq!(all.len(), 21);
        for r in &all {
            assert!(
                !matches!(r, BulkRecord::Untyped(_)),
                "{} is untyped",
                r.record_type()
            );
        }
        let webpages = all
            .iter()
            .filter(|r| {
                matches!(
                    r,
                    BulkRecord::AdGroupUrlTarget(_)
                        | BulkRecord::AdGroupDynamicSearchAdTarget(_)
                        | BulkRecord::AdGroupNegativeDynamicSearchAdTarget(_)
                        | BulkRecord::CampaignNegativeDynamicSearchAdTarget(_)
                        | BulkRecord::CampaignNegativeWebpage(_)
                )
            })
            .count();
        assert_eq!(webpages, 5);
        let trees = all
            .iter()
            .filter(|r| {
                matches!(
                    r,
                    BulkRecord::CampaignProductScope(_)
                        | BulkRecord::AdGroupProductPartition(_)
                        | BulkRecord::AdGroupHotelListingGroup(_)
                )
            })
            .count();
        assert_eq!(trees, 7);
    }
}

#[test]
fn sdk_files_rewrite_byte_for_byte() {
    for &(bytes, format) in FIXTURES {
        let reader = BulkFileReader::new(Cursor::new(bytes.to_vec())).unwrap();
        let mut w =
            BulkFileWriter::with_columns(Vec::new(), format, reader.columns().clone()).unwrap();
        for r in reader {
            w.write(&r.unwrap()).unwrap();
        }
        assert_eq!(w.finish().unwrap(), bytes, "{format:?}");
        assert_eq!(write_fresh(&records(bytes), format), bytes, "{format:?}");
    }
}

#[test]
fn records_rebuilt_from_typed_fields_are_written_as_the_sdk_wrote_them() {
    for &(bytes, format) in FIXTURES {
        let rebuilt: Vec<BulkRecord> = records(bytes).iter().map(without_source).collect();
        assert_eq!(write_fresh(&rebuilt, format), bytes, "{format:?}");
    }
}

fn conditions(criterion: &Nillable<Criterion>) -> (Option<String>, Vec<WebpageCondition>) {
    let Nillable::Value(Criterion::Webpage(page)) = criterion else {
        panic!("not a webpage: {criterion:?}")
    };
    let parameter = page.parameter.value().expect("a webpage parameter");
    let list = parameter
        .conditions
        .value()
        .expect("conditions")
        .iter()
        .map(|c| c.clone().expect("no gaps"))
        .collect();
    (parameter.criterion_name.value().cloned(), list)
}

fn condition(
    operand: WebpageConditionOperand,
    argument: &str,
    operator: Option<WebpageConditionOperator>,
) -> WebpageCondition {
    WebpageCondition {
        operand: Some(operand),
        argument: Nillable::Value(argument.into()),
        operator: operator.map_or(Nillable::Absent, Nillable::Value),
    }
}

#[test]
fn webpage_criterions_are_read_as_the_sdk_wrote_them() {
    use WebpageConditionOperand as Operand;
    let mut seen = 0;
    for r in records(CONDITIONS_CSV) {
        match r {
            BulkRecord::AdGroupUrlTarget(t) => {
                assert_eq!(t.criterion.id, Nillable::Value(1101));
                assert_eq!(t.criterion.ad_group_id, Some(2101));
                assert_eq!(t.campaign_name.as_deref(), Some("Summer"));
                assert_eq!(t.ad_group_name.as_deref(), Some("Tents"));
                let (name, list) = conditions(&t.criterion.criterion);
                assert_eq!(name.as_deref(), Some("Tent pages"));
                assert_eq!(
                    list,
                    [
                        condition(
                            Operand::Url,
                            "contoso.com/tents",
                            Some(WebpageConditionOperator::Contains)
                        ),
                        condition(
                            Operand::Url,
                            "contoso.com/tents/summer",
                            Some(WebpageConditionOperator::Equals)
                        ),
                    ]
                );
                seen += 1;
            }
            BulkRecord::AdGroupDynamicSearchAdTarget(t) => {
                let Nillable::Value(CriterionBid::FixedBid(bid)) = &t.criterion.criterion_bid
                else {
                    panic!("{:?}", t.criterion.criterion_bid)
                };
                assert_eq!(bid.amount, Some(0.75));
                assert_eq!(
                    t.criterion.tracking_url_template,
                    Nillable::Value("{lpurl}?dsa=1".into())
                );
                assert_eq!(
                    t.criterion.final_url_suffix,
                    Nillable::Value("src=dsa".into())
                );
                let (name, list) = conditions(&t.criterion.criterion);
                assert_eq!(name.as_deref(), Some("Camping, \"all\""));
                assert_eq!(
                    list,
                    [
                        condition(Operand::Category, "Camping & Hiking", None),
                        condition(Operand::PageTitle, "tents", None),
                        condition(Operand::PageContent, "waterproof", None),
                    ]
                );
                seen += 1;
            }
            BulkRecord::AdGroupNegativeDynamicSearchAdTarget(t) => {
                let (name, list) = conditions(&t.criterion.criterion);
                assert_eq!(name.as_deref(), Some("No outlet"));
                assert_eq!(list, [condition(Operand::Url, "contoso.com/outlet", None)]);
                seen += 1;
            }
            BulkRecord::CampaignNegativeDynamicSearchAdTarget(t) => {
                assert_eq!(t.criterion.campaign_id, 3101);
                let (name, list) = conditions(&t.criterion.criterion);
                assert_eq!(name.as_deref(), Some("No careers"));
                assert_eq!(list, [condition(Operand::Url, "contoso.com/careers", None)]);
                seen += 1;
            }
            BulkRecord::CampaignNegativeWebpage(t) => {
                let (name, list) = conditions(&t.criterion.criterion);
                assert_eq!(name.as_deref(), Some("No support"));
                assert_eq!(list, [condition(Operand::Url, "support.contoso.com", None)]);
                seen += 1;
            }
            _ => {}
        }
    }
    assert_eq!(seen, 5);
}

#[test]
fn product_scope_is_read_as_the_sdk_wrote_it() {
    let all = records(CONDITIONS_CSV);
    let scope = all
        .iter()
        .find_map(|r| match r {
            BulkRecord::CampaignProductScope(s) => Some(s),
            _ => None,
        })
        .expect("a product scope");
    assert_eq!(scope.criterion.id, Nillable::Value(1201));
    assert_eq!(scope.criterion.campaign_id, 3101);
    let Nillable::Value(Criterion::ProductScope(product_scope)) = &scope.criterion.criterion else {
        panic!("{:?}", scope.criterion.criterion)
    };
    let pairs: Vec<(String, String)> = product_scope
        .conditions
        .value()
        .expect("conditions")
        .iter()
        .map(|c| {
            let c = c.as_ref().expect("no gaps");
            (
                c.operand.value().cloned().unwrap_or_default(),
                c.attribute.value().cloned().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(pairs.len(), 8);
    assert_eq!(pairs[2], ("CategoryL2".into(), "Camping, \"tents\"".into()));
    assert_eq!(pairs[7], ("Id".into(), "sku-42".into()));
}

/// A node's fields as (excluded, id, parent, sub type, operand, attribute, bid).
type Node = (
    bool,
    i64,
    Option<i64>,
    String,
    Option<String>,
    Option<String>,
    Option<CriterionBid>,
);

fn node(criterion: &AdGroupCriterion) -> Node {
    let (excluded, id, inner, bid, status) = match criterion {
        AdGroupCriterion::BiddableAdGroupCriterion(c) => (
            false,
            c.id.value().copied(),
            &c.criterion,
            c.criterion_bid.value().cloned(),
            &c.status,
        ),
        AdGroupCriterion::NegativeAdGroupCriterion(c) => {
            (true, c.id.value().copied(), &c.criterion, None, &c.status)
        }
        other => panic!("an undecided node: {other:?}"),
    };
    assert!(matches!(
        status,
        Nillable::Value(AdGroupCriterionStatus::Active | AdGroupCriterionStatus::Paused)
    ));
    let (parent, sub_type, operand, attribute) = match inner {
        Nillable::Value(Criterion::ProductPartition(p)) => {
            let condition = p.condition.value().expect("a condition");
            (
                p.parent_criterion_id.value().copied(),
                p.partition_type.as_str().to_string(),
                condition.operand.value().cloned(),
                condition.attribute.value().cloned(),
            )
        }
        Nillable::Value(Criterion::HotelGroup(h)) => {
            let listing = h.listing.value().expect("a listing");
            (
                h.parent_criterion_id.value().copied(),
                h.listing_type.as_str().to_string(),
                listing.operand.value().cloned(),
                listing.attribute.value().cloned(),
            )
        }
        other => panic!("not a tree node: {other:?}"),
    };
    (
        excluded,
        id.expect("an id"),
        parent,
        sub_type,
        operand,
        attribute,
        bid,
    )
}

#[test]
fn product_partitions_and_hotel_listing_groups_are_read_as_the_sdk_wrote_them() {
    let all = records(CONDITIONS_CSV);
    let partitions: Vec<Node> = all
        .iter()
        .filter_map(|r| match r {
            BulkRecord::AdGroupProductPartition(p) => {
                assert_eq!(p.ad_group_name.as_deref(), Some("All products"));
                Some(node(&p.criterion))
            }
            _ => None,
        })
        .collect();
    let fixed = |amount| {
        Some(CriterionBid::FixedBid(FixedBid {
            amount: Some(amount),
            ..Default::default()
        }))
    };
    let subdivision = ProductPartitionType::Subdivision.as_str().to_string();
    let unit = ProductPartitionType::Unit.as_str().to_string();
    assert_eq!(
        partitions,
        [
            (
                false,
                -11,
                None,
                subdivision.clone(),
                Some("All".into()),
                None,
                None
            ),
            (
                false,
                1202,
                Some(-11),
                unit.clone(),
                Some("Brand".into()),
                Some("Contoso".into()),
                fixed(0.35)
            ),
            (
                true,
                1203,
                Some(-11),
                unit.clone(),
                Some("Brand".into()),
                None,
                None
            ),
        ]
    );
    let BulkRecord::AdGroupProductPartition(unit_node) = &all[8] else {
        panic!("{}", all[8].record_type())
    };
    let AdGroupCriterion::BiddableAdGroupCriterion(c) = &unit_node.criterion else {
        panic!("not biddable")
    };
    assert_eq!(
        c.destination_url,
        Nillable::Value("https://www.contoso.com/tents".into())
    );
    assert_eq!(
        c.tracking_url_template,
        Nillable::Value("{lpurl}?pp=1".into())
    );

    let hotels: Vec<Node> = all
        .iter()
        .filter_map(|r| match r {
            BulkRecord::AdGroupHotelListingGroup(h) => Some(node(&h.criterion)),
            _ => None,
        })
        .collect();
    let multiplier = Some(CriterionBid::BidMultiplier(BidMultiplier {
        multiplier: Some(25.5),
        ..Default::default()
    }));
    let hotel_unit = HotelListingType::Unit.as_str().to_string();
    assert_eq!(
        hotels,
        [
            (
                false,
                -21,
                None,
                HotelListingType::Subdivision.as_str().to_string(),
                Some("All".into()),
                None,
                None
            ),
            (
                false,
                1302,
                Some(-21),
                hotel_unit.clone(),
                Some("City".into()),
                Some("Seattle".into()),
                multiplier
            ),
            (
                true,
                1303,
                Some(-21),
                hotel_unit,
                Some("Brand".into()),
                Some("Fabrikam Inns".into()),
                None
            ),
        ]
    );
}

#[test]
fn remarketing_rules_are_read_as_the_sdk_wrote_them() {
    let rules: Vec<RemarketingRule> = records(CONDITIONS_CSV)
        .into_iter()
        .filter_map(|r| match r {
            BulkRecord::RemarketingList(l) => l.audience.rule.value().cloned(),
            _ => None,
        })
        .collect();
    assert_eq!(rules.len(), 5);
    let RemarketingRule::PageVisitorsRule(conjunctive) = &rules[0] else {
        panic!("{:?}", rules[0])
    };
    assert_eq!(
        conjunctive.normal_form,
        Nillable::Value(NormalForm::Conjunctive)
    );
    assert_eq!(conjunctive.rule_item_groups.value().map(Vec::len), Some(2));
    let RemarketingRule::PageVisitorsRule(single) = &rules[1] else {
        panic!("{:?}", rules[1])
    };
    let item = single.rule_item_groups.value().expect("groups")[0]
        .as_ref()
        .and_then(|g| g.items.value())
        .expect("items")[0]
        .clone();
    let Some(RuleItem::StringRuleItem(item)) = item else {
        panic!("{item:?}")
    };
    assert_eq!(item.operator, Some(StringOperator::BeginsWith));
    // A value keeps its spaces.
    assert_eq!(
        item.value,
        Nillable::Value("https://contoso.com/a b".into())
    );
    let RemarketingRule::PageVisitorsWhoVisitedAnotherPageRule(visited) = &rules[2] else {
        panic!("{:?}", rules[2])
    };
    assert_eq!(visited.rule_item_groups.value().map(Vec::len), Some(2));
    assert_eq!(
        visited.another_rule_item_groups.value().map(Vec::len),
        Some(1)
    );
    let RemarketingRule::PageVisitorsWhoDidNotVisitAnotherPageRule(not_visited) = &rules[3] else {
        panic!("{:?}", rules[3])
    };
    assert_eq!(
        not_visited.include_rule_item_groups.value().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        not_visited.exclude_rule_item_groups.value().map(Vec::len),
        Some(2)
    );
    let RemarketingRule::CustomEventsRule(events) = &rules[4] else {
        panic!("{:?}", rules[4])
    };
    assert_eq!(events.action, Nillable::Value("play".into()));
    assert_eq!(events.category_operator, Some(StringOperator::BeginsWith));
    assert_eq!(events.label, Nillable::Value("trailer".into()));
    assert_eq!(
        events.value_operator,
        Some(NumberOperator::GreaterThanEqualTo)
    );
    assert_eq!(events.value.value().map(|v| v.as_str()), Some("12.5"));
}

/// An asset link's (text, id, performance label, editorial status).
fn text_link(link: &Option<AssetLink>) -> (String, Option<i64>, Option<String>, Option<String>) {
    let link = link.as_ref().expect("a link");
    let Nillable::Value(Asset::TextAsset(asset)) = &link.asset else {
        panic!("not a text asset: {:?}", link.asset)
    };
    (
        asset.text.value().cloned().unwrap_or_default(),
        asset.id.value().copied(),
        link.asset_performance_label.value().cloned(),
        link.editorial_status
            .value()
            .map(|s| s.as_str().to_string()),
    )
}

#[test]
fn asset_group_text_assets_are_read_as_the_sdk_wrote_them() {
    let all = records(CONDITIONS_CSV);
    let group = all
        .iter()
        .find_map(|r| match r {
            BulkRecord::AssetGroup(g) => Some(&g.asset_group),
            _ => None,
        })
        .expect("an asset group");
    let links = |list: &Nillable<Vec<Option<AssetLink>>>| {
        list.value()
            .expect("links")
            .iter()
            .map(text_link)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        links(&group.headlines),
        [
            (
                "Tents for \"every\" trip".to_string(),
                Some(9001),
                Some("Best".to_string()),
                Some("Active".to_string())
            ),
            (
                "Caf\u{e9} tents \u{e0} la carte".to_string(),
                None,
                None,
                None
            ),
        ]
    );
    assert_eq!(
        links(&group.long_headlines),
        [("Tents, stoves and more".to_string(), Some(9002), None, None)]
    );
    assert_eq!(
        links(&group.descriptions)[1],
        (
            "Back\\slash\ttab".to_string(),
            Some(9004),
            Some("Low".to_string()),
            Some("Disapproved".to_string())
        )
    );
}

#[test]
fn responsive_ad_asset_links_are_read_as_the_sdk_wrote_them() {
    let all = records(CONDITIONS_CSV);
    let (rsa, responsive) = match &all[19..] {
        [
            BulkRecord::ResponsiveSearchAd(rsa),
            BulkRecord::ResponsiveAd(ad),
        ] => (&rsa.ad, &ad.ad),
        other => panic!("{other:?}"),
    };
    let headlines: Vec<_> = rsa
        .headlines
        .value()
        .expect("headlines")
        .iter()
        .map(text_link)
        .collect();
    assert_eq!(headlines.len(), 3);
    assert_eq!(
        headlines[0],
        (
            "Tents on sale".to_string(),
            Some(9101),
            None,
            Some("Active".to_string())
        )
    );
    assert_eq!(headlines[2].0, "Pitch in \"minutes\"");
    let pinned = rsa.descriptions.value().expect("descriptions")[0]
        .as_ref()
        .and_then(|l| l.pinned_field.value().cloned());
    assert_eq!(pinned.as_deref(), Some("Description1"));
    assert_eq!(
        responsive
            .long_headlines
            .value()
            .map(|l| l.iter().map(text_link).collect::<Vec<_>>()),
        Some(vec![(
            "Tents for every trail".to_string(),
            Some(9106),
            None,
            None
        )])
    );
    let images = responsive.images.value().expect("images");
    let Some(Some(AssetLink {
        asset: Nillable::Value(Asset::ImageAsset(image)),
        ..
    })) = images.first()
    else {
        panic!("{images:?}")
    };
    assert_eq!(image.id, Nillable::Value(9108));
    assert_eq!(image.crop_width, Nillable::Value(1200));
    let videos = responsive.videos.value().expect("videos");
    assert_eq!(videos.len(), 2);
    let Some(Some(AssetLink {
        asset: Nillable::Value(Asset::VideoAsset(video)),
        ..
    })) = videos.first()
    else {
        panic!("{videos:?}")
    };
    assert_eq!(video.name, Nillable::Value("Tent pitch, \"fast\"".into()));
    let thumbnail = video.thumbnail_image.value().expect("a thumbnail");
    assert_eq!(
        (thumbnail.id.value(), thumbnail.crop_height.value()),
        (Some(&9111), Some(&628))
    );
}

/// A criterion record's API object is keyed by its type's name, as every other record's is.
#[cfg(feature = "bulk-json")]
#[test]
fn json_keys_criterion_objects_by_their_type_name() {
    let all = records(CONDITIONS_CSV);
    let url_target = all[1].to_json();
    assert!(
        url_target.starts_with(
            r#"{"Type":"Ad Group Url Target","Row":3,"BiddableAdGroupCriterion":{"AdGroupId":"2101","#
        ),
        "{url_target}"
    );
    let negative = all[4].to_json();
    assert!(
        negative.contains(r#""NegativeCampaignCriterion":{"#),
        "{negative}"
    );
    // Read back from its JSON line (a record built in memory has row 0).
    let back = BulkRecord::from_json(&url_target, 1).unwrap();
    assert_eq!(
        back.to_json(),
        url_target.replacen(r#""Row":3"#, r#""Row":0"#, 1)
    );
}

#[cfg(feature = "bulk-json")]
#[test]
fn json_lines_write_back_to_the_same_rows() {
    for &(bytes, format) in FIXTURES {
        let mut writer = BulkFileWriter::new(Vec::new(), format).unwrap();
        for (i, r) in records(bytes).iter().enumerate() {
            let json = r.to_json();
            let back = BulkRecord::from_json(&json, i as u64 + 1).unwrap();
            writer.write(&back).unwrap();
        }
        let delimiter = if format == FileFormat::Tsv {
            b'\t'
        } else {
            b','
        };
        cells::assert_same_cells(&writer.finish().unwrap(), bytes, delimiter);
    }
}
