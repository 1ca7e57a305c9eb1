use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use crate::{
    accounts::{self, Invite},
    audit::{self, AuditEntry},
    clock,
    entities::{organization, supplier},
    error::DomainError,
    list_totals::Counted,
    values::{CountryCode, Email, Locale, OrganizationKind, RequiredText, Role},
};

/// A supplier to add, already parsed.
#[derive(Debug, Clone)]
pub struct NewSupplier {
    /// The supplier's legal or trading name, one line.
    pub name: RequiredText,
    /// Country.
    pub country: CountryCode,
    /// Sector key (checked against the reference list).
    pub sector: String,
    /// The contact who is invited.
    pub contact_email: Email,
    /// The contact's name.
    pub contact_name: Option<RequiredText>,
}

/// Adds a supplier to `company` and invites its contact, on `db` (pass the use
/// case's transaction: the supplier, the invitation, its email job and the audit
/// row commit together).
pub async fn create_supplier<C: ConnectionTrait>(
    db: &C,
    company: &organization::Model,
    actor: Uuid,
    input: NewSupplier,
    public_url: &str,
) -> Result<supplier::Model, DomainError> {
    let now = clock::now();
    let id = Uuid::now_v7();
    organization::ActiveModel {
        id: Set(id),
        kind: Set(OrganizationKind::Supplier.as_str().into()),
        name: Set(input.name.as_str().into()),
        company_id: Set(Some(company.id)),
        locale: Set(company.locale.clone()),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    let row = supplier::ActiveModel {
        id: Set(id),
        company_id: Set(company.id),
        name: Set(input.name.as_str().into()),
        country: Set(input.country.as_str().into()),
        sector: Set(input.sector.clone()),
        contact_email: Set(input.contact_email.as_str().into()),
        contact_name: Set(input.contact_name.map(RequiredText::into_inner)),
        risk_score: Set(None),
        risk_band: Set(None),
        archived_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    // The list's total, kept in this transaction (issue #23).
    for list in [Counted::Suppliers, Counted::SuppliersAll] {
        crate::list_totals::adjust(db, company.id, list, 1).await?;
    }
    accounts::invite(
        db,
        Invite {
            company_id: company.id,
            company_name: company.name.clone(),
            organization_id: id,
            organization_name: row.name.clone(),
            email: input.contact_email,
            role: Role::Supplier,
            invited_by: Some(actor),
            public_url: public_url.to_string(),
            locale: Locale::parse(&company.locale).unwrap_or_default(),
        },
    )
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company.id),
            actor_user_id: Some(actor),
            action: "supplier.created",
            entity_type: "supplier",
            entity_id: Some(id),
            before: None,
            after: Some(serde_json::json!({"name": row.name, "country": row.country, "sector": row.sector})),
        },
    )
    .await?;
    // A new supplier is screened against the public forced-labour lists at once.
    crate::screening::screen(db, &crate::screening::Subject::from(&row)).await?;
    Ok(row)
}
