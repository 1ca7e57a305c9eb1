//! Password reset by email: asking always answers the same (whether or not the
//! address has an account), so it reveals nothing; a token valid one hour and
//! usable once is emailed in the person's language (only its hash is stored);
//! using it sets the new password and ends every session of the account.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    audit, clock,
    email::{self, NewEmail, messages::PasswordResetMessage},
    entities::{membership, organization, password_reset, user},
    error::DomainError,
    secret_token, sessions,
    transaction::BeginWrite as _,
    values::{Email, Locale},
};

/// Minutes a reset link stays valid.
pub const RESET_TTL_MINUTES: u32 = 60;

/// The language of a person's emails: theirs, or their first organization's.
async fn locale_of<C: ConnectionTrait>(db: &C, person: &user::Model) -> Result<Locale, DomainError> {
    if let Some(locale) = person.locale.as_deref().and_then(Locale::parse) {
        return Ok(locale);
    }
    let first = membership::Entity::find()
        .filter(membership::Column::UserId.eq(person.id))
        .order_by_asc(membership::Column::CreatedAt)
        .one(db)
        .await?;
    let organization = match first {
        Some(m) => {
            organization::Entity::find_by_id(m.organization_id)
                .one(db)
                .await?
        }
        None => None,
    };
    Ok(organization
        .and_then(|o| Locale::parse(&o.locale))
        .unwrap_or_default())
}

/// Emails a reset link to `address` if it has an account; nothing otherwise.
/// The caller answers the same either way.
pub async fn request_password_reset<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    address: &Email,
    public_url: &str,
) -> Result<(), DomainError> {
    let txn = db.begin_write().await?;
    let Some(person) = super::find_user_by_email(&txn, address).await? else {
        return Ok(());
    };
    let token = secret_token::generate();
    let now = clock::now();
    password_reset::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(person.id),
        token_hash: Set(secret_token::hash(&token)),
        expires_at: Set(now + Duration::minutes(i64::from(RESET_TTL_MINUTES))),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let locale = locale_of(&txn, &person).await?;
    let base = public_url.trim_end_matches('/');
    email::queue(
        &txn,
        NewEmail::new(
            None,
            address.clone(),
            locale,
            &PasswordResetMessage {
                reset_url: format!("{base}/password-reset/{token}"),
                valid_minutes: RESET_TTL_MINUTES,
            },
        )?,
    )
    .await?;
    audit::record_account(&txn, person.id, None, "auth.password_reset_requested", None).await?;
    txn.commit().await?;
    Ok(())
}

/// Whether `token` can still be used (the portal checks before showing the form).
/// Unknown → `NotFound`; used or expired → `Gone`.
pub async fn usable_reset<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<password_reset::Model, DomainError> {
    let found = password_reset::Entity::find()
        .filter(password_reset::Column::TokenHash.eq(secret_token::hash(token)))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("password reset"))?;
    if found.used_at.is_some() {
        return Err(DomainError::Gone(
            "this reset link has already been used; ask for a new one",
        ));
    }
    if found.expires_at <= clock::now() {
        return Err(DomainError::Gone(
            "this reset link has expired; ask for a new one",
        ));
    }
    Ok(found)
}

/// Sets the account's password from reset `token` (once), and ends all its
/// sessions. `password_hash` is the Argon2id hash of the checked new password.
pub async fn complete_password_reset<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    token: &str,
    password_hash: String,
) -> Result<(), DomainError> {
    let txn = db.begin_write().await?;
    let found = usable_reset(&txn, token).await?;
    let user_id = found.user_id;
    let mut reset = found.into_active_model();
    reset.used_at = Set(Some(clock::now()));
    reset.update(&txn).await?;
    let person = user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound("password reset"))?;
    let mut person = person.into_active_model();
    person.password_hash = Set(password_hash);
    person.update(&txn).await?;
    let ended = sessions::end_all(&txn, user_id).await?;
    audit::record_account(
        &txn,
        user_id,
        None,
        "auth.password_reset_completed",
        Some(serde_json::json!({"sessions_ended": ended})),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
