//! Benchmarks of the `bingads` runtime: client construction and per-call overhead.
//!
//! - `construct`: `Client::builder(..).build()` (builds the reqwest client and its rustls
//!   configuration) and `client.campaign_management()` from an existing `Client` (what the
//!   official Python SDK does in ~0.45 s per `ServiceClient`, parsing the WSDL at run time).
//! - `per_call`: everything the SOAP transport does for a call except HTTP, plus the generated
//!   decode: ask the authentication for its header values (an OAuth grant holding valid tokens,
//!   or `PasswordAuthentication`), add developer token, customer and account ids, write the
//!   envelope, and decode a canned 1-campaign `GetCampaignsByAccountId` reply through the
//!   generated client. The transport's own header step is private, so the bench transport
//!   repeats it with the same public pieces (`Authentication::header_values`,
//!   `AuthorizationData`, `soap::write_envelope`); `envelope_pieces` times `write_envelope` +
//!   `decode_envelope` alone.
//! - `wire_per_call`: SOAP vs REST side by side in one run: credential values, the runtime's
//!   own `wire::prepare` (envelope, or method/URL/headers/JSON body), and the generated decode
//!   of a canned `GetCampaignsByAccountId` reply of 1 and of 1,000 campaigns, the same data
//!   written by each wire's generated encoder.
//! - `loopback`: a whole call through the real `ServiceTransport` (reqwest, HTTP/1.1
//!   keep-alive) to the emulator on 127.0.0.1 over SOAP, labelled "loopback round trip" in
//!   the README.
//!
//! Run: `cargo bench -p bingads --bench client` (or `bench/run.sh`).

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use bingads::auth::{OAuthDesktopMobileAuthCodeGrant, OAuthTokens, PasswordAuthentication};
use bingads::v13::campaign_management as cm;
use bingads::{AuthorizationData, Client, Environment, Error, Flags, Nillable, SecretString};
use bingads_gen::soap::{self, BoxFuture, Operation, RawResponse, RequestBody, Transport};
use divan::black_box;

fn main() {
    // The first `Client` of a process builds the shared HTTP client: time that once, in this
    // fresh process, before anything else has touched reqwest or rustls.
    let started = std::time::Instant::now();
    let client = Client::builder(oauth_authorization(), Environment::Production)
        .build()
        .expect("client");
    let built = started.elapsed();
    let service = client.campaign_management().expect("service");
    let first = started.elapsed();
    eprintln!(
        "first Client::builder(..).build() in this process: {:.3} ms; \
         + first campaign_management(): {:.3} ms in all",
        built.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3
    );
    drop((service, client));
    divan::main();
}

const ACCOUNT_ID: i64 = 123456789;
const CUSTOMER_ID: i64 = 987654321;

/// The authorization the Python side uses (`make_auth` in `bench_construct.py`): an OAuth
/// desktop grant holding a 1,200-character access token valid for an hour.
fn oauth_authorization() -> AuthorizationData {
    let grant = OAuthDesktopMobileAuthCodeGrant::new(
        "00000000-0000-0000-0000-000000000000",
        Environment::Production,
    )
    .with_tokens(OAuthTokens::new(
        "x".repeat(1200),
        Some(SecretString::new("r".repeat(400))),
        Some(Duration::from_secs(3600)),
    ));
    AuthorizationData::new(grant, "BBD37VB98")
        .with_customer_id(CUSTOMER_ID)
        .with_account_id(ACCOUNT_ID)
}

fn password_authorization() -> AuthorizationData {
    AuthorizationData::new(
        PasswordAuthentication::new("api-user@example.com", "p@ssw0rd"),
        "BBD37VB98",
    )
    .with_customer_id(CUSTOMER_ID)
    .with_account_id(ACCOUNT_ID)
}

fn get_request(account_id: i64) -> cm::GetCampaignsByAccountIdRequest {
    cm::GetCampaignsByAccountIdRequest {
        account_id: Some(account_id),
        campaign_type: Some(Flags::from([cm::CampaignType::Search])),
        ..Default::default()
    }
}

