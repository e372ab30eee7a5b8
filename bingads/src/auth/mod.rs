//! Authentication: what the SOAP transport puts in the credential headers, and the OAuth
//! flows that obtain and renew access tokens.
//!
//! Every credential type implements [`Authentication`]:
//!
//! | type | sign-in | headers |
//! | --- | --- | --- |
//! | [`OAuthWebAuthCodeGrant`] | authorization code, client secret | `AuthenticationToken` |
//! | [`OAuthDesktopMobileAuthCodeGrant`] | authorization code + PKCE, public client | `AuthenticationToken` |
//! | [`OAuthDesktopMobileImplicitGrant`] | implicit (token in the URI fragment) | `AuthenticationToken` |
//! | [`GoogleOAuthDesktopMobileAuthCodeGrant`], [`GoogleOAuthWebAuthCodeGrant`] | Google sign-in | `AuthenticationToken` |
//! | [`PasswordAuthentication`] | legacy user name and password | `UserName`, `Password` |
//!
//! A typical desktop flow:
//!
//! ```no_run
//! # async fn run() -> Result<(), bingads::auth::AuthError> {
//! use bingads::auth::OAuthDesktopMobileAuthCodeGrant;
//! use bingads::Environment;
//!
//! let grant = OAuthDesktopMobileAuthCodeGrant::new("client-id", Environment::Production)
//!     .on_tokens_refreshed(|tokens| {
//!         // persist tokens.refresh_token (Microsoft rotates it)
//!     });
//! println!("Open {} and paste the address you end on:", grant.authorization_endpoint()?);
//! let mut response_uri = String::new();
//! std::io::stdin().read_line(&mut response_uri).unwrap();
//! grant.request_oauth_tokens_by_response_uri(response_uri.trim()).await?;
//! // hand `std::sync::Arc::new(grant)` to the service client
//! # Ok(()) }
//! ```
//!
//! Nothing here ever prints a secret: tokens, client secrets, PKCE verifiers and passwords are
//! [`SecretString`]s, and error messages never include request or response bodies.

use std::fmt;
use std::sync::Arc;

pub use bingads_gen::soap::BoxFuture;

mod endpoints;
mod error;
mod flow;
mod grants;
mod http;
mod token_request;
mod tokens;

pub use endpoints::{NATIVE_CLIENT_REDIRECT_URI, OAuthEndpoints};
pub use error::AuthError;
pub use flow::DEFAULT_REFRESH_MARGIN;
pub use grants::{
    GoogleOAuthDesktopMobileAuthCodeGrant, GoogleOAuthWebAuthCodeGrant,
    OAuthDesktopMobileAuthCodeGrant, OAuthDesktopMobileImplicitGrant, OAuthWebAuthCodeGrant,
};
pub use tokens::OAuthTokens;

use crate::SecretString;

/// Credentials the SOAP transport sends with every call.
pub trait Authentication: Send + Sync + 'static {
    /// The SOAP header values to send, e.g. `[("AuthenticationToken", token)]` or
    /// `[("UserName", name), ("Password", password)]`.
    ///
    /// OAuth grants first refresh the access token when it expires within the safety margin
    /// (default 5 minutes) and a refresh token exists; concurrent callers share that refresh.
    fn header_values(&self) -> BoxFuture<'_, Result<Vec<(&'static str, SecretString)>, AuthError>>;

    /// The service rejected `rejected_access_token` with fault 109 (AuthenticationTokenExpired).
    /// Refreshes, unless another caller already replaced that token; concurrent callers share
    /// one refresh. `Ok(true)`: a retry may succeed; `Ok(false)`: nothing to renew.
    fn token_expired<'a>(
        &'a self,
        rejected_access_token: &'a SecretString,
    ) -> BoxFuture<'a, Result<bool, AuthError>>;
}

impl<T: Authentication + ?Sized> Authentication for Arc<T> {
    fn header_values(&self) -> BoxFuture<'_, Result<Vec<(&'static str, SecretString)>, AuthError>> {
        (**self).header_values()
    }

    fn token_expired<'a>(
        &'a self,
        rejected_access_token: &'a SecretString,
    ) -> BoxFuture<'a, Result<bool, AuthError>> {
        (**self).token_expired(rejected_access_token)
    }
}

/// Legacy Bing Ads credentials: the `UserName` and `Password` SOAP headers, which the v13
/// WSDLs still declare. Accounts that sign in with a Microsoft account must use OAuth.
#[derive(Clone)]
pub struct PasswordAuthentication {
    user_name: String,
    password: SecretString,
}

impl PasswordAuthentication {
    pub fn new(user_name: impl Into<String>, password: impl Into<SecretString>) -> Self {
        PasswordAuthentication {
            user_name: user_name.into(),
            password: password.into(),
        }
    }

    pub fn user_name(&self) -> &str {
        &self.user_name
    }
}

impl fmt::Debug for PasswordAuthentication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordAuthentication")
            .field("user_name", &self.user_name)
            .field("password", &self.password)
            .finish()
    }
}

impl Authentication for PasswordAuthentication {
    fn header_values(&self) -> BoxFuture<'_, Result<Vec<(&'static str, SecretString)>, AuthError>> {
        let values = vec![
            ("UserName", SecretString::new(self.user_name.clone())),
            ("Password", self.password.clone()),
        ];
        Box::pin(async move { Ok(values) })
    }

    fn token_expired<'a>(&'a self, _: &'a SecretString) -> BoxFuture<'a, Result<bool, AuthError>> {
        Box::pin(async { Ok(false) })
    }
}
