//! The portal pages added for the "not built yet" list, through their
//! forms: the team page (invite officers and advisors); the fee-audit upload
//! (every bad row listed beside the form, or the results).

use reqwest::StatusCode;

use crate::{
    helpers::spawn_app,
    portal_flow::{Portal, situation},
};

#[tokio::test]
async fn an_officer_invites_an_advisor_and_an_officer_from_the_team_page() {
    let app = spawn_app().await;
    let s = situation(&app, "Team Co").await;
    let officer = Portal::new(&app, "es");
    officer.login(&s.company.email, "a-long-password-1").await;
    let path = format!("/companies/{}/team", s.company.id);
    let page = officer.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Equipo"), "{}", page.body);
    assert!(page.body.contains(&s.company.email), "the admin is listed");
    assert!(
        page.body.contains(&format!("href=\"{path}\"")),
        "in the navigation"
    );

    let wrong = officer
        .post(&path, &[("email", "not-an-email"), ("role", "advisor")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"invite-email-error\""), "{}", wrong.body);
    assert!(
        wrong.body.contains("value=\"not-an-email\""),
        "what was typed is kept"
    );
    let odd = officer
        .post(&path, &[("email", "x@example.org"), ("role", "admin")])
        .await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST, "no admins by invitation");

    let advisor_email = format!("adv-{}@review.example", uuid::Uuid::new_v4().simple());
    let officer_email = format!("off-{}@acme.example", uuid::Uuid::new_v4().simple());
    for (email, role) in [(&advisor_email, "advisor"), (&officer_email, "officer")] {
        let sent = officer.post(&path, &[("email", email), ("role", role)]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        assert_eq!(sent.location, format!("{path}?invited=1"));
    }
    let listed = officer.get(&format!("{path}?invited=1")).await;
    assert!(listed.body.contains("Invitación enviada"));
    assert!(listed.body.contains(&advisor_email) && listed.body.contains(&officer_email));

    // Both accept in the portal and land on the start page of their role.
    app.run_jobs().await;
    for (email, start) in [
        (&advisor_email, format!("/companies/{}/reviews", s.company.id)),
        (&officer_email, format!("/companies/{}", s.company.id)),
    ] {
        let code = app.last_code_for(email);
        let person = Portal::new(&app, "en");
        let accepted = person
            .post(
                &format!("/invitations/{code}"),
                &[("name", "New Member"), ("password", "member-password-1")],
            )
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        let home = person.get("/").await;
        assert!(home.body.contains(&format!("href=\"{start}\"")), "{}", home.body);
        if email == &advisor_email {
            // Advisors read the company but do not manage its people.
            assert_eq!(person.get(&path).await.status, StatusCode::FORBIDDEN);
            let refused = person
                .post(&path, &[("email", "z@example.org"), ("role", "officer")])
                .await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN);
        } else {
            assert_eq!(person.get(&path).await.status, StatusCode::OK);
        }
    }
    let team = officer.get(&path).await;
    assert!(team.body.contains(&advisor_email) && team.body.contains(&officer_email));
    assert!(
        team.body.contains("No hay invitaciones pendientes"),
        "{}",
        team.body
    );

    // A supplier's user does not see the company's team.
    let supplier = Portal::new(&app, "en");
    supplier.login(&s.supplier_email, "supplier-password-1").await;
    assert_eq!(supplier.get(&path).await.status, StatusCode::NOT_FOUND);
}

/// Posts a CSV file to the portal's upload form (no file: `None`).
pub async fn upload_csv(portal: &Portal, path: &str, csv: Option<&str>) -> (StatusCode, String, String) {
    let token = portal.csrf().await;
    let mut form = reqwest::multipart::Form::new().text("csrf_token", token);
    if let Some(csv) = csv {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("audit.csv"),
        );
    }
    let page = portal.post_multipart(path, form).await;
    (page.status, page.location, page.body)
}

#[tokio::test]
async fn an_officer_uploads_a_fee_audit_sees_every_bad_row_then_the_results() {
    use crate::fee_audits::{AUDIT, company_with_rates};
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = app.supplier_with_user(&company, "Upload Co").await;
    let sid = &supplier.supplier_id;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let supplier_page = officer.get(&format!("/suppliers/{sid}")).await;
    let form_path = format!("/suppliers/{sid}/fee-audits/new");
    assert!(supplier_page.body.contains(&format!("href=\"{form_path}\"")));
    let form = officer.get(&form_path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("enctype=\"multipart/form-data\""));
    let rates = format!("/companies/{}/fx-rates", company.id);
    assert!(
        form.body.contains(&format!("href=\"{rates}\"")),
        "the rates it converts with"
    );
    let path = format!("/suppliers/{sid}/fee-audits");

    let (status, _, body) = upload_csv(&officer, &path, None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("id=\"fee-file-error\""), "{body}");

    // Two bad rows: both are listed (line, column, reason) and nothing is stored.
    let bad = AUDIT
        .replace(
            "W2,NP,Sunrise Manpower,NP,2026-02-01,1500,MYR,recruitment_fee,20000,NPR",
            "W2,NP,Sunrise Manpower,NP,2026-02-01,1500,MYR,bribes,20000,NPR",
        )
        .replace(
            "W4,BD,Dhaka Links,BD,2026-03-01,1000,USD,travel_lodging,300,USD",
            "W4,BD,Dhaka Links,BD,2026-03-01,1000,USD,travel_lodging,300,XYZ",
        );
    assert_ne!(bad, AUDIT);
    let (status, _, body) = upload_csv(&officer, &path, Some(&bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("2 row(s) need fixing"), "{body}");
    let table = &body[body.find("id=\"fee-rows\"").expect("the bad rows")..];
    assert!(table.contains("<td>4</td><td>category</td>"), "{table}");
    assert!(table.contains("<td>6</td><td>currency</td>"), "{table}");
    let listed: serde_json::Value = app
        .list_fee_audits(sid, &company.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed["items"].as_array().expect("a page").len(),
        0,
        "nothing stored"
    );

    let (status, location, body) = upload_csv(&officer, &path, Some(AUDIT)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(location.starts_with("/fee-audits/"), "{location}");
    let results = officer.get(&location).await;
    for figure in ["1417.50", "1342.50", "Sunrise Manpower", "<svg"] {
        assert!(results.body.contains(figure), "{figure}");
    }
    assert!(
        officer
            .get(&format!("/suppliers/{sid}"))
            .await
            .body
            .contains(&location)
    );

    // The supplier reads its audit but may not upload one; a stranger sees nothing.
    let own = Portal::new(&app, "en");
    own.login(&supplier.email, "supplier-password-1").await;
    let mine = own.get(&format!("/suppliers/{sid}/assessments")).await;
    assert!(
        mine.body.contains(&format!("href=\"{location}\"")),
        "listed on the supplier's start page"
    );
    assert_eq!(own.get(&location).await.status, StatusCode::OK);
    assert_eq!(own.get(&form_path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        upload_csv(&own, &path, Some(AUDIT)).await.0,
        StatusCode::FORBIDDEN
    );
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    assert_eq!(stranger.get(&form_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        upload_csv(&stranger, &path, Some(AUDIT)).await.0,
        StatusCode::NOT_FOUND
    );
}
