//! Account-level assets and data: `Image` and `Video` media, `Feed`s (page feeds, ad
//! customizer feeds) and their `Feed Item`s, and `Audience Group`s (the audience signals of
//! Performance Max asset groups).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/` (`BulkImage`, `BulkVideo`,
//! `feeds/BulkFeed`, `feeds/BulkFeedItem`, `BulkAudienceGroup`) and the Microsoft bulk schema
//! pages of the same names. `Video` holds the generated `Video`; the others have no API type
//! whose fields match their columns, so they are bulk-only structs, as in the SDK. `Custom
//! Attributes` is the service's JSON text, kept as read.

use std::fmt::Write as _;

use bingads_gen::types::{DateTime, Nillable};
use bingads_gen::v13::campaign_management::{AudienceGroup, Schedule, Video};

use super::macros::{bulk_only_record, bulk_record};
use crate::bulk::error::ValueError;
use crate::bulk::schedule_values::{AdSchedule, IdList};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{
    CellFormat, DELETE_VALUE, DevicePreference, Int, Long, SemicolonList, Text,
};

bulk_only_record! {
    /// An `Image` in the account's media library.
    pub struct BulkImage = "Image" (kind 440) table IMAGE {
        "Id" => id: Option<i64> as Long,
        /// The account.
        "Parent Id" => account_id: Option<i64> as Long,
        /// `Active` or `Deleted`.
        "Status" => status: Option<String> as Text,
        /// The image's aspect (`Image191x100`, ...).
        "Sub Type" => sub_type: Option<String> as Text,
        /// Where the service reads (on upload) or serves (on download) the image.
        "Url" => url: Option<String> as Text,
        /// The image's alternative text.
        "Text" => text: Option<String> as Text,
        /// Pixels.
        "Width" => width: Option<i32> as Int,
        /// Pixels.
        "Height" => height: Option<i32> as Int,
        /// Whether the advertiser marks the image as AI generated.
        "Advertiser AI Label" => advertiser_ai_label: Option<String> as Text,
        /// Read-only.
        "System AI Detection Signal" => system_ai_detection_signal: Option<String> as Text,
    }
}

bulk_record! {
    /// A `Video` in the account's media library.
    pub struct BulkVideo = "Video" (kind 441, entity video: Video) {
        /// `Parent Id`: the account.
        pub account_id: Option<i64>,
        /// `Advertiser AI Label`: whether the advertiser marks the video as AI generated.
        pub advertiser_ai_label: Option<String>,
        /// `System AI Detection Signal` (read-only).
        pub system_ai_detection_signal: Option<String>,
    }
    table VIDEO
}

// The SDK keeps the two AI columns beside the video rather than in it; so does this table,
// so a value the service adds later is kept as text.
static VIDEO: &[Column<BulkVideo>] = &[
    field!("Id" => video.id, Long),
    col!("Parent Id" => account_id, Long),
    field!("Status" => video.status, Text),
    field!("Description" => video.description, Text),
    field!("Aspect Ratio" => video.aspect_ratio, Text),
    field!("Url" => video.url, Text),
    field!("Source Url" => video.source_url, Text),
    field!("Thumbnail Url" => video.thumbnail_url, Text),
    field!("Duration In Milliseconds" => video.duration_in_milliseconds, Int),
    col!("Advertiser AI Label" => advertiser_ai_label, Text),
    col!("System AI Detection Signal" => system_ai_detection_signal, Text),
];

bulk_only_record! {
    /// A `Feed`: a page feed or an ad customizer feed.
    pub struct BulkFeed = "Feed" (kind 442) table FEED {
        "Id" => id: Option<i64> as Long,
        /// The account.
        "Parent Id" => account_id: Option<i64> as Long,
        /// `Active` or `Deleted`.
        "Status" => status: Option<String> as Text,
        "Feed Name" => name: Option<String> as Text,
        /// `PageFeed` or `AdCustomizerFeed`.
        "Sub Type" => sub_type: Option<String> as Text,
        /// The feed's attribute definitions, as the service's JSON text.
        "Custom Attributes" => custom_attributes: Option<String> as Text,
        /// When the service refreshes a feed fetched from a URL.
        "Schedule" => schedule: Option<String> as Text,
    }
}

/// `YYYY/MM/DD HH:MM:SS`: a feed item's `Start Date`/`End Date`, a brand item's `Editorial
/// Status Date` (not the `MM/DD/YYYY HH:MM:SS` of other records).
pub(crate) struct FeedDateTime;

