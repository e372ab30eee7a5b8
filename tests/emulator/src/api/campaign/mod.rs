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

use std::collections::HashSet;

use bingads_gen::types::Flags;
use bingads_gen::v13::campaign_management::*;
use bingads_gen::{Nillable, v13::campaign_management::BatchError};

use super::{Auth, BatchItem, Call, Fault, batch_errors};
use crate::errors::{self, ErrorCode};
use crate::state::{DataStore, Owned, lock};

const MAX_CAMPAIGNS: usize = 100;
const MAX_BUDGETS: usize = 100;
const MAX_AD_GROUPS: usize = 1000;
const MAX_KEYWORDS: usize = 1000;
const MAX_ADS: usize = 50;
const MAX_AD_IDS_GET: usize = 20;
const MAX_NAME_CHARS: usize = 128;

// ---------------------------------------------------------------------------------------
// Helpers

fn partial(items: &[BatchItem]) -> Nillable<Vec<Option<BatchError>>> {
    if items.is_empty() {
        Nillable::Nil
    } else {
        Nillable::Value(batch_errors(items))
    }
}

/// The items of a request list, or the operation error for a nil, empty or too long list.
fn list<T>(
    items: Nillable<Vec<Option<T>>>,
    empty: ErrorCode,
    max: usize,
    over: ErrorCode,
) -> Result<Vec<Option<T>>, Fault> {
    let items = items.into_value().unwrap_or_default();
    if items.is_empty() {
        return Err(Fault::op(empty));
    }
    if items.len() > max {
        return Err(Fault::op_details(
            over,
            format!("{} items; the limit is {max}", items.len()),
        ));
    }
    Ok(items)
}

fn id_list(
    ids: Nillable<Vec<i64>>,
    empty: ErrorCode,
    max: usize,
    over: ErrorCode,
) -> Result<Vec<i64>, Fault> {
    let ids = ids.into_value().unwrap_or_default();
    if ids.is_empty() {
        return Err(Fault::op(empty));
    }
    if ids.len() > max {
        return Err(Fault::op_details(
            over,
            format!("{} ids; the limit is {max}", ids.len()),
        ));
    }
    Ok(ids)
}

/// A required name: present, not blank, not too long.
fn valid_name(name: &Nillable<String>) -> Option<&str> {
    name.value()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty() && s.chars().count() <= MAX_NAME_CHARS)
}

fn same_name(a: &Nillable<String>, b: &str) -> bool {
    a.value().is_some_and(|n| n.trim().eq_ignore_ascii_case(b))
}

fn has_final_url(urls: &Nillable<Vec<Option<String>>>) -> bool {
    urls.value()
        .is_some_and(|v| v.iter().flatten().any(|u| !u.trim().is_empty()))
}

fn non_empty(s: &Nillable<String>) -> bool {
    s.value().is_some_and(|s| !s.trim().is_empty())
}

/// The body `AccountId` must be the `CustomerAccountId` header's account.
fn check_account(auth: &Auth, body_account: Option<i64>) -> Result<i64, Fault> {
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
fn check_campaign(data: &DataStore, auth: &Auth, campaign_id: Option<i64>) -> Result<i64, Fault> {
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
fn check_ad_group(data: &DataStore, auth: &Auth, ad_group_id: Option<i64>) -> Result<i64, Fault> {
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
fn clear_empty(fields: &mut [&mut Nillable<String>]) {
    for f in fields.iter_mut() {
        if f.value().is_some_and(|s| s.is_empty()) {
            **f = Nillable::Nil;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Budgets

pub(super) fn add_budgets(
    call: &Call<'_>,
    auth: &Auth,
    req: AddBudgetsRequest,
) -> Result<AddBudgetsResponse, Fault> {
    let account = auth.account()?;
    let items = list(
        req.budgets,
        errors::CAMPAIGN_SERVICE_BUDGETS_NULL_OR_EMPTY,
        MAX_BUDGETS,
        errors::CAMPAIGN_SERVICE_BUDGET_BATCH_LIMIT_EXCEEDED,
    )?;
    let mut data = lock(&call.shared.data);
    let mut ids = Vec::with_capacity(items.len());
    let mut errs = Vec::new();
    let mut batch_names: HashSet<String> = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(mut b) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_IS_NULL));
            };
            if b.id.value().is_some() {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_BUDGET_ID_SHOULD_BE_NULL_ON_ADD,
                )
                .field("Id"));
            }
            let Some(name) = valid_name(&b.name).map(str::to_string) else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_NAME_MISSING).field("Name"),
                );
            };
            let key = name.to_lowercase();
            if batch_names.contains(&key)
                || data
                    .budgets
                    .values()
                    .any(|x| x.parent == account && same_name(&x.value.name, &name))
            {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_DUPLICATE_BUDGET_NAME).field("Name"),
                );
            }
            if b.budget_type.value().is_none() {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_BUDGET_TYPE_CANNOT_BE_NULL_ON_ADD,
                )
                .field("BudgetType"));
            }
            if !b.amount.value().is_some_and(|a| a.to_f64() > 0.0) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_AMOUNT_MISSING)
                        .field("Amount"),
                );
            }
            let Some(id) = data.alloc_id() else {
                return Err(BatchItem::new(i, errors::INTERNAL_ERROR));
            };
            b.id = Nillable::Value(id);
            b.association_count = Nillable::Value(0);
            batch_names.insert(key);
            data.budgets.insert(
                id,
                Owned {
                    parent: account,
                    value: b,
                },
            );
            Ok(id)
        })();
        match result {
            Ok(id) => ids.push(Some(id)),
            Err(e) => {
                ids.push(None);
                errs.push(e);
            }
        }
    }
    Ok(AddBudgetsResponse {
        budget_ids: Nillable::Value(ids),
        partial_errors: partial(&errs),
    })
}

