//! Cell formats for the tree nodes of an ad group's product partitions and hotel listing
//! groups: the record holds the generated `AdGroupCriterion`, biddable or negative as its `Is
//! Excluded` cell says, whose `Criterion` is a `ProductPartition` or a `HotelGroup` (`Sub
//! Type`, `Parent Criterion Id` and the node's condition), as the bulk schema pages ("Ad Group
//! Product Partition", "Ad Group Hotel Listing Group") and the official SDK
//! (`BulkAdGroupCriterion`'s `csv_to_bidding`/`bidding_to_csv`, `BulkAdGroupProductPartition`,
//! `BulkAdGroupHotelListingGroup`) write them.
//!
//! `Is Excluded` decides the criterion's kind: `True` makes it a `NegativeAdGroupCriterion`,
//! `False` a `BiddableAdGroupCriterion`, keeping the fields both have. The columns every ad
//! group criterion has (`Status`, `Id`, `Parent Id`, the node's parts) read into whichever
//! kind it is; the biddable-only ones (bids, URLs, tracking) make an undecided criterion
//! biddable and are an error on an excluded one, which the service does not bid on.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{
    AdGroupCriterion, AdGroupCriterionBase, AdGroupCriterionStatus, BiddableAdGroupCriterion,
    Criterion, CriterionBid, CustomParameters, HotelGroup, HotelListing, HotelListingType,
    NegativeAdGroupCriterion, ProductCondition, ProductPartition, ProductPartitionType,
};

use super::condition_values::FixedBidAmount;
use super::criterion_values::BidAdjustment;
use super::error::ValueError;
use super::values::{CellFormat, CustomParams, DELETE_VALUE, Enum, Long, Text, Urls};

/// The fields every kind of ad group criterion has, taken out of `criterion`.
fn into_base(criterion: AdGroupCriterion) -> AdGroupCriterionBase {
    match criterion {
        AdGroupCriterion::BiddableAdGroupCriterion(c) => AdGroupCriterionBase {
            ad_group_id: c.ad_group_id,
            criterion: c.criterion,
            id: c.id,
            status: c.status,
            type_: Nillable::Absent,
        },
        AdGroupCriterion::NegativeAdGroupCriterion(c) => AdGroupCriterionBase {
            ad_group_id: c.ad_group_id,
            criterion: c.criterion,
            id: c.id,
            status: c.status,
            type_: Nillable::Absent,
        },
        AdGroupCriterion::AdGroupCriterion(base) | AdGroupCriterion::Unknown { base, .. } => base,
        _ => AdGroupCriterionBase::default(),
    }
}

fn biddable(base: AdGroupCriterionBase) -> AdGroupCriterion {
    AdGroupCriterion::BiddableAdGroupCriterion(BiddableAdGroupCriterion {
        ad_group_id: base.ad_group_id,
        criterion: base.criterion,
        id: base.id,
        status: base.status,
        ..Default::default()
    })
}

fn negative(base: AdGroupCriterionBase) -> AdGroupCriterion {
    AdGroupCriterion::NegativeAdGroupCriterion(NegativeAdGroupCriterion {
        ad_group_id: base.ad_group_id,
        criterion: base.criterion,
        id: base.id,
        status: base.status,
        ..Default::default()
    })
}

/// `Is Excluded`: `True` (or `Yes`) for an excluded node (a negative criterion), `False` (or
/// `No`) for a biddable one, in any case; it cannot be cleared.
pub struct IsExcluded;

impl CellFormat<AdGroupCriterion> for IsExcluded {
    fn parse(cell: &str) -> Result<AdGroupCriterion, ValueError> {
        let mut criterion = AdGroupCriterion::default();
        Self::read_into(&mut criterion, cell)?;
        Ok(criterion)
    }
    fn read_into(slot: &mut AdGroupCriterion, cell: &str) -> Result<(), ValueError> {
        let word = cell.trim();
        let excluded = if word.eq_ignore_ascii_case("true") || word.eq_ignore_ascii_case("yes") {
            true
        } else if word.eq_ignore_ascii_case("false") || word.eq_ignore_ascii_case("no") {
            false
        } else if cell == DELETE_VALUE {
            return Err(ValueError::new(
                "cannot be cleared: it says whether the node is excluded (True) or bid on (False)",
            ));
        } else {
            return Err(ValueError::new("is not True or False"));
        };
        let already = matches!(
            (excluded, &*slot),
            (true, AdGroupCriterion::NegativeAdGroupCriterion(_))
                | (false, AdGroupCriterion::BiddableAdGroupCriterion(_))
        );
        if !already {
            let base = into_base(std::mem::take(slot));
            *slot = if excluded {
                negative(base)
            } else {
                biddable(base)
            };
        }
        Ok(())
    }
    fn format(value: &AdGroupCriterion, out: &mut String) {
        match value {
            AdGroupCriterion::BiddableAdGroupCriterion(_) => out.push_str("False"),
            AdGroupCriterion::NegativeAdGroupCriterion(_) => out.push_str("True"),
            _ => {}
        }
    }
}

