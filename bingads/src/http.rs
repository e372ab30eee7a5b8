//! The HTTP client: one connection pool (reqwest + rustls with the ring provider) shared by
//! every service client built from the same [`crate::Client`], with connect and request
//! timeouts always set (a call without a timeout can hang forever on a half-open connection).

use std::sync::Arc;
use std::time::Duration;

use crate::Error;

/// Timeouts and identity of the HTTP client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpConfig {
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// Appended to the SDK's own `User-Agent` (e.g. your application's name and version).
    pub user_agent_suffix: Option<String>,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            connect_timeout: Duration::from_secs(15),
            request_timeout: Duration::from_secs(120),
            user_agent_suffix: None,
        }
    }
}

/// The `User-Agent` every call sends: this SDK, its version, the language.
pub fn user_agent(suffix: Option<&str>) -> String {
    let mut ua = format!("bingads-rs/{} (Rust)", env!("CARGO_PKG_VERSION"));
    if let Some(s) = suffix {
        ua.push(' ');
        ua.push_str(s);
    }
    ua
}

/// Why TLS could not be set up (no usable protocol version, or the platform's certificate
/// verifier could not start).
#[derive(Debug, thiserror::Error)]
#[error("could not set up TLS: {source}; check that the system's certificate store is readable")]
pub struct TlsError {
    #[source]
    source: rustls::Error,
}

/// TLS settings: rustls with the ring provider, the platform's certificate verifier, TLS 1.2+.
pub fn tls_config() -> Result<rustls::ClientConfig, TlsError> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_platform_verifier())
        .map_err(|source| TlsError { source })?
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(tls)
}

/// Builds the shared HTTP client.
pub fn build_client(config: &HttpConfig) -> Result<reqwest::Client, Error> {
    let tls = tls_config()?;
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(config.connect_timeout)
        .timeout(config.request_timeout)
        .pool_idle_timeout(Duration::from_secs(90))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(user_agent(config.user_agent_suffix.as_deref()))
        .build()
        .map_err(|e| {
            Error::from(crate::ConfigError::HttpClient {
                message: e.to_string(),
            })
        })
}

/// The HTTP client for `config`: with the default settings, one client (one connection
/// pool) shared by every `Client` and every OAuth grant in the process; otherwise a new one.
pub fn shared_client(config: &HttpConfig) -> Result<reqwest::Client, Error> {
    static SHARED: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    if *config != HttpConfig::default() {
        return build_client(config);
    }
    if let Some(c) = SHARED.get() {
        return Ok(c.clone());
    }
    let built = build_client(config)?;
    Ok(SHARED.get_or_init(|| built).clone())
}

/// Whether a host is a loopback address, where plain `http` is allowed (tests, emulator).
pub fn is_loopback_host(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost")
        || h.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