/// Runs a future that never waits (no token refresh is due, the transport answers at once).
fn ready<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("expected a future that completes without waiting"),
    }
}

// ---------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------

mod construct {
    use super::*;

    /// `Client::builder(..).build()` with the default HTTP settings: after the first `Client`
    /// of the process, it shares that client's reqwest client (one connection pool).
    #[divan::bench]
    fn client_build_shared_pool(bencher: divan::Bencher) {
        let auth = oauth_authorization();
        bencher.bench(|| {
            Client::builder(black_box(auth.clone()), Environment::Production)
                .build()
                .expect("client")
        });
    }

    /// `Client::builder(..).build()` with its own HTTP settings: builds a new reqwest client
    /// and rustls configuration (platform verifier) every time, as the first `Client` does.
    #[divan::bench]
    fn client_build_new_http_client(bencher: divan::Bencher) {
        let auth = oauth_authorization();
        bencher.bench(|| {
            Client::builder(black_box(auth.clone()), Environment::Production)
                .user_agent_suffix("bench/1.0")
                .build()
                .expect("client")
        });
    }

    /// `bingads::http::build_client` alone (reqwest client + TLS configuration).
    #[divan::bench]
    fn http_build_client(bencher: divan::Bencher) {
        let config = bingads::http::HttpConfig::default();
        bencher.bench(|| bingads::http::build_client(black_box(&config)).expect("client"));
    }

    /// A Campaign Management service client from an existing `Client`.
    #[divan::bench]
    fn campaign_management_from_client(bencher: divan::Bencher) {
        let client = Client::builder(oauth_authorization(), Environment::Production)
            .build()
            .expect("client");
        bencher.bench(|| black_box(&client).campaign_management().expect("service"));
    }

