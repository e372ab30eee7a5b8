//! Target criterion records beyond age, gender, device and location intent: location
//! (targeted and excluded), radius, day and time, the LinkedIn profile criterions (company
//! name, industry, job function; targeted and excluded), deal, genre and topic, at campaign
//! and ad group level as the service has them. Each holds the generated criterion type
//! (`BiddableCampaignCriterion`, `NegativeAdGroupCriterion`, ...) whose `Criterion` is the
//! kind's type (`LocationCriterion`, `RadiusCriterion`, `DayTimeCriterion`,
//! `ProfileCriterion`, `DealCriterion`, `GenreCriterion`, `TopicCriterion`).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/target_criterions/`
//! (`BulkCampaignLocationCriterion`, `BulkAdGroupRadiusCriterion`,
//! `BulkCampaignDayTimeCriterion`, `BulkCampaignProfileCriterion` and its
//! `BulkCampaignCompanyNameCriterion`/`IndustryCriterion`/`JobFunctionCriterion`,
//! `BulkAdGroupNegativeProfileCriterion`, `BulkCampaignDealCriterion`,
//! `BulkAdGroupGenreCriterion`, `BulkAdGroupTopicCriterion`, `BulkCampaignNegativeStoreCriterion`) and the Microsoft bulk schema
//! pages of the same names ("Campaign Location Criterion", "Ad Group Radius Criterion",
//! "Campaign DayTime Criterion", "Campaign Company Name Criterion", ...).

use super::criterion_record::criterion_record;
use super::macros::bulk_record;
use crate::bulk::criterion_parts::{
    CompanyNameProfileId, DayTarget, DealTarget, FromHour, FromMinute, GenreTarget,
    IndustryProfileId, JobFunctionProfileId, LocationName, LocationSubType, LocationTarget,
    RadiusLatitude, RadiusLength, RadiusLongitude, RadiusName, RadiusUnit, StoreTarget, ToHour,
    ToMinute, TopicTarget,
};
use crate::bulk::criterion_values::{BidAdjustment, CashbackPercent};
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Enum, Long, Text};

/// Declares the location, radius and day/time criterion records of one level.
macro_rules! location_and_time {
    (
        $level:ident: $location:ident = $location_type:literal, kind $k1:literal, table $t1:ident;
        negative $negative:ident = $negative_type:literal, kind $k2:literal, table $t2:ident;
        $radius:ident = $radius_type:literal, kind $k3:literal, table $t3:ident;
        $day_time:ident = $day_time_type:literal, kind $k4:literal, table $t4:ident;
    ) => {
        criterion_record!(
            #[doc = concat!("A `", $location_type, "`: a location (country, city, postal code, ...) targeted, with a bid adjustment.")]
            $location = $location_type, kind $k1, table $t1, $level, biddable, {}
            [
                field!("Target" => criterion.criterion, LocationTarget),
                field!("Sub Type" => criterion.criterion, LocationSubType),
                field!("Name" => criterion.criterion, LocationName),
            ]
        );
        criterion_record!(
            #[doc = concat!("A `", $negative_type, "`: a location excluded.")]
            $negative = $negative_type, kind $k2, table $t2, $level, negative, {}
            [
                field!("Target" => criterion.criterion, LocationTarget),
                field!("Sub Type" => criterion.criterion, LocationSubType),
                field!("Name" => criterion.criterion, LocationName),
            ]
        );
        criterion_record!(
            #[doc = concat!("A `", $radius_type, "`: the area within a radius of a point, with a bid adjustment.")]
            $radius = $radius_type, kind $k3, table $t3, $level, biddable, {}
            [
                field!("Name" => criterion.criterion, RadiusName),
                field!("Radius" => criterion.criterion, RadiusLength),
                field!("Unit" => criterion.criterion, RadiusUnit),
                field!("Latitude" => criterion.criterion, RadiusLatitude),
                field!("Longitude" => criterion.criterion, RadiusLongitude),
            ]
        );
        criterion_record!(
            #[doc = concat!("A `", $day_time_type, "`: a bid adjustment for a day and time range.")]
            $day_time = $day_time_type, kind $k4, table $t4, $level, biddable, {}
            [
                field!("Target" => criterion.criterion, DayTarget),
                field!("From Hour" => criterion.criterion, FromHour),
                field!("From Minute" => criterion.criterion, FromMinute),
                field!("To Hour" => criterion.criterion, ToHour),
                field!("To Minute" => criterion.criterion, ToMinute),
            ]
        );
    };
}

location_and_time! {
    campaign: BulkCampaignLocationCriterion = "Campaign Location Criterion", kind 210, table CAMPAIGN_LOCATION;
    negative BulkCampaignNegativeLocationCriterion = "Campaign Negative Location Criterion", kind 211, table CAMPAIGN_NEGATIVE_LOCATION;
    BulkCampaignRadiusCriterion = "Campaign Radius Criterion", kind 212, table CAMPAIGN_RADIUS;
    BulkCampaignDayTimeCriterion = "Campaign DayTime Criterion", kind 213, table CAMPAIGN_DAY_TIME;
}

