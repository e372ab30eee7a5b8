//! Resolving who calls, where, and with which credentials: command-line options first, then
//! `BINGADS_*` environment variables, then the stored profile.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bingads::auth::{
    Authentication, OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints, OAuthTokens,
    OAuthWebAuthCodeGrant, PasswordAuthentication,
};
use bingads::{AuthorizationData, Client, Environment, RetryPolicy, SecretString};

use crate::config::{Credentials, Env, Profile};
use crate::error::CliError;

/// The environment variables the command line reads, with what each one means (for `--help`,
/// `auth status` and the README).
pub const ENV_VARS: &[(&str, &str)] = &[
    (
        "BINGADS_ENVIRONMENT",
        "production or sandbox (default: the profile's, else production)",
    ),
    (
        "BINGADS_PROFILE",
        "the stored profile to use (default: the environment's name)",
    ),
    ("BINGADS_DEVELOPER_TOKEN", "your developer token"),
    (
        "BINGADS_CLIENT_ID",
        "your app registration's client id (OAuth)",
    ),
    (
        "BINGADS_CLIENT_SECRET",
        "only for web-app registrations (confidential clients)",
    ),
    (
        "BINGADS_REFRESH_TOKEN",
        "an OAuth refresh token; used as is, never written to disk",
    ),
    (
        "BINGADS_USERNAME",
        "legacy UserName/Password sign-in (with BINGADS_PASSWORD)",
    ),
    (
        "BINGADS_PASSWORD",
        "legacy UserName/Password sign-in (with BINGADS_USERNAME)",
    ),
    ("BINGADS_CUSTOMER_ID", "sent as the CustomerId header"),
    ("BINGADS_ACCOUNT_ID", "sent as the CustomerAccountId header"),
    (
        "BINGADS_ENDPOINT",
        "service host to use instead of Microsoft's (like --endpoint)",
    ),
    (
        "BINGADS_OAUTH_ENDPOINT",
        "OAuth host to use instead of Microsoft's (like --oauth-endpoint)",
    ),
];

/// The options every command accepts (`--profile`, `--environment`, ...).
#[derive(Debug, Clone, Default)]
pub struct Globals {
    pub profile: Option<String>,
    pub environment: Option<Environment>,
    pub endpoint: Option<String>,
    pub oauth_endpoint: Option<String>,
    pub customer_id: Option<i64>,
    pub account_id: Option<i64>,
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Env,
    Profile,
}

/// How the calls are authenticated.
#[derive(Debug, Clone)]
pub enum AuthSource {
    /// `BINGADS_USERNAME` / `BINGADS_PASSWORD`.
    Password {
        user: String,
        password: String,
    },
    /// OAuth with a refresh token from the environment or the profile.
    OAuth {
        client_id: String,
        client_secret: Option<String>,
        refresh_token: String,
        /// A stored access token and when it expires (unix seconds).
        access_token: Option<(String, Option<u64>)>,
        /// The profile the tokens came from: renewed tokens are written back there.
        from_profile: bool,
    },
    None,
}

/// Everything a command needs to call the service.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile_name: String,
    pub profile: Option<Profile>,
    /// Profile names in the credentials file (for hints).
    pub stored_profiles: Vec<String>,
    pub credentials_path: Option<PathBuf>,
    pub environment: Environment,
    pub endpoint: Option<String>,
    pub oauth_endpoint: Option<String>,
    pub tenant: String,
    pub developer_token: Option<(String, Source)>,
    pub customer_id: Option<i64>,
    pub account_id: Option<i64>,
    pub auth: AuthSource,
}

fn parse_environment(value: &str, from: &str) -> Result<Environment, CliError> {
    value
        .parse()
        .map_err(|e: String| CliError::usage(format!("{from}: {e}")))
}

