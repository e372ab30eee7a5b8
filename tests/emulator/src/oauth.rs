//! OAuth 2.0 endpoints shaped like the Microsoft identity platform (v2.0): an authorize
//! endpoint with an HTML consent page, and a token endpoint for the authorization-code
//! (with PKCE S256) and refresh-token grants.
//!
//! Access and refresh tokens are opaque random strings the emulator remembers; the SOAP side
//! looks access tokens up to authenticate calls. Errors use the identity platform's JSON shape
//! (`error`, `error_description` starting with an `AADSTS` number, `error_codes`, ids).

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Serialize;
use tokio::time::Instant;

use crate::OAuthClient;
use crate::state::{BoundedMap, Shared, lock};
use crate::util::{constant_time_eq, guid, html_escape, pkce_s256, token};

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

/// What the authorize endpoint does with a request it cannot accept.
enum AuthorizeError {
    /// Show an error page (the redirect URI cannot be trusted).
    Page(StatusCode, String),
    /// Send the error to the client's redirect URI.
    Redirect(String),
}

fn client<'a>(shared: &'a Shared, client_id: &str) -> Option<&'a OAuthClient> {
    shared
        .config
        .clients
        .iter()
        .find(|c| c.client_id == client_id)
}

/// `redirect_uri` with `pairs` in its query (code flow) or fragment (token flow).
fn redirect_location(
    redirect_uri: &str,
    response_type: ResponseType,
    pairs: &[(&str, &str)],
) -> String {
    let mut ser = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        ser.append_pair(k, v);
    }
    let encoded = ser.finish();
    match url::Url::parse(redirect_uri) {
        Ok(mut url) => {
            match response_type {
                ResponseType::Code => {
                    let query = match url.query() {
                        Some(q) if !q.is_empty() => format!("{q}&{encoded}"),
                        _ => encoded,
                    };
                    url.set_query(Some(&query));
                }
                ResponseType::Token => url.set_fragment(Some(&encoded)),
            }
            url.to_string()
        }
        // Redirect URIs are validated against the registration before we get here.
        Err(_) => format!("{redirect_uri}?{encoded}"),
    }
}

fn error_redirect(p: &AuthorizeParams, error: &str, description: &str) -> String {
    let mut pairs = vec![("error", error), ("error_description", description)];
    if let Some(state) = &p.state {
        pairs.push(("state", state));
    }
    redirect_location(&p.redirect_uri, p.response_type, &pairs)
}

