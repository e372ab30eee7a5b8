//! [`BulkRecord`]: every record kind the reader yields and the writer takes, and the
//! dispatch from a row's `Type` to its record kind. Each typed kind is a struct with a column
//! table (see [`crate::bulk::table`]); a row of any other type is an [`UntypedRecord`].

mod account;
mod ads;
mod bidding;
mod campaign;
mod keyword;
mod labels;
pub(crate) mod macros;
mod negatives;
mod sites;

#[cfg(test)]
mod column_tests;

pub use account::{BulkAccount, BulkBidStrategy, BulkBudget};
pub use ads::{
    BulkAppInstallAd, BulkDynamicSearchAd, BulkExpandedTextAd, BulkProductAd, BulkResponsiveAd,
    BulkResponsiveSearchAd, BulkTextAd,
};
pub use campaign::{BulkAdGroup, BulkCampaign};
pub use keyword::{BID_SUGGESTION_TYPES, BidSuggestion, BulkKeyword, QualityScoreData};
pub use labels::{
    BulkAdGroupLabel, BulkAppInstallAdLabel, BulkCampaignLabel, BulkDynamicSearchAdLabel,
    BulkExpandedTextAdLabel, BulkKeywordLabel, BulkLabel, BulkProductAdLabel,
    BulkResponsiveAdLabel, BulkResponsiveSearchAdLabel, BulkTextAdLabel,
};
pub use negatives::{
    BulkAdGroupNegativeKeyword, BulkCampaignNegativeKeyword, BulkCampaignNegativeKeywordList,
    BulkNegativeKeywordList, BulkSharedNegativeKeyword,
};
pub use sites::{
    BulkAdGroupNegativeSite, BulkAdGroupNegativeSites, BulkCampaignNegativeSite,
    BulkCampaignNegativeSites,
};

use super::error::BulkError;
use super::file::writer::RowWriter;
use super::record::{FormatVersion, RowError, UntypedRecord};
use super::row::BulkRow;
use super::table::{self, Positions, TypedRecord};

