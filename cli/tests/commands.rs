//! Every command against the emulator (started in-process on 127.0.0.1:0), with credentials
//! passed in BINGADS_* variables: output shapes, exit codes, and the error for each kind of
//! bad input.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use bingads_emulator::{
    ACCOUNT_ID, ADS_SCOPE, DESKTOP_CLIENT_ID, DEVELOPER_TOKEN, Injection, PASSWORD,
    SECOND_ACCOUNT_ID, USER_NAME,
};
use common::{Emu, Home, bingads, bingads_at, json};
use predicates::prelude::*;

#[test]
fn help_is_complete_on_every_command() {
    let home = Home::new();
    let commands: &[&[&str]] = &[
        &[],
        &["call"],
        &["decode"],
        &["operations"],
        &["example"],
        &["auth"],
        &["auth", "login"],
        &["auth", "status"],
        &["auth", "logout"],
        &["emulator"],
    ];
    for args in commands {
        let out = bingads(&home)
            .args(*args)
            .arg("--help")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Usage: bingads"), "{args:?}: {text}");
        // Global options are documented everywhere.
        assert!(text.contains("--endpoint <URL>"), "{args:?}: {text}");
        assert!(text.contains("--profile <NAME>"), "{args:?}: {text}");
    }
    let top = bingads(&home).arg("--help").output().unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    for needle in [
        "BINGADS_DEVELOPER_TOKEN",
        "BINGADS_REFRESH_TOKEN",
        "BINGADS_USERNAME",
        "Exit codes",
        "service fault",
        "BINGADS_TRANSPORT",
    ] {
        assert!(top.contains(needle), "--help lacks {needle}: {top}");
    }
    let call = bingads(&home).args(["call", "--help"]).output().unwrap();
    let call = String::from_utf8(call.stdout).unwrap();
    for needle in [
        "--dry-run",
        "--show-secrets",
        "--input <FILE>",
        "TrackingId",
        "Exit codes",
    ] {
        assert!(call.contains(needle), "call --help lacks {needle}: {call}");
    }
    // No command: usage error with the list of commands.
    bingads(&home)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage: bingads"));
}

