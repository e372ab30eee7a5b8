//! Ad extension records (`Callout Ad Extension`, `Sitelink Ad Extension`, ...): each holds
//! the generated Campaign Management ad extension type, with the columns every ad extension
//! shares (status, id, version, the account as `Parent Id`, the schedule, the device
//! preference) followed by the kind's own columns.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/ad_extensions/`
//! (`_BulkAdExtensionBase` and one `Bulk<Kind>AdExtension` class per kind) and the Microsoft
//! bulk schema pages named "`<Kind>` Ad Extension" (e.g. "Callout Ad Extension").

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::campaign_management::{
    ActionAdExtension, AppAdExtension, CallAdExtension, CalloutAdExtension, DisclaimerAdExtension,
    FilterLinkAdExtension, FlyerAdExtension, PromotionAdExtension, ReviewAdExtension,
    SitelinkAdExtension, StructuredSnippetAdExtension, VideoAdExtension,
};

use super::macros::bulk_record;
use crate::bulk::schedule_values::{
    AdSchedule, IdList, RequiredEnum, ScheduleEnd, ScheduleStart, SearcherTimeZone,
};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{
    Bool, BulkDate, BulkDateTime, CustomParams, DevicePreference, Enum, Int, Long, Number,
    SemicolonList, Text, Urls, WireEnum,
};

macro_rules! wire_enums {
    ($($t:ty),* $(,)?) => {$(
        impl WireEnum for $t {
            fn from_wire(s: &str) -> Self { <$t>::from_wire(s) }
            fn wire_name(&self) -> &str { self.as_str() }
        }
    )*};
}

wire_enums!(
    cm::AdExtensionStatus,
    cm::ActionAdExtensionActionType,
    cm::AdExtensionHeaderType,
    cm::PromotionDiscountModifier,
    cm::PromotionOccasion,
);

