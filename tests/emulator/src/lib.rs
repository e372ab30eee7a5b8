//! A local emulator of the Microsoft Advertising (Bing Ads) API v13 and of the Microsoft
//! identity platform's OAuth endpoints, for tests, examples and the `bingads emulator` CLI.
//!
//! # Why an emulator
//!
//! The real service needs an account, a developer token and a browser sign-in, and it cannot
//! be made to fail on purpose. Tests of the SDK need the opposite: a server that is always
//! there, starts in milliseconds, speaks exactly the SOAP and the REST JSON the generated
//! types speak, keeps state across calls so that an add can be read back, and misbehaves on
//! request (expired tokens, throttling, 503s, cut responses, dropped connections). This crate
//! is that server.
//!
//! It is a real HTTP/1.1 server on `127.0.0.1`, not a mock behind a trait: the SDK's own
//! transport (connection pool, TLS-less HTTP, headers, body limits) is exercised end to end.
//!
//! # Two wires, one service
//!
//! Every operation is served on both wires the real service has, over the same state:
//!
//! - **SOAP** at the production endpoint paths
//!   (`/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc`, ...), so a
//!   client only swaps scheme, host and port ([`Emulator::service_url`]);
//! - **REST** at each operation's route from the generated metadata (`POST
//!   /CampaignManagement/v13/Campaigns/QueryByAccountId`, `PUT` and `DELETE` on
//!   `/CampaignManagement/v13/Campaigns`, ...), all services under one host
//!   ([`Emulator::rest_base_url`]). Credentials come as HTTP headers (`Authorization: Bearer`,
//!   or the legacy `UserName`/`Password`; `DeveloperToken`, `CustomerId`,
//!   `CustomerAccountId`), bodies are JSON read strictly with the generated codec (an
//!   unknown member is an error naming the closest one), answers are JSON with a
//!   `TrackingId` response header, and faults are the service's detail types as JSON with
//!   their `Type` (`AdApiFaultDetail`, `ApiFaultDetail` with `OperationErrors` and
//!   `BatchErrors`, `ApiFault`) under HTTP 401 (credentials), 403 (access), 400 (the
//!   request's own errors) or 500 (internal errors and throttling: 117, 207, 4204, whose
//!   codes clients key on).
//!
//! The operation handlers are wire-neutral: each front decodes the request for its wire, a
//! typed handler runs on the generated request type, and the answer is encoded for the same
//! wire. A handler added to the dispatch table serves both wires.
//!
//! # What it checks, and where it is stricter than the service
//!
//! SOAP requests are decoded with the generated types in *strict order* mode: an element sent
//! out of schema order is a fault here, while the real service silently ignores it (a bug that
//! only shows up as "my field was not saved"). The `Content-Type` (`text/xml`) and `SOAPAction`
//! headers are checked, and the SOAP headers each operation's binding declares are
//! validated: the developer token, the OAuth access token (issued by the emulator's own
//! token endpoint; unknown → 105 `InvalidCredentials`, expired → 109
//! `AuthenticationTokenExpired`) or the legacy `UserName`/`Password` pair, and for Campaign
//! Management the `CustomerAccountId`/`CustomerId` headers.
//!
//! *Header rule for Campaign Management:* every implemented operation requires
//! `CustomerAccountId` (missing → 1030 `CampaignServiceAccountIdHasToBeSpecified`; not a
//! number → 1102 `CampaignServiceInvalidAccountId`; an account the user cannot access → 106
//! `UserIsNotAuthorized`). `CustomerId` is optional (the service infers it), but when sent it
//! must be the account's customer (not a number → 1490 `CampaignServiceInvalidCustomerId`;
//! another customer → 106). A body `AccountId` must equal the `CustomerAccountId` header
//! (otherwise 1102).
//!
//! Errors carry the service's real numeric codes and symbolic names (see [`errors`]), in the
//! fault detail type the service uses: `AdApiFaultDetail` for authentication and throttling,
//! `ApiFaultDetail` (Campaign Management, Reporting, Bulk, Ad Insight) or `ApiFault`
//! (Customer Management, Customer Billing) with `OperationErrors` for request-level
//! validation, and `PartialErrors` (`BatchError` with `Index`) for item-level validation,
//! where valid items still succeed.
//!
//! # State
//!
//! One user ([`USER_NAME`], [`PASSWORD`], [`USER_ID`]) of one customer ([`CUSTOMER_ID`]) with
//! two accounts ([`ACCOUNT_ID`], [`SECOND_ACCOUNT_ID`]). Budgets, campaigns, ad groups,
//! keywords and ads live in memory for the emulator's lifetime. New ids come from a counter
//! that starts above 2^53 and steps by two, so every id is an odd number no `f64` can hold:
//! a client that routes an id through a float (or an `i32`) breaks visibly.
//!
//! # Failure injection
//!
//! [`Emulator::inject`] queues one-shot or counted failures for the next API calls on either
//! wire, optionally only for one operation: faults with the real codes (109, 117, 207, 4204)
//! in the wire's fault form, HTTP 500/503 with an HTML body, a delay, a truncated or
//! malformed response body (XML or JSON), or a TCP connection closed without any response.
//! [`Emulator::requests`] records every API call and
//! [`Emulator::connections_accepted`] counts TCP connections (the emulator runs its own accept
//! loop for that), so a test can prove a client reuses one connection.
//!
//! # Bounds
//!
//! Request bodies are limited ([`EmulatorConfig::max_body_bytes`], 16 MiB by default),
//! concurrent connections, pending authorizations, issued tokens and recorded requests are
//! capped, and XML nesting depth is bounded by the decoder. A malformed request is a fault or
//! an HTTP error, never a panic.

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bingads_gen::soap::ServiceMeta;
use tokio::sync::watch;
use tokio::task::JoinHandle;