#[test]
fn operations_lists_services_and_operations() {
    let home = Home::new();
    let out = bingads(&home).arg("operations").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for name in [
        "AdInsightService",
        "BulkService",
        "CampaignManagementService",
        "CustomerBillingService",
        "CustomerManagementService",
        "ReportingService",
    ] {
        assert!(text.contains(name), "{text}");
    }
    bingads(&home)
        .args(["operations", "campaign-management"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\nGetCampaignsByAccountId\n"))
        .stdout(predicate::str::contains(
            "Request headers: ApplicationToken, AuthenticationToken, CustomerAccountId, CustomerId, DeveloperToken, Password, UserName",
        ));
    let out = bingads(&home)
        .args(["operations", "ReportingService", "--json"])
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    let ops = v.as_array().unwrap();
    let submit = ops
        .iter()
        .find(|o| o["Name"] == "SubmitGenerateReport")
        .expect("SubmitGenerateReport listed");
    assert_eq!(submit["SoapAction"], "SubmitGenerateReport");
    assert!(
        submit["ResponseHeaders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h == "TrackingId")
    );
    bingads(&home)
        .args(["operations", "Reportin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `ReportingService`?"));
}

#[test]
fn example_prints_a_request() {
    let home = Home::new();
    let out = bingads(&home)
        .args(["example", "campaignmanagement", "addcampaigns"])
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["Campaigns"][0]["BiddingScheme"]["Type"], "MaxClicks");
    assert!(v["Campaigns"][0]["Settings"].as_array().unwrap().len() > 5);
}

#[test]
fn unknown_service_and_operation_suggest_the_closest_name() {
    let home = Home::new();
    bingads(&home)
        .args([
            "call",
            "CampaignManagment",
            "GetCampaignsByAccountId",
            "--data",
            "{}",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown service `CampaignManagment`",
        ))
        .stderr(predicate::str::contains(
            "did you mean `CampaignManagementService`?",
        ));
    bingads(&home)
        .args([
            "call",
            "campaign-management",
            "GetCampaignsByAcountId",
            "--data",
            "{}",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "CampaignManagementService has no operation `GetCampaignsByAcountId`",
        ))
        .stderr(predicate::str::contains(
            "did you mean `GetCampaignsByAccountId`?",
        ))
        .stderr(predicate::str::contains(
            "bingads operations CampaignManagement",
        ));
    bingads(&home)
        .args(["example", "Bulk", "nonsense"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bingads operations Bulk"));
}

#[test]
fn malformed_json_reports_line_and_column() {
    let emu = Emu::start();
    let home = Home::new();
    bingads_at(&emu, &home)
        .args(["call", "CampaignManagement", "GetCampaignsByAccountId"])
        .args(["--data", "{\n  \"AccountId\": \"1\",,\n}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "malformed JSON in --data at line 2, column 20",
        ))
        .stderr(predicate::str::contains(
            "bingads example CampaignManagement GetCampaignsByAccountId",
        ));
    bingads_at(&emu, &home)
        .args(["call", "CampaignManagement", "GetCampaignsByAccountId"])
        .write_stdin("  \n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the request in standard input is empty",
        ));
    assert!(emu.requests().is_empty(), "nothing is sent");
}

#[test]
fn unknown_key_reports_its_path_and_the_closest_name() {
    let emu = Emu::start();
    let home = Home::new();
    let file = home.dir.path().join("add.json");
    std::fs::write(
        &file,
        r#"{
  "AccountId": "1",
  "Campaigns": [
    {"Name": "Spring", "BidingScheme": {"Type": "EnhancedCpc"}}
  ]
}"#,
    )
    .unwrap();
    bingads_at(&emu, &home)
        .args(["call", "CampaignManagement", "AddCampaigns", "--input"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("$.Campaigns[0].BidingScheme"))
        .stderr(predicate::str::contains("line 4"))
        .stderr(predicate::str::contains("did you mean `BiddingScheme`?"));
    assert!(emu.requests().is_empty());
}

#[test]
fn wrong_value_type_reports_path_and_expected_type() {
    let home = Home::new();
    bingads(&home)
        .args([
            "call",
            "CampaignManagement",
            "GetCampaignsByAccountId",
            "--dry-run",
        ])
        .args(["--data", r#"{"AccountId": {"Id": 1}}"#])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "at $.AccountId (line 1, column 15)",
        ))
        .stderr(predicate::str::contains(
            "expected a 64-bit integer, found an object",
        ));
    bingads(&home)
        .args(["call", "CampaignManagement", "AddCampaigns", "--dry-run"])
        .args([
            "--data",
            r#"{"AccountId": "1", "Campaigns": [{"Status": "Runing"}]}"#,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("$.Campaigns[0].Status"))
        .stderr(
            predicate::str::contains("did you mean `Paused`?")
                .or(predicate::str::contains("is not a known value")),
        );
}

#[test]
fn missing_credentials_say_what_to_set() {
    let emu = Emu::start();
    let home = Home::new();
    bingads(&home)
        .env("BINGADS_ENDPOINT", emu.base())
        .args(["call", "CustomerManagement", "GetUser", "--data", "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no credentials"))
        .stderr(predicate::str::contains("bingads auth login"))
        .stderr(predicate::str::contains("BINGADS_REFRESH_TOKEN"))
        .stderr(predicate::str::contains("BINGADS_USERNAME"))
        .stderr(predicate::str::contains("BINGADS_DEVELOPER_TOKEN"));
    // Credentials but no developer token.
    bingads(&home)
        .env("BINGADS_ENDPOINT", emu.base())
        .env("BINGADS_USERNAME", USER_NAME)
        .env("BINGADS_PASSWORD", PASSWORD)
        .args(["call", "CustomerManagement", "GetUser", "--data", "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no developer token"))
        .stderr(predicate::str::contains("BINGADS_DEVELOPER_TOKEN"));
    bingads(&home)
        .env("BINGADS_USERNAME", USER_NAME)
        .args(["call", "CustomerManagement", "GetUser", "--data", "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "BINGADS_USERNAME and BINGADS_PASSWORD go together",
        ));
    bingads(&home)
        .env("BINGADS_ACCOUNT_ID", "X0001234")
        .args([
            "call",
            "CustomerManagement",
            "GetUser",
            "--data",
            "{}",
            "--dry-run",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "BINGADS_ACCOUNT_ID must be a number",
        ));
    assert!(emu.requests().is_empty());
}

#[test]
fn call_prints_tracking_id_and_response() {
    // The same output on both wires (REST, the default, then SOAP), the same data sent.
    for wire in ["rest", "soap"] {
        let emu = Emu::start();
        let home = Home::new();
        let out = bingads_at(&emu, &home)
            .env("BINGADS_TRANSPORT", wire)
            .args([
                "call",
                "CustomerManagementService",
                "GetUser",
                "--data",
                r#"{"UserId": null}"#,
            ])
            .assert()
            .success();
        let v = json(&out.get_output().stdout);
        assert!(
            v["TrackingId"].as_str().is_some_and(|t| !t.is_empty()),
            "{wire}: {v}"
        );
        assert_eq!(v["Response"]["User"]["UserName"], USER_NAME);
        // 64-bit ids are strings, exactly.
        assert_eq!(
            v["Response"]["User"]["Id"],
            bingads_emulator::USER_ID.to_string()
        );
        let requests = emu.requests();
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].wire, wire);
        assert_eq!(requests[0].soap_header("UserName"), Some(USER_NAME));
        assert_eq!(
            requests[0].soap_header("DeveloperToken"),
            Some(DEVELOPER_TOKEN)
        );
    }
}

#[test]
fn call_reads_standard_input_and_round_trips_polymorphic_values() {
    for wire in ["rest", "soap"] {
        let emu = Emu::start();
        let home = Home::new();
        let add =
            r#"{"Budgets": [{"Name": "B", "Amount": 25.5, "BudgetType": "DailyBudgetStandard"}]}"#;
        let out = bingads_at(&emu, &home)
            .env("BINGADS_TRANSPORT", wire)
            .args(["call", "campaign-management", "addbudgets"])
            .write_stdin(add)
            .assert()
            .success();
        let v = json(&out.get_output().stdout);
        let budget_id = v["Response"]["BudgetIds"][0].as_str().unwrap().to_string();

        let campaigns = format!(
            r#"{{
      "AccountId": "{ACCOUNT_ID}",
      "Campaigns": [{{
        "Name": "Spring sale",
        "BudgetId": "{budget_id}",
        "BudgetType": "DailyBudgetStandard",
        "CampaignType": "Search",
        "TimeZone": "PacificTimeUSCanadaTijuana",
        "Languages": ["English"],
        "BiddingScheme": {{"Type": "MaxClicks", "MaxCpc": {{"Amount": 1.25}}}}
      }}]
    }}"#
        );
        let out = bingads_at(&emu, &home)
            .env("BINGADS_TRANSPORT", wire)
            .args(["call", "CampaignManagement", "AddCampaigns", "--input", "-"])
            .write_stdin(campaigns)
            .assert()
            .success();
        let v = json(&out.get_output().stdout);
        let id = v["Response"]["CampaignIds"][0]
            .as_str()
            .unwrap()
            .to_string();
        let get = format!(
            r#"{{"CampaignIds": ["{id}"], "AccountId": "{ACCOUNT_ID}", "CampaignType": "Search"}}"#
        );
        let out = bingads_at(&emu, &home)
            .env("BINGADS_TRANSPORT", wire)
            .args([
                "call",
                "CampaignManagement",
                "GetCampaignsByIds",
                "--data",
                &get,
            ])
            .assert()
            .success();
        let v = json(&out.get_output().stdout);
        let c = &v["Response"]["Campaigns"][0];
        assert_eq!(c["Name"], "Spring sale");
        assert_eq!(c["BiddingScheme"]["Type"], "MaxClicks");
        assert_eq!(c["BiddingScheme"]["MaxCpc"]["Amount"], 1.25);
    }
}

#[test]
fn call_with_an_oauth_refresh_token_from_the_environment() {
    let emu = Emu::start();
    let home = Home::new();
    let tokens = emu.issue_tokens(DESKTOP_CLIENT_ID, &format!("{ADS_SCOPE} offline_access"));
    let out = bingads(&home)
        .env("BINGADS_ENDPOINT", emu.base())
        .env("BINGADS_OAUTH_ENDPOINT", emu.base())
        .env("BINGADS_DEVELOPER_TOKEN", DEVELOPER_TOKEN)
        .env("BINGADS_CLIENT_ID", DESKTOP_CLIENT_ID)
        .env("BINGADS_REFRESH_TOKEN", tokens.refresh_token.unwrap())
        .args([
            "call",
            "CustomerManagement",
            "GetCurrentUser",
            "--data",
            "{}",
        ])
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["Response"]["User"]["UserName"], USER_NAME);
    let requests = emu.requests();
    assert!(requests[0].soap_header("AuthenticationToken").is_some());
    // A refresh token from the environment is never written to disk.
    assert!(!home.credentials().exists());
}

