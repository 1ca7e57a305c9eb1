//! Reading a company's audit trail (officers and admins), a page at a time, each
//! event with who did it: a person's name, an API key's (keys act under their
//! own id, and only within their company), or a supplier link's address (a link
//! holder acts under the link's id, issue #24).

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{api_key, assessment_link, audit_event, user},
    error::DomainError,
};

/// One event of the trail and who did it.
#[derive(Debug, Clone)]
pub struct TrailEvent {
    /// The event.
    pub event: audit_event::Model,
    /// The person's or the key's name; `None` for the system itself.
    pub actor: Option<String>,
    /// Whether an API key did it.
    pub by_key: bool,
    /// Whether "the supplier via link" did it (no account; `actor` is the
    /// address the link was sent to).
    pub by_link: bool,
}

/// Page `page` (from 1) of company `company_id`'s trail, newest first, and how
/// many events there are in all.
pub async fn trail<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    page: u64,
    per_page: u64,
) -> Result<(Vec<TrailEvent>, u64), DomainError> {
    caller.company_manager(company_id)?;
    let events = audit_event::Entity::find().filter(audit_event::Column::CompanyId.eq(company_id));
    let total = events.clone().count(db).await?;
    let events = events
        .order_by_desc(audit_event::Column::CreatedAt)
        .order_by_desc(audit_event::Column::Id)
        .offset(page.saturating_sub(1).saturating_mul(per_page))
        .limit(per_page)
        .all(db)
        .await?;
    let actors: Vec<Uuid> = events.iter().filter_map(|e| e.actor_user_id).collect();
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(actors.clone()))
        .all(db)
        .await?;
    let links = assessment_link::Entity::find()
        .filter(assessment_link::Column::Id.is_in(actors.clone()))
        .filter(assessment_link::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    let keys = api_key::Entity::find()
        .filter(api_key::Column::Id.is_in(actors))
        .filter(api_key::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    let rows = events
        .into_iter()
        .map(|event| {
            let person = people.iter().find(|u| Some(u.id) == event.actor_user_id);
            let key = keys.iter().find(|k| Some(k.id) == event.actor_user_id);
            let link = links.iter().find(|l| Some(l.id) == event.actor_user_id);
            TrailEvent {
                actor: person
                    .map(|u| u.name.clone())
                    .or_else(|| key.map(|k| k.name.clone()))
                    .or_else(|| link.map(|l| l.email.clone())),
                by_key: person.is_none() && key.is_some(),
                by_link: person.is_none() && key.is_none() && link.is_some(),
                event,
            }
        })
        .collect();
    Ok((rows, total))
}
