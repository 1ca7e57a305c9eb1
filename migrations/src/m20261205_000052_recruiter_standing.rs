//! The recruiter registry's figures stored on each recruiter (issue #23).
//!
//! The company's recruiter list is ranked by the fees each recruiter took, summed
//! over the latest fee audit of every supplier. Summed at read time, every page had
//! to read every share of every audit; stored, the list is one index in its order
//! and a deep page is a seek. The figures are kept in step by the fee-audit upload,
//! in its own transaction (`domain::fee_audit::store::standing`), and filled in
//! here for the audits already stored.
//!
//! `fee_rank` is minus the fees in cents, so that one ascending index on
//! `(company_id, fee_rank, name, id)` gives "largest fees first, then by name" and
//! a cursor is a single row-value seek on both databases (a mixed-direction order
//! is not).

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy, prelude::ToPrimitive};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::{prelude::*, schema::*};
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The stored figures, one `ALTER TABLE` each (SQLite adds one column at a time).
fn columns() -> Vec<ColumnDef> {
    vec![
        big_integer("suppliers").default(0).take(),
        big_integer("workers").default(0).take(),
        big_integer("workers_who_paid").default(0).take(),
        big_integer("debt_bondage_risks").default(0).take(),
        string("fees_usd").default("0.00").take(),
        big_integer("fee_rank").default(0).take(),
    ]
}

const COLUMN_NAMES: [&str; 6] = [
    "suppliers",
    "workers",
    "workers_who_paid",
    "debt_bondage_risks",
    "fees_usd",
    "fee_rank",
];

const INDEXES: [(&str, &[&str]); 1] = [(
    "ix_recruiters_company_list",
    &["company_id", "fee_rank", "name", "id"],
)];

/// Each recruiter's share of the latest audit of every supplier (no later audit
/// of the same supplier, by `(created_at, id)`, as `domain` orders them).
const LATEST_SHARES: &str = "SELECT s.recruiter_id, s.workers, s.workers_who_paid, \
     s.debt_bondage_risks, s.fees_usd FROM fee_audit_recruiters s \
     JOIN fee_audits f ON f.id = s.fee_audit_id \
     WHERE NOT EXISTS (SELECT 1 FROM fee_audits g WHERE g.supplier_id = f.supplier_id \
     AND (g.created_at > f.created_at OR (g.created_at = f.created_at AND g.id > f.id)))";

/// Σ over a recruiter's shares.
#[derive(Default)]
struct Figures {
    suppliers: i64,
    workers: i64,
    workers_who_paid: i64,
    debt_bondage_risks: i64,
    fees_usd: Decimal,
}

/// Fills in the figures of every recruiter named by a latest audit (the others
/// keep the defaults: nothing).
async fn backfill(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(backend, LATEST_SHARES))
        .await?;
    let mut by_recruiter: HashMap<Uuid, Figures> = HashMap::new();
    for row in rows {
        let figures = by_recruiter.entry(row.try_get("", "recruiter_id")?).or_default();
        figures.suppliers += 1;
        figures.workers += row.try_get::<i64>("", "workers")?;
        figures.workers_who_paid += row.try_get::<i64>("", "workers_who_paid")?;
        figures.debt_bondage_risks += row.try_get::<i64>("", "debt_bondage_risks")?;
        let fees: String = row.try_get("", "fees_usd")?;
        let fees = fees
            .parse::<Decimal>()
            .map_err(|e| DbErr::Migration(format!("fees_usd {fees:?}: {e}")))?;
        figures.fees_usd = figures.fees_usd.saturating_add(fees);
    }
    for (id, figures) in by_recruiter {
        // As `domain::fee_audit::engine::round_money` shows money: half away from
        // zero, two decimals, never a negative zero.
        let mut shown = figures
            .fees_usd
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        shown.rescale(2);
        if shown.is_zero() {
            shown.set_sign_positive(true);
        }
        let cents = (shown * Decimal::ONE_HUNDRED).to_i64().unwrap_or(i64::MAX);
        let update = Query::update()
            .table("recruiters")
            .values([
                ("suppliers", figures.suppliers.into()),
                ("workers", figures.workers.into()),
                ("workers_who_paid", figures.workers_who_paid.into()),
                ("debt_bondage_risks", figures.debt_bondage_risks.into()),
                ("fees_usd", shown.to_string().into()),
                ("fee_rank", cents.saturating_neg().into()),
            ])
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        manager.exec_stmt(update).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in columns() {
            manager
                .alter_table(Table::alter().table("recruiters").add_column(column).take())
                .await?;
        }
        backfill(manager).await?;
        crate::list_indexes::create(manager, "recruiters", &INDEXES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::list_indexes::drop(manager, "recruiters", &INDEXES).await?;
        for column in COLUMN_NAMES {
            manager
                .alter_table(Table::alter().table("recruiters").drop_column(column).take())
                .await?;
        }
        Ok(())
    }
}