#[test]
fn a_fault_is_json_on_stderr_with_exit_code_3() {
    // The same documented shape on both wires (see `bingads_cli::fault_output`).
    for wire in ["rest", "soap"] {
        let emu = Emu::start();
        let home = Home::new();
        // Another user's id: the service refuses with an ApiFault.
        let out = bingads_at(&emu, &home)
            .args(["--transport", wire])
            .args([
                "call",
                "CustomerManagement",
                "GetUser",
                "--data",
                r#"{"UserId": "1"}"#,
            ])
            .assert()
            .code(3);
        assert!(out.get_output().stdout.is_empty());
        let fault = json(&out.get_output().stderr);
        assert_eq!(fault["Wire"], wire, "{fault}");
        if wire == "soap" {
            assert_eq!(fault["FaultCode"], "s:Server");
        } else {
            assert!(fault.get("FaultCode").is_none(), "{fault}");
            assert!(
                fault["HttpStatus"].as_u64().is_some_and(|s| s >= 400),
                "{fault}"
            );
        }
        assert!(
            fault["Message"].as_str().is_some_and(|m| !m.is_empty()),
            "{fault}"
        );
        assert!(fault["TrackingId"].as_str().is_some_and(|t| !t.is_empty()));
        assert_eq!(fault["Errors"][0]["Code"], 1001, "{fault}");
        let detail = common::fault_detail(&fault, "ApiFault");
        assert_eq!(detail["OperationErrors"][0]["Code"], 1001, "{fault}");

        // Campaign Management: a body AccountId other than the CustomerAccountId header (1102).
        let out = bingads_at(&emu, &home)
            .args(["--transport", wire])
            .args(["call", "CampaignManagement", "GetCampaignsByAccountId"])
            .args([
                "--data",
                &format!(r#"{{"AccountId": "{SECOND_ACCOUNT_ID}", "CampaignType": "Search"}}"#),
            ])
            .assert()
            .code(3);
        let fault = json(&out.get_output().stderr);
        assert_eq!(fault["Errors"][0]["Code"], 1102, "{fault}");
        let detail = common::fault_detail(&fault, "ApiFaultDetail");
        assert_eq!(detail["OperationErrors"][0]["Code"], 1102, "{fault}");
        assert_eq!(
            detail["OperationErrors"][0]["ErrorCode"],
            "CampaignServiceInvalidAccountId"
        );
    }
}

#[test]
fn transport_errors_exit_with_code_4() {
    let home = Home::new();
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    bingads(&home)
        .env("BINGADS_ENDPOINT", format!("http://127.0.0.1:{port}"))
        .env("BINGADS_DEVELOPER_TOKEN", DEVELOPER_TOKEN)
        .env("BINGADS_USERNAME", USER_NAME)
        .env("BINGADS_PASSWORD", PASSWORD)
        .args([
            "call",
            "CustomerManagement",
            "GetUser",
            "--data",
            "{}",
            "--max-attempts",
            "1",
        ])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("could not connect"))
        .stderr(predicate::str::contains("is the emulator running?"));
    // An insecure endpoint is refused before anything is sent.
    bingads(&home)
        .env("BINGADS_DEVELOPER_TOKEN", DEVELOPER_TOKEN)
        .env("BINGADS_USERNAME", USER_NAME)
        .env("BINGADS_PASSWORD", PASSWORD)
        .args([
            "--endpoint",
            "http://example.com",
            "call",
            "CustomerManagement",
            "GetUser",
        ])
        .args(["--data", "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("uses plain http; use https"));
}

/// The head (request line and headers) and the body of a printed HTTP/1.1 message.
fn split_message(message: &str) -> (Vec<&str>, &str) {
    let (head, body) = message
        .split_once("\r\n\r\n")
        .expect("an empty line after the headers");
    (head.split("\r\n").collect(), body.trim_end())
}

#[test]
fn dry_run_prints_the_http_request_and_sends_nothing() {
    let emu = Emu::start();
    let home = Home::new();
    let data = format!(r#"{{"AccountId": "{ACCOUNT_ID}", "CampaignType": "Search, Shopping"}}"#);
    let dry = |wire: &str, show_secrets: bool| {
        let mut cmd = bingads_at(&emu, &home);
        cmd.args(["--transport", wire])
            .args([
                "call",
                "CampaignManagement",
                "GetCampaignsByAccountId",
                "--dry-run",
            ])
            .args(["--data", &data]);
        if show_secrets {
            cmd.arg("--show-secrets");
        }
        let out = cmd.assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };

    // REST, the default wire: route, headers in their fixed order, the JSON body.
    let rest = dry("rest", false);
    let (head, body) = split_message(&rest);
    assert_eq!(
        head[0],
        format!(
            "POST {}/CampaignManagement/v13/Campaigns/QueryByAccountId HTTP/1.1",
            emu.base()
        )
    );
    let names: Vec<&str> = head[1..]
        .iter()
        .filter_map(|h| h.split_once(": ").map(|(n, _)| n))
        .collect();
    assert_eq!(
        names,
        [
            "UserName",
            "Password",
            "DeveloperToken",
            "CustomerId",
            "CustomerAccountId",
            "Api-Revision",
            "User-Agent",
            "Accept",
            "Content-Type"
        ],
        "{rest}"
    );
    assert!(
        head.contains(&"Password: <redacted>") && head.contains(&"DeveloperToken: <redacted>"),
        "{rest}"
    );
    assert!(
        head.contains(&format!("CustomerAccountId: {ACCOUNT_ID}").as_str()),
        "{rest}"
    );
    assert!(head.contains(&"Content-Type: application/json"), "{rest}");
    assert_eq!(
        body,
        format!(r#"{{"AccountId":"{ACCOUNT_ID}","CampaignType":"Search, Shopping"}}"#)
    );
    assert!(
        !rest.contains(PASSWORD) && !rest.contains(DEVELOPER_TOKEN),
        "{rest}"
    );

    // SOAP: the service's .svc endpoint, SOAPAction, the envelope with the SOAP headers.
    let soap = dry("soap", false);
    let (head, envelope) = split_message(&soap);
    assert_eq!(
        head[0],
        format!(
            "POST {}/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc HTTP/1.1",
            emu.base()
        )
    );
    assert!(
        head.contains(&"SOAPAction: \"GetCampaignsByAccountId\""),
        "{soap}"
    );
    assert!(
        head.contains(&"Content-Type: text/xml; charset=utf-8"),
        "{soap}"
    );
    assert!(envelope.starts_with("<s:Envelope "), "{soap}");
    assert!(envelope.contains(&format!(
        "<UserName xmlns=\"https://bingads.microsoft.com/CampaignManagement/v13\">{USER_NAME}</UserName>"
    )), "{soap}");
    assert!(
        envelope.contains(&format!(">{ACCOUNT_ID}</CustomerAccountId>")),
        "{soap}"
    );
    assert!(envelope.contains("<Password xmlns=\"https://bingads.microsoft.com/CampaignManagement/v13\">&lt;redacted&gt;</Password>"), "{soap}");
    assert!(
        envelope.contains("<CampaignType>Search Shopping</CampaignType>"),
        "{soap}"
    );
    assert!(
        !soap.contains(PASSWORD) && !soap.contains(DEVELOPER_TOKEN),
        "{soap}"
    );
    assert!(emu.requests().is_empty(), "a dry run sends nothing");

    // With --show-secrets, what is printed is exactly what `call` sends, on either wire.
    for wire in ["rest", "soap"] {
        let shown = dry(wire, true);
        assert!(
            shown.contains(PASSWORD) && shown.contains(DEVELOPER_TOKEN),
            "{shown}"
        );
        let (head, body) = split_message(&shown);
        bingads_at(&emu, &home)
            .args(["--transport", wire])
            .args(["call", "CampaignManagement", "GetCampaignsByAccountId"])
            .args(["--data", &data])
            .assert()
            .success();
        let sent = emu.requests().pop().expect("one request");
        assert_eq!(sent.wire, wire);
        assert_eq!(sent.body, body, "{wire}");
        assert_eq!(
            head[0],
            format!("{} {}{} HTTP/1.1", sent.method, emu.base(), sent.path)
        );
        for line in &head[1..] {
            let (name, value) = line.split_once(": ").expect("a header line");
            assert_eq!(sent.http_header(name), Some(value), "{wire}: {name}");
        }
    }
}

#[test]
fn decode_response_fault_and_request() {
    let home = Home::new();
    let response = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:TrackingId xmlns:h="https://bingads.microsoft.com/Customer/v13">a1b2c3</h:TrackingId></s:Header><s:Body><GetUserResponse xmlns="https://bingads.microsoft.com/Customer/v13"><User xmlns:a="https://bingads.microsoft.com/Customer/v13/Entities" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a:Id>9007199254750001</a:Id><a:UserName>someone@example.com</a:UserName></User><CustomerRoles i:nil="true" xmlns:a="https://bingads.microsoft.com/Customer/v13/Entities" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/></GetUserResponse></s:Body></s:Envelope>"#;
    let out = bingads(&home)
        .args(["decode", "CustomerManagement", "GetUser"])
        .write_stdin(response)
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["TrackingId"], "a1b2c3");
    assert_eq!(v["Response"]["User"]["Id"], "9007199254750001");
    assert_eq!(v["Response"]["User"]["UserName"], "someone@example.com");
    assert!(v["Response"]["CustomerRoles"].is_null());

    let fault = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:TrackingId xmlns:h="https://adcenter.microsoft.com/v8">t-9</h:TrackingId></s:Header><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Invalid client data. Check the SOAP fault details for more information. TrackingId: t-9.</faultstring><detail><AdApiFaultDetail xmlns="https://adapi.microsoft.com" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><TrackingId>t-9</TrackingId><Errors><AdApiError><Code>105</Code><Detail i:nil="true"/><ErrorCode>InvalidCredentials</ErrorCode><Message>Authentication failed.</Message></AdApiError></Errors></AdApiFaultDetail></detail></s:Fault></s:Body></s:Envelope>"#;
    let file = home.dir.path().join("fault.xml");
    std::fs::write(&file, fault).unwrap();
    let out = bingads(&home)
        .args([
            "decode",
            "CampaignManagement",
            "GetCampaignsByAccountId",
            "--input",
        ])
        .arg(&file)
        .assert()
        .code(3);
    let f = json(&out.get_output().stderr);
    assert_eq!(f["TrackingId"], "t-9");
    let detail = common::fault_detail(&f, "AdApiFaultDetail");
    assert_eq!(detail["Errors"][0]["Code"], 105);
    assert_eq!(detail["Errors"][0]["ErrorCode"], "InvalidCredentials");

    // A request envelope from --dry-run decodes to the request JSON, headers on stderr.
    let request = r#"{
  "AccountId": "123",
  "CampaignType": "Search, Audience"
}"#;
    let dry = bingads(&home)
        .env("BINGADS_DEVELOPER_TOKEN", DEVELOPER_TOKEN)
        .args([
            "--account-id",
            "123",
            "call",
            "CampaignManagement",
            "GetCampaignsByAccountId",
            "--dry-run",
        ])
        .args(["--data", request])
        .assert()
        .success();
    let envelope = dry.get_output().stdout.clone();
    let out = bingads(&home)
        .args([
            "decode",
            "CampaignManagement",
            "GetCampaignsByAccountId",
            "--request",
        ])
        .write_stdin(envelope)
        .assert()
        .success()
        .stderr(predicate::str::contains("# CustomerAccountId: 123"))
        .stderr(predicate::str::contains("# DeveloperToken: <redacted>"));
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .trim(),
        request
    );

    bingads(&home)
        .args(["decode", "CampaignManagement", "GetCampaignsByAccountId"])
        .write_stdin("<not-soap/>")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not a GetCampaignsByAccountId response (soap)",
        ));
}

