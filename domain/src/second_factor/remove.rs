//! Turning the factor off and regenerating recovery codes: both need a current
//! code (TOTP or recovery), so a stolen session alone cannot weaken the account.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait};

use super::{Proof, check, recovery};
use crate::{
    access::Caller,
    audit,
    entities::{recovery_code, user_totp},
    error::{DomainError, FieldError},
    transaction::BeginWrite as _,
};

fn wrong_code() -> DomainError {
    DomainError::Invalid(vec![FieldError::new(
        "code",
        "this is not a current code of your authenticator app or an unused recovery code",
    )])
}

async fn prove<C: ConnectionTrait>(db: &C, caller: &Caller, code: &str) -> Result<(), DomainError> {
    let factor = check::confirmed(db, caller.user_id)
        .await?
        .ok_or(DomainError::NotFound("second factor"))?;
    match check::check_code(db, &factor, code).await? {
        Some(Proof::RecoveryCode) => {
            audit::record_account(
                db,
                caller.user_id,
                Some(caller.user_id),
                "mfa.recovery_code_used",
                None,
            )
            .await
        }
        Some(Proof::Totp) => Ok(()),
        None => Err(wrong_code()),
    }
}

/// Turns the caller's factor off (and drops its recovery codes).
pub async fn remove<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    code: &str,
) -> Result<(), DomainError> {
    let txn = db.begin_write().await?;
    let db = &txn;
    prove(db, caller, code).await?;
    user_totp::Entity::delete_by_id(caller.user_id).exec(db).await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(caller.user_id))
        .exec(db)
        .await?;
    audit::record_account(db, caller.user_id, Some(caller.user_id), "mfa.totp_removed", None).await?;
    txn.commit().await?;
    Ok(())
}

/// Replaces the caller's recovery codes with ten new ones (the old stop working).
pub async fn regenerate_recovery_codes<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    code: &str,
) -> Result<Vec<String>, DomainError> {
    let txn = db.begin_write().await?;
    let db = &txn;
    prove(db, caller, code).await?;
    let codes = recovery::replace(db, caller.user_id).await?;
    audit::record_account(
        db,
        caller.user_id,
        Some(caller.user_id),
        "mfa.recovery_codes_regenerated",
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(codes)
}
