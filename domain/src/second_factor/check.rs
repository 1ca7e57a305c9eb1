//! Checking a code a user typed: a TOTP code (one step of drift either side, and
//! only a step later than the last one accepted), or else one of their unused
//! recovery codes. The step is claimed with a conditional update, so the same
//! code sent twice at once is accepted once.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    sea_query::{Condition, Expr},
};
use uuid::Uuid;

use super::{recovery, totp};
use crate::{clock, entities::user_totp, error::DomainError};

/// What a code proved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    /// A current TOTP code.
    Totp,
    /// A recovery code (now used up).
    RecoveryCode,
}

/// The user's confirmed factor, if they have one.
pub async fn confirmed<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
) -> Result<Option<user_totp::Model>, DomainError> {
    Ok(user_totp::Entity::find_by_id(user_id)
        .filter(user_totp::Column::ConfirmedAt.is_not_null())
        .one(db)
        .await?)
}

/// Accepts `typed` as a TOTP code of `factor` at most once: `Some(step)` when
/// it matched and its step was claimed.
pub(super) async fn claim_totp<C: ConnectionTrait>(
    db: &C,
    factor: &user_totp::Model,
    typed: &str,
) -> Result<Option<i64>, DomainError> {
    let key = totp::base32_decode(&factor.secret)
        .ok_or_else(|| DomainError::Internal("a stored TOTP secret is not Base32".into()))?;
    let Some(step) = totp::matching_step(&key, typed, clock::now().timestamp(), factor.last_step) else {
        return Ok(None);
    };
    let claimed = user_totp::Entity::update_many()
        .col_expr(user_totp::Column::LastStep, Expr::value(step))
        .filter(user_totp::Column::UserId.eq(factor.user_id))
        .filter(
            Condition::any()
                .add(user_totp::Column::LastStep.is_null())
                .add(user_totp::Column::LastStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok((claimed.rows_affected > 0).then_some(step))
}

/// Checks `typed` against the user's confirmed factor: a TOTP code, or a
/// recovery code. `None` when it is neither (or was already used).
pub async fn check_code<C: ConnectionTrait>(
    db: &C,
    factor: &user_totp::Model,
    typed: &str,
) -> Result<Option<Proof>, DomainError> {
    if claim_totp(db, factor, typed).await?.is_some() {
        return Ok(Some(Proof::Totp));
    }
    if recovery::use_code(db, factor.user_id, typed).await? {
        return Ok(Some(Proof::RecoveryCode));
    }
    Ok(None)
}
