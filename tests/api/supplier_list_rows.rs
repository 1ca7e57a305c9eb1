//! The supplier list reads its page as one row of JSON built by the database
//! (issue #23, `domain::suppliers::page`): every listed supplier must be what
//! `GET /suppliers/{id}` answers for it, to the byte, whatever its fields hold
//! (text that JSON escapes, a score that needs 17 digits, no profile, an
//! archived one), on every page by number and by cursor, filtered or not.

use domain::entities::supplier;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    helpers::spawn_app,
    page_walk::{get, walked},
};

#[tokio::test]
async fn every_listed_supplier_is_the_supplier_read_alone() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let bodies = [
        json!({"name": "Quote \"and\" back\\slash", "country": "QA", "sector": "construction",
               "contact_email": "a@a.example", "contact_name": "Zoë Ñúñez 👷",
               "workforce_size": 1200, "migrant_worker_share": 0.9,
               "worker_origins": [{"country": "NP", "share": 0.5}, {"country": "BD", "share": 0.25}]}),
        json!({"name": "Bare", "country": "MY", "sector": "electronics", "contact_email": "b@b.example"}),
        json!({"name": "Ünïcode Ltd <&> ü", "country": "TH", "sector": "agriculture", "contact_email": "c@c.example",
               "migrant_worker_share": 0.333}),
        json!({"name": "Archived One", "country": "MY", "sector": "electronics", "contact_email": "d@d.example"}),
        json!({"name": "aardvark lower", "country": "VN", "sector": "apparel_textiles", "contact_email": "e@e.example",
               "workforce_size": 7}),
    ];
    let mut ids = Vec::new();
    for body in &bodies {
        let created = app.create_supplier(&company, body).await;
        assert_eq!(created.status(), 201, "{body}");
        let created: Value = created.json().await.unwrap();
        ids.push(created["id"].as_str().unwrap().parse::<Uuid>().unwrap());
    }
    // Scores the scoring engine could write, one of them needing all 17 digits
    // to come back as the same f64.
    for (id, score, band) in [
        (ids[0], 1.0_f64 / 3.0 * 100.0, "medium"),
        (ids[2], 0.1 + 0.2, "low"),
    ] {
        let row = supplier::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut row = row.into_active_model();
        row.risk_score = Set(Some(score));
        row.risk_band = Set(Some(band.into()));
        row.update(&app.db).await.unwrap();
    }
    let archived = app
        .post_json(
            &format!("/suppliers/{}/archive", ids[3]),
            Some(&company.token),
            &json!({}),
        )
        .await;
    assert_eq!(archived.status(), 200);

    let list = format!("/companies/{}/suppliers", company.id);
    for query in [
        "?include_archived=true",
        "",
        "?country=MY&include_archived=true",
        "?q=o",
    ] {
        for item in walked(&app, &list, query, &company.token).await {
            let alone = format!("/suppliers/{}", item["id"].as_str().unwrap());
            assert_eq!(item, get(&app, &alone, &company.token).await, "{query}");
        }
    }
    // What the whole list holds, checked once against what was sent.
    let all = get(&app, &format!("{list}?include_archived=true"), &company.token).await;
    assert_eq!(all["total"], 5);
    let named = |name: &str| {
        all["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} is listed"))
    };
    let quoted = named("Quote \"and\" back\\slash");
    assert_eq!(quoted["contact_name"], "Zoë Ñúñez 👷");
    assert_eq!(quoted["risk_score"], json!(1.0_f64 / 3.0 * 100.0));
    assert_eq!(
        quoted["worker_origins"][1],
        json!({"country": "BD", "share": 0.25})
    );
    assert_eq!(named("Ünïcode Ltd <&> ü")["risk_score"], json!(0.1 + 0.2));
    assert!(named("Archived One")["archived_at"].is_string());
    assert_eq!(named("Bare")["worker_origins"], json!([]));
    // The unarchived list, past its end: an empty page with the kept total.
    let past = get(&app, &format!("{list}?page=9"), &company.token).await;
    assert_eq!(past["items"], json!([]));
    assert_eq!(past["total"], 4);
}
