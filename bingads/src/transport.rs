//! The HTTPS transport behind every generated service client, for both wires.
//!
//! For each call: ask the authentication for credential values (refreshing an expiring
//! OAuth token first), build the request with [`wire::prepare`] (a SOAP envelope, or the
//! REST method, path and JSON body), send it, read the answer with a size cap, and turn it
//! into bytes for the generated decoder or into a typed [`Error`]. Faults of both wires
//! become the same [`Error::Fault`], so retries key on the service's error codes: 109 gets
//! one refresh and one retry, 117/207/4204 (and a bare HTTP 429) wait and retry, ambiguous
//! failures are retried for read-only operations only ([`RetryPolicy`]). Every call runs in
//! a `bingads.call` tracing span; no secret, and no URL query or user info, is recorded.

use std::sync::Arc;
use std::time::Instant;

use bingads_gen::soap::{
    BoxFuture, OperationMeta, RawResponse, RequestBody, ServiceMeta, Transport,
};
use tracing::Instrument;

use crate::auth::Authentication;
use crate::body::{ReadError, read_capped};
use crate::retry::{RetryPolicy, THROTTLING_CODES, is_read_only};
use crate::wire::{self, PreparedRequest, Target, Wire, redact_url};
use crate::{AuthorizationData, Error, SecretString};

/// What every transport built from one [`crate::Client`] shares.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) http: reqwest::Client,
    pub(crate) retry: RetryPolicy,
    pub(crate) request_timeout: std::time::Duration,
    /// Sent as `User-Agent` (set per request, so a dry run shows it).
    pub(crate) user_agent: String,
    pub(crate) max_response_bytes: usize,
}

/// Sends one service's calls over the client's [`Wire`]. Cheap to clone; clones share the
/// connection pool.
#[derive(Clone)]
pub struct ServiceTransport {
    pub(crate) shared: Arc<Shared>,
    pub(crate) service: &'static ServiceMeta,
    pub(crate) wire: Wire,
    /// SOAP: the `.svc` URL; REST: the base URL the routes are appended to.
    pub(crate) endpoint: String,
    pub(crate) authorization: AuthorizationData,
}

/// The transport's former name, from when SOAP was the only wire.
pub type SoapTransport = ServiceTransport;

impl std::fmt::Debug for ServiceTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceTransport")
            .field("service", &self.service.name)
            .field("wire", &self.wire)
            .field("endpoint", &redact_url(&self.endpoint))
            .field("authorization", &self.authorization)
            .finish_non_exhaustive()
    }
}

/// How one attempt ended when it did not produce a response to return.
enum Failure {
    /// Retry after the given wait, or give up with the error.
    Retry {
        error: Error,
        throttled: bool,
    },
    /// The access token expired: refresh once and retry at once.
    TokenExpired {
        error: Error,
    },
    Final(Error),
}