#[test]
fn emulator_command_serves_until_stopped() {
    let home = Home::new();
    let mut cmd = std::process::Command::new(common::bin());
    common::isolate(&mut cmd, home.dir.path());
    let mut child = cmd
        .args(["emulator", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            text.push_str(&line);
            text.push('\n');
            // The last line of the banner.
            if line.contains("CampaignType") {
                let _ = tx.send(text.clone());
            }
        }
    });
    let banner = rx.recv_timeout(Duration::from_secs(30)).expect("banner");
    let base = banner
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .expect("base URL")
        .to_string();
    assert!(banner.contains(&format!("export BINGADS_DEVELOPER_TOKEN={DEVELOPER_TOKEN}")));
    assert!(banner.contains(DESKTOP_CLIENT_ID));
    let result = bingads(&home)
        .env("BINGADS_ENDPOINT", &base)
        .env("BINGADS_DEVELOPER_TOKEN", DEVELOPER_TOKEN)
        .env("BINGADS_USERNAME", USER_NAME)
        .env("BINGADS_PASSWORD", PASSWORD)
        .args([
            "call",
            "CustomerManagement",
            "GetUser",
            "--data",
            r#"{"UserId": null}"#,
        ])
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(
        json(&result.stdout)["Response"]["User"]["UserName"],
        USER_NAME
    );
}

