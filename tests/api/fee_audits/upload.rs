//! `POST /suppliers/{sid}/fee-audits`: figures, findings, the repay action, the
//! re-score, and all-or-nothing rejection.

use chrono::Duration;
use domain::entities::{
    assessment, corrective_action, fee_audit, fee_audit_line_chunk, fee_audit_worker, fee_audit_worker_chunk,
    fee_audit_worker_repaid, finding, job, questionnaire, recruiter,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::{AUDIT, add_supplier, company_with_rates, count, uploaded_audit};
use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn an_upload_stores_the_hand_computed_figures_findings_and_repay_action() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, contact) = add_supplier(&app, &company, "Kain Garments").await;

    let audit = uploaded_audit(&app, &company, &sid).await;

    assert_eq!(audit["supplier_id"], sid.as_str());
    assert_eq!(audit["company_id"], company.id.as_str());
    assert_eq!(audit["row_count"], 5);
    let s = &audit["summary"];
    assert_eq!(s["workers"], 4);
    assert_eq!(s["workers_who_paid"], 3);
    assert_eq!(s["share_of_workers_who_paid"], "0.7500");
    assert_eq!(s["total_fees_usd"], "1417.50");
    assert_eq!(s["total_reimbursed_usd"], "75.00");
    assert_eq!(s["total_outstanding_usd"], "1342.50");
    assert_eq!(s["median_months_of_wages"], "0.50");
    assert_eq!(s["max_months_of_wages"], "3.23");
    assert_eq!(s["workers_with_debt_bondage_risk"], 1);
    assert_eq!(s["by_recruiter"][0]["recruiter"], "Sunrise Manpower");
    assert_eq!(s["by_recruiter"][0]["fees_usd"], "1117.50");
    assert_eq!(s["by_recruiter"][1]["recruiter"], "Dhaka Links");
    assert_eq!(s["by_recruiter"][1]["fees_usd"], "300.00");
    let categories: Vec<(&str, &str)> = s["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["category"].as_str().unwrap(), c["fees_usd"].as_str().unwrap()))
        .collect();
    assert_eq!(
        categories,
        [
            ("recruitment_fee", "1050.00"),
            ("travel_lodging", "300.00"),
            ("medical", "67.50")
        ]
    );
    // Scoring reads the exact inputs (decimal strings), not the rounded figures.
    let inputs = &s["fee_risk_inputs"];
    let exact = |key: &str| inputs[key].as_str().unwrap().parse::<f64>().unwrap();
    assert_eq!(
        (
            exact("share_of_workers_who_paid"),
            exact("median_months_of_wages")
        ),
        (0.75, 0.5)
    );
    assert_eq!(inputs["any_debt_bondage"], true);

    let workers = audit["workers"].as_array().unwrap();
    let refs: Vec<&str> = workers
        .iter()
        .map(|w| w["worker_ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["W1", "W2", "W3", "W4"]);
    let w1 = &workers[0];
    assert_eq!(
        (
            &w1["fees_usd"],
            &w1["outstanding_usd"],
            &w1["monthly_wage_usd"],
            &w1["months_of_wages"]
        ),
        (
            &json!("967.50"),
            &json!("967.50"),
            &json!("300.00"),
            &json!("3.23")
        )
    );
    assert_eq!(
        (&w1["loan"], &w1["debt_bondage_risk"]),
        (&json!(true), &json!(true))
    );
    assert_eq!(
        (&workers[1]["reimbursed_usd"], &workers[1]["outstanding_usd"]),
        (&json!("75.00"), &json!("75.00"))
    );
    assert_eq!(
        (&workers[1]["months_of_wages"], &workers[1]["debt_bondage_risk"]),
        (&json!("0.50"), &json!(false))
    );
    assert_eq!(
        (&workers[2]["paid"], &workers[2]["fees_usd"]),
        (&json!(false), &json!("0.00"))
    );
    assert_eq!(workers[3]["months_of_wages"], "0.30");
    assert_eq!(
        (&w1["repaid_usd"], &w1["remaining_usd"]),
        (&json!("0.00"), &json!("967.50"))
    );
    assert_eq!(audit["repayments"]["total_remaining_usd"], "1342.50");
    assert_eq!(audit["repayments"]["settled"], false);

    // Every input line is kept with its rates; every worker with nothing repaid yet.
    let lines = domain::fee_audit::store::load_audited_lines(&app.db, audit_id(&audit))
        .await
        .unwrap();
    assert_eq!(lines.iter().map(|l| l.row).collect::<Vec<_>>(), [2, 3, 4, 5, 6]);
    assert_eq!(lines[0].usd_per_unit.to_string(), "0.0075");
    assert_eq!(
        (
            lines[0].worker_ref.as_str(),
            lines[0].amount_usd.normalize().to_string()
        ),
        ("W1", "900".to_string())
    );
    assert_eq!(count::<fee_audit_line_chunk::Entity>(&app).await, 1);
    // The workers in one chunk, in order, nothing repaid; no row per worker.
    let chunks = fee_audit_worker_chunk::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(chunks.len(), 1);
    assert_eq!(
        (chunks[0].first_ref.as_str(), chunks[0].last_ref.as_str()),
        ("W1", "W4")
    );
    let stored_workers = domain::fee_audit::store::stored_workers(&app.db, audit_id(&audit))
        .await
        .unwrap();
    assert_eq!(
        stored_workers
            .iter()
            .map(|w| w.worker_ref.as_str())
            .collect::<Vec<_>>(),
        ["W1", "W2", "W3", "W4"]
    );
    assert_eq!(count::<fee_audit_worker_repaid::Entity>(&app).await, 0);
    assert_eq!(count::<fee_audit_worker::Entity>(&app).await, 0);

    // The findings, in the company's locale, with the repay action on the fee finding.
    let findings = finding::Entity::find().all(&app.db).await.unwrap();
    let fees = findings
        .iter()
        .find(|f| f.indicator == "recruitment_fees")
        .expect("fee finding");
    assert_eq!(
        fees.title,
        "3 of 4 workers paid recruitment fees; USD 1,342.50 outstanding"
    );
    assert_eq!(
        (fees.severity.as_str(), fees.status.as_str()),
        ("priority", "open")
    );
    assert_eq!(
        (fees.source.as_str(), fees.fee_audit_id),
        ("fee_audit", Some(audit_id(&audit)))
    );
    let bondage = findings
        .iter()
        .find(|f| f.indicator == "debt_bondage")
        .expect("bondage finding");
    assert!(
        bondage.title.starts_with("1 worker at risk of debt bondage"),
        "{}",
        bondage.title
    );
    assert_eq!(findings.len(), 2);
    let actions = corrective_action::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(actions.len(), 1, "one repay action");
    assert_eq!(actions[0].finding_id, fees.id);
    assert!(
        actions[0].description.starts_with("Repay USD 1,342.50"),
        "{}",
        actions[0].description
    );
    assert_eq!(
        actions[0].due_date,
        domain::clock::now().date_naive() + Duration::days(90)
    );
    assert_eq!(actions[0].owner_email.as_deref(), Some(contact.as_str()));
    assert_eq!(count::<recruiter::Entity>(&app).await, 2);
    // The company hears of the audit and of its priority findings.
    let events: Vec<String> = job::Entity::find()
        .filter(job::Column::Kind.eq("notify"))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|j| j.payload["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(events.len(), 2);
    assert!(
        events.contains(&"findings_raised".to_string())
            && events.contains(&"fee_audit_processed".to_string())
    );

    // The list shows it, newest first, without the workers.
    let list: Value = app
        .list_fee_audits(&sid, &company.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], audit["id"]);
    assert!(list["items"][0].get("workers").is_none());
    let read: Value = app
        .get_fee_audit(audit["id"].as_str().unwrap(), &company.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["workers"], audit["workers"]);
}

fn audit_id(audit: &Value) -> uuid::Uuid {
    audit["id"].as_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn the_latest_scored_assessment_is_queued_for_rescoring() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Kain Garments").await;
    app.run_jobs().await;
    let (cid, sid_uuid) = (company.id.parse().unwrap(), sid.parse().unwrap());
    let now = domain::clock::now();
    let form = questionnaire::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        company_id: Set(Some(cid)),
        key: Set("test".into()),
        version: Set(1),
        title: Set(json!({"en": "Test"})),
        definition: Set(json!({})),
        created_at: Set(now),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (status, age) in [("scored", 2), ("approved", 1), ("sent", 0)] {
        let row = assessment::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            company_id: Set(cid),
            supplier_id: Set(sid_uuid),
            questionnaire_id: Set(form.id),
            status: Set(status.into()),
            due_date: Set(now.date_naive()),
            locale: Set("en".into()),
            submitted_at: Set(None),
            scored_at: Set(None),
            score: Set(None),
            risk_band: Set(None),
            score_breakdown: Set(None),
            review_comment: Set(None),
            created_by: Set(None),
            created_at: Set(now - Duration::days(age)),
            updated_at: Set(now),
        }
        .insert(&app.db)
        .await
        .unwrap();
        ids.push(row.id);
    }

    uploaded_audit(&app, &company, &sid).await;

    let queued = job::Entity::find()
        .filter(job::Column::Kind.eq(<domain::assessments::ScoreAssessment as domain::jobs::Job>::KIND))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(
        queued[0].payload,
        json!({"assessment_id": ids[1].to_string()}),
        "the latest scored or approved"
    );
}

/// A file whose first 650 rows are good (more than one insert batch) and two later
/// rows bad.
fn file_with_bad_rows() -> String {
    let mut csv = String::from(AUDIT.lines().next().unwrap());
    csv.push('\n');
    for i in 0..700 {
        let nationality = if i == 650 { "XX" } else { "NP" };
        let amount = if i == 650 { "abc" } else { "100" };
        let category = if i == 699 { "lunch" } else { "medical" };
        csv.push_str(&format!(
            "B{i},{nationality},Sunrise Manpower,NP,2026-02-01,300,USD,{category},{amount},USD,2026-01-10,no,0,receipt\n"
        ));
    }
    csv
}

#[tokio::test]
async fn a_bad_file_is_422_listing_every_bad_row_and_stores_nothing() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Kain Garments").await;

    let response = app
        .upload_fee_audit(&sid, &company.token, &file_with_bad_rows())
        .await;

    let problem = assert_problem(response, 422).await;
    let errors: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    assert_eq!(errors, [(652, "nationality"), (652, "amount"), (701, "category")]);
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("XX"));
    assert_eq!(count::<fee_audit::Entity>(&app).await, 0);
    assert_eq!(count::<fee_audit_line_chunk::Entity>(&app).await, 0);
    assert_eq!(count::<fee_audit_worker_chunk::Entity>(&app).await, 0);
    assert_eq!(count::<finding::Entity>(&app).await, 0);
    assert_eq!(count::<recruiter::Entity>(&app).await, 0);
}

