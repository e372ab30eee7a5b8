//! Failure injection, connection accounting and shutdown.

#[macro_use]
mod common;

use common::Wire;

use std::time::{Duration, Instant};

use bingads_emulator::*;
use bingads_gen::Nillable;
use bingads_gen::soap::{Operation, decode_envelope};
use bingads_gen::v13::campaign_management::{self as cmt, AddCampaignsRequest, Campaign};
use bingads_gen::v13::customer_management::{FaultDetail, GetUserRequest};
use bingads_gen::v13::{bulk, reporting};
use bingads_gen::xml::DecodeErrorKind;

fn user_code(f: &bingads_gen::soap::SoapFault<FaultDetail>) -> i32 {
    match f.detail.as_ref().expect("detail") {
        FaultDetail::AdApiFaultDetail(d) => {
            d.errors.value().unwrap()[0].as_ref().unwrap().code.unwrap()
        }
        FaultDetail::ApiFault(d) => d.operation_errors.value().unwrap()[0]
            .as_ref()
            .unwrap()
            .code
            .unwrap(),
        other => panic!("{other:?}"),
    }
}

async fn fault_injections_are_one_shot(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));
    let req = GetUserRequest::default();
    for (injection, code) in [
        (Injection::TokenExpired, 109),
        (Injection::CallRateExceeded, 117),
        (Injection::ConcurrentRequestOverLimit, 207),
        (Injection::BulkThrottled, 4204),
    ] {
        emu.inject(injection.clone());
        assert_eq!(emu.pending_injections(), 1);
        let f = common::fault(&emu, &http, &req, &h).await;
        assert_eq!(user_code(&f), code, "{injection:?}");
        assert_eq!(emu.pending_injections(), 0);
        common::ok(&emu, &http, &req, &h).await;
    }
    let recorded = emu.requests();
    assert_eq!(recorded[0].injected.as_deref(), Some("TokenExpired"));
    assert_eq!(recorded[1].injected, None);
}
both_wires!(fault_injections_are_one_shot);

async fn throttling_faults_in_each_service_shape(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);

    emu.inject(Injection::CallRateExceeded);
    let get = cmt::GetCampaignsByAccountIdRequest {
        account_id: Some(ACCOUNT_ID),
        ..Default::default()
    };
    let f = common::fault(&emu, &http, &get, &common::cm_headers(&token)).await;
    assert_eq!(common::cm_codes(&f), vec![(117, "CallRateExceeded".into())]);
    assert!(matches!(
        f.detail,
        Some(cmt::FaultDetail::AdApiFaultDetail(_))
    ));

    emu.inject(Injection::ConcurrentRequestOverLimit);
    let submit = reporting::SubmitGenerateReportRequest::default();
    let f = common::fault(&emu, &http, &submit, &common::cm_headers(&token)).await;
    match f.detail {
        Some(reporting::FaultDetail::ApiFaultDetail(d)) => {
            let e = d.operation_errors.value().unwrap()[0].clone().unwrap();
            assert_eq!(
                (e.code, e.error_code.value().map(String::as_str)),
                (Some(207), Some("ConcurrentRequestOverLimit"))
            );
        }
        other => panic!("{other:?}"),
    }

    emu.inject(Injection::BulkThrottled);
    let upload = bulk::GetBulkUploadUrlRequest::default();
    let f = common::fault(&emu, &http, &upload, &common::cm_headers(&token)).await;
    match f.detail {
        Some(bulk::FaultDetail::ApiFaultDetail(d)) => {
            let e = d.operation_errors.value().unwrap()[0].clone().unwrap();
            assert_eq!(e.code, Some(4204));
            assert_eq!(
                e.error_code.value().map(String::as_str),
                Some("BulkServiceNoMoreCallsPermittedForTheTimePeriod")
            );
        }
        other => panic!("{other:?}"),
    }
}
both_wires!(throttling_faults_in_each_service_shape);

