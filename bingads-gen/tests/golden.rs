//! Golden tests of complete SOAP request envelopes, plus a round trip and response decoding.
//!
//! Each request case is checked twice:
//! 1. byte for byte against `tests/golden/<case>.xml` (the exact compact envelope our writer
//!    produces; run with `BLESS=1` to rewrite the files, then review the diff against the WSDL);
//! 2. structurally: the envelope is re-parsed with quick-xml's `NsReader` and every element is
//!    listed with its *resolved* namespace (shown through the short labels of [`ns_label`], so
//!    the labels do not depend on the prefixes in the document), its local name, its resolved
//!    `xsi:type`, `xsi:nil` and its text. Those listings are written out below so a reviewer
//!    can read what is on the wire without reading raw XML.
//!
//! Every golden file is also decoded back with `decode_request` in strict order mode and
//! compared with the request value it was written from.
//!
//! WSDL line numbers refer to `wsdl/v13/production/*.xml` as checked in.

use std::fmt::Write as _;
use std::path::PathBuf;

use bingads_gen::soap::{self, Operation, RequestBody, SoapFault};
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::customer_management as cust;
use bingads_gen::v13::reporting as rep;
use bingads_gen::{Flags, Nillable};
use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{QName, ResolveResult};

/// The header values every case is written with: more than any one operation declares, so
/// the binding decides which appear (and in which order).
const HEADERS: &[(&str, &str)] = &[
    ("AuthenticationToken", "tok"),
    ("DeveloperToken", "dev"),
    ("CustomerId", "123"),
    ("CustomerAccountId", "456"),
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn golden_path(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
        .join(format!("{case}.xml"))
}

/// Compares `actual` with the golden file byte for byte (the file may end with one newline,
/// which is not part of the envelope). `BLESS=1` writes the file instead.
fn assert_golden(case: &str, actual: &str) -> String {
    let path = golden_path(case);
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, format!("{actual}\n")).expect("write golden file");
        return actual.to_string();
    }
    let file = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with BLESS=1 to create it, then review it)",
            path.display()
        )
    });
    let expected = file.strip_suffix('\n').unwrap_or(&file);
    if expected != actual {
        let at = expected
            .bytes()
            .zip(actual.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.len().min(actual.len()));
        let around = |s: &str| {
            let bytes = s.as_bytes();
            String::from_utf8_lossy(&bytes[at.saturating_sub(120)..(at + 120).min(bytes.len())])
                .into_owned()
        };
        panic!(
            "{case}: envelope differs from {} at byte {at}\n expected: …{}…\n   actual: …{}…\n(full actual envelope: {actual})",
            path.display(),
            around(expected),
            around(actual),
        );
    }
    expected.to_string()
}

/// Short labels for the namespaces these services use; the structural listings show these
/// instead of URIs. Any other namespace is shown as `{uri}`.
fn ns_label(ns: &ResolveResult<'_>) -> String {
    match ns {
        ResolveResult::Bound(ns) => {
            let uri = String::from_utf8_lossy(ns.as_ref()).into_owned();
            let label = match uri.as_str() {
                "http://schemas.xmlsoap.org/soap/envelope/" => "soap",
                "http://www.w3.org/2001/XMLSchema-instance" => "xsi",
                "https://bingads.microsoft.com/Customer/v13" => "cust",
                "https://bingads.microsoft.com/CampaignManagement/v13" => "cm",
                "https://bingads.microsoft.com/Reporting/v13" => "rep",
                "https://adapi.microsoft.com" => "adapi",
                "http://schemas.microsoft.com/2003/10/Serialization/Arrays" => "arr",
                "http://schemas.datacontract.org/2004/07/System.Collections.Generic" => "scg",
                "http://schemas.datacontract.org/2004/07/System" => "sys",
                _ => return format!("{{{uri}}}"),
            };
            label.to_string()
        }
        ResolveResult::Unbound => "{}".to_string(),
        ResolveResult::Unknown(p) => format!("{{unknown prefix {}}}", String::from_utf8_lossy(p)),
    }
}

/// One listing line for an element: `label:Local`, then ` xsi:type=label:Type` (the type's
/// QName resolved against the namespaces in scope on that element), ` xsi:nil=true`, and any
/// other attribute as ` label:name=value`. Namespace declarations are not listed: they only
/// matter through what they resolve to.
fn element_line(r: &NsReader<&[u8]>, e: &BytesStart<'_>, depth: usize) -> String {
    let (ns, local) = r.resolve_element(e.name());
    let mut line = format!(
        "{}{}:{}",
        "  ".repeat(depth),
        ns_label(&ns),
        String::from_utf8_lossy(local.as_ref())
    );
    for attr in e.attributes() {
        let attr = attr.expect("well-formed attribute");
        let key = attr.key.as_ref();
        if key == b"xmlns" || key.starts_with(b"xmlns:") {
            continue;
        }
        let value = attr.unescape_value().expect("attribute value").into_owned();
        let (attr_ns, attr_local) = r.resolve_attribute(attr.key);
        let attr_label = ns_label(&attr_ns);
        let attr_local = String::from_utf8_lossy(attr_local.as_ref()).into_owned();
        if attr_label == "xsi" && attr_local == "type" {
            let (type_ns, type_local) = r.resolve_element(QName(value.as_bytes()));
            let _ = write!(
                line,
                " xsi:type={}:{}",
                ns_label(&type_ns),
                String::from_utf8_lossy(type_local.as_ref())
            );
        } else {
            let _ = write!(line, " {attr_label}:{attr_local}={value}");
        }
    }
    line
}

