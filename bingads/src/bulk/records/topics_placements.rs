//! Catalogue rows the service writes for audience campaigns: `Topic` (a content topic an ad
//! group can target, in a tree through `Topic Parent Id`) and `Content Placement` (a site or
//! app the ads can be placed on). They have no API object: bulk-only fields.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/bulk_topic.py` (`BulkTopic`)
//! and `bulk_content_placement.py` (`BulkContentPlacement`), and the Microsoft bulk schema
//! pages "Topic" and "Content Placement".

use super::macros::bulk_record;
use crate::bulk::table::{Column, col};
use crate::bulk::values::{Long, Text};

bulk_record! {
    /// A `Topic`.
    pub struct BulkTopic = "Topic" (kind 504) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Parent Id`: the account.
        pub parent_id: Option<i64>,
        /// `Topic Parent Id`: the broader topic this one belongs to.
        pub topic_parent_id: Option<i64>,
        /// `Name`.
        pub name: Option<String>,
        /// `Status`.
        pub status: Option<String>,
    }
    table TOPIC
}

static TOPIC: &[Column<BulkTopic>] = &[
    col!("Id" => id, Long),
    col!("Name" => name, Text),
    col!("Parent Id" => parent_id, Long),
    col!("Topic Parent Id" => topic_parent_id, Long),
    col!("Status" => status, Text),
];

bulk_record! {
    /// A `Content Placement`.
    pub struct BulkContentPlacement = "Content Placement" (kind 505) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Parent Id`: the account.
        pub parent_id: Option<i64>,
        /// `Name`: the site or app.
        pub name: Option<String>,
        /// `Status`.
        pub status: Option<String>,
    }
    table CONTENT_PLACEMENT
}

static CONTENT_PLACEMENT: &[Column<BulkContentPlacement>] = &[
    col!("Id" => id, Long),
    col!("Name" => name, Text),
    col!("Parent Id" => parent_id, Long),
    col!("Status" => status, Text),
];
