//! Where report bytes come from: a plain file, a zip archive as the service sends it (read
//! in place, its first file inflated as a stream, never extracted to disk), bytes in memory,
//! or any reader. The archive entry's size and CRC-32 are checked while streaming, so a
//! damaged or oversized entry is an error rather than silently short or endless data.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use crate::reporting::ReportError;

const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// The report text as a stream, with the name of the file it came from (for the format).
pub(crate) struct Source {
    pub stream: Box<dyn BufRead + Send>,
    pub name: Option<String>,
}

struct Entry {
    name: String,
    data_start: u64,
    compressed_size: u64,
    size: u64,
    crc32: u32,
    deflated: bool,
}

fn archive_error(path: Option<&Path>, message: impl std::fmt::Display) -> ReportError {
    ReportError::Archive {
        path: path.map(Path::to_path_buf),
        message: message.to_string(),
    }
}

/// The first file of the archive (reports hold exactly one).
fn first_entry<R: Read + Seek>(archive: R, path: Option<&Path>) -> Result<Entry, ReportError> {
    let mut zip = zip::ZipArchive::new(archive).map_err(|e| archive_error(path, e))?;
    for index in 0..zip.len() {
        let file = zip
            .by_index_raw(index)
            .map_err(|e| archive_error(path, e))?;
        if file.is_dir() {
            continue;
        }
        if file.encrypted() {
            return Err(archive_error(path, "the entry is encrypted"));
        }
        let deflated = match file.compression() {
            zip::CompressionMethod::Stored => false,
            zip::CompressionMethod::Deflated => true,
            other => {
                return Err(archive_error(
                    path,
                    format!("unsupported compression {other:?}"),
                ));
            }
        };
        let data_start = file
            .data_start()
            .ok_or_else(|| archive_error(path, "the entry's data offset is unknown"))?;
        return Ok(Entry {
            name: file.name().to_string(),
            data_start,
            compressed_size: file.compressed_size(),
            size: file.size(),
            crc32: file.crc32(),
            deflated,
        });
    }
    Err(archive_error(path, "the archive holds no file"))
}

/// Streams one entry's bytes from `raw` (positioned anywhere), inflating and checking them.
fn entry_stream<R: Read + Seek + Send + 'static>(
    mut raw: R,
    entry: &Entry,
    path: Option<&Path>,
) -> Result<Box<dyn Read + Send>, ReportError> {
    raw.seek(SeekFrom::Start(entry.data_start))
        .map_err(|e| archive_error(path, e))?;
    let compressed = raw.take(entry.compressed_size);
    let inner: Box<dyn Read + Send> = if entry.deflated {
        Box::new(flate2::read::DeflateDecoder::new(BufReader::with_capacity(
            64 * 1024,
            compressed,
        )))
    } else {
        Box::new(compressed)
    };
    Ok(Box::new(Checked {
        inner,
        crc: flate2::Crc::new(),
        read: 0,
        size: entry.size,
        crc32: entry.crc32,
    }))
}

/// Fails the read when the entry inflates past its declared size or its CRC-32 differs.
struct Checked {
    inner: Box<dyn Read + Send>,
    crc: flate2::Crc,
    read: u64,
    size: u64,
    crc32: u32,
}

impl Read for Checked {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let chunk = buf.get(..n).unwrap_or(&[]);
        self.crc.update(chunk);
        self.read = self.read.saturating_add(n as u64);
        if self.read > self.size {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the archive entry is longer than its declared size",
            ));
        }
        if n == 0 && !buf.is_empty() && (self.read != self.size || self.crc.sum() != self.crc32) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the archive entry is damaged (size or CRC-32 mismatch)",
            ));
        }
        Ok(n)
    }
}

fn buffered(stream: Box<dyn Read + Send>) -> Box<dyn BufRead + Send> {
    Box::new(BufReader::with_capacity(64 * 1024, stream))
}

/// Opens a report file, zipped or not.
pub(crate) fn open_path(path: &Path) -> Result<Source, ReportError> {
    let io_error = |source| ReportError::Io {
        path: Some(path.to_path_buf()),
        source,
    };
    let mut file = File::open(path).map_err(io_error)?;
    let mut magic = [0u8; 4];
    let is_zip = match file.read_exact(&mut magic) {
        Ok(()) => &magic == ZIP_MAGIC,
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => false,
        Err(e) => return Err(io_error(e)),
    };
    file.seek(SeekFrom::Start(0)).map_err(io_error)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if !is_zip {
        return Ok(Source {
            stream: buffered(Box::new(file)),
            name: file_name,
        });
    }
    let entry = first_entry(&mut file, Some(path))?;
    Ok(Source {
        stream: buffered(entry_stream(file, &entry, Some(path))?),
        name: Some(entry.name),
    })
}

/// Report bytes in memory (a downloaded zip or the report text).
pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Source, ReportError> {
    if bytes.starts_with(ZIP_MAGIC) {
        let entry = first_entry(Cursor::new(bytes.as_slice()), None)?;
        let stream = entry_stream(Cursor::new(bytes), &entry, None)?;
        return Ok(Source {
            stream: buffered(stream),
            name: Some(entry.name),
        });
    }
    Ok(Source {
        stream: buffered(Box::new(Cursor::new(bytes))),
        name: None,
    })
}

/// Any reader: a zip must be seekable to be read in place, so one arriving through a plain
/// reader is taken into memory first; report text streams through.
pub(crate) fn from_reader(reader: Box<dyn Read + Send>) -> Result<Source, ReportError> {
    let mut stream = BufReader::with_capacity(64 * 1024, reader);
    let head = stream
        .fill_buf()
        .map_err(|source| ReportError::Io { path: None, source })?;
    if head.starts_with(ZIP_MAGIC) {
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .map_err(|source| ReportError::Io { path: None, source })?;
        return from_bytes(bytes);
    }
    Ok(Source {
        stream: Box::new(stream),
        name: None,
    })
}
