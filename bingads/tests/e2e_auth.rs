//! Every authentication flow end to end against the emulator's Microsoft-shaped OAuth
//! endpoints and services: the SDK's grants talk to a real token endpoint over HTTP, and the
//! tokens they get must open the service, on either wire (the flows that never reach a
//! service run once).

#[macro_use]
mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bingads::auth::{
    AuthError, Authentication, OAuthDesktopMobileAuthCodeGrant, OAuthDesktopMobileImplicitGrant,
    OAuthEndpoints, OAuthTokens, OAuthWebAuthCodeGrant, PasswordAuthentication,
};
use bingads::v13::customer_management::GetUserRequest;
use bingads::{AuthorizationData, Client, Environment, Nillable, RetryPolicy, SecretString, Wire};
use bingads_emulator::{
    DESKTOP_CLIENT_ID, DEVELOPER_TOKEN, Emulator, Injection, NATIVE_REDIRECT_URI, PASSWORD,
    USER_ID, USER_NAME, WEB_CLIENT_ID, WEB_CLIENT_SECRET, WEB_REDIRECT_URI,
};
use url::Url;

const OFFLINE_SCOPE: &str = "https://ads.microsoft.com/msads.manage offline_access";

/// Every test runs under this bound.
async fn bounded<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), f)
        .await
        .expect("the test finished within 60 s")
}

fn endpoints(emulator: &Emulator) -> OAuthEndpoints {
    OAuthEndpoints::microsoft_at(&emulator.base_url(), "common", Environment::Production).unwrap()
}

fn web_grant(emulator: &Emulator, secret: &str) -> OAuthWebAuthCodeGrant {
    OAuthWebAuthCodeGrant::new(
        WEB_CLIENT_ID,
        secret,
        WEB_REDIRECT_URI,
        Environment::Production,
    )
    .with_endpoints(endpoints(emulator))
    .unwrap()
}

fn desktop_grant(emulator: &Emulator) -> OAuthDesktopMobileAuthCodeGrant {
    OAuthDesktopMobileAuthCodeGrant::new(DESKTOP_CLIENT_ID, Environment::Production)
        .with_endpoints(endpoints(emulator))
        .unwrap()
}

/// A client of the emulator that does not retry (so that each call is one request, apart
/// from the 109 refresh-and-retry under test).
fn client(emulator: &Emulator, authentication: Arc<dyn Authentication>, wire: Wire) -> Client {
    Client::builder(
        AuthorizationData::with_shared(authentication, DEVELOPER_TOKEN),
        Environment::Production,
    )
    .endpoint_base(emulator.base_url())
    .wire(wire)
    .retry_policy(RetryPolicy::none())
    .request_timeout(Duration::from_secs(20))
    .build()
    .unwrap()
}

/// GetUser's user id (the error boxed: `bingads::Error` is large).
async fn get_user(client: &Client) -> Result<i64, Box<bingads::Error>> {
    let reply = client
        .customer_management()?
        .get_user(&GetUserRequest {
            user_id: Nillable::Nil,
        })
        .await?;
    Ok(*reply.value.user.value().unwrap().id.value().unwrap())
}

fn query(url: &str) -> Vec<(String, String)> {
    let url = Url::parse(url).unwrap();
    let mut pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    if let Some(f) = url.fragment() {
        pairs.extend(url::form_urlencoded::parse(f.as_bytes()).into_owned());
    }
    pairs
}

