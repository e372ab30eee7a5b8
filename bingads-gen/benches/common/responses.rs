//! Canned `GetCampaignsByAccountIdResponse` envelopes, byte for byte what
//! `shared/bench/python/bench_soap.py` (`get_campaigns_response`) builds: each campaign is
//! written the way WCF writes it (element order of `tns:Campaign`, nil members as `i:nil`,
//! `xsi:type` on the derived bidding scheme and setting). 1,000 campaigns are 1,334,286 bytes.

use std::fmt::Write as _;

const CM_NS: &str = "https://bingads.microsoft.com/CampaignManagement/v13";

fn campaign_xml(out: &mut String, i: usize) {
    let cid = 800_000_000 + i;
    let amount = 0.5 + (i % 300) as f64 / 100.0;
    let budget = 20 + i % 500;
    let status = if i % 4 != 0 { "Active" } else { "Paused" };
    write!(
        out,
        "<Campaign>\
         <AudienceAdsBidAdjustment i:nil=\"true\"/>\
         <BiddingScheme i:type=\"MaxClicksBiddingScheme\"><Type>MaxClicks</Type>\
         <MaxCpc><Amount>{amount:.2}</Amount></MaxCpc></BiddingScheme>\
         <BudgetType>DailyBudgetStandard</BudgetType>\
         <DailyBudget>{budget}</DailyBudget>\
         <ExperimentId i:nil=\"true\"/>\
         <FinalUrlSuffix i:nil=\"true\"/>\
         <ForwardCompatibilityMap xmlns:a=\"http://schemas.datacontract.org/2004/07/System.Collections.Generic\"/>\
         <Id>{cid}</Id>\
         <MultimediaAdsBidAdjustment>100</MultimediaAdsBidAdjustment>\
         <Name>Campaign {i:05} - Shoes &amp; Boots</Name>\
         <Status>{status}</Status>\
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
         </Campaign>"
    )
    .expect("writing to a String");
}

/// A `GetCampaignsByAccountIdResponse` envelope with `n` campaigns and a `TrackingId` header.
pub fn get_campaigns_response(n: usize) -> Vec<u8> {
    let mut out = String::with_capacity(1400 * n + 600);
    write!(
        out,
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">\
         <s:Header><h:TrackingId xmlns:h=\"{CM_NS}\">5a1c3f0e-8d4b-4c1e-9e7a-3b2d1f0c9a8b</h:TrackingId></s:Header>\
         <s:Body><GetCampaignsByAccountIdResponse xmlns=\"{CM_NS}\">\
         <Campaigns xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
    )
    .expect("writing to a String");
    for i in 0..n {
        campaign_xml(&mut out, i);
    }
    out.push_str("</Campaigns></GetCampaignsByAccountIdResponse></s:Body></s:Envelope>");
    out.into_bytes()
}
