//! Scoring in batches (the worker claims many `score_assessment` jobs and writes
//! their results in one transaction) scores exactly as one job at a time does:
//! the same score, band, breakdown and findings, and the same events,
//! notifications and emails, each once. Two groups of suppliers give the same
//! answers; the first is scored job by job, the second in a batch.

use std::collections::BTreeMap;

use domain::{
    assessments::ScoreAssessment,
    entities::{audit_event, finding, job, outbound_email, supplier_risk_history, webhook_event},
    jobs::Job as _,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{Company, TestApp, spawn_app},
};

/// Answers that raise a priority finding, a major one, none, and both.
fn answer_sets() -> [Value; 4] {
    [
        json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 66}),
        json!({"fees.paid": "no", "hours.max_weekly": 80}),
        json!({"fees.paid": "unknown", "hours.max_weekly": 40}),
        json!({"fees.paid": "yes", "fees.amount_known": "yes", "hours.max_weekly": 90}),
    ]
}

/// One answered (not yet submitted) assessment per answer set, each for a supplier
/// of its own: `(supplier id, supplier token, assessment id)`.
async fn answered(
    app: &TestApp,
    company: &Company,
    questionnaire: &str,
    group: &str,
) -> Vec<(String, String, String)> {
    let mut made = Vec::new();
    for (i, answers) in answer_sets().iter().enumerate() {
        let supplier = app
            .supplier_with_user(company, &format!("{group} supplier {i}"))
            .await;
        let id = app
            .send_assessment(company, &supplier.supplier_id, questionnaire)
            .await;
        assert_eq!(
            app.save_answers(&supplier.token, &id, answers).await.status(),
            200
        );
        made.push((supplier.supplier_id, supplier.token, id));
    }
    made
}

/// What scoring leaves behind, counted: findings, history rows, `assessment.scored`
/// audit entries, webhook events by type, jobs by kind and status, emails.
async fn tally(app: &TestApp) -> BTreeMap<String, i64> {
    let mut counts: BTreeMap<String, i64> = BTreeMap::new();
    let mut add = |key: String| *counts.entry(key).or_default() += 1;
    for f in finding::Entity::find().all(&app.db).await.unwrap() {
        add(format!("finding {} {}", f.severity, f.indicator));
    }
    for _ in supplier_risk_history::Entity::find().all(&app.db).await.unwrap() {
        add("risk history".into());
    }
    for e in audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("assessment.scored"))
        .all(&app.db)
        .await
        .unwrap()
    {
        add(format!("audit {}", e.action));
    }
    for e in webhook_event::Entity::find().all(&app.db).await.unwrap() {
        add(format!("event {}", e.event));
    }
    for j in job::Entity::find().all(&app.db).await.unwrap() {
        add(format!("job {} {}", j.kind, j.status));
    }
    for e in outbound_email::Entity::find().all(&app.db).await.unwrap() {
        add(format!("email {}", e.template));
    }
    counts
}

/// `after - before`, per key (keys that did not change left out).
fn delta(before: &BTreeMap<String, i64>, after: &BTreeMap<String, i64>) -> BTreeMap<String, i64> {
    after
        .iter()
        .map(|(k, v)| (k.clone(), v - before.get(k).copied().unwrap_or(0)))
        .filter(|(_, d)| *d != 0)
        .collect()
}

