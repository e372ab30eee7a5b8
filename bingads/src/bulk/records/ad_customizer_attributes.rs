//! Ad customizer attributes: `Adcustomizer Attribute` declares an attribute (its name, data
//! type and account-level value) and the `Campaign`, `Adgroup` and `Keyword Adcustomizer
//! Attribute` rows give it a value for one campaign, ad group or keyword (`Parent Id`).
//! They have no API object: bulk-only fields. The `Type` values are spelled as the service
//! writes them (`Adcustomizer`, `Adgroup`).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/bulk_ad_customizer_attribute.py`
//! (`BulkAdCustomizerAttribute`), `bulk_ad_customizer_attribute_entity_base.py` and its
//! campaign, ad group and keyword subclasses, and the Microsoft bulk schema page "Ad
//! Customizer Attribute".

use super::macros::bulk_record;
use crate::bulk::table::{Column, col};
use crate::bulk::values::{Long, Text};

bulk_record! {
    /// An `Adcustomizer Attribute`: an attribute and its account-level value.
    pub struct BulkAdCustomizerAttribute = "Adcustomizer Attribute" (kind 508) {
        /// `Id`.
        pub id: Option<i64>,
        /// `Name`: the attribute's name, as ads reference it.
        pub name: Option<String>,
        /// `AdCustomizer AttributeValue`: the account-level value.
        pub value: Option<String>,
        /// `AdCustomizer DataType` (`String`, `Number`, `Price`, `Percent`).
        pub data_type: Option<String>,
        /// `Editorial Status`.
        pub editorial_status: Option<String>,
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
    }
    table AD_CUSTOMIZER_ATTRIBUTE
}

static AD_CUSTOMIZER_ATTRIBUTE: &[Column<BulkAdCustomizerAttribute>] = &[
    col!("Id" => id, Long),
    col!("Name" => name, Text),
    col!("AdCustomizer AttributeValue" => value, Text),
    col!("AdCustomizer DataType" => data_type, Text),
    col!("Editorial Status" => editorial_status, Text),
    col!("Status" => status, Text),
];

/// Declares an attribute's value for one entity: `Parent Id` is the campaign, ad group or
/// keyword.
macro_rules! attribute_value {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind) {
                /// `Id`: the attribute.
                pub id: Option<i64>,
                /// `Name`: the attribute's name.
                pub name: Option<String>,
                /// `AdCustomizer AttributeValue`: the value for this entity.
                pub value: Option<String>,
                /// `Parent Id`: the entity the value applies to.
                pub parent_id: Option<i64>,
                /// `Editorial Status`.
                pub editorial_status: Option<String>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            col!("Id" => id, Long),
            col!("Name" => name, Text),
            col!("AdCustomizer AttributeValue" => value, Text),
            col!("Parent Id" => parent_id, Long),
            col!("Editorial Status" => editorial_status, Text),
        ];
    };
}

attribute_value!(
    /// A `Campaign Adcustomizer Attribute`: an attribute's value for one campaign.
    BulkCampaignAdCustomizerAttribute = "Campaign Adcustomizer Attribute",
    kind 509, table CAMPAIGN_AD_CUSTOMIZER_ATTRIBUTE
);
attribute_value!(
    /// An `Adgroup Adcustomizer Attribute`: an attribute's value for one ad group.
    BulkAdGroupAdCustomizerAttribute = "Adgroup Adcustomizer Attribute",
    kind 470, table AD_GROUP_AD_CUSTOMIZER_ATTRIBUTE
);
attribute_value!(
    /// A `Keyword Adcustomizer Attribute`: an attribute's value for one keyword.
    BulkKeywordAdCustomizerAttribute = "Keyword Adcustomizer Attribute",
    kind 471, table KEYWORD_AD_CUSTOMIZER_ATTRIBUTE
);
