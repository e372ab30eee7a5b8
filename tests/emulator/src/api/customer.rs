//! Customer Management operations over the seeded directory (one user, one customer, two
//! accounts).

use bingads_gen::Nillable;
use bingads_gen::types::DateTime;
use bingads_gen::v13::customer_management::{
    AccountLifeCycleStatus, AdvertiserAccount, ContactInfo, CurrencyCode, Customer,
    CustomerFinancialStatus, CustomerLifeCycleStatus, CustomerRole, GetAccountRequest,
    GetAccountResponse, GetCurrentUserRequest, GetCurrentUserResponse, GetCustomerRequest,
    GetCustomerResponse, GetUserRequest, GetUserResponse, LCID, LanguageType, OrderByField,
    PaymentMethodType, PersonName, PredicateOperator, SearchAccountsRequest,
    SearchAccountsResponse, ServiceLevel, SortOrder, TimeZoneType, User, UserLifeCycleStatus,
};

use super::{Auth, Call, Fault};
use crate::errors;
use crate::state::{AccountRecord, Directory};

/// The role id of a super admin.
const SUPER_ADMIN_ROLE: i32 = 41;
/// Largest `PageInfo.Size`.
const MAX_PAGE_SIZE: i32 = 1000;

fn modified() -> Nillable<DateTime> {
    Nillable::Value(DateTime::utc(2026, 1, 1, 0, 0, 0))
}

fn user(d: &Directory) -> User {
    let u = &d.user;
    User {
        contact_info: Nillable::Value(ContactInfo {
            email: Nillable::Value(u.email.clone()),
            ..Default::default()
        }),
        customer_id: Nillable::Value(u.customer_id),
        id: Nillable::Value(u.id),
        job_title: Nillable::Nil,
        last_modified_by_user_id: Nillable::Value(u.id),
        last_modified_time: modified(),
        lcid: Nillable::Value(LCID::EnglishUs),
        name: Nillable::Value(PersonName {
            first_name: Nillable::Value(u.first_name.clone()),
            last_name: Nillable::Value(u.last_name.clone()),
            middle_initial: Nillable::Nil,
        }),
        password: Nillable::Nil,
        secret_answer: Nillable::Nil,
        user_life_cycle_status: Nillable::Value(UserLifeCycleStatus::Active),
        time_stamp: Nillable::Value(vec![0, 0, 0, 0, 0, 0, 0, 1]),
        user_name: Nillable::Value(u.user_name.clone()),
        ..Default::default()
    }
}

fn roles(d: &Directory) -> Vec<Option<CustomerRole>> {
    vec![Some(CustomerRole {
        role_id: Some(SUPER_ADMIN_ROLE),
        customer_id: Some(d.customer.id),
        account_ids: Nillable::Value(d.accounts.iter().map(|a| a.id).collect()),
        linked_account_ids: Nillable::Nil,
        customer_link_permission: Nillable::Nil,
    })]
}

fn account(d: &Directory, a: &AccountRecord) -> AdvertiserAccount {
    AdvertiserAccount {
        bill_to_customer_id: Nillable::Value(a.customer_id),
        currency_code: Nillable::Value(CurrencyCode::Usd),
        account_financial_status: Nillable::Value(
            bingads_gen::v13::customer_management::AccountFinancialStatus::ClearFinancialStatus,
        ),
        id: Nillable::Value(a.id),
        language: Nillable::Value(LanguageType::English),
        last_modified_by_user_id: Nillable::Value(d.user.id),
        last_modified_time: modified(),
        name: Nillable::Value(a.name.clone()),
        number: Nillable::Value(a.number.clone()),
        parent_customer_id: Some(a.customer_id),
        payment_method_id: Nillable::Nil,
        payment_method_type: Nillable::Value(PaymentMethodType::Invoice),
        primary_user_id: Nillable::Value(d.user.id),
        account_life_cycle_status: Nillable::Value(AccountLifeCycleStatus::Active),
        time_stamp: Nillable::Value(vec![0, 0, 0, 0, 0, 0, 0, 1]),
        time_zone: Nillable::Value(TimeZoneType::PacificTimeUsCanadaTijuana),
        pause_reason: Nillable::Nil,
        ..Default::default()
    }
}

pub(super) fn get_user(
    call: &Call<'_>,
    auth: &Auth,
    req: GetUserRequest,
) -> Result<GetUserResponse, Fault> {
    let d = &call.shared.directory;
    match req.user_id {
        Nillable::Value(id) if id != auth.user_id => {
            Err(Fault::op(errors::CUSTOMER_USER_NOT_AUTHORIZED))
        }
        _ => Ok(GetUserResponse {
            user: Nillable::Value(user(d)),
            customer_roles: Nillable::Value(roles(d)),
        }),
    }
}

pub(super) fn get_current_user(
    call: &Call<'_>,
    _auth: &Auth,
    _req: GetCurrentUserRequest,
) -> Result<GetCurrentUserResponse, Fault> {
    Ok(GetCurrentUserResponse {
        user: Nillable::Value(user(&call.shared.directory)),
    })
}