fn parse_id(value: &str, from: &str) -> Result<i64, CliError> {
    value.trim().parse().map_err(|_| {
        CliError::usage(format!("{from} must be a number, not `{value}`"))
            .hint("ids are the numbers the web UI shows in the address bar (aid=..., cid=...)")
    })
}

impl Settings {
    /// Resolves options, environment variables and the stored profile. Fails only on values
    /// that are wrong (a bad number, an unknown environment), never on missing credentials:
    /// commands that need them ask [`Settings::authorization`].
    pub fn resolve(globals: &Globals, env: &Env) -> Result<Settings, CliError> {
        let explicit_env = match (globals.environment, env.var("BINGADS_ENVIRONMENT")) {
            (Some(e), _) => Some(e),
            (None, Some(v)) => Some(parse_environment(v, "BINGADS_ENVIRONMENT")?),
            (None, None) => None,
        };
        let explicit_profile = globals
            .profile
            .clone()
            .or_else(|| env.var("BINGADS_PROFILE").map(str::to_string));
        let profile_name = explicit_profile.clone().unwrap_or_else(|| {
            explicit_env
                .unwrap_or(Environment::Production)
                .as_str()
                .to_string()
        });
        let credentials_path = env.credentials_path().ok();
        let credentials = match &credentials_path {
            Some(p) => Credentials::load(p)?,
            None => Credentials::default(),
        };
        let stored_profiles: Vec<String> = credentials.profiles.keys().cloned().collect();
        let profile = credentials.profiles.get(&profile_name).cloned();
        if let (Some(name), None) = (&explicit_profile, &profile) {
            let mut e = CliError::usage(format!("no stored profile `{name}`"));
            e = if stored_profiles.is_empty() {
                e.hint(format!(
                    "sign in with `bingads auth login --profile {name}`, or pass credentials in BINGADS_* variables"
                ))
            } else {
                e.hint(format!(
                    "stored profiles: {}; or sign in with `bingads auth login --profile {name}`",
                    stored_profiles.join(", ")
                ))
            };
            return Err(e);
        }
        let environment = match (explicit_env, &profile) {
            (Some(e), _) => e,
            (None, Some(p)) if !p.environment.is_empty() => {
                parse_environment(&p.environment, &format!("profile `{profile_name}`"))?
            }
            _ => Environment::Production,
        };
        let p = profile.clone().unwrap_or_default();
        let pick = |flag: Option<String>, var: &str, stored: &Option<String>| {
            flag.or_else(|| env.var(var).map(str::to_string))
                .or_else(|| stored.clone())
        };
        let endpoint = pick(globals.endpoint.clone(), "BINGADS_ENDPOINT", &p.endpoint);
        let oauth_endpoint = pick(
            globals.oauth_endpoint.clone(),
            "BINGADS_OAUTH_ENDPOINT",
            &p.oauth_endpoint,
        );
        let developer_token = match (env.var("BINGADS_DEVELOPER_TOKEN"), &p.developer_token) {
            (Some(t), _) => Some((t.to_string(), Source::Env)),
            (None, Some(t)) => Some((t.clone(), Source::Profile)),
            (None, None) => None,
        };
        let id = |flag: Option<i64>,
                  var: &str,
                  stored: &Option<String>|
         -> Result<Option<i64>, CliError> {
            if flag.is_some() {
                return Ok(flag);
            }
            if let Some(v) = env.var(var) {
                return parse_id(v, var).map(Some);
            }
            match stored {
                Some(v) => {
                    parse_id(v, &format!("the `{var}` of profile `{profile_name}`")).map(Some)
                }
                None => Ok(None),
            }
        };
        let customer_id = id(globals.customer_id, "BINGADS_CUSTOMER_ID", &p.customer_id)?;
        let account_id = id(globals.account_id, "BINGADS_ACCOUNT_ID", &p.account_id)?;

        let auth = match (env.var("BINGADS_USERNAME"), env.var("BINGADS_PASSWORD")) {
            (Some(user), Some(password)) => AuthSource::Password {
                user: user.to_string(),
                password: password.to_string(),
            },
            (Some(_), None) | (None, Some(_)) => {
                return Err(CliError::usage(
                    "BINGADS_USERNAME and BINGADS_PASSWORD go together: set both, or neither",
                ));
            }
            (None, None) => {
                let client_id = env
                    .var("BINGADS_CLIENT_ID")
                    .map(str::to_string)
                    .or_else(|| p.client_id.clone());
                let client_secret = env
                    .var("BINGADS_CLIENT_SECRET")
                    .map(str::to_string)
                    .or_else(|| p.client_secret.clone());
                match (env.var("BINGADS_REFRESH_TOKEN"), &p.refresh_token) {
                    (Some(refresh), _) => AuthSource::OAuth {
                        client_id: client_id.ok_or_else(|| {
                            CliError::usage("BINGADS_REFRESH_TOKEN is set but no client id")
                                .hint("set BINGADS_CLIENT_ID to the app registration the refresh token was issued to")
                        })?,
                        client_secret,
                        refresh_token: refresh.to_string(),
                        access_token: None,
                        from_profile: false,
                    },
                    (None, Some(refresh)) => AuthSource::OAuth {
                        client_id: client_id.ok_or_else(|| {
                            CliError::usage(format!(
                                "profile `{profile_name}` has a refresh token but no client id"
                            ))
                            .hint("sign in again with `bingads auth login --client-id ID`")
                        })?,
                        client_secret,
                        refresh_token: refresh.clone(),
                        access_token: p
                            .access_token
                            .clone()
                            .map(|t| (t, p.access_token_expires_at)),
                        from_profile: true,
                    },
                    (None, None) => AuthSource::None,
                }
            }
        };
        Ok(Settings {
            profile_name,
            profile,
            stored_profiles,
            credentials_path,
            environment,
            endpoint,
            oauth_endpoint,
            tenant: p.tenant.clone().unwrap_or_else(|| "common".to_string()),
            developer_token,
            customer_id,
            account_id,
            auth,
        })
    }

