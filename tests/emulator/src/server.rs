//! The HTTP server: an axum router served by hyper over the emulator's own accept loop.
//! One host serves the OAuth endpoints, every service's SOAP endpoint (at its production
//! path) and every REST route (the REST paths of all services are distinct).
//!
//! The accept loop is ours (not `axum::serve`) for two reasons: it counts accepted TCP
//! connections ([`crate::Emulator::connections_accepted`]), and it gives each request a
//! handle on its connection, so [`crate::Injection::DropConnection`] can close the socket
//! without writing a response.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use bingads_gen::soap::ServiceMeta;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::oauth;
use crate::rest;
use crate::soap;
use crate::state::Shared;

/// Most connections served at once; further clients wait in the listen backlog.
const MAX_CONNECTIONS: usize = 1024;
/// How long a shutdown waits for in-flight requests.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// What a request knows about the connection that carries it.
#[derive(Debug, Clone)]
pub(crate) struct ConnContext {
    /// Numbered from 1 in accept order.
    pub id: u64,
    /// Notified to close the connection at once, without a response.
    pub kill: Arc<Notify>,
}

/// The path part of a service's production endpoint.
pub(crate) fn service_path(service: &ServiceMeta) -> String {
    let endpoint = service
        .endpoint("production")
        .or_else(|| service.endpoints.first().map(|(_, u)| *u));
    endpoint
        .and_then(|e| url::Url::parse(e).ok())
        .map(|u| u.path().to_string())
        .unwrap_or_else(|| format!("/Api/{}/{}.svc", service.version, service.name))
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let mut router = Router::new()
        .route(
            "/{tenant}/oauth2/v2.0/authorize",
            get(oauth::authorize_get).post(oauth::authorize_post),
        )
        .route("/{tenant}/oauth2/v2.0/token", post(oauth::token_endpoint))
        .route(
            "/bulk/files/{token}/{name}",
            get(crate::bulk::http::result_file),
        )
        .route("/bulk/upload/{request_id}", post(crate::bulk::http::upload))
        .route("/ReportDownloads/{file}", get(crate::reports::download));
    for service in bingads_gen::v13::services() {
        let path = service_path(service);
        router = router.route(
            &path,
            any(move |State(shared): State<Arc<Shared>>, request: Request| {
                soap::handle(shared, service, request)
            }),
        );
    }
    router = rest_routes(router);
    router.fallback(not_found).with_state(shared)
}

/// One route per REST path; the handler picks the operation by method (several operations
/// share a path, e.g. `POST`, `PUT` and `DELETE` on `/CampaignManagement/v13/Campaigns`).
fn rest_routes(mut router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    let mut by_path: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for route in rest::routes::all() {
        by_path
            .entry(route.path)
            .or_default()
            .push((route.method, route.service, route.op));
    }
    for (path, entries) in by_path {
        let entries: rest::PathRoutes = entries.into();
        router = router.route(
            path,
            any(move |State(shared): State<Arc<Shared>>, request: Request| {
                rest::handle(shared, entries.clone(), request)
            }),
        );
    }
    router
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [("content-type", "text/plain; charset=utf-8")],
        "Not found\n",
    )
        .into_response()
}

/// Accepts connections until `shutdown` turns true, then lets open connections finish their
/// current request (bounded by [`SHUTDOWN_GRACE`]).
pub(crate) async fn accept_loop(
    listener: TcpListener,
    app: Router,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    loop {
        if *shutdown.borrow() {
            break;
        }
        tokio::select! {
            accepted = listener.accept(), if connections.len() < MAX_CONNECTIONS => match accepted {
                Ok((stream, _peer)) => {
                    let id = shared.connection_accepted();
                    connections.spawn(serve_connection(stream, id, app.clone(), shutdown.clone()));
                }
                Err(e) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            changed = shutdown.changed() => {
                if changed.is_err() {
                    break;
                }
            }
        }
    }
    drop(listener);
    let drain = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(SHUTDOWN_GRACE, drain).await.is_err() {
        connections.abort_all();
        while connections.join_next().await.is_some() {}
    }
}

async fn serve_connection(
    stream: TcpStream,
    id: u64,
    app: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let kill = Arc::new(Notify::new());
    let ctx = ConnContext {
        id,
        kill: kill.clone(),
    };
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ctx.clone());
        app.clone().oneshot(request)
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    let mut draining = *shutdown.borrow();
    if draining {
        conn.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(connection = id, error = %e, "connection ended with an error");
                }
                break;
            }
            () = kill.notified() => {
                // Dropping the connection closes the socket; nothing more is written.
                tracing::debug!(connection = id, "dropping connection (injected)");
                break;
            }
            _ = shutdown.changed(), if !draining => {
                draining = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}
