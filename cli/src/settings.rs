//! Resolving who calls, where, and with which credentials: command-line options first, then
//! `BINGADS_*` environment variables, then the stored profile.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bingads::auth::{
    Authentication, OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints, OAuthTokens,
    OAuthWebAuthCodeGrant, PasswordAuthentication,
};
use bingads::{AuthorizationData, Client, Environment, RetryPolicy, SecretString, Wire};

use crate::config::{Credentials, CredentialsLock, Env, Profile};
use crate::error::CliError;
use crate::renewal::{ProfileAuthentication, ProfileGrant};
pub use crate::resolve::Source;
use crate::resolve::{Selection, Sources};

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
    (
        "BINGADS_TRANSPORT",
        "rest or soap: the wire calls use (like --transport; default: the profile's, else rest)",
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
    /// `--transport`.
    pub transport: Option<Wire>,
}

/// How the calls are authenticated.
#[derive(Debug, Clone)]
pub enum AuthSource {
    /// `BINGADS_USERNAME` / `BINGADS_PASSWORD`.
    Password {
        user: String,
        password: SecretString,
    },
    /// OAuth with a refresh token from the environment or the profile.
    OAuth {
        client_id: String,
        client_secret: Option<SecretString>,
        refresh_token: SecretString,
        /// A stored access token and when it expires (unix seconds).
        access_token: Option<(SecretString, Option<u64>)>,
        /// The profile the tokens came from: renewed tokens are written back there.
        from_profile: bool,
    },
    None,
}

/// Everything a command needs to call the service. Credentials are [`SecretString`]s, so
/// `Debug` never shows one.
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
    pub developer_token: Option<(SecretString, Source)>,
    pub customer_id: Option<i64>,
    pub account_id: Option<i64>,
    pub auth: AuthSource,
    /// The wire calls use: `--transport`, else `BINGADS_TRANSPORT`, else the profile's, else
    /// REST.
    pub transport: Wire,
}

fn parse_wire(value: &str, from: &str) -> Result<Wire, CliError> {
    value
        .parse()
        .map_err(|e: bingads::UnknownWire| CliError::usage(format!("{from}: {e}")))
}

