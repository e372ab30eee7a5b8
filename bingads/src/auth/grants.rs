//! The OAuth grants: Microsoft web, desktop/mobile (code + PKCE) and implicit, and the Google
//! sign-in variants of the official SDKs.

use std::fmt;
use std::time::Duration;

use url::Url;

use super::flow::{Flow, OAuthCore, Provider};
use super::{AuthError, Authentication, BoxFuture, OAuthEndpoints, OAuthTokens};
use crate::{Environment, SecretString};

const AUTHENTICATION_TOKEN: &str = "AuthenticationToken";

/// Methods every grant has.
macro_rules! common_methods {
    () => {
        /// Replaces the endpoints, scope and default redirect URI (a proxy, a local emulator).
        /// Fails with [`AuthError::InsecureEndpoint`] unless both endpoints are `https` or
        /// `http` on a loopback host.
        pub fn with_endpoints(mut self, endpoints: OAuthEndpoints) -> Result<Self, AuthError> {
            self.core.set_endpoints(endpoints)?;
            Ok(self)
        }

        /// The `state` to expect in the response URI (and to send in the authorization URL).
        /// Web applications that build the authorization URL in one request and handle the
        /// redirect in another (or in another process) store [`state`](Self::state) with the
        /// user's session and pass it back here.
        pub fn with_state(self, state: impl Into<String>) -> Self {
            self.core.set_state(state.into());
            self
        }

        /// Starts from tokens obtained earlier (e.g. a stored refresh token, see
        /// [`OAuthTokens::from_refresh_token`]).
        pub fn with_tokens(self, tokens: OAuthTokens) -> Self {
            self.core.set_tokens(tokens);
            self
        }

        /// Replaces the tokens (e.g. after signing the user in again elsewhere).
        pub fn set_tokens(&self, tokens: OAuthTokens) {
            self.core.set_tokens(tokens);
        }

        /// The current tokens, if any.
        pub fn tokens(&self) -> Option<OAuthTokens> {
            self.core.tokens()
        }

        /// The `state` sent with the authorization URL, once generated or set, until a
        /// response carrying it is accepted.
        pub fn state(&self) -> Option<String> {
            self.core.state()
        }

        /// The application (client) id.
        pub fn client_id(&self) -> &str {
            &self.core.client_id
        }

        /// The redirect URI sent with the authorization URL and the code exchange.
        pub fn redirect_uri(&self) -> String {
            self.core.redirect_uri()
        }

        /// The endpoints, scope and extra parameters in use.
        pub fn endpoints(&self) -> OAuthEndpoints {
            self.core.endpoints()
        }

        /// The URL to send the user to (open it in a browser or web view). It carries the
        /// client id, scope, redirect URI and a random `state` generated on the first call and
        /// checked by `request_oauth_tokens_by_response_uri` (desktop/mobile code grants also
        /// add a PKCE S256 challenge). Later calls return the same URL until a response with
        /// its state has been accepted: the state and verifier are then used up, so the same
        /// response cannot be replayed, and the next call starts a new sign-in. Fails only when
        /// the operating system's random generator does ([`AuthError::NoRandomness`]).
        #[doc(alias = "get_authorization_endpoint")]
        pub fn authorization_endpoint(&self) -> Result<Url, AuthError> {
            self.core.authorization_endpoint()
        }
    };
}

/// Methods of the Microsoft grants (Google sign-in has no tenant).
macro_rules! tenant_methods {
    () => {
        /// The Microsoft Entra tenant: `common` (default), `organizations`, `consumers`, or a
        /// tenant id or domain. Applies to the built-in endpoints, not to
        /// [`with_endpoints`](Self::with_endpoints) ones (put the tenant in those URLs).
        pub fn with_tenant(mut self, tenant: impl Into<String>) -> Self {
            self.core.tenant = tenant.into();
            self
        }

        /// The tenant of the built-in endpoints.
        pub fn tenant(&self) -> &str {
            &self.core.tenant
        }

        /// Production or sandbox.
        pub fn environment(&self) -> Environment {
            self.core.environment
        }
    };
}

/// Methods of the grants that choose their redirect URI (desktop/mobile and implicit).
macro_rules! redirect_methods {
    () => {
        /// Uses another redirect URI than the built-in one (e.g. `http://localhost:8400` to
        /// receive the response in a local listener, or a mobile app's custom scheme). It must
        /// be registered for the app.
        pub fn with_redirect_uri(
            mut self,
            redirect_uri: impl Into<String>,
        ) -> Result<Self, AuthError> {
            self.core.set_redirect_uri(redirect_uri.into())?;
            Ok(self)
        }
    };
}

