//! End-to-end failure handling against the emulator's injections: expired tokens (109) and the
//! single-flight refresh, throttling waits on tokio's paused clock, HTTP 5xx, dropped
//! connections, timeouts, and undecodable responses.

#[macro_use]
mod common;

use bingads::Wire;

use std::time::Duration;

use bingads::v13::customer_management::GetUserRequest;
use bingads::{Client, Environment, Error, RetryPolicy, SecretString};
use bingads_emulator::{Emulator, Injection, PASSWORD, USER_NAME};
use tokio::task::JoinSet;
use tokio::time::Instant;

const GET: &str = "GetCampaignsByAccountId";
const ADD: &str = "AddCampaigns";

async fn get(client: &Client) -> Result<(), Error> {
    client
        .campaign_management()?
        .get_campaigns_by_account_id(&common::get_campaigns())
        .await
        .map(|_| ())
}

async fn add(client: &Client, name: &str) -> Result<(), Error> {
    let reply = client
        .campaign_management()?
        .add_campaigns(&common::add_campaigns(vec![Some(common::campaign(name))]))
        .await?;
    assert!(reply.value.campaign_ids.value().unwrap()[0].is_some());
    Ok(())
}

/// The `AuthenticationToken` header of each recorded call of `operation`.
fn tokens_sent(emu: &Emulator, operation: &str) -> Vec<String> {
    common::requests_for(emu, operation)
        .iter()
        .map(|r| {
            r.soap_header("AuthenticationToken")
                .expect("an AuthenticationToken header")
                .to_string()
        })
        .collect()
}

