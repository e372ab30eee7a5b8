//! [`OAuthEndpoints`]: where to send the user to sign in, where to get tokens, which scope to
//! ask for, and the built-in sets for Microsoft (production, sandbox) and Google sign-in.

use std::net::IpAddr;

use url::{Host, Url};

use super::AuthError;
use crate::Environment;

/// The redirect URI Microsoft provides for native (desktop and mobile) clients.
pub const NATIVE_CLIENT_REDIRECT_URI: &str =
    "https://login.microsoftonline.com/common/oauth2/nativeclient";

const MICROSOFT_AUTHORITY: &str = "https://login.microsoftonline.com";
const PRODUCTION_SCOPE: &str = "https://ads.microsoft.com/msads.manage offline_access";
const SANDBOX_SCOPE: &str = "https://si.ads.microsoft.com/msads.manage offline_access";
const SANDBOX_PPE_AUTHORITY: &str = "https://login.windows-ppe.net/consumers";
const SANDBOX_PPE_SCOPE: &str = "https://api.ads.microsoft.com/msads.manage offline_access";
const SANDBOX_PPE_REDIRECT_URI: &str = "https://login.windows-ppe.net/common/oauth2/nativeclient";
const GOOGLE_AUTHORIZE_URL: &str = "https://accounts.google.com/o/oauth2/v2/auth";
const GOOGLE_TOKEN_URL: &str = "https://oauth2.googleapis.com/token";
const GOOGLE_SCOPE: &str = "openid email profile";
const GOOGLE_REDIRECT_URI: &str = "http://localhost";

/// The OAuth endpoints, scope and default redirect URI a grant uses.
///
/// The built-in sets ([`microsoft`](Self::microsoft), [`microsoft_sandbox_ppe`](Self::microsoft_sandbox_ppe),
/// [`google`](Self::google)) match what the official Microsoft Advertising SDKs use.
/// [`microsoft_at`](Self::microsoft_at) and [`custom`](Self::custom) point a grant at another
/// host (a local emulator, a proxy). Endpoints must be `https`, except on loopback hosts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OAuthEndpoints {
    /// Where the user is sent to sign in and consent.
    pub authorize_url: Url,
    /// Where authorization codes and refresh tokens are exchanged for tokens.
    pub token_url: Url,
    /// The redirect URI of desktop/mobile grants when none is set on the grant. Web grants
    /// always use the redirect URI they were built with.
    pub redirect_uri: Option<String>,
    /// Space-separated scopes requested at sign-in and at every refresh.
    pub scope: String,
    /// Extra query parameters appended to the authorization URL (e.g. `prompt=consent`).
    pub extra_authorize_params: Vec<(String, String)>,
}

impl OAuthEndpoints {
    /// Microsoft identity platform endpoints for `environment`, for `tenant` (`common`,
    /// `organizations`, `consumers` or a tenant id/domain).
    ///
    /// - Production: `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/{authorize,token}`,
    ///   scope `https://ads.microsoft.com/msads.manage offline_access`.
    /// - Sandbox: the same authority with scope
    ///   `https://si.ads.microsoft.com/msads.manage offline_access` (sandbox sign-in with a
    ///   production Microsoft account, the official SDKs' default). For the older sandbox
    ///   identity service see [`microsoft_sandbox_ppe`](Self::microsoft_sandbox_ppe).
    ///
    /// The redirect URI is the native client one,
    /// `https://login.microsoftonline.com/common/oauth2/nativeclient`.
    pub fn microsoft(environment: Environment, tenant: &str) -> Self {
        let scope = match environment {
            Environment::Production => PRODUCTION_SCOPE,
            Environment::Sandbox => SANDBOX_SCOPE,
        };
        let base = format!("{MICROSOFT_AUTHORITY}/{}", encode_segment(tenant));
        OAuthEndpoints {
            authorize_url: parse_builtin(&format!("{base}/oauth2/v2.0/authorize")),
            token_url: parse_builtin(&format!("{base}/oauth2/v2.0/token")),
            redirect_uri: Some(NATIVE_CLIENT_REDIRECT_URI.to_string()),
            scope: scope.to_string(),
            extra_authorize_params: Vec::new(),
        }
    }

