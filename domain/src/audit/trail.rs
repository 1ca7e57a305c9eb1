//! Reading a company's audit trail (officers and admins), a page at a time, each
//! event with who did it: a person's name, an API key's (keys act under their
//! own id, and only within their company), or a supplier link's address (a link
//! holder acts under the link's id, issue #24).

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::audit_event,
    error::DomainError,
    listing::{
        KeysetPage, ListQueries, Start,
        json_page::{self, sqlite_id, stored_time},
        page_statement, time_key,
    },
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
/// total the kept one (`list_totals`, counted by changes: migration `000056`),
/// carried by the page (issue #23).
pub fn trail_list_queries(
    company_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<ListQueries<audit_event::Entity>, DomainError> {
    Ok(ListQueries::newest_first(
        audit_event::Entity::find().filter(audit_event::Column::CompanyId.eq(company_id)),
        audit_event::Column::CreatedAt,
        audit_event::Column::Id,
        start,
        per_page,
    )?
    .with_kept_total(company_id, crate::list_totals::Counted::AuditEvents))
}

/// A page of company `company_id`'s trail, newest first, from a page number or
/// after a cursor, with how many events there are in all.
///
/// The page and each event's actor come back as one row of JSON
/// ([`crate::listing::json_page`], issue #23): the database runs the list's page
/// statement as a subquery and looks each actor up by primary key in the cut
/// page only, where this was the page, then people, links and keys, each a
/// statement of its own. A key or a link names its actor only within the
/// company; a person is named wherever their account lives. The page carries
/// the trail's kept total, so a page is one statement (a page past the end
/// reads the total alone).
pub async fn trail<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<TrailEvent>, DomainError> {
    caller.company_manager(company_id)?;
    let queries = trail_list_queries(company_id, start, per_page)?;
    let backend = db.get_database_backend();
    let page = page_statement(&queries.page, backend);
    let found = json_page::read::<_, PageRow>(
        db,
        page,
        true,
        &aggregate(backend),
        "LEFT JOIN users AS u ON u.id = page.actor_user_id \
         LEFT JOIN api_keys AS k ON k.id = page.actor_user_id AND k.company_id = page.company_id \
         LEFT JOIN assessment_links AS l ON l.id = page.actor_user_id AND l.company_id = page.company_id",
    )
    .await?;
    let rows = found
        .rows
        .into_iter()
        .map(PageRow::event)
        .collect::<Result<Vec<_>, _>>()?;
    let total = queries.count.or_read(db, found.kept_total).await?;
    Ok(KeysetPage::from_rows(rows, total, start, per_page, |e| {
        (time_key(&e.event.created_at), e.event.id)
    }))
}

/// The page as a JSON array of arrays in [`PageRow`]'s order, newest first
/// like the page: ids as text, times as stored (SQLite) or ISO 8601
/// (PostgreSQL), the summaries as the JSON they are, then the names found.
fn aggregate(backend: DatabaseBackend) -> String {
    match backend {
        DatabaseBackend::Postgres => "COALESCE(json_agg(json_build_array(page.id, page.company_id, \
               page.actor_user_id, page.action, page.entity_type, page.entity_id, page.before, page.after, \
               page.created_at, u.name, k.name, l.email) ORDER BY page.created_at DESC, page.id DESC), \
               '[]'::json)::text"
            .to_string(),
        _ => format!(
            "json_group_array(json_array({id}, {company}, {actor}, page.action, page.entity_type, {entity}, \
               json(page.before), json(page.after), page.created_at, u.name, k.name, l.email) \
               ORDER BY page.created_at DESC, page.id DESC)",
            id = sqlite_id("page.id"),
            company = sqlite_id("page.company_id"),
            actor = sqlite_id("page.actor_user_id"),
            entity = sqlite_id("page.entity_id"),
        ),
    }
}

/// One event of the page: an array of columns in the order [`aggregate`]
/// writes them, which serde reads into these fields in turn.
#[derive(Deserialize)]
struct PageRow {
    id: Uuid,
    company_id: Option<Uuid>,
    actor_user_id: Option<Uuid>,
    action: String,
    entity_type: String,
    entity_id: Option<Uuid>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    created_at: String,
    /// The actor's name when a person acted.
    person: Option<String>,
    /// The key's name when an API key acted.
    key: Option<String>,
    /// The link's email when an assessment link acted.
    link: Option<String>,
}

impl PageRow {
    fn event(self) -> Result<TrailEvent, DomainError> {
        Ok(TrailEvent {
            by_key: self.person.is_none() && self.key.is_some(),
            by_link: self.person.is_none() && self.key.is_none() && self.link.is_some(),
            actor: self.person.or(self.key).or(self.link),
            event: audit_event::Model {
                id: self.id,
                company_id: self.company_id,
                actor_user_id: self.actor_user_id,
                action: self.action,
                entity_type: self.entity_type,
                entity_id: self.entity_id,
                before: self.before,
                after: self.after,
                created_at: stored_time(&self.created_at)?,
            },
        })
    }
}
