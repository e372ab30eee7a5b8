//! Report requests: every request type of the Reporting WSDL behind one trait, a builder
//! that makes the common case a few lines, and [`ReportLayout`], what a request says about
//! the file it produces (format, columns, which parts are excluded), which the reader and
//! the manager use.
//!
//! ```
//! use bingads::reporting::ReportRequestType;
//! use bingads::v13::reporting::{
//!     KeywordPerformanceReportColumn as Col, KeywordPerformanceReportRequest, ReportAggregation,
//!     ReportTimePeriod,
//! };
//!
//! let request = KeywordPerformanceReportRequest::builder()
//!     .account(149876543)
//!     .columns([Col::TimePeriod, Col::Keyword, Col::Impressions, Col::Clicks, Col::Spend])
//!     .aggregation(ReportAggregation::Daily)
//!     .predefined_time(ReportTimePeriod::Last30Days)
//!     .build();
//! ```

use crate::Nillable;
use crate::v13::reporting::{
    self as api, ReportAggregation, ReportFormat, ReportRequest, ReportTime, ReportTimePeriod,
    ReportTimeZone,
};

/// A report request type of the Reporting service (`KeywordPerformanceReportRequest`, ...).
/// Implemented for all of them; [`builder`](Self::builder) starts a [`ReportBuilder`].
pub trait ReportRequestType: Default + Clone + Into<ReportRequest> {
    /// The type's column enum (`KeywordPerformanceReportColumn`, ...).
    type Column: Clone;
    /// The WSDL name, as in `xsi:type` and the REST `Type`.
    const TYPE_NAME: &'static str;

    fn set_columns(&mut self, columns: Vec<Self::Column>);
    /// Scope: these accounts (every scope type of the WSDL has `AccountIds`).
    fn set_account_ids(&mut self, account_ids: Vec<i64>);
    fn set_format(&mut self, format: ReportFormat);
    fn set_report_name(&mut self, name: String);
    fn set_exclude_report_header(&mut self, exclude: bool);
    fn set_exclude_report_footer(&mut self, exclude: bool);
    fn set_exclude_column_headers(&mut self, exclude: bool);
    fn set_return_only_complete_data(&mut self, only_complete: bool);
    fn set_format_version(&mut self, version: String);

    /// A builder starting from the default request (Csv, the service's default format).
    fn builder() -> ReportBuilder<Self> {
        ReportBuilder {
            request: Self::default(),
        }
    }
}

/// A request type with a `Time` (all but the two negative keyword conflict reports).
pub trait TimedReport: ReportRequestType {
    fn set_time(&mut self, time: ReportTime);
    fn time_mut(&mut self) -> &mut Nillable<ReportTime>;
}

/// A request type with an `Aggregation`.
pub trait AggregatedReport: ReportRequestType {
    fn set_aggregation(&mut self, aggregation: ReportAggregation);
}

/// Builds any report request; see the example in the [`crate::reporting`] module docs.
#[derive(Debug, Clone)]
#[must_use]
pub struct ReportBuilder<R> {
    request: R,
}

impl<R: ReportRequestType> ReportBuilder<R> {
    /// Starts from a request built elsewhere (filters, sort, campaign or ad group scope).
    pub fn from_request(request: R) -> Self {
        ReportBuilder { request }
    }

    pub fn columns(mut self, columns: impl IntoIterator<Item = R::Column>) -> Self {
        self.request.set_columns(columns.into_iter().collect());
        self
    }

    /// Scope: one account.
    pub fn account(self, account_id: i64) -> Self {
        self.accounts([account_id])
    }

    /// Scope: these accounts.
    pub fn accounts(mut self, account_ids: impl IntoIterator<Item = i64>) -> Self {
        self.request
            .set_account_ids(account_ids.into_iter().collect());
        self
    }

