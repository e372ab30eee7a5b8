//! Ad groups of a campaign: add, get by campaign or by ids, update, and delete (with their
//! keywords and ads).

use std::collections::HashSet;

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::*;

use super::*;
use crate::api::{Auth, BatchItem, Call, Fault};
use crate::errors;
use crate::state::{Owned, lock};

pub(crate) fn add_ad_groups(
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

pub(crate) fn get_ad_groups_by_campaign_id(
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

pub(crate) fn get_ad_groups_by_ids(
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
    let (ad_groups, partial_errors) = get_each(ids, |id| {
        let group = data.ad_groups.get(&id).filter(|g| g.parent == campaign);
        group
            .map(|g| g.value.clone())
            .ok_or(errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID)
    });
    Ok(GetAdGroupsByIdsResponse {
        ad_groups,
        partial_errors,
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

pub(crate) fn update_ad_groups(
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
    let codes = UpdateCodes {
        null: errors::CAMPAIGN_SERVICE_NULL_AD_GROUP,
        invalid_id: errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID,
        duplicate_id: errors::CAMPAIGN_SERVICE_DUPLICATE_IN_AD_GROUP_IDS,
    };
    let partial_errors = update_each(
        &mut data,
        items,
        codes,
        |u: &AdGroup| u.id.value().copied(),
        |data, id| {
            data.ad_groups
                .get(&id)
                .is_some_and(|g| g.parent == campaign)
        },
        |data, i, id, u| {
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
        },
    );
    Ok(UpdateAdGroupsResponse {
        inherited_bid_strategy_types: Nillable::Nil,
        partial_errors,
    })
}

pub(crate) fn delete_ad_groups(
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