/// The injection applied to each recorded call of `operation`.
fn injected(emu: &Emulator, operation: &str) -> Vec<Option<String>> {
    common::requests_for(emu, operation)
        .into_iter()
        .map(|r| r.injected)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 109: refresh once, retry once
// ---------------------------------------------------------------------------------------------

async fn expired_access_token_is_refreshed_once_and_the_call_succeeds(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    // No retry budget at all: the 109 retry does not count against it.
    let client = oauth.client(&emu, RetryPolicy::none(), wire);
    let initial_access = oauth.initial.access_token.clone();
    let initial_refresh = oauth.initial.refresh_token.clone().unwrap();

    get(&client).await.unwrap();
    assert_eq!(oauth.refresh_count(), 0);

    emu.expire_access_tokens();
    get(&client)
        .await
        .expect("the call succeeds after a refresh");
    assert_eq!(oauth.refresh_count(), 1);
    let new_access = oauth.access_token();
    assert_ne!(new_access, initial_access);
    assert_eq!(
        tokens_sent(&emu, GET),
        vec![
            initial_access.clone(),
            initial_access.clone(),
            new_access.clone()
        ]
    );

    // The callback got the new tokens, with the rotated refresh token the grant now holds.
    let refreshed = oauth.refreshed.lock().unwrap()[0].clone();
    assert_eq!(refreshed.access_token.expose(), new_access);
    let rotated = refreshed
        .refresh_token
        .clone()
        .expect("a new refresh token");
    assert_ne!(rotated.expose(), initial_refresh);
    assert_eq!(oauth.grant.tokens().unwrap().refresh_token, Some(rotated));

    // The emulator revokes redeemed refresh tokens, so a second expiry only works if the
    // rotated one was kept.
    emu.expire_access_tokens();
    get(&client)
        .await
        .expect("refreshes with the rotated token");
    assert_eq!(oauth.refresh_count(), 2);

    // A 109 the service sends for a token it still accepts: refresh, retry, done.
    emu.clear_requests();
    emu.inject(Injection::TokenExpired);
    add(&client, "After 109").await.unwrap();
    assert_eq!(oauth.refresh_count(), 3);
    assert_eq!(
        injected(&emu, ADD),
        vec![Some("TokenExpired".to_string()), None]
    );
    assert_eq!(common::campaign_names(&client).await, vec!["After 109"]);

    // A second 109 right after a refresh is returned, not looped on.
    emu.clear_requests();
    emu.inject(Injection::TokenExpired.times(2));
    let err = get(&client).await.unwrap_err();
    assert!(err.has_code(109), "{err:?}");
    assert_eq!(oauth.refresh_count(), 4);
    assert_eq!(common::requests_for(&emu, GET).len(), 2);

    // Legacy credentials have nothing to refresh: the 109 is returned at once.
    let legacy = common::password_client(&emu, common::fast_retries(4), wire);
    emu.clear_requests();
    emu.inject(Injection::TokenExpired);
    let err = get(&legacy).await.unwrap_err();
    assert!(err.has_code(109), "{err:?}");
    assert_eq!(common::requests_for(&emu, GET).len(), 1);
}
both_wires!(expired_access_token_is_refreshed_once_and_the_call_succeeds);

async fn twenty_concurrent_109s_share_one_refresh(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    let client = oauth.client(&emu, RetryPolicy::none(), wire);
    let old = oauth.initial.access_token.clone();

    emu.expire_access_tokens();
    // Hold each first attempt at the service for a moment, so that all twenty are sent with
    // the expired token before the first 109 comes back and a refresh can happen.
    emu.inject(Injection::Delay(Duration::from_millis(300)).times(20));
    let mut calls = JoinSet::new();
    for _ in 0..20 {
        let client = client.clone();
        calls.spawn(async move { get(&client).await });
    }
    while let Some(result) = calls.join_next().await {
        result
            .expect("no panic")
            .expect("every call succeeds after the refresh");
    }

    assert_eq!(oauth.refresh_count(), 1, "exactly one refresh");
    let new = oauth.access_token();
    let sent = tokens_sent(&emu, GET);
    assert_eq!(sent.len(), 40, "each call: one 109, one retry");
    assert_eq!(sent.iter().filter(|t| **t == old).count(), 20);
    assert_eq!(sent.iter().filter(|t| **t == new).count(), 20);
}
both_wires!((flavor = "multi_thread", worker_threads = 2) twenty_concurrent_109s_share_one_refresh);

async fn a_failed_refresh_is_shared_too(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    // The refresh token stops working (revoked elsewhere), then every access token expires.
    oauth.grant.set_tokens(bingads::auth::OAuthTokens::new(
        oauth.initial.access_token.as_str(),
        Some(SecretString::new("revoked-refresh-token")),
        Some(Duration::from_secs(3600)),
    ));
    let client = oauth.client(&emu, RetryPolicy::none(), wire);
    emu.expire_access_tokens();
    emu.inject(Injection::Delay(Duration::from_millis(300)).times(20));
    let before = emu.token_requests();
    let mut calls = JoinSet::new();
    for _ in 0..20 {
        let client = client.clone();
        calls.spawn(async move { get(&client).await });
    }
    while let Some(result) = calls.join_next().await {
        let err = result.expect("no panic").expect_err("the refresh fails");
        assert!(matches!(err, Error::Auth(_)), "{err:?}");
    }
    assert_eq!(
        emu.token_requests() - before,
        1,
        "one token request for twenty 109s"
    );
}
both_wires!((flavor = "multi_thread", worker_threads = 2) a_failed_refresh_is_shared_too);

// ---------------------------------------------------------------------------------------------
// Throttling, on the paused clock
// ---------------------------------------------------------------------------------------------

/// A policy without jitter, so waits are exact: 5 s, 10 s, 20 s, ... capped at `max_delay`.
fn throttle_policy(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        base_delay: Duration::from_millis(500),
        throttle_delay: Duration::from_secs(5),
        max_delay: Duration::from_secs(60),
        retry_non_idempotent: false,
        jitter: false,
    }
}

