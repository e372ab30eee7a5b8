//! No secret ever shows: every public value that can hold a credential is formatted with
//! `{:?}` (and `{}` where it has `Display`) with real-looking secrets in it, and everything
//! traced at TRACE level, for every target (the `log` records of reqwest and others
//! included), during a full OAuth sign-in, calls, a 109 refresh and retries, is searched for
//! the secrets in play.

#[macro_use]
mod common;

use bingads::Wire;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use bingads::auth::{
    AuthError, GoogleOAuthDesktopMobileAuthCodeGrant, GoogleOAuthWebAuthCodeGrant,
    OAuthDesktopMobileAuthCodeGrant, OAuthDesktopMobileImplicitGrant, OAuthEndpoints, OAuthTokens,
    OAuthWebAuthCodeGrant, PasswordAuthentication,
};
use bingads::v13::customer_management::{self as cust, GetUserRequest};
use bingads::{AuthorizationData, Client, Environment, Error, RetryPolicy, SecretString};
use bingads_emulator::{
    ACCOUNT_ID, CUSTOMER_ID, DESKTOP_CLIENT_ID, Emulator, EmulatorConfig, Injection, InjectionRule,
    OAuthClient, RedirectRule, TENANT, USER_NAME, WEB_CLIENT_ID,
};

// Real-looking credentials (shapes of Microsoft's access and refresh tokens, a developer
// token, an Entra client secret, a password).
const ACCESS_TOKEN: &str =
    "EwBIBMl6BAAUBKgm8k1UswUNwklmy2v7U/S+1fEAAZK2Wb7lBUFDSvPZNMcStZ9nWqj4QB3iVvjPoPHhCkQ1Xt";
const REFRESH_TOKEN: &str =
    "M.C552_BAY.0.U.-Cs3k2x9NoTq5yRfXkVgWl8aJd7Hb!zPqRmK0cYtL4vE*FgS2nU$wIoA6hB1jD9uC";
const DEVELOPER_TOKEN: &str = "BBD37VB98KQ2X7ZT";
const CLIENT_SECRET: &str = "Xq~8Q~pL2vN7cK4mR9sT1wY6zB3dF5gH0jAeUi";
const WRONG_CLIENT_SECRET: &str = "Zt~3Q~aB9cD8eF7gH6iJ5kL4mN3oP2qR1sTuVw";
const PASSWORD: &str = "Correct-Horse-Battery-Staple-74!";
const REDIRECT_URI: &str = "http://127.0.0.1:8400/oauth/callback";

// ---------------------------------------------------------------------------------------------
// Captured tracing output
// ---------------------------------------------------------------------------------------------

#[derive(Clone)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs (once per test binary) a global TRACE subscriber for every target, `log` records
/// included, writing into a buffer; span closings are written with the span's fields.
fn captured() -> Arc<Mutex<Vec<u8>>> {
    static BUFFER: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    BUFFER
        .get_or_init(|| {
            let buffer = Arc::new(Mutex::new(Vec::new()));
            let sink = Sink(buffer.clone());
            tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
                .with_ansi(false)
                .with_writer(move || sink.clone())
                .try_init()
                .expect("the global subscriber (and log bridge) installs");
            buffer
        })
        .clone()
}

fn captured_text() -> String {
    String::from_utf8_lossy(&captured().lock().unwrap()).into_owned()
}

/// Asserts that no secret appears in `text` (`what` names the text in the message).
#[track_caller]
fn assert_no_secret(what: &str, text: &str, secrets: &[String]) {
    for secret in secrets {
        assert!(!secret.is_empty());
        if let Some(at) = text.find(secret.as_str()) {
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            panic!(
                "{what} shows a secret ({} chars): {}",
                secret.len(),
                &text[start..end]
            );
        }
    }
}

/// `{:?}` and `{}` of an error and of every error in its source chain.
fn error_texts(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = format!("{e:?}\n{e}\n");
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(&format!("{s:?}\n{s}\n"));
        source = s.source();
    }
    out
}

