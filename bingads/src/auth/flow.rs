//! The engine shared by every OAuth grant: authorization URL (state, PKCE), response URI
//! checks, token requests, the token store and the single-flight refresh.

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use url::Url;

use super::endpoints::{check_redirect_uri, check_secure, redact_url};
use super::http::TokenHttp;
use super::token_request::{TokenForm, request_tokens};
use super::tokens::expiry_after;
use super::{AuthError, OAuthEndpoints, OAuthTokens};
use crate::{Environment, SecretString};

/// Renew access tokens this long before they expire.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);

/// Which built-in endpoint set a grant starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Provider {
    Microsoft,
    Google,
}

/// Which response the authorization URL asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    /// `response_type=code`, optionally with PKCE (S256).
    Code { pkce: bool },
    /// `response_type=token`: the access token comes back in the URI fragment.
    Implicit,
}

pub(crate) type TokensCallback = Arc<dyn Fn(&OAuthTokens) + Send + Sync + 'static>;

pub(crate) struct OAuthCore {
    pub(crate) kind: &'static str,
    pub(crate) client_id: String,
    pub(crate) client_secret: Option<SecretString>,
    pub(crate) environment: Environment,
    pub(crate) tenant: String,
    pub(crate) provider: Provider,
    pub(crate) flow: Flow,
    pub(crate) redirect_override: Option<String>,
    pub(crate) custom_endpoints: Option<OAuthEndpoints>,
    pub(crate) http: TokenHttp,
    pub(crate) margin: Duration,
    pub(crate) on_refreshed: Option<TokensCallback>,
    state: Mutex<Option<String>>,
    pkce_verifier: Mutex<Option<SecretString>>,
    tokens: Mutex<Option<OAuthTokens>>,
    /// Held for every token request, so that concurrent callers share one refresh. It guards
    /// the last refresh that failed after a 109, with the access token that was rejected, so
    /// the callers waiting behind it get that answer instead of each trying again.
    refresh_lock: tokio::sync::Mutex<Option<(SecretString, AuthError)>>,
}

/// A poisoned lock only means a panic elsewhere; the data (an `Option`) is still consistent.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// 32 bytes from the OS generator, base64url (43 characters): a state value or PKCE verifier.
fn random_token() -> Result<String, AuthError> {
    token_from(getrandom::fill)
}

