//! OAuth 2.0 endpoints shaped like the Microsoft identity platform (v2.0): an authorize
//! endpoint with an HTML consent page, and a token endpoint for the authorization-code
//! (with PKCE S256) and refresh-token grants.
//!
//! Access and refresh tokens are opaque random strings the emulator remembers; the SOAP side
//! looks access tokens up to authenticate calls. Errors use the identity platform's JSON shape
//! (`error`, `error_description` starting with an `AADSTS` number, `error_codes`, ids).

use std::fmt;
use std::time::Duration;

use serde::Serialize;
use tokio::time::Instant;

mod authorize;
mod token;

pub(crate) use authorize::{authorize_get, authorize_post, complete_consent};
pub(crate) use token::token_endpoint;

use crate::OAuthClient;
use crate::state::{BoundedMap, Shared};
use crate::util::token;

/// How long a consent page stays valid.
const PENDING_LIFETIME: Duration = Duration::from_secs(600);
const MAX_PENDING: usize = 1_000;
const MAX_CODES: usize = 10_000;
const MAX_TOKENS: usize = 100_000;
/// Scopes that are not returned in `scope` (they ask for protocol features, not access).
const PROTOCOL_SCOPES: [&str; 4] = ["offline_access", "openid", "profile", "email"];

/// Tokens as the token endpoint returns them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenSet {
    pub token_type: String,
    pub scope: String,
    pub expires_in: u64,
    pub ext_expires_in: u64,
    pub access_token: String,
    /// Present when the grant included `offline_access`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// Why [`crate::Emulator::approve_consent`] could not produce a redirect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentError {
    /// The URL is not a URL of this emulator's authorize endpoint.
    InvalidUrl(String),
    /// The authorize endpoint would show an error page instead of redirecting (unknown
    /// client, unregistered redirect URI, ...): its HTTP status and message.
    Rejected { status: u16, message: String },
}

impl fmt::Display for ConsentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConsentError::InvalidUrl(m) => write!(f, "not an authorize URL: {m}"),
            ConsentError::Rejected { status, message } => {
                write!(f, "authorize request rejected ({status}): {message}")
            }
        }
    }
}

impl std::error::Error for ConsentError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseType {
    Code,
    Token,
}

/// A validated authorize request.
#[derive(Debug, Clone)]
struct AuthorizeParams {
    client_id: String,
    redirect_uri: String,
    response_type: ResponseType,
    scope: String,
    state: Option<String>,
    code_challenge: Option<String>,
    login_hint: Option<String>,
}

#[derive(Debug)]
struct Pending {
    params: AuthorizeParams,
    created: Instant,
}

#[derive(Debug)]
struct CodeGrant {
    user_id: i64,
    client_id: String,
    redirect_uri: String,
    scope: String,
    code_challenge: Option<String>,
    expires: Instant,
}

#[derive(Debug)]
struct AccessGrant {
    user_id: i64,
    expires: Instant,
}

#[derive(Debug)]
struct RefreshGrant {
    user_id: i64,
    client_id: String,
    scope: String,
}

/// Why an access token was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenProblem {
    Unknown,
    Expired,
}

/// Pending consents and issued grants.
#[derive(Debug)]
pub(crate) struct OAuthStore {
    pending: BoundedMap<Pending>,
    codes: BoundedMap<CodeGrant>,
    access: BoundedMap<AccessGrant>,
    refresh: BoundedMap<RefreshGrant>,
}

impl Default for OAuthStore {
    fn default() -> Self {
        OAuthStore {
            pending: BoundedMap::new(MAX_PENDING),
            codes: BoundedMap::new(MAX_CODES),
            access: BoundedMap::new(MAX_TOKENS),
            refresh: BoundedMap::new(MAX_TOKENS),
        }
    }
}

fn granted_scope(scope: &str) -> String {
    scope
        .split_ascii_whitespace()
        .filter(|s| !PROTOCOL_SCOPES.contains(s))
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_offline_access(scope: &str) -> bool {
    scope
        .split_ascii_whitespace()
        .any(|s| s == "offline_access")
}

impl OAuthStore {
    /// Issues an access token (and a refresh token when `scope` has `offline_access`).
    pub fn issue(
        &mut self,
        user_id: i64,
        client_id: &str,
        scope: &str,
        lifetime: Duration,
    ) -> TokenSet {
        let access_token = token("EwA");
        self.access.insert(
            access_token.clone(),
            AccessGrant {
                user_id,
                expires: Instant::now() + lifetime,
            },
        );
        let refresh_token = has_offline_access(scope).then(|| {
            let t = token("M.R3_");
            self.refresh.insert(
                t.clone(),
                RefreshGrant {
                    user_id,
                    client_id: client_id.into(),
                    scope: scope.into(),
                },
            );
            t
        });
        TokenSet {
            token_type: "Bearer".into(),
            scope: granted_scope(scope),
            expires_in: lifetime.as_secs(),
            ext_expires_in: lifetime.as_secs(),
            access_token,
            refresh_token,
        }
    }

    /// The user an access token was issued to.
    pub fn check_access(&self, access_token: &str) -> Result<i64, TokenProblem> {
        let grant = self.access.get(access_token).ok_or(TokenProblem::Unknown)?;
        if Instant::now() >= grant.expires {
            return Err(TokenProblem::Expired);
        }
        Ok(grant.user_id)
    }

    pub fn expire_all_access_tokens(&mut self) {
        let now = Instant::now();
        for grant in self.access.values_mut() {
            grant.expires = grant.expires.min(now);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Authorize endpoint

/// The registered client with this id.
pub(super) fn client<'a>(shared: &'a Shared, client_id: &str) -> Option<&'a OAuthClient> {
    shared
        .config
        .clients
        .iter()
        .find(|c| c.client_id == client_id)
}
