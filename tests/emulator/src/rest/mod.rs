//! The REST front: the routes of the official REST API (method and path per operation,
//! under the same host as every other endpoint of the emulator), JSON bodies, and the
//! credentials in HTTP headers as the official REST client sends them:
//! `Authorization: Bearer <access token>` (or the legacy `UserName`/`Password` pair),
//! `DeveloperToken`, `CustomerId` and `CustomerAccountId`. A request is recorded and handed
//! to [`crate::exchange`] with those headers under their SOAP header names, so
//! authentication is the same code for both wires.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use bingads_gen::soap::{OperationMeta, ServiceMeta};

use crate::api::Wire;
use crate::exchange::{self, header_list, text_response};
use crate::inject::Injection;
use crate::server::ConnContext;
use crate::state::{RecordedRequest, Shared};

pub(crate) mod routes;

/// The credential headers, named as both wires' bindings name them.
const PLAIN_HEADERS: [&str; 5] = [
    "DeveloperToken",
    "CustomerId",
    "CustomerAccountId",
    "UserName",
    "Password",
];

/// The routes that share one path, one per method.
pub(crate) type PathRoutes = Arc<
    [(
        axum::http::Method,
        &'static ServiceMeta,
        &'static OperationMeta,
    )],
>;

/// Entry point for every request to a REST path.
pub(crate) async fn handle(shared: Arc<Shared>, routes: PathRoutes, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Some(&(_, service, op)) = routes.iter().find(|(m, _, _)| *m == parts.method) else {
        let allow: Vec<&str> = routes.iter().map(|(m, _, _)| m.as_str()).collect();
        let mut resp = text_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "This REST path does not accept this method.\n",
        );
        if let Ok(v) = HeaderValue::from_str(&allow.join(", ")) {
            resp.headers_mut().insert(header::ALLOW, v);
        }
        return resp;
    };
    let conn = parts.extensions.get::<ConnContext>().cloned();
    let bytes = match axum::body::to_bytes(Body::new(body), shared.config.max_body_bytes).await {
        Ok(b) => b,
        Err(_) => {
            return text_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is too large.\n",
            );
        }
    };
    let content_type_ok = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    let injection = if content_type_ok {
        shared.take_injection(op.name)
    } else {
        None
    };
    let headers = credential_headers(&parts.headers);
    shared.record(RecordedRequest {
        wire: "rest".into(),
        service: service.name.to_string(),
        operation: op.name.to_string(),
        method: parts.method.to_string(),
        soap_action: String::new(),
        path: parts.uri.path().to_string(),
        http_headers: header_list(&parts.headers),
        soap_headers: headers.clone(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        injected: injection.as_ref().map(Injection::label),
        connection_id: conn.as_ref().map_or(0, |c| c.id),
    });
    if !content_type_ok {
        return text_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "The request body must be JSON with 'Content-Type: application/json'.\n",
        );
    }
    exchange::answer(
        &shared,
        service,
        op,
        Wire::Rest { headers },
        injection,
        conn,
        &bytes,
    )
    .await
}

/// The credential headers under their SOAP header names: `Authorization: Bearer T` becomes
/// `AuthenticationToken` = `T` (another scheme is not a token and is left out), the others
/// keep their names. Values that are not visible ASCII are left out.
pub(crate) fn credential_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
    {
        out.push(("AuthenticationToken".to_string(), token.to_string()));
    }
    for name in PLAIN_HEADERS {
        if let Some(v) = headers.get(name).and_then(|v| v.to_str().ok()) {
            out.push((name.to_string(), v.to_string()));
        }
    }
    out
}
