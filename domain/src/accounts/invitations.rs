use crate::transaction::BeginWrite as _;
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    email::{self, NewEmail, messages::InvitationMessage},
    entities::{invitation, membership, user},
    error::DomainError,
    secret_token,
    values::{Email, Locale, RequiredText, Role},
};

/// Invitations expire after 14 days (api-contract.md).
pub const INVITATION_TTL_DAYS: i64 = 14;

/// An invitation to send.
#[derive(Debug, Clone)]
pub struct Invite {
    /// The company it is sent on behalf of.
    pub company_id: Uuid,
    /// The company's name, for the email.
    pub company_name: String,
    /// The organization the invitee joins (the company, or one of its suppliers).
    pub organization_id: Uuid,
    /// That organization's name, for the email.
    pub organization_name: String,
    /// The invitee.
    pub email: Email,
    /// Their role once accepted.
    pub role: Role,
    /// Who sent it.
    pub invited_by: Option<Uuid>,
    /// Base of the accept link (FAIRHIRE_PUBLIC_URL).
    pub public_url: String,
    /// The language of the email.
    pub locale: Locale,
}

/// Creates the invitation (only the token's hash is stored) and queues the email
/// carrying the token, on `db`; call it inside the use case's transaction.
pub async fn invite<C: ConnectionTrait>(db: &C, input: Invite) -> Result<invitation::Model, DomainError> {
    let token = secret_token::generate();
    let now = clock::now();
    let row = invitation::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(input.company_id),
        organization_id: Set(input.organization_id),
        email: Set(input.email.as_str().into()),
        role: Set(input.role.as_str().into()),
        token_hash: Set(secret_token::hash(&token)),
        invited_by: Set(input.invited_by),
        expires_at: Set(now + Duration::days(INVITATION_TTL_DAYS)),
        accepted_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    let base = input.public_url.trim_end_matches('/');
    email::queue(
        db,
        NewEmail::new(
            Some(input.company_id),
            input.email,
            input.locale,
            &InvitationMessage {
                accept_url: format!("{base}/invitations/{token}"),
                token: token.clone(),
                company_name: input.company_name.clone(),
                organization_name: input.organization_name.clone(),
                role: input.role.as_str().to_string(),
                expires_on: row.expires_at.date_naive().to_string(),
            },
        )?,
    )
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(input.company_id),
            actor_user_id: input.invited_by,
            action: "invitation.created",
            entity_type: "invitation",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"role": row.role, "organization_id": row.organization_id})),
        },
    )
    .await?;
    Ok(row)
}

/// Accepting an invitation.
#[derive(Debug)]
pub struct AcceptInvitation {
    /// The token from the email.
    pub token: String,
    /// The invitee's name.
    pub name: RequiredText,
    /// Argon2id hash of the chosen password (used only if the person is new).
    pub password_hash: String,
}

/// Uses the invitation once: creates the user (or reuses the one with that email)
/// and the membership. Unknown token → `NotFound`; used or expired → `Gone`.
pub async fn accept_invitation<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    input: AcceptInvitation,
) -> Result<user::Model, DomainError> {
    let txn = db.begin_write().await?;
    let found = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(secret_token::hash(&input.token)))
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound("invitation"))?;
    if found.accepted_at.is_some() {
        return Err(DomainError::Gone("this invitation has already been used"));
    }
    let now = clock::now();
    if found.expires_at <= now {
        return Err(DomainError::Gone(
            "this invitation has expired; ask for a new one",
        ));
    }
    let email = Email::parse(&found.email).map_err(|e| DomainError::Internal(format!("stored email {e}")))?;
    let person = match super::find_user_by_email(&txn, &email).await? {
        Some(existing) => existing,
        None => {
            user::ActiveModel {
                id: Set(Uuid::now_v7()),
                email: Set(email.as_str().into()),
                name: Set(input.name.into_inner()),
                password_hash: Set(input.password_hash),
                locale: Set(None),
                digest_enabled: Set(true),
                created_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    let already_member = membership::Entity::find()
        .filter(membership::Column::UserId.eq(person.id))
        .filter(membership::Column::OrganizationId.eq(found.organization_id))
        .one(&txn)
        .await?
        .is_some();
    if !already_member {
        membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(person.id),
            organization_id: Set(found.organization_id),
            role: Set(found.role.clone()),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    let company_id = found.company_id;
    let invitation_id = found.id;
    let mut used = found.into_active_model();
    used.accepted_at = Set(Some(now));
    used.update(&txn).await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(person.id),
            action: "invitation.accepted",
            entity_type: "invitation",
            entity_id: Some(invitation_id),
            before: None,
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(person)
}
