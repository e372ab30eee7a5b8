//! Uploaded rows applied to the emulator's state, as the service applies a bulk upload:
//! row by row, adds (empty or negative `Id`, a negative id being a reference later rows of
//! the same file may use as `Parent Id`), updates (an existing `Id`, non-empty cells
//! change), deletes (`Status` `Deleted`). An invalid row changes nothing and gets an error
//! row (`<Type> Error`, with `Error` and `Error Number`) right after it in the result file.

use std::collections::HashMap;

use bingads_gen::Nillable;
use bingads_gen::types::Flags;
use bingads_gen::v13::campaign_management::{
    AdGroup, AdGroupStatus, Bid, BudgetLimitType, Campaign, CampaignStatus, CampaignType, Keyword,
    KeywordEditorialStatus, KeywordStatus, MatchType,
};

use super::files::Row;
use crate::errors::{self, ErrorCode};
use crate::state::{DataStore, Owned};

/// What an upload did: the result rows and whether any row failed.
pub(crate) struct Applied {
    pub rows: Vec<Row>,
    pub failed: bool,
}

fn cell<'r>(r: &'r Row, name: &str) -> Option<&'r str> {
    r.get(name).map(String::as_str).filter(|s| !s.is_empty())
}

fn bid(r: &Row) -> Result<Option<Bid>, ErrorCode> {
    match cell(r, "Bid") {
        None => Ok(None),
        Some(v) => v
            .parse::<f64>()
            .ok()
            .filter(|b| b.is_finite() && *b > 0.0)
            .map(|amount| {
                Some(Bid {
                    amount: Nillable::Value(amount),
                })
            })
            .ok_or(errors::API_INPUT_VALIDATION_ERROR),
    }
}

/// Applies `rows` for `account` and returns the result rows (all with `with_results`, else
/// only failed rows and their errors).
pub(crate) fn apply(
    data: &mut DataStore,
    account: i64,
    rows: Vec<Row>,
    with_results: bool,
) -> Applied {
    let mut refs: HashMap<i64, i64> = HashMap::new();
    let mut out = Vec::new();
    let mut failed = false;
    for mut r in rows {
        let kind = cell(&r, "Type").unwrap_or_default().to_string();
        let result = match kind.as_str() {
            "Format Version" | "Account" => Ok(None),
            "Campaign" => campaign(data, account, &mut r, &mut refs),
            "Ad Group" => ad_group(data, account, &mut r, &mut refs),
            "Keyword" => keyword(data, account, &mut r, &mut refs),
            _ => Err(errors::OPERATION_NOT_SUPPORTED),
        };
        match result {
            Ok(None) => {}
            Ok(Some(())) => {
                if with_results {
                    out.push(r);
                }
            }
            Err(code) => {
                failed = true;
                let mut error = Row::new();
                error.insert("Type".into(), format!("{kind} Error"));
                for c in ["Id", "Parent Id", "Client Id"] {
                    if let Some(v) = r.get(c) {
                        error.insert(c.into(), v.clone());
                    }
                }
                error.insert("Error".into(), code.name.into());
                error.insert("Error Number".into(), code.code.to_string());
                out.push(r);
                out.push(error);
            }
        }
    }
    Applied { rows: out, failed }
}

/// The row's `Id`: `Ok(None)` for an add (empty or negative: a reference), the existing id
/// for an update or delete.
fn id_of(r: &Row) -> Result<Option<i64>, ErrorCode> {
    match cell(r, "Id") {
        None => Ok(None),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if n < 0 => Ok(None),
            Ok(n) => Ok(Some(n)),
            Err(_) => Err(errors::API_INPUT_VALIDATION_ERROR),
        },
    }
}

fn reference(r: &Row) -> Option<i64> {
    cell(r, "Id")
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|n| *n < 0)
}

/// The row's parent, a negative reference resolved to the id it was given; the row then
/// carries the real id, as the service's result file does.
fn parent(r: &mut Row, refs: &HashMap<i64, i64>) -> Option<i64> {
    let v = cell(r, "Parent Id")?.parse::<i64>().ok()?;
    let id = if v < 0 { refs.get(&v).copied()? } else { v };
    r.insert("Parent Id".into(), id.to_string());
    Some(id)
}

