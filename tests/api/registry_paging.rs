//! Keyset pagination of the recruiter registry and the audit trail (issue #23):
//! the recruiter list is ranked by fees stored on each recruiter (kept in step by
//! every upload, filled in by migration 000052 for the audits already stored), a
//! cursor walks it without gaps or repeats, bad cursors are refused naming
//! `cursor`, and both lists' statements are served by their covering indexes on
//! both databases (`EXPLAIN`), among a few thousand rows of another company.

use std::collections::HashSet;

use chrono::Utc;
use domain::database::Database;
use domain::{
    audit::trail::trail_list_queries,
    entities::{audit_event, recruiter},
    fee_audit::store::{recruiter_list_queries, unaudited_recruiter},
    listing::{ListQueries, Start, Total, time_key},
    values::{Cursor, CursorList},
};
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QueryTrait, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    fee_audits::{add_supplier, advisor_token, company_with_rates, uploaded_audit},
    helpers::{assert_problem, spawn_app},
    list_paging::plan,
};

/// Inserts `n` recruiters of `company` straight into the table with stored
/// figures: the fees fall by a dollar every two recruiters, and pairs share a
/// name too, so that both the name and the id break ties.
async fn seed_recruiters(db: &Database, company: Uuid, n: usize) {
    let rows: Vec<recruiter::ActiveModel> = (0..n)
        .map(|i| {
            let dollars = 10_000 - (i / 2) as i64;
            let mut row = unaudited_recruiter(
                company,
                format!("agency {i}|NP"),
                format!("Agency {:05}", i / 4),
                Some("NP".into()),
            );
            row.suppliers = Set(1);
            row.workers = Set(2);
            row.workers_who_paid = Set(1);
            row.fees_usd = Set(format!("{dollars}.00"));
            row.fee_rank = Set(-dollars * 100);
            row
        })
        .collect();
    for chunk in rows.chunks(500) {
        recruiter::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn recruiters_walk_by_cursor_in_fee_order_and_are_served_by_their_index() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid = Uuid::parse_str(&company.id).unwrap();
    seed_recruiters(&app.db, cid, 9).await;
    let path = format!("/companies/{cid}/recruiters");
    let mut query = "?per_page=4".to_string();
    let mut seen: Vec<(f64, String, String)> = Vec::new();
    let mut pages = 0;
    loop {
        let response = app.get_api(&format!("{path}{query}"), Some(&company.token)).await;
        assert_eq!(response.status(), 200);
        let page: Value = response.json().await.unwrap();
        pages += 1;
        assert_eq!(page["page"], pages);
        assert_eq!(page["total"], 9);
        for item in page["items"].as_array().unwrap() {
            assert_eq!(item["suppliers"], 1, "the stored figures are served");
            seen.push((
                item["fees_usd"].as_str().unwrap().parse().unwrap(),
                item["name"].as_str().unwrap().to_string(),
                item["id"].as_str().unwrap().to_string(),
            ));
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("?per_page=4&cursor={cursor}"),
            None => {
                assert_eq!(page["next_cursor"], Value::Null, "null on the last page");
                break;
            }
        }
        assert!(pages < 10, "the walk does not end");
    }
    assert_eq!(pages, 3);
    let unique: HashSet<&String> = seen.iter().map(|(_, _, id)| id).collect();
    assert_eq!(unique.len(), 9, "every recruiter once: {seen:?}");
    // Largest fees first, then by name, then by id.
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap()
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| {
                Uuid::parse_str(&a.2)
                    .unwrap()
                    .cmp(&Uuid::parse_str(&b.2).unwrap())
            })
    });
    assert_eq!(seen, sorted, "served in fee order");
    let page_two = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let by_number: Value = app
        .get_api(&format!("{path}?per_page=4&page=2"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        page_two(&by_number),
        seen[4..8].iter().map(|(_, _, id)| id.clone()).collect::<Vec<_>>(),
        "page 2 by number is page 2 by cursor"
    );
    // Another list's cursor, one whose key is not `rank:name`, and a cursor
    // beside a page number are refused naming `cursor`.
    let good = by_number["next_cursor"].as_str().unwrap().to_string();
    for bad in [
        format!(
            "?cursor={}",
            Cursor {
                page: 2,
                key: "-100:Agency".into(),
                id: Uuid::new_v4(),
            }
            .encode(CursorList::Suppliers)
        ),
        format!(
            "?cursor={}",
            Cursor {
                page: 2,
                key: "Agency 00001".into(),
                id: Uuid::new_v4(),
            }
            .encode(CursorList::Recruiters)
        ),
        "?cursor=not-base64!".into(),
        format!("?cursor={good}&page=2"),
    ] {
        let problem = assert_problem(
            app.get_api(&format!("{path}{bad}"), Some(&company.token)).await,
            422,
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "cursor", "{bad}");
    }
    // Another company's recruiter list is a 404, cursor or not.
    let other = app.registered_company().await;
    assert_problem(
        app.get_api(&format!("{path}?cursor={good}"), Some(&other.token))
            .await,
        404,
    )
    .await;

    // The plan of the company's list among another company's 3,000 recruiters.
    seed_recruiters(&app.db, Uuid::parse_str(&other.id).unwrap(), 3_000).await;
    let backend = app.db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        app.db
            .execute_unprepared("VACUUM ANALYZE recruiters")
            .await
            .unwrap();
    }
    let cursor = Cursor {
        page: 100,
        key: "-999000:Agency 00002".into(),
        id: Uuid::nil(),
    };
    for start in [Start::Page(1), Start::Page(5), Start::After(cursor)] {
        let queries = recruiter_list_queries(cid, &start, 50).unwrap();
        let seek = matches!(start, Start::After(_)).then_some("(fee_rank,name,id)>(?,?,?)");
        assert_served_by(&app.db, "recruiters", "ix_recruiters_company_list", queries, seek).await;
    }
}

