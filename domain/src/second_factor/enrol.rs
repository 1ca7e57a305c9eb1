//! Enrolling a TOTP factor: a new secret (shown to the user once, as a QR code
//! and as text), then confirming it with a code from their app, which turns it
//! on and hands out the ten recovery codes. Enrolling again before confirming
//! replaces the secret; a confirmed factor must be turned off first.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel, TransactionSession,
    TransactionTrait,
};

use super::{check::claim_totp, recovery, totp};
use crate::{
    access::Caller, audit, clock, entities::user_totp, error::DomainError, error::FieldError,
    transaction::BeginWrite as _,
};

/// A new, unconfirmed factor.
#[derive(Debug, Clone)]
pub struct Enrolment {
    /// The Base32 secret, for manual entry.
    pub secret: String,
    /// The `otpauth://` URI the QR code carries.
    pub otpauth_url: String,
}

fn own_account(caller: &Caller) -> Result<(), DomainError> {
    // An API key acts under its own id, which is no person's account.
    if caller.email.is_empty() {
        return Err(DomainError::Forbidden("an API key has no second factor"));
    }
    Ok(())
}

/// Starts (or restarts) the caller's enrolment.
pub async fn enrol<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<Enrolment, DomainError> {
    own_account(caller)?;
    let existing = user_totp::Entity::find_by_id(caller.user_id).one(db).await?;
    if existing.as_ref().is_some_and(|f| f.confirmed_at.is_some()) {
        return Err(DomainError::Conflict(
            "a second factor is already on; turn it off first to enrol a new one".into(),
        ));
    }
    let secret = totp::new_secret();
    let now = clock::now();
    match existing {
        Some(row) => {
            let mut row = row.into_active_model();
            row.secret = Set(secret.clone());
            row.last_step = Set(None);
            row.created_at = Set(now);
            row.update(db).await?;
        }
        None => {
            user_totp::ActiveModel {
                user_id: Set(caller.user_id),
                secret: Set(secret.clone()),
                last_step: Set(None),
                confirmed_at: Set(None),
                created_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(Enrolment {
        otpauth_url: totp::otpauth_url(&secret, &caller.email),
        secret,
    })
}

/// The caller's pending (unconfirmed) enrolment, to show again (the portal's
/// page after a wrong code).
pub async fn pending<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<Option<Enrolment>, DomainError> {
    let row = user_totp::Entity::find_by_id(caller.user_id).one(db).await?;
    Ok(row.filter(|f| f.confirmed_at.is_none()).map(|f| Enrolment {
        otpauth_url: totp::otpauth_url(&f.secret, &caller.email),
        secret: f.secret,
    }))
}

/// Confirms the pending enrolment with a code from the app; returns the ten
/// recovery codes (shown once). Wrong code → `Invalid` on `code`.
pub async fn confirm<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    code: &str,
) -> Result<Vec<String>, DomainError> {
    own_account(caller)?;
    let txn = db.begin_write().await?;
    let db = &txn;
    let Some(factor) = user_totp::Entity::find_by_id(caller.user_id).one(db).await? else {
        return Err(DomainError::Conflict(
            "no enrolment is pending; start one first".into(),
        ));
    };
    if factor.confirmed_at.is_some() {
        return Err(DomainError::Conflict("the second factor is already on".into()));
    }
    if claim_totp(db, &factor, code).await?.is_none() {
        return Err(DomainError::Invalid(vec![FieldError::new(
            "code",
            "this is not the current code of your authenticator app",
        )]));
    }
    let mut row = factor.into_active_model();
    row.confirmed_at = Set(Some(clock::now()));
    row.update(db).await?;
    let codes = recovery::replace(db, caller.user_id).await?;
    audit::record_account(
        db,
        caller.user_id,
        Some(caller.user_id),
        "mfa.totp_enrolled",
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(codes)
}
