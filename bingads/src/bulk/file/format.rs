//! Which bytes a bulk file is made of: CSV or TSV text, possibly in a zip or gzip container
//! as the service delivers result files, possibly starting with a UTF-8 BOM. Containers are
//! decompressed as streams; nothing is extracted to disk.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::super::error::BulkError;

/// The text layout of a bulk file (the service's `DownloadFileType` / upload file type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FileFormat {
    /// Comma-separated values.
    #[default]
    Csv,
    /// Tab-separated values.
    Tsv,
}

impl FileFormat {
    pub(crate) fn delimiter(self) -> u8 {
        match self {
            FileFormat::Csv => b',',
            FileFormat::Tsv => b'\t',
        }
    }

    /// The file name extension the service uses (`csv`, `tsv`).
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Tsv => "tsv",
        }
    }

    /// The format a file name's extension names, if any (`.csv`, `.tsv`, case-insensitive).
    pub fn from_file_name(name: &str) -> Option<FileFormat> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(FileFormat::Csv),
            "tsv" => Some(FileFormat::Tsv),
            _ => None,
        }
    }
}

pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const GZIP_MAGIC: &[u8] = b"\x1F\x8B";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Boxed text source the CSV parser reads from.
pub(crate) type Source = Box<dyn BufRead + Send>;

/// Wraps `inner` in a gzip decoder when it starts with the gzip magic bytes.
pub(crate) fn ungzip_if_needed(inner: Source) -> Result<Source, BulkError> {
    let mut inner = inner;
    let head = inner
        .fill_buf()
        .map_err(BulkError::io("reading the bulk file"))?;
    if head.starts_with(GZIP_MAGIC) {
        Ok(Box::new(BufReader::with_capacity(
            64 * 1024,
            flate2::bufread::MultiGzDecoder::new(inner),
        )))
    } else {
        Ok(inner)
    }
}

/// Skips a leading UTF-8 BOM and guesses CSV or TSV from the header row: the first of `,` or
/// tab in the first line decides (the header starts with `Type` and a delimiter).
pub(crate) fn skip_bom_and_sniff(source: &mut Source) -> Result<FileFormat, BulkError> {
    let head = source
        .fill_buf()
        .map_err(BulkError::io("reading the bulk file"))?;
    if head.starts_with(UTF8_BOM) {
        source.consume(UTF8_BOM.len());
    }
    let head = source
        .fill_buf()
        .map_err(BulkError::io("reading the bulk file"))?;
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let tab = first_line.iter().position(|b| *b == b'\t');
    let comma = first_line.iter().position(|b| *b == b',');
    Ok(match (tab, comma) {
        (Some(t), Some(c)) if t < c => FileFormat::Tsv,
        (Some(_), None) => FileFormat::Tsv,
        _ => FileFormat::Csv,
    })
}

pub(crate) fn skip_bom(source: &mut Source) -> Result<(), BulkError> {
    let head = source
        .fill_buf()
        .map_err(BulkError::io("reading the bulk file"))?;
    if head.starts_with(UTF8_BOM) {
        source.consume(UTF8_BOM.len());
    }
    Ok(())
}

/// What `open` found: a text stream and, when the name says so, its format.
pub(crate) struct Opened {
    pub(crate) source: Source,
    pub(crate) named_format: Option<FileFormat>,
}

/// Opens a path: zip (first file entry), gzip or plain text, by content, not by name.
pub(crate) fn open_path(path: &Path) -> Result<Opened, BulkError> {
    let mut file = File::open(path).map_err(BulkError::io("opening the bulk file"))?;
    let mut magic = [0u8; 4];
    let n = read_up_to(&mut file, &mut magic).map_err(BulkError::io("reading the bulk file"))?;
    file.seek(SeekFrom::Start(0))
        .map_err(BulkError::io("reading the bulk file"))?;
    let by_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| FileFormat::from_file_name(n.trim_end_matches(".gz")));
    if magic.get(..n).is_some_and(|m| m.starts_with(ZIP_MAGIC)) {
        return open_zip(file);
    }
    let source: Source = Box::new(BufReader::with_capacity(256 * 1024, file));
    Ok(Opened {
        source: ungzip_if_needed(source)?,
        named_format: by_name,
    })
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(buf.get_mut(filled..).unwrap_or(&mut [])) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The first file entry of a zip archive (the service's result archives hold one file), as an
/// owned stream: the zip crate reads the central directory, then the entry's compressed bytes
/// are read straight from the file and inflated on the fly, with the CRC checked at the end.
pub(crate) fn open_zip<R: Read + Seek + Send + 'static>(reader: R) -> Result<Opened, BulkError> {
    let archive_err = |e: zip::result::ZipError| BulkError::Archive {
        message: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(reader).map_err(archive_err)?;
    let mut found = None;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(archive_err)?;
        if entry.is_file() {
            found = Some((
                entry.name().to_string(),
                entry.data_start(),
                entry.compressed_size(),
                entry.size(),
                entry.crc32(),
                entry.compression(),
            ));
            break;
        }
    }
    let Some((name, start, compressed, size, crc, method)) = found else {
        return Err(BulkError::Archive {
            message: "the zip archive holds no file".into(),
        });
    };
    let start = start.ok_or_else(|| BulkError::Archive {
        message: format!("entry {name:?} has no readable data offset"),
    })?;
    let mut inner = archive.into_inner();
    inner
        .seek(SeekFrom::Start(start))
        .map_err(BulkError::io("reading the zip archive"))?;
    let raw = inner.take(compressed);
    let body: Box<dyn Read + Send> = match method {
        zip::CompressionMethod::Stored => Box::new(raw),
        zip::CompressionMethod::Deflated => {
            Box::new(flate2::read::DeflateDecoder::new(BufReader::new(raw)))
        }
        other => {
            return Err(BulkError::Archive {
                message: format!("entry {name:?} uses compression {other}, only deflate is read"),
            });
        }
    };
    Ok(Opened {
        source: Box::new(BufReader::with_capacity(
            256 * 1024,
            CheckedEntry {
                inner: body,
                hasher: crc32fast::Hasher::new(),
                expected_crc: crc,
                expected_size: size,
                seen: 0,
                finished: false,
            },
        )),
        named_format: FileFormat::from_file_name(&name),
    })
}

/// Checks a zip entry's size and CRC-32 once its data ends, so a corrupt or truncated archive
/// is an error rather than a short file.
struct CheckedEntry {
    inner: Box<dyn Read + Send>,
    hasher: crc32fast::Hasher,
    expected_crc: u32,
    expected_size: u64,
    seen: u64,
    finished: bool,
}

impl Read for CheckedEntry {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.finished {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        if n == 0 {
            if self.seen != self.expected_size {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!(
                        "zip entry is truncated: {} of {} bytes",
                        self.seen, self.expected_size
                    ),
                ));
            }
            if std::mem::take(&mut self.hasher).finalize() != self.expected_crc {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "zip entry CRC-32 mismatch: the archive is corrupt",
                ));
            }
            self.finished = true;
            return Ok(0);
        }
        self.hasher.update(buf.get(..n).unwrap_or(&[]));
        self.seen = self.seen.saturating_add(n as u64);
        Ok(n)
    }
}
