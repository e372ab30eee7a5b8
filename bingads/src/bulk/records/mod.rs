//! [`BulkRecord`]: every record kind the reader yields and the writer takes, and the
//! dispatch from a row's `Type` to its record kind. Each typed kind is a struct with a column
//! table (see `bulk::table`); a row of any other type is an [`UntypedRecord`].
//!
//! [`TYPED_RECORD_TYPES`] lists every typed `Type` (226 record kinds, plus `Format Version`):
//! - account, budget, bid strategy, campaign, ad group, keyword; the seven ad types; negative
//!   keywords and lists; negative site sets; labels and their eleven associations;
//! - ad extensions (15): Action, App, Call, Callout, Disclaimer, Filter Link, Flyer,
//!   Promotion, Review, Sitelink, Structured Snippet, Video (`ad_extensions.rs`); Image,
//!   Location, Price (`image_location_price_extensions.rs`);
//! - ad extension associations (40): account level (13: Action, App, Callout, Filter Link,
//!   Flyer, Image, Location, Price, Promotion, Review, Sitelink, Structured Snippet, Video),
//!   campaign level (15: those plus Call and Disclaimer) and ad group level (12: the account
//!   kinds but Location) (`extension_associations.rs`);
//! - target criterions (39): Campaign and Ad Group Age, Gender, DeviceOS and Location Intent
//!   Criterion; Campaign Negative Age, Gender and Device Criterion; Ad Group Negative Age and
//!   Gender Criterion (`target_criterions.rs`); Campaign and Ad Group Location, Negative
//!   Location, Radius, DayTime, Company Name, Industry and Job Function Criterion; Ad Group
//!   Negative Company Name, Industry and Job Function Criterion; Campaign Deal, Ad Group Genre
//!   and Ad Group Topic Criterion (`location_time_profile_criterions.rs`); Ad Group Advance
//!   Booking Window, Check In Date, Check In Day, Hotel Date Selection Type and Length of Stay
//!   Criterion (`hotel_criterions.rs`); Campaign Negative Store Criterion
//!   (`location_time_profile_criterions.rs`);
//! - audiences (9): Remarketing List, Custom Audience, In Market Audience, Product Audience,
//!   Similar Remarketing List, Combined List, Customer List, Customer List Item, Impression
//!   Based Remarketing List (`audiences.rs`);
//! - audience associations (33): Campaign and Ad Group, targeted and Negative, Remarketing
//!   List, Custom Audience, In Market Audience, Product Audience, Similar Remarketing List,
//!   Combined List, Customer List and Impression Based Remarketing List Association; Ad Group
//!   AI Prompt Association (`audience_associations.rs`).
//!
//! Performance Max, feeds, goals, lists, products, hotels, experiments and media (40):
//! - asset groups and their signals (6): Asset Group, Asset Group Listing Group, Asset Group
//!   Search Theme, Asset Group Url Target, Audience Group Asset Group Association, Campaign
//!   Conversion Goal (`asset_groups.rs`);
//! - media, feeds and audience groups (5): Image, Video, Feed, Feed Item, Audience Group
//!   (`media_feeds.rs`);
//! - conversion goals (10): Event, URL, Duration, PagesViewedPerVisit, AppInstall,
//!   AppDownload, OfflineConversion, InStoreTransaction, InStoreVisit and Product Goal, and
//!   the New Customer Acquisition Goal (`goals.rs`);
//! - shared lists (9): Account Placement Exclusion and Inclusion List, their List Items and
//!   Campaign List Associations, Brand List, Brand Item, Campaign Brand List Association
//!   (`lists.rs`);
//! - Experiment (`experiments.rs`);
//! - account negative keyword lists (6): Account Negative Keyword List, its Association and
//!   Account Shared Negative Keyword, and the three Account Content ones
//!   (`account_negatives.rs`);
//! - Data Exclusion, Seasonality Adjustment (`calendar.rs`).
//!
//! The last SDK types (11): Offline Conversion, Online Conversion Adjustment
//! (`conversion_uploads.rs`); Company List, Company Item (`company_lists.rs`); Topic, Content
//! Placement (`topics_placements.rs`); Adcustomizer Attribute and its Campaign, Adgroup and
//! Keyword rows (`ad_customizer_attributes.rs`); AI Prompt Audience (`ai_prompt_audience.rs`).
//!
//! The condition lists and trees (8): Ad Group Url Target, Ad Group Dynamic Search Ad Target,
//! Ad Group Negative Dynamic Search Ad Target, Campaign Negative Dynamic Search Ad Target and
//! Campaign Negative Webpage (`webpage_criterions.rs`); Campaign Product Scope, Ad Group
//! Product Partition and Ad Group Hotel Listing Group (`criterion_trees.rs`).
//!
//! Every `Type` the official SDK's bulk object factory maps is typed
//! (`tests/bulk_every_type.rs` holds this); a row of a type the service adds later reads as an
//! [`UntypedRecord`].

mod account;
mod ad_extensions;
mod ads;
mod audience_associations;
mod audiences;
mod bidding;
mod campaign;
pub(crate) mod criterion_record;
mod dispatch;
mod extension_associations;
mod hotel_criterions;
mod image_location_price_extensions;
mod keyword;
mod labels;
mod location_time_profile_criterions;
pub(crate) mod macros;
mod negatives;
mod sites;
mod target_criterions;

// Performance Max, feeds, goals, lists, products, hotels, experiments and media.
mod account_negatives;
mod ad_customizer_attributes;
mod ai_prompt_audience;
mod asset_groups;
mod calendar;
mod company_lists;
mod conversion_uploads;
mod experiments;
mod goals;
mod lists;
mod media_feeds;
mod parts;
mod topics_placements;

// The condition lists and trees: webpages, product scopes and partitions, hotel groups.
mod criterion_trees;
mod webpage_criterions;

