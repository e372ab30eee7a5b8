//! A web application signing users in with the OAuth authorization code grant for web apps
//! (confidential client: client id + client secret), then listing their ad accounts.
//!
//! - `/`          a sign-in link, or a link to the accounts once signed in
//! - `/login`     redirects to the authorization URL; the `state` it carries is stored in the
//!   user's session (a cookie names the session)
//! - `/callback`  checks the `state` against the session's, exchanges the code for tokens
//! - `/accounts`  GetUser + SearchAccounts with the session's tokens
//!
//! ```sh
//! cargo run --example web_app                  # against the emulator; open the printed address
//! cargo run --example web_app -- --once        # stop after the accounts page was served once
//! cargo run --example web_app -- --max-requests 20 --timeout 300   # other ways to stop
//! BINGADS_ENVIRONMENT=sandbox BINGADS_CLIENT_ID=... BINGADS_CLIENT_SECRET=... \
//! BINGADS_DEVELOPER_TOKEN=... BINGADS_REDIRECT_URI=http://localhost:8080/callback \
//!     cargo run --example web_app
//! ```
//!
//! Against the emulator, sign in as `emulator.user@example.com` / `emulator-password`.
//! Real registrations need the redirect URI registered under the app's "Web" platform.
//! Sessions live in memory; a production app keeps them (and the refresh tokens it gets from
//! `on_tokens_refreshed`) in its own store, and serves everything over https.

// `pub`: tests/examples.rs includes this file and calls `run` with `common` types.
pub mod common;

use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use bingads::auth::{AuthError, Authentication, OAuthEndpoints, OAuthWebAuthCodeGrant};
use bingads::v13::customer_management::{
    GetUserRequest, Paging, Predicate, PredicateOperator, SearchAccountsRequest,
};
use bingads::{AuthorizationData, Client, Environment, Nillable, SecretString, Wire};
use bingads_emulator::Emulator;
use common::{ExampleError, Needs, Out, Target, html_escape, text};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};

#[tokio::main]
async fn main() -> ExitCode {
    let target = match Target::from_process_env(Needs::ClientSecret) {
        Ok(t) => t,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut options = match Options::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) => {
            eprintln!(
                "{message}\nusage: web_app [--port N] [--once] [--max-requests N] [--timeout SECONDS]"
            );
            return ExitCode::from(2);
        }
    };
    let wire = match common::wire_from_process_env() {
        Ok(w) => w,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    options.wire = wire;
    let mut out = Out::stdout();
    let result = match WebApp::new(target, options).await {
        Ok(app) => app.serve(&mut out).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("web_app failed:\n{e}");
            ExitCode::FAILURE
        }
    }
}

/// Command-line options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Port on 127.0.0.1 (emulator default: any free port; Microsoft: the redirect URI's).
    pub port: Option<u16>,
    /// Stop once the accounts page has been served (for tests and demos).
    pub once: bool,
    /// Stop after this many requests.
    pub max_requests: Option<usize>,
    /// Stop after this long, whatever happened.
    pub timeout: Option<Duration>,
    /// The wire of the service calls (`BINGADS_TRANSPORT`; REST by default).
    pub wire: Wire,
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut number = |name: &str| -> Result<usize, String> {
                let v = args.next().ok_or(format!("{name} needs a number"))?;
                v.parse()
                    .map_err(|_| format!("{name}: `{v}` is not a number"))
            };
            match arg.as_str() {
                "--once" => options.once = true,
                "--port" => {
                    options.port =
                        Some(u16::try_from(number("--port")?).map_err(|_| "--port: too large")?)
                }
                "--max-requests" => {
                    let n = number("--max-requests")?;
                    if n == 0 {
                        return Err("--max-requests must be at least 1".into());
                    }
                    options.max_requests = Some(n);
                }
                "--timeout" => {
                    options.timeout = Some(Duration::from_secs(number("--timeout")? as u64))
                }
                other => return Err(format!("unknown argument `{other}`")),
            }
        }
        Ok(options)
    }
}

