//! The audit trail's `total` is kept, not counted (issue #23, migration
//! `000056`): a trigger counts each event inserted or deleted as a change, the
//! total read is the kept row plus the changes, and folding the changes into the
//! kept row (the worker, every minute) leaves every total as it was. The
//! migration fills the totals of a trail that already exists.

use domain::{
    audit::{self, AuditEntry},
    entities::audit_event,
    list_totals::fold_changes,
};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use uuid::Uuid;

use crate::{
    helpers::{Company, TestApp, spawn_app},
    page_walk::get,
};

/// The trail's `total` as the API answers it, on page 1 and past the end (the
/// page carries it; an empty page reads it alone).
async fn listed_total(app: &TestApp, company: &Company) -> u64 {
    let list = format!("/companies/{}/audit-events", company.id);
    let first = get(app, &format!("{list}?per_page=1"), &company.token).await;
    let past = get(app, &format!("{list}?page=100000"), &company.token).await;
    assert_eq!(first["total"], past["total"]);
    first["total"].as_u64().unwrap()
}

/// The company's events, counted.
async fn counted(app: &TestApp, company: &Company) -> u64 {
    let id: Uuid = company.id.parse().unwrap();
    audit_event::Entity::find()
        .filter(audit_event::Column::CompanyId.eq(id))
        .count(&app.db)
        .await
        .unwrap()
}

/// An event of company `company_id` (or of none), done by the system.
fn event(company_id: Option<Uuid>) -> AuditEntry {
    AuditEntry {
        company_id,
        actor_user_id: None,
        action: "trail.counted",
        entity_type: "trail",
        entity_id: None,
        before: None,
        after: None,
    }
}

async fn record(app: &TestApp, company: Option<&Company>, n: usize) {
    for _ in 0..n {
        let company_id = company.map(|c| c.id.parse().unwrap());
        audit::record(&app.db, event(company_id)).await.unwrap();
    }
}

async fn changes_left(app: &TestApp) -> i64 {
    let backend = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n FROM list_total_changes",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

#[tokio::test]
async fn the_trail_total_is_exact_before_and_after_its_changes_are_folded() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    let registered = counted(&app, &company).await;
    assert!(registered > 0, "registering records events");
    assert_eq!(listed_total(&app, &company).await, registered);

    // Events of the company, of another company, and of no company.
    record(&app, Some(&company), 3).await;
    record(&app, Some(&other), 2).await;
    record(&app, None, 4).await;
    assert_eq!(listed_total(&app, &company).await, registered + 3);
    assert_eq!(listed_total(&app, &other).await, counted(&app, &other).await);

    // An event naming no existing company is still recorded (it never fails for
    // its count), and the fold drops its change.
    audit::record(&app.db, event(Some(Uuid::now_v7()))).await.unwrap();

    // Folding moves every change and changes no total.
    assert!(fold_changes(&app.db).await.unwrap() > 0);
    assert_eq!(changes_left(&app).await, 0);
    assert_eq!(listed_total(&app, &company).await, registered + 3);
    assert_eq!(listed_total(&app, &other).await, counted(&app, &other).await);
    assert_eq!(fold_changes(&app.db).await.unwrap(), 0, "nothing left to fold");

    // After a fold, new events and a deleted one count again.
    record(&app, Some(&company), 2).await;
    let one = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("trail.counted"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    audit_event::Entity::delete_by_id(one.id)
        .exec(&app.db)
        .await
        .unwrap();
    let now = counted(&app, &company).await + counted(&app, &other).await;
    assert_eq!(
        listed_total(&app, &company).await + listed_total(&app, &other).await,
        now
    );
    fold_changes(&app.db).await.unwrap();
    assert_eq!(listed_total(&app, &company).await, counted(&app, &company).await);
    assert_eq!(listed_total(&app, &other).await, counted(&app, &other).await);
}

#[tokio::test]
async fn the_migration_fills_the_total_of_a_trail_that_exists() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    // Undo 000056 (its triggers and totals) and write events without it.
    let since_000056 = Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name().contains("_000056_"))
        .expect("migration 000056 is listed") as u32
        + 1;
    Migrator::down(app.db.write_pool(), Some(since_000056))
        .await
        .unwrap();
    record(&app, Some(&company), 5).await;
    Migrator::up(app.db.write_pool(), None).await.unwrap();
    let expected = counted(&app, &company).await;
    assert!(expected >= 5);
    assert_eq!(listed_total(&app, &company).await, expected);
    // And the trigger counts from there on.
    record(&app, Some(&company), 1).await;
    assert_eq!(listed_total(&app, &company).await, expected + 1);
}

#[tokio::test]
async fn folding_while_events_are_recorded_loses_none() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid: Uuid = company.id.parse().unwrap();
    let writers: Vec<_> = (0..4)
        .map(|_| {
            let db = app.db.clone();
            tokio::spawn(async move {
                for _ in 0..40 {
                    audit::record(&db, event(Some(cid))).await.unwrap();
                }
            })
        })
        .collect();
    let db = app.db.clone();
    let folder = tokio::spawn(async move {
        let mut moved = 0;
        for _ in 0..30 {
            moved += fold_changes(&db).await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(3)).await;
        }
        moved
    });
    for writer in writers {
        writer.await.unwrap();
    }
    assert!(folder.await.unwrap() > 0, "folds ran while events were recorded");
    assert_eq!(listed_total(&app, &company).await, counted(&app, &company).await);
    fold_changes(&app.db).await.unwrap();
    assert_eq!(listed_total(&app, &company).await, counted(&app, &company).await);
}