#[tokio::test]
async fn a_payment_without_a_rate_names_the_missing_rate() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Kain Garments").await;
    let csv = "worker_ref,nationality,recruiter,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on\n\
               W1,IN,Delhi Jobs,2026-02-01,300,USD,recruitment_fee,5000,INR,2026-01-10\n";

    let problem = assert_problem(app.upload_fee_audit(&sid, &company.token, csv).await, 422).await;

    assert_eq!(problem["errors"][0]["row"], 2);
    assert_eq!(problem["errors"][0]["column"], "currency");
    assert_eq!(
        problem["errors"][0]["message"],
        "no USD rate for INR on or before 2026-01-10"
    );
    assert_eq!(count::<fee_audit::Entity>(&app).await, 0);
}

#[tokio::test]
async fn an_upload_that_is_not_csv_is_415() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Kain Garments").await;

    let response = app
        .post_json(
            &format!("/suppliers/{sid}/fee-audits"),
            Some(&company.token),
            &json!({"rows": []}),
        )
        .await;

    assert_problem(response, 415).await;
    assert_eq!(count::<fee_audit::Entity>(&app).await, 0);
}

/// The `201` lists the workers from the upload's own results; they must be exactly what
/// the stored audit reads back, across a page boundary of the streamed body.
#[tokio::test]
async fn the_created_audit_is_answered_exactly_as_it_reads_back() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Kain Garments").await;
    // One more worker than a page of the streamed body, plus the hand-computed ones.
    let mut csv = AUDIT.to_string();
    let workers = domain::fee_audit::store::WORKERS_PER_PAGE + 1;
    for i in 0..workers {
        csv.push_str(&format!(
            "X{i:05},BD,Dhaka Links,BD,2026-03-01,1000,USD,recruitment_fee,{}.005,USD,2026-02-25,no,,\n",
            100 + i % 7
        ));
    }
    let response = app.upload_fee_audit(&sid, &company.token, &csv).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    assert_eq!(created["workers"].as_array().unwrap().len() as u64, workers + 4);
    assert_eq!(created["workers"][0]["worker_ref"], "W1");
    assert_eq!(
        created["workers"][4]["fees_usd"], "100.01",
        "rounded half away from zero"
    );

    let id = created["id"].as_str().unwrap();
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    assert_eq!(created, read);
    assert_eq!(
        count::<fee_audit_worker_chunk::Entity>(&app).await,
        2,
        "a chunk per page"
    );

    // Repaid amounts are read with the page each worker is on: W1 on the first,
    // X05000 (owed 102.005) on the second.
    let last = format!("X{:05}", workers - 1);
    let repaid =
        format!("worker_ref,amount,currency,paid_on\nW1,967.50,USD,2026-03-01\n{last},50,USD,2026-03-01\n");
    let response = app.upload_repayments(id, &company.token, &repaid).await;
    assert_eq!(response.status(), 201);
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    let shown = read["workers"].as_array().unwrap();
    let of = |worker_ref: &str| {
        let w = shown.iter().find(|w| w["worker_ref"] == worker_ref).unwrap();
        (w["repaid_usd"].clone(), w["remaining_usd"].clone())
    };
    assert_eq!(of("W1"), (json!("967.50"), json!("0.00")));
    assert_eq!(of(&last), (json!("50.00"), json!("52.01")));
    assert_eq!(of("X00000"), (json!("0.00"), json!("100.01")));
    let repaid_workers = shown.iter().filter(|w| w["repaid_usd"] != "0.00").count();
    assert_eq!(repaid_workers, 2);
    assert_eq!(read["repayments"]["total_repaid_usd"], "1017.50");
}
