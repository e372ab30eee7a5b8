//! Hostile input never makes the decoder panic.
//!
//! A bounded, deterministic property test: realistic envelopes (hand-written ones in
//! `tests/corpus/`, named `<target>__<what>.xml`, and ones written by the encoder) are
//! truncated, bit-flipped, cut, duplicated, swapped, padded with unknown elements, given
//! unknown `xsi:type`s, bogus prefixes, deep nesting, huge numbers, invalid UTF-8, entity
//! references, CDATA and DOCTYPEs, and fed to the decoders of several operations across
//! services. Every decode must return `Ok` or `Err` (a panic is caught only to report which
//! input caused it), every error must name its element path, and whatever decodes must
//! re-encode into something that decodes to the same value.
//!
//! The specific behaviors hostile or newer-than-us input relies on are pinned down by the
//! tests after the property test. `fuzz/` runs the same decoders under libFuzzer.

use std::fmt::Debug;
use std::panic::{self, AssertUnwindSafe};

use bingads_gen::soap::{
    Envelope, FaultDetailDecode, NoFault, OperationMeta, decode_envelope, decode_envelope_with,
    decode_request, write_envelope, write_response_envelope,
};
use bingads_gen::types::{DateTime, Guid};
use bingads_gen::v13::{
    ad_insight as ai, campaign_management as cm, customer_management as cu, reporting as rp,
};
use bingads_gen::xml::{
    DecodeError, DecodeErrorKind, MAX_DEPTH, MAX_TREE_ELEMENTS, XSI_NS, XmlDecode, XmlElement,
    XmlEncode, XmlReader,
};
use bingads_gen::{Flags, Nillable};

// ---------------------------------------------------------------------------------------
// Decoders under test

/// An operation whose envelopes are decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// `GetCampaignsByAccountIdResponse` (campaign management; polymorphic bidding schemes,
    /// settings, flag lists, dates).
    Campaigns,
    /// `GetAdsByAdGroupIdResponse` (polymorphic ads and assets).
    Ads,
    /// `GetUserResponse` (customer management; prefixed elements, base64).
    User,
    /// `PollGenerateReportResponse` (reporting).
    Report,
    /// `GetKeywordIdeasResponse` (ad insight; doubles, arrays of longs).
    KeywordIdeas,
    /// `AddCampaignsRequest`, decoded as a server decodes requests.
    AddCampaigns,
    /// The schema-less `XmlElement` tree `bingads` scans fault bodies with.
    Tree,
}

impl Target {
    const ALL: [Target; 7] = [
        Target::Campaigns,
        Target::Ads,
        Target::User,
        Target::Report,
        Target::KeywordIdeas,
        Target::AddCampaigns,
        Target::Tree,
    ];

    /// The target a corpus file is for, from its name (`get_user__customer.xml`).
    fn from_file_name(name: &str) -> Option<Target> {
        Some(match name.split("__").next()? {
            "get_campaigns_by_account_id" => Target::Campaigns,
            "get_ads_by_ad_group_id" => Target::Ads,
            "get_user" => Target::User,
            "poll_generate_report" => Target::Report,
            "get_keyword_ideas" => Target::KeywordIdeas,
            "add_campaigns" => Target::AddCampaigns,
            _ => return None,
        })
    }

    /// Decodes `input`; on success, also checks that the decoded value re-encodes into a
    /// document that decodes, and that a second round trip changes nothing.
    fn decode(self, input: &[u8], strict: bool) -> Result<(), DecodeError> {
        match self {
            Target::Campaigns => response::<cm::GetCampaignsByAccountIdResponse, cm::FaultDetail>(
                input,
                &cm::GET_CAMPAIGNS_BY_ACCOUNT_ID,
                strict,
            ),
            Target::Ads => response::<cm::GetAdsByAdGroupIdResponse, cm::FaultDetail>(
                input,
                &cm::GET_ADS_BY_AD_GROUP_ID,
                strict,
            ),
            Target::User => {
                response::<cu::GetUserResponse, cu::FaultDetail>(input, &cu::GET_USER, strict)
            }
            Target::Report => response::<rp::PollGenerateReportResponse, rp::FaultDetail>(
                input,
                &rp::POLL_GENERATE_REPORT,
                strict,
            ),
            Target::KeywordIdeas => response::<ai::GetKeywordIdeasResponse, ai::FaultDetail>(
                input,
                &ai::GET_KEYWORD_IDEAS,
                strict,
            ),
            Target::AddCampaigns => {
                let (_, request) = decode_request::<cm::AddCampaignsRequest>(input, strict)?;
                let again = |value: &cm::AddCampaignsRequest| {
                    let xml = write_envelope(value, &[]);
                    match decode_request::<cm::AddCampaignsRequest>(xml.as_bytes(), strict) {
                        Ok((_, v)) => v,
                        Err(e) => panic!(
                            "a decoded request re-encodes into an undecodable one ({e}):\n{xml}"
                        ),
                    }
                };
                assert_fixed_point(&request, again);
                Ok(())
            }
            Target::Tree => {
                let tree = XmlElement::parse(input)?;
                let mut elements = 0usize;
                tree.walk(&mut |_, _| elements += 1);
                assert!(elements <= MAX_TREE_ELEMENTS + 1, "{elements} elements");
                let _ = tree.find("ErrorCode");
                Ok(())
            }
        }
    }
}

