//! Modern-slavery statements (api-contract.md, "Evidence packs and statements";
//! issue #21): draft one for a regime and period, read it, list a company's, edit a
//! section's text (every version kept), read the versions, download the PDF and the
//! DOCX the worker renders. Officers and admins write; advisors read; anyone
//! outside the company is told the statement does not exist.

pub mod create;
pub mod download;
pub mod edit;
pub mod get;
pub mod list;
pub mod versions;

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    entities::statement,
    statements::{Figure, Section, StatementView},
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A figure: what it counts, its value, and the route that gives the same number.
#[derive(Debug, Serialize, ToSchema)]
pub struct FigureResponse {
    /// Stable key (`findings.severity.high`, `voice.reports`…).
    pub key: String,
    /// What it counts, in the statement's language.
    pub label: String,
    /// The value.
    pub value: String,
    /// The API route and query that give the same number for the same period.
    pub source: String,
}

/// A section: one area the regime asks for.
#[derive(Debug, Serialize, ToSchema)]
pub struct SectionResponse {
    /// The area's key (`structure`, `risks`…).
    pub key: String,
    /// Its title.
    pub title: String,
    /// The provision it answers and where it was read.
    pub basis: String,
    /// The current text (a draft the company edits).
    pub text: String,
    /// The current text's version (1: Fairhire's draft).
    pub version: i32,
    /// Figures for the period.
    pub figures: Vec<FigureResponse>,
}

/// A statement without its sections (lists).
#[derive(Debug, Serialize, ToSchema)]
pub struct StatementSummary {
    /// Statement id.
    pub id: Uuid,
    /// The company.
    pub company_id: Uuid,
    /// `uk_msa`, `au_msa` or `ca_s211`.
    pub regime: String,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Last day of the period.
    pub period_end: NaiveDate,
    /// `en`, `es` or `fr`.
    pub locale: String,
    /// 1 at creation, +1 per edit.
    pub revision: i32,
    /// The revision the PDF and DOCX show (`null`: not rendered yet).
    pub rendered_revision: Option<i32>,
    /// When it was drafted.
    pub created_at: DateTime<Utc>,
    /// When it was last edited.
    pub updated_at: DateTime<Utc>,
}

/// A statement with its sections.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatementResponse {
    /// Everything of the summary.
    #[serde(flatten)]
    pub summary: StatementSummary,
    /// The sections, in the law's order.
    pub sections: Vec<SectionResponse>,
}

impl From<statement::Model> for StatementSummary {
    fn from(s: statement::Model) -> Self {
        Self {
            id: s.id,
            company_id: s.company_id,
            regime: s.regime,
            period_start: s.period_start,
            period_end: s.period_end,
            locale: s.locale,
            revision: s.revision,
            rendered_revision: s.rendered_revision,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

impl From<Figure> for FigureResponse {
    fn from(f: Figure) -> Self {
        Self {
            key: f.key,
            label: f.label,
            value: f.value,
            source: f.source,
        }
    }
}

impl From<Section> for SectionResponse {
    fn from(s: Section) -> Self {
        Self {
            key: s.key,
            title: s.title,
            basis: s.basis,
            text: s.text,
            version: s.version,
            figures: s.figures.into_iter().map(FigureResponse::from).collect(),
        }
    }
}

impl From<StatementView> for StatementResponse {
    fn from(view: StatementView) -> Self {
        Self {
            summary: view.statement.into(),
            sections: view.sections.into_iter().map(SectionResponse::from).collect(),
        }
    }
}