/// A stored budget with its current association count.
fn budget_view(data: &DataStore, id: i64) -> Option<Budget> {
    let b = data.budgets.get(&id)?;
    let count = data
        .campaigns
        .values()
        .filter(|c| c.value.budget_id.value() == Some(&id))
        .count();
    let mut budget = b.value.clone();
    budget.association_count = Nillable::Value(i32::try_from(count).unwrap_or(i32::MAX));
    Some(budget)
}

pub(super) fn get_budgets_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetBudgetsByIdsRequest,
) -> Result<GetBudgetsByIdsResponse, Fault> {
    let account = auth.account()?;
    let data = lock(&call.shared.data);
    let ids = req.budget_ids.into_value().unwrap_or_default();
    if ids.is_empty() {
        // Nil or empty: every budget of the account.
        let all = data
            .budgets
            .iter()
            .filter(|(_, b)| b.parent == account)
            .filter_map(|(id, _)| budget_view(&data, *id).map(Some))
            .collect();
        return Ok(GetBudgetsByIdsResponse {
            budgets: Nillable::Value(all),
            partial_errors: Nillable::Nil,
        });
    }
    if ids.len() > MAX_BUDGETS {
        return Err(Fault::op(
            errors::CAMPAIGN_SERVICE_BUDGET_BATCH_LIMIT_EXCEEDED,
        ));
    }
    let mut out = Vec::with_capacity(ids.len());
    let mut errs = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        match data
            .budgets
            .get(&id)
            .filter(|b| b.parent == account)
            .and_then(|_| budget_view(&data, id))
        {
            Some(b) => out.push(Some(b)),
            None => {
                out.push(None);
                errs.push(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_ID_INVALID)
                        .details(id.to_string()),
                );
            }
        }
    }
    Ok(GetBudgetsByIdsResponse {
        budgets: Nillable::Value(out),
        partial_errors: partial(&errs),
    })
}

pub(super) fn update_budgets(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateBudgetsRequest,
) -> Result<UpdateBudgetsResponse, Fault> {
    let account = auth.account()?;
    let items = list(
        req.budgets,
        errors::CAMPAIGN_SERVICE_BUDGETS_NULL_OR_EMPTY,
        MAX_BUDGETS,
        errors::CAMPAIGN_SERVICE_BUDGET_BATCH_LIMIT_EXCEEDED,
    )?;
    let mut data = lock(&call.shared.data);
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(u) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_IS_NULL));
            };
            let Some(id) =
                u.id.value()
                    .copied()
                    .filter(|id| data.budgets.get(id).is_some_and(|b| b.parent == account))
            else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_ID_INVALID).field("Id"),
                );
            };
            if !seen.insert(id) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_DUPLICATE_BUDGET_ID).field("Id"),
                );
            }
            if u.name.value().is_some() {
                let Some(name) = valid_name(&u.name) else {
                    return Err(
                        BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_NAME_MISSING)
                            .field("Name"),
                    );
                };
                if data
                    .budgets
                    .iter()
                    .any(|(k, b)| *k != id && b.parent == account && same_name(&b.value.name, name))
                {
                    return Err(
                        BatchItem::new(i, errors::CAMPAIGN_SERVICE_DUPLICATE_BUDGET_NAME)
                            .field("Name"),
                    );
                }
            }
            if u.amount.value().is_some_and(|a| a.to_f64() <= 0.0) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_AMOUNT_MISSING)
                        .field("Amount"),
                );
            }
            if let Some(stored) = data.budgets.get_mut(&id) {
                set_if_value!(stored.value, u, [name, amount, budget_type]);
            }
            Ok(())
        })();
        if let Err(e) = result {
            errs.push(e);
        }
    }
    Ok(UpdateBudgetsResponse {
        partial_errors: partial(&errs),
    })
}

pub(super) fn delete_budgets(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteBudgetsRequest,
) -> Result<DeleteBudgetsResponse, Fault> {
    let account = auth.account()?;
    let ids = id_list(
        req.budget_ids,
        errors::CAMPAIGN_SERVICE_BUDGETS_NULL_OR_EMPTY,
        MAX_BUDGETS,
        errors::CAMPAIGN_SERVICE_BUDGET_BATCH_LIMIT_EXCEEDED,
    )?;
    let mut data = lock(&call.shared.data);
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            errs.push(BatchItem::new(
                i,
                errors::CAMPAIGN_SERVICE_DUPLICATE_BUDGET_ID,
            ));
        } else if data.budgets.get(&id).is_none_or(|b| b.parent != account) {
            errs.push(
                BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_ID_INVALID)
                    .details(id.to_string()),
            );
        } else if data
            .campaigns
            .values()
            .any(|c| c.value.budget_id.value() == Some(&id))
        {
            errs.push(BatchItem::new(
                i,
                errors::CAMPAIGN_SERVICE_BUDGET_IS_SHARED_WITH_CAMPAIGNS,
            ));
        } else {
            data.budgets.remove(&id);
        }
    }
    Ok(DeleteBudgetsResponse {
        partial_errors: partial(&errs),
    })
}

// ---------------------------------------------------------------------------------------
// Campaigns

/// The types a stored campaign has (Search when it was added without one).
fn campaign_types(c: &Campaign) -> Vec<CampaignType> {
    match c.campaign_type.value() {
        Some(flags) if !flags.is_empty() => flags.0.clone(),
        _ => vec![CampaignType::Search],
    }
}

/// The type filter of a get (Search when none is given).
fn type_filter(filter: Option<Flags<CampaignType>>) -> Vec<CampaignType> {
    match filter {
        Some(f) if !f.is_empty() => f.0,
        _ => vec![CampaignType::Search],
    }
}

