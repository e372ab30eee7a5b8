//! The service's cell formats, read into values: numbers with thousands separators, percents
//! as the number shown, currency amounts, dates in the layouts reports use, and `--` or an
//! empty cell as no value. Pure functions over `&str`, so every getter of a row and the
//! header block parse alike.

use crate::{Date, DateTime, Decimal};

/// Whether a cell holds no value: empty, blanks only, or the service's `--`.
pub fn is_empty(text: &str) -> bool {
    // A cell that starts with a visible ASCII character other than `-` has a value: no
    // trimming needed to tell.
    if text
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_graphic() && *b != b'-')
    {
        return false;
    }
    let text = text.trim();
    text.is_empty() || text == "--"
}

/// A currency symbol (`$`, `€`, `£`, `¥`, ...) or an ISO code (`USD`) written next to an amount.
fn strip_currency(text: &str, at_start: bool) -> &str {
    let is_symbol = |c: char| !c.is_ascii() && !c.is_alphanumeric() || c == '$';
    let trimmed = if at_start {
        text.trim_start_matches(is_symbol)
    } else {
        text.trim_end_matches(is_symbol)
    };
    if trimmed.len() != text.len() {
        return trimmed.trim();
    }
    let code = |word: &str| word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase());
    let split = if at_start {
        text.split_once(' ')
            .filter(|(word, _)| code(word))
            .map(|(_, rest)| rest)
    } else {
        text.rsplit_once(' ')
            .filter(|(_, word)| code(word))
            .map(|(rest, _)| rest)
    };
    split.map_or(text, str::trim)
}

/// The digits of a numeric cell: blanks, a currency symbol or code, a trailing `%` and
/// thousands separators removed. `None` for no value, `Err` when what is left is not a
/// plain number (so `red shoes 2` is not read as 2).
fn numeric_text(text: &str) -> Result<Option<std::borrow::Cow<'_, str>>, ()> {
    // The common case, a plain number (`1234`, `12.34`, `-5`), skips the clean-up below.
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    if plain && text.bytes().any(|b| b.is_ascii_digit()) {
        return Ok(Some(std::borrow::Cow::Borrowed(text)));
    }
    let text = text.trim();
    if is_empty(text) {
        return Ok(None);
    }
    let text = text.strip_suffix('%').map_or(text, str::trim_end);
    let core = strip_currency(strip_currency(text, true), false);
    let valid = !core.is_empty()
        && core
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-' | b'+'))
        && core.bytes().any(|b| b.is_ascii_digit());
    if !valid {
        return Err(());
    }
    Ok(Some(if core.contains(',') {
        std::borrow::Cow::Owned(core.replace(',', ""))
    } else {
        std::borrow::Cow::Borrowed(core)
    }))
}

/// An integer cell (`1234`, `1,234`). `Ok(None)` for no value, `Err(())` for anything else.
pub fn parse_i64(text: &str) -> Result<Option<i64>, ()> {
    match numeric_text(text)? {
        None => Ok(None),
        Some(digits) => digits.parse::<i64>().map(Some).map_err(|_| ()),
    }
}

/// A number cell as the number shown: `12.5%` → 12.5, `1,234.56` → 1234.56, `$3.20` → 3.2.
pub fn parse_f64(text: &str) -> Result<Option<f64>, ()> {
    match numeric_text(text)? {
        None => Ok(None),
        Some(digits) => match digits.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(Some(value)),
            _ => Err(()),
        },
    }
}

/// An amount kept exactly as written (no binary rounding), for money.
pub fn parse_decimal(text: &str) -> Result<Option<Decimal>, ()> {
    match numeric_text(text)? {
        None => Ok(None),
        Some(digits) => Decimal::parse(&digits).map(Some).ok_or(()),
    }
}

/// `true`/`false` in any case.
pub fn parse_bool(text: &str) -> Result<Option<bool>, ()> {
    let text = text.trim();
    if is_empty(text) {
        return Ok(None);
    }
    if text.eq_ignore_ascii_case("true") {
        Ok(Some(true))
    } else if text.eq_ignore_ascii_case("false") {
        Ok(Some(false))
    } else {
        Err(())
    }
}

/// A date in the layouts reports use: `2025-10-01` (TimePeriod, daily), `10/1/2025` (header
/// block, GregorianDate), and either of them followed by a time or by `|hour` (hourly
/// TimePeriod: `2020-03-15|7`, `3/15/2020 12:00:00 AM|7`); what follows the date is ignored.
pub fn parse_date(text: &str) -> Result<Option<Date>, ()> {
    let text = text.trim();
    if is_empty(text) {
        return Ok(None);
    }
    let date_part = text.split(['|', ' ', 'T']).next().unwrap_or(text);
    let (year, month, day) = split_date(date_part).ok_or(())?;
    Ok(Some(Date {
        year,
        month,
        day,
        offset_minutes: None,
    }))
}

