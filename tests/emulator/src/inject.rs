//! Failures a test can queue for upcoming API calls, on either wire.

use std::time::Duration;

/// A failure to inject into an API call (SOAP or REST).
///
/// Faults are answered before the request body is decoded or authenticated (the operation
/// does not run), as a SOAP fault (HTTP 500) or a REST fault body (see the crate docs for
/// the statuses); [`Injection::TruncatedXml`] lets the operation run and cuts its response;
/// [`Injection::Delay`] only waits, then answers normally.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Injection {
    /// Fault 109 `AuthenticationTokenExpired` (`AdApiFaultDetail`), HTTP 500.
    TokenExpired,
    /// Fault 117 `CallRateExceeded` (`AdApiFaultDetail`), HTTP 500.
    CallRateExceeded,
    /// Fault 207 `ConcurrentRequestOverLimit` (`ApiFaultDetail`/`ApiFault` operation error),
    /// HTTP 500.
    ConcurrentRequestOverLimit,
    /// Fault 4204 `BulkServiceNoMoreCallsPermittedForTheTimePeriod` (operation error), HTTP 500.
    BulkThrottled,
    /// This HTTP status (e.g. 500, 503) with an HTML body, as a load balancer or gateway
    /// answers; not a SOAP document.
    HttpStatus(u16),
    /// Waits this long, then answers normally.
    Delay(Duration),
    /// Runs the operation and sends only the first half of its response document, XML or
    /// JSON (with a `Content-Length` that matches what is sent).
    TruncatedXml,
    /// Sends HTTP 200 with a body in the wire's media type that is not well-formed (XML on
    /// SOAP, JSON on REST).
    MalformedXml,
    /// Closes the TCP connection without sending any response.
    DropConnection,
}

impl Injection {
    /// This injection for the next `n` matching calls.
    pub fn times(self, n: u32) -> InjectionRule {
        InjectionRule::from(self).times(n)
    }

    /// This injection for the next call of the operation `name` (e.g. `"AddCampaigns"`).
    pub fn for_operation(self, name: impl Into<String>) -> InjectionRule {
        InjectionRule::from(self).for_operation(name)
    }

    pub(crate) fn label(&self) -> String {
        match self {
            Injection::TokenExpired => "TokenExpired".into(),
            Injection::CallRateExceeded => "CallRateExceeded".into(),
            Injection::ConcurrentRequestOverLimit => "ConcurrentRequestOverLimit".into(),
            Injection::BulkThrottled => "BulkThrottled".into(),
            Injection::HttpStatus(s) => format!("HttpStatus({s})"),
            Injection::Delay(d) => format!("Delay({d:?})"),
            Injection::TruncatedXml => "TruncatedXml".into(),
            Injection::MalformedXml => "MalformedXml".into(),
            Injection::DropConnection => "DropConnection".into(),
        }
    }
}

/// An [`Injection`] with how many calls it applies to and, optionally, which operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InjectionRule {
    pub injection: Injection,
    /// Calls left (at least 1).
    pub remaining: u32,
    /// Only calls of this operation name; `None` for any API call.
    pub operation: Option<String>,
}

impl InjectionRule {
    pub fn times(mut self, n: u32) -> Self {
        self.remaining = n.max(1);
        self
    }

    pub fn for_operation(mut self, name: impl Into<String>) -> Self {
        self.operation = Some(name.into());
        self
    }

    pub(crate) fn matches(&self, operation: &str) -> bool {
        self.operation.as_deref().is_none_or(|op| op == operation)
    }
}

impl From<Injection> for InjectionRule {
    fn from(injection: Injection) -> Self {
        InjectionRule {
            injection,
            remaining: 1,
            operation: None,
        }
    }
}