fn validate_authorize(
    shared: &Shared,
    q: &HashMap<String, String>,
) -> Result<AuthorizeParams, AuthorizeError> {
    let get = |k: &str| q.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
    let Some(client_id) = get("client_id") else {
        return Err(AuthorizeError::Page(
            StatusCode::BAD_REQUEST,
            "AADSTS900144: The request body must contain the following parameter: 'client_id'."
                .into(),
        ));
    };
    let Some(client) = client(shared, client_id) else {
        return Err(AuthorizeError::Page(
            StatusCode::BAD_REQUEST,
            format!("AADSTS700016: Application with identifier '{client_id}' was not found."),
        ));
    };
    let Some(redirect_uri) = get("redirect_uri") else {
        return Err(AuthorizeError::Page(
            StatusCode::BAD_REQUEST,
            "AADSTS900144: The request must contain the parameter 'redirect_uri'.".into(),
        ));
    };
    if !client.allows_redirect(redirect_uri) {
        return Err(AuthorizeError::Page(
            StatusCode::BAD_REQUEST,
            format!(
                "AADSTS50011: The redirect URI '{redirect_uri}' does not match the redirect URIs registered for the application."
            ),
        ));
    }
    let response_type = match get("response_type") {
        Some("token") => ResponseType::Token,
        Some("code") => ResponseType::Code,
        other => {
            let p = AuthorizeParams {
                client_id: client_id.into(),
                redirect_uri: redirect_uri.into(),
                response_type: ResponseType::Code,
                scope: String::new(),
                state: get("state").map(str::to_string),
                code_challenge: None,
                login_hint: None,
            };
            let what = other.unwrap_or("(none)");
            return Err(AuthorizeError::Redirect(error_redirect(
                &p,
                "unsupported_response_type",
                &format!(
                    "AADSTS700054: response_type '{what}' is not supported; use 'code' or 'token'."
                ),
            )));
        }
    };
    let mut p = AuthorizeParams {
        client_id: client_id.into(),
        redirect_uri: redirect_uri.into(),
        response_type,
        scope: get("scope").unwrap_or_default().to_string(),
        state: q.get("state").cloned(),
        code_challenge: None,
        login_hint: get("login_hint").map(str::to_string),
    };
    if p.scope.is_empty() {
        return Err(AuthorizeError::Redirect(error_redirect(
            &p,
            "invalid_request",
            "AADSTS900144: The request body must contain the following parameter: 'scope'.",
        )));
    }
    match (get("code_challenge"), get("code_challenge_method")) {
        (None, None) => {}
        (Some(challenge), Some("S256")) => {
            let well_formed = (43..=128).contains(&challenge.len())
                && challenge
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !well_formed {
                return Err(AuthorizeError::Redirect(error_redirect(
                    &p,
                    "invalid_request",
                    "AADSTS501491: The code_challenge is not a valid S256 challenge.",
                )));
            }
            p.code_challenge = Some(challenge.to_string());
        }
        (Some(_), _) => {
            return Err(AuthorizeError::Redirect(error_redirect(
                &p,
                "invalid_request",
                "AADSTS501491: code_challenge_method must be 'S256'.",
            )));
        }
        (None, Some(_)) => {
            return Err(AuthorizeError::Redirect(error_redirect(
                &p,
                "invalid_request",
                "AADSTS501491: code_challenge_method was sent without a code_challenge.",
            )));
        }
    }
    if get("prompt") == Some("none") {
        return Err(AuthorizeError::Redirect(error_redirect(
            &p,
            "interaction_required",
            "AADSTS50058: There is no signed-in session; the user must sign in.",
        )));
    }
    Ok(p)
}

/// Completes an accepted consent: a code redirect or a token redirect.
fn finish(shared: &Shared, p: &AuthorizeParams) -> String {
    let user_id = shared.directory.user.id;
    let mut store = lock(&shared.oauth);
    match p.response_type {
        ResponseType::Code => {
            let code = token("M.C5_");
            store.codes.insert(
                code.clone(),
                CodeGrant {
                    user_id,
                    client_id: p.client_id.clone(),
                    redirect_uri: p.redirect_uri.clone(),
                    scope: p.scope.clone(),
                    code_challenge: p.code_challenge.clone(),
                    expires: Instant::now() + shared.config.code_lifetime,
                },
            );
            let mut pairs = vec![("code", code.as_str())];
            if let Some(state) = &p.state {
                pairs.push(("state", state));
            }
            redirect_location(&p.redirect_uri, p.response_type, &pairs)
        }
        ResponseType::Token => {
            // The implicit flow never returns a refresh token.
            let scope = granted_scope(&p.scope);
            let t = store.issue(
                user_id,
                &p.client_id,
                &scope,
                shared.config.access_token_lifetime,
            );
            let expires = t.expires_in.to_string();
            let mut pairs = vec![
                ("access_token", t.access_token.as_str()),
                ("token_type", "Bearer"),
                ("expires_in", expires.as_str()),
                ("scope", t.scope.as_str()),
            ];
            if let Some(state) = &p.state {
                pairs.push(("state", state));
            }
            redirect_location(&p.redirect_uri, p.response_type, &pairs)
        }
    }
}

fn deny_location(p: &AuthorizeParams) -> String {
    error_redirect(p, "access_denied", "The user denied consent")
}

