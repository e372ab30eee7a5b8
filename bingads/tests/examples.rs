//! The examples, run against the emulator and checked on what they print and return.
//!
//! Each example keeps its flow in a `run` function (its `main` only reads the environment and
//! arguments), so this test includes the example files as modules and calls that function
//! in-process: no second cargo build, no process to time out, the same code `cargo run
//! --example X` runs. The web app is driven like a browser would: redirects followed by hand,
//! the consent form posted, cookies kept.

// Each example file declares its own `mod common`, so the shared module is compiled once per
// example here, exactly as in each example binary.
#![allow(clippy::duplicate_mod)]

use std::collections::HashMap;
use std::time::Duration;

use bingads::Wire;

use bingads_emulator::{
    ACCOUNT_ID, ACCOUNT_NAME, ACCOUNT_NUMBER, DEVELOPER_TOKEN, PASSWORD, SECOND_ACCOUNT_ID,
    SECOND_ACCOUNT_NAME, USER_ID, USER_NAME, WEB_CLIENT_SECRET,
};
use url::Url;

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

#[allow(dead_code)]
#[path = "../examples/tour.rs"]
mod tour;

#[allow(dead_code)]
#[path = "../examples/desktop_oauth.rs"]
mod desktop_oauth;

#[allow(dead_code)]
#[path = "../examples/web_app.rs"]
mod web_app;

#[path = "../examples/reports.rs"]
#[allow(dead_code)]
mod reports;
#[allow(dead_code)]
#[path = "../examples/sandbox.rs"]
mod sandbox;

async fn bounded<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), f)
        .await
        .expect("the example finished within 60 s")
}

/// Whether `text` holds something shaped like an emulator token: `prefix` followed by 43
/// base64url characters (state values and PKCE challenges are 43 characters in all, so they
/// cannot match).
fn has_token(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(i, _)| {
        text[i + prefix.len()..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count()
            >= 43
    })
}

/// No access token, refresh token, authorization code, developer token or client secret in
/// what was printed.
fn assert_no_secrets(text: &str) {
    for prefix in ["EwA", "M.R3_", "M.C5_"] {
        assert!(
            !has_token(text, prefix),
            "a token ({prefix}...) was printed:\n{text}"
        );
    }
    assert!(
        !text.contains(DEVELOPER_TOKEN),
        "the developer token was printed"
    );
    assert!(
        !text.contains(WEB_CLIENT_SECRET),
        "the client secret was printed"
    );
}

/// The examples print the emulator's demo password only where a person has to type it (the
/// web app's start-up message).
fn assert_no_password(text: &str) {
    assert!(
        !text.contains(PASSWORD),
        "the password was printed:\n{text}"
    );
}

// ---------------------------------------------------------------------------------------------
/// Runs each `async fn name(wire: Wire)` once per wire, as `name::soap` and `name::rest`.
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
}

// quickstart

async fn quickstart_adds_reads_and_deletes_a_campaign(wire: Wire) {
    use quickstart::common::{Out, Target};
    let mut out = Out::capture();
    let campaign_id = bounded(quickstart::run(Target::Emulator, wire, &mut out))
        .await
        .unwrap_or_else(|e| panic!("quickstart failed on {wire}: {e}\n{}", out.text()));
    let text = out.text();
    assert!(
        campaign_id > 1 << 53 && campaign_id % 2 == 1,
        "an emulator id: {campaign_id}"
    );
    let sum = |column: &str| {
        (0..25)
            .map(|r| {
                bingads_emulator::report_file::cell(column, r)
                    .parse::<f64>()
                    .unwrap()
            })
            .sum::<f64>()
    };
    let spend = sum("Spend");
    for expected in [
        "Running against the built-in emulator".to_string(),
        format!("over {wire}."),
        format!("Signed in as {USER_NAME} (user {USER_ID})."),
        format!("Using account {ACCOUNT_ID} ({ACCOUNT_NAME})."),
        format!("Added campaign {campaign_id} (TrackingId "),
        format!("Read back \"bingads-rs quickstart {USER_ID}\", status Paused."),
        // The emulator's keyword report: 25 deterministic rows.
        format!("Report: {} clicks, {spend:.2} spent.", sum("Clicks") as i64),
        format!("Deleted campaign {campaign_id}. Done."),
    ] {
        assert!(
            text.contains(&expected),
            "{wire}: missing `{expected}` in:\n{text}"
        );
    }
    assert_no_secrets(text);
}
both_wires!(quickstart_adds_reads_and_deletes_a_campaign);

#[test]
fn the_quickstart_is_short() {
    let lines = include_str!("../examples/quickstart.rs").lines().count();
    assert!(
        lines < 150,
        "quickstart.rs has {lines} lines; keep it readable in one sitting"
    );
}

