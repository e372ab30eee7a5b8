//! `bulk read` and `bulk write`: bulk files to JSON lines and back, offline, streaming (one
//! record in memory at a time). The JSON form is the bulk module's ([`BulkRecord::to_json`]).

use std::io::{BufRead, BufWriter, Write};

use std::sync::Arc;

use bingads::bulk::{BulkFileReader, BulkFileWriter, BulkRecord, Columns, FileFormat};

use super::args::{Format, ReadArgs, WriteArgs};
use crate::error::{CliError, Exit};

/// Prints every record as one JSON line. The output goes to stdout as it is produced (a
/// million-row file never sits in memory), so the returned string is empty.
pub(super) fn read(a: &ReadArgs) -> Result<String, CliError> {
    let reader = BulkFileReader::open(&a.file)
        .map_err(|e| CliError::new(Exit::Usage, format!("{}: {e}", a.file.display())))?;
    let mut reader = if a.untyped { reader.untyped() } else { reader };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(256 * 1024, stdout.lock());
    // One record refilled in place: the reader's fastest typed path (no allocation per row
    // once the buffers have grown).
    let mut record = BulkRecord::default();
    while reader
        .read_record(&mut record)
        .map_err(|e| CliError::failure(format!("{}: {e}", a.file.display())))?
    {
        out.write_all(record.to_json().as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|e| CliError::failure(format!("writing standard output: {e}")))?;
    }
    out.flush()
        .map_err(|e| CliError::failure(format!("writing standard output: {e}")))?;
    Ok(String::new())
}

/// Writes the records of a JSON-lines file into a bulk file, through a temporary file that is
/// renamed into place only when every line was good.
pub(super) fn write(a: &WriteArgs) -> Result<String, CliError> {
    if !a.overwrite && a.output.exists() {
        return Err(
            CliError::usage(format!("{} already exists", a.output.display()))
                .hint("pass --overwrite to replace it"),
        );
    }
    // Standard input is read once into memory; a file is read twice (columns, then rows), so
    // memory stays flat for any file size.
    let stdin_lines: Option<Vec<String>> = if a.input.as_os_str() == "-" {
        Some(
            std::io::stdin()
                .lock()
                .lines()
                .collect::<Result<_, _>>()
                .map_err(|e| CliError::failure(format!("reading standard input: {e}")))?,
        )
    } else {
        None
    };
    let open = || -> Result<Box<dyn Iterator<Item = std::io::Result<String>>>, CliError> {
        match &stdin_lines {
            Some(lines) => Ok(Box::new(lines.clone().into_iter().map(Ok))),
            None => {
                let f = std::fs::File::open(&a.input)
                    .map_err(|e| CliError::usage(format!("{}: {e}", a.input.display())))?;
                Ok(Box::new(std::io::BufReader::new(f).lines()))
            }
        }
    };
    let columns = columns_used(open()?)?;
    let input = open()?;
    let dir = match a.output.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let temp = dir.join(format!(
        ".{}.{}.part",
        a.output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let result = (|| -> Result<u64, CliError> {
        let file = std::fs::File::create(&temp)
            .map_err(|e| CliError::failure(format!("{}: {e}", temp.display())))?;
        let format = match a.format {
            Format::Csv => FileFormat::Csv,
            Format::Tsv => FileFormat::Tsv,
        };
        let mut writer = BulkFileWriter::with_columns(BufWriter::new(file), format, columns)
            .map_err(|e| CliError::failure(e.to_string()))?;
        let mut count = 0u64;
        for (index, line) in input.enumerate() {
            let number = index as u64 + 1;
            let line =
                line.map_err(|e| CliError::failure(format!("{}: {e}", a.input.display())))?;
            if line.trim().is_empty() {
                continue;
            }
            let record = BulkRecord::from_json(&line, number)
                .map_err(|e| CliError::usage(format!("{}: {e}", a.input.display())))?;
            if matches!(record, BulkRecord::FormatVersion(_)) {
                // The writer writes the version row itself.
                continue;
            }
            writer.write(&record).map_err(|e| {
                CliError::usage(format!("{} line {number}: {e}", a.input.display()))
            })?;
            count += 1;
        }
        writer
            .finish()
            .map_err(|e| CliError::failure(e.to_string()))?;
        Ok(count)
    })();
    match result {
        Ok(count) => {
            std::fs::rename(&temp, &a.output)
                .map_err(|e| CliError::failure(format!("{}: {e}", a.output.display())))?;
            Ok(format!(
                "{{\"File\": {:?}, \"Records\": {count}}}\n",
                a.output.to_string_lossy()
            ))
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// The official header plus every column the records name that it lacks (in `Cells` of
/// untyped records and `Extra` of typed ones), in first-seen order, so no cell is dropped.
fn columns_used(
    lines: Box<dyn Iterator<Item = std::io::Result<String>>>,
) -> Result<Arc<Columns>, CliError> {
    let sdk = Columns::sdk();
    let mut extra: Vec<String> = Vec::new();
    for line in lines {
        let line = line.map_err(|e| CliError::failure(e.to_string()))?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            // Reported with its line number by the second pass.
            continue;
        };
        for key in ["Cells", "Extra"] {
            if let Some(cells) = v.get(key).and_then(|c| c.as_object()) {
                for name in cells.keys() {
                    if sdk.index(name).is_none() && !extra.contains(name) {
                        extra.push(name.clone());
                    }
                }
            }
        }
    }
    if extra.is_empty() {
        return Ok(sdk);
    }
    Columns::new(sdk.names().map(str::to_string).chain(extra))
        .map_err(|e| CliError::usage(e.to_string()))
}
