//! One reply, two wires, equal values: the same data written as the service writes it on SOAP
//! (an `xsi:type` plus the variant's own `<Type>` element) and on REST (`Type` once, as the
//! discriminator) decodes to equal values, for every kind of polymorphic family the replies
//! carry: bidding schemes and settings (`Type` a string whose value differs from the XSD type
//! name or not), ads and assets (an enumeration), ad extensions, campaign criterions with
//! their criterion and bid (nested families), audiences (a flags type), fault details' batch
//! errors, and a type this version does not know.
#![cfg(all(feature = "json", feature = "campaign-management"))]

use bingads_gen::json::JsonFaultDetail;
use bingads_gen::soap::{self, OperationMeta};
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::xml::XmlDecode;
use bingads_gen::{Flags, Nillable, json};

const NS: &str = "https://bingads.microsoft.com/CampaignManagement/v13";

/// A WCF reply envelope around `body` (the response element's content).
fn envelope(element: &str, body: &str) -> String {
    format!(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">\
         <s:Header><h:TrackingId xmlns:h=\"{NS}\">t-1</h:TrackingId></s:Header>\
         <s:Body><{element} xmlns=\"{NS}\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\
         {body}</{element}></s:Body></s:Envelope>"
    )
}

/// Decodes `xml` as SOAP and `json` as a REST reply; both must succeed.
fn both<R: XmlDecode + json::JsonRead + std::fmt::Debug>(
    op: &OperationMeta,
    xml: &str,
    rest: &str,
) -> (R, R) {
    let soap = soap::decode_envelope::<R, cm::FaultDetail>(
        envelope(op.response_element.1, xml).as_bytes(),
        op,
    )
    .unwrap_or_else(|e| panic!("{}: SOAP: {e}", op.name))
    .body
    .unwrap_or_else(|f| panic!("{}: SOAP fault {f:?}", op.name));
    let rest = json::decode_response::<R>(rest.as_bytes())
        .unwrap_or_else(|e| panic!("{}: REST: {e}", op.name));
    (soap, rest)
}

fn items<T: Clone>(v: &Nillable<Vec<Option<T>>>) -> Vec<T> {
    v.value()
        .map(|items| items.iter().flatten().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn bidding_schemes_and_settings_decode_equal_on_both_wires() {
    let xml = "<Campaigns><Campaign>\
        <BiddingScheme i:type=\"EnhancedCpcBiddingScheme\"><Type>EnhancedCpc</Type></BiddingScheme>\
        <BudgetType>DailyBudgetStandard</BudgetType><DailyBudget>20</DailyBudget>\
        <Id>800000000</Id><Name>Shoes</Name><Status>Paused</Status>\
        <CampaignType>Search</CampaignType>\
        <Settings>\
        <Setting i:type=\"TargetSetting\"><Type>TargetSetting</Type><Details><TargetSettingDetail>\
        <CriterionTypeGroup>Audience</CriterionTypeGroup><TargetAndBid>false</TargetAndBid>\
        </TargetSettingDetail></Details></Setting>\
        <Setting i:type=\"DynamicSearchAdsSetting\"><Type>DynamicSearchAdsSetting</Type>\
        <DomainName>contoso.com</DomainName><Language>English</Language></Setting>\
        </Settings></Campaign>\
        <Campaign><BiddingScheme i:type=\"MaxClicksBiddingScheme\"><Type>MaxClicks</Type>\
        <MaxCpc><Amount>0.5</Amount></MaxCpc></BiddingScheme><Id>800000001</Id></Campaign>\
        </Campaigns><PartialErrors i:nil=\"true\"/>";
    // Members in the service's order: the discriminator is not always first.
    let rest = r#"{"Campaigns":[
        {"BiddingScheme":{"Type":"EnhancedCpc"},"BudgetType":"DailyBudgetStandard",
         "DailyBudget":20,"Id":"800000000","Name":"Shoes","Status":"Paused",
         "CampaignType":"Search","Settings":[
            {"Type":"TargetSetting","Details":[{"CriterionTypeGroup":"Audience","TargetAndBid":false}]},
            {"DomainName":"contoso.com","Language":"English","Type":"DynamicSearchAdsSetting"}]},
        {"BiddingScheme":{"MaxCpc":{"Amount":0.5},"Type":"MaxClicks"},"Id":800000001}],
        "PartialErrors":null}"#;
    let (soap, rest) =
        both::<cm::GetCampaignsByAccountIdResponse>(&cm::GET_CAMPAIGNS_BY_ACCOUNT_ID, xml, rest);
    assert_eq!(rest, soap);

    // What both say, so the equality is not two equally empty values.
    let campaigns = items(&rest.campaigns);
    match campaigns[0].bidding_scheme.value() {
        Some(cm::BiddingScheme::EnhancedCpcBiddingScheme(b)) => {
            assert_eq!(b.type_.value().map(String::as_str), Some("EnhancedCpc"));
        }
        other => panic!("expected enhanced CPC, got {other:?}"),
    }
    match campaigns[1].bidding_scheme.value() {
        Some(cm::BiddingScheme::MaxClicksBiddingScheme(b)) => {
            assert_eq!(b.type_.value().map(String::as_str), Some("MaxClicks"));
        }
        other => panic!("expected max clicks, got {other:?}"),
    }
    let settings = items(&campaigns[0].settings);
    match (&settings[0], &settings[1]) {
        (cm::Setting::TargetSetting(t), cm::Setting::DynamicSearchAdsSetting(d)) => {
            assert_eq!(t.type_.value().map(String::as_str), Some("TargetSetting"));
            assert_eq!(
                d.type_.value().map(String::as_str),
                Some("DynamicSearchAdsSetting")
            );
        }
        other => panic!("expected target and DSA settings, got {other:?}"),
    }
}

