//! Liveness and readiness for orchestrators (outside `/api/v1`, per the contract).

use actix_web::{HttpResponse, get, web};

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
    if domain::database::ready(&state.db).await {
        HttpResponse::Ok().json(serde_json::json!({"status": "ready"}))
    } else {
        HttpResponse::ServiceUnavailable().json(serde_json::json!({"status": "database unavailable"}))
    }
}
