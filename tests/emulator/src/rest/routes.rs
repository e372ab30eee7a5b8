//! The REST route table: which operation an HTTP method and path name.
//!
//! The routes are facts recorded in `wsdl/v13/rest-json.json` (from the official REST
//! client, with provenance). Until the generator carries them in `OperationMeta`, they are
//! read from that file, embedded at build time, and matched to the generated operation
//! metadata by service and operation name; a route whose operation the generated code does
//! not know is left out rather than guessed.

use axum::http::Method;
use bingads_gen::soap::{OperationMeta, ServiceMeta};

/// The REST facts file of API version 13.
const REST_FACTS: &str = include_str!("../../../../wsdl/v13/rest-json.json");

/// One operation's REST route.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub method: Method,
    /// Absolute path, e.g. `/CampaignManagement/v13/Campaigns/QueryByAccountId`.
    pub path: String,
    pub service: &'static ServiceMeta,
    pub op: &'static OperationMeta,
}

/// Every route of every generated service.
pub(crate) fn all() -> Vec<Route> {
    let Ok(facts) = serde_json::from_str::<serde_json::Value>(REST_FACTS) else {
        tracing::warn!("the embedded REST facts are not JSON; the REST wire has no routes");
        return Vec::new();
    };
    let mut routes = Vec::new();
    for service in bingads_gen::v13::services() {
        let Some(ops) = facts
            .pointer(&format!("/services/{}/operations", service.name))
            .and_then(|v| v.as_object())
        else {
            continue;
        };
        for (name, route) in ops {
            let Some(op) = service.operation(name) else {
                continue;
            };
            let method = route.get("method").and_then(|m| m.as_str());
            let path = route.get("path").and_then(|p| p.as_str());
            let Some(method) = method.and_then(|m| Method::from_bytes(m.as_bytes()).ok()) else {
                continue;
            };
            if let Some(path) = path {
                routes.push(Route {
                    method,
                    path: path.to_string(),
                    service,
                    op,
                });
            }
        }
    }
    routes
}
