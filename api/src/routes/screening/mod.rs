//! Screening hits: a company's suppliers and recruiters whose names resemble a
//! name on a public forced-labour list, and their review.

pub mod decide;
pub mod list;

use chrono::{DateTime, Utc};
use domain::entities::screening_hit;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A hit as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScreeningHitResponse {
    /// Id.
    pub id: Uuid,
    /// `supplier`, `facility` or `recruiter`.
    pub subject_type: String,
    /// The supplier or recruiter.
    pub subject_id: Uuid,
    /// Its name when it was screened.
    pub subject_name: String,
    /// `uflpa_entity_list`, `ilab_goods` or `cbp_wro`.
    pub list_key: String,
    /// The listed name it resembles.
    pub entry_name: String,
    /// Name similarity, 0–1 (a hit from 0.9).
    pub score: f64,
    /// `open`, `confirmed` or `dismissed`.
    pub status: String,
    /// Why it was confirmed or dismissed.
    pub reason: Option<String>,
    /// The priority finding a confirmation raised on the supplier.
    pub finding_id: Option<Uuid>,
    /// When it was raised.
    pub created_at: DateTime<Utc>,
}

impl From<screening_hit::Model> for ScreeningHitResponse {
    fn from(h: screening_hit::Model) -> Self {
        Self {
            id: h.id,
            subject_type: h.subject_type,
            subject_id: h.subject_id,
            subject_name: h.subject_name,
            list_key: h.list_key,
            entry_name: h.entry_name,
            score: h.score,
            status: h.status,
            reason: h.reason,
            finding_id: h.finding_id,
            created_at: h.created_at,
        }
    }
}