pub(super) fn get_customer(
    call: &Call<'_>,
    _auth: &Auth,
    req: GetCustomerRequest,
) -> Result<GetCustomerResponse, Fault> {
    let d = &call.shared.directory;
    if req.customer_id != Some(d.customer.id) {
        return Err(Fault::op(errors::CUSTOMER_USER_NOT_AUTHORIZED));
    }
    let c = &d.customer;
    Ok(GetCustomerResponse {
        customer: Nillable::Value(Customer {
            customer_financial_status: Nillable::Value(
                CustomerFinancialStatus::ClearFinancialStatus,
            ),
            id: Nillable::Value(c.id),
            last_modified_by_user_id: Nillable::Value(d.user.id),
            last_modified_time: modified(),
            market_country: Nillable::Value("US".into()),
            market_language: Nillable::Value(LanguageType::English),
            name: Nillable::Value(c.name.clone()),
            service_level: Nillable::Value(ServiceLevel::SelfServe),
            customer_life_cycle_status: Nillable::Value(CustomerLifeCycleStatus::Active),
            time_stamp: Nillable::Value(vec![0, 0, 0, 0, 0, 0, 0, 1]),
            number: Nillable::Value(c.number.clone()),
            ..Default::default()
        }),
    })
}

pub(super) fn get_account(
    call: &Call<'_>,
    _auth: &Auth,
    req: GetAccountRequest,
) -> Result<GetAccountResponse, Fault> {
    let d = &call.shared.directory;
    let Some(a) = req.account_id.and_then(|id| d.account(id)) else {
        return Err(Fault::op(errors::CUSTOMER_INVALID_ACCOUNT_ID));
    };
    Ok(GetAccountResponse {
        account: Nillable::Value(account(d, a)),
    })
}

/// Whether `text` satisfies `operator value` (case-insensitive for text).
fn text_matches(text: &str, operator: &PredicateOperator, value: &str) -> Option<bool> {
    let (t, v) = (text.to_lowercase(), value.to_lowercase());
    Some(match operator {
        PredicateOperator::Equals => t == v,
        PredicateOperator::NotEquals => t != v,
        PredicateOperator::Contains => t.contains(&v),
        PredicateOperator::NotContains => !t.contains(&v),
        PredicateOperator::StartsWith => t.starts_with(&v),
        PredicateOperator::In => v.split(',').any(|x| x.trim() == t),
        _ => return None,
    })
}

/// Whether the id satisfies `operator value`.
fn id_matches(id: i64, operator: &PredicateOperator, value: &str) -> Option<bool> {
    let parse = |s: &str| s.trim().parse::<i64>().ok();
    Some(match operator {
        PredicateOperator::Equals => id == parse(value)?,
        PredicateOperator::NotEquals => id != parse(value)?,
        PredicateOperator::In => {
            let ids = value.split(',').map(parse).collect::<Option<Vec<i64>>>()?;
            ids.contains(&id)
        }
        _ => return None,
    })
}

pub(super) fn search_accounts(
    call: &Call<'_>,
    auth: &Auth,
    req: SearchAccountsRequest,
) -> Result<SearchAccountsResponse, Fault> {
    let d = &call.shared.directory;
    let predicates: Vec<_> = req
        .predicates
        .into_value()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    if predicates.is_empty() {
        return Err(Fault::op(errors::CUSTOMER_REQUIRED_PREDICATE_MISSING));
    }
    let page = match req.page_info {
        Nillable::Value(p) => p,
        _ => return Err(Fault::op(errors::CUSTOMER_INVALID_PAGE_INFO)),
    };
    let (index, size) = (page.index.unwrap_or(0), page.size.unwrap_or(0));
    if index < 0 || !(1..=MAX_PAGE_SIZE).contains(&size) {
        return Err(Fault::op(errors::CUSTOMER_INVALID_PAGE_INFO));
    }

    let mut accounts: Vec<&AccountRecord> = d.accounts.iter().collect();
    for p in &predicates {
        let field = p.field.value().map(String::as_str).unwrap_or_default();
        let value = p.value.value().map(String::as_str).unwrap_or_default();
        let Some(op) = p.operator.as_ref() else {
            return Err(Fault::op_details(
                errors::CUSTOMER_INVALID_PREDICATE,
                field.to_string(),
            ));
        };
        let mut keep = Vec::with_capacity(accounts.len());
        for a in accounts {
            let matched = match field {
                "UserId" => id_matches(auth.user_id, op, value),
                "CustomerId" => id_matches(a.customer_id, op, value),
                "AccountId" => id_matches(a.id, op, value),
                "AccountName" => text_matches(&a.name, op, value),
                "AccountNumber" => text_matches(&a.number, op, value),
                "AccountLifeCycleStatus" => text_matches("Active", op, value),
                _ => None,
            };
            match matched {
                Some(true) => keep.push(a),
                Some(false) => {}
                None => {
                    return Err(Fault::op_details(
                        errors::CUSTOMER_INVALID_PREDICATE,
                        format!("{field} {} {value}", op.as_str()),
                    ));
                }
            }
        }
        accounts = keep;
    }

    if let Some(order) = req
        .ordering
        .into_value()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .next()
    {
        match order.field {
            Some(OrderByField::Id) => accounts.sort_by_key(|a| a.id),
            Some(OrderByField::Name) => accounts.sort_by(|a, b| a.name.cmp(&b.name)),
            Some(OrderByField::Number) => accounts.sort_by(|a, b| a.number.cmp(&b.number)),
            _ => {}
        }
        if order.order == Some(SortOrder::Descending) {
            accounts.reverse();
        }
    }

    // Both are positive here; a page past the end is simply empty.
    let start = usize::try_from(index)
        .unwrap_or(usize::MAX)
        .saturating_mul(usize::try_from(size).unwrap_or(0));
    let page: Vec<Option<AdvertiserAccount>> = accounts
        .into_iter()
        .skip(start)
        .take(usize::try_from(size).unwrap_or(0))
        .map(|a| Some(account(d, a)))
        .collect();
    Ok(SearchAccountsResponse {
        accounts: Nillable::Value(page),
    })
}
