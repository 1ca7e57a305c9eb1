//! Keyset pagination and index-only list plans (issue #23): a cursor walks a
//! whole list without gaps or repeats while rows are inserted, the `total` follows
//! creates and archives, bad cursors are refused naming `cursor`, and the list's
//! statements are served by the covering indexes on both databases (`EXPLAIN`).

use std::collections::HashSet;

use chrono::Utc;
use domain::{
    assessments::{AssessmentFilter, assessment_list_queries},
    entities::{assessment, fee_audit, organization, supplier, voice_case},
    fee_audit::store::fee_audit_list_queries,
    listing::Start,
    suppliers::{SupplierFilter, list_queries},
    values::{Cursor, CursorList},
    voice::staff::{CaseFilter, case_list_queries},
};
use sea_orm::{ConnectionTrait, DatabaseBackend, EntityTrait, QueryTrait, Set, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Company, TestApp, assert_problem, spawn_app};

/// `GET /companies/{cid}/suppliers{query}` as the admin, as JSON (asserting 200).
async fn list(app: &TestApp, company: &Company, query: &str) -> Value {
    let response = app
        .get_api(
            &format!("/companies/{}/suppliers{query}", company.id),
            Some(&company.token),
        )
        .await;
    assert_eq!(response.status(), 200, "{query}");
    response.json().await.unwrap()
}

async fn add_supplier(app: &TestApp, company: &Company, name: &str) -> String {
    let response = app
        .create_supplier(
            company,
            &json!({"name": name, "country": "BD", "sector": "apparel_textiles",
                    "contact_email": format!("{}@x.example", Uuid::new_v4().simple())}),
        )
        .await;
    assert_eq!(response.status(), 201, "{name}");
    let body: Value = response.json().await.unwrap();
    body["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_cursor_walks_the_whole_list_while_rows_are_inserted() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let mut before = HashSet::new();
    for i in 0..11 {
        // Two suppliers share each name: the id breaks the tie.
        before.insert(add_supplier(&app, &company, &format!("M Supplier {}", i / 2)).await);
    }
    let mut seen: Vec<String> = Vec::new();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut query = "?per_page=4".to_string();
    let mut pages = 0;
    loop {
        let page = list(&app, &company, &query).await;
        pages += 1;
        assert_eq!(page["page"], pages, "the page number follows the cursor");
        assert_eq!(page["per_page"], 4);
        for item in page["items"].as_array().unwrap() {
            seen.push(item["id"].as_str().unwrap().to_string());
            names.push((
                item["name"].as_str().unwrap().to_string(),
                item["id"].as_str().unwrap().to_string(),
            ));
        }
        // While the client walks, suppliers are added before and after its place.
        add_supplier(&app, &company, &format!("A Early {pages}")).await;
        add_supplier(&app, &company, &format!("Z Late {pages}")).await;
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("?per_page=4&cursor={cursor}"),
            None => {
                assert_eq!(page["next_cursor"], Value::Null, "null on the last page");
                break;
            }
        }
        assert!(pages < 20, "the walk does not end");
    }
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no supplier is served twice: {seen:?}");
    for id in &before {
        assert!(unique.contains(id), "supplier {id} was skipped");
    }
    // Rows added behind the walk are not served; rows added ahead of it are.
    assert!(names.iter().all(|(name, _)| !name.starts_with("A Early")));
    assert!(names.iter().any(|(name, _)| name.starts_with("Z Late")));
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "served in (name, id) order");
    // The walk's pages agree with `?page=`: page 2 by number is page 2 by cursor
    // (nothing is added now).
    let first = list(&app, &company, "?per_page=4").await;
    let by_cursor = list(
        &app,
        &company,
        &format!("?per_page=4&cursor={}", first["next_cursor"].as_str().unwrap()),
    )
    .await;
    let by_number = list(&app, &company, "?per_page=4&page=2").await;
    assert_eq!(by_cursor["items"], by_number["items"]);
    assert_eq!(by_cursor["total"], by_number["total"]);
    assert_eq!(by_cursor["page"], 2);
}

