//! A company's stored USD rates (fee-audit.md, "Currency"): the upload, the list,
//! and the [`RateTable`] an audit or a repayment upload converts with.

use std::{
    collections::{BTreeMap, HashMap},
    io::Read,
    str::FromStr,
};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::{BATCH, UploadError};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::fx_rate,
    error::DomainError,
    fee_audit::engine::{RateTable, read_fx_rates},
    values::CurrencyCode,
};

/// `source` of a rate uploaded by a person (a fetched one names its provider).
pub const FX_SOURCE_UPLOAD: &str = "upload";

/// Which stored rates to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct FxRateFilter {
    /// Only this currency.
    pub currency: Option<CurrencyCode>,
}

/// Stores an FX-rate upload (`currency,date,usd_per_unit`) for the company, all or
/// nothing: a rate for a (currency, date) the company already has replaces it. Returns
/// how many distinct rates were stored.
pub async fn store_fx_rates<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    actor: Uuid,
    input: impl Read,
) -> Result<usize, UploadError> {
    let rows = read_fx_rates(input).map_err(UploadError::Rejected)?;
    // The reader refuses one date given two different rates; the same rate twice is
    // harmless, so it is stored once.
    let rates: BTreeMap<(CurrencyCode, NaiveDate), Decimal> = rows
        .into_iter()
        .map(|r| ((r.currency, r.date), r.usd_per_unit))
        .collect();
    let currencies: Vec<String> = rates.keys().map(|(c, _)| c.to_string()).collect();
    let mut existing: HashMap<(String, NaiveDate), fx_rate::Model> = fx_rate::Entity::find()
        .filter(fx_rate::Column::CompanyId.eq(company_id))
        .filter(fx_rate::Column::Currency.is_in(currencies))
        .all(db)
        .await?
        .into_iter()
        .map(|row| ((row.currency.clone(), row.rate_date), row))
        .collect();
    let now = clock::now();
    let mut fresh = Vec::new();
    let (mut added, mut replaced) = (0_usize, 0_usize);
    for (&(currency, date), rate) in &rates {
        if let Some(row) = existing.remove(&(currency.to_string(), date)) {
            let mut active = row.into_active_model();
            active.usd_per_unit = Set(rate.to_string());
            active.source = Set(FX_SOURCE_UPLOAD.to_string());
            active.created_at = Set(now);
            active.update(db).await?;
            replaced += 1;
            continue;
        }
        fresh.push(fx_rate::ActiveModel {
            id: Set(Uuid::now_v7()),
            company_id: Set(company_id),
            currency: Set(currency.to_string()),
            rate_date: Set(date),
            usd_per_unit: Set(rate.to_string()),
            source: Set(FX_SOURCE_UPLOAD.to_string()),
            created_at: Set(now),
        });
        added += 1;
        if fresh.len() == BATCH {
            fx_rate::Entity::insert_many(fresh.drain(..))
                .exec_without_returning(db)
                .await?;
        }
    }
    fx_rate::Entity::insert_many(fresh)
        .exec_without_returning(db)
        .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(actor),
            action: "fx_rates.uploaded",
            entity_type: "fx_rate",
            entity_id: None,
            before: None,
            after: Some(serde_json::json!({"added": added, "replaced": replaced})),
        },
    )
    .await?;
    Ok(rates.len())
}

/// One page of the company's rates (by currency, newest date first) and the total.
pub async fn list_fx_rates<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    filter: FxRateFilter,
    offset: u64,
    limit: u64,
) -> Result<(Vec<fx_rate::Model>, u64), DomainError> {
    let mut query = fx_rate::Entity::find().filter(fx_rate::Column::CompanyId.eq(company_id));
    if let Some(currency) = filter.currency {
        query = query.filter(fx_rate::Column::Currency.eq(currency.to_string()));
    }
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_asc(fx_rate::Column::Currency)
        .order_by_desc(fx_rate::Column::RateDate)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((items, total))
}

/// Every stored rate of the company, ready to convert with.
pub async fn rate_table<C: ConnectionTrait>(db: &C, company_id: Uuid) -> Result<RateTable, DomainError> {
    let rows = fx_rate::Entity::find()
        .filter(fx_rate::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let currency = CurrencyCode::parse(&row.currency);
            let rate = Decimal::from_str(&row.usd_per_unit);
            match (currency, rate) {
                (Ok(currency), Ok(rate)) => Ok((currency, row.rate_date, rate)),
                // Only checked rates are stored: anything else is a damaged row.
                _ => Err(DomainError::Internal(format!(
                    "fx_rates row {} cannot be read",
                    row.id
                ))),
            }
        })
        .collect()
}
