//! Evidence packs (api-contract.md, "Evidence packs and statements"; issue #21):
//! request one for a supplier and a regime, read its state, list a supplier's,
//! download its JSON, PDF and ZIP once the worker has rendered them. The
//! company's reviewers only; anyone else is told the pack does not exist.

pub mod download;
pub mod get;
pub mod list;
pub mod request;

use chrono::{DateTime, Utc};
use domain::entities::evidence_pack;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A stored file of a ready pack.
#[derive(Debug, Serialize, ToSchema)]
pub struct PackFile {
    /// Bytes.
    pub size: i64,
    /// SHA-256 of the bytes served, hex.
    pub sha256: String,
    /// Where to download it.
    pub href: String,
}

/// A pack as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvidencePackResponse {
    /// Pack id.
    pub id: Uuid,
    /// The supplier it is about.
    pub supplier_id: Uuid,
    /// `uflpa` or `eu_flr`.
    pub regime: String,
    /// `en`, `es` or `fr`.
    pub locale: String,
    /// `queued`, `rendering`, `ready` or `failed`.
    pub status: String,
    /// Why the last attempt failed (`failed`, or `queued` for a retry).
    pub error: Option<String>,
    /// Who asked for it.
    pub requested_by: Option<Uuid>,
    /// When it was requested.
    pub created_at: DateTime<Utc>,
    /// When it became ready.
    pub ready_at: Option<DateTime<Utc>>,
    /// The JSON, once ready.
    pub json: Option<PackFile>,
    /// The PDF, once ready.
    pub pdf: Option<PackFile>,
    /// The ZIP, once ready.
    pub zip: Option<PackFile>,
}

fn file(id: Uuid, format: &str, size: Option<i64>, sha256: Option<String>) -> Option<PackFile> {
    Some(PackFile {
        size: size?,
        sha256: sha256?,
        href: format!("/api/v1/evidence-packs/{id}/{format}"),
    })
}

impl From<evidence_pack::Model> for EvidencePackResponse {
    fn from(p: evidence_pack::Model) -> Self {
        Self {
            json: file(p.id, "json", p.json_size, p.json_sha256),
            pdf: file(p.id, "pdf", p.pdf_size, p.pdf_sha256),
            zip: file(p.id, "zip", p.zip_size, p.zip_sha256),
            id: p.id,
            supplier_id: p.supplier_id,
            regime: p.regime,
            locale: p.locale,
            status: p.status,
            error: p.error,
            requested_by: p.requested_by,
            created_at: p.created_at,
            ready_at: p.ready_at,
        }
    }
}