mod api;
mod bulk;
pub mod errors;
mod exchange;
mod inject;
mod oauth;
pub mod report_file;
mod reports;
mod rest;
mod server;
mod soap;
mod state;
mod util;

pub use bulk::{BulkFault, RecordedUpload};
pub use inject::{Injection, InjectionRule};
pub use oauth::{ConsentError, TokenSet};
pub use reports::{ReportBehavior, ReportOutcome};
pub use state::RecordedRequest;

/// The developer token the emulator accepts by default.
pub const DEVELOPER_TOKEN: &str = "EMULATOR0DEVELOPER0TOKEN";
/// The seeded user's sign-in name (for the consent page and the legacy `UserName` header).
pub const USER_NAME: &str = "emulator.user@example.com";
/// The seeded user's password.
pub const PASSWORD: &str = "emulator-password";
/// The seeded user's id.
pub const USER_ID: i64 = 9_007_199_254_750_001;
/// The seeded customer (manager account) id.
pub const CUSTOMER_ID: i64 = 9_007_199_254_760_001;
/// The seeded customer's number.
pub const CUSTOMER_NUMBER: &str = "C0001234";
/// The first seeded ad account.
pub const ACCOUNT_ID: i64 = 9_007_199_254_770_001;
/// The first seeded ad account's number.
pub const ACCOUNT_NUMBER: &str = "X0001234";
/// The first seeded ad account's name.
pub const ACCOUNT_NAME: &str = "Emulator Account One";
/// The second seeded ad account.
pub const SECOND_ACCOUNT_ID: i64 = 9_007_199_254_770_003;
/// The second seeded ad account's number.
pub const SECOND_ACCOUNT_NUMBER: &str = "X0001235";
/// The second seeded ad account's name.
pub const SECOND_ACCOUNT_NAME: &str = "Emulator Account Two";
/// Where new entity ids start (odd and above 2^53; ids step by two).
pub const FIRST_ENTITY_ID: i64 = 9_007_199_254_800_001;

/// The confidential web client's id.
pub const WEB_CLIENT_ID: &str = "6f1c3e0a-2f6b-4c1e-9d3a-0e5b7c2a9f11";
/// The confidential web client's secret.
pub const WEB_CLIENT_SECRET: &str = "emulator-web-client-secret";
/// The web client's registered redirect URI (any `http://127.0.0.1:PORT/...` or
/// `http://localhost:PORT/...` is accepted too).
pub const WEB_REDIRECT_URI: &str = "http://localhost:8080/oauth/callback";
/// The public desktop client's id (no secret; PKCE recommended).
pub const DESKTOP_CLIENT_ID: &str = "1d8f6c52-0b5f-4a4e-8e1c-3f7a2b9c5d20";
/// The native-client redirect URI of the Microsoft identity platform, registered for the
/// desktop client (as are loopback redirects on any port).
pub const NATIVE_REDIRECT_URI: &str =
    "https://login.microsoftonline.com/common/oauth2/nativeclient";