/// Declares an ad extension record: the shared columns, then the kind's own. A kind whose
/// extension has the URL elements most kinds share ends its own list with `with final_urls,
/// tracking` (`Final Url`, `Mobile Final Url`, then the three below) or `with tracking`
/// (`Tracking Template`, `Custom Parameter`, `Final Url Suffix`): those columns are written
/// here once, so their names and formats cannot drift apart between kinds.
macro_rules! ad_extension {
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, $ety:ty, table $table:ident,
        $fields:tt [$($own:expr),* $(,)?] with final_urls, tracking
    ) => {
        ad_extension! {
            $(#[$m])* $name = $type, kind $kind, $ety, table $table,
            $fields
            [
                $($own,)*
                field!("Final Url" => extension.final_urls, Urls),
                field!("Mobile Final Url" => extension.final_mobile_urls, Urls),
            ]
            with tracking
        }
    };
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, $ety:ty, table $table:ident,
        $fields:tt [$($own:expr),* $(,)?] with tracking
    ) => {
        ad_extension! {
            $(#[$m])* $name = $type, kind $kind, $ety, table $table,
            $fields
            [
                $($own,)*
                field!("Tracking Template" => extension.tracking_url_template, Text),
                field!("Custom Parameter" => extension.url_custom_parameters, CustomParams),
                field!("Final Url Suffix" => extension.final_url_suffix, Text),
            ]
        }
    };
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, $ety:ty, table $table:ident,
        { $($(#[$fm:meta])* pub $f:ident: $t:ty,)* }
        [$($own:expr),* $(,)?]
    ) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity extension: $ety) {
                /// `Parent Id`: the account the extension belongs to.
                pub account_id: Option<i64>,
                /// `Editorial Status` (read-only).
                pub editorial_status: Option<String>,
                $($(#[$fm])* pub $f: $t,)*
                pub client_id: Option<String>,
                pub modified_time: Option<DateTime>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            field!("Status" => extension.status, Enum),
            field!("Id" => extension.id, Long),
            field!("Version" => extension.version, Int),
            col!("Parent Id" => account_id, Long),
            field!("Start Date" => extension.scheduling, ScheduleStart),
            field!("End Date" => extension.scheduling, ScheduleEnd),
            field!("Ad Schedule" => extension.scheduling, AdSchedule),
            field!("Use Searcher Time Zone" => extension.scheduling, SearcherTimeZone),
            field!("Device Preference" => extension.device_preference, DevicePreference),
            col!("Editorial Status" => editorial_status, Text),
            $($own,)*
            col!("Client Id" => client_id, Text),
            col!("Modified Time" => modified_time, BulkDateTime),
        ];
    };
}

// The other ad extension modules declare their kinds with the same shared columns.
pub(super) use ad_extension;

ad_extension! {
    /// A `Callout Ad Extension`.
    BulkCalloutAdExtension = "Callout Ad Extension", kind 140, CalloutAdExtension, table CALLOUT,
    {}
    [field!("Callout Text" => extension.text, Text)]
}

ad_extension! {
    /// A `Structured Snippet Ad Extension`.
    BulkStructuredSnippetAdExtension = "Structured Snippet Ad Extension", kind 141,
    StructuredSnippetAdExtension, table STRUCTURED_SNIPPET,
    {}
    [
        field!("Structured Snippet Header" => extension.header, Text),
        field!("Structured Snippet Values" => extension.values, SemicolonList),
    ]
}

ad_extension! {
    /// A `Sitelink Ad Extension`.
    BulkSitelinkAdExtension = "Sitelink Ad Extension", kind 142, SitelinkAdExtension, table SITELINK,
    {}
    [
        field!("Sitelink Extension Description1" => extension.description1, Text),
        field!("Sitelink Extension Description2" => extension.description2, Text),
        field!("Destination Url" => extension.destination_url, Text),
        field!("Sitelink Extension Link Text" => extension.display_text, Text),
    ]
    with final_urls, tracking
}

ad_extension! {
    /// A `Call Ad Extension`.
    BulkCallAdExtension = "Call Ad Extension", kind 143, CallAdExtension, table CALL,
    {}
    [
        field!("Phone Number" => extension.phone_number, Text),
        field!("Country Code" => extension.country_code, Text),
        field!("Call Only" => extension.is_call_only, Bool),
        field!("Call Tracking Enabled" => extension.is_call_tracking_enabled, Bool),
        field!("Toll Free" => extension.require_toll_free_tracking_number, Bool),
    ]
}

ad_extension! {
    /// A `Review Ad Extension`.
    BulkReviewAdExtension = "Review Ad Extension", kind 144, ReviewAdExtension, table REVIEW,
    {}
    [
        field!("Text" => extension.text, Text),
        field!("Is Exact" => extension.is_exact, Bool),
        field!("Source" => extension.source, Text),
        field!("Url" => extension.url, Text),
    ]
}

ad_extension! {
    /// An `App Ad Extension`.
    BulkAppAdExtension = "App Ad Extension", kind 145, AppAdExtension, table APP,
    {}
    [
        field!("App Platform" => extension.app_platform, Text),
        field!("App Id" => extension.app_store_id, Text),
        field!("Destination Url" => extension.destination_url, Text),
        field!("Text" => extension.display_text, Text),
        field!("Final Url Suffix" => extension.final_url_suffix, Text),
    ]
}

ad_extension! {
    /// An `Action Ad Extension`.
    BulkActionAdExtension = "Action Ad Extension", kind 146, ActionAdExtension, table ACTION,
    {
        /// `Action Text`: a custom call to action text (bulk only).
        pub action_text: Option<String>,
    }
    [
        field!("Action Type" => extension.action_type, RequiredEnum),
        field!("Language" => extension.language, Text),
        col!("Action Text" => action_text, Text),
    ]
    with final_urls, tracking
}

ad_extension! {
    /// A `Disclaimer Ad Extension`.
    BulkDisclaimerAdExtension = "Disclaimer Ad Extension", kind 147, DisclaimerAdExtension,
    table DISCLAIMER,
    {}
    [
        field!("Disclaimer Name" => extension.name, Text),
        field!("Disclaimer Title" => extension.title, Text),
        field!("Disclaimer Popup Text" => extension.popup_text, Text),
        field!("Disclaimer Line Text" => extension.line_text, Text),
        field!("Disclaimer Layout" => extension.disclaimer_layout, Text),
    ]
    with final_urls, tracking
}

ad_extension! {
    /// A `Video Ad Extension`.
    BulkVideoAdExtension = "Video Ad Extension", kind 148, VideoAdExtension, table VIDEO,
    {}
    [
        field!("Name" => extension.name, Text),
        field!("Display Text" => extension.display_text, Text),
        field!("Alternative Text" => extension.alternative_text, Text),
        field!("Action Text" => extension.action_text, Text),
        field!("Thumbnail Url" => extension.thumbnail_url, Text),
        field!("Thumbnail Id" => extension.thumbnail_id, Long),
        field!("Video Id" => extension.video_id, Long),
    ]
    with final_urls, tracking
}

ad_extension! {
    /// A `Filter Link Ad Extension`.
    BulkFilterLinkAdExtension = "Filter Link Ad Extension", kind 149, FilterLinkAdExtension,
    table FILTER_LINK,
    {}
    [
        field!("AdExtension Header Type" => extension.ad_extension_header_type, Enum),
        field!("Language" => extension.language, Text),
        field!("Texts" => extension.texts, SemicolonList),
    ]
    with final_urls, tracking
}

ad_extension! {
    /// A `Promotion Ad Extension`.
    BulkPromotionAdExtension = "Promotion Ad Extension", kind 150, PromotionAdExtension,
    table PROMOTION,
    {}
    [
        field!("Language" => extension.language, Text),
        field!("Currency Code" => extension.currency_code, Text),
        field!("Promotion Code" => extension.promotion_code, Text),
        field!("Promotion Target" => extension.promotion_item, Text),
        field!("Promotion Start" => extension.promotion_start_date, BulkDate),
        field!("Promotion End" => extension.promotion_end_date, BulkDate),
        field!("Money Amount Off" => extension.money_amount_off, Number),
        field!("Orders Over Amount" => extension.orders_over_amount, Number),
        field!("Percent Off" => extension.percent_off, Number),
        field!("Discount Modifier" => extension.discount_modifier, Enum),
        field!("Occasion" => extension.promotion_occasion, Enum),
    ]
    with final_urls, tracking
}

ad_extension! {
    /// A `Flyer Ad Extension`.
    BulkFlyerAdExtension = "Flyer Ad Extension", kind 151, FlyerAdExtension, table FLYER,
    {}
    [
        field!("Flyer Name" => extension.flyer_name, Text),
        field!("Store Id" => extension.store_id, Long),
        field!("Description" => extension.description, Text),
        field!("Media Ids" => extension.image_media_ids, IdList),
        field!("Media Urls" => extension.image_media_urls, Urls),
    ]
    with final_urls, tracking
}