fn deleting(r: &Row) -> bool {
    cell(r, "Status") == Some("Deleted")
}

fn added(r: &mut Row, refs: &mut HashMap<i64, i64>, id: i64) {
    if let Some(reference) = reference(r) {
        refs.insert(reference, id);
    }
    r.insert("Id".into(), id.to_string());
}

fn campaign(
    data: &mut DataStore,
    account: i64,
    r: &mut Row,
    refs: &mut HashMap<i64, i64>,
) -> Result<Option<()>, ErrorCode> {
    let budget = match cell(r, "Budget") {
        None => None,
        Some(v) => Some(
            v.parse::<f64>()
                .ok()
                .filter(|b| b.is_finite() && *b > 0.0)
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_DAILY_BUDGET)?,
        ),
    };
    let status = cell(r, "Status").map(CampaignStatus::from_wire);
    match id_of(r)? {
        Some(id) => {
            let stored = data
                .campaigns
                .get_mut(&id)
                .filter(|c| c.parent == account)
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID)?;
            if deleting(r) {
                data.remove_campaign(id);
                return Ok(Some(()));
            }
            if let Some(name) = cell(r, "Campaign") {
                stored.value.name = Nillable::Value(name.to_string());
            }
            if let Some(b) = budget {
                stored.value.daily_budget = Nillable::Value(b);
            }
            if let Some(s) = status {
                stored.value.status = Nillable::Value(s);
            }
            Ok(Some(()))
        }
        None => {
            let name = cell(r, "Campaign")
                .filter(|n| n.chars().count() <= 128)
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_NAME)?
                .to_string();
            let budget = budget.ok_or(errors::CAMPAIGN_SERVICE_INVALID_DAILY_BUDGET)?;
            if data.campaigns.values().any(|c| {
                c.parent == account
                    && c.value
                        .name
                        .value()
                        .is_some_and(|n| n.eq_ignore_ascii_case(&name))
            }) {
                return Err(errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_CAMPAIGN);
            }
            let id = data.alloc_id().ok_or(errors::INTERNAL_ERROR)?;
            let campaign = Campaign {
                id: Nillable::Value(id),
                name: Nillable::Value(name),
                daily_budget: Nillable::Value(budget),
                budget_type: Nillable::Value(cell(r, "Budget Type").map_or(
                    BudgetLimitType::DailyBudgetStandard,
                    BudgetLimitType::from_wire,
                )),
                time_zone: Nillable::Value(
                    cell(r, "Time Zone")
                        .unwrap_or("EasternTimeUSCanada")
                        .to_string(),
                ),
                status: Nillable::Value(status.unwrap_or(CampaignStatus::Active)),
                campaign_type: Nillable::Value(Flags::from([CampaignType::Search])),
                ..Default::default()
            };
            data.campaigns.insert(
                id,
                Owned {
                    parent: account,
                    value: campaign,
                },
            );
            added(r, refs, id);
            Ok(Some(()))
        }
    }
}