/// Declares the format of a field every kind of ad group criterion has, through the field's
/// own cell format.
macro_rules! shared_part {
    ($(#[$m:meta])* $name:ident, $field:ident: $t:ty, $fmt:ty) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<AdGroupCriterion> for $name {
            fn parse(cell: &str) -> Result<AdGroupCriterion, ValueError> {
                let mut criterion = AdGroupCriterion::default();
                Self::read_into(&mut criterion, cell)?;
                Ok(criterion)
            }
            fn read_into(slot: &mut AdGroupCriterion, cell: &str) -> Result<(), ValueError> {
                match slot {
                    AdGroupCriterion::BiddableAdGroupCriterion(c) => {
                        <$fmt as CellFormat<$t>>::read_into(&mut c.$field, cell)
                    }
                    AdGroupCriterion::NegativeAdGroupCriterion(c) => {
                        <$fmt as CellFormat<$t>>::read_into(&mut c.$field, cell)
                    }
                    AdGroupCriterion::AdGroupCriterion(c)
                    | AdGroupCriterion::Unknown { base: c, .. } => {
                        <$fmt as CellFormat<$t>>::read_into(&mut c.$field, cell)
                    }
                    _ => Err(ValueError::new("is not a field of this kind of ad group criterion")),
                }
            }
            fn format(value: &AdGroupCriterion, out: &mut String) {
                match value {
                    AdGroupCriterion::BiddableAdGroupCriterion(c) => {
                        <$fmt as CellFormat<$t>>::format(&c.$field, out)
                    }
                    AdGroupCriterion::NegativeAdGroupCriterion(c) => {
                        <$fmt as CellFormat<$t>>::format(&c.$field, out)
                    }
                    AdGroupCriterion::AdGroupCriterion(c)
                    | AdGroupCriterion::Unknown { base: c, .. } => {
                        <$fmt as CellFormat<$t>>::format(&c.$field, out)
                    }
                    _ => {}
                }
            }
        }
    };
}

/// Declares the format of a field only a biddable ad group criterion has: reading it makes an
/// undecided criterion biddable, and is an error on an excluded one.
macro_rules! biddable_part {
    ($(#[$m:meta])* $name:ident, $field:ident: $t:ty, $fmt:ty) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<AdGroupCriterion> for $name {
            fn parse(cell: &str) -> Result<AdGroupCriterion, ValueError> {
                let mut criterion = AdGroupCriterion::default();
                Self::read_into(&mut criterion, cell)?;
                Ok(criterion)
            }
            fn read_into(slot: &mut AdGroupCriterion, cell: &str) -> Result<(), ValueError> {
                // Parsed first, so an invalid cell leaves the criterion as it was.
                let value = <$fmt as CellFormat<$t>>::parse(cell)?;
                if matches!(slot, AdGroupCriterion::NegativeAdGroupCriterion(_)) {
                    return Err(ValueError::new(
                        "is only for a node that is bid on, and this one is excluded (Is Excluded is True)",
                    ));
                }
                if !matches!(slot, AdGroupCriterion::BiddableAdGroupCriterion(_)) {
                    *slot = biddable(into_base(std::mem::take(slot)));
                }
                if let AdGroupCriterion::BiddableAdGroupCriterion(c) = slot {
                    c.$field = value;
                }
                Ok(())
            }
            fn format(value: &AdGroupCriterion, out: &mut String) {
                if let AdGroupCriterion::BiddableAdGroupCriterion(c) = value {
                    <$fmt as CellFormat<$t>>::format(&c.$field, out)
                }
            }
        }
    };
}