fn param(url: &str, name: &str) -> Option<String> {
    query(url)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// `url` with the parameter `name` replaced (or removed with `None`).
fn with_param(url: &str, name: &str, value: Option<&str>) -> String {
    let mut parsed = Url::parse(url).unwrap();
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .into_owned()
        .filter(|(k, _)| k != name)
        .collect();
    {
        let mut q = parsed.query_pairs_mut();
        q.clear();
        for (k, v) in &pairs {
            q.append_pair(k, v);
        }
        if let Some(v) = value {
            q.append_pair(name, v);
        }
    }
    parsed.to_string()
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .tls_backend_preconfigured(bingads::http::tls_config().unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// The user's part through the emulator's HTML consent page: open the authorization URL,
/// submit the form with the user's name and password, and return the redirect `Location`.
async fn consent_in_browser(authorization_url: &str, accept: bool) -> String {
    let http = http();
    let page = http.get(authorization_url).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200, "the consent page is shown");
    let html = page.text().await.unwrap();
    let marker = "name=\"request_id\" value=\"";
    let start = html.find(marker).expect("the form has a request_id") + marker.len();
    let request_id = &html[start..start + html[start..].find('"').unwrap()];
    let mut action = Url::parse(authorization_url).unwrap();
    action.set_query(None);
    let form = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("request_id", request_id)
        .append_pair("username", USER_NAME)
        .append_pair("password", PASSWORD)
        .append_pair("action", if accept { "accept" } else { "deny" })
        .finish();
    let answer = http
        .post(action)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 302);
    answer.headers()["location"].to_str().unwrap().to_string()
}

fn expect_oauth_error(result: Result<OAuthTokens, AuthError>, expected: &str) -> String {
    match result {
        Err(AuthError::OAuth { error, description }) => {
            assert_eq!(error, expected, "{description}");
            description
        }
        other => panic!("expected OAuth error {expected}, got {other:?}"),
    }
}

/// Tokens lasting about as long as the emulator issues them for.
fn assert_fresh(tokens: &OAuthTokens) {
    let left = tokens.expires_in().expect("expires_in was sent").as_secs();
    assert!((3500..=3600).contains(&left), "{left} s left");
    assert!(!tokens.access_token.is_empty());
}

async fn web_auth_code_grant_with_client_secret(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let grant = web_grant(&emulator, WEB_CLIENT_SECRET);
        let url = grant.authorization_endpoint().unwrap().to_string();
        assert_eq!(param(&url, "response_type").as_deref(), Some("code"));
        assert_eq!(param(&url, "client_id").as_deref(), Some(WEB_CLIENT_ID));
        assert_eq!(
            param(&url, "redirect_uri").as_deref(),
            Some(WEB_REDIRECT_URI)
        );
        assert_eq!(param(&url, "scope").as_deref(), Some(OFFLINE_SCOPE));
        assert_eq!(
            param(&url, "code_challenge"),
            None,
            "web grants use no PKCE"
        );
        assert_eq!(param(&url, "state"), grant.state());

        let location = consent_in_browser(&url, true).await;
        assert!(location.starts_with(WEB_REDIRECT_URI), "{location}");
        assert_eq!(param(&location, "state"), grant.state());
        let tokens = grant
            .request_oauth_tokens_by_response_uri(&location)
            .await
            .unwrap();
        assert_fresh(&tokens);
        assert!(
            tokens.refresh_token.is_some(),
            "offline_access was asked for"
        );

        // A replay is refused before anything is sent: the state is used up.
        let again = grant.request_oauth_tokens_by_response_uri(&location).await;
        assert_eq!(again, Err(AuthError::StateMismatch));
        // And the token endpoint refuses the code itself: it is single-use.
        let state = param(&location, "state").unwrap();
        let replay = web_grant(&emulator, WEB_CLIENT_SECRET)
            .with_state(state)
            .request_oauth_tokens_by_response_uri(&location)
            .await;
        expect_oauth_error(replay, "invalid_grant");

        // The access token opens the service, sent as the AuthenticationToken header.
        let grant = Arc::new(grant);
        let client = client(&emulator, grant.clone(), wire);
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
        let sent = emulator.requests().last().unwrap().clone();
        assert_eq!(
            sent.soap_header("AuthenticationToken"),
            Some(grant.tokens().unwrap().access_token.expose())
        );
        assert_eq!(sent.soap_header("UserName"), None);

        // A wrong client secret is refused by the token endpoint.
        let wrong = web_grant(&emulator, "not-the-secret");
        let location = emulator
            .approve_consent(wrong.authorization_endpoint().unwrap().as_str())
            .unwrap();
        let refused = wrong.request_oauth_tokens_by_response_uri(&location).await;
        let description = expect_oauth_error(refused, "invalid_client");
        assert!(!description.contains("not-the-secret"));
    })
    .await;
}
both_wires!(web_auth_code_grant_with_client_secret);

