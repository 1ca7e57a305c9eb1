//! Every request reads its caller fresh (one joined query): all memberships are
//! seen, and a removed membership or user is refused on the very next request.

use domain::entities::{membership, user};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::spawn_app;

#[tokio::test]
async fn memberships_are_read_fresh_on_every_request() {
    let app = spawn_app().await;
    let home = app.registered_company().await;
    let other = app.registered_company().await;
    let me: Value = app.me(&home.token).await.json().await.unwrap();
    let user_id: Uuid = me["user"]["id"].as_str().unwrap().parse().unwrap();
    let suppliers = |cid: &str| format!("/companies/{cid}/suppliers");
    assert_eq!(
        app.get_api(&suppliers(&other.id), Some(&home.token))
            .await
            .status(),
        404
    );

    // A second membership (as an advisor of the other company) counts at once.
    membership::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        organization_id: Set(other.id.parse().unwrap()),
        role: Set("advisor".into()),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let me: Value = app.me(&home.token).await.json().await.unwrap();
    let seen: Vec<(&str, &str)> = me["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["organization_id"].as_str().unwrap(),
                m["role"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [(home.id.as_str(), "admin"), (other.id.as_str(), "advisor")]
    );
    assert_eq!(
        app.get_api(&suppliers(&other.id), Some(&home.token))
            .await
            .status(),
        200
    );

    // Removed: the very next request with the same token is refused there, while
    // the remaining membership still works.
    membership::Entity::delete_many()
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::OrganizationId.eq(home.id.parse::<Uuid>().unwrap()))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(
        app.get_api(&suppliers(&home.id), Some(&home.token))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get_api(&suppliers(&other.id), Some(&home.token))
            .await
            .status(),
        200
    );

    // A user with no membership left is still themselves; a deleted user is nobody.
    membership::Entity::delete_many()
        .filter(membership::Column::UserId.eq(user_id))
        .exec(&app.db)
        .await
        .unwrap();
    let me: Value = app.me(&home.token).await.json().await.unwrap();
    assert_eq!(me["memberships"], serde_json::json!([]));
    assert_eq!(me["user"]["email"], home.email.as_str());
    user::Entity::delete_by_id(user_id).exec(&app.db).await.unwrap();
    assert_eq!(app.me(&home.token).await.status(), 401);
}
