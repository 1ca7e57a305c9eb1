//! Recording that the worker stored the PDF and DOCX of a revision.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};
use uuid::Uuid;

use crate::{entities::statement, error::DomainError};

/// Records the files of `revision`, unless a later revision is already recorded
/// (two render jobs may finish out of order). Returns whether it was recorded.
pub async fn mark_rendered(
    db: &DatabaseConnection,
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
