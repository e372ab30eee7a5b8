//! The grammar of `bingads bulk` (clap).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

const BULK_EXAMPLES: &str = "\
Examples:
  bingads bulk download -o entities.csv                     every campaign, ad group, keyword and ad
  bingads bulk download --campaign 123 --entities keywords -o kw.csv
  bingads bulk download --since '2026-12-01T00:00:00Z' -o delta.csv
  bingads bulk upload changes.csv --results -o result.csv
  bingads bulk status --download 1234567890
  bingads bulk resume --download 1234567890 -o entities.csv
  bingads bulk read entities.csv | grep '\"Keyword\"' > keywords.jsonl
  bingads bulk write --input keywords.jsonl --output upload.csv";

#[derive(Debug, Subcommand)]
#[command(after_help = BULK_EXAMPLES)]
pub enum BulkCommand {
    /// Download entities into a bulk file (submit, wait for the service, download, unzip).
    #[command(
        long_about = "Download the account's entities (or some campaigns') into a bulk file: \
            submits the download, shows the service's progress, downloads and unzips the result \
            file, and prints {\"File\", \"RequestId\", \"SyncTime\"} as JSON. Pass the printed \
            SyncTime as --since next time to get only what changed. If it takes longer than \
            --timeout, the request id is printed: continue with `bingads bulk resume --download ID`.",
        after_help = BULK_EXAMPLES
    )]
    Download(DownloadArgs),
    /// Upload a bulk file (CSV/TSV, plain or zipped) and fetch its result file.
    #[command(
        long_about = "Upload a bulk file: checks its size (100 MB) and rows (4,000,000 in \
            production, 20,000 in sandbox) before sending anything, zips it, posts it, waits \
            for the service, downloads the result file and prints {\"ResultFile\", \"RequestId\", \
            \"Errors\": [{\"Row\", \"Type\", \"Error\", \"ErrorNumber\"}]} as JSON. Exit code 0 even \
            when rows failed: the Errors list says which. The file itself is never modified.",
        after_help = BULK_EXAMPLES
    )]
    Upload(UploadArgs),
    /// The status of a download or upload, as JSON.
    #[command(
        after_help = "Examples:\n  bingads bulk status --download 1234567890\n  bingads bulk status --upload 1234567890"
    )]
    Status(StatusArgs),
    /// Wait for an earlier download or upload and fetch its result file.
    #[command(
        after_help = "Examples:\n  bingads bulk resume --download 1234567890 -o entities.csv\n  bingads bulk resume --upload 1234567890 -o result.csv"
    )]
    Resume(ResumeArgs),
    /// Print a bulk file's records, one JSON object per line.
    #[command(
        long_about = "Print every record of a bulk file (CSV/TSV, plain, zipped or gzipped) as one \
            JSON object per line: {\"Type\", \"Row\", the API object under its own name, the \
            bulk-only fields beside it, \"Extra\" for columns the record does not map, \
            \"Errors\"}, or {\"Type\", \"Row\", \"Untyped\": true, \"Cells\"} for types without a \
            typed record. Works offline.",
        after_help = "Example:\n  bingads bulk read entities.csv > records.jsonl"
    )]
    Read(ReadArgs),
    /// Turn JSON records (one per line, as `read` prints them) into a bulk file.
    #[command(
        after_help = "Example:\n  bingads bulk write --input records.jsonl --output upload.csv --format csv"
    )]
    Write(WriteArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scope {
    EntityData,
    QualityScoreData,
    BidSuggestionsData,
}

/// Tracking and transfer options shared by the commands that wait for the service.
#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Give up waiting after this many seconds (the operation goes on; resume it later).
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    pub timeout: u64,
    /// Seconds between status polls after the first four (at least 1).
    #[arg(long, value_name = "SECONDS", default_value_t = 5)]
    pub poll_interval: u64,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub overwrite: bool,
    /// No progress bars.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// Accounts to download (default: --account-id / BINGADS_ACCOUNT_ID).
    #[arg(long = "account", value_name = "ID", conflicts_with = "campaigns")]
    pub accounts: Vec<i64>,
    /// Only these campaigns (of --account-id's account).
    #[arg(long = "campaign", value_name = "ID")]
    pub campaigns: Vec<i64>,
    /// Which entities, comma-separated, by their DownloadEntity names (e.g.
    /// campaigns,ad-groups,keywords,ads,campaign-negative-keywords); default
    /// campaigns,ad-groups,keywords,ads.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub entities: Vec<String>,
    /// What data, comma-separated (default entity-data).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub scope: Vec<Scope>,
    /// Only what changed since this UTC time (the SyncTime an earlier download printed, or
    /// an ISO 8601 time).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Where the file goes (default: the service's name in the current directory).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep the zip the service sends instead of unzipping it.
    #[arg(long)]
    pub keep_zip: bool,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// The bulk file to upload.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Return every uploaded row with its result (ids of added entities), not only errors.
    #[arg(long)]
    pub results: bool,
    /// Where the result file goes (default: the service's name in the current directory).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct Which {
    /// A download's request id.
    #[arg(long, value_name = "ID")]
    pub download: Option<String>,
    /// An upload's request id.
    #[arg(long, value_name = "ID")]
    pub upload: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub which: Which,
}

#[derive(Debug, Args)]
pub struct ResumeArgs {
    #[command(flatten)]
    pub which: Which,
    /// Where the result file goes (default: the service's name in the current directory).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The bulk file (CSV/TSV; plain, zip or gzip).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Every row as {"Type", "Row", "Untyped": true, "Cells"}, without typed records.
    #[arg(long)]
    pub untyped: bool,
}

#[derive(Debug, Args)]
pub struct WriteArgs {
    /// JSON records, one per line (as `bulk read` prints them); - for standard input.
    #[arg(long, short, value_name = "FILE")]
    pub input: PathBuf,
    /// The bulk file to write.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub overwrite: bool,
}
