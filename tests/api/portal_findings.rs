//! Reviewers change findings in the portal: an advisor edits one, adds a
//! corrective action (due date offered by the severity's CAP timeline) and
//! dismisses one with a reason; an officer adds a finding on the review page.
//! Bad input comes back beside its field with nothing stored; the supplier may not
//! change findings (403) and another company's ids are 404.

use domain::{
    entities::{audit_event, corrective_action, finding},
    findings::default_due_date,
};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    helpers::{TestApp, spawn_app},
    portal_flow::{Portal, Situation, advisor_portal, situation},
};

/// A situation whose assessment is submitted with a fee red flag and scored:
/// it has one finding (priority, from the red flag).
pub(crate) async fn scored(app: &TestApp, name: &str) -> (Situation, finding::Model) {
    let s = situation(app, name).await;
    let answers = serde_json::json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 40});
    assert_eq!(
        app.save_answers(&s.supplier_token, &s.assessment, &answers)
            .await
            .status(),
        200
    );
    assert_eq!(app.submit(&s.supplier_token, &s.assessment).await.status(), 202);
    app.run_jobs().await;
    let found = findings_of(app, &s).await;
    assert_eq!(found.len(), 1, "the red flag raised one finding");
    let first = found.into_iter().next().unwrap();
    (s, first)
}

async fn findings_of(app: &TestApp, s: &Situation) -> Vec<finding::Model> {
    let sid: Uuid = s.supplier_id.parse().unwrap();
    finding::Entity::find()
        .filter(finding::Column::SupplierId.eq(sid))
        .all(&app.db)
        .await
        .unwrap()
}

