//! For operators and their tools: `/healthz` (the process answers), `/readyz` (and can reach
//! its database: take it out of the load balancer otherwise), `/metrics` (Prometheus), and
//! the middleware that counts every request by its route template.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use newsdesk_model::metrics::METRICS;

use crate::state::AppState;

/// Liveness: the process is up and serving.
pub(crate) async fn healthz() -> Response {
    text(StatusCode::OK, "text/plain; charset=utf-8", "ok\n".to_owned())
}

/// Readiness: the database answers.
pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => text(StatusCode::OK, "application/json", "{\"status\":\"ready\"}\n".to_owned()),
        Err(e) => {
            tracing::warn!(error = %e, "not ready: the database does not answer");
            METRICS.database_errors.inc();
            text(
                StatusCode::SERVICE_UNAVAILABLE,
                "application/json",
                "{\"status\":\"not_ready\",\"reason\":\"the database does not answer\"}\n".to_owned(),
            )
        }
    }
}

/// Everything this process counts, and the queue depths from the database, in the Prometheus
/// text format.
pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    let gauges = match state.store.gauges(chrono::Utc::now()).await {
        Ok(g) => g,
        Err(e) => {
            tracing::warn!(error = %e, "metrics without the database's numbers");
            METRICS.database_errors.inc();
            newsdesk_model::metrics::Gauges::default()
        }
    };
    text(StatusCode::OK, "text/plain; version=0.0.4; charset=utf-8", METRICS.render(&gauges))
}

/// Counts the request under its route template (`/articles/{id}`, never the path asked for,
/// so the number of series stays bounded) with its status and time.
pub(crate) async fn count_requests(request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().cloned();
    let started = Instant::now();
    let response = next.run(request).await;
    let route = route.as_ref().map_or("(no route)", MatchedPath::as_str);
    METRICS.record_request(route, response.status().as_u16(), started.elapsed());
    response
}

fn text(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
