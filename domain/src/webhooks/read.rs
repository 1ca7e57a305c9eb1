//! Reading a company's webhooks and their delivery logs (officers and admins).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{webhook, webhook_delivery},
    error::DomainError,
    listing::{Window, Windowed},
};

/// Company `company_id`'s webhooks, newest first, and how many there are.
pub async fn webhooks_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    window: Window,
) -> Result<(Vec<webhook::Model>, u64), DomainError> {
    caller.company_manager(company_id)?;
    let query = webhook::Entity::find().filter(webhook::Column::CompanyId.eq(company_id));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(webhook::Column::CreatedAt)
        .within(window)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// The delivery attempts of a webhook the caller manages (see
/// [`super::managed`]), newest first, and how many there are.
pub async fn deliveries_of<C: ConnectionTrait>(
    db: &C,
    hook: &webhook::Model,
    window: Window,
) -> Result<(Vec<webhook_delivery::Model>, u64), DomainError> {
    let query = webhook_delivery::Entity::find().filter(webhook_delivery::Column::WebhookId.eq(hook.id));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(webhook_delivery::Column::CreatedAt)
        .order_by_desc(webhook_delivery::Column::Id)
        .within(window)
        .all(db)
        .await?;
    Ok((rows, total))
}
