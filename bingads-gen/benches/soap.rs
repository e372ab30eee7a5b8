//! Codec benchmarks of the generated Campaign Management bindings, without network.
//!
//! The inputs mirror `shared/bench/python/bench_soap.py` (the official Python SDK measured on
//! the same calls), so the figures compare side by side:
//!
//! | here | Python |
//! | --- | --- |
//! | `build_100_campaigns` | A1: build the 100 suds `Campaign` objects |
//! | `encode_add_campaigns_100` | A2: `AddCampaigns(...)` with `nosend=True` (envelope with headers) |
//! | `encode_get_campaigns_by_account_id` | B: `GetCampaignsByAccountId(...)`, `nosend=True` |
//! | `decode_get_campaigns_1000` | C: `process_reply` of the 1,000-campaign response |
//! | `full_call_fake_transport_1_campaign` | D: a whole call through a canned transport |
//! | `full_call_fake_transport_1000_campaigns` | D2: the same with the 1,000-campaign reply |
//!
//! The canned responses are byte for byte what `bench_soap.py` builds (`responses` below ports
//! its `_campaign_xml`); `bench/run.sh` checks that against the Python dump.
//!
//! Run: `cargo bench -p bingads-gen --bench soap` (or `bench/run.sh`).

use std::future::Future;
use std::pin::pin;
use std::sync::LazyLock;
use std::task::{Context, Poll, Waker};

use bingads_gen::soap::{
    self, BoxFuture, Operation, RawResponse, RequestBody, SoapFault, Transport,
};
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::xml::DecodeError;
use bingads_gen::{Flags, Nillable};
use divan::black_box;

#[path = "common/responses.rs"]
mod responses;

fn main() {
    // Sanity checks before timing anything: the inputs are what the Python side measures.
    let reply = responses::get_campaigns_response(1000);
    let decoded = decode_campaigns(&reply);
    assert_eq!(decoded.value.value().map(Vec::len), Some(1000));
    let add = soap::write_envelope(&add_campaigns_request(&build_campaigns(100)), &headers());
    let get = soap::write_envelope(&get_request(), &headers());
    eprintln!(
        "inputs: AddCampaigns(100) envelope {} bytes, GetCampaignsByAccountId envelope {} bytes, \
         1,000-campaign response {} bytes, 1-campaign response {} bytes",
        add.len(),
        get.len(),
        reply.len(),
        responses::get_campaigns_response(1).len(),
    );
    // `BENCH_DUMP=DIR`: write the inputs (compared with the Python side's `--dump` by
    // `bench/run.sh`) and exit.
    if let Some(dir) = std::env::var_os("BENCH_DUMP") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create BENCH_DUMP");
        let files: [(&str, &[u8]); 3] = [
            ("GetCampaignsByAccountId_response_1000.xml", &reply),
            ("AddCampaigns100_request.xml", add.as_bytes()),
            ("GetCampaignsByAccountId_request.xml", get.as_bytes()),
        ];
        for (name, bytes) in files {
            std::fs::write(dir.join(name), bytes).expect("write BENCH_DUMP file");
        }
        return;
    }
    divan::main();
}

/// The header values the Python side sends (`make_auth` in `bench_construct.py`): a
/// 1,200-character access token, developer token, customer and account ids.
fn headers() -> [(&'static str, &'static str); 4] {
    static ACCESS_TOKEN: LazyLock<String> = LazyLock::new(|| "x".repeat(1200));
    [
        ("AuthenticationToken", ACCESS_TOKEN.as_str()),
        ("DeveloperToken", "BBD37VB98"),
        ("CustomerId", "987654321"),
        ("CustomerAccountId", "123456789"),
    ]
}

/// `build_campaigns` of `bench_soap.py`: the same fields, in Rust values.
fn build_campaigns(n: usize) -> Vec<Option<cm::Campaign>> {
    (0..n)
        .map(|i| {
            Some(cm::Campaign {
                name: Nillable::Value(format!("Women's Shoes {i:05}")),
                budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
                daily_budget: Nillable::Value(50.0 + i as f64),
                time_zone: "PacificTimeUSCanadaTijuana".into(),
                status: Nillable::Value(cm::CampaignStatus::Paused),
                campaign_type: Nillable::Value(Flags::from([cm::CampaignType::Search])),
                languages: Nillable::Value(vec![Some("All".into())]),
                bidding_scheme: Nillable::Value(cm::BiddingScheme::MaxClicksBiddingScheme(
                    cm::MaxClicksBiddingScheme {
                        type_: "MaxClicks".into(),
                        max_cpc: Nillable::Value(cm::Bid {
                            amount: Nillable::Value(1.25),
                        }),
                    },
                )),
                settings: Nillable::Value(vec![Some(cm::Setting::TargetSetting(
                    cm::TargetSetting {
                        type_: "TargetSetting".into(),
                        details: Nillable::Value(vec![Some(cm::TargetSettingDetail {
                            criterion_type_group: Some(cm::CriterionTypeGroup::Audience),
                            target_and_bid: Some(false),
                        })]),
                    },
                ))]),
                tracking_url_template: "{lpurl}?src=bing&cmp={CampaignId}".into(),
                url_custom_parameters: Nillable::Value(cm::CustomParameters {
                    parameters: Nillable::Value(vec![Some(cm::CustomParameter {
                        key: "season".into(),
                        value: Nillable::Value(format!("summer{i}")),
                    })]),
                }),
                ..Default::default()
            })
        })
        .collect()
}