fn found(location: &str) -> Response {
    let mut resp = (
        StatusCode::FOUND,
        [(header::CACHE_CONTROL, "no-store")],
        format!(
            "<html><body>Redirecting to <a href=\"{0}\">{0}</a></body></html>",
            html_escape(location)
        ),
    )
        .into_response();
    match HeaderValue::from_str(location) {
        Ok(v) => {
            resp.headers_mut().insert(header::LOCATION, v);
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            resp
        }
        Err(_) => error_page(
            StatusCode::BAD_REQUEST,
            "The redirect URI cannot be used in a Location header.",
        ),
    }
}

fn error_page(status: StatusCode, message: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign in - error</title></head>\
         <body><h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\">{}</p></body></html>",
        html_escape(message)
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn consent_page(
    tenant: &str,
    request_id: &str,
    p: &AuthorizeParams,
    user_name: &str,
    error: Option<&str>,
) -> Response {
    let error_html = error
        .map(|e| format!("<p id=\"error\" role=\"alert\">{}</p>", html_escape(e)))
        .unwrap_or_default();
    let body = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Sign in to your account</title></head><body>\
         <h1>Microsoft Advertising emulator</h1>\
         <p>The application <code id=\"client-id\">{client}</code> is asking for: <code id=\"scope\">{scope}</code></p>\
         {error_html}\
         <form id=\"consent\" method=\"post\" action=\"/{tenant}/oauth2/v2.0/authorize\">\
         <input type=\"hidden\" name=\"request_id\" value=\"{rid}\">\
         <label>User name <input type=\"text\" name=\"username\" value=\"{user}\" autocomplete=\"username\"></label>\
         <label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>\
         <button type=\"submit\" name=\"action\" value=\"accept\">Accept</button>\
         <button type=\"submit\" name=\"action\" value=\"deny\">Deny</button>\
         </form></body></html>",
        client = html_escape(&p.client_id),
        scope = html_escape(&p.scope),
        tenant = html_escape(tenant),
        rid = html_escape(request_id),
        user = html_escape(user_name),
    );
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// `GET /{tenant}/oauth2/v2.0/authorize`: validates the request and shows the consent page.
pub(crate) async fn authorize_get(
    State(shared): State<Arc<Shared>>,
    Path(tenant): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    match validate_authorize(&shared, &q) {
        Ok(p) => {
            let request_id = token("");
            let hint = p.login_hint.clone().unwrap_or_default();
            let page = consent_page(&tenant, &request_id, &p, &hint, None);
            lock(&shared.oauth).pending.insert(
                request_id,
                Pending {
                    params: p,
                    created: Instant::now(),
                },
            );
            page
        }
        Err(AuthorizeError::Page(status, message)) => error_page(status, &message),
        Err(AuthorizeError::Redirect(location)) => found(&location),
    }
}

/// `POST /{tenant}/oauth2/v2.0/authorize`: the consent form (user name, password,
/// accept/deny).
pub(crate) async fn authorize_post(
    State(shared): State<Arc<Shared>>,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Response {
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
    let request_id = field("request_id");
    let params = {
        let store = lock(&shared.oauth);
        match store.pending.get(request_id) {
            Some(pending) if pending.created.elapsed() < PENDING_LIFETIME => {
                Some(pending.params.clone())
            }
            _ => None,
        }
    };
    let Some(p) = params else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "AADSTS90015: The sign-in request is unknown or has expired. Start the sign-in again.",
        );
    };
    match field("action") {
        "deny" => {
            lock(&shared.oauth).pending.remove(request_id);
            found(&deny_location(&p))
        }
        "accept" => {
            let user = &shared.directory.user;
            let name_ok = field("username")
                .trim()
                .eq_ignore_ascii_case(&user.user_name);
            let password_ok = constant_time_eq(field("password"), &user.password);
            if !(name_ok && password_ok) {
                return consent_page(
                    &tenant,
                    request_id,
                    &p,
                    field("username"),
                    Some("Your account or password is incorrect."),
                );
            }
            lock(&shared.oauth).pending.remove(request_id);
            found(&finish(&shared, &p))
        }
        _ => error_page(
            StatusCode::BAD_REQUEST,
            "The form must say whether to accept or deny.",
        ),
    }
}