/// A client whose HTTP client arms no timer: on the paused clock, the only timers are the
/// retry waits, so the clock moves by exactly the time the transport slept.
fn paused_clock_client(emu: &Emulator, policy: RetryPolicy, wire: Wire) -> Client {
    Client::builder(
        common::authorization(bingads::auth::PasswordAuthentication::new(
            USER_NAME, PASSWORD,
        )),
        Environment::Production,
    )
    .endpoint_base(emu.base_url())
    .wire(wire)
    .http_client(common::timerless_http())
    .retry_policy(policy)
    .build()
    .unwrap()
}

#[track_caller]
fn assert_waited(waited: Duration, expected: Duration) {
    // The timer wheel rounds each deadline up to the next millisecond.
    assert!(
        waited >= expected && waited <= expected + Duration::from_millis(10),
        "waited {waited:?}, the policy says {expected:?}"
    );
}

async fn throttled_until_success(wire: Wire, injection: Injection, label: &str, operation: &str) {
    let emu = common::emulator().await;
    let client = paused_clock_client(&emu, throttle_policy(4), wire);
    emu.inject(injection.times(3));
    let start = Instant::now();
    match operation {
        ADD => add(&client, "Throttled").await.unwrap(),
        GET => get(&client).await.unwrap(),
        _ => {
            client
                .customer_management()
                .unwrap()
                .get_user(&GetUserRequest::default())
                .await
                .unwrap();
        }
    }
    // Three faults, three waits: 5 s + 10 s + 20 s.
    assert_waited(start.elapsed(), Duration::from_secs(35));
    let l = Some(label.to_string());
    assert_eq!(
        injected(&emu, operation),
        vec![l.clone(), l.clone(), l, None]
    );
    assert_eq!(emu.pending_injections(), 0);
}

async fn call_rate_exceeded_117_is_retried_even_for_an_add(wire: Wire) {
    throttled_until_success(wire, Injection::CallRateExceeded, "CallRateExceeded", ADD).await;
}
both_wires!((start_paused = true) call_rate_exceeded_117_is_retried_even_for_an_add);

async fn concurrent_request_over_limit_207_is_retried(wire: Wire) {
    throttled_until_success(
        wire,
        Injection::ConcurrentRequestOverLimit,
        "ConcurrentRequestOverLimit",
        GET,
    )
    .await;
}
both_wires!((start_paused = true) concurrent_request_over_limit_207_is_retried);

async fn bulk_throttling_4204_is_retried(wire: Wire) {
    throttled_until_success(wire, Injection::BulkThrottled, "BulkThrottled", "GetUser").await;
}
both_wires!((start_paused = true) bulk_throttling_4204_is_retried);

async fn throttling_beyond_max_attempts_returns_the_fault(wire: Wire) {
    let emu = common::emulator().await;
    let client = paused_clock_client(&emu, throttle_policy(3), wire);
    emu.inject(Injection::CallRateExceeded.times(5));
    let start = Instant::now();
    let err = add(&client, "Never").await.unwrap_err();
    assert_waited(start.elapsed(), Duration::from_secs(5 + 10));
    let fault = err.fault().expect("the last fault");
    assert_eq!(fault.codes(), vec![117]);
    assert_eq!(
        fault.errors[0].error_code.as_deref(),
        Some("CallRateExceeded")
    );
    common::tracking(err.tracking_id());
    assert_eq!(common::requests_for(&emu, ADD).len(), 3);
    emu.clear_injections();
    assert!(common::campaign_names(&client).await.is_empty());
}
both_wires!((start_paused = true) throttling_beyond_max_attempts_returns_the_fault);

