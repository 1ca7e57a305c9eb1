//! One log line per HTTP request, with a request id, the *route pattern* (so an
//! invitation token in a path never reaches the logs), status and duration. The id
//! is returned as `X-Request-Id` so a user can quote it. The same route pattern and
//! status label the HTTP series of `/metrics`.

use std::time::Instant;

use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
};
use tracing::Instrument;
use uuid::Uuid;

/// The middleware; wrap the app with `from_fn(request_log::middleware)`.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let request_id = Uuid::now_v7();
    let route = req.match_pattern().unwrap_or_else(|| "unmatched".to_string());
    let method = req.method().to_string();
    let span = tracing::info_span!("request", %request_id, %method, %route, user_id = tracing::field::Empty);
    let started = Instant::now();
    let result = next.call(req).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let elapsed_ms = elapsed.as_millis();
    let _entered = span.enter();
    match result {
        Ok(mut response) => {
            let status = response.status().as_u16();
            crate::metrics::observe_request(&method, &route, status, elapsed);
            if status >= 500 {
                tracing::error!(status, elapsed_ms, "request failed");
            } else {
                tracing::info!(status, elapsed_ms, "request");
            }
            if let Ok(value) = HeaderValue::from_str(&request_id.to_string()) {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static("x-request-id"), value);
            }
            Ok(response)
        }
        Err(error) => {
            let status = error.as_response_error().status_code().as_u16();
            crate::metrics::observe_request(&method, &route, status, elapsed);
            tracing::error!(%error, elapsed_ms, "request error");
            Err(error)
        }
    }
}