/// Budget rules shared by add and update: a shared budget of the account, or a positive
/// daily budget with a budget type.
fn check_campaign_budget(
    data: &DataStore,
    account: i64,
    c: &Campaign,
    i: usize,
) -> Result<(), BatchItem> {
    if let Some(budget_id) = c.budget_id.value() {
        return match data.budgets.get(budget_id) {
            Some(b) if b.parent == account => Ok(()),
            _ => {
                Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_BUDGET_ID_INVALID).field("BudgetId"))
            }
        };
    }
    if !c
        .daily_budget
        .value()
        .is_some_and(|d| d.is_finite() && *d > 0.0)
    {
        return Err(
            BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_DAILY_BUDGET).field("DailyBudget"),
        );
    }
    if c.budget_type.value().is_none() {
        return Err(
            BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_BUDGET_TYPE).field("BudgetType"),
        );
    }
    Ok(())
}

pub(super) fn add_campaigns(
    call: &Call<'_>,
    auth: &Auth,
    req: AddCampaignsRequest,
) -> Result<AddCampaignsResponse, Fault> {
    let account = check_account(auth, req.account_id)?;
    let items = list(
        req.campaigns,
        errors::CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_CAMPAIGNS,
        errors::CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut data = lock(&call.shared.data);
    let mut ids = Vec::with_capacity(items.len());
    let mut errs = Vec::new();
    let mut batch_names: HashSet<String> = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(mut c) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_CAMPAIGN));
            };
            if c.id.value().is_some() {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD)
                        .field("Id"),
                );
            }
            let Some(name) = valid_name(&c.name).map(str::to_string) else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_NAME).field("Name"),
                );
            };
            let key = name.to_lowercase();
            if batch_names.contains(&key)
                || data
                    .campaigns
                    .values()
                    .any(|x| x.parent == account && same_name(&x.value.name, &name))
            {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_CAMPAIGN,
                )
                .field("Name"));
            }
            check_campaign_budget(&data, account, &c, i)?;
            let Some(id) = data.alloc_id() else {
                return Err(BatchItem::new(i, errors::INTERNAL_ERROR));
            };
            c.id = Nillable::Value(id);
            if c.status.value().is_none() {
                c.status = Nillable::Value(CampaignStatus::Active);
            }
            if c.campaign_type.value().is_none_or(|f| f.is_empty()) {
                c.campaign_type = Nillable::Value(Flags(vec![CampaignType::Search]));
            }
            if c.time_zone.value().is_none() {
                c.time_zone = Nillable::Value("PacificTimeUSCanadaTijuana".into());
            }
            batch_names.insert(key);
            data.campaigns.insert(
                id,
                Owned {
                    parent: account,
                    value: c,
                },
            );
            Ok(id)
        })();
        match result {
            Ok(id) => ids.push(Some(id)),
            Err(e) => {
                ids.push(None);
                errs.push(e);
            }
        }
    }
    Ok(AddCampaignsResponse {
        campaign_ids: Nillable::Value(ids),
        partial_errors: partial(&errs),
    })
}

pub(super) fn get_campaigns_by_account_id(
    call: &Call<'_>,
    auth: &Auth,
    req: GetCampaignsByAccountIdRequest,
) -> Result<GetCampaignsByAccountIdResponse, Fault> {
    let account = check_account(auth, req.account_id)?;
    let filter = type_filter(req.campaign_type);
    let data = lock(&call.shared.data);
    let campaigns = data
        .campaigns
        .values()
        .filter(|c| {
            c.parent == account && campaign_types(&c.value).iter().any(|t| filter.contains(t))
        })
        .map(|c| Some(c.value.clone()))
        .collect();
    Ok(GetCampaignsByAccountIdResponse {
        campaigns: Nillable::Value(campaigns),
    })
}

pub(super) fn get_campaigns_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetCampaignsByIdsRequest,
) -> Result<GetCampaignsByIdsResponse, Fault> {
    let account = check_account(auth, req.account_id)?;
    let ids = id_list(
        req.campaign_ids,
        errors::CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_CAMPAIGNS,
        errors::CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let filter = type_filter(req.campaign_type);
    let data = lock(&call.shared.data);
    let mut out = Vec::with_capacity(ids.len());
    let mut errs = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        match data.campaigns.get(&id).filter(|c| c.parent == account) {
            Some(c) if campaign_types(&c.value).iter().any(|t| filter.contains(t)) => {
                out.push(Some(c.value.clone()))
            }
            Some(_) => {
                out.push(None);
                errs.push(
                    BatchItem::new(i, errors::ENTITY_ID_FILTER_MISMATCH).details(id.to_string()),
                );
            }
            None => {
                out.push(None);
                errs.push(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID)
                        .details(id.to_string()),
                );
            }
        }
    }
    Ok(GetCampaignsByIdsResponse {
        campaigns: Nillable::Value(out),
        partial_errors: partial(&errs),
    })
}

fn merge_campaign(stored: &mut Campaign, u: &Campaign) {
    set_if_value!(
        stored,
        u,
        [
            bid_strategy_scope,
            bidding_scheme,
            budget_type,
            daily_budget,
            start_date,
            is_deal_campaign,
            marketing_objective,
            name,
            status,
            sub_type,
            time_zone,
            use_campaign_level_dates,
            settings,
            languages,
            ad_schedule_use_searcher_time_zone,
            bid_strategy_id,
        ]
    );
    set_unless_absent!(
        stored,
        u,
        [
            audience_ads_bid_adjustment,
            brand_color,
            brand_logo,
            business_name,
            deal_ids,
            end_date,
            final_url_suffix,
            forward_compatibility_map,
            goal_ids,
            multimedia_ads_bid_adjustment,
            term_exclusions,
            tracking_url_template,
            url_custom_parameters,
            budget_id,
        ]
    );
    if u.is_political.is_some() {
        stored.is_political = u.is_political;
    }
    clear_empty(&mut [
        &mut stored.tracking_url_template,
        &mut stored.final_url_suffix,
        &mut stored.business_name,
    ]);
}