/// What the app needs to build a grant per sign-in and a client per request.
struct OAuthApp {
    client_id: String,
    client_secret: SecretString,
    redirect_uri: String,
    environment: Environment,
    /// Authorization server other than Microsoft's (the emulator).
    endpoints: Option<OAuthEndpoints>,
    developer_token: SecretString,
    /// Service host other than Microsoft's (the emulator).
    endpoint_base: Option<String>,
    /// The wire of the service calls.
    wire: Wire,
}

impl OAuthApp {
    fn grant(&self) -> Result<OAuthWebAuthCodeGrant, AuthError> {
        let grant = OAuthWebAuthCodeGrant::new(
            self.client_id.clone(),
            self.client_secret.clone(),
            self.redirect_uri.clone(),
            self.environment,
        );
        match &self.endpoints {
            Some(e) => grant.with_endpoints(e.clone()),
            None => Ok(grant),
        }
    }
}

#[derive(Default)]
struct Session {
    /// The `state` sent with the authorization URL, until the callback uses it.
    pending_state: Option<String>,
    /// The signed-in user's tokens (the grant refreshes them as needed).
    grant: Option<Arc<OAuthWebAuthCodeGrant>>,
}

const MAX_SESSIONS: usize = 1000;
const COOKIE: &str = "bingads_example_session";

struct AppState {
    oauth: OAuthApp,
    sessions: Mutex<HashMap<String, Session>>,
    requests: AtomicUsize,
    accounts_served: AtomicUsize,
    once: bool,
    max_requests: Option<usize>,
    timeout: Option<Duration>,
    stop: watch::Sender<bool>,
    log: mpsc::UnboundedSender<String>,
}

impl AppState {
    /// Counts a request, stopping the server once the limit is reached.
    fn count(&self) {
        let n = self.requests.fetch_add(1, Ordering::SeqCst) + 1;
        if self.max_requests.is_some_and(|max| n >= max) {
            self.stop.send_replace(true);
        }
    }

    fn log(&self, line: String) {
        let _ = self.log.send(line);
    }

    fn sessions(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// What the server did before it stopped.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub requests: usize,
    pub accounts_pages: usize,
}

/// Stops a running [`WebApp`].
#[derive(Clone)]
pub struct StopHandle(Arc<AppState>);

impl StopHandle {
    pub fn stop(&self) {
        self.0.stop.send_replace(true);
    }
}

/// The app, bound to its port and ready to serve.
pub struct WebApp {
    listener: TcpListener,
    state: Arc<AppState>,
    stop: watch::Receiver<bool>,
    log: mpsc::UnboundedReceiver<String>,
    emulator: Option<Emulator>,
    target: String,
}

impl WebApp {
    /// Starts the emulator (for [`Target::Emulator`]) and binds 127.0.0.1.
    pub async fn new(target: Target, options: Options) -> Result<WebApp, ExampleError> {
        let (listener, oauth, emulator) = match &target {
            Target::Emulator => {
                let emulator = Emulator::start().await?;
                let listener = TcpListener::bind(("127.0.0.1", options.port.unwrap_or(0))).await?;
                let port = listener.local_addr()?.port();
                let oauth = OAuthApp {
                    client_id: bingads_emulator::WEB_CLIENT_ID.into(),
                    client_secret: SecretString::new(bingads_emulator::WEB_CLIENT_SECRET),
                    redirect_uri: format!("http://127.0.0.1:{port}/callback"),
                    environment: Environment::Production,
                    endpoints: Some(OAuthEndpoints::microsoft_at(
                        &emulator.base_url(),
                        "common",
                        Environment::Production,
                    )?),
                    developer_token: SecretString::new(bingads_emulator::DEVELOPER_TOKEN),
                    endpoint_base: Some(emulator.base_url()),
                    wire: options.wire,
                };
                (listener, oauth, Some(emulator))
            }
            Target::Microsoft(c) => {
                let redirect_uri = c
                    .redirect_uri
                    .clone()
                    .unwrap_or_else(|| "http://localhost:8080/callback".into());
                let parsed = url::Url::parse(&redirect_uri)
                    .map_err(|e| format!("BINGADS_REDIRECT_URI `{redirect_uri}`: {e}"))?;
                let port = options
                    .port
                    .or(parsed.port_or_known_default())
                    .unwrap_or(8080);
                let listener = TcpListener::bind(("127.0.0.1", port)).await?;
                let oauth = OAuthApp {
                    client_id: c.client_id.clone(),
                    client_secret: c
                        .client_secret
                        .clone()
                        .ok_or("BINGADS_CLIENT_SECRET is not set")?,
                    redirect_uri,
                    environment: c.environment,
                    endpoints: None,
                    developer_token: c.developer_token.clone(),
                    endpoint_base: None,
                    wire: options.wire,
                };
                (listener, oauth, None)
            }
        };
        let (stop_tx, stop) = watch::channel(false);
        let (log_tx, log) = mpsc::unbounded_channel();
        let state = Arc::new(AppState {
            oauth,
            sessions: Mutex::new(HashMap::new()),
            requests: AtomicUsize::new(0),
            accounts_served: AtomicUsize::new(0),
            once: options.once,
            max_requests: options.max_requests,
            timeout: options.timeout,
            stop: stop_tx,
            log: log_tx,
        });
        Ok(WebApp {
            listener,
            state,
            stop,
            log,
            emulator,
            target: target.describe(),
        })
    }

