//! LinkedIn company targeting lists: `Company List` (a named list of companies the account
//! can target) and `Company Item` (one company of a list).
//!
//! Source: the official Python SDK's `bingads/v13/bulk/entities/audiences/bulk_company_list.py`
//! (`BulkCompanyList`) and `bulk_company_item.py` (`BulkCompanyItem`), and the Microsoft bulk
//! schema pages "Company List" and "Company Item". `Status` holds either the record status
//! (`Active`, `Deleted`) or the list's LinkedIn segment status, so it is kept as text on the
//! record, as the SDK does.

use bingads_gen::v13::campaign_management::{CompanyList, CompanyName};

use super::macros::bulk_record;
use crate::bulk::table::{Column, col, field};
use crate::bulk::values::{Long, Text};

bulk_record! {
    /// A `Company List`: the API's `CompanyList` (`Parent Id` is the account).
    pub struct BulkCompanyList = "Company List" (kind 502, entity list: CompanyList) {
        /// `Parent Id`: the account.
        pub account_id: Option<i64>,
        /// `Audience Size`: how many members the list reaches.
        pub audience_size: Option<i64>,
        /// `Status` (`Active`, `Deleted`, or a LinkedIn segment status).
        pub status: Option<String>,
    }
    table COMPANY_LIST
}

static COMPANY_LIST: &[Column<BulkCompanyList>] = &[
    col!("Status" => status, Text),
    field!("Id" => list.id, Long),
    col!("Parent Id" => account_id, Long),
    field!("Name" => list.name, Text),
    col!("Audience Size" => audience_size, Long),
];

bulk_record! {
    /// A `Company Item`: one company (the API's `CompanyName`) of a company list.
    pub struct BulkCompanyItem = "Company Item" (kind 503, entity company: CompanyName) {
        /// `Parent Id`: the company list.
        pub company_list_id: Option<i64>,
        /// `Status` (`Active`, `Deleted`, or the company's status).
        pub status: Option<String>,
    }
    table COMPANY_ITEM
}

static COMPANY_ITEM: &[Column<BulkCompanyItem>] = &[
    col!("Status" => status, Text),
    field!("Id" => company.id, Long),
    col!("Parent Id" => company_list_id, Long),
    field!("Company Name" => company.name, Text),
];
