//! Campaigns: add, get by account (filtered by campaign type) or by ids, update, and delete
//! (with everything under the campaign).

use std::collections::HashSet;

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::*;

use super::*;
use crate::api::{Auth, BatchItem, Call, Fault};
use crate::errors;
use crate::state::{Owned, lock};

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

pub(crate) fn add_campaigns(
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

pub(crate) fn get_campaigns_by_account_id(
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

pub(crate) fn get_campaigns_by_ids(
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
    let (campaigns, partial_errors) = get_each(ids, |id| {
        match data.campaigns.get(&id).filter(|c| c.parent == account) {
            Some(c) if campaign_types(&c.value).iter().any(|t| filter.contains(t)) => {
                Ok(c.value.clone())
            }
            Some(_) => Err(errors::ENTITY_ID_FILTER_MISMATCH),
            None => Err(errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID),
        }
    });
    Ok(GetCampaignsByIdsResponse {
        campaigns,
        partial_errors,
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

pub(crate) fn update_campaigns(
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
    let codes = UpdateCodes {
        null: errors::CAMPAIGN_SERVICE_NULL_CAMPAIGN,
        invalid_id: errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID,
        duplicate_id: errors::CAMPAIGN_SERVICE_DUPLICATE_CAMPAIGN_IDS,
    };
    let partial_errors = update_each(
        &mut lock(&call.shared.data),
        items,
        codes,
        |u: &Campaign| u.id.value().copied(),
        |data, id| data.campaigns.get(&id).is_some_and(|c| c.parent == account),
        |data, i, id, u| {
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
            check_campaign_budget(data, account, &merged, i)?;
            if let Some(stored) = data.campaigns.get_mut(&id) {
                stored.value = merged;
            }
            Ok(())
        },
    );
    Ok(UpdateCampaignsResponse { partial_errors })
}

pub(crate) fn delete_campaigns(
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
