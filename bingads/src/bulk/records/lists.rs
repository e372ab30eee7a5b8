//! Account-level shared lists and their campaign associations: placement exclusion and
//! inclusion lists with their site items, brand lists with their brand items, and the
//! associations that apply a list to a campaign.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/account_placement_exclusion_list/`
//! (`BulkAccountPlacementExclusionList`, `BulkAccountPlacementInclusionList`, the campaign
//! association classes), `bingads/v13/internal/bulk/entities/` (`BulkSharedNegativeSite`,
//! `BulkSharedSite`: the list items), `BulkBrandList`, `BulkBrandItem`,
//! `BulkCampaignBrandListAssociation`, and the Microsoft bulk schema pages of the same names.

use bingads_gen::types::{DateTime, Nillable};
use bingads_gen::v13::campaign_management::{
    AccountPlacementExclusionList, AccountPlacementInclusionList, BrandItem, BrandList,
    NegativeSite, SharedEntityAssociation, Site,
};

use super::macros::bulk_record;
use super::media_feeds::FeedDateTime;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Bool, Long, Text};

bulk_record! {
    /// An `Account Placement Exclusion List`: sites the account's campaigns can exclude.
    pub struct BulkAccountPlacementExclusionList = "Account Placement Exclusion List"
        (kind 460, entity list: AccountPlacementExclusionList)
    {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
    }
    table PLACEMENT_EXCLUSION_LIST
}

static PLACEMENT_EXCLUSION_LIST: &[Column<BulkAccountPlacementExclusionList>] = &[
    field!("Id" => list.id, Long),
    col!("Status" => status, Text),
    field!("Name" => list.name, Text),
];

bulk_record! {
    /// An `Account Placement Inclusion List`: the only sites the account's campaigns that use
    /// it serve on.
    pub struct BulkAccountPlacementInclusionList = "Account Placement Inclusion List"
        (kind 461, entity list: AccountPlacementInclusionList)
    {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
    }
    table PLACEMENT_INCLUSION_LIST
}

static PLACEMENT_INCLUSION_LIST: &[Column<BulkAccountPlacementInclusionList>] = &[
    field!("Id" => list.id, Long),
    col!("Status" => status, Text),
    field!("Name" => list.name, Text),
];

bulk_record! {
    /// An `Account Placement Exclusion List Item`: one excluded site (`Parent Id` is the list).
    pub struct BulkAccountPlacementExclusionListItem = "Account Placement Exclusion List Item"
        (kind 462, entity site: NegativeSite)
    {
        /// `Parent Id`: the exclusion list.
        pub list_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
    }
    table PLACEMENT_EXCLUSION_LIST_ITEM
}

static PLACEMENT_EXCLUSION_LIST_ITEM: &[Column<BulkAccountPlacementExclusionListItem>] = &[
    field!("Id" => site.id, Long),
    col!("Status" => status, Text),
    col!("Parent Id" => list_id, Long),
    field!("Site List Item Url" => site.url, Text),
];

bulk_record! {
    /// An `Account Placement Inclusion List Item`: one included site (`Parent Id` is the list).
    pub struct BulkAccountPlacementInclusionListItem = "Account Placement Inclusion List Item"
        (kind 463, entity site: Site)
    {
        /// `Parent Id`: the inclusion list.
        pub list_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
    }
    table PLACEMENT_INCLUSION_LIST_ITEM
}

static PLACEMENT_INCLUSION_LIST_ITEM: &[Column<BulkAccountPlacementInclusionListItem>] = &[
    field!("Id" => site.id, Long),
    col!("Status" => status, Text),
    col!("Parent Id" => list_id, Long),
    field!("Site List Item Url" => site.url, Text),
];

/// Declares a campaign's association with a shared list: `Id` is the list, `Parent Id` the
/// campaign.
macro_rules! list_association {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity association: SharedEntityAssociation) {
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            field!("Id" => association.shared_entity_id, Long),
            col!("Status" => status, Text),
            field!("Parent Id" => association.entity_id, Long),
        ];
    };
}

list_association!(
    /// A `Campaign Account Placement Exclusion List Association`.
    BulkCampaignPlacementExclusionListAssociation =
        "Campaign Account Placement Exclusion List Association",
    kind 464, table CAMPAIGN_PLACEMENT_EXCLUSION_LIST
);
list_association!(
    /// A `Campaign Account Placement Inclusion List Association`.
    BulkCampaignPlacementInclusionListAssociation =
        "Campaign Account Placement Inclusion List Association",
    kind 465, table CAMPAIGN_PLACEMENT_INCLUSION_LIST
);

bulk_record! {
    /// A `Brand List`: brands a campaign can target or exclude.
    pub struct BulkBrandList = "Brand List" (kind 466, entity list: BrandList) {
        /// `Parent Id`: the account.
        pub account_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
    }
    table BRAND_LIST
}

// The SDK maps no `Status` for brand lists, items and associations; the service writes one on
// every row, so it is typed here too.
static BRAND_LIST: &[Column<BulkBrandList>] = &[
    col!("Status" => status, Text),
    field!("Id" => list.id, Long),
    field!("Name" => list.name, Text),
    col!("Parent Id" => account_id, Long),
];

bulk_record! {
    /// A `Brand Item`: one brand of a brand list.
    pub struct BulkBrandItem = "Brand Item" (kind 467, entity item: BrandItem) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Name`.
        pub name: Option<String>,
        /// `Parent Id`: the brand list.
        pub brand_list_id: Option<i64>,
        /// `Brand Name` (read-only: the service's name for `Brand Id`).
        pub brand_name: Option<String>,
        /// `Brand Url` (read-only).
        pub brand_url: Option<String>,
        /// `Editorial Status` (read-only).
        pub editorial_status: Option<String>,
        /// `Editorial Status Date` (read-only).
        pub editorial_status_date: Nillable<DateTime>,
    }
    table BRAND_ITEM
}

static BRAND_ITEM: &[Column<BulkBrandItem>] = &[
    col!("Status" => status, Text),
    col!("Id" => id, Long),
    col!("Name" => name, Text),
    col!("Parent Id" => brand_list_id, Long),
    field!("Brand Id" => item.brand_id, Long),
    col!("Brand Name" => brand_name, Text),
    col!("Brand Url" => brand_url, Text),
    col!("Editorial Status" => editorial_status, Text),
    col!("Editorial Status Date" => editorial_status_date, FeedDateTime),
];

bulk_record! {
    /// A `Campaign Brand List Association`: `Id` is the brand list, `Parent Id` the campaign.
    pub struct BulkCampaignBrandListAssociation = "Campaign Brand List Association" (kind 468) {
        /// `Id`: the brand list.
        pub id: Option<i64>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        /// `Name`: the brand list's name.
        pub name: Option<String>,
        /// `Parent Id`: the campaign.
        pub campaign_id: Option<i64>,
        /// `Is Excluded`: whether the campaign excludes the brands rather than targets them.
        pub is_excluded: Option<bool>,
    }
    table CAMPAIGN_BRAND_LIST
}

static CAMPAIGN_BRAND_LIST: &[Column<BulkCampaignBrandListAssociation>] = &[
    col!("Status" => status, Text),
    col!("Id" => id, Long),
    col!("Name" => name, Text),
    col!("Parent Id" => campaign_id, Long),
    col!("Is Excluded" => is_excluded, Bool),
];