    /// Csv (the default), Tsv or Xml.
    pub fn format(mut self, format: ReportFormat) -> Self {
        self.request.set_format(format);
        self
    }

    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.request.set_report_name(name.into());
        self
    }

    /// Leaves out the header block (`Report Name: ...` lines).
    pub fn exclude_report_header(mut self, exclude: bool) -> Self {
        self.request.set_exclude_report_header(exclude);
        self
    }

    /// Leaves out the copyright footer.
    pub fn exclude_report_footer(mut self, exclude: bool) -> Self {
        self.request.set_exclude_report_footer(exclude);
        self
    }

    /// Leaves out the column row (the reader then takes the columns from the request).
    pub fn exclude_column_headers(mut self, exclude: bool) -> Self {
        self.request.set_exclude_column_headers(exclude);
        self
    }

    /// Fails the report instead of returning data for days not fully processed.
    pub fn return_only_complete_data(mut self, only_complete: bool) -> Self {
        self.request.set_return_only_complete_data(only_complete);
        self
    }

    /// `FormatVersion` (`"2.0"`: no thousands separators, `yyyy-mm-dd|hour` periods).
    pub fn format_version(mut self, version: impl Into<String>) -> Self {
        self.request.set_format_version(version.into());
        self
    }

    /// Any other change to the request (filter, sort, campaign scope, max rows).
    pub fn edit(mut self, change: impl FnOnce(&mut R)) -> Self {
        change(&mut self.request);
        self
    }

    /// The typed request.
    pub fn into_inner(self) -> R {
        self.request
    }

    /// The request as `SubmitGenerateReport` takes it.
    pub fn build(self) -> ReportRequest {
        self.request.into()
    }
}

impl<R: TimedReport> ReportBuilder<R> {
    /// A predefined period (`Last30Days`, `Yesterday`, ...); clears a custom range.
    pub fn predefined_time(mut self, period: ReportTimePeriod) -> Self {
        let time = self.request.time_mut();
        let zone = take_zone(time);
        self.request.set_time(ReportTime {
            predefined_time: Nillable::Value(period),
            report_time_zone: zone,
            ..Default::default()
        });
        self
    }

    /// The last 30 days (the common case).
    pub fn last_30_days(self) -> Self {
        self.predefined_time(ReportTimePeriod::Last30Days)
    }

    /// A custom range of days, both included: `(year, month, day)`.
    pub fn custom_range(mut self, start: (i32, i32, i32), end: (i32, i32, i32)) -> Self {
        let date = |(year, month, day)| api::Date { day, month, year };
        let zone = take_zone(self.request.time_mut());
        self.request.set_time(ReportTime {
            custom_date_range_start: Nillable::Value(date(start)),
            custom_date_range_end: Nillable::Value(date(end)),
            report_time_zone: zone,
            ..Default::default()
        });
        self
    }

    /// The time zone that decides where days begin and end.
    pub fn time_zone(mut self, zone: ReportTimeZone) -> Self {
        let time = self.request.time_mut();
        let mut current = match std::mem::take(time) {
            Nillable::Value(t) => t,
            _ => ReportTime::default(),
        };
        current.report_time_zone = Nillable::Value(zone);
        self.request.set_time(current);
        self
    }
}

fn take_zone(time: &mut Nillable<ReportTime>) -> Nillable<ReportTimeZone> {
    match time {
        Nillable::Value(t) => std::mem::take(&mut t.report_time_zone),
        _ => Nillable::Absent,
    }
}

impl<R: AggregatedReport> ReportBuilder<R> {
    /// Summary (the default), Hourly, Daily, Weekly, Monthly, Yearly, HourOfDay, DayOfWeek.
    pub fn aggregation(mut self, aggregation: ReportAggregation) -> Self {
        self.request.set_aggregation(aggregation);
        self
    }
}

macro_rules! report_flag_impl {
    (time $request:ident) => {
        impl TimedReport for api::$request {
            fn set_time(&mut self, time: ReportTime) {
                self.time = Nillable::Value(time);
            }
            fn time_mut(&mut self) -> &mut Nillable<ReportTime> {
                &mut self.time
            }
        }
    };
    (aggregation $request:ident) => {
        impl AggregatedReport for api::$request {
            fn set_aggregation(&mut self, aggregation: ReportAggregation) {
                self.aggregation = aggregation;
            }
        }
    };
}

