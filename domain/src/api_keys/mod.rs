//! API keys for machine clients (ERPs, scripts): `fh_` + 256 random bits, shown
//! once at creation and stored only as a SHA-256 hash. A key acts in one company
//! with its role: `officer` (everything an officer may do) or `read_only` (reads
//! like an advisor, never changes anything).

mod manage;

pub use manage::{create_key, keys_of, require_admin, revoke_key};

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::api_key,
    error::{DomainError, FieldError},
    secret_token,
};

/// Every key starts with this, so the extractor can tell a key from a JWT and
/// secret scanners can recognise a leaked one.
pub const PREFIX: &str = "fh_";

/// Characters of the key kept in clear to tell keys apart (`fh_` + 6).
const SHOWN_CHARS: usize = 9;

/// Only refresh `last_used_at` when it is older than this: one write per key and
/// minute, not per request.
const LAST_USED_GRANULARITY_SECS: i64 = 60;

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyRole {
    /// Everything an officer may do in the company.
    Officer,
    /// Reads what an advisor reads; every change is refused.
    ReadOnly,
}

impl KeyRole {
    /// Parses the stored or submitted name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "officer" => Some(Self::Officer),
            "read_only" => Some(Self::ReadOnly),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Officer => "officer",
            Self::ReadOnly => "read_only",
        }
    }
}

/// A key just created: the row and the key itself, which exists nowhere else.
#[derive(Debug, Clone)]
pub struct CreatedKey {
    /// The stored row.
    pub row: api_key::Model,
    /// `fh_…`; show it once.
    pub key: String,
}

/// Creates a key for `company_id`.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    name: &str,
    role: KeyRole,
    actor: Uuid,
) -> Result<CreatedKey, DomainError> {
    let name = name.trim();
    let one_line = crate::values::refuse_control_characters(name, crate::values::Lines::One).is_ok();
    if name.is_empty() || name.chars().count() > 100 || !one_line {
        return Err(DomainError::Invalid(vec![FieldError::new(
            "name",
            "must be 1 to 100 characters on one line",
        )]));
    }
    let key = format!("{PREFIX}{}", secret_token::generate());
    let row = api_key::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(company_id),
        name: Set(name.to_string()),
        role: Set(role.as_str().to_string()),
        key_hash: Set(secret_token::hash(&key)),
        key_prefix: Set(key.chars().take(SHOWN_CHARS).collect()),
        created_by: Set(Some(actor)),
        created_at: Set(clock::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(actor),
            action: "api_key.created",
            entity_type: "api_key",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"name": row.name, "role": row.role})),
        },
    )
    .await?;
    Ok(CreatedKey { row, key })
}

/// The live (not revoked) key `raw`, with `last_used_at` brought up to date;
/// `None` for an unknown or revoked key.
pub async fn authenticate<C: ConnectionTrait>(
    db: &C,
    raw: &str,
) -> Result<Option<api_key::Model>, DomainError> {
    if !raw.starts_with(PREFIX) {
        return Ok(None);
    }
    let Some(row) = api_key::Entity::find()
        .filter(api_key::Column::KeyHash.eq(secret_token::hash(raw)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if row.revoked_at.is_some() {
        return Ok(None);
    }
    let now = clock::now();
    let stale = row
        .last_used_at
        .is_none_or(|at| (now - at).num_seconds() >= LAST_USED_GRANULARITY_SECS);
    if !stale {
        return Ok(Some(row));
    }
    let mut active = row.into_active_model();
    active.last_used_at = Set(Some(now));
    Ok(Some(active.update(db).await?))
}

/// Revokes the key (idempotent) and records it in the audit trail.
pub async fn revoke<C: ConnectionTrait>(
    db: &C,
    row: api_key::Model,
    actor: Uuid,
) -> Result<api_key::Model, DomainError> {
    if row.revoked_at.is_some() {
        return Ok(row);
    }
    let company_id = row.company_id;
    let mut active = row.into_active_model();
    active.revoked_at = Set(Some(clock::now()));
    let revoked = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(actor),
            action: "api_key.revoked",
            entity_type: "api_key",
            entity_id: Some(revoked.id),
            before: None,
            after: Some(serde_json::json!({"name": revoked.name})),
        },
    )
    .await?;
    Ok(revoked)
}