/// Methods of the authorization code grants: exchange, refresh, persistence hook, HTTP client.
macro_rules! code_methods {
    () => {
        /// Checks the URI the browser was redirected to (error, `state`) and exchanges its
        /// `code` for tokens, which replace the current ones. The `on_tokens_refreshed`
        /// callback is called with them.
        pub async fn request_oauth_tokens_by_response_uri(
            &self,
            response_uri: &str,
        ) -> Result<OAuthTokens, AuthError> {
            self.core.request_tokens_by_response_uri(response_uri).await
        }

        /// Exchanges a refresh token (e.g. one loaded from storage) for new tokens, which
        /// replace the current ones. The `on_tokens_refreshed` callback is called with them.
        pub async fn request_oauth_tokens_by_refresh_token(
            &self,
            refresh_token: impl Into<SecretString>,
        ) -> Result<OAuthTokens, AuthError> {
            self.core.refresh_with(&refresh_token.into()).await
        }

        /// Called with the new tokens after every successful code exchange and refresh, so the
        /// caller can persist the newest refresh token (Microsoft rotates them).
        #[doc(alias = "token_refreshed_callback")]
        pub fn on_tokens_refreshed(
            mut self,
            callback: impl Fn(&OAuthTokens) + Send + Sync + 'static,
        ) -> Self {
            self.core.on_refreshed = Some(std::sync::Arc::new(callback));
            self
        }

        /// Renew the access token when it expires within `margin` (default 5 minutes).
        pub fn with_refresh_margin(mut self, margin: Duration) -> Self {
            self.core.margin = margin;
            self
        }

        /// Sends the token requests with this client (proxy settings, custom roots). The
        /// default client uses rustls with the platform's certificate verifier, does not
        /// follow redirects, and times out after 10 s (connect) and 60 s (request).
        pub fn with_http_client(mut self, client: reqwest::Client) -> Self {
            self.core.http.set(client);
            self
        }
    };
}

/// `Authentication` for a grant: the `AuthenticationToken` header, refreshed as needed.
macro_rules! oauth_authentication {
    ($ty:ident) => {
        impl Authentication for $ty {
            fn header_values(
                &self,
            ) -> BoxFuture<'_, Result<Vec<(&'static str, SecretString)>, AuthError>> {
                Box::pin(async move {
                    Ok(vec![(
                        AUTHENTICATION_TOKEN,
                        self.core.access_token().await?,
                    )])
                })
            }

            fn token_expired<'a>(
                &'a self,
                rejected_access_token: &'a SecretString,
            ) -> BoxFuture<'a, Result<bool, AuthError>> {
                Box::pin(self.core.token_expired(rejected_access_token))
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.core, f)
            }
        }
    };
}

/// Authorization code grant for web applications (confidential clients with a client secret).
///
/// 1. Redirect the user to [`authorization_endpoint`](Self::authorization_endpoint) (store
///    [`state`](Self::state) in the session if another grant object will handle the redirect).
/// 2. On the redirect, call
///    [`request_oauth_tokens_by_response_uri`](Self::request_oauth_tokens_by_response_uri)
///    with the full URI.
/// 3. Use the grant as the client's [`Authentication`]; persist refresh tokens from
///    [`on_tokens_refreshed`](Self::on_tokens_refreshed).
pub struct OAuthWebAuthCodeGrant {
    core: OAuthCore,
}

impl OAuthWebAuthCodeGrant {
    /// A web application registered with `client_id`, `client_secret` and `redirect_uri`.
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<SecretString>,
        redirect_uri: impl Into<String>,
        environment: Environment,
    ) -> Self {
        OAuthWebAuthCodeGrant {
            core: OAuthCore::new(
                "OAuthWebAuthCodeGrant",
                client_id.into(),
                Some(client_secret.into()),
                environment,
                Provider::Microsoft,
                Flow::Code { pkce: false },
                Some(redirect_uri.into()),
            ),
        }
    }

    common_methods!();
    tenant_methods!();
    code_methods!();
}
oauth_authentication!(OAuthWebAuthCodeGrant);

/// Authorization code grant for desktop and mobile applications (public clients, no secret),
/// with PKCE (S256): the verifier is generated with the authorization URL and sent with the
/// code exchange, so an intercepted code is useless to anyone else.
///
/// The default redirect URI is `https://login.microsoftonline.com/common/oauth2/nativeclient`
/// (copy the address the browser ends on), or set a loopback one with
/// [`with_redirect_uri`](Self::with_redirect_uri).
pub struct OAuthDesktopMobileAuthCodeGrant {
    core: OAuthCore,
}

