//! Audience records (`Remarketing List`, `Custom Audience`, `In Market Audience`, `Product
//! Audience`, `Similar Remarketing List`, `Combined List`, `Customer List`, `Impression Based
//! Remarketing List`): each holds the generated audience type of its kind, with the columns
//! every audience shares (status, id, the account or customer as `Parent Id`, name,
//! description, membership duration, scope, sizes, supported campaign types) followed by the
//! kind's own; and the `Customer List Item` rows (bulk only: one hashed email or phone per row)
//! that go with a customer list upload.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/audiences/` (`BulkAudience`
//! and one class per kind, e.g. `BulkRemarketingList`, `BulkCustomerListItem`) and the
//! Microsoft bulk schema pages of the same names ("Remarketing List", "Customer List Item",
//! ...). `Client Id`, `Modified Time` and the columns the docs list but the SDK does not map
//! (`Accept Customer Match Term`, `Impression Campaign Ids`, `Impression Ad Group Ids`) are
//! typed too. A remarketing list's `Remarketing Rule` reads into its generated
//! `RemarketingRule` (the rule grammar is in `bulk::remarketing_rule`).

use bingads_gen::types::DateTime;
use bingads_gen::v13::campaign_management::{
    CombinedList, CustomAudience, CustomerList, ImpressionBasedRemarketingList, InMarketAudience,
    ProductAudience, RemarketingList, SimilarRemarketingList,
};

use super::macros::bulk_record;
use crate::bulk::audience_values::{CombinationRules, ProductAudienceTypes};
use crate::bulk::remarketing_rule::RemarketingRuleText;
use crate::bulk::schedule_values::IdList;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{BulkDateTime, Enum, Int, Long, SemicolonList, Text};

/// Declares an audience record: the shared columns, then the kind's own.
macro_rules! audience {
    (
        $(#[$m:meta])* $name:ident = $type:literal, kind $kind:literal, $ety:ty, table $table:ident,
        { $($(#[$fm:meta])* pub $f:ident: $t:ty,)* }
        [$($own:expr),* $(,)?]
    ) => {
        bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind, entity audience: $ety) {
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
                $($(#[$fm])* pub $f: $t,)*
                pub client_id: Option<String>,
                pub modified_time: Option<DateTime>,
            }
            table $table
        }
        static $table: &[Column<$name>] = &[
            col!("Status" => status, Text),
            field!("Id" => audience.id, Long),
            field!("Parent Id" => audience.parent_id, Long),
            field!("Audience" => audience.name, Text),
            field!("Description" => audience.description, Text),
            field!("Membership Duration" => audience.membership_duration, Int),
            field!("Scope" => audience.scope, Enum),
            field!("Audience Search Size" => audience.search_size, Long),
            field!("Audience Network Size" => audience.audience_network_size, Long),
            field!("Supported Campaign Types" => audience.supported_campaign_types, SemicolonList),
            $($own,)*
            col!("Client Id" => client_id, Text),
            col!("Modified Time" => modified_time, BulkDateTime),
        ];
    };
}

audience! {
    /// A `Remarketing List`: people who visited pages tagged with a UET tag.
    BulkRemarketingList = "Remarketing List", kind 280, RemarketingList, table REMARKETING_LIST,
    {}
    [
        field!("UET Tag Id" => audience.tag_id, Long),
        field!("Remarketing Rule" => audience.rule, RemarketingRuleText),
    ]
}

audience! {
    /// A `Custom Audience`.
    BulkCustomAudience = "Custom Audience", kind 281, CustomAudience, table CUSTOM_AUDIENCE,
    {}
    []
}

audience! {
    /// An `In Market Audience` (defined by Microsoft; read-only but for its associations).
    BulkInMarketAudience = "In Market Audience", kind 282, InMarketAudience,
    table IN_MARKET_AUDIENCE,
    {}
    []
}

audience! {
    /// A `Product Audience`: shoppers who viewed, searched for or bought products.
    BulkProductAudience = "Product Audience", kind 283, ProductAudience, table PRODUCT_AUDIENCE,
    {}
    [
        field!("UET Tag Id" => audience.tag_id, Long),
        field!("Product Audience Type" => audience.product_audience_type, ProductAudienceTypes),
    ]
}

audience! {
    /// A `Similar Remarketing List`: people like those on a remarketing list (`Source Id`).
    BulkSimilarRemarketingList = "Similar Remarketing List", kind 284, SimilarRemarketingList,
    table SIMILAR_REMARKETING_LIST,
    {}
    [field!("Source Id" => audience.source_id, Long)]
}

audience! {
    /// A `Combined List`: audiences combined with `And`, `Or` and `Not` rules.
    BulkCombinedList = "Combined List", kind 285, CombinedList, table COMBINED_LIST,
    {}
    [field!("Combination Rule" => audience.combination_rules, CombinationRules)]
}

audience! {
    /// A `Customer List`: customer match data uploaded as `Customer List Item` rows.
    BulkCustomerList = "Customer List", kind 286, CustomerList, table CUSTOMER_LIST,
    {
        /// `Action Type` (bulk only): `Add`, `Remove` or `Replace` the items uploaded with it.
        pub action_type: Option<String>,
        /// `Accept Customer Match Term` (bulk only): `True` once the terms are accepted.
        pub accept_customer_match_term: Option<String>,
    }
    [
        col!("Action Type" => action_type, Text),
        col!("Accept Customer Match Term" => accept_customer_match_term, Text),
    ]
}

audience! {
    /// An `Impression Based Remarketing List`: people who saw ads of a campaign or ad group.
    BulkImpressionBasedRemarketingList = "Impression Based Remarketing List", kind 287,
    ImpressionBasedRemarketingList, table IMPRESSION_BASED_REMARKETING_LIST,
    {}
    [
        field!("Impression Campaign Id" => audience.campaign_id, Long),
        field!("Impression Ad Group Id" => audience.ad_group_id, Long),
        field!("Entity Type" => audience.entity_type, Enum),
        field!("Impression Campaign Ids" => audience.campaign_ids, IdList),
        field!("Impression Ad Group Ids" => audience.ad_group_ids, IdList),
    ]
}

bulk_record! {
    /// A `Customer List Item`: one hashed email address or phone number (`Text`) added to
    /// or removed from the customer list `Parent Id`, as its list's `Action Type` says.
    pub struct BulkCustomerListItem = "Customer List Item" (kind 288) {
        /// `Parent Id`: the customer list.
        pub customer_list_id: Option<i64>,
        /// `Audience`: the customer list's name.
        pub audience: Option<String>,
        /// `Sub Type`: what `Text` holds (`Email`, `Phone`, ...).
        pub sub_type: Option<String>,
        /// `Text`: the hashed value.
        pub text: Option<String>,
        pub client_id: Option<String>,
    }
    table CUSTOMER_LIST_ITEM
}

static CUSTOMER_LIST_ITEM: &[Column<BulkCustomerListItem>] = &[
    col!("Parent Id" => customer_list_id, Long),
    col!("Audience" => audience, Text),
    col!("Sub Type" => sub_type, Text),
    col!("Text" => text, Text),
    col!("Client Id" => client_id, Text),
];
