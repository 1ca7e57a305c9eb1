//! `fairhire demo`: a demonstration company a newcomer can log in to. Idempotent:
//! running it again finds what exists and adds only what is missing.

use anyhow::Context;
use domain::{
    accounts::{self, RegisterCompany, password},
    clock,
    entities::{membership, organization},
    values::{Email, NewPassword, RequiredText, Role},
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use uuid::Uuid;

/// A login printed for the person running the demo.
pub struct DemoLogin {
    /// The role.
    pub role: &'static str,
    /// The email.
    pub email: String,
    /// The (public, demo-only) password.
    pub password: &'static str,
}

const PASSWORD: &str = "demo-password-2026";
const COMPANY: &str = "Northwind Apparel (demo)";

/// Seeds the demo company and its people; returns their logins.
pub async fn seed(db: &DatabaseConnection) -> anyhow::Result<Vec<DemoLogin>> {
    let people: [(&str, &str, Role); 3] = [
        ("admin@northwind.example", "Amara Okafor", Role::Admin),
        ("officer@northwind.example", "Lucía Fernández", Role::Officer),
        ("advisor@fairlabour.example", "Jean-Marc Dubois", Role::Advisor),
    ];
    let secret = NewPassword::parse(PASSWORD).map_err(|e| anyhow::anyhow!(e))?;
    let admin_email = Email::parse(people[0].0).map_err(|e| anyhow::anyhow!(e))?;
    let company_id = match accounts::find_user_by_email(db, &admin_email).await? {
        Some(admin) => existing_company(db, admin.id).await?,
        None => {
            let registered = accounts::register_company(
                db,
                RegisterCompany {
                    company_name: RequiredText::parse(COMPANY, 200).map_err(|e| anyhow::anyhow!(e))?,
                    name: RequiredText::parse(people[0].1, 200).map_err(|e| anyhow::anyhow!(e))?,
                    email: admin_email,
                    password_hash: password::hash(&secret)?,
                },
            )
            .await
            .context("registering the demo company")?;
            registered.organization.id
        }
    };
    for (email, name, role) in &people[1..] {
        let email = Email::parse(email).map_err(|e| anyhow::anyhow!(e))?;
        if accounts::find_user_by_email(db, &email).await?.is_some() {
            continue;
        }
        let user = domain::entities::user::ActiveModel {
            id: Set(Uuid::now_v7()),
            email: Set(email.as_str().into()),
            name: Set((*name).into()),
            password_hash: Set(password::hash(&secret)?),
            locale: Set(None),
            digest_enabled: Set(true),
            created_at: Set(clock::now()),
        }
        .insert(db)
        .await?;
        membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user.id),
            organization_id: Set(company_id),
            role: Set(role.as_str().into()),
            created_at: Set(clock::now()),
        }
        .insert(db)
        .await?;
    }
    Ok(people
        .iter()
        .map(|(email, _, role)| DemoLogin {
            role: role.as_str(),
            email: (*email).to_string(),
            password: PASSWORD,
        })
        .collect())
}

async fn existing_company(db: &DatabaseConnection, admin_id: Uuid) -> anyhow::Result<Uuid> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let memberships = membership::Entity::find()
        .filter(membership::Column::UserId.eq(admin_id))
        .all(db)
        .await?;
    for m in memberships {
        let org = organization::Entity::find_by_id(m.organization_id)
            .one(db)
            .await?;
        if let Some(org) = org.filter(|o| o.kind == "company") {
            return Ok(org.id);
        }
    }
    anyhow::bail!("the demo admin exists but belongs to no company; use a fresh FAIRHIRE_DATA_DIR")
}
