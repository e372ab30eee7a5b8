//! What the examples share: where to send calls (the built-in emulator, or Microsoft's
//! sandbox or production when credentials are in the environment), which wire to speak
//! (`BINGADS_TRANSPORT`: REST unless `soap`), a printer that can also capture its output for
//! tests, and readable errors.
//!
//! Nothing here prints a token, a client secret or a developer token.

#![allow(dead_code)] // each example uses a part of this module

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bingads::auth::{
    AuthError, Authentication, OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints, OAuthTokens,
    OAuthWebAuthCodeGrant,
};
use bingads::v13::campaign_management::BatchError;
use bingads::{Environment, Nillable, SecretString, Wire};
use bingads_emulator::Emulator;

/// What an example cannot start without: the value, or its message (and `usage`, when not
/// empty) on stderr and exit code 2.
pub fn needed<T>(value: Result<T, String>, usage: &str) -> Result<T, std::process::ExitCode> {
    value.map_err(|message| {
        if usage.is_empty() {
            eprintln!("{message}");
        } else {
            eprintln!("{message}\n{usage}");
        }
        std::process::ExitCode::from(2)
    })
}

/// The exit code of a finished run: success, or `<example> failed:` and the error on stderr.
pub fn finished<T, E: fmt::Display>(example: &str, result: Result<T, E>) -> std::process::ExitCode {
    match result {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{example} failed:\n{e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The variables the examples read, and what each one means.
pub const VARIABLES: [(&str, &str); 9] = [
    (
        "BINGADS_ENVIRONMENT",
        "`sandbox` or `production` (unset: the built-in emulator)",
    ),
    ("BINGADS_DEVELOPER_TOKEN", "your developer token"),
    (
        "BINGADS_CLIENT_ID",
        "the application (client) id of your app registration",
    ),
    (
        "BINGADS_REFRESH_TOKEN",
        "a refresh token from an earlier sign-in (e.g. the desktop_oauth example)",
    ),
    (
        "BINGADS_CLIENT_SECRET",
        "optional: the client secret of a web-app registration",
    ),
    (
        "BINGADS_CUSTOMER_ID",
        "optional: the customer (manager account) id; found with GetUser when unset",
    ),
    (
        "BINGADS_ACCOUNT_ID",
        "optional: the ad account id; found with SearchAccounts when unset",
    ),
    (
        "BINGADS_REDIRECT_URI",
        "optional: the redirect URI registered for your app (desktop_oauth, web_app)",
    ),
    (
        "BINGADS_TRANSPORT",
        "optional: `rest` (the default) or `soap` (until Microsoft switches SOAP off on 2027-01-31)",
    ),
];

/// The wire named by `BINGADS_TRANSPORT` read through `var` (REST when unset). The library
/// reads no environment variables; an application decides, as the examples do here.
pub fn wire_from_env(var: impl Fn(&str) -> Option<String>) -> Result<Wire, String> {
    match var("BINGADS_TRANSPORT").map(|v| v.trim().to_ascii_lowercase()) {
        None => Ok(Wire::default()),
        Some(v) if v.is_empty() => Ok(Wire::default()),
        Some(v) => v
            .parse()
            .map_err(|_| format!("BINGADS_TRANSPORT must be `rest` or `soap`, got `{v}`")),
    }
}

/// [`wire_from_env`] over the process environment.
pub fn wire_from_process_env() -> Result<Wire, String> {
    wire_from_env(|k| std::env::var(k).ok())
}

/// Microsoft credentials read from the environment.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub environment: Environment,
    pub developer_token: SecretString,
    pub client_id: String,
    pub client_secret: Option<SecretString>,
    pub refresh_token: Option<SecretString>,
    pub customer_id: Option<i64>,
    pub account_id: Option<i64>,
    pub redirect_uri: Option<String>,
}

/// Where an example sends its calls.
#[derive(Debug, Clone)]
pub enum Target {
    /// The emulator from `bingads-emulator`, started inside the example on 127.0.0.1.
    Emulator,
    /// Microsoft's sandbox or production, with these credentials.
    Microsoft(Credentials),
}

/// Which variables an example cannot do without when it talks to Microsoft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Developer token, client id and a refresh token (examples that do not sign in).
    RefreshToken,
    /// Developer token and client id (examples that sign the user in themselves).
    SignIn,
    /// Developer token, client id and client secret (the web app).
    ClientSecret,
}

impl Target {
    /// Reads the `BINGADS_*` variables through `var` (`|k| std::env::var(k).ok()` in the
    /// examples, a map in tests). Without `BINGADS_ENVIRONMENT` the target is the emulator.
    /// A missing or malformed variable gives a message naming what to set.
    pub fn from_env(var: impl Fn(&str) -> Option<String>, needs: Needs) -> Result<Target, String> {
        let get = |k: &str| {
            var(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let Some(environment) = get("BINGADS_ENVIRONMENT") else {
            return Ok(Target::Emulator);
        };
        let environment: Environment = environment.parse().map_err(|e| {
            format!("BINGADS_ENVIRONMENT: {e}; unset it to run against the built-in emulator")
        })?;
        let mut required = vec!["BINGADS_DEVELOPER_TOKEN", "BINGADS_CLIENT_ID"];
        match needs {
            Needs::RefreshToken => required.push("BINGADS_REFRESH_TOKEN"),
            Needs::ClientSecret => required.push("BINGADS_CLIENT_SECRET"),
            Needs::SignIn => {}
        }
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|k| get(k).is_none())
            .collect();
        if !missing.is_empty() {
            let mut msg = format!(
                "BINGADS_ENVIRONMENT={environment} runs against Microsoft Advertising, which needs \
                 credentials. Set:\n"
            );
            for k in &missing {
                let meaning = VARIABLES
                    .iter()
                    .find(|(name, _)| name == k)
                    .map_or("", |(_, m)| m);
                msg.push_str(&format!("  {k:<24} {meaning}\n"));
            }
            msg.push_str(
                "or unset BINGADS_ENVIRONMENT to run against the built-in emulator (no credentials needed).",
            );
            return Err(msg);
        }
        let id = |k: &str| -> Result<Option<i64>, String> {
            get(k)
                .map(|v| {
                    v.parse::<i64>()
                        .map_err(|_| format!("{k} must be a number, got `{v}`"))
                })
                .transpose()
        };
        Ok(Target::Microsoft(Credentials {
            environment,
            developer_token: SecretString::new(get("BINGADS_DEVELOPER_TOKEN").unwrap_or_default()),
            client_id: get("BINGADS_CLIENT_ID").unwrap_or_default(),
            client_secret: get("BINGADS_CLIENT_SECRET").map(SecretString::new),
            refresh_token: get("BINGADS_REFRESH_TOKEN").map(SecretString::new),
            customer_id: id("BINGADS_CUSTOMER_ID")?,
            account_id: id("BINGADS_ACCOUNT_ID")?,
            redirect_uri: get("BINGADS_REDIRECT_URI"),
        }))
    }

    /// From the process environment.
    pub fn from_process_env(needs: Needs) -> Result<Target, String> {
        Target::from_env(|k| std::env::var(k).ok(), needs)
    }

    pub fn describe(&self) -> String {
        match self {
            Target::Emulator => "the built-in emulator (set BINGADS_ENVIRONMENT and credentials \
                                 to use Microsoft's sandbox or production)"
                .to_string(),
            Target::Microsoft(c) => format!("Microsoft Advertising {}", c.environment),
        }
    }
}

/// A stored refresh token exchanged for an access token: a public (desktop) client, or a web
/// client when a client secret is set.
pub async fn sign_in_with_refresh_token(
    creds: &Credentials,
    refreshes: Arc<AtomicUsize>,
) -> Result<Arc<dyn Authentication>, ExampleError> {
    let refresh_token = creds
        .refresh_token
        .clone()
        .ok_or("BINGADS_REFRESH_TOKEN is not set".to_string())?;
    let counter = move |_: &OAuthTokens| {
        refreshes.fetch_add(1, Ordering::SeqCst);
    };
    Ok(match &creds.client_secret {
        Some(secret) => {
            let redirect = creds
                .redirect_uri
                .clone()
                .unwrap_or_else(|| "http://localhost:8080/callback".into());
            let grant = OAuthWebAuthCodeGrant::new(
                creds.client_id.clone(),
                secret.clone(),
                redirect,
                creds.environment,
            )
            .on_tokens_refreshed(counter);
            grant
                .request_oauth_tokens_by_refresh_token(refresh_token)
                .await?;
            Arc::new(grant)
        }
        None => {
            let grant =
                OAuthDesktopMobileAuthCodeGrant::new(creds.client_id.clone(), creds.environment)
                    .on_tokens_refreshed(counter);
            grant
                .request_oauth_tokens_by_refresh_token(refresh_token)
                .await?;
            Arc::new(grant)
        }
    })
}

/// A client of a freshly started emulator on `wire`, signed in as the emulator's user: the
/// emulator hands out tokens as Microsoft would after the user's consent (the
/// `desktop_oauth` example shows the real sign-in). Dropping the emulator stops it.
pub async fn emulator_client(wire: Wire) -> Result<(bingads::Client, Emulator), ExampleError> {
    let emulator = Emulator::start().await?;
    let scope = format!("{} offline_access", bingads_emulator::ADS_SCOPE);
    let tokens = emulator.issue_tokens(bingads_emulator::DESKTOP_CLIENT_ID, &scope);
    let endpoints =
        OAuthEndpoints::microsoft_at(&emulator.base_url(), "common", Environment::Production)?;
    let grant = OAuthDesktopMobileAuthCodeGrant::new(
        bingads_emulator::DESKTOP_CLIENT_ID,
        Environment::Production,
    )
    .with_endpoints(endpoints)?
    .with_tokens(OAuthTokens::new(
        tokens.access_token.as_str(),
        tokens.refresh_token.map(SecretString::new),
        None,
    ));
    let auth = bingads::AuthorizationData::new(grant, bingads_emulator::DEVELOPER_TOKEN);
    let client = bingads::Client::builder(auth, Environment::Production)
        .endpoint_base(emulator.base_url()) // every service of the emulator is on one host
        .wire(wire)
        .build()?;
    Ok((client, emulator))
}

/// Prints lines to stdout and/or keeps them, so that a test can read what an example printed.
/// `write!`/`writeln!` work on it and never fail.
#[derive(Debug, Default)]
pub struct Out {
    echo: bool,
    text: String,
}

impl Out {
    /// Prints to stdout (and keeps a copy).
    pub fn stdout() -> Self {
        Out {
            echo: true,
            text: String::new(),
        }
    }

    /// Only keeps the text.
    pub fn capture() -> Self {
        Out::default()
    }

    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        let s = args.to_string();
        if self.echo {
            use std::io::Write as _;
            // Ignore a closed stdout (`| head`) instead of panicking like `print!`.
            let _ = std::io::stdout().write_all(s.as_bytes());
        }
        self.text.push_str(&s);
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Why an example stopped.
#[derive(Debug)]
pub enum ExampleError {
    /// A call to the service or a sign-in step failed (boxed: the SDK's error is large).
    Api(Box<bingads::Error>),
    /// Anything else (emulator start-up, the local listener, a bad argument).
    Other(String),
}

impl From<bingads::Error> for ExampleError {
    fn from(e: bingads::Error) -> Self {
        ExampleError::Api(Box::new(e))
    }
}

impl From<AuthError> for ExampleError {
    fn from(e: AuthError) -> Self {
        ExampleError::Api(Box::new(bingads::Error::Auth(e)))
    }
}

impl From<std::io::Error> for ExampleError {
    fn from(e: std::io::Error) -> Self {
        ExampleError::Other(e.to_string())
    }
}

impl From<bingads_emulator::ConsentError> for ExampleError {
    fn from(e: bingads_emulator::ConsentError) -> Self {
        ExampleError::Other(format!("the emulator's consent page: {e}"))
    }
}

#[cfg(feature = "reporting")]
impl From<bingads::reporting::ReportingError> for ExampleError {
    fn from(e: bingads::reporting::ReportingError) -> Self {
        ExampleError::Other(e.to_string())
    }
}

#[cfg(feature = "reporting")]
impl From<bingads::reporting::ReportError> for ExampleError {
    fn from(e: bingads::reporting::ReportError) -> Self {
        ExampleError::Other(e.to_string())
    }
}

#[cfg(feature = "bulk")]
impl From<bingads::bulk::BulkServiceError> for ExampleError {
    fn from(e: bingads::bulk::BulkServiceError) -> Self {
        ExampleError::Other(e.to_string())
    }
}

#[cfg(feature = "bulk")]
impl From<bingads::bulk::BulkError> for ExampleError {
    fn from(e: bingads::bulk::BulkError) -> Self {
        ExampleError::Other(e.to_string())
    }
}

impl From<String> for ExampleError {
    fn from(e: String) -> Self {
        ExampleError::Other(e)
    }
}

impl From<&str> for ExampleError {
    fn from(e: &str) -> Self {
        ExampleError::Other(e.to_string())
    }
}

impl fmt::Display for ExampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExampleError::Api(e) => f.write_str(&explain(e)),
            ExampleError::Other(m) => f.write_str(m),
        }
    }
}