location_and_time! {
    ad_group: BulkAdGroupLocationCriterion = "Ad Group Location Criterion", kind 220, table AD_GROUP_LOCATION;
    negative BulkAdGroupNegativeLocationCriterion = "Ad Group Negative Location Criterion", kind 221, table AD_GROUP_NEGATIVE_LOCATION;
    BulkAdGroupRadiusCriterion = "Ad Group Radius Criterion", kind 222, table AD_GROUP_RADIUS;
    BulkAdGroupDayTimeCriterion = "Ad Group DayTime Criterion", kind 223, table AD_GROUP_DAY_TIME;
}

/// Declares a profile criterion record: `Profile` (the profile's name, bulk only) and
/// `Profile Id`, whose format sets the profile type the record type names.
macro_rules! profile_criterion {
    ($(
        $level:ident $polarity:ident $name:ident = $type:literal, kind $kind:literal, table $table:ident, $id:ident;
    )*) => {$(
        criterion_record!(
            #[doc = concat!("A `", $type, "` row: a LinkedIn profile (`Profile Id`), with a bid adjustment when targeted.")]
            $name = $type, kind $kind, table $table, $level, $polarity,
            {
                /// `Profile`: the profile's name (read-only).
                pub profile_name: Option<String>,
            }
            [
                col!("Profile" => profile_name, Text),
                field!("Profile Id" => criterion.criterion, $id),
            ]
        );
    )*};
}

profile_criterion! {
    campaign biddable BulkCampaignCompanyNameCriterion = "Campaign Company Name Criterion", kind 214, table CAMPAIGN_COMPANY_NAME, CompanyNameProfileId;
    campaign biddable BulkCampaignIndustryCriterion = "Campaign Industry Criterion", kind 215, table CAMPAIGN_INDUSTRY, IndustryProfileId;
    campaign biddable BulkCampaignJobFunctionCriterion = "Campaign Job Function Criterion", kind 216, table CAMPAIGN_JOB_FUNCTION, JobFunctionProfileId;
    ad_group biddable BulkAdGroupCompanyNameCriterion = "Ad Group Company Name Criterion", kind 224, table AD_GROUP_COMPANY_NAME, CompanyNameProfileId;
    ad_group biddable BulkAdGroupIndustryCriterion = "Ad Group Industry Criterion", kind 225, table AD_GROUP_INDUSTRY, IndustryProfileId;
    ad_group biddable BulkAdGroupJobFunctionCriterion = "Ad Group Job Function Criterion", kind 226, table AD_GROUP_JOB_FUNCTION, JobFunctionProfileId;
    ad_group negative BulkAdGroupNegativeCompanyNameCriterion = "Ad Group Negative Company Name Criterion", kind 227, table AD_GROUP_NEGATIVE_COMPANY_NAME, CompanyNameProfileId;
    ad_group negative BulkAdGroupNegativeIndustryCriterion = "Ad Group Negative Industry Criterion", kind 228, table AD_GROUP_NEGATIVE_INDUSTRY, IndustryProfileId;
    ad_group negative BulkAdGroupNegativeJobFunctionCriterion = "Ad Group Negative Job Function Criterion", kind 229, table AD_GROUP_NEGATIVE_JOB_FUNCTION, JobFunctionProfileId;
}

criterion_record!(
    /// A `Campaign Deal Criterion`: a deal (`Target`) the campaign serves on.
    BulkCampaignDealCriterion = "Campaign Deal Criterion", kind 217, table CAMPAIGN_DEAL,
    campaign, biddable, {}
    [field!("Target" => criterion.criterion, DealTarget)]
);
criterion_record!(
    /// An `Ad Group Genre Criterion`: a content genre (`Target`) targeted.
    BulkAdGroupGenreCriterion = "Ad Group Genre Criterion", kind 230, table AD_GROUP_GENRE,
    ad_group, biddable, {}
    [field!("Target" => criterion.criterion, GenreTarget)]
);
criterion_record!(
    /// An `Ad Group Topic Criterion`: a content topic (`Target`) targeted.
    BulkAdGroupTopicCriterion = "Ad Group Topic Criterion", kind 231, table AD_GROUP_TOPIC,
    ad_group, biddable, {}
    [field!("Target" => criterion.criterion, TopicTarget)]
);

bulk_record! {
    /// A `Campaign Negative Store Criterion`: a Microsoft Merchant Center store (`Store Id`)
    /// whose products the campaign excludes. Unlike the other criterions, `Status` is the
    /// record's own (as the SDK's `BulkCampaignNegativeStoreCriterion` keeps it).
    pub struct BulkCampaignNegativeStoreCriterion = "Campaign Negative Store Criterion"
        (kind 218, entity criterion: bingads_gen::v13::campaign_management::NegativeCampaignCriterion) {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
    }
    table CAMPAIGN_NEGATIVE_STORE
}

static CAMPAIGN_NEGATIVE_STORE: &[Column<BulkCampaignNegativeStoreCriterion>] = &[
    col!("Status" => status, Text),
    field!("Id" => criterion.id, Long),
    field!("Parent Id" => criterion.campaign_id, Long),
    col!("Campaign" => campaign_name, Text),
    field!("Store Id" => criterion.criterion, StoreTarget),
];
