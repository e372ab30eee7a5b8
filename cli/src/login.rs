//! `bingads auth login | status | logout`.
//!
//! `login` runs the desktop OAuth flow with PKCE (`OAuthDesktopMobileAuthCodeGrant`): it
//! starts a one-shot listener on `127.0.0.1`, prints the authorization URL (and opens it in a
//! browser unless `--no-browser`), and takes the first of: the browser's redirect to the
//! listener, or the redirect address pasted on standard input. The code is exchanged for
//! tokens, which are stored in the profile.

use std::io::{BufRead, Read};
use std::time::{Duration, SystemTime};

use bingads::SecretString;
use bingads::auth::{OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints};
use tokio::net::TcpListener;

use crate::config::{Credentials, CredentialsLock, Env, Profile};
use crate::error::{CliError, Exit};
use crate::listener::{Redirect, wait_for_redirect};
use crate::resolve::{Selection, Sources};
use crate::settings::{AuthSource, ENV_VARS, Globals, Settings, Source, unix_seconds};

/// Options of `auth login`.
#[derive(Debug, Clone, Default)]
pub struct LoginOptions {
    pub client_id: Option<String>,
    pub developer_token: Option<SecretString>,
    pub tenant: Option<String>,
    pub no_browser: bool,
    /// Port of the loopback listener (0: any free one).
    pub port: u16,
    /// A registered redirect URI other than the loopback listener's.
    pub redirect_uri: Option<String>,
    pub timeout: Duration,
}

/// Where the redirect comes back: a listener, or only a pasted address.
struct RedirectTarget {
    uri: String,
    /// `http://127.0.0.1:PORT`, when listening.
    base: String,
    listener: Option<TcpListener>,
}

async fn redirect_target(options: &LoginOptions) -> Result<RedirectTarget, CliError> {
    let bind_error = |addr: &str, e: std::io::Error| {
        CliError::failure(format!("cannot listen on {addr} for the sign-in redirect: {e}"))
            .hint("choose another port with --port, or sign in by pasting the address with --redirect-uri")
    };
    if let Some(uri) = &options.redirect_uri {
        let parsed = url::Url::parse(uri).map_err(|e| {
            CliError::usage(format!(
                "--redirect-uri `{uri}` is not an absolute URL: {e}"
            ))
        })?;
        let loopback_ip = matches!(parsed.host_str(), Some("127.0.0.1" | "[::1]" | "localhost"));
        if parsed.scheme() == "http"
            && loopback_ip
            && let Some(port) = parsed.port()
        {
            let host = match parsed.host_str() {
                Some("[::1]") => "[::1]",
                _ => "127.0.0.1",
            };
            let addr = format!("{host}:{port}");
            let listener = TcpListener::bind(&addr)
                .await
                .map_err(|e| bind_error(&addr, e))?;
            return Ok(RedirectTarget {
                uri: uri.clone(),
                base: format!("http://{addr}"),
                listener: Some(listener),
            });
        }
        return Ok(RedirectTarget {
            uri: uri.clone(),
            base: String::new(),
            listener: None,
        });
    }
    let addr = format!("127.0.0.1:{}", options.port);
    let listener = TcpListener::bind(&addr)
        .await
        .map_err(|e| bind_error(&addr, e))?;
    let port = listener
        .local_addr()
        .map_err(|e| CliError::failure(e.to_string()))?
        .port();
    Ok(RedirectTarget {
        uri: format!("http://127.0.0.1:{port}/"),
        base: format!("http://127.0.0.1:{port}"),
        listener: Some(listener),
    })
}

/// The longest pasted line taken: a redirect address is a few kilobytes at most.
const MAX_PASTED_LINE: u64 = 64 * 1024;

