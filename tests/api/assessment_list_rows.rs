//! The assessment list reads its page, with every answer on it, as one row of
//! JSON built by the database (issue #23, `domain::assessments::page`): every
//! listed assessment must be what `GET /assessments/{id}` answers for it,
//! whatever it holds (no answer yet, a draft, carried-over answers, a scored
//! breakdown, a score that needs 17 digits, text that JSON escapes), on every
//! page by number and by cursor, filtered or not.

use domain::entities::assessment;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    fixtures::small_definition,
    helpers::spawn_app,
    page_walk::{get, walked},
};

/// The small questionnaire with a free-text question added.
fn with_notes(version: i32) -> Value {
    let mut definition = small_definition("rows", version);
    definition["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"key": "notes.free", "type": "text", "required": false,
                     "text": {"en": "Anything else?"}}));
    definition
}

const NOTES: &str = "Quote \"and\" back\\slash, Zoë Ñúñez 👷 <&>\nsecond line";
const COMMENT: &str = "Adjunte las \"nóminas\" de marzo — 👷";

#[tokio::test]
async fn every_listed_assessment_is_the_assessment_read_alone() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let first = app.supplier_with_user(&company, "Answering Ltd").await;
    let second = app.supplier_with_user(&company, "Quiet Ltd").await;
    let v1 = app.company_questionnaire(&company, &with_notes(1)).await;

    // Answered in full, submitted and scored: a breakdown, then a score that
    // needs all 17 digits and a comment that JSON escapes.
    let scored = app.send_assessment(&company, &first.supplier_id, &v1).await;
    let answers = json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 80,
                         "notes.free": NOTES});
    let saved = app.save_answers(&first.token, &scored, &answers).await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.submit(&first.token, &scored).await.status(), 202);
    app.run_jobs().await;
    let row = assessment::Entity::find_by_id(scored.parse::<Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.score_breakdown.is_some(), "scored by the job");
    let mut row = row.into_active_model();
    row.score = Set(Some(1.0_f64 / 3.0 * 100.0));
    row.review_comment = Set(Some(COMMENT.into()));
    row.update(&app.db).await.unwrap();

    // Version 2: the answers carry over; saving one confirms it.
    let v2 = app.company_questionnaire(&company, &with_notes(2)).await;
    let carried = app.send_assessment(&company, &first.supplier_id, &v2).await;
    let confirmed = app
        .save_answers(&first.token, &carried, &json!({"hours.max_weekly": 40}))
        .await;
    assert_eq!(confirmed.status(), 200);

    // Not answered yet, and a draft.
    let untouched = app.send_assessment(&company, &second.supplier_id, &v1).await;
    let draft = app.send_assessment(&company, &second.supplier_id, &v1).await;
    let saved = app
        .save_answers(&second.token, &draft, &json!({"fees.paid": "no"}))
        .await;
    assert_eq!(saved.status(), 200);

    let list = format!("/companies/{}/assessments", company.id);
    for query in [
        String::new(),
        "?status=sent".to_string(),
        format!("?supplier_id={}", first.supplier_id),
        format!("?status=in_progress&supplier_id={}", second.supplier_id),
    ] {
        for item in walked(&app, &list, &query, &company.token).await {
            let alone = format!("/assessments/{}", item["id"].as_str().unwrap());
            assert_eq!(item, get(&app, &alone, &company.token).await, "{query}");
        }
    }

    // What the whole list holds, checked once against what was sent.
    let all = get(&app, &list, &company.token).await;
    assert_eq!(all["total"], 4);
    let ids: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [&draft, &untouched, &carried, &scored], "newest first");
    let item = |id: &str| {
        all["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .cloned()
            .unwrap()
    };
    let one = item(&scored);
    assert_eq!(one["answers"], answers);
    assert_eq!(one["score"], json!(1.0_f64 / 3.0 * 100.0));
    assert_eq!(one["review_comment"], COMMENT);
    assert!(one["score_breakdown"].is_object(), "{one}");
    assert!(one["scoring_model"].is_string(), "{one}");
    let two = item(&carried);
    assert_eq!(two["answers"]["hours.max_weekly"], 40);
    assert_eq!(two["answers"]["notes.free"], NOTES);
    assert_eq!(
        two["carried_over"],
        json!(["fees.amount_known", "fees.paid", "notes.free"]),
        "key order"
    );
    assert_eq!(item(&untouched)["answers"], json!({}));
    assert_eq!(item(&untouched)["carried_over"], json!([]));
    assert_eq!(item(&draft)["answers"], json!({"fees.paid": "no"}));
    // Past the end: an empty page with the kept total.
    let past = get(&app, &format!("{list}?page=9"), &company.token).await;
    assert_eq!(past["items"], json!([]));
    assert_eq!(past["total"], 4);
}