pub(super) fn update_campaigns(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateCampaignsRequest,
) -> Result<UpdateCampaignsResponse, Fault> {
    let account = check_account(auth, req.account_id)?;
    let items = list(
        req.campaigns,
        errors::CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_CAMPAIGNS,
        errors::CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut data = lock(&call.shared.data);
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(u) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_CAMPAIGN));
            };
            let Some(id) =
                u.id.value()
                    .copied()
                    .filter(|id| data.campaigns.get(id).is_some_and(|c| c.parent == account))
            else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID).field("Id"),
                );
            };
            if !seen.insert(id) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_DUPLICATE_CAMPAIGN_IDS).field("Id"),
                );
            }
            if u.name.value().is_some() {
                let Some(name) = valid_name(&u.name) else {
                    return Err(
                        BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_NAME)
                            .field("Name"),
                    );
                };
                if data
                    .campaigns
                    .iter()
                    .any(|(k, c)| *k != id && c.parent == account && same_name(&c.value.name, name))
                {
                    return Err(BatchItem::new(
                        i,
                        errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_CAMPAIGN,
                    )
                    .field("Name"));
                }
            }
            let Some(stored) = data.campaigns.get(&id) else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID).field("Id"),
                );
            };
            let mut merged = stored.value.clone();
            merge_campaign(&mut merged, &u);
            check_campaign_budget(&data, account, &merged, i)?;
            if let Some(stored) = data.campaigns.get_mut(&id) {
                stored.value = merged;
            }
            Ok(())
        })();
        if let Err(e) = result {
            errs.push(e);
        }
    }
    Ok(UpdateCampaignsResponse {
        partial_errors: partial(&errs),
    })
}

pub(super) fn delete_campaigns(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteCampaignsRequest,
) -> Result<DeleteCampaignsResponse, Fault> {
    let account = check_account(auth, req.account_id)?;
    let ids = id_list(
        req.campaign_ids,
        errors::CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_CAMPAIGNS,
        errors::CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut data = lock(&call.shared.data);
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            errs.push(BatchItem::new(
                i,
                errors::CAMPAIGN_SERVICE_DUPLICATE_CAMPAIGN_IDS,
            ));
        } else if data.campaigns.get(&id).is_some_and(|c| c.parent == account) {
            data.remove_campaign(id);
        } else {
            errs.push(
                BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID)
                    .details(id.to_string()),
            );
        }
    }
    Ok(DeleteCampaignsResponse {
        partial_errors: partial(&errs),
    })
}

// ---------------------------------------------------------------------------------------
// Ad groups

pub(super) fn add_ad_groups(
    call: &Call<'_>,
    auth: &Auth,
    req: AddAdGroupsRequest,
) -> Result<AddAdGroupsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let items = list(
        req.ad_groups,
        errors::CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_AD_GROUPS,
        errors::CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut ids = Vec::with_capacity(items.len());
    let mut errs = Vec::new();
    let mut batch_names: HashSet<String> = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(mut g) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_AD_GROUP));
            };
            if g.id.value().is_some() {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD)
                        .field("Id"),
                );
            }
            let Some(name) = valid_name(&g.name).map(str::to_string) else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_NAME).field("Name"),
                );
            };
            let key = name.to_lowercase();
            if batch_names.contains(&key)
                || data
                    .ad_groups
                    .values()
                    .any(|x| x.parent == campaign && same_name(&x.value.name, &name))
            {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_AD_GROUP,
                )
                .field("Name"));
            }
            let Some(id) = data.alloc_id() else {
                return Err(BatchItem::new(i, errors::INTERNAL_ERROR));
            };
            g.id = Nillable::Value(id);
            if g.status.value().is_none() {
                g.status = Nillable::Value(AdGroupStatus::Active);
            }
            if g.ad_group_type.value().is_none() {
                g.ad_group_type = Nillable::Value("SearchStandard".into());
            }
            batch_names.insert(key);
            data.ad_groups.insert(
                id,
                Owned {
                    parent: campaign,
                    value: g,
                },
            );
            Ok(id)
        })();
        match result {
            Ok(id) => ids.push(Some(id)),
            Err(e) => {
                ids.push(None);
                errs.push(e);
            }
        }
    }
    Ok(AddAdGroupsResponse {
        ad_group_ids: Nillable::Value(ids),
        inherited_bid_strategy_types: Nillable::Nil,
        partial_errors: partial(&errs),
    })
}

pub(super) fn get_ad_groups_by_campaign_id(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdGroupsByCampaignIdRequest,
) -> Result<GetAdGroupsByCampaignIdResponse, Fault> {
    let data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let groups = data
        .ad_groups
        .values()
        .filter(|g| g.parent == campaign)
        .map(|g| Some(g.value.clone()))
        .collect();
    Ok(GetAdGroupsByCampaignIdResponse {
        ad_groups: Nillable::Value(groups),
    })
}

pub(super) fn get_ad_groups_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdGroupsByIdsRequest,
) -> Result<GetAdGroupsByIdsResponse, Fault> {
    let data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let ids = id_list(
        req.ad_group_ids,
        errors::CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_AD_GROUPS,
        errors::CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut out = Vec::with_capacity(ids.len());
    let mut errs = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        match data.ad_groups.get(&id).filter(|g| g.parent == campaign) {
            Some(g) => out.push(Some(g.value.clone())),
            None => {
                out.push(None);
                errs.push(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID)
                        .details(id.to_string()),
                );
            }
        }
    }
    Ok(GetAdGroupsByIdsResponse {
        ad_groups: Nillable::Value(out),
        partial_errors: partial(&errs),
    })
}

