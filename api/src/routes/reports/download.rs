//! `GET /reports/{rid}/pdf`.

use actix_web::{HttpResponse, get, web};
use domain::reports::status;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::reports::readable_report,
    state::ApiState,
};

/// The report's PDF once ready (409 while queued or after a failure).
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("rid" = Uuid, Path, description = "Report id")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = Problem), (status = 409, body = Problem))
)]
#[get("/pdf")]
pub async fn download_report(
    state: web::Data<ApiState>,
    caller: Authenticated,
    rid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = readable_report(&state.db, &caller.0, rid.into_inner()).await?;
    let key = match (row.status.as_str(), &row.storage_key) {
        (status::READY, Some(key)) => key,
        (status::FAILED, _) => return Err(ApiError::Conflict("the report could not be rendered".into())),
        _ => return Err(ApiError::Conflict("the report is not ready yet".into())),
    };
    let bytes = state.files.get(key).await.map_err(ApiError::Internal)?;
    let filename = format!(
        "fairhire-report-{}-{}.pdf",
        row.created_at.format("%Y-%m-%d"),
        row.locale
    );
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}