    /// The app's home page, `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        match self.listener.local_addr() {
            Ok(addr) => format!("http://{addr}/"),
            Err(_) => String::new(),
        }
    }

    /// Stops the server from elsewhere (another task, a test).
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle(self.state.clone())
    }

    /// The redirect URI registered for the app.
    pub fn redirect_uri(&self) -> &str {
        &self.state.oauth.redirect_uri
    }

    /// Serves until stopped (`--once`, `--max-requests`, or Ctrl-C), writing a line per event.
    pub async fn serve(self, out: &mut Out) -> Result<Report, ExampleError> {
        let WebApp {
            listener,
            state,
            stop,
            mut log,
            emulator,
            target,
        } = self;
        writeln!(out, "Running against {target}.");
        writeln!(
            out,
            "Web app listening on http://{}/ (redirect URI {})",
            listener.local_addr()?,
            state.oauth.redirect_uri
        );
        if emulator.is_some() {
            writeln!(
                out,
                "Sign in as {} / {}",
                bingads_emulator::USER_NAME,
                bingads_emulator::PASSWORD
            );
        }
        let app = Router::new()
            .route("/", get(home))
            .route("/login", get(login))
            .route("/callback", get(callback))
            .route("/accounts", get(accounts))
            .fallback(not_found)
            .with_state(state.clone());
        let mut stop_signal = stop;
        let timeout = state.timeout;
        let server = axum::serve(listener, app).with_graceful_shutdown(async move {
            let deadline = async {
                match timeout {
                    Some(t) => tokio::time::sleep(t).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = stop_signal.wait_for(|s| *s) => {}
                _ = tokio::signal::ctrl_c() => {}
                () = deadline => {}
            }
        });
        let mut server = std::pin::pin!(server.into_future());
        loop {
            tokio::select! {
                result = &mut server => {
                    result?;
                    break;
                }
                Some(line) = log.recv() => writeln!(out, "{line}"),
            }
        }
        while let Ok(line) = log.try_recv() {
            writeln!(out, "{line}");
        }
        let report = Report {
            requests: state.requests.load(Ordering::SeqCst),
            accounts_pages: state.accounts_served.load(Ordering::SeqCst),
        };
        writeln!(
            out,
            "Stopped after {} requests ({} accounts pages).",
            report.requests, report.accounts_pages
        );
        if let Some(emulator) = emulator {
            emulator.shutdown().await;
        }
        Ok(report)
    }
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{t}</title></head>\
         <body><h1>{t}</h1>{body}</body></html>",
        t = html_escape(title)
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

fn redirect(location: &str, cookie: Option<String>) -> Response {
    let mut response = (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response();
    if let Some(cookie) = cookie
        && let Ok(value) = cookie.parse()
    {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The session id from the request's cookie.
fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
}

fn new_session_id() -> String {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).expect("the operating system's random generator");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn home(State(app): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    app.count();
    let signed_in = session_id(&headers)
        .and_then(|id| app.sessions().get(&id).map(|s| s.grant.is_some()))
        .unwrap_or(false);
    if signed_in {
        page(
            StatusCode::OK,
            "Microsoft Advertising example",
            "<p>You are signed in. <a id=\"accounts\" href=\"/accounts\">Show my accounts</a></p>",
        )
    } else {
        page(
            StatusCode::OK,
            "Microsoft Advertising example",
            "<p><a id=\"login\" href=\"/login\">Sign in with Microsoft</a></p>",
        )
    }
}

async fn login(State(app): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    app.count();
    // The authorization URL carries a fresh random state; keep it with the session so that
    // the callback can check it. A grant that cannot be built (its configuration) or cannot
    // start (no randomness for the state) is the server's problem, not the user's.
    let started = app
        .oauth
        .grant()
        .and_then(|grant| Ok((grant.authorization_endpoint()?, grant)));
    let (url, grant) = match started {
        Ok(started) => started,
        Err(e) => {
            return page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Configuration error",
                &html_escape(&e.to_string()),
            );
        }
    };
    let (id, cookie) = match session_id(&headers).filter(|id| app.sessions().contains_key(id)) {
        Some(id) => (id, None),
        None => {
            let id = new_session_id();
            let cookie = format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Lax");
            (id, Some(cookie))
        }
    };
    {
        let mut sessions = app.sessions();
        if sessions.len() >= MAX_SESSIONS && !sessions.contains_key(&id) {
            if let Some(old) = sessions.keys().next().cloned() {
                sessions.remove(&old);
            }
        }
        sessions.entry(id).or_default().pending_state = grant.state();
    }
    app.log("GET /login: redirecting to the sign-in page".to_string());
    redirect(url.as_str(), cookie)
}

async fn callback(State(app): State<Arc<AppState>>, headers: HeaderMap, uri: Uri) -> Response {
    app.count();
    let Some(id) = session_id(&headers) else {
        return page(
            StatusCode::BAD_REQUEST,
            "Sign-in failed",
            "<p>No session: cookies must be enabled. <a href=\"/login\">Try again</a></p>",
        );
    };
    let expected_state = app
        .sessions()
        .get_mut(&id)
        .and_then(|s| s.pending_state.take());
    let grant = match app.oauth.grant() {
        Ok(g) => g,
        Err(e) => {
            return page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Configuration error",
                &html_escape(&e.to_string()),
            );
        }
    };
    // A new grant object handles the redirect: give it the state stored with the session.
    let grant = match expected_state {
        Some(state) => grant.with_state(state),
        None => grant,
    };
    let response_uri = format!(
        "{}?{}",
        app.oauth.redirect_uri,
        uri.query().unwrap_or_default()
    );
    match grant
        .request_oauth_tokens_by_response_uri(&response_uri)
        .await
    {
        Ok(tokens) => {
            app.log(format!(
                "GET /callback: signed in; access token valid for {} s",
                tokens.expires_in().map_or(0, |d| d.as_secs())
            ));
            if let Some(session) = app.sessions().get_mut(&id) {
                session.grant = Some(Arc::new(grant));
            }
            redirect("/accounts", None)
        }
        Err(AuthError::StateMismatch) => {
            app.log("GET /callback: refused, the state does not match the session's".into());
            page(
                StatusCode::BAD_REQUEST,
                "Sign-in refused",
                "<p id=\"error\">The sign-in response does not belong to this session (state \
                 mismatch): it may be forged. <a href=\"/login\">Sign in again</a></p>",
            )
        }
        Err(AuthError::AccessDenied { description }) => {
            app.log(format!("GET /callback: the user declined ({description})"));
            page(
                StatusCode::FORBIDDEN,
                "Sign-in declined",
                "<p id=\"error\">You declined the permissions this app needs. \
                 <a href=\"/login\">Sign in again</a></p>",
            )
        }
        Err(e) => {
            app.log(format!("GET /callback: sign-in failed: {e}"));
            page(
                StatusCode::BAD_GATEWAY,
                "Sign-in failed",
                &format!("<p id=\"error\">{}</p>", html_escape(&e.to_string())),
            )
        }
    }
}

async fn accounts(State(app): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    app.count();
    let grant =
        session_id(&headers).and_then(|id| app.sessions().get(&id).and_then(|s| s.grant.clone()));
    let Some(grant) = grant else {
        return redirect("/", None);
    };
    let response = match list_accounts(&app.oauth, grant).await {
        Ok(html) => {
            app.accounts_served.fetch_add(1, Ordering::SeqCst);
            page(StatusCode::OK, "Your accounts", &html)
        }
        Err(e) => {
            app.log(format!("GET /accounts failed:\n{e}"));
            page(
                StatusCode::BAD_GATEWAY,
                "Could not list the accounts",
                &format!("<pre id=\"error\">{}</pre>", html_escape(&e.to_string())),
            )
        }
    };
    if app.once && app.accounts_served.load(Ordering::SeqCst) > 0 {
        app.stop.send_replace(true);
    }
    response
}

async fn list_accounts(
    oauth: &OAuthApp,
    grant: Arc<OAuthWebAuthCodeGrant>,
) -> Result<String, ExampleError> {
    let authentication: Arc<dyn Authentication> = grant;
    let auth = AuthorizationData::with_shared(authentication, oauth.developer_token.clone());
    let mut builder = Client::builder(auth, oauth.environment).wire(oauth.wire);
    if let Some(base) = &oauth.endpoint_base {
        builder = builder.endpoint_base(base.clone());
    }
    let customers = builder.build()?.customer_management()?;
    let user = customers
        .get_user(&GetUserRequest {
            user_id: Nillable::Nil,
        })
        .await?;
    let me = user.value.user.value();
    let user_id = me.and_then(|u| u.id.value().copied()).unwrap_or_default();
    let reply = customers
        .search_accounts(&SearchAccountsRequest {
            predicates: Nillable::Value(vec![Some(Predicate {
                field: "UserId".into(),
                operator: Some(PredicateOperator::Equals),
                value: user_id.to_string().into(),
            })]),
            page_info: Nillable::Value(Paging {
                index: Some(0),
                size: Some(100),
            }),
            ..Default::default()
        })
        .await?;
    let mut html = format!(
        "<p>Signed in as <span id=\"user\">{}</span> (user {user_id}).</p><table id=\"accounts\">\
         <tr><th>Id</th><th>Number</th><th>Name</th><th>Customer</th></tr>",
        html_escape(me.map_or("-", |u| text(&u.user_name)))
    );
    let accounts: Vec<_> = reply
        .value
        .accounts
        .value()
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    for a in &accounts {
        html.push_str(&format!(
            "<tr class=\"account\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            a.id.value().copied().unwrap_or_default(),
            html_escape(text(&a.number)),
            html_escape(text(&a.name)),
            a.parent_customer_id.unwrap_or_default()
        ));
    }
    html.push_str(&format!(
        "</table><p>{} accounts. TrackingId {}</p>",
        accounts.len(),
        html_escape(reply.tracking_id.as_deref().unwrap_or("-"))
    ));
    Ok(html)
}

async fn not_found(State(app): State<Arc<AppState>>) -> Response {
    app.count();
    page(StatusCode::NOT_FOUND, "Not found", "")
}
