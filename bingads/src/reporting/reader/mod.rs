//! The streaming report reader: CSV, TSV and XML reports as the Reporting service writes
//! them, zipped or plain, with or without the header block, column row and footer. Memory
//! stays flat whatever the file size: one row is held at a time (in a reused buffer), and a
//! zip is inflated as a stream.
//!
//! ```no_run
//! use bingads::reporting::{ReadOptions, ReportReader};
//! use bingads::v13::reporting::KeywordPerformanceReportColumn as Col;
//!
//! # fn run() -> Result<(), bingads::reporting::ReportError> {
//! let mut report = ReportReader::open("report.zip")?;
//! println!("{:?} rows", report.header().row_count);
//! let (mut clicks, mut spend) = (0, 0.0);
//! while let Some(row) = report.next_row()? {
//!     clicks += row.i64(Col::Clicks)?.unwrap_or(0);
//!     spend += row.f64("Spend")?.unwrap_or(0.0);
//! }
//! # Ok(()) }
//! ```

mod cell;
mod delimited;
mod header;
mod name_memo;
mod row;
mod source;
mod xml;

use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::Arc;

pub use header::{ReportFooter, ReportHeader};
pub use row::{ColumnIndex, ColumnKey, Columns, ReportRecord, Row};

use crate::reporting::ReportError;
use crate::v13::reporting::ReportFormat;

/// How to read a report. `Default` detects the format and takes the column row from the file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Csv, Tsv or Xml; `None` tells it from the file name, then from the content.
    pub format: Option<ReportFormat>,
    /// The request's columns, in request order: needed when the request set
    /// `ExcludeColumnHeaders` (the file then has no column row).
    pub columns: Option<Vec<String>>,
}

impl ReadOptions {
    /// The format and columns of the request the report was made from.
    pub fn for_request(request: &crate::v13::reporting::ReportRequest) -> Self {
        let layout = crate::reporting::ReportLayout::of(request);
        ReadOptions {
            format: Some(layout.format),
            columns: Some(layout.columns),
        }
    }

    pub fn with_format(mut self, format: ReportFormat) -> Self {
        self.format = Some(format);
        self
    }

    pub fn with_columns<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.columns = Some(columns.into_iter().map(Into::into).collect());
        self
    }
}

enum Engine {
    Delimited(delimited::Delimited),
    Xml(xml::Xml<Box<dyn BufRead + Send>>),
}

/// A report being read, one row at a time.
// The official SDKs read a file with `ReportFileReader` into a `Report`; both are this.
#[doc(alias = "ReportFileReader", alias = "Report")]
pub struct ReportReader {
    engine: Engine,
    format: ReportFormat,
    header: ReportHeader,
    columns: Arc<Columns>,
    footer: ReportFooter,
    memo: name_memo::NameMemo,
}

impl std::fmt::Debug for ReportReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportReader")
            .field("format", &self.format)
            .field("header", &self.header)
            .field("columns", &self.columns.names())
            .finish_non_exhaustive()
    }
}

impl ReportReader {
    /// Opens a report file: the zip the service returns (read in place, not extracted) or an
    /// extracted `.csv`/`.tsv`/`.xml`.
    #[doc(alias = "ReportFileReader", alias = "get_report")]
    pub fn open(path: impl AsRef<Path>) -> Result<Self, ReportError> {
        Self::open_with(path, ReadOptions::default())
    }

    /// [`open`](Self::open) with the format or the columns given.
    pub fn open_with(path: impl AsRef<Path>, options: ReadOptions) -> Result<Self, ReportError> {
        let path = path.as_ref();
        let source = source::open_path(path)?;
        Self::start(source, options, Some(path))
    }

    /// A report in memory (zipped or not).
    pub fn from_bytes(bytes: Vec<u8>, options: ReadOptions) -> Result<Self, ReportError> {
        Self::start(source::from_bytes(bytes)?, options, None)
    }

    /// A report from any reader (a zip arriving this way is taken into memory first, since
    /// reading one needs its directory at the end).
    pub fn from_reader(
        reader: impl Read + Send + 'static,
        options: ReadOptions,
    ) -> Result<Self, ReportError> {
        Self::start(source::from_reader(Box::new(reader))?, options, None)
    }

