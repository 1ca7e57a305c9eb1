//! The portal's risk-overrides page: the whole set replaced through the form
//! (each problem on its row, nothing stored), removing a row, the re-score it
//! queues; strangers get 404s, advisors and suppliers are refused.

use domain::entities::risk_override;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    helpers::{TestApp, spawn_app},
    portal_flow::{Portal, outsiders, situation},
};

/// The company's overrides as (kind, key, risk, note), sorted here (collations
/// differ between the databases).
async fn stored(app: &TestApp, company: &str) -> Vec<(String, String, String, Option<String>)> {
    let mut rows: Vec<_> = risk_override::Entity::find()
        .filter(risk_override::Column::CompanyId.eq(uuid::Uuid::parse_str(company).unwrap()))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| (o.kind, o.key, o.risk, o.note))
        .collect();
    rows.sort();
    rows
}

#[tokio::test]
async fn an_officer_replaces_the_risk_overrides_row_by_row() {
    let app = spawn_app().await;
    let s = situation(&app, "Override Co").await;
    let officer = Portal::new(&app, "fr");
    officer.login(&s.company.email, "a-long-password-1").await;
    let path = format!("/companies/{}/risk-overrides", s.company.id);
    let page = officer.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Risques propres"), "{}", page.body);
    assert!(
        page.body.contains(&format!("href=\"{path}\"")),
        "in the navigation"
    );

    // An unknown country, an unknown sector, a risk out of range and one that
    // is not a number: each beside its field, what was typed kept.
    let bad = [
        ("kind.0", "country"),
        ("key.0", "NP"),
        ("risk.0", "150"),
        ("kind.1", "country"),
        ("key.1", "XX"),
        ("risk.1", "40"),
        ("kind.2", "sector"),
        ("key.2", "no-such-sector"),
        ("risk.2", "40"),
        ("kind.3", "sector"),
        ("key.3", "electronics"),
        ("risk.3", "high"),
    ];
    let wrong = officer.post(&path, &bad).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    assert!(
        wrong.body.contains("id=\"override-risk-3-error\""),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains("value=\"high\""), "what was typed is kept");
    // Then the domain's own rules, once every risk is a number.
    let wrong = officer.post(&path, &bad[..9]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    for id in [
        "override-risk-0-error",
        "override-key-1-error",
        "override-key-2-error",
    ] {
        assert!(
            wrong.body.contains(&format!("id=\"{id}\"")),
            "{id}: {}",
            wrong.body
        );
    }
    assert!(
        !wrong.body.contains("id=\"override-key-0-error\""),
        "NP is a country"
    );
    assert!(wrong.body.contains("Entre 0 et 100") || wrong.body.contains("entre 0 et 100"));
    assert!(wrong.body.contains("value=\"no-such-sector\""));
    assert!(stored(&app, &s.company.id).await.is_empty(), "nothing stored");

    let saved = officer
        .post(
            &path,
            &[
                ("kind.0", "country"),
                ("key.0", "np"),
                ("risk.0", "80"),
                ("note.0", "<script>alert(7)</script>"),
                ("kind.1", "sector"),
                ("key.1", "electronics"),
                ("risk.1", "45.5"),
                ("kind.2", "country"),
                ("key.2", ""),
                ("risk.2", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location, format!("{path}?done=saved"));
    assert_eq!(
        stored(&app, &s.company.id).await,
        vec![
            (
                "country".into(),
                "NP".into(),
                "80".into(),
                Some("<script>alert(7)</script>".into())
            ),
            ("sector".into(), "electronics".into(), "45.5".into(), None),
        ]
    );
    let shown = officer.get(&saved.location).await;
    assert!(shown.body.contains("role=\"status\""), "{}", shown.body);
    assert!(shown.body.contains("value=\"NP\"") && shown.body.contains("value=\"45.5\""));
    assert!(!shown.body.contains("<script>alert(7)"), "the note is text");

    // Clearing a row removes that override; the rest stays.
    let replaced = officer
        .post(
            &path,
            &[
                ("kind.0", "country"),
                ("key.0", ""),
                ("risk.0", ""),
                ("kind.1", "sector"),
                ("key.1", "electronics"),
                ("risk.1", "60"),
            ],
        )
        .await;
    assert_eq!(replaced.status, StatusCode::SEE_OTHER, "{}", replaced.body);
    assert_eq!(
        stored(&app, &s.company.id).await,
        vec![("sector".into(), "electronics".into(), "60".into(), None)]
    );

    for (who, status) in outsiders(&app, &s).await {
        assert_eq!(who.get(&path).await.status, status);
        let refused = who
            .post(&path, &[("kind.0", "country"), ("key.0", "NP"), ("risk.0", "1")])
            .await;
        assert_eq!(refused.status, status);
    }
    assert_eq!(
        stored(&app, &s.company.id).await,
        vec![("sector".into(), "electronics".into(), "60".into(), None)],
        "nothing changed"
    );
}
