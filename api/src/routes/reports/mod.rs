//! Advisory reports (api-contract.md, "Reports"): request one, read its state,
//! download the PDF, list an assessment's reports. Company members only; anyone
//! else is told the report does not exist.

pub mod download;
pub mod get;
pub mod list;
pub mod request;

use chrono::{DateTime, Utc};
use domain::database::Connection;
use domain::{access::Caller, entities::report};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;

/// A report as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportResponse {
    /// Report id.
    pub id: Uuid,
    /// The assessment reported on.
    pub assessment_id: Uuid,
    /// `queued`, `ready` or `failed`.
    pub status: String,
    /// `en`, `es` or `fr`.
    pub locale: String,
    /// When it was requested.
    pub created_at: DateTime<Utc>,
    /// When the PDF became available.
    pub ready_at: Option<DateTime<Utc>>,
}

impl From<report::Model> for ReportResponse {
    fn from(r: report::Model) -> Self {
        Self {
            id: r.id,
            assessment_id: r.assessment_id,
            status: r.status,
            locale: r.locale,
            created_at: r.created_at,
            ready_at: r.ready_at,
        }
    }
}

/// The report `id` if the caller is a member of its company (else 404); the
/// domain's rule, shared with the portal.
pub async fn readable_report<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<report::Model, ApiError> {
    Ok(domain::access::readable::report(db, caller, id).await?)
}
