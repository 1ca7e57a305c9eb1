//! Account events (sign-ins, failures, resets, factor and session changes): they
//! belong to a person rather than to a change of a company's data, so the tenant
//! they are filed under is the person's first organization's company, where that
//! company's officers and admins read them. Never a password, code or token.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{AuditEntry, record};
use crate::{
    entities::{membership, organization},
    error::DomainError,
};

/// Records `action` on user `user_id`'s account, done by `actor` (the user
/// themselves, or `None` when nobody is signed in yet).
pub async fn record_account<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    actor: Option<Uuid>,
    action: &'static str,
    after: Option<serde_json::Value>,
) -> Result<(), DomainError> {
    let first = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .order_by_asc(membership::Column::CreatedAt)
        .one(db)
        .await?;
    let company_id = match first {
        Some(m) => organization::Entity::find_by_id(m.organization_id)
            .one(db)
            .await?
            .map(|o| o.company_id.unwrap_or(o.id)),
        None => None,
    };
    record(
        db,
        AuditEntry {
            company_id,
            actor_user_id: actor,
            action,
            entity_type: "user",
            entity_id: Some(user_id),
            before: None,
            after,
        },
    )
    .await
}
