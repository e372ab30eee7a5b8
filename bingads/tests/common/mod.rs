//! Shared helpers of the end-to-end tests: the emulator on 127.0.0.1:0, `Client`s pointed at
//! it (legacy password or OAuth authentication), retry policies, requests and checks.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bingads::auth::{
    Authentication, OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints, OAuthTokens,
    PasswordAuthentication,
};
use bingads::v13::campaign_management as cm;
use bingads::{AuthorizationData, Client, Environment, Nillable, RetryPolicy, SecretString, Wire};
use bingads_emulator::{
    ACCOUNT_ID, ADS_SCOPE, CUSTOMER_ID, DESKTOP_CLIENT_ID, DEVELOPER_TOKEN, Emulator, PASSWORD,
    RecordedRequest, TENANT, TokenSet, USER_NAME,
};

/// Runs each `async fn name(wire: Wire)` once per wire, as the tests `name::soap` and
/// `name::rest` (a module and a function may share a name); a leading `(...)` is passed to
/// `#[tokio::test(...)]`.
#[macro_export]
macro_rules! both_wires {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn soap() {
                super::$name(bingads::Wire::Soap).await
            }

            #[tokio::test]
            async fn rest() {
                super::$name(bingads::Wire::Rest).await
            }
        }
    )*};
    ($attrs:tt $($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test $attrs]
            async fn soap() {
                super::$name(bingads::Wire::Soap).await
            }

            #[tokio::test $attrs]
            async fn rest() {
                super::$name(bingads::Wire::Rest).await
            }
        }
    )*};
}

/// An emulator with the default configuration on a free loopback port.
pub async fn emulator() -> Emulator {
    Emulator::start().await.expect("the emulator starts")
}

/// Authorization data for the seeded customer and first account.
pub fn authorization(auth: impl Authentication) -> AuthorizationData {
    AuthorizationData::new(auth, DEVELOPER_TOKEN)
        .with_customer_id(CUSTOMER_ID)
        .with_account_id(ACCOUNT_ID)
}

/// A client for `authorization` on `wire`, sending to the emulator.
pub fn client_for(
    emu: &Emulator,
    authorization: AuthorizationData,
    policy: RetryPolicy,
    wire: Wire,
) -> Client {
    Client::builder(authorization, Environment::Production)
        .endpoint_base(emu.base_url())
        .wire(wire)
        .retry_policy(policy)
        .build()
        .expect("the client builds")
}

/// A client signed in with the seeded user's legacy user name and password (no token
/// requests, so every TCP connection the emulator sees is a service call's).
pub fn password_client(emu: &Emulator, policy: RetryPolicy, wire: Wire) -> Client {
    client_for(
        emu,
        authorization(PasswordAuthentication::new(USER_NAME, PASSWORD)),
        policy,
        wire,
    )
}

/// An OAuth desktop grant pointed at the emulator's token endpoint, starting from tokens the
/// emulator issued, that records every refresh it reports through `on_tokens_refreshed`.
pub struct OAuth {
    pub grant: Arc<OAuthDesktopMobileAuthCodeGrant>,
    /// The tokens handed to the grant at the start.
    pub initial: TokenSet,
    /// Every token set `on_tokens_refreshed` received, in order.
    pub refreshed: Arc<Mutex<Vec<OAuthTokens>>>,
}

impl OAuth {
    pub fn new(emu: &Emulator) -> OAuth {
        let initial = emu.issue_tokens(DESKTOP_CLIENT_ID, &format!("{ADS_SCOPE} offline_access"));
        let refreshed = Arc::new(Mutex::new(Vec::new()));
        let sink = refreshed.clone();
        let endpoints =
            OAuthEndpoints::microsoft_at(&emu.base_url(), TENANT, Environment::Production)
                .expect("loopback endpoints are accepted");
        let grant =
            OAuthDesktopMobileAuthCodeGrant::new(DESKTOP_CLIENT_ID, Environment::Production)
                .with_endpoints(endpoints)
                .expect("loopback endpoints are accepted")
                .with_tokens(OAuthTokens::new(
                    initial.access_token.as_str(),
                    initial.refresh_token.clone().map(SecretString::new),
                    Some(Duration::from_secs(initial.expires_in)),
                ))
                .on_tokens_refreshed(move |tokens| sink.lock().unwrap().push(tokens.clone()));
        OAuth {
            grant: Arc::new(grant),
            initial,
            refreshed,
        }
    }