#[test]
fn decode_reads_rest_bodies_and_faults_in_the_same_shapes() {
    let home = Home::new();
    // A REST 2xx body with a member and a flag value this build does not know: read leniently.
    let body = r#"{"Campaigns":[{"Id":"5","Name":"x","CampaignType":"Search, FutureKind","AddedLater":1}]}"#;
    let out = bingads(&home)
        .args([
            "--transport",
            "rest",
            "decode",
            "CampaignManagement",
            "GetCampaignsByAccountId",
        ])
        .write_stdin(body)
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert!(v["TrackingId"].is_null());
    assert_eq!(v["Response"]["Campaigns"][0]["Id"], "5");
    assert_eq!(
        v["Response"]["Campaigns"][0]["CampaignType"],
        "Search, FutureKind"
    );
    assert!(v["Response"]["Campaigns"][0].get("AddedLater").is_none());

    // A saved response with its status line and TrackingId header.
    let saved = format!(
        "HTTP/1.1 200 OK\r\nTrackingId: t-7\r\nContent-Type: application/json\r\n\r\n{body}"
    );
    let out = bingads(&home)
        .args(["decode", "CampaignManagement", "GetCampaignsByAccountId"])
        .write_stdin(saved)
        .assert()
        .success();
    assert_eq!(json(&out.get_output().stdout)["TrackingId"], "t-7");

    // A REST fault body: exit 3 and the same JSON shape as a SOAP fault.
    let fault = r#"HTTP/1.1 400 Bad Request
TrackingId: t-8

{"Type":"ApiFaultDetail","TrackingId":"t-8","BatchErrors":[],"OperationErrors":[{"Code":1102,"ErrorCode":"CampaignServiceInvalidAccountId","Message":"The account ID is invalid."}]}"#;
    let out = bingads(&home)
        .args(["decode", "CampaignManagement", "GetCampaignsByAccountId"])
        .write_stdin(fault)
        .assert()
        .code(3);
    let f = json(&out.get_output().stderr);
    assert_eq!(f["Wire"], "rest");
    assert_eq!(f["HttpStatus"], 400);
    assert_eq!(f["TrackingId"], "t-8");
    assert_eq!(f["Errors"][0]["Code"], 1102);
    let detail = common::fault_detail(&f, "ApiFaultDetail");
    assert_eq!(
        detail["OperationErrors"][0]["ErrorCode"],
        "CampaignServiceInvalidAccountId"
    );

    // The wire named must be the document's.
    bingads(&home)
        .args([
            "--transport",
            "soap",
            "decode",
            "CampaignManagement",
            "GetCampaignsByAccountId",
        ])
        .write_stdin(body)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--transport soap was given, but the input is a rest document",
        ));
}

