//! Suppliers of a company: adding one (with an invitation to its contact),
//! importing many from CSV (all or nothing), listing with filters, editing and
//! archiving.

mod create;
mod import;
mod list;
mod overview;
mod page;
pub mod profile;
mod update;

pub use create::{NewSupplier, create_supplier};
pub use import::{ImportError, ImportedSupplier, parse_import, parse_import_with_profiles};
pub use list::{SupplierFilter, SupplierListQueries, list_queries, list_suppliers};
pub use overview::{CompanyOverview, Overview, overview};
pub use page::{ListedSupplier, list_suppliers_with_profiles_asked};
pub use update::{SupplierChanges, archive_supplier, manageable, update_supplier};

use crate::{
    error::FieldError,
    values::{CountryCode, Email, RequiredText},
};

/// Checks a sector key against the reference list.
pub fn parse_sector(raw: &str) -> Result<String, String> {
    let key = raw.trim().to_lowercase();
    if crate::reference::sector(&key).is_some() {
        Ok(key)
    } else {
        Err(format!(
            "'{}' is not a known sector (see GET /api/v1/reference/sectors)",
            raw.trim()
        ))
    }
}

/// The raw fields of a supplier, as a client sends them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct SupplierFields {
    /// The supplier's legal or trading name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// A sector key.
    pub sector: String,
    /// The contact who is invited.
    pub contact_email: String,
    /// The contact's name.
    #[serde(default)]
    pub contact_name: Option<String>,
}

impl SupplierFields {
    /// Parses every field, collecting every problem (field names as sent).
    pub fn parse(&self) -> Result<NewSupplier, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = RequiredText::parse(&self.name, 200)
            .map_err(|m| errors.push(FieldError::new("name", m)))
            .ok();
        let country = CountryCode::parse(&self.country)
            .map_err(|m| errors.push(FieldError::new("country", m)))
            .ok();
        let sector = parse_sector(&self.sector)
            .map_err(|m| errors.push(FieldError::new("sector", m)))
            .ok();
        let contact_email = Email::parse(&self.contact_email)
            .map_err(|m| errors.push(FieldError::new("contact_email", m)))
            .ok();
        let contact_name = match self.contact_name.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => RequiredText::parse(raw, 200)
                .map_err(|m| errors.push(FieldError::new("contact_name", m)))
                .ok(),
        };
        match (name, country, sector, contact_email) {
            (Some(name), Some(country), Some(sector), Some(contact_email)) if errors.is_empty() => {
                Ok(NewSupplier {
                    name,
                    country,
                    sector,
                    contact_email,
                    contact_name,
                })
            }
            _ => Err(errors),
        }
    }
}
