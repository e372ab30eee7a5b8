//! The HTTP client behind the token requests: one the caller configured, or the default
//! client (rustls with the `ring` provider and the platform certificate verifier).

use super::AuthError;

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

    pub(crate) fn client(&self) -> Result<reqwest::Client, AuthError> {
        if let Some(c) = &self.configured {
            return Ok(c.clone());
        }
        if let Some(c) = self.built.get() {
            return Ok(c.clone());
        }
        let c = default_http_client()?;
        // A concurrent first use may have stored one already; either is fine.
        Ok(self.built.get_or_init(|| c).clone())
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

/// An error and its sources, `: `-separated (the sources say *why*: refused, DNS, TLS).
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
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
