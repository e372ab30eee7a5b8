//! The webpage criterions: an ad group's `Ad Group Url Target` (the pages its ads may lead to)
//! and `Ad Group Dynamic Search Ad Target` (the pages a dynamic search ad group targets, with
//! a fixed bid and tracking), and the excluded pages of an ad group or a campaign (`Ad Group
//! Negative Dynamic Search Ad Target`, `Campaign Negative Dynamic Search Ad Target`,
//! `Campaign Negative Webpage`). Each holds the generated criterion (biddable or negative)
//! whose `Criterion` is a `Webpage`: its `CriterionName` in `Name` and up to three
//! `WebpageCondition`s, condition N in the `… Condition N`, `… Value N` and `… Operator N`
//! columns (`Dynamic Ad Target …`, or `Ad Group Url Target …` for a URL target).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/`
//! (`BulkAdGroupUrlTarget`, `BulkAdGroupDynamicSearchAdTarget`,
//! `BulkAdGroupNegativeDynamicSearchAdTarget`, `BulkCampaignNegativeDynamicSearchAdTarget`,
//! `BulkCampaignNegativeWebpage`, and `entity_to_csv_DSAWebpageParameter` for the condition
//! columns) and the Microsoft bulk schema pages of the same names.

use super::criterion_record::criterion_record;
use super::macros::bulk_record;
use crate::bulk::condition_values::{
    FixedBidAmount, WebpageArgument, WebpageName, WebpageOperand, WebpageOperator,
};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{CustomParams, Enum, Long, Text};

/// A webpage criterion record: `criterion_record!` with the page's `Name` and its three
/// condition slots, named `$condition N`, `$value N` and `$operator N` (the SDK's names differ
/// between URL targets and dynamic search ad targets), after the `$before` columns and before
/// the `$after` ones.
macro_rules! webpage_record {
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident,
        $level:ident, $polarity:ident,
        slots ($condition:literal, $value:literal, $operator:literal),
        [$($before:expr),* $(,)?] [$($after:expr),* $(,)?]
    ) => {
        criterion_record!(
            $(#[$m])* $name = $type, kind $kind, table $table, $level, $polarity, {}
            [
                $($before,)*
                field!("Name" => criterion.criterion, WebpageName),
                field!(concat!($condition, " 1") => criterion.criterion, WebpageOperand<0>),
                field!(concat!($value, " 1") => criterion.criterion, WebpageArgument<0>),
                field!(concat!($operator, " 1") => criterion.criterion, WebpageOperator<0>),
                field!(concat!($condition, " 2") => criterion.criterion, WebpageOperand<1>),
                field!(concat!($value, " 2") => criterion.criterion, WebpageArgument<1>),
                field!(concat!($operator, " 2") => criterion.criterion, WebpageOperator<1>),
                field!(concat!($condition, " 3") => criterion.criterion, WebpageOperand<2>),
                field!(concat!($value, " 3") => criterion.criterion, WebpageArgument<2>),
                field!(concat!($operator, " 3") => criterion.criterion, WebpageOperator<2>),
                $($after,)*
            ]
        );
    };
}

webpage_record!(
    /// An `Ad Group Url Target`: the pages (up to three URL conditions) an ad group's ads may
    /// lead to.
    BulkAdGroupUrlTarget = "Ad Group Url Target",
    kind 510, table AD_GROUP_URL_TARGET, ad_group, biddable_without_adjustment,
    slots ("Ad Group Url Target Condition", "Ad Group Url Target Value", "Ad Group Url Target Operator"),
    [] []
);
webpage_record!(
    /// An `Ad Group Dynamic Search Ad Target`: pages a dynamic search ad group targets, with
    /// its fixed bid and tracking.
    BulkAdGroupDynamicSearchAdTarget = "Ad Group Dynamic Search Ad Target",
    kind 511, table AD_GROUP_DYNAMIC_SEARCH_AD_TARGET, ad_group, biddable_without_adjustment,
    slots ("Dynamic Ad Target Condition", "Dynamic Ad Target Value", "Dynamic Ad Target Condition Operator"),
    [field!("Bid" => criterion.criterion_bid, FixedBidAmount)]
    [
        field!("Tracking Template" => criterion.tracking_url_template, Text),
        field!("Custom Parameter" => criterion.url_custom_parameters, CustomParams),
        field!("Final Url Suffix" => criterion.final_url_suffix, Text),
    ]
);
webpage_record!(
    /// An `Ad Group Negative Dynamic Search Ad Target`: pages a dynamic search ad group
    /// excludes.
    BulkAdGroupNegativeDynamicSearchAdTarget = "Ad Group Negative Dynamic Search Ad Target",
    kind 512, table AD_GROUP_NEGATIVE_DYNAMIC_SEARCH_AD_TARGET, ad_group, negative,
    slots ("Dynamic Ad Target Condition", "Dynamic Ad Target Value", "Dynamic Ad Target Condition Operator"),
    [] []
);
webpage_record!(
    /// A `Campaign Negative Dynamic Search Ad Target`: pages a campaign's dynamic search ads
    /// exclude.
    BulkCampaignNegativeDynamicSearchAdTarget = "Campaign Negative Dynamic Search Ad Target",
    kind 513, table CAMPAIGN_NEGATIVE_DYNAMIC_SEARCH_AD_TARGET, campaign, negative,
    slots ("Dynamic Ad Target Condition", "Dynamic Ad Target Value", "Dynamic Ad Target Condition Operator"),
    [] []
);
webpage_record!(
    /// A `Campaign Negative Webpage`: pages a campaign excludes (the SDK maps it as a campaign
    /// negative dynamic search ad target under its own `Type`).
    BulkCampaignNegativeWebpage = "Campaign Negative Webpage",
    kind 514, table CAMPAIGN_NEGATIVE_WEBPAGE, campaign, negative,
    slots ("Dynamic Ad Target Condition", "Dynamic Ad Target Value", "Dynamic Ad Target Condition Operator"),
    [] []
);