fn add_campaigns_request(campaigns: &[Option<cm::Campaign>]) -> cm::AddCampaignsRequest {
    cm::AddCampaignsRequest {
        account_id: Some(123456789),
        campaigns: Nillable::Value(campaigns.to_vec()),
    }
}

fn get_request() -> cm::GetCampaignsByAccountIdRequest {
    cm::GetCampaignsByAccountIdRequest {
        account_id: Some(123456789),
        campaign_type: Some(Flags::from([cm::CampaignType::Search])),
        ..Default::default()
    }
}

fn decode_campaigns(reply: &[u8]) -> soap::Reply<Nillable<Vec<Option<cm::Campaign>>>> {
    let envelope = soap::decode_envelope::<cm::GetCampaignsByAccountIdResponse, cm::FaultDetail>(
        reply,
        cm::GetCampaignsByAccountIdRequest::META,
    )
    .expect("decodes");
    let tracking_id = envelope.header("TrackingId").map(str::to_string);
    soap::Reply {
        value: envelope.body.expect("not a fault").campaigns,
        tracking_id,
    }
}

/// A transport that writes the request envelope (with [`headers`]) and answers with a
/// canned response: the whole generated call path without network.
struct CannedTransport {
    reply: Vec<u8>,
    headers: [(&'static str, &'static str); 4],
}

#[derive(Debug)]
enum BenchError {
    #[allow(dead_code)] // read through Debug when a sanity check fails
    Decode(DecodeError),
    #[allow(dead_code)]
    Fault(Box<SoapFault<cm::FaultDetail>>),
}

impl From<DecodeError> for BenchError {
    fn from(e: DecodeError) -> Self {
        BenchError::Decode(e)
    }
}

impl From<SoapFault<cm::FaultDetail>> for BenchError {
    fn from(f: SoapFault<cm::FaultDetail>) -> Self {
        BenchError::Fault(Box::new(f))
    }
}

impl Transport for CannedTransport {
    type Error = BenchError;

    fn send<'a>(
        &'a self,
        request: &'a dyn RequestBody,
    ) -> BoxFuture<'a, Result<RawResponse, BenchError>> {
        let envelope = soap::write_envelope(request, &self.headers);
        black_box(envelope);
        let body = self.reply.clone();
        Box::pin(async move { Ok(RawResponse::soap(200, body)) })
    }
}

/// Runs a future that never waits (the canned transport answers at once).
fn ready<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the canned transport never waits"),
    }
}

#[divan::bench]
fn build_100_campaigns() -> Vec<Option<cm::Campaign>> {
    build_campaigns(black_box(100))
}

#[divan::bench]
fn encode_add_campaigns_100(bencher: divan::Bencher) {
    let request = add_campaigns_request(&build_campaigns(100));
    let headers = headers();
    bencher.bench(|| soap::write_envelope(black_box(&request), black_box(&headers)));
}

#[divan::bench]
fn encode_get_campaigns_by_account_id(bencher: divan::Bencher) {
    let request = get_request();
    let headers = headers();
    bencher.bench(|| soap::write_envelope(black_box(&request), black_box(&headers)));
}

#[divan::bench(sample_count = 50)]
fn decode_get_campaigns_1000(bencher: divan::Bencher) {
    let reply = responses::get_campaigns_response(1000);
    bencher.bench(|| decode_campaigns(black_box(&reply)));
}

#[divan::bench]
fn full_call_fake_transport_1_campaign(bencher: divan::Bencher) {
    let client = cm::CampaignManagementClient::new(CannedTransport {
        reply: responses::get_campaigns_response(1),
        headers: headers(),
    });
    let request = get_request();
    let reply = ready(client.get_campaigns_by_account_id(&request)).expect("call");
    assert_eq!(reply.value.campaigns.value().map(Vec::len), Some(1));
    bencher.bench(|| ready(client.get_campaigns_by_account_id(black_box(&request))));
}

#[divan::bench(sample_count = 50)]
fn full_call_fake_transport_1000_campaigns(bencher: divan::Bencher) {
    let client = cm::CampaignManagementClient::new(CannedTransport {
        reply: responses::get_campaigns_response(1000),
        headers: headers(),
    });
    let request = get_request();
    bencher.bench(|| ready(client.get_campaigns_by_account_id(black_box(&request))));
}
