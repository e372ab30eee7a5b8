//! The HTTP client behind the token requests: our `reqwest` client adapted to `oauth2`'s
//! [`AsyncHttpClient`](oauth2::AsyncHttpClient), and the default client (rustls with the
//! `ring` provider and the platform certificate verifier).

use bingads_gen::soap::BoxFuture;
use oauth2::http;

use super::AuthError;
use super::endpoints::redact_url;

/// Token responses are a few kilobytes; anything bigger is not one.
const MAX_RESPONSE_BYTES: usize = 256 * 1024;

/// A reqwest client building the default one on first use.
pub(crate) struct TokenHttp {
    configured: Option<reqwest::Client>,
    built: std::sync::OnceLock<reqwest::Client>,
}

impl TokenHttp {
    pub(crate) fn new() -> Self {
        TokenHttp {
            configured: None,
            built: std::sync::OnceLock::new(),
        }
    }

    pub(crate) fn set(&mut self, client: reqwest::Client) {
        self.configured = Some(client);
    }

    pub(crate) fn is_configured(&self) -> bool {
        self.configured.is_some()
    }

    pub(crate) fn client(&self) -> Result<OAuthHttpClient, AuthError> {
        if let Some(c) = &self.configured {
            return Ok(OAuthHttpClient(c.clone()));
        }
        if let Some(c) = self.built.get() {
            return Ok(OAuthHttpClient(c.clone()));
        }
        let c = default_http_client()?;
        // A concurrent first use may have stored one already; either is fine.
        Ok(OAuthHttpClient(self.built.get_or_init(|| c).clone()))
    }
}

/// The default client for token requests: the SDK's shared client (one connection pool for
/// token and service calls; rustls with the ring provider and the platform verifier, no
/// redirects — a token endpoint never legitimately redirects, and following one could send
/// credentials elsewhere — and connect and request timeouts).
pub(crate) fn default_http_client() -> Result<reqwest::Client, AuthError> {
    crate::http::shared_client(&crate::http::HttpConfig::default())
        .map_err(|e| AuthError::Http(format!("could not build the HTTP client: {e}")))
}

/// A failed token request, described without the request body (which holds the secrets).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct HttpFailure(pub(crate) String);

/// `reqwest::Client` as an `oauth2` async HTTP client.
#[derive(Clone)]
pub(crate) struct OAuthHttpClient(reqwest::Client);

impl<'c> oauth2::AsyncHttpClient<'c> for OAuthHttpClient {
    type Error = HttpFailure;
    type Future = BoxFuture<'c, Result<oauth2::HttpResponse, HttpFailure>>;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(|e| {
                HttpFailure(format!("could not build the token request: {}", chain(&e)))
            })?;
            let shown = redact_url(request.url());
            let mut response = self.0.execute(request).await.map_err(|e| {
                let kind = if e.is_timeout() {
                    "timed out"
                } else if e.is_connect() {
                    "could not connect"
                } else {
                    "failed"
                };
                HttpFailure(format!("POST {shown} {kind}: {}", chain(&e.without_url())))
            })?;
            let status = response.status();
            let headers = response.headers().clone();
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|e| {
                HttpFailure(format!(
                    "reading the answer of {shown} failed: {}",
                    chain(&e.without_url())
                ))
            })? {
                if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                    return Err(HttpFailure(format!(
                        "the answer of {shown} is larger than {MAX_RESPONSE_BYTES} bytes"
                    )));
                }
                body.extend_from_slice(&chunk);
            }
            let mut out = http::Response::new(body);
            *out.status_mut() = status;
            *out.headers_mut() = headers;
            Ok(out)
        })
    }
}

/// An error and its sources, `: `-separated (the sources say *why*: refused, DNS, TLS).
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        source = inner.source();
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_client_builds() {
        super::default_http_client().unwrap();
    }
}