#[tokio::test]
async fn the_total_follows_creates_and_archives() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    assert_eq!(list(&app, &company, "").await["total"], 0);
    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(add_supplier(&app, &company, &format!("Supplier {i}")).await);
    }
    let listed = list(&app, &company, "?per_page=2").await;
    assert_eq!(listed["total"], 5);
    assert_eq!(listed["items"].as_array().unwrap().len(), 2);
    let archived = app
        .post_json(
            &format!("/suppliers/{}/archive", ids[0]),
            Some(&company.token),
            &json!({}),
        )
        .await;
    assert_eq!(archived.status(), 200);
    assert_eq!(list(&app, &company, "").await["total"], 4);
    // Archiving it again changes nothing, the kept total neither.
    let again = app
        .post_json(
            &format!("/suppliers/{}/archive", ids[0]),
            Some(&company.token),
            &json!({}),
        )
        .await;
    assert_eq!(again.status(), 200);
    assert_eq!(list(&app, &company, "").await["total"], 4);
    // The kept totals (unfiltered) agree with the counted ones (a filter that
    // every supplier matches is counted).
    assert_eq!(list(&app, &company, "?country=BD").await["total"], 4);
    assert_eq!(
        list(&app, &company, "?country=BD&include_archived=true").await["total"],
        5
    );
    assert_eq!(list(&app, &company, "?include_archived=true").await["total"], 5);
    assert_eq!(list(&app, &company, "?q=supplier%203").await["total"], 1);
    // Another company's suppliers never count.
    let other = app.registered_company().await;
    add_supplier(&app, &other, "Elsewhere").await;
    assert_eq!(list(&app, &company, "").await["total"], 4);
    assert_eq!(list(&app, &other, "").await["total"], 1);
    // Past the last page the total is still there (read on its own).
    let past = list(&app, &company, "?per_page=2&page=9").await;
    assert_eq!(past["total"], 4);
    assert!(past["items"].as_array().unwrap().is_empty());
    // The last page says so.
    let last = list(&app, &company, "?per_page=2&page=2").await;
    assert_eq!(last["next_cursor"], Value::Null);
    assert_eq!(last["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn two_archives_at_once_take_one_off_the_kept_total() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(add_supplier(&app, &company, &format!("Supplier {i}")).await);
    }
    let path = format!("/suppliers/{}/archive", ids[1]);
    let body = json!({});
    let (a, b) = tokio::join!(
        app.post_json(&path, Some(&company.token), &body),
        app.post_json(&path, Some(&company.token), &body),
    );
    assert_eq!(a.status(), 200);
    assert_eq!(b.status(), 200);
    assert_eq!(list(&app, &company, "").await["total"], 2);
    assert_eq!(list(&app, &company, "?include_archived=true").await["total"], 3);
}

#[tokio::test]
async fn bad_cursors_are_refused_naming_cursor() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    for i in 0..3 {
        add_supplier(&app, &company, &format!("Supplier {i}")).await;
    }
    let good = list(&app, &company, "?per_page=1").await["next_cursor"]
        .as_str()
        .unwrap()
        .to_string();
    let foreign = Cursor {
        page: 2,
        key: "Supplier 0".into(),
        id: Uuid::new_v4(),
    }
    .encode(CursorList::Assessments);
    for query in [
        "?cursor=".to_string(),
        "?cursor=not-base64!".to_string(),
        "?cursor=czF8Mnxub3QtYS11dWlkfGE".to_string(), // "s1|2|not-a-uuid|a"
        format!("?cursor={foreign}"),
        format!("?cursor={good}&page=2"),
    ] {
        let response = app
            .get_api(
                &format!("/companies/{}/suppliers{query}", company.id),
                Some(&company.token),
            )
            .await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(problem["errors"][0]["field"], "cursor", "{query}");
    }
    // A list paged by number only refuses a cursor rather than ignoring it.
    let response = app
        .get_api(
            &format!("/companies/{}/fx-rates?cursor={good}", company.id),
            Some(&company.token),
        )
        .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(problem["errors"][0]["field"], "cursor");
    // A cursor seeking past the end of the list is a last page, not an error.
    let past = Cursor {
        page: 9,
        key: "zzzz".into(),
        id: Uuid::max(),
    }
    .encode(CursorList::Suppliers);
    let page = list(&app, &company, &format!("?cursor={past}")).await;
    assert_eq!(page["items"], json!([]));
    assert_eq!(page["total"], 3);
    assert_eq!(page["next_cursor"], Value::Null);
}

