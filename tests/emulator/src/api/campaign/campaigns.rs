//! Campaigns: add, get by account (filtered by campaign type) or by ids, update, and delete
//! (with everything under the campaign).

use std::collections::HashSet;

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::*;

use super::*;
use crate::api::{Auth, BatchItem, Call, Fault};
use crate::errors;
use crate::state::lock;

/// The codes and limits the service answers this family's requests with.
const FAMILY: Family = Family {
    max: MAX_CAMPAIGNS,
    no_items: errors::CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_items: errors::CAMPAIGN_SERVICE_CAMPAIGNS_ARRAY_EXCEEDS_LIMIT,
    no_ids: errors::CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_ids: errors::CAMPAIGN_SERVICE_CAMPAIGN_IDS_ARRAY_EXCEEDS_LIMIT,
    null: errors::CAMPAIGN_SERVICE_NULL_CAMPAIGN,
    id_set: errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD,
    invalid_id: errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID,
    duplicate_id: errors::CAMPAIGN_SERVICE_DUPLICATE_CAMPAIGN_IDS,
};

const NAMES: NameCodes = NameCodes {
    invalid: errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_NAME,
    duplicate: errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_CAMPAIGN,
};

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
    let items = list(req.campaigns, &FAMILY)?;
    let mut data = lock(&call.shared.data);
    let mut batch_names = HashSet::new();
    let (campaign_ids, partial_errors) = add_each(
        items,
        &FAMILY,
        |c: &Campaign| c.id.value().is_some(),
        |i, c| {
            let key = new_name(i, &c.name, &NAMES, &batch_names, |name| {
                name_taken(&data.campaigns, account, None, name, |c| &c.name)
            })?;
            check_campaign_budget(&data, account, &c, i)?;
            let id = insert_new(
                &mut data,
                |d| &mut d.campaigns,
                i,
                account,
                c,
                |c, id| {
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
                },
            )?;
            batch_names.insert(key);
            Ok(id)
        },
    );
    Ok(AddCampaignsResponse {
        campaign_ids,
        partial_errors,
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
    let campaigns = children(&data.campaigns, account, |c| {
        campaign_types(c).iter().any(|t| filter.contains(t))
    });
    Ok(GetCampaignsByAccountIdResponse { campaigns })
}

pub(crate) fn get_campaigns_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetCampaignsByIdsRequest,
) -> Result<GetCampaignsByIdsResponse, Fault> {
    let account = check_account(auth, req.account_id)?;
    let ids = id_list(req.campaign_ids, &FAMILY)?;
    let filter = type_filter(req.campaign_type);
    let data = lock(&call.shared.data);
    let (campaigns, partial_errors) = get_each(ids, |id| {
        child(
            &data.campaigns,
            account,
            id,
            |c| campaign_types(c).iter().any(|t| filter.contains(t)),
            errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID,
        )
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
    let items = list(req.campaigns, &FAMILY)?;
    let partial_errors = update_each(
        &mut lock(&call.shared.data),
        items,
        &FAMILY,
        |u: &Campaign| u.id.value().copied(),
        |data, id| data.campaigns.get(&id).is_some_and(|c| c.parent == account),
        |data, i, id, u| {
            check_rename(i, &u.name, &NAMES, |name| {
                name_taken(&data.campaigns, account, Some(id), name, |c| &c.name)
            })?;
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
    let ids = id_list(req.campaign_ids, &FAMILY)?;
    let partial_errors = delete_each(
        &mut lock(&call.shared.data),
        ids,
        &FAMILY,
        |data, id| data.campaigns.get(&id).is_some_and(|c| c.parent == account),
        |data, _, id| {
            data.remove_campaign(id);
            Ok(())
        },
    );
    Ok(DeleteCampaignsResponse { partial_errors })
}
