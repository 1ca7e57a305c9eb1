//! What the buying company's staff look up in worker voice — the case list, the
//! referral directory, the channels and their posters — with access checked
//! here: anyone but the company's staff gets `NotFound`, a lesser role
//! `Forbidden` where staff may read but not change.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Select};
use uuid::Uuid;

use super::cases::{require_handler, require_staff};
use crate::{
    access::Caller,
    entities::{referral_service, supplier, voice_case, voice_channel, voice_poster},
    error::DomainError,
    listing::{KeysetPage, ListQueries, Start, Window, Windowed, time_key},
    values::CountryCode,
};

/// Which cases to list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only this status (checked against [`super::status::ALL`]).
    pub status: Option<String>,
    /// Only urgent (`true`) or only non-urgent (`false`) cases.
    pub urgent: Option<bool>,
    /// Only this supplier site.
    pub supplier_id: Option<Uuid>,
}

/// Company `company_id`'s cases, newest first, and how many match (the portal's
/// window).
pub async fn cases_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    filter: CaseFilter,
    window: Window,
) -> Result<(Vec<voice_case::Model>, u64), DomainError> {
    require_staff(caller, company_id)?;
    let query = filtered(company_id, filter)?
        .order_by_desc(voice_case::Column::CreatedAt)
        .order_by_desc(voice_case::Column::Id);
    let total = query.clone().count(db).await?;
    let rows = query.within(window).all(db).await?;
    Ok((rows, total))
}

/// One page of the company's cases, newest first, the total and where the next
/// page starts (the API's list, by `page` or `cursor`). Served by the indexes of
/// migration `000047` (`(company_id, [status | urgent | supplier_id,] created_at,
/// id)`): the page is read in index order (after a cursor, from a seek to its
/// `(created_at, id)`), the `total` counted from the index alone.
pub async fn case_page<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    filter: CaseFilter,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<voice_case::Model>, DomainError> {
    require_staff(caller, company_id)?;
    case_list_queries(company_id, filter, start, per_page)?
        .read(db, start, per_page, |c| (time_key(&c.created_at), c.id))
        .await
}

/// The two statements of [`case_page`], public so that the plan tests check
/// what the list runs.
pub type CaseListQueries = ListQueries<voice_case::Entity>;

/// Builds [`CaseListQueries`]; refuses an unknown status or a cursor whose key
/// is not a time.
pub fn case_list_queries(
    company_id: Uuid,
    filter: CaseFilter,
    start: &Start,
    per_page: u64,
) -> Result<CaseListQueries, DomainError> {
    let query = filtered(company_id, filter)?;
    CaseListQueries::newest_first(
        query,
        voice_case::Column::CreatedAt,
        voice_case::Column::Id,
        start,
        per_page,
    )
}

/// The company's cases with the filter applied (no order); refuses an unknown
/// status.
fn filtered(company_id: Uuid, filter: CaseFilter) -> Result<Select<voice_case::Entity>, DomainError> {
    let mut query = voice_case::Entity::find().filter(voice_case::Column::CompanyId.eq(company_id));
    if let Some(status) = filter.status {
        if !super::status::ALL.contains(&status.as_str()) {
            return Err(DomainError::invalid(
                "status",
                format!("must be one of {}", super::status::ALL.join(", ")),
            ));
        }
        query = query.filter(voice_case::Column::Status.eq(status));
    }
    if let Some(urgent) = filter.urgent {
        query = query.filter(voice_case::Column::Urgent.eq(urgent));
    }
    if let Some(supplier) = filter.supplier_id {
        query = query.filter(voice_case::Column::SupplierId.eq(supplier));
    }
    Ok(query)
}

/// The name of the supplier site a case was reported at (empty if it is gone).
pub async fn site_name<C: ConnectionTrait>(db: &C, case: &voice_case::Model) -> Result<String, DomainError> {
    Ok(supplier::Entity::find_by_id(case.supplier_id)
        .one(db)
        .await?
        .map(|s| s.name)
        .unwrap_or_default())
}

/// The name of the supplier site a channel belongs to (empty if it is gone).
pub async fn channel_site_name<C: ConnectionTrait>(
    db: &C,
    channel: &voice_channel::Model,
) -> Result<String, DomainError> {
    Ok(supplier::Entity::find_by_id(channel.supplier_id)
        .one(db)
        .await?
        .map(|s| s.name)
        .unwrap_or_default())
}

/// Company `company_id`'s referral services (staff), by country, kind and name,
/// and how many match.
pub async fn referrals_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    country: Option<CountryCode>,
    window: Window,
) -> Result<(Vec<referral_service::Model>, u64), DomainError> {
    require_staff(caller, company_id)?;
    let mut query =
        referral_service::Entity::find().filter(referral_service::Column::CompanyId.eq(company_id));
    if let Some(country) = country {
        query = query.filter(referral_service::Column::Country.eq(country.as_str().to_string()));
    }
    let query = query
        .order_by_asc(referral_service::Column::Country)
        .order_by_asc(referral_service::Column::Kind)
        .order_by_asc(referral_service::Column::Name);
    let total = query.clone().count(db).await?;
    let rows = query.within(window).all(db).await?;
    Ok((rows, total))
}

/// Referral service `id`, for one of its company's officers or admins.
pub async fn managed_referral<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<referral_service::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("referral service");
    let row = referral_service::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    caller.company_role(row.company_id).map_err(|_| NOT_FOUND)?;
    caller.company_manager(row.company_id)?;
    Ok(row)
}

/// Supplier `supplier_id` if it is one of company `company_id`'s (a channel is
/// opened for it); otherwise the field is refused.
pub async fn channel_site<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    supplier_id: Uuid,
) -> Result<supplier::Model, DomainError> {
    supplier::Entity::find_by_id(supplier_id)
        .one(db)
        .await?
        .filter(|s| s.company_id == company_id)
        .ok_or_else(|| DomainError::invalid("supplier_id", "is not a supplier of this company"))
}

/// Company `company_id`'s channels (staff), oldest first, and how many there are.
pub async fn channels_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    window: Window,
) -> Result<(Vec<voice_channel::Model>, u64), DomainError> {
    require_staff(caller, company_id)?;
    let query = voice_channel::Entity::find()
        .filter(voice_channel::Column::CompanyId.eq(company_id))
        .order_by_asc(voice_channel::Column::CreatedAt);
    let total = query.clone().count(db).await?;
    let rows = query.within(window).all(db).await?;
    Ok((rows, total))
}

/// Channel `id`, for staff who may act on it (not a read-only key).
pub async fn handled_channel<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<voice_channel::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("channel");
    let channel = voice_channel::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    caller.company_role(channel.company_id).map_err(|_| NOT_FOUND)?;
    require_handler(caller, channel.company_id)?;
    Ok(channel)
}

/// Poster `id`, for its company's staff.
pub async fn readable_poster<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<voice_poster::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("poster");
    let poster = voice_poster::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    require_staff(caller, poster.company_id).map_err(|_| NOT_FOUND)?;
    Ok(poster)
}
