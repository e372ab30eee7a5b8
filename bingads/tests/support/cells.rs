//! Comparing a written bulk file with the one it came from, cell by cell, for the tests of
//! the JSON form (where a decimal may come back with other trailing zeros).

/// Every cell of every row as in `expected`, except that a decimal may come back with other
/// trailing zeros (`125.50` → `125.5`): an API object's decimal crosses JSON as a JSON number,
/// which keeps the value, not its text (the `Decimals` section of `bingads_gen::json`).
pub fn assert_same_cells(written: &[u8], expected: &[u8], delimiter: u8) {
    let rows = |bytes: &[u8]| -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap())
            .collect()
    };
    let (written, expected) = (rows(written), rows(expected));
    assert_eq!(written.len(), expected.len(), "row count");
    for (i, (w, e)) in written.iter().zip(&expected).enumerate() {
        assert_eq!(w.len(), e.len(), "row {i}: cell count");
        for (j, (wc, ec)) in w.iter().zip(e).enumerate() {
            if wc == ec {
                continue;
            }
            let trimmed = |s: &str| {
                if s.contains('.') {
                    s.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    s.to_string()
                }
            };
            assert!(
                wc.parse::<f64>().is_ok() && trimmed(wc) == trimmed(ec),
                "row {i}, cell {j}: {wc:?} written where the file has {ec:?}"
            );
        }
    }
}
