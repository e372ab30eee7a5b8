//! The OAuth endpoints over HTTP: consent page, code flow with PKCE, refresh rotation, errors.

#[macro_use]
mod common;

use common::Wire;

use std::time::Duration;

use base64::Engine;
use bingads_emulator::*;
use bingads_gen::v13::customer_management::GetUserRequest;
use serde_json::Value;
use sha2::Digest;

const REDIRECT: &str = "http://127.0.0.1:53682/callback";

fn scope() -> String {
    format!("{ADS_SCOPE} offline_access")
}

fn challenge(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()))
}

fn form(pairs: &[(&str, &str)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

fn authorize_url(
    emu: &Emulator,
    client_id: &str,
    response_type: &str,
    extra: &[(&str, &str)],
) -> String {
    let scope = scope();
    let mut pairs = vec![
        ("client_id", client_id),
        ("response_type", response_type),
        ("redirect_uri", REDIRECT),
        ("scope", scope.as_str()),
        ("state", "st4te"),
    ];
    pairs.extend_from_slice(extra);
    format!("{}?{}", emu.authorize_url(), form(&pairs))
}

/// The hidden request id of a consent page.
fn request_id(html: &str) -> String {
    let marker = "name=\"request_id\" value=\"";
    let start = html.find(marker).expect("request_id field") + marker.len();
    let end = html[start..].find('"').expect("end of value") + start;
    html[start..end].to_string()
}

async fn post_form(http: &reqwest::Client, url: &str, body: String) -> reqwest::Response {
    http.post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("post")
}

/// Drives the consent page like a browser: GET, fill in, submit. Returns the Location.
async fn consent(http: &reqwest::Client, emu: &Emulator, url: &str, action: &str) -> String {
    let page = http.get(url).send().await.expect("get");
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains("<form")
            && html.contains("name=\"password\"")
            && html.contains("value=\"deny\"")
    );
    let rid = request_id(&html);
    let resp = post_form(
        http,
        &emu.authorize_url(),
        form(&[
            ("request_id", &rid),
            ("username", USER_NAME),
            ("password", PASSWORD),
            ("action", action),
        ]),
    )
    .await;
    assert_eq!(
        resp.status(),
        302,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    resp.headers()["location"].to_str().unwrap().to_string()
}

fn query_param(location: &str, name: &str) -> Option<String> {
    let url = url::Url::parse(location).unwrap();
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

async fn token_request(
    http: &reqwest::Client,
    emu: &Emulator,
    pairs: &[(&str, &str)],
) -> (u16, Value) {
    let resp = post_form(http, &emu.token_url(), form(pairs)).await;
    let status = resp.status().as_u16();
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let bytes = resp.bytes().await.unwrap_or_default();
    (
        status,
        serde_json::from_slice::<Value>(&bytes).unwrap_or(Value::Null),
    )
}

async fn code_flow_with_pkce_good_and_bad_verifier(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-entropy";
    let ch = challenge(verifier);
    let url = authorize_url(
        &emu,
        DESKTOP_CLIENT_ID,
        "code",
        &[
            ("code_challenge", &ch),
            ("code_challenge_method", "S256"),
            ("login_hint", USER_NAME),
            ("prompt", "login"),
        ],
    );

    // A wrong password re-renders the page with an error; nothing is redirected.
    let html = http.get(&url).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains(&format!("value=\"{USER_NAME}\"")),
        "login_hint prefills the user name"
    );
    let rid = request_id(&html);
    let resp = post_form(
        &http,
        &emu.authorize_url(),
        form(&[
            ("request_id", &rid),
            ("username", USER_NAME),
            ("password", "nope"),
            ("action", "accept"),
        ]),
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains("incorrect"));

    let location = consent(&http, &emu, &url, "accept").await;
    assert!(location.starts_with(REDIRECT), "{location}");
    assert_eq!(query_param(&location, "state").as_deref(), Some("st4te"));
    let code = query_param(&location, "code").expect("code");

    // Wrong verifier.
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("client_id", DESKTOP_CLIENT_ID),
            (
                "code_verifier",
                "not-the-verifier-not-the-verifier-not-the-verifier",
            ),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_grant");
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .starts_with("AADSTS")
    );

    // Missing verifier.
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("client_id", DESKTOP_CLIENT_ID),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_request");

    // Right verifier.
    let good = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
        ("client_id", DESKTOP_CLIENT_ID),
        ("code_verifier", verifier),
        ("scope", ADS_SCOPE),
    ];
    let (status, body) = token_request(&http, &emu, &good).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(body["scope"], ADS_SCOPE);
    let access = body["access_token"].as_str().unwrap().to_string();
    assert!(
        body["refresh_token"]
            .as_str()
            .is_some_and(|r| !r.is_empty())
    );

    // Codes are one-time.
    let (status, body) = token_request(&http, &emu, &good).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_grant");

    // The token works for a SOAP call.
    let user = common::ok(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&access),
    )
    .await;
    assert_eq!(
        user.user.value().and_then(|u| u.id.value().copied()),
        Some(USER_ID)
    );
}
both_wires!(code_flow_with_pkce_good_and_bad_verifier);

