//! Ad extension associations: the rows that attach an ad extension to the account, a
//! campaign or an ad group (`Account Callout Ad Extension`, `Campaign Sitelink Ad Extension`,
//! `Ad Group Image Ad Extension`, ...). Every one is the same table over an
//! `AdExtensionIdToEntityIdAssociation`: `Id` is the ad extension, `Parent Id` the entity.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/ad_extensions/` (the
//! `Bulk{Account,Campaign,AdGroup}<Kind>AdExtension` classes over
//! `_BulkAdExtensionAssociation`) and the Microsoft bulk schema pages named
//! "Account `<Kind>` Ad Extension", "Campaign `<Kind>` Ad Extension" and
//! "Ad Group `<Kind>` Ad Extension".

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management::AdExtensionIdToEntityIdAssociation;

use super::macros::bulk_record;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{BulkDateTime, Long, Text};

/// Declares an ad extension association record: its row type, kind and which name columns
/// it has (`Campaign` for campaign and ad group level, `Ad Group` for ad group level).
macro_rules! extension_association {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, [$($own:expr),* $(,)?]) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity association: AdExtensionIdToEntityIdAssociation) {
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
                /// `Editorial Status` of the extension for this entity (read-only:
                /// `Active`, `Disapproved`, `Inactive`, ...).
                pub editorial_status: Option<String>,
                /// `Campaign`: the campaign's name (campaign and ad group level).
                pub campaign_name: Option<String>,
                /// `Ad Group`: the ad group's name (ad group level).
                pub ad_group_name: Option<String>,
                pub client_id: Option<String>,
                pub modified_time: Option<DateTime>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            col!("Status" => status, Text),
            field!("Id" => association.ad_extension_id, Long),
            field!("Parent Id" => association.entity_id, Long),
            $($own,)*
            col!("Editorial Status" => editorial_status, Text),
            col!("Client Id" => client_id, Text),
            col!("Modified Time" => modified_time, BulkDateTime),
        ];
    };
}

/// Declares the association records of one extension kind at the levels the service has.
macro_rules! associations {
    ($(
        $level:ident $name:ident = $type:literal, kind $kind:literal, table $table:ident;
    )*) => {$(
        associations!(@one $level $name = $type, $kind, $table);
    )*};
    (@one account $name:ident = $type:literal, $kind:literal, $table:ident) => {
        extension_association!(
            #[doc = concat!("An `", $type, "` row: the extension (`Id`) attached to the account (`Parent Id`).")]
            $name = $type, kind $kind, table $table, []
        );
    };
    (@one campaign $name:ident = $type:literal, $kind:literal, $table:ident) => {
        extension_association!(
            #[doc = concat!("A `", $type, "` row: the extension (`Id`) attached to a campaign (`Parent Id`).")]
            $name = $type, kind $kind, table $table,
            [col!("Campaign" => campaign_name, Text)]
        );
    };
    (@one ad_group $name:ident = $type:literal, $kind:literal, $table:ident) => {
        extension_association!(
            #[doc = concat!("An `", $type, "` row: the extension (`Id`) attached to an ad group (`Parent Id`).")]
            $name = $type, kind $kind, table $table,
            [col!("Campaign" => campaign_name, Text), col!("Ad Group" => ad_group_name, Text)]
        );
    };
}