async fn desktop_auth_code_grant_with_pkce(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let grant = desktop_grant(&emulator);
        let url = grant.authorization_endpoint().unwrap().to_string();
        assert_eq!(
            param(&url, "redirect_uri").as_deref(),
            Some(NATIVE_REDIRECT_URI)
        );
        assert_eq!(
            param(&url, "code_challenge_method").as_deref(),
            Some("S256")
        );
        let challenge = param(&url, "code_challenge").expect("a PKCE challenge");
        assert_eq!(challenge.len(), 43);
        let location = emulator.approve_consent(&url).unwrap();

        // Another sign-in's verifier: same state (so the response is accepted locally), but
        // the emulator checks the verifier against the challenge and refuses the code.
        let impostor = desktop_grant(&emulator).with_state(grant.state().unwrap());
        let impostor_url = impostor.authorization_endpoint().unwrap().to_string();
        assert_ne!(param(&impostor_url, "code_challenge").unwrap(), challenge);
        let refused = impostor
            .request_oauth_tokens_by_response_uri(&location)
            .await;
        let description = expect_oauth_error(refused, "invalid_grant");
        assert!(description.contains("code_verifier"), "{description}");

        // No verifier at all is refused too.
        let bare = desktop_grant(&emulator).with_state(grant.state().unwrap());
        let refused = bare.request_oauth_tokens_by_response_uri(&location).await;
        expect_oauth_error(refused, "invalid_request");

        // The grant that made the challenge gets tokens for a fresh code (through the HTML
        // consent page this time), and they open the service.
        let location = consent_in_browser(&url, true).await;
        let tokens = grant
            .request_oauth_tokens_by_response_uri(&location)
            .await
            .unwrap();
        assert_fresh(&tokens);
        assert!(tokens.refresh_token.is_some());
        let client = client(&emulator, Arc::new(grant), wire);
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
    })
    .await;
}
both_wires!(desktop_auth_code_grant_with_pkce);

async fn desktop_grant_with_a_loopback_redirect(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let grant = desktop_grant(&emulator)
            .with_redirect_uri("http://127.0.0.1:8400/done")
            .unwrap();
        let url = grant.authorization_endpoint().unwrap().to_string();
        let location = emulator.approve_consent(&url).unwrap();
        assert!(
            location.starts_with("http://127.0.0.1:8400/done?code="),
            "{location}"
        );
        grant
            .request_oauth_tokens_by_response_uri(&location)
            .await
            .unwrap();
        let client = client(&emulator, Arc::new(grant), wire);
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
    })
    .await;
}
both_wires!(desktop_grant_with_a_loopback_redirect);

async fn implicit_grant(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let grant =
            OAuthDesktopMobileImplicitGrant::new(DESKTOP_CLIENT_ID, Environment::Production)
                .with_endpoints(endpoints(&emulator))
                .unwrap();
        let url = grant.authorization_endpoint().unwrap().to_string();
        assert_eq!(param(&url, "response_type").as_deref(), Some("token"));
        assert_eq!(param(&url, "code_challenge"), None);
        let location = consent_in_browser(&url, true).await;
        assert!(
            Url::parse(&location).unwrap().fragment().is_some(),
            "the token comes in the fragment: {location}"
        );
        let tokens = grant
            .request_oauth_tokens_by_response_uri(&location)
            .unwrap();
        assert_fresh(&tokens);
        assert_eq!(
            tokens.refresh_token, None,
            "the implicit grant has no refresh token"
        );

        let grant = Arc::new(grant);
        let client = client(&emulator, grant.clone(), wire);
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);

        // Once the service rejects the token there is nothing to renew it with.
        emulator.expire_access_tokens();
        match get_user(&client).await.map_err(|e| *e) {
            Err(bingads::Error::Auth(AuthError::NoRefreshToken)) => {}
            other => panic!("expected NoRefreshToken, got {other:?}"),
        }

        // A forged state is refused here too.
        let forged = with_fragment_param(&location, "state", "forged");
        assert_eq!(
            grant.request_oauth_tokens_by_response_uri(&forged),
            Err(AuthError::StateMismatch)
        );
    })
    .await;
}
both_wires!(implicit_grant);