#[test]
fn ads_and_assets_decode_equal_on_both_wires() {
    let xml = "<Ads>\
        <Ad i:type=\"ResponsiveSearchAd\"><FinalUrls xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">\
        <a:string>https://www.contoso.com/</a:string></FinalUrls><Id>81234567890</Id>\
        <Status>Active</Status><Type>ResponsiveSearch</Type>\
        <Headlines><AssetLink><Asset i:type=\"TextAsset\"><Id>1236</Id><Type>TextAsset</Type>\
        <Text>Contoso</Text></Asset><PinnedField>Headline1</PinnedField></AssetLink></Headlines>\
        <Path1>seasonal</Path1></Ad>\
        <Ad i:type=\"ExpandedTextAd\"><Id>81234567891</Id><Status>Paused</Status>\
        <Type>ExpandedText</Type><Text>Text ad body</Text><TitlePart1>Title One</TitlePart1></Ad>\
        <Ad i:type=\"ProductAd\"><Id>81234567892</Id><Type>Product</Type>\
        <PromotionalText>Free shipping</PromotionalText></Ad>\
        <Ad i:nil=\"true\"/></Ads>";
    let rest = r#"{"Ads":[
        {"Type":"ResponsiveSearch","FinalUrls":["https://www.contoso.com/"],"Id":"81234567890",
         "Status":"Active","Headlines":[{"Asset":{"Type":"TextAsset","Id":"1236","Text":"Contoso"},
         "PinnedField":"Headline1"}],"Path1":"seasonal"},
        {"Id":"81234567891","Status":"Paused","Type":"ExpandedText","Text":"Text ad body",
         "TitlePart1":"Title One"},
        {"Type":"Product","Id":"81234567892","PromotionalText":"Free shipping"},
        null]}"#;
    let (soap, rest) =
        both::<cm::GetAdsByAdGroupIdResponse>(&cm::GET_ADS_BY_AD_GROUP_ID, xml, rest);
    assert_eq!(rest, soap);

    let ads = items(&rest.ads);
    let types: Vec<_> = ads
        .iter()
        .map(|ad| match ad {
            cm::Ad::ResponsiveSearchAd(a) => a.type_.clone(),
            cm::Ad::ExpandedTextAd(a) => a.type_.clone(),
            cm::Ad::ProductAd(a) => a.type_.clone(),
            other => panic!("unexpected ad {other:?}"),
        })
        .collect();
    assert_eq!(
        types,
        [
            Nillable::Value(cm::AdType::ResponsiveSearch),
            Nillable::Value(cm::AdType::ExpandedText),
            Nillable::Value(cm::AdType::Product),
        ]
    );
    let cm::Ad::ResponsiveSearchAd(rsa) = &ads[0] else {
        unreachable!("checked above")
    };
    let headline = items(&rsa.headlines).remove(0);
    match headline.asset.value() {
        Some(cm::Asset::TextAsset(t)) => {
            assert_eq!(t.type_.value().map(String::as_str), Some("TextAsset"));
        }
        other => panic!("expected a text asset, got {other:?}"),
    }
}