fn fixed_secrets() -> Vec<String> {
    [
        ACCESS_TOKEN,
        REFRESH_TOKEN,
        DEVELOPER_TOKEN,
        CLIENT_SECRET,
        WRONG_CLIENT_SECRET,
        PASSWORD,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn stored_tokens() -> OAuthTokens {
    OAuthTokens::new(
        ACCESS_TOKEN,
        Some(SecretString::new(REFRESH_TOKEN)),
        Some(Duration::from_secs(3600)),
    )
}

/// An emulator that knows this file's developer token, password and web client secret.
async fn emulator() -> Emulator {
    let mut config = EmulatorConfig::new()
        .with_developer_token(DEVELOPER_TOKEN)
        .with_client(OAuthClient {
            client_id: WEB_CLIENT_ID.into(),
            client_secret: Some(CLIENT_SECRET.into()),
            redirect_uris: vec![RedirectRule::LoopbackAnyPort],
        });
    config.password = PASSWORD.into();
    Emulator::start_with(config)
        .await
        .expect("the emulator starts")
}

fn endpoints(emu: &Emulator) -> OAuthEndpoints {
    OAuthEndpoints::microsoft_at(&emu.base_url(), TENANT, Environment::Production).unwrap()
}

fn web_grant(emu: &Emulator, secret: &str) -> OAuthWebAuthCodeGrant {
    OAuthWebAuthCodeGrant::new(WEB_CLIENT_ID, secret, REDIRECT_URI, Environment::Production)
        .with_endpoints(endpoints(emu))
        .unwrap()
}

/// The `code` parameter of a redirect location.
fn code_of(location: &str) -> String {
    url::Url::parse(location)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("a code")
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

async fn no_public_value_formats_a_secret(wire: Wire) {
    captured();
    let emu = emulator().await;
    let mut secrets = fixed_secrets();
    let mut shown = String::new();
    let mut show = |what: &str, text: String| {
        shown.push_str(what);
        shown.push_str(": ");
        shown.push_str(&text);
        shown.push('\n');
    };

    // Credentials and the values that carry them.
    let secret = SecretString::new(PASSWORD);
    show("SecretString", format!("{secret:?} {secret}"));
    let tokens = stored_tokens();
    show("OAuthTokens", format!("{tokens:?}"));
    let password = PasswordAuthentication::new(USER_NAME, PASSWORD);
    show("PasswordAuthentication", format!("{password:?}"));

    let web = web_grant(&emu, CLIENT_SECRET).with_tokens(stored_tokens());
    web.authorization_endpoint().unwrap();
    show("OAuthWebAuthCodeGrant", format!("{web:?}"));
    let desktop = OAuthDesktopMobileAuthCodeGrant::new(DESKTOP_CLIENT_ID, Environment::Sandbox)
        .with_tokens(stored_tokens());
    // Generates the PKCE verifier, which is a secret too (its challenge is not).
    desktop.authorization_endpoint().unwrap();
    show("OAuthDesktopMobileAuthCodeGrant", format!("{desktop:?}"));
    let implicit = OAuthDesktopMobileImplicitGrant::new(DESKTOP_CLIENT_ID, Environment::Production)
        .with_tokens(OAuthTokens::new(ACCESS_TOKEN, None, None));
    show("OAuthDesktopMobileImplicitGrant", format!("{implicit:?}"));
    let google_desktop = GoogleOAuthDesktopMobileAuthCodeGrant::new("google-client")
        .with_client_secret(CLIENT_SECRET)
        .with_tokens(stored_tokens());
    show(
        "GoogleOAuthDesktopMobileAuthCodeGrant",
        format!("{google_desktop:?}"),
    );
    let google_web =
        GoogleOAuthWebAuthCodeGrant::new("google-client", CLIENT_SECRET, "https://app/cb")
            .with_tokens(stored_tokens());
    show("GoogleOAuthWebAuthCodeGrant", format!("{google_web:?}"));

    let web = Arc::new(web);
    let authorization = AuthorizationData::with_shared(web.clone(), DEVELOPER_TOKEN)
        .with_customer_id(CUSTOMER_ID)
        .with_account_id(ACCOUNT_ID);
    show("AuthorizationData", format!("{authorization:?}"));
    let builder = Client::builder(authorization.clone(), Environment::Production)
        .endpoint_base(emu.base_url())
        .wire(wire)
        .retry_policy(RetryPolicy::none());
    show("ClientBuilder", format!("{builder:?}"));
    let client = builder.build().unwrap();
    show("Client", format!("{client:?}"));
    let transport = client
        .transport(&bingads::v13::campaign_management::SERVICE)
        .unwrap();
    show("SoapTransport", format!("{transport:?}"));
    show(
        "CampaignManagementClient",
        format!("{:?}", client.campaign_management().unwrap()),
    );
    let legacy = common::client_for(
        &emu,
        AuthorizationData::new(
            PasswordAuthentication::new(USER_NAME, PASSWORD),
            DEVELOPER_TOKEN,
        ),
        common::fast_retries(2),
        wire,
    );
    show("Client (password)", format!("{legacy:?}"));

    // Generated types with credential fields.
    let user = cust::User {
        password: PASSWORD.into(),
        secret_answer: PASSWORD.into(),
        user_name: USER_NAME.into(),
        ..Default::default()
    };
    show("User", format!("{user:?}"));

    // Errors: OAuth failures with secrets in the request.
    let wrong = web_grant(&emu, WRONG_CLIENT_SECRET);
    let location = emu
        .approve_consent(wrong.authorization_endpoint().unwrap().as_str())
        .unwrap();
    secrets.push(code_of(&location));
    let err = wrong
        .request_oauth_tokens_by_response_uri(&location)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, AuthError::OAuth { error, .. } if error == "invalid_client"),
        "{err:?}"
    );
    show("AuthError (client secret)", error_texts(&err));
    let refresh = OAuthDesktopMobileAuthCodeGrant::new(DESKTOP_CLIENT_ID, Environment::Production)
        .with_endpoints(endpoints(&emu))
        .unwrap();
    let err = refresh
        .request_oauth_tokens_by_refresh_token(REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, AuthError::OAuth { error, .. } if error == "invalid_grant"),
        "{err:?}"
    );
    show("AuthError (refresh token)", error_texts(&err));
    let err = Error::from(err);
    show("Error::Auth", error_texts(&err));

    // Errors from calls: the emulator does not know these tokens (105), expired ones would
    // be refreshed with the unknown refresh token (an auth error), faults, HTTP statuses,
    // dropped connections, undecodable answers, refused connections.
    let mut errors: Vec<Error> = Vec::new();
    let get_user = GetUserRequest::default();
    errors.push(
        client
            .customer_management()
            .unwrap()
            .get_user(&get_user)
            .await
            .unwrap_err(),
    );
    web.set_tokens(OAuthTokens::new(
        ACCESS_TOKEN,
        Some(SecretString::new(REFRESH_TOKEN)),
        Some(Duration::ZERO),
    ));
    errors.push(
        client
            .customer_management()
            .unwrap()
            .get_user(&get_user)
            .await
            .unwrap_err(),
    );
    let wrong_password = common::client_for(
        &emu,
        AuthorizationData::new(
            PasswordAuthentication::new(USER_NAME, "Wrong-Horse-Battery-Staple-99"),
            DEVELOPER_TOKEN,
        ),
        RetryPolicy::none(),
        wire,
    );
    secrets.push("Wrong-Horse-Battery-Staple-99".into());
    errors.push(
        wrong_password
            .customer_management()
            .unwrap()
            .get_user(&get_user)
            .await
            .unwrap_err(),
    );
    // Two attempts each where the client retries, so that every call fails.
    for injection in [
        Injection::HttpStatus(503).times(2),
        Injection::DropConnection.times(2),
        InjectionRule::from(Injection::MalformedXml),
        InjectionRule::from(Injection::TruncatedXml),
        Injection::CallRateExceeded.times(2),
    ] {
        emu.inject(injection);
        errors.push(
            legacy
                .customer_management()
                .unwrap()
                .get_user(&get_user)
                .await
                .unwrap_err(),
        );
    }
    let closed_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let unreachable = Client::builder(
        AuthorizationData::new(
            PasswordAuthentication::new(USER_NAME, PASSWORD),
            DEVELOPER_TOKEN,
        ),
        Environment::Production,
    )
    .endpoint_base(format!("http://127.0.0.1:{closed_port}"))
    .retry_policy(common::fast_retries(2))
    .build()
    .unwrap();
    errors.push(
        unreachable
            .customer_management()
            .unwrap()
            .get_user(&get_user)
            .await
            .unwrap_err(),
    );
    let kinds: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            Error::Fault(_) => "Fault",
            Error::Auth(_) => "Auth",
            Error::HttpStatus { .. } => "HttpStatus",
            Error::Transport { .. } => "Transport",
            Error::Decode { .. } => "Decode",
            Error::Connect { .. } => "Connect",
            Error::Timeout { .. } => "Timeout",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "Fault",
            "Auth",
            "Fault",
            "HttpStatus",
            "Transport",
            "Decode",
            "Decode",
            "Fault",
            "Connect"
        ]
    );
    for e in &errors {
        show("Error", error_texts(e));
        if let Some(fault) = e.fault() {
            show("ServiceFault", format!("{fault:?}\n{fault}"));
            for api_error in &fault.errors {
                show("ApiError", format!("{api_error:?}\n{api_error}"));
            }
        }
    }
    let timeout = Error::Timeout {
        service: "CustomerManagementService",
        operation: "GetUser",
        after: Duration::from_secs(1),
    };
    show("Error::Timeout", error_texts(&timeout));

    assert_no_secret("formatted values", &shown, &secrets);
    assert!(shown.contains("<redacted>"));
    assert_no_secret("traced output", &captured_text(), &secrets);
}
both_wires!(no_public_value_formats_a_secret);

