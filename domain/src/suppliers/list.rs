use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Func},
};
use uuid::Uuid;

use crate::{
    entities::supplier,
    error::DomainError,
    values::{Lines, SearchText, refuse_control_characters},
};

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
    // Search terms are text like any other: parsed here, whichever door they came
    // through (a NUL would fail the query on PostgreSQL).
    let q = match filter.q.as_deref() {
        Some(raw) => SearchText::parse(raw).map_err(|m| DomainError::invalid("q", m))?,
        None => None,
    };
    if let Some(sector) = &filter.sector {
        refuse_control_characters(sector, Lines::One).map_err(|m| DomainError::invalid("sector", m))?;
    }
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
    if let Some(q) = q {
        let escaped = q
            .as_str()
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
