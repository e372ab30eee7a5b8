//! Cell formats for the ad extension columns that are parts of one nested value: a location
//! ad extension's `Address` (`Address Line 1`, `City`, ...) and `GeoPoint` (`Latitude`,
//! `Longitude` in degrees, stored in micro-degrees), and a price ad extension's table rows
//! (`Header 1` … `Price Qualifier 8`: slot N of each column is row N of `TableRows`).
//!
//! As the bulk schema pages "Location Ad Extension" and "Price Ad Extension" and the official
//! SDK (`BulkLocationAdExtension`, `entity_to_csv_PriceTableRows`) write them. A price row
//! exists when one of its cells is set; the slots before it stay `None` (not an empty row), so
//! a file whose slot 2 is empty writes slot 2 empty again.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{Address, GeoPoint, PriceTableRow};

use super::error::ValueError;
use super::values::{CellFormat, DELETE_VALUE, parse_f64, write_f64};

/// Declares a format for one part of a `Nillable<Address>`.
macro_rules! address_part {
    ($(#[$m:meta])* $name:ident, $part:ident) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<Nillable<Address>> for $name {
            fn parse(cell: &str) -> Result<Nillable<Address>, ValueError> {
                let mut address = Nillable::Absent;
                Self::read_into(&mut address, cell)?;
                Ok(address)
            }
            fn read_into(slot: &mut Nillable<Address>, cell: &str) -> Result<(), ValueError> {
                let part = if cell == DELETE_VALUE {
                    Nillable::Nil
                } else {
                    Nillable::Value(cell.to_string())
                };
                match slot {
                    Nillable::Value(a) => a.$part = part,
                    _ => {
                        *slot = Nillable::Value(Address {
                            $part: part,
                            ..Default::default()
                        })
                    }
                }
                Ok(())
            }
            fn format(value: &Nillable<Address>, out: &mut String) {
                if let Nillable::Value(a) = value {
                    match &a.$part {
                        Nillable::Value(v) => out.push_str(v),
                        Nillable::Nil => out.push_str(DELETE_VALUE),
                        Nillable::Absent => {}
                    }
                }
            }
        }
    };
}

address_part!(
    /// `Address Line 1`: the street address.
    StreetAddress, street_address
);
address_part!(
    /// `Address Line 2`: the second street address line.
    StreetAddress2, street_address2
);
address_part!(
    /// `City`.
    CityName, city_name
);
address_part!(
    /// `Province Name`.
    ProvinceName, province_name
);
address_part!(
    /// `State Or Province Code`.
    ProvinceCode, province_code
);
address_part!(
    /// `Postal Code`.
    PostalCode, postal_code
);
address_part!(
    /// `Country Code` (of the address).
    AddressCountryCode, country_code
);

/// Declares a format for one coordinate of a `Nillable<GeoPoint>`: the cell is in degrees
/// (`47.6097`), the field in micro-degrees (`47609700`).
macro_rules! geo_part {
    ($(#[$m:meta])* $name:ident, $part:ident) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<Nillable<GeoPoint>> for $name {
            fn parse(cell: &str) -> Result<Nillable<GeoPoint>, ValueError> {
                let mut point = Nillable::Absent;
                Self::read_into(&mut point, cell)?;
                Ok(point)
            }
            fn read_into(slot: &mut Nillable<GeoPoint>, cell: &str) -> Result<(), ValueError> {
                if cell == DELETE_VALUE {
                    *slot = Nillable::Nil;
                    return Ok(());
                }
                let micro = micro_degrees(cell)?;
                match slot {
                    Nillable::Value(p) => p.$part = micro,
                    _ => {
                        *slot = Nillable::Value(GeoPoint {
                            $part: micro,
                            ..Default::default()
                        })
                    }
                }
                Ok(())
            }
            fn format(value: &Nillable<GeoPoint>, out: &mut String) {
                match value {
                    Nillable::Value(p) => write_f64(&(f64::from(p.$part) / 1_000_000.0), out),
                    Nillable::Nil => out.push_str(DELETE_VALUE),
                    Nillable::Absent => {}
                }
            }
        }
    };
}

geo_part!(
    /// `Latitude` of a location ad extension, in degrees.
    LatitudeDegrees, latitude_in_micro_degrees
);
geo_part!(
    /// `Longitude` of a location ad extension, in degrees.
    LongitudeDegrees, longitude_in_micro_degrees
);

