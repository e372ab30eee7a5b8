//! The hotel target criterions at ad group level (`Ad Group Advance Booking Window
//! Criterion`, `Ad Group Check In Date Criterion`, `Ad Group Check In Day Criterion`, `Ad
//! Group Hotel Date Selection Type Criterion`, `Ad Group Length of Stay Criterion`): the
//! generated `BiddableAdGroupCriterion` whose `Criterion` is the kind's `Hotel*Criterion`,
//! its range in `Min Target Value`/`Max Target Value` or its value in `Target`.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/target_criterions/`
//! (`BulkAdGroupHotelAdvanceBookingWindowCriterion`, `BulkAdGroupHotelCheckInDateCriterion`,
//! `BulkAdGroupHotelCheckInDayCriterion`, `BulkAdGroupHotelDateSelectionTypeCriterion`,
//! `BulkAdGroupHotelLengthOfStayCriterion`) and the Microsoft bulk schema pages "Ad Group
//! Advance Booking Window Criterion", "Ad Group Check In Date Criterion", "Ad Group Check In
//! Day Criterion", "Ad Group Hotel Date Selection Type Criterion" and "Ad Group Length Of Stay
//! Criterion".

use super::criterion_record::criterion_record;
use super::macros::bulk_record;
use crate::bulk::criterion_parts::{
    CheckInDayTarget, CheckInEnd, CheckInStart, DateSelectionTarget, MaxDays, MaxNights, MinDays,
    MinNights,
};
use crate::bulk::criterion_values::{BidAdjustment, CashbackPercent};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Enum, Long, Text};

criterion_record!(
    /// An `Ad Group Advance Booking Window Criterion`: how many days ahead people book.
    BulkAdGroupAdvanceBookingWindowCriterion = "Ad Group Advance Booking Window Criterion",
    kind 232, table AD_GROUP_ADVANCE_BOOKING_WINDOW, ad_group, biddable, {}
    [
        field!("Min Target Value" => criterion.criterion, MinDays),
        field!("Max Target Value" => criterion.criterion, MaxDays),
    ]
);
criterion_record!(
    /// An `Ad Group Check In Date Criterion`: the range of check-in dates.
    BulkAdGroupCheckInDateCriterion = "Ad Group Check In Date Criterion",
    kind 233, table AD_GROUP_CHECK_IN_DATE, ad_group, biddable, {}
    [
        field!("Min Target Value" => criterion.criterion, CheckInStart),
        field!("Max Target Value" => criterion.criterion, CheckInEnd),
    ]
);
criterion_record!(
    /// An `Ad Group Check In Day Criterion`: the check-in day of the week.
    BulkAdGroupCheckInDayCriterion = "Ad Group Check In Day Criterion",
    kind 234, table AD_GROUP_CHECK_IN_DAY, ad_group, biddable, {}
    [field!("Target" => criterion.criterion, CheckInDayTarget)]
);
criterion_record!(
    /// An `Ad Group Hotel Date Selection Type Criterion`: whether people picked their dates.
    BulkAdGroupHotelDateSelectionTypeCriterion = "Ad Group Hotel Date Selection Type Criterion",
    kind 235, table AD_GROUP_HOTEL_DATE_SELECTION_TYPE, ad_group, biddable, {}
    [field!("Target" => criterion.criterion, DateSelectionTarget)]
);
criterion_record!(
    /// An `Ad Group Length of Stay Criterion`: how many nights people stay.
    BulkAdGroupLengthOfStayCriterion = "Ad Group Length of Stay Criterion",
    kind 236, table AD_GROUP_LENGTH_OF_STAY, ad_group, biddable, {}
    [
        field!("Min Target Value" => criterion.criterion, MinNights),
        field!("Max Target Value" => criterion.criterion, MaxNights),
    ]
);
