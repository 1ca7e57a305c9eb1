//! A company's OpenID Connect identity provider (single sign-on).

use sea_orm::entity::prelude::*;

/// A row of `company_sso` (one per company at most).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "company_sso")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub company_id: Uuid,
    pub issuer: String,
    pub client_id: String,
    /// Write-only: never returned by the API, never logged.
    pub client_secret: String,
    /// The ID-token claim that carries the role (a string or an array of strings).
    pub role_claim: String,
    /// JSON object: claim value → `admin` | `officer` | `advisor`.
    pub role_map: String,
    /// The role given when no claim value maps (`None`: such sign-ins are refused).
    pub default_role: Option<String>,
    /// JSON array of lower-case email domains the provider may sign in.
    pub email_domains: String,
    /// Password login is refused for the company's staff.
    pub sso_required: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
