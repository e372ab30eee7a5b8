//! Target criterion records at campaign and ad group level (`Campaign Age Criterion`,
//! `Ad Group Gender Criterion`, ...): each holds the generated `BiddableCampaignCriterion` /
//! `BiddableAdGroupCriterion` (bid as a `BidMultiplier`: `Bid Adjustment`) or, for exclusions,
//! `NegativeCampaignCriterion` / `NegativeAdGroupCriterion`, whose `Criterion` is the kind's
//! criterion type (`Target`).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/target_criterions/`
//! (`BulkCampaignBiddableCriterion`, `BulkAdGroupBiddableCriterion` and one class per kind,
//! e.g. `BulkCampaignAgeCriterion`) and the Microsoft bulk schema pages of the same names
//! ("Campaign Age Criterion", "Ad Group Gender Criterion", ...).

use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::campaign_management::{
    BiddableAdGroupCriterion, BiddableCampaignCriterion, NegativeAdGroupCriterion,
    NegativeCampaignCriterion,
};

use super::macros::bulk_record;
use crate::bulk::criterion_values::{
    AgeTarget, BidAdjustment, CashbackPercent, DeviceOsNames, DeviceTarget, GenderTarget,
    LocationIntentTarget,
};
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

/// Declares a campaign-level criterion record: biddable (`Bid Adjustment`, `Cashback
/// Percent`) or not, and its kind's columns.
macro_rules! campaign_criterion {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, biddable, [$($own:expr),* $(,)?]) => {
        campaign_criterion!(@record $(#[$m])* $name = $type, $kind, $table, BiddableCampaignCriterion, [
            field!("Bid Adjustment" => criterion.criterion_bid, BidAdjustment),
            field!("Cashback Percent" => criterion.criterion_cashback, CashbackPercent),
            $($own,)*
        ]);
    };
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, negative, [$($own:expr),* $(,)?]) => {
        campaign_criterion!(@record $(#[$m])* $name = $type, $kind, $table, NegativeCampaignCriterion, [$($own,)*]);
    };
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, plain, [$($own:expr),* $(,)?]) => {
        campaign_criterion!(@record $(#[$m])* $name = $type, $kind, $table, BiddableCampaignCriterion, [$($own,)*]);
    };
    (@record $(#[$m:meta])* $name:ident = $type:literal, $kind:literal, $table:ident, $ety:ty, [$($own:expr),* $(,)?]) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity criterion: $ety) {
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
            $($own,)*
        ];
    };
}

/// Declares an ad-group-level criterion record: biddable or not, and its kind's columns.
macro_rules! ad_group_criterion {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, biddable, [$($own:expr),* $(,)?]) => {
        ad_group_criterion!(@record $(#[$m])* $name = $type, $kind, $table, BiddableAdGroupCriterion, [
            field!("Bid Adjustment" => criterion.criterion_bid, BidAdjustment),
            field!("Cashback Percent" => criterion.criterion_cashback, CashbackPercent),
            $($own,)*
        ]);
    };
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, negative, [$($own:expr),* $(,)?]) => {
        ad_group_criterion!(@record $(#[$m])* $name = $type, $kind, $table, NegativeAdGroupCriterion, [$($own,)*]);
    };
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, plain, [$($own:expr),* $(,)?]) => {
        ad_group_criterion!(@record $(#[$m])* $name = $type, $kind, $table, BiddableAdGroupCriterion, [$($own,)*]);
    };
    (@record $(#[$m:meta])* $name:ident = $type:literal, $kind:literal, $table:ident, $ety:ty, [$($own:expr),* $(,)?]) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity criterion: $ety) {
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
            $($own,)*
        ];
    };
}

campaign_criterion!(
    /// A `Campaign Age Criterion`: a bid adjustment for an age range.
    BulkCampaignAgeCriterion = "Campaign Age Criterion", kind 160, table CAMPAIGN_AGE, biddable,
    [field!("Target" => criterion.criterion, AgeTarget)]
);
campaign_criterion!(
    /// A `Campaign Gender Criterion`: a bid adjustment for a gender.
    BulkCampaignGenderCriterion = "Campaign Gender Criterion", kind 161, table CAMPAIGN_GENDER, biddable,
    [field!("Target" => criterion.criterion, GenderTarget)]
);
ad_group_criterion!(
    /// An `Ad Group Age Criterion`: a bid adjustment for an age range.
    BulkAdGroupAgeCriterion = "Ad Group Age Criterion", kind 162, table AD_GROUP_AGE, biddable,
    [field!("Target" => criterion.criterion, AgeTarget)]
);
ad_group_criterion!(
    /// An `Ad Group Gender Criterion`: a bid adjustment for a gender.
    BulkAdGroupGenderCriterion = "Ad Group Gender Criterion", kind 163, table AD_GROUP_GENDER, biddable,
    [field!("Target" => criterion.criterion, GenderTarget)]
);
campaign_criterion!(
    /// A `Campaign DeviceOS Criterion`: a bid adjustment for a device (and its OS names).
    BulkCampaignDeviceOsCriterion = "Campaign DeviceOS Criterion", kind 164, table CAMPAIGN_DEVICE, biddable,
    [
        field!("Target" => criterion.criterion, DeviceTarget),
        field!("OS Names" => criterion.criterion, DeviceOsNames),
    ]
);
ad_group_criterion!(
    /// An `Ad Group DeviceOS Criterion`: a bid adjustment for a device (and its OS names).
    BulkAdGroupDeviceOsCriterion = "Ad Group DeviceOS Criterion", kind 165, table AD_GROUP_DEVICE, biddable,
    [
        field!("Target" => criterion.criterion, DeviceTarget),
        field!("OS Names" => criterion.criterion, DeviceOsNames),
    ]
);
campaign_criterion!(
    /// A `Campaign Location Intent Criterion`: which location intent the campaign targets.
    BulkCampaignLocationIntentCriterion = "Campaign Location Intent Criterion", kind 166,
    table CAMPAIGN_LOCATION_INTENT, plain,
    [field!("Target" => criterion.criterion, LocationIntentTarget)]
);
ad_group_criterion!(
    /// An `Ad Group Location Intent Criterion`: which location intent the ad group targets.
    BulkAdGroupLocationIntentCriterion = "Ad Group Location Intent Criterion", kind 167,
    table AD_GROUP_LOCATION_INTENT, plain,
    [field!("Target" => criterion.criterion, LocationIntentTarget)]
);
campaign_criterion!(
    /// A `Campaign Negative Age Criterion`: an age range the campaign excludes.
    BulkCampaignNegativeAgeCriterion = "Campaign Negative Age Criterion", kind 168,
    table CAMPAIGN_NEGATIVE_AGE, negative,
    [field!("Target" => criterion.criterion, AgeTarget)]
);
campaign_criterion!(
    /// A `Campaign Negative Gender Criterion`: a gender the campaign excludes.
    BulkCampaignNegativeGenderCriterion = "Campaign Negative Gender Criterion", kind 169,
    table CAMPAIGN_NEGATIVE_GENDER, negative,
    [field!("Target" => criterion.criterion, GenderTarget)]
);
campaign_criterion!(
    /// A `Campaign Negative Device Criterion`: a device the campaign excludes.
    BulkCampaignNegativeDeviceCriterion = "Campaign Negative Device Criterion", kind 170,
    table CAMPAIGN_NEGATIVE_DEVICE, negative,
    [field!("Target" => criterion.criterion, DeviceTarget)]
);
ad_group_criterion!(
    /// An `Ad Group Negative Age Criterion`: an age range the ad group excludes.
    BulkAdGroupNegativeAgeCriterion = "Ad Group Negative Age Criterion", kind 171,
    table AD_GROUP_NEGATIVE_AGE, negative,
    [field!("Target" => criterion.criterion, AgeTarget)]
);
ad_group_criterion!(
    /// An `Ad Group Negative Gender Criterion`: a gender the ad group excludes.
    BulkAdGroupNegativeGenderCriterion = "Ad Group Negative Gender Criterion", kind 172,
    table AD_GROUP_NEGATIVE_GENDER, negative,
    [field!("Target" => criterion.criterion, GenderTarget)]
);
