//! Supplier links (issue #24): each assessment email carries a link that opens
//! that assessment for answering, for 30 days, without an account. The company
//! lists them, revokes one, and emails new ones. A link's token is never shown
//! (only its hash is stored); the link itself opens the portal, never the API.

pub mod list;
pub mod resend;
pub mod revoke;

use chrono::{DateTime, Utc};
use domain::entities::assessment_link;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A supplier link as listed (never the token).
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentLinkResponse {
    /// The link's id, for revoking it (`DELETE /assessment-links/{id}`).
    pub id: Uuid,
    /// The assessment it opens.
    pub assessment_id: Uuid,
    /// The address it was emailed to.
    pub email: String,
    /// The language of the person it was sent to.
    pub locale: String,
    /// `active`, `revoked` or `expired`.
    pub status: String,
    /// Sent.
    pub created_at: DateTime<Utc>,
    /// When it stops opening the assessment (30 days after it was sent).
    pub expires_at: DateTime<Utc>,
    /// When it was revoked.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it was last opened.
    pub last_opened_at: Option<DateTime<Utc>>,
}

impl From<assessment_link::Model> for AssessmentLinkResponse {
    fn from(l: assessment_link::Model) -> Self {
        Self {
            status: domain::supplier_links::link_status(&l).to_string(),
            id: l.id,
            assessment_id: l.assessment_id,
            email: l.email,
            locale: l.locale,
            created_at: l.created_at,
            expires_at: l.expires_at,
            revoked_at: l.revoked_at,
            last_opened_at: l.last_opened_at,
        }
    }
}

/// The links just emailed.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedLinks {
    /// One new link per person emailed.
    pub items: Vec<AssessmentLinkResponse>,
}