fn merge_ad_group(stored: &mut AdGroup, u: &AdGroup) {
    set_if_value!(
        stored,
        u,
        [
            ad_rotation,
            bidding_scheme,
            cpc_bid,
            start_date,
            language,
            name,
            network,
            status,
            settings,
            use_optimized_targeting,
            use_predictive_targeting,
            ad_schedule_use_searcher_time_zone,
            cpv_bid,
            cpm_bid,
            mcpa_bid,
            commission_rate,
            percent_cpc_bid,
        ]
    );
    set_unless_absent!(
        stored,
        u,
        [
            audience_ads_bid_adjustment,
            end_date,
            final_url_suffix,
            forward_compatibility_map,
            frequency_cap_settings,
            multimedia_ads_bid_adjustment,
            tracking_url_template,
            url_custom_parameters,
        ]
    );
    clear_empty(&mut [
        &mut stored.tracking_url_template,
        &mut stored.final_url_suffix,
    ]);
}

pub(super) fn update_ad_groups(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateAdGroupsRequest,
) -> Result<UpdateAdGroupsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let items = list(
        req.ad_groups,
        errors::CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_AD_GROUPS,
        errors::CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(u) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_AD_GROUP));
            };
            let Some(id) =
                u.id.value()
                    .copied()
                    .filter(|id| data.ad_groups.get(id).is_some_and(|g| g.parent == campaign))
            else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID).field("Id"),
                );
            };
            if !seen.insert(id) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_DUPLICATE_IN_AD_GROUP_IDS)
                        .field("Id"),
                );
            }
            if u.name.value().is_some() {
                let Some(name) = valid_name(&u.name) else {
                    return Err(
                        BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_NAME)
                            .field("Name"),
                    );
                };
                if data.ad_groups.iter().any(|(k, g)| {
                    *k != id && g.parent == campaign && same_name(&g.value.name, name)
                }) {
                    return Err(BatchItem::new(
                        i,
                        errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_AD_GROUP,
                    )
                    .field("Name"));
                }
            }
            if let Some(stored) = data.ad_groups.get_mut(&id) {
                merge_ad_group(&mut stored.value, &u);
            }
            Ok(())
        })();
        if let Err(e) = result {
            errs.push(e);
        }
    }
    Ok(UpdateAdGroupsResponse {
        inherited_bid_strategy_types: Nillable::Nil,
        partial_errors: partial(&errs),
    })
}

pub(super) fn delete_ad_groups(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteAdGroupsRequest,
) -> Result<DeleteAdGroupsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let ids = id_list(
        req.ad_group_ids,
        errors::CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_AD_GROUPS,
        errors::CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            errs.push(BatchItem::new(
                i,
                errors::CAMPAIGN_SERVICE_DUPLICATE_IN_AD_GROUP_IDS,
            ));
        } else if data
            .ad_groups
            .get(&id)
            .is_some_and(|g| g.parent == campaign)
        {
            data.remove_ad_group(id);
        } else {
            errs.push(
                BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID)
                    .details(id.to_string()),
            );
        }
    }
    Ok(DeleteAdGroupsResponse {
        partial_errors: partial(&errs),
    })
}

// ---------------------------------------------------------------------------------------
// Keywords

fn same_keyword(a: &Keyword, text: &str, match_type: &MatchType) -> bool {
    same_name(&a.text, text) && a.match_type.value() == Some(match_type)
}

pub(super) fn add_keywords(
    call: &Call<'_>,
    auth: &Auth,
    req: AddKeywordsRequest,
) -> Result<AddKeywordsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let items = list(
        req.keywords,
        errors::CAMPAIGN_SERVICE_KEYWORDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_KEYWORDS,
        errors::CAMPAIGN_SERVICE_KEYWORDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut ids = Vec::with_capacity(items.len());
    let mut errs = Vec::new();
    let mut batch: Vec<(String, MatchType)> = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(mut k) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_KEYWORD));
            };
            if k.id.value().is_some() {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD)
                        .field("Id"),
                );
            }
            let Some(text) = k
                .text
                .value()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && s.chars().count() <= 100)
            else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_TEXT).field("Text"),
                );
            };
            let Some(match_type) = k.match_type.value().cloned() else {
                return Err(BatchItem::new(i, errors::API_INPUT_VALIDATION_ERROR)
                    .field("MatchType")
                    .details("MatchType is required"));
            };
            let duplicate_in_batch = batch
                .iter()
                .any(|(t, m)| t.eq_ignore_ascii_case(&text) && *m == match_type);
            if duplicate_in_batch
                || data
                    .keywords
                    .values()
                    .any(|x| x.parent == group && same_keyword(&x.value, &text, &match_type))
            {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_KEYWORD_AND_MATCH_TYPE_COMBINATION_ALREADY_EXISTS,
                ));
            }
            let Some(id) = data.alloc_id() else {
                return Err(BatchItem::new(i, errors::INTERNAL_ERROR));
            };
            k.id = Nillable::Value(id);
            if k.status.value().is_none() {
                k.status = Nillable::Value(KeywordStatus::Active);
            }
            k.editorial_status = Nillable::Value(KeywordEditorialStatus::Active);
            batch.push((text, match_type));
            data.keywords.insert(
                id,
                Owned {
                    parent: group,
                    value: k,
                },
            );
            Ok(id)
        })();
        match result {
            Ok(id) => ids.push(Some(id)),
            Err(e) => {
                ids.push(None);
                errs.push(e);
            }
        }
    }
    Ok(AddKeywordsResponse {
        inherited_bid_strategy_types: Nillable::Nil,
        keyword_ids: Nillable::Value(ids),
        partial_errors: partial(&errs),
    })
}

