//! The API's supplier list page, with each supplier's declared profile, read as
//! one row (issue #23).
//!
//! Why: on SQLite every statement goes to the connection's own thread and every
//! row comes back as a message of its own, each column copied on the way, then
//! looked up by name and decoded; at 50 suppliers a page that was most of the
//! request (about 9 µs a row in the profile in BENCHMARKS.md), and the profiles
//! were a second statement after the page. Here the database cuts the page with
//! exactly the statement the list runs ([`super::list_queries`], whose plans the
//! tests check), joins the profiles onto the cut page only (a deep page by number
//! does not join the rows it skips), and returns the page as one JSON array in
//! the list's order; it is parsed here into the same types the row decoder
//! gives, so the answer is the same to the byte (a test compares each listed
//! supplier with the supplier read alone).

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone as _, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    entities::supplier,
    error::DomainError,
    listing::{KeysetPage, Start, Total, page_statement},
};

use super::{SupplierFilter, list_queries, profile::SupplierProfile};

/// A supplier of a list page, with its declared profile (empty if none).
#[derive(Debug, Clone)]
pub struct ListedSupplier {
    /// The supplier's row.
    pub supplier: supplier::Model,
    /// What it declared.
    pub profile: SupplierProfile,
}

/// One page of the company's suppliers matching `filter`, each with its profile:
/// the rows, order, `total` and cursor of [`super::list_suppliers`].
pub async fn list_suppliers_with_profiles<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    filter: &SupplierFilter,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<ListedSupplier>, DomainError> {
    let queries = list_queries(company_id, filter, start, per_page)?;
    let backend = db.get_database_backend();
    let kept = matches!(queries.count, Total::Kept(_));
    let page = page_statement(&queries.page, backend);
    let statement = Statement {
        sql: one_row(backend, &page.sql, kept),
        values: page.values,
        db_backend: backend,
    };
    let Some(row) = db.query_one_raw(statement).await? else {
        return Err(DomainError::Internal(
            "the page's aggregate returned no row".into(),
        ));
    };
    let text: String = row.try_get("", "page_rows")?;
    let kept_total: Option<i64> = if kept {
        row.try_get("", "list_total")?
    } else {
        None
    };
    let rows: Vec<PageRow> = serde_json::from_str(&text)
        .map_err(|e| DomainError::Internal(format!("the supplier page does not parse: {e}")))?;
    let rows = rows
        .into_iter()
        .map(PageRow::listed)
        .collect::<Result<Vec<_>, _>>()?;
    let total = queries.count.or_read(db, kept_total).await?;
    Ok(KeysetPage::from_rows(rows, total, start, per_page, |listed| {
        (listed.supplier.name.clone(), listed.supplier.id)
    }))
}

/// The statement around `page` (the list's own page statement, unchanged): one
/// row, `page_rows`, a JSON array of arrays in [`PageRow`]'s order, sorted like
/// the page, and `list_total` when the page carries the kept total.
///
/// Each value is written so that it reads back exactly: ids as text (SQLite
/// keeps them as 16-byte blobs: hex), the score as text with every digit
/// (SQLite's JSON writes a real with 15 significant digits, which does not
/// always give the same `f64` back), times as stored (SQLite) or as ISO 8601
/// (PostgreSQL), the origins as the JSON they are.
fn one_row(backend: DatabaseBackend, page: &str, kept: bool) -> String {
    let total = if kept {
        ", MAX(page.list_total) AS list_total"
    } else {
        ""
    };
    match backend {
        DatabaseBackend::Postgres => format!(
            "SELECT COALESCE(json_agg(json_build_array(page.id, page.company_id, page.name, page.country, \
               page.sector, page.contact_email, page.contact_name, page.risk_score::text, page.risk_band, \
               page.archived_at, page.created_at, p.workforce_size, p.migrant_worker_share, p.worker_origins) \
               ORDER BY page.name, page.id), '[]'::json)::text AS page_rows{total} \
             FROM ({page}) AS page LEFT JOIN supplier_profiles AS p ON p.supplier_id = page.id"
        ),
        _ => format!(
            "SELECT json_group_array(json_array({id}, {company}, page.name, page.country, page.sector, \
               page.contact_email, page.contact_name, \
               CASE WHEN page.risk_score IS NULL THEN NULL ELSE printf('%!.17g', page.risk_score) END, \
               page.risk_band, page.archived_at, page.created_at, p.workforce_size, p.migrant_worker_share, \
               json(p.worker_origins)) ORDER BY page.name, page.id) AS page_rows{total} \
             FROM ({page}) AS page LEFT JOIN supplier_profiles AS p ON p.supplier_id = page.id",
            id = sqlite_id("page.id"),
            company = sqlite_id("page.company_id"),
        ),
    }
}