    /// The error for "no credentials", saying what to set.
    pub fn missing_credentials(&self) -> CliError {
        let mut e = CliError::usage(format!(
            "no credentials: profile `{}` is not signed in and no BINGADS_* credentials are set",
            self.profile_name
        ))
        .hint(format!(
            "sign in with `bingads auth login{}` (OAuth, stores a refresh token), or",
            self.login_flags()
        ))
        .hint("set BINGADS_CLIENT_ID and BINGADS_REFRESH_TOKEN (OAuth), or BINGADS_USERNAME and BINGADS_PASSWORD (legacy)");
        if self.developer_token.is_none() {
            e = e.hint("and set BINGADS_DEVELOPER_TOKEN (or pass --developer-token to `bingads auth login`)");
        }
        let others: Vec<&String> = self
            .stored_profiles
            .iter()
            .filter(|p| **p != self.profile_name)
            .collect();
        if !others.is_empty() {
            let list: Vec<&str> = others.iter().map(|s| s.as_str()).collect();
            e = e.hint(format!(
                "stored profiles: {} (choose one with --profile NAME)",
                list.join(", ")
            ));
        }
        e
    }

    fn login_flags(&self) -> String {
        let mut flags = String::new();
        if self.profile_name != self.environment.as_str() {
            flags.push_str(&format!(" --profile {}", self.profile_name));
        }
        if self.environment != Environment::Production {
            flags.push_str(&format!(" --environment {}", self.environment));
        }
        flags
    }

    /// The OAuth endpoints to use, or `None` for Microsoft's built-in ones.
    pub fn oauth_endpoints(&self) -> Result<Option<OAuthEndpoints>, CliError> {
        match &self.oauth_endpoint {
            None => Ok(None),
            Some(url) => OAuthEndpoints::microsoft_at(url, &self.tenant, self.environment)
                .map(Some)
                .map_err(|e| {
                    CliError::usage(format!("--oauth-endpoint `{url}`: {e}"))
                        .hint("pass the OAuth host's base URL, e.g. http://127.0.0.1:8400 for the emulator")
                }),
        }
    }