pub(super) fn get_keywords_by_ad_group_id(
    call: &Call<'_>,
    auth: &Auth,
    req: GetKeywordsByAdGroupIdRequest,
) -> Result<GetKeywordsByAdGroupIdResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let keywords = data
        .keywords
        .values()
        .filter(|k| k.parent == group)
        .map(|k| Some(k.value.clone()))
        .collect();
    Ok(GetKeywordsByAdGroupIdResponse {
        keywords: Nillable::Value(keywords),
    })
}

pub(super) fn get_keywords_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetKeywordsByIdsRequest,
) -> Result<GetKeywordsByIdsResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let ids = id_list(
        req.keyword_ids,
        errors::CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_KEYWORDS,
        errors::CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut out = Vec::with_capacity(ids.len());
    let mut errs = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        match data.keywords.get(&id).filter(|k| k.parent == group) {
            Some(k) => out.push(Some(k.value.clone())),
            None => {
                out.push(None);
                errs.push(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID)
                        .details(id.to_string()),
                );
            }
        }
    }
    Ok(GetKeywordsByIdsResponse {
        keywords: Nillable::Value(out),
        partial_errors: partial(&errs),
    })
}

fn merge_keyword(stored: &mut Keyword, u: &Keyword) {
    set_if_value!(stored, u, [bid, bidding_scheme, status]);
    set_unless_absent!(
        stored,
        u,
        [
            destination_url,
            final_app_urls,
            final_mobile_urls,
            final_url_suffix,
            final_urls,
            forward_compatibility_map,
            param1,
            param2,
            param3,
            tracking_url_template,
            url_custom_parameters,
        ]
    );
    clear_empty(&mut [
        &mut stored.param1,
        &mut stored.param2,
        &mut stored.param3,
        &mut stored.tracking_url_template,
        &mut stored.final_url_suffix,
        &mut stored.destination_url,
    ]);
}

pub(super) fn update_keywords(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateKeywordsRequest,
) -> Result<UpdateKeywordsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let items = list(
        req.keywords,
        errors::CAMPAIGN_SERVICE_KEYWORDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_KEYWORDS,
        errors::CAMPAIGN_SERVICE_KEYWORDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(u) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_KEYWORD));
            };
            let Some(id) =
                u.id.value()
                    .copied()
                    .filter(|id| data.keywords.get(id).is_some_and(|k| k.parent == group))
            else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID).field("Id"),
                );
            };
            if !seen.insert(id) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_DUPLICATE_IN_KEYWORD_IDS)
                        .field("Id"),
                );
            }
            let Some(stored) = data.keywords.get_mut(&id) else {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID).field("Id"),
                );
            };
            if u.text
                .value()
                .is_some_and(|t| !same_name(&stored.value.text, t.trim()))
            {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_CANNOT_CHANGE_TEXT_ON_UPDATE,
                )
                .field("Text"));
            }
            if u.match_type
                .value()
                .is_some_and(|m| stored.value.match_type.value() != Some(m))
            {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_KEYWORD_MATCH_TYPE_CHANGE_NOT_ALLOWED_IN_UPDATE,
                )
                .field("MatchType"));
            }
            merge_keyword(&mut stored.value, &u);
            Ok(())
        })();
        if let Err(e) = result {
            errs.push(e);
        }
    }
    Ok(UpdateKeywordsResponse {
        inherited_bid_strategy_types: Nillable::Nil,
        partial_errors: partial(&errs),
    })
}

pub(super) fn delete_keywords(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteKeywordsRequest,
) -> Result<DeleteKeywordsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let ids = id_list(
        req.keyword_ids,
        errors::CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_KEYWORDS,
        errors::CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            errs.push(BatchItem::new(
                i,
                errors::CAMPAIGN_SERVICE_DUPLICATE_IN_KEYWORD_IDS,
            ));
        } else if data.keywords.get(&id).is_some_and(|k| k.parent == group) {
            data.keywords.remove(&id);
        } else {
            errs.push(
                BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID)
                    .details(id.to_string()),
            );
        }
    }
    Ok(DeleteKeywordsResponse {
        partial_errors: partial(&errs),
    })
}

// ---------------------------------------------------------------------------------------
// Ads

/// Runs `$body` with `$a` bound to the variant's struct (every variant shares the `Ad` base
/// fields); `$other` for variants this version does not know.
macro_rules! with_ad {
    ($ad:expr, $a:ident => $body:expr, _ => $other:expr) => {
        match $ad {
            Ad::Ad($a) => $body,
            Ad::TextAd($a) => $body,
            Ad::ProductAd($a) => $body,
            Ad::HotelAd($a) => $body,
            Ad::AppInstallAd($a) => $body,
            Ad::ExpandedTextAd($a) => $body,
            Ad::DynamicSearchAd($a) => $body,
            Ad::ResponsiveAd($a) => $body,
            Ad::ResponsiveSearchAd($a) => $body,
            Ad::Unknown { base: $a, .. } => $body,
            #[allow(unreachable_patterns)]
            _ => $other,
        }
    };
}