/// A failed call, explained: each error's numeric code, symbolic code and message, and the
/// TrackingId to quote to Microsoft support.
pub fn explain(e: &bingads::Error) -> String {
    let mut s = String::new();
    match e {
        bingads::Error::Fault(fault) => {
            s.push_str(&format!(
                "{}.{} returned a fault: {}\n",
                fault.service, fault.operation, fault.message
            ));
            for err in &fault.errors {
                s.push_str(&format!(
                    "  code {} {}: {}{}\n",
                    err.code.map_or("?".to_string(), |c| c.to_string()),
                    err.error_code.as_deref().unwrap_or("?"),
                    err.message.as_deref().unwrap_or(""),
                    err.index
                        .map(|i| format!(" (item {i})"))
                        .unwrap_or_default()
                ));
            }
            if fault.has_code(105) || fault.has_code(106) {
                s.push_str(
                    "  hint: check the developer token, the environment (a sandbox token does not \
                     work in production) and that the user can access the account\n",
                );
            }
        }
        bingads::Error::Auth(auth) => {
            s.push_str(&format!("sign-in failed: {auth}\n"));
        }
        other => s.push_str(&format!("{other}\n")),
    }
    if let Some(id) = e.tracking_id() {
        s.push_str(&format!("  TrackingId: {id}\n"));
    }
    s.trim_end().to_string()
}

