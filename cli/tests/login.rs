//! `bingads auth login | status | logout` end to end against the emulator's OAuth endpoints:
//! the test plays the browser (it reads the authorization URL the command prints, approves
//! the consent with `Emulator::approve_consent`, and follows the redirect to the command's
//! loopback listener, or pastes it).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use bingads_emulator::{
    ACCOUNT_ID, CUSTOMER_ID, DESKTOP_CLIENT_ID, DEVELOPER_TOKEN, NATIVE_REDIRECT_URI,
};
use common::{Emu, Home, bingads, json};
use predicates::prelude::*;

/// Starts `bingads auth login ...` and returns it with its stderr lines.
fn spawn_login(home: &Home, args: &[&str], stdin: Stdio) -> (Child, Receiver<String>) {
    let mut cmd = std::process::Command::new(common::bin());
    common::isolate(&mut cmd, home.dir.path());
    let mut child = cmd
        .args(["auth", "login", "--no-browser", "--timeout", "60"])
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bingads");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// The authorization URL the command printed.
fn authorization_url(lines: &Receiver<String>) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        let Ok(line) = lines.recv_timeout(Duration::from_secs(30)) else {
            break;
        };
        if let Some(url) = line.trim().strip_prefix("http")
            && url.contains("/oauth2/v2.0/authorize?")
        {
            return format!("http{url}");
        }
        seen.push(line);
    }
    panic!(
        "no authorization URL printed; stderr so far:\n{}",
        seen.join("\n")
    );
}

/// What a browser does with the redirect: GET it, return the status line and the page.
fn follow_redirect(location: &str) -> String {
    let url = url::Url::parse(location).expect("redirect URL");
    assert_eq!(url.host_str(), Some("127.0.0.1"), "{location}");
    let mut stream = TcpStream::connect(("127.0.0.1", url.port().unwrap())).expect("listener");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let target = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        url.port().unwrap()
    )
    .unwrap();
    let mut page = String::new();
    stream.read_to_string(&mut page).unwrap();
    page
}

/// Waits for the command to finish; returns its exit code and stdout.
fn finish(mut child: Child) -> (i32, String) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut out = String::new();
            child
                .stdout
                .take()
                .unwrap()
                .read_to_string(&mut out)
                .unwrap();
            return (status.code().unwrap_or(-1), out);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("bingads auth login did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn stored_profile(home: &Home, name: &str) -> serde_json::Value {
    let v = json(&std::fs::read(home.credentials()).unwrap());
    v["profiles"][name].clone()
}

