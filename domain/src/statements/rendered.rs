//! Recording that the worker stored the PDF and DOCX of a revision.

use crate::database::Database;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use uuid::Uuid;

use crate::{entities::statement, error::DomainError};

/// Records the files of `revision`, unless a later revision is already recorded
/// (two render jobs may finish out of order). Returns whether it was recorded.
pub async fn mark_rendered(
    db: &Database,
    id: Uuid,
    revision: i32,
    pdf_key: &str,
    docx_key: &str,
) -> Result<bool, DomainError> {
    let Some(row) = statement::Entity::find_by_id(id).one(db).await? else {
        return Ok(false);
    };
    if row.rendered_revision.is_some_and(|done| done >= revision) {
        return Ok(false);
    }
    let mut active: statement::ActiveModel = row.into();
    active.rendered_revision = Set(Some(revision));
    active.pdf_key = Set(Some(pdf_key.to_string()));
    active.docx_key = Set(Some(docx_key.to_string()));
    active.update(db).await?;
    Ok(true)
}

/// What the worker renders: the statement with its current texts, the
/// company's name and the regime's title in the statement's language. `None`
/// when the statement is gone (deleted with its company).
pub async fn load_for_render(
    db: &Database,
    id: Uuid,
) -> Result<Option<(super::StatementView, String, String)>, DomainError> {
    let Some(row) = statement::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let company = crate::entities::organization::Entity::find_by_id(row.company_id)
        .one(db)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let title = super::i18n::text(&row.locale, &row.regime);
    let view = super::read::view_of(db, row).await?;
    Ok(Some((view, company, title)))
}
