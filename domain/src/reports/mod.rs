//! Advisory reports (api-contract.md, "Reports"): requesting one, loading what a
//! report shows, and recording that it is ready or failed. Rendering the PDF is
//! the worker's; this module only stores and loads.

mod finish;
mod load;
mod request;

pub use finish::{mark_failed, mark_ready};
pub use load::{AnswerLine, FeeAuditFigures, ReportData, load_report_data};
pub use request::{list_reports, request_report};

use uuid::Uuid;

use crate::entities::report;

/// Report states as stored.
pub mod status {
    /// Waiting for (or being rendered by) the worker.
    pub const QUEUED: &str = "queued";
    /// Rendered and stored; the PDF can be downloaded.
    pub const READY: &str = "ready";
    /// Rendering failed after the last attempt; `error` says why.
    pub const FAILED: &str = "failed";
}

/// Attempts before a report ends `failed`: rendering is deterministic, so more
/// retries only help with a flaky store or database.
pub const ATTEMPTS: i32 = 3;

/// The payload of a `render_report` job (ids only).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RenderReport {
    /// The report to render.
    pub report_id: Uuid,
}

impl crate::jobs::Job for RenderReport {
    const KIND: &'static str = "render_report";
}

/// Where a report's PDF is stored: deterministic, so a retried job overwrites
/// its own earlier attempt instead of leaving orphans.
pub fn storage_key(report: &report::Model) -> String {
    format!("reports/{}/{}.pdf", report.company_id, report.id)
}

/// Assessment states a report may be requested for: the score must exist.
pub fn reportable(assessment_status: &str) -> bool {
    use crate::assessments::status::{APPROVED, SCORED};
    matches!(assessment_status, SCORED | APPROVED)
}