async fn reload(app: &TestApp, id: Uuid) -> finding::Model {
    finding::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

async fn actions_of(app: &TestApp, id: Uuid) -> Vec<corrective_action::Model> {
    corrective_action::Entity::find()
        .filter(corrective_action::Column::FindingId.eq(id))
        .all(&app.db)
        .await
        .unwrap()
}

/// The `value` of the input with `id` on the page.
fn value_of(html: &str, id: &str) -> String {
    let at = html.find(&format!("id=\"{id}\"")).expect("the field");
    let rest = &html[at..];
    let start = rest.find("value=\"").expect("a value") + "value=\"".len();
    rest[start..start + rest[start..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn portal_an_advisor_edits_a_finding_adds_an_action_and_dismisses_it() {
    let app = spawn_app().await;
    let (s, f) = scored(&app, "Review Co").await;
    let advisor = advisor_portal(&app, &s.company).await;
    let page_path = format!("/suppliers/{}/findings", s.supplier_id);
    let review = advisor.get(&format!("/assessments/{}", s.assessment)).await;
    assert!(
        review
            .body
            .contains(&format!("href=\"{page_path}#finding-{}\"", f.id)),
        "the review page links each finding to its forms: {}",
        review.body
    );
    assert!(
        review
            .body
            .contains("Scoring-model version: <code>fairhire-scoring-2</code>"),
        "the review page names the result's scoring model: {}",
        review.body
    );
    // The paid fee is a priority finding: the floor says so, in words.
    assert!(
        review.body.contains(
            "An open priority finding (Workers paid recruitment fees) sets the band to at least High."
        ),
        "the review page explains the floor: {}",
        review.body
    );
    let page = advisor.get(&page_path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Edit this finding"), "{}", page.body);
    let today = chrono::Utc::now().date_naive();
    assert_eq!(
        value_of(&page.body, &format!("action-due-{}", f.id)),
        default_due_date("priority", today).to_string(),
        "a priority finding's action is offered 90 days"
    );

    // An empty title: the message beside it, what was typed kept, nothing saved.
    let edit = format!("/findings/{}", f.id);
    let wrong = advisor
        .post(
            &edit,
            &[
                ("severity", "major"),
                ("title", "  "),
                ("detail", "kept text"),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    assert!(wrong.body.contains(&format!("id=\"edit-title-{}-error\"", f.id)));
    assert!(
        wrong
            .body
            .contains("Please give a title (300 characters at most).")
    );
    assert!(wrong.body.contains("kept text"), "the detail typed is kept");
    assert_eq!(reload(&app, f.id).await, f, "nothing saved");

    let saved = advisor
        .post(
            &edit,
            &[
                ("severity", "major"),
                ("title", "<script>alert(7)</script> Fees charged by the agent"),
                ("detail", "Three workers' receipts."),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.location,
        format!("{page_path}?done=updated#finding-{}", f.id)
    );
    let now = reload(&app, f.id).await;
    assert_eq!(now.severity, "major");
    assert_eq!(now.title, "<script>alert(7)</script> Fees charged by the agent");
    assert_eq!(now.detail, "Three workers' receipts.");
    let shown = advisor.get(&saved.location).await;
    assert!(
        shown.body.contains("role=\"status\">Finding saved."),
        "{}",
        shown.body
    );
    assert!(!shown.body.contains("<script>alert(7)"), "user text escaped");
    assert!(shown.body.contains("&#60;script&#62;alert(7)&#60;/script&#62;"));
    // Now major: the action is offered 180 days.
    let offered = value_of(&shown.body, &format!("action-due-{}", f.id));
    assert_eq!(offered, default_due_date("major", today).to_string());

    // A corrective action: empty description and a bad email are refused together.
    let add = format!("/findings/{}/actions", f.id);
    let wrong = advisor
        .post(
            &add,
            &[
                ("description", ""),
                ("owner_email", "not-an-email"),
                ("due_date", &offered),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    assert!(
        wrong.body.contains("Please say what must be done."),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains("Please enter a valid email address."));
    assert!(wrong.body.contains("value=\"not-an-email\""), "typed email kept");
    let bad_date = advisor
        .post(&add, &[("description", "Repay"), ("due_date", "31/12/2030")])
        .await;
    assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_date.body.contains("Please enter a date (YYYY-MM-DD)."));
    assert!(actions_of(&app, f.id).await.is_empty(), "nothing stored");

    let added = advisor
        .post(
            &add,
            &[
                ("description", "Repay every worker the fees, with proof"),
                ("owner_email", "HR@Supplier.example"),
                ("due_date", &offered),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(
        added.location,
        format!("{page_path}?done=action#finding-{}", f.id)
    );
    let actions = actions_of(&app, f.id).await;
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].description, "Repay every worker the fees, with proof");
    assert_eq!(actions[0].due_date, default_due_date("major", today));
    assert_eq!(actions[0].owner_email.as_deref(), Some("hr@supplier.example"));
    assert_eq!(actions[0].status, "open");
    let shown = advisor.get(&added.location).await;
    assert!(shown.body.contains("Corrective action added."));

    // Dismissing needs a reason; then the finding is closed and the reason kept.
    let dismiss = format!("/findings/{}/dismiss", f.id);
    let wrong = advisor.post(&dismiss, &[("reason", " ")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Please say why the finding is dismissed."));
    assert_eq!(reload(&app, f.id).await.status, "open");
    let dismissed = advisor
        .post(
            &dismiss,
            &[("reason", "The receipts were for visas the employer repaid.")],
        )
        .await;
    assert_eq!(dismissed.status, StatusCode::SEE_OTHER, "{}", dismissed.body);
    assert_eq!(reload(&app, f.id).await.status, "closed");
    let trail = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("finding.dismissed"))
        .filter(audit_event::Column::EntityId.eq(f.id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("an audit row");
    assert_eq!(
        trail.after.unwrap()["reason"],
        "The receipts were for visas the employer repaid."
    );
}

#[tokio::test]
async fn portal_an_officer_adds_a_finding_on_the_review_page() {
    let app = spawn_app().await;
    let (s, _) = scored(&app, "Manual Co").await;
    let officer = Portal::new(&app, "es");
    officer.login(&s.company.email, "a-long-password-1").await;
    let review = officer.get(&format!("/assessments/{}", s.assessment)).await;
    assert!(review.body.contains("Añadir un hallazgo"), "{}", review.body);
    let path = format!("/assessments/{}/findings", s.assessment);

    // Unknown indicator, no title, zero tolerance on a major one: all refused, in
    // Spanish, beside their fields; what was typed stays.
    let wrong = officer
        .post(
            &path,
            &[
                ("indicator", "not_an_indicator"),
                ("severity", "major"),
                ("zero_tolerance", "on"),
                ("title", ""),
                ("detail", "Visto en las nóminas"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    for id in ["new-indicator-error", "new-title-error", "new-zero-error"] {
        assert!(
            wrong.body.contains(&format!("id=\"{id}\"")),
            "{id}: {}",
            wrong.body
        );
    }
    assert!(
        wrong
            .body
            .contains("Solo un hallazgo prioritario puede ser de tolerancia cero.")
    );
    assert!(wrong.body.contains("Visto en las nóminas"));
    assert_eq!(findings_of(&app, &s).await.len(), 1, "nothing stored");

    let added = officer
        .post(
            &path,
            &[
                ("indicator", "deception"),
                ("severity", "minor"),
                ("title", "Contracts only in English"),
                ("detail", "Workers read Nepali."),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(
        added.location,
        format!("/assessments/{}?done=finding#findings", s.assessment)
    );
    let all = findings_of(&app, &s).await;
    let manual = all
        .iter()
        .find(|f| f.source == "manual")
        .expect("the manual finding");
    assert_eq!(manual.indicator, "deception");
    assert_eq!(manual.severity, "minor");
    assert_eq!(manual.title, "Contracts only in English");
    assert_eq!(manual.status, "open");
    assert!(!manual.zero_tolerance);
    let shown = officer.get(&added.location).await;
    assert!(shown.body.contains("Hallazgo añadido."), "{}", shown.body);
    assert!(shown.body.contains("Contracts only in English"));
}

#[tokio::test]
async fn portal_suppliers_and_strangers_cannot_change_findings() {
    let app = spawn_app().await;
    let (s, f) = scored(&app, "Guarded Co").await;
    let supplier = Portal::new(&app, "en");
    supplier.login(&s.supplier_email, "supplier-password-1").await;
    let own_page = supplier
        .get(&format!("/suppliers/{}/findings", s.supplier_id))
        .await;
    assert_eq!(own_page.status, StatusCode::OK);
    assert!(
        !own_page.body.contains("Edit this finding"),
        "no forms for the supplier"
    );
    assert!(!own_page.body.contains(&format!("/findings/{}/actions", f.id)));

    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    let forms: [(String, Vec<(&str, &str)>); 5] = [
        (format!("/findings/{}/confirm", f.id), vec![]),
        (
            format!("/findings/{}", f.id),
            vec![
                ("severity", "minor"),
                ("title", "Nothing"),
                ("detail", ""),
                ("status", "closed"),
            ],
        ),
        (
            format!("/findings/{}/dismiss", f.id),
            vec![("reason", "Not true")],
        ),
        (
            format!("/findings/{}/actions", f.id),
            vec![("description", "Do nothing"), ("due_date", "2030-01-01")],
        ),
        (
            format!("/assessments/{}/findings", s.assessment),
            vec![
                ("indicator", "deception"),
                ("severity", "minor"),
                ("title", "Forged"),
            ],
        ),
    ];
    for (path, fields) in &forms {
        let refused = supplier.post(path, fields).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "supplier {path}");
        let hidden = stranger.post(path, fields).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND, "stranger {path}");
    }
    assert_eq!(reload(&app, f.id).await, f, "the finding is unchanged");
    assert_eq!(findings_of(&app, &s).await.len(), 1, "no finding added");
    assert!(actions_of(&app, f.id).await.is_empty(), "no action added");
}

#[tokio::test]
async fn portal_an_advisor_confirms_a_red_flag_finding() {
    let app = spawn_app().await;
    let (s, f) = scored(&app, "Confirm Co").await;
    assert_eq!(f.confirmed_at, None, "raised by a rule, not yet confirmed");
    let advisor = advisor_portal(&app, &s.company).await;
    let page_path = format!("/suppliers/{}/findings", s.supplier_id);
    let page = advisor.get(&page_path).await;
    assert!(
        page.body.contains("not yet confirmed by a reviewer"),
        "{}",
        page.body
    );
    let action = format!("action=\"/findings/{}/confirm\"", f.id);
    assert!(page.body.contains(&action), "a Confirm button: {}", page.body);

    let done = advisor.post(&format!("/findings/{}/confirm", f.id), &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let confirmed = reload(&app, f.id).await;
    let at = confirmed.confirmed_at.expect("confirmed");
    assert!(confirmed.confirmed_by.is_some());
    assert_eq!(
        confirmed.status, f.status,
        "confirming does not change the status"
    );
    let trail = audit_event::Entity::find()
        .filter(audit_event::Column::EntityId.eq(f.id))
        .filter(audit_event::Column::Action.eq("finding.confirmed"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(trail.len(), 1, "the confirmation is in the audit trail");

    let after = advisor.get(&format!("{page_path}?done=confirmed")).await;
    assert!(after.body.contains("Finding confirmed"), "{}", after.body);
    assert!(
        after
            .body
            .contains(&format!("Confirmed on {}", at.format("%Y-%m-%d")))
    );
    assert!(!after.body.contains(&action), "no second Confirm button");
    let review = advisor.get(&format!("/assessments/{}", s.assessment)).await;
    assert!(review.body.contains("Confirmed on"), "{}", review.body);

    // In Spanish too.
    let supplier = Portal::new(&app, "es");
    supplier.login(&s.supplier_email, "supplier-password-1").await;
    let seen = supplier.get(&page_path).await;
    assert!(seen.body.contains("Confirmado el"), "{}", seen.body);
}
