//! Ad groups of a campaign: add, get by campaign or by ids, update, and delete (with their
//! keywords and ads).

use std::collections::HashSet;

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::*;

use super::*;
use crate::api::{Auth, Call, Fault};
use crate::errors;
use crate::state::lock;

/// The codes and limits the service answers this family's requests with.
const FAMILY: Family = Family {
    max: MAX_AD_GROUPS,
    no_items: errors::CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_items: errors::CAMPAIGN_SERVICE_AD_GROUPS_ARRAY_EXCEEDS_LIMIT,
    no_ids: errors::CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_ids: errors::CAMPAIGN_SERVICE_AD_GROUP_IDS_ARRAY_EXCEEDS_LIMIT,
    null: errors::CAMPAIGN_SERVICE_NULL_AD_GROUP,
    id_set: errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD,
    invalid_id: errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID,
    duplicate_id: errors::CAMPAIGN_SERVICE_DUPLICATE_IN_AD_GROUP_IDS,
};

const NAMES: NameCodes = NameCodes {
    invalid: errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_NAME,
    duplicate: errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_AD_GROUP,
};

pub(crate) fn add_ad_groups(
    call: &Call<'_>,
    auth: &Auth,
    req: AddAdGroupsRequest,
) -> Result<AddAdGroupsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let items = list(req.ad_groups, &FAMILY)?;
    let mut batch_names = HashSet::new();
    let (ad_group_ids, partial_errors) = add_each(
        items,
        &FAMILY,
        |g: &AdGroup| g.id.value().is_some(),
        |i, g| {
            let key = new_name(i, &g.name, &NAMES, &batch_names, |name| {
                name_taken(&data.ad_groups, campaign, None, name, |g| &g.name)
            })?;
            let id = insert_new(
                &mut data,
                |d| &mut d.ad_groups,
                i,
                campaign,
                g,
                |g, id| {
                    g.id = Nillable::Value(id);
                    if g.status.value().is_none() {
                        g.status = Nillable::Value(AdGroupStatus::Active);
                    }
                    if g.ad_group_type.value().is_none() {
                        g.ad_group_type = Nillable::Value("SearchStandard".into());
                    }
                },
            )?;
            batch_names.insert(key);
            Ok(id)
        },
    );
    Ok(AddAdGroupsResponse {
        ad_group_ids,
        inherited_bid_strategy_types: Nillable::Nil,
        partial_errors,
    })
}

pub(crate) fn get_ad_groups_by_campaign_id(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdGroupsByCampaignIdRequest,
) -> Result<GetAdGroupsByCampaignIdResponse, Fault> {
    let data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let ad_groups = children(&data.ad_groups, campaign, |_| true);
    Ok(GetAdGroupsByCampaignIdResponse { ad_groups })
}

pub(crate) fn get_ad_groups_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdGroupsByIdsRequest,
) -> Result<GetAdGroupsByIdsResponse, Fault> {
    let data = lock(&call.shared.data);
    let campaign = check_campaign(&data, auth, req.campaign_id)?;
    let ids = id_list(req.ad_group_ids, &FAMILY)?;
    let (ad_groups, partial_errors) = get_each(ids, |id| {
        let invalid = errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID;
        child(&data.ad_groups, campaign, id, |_| true, invalid)
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
    let items = list(req.ad_groups, &FAMILY)?;
    let partial_errors = update_each(
        &mut data,
        items,
        &FAMILY,
        |u: &AdGroup| u.id.value().copied(),
        |data, id| {
            data.ad_groups
                .get(&id)
                .is_some_and(|g| g.parent == campaign)
        },
        |data, i, id, u| {
            check_rename(i, &u.name, &NAMES, |name| {
                name_taken(&data.ad_groups, campaign, Some(id), name, |g| &g.name)
            })?;
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
    let ids = id_list(req.ad_group_ids, &FAMILY)?;
    let partial_errors = delete_each(
        &mut data,
        ids,
        &FAMILY,
        |data, id| {
            data.ad_groups
                .get(&id)
                .is_some_and(|g| g.parent == campaign)
        },
        |data, _, id| {
            data.remove_ad_group(id);
            Ok(())
        },
    );
    Ok(DeleteAdGroupsResponse { partial_errors })
}
