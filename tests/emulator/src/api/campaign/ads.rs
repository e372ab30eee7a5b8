//! Ads of an ad group, polymorphic by type: add, get (filtered by ad type), update (the type
//! cannot change), delete.

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::*;

use super::*;
use crate::api::{Auth, BatchItem, Call, Fault};
use crate::errors;
use crate::state::lock;

/// The codes and limits the service answers this family's requests with.
const FAMILY: Family = Family {
    max: MAX_ADS,
    no_items: errors::CAMPAIGN_SERVICE_ADS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_items: errors::CAMPAIGN_SERVICE_ADS_ARRAY_EXCEEDS_LIMIT,
    no_ids: errors::CAMPAIGN_SERVICE_AD_IDS_ARRAY_SHOULD_NOT_BE_NULL_OR_EMPTY,
    too_many_ids: errors::CAMPAIGN_SERVICE_AD_IDS_ARRAY_EXCEEDS_LIMIT,
    null: errors::CAMPAIGN_SERVICE_NULL_AD,
    id_set: errors::CAMPAIGN_SERVICE_ID_SHOULD_BE_NULL_ON_ADD,
    invalid_id: errors::CAMPAIGN_SERVICE_INVALID_AD_ID,
    duplicate_id: errors::CAMPAIGN_SERVICE_DUPLICATE_IN_AD_IDS,
};

/// A get by ids takes fewer ids than the other requests.
const GET_FAMILY: Family = Family {
    max: MAX_AD_IDS_GET,
    ..FAMILY
};

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

pub(crate) fn add_ads(
    call: &Call<'_>,
    auth: &Auth,
    req: AddAdsRequest,
) -> Result<AddAdsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let items = list(req.ads, &FAMILY)?;
    let (ad_ids, partial_errors) = add_each(
        items,
        &FAMILY,
        |ad| ad_id(ad).is_some(),
        |i, ad| {
            validate_ad(&ad, i)?;
            let Some(kind) = ad_type(&ad) else {
                return Err(BatchItem::new(i, errors::CAMPAIGN_SERVICE_AD_TYPE_INVALID));
            };
            insert_new(
                &mut data,
                |d| &mut d.ads,
                i,
                group,
                ad,
                |ad, id| {
                    with_ad!(ad, a => {
                    a.id = Nillable::Value(id);
                    a.type_ = Nillable::Value(kind);
                    a.editorial_status = Nillable::Value(AdEditorialStatus::Active);
                    if a.status.value().is_none() {
                        a.status = Nillable::Value(AdStatus::Active);
                    }
                }, _ => {});
                },
            )
        },
    );
    Ok(AddAdsResponse {
        ad_ids,
        partial_errors,
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

pub(crate) fn get_ads_by_ad_group_id(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdsByAdGroupIdRequest,
) -> Result<GetAdsByAdGroupIdResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let filter = ad_type_filter(req.ad_types);
    let ads = children(&data.ads, group, |ad| ad_matches(ad, &filter));
    Ok(GetAdsByAdGroupIdResponse { ads })
}

pub(crate) fn get_ads_by_ids(
    call: &Call<'_>,
    auth: &Auth,
    req: GetAdsByIdsRequest,
) -> Result<GetAdsByIdsResponse, Fault> {
    let data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let ids = id_list(req.ad_ids, &GET_FAMILY)?;
    let filter = ad_type_filter(req.ad_types);
    let (ads, partial_errors) = get_each(ids, |id| {
        let invalid = errors::CAMPAIGN_SERVICE_INVALID_AD_ID;
        child(&data.ads, group, id, |ad| ad_matches(ad, &filter), invalid)
    });
    Ok(GetAdsByIdsResponse {
        ads,
        partial_errors,
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

pub(crate) fn update_ads(
    call: &Call<'_>,
    auth: &Auth,
    req: UpdateAdsRequest,
) -> Result<UpdateAdsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let items = list(req.ads, &FAMILY)?;
    let partial_errors = update_each(
        &mut data,
        items,
        &FAMILY,
        ad_id,
        |data, id| data.ads.get(&id).is_some_and(|a| a.parent == group),
        |data, i, id, u| {
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
        },
    );
    Ok(UpdateAdsResponse { partial_errors })
}

pub(crate) fn delete_ads(
    call: &Call<'_>,
    auth: &Auth,
    req: DeleteAdsRequest,
) -> Result<DeleteAdsResponse, Fault> {
    let mut data = lock(&call.shared.data);
    let group = check_ad_group(&data, auth, req.ad_group_id)?;
    let ids = id_list(req.ad_ids, &FAMILY)?;
    let partial_errors = delete_each(
        &mut data,
        ids,
        &FAMILY,
        |data, id| data.ads.get(&id).is_some_and(|a| a.parent == group),
        |data, _, id| {
            data.ads.remove(&id);
            Ok(())
        },
    );
    Ok(DeleteAdsResponse { partial_errors })
}