/// The Microsoft Advertising API scope.
pub const ADS_SCOPE: &str = "https://ads.microsoft.com/msads.manage";
/// The tenant segment the URL helpers use (any tenant is accepted).
pub const TENANT: &str = "common";

/// Where an OAuth client may be sent back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectRule {
    /// Exactly this URI.
    Exact(String),
    /// `http://127.0.0.1:*`, `http://localhost:*` or `http://[::1]:*`, any port and path
    /// (RFC 8252 loopback redirects for native apps).
    LoopbackAnyPort,
}

/// A registered OAuth client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthClient {
    pub client_id: String,
    /// `Some` for confidential clients, which must authenticate at the token endpoint.
    pub client_secret: Option<String>,
    pub redirect_uris: Vec<RedirectRule>,
}

impl OAuthClient {
    /// The default confidential web client.
    pub fn web() -> Self {
        OAuthClient {
            client_id: WEB_CLIENT_ID.into(),
            client_secret: Some(WEB_CLIENT_SECRET.into()),
            redirect_uris: vec![
                RedirectRule::Exact(WEB_REDIRECT_URI.into()),
                RedirectRule::LoopbackAnyPort,
            ],
        }
    }

    /// The default public desktop client.
    pub fn desktop() -> Self {
        OAuthClient {
            client_id: DESKTOP_CLIENT_ID.into(),
            client_secret: None,
            redirect_uris: vec![
                RedirectRule::Exact(NATIVE_REDIRECT_URI.into()),
                RedirectRule::LoopbackAnyPort,
            ],
        }
    }

    pub(crate) fn allows_redirect(&self, uri: &str) -> bool {
        self.redirect_uris.iter().any(|rule| match rule {
            RedirectRule::Exact(u) => u == uri,
            RedirectRule::LoopbackAnyPort => is_loopback_redirect(uri),
        })
    }
}

fn is_loopback_redirect(uri: &str) -> bool {
    match url::Url::parse(uri) {
        Ok(u) => {
            u.scheme() == "http"
                && u.fragment().is_none()
                && matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
        }
        Err(_) => false,
    }
}

/// Settings of one emulator instance. `EmulatorConfig::default()` gives the documented seed
/// data and clients; the `with_*` methods adjust it.
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    /// TCP port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    pub developer_token: String,
    pub user_name: String,
    pub password: String,
    pub clients: Vec<OAuthClient>,
    /// Lifetime of issued access tokens (`expires_in`).
    pub access_token_lifetime: Duration,
    /// Lifetime of authorization codes.
    pub code_lifetime: Duration,
    /// Invalidate a refresh token once it has been redeemed (each redemption returns a new
    /// one either way). Stricter than the identity platform, which keeps old refresh tokens
    /// valid for a while: it catches clients that do not store the rotated token.
    pub revoke_used_refresh_tokens: bool,
    /// Reject SOAP request elements sent out of schema order (the real service drops them).
    pub strict_order: bool,
    /// Largest accepted request body.
    pub max_body_bytes: usize,
    /// Most recorded API requests kept (oldest dropped first).
    pub max_recorded_requests: usize,
    /// Most request-body bytes the recorded requests may hold together (oldest dropped
    /// first; the latest request is always kept).
    pub max_recorded_body_bytes: usize,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            port: 0,
            developer_token: DEVELOPER_TOKEN.into(),
            user_name: USER_NAME.into(),
            password: PASSWORD.into(),
            clients: vec![OAuthClient::web(), OAuthClient::desktop()],
            access_token_lifetime: Duration::from_secs(3600),
            code_lifetime: Duration::from_secs(600),
            revoke_used_refresh_tokens: true,
            strict_order: true,
            max_body_bytes: 16 * 1024 * 1024,
            max_recorded_requests: 10_000,
            max_recorded_body_bytes: 64 * 1024 * 1024,
        }
    }
}