shared_part!(
    /// `Status` of a tree node (`Active`, `Paused`, `Deleted`).
    NodeStatus, status: Nillable<AdGroupCriterionStatus>, Enum
);
shared_part!(
    /// `Id` of a tree node.
    NodeId, id: Nillable<i64>, Long
);
shared_part!(
    /// `Parent Id` of a tree node: the ad group.
    NodeAdGroupId, ad_group_id: Option<i64>, Long
);
shared_part!(
    /// `Sub Type` of a product partition: `Subdivision` or `Unit`.
    PartitionSubType, criterion: Nillable<Criterion>, PartitionTypePart
);
shared_part!(
    /// `Parent Criterion Id` of a product partition: the subdivision it is under.
    PartitionParent, criterion: Nillable<Criterion>, PartitionParentPart
);
shared_part!(
    /// `Product Condition 1` of a product partition: the operand (`Brand`, `All`, ...).
    PartitionOperand, criterion: Nillable<Criterion>, PartitionOperandPart
);
shared_part!(
    /// `Product Value 1` of a product partition: the attribute (the brand, ...).
    PartitionAttribute, criterion: Nillable<Criterion>, PartitionAttributePart
);
shared_part!(
    /// `Sub Type` of a hotel listing group: `Subdivision` or `Unit`.
    HotelSubType, criterion: Nillable<Criterion>, HotelTypePart
);
shared_part!(
    /// `Parent Criterion Id` of a hotel listing group: the subdivision it is under.
    HotelParent, criterion: Nillable<Criterion>, HotelParentPart
);
shared_part!(
    /// `Hotel Attribute` of a hotel listing group: the operand (`City`, `Brand`, `All`, ...).
    HotelOperand, criterion: Nillable<Criterion>, HotelOperandPart
);
shared_part!(
    /// `Hotel Attribute Value` of a hotel listing group: the attribute (the city, ...).
    HotelAttribute, criterion: Nillable<Criterion>, HotelAttributePart
);
biddable_part!(
    /// `Bid` of a node that is bid on: its fixed bid.
    NodeBid, criterion_bid: Nillable<CriterionBid>, FixedBidAmount
);
biddable_part!(
    /// `Bid Adjustment` of a node that is bid on: its bid multiplier (a percentage).
    NodeBidAdjustment, criterion_bid: Nillable<CriterionBid>, BidAdjustment
);
biddable_part!(
    /// `Destination Url` of a node that is bid on.
    NodeDestinationUrl, destination_url: Nillable<String>, Text
);
biddable_part!(
    /// `Final Url` of a node that is bid on.
    NodeFinalUrls, final_urls: Nillable<Vec<Option<String>>>, Urls
);
biddable_part!(
    /// `Mobile Final Url` of a node that is bid on.
    NodeFinalMobileUrls, final_mobile_urls: Nillable<Vec<Option<String>>>, Urls
);
biddable_part!(
    /// `Tracking Template` of a node that is bid on.
    NodeTrackingTemplate, tracking_url_template: Nillable<String>, Text
);
biddable_part!(
    /// `Custom Parameter` of a node that is bid on.
    NodeCustomParameters, url_custom_parameters: Nillable<CustomParameters>, CustomParams
);
biddable_part!(
    /// `Final Url Suffix` of a node that is bid on.
    NodeFinalUrlSuffix, final_url_suffix: Nillable<String>, Text
);

fn refuse_delete(cell: &str) -> Result<(), ValueError> {
    if cell == DELETE_VALUE {
        return Err(ValueError::new(
            "cannot be cleared: it is part of where the node sits in the tree (delete the node instead)",
        ));
    }
    Ok(())
}

/// Declares the format of one part of a tree node (`$variant` of `Criterion`): `$set` stores
/// the parsed cell, `$get` writes it.
macro_rules! node_part {
    (
        $(#[$m:meta])* $name:ident, $variant:ident,
        parse $parse:expr, set $set:expr, write $write:expr
    ) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<Nillable<Criterion>> for $name {
            fn parse(cell: &str) -> Result<Nillable<Criterion>, ValueError> {
                let mut criterion = Nillable::Absent;
                Self::read_into(&mut criterion, cell)?;
                Ok(criterion)
            }
            fn read_into(slot: &mut Nillable<Criterion>, cell: &str) -> Result<(), ValueError> {
                refuse_delete(cell)?;
                let parse: fn(&str) -> Result<_, ValueError> = $parse;
                let value = parse(cell)?;
                let mut node = match std::mem::take(slot) {
                    Nillable::Value(Criterion::$variant(node)) => node,
                    _ => $variant::default(),
                };
                let set: fn(&mut $variant, _) = $set;
                set(&mut node, value);
                *slot = Nillable::Value(Criterion::$variant(node));
                Ok(())
            }
            fn format(value: &Nillable<Criterion>, out: &mut String) {
                if let Nillable::Value(Criterion::$variant(node)) = value {
                    let write: fn(&$variant, &mut String) = $write;
                    write(node, out)
                }
            }
        }
    };
}

