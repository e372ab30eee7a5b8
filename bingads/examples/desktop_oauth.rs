//! Desktop and mobile sign-in: the OAuth authorization code grant with PKCE.
//!
//! 1. Print the authorization URL (it carries a random `state` and a PKCE S256 challenge).
//! 2. The user signs in in a browser, which is redirected to `http://localhost:PORT` — this
//!    program listens there once — or, with `--paste`, to Microsoft's native-client page,
//!    whose address the user pastes here.
//! 3. Exchange the code (with the PKCE verifier) for tokens; print when the access token
//!    expires (never a token), then call GetUser.
//!
//! ```sh
//! cargo run --example desktop_oauth                 # against the emulator: a simulated browser signs in
//! BINGADS_ENVIRONMENT=sandbox BINGADS_CLIENT_ID=... BINGADS_DEVELOPER_TOKEN=... \
//!     cargo run --example desktop_oauth -- --port 8400   # real sign-in in your browser
//! cargo run --example desktop_oauth -- --paste      # paste the address the browser ends on
//! ```
//!
//! For real sign-ins, register `http://localhost` as a redirect URI of the app's "Mobile and
//! desktop applications" platform (or set `BINGADS_REDIRECT_URI` to the loopback URI you
//! registered); `--paste` uses `https://login.microsoftonline.com/common/oauth2/nativeclient`.

// `pub`: tests/examples.rs includes this file and calls `run` with `common` types.
pub mod common;

use std::process::ExitCode;
use std::time::Duration;

use bingads::auth::{NATIVE_CLIENT_REDIRECT_URI, OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints};
use bingads::v13::customer_management::GetUserRequest;
use bingads::{AuthorizationData, Client, Environment, Nillable, SecretString, Wire};
use bingads_emulator::Emulator;
use common::{ExampleError, Needs, Out, Target, text};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    let start = || -> Result<(Target, Options), ExitCode> {
        let target = common::needed(Target::from_process_env(Needs::SignIn), "")?;
        let usage = "usage: desktop_oauth [--port N] [--paste]";
        let mut options = common::needed(Options::parse(std::env::args().skip(1)), usage)?;
        options.wire = common::needed(common::wire_from_process_env(), "")?;
        Ok((target, options))
    };
    let (target, options) = match start() {
        Ok(started) => started,
        Err(code) => return code,
    };
    let mut out = Out::stdout();
    common::finished("desktop_oauth", run(target, options, &mut out).await)
}

/// Command-line options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Port of the local redirect listener (0: any free port).
    pub port: u16,
    /// Use the native-client redirect URI and read the final address from stdin.
    pub paste: bool,
    /// The wire of the call after the sign-in (`BINGADS_TRANSPORT`; REST by default).
    pub wire: Wire,
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--paste" => options.paste = true,
                "--port" => {
                    let value = args.next().ok_or("--port needs a number")?;
                    options.port = value
                        .parse()
                        .map_err(|_| format!("--port: `{value}` is not a port number"))?;
                }
                other => return Err(format!("unknown argument `{other}`")),
            }
        }
        Ok(options)
    }
}

/// What happened, for callers that want more than the printed text.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub redirect_uri: String,
    pub expires_in: Option<Duration>,
    pub refresh_token_received: bool,
    pub user_id: i64,
    pub user_name: String,
}

