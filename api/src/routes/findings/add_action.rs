//! `POST /findings/{fid}/actions`.

use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use domain::transaction::BeginWrite as _;
use domain::{
    findings::{self, NewAction},
    values::Email,
};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::findings::{ActionResponse, readable_finding},
    state::ApiState,
};

/// A corrective action to add.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateActionRequest {
    /// What must be done.
    pub description: String,
    /// `YYYY-MM-DD`; absent: by severity (priority 90 days, major 180, minor 270).
    #[schema(value_type = Option<String>, format = Date)]
    pub due_date: Option<String>,
    /// Who owns it.
    pub owner_email: Option<String>,
}

/// Adds a corrective action (advisors, officers, admins).
#[utoipa::path(
    tag = "findings",
    security(("bearer" = [])),
    request_body = CreateActionRequest,
    params(("fid" = Uuid, Path, description = "Finding id")),
    responses((status = 201, body = ActionResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[post("/actions")]
pub async fn add_action(
    state: web::Data<ApiState>,
    caller: Authenticated,
    fid: web::Path<Uuid>,
    body: JsonBody<CreateActionRequest>,
) -> ApiResult<HttpResponse> {
    let (found, access) = readable_finding(&state.db, &caller.0, fid.into_inner()).await?;
    caller.0.reviewer(access)?;
    let body = body.0;
    let description = body.description.trim().to_string();
    if description.is_empty() {
        return Err(ApiError::invalid_field("description", "is required"));
    }
    let due_date = match body.due_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(
            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map_err(|_| ApiError::invalid_field("due_date", "must be a date as YYYY-MM-DD"))?,
        ),
    };
    let owner_email = match body.owner_email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(
            Email::parse(raw)
                .map_err(|m| ApiError::invalid_field("owner_email", m))?
                .to_string(),
        ),
    };
    let txn = state.db.begin_write().await?;
    let created = findings::add_action(
        &txn,
        found,
        Some(caller.0.user_id),
        NewAction {
            description,
            due_date,
            owner_email,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ActionResponse::from(created)))
}
