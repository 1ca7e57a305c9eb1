//! The API's supplier list page, with each supplier's declared profile, read as
//! one row (issue #23, [`crate::listing::json_page`]): the database cuts the
//! page with exactly the statement the list runs ([`super::list_queries`],
//! whose plans the tests check), joins the profiles onto the cut page only (a
//! deep page by number does not join the rows it skips), and returns the page
//! as one JSON array in the list's order; it is parsed here into the same types
//! the row decoder gives, so the answer is the same to the byte (a test compares
//! each listed supplier with the supplier read alone).

use sea_orm::{ConnectionTrait, DatabaseBackend};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    access::claim::{Asked, Asker},
    entities::supplier,
    error::DomainError,
    listing::{
        KeysetPage, Start, Total,
        json_page::{self, sqlite_id, sqlite_real, stored_real, stored_time, stored_time_opt},
        page_statement,
    },
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
/// the rows, order, `total` and cursor of [`super::list_suppliers`]. Read for
/// `asker`, the caller's check and the page in one statement
/// ([`crate::access::claim`]): the page is read only for a member of the
/// company; the caller of the answer decides the rest.
pub async fn list_suppliers_with_profiles_asked<C: ConnectionTrait + 'static>(
    db: &C,
    asker: Asker,
    company_id: Uuid,
    filter: &SupplierFilter,
    start: &Start,
    per_page: u64,
) -> Result<Asked<KeysetPage<ListedSupplier>>, DomainError> {
    let queries = list_queries(company_id, filter, start, per_page)?;
    let backend = db.get_database_backend();
    let kept = matches!(queries.count, Total::Kept(_));
    let page = page_statement(&queries.page, backend);
    let asked =
        json_page::read_asked::<_, PageRow>(db, asker, company_id, page, kept, &aggregate(backend), PROFILES)
            .await?;
    asked
        .then_admitted(KeysetPage::empty(), async |found| {
            keyset_page(db, queries.count, found, start, per_page).await
        })
        .await
}

/// Each supplier's declared profile, joined onto the cut page only.
const PROFILES: &str = "LEFT JOIN supplier_profiles AS p ON p.supplier_id = page.id";

/// The parsed page with its total (kept, or read now) and next cursor.
async fn keyset_page<C: ConnectionTrait>(
    db: &C,
    count: Total<supplier::Entity>,
    found: json_page::JsonPage<PageRow>,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<ListedSupplier>, DomainError> {
    let rows = found
        .rows
        .into_iter()
        .map(PageRow::listed)
        .collect::<Result<Vec<_>, _>>()?;
    let total = count.or_read(db, found.kept_total).await?;
    Ok(KeysetPage::from_rows(rows, total, start, per_page, |listed| {
        (listed.supplier.name.clone(), listed.supplier.id)
    }))
}

/// The page as a JSON array of arrays in [`PageRow`]'s order, sorted like the
/// page: ids as text, the score with every digit, times as stored (SQLite) or
/// as ISO 8601 (PostgreSQL), the origins as the JSON they are.
fn aggregate(backend: DatabaseBackend) -> String {
    match backend {
        DatabaseBackend::Postgres => {
            "COALESCE(json_agg(json_build_array(page.id, page.company_id, page.name, \
               page.country, page.sector, page.contact_email, page.contact_name, page.risk_score::text, \
               page.risk_band, page.archived_at, page.created_at, p.workforce_size, p.migrant_worker_share, \
               p.worker_origins) ORDER BY page.name, page.id), '[]'::json)::text"
                .to_string()
        }
        _ => format!(
            "json_group_array(json_array({id}, {company}, page.name, page.country, page.sector, \
               page.contact_email, page.contact_name, {score}, page.risk_band, page.archived_at, \
               page.created_at, p.workforce_size, p.migrant_worker_share, json(p.worker_origins)) \
               ORDER BY page.name, page.id)",
            id = sqlite_id("page.id"),
            company = sqlite_id("page.company_id"),
            score = sqlite_real("page.risk_score"),
        ),
    }
}

/// One supplier of the page: an array of columns in the order [`aggregate`]
/// writes them, which serde reads into these fields in turn.
#[derive(Deserialize)]
struct PageRow {
    id: Uuid,
    company_id: Uuid,
    name: String,
    country: String,
    sector: String,
    contact_email: String,
    contact_name: Option<String>,
    risk_score: Option<String>,
    risk_band: Option<String>,
    archived_at: Option<String>,
    created_at: String,
    workforce_size: Option<i64>,
    migrant_worker_share: Option<String>,
    worker_origins: Option<serde_json::Value>,
}

impl PageRow {
    fn listed(self) -> Result<ListedSupplier, DomainError> {
        // No profile row: its origins (never NULL in a row) come back NULL.
        let profile = match self.worker_origins {
            Some(origins) => super::profile::from_stored(
                self.id,
                self.workforce_size,
                self.migrant_worker_share.as_deref(),
                origins,
            )?,
            None => SupplierProfile::default(),
        };
        Ok(ListedSupplier {
            supplier: supplier::Model {
                id: self.id,
                company_id: self.company_id,
                name: self.name,
                country: self.country,
                sector: self.sector,
                contact_email: self.contact_email,
                contact_name: self.contact_name,
                risk_score: stored_real(self.risk_score.as_deref(), "risk score")?,
                risk_band: self.risk_band,
                archived_at: stored_time_opt(self.archived_at.as_deref())?,
                created_at: stored_time(&self.created_at)?,
            },
            profile,
        })
    }
}

#[cfg(test)]
mod tests {
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
}