/// The `AdType` of a variant, if it is an ad type the service accepts.
fn ad_type(ad: &Ad) -> Option<AdType> {
    Some(match ad {
        Ad::TextAd(_) => AdType::Text,
        Ad::ProductAd(_) => AdType::Product,
        Ad::HotelAd(_) => AdType::Hotel,
        Ad::AppInstallAd(_) => AdType::AppInstall,
        Ad::ExpandedTextAd(_) => AdType::ExpandedText,
        Ad::DynamicSearchAd(_) => AdType::DynamicSearch,
        Ad::ResponsiveAd(_) => AdType::ResponsiveAd,
        Ad::ResponsiveSearchAd(_) => AdType::ResponsiveSearch,
        _ => return None,
    })
}

fn ad_id(ad: &Ad) -> Option<i64> {
    with_ad!(ad, a => a.id.value().copied(), _ => None)
}

/// Text assets with text, of a responsive search ad's headlines or descriptions.
fn text_assets(links: &Nillable<Vec<Option<AssetLink>>>) -> Option<usize> {
    let links = links.value()?;
    Some(
        links
            .iter()
            .flatten()
            .filter(|l| matches!(l.asset.value(), Some(Asset::TextAsset(t)) if non_empty(&t.text)))
            .count(),
    )
}

/// Type-specific required fields (the state an ad must be in after an add or update).
fn validate_ad(ad: &Ad, i: usize) -> Result<(), BatchItem> {
    match ad {
        Ad::ExpandedTextAd(a) => {
            if !non_empty(&a.title_part1) {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_EXPANDED_TEXT_AD_TITLE_PART1_INVALID,
                )
                .field("TitlePart1"));
            }
            if !non_empty(&a.title_part2) {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_EXPANDED_TEXT_AD_TITLE_PART2_INVALID,
                )
                .field("TitlePart2"));
            }
            if !non_empty(&a.text) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_TEXT).field("Text")
                );
            }
            if !has_final_url(&a.final_urls) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_FINAL_URLS_TEXT)
                        .field("FinalUrls"),
                );
            }
            Ok(())
        }
        Ad::ResponsiveSearchAd(a) => {
            match text_assets(&a.headlines) {
                None | Some(0) => {
                    return Err(BatchItem::new(
                        i,
                        errors::CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_HEADLINES_NULL_OR_EMPTY,
                    )
                    .field("Headlines"));
                }
                Some(n) if n < 3 => {
                    return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_HEADLINES_LESS_THAN_MIN_REQUIRED).field("Headlines"));
                }
                Some(_) => {}
            }
            match text_assets(&a.descriptions) {
                None | Some(0) => {
                    return Err(BatchItem::new(
                        i,
                        errors::CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_DESCRIPTIONS_NULL_OR_EMPTY,
                    )
                    .field("Descriptions"));
                }
                Some(n) if n < 2 => {
                    return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_RESPONSIVE_SEARCH_AD_DESCRIPTIONS_LESS_THAN_MIN_REQUIRED).field("Descriptions"));
                }
                Some(_) => {}
            }
            if !has_final_url(&a.final_urls) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_FINAL_URLS_TEXT)
                        .field("FinalUrls"),
                );
            }
            Ok(())
        }
        // Standard text ads can no longer be added or updated; an ad without a (known)
        // xsi:type is not an ad the service can create.
        Ad::TextAd(_) | Ad::Ad(_) | Ad::Unknown { .. } => {
            Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_AD_TYPE_INVALID))
        }
        _ => Ok(()),
    }
}

pub(super) fn add_ads(
    call: &Call<'_>,
    auth: &Auth,
    req: AddAdsRequest,
) -> Result<AddAdsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let items = list(
        req.ads,
        errors::CAMPAIGN_SERVICE_ADS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_ADS,
        errors::CAMPAIGN_SERVICE_ADS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut ids = Vec::with_capacity(items.len());
    let mut errs = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(mut ad) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_AD));
            };
            if ad_id(&ad).is_some() {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD)
                        .field("Id"),
                );
            }
            validate_ad(&ad, i)?;
            let Some(kind) = ad_type(&ad) else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_AD_TYPE_INVALID));
            };
            let Some(id) = data.alloc_id() else {
                return Err(BatchItem::new(i, errors::INTERNAL_ERROR));
            };
            with_ad!(&mut ad, a => {
                a.id = Nillable::Value(id);
                a.type_ = Nillable::Value(kind);
                a.editorial_status = Nillable::Value(AdEditorialStatus::Active);
                if a.status.value().is_none() {
                    a.status = Nillable::Value(AdStatus::Active);
                }
            }, _ => {});
            data.ads.insert(
                id,
                Owned {
                    parent: group,
                    value: ad,
                },
            );
            Ok(id)
        })();
        match result {
            Ok(id) => ids.push(Some(id)),
            Err(e) => {
                ids.push(None);
                errs.push(e);
            }
        }
    }
    Ok(AddAdsResponse {
        ad_ids: Nillable::Value(ids),
        partial_errors: partial(&errs),
    })
}

/// The ad types a get asks for (all when none is given).
fn ad_type_filter(types: Nillable<Vec<AdType>>) -> Option<Vec<AdType>> {
    types.into_value().filter(|t| !t.is_empty())
}

fn ad_matches(ad: &Ad, filter: &Option<Vec<AdType>>) -> bool {
    match filter {
        None => true,
        Some(types) => ad_type(ad).is_some_and(|t| types.contains(&t)),
    }
}

pub(super) fn get_ads_by_ad_group_id(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdsByAdGroupIdRequest,
) -> Result<GetAdsByAdGroupIdResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let filter = ad_type_filter(req.ad_types);
    let ads = data
        .ads
        .values()
        .filter(|a| a.parent == group && ad_matches(&a.value, &filter))
        .map(|a| Some(a.value.clone()))
        .collect();
    Ok(GetAdsByAdGroupIdResponse {
        ads: Nillable::Value(ads),
    })
}

