//! Recovery codes: ten per enrolment, each usable once, shown once; only their
//! SHA-256 is stored (they are random, 50 bits each, so a slow hash adds nothing).

use rand::Rng;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::{clock, entities::recovery_code, error::DomainError, secret_token};

/// Codes per enrolment.
pub const COUNT: usize = 10;
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// How a typed code is compared: lower case, without spaces or dashes.
fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn new_code() -> String {
    let mut rng = rand::rng();
    let chars: String = (0..10)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// Replaces user `user_id`'s codes with ten new ones; returns them, in clear, once.
pub async fn replace<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<Vec<String>, DomainError> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let codes: Vec<String> = (0..COUNT).map(|_| new_code()).collect();
    let rows = codes.iter().map(|code| recovery_code::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        code_hash: Set(secret_token::hash(&normalize(code))),
        used_at: Set(None),
    });
    recovery_code::Entity::insert_many(rows).exec(db).await?;
    Ok(codes)
}

/// Uses `typed` if it is one of the user's unused codes; `true` if it was. The
/// update is conditional, so two requests racing with one code use it once.
pub async fn use_code<C: ConnectionTrait>(db: &C, user_id: Uuid, typed: &str) -> Result<bool, DomainError> {
    let typed = normalize(typed);
    if typed.len() != 10 {
        return Ok(false);
    }
    let used = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(clock::now()))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(secret_token::hash(&typed)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(used.rows_affected > 0)
}

/// How many unused codes the user has left.
pub async fn remaining<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<u64, DomainError> {
    use sea_orm::PaginatorTrait;
    Ok(recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?)
}