    fn start(
        mut source: source::Source,
        options: ReadOptions,
        path: Option<&Path>,
    ) -> Result<Self, ReportError> {
        let format = match options.format {
            Some(ReportFormat::UnknownValue(other)) => {
                return Err(ReportError::UnknownFormat {
                    path: path.map(Path::to_path_buf),
                    message: format!("unknown format {other:?}"),
                });
            }
            Some(format) => format,
            None => detect_format(&mut source, path)?,
        };
        let expected = options.columns.as_deref();
        let (engine, header, names, footer) = match format {
            ReportFormat::Xml => {
                let opened = xml::Xml::open(source.stream, expected)?;
                (
                    Engine::Xml(opened.reader),
                    opened.header,
                    opened.columns,
                    ReportFooter::default(),
                )
            }
            _ => {
                let delimiter = if format == ReportFormat::Tsv {
                    b'\t'
                } else {
                    b','
                };
                let opened = delimited::Delimited::open(source.stream, delimiter, expected)?;
                let names = opened.columns.unwrap_or_default();
                (
                    Engine::Delimited(opened.reader),
                    opened.header,
                    names,
                    opened.footer,
                )
            }
        };
        Ok(ReportReader {
            engine,
            format,
            header,
            columns: Arc::new(Columns::new(names)),
            footer,
            memo: name_memo::NameMemo::default(),
        })
    }

    /// The header block (all `None` when the request excluded it).
    pub fn header(&self) -> &ReportHeader {
        &self.header
    }

    /// The columns, from the column row or the request.
    #[doc(alias = "report_columns")]
    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// Csv, Tsv or Xml.
    pub fn format(&self) -> &ReportFormat {
        &self.format
    }

    /// The footer: complete once [`next_row`](Self::next_row) has returned `None`.
    pub fn footer(&self) -> &ReportFooter {
        &self.footer
    }

    /// The next data row, or `None` at the end of the data (the footer is never a row).
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, ReportError> {
        let next = match &mut self.engine {
            Engine::Delimited(d) => d.next(&mut self.footer)?,
            Engine::Xml(x) => x.next(&mut self.footer)?,
        };
        let Some((record, line)) = next else {
            return Ok(None);
        };
        if self.columns.is_empty() && !record.is_empty() {
            return Err(ReportError::NoColumns);
        }
        self.memo.start_row();
        Ok(Some(Row {
            record,
            columns: &self.columns,
            line,
            memo: Some(&self.memo),
        }))
    }

    /// The rows as owned records (one allocation per row; [`next_row`](Self::next_row)
    /// avoids it).
    #[doc(alias = "report_records")]
    pub fn records(self) -> Records {
        Records { reader: self }
    }
}

/// The iterator of [`ReportReader::records`].
#[derive(Debug)]
pub struct Records {
    reader: ReportReader,
}

impl Records {
    /// The reader, for its header and (after the last row) footer.
    pub fn reader(&self) -> &ReportReader {
        &self.reader
    }
}

impl Iterator for Records {
    type Item = Result<ReportRecord, ReportError>;

    fn next(&mut self) -> Option<Self::Item> {
        let columns = Arc::clone(&self.reader.columns);
        match self.reader.next_row() {
            Ok(Some(row)) => Some(Ok(row.to_record(&columns))),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

fn detect_format(
    source: &mut source::Source,
    path: Option<&Path>,
) -> Result<ReportFormat, ReportError> {
    let by_name = source.name.as_deref().and_then(|name| {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(ReportFormat::Csv),
            "tsv" => Some(ReportFormat::Tsv),
            "xml" => Some(ReportFormat::Xml),
            _ => None,
        }
    });
    if let Some(format) = by_name {
        return Ok(format);
    }
    let head = source.stream.fill_buf().map_err(|e| ReportError::Io {
        path: path.map(Path::to_path_buf),
        source: e,
    })?;
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    Ok(match first {
        Some(b'<') => ReportFormat::Xml,
        _ if head.contains(&b'\t') => ReportFormat::Tsv,
        _ => ReportFormat::Csv,
    })
}