fn with_fragment_param(url: &str, name: &str, value: &str) -> String {
    let mut parsed = Url::parse(url).unwrap();
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(parsed.fragment().unwrap_or("").as_bytes())
            .into_owned()
            .map(|(k, v)| {
                if k == name {
                    (k, value.to_string())
                } else {
                    (k, v)
                }
            })
            .collect();
    let fragment = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    parsed.set_fragment(Some(&fragment));
    parsed.to_string()
}

async fn refresh_token_grant(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let stored = emulator
            .issue_tokens(DESKTOP_CLIENT_ID, OFFLINE_SCOPE)
            .refresh_token
            .unwrap();

        // Explicit: exchange a stored refresh token.
        let grant = desktop_grant(&emulator);
        let tokens = grant
            .request_oauth_tokens_by_refresh_token(stored.clone())
            .await
            .unwrap();
        assert_fresh(&tokens);
        let rotated = tokens.refresh_token.clone().expect("a new refresh token");
        assert_ne!(rotated.expose(), stored, "the refresh token is rotated");
        let client = client(&emulator, Arc::new(grant), wire);
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);

        // The emulator revokes a redeemed refresh token: the old one no longer works.
        let refused = desktop_grant(&emulator)
            .request_oauth_tokens_by_refresh_token(stored)
            .await;
        expect_oauth_error(refused, "invalid_grant");

        // Lazy: only the refresh token is known; the first call obtains the access token.
        let lazy = Arc::new(
            desktop_grant(&emulator).with_tokens(OAuthTokens::from_refresh_token(rotated)),
        );
        let client = self::client(&emulator, lazy.clone(), wire);
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
        assert_fresh(&lazy.tokens().unwrap());

        // A web client's refresh sends its secret.
        let web_refresh = emulator
            .issue_tokens(WEB_CLIENT_ID, OFFLINE_SCOPE)
            .refresh_token
            .unwrap();
        web_grant(&emulator, WEB_CLIENT_SECRET)
            .request_oauth_tokens_by_refresh_token(web_refresh.clone())
            .await
            .unwrap();
        let web_refresh = emulator
            .issue_tokens(WEB_CLIENT_ID, OFFLINE_SCOPE)
            .refresh_token
            .unwrap();
        let refused = web_grant(&emulator, "wrong")
            .request_oauth_tokens_by_refresh_token(web_refresh)
            .await;
        expect_oauth_error(refused, "invalid_client");
    })
    .await;
}
both_wires!(refresh_token_grant);

async fn password_authentication_headers_reach_the_service(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let client = client(
            &emulator,
            Arc::new(PasswordAuthentication::new(USER_NAME, PASSWORD)),
            wire,
        );
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
        let sent = emulator.requests().last().unwrap().clone();
        assert_eq!(sent.operation, "GetUser");
        assert_eq!(sent.soap_header("UserName"), Some(USER_NAME));
        assert_eq!(sent.soap_header("Password"), Some(PASSWORD));
        assert_eq!(sent.soap_header("DeveloperToken"), Some(DEVELOPER_TOKEN));
        assert_eq!(sent.soap_header("AuthenticationToken"), None);

        let wrong = self::client(
            &emulator,
            Arc::new(PasswordAuthentication::new(USER_NAME, "wrong password")),
            wire,
        );
        let err = get_user(&wrong).await.unwrap_err();
        assert!(err.has_code(105), "InvalidCredentials: {err:?}");
        assert!(err.tracking_id().is_some());
        assert!(!format!("{err} {err:?}").contains("wrong password"));
    })
    .await;
}
both_wires!(password_authentication_headers_reach_the_service);

