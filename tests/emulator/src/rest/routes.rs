//! The REST route table: which operation an HTTP method and path name, from the generated
//! operation metadata (`OperationMeta::rest`, generated from `wsdl/v13/rest-json.json`).
//! An operation without a route (Ad Insight's `PutMetricData`) is served on SOAP only.

use axum::http::Method;
use bingads_gen::soap::{HttpMethod, OperationMeta, ServiceMeta};

/// One operation's REST route.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub method: Method,
    /// Absolute path, e.g. `/CampaignManagement/v13/Campaigns/QueryByAccountId`.
    pub path: &'static str,
    pub service: &'static ServiceMeta,
    pub op: &'static OperationMeta,
}

/// Every route of every generated service.
pub(crate) fn all() -> Vec<Route> {
    let mut routes = Vec::new();
    for service in bingads_gen::v13::services() {
        for &op in service.operations {
            if let Some(route) = op.rest {
                routes.push(Route {
                    method: method(route.method),
                    path: route.path,
                    service,
                    op,
                });
            }
        }
    }
    routes
}

fn method(m: HttpMethod) -> Method {
    match m {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Delete => Method::DELETE,
    }
}