/// In-process consent for [`crate::Emulator::approve_consent`] and `deny_consent`.
pub(crate) fn complete_consent(
    shared: &Shared,
    authorize_url: &str,
    approve: bool,
) -> Result<String, ConsentError> {
    let url =
        url::Url::parse(authorize_url).map_err(|e| ConsentError::InvalidUrl(e.to_string()))?;
    let segments: Vec<&str> = url.path_segments().map(|s| s.collect()).unwrap_or_default();
    if !matches!(segments.as_slice(), [_, "oauth2", "v2.0", "authorize"]) {
        return Err(ConsentError::InvalidUrl(format!(
            "{authorize_url} is not /{{tenant}}/oauth2/v2.0/authorize"
        )));
    }
    let q: HashMap<String, String> = url.query_pairs().into_owned().collect();
    match validate_authorize(shared, &q) {
        Ok(p) if approve => Ok(finish(shared, &p)),
        Ok(p) => Ok(deny_location(&p)),
        Err(AuthorizeError::Redirect(location)) => Ok(location),
        Err(AuthorizeError::Page(status, message)) => Err(ConsentError::Rejected {
            status: status.as_u16(),
            message,
        }),
    }
}

// ---------------------------------------------------------------------------------------
// Token endpoint

#[derive(Debug, Serialize)]
struct OAuthError {
    error: &'static str,
    error_description: String,
    error_codes: Vec<u32>,
    trace_id: String,
    correlation_id: String,
}

fn oauth_error(
    status: StatusCode,
    error: &'static str,
    aadsts: u32,
    description: &str,
) -> Response {
    let body = OAuthError {
        error,
        error_description: format!("AADSTS{aadsts}: {description}"),
        error_codes: vec![aadsts],
        trace_id: guid(),
        correlation_id: guid(),
    };
    json_response(status, &body)
}

fn json_response<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_string(body) {
        Ok(json) => (
            status,
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store, no-cache"),
                (header::PRAGMA, "no-cache"),
            ],
            json,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Client credentials from an `Authorization: Basic` header.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value
        .strip_prefix("Basic ")
        .or_else(|| value.strip_prefix("basic "))?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    let unescape = |s: &str| {
        url::form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((unescape(id)?, unescape(secret)?))
}

/// `POST /{tenant}/oauth2/v2.0/token`.
pub(crate) async fn token_endpoint(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    shared.token_request();
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    if !is_form {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900144,
            "The request body must be application/x-www-form-urlencoded.",
        );
    }
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |k: &str| form.get(k).map(String::as_str).filter(|s| !s.is_empty());

    // Client authentication: HTTP Basic or form fields.
    let basic = basic_credentials(&headers);
    let client_status = if basic.is_some() {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::BAD_REQUEST
    };
    let (client_id, secret) = match (&basic, field("client_id")) {
        (Some((id, secret)), form_id) => {
            if form_id.is_some_and(|f| f != id) {
                return oauth_error(
                    client_status,
                    "invalid_client",
                    700016,
                    "client_id does not match the Authorization header.",
                );
            }
            (id.clone(), Some(secret.clone()))
        }
        (None, Some(id)) => (id.to_string(), field("client_secret").map(str::to_string)),
        (None, None) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                900144,
                "The request body must contain the following parameter: 'client_id'.",
            );
        }
    };
    let Some(client) = client(&shared, &client_id) else {
        return oauth_error(
            client_status,
            "invalid_client",
            700016,
            &format!("Application with identifier '{client_id}' was not found."),
        );
    };
    match (&client.client_secret, &secret) {
        (Some(_), None) => {
            return oauth_error(
                client_status,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            );
        }
        (Some(expected), Some(given)) if !constant_time_eq(expected, given) => {
            return oauth_error(
                client_status,
                "invalid_client",
                7000215,
                "Invalid client secret provided.",
            );
        }
        (None, Some(_)) => {
            return oauth_error(
                client_status,
                "invalid_client",
                700025,
                "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
            );
        }
        _ => {}
    }

    match field("grant_type") {
        Some("authorization_code") => redeem_code(&shared, &client_id, &form),
        Some("refresh_token") => redeem_refresh(&shared, &client_id, &form),
        Some(other) => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            70003,
            &format!("The app requested an unsupported grant type '{other}'."),
        ),
        None => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'grant_type'.",
        ),
    }
}

