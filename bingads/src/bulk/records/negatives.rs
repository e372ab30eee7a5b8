//! Negative keywords (campaign, ad group, and shared lists with their items and campaign
//! associations).

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management::{
    NegativeKeyword, NegativeKeywordList, SharedEntityAssociation,
};

use super::macros::bulk_record;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{BulkDateTime, Enum, Long, Text};

bulk_record! {
    /// A `Campaign Negative Keyword`.
    pub struct BulkCampaignNegativeKeyword = "Campaign Negative Keyword" (kind 20, entity negative_keyword: NegativeKeyword) {
        /// `Parent Id`: the campaign id.
        pub campaign_id: Option<i64>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table CAMPAIGN_NEGATIVE_KEYWORD
}

static CAMPAIGN_NEGATIVE_KEYWORD: &[Column<BulkCampaignNegativeKeyword>] = &[
    field!("Id" => negative_keyword.id, Long),
    col!("Status" => status, Text),
    col!("Parent Id" => campaign_id, Long),
    col!("Campaign" => campaign_name, Text),
    field!("Keyword" => negative_keyword.text, Text),
    field!("Match Type" => negative_keyword.match_type, Enum),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];

bulk_record! {
    /// An `Ad Group Negative Keyword`.
    pub struct BulkAdGroupNegativeKeyword = "Ad Group Negative Keyword" (kind 21, entity negative_keyword: NegativeKeyword) {
        /// `Parent Id`: the ad group id.
        pub ad_group_id: Option<i64>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
        /// `Ad Group`: the ad group's name.
        pub ad_group_name: Option<String>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table AD_GROUP_NEGATIVE_KEYWORD
}

static AD_GROUP_NEGATIVE_KEYWORD: &[Column<BulkAdGroupNegativeKeyword>] = &[
    field!("Id" => negative_keyword.id, Long),
    col!("Status" => status, Text),
    col!("Parent Id" => ad_group_id, Long),
    col!("Campaign" => campaign_name, Text),
    col!("Ad Group" => ad_group_name, Text),
    field!("Keyword" => negative_keyword.text, Text),
    field!("Match Type" => negative_keyword.match_type, Enum),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];

bulk_record! {
    /// A `Negative Keyword List` (a shared list; its items are `Shared Negative Keyword`s).
    pub struct BulkNegativeKeywordList = "Negative Keyword List" (kind 22, entity negative_keyword_list: NegativeKeywordList) {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table NEGATIVE_KEYWORD_LIST
}

static NEGATIVE_KEYWORD_LIST: &[Column<BulkNegativeKeywordList>] = &[
    field!("Id" => negative_keyword_list.id, Long),
    col!("Status" => status, Text),
    field!("Name" => negative_keyword_list.name, Text),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];

bulk_record! {
    /// A `Shared Negative Keyword`: an item of a negative keyword list.
    pub struct BulkSharedNegativeKeyword = "Shared Negative Keyword" (kind 23, entity negative_keyword: NegativeKeyword) {
        /// `Parent Id`: the negative keyword list's id.
        pub list_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table SHARED_NEGATIVE_KEYWORD
}

static SHARED_NEGATIVE_KEYWORD: &[Column<BulkSharedNegativeKeyword>] = &[
    field!("Id" => negative_keyword.id, Long),
    col!("Status" => status, Text),
    col!("Parent Id" => list_id, Long),
    field!("Keyword" => negative_keyword.text, Text),
    field!("Match Type" => negative_keyword.match_type, Enum),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];

bulk_record! {
    /// A `Campaign Negative Keyword List Association`: a list applied to a campaign.
    pub struct BulkCampaignNegativeKeywordList = "Campaign Negative Keyword List Association" (kind 24, entity association: SharedEntityAssociation) {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table CAMPAIGN_NEGATIVE_KEYWORD_LIST
}

static CAMPAIGN_NEGATIVE_KEYWORD_LIST: &[Column<BulkCampaignNegativeKeywordList>] = &[
    col!("Status" => status, Text),
    field!("Id" => association.shared_entity_id, Long),
    field!("Parent Id" => association.entity_id, Long),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];
