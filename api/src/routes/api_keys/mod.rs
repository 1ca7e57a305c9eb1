//! API keys for machine clients: admins create (the key is shown once), list and
//! revoke them. A key is sent as `Authorization: Bearer fh_…`.

pub mod create;
pub mod list;
pub mod revoke;

use chrono::{DateTime, Utc};
use domain::{access::Caller, entities::api_key};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;

/// A key as listed (never the key itself).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyResponse {
    /// The key's id, for revoking it (`DELETE /api-keys/{id}`).
    pub id: Uuid,
    /// The label.
    pub name: String,
    /// `officer` or `read_only`.
    pub role: String,
    /// The key's first characters, e.g. `fh_3f9a1c`.
    pub prefix: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last authenticated request (to the minute), if any.
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it was revoked; a revoked key is refused (401).
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<api_key::Model> for ApiKeyResponse {
    fn from(k: api_key::Model) -> Self {
        Self {
            id: k.id,
            name: k.name,
            role: k.role,
            prefix: k.key_prefix,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

/// Keys are the admins' business (the domain's rule): a member with another role
/// gets 403, anyone else 404. An API key never manages keys (it is not an admin).
pub(crate) fn require_admin(caller: &Caller, company_id: Uuid) -> Result<(), ApiError> {
    Ok(domain::api_keys::require_admin(caller, company_id)?)
}