pub async fn run(target: Target, options: Options, out: &mut Out) -> Result<Outcome, ExampleError> {
    writeln!(out, "Running against {}.", target.describe());
    let emulator = match target {
        Target::Emulator => Some(Emulator::start().await?),
        Target::Microsoft(_) => None,
    };
    let (client_id, environment, developer_token) = match (&target, &emulator) {
        (Target::Microsoft(c), _) => (
            c.client_id.clone(),
            c.environment,
            c.developer_token.clone(),
        ),
        (Target::Emulator, _) => (
            bingads_emulator::DESKTOP_CLIENT_ID.to_string(),
            Environment::Production,
            SecretString::new(bingads_emulator::DEVELOPER_TOKEN),
        ),
    };

    let mut grant = OAuthDesktopMobileAuthCodeGrant::new(client_id, environment);
    if let Some(emu) = &emulator {
        // The emulator's endpoints have Microsoft's shape: {authority}/{tenant}/oauth2/v2.0/...
        grant = grant.with_endpoints(OAuthEndpoints::microsoft_at(
            &emu.base_url(),
            "common",
            Environment::Production,
        )?)?;
    }

    // Where the browser comes back to: a one-shot listener on 127.0.0.1, or (--paste) the
    // native-client page whose address the user copies.
    let listener = if options.paste {
        None
    } else {
        let configured = match &target {
            Target::Microsoft(c) => c.redirect_uri.clone(),
            Target::Emulator => None,
        };
        let (port, redirect) = match configured {
            Some(uri) => {
                let parsed = url::Url::parse(&uri)
                    .map_err(|e| format!("BINGADS_REDIRECT_URI `{uri}`: {e}"))?;
                let port = parsed.port().unwrap_or(options.port);
                (port, Some(uri))
            }
            None => (options.port, None),
        };
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let port = listener.local_addr()?.port();
        let host = if emulator.is_some() {
            "127.0.0.1"
        } else {
            "localhost"
        };
        let redirect = redirect.unwrap_or_else(|| format!("http://{host}:{port}"));
        grant = grant.with_redirect_uri(redirect)?;
        Some(listener)
    };
    let redirect_uri = grant.redirect_uri();
    if options.paste && emulator.is_none() && redirect_uri != NATIVE_CLIENT_REDIRECT_URI {
        return Err("--paste needs the native client redirect URI".into());
    }

    let authorization_url = grant.authorization_endpoint()?;
    writeln!(out, "Redirect URI: {redirect_uri}");
    writeln!(
        out,
        "Open this address in a browser and sign in:\n  {authorization_url}"
    );

    // The browser's part: a real user in a real browser, or a simulated one for the emulator.
    let browser = match &emulator {
        Some(_) => {
            let http = common::http_client()?;
            let url = authorization_url.to_string();
            let follow = listener.is_some();
            Some(tokio::spawn(async move {
                let location = common::emulator_consent(&http, &url, true).await?;
                if follow {
                    // The browser follows the redirect to the local listener.
                    let page = http
                        .get(&location)
                        .send()
                        .await
                        .map_err(|e| format!("following the redirect: {e}"))?;
                    if !page.status().is_success() {
                        return Err(format!("the redirect listener answered {}", page.status()));
                    }
                }
                Ok::<String, String>(location)
            }))
        }
        None => None,
    };

    let response_uri = match listener {
        Some(listener) => {
            let wait = if emulator.is_some() {
                Duration::from_secs(30)
            } else {
                Duration::from_secs(300)
            };
            writeln!(
                out,
                "Waiting up to {} s for the browser at {redirect_uri} ...",
                wait.as_secs()
            );
            let uri = receive_redirect(listener, &redirect_uri, wait).await?;
            if let Some(browser) = browser {
                browser
                    .await
                    .map_err(|e| format!("the simulated browser failed: {e}"))??;
            }
            uri
        }
        None => match browser {
            Some(browser) => browser
                .await
                .map_err(|e| format!("the simulated browser failed: {e}"))??,
            None => {
                writeln!(
                    out,
                    "After signing in, the browser shows a blank page: paste its full address here:"
                );
                let mut line = String::new();
                std::io::stdin().read_line(&mut line)?;
                line.trim().to_string()
            }
        },
    };

    // The state is checked, then the code is exchanged together with the PKCE verifier.
    let tokens = grant
        .request_oauth_tokens_by_response_uri(&response_uri)
        .await?;
    let expires_in = tokens.expires_in();
    writeln!(
        out,
        "Signed in. The access token expires in {} s; refresh token {}.",
        expires_in.map_or("?".to_string(), |d| d.as_secs().to_string()),
        if tokens.refresh_token.is_some() {
            "received (a real app stores it securely to skip the next sign-in)"
        } else {
            "not received (was offline_access granted?)"
        }
    );
    if let Some(scope) = &tokens.scope {
        writeln!(out, "Granted scope: {scope}");
    }
    let refresh_token_received = tokens.refresh_token.is_some();

    let auth = AuthorizationData::new(grant, developer_token);
    let mut builder = Client::builder(auth, environment).wire(options.wire);
    if let Some(emu) = &emulator {
        builder = builder.endpoint_base(emu.base_url());
    }
    let client = builder.build()?;
    let reply = client
        .customer_management()?
        .get_user(&GetUserRequest {
            user_id: Nillable::Nil,
        })
        .await?;
    let user = reply.value.user.value().ok_or("GetUser returned no user")?;
    let user_id = user.id.value().copied().unwrap_or_default();
    let user_name = text(&user.user_name).to_string();
    writeln!(
        out,
        "GetUser: user {user_id} ({user_name}), TrackingId {}",
        reply.tracking_id.as_deref().unwrap_or("-")
    );
    if let Some(emu) = emulator {
        emu.shutdown().await;
    }
    Ok(Outcome {
        redirect_uri,
        expires_in,
        refresh_token_received,
        user_id,
        user_name,
    })
}

/// Accepts connections on `listener` until one is the authorization response (a request
/// with `code` or `error` in its query), answers it with a short page, and returns the full
/// redirect URI. Other requests (a browser's `/favicon.ico`) get a 404. Bounded in time,
/// in request size and in number of connections.
async fn receive_redirect(
    listener: TcpListener,
    redirect_uri: &str,
    wait: Duration,
) -> Result<String, ExampleError> {
    let base = url::Url::parse(redirect_uri).map_err(|e| format!("{redirect_uri}: {e}"))?;
    let deadline = tokio::time::Instant::now() + wait;
    for _ in 0..20 {
        let (mut stream, _) = tokio::time::timeout_at(deadline, listener.accept())
            .await
            .map_err(|_| "no redirect arrived in time: was the sign-in completed?".to_string())??;
        let mut head = Vec::new();
        let mut buf = [0u8; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
            let n = match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
                Ok(Ok(n)) => n,
                _ => 0,
            };
            if n == 0 {
                break;
            }
            head.extend_from_slice(&buf[..n]);
        }
        let head = String::from_utf8_lossy(&head);
        let target = head
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("GET "))
            .and_then(|rest| rest.split(' ').next())
            .unwrap_or("");
        let mut full = base.clone();
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        full.set_path(path);
        full.set_query(Some(query).filter(|q| !q.is_empty()));
        let is_response = full.query_pairs().any(|(k, _)| k == "code" || k == "error");
        let (status, body) = if is_response {
            (
                "200 OK",
                "<html><body><h1>Signed in</h1><p>You can close this window and return to the \
                 application.</p></body></html>",
            )
        } else {
            ("404 Not Found", "<html><body>Not found</body></html>")
        };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = stream.write_all(response.as_bytes()).await;
        let _ = stream.shutdown().await;
        if is_response {
            return Ok(full.to_string());
        }
    }
    Err("too many requests on the redirect listener without an authorization response".into())
}