fn response<R, F>(input: &[u8], op: &'static OperationMeta, strict: bool) -> Result<(), DecodeError>
where
    R: XmlDecode + XmlEncode + Debug + PartialEq,
    F: FaultDetailDecode + Debug,
{
    let envelope: Envelope<R, F> = if strict {
        decode_envelope_with(input, op.response_element.1, R::decode, true)?
    } else {
        decode_envelope(input, op)?
    };
    if let Ok(value) = &envelope.body {
        // The envelope's fault is returned as decoded (its size is the library's choice).
        #[allow(clippy::result_large_err)]
        let again = |value: &R| {
            let xml = write_response_envelope(&[], |w| {
                value.encode(w, op.response_element.0, op.response_element.1)
            });
            match decode_envelope::<R, NoFault>(xml.as_bytes(), op).map(|e| e.body) {
                Ok(Ok(v)) => v,
                Ok(Err(fault)) => {
                    panic!("a re-encoded response decodes as a fault {fault:?}:\n{xml}")
                }
                Err(e) => {
                    panic!("a decoded response re-encodes into an undecodable one ({e}):\n{xml}")
                }
            }
        };
        assert_fixed_point(value, again);
    }
    Ok(())
}

/// One encode/decode round trip may normalize a decoded value (a nil required field becomes
/// its default, a duplicated field keeps its last value), but a second must change nothing.
fn assert_fixed_point<T: Debug + PartialEq>(value: &T, again: impl Fn(&T) -> T) {
    let once = again(value);
    let twice = again(&once);
    // NaN is not equal to itself; any value holding one is exempt from the comparison.
    if once != twice && !format!("{once:?}").contains("NaN") {
        panic!("encoding is not stable:\nonce:  {once:?}\ntwice: {twice:?}");
    }
}

/// Runs one decode, turning a panic or an error without a path into a failure message.
fn check(
    target: Target,
    input: &[u8],
    strict: bool,
    what: &str,
) -> Result<Result<(), DecodeError>, String> {
    match panic::catch_unwind(AssertUnwindSafe(|| target.decode(input, strict))) {
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(non-string panic)");
            Err(format!(
                "{target:?} (strict: {strict}) panicked on {what}: {message}\ninput: {}",
                show(input)
            ))
        }
        Ok(Err(e)) => {
            let shown = e.to_string();
            let path = if e.path.is_empty() {
                "/"
            } else {
                e.path.as_str()
            };
            if !path.starts_with('/') || !shown.contains(&format!(" at {path} ")) {
                return Err(format!(
                    "{target:?}: error without a path on {what}: {shown:?} ({e:?})"
                ));
            }
            Ok(Err(e))
        }
        Ok(Ok(())) => Ok(Ok(())),
    }
}

fn show(input: &[u8]) -> String {
    let text = String::from_utf8_lossy(input);
    let shown: String = text.chars().take(3000).collect();
    format!(
        "{:?}{}",
        shown,
        if text.chars().count() > 3000 {
            " (cut)"
        } else {
            ""
        }
    )
}

// ---------------------------------------------------------------------------------------
// Seeds

struct Seed {
    name: String,
    target: Target,
    xml: Vec<u8>,
}

fn corpus() -> Vec<Seed> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/corpus exists") {
        let path = entry.expect("corpus entry").path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !name.ends_with(".xml") {
            continue;
        }
        let target = Target::from_file_name(&name)
            .unwrap_or_else(|| panic!("corpus file {name}: unknown target prefix"));
        seeds.push(Seed {
            name,
            target,
            xml: std::fs::read(&path).expect("corpus file readable"),
        });
    }
    seeds.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(seeds.len() >= 6, "the corpus has its seed envelopes");
    seeds
}

fn bid(amount: f64) -> Nillable<cm::Bid> {
    Nillable::Value(cm::Bid {
        amount: Nillable::Value(amount),
    })
}

fn sample_campaigns() -> Vec<Option<cm::Campaign>> {
    let first = cm::Campaign {
        audience_ads_bid_adjustment: Nillable::Value(-100),
        bidding_scheme: Nillable::Value(cm::BiddingScheme::TargetCpaBiddingScheme(
            cm::TargetCpaBiddingScheme {
                type_: "TargetCpa".into(),
                max_cpc: bid(0.05),
                target_cpa: Nillable::Value(1e-7),
            },
        )),
        budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
        daily_budget: Nillable::Value(12345.678),
        deal_ids: Nillable::Value(vec![i64::MIN, 0, i64::MAX]),
        end_date: Nillable::Nil,
        forward_compatibility_map: Nillable::Value(vec![cm::KeyValuePairOfstringstring {
            key: "k\r\n\t".into(),
            value: Nillable::Nil,
        }]),
        id: Nillable::Value(i64::MAX),
        is_political: Some(false),
        name: "Tom & Jerry's <\"quoted\"> ]]> \u{1F600} \r\n".into(),
        start_date: Nillable::Value(DateTime::utc(2026, 2, 28, 23, 59, 60)),
        status: Nillable::Value(cm::CampaignStatus::UnknownValue("Frozen".into())),
        time_zone: "PacificTimeUSCanadaTijuana".into(),
        url_custom_parameters: Nillable::Value(cm::CustomParameters {
            parameters: Nillable::Value(vec![
                Some(cm::CustomParameter {
                    key: "_a".into(),
                    value: "1&2".into(),
                }),
                None,
            ]),
        }),
        campaign_type: Nillable::Value(Flags(vec![
            cm::CampaignType::Search,
            cm::CampaignType::Shopping,
        ])),
        settings: Nillable::Value(vec![
            Some(cm::Setting::TargetSetting(cm::TargetSetting {
                type_: "TargetSetting".into(),
                details: Nillable::Value(vec![Some(cm::TargetSettingDetail {
                    criterion_type_group: Some(cm::CriterionTypeGroup::Audience),
                    target_and_bid: Some(true),
                })]),
            })),
            None,
        ]),
        languages: Nillable::Value(vec![Some("English".into()), None, Some(String::new())]),
        ..Default::default()
    };
    let second = cm::Campaign {
        bidding_scheme: Nillable::Value(cm::BiddingScheme::MaxClicksBiddingScheme(
            cm::MaxClicksBiddingScheme {
                type_: "MaxClicks".into(),
                max_cpc: Nillable::Nil,
            },
        )),
        id: Nillable::Value(i64::MIN),
        daily_budget: Nillable::Value(f64::INFINITY),
        campaign_type: Nillable::Value(Flags(vec![])),
        ..Default::default()
    };
    vec![
        Some(first),
        None,
        Some(second),
        Some(cm::Campaign::default()),
    ]
}