/// A token from `fill`, the random source (the OS generator outside tests), whose failure is
/// the caller's error rather than a panic.
fn token_from(
    fill: impl FnOnce(&mut [u8]) -> Result<(), getrandom::Error>,
) -> Result<String, AuthError> {
    let mut bytes = [0u8; 32];
    fill(&mut bytes).map_err(|e| AuthError::NoRandomness {
        message: e.to_string(),
    })?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// RFC 7636 S256: base64url(sha256(verifier)), no padding.
pub(crate) fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

enum Grant<'a> {
    Code {
        code: String,
        verifier: Option<SecretString>,
    },
    Refresh(&'a SecretString),
}

impl OAuthCore {
    pub(crate) fn new(
        kind: &'static str,
        client_id: String,
        client_secret: Option<SecretString>,
        environment: Environment,
        provider: Provider,
        flow: Flow,
        redirect_override: Option<String>,
    ) -> Self {
        OAuthCore {
            kind,
            client_id,
            client_secret,
            environment,
            tenant: "common".to_string(),
            provider,
            flow,
            redirect_override,
            custom_endpoints: None,
            http: TokenHttp::new(),
            margin: DEFAULT_REFRESH_MARGIN,
            on_refreshed: None,
            state: Mutex::new(None),
            pkce_verifier: Mutex::new(None),
            tokens: Mutex::new(None),
            refresh_lock: tokio::sync::Mutex::new(None),
        }
    }

    fn builtin_endpoints(&self) -> OAuthEndpoints {
        match self.provider {
            Provider::Microsoft => OAuthEndpoints::microsoft(self.environment, &self.tenant),
            Provider::Google => OAuthEndpoints::google(),
        }
    }

    pub(crate) fn endpoints(&self) -> OAuthEndpoints {
        match &self.custom_endpoints {
            Some(e) => e.clone(),
            None => self.builtin_endpoints(),
        }
    }

    pub(crate) fn set_endpoints(&mut self, endpoints: OAuthEndpoints) -> Result<(), AuthError> {
        endpoints.validate()?;
        self.custom_endpoints = Some(endpoints);
        Ok(())
    }

    pub(crate) fn set_redirect_uri(&mut self, uri: String) -> Result<(), AuthError> {
        check_redirect_uri(&uri)?;
        self.redirect_override = Some(uri);
        Ok(())
    }

    /// The grant's own redirect URI, else the endpoints' one, else the built-in one.
    pub(crate) fn redirect_uri(&self) -> String {
        if let Some(r) = &self.redirect_override {
            return r.clone();
        }
        if let Some(r) = self
            .custom_endpoints
            .as_ref()
            .and_then(|e| e.redirect_uri.clone())
        {
            return r;
        }
        // Every built-in endpoint set has one; were one missing, the empty URI would be
        // refused by the authorization server rather than panic here.
        self.builtin_endpoints().redirect_uri.unwrap_or_default()
    }

    pub(crate) fn set_state(&self, state: String) {
        *lock(&self.state) = Some(state);
    }

    pub(crate) fn state(&self) -> Option<String> {
        lock(&self.state).clone()
    }

    pub(crate) fn set_tokens(&self, tokens: OAuthTokens) {
        *lock(&self.tokens) = Some(tokens);
    }

    pub(crate) fn tokens(&self) -> Option<OAuthTokens> {
        lock(&self.tokens).clone()
    }

    /// The URL to open in a browser. Its `state` (and PKCE verifier) are generated on the first
    /// call and reused until replaced, so calling this twice gives the same URL.
    pub(crate) fn authorization_endpoint(&self) -> Result<Url, AuthError> {
        let endpoints = self.endpoints();
        let state = {
            let mut state = lock(&self.state);
            match &*state {
                Some(s) => s.clone(),
                None => state.insert(random_token()?).clone(),
            }
        };
        let mut url = endpoints.authorize_url.clone();
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("client_id", &self.client_id);
            q.append_pair("scope", &endpoints.scope);
            q.append_pair(
                "response_type",
                match self.flow {
                    Flow::Code { .. } => "code",
                    Flow::Implicit => "token",
                },
            );
            q.append_pair("redirect_uri", &self.redirect_uri());
            for (name, value) in &endpoints.extra_authorize_params {
                q.append_pair(name, value);
            }
            q.append_pair("state", &state);
            if self.flow == (Flow::Code { pkce: true }) {
                let mut verifier = lock(&self.pkce_verifier);
                let verifier = match &mut *verifier {
                    Some(v) => v,
                    None => verifier.insert(SecretString::new(random_token()?)),
                };
                q.append_pair("code_challenge", &pkce_challenge(verifier.expose()));
                q.append_pair("code_challenge_method", "S256");
            }
        }
        Ok(url)
    }

    /// State and error checks shared by the code and implicit flows.
    ///
    /// The `state` is checked first, so a forged redirect (any web page can send the browser
    /// to a loopback redirect URI) can neither pass as this sign-in's answer nor abort it with
    /// an `error=`. A matching state is used up: the same response cannot be replayed, and
    /// the next sign-in gets a fresh state. A mismatch leaves it in place, so the real answer
    /// still gets through.
    fn checked_response(&self, uri: &str) -> Result<ResponseParams, AuthError> {
        let params = ResponseParams::parse(uri)?;
        let received = params.get("state")?;
        {
            let mut expected = lock(&self.state);
            match (expected.as_deref(), received) {
                (Some(expected), Some(got))
                    if constant_time_eq(expected.as_bytes(), got.as_bytes()) => {}
                _ => return Err(AuthError::StateMismatch),
            }
            *expected = None;
        }
        if let Some(error) = params.get("error")? {
            // The verifier belongs to the sign-in that just ended.
            lock(&self.pkce_verifier).take();
            let description = params
                .get("error_description")?
                .unwrap_or_default()
                .to_string();
            return Err(if error == "access_denied" {
                AuthError::AccessDenied { description }
            } else {
                AuthError::OAuth {
                    error: error.to_string(),
                    description,
                }
            });
        }
        Ok(params)
    }

    /// Code flows: check the response URI, then exchange its code for tokens.
    pub(crate) async fn request_tokens_by_response_uri(
        &self,
        uri: &str,
    ) -> Result<OAuthTokens, AuthError> {
        let params = self.checked_response(uri)?;
        // Taken, not copied: a verifier proves one sign-in, once.
        let verifier = match self.flow {
            Flow::Code { pkce: true } => lock(&self.pkce_verifier).take(),
            _ => None,
        };
        let code = params
            .get("code")?
            .filter(|c| !c.is_empty())
            .ok_or_else(|| AuthError::InvalidResponseUri {
                reason: "it has no `code` parameter".to_string(),
            })?
            .to_string();
        let _single = self.refresh_lock.lock().await;
        tracing::debug!(
            grant = self.kind,
            "exchanging an authorization code for OAuth tokens"
        );
        let tokens = self
            .token_request(Grant::Code { code, verifier })
            .await
            .inspect_err(|e| {
                tracing::warn!(grant = self.kind, error = %e, "authorization code exchange failed");
            })?;
        self.store(&tokens);
        Ok(tokens)
    }

    /// Implicit flow: the tokens are in the response URI's fragment.
    pub(crate) fn tokens_from_implicit_response(
        &self,
        uri: &str,
    ) -> Result<OAuthTokens, AuthError> {
        let params = self.checked_response(uri)?;
        let access_token = params
            .get("access_token")?
            .filter(|t| !t.is_empty())
            .ok_or_else(|| AuthError::InvalidResponseUri {
                reason: "it has no `access_token` parameter (the implicit grant returns it in the \
                         URI fragment, after `#`)"
                    .to_string(),
            })?;
        let expires_in = match params.get("expires_in")? {
            None | Some("") => None,
            Some(v) => Some(Duration::from_secs(v.parse::<u64>().map_err(|_| {
                AuthError::InvalidResponseUri {
                    reason: "its `expires_in` parameter is not a number of seconds".to_string(),
                }
            })?)),
        };
        let tokens = OAuthTokens {
            access_token: SecretString::new(access_token),
            refresh_token: None,
            expires_at: expires_in.and_then(expiry_after),
            scope: params.get("scope")?.map(str::to_string),
            token_type: params.get("token_type")?.map(str::to_string),
        };
        self.set_tokens(tokens.clone());
        Ok(tokens)
    }

    /// Explicit refresh with a given refresh token (e.g. one loaded from storage).
    pub(crate) async fn refresh_with(
        &self,
        refresh_token: &SecretString,
    ) -> Result<OAuthTokens, AuthError> {
        let _single = self.refresh_lock.lock().await;
        self.refresh_locked(refresh_token).await
    }

    /// Refresh; the caller holds `refresh_lock`.
    async fn refresh_locked(&self, refresh_token: &SecretString) -> Result<OAuthTokens, AuthError> {
        tracing::debug!(grant = self.kind, "refreshing the OAuth access token");
        match self.token_request(Grant::Refresh(refresh_token)).await {
            Ok(tokens) => {
                tracing::info!(
                    grant = self.kind,
                    expires_in_secs = tokens.expires_in().map(|d| d.as_secs()),
                    refresh_token_rotated = tokens.refresh_token.as_ref() != Some(refresh_token),
                    "OAuth access token refreshed"
                );
                self.store(&tokens);
                Ok(tokens)
            }
            Err(e) => {
                tracing::warn!(grant = self.kind, error = %e, "OAuth access token refresh failed");
                Err(e)
            }
        }
    }

    /// Keep the tokens, then tell the owner (outside every lock but the refresh one).
    fn store(&self, tokens: &OAuthTokens) {
        self.set_tokens(tokens.clone());
        if let Some(callback) = &self.on_refreshed {
            callback(tokens);
        }
    }

    async fn token_request(&self, grant: Grant<'_>) -> Result<OAuthTokens, AuthError> {
        let endpoints = self.endpoints();
        check_secure(&endpoints.token_url)?;
        let http = self.http.client()?;
        let secret = self.client_secret.as_ref();
        match grant {
            Grant::Code { code, verifier } => {
                let redirect = self.redirect_uri();
                // Web grants take theirs unchecked in `new`; the code goes nowhere insecure.
                check_redirect_uri(&redirect)?;
                let form = TokenForm::code(&code, &redirect, verifier.as_ref())
                    .client(&self.client_id, secret);
                request_tokens(&http, &endpoints.token_url, &form, None).await
            }
            Grant::Refresh(refresh_token) => {
                let form = TokenForm::refresh(refresh_token, &endpoints.scope)
                    .client(&self.client_id, secret);
                request_tokens(&http, &endpoints.token_url, &form, Some(refresh_token)).await
            }
        }
    }

    /// The access token to send now, refreshed first when it expires within the margin.
    pub(crate) async fn access_token(&self) -> Result<SecretString, AuthError> {
        let current = self.tokens().ok_or(AuthError::NoTokens)?;
        if !current.expires_within(self.margin) {
            return Ok(current.access_token);
        }
        if current.refresh_token.is_none() {
            return usable_without_refresh(current);
        }
        let _single = self.refresh_lock.lock().await;
        // Another caller may have refreshed while this one waited.
        let current = self.tokens().ok_or(AuthError::NoTokens)?;
        if !current.expires_within(self.margin) {
            return Ok(current.access_token);
        }
        let Some(refresh_token) = current.refresh_token.clone() else {
            return usable_without_refresh(current);
        };
        match self.refresh_locked(&refresh_token).await {
            Ok(tokens) => Ok(tokens.access_token),
            // A network hiccup inside the margin: the current token still works for now, and
            // the next call tries again.
            Err(AuthError::Http(_)) if !current.is_expired() => Ok(current.access_token),
            Err(e) => Err(e),
        }
    }

    /// The service rejected `rejected`: refresh unless someone already replaced it.
    pub(crate) async fn token_expired(&self, rejected: &SecretString) -> Result<bool, AuthError> {
        let mut last_failure = self.refresh_lock.lock().await;
        let current = self.tokens().ok_or(AuthError::NoTokens)?;
        if current.access_token != *rejected {
            return Ok(true);
        }
        if let Some((token, error)) = last_failure.as_ref() {
            if token == rejected {
                return Err(error.clone());
            }
        }
        let Some(refresh_token) = current.refresh_token.clone() else {
            return Err(AuthError::NoRefreshToken);
        };
        match self.refresh_locked(&refresh_token).await {
            Ok(_) => {
                *last_failure = None;
                Ok(true)
            }
            Err(e) => {
                *last_failure = Some((rejected.clone(), e.clone()));
                Err(e)
            }
        }
    }
}