/// An id column as text on SQLite: hex of the blob sqlx stores, or the text
/// itself for a row written as text.
fn sqlite_id(column: &str) -> String {
    format!("CASE typeof({column}) WHEN 'blob' THEN hex({column}) ELSE {column} END")
}

/// One supplier of the page, in the order [`one_row`] writes the columns.
#[derive(Deserialize)]
struct PageRow(
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    Option<String>,
    Option<serde_json::Value>,
);

impl PageRow {
    fn listed(self) -> Result<ListedSupplier, DomainError> {
        let PageRow(
            id,
            company_id,
            name,
            country,
            sector,
            contact_email,
            contact_name,
            risk_score,
            risk_band,
            archived_at,
            created_at,
            workforce_size,
            migrant_worker_share,
            worker_origins,
        ) = self;
        let risk_score = risk_score
            .map(|text| {
                text.parse::<f64>().map_err(|e| {
                    DomainError::Internal(format!("stored risk score of {id} does not parse: {e}"))
                })
            })
            .transpose()?;
        // No profile row: its origins (never NULL in a row) come back NULL.
        let profile = match worker_origins {
            Some(origins) => {
                super::profile::from_stored(id, workforce_size, migrant_worker_share.as_deref(), origins)?
            }
            None => SupplierProfile::default(),
        };
        Ok(ListedSupplier {
            supplier: supplier::Model {
                id,
                company_id,
                name,
                country,
                sector,
                contact_email,
                contact_name,
                risk_score,
                risk_band,
                archived_at: archived_at.as_deref().map(stored_time).transpose()?,
                created_at: stored_time(&created_at)?,
            },
            profile,
        })
    }
}

/// A stored time, read as the row decoder reads it: RFC 3339 (what sqlx writes
/// on SQLite, and PostgreSQL's JSON), or one of SQLite's own date-time forms
/// (UTC when no offset is written).
fn stored_time(text: &str) -> Result<DateTime<Utc>, DomainError> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    const FORMS: [&str; 12] = [
        "%F %T%.f",
        "%F %R",
        "%F %RZ",
        "%F %R%:z",
        "%F %T%.fZ",
        "%F %T%.f%:z",
        "%FT%R",
        "%FT%RZ",
        "%FT%R%:z",
        "%FT%T%.f",
        "%FT%T%.fZ",
        "%FT%T%.f%:z",
    ];
    for form in FORMS {
        if let Ok(at) = DateTime::<FixedOffset>::parse_from_str(text, form) {
            return Ok(at.with_timezone(&Utc));
        }
        if let Ok(at) = NaiveDateTime::parse_from_str(text, form) {
            return Ok(Utc.from_utc_datetime(&at));
        }
    }
    Err(DomainError::Internal(format!(
        "a stored time does not parse: {text:?}"
    )))
}

#[cfg(test)]
mod tests {
    use super::stored_time;
    use crate::{
        listing::{Start, page_statement},
        suppliers::{SupplierFilter, list_queries},
    };
    use sea_orm::DatabaseBackend;

    #[test]
    fn sqlite_pages_carry_their_limit_in_the_sql_and_bind_the_rest() -> Result<(), crate::error::DomainError>
    {
        // A search term with a `?` in it is a bound value, never SQL text.
        let filter = SupplierFilter {
            q: Some("a?b".into()),
            ..SupplierFilter::default()
        };
        let queries = list_queries(uuid::Uuid::nil(), &filter, &Start::Page(3), 50)?;
        let sqlite = page_statement(&queries.page, DatabaseBackend::Sqlite);
        assert!(sqlite.sql.ends_with(" LIMIT 51 OFFSET ?"), "{}", sqlite.sql);
        let bound = sqlite.values.as_ref().map_or(0, |v| v.0.len());
        assert_eq!(sqlite.sql.matches('?').count(), bound);
        assert!(bound >= 3, "company, search and offset stay bound");
        let postgres = page_statement(&queries.page, DatabaseBackend::Postgres);
        assert!(postgres.sql.contains(" LIMIT $"), "{}", postgres.sql);
        Ok(())
    }

    #[test]
    fn stored_times_read_as_the_row_decoder_reads_them() -> Result<(), crate::error::DomainError> {
        let nanos = stored_time("2026-12-06T01:41:06.150437984+00:00")?;
        assert_eq!(nanos.timestamp_subsec_nanos(), 150_437_984);
        let offset = stored_time("2026-12-06T02:41:06.5+01:00")?;
        assert_eq!(offset.to_rfc3339(), "2026-12-06T01:41:06.500+00:00");
        let sqlite = stored_time("2026-12-06 01:41:06")?;
        assert_eq!(sqlite.to_rfc3339(), "2026-12-06T01:41:06+00:00");
        assert!(stored_time("yesterday").is_err());
        Ok(())
    }
}
