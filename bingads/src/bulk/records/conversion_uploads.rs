//! Conversion uploads in a bulk file: `Offline Conversion` (a conversion matched to an ad
//! click by its Microsoft Click Id, with an optional restatement or retraction) and `Online
//! Conversion Adjustment` (a restatement or retraction of a conversion the tag recorded,
//! matched by its transaction id). The service only takes these rows in uploads.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/bulk_offline_conversion.py`
//! (`BulkOfflineConversion`) and `bulk_online_conversion_adjustment.py`
//! (`BulkOnlineConversionAdjustment`), and the Microsoft bulk schema pages "Offline
//! Conversion" and "Online Conversion Adjustment". Times are `MM/DD/YYYY HH:MM:SS`, as the
//! SDK writes them.

use bingads_gen::v13::campaign_management::{OfflineConversion, OnlineConversionAdjustment};

use super::macros::bulk_record;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{BulkDateTime, Number, Text};

bulk_record! {
    /// An `Offline Conversion`: the API's `OfflineConversion`, plus the adjustment columns
    /// that restate or retract it (the API takes those through a separate call).
    pub struct BulkOfflineConversion = "Offline Conversion"
        (kind 506, entity conversion: OfflineConversion)
    {
        /// `Adjustment Value`: the restated value.
        pub adjustment_value: Option<f64>,
        /// `Adjustment Time`: when the restatement or retraction applies.
        pub adjustment_time: Option<bingads_gen::types::DateTime>,
        /// `Adjustment Type` (`Restate`, `Retract`).
        pub adjustment_type: Option<String>,
        /// `Adjustment Currency Code`.
        pub adjustment_currency_code: Option<String>,
    }
    table OFFLINE_CONVERSION
}

static OFFLINE_CONVERSION: &[Column<BulkOfflineConversion>] = &[
    field!("Conversion Currency Code" => conversion.conversion_currency_code, Text),
    field!("Conversion Name" => conversion.conversion_name, Text),
    field!("Microsoft Click Id" => conversion.microsoft_click_id, Text),
    field!("Conversion Value" => conversion.conversion_value, Number),
    field!("Conversion Time" => conversion.conversion_time, BulkDateTime),
    col!("Adjustment Value" => adjustment_value, Number),
    col!("Adjustment Type" => adjustment_type, Text),
    col!("Adjustment Currency Code" => adjustment_currency_code, Text),
    field!("External Attribution Model" => conversion.external_attribution_model, Text),
    field!("External Attribution Credit" => conversion.external_attribution_credit, Number),
    col!("Adjustment Time" => adjustment_time, BulkDateTime),
];

bulk_record! {
    /// An `Online Conversion Adjustment`: the API's `OnlineConversionAdjustment`.
    pub struct BulkOnlineConversionAdjustment = "Online Conversion Adjustment"
        (kind 507, entity adjustment: OnlineConversionAdjustment) {}
    table ONLINE_CONVERSION_ADJUSTMENT
}

static ONLINE_CONVERSION_ADJUSTMENT: &[Column<BulkOnlineConversionAdjustment>] = &[
    field!("Transaction Id" => adjustment.transaction_id, Text),
    field!("Conversion Name" => adjustment.conversion_name, Text),
    field!("Adjustment Type" => adjustment.adjustment_type, Text),
    field!("Adjustment Value" => adjustment.adjustment_value, Number),
    field!("Adjustment Time" => adjustment.adjustment_time, BulkDateTime),
    field!("Adjustment Currency Code" => adjustment.adjustment_currency_code, Text),
];
