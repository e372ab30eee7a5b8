//! Result archives: telling zip, gzip and plain files apart by their first bytes, expanding
//! them safely, and zipping a file for upload.
//!
//! Safety rules, because a result file is input from the network: an entry whose name would
//! leave the target directory (`../x`, `/etc/x`, `C:\x`) is refused before anything is
//! written (zip slip); output is counted as it is written, never trusted from the archive's
//! headers, and stops at a configurable limit (zip bombs); a corrupt or truncated archive (bad
//! structure, bad CRC, early end) is [`TransferError::CorruptArchive`]. Output lands through a
//! temporary file like any download.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::error::TransferError;
use super::landing::{TempFile, check_target};
use super::progress::{Progress, ProgressSink};

/// Default ceiling on what one result file may expand to (bulk files of a few million rows
/// are a few GB).
pub const DEFAULT_MAX_DECOMPRESSED_BYTES: u64 = 16 * 1024 * 1024 * 1024;

/// What a file is, from its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Zip,
    Gzip,
    Plain,
}

/// Reads the first bytes of `path` to tell a zip from a gzip from anything else.
pub fn detect(path: &Path) -> Result<FileKind, TransferError> {
    let mut head = [0u8; 4];
    let mut file = std::fs::File::open(path).map_err(|e| TransferError::io(path, e))?;
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(TransferError::io(path, e)),
        }
    }
    Ok(match &head[..filled] {
        [b'P', b'K', 3, 4] | [b'P', b'K', 5, 6] => FileKind::Zip,
        [0x1f, 0x8b, ..] => FileKind::Gzip,
        _ => FileKind::Plain,
    })
}

/// Where and how to expand one archive.
#[derive(Debug)]
pub(crate) struct Expand<'a> {
    pub source: &'a Path,
    pub directory: &'a Path,
    /// The output name; `None`: the entry's own name (zip) or the source name without `.gz`.
    pub file_name: Option<&'a str>,
    pub overwrite: bool,
    pub max_bytes: u64,
    pub cancelled: &'a AtomicBool,
    pub progress: Option<&'a ProgressSink>,
}

/// Expands the single file of a zip or gzip `source` into `directory`; a plain file is
/// copied as is. Returns the path written.
pub(crate) fn expand(job: &Expand<'_>) -> Result<PathBuf, TransferError> {
    match detect(job.source)? {
        FileKind::Zip => expand_zip(job),
        FileKind::Gzip => {
            let file = open(job.source)?;
            let name = match job.file_name {
                Some(n) => n.to_string(),
                None => default_gzip_name(job.source),
            };
            let mut reader = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file));
            write_limited(job, &mut reader, &name)
        }
        FileKind::Plain => {
            let name = match job.file_name {
                Some(n) => n.to_string(),
                None => job
                    .source
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "result".into()),
            };
            let mut reader = open(job.source)?;
            write_limited(job, &mut reader, &name)
        }
    }
}

fn open(path: &Path) -> Result<std::fs::File, TransferError> {
    std::fs::File::open(path).map_err(|e| TransferError::io(path, e))
}

fn default_gzip_name(source: &Path) -> String {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.strip_suffix(".gz") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => format!("{name}.out"),
    }
}

fn corrupt(source: &Path, message: impl ToString) -> TransferError {
    TransferError::CorruptArchive {
        path: source.to_path_buf(),
        message: message.to_string(),
    }
}

fn expand_zip(job: &Expand<'_>) -> Result<PathBuf, TransferError> {
    let file = open(job.source)?;
    let mut archive =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| corrupt(job.source, e))?;
    // Every name is checked before anything is written, so a hostile archive writes nothing.
    let mut first_file = None;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| corrupt(job.source, e))?;
        let name = entry.name().to_string();
        let enclosed = entry.enclosed_name();
        let unsafe_name = match &enclosed {
            None => true,
            Some(p) => p.is_absolute() || name.contains(':') || name.starts_with(['/', '\\']),
        };
        if unsafe_name {
            return Err(TransferError::UnsafeArchiveEntry { name });
        }
        if entry.is_file() && first_file.is_none() {
            let base = enclosed
                .as_deref()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .ok_or(TransferError::UnsafeArchiveEntry { name })?;
            first_file = Some((index, base));
        }
    }
    let Some((index, entry_name)) = first_file else {
        return Err(corrupt(job.source, "the archive holds no file"));
    };
    let name = job.file_name.map_or(entry_name, str::to_string);
    let mut entry = archive
        .by_index(index)
        .map_err(|e| corrupt(job.source, e))?;
    write_limited(job, &mut entry, &name)
}