#[cfg(test)]
mod asset_column_tests;
#[cfg(test)]
mod column_tests;
#[cfg(test)]
mod condition_column_tests;
#[cfg(test)]
mod family_column_tests;
#[cfg(test)]
mod remaining_column_tests;

pub use account::{BulkAccount, BulkBidStrategy, BulkBudget};
pub use ad_extensions::{
    BulkActionAdExtension, BulkAppAdExtension, BulkCallAdExtension, BulkCalloutAdExtension,
    BulkDisclaimerAdExtension, BulkFilterLinkAdExtension, BulkFlyerAdExtension,
    BulkPromotionAdExtension, BulkReviewAdExtension, BulkSitelinkAdExtension,
    BulkStructuredSnippetAdExtension, BulkVideoAdExtension,
};
pub use ads::{
    BulkAppInstallAd, BulkDynamicSearchAd, BulkExpandedTextAd, BulkProductAd, BulkResponsiveAd,
    BulkResponsiveSearchAd, BulkTextAd,
};
pub use audience_associations::{
    BulkAdGroupAiPromptAssociation, BulkAdGroupCombinedListAssociation,
    BulkAdGroupCustomAudienceAssociation, BulkAdGroupCustomerListAssociation,
    BulkAdGroupImpressionBasedRemarketingListAssociation, BulkAdGroupInMarketAudienceAssociation,
    BulkAdGroupNegativeCombinedListAssociation, BulkAdGroupNegativeCustomAudienceAssociation,
    BulkAdGroupNegativeCustomerListAssociation,
    BulkAdGroupNegativeImpressionBasedRemarketingListAssociation,
    BulkAdGroupNegativeInMarketAudienceAssociation, BulkAdGroupNegativeProductAudienceAssociation,
    BulkAdGroupNegativeRemarketingListAssociation,
    BulkAdGroupNegativeSimilarRemarketingListAssociation, BulkAdGroupProductAudienceAssociation,
    BulkAdGroupRemarketingListAssociation, BulkAdGroupSimilarRemarketingListAssociation,
    BulkCampaignCombinedListAssociation, BulkCampaignCustomAudienceAssociation,
    BulkCampaignCustomerListAssociation, BulkCampaignImpressionBasedRemarketingListAssociation,
    BulkCampaignInMarketAudienceAssociation, BulkCampaignNegativeCombinedListAssociation,
    BulkCampaignNegativeCustomAudienceAssociation, BulkCampaignNegativeCustomerListAssociation,
    BulkCampaignNegativeImpressionBasedRemarketingListAssociation,
    BulkCampaignNegativeInMarketAudienceAssociation,
    BulkCampaignNegativeProductAudienceAssociation, BulkCampaignNegativeRemarketingListAssociation,
    BulkCampaignNegativeSimilarRemarketingListAssociation, BulkCampaignProductAudienceAssociation,
    BulkCampaignRemarketingListAssociation, BulkCampaignSimilarRemarketingListAssociation,
};
pub use audiences::{
    BulkCombinedList, BulkCustomAudience, BulkCustomerList, BulkCustomerListItem,
    BulkImpressionBasedRemarketingList, BulkInMarketAudience, BulkProductAudience,
    BulkRemarketingList, BulkSimilarRemarketingList,
};
pub use campaign::{BulkAdGroup, BulkCampaign};
pub use extension_associations::{
    BulkAccountActionAdExtension, BulkAccountAppAdExtension, BulkAccountCalloutAdExtension,
    BulkAccountFilterLinkAdExtension, BulkAccountFlyerAdExtension, BulkAccountImageAdExtension,
    BulkAccountLocationAdExtension, BulkAccountPriceAdExtension, BulkAccountPromotionAdExtension,
    BulkAccountReviewAdExtension, BulkAccountSitelinkAdExtension,
    BulkAccountStructuredSnippetAdExtension, BulkAccountVideoAdExtension,
    BulkAdGroupActionAdExtension, BulkAdGroupAppAdExtension, BulkAdGroupCalloutAdExtension,
    BulkAdGroupFilterLinkAdExtension, BulkAdGroupFlyerAdExtension, BulkAdGroupImageAdExtension,
    BulkAdGroupPriceAdExtension, BulkAdGroupPromotionAdExtension, BulkAdGroupReviewAdExtension,
    BulkAdGroupSitelinkAdExtension, BulkAdGroupStructuredSnippetAdExtension,
    BulkAdGroupVideoAdExtension, BulkCampaignActionAdExtension, BulkCampaignAppAdExtension,
    BulkCampaignCallAdExtension, BulkCampaignCalloutAdExtension, BulkCampaignDisclaimerAdExtension,
    BulkCampaignFilterLinkAdExtension, BulkCampaignFlyerAdExtension, BulkCampaignImageAdExtension,
    BulkCampaignLocationAdExtension, BulkCampaignPriceAdExtension,
    BulkCampaignPromotionAdExtension, BulkCampaignReviewAdExtension,
    BulkCampaignSitelinkAdExtension, BulkCampaignStructuredSnippetAdExtension,
    BulkCampaignVideoAdExtension,
};
pub use hotel_criterions::{
    BulkAdGroupAdvanceBookingWindowCriterion, BulkAdGroupCheckInDateCriterion,
    BulkAdGroupCheckInDayCriterion, BulkAdGroupHotelDateSelectionTypeCriterion,
    BulkAdGroupLengthOfStayCriterion,
};
pub use image_location_price_extensions::{
    BulkImageAdExtension, BulkLocationAdExtension, BulkPriceAdExtension,
};
pub use keyword::{BID_SUGGESTION_TYPES, BidSuggestion, BulkKeyword, QualityScoreData};
pub use labels::{
    BulkAdGroupLabel, BulkAppInstallAdLabel, BulkCampaignLabel, BulkDynamicSearchAdLabel,
    BulkExpandedTextAdLabel, BulkKeywordLabel, BulkLabel, BulkProductAdLabel,
    BulkResponsiveAdLabel, BulkResponsiveSearchAdLabel, BulkTextAdLabel,
};
pub use location_time_profile_criterions::{
    BulkAdGroupCompanyNameCriterion, BulkAdGroupDayTimeCriterion, BulkAdGroupGenreCriterion,
    BulkAdGroupIndustryCriterion, BulkAdGroupJobFunctionCriterion, BulkAdGroupLocationCriterion,
    BulkAdGroupNegativeCompanyNameCriterion, BulkAdGroupNegativeIndustryCriterion,
    BulkAdGroupNegativeJobFunctionCriterion, BulkAdGroupNegativeLocationCriterion,
    BulkAdGroupRadiusCriterion, BulkAdGroupTopicCriterion, BulkCampaignCompanyNameCriterion,
    BulkCampaignDayTimeCriterion, BulkCampaignDealCriterion, BulkCampaignIndustryCriterion,
    BulkCampaignJobFunctionCriterion, BulkCampaignLocationCriterion,
    BulkCampaignNegativeLocationCriterion, BulkCampaignNegativeStoreCriterion,
    BulkCampaignRadiusCriterion,
};
pub use negatives::{
    BulkAdGroupNegativeKeyword, BulkCampaignNegativeKeyword, BulkCampaignNegativeKeywordList,
    BulkNegativeKeywordList, BulkSharedNegativeKeyword,
};
pub use sites::{
    BulkAdGroupNegativeSite, BulkAdGroupNegativeSites, BulkCampaignNegativeSite,
    BulkCampaignNegativeSites,
};
pub use target_criterions::{
    BulkAdGroupAgeCriterion, BulkAdGroupDeviceOsCriterion, BulkAdGroupGenderCriterion,
    BulkAdGroupLocationIntentCriterion, BulkAdGroupNegativeAgeCriterion,
    BulkAdGroupNegativeGenderCriterion, BulkCampaignAgeCriterion, BulkCampaignDeviceOsCriterion,
    BulkCampaignGenderCriterion, BulkCampaignLocationIntentCriterion,
    BulkCampaignNegativeAgeCriterion, BulkCampaignNegativeDeviceCriterion,
    BulkCampaignNegativeGenderCriterion,
};