/// Inserts `n` suppliers of `company` straight into the table (fast, and the
/// plan does not depend on how they came).
async fn seed(db: &domain::database::Database, company: Uuid, n: usize) {
    let now = Utc::now();
    let ids: Vec<Uuid> = (0..n).map(|_| Uuid::new_v4()).collect();
    // A supplier's id is its organization's id.
    let organizations: Vec<organization::ActiveModel> = ids
        .iter()
        .map(|id| organization::ActiveModel {
            id: Set(*id),
            kind: Set("supplier".into()),
            name: Set("Seeded".into()),
            company_id: Set(Some(company)),
            locale: Set("en".into()),
            created_at: Set(now),
        })
        .collect();
    for chunk in organizations.chunks(500) {
        organization::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
    let rows: Vec<supplier::ActiveModel> = (0..n)
        .map(|i| supplier::ActiveModel {
            id: Set(ids[i]),
            company_id: Set(company),
            name: Set(format!("Seeded {i:05}")),
            country: Set(["BD", "MY", "TH", "VN"][i % 4].into()),
            sector: Set(["apparel_textiles", "electronics"][i % 2].into()),
            contact_email: Set(format!("s{i}@x.example")),
            contact_name: Set(None),
            risk_score: Set(None),
            risk_band: Set(Some(["low", "medium", "high", "critical"][i % 4].into())),
            archived_at: Set(None),
            created_at: Set(now),
        })
        .collect();
    for chunk in rows.chunks(500) {
        supplier::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

/// The plan of `statement`: SQLite's `EXPLAIN QUERY PLAN` detail lines, or the
/// nodes of PostgreSQL's `EXPLAIN (FORMAT JSON)` as "Node Type on Relation (Index)".
pub(crate) async fn plan(db: &domain::database::Database, statement: Statement) -> Vec<String> {
    let backend = db.get_database_backend();
    match backend {
        DatabaseBackend::Sqlite => {
            let explain = Statement::from_sql_and_values(
                backend,
                format!("EXPLAIN QUERY PLAN {}", statement.sql),
                statement.values.map(|v| v.0).unwrap_or_default(),
            );
            db.query_all_raw(explain)
                .await
                .unwrap()
                .iter()
                .map(|row| row.try_get::<String>("", "detail").unwrap())
                .collect()
        }
        _ => {
            let explain = Statement::from_sql_and_values(
                backend,
                format!("EXPLAIN (FORMAT JSON) {}", statement.sql),
                statement.values.map(|v| v.0).unwrap_or_default(),
            );
            let row = db.query_one_raw(explain).await.unwrap().unwrap();
            let json: Value = row.try_get_by_index(0).unwrap();
            let mut nodes = Vec::new();
            flatten(&json[0]["Plan"], &mut nodes);
            nodes
        }
    }
}

fn flatten(node: &Value, into: &mut Vec<String>) {
    into.push(format!(
        "{} on {} ({})",
        node["Node Type"].as_str().unwrap_or(""),
        node["Relation Name"].as_str().unwrap_or("-"),
        node["Index Name"].as_str().unwrap_or("-"),
    ));
    for child in node["Plans"].as_array().into_iter().flatten() {
        flatten(child, into);
    }
}

/// The total of an unfiltered list is the kept one (`list_totals`, issue #23):
/// SQLite reads its row by primary key; PostgreSQL reads `list_totals` (the
/// planner may scan a table this small). Either way the list's own `table` is
/// not read for it.
fn reads_kept_total(plan: &[String], table: &str, backend: DatabaseBackend) -> bool {
    let kept = match backend {
        DatabaseBackend::Sqlite => plan
            .iter()
            .any(|l| l.starts_with("SEARCH list_totals USING") && l.contains("(company_id=? AND list=?)")),
        _ => plan.iter().any(|l| l.contains(" on list_totals ")),
    };
    kept && !plan.iter().any(|l| l.contains(table))
}

#[tokio::test]
async fn supplier_list_statements_are_served_by_the_covering_indexes() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid = Uuid::parse_str(&company.id).unwrap();
    // The company's 600 suppliers among 6,000: the planner has a reason to use
    // the index, as in a real multi-tenant installation.
    let other = app.registered_company().await;
    seed(&app.db, cid, 600).await;
    seed(&app.db, Uuid::parse_str(&other.id).unwrap(), 5_400).await;
    let backend = app.db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        // Statistics, and the visibility map an index-only scan needs.
        app.db
            .execute_unprepared("VACUUM ANALYZE suppliers")
            .await
            .unwrap();
    }
    let cursor = Cursor {
        page: 100,
        key: "Seeded 00300".into(),
        id: Uuid::nil(),
    };
    let cases = [
        (
            "unfiltered",
            SupplierFilter::default(),
            "ix_suppliers_company_list",
        ),
        (
            "band",
            SupplierFilter {
                risk_band: Some("high".into()),
                ..SupplierFilter::default()
            },
            "ix_suppliers_company_band_list",
        ),
        (
            "country",
            SupplierFilter {
                country: Some("MY".into()),
                ..SupplierFilter::default()
            },
            "ix_suppliers_company_country_list",
        ),
        (
            "sector",
            SupplierFilter {
                sector: Some("electronics".into()),
                ..SupplierFilter::default()
            },
            "ix_suppliers_company_sector_list",
        ),
        (
            "search",
            SupplierFilter {
                q: Some("seeded 0001".into()),
                ..SupplierFilter::default()
            },
            "ix_suppliers_company_list",
        ),
    ];
    for (what, filter, index) in cases {
        for start in [Start::Page(1), Start::Page(5), Start::After(cursor.clone())] {
            let queries = list_queries(cid, &filter, &start, 50).unwrap();
            let count = plan(&app.db, queries.count.build(backend)).await;
            let page = plan(&app.db, queries.page.build(backend)).await;
            let context = format!("{what}, {start:?}: count {count:?}, page {page:?}");
            if what == "unfiltered" {
                assert!(reads_kept_total(&count, "suppliers", backend), "{context}");
                // The page carries the kept total: one statement for both.
                assert!(page.iter().any(|l| l.contains("list_totals")), "{context}");
            }
            match backend {
                DatabaseBackend::Sqlite => {
                    // Any index of the list that holds the filter serves a count,
                    // from the index alone.
                    assert!(
                        what == "unfiltered"
                            || count
                                .iter()
                                .any(|l| l.contains("USING COVERING INDEX ix_suppliers_company_")),
                        "{context}"
                    );
                    // The page is a search of the list's index, in its order.
                    assert!(
                        page.iter().any(|l| l.starts_with("SEARCH suppliers USING")
                            && l.contains(&format!("INDEX {index} (company_id=?"))),
                        "{context}"
                    );
                    for line in count.iter().chain(&page) {
                        assert!(!line.starts_with("SCAN suppliers"), "{context}");
                        assert!(!line.contains("TEMP B-TREE"), "{context}");
                    }
                    if matches!(start, Start::After(_)) && what != "search" {
                        assert!(
                            page.iter().any(|l| l.contains("(name,id)>(?,?)")),
                            "the cursor is a seek: {context}"
                        );
                    }
                }
                _ => {
                    // No sequential scan of the table. (A small sort is the
                    // planner's choice where a filter leaves few rows: a bitmap
                    // scan of the index, then sorting those few.)
                    for line in count.iter().chain(&page) {
                        assert!(!line.starts_with("Seq Scan on suppliers"), "{context}");
                    }
                    assert!(
                        what == "unfiltered"
                            || count
                                .iter()
                                .any(|l| l.starts_with("Index Only Scan")
                                    && l.contains("(ix_suppliers_company_")),
                        "{context}"
                    );
                    assert!(
                        page.iter().any(|l| l.contains("Index") && l.contains(index)),
                        "{context}"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn assessments_walk_by_cursor_newest_first_without_gaps_or_repeats() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let questionnaire = app.standard_questionnaire(&company).await;
    let supplier = add_supplier(&app, &company, "Assessed").await;
    let mut before = HashSet::new();
    for _ in 0..7 {
        before.insert(app.send_assessment(&company, &supplier, &questionnaire).await);
    }
    let path = format!("/companies/{}/assessments", company.id);
    let mut query = "?per_page=3".to_string();
    let mut seen = Vec::new();
    let mut added = HashSet::new();
    let mut pages = 0;
    loop {
        let response = app.get_api(&format!("{path}{query}"), Some(&company.token)).await;
        assert_eq!(response.status(), 200);
        let page: Value = response.json().await.unwrap();
        pages += 1;
        assert_eq!(page["page"], pages);
        for item in page["items"].as_array().unwrap() {
            seen.push(item["id"].as_str().unwrap().to_string());
        }
        // Newer assessments land before the walk's place: never served by it.
        added.insert(app.send_assessment(&company, &supplier, &questionnaire).await);
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("?per_page=3&cursor={cursor}"),
            None => break,
        }
        assert!(pages < 10, "the walk does not end");
    }
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no assessment twice: {seen:?}");
    assert_eq!(unique.len(), before.len(), "exactly the ones there at the start");
    assert!(before.iter().all(|id| unique.contains(id)));
    assert!(added.iter().all(|id| !unique.contains(id)));
    // The total counts them all, filters too; a supplier cursor is refused here.
    let first: Value = app
        .get_api(&format!("{path}?per_page=3&status=sent"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["total"], 7 + added.len());
    let foreign = Cursor {
        page: 2,
        key: "x".into(),
        id: Uuid::new_v4(),
    }
    .encode(CursorList::Suppliers);
    let problem = assert_problem(
        app.get_api(&format!("{path}?cursor={foreign}"), Some(&company.token))
            .await,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "cursor");
    // An assessment cursor whose key is not a time is refused the same way.
    let not_a_time = Cursor {
        page: 2,
        key: "yesterday".into(),
        id: Uuid::new_v4(),
    }
    .encode(CursorList::Assessments);
    let problem = assert_problem(
        app.get_api(&format!("{path}?cursor={not_a_time}"), Some(&company.token))
            .await,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "cursor");
}

#[tokio::test]
async fn assessment_list_statements_are_served_by_the_covering_indexes() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid = Uuid::parse_str(&company.id).unwrap();
    let questionnaire = Uuid::parse_str(&app.standard_questionnaire(&company).await).unwrap();
    let supplier = Uuid::parse_str(&add_supplier(&app, &company, "Assessed").await).unwrap();
    let other = app.registered_company().await;
    let other_supplier = Uuid::parse_str(&add_supplier(&app, &other, "Elsewhere").await).unwrap();
    let now = Utc::now();
    let rows: Vec<assessment::ActiveModel> = (0..6_000)
        .map(|i| {
            let (company_id, supplier_id) = if i % 10 == 0 {
                (cid, supplier)
            } else {
                (Uuid::parse_str(&other.id).unwrap(), other_supplier)
            };
            assessment::ActiveModel {
                id: Set(Uuid::new_v4()),
                company_id: Set(company_id),
                supplier_id: Set(supplier_id),
                questionnaire_id: Set(questionnaire),
                status: Set(["sent", "in_progress", "submitted"][i % 3].into()),
                due_date: Set(now.date_naive()),
                locale: Set("en".into()),
                submitted_at: Set(None),
                scored_at: Set(None),
                score: Set(None),
                risk_band: Set(None),
                score_breakdown: Set(None),
                review_comment: Set(None),
                created_by: Set(None),
                created_at: Set(now - chrono::Duration::seconds(i as i64)),
                updated_at: Set(now),
            }
        })
        .collect();
    for chunk in rows.chunks(500) {
        assessment::Entity::insert_many(chunk.to_vec())
            .exec(&app.db)
            .await
            .unwrap();
    }
    let backend = app.db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        app.db
            .execute_unprepared("VACUUM ANALYZE assessments")
            .await
            .unwrap();
    }
    let cursor = Cursor {
        page: 100,
        key: domain::listing::time_key(&(now - chrono::Duration::seconds(3_000))),
        id: Uuid::nil(),
    };
    let cases = [
        (
            "unfiltered",
            AssessmentFilter::default(),
            "ix_assessments_company_list",
        ),
        (
            "status",
            AssessmentFilter {
                status: Some("submitted".into()),
                ..AssessmentFilter::default()
            },
            "ix_assessments_company_status_list",
        ),
        (
            "supplier",
            AssessmentFilter {
                supplier_id: Some(supplier),
                ..AssessmentFilter::default()
            },
            "ix_assessments_company_supplier_list",
        ),
    ];
    for (what, filter, index) in cases {
        for start in [Start::Page(1), Start::Page(5), Start::After(cursor.clone())] {
            let queries = assessment_list_queries(cid, filter.clone(), &start, 50).unwrap();
            let count = plan(&app.db, queries.count.build(backend)).await;
            let page = plan(&app.db, queries.page.build(backend)).await;
            let context = format!("{what}, {start:?}: count {count:?}, page {page:?}");
            if what == "unfiltered" {
                assert!(reads_kept_total(&count, "assessments", backend), "{context}");
                assert!(page.iter().any(|l| l.contains("list_totals")), "{context}");
            }
            match backend {
                DatabaseBackend::Sqlite => {
                    assert!(
                        what == "unfiltered"
                            || count
                                .iter()
                                .any(|l| l.contains("USING COVERING INDEX ix_assessments_company_")),
                        "{context}"
                    );
                    assert!(
                        page.iter().any(|l| l.starts_with("SEARCH assessments USING")
                            && l.contains(&format!("INDEX {index} (company_id=?"))),
                        "{context}"
                    );
                    for line in count.iter().chain(&page) {
                        assert!(!line.starts_with("SCAN assessments"), "{context}");
                        assert!(!line.contains("TEMP B-TREE"), "{context}");
                    }
                    if matches!(start, Start::After(_)) {
                        assert!(
                            page.iter().any(|l| l.contains("(created_at,id)<(?,?)")),
                            "the cursor is a seek: {context}"
                        );
                    }
                }
                _ => {
                    for line in count.iter().chain(&page) {
                        assert!(!line.starts_with("Seq Scan on assessments"), "{context}");
                    }
                    assert!(
                        what == "unfiltered"
                            || count.iter().any(|l| l.starts_with("Index Only Scan")
                                && l.contains("(ix_assessments_company_")),
                        "{context}"
                    );
                    assert!(
                        page.iter().any(|l| l.contains("Index") && l.contains(index)),
                        "{context}"
                    );
                }
            }
        }
    }
}

/// Inserts `n` fee audits of a supplier straight into the table, one second
/// apart (the list shows summaries only, so an empty summary will do).
async fn seed_fee_audits(db: &domain::database::Database, company: Uuid, supplier: Uuid, n: usize) {
    let now = Utc::now();
    let rows: Vec<fee_audit::ActiveModel> = (0..n)
        .map(|i| fee_audit::ActiveModel {
            id: Set(Uuid::new_v4()),
            company_id: Set(company),
            supplier_id: Set(supplier),
            summary: Set(json!({})),
            row_count: Set(1),
            created_by: Set(None),
            // Pairs share a time: the id breaks the tie.
            created_at: Set(now - chrono::Duration::seconds((i / 2) as i64)),
        })
        .collect();
    for chunk in rows.chunks(500) {
        fee_audit::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn fee_audits_walk_by_cursor_and_are_served_by_their_index() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid = Uuid::parse_str(&company.id).unwrap();
    let sid = add_supplier(&app, &company, "Audited").await;
    let supplier = Uuid::parse_str(&sid).unwrap();
    seed_fee_audits(&app.db, cid, supplier, 7).await;
    let mut query = "?per_page=3".to_string();
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let response = app
            .get_api(
                &format!("/suppliers/{sid}/fee-audits{query}"),
                Some(&company.token),
            )
            .await;
        assert_eq!(response.status(), 200);
        let page: Value = response.json().await.unwrap();
        pages += 1;
        assert_eq!(page["page"], pages);
        assert_eq!(page["total"], 7);
        for item in page["items"].as_array().unwrap() {
            seen.push((
                item["created_at"].as_str().unwrap().to_string(),
                item["id"].as_str().unwrap().to_string(),
            ));
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("?per_page=3&cursor={cursor}"),
            None => break,
        }
        assert!(pages < 10, "the walk does not end");
    }
    assert_eq!(pages, 3);
    let unique: HashSet<&(String, String)> = seen.iter().collect();
    assert_eq!(unique.len(), 7, "every audit once: {seen:?}");
    let bad = Cursor {
        page: 2,
        key: "not a time".into(),
        id: Uuid::new_v4(),
    }
    .encode(CursorList::FeeAudits);
    let problem = assert_problem(
        app.get_api(
            &format!("/suppliers/{sid}/fee-audits?cursor={bad}"),
            Some(&company.token),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "cursor");

    // The plan of the supplier's list among another supplier's 3,000 audits.
    let other = Uuid::parse_str(&add_supplier(&app, &company, "Audited more").await).unwrap();
    seed_fee_audits(&app.db, cid, other, 3_000).await;
    let backend = app.db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        app.db
            .execute_unprepared("VACUUM ANALYZE fee_audits")
            .await
            .unwrap();
    }
    let cursor = Cursor {
        page: 100,
        key: domain::listing::time_key(&Utc::now()),
        id: Uuid::nil(),
    };
    for start in [Start::Page(1), Start::Page(5), Start::After(cursor)] {
        let queries = fee_audit_list_queries(supplier, &start, 50).unwrap();
        let count = plan(&app.db, queries.count.build(backend)).await;
        let page = plan(&app.db, queries.page.build(backend)).await;
        let context = format!("{start:?}: count {count:?}, page {page:?}");
        match backend {
            DatabaseBackend::Sqlite => {
                assert!(
                    count
                        .iter()
                        .any(|l| l.contains("USING COVERING INDEX ix_fee_audits_supplier_list")),
                    "{context}"
                );
                assert!(
                    page.iter()
                        .any(|l| l.contains("INDEX ix_fee_audits_supplier_list (supplier_id=?")),
                    "{context}"
                );
                for line in count.iter().chain(&page) {
                    assert!(!line.starts_with("SCAN fee_audits"), "{context}");
                    assert!(!line.contains("TEMP B-TREE"), "{context}");
                }
            }
            _ => {
                for line in count.iter().chain(&page) {
                    assert!(!line.starts_with("Seq Scan"), "{context}");
                }
                assert!(
                    count
                        .iter()
                        .any(|l| l.starts_with("Index Only Scan")
                            && l.contains("(ix_fee_audits_supplier_list)")),
                    "{context}"
                );
                assert!(
                    page.iter()
                        .any(|l| l.contains("Index") && l.contains("ix_fee_audits_supplier_list")),
                    "{context}"
                );
            }
        }
    }
}

/// Inserts `n` cases reported on `channel` straight into the table, pairs
/// sharing a time (the id breaks the tie); every fourth is urgent, statuses in
/// turn. The list shows no sealed words, so placeholders will do.
async fn seed_cases(db: &domain::database::Database, company: Uuid, supplier: Uuid, channel: Uuid, n: usize) {
    let now = Utc::now();
    let rows: Vec<voice_case::ActiveModel> = (0..n)
        .map(|i| voice_case::ActiveModel {
            id: Set(Uuid::new_v4()),
            company_id: Set(company),
            supplier_id: Set(supplier),
            channel_id: Set(channel),
            code: Set(format!("T{}", Uuid::new_v4().simple())),
            secret_hash: Set("not a hash".into()),
            category: Set("fees".into()),
            indicator: Set("recruitment_fees".into()),
            urgent: Set(i % 4 == 0),
            locale: Set("en".into()),
            report_sealed: Set("sealed".into()),
            contact_sealed: Set(None),
            status: Set(["new", "acknowledged", "investigating"][i % 3].into()),
            first_response_at: Set(None),
            closed_at: Set(None),
            created_at: Set(now - chrono::Duration::seconds((i / 2) as i64)),
            updated_at: Set(now),
            nationality: Set(None),
        })
        .collect();
    for chunk in rows.chunks(500) {
        voice_case::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

/// The ids of `world`'s company, supplier and channel.
fn voice_ids(world: &crate::voice::VoiceWorld) -> (Uuid, Uuid, Uuid) {
    (
        Uuid::parse_str(&world.company.id).unwrap(),
        Uuid::parse_str(&world.supplier_id).unwrap(),
        Uuid::parse_str(world.channel["id"].as_str().unwrap()).unwrap(),
    )
}

#[tokio::test]
async fn voice_cases_walk_by_cursor_and_are_served_by_their_indexes() {
    let app = spawn_app().await;
    let world = crate::voice::voice_world(&app).await;
    let (cid, supplier, channel) = voice_ids(&world);
    seed_cases(&app.db, cid, supplier, channel, 7).await;
    let path = format!("/companies/{cid}/voice/cases");
    let mut query = "?per_page=3".to_string();
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let response = app
            .get_api(&format!("{path}{query}"), Some(&world.company.token))
            .await;
        assert_eq!(response.status(), 200);
        let page: Value = response.json().await.unwrap();
        pages += 1;
        assert_eq!(page["page"], pages);
        assert_eq!(page["total"], 7);
        for item in page["items"].as_array().unwrap() {
            seen.push((
                item["created_at"].as_str().unwrap().to_string(),
                item["id"].as_str().unwrap().to_string(),
            ));
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("?per_page=3&cursor={cursor}"),
            None => {
                assert_eq!(page["next_cursor"], Value::Null, "null on the last page");
                break;
            }
        }
        assert!(pages < 10, "the walk does not end");
    }
    assert_eq!(pages, 3);
    let unique: HashSet<&(String, String)> = seen.iter().collect();
    assert_eq!(unique.len(), 7, "every case once: {seen:?}");
    let by_number: Value = app
        .get_api(&format!("{path}?per_page=3&page=2"), Some(&world.company.token))
        .await
        .json()
        .await
        .unwrap();
    let ids = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&by_number),
        seen[3..6].iter().map(|(_, id)| id.clone()).collect::<Vec<_>>(),
        "page 2 by number is page 2 by cursor"
    );
    // A cursor of another list, or one whose key is not a time, is refused.
    for bad in [
        Cursor {
            page: 2,
            key: "x".into(),
            id: Uuid::new_v4(),
        }
        .encode(CursorList::Suppliers),
        Cursor {
            page: 2,
            key: "not a time".into(),
            id: Uuid::new_v4(),
        }
        .encode(CursorList::VoiceCases),
    ] {
        let problem = assert_problem(
            app.get_api(&format!("{path}?cursor={bad}"), Some(&world.company.token))
                .await,
            422,
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "cursor");
    }

    // The plan of the company's list among another company's 3,000 cases.
    let other = crate::voice::voice_world(&app).await;
    let (other_cid, other_supplier, other_channel) = voice_ids(&other);
    seed_cases(&app.db, other_cid, other_supplier, other_channel, 3_000).await;
    let backend = app.db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        app.db
            .execute_unprepared("VACUUM ANALYZE voice_cases")
            .await
            .unwrap();
    }
    let cursor = Cursor {
        page: 100,
        key: domain::listing::time_key(&Utc::now()),
        id: Uuid::nil(),
    };
    let filters = [
        ("unfiltered", CaseFilter::default(), "ix_voice_cases_company_list"),
        (
            "status",
            CaseFilter {
                status: Some("new".into()),
                ..CaseFilter::default()
            },
            "ix_voice_cases_company_status_list",
        ),
        (
            "urgent",
            CaseFilter {
                urgent: Some(true),
                ..CaseFilter::default()
            },
            "ix_voice_cases_company_urgent_list",
        ),
        (
            "supplier",
            CaseFilter {
                supplier_id: Some(supplier),
                ..CaseFilter::default()
            },
            "ix_voice_cases_company_supplier_list",
        ),
    ];
    for (what, filter, index) in filters {
        for start in [Start::Page(1), Start::Page(5), Start::After(cursor.clone())] {
            let queries = case_list_queries(cid, filter.clone(), &start, 50).unwrap();
            let count = plan(&app.db, queries.count.build(backend)).await;
            let page = plan(&app.db, queries.page.build(backend)).await;
            let context = format!("{what}, {start:?}: count {count:?}, page {page:?}");
            match backend {
                DatabaseBackend::Sqlite => {
                    assert!(
                        count
                            .iter()
                            .any(|l| l.contains("USING COVERING INDEX ix_voice_cases_company_")),
                        "{context}"
                    );
                    assert!(
                        page.iter()
                            .any(|l| l.contains(&format!("INDEX {index} (company_id=?"))),
                        "{context}"
                    );
                    for line in count.iter().chain(&page) {
                        assert!(!line.starts_with("SCAN voice_cases"), "{context}");
                        assert!(!line.contains("TEMP B-TREE"), "{context}");
                    }
                    if matches!(start, Start::After(_)) {
                        assert!(
                            page.iter().any(|l| l.contains("(created_at,id)<(?,?)")),
                            "the cursor is a seek: {context}"
                        );
                    }
                }
                _ => {
                    for line in count.iter().chain(&page) {
                        assert!(!line.starts_with("Seq Scan"), "{context}");
                    }
                    assert!(
                        count
                            .iter()
                            .any(|l| l.starts_with("Index Only Scan")
                                && l.contains("(ix_voice_cases_company_")),
                        "{context}"
                    );
                    assert!(
                        page.iter().any(|l| l.contains("Index") && l.contains(index)),
                        "{context}"
                    );
                }
            }
        }
    }
}
