//! Modern-slavery statements (issue #21): a company drafts, for one regime and
//! one period, a statement whose sections are the areas the law or its guidance
//! names ([`regimes`], each cited), each with a first draft and the figures the
//! platform computes for the period ([`figures`], each naming the API route that
//! gives the same number). The company edits each section's text; every version is
//! kept ([`edit`]). The worker renders the PDF and DOCX of the latest revision
//! (`render_statement`); this module only stores and loads.
//!
//! Who: officers and admins create and edit; advisors read (they review, the
//! company publishes); anyone outside the company gets `NotFound`.

mod create;
mod edit;
pub mod figures;
mod i18n;
mod read;
pub mod regimes;
mod rendered;

pub use create::{NewStatement, create_statement};
pub use edit::edit_section;
pub use read::{
    Section, StatementView, list_statements, load_view, readable_statement, versions_of, view_of,
};
pub use regimes::Regime;
pub use rendered::{load_for_render, mark_rendered};

use uuid::Uuid;

use crate::entities::statement;

/// A figure of a section: what it counts, its value, and where the same number
/// can be read through the API.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// A stable key (`findings.severity.high`), for clients and tests.
    pub key: String,
    /// What it counts, in the statement's language.
    pub label: String,
    /// The value as text (counts, names, dates).
    pub value: String,
    /// The API route and query that give the same number.
    pub source: String,
}

/// A section as stored at creation (its text lives in `statement_versions`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredSection {
    /// The area's key (`structure`, `risks`…), unique in the statement.
    pub key: String,
    /// The area's title in the statement's language.
    pub title: String,
    /// The provision or guidance the area comes from, with its public address.
    pub basis: String,
    /// Figures for the period.
    pub figures: Vec<Figure>,
}

/// The payload of a `render_statement` job.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RenderStatement {
    /// The statement to render (its latest revision).
    pub statement_id: Uuid,
}

impl crate::jobs::Job for RenderStatement {
    const KIND: &'static str = "render_statement";
}

/// Where a revision's files are stored: one key per revision, so a download never
/// serves a file of another revision than the row says.
pub fn storage_key(row: &statement::Model, revision: i32, extension: &str) -> String {
    format!("statements/{}/{}/r{revision}.{extension}", row.company_id, row.id)
}

/// A word of the statements' catalog (`col-*`, `word-*`, a regime key) in
/// `locale`, for the renderings and the portal.
pub fn word(locale: &str, key: &str) -> String {
    i18n::text(locale, key)
}
