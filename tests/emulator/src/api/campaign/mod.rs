//! Campaign Management operations on budgets, campaigns, ad groups, keywords and ads.
//!
//! Behaviour follows the service's contract as documented per operation:
//! - request-level problems (nil or empty lists, lists over the per-call limit, a parent id
//!   that is not in the account) fail the whole call with an `ApiFaultDetail` operation error;
//! - item-level problems become `PartialErrors` entries (`BatchError` with the item's `Index`)
//!   while the other items succeed; the id list of an add has a nil slot for a failed item,
//!   and a get-by-ids has a nil entity for an unknown id;
//! - updates are partial: an absent element leaves the stored value unchanged; `xsi:nil`
//!   clears optional settings (tracking template, URL suffix, custom parameters, end date,
//!   keyword params, a campaign's shared budget, ...) and is ignored for required ones (names,
//!   budget type, status); an empty string clears an optional string. Read-only and immutable
//!   elements (ids, editorial status, campaign type, keyword text and match type, ad type)
//!   are never changed by an update (changing keyword text, match type or an ad's type is
//!   an error, as in the service).
//! - deletes remove the entity and everything under it.

use bingads_gen::types::Flags;
use bingads_gen::{Nillable, v13::campaign_management::BatchError};

use super::{Auth, BatchItem, Fault, batch_errors};
use crate::errors::{self, ErrorCode};
use crate::state::DataStore;

pub(super) const MAX_CAMPAIGNS: usize = 100;
pub(super) const MAX_BUDGETS: usize = 100;
pub(super) const MAX_AD_GROUPS: usize = 1000;
pub(super) const MAX_KEYWORDS: usize = 1000;
pub(super) const MAX_ADS: usize = 50;
pub(super) const MAX_AD_IDS_GET: usize = 20;
pub(super) const MAX_NAME_CHARS: usize = 128;

/// A response's `PartialErrors` (nil when there are none).
pub(super) type PartialErrors = Nillable<Vec<Option<BatchError>>>;

pub(super) fn partial(items: &[BatchItem]) -> PartialErrors {
    if items.is_empty() {
        Nillable::Nil
    } else {
        Nillable::Value(batch_errors(items))
    }
}

/// A get-by-ids answer: each id's entity in request order, or a nil slot and a partial error
/// (the id as its details) where `find` refuses the id.
pub(super) fn get_each<T>(
    ids: Vec<i64>,
    mut find: impl FnMut(i64) -> Result<T, ErrorCode>,
) -> (Nillable<Vec<Option<T>>>, PartialErrors) {
    let mut out = Vec::with_capacity(ids.len());
    let mut errs = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        match find(id) {
            Ok(value) => out.push(Some(value)),
            Err(code) => {
                out.push(None);
                errs.push(BatchItem::new(i, code).details(id.to_string()));
            }
        }
    }
    (Nillable::Value(out), partial(&errs))
}

/// The items of a request list, or the operation error for a nil, empty or too long list.
fn list<T>(items: Nillable<Vec<Option<T>>>, family: &Family) -> Result<Vec<Option<T>>, Fault> {
    let items = items.into_value().unwrap_or_default();
    check_len(
        items.len(),
        family.max,
        "items",
        family.no_items,
        family.too_many_items,
    )?;
    Ok(items)
}

/// The ids of a request, or the operation error for a nil, empty or too long list.
fn id_list(ids: Nillable<Vec<i64>>, family: &Family) -> Result<Vec<i64>, Fault> {
    let ids = ids.into_value().unwrap_or_default();
    check_len(
        ids.len(),
        family.max,
        "ids",
        family.no_ids,
        family.too_many_ids,
    )?;
    Ok(ids)
}

fn check_len(
    len: usize,
    max: usize,
    what: &str,
    empty: ErrorCode,
    over: ErrorCode,
) -> Result<(), Fault> {
    if len == 0 {
        return Err(Fault::op(empty));
    }
    if len > max {
        return Err(Fault::op_details(
            over,
            format!("{len} {what}; the limit is {max}"),
        ));
    }
    Ok(())
}

/// A required name: present, not blank, not too long.
pub(super) fn valid_name(name: &Nillable<String>) -> Option<&str> {
    name.value()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty() && s.chars().count() <= MAX_NAME_CHARS)
}

pub(super) fn same_name(a: &Nillable<String>, b: &str) -> bool {
    a.value().is_some_and(|n| n.trim().eq_ignore_ascii_case(b))
}

pub(super) fn has_final_url(urls: &Nillable<Vec<Option<String>>>) -> bool {
    urls.value()
        .is_some_and(|v| v.iter().flatten().any(|u| !u.trim().is_empty()))
}

pub(super) fn non_empty(s: &Nillable<String>) -> bool {
    s.value().is_some_and(|s| !s.trim().is_empty())
}

/// The body `AccountId` must be the `CustomerAccountId` header's account.
pub(super) fn check_account(auth: &Auth, body_account: Option<i64>) -> Result<i64, Fault> {
    let account = auth.account()?;
    match body_account {
        Some(id) if id == account => Ok(account),
        Some(id) => Err(Fault::op_details(
            errors::CAMPAIGN_SERVICE_INVALID_ACCOUNT_ID,
            id.to_string(),
        )),
        None => Err(Fault::op(errors::CAMPAIGN_SERVICE_INVALID_ACCOUNT_ID)),
    }
}

/// A campaign of the caller's account.
pub(super) fn check_campaign(
    data: &DataStore,
    auth: &Auth,
    campaign_id: Option<i64>,
) -> Result<i64, Fault> {
    let account = auth.account()?;
    match campaign_id {
        Some(id) if data.campaigns.get(&id).is_some_and(|c| c.parent == account) => Ok(id),
        other => Err(Fault::op_details(
            errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID,
            other.map(|i| i.to_string()).unwrap_or_default(),
        )),
    }
}

/// An ad group of the caller's account.
pub(super) fn check_ad_group(
    data: &DataStore,
    auth: &Auth,
    ad_group_id: Option<i64>,
) -> Result<i64, Fault> {
    let account = auth.account()?;
    match ad_group_id {
        Some(id) if data.ad_group_account(id) == Some(account) => Ok(id),
        other => Err(Fault::op_details(
            errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID,
            other.map(|i| i.to_string()).unwrap_or_default(),
        )),
    }
}

/// `stored.field = update.field` when the update has a value.
macro_rules! set_if_value {
    ($stored:expr, $update:expr, [$($f:ident),* $(,)?]) => {
        $(if let Nillable::Value(v) = &$update.$f { $stored.$f = Nillable::Value(v.clone()); })*
    };
}

/// `stored.field = update.field` unless the update left it out (nil clears).
macro_rules! set_unless_absent {
    ($stored:expr, $update:expr, [$($f:ident),* $(,)?]) => {
        $(match &$update.$f {
            Nillable::Absent => {}
            Nillable::Nil => $stored.$f = Nillable::Nil,
            Nillable::Value(v) => $stored.$f = Nillable::Value(v.clone()),
        })*
    };
}

/// An empty string clears an optional string.
pub(super) fn clear_empty(fields: &mut [&mut Nillable<String>]) {
    for f in fields.iter_mut() {
        if f.value().is_some_and(|s| s.is_empty()) {
            **f = Nillable::Nil;
        }
    }
}

// The entity families come after the macros above, which they use.
mod ad_groups;
mod ads;
mod batch;
mod budgets;
mod campaigns;
mod keywords;

pub(super) use ad_groups::*;
pub(super) use ads::*;
use batch::*;
pub(super) use budgets::*;
pub(super) use campaigns::*;
pub(super) use keywords::*;