async fn counted_and_per_operation_injections(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);
    emu.inject(Injection::CallRateExceeded.times(3));
    for _ in 0..3 {
        common::fault(
            &emu,
            &http,
            &GetUserRequest::default(),
            &common::auth_headers(&token),
        )
        .await;
    }
    common::ok(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&token),
    )
    .await;

    emu.inject(Injection::TokenExpired.for_operation("AddCampaigns"));
    common::ok(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&token),
    )
    .await;
    assert_eq!(emu.pending_injections(), 1);
    let add = AddCampaignsRequest {
        account_id: Some(ACCOUNT_ID),
        campaigns: Nillable::Value(vec![Some(Campaign {
            name: "x".into(),
            daily_budget: Nillable::Value(1.0),
            budget_type: Nillable::Value(cmt::BudgetLimitType::DailyBudgetStandard),
            ..Default::default()
        })]),
    };
    let f = common::fault(&emu, &http, &add, &common::cm_headers(&token)).await;
    assert_eq!(common::cm_codes(&f)[0].0, 109);
    emu.inject(Injection::DropConnection);
    emu.clear_injections();
    assert_eq!(emu.pending_injections(), 0);
}
both_wires!(counted_and_per_operation_injections);

async fn http_status_injection(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));
    for code in [503u16, 500] {
        emu.inject(Injection::HttpStatus(code));
        let resp = common::request(&emu, &http, &GetUserRequest::default(), &h)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), code, "{wire:?}");
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let body = resp.text().await.unwrap();
        assert!(body.contains("<html") && !body.contains("Envelope"));
    }
}
both_wires!(http_status_injection);

async fn delay_injection(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));
    emu.inject(Injection::Delay(Duration::from_millis(300)));
    let started = Instant::now();
    common::ok(&emu, &http, &GetUserRequest::default(), &h).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
}
both_wires!(delay_injection);

async fn truncated_and_malformed_xml(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);
    let add = AddCampaignsRequest {
        account_id: Some(ACCOUNT_ID),
        campaigns: Nillable::Value(vec![Some(Campaign {
            name: "Cut short".into(),
            daily_budget: Nillable::Value(1.0),
            budget_type: Nillable::Value(cmt::BudgetLimitType::DailyBudgetStandard),
            ..Default::default()
        })]),
    };
    emu.inject(Injection::TruncatedXml);
    let (status, _, body) = common::send_raw(&emu, &http, &add, &common::cm_headers(&token)).await;
    assert_eq!(status, 200);
    assert_unreadable::<AddCampaignsRequest>(wire, &body);
    // The operation ran: the campaign exists.
    let all = common::ok(
        &emu,
        &http,
        &cmt::GetCampaignsByAccountIdRequest {
            account_id: Some(ACCOUNT_ID),
            ..Default::default()
        },
        &common::cm_headers(&token),
    )
    .await;
    assert_eq!(all.campaigns.value().unwrap().len(), 1);

    emu.inject(Injection::MalformedXml);
    let (status, _, body) = common::send_raw(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&token),
    )
    .await;
    assert_eq!(status, 200);
    assert_unreadable::<GetUserRequest>(wire, &body);
}
both_wires!(truncated_and_malformed_xml);

/// A 200 body that the wire's own decoder must reject as cut short or not well-formed.
fn assert_unreadable<O: Operation>(wire: common::Wire, body: &[u8])
where
    O::Response: bingads_gen::json::JsonRead + std::fmt::Debug,
    O::Fault: std::fmt::Debug,
{
    match wire {
        common::Wire::Soap => {
            assert!(body.starts_with(b"<s:Envelope"));
            let err = decode_envelope::<O::Response, O::Fault>(body, O::META).unwrap_err();
            assert!(
                matches!(
                    err.kind,
                    DecodeErrorKind::UnexpectedEof | DecodeErrorKind::Syntax(_)
                ),
                "{err}"
            );
        }
        common::Wire::Rest => {
            assert!(body.starts_with(b"{"), "{}", String::from_utf8_lossy(body));
            let text = std::str::from_utf8(body).unwrap();
            let err = bingads_gen::json::from_str::<O::Response>(text).unwrap_err();
            assert!(!err.to_string().is_empty());
        }
    }
}