fn sample_ads() -> Vec<Option<cm::Ad>> {
    let text_asset = |id: i64, text: &str| {
        Some(cm::AssetLink {
            asset: Nillable::Value(cm::Asset::TextAsset(cm::TextAsset {
                id: Nillable::Value(id),
                text: text.into(),
                type_: "TextAsset".into(),
                ..Default::default()
            })),
            editorial_status: Nillable::Value(cm::AssetLinkEditorialStatus::Active),
            pinned_field: Nillable::Nil,
            ..Default::default()
        })
    };
    vec![
        Some(cm::Ad::ResponsiveSearchAd(cm::ResponsiveSearchAd {
            id: Nillable::Value(1),
            status: Nillable::Value(cm::AdStatus::Active),
            final_urls: Nillable::Value(vec![Some("https://example.com/?a=1&b=2".into())]),
            headlines: Nillable::Value(vec![
                text_asset(10, "Head"),
                text_asset(11, "Line &amp; two"),
            ]),
            descriptions: Nillable::Value(vec![text_asset(12, "Description"), None]),
            domain: "example.com".into(),
            ..Default::default()
        })),
        Some(cm::Ad::TextAd(cm::TextAd {
            id: Nillable::Value(2),
            title: "Title".into(),
            ..Default::default()
        })),
        Some(cm::Ad::Ad(cm::AdBase {
            id: Nillable::Value(3),
            ..Default::default()
        })),
        None,
    ]
}

/// Envelopes written by the encoder from generated values.
fn encoded_seeds() -> Vec<Seed> {
    fn response<R: XmlEncode>(ns: &'static str, op: &OperationMeta, value: &R) -> Vec<u8> {
        let headers = [(ns, "TrackingId", "0f1e2d3c-encoded")];
        write_response_envelope(&headers, |w| {
            value.encode(w, op.response_element.0, op.response_element.1)
        })
        .into_bytes()
    }
    let request = cm::AddCampaignsRequest {
        account_id: Some(i64::MAX),
        campaigns: Nillable::Value(sample_campaigns()),
    };
    let headers = [
        ("AuthenticationToken", "token & <secret>"),
        ("CustomerAccountId", "1001"),
        ("CustomerId", "123"),
        ("DeveloperToken", "dev"),
    ];
    let user = cu::GetUserResponse {
        user: Nillable::Value(cu::User {
            id: Nillable::Value(7),
            user_name: "ada@example.com".into(),
            time_stamp: Nillable::Value(vec![0, 1, 2, 254, 255]),
            name: Nillable::Value(cu::PersonName {
                first_name: "Ada".into(),
                ..Default::default()
            }),
            ..Default::default()
        }),
        customer_roles: Nillable::Value(vec![Some(cu::CustomerRole {
            role_id: Some(41),
            account_ids: Nillable::Value(vec![1, 2, 3]),
            ..Default::default()
        })]),
    };
    let report = rp::PollGenerateReportResponse {
        report_request_status: Nillable::Value(rp::ReportRequestStatus {
            report_download_url: "https://example.com/r.zip?a=1&b=2".into(),
            status: Some(rp::ReportRequestStatusType::Success),
        }),
    };
    let ideas = ai::GetKeywordIdeasResponse {
        keyword_ideas: Nillable::Value(vec![
            Some(ai::KeywordIdea {
                keyword: "shoes".into(),
                monthly_search_counts: Nillable::Value(vec![1, i64::MAX]),
                relevance: Nillable::Value(-0.0),
                suggested_bid: Nillable::Value(f64::MIN_POSITIVE),
                competition: Nillable::Value(ai::CompetitionLevel::High),
                ..Default::default()
            }),
            None,
        ]),
    };
    vec![
        Seed {
            name: "encoded AddCampaignsRequest".into(),
            target: Target::AddCampaigns,
            xml: write_envelope(&request, &headers).into_bytes(),
        },
        Seed {
            name: "encoded GetCampaignsByAccountIdResponse".into(),
            target: Target::Campaigns,
            xml: response(
                cm::NS_CAMPAIGN_MANAGEMENT,
                &cm::GET_CAMPAIGNS_BY_ACCOUNT_ID,
                &cm::GetCampaignsByAccountIdResponse {
                    campaigns: Nillable::Value(sample_campaigns()),
                },
            ),
        },
        Seed {
            name: "encoded GetAdsByAdGroupIdResponse".into(),
            target: Target::Ads,
            xml: response(
                cm::NS_CAMPAIGN_MANAGEMENT,
                &cm::GET_ADS_BY_AD_GROUP_ID,
                &cm::GetAdsByAdGroupIdResponse {
                    ads: Nillable::Value(sample_ads()),
                },
            ),
        },
        Seed {
            name: "encoded GetUserResponse".into(),
            target: Target::User,
            xml: response(cu::NS_CUSTOMER, &cu::GET_USER, &user),
        },
        Seed {
            name: "encoded PollGenerateReportResponse".into(),
            target: Target::Report,
            xml: response(rp::NS_REPORTING, &rp::POLL_GENERATE_REPORT, &report),
        },
        Seed {
            name: "encoded GetKeywordIdeasResponse".into(),
            target: Target::KeywordIdeas,
            xml: response(ai::NS_AD_INSIGHT, &ai::GET_KEYWORD_IDEAS, &ideas),
        },
    ]
}

fn all_seeds() -> Vec<Seed> {
    let mut seeds = corpus();
    seeds.extend(encoded_seeds());
    seeds
}

// ---------------------------------------------------------------------------------------
// Mutations

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`n > 0`; the modulo bias is irrelevant here).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Where the tags and elements of a well-formed seed are.
struct Layout {
    /// `(start, end)` byte ranges of whole elements, start tag to end tag.
    elements: Vec<(usize, usize)>,
    /// Offsets just after a start tag (where content may be inserted).
    content_starts: Vec<usize>,
    /// Byte ranges of element content that is pure text (no child elements).
    texts: Vec<(usize, usize)>,
    /// Byte ranges of start tags' names (`<` excluded).
    start_names: Vec<(usize, usize)>,
}

