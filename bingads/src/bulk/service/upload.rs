//! Uploads: checks before anything is sent, `GetBulkUploadUrl`, the zipped file POSTed as the
//! multipart field `file`, and small record sets through the synchronous
//! `UploadEntityRecords`. Neither the POST nor `UploadEntityRecords` is ever re-sent after an
//! ambiguous failure (the runtime's write rule): the service may have applied it already.
//!
//! The POST carries `DeveloperToken`, `CustomerId`, `AccountId` and the credentials as the
//! authentication sends them on SOAP calls: `AuthenticationToken` (the OAuth access token) or
//! `UserName`/`Password`. `AuthenticationToken` rather than `Authorization: Bearer`, because
//! Microsoft's Bulk upload documentation names the same credential headers as the SOAP calls,
//! and the .NET and SOAP Python SDKs send exactly that; the upload URL is not a REST endpoint.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use crate::bulk::{BulkFileReader, BulkFileWriter, BulkRecord, FileFormat};
use crate::transfer::landing::TempFile;
use crate::transfer::{MultipartUpload, ProgressSink, TransferError, post_multipart};
use crate::v13::bulk::{GetBulkUploadUrlRequest, UploadEntityRecordsRequest};
use crate::{Environment, Error, Nillable, SecretString};

use super::{
    BulkServiceError, BulkServiceManager, BulkUploadOperation, RecordUploadParameters,
    UploadParameters,
};

/// Largest upload file the service takes.
pub const MAX_UPLOAD_BYTES: u64 = 100 * 1024 * 1024;
/// Most rows per upload file in production.
pub const MAX_UPLOAD_ROWS_PRODUCTION: u64 = 4_000_000;
/// Most rows per upload file in sandbox.
pub const MAX_UPLOAD_ROWS_SANDBOX: u64 = 20_000;
/// Most records sent through the synchronous `UploadEntityRecords` (more go through a file).
pub const SYNC_UPLOAD_MAX_RECORDS: usize = 1_000;

/// The row limit of an environment.
pub fn max_upload_rows(environment: Environment) -> u64 {
    match environment {
        Environment::Sandbox => MAX_UPLOAD_ROWS_SANDBOX,
        Environment::Production => MAX_UPLOAD_ROWS_PRODUCTION,
    }
}

/// Size and row checks on an upload file (rows counted after the header).
pub(crate) async fn check_upload_file(
    path: &Path,
    environment: Environment,
) -> Result<u64, BulkServiceError> {
    let bytes = tokio::fs::metadata(path)
        .await
        .map_err(|e| TransferError::io(path, e))?
        .len();
    if bytes > MAX_UPLOAD_BYTES {
        return Err(TransferError::UploadLimit {
            message: format!(
                "{} is {bytes} bytes; the service takes at most {MAX_UPLOAD_BYTES} bytes (100 MB) per upload file, split it",
                path.display()
            ),
        }
        .into());
    }
    let owned = path.to_path_buf();
    let rows = tokio::task::spawn_blocking(move || -> Result<u64, BulkServiceError> {
        let mut reader = BulkFileReader::open(&owned)?.untyped();
        for record in reader.by_ref() {
            record?;
        }
        Ok(reader.rows_read().saturating_sub(1))
    })
    .await
    .map_err(|e| TransferError::io(path, std::io::Error::other(e)))??;
    let limit = max_upload_rows(environment);
    if rows > limit {
        return Err(TransferError::UploadLimit {
            message: format!(
                "{} has {rows} rows; {environment} takes at most {limit} rows per upload file, split it",
                path.display()
            ),
        }
        .into());
    }
    Ok(rows)
}

impl BulkServiceManager {
    fn account_id(&self) -> Result<i64, BulkServiceError> {
        self.client
            .authorization()
            .account_id
            .ok_or(BulkServiceError::NoAccountId)
    }