#[test]
fn ad_extensions_decode_equal_on_both_wires() {
    let xml = "<AdExtensions>\
        <AdExtension i:type=\"CalloutAdExtension\"><Id>9001</Id><Status>Active</Status>\
        <Type>CalloutAdExtension</Type><Version>2</Version><Text>Free returns</Text></AdExtension>\
        <AdExtension i:type=\"SitelinkAdExtension\"><Id>9002</Id><Type>SitelinkAdExtension</Type>\
        <DisplayText>Sale</DisplayText></AdExtension>\
        </AdExtensions><PartialErrors/>";
    let rest = r#"{"AdExtensions":[
        {"Type":"CalloutAdExtension","Id":"9001","Status":"Active","Version":2,"Text":"Free returns"},
        {"Type":"SitelinkAdExtension","Id":"9002","DisplayText":"Sale"}],"PartialErrors":[]}"#;
    let (soap, rest) =
        both::<cm::GetAdExtensionsByIdsResponse>(&cm::GET_AD_EXTENSIONS_BY_IDS, xml, rest);
    assert_eq!(rest, soap);

    let kinds: Vec<_> = items(&rest.ad_extensions)
        .into_iter()
        .map(|e| match e {
            cm::AdExtension::CalloutAdExtension(c) => c.type_,
            cm::AdExtension::SitelinkAdExtension(s) => s.type_,
            other => panic!("unexpected extension {other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            Nillable::Value("CalloutAdExtension".to_string()),
            Nillable::Value("SitelinkAdExtension".to_string())
        ]
    );
}

#[test]
fn criterions_and_their_bids_decode_equal_on_both_wires() {
    let xml = "<CampaignCriterions>\
        <CampaignCriterion i:type=\"BiddableCampaignCriterion\"><CampaignId>700</CampaignId>\
        <Criterion i:type=\"AgeCriterion\"><Type>AgeCriterion</Type><AgeRange>EighteenToTwentyFour</AgeRange></Criterion>\
        <Id>701</Id><Status>Active</Status><Type>BiddableCampaignCriterion</Type>\
        <CriterionBid i:type=\"BidMultiplier\"><Type>BidMultiplier</Type><Multiplier>15</Multiplier></CriterionBid>\
        </CampaignCriterion>\
        <CampaignCriterion i:type=\"NegativeCampaignCriterion\"><CampaignId>700</CampaignId>\
        <Criterion i:type=\"LocationCriterion\"><Type>LocationCriterion</Type><LocationId>190</LocationId></Criterion>\
        <Id>702</Id><Type>NegativeCampaignCriterion</Type></CampaignCriterion>\
        </CampaignCriterions>";
    let rest = r#"{"CampaignCriterions":[
        {"Type":"BiddableCampaignCriterion","CampaignId":"700",
         "Criterion":{"Type":"AgeCriterion","AgeRange":"EighteenToTwentyFour"},
         "Id":"701","Status":"Active","CriterionBid":{"Type":"BidMultiplier","Multiplier":15}},
        {"CampaignId":"700","Criterion":{"LocationId":"190","Type":"LocationCriterion"},
         "Id":"702","Type":"NegativeCampaignCriterion"}]}"#;
    let (soap, rest) = both::<cm::GetCampaignCriterionsByIdsResponse>(
        &cm::GET_CAMPAIGN_CRITERIONS_BY_IDS,
        xml,
        rest,
    );
    assert_eq!(rest, soap);

    match items(&rest.campaign_criterions).first() {
        Some(cm::CampaignCriterion::BiddableCampaignCriterion(b)) => {
            assert_eq!(
                b.type_.value().map(String::as_str),
                Some("BiddableCampaignCriterion")
            );
            match (b.criterion.value(), b.criterion_bid.value()) {
                (
                    Some(cm::Criterion::AgeCriterion(a)),
                    Some(cm::CriterionBid::BidMultiplier(m)),
                ) => {
                    assert_eq!(a.type_.value().map(String::as_str), Some("AgeCriterion"));
                    assert_eq!(m.type_.value().map(String::as_str), Some("BidMultiplier"));
                }
                other => panic!("expected an age criterion and a multiplier, got {other:?}"),
            }
        }
        other => panic!("expected a biddable criterion, got {other:?}"),
    }
}

