//! `Keyword` records, with their quality score columns and the bid suggestion rows
//! (`Keyword Best Position Bid`, `Keyword Main Line Bid`, `Keyword First Page Bid`) that
//! follow a keyword in a download with the `BidSuggestionsData` scope.

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management::Keyword;

use super::bidding;
use super::macros::bulk_record;
use crate::bulk::error::BulkError;
use crate::bulk::file::writer::RowWriter;
use crate::bulk::row::BulkRow;
use crate::bulk::table::{Column, Positions, col, field};
use crate::bulk::values::{BulkDateTime, CustomParams, Enum, Int, KeywordBid, Long, Text, Urls};

/// Quality score columns of a keyword (read-only; filled in downloads with the
/// `QualityScoreData` scope).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QualityScoreData {
    /// `Quality Score` (1–10).
    pub quality_score: Option<i32>,
    /// `Keyword Relevance` (1–3).
    pub keyword_relevance: Option<i32>,
    /// `Landing Page Relevance` (1–3).
    pub landing_page_relevance: Option<i32>,
    /// `Landing Page User Experience` (1–3).
    pub landing_page_user_experience: Option<i32>,
}

/// The row types of keyword bid suggestions.
pub const BID_SUGGESTION_TYPES: &[&str] = &[
    "Keyword Best Position Bid",
    "Keyword Main Line Bid",
    "Keyword First Page Bid",
];

/// A bid suggestion row following its keyword (read-only).
#[derive(Debug, Clone, PartialEq)]
pub struct BidSuggestion {
    pub row: BulkRow,
}

impl BidSuggestion {
    /// Which suggestion: the row type (`Keyword Main Line Bid`, ...).
    pub fn kind(&self) -> &str {
        self.row.record_type()
    }

    /// The suggested bid (`Bid` column), if it is a number.
    pub fn bid(&self) -> Option<f64> {
        self.row.get("Bid").and_then(|b| b.trim().parse().ok())
    }
}

bulk_record! {
    /// A `Keyword`.
    pub struct BulkKeyword = "Keyword" (kind 6, entity keyword: Keyword, rows self) {
        /// `Parent Id`: the ad group id.
        pub ad_group_id: Option<i64>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
        /// `Ad Group`: the ad group's name.
        pub ad_group_name: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
        pub quality_score: QualityScoreData,
        /// Bid suggestion rows that followed the keyword.
        pub bid_suggestions: Vec<BidSuggestion>,
    }
    table KEYWORD
}

static KEYWORD: &[Column<BulkKeyword>] = &[
    field!("Status" => keyword.status, Enum),
    field!("Id" => keyword.id, Long),
    col!("Parent Id" => ad_group_id, Long),
    col!("Campaign" => campaign_name, Text),
    col!("Ad Group" => ad_group_name, Text),
    field!("Keyword" => keyword.text, Text),
    field!("Editorial Status" => keyword.editorial_status, Enum),
    field!("Match Type" => keyword.match_type, Enum),
    field!("Destination Url" => keyword.destination_url, Text),
    field!("Bid" => keyword.bid, KeywordBid),
    field!("Param1" => keyword.param1, Text),
    field!("Param2" => keyword.param2, Text),
    field!("Param3" => keyword.param3, Text),
    field!("Final Url" => keyword.final_urls, Urls),
    field!("Mobile Final Url" => keyword.final_mobile_urls, Urls),
    field!("Tracking Template" => keyword.tracking_url_template, Text),
    field!("Custom Parameter" => keyword.url_custom_parameters, CustomParams),
    field!("Bid Strategy Type" => keyword.bidding_scheme, bidding::StrategyType),
    field!("Inherited Bid Strategy Type" => keyword.bidding_scheme, bidding::InheritedType),
    field!("Final Url Suffix" => keyword.final_url_suffix, Text),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
    col!("Quality Score" => quality_score.quality_score, Int),
    col!("Keyword Relevance" => quality_score.keyword_relevance, Int),
    col!("Landing Page Relevance" => quality_score.landing_page_relevance, Int),
    col!("Landing Page User Experience" => quality_score.landing_page_user_experience, Int),
];

/// Bid suggestions follow their keyword; they are kept with it.
pub(crate) fn continues_with(_k: &BulkKeyword, row: &BulkRow) -> bool {
    BID_SUGGESTION_TYPES.contains(&row.record_type())
}

pub(crate) fn push_row(
    k: &mut BulkKeyword,
    row: BulkRow,
    _p: &mut Positions,
) -> Result<(), BulkError> {
    k.bid_suggestions.push(BidSuggestion { row });
    Ok(())
}

pub(crate) fn write_more(k: &BulkKeyword, out: &mut RowWriter) -> Result<(), BulkError> {
    for s in &k.bid_suggestions {
        out.write_row(&s.row)?;
    }
    Ok(())
}
