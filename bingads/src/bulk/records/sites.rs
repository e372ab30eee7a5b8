//! Negative sites of a campaign or an ad group: a record spanning rows, as the official SDK
//! reads and writes them. A set may start with the "delete all" row (`Status` `Deleted`, no
//! `Website`), which on upload removes every negative site of the parent before the site rows
//! that follow add the new set; each further row of the same parent is one site.
//!
//! A set read without its "delete all" row (sites listed one by one) keeps `delete_all` false
//! and writes only its site rows, so a file is written back as it was read.

use bingads_gen::types::DateTime;

use super::macros::bulk_record;
use crate::bulk::error::BulkError;
use crate::bulk::file::writer::RowWriter;
use crate::bulk::record::RowError;
use crate::bulk::row::BulkRow;
use crate::bulk::table::{self, Column, Positions, TypedRecord, col};
use crate::bulk::values::{BulkDateTime, Long, Text};

/// Declares a negative site set record and its site rows for one parent level.
macro_rules! negative_sites {
    (
        $(#[$m:meta])* $set:ident, $(#[$sm:meta])* $site:ident = $type:literal,
        kinds $set_kind:literal / $site_kind:literal,
        parent $parent:ident, tables $set_table:ident / $site_table:ident,
        names [$($name_col:literal => $name_field:ident),+]
    ) => {
        bulk_record! {
            $(#[$sm])*
            pub struct $site = $type (kind $site_kind) {
                /// `Parent Id`.
                pub $parent: Option<i64>,
                $(#[doc = concat!("`", $name_col, "`.")] pub $name_field: Option<String>,)+
                /// `Website`: the excluded site.
                pub website: Option<String>,
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
                pub client_id: Option<String>,
                pub modified_time: Option<DateTime>,
            }
            table $site_table
        }

        static $site_table: &[Column<$site>] = &[
            col!("Status" => status, Text),
            col!("Parent Id" => $parent, Long),
            $(col!($name_col => $name_field, Text),)+
            col!("Website" => website, Text),
            col!("Client Id" => client_id, Text),
            col!("Modified Time" => modified_time, BulkDateTime),
        ];

        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $set {
            /// `Parent Id`.
            pub $parent: Option<i64>,
            $(#[doc = concat!("`", $name_col, "`.")] pub $name_field: Option<String>,)+
            /// The set starts with the "delete all" row: on upload the parent's negative sites
            /// are replaced by `sites`.
            pub delete_all: bool,
            /// One row per site.
            pub sites: Vec<$site>,
            /// Error rows about the "delete all" row.
            pub errors: Vec<RowError>,
            /// The "delete all" row, when the set was read with one.
            pub source: Option<BulkRow>,
        }

        static $set_table: &[Column<$set>] = &[
            Column {
                name: "Status",
                field: "delete_all",
                format: "DeleteAllStatus",
                in_entity: false,
                read: |r, s| {
                    r.delete_all = s == "Deleted";
                    Ok(())
                },
                reread: |r, _, s| {
                    r.delete_all = s == "Deleted";
                    Ok(())
                },
                write: |r, out| {
                    if r.delete_all {
                        out.push_str("Deleted")
                    }
                },
            },
            col!("Parent Id" => $parent, Long),
            $(col!($name_col => $name_field, Text),)+
        ];

        impl TypedRecord for $set {
            const TYPE: &'static str = $type;
            const KIND: usize = $set_kind;
            fn table() -> &'static [Column<Self>] {
                $set_table
            }
            fn source(&self) -> Option<&BulkRow> {
                self.source.as_ref()
            }
            fn set_source(&mut self, row: BulkRow) {
                self.source = Some(row);
            }
            fn errors(&self) -> &[RowError] {
                &self.errors
            }
            fn errors_mut(&mut self) -> &mut Vec<RowError> {
                &mut self.errors
            }
            fn after_first_row(&mut self) {
                let Some(row) = self.source.take() else { return };
                if is_delete_all_row(&row) {
                    self.delete_all = true;
                    self.source = Some(row);
                    return;
                }
                // A site row: the set holds it as its first site.
                self.delete_all = false;
                let mut site = $site::default();
                let mut by_name = Positions::new(std::sync::Arc::new(crate::bulk::row::Columns::empty()));
                if table::fill(&mut site, &row, &mut by_name).is_ok() {
                    site.source = Some(row);
                    self.sites.push(site);
                }
            }
            fn continues_with(&self, row: &BulkRow) -> bool {
                row.record_type() == $type
                    && !is_delete_all_row(row)
                    && row.get("Parent Id").map(str::trim) == parent_text(self.$parent).as_deref()
            }
            fn push_row(&mut self, row: BulkRow, positions: &mut Positions) -> Result<(), BulkError> {
                let site = table::read_row::<$site>(row, positions)?;
                self.sites.push(site);
                Ok(())
            }
            fn writes_own_row(&self) -> bool {
                self.delete_all
            }
            fn write_more(&self, out: &mut RowWriter) -> Result<(), BulkError> {
                // The "delete all" row's errors come right after it.
                table::write_errors(self, out)?;
                for site in &self.sites {
                    if site.source.is_some() || (site.$parent.is_some() $(&& site.$name_field.is_some())+) {
                        table::write_record(site, out)?;
                    } else {
                        // A site built in memory takes its parent from the set.
                        let mut site = site.clone();
                        site.$parent = site.$parent.or(self.$parent);
                        $(site.$name_field = site.$name_field.clone().or_else(|| self.$name_field.clone());)+
                        table::write_record(&site, out)?;
                    }
                }
                Ok(())
            }
            fn attach_error(&mut self, error: RowError) {
                match self.sites.last_mut() {
                    Some(site) => site.errors.push(error),
                    None => self.errors.push(error),
                }
            }
        }

        #[cfg(feature = "bulk-json")]
        impl crate::bulk::json::EntityJson for $set {}
    };
}

fn is_delete_all_row(row: &BulkRow) -> bool {
    row.get("Status") == Some("Deleted") && row.get("Website").unwrap_or("").is_empty()
}

fn parent_text(id: Option<i64>) -> Option<String> {
    id.map(|i| i.to_string())
}

negative_sites!(
    /// The negative sites of a campaign (`Campaign Negative Site` rows).
    BulkCampaignNegativeSites,
    /// One `Campaign Negative Site` row.
    BulkCampaignNegativeSite = "Campaign Negative Site",
    kinds 41 / 42,
    parent campaign_id, tables CAMPAIGN_NEGATIVE_SITES / CAMPAIGN_NEGATIVE_SITE,
    names ["Campaign" => campaign_name]
);

negative_sites!(
    /// The negative sites of an ad group (`Ad Group Negative Site` rows).
    BulkAdGroupNegativeSites,
    /// One `Ad Group Negative Site` row.
    BulkAdGroupNegativeSite = "Ad Group Negative Site",
    kinds 43 / 44,
    parent ad_group_id, tables AD_GROUP_NEGATIVE_SITES / AD_GROUP_NEGATIVE_SITE,
    names ["Campaign" => campaign_name, "Ad Group" => ad_group_name]
);

#[cfg(feature = "bulk-json")]
mod json {
    use crate::bulk::json_doc::{JsonValue, JsonWriter};

    use super::*;
    use crate::bulk::json::{MoreJson, read_sites, write_sites};

    macro_rules! sites_json {
        ($set:ident, $site:ident) => {
            impl MoreJson for $set {
                fn write_more_json(&self, w: &mut JsonWriter) {
                    write_sites(self.sites.iter(), w);
                }
                fn read_more_json(&mut self, key: &str, v: &JsonValue) -> Result<bool, String> {
                    if key != "Sites" {
                        return Ok(false);
                    }
                    self.sites = read_sites::<$site>(v)?;
                    Ok(true)
                }
            }
        };
    }
    sites_json!(BulkCampaignNegativeSites, BulkCampaignNegativeSite);
    sites_json!(BulkAdGroupNegativeSites, BulkAdGroupNegativeSite);
}