async fn drop_connection_closes_without_response(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));
    let get = GetUserRequest::default();
    common::ok(&emu, &http, &get, &h).await;
    assert_eq!(emu.connections_accepted(), 1);

    emu.inject(Injection::DropConnection);
    let result = common::request(&emu, &http, &get, &h).send().await;
    let err = result.expect_err("no response");
    assert!(!err.is_status() && !err.is_timeout(), "{wire:?}: {err:?}");

    // The client reconnects; the server saw a second connection.
    common::ok(&emu, &http, &get, &h).await;
    assert_eq!(emu.connections_accepted(), 2);

    // The same at the raw TCP level: the socket is closed with zero response bytes.
    let doc = common::envelope(&get, &h);
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    emu.inject(Injection::DropConnection);
    let mut tcp = tokio::net::TcpStream::connect(emu.local_addr())
        .await
        .unwrap();
    let request = format!(
        "POST /Api/CustomerManagement/v13/CustomerManagementService.svc HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n\
         SOAPAction: GetUser\r\nContent-Length: {}\r\n\r\n{doc}",
        doc.len()
    );
    tcp.write_all(request.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), tcp.read_to_end(&mut buf))
        .await
        .expect("closed promptly");
    assert!(read.is_ok() || buf.is_empty());
    assert!(buf.is_empty(), "got {:?}", String::from_utf8_lossy(&buf));
}
both_wires!(drop_connection_closes_without_response);

async fn one_connection_for_a_hundred_calls(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));
    for _ in 0..100 {
        common::ok(&emu, &http, &GetUserRequest::default(), &h).await;
    }
    assert_eq!(emu.connections_accepted(), 1);
    let recorded = emu.requests();
    assert_eq!(recorded.len(), 100);
    assert!(recorded.iter().all(|r| r.connection_id == 1));
    // A second client opens a second connection.
    common::ok(
        &emu,
        &common::client_on(wire),
        &GetUserRequest::default(),
        &h,
    )
    .await;
    assert_eq!(emu.connections_accepted(), 2);
    emu.clear_requests();
    assert!(emu.requests().is_empty());
}
both_wires!(one_connection_for_a_hundred_calls);

#[tokio::test]
async fn shutdown_stops_the_server() {
    let emu = Emulator::start_with(EmulatorConfig::default().with_port(0))
        .await
        .unwrap();
    let addr = emu.local_addr();
    assert!(emu.base_url().starts_with("http://127.0.0.1:"));
    assert_eq!(
        emu.token_url(),
        format!("http://{addr}/common/oauth2/v2.0/token")
    );
    tokio::net::TcpStream::connect(addr).await.unwrap();
    emu.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());

    // A shutdown handle ends `wait`; dropping also stops the server.
    let mut emu = Emulator::start().await.unwrap();
    let handle = emu.shutdown_handle();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(20)).await;
        handle.shutdown();
    });
    tokio::time::timeout(Duration::from_secs(5), emu.wait())
        .await
        .expect("stopped");
    let addr = emu.local_addr();
    drop(emu);
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());

    let emu = Emulator::start().await.unwrap();
    let addr = emu.local_addr();
    drop(emu);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

async fn recorded_requests_are_bounded(wire: Wire) {
    let config = EmulatorConfig {
        max_recorded_requests: 3,
        max_recorded_body_bytes: 1_000_000,
        ..Default::default()
    };
    let emu = Emulator::start_with(config).await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));
    for _ in 0..5 {
        common::ok(&emu, &http, &GetUserRequest::default(), &h).await;
    }
    assert_eq!(emu.requests().len(), 3);

    let config = EmulatorConfig {
        max_recorded_body_bytes: 1,
        ..Default::default()
    };
    let emu = Emulator::start_with(config).await.unwrap();
    let h = common::auth_headers(&common::access_token(&emu));
    for _ in 0..3 {
        common::ok(&emu, &http, &GetUserRequest::default(), &h).await;
    }
    assert_eq!(
        emu.requests().len(),
        1,
        "only the latest is kept when bodies exceed the byte limit"
    );
}
both_wires!(recorded_requests_are_bounded);
