//! Who is calling: the developer token, the user's credentials (OAuth access token or the
//! legacy user name and password) and, for Campaign Management, the customer and account
//! headers. Both wires hand over their headers under the SOAP header names.

use super::{Auth, Call, Fault};
use crate::errors;
use crate::oauth::TokenProblem;
use crate::state::lock;
use crate::util::constant_time_eq;
use bingads_gen::soap::OperationMeta;

/// Header value by name, if the binding declares the header and it is not empty.
fn header<'h>(op: &OperationMeta, headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    if !op.has_input_header(name) {
        return None;
    }
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// Checks the developer token, the user credentials and (with `account_scope`) the
/// customer/account headers.
pub(super) fn authenticate(
    call: &Call<'_>,
    headers: &[(String, String)],
    account_scope: bool,
) -> Result<Auth, Fault> {
    let op = call.op;
    let shared = call.shared;
    if op.has_input_header("DeveloperToken") {
        match header(op, headers, "DeveloperToken") {
            None => return Err(Fault::ad_api(errors::REQUEST_MISSING_HEADERS)),
            Some(t) if !constant_time_eq(t, &shared.config.developer_token) => {
                return Err(Fault::ad_api(errors::INVALID_CREDENTIALS));
            }
            Some(_) => {}
        }
    }
    let user = &shared.directory.user;
    let user_id = if let Some(token) = header(op, headers, "AuthenticationToken") {
        let token = token.strip_prefix("Bearer ").unwrap_or(token);
        match lock(&shared.oauth).check_access(token) {
            Ok(id) => id,
            Err(TokenProblem::Expired) => {
                return Err(Fault::ad_api(errors::AUTHENTICATION_TOKEN_EXPIRED));
            }
            Err(TokenProblem::Unknown) => return Err(Fault::ad_api(errors::INVALID_CREDENTIALS)),
        }
    } else {
        match (
            header(op, headers, "UserName"),
            header(op, headers, "Password"),
        ) {
            (Some(name), Some(password)) => {
                if name.eq_ignore_ascii_case(&user.user_name)
                    && constant_time_eq(password, &user.password)
                {
                    user.id
                } else {
                    return Err(Fault::ad_api(errors::INVALID_CREDENTIALS));
                }
            }
            _ => return Err(Fault::ad_api(errors::REQUEST_MISSING_HEADERS)),
        }
    };
    if user_id != user.id {
        return Err(Fault::ad_api(errors::INVALID_CREDENTIALS));
    }

    let mut auth = Auth {
        user_id,
        account_id: None,
        customer_id: None,
    };
    if !account_scope {
        return Ok(auth);
    }
    let account = match header(op, headers, "CustomerAccountId") {
        None => {
            return Err(Fault::op(
                errors::CAMPAIGN_SERVICE_ACCOUNT_ID_HAS_TO_BE_SPECIFIED,
            ));
        }
        Some(v) => match v.parse::<i64>() {
            Err(_) => {
                return Err(Fault::op_details(
                    errors::CAMPAIGN_SERVICE_INVALID_ACCOUNT_ID,
                    v,
                ));
            }
            Ok(id) => match shared.directory.account(id) {
                Some(a) => a,
                None => return Err(Fault::ad_api(errors::USER_IS_NOT_AUTHORIZED)),
            },
        },
    };
    auth.account_id = Some(account.id);
    if let Some(v) = header(op, headers, "CustomerId") {
        match v.parse::<i64>() {
            Err(_) => {
                return Err(Fault::op_details(
                    errors::CAMPAIGN_SERVICE_INVALID_CUSTOMER_ID,
                    v,
                ));
            }
            Ok(id) if id != account.customer_id || id != user.customer_id => {
                return Err(Fault::ad_api(errors::USER_IS_NOT_AUTHORIZED));
            }
            Ok(id) => auth.customer_id = Some(id),
        }
    }
    Ok(auth)
}
