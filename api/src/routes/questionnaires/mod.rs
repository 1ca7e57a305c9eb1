//! Questionnaire definitions: the built-in standard ones and a company's own.

pub mod create;
pub mod get;
pub mod list;

use chrono::{DateTime, Utc};
use domain::entities::questionnaire;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A questionnaire in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionnaireSummary {
    /// The definition's id (one id per key and version): what an assessment is sent with.
    pub id: Uuid,
    /// Stable key.
    pub key: String,
    /// Version.
    pub version: i32,
    /// Title per locale.
    #[schema(value_type = Object)]
    pub title: serde_json::Value,
    /// `true` for the platform's standard questionnaires.
    pub builtin: bool,
    /// The owning company (`null` for built-ins).
    pub company_id: Option<Uuid>,
    /// When it was stored.
    pub created_at: DateTime<Utc>,
}

impl From<&questionnaire::Model> for QuestionnaireSummary {
    fn from(q: &questionnaire::Model) -> Self {
        Self {
            id: q.id,
            key: q.key.clone(),
            version: q.version,
            title: q.title.clone(),
            builtin: q.company_id.is_none(),
            company_id: q.company_id,
            created_at: q.created_at,
        }
    }
}

/// A questionnaire with its definition.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionnaireResponse {
    /// The definition's id (one id per key and version): what an assessment is sent with.
    pub id: Uuid,
    /// Stable key.
    pub key: String,
    /// Version.
    pub version: i32,
    /// Title per locale.
    #[schema(value_type = Object)]
    pub title: serde_json::Value,
    /// `true` for the platform's standard questionnaires.
    pub builtin: bool,
    /// The definition (questionnaire-format.md).
    #[schema(value_type = Object)]
    pub definition: serde_json::Value,
}

impl From<questionnaire::Model> for QuestionnaireResponse {
    fn from(q: questionnaire::Model) -> Self {
        Self {
            id: q.id,
            key: q.key,
            version: q.version,
            title: q.title,
            builtin: q.company_id.is_none(),
            definition: q.definition,
        }
    }
}