fn usable_without_refresh(tokens: OAuthTokens) -> Result<SecretString, AuthError> {
    if tokens.is_expired() {
        Err(AuthError::NoRefreshToken)
    } else {
        Ok(tokens.access_token)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The query and fragment parameters of an authorization response URI.
struct ResponseParams(Vec<(String, String)>);

impl ResponseParams {
    fn parse(uri: &str) -> Result<Self, AuthError> {
        let url = Url::parse(uri.trim()).map_err(|_| AuthError::InvalidResponseUri {
            reason: "it is not an absolute URI".to_string(),
        })?;
        let mut pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        if let Some(fragment) = url.fragment() {
            pairs.extend(url::form_urlencoded::parse(fragment.as_bytes()).into_owned());
        }
        Ok(ResponseParams(pairs))
    }

    /// The value of `name`; a parameter given twice with different values is refused
    /// (RFC 6749 §3.1: parameters must not repeat).
    fn get(&self, name: &str) -> Result<Option<&str>, AuthError> {
        let mut values = self
            .0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str());
        let first = values.next();
        if values.any(|v| Some(v) != first) {
            return Err(AuthError::InvalidResponseUri {
                reason: format!("its `{name}` parameter appears more than once"),
            });
        }
        Ok(first)
    }
}

impl fmt::Debug for OAuthCore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let endpoints = self.endpoints();
        f.debug_struct(self.kind)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("environment", &self.environment)
            .field("tenant", &self.tenant)
            .field("authorize_url", &redact_url(&endpoints.authorize_url))
            .field("token_url", &redact_url(&endpoints.token_url))
            .field("scope", &endpoints.scope)
            .field("redirect_uri", &self.redirect_uri())
            .field("pkce", &(self.flow == Flow::Code { pkce: true }))
            .field("state_issued", &self.state().is_some())
            .field("tokens", &self.tokens())
            .field("refresh_margin", &self.margin)
            .field("custom_http_client", &self.http.is_configured())
            .field("on_tokens_refreshed", &self.on_refreshed.is_some())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7636_s256_vector() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_tokens_are_distinct_and_long_enough() {
        let a = random_token().unwrap();
        assert_eq!(a.len(), 43, "RFC 7636 verifier length");
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_ne!(a, random_token().unwrap());
    }

    /// A failing random source is the caller's error (it was a panic).
    #[test]
    fn a_failing_random_source_is_an_error_not_a_panic() {
        let e = token_from(|_| Err(getrandom::Error::UNSUPPORTED)).unwrap_err();
        let AuthError::NoRandomness { message } = &e else {
            panic!("{e:?}")
        };
        assert!(!message.is_empty());
        assert!(e.to_string().contains("random generator failed"), "{e}");
    }

    #[test]
    fn response_params() {
        let p = ResponseParams::parse("https://x/cb?code=a%20b&state=s#access_token=t&state=s")
            .unwrap();
        assert_eq!(p.get("code").unwrap(), Some("a b"));
        assert_eq!(p.get("state").unwrap(), Some("s"));
        assert_eq!(p.get("access_token").unwrap(), Some("t"));
        assert_eq!(p.get("nope").unwrap(), None);
        let p = ResponseParams::parse("https://x/cb?code=a&code=b").unwrap();
        assert!(matches!(
            p.get("code"),
            Err(AuthError::InvalidResponseUri { .. })
        ));
        assert!(matches!(
            ResponseParams::parse("code=a"),
            Err(AuthError::InvalidResponseUri { .. })
        ));
    }

    #[test]
    fn constant_time() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