    /// The authentication, as the SDK's transport uses it. Renewed OAuth tokens that came from
    /// a stored profile are written back to it (Microsoft rotates refresh tokens).
    pub fn authentication(&self) -> Result<Arc<dyn Authentication>, CliError> {
        match &self.auth {
            AuthSource::None => Err(self.missing_credentials()),
            AuthSource::Password { user, password } => Ok(Arc::new(PasswordAuthentication::new(
                user.clone(),
                password.clone(),
            ))),
            AuthSource::OAuth {
                client_id,
                client_secret,
                refresh_token,
                access_token,
                from_profile,
            } => {
                let tokens = match access_token {
                    Some((token, expires)) => OAuthTokens {
                        access_token: SecretString::new(token.clone()),
                        refresh_token: Some(SecretString::new(refresh_token.clone())),
                        expires_at: expires.map(|s| UNIX_EPOCH + Duration::from_secs(s)),
                        scope: None,
                        token_type: None,
                    },
                    None => OAuthTokens::from_refresh_token(refresh_token.clone()),
                };
                let endpoints = self.oauth_endpoints()?;
                let persist = match (from_profile, &self.credentials_path) {
                    (true, Some(path)) => Some((path.clone(), self.profile_name.clone())),
                    _ => None,
                };
                let on_refreshed = move |t: &OAuthTokens| {
                    if let Some((path, name)) = &persist {
                        if let Err(e) = store_tokens(path, name, t) {
                            eprintln!(
                                "warning: could not save the renewed refresh token: {}; the next command may need `bingads auth login` again",
                                e.message
                            );
                        }
                    }
                };
                let auth_error =
                    |e: bingads::auth::AuthError| CliError::usage(format!("OAuth settings: {e}"));
                let auth: Arc<dyn Authentication> = match client_secret {
                    Some(secret) => {
                        let mut g = OAuthWebAuthCodeGrant::new(
                            client_id.clone(),
                            secret.clone(),
                            "http://localhost/",
                            self.environment,
                        )
                        .with_tenant(self.tenant.clone());
                        if let Some(ep) = endpoints {
                            g = g.with_endpoints(ep).map_err(auth_error)?;
                        }
                        Arc::new(g.with_tokens(tokens).on_tokens_refreshed(on_refreshed))
                    }
                    None => {
                        let mut g = OAuthDesktopMobileAuthCodeGrant::new(
                            client_id.clone(),
                            self.environment,
                        )
                        .with_tenant(self.tenant.clone());
                        if let Some(ep) = endpoints {
                            g = g.with_endpoints(ep).map_err(auth_error)?;
                        }
                        Arc::new(g.with_tokens(tokens).on_tokens_refreshed(on_refreshed))
                    }
                };
                Ok(auth)
            }
        }
    }

    /// The developer token, or an error saying where to set it.
    pub fn require_developer_token(&self) -> Result<&str, CliError> {
        match &self.developer_token {
            Some((t, _)) => Ok(t),
            None => Err(CliError::usage("no developer token")
                .hint("set BINGADS_DEVELOPER_TOKEN, or store it with `bingads auth login --developer-token TOKEN`")
                .hint("developer tokens are on the Developer Portal of Microsoft Advertising (sandbox: BBD37VB98)")),
        }
    }

