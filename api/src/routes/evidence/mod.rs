//! Evidence files for `file` questions: upload, list, download.

pub mod download;
pub mod form;
pub mod list;
pub mod upload;

use chrono::{DateTime, Utc};
use domain::entities::evidence_file;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// An evidence file's metadata.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvidenceResponse {
    /// Id (what a `file` answer names).
    pub id: Uuid,
    /// The uploaded file's name.
    pub filename: String,
    /// The type detected from its content.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// SHA-256 of the content (hex).
    pub sha256: String,
    /// The question it was uploaded for, if named.
    pub question_key: Option<String>,
    /// When it was uploaded.
    pub created_at: DateTime<Utc>,
}

/// The upload's `multipart/form-data` parts. Only the OpenAPI document uses this
/// type: the handler reads the parts as they stream in, to bound the size.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct EvidenceUploadForm {
    /// The evidence: PDF, PNG, JPEG, WebP, text/CSV or Excel/Word, recognised from
    /// its content; at most the configured file limit (20 MiB by default).
    #[schema(value_type = String, format = Binary, content_media_type = "application/octet-stream")]
    pub file: Vec<u8>,
    /// The `file` question it is for (optional).
    pub question_key: Option<String>,
}

impl From<evidence_file::Model> for EvidenceResponse {
    fn from(f: evidence_file::Model) -> Self {
        Self {
            id: f.id,
            filename: f.filename,
            content_type: f.content_type,
            size_bytes: f.size_bytes,
            sha256: f.sha256,
            question_key: f.question_key,
            created_at: f.created_at,
        }
    }
}
