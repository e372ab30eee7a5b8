//! Keywords of an ad group: add (text and match type unique per ad group), get, update
//! (text and match type are immutable), delete.

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::*;

use super::*;
use crate::api::{Auth, BatchItem, Call, Fault};
use crate::errors;
use crate::state::lock;

/// The codes and limits the service answers this family's requests with.
const FAMILY: Family = Family {
    max: MAX_KEYWORDS,
    no_items: errors::CAMPAIGN_SERVICE_KEYWORDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_items: errors::CAMPAIGN_SERVICE_KEYWORDS_ARRAY_EXCEEDS_LIMIT,
    no_ids: errors::CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_ids: errors::CAMPAIGN_SERVICE_KEYWORD_IDS_ARRAY_EXCEEDS_LIMIT,
    null: errors::CAMPAIGN_SERVICE_NULL_KEYWORD,
    id_set: errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD,
    invalid_id: errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID,
    duplicate_id: errors::CAMPAIGN_SERVICE_DUPLICATE_IN_KEYWORD_IDS,
};

fn same_keyword(a: &Keyword, text: &str, match_type: &MatchType) -> bool {
    same_name(&a.text, text) && a.match_type.value() == Some(match_type)
}

pub(crate) fn add_keywords(
    call: &Call<'_>,
    auth: &Auth,
    req: AddKeywordsRequest,
) -> Result<AddKeywordsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let items = list(req.keywords, &FAMILY)?;
    let mut batch: Vec<(String, MatchType)> = Vec::new();
    let (keyword_ids, partial_errors) = add_each(
        items,
        &FAMILY,
        |k: &Keyword| k.id.value().is_some(),
        |i, k| {
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
            let id = insert_new(
                &mut data,
                |d| &mut d.keywords,
                i,
                group,
                k,
                |k, id| {
                    k.id = Nillable::Value(id);
                    if k.status.value().is_none() {
                        k.status = Nillable::Value(KeywordStatus::Active);
                    }
                    k.editorial_status = Nillable::Value(KeywordEditorialStatus::Active);
                },
            )?;
            batch.push((text, match_type));
            Ok(id)
        },
    );
    Ok(AddKeywordsResponse {
        inherited_bid_strategy_types: Nillable::Nil,
        keyword_ids,
        partial_errors,
    })
}

pub(crate) fn get_keywords_by_ad_group_id(
    call: &Call<'_>,
    auth: &Auth,
    req: GetKeywordsByAdGroupIdRequest,
) -> Result<GetKeywordsByAdGroupIdResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let keywords = children(&data.keywords, group, |_| true);
    Ok(GetKeywordsByAdGroupIdResponse { keywords })
}

pub(crate) fn get_keywords_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetKeywordsByIdsRequest,
) -> Result<GetKeywordsByIdsResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let ids = id_list(req.keyword_ids, &FAMILY)?;
    let (keywords, partial_errors) = get_each(ids, |id| {
        let invalid = errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID;
        child(&data.keywords, group, id, |_| true, invalid)
    });
    Ok(GetKeywordsByIdsResponse {
        keywords,
        partial_errors,
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

pub(crate) fn update_keywords(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateKeywordsRequest,
) -> Result<UpdateKeywordsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let items = list(req.keywords, &FAMILY)?;
    let partial_errors = update_each(
        &mut data,
        items,
        &FAMILY,
        |u: &Keyword| u.id.value().copied(),
        |data, id| data.keywords.get(&id).is_some_and(|k| k.parent == group),
        |data, i, id, u| {
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
        },
    );
    Ok(UpdateKeywordsResponse {
        inherited_bid_strategy_types: Nillable::Nil,
        partial_errors,
    })
}

pub(crate) fn delete_keywords(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteKeywordsRequest,
) -> Result<DeleteKeywordsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id.value().copied())?;
    let ids = id_list(req.keyword_ids, &FAMILY)?;
    let partial_errors = delete_each(
        &mut data,
        ids,
        &FAMILY,
        |data, id| data.keywords.get(&id).is_some_and(|k| k.parent == group),
        |data, _, id| {
            data.keywords.remove(&id);
            Ok(())
        },
    );
    Ok(DeleteKeywordsResponse { partial_errors })
}
