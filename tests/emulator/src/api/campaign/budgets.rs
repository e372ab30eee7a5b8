//! Shared budgets: add, get by ids (with their campaign association counts), update, and
//! delete (refused while a campaign uses the budget).

use std::collections::HashSet;

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::*;

use super::*;
use crate::api::{Auth, BatchItem, Call, Fault};
use crate::errors;
use crate::state::lock;

/// The codes and limits the service answers this family's requests with.
const FAMILY: Family = Family {
    max: MAX_BUDGETS,
    no_items: errors::CAMPAIGN_SERVICE_BUDGETS_NULL_OR_EMPTY,
    too_many_items: errors::CAMPAIGN_SERVICE_BUDGET_BATCH_LIMIT_EXCEEDED,
    no_ids: errors::CAMPAIGN_SERVICE_BUDGETS_NULL_OR_EMPTY,
    too_many_ids: errors::CAMPAIGN_SERVICE_BUDGET_BATCH_LIMIT_EXCEEDED,
    null: errors::CAMPAIGN_SERVICE_BUDGET_IS_NULL,
    id_set: errors::CAMPAIGN_SERVICE_BUDGET_ID_SHOULD_BE_NULL_ON_ADD,
    invalid_id: errors::CAMPAIGN_SERVICE_BUDGET_ID_INVALID,
    duplicate_id: errors::CAMPAIGN_SERVICE_DUPLICATE_BUDGET_ID,
};

const NAMES: NameCodes = NameCodes {
    invalid: errors::CAMPAIGN_SERVICE_BUDGET_NAME_MISSING,
    duplicate: errors::CAMPAIGN_SERVICE_DUPLICATE_BUDGET_NAME,
};

pub(crate) fn add_budgets(
    call: &Call<'_>,
    auth: &Auth,
    req: AddBudgetsRequest,
) -> Result<AddBudgetsResponse, Fault> {
    let account = auth.account()?;
    let items = list(req.budgets, &FAMILY)?;
    let mut data = lock(&call.shared.data);
    let mut batch_names = HashSet::new();
    let (budget_ids, partial_errors) = add_each(
        items,
        &FAMILY,
        |b: &Budget| b.id.value().is_some(),
        |i, b| {
            let key = new_name(i, &b.name, &NAMES, &batch_names, |name| {
                name_taken(&data.budgets, account, None, name, |b| &b.name)
            })?;
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
            let id = insert_new(
                &mut data,
                |d| &mut d.budgets,
                i,
                account,
                b,
                |b, id| {
                    b.id = Nillable::Value(id);
                    b.association_count = Nillable::Value(0);
                },
            )?;
            batch_names.insert(key);
            Ok(id)
        },
    );
    Ok(AddBudgetsResponse {
        budget_ids,
        partial_errors,
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

pub(crate) fn get_budgets_by_ids(
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
    let (budgets, partial_errors) = get_each(ids, |id| {
        data.budgets
            .get(&id)
            .filter(|b| b.parent == account)
            .and_then(|_| budget_view(&data, id))
            .ok_or(errors::CAMPAIGN_SERVICE_BUDGET_ID_INVALID)
    });
    Ok(GetBudgetsByIdsResponse {
        budgets,
        partial_errors,
    })
}

pub(crate) fn update_budgets(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateBudgetsRequest,
) -> Result<UpdateBudgetsResponse, Fault> {
    let account = auth.account()?;
    let items = list(req.budgets, &FAMILY)?;
    let partial_errors = update_each(
        &mut lock(&call.shared.data),
        items,
        &FAMILY,
        |u: &Budget| u.id.value().copied(),
        |data, id| data.budgets.get(&id).is_some_and(|b| b.parent == account),
        |data, i, id, u| {
            check_rename(i, &u.name, &NAMES, |name| {
                name_taken(&data.budgets, account, Some(id), name, |b| &b.name)
            })?;
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
        },
    );
    Ok(UpdateBudgetsResponse { partial_errors })
}

pub(crate) fn delete_budgets(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteBudgetsRequest,
) -> Result<DeleteBudgetsResponse, Fault> {
    let account = auth.account()?;
    let ids = id_list(req.budget_ids, &FAMILY)?;
    let partial_errors = delete_each(
        &mut lock(&call.shared.data),
        ids,
        &FAMILY,
        |data, id| data.budgets.get(&id).is_some_and(|b| b.parent == account),
        |data, i, id| {
            if data
                .campaigns
                .values()
                .any(|c| c.value.budget_id.value() == Some(&id))
            {
                return Err(BatchItem::new(
                    i,
                    errors::CAMPAIGN_SERVICE_BUDGET_IS_SHARED_WITH_CAMPAIGNS,
                ));
            }
            data.budgets.remove(&id);
            Ok(())
        },
    );
    Ok(DeleteBudgetsResponse { partial_errors })
}
