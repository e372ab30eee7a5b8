//! Ad records: `Expanded Text Ad`, `Responsive Search Ad`, `Responsive Ad`, `Text Ad`,
//! `App Install Ad`, `Dynamic Search Ad` and `Product Ad`. Every ad type shares the columns of
//! `ad_table!`; each adds its own.
//!
//! The asset-link columns (`Headline`/`Description` of responsive search ads, `Headlines`,
//! `Long Headlines`, `Descriptions`, `Images`, `Videos` of responsive ads) read into the ad's
//! asset links, in the JSON the official SDK writes (`field_to_csv_TextAssetLinks`,
//! `field_to_csv_ImageAssetLinks`, `field_to_csv_VideoAssetLinks`).

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management::{
    AppInstallAd, DynamicSearchAd, ExpandedTextAd, ProductAd, ResponsiveAd, ResponsiveSearchAd,
    TextAd,
};

use super::macros::bulk_record;
use crate::bulk::image_assets::ImageAssetLinks;
use crate::bulk::table::{Column, col, field};
use crate::bulk::text_assets::TextAssetLinks;
use crate::bulk::values::{BulkDateTime, CustomParams, DevicePreference, Enum, Long, Text, Urls};
use crate::bulk::video_assets::VideoAssetLinks;

/// The table of an ad record: the columns every ad has, then the type's own.
macro_rules! ad_table {
    ($ad:ident; $($own:expr),* $(,)?) => {
        &[
            field!("Status" => $ad.status, Enum),
            field!("Id" => $ad.id, Long),
            col!("Parent Id" => ad_group_id, Long),
            col!("Campaign" => campaign_name, Text),
            col!("Ad Group" => ad_group_name, Text),
            field!("Editorial Status" => $ad.editorial_status, Enum),
            field!("Device Preference" => $ad.device_preference, DevicePreference),
            field!("Ad Format Preference" => $ad.ad_format_preference, Text),
            field!("Final Url" => $ad.final_urls, Urls),
            field!("Mobile Final Url" => $ad.final_mobile_urls, Urls),
            field!("Tracking Template" => $ad.tracking_url_template, Text),
            field!("Custom Parameter" => $ad.url_custom_parameters, CustomParams),
            field!("Final Url Suffix" => $ad.final_url_suffix, Text),
            col!("Editorial Appeal Status" => editorial_appeal_status, Text),
            col!("Client Id" => client_id, Text),
            col!("Modified Time" => modified_time, BulkDateTime),
            $($own,)*
        ]
    };
}

/// Declares an ad record with the fields every bulk ad has.
macro_rules! ad_record {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, $ad:ident: $ty:ty, table $table:ident) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity $ad: $ty) {
                /// `Parent Id`: the ad group id.
                pub ad_group_id: Option<i64>,
                /// `Campaign`: the campaign's name.
                pub campaign_name: Option<String>,
                /// `Ad Group`: the ad group's name.
                pub ad_group_name: Option<String>,
                /// `Editorial Appeal Status` (read-only).
                pub editorial_appeal_status: Option<String>,
                pub client_id: Option<String>,
                pub modified_time: Option<DateTime>,
            }
            table $table
        }
    };
}

ad_record!(
    /// An `Expanded Text Ad`.
    BulkExpandedTextAd = "Expanded Text Ad", kind 10, ad: ExpandedTextAd, table EXPANDED_TEXT_AD
);
static EXPANDED_TEXT_AD: &[Column<BulkExpandedTextAd>] = ad_table!(ad;
    field!("Text" => ad.text, Text),
    field!("Text Part 2" => ad.text_part2, Text),
    field!("Title Part 1" => ad.title_part1, Text),
    field!("Title Part 2" => ad.title_part2, Text),
    field!("Title Part 3" => ad.title_part3, Text),
    field!("Path 1" => ad.path1, Text),
    field!("Path 2" => ad.path2, Text),
    field!("Domain" => ad.domain, Text),
);

ad_record!(
    /// A `Responsive Search Ad` (headlines and descriptions: see the module documentation).
    BulkResponsiveSearchAd = "Responsive Search Ad", kind 11, ad: ResponsiveSearchAd, table RESPONSIVE_SEARCH_AD
);
static RESPONSIVE_SEARCH_AD: &[Column<BulkResponsiveSearchAd>] = ad_table!(ad;
    field!("Path 1" => ad.path1, Text),
    field!("Path 2" => ad.path2, Text),
    field!("Domain" => ad.domain, Text),
    field!("Headline" => ad.headlines, TextAssetLinks),
    field!("Description" => ad.descriptions, TextAssetLinks),
);

ad_record!(
    /// A `Responsive Ad` (asset links: see the module documentation).
    BulkResponsiveAd = "Responsive Ad", kind 12, ad: ResponsiveAd, table RESPONSIVE_AD
);
static RESPONSIVE_AD: &[Column<BulkResponsiveAd>] = ad_table!(ad;
    field!("Business Name" => ad.business_name, Text),
    field!("Call To Action" => ad.call_to_action, Enum),
    field!("Headline" => ad.headline, Text),
    field!("Long Headline" => ad.long_headline_string, Text),
    field!("Text" => ad.text, Text),
    field!("Impression Tracking Urls" => ad.impression_tracking_urls, Urls),
    field!("Call To Action Language" => ad.call_to_action_language, Enum),
    field!("Headlines" => ad.headlines, TextAssetLinks),
    field!("Long Headlines" => ad.long_headlines, TextAssetLinks),
    field!("Descriptions" => ad.descriptions, TextAssetLinks),
    field!("Images" => ad.images, ImageAssetLinks),
    field!("Videos" => ad.videos, VideoAssetLinks),
);

ad_record!(
    /// A `Text Ad` (retired by the service for new ads; still read and written).
    BulkTextAd = "Text Ad", kind 13, ad: TextAd, table TEXT_AD
);
static TEXT_AD: &[Column<BulkTextAd>] = ad_table!(ad;
    field!("Title" => ad.title, Text),
    field!("Text" => ad.text, Text),
    field!("Display Url" => ad.display_url, Text),
    field!("Destination Url" => ad.destination_url, Text),
);

ad_record!(
    /// An `App Install Ad`.
    BulkAppInstallAd = "App Install Ad", kind 14, ad: AppInstallAd, table APP_INSTALL_AD
);
static APP_INSTALL_AD: &[Column<BulkAppInstallAd>] = ad_table!(ad;
    field!("App Platform" => ad.app_platform, Text),
    field!("App Id" => ad.app_store_id, Text),
    field!("Title" => ad.title, Text),
    field!("Text" => ad.text, Text),
);

ad_record!(
    /// A `Dynamic Search Ad`.
    BulkDynamicSearchAd = "Dynamic Search Ad", kind 15, ad: DynamicSearchAd, table DYNAMIC_SEARCH_AD
);
static DYNAMIC_SEARCH_AD: &[Column<BulkDynamicSearchAd>] = ad_table!(ad;
    field!("Text" => ad.text, Text),
    field!("Path 1" => ad.path1, Text),
    field!("Path 2" => ad.path2, Text),
    field!("Text Part 2" => ad.text_part2, Text),
);

ad_record!(
    /// A `Product Ad`.
    BulkProductAd = "Product Ad", kind 16, ad: ProductAd, table PRODUCT_AD
);
static PRODUCT_AD: &[Column<BulkProductAd>] = ad_table!(ad;
    field!("Promotion" => ad.promotional_text, Text),
);
