//! The company policy "second factor required": its admins, officers and
//! advisors must have a confirmed factor; until they do, everything but
//! enrolment is refused (checked where the caller is loaded, `access`). Only the
//! company's admins change it. The column is read and written by name, so the
//! organization entity (shared by every feature) stays as it was.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, sea_query::Expr,
};
use uuid::Uuid;

use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    entities::organization,
    error::DomainError,
    values::Role,
};

/// A company's sign-in policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityPolicy {
    /// Whether staff must have a second factor.
    pub mfa_required: bool,
}

#[derive(FromQueryResult)]
struct PolicyRow {
    mfa_required: bool,
}

/// Company `company_id`'s policy (its staff may read it).
pub async fn policy<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<SecurityPolicy, DomainError> {
    caller.company_reviewer(company_id)?;
    let row = organization::Entity::find_by_id(company_id)
        .select_only()
        .column_as(Expr::col("mfa_required"), "mfa_required")
        .into_model::<PolicyRow>()
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("company"))?;
    Ok(SecurityPolicy {
        mfa_required: row.mfa_required,
    })
}

/// Sets company `company_id`'s policy (admins only; audited).
pub async fn set_policy<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    wanted: SecurityPolicy,
) -> Result<SecurityPolicy, DomainError> {
    if caller.company_role(company_id)? != Role::Admin || caller.read_only {
        return Err(DomainError::Forbidden(
            "only the company's admins may change its sign-in policy",
        ));
    }
    let before = policy(db, caller, company_id).await?;
    organization::Entity::update_many()
        .col_expr(
            sea_orm::sea_query::Alias::new("mfa_required"),
            Expr::value(wanted.mfa_required),
        )
        .filter(organization::Column::Id.eq(company_id))
        .exec(db)
        .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(caller.user_id),
            action: "company.security_policy_changed",
            entity_type: "organization",
            entity_id: Some(company_id),
            before: Some(serde_json::json!({"mfa_required": before.mfa_required})),
            after: Some(serde_json::json!({"mfa_required": wanted.mfa_required})),
        },
    )
    .await?;
    Ok(wanted)
}
