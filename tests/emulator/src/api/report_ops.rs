//! Reporting operations: `SubmitGenerateReport` validates the request and queues a job;
//! `PollGenerateReport` answers Pending, then Success with a download URL on this emulator,
//! Success without one (no data) or Error, as [`ReportBehavior`](crate::reports::ReportBehavior)
//! says.

use bingads_gen::Nillable;
use bingads_gen::v13::reporting::{
    PollGenerateReportRequest, PollGenerateReportResponse, ReportRequest, ReportRequestStatus,
    ReportRequestStatusType, SubmitGenerateReportRequest, SubmitGenerateReportResponse,
};
use bingads_gen::xml::{XmlEncode, XmlReader, XmlWriter};

use super::{Auth, Call, Fault};
use crate::errors;
use crate::report_file::{ReportFileFormat, ReportFileSpec};
use crate::reports::{PollAnswer, download_path};
use crate::state::lock;

const NS: &str = "https://bingads.microsoft.com/Reporting/v13";

/// What the file of a request looks like, read off the request's own XML so that every
/// report type (48 of them, each its own struct) is handled by one routine.
fn file_spec(request: &ReportRequest, rows: usize) -> Result<ReportFileSpec, Fault> {
    let mut w = XmlWriter::new();
    request.encode(&mut w, NS, "ReportRequest");
    let xml = w.into_string();
    let mut r = XmlReader::new(xml.as_bytes());
    let invalid =
        |what: &str| Fault::op_details(errors::API_INPUT_VALIDATION_ERROR, what.to_string());
    r.root().map_err(|e| invalid(&e.to_string()))?;
    let type_name = r.xsi_type().unwrap_or("ReportRequest").to_string();
    let title = type_name
        .strip_suffix("Request")
        .unwrap_or(&type_name)
        .to_string();
    let mut spec = ReportFileSpec {
        report_name: String::new(),
        columns: Vec::new(),
        format: ReportFileFormat::Csv,
        header: true,
        footer: true,
        column_headers: true,
        rows,
        aggregation: "Summary".to_string(),
    };
    let mut format = String::new();
    r.read_children(|r, name| {
        match name {
            b"Columns" => r.read_children(|r, _| {
                spec.columns.push(r.read_text()?);
                Ok(true)
            })?,
            b"Format" => format = r.read_text()?,
            b"ReportName" => spec.report_name = r.read_text()?,
            b"Aggregation" => spec.aggregation = r.read_text()?,
            b"ExcludeReportHeader" => spec.header = r.read_text()? != "true",
            b"ExcludeReportFooter" => spec.footer = r.read_text()? != "true",
            b"ExcludeColumnHeaders" => spec.column_headers = r.read_text()? != "true",
            _ => return Ok(false),
        }
        Ok(true)
    })
    .map_err(|e| invalid(&e.to_string()))?;
    if type_name == "ReportRequest" {
        return Err(invalid(
            "ReportRequest must be one of the report types (e.g. KeywordPerformanceReportRequest)",
        ));
    }
    if spec.columns.is_empty() {
        return Err(invalid("Columns must list at least one column"));
    }
    spec.format = match format.as_str() {
        "" | "Csv" => ReportFileFormat::Csv,
        "Tsv" => ReportFileFormat::Tsv,
        "Xml" => ReportFileFormat::Xml,
        other => return Err(invalid(&format!("unknown Format {other}"))),
    };
    if spec.report_name.is_empty() {
        // The service names an unnamed report after its type, with spaces.
        let mut words = String::new();
        for (i, c) in title.char_indices() {
            if i > 0 && c.is_ascii_uppercase() {
                words.push(' ');
            }
            words.push(c);
        }
        spec.report_name = words;
    }
    Ok(spec)
}

pub(super) fn submit_generate_report(
    call: &Call<'_>,
    _auth: &Auth,
    request: SubmitGenerateReportRequest,
) -> Result<SubmitGenerateReportResponse, Fault> {
    let Nillable::Value(report) = request.report_request else {
        return Err(Fault::op_details(
            errors::API_INPUT_VALIDATION_ERROR,
            "ReportRequest is required",
        ));
    };
    let mut store = lock(&call.shared.reports);
    let spec = file_spec(&report, store.behavior.rows)?;
    let id = store.submit(spec);
    Ok(SubmitGenerateReportResponse {
        report_request_id: Nillable::Value(id),
    })
}

pub(super) fn poll_generate_report(
    call: &Call<'_>,
    _auth: &Auth,
    request: PollGenerateReportRequest,
) -> Result<PollGenerateReportResponse, Fault> {
    let id = match request.report_request_id {
        Nillable::Value(id) if !id.trim().is_empty() => id,
        _ => return Err(Fault::op(errors::REPORTING_SERVICE_INVALID_REPORT_ID)),
    };
    let mut store = lock(&call.shared.reports);
    let (status, url) = match store.poll(id.trim()) {
        PollAnswer::Unknown => return Err(Fault::op(errors::REPORTING_SERVICE_INVALID_REPORT_ID)),
        PollAnswer::Pending => (ReportRequestStatusType::Pending, Nillable::Nil),
        PollAnswer::Error => (ReportRequestStatusType::Error, Nillable::Nil),
        PollAnswer::NoData => (ReportRequestStatusType::Success, Nillable::Nil),
        PollAnswer::Ready { token } => (
            ReportRequestStatusType::Success,
            Nillable::Value(format!(
                "{}{}?sig=emulator",
                call.shared.base_url.get().map_or("", String::as_str),
                download_path(&token)
            )),
        ),
    };
    Ok(PollGenerateReportResponse {
        report_request_status: Nillable::Value(ReportRequestStatus {
            report_download_url: url,
            status: Some(status),
        }),
    })
}