    /// Checks the file, gets an upload URL, POSTs the (zipped) file once and returns the
    /// operation to track. The caller's file is only read.
    #[doc(alias = "SubmitUploadAsync")]
    pub async fn submit_upload(
        &self,
        params: &UploadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<BulkUploadOperation, BulkServiceError> {
        let account_id = self.account_id()?;
        check_upload_file(&params.file, self.client.environment()).await?;
        let reply = self
            .client
            .bulk()?
            .get_bulk_upload_url(&GetBulkUploadUrlRequest {
                response_mode: Some(params.response_mode.clone()),
                account_id: Some(account_id),
            })
            .await?;
        let request_id = reply.value.request_id.into_value().unwrap_or_default();
        let url = reply.value.upload_url.into_value().unwrap_or_default();
        if request_id.is_empty() || url.is_empty() {
            return Err(Error::IncompleteReply {
                service: "Bulk",
                operation: "GetBulkUploadUrl",
                missing: "request id or upload URL",
                tracking_id: reply.tracking_id,
            }
            .into());
        }
        let is_zip = crate::transfer::detect(&params.file)? == crate::transfer::FileKind::Zip;
        let zipped = if params.compress && !is_zip {
            let source = params.file.clone();
            let dir = self.working_directory.clone();
            tokio::fs::create_dir_all(&dir)
                .await
                .map_err(|e| TransferError::io(&dir, e))?;
            let entry = params
                .file
                .file_name()
                .map_or_else(|| "upload.csv".into(), |n| n.to_string_lossy().into_owned());
            let target = dir.join(format!("{request_id}.zip"));
            Some(
                tokio::task::spawn_blocking(move || {
                    crate::transfer::archive::zip_file(&source, &target, &entry)
                })
                .await
                .map_err(|e| TransferError::io(&params.file, std::io::Error::other(e)))??,
            )
        } else {
            None
        };
        let (file, extension) = match &zipped {
            Some(temp) => (temp.path().to_path_buf(), "zip".to_string()),
            None => (
                params.file.clone(),
                params
                    .file
                    .extension()
                    .map_or_else(|| "csv".into(), |e| e.to_string_lossy().into_owned()),
            ),
        };
        let file_name = format!("{request_id}.{extension}");
        let mut refreshed = false;
        loop {
            let (headers, token) = self.upload_headers(account_id).await?;
            let upload = MultipartUpload {
                url: &url,
                field: "file",
                file: &file,
                file_name: &file_name,
                headers,
                timeout: params.timeout,
            };
            match post_multipart(self.client.http_client(), upload, progress).await {
                // A 401 is the service refusing the credentials before it takes the file, so
                // unlike a dropped connection it is not ambiguous: after one refresh of an
                // expired access token the file is sent once more, and its rows still apply once.
                Err(refused @ TransferError::HttpStatus { status: 401, .. }) if !refreshed => {
                    let Some(token) = token else {
                        return Err(refused.into());
                    };
                    let authentication = &self.client.authorization().authentication;
                    if !authentication
                        .token_expired(&token)
                        .await
                        .map_err(crate::Error::from)?
                    {
                        return Err(refused.into());
                    }
                    refreshed = true;
                    tracing::info!(
                        request_id = %request_id,
                        "upload refused with HTTP 401; access token refreshed, sending it once more"
                    );
                }
                sent => break sent?,
            }
        }
        drop(zipped);
        Ok(self.upload_operation(request_id))
    }

    /// The upload POST's headers (the SOAP credential names: see the README's decision) and the
    /// access token among them, if any.
    async fn upload_headers(
        &self,
        account_id: i64,
    ) -> Result<(Vec<(&'static str, SecretString)>, Option<SecretString>), BulkServiceError> {
        let authorization = self.client.authorization();
        let mut headers = authorization
            .authentication
            .header_values()
            .await
            .map_err(crate::Error::from)?;
        let token = headers
            .iter()
            .find(|(name, _)| *name == "AuthenticationToken")
            .map(|(_, value)| value.clone());
        headers.push(("DeveloperToken", authorization.developer_token.clone()));
        if let Some(customer) = authorization.customer_id {
            headers.push(("CustomerId", SecretString::new(customer.to_string())));
        }
        headers.push(("AccountId", SecretString::new(account_id.to_string())));
        Ok((headers, token))
    }

    /// Uploads a bulk file and waits for the result file: submit, track, download. Returns the
    /// result file's path (errors per row are in it; read it with [`BulkFileReader::open`]).
    #[doc(alias = "UploadFileAsync")]
    pub async fn upload_file(
        &self,
        params: &UploadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<PathBuf, BulkServiceError> {
        let started = tokio::time::Instant::now();
        let operation = self.submit_upload(params, progress).await?;
        let mut options = self.result_options(
            params.result_directory.as_deref(),
            params.result_file_name.clone(),
            params.decompress,
            params.overwrite,
        );
        options.timeout = params.timeout.map(|t| t.saturating_sub(started.elapsed()));
        operation.download_result(Some(options), progress).await
    }

    /// Uploads records and returns the service's answer as records (with their errors and,
    /// with `ErrorsAndResults`, the ids of added entities). Up to
    /// [`SYNC_UPLOAD_MAX_RECORDS`] records go through the synchronous `UploadEntityRecords`,
    /// as the official SDKs do; more, or when the service says so (`OperationNotSupported`,
    /// or an answer still in progress), go through a file upload and its result file.
    #[doc(alias = "upload_entities", alias = "UploadEntitiesAsync")]
    pub async fn upload_records(
        &self,
        records: &[BulkRecord],
        params: &RecordUploadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<BulkFileReader, BulkServiceError> {
        let limit = max_upload_rows(self.client.environment());
        if records.len() as u64 > limit {
            return Err(TransferError::UploadLimit {
                message: format!(
                    "{} records; {} takes at most {limit} rows per upload",
                    records.len(),
                    self.client.environment()
                ),
            }
            .into());
        }
        if records.len() <= SYNC_UPLOAD_MAX_RECORDS {
            match self.upload_records_sync(records, params, progress).await? {
                Some(reader) => return Ok(reader),
                None => {
                    tracing::info!("UploadEntityRecords not available; uploading a file instead")
                }
            }
        }
        self.upload_records_as_file(records, params, progress).await
    }

    /// `UploadEntityRecords`; `Ok(None)` when the service asks for a file upload instead (it
    /// applied nothing then, so the file upload is not a re-send).
    async fn upload_records_sync(
        &self,
        records: &[BulkRecord],
        params: &RecordUploadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<Option<BulkFileReader>, BulkServiceError> {
        let account_id = self.account_id()?;
        let lines = entity_record_lines(records)?;
        let answer = self
            .client
            .bulk()?
            .upload_entity_records(&UploadEntityRecordsRequest {
                entity_records: Nillable::Value(lines.into_iter().map(Some).collect()),
                response_mode: Some(params.response_mode.clone()),
                account_id: Some(account_id),
            })
            .await;
        let reply = match answer {
            Ok(r) => r,
            Err(e)
                if e.api_errors()
                    .iter()
                    .any(|a| a.error_code.as_deref() == Some("OperationNotSupported")) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e.into()),
        };
        let value = reply.value;
        let retry_as_file = value.errors.value().is_some_and(|errors| {
            errors.iter().flatten().any(|e| {
                e.error_code.value().map(String::as_str)
                    == Some("FailedBulkUpsertRetryBulkUploadInstead")
            })
        });
        if retry_as_file {
            return Ok(None);
        }
        let request_id = value.request_id.into_value().unwrap_or_default();
        let status = value.request_status.into_value().unwrap_or_default();
        if !request_id.is_empty() && status == "InProgress" {
            // Accepted, but too big to answer at once: the result comes as a file.
            let operation = self.upload_operation(request_id);
            let mut options =
                self.result_options(params.result_directory.as_deref(), None, true, false);
            options.timeout = params.timeout;
            let path = operation.download_result(Some(options), progress).await?;
            return Ok(Some(BulkFileReader::open(path)?));
        }
        let rows = value.entity_records.into_value().unwrap_or_default();
        let mut text = String::new();
        for row in rows.into_iter().flatten() {
            text.push_str(&row);
            text.push_str("\r\n");
        }
        if text.is_empty() {
            let empty = BulkFileWriter::new(Vec::new(), FileFormat::Csv)?.finish()?;
            return Ok(Some(BulkFileReader::new(Cursor::new(empty))?));
        }
        Ok(Some(BulkFileReader::with_format(
            Cursor::new(text.into_bytes()),
            FileFormat::Csv,
        )?))
    }

    async fn upload_records_as_file(
        &self,
        records: &[BulkRecord],
        params: &RecordUploadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<BulkFileReader, BulkServiceError> {
        let dir = self.working_directory.clone();
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(|e| TransferError::io(&dir, e))?;
        let (temp, file) = TempFile::create_for(&dir.join("upload.csv"))?;
        let mut writer = BulkFileWriter::new(std::io::BufWriter::new(file), FileFormat::Csv)?;
        for record in records {
            writer.write(record)?;
        }
        writer.finish()?;
        let upload = UploadParameters::new(temp.path())
            .response_mode(params.response_mode.clone())
            .result_directory(params.result_directory.clone().unwrap_or(dir));
        let upload = match params.timeout {
            Some(t) => upload.timeout(t),
            None => upload,
        };
        let path = self.upload_file(&upload, progress).await?;
        drop(temp);
        Ok(BulkFileReader::open(path)?)
    }
}

/// The records as the lines `UploadEntityRecords` takes: the header, the format version row
/// and every record's rows, one CSV record per string (a quoted multi-line value stays in
/// its record), without the BOM or line ends.
fn entity_record_lines(records: &[BulkRecord]) -> Result<Vec<String>, BulkServiceError> {
    let mut writer = BulkFileWriter::new(Vec::new(), FileFormat::Csv)?;
    for record in records {
        writer.write(record)?;
    }
    let bytes = writer.finish()?;
    let body = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut lines = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut start = 0usize;
    loop {
        let more = reader
            .read_byte_record(&mut record)
            .map_err(|e| crate::bulk::BulkError::from_csv(lines.len() as u64 + 1, e))?;
        if !more {
            break;
        }
        let end = usize::try_from(reader.position().byte()).unwrap_or(body.len());
        let raw = body.get(start..end).unwrap_or_default();
        // The reader's position after a CRLF record can sit between the CR and the LF.
        let raw = raw.strip_prefix(b"\n").unwrap_or(raw);
        let trimmed = raw.strip_suffix(b"\n").unwrap_or(raw);
        let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
        lines.push(String::from_utf8_lossy(trimmed).into_owned());
        start = end;
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::{BulkRow, UntypedRecord};

    #[test]
    fn entity_record_lines_keep_multi_line_values_in_one_record() {
        let mut row = BulkRow::new("Campaign");
        row.set("Campaign", "Two\r\nlines, \"quoted\"");
        let record = BulkRecord::Untyped(UntypedRecord {
            row,
            errors: Vec::new(),
        });
        let lines = entity_record_lines(&[record]).unwrap();
        assert_eq!(lines.len(), 3, "header, format version, campaign");
        assert!(lines[0].starts_with("Type,"));
        assert!(lines[1].starts_with("Format Version,"), "{:?}", &lines[..2]);
        assert!(lines[2].starts_with("Campaign,"));
        assert!(
            lines[2].contains("\"Two\r\nlines, \"\"quoted\"\"\""),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn row_limits_by_environment() {
        assert_eq!(max_upload_rows(Environment::Production), 4_000_000);
        assert_eq!(max_upload_rows(Environment::Sandbox), 20_000);
    }
}
