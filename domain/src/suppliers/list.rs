use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Func},
};
use uuid::Uuid;

use crate::{entities::supplier, error::DomainError};

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct SupplierFilter {
    /// Only this band.
    pub risk_band: Option<String>,
    /// Only this country.
    pub country: Option<String>,
    /// Only this sector.
    pub sector: Option<String>,
    /// Name contains (case-insensitive).
    pub q: Option<String>,
    /// Include archived suppliers.
    pub include_archived: bool,
}

/// One page of a company's suppliers (by name) and the total.
pub async fn list_suppliers<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    filter: &SupplierFilter,
    offset: u64,
    limit: u64,
) -> Result<(Vec<supplier::Model>, u64), DomainError> {
    let mut query = supplier::Entity::find().filter(supplier::Column::CompanyId.eq(company_id));
    if let Some(band) = &filter.risk_band {
        query = query.filter(supplier::Column::RiskBand.eq(band.as_str()));
    }
    if let Some(country) = &filter.country {
        query = query.filter(supplier::Column::Country.eq(country.as_str()));
    }
    if let Some(sector) = &filter.sector {
        query = query.filter(supplier::Column::Sector.eq(sector.as_str()));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let escaped = q
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        query = query.filter(
            Expr::expr(Func::lower(Expr::col(supplier::Column::Name)))
                .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
        );
    }
    if !filter.include_archived {
        query = query.filter(supplier::Column::ArchivedAt.is_null());
    }
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_asc(supplier::Column::Name)
        .order_by_asc(supplier::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((items, total))
}
