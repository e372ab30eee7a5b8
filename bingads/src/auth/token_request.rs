//! The token endpoint request (RFC 6749 §4.1.3 code exchange with the PKCE verifier of
//! RFC 7636, §6 refresh) and its answer (§5.1 tokens, §5.2 errors).
//!
//! A form POST and a small JSON object: written here over our reqwest client and
//! `serde_json::Value` rather than through an OAuth crate, which brought its own HTTP
//! adapter, PKCE and state handling beside ours, and three duplicate crates.

use std::time::Duration;

use serde_json::Value;
use url::Url;

use super::endpoints::redact_url;
use super::http::chain;
use super::tokens::expiry_after;
use super::{AuthError, OAuthTokens};
use crate::SecretString;

/// Token responses are a few kilobytes; anything bigger is not one.
const MAX_RESPONSE_BYTES: usize = 256 * 1024;

/// The form of one token request. Values are borrowed: the secrets among them are exposed
/// only into the request body.
pub(crate) struct TokenForm<'a> {
    pairs: Vec<(&'static str, &'a str)>,
}

impl<'a> TokenForm<'a> {
    /// `grant_type=authorization_code` with the code, the redirect URI it was sent to and,
    /// for PKCE clients, the verifier.
    pub(crate) fn code(
        code: &'a str,
        redirect_uri: &'a str,
        verifier: Option<&'a SecretString>,
    ) -> Self {
        let mut pairs = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
        ];
        if let Some(v) = verifier {
            pairs.push(("code_verifier", v.expose()));
        }
        TokenForm { pairs }
    }

    /// `grant_type=refresh_token` with the scope asked for at sign-in.
    pub(crate) fn refresh(refresh_token: &'a SecretString, scope: &'a str) -> Self {
        let mut pairs = vec![
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ];
        if !scope.is_empty() {
            pairs.push(("scope", scope));
        }
        TokenForm { pairs }
    }

    /// The client's credentials go in the body (`client_secret_post`), as Microsoft's
    /// identity platform and Google both accept.
    pub(crate) fn client(mut self, client_id: &'a str, secret: Option<&'a SecretString>) -> Self {
        self.pairs.push(("client_id", client_id));
        if let Some(s) = secret {
            self.pairs.push(("client_secret", s.expose()));
        }
        self
    }

    fn encode(&self) -> String {
        let mut body = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.pairs {
            body.append_pair(name, value);
        }
        body.finish()
    }
}

/// POSTs `form` to `token_url` and reads the answer into tokens. `previous_refresh` is kept
/// when a refresh answer has no refresh token (servers that do not rotate them).
pub(crate) async fn request_tokens(
    client: &reqwest::Client,
    token_url: &Url,
    form: &TokenForm<'_>,
    previous_refresh: Option<&SecretString>,
) -> Result<OAuthTokens, AuthError> {
    let shown = redact_url(token_url);
    let mut response = client
        .post(token_url.clone())
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header(reqwest::header::ACCEPT, "application/json")
        .body(form.encode())
        .send()
        .await
        .map_err(|e| {
            let kind = if e.is_timeout() {
                "timed out"
            } else if e.is_connect() {
                "could not connect"
            } else {
                "failed"
            };
            AuthError::Http(format!("POST {shown} {kind}: {}", chain(&e.without_url())))
        })?;
    let status = response.status();
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| {
        AuthError::Http(format!(
            "reading the answer of {shown} failed: {}",
            chain(&e.without_url())
        ))
    })? {
        if body.len().saturating_add(chunk.len()) > MAX_RESPONSE_BYTES {
            return Err(AuthError::Http(format!(
                "the answer of {shown} is larger than {MAX_RESPONSE_BYTES} bytes"
            )));
        }
        body.extend_from_slice(&chunk);
    }
    let json: Option<Value> = serde_json::from_slice(&body).ok();
    let object = json.as_ref().and_then(Value::as_object);
    if let Some(error) = object.and_then(|o| o.get("error")).and_then(Value::as_str) {
        let description = object
            .and_then(|o| o.get("error_description"))
            .and_then(Value::as_str)
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
    // Never the body in a message: it may hold tokens.
    let invalid = |what: &str| {
        AuthError::InvalidTokenResponse(format!(
            "{shown} answered HTTP {} with {what}",
            status.as_u16()
        ))
    };
    if !status.is_success() {
        return Err(invalid("no OAuth error object"));
    }
    let Some(object) = object else {
        return Err(invalid("something that is not a JSON object"));
    };
    let text = |name: &str| -> Result<Option<&str>, AuthError> {
        match object.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(invalid(&format!("a `{name}` that is not a string"))),
        }
    };
    let access_token = text("access_token")?
        .filter(|t| !t.is_empty())
        .ok_or_else(|| invalid("no `access_token`"))?;
    let refresh_token = match text("refresh_token")? {
        Some(r) if !r.is_empty() => Some(SecretString::new(r)),
        _ => previous_refresh.cloned(),
    };
    // A number, as RFC 6749 says; some servers send it as a string of digits.
    let expires_in = match object.get("expires_in") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(
            n.as_u64()
                .ok_or_else(|| invalid("a negative or fractional `expires_in`"))?,
        ),
        Some(Value::String(s)) => Some(
            s.trim()
                .parse::<u64>()
                .map_err(|_| invalid("an `expires_in` that is not a number of seconds"))?,
        ),
        Some(_) => return Err(invalid("an `expires_in` that is not a number")),
    };
    Ok(OAuthTokens {
        access_token: SecretString::new(access_token),
        refresh_token,
        expires_at: expires_in.map(Duration::from_secs).and_then(expiry_after),
        scope: text("scope")?.map(str::to_string),
        token_type: text("token_type")?.map(str::to_ascii_lowercase),
    })
}
