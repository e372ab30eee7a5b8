//! Cell formats for the columns that share one nested value: an ad extension's `Scheduling`
//! (`Start Date`, `End Date`, `Ad Schedule`, `Use Searcher Time Zone` are the parts of one
//! `Schedule`), required enumerations (`Action Type`) that have no "absent" state, and `;`
//! separated id lists (`Media Ids`).
//!
//! Each part format reads into the schedule, creating it on the first non-empty part, and
//! writes only its part; `delete_value` clears the part (`Nil`), as the service expects in an
//! update. The `Ad Schedule` text is `(Monday[09:00-17:00]);(Saturday[10:15-14:45])`, minutes
//! in quarter hours, as the bulk schema ("Ad Schedule" column) and the official SDK write it.

use std::fmt::Write as _;

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management::{Date, Day, DayTime, Minute, Schedule};

use super::error::ValueError;
use super::values::{Bool, BulkDate, CellFormat, DELETE_VALUE, WireEnum};

/// Declares a format for one part of a `Nillable<Schedule>`.
macro_rules! schedule_part {
    ($(#[$m:meta])* $name:ident, $part:ident: $t:ty, $parse:expr, $write:expr) => {
        $(#[$m])*
        pub struct $name;
        impl CellFormat<Nillable<Schedule>> for $name {
            fn parse(cell: &str) -> Result<Nillable<Schedule>, ValueError> {
                let mut schedule = Nillable::Absent;
                Self::read_into(&mut schedule, cell)?;
                Ok(schedule)
            }
            fn read_into(slot: &mut Nillable<Schedule>, cell: &str) -> Result<(), ValueError> {
                let parse: fn(&str) -> Result<Nillable<$t>, ValueError> = $parse;
                let part = parse(cell)?;
                match slot {
                    Nillable::Value(s) => s.$part = part,
                    _ => {
                        *slot = Nillable::Value(Schedule {
                            $part: part,
                            ..Default::default()
                        })
                    }
                }
                Ok(())
            }
            fn format(value: &Nillable<Schedule>, out: &mut String) {
                let write: fn(&Nillable<$t>, &mut String) = $write;
                if let Nillable::Value(s) = value {
                    write(&s.$part, out)
                }
            }
        }
    };
}

schedule_part!(
    /// `Start Date` of an ad extension's schedule (`M/D/YYYY`).
    ScheduleStart, start_date: Date,
    <BulkDate as CellFormat<Nillable<Date>>>::parse,
    <BulkDate as CellFormat<Nillable<Date>>>::format
);
schedule_part!(
    /// `End Date` of an ad extension's schedule (`M/D/YYYY`).
    ScheduleEnd, end_date: Date,
    <BulkDate as CellFormat<Nillable<Date>>>::parse,
    <BulkDate as CellFormat<Nillable<Date>>>::format
);
schedule_part!(
    /// `Use Searcher Time Zone` of an ad extension's schedule (`True`/`False`).
    SearcherTimeZone, use_searcher_time_zone: bool,
    <Bool as CellFormat<Nillable<bool>>>::parse,
    <Bool as CellFormat<Nillable<bool>>>::format
);
schedule_part!(
    /// `Ad Schedule`: the day and time ranges of an ad extension's schedule.
    AdSchedule, day_time_ranges: Vec<Option<DayTime>>,
    parse_day_times,
    write_day_times
);

fn parse_day_times(cell: &str) -> Result<Nillable<Vec<Option<DayTime>>>, ValueError> {
    if cell == DELETE_VALUE {
        return Ok(Nillable::Nil);
    }
    cell.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| parse_day_time(p).map(Some))
        .collect::<Result<Vec<_>, _>>()
        .map(Nillable::Value)
}

/// `(Monday[09:00-17:15])`.
fn parse_day_time(text: &str) -> Result<DayTime, ValueError> {
    let bad = || {
        ValueError::new(format!(
            "{text:?} is not a day and time range like (Monday[09:00-17:15])"
        ))
    };
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix("])"))
        .ok_or_else(bad)?;
    let (day, times) = inner.split_once('[').ok_or_else(bad)?;
    let (start, end) = times.split_once('-').ok_or_else(bad)?;
    let day = Day::ALL
        .iter()
        .find(|d| d.as_str().eq_ignore_ascii_case(day.trim()))
        .cloned()
        .ok_or_else(bad)?;
    let (start_hour, start_minute) = parse_clock(start).ok_or_else(bad)?;
    let (end_hour, end_minute) = parse_clock(end).ok_or_else(bad)?;
    Ok(DayTime {
        day,
        start_hour,
        start_minute,
        end_hour,
        end_minute,
    })
}

/// `HH:MM`, hours 0–24 and minutes in quarter hours.
fn parse_clock(text: &str) -> Option<(i32, Minute)> {
    let (hour, minute) = text.trim().split_once(':')?;
    let hour: i32 = hour.parse().ok().filter(|h| (0..=24).contains(h))?;
    let minute = match minute {
        "00" => Minute::Zero,
        "15" => Minute::Fifteen,
        "30" => Minute::Thirty,
        "45" => Minute::FortyFive,
        _ => return None,
    };
    Some((hour, minute))
}

fn minute_number(m: &Minute) -> &str {
    match m {
        Minute::Zero => "00",
        Minute::Fifteen => "15",
        Minute::Thirty => "30",
        Minute::FortyFive => "45",
        other => other.as_str(),
    }
}

fn write_day_times(value: &Nillable<Vec<Option<DayTime>>>, out: &mut String) {
    match value {
        Nillable::Absent => {}
        Nillable::Nil => out.push_str(DELETE_VALUE),
        Nillable::Value(ranges) => {
            for (i, d) in ranges.iter().flatten().enumerate() {
                if i > 0 {
                    out.push(';');
                }
                let _ = write!(
                    out,
                    "({}[{:02}:{}-{:02}:{}])",
                    d.day.as_str(),
                    d.start_hour,
                    minute_number(&d.start_minute),
                    d.end_hour,
                    minute_number(&d.end_minute)
                );
            }
        }
    }
}

/// A required (not nillable) enumeration by its wire name. Its default value (`Unknown`) is
/// what an unset field holds, so it is written as an empty cell; it cannot be cleared, so
/// `delete_value` is an error.
pub struct RequiredEnum;

impl<E: WireEnum + Default + PartialEq> CellFormat<E> for RequiredEnum {
    fn parse(cell: &str) -> Result<E, ValueError> {
        if cell == DELETE_VALUE {
            return Err(ValueError::new(
                "cannot be cleared: the service requires a value",
            ));
        }
        Ok(E::from_wire(cell))
    }
    fn format(value: &E, out: &mut String) {
        if *value != E::default() {
            out.push_str(value.wire_name())
        }
    }
}

/// `;`-separated ids (`Media Ids`).
pub struct IdList;

impl CellFormat<Nillable<Vec<i64>>> for IdList {
    fn parse(cell: &str) -> Result<Nillable<Vec<i64>>, ValueError> {
        if cell == DELETE_VALUE {
            return Ok(Nillable::Nil);
        }
        cell.split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse()
                    .map_err(|_| ValueError::new(format!("{p:?} is not a whole number")))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Nillable::Value)
    }
    fn format(value: &Nillable<Vec<i64>>, out: &mut String) {
        match value {
            Nillable::Absent => {}
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(ids) => {
                for (i, id) in ids.iter().enumerate() {
                    if i > 0 {
                        out.push(';');
                    }
                    let _ = write!(out, "{id}");
                }
            }
        }
    }
}