/// An assessment as scoring left it, without what names it (ids, times).
async fn scored_view(app: &TestApp, company: &Company, supplier_id: &str, id: &str) -> Value {
    let assessment: Value = app
        .get_api(&format!("/assessments/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let mut findings: Vec<Value> = app
        .get_api(&format!("/assessments/{id}/findings"), Some(&company.token))
        .await
        .json::<Vec<Value>>()
        .await
        .unwrap()
        .into_iter()
        .map(|f| {
            json!([
                f["severity"],
                f["zero_tolerance"],
                f["indicator"],
                f["question_key"],
                f["title"],
                f["detail"],
                f["status"],
                f["source"]
            ])
        })
        .collect();
    findings.sort_by_key(|f| f.to_string());
    let supplier: Value = app
        .get_api(&format!("/suppliers/{supplier_id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    json!({
        "status": assessment["status"], "score": assessment["score"], "risk_band": assessment["risk_band"],
        "breakdown": assessment["score_breakdown"], "findings": findings,
        "supplier": [supplier["risk_score"], supplier["risk_band"]],
    })
}

/// Runs every due job as the worker does (scoring in batches), each `done`;
/// returns the size of the largest batch of scoring jobs.
async fn run_as_the_worker(app: &TestApp) -> usize {
    let mut largest_scoring_batch = 0;
    loop {
        let outcomes = app.runner.run_next().await.unwrap();
        if outcomes.is_empty() {
            break;
        }
        if outcomes.iter().all(|o| o.kind == ScoreAssessment::KIND) {
            largest_scoring_batch = largest_scoring_batch.max(outcomes.len());
        }
        assert!(
            outcomes.iter().all(|o| o.result == worker::JobResult::Done),
            "{outcomes:?}"
        );
    }
    largest_scoring_batch
}

#[tokio::test]
async fn a_batch_scores_exactly_as_one_job_at_a_time() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    app.pin_risks(
        &company,
        &json!({"countries": {"MY": {"risk": 40}}, "sectors": {"electronics": {"risk": 20}}}),
    )
    .await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let alone = answered(&app, &company, &questionnaire, "alone").await;
    let batched = answered(&app, &company, &questionnaire, "batched").await;
    app.run_jobs().await;

    // The first group, submitted and run one job at a time.
    let start = tally(&app).await;
    for (_, token, id) in &alone {
        assert_eq!(app.submit(token, id).await.status(), 202);
    }
    while app.runner.run_once().await.unwrap().is_some() {}
    let after_alone = tally(&app).await;

    // The second group, submitted together and run as the worker runs: the four
    // scoring jobs in one batch.
    for (_, token, id) in &batched {
        assert_eq!(app.submit(token, id).await.status(), 202);
    }
    let largest_scoring_batch = run_as_the_worker(&app).await;
    let after_batch = tally(&app).await;

    assert_eq!(largest_scoring_batch, 4, "the four scorings ran as one batch");
    let by_one = delta(&start, &after_alone);
    assert_eq!(
        by_one,
        delta(&after_alone, &after_batch),
        "same effects, each once"
    );
    // Not vacuous: both findings of each kind, the events and emails are there.
    assert_eq!(by_one["finding priority recruitment_fees"], 2, "{by_one:?}");
    assert_eq!(by_one["finding major excessive_overtime"], 2, "{by_one:?}");
    assert_eq!(by_one["audit assessment.scored"], 4, "{by_one:?}");
    assert_eq!(by_one["risk history"], 4, "{by_one:?}");
    assert_eq!(by_one["job score_assessment done"], 4, "{by_one:?}");
    assert!(by_one.keys().any(|k| k.starts_with("email ")), "{by_one:?}");
    for ((supplier_a, _, a), (supplier_b, _, b)) in alone.iter().zip(&batched) {
        let (one, other) = (
            scored_view(&app, &company, supplier_a, a).await,
            scored_view(&app, &company, supplier_b, b).await,
        );
        assert_eq!(one["status"], "scored");
        assert_eq!(one, other);
    }
}

/// A batch that holds one assessment twice (a re-score queued while its first
/// scoring waits) reads nothing ahead for it: the second run sees the first one's
/// findings and adds none, as two jobs one after the other do.
#[tokio::test]
async fn a_batch_with_an_assessment_twice_matches_its_findings() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let made = answered(&app, &company, &questionnaire, "twice").await;
    app.run_jobs().await;
    // The first (a priority finding) and the second (a major one) answer sets.
    let (_, token_a, a) = &made[0];
    let (_, token_b, b) = &made[1];
    let start = tally(&app).await;
    assert_eq!(app.submit(token_a, a).await.status(), 202);
    assert_eq!(app.submit(token_b, b).await.status(), 202);
    domain::jobs::enqueue(
        &app.db,
        &ScoreAssessment {
            assessment_id: a.parse().unwrap(),
        },
        domain::jobs::JobOptions::default(),
    )
    .await
    .unwrap();
    let largest_scoring_batch = run_as_the_worker(&app).await;
    let done = delta(&start, &tally(&app).await);
    assert_eq!(largest_scoring_batch, 3, "the three scorings ran as one batch");
    assert_eq!(done["job score_assessment done"], 3, "{done:?}");
    assert_eq!(done["risk history"], 3, "{done:?}");
    assert_eq!(done["finding priority recruitment_fees"], 1, "{done:?}");
    assert_eq!(done["finding major excessive_overtime"], 1, "{done:?}");
}
