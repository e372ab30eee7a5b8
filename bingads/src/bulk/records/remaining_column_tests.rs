//! Column-level checks for the record types typed last (conversion uploads, company lists,
//! topics and content placements, ad customizer attributes, AI prompt audiences): every column
//! read from an empty, a typical and an edge cell, written back, and `delete_value` handled,
//! through the same check as the Performance Max tables. The webpage, product and hotel
//! records have theirs in `condition_column_tests`.

use super::asset_column_tests::check_table;
use super::*;

#[test]
fn conversion_upload_tables_round_trip_every_column() {
    let total =
        check_table::<BulkOfflineConversion>() + check_table::<BulkOnlineConversionAdjustment>();
    assert!(total > 50, "{total}");
}

#[test]
fn company_list_topic_and_placement_tables_round_trip_every_column() {
    let total = check_table::<BulkCompanyList>()
        + check_table::<BulkCompanyItem>()
        + check_table::<BulkTopic>()
        + check_table::<BulkContentPlacement>();
    assert!(total > 60, "{total}");
}

#[test]
fn ad_customizer_and_ai_prompt_audience_tables_round_trip_every_column() {
    let total = check_table::<BulkAdCustomizerAttribute>()
        + check_table::<BulkCampaignAdCustomizerAttribute>()
        + check_table::<BulkAdGroupAdCustomizerAttribute>()
        + check_table::<BulkKeywordAdCustomizerAttribute>()
        + check_table::<BulkAiPromptAudience>();
    assert!(total > 80, "{total}");
}