associations! {
    account BulkAccountActionAdExtension = "Account Action Ad Extension", kind 100, table ACCOUNT_ACTION;
    campaign BulkCampaignActionAdExtension = "Campaign Action Ad Extension", kind 101, table CAMPAIGN_ACTION;
    ad_group BulkAdGroupActionAdExtension = "Ad Group Action Ad Extension", kind 102, table AD_GROUP_ACTION;
    account BulkAccountAppAdExtension = "Account App Ad Extension", kind 103, table ACCOUNT_APP;
    campaign BulkCampaignAppAdExtension = "Campaign App Ad Extension", kind 104, table CAMPAIGN_APP;
    ad_group BulkAdGroupAppAdExtension = "Ad Group App Ad Extension", kind 105, table AD_GROUP_APP;
    campaign BulkCampaignCallAdExtension = "Campaign Call Ad Extension", kind 106, table CAMPAIGN_CALL;
    account BulkAccountCalloutAdExtension = "Account Callout Ad Extension", kind 107, table ACCOUNT_CALLOUT;
    campaign BulkCampaignCalloutAdExtension = "Campaign Callout Ad Extension", kind 108, table CAMPAIGN_CALLOUT;
    ad_group BulkAdGroupCalloutAdExtension = "Ad Group Callout Ad Extension", kind 109, table AD_GROUP_CALLOUT;
    campaign BulkCampaignDisclaimerAdExtension = "Campaign Disclaimer Ad Extension", kind 110, table CAMPAIGN_DISCLAIMER;
    account BulkAccountFilterLinkAdExtension = "Account Filter Link Ad Extension", kind 111, table ACCOUNT_FILTER_LINK;
    campaign BulkCampaignFilterLinkAdExtension = "Campaign Filter Link Ad Extension", kind 112, table CAMPAIGN_FILTER_LINK;
    ad_group BulkAdGroupFilterLinkAdExtension = "Ad Group Filter Link Ad Extension", kind 113, table AD_GROUP_FILTER_LINK;
    account BulkAccountFlyerAdExtension = "Account Flyer Ad Extension", kind 114, table ACCOUNT_FLYER;
    campaign BulkCampaignFlyerAdExtension = "Campaign Flyer Ad Extension", kind 115, table CAMPAIGN_FLYER;
    ad_group BulkAdGroupFlyerAdExtension = "Ad Group Flyer Ad Extension", kind 116, table AD_GROUP_FLYER;
    account BulkAccountImageAdExtension = "Account Image Ad Extension", kind 117, table ACCOUNT_IMAGE;
    campaign BulkCampaignImageAdExtension = "Campaign Image Ad Extension", kind 118, table CAMPAIGN_IMAGE;
    ad_group BulkAdGroupImageAdExtension = "Ad Group Image Ad Extension", kind 119, table AD_GROUP_IMAGE;
    account BulkAccountLocationAdExtension = "Account Location Ad Extension", kind 120, table ACCOUNT_LOCATION;
    campaign BulkCampaignLocationAdExtension = "Campaign Location Ad Extension", kind 121, table CAMPAIGN_LOCATION;
    account BulkAccountPriceAdExtension = "Account Price Ad Extension", kind 122, table ACCOUNT_PRICE;
    campaign BulkCampaignPriceAdExtension = "Campaign Price Ad Extension", kind 123, table CAMPAIGN_PRICE;
    ad_group BulkAdGroupPriceAdExtension = "Ad Group Price Ad Extension", kind 124, table AD_GROUP_PRICE;
    account BulkAccountPromotionAdExtension = "Account Promotion Ad Extension", kind 125, table ACCOUNT_PROMOTION;
    campaign BulkCampaignPromotionAdExtension = "Campaign Promotion Ad Extension", kind 126, table CAMPAIGN_PROMOTION;
    ad_group BulkAdGroupPromotionAdExtension = "Ad Group Promotion Ad Extension", kind 127, table AD_GROUP_PROMOTION;
    account BulkAccountReviewAdExtension = "Account Review Ad Extension", kind 128, table ACCOUNT_REVIEW;
    campaign BulkCampaignReviewAdExtension = "Campaign Review Ad Extension", kind 129, table CAMPAIGN_REVIEW;
    ad_group BulkAdGroupReviewAdExtension = "Ad Group Review Ad Extension", kind 130, table AD_GROUP_REVIEW;
    account BulkAccountSitelinkAdExtension = "Account Sitelink Ad Extension", kind 131, table ACCOUNT_SITELINK;
    campaign BulkCampaignSitelinkAdExtension = "Campaign Sitelink Ad Extension", kind 132, table CAMPAIGN_SITELINK;
    ad_group BulkAdGroupSitelinkAdExtension = "Ad Group Sitelink Ad Extension", kind 133, table AD_GROUP_SITELINK;
    account BulkAccountStructuredSnippetAdExtension = "Account Structured Snippet Ad Extension", kind 134, table ACCOUNT_STRUCTURED_SNIPPET;
    campaign BulkCampaignStructuredSnippetAdExtension = "Campaign Structured Snippet Ad Extension", kind 135, table CAMPAIGN_STRUCTURED_SNIPPET;
    ad_group BulkAdGroupStructuredSnippetAdExtension = "Ad Group Structured Snippet Ad Extension", kind 136, table AD_GROUP_STRUCTURED_SNIPPET;
    account BulkAccountVideoAdExtension = "Account Video Ad Extension", kind 137, table ACCOUNT_VIDEO;
    campaign BulkCampaignVideoAdExtension = "Campaign Video Ad Extension", kind 138, table CAMPAIGN_VIDEO;
    ad_group BulkAdGroupVideoAdExtension = "Ad Group Video Ad Extension", kind 139, table AD_GROUP_VIDEO;
}