    /// A client for real calls.
    pub fn client(&self, retry: RetryPolicy, timeout: Duration) -> Result<Client, CliError> {
        let authentication = self.authentication()?;
        let developer_token = self.require_developer_token()?.to_string();
        let mut data = AuthorizationData::with_shared(authentication, developer_token);
        data.customer_id = self.customer_id;
        data.account_id = self.account_id;
        let mut builder = Client::builder(data, self.environment)
            .retry_policy(retry)
            .request_timeout(timeout)
            .user_agent_suffix(format!("bingads-cli/{}", env!("CARGO_PKG_VERSION")));
        if let Some(e) = &self.endpoint {
            builder = builder.endpoint_base(e.clone());
        }
        builder.build().map_err(|e| match e {
            bingads::Error::Config(m) => CliError::usage(m)
                .hint("--endpoint takes a base URL such as https://proxy.example.com or http://127.0.0.1:PORT"),
            other => CliError::failure(other.to_string()),
        })
    }

    /// The SOAP header values a call would carry, for `--dry-run`: secrets are `<redacted>`
    /// unless `show_secrets`; nothing is fetched. Also returns notes about missing values.
    pub fn dry_run_headers(
        &self,
        show_secrets: bool,
    ) -> (Vec<(&'static str, String)>, Vec<String>) {
        let secret = |v: &str| {
            if show_secrets {
                v.to_string()
            } else {
                REDACTED.to_string()
            }
        };
        let mut headers = Vec::new();
        let mut notes = Vec::new();
        match &self.auth {
            AuthSource::Password { user, password } => {
                headers.push(("UserName", user.clone()));
                headers.push(("Password", secret(password)));
            }
            AuthSource::OAuth { access_token, .. } => {
                let now = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0);
                let current = access_token
                    .as_ref()
                    .filter(|(_, exp)| exp.is_none_or(|e| e > now))
                    .map(|(t, _)| t.as_str());
                let value = match (show_secrets, current) {
                    (false, _) => REDACTED.to_string(),
                    (true, Some(t)) => t.to_string(),
                    (true, None) => {
                        notes.push("the access token is obtained from the refresh token when the call is sent; it is shown as <redacted>".to_string());
                        REDACTED.to_string()
                    }
                };
                headers.push(("AuthenticationToken", value));
            }
            AuthSource::None => notes.push(format!(
                "no credentials configured (profile `{}`): the envelope has no credential headers, and a real call would fail; see `bingads auth login --help`",
                self.profile_name
            )),
        }
        match &self.developer_token {
            Some((t, _)) => headers.push(("DeveloperToken", secret(t))),
            None => notes.push(
                "no developer token (BINGADS_DEVELOPER_TOKEN): the DeveloperToken header is left out"
                    .to_string(),
            ),
        }
        if let Some(id) = self.customer_id {
            headers.push(("CustomerId", id.to_string()));
        }
        if let Some(id) = self.account_id {
            headers.push(("CustomerAccountId", id.to_string()));
        }
        (headers, notes)
    }

    /// The endpoint URL a call to `service` would go to.
    pub fn endpoint_url(&self, service: &'static bingads_gen::soap::ServiceMeta) -> String {
        let url = service
            .endpoint(self.environment.as_str())
            .unwrap_or_default();
        match &self.endpoint {
            None => url.to_string(),
            Some(base) => {
                let path = url::Url::parse(url)
                    .map(|u| u.path().to_string())
                    .unwrap_or_default();
                format!("{}{path}", base.trim_end_matches('/'))
            }
        }
    }
}

/// How secrets are shown.
pub const REDACTED: &str = "<redacted>";

/// Seconds since 1970 of a point in time.
pub fn unix_seconds(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Writes renewed tokens into a stored profile.
pub fn store_tokens(
    path: &std::path::Path,
    profile: &str,
    tokens: &OAuthTokens,
) -> Result<(), CliError> {
    Credentials::update(path, |c| {
        // A profile removed meanwhile (`auth logout`) stays removed.
        let Some(p) = c.profiles.get_mut(profile) else {
            return Ok(());
        };
        if let Some(r) = &tokens.refresh_token {
            p.refresh_token = Some(r.expose().to_string());
        }
        p.access_token = Some(tokens.access_token.expose().to_string());
        p.access_token_expires_at = tokens.expires_at.map(unix_seconds);
        Ok(())
    })
}
