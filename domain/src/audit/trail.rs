//! Reading a company's audit trail (officers and admins), a page at a time, each
//! event with who did it: a person's name, an API key's (keys act under their
//! own id, and only within their company), or a supplier link's address (a link
//! holder acts under the link's id, issue #24).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{api_key, assessment_link, audit_event, user},
    error::DomainError,
    listing::{KeysetPage, ListQueries, Start, time_key},
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

/// The statements of company `company_id`'s trail, newest first by `(created_at,
/// id)`: served by `ix_audit_events_company_list (company_id, created_at, id)`,
/// the page in index order after one seek (or the page number's offset), the
/// count from the index alone (issue #23).
pub fn trail_list_queries(
    company_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<ListQueries<audit_event::Entity>, DomainError> {
    ListQueries::newest_first(
        audit_event::Entity::find().filter(audit_event::Column::CompanyId.eq(company_id)),
        audit_event::Column::CreatedAt,
        audit_event::Column::Id,
        start,
        per_page,
    )
}

/// A page of company `company_id`'s trail, newest first, from a page number or
/// after a cursor, with how many events there are in all.
pub async fn trail<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<TrailEvent>, DomainError> {
    caller.company_manager(company_id)?;
    let found = trail_list_queries(company_id, start, per_page)?
        .read(db, start, per_page, |e| (time_key(&e.created_at), e.id))
        .await?;
    let (events, total, next) = (found.items, found.total, found.next);
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
    Ok(KeysetPage {
        items: rows,
        total,
        next,
    })
}
