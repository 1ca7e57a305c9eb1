use crate::transaction::BeginWrite as _;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{membership, organization, user},
    error::DomainError,
    values::{Email, OrganizationKind, RequiredText, Role},
};

/// A company registration, already parsed; the password is already hashed.
#[derive(Debug)]
pub struct RegisterCompany {
    /// The new company's name.
    pub company_name: RequiredText,
    /// The registering person's name.
    pub name: RequiredText,
    /// Their email (becomes their login).
    pub email: Email,
    /// Argon2id PHC string of their password.
    pub password_hash: String,
}

/// What registration created.
#[derive(Debug, Clone)]
pub struct Registered {
    /// The new admin user.
    pub user: user::Model,
    /// The new company.
    pub organization: organization::Model,
}

/// Creates the company, its first user and the admin membership in one transaction.
/// An email already in use is a `Conflict`.
pub async fn register_company<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    input: RegisterCompany,
) -> Result<Registered, DomainError> {
    let txn = db.begin_write().await?;
    if find_user_by_email(&txn, &input.email).await?.is_some() {
        return Err(DomainError::Conflict(
            "an account with this email already exists; log in instead".into(),
        ));
    }
    let now = clock::now();
    let organization = organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(OrganizationKind::Company.as_str().into()),
        name: Set(input.company_name.into_inner()),
        company_id: Set(None),
        locale: Set("en".into()),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let user = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(input.email.as_str().into()),
        name: Set(input.name.into_inner()),
        password_hash: Set(input.password_hash),
        locale: Set(None),
        digest_enabled: Set(true),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    membership::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.id),
        organization_id: Set(organization.id),
        role: Set(Role::Admin.as_str().into()),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(organization.id),
            actor_user_id: Some(user.id),
            action: "company.registered",
            entity_type: "organization",
            entity_id: Some(organization.id),
            before: None,
            after: Some(serde_json::json!({"name": organization.name})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Registered { user, organization })
}

/// The user with this email, if any.
pub async fn find_user_by_email<C: ConnectionTrait>(
    db: &C,
    email: &Email,
) -> Result<Option<user::Model>, DomainError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?)
}
