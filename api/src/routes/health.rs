//! Liveness and readiness for orchestrators (outside `/api/v1`, per the contract).

use actix_web::{HttpResponse, get, web};
use sea_orm::ConnectionTrait;

use crate::state::ApiState;

/// `200` while the process runs.
#[utoipa::path(tag = "operations", responses((status = 200, description = "The process is running")))]
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "live"}))
}

/// `200` when the database answers, `503` otherwise.
#[utoipa::path(tag = "operations", responses(
    (status = 200, description = "The database answers"),
    (status = 503, description = "The database does not answer")
))]
#[get("/health/ready")]
pub async fn ready(state: web::Data<ApiState>) -> HttpResponse {
    let ping = tokio_timeout(state.db.execute_unprepared("SELECT 1")).await;
    match ping {
        Some(Ok(_)) => HttpResponse::Ok().json(serde_json::json!({"status": "ready"})),
        _ => HttpResponse::ServiceUnavailable().json(serde_json::json!({"status": "database unavailable"})),
    }
}

async fn tokio_timeout<F: std::future::Future>(future: F) -> Option<F::Output> {
    actix_web::rt::time::timeout(std::time::Duration::from_secs(3), future)
        .await
        .ok()
}
