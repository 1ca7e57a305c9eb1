//! Evidence packs (issue #21; api-contract.md, "Evidence packs and statements"):
//! what a customs or market-surveillance authority asks about one supplier's
//! chain, assembled from the platform's own records ([`contents`]) and rendered
//! by the worker (`render_evidence_pack`) as JSON (the [`PackContents`] value
//! itself), as an indexed PDF, and as a ZIP of both with every evidence file and
//! a manifest of SHA-256 hashes.
//!
//! Who: as for advisory reports, the company's reviewers (admins, officers,
//! advisors) request and read packs; a supplier's own users and anyone outside
//! the company get 404 for a pack (403 for requesting one of their own supplier).
//! Requests and downloads are audited.

mod assemble;
pub mod contents;
mod finish;
mod read;
pub mod regimes;
mod request;

pub use assemble::assemble_contents;
pub use contents::PackContents;
pub use finish::{StoredFile, mark_failed, mark_ready, mark_requeued, start_rendering};
pub use read::{list_packs, readable_pack, record_download};
pub use regimes::Regime;
pub use request::{NewEvidencePack, request_pack};

use uuid::Uuid;

use crate::entities::evidence_pack;

/// Pack states as stored.
pub mod status {
    /// Waiting for the worker.
    pub const QUEUED: &str = "queued";
    /// The worker is assembling and rendering it.
    pub const RENDERING: &str = "rendering";
    /// JSON, PDF and ZIP are stored and can be downloaded.
    pub const READY: &str = "ready";
    /// The last attempt failed; `error` says why.
    pub const FAILED: &str = "failed";
}

/// Attempts before a pack ends `failed` (rendering is deterministic: more
/// retries only help with a flaky store or database).
pub const ATTEMPTS: i32 = 3;

/// The payload of a `render_evidence_pack` job.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RenderEvidencePack {
    /// The pack to render.
    pub pack_id: Uuid,
}

impl crate::jobs::Job for RenderEvidencePack {
    const KIND: &'static str = "render_evidence_pack";
}

/// The three files of a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The contents as JSON.
    Json,
    /// The indexed PDF.
    Pdf,
    /// Both, the evidence files and `manifest.json`.
    Zip,
}

impl Format {
    /// The file extension, also the format's name in routes and the audit trail.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Zip => "zip",
        }
    }

    /// The media type served.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Pdf => "application/pdf",
            Format::Zip => "application/zip",
        }
    }

    /// The stored key of this file of `pack`, once ready.
    pub fn key_of(self, pack: &evidence_pack::Model) -> Option<&str> {
        match self {
            Format::Json => pack.json_key.as_deref(),
            Format::Pdf => pack.pdf_key.as_deref(),
            Format::Zip => pack.zip_key.as_deref(),
        }
    }
}

/// Where a pack's file is stored: ids only, deterministic, so a retried job
/// overwrites its own earlier attempt.
pub fn storage_key(pack: &evidence_pack::Model, format: Format) -> String {
    format!(
        "evidence-packs/{}/{}.{}",
        pack.company_id,
        pack.id,
        format.extension()
    )
}
