//! Fast paths for the numbers bulk files and reports are full of: a cell of plain ASCII
//! digits (ids, counts, scores) or a plain decimal (bids, spend), read straight from its
//! bytes. Each returns `None` for anything else, which the caller then reads with the
//! general parser, so a fast path can decline a cell but never read it differently (the
//! tests hold both to `str::parse`).

/// 1 to 18 ASCII digits and nothing else (no sign, blank or separator).
pub(crate) fn plain_digits(cell: &[u8]) -> Option<u64> {
    if cell.is_empty() || cell.len() > 18 {
        return None;
    }
    // 18 digits stay below 10^18 < u64::MAX: no overflow.
    cell.iter().try_fold(0u64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

/// `-?digits[.digits]` with at most 15 digits in all (`3.06`, `265.92`), exactly as
/// `str::parse::<f64>` reads it: the digits form an integer below 10^15 < 2^53 and the
/// divisor a power of ten up to 10^15, both exact doubles, so the one division is the
/// correctly rounded value of the decimal.
pub(crate) fn plain_decimal(cell: &[u8]) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, body) = match cell.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, cell),
    };
    let (whole, fraction) = match body.iter().position(|&b| b == b'.') {
        Some(dot) => (body.get(..dot)?, body.get(dot + 1..)?),
        None => (body, &[][..]),
    };
    if whole.is_empty() || whole.len() + fraction.len() > 15 {
        return None;
    }
    let digits = |part: &[u8], start: u64| {
        part.iter().try_fold(start, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
        })
    };
    let mantissa = digits(fraction, digits(whole, 0)?)?;
    // Below 10^15 < 2^53, so the conversion is exact.
    let value = mantissa as f64 / POWERS.get(fraction.len())?;
    Some(if negative { -value } else { value })
}

/// Cells the fast paths are held to `str::parse` on (here and in the bulk formats' tests):
/// plain numbers at the edges of each fast path, and the near misses they must decline.
#[cfg(test)]
pub(crate) const NUMBER_CELLS: &[&str] = &[
    "0",
    "7",
    "0123",
    "60000000010",
    "999999999999999999",
    "1000000000000000000",
    "2147483647",
    "2147483648",
    "-5",
    "+5",
    " 5",
    "5 ",
    "3.06",
    "0.05",
    "5.0",
    "5.",
    ".5",
    "-0",
    "-0.41",
    "123456789012345",
    "1234567890123456",
    "0.123456789012345",
    "9007199254740993",
    "1e3",
    "1,000",
    "1.2.3",
    "",
    "-",
    "abc",
    "0.1",
    "2.675",
    "999999999999999",
    "0.000000000000001",
    "265.92",
    "12.5%",
    "--",
    "-.5",
    "1.-5",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_read_what_str_parse_reads_or_decline() {
        for &cell in NUMBER_CELLS {
            if let Some(n) = plain_digits(cell.as_bytes()) {
                assert_eq!(Some(n), cell.parse::<u64>().ok(), "{cell:?}");
            }
            if let Some(v) = plain_decimal(cell.as_bytes()) {
                let general: f64 = cell.parse().expect(cell);
                assert_eq!(v.to_bits(), general.to_bits(), "{cell:?}");
            }
        }
        assert_eq!(plain_digits(b"42"), Some(42));
        assert_eq!(
            plain_digits(b"999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(plain_digits(b"4 2"), None);
        assert_eq!(plain_decimal(b"3.06"), Some(3.06));
        assert_eq!(plain_decimal(b"-0.41"), Some(-0.41));
        assert_eq!(plain_decimal(b"12.5%"), None);
        // Every two-decimal amount up to 10,000.00 reads exactly as str::parse reads it.
        for cents in 0..1_000_000u32 {
            let text = format!("{}.{:02}", cents / 100, cents % 100);
            let general: f64 = text.parse().unwrap();
            assert_eq!(plain_decimal(text.as_bytes()), Some(general), "{text}");
        }
    }
}