impl ServiceTransport {
    /// SOAP: the endpoint URL this transport posts to; REST: the base URL of the routes.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    pub fn wire(&self) -> Wire {
        self.wire
    }

    /// The request `body` would be sent as, with these credential values by SOAP header
    /// name (see [`wire::prepare`]); what a dry run prints. Nothing is sent.
    pub fn prepare_with(
        &self,
        credentials: &[(&'static str, SecretString)],
        body: &dyn RequestBody,
    ) -> Result<PreparedRequest, Error> {
        let target = Target {
            wire: self.wire,
            endpoint: &self.endpoint,
            user_agent: &self.shared.user_agent,
        };
        wire::prepare(target, credentials, body)
    }

    /// The request `body` would be sent as now, with the client's credentials (an expiring
    /// OAuth token is refreshed first). Nothing is sent.
    pub async fn prepare(&self, body: &dyn RequestBody) -> Result<PreparedRequest, Error> {
        let (credentials, _) = self.headers().await?;
        self.prepare_with(&credentials, body)
    }

    pub fn authorization(&self) -> &AuthorizationData {
        &self.authorization
    }

    /// Header values for one attempt, and the access token they carry (for 109 handling).
    async fn headers(
        &self,
    ) -> Result<(Vec<(&'static str, SecretString)>, Option<SecretString>), Error> {
        let mut values = self.authorization.authentication.header_values().await?;
        let token = values
            .iter()
            .find(|(n, _)| *n == "AuthenticationToken")
            .map(|(_, v)| v.clone());
        values.push(("DeveloperToken", self.authorization.developer_token.clone()));
        if let Some(id) = self.authorization.customer_id {
            values.push(("CustomerId", SecretString::new(id.to_string())));
        }
        if let Some(id) = self.authorization.account_id {
            values.push(("CustomerAccountId", SecretString::new(id.to_string())));
        }
        Ok((values, token))
    }

    async fn attempt(
        &self,
        op: &'static OperationMeta,
        body: &dyn RequestBody,
    ) -> Result<RawResponse, (Failure, Option<SecretString>)> {
        let (credentials, token) = self
            .headers()
            .await
            .map_err(|e| (Failure::Final(e), None))?;
        let prepared = self
            .prepare_with(&credentials, body)
            .map_err(|e| (Failure::Final(e), None))?;
        drop(credentials);
        let read_only = is_read_only(op.name);
        let retry_ambiguous = read_only || self.shared.retry.retry_non_idempotent;
        let method = match prepared.method {
            bingads_gen::soap::HttpMethod::Get => reqwest::Method::GET,
            bingads_gen::soap::HttpMethod::Post => reqwest::Method::POST,
            bingads_gen::soap::HttpMethod::Put => reqwest::Method::PUT,
            bingads_gen::soap::HttpMethod::Patch => reqwest::Method::PATCH,
            bingads_gen::soap::HttpMethod::Delete => reqwest::Method::DELETE,
        };
        let mut request = self.shared.http.request(method, &prepared.url);
        for (name, value) in &prepared.headers {
            request = request.header(*name, value.expose());
        }
        let response = match request.body(prepared.body).send().await {
            Ok(r) => r,
            Err(e) => return Err((self.classify(op, &e, retry_ambiguous), token)),
        };
        let status = response.status().as_u16();
        tracing::Span::current().record("status", status);
        let header_tracking = response
            .headers()
            .get("TrackingId")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = match read_capped(response, self.shared.max_response_bytes).await {
            Ok(b) => b,
            Err(ReadError::Http(e)) => return Err((self.classify(op, &e, retry_ambiguous), token)),
            Err(ReadError::TooLarge) => {
                let error = Error::ResponseTooLarge {
                    service: op.service.name,
                    operation: op.name,
                    limit: self.shared.max_response_bytes,
                    tracking_id: header_tracking,
                };
                return Err((Failure::Final(error), token));
            }
        };
        if (200..300).contains(&status) {
            return Ok(match self.wire {
                Wire::Soap => RawResponse::soap(status, bytes),
                Wire::Rest => RawResponse::json(status, bytes, header_tracking),
            });
        }
        let fault = crate::ServiceFault::read(
            self.wire,
            &bytes,
            status,
            header_tracking.clone(),
            op,
            body.fault_reader(),
        );
        if let Some(fault) = fault {
            let token_expired = fault.has_code(109);
            let throttled = THROTTLING_CODES.iter().any(|c| fault.has_code(*c));
            let error = Error::Fault(Box::new(fault));
            let failure = if token_expired {
                Failure::TokenExpired { error }
            } else if throttled {
                Failure::Retry {
                    error,
                    throttled: true,
                }
            } else {
                Failure::Final(error)
            };
            return Err((failure, token));
        }
        let excerpt: String = String::from_utf8_lossy(&bytes).chars().take(512).collect();
        let hint = match status {
            429 => "the service is throttling this client; slow down",
            500..=599 => "the service is having trouble; retry later",
            401 | 403 => "check the credentials and developer token",
            404 => "check the endpoint URL (environment and API version)",
            _ => "the service did not accept the request",
        };
        let error = Error::HttpStatus {
            service: op.service.name,
            operation: op.name,
            status,
            body_excerpt: excerpt,
            tracking_id: header_tracking,
            hint,
        };
        let failure = if status == 429 {
            // Too Many Requests: refused before any work, so any operation may be re-sent.
            Failure::Retry {
                error,
                throttled: true,
            }
        } else if status >= 500 && retry_ambiguous {
            Failure::Retry {
                error,
                throttled: false,
            }
        } else {
            Failure::Final(error)
        };
        Err((failure, token))
    }

    fn classify(
        &self,
        op: &'static OperationMeta,
        e: &reqwest::Error,
        retry_ambiguous: bool,
    ) -> Failure {
        if e.is_connect() {
            // Nothing reached the service: safe to re-send any operation.
            let error = Error::Connect {
                service: op.service.name,
                operation: op.name,
                endpoint: redact_url(&self.endpoint),
                message: error_chain(e),
            };
            return Failure::Retry {
                error,
                throttled: false,
            };
        }
        let error = if e.is_timeout() {
            Error::Timeout {
                service: op.service.name,
                operation: op.name,
                after: self.shared.request_timeout,
            }
        } else {
            Error::Transport {
                service: op.service.name,
                operation: op.name,
                message: error_chain(e),
            }
        };
        if retry_ambiguous {
            Failure::Retry {
                error,
                throttled: false,
            }
        } else {
            Failure::Final(error)
        }
    }

    async fn send_with_retries(&self, body: &dyn RequestBody) -> Result<RawResponse, Error> {
        let op = body.operation();
        let policy = &self.shared.retry;
        let mut refreshed = false;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let started = Instant::now();
            let span = tracing::info_span!(
                "bingads.attempt",
                attempt,
                status = tracing::field::Empty,
                duration_ms = tracing::field::Empty
            );
            let result = self.attempt(op, body).instrument(span.clone()).await;
            span.record("duration_ms", started.elapsed().as_millis() as u64);
            let (failure, token) = match result {
                Ok(raw) => return Ok(raw),
                Err(f) => f,
            };
            match failure {
                Failure::Final(error) => return Err(error),
                Failure::TokenExpired { error } => {
                    let Some(token) = token.filter(|_| !refreshed) else {
                        return Err(error);
                    };
                    refreshed = true;
                    tracing::info!(
                        attempt,
                        "access token expired (109); refreshing once and retrying"
                    );
                    if !self
                        .authorization
                        .authentication
                        .token_expired(&token)
                        .await?
                    {
                        return Err(error);
                    }
                    // The refreshed retry does not count against the retry budget.
                    attempt -= 1;
                }
                Failure::Retry { error, throttled } => {
                    if attempt >= policy.max_attempts {
                        return Err(error);
                    }
                    let wait = policy.delay(attempt, throttled);
                    tracing::warn!(attempt, wait_ms = wait.as_millis() as u64, %error, "retrying");
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }
}

impl Transport for ServiceTransport {
    type Error = Error;

    fn send<'a>(&'a self, body: &'a dyn RequestBody) -> BoxFuture<'a, Result<RawResponse, Error>> {
        let op = body.operation();
        let span = tracing::info_span!(
            "bingads.call",
            service = op.service.name,
            operation = op.name,
            tracking_id = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        Box::pin(
            async move {
                let started = Instant::now();
                let result = self.send_with_retries(body).await;
                let current = tracing::Span::current();
                current.record("duration_ms", started.elapsed().as_millis() as u64);
                match &result {
                    Ok(raw) => {
                        let id = match raw.format {
                            bingads_gen::soap::BodyFormat::Json => raw.tracking_id.clone(),
                            bingads_gen::soap::BodyFormat::Soap => {
                                bingads_gen::soap::find_tracking_id(&raw.body)
                            }
                        };
                        if let Some(id) = id {
                            current.record("tracking_id", id.as_str());
                        }
                    }
                    Err(e) => {
                        if let Some(id) = e.tracking_id() {
                            current.record("tracking_id", id);
                        }
                        tracing::debug!(error = %e, "call failed");
                    }
                }
                result
            }
            .instrument(span),
        )
    }
}

/// An HTTP error and its causes on one line, with the request URL redacted (reqwest names
/// the URL in its message; an endpoint override may carry credentials in it).
fn error_chain(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    if let Some(url) = e.url() {
        s = s.replace(url.as_str(), &redact_url(url.as_str()));
    }
    let mut cur = std::error::Error::source(e);
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}