#[tokio::test]
async fn refresh_tokens_rotate() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client();
    let first = emu.issue_tokens(WEB_CLIENT_ID, &scope());
    let rt1 = first
        .refresh_token
        .clone()
        .expect("refresh token with offline_access");

    let refresh = |rt: String| {
        let http = http.clone();
        let emu = &emu;
        async move {
            token_request(
                &http,
                emu,
                &[
                    ("grant_type", "refresh_token"),
                    ("refresh_token", &rt),
                    ("client_id", WEB_CLIENT_ID),
                    ("client_secret", WEB_CLIENT_SECRET),
                    ("scope", &scope()),
                ],
            )
            .await
        }
    };
    let (status, body) = refresh(rt1.clone()).await;
    assert_eq!(status, 200, "{body}");
    let rt2 = body["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(rt2, rt1, "a new refresh token each time");
    assert_ne!(body["access_token"].as_str().unwrap(), first.access_token);

    let (status, body) = refresh(rt1).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_grant");

    let (status, body) = refresh(rt2).await;
    assert_eq!(status, 200, "{body}");

    // Wrong secret, missing secret, secret via HTTP Basic.
    let rt3 = body["refresh_token"].as_str().unwrap().to_string();
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &rt3),
            ("client_id", WEB_CLIENT_ID),
            ("client_secret", "wrong"),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_client"))
    );
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &rt3),
            ("client_id", WEB_CLIENT_ID),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_client"))
    );
    let resp = http
        .post(emu.token_url())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header(
            "Authorization",
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD
                    .encode(format!("{WEB_CLIENT_ID}:{WEB_CLIENT_SECRET}"))
            ),
        )
        .body(form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", &rt3),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn deny_redirects_with_access_denied() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client();
    let location = consent(
        &http,
        &emu,
        &authorize_url(&emu, WEB_CLIENT_ID, "code", &[]),
        "deny",
    )
    .await;
    assert!(location.contains("error=access_denied"), "{location}");
    assert!(
        location.contains("error_description=The+user+denied+consent"),
        "{location}"
    );
    assert_eq!(query_param(&location, "state").as_deref(), Some("st4te"));
    assert_eq!(query_param(&location, "code"), None);
}

async fn implicit_flow_returns_token_in_fragment(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let location = consent(
        &http,
        &emu,
        &authorize_url(&emu, DESKTOP_CLIENT_ID, "token", &[]),
        "accept",
    )
    .await;
    let url = url::Url::parse(&location).unwrap();
    let fragment: std::collections::HashMap<String, String> =
        url::form_urlencoded::parse(url.fragment().unwrap().as_bytes())
            .into_owned()
            .collect();
    assert_eq!(fragment["token_type"], "Bearer");
    assert_eq!(fragment["state"], "st4te");
    assert_eq!(fragment["expires_in"], "3600");
    assert!(!fragment.contains_key("refresh_token"));
    common::ok(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&fragment["access_token"]),
    )
    .await;
}
both_wires!(implicit_flow_returns_token_in_fragment);