/// Asserts that a list's count is answered from an index alone and its page is
/// read in the order of `index` after a seek on the company (and, with `seek`,
/// on the cursor's key: SQLite's words for it), with no scan of `table` and no
/// sort of its rows, on either database.
async fn assert_served_by<E: EntityTrait>(
    db: &Database,
    table: &str,
    index: &str,
    queries: ListQueries<E>,
    seek: Option<&str>,
) {
    let backend = db.get_database_backend();
    let kept = matches!(queries.count, Total::Kept(_));
    let count = plan(db, queries.count.build(backend)).await;
    let page = plan(db, queries.page.build(backend)).await;
    let context = format!("count {count:?}, page {page:?}");
    if kept {
        // A kept total (the trail's: migration 000056) reads its row and its
        // changes by key, never the list's own table.
        assert!(!count.iter().any(|l| l.contains(table)), "{context}");
        let by_key = |t: &str| match backend {
            DatabaseBackend::Sqlite => count.iter().any(|l| {
                l.starts_with(&format!("SEARCH {t} USING")) && l.contains("(company_id=? AND list=?)")
            }),
            _ => count.iter().any(|l| l.contains(&format!(" on {t} "))),
        };
        assert!(by_key("list_totals"), "{context}");
        assert!(by_key("list_total_changes"), "{context}");
    }
    match backend {
        DatabaseBackend::Sqlite => {
            // Any index starting with the company counts from the index alone.
            assert!(
                kept || count.iter().any(|l| l.contains("USING COVERING INDEX")),
                "{context}"
            );
            assert!(
                page.iter()
                    .any(|l| l.contains(&format!("INDEX {index} (company_id=?"))),
                "{context}"
            );
            for line in count.iter().chain(&page) {
                assert!(!line.starts_with(&format!("SCAN {table}")), "{context}");
                assert!(!line.contains("TEMP B-TREE"), "{context}");
            }
            if let Some(seek) = seek {
                assert!(
                    page.iter().any(|l| l.contains(seek)),
                    "the cursor is a seek: {context}"
                );
            }
        }
        _ => {
            // The planner may scan the kept totals' small tables.
            let counted = if kept { &[][..] } else { &count[..] };
            for line in counted.iter().chain(&page) {
                assert!(!line.starts_with("Seq Scan"), "{context}");
                assert!(!line.starts_with("Sort"), "{context}");
            }
            assert!(
                kept || count.iter().any(|l| l.starts_with("Index Only Scan")),
                "{context}"
            );
            assert!(
                page.iter().any(|l| l.contains("Index") && l.contains(index)),
                "{context}"
            );
        }
    }
}

/// Supplier B's audit: one worker paid USD `amount` to `recruiter` of Nepal.
fn one_worker_audit(recruiter: &str, amount: u32) -> String {
    format!(
        "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on\n\
         X1,NP,{recruiter},NP,2026-02-01,300,USD,recruitment_fee,{amount},USD,2026-01-20\n"
    )
}