impl Settings {
    /// Resolves options, environment variables and the stored profile. Fails only on values
    /// that are wrong (a bad number, an unknown environment), never on missing credentials:
    /// commands that need them ask [`Settings::authentication`].
    pub fn resolve(globals: &Globals, env: &Env) -> Result<Settings, CliError> {
        let Selection {
            explicit_profile,
            profile_name,
            profile,
            stored_profiles,
            credentials_path,
            environment,
            ..
        } = Selection::resolve(globals, env)?;
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
        let p = profile.clone().unwrap_or_default();
        let sources = Sources::new(env, profile.as_ref(), &profile_name);
        let endpoint = sources.string(globals.endpoint.as_deref(), "BINGADS_ENDPOINT", |p| {
            p.endpoint.as_ref()
        });
        let oauth_endpoint = sources.string(
            globals.oauth_endpoint.as_deref(),
            "BINGADS_OAUTH_ENDPOINT",
            |p| p.oauth_endpoint.as_ref(),
        );
        let transport = match (
            globals.transport,
            env.var("BINGADS_TRANSPORT"),
            &p.transport,
        ) {
            (Some(w), _, _) => w,
            (None, Some(v), _) => parse_wire(v, "BINGADS_TRANSPORT")?,
            (None, None, Some(v)) => {
                parse_wire(v, &format!("the `transport` of profile `{profile_name}`"))?
            }
            (None, None, None) => Wire::Rest,
        };
        let developer_token = sources.secret(None, "BINGADS_DEVELOPER_TOKEN", |p| {
            p.developer_token.as_ref()
        });
        let customer_id = sources.id(globals.customer_id, "BINGADS_CUSTOMER_ID", |p| {
            p.customer_id.as_ref()
        })?;
        let account_id = sources.id(globals.account_id, "BINGADS_ACCOUNT_ID", |p| {
            p.account_id.as_ref()
        })?;

        let auth = match (env.var("BINGADS_USERNAME"), env.var("BINGADS_PASSWORD")) {
            (Some(user), Some(password)) => AuthSource::Password {
                user: user.to_string(),
                password: SecretString::new(password),
            },
            (Some(_), None) | (None, Some(_)) => {
                return Err(CliError::usage(
                    "BINGADS_USERNAME and BINGADS_PASSWORD go together: set both, or neither",
                ));
            }
            (None, None) => {
                let client_id = sources.string(None, "BINGADS_CLIENT_ID", |p| p.client_id.as_ref());
                let client_secret = sources
                    .secret(None, "BINGADS_CLIENT_SECRET", |p| p.client_secret.as_ref())
                    .map(|(secret, _)| secret);
                match (env.var("BINGADS_REFRESH_TOKEN"), &p.refresh_token) {
                    (Some(refresh), _) => AuthSource::OAuth {
                        client_id: client_id.ok_or_else(|| {
                            CliError::usage("BINGADS_REFRESH_TOKEN is set but no client id")
                                .hint("set BINGADS_CLIENT_ID to the app registration the refresh token was issued to")
                        })?,
                        client_secret,
                        refresh_token: SecretString::new(refresh),
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
            transport,
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
                        access_token: token.clone(),
                        refresh_token: Some(refresh_token.clone()),
                        expires_at: expires.map(from_unix_seconds),
                        scope: None,
                        token_type: None,
                    },
                    None => OAuthTokens::from_refresh_token(refresh_token.clone()),
                };
                let endpoints = self.oauth_endpoints()?;
                let auth_error =
                    |e: bingads::auth::AuthError| CliError::usage(format!("OAuth settings: {e}"));
                let grant = match client_secret {
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
                        ProfileGrant::Web(g.with_tokens(tokens))
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
                        ProfileGrant::Desktop(g.with_tokens(tokens))
                    }
                };
                // Tokens from a stored profile are renewed in turn with other processes and
                // written back (Microsoft rotates refresh tokens); others are used as they are.
                let auth: Arc<dyn Authentication> = match (from_profile, &self.credentials_path) {
                    (true, Some(path)) => {
                        ProfileAuthentication::new(grant, path.clone(), self.profile_name.clone())
                    }
                    _ => match grant {
                        ProfileGrant::Web(g) => Arc::new(g),
                        ProfileGrant::Desktop(g) => Arc::new(g),
                    },
                };
                Ok(auth)
            }
        }
    }

    /// The developer token, or an error saying where to set it.
    pub fn require_developer_token(&self) -> Result<&SecretString, CliError> {
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
        let developer_token = self.require_developer_token()?.clone();
        self.build_client(authentication, developer_token, retry, timeout)
    }

    /// A client that only prepares requests (`--dry-run`): the same endpoint, wire and
    /// user agent as [`Self::client`], without needing working credentials (the values
    /// shown come from [`Self::dry_run_headers`]).
    pub fn dry_run_client(&self) -> Result<Client, CliError> {
        let authentication: Arc<dyn Authentication> = match self.authentication() {
            Ok(a) => a,
            Err(_) => Arc::new(PasswordAuthentication::new("", "")),
        };
        let developer_token = self
            .developer_token
            .as_ref()
            .map(|(t, _)| t.clone())
            .unwrap_or_default();
        self.build_client(
            authentication,
            developer_token,
            RetryPolicy::default(),
            Duration::from_secs(120),
        )
    }

    fn build_client(
        &self,
        authentication: Arc<dyn Authentication>,
        developer_token: SecretString,
        retry: RetryPolicy,
        timeout: Duration,
    ) -> Result<Client, CliError> {
        let mut data = AuthorizationData::with_shared(authentication, developer_token);
        data.customer_id = self.customer_id;
        data.account_id = self.account_id;
        let mut builder = Client::builder(data, self.environment)
            .wire(self.transport)
            .retry_policy(retry)
            .request_timeout(timeout)
            .user_agent_suffix(format!("bingads-cli/{}", env!("CARGO_PKG_VERSION")));
        if let Some(e) = &self.endpoint {
            builder = builder.endpoint_base(e.clone());
        }
        builder.build().map_err(|e| match e {
            bingads::Error::Config(m) => CliError::usage(m.to_string())
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
        let secret = |v: &SecretString| {
            if show_secrets {
                v.expose().to_string()
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
                    .map(|(t, _)| t.expose());
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
}

/// How secrets are shown.
pub const REDACTED: &str = "<redacted>";

/// The point in time `seconds` after 1970. The value comes from the credentials file, so it
/// may be anything: one too large for the clock (`UNIX_EPOCH + u64::MAX` seconds panics) is
/// taken as 1970, an expired token, which the next call renews.
pub fn from_unix_seconds(seconds: u64) -> SystemTime {
    UNIX_EPOCH
        .checked_add(Duration::from_secs(seconds))
        .unwrap_or(UNIX_EPOCH)
}

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
    store_tokens_locked(
        Some(&CredentialsLock::acquire(path)?),
        path,
        profile,
        tokens,
    )
}

/// Writes renewed tokens into a stored profile, under `lock` when there is one.
pub fn store_tokens_locked(
    lock: Option<&CredentialsLock>,
    path: &std::path::Path,
    profile: &str,
    tokens: &OAuthTokens,
) -> Result<(), CliError> {
    let mut credentials = match lock {
        Some(lock) => lock.load()?,
        None => Credentials::load(path)?,
    };
    // A profile removed meanwhile (`auth logout`) stays removed, and a removed file stays
    // removed.
    let Some(p) = credentials.profiles.get_mut(profile) else {
        return Ok(());
    };
    if let Some(r) = &tokens.refresh_token {
        p.refresh_token = Some(r.clone());
    }
    p.access_token = Some(tokens.access_token.clone());
    p.access_token_expires_at = tokens.expires_at.map(unix_seconds);
    credentials.save(path)
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;
    use crate::args::{AuthCommand, Cli, Command};
    use crate::login::LoginOptions;

    const SECRETS: [&str; 6] = [
        "SECRET-DEVELOPER-TOKEN",
        "SECRET-CLIENT-SECRET",
        "SECRET-REFRESH-TOKEN",
        "SECRET-ACCESS-TOKEN",
        "SECRET-PASSWORD",
        "SECRET-STORED-REFRESH",
    ];

    fn assert_redacted(what: &str, text: &str) {
        for secret in SECRETS {
            assert!(!text.contains(secret), "{what} shows {secret}: {text}");
        }
    }

    /// Before, `Profile`, `AuthSource`, `Settings` and `LoginOptions` held credentials as
    /// `String` and derived `Debug`: every one of these printed them.
    #[test]
    fn no_credential_holding_type_prints_a_secret() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::empty(Some(dir.path().to_path_buf()));
        let profile = Profile {
            environment: "production".into(),
            client_id: Some("client".into()),
            client_secret: Some("SECRET-CLIENT-SECRET".into()),
            developer_token: Some("SECRET-DEVELOPER-TOKEN".into()),
            refresh_token: Some("SECRET-STORED-REFRESH".into()),
            access_token: Some("SECRET-ACCESS-TOKEN".into()),
            access_token_expires_at: Some(u64::MAX),
            ..Default::default()
        };
        assert_redacted("Profile", &format!("{profile:?}"));
        let mut credentials = Credentials::default();
        credentials.profiles.insert("production".into(), profile);
        credentials.save(&env.credentials_path().unwrap()).unwrap();
        assert_redacted("Credentials", &format!("{credentials:?}"));

        let from_profile = Settings::resolve(&Globals::default(), &env).unwrap();
        assert!(matches!(from_profile.auth, AuthSource::OAuth { .. }));
        assert_redacted("Settings (profile)", &format!("{from_profile:?}"));
        assert_redacted("AuthSource", &format!("{:?}", from_profile.auth));
        from_profile.authentication().unwrap();

        let env_oauth = env
            .clone()
            .with_var("BINGADS_CLIENT_ID", "client")
            .with_var("BINGADS_REFRESH_TOKEN", "SECRET-REFRESH-TOKEN")
            .with_var("BINGADS_DEVELOPER_TOKEN", "SECRET-DEVELOPER-TOKEN");
        let settings = Settings::resolve(&Globals::default(), &env_oauth).unwrap();
        assert_redacted("Settings (variables)", &format!("{settings:?}"));
        let password = env
            .with_var("BINGADS_USERNAME", "user")
            .with_var("BINGADS_PASSWORD", "SECRET-PASSWORD");
        let settings = Settings::resolve(&Globals::default(), &password).unwrap();
        assert!(matches!(settings.auth, AuthSource::Password { .. }));
        assert_redacted("Settings (password)", &format!("{settings:?}"));
        let (headers, _) = settings.dry_run_headers(false);
        assert_redacted("--dry-run headers", &format!("{headers:?}"));

        let cli = Cli::try_parse_from([
            "bingads",
            "auth",
            "login",
            "--developer-token",
            "SECRET-DEVELOPER-TOKEN",
        ])
        .unwrap();
        assert_redacted("parsed arguments", &format!("{cli:?}"));
        let Command::Auth(AuthCommand::Login(args)) = cli.command else {
            panic!("parsed as login");
        };
        let options = LoginOptions {
            developer_token: args.developer_token,
            ..Default::default()
        };
        assert_eq!(
            options.developer_token.as_ref().map(|t| t.expose()),
            Some("SECRET-DEVELOPER-TOKEN")
        );
        assert_redacted("LoginOptions", &format!("{options:?}"));
    }
}

#[cfg(test)]
mod transport_tests {
    use super::*;

    fn resolve(flag: Option<Wire>, env: &Env) -> Result<Wire, CliError> {
        let globals = Globals {
            transport: flag,
            ..Globals::default()
        };
        Settings::resolve(&globals, env).map(|s| s.transport)
    }

    #[test]
    fn transport_precedence_is_option_then_environment_then_profile_then_rest() {
        let dir = tempfile::tempdir().unwrap();
        let bare = Env::empty(Some(dir.path().join("cfg")));
        assert_eq!(resolve(None, &bare).unwrap(), Wire::Rest, "the default");

        let path = bare.credentials_path().unwrap();
        let mut creds = Credentials::default();
        creds.profiles.insert(
            "production".into(),
            Profile {
                environment: "production".into(),
                transport: Some("soap".into()),
                ..Default::default()
            },
        );
        creds.save(&path).unwrap();
        assert_eq!(resolve(None, &bare).unwrap(), Wire::Soap, "the profile's");

        let env = Env::empty(Some(dir.path().join("cfg"))).with_var("BINGADS_TRANSPORT", "REST");
        assert_eq!(
            resolve(None, &env).unwrap(),
            Wire::Rest,
            "the environment over the profile"
        );
        assert_eq!(
            resolve(Some(Wire::Soap), &env).unwrap(),
            Wire::Soap,
            "the option over the environment"
        );

        let bad = Env::empty(None).with_var("BINGADS_TRANSPORT", "grpc");
        let e = resolve(None, &bad).unwrap_err();
        assert_eq!(e.exit, crate::error::Exit::Usage);
        assert!(
            e.message
                .contains("BINGADS_TRANSPORT: unknown wire `grpc`: expected `rest` or `soap`"),
            "{e}"
        );
    }
}