#[test]
fn requests_a_wire_cannot_carry_are_refused_before_sending() {
    let emu = Emu::start();
    let home = Home::new();
    // A control character: invalid in XML, so the SOAP wire refuses it (nothing sent) ...
    let data = r#"{"AccountId": "9007199254770001", "Campaigns": [{"Name": "Summer\u0001sale"}]}"#;
    bingads_at(&emu, &home)
        .args([
            "--transport",
            "soap",
            "call",
            "CampaignManagement",
            "AddCampaigns",
            "--data",
            data,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("U+0001"))
        .stderr(predicate::str::contains("REST"));
    assert!(emu.requests().is_empty(), "nothing was sent");
    // ... while REST carries it escaped.
    let out = bingads_at(&emu, &home)
        .args([
            "call",
            "CampaignManagement",
            "AddCampaigns",
            "--dry-run",
            "--data",
            data,
        ])
        .assert()
        .success();
    let message = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        message.contains(r#""Name":"Summer\u0001sale""#),
        "{message}"
    );

    // An operation without a REST route says how to use SOAP for it.
    bingads_at(&emu, &home)
        .args([
            "call",
            "AdInsight",
            "PutMetricData",
            "--dry-run",
            "--data",
            "{}",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PutMetricData"))
        .stderr(predicate::str::contains("--transport soap"));
    bingads_at(&emu, &home)
        .args([
            "--transport",
            "soap",
            "call",
            "AdInsight",
            "PutMetricData",
            "--dry-run",
            "--data",
            "{}",
        ])
        .assert()
        .success();
}

#[test]
fn inputs_over_the_size_cap_are_refused_with_a_clear_error() {
    // Before the cap, `{"AccountId": "1", "CampaignIds": [1,1,1,...]}` of 300 MB on stdin grew
    // past 15 GB; this one (1 MiB over the cap) was read, parsed and encoded whole.
    let cap = bingads_cli::input::MAX_INPUT_BYTES as usize;
    let mut body = br#"{"AccountId": "1", "CampaignIds": [1"#.to_vec();
    while body.len() <= cap + (1 << 20) {
        body.extend_from_slice(b",1,1,1,1,1,1,1,1");
    }
    body.extend_from_slice(b"]}");
    let home = Home::new();
    let mut cmd = std::process::Command::new(common::bin());
    common::isolate(&mut cmd, home.dir.path());
    let mut child = cmd
        .args(["call", "CampaignManagement", "DeleteCampaigns", "--dry-run"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        // The command stops reading at the cap: a broken pipe is expected.
        let _ = stdin.write_all(&body);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the request in standard input is larger than 32 MiB"),
        "{stderr}"
    );
    assert!(stderr.contains("split it into several calls"), "{stderr}");
    assert!(out.stdout.is_empty());

    // A file too (sparse: no disk is written), and `decode` as well as `call`.
    let big = home.dir.path().join("big.json");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let big = big.to_str().unwrap();
    bingads(&home)
        .args(["call", "CampaignManagement", "DeleteCampaigns", "--dry-run"])
        .args(["--input", big])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("larger than 32 MiB"));
    bingads(&home)
        .args([
            "decode",
            "CampaignManagement",
            "DeleteCampaigns",
            "--input",
            big,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the envelope in"));
}

#[test]
fn verbose_logs_show_retries_and_refreshes_but_never_a_secret() {
    // Before, the command line installed no subscriber: -v did not exist and RUST_LOG showed
    // nothing.
    let emu = Emu::start();
    let home = Home::new();
    // The emulator revokes redeemed refresh tokens: one per command.
    let fresh_refresh_token = || {
        emu.issue_tokens(DESKTOP_CLIENT_ID, &format!("{ADS_SCOPE} offline_access"))
            .refresh_token
            .unwrap()
    };
    let refresh = fresh_refresh_token();
    emu.inject(Injection::HttpStatus(503).times(1));
    emu.inject(Injection::TokenExpired.times(1));
    let run = |verbosity: &[&str], rust_log: Option<&str>, refresh: &str| {
        let mut cmd = bingads(&home);
        cmd.env("BINGADS_ENDPOINT", emu.base())
            .env("BINGADS_OAUTH_ENDPOINT", emu.base())
            .env("BINGADS_DEVELOPER_TOKEN", DEVELOPER_TOKEN)
            .env("BINGADS_CLIENT_ID", DESKTOP_CLIENT_ID)
            .env("BINGADS_REFRESH_TOKEN", refresh)
            .args(verbosity)
            .args([
                "call",
                "CustomerManagement",
                "GetCurrentUser",
                "--data",
                "{}",
            ]);
        if let Some(filter) = rust_log {
            cmd.env("RUST_LOG", filter);
        }
        let out = cmd.assert().success();
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    };
    let logs = run(&["-vv"], None, &refresh);
    assert!(logs.contains("OAuth access token refreshed"), "{logs}");
    assert!(logs.contains("retrying"), "{logs}");
    assert!(logs.contains("wait_ms="), "the wait is shown: {logs}");
    assert!(logs.contains("refreshing once and retrying"), "{logs}");
    assert!(
        logs.contains("bingads.call"),
        "-vv shows the call span: {logs}"
    );
    let mut secrets = vec![refresh.clone(), DEVELOPER_TOKEN.to_string()];
    for request in emu.requests() {
        if let Some(token) = request.soap_header("AuthenticationToken") {
            secrets.push(token.to_string());
        }
    }
    assert!(secrets.len() > 2, "the access tokens sent are checked too");
    for secret in &secrets {
        assert!(
            !logs.contains(secret.as_str()),
            "a secret in the logs: {logs}"
        );
    }

    // Everything every crate logs, hyper's and rustls's included.
    let refresh = fresh_refresh_token();
    let everything = run(&[], Some("trace"), &refresh);
    assert!(everything.contains("hyper"), "{} bytes", everything.len());
    for secret in secrets.iter().chain([&refresh]) {
        assert!(
            !everything.contains(secret.as_str()),
            "a secret in the trace logs"
        );
    }

    assert_eq!(
        run(&[], None, &fresh_refresh_token()),
        "",
        "quiet by default"
    );
    let info = run(&[], Some("bingads=info"), &fresh_refresh_token());
    assert!(info.contains("OAuth access token refreshed"), "{info}");
    let warning = run(&[], Some("bingads=loud"), &fresh_refresh_token());
    assert!(warning.contains("RUST_LOG is ignored"), "{warning}");
}
