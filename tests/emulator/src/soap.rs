//! The SOAP front: a POST to a service's `.svc` path, its operation named by `SOAPAction`,
//! checked for SOAP 1.1's media type, recorded, and handed to [`crate::exchange`].

use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use bingads_gen::soap::{ServiceMeta, write_response_envelope};
use bingads_gen::xml::XmlReader;

use crate::api::Wire;
use crate::exchange::{self, header_list, text_response, xml_response};
use crate::inject::Injection;
use crate::server::ConnContext;
use crate::state::{RecordedRequest, Shared};
use crate::util::guid;

/// Entry point for every request to a service path.
pub(crate) async fn handle(
    shared: Arc<Shared>,
    service: &'static ServiceMeta,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    if parts.method != Method::POST {
        let mut resp = text_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "SOAP endpoints accept POST only.\n",
        );
        resp.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return resp;
    }
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
    let soap_action = parts
        .headers
        .get("soapaction")
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().trim_matches('"').to_string())
        .unwrap_or_default();
    let op = service
        .operations
        .iter()
        .copied()
        .find(|o| !soap_action.is_empty() && o.soap_action == soap_action);
    let content_type_ok = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("text/xml"));
    let injection = match (op, content_type_ok) {
        (Some(op), true) => shared.take_injection(op.name),
        _ => None,
    };

    shared.record(RecordedRequest {
        wire: "soap".into(),
        service: service.name.to_string(),
        operation: op.map(|o| o.name.to_string()).unwrap_or_default(),
        method: parts.method.to_string(),
        soap_action: soap_action.clone(),
        path: parts.uri.path().to_string(),
        http_headers: header_list(&parts.headers),
        soap_headers: read_soap_headers(&bytes),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        injected: injection.as_ref().map(Injection::label),
        connection_id: conn.as_ref().map_or(0, |c| c.id),
    });

    if !content_type_ok {
        // What WCF's basicHttpBinding answers to anything but SOAP 1.1's media type.
        return text_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Cannot process the message because the content type is not the expected type 'text/xml; charset=utf-8'.\n",
        );
    }
    let Some(op) = op else {
        let message = format!(
            "The message with Action '{soap_action}' cannot be processed at the receiver: {} has no such operation.",
            service.name
        );
        let call_tracking = guid();
        return xml_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            client_fault_document(service, &call_tracking, &message),
        );
    };
    exchange::answer(&shared, service, op, Wire::Soap, injection, conn, &bytes).await
}

/// SOAP header elements of a request, read leniently (for recording); empty when the
/// envelope cannot be read that far.
fn read_soap_headers(body: &[u8]) -> Vec<(String, String)> {
    let mut reader = XmlReader::new(body);
    let mut headers = Vec::new();
    let result = reader.root().and_then(|root| {
        if root != "Envelope" {
            return Ok(());
        }
        reader.read_children(|r, name| {
            if name != b"Header" {
                return Ok(false);
            }
            r.read_children(|r, name| {
                let name = String::from_utf8_lossy(name).into_owned();
                let text = r.read_text()?;
                headers.push((name, text));
                Ok(true)
            })?;
            Ok(true)
        })
    });
    if result.is_err() && headers.is_empty() {
        return Vec::new();
    }
    headers
}

/// A fault for a request whose operation is unknown (no operation metadata to go by).
fn client_fault_document(service: &ServiceMeta, tracking: &str, message: &str) -> String {
    write_response_envelope(&[(service.namespace, "TrackingId", tracking)], |w| {
        w.raw("<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"en-US\">");
        w.text(message);
        w.raw("</faultstring></s:Fault>");
    })
}
