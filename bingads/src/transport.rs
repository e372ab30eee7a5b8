//! The SOAP-over-HTTPS transport behind every generated service client.
//!
//! For each call: ask the authentication for header values (refreshing an expiring OAuth
//! token first), write the envelope with exactly the headers the operation's binding
//! declares, POST it, and turn the answer into bytes for the generated decoder or into a
//! typed [`Error`]. Retries follow [`RetryPolicy`]; an expired token (109) gets one refresh
//! and one retry. Every call runs in a `bingads.call` tracing span; no secret is ever
//! recorded.

use std::sync::Arc;
use std::time::Instant;

use bingads_gen::soap::{
    BoxFuture, OperationMeta, RawResponse, RequestBody, ServiceMeta, Transport, try_write_envelope,
};
use tracing::Instrument;

use crate::auth::Authentication;
use crate::fault::scan;
use crate::retry::{RetryPolicy, THROTTLING_CODES, is_read_only};
use crate::{AuthorizationData, Error, SecretString};

/// What every transport built from one [`crate::Client`] shares.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) http: reqwest::Client,
    pub(crate) retry: RetryPolicy,
    pub(crate) request_timeout: std::time::Duration,
}

/// Sends one service's calls. Cheap to clone; clones share the connection pool.
#[derive(Clone)]
pub struct SoapTransport {
    pub(crate) shared: Arc<Shared>,
    pub(crate) service: &'static ServiceMeta,
    pub(crate) endpoint: String,
    pub(crate) authorization: AuthorizationData,
}

impl std::fmt::Debug for SoapTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SoapTransport")
            .field("service", &self.service.name)
            .field("endpoint", &self.endpoint)
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

impl SoapTransport {
    /// The endpoint URL this transport posts to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
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
        let (headers, token) = self
            .headers()
            .await
            .map_err(|e| (Failure::Final(e), None))?;
        let pairs: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.expose())).collect();
        let envelope = try_write_envelope(body, &pairs);
        drop(pairs);
        let envelope = envelope.map_err(|source| {
            let unsendable = Error::Unsendable {
                service: op.service.name,
                operation: op.name,
                source,
            };
            (Failure::Final(unsendable), None)
        })?;
        let read_only = is_read_only(op.name);
        let retry_ambiguous = read_only || self.shared.retry.retry_non_idempotent;
        let mut request = self
            .shared
            .http
            .post(&self.endpoint)
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", format!("\"{}\"", op.soap_action));
        if !op.service.api_revision.is_empty() {
            request = request.header("Api-Revision", op.service.api_revision);
        }
        let response = match request.body(envelope).send().await {
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
        let bytes = match response.bytes().await {
            Ok(b) => b.to_vec(),
            Err(e) => return Err((self.classify(op, &e, retry_ambiguous), token)),
        };
        if (200..300).contains(&status) {
            return Ok(RawResponse::soap(status, bytes));
        }
        if let Some(mut fault) = scan(&bytes, status, op.service.name, op.name) {
            if fault.tracking_id.is_none() {
                fault.tracking_id = header_tracking;
            }
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
        let failure = if status >= 500 && retry_ambiguous {
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
                endpoint: self.endpoint.clone(),
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

impl Transport for SoapTransport {
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
                        if let Some(id) = bingads_gen::soap::find_tracking_id(&raw.body) {
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

/// An error and its causes on one line.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}