// ---------------------------------------------------------------------------------------------
// Tracing
// ---------------------------------------------------------------------------------------------

async fn traces_of_a_full_session_show_no_secret_but_the_call_fields(wire: Wire) {
    captured();
    let emu = emulator().await;
    let refreshed: Arc<Mutex<Vec<OAuthTokens>>> = Arc::default();
    let sink = refreshed.clone();
    let grant = web_grant(&emu, CLIENT_SECRET)
        .on_tokens_refreshed(move |t| sink.lock().unwrap().push(t.clone()));

    // Sign-in: consent, code exchange with the client secret.
    let location = emu
        .approve_consent(grant.authorization_endpoint().unwrap().as_str())
        .unwrap();
    let code = code_of(&location);
    grant
        .request_oauth_tokens_by_response_uri(&location)
        .await
        .expect("the code is exchanged");
    let grant = Arc::new(grant);
    let client = Client::builder(
        AuthorizationData::with_shared(grant.clone(), DEVELOPER_TOKEN)
            .with_customer_id(CUSTOMER_ID)
            .with_account_id(ACCOUNT_ID),
        Environment::Production,
    )
    .endpoint_base(emu.base_url())
    .wire(wire)
    .retry_policy(common::fast_retries(3))
    .build()
    .unwrap();
    let campaigns = client.campaign_management().unwrap();
    let mut tracking_ids = Vec::new();

    let user = client
        .customer_management()
        .unwrap()
        .get_user(&GetUserRequest::default())
        .await
        .unwrap();
    tracking_ids.push(common::tracking(user.tracking_id.as_deref()));

    // 109: one refresh, one retry.
    emu.expire_access_tokens();
    let reply = campaigns
        .get_campaigns_by_account_id(&common::get_campaigns())
        .await
        .unwrap();
    tracking_ids.push(common::tracking(reply.tracking_id.as_deref()));
    // Throttled, then a 503 on a read: retried.
    emu.inject(Injection::CallRateExceeded);
    let reply = campaigns
        .add_campaigns(&common::add_campaigns(vec![Some(common::campaign(
            "Traced",
        ))]))
        .await
        .unwrap();
    let add_tracking = common::tracking(reply.tracking_id.as_deref());
    emu.inject(Injection::HttpStatus(503));
    let reply = campaigns
        .get_campaigns_by_account_id(&common::get_campaigns())
        .await
        .unwrap();
    tracking_ids.push(common::tracking(reply.tracking_id.as_deref()));
    // An injected 109 for a valid token: another refresh.
    emu.inject(Injection::TokenExpired);
    campaigns
        .get_campaigns_by_account_id(&common::get_campaigns())
        .await
        .unwrap();
    // A fault and a failed refresh with a revoked token are logged too.
    let fault = campaigns
        .get_campaigns_by_account_id(
            &bingads::v13::campaign_management::GetCampaignsByAccountIdRequest {
                account_id: Some(ACCOUNT_ID + 2),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(fault.has_code(1102), "{fault:?}");
    // Legacy credentials on the wire.
    let legacy = common::client_for(
        &emu,
        AuthorizationData::new(
            PasswordAuthentication::new(USER_NAME, PASSWORD),
            DEVELOPER_TOKEN,
        ),
        common::fast_retries(3),
        wire,
    );
    emu.inject(Injection::ConcurrentRequestOverLimit);
    legacy
        .customer_management()
        .unwrap()
        .get_user(&GetUserRequest::default())
        .await
        .unwrap();

    let refreshed = refreshed.lock().unwrap().clone();
    assert_eq!(refreshed.len(), 3, "sign-in and two refreshes");
    let first_refresh = refreshed[0].refresh_token.clone().unwrap();
    let revoked = grant
        .request_oauth_tokens_by_refresh_token(first_refresh.expose())
        .await
        .unwrap_err();
    assert!(matches!(revoked, AuthError::OAuth { .. }), "{revoked:?}");

    // Every secret in play.
    let mut secrets = fixed_secrets();
    secrets.push(code);
    for tokens in &refreshed {
        secrets.push(tokens.access_token.expose().to_string());
        secrets.push(tokens.refresh_token.as_ref().unwrap().expose().to_string());
    }
    let text = captured_text();
    assert_no_secret("traced output", &text, &secrets);

    // What the traces are for: each call's span with service, operation and TrackingId.
    let closes: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("bingads.call{") && l.contains("close"))
        .collect();
    assert!(
        !closes.is_empty(),
        "no bingads.call span was traced:\n{text}"
    );
    let add_line = closes
        .iter()
        .find(|l| l.contains(&add_tracking))
        .unwrap_or_else(|| panic!("no span closing with TrackingId {add_tracking}:\n{text}"));
    for field in [
        "service=\"CampaignManagementService\"",
        "operation=\"AddCampaigns\"",
        "tracking_id=",
    ] {
        assert!(add_line.contains(field), "{field} missing: {add_line}");
    }
    for id in &tracking_ids {
        assert!(
            closes.iter().any(|l| l.contains(id.as_str())),
            "TrackingId {id} not traced"
        );
    }
    assert!(
        text.lines()
            .any(|l| l.contains("retrying") && l.contains("attempt=1")),
        "the retries are traced:\n{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("OAuth access token refreshed")),
        "the refresh is traced"
    );
}
both_wires!(traces_of_a_full_session_show_no_secret_but_the_call_fields);