#[tokio::test]
async fn csrf_state_mismatch_is_rejected_before_any_token_request() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let grant = web_grant(&emulator, WEB_CLIENT_SECRET);
        let location = emulator
            .approve_consent(grant.authorization_endpoint().unwrap().as_str())
            .unwrap();

        let forged = with_param(&location, "state", Some("attacker-state"));
        assert_eq!(
            grant.request_oauth_tokens_by_response_uri(&forged).await,
            Err(AuthError::StateMismatch)
        );
        let missing = with_param(&location, "state", None);
        assert_eq!(
            grant.request_oauth_tokens_by_response_uri(&missing).await,
            Err(AuthError::StateMismatch)
        );
        // A response to another sign-in (another state) is refused as well.
        let other = web_grant(&emulator, WEB_CLIENT_SECRET);
        let other_location = emulator
            .approve_consent(other.authorization_endpoint().unwrap().as_str())
            .unwrap();
        assert_eq!(
            grant
                .request_oauth_tokens_by_response_uri(&other_location)
                .await,
            Err(AuthError::StateMismatch)
        );
        // A grant that never issued a state accepts nothing.
        let fresh = web_grant(&emulator, WEB_CLIENT_SECRET);
        assert_eq!(
            fresh.request_oauth_tokens_by_response_uri(&location).await,
            Err(AuthError::StateMismatch)
        );

        // None of the refused responses reached the token endpoint: their codes are unused.
        grant
            .request_oauth_tokens_by_response_uri(&location)
            .await
            .expect("the genuine response's code was never redeemed");
        other
            .request_oauth_tokens_by_response_uri(&other_location)
            .await
            .expect("the other sign-in's code was never redeemed");
    })
    .await;
}

#[tokio::test]
async fn access_denied_becomes_the_typed_error() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();

        // The user clicks Deny on the consent page.
        let grant = web_grant(&emulator, WEB_CLIENT_SECRET);
        let location =
            consent_in_browser(grant.authorization_endpoint().unwrap().as_str(), false).await;
        assert_eq!(param(&location, "error").as_deref(), Some("access_denied"));
        match grant.request_oauth_tokens_by_response_uri(&location).await {
            Err(AuthError::AccessDenied { description }) => {
                assert!(description.contains("denied"), "{description}")
            }
            other => panic!("expected AccessDenied, got {other:?}"),
        }
        assert!(grant.tokens().is_none());

        // The same for the desktop and implicit grants.
        let desktop = desktop_grant(&emulator);
        let location = emulator
            .deny_consent(desktop.authorization_endpoint().unwrap().as_str())
            .unwrap();
        assert!(matches!(
            desktop
                .request_oauth_tokens_by_response_uri(&location)
                .await,
            Err(AuthError::AccessDenied { .. })
        ));
        let implicit =
            OAuthDesktopMobileImplicitGrant::new(DESKTOP_CLIENT_ID, Environment::Production)
                .with_endpoints(endpoints(&emulator))
                .unwrap();
        let location = emulator
            .deny_consent(implicit.authorization_endpoint().unwrap().as_str())
            .unwrap();
        assert!(matches!(
            implicit.request_oauth_tokens_by_response_uri(&location),
            Err(AuthError::AccessDenied { .. })
        ));

        // As a service-call error it reads as an auth error.
        let err = bingads::Error::from(AuthError::AccessDenied {
            description: "x".into(),
        });
        assert!(matches!(
            err,
            bingads::Error::Auth(AuthError::AccessDenied { .. })
        ));
    })
    .await;
}

