//! `Label` records and label associations (`Campaign Label`, `Ad Group Label`, `Keyword
//! Label` and one per ad type): `Id` is the label, `Parent Id` the labelled entity.

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management::{Label, LabelAssociation};

use super::macros::bulk_record;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{BulkDateTime, Long, Text};

bulk_record! {
    /// A `Label`.
    pub struct BulkLabel = "Label" (kind 30, entity label: Label) {
        /// `Status` (`Active`, `Deleted`).
        pub status: Option<String>,
        pub client_id: Option<String>,
        pub modified_time: Option<DateTime>,
    }
    table LABEL
}

static LABEL: &[Column<BulkLabel>] = &[
    col!("Status" => status, Text),
    field!("Id" => label.id, Long),
    field!("Color" => label.color_code, Text),
    field!("Description" => label.description, Text),
    field!("Label" => label.name, Text),
    col!("Client Id" => client_id, Text),
    col!("Modified Time" => modified_time, BulkDateTime),
];

/// Declares a label association record: which row type, and its table.
macro_rules! label_association {
    ($(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, table $table:ident, [$($own:expr),* $(,)?]) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity association: LabelAssociation) {
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
                /// `Campaign`: the campaign's name (campaign, ad group, keyword and ad labels).
                pub campaign_name: Option<String>,
                /// `Ad Group`: the ad group's name (ad group, keyword and ad labels).
                pub ad_group_name: Option<String>,
                pub client_id: Option<String>,
                pub modified_time: Option<DateTime>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            col!("Status" => status, Text),
            field!("Id" => association.label_id, Long),
            field!("Parent Id" => association.entity_id, Long),
            $($own,)*
            col!("Client Id" => client_id, Text),
            col!("Modified Time" => modified_time, BulkDateTime),
        ];
    };
}

label_association!(
    /// A `Campaign Label`.
    BulkCampaignLabel = "Campaign Label", kind 31, table CAMPAIGN_LABEL,
    [col!("Campaign" => campaign_name, Text)]
);
label_association!(
    /// An `Ad Group Label`.
    BulkAdGroupLabel = "Ad Group Label", kind 32, table AD_GROUP_LABEL,
    [col!("Campaign" => campaign_name, Text), col!("Ad Group" => ad_group_name, Text)]
);
label_association!(
    /// A `Keyword Label`.
    BulkKeywordLabel = "Keyword Label", kind 33, table KEYWORD_LABEL, []
);
label_association!(
    /// An `Expanded Text Ad Label`.
    BulkExpandedTextAdLabel = "Expanded Text Ad Label", kind 34, table EXPANDED_TEXT_AD_LABEL, []
);
label_association!(
    /// A `Responsive Search Ad Label`.
    BulkResponsiveSearchAdLabel = "Responsive Search Ad Label", kind 35, table RESPONSIVE_SEARCH_AD_LABEL, []
);
label_association!(
    /// A `Responsive Ad Label`.
    BulkResponsiveAdLabel = "Responsive Ad Label", kind 36, table RESPONSIVE_AD_LABEL, []
);
label_association!(
    /// A `Text Ad Label`.
    BulkTextAdLabel = "Text Ad Label", kind 37, table TEXT_AD_LABEL, []
);
label_association!(
    /// An `App Install Ad Label`.
    BulkAppInstallAdLabel = "App Install Ad Label", kind 38, table APP_INSTALL_AD_LABEL, []
);
label_association!(
    /// A `Dynamic Search Ad Label`.
    BulkDynamicSearchAdLabel = "Dynamic Search Ad Label", kind 39, table DYNAMIC_SEARCH_AD_LABEL, []
);
label_association!(
    /// A `Product Ad Label`.
    BulkProductAdLabel = "Product Ad Label", kind 40, table PRODUCT_AD_LABEL, []
);
