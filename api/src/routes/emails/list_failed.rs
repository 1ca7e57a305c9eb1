//! `GET /companies/{cid}/emails?status=failed`: emails that could not be
//! delivered, so an admin can fix an address or the mail relay.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use domain::{email::status, entities::outbound_email, notifications, values::Role};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    state::ApiState,
};

/// Which emails.
#[derive(Debug, Deserialize, IntoParams)]
pub struct EmailQuery {
    /// `failed` (the default), `queued` or `sent`.
    pub status: Option<String>,
}

/// One email.
#[derive(Debug, Serialize, ToSchema)]
pub struct EmailResponse {
    /// Its id (also in its Message-ID).
    pub id: Uuid,
    /// The message, e.g. `assessment_reminder`.
    pub template: String,
    /// The recipient.
    pub to: String,
    /// `queued`, `sent` or `failed`.
    pub status: String,
    /// Why it failed (the SMTP server's answer, addresses masked).
    pub last_error: Option<String>,
    /// When it was queued.
    pub created_at: DateTime<Utc>,
    /// When it was handed to the mail server.
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<outbound_email::Model> for EmailResponse {
    fn from(row: outbound_email::Model) -> Self {
        Self {
            id: row.id,
            template: row.template,
            to: row.to_address,
            status: row.status,
            last_error: row.last_error,
            created_at: row.created_at,
            sent_at: row.sent_at,
        }
    }
}

/// The company's emails in a status, newest first (admins only).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), EmailQuery, PageQuery),
    responses(
        (status = 200, body = Paginated<EmailResponse>),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/emails")]
pub async fn list_emails(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    query: web::Query<EmailQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    // Recipients and server errors are the admins' business, not the officers'.
    if caller.0.company_role(cid)? != Role::Admin {
        return Err(ApiError::Forbidden(
            "only admins may see the company's emails".into(),
        ));
    }
    let page = page.into_inner().checked()?;
    let wanted = query
        .into_inner()
        .status
        .unwrap_or_else(|| status::FAILED.to_string());
    if ![status::QUEUED, status::SENT, status::FAILED].contains(&wanted.as_str()) {
        return Err(ApiError::invalid_field(
            "status",
            "must be failed, queued or sent",
        ));
    }
    let (rows, total) =
        notifications::list_emails(&state.db, cid, &wanted, page.offset(), page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        rows.into_iter().map(EmailResponse::from).collect(),
        total,
        page,
    )))
}