#[tokio::test]
async fn authorize_errors() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client();
    // Unknown client and unregistered redirect URI: an error page, never a redirect.
    let resp = http
        .get(authorize_url(&emu, "no-such-client", "code", &[]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.text().await.unwrap().contains("AADSTS700016"));
    let bad_redirect = format!(
        "{}?{}",
        emu.authorize_url(),
        form(&[
            ("client_id", WEB_CLIENT_ID),
            ("response_type", "code"),
            ("redirect_uri", "https://evil.example/cb"),
            ("scope", ADS_SCOPE)
        ])
    );
    assert_eq!(http.get(bad_redirect).send().await.unwrap().status(), 400);
    // The native client redirect is registered for the desktop client.
    let native = format!(
        "{}?{}",
        emu.authorize_url(),
        form(&[
            ("client_id", DESKTOP_CLIENT_ID),
            ("response_type", "code"),
            ("redirect_uri", NATIVE_REDIRECT_URI),
            ("scope", ADS_SCOPE)
        ])
    );
    assert_eq!(http.get(native).send().await.unwrap().status(), 200);
    // Protocol errors go back to the client.
    let resp = http
        .get(authorize_url(&emu, DESKTOP_CLIENT_ID, "id_token", &[]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 302);
    assert!(
        resp.headers()["location"]
            .to_str()
            .unwrap()
            .contains("error=unsupported_response_type")
    );
    let resp = http
        .get(authorize_url(
            &emu,
            DESKTOP_CLIENT_ID,
            "code",
            &[
                ("code_challenge", &challenge("x")),
                ("code_challenge_method", "plain"),
            ],
        ))
        .send()
        .await
        .unwrap();
    assert!(
        resp.headers()["location"]
            .to_str()
            .unwrap()
            .contains("error=invalid_request")
    );
    let resp = http
        .get(authorize_url(
            &emu,
            DESKTOP_CLIENT_ID,
            "code",
            &[("prompt", "none")],
        ))
        .send()
        .await
        .unwrap();
    assert!(
        resp.headers()["location"]
            .to_str()
            .unwrap()
            .contains("error=interaction_required")
    );
    // A stale form.
    let resp = post_form(
        &http,
        &emu.authorize_url(),
        form(&[("request_id", "forged"), ("action", "accept")]),
    )
    .await;
    assert_eq!(resp.status(), 400);
}

#[tokio::test]
async fn token_endpoint_errors() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client();
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", DESKTOP_CLIENT_ID),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    let (status, body) = token_request(
        &http,
        &emu,
        &[("grant_type", "authorization_code"), ("code", "x")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", "nobody"),
            ("code", "x"),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_client"))
    );
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", DESKTOP_CLIENT_ID),
            ("code", "bogus"),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    // A public client must not send a secret.
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "refresh_token"),
            ("client_id", DESKTOP_CLIENT_ID),
            ("client_secret", "s"),
            ("refresh_token", "r"),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_client"))
    );
    // Not a form.
    let resp = http
        .post(emu.token_url())
        .header("Content-Type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
}

#[tokio::test]
async fn expired_code_and_redirect_mismatch() {
    let emu = Emulator::start_with(
        EmulatorConfig::default().with_code_lifetime(Duration::from_millis(50)),
    )
    .await
    .unwrap();
    let http = common::client();
    let location = emu
        .approve_consent(&authorize_url(&emu, WEB_CLIENT_ID, "code", &[]))
        .unwrap();
    let code = query_param(&location, "code").unwrap();
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://127.0.0.1:1/other"),
            ("client_id", WEB_CLIENT_ID),
            ("client_secret", WEB_CLIENT_SECRET),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    tokio::time::sleep(Duration::from_millis(80)).await;
    let (status, body) = token_request(
        &http,
        &emu,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("client_id", WEB_CLIENT_ID),
            ("client_secret", WEB_CLIENT_SECRET),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

#[tokio::test]
async fn approve_and_deny_helpers() {
    let emu = Emulator::start().await.unwrap();
    let location = emu
        .approve_consent(&authorize_url(&emu, DESKTOP_CLIENT_ID, "code", &[]))
        .unwrap();
    assert!(query_param(&location, "code").is_some());
    let location = emu
        .deny_consent(&authorize_url(&emu, DESKTOP_CLIENT_ID, "code", &[]))
        .unwrap();
    assert_eq!(
        query_param(&location, "error").as_deref(),
        Some("access_denied")
    );
    let err = emu
        .approve_consent(&authorize_url(&emu, "unknown", "code", &[]))
        .unwrap_err();
    assert!(matches!(err, ConsentError::Rejected { status: 400, .. }));
    assert!(matches!(
        emu.approve_consent("not a url"),
        Err(ConsentError::InvalidUrl(_))
    ));
}
