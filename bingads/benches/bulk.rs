//! Bulk file throughput, one measurement per process so peak memory (VmHWM) is that
//! measurement's own:
//!
//! ```sh
//! cargo bench -p bingads --bench bulk -- csv-pass FILE      # plain csv ByteRecord pass (the baseline)
//! cargo bench -p bingads --bench bulk -- read-typed FILE    # BulkFileReader into typed records (iterator)
//! cargo bench -p bingads --bench bulk -- read-record FILE   # the same records, refilled in place by read_record
//! cargo bench -p bingads --bench bulk -- read-untyped FILE  # the same reader, rows kept as text only
//! cargo bench -p bingads --bench bulk -- read-rows FILE      # rows lent by `next_row`, `Type` read
//! cargo bench -p bingads --bench bulk -- write N OUT        # BulkFileWriter, N keyword rows
//! ```
//!
//! Prints one JSON line: seconds, rows, rows/s, peak RSS in MiB. `bench/run.sh bulk` runs all
//! of them next to the official Python SDK on the same files.

use std::fs::File;
use std::io::BufWriter;
use std::time::Instant;

use bingads::Nillable;
use bingads::bulk::{BulkFileReader, BulkFileWriter, BulkKeyword, BulkRecord, FileFormat};
use bingads::v13::campaign_management::{Bid, Keyword, KeywordStatus, MatchType};

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU seconds of this (single-threaded) process so far: on a loaded machine wall-clock time
/// mostly measures waiting for a core, CPU time does not. `/proc/self/schedstat` counts
/// nanoseconds on a CPU; `/proc/self/stat` (user + system, 10 ms ticks) is the fallback.
fn cpu_seconds() -> f64 {
    let schedstat = std::fs::read_to_string("/proc/self/schedstat").unwrap_or_default();
    if let Some(ns) = schedstat
        .split_whitespace()
        .next()
        .and_then(|v| v.parse::<u64>().ok())
    {
        return ns as f64 / 1e9;
    }
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

fn report(what: &str, rows: u64, seconds: f64) {
    println!(
        "{{\"bench\": \"{what}\", \"rows\": {rows}, \"seconds\": {seconds:.3}, \"cpu_seconds\": {:.3}, \"rows_per_s\": {:.0}, \"peak_rss_mib\": {:.1}}}",
        cpu_seconds(),
        rows as f64 / seconds,
        peak_rss_mib()
    );
}

fn csv_pass(path: &str) -> u64 {
    let file = File::open(path).expect("open");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(256 * 1024)
        .from_reader(file);
    let mut record = csv::ByteRecord::new();
    let mut rows = 0u64;
    let mut bytes = 0usize;
    while reader.read_byte_record(&mut record).expect("row") {
        rows += 1;
        bytes += record.len();
    }
    std::hint::black_box(bytes);
    rows
}

fn read_typed(path: &str, typed: bool) -> u64 {
    let mut rows = 0u64;
    let mut keywords = 0u64;
    let reader = BulkFileReader::open(path).expect("open");
    let reader = if typed { reader } else { reader.untyped() };
    for record in reader {
        let record = record.expect("record");
        rows += 1;
        if let BulkRecord::Keyword(k) = &record {
            keywords += u64::from(k.keyword.bid.value().is_some());
        }
        std::hint::black_box(&record);
    }
    std::hint::black_box(keywords);
    rows
}

/// The same records as `read_typed`, read into one record by `read_record` (the fastest
/// typed path), counted the same way.
fn read_record(path: &str) -> u64 {
    let mut reader = BulkFileReader::open(path).expect("open");
    let mut record = BulkRecord::default();
    let (mut rows, mut keywords) = (0u64, 0u64);
    while reader.read_record(&mut record).expect("record") {
        rows += 1;
        if let BulkRecord::Keyword(k) = &record {
            keywords += u64::from(k.keyword.bid.value().is_some());
        }
        std::hint::black_box(&record);
    }
    std::hint::black_box(keywords);
    rows
}

/// Rows lent by `next_row` (nothing copied), each row's `Type` cell read and counted.
fn read_rows(path: &str) -> u64 {
    let mut reader = BulkFileReader::open(path).expect("open");
    let (mut rows, mut keywords) = (0u64, 0u64);
    while let Some(row) = reader.next_row() {
        let row = row.expect("row");
        rows += 1;
        keywords += u64::from(row.record_type().expect("type") == "Keyword");
    }
    std::hint::black_box(keywords);
    rows
}

const WORDS: &[&str] = &[
    "shoes",
    "boots",
    "sneakers",
    "sandals",
    "heels",
    "running",
    "trail",
    "hiking",
    "leather",
    "women",
    "men",
    "kids",
    "waterproof",
    "sale",
    "best",
];

/// Writes `n` keywords; returns the seconds spent in `write` and `finish` alone (building the
/// records is timed apart, as the Python script times its phase 2 apart from phase 1).
fn write(n: u64, out: &str) -> f64 {
    let file = BufWriter::new(File::create(out).expect("create"));
    let mut writer = BulkFileWriter::new(file, FileFormat::Csv).expect("writer");
    let matches = [MatchType::Exact, MatchType::Phrase, MatchType::Broad];
    let mut in_writer = 0.0;
    let mut seed = 42u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for i in 0..n {
        let words = 1 + (i % 3) as usize;
        let text = (0..words)
            .map(|_| WORDS[next() % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ");
        let record = BulkRecord::Keyword(BulkKeyword {
            ad_group_id: Some(1_100_000_000_000 + (i / 100) as i64),
            keyword: Keyword {
                text: Nillable::Value(text),
                match_type: Nillable::Value(matches[(i % 3) as usize].clone()),
                status: Nillable::Value(KeywordStatus::Active),
                bid: Nillable::Value(Bid {
                    amount: Nillable::Value(0.05 + (next() % 501) as f64 / 100.0),
                }),
                final_urls: Nillable::Value(vec![Some(format!(
                    "https://www.contoso.com/shoes/{i}"
                ))]),
                ..Default::default()
            },
            ..Default::default()
        });
        let t = Instant::now();
        writer.write(&record).expect("write");
        in_writer += t.elapsed().as_secs_f64();
    }
    let t = Instant::now();
    writer.finish().expect("finish");
    in_writer + t.elapsed().as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let t0 = Instant::now();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["csv-pass", path] => {
            let rows = csv_pass(path);
            report("csv-pass", rows, t0.elapsed().as_secs_f64());
        }
        ["read-typed", path] => {
            let rows = read_typed(path, true);
            report("read-typed", rows, t0.elapsed().as_secs_f64());
        }
        ["read-record", path] => {
            let rows = read_record(path);
            report("read-record", rows, t0.elapsed().as_secs_f64());
        }
        ["read-rows", path] => {
            let rows = read_rows(path);
            report("read-rows", rows, t0.elapsed().as_secs_f64());
        }
        ["sizes"] => {
            println!(
                "{{\"BulkRecord\": {}, \"BulkKeyword\": {}, \"BulkRow\": {}}}",
                std::mem::size_of::<BulkRecord>(),
                std::mem::size_of::<BulkKeyword>(),
                std::mem::size_of::<bingads::bulk::BulkRow>()
            );
        }
        ["read-untyped", path] => {
            let rows = read_typed(path, false);
            report("read-untyped", rows, t0.elapsed().as_secs_f64());
        }
        ["write", n, out] => {
            let n: u64 = n.parse().expect("N");
            let writing = write(n, out);
            report("write", n, writing);
            report("build+write", n, t0.elapsed().as_secs_f64());
        }
        _ => {
            eprintln!(
                "usage: bulk (csv-pass FILE | read-typed FILE | read-record FILE | read-untyped FILE | read-rows FILE | sizes | write N OUT)"
            );
        }
    }
}
