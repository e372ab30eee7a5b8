//! Cell formats for the parts of the criterion kinds whose `Criterion` spreads over several
//! columns: a location (`Target` id, `Sub Type`, `Name`), a radius (`Name`, `Radius`, `Unit`,
//! `Latitude`, `Longitude`), a day and time range (`Target` day, `From Hour`, `From Minute`,
//! `To Hour`, `To Minute`), a profile (`Profile Id`), a deal, genre or topic (`Target` id)
//! and an audience (`Audience Id`), as the bulk schema pages of those records and the official
//! SDK (`field_to_csv_LocationTarget`, `field_to_csv_Radius`, `minute_bulk_str`, ...) write
//! them.
//!
//! Each format reads into the criterion when it already is its kind (the other parts were
//! read first), else makes it that kind; it writes only from a criterion of its kind. A part
//! cannot be cleared (`delete_value` is an error): the parts are what the criterion is, so
//! the service changes them by deleting the criterion and adding another.

use bingads_gen::types::{DateTime, Flags, Nillable};
use bingads_gen::v13::campaign_management::{
    AudienceCriterion, Criterion, Day, DayTimeCriterion, DealCriterion, DistanceUnit,
    GenreCriterion, HotelAdvanceBookingWindowCriterion, HotelCheckInDateCriterion,
    HotelCheckInDayCriterion, HotelDateSelectionType, HotelDateSelectionTypeCriterion,
    HotelLengthOfStayCriterion, LocationCriterion, Minute, ProfileCriterion, ProfileType,
    RadiusCriterion, StoreCriterion, TopicCriterion,
};

use super::error::ValueError;
use super::values::{
    BulkDateTime, CellFormat, DELETE_VALUE, Enum, Int, Long, Number, Text, WireEnum,
};

macro_rules! wire_enums {
    ($($t:ty),* $(,)?) => {$(
        impl WireEnum for $t {
            fn from_wire(s: &str) -> Self { <$t>::from_wire(s) }
            fn wire_name(&self) -> &str { self.as_str() }
        }
    )*};
}

wire_enums!(Day, DistanceUnit, HotelDateSelectionType);