/// Copies `reader` into `directory/name` through a temporary file, counting bytes against the
/// limit and checking for cancellation between chunks.
fn write_limited(
    job: &Expand<'_>,
    reader: &mut dyn Read,
    name: &str,
) -> Result<PathBuf, TransferError> {
    if name.is_empty() || name.contains(['/', '\\']) || name == ".." || name == "." {
        return Err(TransferError::UnsafeArchiveEntry {
            name: name.to_string(),
        });
    }
    let target = job.directory.join(name);
    check_target(&target, job.overwrite)?;
    let (temp, file) = TempFile::create_for(&target)?;
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, file);
    let mut buf = vec![0u8; 64 * 1024];
    let mut written: u64 = 0;
    loop {
        if job.cancelled.load(Ordering::Relaxed) {
            return Err(TransferError::io(
                temp.path(),
                std::io::Error::new(std::io::ErrorKind::Interrupted, "cancelled"),
            ));
        }
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(corrupt(job.source, e)),
        };
        written = written.saturating_add(n as u64);
        if written > job.max_bytes {
            return Err(TransferError::ArchiveTooLarge {
                limit: job.max_bytes,
            });
        }
        let chunk = buf.get(..n).unwrap_or_default();
        out.write_all(chunk)
            .map_err(|e| TransferError::io(temp.path(), e))?;
        if let Some(p) = job.progress {
            p.emit(Progress::Decompress { bytes: written });
        }
    }
    let file = out
        .into_inner()
        .map_err(|e| TransferError::io(temp.path(), e.into_error()))?;
    file.sync_all()
        .map_err(|e| TransferError::io(temp.path(), e))?;
    drop(file);
    temp.persist(&target, job.overwrite)
}

