//! A modern-slavery statement (draft) of a company for a regime and period.

use sea_orm::entity::prelude::*;

/// A row of `statements`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "statements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    /// `uk_msa`, `au_msa` or `ca_s211`.
    pub regime: String,
    pub period_start: Date,
    pub period_end: Date,
    /// `en`, `es` or `fr`: the language of titles, labels and the first draft.
    pub locale: String,
    /// `[{"key", "title", "basis", "figures": [{"label", "value", "source"}]}]`
    /// (the texts are in `statement_versions`).
    pub sections: Json,
    /// 1 at creation, +1 per edit.
    pub revision: i32,
    /// The revision the stored PDF and DOCX show (`None`: not rendered yet).
    pub rendered_revision: Option<i32>,
    pub pdf_key: Option<String>,
    pub docx_key: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
