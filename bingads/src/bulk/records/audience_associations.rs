//! Audience associations: the rows that target (with a bid adjustment) or exclude an audience
//! at campaign or ad group level (`Campaign Remarketing List Association`, `Ad Group Negative
//! Custom Audience Association`, ...). Each holds the generated `BiddableCampaignCriterion` /
//! `NegativeAdGroupCriterion` (...) whose `Criterion` is an `AudienceCriterion`
//! (`Audience Id`), and the audience's name (`Audience`, bulk only).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/audiences/`
//! (`BulkCampaignAudienceAssociation`, `BulkCampaignNegativeAudienceAssociation`,
//! `BulkAdGroupAudienceAssociation`, `BulkAdGroupNegativeAudienceAssociation` and one class
//! per audience kind, e.g. `BulkCampaignRemarketingListAssociation`,
//! `BulkAdGroupAIPromptAssociation`) and the Microsoft bulk schema pages of the same names
//! ("Campaign Remarketing List Association", ...). As in the SDK, the `AudienceCriterion`'s
//! `AudienceType` is left unset: the record type says which kind of audience it is.

use super::criterion_record::criterion_record;
use super::macros::bulk_record;
use crate::bulk::criterion_parts::AudienceTarget;
use crate::bulk::criterion_values::{BidAdjustment, CashbackPercent};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Enum, Long, Text};

/// Declares audience association records: one line each, its level and whether it targets
/// (`biddable`) or excludes (`negative`) the audience.
macro_rules! audience_associations {
    ($(
        $level:ident $polarity:ident $name:ident = $type:literal, kind $kind:literal, table $table:ident;
    )*) => {$(
        criterion_record!(
            #[doc = concat!("A `", $type, "` row: the audience `Audience Id` (named `Audience`) attached to the entity `Parent Id`.")]
            $name = $type, kind $kind, table $table, $level, $polarity,
            {
                /// `Audience`: the audience's name (read-only).
                pub audience_name: Option<String>,
            }
            [
                col!("Audience" => audience_name, Text),
                field!("Audience Id" => criterion.criterion, AudienceTarget),
            ]
        );
    )*};
}

