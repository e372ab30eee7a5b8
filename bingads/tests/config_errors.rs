//! Configuration problems are typed errors: each names what is wrong as data the caller can
//! match on, and its text says which setting to change. Nothing here touches the network.

use bingads::auth::PasswordAuthentication;
use bingads::{AuthorizationData, Client, ConfigError, Environment, Error, UnknownWire, Wire};

fn authorization() -> AuthorizationData {
    AuthorizationData::new(PasswordAuthentication::new("user", "password"), "token")
}

fn build_with_endpoint(base: &str) -> Result<Client, Error> {
    Client::builder(authorization(), Environment::Sandbox)
        .endpoint_base(base)
        .build()
}

#[test]
fn an_unknown_wire_name_is_a_typed_error() {
    assert_eq!(" SOAP ".parse::<Wire>(), Ok(Wire::Soap));
    assert_eq!("rest".parse::<Wire>(), Ok(Wire::Rest));
    let e = "grpc".parse::<Wire>().unwrap_err();
    assert_eq!(e.name, "grpc");
    assert_eq!(
        e.to_string(),
        "unknown wire `grpc`: expected `rest` or `soap`"
    );
    let _: &dyn std::error::Error = &e;
    assert!(matches!(e, UnknownWire { .. }));
}

#[test]
fn an_unknown_environment_name_is_a_typed_error() {
    let e = "staging".parse::<Environment>().unwrap_err();
    assert_eq!(e.name, "staging");
    assert!(e.to_string().contains("`production` or `sandbox`"), "{e}");
}

#[test]
fn a_plain_http_endpoint_off_loopback_is_refused_with_its_variant() {
    let Err(Error::Config(ConfigError::InsecureEndpoint { endpoint })) =
        build_with_endpoint("http://example.com/")
    else {
        panic!("plain http to a remote host must be refused");
    };
    assert_eq!(endpoint, "http://example.com/");
    let text = build_with_endpoint("http://example.com/")
        .unwrap_err()
        .to_string();
    assert!(text.starts_with("configuration: "), "{text}");
    assert!(text.contains("use https"), "{text}");
    // Loopback may be plain http (the emulator, a local proxy).
    assert!(build_with_endpoint("http://127.0.0.1:1/").is_ok());
}

#[test]
fn an_endpoint_with_another_scheme_is_refused_with_its_variant() {
    match build_with_endpoint("ftp://example.com/") {
        Err(Error::Config(ConfigError::UnsupportedScheme { endpoint, scheme })) => {
            assert_eq!(endpoint, "ftp://example.com/");
            assert_eq!(scheme, "ftp");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_endpoint_that_is_not_a_url_is_refused_with_its_variant() {
    match build_with_endpoint("example.com/api") {
        Err(Error::Config(e @ ConfigError::InvalidEndpoint { .. })) => {
            let text = e.to_string();
            assert!(text.contains("`example.com/api`"), "{text}");
            assert!(text.contains("ClientBuilder::endpoint_base"), "{text}");
        }
        other => panic!("{other:?}"),
    }
}

/// Every variant says what to do, in its own words (the text users see in the CLI too).
#[test]
fn every_configuration_error_says_what_to_change() {
    let cases = [
        (
            ConfigError::NoEndpoint {
                service: "Bulk",
                environment: Environment::Sandbox,
                wire: Wire::Rest,
            },
            "use the other wire",
        ),
        (
            ConfigError::InvalidServiceUrl {
                url: "x".into(),
                reason: "relative URL without a base".into(),
            },
            "please report it",
        ),
        (
            ConfigError::WireNotCompiled { wire: Wire::Soap },
            "enable the `soap` cargo feature",
        ),
        (
            ConfigError::HttpClient {
                message: "bad header".into(),
            },
            "user agent suffix",
        ),
    ];
    for (error, advice) in cases {
        let text = Error::from(error).to_string();
        assert!(text.contains(advice), "{text}");
    }
}

#[test]
fn an_incomplete_reply_keeps_its_tracking_id() {
    let e = Error::IncompleteReply {
        service: "Reporting",
        operation: "SubmitGenerateReport",
        missing: "report request id",
        tracking_id: Some("tr-1".into()),
    };
    assert_eq!(e.tracking_id(), Some("tr-1"));
    assert_eq!(
        e.to_string(),
        "Reporting.SubmitGenerateReport: the reply has no report request id (TrackingId tr-1); retry later"
    );
}

/// An upload without an account id fails before anything is sent.
#[cfg(feature = "bulk")]
#[tokio::test]
async fn a_bulk_upload_without_an_account_id_is_refused_before_sending() {
    use bingads::bulk::{BulkServiceError, BulkServiceManager, UploadParameters};
    let client = build_with_endpoint("http://127.0.0.1:1/").unwrap();
    let manager = BulkServiceManager::new(&client);
    let e = manager
        .submit_upload(&UploadParameters::new("missing.csv"), None)
        .await
        .unwrap_err();
    assert!(matches!(e, BulkServiceError::NoAccountId), "{e:?}");
    assert!(e.to_string().contains("with_account_id"), "{e}");
}
