//! The token endpoint: the authorization-code grant (with PKCE S256) and the refresh-token
//! grant, with errors in the identity platform's JSON shape.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Serialize;
use tokio::time::Instant;

use super::{PROTOCOL_SCOPES, client, granted_scope};
use crate::state::{Shared, lock};
use crate::util::{constant_time_eq, guid, pkce_s256};

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