#[test]
fn bingads_transport_picks_the_wire() {
    use quickstart::common::wire_from_env;
    let env = |value: Option<&'static str>| {
        move |k: &str| {
            (k == "BINGADS_TRANSPORT")
                .then_some(value)
                .flatten()
                .map(String::from)
        }
    };
    assert_eq!(wire_from_env(env(None)), Ok(Wire::Rest));
    assert_eq!(wire_from_env(env(Some(""))), Ok(Wire::Rest));
    assert_eq!(wire_from_env(env(Some("rest"))), Ok(Wire::Rest));
    assert_eq!(wire_from_env(env(Some(" SOAP "))), Ok(Wire::Soap));
    let err = wire_from_env(env(Some("xml"))).unwrap_err();
    assert!(
        err.contains("BINGADS_TRANSPORT") && err.contains("`xml`"),
        "{err}"
    );
}

// tour

async fn tour_runs_the_whole_flow_against_the_emulator(wire: Wire) {
    use tour::common::{Out, Target};
    let mut out = Out::capture();
    let options = tour::Options {
        wire,
        ..Default::default()
    };
    let summary = bounded(tour::run(Target::Emulator, options, &mut out))
        .await
        .unwrap_or_else(|e| panic!("tour failed on {wire}: {e}\n{}", out.text()));
    let text = out.text();

    assert_eq!(summary.user_id, USER_ID);
    assert_eq!(summary.account_id, ACCOUNT_ID);
    assert_eq!(summary.accounts_found, 2);
    assert!(summary.budget_id.is_some() && summary.campaign_id.is_some());
    assert!(summary.ad_group_id.is_some());
    assert_eq!(summary.keyword_ids.len(), 3);
    assert_eq!(summary.keywords_read, 3);
    assert_eq!(summary.ad_ids.len(), 2);
    assert_eq!(summary.ads_read, 2);
    assert_eq!(summary.partial_errors, Vec::<String>::new());
    assert!(summary.deleted);
    let ops: Vec<&str> = summary
        .tracking_ids
        .iter()
        .map(|(op, _)| op.as_str())
        .collect();
    for op in [
        "GetUser",
        "SearchAccounts",
        "AddBudgets",
        "AddCampaigns",
        "AddAdGroups",
        "AddKeywords",
        "AddAds",
        "GetBudgetsByIds",
        "GetCampaignsByIds",
        "GetAdGroupsByIds",
        "GetKeywordsByIds",
        "GetAdsByAdGroupId",
        "DeleteCampaigns",
        "DeleteBudgets",
    ] {
        assert!(ops.contains(&op), "{op} was called: {ops:?}");
    }
    for (op, id) in &summary.tracking_ids {
        assert_eq!(id.len(), 36, "{op} has a TrackingId: {id}");
    }

    for expected in [
        "Running against the built-in emulator",
        &format!("over {wire}."),
        "authorization code grant with PKCE",
        "refresh token received",
        "Accounts found: 2",
        ACCOUNT_NAME,
        SECOND_ACCOUNT_NAME,
        &format!("Using account {ACCOUNT_ID}"),
        "(MaxClicks, paused)",
        "bidding MaxClicks (max CPC 1.50)",
        "\"rust sdk\" Exact",
        "\"rust advertising sdk\" Phrase",
        "\"advertising api client\" Broad",
        "ResponsiveSearchAd",
        "ExpandedTextAd",
        "keywords added 3, read back 3; ads added 2, read back 2",
        "partial errors: none",
        "deleted (pass --keep to keep them)",
        "Bulk download: ",
        "Done.",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
    assert_no_secrets(text);
    assert_no_password(text);
}
both_wires!(tour_runs_the_whole_flow_against_the_emulator);

async fn tour_keep_leaves_the_entities(wire: Wire) {
    use tour::common::{Out, Target};
    let mut out = Out::capture();
    let options = tour::Options { keep: true, wire };
    let summary = bounded(tour::run(Target::Emulator, options, &mut out))
        .await
        .unwrap();
    assert!(!summary.deleted);
    assert!(out.text().contains("Kept campaign"));
    assert!(!out.text().contains("DeleteCampaigns"));
}
both_wires!(tour_keep_leaves_the_entities);

#[test]
fn missing_variables_say_what_to_set() {
    use quickstart::common::{Needs, Target};
    let env = |pairs: &[(&str, &str)]| {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k: &str| map.get(k).cloned()
    };

    // Nothing set: the emulator.
    assert!(matches!(
        Target::from_env(env(&[]), Needs::RefreshToken),
        Ok(Target::Emulator)
    ));
    // Credentials without an environment still mean the emulator.
    assert!(matches!(
        Target::from_env(env(&[("BINGADS_CLIENT_ID", "x")]), Needs::RefreshToken),
        Ok(Target::Emulator)
    ));

    let message = Target::from_env(
        env(&[("BINGADS_ENVIRONMENT", "sandbox")]),
        Needs::RefreshToken,
    )
    .unwrap_err();
    for name in [
        "BINGADS_DEVELOPER_TOKEN",
        "BINGADS_CLIENT_ID",
        "BINGADS_REFRESH_TOKEN",
        "unset BINGADS_ENVIRONMENT",
    ] {
        assert!(message.contains(name), "{name} in: {message}");
    }
    assert!(!message.contains("BINGADS_CLIENT_SECRET"), "{message}");

    let partial = env(&[
        ("BINGADS_ENVIRONMENT", "production"),
        ("BINGADS_DEVELOPER_TOKEN", "dt"),
        ("BINGADS_CLIENT_ID", "cid"),
    ]);
    let message = Target::from_env(partial, Needs::RefreshToken).unwrap_err();
    assert!(message.contains("BINGADS_REFRESH_TOKEN"), "{message}");
    assert!(!message.contains("BINGADS_CLIENT_ID "), "{message}");

    let bad = Target::from_env(
        env(&[("BINGADS_ENVIRONMENT", "staging")]),
        Needs::RefreshToken,
    )
    .unwrap_err();
    assert!(bad.contains("staging") && bad.contains("sandbox"), "{bad}");

    let full = env(&[
        ("BINGADS_ENVIRONMENT", "Sandbox"),
        ("BINGADS_DEVELOPER_TOKEN", "dt"),
        ("BINGADS_CLIENT_ID", "cid"),
        ("BINGADS_REFRESH_TOKEN", "rt"),
        ("BINGADS_ACCOUNT_ID", "123"),
    ]);
    match Target::from_env(full, Needs::RefreshToken).unwrap() {
        Target::Microsoft(c) => {
            assert_eq!(c.environment, bingads::Environment::Sandbox);
            assert_eq!(c.account_id, Some(123));
            assert_eq!(c.customer_id, None);
            assert!(c.client_secret.is_none());
            assert!(
                !format!("{c:?}").contains("\"dt\""),
                "the developer token is redacted"
            );
        }
        other => panic!("{other:?}"),
    }
    let bad_id = env(&[
        ("BINGADS_ENVIRONMENT", "sandbox"),
        ("BINGADS_DEVELOPER_TOKEN", "dt"),
        ("BINGADS_CLIENT_ID", "cid"),
        ("BINGADS_REFRESH_TOKEN", "rt"),
        ("BINGADS_CUSTOMER_ID", "12x"),
    ]);
    let message = Target::from_env(bad_id, Needs::RefreshToken).unwrap_err();
    assert!(message.contains("BINGADS_CUSTOMER_ID"), "{message}");

    // The web app needs a secret, the desktop sign-in no refresh token.
    let web = Target::from_env(
        env(&[
            ("BINGADS_ENVIRONMENT", "sandbox"),
            ("BINGADS_DEVELOPER_TOKEN", "dt"),
            ("BINGADS_CLIENT_ID", "cid"),
        ]),
        Needs::ClientSecret,
    )
    .unwrap_err();
    assert!(web.contains("BINGADS_CLIENT_SECRET"), "{web}");
    assert!(
        Target::from_env(
            env(&[
                ("BINGADS_ENVIRONMENT", "sandbox"),
                ("BINGADS_DEVELOPER_TOKEN", "dt"),
                ("BINGADS_CLIENT_ID", "cid"),
            ]),
            Needs::SignIn,
        )
        .is_ok()
    );
}

async fn errors_are_explained_with_codes_and_tracking_id(wire: Wire) {
    use bingads::auth::{AuthError, PasswordAuthentication};
    use quickstart::common::explain;

    // A real fault from the emulator: a wrong developer token.
    let emulator = bingads_emulator::Emulator::start().await.unwrap();
    let client = bingads::Client::builder(
        bingads::AuthorizationData::new(
            PasswordAuthentication::new(USER_NAME, PASSWORD),
            "not-the-developer-token",
        ),
        bingads::Environment::Production,
    )
    .endpoint_base(emulator.base_url())
    .wire(wire)
    .build()
    .unwrap();
    let err = bounded(
        client
            .customer_management()
            .unwrap()
            .get_user(&Default::default()),
    )
    .await
    .unwrap_err();
    let text = explain(&err);
    assert!(
        text.contains("CustomerManagementService.GetUser returned a fault"),
        "{text}"
    );
    assert!(text.contains("code 105 InvalidCredentials: "), "{text}");
    assert!(text.contains("hint: check the developer token"), "{text}");
    let tracking = err.tracking_id().expect("a TrackingId");
    assert!(text.contains(&format!("TrackingId: {tracking}")), "{text}");
    assert!(!text.contains("not-the-developer-token") && !text.contains(PASSWORD));

    let auth = explain(&bingads::Error::Auth(AuthError::NoRefreshToken));
    assert!(auth.starts_with("sign-in failed"), "{auth}");
    let config = explain(&bingads::Error::Config(
        bingads::ConfigError::InsecureEndpoint {
            endpoint: "http://example.com/".into(),
        },
    ));
    assert!(config.contains("http://example.com/"), "{config}");
}
both_wires!(errors_are_explained_with_codes_and_tracking_id);

// ---------------------------------------------------------------------------------------------
// desktop_oauth

async fn desktop_oauth_signs_in_through_a_loopback_redirect(wire: Wire) {
    use desktop_oauth::common::{Out, Target};
    let mut out = Out::capture();
    let outcome = bounded(desktop_oauth::run(
        Target::Emulator,
        desktop_oauth::Options {
            wire,
            ..Default::default()
        },
        &mut out,
    ))
    .await
    .unwrap_or_else(|e| panic!("desktop_oauth failed: {e}\n{}", out.text()));
    let text = out.text();
    assert!(
        outcome.redirect_uri.starts_with("http://127.0.0.1:"),
        "{}",
        outcome.redirect_uri
    );
    assert_eq!(outcome.user_id, USER_ID);
    assert_eq!(outcome.user_name, USER_NAME);
    assert!(outcome.refresh_token_received);
    let left = outcome.expires_in.unwrap().as_secs();
    assert!((3500..=3600).contains(&left), "{left}");
    for expected in [
        "Open this address in a browser",
        "code_challenge_method=S256",
        "Waiting up to 30 s for the browser",
        "The access token expires in",
        "refresh token received",
        &format!("GetUser: user {USER_ID} ({USER_NAME})"),
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
    assert_no_secrets(text);
    assert_no_password(text);
}
both_wires!(desktop_oauth_signs_in_through_a_loopback_redirect);

async fn desktop_oauth_with_the_native_client_redirect(wire: Wire) {
    use desktop_oauth::common::{Out, Target};
    let mut out = Out::capture();
    let outcome = bounded(desktop_oauth::run(
        Target::Emulator,
        desktop_oauth::Options {
            paste: true,
            wire,
            ..Default::default()
        },
        &mut out,
    ))
    .await
    .unwrap_or_else(|e| panic!("desktop_oauth --paste failed: {e}\n{}", out.text()));
    assert_eq!(
        outcome.redirect_uri,
        bingads::auth::NATIVE_CLIENT_REDIRECT_URI
    );
    assert_eq!(outcome.user_id, USER_ID);
    assert_no_secrets(out.text());
}
both_wires!(desktop_oauth_with_the_native_client_redirect);

#[test]
fn desktop_oauth_arguments() {
    let parse = |args: &[&str]| desktop_oauth::Options::parse(args.iter().map(|s| s.to_string()));
    let o = parse(&["--port", "8400", "--paste"]).unwrap();
    assert_eq!(o.port, 8400);
    assert!(o.paste);
    assert!(parse(&["--port"]).is_err());
    assert!(parse(&["--port", "x"]).is_err());
    assert!(parse(&["--bogus"]).is_err());
}

// ---------------------------------------------------------------------------------------------
// web_app, driven like a browser

/// A tiny browser: follows redirects by hand, keeps cookies per host and port, posts forms.
struct Browser {
    http: reqwest::Client,
    cookies: HashMap<String, HashMap<String, String>>,
}

/// Where a navigation ended.
struct Landed {
    url: Url,
    status: u16,
    body: String,
    /// Every URL visited, in order.
    trail: Vec<Url>,
}

impl Browser {
    fn new() -> Self {
        Browser {
            http: reqwest::Client::builder()
                .tls_backend_preconfigured(bingads::http::tls_config().unwrap())
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(20))
                .build()
                .unwrap(),
            cookies: HashMap::new(),
        }
    }

    fn origin(url: &Url) -> String {
        format!(
            "{}:{}",
            url.host_str().unwrap_or_default(),
            url.port_or_known_default().unwrap_or_default()
        )
    }

    fn cookie_header(&self, url: &Url) -> Option<String> {
        let jar = self.cookies.get(&Self::origin(url))?;
        (!jar.is_empty()).then(|| {
            jar.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    fn keep_cookies(&mut self, url: &Url, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie") {
            let value = value.to_str().unwrap();
            let pair = value.split(';').next().unwrap();
            if let Some((name, v)) = pair.split_once('=') {
                self.cookies
                    .entry(Self::origin(url))
                    .or_default()
                    .insert(name.trim().to_string(), v.trim().to_string());
            }
        }
    }

    /// GET `url` (or POST `form` to it), then follow redirects (at most 10) with GETs.
    async fn navigate(&mut self, url: &str, form: Option<Vec<(String, String)>>) -> Landed {
        let mut url = Url::parse(url).unwrap();
        let mut form = form;
        let mut trail = Vec::new();
        for _ in 0..10 {
            trail.push(url.clone());
            assert_eq!(
                url.host_str(),
                Some("127.0.0.1"),
                "the browser stays on 127.0.0.1: {url}"
            );
            let mut request = match form.take() {
                Some(fields) => {
                    let body = url::form_urlencoded::Serializer::new(String::new())
                        .extend_pairs(fields)
                        .finish();
                    self.http
                        .post(url.as_str())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(body)
                }
                None => self.http.get(url.as_str()),
            };
            if let Some(cookie) = self.cookie_header(&url) {
                request = request.header("Cookie", cookie);
            }
            let response = request.send().await.unwrap();
            self.keep_cookies(&url, &response);
            let status = response.status().as_u16();
            if (300..400).contains(&status) {
                let location = response.headers()["location"].to_str().unwrap();
                url = url.join(location).unwrap();
                continue;
            }
            let body = response.text().await.unwrap();
            return Landed {
                url,
                status,
                body,
                trail,
            };
        }
        panic!("too many redirects: {trail:?}");
    }

    /// Submits the emulator's consent form on `page` as the seeded user.
    async fn consent(&mut self, page: &Landed, accept: bool) -> Landed {
        let html = &page.body;
        let action_at = html.find("<form").expect("a form");
        let action = attribute(&html[action_at..], "action").expect("a form action");
        let request_id = {
            let at = html
                .find("name=\"request_id\"")
                .expect("a request_id input");
            attribute(&html[at..], "value").unwrap()
        };
        let target = page.url.join(&action).unwrap();
        let fields = vec![
            ("request_id".to_string(), request_id),
            ("username".to_string(), USER_NAME.to_string()),
            ("password".to_string(), PASSWORD.to_string()),
            (
                "action".to_string(),
                if accept { "accept" } else { "deny" }.to_string(),
            ),
        ];
        self.navigate(target.as_str(), Some(fields)).await
    }
}

/// The value of the first `name="..."` attribute in `html`.
fn attribute(html: &str, name: &str) -> Option<String> {
    let marker = format!("{name}=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].replace("&amp;", "&"))
}

async fn start_web_app(
    options: web_app::Options,
) -> (
    String,
    web_app::StopHandle,
    tokio::task::JoinHandle<(Result<web_app::Report, String>, String)>,
) {
    use web_app::common::{Out, Target};
    let app = web_app::WebApp::new(Target::Emulator, options)
        .await
        .unwrap_or_else(|e| panic!("the web app did not start: {e}"));
    let url = app.url();
    let stop = app.stop_handle();
    let server = tokio::spawn(async move {
        let mut out = Out::capture();
        let result = app.serve(&mut out).await.map_err(|e| e.to_string());
        (result, out.text().to_string())
    });
    (url, stop, server)
}

async fn web_app_login_end_to_end_lists_the_accounts(wire: Wire) {
    bounded(async {
        let (home, _stop, server) = start_web_app(web_app::Options {
            wire,
            port: Some(0),
            once: true,
            max_requests: Some(50),
            timeout: Some(Duration::from_secs(50)),
        })
        .await;
        let mut browser = Browser::new();

        let start = browser.navigate(&home, None).await;
        assert_eq!(start.status, 200);
        assert!(start.body.contains("href=\"/login\""), "{}", start.body);

        // /login → the emulator's sign-in page, with a session cookie set on the way.
        let login = start.url.join("/login").unwrap();
        let consent_page = browser.navigate(login.as_str(), None).await;
        assert_eq!(consent_page.status, 200);
        assert!(
            consent_page.url.path().ends_with("/oauth2/v2.0/authorize"),
            "{}",
            consent_page.url
        );
        assert_ne!(consent_page.url.port(), start.url.port(), "on the emulator");
        let session = browser.cookie_header(&start.url).expect("a session cookie");
        assert!(session.starts_with("bingads_example_session="), "{session}");
        let state = consent_page
            .url
            .query_pairs()
            .find(|(k, _)| k == "state")
            .map(|(_, v)| v.into_owned())
            .expect("the authorization URL has a state");
        assert!(state.len() >= 32);
        assert!(consent_page.body.contains("<form"), "{}", consent_page.body);

        // Accept → /callback?code&state → /accounts.
        let accounts = browser.consent(&consent_page, true).await;
        let paths: Vec<&str> = accounts.trail.iter().map(|u| u.path()).collect();
        assert_eq!(
            paths,
            ["/common/oauth2/v2.0/authorize", "/callback", "/accounts"],
            "{:?}",
            accounts.trail
        );
        let callback = &accounts.trail[1];
        assert!(callback.query_pairs().any(|(k, _)| k == "code"));
        assert!(
            callback
                .query_pairs()
                .any(|(k, v)| k == "state" && v == state.as_str())
        );
        assert_eq!(accounts.status, 200, "{}", accounts.body);
        for expected in [
            USER_NAME.to_string(),
            ACCOUNT_ID.to_string(),
            ACCOUNT_NUMBER.to_string(),
            ACCOUNT_NAME.to_string(),
            SECOND_ACCOUNT_ID.to_string(),
            SECOND_ACCOUNT_NAME.to_string(),
            "2 accounts".to_string(),
        ] {
            assert!(
                accounts.body.contains(&expected),
                "missing `{expected}` in:\n{}",
                accounts.body
            );
        }
        assert_eq!(accounts.body.matches("class=\"account\"").count(), 2);
        assert_no_secrets(&accounts.body);
        assert_no_password(&accounts.body);

        // --once: the server stops by itself after the accounts page.
        let (report, log) = tokio::time::timeout(Duration::from_secs(10), server)
            .await
            .expect("the web app stopped by itself")
            .unwrap();
        let report = report.unwrap();
        assert_eq!(report.accounts_pages, 1);
        assert_eq!(report.requests, 4, "/, /login, /callback, /accounts");
        assert!(log.contains("signed in; access token valid for"), "{log}");
        assert!(log.contains("Stopped after 4 requests"), "{log}");
        assert_no_secrets(&log);
    })
    .await;
}
both_wires!(web_app_login_end_to_end_lists_the_accounts);

async fn web_app_refuses_a_forged_state_and_reports_a_denied_consent(wire: Wire) {
    bounded(async {
        let (home, stop, server) = start_web_app(web_app::Options {
            wire,
            port: Some(0),
            once: false,
            max_requests: Some(100),
            timeout: Some(Duration::from_secs(50)),
        })
        .await;
        let home = Url::parse(&home).unwrap();
        let mut browser = Browser::new();

        // Not signed in: /accounts sends the user home.
        let landed = browser
            .navigate(home.join("/accounts").unwrap().as_str(), None)
            .await;
        assert_eq!(landed.url.path(), "/");
        assert!(landed.body.contains("/login"));

        // A callback without a session is refused.
        let mut cookieless = Browser::new();
        let landed = cookieless
            .navigate(
                home.join("/callback?code=x&state=y").unwrap().as_str(),
                None,
            )
            .await;
        assert_eq!(landed.status, 400);
        assert!(landed.body.contains("No session"), "{}", landed.body);

        // Forged state: the user signs in, but the redirect back carries another state (an
        // attacker's link). No token request is made; the page says why.
        let consent_page = browser
            .navigate(home.join("/login").unwrap().as_str(), None)
            .await;
        let consent_answer = {
            let html = &consent_page.body;
            let at = html.find("name=\"request_id\"").unwrap();
            let request_id = attribute(&html[at..], "value").unwrap();
            let mut action = consent_page.url.clone();
            action.set_query(None);
            browser
                .http
                .post(action.as_str())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(
                    url::form_urlencoded::Serializer::new(String::new())
                        .append_pair("request_id", &request_id)
                        .append_pair("username", USER_NAME)
                        .append_pair("password", PASSWORD)
                        .append_pair("action", "accept")
                        .finish(),
                )
                .send()
                .await
                .unwrap()
        };
        assert_eq!(consent_answer.status().as_u16(), 302);
        let genuine = Url::parse(consent_answer.headers()["location"].to_str().unwrap()).unwrap();
        let mut forged = genuine.clone();
        let pairs: Vec<(String, String)> = genuine
            .query_pairs()
            .into_owned()
            .map(|(k, v)| {
                if k == "state" {
                    (k, "forged-state".to_string())
                } else {
                    (k, v)
                }
            })
            .collect();
        forged
            .query_pairs_mut()
            .clear()
            .extend_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let refused = browser.navigate(forged.as_str(), None).await;
        assert_eq!(refused.status, 400);
        assert!(refused.body.contains("state"), "{}", refused.body);
        // The session's state was used up by the refused attempt: the genuine redirect is
        // refused too (a new sign-in is needed), and the user is still not signed in.
        let replay = browser.navigate(genuine.as_str(), None).await;
        assert_eq!(replay.status, 400);
        let landed = browser
            .navigate(home.join("/accounts").unwrap().as_str(), None)
            .await;
        assert_eq!(landed.url.path(), "/");

        // Deny on the consent page → a "declined" page.
        let consent_page = browser
            .navigate(home.join("/login").unwrap().as_str(), None)
            .await;
        let declined = browser.consent(&consent_page, false).await;
        assert_eq!(declined.url.path(), "/callback");
        assert_eq!(declined.status, 403);
        assert!(declined.body.contains("declined"), "{}", declined.body);

        // And a normal sign-in in the same session still works afterwards.
        let consent_page = browser
            .navigate(home.join("/login").unwrap().as_str(), None)
            .await;
        let accounts = browser.consent(&consent_page, true).await;
        assert_eq!(accounts.url.path(), "/accounts");
        assert!(accounts.body.contains(ACCOUNT_NAME), "{}", accounts.body);

        stop.stop();
        let (report, log) = tokio::time::timeout(Duration::from_secs(10), server)
            .await
            .expect("the web app stopped")
            .unwrap();
        assert_eq!(report.unwrap().accounts_pages, 1);
        assert!(log.contains("refused, the state does not match"), "{log}");
        assert!(log.contains("the user declined"), "{log}");
        assert_no_secrets(&log);
    })
    .await;
}
both_wires!(web_app_refuses_a_forged_state_and_reports_a_denied_consent);

async fn web_app_stops_after_max_requests(wire: Wire) {
    bounded(async {
        let (home, _stop, server) = start_web_app(web_app::Options {
            wire,
            port: Some(0),
            once: false,
            max_requests: Some(2),
            timeout: None,
        })
        .await;
        let mut browser = Browser::new();
        assert_eq!(browser.navigate(&home, None).await.status, 200);
        let nowhere = Url::parse(&home).unwrap().join("/nowhere").unwrap();
        assert_eq!(browser.navigate(nowhere.as_str(), None).await.status, 404);
        let (report, _) = tokio::time::timeout(Duration::from_secs(10), server)
            .await
            .expect("stopped after 2 requests")
            .unwrap();
        assert_eq!(report.unwrap().requests, 2);
    })
    .await;
}
both_wires!(web_app_stops_after_max_requests);

#[test]
fn web_app_arguments() {
    let parse = |args: &[&str]| web_app::Options::parse(args.iter().map(|s| s.to_string()));
    let o = parse(&["--once", "--port", "0", "--max-requests", "7"]).unwrap();
    assert!(o.once);
    assert_eq!(o.port, Some(0));
    assert_eq!(o.max_requests, Some(7));
    assert!(parse(&["--port", "70000"]).is_err());
    assert!(parse(&["--max-requests"]).is_err());
    assert!(parse(&["--max-requests", "0"]).is_err());
    assert_eq!(
        parse(&["--timeout", "5"]).unwrap().timeout,
        Some(Duration::from_secs(5))
    );
}

// ---------------------------------------------------------------------------------------------
// sandbox

async fn sandbox_prints_both_environments_and_calls_the_emulator(wire: Wire) {
    use sandbox::common::{Out, Target};
    let mut out = Out::capture();
    let called = bounded(sandbox::run(
        Target::Emulator,
        sandbox::Options {
            wire,
            ..Default::default()
        },
        &mut out,
    ))
    .await
    .unwrap_or_else(|e| panic!("sandbox failed: {e}\n{}", out.text()))
    .expect("a call was made");
    let text = out.text();
    for expected in [
        "== production ==",
        "== sandbox ==",
        "https://clientcenter.api.bingads.microsoft.com",
        "https://clientcenter.api.sandbox.bingads.microsoft.com",
        "https://campaign.api.bingads.microsoft.com",
        "https://campaign.api.sandbox.bingads.microsoft.com",
        "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
        "https://login.microsoftonline.com/common/oauth2/v2.0/token",
        "https://ads.microsoft.com/msads.manage offline_access",
        "https://si.ads.microsoft.com/msads.manage offline_access",
        "https://login.windows-ppe.net/consumers/oauth2/v2.0/token",
        "prompt=login",
        "Reporting",
        "Bulk",
        "Ad Insight",
        "Customer Billing",
        "== emulator (http://127.0.0.1:",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
    assert_eq!(called.user_id, USER_ID);
    assert_eq!(called.environment, "production");
    // REST: the emulator's base URL (routes appended per operation); SOAP: the `.svc` URL.
    assert!(
        called.endpoint.starts_with("http://127.0.0.1:"),
        "{}",
        called.endpoint
    );
    assert_eq!(
        called.endpoint.ends_with("CustomerManagementService.svc"),
        wire == Wire::Soap,
        "{}",
        called.endpoint
    );
    assert_eq!(called.tracking_id.as_deref().map(str::len), Some(36));
    assert_no_secrets(text);

    let mut out = Out::capture();
    let none = sandbox::run(
        Target::Emulator,
        sandbox::Options {
            no_call: true,
            wire,
            ..Default::default()
        },
        &mut out,
    )
    .await
    .unwrap();
    assert!(none.is_none());
    assert!(!out.text().contains("GetUser"));
}
both_wires!(sandbox_prints_both_environments_and_calls_the_emulator);

// ---------------------------------------------------------------------------------------------
// The binaries themselves

/// `cargo run --quiet --example NAME -- ARGS` from the repository root, as the README says,
/// with the `BINGADS_*` variables removed (so the emulator is used) plus `env`.
fn cargo_example(name: &str, args: &[&str], env: &[(&str, &str)]) -> std::process::Command {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let mut command = std::process::Command::new(env!("CARGO"));
    command
        .current_dir(&root)
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (key, _) in std::env::vars() {
        if key.starts_with("BINGADS_") {
            command.env_remove(key);
        }
    }
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// Runs the command to completion within `limit`, or kills the process it started.
fn output_within(mut command: std::process::Command, limit: Duration) -> std::process::Output {
    let child = command.spawn().expect("cargo starts");
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(output) => output.expect("cargo ran"),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .arg(id.to_string())
                .status();
            panic!("{command:?} did not finish within {limit:?}");
        }
    }
}

const BUILD_LIMIT: Duration = Duration::from_secs(900);

/// The README's command, exactly, and each example binary with its `main`: exit codes and
/// output. Ignored by default because it builds the example binaries (minutes on a cold
/// cache, waiting for the build directory lock); run it with
/// `cargo test -p bingads --test examples -- --ignored`.
#[test]
#[ignore = "builds and runs the example binaries with cargo"]
fn example_binaries_from_the_repository_root() {
    let output = output_within(cargo_example("quickstart", &[], &[]), BUILD_LIMIT);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "exit {:?}\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains("Done."), "{stdout}");
    assert_no_secrets(&stdout);

    // Missing credentials: exit code 2 and a message naming the variables.
    let output = output_within(
        cargo_example("quickstart", &[], &[("BINGADS_ENVIRONMENT", "sandbox")]),
        BUILD_LIMIT,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("BINGADS_DEVELOPER_TOKEN"), "{stderr}");

    for (name, args) in [("desktop_oauth", &[][..]), ("sandbox", &[][..])] {
        let output = output_within(cargo_example(name, args, &[]), BUILD_LIMIT);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: {stdout}\n{stderr}");
        assert!(
            stdout.contains(&format!("user {USER_ID}")),
            "{name}: {stdout}"
        );
        assert_no_secrets(&stdout);
    }

    // The web app binary: wait for its address, sign in through it, and it exits by itself.
    let mut command = cargo_example(
        "web_app",
        &["--port", "0", "--once", "--timeout", "120"],
        &[],
    );
    let mut child = command.spawn().expect("cargo starts");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send(line);
        }
    });
    let mut printed = Vec::new();
    let home = loop {
        let line = match rx.recv_timeout(BUILD_LIMIT) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("web_app printed no address: {printed:?}");
            }
        };
        if let Some(rest) = line.strip_prefix("Web app listening on ") {
            break rest.split(' ').next().unwrap().to_string();
        }
        printed.push(line);
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let body = runtime.block_on(bounded(async {
        let mut browser = Browser::new();
        let login = Url::parse(&home).unwrap().join("/login").unwrap();
        let consent_page = browser.navigate(login.as_str(), None).await;
        browser.consent(&consent_page, true).await.body
    }));
    assert!(body.contains(ACCOUNT_NAME), "{body}");
    let status = {
        let (tx, done) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait());
        });
        done.recv_timeout(Duration::from_secs(30))
            .expect("web_app exited by itself after the accounts page")
            .unwrap()
    };
    assert!(status.success());
    let rest: Vec<String> = rx.try_iter().collect();
    assert!(
        rest.iter()
            .any(|l| l.starts_with("Stopped after 3 requests (1 accounts pages)")),
        "{rest:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// reports

async fn reports_downloads_a_keyword_report_and_prints_typed_totals(wire: Wire) {
    use bingads_emulator::report_file::cell;
    use reports::common::{Out, Target};
    let mut out = Out::capture();
    let totals = bounded(reports::run(Target::Emulator, wire, &mut out))
        .await
        .unwrap_or_else(|e| panic!("reports failed on {wire}: {e}\n{}", out.text()));
    // The emulator's default report: 25 deterministic rows.
    let sum = |column: &str| {
        (0..25)
            .map(|r| cell(column, r).parse::<f64>().unwrap())
            .sum::<f64>()
    };
    assert_eq!(totals.rows, 25, "rows on {wire}");
    assert_eq!(
        totals.impressions as f64,
        sum("Impressions"),
        "impressions on {wire}"
    );
    assert_eq!(totals.clicks as f64, sum("Clicks"), "clicks on {wire}");
    assert!(
        (totals.spend - sum("Spend")).abs() < 1e-6,
        "spend on {wire}"
    );
    let text = out.text();
    assert!(text.contains(&format!("over {wire}")), "on {wire}: {text}");
    assert!(
        text.contains("Keyword Performance Report (2026-10-01 to 2026-10-31, 25 rows)"),
        "on {wire}: {text}"
    );
    assert!(
        text.contains(&format!(
            "Totals: 25 rows, {} impressions",
            totals.impressions
        )),
        "on {wire}: {text}"
    );
}
both_wires!(reports_downloads_a_keyword_report_and_prints_typed_totals);
