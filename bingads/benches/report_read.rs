//! Report reading throughput and memory, on the file the shared generator writes
//! (`../shared/bench/python/gen_report.py OUT.csv --rows N`), side by side with a plain pass
//! of the `csv` crate over the same bytes. One mode per process, so the peak RSS printed
//! (VmHWM) is that mode's own:
//!
//! - `csv`: `csv::Reader::read_byte_record` over the file, nothing else (the baseline).
//! - `iterate`: `ReportReader::next_row` over every row (header block parsed, footer recognised).
//! - `fields`: per row `i64("Impressions")`, `i64("Clicks")`, `f64("Spend")`, `text("Keyword")`
//!   (length), `text("DeviceType")`, `text("Network")` (distinct values): the Python SDK's
//!   `bench_report_read.py fields` loop, column by name.
//! - `fields-indexed`: the same with the columns resolved once (`Columns::index_of`).
//! - `zip`: `fields` on FILE.zip (inflated as a stream, never extracted); `make-zip` writes
//!   FILE.zip first, in its own process.
//!
//! Run: `cargo bench -p bingads --bench report_read -- FILE MODE [RUNS]` (or `bench/run.sh
//! report`). Prints one JSON object: minimum elapsed over RUNS (default 3), rows/s, VmHWM.

use std::collections::BTreeSet;
use std::time::Instant;

use bingads::reporting::{ReadOptions, ReportReader};

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn plain_csv(path: &str) -> (u64, String) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("open");
    let mut record = csv::ByteRecord::new();
    let mut n = 0u64;
    while reader.read_byte_record(&mut record).expect("read") {
        n += 1;
    }
    (n, String::new())
}

fn iterate(path: &str) -> (u64, String) {
    let mut reader = ReportReader::open(path).expect("open");
    let mut n = 0u64;
    while reader.next_row().expect("row").is_some() {
        n += 1;
    }
    (n, format!("header rows {:?}", reader.header().row_count))
}

fn fields(path: &str, indexed: bool) -> (u64, String) {
    let mut reader = ReportReader::open_with(path, ReadOptions::default()).expect("open");
    let columns = reader.columns().clone();
    let at = |name: &str| columns.index_of(name).expect("column");
    let (imp, clk, spd, kw, dev, net) = (
        at("Impressions"),
        at("Clicks"),
        at("Spend"),
        at("Keyword"),
        at("DeviceType"),
        at("Network"),
    );
    let (mut n, mut impressions, mut clicks, mut spend, mut keyword_len) =
        (0u64, 0i64, 0i64, 0f64, 0usize);
    let mut devices = BTreeSet::new();
    let mut networks = BTreeSet::new();
    while let Some(row) = reader.next_row().expect("row") {
        n += 1;
        if indexed {
            impressions += row.i64(imp).expect("i").unwrap_or(0);
            clicks += row.i64(clk).expect("c").unwrap_or(0);
            spend += row.f64(spd).expect("s").unwrap_or(0.0);
            keyword_len += row.text(kw).expect("k").map_or(0, str::len);
            let d = row.text(dev).expect("d").unwrap_or("");
            if !devices.contains(d) {
                devices.insert(d.to_string());
            }
            let w = row.text(net).expect("n").unwrap_or("");
            if !networks.contains(w) {
                networks.insert(w.to_string());
            }
        } else {
            impressions += row.i64("Impressions").expect("i").unwrap_or(0);
            clicks += row.i64("Clicks").expect("c").unwrap_or(0);
            spend += row.f64("Spend").expect("s").unwrap_or(0.0);
            keyword_len += row.text("Keyword").expect("k").map_or(0, str::len);
            let d = row.text("DeviceType").expect("d").unwrap_or("");
            if !devices.contains(d) {
                devices.insert(d.to_string());
            }
            let w = row.text("Network").expect("n").unwrap_or("");
            if !networks.contains(w) {
                networks.insert(w.to_string());
            }
        }
    }
    (
        n,
        format!(
            "impressions {impressions} clicks {clicks} spend {spend:.2} keyword chars {keyword_len} devices {} networks {}",
            devices.len(),
            networks.len()
        ),
    )
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (Some(path), Some(mode)) = (args.first(), args.get(1)) else {
        eprintln!(
            "usage: cargo bench -p bingads --bench report_read -- FILE csv|iterate|fields|fields-indexed|zip [RUNS]"
        );
        eprintln!(
            "(FILE from ../shared/bench/python/gen_report.py; `zip` reads FILE.zip, made if missing)"
        );
        return;
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let zip_path = format!("{path}.zip");
    if mode == "make-zip" {
        // A separate step, so that building the zip in memory does not count in `zip`'s RSS.
        let text = std::fs::read(path).expect("read");
        let name = std::path::Path::new(path)
            .file_name()
            .map_or("report.csv".into(), |n| n.to_string_lossy().into_owned());
        std::fs::write(
            &zip_path,
            bingads_emulator::report_file::zip_report(&name, &text),
        )
        .expect("zip");
        println!("wrote {zip_path}");
        return;
    }
    if mode == "zip" && !std::path::Path::new(&zip_path).exists() {
        eprintln!("{zip_path} is missing: run the `make-zip` mode first");
        return;
    }
    let mut best = f64::INFINITY;
    let mut result = (0, String::new());
    for _ in 0..runs {
        let start = Instant::now();
        result = match mode.as_str() {
            "csv" => plain_csv(path),
            "iterate" => iterate(path),
            "fields" => fields(path, false),
            "fields-indexed" => fields(path, true),
            "zip" => fields(&zip_path, false),
            other => panic!("unknown mode {other}"),
        };
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{{\"mode\": \"{mode}\", \"file\": \"{path}\", \"records\": {}, \"runs\": {runs}, \"min_elapsed_s\": {best:.3}, \"rows_per_s\": {:.0}, \"peak_rss_mib\": {:.1}, \"check\": \"{}\"}}",
        result.0,
        result.0 as f64 / best,
        peak_rss_mib(),
        result.1
    );
}
