//! The recruiter page in the portal (issue #25): officers and admins edit the
//! registry fields beside the figures (errors beside each field, nothing stored on
//! error); the page shows the licences, origin countries, IRIS status and the
//! sub-agent chain both ways; an advisor reads it without the form and may not post.

use reqwest::StatusCode;

use crate::{
    corridors::audited_company,
    helpers::spawn_app,
    portal_flow::{Portal, advisor_portal},
    recruiter_registry::recruiter_named,
};

#[tokio::test]
async fn portal_an_officer_edits_a_recruiter_and_errors_sit_beside_their_fields() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let sunrise = recruiter_named(&app, &company, "Sunrise Manpower").await;
    let dhaka = recruiter_named(&app, &company, "Dhaka Links").await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let path = format!("/recruiters/{dhaka}");

    let page = officer.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<form method=\"post\" action=\"/recruiters/"));

    // A licence line without its authority and a bad country: 422, each beside its field.
    let refused = officer
        .post(
            &path,
            &[
                ("sub_agent_of", sunrise.as_str()),
                ("origin_countries", "BD, XX"),
                ("licences", "RL-9; BD"),
                ("iris_status", "none"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"licences-error\""), "{}", refused.body);
    assert!(
        refused
            .body
            .contains("Line 1 needs a number, a country and an authority")
    );
    // What was typed is shown again.
    assert!(refused.body.contains("value=\"BD, XX\""));
    let refused = officer
        .post(
            &path,
            &[
                ("origin_countries", "BD, XX"),
                ("licences", "RL-9; BD; BMET; 2027-12-31"),
                ("iris_status", "applied"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"origin_countries-error\""));
    assert!(refused.body.contains("id=\"iris_status_on-error\""));
    assert!(refused.body.contains("id=\"iris_source-error\""));
    let unchanged = officer.get(&path).await.body;
    assert!(unchanged.contains("No licence recorded."));

    let saved = officer
        .post(
            &path,
            &[
                ("sub_agent_of", sunrise.as_str()),
                ("origin_countries", "BD"),
                ("licences", "RL-9; BD; Bureau of Manpower; 2027-12-31"),
                ("iris_status", "applied"),
                ("iris_status_on", "2026-04-01"),
                ("iris_source", "IOM IRIS applicants list"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let html = officer.get(&path).await.body;
    assert!(html.contains(
        "<th scope=\"row\">Bangladesh</th><td>RL-9</td><td>Bureau of Manpower</td><td>2027-12-31</td>"
    ));
    assert!(html.contains("Applied (2026-04-01 — IOM IRIS applicants list)"));
    assert!(html.contains(&format!(
        "<a href=\"/recruiters/{sunrise}\">Sunrise Manpower</a> (1 step(s) away)"
    )));
    // And the other way: Sunrise lists Dhaka Links as its sub-agent.
    let top = officer.get(&format!("/recruiters/{sunrise}")).await.body;
    assert!(top.contains(&format!(
        "<a href=\"/recruiters/{dhaka}\">Dhaka Links</a> (1 step(s) away)"
    )));

    // An advisor reads the page without the form, and may not post.
    let advisor = advisor_portal(&app, &company).await;
    let read = advisor.get(&path).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(!read.body.contains("<form method=\"post\" action=\"/recruiters/"));
    let forbidden = advisor.post(&path, &[("iris_status", "none")]).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
}
