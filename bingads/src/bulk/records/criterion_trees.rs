//! The product and hotel trees: a shopping campaign's `Campaign Product Scope` (up to eight
//! product conditions every product it advertises meets), and the nodes of an ad group's
//! product partition tree (`Ad Group Product Partition`) and hotel listing group tree (`Ad
//! Group Hotel Listing Group`). A product scope holds the generated `BiddableCampaignCriterion`
//! whose `Criterion` is a `ProductScope`; a node holds the generated `AdGroupCriterion`,
//! biddable or negative as `Is Excluded` says (see `bulk::tree_values`), whose `Criterion` is
//! a `ProductPartition` or a `HotelGroup`.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/` (`BulkCampaignProductScope`
//! with `_ProductConditionHelper`, `BulkAdGroupProductPartition`, `BulkAdGroupHotelListingGroup`
//! and their base `BulkAdGroupCriterion`) and the Microsoft bulk schema pages "Campaign Product
//! Scope", "Ad Group Product Partition" and "Ad Group Hotel Listing Group".

use bingads_gen::v13::campaign_management::AdGroupCriterion;

use super::criterion_record::criterion_record;
use super::macros::bulk_record;
use crate::bulk::condition_values::{ScopeAttribute, ScopeOperand};
use crate::bulk::table::{Column, col, field};
use crate::bulk::tree_values::{
    HotelAttribute, HotelOperand, HotelParent, HotelSubType, IsExcluded, NodeAdGroupId, NodeBid,
    NodeBidAdjustment, NodeCustomParameters, NodeDestinationUrl, NodeFinalMobileUrls,
    NodeFinalUrlSuffix, NodeFinalUrls, NodeId, NodeStatus, NodeTrackingTemplate,
    PartitionAttribute, PartitionOperand, PartitionParent, PartitionSubType,
};
use crate::bulk::values::{Enum, Long, Text};

criterion_record!(
    /// A `Campaign Product Scope`: the product conditions (up to eight) every product a
    /// shopping campaign advertises meets.
    BulkCampaignProductScope = "Campaign Product Scope",
    kind 515, table CAMPAIGN_PRODUCT_SCOPE, campaign, biddable_without_adjustment, {}
    [
        field!("Product Condition 1" => criterion.criterion, ScopeOperand<0>),
        field!("Product Value 1" => criterion.criterion, ScopeAttribute<0>),
        field!("Product Condition 2" => criterion.criterion, ScopeOperand<1>),
        field!("Product Value 2" => criterion.criterion, ScopeAttribute<1>),
        field!("Product Condition 3" => criterion.criterion, ScopeOperand<2>),
        field!("Product Value 3" => criterion.criterion, ScopeAttribute<2>),
        field!("Product Condition 4" => criterion.criterion, ScopeOperand<3>),
        field!("Product Value 4" => criterion.criterion, ScopeAttribute<3>),
        field!("Product Condition 5" => criterion.criterion, ScopeOperand<4>),
        field!("Product Value 5" => criterion.criterion, ScopeAttribute<4>),
        field!("Product Condition 6" => criterion.criterion, ScopeOperand<5>),
        field!("Product Value 6" => criterion.criterion, ScopeAttribute<5>),
        field!("Product Condition 7" => criterion.criterion, ScopeOperand<6>),
        field!("Product Value 7" => criterion.criterion, ScopeAttribute<6>),
        field!("Product Condition 8" => criterion.criterion, ScopeOperand<7>),
        field!("Product Value 8" => criterion.criterion, ScopeAttribute<7>),
    ]
);

/// A tree node record: the struct (its API object an `AdGroupCriterion`, plus the campaign and
/// ad group names) and its table. Both trees share every column but the node's own condition
/// (`$condition`/`$value` columns read by `$operand`/`$attribute`), its sub type and parent
/// formats, and the columns only one tree has (`$extra`, after `Bid`).
macro_rules! tree_node_record {
    (
        $(#[$doc:meta])*
        $name:ident = $type:literal, kind $kind:literal, table $table:ident,
        sub type $sub_type:ident, parent $parent:ident,
        condition ($condition:literal, $operand:ident), value ($value:literal, $attribute:ident),
        [$($extra:expr),* $(,)?]
    ) => {
        bulk_record! {
            $(#[$doc])*
            pub struct $name = $type (kind $kind, entity criterion: AdGroupCriterion)
            {
                /// `Campaign`: the campaign's name.
                pub campaign_name: Option<String>,
                /// `Ad Group`: the ad group's name.
                pub ad_group_name: Option<String>,
            }
            table $table
        }

        // `Is Excluded` first: it decides the criterion's kind before the other columns fill
        // it, and `Bid` after `Bid Adjustment`, so a fixed bid wins when both are set, as in
        // the SDK.
        static $table: &[Column<$name>] = &[
            field!("Is Excluded" => criterion, IsExcluded),
            field!("Status" => criterion, NodeStatus),
            field!("Id" => criterion, NodeId),
            field!("Parent Id" => criterion, NodeAdGroupId),
            col!("Campaign" => campaign_name, Text),
            col!("Ad Group" => ad_group_name, Text),
            field!("Sub Type" => criterion, $sub_type),
            field!("Parent Criterion Id" => criterion, $parent),
            field!($condition => criterion, $operand),
            field!($value => criterion, $attribute),
            field!("Bid Adjustment" => criterion, NodeBidAdjustment),
            field!("Bid" => criterion, NodeBid),
            $($extra,)*
            field!("Final Url" => criterion, NodeFinalUrls),
            field!("Mobile Final Url" => criterion, NodeFinalMobileUrls),
            field!("Tracking Template" => criterion, NodeTrackingTemplate),
            field!("Custom Parameter" => criterion, NodeCustomParameters),
            field!("Final Url Suffix" => criterion, NodeFinalUrlSuffix),
        ];
    };
}

tree_node_record! {
    /// An `Ad Group Product Partition`: one node of an ad group's product partition tree, a
    /// subdivision or a unit, bid on or excluded.
    BulkAdGroupProductPartition = "Ad Group Product Partition", kind 516,
    table AD_GROUP_PRODUCT_PARTITION,
    sub type PartitionSubType, parent PartitionParent,
    condition ("Product Condition 1", PartitionOperand),
    value ("Product Value 1", PartitionAttribute),
    [field!("Destination Url" => criterion, NodeDestinationUrl)]
}

tree_node_record! {
    /// An `Ad Group Hotel Listing Group`: one node of a hotel ad group's listing group tree, a
    /// subdivision or a unit, bid on or excluded.
    BulkAdGroupHotelListingGroup = "Ad Group Hotel Listing Group", kind 517,
    table AD_GROUP_HOTEL_LISTING_GROUP,
    sub type HotelSubType, parent HotelParent,
    condition ("Hotel Attribute", HotelOperand),
    value ("Hotel Attribute Value", HotelAttribute),
    []
}