#[test]
fn login_through_the_loopback_listener_then_calls_renew_and_store_tokens() {
    let emu = Emu::start();
    let home = Home::new();
    let base = emu.base();
    let (child, lines) = spawn_login(
        &home,
        &[
            "--profile",
            "emu",
            "--client-id",
            DESKTOP_CLIENT_ID,
            "--endpoint",
            &base,
            "--oauth-endpoint",
            &base,
            "--developer-token",
            DEVELOPER_TOKEN,
            "--account-id",
            &ACCOUNT_ID.to_string(),
            "--customer-id",
            &CUSTOMER_ID.to_string(),
        ],
        Stdio::null(),
    );
    let url = authorization_url(&lines);
    assert!(
        url.starts_with(&format!("{base}/common/oauth2/v2.0/authorize?")),
        "{url}"
    );
    assert!(url.contains("code_challenge_method=S256"), "PKCE: {url}");
    let location = emu.approve_consent(&url).expect("consent");
    assert!(location.starts_with("http://127.0.0.1:"), "{location}");
    let page = follow_redirect(&location);
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    assert!(page.contains("Signed in"), "{page}");
    let (code, stdout) = finish(child);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("Signed in: profile `emu` (production)"),
        "{stdout}"
    );

    // Stored with owner-only permissions.
    let path = home.credentials();
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    let p = stored_profile(&home, "emu");
    assert_eq!(p["environment"], "production");
    assert_eq!(p["client_id"], DESKTOP_CLIENT_ID);
    assert_eq!(p["developer_token"], DEVELOPER_TOKEN);
    assert_eq!(p["account_id"], ACCOUNT_ID.to_string());
    assert_eq!(p["oauth_endpoint"], base.as_str());
    let first_refresh = p["refresh_token"].as_str().unwrap().to_string();
    let access = p["access_token"].as_str().unwrap().to_string();
    assert!(p["access_token_expires_at"].as_u64().is_some());

    // Status never shows a secret.
    let out = bingads(&home)
        .args(["--profile", "emu", "auth", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains("refresh token:   stored"))
        .stdout(predicate::str::contains("access token:    valid for"))
        .stdout(predicate::str::contains(
            "calls use:       OAuth, refresh token of profile `emu`",
        ))
        .stdout(predicate::str::contains("environment, rest wire"));
    let status = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    bingads(&home)
        .args(["--profile", "emu", "--transport", "soap", "auth", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains("environment, soap wire"));
    for secret in [first_refresh.as_str(), access.as_str(), DEVELOPER_TOKEN] {
        assert!(!status.contains(secret), "status shows a secret: {status}");
    }
    #[cfg(unix)]
    assert!(status.contains("(mode 0600)"), "{status}");

    // A call with the stored access token.
    let get = format!(r#"{{"AccountId": "{ACCOUNT_ID}", "CampaignType": "Search"}}"#);
    let call = || {
        bingads(&home)
            .env("BINGADS_PROFILE", "emu")
            .args([
                "call",
                "CampaignManagement",
                "GetCampaignsByAccountId",
                "--data",
                &get,
            ])
            .assert()
            .success()
    };
    call();
    assert_eq!(
        stored_profile(&home, "emu")["refresh_token"],
        first_refresh.as_str()
    );

    // The service rejects the access token (109): the call refreshes once, retries, and the
    // rotated refresh token is stored.
    emu.expire_access_tokens();
    call();
    let second_refresh = stored_profile(&home, "emu")["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(
        second_refresh, first_refresh,
        "the rotated refresh token is stored"
    );
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    // The emulator revokes redeemed refresh tokens: this works only with the stored one.
    emu.expire_access_tokens();
    call();
    assert_ne!(
        stored_profile(&home, "emu")["refresh_token"],
        second_refresh.as_str()
    );

    // Logout forgets the profile.
    bingads(&home)
        .args(["--profile", "emu", "auth", "logout"])
        .assert()
        .success()
        .stdout(predicate::str::contains("removed profile `emu`"));
    bingads(&home)
        .args(["--profile", "emu", "auth", "status"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no stored profile `emu`"));
}

#[test]
fn login_by_pasting_the_redirect_address() {
    let emu = Emu::start();
    let home = Home::new();
    let base = emu.base();
    let (mut child, lines) = spawn_login(
        &home,
        &[
            "--environment",
            "sandbox",
            "--client-id",
            DESKTOP_CLIENT_ID,
            "--oauth-endpoint",
            &base,
            "--redirect-uri",
            NATIVE_REDIRECT_URI,
        ],
        Stdio::piped(),
    );
    let url = authorization_url(&lines);
    let location = emu.approve_consent(&url).expect("consent");
    assert!(location.starts_with(NATIVE_REDIRECT_URI), "{location}");
    let mut stdin = child.stdin.take().unwrap();
    // A runaway paste (4 MiB on one line) is skipped, not taken as the address (before the
    // cap it was read whole and ended the sign-in with an invalid response URI).
    let runaway = "x".repeat(4 << 20);
    writeln!(stdin, "{runaway}").unwrap();
    writeln!(stdin, "{location}").unwrap();
    drop(stdin);
    let (code, stdout) = finish(child);
    assert_eq!(code, 0, "{stdout}");
    // Without --profile, the profile is named after the environment.
    assert!(stdout.contains("profile `sandbox` (sandbox)"), "{stdout}");
    assert!(stdout.contains("No developer token is stored"), "{stdout}");
    let p = stored_profile(&home, "sandbox");
    assert_eq!(p["environment"], "sandbox");
    assert!(p["refresh_token"].as_str().is_some());
    // BINGADS_ENVIRONMENT picks the profile.
    bingads(&home)
        .env("BINGADS_ENVIRONMENT", "sandbox")
        .args(["auth", "status"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("profile `sandbox`"))
        .stderr(predicate::str::contains("no developer token"));
}

#[test]
fn denied_consent_fails_with_the_auth_exit_code() {
    let emu = Emu::start();
    let home = Home::new();
    let base = emu.base();
    let (child, lines) = spawn_login(
        &home,
        &["--client-id", DESKTOP_CLIENT_ID, "--oauth-endpoint", &base],
        Stdio::null(),
    );
    let url = authorization_url(&lines);
    let location = emu.deny_consent(&url).expect("deny");
    let page = follow_redirect(&location);
    assert!(page.starts_with("HTTP/1.1 400"), "{page}");
    assert!(page.contains("Sign-in failed"), "{page}");
    let (code, _) = finish(child);
    assert_eq!(code, 5);
    let rest: Vec<String> = lines.try_iter().collect();
    assert!(
        rest.iter().any(|l| l.contains("denied consent")),
        "{rest:?}"
    );
    assert!(!home.credentials().exists());
}

#[test]
fn login_needs_a_client_id_and_status_says_what_to_do() {
    let home = Home::new();
    bingads(&home)
        .args(["auth", "login", "--no-browser"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no client id"))
        .stderr(predicate::str::contains("--client-id"));
    bingads(&home)
        .args(["auth", "status"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "profile `production`: not signed in",
        ))
        .stderr(predicate::str::contains("bingads auth login"));
    bingads(&home)
        .args(["auth", "logout"])
        .assert()
        .success()
        .stdout(predicate::str::contains("was not stored"));
}

/// Writes a profile `emu` whose access token has expired, with a fresh refresh token.
fn expired_profile(emu: &Emu, home: &Home) -> String {
    let tokens = emu.issue_tokens(
        DESKTOP_CLIENT_ID,
        "https://ads.microsoft.com/msads.manage offline_access",
    );
    let refresh = tokens
        .refresh_token
        .expect("offline_access gives a refresh token");
    let base = emu.base();
    let file = serde_json::json!({"profiles": {"emu": {
        "environment": "production",
        "client_id": DESKTOP_CLIENT_ID,
        "developer_token": DEVELOPER_TOKEN,
        "refresh_token": refresh,
        "access_token": "an-expired-access-token",
        "access_token_expires_at": 1,
        "account_id": ACCOUNT_ID.to_string(),
        "customer_id": CUSTOMER_ID.to_string(),
        "endpoint": base,
        "oauth_endpoint": base,
    }}});
    let path = home.credentials();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, file.to_string()).unwrap();
    refresh
}

#[test]
fn parallel_processes_with_an_expired_access_token_share_one_refresh() {
    // Before the credentials file lock, every process redeemed the same single-use refresh
    // token and all but one failed with invalid_grant.
    const PROCESSES: usize = 6;
    let emu = Emu::start();
    let home = Home::new();
    let first_refresh = expired_profile(&emu, &home);
    let before = emu.token_requests();
    let get = format!(r#"{{"AccountId": "{ACCOUNT_ID}", "CampaignType": "Search"}}"#);
    let children: Vec<Child> = (0..PROCESSES)
        .map(|_| {
            let mut cmd = std::process::Command::new(common::bin());
            common::isolate(&mut cmd, home.dir.path());
            cmd.env("BINGADS_PROFILE", "emu")
                .args(["call", "CampaignManagement", "GetCampaignsByAccountId"])
                .args(["--data", &get, "--timeout", "30"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("bingads starts")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("bingads ends");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        emu.token_requests() - before,
        1,
        "one process renews, the others use what it stored"
    );
    let stored = stored_profile(&home, "emu");
    assert_ne!(stored["refresh_token"], first_refresh.as_str());
    assert_ne!(stored["access_token"], "an-expired-access-token");
}

#[test]
fn a_stored_expiry_of_u64_max_does_not_panic() {
    // `UNIX_EPOCH + Duration::from_secs(u64::MAX)` panicked before: the value is taken as
    // expired, and the call renews it.
    let emu = Emu::start();
    let home = Home::new();
    expired_profile(&emu, &home);
    let path = home.credentials();
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        r#""access_token_expires_at":1"#,
        &format!(r#""access_token_expires_at":{}"#, u64::MAX),
    );
    std::fs::write(&path, text).unwrap();
    assert_eq!(
        stored_profile(&home, "emu")["access_token_expires_at"],
        u64::MAX
    );
    let get = format!(r#"{{"AccountId": "{ACCOUNT_ID}", "CampaignType": "Search"}}"#);
    bingads(&home)
        .args([
            "--profile",
            "emu",
            "call",
            "CampaignManagement",
            "GetCampaignsByAccountId",
        ])
        .args(["--data", &get])
        .assert()
        .success();
    bingads(&home)
        .args(["--profile", "emu", "auth", "status"])
        .assert()
        .success();
}

#[test]
fn forged_redirects_to_the_listener_do_not_end_the_sign_in() {
    // Before, the first request with `code`, `error` or `state` ended the sign-in, so any
    // web page could abort it with one image request to the loopback address.
    let emu = Emu::start();
    let home = Home::new();
    let base = emu.base();
    let (child, lines) = spawn_login(
        &home,
        &[
            "--profile",
            "emu",
            "--client-id",
            DESKTOP_CLIENT_ID,
            "--endpoint",
            &base,
            "--oauth-endpoint",
            &base,
            "--developer-token",
            DEVELOPER_TOKEN,
        ],
        Stdio::null(),
    );
    let url = authorization_url(&lines);
    let query: std::collections::HashMap<String, String> = url::Url::parse(&url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect();
    let listener = query["redirect_uri"].trim_end_matches('/').to_string();
    for forged in [
        "/?error=access_denied&error_description=forged".to_string(),
        "/?code=stolen&state=guessed".to_string(),
        format!("/?error=access_denied&state={}x", query["state"]),
    ] {
        let page = follow_redirect(&format!("{listener}{forged}"));
        assert!(page.starts_with("HTTP/1.1 400"), "{forged}: {page}");
        assert!(page.contains("keeps waiting"), "{page}");
    }
    let location = emu.approve_consent(&url).expect("consent");
    let page = follow_redirect(&location);
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    let (code, stdout) = finish(child);
    assert_eq!(code, 0, "{stdout}");
    assert!(stored_profile(&home, "emu")["refresh_token"].is_string());
}

#[test]
fn a_plain_http_redirect_uri_off_loopback_is_refused() {
    let home = Home::new();
    bingads(&home)
        .args([
            "auth",
            "login",
            "--no-browser",
            "--client-id",
            DESKTOP_CLIENT_ID,
        ])
        .args(["--redirect-uri", "http://example.com/callback"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing the redirect URI"))
        .stderr(predicate::str::contains("loopback"));
}

#[test]
fn login_again_resolves_like_every_call() {
    // `auth login` had its own precedence, which ignored the profile's stored OAuth host and
    // service endpoint: signing in again sent the browser to Microsoft instead of where the
    // profile's tokens come from. It now uses the resolver of every call.
    let emu = Emu::start();
    let home = Home::new();
    expired_profile(&emu, &home);
    let (mut child, lines) = spawn_login(&home, &["--profile", "emu"], Stdio::null());
    let url = authorization_url(&lines);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        url.starts_with(&format!("{}/common/oauth2/v2.0/authorize?", emu.base())),
        "{url}"
    );
    assert!(
        url.contains(&format!("client_id={DESKTOP_CLIENT_ID}")),
        "{url}"
    );
}