/// Scans a well-formed seed (comments, CDATA, PIs and DOCTYPE without nested `>` only).
fn layout(xml: &[u8]) -> Layout {
    let mut out = Layout {
        elements: Vec::new(),
        content_starts: Vec::new(),
        texts: Vec::new(),
        start_names: Vec::new(),
    };
    // Open elements: (start of the start tag, end of the start tag, has child elements).
    let mut open: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    let find = |from: usize, pat: &[u8]| {
        xml[from..]
            .windows(pat.len())
            .position(|w| w == pat)
            .map(|p| from + p)
    };
    while let Some(lt) = find(i, b"<") {
        let rest = &xml[lt..];
        if rest.starts_with(b"<![CDATA[") {
            i = find(lt, b"]]>").expect("CDATA ends") + 3;
            continue;
        }
        if rest.starts_with(b"<!--") {
            i = find(lt, b"-->").expect("comment ends") + 3;
            continue;
        }
        let gt = find(lt, b">").expect("tag ends");
        i = gt + 1;
        if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            continue;
        }
        if rest.starts_with(b"</") {
            let (start, content, has_children) = open.pop().expect("balanced seed");
            out.elements.push((start, gt + 1));
            if !has_children {
                out.texts.push((content, lt));
            }
            if let Some(parent) = open.last_mut() {
                parent.2 = true;
            }
            continue;
        }
        let name_end = xml[lt + 1..gt]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .map_or(gt, |p| lt + 1 + p);
        out.start_names.push((lt + 1, name_end));
        if xml[gt - 1] == b'/' {
            out.elements.push((lt, gt + 1));
            if let Some(parent) = open.last_mut() {
                parent.2 = true;
            }
        } else {
            out.content_starts.push(gt + 1);
            open.push((lt, gt + 1, false));
        }
    }
    assert!(open.is_empty(), "balanced seed");
    out
}

const UNKNOWN_ELEMENTS: &[&str] = &[
    "<FutureField>1</FutureField>",
    "<x:Future xmlns:x=\"urn:future\"><x:Id>1</x:Id><Campaign><Id>2</Id></Campaign></x:Future>",
    "<Empty/>",
    "<Ad i:type=\"NotAType\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><Id>1</Id></Ad>",
    "<Campaign><Id>5</Id></Campaign>",
    "<Fault><faultcode>s:Client</faultcode></Fault>",
];

const HUGE_NUMBERS: &[&str] = &[
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999999999999999999999999",
    "1e400",
    "-1E-400",
    "NaN",
    "+INF",
    "+5",
    " 7 ",
    "0x10",
    "\u{661}\u{662}",
    "",
    "2147483648",
    "1.7976931348623157e309",
    "99999999999-01-01T00:00:00",
    "2026-13-45T25:61:61.99999999999999Z",
    "2026-01-01T00:00:00+99:99",
    "{00000000-0000-0000-0000-00000000000}",
    "====",
];

const ENTITIES: &[&str] = &[
    "&amp;",
    "&#x41;",
    "&#65;",
    "&bogus;",
    "&#0;",
    "&#xD800;",
    "&#x110000;",
    "&#99999999999999999999;",
    "&",
    "&#;",
    "&lt",
    "&#x;",
    "&quot;&apos;&gt;",
];

const INVALID_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xc0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x82",
];

const MARKUP: &[&str] = &[
    "<![CDATA[<Id>1</Id> & ]]>",
    "<![CDATA[unterminated",
    "<!-- comment -- -->",
    "<?pi data?>",
    "<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>",
    "&e;",
    "]]>",
    "<",
    ">",
    "</",
    "<a",
    "\"",
    " i:nil=\"true\"",
    " xmlns=\"\"",
    "\u{0}",
];

const PREFIXES: &[&str] = &["zz:", "i:", "s:", ":", "a:b:", "xmlns:"];

/// The first occurrence of `needle` in `hay` at or after `from`.
fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let from = from.min(hay.len());
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn replace_all(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while let Some(p) = find_bytes(hay, from, i) {
        out.extend_from_slice(&hay[i..p]);
        out.extend_from_slice(to);
        i = p + from.len();
    }
    out.extend_from_slice(&hay[i..]);
    out
}