#[test]
fn audiences_with_a_flags_type_decode_equal_on_both_wires() {
    let xml = "<Audiences>\
        <Audience i:type=\"CustomAudience\"><Id>55</Id><Name>Runners</Name><Type>Custom</Type></Audience>\
        <Audience i:type=\"RemarketingList\"><Id>56</Id><Name>Visitors</Name><Type>RemarketingList</Type>\
        <TagId>77</TagId></Audience>\
        <Audience i:type=\"InMarketAudience\"><Id>57</Id><Type>InMarket</Type></Audience>\
        </Audiences>";
    let rest = r#"{"Audiences":[
        {"Type":"Custom","Id":"55","Name":"Runners"},
        {"Type":"RemarketingList","Id":"56","Name":"Visitors","TagId":"77"},
        {"Id":"57","Type":"InMarket"}]}"#;
    let (soap, rest) = both::<cm::GetAudiencesByIdsResponse>(&cm::GET_AUDIENCES_BY_IDS, xml, rest);
    assert_eq!(rest, soap);

    let kinds: Vec<_> = items(&rest.audiences)
        .into_iter()
        .map(|a| match a {
            cm::Audience::CustomAudience(c) => c.type_,
            cm::Audience::RemarketingList(r) => r.type_,
            cm::Audience::InMarketAudience(i) => i.type_,
            other => panic!("unexpected audience {other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            Some(Flags::from([cm::AudienceType::Custom])),
            Some(Flags::from([cm::AudienceType::RemarketingList])),
            Some(Flags::from([cm::AudienceType::InMarket])),
        ]
    );
}

#[test]
fn fault_batch_errors_decode_equal_on_both_wires() {
    // A fault detail's `BatchError` family (base type instantiable, `Type` a string), read
    // through the typed detail of each wire.
    let detail_xml = "<ApiFaultDetail xmlns=\"https://bingads.microsoft.com/CampaignManagement/v13\" \
        xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\
        <TrackingId xmlns=\"https://adapi.microsoft.com\">t-2</TrackingId>\
        <BatchErrors><BatchError><Code>1102</Code><ErrorCode>CampaignServiceInvalidAccountId</ErrorCode>\
        <Index>0</Index><Message>bad</Message><Type>BatchError</Type></BatchError>\
        <BatchError i:type=\"EditorialError\"><Code>1041</Code><Index>1</Index><Type>EditorialError</Type>\
        <Appealable>true</Appealable><Location>Title</Location></BatchError></BatchErrors>\
        <OperationErrors/></ApiFaultDetail>";
    let fault_xml = format!(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>\
         <faultcode>s:Server</faultcode><faultstring>Invalid client data.</faultstring>\
         <detail>{detail_xml}</detail></s:Fault></s:Body></s:Envelope>"
    );
    let soap = soap::decode_envelope::<cm::AddCampaignsResponse, cm::FaultDetail>(
        fault_xml.as_bytes(),
        &cm::ADD_CAMPAIGNS,
    )
    .expect("SOAP fault decodes")
    .body
    .expect_err("a fault");
    let rest_detail = r#"{"TrackingId":"t-2","Type":"ApiFaultDetail","BatchErrors":[
        {"Code":1102,"ErrorCode":"CampaignServiceInvalidAccountId","Index":0,"Message":"bad","Type":"BatchError"},
        {"Type":"EditorialError","Code":1041,"Index":1,"Appealable":true,"Location":"Title"}],
        "OperationErrors":[]}"#;
    let rest_detail: serde_json::Value =
        serde_json::from_str(rest_detail).expect("the REST fault body is JSON");
    let rest = cm::FaultDetail::decode_json_detail("ApiFaultDetail", &rest_detail);
    let soap_detail = soap.detail.expect("typed SOAP detail");
    assert_eq!(rest.as_ref(), Some(&soap_detail));
    match soap_detail {
        cm::FaultDetail::ApiFaultDetail(d) => {
            let errors = items(&d.batch_errors);
            match (&errors[0], &errors[1]) {
                (cm::BatchError::BatchError(b), cm::BatchError::EditorialError(e)) => {
                    assert_eq!(b.type_.value().map(String::as_str), Some("BatchError"));
                    assert_eq!(e.type_.value().map(String::as_str), Some("EditorialError"));
                }
                other => panic!("unexpected batch errors {other:?}"),
            }
        }
        other => panic!("expected an ApiFaultDetail, got {other:?}"),
    }
}