pub use account_negatives::{
    BulkAccountContentNegativeKeywordList, BulkAccountContentNegativeKeywordListAssociation,
    BulkAccountContentSharedNegativeKeyword, BulkAccountNegativeKeywordList,
    BulkAccountNegativeKeywordListAssociation, BulkAccountSharedNegativeKeyword,
};
pub use ad_customizer_attributes::{
    BulkAdCustomizerAttribute, BulkAdGroupAdCustomizerAttribute, BulkCampaignAdCustomizerAttribute,
    BulkKeywordAdCustomizerAttribute,
};
pub use ai_prompt_audience::BulkAiPromptAudience;
pub use asset_groups::{
    BulkAssetGroup, BulkAssetGroupListingGroup, BulkAssetGroupSearchTheme, BulkAssetGroupUrlTarget,
    BulkAudienceGroupAssetGroupAssociation, BulkCampaignConversionGoal,
};
pub use calendar::{BulkDataExclusion, BulkSeasonalityAdjustment};
pub use company_lists::{BulkCompanyItem, BulkCompanyList};
pub use conversion_uploads::{BulkOfflineConversion, BulkOnlineConversionAdjustment};
pub use criterion_trees::{
    BulkAdGroupHotelListingGroup, BulkAdGroupProductPartition, BulkCampaignProductScope,
};
pub use experiments::BulkExperiment;
pub use goals::{
    BulkAppDownloadGoal, BulkAppInstallGoal, BulkDurationGoal, BulkEventGoal,
    BulkInStoreTransactionGoal, BulkInStoreVisitGoal, BulkNewCustomerAcquisitionGoal,
    BulkOfflineConversionGoal, BulkPagesViewedPerVisitGoal, BulkProductGoal, BulkUrlGoal,
};
pub use lists::{
    BulkAccountPlacementExclusionList, BulkAccountPlacementExclusionListItem,
    BulkAccountPlacementInclusionList, BulkAccountPlacementInclusionListItem, BulkBrandItem,
    BulkBrandList, BulkCampaignBrandListAssociation, BulkCampaignPlacementExclusionListAssociation,
    BulkCampaignPlacementInclusionListAssociation,
};
pub use media_feeds::{BulkAudienceGroup, BulkFeed, BulkFeedItem, BulkImage, BulkVideo};
pub use topics_placements::{BulkContentPlacement, BulkTopic};
pub use webpage_criterions::{
    BulkAdGroupDynamicSearchAdTarget, BulkAdGroupNegativeDynamicSearchAdTarget,
    BulkAdGroupUrlTarget, BulkCampaignNegativeDynamicSearchAdTarget, BulkCampaignNegativeWebpage,
};

use super::error::BulkError;
use super::file::writer::RowWriter;
use super::record::{FormatVersion, RowError, UntypedRecord};
use super::row::BulkRow;
use super::table::{self, Positions, TypedRecord};

pub(crate) use dispatch::refill_untyped;
use dispatch::{check_version, records};