/// Applies one random mutation, describing it in `log`.
fn mutate(rng: &mut Rng, xml: &mut Vec<u8>, layout: &Layout, log: &mut Vec<String>) {
    let len = xml.len();
    let at = |rng: &mut Rng| rng.below(len + 1);
    // The layout describes the seed; after a first mutation its offsets are only a guide,
    // so every range is clamped.
    let clamp = |(a, b): (usize, usize), len: usize| (a.min(len), b.min(len));
    match rng.below(16) {
        0 => {
            let p = at(rng);
            xml.truncate(p);
            log.push(format!("truncate at {p}"));
        }
        1 => {
            for _ in 0..=rng.below(4) {
                if xml.is_empty() {
                    break;
                }
                let p = rng.below(xml.len());
                let bit = 1u8 << rng.below(8);
                xml[p] ^= bit;
                log.push(format!("flip bit {bit:#x} at {p}"));
            }
        }
        2 => {
            let (a, b) = clamp(*rng.pick(&layout.elements), len);
            xml.drain(a..b);
            log.push(format!("delete element {a}..{b}"));
        }
        3 => {
            let (a, b) = clamp(*rng.pick(&layout.elements), len);
            let copy = xml[a..b].to_vec();
            let times = *rng.pick(&[1, 2, 50]);
            for _ in 0..times {
                xml.splice(b..b, copy.iter().copied());
            }
            log.push(format!("duplicate element {a}..{b} x{times}"));
        }
        4 => {
            let (a1, b1) = clamp(*rng.pick(&layout.elements), len);
            let (a2, b2) = clamp(*rng.pick(&layout.elements), len);
            let ((a1, b1), (a2, b2)) = if a1 <= a2 {
                ((a1, b1), (a2, b2))
            } else {
                ((a2, b2), (a1, b1))
            };
            if b1 <= a2 {
                let first = xml[a1..b1].to_vec();
                let second = xml[a2..b2].to_vec();
                xml.splice(a2..b2, first);
                xml.splice(a1..b1, second);
                log.push(format!("swap elements {a1}..{b1} and {a2}..{b2}"));
            }
        }
        5 => {
            let p = rng.pick(&layout.content_starts).min(&len).to_owned();
            let element = rng.pick(UNKNOWN_ELEMENTS);
            xml.splice(p..p, element.bytes());
            log.push(format!("insert {element:?} at {p}"));
        }
        6 => {
            // An unknown or misplaced xsi:type on a random start tag.
            let (_, name_end) = clamp(*rng.pick(&layout.start_names), len);
            let type_name = rng.pick(&[
                "FutureAd",
                "t:NoSuchType",
                "TextAd",
                "Campaign",
                "",
                ":",
                "a:b:c",
                "ExpandedTextAd",
            ]);
            let attr = format!(" i:type=\"{type_name}\" xmlns:i=\"{XSI_NS}\"");
            xml.splice(name_end..name_end, attr.bytes());
            log.push(format!("insert {attr:?} at {name_end}"));
        }
        7 => {
            // Replace every known xsi:type value with an unknown one.
            *xml = replace_all(xml, b"type=\"", b"type=\"Future");
            *xml = replace_all(xml, b"type=\"Futuret:", b"type=\"t:Future");
            log.push("rename every xsi:type".into());
        }
        8 => {
            let (a, b) = clamp(*rng.pick(&layout.start_names), len);
            let prefix = rng.pick(PREFIXES);
            let name = String::from_utf8_lossy(&xml[a..b]).into_owned();
            let local = name
                .rsplit_once(':')
                .map_or(name.as_str(), |(_, l)| l)
                .to_string();
            let renamed = format!("{prefix}{local}");
            xml.splice(a..b, renamed.bytes());
            // Rename the matching end tag too when it is easy to find, so both the
            // unbalanced and the balanced case occur.
            if rng.below(2) == 0 {
                let close = format!("</{name}>");
                if let Some(p) = find_bytes(xml, close.as_bytes(), a) {
                    xml.splice(p..p + close.len(), format!("</{renamed}>").bytes());
                }
            }
            log.push(format!("prefix {name:?} as {renamed:?} at {a}"));
        }
        9 => {
            let p = rng.pick(&layout.content_starts).min(&len).to_owned();
            let depth = *rng.pick(&[
                MAX_DEPTH - 2,
                MAX_DEPTH,
                MAX_DEPTH + 1,
                4 * MAX_DEPTH,
                20_000,
            ]);
            let name = rng.pick(&["a", "Campaign", "Ad", "Id", "x:Deep"]);
            let mut deep = String::new();
            for _ in 0..depth {
                deep.push('<');
                deep.push_str(name);
                deep.push('>');
            }
            if rng.below(4) != 0 {
                for _ in 0..depth {
                    deep.push_str("</");
                    deep.push_str(name);
                    deep.push('>');
                }
            }
            xml.splice(p..p, deep.bytes());
            log.push(format!("nest {depth} <{name}> at {p}"));
        }
        10 => {
            let (a, b) = clamp(*rng.pick(&layout.texts), len);
            let number = rng.pick(HUGE_NUMBERS);
            xml.splice(a..b, number.bytes());
            log.push(format!("replace text {a}..{b} with {number:?}"));
        }
        11 => {
            let p = at(rng);
            let bytes = rng.pick(INVALID_UTF8);
            xml.splice(p..p, bytes.iter().copied());
            log.push(format!("insert {bytes:x?} at {p}"));
        }
        12 => {
            // Into text content most of the time, anywhere otherwise.
            let p = if rng.below(4) == 0 {
                at(rng)
            } else {
                clamp(*rng.pick(&layout.texts), len).0
            };
            let entity = rng.pick(ENTITIES);
            xml.splice(p..p, entity.bytes());
            log.push(format!("insert {entity:?} at {p}"));
        }
        13 => {
            let p = if rng.below(2) == 0 {
                at(rng)
            } else {
                rng.pick(&layout.content_starts).min(&len).to_owned()
            };
            let markup = rng.pick(MARKUP);
            xml.splice(p..p, markup.bytes());
            log.push(format!("insert {markup:?} at {p}"));
        }
        14 => {
            let doctype = rng.pick(&[
                "<!DOCTYPE Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
                "<!DOCTYPE Envelope SYSTEM \"file:///etc/passwd\">",
                "<!DOCTYPE Envelope [<!ELEMENT Envelope ANY>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                "\u{feff}",
                "<?xml version=\"1.0\"?><?xml version=\"1.0\"?>",
            ]);
            xml.splice(0..0, doctype.bytes());
            if doctype.contains("ENTITY b") {
                let (a, _) = clamp(*rng.pick(&layout.texts), xml.len());
                xml.splice(a..a, b"&b;".iter().copied());
            }
            log.push(format!("prepend {doctype:?}"));
        }
        _ => {
            // Move a chunk of the document elsewhere.
            let a = at(rng);
            let b = (a + rng.below(64)).min(len);
            let chunk = xml[a..b].to_vec();
            let p = rng.below(xml.len() + 1);
            xml.splice(p..p, chunk);
            log.push(format!("copy {a}..{b} to {p}"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// The property

#[test]
fn hostile_input_never_panics_and_errors_name_a_path() {
    let seeds = all_seeds();
    let mut failures = Vec::new();
    let mut decodes = 0usize;
    let mut outcomes = [0usize; 2];

    for seed in &seeds {
        // The seed itself decodes, in both modes.
        for strict in [false, true] {
            match check(seed.target, &seed.xml, strict, &seed.name) {
                Ok(Ok(())) => {}
                Ok(Err(e)) => failures.push(format!(
                    "seed {} (strict: {strict}) does not decode: {e}",
                    seed.name
                )),
                Err(f) => failures.push(f),
            }
        }
        // Every other decoder sees it too (a response for another operation).
        for target in Target::ALL {
            if let Err(f) = check(
                target,
                &seed.xml,
                false,
                &format!("{} as {target:?}", seed.name),
            ) {
                failures.push(f);
            }
            decodes += 1;
        }
    }

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    const CASES: usize = 2000;
    for case in 0..CASES {
        let seed = &seeds[case % seeds.len()];
        let layout = layout(&seed.xml);
        let mut xml = seed.xml.clone();
        let mut log = Vec::new();
        for _ in 0..=rng.below(3) {
            mutate(&mut rng, &mut xml, &layout, &mut log);
        }
        let strict = rng.below(4) == 0;
        // Mostly the seed's own decoder (which gets furthest into the document).
        let target = match rng.below(8) {
            0 => *rng.pick(&Target::ALL),
            1 => Target::Tree,
            _ => seed.target,
        };
        let what = format!("case {case}: {} with [{}]", seed.name, log.join("; "));
        match check(target, &xml, strict, &what) {
            Ok(r) => outcomes[usize::from(r.is_err())] += 1,
            Err(f) => failures.push(f),
        }
        decodes += 1;
    }

    assert!(
        failures.is_empty(),
        "{} failure(s) in {decodes} decodes:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // The mutations are not all fatal: both outcomes are exercised.
    assert!(
        outcomes[0] > CASES / 20 && outcomes[1] > CASES / 4,
        "ok/err outcomes: {outcomes:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Specific behaviors

fn error_kind(target: Target, input: &[u8]) -> Option<DecodeErrorKind> {
    match check(target, input, false, "a truncated seed") {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e.kind),
        Err(f) => panic!("{f}"),
    }
}

#[test]
fn truncated_envelopes_end_early_or_are_malformed() {
    for seed in all_seeds() {
        let end = seed
            .xml
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(0, |p| p + 1);
        // Every cut for the hand-written seeds, a strided sample (plus the last bytes) for the
        // longer encoded ones.
        let stride = if seed.name.ends_with(".xml") { 1 } else { 7 };
        let cuts = (0..end).step_by(stride).chain(end.saturating_sub(16)..end);
        for cut in cuts {
            match error_kind(seed.target, &seed.xml[..cut]) {
                Some(DecodeErrorKind::UnexpectedEof | DecodeErrorKind::Syntax(_)) => {}
                other => panic!(
                    "{} cut at {cut} ({:?}): expected UnexpectedEof or Syntax, got {other:?}",
                    seed.name,
                    String::from_utf8_lossy(&seed.xml[cut.saturating_sub(40)..cut])
                ),
            }
        }
    }
}

fn ads_envelope(ads: &str) -> String {
    format!(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>\
         <GetAdsByAdGroupIdResponse xmlns=\"https://bingads.microsoft.com/CampaignManagement/v13\">\
         <Ads xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">{ads}</Ads>\
         </GetAdsByAdGroupIdResponse></s:Body></s:Envelope>"
    )
}

fn decode_ads(xml: &str) -> Result<Vec<Option<cm::Ad>>, DecodeError> {
    let envelope = decode_envelope::<cm::GetAdsByAdGroupIdResponse, cm::FaultDetail>(
        xml.as_bytes(),
        &cm::GET_ADS_BY_AD_GROUP_ID,
    )?;
    Ok(envelope
        .body
        .expect("not a fault")
        .ads
        .into_value()
        .expect("Ads present"))
}

#[test]
fn unknown_xsi_type_keeps_the_base_fields() {
    for type_attr in ["FutureAd", "t:FutureAd", "  other:FutureAd "] {
        let xml = ads_envelope(&format!(
            "<Ad i:type=\"{type_attr}\" xmlns:t=\"urn:t\"><FinalUrls xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">\
             <a:string>https://example.com/</a:string></FinalUrls><Id>42</Id><Status>Paused</Status>\
             <FutureOnlyField><Nested>1</Nested></FutureOnlyField><Type>Text</Type></Ad>"
        ));
        let ads = decode_ads(&xml).unwrap_or_else(|e| panic!("{type_attr}: {e}"));
        let [Some(cm::Ad::Unknown { type_name, base })] = ads.as_slice() else {
            panic!("{type_attr}: expected one Ad::Unknown, got {ads:?}")
        };
        assert_eq!(type_name, "FutureAd");
        assert_eq!(base.id, Nillable::Value(42));
        assert_eq!(base.status, Nillable::Value(cm::AdStatus::Paused));
        assert_eq!(base.type_, Nillable::Value(cm::AdType::Text));
        assert_eq!(
            base.final_urls,
            Nillable::Value(vec![Some("https://example.com/".to_string())])
        );
    }
    // A known derived type still decodes as itself next to an unknown one.
    let xml = ads_envelope(
        "<Ad i:type=\"Hologram\"><Id>1</Id></Ad><Ad i:type=\"TextAd\"><Id>2</Id><Title>T</Title></Ad>",
    );
    let ads = decode_ads(&xml).expect("decodes");
    assert!(
        matches!(&ads[0], Some(cm::Ad::Unknown { type_name, base }) if type_name == "Hologram" && base.id == Nillable::Value(1))
    );
    assert!(
        matches!(&ads[1], Some(cm::Ad::TextAd(t)) if t.id == Nillable::Value(2) && t.title == Nillable::Value("T".into()))
    );
}

/// Found by `fuzz/`: an unknown `xsi:type` whose value holds an escaped character decodes
/// (`Unknown { type_name: "Future&Ad", .. }`) but `XmlWriter::xsi_type` writes the name back
/// unescaped, so the value re-encodes into malformed XML (`i:type="t:Future&Ad"`).
#[test]
fn unknown_xsi_type_with_escaped_characters_round_trips() {
    for attr in ["Future&amp;Ad", "Future&lt;Ad", "Future&quot;Ad"] {
        let xml = ads_envelope(&format!("<Ad i:type=\"{attr}\"><Id>1</Id></Ad>"));
        let response = cm::GetAdsByAdGroupIdResponse {
            ads: Nillable::Value(decode_ads(&xml).expect("decodes")),
        };
        let op = &cm::GET_ADS_BY_AD_GROUP_ID;
        let again = write_response_envelope(&[], |w| {
            response.encode(w, op.response_element.0, op.response_element.1)
        });
        let decoded = decode_ads(&again)
            .unwrap_or_else(|e| panic!("{attr}: re-encoded as malformed XML ({e}):\n{again}"));
        assert_eq!(Nillable::Value(decoded), response.ads, "{attr}");
    }
}

#[test]
fn unknown_enum_values_are_kept() {
    let xml = ads_envelope(
        "<Ad><Id>1</Id><EditorialStatus> Quarantined </EditorialStatus><Status>Frozen</Status><Type>Hologram</Type></Ad>",
    );
    let ads = decode_ads(&xml).expect("decodes");
    let Some(cm::Ad::Ad(ad)) = &ads[0] else {
        panic!("{ads:?}")
    };
    assert_eq!(
        ad.status,
        Nillable::Value(cm::AdStatus::UnknownValue("Frozen".into()))
    );
    assert_eq!(
        ad.editorial_status,
        Nillable::Value(cm::AdEditorialStatus::UnknownValue("Quarantined".into()))
    );
    assert_eq!(
        ad.type_,
        Nillable::Value(cm::AdType::UnknownValue("Hologram".into()))
    );

    // In an xs:list too.
    let mut r = XmlReader::new(b"<CampaignType>Search  Hologram\tShopping</CampaignType>");
    r.root().expect("root");
    let flags = <Flags<cm::CampaignType>>::decode(&mut r).expect("decodes");
    assert_eq!(
        flags.0,
        [
            cm::CampaignType::Search,
            cm::CampaignType::UnknownValue("Hologram".into()),
            cm::CampaignType::Shopping
        ]
    );
}

fn decode_campaigns(xml: &[u8]) -> cm::GetCampaignsByAccountIdResponse {
    decode_envelope::<cm::GetCampaignsByAccountIdResponse, cm::FaultDetail>(
        xml,
        &cm::GET_CAMPAIGNS_BY_ACCOUNT_ID,
    )
    .unwrap_or_else(|e| panic!("{e}\n{}", show(xml)))
    .body
    .expect("not a fault")
}

fn campaigns_seed() -> Vec<u8> {
    corpus()
        .into_iter()
        .find(|s| s.target == Target::Campaigns)
        .expect("a campaigns seed")
        .xml
}

#[test]
fn unknown_elements_are_skipped() {
    let xml = campaigns_seed();
    let baseline = decode_campaigns(&xml);
    let body_start = find_bytes(&xml, b"<GetCampaignsByAccountIdResponse", 0).expect("response");
    let body_end = find_bytes(&xml, b"</GetCampaignsByAccountIdResponse", 0).expect("end");
    let unknown = "<Future xmlns=\"urn:future\" i:type=\"Campaign\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\
                   <Id>1</Id><Campaign><Id>2</Id></Campaign><Deeper><Still/>text</Deeper></Future>";
    let mut tried = 0;
    for p in layout(&xml)
        .content_starts
        .into_iter()
        .filter(|p| (body_start..body_end).contains(p))
    {
        let mut mutated = xml.clone();
        mutated.splice(p..p, unknown.bytes());
        assert_eq!(
            decode_campaigns(&mutated),
            baseline,
            "unknown element inserted at {p}"
        );
        tried += 1;
    }
    assert!(tried > 20, "insertion points: {tried}");
}

#[test]
fn long_extremes_are_exact() {
    let campaigns = decode_campaigns(&campaigns_seed())
        .campaigns
        .into_value()
        .expect("campaigns");
    assert_eq!(
        campaigns[0].as_ref().expect("first").id,
        Nillable::Value(9223372036854775807)
    );
    assert_eq!(
        campaigns[1].as_ref().expect("second").id,
        Nillable::Value(i64::MIN)
    );

    // Through the encoder and back.
    let response = cm::GetCampaignsByAccountIdResponse {
        campaigns: Nillable::Value(sample_campaigns()),
    };
    let op = &cm::GET_CAMPAIGNS_BY_ACCOUNT_ID;
    let xml = write_response_envelope(&[], |w| {
        response.encode(w, op.response_element.0, op.response_element.1)
    });
    assert!(xml.contains("<Id>9223372036854775807</Id>"), "{xml}");
    assert_eq!(decode_campaigns(xml.as_bytes()), response);

    // One past either end is an error naming the field, not a wrap or a panic.
    for (text, tail) in [
        ("9223372036854775808", "/Campaign/Id"),
        ("-9223372036854775809", "/Campaign/Id"),
    ] {
        let xml = xml.replacen(
            "<Id>9223372036854775807</Id>",
            &format!("<Id>{text}</Id>"),
            1,
        );
        let err = decode_envelope::<cm::GetCampaignsByAccountIdResponse, cm::FaultDetail>(
            xml.as_bytes(),
            op,
        )
        .expect_err("out of range");
        assert!(
            matches!(&err.kind, DecodeErrorKind::InvalidValue { expected: "long", found } if found == text),
            "{err:?}"
        );
        assert!(err.path.ends_with(tail), "{err}");
        assert!(err.to_string().contains(&err.path), "{err}");
    }
}

/// A recursive decoder written against the public reader API, as a generated decoder for a
/// recursive (boxed) schema type would be.
fn nest(r: &mut XmlReader<'_>) -> Result<usize, DecodeError> {
    let mut deepest = 0;
    r.read_children(|r, _| {
        deepest = deepest.max(nest(r)? + 1);
        Ok(true)
    })?;
    Ok(deepest)
}

fn nested(depth: usize) -> String {
    "<n>".repeat(depth) + &"</n>".repeat(depth)
}

#[test]
fn nesting_beyond_max_depth_is_too_deep_not_a_stack_overflow() {
    // Exactly MAX_DEPTH open elements are fine; one more is TooDeep, with the path of the
    // elements that were open.
    let xml = nested(MAX_DEPTH);
    let mut r = XmlReader::new(xml.as_bytes());
    r.root().expect("root");
    assert_eq!(nest(&mut r).expect("MAX_DEPTH is allowed"), MAX_DEPTH - 1);

    for depth in [MAX_DEPTH + 1, 100_000] {
        let xml = nested(depth);
        let mut r = XmlReader::new(xml.as_bytes());
        r.root().expect("root");
        let err = nest(&mut r).expect_err("too deep");
        assert_eq!(err.kind, DecodeErrorKind::TooDeep);
        assert_eq!(err.path, "/n".repeat(MAX_DEPTH));
        assert!(err.to_string().contains("/n/n/n"), "{err}");
    }

    // Generated types are not recursive, so in an envelope deep input is only ever skipped,
    // and skipped content obeys the same limit: inside an unknown element, a known one, a
    // text field and an array.
    let seed = String::from_utf8(campaigns_seed()).expect("UTF-8 seed");
    let baseline = decode_campaigns(seed.as_bytes());
    let within = "<n>".repeat(MAX_DEPTH / 2) + &"</n>".repeat(MAX_DEPTH / 2);
    let p = seed.find("<Campaign>").expect("anchor") + "<Campaign>".len();
    let xml = format!("{}{within}{}", &seed[..p], &seed[p..]);
    assert_eq!(
        decode_campaigns(xml.as_bytes()),
        baseline,
        "{} levels are skipped",
        MAX_DEPTH / 2
    );
    let anchors = [
        ("<Campaign>", MAX_DEPTH),
        ("<MaxCpc>", MAX_DEPTH),
        ("<TimeZone>", 10_000),
        (
            "<Campaigns xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">",
            70_000,
        ),
        ("<Campaign>", usize::from(u16::MAX) + 1),
    ];
    for (anchor, depth) in anchors {
        let p = seed.find(anchor).expect("anchor") + anchor.len();
        // Closed or not, the document is too deep before it is anything else; in particular,
        // quick-xml 0.38's namespace scope counter (a `u16`, which overflows with a panic at
        // 65,536 open elements, tafia/quick-xml#977) is never reached.
        for xml in [
            format!("{}{}{}", &seed[..p], nested(depth), &seed[p..]),
            format!("{}{}", &seed[..p], "<n>".repeat(depth)),
        ] {
            let kind = error_kind(Target::Campaigns, xml.as_bytes());
            assert_eq!(
                kind,
                Some(DecodeErrorKind::TooDeep),
                "{depth} levels after {anchor}"
            );
        }
    }
}

#[test]
fn entities_cdata_and_doctype() {
    let campaign_name = |name_xml: &str, prolog: &str| {
        let xml = format!(
            "{prolog}<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>\
             <GetCampaignsByAccountIdResponse xmlns=\"https://bingads.microsoft.com/CampaignManagement/v13\">\
             <Campaigns><Campaign><Name>{name_xml}</Name></Campaign></Campaigns>\
             </GetCampaignsByAccountIdResponse></s:Body></s:Envelope>"
        );
        decode_envelope::<cm::GetCampaignsByAccountIdResponse, cm::FaultDetail>(
            xml.as_bytes(),
            &cm::GET_CAMPAIGNS_BY_ACCOUNT_ID,
        )
        .map(|e| {
            let campaigns = e
                .body
                .expect("not a fault")
                .campaigns
                .into_value()
                .expect("campaigns");
            campaigns[0]
                .as_ref()
                .expect("campaign")
                .name
                .clone()
                .into_value()
                .expect("name")
        })
    };
    assert_eq!(
        campaign_name("a&amp;b&#x41;&#66;&lt;&gt;&quot;&apos;", "").expect("decodes"),
        "a&bAB<>\"'"
    );
    assert_eq!(
        campaign_name("x<![CDATA[<Id>&amp;</Id>]]>y", "").expect("decodes"),
        "x<Id>&amp;</Id>y"
    );
    for bad in [
        "&bogus;",
        "&#0;",
        "&#xD800;",
        "&#x110000;",
        "&#99999999999999999999;",
        "a & b",
        "&#;",
    ] {
        let err = campaign_name(bad, "").expect_err(bad);
        assert!(
            matches!(err.kind, DecodeErrorKind::Syntax(_)),
            "{bad}: {err:?}"
        );
        assert!(
            err.path.ends_with("/Campaign/Name") || err.path.ends_with("/Campaign"),
            "{bad}: {err}"
        );
    }
    // Entities a DOCTYPE declares are not expanded (no entity expansion attacks), and an
    // external DTD is never fetched.
    let laughs = "<!DOCTYPE s:Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\
                  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
    let err = campaign_name("&c;", laughs).expect_err("undeclared for us");
    assert!(
        matches!(&err.kind, DecodeErrorKind::Syntax(m) if m.contains("&c;")),
        "{err:?}"
    );
    let external = "<!DOCTYPE s:Envelope SYSTEM \"http://127.0.0.1:9/never.dtd\">";
    assert_eq!(
        campaign_name("plain", external).expect("DOCTYPE ignored"),
        "plain"
    );
}

#[test]
fn invalid_utf8_is_an_error_with_a_path() {
    let seed = String::from_utf8(campaigns_seed()).expect("UTF-8 seed");
    for bad in INVALID_UTF8 {
        for anchor in ["<TimeZone>", "<Name>", "<Campaign>", "<Campaigns "] {
            let p = seed.find(anchor).expect("anchor") + anchor.len() - 1;
            let mut xml = seed.as_bytes().to_vec();
            // Inside the text of the element (or inside its start tag for `<Campaigns `).
            xml.splice(p + 1..p + 1, bad.iter().copied());
            match check(Target::Campaigns, &xml, false, "invalid UTF-8") {
                Ok(Ok(())) => {} // e.g. in an unknown attribute value, never decoded
                Ok(Err(e)) => assert!(
                    e.path.starts_with("/Envelope/Body/"),
                    "{anchor} {bad:x?}: {e}"
                ),
                Err(f) => panic!("{f}"),
            }
        }
    }
}

#[test]
fn guid_and_dates_reject_garbage_without_panicking() {
    // The lexical types are parsed from hostile text too.
    for text in [
        "",
        "-",
        "--",
        "0000-00-00",
        "2026-02-30T24:00:00",
        "\u{661}\u{662}\u{663}\u{664}-01-01",
        "2026-01-01T00:00:00.",
        "2026-01-01T00:00:00+14:60",
    ] {
        let _ = DateTime::parse(text);
    }
    assert!(DateTime::parse("99999999999-01-01T00:00:00").is_none());
    for text in [
        "",
        "{}",
        "0-0-0-0-0",
        "00000000-0000-0000-0000-00000000000\u{e9}",
        "{00000000-0000-0000-0000-000000000000",
    ] {
        assert!(Guid::parse(text).is_none(), "{text}");
    }
}
