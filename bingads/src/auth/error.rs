//! [`AuthError`]: everything that can go wrong while signing in or renewing tokens.

/// An authentication failure. Every message says what to do next, and none of them ever
/// contains a token, a client secret, a PKCE verifier, a password or an authorization code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[doc(alias = "OAuthTokenRequestException")]
pub enum AuthError {
    /// The `state` in the response URI is missing or differs from the one this grant put in
    /// the authorization URL. The response may be forged (cross-site request forgery).
    #[error(
        "the `state` parameter of the response URI does not match the state sent with the \
         authorization URL, so the response may be forged (CSRF) or belong to another sign-in; \
         start the sign-in again with authorization_endpoint(), or, when another process built the \
         authorization URL, pass the state it stored with with_state()"
    )]
    StateMismatch,

    /// The user (or an administrator policy) refused consent: `error=access_denied`.
    #[error(
        "the user denied consent (access_denied): {description}; ask the user to sign in again and \
         accept the requested permissions"
    )]
    AccessDenied { description: String },

    /// The authorization server answered with an OAuth error, e.g. `invalid_grant` for an
    /// expired or revoked refresh token, or `invalid_client` for a wrong client secret.
    #[error("{}", oauth_message(error, description))]
    OAuth { error: String, description: String },

    /// An OAuth endpoint is not `https` (plain `http` is accepted only for loopback hosts).
    #[error(
        "refusing to use the OAuth endpoint `{url}`: it is not https; use an https URL (plain http \
         is accepted only for loopback hosts: 127.0.0.0/8, ::1 and localhost)"
    )]
    InsecureEndpoint { url: String },

    /// A redirect URI that others could read the authorization response from: plain `http`
    /// to a host that is not loopback, or a scheme the browser handles itself.
    #[error(
        "refusing the redirect URI `{url}`: the authorization response sent to it could be read \
         by others; register and use an https URI, a loopback one (http://127.0.0.1:PORT/, \
         http://[::1]:PORT/, http://localhost:PORT/) or the app's own private-use scheme"
    )]
    InsecureRedirectUri { url: String },

    /// An OAuth endpoint or redirect URI could not be parsed.
    #[error("invalid OAuth endpoint or redirect URI `{url}`: {reason}; pass an absolute URL")]
    InvalidEndpoint { url: String, reason: String },

    /// No tokens have been obtained or set yet.
    #[error(
        "no OAuth tokens yet: sign the user in (authorization_endpoint() then \
         request_oauth_tokens_by_response_uri()), or set stored tokens with with_tokens() / \
         request_oauth_tokens_by_refresh_token()"
    )]
    NoTokens,

    /// The access token has expired (or was rejected) and there is no refresh token to renew it.
    #[error(
        "the access token expired or was rejected and there is no refresh token to renew it; sign \
         the user in again with authorization_endpoint() (the implicit grant never returns refresh \
         tokens; the authorization code grants do, with the offline_access scope)"
    )]
    NoRefreshToken,

    /// The URI passed to `request_oauth_tokens_by_response_uri` is not a usable authorization
    /// response.
    #[error(
        "invalid authorization response URI: {reason}; pass the complete URI the browser was \
         redirected to after sign-in"
    )]
    InvalidResponseUri { reason: String },

    /// The token endpoint answered with something that is not an OAuth token response.
    #[error(
        "the token endpoint's answer is not a valid OAuth token response: {0}; check that the token \
         URL points at an OAuth 2.0 token endpoint"
    )]
    InvalidTokenResponse(String),

    /// The token request could not be sent or its answer could not be read (DNS, connection,
    /// TLS, timeout, oversized answer, HTTP client construction).
    #[error(
        "HTTP request to the OAuth token endpoint failed: {0}; check network access, proxy and TLS \
         settings and the endpoint URL, then retry"
    )]
    Http(String),

    /// The operating system's random generator failed, so no `state` or PKCE verifier could
    /// be made and no sign-in was started.
    #[error(
        "the operating system's random generator failed ({message}), so no sign-in could be \
         started; retry, and check the system's entropy source (e.g. /dev/urandom or getrandom(2) \
         in a sandbox or container)"
    )]
    NoRandomness { message: String },
}

fn oauth_message(error: &str, description: &str) -> String {
    let next = match error {
        "invalid_grant" => {
            "the authorization code or refresh token is invalid, expired, revoked or was issued \
             for another client or redirect URI: sign the user in again with \
             authorization_endpoint()"
        }
        "invalid_client" | "unauthorized_client" => {
            "check the client id, the client secret (web applications) and the app registration's \
             platform settings (public client flows for desktop/mobile)"
        }
        "invalid_scope" => "check the scope requested and the environment (production or sandbox)",
        "invalid_request" => {
            "check the redirect URI (it must match the app registration exactly), the tenant and \
             the client id"
        }
        "temporarily_unavailable" | "server_error" => "retry later",
        "interaction_required" | "consent_required" | "login_required" => {
            "send the user through authorization_endpoint() again"
        }
        _ => "check the app registration, tenant and redirect URI, or sign the user in again",
    };
    if description.is_empty() {
        format!("the authorization server returned OAuth error `{error}`; {next}")
    } else {
        format!("the authorization server returned OAuth error `{error}`: {description}; {next}")
    }
}