/// Zips `source` into a new temporary file next to `zip_target` (deflate), as one entry named
/// `entry_name`. The source is only read.
pub(crate) fn zip_file(
    source: &Path,
    zip_target: &Path,
    entry_name: &str,
) -> Result<TempFile, TransferError> {
    let mut input = open(source)?;
    let (temp, file) = TempFile::create_for(zip_target)?;
    let mut writer = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    writer
        .start_file(entry_name, options)
        .map_err(|e| TransferError::io(temp.path(), std::io::Error::other(e)))?;
    std::io::copy(&mut input, &mut writer).map_err(|e| TransferError::io(temp.path(), e))?;
    let inner = writer
        .finish()
        .map_err(|e| TransferError::io(temp.path(), std::io::Error::other(e)))?;
    inner
        .into_inner()
        .map_err(|e| TransferError::io(temp.path(), e.into_error()))?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "bingads-archive-{name}-{:x}",
            getrandom::u64().unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn zip_with(path: &Path, entries: &[(&str, &[u8])]) {
        let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        for (name, data) in entries {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap();
    }

    fn run(
        source: &Path,
        out: &Path,
        name: Option<&str>,
        max: u64,
    ) -> Result<PathBuf, TransferError> {
        let cancelled = AtomicBool::new(false);
        expand(&Expand {
            source,
            directory: out,
            file_name: name,
            overwrite: false,
            max_bytes: max,
            cancelled: &cancelled,
            progress: None,
        })
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn zip_and_gzip_expand_to_their_file() {
        let dir = scratch("ok");
        let out = dir.join("out");
        std::fs::create_dir_all(&out).unwrap();
        let z = dir.join("r.zip");
        zip_with(
            &z,
            &[("dir/", b""), ("result.csv", b"Type,Id\r\nKeyword,1\r\n")],
        );
        assert_eq!(detect(&z).unwrap(), FileKind::Zip);
        let p = run(&z, &out, None, 1 << 20).unwrap();
        assert_eq!(p, out.join("result.csv"));
        assert_eq!(std::fs::read(&p).unwrap(), b"Type,Id\r\nKeyword,1\r\n");

        let g = dir.join("r.csv.gz");
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&g).unwrap(),
            flate2::Compression::fast(),
        );
        enc.write_all(b"gz body").unwrap();
        enc.finish().unwrap();
        assert_eq!(detect(&g).unwrap(), FileKind::Gzip);
        let p = run(&g, &out, Some("named.csv"), 1 << 20).unwrap();
        assert_eq!(std::fs::read(p).unwrap(), b"gz body");
        assert_eq!(listing(&out), ["named.csv", "result.csv"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn zip_slip_entries_are_refused_before_anything_is_written() {
        let dir = scratch("slip");
        let out = dir.join("out");
        std::fs::create_dir_all(&out).unwrap();
        for evil in ["../evil.csv", "/etc/evil.csv", "a/../../evil.csv"] {
            let z = dir.join("evil.zip");
            zip_with(&z, &[("fine.csv", b"x"), (evil, b"owned")]);
            let e = run(&z, &out, None, 1 << 20).unwrap_err();
            assert!(
                matches!(&e, TransferError::UnsafeArchiveEntry { name } if name == evil),
                "{evil}: {e}"
            );
            assert!(listing(&out).is_empty(), "{evil}");
        }
        assert!(!dir.join("evil.csv").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn expansion_stops_at_the_limit_and_leaves_nothing() {
        let dir = scratch("bomb");
        let out = dir.join("out");
        std::fs::create_dir_all(&out).unwrap();
        let z = dir.join("bomb.zip");
        let big = vec![b'a'; 300_000];
        let mut w = zip::ZipWriter::new(std::fs::File::create(&z).unwrap());
        w.start_file(
            "big.csv",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        w.write_all(&big).unwrap();
        w.finish().unwrap();
        assert!(std::fs::metadata(&z).unwrap().len() < 10_000);
        let e = run(&z, &out, None, 100_000).unwrap_err();
        assert!(
            matches!(e, TransferError::ArchiveTooLarge { limit: 100_000 }),
            "{e}"
        );
        assert!(listing(&out).is_empty());
        assert!(run(&z, &out, None, 300_000).is_ok());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn corrupt_and_truncated_archives_are_typed_errors() {
        let dir = scratch("corrupt");
        let out = dir.join("out");
        std::fs::create_dir_all(&out).unwrap();
        let z = dir.join("r.zip");
        let mut w = zip::ZipWriter::new(std::fs::File::create(&z).unwrap());
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("result.csv", stored).unwrap();
        w.write_all(&vec![b'x'; 10_000]).unwrap();
        w.finish().unwrap();
        let bytes = std::fs::read(&z).unwrap();
        let cut = dir.join("cut.zip");
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
        let e = run(&cut, &out, None, 1 << 20).unwrap_err();
        assert!(matches!(e, TransferError::CorruptArchive { .. }), "{e}");

        let mut flipped = bytes.clone();
        if let Some(b) = flipped.get_mut(5_000) {
            *b ^= 0xff;
        }
        let bad = dir.join("bad.zip");
        std::fs::write(&bad, &flipped).unwrap();
        let e = run(&bad, &out, None, 1 << 20).unwrap_err();
        assert!(matches!(e, TransferError::CorruptArchive { .. }), "{e}");

        let g = dir.join("r.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&vec![b'y'; 50_000]).unwrap();
        let gz = enc.finish().unwrap();
        std::fs::write(&g, &gz[..gz.len() / 2]).unwrap();
        let e = run(&g, &out, None, 1 << 20).unwrap_err();
        assert!(matches!(e, TransferError::CorruptArchive { .. }), "{e}");
        assert!(listing(&out).is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn zipping_for_upload_leaves_the_source_alone() {
        let dir = scratch("zip");
        let src = dir.join("upload.csv");
        std::fs::write(&src, b"Type,Id\r\n").unwrap();
        let before = std::fs::metadata(&src).unwrap().modified().unwrap();
        let temp = zip_file(&src, &dir.join("upload.zip"), "upload.csv").unwrap();
        let mut a = zip::ZipArchive::new(std::fs::File::open(temp.path()).unwrap()).unwrap();
        let mut s = String::new();
        a.by_index(0).unwrap().read_to_string(&mut s).unwrap();
        assert_eq!(s, "Type,Id\r\n");
        assert_eq!(std::fs::read(&src).unwrap(), b"Type,Id\r\n");
        assert_eq!(std::fs::metadata(&src).unwrap().modified().unwrap(), before);
        drop(temp);
        assert_eq!(listing(&dir), ["upload.csv"]);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