/// Lines typed or piped on standard input, read on a thread of their own (a blocking read
/// must not keep the process alive once the browser's redirect has arrived). A line longer
/// than [`MAX_PASTED_LINE`] is skipped without being held in memory.
fn stdin_lines() -> tokio::sync::mpsc::UnboundedReceiver<String> {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        loop {
            let mut line = Vec::new();
            match (&mut stdin)
                .take(MAX_PASTED_LINE)
                .read_until(b'\n', &mut line)
            {
                Ok(0) | Err(_) => break,
                Ok(n) if n as u64 == MAX_PASTED_LINE && !line.ends_with(b"\n") => {
                    if skip_line(&mut stdin).is_err() {
                        break;
                    }
                    eprintln!(
                        "warning: ignored a pasted line longer than {} KiB; paste the address \
                         the browser ended on",
                        MAX_PASTED_LINE / 1024
                    );
                }
                Ok(_) => {
                    let text = String::from_utf8_lossy(&line);
                    let t = text.trim();
                    if !t.is_empty() && tx.send(t.to_string()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    rx
}

/// Reads past the end of the current line, a buffer at a time.
fn skip_line(input: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                input.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                input.consume(all);
            }
        }
    }
}

/// Opens `url` in the user's browser; `false` when no opener could be started.
fn open_browser(url: &str) -> bool {
    #[cfg(target_os = "macos")]
    let mut cmd = {
        let mut c = std::process::Command::new("open");
        c.arg(url);
        c
    };
    #[cfg(windows)]
    let mut cmd = {
        let mut c = std::process::Command::new("rundll32");
        c.args(["url.dll,FileProtocolHandler", url]);
        c
    };
    #[cfg(all(not(target_os = "macos"), not(windows)))]
    let mut cmd = {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(url);
        c
    };
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

/// Signs in and stores the tokens; returns the summary for stdout.
pub async fn login(
    globals: &Globals,
    env: &Env,
    options: &LoginOptions,
) -> Result<String, CliError> {
    let path = env.credentials_path()?;
    let selection = Selection::resolve(globals, env)?;
    let environment = selection.environment;
    let name = selection.profile_name.clone();
    // A profile stored for another environment lends none of its values.
    let existing = selection
        .profile
        .as_ref()
        .filter(|p| p.environment == environment.as_str());
    let sources = Sources::new(env, existing, &name);
    let client_id = sources
        .string(options.client_id.as_deref(), "BINGADS_CLIENT_ID", |p| {
            p.client_id.as_ref()
        })
        .ok_or_else(|| {
            CliError::usage("no client id to sign in with")
                .hint("pass --client-id ID (or set BINGADS_CLIENT_ID): the application (client) id of your app registration in Microsoft Entra ID")
                .hint("the app needs a \"Mobile and desktop applications\" platform with the redirect URI http://127.0.0.1 (see `bingads auth login --help`)")
        })?;
    let tenant = options
        .tenant
        .clone()
        .or_else(|| existing.and_then(|p| p.tenant.clone()));
    let oauth_endpoint = sources.string(
        globals.oauth_endpoint.as_deref(),
        "BINGADS_OAUTH_ENDPOINT",
        |p| p.oauth_endpoint.as_ref(),
    );
    let endpoint = sources.string(globals.endpoint.as_deref(), "BINGADS_ENDPOINT", |p| {
        p.endpoint.as_ref()
    });
    let developer_token = sources
        .secret(
            options.developer_token.as_ref(),
            "BINGADS_DEVELOPER_TOKEN",
            |p| p.developer_token.as_ref(),
        )
        .map(|(token, _)| token);
    let customer_id = sources.id(globals.customer_id, "BINGADS_CUSTOMER_ID", |p| {
        p.customer_id.as_ref()
    })?;
    let account_id = sources.id(globals.account_id, "BINGADS_ACCOUNT_ID", |p| {
        p.account_id.as_ref()
    })?;

    let target = redirect_target(options).await?;
    let mut grant = OAuthDesktopMobileAuthCodeGrant::new(client_id.clone(), environment);
    if let Some(t) = &tenant {
        grant = grant.with_tenant(t.clone());
    }
    if let Some(base) = &oauth_endpoint {
        let endpoints =
            OAuthEndpoints::microsoft_at(base, tenant.as_deref().unwrap_or("common"), environment)
                .map_err(|e| CliError::usage(format!("--oauth-endpoint `{base}`: {e}")))?;
        grant = grant
            .with_endpoints(endpoints)
            .map_err(|e| CliError::usage(format!("--oauth-endpoint `{base}`: {e}")))?;
    }
    let grant = grant
        .with_redirect_uri(target.uri.clone())
        .map_err(|e| CliError::usage(format!("redirect URI: {e}")))?;
    let url = grant
        .authorization_endpoint()
        .map_err(|e| CliError::new(Exit::Failure, e.to_string()))?;
    let state = grant.state().unwrap_or_default();

    eprintln!(
        "To sign in to Microsoft Advertising ({environment}), open this address in a browser:\n"
    );
    eprintln!("  {url}\n");
    if !options.no_browser && open_browser(url.as_str()) {
        eprintln!("(A browser window should have opened.)");
    }
    match &target.listener {
        Some(_) => eprintln!(
            "Waiting for the browser to come back to {} ... or paste the address the browser \
             ended on here and press Enter.",
            target.uri
        ),
        None => eprintln!(
            "After signing in, paste the address the browser ended on ({}...) here and press Enter.",
            target.uri
        ),
    }

    let mut pasted = stdin_lines();
    let mut stdin_open = true;
    let deadline = tokio::time::sleep(options.timeout);
    tokio::pin!(deadline);
    // One future for the whole wait: re-created on every turn of the loop, it would drop a
    // browser connection it is reading whenever standard input ends or a line is skipped.
    let browser = async {
        match &target.listener {
            Some(l) => wait_for_redirect(l, &target.base, &state).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(browser);
    let (uri, redirect): (String, Option<Redirect>) = loop {
        tokio::select! {
            r = &mut browser => {
                let r = r.map_err(|e| CliError::failure(format!("the sign-in listener failed: {e}")))?;
                break (r.uri.clone(), Some(r));
            }
            line = pasted.recv(), if stdin_open => match line {
                Some(l) => break (l, None),
                None => {
                    stdin_open = false;
                    if target.listener.is_none() {
                        return Err(CliError::usage("standard input ended before a redirect address was pasted")
                            .hint("run `bingads auth login` in a terminal and paste the address the browser ended on"));
                    }
                }
            },
            () = &mut deadline => {
                return Err(CliError::new(Exit::Auth, format!(
                    "no sign-in within {} seconds", options.timeout.as_secs()
                )).hint("run `bingads auth login` again (--timeout SECS gives more time)"));
            }
        }
    };

    let tokens = match grant.request_oauth_tokens_by_response_uri(&uri).await {
        Ok(t) => {
            if let Some(r) = redirect {
                r.respond(true, "Signed in to Microsoft Advertising.").await;
            }
            t
        }
        Err(e) => {
            if let Some(r) = redirect {
                r.respond(false, &e.to_string()).await;
            }
            return Err(
                CliError::new(Exit::Auth, e.to_string()).hint("run `bingads auth login` again")
            );
        }
    };
    let Some(refresh) = tokens.refresh_token.clone() else {
        return Err(CliError::new(
            Exit::Auth,
            "the sign-in returned no refresh token (the offline_access scope was not granted)",
        )
        .hint("check the app registration's API permissions, then sign in again"));
    };

    let profile = Profile {
        environment: environment.as_str().to_string(),
        client_id: Some(client_id.clone()),
        client_secret: None,
        tenant: tenant.clone(),
        developer_token: developer_token.clone(),
        refresh_token: Some(refresh),
        access_token: Some(tokens.access_token.clone()),
        access_token_expires_at: tokens.expires_at.map(unix_seconds),
        customer_id: customer_id.map(|id| id.to_string()),
        account_id: account_id.map(|id| id.to_string()),
        endpoint,
        oauth_endpoint,
        transport: globals
            .transport
            .map(|w| w.as_str().to_string())
            .or_else(|| existing.as_ref().and_then(|p| p.transport.clone())),
    };
    Credentials::update(&path, |c| {
        c.profiles.insert(name.clone(), profile);
        Ok(())
    })?;

    let mut out = format!(
        "Signed in: profile `{name}` ({environment}), client id {client_id}.\n\
         Saved to {} (readable only by you).\n",
        path.display()
    );
    if developer_token.is_none() {
        out.push_str(
            "No developer token is stored: set BINGADS_DEVELOPER_TOKEN, or run login again with --developer-token.\n",
        );
    }
    if name != environment.as_str() {
        out.push_str(&format!(
            "Use it with `bingads --profile {name} call ...` (or BINGADS_PROFILE={name}).\n"
        ));
    }
    Ok(out)
}

/// "in 54 minutes", "3 hours ago".
fn relative(expires_at: u64) -> String {
    let now = unix_seconds(SystemTime::now());
    let (delta, future) = if expires_at >= now {
        (expires_at - now, true)
    } else {
        (now - expires_at, false)
    };
    let amount = match delta {
        0..=119 => format!("{delta} seconds"),
        120..=7199 => format!("{} minutes", delta / 60),
        7200..=172_799 => format!("{} hours", delta / 3600),
        _ => format!("{} days", delta / 86_400),
    };
    if future {
        format!("valid for {amount} more")
    } else {
        format!("expired {amount} ago (renewed on the next call)")
    }
}

fn profile_lines(name: &str, p: &Profile, out: &mut String) {
    let stored = |v: &Option<SecretString>| if v.is_some() { "stored" } else { "not stored" };
    out.push_str(&format!("profile `{name}`\n"));
    out.push_str(&format!("  environment:     {}\n", p.environment));
    if let Some(c) = &p.client_id {
        out.push_str(&format!("  client id:       {c}\n"));
    }
    if let Some(t) = &p.tenant {
        out.push_str(&format!("  tenant:          {t}\n"));
    }
    out.push_str(&format!(
        "  refresh token:   {}\n",
        stored(&p.refresh_token)
    ));
    let access = match (&p.access_token, p.access_token_expires_at) {
        (None, _) => "not stored".to_string(),
        (Some(_), None) => "stored (no expiry known)".to_string(),
        (Some(_), Some(at)) => relative(at),
    };
    out.push_str(&format!("  access token:    {access}\n"));
    out.push_str(&format!(
        "  developer token: {}\n",
        stored(&p.developer_token)
    ));
    if p.client_secret.is_some() {
        out.push_str("  client secret:   stored\n");
    }
    for (label, v) in [
        ("customer id:    ", &p.customer_id),
        ("account id:     ", &p.account_id),
        ("endpoint:       ", &p.endpoint),
        ("oauth endpoint: ", &p.oauth_endpoint),
        ("transport:      ", &p.transport),
    ] {
        if let Some(v) = v {
            out.push_str(&format!("  {label} {v}\n"));
        }
    }
}

/// What `auth status` prints, and an error when no usable credentials are configured.
pub fn status(globals: &Globals, env: &Env) -> Result<(String, Option<CliError>), CliError> {
    let settings = Settings::resolve(globals, env)?;
    let mut out = String::new();
    match &settings.credentials_path {
        Some(p) if p.exists() => {
            out.push_str(&format!("credentials file: {}", p.display()));
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                if let Ok(m) = std::fs::metadata(p) {
                    let mode = m.permissions().mode() & 0o777;
                    out.push_str(&format!(" (mode {mode:04o})"));
                    if mode & 0o077 != 0 {
                        out.push_str(" WARNING: readable by others; run `chmod 600` on it");
                    }
                }
            }
            out.push('\n');
        }
        Some(p) => out.push_str(&format!("credentials file: {} (none yet)\n", p.display())),
        None => out.push_str("credentials file: none (no configuration directory)\n"),
    }
    match &settings.profile {
        Some(p) => profile_lines(&settings.profile_name, p, &mut out),
        None => out.push_str(&format!(
            "profile `{}`: not signed in\n",
            settings.profile_name
        )),
    }
    let others: Vec<&String> = settings
        .stored_profiles
        .iter()
        .filter(|n| **n != settings.profile_name)
        .collect();
    if !others.is_empty() {
        let list: Vec<&str> = others.iter().map(|s| s.as_str()).collect();
        out.push_str(&format!("other profiles:  {}\n", list.join(", ")));
    }
    let set: Vec<&str> = ENV_VARS
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| env.var(n).is_some())
        .collect();
    if !set.is_empty() {
        out.push_str(&format!(
            "variables set:   {} (values not shown)\n",
            set.join(", ")
        ));
    }
    let using = match &settings.auth {
        AuthSource::Password { user, .. } => {
            format!("UserName/Password ({user}, from BINGADS_USERNAME)")
        }
        AuthSource::OAuth {
            from_profile: true, ..
        } => format!(
            "OAuth, refresh token of profile `{}`",
            settings.profile_name
        ),
        AuthSource::OAuth { .. } => "OAuth, refresh token from BINGADS_REFRESH_TOKEN".to_string(),
        AuthSource::None => "nothing (not signed in)".to_string(),
    };
    out.push_str(&format!(
        "calls use:       {using}; {} environment, {} wire",
        settings.environment, settings.transport
    ));
    match &settings.endpoint {
        Some(e) => out.push_str(&format!(", endpoint {e}\n")),
        None => out.push('\n'),
    }
    let developer = match &settings.developer_token {
        Some((_, Source::Env)) => "from BINGADS_DEVELOPER_TOKEN",
        Some(_) => "from the profile",
        None => "none",
    };
    out.push_str(&format!("developer token: {developer}\n"));
    let problem = match (&settings.auth, &settings.developer_token) {
        (AuthSource::None, _) => Some(settings.missing_credentials()),
        (_, None) => settings.require_developer_token().err(),
        _ => None,
    };
    Ok((out, problem))
}

/// Forgets a stored profile (or all of them).
pub fn logout(globals: &Globals, env: &Env, all: bool) -> Result<String, CliError> {
    let path = env.credentials_path()?;
    if all {
        // Under the lock, so that a renewal in progress cannot write the file back.
        let _lock = CredentialsLock::acquire(&path)?;
        return match std::fs::remove_file(&path) {
            Ok(()) => Ok(format!("Removed {} (every profile).\n", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok("No credentials were stored.\n".to_string())
            }
            Err(e) => Err(CliError::failure(format!(
                "cannot remove {}: {e}",
                path.display()
            ))),
        };
    }
    let name = Selection::resolve(globals, env)?.profile_name;
    let mut removed = false;
    let creds = Credentials::load(&path)?;
    if creds.profiles.contains_key(&name) {
        Credentials::update(&path, |c| {
            removed = c.profiles.remove(&name).is_some();
            Ok(())
        })?;
    }
    if removed {
        Ok(format!(
            "Signed out: removed profile `{name}` from {}.\n\
             The refresh token is forgotten here; to revoke the app's access altogether, remove its \
             consent in your Microsoft account's privacy settings.\n",
            path.display()
        ))
    } else {
        let mut msg = format!("Profile `{name}` was not stored; nothing to do.\n");
        if !creds.profiles.is_empty() {
            let names: Vec<&str> = creds.profiles.keys().map(String::as_str).collect();
            msg.push_str(&format!("Stored profiles: {}.\n", names.join(", ")));
        }
        Ok(msg)
    }
}
