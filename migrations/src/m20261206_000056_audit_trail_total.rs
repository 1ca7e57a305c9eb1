//! The audit trail's `total` without counting the trail (issue #23).
//!
//! The trail list counted every event of the company on every request (50,000
//! events: most of the request, and the trail only grows). The supplier and
//! assessment lists keep their totals in `list_totals`, adjusted in the
//! transaction of each write; the trail cannot: nearly every write records an
//! event, and a counter row per company, locked until commit by every audited
//! transaction, would let two PostgreSQL transactions lock two kept totals in
//! opposite orders (a supplier created, then an assessment sent; an assessment
//! sent alone) and deadlock.
//!
//! So an event is counted by a row of its own: a trigger adds `+1` to
//! `list_total_changes` for each event inserted (and `-1` for one deleted or
//! moved to another company). Inserting a row takes no lock another
//! transaction waits for. The total a reader sees is the company's
//! `list_totals` row plus the sum of its changes, in one statement, so it is
//! exact whatever has been folded. The worker folds the changes into
//! `list_totals` every minute (`domain::list_totals::fold_changes`), which keeps
//! the sum short. The trigger is in the database so that every insert counts,
//! whichever statement makes it.
//!
//! The company's total is filled here from the trail as it is; on PostgreSQL
//! the trigger is created first, in the migration's transaction, and its lock
//! on `audit_events` holds concurrent inserts back until the fill has counted.

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The list's key in `list_totals` (the domain's `list_totals::Counted`).
const LIST: &str = "audit_events";

const SQLITE_TRIGGERS: [&str; 3] = [
    "CREATE TRIGGER audit_events_counted AFTER INSERT ON audit_events \
     WHEN NEW.company_id IS NOT NULL BEGIN \
       INSERT INTO list_total_changes (company_id, list, change) VALUES (NEW.company_id, 'audit_events', 1); \
     END",
    "CREATE TRIGGER audit_events_uncounted AFTER DELETE ON audit_events \
     WHEN OLD.company_id IS NOT NULL BEGIN \
       INSERT INTO list_total_changes (company_id, list, change) VALUES (OLD.company_id, 'audit_events', -1); \
     END",
    "CREATE TRIGGER audit_events_moved AFTER UPDATE OF company_id ON audit_events BEGIN \
       INSERT INTO list_total_changes (company_id, list, change) \
         SELECT OLD.company_id, 'audit_events', -1 WHERE OLD.company_id IS NOT NULL; \
       INSERT INTO list_total_changes (company_id, list, change) \
         SELECT NEW.company_id, 'audit_events', 1 WHERE NEW.company_id IS NOT NULL; \
     END",
];

const POSTGRES_TRIGGER: [&str; 2] = [
    "CREATE FUNCTION audit_events_count() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
       IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.company_id IS NOT NULL THEN \
         INSERT INTO list_total_changes (company_id, list, change) VALUES (OLD.company_id, 'audit_events', -1); \
       END IF; \
       IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.company_id IS NOT NULL THEN \
         INSERT INTO list_total_changes (company_id, list, change) VALUES (NEW.company_id, 'audit_events', 1); \
       END IF; \
       RETURN NULL; \
     END $$",
    "CREATE TRIGGER audit_events_counted AFTER INSERT OR DELETE OR UPDATE OF company_id ON audit_events \
     FOR EACH ROW EXECUTE FUNCTION audit_events_count()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("list_total_changes")
                    .if_not_exists()
                    .col(ColumnDef::new("company_id").uuid().not_null())
                    .col(ColumnDef::new("list").string_len(32).not_null())
                    .col(ColumnDef::new("change").big_integer().not_null())
                    // No foreign key: `audit_events.company_id` has none either,
                    // and an event must never fail for its count. The fold
                    // drops the changes of a company that no longer exists.
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_list_total_changes_list")
                    .table("list_total_changes")
                    .col("company_id")
                    .col("list")
                    .take(),
            )
            .await?;
        let db = manager.get_connection();
        let triggers: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &POSTGRES_TRIGGER,
            _ => &SQLITE_TRIGGERS,
        };
        for sql in triggers {
            db.execute_unprepared(sql).await?;
        }
        db.execute_unprepared(&format!(
            "INSERT INTO list_totals (company_id, list, total) \
             SELECT company_id, '{LIST}', COUNT(*) FROM audit_events \
             WHERE company_id IS NOT NULL GROUP BY company_id"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let drops: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &[
                "DROP TRIGGER IF EXISTS audit_events_counted ON audit_events",
                "DROP FUNCTION IF EXISTS audit_events_count()",
            ],
            _ => &[
                "DROP TRIGGER IF EXISTS audit_events_counted",
                "DROP TRIGGER IF EXISTS audit_events_uncounted",
                "DROP TRIGGER IF EXISTS audit_events_moved",
            ],
        };
        for sql in drops {
            db.execute_unprepared(sql).await?;
        }
        db.execute_unprepared(&format!("DELETE FROM list_totals WHERE list = '{LIST}'"))
            .await?;
        manager
            .drop_table(Table::drop().table("list_total_changes").take())
            .await
    }
}