/// The partial errors of a Campaign Management response, one line each.
pub fn partial_errors(operation: &str, errors: &Nillable<Vec<Option<BatchError>>>) -> Vec<String> {
    errors
        .value()
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let (code, name, message, index) = match e {
                BatchError::BatchError(b) | BatchError::Unknown { base: b, .. } => {
                    (b.code, &b.error_code, &b.message, b.index)
                }
                BatchError::EditorialError(b) => (b.code, &b.error_code, &b.message, b.index),
                #[allow(unreachable_patterns)]
                _ => (None, &Nillable::Absent, &Nillable::Absent, None),
            };
            format!(
                "{operation} item {}: code {} {}: {}",
                index.map_or("?".to_string(), |i| i.to_string()),
                code.map_or("?".to_string(), |c| c.to_string()),
                name.value().map_or("?", String::as_str),
                message.value().map_or("", String::as_str),
            )
        })
        .collect()
}

/// `Some(text)` of a nillable string, or `-`.
pub fn text(s: &Nillable<String>) -> &str {
    s.value().map_or("-", String::as_str)
}

/// The ids that came back (failed items have none).
pub fn ids(list: &Nillable<Vec<Option<i64>>>) -> Vec<i64> {
    list.value()
        .into_iter()
        .flatten()
        .flatten()
        .copied()
        .collect()
}