/// Re-parses a document and lists every element in document order, indented by depth, with
/// ` = text` on elements that have text and no children.
fn structure(xml: &str) -> Vec<String> {
    let mut r = NsReader::from_reader(xml.as_bytes());
    r.config_mut().trim_text(false);
    let mut lines: Vec<String> = Vec::new();
    // (line index, has element children, text)
    let mut open: Vec<(usize, bool, String)> = Vec::new();
    loop {
        match r.read_event().expect("well-formed envelope") {
            Event::Start(e) => {
                if let Some(parent) = open.last_mut() {
                    parent.1 = true;
                }
                lines.push(element_line(&r, &e, open.len()));
                open.push((lines.len() - 1, false, String::new()));
            }
            Event::Empty(e) => {
                if let Some(parent) = open.last_mut() {
                    parent.1 = true;
                }
                lines.push(element_line(&r, &e, open.len()));
            }
            Event::Text(t) => {
                if let Some(top) = open.last_mut() {
                    top.2.push_str(&t.xml_content().expect("text"));
                }
            }
            Event::GeneralRef(g) => {
                let name = g.decode().expect("entity name").into_owned();
                let resolved = match g.resolve_char_ref().expect("char ref") {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&name)
                        .expect("predefined entity")
                        .to_string(),
                };
                if let Some(top) = open.last_mut() {
                    top.2.push_str(&resolved);
                }
            }
            Event::End(_) => {
                let (index, has_children, text) = open.pop().expect("balanced");
                if !has_children && !text.is_empty() {
                    let _ = write!(lines[index], " = {text}");
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    lines
}

fn assert_structure(case: &str, xml: &str, expected: &[&str]) {
    let actual = structure(xml);
    if actual != expected {
        panic!(
            "{case}: structure differs\n--- expected\n{}\n--- actual\n{}\n",
            expected.join("\n"),
            actual.join("\n")
        );
    }
}

/// Writes `request`, checks it against its golden file and listing, and decodes the golden
/// bytes back (strict element order) into an equal request carrying the expected headers.
fn check_case<O>(case: &str, request: &O, expected_headers: &[(&str, &str)], listing: &[&str])
where
    O: Operation + PartialEq + std::fmt::Debug,
{
    let written = soap::write_envelope(request, HEADERS);
    let golden = assert_golden(case, &written);
    assert_structure(case, &written, listing);
    let (headers, decoded) = soap::decode_request::<O>(golden.as_bytes(), true)
        .unwrap_or_else(|e| panic!("{case}: decode: {e}"));
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(headers, expected_headers, "{case}: headers");
    assert_eq!(&decoded, request, "{case}: decoded request");
}

// ---------------------------------------------------------------------------------------------
// 1. Customer Management: GetUser
// ---------------------------------------------------------------------------------------------

// Verified against wsdl/v13/production/customermanagement_service.xml:
// - Binding GetUser (lines 4047-4054) declares the headers ApplicationToken, AuthenticationToken,
//   DeveloperToken, Password, UserName in that order, and no CustomerId / CustomerAccountId:
//   those are dropped although HEADERS provides them; AuthenticationToken precedes
//   DeveloperToken. The header elements (lines 41-45) are global elements of the schema at
//   line 29, targetNamespace https://bingads.microsoft.com/Customer/v13 ("cust").
// - Body element GetUserRequest (lines 243-249) and its only child UserId (minOccurs=0,
//   nillable xs:long) are in the same namespace. UserId is sent with a value.
// - soapAction "GetUser" (binding line 4048).
#[test]
fn golden_customer_management_get_user() {
    let request = cust::GetUserRequest {
        user_id: Nillable::Value(789),
    };
    assert_eq!(request.operation().soap_action, "GetUser");
    check_case(
        "customer_management_get_user",
        &request,
        &[("AuthenticationToken", "tok"), ("DeveloperToken", "dev")],
        &[
            "soap:Envelope",
            "  soap:Header",
            "    cust:AuthenticationToken = tok",
            "    cust:DeveloperToken = dev",
            "  soap:Body",
            "    cust:GetUserRequest",
            "      cust:UserId = 789",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Campaign Management: AddCampaigns
// ---------------------------------------------------------------------------------------------

// Verified against wsdl/v13/production/campaignmanagement_service.xml:
// - Binding AddCampaigns (lines 17852-17861): headers in the order ApplicationToken,
//   AuthenticationToken, CustomerAccountId, CustomerId, DeveloperToken, Password, UserName;
//   so tok, 456, 123, dev. Header elements are in the CampaignManagement/v13 schema ("cm",
//   line 80; CustomerAccountId at 1850).
// - AddCampaignsRequest (lines 1400-1407): AccountId then Campaigns (ArrayOfCampaign, items
//   named Campaign, lines 1408-1412), all "cm".
// - Campaign sequence (lines 1414-1554), in document (not alphabetical) order for the fields
//   sent: AudienceAdsBidAdjustment, BiddingScheme, BudgetType, DailyBudget, IsPolitical, Name,
//   Status, TimeZone, TrackingUrlTemplate (nil), CampaignType, Settings, Languages. Note
//   CampaignType/Settings/BudgetId/Languages (lines 1535-1538) come after UseCampaignLevelDates.
// - BiddingScheme is declared as tns:BiddingScheme (line 1424); the value is the derived
//   MaxClicksBiddingScheme (lines 1569-1577): xsi:type resolves to cm:MaxClicksBiddingScheme;
//   base field Type (BiddingScheme, lines 1563-1567) precedes MaxCpc; MaxCpc is a Bid (lines
//   1579-1583) with Amount, all "cm".
// - Settings is ArrayOfSetting (lines 1842-1846), items named Setting in "cm". First item
//   TargetSetting (lines 947-955): base Type (Setting, lines 876-880) then Details
//   (ArrayOfTargetSettingDetail, lines 957-961, items TargetSettingDetail: CriterionTypeGroup,
//   TargetAndBid, lines 963-968). Second item DynamicSearchAdsSetting (lines 919-937): Type,
//   then DomainName, Language, PageFeedIds, Source; PageFeedIds is q6:ArrayOflong, so the
//   PageFeedIds element is "cm" and its `long` items are in the Arrays namespace ("arr",
//   ArrayOflong at lines 11871-11875 of the schema at line 11864).
// - CampaignType is an xs:list (lines 1801-1840): one element, text `Search`.
// - Languages is q14:ArrayOfstring (line 1538): the element is "cm", its `string` items are
//   "arr" (lines 11865-11869).
// - `&` in Name is escaped as &amp; in the golden file and reads back as `&`.
#[test]
fn golden_campaign_management_add_campaigns() {
    let campaign = cm::Campaign {
        audience_ads_bid_adjustment: Nillable::Value(10),
        bidding_scheme: Nillable::Value(cm::BiddingScheme::MaxClicksBiddingScheme(
            cm::MaxClicksBiddingScheme {
                type_: "MaxClicks".into(),
                max_cpc: Nillable::Value(cm::Bid {
                    amount: Nillable::Value(1.25),
                }),
            },
        )),
        budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
        daily_budget: Nillable::Value(50.0),
        is_political: Some(false),
        name: "Shoes & Boots".into(),
        status: Nillable::Value(cm::CampaignStatus::Paused),
        time_zone: "PacificTimeUSCanadaTijuana".into(),
        tracking_url_template: Nillable::Nil,
        campaign_type: Nillable::Value(Flags::from([cm::CampaignType::Search])),
        settings: Nillable::Value(vec![
            Some(cm::Setting::TargetSetting(cm::TargetSetting {
                type_: "TargetSetting".into(),
                details: Nillable::Value(vec![
                    Some(cm::TargetSettingDetail {
                        criterion_type_group: Some(cm::CriterionTypeGroup::Audience),
                        target_and_bid: Some(true),
                    }),
                    Some(cm::TargetSettingDetail {
                        criterion_type_group: Some(cm::CriterionTypeGroup::Age),
                        target_and_bid: Some(false),
                    }),
                ]),
            })),
            Some(cm::Setting::DynamicSearchAdsSetting(
                cm::DynamicSearchAdsSetting {
                    type_: "DynamicSearchAdsSetting".into(),
                    domain_name: "contoso.com".into(),
                    language: "English".into(),
                    page_feed_ids: Nillable::Value(vec![111, 222]),
                    source: Nillable::Value(cm::DynamicSearchAdsSource::AdvertiserSuppliedUrls),
                    ..Default::default()
                },
            )),
        ]),
        languages: Nillable::Value(vec![Some("English".into()), Some("French".into())]),
        ..Default::default()
    };
    let request = cm::AddCampaignsRequest {
        account_id: Some(456),
        campaigns: Nillable::Value(vec![Some(campaign)]),
    };
    assert_eq!(request.operation().soap_action, "AddCampaigns");
    check_case(
        "campaign_management_add_campaigns",
        &request,
        &[
            ("AuthenticationToken", "tok"),
            ("CustomerAccountId", "456"),
            ("CustomerId", "123"),
            ("DeveloperToken", "dev"),
        ],
        &[
            "soap:Envelope",
            "  soap:Header",
            "    cm:AuthenticationToken = tok",
            "    cm:CustomerAccountId = 456",
            "    cm:CustomerId = 123",
            "    cm:DeveloperToken = dev",
            "  soap:Body",
            "    cm:AddCampaignsRequest",
            "      cm:AccountId = 456",
            "      cm:Campaigns",
            "        cm:Campaign",
            "          cm:AudienceAdsBidAdjustment = 10",
            "          cm:BiddingScheme xsi:type=cm:MaxClicksBiddingScheme",
            "            cm:Type = MaxClicks",
            "            cm:MaxCpc",
            "              cm:Amount = 1.25",
            "          cm:BudgetType = DailyBudgetStandard",
            "          cm:DailyBudget = 50",
            "          cm:IsPolitical = false",
            "          cm:Name = Shoes & Boots",
            "          cm:Status = Paused",
            "          cm:TimeZone = PacificTimeUSCanadaTijuana",
            "          cm:TrackingUrlTemplate xsi:nil=true",
            "          cm:CampaignType = Search",
            "          cm:Settings",
            "            cm:Setting xsi:type=cm:TargetSetting",
            "              cm:Type = TargetSetting",
            "              cm:Details",
            "                cm:TargetSettingDetail",
            "                  cm:CriterionTypeGroup = Audience",
            "                  cm:TargetAndBid = true",
            "                cm:TargetSettingDetail",
            "                  cm:CriterionTypeGroup = Age",
            "                  cm:TargetAndBid = false",
            "            cm:Setting xsi:type=cm:DynamicSearchAdsSetting",
            "              cm:Type = DynamicSearchAdsSetting",
            "              cm:DomainName = contoso.com",
            "              cm:Language = English",
            "              cm:PageFeedIds",
            "                arr:long = 111",
            "                arr:long = 222",
            "              cm:Source = AdvertiserSuppliedUrls",
            "          cm:Languages",
            "            arr:string = English",
            "            arr:string = French",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Campaign Management: AddAds with two ad subtypes
// ---------------------------------------------------------------------------------------------

fn expanded_text_ad() -> cm::ExpandedTextAd {
    cm::ExpandedTextAd {
        final_urls: Nillable::Value(vec![Some("https://contoso.com/shoes?a=1&b=2".into())]),
        forward_compatibility_map: Nillable::Value(vec![cm::KeyValuePairOfstringstring {
            key: "NewField".into(),
            value: Nillable::Nil,
        }]),
        status: Nillable::Value(cm::AdStatus::Active),
        type_: Nillable::Value(cm::AdType::ExpandedText),
        domain: "contoso.com".into(),
        path1: "shoes".into(),
        text: "Find the right shoes.".into(),
        title_part1: "Contoso Shoes".into(),
        title_part2: "Free Delivery".into(),
        ..Default::default()
    }
}

fn text_asset_link(text: &str, pinned: Option<&str>) -> cm::AssetLink {
    cm::AssetLink {
        asset: Nillable::Value(cm::Asset::TextAsset(cm::TextAsset {
            text: text.into(),
            ..Default::default()
        })),
        pinned_field: pinned.map_or(Nillable::Absent, Nillable::from),
        ..Default::default()
    }
}

fn responsive_search_ad() -> cm::ResponsiveSearchAd {
    cm::ResponsiveSearchAd {
        final_urls: Nillable::Value(vec![Some("https://contoso.com/".into())]),
        type_: Nillable::Value(cm::AdType::ResponsiveSearch),
        descriptions: Nillable::Value(vec![
            Some(text_asset_link("Shoes for every day.", None)),
            Some(text_asset_link("Order today, wear tomorrow.", None)),
        ]),
        headlines: Nillable::Value(vec![
            Some(text_asset_link("Contoso Shoes", Some("Headline1"))),
            Some(text_asset_link("Free Delivery", None)),
            Some(text_asset_link("Sizes 3 to 15", None)),
        ]),
        path1: "shoes".into(),
        ..Default::default()
    }
}

// Verified against wsdl/v13/production/campaignmanagement_service.xml:
// - Binding AddAds (lines 18243-18252): same header order as AddCampaigns.
// - AddAdsRequest (lines 2488-2495): AdGroupId, then Ads (ArrayOfAd, items named Ad, lines
//   2496-2500), "cm".
// - Ad base sequence (lines 99-115): AdFormatPreference, DevicePreference, EditorialStatus,
//   FinalAppUrls, FinalMobileUrls, FinalUrlSuffix, FinalUrls, ForwardCompatibilityMap, Id,
//   Status, TrackingUrlTemplate, Type, UrlCustomParameters. Derived fields come after every
//   base field: ExpandedTextAd (lines 212-227) Domain, Path1, Path2, Text, TextPart2,
//   TitlePart1.. ; ResponsiveSearchAd (lines 1386-1398) Descriptions, Domain, Headlines,
//   Path1, Path2. So Status/Type come before Domain/Path1 although they are set "later".
// - xsi:type resolves to cm:ExpandedTextAd and cm:ResponsiveSearchAd on the `Ad` items.
// - FinalUrls is q2:ArrayOfstring (line 107): element "cm", `string` items "arr"; the `&` in
//   the URL is written as &amp;.
// - ForwardCompatibilityMap is q3:ArrayOfKeyValuePairOfstringstring (line 108): the element is
//   "cm", its items KeyValuePairOfstringstring and their `key`/`value` children are in
//   System.Collections.Generic ("scg", lines 11904-11924); `value` is nillable and sent nil.
// - Descriptions/Headlines are ArrayOfAssetLink (lines 737-741), items AssetLink (743-750):
//   Asset, AssetPerformanceLabel, EditorialStatus, PinnedField. Asset is declared tns:Asset
//   (752-758) and holds the derived TextAsset (760-768): a nested xsi:type=cm:TextAsset whose
//   only sent field is Text (base Id/Name/Type absent). PinnedField follows Asset.
#[test]
fn golden_campaign_management_add_ads() {
    let request = cm::AddAdsRequest {
        ad_group_id: Some(789),
        ads: Nillable::Value(vec![
            Some(cm::Ad::ExpandedTextAd(expanded_text_ad())),
            Some(cm::Ad::ResponsiveSearchAd(responsive_search_ad())),
        ]),
    };
    assert_eq!(request.operation().soap_action, "AddAds");
    check_case(
        "campaign_management_add_ads",
        &request,
        &[
            ("AuthenticationToken", "tok"),
            ("CustomerAccountId", "456"),
            ("CustomerId", "123"),
            ("DeveloperToken", "dev"),
        ],
        &[
            "soap:Envelope",
            "  soap:Header",
            "    cm:AuthenticationToken = tok",
            "    cm:CustomerAccountId = 456",
            "    cm:CustomerId = 123",
            "    cm:DeveloperToken = dev",
            "  soap:Body",
            "    cm:AddAdsRequest",
            "      cm:AdGroupId = 789",
            "      cm:Ads",
            "        cm:Ad xsi:type=cm:ExpandedTextAd",
            "          cm:FinalUrls",
            "            arr:string = https://contoso.com/shoes?a=1&b=2",
            "          cm:ForwardCompatibilityMap",
            "            scg:KeyValuePairOfstringstring",
            "              scg:key = NewField",
            "              scg:value xsi:nil=true",
            "          cm:Status = Active",
            "          cm:Type = ExpandedText",
            "          cm:Domain = contoso.com",
            "          cm:Path1 = shoes",
            "          cm:Text = Find the right shoes.",
            "          cm:TitlePart1 = Contoso Shoes",
            "          cm:TitlePart2 = Free Delivery",
            "        cm:Ad xsi:type=cm:ResponsiveSearchAd",
            "          cm:FinalUrls",
            "            arr:string = https://contoso.com/",
            "          cm:Type = ResponsiveSearch",
            "          cm:Descriptions",
            "            cm:AssetLink",
            "              cm:Asset xsi:type=cm:TextAsset",
            "                cm:Text = Shoes for every day.",
            "            cm:AssetLink",
            "              cm:Asset xsi:type=cm:TextAsset",
            "                cm:Text = Order today, wear tomorrow.",
            "          cm:Headlines",
            "            cm:AssetLink",
            "              cm:Asset xsi:type=cm:TextAsset",
            "                cm:Text = Contoso Shoes",
            "              cm:PinnedField = Headline1",
            "            cm:AssetLink",
            "              cm:Asset xsi:type=cm:TextAsset",
            "                cm:Text = Free Delivery",
            "            cm:AssetLink",
            "              cm:Asset xsi:type=cm:TextAsset",
            "                cm:Text = Sizes 3 to 15",
            "          cm:Path1 = shoes",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Campaign Management: GetCampaignsByAccountId with flag sets
// ---------------------------------------------------------------------------------------------

// Verified against wsdl/v13/production/campaignmanagement_service.xml:
// - Binding GetCampaignsByAccountId (lines 17875-17885): same header order as AddCampaigns.
// - GetCampaignsByAccountIdRequest (lines 1923-1931): AccountId, CampaignType (tns:CampaignType,
//   not nillable), ReturnAdditionalFields (tns:CampaignAdditionalField, nillable), all "cm".
// - CampaignType (lines 1801-1840) and CampaignAdditionalField (lines 1932-1984) are xs:list
//   types: each is ONE element whose text is the space-separated values, in the order given
//   (`Search Shopping`, `TargetSetting BidStrategyId`), never one element per value.
#[test]
fn golden_campaign_management_get_campaigns_by_account_id() {
    let request = cm::GetCampaignsByAccountIdRequest {
        account_id: Some(456),
        campaign_type: Some(Flags::from([
            cm::CampaignType::Search,
            cm::CampaignType::Shopping,
        ])),
        return_additional_fields: Nillable::Value(Flags::from([
            cm::CampaignAdditionalField::TargetSetting,
            cm::CampaignAdditionalField::BidStrategyId,
        ])),
    };
    assert_eq!(request.operation().soap_action, "GetCampaignsByAccountId");
    check_case(
        "campaign_management_get_campaigns_by_account_id",
        &request,
        &[
            ("AuthenticationToken", "tok"),
            ("CustomerAccountId", "456"),
            ("CustomerId", "123"),
            ("DeveloperToken", "dev"),
        ],
        &[
            "soap:Envelope",
            "  soap:Header",
            "    cm:AuthenticationToken = tok",
            "    cm:CustomerAccountId = 456",
            "    cm:CustomerId = 123",
            "    cm:DeveloperToken = dev",
            "  soap:Body",
            "    cm:GetCampaignsByAccountIdRequest",
            "      cm:AccountId = 456",
            "      cm:CampaignType = Search Shopping",
            "      cm:ReturnAdditionalFields = TargetSetting BidStrategyId",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Reporting: SubmitGenerateReport with a derived ReportRequest
// ---------------------------------------------------------------------------------------------

// Verified against wsdl/v13/production/reporting_service.xml:
// - Binding SubmitGenerateReport (lines 5666-5676): ApplicationToken, AuthenticationToken,
//   CustomerAccountId, CustomerId, DeveloperToken, Password, UserName; header elements in the
//   Reporting/v13 schema ("rep", line 29).
// - SubmitGenerateReportRequest (lines 33-39): ReportRequest, declared tns:ReportRequest; the
//   value is the derived KeywordPerformanceReportRequest (lines 1620-1634), so xsi:type
//   resolves to rep:KeywordPerformanceReportRequest.
// - Base ReportRequest fields first (lines 40-50: ExcludeColumnHeaders, ExcludeReportFooter,
//   ExcludeReportHeader, Format, FormatVersion, ReportName, ReturnOnlyCompleteData), then the
//   derived Aggregation, Columns, Filter, MaxRows, Scope, Sort, Time.
// - Columns is ArrayOfKeywordPerformanceReportColumn (lines 1636-1640), items named
//   KeywordPerformanceReportColumn in "rep".
// - Scope is AccountThroughAdGroupReportScope (lines 1321-1327); its AccountIds is
//   q3:ArrayOflong: AccountIds element "rep", `long` items "arr" (lines 5548-5552).
// - Time is ReportTime (lines 288-295): CustomDateRangeEnd BEFORE CustomDateRangeStart, then
//   PredefinedTime, ReportTimeZone; each Date (lines 297-303) is Day, Month, Year.
#[test]
fn golden_reporting_submit_generate_report() {
    let report = rep::KeywordPerformanceReportRequest {
        exclude_report_header: Nillable::Value(true),
        format: Nillable::Value(rep::ReportFormat::Csv),
        report_name: "Keywords January".into(),
        return_only_complete_data: Nillable::Value(false),
        aggregation: rep::ReportAggregation::Daily,
        columns: Nillable::Value(vec![
            rep::KeywordPerformanceReportColumn::TimePeriod,
            rep::KeywordPerformanceReportColumn::AccountId,
            rep::KeywordPerformanceReportColumn::Keyword,
            rep::KeywordPerformanceReportColumn::Impressions,
            rep::KeywordPerformanceReportColumn::Clicks,
        ]),
        max_rows: Some(1000),
        scope: Nillable::Value(rep::AccountThroughAdGroupReportScope {
            account_ids: Nillable::Value(vec![456, 789]),
            ..Default::default()
        }),
        time: Nillable::Value(rep::ReportTime {
            custom_date_range_end: Nillable::Value(rep::Date {
                day: 31,
                month: 1,
                year: 2026,
            }),
            custom_date_range_start: Nillable::Value(rep::Date {
                day: 1,
                month: 1,
                year: 2026,
            }),
            report_time_zone: Nillable::Value(rep::ReportTimeZone::PacificTimeUsCanadaTijuana),
            ..Default::default()
        }),
        ..Default::default()
    };
    let request = rep::SubmitGenerateReportRequest {
        report_request: Nillable::Value(rep::ReportRequest::KeywordPerformanceReportRequest(
            report,
        )),
    };
    assert_eq!(request.operation().soap_action, "SubmitGenerateReport");
    check_case(
        "reporting_submit_generate_report",
        &request,
        &[
            ("AuthenticationToken", "tok"),
            ("CustomerAccountId", "456"),
            ("CustomerId", "123"),
            ("DeveloperToken", "dev"),
        ],
        &[
            "soap:Envelope",
            "  soap:Header",
            "    rep:AuthenticationToken = tok",
            "    rep:CustomerAccountId = 456",
            "    rep:CustomerId = 123",
            "    rep:DeveloperToken = dev",
            "  soap:Body",
            "    rep:SubmitGenerateReportRequest",
            "      rep:ReportRequest xsi:type=rep:KeywordPerformanceReportRequest",
            "        rep:ExcludeReportHeader = true",
            "        rep:Format = Csv",
            "        rep:ReportName = Keywords January",
            "        rep:ReturnOnlyCompleteData = false",
            "        rep:Aggregation = Daily",
            "        rep:Columns",
            "          rep:KeywordPerformanceReportColumn = TimePeriod",
            "          rep:KeywordPerformanceReportColumn = AccountId",
            "          rep:KeywordPerformanceReportColumn = Keyword",
            "          rep:KeywordPerformanceReportColumn = Impressions",
            "          rep:KeywordPerformanceReportColumn = Clicks",
            "        rep:MaxRows = 1000",
            "        rep:Scope",
            "          rep:AccountIds",
            "            arr:long = 456",
            "            arr:long = 789",
            "        rep:Time",
            "          rep:CustomDateRangeEnd",
            "            rep:Day = 31",
            "            rep:Month = 1",
            "            rep:Year = 2026",
            "          rep:CustomDateRangeStart",
            "            rep:Day = 1",
            "            rep:Month = 1",
            "            rep:Year = 2026",
            "          rep:ReportTimeZone = PacificTimeUSCanadaTijuana",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Round trip: nil vs absent
// ---------------------------------------------------------------------------------------------

// Two ad subtypes in one array, with a nil array item between them, a field sent as nil on one
// ad and left absent on the other, and nil items inside string and AssetLink arrays. Encoding
// then decoding in strict order mode (which rejects any element written out of schema order)
// gives back an equal value, and nil stays nil while absent stays absent.
#[test]
fn round_trip_add_ads_nil_and_absent() {
    let eta = cm::ExpandedTextAd {
        final_mobile_urls: Nillable::Nil,
        tracking_url_template: Nillable::Nil,
        final_urls: Nillable::Value(vec![Some("https://contoso.com/a".into()), None]),
        ..expanded_text_ad()
    };
    let rsa = cm::ResponsiveSearchAd {
        final_mobile_urls: Nillable::Absent,
        tracking_url_template: Nillable::Absent,
        headlines: Nillable::Value(vec![
            Some(text_asset_link("Contoso Shoes", Some("Headline1"))),
            None,
            Some(cm::AssetLink {
                asset: Nillable::Nil,
                pinned_field: Nillable::Nil,
                ..Default::default()
            }),
        ]),
        ..responsive_search_ad()
    };
    let request = cm::AddAdsRequest {
        ad_group_id: Some(789),
        ads: Nillable::Value(vec![
            Some(cm::Ad::ExpandedTextAd(eta)),
            None,
            Some(cm::Ad::ResponsiveSearchAd(rsa)),
        ]),
    };
    let written = soap::write_envelope(&request, HEADERS);
    // The nil item of the Ads array and the nil FinalMobileUrls are on the wire; the absent
    // FinalMobileUrls of the second ad is not.
    assert!(written.contains("<Ad i:nil=\"true\"/>"), "{written}");
    assert_eq!(
        written.matches("<FinalMobileUrls i:nil=\"true\"/>").count(),
        1,
        "{written}"
    );
    assert_eq!(
        written
            .matches("<TrackingUrlTemplate i:nil=\"true\"/>")
            .count(),
        1,
        "{written}"
    );
    assert_eq!(written.matches("FinalMobileUrls").count(), 1, "{written}");

    let (headers, decoded) =
        soap::decode_request::<cm::AddAdsRequest>(written.as_bytes(), true).expect("decode");
    assert_eq!(headers.len(), 4);
    assert_eq!(decoded, request);

    let ads = decoded.ads.value().expect("Ads");
    assert_eq!(ads.len(), 3);
    assert!(ads[1].is_none(), "the nil Ad item decodes as None");
    let Some(cm::Ad::ExpandedTextAd(eta)) = &ads[0] else {
        panic!("first ad: {:?}", ads[0])
    };
    assert!(eta.final_mobile_urls.is_nil());
    assert!(eta.tracking_url_template.is_nil());
    assert_eq!(
        eta.final_urls,
        Nillable::Value(vec![Some("https://contoso.com/a".to_string()), None])
    );
    let Some(cm::Ad::ResponsiveSearchAd(rsa)) = &ads[2] else {
        panic!("third ad: {:?}", ads[2])
    };
    assert!(rsa.final_mobile_urls.is_absent());
    assert!(rsa.tracking_url_template.is_absent());
    let headlines = rsa.headlines.value().expect("Headlines");
    assert!(headlines[1].is_none());
    let third = headlines[2].as_ref().expect("third headline");
    assert!(third.asset.is_nil());
    assert!(third.pinned_field.is_nil());
    assert!(third.editorial_status.is_absent());
}

// ---------------------------------------------------------------------------------------------
// 7. Response decoding: GetCampaignsByIds as WCF writes it, and SOAP faults
// ---------------------------------------------------------------------------------------------

/// A GetCampaignsByIds response in WCF's style rather than ours: the xsi prefix declared on the
/// array element, array items under an `a:` prefix, the body prefixed differently in places,
/// a field this version does not know (skipped), and a nil Campaign for an invalid id.
const GET_CAMPAIGNS_BY_IDS_RESPONSE: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:TrackingId xmlns:h="https://bingads.microsoft.com/CampaignManagement/v13">5c3e0f5a-7d2b-4c1e-9a63-1f1e2d3c4b5a</h:TrackingId>
  </s:Header>
  <s:Body>
    <GetCampaignsByIdsResponse xmlns="https://bingads.microsoft.com/CampaignManagement/v13">
      <Campaigns xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
        <Campaign>
          <AudienceAdsBidAdjustment i:nil="true"/>
          <BiddingScheme i:type="MaxClicksBiddingScheme">
            <Type>MaxClicks</Type>
            <MaxCpc><Amount>1.25</Amount></MaxCpc>
          </BiddingScheme>
          <BudgetType>DailyBudgetStandard</BudgetType>
          <DailyBudget>50</DailyBudget>
          <ExperimentId i:nil="true"/>
          <FinalUrlSuffix i:nil="true"/>
          <ForwardCompatibilityMap xmlns:a="http://schemas.datacontract.org/2004/07/System.Collections.Generic"/>
          <Id>111</Id>
          <SomeFutureField>ignored</SomeFutureField>
          <Name>Shoes &amp; Boots</Name>
          <Status>Paused</Status>
          <SubType i:nil="true"/>
          <TimeZone>PacificTimeUSCanadaTijuana</TimeZone>
          <TrackingUrlTemplate i:nil="true"/>
          <UrlCustomParameters i:nil="true"/>
          <CampaignType>Search</CampaignType>
          <Settings>
            <Setting i:type="TargetSetting">
              <Type>TargetSetting</Type>
              <Details>
                <TargetSettingDetail>
                  <CriterionTypeGroup>Audience</CriterionTypeGroup>
                  <TargetAndBid>true</TargetAndBid>
                </TargetSettingDetail>
              </Details>
            </Setting>
          </Settings>
          <BudgetId i:nil="true"/>
          <Languages xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
            <a:string>English</a:string>
            <a:string>French</a:string>
          </Languages>
        </Campaign>
        <Campaign i:nil="true"/>
      </Campaigns>
      <b:PartialErrors xmlns:b="https://bingads.microsoft.com/CampaignManagement/v13" xmlns:x="http://www.w3.org/2001/XMLSchema-instance">
        <b:BatchError>
          <b:Code>1100</b:Code>
          <b:Details x:nil="true"/>
          <b:ErrorCode>CampaignServiceInvalidCampaignId</b:ErrorCode>
          <b:FieldPath x:nil="true"/>
          <b:ForwardCompatibilityMap xmlns:a="http://schemas.datacontract.org/2004/07/System.Collections.Generic"/>
          <b:Index>1</b:Index>
          <b:Message>The campaign ID is invalid.</b:Message>
          <b:Type>BatchError</b:Type>
        </b:BatchError>
      </b:PartialErrors>
    </GetCampaignsByIdsResponse>
  </s:Body>
</s:Envelope>"#;

#[test]
fn decode_get_campaigns_by_ids_response_from_wcf() {
    let envelope = soap::decode_envelope::<cm::GetCampaignsByIdsResponse, cm::FaultDetail>(
        GET_CAMPAIGNS_BY_IDS_RESPONSE.as_bytes(),
        &cm::GET_CAMPAIGNS_BY_IDS,
    )
    .expect("decode");
    assert_eq!(
        envelope.header("TrackingId"),
        Some("5c3e0f5a-7d2b-4c1e-9a63-1f1e2d3c4b5a")
    );
    let response = envelope.body.expect("not a fault");

    let campaigns = response.campaigns.value().expect("Campaigns");
    assert_eq!(campaigns.len(), 2);
    assert!(
        campaigns[1].is_none(),
        "the nil Campaign of the invalid id decodes as None"
    );
    let campaign = campaigns[0].as_ref().expect("first campaign");
    let expected = cm::Campaign {
        audience_ads_bid_adjustment: Nillable::Nil,
        bidding_scheme: Nillable::Value(cm::BiddingScheme::MaxClicksBiddingScheme(
            cm::MaxClicksBiddingScheme {
                type_: "MaxClicks".into(),
                max_cpc: Nillable::Value(cm::Bid {
                    amount: Nillable::Value(1.25),
                }),
            },
        )),
        budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
        daily_budget: Nillable::Value(50.0),
        experiment_id: Nillable::Nil,
        final_url_suffix: Nillable::Nil,
        forward_compatibility_map: Nillable::Value(vec![]),
        id: Nillable::Value(111),
        name: "Shoes & Boots".into(),
        status: Nillable::Value(cm::CampaignStatus::Paused),
        sub_type: Nillable::Nil,
        time_zone: "PacificTimeUSCanadaTijuana".into(),
        tracking_url_template: Nillable::Nil,
        url_custom_parameters: Nillable::Nil,
        campaign_type: Nillable::Value(Flags::from([cm::CampaignType::Search])),
        settings: Nillable::Value(vec![Some(cm::Setting::TargetSetting(cm::TargetSetting {
            type_: "TargetSetting".into(),
            details: Nillable::Value(vec![Some(cm::TargetSettingDetail {
                criterion_type_group: Some(cm::CriterionTypeGroup::Audience),
                target_and_bid: Some(true),
            })]),
        }))]),
        budget_id: Nillable::Nil,
        languages: Nillable::Value(vec![Some("English".into()), Some("French".into())]),
        ..Default::default()
    };
    assert_eq!(campaign, &expected);

    let errors = response.partial_errors.value().expect("PartialErrors");
    assert_eq!(errors.len(), 1);
    let Some(cm::BatchError::BatchError(error)) = &errors[0] else {
        panic!("{:?}", errors[0])
    };
    assert_eq!(error.code, Some(1100));
    assert_eq!(error.index, Some(1));
    assert!(error.details.is_nil());
    assert!(error.field_path.is_nil());
    assert_eq!(
        error.error_code,
        Nillable::Value("CampaignServiceInvalidCampaignId".into())
    );
    assert_eq!(
        error.message,
        Nillable::Value("The campaign ID is invalid.".into())
    );
    assert_eq!(error.type_, Nillable::Value("BatchError".into()));
}

/// A fault as the service sends it for bad credentials: an AdApiFaultDetail in the adapi
/// namespace (wsdl/v13/production/campaignmanagement_service.xml lines 11964-11993).
const AD_API_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:TrackingId xmlns:h="https://bingads.microsoft.com/CampaignManagement/v13">0d8c7b6a-fault-ad-api</h:TrackingId>
  </s:Header>
  <s:Body>
    <s:Fault>
      <faultcode>s:Server</faultcode>
      <faultstring xml:lang="en-US">Invalid client data. Check the SOAP fault details for more information. TrackingId: 0d8c7b6a-fault-ad-api.</faultstring>
      <detail>
        <AdApiFaultDetail xmlns="https://adapi.microsoft.com" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
          <TrackingId>0d8c7b6a-fault-ad-api</TrackingId>
          <Errors>
            <AdApiError>
              <Code>105</Code>
              <Detail i:nil="true"/>
              <ErrorCode>InvalidCredentials</ErrorCode>
              <Message>Authentication failed. Either supplied credentials are invalid or the account is inactive</Message>
            </AdApiError>
          </Errors>
        </AdApiFaultDetail>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>"#;

/// A fault with an ApiFaultDetail (CampaignManagement namespace) whose inherited TrackingId is
/// in the adapi namespace (ApplicationFault, lines 11974-11978; ApiFaultDetail, lines
/// 1897-1906), with a derived EditorialError batch error and an operation error.
const API_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:TrackingId xmlns:h="https://bingads.microsoft.com/CampaignManagement/v13">1e9d8c7b-fault-api</h:TrackingId>
  </s:Header>
  <s:Body>
    <s:Fault>
      <faultcode>s:Server</faultcode>
      <faultstring xml:lang="en-US">Invalid client data. Check the SOAP fault details for more information.</faultstring>
      <detail>
        <ApiFaultDetail xmlns="https://bingads.microsoft.com/CampaignManagement/v13" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
          <TrackingId xmlns="https://adapi.microsoft.com">1e9d8c7b-fault-api</TrackingId>
          <BatchErrors>
            <BatchError i:type="EditorialError">
              <Code>1042</Code>
              <Details i:nil="true"/>
              <ErrorCode>CampaignServiceEditorialValidationError</ErrorCode>
              <FieldPath i:nil="true"/>
              <ForwardCompatibilityMap xmlns:a="http://schemas.datacontract.org/2004/07/System.Collections.Generic"/>
              <Index>0</Index>
              <Message>The ad has failed editorial review.</Message>
              <Type>EditorialError</Type>
              <Appealable>true</Appealable>
              <DisapprovedText>Cheapest</DisapprovedText>
              <Location>TitlePart1</Location>
              <PublisherCountry>US</PublisherCountry>
              <ReasonCode>17</ReasonCode>
            </BatchError>
          </BatchErrors>
          <OperationErrors>
            <OperationError>
              <Code>1102</Code>
              <Details i:nil="true"/>
              <ErrorCode>CampaignServiceInvalidAccountId</ErrorCode>
              <Message>The account ID is invalid.</Message>
            </OperationError>
          </OperationErrors>
        </ApiFaultDetail>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>"#;

fn decode_fault(xml: &str) -> SoapFault<cm::FaultDetail> {
    let envelope = soap::decode_envelope::<cm::GetCampaignsByIdsResponse, cm::FaultDetail>(
        xml.as_bytes(),
        &cm::GET_CAMPAIGNS_BY_IDS,
    )
    .expect("decode");
    envelope.body.expect_err("a fault")
}

#[test]
fn decode_ad_api_fault_detail() {
    let fault = decode_fault(AD_API_FAULT);
    assert_eq!(fault.code, "s:Server");
    assert!(
        fault.message.starts_with("Invalid client data."),
        "{}",
        fault.message
    );
    assert_eq!(fault.tracking_id.as_deref(), Some("0d8c7b6a-fault-ad-api"));
    let Some(cm::FaultDetail::AdApiFaultDetail(detail)) = &fault.detail else {
        panic!("{:?}", fault.detail)
    };
    assert_eq!(
        detail.tracking_id,
        Nillable::Value("0d8c7b6a-fault-ad-api".into())
    );
    let errors = detail.errors.value().expect("Errors");
    assert_eq!(errors.len(), 1);
    let error = errors[0].as_ref().expect("AdApiError");
    assert_eq!(error.code, Some(105));
    assert_eq!(
        error.error_code,
        Nillable::Value("InvalidCredentials".into())
    );
    assert!(error.detail.is_nil());
    assert!(
        error
            .message
            .value()
            .is_some_and(|m| m.starts_with("Authentication failed"))
    );
}

#[test]
fn decode_api_fault_detail() {
    let fault = decode_fault(API_FAULT);
    assert_eq!(fault.code, "s:Server");
    assert_eq!(fault.tracking_id.as_deref(), Some("1e9d8c7b-fault-api"));
    let Some(cm::FaultDetail::ApiFaultDetail(detail)) = &fault.detail else {
        panic!("{:?}", fault.detail)
    };
    assert_eq!(
        detail.tracking_id,
        Nillable::Value("1e9d8c7b-fault-api".into())
    );

    let batch = detail.batch_errors.value().expect("BatchErrors");
    assert_eq!(batch.len(), 1);
    let Some(cm::BatchError::EditorialError(editorial)) = &batch[0] else {
        panic!("{:?}", batch[0])
    };
    assert_eq!(editorial.code, Some(1042));
    assert_eq!(editorial.index, Some(0));
    assert_eq!(
        editorial.error_code,
        Nillable::Value("CampaignServiceEditorialValidationError".into())
    );
    assert_eq!(editorial.appealable, Nillable::Value(true));
    assert_eq!(
        editorial.disapproved_text,
        Nillable::Value("Cheapest".into())
    );
    assert_eq!(editorial.location, Nillable::Value("TitlePart1".into()));
    assert_eq!(editorial.reason_code, Some(17));

    let operation = detail.operation_errors.value().expect("OperationErrors");
    assert_eq!(operation.len(), 1);
    let error = operation[0].as_ref().expect("OperationError");
    assert_eq!(error.code, Some(1102));
    assert!(error.details.is_nil());
    assert_eq!(
        error.error_code,
        Nillable::Value("CampaignServiceInvalidAccountId".into())
    );
    assert_eq!(
        error.message,
        Nillable::Value("The account ID is invalid.".into())
    );
}

// Strict order mode is what makes the decode-back checks above meaningful: moving a base-type
// field (Ad.Status, wsdl line 110) after a derived one (ExpandedTextAd.Domain, line 216) in the
// golden AddAds envelope must be rejected.
#[test]
fn strict_decode_rejects_base_field_after_derived_field() {
    let golden =
        std::fs::read_to_string(golden_path("campaign_management_add_ads")).expect("golden file");
    let moved = golden.replacen("<Status>Active</Status>", "", 1).replacen(
        "<Domain>contoso.com</Domain>",
        "<Domain>contoso.com</Domain><Status>Active</Status>",
        1,
    );
    assert_ne!(moved, golden);
    let err = soap::decode_request::<cm::AddAdsRequest>(moved.as_bytes(), true)
        .expect_err("out of order");
    assert!(
        matches!(&err.kind, bingads_gen::xml::DecodeErrorKind::OutOfOrder { element, after } if element == "Status" && after == "Domain"),
        "{err}"
    );
    // Lenient mode (what the client uses for responses) accepts it.
    let (_, lenient) =
        soap::decode_request::<cm::AddAdsRequest>(moved.as_bytes(), false).expect("lenient");
    let Some(Some(cm::Ad::ExpandedTextAd(ad))) = lenient.ads.value().and_then(|ads| ads.first())
    else {
        panic!()
    };
    assert_eq!(ad.status, Nillable::Value(cm::AdStatus::Active));
}