/// A timestamp as the header block writes it, `11/22/2025 10:15:00 PM (GMT)` (the service
/// says the time is UTC whatever the suffix), or ISO 8601.
pub fn parse_datetime(text: &str) -> Result<Option<DateTime>, ()> {
    let text = text.trim();
    if is_empty(text) {
        return Ok(None);
    }
    if let Some(iso) = DateTime::parse(text) {
        return Ok(Some(iso));
    }
    let without_zone = match text.rfind('(') {
        Some(paren) => text.get(..paren).unwrap_or(text).trim_end(),
        None => text,
    };
    let mut parts = without_zone.split_whitespace();
    let (year, month, day) = parts.next().and_then(split_date).ok_or(())?;
    let mut clock = parts.next().unwrap_or("0:00:00").split(':');
    let mut field = |max: u8| -> Result<u8, ()> {
        match clock.next() {
            None => Ok(0),
            Some(v) => v.parse::<u8>().ok().filter(|n| *n <= max).ok_or(()),
        }
    };
    let (mut hour, minute, second) = (field(23)?, field(59)?, field(60)?);
    match parts.next().map(str::to_ascii_uppercase).as_deref() {
        None => {}
        Some("AM") if (1..=12).contains(&hour) => hour %= 12,
        Some("PM") if (1..=12).contains(&hour) => hour = hour % 12 + 12,
        Some(_) => return Err(()),
    }
    Ok(Some(DateTime::utc(year, month, day, hour, minute, second)))
}

/// `yyyy-mm-dd` or `m/d/yyyy` into (year, month, day), checked for range.
fn split_date(text: &str) -> Option<(i32, u8, u8)> {
    let (year, month, day) = if text.contains('-') {
        let mut it = text.splitn(3, '-');
        let y = it.next()?;
        (y, it.next()?, it.next()?)
    } else {
        let mut it = text.splitn(3, '/');
        let m = it.next()?;
        let d = it.next()?;
        (it.next()?, m, d)
    };
    let year: i32 = year.parse().ok()?;
    let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day: u8 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_shown() {
        assert_eq!(parse_f64("12.5%"), Ok(Some(12.5)));
        assert_eq!(parse_f64("0.00%"), Ok(Some(0.0)));
        assert_eq!(parse_f64("1,234.56"), Ok(Some(1234.56)));
        assert_eq!(parse_f64("$1,234.56"), Ok(Some(1234.56)));
        assert_eq!(parse_f64("USD 3.20"), Ok(Some(3.2)));
        assert_eq!(parse_f64("3.20 €"), Ok(Some(3.2)));
        assert_eq!(parse_f64("-4.5"), Ok(Some(-4.5)));
        assert_eq!(parse_f64("--"), Ok(None));
        assert_eq!(parse_f64(""), Ok(None));
        assert_eq!(parse_f64("  "), Ok(None));
        assert_eq!(parse_f64("abc"), Err(()));
        assert_eq!(parse_f64("red shoes 2"), Err(()));
        assert_eq!(parse_f64("£7"), Ok(Some(7.0)));
        assert_eq!(parse_i64("1,234"), Ok(Some(1234)));
        assert_eq!(parse_i64("1,234,567"), Ok(Some(1_234_567)));
        assert_eq!(parse_i64("--"), Ok(None));
        assert_eq!(parse_i64("12.5"), Err(()));
        assert_eq!(
            parse_i64("9007199254740993"),
            Ok(Some(9_007_199_254_740_993))
        );
        assert_eq!(
            parse_decimal("$1,000.10").map(|d| d.map(|d| d.to_string())),
            Ok(Some("1000.10".to_string()))
        );
        assert_eq!(parse_bool("False"), Ok(Some(false)));
        assert_eq!(parse_bool("yes"), Err(()));
    }

    #[test]
    fn dates_in_every_report_layout() {
        let d = |y, m, d| Date {
            year: y,
            month: m,
            day: d,
            offset_minutes: None,
        };
        assert_eq!(parse_date("2025-10-01"), Ok(Some(d(2025, 10, 1))));
        assert_eq!(parse_date("10/1/2025"), Ok(Some(d(2025, 10, 1))));
        assert_eq!(parse_date("2020-03-15|7"), Ok(Some(d(2020, 3, 15))));
        assert_eq!(
            parse_date("3/15/2020 12:00:00 AM|7"),
            Ok(Some(d(2020, 3, 15)))
        );
        assert_eq!(parse_date("--"), Ok(None));
        assert_eq!(parse_date("13/1/2025"), Err(()));
        assert_eq!(parse_date("Monday"), Err(()));
        assert_eq!(
            parse_datetime("11/22/2025 10:15:00 PM (GMT)"),
            Ok(Some(DateTime::utc(2025, 11, 22, 22, 15, 0)))
        );
        assert_eq!(
            parse_datetime("11/23/2025 12:05:00 AM (GMT)"),
            Ok(Some(DateTime::utc(2025, 11, 23, 0, 5, 0)))
        );
        assert_eq!(
            parse_datetime("2/29/2016 9:00:00 AM (GMT)"),
            Ok(Some(DateTime::utc(2016, 2, 29, 9, 0, 0)))
        );
        assert_eq!(parse_datetime("1/25/2017 25:50:00 (GMT)"), Err(()));
    }
}