impl EmulatorConfig {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    pub fn with_developer_token(mut self, token: impl Into<String>) -> Self {
        self.developer_token = token.into();
        self
    }

    pub fn with_access_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.access_token_lifetime = lifetime;
        self
    }

    pub fn with_code_lifetime(mut self, lifetime: Duration) -> Self {
        self.code_lifetime = lifetime;
        self
    }

    /// Registers another OAuth client (replacing one with the same id).
    pub fn with_client(mut self, client: OAuthClient) -> Self {
        self.clients.retain(|c| c.client_id != client.client_id);
        self.clients.push(client);
        self
    }

    pub fn with_strict_order(mut self, strict: bool) -> Self {
        self.strict_order = strict;
        self
    }

    pub fn with_revoke_used_refresh_tokens(mut self, revoke: bool) -> Self {
        self.revoke_used_refresh_tokens = revoke;
        self
    }

    pub fn with_max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }
}

/// A running emulator. Dropping it (or [`Emulator::shutdown`]) stops the server: no new
/// connections are accepted and open ones are closed once their current request is done.
#[derive(Debug)]
pub struct Emulator {
    shared: Arc<state::Shared>,
    addr: SocketAddr,
    shutdown: ShutdownHandle,
    task: Option<JoinHandle<()>>,
}

/// Stops an emulator from elsewhere (a signal handler, another task). Cloneable.
#[derive(Debug, Clone)]
pub struct ShutdownHandle {
    tx: Arc<watch::Sender<bool>>,
}

impl ShutdownHandle {
    /// Asks the server to stop; returns at once.
    pub fn shutdown(&self) {
        self.tx.send_replace(true);
    }
}

impl Emulator {
    /// Starts an emulator with the default configuration on a free port of 127.0.0.1.
    pub async fn start() -> std::io::Result<Emulator> {
        Self::start_with(EmulatorConfig::default()).await
    }