impl OAuthDesktopMobileAuthCodeGrant {
    /// A desktop or mobile application registered with `client_id`.
    pub fn new(client_id: impl Into<String>, environment: Environment) -> Self {
        OAuthDesktopMobileAuthCodeGrant {
            core: OAuthCore::new(
                "OAuthDesktopMobileAuthCodeGrant",
                client_id.into(),
                None,
                environment,
                Provider::Microsoft,
                Flow::Code { pkce: true },
                None,
            ),
        }
    }

    common_methods!();
    tenant_methods!();
    redirect_methods!();
    code_methods!();
}
oauth_authentication!(OAuthDesktopMobileAuthCodeGrant);

/// Implicit grant for desktop and mobile applications: the access token comes back in the
/// redirect URI's fragment. There is no refresh token: when the token expires the user signs
/// in again. Prefer [`OAuthDesktopMobileAuthCodeGrant`].
pub struct OAuthDesktopMobileImplicitGrant {
    core: OAuthCore,
}

impl OAuthDesktopMobileImplicitGrant {
    /// A desktop or mobile application registered with `client_id` (implicit grant enabled).
    pub fn new(client_id: impl Into<String>, environment: Environment) -> Self {
        OAuthDesktopMobileImplicitGrant {
            core: OAuthCore::new(
                "OAuthDesktopMobileImplicitGrant",
                client_id.into(),
                None,
                environment,
                Provider::Microsoft,
                Flow::Implicit,
                None,
            ),
        }
    }

    common_methods!();
    tenant_methods!();
    redirect_methods!();

    /// Checks the URI the browser was redirected to (error, `state`) and takes the access
    /// token (and `expires_in`) from its fragment. No network request.
    pub fn request_oauth_tokens_by_response_uri(
        &self,
        response_uri: &str,
    ) -> Result<OAuthTokens, AuthError> {
        self.core.tokens_from_implicit_response(response_uri)
    }
}
oauth_authentication!(OAuthDesktopMobileImplicitGrant);

/// Google sign-in, authorization code grant for desktop and mobile applications: Google's
/// endpoints, scope `openid email profile`, `access_type=offline` and `prompt=consent`,
/// redirect URI `http://localhost` (change it with
/// [`with_redirect_uri`](Self::with_redirect_uri)), PKCE (S256). Google's desktop clients
/// usually have a client secret too: set it with [`with_client_secret`](Self::with_client_secret).
/// When a refresh answer has no refresh token (Google does not rotate them) the current one
/// is kept.
pub struct GoogleOAuthDesktopMobileAuthCodeGrant {
    core: OAuthCore,
}

impl GoogleOAuthDesktopMobileAuthCodeGrant {
    /// A Google OAuth client of type "Desktop app" (or Android/iOS).
    pub fn new(client_id: impl Into<String>) -> Self {
        GoogleOAuthDesktopMobileAuthCodeGrant {
            core: OAuthCore::new(
                "GoogleOAuthDesktopMobileAuthCodeGrant",
                client_id.into(),
                None,
                Environment::Production,
                Provider::Google,
                Flow::Code { pkce: true },
                None,
            ),
        }
    }

    /// The client secret Google issues to desktop clients.
    pub fn with_client_secret(mut self, client_secret: impl Into<SecretString>) -> Self {
        self.core.client_secret = Some(client_secret.into());
        self
    }

    common_methods!();
    redirect_methods!();
    code_methods!();
}
oauth_authentication!(GoogleOAuthDesktopMobileAuthCodeGrant);

/// Google sign-in, authorization code grant for web applications: Google's endpoints and
/// scope (`openid email profile`, `access_type=offline`, `prompt=consent`), your client
/// secret and redirect URI. When a refresh answer has no refresh token (Google does not
/// rotate them) the current one is kept.
pub struct GoogleOAuthWebAuthCodeGrant {
    core: OAuthCore,
}

impl GoogleOAuthWebAuthCodeGrant {
    /// A Google OAuth client of type "Web application".
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<SecretString>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        GoogleOAuthWebAuthCodeGrant {
            core: OAuthCore::new(
                "GoogleOAuthWebAuthCodeGrant",
                client_id.into(),
                Some(client_secret.into()),
                Environment::Production,
                Provider::Google,
                Flow::Code { pkce: false },
                Some(redirect_uri.into()),
            ),
        }
    }

    common_methods!();
    code_methods!();
}
oauth_authentication!(GoogleOAuthWebAuthCodeGrant);