pub(super) fn get_ads_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdsByIdsRequest,
) -> Result<GetAdsByIdsResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let ids = id_list(
        req.ad_ids,
        errors::CAMPAIGN_SERVICE_AD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_AD_IDS_GET,
        errors::CAMPAIGN_SERVICE_AD_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let filter = ad_type_filter(req.ad_types);
    let mut out = Vec::with_capacity(ids.len());
    let mut errs = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        match data.ads.get(&id).filter(|a| a.parent == group) {
            Some(a) if ad_matches(&a.value, &filter) => out.push(Some(a.value.clone())),
            Some(_) => {
                out.push(None);
                errs.push(
                    BatchItem::new(i, errors::ENTITY_ID_FILTER_MISMATCH).details(id.to_string()),
                );
            }
            None => {
                out.push(None);
                errs.push(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_ID)
                        .details(id.to_string()),
                );
            }
        }
    }
    Ok(GetAdsByIdsResponse {
        ads: Nillable::Value(out),
        partial_errors: partial(&errs),
    })
}

/// The `Ad` base elements every type shares.
macro_rules! merge_ad_base {
    ($s:expr, $u:expr) => {{
        set_if_value!($s, $u, [status, ad_format_preference, device_preference]);
        set_unless_absent!(
            $s,
            $u,
            [
                final_app_urls,
                final_mobile_urls,
                final_url_suffix,
                final_urls,
                forward_compatibility_map,
                tracking_url_template,
                url_custom_parameters
            ]
        );
        clear_empty(&mut [&mut $s.tracking_url_template, &mut $s.final_url_suffix]);
    }};
}

/// Merges an update into a stored ad of the same type. Besides the shared `Ad` elements,
/// the elements of expanded text ads and responsive search ads are updated.
fn merge_ad(stored: &mut Ad, update: &Ad) -> bool {
    match (stored, update) {
        (Ad::ExpandedTextAd(s), Ad::ExpandedTextAd(u)) => {
            merge_ad_base!(s, u);
            set_if_value!(s, u, [text, title_part1, title_part2]);
            set_unless_absent!(s, u, [domain, path1, path2, text_part2, title_part3]);
            clear_empty(&mut [
                &mut s.path1,
                &mut s.path2,
                &mut s.text_part2,
                &mut s.title_part3,
                &mut s.domain,
            ]);
            true
        }
        (Ad::ResponsiveSearchAd(s), Ad::ResponsiveSearchAd(u)) => {
            merge_ad_base!(s, u);
            set_if_value!(s, u, [headlines, descriptions]);
            set_unless_absent!(s, u, [domain, path1, path2]);
            clear_empty(&mut [&mut s.path1, &mut s.path2, &mut s.domain]);
            true
        }
        (Ad::TextAd(s), Ad::TextAd(u)) => {
            merge_ad_base!(s, u);
            true
        }
        (Ad::ProductAd(s), Ad::ProductAd(u)) => {
            merge_ad_base!(s, u);
            true
        }
        (Ad::HotelAd(s), Ad::HotelAd(u)) => {
            merge_ad_base!(s, u);
            true
        }
        (Ad::AppInstallAd(s), Ad::AppInstallAd(u)) => {
            merge_ad_base!(s, u);
            true
        }
        (Ad::DynamicSearchAd(s), Ad::DynamicSearchAd(u)) => {
            merge_ad_base!(s, u);
            true
        }
        (Ad::ResponsiveAd(s), Ad::ResponsiveAd(u)) => {
            merge_ad_base!(s, u);
            true
        }
        _ => false,
    }
}

pub(super) fn update_ads(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateAdsRequest,
) -> Result<UpdateAdsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let items = list(
        req.ads,
        errors::CAMPAIGN_SERVICE_ADS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_ADS,
        errors::CAMPAIGN_SERVICE_ADS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = (|| {
            let Some(u) = item else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_NULL_AD));
            };
            let Some(id) =
                ad_id(&u).filter(|id| data.ads.get(id).is_some_and(|a| a.parent == group))
            else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_ID).field("Id"));
            };
            if !seen.insert(id) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_DUPLICATE_IN_AD_IDS).field("Id"),
                );
            }
            let Some(stored) = data.ads.get_mut(&id) else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_ID).field("Id"));
            };
            if matches!(u, Ad::TextAd(_)) {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_AD_TYPE_INVALID));
            }
            let mut merged = stored.value.clone();
            if !merge_ad(&mut merged, &u) {
                return Err(
                    BatchItem::new(i, errors::CAMPAIGN_SERVICE_AD_TYPE_DOES_NOT_MATCH)
                        .field("Type"),
                );
            }
            validate_ad(&merged, i)?;
            stored.value = merged;
            Ok(())
        })();
        if let Err(e) = result {
            errs.push(e);
        }
    }
    Ok(UpdateAdsResponse {
        partial_errors: partial(&errs),
    })
}

pub(super) fn delete_ads(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteAdsRequest,
) -> Result<DeleteAdsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let ids = id_list(
        req.ad_ids,
        errors::CAMPAIGN_SERVICE_AD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
        MAX_ADS,
        errors::CAMPAIGN_SERVICE_AD_IDS_ARRAY_EXCEEDS_LIMIT,
    )?;
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            errs.push(BatchItem::new(
                i,
                errors::CAMPAIGN_SERVICE_DUPLICATE_IN_AD_IDS,
            ));
        } else if data.ads.get(&id).is_some_and(|a| a.parent == group) {
            data.ads.remove(&id);
        } else {
            errs.push(
                BatchItem::new(i, errors::CAMPAIGN_SERVICE_INVALID_AD_ID).details(id.to_string()),
            );
        }
    }
    Ok(DeleteAdsResponse {
        partial_errors: partial(&errs),
    })
}