    /// Starts an emulator with `config` (its `port`, 0 for any free one, on 127.0.0.1).
    pub async fn start_with(config: EmulatorConfig) -> std::io::Result<Emulator> {
        let listener =
            tokio::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, config.port)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(state::Shared::new(config));
        let _ = shared.base_url.set(format!("http://{addr}"));
        let (tx, rx) = watch::channel(false);
        let app = server::router(shared.clone());
        let task = tokio::spawn(server::accept_loop(listener, app, shared.clone(), rx));
        tracing::debug!(%addr, "bingads emulator listening");
        Ok(Emulator {
            shared,
            addr,
            shutdown: ShutdownHandle { tx: Arc::new(tx) },
            task: Some(task),
        })
    }

    /// Runs an emulator in the foreground until Ctrl-C (what `bingads emulator --port N`
    /// does): starts it with `config`, calls `on_ready` with it (to print the URLs), waits for
    /// the signal and shuts down gracefully.
    pub async fn serve(
        config: EmulatorConfig,
        on_ready: impl FnOnce(&Emulator),
    ) -> std::io::Result<()> {
        let mut emulator = Self::start_with(config).await?;
        on_ready(&emulator);
        let handle = emulator.shutdown_handle();
        tokio::select! {
            signal = tokio::signal::ctrl_c() => {
                handle.shutdown();
                signal?;
            }
            () = emulator.wait() => {}
        }
        emulator.shutdown().await;
        Ok(())
    }

    /// How the next submitted reports behave (polls before the final status, outcome, rows,
    /// download URL lifetime, URLs handed out already expired).
    pub fn set_report_behavior(&self, behavior: ReportBehavior) {
        state::lock(&self.shared.reports).behavior = behavior;
    }

    /// Report files downloaded so far.
    pub fn report_downloads(&self) -> u64 {
        state::lock(&self.shared.reports).downloads
    }

    /// The listening address.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The emulated endpoint of `service`: its production URL with scheme, host and port
    /// replaced, e.g. `http://127.0.0.1:PORT/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc`.
    pub fn service_url(&self, service: &ServiceMeta) -> String {
        format!("{}{}", self.base_url(), server::service_path(service))
    }

    /// The emulated REST base URL of `service` (what its production REST base,
    /// e.g. `https://campaign.api.bingads.microsoft.com`, becomes): `http://127.0.0.1:PORT`
    /// for every service, since the REST paths of all services are distinct.
    pub fn rest_base_url(&self, service: &ServiceMeta) -> String {
        let _ = service;
        self.base_url()
    }

    /// `http://127.0.0.1:PORT/common/oauth2/v2.0/authorize`.
    pub fn authorize_url(&self) -> String {
        format!("{}/{TENANT}/oauth2/v2.0/authorize", self.base_url())
    }

    /// `http://127.0.0.1:PORT/common/oauth2/v2.0/token`.
    pub fn token_url(&self) -> String {
        format!("{}/{TENANT}/oauth2/v2.0/token", self.base_url())
    }

    pub fn config(&self) -> &EmulatorConfig {
        &self.shared.config
    }

    /// Queues a failure for upcoming API calls on either wire (see [`Injection`]). Rules are consumed in
    /// the order they were queued; each call consumes at most one.
    pub fn inject(&self, rule: impl Into<InjectionRule>) {
        self.shared.push_injection(rule.into());
    }

    /// Queues a bulk fault for the next bulk operation (or the next result file download, for
    /// [`BulkFault::DroppedDownload`]). Throttling (4204) is an [`Injection::BulkThrottled`].
    pub fn inject_bulk(&self, fault: BulkFault) {
        state::lock(&self.shared.bulk).push_fault(fault);
    }

    /// Every POST the bulk upload endpoint received, oldest first.
    pub fn bulk_uploads(&self) -> Vec<RecordedUpload> {
        state::lock(&self.shared.bulk).uploads.clone()
    }

    /// Drops every queued injection.
    pub fn clear_injections(&self) {
        self.shared.clear_injections();
        state::lock(&self.shared.bulk).clear_faults();
    }

    /// How many injections are still queued (a counted rule counts once).
    pub fn pending_injections(&self) -> usize {
        self.shared.pending_injections()
    }

    /// Makes every access token issued so far expired (calls with them fault with 109);
    /// refresh tokens stay valid.
    pub fn expire_access_tokens(&self) {
        self.shared.expire_access_tokens();
    }

    /// Issues tokens directly, as if `client_id` had completed a consent for the seeded user
    /// with `scope` (a refresh token is included when `scope` has `offline_access`). For
    /// tests that need a token but do not test the OAuth flow.
    pub fn issue_tokens(&self, client_id: &str, scope: &str) -> TokenSet {
        self.shared.issue_tokens(client_id, scope)
    }

    /// Completes the consent page of `authorize_url` (a full URL to this emulator's authorize
    /// endpoint with its query) as the seeded user would by clicking *Accept*, and returns the
    /// redirect location (`redirect_uri?code=..&state=..` or `#access_token=..`). For driving
    /// OAuth flows without an HTML parser.
    pub fn approve_consent(&self, authorize_url: &str) -> Result<String, ConsentError> {
        oauth::complete_consent(&self.shared, authorize_url, true)
    }

    /// Like [`Self::approve_consent`], clicking *Deny*: the location carries
    /// `error=access_denied`.
    pub fn deny_consent(&self, authorize_url: &str) -> Result<String, ConsentError> {
        oauth::complete_consent(&self.shared, authorize_url, false)
    }

    /// Every recorded API call (SOAP or REST), oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    pub fn clear_requests(&self) {
        self.shared.clear_requests();
    }

    /// TCP connections accepted since start.
    pub fn connections_accepted(&self) -> u64 {
        self.shared.connections_accepted()
    }

    /// How many requests reached the token endpoint (any grant, successful or not).
    pub fn token_requests(&self) -> u64 {
        self.shared.token_requests()
    }

    pub fn shutdown_handle(&self) -> ShutdownHandle {
        self.shutdown.clone()
    }

    /// Waits until the server has stopped (after a [`ShutdownHandle::shutdown`]).
    pub async fn wait(&mut self) {
        if let Some(task) = self.task.as_mut() {
            let _ = task.await;
            self.task = None;
        }
    }

    /// Stops accepting connections, lets in-flight requests finish (up to a few seconds) and
    /// returns when the server is down.
    pub async fn shutdown(mut self) {
        self.shutdown.shutdown();
        self.wait().await;
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.shutdown.shutdown();
    }
}
