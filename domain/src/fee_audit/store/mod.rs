//! Recruitment-fee audits as stored things (fee-audit.md): the use cases that keep a
//! company's FX rates, store an upload with everything it leads to (per-worker results,
//! findings, the repayment action, the recruiter registry, the re-score), record
//! repayments, and read all of it back. The arithmetic is the pure engine's
//! ([`super::engine`]); this module only stores and loads.

mod access;
mod consequences;
mod cost_lines;
mod declared;
mod fx_fetch;
mod fx_rates;
mod latest;
mod line_chunks;
mod recruiters;
mod registry;
mod repayments;
mod standing;
mod upload;
mod view;
mod worker_chunks;
mod worker_pages;
mod worker_rows;

pub use access::{Intent, fee_audit_for, supplier_for};
pub use cost_lines::{CostLine, CostLines, cost_lines};
pub use declared::{RECRUITERS_QUESTION, parse_declared, register_declared_recruiters};
pub use fx_fetch::{FX_SOURCE_FETCH, FetchFxRates, parse_provider_body, store_fetched};
pub use fx_rates::{FX_SOURCE_UPLOAD, FxRateFilter, list_fx_rates, rate_table, store_fx_rates};
pub use latest::{LatestFeeAudit, latest_fee_audits};
pub use line_chunks::{LINES_PER_CHUNK, LineChunks, load_audited_lines};
pub(crate) use recruiters::match_key;
pub use recruiters::{load_recruiter, normalise_name, unaudited_recruiter};
pub use registry::{
    RecruiterSummary, RecruiterSupplier, list_recruiters, recruiter_list_queries, recruiter_summary,
};
pub use repayments::record_repayments;
pub use upload::{StoredFeeAudit, upload_fee_audit};
pub use view::{
    FeeAuditListQueries, FeeAuditView, RepaymentTotals, WorkerView, fee_audit_list_queries, list_fee_audits,
    load_fee_audit_view, stored_workers, visit_workers,
};
pub use worker_chunks::{WORKERS_PER_CHUNK, store_workers};
pub use worker_pages::{RepaymentTally, WORKERS_PER_PAGE, fresh_worker_page, worker_page};
pub use worker_rows::new_row;

use crate::{error::DomainError, fee_audit::engine::RowError};

/// Rows per `INSERT`: large enough that a 200,000-row upload is a few hundred
/// statements, small enough for SQLite's and PostgreSQL's bind-parameter limits.
pub const BATCH: usize = 500;

/// Why an upload (fee audit, FX rates or repayments) was not stored.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// The file has bad rows: every one is listed, and nothing was stored.
    #[error("the file has {} bad row(s)", .0.len())]
    Rejected(Vec<RowError>),
    /// Anything else (access, database); nothing was stored.
    #[error(transparent)]
    Domain(#[from] DomainError),
}

impl From<sea_orm::DbErr> for UploadError {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::Domain(DomainError::Database(error))
    }
}

impl From<serde_json::Error> for UploadError {
    fn from(error: serde_json::Error) -> Self {
        Self::Domain(error.into())
    }
}

/// A money figure as shown (`"1234.50"`, api-contract.md): rounded half away from zero.
pub(crate) fn money_text(value: rust_decimal::Decimal) -> String {
    crate::fee_audit::engine::round_money(value).to_string()
}