/// Declares the format of one field of one criterion kind, through the field's own cell
/// format; `new` builds the kind when the criterion is not that kind yet.
macro_rules! criterion_part {
    (
        $(#[$m:meta])* $name:ident, $variant:ident, $field:ident: $t:ty, $fmt:ty,
        new $new:expr
    ) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<Nillable<Criterion>> for $name {
            fn parse(cell: &str) -> Result<Nillable<Criterion>, ValueError> {
                let mut criterion = Nillable::Absent;
                Self::read_into(&mut criterion, cell)?;
                Ok(criterion)
            }
            fn read_into(slot: &mut Nillable<Criterion>, cell: &str) -> Result<(), ValueError> {
                if cell == DELETE_VALUE {
                    return Err(ValueError::new(
                        "cannot be cleared: it is part of what the criterion is (delete the criterion instead)",
                    ));
                }
                let value = <$fmt as CellFormat<$t>>::parse(cell)?;
                match slot {
                    Nillable::Value(Criterion::$variant(c)) => c.$field = value,
                    _ => {
                        let new: fn() -> $variant = $new;
                        let mut criterion = new();
                        criterion.$field = value;
                        *slot = Nillable::Value(Criterion::$variant(criterion));
                    }
                }
                Ok(())
            }
            fn format(value: &Nillable<Criterion>, out: &mut String) {
                if let Nillable::Value(Criterion::$variant(c)) = value {
                    <$fmt as CellFormat<$t>>::format(&c.$field, out)
                }
            }
        }
    };
    ($(#[$m:meta])* $name:ident, $variant:ident, $field:ident: $t:ty, $fmt:ty) => {
        criterion_part!($(#[$m])* $name, $variant, $field: $t, $fmt, new $variant::default);
    };
}

criterion_part!(
    /// `Target` of a location criterion: the location id.
    LocationTarget, LocationCriterion, location_id: Nillable<i64>, Long
);
criterion_part!(
    /// `Sub Type` of a location criterion: `City`, `Country`, `PostalCode`, ...
    LocationSubType, LocationCriterion, location_type: Nillable<String>, Text
);
criterion_part!(
    /// `Name` of a location criterion: the location's display name (read-only).
    LocationName, LocationCriterion, display_name: Nillable<String>, Text
);
criterion_part!(
    /// `Name` of a radius criterion.
    RadiusName, RadiusCriterion, name: Nillable<String>, Text
);
criterion_part!(
    /// `Radius` of a radius criterion, in `Unit`s.
    RadiusLength, RadiusCriterion, radius: Nillable<i64>, Long
);
criterion_part!(
    /// `Unit` of a radius criterion: `Miles` or `Kilometers`.
    RadiusUnit, RadiusCriterion, radius_unit: Nillable<DistanceUnit>, Enum
);
criterion_part!(
    /// `Latitude` of a radius criterion's center, in degrees.
    RadiusLatitude, RadiusCriterion, latitude_degrees: Nillable<f64>, Number
);
criterion_part!(
    /// `Longitude` of a radius criterion's center, in degrees.
    RadiusLongitude, RadiusCriterion, longitude_degrees: Nillable<f64>, Number
);
criterion_part!(
    /// `Target` of a day and time criterion: the day (`Monday`, ...).
    DayTarget, DayTimeCriterion, day: Nillable<Day>, Enum
);
criterion_part!(
    /// `From Hour` of a day and time criterion (0–23).
    FromHour, DayTimeCriterion, from_hour: Nillable<i32>, Int
);
criterion_part!(
    /// `From Minute` of a day and time criterion (`0`, `15`, `30`, `45`).
    FromMinute, DayTimeCriterion, from_minute: Nillable<Minute>, MinuteNumber
);
criterion_part!(
    /// `To Hour` of a day and time criterion (0–24).
    ToHour, DayTimeCriterion, to_hour: Nillable<i32>, Int
);
criterion_part!(
    /// `To Minute` of a day and time criterion (`0`, `15`, `30`, `45`).
    ToMinute, DayTimeCriterion, to_minute: Nillable<Minute>, MinuteNumber
);
criterion_part!(
    /// `Target` of a deal criterion: the deal id.
    DealTarget, DealCriterion, deal_id: Option<i64>, Long
);
criterion_part!(
    /// `Target` of a genre criterion: the genre id.
    GenreTarget, GenreCriterion, genre_id: Option<i64>, Long
);
criterion_part!(
    /// `Target` of a topic criterion: the topic id.
    TopicTarget, TopicCriterion, topic_id: Option<i64>, Long
);
criterion_part!(
    /// `Audience Id` of an audience association: the audience the criterion is.
    AudienceTarget, AudienceCriterion, audience_id: Nillable<i64>, Long
);

criterion_part!(
    /// `Min Target Value` of an advance booking window criterion: the fewest days ahead.
    MinDays, HotelAdvanceBookingWindowCriterion, min_days: Nillable<i32>, Int
);
criterion_part!(
    /// `Max Target Value` of an advance booking window criterion: the most days ahead.
    MaxDays, HotelAdvanceBookingWindowCriterion, max_days: Nillable<i32>, Int
);
criterion_part!(
    /// `Min Target Value` of a check-in date criterion: the first check-in date.
    CheckInStart, HotelCheckInDateCriterion, start_date: Nillable<DateTime>, BulkDateTime
);
criterion_part!(
    /// `Max Target Value` of a check-in date criterion: the last check-in date.
    CheckInEnd, HotelCheckInDateCriterion, end_date: Nillable<DateTime>, BulkDateTime
);
criterion_part!(
    /// `Target` of a check-in day criterion: the day (`Monday`, ...).
    CheckInDayTarget, HotelCheckInDayCriterion, check_in_day: Nillable<Day>, Enum
);
criterion_part!(
    /// `Target` of a date selection type criterion: `DefaultSelection` or `UserSelection`.
    DateSelectionTarget, HotelDateSelectionTypeCriterion,
    hotel_date_selection_type: Nillable<HotelDateSelectionType>, Enum
);
criterion_part!(
    /// `Min Target Value` of a length of stay criterion: the fewest nights.
    MinNights, HotelLengthOfStayCriterion, min_nights: Nillable<i32>, Int
);
criterion_part!(
    /// `Max Target Value` of a length of stay criterion: the most nights.
    MaxNights, HotelLengthOfStayCriterion, max_nights: Nillable<i32>, Int
);

criterion_part!(
    /// `Store Id` of a store criterion: the Microsoft Merchant Center store.
    StoreTarget, StoreCriterion, store_id: Nillable<i64>, Long
);

/// A profile criterion of one profile type (the record type says which).
fn profile(kind: ProfileType) -> ProfileCriterion {
    ProfileCriterion {
        profile_type: Some(Flags(vec![kind])),
        ..Default::default()
    }
}

criterion_part!(
    /// `Profile Id` of a company name criterion.
    CompanyNameProfileId, ProfileCriterion, profile_id: Option<i64>, Long,
    new || profile(ProfileType::CompanyName)
);
criterion_part!(
    /// `Profile Id` of an industry criterion.
    IndustryProfileId, ProfileCriterion, profile_id: Option<i64>, Long,
    new || profile(ProfileType::Industry)
);
criterion_part!(
    /// `Profile Id` of a job function criterion.
    JobFunctionProfileId, ProfileCriterion, profile_id: Option<i64>, Long,
    new || profile(ProfileType::JobFunction)
);

/// A minute of a day and time criterion as its number: `0`, `15`, `30` or `45` (the API's
/// `Zero`, `Fifteen`, `Thirty`, `FortyFive`); read as a number, so `00` is `0`.
pub struct MinuteNumber;

impl CellFormat<Nillable<Minute>> for MinuteNumber {
    fn parse(cell: &str) -> Result<Nillable<Minute>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        let minute = match cell.trim().parse::<u8>() {
            Ok(0) => Minute::Zero,
            Ok(15) => Minute::Fifteen,
            Ok(30) => Minute::Thirty,
            Ok(45) => Minute::FortyFive,
            _ => return Err(ValueError::new("is not a minute of 0, 15, 30 or 45")),
        };
        Ok(Nillable::Value(minute))
    }
    fn format(value: &Nillable<Minute>, out: &mut String) {
        match value {
            Nillable::Value(m) => out.push_str(match m {
                Minute::Zero => "0",
                Minute::Fifteen => "15",
                Minute::Thirty => "30",
                Minute::FortyFive => "45",
                other => other.as_str(),
            }),
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Absent => {}
        }
    }
}
