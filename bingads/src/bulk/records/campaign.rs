//! `Campaign` and `Ad Group` records.

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management::{AdGroup, Campaign};

use super::bidding;
use super::macros::bulk_record;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{
    Bool, BulkDate, BulkDateTime, CampaignTypes, CustomParams, Enum, Int, Long, Number,
    SemicolonList, Text,
};

bulk_record! {
    /// A `Campaign`.
    pub struct BulkCampaign = "Campaign" (kind 4, entity campaign: Campaign) {
        /// `Parent Id`: the account id.
        pub account_id: Option<i64>,
        /// `Budget Name`: the shared budget's name (read-only).
        pub budget_name: Option<String>,
        /// `Bid Strategy Name`: the portfolio bid strategy's name (read-only).
        pub bid_strategy_name: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table CAMPAIGN
}

static CAMPAIGN: &[Column<BulkCampaign>] = &[
    field!("Campaign Type" => campaign.campaign_type, CampaignTypes),
    field!("Status" => campaign.status, Enum),
    field!("Id" => campaign.id, Long),
    col!("Parent Id" => account_id, Long),
    field!("Campaign" => campaign.name, Text),
    field!("Time Zone" => campaign.time_zone, Text),
    field!("Language" => campaign.languages, SemicolonList),
    field!("Budget" => campaign.daily_budget, Number),
    field!("Budget Type" => campaign.budget_type, Enum),
    field!("Budget Id" => campaign.budget_id, Long),
    col!("Budget Name" => budget_name, Text),
    field!("Bid Adjustment" => campaign.audience_ads_bid_adjustment, Int),
    field!("Multi Media Ad Bid Adjustment" => campaign.multimedia_ads_bid_adjustment, Int),
    field!("Tracking Template" => campaign.tracking_url_template, Text),
    field!("Final Url Suffix" => campaign.final_url_suffix, Text),
    field!("Custom Parameter" => campaign.url_custom_parameters, CustomParams),
    field!("Bid Strategy Type" => campaign.bidding_scheme, bidding::StrategyType),
    field!("Bid Strategy MaxCpc" => campaign.bidding_scheme, bidding::MaxCpc),
    field!("Bid Strategy TargetCpa" => campaign.bidding_scheme, bidding::TargetCpa),
    field!("Bid Strategy TargetRoas" => campaign.bidding_scheme, bidding::TargetRoas),
    field!("Bid Strategy TargetAdPosition" => campaign.bidding_scheme, bidding::TargetAdPosition),
    field!("Bid Strategy TargetImpressionShare" => campaign.bidding_scheme, bidding::TargetImpressionShare),
    field!("Bid Strategy Id" => campaign.bid_strategy_id, Long),
    col!("Bid Strategy Name" => bid_strategy_name, Text),
    field!("Bid Strategy Scope" => campaign.bid_strategy_scope, Enum),
    field!("Sub Type" => campaign.sub_type, Text),
    field!("Experiment Id" => campaign.experiment_id, Long),
    field!("Ad Schedule Use Searcher Time Zone" => campaign.ad_schedule_use_searcher_time_zone, Bool),
    field!("Is Political" => campaign.is_political, Bool),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];

bulk_record! {
    /// An `Ad Group`.
    pub struct BulkAdGroup = "Ad Group" (kind 5, entity ad_group: AdGroup) {
        /// `Parent Id`: the campaign id.
        pub campaign_id: Option<i64>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table AD_GROUP
}

static AD_GROUP: &[Column<BulkAdGroup>] = &[
    field!("Id" => ad_group.id, Long),
    field!("Status" => ad_group.status, Enum),
    col!("Parent Id" => campaign_id, Long),
    col!("Campaign" => campaign_name, Text),
    field!("Ad Group" => ad_group.name, Text),
    field!("Start Date" => ad_group.start_date, BulkDate),
    field!("End Date" => ad_group.end_date, BulkDate),
    field!("Network Distribution" => ad_group.network, Enum),
    field!("Cpc Bid" => ad_group.cpc_bid, crate::bulk::values::KeywordBid),
    field!("Cpv Bid" => ad_group.cpv_bid, crate::bulk::values::KeywordBid),
    field!("Cpm Bid" => ad_group.cpm_bid, crate::bulk::values::KeywordBid),
    field!("Language" => ad_group.language, Text),
    field!("Bid Adjustment" => ad_group.audience_ads_bid_adjustment, Int),
    field!("Multi Media Ad Bid Adjustment" => ad_group.multimedia_ads_bid_adjustment, Int),
    field!("Tracking Template" => ad_group.tracking_url_template, Text),
    field!("Final Url Suffix" => ad_group.final_url_suffix, Text),
    field!("Custom Parameter" => ad_group.url_custom_parameters, CustomParams),
    field!("Bid Strategy Type" => ad_group.bidding_scheme, bidding::StrategyType),
    field!("Inherited Bid Strategy Type" => ad_group.bidding_scheme, bidding::InheritedType),
    field!("Bid Strategy MaxCpc" => ad_group.bidding_scheme, bidding::MaxCpc),
    field!("Bid Strategy TargetCpa" => ad_group.bidding_scheme, bidding::TargetCpa),
    field!("Bid Strategy TargetRoas" => ad_group.bidding_scheme, bidding::TargetRoas),
    field!("Privacy Status" => ad_group.privacy_status, Enum),
    field!("Ad Schedule Use Searcher Time Zone" => ad_group.ad_schedule_use_searcher_time_zone, Bool),
    field!("Ad Group Type" => ad_group.ad_group_type, Text),
    field!("Use Optimized Targeting" => ad_group.use_optimized_targeting, Bool),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];
