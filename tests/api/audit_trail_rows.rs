//! The audit trail reads its page, with each event's actor, as one row of JSON
//! built by the database (issue #23, `domain::audit::trail`): every listed
//! event must be the stored event, named by the right actor (a person, an API
//! key or a supplier link of the company, the system, and not another
//! company's key), on every page by number and by cursor.

use domain::{
    audit::{self, AuditEntry},
    entities::{audit_event, user},
};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    fixtures::small_definition,
    helpers::spawn_app,
    page_walk::{get, walked},
};

const TEXT: &str = "Quote \"and\" back\\slash, Zoë Ñúñez 👷 <&>\nsecond line";

#[tokio::test]
async fn every_listed_event_is_the_stored_event_with_its_actor() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid: Uuid = company.id.parse().unwrap();
    let me = get(&app, "/me", &company.token).await;
    let admin: Uuid = me["user"]["id"].as_str().unwrap().parse().unwrap();
    let admin_name = me["user"]["name"].clone();
    let (key, _) = app.api_key(&company, "officer").await;
    let key: Uuid = key.parse().unwrap();
    // Sending an assessment makes the supplier's link (and events of its own).
    let supplier = app.supplier_with_user(&company, "Linked Ltd").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("trail", 1))
        .await;
    let aid = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let links = get(&app, &format!("/assessments/{aid}/links"), &company.token).await;
    let link: Uuid = links["items"][0]["id"].as_str().unwrap().parse().unwrap();
    let link_email = links["items"][0]["email"].clone();
    let other = app.registered_company().await;
    let (foreign_key, _) = app.api_key(&other, "officer").await;
    let foreign_key: Uuid = foreign_key.parse().unwrap();

    // One event per kind of actor, with summaries that JSON escapes and a real
    // that needs 17 digits.
    let summary = json!({"text": TEXT, "share": 0.1 + 0.2, "nested": {"list": [1, null, true]}});
    let actors = [Some(admin), Some(key), Some(link), None, Some(foreign_key)];
    for actor in actors {
        audit::record(
            &app.db,
            AuditEntry {
                company_id: Some(cid),
                actor_user_id: actor,
                action: "trail.checked",
                entity_type: "trail",
                entity_id: actor.map(|_| Uuid::now_v7()),
                before: actor.map(|_| summary.clone()),
                after: Some(json!({"actor": actor})),
            },
        )
        .await
        .unwrap();
    }

    let list = format!("/companies/{cid}/audit-events");
    let items = walked(&app, &list, "", &company.token).await;
    assert!(
        items.len() > actors.len(),
        "the company's own events are listed too"
    );
    for item in &items {
        let id: Uuid = item["id"].as_str().unwrap().parse().unwrap();
        let stored = audit_event::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.company_id, Some(cid));
        assert_eq!(item["action"], stored.action);
        assert_eq!(item["entity_type"], stored.entity_type);
        assert_eq!(item["entity_id"], json!(stored.entity_id));
        assert_eq!(item["actor_id"], json!(stored.actor_user_id));
        assert_eq!(item["before"], json!(stored.before));
        assert_eq!(item["after"], json!(stored.after));
        assert_eq!(item["created_at"], json!(stored.created_at));
        let (kind, name) = match stored.actor_user_id {
            None => ("system", Value::Null),
            Some(id) if id == admin => ("user", admin_name.clone()),
            Some(id) if id == key => ("api_key", json!("ERP sync")),
            Some(id) if id == link => ("supplier_link", link_email.clone()),
            // Another company's key is not named here: a person, unnamed.
            Some(id) if id == foreign_key => ("user", Value::Null),
            // Anyone else (the supplier's user, say) is a person of the platform.
            Some(other) => {
                let person = user::Entity::find_by_id(other)
                    .one(&app.db)
                    .await
                    .unwrap()
                    .unwrap_or_else(|| panic!("an actor this test did not make: {other}"));
                ("user", json!(person.name))
            }
        };
        assert_eq!(item["actor_kind"], kind, "{item}");
        assert_eq!(item["actor_name"], name, "{item}");
    }
    let checked: Vec<&Value> = items.iter().filter(|i| i["action"] == "trail.checked").collect();
    assert_eq!(checked.len(), actors.len());
    // Newest first: the last recorded is listed first.
    assert_eq!(checked[0]["actor_id"], json!(foreign_key));
    assert_eq!(checked[2]["before"]["text"], TEXT);
    assert_eq!(checked[2]["before"]["share"], json!(0.1 + 0.2));
}
