//! Rates fetched from a provider (`FAIRHIRE_FX_URL`) into every company's table.
//!
//! The provider answers JSON of the common shape
//! `{"date": "2026-01-15", "base": "USD", "rates": {"NPR": 133.2, "MYR": 4.7}}`
//! (units of each currency per one unit of `base`). A non-USD base works when its
//! `rates` include `USD`. A fetched rate never replaces an uploaded one for the
//! same currency and day: what a company's auditors uploaded wins.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    clock,
    entities::{fx_rate, organization},
    error::DomainError,
    values::CurrencyCode,
};

/// How fetched rows are marked.
pub const FX_SOURCE_FETCH: &str = "fetch";

#[derive(Deserialize)]
struct ProviderBody {
    date: String,
    base: String,
    rates: BTreeMap<String, serde_json::Value>,
}

/// Parses a provider's body into USD-per-unit rates for one day; a message says
/// what is wrong with a malformed body. Unknown currency codes are skipped (the
/// provider may know more than ISO 4217's active list).
pub fn parse_provider_body(body: &[u8]) -> Result<(NaiveDate, Vec<(CurrencyCode, Decimal)>), String> {
    let parsed: ProviderBody = serde_json::from_slice(body)
        .map_err(|e| format!("the FX provider's answer is not the expected JSON: {e}"))?;
    let date = NaiveDate::parse_from_str(&parsed.date, "%Y-%m-%d")
        .map_err(|_| format!("the FX provider's date '{}' is not YYYY-MM-DD", parsed.date))?;
    let number = |value: &serde_json::Value| -> Option<Decimal> {
        let text = match value {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => return None,
        };
        text.parse::<Decimal>()
            .ok()
            .or_else(|| Decimal::from_scientific(&text).ok())
            .filter(|d| *d > Decimal::ZERO)
    };
    let base = parsed.base.trim().to_ascii_uppercase();
    // USD per unit of `base`: 1 when the base is USD, else the provider's USD rate.
    let usd_per_base = if base == "USD" {
        Decimal::ONE
    } else {
        parsed
            .rates
            .get("USD")
            .and_then(number)
            .ok_or_else(|| format!("the FX provider's base is {base} and it gives no USD rate"))?
    };
    let mut rates = Vec::new();
    for (code, value) in &parsed.rates {
        let Ok(currency) = CurrencyCode::parse(code) else {
            continue;
        };
        if currency == CurrencyCode::USD {
            continue;
        }
        let units_per_base = number(value)
            .ok_or_else(|| format!("the FX provider's rate for {code} is not a positive number"))?;
        // One unit is 1/units_per_base of the base, and one base is usd_per_base USD.
        let usd_per_unit = (usd_per_base / units_per_base).round_dp(10);
        rates.push((currency, usd_per_unit));
    }
    if rates.is_empty() {
        return Err("the FX provider's answer has no rates".into());
    }
    Ok((date, rates))
}

/// Stores the day's rates for every company, leaving uploaded rates alone and
/// refreshing earlier fetched ones; returns how many rows were written.
pub async fn store_fetched<C: ConnectionTrait>(
    db: &C,
    date: NaiveDate,
    rates: &[(CurrencyCode, Decimal)],
) -> Result<usize, DomainError> {
    let companies = organization::Entity::find()
        .filter(organization::Column::Kind.eq("company"))
        .all(db)
        .await?;
    let mut written = 0;
    let now = clock::now();
    for company in companies {
        let existing = fx_rate::Entity::find()
            .filter(fx_rate::Column::CompanyId.eq(company.id))
            .filter(fx_rate::Column::RateDate.eq(date))
            .all(db)
            .await?;
        for (currency, usd_per_unit) in rates {
            match existing.iter().find(|r| r.currency == currency.as_str()) {
                Some(row) if row.source != FX_SOURCE_FETCH => {}
                Some(row) => {
                    let mut active: fx_rate::ActiveModel = row.clone().into();
                    active.usd_per_unit = Set(usd_per_unit.to_string());
                    active.update(db).await?;
                    written += 1;
                }
                None => {
                    fx_rate::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        company_id: Set(company.id),
                        currency: Set(currency.to_string()),
                        rate_date: Set(date),
                        usd_per_unit: Set(usd_per_unit.to_string()),
                        source: Set(FX_SOURCE_FETCH.into()),
                        created_at: Set(now),
                    }
                    .insert(db)
                    .await?;
                    written += 1;
                }
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn usd_base_and_other_bases_convert_to_usd_per_unit() {
        let (date, rates) =
            parse_provider_body(br#"{"date":"2026-01-15","base":"USD","rates":{"NPR":125,"XXX1":3}}"#)
                .unwrap();
        assert_eq!(date.to_string(), "2026-01-15");
        assert_eq!(
            rates,
            vec![(CurrencyCode::parse("NPR").unwrap(), "0.008".parse().unwrap())]
        );
        // EUR base: 1 EUR = 1.25 USD = 125 NPR → 1 NPR = 0.01 USD.
        let (_, rates) =
            parse_provider_body(br#"{"date":"2026-01-15","base":"EUR","rates":{"USD":1.25,"NPR":125}}"#)
                .unwrap();
        assert_eq!(rates[0].1, "0.01".parse::<Decimal>().unwrap());
        assert!(parse_provider_body(b"<html>").is_err());
        assert!(parse_provider_body(br#"{"date":"2026-01-15","base":"EUR","rates":{"NPR":125}}"#).is_err());
        assert!(parse_provider_body(br#"{"date":"15/01/2026","base":"USD","rates":{"NPR":125}}"#).is_err());
    }
}

/// The `fetch_fx_rates` job: the day's fetch from the configured provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FetchFxRates {
    /// The (UTC) day.
    pub day: chrono::NaiveDate,
}

impl crate::jobs::Job for FetchFxRates {
    const KIND: &'static str = "fetch_fx_rates";
}

impl crate::jobs::Daily for FetchFxRates {
    fn for_day(day: chrono::NaiveDate) -> Self {
        Self { day }
    }
}
