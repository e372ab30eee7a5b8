//! The one error type of the SDK.
//!
//! Each variant says what happened and what to do about it; every variant that came back
//! from the service carries its TrackingId (quote it to Microsoft support). Service faults
//! are kept apart from transport, timeout, HTTP-status and decoding problems because the
//! right reaction differs: fix the request, retry later, or report a bug.

use std::time::Duration;

use bingads_gen::soap::SoapFault;
use bingads_gen::xml::{DecodeError, UnrepresentableChar};

use crate::auth::AuthError;
use crate::config_error::ConfigError;
use crate::fault::{ApiError, ServiceFault};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with a fault (a SOAP fault, or a REST error status with a fault
    /// object): inspect `errors` (codes, messages, item indexes) and fix the request; the
    /// typed detail is available via `ServiceFault::detail`.
    #[error("{0}")]
    Fault(Box<ServiceFault>),
    /// The service answered with an HTTP error that is not a fault of either wire.
    #[error("{service}.{operation}: HTTP {status} from the service{}; {hint}", tracking(.tracking_id))]
    HttpStatus {
        service: &'static str,
        operation: &'static str,
        status: u16,
        /// The start of the body, for diagnosis.
        body_excerpt: String,
        tracking_id: Option<String>,
        hint: &'static str,
    },
    /// No response within the configured request timeout.
    #[error(
        "{service}.{operation}: no response within {after:?}; the call may or may not have been applied (check before re-sending an Add/Update/Delete), or raise the request timeout"
    )]
    Timeout {
        service: &'static str,
        operation: &'static str,
        after: Duration,
    },
    /// The connection could not be made (nothing was sent).
    #[error(
        "{service}.{operation}: could not connect to {endpoint}: {message}; check the network, proxy settings and the endpoint"
    )]
    Connect {
        service: &'static str,
        operation: &'static str,
        endpoint: String,
        message: String,
    },
    /// The connection failed after the request was (maybe) sent.
    #[error(
        "{service}.{operation}: connection failed: {message}; the call may or may not have been applied"
    )]
    Transport {
        service: &'static str,
        operation: &'static str,
        message: String,
    },
    /// The response could not be decoded (a malformed or truncated document).
    /// (Boxed: decode errors are rare, and a small `Error` keeps every `Result` small.)
    #[error("could not decode the service response{}: {source}; this is a bug in the service or the SDK, please report it", tracking(&.source.tracking_id))]
    Decode {
        #[source]
        source: Box<DecodeError>,
    },
    /// The operation has no REST route (Microsoft serves it only over SOAP), and the client
    /// speaks REST. Nothing was sent.
    #[error(
        "{service}.{operation} is not served over REST; call it through a client built with `.wire(bingads::Wire::Soap)` (until Microsoft switches SOAP off on 2027-01-31)"
    )]
    NoRestRoute {
        service: &'static str,
        operation: &'static str,
    },
    /// The response body grew past the configured cap; it was not read further.
    #[error(
        "{service}.{operation}: the response is larger than {limit} bytes{}; raise `ClientBuilder::max_response_bytes` if such a response is expected, or ask for less per call", tracking(.tracking_id)
    )]
    ResponseTooLarge {
        service: &'static str,
        operation: &'static str,
        limit: usize,
        tracking_id: Option<String>,
    },
    /// Obtaining or refreshing credentials failed.
    #[error(transparent)]
    Auth(#[from] AuthError),
    /// The client is configured in a way that cannot work (e.g. an insecure endpoint); the
    /// [`ConfigError`] says which setting to change. Nothing was sent.
    #[error("configuration: {0}")]
    Config(#[from] ConfigError),
    /// The service answered a call successfully but left out a value the SDK needs to go on
    /// (e.g. the request id of a submitted report): a service fault in all but name. Retry
    /// later; quote the TrackingId to Microsoft support if it persists.
    #[error("{service}.{operation}: the reply has no {missing}{}; retry later", tracking(.tracking_id))]
    IncompleteReply {
        service: &'static str,
        operation: &'static str,
        missing: &'static str,
        tracking_id: Option<String>,
    },
    /// TLS could not be set up, so no HTTP client could be built.
    #[error(transparent)]
    Tls(#[from] crate::http::TlsError),
    /// The request cannot be written on this wire, so nothing was sent: its text holds a
    /// character XML 1.0 cannot carry (the SOAP wire only; JSON escapes every character).
    #[error("{service}.{operation}: nothing was sent: {source}")]
    Unsendable {
        service: &'static str,
        operation: &'static str,
        #[source]
        source: UnrepresentableChar,
    },
}

fn tracking(id: &Option<String>) -> String {
    id.as_ref()
        .map(|t| format!(" (TrackingId {t})"))
        .unwrap_or_default()
}

impl Error {
    /// The service's TrackingId for the failed call, when the service answered.
    pub fn tracking_id(&self) -> Option<&str> {
        match self {
            Error::Fault(f) => f.tracking_id.as_deref(),
            Error::HttpStatus { tracking_id, .. } => tracking_id.as_deref(),
            Error::Decode { source } => source.tracking_id.as_deref(),
            Error::ResponseTooLarge { tracking_id, .. } => tracking_id.as_deref(),
            Error::IncompleteReply { tracking_id, .. } => tracking_id.as_deref(),
            _ => None,
        }
    }

    /// The SOAP fault, if this is one.
    pub fn fault(&self) -> Option<&ServiceFault> {
        match self {
            Error::Fault(f) => Some(f),
            _ => None,
        }
    }

    /// The errors of a SOAP fault (empty for other errors).
    pub fn api_errors(&self) -> &[ApiError] {
        self.fault().map_or(&[], |f| f.errors.as_slice())
    }

    /// Whether any error of a SOAP fault carries this numeric code.
    pub fn has_code(&self, code: i32) -> bool {
        self.fault().is_some_and(|f| f.has_code(code))
    }
}

impl From<DecodeError> for Error {
    fn from(source: DecodeError) -> Self {
        // `soap::call` puts the response's TrackingId on the decode error when it finds one.
        Error::Decode {
            source: Box::new(source),
        }
    }
}

/// A fault decoded by the generated code (when a transport hands back a fault document
/// with a success status). The SOAP transport of this crate turns faults into
/// [`Error::Fault`] itself, with the full error list, before this is ever needed.
impl<F: bingads_gen::soap::FaultDetailDecode> From<SoapFault<F>> for Error {
    fn from(fault: SoapFault<F>) -> Self {
        Error::Fault(Box::new(ServiceFault::from_soap_fault(fault)))
    }
}
