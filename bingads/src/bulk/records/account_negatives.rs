//! Account-level negative keyword lists (search and content): the list, its keywords, and
//! its association with the account.
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/bulk_account_negative_keyword_list.py`,
//! `bulk_account_content_negative_keyword_list.py` (`BulkAccount[Content]NegativeKeywordList`,
//! `...Association`, `BulkAccount[Content]SharedNegativeKeyword` over `_BulkNegativeKeyword`)
//! and the Microsoft bulk schema pages of the same names.

use bingads_gen::v13::campaign_management::{
    AccountContentNegativeKeywordList, AccountNegativeKeywordList, NegativeKeyword,
    SharedEntityAssociation,
};

use super::macros::bulk_record;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Enum, Long, Text};

/// Declares an account negative keyword list family: the list, its association with the
/// account (`Id` the list, `Parent Id` the account) and its keywords (`Parent Id` the list).
macro_rules! account_negative_list {
    (
        $list:ident = $list_type:literal ($list_ety:ty), kind $list_kind:literal, table $list_table:ident;
        $assoc:ident = $assoc_type:literal, kind $assoc_kind:literal, table $assoc_table:ident;
        $keyword:ident = $keyword_type:literal, kind $keyword_kind:literal, table $keyword_table:ident;
    ) => {
        bulk_record! {
            #[doc = concat!("An `", $list_type, "`.")]
            pub struct $list = $list_type (kind $list_kind, entity list: $list_ety) {
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
            }
            table $list_table
        }
        static $list_table: &[Column<$list>] = &[
            field!("Id" => list.id, Long),
            col!("Status" => status, Text),
            field!("Name" => list.name, Text),
        ];

        bulk_record! {
            #[doc = concat!("An `", $assoc_type, "`: the list applied to the account.")]
            pub struct $assoc = $assoc_type (kind $assoc_kind, entity association: SharedEntityAssociation) {
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
            }
            table $assoc_table
        }
        static $assoc_table: &[Column<$assoc>] = &[
            col!("Status" => status, Text),
            field!("Id" => association.shared_entity_id, Long),
            field!("Parent Id" => association.entity_id, Long),
        ];

        bulk_record! {
            #[doc = concat!("An `", $keyword_type, "`: one keyword of the list.")]
            pub struct $keyword = $keyword_type (kind $keyword_kind, entity negative_keyword: NegativeKeyword) {
                /// `Parent Id`: the list.
                pub list_id: Option<i64>,
                /// `Status` (`Active`, `Deleted`).
                pub status: Option<String>,
            }
            table $keyword_table
        }
        static $keyword_table: &[Column<$keyword>] = &[
            field!("Id" => negative_keyword.id, Long),
            col!("Status" => status, Text),
            col!("Parent Id" => list_id, Long),
            field!("Keyword" => negative_keyword.text, Text),
            field!("Match Type" => negative_keyword.match_type, Enum),
        ];
    };
}

account_negative_list! {
    BulkAccountNegativeKeywordList = "Account Negative Keyword List" (AccountNegativeKeywordList),
        kind 490, table ACCOUNT_NEGATIVE_KEYWORD_LIST;
    BulkAccountNegativeKeywordListAssociation = "Account Negative Keyword List Association",
        kind 491, table ACCOUNT_NEGATIVE_KEYWORD_LIST_ASSOCIATION;
    BulkAccountSharedNegativeKeyword = "Account Shared Negative Keyword",
        kind 492, table ACCOUNT_SHARED_NEGATIVE_KEYWORD;
}

account_negative_list! {
    BulkAccountContentNegativeKeywordList = "Account Content Negative Keyword List"
        (AccountContentNegativeKeywordList),
        kind 493, table ACCOUNT_CONTENT_NEGATIVE_KEYWORD_LIST;
    BulkAccountContentNegativeKeywordListAssociation =
        "Account Content Negative Keyword List Association",
        kind 494, table ACCOUNT_CONTENT_NEGATIVE_KEYWORD_LIST_ASSOCIATION;
    BulkAccountContentSharedNegativeKeyword = "Account Content Shared Negative Keyword",
        kind 495, table ACCOUNT_CONTENT_SHARED_NEGATIVE_KEYWORD;
}