fn parse_id(cell: &str) -> Result<Nillable<i64>, ValueError> {
    <Long as CellFormat<Nillable<i64>>>::parse(cell)
}

fn write_id(id: &Nillable<i64>, out: &mut String) {
    <Long as CellFormat<Nillable<i64>>>::format(id, out)
}

fn text(cell: &str) -> Result<Nillable<String>, ValueError> {
    Ok(Nillable::Value(cell.to_string()))
}

fn write_text(value: &Nillable<String>, out: &mut String) {
    if let Nillable::Value(v) = value {
        out.push_str(v)
    }
}

/// Applies `set` to the product condition of a partition, created on first use.
fn with_condition(node: &mut ProductPartition, set: impl FnOnce(&mut ProductCondition)) {
    let mut condition = match std::mem::take(&mut node.condition) {
        Nillable::Value(c) => c,
        _ => ProductCondition::default(),
    };
    set(&mut condition);
    node.condition = Nillable::Value(condition);
}

/// Applies `set` to the hotel listing of a hotel group, created on first use.
fn with_listing(node: &mut HotelGroup, set: impl FnOnce(&mut HotelListing)) {
    let mut listing = match std::mem::take(&mut node.listing) {
        Nillable::Value(l) => l,
        _ => HotelListing::default(),
    };
    set(&mut listing);
    node.listing = Nillable::Value(listing);
}

node_part!(
    /// The `PartitionType` of a product partition (written whenever the node exists: the
    /// service requires it).
    PartitionTypePart, ProductPartition,
    parse |cell| Ok(ProductPartitionType::from_wire(cell.trim())),
    set |n, v| n.partition_type = v,
    write |n, out| out.push_str(n.partition_type.as_str())
);
node_part!(
    /// The `ParentCriterionId` of a product partition.
    PartitionParentPart, ProductPartition,
    parse parse_id, set |n, v| n.parent_criterion_id = v,
    write |n, out| write_id(&n.parent_criterion_id, out)
);
node_part!(
    /// The `Condition.Operand` of a product partition.
    PartitionOperandPart, ProductPartition,
    parse text, set |n, v| with_condition(n, |c| c.operand = v),
    write |n, out| if let Nillable::Value(c) = &n.condition { write_text(&c.operand, out) }
);
node_part!(
    /// The `Condition.Attribute` of a product partition.
    PartitionAttributePart, ProductPartition,
    parse text, set |n, v| with_condition(n, |c| c.attribute = v),
    write |n, out| if let Nillable::Value(c) = &n.condition { write_text(&c.attribute, out) }
);
node_part!(
    /// The `ListingType` of a hotel group (written whenever the node exists: the service
    /// requires it).
    HotelTypePart, HotelGroup,
    parse |cell| Ok(HotelListingType::from_wire(cell.trim())),
    set |n, v| n.listing_type = v,
    write |n, out| out.push_str(n.listing_type.as_str())
);
node_part!(
    /// The `ParentCriterionId` of a hotel group.
    HotelParentPart, HotelGroup,
    parse parse_id, set |n, v| n.parent_criterion_id = v,
    write |n, out| write_id(&n.parent_criterion_id, out)
);
node_part!(
    /// The `Listing.Operand` of a hotel group.
    HotelOperandPart, HotelGroup,
    parse text, set |n, v| with_listing(n, |l| l.operand = v),
    write |n, out| if let Nillable::Value(l) = &n.listing { write_text(&l.operand, out) }
);
node_part!(
    /// The `Listing.Attribute` of a hotel group.
    HotelAttributePart, HotelGroup,
    parse text, set |n, v| with_listing(n, |l| l.attribute = v),
    write |n, out| if let Nillable::Value(l) = &n.listing { write_text(&l.attribute, out) }
);
