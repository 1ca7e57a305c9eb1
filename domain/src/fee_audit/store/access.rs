//! Who may do what with a supplier's fee audits (fee-audit.md, "Personal data"): the
//! owning company's officers, admins and advisors and the supplier itself read them;
//! officers and admins upload them; officers, admins and the supplier (who is the one
//! repaying) record repayments. Anyone else is told the audit does not exist.

use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    access::{Caller, SupplierAccess},
    entities::{fee_audit, supplier},
    error::DomainError,
};

/// What the caller wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Read audits and their results.
    Read,
    /// Upload a new audit (officers and admins).
    Upload,
    /// Record repayments (officers, admins and the supplier's own users).
    Repay,
}

impl Intent {
    /// Whether this way of reaching the supplier allows the intent.
    fn allowed(self, access: SupplierAccess) -> bool {
        match (self, access) {
            (Self::Read, SupplierAccess::Company(role)) => role.reads_company(),
            (Self::Read | Self::Repay, SupplierAccess::OwnSupplier) => true,
            (Self::Upload | Self::Repay, SupplierAccess::Company(role)) => role.manages_company(),
            (Self::Upload, SupplierAccess::OwnSupplier) => false,
        }
    }

    fn refusal(self) -> DomainError {
        DomainError::Forbidden(match self {
            Self::Read => {
                "only the company's officers, admins and advisors and the supplier may read fee audits"
            }
            Self::Upload => "only the company's officers and admins may upload a fee audit",
            Self::Repay => "only the company's officers and admins and the supplier may record repayments",
        })
    }
}

/// The supplier, when the caller may act on its fee audits as `intent` says:
/// `NotFound` when it is not theirs to see, `Forbidden` when their role may not.
pub async fn supplier_for<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    supplier_id: Uuid,
    intent: Intent,
) -> Result<supplier::Model, DomainError> {
    let found = supplier::Entity::find_by_id(supplier_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("supplier"))?;
    let access = caller.supplier_access(&found)?;
    if intent.allowed(access) {
        Ok(found)
    } else {
        Err(intent.refusal())
    }
}

/// The fee audit and its supplier, when the caller may act on it as `intent` says
/// (`NotFound` / `Forbidden` as for [`supplier_for`]).
pub async fn fee_audit_for<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    fee_audit_id: Uuid,
    intent: Intent,
) -> Result<(fee_audit::Model, supplier::Model), DomainError> {
    let not_found = DomainError::NotFound("fee audit");
    let Some(audit) = fee_audit::Entity::find_by_id(fee_audit_id).one(db).await? else {
        return Err(not_found);
    };
    match supplier_for(db, caller, audit.supplier_id, intent).await {
        Ok(found) => Ok((audit, found)),
        Err(DomainError::NotFound(_)) => Err(not_found),
        Err(other) => Err(other),
    }
}