fn ad_group(
    data: &mut DataStore,
    account: i64,
    r: &mut Row,
    refs: &mut HashMap<i64, i64>,
) -> Result<Option<()>, ErrorCode> {
    let cpc = bid(r)?;
    let status = cell(r, "Status").map(AdGroupStatus::from_wire);
    match id_of(r)? {
        Some(id) => {
            let owner = data.ad_group_account(id);
            if owner != Some(account) {
                return Err(errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID);
            }
            if deleting(r) {
                data.remove_ad_group(id);
                return Ok(Some(()));
            }
            let stored = data
                .ad_groups
                .get_mut(&id)
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID)?;
            if let Some(name) = cell(r, "Ad Group") {
                stored.value.name = Nillable::Value(name.to_string());
            }
            if let Some(b) = cpc {
                stored.value.cpc_bid = Nillable::Value(b);
            }
            if let Some(s) = status {
                stored.value.status = Nillable::Value(s);
            }
            Ok(Some(()))
        }
        None => {
            let campaign = parent(r, refs)
                .filter(|c| data.campaigns.get(c).is_some_and(|c| c.parent == account))
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID)?;
            let name = cell(r, "Ad Group")
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_NAME)?
                .to_string();
            if data.ad_groups.values().any(|g| {
                g.parent == campaign
                    && g.value
                        .name
                        .value()
                        .is_some_and(|n| n.eq_ignore_ascii_case(&name))
            }) {
                return Err(errors::CAMPAIGN_SERVICE_CANNOT_CREATE_DUPLICATE_AD_GROUP);
            }
            let id = data.alloc_id().ok_or(errors::INTERNAL_ERROR)?;
            let group = AdGroup {
                id: Nillable::Value(id),
                name: Nillable::Value(name),
                cpc_bid: cpc.map_or(Nillable::Absent, Nillable::Value),
                status: Nillable::Value(status.unwrap_or(AdGroupStatus::Active)),
                ..Default::default()
            };
            data.ad_groups.insert(
                id,
                Owned {
                    parent: campaign,
                    value: group,
                },
            );
            added(r, refs, id);
            Ok(Some(()))
        }
    }
}

fn keyword(
    data: &mut DataStore,
    account: i64,
    r: &mut Row,
    refs: &mut HashMap<i64, i64>,
) -> Result<Option<()>, ErrorCode> {
    let amount = bid(r)?;
    let status = cell(r, "Status").map(KeywordStatus::from_wire);
    match id_of(r)? {
        Some(id) => {
            let group = data
                .keywords
                .get(&id)
                .map(|k| k.parent)
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID)?;
            if data.ad_group_account(group) != Some(account) {
                return Err(errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID);
            }
            if deleting(r) {
                data.keywords.remove(&id);
                return Ok(Some(()));
            }
            let stored = data
                .keywords
                .get_mut(&id)
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_ID)?;
            if let Some(text) = cell(r, "Keyword") {
                if stored.value.text.value().is_some_and(|t| t != text) {
                    return Err(errors::CAMPAIGN_SERVICE_CANNOT_CHANGE_TEXT_ON_UPDATE);
                }
            }
            if let Some(b) = amount {
                stored.value.bid = Nillable::Value(b);
            }
            if let Some(s) = status {
                stored.value.status = Nillable::Value(s);
            }
            Ok(Some(()))
        }
        None => {
            let group = parent(r, refs)
                .filter(|g| data.ad_group_account(*g) == Some(account))
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_AD_GROUP_ID)?;
            let text = cell(r, "Keyword")
                .map(str::trim)
                .filter(|t| !t.is_empty() && t.chars().count() <= 100)
                .ok_or(errors::CAMPAIGN_SERVICE_INVALID_KEYWORD_TEXT)?
                .to_string();
            let match_type = cell(r, "Match Type")
                .map(MatchType::from_wire)
                .filter(|m| !matches!(m, MatchType::UnknownValue(_)))
                .ok_or(errors::API_INPUT_VALIDATION_ERROR)?;
            if data.keywords.values().any(|k| {
                k.parent == group
                    && k.value.match_type.value() == Some(&match_type)
                    && k.value
                        .text
                        .value()
                        .is_some_and(|t| t.eq_ignore_ascii_case(&text))
            }) {
                return Err(
                    errors::CAMPAIGN_SERVICE_KEYWORD_AND_MATCH_TYPE_COMBINATION_ALREADY_EXISTS,
                );
            }
            let id = data.alloc_id().ok_or(errors::INTERNAL_ERROR)?;
            let keyword = Keyword {
                id: Nillable::Value(id),
                text: Nillable::Value(text),
                match_type: Nillable::Value(match_type),
                bid: amount.map_or(Nillable::Absent, Nillable::Value),
                status: Nillable::Value(status.unwrap_or(KeywordStatus::Active)),
                editorial_status: Nillable::Value(KeywordEditorialStatus::Active),
                ..Default::default()
            };
            data.keywords.insert(
                id,
                Owned {
                    parent: group,
                    value: keyword,
                },
            );
            added(r, refs, id);
            Ok(Some(()))
        }
    }
}
