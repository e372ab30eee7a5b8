//! Performance Max records: the `Asset Group`, its listing groups (product partitions of a
//! shopping asset group), search themes and URL targets (its signals), the association of an
//! audience group with it, and a campaign's conversion goals.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/` (`BulkAssetGroup`,
//! `BulkAssetGroupListingGroup`, `BulkAssetGroupSearchTheme`, `BulkAssetGroupUrlTarget`,
//! `BulkAudienceGroupAssetGroupAssociation`, `BulkCampaignConversionGoal`) and the Microsoft
//! bulk schema pages of the same names ("Asset Group", "Asset Group Listing Group", ...).
//!
//! An asset group's `Images` read into its image asset links (the image ad extension's JSON
//! format), and its `Headlines`, `Long Headlines` and `Descriptions` into its text asset links
//! (`bulk::text_assets`).

use bingads_gen::types::Nillable;
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::v13::campaign_management::{
    AssetGroup, AssetGroupListingGroup, AssetGroupSearchTheme, AssetGroupUrlTarget,
    AudienceGroupAssetGroupAssociation, CampaignConversionGoal, ProductCondition,
};

use super::macros::bulk_record;
use super::parts::part_format;
use crate::bulk::image_assets::ImageAssetLinks;
use crate::bulk::table::{Column, col, field};
use crate::bulk::text_assets::TextAssetLinks;
use crate::bulk::values::{Bool, BulkDate, CustomParams, Enum, Long, Text, Urls, WireEnum};

macro_rules! wire_enums {
    ($($t:ty),* $(,)?) => {$(
        impl WireEnum for $t {
            fn from_wire(s: &str) -> Self { <$t>::from_wire(s) }
            fn wire_name(&self) -> &str { self.as_str() }
        }
    )*};
}

wire_enums!(
    cm::AssetGroupStatus,
    cm::AssetGroupEditorialStatus,
    cm::AssetGroupListingType,
    cm::GenericEntityStatus,
);

bulk_record! {
    /// An `Asset Group` of a Performance Max campaign.
    pub struct BulkAssetGroup = "Asset Group" (kind 400, entity asset_group: AssetGroup) {
        /// `Parent Id`: the campaign.
        pub campaign_id: Option<i64>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
    }
    table ASSET_GROUP
}

static ASSET_GROUP: &[Column<BulkAssetGroup>] = &[
    field!("Id" => asset_group.id, Long),
    field!("Status" => asset_group.status, Enum),
    col!("Parent Id" => campaign_id, Long),
    col!("Campaign" => campaign_name, Text),
    field!("Asset Group" => asset_group.name, Text),
    field!("Start Date" => asset_group.start_date, BulkDate),
    field!("End Date" => asset_group.end_date, BulkDate),
    field!("Business Name" => asset_group.business_name, Text),
    field!("Call To Action" => asset_group.call_to_action, Enum),
    field!("Descriptions" => asset_group.descriptions, TextAssetLinks),
    field!("Editorial Status" => asset_group.editorial_status, Enum),
    field!("Mobile Final Url" => asset_group.final_mobile_urls, Urls),
    field!("Final Url" => asset_group.final_urls, Urls),
    field!("Headlines" => asset_group.headlines, TextAssetLinks),
    field!("Images" => asset_group.images, ImageAssetLinks),
    field!("Long Headlines" => asset_group.long_headlines, TextAssetLinks),
    field!("Path 1" => asset_group.path1, Text),
    field!("Path 2" => asset_group.path2, Text),
    field!("Tracking Template" => asset_group.tracking_url_template, Text),
    field!("Final Url Suffix" => asset_group.final_url_suffix, Text),
    field!("Custom Parameter" => asset_group.url_custom_parameters, CustomParams),
];

