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

use super::macros::bulk_record;
use crate::bulk::error::ValueError;
use crate::bulk::schedule_values::{AdSchedule, IdList};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{
    CellFormat, DELETE_VALUE, DevicePreference, Int, Long, SemicolonList, Text,
};

bulk_record! {
    /// An `Image` in the account's media library.
    pub struct BulkImage = "Image" (kind 440) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Parent Id`: the account.
        pub account_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Sub Type`: the image's aspect (`Image191x100`, ...).
        pub sub_type: Option<String>,
        /// `Url`: where the service reads (on upload) or serves (on download) the image.
        pub url: Option<String>,
        /// `Text`: the image's alternative text.
        pub text: Option<String>,
        /// `Width` in pixels.
        pub width: Option<i32>,
        /// `Height` in pixels.
        pub height: Option<i32>,
        /// `Advertiser AI Label`: whether the advertiser marks the image as AI generated.
        pub advertiser_ai_label: Option<String>,
        /// `System AI Detection Signal` (read-only).
        pub system_ai_detection_signal: Option<String>,
    }
    table IMAGE
}

static IMAGE: &[Column<BulkImage>] = &[
    col!("Id" => id, Long),
    col!("Parent Id" => account_id, Long),
    col!("Status" => status, Text),
    col!("Sub Type" => sub_type, Text),
    col!("Url" => url, Text),
    col!("Text" => text, Text),
    col!("Width" => width, Int),
    col!("Height" => height, Int),
    col!("Advertiser AI Label" => advertiser_ai_label, Text),
    col!("System AI Detection Signal" => system_ai_detection_signal, Text),
];

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

bulk_record! {
    /// A `Feed`: a page feed or an ad customizer feed.
    pub struct BulkFeed = "Feed" (kind 442) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Parent Id`: the account.
        pub account_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Feed Name`.
        pub name: Option<String>,
        /// `Sub Type` (`PageFeed`, `AdCustomizerFeed`).
        pub sub_type: Option<String>,
        /// `Custom Attributes`: the feed's attribute definitions, as the service's JSON text.
        pub custom_attributes: Option<String>,
        /// `Schedule`: when the service refreshes a feed fetched from a URL.
        pub schedule: Option<String>,
    }
    table FEED
}

static FEED: &[Column<BulkFeed>] = &[
    col!("Id" => id, Long),
    col!("Parent Id" => account_id, Long),
    col!("Status" => status, Text),
    col!("Feed Name" => name, Text),
    col!("Sub Type" => sub_type, Text),
    col!("Custom Attributes" => custom_attributes, Text),
    col!("Schedule" => schedule, Text),
];

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

bulk_record! {
    /// A `Feed Item`: one row of a feed (a page URL with its labels, or an ad customizer's
    /// values), with the targeting and schedule that limit where it serves.
    pub struct BulkFeedItem = "Feed Item" (kind 443) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Parent Id`: the feed.
        pub feed_id: Option<i64>,
        /// `Audience Id`.
        pub audience_id: Option<i64>,
        /// `Target`: the location the item targets.
        pub location_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Match Type` of `Keyword`.
        pub match_type: Option<String>,
        /// `Physical Intent` of the location target.
        pub intent_option: Option<String>,
        /// `Campaign`: the campaign's name the item is limited to.
        pub campaign_name: Option<String>,
        /// `Ad Group`: the ad group's name the item is limited to.
        pub ad_group_name: Option<String>,
        /// `Keyword` the item is limited to.
        pub keyword: Option<String>,
        /// `Custom Attributes`: the item's values, as the service's JSON text.
        pub custom_attributes: Option<String>,
        /// `Device Preference`.
        pub device_preference: Nillable<i64>,
        /// `Start Date`.
        pub start_date: Nillable<DateTime>,
        /// `End Date`.
        pub end_date: Nillable<DateTime>,
        /// `Ad Schedule`: only its day and time ranges are used.
        pub scheduling: Nillable<Schedule>,
        /// `Target Ad Group Id`.
        pub target_ad_group_id: Nillable<i64>,
        /// `Target Campaign Id`.
        pub target_campaign_id: Nillable<i64>,
    }
    table FEED_ITEM
}

static FEED_ITEM: &[Column<BulkFeedItem>] = &[
    col!("Id" => id, Long),
    col!("Parent Id" => feed_id, Long),
    col!("Audience Id" => audience_id, Long),
    col!("Target" => location_id, Long),
    col!("Status" => status, Text),
    col!("Match Type" => match_type, Text),
    col!("Physical Intent" => intent_option, Text),
    col!("Campaign" => campaign_name, Text),
    col!("Ad Group" => ad_group_name, Text),
    col!("Keyword" => keyword, Text),
    col!("Custom Attributes" => custom_attributes, Text),
    col!("Device Preference" => device_preference, DevicePreference),
    col!("Start Date" => start_date, FeedDateTime),
    col!("End Date" => end_date, FeedDateTime),
    col!("Ad Schedule" => scheduling, AdSchedule),
    col!("Target Ad Group Id" => target_ad_group_id, Long),
    col!("Target Campaign Id" => target_campaign_id, Long),
];

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