/// Signs a desktop grant in through the emulator, recording every refresh token handed to
/// the `on_tokens_refreshed` callback.
async fn signed_in_with_callback(
    emulator: &Emulator,
) -> (
    Arc<OAuthDesktopMobileAuthCodeGrant>,
    Arc<Mutex<Vec<Option<SecretString>>>>,
) {
    let seen: Arc<Mutex<Vec<Option<SecretString>>>> = Arc::default();
    let sink = seen.clone();
    let grant = desktop_grant(emulator).on_tokens_refreshed(move |tokens| {
        sink.lock().unwrap().push(tokens.refresh_token.clone());
    });
    let location = emulator
        .approve_consent(grant.authorization_endpoint().unwrap().as_str())
        .unwrap();
    grant
        .request_oauth_tokens_by_response_uri(&location)
        .await
        .unwrap();
    (Arc::new(grant), seen)
}

async fn refresh_callback_gets_the_newest_refresh_token(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let (grant, seen) = signed_in_with_callback(&emulator).await;
        assert_eq!(
            seen.lock().unwrap().len(),
            1,
            "called after the code exchange"
        );

        // The service rejects the token: the transport refreshes, the callback sees it.
        let client = client(&emulator, grant.clone(), wire);
        emulator.expire_access_tokens();
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
        // And an explicit refresh with the stored token.
        let stored = grant.tokens().unwrap().refresh_token.unwrap();
        grant
            .request_oauth_tokens_by_refresh_token(stored)
            .await
            .unwrap();

        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 3);
        let tokens: Vec<SecretString> = seen.into_iter().map(|t| t.unwrap()).collect();
        assert_ne!(tokens[0], tokens[1]);
        assert_ne!(tokens[1], tokens[2]);
        let newest = tokens[2].clone();
        assert_eq!(grant.tokens().unwrap().refresh_token, Some(newest.clone()));

        // What the callback stored last is the one that still works; older ones are revoked.
        for old in &tokens[..2] {
            let refused = desktop_grant(&emulator)
                .request_oauth_tokens_by_refresh_token(old.clone())
                .await;
            expect_oauth_error(refused, "invalid_grant");
        }
        desktop_grant(&emulator)
            .request_oauth_tokens_by_refresh_token(newest)
            .await
            .unwrap();
    })
    .await;
}
both_wires!(refresh_callback_gets_the_newest_refresh_token);

async fn expired_token_109_refreshes_once_and_retries(wire: Wire) {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let (grant, seen) = signed_in_with_callback(&emulator).await;
        let client = client(&emulator, grant.clone(), wire);
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
        let before = grant.tokens().unwrap().access_token;

        // One call: 109, one refresh, one retry with the new token.
        emulator.clear_requests();
        emulator.expire_access_tokens();
        assert_eq!(get_user(&client).await.unwrap(), USER_ID);
        assert_eq!(seen.lock().unwrap().len(), 2, "exactly one refresh");
        let after = grant.tokens().unwrap().access_token;
        assert_ne!(before, after);
        let sent: Vec<_> = emulator.requests();
        assert_eq!(sent.len(), 2, "the call and its retry");
        assert_eq!(
            sent[0].soap_header("AuthenticationToken"),
            Some(before.expose())
        );
        assert_eq!(
            sent[1].soap_header("AuthenticationToken"),
            Some(after.expose())
        );

        // Many concurrent calls hitting 109 share one refresh (a second refresh with the
        // rotated-away token would fail: the emulator revokes redeemed refresh tokens).
        emulator.expire_access_tokens();
        let calls: Vec<_> = (0..8)
            .map(|_| {
                let client = client.clone();
                tokio::spawn(async move { get_user(&client).await })
            })
            .collect();
        for call in calls {
            assert_eq!(call.await.unwrap().unwrap(), USER_ID);
        }
        assert_eq!(seen.lock().unwrap().len(), 3, "one refresh for all of them");

        // A 109 again right after the refresh is not refreshed a second time.
        emulator.inject(Injection::TokenExpired.times(2));
        let err = get_user(&client).await.unwrap_err();
        assert!(err.has_code(109), "{err:?}");
        assert_eq!(seen.lock().unwrap().len(), 4, "one refresh, then the fault");
        assert_eq!(emulator.pending_injections(), 0);
    })
    .await;
}
both_wires!((flavor = "multi_thread", worker_threads = 4) expired_token_109_refreshes_once_and_retries);