bulk_record! {
    /// An `Asset Group Listing Group`: one node of the product partition tree of a shopping
    /// asset group.
    pub struct BulkAssetGroupListingGroup = "Asset Group Listing Group"
        (kind 401, entity listing_group: AssetGroupListingGroup)
    {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Asset Group`: the asset group's name.
        pub asset_group_name: Option<String>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
    }
    table ASSET_GROUP_LISTING_GROUP
}

part_format!(
    /// `Product Condition 1`: the dimension's operand (`Brand`, `CategoryL1`, `All`, ...).
    ConditionOperand: ProductCondition, operand, Text, Nillable<String>
);
part_format!(
    /// `Product Value 1`: the dimension's attribute (the brand, the category, ...).
    ConditionAttribute: ProductCondition, attribute, Text, Nillable<String>
);

static ASSET_GROUP_LISTING_GROUP: &[Column<BulkAssetGroupListingGroup>] = &[
    field!("Id" => listing_group.id, Long),
    col!("Status" => status, Text),
    field!("Parent Id" => listing_group.asset_group_id, Long),
    col!("Asset Group" => asset_group_name, Text),
    col!("Campaign" => campaign_name, Text),
    field!("Is Excluded" => listing_group.is_excluded, Bool),
    field!("Parent Listing Group Id" => listing_group.parent_listing_group_id, Long),
    field!("Sub Type" => listing_group.asset_group_listing_type, Enum),
    field!("Product Condition 1" => listing_group.dimension, ConditionOperand),
    field!("Product Value 1" => listing_group.dimension, ConditionAttribute),
];

bulk_record! {
    /// An `Asset Group Search Theme`: a search theme signal of an asset group.
    pub struct BulkAssetGroupSearchTheme = "Asset Group Search Theme"
        (kind 402, entity search_theme: AssetGroupSearchTheme)
    {
        /// `Parent Id`: the asset group.
        pub asset_group_id: Option<i64>,
    }
    table ASSET_GROUP_SEARCH_THEME
}

// The SDK maps no `Status` for search themes; the API object has one, and the service
// writes it, so it is typed here too.
static ASSET_GROUP_SEARCH_THEME: &[Column<BulkAssetGroupSearchTheme>] = &[
    field!("Status" => search_theme.status, Enum),
    field!("Id" => search_theme.id, Long),
    col!("Parent Id" => asset_group_id, Long),
    field!("Search Theme" => search_theme.search_theme, Text),
];

bulk_record! {
    /// An `Asset Group Url Target`: up to three URL conditions an asset group's final URLs
    /// must meet.
    pub struct BulkAssetGroupUrlTarget = "Asset Group Url Target"
        (kind 403, entity url_target: AssetGroupUrlTarget)
    {
        /// `Parent Id`: the asset group.
        pub asset_group_id: Option<i64>,
    }
    table ASSET_GROUP_URL_TARGET
}

static ASSET_GROUP_URL_TARGET: &[Column<BulkAssetGroupUrlTarget>] = &[
    field!("Id" => url_target.id, Long),
    field!("Status" => url_target.status, Enum),
    col!("Parent Id" => asset_group_id, Long),
    field!("Asset Group Target Condition 1" => url_target.target_condition1, Text),
    field!("Asset Group Target Condition 2" => url_target.target_condition2, Text),
    field!("Asset Group Target Condition 3" => url_target.target_condition3, Text),
    field!("Asset Group Target Condition Operator 1" => url_target.target_condition_operator1, Text),
    field!("Asset Group Target Condition Operator 2" => url_target.target_condition_operator2, Text),
    field!("Asset Group Target Condition Operator 3" => url_target.target_condition_operator3, Text),
    field!("Asset Group Target Value 1" => url_target.target_value1, Text),
    field!("Asset Group Target Value 2" => url_target.target_value2, Text),
    field!("Asset Group Target Value 3" => url_target.target_value3, Text),
];

bulk_record! {
    /// An `Audience Group Asset Group Association`: `Id` is the audience group, `Parent Id`
    /// the asset group.
    pub struct BulkAudienceGroupAssetGroupAssociation = "Audience Group Asset Group Association"
        (kind 404, entity association: AudienceGroupAssetGroupAssociation)
    {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Asset Group`: the asset group's name.
        pub asset_group_name: Option<String>,
        /// `Campaign`: the campaign's name.
        pub campaign_name: Option<String>,
    }
    table AUDIENCE_GROUP_ASSET_GROUP_ASSOCIATION
}

static AUDIENCE_GROUP_ASSET_GROUP_ASSOCIATION: &[Column<BulkAudienceGroupAssetGroupAssociation>] =
    &[
        field!("Id" => association.audience_group_id, Long),
        col!("Status" => status, Text),
        field!("Parent Id" => association.asset_group_id, Long),
        col!("Asset Group" => asset_group_name, Text),
        col!("Campaign" => campaign_name, Text),
    ];

bulk_record! {
    /// A `Campaign Conversion Goal`: a conversion goal a campaign optimizes for (`Parent Id`
    /// is the campaign).
    pub struct BulkCampaignConversionGoal = "Campaign Conversion Goal"
        (kind 405, entity goal: CampaignConversionGoal)
    {
        /// `Action Type` (`Add`, `Delete`): what an upload does with the association.
        pub action_type: Option<String>,
        /// `Sub Type`: the goal's category, as the service names it.
        pub sub_type: Option<String>,
    }
    table CAMPAIGN_CONVERSION_GOAL
}

static CAMPAIGN_CONVERSION_GOAL: &[Column<BulkCampaignConversionGoal>] = &[
    field!("Parent Id" => goal.campaign_id, Long),
    field!("Goal Id" => goal.goal_id, Long),
    col!("Action Type" => action_type, Text),
    col!("Sub Type" => sub_type, Text),
];