macro_rules! report_request_impls {
    ($($request:ident => $column:ident $(: $flag:ident)*;)*) => {
        $(
            impl ReportRequestType for api::$request {
                type Column = api::$column;
                const TYPE_NAME: &'static str = stringify!($request);

                fn set_columns(&mut self, columns: Vec<Self::Column>) {
                    self.columns = Nillable::Value(columns);
                }
                fn set_account_ids(&mut self, account_ids: Vec<i64>) {
                    let mut scope = match std::mem::take(&mut self.scope) {
                        Nillable::Value(scope) => scope,
                        _ => Default::default(),
                    };
                    scope.account_ids = Nillable::Value(account_ids);
                    self.scope = Nillable::Value(scope);
                }
                fn set_format(&mut self, format: ReportFormat) {
                    self.format = Nillable::Value(format);
                }
                fn set_report_name(&mut self, name: String) {
                    self.report_name = Nillable::Value(name);
                }
                fn set_exclude_report_header(&mut self, exclude: bool) {
                    self.exclude_report_header = Nillable::Value(exclude);
                }
                fn set_exclude_report_footer(&mut self, exclude: bool) {
                    self.exclude_report_footer = Nillable::Value(exclude);
                }
                fn set_exclude_column_headers(&mut self, exclude: bool) {
                    self.exclude_column_headers = Nillable::Value(exclude);
                }
                fn set_return_only_complete_data(&mut self, only_complete: bool) {
                    self.return_only_complete_data = Nillable::Value(only_complete);
                }
                fn set_format_version(&mut self, version: String) {
                    self.format_version = Nillable::Value(version);
                }
            }
            $( report_flag_impl!($flag $request); )*
        )*

        impl ReportLayout {
            /// What the request says about its report file.
            pub fn of(request: &ReportRequest) -> Self {
                match request {
                    $( ReportRequest::$request(r) => ReportLayout::from_parts(
                        stringify!($request),
                        &r.format,
                        [&r.exclude_report_header, &r.exclude_report_footer, &r.exclude_column_headers],
                        match &r.columns {
                            Nillable::Value(columns) => columns.iter().map(|c| c.as_str().to_string()).collect(),
                            _ => Vec::new(),
                        },
                    ), )*
                    ReportRequest::ReportRequest(b) | ReportRequest::Unknown { base: b, .. } => {
                        ReportLayout::from_parts(
                            "ReportRequest",
                            &b.format,
                            [&b.exclude_report_header, &b.exclude_report_footer, &b.exclude_column_headers],
                            Vec::new(),
                        )
                    }
                    _ => ReportLayout::from_parts("ReportRequest", &Nillable::Absent, [&Nillable::Absent; 3], Vec::new()),
                }
            }
        }

        /// The WSDL names of every report request type, in WSDL order.
        pub const REPORT_TYPES: &[&str] = &[$(stringify!($request)),*];

        /// The column names a report type accepts (`KeywordPerformanceReportRequest` or
        /// `KeywordPerformance`), in WSDL order; `None` for an unknown type.
        pub fn report_columns(report_type: &str) -> Option<Vec<&'static str>> {
            $(
                if report_type == stringify!($request)
                    || stringify!($request).strip_suffix("ReportRequest") == Some(report_type)
                    || stringify!($request).strip_suffix("Request") == Some(report_type)
                {
                    return Some(api::$column::ALL.iter().map(|c| c.as_str()).collect());
                }
            )*
            None
        }
    };
}

crate::reporting::types::for_each_report_type!(report_request_impls);

/// What a request says about the file the service will write.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ReportLayout {
    /// The request type's WSDL name.
    pub report_type: &'static str,
    /// Csv when the request does not say.
    pub format: ReportFormat,
    /// The requested columns, in request order (the order of the file's columns).
    pub columns: Vec<String>,
    pub report_header: bool,
    pub report_footer: bool,
    pub column_headers: bool,
}

impl ReportLayout {
    fn from_parts(
        report_type: &'static str,
        format: &Nillable<ReportFormat>,
        [header, footer, column_headers]: [&Nillable<bool>; 3],
        columns: Vec<String>,
    ) -> Self {
        let excluded = |flag: &Nillable<bool>| matches!(flag, Nillable::Value(true));
        ReportLayout {
            report_type,
            format: match format {
                Nillable::Value(f) => f.clone(),
                _ => ReportFormat::Csv,
            },
            columns,
            report_header: !excluded(header),
            report_footer: !excluded(footer),
            column_headers: !excluded(column_headers),
        }
    }

    /// The file extension the format gets (`csv`, `tsv`, `xml`).
    pub fn extension(&self) -> &'static str {
        match self.format {
            ReportFormat::Tsv => "tsv",
            ReportFormat::Xml => "xml",
            _ => "csv",
        }
    }
}