/// Minimal HTML escaping for the web example's pages.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// An HTTP client for the examples' own requests (the emulated browser): no redirects followed,
/// short timeouts, the SDK's TLS settings.
pub fn http_client() -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(bingads::http::tls_config().map_err(|e| e.to_string())?)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .map_err(|e| format!("could not build an HTTP client: {e}"))
}

/// The value of the hidden `request_id` input of the emulator's consent form.
pub fn consent_request_id(html: &str) -> Option<String> {
    let start = html.find("name=\"request_id\"")?;
    let rest = &html[start..];
    let value = rest.find("value=\"")? + "value=\"".len();
    let end = rest[value..].find('"')?;
    Some(rest[value..value + end].to_string())
}

/// Plays the user's part in the emulator's sign-in: opens the authorization URL (the consent
/// page), fills in the seeded user's name and password, clicks Accept (or Deny), and returns
/// where the browser is sent next (the redirect URI with `code` and `state`).
pub async fn emulator_consent(
    http: &reqwest::Client,
    authorization_url: &str,
    accept: bool,
) -> Result<String, String> {
    let page = http
        .get(authorization_url)
        .send()
        .await
        .map_err(|e| format!("opening the consent page: {e}"))?;
    if !page.status().is_success() {
        return Err(format!("the consent page answered {}", page.status()));
    }
    let html = page
        .text()
        .await
        .map_err(|e| format!("reading the consent page: {e}"))?;
    let request_id = consent_request_id(&html).ok_or("the consent page has no form")?;
    // The form posts back to the authorize URL (same tenant path, no query).
    let mut action = url::Url::parse(authorization_url).map_err(|e| e.to_string())?;
    action.set_query(None);
    let form = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("request_id", &request_id)
        .append_pair("username", bingads_emulator::USER_NAME)
        .append_pair("password", bingads_emulator::PASSWORD)
        .append_pair("action", if accept { "accept" } else { "deny" })
        .finish();
    let answer = http
        .post(action.as_str())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .map_err(|e| format!("posting the consent form: {e}"))?;
    if answer.status().as_u16() != 302 {
        return Err(format!(
            "the consent form answered {} instead of a redirect",
            answer.status()
        ));
    }
    answer
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .ok_or_else(|| "the consent redirect has no Location".to_string())
}
