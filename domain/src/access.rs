//! Who is asking, and what they may see. Every lookup of a tenant's data goes
//! through here, so "another tenant's id is a 404" is decided in one place.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    entities::{membership, organization, supplier, user},
    error::DomainError,
    values::{OrganizationKind, Role},
};

/// One of the caller's memberships, with what it says about the organization.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MembershipView {
    /// The organization.
    pub organization_id: Uuid,
    /// Its display name.
    pub organization_name: String,
    /// `company` or `supplier`.
    pub kind: OrganizationKind,
    /// The caller's role there.
    pub role: Role,
    /// The company the organization belongs to (itself, for a company).
    #[serde(skip)]
    pub company_id: Uuid,
}

/// An authenticated person and their memberships, loaded once per request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The user.
    pub user_id: Uuid,
    /// Their email (for matching action owners; never logged).
    pub email: String,
    /// Their display name.
    pub name: String,
    /// Their language preference, if set.
    pub locale: Option<String>,
    /// Every organization they belong to.
    pub memberships: Vec<MembershipView>,
    /// A `read_only` API key: reads like an advisor, may change nothing.
    pub read_only: bool,
}

/// How the caller reaches a supplier's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupplierAccess {
    /// Through the owning company, with this role.
    Company(Role),
    /// As one of the supplier's own users.
    OwnSupplier,
}

impl Caller {
    /// Loads the user and memberships; `None` if the user no longer exists.
    pub async fn load<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<Option<Self>, DomainError> {
        let Some(person) = user::Entity::find_by_id(user_id).one(db).await? else {
            return Ok(None);
        };
        let rows = membership::Entity::find()
            .filter(membership::Column::UserId.eq(user_id))
            .find_also_related_organization(db)
            .await?;
        let memberships = rows
            .into_iter()
            .filter_map(|(m, org)| {
                let org = org?;
                let kind = OrganizationKind::parse(&org.kind)?;
                Some(MembershipView {
                    organization_id: org.id,
                    organization_name: org.name,
                    kind,
                    role: Role::parse(&m.role)?,
                    company_id: org.company_id.unwrap_or(org.id),
                })
            })
            .collect();
        Ok(Some(Self {
            user_id,
            email: person.email,
            name: person.name,
            locale: person.locale,
            memberships,
            read_only: false,
        }))
    }

    /// The caller an API key acts as: a member of the key's company alone, with
    /// the key's role (`read_only` reads as an advisor). `user_id` is the key's
    /// id, so the audit trail names the key; there is no email.
    pub async fn for_api_key<C: ConnectionTrait>(
        db: &C,
        key: &crate::entities::api_key::Model,
    ) -> Result<Option<Self>, DomainError> {
        let Some(company) = organization::Entity::find_by_id(key.company_id).one(db).await? else {
            return Ok(None);
        };
        let read_only = crate::api_keys::KeyRole::parse(&key.role) != Some(crate::api_keys::KeyRole::Officer);
        Ok(Some(Self {
            user_id: key.id,
            email: String::new(),
            name: key.name.clone(),
            locale: None,
            memberships: vec![MembershipView {
                organization_id: company.id,
                organization_name: company.name,
                kind: OrganizationKind::Company,
                role: if read_only { Role::Advisor } else { Role::Officer },
                company_id: company.id,
            }],
            read_only,
        }))
    }

    /// The caller's role in company `company_id`, or `NotFound` when they are not a
    /// member of it (whether or not it exists).
    pub fn company_role(&self, company_id: Uuid) -> Result<Role, DomainError> {
        self.memberships
            .iter()
            .find(|m| m.kind == OrganizationKind::Company && m.organization_id == company_id)
            .map(|m| m.role)
            .ok_or(DomainError::NotFound("company"))
    }

    /// Like [`Caller::company_role`], but also requires officer or admin; a
    /// member with a lesser role gets `Forbidden`.
    pub fn company_manager(&self, company_id: Uuid) -> Result<Role, DomainError> {
        let role = self.company_role(company_id)?;
        if self.read_only {
            return Err(DomainError::Forbidden("this API key is read-only"));
        }
        if role.manages_company() {
            Ok(role)
        } else {
            Err(DomainError::Forbidden("only officers and admins may do this"))
        }
    }

    /// How the caller reaches this supplier's data, or `NotFound`.
    pub fn supplier_access(&self, supplier: &supplier::Model) -> Result<SupplierAccess, DomainError> {
        if let Ok(role) = self.company_role(supplier.company_id) {
            return Ok(SupplierAccess::Company(role));
        }
        let own = self
            .memberships
            .iter()
            .any(|m| m.kind == OrganizationKind::Supplier && m.organization_id == supplier.id);
        if own {
            Ok(SupplierAccess::OwnSupplier)
        } else {
            Err(DomainError::NotFound("supplier"))
        }
    }
}

/// Finds memberships together with their organization.
trait FindAlsoOrganization {
    async fn find_also_related_organization<C: ConnectionTrait>(
        self,
        db: &C,
    ) -> Result<Vec<(membership::Model, Option<organization::Model>)>, DomainError>;
}

impl FindAlsoOrganization for sea_orm::Select<membership::Entity> {
    async fn find_also_related_organization<C: ConnectionTrait>(
        self,
        db: &C,
    ) -> Result<Vec<(membership::Model, Option<organization::Model>)>, DomainError> {
        let memberships = self.all(db).await?;
        let ids: Vec<Uuid> = memberships.iter().map(|m| m.organization_id).collect();
        let organizations = organization::Entity::find()
            .filter(organization::Column::Id.is_in(ids))
            .all(db)
            .await?;
        Ok(memberships
            .into_iter()
            .map(|m| {
                let org = organizations.iter().find(|o| o.id == m.organization_id).cloned();
                (m, org)
            })
            .collect())
    }
}