// Most frequent types first: the dispatch compares the `Type` cell in this order.
records! {
    /// A `Keyword` row.
    Keyword(BulkKeyword),
    /// An `Ad Group` row.
    AdGroup(BulkAdGroup),
    /// A `Campaign` row.
    Campaign(BulkCampaign),
    /// The `Account` row.
    Account(BulkAccount),
    /// A `Budget` row.
    Budget(BulkBudget),
    /// A `Bid Strategy` row.
    BidStrategy(BulkBidStrategy),
    /// An `Expanded Text Ad` row.
    ExpandedTextAd(BulkExpandedTextAd),
    /// A `Responsive Search Ad` row.
    ResponsiveSearchAd(BulkResponsiveSearchAd),
    /// A `Responsive Ad` row.
    ResponsiveAd(BulkResponsiveAd),
    /// A `Text Ad` row.
    TextAd(BulkTextAd),
    /// An `App Install Ad` row.
    AppInstallAd(BulkAppInstallAd),
    /// A `Dynamic Search Ad` row.
    DynamicSearchAd(BulkDynamicSearchAd),
    /// A `Product Ad` row.
    ProductAd(BulkProductAd),
    /// A `Campaign Negative Keyword` row.
    CampaignNegativeKeyword(BulkCampaignNegativeKeyword),
    /// An `Ad Group Negative Keyword` row.
    AdGroupNegativeKeyword(BulkAdGroupNegativeKeyword),
    /// A `Negative Keyword List` row.
    NegativeKeywordList(BulkNegativeKeywordList),
    /// A `Shared Negative Keyword` row.
    SharedNegativeKeyword(BulkSharedNegativeKeyword),
    /// A `Campaign Negative Keyword List Association` row.
    CampaignNegativeKeywordList(BulkCampaignNegativeKeywordList),
    /// A campaign's negative sites (a "delete all" row and/or one row per site).
    CampaignNegativeSites(BulkCampaignNegativeSites),
    /// An ad group's negative sites (a "delete all" row and/or one row per site).
    AdGroupNegativeSites(BulkAdGroupNegativeSites),
    /// A `Label` row.
    Label(BulkLabel),
    /// A `Campaign Label` row.
    CampaignLabel(BulkCampaignLabel),
    /// An `Ad Group Label` row.
    AdGroupLabel(BulkAdGroupLabel),
    /// A `Keyword Label` row.
    KeywordLabel(BulkKeywordLabel),
    /// An `Expanded Text Ad Label` row.
    ExpandedTextAdLabel(BulkExpandedTextAdLabel),
    /// A `Responsive Search Ad Label` row.
    ResponsiveSearchAdLabel(BulkResponsiveSearchAdLabel),
    /// A `Responsive Ad Label` row.
    ResponsiveAdLabel(BulkResponsiveAdLabel),
    /// A `Text Ad Label` row.
    TextAdLabel(BulkTextAdLabel),
    /// An `App Install Ad Label` row.
    AppInstallAdLabel(BulkAppInstallAdLabel),
    /// A `Dynamic Search Ad Label` row.
    DynamicSearchAdLabel(BulkDynamicSearchAdLabel),
    /// A `Product Ad Label` row.
    ProductAdLabel(BulkProductAdLabel),
    /// A `Callout Ad Extension` row.
    CalloutAdExtension(BulkCalloutAdExtension),
    /// A `Structured Snippet Ad Extension` row.
    StructuredSnippetAdExtension(BulkStructuredSnippetAdExtension),
    /// A `Sitelink Ad Extension` row.
    SitelinkAdExtension(BulkSitelinkAdExtension),
    /// A `Call Ad Extension` row.
    CallAdExtension(BulkCallAdExtension),
    /// A `Review Ad Extension` row.
    ReviewAdExtension(BulkReviewAdExtension),
    /// An `App Ad Extension` row.
    AppAdExtension(BulkAppAdExtension),
    /// An `Action Ad Extension` row.
    ActionAdExtension(BulkActionAdExtension),
    /// A `Disclaimer Ad Extension` row.
    DisclaimerAdExtension(BulkDisclaimerAdExtension),
    /// A `Video Ad Extension` row.
    VideoAdExtension(BulkVideoAdExtension),
    /// A `Filter Link Ad Extension` row.
    FilterLinkAdExtension(BulkFilterLinkAdExtension),
    /// A `Promotion Ad Extension` row.
    PromotionAdExtension(BulkPromotionAdExtension),
    /// A `Flyer Ad Extension` row.
    FlyerAdExtension(BulkFlyerAdExtension),
    /// A `Campaign Age Criterion` row.
    CampaignAgeCriterion(BulkCampaignAgeCriterion),
    /// A `Campaign Gender Criterion` row.
    CampaignGenderCriterion(BulkCampaignGenderCriterion),
    /// An `Ad Group Age Criterion` row.
    AdGroupAgeCriterion(BulkAdGroupAgeCriterion),
    /// An `Ad Group Gender Criterion` row.
    AdGroupGenderCriterion(BulkAdGroupGenderCriterion),
    /// A `Campaign DeviceOS Criterion` row.
    CampaignDeviceOsCriterion(BulkCampaignDeviceOsCriterion),
    /// An `Ad Group DeviceOS Criterion` row.
    AdGroupDeviceOsCriterion(BulkAdGroupDeviceOsCriterion),
    /// A `Campaign Location Intent Criterion` row.
    CampaignLocationIntentCriterion(BulkCampaignLocationIntentCriterion),
    /// An `Ad Group Location Intent Criterion` row.
    AdGroupLocationIntentCriterion(BulkAdGroupLocationIntentCriterion),
    /// A `Campaign Negative Age Criterion` row.
    CampaignNegativeAgeCriterion(BulkCampaignNegativeAgeCriterion),
    /// A `Campaign Negative Gender Criterion` row.
    CampaignNegativeGenderCriterion(BulkCampaignNegativeGenderCriterion),
    /// A `Campaign Negative Device Criterion` row.
    CampaignNegativeDeviceCriterion(BulkCampaignNegativeDeviceCriterion),
    /// An `Ad Group Negative Age Criterion` row.
    AdGroupNegativeAgeCriterion(BulkAdGroupNegativeAgeCriterion),
    /// An `Ad Group Negative Gender Criterion` row.
    AdGroupNegativeGenderCriterion(BulkAdGroupNegativeGenderCriterion),
    /// An `Account Action Ad Extension` row.
    AccountActionAdExtension(BulkAccountActionAdExtension),
    /// A `Campaign Action Ad Extension` row.
    CampaignActionAdExtension(BulkCampaignActionAdExtension),
    /// An `Ad Group Action Ad Extension` row.
    AdGroupActionAdExtension(BulkAdGroupActionAdExtension),
    /// An `Account App Ad Extension` row.
    AccountAppAdExtension(BulkAccountAppAdExtension),
    /// A `Campaign App Ad Extension` row.
    CampaignAppAdExtension(BulkCampaignAppAdExtension),
    /// An `Ad Group App Ad Extension` row.
    AdGroupAppAdExtension(BulkAdGroupAppAdExtension),
    /// A `Campaign Call Ad Extension` row.
    CampaignCallAdExtension(BulkCampaignCallAdExtension),
    /// An `Account Callout Ad Extension` row.
    AccountCalloutAdExtension(BulkAccountCalloutAdExtension),
    /// A `Campaign Callout Ad Extension` row.
    CampaignCalloutAdExtension(BulkCampaignCalloutAdExtension),
    /// An `Ad Group Callout Ad Extension` row.
    AdGroupCalloutAdExtension(BulkAdGroupCalloutAdExtension),
    /// A `Campaign Disclaimer Ad Extension` row.
    CampaignDisclaimerAdExtension(BulkCampaignDisclaimerAdExtension),
    /// An `Account Filter Link Ad Extension` row.
    AccountFilterLinkAdExtension(BulkAccountFilterLinkAdExtension),
    /// A `Campaign Filter Link Ad Extension` row.
    CampaignFilterLinkAdExtension(BulkCampaignFilterLinkAdExtension),
    /// An `Ad Group Filter Link Ad Extension` row.
    AdGroupFilterLinkAdExtension(BulkAdGroupFilterLinkAdExtension),
    /// An `Account Flyer Ad Extension` row.
    AccountFlyerAdExtension(BulkAccountFlyerAdExtension),
    /// A `Campaign Flyer Ad Extension` row.
    CampaignFlyerAdExtension(BulkCampaignFlyerAdExtension),
    /// An `Ad Group Flyer Ad Extension` row.
    AdGroupFlyerAdExtension(BulkAdGroupFlyerAdExtension),
    /// An `Account Image Ad Extension` row.
    AccountImageAdExtension(BulkAccountImageAdExtension),
    /// A `Campaign Image Ad Extension` row.
    CampaignImageAdExtension(BulkCampaignImageAdExtension),
    /// An `Ad Group Image Ad Extension` row.
    AdGroupImageAdExtension(BulkAdGroupImageAdExtension),
    /// An `Account Location Ad Extension` row.
    AccountLocationAdExtension(BulkAccountLocationAdExtension),
    /// A `Campaign Location Ad Extension` row.
    CampaignLocationAdExtension(BulkCampaignLocationAdExtension),
    /// An `Account Price Ad Extension` row.
    AccountPriceAdExtension(BulkAccountPriceAdExtension),
    /// A `Campaign Price Ad Extension` row.
    CampaignPriceAdExtension(BulkCampaignPriceAdExtension),
    /// An `Ad Group Price Ad Extension` row.
    AdGroupPriceAdExtension(BulkAdGroupPriceAdExtension),
    /// An `Account Promotion Ad Extension` row.
    AccountPromotionAdExtension(BulkAccountPromotionAdExtension),
    /// A `Campaign Promotion Ad Extension` row.
    CampaignPromotionAdExtension(BulkCampaignPromotionAdExtension),
    /// An `Ad Group Promotion Ad Extension` row.
    AdGroupPromotionAdExtension(BulkAdGroupPromotionAdExtension),
    /// An `Account Review Ad Extension` row.
    AccountReviewAdExtension(BulkAccountReviewAdExtension),
    /// A `Campaign Review Ad Extension` row.
    CampaignReviewAdExtension(BulkCampaignReviewAdExtension),
    /// An `Ad Group Review Ad Extension` row.
    AdGroupReviewAdExtension(BulkAdGroupReviewAdExtension),
    /// An `Account Sitelink Ad Extension` row.
    AccountSitelinkAdExtension(BulkAccountSitelinkAdExtension),
    /// A `Campaign Sitelink Ad Extension` row.
    CampaignSitelinkAdExtension(BulkCampaignSitelinkAdExtension),
    /// An `Ad Group Sitelink Ad Extension` row.
    AdGroupSitelinkAdExtension(BulkAdGroupSitelinkAdExtension),
    /// An `Account Structured Snippet Ad Extension` row.
    AccountStructuredSnippetAdExtension(BulkAccountStructuredSnippetAdExtension),
    /// A `Campaign Structured Snippet Ad Extension` row.
    CampaignStructuredSnippetAdExtension(BulkCampaignStructuredSnippetAdExtension),
    /// An `Ad Group Structured Snippet Ad Extension` row.
    AdGroupStructuredSnippetAdExtension(BulkAdGroupStructuredSnippetAdExtension),
    /// An `Account Video Ad Extension` row.
    AccountVideoAdExtension(BulkAccountVideoAdExtension),
    /// A `Campaign Video Ad Extension` row.
    CampaignVideoAdExtension(BulkCampaignVideoAdExtension),
    /// An `Ad Group Video Ad Extension` row.
    AdGroupVideoAdExtension(BulkAdGroupVideoAdExtension),
    /// An `Image Ad Extension` row.
    ImageAdExtension(BulkImageAdExtension),
    /// A `Location Ad Extension` row.
    LocationAdExtension(BulkLocationAdExtension),
    /// A `Price Ad Extension` row.
    PriceAdExtension(BulkPriceAdExtension),
    /// A `Campaign Location Criterion` row.
    CampaignLocationCriterion(BulkCampaignLocationCriterion),
    /// A `Campaign Negative Location Criterion` row.
    CampaignNegativeLocationCriterion(BulkCampaignNegativeLocationCriterion),
    /// A `Campaign Radius Criterion` row.
    CampaignRadiusCriterion(BulkCampaignRadiusCriterion),
    /// A `Campaign DayTime Criterion` row.
    CampaignDayTimeCriterion(BulkCampaignDayTimeCriterion),
    /// An `Ad Group Location Criterion` row.
    AdGroupLocationCriterion(BulkAdGroupLocationCriterion),
    /// An `Ad Group Negative Location Criterion` row.
    AdGroupNegativeLocationCriterion(BulkAdGroupNegativeLocationCriterion),
    /// An `Ad Group Radius Criterion` row.
    AdGroupRadiusCriterion(BulkAdGroupRadiusCriterion),
    /// An `Ad Group DayTime Criterion` row.
    AdGroupDayTimeCriterion(BulkAdGroupDayTimeCriterion),
    /// A `Campaign Company Name Criterion` row.
    CampaignCompanyNameCriterion(BulkCampaignCompanyNameCriterion),
    /// A `Campaign Industry Criterion` row.
    CampaignIndustryCriterion(BulkCampaignIndustryCriterion),
    /// A `Campaign Job Function Criterion` row.
    CampaignJobFunctionCriterion(BulkCampaignJobFunctionCriterion),
    /// An `Ad Group Company Name Criterion` row.
    AdGroupCompanyNameCriterion(BulkAdGroupCompanyNameCriterion),
    /// An `Ad Group Industry Criterion` row.
    AdGroupIndustryCriterion(BulkAdGroupIndustryCriterion),
    /// An `Ad Group Job Function Criterion` row.
    AdGroupJobFunctionCriterion(BulkAdGroupJobFunctionCriterion),
    /// An `Ad Group Negative Company Name Criterion` row.
    AdGroupNegativeCompanyNameCriterion(BulkAdGroupNegativeCompanyNameCriterion),
    /// An `Ad Group Negative Industry Criterion` row.
    AdGroupNegativeIndustryCriterion(BulkAdGroupNegativeIndustryCriterion),
    /// An `Ad Group Negative Job Function Criterion` row.
    AdGroupNegativeJobFunctionCriterion(BulkAdGroupNegativeJobFunctionCriterion),
    /// A `Campaign Deal Criterion` row.
    CampaignDealCriterion(BulkCampaignDealCriterion),
    /// An `Ad Group Genre Criterion` row.
    AdGroupGenreCriterion(BulkAdGroupGenreCriterion),
    /// An `Ad Group Topic Criterion` row.
    AdGroupTopicCriterion(BulkAdGroupTopicCriterion),
    /// A `Campaign Remarketing List Association` row.
    CampaignRemarketingListAssociation(BulkCampaignRemarketingListAssociation),
    /// A `Campaign Negative Remarketing List Association` row.
    CampaignNegativeRemarketingListAssociation(BulkCampaignNegativeRemarketingListAssociation),
    /// An `Ad Group Remarketing List Association` row.
    AdGroupRemarketingListAssociation(BulkAdGroupRemarketingListAssociation),
    /// An `Ad Group Negative Remarketing List Association` row.
    AdGroupNegativeRemarketingListAssociation(BulkAdGroupNegativeRemarketingListAssociation),
    /// A `Campaign Custom Audience Association` row.
    CampaignCustomAudienceAssociation(BulkCampaignCustomAudienceAssociation),
    /// A `Campaign Negative Custom Audience Association` row.
    CampaignNegativeCustomAudienceAssociation(BulkCampaignNegativeCustomAudienceAssociation),
    /// An `Ad Group Custom Audience Association` row.
    AdGroupCustomAudienceAssociation(BulkAdGroupCustomAudienceAssociation),
    /// An `Ad Group Negative Custom Audience Association` row.
    AdGroupNegativeCustomAudienceAssociation(BulkAdGroupNegativeCustomAudienceAssociation),
    /// A `Campaign In Market Audience Association` row.
    CampaignInMarketAudienceAssociation(BulkCampaignInMarketAudienceAssociation),
    /// A `Campaign Negative In Market Audience Association` row.
    CampaignNegativeInMarketAudienceAssociation(BulkCampaignNegativeInMarketAudienceAssociation),
    /// An `Ad Group In Market Audience Association` row.
    AdGroupInMarketAudienceAssociation(BulkAdGroupInMarketAudienceAssociation),
    /// An `Ad Group Negative In Market Audience Association` row.
    AdGroupNegativeInMarketAudienceAssociation(BulkAdGroupNegativeInMarketAudienceAssociation),
    /// A `Campaign Product Audience Association` row.
    CampaignProductAudienceAssociation(BulkCampaignProductAudienceAssociation),
    /// A `Campaign Negative Product Audience Association` row.
    CampaignNegativeProductAudienceAssociation(BulkCampaignNegativeProductAudienceAssociation),
    /// An `Ad Group Product Audience Association` row.
    AdGroupProductAudienceAssociation(BulkAdGroupProductAudienceAssociation),
    /// An `Ad Group Negative Product Audience Association` row.
    AdGroupNegativeProductAudienceAssociation(BulkAdGroupNegativeProductAudienceAssociation),
    /// A `Campaign Similar Remarketing List Association` row.
    CampaignSimilarRemarketingListAssociation(BulkCampaignSimilarRemarketingListAssociation),
    /// A `Campaign Negative Similar Remarketing List Association` row.
    CampaignNegativeSimilarRemarketingListAssociation(BulkCampaignNegativeSimilarRemarketingListAssociation),
    /// An `Ad Group Similar Remarketing List Association` row.
    AdGroupSimilarRemarketingListAssociation(BulkAdGroupSimilarRemarketingListAssociation),
    /// An `Ad Group Negative Similar Remarketing List Association` row.
    AdGroupNegativeSimilarRemarketingListAssociation(BulkAdGroupNegativeSimilarRemarketingListAssociation),
    /// A `Campaign Combined List Association` row.
    CampaignCombinedListAssociation(BulkCampaignCombinedListAssociation),
    /// A `Campaign Negative Combined List Association` row.
    CampaignNegativeCombinedListAssociation(BulkCampaignNegativeCombinedListAssociation),
    /// An `Ad Group Combined List Association` row.
    AdGroupCombinedListAssociation(BulkAdGroupCombinedListAssociation),
    /// An `Ad Group Negative Combined List Association` row.
    AdGroupNegativeCombinedListAssociation(BulkAdGroupNegativeCombinedListAssociation),
    /// A `Campaign Customer List Association` row.
    CampaignCustomerListAssociation(BulkCampaignCustomerListAssociation),
    /// A `Campaign Negative Customer List Association` row.
    CampaignNegativeCustomerListAssociation(BulkCampaignNegativeCustomerListAssociation),
    /// An `Ad Group Customer List Association` row.
    AdGroupCustomerListAssociation(BulkAdGroupCustomerListAssociation),
    /// An `Ad Group Negative Customer List Association` row.
    AdGroupNegativeCustomerListAssociation(BulkAdGroupNegativeCustomerListAssociation),
    /// A `Campaign Impression Based Remarketing List Association` row.
    CampaignImpressionBasedRemarketingListAssociation(BulkCampaignImpressionBasedRemarketingListAssociation),
    /// A `Campaign Negative Impression Based Remarketing List Association` row.
    CampaignNegativeImpressionBasedRemarketingListAssociation(BulkCampaignNegativeImpressionBasedRemarketingListAssociation),
    /// An `Ad Group Impression Based Remarketing List Association` row.
    AdGroupImpressionBasedRemarketingListAssociation(BulkAdGroupImpressionBasedRemarketingListAssociation),
    /// An `Ad Group Negative Impression Based Remarketing List Association` row.
    AdGroupNegativeImpressionBasedRemarketingListAssociation(BulkAdGroupNegativeImpressionBasedRemarketingListAssociation),
    /// An `Ad Group AI Prompt Association` row.
    AdGroupAiPromptAssociation(BulkAdGroupAiPromptAssociation),
    /// A `Remarketing List` row.
    RemarketingList(BulkRemarketingList),
    /// A `Custom Audience` row.
    CustomAudience(BulkCustomAudience),
    /// An `In Market Audience` row.
    InMarketAudience(BulkInMarketAudience),
    /// A `Product Audience` row.
    ProductAudience(BulkProductAudience),
    /// A `Similar Remarketing List` row.
    SimilarRemarketingList(BulkSimilarRemarketingList),
    /// A `Combined List` row.
    CombinedList(BulkCombinedList),
    /// A `Customer List` row.
    CustomerList(BulkCustomerList),
    /// A `Customer List Item` row.
    CustomerListItem(BulkCustomerListItem),
    /// An `Impression Based Remarketing List` row.
    ImpressionBasedRemarketingList(BulkImpressionBasedRemarketingList),
    /// An `Ad Group Advance Booking Window Criterion` row.
    AdGroupAdvanceBookingWindowCriterion(BulkAdGroupAdvanceBookingWindowCriterion),
    /// An `Ad Group Check In Date Criterion` row.
    AdGroupCheckInDateCriterion(BulkAdGroupCheckInDateCriterion),
    /// An `Ad Group Check In Day Criterion` row.
    AdGroupCheckInDayCriterion(BulkAdGroupCheckInDayCriterion),
    /// An `Ad Group Hotel Date Selection Type Criterion` row.
    AdGroupHotelDateSelectionTypeCriterion(BulkAdGroupHotelDateSelectionTypeCriterion),
    /// An `Ad Group Length of Stay Criterion` row.
    AdGroupLengthOfStayCriterion(BulkAdGroupLengthOfStayCriterion),
    /// A `Campaign Negative Store Criterion` row.
    CampaignNegativeStoreCriterion(BulkCampaignNegativeStoreCriterion),

    // Performance Max, feeds, goals, lists, products, hotels, experiments and media.
    /// An `Asset Group` row.
    AssetGroup(BulkAssetGroup),
    /// An `Asset Group Listing Group` row.
    AssetGroupListingGroup(BulkAssetGroupListingGroup),
    /// An `Asset Group Search Theme` row.
    AssetGroupSearchTheme(BulkAssetGroupSearchTheme),
    /// An `Asset Group Url Target` row.
    AssetGroupUrlTarget(BulkAssetGroupUrlTarget),
    /// An `Audience Group Asset Group Association` row.
    AudienceGroupAssetGroupAssociation(BulkAudienceGroupAssetGroupAssociation),
    /// A `Campaign Conversion Goal` row.
    CampaignConversionGoal(BulkCampaignConversionGoal),
    /// An `Audience Group` row.
    AudienceGroup(BulkAudienceGroup),
    /// An `Image` row.
    Image(BulkImage),
    /// A `Video` row.
    Video(BulkVideo),
    /// A `Feed` row.
    Feed(BulkFeed),
    /// A `Feed Item` row.
    FeedItem(BulkFeedItem),
    /// An `Event Goal` row.
    EventGoal(BulkEventGoal),
    /// A `URL Goal` row.
    UrlGoal(BulkUrlGoal),
    /// A `Duration Goal` row.
    DurationGoal(BulkDurationGoal),
    /// A `PagesViewedPerVisit Goal` row.
    PagesViewedPerVisitGoal(BulkPagesViewedPerVisitGoal),
    /// An `AppInstall Goal` row.
    AppInstallGoal(BulkAppInstallGoal),
    /// An `AppDownload Goal` row.
    AppDownloadGoal(BulkAppDownloadGoal),
    /// An `OfflineConversion Goal` row.
    OfflineConversionGoal(BulkOfflineConversionGoal),
    /// An `InStoreTransaction Goal` row.
    InStoreTransactionGoal(BulkInStoreTransactionGoal),
    /// An `InStoreVisit Goal` row.
    InStoreVisitGoal(BulkInStoreVisitGoal),
    /// A `Product Goal` row.
    ProductGoal(BulkProductGoal),
    /// An `Account Placement Exclusion List` row.
    AccountPlacementExclusionList(BulkAccountPlacementExclusionList),
    /// An `Account Placement Exclusion List Item` row.
    AccountPlacementExclusionListItem(BulkAccountPlacementExclusionListItem),
    /// An `Account Placement Inclusion List` row.
    AccountPlacementInclusionList(BulkAccountPlacementInclusionList),
    /// An `Account Placement Inclusion List Item` row.
    AccountPlacementInclusionListItem(BulkAccountPlacementInclusionListItem),
    /// A `Campaign Account Placement Exclusion List Association` row.
    CampaignPlacementExclusionListAssociation(BulkCampaignPlacementExclusionListAssociation),
    /// A `Campaign Account Placement Inclusion List Association` row.
    CampaignPlacementInclusionListAssociation(BulkCampaignPlacementInclusionListAssociation),
    /// A `Brand List` row.
    BrandList(BulkBrandList),
    /// A `Brand Item` row.
    BrandItem(BulkBrandItem),
    /// A `Campaign Brand List Association` row.
    CampaignBrandListAssociation(BulkCampaignBrandListAssociation),
    /// An `Experiment` row.
    Experiment(BulkExperiment),
    /// An `Account Negative Keyword List` row.
    AccountNegativeKeywordList(BulkAccountNegativeKeywordList),
    /// An `Account Negative Keyword List Association` row.
    AccountNegativeKeywordListAssociation(BulkAccountNegativeKeywordListAssociation),
    /// An `Account Shared Negative Keyword` row.
    AccountSharedNegativeKeyword(BulkAccountSharedNegativeKeyword),
    /// An `Account Content Negative Keyword List` row.
    AccountContentNegativeKeywordList(BulkAccountContentNegativeKeywordList),
    /// An `Account Content Negative Keyword List Association` row.
    AccountContentNegativeKeywordListAssociation(BulkAccountContentNegativeKeywordListAssociation),
    /// An `Account Content Shared Negative Keyword` row.
    AccountContentSharedNegativeKeyword(BulkAccountContentSharedNegativeKeyword),
    /// A `Data Exclusion` row.
    DataExclusion(BulkDataExclusion),
    /// A `Seasonality Adjustment` row.
    SeasonalityAdjustment(BulkSeasonalityAdjustment),
    /// A `New Customer Acquisition Goal` row.
    NewCustomerAcquisitionGoal(BulkNewCustomerAcquisitionGoal),
    /// A `Company List` row.
    CompanyList(BulkCompanyList),
    /// A `Company Item` row.
    CompanyItem(BulkCompanyItem),
    /// An `Offline Conversion` row.
    OfflineConversion(BulkOfflineConversion),
    /// An `Online Conversion Adjustment` row.
    OnlineConversionAdjustment(BulkOnlineConversionAdjustment),
    /// A `Topic` row.
    Topic(BulkTopic),
    /// A `Content Placement` row.
    ContentPlacement(BulkContentPlacement),
    /// An `Adcustomizer Attribute` row.
    AdCustomizerAttribute(BulkAdCustomizerAttribute),
    /// A `Campaign Adcustomizer Attribute` row.
    CampaignAdCustomizerAttribute(BulkCampaignAdCustomizerAttribute),
    /// An `Adgroup Adcustomizer Attribute` row.
    AdGroupAdCustomizerAttribute(BulkAdGroupAdCustomizerAttribute),
    /// A `Keyword Adcustomizer Attribute` row.
    KeywordAdCustomizerAttribute(BulkKeywordAdCustomizerAttribute),
    /// An `AI Prompt Audience` row.
    AiPromptAudience(BulkAiPromptAudience),
    /// An `Ad Group Url Target` row.
    AdGroupUrlTarget(BulkAdGroupUrlTarget),
    /// An `Ad Group Dynamic Search Ad Target` row.
    AdGroupDynamicSearchAdTarget(BulkAdGroupDynamicSearchAdTarget),
    /// An `Ad Group Negative Dynamic Search Ad Target` row.
    AdGroupNegativeDynamicSearchAdTarget(BulkAdGroupNegativeDynamicSearchAdTarget),
    /// A `Campaign Negative Dynamic Search Ad Target` row.
    CampaignNegativeDynamicSearchAdTarget(BulkCampaignNegativeDynamicSearchAdTarget),
    /// A `Campaign Negative Webpage` row.
    CampaignNegativeWebpage(BulkCampaignNegativeWebpage),
    /// A `Campaign Product Scope` row.
    CampaignProductScope(BulkCampaignProductScope),
    /// An `Ad Group Product Partition` row.
    AdGroupProductPartition(BulkAdGroupProductPartition),
    /// An `Ad Group Hotel Listing Group` row.
    AdGroupHotelListingGroup(BulkAdGroupHotelListingGroup),
}
