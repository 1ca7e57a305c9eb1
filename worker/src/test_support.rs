//! A real (SQLite file) database with the real migrations, one per test, for
//! the runner's and the jobs' tests.

#![allow(clippy::unwrap_used)]

use std::{path::PathBuf, time::Duration};

use domain::database::Database;
use domain::{
    entities::job,
    jobs::{self, JobOptions},
};
use migration::MigratorTrait;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::{
    Runner,
    config::{MailConfig, MailTransport, WorkerConfig},
};
/// Held by the tests that wipe the scratch PostgreSQL database
/// (`FAIRHIRE_WORKER_TEST_PG_URL`), so two of them never wipe it under each other.
pub(crate) static PG_SCRATCH: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A fresh database and scratch directory per test, removed on drop.
pub(crate) struct Fixture {
    pub(crate) db: Database,
    dir: PathBuf,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Fixture {
    pub(crate) async fn new() -> Fixture {
        let dir = std::env::temp_dir().join(format!("fairhire-worker-test-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.join("db.sqlite").display());
        let db = sea_orm::Database::connect(url).await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        Fixture { db: db.into(), dir }
    }

    pub(crate) fn outbox(&self) -> PathBuf {
        self.dir.join("outbox")
    }

    pub(crate) fn config(&self) -> WorkerConfig {
        let mut config = WorkerConfig::new(MailConfig::new(MailTransport::Outbox(self.outbox())));
        config.backoff_base = Duration::from_secs(1000);
        config.poll_interval = Duration::from_millis(10);
        config
    }

    pub(crate) fn runner(&self) -> Runner {
        Runner::new(self.db.clone(), self.config(), crate::jobs::catalogue()).unwrap()
    }

    pub(crate) async fn enqueue(&self, kind: &str, max_attempts: i32, priority: i32) -> Uuid {
        let options = JobOptions {
            max_attempts,
            priority,
            ..JobOptions::default()
        };
        jobs::enqueue_untyped(&self.db, kind, serde_json::json!({}), options)
            .await
            .unwrap()
    }

    pub(crate) async fn job(&self, id: Uuid) -> job::Model {
        job::Entity::find_by_id(id).one(&self.db).await.unwrap().unwrap()
    }

    pub(crate) async fn make_due(&self, id: Uuid) {
        job::Entity::update_many()
            .col_expr(job::Column::RunAt, Expr::value(0i64))
            .filter(job::Column::Id.eq(id))
            .exec(&self.db)
            .await
            .unwrap();
    }
}
