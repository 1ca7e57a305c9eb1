//! The portal pages added for the "not built yet" list, through their
//! forms: the team page (invite officers and advisors).

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
