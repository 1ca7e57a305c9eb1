//! Editing a section's text: a new version (the old ones stay), a new revision
//! of the statement to render, and an audit entry, in one transaction.

use crate::database::Database;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr,
};
use uuid::Uuid;

use super::{RenderStatement, StatementView, StoredSection, read};
use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::{statement, statement_version},
    error::DomainError,
    jobs::{self, JobOptions},
    transaction::BeginWrite as _,
    values::{Lines, refuse_control_characters},
};

/// The longest text a section takes (a statement is read by people: the Home
/// Office guidance asks for succinct statements).
pub const MAX_TEXT: usize = 20_000;

/// Replaces the text of section `key` of statement `id` (officers and admins;
/// advisors get `Forbidden`, outsiders `NotFound`). `Invalid` for an empty or
/// over-long text; `NotFound` for a key the statement does not have.
pub async fn edit_section(
    db: &Database,
    caller: &Caller,
    id: Uuid,
    key: &str,
    text: &str,
) -> Result<StatementView, DomainError> {
    let row = read::readable_statement(db, caller, id).await?;
    caller.company_manager(row.company_id)?;
    let stored: Vec<StoredSection> = serde_json::from_value(row.sections.clone())?;
    if !stored.iter().any(|s| s.key == key) {
        return Err(DomainError::NotFound("statement section"));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(DomainError::invalid("text", "must not be empty"));
    }
    refuse_control_characters(text, Lines::Many).map_err(|why| DomainError::invalid("text", why))?;
    if text.chars().count() > MAX_TEXT {
        return Err(DomainError::invalid(
            "text",
            format!("must be at most {MAX_TEXT} characters"),
        ));
    }
    let txn = db.begin_write().await?;
    // The revision moves first, and only from the one this edit read: of two edits
    // of the same statement at the same moment, the second finds it moved and gets
    // a conflict (on PostgreSQL it waits for the first's row lock, then sees the new
    // revision), instead of both numbering their version alike.
    let now = clock::now();
    let revision = row.revision + 1;
    let moved = statement::Entity::update_many()
        .col_expr(statement::Column::Revision, Expr::value(revision))
        .col_expr(statement::Column::UpdatedAt, Expr::value(now))
        .filter(statement::Column::Id.eq(id))
        .filter(statement::Column::Revision.eq(row.revision))
        .exec(&txn)
        .await?;
    if moved.rows_affected == 0 {
        return Err(DomainError::Conflict(
            "the statement was edited at the same moment: reload it and edit again".into(),
        ));
    }
    let latest = statement_version::Entity::find()
        .filter(statement_version::Column::StatementId.eq(id))
        .filter(statement_version::Column::SectionKey.eq(key))
        .order_by_desc(statement_version::Column::Version)
        .one(&txn)
        .await?
        .map(|v| v.version)
        .unwrap_or(0);
    statement_version::ActiveModel {
        id: Set(Uuid::now_v7()),
        statement_id: Set(id),
        section_key: Set(key.to_string()),
        version: Set(latest + 1),
        text: Set(text.to_string()),
        author_id: Set(caller.user_id),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let row = statement::Model {
        revision,
        updated_at: now,
        ..row
    };
    jobs::enqueue(&txn, &RenderStatement { statement_id: id }, JobOptions::default()).await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(caller.user_id),
            action: "statement.section_edited",
            entity_type: "statement",
            entity_id: Some(id),
            before: Some(serde_json::json!({"section": key, "version": latest})),
            after: Some(serde_json::json!({"section": key, "version": latest + 1, "revision": revision})),
        },
    )
    .await?;
    txn.commit().await?;
    read::view_of(db, row).await
}