#[test]
fn an_unknown_type_keeps_its_type_member_on_both_wires() {
    // A newer service's bidding scheme: the type names differ by wire (xsi:type vs the REST
    // discriminator), the `Type` member and the base's other members do not.
    let xml = "<Campaigns><Campaign><BiddingScheme i:type=\"SomeNewBiddingScheme\">\
        <Type>SomeNew</Type><NewMember>1</NewMember></BiddingScheme><Id>1</Id></Campaign></Campaigns>";
    let rest = r#"{"Campaigns":[{"BiddingScheme":{"Type":"SomeNew","NewMember":1},"Id":"1"}]}"#;
    let (soap, rest) =
        both::<cm::GetCampaignsByAccountIdResponse>(&cm::GET_CAMPAIGNS_BY_ACCOUNT_ID, xml, rest);
    let scheme = |r: &cm::GetCampaignsByAccountIdResponse| {
        items(&r.campaigns)
            .remove(0)
            .bidding_scheme
            .value()
            .cloned()
    };
    match (scheme(&soap), scheme(&rest)) {
        (
            Some(cm::BiddingScheme::Unknown {
                type_name: soap_name,
                base: soap_base,
            }),
            Some(cm::BiddingScheme::Unknown {
                type_name: rest_name,
                base: rest_base,
            }),
        ) => {
            assert_eq!(soap_name, "SomeNewBiddingScheme");
            assert_eq!(rest_name, "SomeNew");
            assert_eq!(rest_base, soap_base);
            assert_eq!(rest_base.type_.value().map(String::as_str), Some("SomeNew"));
        }
        other => panic!("expected unknown schemes, got {other:?}"),
    }
}

#[test]
fn user_input_leaves_the_type_member_to_the_discriminator() {
    // Strict (user input) reads do not fill the member, so a request read from JSON is sent
    // on SOAP as written: `xsi:type`, no `<Type>` element.
    let strict: cm::BiddingScheme =
        json::from_str(r#"{"Type":"EnhancedCpc"}"#).expect("bidding scheme");
    match &strict {
        cm::BiddingScheme::EnhancedCpcBiddingScheme(b) => assert!(b.type_.is_absent()),
        other => panic!("expected enhanced CPC, got {other:?}"),
    }
    // Either way the member is not written twice: `Type` stays the discriminator alone.
    let lenient: cm::BiddingScheme =
        json::from_slice_lenient(br#"{"Type":"EnhancedCpcBiddingScheme"}"#).expect("reply");
    assert_eq!(json::to_string(&lenient), r#"{"Type":"EnhancedCpc"}"#);
    assert_eq!(json::to_string(&strict), r#"{"Type":"EnhancedCpc"}"#);
}