fn parse_feed_datetime(s: &str) -> Result<DateTime, ValueError> {
    let bad = || ValueError::new("is not a time (YYYY/MM/DD HH:MM:SS)");
    let (date, time) = s.trim().split_once(' ').ok_or_else(bad)?;
    let mut d = date.splitn(3, '/');
    let year: i32 = d.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let next_u8 = |it: &mut std::str::SplitN<'_, char>| -> Result<u8, ValueError> {
        it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)
    };
    let (month, day) = (next_u8(&mut d)?, next_u8(&mut d)?);
    let mut t = time.splitn(3, ':');
    let (hour, minute, second) = (next_u8(&mut t)?, next_u8(&mut t)?, next_u8(&mut t)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return Err(bad());
    }
    Ok(DateTime::utc(year, month, day, hour, minute, second))
}

impl CellFormat<Nillable<DateTime>> for FeedDateTime {
    fn parse(cell: &str) -> Result<Nillable<DateTime>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        parse_feed_datetime(cell).map(Nillable::Value)
    }
    fn format(value: &Nillable<DateTime>, out: &mut String) {
        match value {
            Nillable::Absent => {}
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(t) => {
                let _ = write!(
                    out,
                    "{:04}/{:02}/{:02} {:02}:{:02}:{:02}",
                    t.year, t.month, t.day, t.hour, t.minute, t.second
                );
            }
        }
    }
}

bulk_only_record! {
    /// A `Feed Item`: one row of a feed (a page URL with its labels, or an ad customizer's
    /// values), with the targeting and schedule that limit where it serves.
    pub struct BulkFeedItem = "Feed Item" (kind 443) table FEED_ITEM {
        "Id" => id: Option<i64> as Long,
        /// The feed.
        "Parent Id" => feed_id: Option<i64> as Long,
        "Audience Id" => audience_id: Option<i64> as Long,
        /// The location the item targets.
        "Target" => location_id: Option<i64> as Long,
        /// `Active` or `Deleted`.
        "Status" => status: Option<String> as Text,
        /// The keyword's match type.
        "Match Type" => match_type: Option<String> as Text,
        /// The location target's intent.
        "Physical Intent" => intent_option: Option<String> as Text,
        /// The campaign's name the item is limited to.
        "Campaign" => campaign_name: Option<String> as Text,
        /// The ad group's name the item is limited to.
        "Ad Group" => ad_group_name: Option<String> as Text,
        /// The keyword the item is limited to.
        "Keyword" => keyword: Option<String> as Text,
        /// The item's values, as the service's JSON text.
        "Custom Attributes" => custom_attributes: Option<String> as Text,
        "Device Preference" => device_preference: Nillable<i64> as DevicePreference,
        "Start Date" => start_date: Nillable<DateTime> as FeedDateTime,
        "End Date" => end_date: Nillable<DateTime> as FeedDateTime,
        /// Only its day and time ranges are used.
        "Ad Schedule" => scheduling: Nillable<Schedule> as AdSchedule,
        "Target Ad Group Id" => target_ad_group_id: Nillable<i64> as Long,
        "Target Campaign Id" => target_campaign_id: Nillable<i64> as Long,
    }
}

bulk_record! {
    /// An `Audience Group`: audiences, age ranges and genders grouped as one signal for
    /// asset groups.
    pub struct BulkAudienceGroup = "Audience Group" (kind 444, entity audience_group: AudienceGroup) {
        /// `Parent Id`: the account.
        pub account_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Audiences`: the audience ids of the group's audience dimension.
        pub audience_ids: Nillable<Vec<i64>>,
        /// `Age Ranges` of the group's age dimension (`EighteenToTwentyFour`, ...).
        pub age_ranges: Nillable<Vec<Option<String>>>,
        /// `Gender Types` of the group's gender dimension (`Male`, `Female`, `Unknown`).
        pub gender_types: Nillable<Vec<Option<String>>>,
    }
    table AUDIENCE_GROUP
}

// As in the SDK, the dimension columns are fields of the record rather than of
// `AudienceGroup.Dimensions`: the columns list values, the API object types them per kind.
static AUDIENCE_GROUP: &[Column<BulkAudienceGroup>] = &[
    field!("Id" => audience_group.id, Long),
    col!("Status" => status, Text),
    col!("Parent Id" => account_id, Long),
    field!("Audience Group Name" => audience_group.name, Text),
    col!("Audiences" => audience_ids, IdList),
    col!("Age Ranges" => age_ranges, SemicolonList),
    col!("Gender Types" => gender_types, SemicolonList),
    field!("Description" => audience_group.description, Text),
];