audience_associations! {
    campaign biddable BulkCampaignRemarketingListAssociation = "Campaign Remarketing List Association", kind 240, table CAMPAIGN_REMARKETING_LIST;
    campaign negative BulkCampaignNegativeRemarketingListAssociation = "Campaign Negative Remarketing List Association", kind 241, table CAMPAIGN_NEGATIVE_REMARKETING_LIST;
    ad_group biddable BulkAdGroupRemarketingListAssociation = "Ad Group Remarketing List Association", kind 242, table AD_GROUP_REMARKETING_LIST;
    ad_group negative BulkAdGroupNegativeRemarketingListAssociation = "Ad Group Negative Remarketing List Association", kind 243, table AD_GROUP_NEGATIVE_REMARKETING_LIST;
    campaign biddable BulkCampaignCustomAudienceAssociation = "Campaign Custom Audience Association", kind 244, table CAMPAIGN_CUSTOM_AUDIENCE;
    campaign negative BulkCampaignNegativeCustomAudienceAssociation = "Campaign Negative Custom Audience Association", kind 245, table CAMPAIGN_NEGATIVE_CUSTOM_AUDIENCE;
    ad_group biddable BulkAdGroupCustomAudienceAssociation = "Ad Group Custom Audience Association", kind 246, table AD_GROUP_CUSTOM_AUDIENCE;
    ad_group negative BulkAdGroupNegativeCustomAudienceAssociation = "Ad Group Negative Custom Audience Association", kind 247, table AD_GROUP_NEGATIVE_CUSTOM_AUDIENCE;
    campaign biddable BulkCampaignInMarketAudienceAssociation = "Campaign In Market Audience Association", kind 248, table CAMPAIGN_IN_MARKET_AUDIENCE;
    campaign negative BulkCampaignNegativeInMarketAudienceAssociation = "Campaign Negative In Market Audience Association", kind 249, table CAMPAIGN_NEGATIVE_IN_MARKET_AUDIENCE;
    ad_group biddable BulkAdGroupInMarketAudienceAssociation = "Ad Group In Market Audience Association", kind 250, table AD_GROUP_IN_MARKET_AUDIENCE;
    ad_group negative BulkAdGroupNegativeInMarketAudienceAssociation = "Ad Group Negative In Market Audience Association", kind 251, table AD_GROUP_NEGATIVE_IN_MARKET_AUDIENCE;
    campaign biddable BulkCampaignProductAudienceAssociation = "Campaign Product Audience Association", kind 252, table CAMPAIGN_PRODUCT_AUDIENCE;
    campaign negative BulkCampaignNegativeProductAudienceAssociation = "Campaign Negative Product Audience Association", kind 253, table CAMPAIGN_NEGATIVE_PRODUCT_AUDIENCE;
    ad_group biddable BulkAdGroupProductAudienceAssociation = "Ad Group Product Audience Association", kind 254, table AD_GROUP_PRODUCT_AUDIENCE;
    ad_group negative BulkAdGroupNegativeProductAudienceAssociation = "Ad Group Negative Product Audience Association", kind 255, table AD_GROUP_NEGATIVE_PRODUCT_AUDIENCE;
    campaign biddable BulkCampaignSimilarRemarketingListAssociation = "Campaign Similar Remarketing List Association", kind 256, table CAMPAIGN_SIMILAR_REMARKETING_LIST;
    campaign negative BulkCampaignNegativeSimilarRemarketingListAssociation = "Campaign Negative Similar Remarketing List Association", kind 257, table CAMPAIGN_NEGATIVE_SIMILAR_REMARKETING_LIST;
    ad_group biddable BulkAdGroupSimilarRemarketingListAssociation = "Ad Group Similar Remarketing List Association", kind 258, table AD_GROUP_SIMILAR_REMARKETING_LIST;
    ad_group negative BulkAdGroupNegativeSimilarRemarketingListAssociation = "Ad Group Negative Similar Remarketing List Association", kind 259, table AD_GROUP_NEGATIVE_SIMILAR_REMARKETING_LIST;
    campaign biddable BulkCampaignCombinedListAssociation = "Campaign Combined List Association", kind 260, table CAMPAIGN_COMBINED_LIST;
    campaign negative BulkCampaignNegativeCombinedListAssociation = "Campaign Negative Combined List Association", kind 261, table CAMPAIGN_NEGATIVE_COMBINED_LIST;
    ad_group biddable BulkAdGroupCombinedListAssociation = "Ad Group Combined List Association", kind 262, table AD_GROUP_COMBINED_LIST;
    ad_group negative BulkAdGroupNegativeCombinedListAssociation = "Ad Group Negative Combined List Association", kind 263, table AD_GROUP_NEGATIVE_COMBINED_LIST;
    campaign biddable BulkCampaignCustomerListAssociation = "Campaign Customer List Association", kind 264, table CAMPAIGN_CUSTOMER_LIST;
    campaign negative BulkCampaignNegativeCustomerListAssociation = "Campaign Negative Customer List Association", kind 265, table CAMPAIGN_NEGATIVE_CUSTOMER_LIST;
    ad_group biddable BulkAdGroupCustomerListAssociation = "Ad Group Customer List Association", kind 266, table AD_GROUP_CUSTOMER_LIST;
    ad_group negative BulkAdGroupNegativeCustomerListAssociation = "Ad Group Negative Customer List Association", kind 267, table AD_GROUP_NEGATIVE_CUSTOMER_LIST;
    campaign biddable BulkCampaignImpressionBasedRemarketingListAssociation = "Campaign Impression Based Remarketing List Association", kind 268, table CAMPAIGN_IMPRESSION_BASED_REMARKETING_LIST;
    campaign negative BulkCampaignNegativeImpressionBasedRemarketingListAssociation = "Campaign Negative Impression Based Remarketing List Association", kind 269, table CAMPAIGN_NEGATIVE_IMPRESSION_BASED_REMARKETING_LIST;
    ad_group biddable BulkAdGroupImpressionBasedRemarketingListAssociation = "Ad Group Impression Based Remarketing List Association", kind 270, table AD_GROUP_IMPRESSION_BASED_REMARKETING_LIST;
    ad_group negative BulkAdGroupNegativeImpressionBasedRemarketingListAssociation = "Ad Group Negative Impression Based Remarketing List Association", kind 271, table AD_GROUP_NEGATIVE_IMPRESSION_BASED_REMARKETING_LIST;
    ad_group biddable BulkAdGroupAiPromptAssociation = "Ad Group AI Prompt Association", kind 272, table AD_GROUP_AI_PROMPT;
}