/// `(name, suppliers, workers, workers_who_paid, fees_usd, debt_bondage_risks)` of
/// every recruiter on the list's first page, in its order.
async fn listed(app: &crate::helpers::TestApp, company: &crate::helpers::Company) -> Vec<Value> {
    let list: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            json!([
                r["name"],
                r["suppliers"],
                r["workers"],
                r["workers_who_paid"],
                r["fees_usd"],
                r["debt_bondage_risks"]
            ])
        })
        .collect()
}

#[tokio::test]
async fn stored_figures_follow_each_upload_and_the_migration_fills_them_in() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (a, _) = add_supplier(&app, &company, "Kain Garments").await;
    let (b, _) = add_supplier(&app, &company, "Batik Works").await;
    uploaded_audit(&app, &company, &a).await;
    let first_b = app
        .upload_fee_audit(&b, &company.token, &one_worker_audit("Sunrise Manpower", 400))
        .await;
    assert_eq!(first_b.status(), 201);
    assert_eq!(
        listed(&app, &company).await[0],
        json!(["Sunrise Manpower", 2, 3, 3, "1517.50", 2]),
        "1,117.50 from A and 400.00 from B"
    );
    // B's next audit names another recruiter only: Sunrise loses B's share, the
    // newcomer ranks by its own fees.
    let latest_b = app
        .upload_fee_audit(&b, &company.token, &one_worker_audit("Everest Overseas", 250))
        .await;
    assert_eq!(latest_b.status(), 201);
    let expected = vec![
        json!(["Sunrise Manpower", 1, 2, 2, "1117.50", 1]),
        json!(["Dhaka Links", 1, 2, 1, "300.00", 0]),
        json!(["Everest Overseas", 1, 1, 1, "250.00", 0]),
    ];
    assert_eq!(listed(&app, &company).await, expected);
    // The stored figures are the profile's, summed from the shares.
    let list: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    for item in list["items"].as_array().unwrap() {
        let detail: Value = app
            .get_recruiter(item["id"].as_str().unwrap(), &company.token)
            .await
            .json()
            .await
            .unwrap();
        for field in [
            "suppliers",
            "workers",
            "workers_who_paid",
            "fees_usd",
            "debt_bondage_risks",
        ] {
            assert_eq!(item[field], detail[field], "{field} of {}", item["name"]);
        }
    }
    // Repayments change what is owed, not what was paid to the recruiter.
    let latest_b: Value = latest_b.json().await.unwrap();
    let repaid = app
        .upload_repayments(
            latest_b["id"].as_str().unwrap(),
            &company.token,
            "worker_ref,amount,currency,paid_on\nX1,100,USD,2026-03-01\n",
        )
        .await;
    assert_eq!(repaid.status(), 201);
    assert_eq!(listed(&app, &company).await, expected);

    // Migration 000052 computes the same figures for audits stored before it:
    // undone (the columns go) and done again (filled in from the shares).
    let stored = |db: Database, cid: String| async move {
        recruiter::Entity::find()
            .filter(recruiter::Column::CompanyId.eq(Uuid::parse_str(&cid).unwrap()))
            .order_by_asc(recruiter::Column::Name)
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|r| {
                (
                    r.name,
                    r.suppliers,
                    r.workers,
                    r.workers_who_paid,
                    r.debt_bondage_risks,
                    r.fees_usd,
                    r.fee_rank,
                )
            })
            .collect::<Vec<_>>()
    };
    let before = stored(app.db.clone(), company.id.clone()).await;
    assert_eq!(before[2].6, -111_750, "Sunrise's rank: minus its cents");
    // Undo every migration from 000052 (the stored figures and their backfill) on,
    // however many came after it, then apply them again.
    let since_000052 = Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name().contains("_000052_"))
        .expect("migration 000052 is listed") as u32
        + 1;
    Migrator::down(app.db.write_pool(), Some(since_000052))
        .await
        .unwrap();
    Migrator::up(app.db.write_pool(), None).await.unwrap();
    assert_eq!(stored(app.db.clone(), company.id.clone()).await, before);
}

