//! The image, location and price ad extension records (`Image Ad Extension`, `Location Ad
//! Extension`, `Price Ad Extension`): the shared ad extension columns (see `ad_extensions.rs`)
//! and each kind's own, whose nested values (an address, a geo point, price table rows) are
//! spread over several columns through the formats of `bulk::extension_values`.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/ad_extensions/`
//! (`BulkImageAdExtension`, `BulkLocationAdExtension`, `BulkPriceAdExtension`) and the
//! Microsoft bulk schema pages "Image Ad Extension", "Location Ad Extension" and "Price Ad
//! Extension".
//! An image ad extension's `Images` (a JSON list of image asset links) goes through the
//! format of `bulk::image_assets`.

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::campaign_management::{
    ImageAdExtension, LocationAdExtension, PriceAdExtension,
};

use super::ad_extensions::ad_extension;
use super::macros::bulk_record;
use crate::bulk::extension_values::{
    AddressCountryCode, CityName, LatitudeDegrees, LongitudeDegrees, PostalCode, PriceAmount,
    PriceCurrencyCode, PriceDescription, PriceFinalMobileUrls, PriceFinalUrls, PriceHeader,
    PriceQualifierPart, PriceUnitPart, ProvinceCode, ProvinceName, StreetAddress, StreetAddress2,
};
use crate::bulk::image_assets::ImageAssetLinks;
use crate::bulk::schedule_values::{
    AdSchedule, IdList, RequiredEnum, ScheduleEnd, ScheduleStart, SearcherTimeZone,
};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{
    BulkDateTime, CellFormat, CustomParams, DevicePreference, Enum, Int, Long, SemicolonList, Text,
    Urls, WireEnum,
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
    cm::BusinessGeoCodeStatus,
    cm::PriceExtensionType,
    cm::PriceUnit,
    cm::PriceQualifier,
);

ad_extension! {
    /// An `Image Ad Extension`.
    BulkImageAdExtension = "Image Ad Extension", kind 200, ImageAdExtension, table IMAGE,
    {}
    [
        field!("Destination Url" => extension.destination_url, Text),
        field!("Alternative Text" => extension.alternative_text, Text),
        field!("Media Ids" => extension.image_media_ids, IdList),
        field!("Display Text" => extension.display_text, Text),
        field!("Layouts" => extension.layouts, SemicolonList),
        field!("Images" => extension.images, ImageAssetLinks),
    ]
    with final_urls, tracking
}

ad_extension! {
    /// A `Location Ad Extension`: a business address (and where it is on the map).
    BulkLocationAdExtension = "Location Ad Extension", kind 201, LocationAdExtension,
    table LOCATION,
    {}
    [
        field!("Business Name" => extension.company_name, Text),
        field!("Phone Number" => extension.phone_number, Text),
        field!("Geo Code Status" => extension.geo_code_status, Enum),
        field!("Address Line 1" => extension.address, StreetAddress),
        field!("Address Line 2" => extension.address, StreetAddress2),
        field!("City" => extension.address, CityName),
        field!("Province Name" => extension.address, ProvinceName),
        field!("State Or Province Code" => extension.address, ProvinceCode),
        field!("Postal Code" => extension.address, PostalCode),
        field!("Country Code" => extension.address, AddressCountryCode),
        field!("Latitude" => extension.geo_point, LatitudeDegrees),
        field!("Longitude" => extension.geo_point, LongitudeDegrees),
    ]
}

/// A column of price table row `SLOT` (0-based; the column names count from 1).
macro_rules! price_field {
    ($name:expr, $fmt:ident, $slot:literal) => {
        Column {
            name: $name,
            field: "extension.table_rows",
            format: concat!(stringify!($fmt), "<", $slot, ">"),
            in_entity: true,
            read: |r: &mut BulkPriceAdExtension, s| {
                <$fmt<$slot> as CellFormat<_>>::read_into(&mut r.extension.table_rows, s)
            },
            reread: |r: &mut BulkPriceAdExtension, _, s| {
                <$fmt<$slot> as CellFormat<_>>::read_into(&mut r.extension.table_rows, s)
            },
            write: |r: &BulkPriceAdExtension, out| {
                <$fmt<$slot> as CellFormat<_>>::format(&r.extension.table_rows, out)
            },
        }
    };
}

/// The price ad extension: the shared columns, its own, and the eight columns of each of the
/// eight price table rows.
macro_rules! price_ad_extension {
    ($($slot:literal: $n:literal),*) => {
        ad_extension! {
            /// A `Price Ad Extension`: three to eight priced items (`Header 1`…`8`, `Price 1`…`8`,
            /// ...), each a row of `TableRows`.
            BulkPriceAdExtension = "Price Ad Extension", kind 202, PriceAdExtension, table PRICE,
            {}
            [
                field!("Language" => extension.language, Text),
                field!("Price Extension Type" => extension.price_extension_type, RequiredEnum),
                $(
                    price_field!(concat!("Header ", $n), PriceHeader, $slot),
                    price_field!(concat!("Price Description ", $n), PriceDescription, $slot),
                    price_field!(concat!("Final Url ", $n), PriceFinalUrls, $slot),
                    price_field!(concat!("Final Mobile Url ", $n), PriceFinalMobileUrls, $slot),
                    price_field!(concat!("Price ", $n), PriceAmount, $slot),
                    price_field!(concat!("Currency Code ", $n), PriceCurrencyCode, $slot),
                    price_field!(concat!("Price Unit ", $n), PriceUnitPart, $slot),
                    price_field!(concat!("Price Qualifier ", $n), PriceQualifierPart, $slot),
                )*
            ]
            with tracking
        }
    };
}

price_ad_extension!(0: "1", 1: "2", 2: "3", 3: "4", 4: "5", 5: "6", 6: "7", 7: "8");
