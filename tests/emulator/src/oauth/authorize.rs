//! The authorize endpoint: request checks, the HTML consent page, and the redirect with a
//! code (or, for the implicit grant, a token) or an error.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::time::Instant;

use super::{
    AuthorizeParams, CodeGrant, ConsentError, PENDING_LIFETIME, Pending, ResponseType, client,
    granted_scope,
};
use crate::state::{Shared, lock};
use crate::util::{constant_time_eq, html_escape, token};

/// What the authorize endpoint does with a request it cannot accept.
enum AuthorizeError {
    /// Show an error page (the redirect URI cannot be trusted).
    Page(StatusCode, String),
    /// Send the error to the client's redirect URI.
    Redirect(String),
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
