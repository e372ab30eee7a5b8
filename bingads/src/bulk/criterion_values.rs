//! Cell formats for target criterion columns: the polymorphic `Criterion` (`Target`: an age
//! range, a gender, ...) and `CriterionBid`/`CriterionCashback` (`Bid Adjustment`,
//! `Cashback Percent`) of the Campaign Management criterion types, as the bulk schema
//! ("Campaign Age Criterion", ...) and the official SDK write them.
//!
//! A target format reads into the criterion variant it is for and writes only that variant,
//! so a row whose criterion is another kind keeps its own cells.

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{
    AgeCriterion, AgeRange, BidMultiplier, CashbackAdjustment, Criterion, CriterionBid,
    CriterionCashback, DeviceCriterion, GenderCriterion, GenderType, IntentOption,
    LocationIntentCriterion,
};

use super::error::ValueError;
use super::values::{CellFormat, DELETE_VALUE, parse_f64, write_f64};

/// `Bid Adjustment`: a `BidMultiplier`'s percentage (`-90` to `900`); `delete_value` clears
/// the criterion bid.
pub struct BidAdjustment;

impl CellFormat<Nillable<CriterionBid>> for BidAdjustment {
    fn parse(cell: &str) -> Result<Nillable<CriterionBid>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        Ok(Nillable::Value(CriterionBid::BidMultiplier(
            BidMultiplier {
                multiplier: Some(parse_f64(cell)?),
                ..Default::default()
            },
        )))
    }
    fn format(value: &Nillable<CriterionBid>, out: &mut String) {
        match value {
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(CriterionBid::BidMultiplier(BidMultiplier {
                multiplier: Some(m),
                ..
            })) => write_f64(m, out),
            _ => {}
        }
    }
}

/// `Cashback Percent`: a `CashbackAdjustment`'s percentage; `delete_value` clears it.
pub struct CashbackPercent;

impl CellFormat<Nillable<CriterionCashback>> for CashbackPercent {
    fn parse(cell: &str) -> Result<Nillable<CriterionCashback>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        Ok(Nillable::Value(CriterionCashback::CashbackAdjustment(
            CashbackAdjustment {
                cashback_percent: Nillable::Value(parse_f64(cell)?),
                ..Default::default()
            },
        )))
    }
    fn format(value: &Nillable<CriterionCashback>, out: &mut String) {
        match value {
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(CriterionCashback::CashbackAdjustment(CashbackAdjustment {
                cashback_percent: Nillable::Value(p),
                ..
            })) => write_f64(p, out),
            _ => {}
        }
    }
}

/// Declares the format of one field of one criterion kind: reading updates that field of the
/// criterion when it already is this kind (a criterion spread over several columns, e.g. a
/// device and its OS names), else makes the criterion this kind.
macro_rules! criterion_part {
    ($(#[$m:meta])* $name:ident, $variant:ident, $field:ident: $t:ty, $parse:expr, $write:expr) => {
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
                        "cannot be cleared: it is what the criterion is",
                    ));
                }
                let parse: fn(&str) -> $t = $parse;
                let value = Nillable::Value(parse(cell));
                match slot {
                    Nillable::Value(Criterion::$variant(c)) => c.$field = value,
                    _ => {
                        *slot = Nillable::Value(Criterion::$variant($variant {
                            $field: value,
                            ..Default::default()
                        }))
                    }
                }
                Ok(())
            }
            fn format(value: &Nillable<Criterion>, out: &mut String) {
                if let Nillable::Value(Criterion::$variant($variant {
                    $field: Nillable::Value(v),
                    ..
                })) = value
                {
                    let write: fn(&$t) -> &str = $write;
                    out.push_str(write(v))
                }
            }
        }
    };
}

criterion_part!(
    /// `Target` of an age criterion: the `AgeRange` (`EighteenToTwentyFour`, ...).
    AgeTarget, AgeCriterion, age_range: AgeRange, AgeRange::from_wire, AgeRange::as_str
);
criterion_part!(
    /// `Target` of a gender criterion: the `GenderType` (`Male`, `Female`, `Unknown`).
    GenderTarget, GenderCriterion, gender_type: GenderType, GenderType::from_wire, GenderType::as_str
);
criterion_part!(
    /// `Target` of a device criterion: the device name (`Computers`, `Smartphones`, `Tablets`).
    DeviceTarget, DeviceCriterion, device_name: String, str::to_string, String::as_str
);
criterion_part!(
    /// `OS Names` of a device criterion.
    DeviceOsNames, DeviceCriterion, os_name: String, str::to_string, String::as_str
);
criterion_part!(
    /// `Target` of a location intent criterion: the `IntentOption` (`PeopleIn`, ...).
    LocationIntentTarget, LocationIntentCriterion, intent_option: IntentOption,
    IntentOption::from_wire, IntentOption::as_str
);