    /// The legacy sandbox identity service: `https://login.windows-ppe.net/consumers`, scope
    /// `https://api.ads.microsoft.com/msads.manage offline_access`, redirect URI
    /// `https://login.windows-ppe.net/common/oauth2/nativeclient`, and `prompt=login`. Use it
    /// only for sandbox users created on that service; its tenant is always `consumers`.
    pub fn microsoft_sandbox_ppe() -> Self {
        OAuthEndpoints {
            authorize_url: parse_builtin(&format!("{SANDBOX_PPE_AUTHORITY}/oauth2/v2.0/authorize")),
            token_url: parse_builtin(&format!("{SANDBOX_PPE_AUTHORITY}/oauth2/v2.0/token")),
            redirect_uri: Some(SANDBOX_PPE_REDIRECT_URI.to_string()),
            scope: SANDBOX_PPE_SCOPE.to_string(),
            extra_authorize_params: vec![("prompt".into(), "login".into())],
        }
    }

    /// Google sign-in: `https://accounts.google.com/o/oauth2/v2/auth` and
    /// `https://oauth2.googleapis.com/token`, scope `openid email profile`, redirect URI
    /// `http://localhost`, with `access_type=offline` and `prompt=consent` so that Google
    /// returns a refresh token. The same for production and sandbox.
    pub fn google() -> Self {
        OAuthEndpoints {
            authorize_url: parse_builtin(GOOGLE_AUTHORIZE_URL),
            token_url: parse_builtin(GOOGLE_TOKEN_URL),
            redirect_uri: Some(GOOGLE_REDIRECT_URI.to_string()),
            scope: GOOGLE_SCOPE.to_string(),
            extra_authorize_params: vec![
                ("access_type".into(), "offline".into()),
                ("prompt".into(), "consent".into()),
            ],
        }
    }

    /// Microsoft-shaped endpoints on another host: `{authority}/{tenant}/oauth2/v2.0/authorize`
    /// and `.../token`, with the scope and redirect URI of [`microsoft`](Self::microsoft). For
    /// a local emulator or an authenticating proxy.
    pub fn microsoft_at(
        authority: &str,
        tenant: &str,
        environment: Environment,
    ) -> Result<Self, AuthError> {
        let base = authority.trim_end_matches('/');
        let tenant = encode_segment(tenant);
        let defaults = OAuthEndpoints::microsoft(environment, "common");
        let endpoints = OAuthEndpoints {
            authorize_url: parse_endpoint(
                &format!("{base}/{tenant}/oauth2/v2.0/authorize"),
                "authority",
            )?,
            token_url: parse_endpoint(&format!("{base}/{tenant}/oauth2/v2.0/token"), "authority")?,
            ..defaults
        };
        endpoints.validate()?;
        Ok(endpoints)
    }

    /// Any OAuth 2.0 authorization server. No default redirect URI: set one with
    /// [`with_redirect_uri`](Self::with_redirect_uri) or on the grant, or the grant falls back
    /// to its built-in one.
    pub fn custom(authorize_url: &str, token_url: &str, scope: &str) -> Result<Self, AuthError> {
        let endpoints = OAuthEndpoints {
            authorize_url: parse_endpoint(authorize_url, "authorize URL")?,
            token_url: parse_endpoint(token_url, "token URL")?,
            redirect_uri: None,
            scope: scope.to_string(),
            extra_authorize_params: Vec::new(),
        };
        endpoints.validate()?;
        Ok(endpoints)
    }

    /// Sets the default redirect URI.
    pub fn with_redirect_uri(mut self, redirect_uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(redirect_uri.into());
        self
    }