macro_rules! records {
    ($($(#[$m:meta])* $variant:ident($ty:ty),)*) => {
        /// One record of a bulk file.
        // Variants are unboxed on purpose: a reader yields one record at a time, and a box
        // would cost an allocation per row on the hot path for a saving nobody keeps.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum BulkRecord {
            /// The `Format Version` row.
            FormatVersion(FormatVersion),
            $($(#[$m])* $variant($ty),)*
            /// A record of a type without a typed record here: every cell kept as text.
            Untyped(UntypedRecord),
        }

        impl BulkRecord {
            /// The row type (`Keyword`, `Campaign`, ...).
            pub fn record_type(&self) -> &str {
                match self {
                    BulkRecord::FormatVersion(_) => "Format Version",
                    $(BulkRecord::$variant(_) => <$ty as TypedRecord>::TYPE,)*
                    BulkRecord::Untyped(u) => u.row.record_type(),
                }
            }

            /// The row number the record was read from (0 when built in memory).
            pub fn row_number(&self) -> u64 {
                match self {
                    BulkRecord::FormatVersion(v) => v.source.as_ref().map_or(0, BulkRow::number),
                    $(BulkRecord::$variant(r) => r.source().map_or(0, BulkRow::number),)*
                    BulkRecord::Untyped(u) => u.row.number(),
                }
            }

            /// The row this record was read from, if any.
            pub fn source(&self) -> Option<&BulkRow> {
                match self {
                    BulkRecord::FormatVersion(v) => v.source.as_ref(),
                    $(BulkRecord::$variant(r) => r.source(),)*
                    BulkRecord::Untyped(u) => Some(&u.row),
                }
            }

            /// The error rows the service attached to this record.
            pub fn errors(&self) -> &[RowError] {
                match self {
                    BulkRecord::FormatVersion(_) => &[],
                    $(BulkRecord::$variant(r) => r.errors(),)*
                    BulkRecord::Untyped(u) => &u.errors,
                }
            }

            pub(crate) fn push_error(&mut self, error: RowError) {
                match self {
                    BulkRecord::FormatVersion(_) => {}
                    $(BulkRecord::$variant(r) => r.attach_error(error),)*
                    BulkRecord::Untyped(u) => u.errors.push(error),
                }
            }

            /// Whether `row` is a further row of this (multi-row) record.
            pub(crate) fn continues_with(&self, row: &BulkRow) -> bool {
                match self {
                    $(BulkRecord::$variant(r) => r.continues_with(row),)*
                    _ => false,
                }
            }

            pub(crate) fn push_row(&mut self, row: BulkRow, positions: &mut Positions) -> Result<(), BulkError> {
                match self {
                    $(BulkRecord::$variant(r) => r.push_row(row, positions),)*
                    _ => Ok(()),
                }
            }
        }

        /// The record a row starts.
        pub(crate) fn from_row(row: BulkRow, positions: &mut Positions) -> Result<BulkRecord, BulkError> {
            let record_type = row.record_type();
            $(
                if record_type == <$ty as TypedRecord>::TYPE {
                    return table::read_row::<$ty>(row, positions).map(BulkRecord::$variant);
                }
            )*
            Ok(BulkRecord::Untyped(UntypedRecord { row, errors: Vec::new() }))
        }

        #[cfg(feature = "bulk-json")]
        impl BulkRecord {
            pub(crate) fn write_json(&self, w: &mut bingads_gen::json::JsonWriter) {
                match self {
                    BulkRecord::FormatVersion(v) => super::json::write_format_version(v, w),
                    $(BulkRecord::$variant(r) => super::json::write_typed(r, w),)*
                    BulkRecord::Untyped(u) => super::json::write_untyped(u, w),
                }
            }
        }

        /// A typed record from its JSON members, `None` when `record_type` is not typed.
        #[cfg(feature = "bulk-json")]
        pub(crate) fn from_json(
            record_type: &str,
            object: &[(String, bingads_gen::json::JsonValue)],
        ) -> Result<Option<BulkRecord>, String> {
            $(
                if record_type == <$ty as TypedRecord>::TYPE {
                    return super::json::read_typed::<$ty>(object).map(|r| Some(BulkRecord::$variant(r)));
                }
            )*
            Ok(None)
        }

        /// Writes a record's rows.
        pub(crate) fn write(record: &BulkRecord, out: &mut RowWriter) -> Result<(), BulkError> {
            match record {
                BulkRecord::FormatVersion(v) => check_version(v, out),
                $(BulkRecord::$variant(r) => table::write_record(r, out),)*
                BulkRecord::Untyped(u) => {
                    out.write_row(&u.row)?;
                    for e in &u.errors {
                        out.write_row(&e.row)?;
                    }
                    Ok(())
                }
            }
        }
    };
}

// Most frequent types first: the dispatch compares the `Type` cell in this order.
records! {
    /// A `Keyword` row.
    Keyword(BulkKeyword),
    /// An `Ad Group` row.
    AdGroup(BulkAdGroup),
    /// A `Campaign` row.
    Campaign(BulkCampaign),
    /// The `Account` row.
    Account(BulkAccount),
    /// A `Budget` row.
    Budget(BulkBudget),
    /// A `Bid Strategy` row.
    BidStrategy(BulkBidStrategy),
    /// An `Expanded Text Ad` row.
    ExpandedTextAd(BulkExpandedTextAd),
    /// A `Responsive Search Ad` row.
    ResponsiveSearchAd(BulkResponsiveSearchAd),
    /// A `Responsive Ad` row.
    ResponsiveAd(BulkResponsiveAd),
    /// A `Text Ad` row.
    TextAd(BulkTextAd),
    /// An `App Install Ad` row.
    AppInstallAd(BulkAppInstallAd),
    /// A `Dynamic Search Ad` row.
    DynamicSearchAd(BulkDynamicSearchAd),
    /// A `Product Ad` row.
    ProductAd(BulkProductAd),
    /// A `Campaign Negative Keyword` row.
    CampaignNegativeKeyword(BulkCampaignNegativeKeyword),
    /// An `Ad Group Negative Keyword` row.
    AdGroupNegativeKeyword(BulkAdGroupNegativeKeyword),
    /// A `Negative Keyword List` row.
    NegativeKeywordList(BulkNegativeKeywordList),
    /// A `Shared Negative Keyword` row.
    SharedNegativeKeyword(BulkSharedNegativeKeyword),
    /// A `Campaign Negative Keyword List Association` row.
    CampaignNegativeKeywordList(BulkCampaignNegativeKeywordList),
    /// A campaign's negative sites (a "delete all" row and/or one row per site).
    CampaignNegativeSites(BulkCampaignNegativeSites),
    /// An ad group's negative sites (a "delete all" row and/or one row per site).
    AdGroupNegativeSites(BulkAdGroupNegativeSites),
    /// A `Label` row.
    Label(BulkLabel),
    /// A `Campaign Label` row.
    CampaignLabel(BulkCampaignLabel),
    /// An `Ad Group Label` row.
    AdGroupLabel(BulkAdGroupLabel),
    /// A `Keyword Label` row.
    KeywordLabel(BulkKeywordLabel),
    /// An `Expanded Text Ad Label` row.
    ExpandedTextAdLabel(BulkExpandedTextAdLabel),
    /// A `Responsive Search Ad Label` row.
    ResponsiveSearchAdLabel(BulkResponsiveSearchAdLabel),
    /// A `Responsive Ad Label` row.
    ResponsiveAdLabel(BulkResponsiveAdLabel),
    /// A `Text Ad Label` row.
    TextAdLabel(BulkTextAdLabel),
    /// An `App Install Ad Label` row.
    AppInstallAdLabel(BulkAppInstallAdLabel),
    /// A `Dynamic Search Ad Label` row.
    DynamicSearchAdLabel(BulkDynamicSearchAdLabel),
    /// A `Product Ad Label` row.
    ProductAdLabel(BulkProductAdLabel),
}

fn check_version(v: &FormatVersion, out: &mut RowWriter) -> Result<(), BulkError> {
    if v.version != "6.0" && v.version != "6" {
        return Err(BulkError::InvalidRecord {
            row: out.next_row_number(),
            record_type: "Format Version".into(),
            problem: format!(
                "only format version 6.0 can be written, not {:?}",
                v.version
            ),
        });
    }
    // The writer wrote the version row when it started.
    Ok(())
}
