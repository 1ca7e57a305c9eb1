//! The site form as typed in the portal: text fields turned into the domain's
//! `SiteInput`, every problem keyed by its field for the message beside it.

use std::collections::BTreeMap;

use domain::{entities::supplier_site, sites::SiteInput};
use serde::Deserialize;

/// The fields as typed; a field absent from the post is left as it is (the
/// "link this candidate" buttons send `os_id` alone).
#[derive(Debug, Default, Deserialize)]
pub struct SiteForm {
    /// Name.
    pub name: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Degrees, as typed.
    pub latitude: Option<String>,
    /// Degrees, as typed.
    pub longitude: Option<String>,
    /// Workers, as typed.
    pub headcount: Option<String>,
    /// OS ID, as typed (empty unlinks).
    pub os_id: Option<String>,
}

/// A typed number: empty is "none", anything else must read as a number.
fn number<T: std::str::FromStr>(
    field: &str,
    raw: Option<&str>,
    errors: &mut BTreeMap<String, String>,
) -> Option<Option<T>> {
    let text = raw?.trim();
    if text.is_empty() {
        return Some(None);
    }
    match text.parse() {
        Ok(n) => Some(Some(n)),
        Err(_) => {
            errors.insert(field.to_string(), format!("'{text}' is not a number"));
            None
        }
    }
}

impl SiteForm {
    /// The form filled with a stored site.
    pub fn of(site: &supplier_site::Model) -> Self {
        Self {
            name: Some(site.name.clone()),
            address: Some(site.address.clone()),
            country: Some(site.country.clone()),
            latitude: Some(site.latitude.map(|n| n.to_string()).unwrap_or_default()),
            longitude: Some(site.longitude.map(|n| n.to_string()).unwrap_or_default()),
            headcount: Some(site.headcount.to_string()),
            os_id: Some(site.os_id.clone().unwrap_or_default()),
        }
    }

    /// The domain's input, or the fields that are not numbers.
    fn input(&self, errors: &mut BTreeMap<String, String>) -> SiteInput {
        SiteInput {
            name: self.name.clone(),
            address: self.address.clone(),
            country: self.country.clone(),
            latitude: number("latitude", self.latitude.as_deref(), errors),
            longitude: number("longitude", self.longitude.as_deref(), errors),
            headcount: number("headcount", self.headcount.as_deref(), errors).flatten(),
            os_id: self.os_id.clone().map(Some),
        }
    }

    /// Parses with `parse` (new site or changes); every problem keyed by field.
    pub fn parse<T>(
        &self,
        parse: impl FnOnce(SiteInput) -> Result<T, Vec<domain::error::FieldError>>,
    ) -> Result<T, BTreeMap<String, String>> {
        let mut errors = BTreeMap::new();
        let input = self.input(&mut errors);
        match parse(input) {
            Ok(parsed) if errors.is_empty() => Ok(parsed),
            Ok(_) => Err(errors),
            Err(problems) => {
                for p in problems {
                    errors.entry(p.field).or_insert(p.message);
                }
                Err(errors)
            }
        }
    }
}