    /// Appends a query parameter to every authorization URL.
    pub fn with_authorize_param(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        self.extra_authorize_params
            .push((name.into(), value.into()));
        self
    }

    /// Checks that both endpoints are `https` (or `http` on a loopback host) and that the
    /// redirect URI, if any, parses.
    pub fn validate(&self) -> Result<(), AuthError> {
        check_secure(&self.authorize_url)?;
        check_secure(&self.token_url)?;
        if let Some(redirect) = &self.redirect_uri {
            check_redirect_uri(redirect)?;
        }
        Ok(())
    }
}

/// The built-in URLs are constants known to parse.
fn parse_builtin(url: &str) -> Url {
    Url::parse(url).expect("built-in OAuth URL parses")
}

fn parse_endpoint(url: &str, what: &str) -> Result<Url, AuthError> {
    Url::parse(url).map_err(|e| AuthError::InvalidEndpoint {
        url: unparsable(what),
        reason: e.to_string(),
    })
}

/// An unparsable URL is not shown at all: it could be anything, a secret pasted by mistake too.
pub(crate) fn unparsable(what: &str) -> String {
    format!("<the {what}, not shown>")
}

/// A tenant is one path segment: percent-encode anything that would change the path.
fn encode_segment(segment: &str) -> String {
    url::form_urlencoded::byte_serialize(segment.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// A redirect URI receives the authorization code (or, for the implicit grant, the access
/// token): `https`, or `http` to a loopback host only (RFC 8252 §7.3), where nobody on the
/// network can read it. A native app's private-use scheme (`com.example.app:/auth`,
/// RFC 8252 §7.1) is accepted too; schemes a browser handles itself (`file`, `data`,
/// `javascript`, ...) are not.
pub(crate) fn check_redirect_uri(uri: &str) -> Result<(), AuthError> {
    let url = Url::parse(uri).map_err(|e| AuthError::InvalidEndpoint {
        url: unparsable("redirect URI"),
        reason: e.to_string(),
    })?;
    const BROWSER_SCHEMES: [&str; 9] = [
        "file",
        "data",
        "javascript",
        "ftp",
        "ws",
        "wss",
        "blob",
        "about",
        "view-source",
    ];
    let ok = match url.scheme() {
        "https" => url.host().is_some(),
        "http" => is_loopback(&url),
        other => !BROWSER_SCHEMES.contains(&other),
    };
    if ok {
        Ok(())
    } else {
        Err(AuthError::InsecureRedirectUri {
            url: redact_url(&url),
        })
    }
}

/// `https` anywhere; `http` only to loopback hosts; nothing else.
pub(crate) fn check_secure(url: &Url) -> Result<(), AuthError> {
    let ok = match url.scheme() {
        "https" => url.host().is_some(),
        "http" => is_loopback(url),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(AuthError::InsecureEndpoint {
            url: redact_url(url),
        })
    }
}

/// 127.0.0.0/8, ::1 (and IPv4-mapped 127/8), or the name `localhost`.
pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => {
            ip.is_loopback()
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|v4| IpAddr::V4(v4).is_loopback())
        }
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// A URL for messages: scheme, host, port and path only (no user info, query or fragment).
pub(crate) fn redact_url(url: &Url) -> String {
    let mut shown = format!("{}://", url.scheme());
    if let Some(host) = url.host_str() {
        shown.push_str(host);
    }
    if let Some(port) = url.port() {
        shown.push_str(&format!(":{port}"));
    }
    shown.push_str(url.path());
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tenant is the caller's text inside a built-in URL: whatever it holds, the URL
    /// parses, keeps Microsoft's host, and the tenant is one path segment (`.` and `..` cannot
    /// be URL segments at all: they drop out, and the service refuses that sign-in).
    #[test]
    fn any_tenant_text_stays_one_path_segment() {
        let long = "t".repeat(10_000);
        for tenant in [
            "",
            "../../evil",
            "a b/c?d#e",
            "%zz",
            "ünï\u{0}\u{7f}",
            "🙂",
            &long,
            ".",
            "..",
        ] {
            for env in [Environment::Production, Environment::Sandbox] {
                let e = OAuthEndpoints::microsoft(env, tenant);
                assert_eq!(
                    e.authorize_url.host_str(),
                    Some("login.microsoftonline.com")
                );
                assert_eq!(e.token_url.host_str(), Some("login.microsoftonline.com"));
                let segments: Vec<_> = e.token_url.path_segments().unwrap().collect();
                let expected = if matches!(tenant, "." | "..") { 3 } else { 4 };
                assert_eq!(segments.len(), expected, "{tenant:?}: {segments:?}");
                assert!(
                    segments.ends_with(&["oauth2", "v2.0", "token"]),
                    "{tenant:?}"
                );
            }
        }
    }

    fn secure(u: &str) -> bool {
        check_secure(&Url::parse(u).unwrap()).is_ok()
    }

    #[test]
    fn loopback_only_for_http() {
        assert!(secure(
            "https://login.microsoftonline.com/common/oauth2/v2.0/token"
        ));
        assert!(secure("http://127.0.0.1:8080/t"));
        assert!(secure("http://127.5.6.7/t"));
        assert!(secure("http://[::1]:9/t"));
        assert!(secure("http://localhost:9/t"));
        assert!(secure("http://LOCALHOST/t"));
        assert!(!secure("http://example.com/t"));
        assert!(!secure("http://10.0.0.1/t"));
        assert!(!secure("http://localhost.example.com/t"));
        assert!(!secure("http://128.0.0.1/t"));
        assert!(!secure("ftp://127.0.0.1/t"));
        assert!(!secure("file:///etc/passwd"));
    }

    #[test]
    fn redirect_uris_are_https_loopback_http_or_private_use() {
        for ok in [
            "https://login.microsoftonline.com/common/oauth2/nativeclient",
            "http://127.0.0.1:8400/",
            "http://localhost",
            "http://[::1]:9/cb",
            "com.example.app:/oauth2redirect",
            "msal00000000-0000-0000-0000-000000000000://auth",
        ] {
            assert!(check_redirect_uri(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://example.com/cb",
            "http://10.0.0.1/cb",
            "http://localhost.example.com/cb",
            "file:///tmp/cb",
            "javascript:alert(1)",
            "data:text/html,x",
        ] {
            assert!(
                matches!(
                    check_redirect_uri(refused),
                    Err(AuthError::InsecureRedirectUri { .. })
                ),
                "{refused}"
            );
        }
    }

    #[test]
    fn redaction() {
        let u = Url::parse("https://user:pw@host:8443/p/a?client_secret=x#frag").unwrap();
        assert_eq!(redact_url(&u), "https://host:8443/p/a");
        assert!(!unparsable("token URL").contains("secret"));
    }

    #[test]
    fn builtin_sets() {
        let p = OAuthEndpoints::microsoft(Environment::Production, "contoso.onmicrosoft.com");
        assert_eq!(
            p.token_url.as_str(),
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
        );
        assert_eq!(p.scope, PRODUCTION_SCOPE);
        let s = OAuthEndpoints::microsoft(Environment::Sandbox, "common");
        assert_eq!(s.scope, SANDBOX_SCOPE);
        let e = OAuthEndpoints::microsoft(Environment::Production, "a/b?c");
        assert_eq!(
            e.authorize_url.as_str(),
            "https://login.microsoftonline.com/a%2Fb%3Fc/oauth2/v2.0/authorize"
        );
        for e in [
            p,
            s,
            OAuthEndpoints::microsoft_sandbox_ppe(),
            OAuthEndpoints::google(),
        ] {
            e.validate().unwrap();
        }
    }
}