async fn throttling_waits_are_capped_and_jittered(wire: Wire) {
    let emu = common::emulator().await;

    // Capped: 5 s, then 8 s twice (10 s and 20 s are over the cap).
    let capped = paused_clock_client(
        &emu,
        RetryPolicy {
            max_delay: Duration::from_secs(8),
            ..throttle_policy(4)
        },
        wire,
    );
    emu.inject(Injection::ConcurrentRequestOverLimit.times(3));
    let start = Instant::now();
    get(&capped).await.unwrap();
    assert_waited(start.elapsed(), Duration::from_secs(5 + 8 + 8));

    // Jittered (the default policy): each wait between half and all of 5 s, 10 s.
    let jittered = paused_clock_client(&emu, RetryPolicy::default(), wire);
    for _ in 0..5 {
        emu.inject(Injection::CallRateExceeded.times(2));
        let start = Instant::now();
        get(&jittered).await.unwrap();
        let waited = start.elapsed();
        assert!(
            waited >= Duration::from_millis(7_500)
                && waited <= Duration::from_secs(15) + Duration::from_millis(10),
            "waited {waited:?}"
        );
    }

    // The default policy gives up after four attempts: three waits.
    emu.clear_requests();
    emu.inject(Injection::CallRateExceeded.times(4));
    let start = Instant::now();
    let err = get(&jittered).await.unwrap_err();
    assert!(err.has_code(117));
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_millis(17_500)
            && waited <= Duration::from_secs(35) + Duration::from_millis(10),
        "waited {waited:?}"
    );
    assert_eq!(common::requests_for(&emu, GET).len(), 4);
}
both_wires!((start_paused = true) throttling_waits_are_capped_and_jittered);

// ---------------------------------------------------------------------------------------------
// Ambiguous failures: reads are re-sent, writes are not (unless the caller opts in)
// ---------------------------------------------------------------------------------------------

fn opt_in(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        retry_non_idempotent: true,
        ..common::fast_retries(max_attempts)
    }
}

async fn http_5xx_retries_reads_but_never_resends_writes(wire: Wire) {
    let emu = common::emulator().await;
    let client = common::password_client(&emu, common::fast_retries(3), wire);

    emu.inject(Injection::HttpStatus(503));
    get(&client).await.expect("the read is retried");
    assert_eq!(
        injected(&emu, GET),
        vec![Some("HttpStatus(503)".to_string()), None]
    );

    emu.inject(Injection::HttpStatus(503));
    let err = add(&client, "Maybe").await.unwrap_err();
    match &err {
        Error::HttpStatus {
            service,
            operation,
            status,
            body_excerpt,
            ..
        } => {
            assert_eq!(*service, "CampaignManagementService");
            assert_eq!(*operation, ADD);
            assert_eq!(*status, 503);
            assert!(body_excerpt.contains("503"), "{body_excerpt}");
        }
        other => panic!("expected Error::HttpStatus, got {other:?}"),
    }
    assert!(err.to_string().contains("HTTP 503"), "{err}");
    assert_eq!(
        common::requests_for(&emu, ADD).len(),
        1,
        "sent exactly once"
    );

    // Opting in re-sends the write.
    let eager = common::password_client(&emu, opt_in(3), wire);
    emu.inject(Injection::HttpStatus(500));
    add(&eager, "Re-sent").await.expect("the write is retried");
    assert_eq!(
        injected(&emu, ADD),
        vec![
            Some("HttpStatus(503)".to_string()),
            Some("HttpStatus(500)".to_string()),
            None
        ]
    );
    assert_eq!(common::campaign_names(&client).await, vec!["Re-sent"]);

    // Retries are bounded: max_attempts counts the first try.
    emu.clear_requests();
    emu.inject(Injection::HttpStatus(502).times(3));
    let err = get(&client).await.unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    assert_eq!(common::requests_for(&emu, GET).len(), 3);

    // A 4xx is not retried, even for a read.
    emu.clear_requests();
    emu.inject(Injection::HttpStatus(404));
    let err = get(&client).await.unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 404, .. }),
        "{err:?}"
    );
    assert_eq!(common::requests_for(&emu, GET).len(), 1);
}
both_wires!(http_5xx_retries_reads_but_never_resends_writes);