/// Inserts `n` audit events of `company` straight into the table, pairs sharing
/// a time (the id breaks the tie).
async fn seed_events(db: &Database, company: Uuid, n: usize) {
    let now = Utc::now();
    let rows: Vec<audit_event::ActiveModel> = (0..n)
        .map(|i| audit_event::ActiveModel {
            id: Set(Uuid::new_v4()),
            company_id: Set(Some(company)),
            actor_user_id: Set(None),
            action: Set("supplier.updated".into()),
            entity_type: Set("supplier".into()),
            entity_id: Set(None),
            before: Set(None),
            after: Set(None),
            created_at: Set(now - chrono::Duration::seconds((i / 2) as i64)),
        })
        .collect();
    for chunk in rows.chunks(500) {
        audit_event::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn the_audit_trail_walks_by_cursor_and_is_served_by_its_index() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid = Uuid::parse_str(&company.id).unwrap();
    seed_events(&app.db, cid, 7).await;
    let path = format!("/companies/{cid}/audit-events");
    let first: Value = app
        .get_api(&format!("{path}?per_page=3"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    // Registering the company left events of its own besides the seven.
    let total = first["total"].as_u64().unwrap();
    assert!(total >= 7, "{first}");
    let mut page = first;
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut pages = 1;
    loop {
        assert_eq!(page["page"], pages);
        assert_eq!(page["total"], total);
        for item in page["items"].as_array().unwrap() {
            seen.push((
                item["created_at"].as_str().unwrap().to_string(),
                item["id"].as_str().unwrap().to_string(),
            ));
        }
        let Some(cursor) = page["next_cursor"].as_str() else {
            assert_eq!(page["next_cursor"], Value::Null, "null on the last page");
            break;
        };
        let by_number: Value = app
            .get_api(
                &format!("{path}?per_page=3&page={}", pages + 1),
                Some(&company.token),
            )
            .await
            .json()
            .await
            .unwrap();
        page = app
            .get_api(
                &format!("{path}?per_page=3&cursor={cursor}"),
                Some(&company.token),
            )
            .await
            .json()
            .await
            .unwrap();
        pages += 1;
        assert_eq!(
            page["items"], by_number["items"],
            "page {pages} by number and by cursor"
        );
        assert!(pages < 20, "the walk does not end");
    }
    let unique: HashSet<&String> = seen.iter().map(|(_, id)| id).collect();
    assert_eq!(unique.len() as u64, total, "every event once: {seen:?}");
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| {
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        at(&b.0).cmp(&at(&a.0)).then_with(|| {
            Uuid::parse_str(&b.1)
                .unwrap()
                .cmp(&Uuid::parse_str(&a.1).unwrap())
        })
    });
    assert_eq!(seen, sorted, "newest first, ties by id");
    // Another list's cursor, or one whose key is not a time, is refused.
    for bad in [
        Cursor {
            page: 2,
            key: time_key(&Utc::now()),
            id: Uuid::new_v4(),
        }
        .encode(CursorList::VoiceCases),
        Cursor {
            page: 2,
            key: "not a time".into(),
            id: Uuid::new_v4(),
        }
        .encode(CursorList::AuditTrail),
    ] {
        let problem = assert_problem(
            app.get_api(&format!("{path}?cursor={bad}"), Some(&company.token))
                .await,
            422,
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "cursor");
    }
    // Officers and admins only, as in the portal; another company's trail is a 404.
    let advisor = advisor_token(&app, &company).await;
    assert_problem(app.get_api(&path, Some(&advisor)).await, 403).await;
    let other = app.registered_company().await;
    assert_problem(app.get_api(&path, Some(&other.token)).await, 404).await;

    // The plan of the company's trail among another company's 3,000 events.
    seed_events(&app.db, Uuid::parse_str(&other.id).unwrap(), 3_000).await;
    if app.db.get_database_backend() == DatabaseBackend::Postgres {
        app.db
            .execute_unprepared("VACUUM ANALYZE audit_events")
            .await
            .unwrap();
    }
    let cursor = Cursor {
        page: 100,
        key: time_key(&Utc::now()),
        id: Uuid::nil(),
    };
    for start in [Start::Page(1), Start::Page(5), Start::After(cursor)] {
        let queries = trail_list_queries(cid, &start, 50).unwrap();
        let seek = matches!(start, Start::After(_)).then_some("(created_at,id)<(?,?)");
        assert_served_by(
            &app.db,
            "audit_events",
            "ix_audit_events_company_list",
            queries,
            seek,
        )
        .await;
    }
}