    /// How many refreshes the grant reported.
    pub fn refresh_count(&self) -> usize {
        self.refreshed.lock().unwrap().len()
    }

    /// The access token the grant holds now.
    pub fn access_token(&self) -> String {
        self.grant
            .tokens()
            .expect("the grant has tokens")
            .access_token
            .expose()
            .to_string()
    }

    /// A client using this grant (shared, so refreshes are seen by every client built here).
    pub fn client(&self, emu: &Emulator, policy: RetryPolicy, wire: Wire) -> Client {
        let auth = AuthorizationData::with_shared(self.grant.clone(), DEVELOPER_TOKEN)
            .with_customer_id(CUSTOMER_ID)
            .with_account_id(ACCOUNT_ID);
        client_for(emu, auth, policy, wire)
    }
}

/// Retries with waits of a few milliseconds and no jitter.
pub fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        base_delay: Duration::from_millis(5),
        throttle_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        retry_non_idempotent: false,
        jitter: false,
    }
}

/// An HTTP client that arms no timer at all (no timeouts, no idle-connection reaper), for
/// tests on tokio's paused clock: with no timer pending, the runtime waits for socket I/O
/// for real instead of jumping the clock forward, so the only timers the clock advances to
/// are the retry waits. (With the SDK's default client, an answer that takes real time lets
/// the paused clock jump straight to the pending request timeout: a spurious
/// `Error::Timeout`, seen when the server runs on another thread.)
pub fn timerless_http() -> reqwest::Client {
    reqwest::Client::builder()
        .tls_backend_preconfigured(bingads::http::tls_config().expect("TLS config"))
        .pool_idle_timeout(None)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("the HTTP client builds")
}

/// A campaign the emulator accepts.
pub fn campaign(name: &str) -> cm::Campaign {
    cm::Campaign {
        name: name.into(),
        daily_budget: Nillable::Value(25.0),
        budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
        time_zone: "EasternTimeUSCanada".into(),
        ..Default::default()
    }
}

pub fn add_campaigns(campaigns: Vec<Option<cm::Campaign>>) -> cm::AddCampaignsRequest {
    cm::AddCampaignsRequest {
        account_id: Some(ACCOUNT_ID),
        campaigns: Nillable::Value(campaigns),
    }
}

pub fn get_campaigns() -> cm::GetCampaignsByAccountIdRequest {
    cm::GetCampaignsByAccountIdRequest {
        account_id: Some(ACCOUNT_ID),
        ..Default::default()
    }
}

/// The campaigns of the first account, by name.
pub async fn campaign_names(client: &Client) -> Vec<String> {
    let reply = client
        .campaign_management()
        .unwrap()
        .get_campaigns_by_account_id(&get_campaigns())
        .await
        .expect("GetCampaignsByAccountId");
    reply
        .value
        .campaigns
        .value()
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|c| c.name.value().cloned())
        .collect()
}

/// The recorded SOAP calls of one operation.
pub fn requests_for(emu: &Emulator, operation: &str) -> Vec<RecordedRequest> {
    emu.requests()
        .into_iter()
        .filter(|r| r.operation == operation)
        .collect()
}

/// Whether `s` looks like the service's tracking ids (a GUID in 8-4-4-4-12 form).
pub fn is_guid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Asserts that a reply or error carries a GUID tracking id and returns it.
#[track_caller]
pub fn tracking(id: Option<&str>) -> String {
    let id = id.expect("a TrackingId");
    assert!(is_guid(id), "TrackingId {id:?} is not a GUID");
    id.to_string()
}

/// Asserts that an id is one no `f64` can hold exactly (above 2^53 and odd), as the
/// emulator's ids are.
#[track_caller]
pub fn assert_exact_id(id: i64) {
    assert!(id > 1 << 53, "{id} is not above 2^53");
    assert_ne!(id as f64 as i64, id, "{id} survived a trip through f64");
}