async fn dropped_connections_retry_reads_but_not_writes(wire: Wire) {
    let emu = common::emulator().await;
    let client = common::password_client(&emu, common::fast_retries(3), wire);

    emu.inject(Injection::DropConnection);
    get(&client).await.expect("the read is retried");
    assert_eq!(
        injected(&emu, GET),
        vec![Some("DropConnection".to_string()), None]
    );

    emu.inject(Injection::DropConnection);
    let err = add(&client, "Maybe").await.unwrap_err();
    assert!(
        matches!(err, Error::Transport { operation: ADD, .. }),
        "expected Error::Transport, got {err:?}"
    );
    assert_eq!(
        common::requests_for(&emu, ADD).len(),
        1,
        "sent exactly once"
    );

    let eager = common::password_client(&emu, opt_in(3), wire);
    emu.inject(Injection::DropConnection);
    add(&eager, "Re-sent").await.expect("the write is retried");
    assert_eq!(common::requests_for(&emu, ADD).len(), 3);
}
both_wires!(dropped_connections_retry_reads_but_not_writes);

async fn timeouts_retry_reads_but_not_writes(wire: Wire) {
    let emu = common::emulator().await;
    let timeout = Duration::from_millis(300);
    let client = Client::builder(
        common::authorization(bingads::auth::PasswordAuthentication::new(
            USER_NAME, PASSWORD,
        )),
        Environment::Production,
    )
    .endpoint_base(emu.base_url())
    .wire(wire)
    .request_timeout(timeout)
    .retry_policy(common::fast_retries(3))
    .build()
    .unwrap();

    emu.inject(Injection::Delay(Duration::from_secs(5)).for_operation(ADD));
    let started = std::time::Instant::now();
    let err = add(&client, "Slow").await.unwrap_err();
    match &err {
        Error::Timeout {
            operation, after, ..
        } => {
            assert_eq!(*operation, ADD);
            assert_eq!(*after, timeout);
        }
        other => panic!("expected Error::Timeout, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(4));
    assert_eq!(
        common::requests_for(&emu, ADD).len(),
        1,
        "sent exactly once"
    );

    emu.inject(Injection::Delay(Duration::from_secs(5)).for_operation(GET));
    get(&client).await.expect("the read is retried");
    assert_eq!(
        injected(&emu, GET),
        vec![Some("Delay(5s)".to_string()), None]
    );
}
both_wires!(timeouts_retry_reads_but_not_writes);

async fn malformed_and_truncated_responses_are_decode_errors(wire: Wire) {
    let emu = common::emulator().await;
    // The injections cut or break the body in the wire's own format (XML or JSON).
    let client = common::password_client(&emu, common::fast_retries(3), wire);
    // Responses long enough that their first half holds the whole TrackingId header.
    for name in ["One", "Two", "Three"] {
        add(&client, name).await.unwrap();
    }

    for injection in [Injection::MalformedXml, Injection::TruncatedXml] {
        emu.clear_requests();
        emu.inject(injection.clone());
        let err = get(&client).await.unwrap_err();
        assert!(
            matches!(err, Error::Decode { .. }),
            "{injection:?}: expected Error::Decode, got {err:?}"
        );
        assert!(err.to_string().contains("could not decode"), "{err}");
        if wire == Wire::Rest || matches!(injection, Injection::TruncatedXml) {
            // REST sends the TrackingId as an HTTP header; on SOAP the first half of the
            // document still has the TrackingId header. Either way the error quotes it.
            let tracking = common::tracking(err.tracking_id());
            assert!(err.to_string().contains(&tracking), "{err}");
        } else {
            assert_eq!(
                err.tracking_id(),
                None,
                "the malformed document has no header"
            );
        }
        assert_eq!(
            common::requests_for(&emu, GET).len(),
            1,
            "a 200 that does not decode is not retried"
        );

        emu.inject(injection.clone());
        let err = client
            .customer_management()
            .unwrap()
            .get_user(&GetUserRequest::default())
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        if matches!(injection, Injection::TruncatedXml) {
            common::tracking(err.tracking_id());
        }

        emu.inject(injection.clone());
        let err = add(&client, &format!("{injection:?}")).await.unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    }
    // The client is still usable.
    get(&client).await.unwrap();
}
both_wires!(malformed_and_truncated_responses_are_decode_errors);
