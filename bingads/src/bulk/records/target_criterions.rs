//! Target criterion records at campaign and ad group level (`Campaign Age Criterion`,
//! `Ad Group Gender Criterion`, ...): each holds the generated `BiddableCampaignCriterion` or
//! `BiddableAdGroupCriterion`, whose `Criterion` is the kind's criterion type and whose bid is
//! a `BidMultiplier` (`Bid Adjustment`).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/target_criterions/`
//! (`BulkCampaignBiddableCriterion`, `BulkAdGroupBiddableCriterion` and one class per kind,
//! e.g. `BulkCampaignAgeCriterion`) and the Microsoft bulk schema pages of the same names
//! ("Campaign Age Criterion", "Ad Group Gender Criterion", ...).

use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::campaign_management::{BiddableAdGroupCriterion, BiddableCampaignCriterion};

use super::macros::bulk_record;
use crate::bulk::criterion_values::{AgeTarget, BidAdjustment, CashbackPercent, GenderTarget};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Enum, Long, Text, WireEnum};

macro_rules! wire_enums {
    ($($t:ty),* $(,)?) => {$(
        impl WireEnum for $t {
            fn from_wire(s: &str) -> Self { <$t>::from_wire(s) }
            fn wire_name(&self) -> &str { self.as_str() }
        }
    )*};
}

wire_enums!(cm::CampaignCriterionStatus, cm::AdGroupCriterionStatus);

/// Declares a campaign-level biddable criterion record with its `Target` format.
macro_rules! campaign_criterion {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, target $target:ty) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity criterion: BiddableCampaignCriterion) {
                /// `Campaign`: the campaign's name.
                pub campaign_name: Option<String>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            field!("Status" => criterion.status, Enum),
            field!("Id" => criterion.id, Long),
            field!("Parent Id" => criterion.campaign_id, Long),
            col!("Campaign" => campaign_name, Text),
            field!("Bid Adjustment" => criterion.criterion_bid, BidAdjustment),
            field!("Cashback Percent" => criterion.criterion_cashback, CashbackPercent),
            field!("Target" => criterion.criterion, $target),
        ];
    };
}

/// Declares an ad-group-level biddable criterion record with its `Target` format.
macro_rules! ad_group_criterion {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, target $target:ty) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity criterion: BiddableAdGroupCriterion) {
                /// `Campaign`: the campaign's name.
                pub campaign_name: Option<String>,
                /// `Ad Group`: the ad group's name.
                pub ad_group_name: Option<String>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            field!("Status" => criterion.status, Enum),
            field!("Id" => criterion.id, Long),
            field!("Parent Id" => criterion.ad_group_id, Long),
            col!("Campaign" => campaign_name, Text),
            col!("Ad Group" => ad_group_name, Text),
            field!("Bid Adjustment" => criterion.criterion_bid, BidAdjustment),
            field!("Cashback Percent" => criterion.criterion_cashback, CashbackPercent),
            field!("Target" => criterion.criterion, $target),
        ];
    };
}

campaign_criterion!(
    /// A `Campaign Age Criterion`: a bid adjustment for an age range.
    BulkCampaignAgeCriterion = "Campaign Age Criterion", kind 160, table CAMPAIGN_AGE, target AgeTarget
);
campaign_criterion!(
    /// A `Campaign Gender Criterion`: a bid adjustment for a gender.
    BulkCampaignGenderCriterion = "Campaign Gender Criterion", kind 161, table CAMPAIGN_GENDER, target GenderTarget
);
ad_group_criterion!(
    /// An `Ad Group Age Criterion`: a bid adjustment for an age range.
    BulkAdGroupAgeCriterion = "Ad Group Age Criterion", kind 162, table AD_GROUP_AGE, target AgeTarget
);
ad_group_criterion!(
    /// An `Ad Group Gender Criterion`: a bid adjustment for a gender.
    BulkAdGroupGenderCriterion = "Ad Group Gender Criterion", kind 163, table AD_GROUP_GENDER, target GenderTarget
);