/// Degrees to micro-degrees, rounded to the nearest; out of ±180 degrees is an error (so the
/// multiplication cannot leave `i32`).
fn micro_degrees(cell: &str) -> Result<i32, ValueError> {
    let degrees = parse_f64(cell)?;
    if !(-180.0..=180.0).contains(&degrees) {
        return Err(ValueError::new("is not between -180 and 180 degrees"));
    }
    // In range by the check above: |degrees| * 1e6 <= 1.8e8 < i32::MAX.
    Ok((degrees * 1_000_000.0).round() as i32)
}

/// Applies `set` to the row of `rows` at `slot`, created (with `None` before it) when missing.
fn with_row_at(
    rows: &mut Nillable<Vec<Option<PriceTableRow>>>,
    slot: usize,
    set: impl FnOnce(&mut PriceTableRow),
) {
    let mut list = match std::mem::take(rows) {
        Nillable::Value(list) => list,
        _ => Vec::new(),
    };
    if list.len() <= slot {
        list.resize(slot.saturating_add(1), None);
    }
    if let Some(entry) = list.get_mut(slot) {
        set(entry.get_or_insert_with(PriceTableRow::default));
    }
    *rows = Nillable::Value(list);
}

fn row_at(rows: &Nillable<Vec<Option<PriceTableRow>>>, slot: usize) -> Option<&PriceTableRow> {
    match rows {
        Nillable::Value(list) => list.get(slot).and_then(Option::as_ref),
        _ => None,
    }
}

/// Declares a format for one field of the price table row at a slot (`SLOT` 0 is the `… 1`
/// column), through the field's own cell format.
macro_rules! price_part {
    ($(#[$m:meta])* $name:ident, $field:ident: $t:ty, $fmt:ty) => {
        $(#[$m])*
        pub struct $name<const SLOT: usize>;
        impl<const SLOT: usize> CellFormat<Nillable<Vec<Option<PriceTableRow>>>> for $name<SLOT> {
            fn parse(cell: &str) -> Result<Nillable<Vec<Option<PriceTableRow>>>, ValueError> {
                let mut rows = Nillable::Absent;
                Self::read_into(&mut rows, cell)?;
                Ok(rows)
            }
            fn read_into(
                rows: &mut Nillable<Vec<Option<PriceTableRow>>>,
                cell: &str,
            ) -> Result<(), ValueError> {
                let value = <$fmt as CellFormat<$t>>::parse(cell)?;
                with_row_at(rows, SLOT, |row| row.$field = value);
                Ok(())
            }
            fn format(rows: &Nillable<Vec<Option<PriceTableRow>>>, out: &mut String) {
                if let Some(row) = row_at(rows, SLOT) {
                    <$fmt as CellFormat<$t>>::format(&row.$field, out)
                }
            }
        }
    };
}

use super::schedule_values::RequiredEnum;
use super::values::{Text, Urls};

price_part!(
    /// `Header N`: the price table row's header.
    PriceHeader, header: Nillable<String>, Text
);
price_part!(
    /// `Price Description N`.
    PriceDescription, description: Nillable<String>, Text
);
price_part!(
    /// `Final Url N`.
    PriceFinalUrls, final_urls: Nillable<Vec<Option<String>>>, Urls
);
price_part!(
    /// `Final Mobile Url N`.
    PriceFinalMobileUrls, final_mobile_urls: Nillable<Vec<Option<String>>>, Urls
);
price_part!(
    /// `Currency Code N`.
    PriceCurrencyCode, currency_code: Nillable<String>, Text
);
price_part!(
    /// `Price N`: required, so written whenever row N exists.
    PriceAmount, price: f64, RequiredNumber
);
price_part!(
    /// `Price Unit N` (`PerDay`, `PerHour`, ...).
    PriceUnitPart, price_unit: bingads_gen::v13::campaign_management::PriceUnit, RequiredEnum
);
price_part!(
    /// `Price Qualifier N` (`From`, `UpTo`, `Average`, `None`).
    PriceQualifierPart, price_qualifier: bingads_gen::v13::campaign_management::PriceQualifier,
    RequiredEnum
);

/// A required number (no absent state): always written; `delete_value` is an error.
pub struct RequiredNumber;

impl CellFormat<f64> for RequiredNumber {
    fn parse(cell: &str) -> Result<f64, ValueError> {
        if cell == DELETE_VALUE {
            return Err(ValueError::new(
                "cannot be cleared: the service requires a value",
            ));
        }
        parse_f64(cell)
    }
    fn format(value: &f64, out: &mut String) {
        write_f64(value, out)
    }
}