    /// All six service clients from an existing `Client`.
    #[divan::bench]
    fn all_six_from_client(bencher: divan::Bencher) {
        let client = Client::builder(oauth_authorization(), Environment::Production)
            .build()
            .expect("client");
        bencher.bench(|| {
            let c = black_box(&client);
            (
                c.ad_insight().expect("service"),
                c.bulk().expect("service"),
                c.campaign_management().expect("service"),
                c.customer_billing().expect("service"),
                c.customer_management().expect("service"),
                c.reporting().expect("service"),
            )
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Per-call overhead without network
// ---------------------------------------------------------------------------------------------

/// What `SoapTransport` does before the HTTP POST (header values from the authentication,
/// developer token and ids, `write_envelope`), then a canned reply.
struct CannedTransport {
    authorization: AuthorizationData,
    reply: Vec<u8>,
}

impl Transport for CannedTransport {
    type Error = Error;

    fn send<'a>(&'a self, body: &'a dyn RequestBody) -> BoxFuture<'a, Result<RawResponse, Error>> {
        Box::pin(async move {
            let a = &self.authorization;
            let mut values = a.authentication.header_values().await?;
            values.push(("DeveloperToken", a.developer_token.clone()));
            if let Some(id) = a.customer_id {
                values.push(("CustomerId", SecretString::new(id.to_string())));
            }
            if let Some(id) = a.account_id {
                values.push(("CustomerAccountId", SecretString::new(id.to_string())));
            }
            let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.expose())).collect();
            black_box(soap::write_envelope(body, &pairs));
            Ok(RawResponse::soap(200, self.reply.clone()))
        })
    }
}

mod per_call {
    use super::*;

    fn bench_with(bencher: divan::Bencher, authorization: AuthorizationData) {
        let client = cm::CampaignManagementClient::new(CannedTransport {
            authorization,
            reply: one_campaign_reply(),
        });
        let request = get_request(ACCOUNT_ID);
        let reply = ready(client.get_campaigns_by_account_id(&request)).expect("call");
        assert_eq!(reply.value.campaigns.value().map(Vec::len), Some(1));
        bencher.bench(|| ready(client.get_campaigns_by_account_id(black_box(&request))));
    }

    /// OAuth grant with valid preset tokens: headers + encode + decode.
    #[divan::bench]
    fn oauth_headers_encode_decode(bencher: divan::Bencher) {
        bench_with(bencher, oauth_authorization());
    }

    /// `PasswordAuthentication`: headers + encode + decode.
    #[divan::bench]
    fn password_headers_encode_decode(bencher: divan::Bencher) {
        bench_with(bencher, password_authorization());
    }

    /// `write_envelope` (with the header values already at hand) + `decode_envelope`.
    #[divan::bench]
    fn envelope_pieces(bencher: divan::Bencher) {
        let token = "x".repeat(1200);
        let headers = [
            ("AuthenticationToken", token.as_str()),
            ("DeveloperToken", "BBD37VB98"),
            ("CustomerId", "987654321"),
            ("CustomerAccountId", "123456789"),
        ];
        let request = get_request(ACCOUNT_ID);
        let reply = one_campaign_reply();
        bencher.bench(|| {
            let envelope = soap::write_envelope(black_box(&request), black_box(&headers));
            let decoded = soap::decode_envelope::<
                cm::GetCampaignsByAccountIdResponse,
                cm::FaultDetail,
            >(black_box(&reply), cm::GetCampaignsByAccountIdRequest::META)
            .expect("decodes");
            (envelope, decoded)
        });
    }
}

/// The 1-campaign `GetCampaignsByAccountIdResponse` of `bench_soap.py` (campaign 0 of its
/// `_campaign_xml`), as WCF writes it.
fn one_campaign_reply() -> Vec<u8> {
    const NS: &str = "https://bingads.microsoft.com/CampaignManagement/v13";
    format!(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">\
         <s:Header><h:TrackingId xmlns:h=\"{NS}\">5a1c3f0e-8d4b-4c1e-9e7a-3b2d1f0c9a8b</h:TrackingId></s:Header>\
         <s:Body><GetCampaignsByAccountIdResponse xmlns=\"{NS}\">\
         <Campaigns xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <Campaign>\
         <AudienceAdsBidAdjustment i:nil=\"true\"/>\
         <BiddingScheme i:type=\"MaxClicksBiddingScheme\"><Type>MaxClicks</Type>\
         <MaxCpc><Amount>0.50</Amount></MaxCpc></BiddingScheme>\
         <BudgetType>DailyBudgetStandard</BudgetType>\
         <DailyBudget>20</DailyBudget>\
         <ExperimentId i:nil=\"true\"/>\
         <FinalUrlSuffix i:nil=\"true\"/>\
         <ForwardCompatibilityMap xmlns:a=\"http://schemas.datacontract.org/2004/07/System.Collections.Generic\"/>\
         <Id>800000000</Id>\
         <MultimediaAdsBidAdjustment>100</MultimediaAdsBidAdjustment>\
         <Name>Campaign 00000 - Shoes &amp; Boots</Name>\
         <Status>Paused</Status>\
         <SubType i:nil=\"true\"/>\
         <TimeZone>PacificTimeUSCanadaTijuana</TimeZone>\
         <TrackingUrlTemplate>{{lpurl}}?src=bing&amp;cmp={{CampaignId}}</TrackingUrlTemplate>\
         <UrlCustomParameters><Parameters><CustomParameter><Key>season</Key><Value>summer</Value>\
         </CustomParameter></Parameters></UrlCustomParameters>\
         <CampaignType>Search</CampaignType>\
         <Settings><Setting i:type=\"TargetSetting\"><Type>TargetSetting</Type><Details>\
         <TargetSettingDetail><CriterionTypeGroup>Audience</CriterionTypeGroup><TargetAndBid>false</TargetAndBid>\
         </TargetSettingDetail></Details></Setting></Settings>\
         <BudgetId i:nil=\"true\"/>\
         <Languages xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\"><a:string>All</a:string></Languages>\
         <AdScheduleUseSearcherTimeZone>false</AdScheduleUseSearcherTimeZone>\
         </Campaign>\
         </Campaigns></GetCampaignsByAccountIdResponse></s:Body></s:Envelope>"
    )
    .into_bytes()
}

// ---------------------------------------------------------------------------------------------
// SOAP vs REST per call, through the runtime's own request building
// ---------------------------------------------------------------------------------------------

/// What `ServiceTransport` does for a call minus the HTTP exchange, on either wire: credential
/// values from the authentication, `bingads::wire::prepare` (the envelope, or the REST method,
/// URL, headers and JSON body), then a canned reply of that wire handed to the generated
/// decoder (`soap::call` reads an envelope or a JSON body by `RawResponse::format`).
struct WireTransport {
    authorization: AuthorizationData,
    wire: bingads::Wire,
    endpoint: &'static str,
    reply: Vec<u8>,
}

impl Transport for WireTransport {
    type Error = Error;

    fn send<'a>(&'a self, body: &'a dyn RequestBody) -> BoxFuture<'a, Result<RawResponse, Error>> {
        Box::pin(async move {
            let a = &self.authorization;
            let mut values = a.authentication.header_values().await?;
            values.push(("DeveloperToken", a.developer_token.clone()));
            if let Some(id) = a.customer_id {
                values.push(("CustomerId", SecretString::new(id.to_string())));
            }
            if let Some(id) = a.account_id {
                values.push(("CustomerAccountId", SecretString::new(id.to_string())));
            }
            let target = bingads::wire::Target {
                wire: self.wire,
                endpoint: self.endpoint,
                user_agent: "bingads-rs/bench (Rust)",
            };
            black_box(bingads::wire::prepare(target, &values, body)?);
            Ok(match self.wire {
                bingads::Wire::Soap => RawResponse::soap(200, self.reply.clone()),
                bingads::Wire::Rest => RawResponse::json(
                    200,
                    self.reply.clone(),
                    Some("5a1c3f0e-8d4b-4c1e-9e7a-3b2d1f0c9a8b".into()),
                ),
            })
        })
    }
}

/// The 1-campaign reply's campaign, `n` times with distinct ids and names: the same data
/// for both wires, written by the generated encoders of each.
fn campaigns_reply(n: usize) -> cm::GetCampaignsByAccountIdResponse {
    let one = soap::decode_envelope::<cm::GetCampaignsByAccountIdResponse, cm::FaultDetail>(
        &one_campaign_reply(),
        cm::GetCampaignsByAccountIdRequest::META,
    )
    .expect("decodes")
    .body
    .expect("not a fault");
    let template = one
        .campaigns
        .value()
        .and_then(|c| c.first().cloned().flatten())
        .expect("one campaign");
    let campaigns = (0..n)
        .map(|i| {
            let mut c = template.clone();
            c.id = Nillable::Value(800_000_000 + i as i64);
            c.name = Nillable::Value(format!("Campaign {i:05} - Shoes & Boots"));
            Some(c)
        })
        .collect();
    cm::GetCampaignsByAccountIdResponse {
        campaigns: Nillable::Value(campaigns),
    }
}

fn reply_bytes(wire: bingads::Wire, reply: &cm::GetCampaignsByAccountIdResponse) -> Vec<u8> {
    use bingads_gen::xml::XmlEncode;
    const NS: &str = "https://bingads.microsoft.com/CampaignManagement/v13";
    match wire {
        bingads::Wire::Soap => soap::write_response_envelope(
            &[(NS, "TrackingId", "5a1c3f0e-8d4b-4c1e-9e7a-3b2d1f0c9a8b")],
            |w| reply.encode(w, NS, "GetCampaignsByAccountIdResponse"),
        )
        .into_bytes(),
        bingads::Wire::Rest => bingads_gen::json::to_string(reply).into_bytes(),
    }
}

mod wire_per_call {
    use super::*;

    fn bench_wire(bencher: divan::Bencher, wire: bingads::Wire, campaigns: usize) {
        let reply = campaigns_reply(campaigns);
        let transport = WireTransport {
            authorization: oauth_authorization(),
            wire,
            endpoint: match wire {
                bingads::Wire::Soap => {
                    "https://campaign.api.bingads.microsoft.com/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc"
                }
                bingads::Wire::Rest => "https://campaign.api.bingads.microsoft.com",
            },
            reply: reply_bytes(wire, &reply),
        };
        let client = cm::CampaignManagementClient::new(transport);
        let request = get_request(ACCOUNT_ID);
        let decoded = ready(client.get_campaigns_by_account_id(&request)).expect("call");
        assert_eq!(decoded.value, reply, "{wire}: the same data comes back");
        bencher
            .counter(divan::counter::BytesCount::new(
                client.transport().reply.len(),
            ))
            .bench(|| ready(client.get_campaigns_by_account_id(black_box(&request))));
    }

    /// One campaign: credential headers + request building + decode, per wire.
    #[divan::bench(args = [bingads::Wire::Soap, bingads::Wire::Rest])]
    fn get_campaigns_1(bencher: divan::Bencher, wire: bingads::Wire) {
        bench_wire(bencher, wire, 1);
    }

    /// 1,000 campaigns: the same, with a reply of ~1,000 times the data.
    #[divan::bench(args = [bingads::Wire::Soap, bingads::Wire::Rest], sample_count = 30)]
    fn get_campaigns_1000(bencher: divan::Bencher, wire: bingads::Wire) {
        bench_wire(bencher, wire, 1000);
    }
}

// ---------------------------------------------------------------------------------------------
// Loopback round trip (real transport, emulator on 127.0.0.1)
// ---------------------------------------------------------------------------------------------

mod loopback {
    use super::*;
    use bingads_emulator as emu;

    /// `GetCampaignsByAccountId` returning one campaign, through reqwest over a kept-alive
    /// HTTP/1.1 connection to the emulator (which decodes the request in strict order mode
    /// and encodes its reply with the generated types too).
    #[divan::bench(sample_count = 200)]
    fn round_trip_get_campaigns_1(bencher: divan::Bencher) {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let emulator = rt.block_on(emu::Emulator::start()).expect("emulator");
        let auth = AuthorizationData::new(
            PasswordAuthentication::new(emu::USER_NAME, emu::PASSWORD),
            emu::DEVELOPER_TOKEN,
        )
        .with_customer_id(emu::CUSTOMER_ID)
        .with_account_id(emu::ACCOUNT_ID);
        let client = Client::builder(auth, Environment::Sandbox)
            .endpoint_base(emulator.base_url())
            .wire(bingads::Wire::Soap)
            .build()
            .expect("client");
        let service = client.campaign_management().expect("service");
        rt.block_on(async {
            let added = service
                .add_campaigns(&cm::AddCampaignsRequest {
                    account_id: Some(emu::ACCOUNT_ID),
                    campaigns: Nillable::Value(vec![Some(cm::Campaign {
                        name: "Women's Shoes 00000".into(),
                        budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
                        daily_budget: Nillable::Value(50.0),
                        time_zone: "PacificTimeUSCanadaTijuana".into(),
                        status: Nillable::Value(cm::CampaignStatus::Paused),
                        ..Default::default()
                    })]),
                })
                .await
                .expect("add campaign");
            assert!(added.partial_errors.value().is_none_or(|e| e.is_empty()));
        });
        let request = get_request(emu::ACCOUNT_ID);
        let reply = rt
            .block_on(service.get_campaigns_by_account_id(&request))
            .expect("call");
        assert_eq!(reply.value.campaigns.value().map(Vec::len), Some(1));
        bencher.bench(|| {
            rt.block_on(service.get_campaigns_by_account_id(black_box(&request)))
                .expect("call")
        });
        rt.block_on(emulator.shutdown());
    }
}