fn redeem_code(shared: &Shared, client_id: &str, form: &HashMap<String, String>) -> Response {
    let field = |k: &str| form.get(k).map(String::as_str).filter(|s| !s.is_empty());
    let Some(code) = field("code") else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'code'.",
        );
    };
    let mut store = lock(&shared.oauth);
    let Some(grant) = store.codes.get(code) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            70000,
            "The provided authorization code is invalid or was already redeemed.",
        );
    };
    if Instant::now() >= grant.expires {
        store.codes.remove(code);
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            70008,
            "The provided authorization code has expired.",
        );
    }
    if grant.client_id != client_id {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            70000,
            "The authorization code was issued to another client.",
        );
    }
    if field("redirect_uri") != Some(grant.redirect_uri.as_str()) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            50148,
            "The redirect_uri does not match the one used in the authorization request.",
        );
    }
    if let Some(challenge) = &grant.code_challenge {
        let Some(verifier) = field("code_verifier") else {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                50148,
                "The request body must contain 'code_verifier': the authorization request had a code_challenge.",
            );
        };
        if !constant_time_eq(&pkce_s256(verifier), challenge) {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_grant",
                501481,
                "The code_verifier does not match the code_challenge of the authorization request.",
            );
        }
    }
    let (user_id, scope) = (grant.user_id, grant.scope.clone());
    store.codes.remove(code);
    let tokens = store.issue(
        user_id,
        client_id,
        &scope,
        shared.config.access_token_lifetime,
    );
    drop(store);
    json_response(StatusCode::OK, &tokens)
}

fn redeem_refresh(shared: &Shared, client_id: &str, form: &HashMap<String, String>) -> Response {
    let field = |k: &str| form.get(k).map(String::as_str).filter(|s| !s.is_empty());
    let Some(refresh_token) = field("refresh_token") else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'refresh_token'.",
        );
    };
    let mut store = lock(&shared.oauth);
    let Some(grant) = store.refresh.get(refresh_token) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            9002313,
            "The refresh token is invalid, revoked or was already redeemed.",
        );
    };
    if grant.client_id != client_id {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            70000,
            "The refresh token was issued to another client.",
        );
    }
    // A narrower (or equal) scope may be asked for; never a wider one.
    let scope = match field("scope") {
        Some(requested) => {
            let granted: Vec<&str> = grant.scope.split_ascii_whitespace().collect();
            let extra: Vec<&str> = requested
                .split_ascii_whitespace()
                .filter(|s| !granted.contains(s) && !PROTOCOL_SCOPES.contains(s))
                .collect();
            if !extra.is_empty() {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    65001,
                    &format!(
                        "The user has not consented to the scope(s) {}.",
                        extra.join(" ")
                    ),
                );
            }
            // The refresh grant keeps offline access whatever the request lists.
            let mut s = granted_scope(requested);
            s.push_str(" offline_access");
            s
        }
        None => grant.scope.clone(),
    };
    let user_id = grant.user_id;
    if shared.config.revoke_used_refresh_tokens {
        store.refresh.remove(refresh_token);
    }
    let tokens = store.issue(
        user_id,
        client_id,
        &scope,
        shared.config.access_token_lifetime,
    );
    drop(store);
    json_response(StatusCode::OK, &tokens)
}
