//! Account-level records: `Account`, `Budget` (shared budgets) and `Bid Strategy` (portfolio
//! bid strategies).

use bingads_gen::types::{DateTime, Nillable};
use bingads_gen::v13::campaign_management::{BidStrategy, Budget};

use super::bidding;
use super::macros::{bulk_only_record, bulk_record};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Bool, BulkDateTime, CampaignTypes, Dec, Enum, Long, Text};

bulk_only_record! {
    /// The `Account` row: account-wide settings.
    pub struct BulkAccount = "Account" (kind 1) table ACCOUNT {
        "Id" => id: Option<i64> as Long,
        /// The customer id.
        "Parent Id" => customer_id: Option<i64> as Long,
        /// Pass it as the last sync time of the next delta download.
        "Sync Time" => sync_time: Option<DateTime> as BulkDateTime,
        "MSCLKID Auto Tagging Enabled" => msclkid_auto_tagging_enabled: Nillable<bool> as Bool,
        /// `Nil` (`delete_value`) clears it.
        "Tracking Template" => tracking_url_template: Nillable<String> as Text,
        "Final Url Suffix" => final_url_suffix: Nillable<String> as Text,
        "Include View Through Conversions" => include_view_through_conversions: Nillable<bool> as Bool,
        "Profile Expansion Enabled" => profile_expansion_enabled: Nillable<bool> as Bool,
        "Ad Click Parallel Tracking" => ad_click_parallel_tracking: Nillable<bool> as Bool,
        "Allow Image Auto Retrieve" => allow_image_auto_retrieve: Nillable<bool> as Bool,
        "Client Id" => client_id: Option<String> as Text,
        "Modified Time" => modified_time: Option<DateTime> as BulkDateTime,
    }
}

bulk_record! {
    /// A shared `Budget`.
    pub struct BulkBudget = "Budget" (kind 2, entity budget: Budget) {
        /// `Parent Id`: the account id.
        pub account_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table BUDGET
}

static BUDGET: &[Column<BulkBudget>] = &[
    field!("Id" => budget.id, Long),
    col!("Parent Id" => account_id, Long),
    col!("Status" => status, Text),
    field!("Budget Name" => budget.name, Text),
    field!("Budget Type" => budget.budget_type, Enum),
    field!("Budget" => budget.amount, Dec),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];

bulk_record! {
    /// A portfolio `Bid Strategy`.
    pub struct BulkBidStrategy = "Bid Strategy" (kind 3, entity bid_strategy: BidStrategy) {
        /// `Parent Id`: the account id.
        pub account_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table BID_STRATEGY
}

static BID_STRATEGY: &[Column<BulkBidStrategy>] = &[
    field!("Id" => bid_strategy.id, Long),
    col!("Parent Id" => account_id, Long),
    col!("Status" => status, Text),
    field!("Bid Strategy Name" => bid_strategy.name, Text),
    field!("Campaign Type" => bid_strategy.associated_campaign_type, CampaignTypes),
    field!("Bid Strategy Scope" => bid_strategy.scope, Enum),
    field!("Currency Code" => bid_strategy.currency_code, Text),
    field!("Time Zone" => bid_strategy.reporting_time_zone, Text),
    field!("Bid Strategy Type" => bid_strategy.bidding_scheme, bidding::StrategyType),
    field!("Bid Strategy MaxCpc" => bid_strategy.bidding_scheme, bidding::MaxCpc),
    field!("Bid Strategy TargetCpa" => bid_strategy.bidding_scheme, bidding::TargetCpa),
    field!("Bid Strategy TargetRoas" => bid_strategy.bidding_scheme, bidding::TargetRoas),
    field!("Bid Strategy TargetAdPosition" => bid_strategy.bidding_scheme, bidding::TargetAdPosition),
    field!("Bid Strategy TargetImpressionShare" => bid_strategy.bidding_scheme, bidding::TargetImpressionShare),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];
