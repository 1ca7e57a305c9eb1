//! Who may receive an email about a company's work: only the company's own users
//! (by role), the supplier's users and its contact address, and an action's owner
//! when the owner is one of those people. Every list is built from memberships,
//! never from free text, so no address outside the tenant can slip in.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    entities::{membership, organization, supplier, user},
    error::DomainError,
    values::{Email, Locale, Role},
};

/// One person an email goes to, in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// Their address.
    pub email: Email,
    /// Their setting, else their organization's default, else English.
    pub locale: Locale,
    /// Why they get it, as the templates word it: a role (`admin`, `officer`,
    /// `advisor`, `supplier`), `contact` (the supplier's contact address) or
    /// `owner` (of a corrective action).
    pub reason: &'static str,
    /// Whether they want the daily findings digest.
    pub digest_enabled: bool,
}

/// Company staff whose role is one of `roles`.
pub async fn company_staff<C: ConnectionTrait>(
    db: &C,
    company: &organization::Model,
    roles: &[Role],
) -> Result<Vec<Recipient>, DomainError> {
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    members(db, company, &names).await
}

/// The supplier's users, then its contact address unless a user already has it.
pub async fn supplier_people<C: ConnectionTrait>(
    db: &C,
    supplier: &supplier::Model,
) -> Result<Vec<Recipient>, DomainError> {
    let Some(organization) = organization::Entity::find_by_id(supplier.id).one(db).await? else {
        return Ok(Vec::new());
    };
    let mut people = members(db, &organization, &[Role::Supplier.as_str()]).await?;
    if let Ok(contact) = Email::parse(&supplier.contact_email)
        && !people.iter().any(|p| p.email == contact)
    {
        people.push(Recipient {
            email: contact,
            locale: Locale::parse(&organization.locale).unwrap_or_default(),
            reason: "contact",
            digest_enabled: false,
        });
    }
    Ok(people)
}

/// The owner of a corrective action, only when `owner_email` belongs to one of
/// the company's users or the supplier's people; anyone else is ignored.
pub async fn action_owner<C: ConnectionTrait>(
    db: &C,
    company: &organization::Model,
    supplier: &supplier::Model,
    owner_email: Option<&str>,
) -> Result<Option<Recipient>, DomainError> {
    let Some(owner) = owner_email.and_then(|raw| Email::parse(raw).ok()) else {
        return Ok(None);
    };
    let staff = members(db, company, &["admin", "officer", "advisor"]).await?;
    let suppliers = supplier_people(db, supplier).await?;
    Ok(staff
        .into_iter()
        .chain(suppliers)
        .find(|p| p.email == owner)
        .map(|p| Recipient { reason: "owner", ..p }))
}

/// Adds `more` to `list`, skipping addresses already in it (the first reason wins).
pub fn merge(list: &mut Vec<Recipient>, more: impl IntoIterator<Item = Recipient>) {
    for person in more {
        if !list.iter().any(|p| p.email == person.email) {
            list.push(person);
        }
    }
}

/// Members of `organization` with one of the role names `roles`.
async fn members<C: ConnectionTrait>(
    db: &C,
    organization: &organization::Model,
    roles: &[&str],
) -> Result<Vec<Recipient>, DomainError> {
    let memberships = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(organization.id))
        .filter(membership::Column::Role.is_in(roles.iter().copied()))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = memberships.iter().map(|m| m.user_id).collect();
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let fallback = Locale::parse(&organization.locale).unwrap_or_default();
    let mut people = Vec::new();
    // Membership order is arbitrary; sorting by address keeps emails deterministic.
    let mut rows: Vec<(&membership::Model, &user::Model)> = memberships
        .iter()
        .filter_map(|m| users.iter().find(|u| u.id == m.user_id).map(|u| (m, u)))
        .collect();
    rows.sort_by(|a, b| a.1.email.cmp(&b.1.email));
    for (m, u) in rows {
        let (Ok(email), Some(role)) = (Email::parse(&u.email), Role::parse(&m.role)) else {
            continue;
        };
        let person = Recipient {
            email,
            locale: u.locale.as_deref().and_then(Locale::parse).unwrap_or(fallback),
            reason: role.as_str(),
            digest_enabled: u.digest_enabled,
        };
        merge(&mut people, [person]);
    }
    Ok(people)
}
