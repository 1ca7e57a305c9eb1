//! The product forms as typed in the portal: the product's own fields, and the
//! "who makes it" link, turned into the domain's inputs with every problem keyed
//! by its field for the message beside it.

use std::collections::BTreeMap;

use domain::{
    entities::product,
    error::FieldError,
    products::{OriginInput, ProductInput, SourceInput},
};
use serde::Deserialize;

/// The product's fields as typed.
#[derive(Debug, Default, Deserialize)]
pub struct ProductForm {
    /// Name.
    pub name: Option<String>,
    /// SKU.
    pub sku: Option<String>,
    /// HS code (empty clears it).
    pub hs_code: Option<String>,
    /// Description.
    pub description: Option<String>,
}

/// Problems keyed by field, the first one each (for the message beside it).
pub fn by_field(problems: Vec<FieldError>) -> BTreeMap<String, String> {
    let mut errors = BTreeMap::new();
    for p in problems {
        errors.entry(p.field).or_insert(p.message);
    }
    errors
}

fn keyed<T>(result: Result<T, Vec<FieldError>>) -> Result<T, BTreeMap<String, String>> {
    result.map_err(by_field)
}

impl ProductForm {
    /// The form filled with a stored product.
    pub fn of(p: &product::Model) -> Self {
        Self {
            name: Some(p.name.clone()),
            sku: Some(p.sku.clone()),
            hs_code: Some(p.hs_code.clone().unwrap_or_default()),
            description: Some(p.description.clone()),
        }
    }

    /// Parses with `parse` (new product or changes); every problem keyed by field.
    pub fn parse<T>(
        &self,
        parse: impl FnOnce(ProductInput) -> Result<T, Vec<FieldError>>,
    ) -> Result<T, BTreeMap<String, String>> {
        keyed(parse(ProductInput {
            name: self.name.clone(),
            sku: self.sku.clone(),
            hs_code: self.hs_code.clone().map(Some),
            description: self.description.clone(),
        }))
    }
}

/// The "who makes it" form as typed: a supplier, optionally one of its sites, a role.
#[derive(Debug, Default, Deserialize)]
pub struct SourceForm {
    /// The supplier's id (a select).
    pub supplier_id: Option<String>,
    /// A site's id (a select; empty for none).
    pub site_id: Option<String>,
    /// The role (a select).
    pub role: Option<String>,
}

impl SourceForm {
    /// Parses the link; every problem keyed by field.
    pub fn parse(&self) -> Result<domain::products::NewSource, BTreeMap<String, String>> {
        keyed(
            SourceInput {
                supplier_id: self.supplier_id.clone(),
                site_id: self.site_id.clone(),
                role: self.role.clone(),
            }
            .parse(),
        )
    }
}

/// The raw-material origin form as typed: a material, a country, a share in
/// percent (empty when unknown).
#[derive(Debug, Default, Deserialize)]
pub struct OriginForm {
    /// The material.
    pub material: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Percent, as typed.
    pub share: Option<String>,
}

impl OriginForm {
    /// Parses the origin; every problem keyed by field. People write a share as
    /// a percentage; the domain keeps it as a fraction.
    pub fn parse(&self) -> Result<domain::products::NewOrigin, BTreeMap<String, String>> {
        let text = self
            .share
            .as_deref()
            .unwrap_or("")
            .trim()
            .trim_end_matches('%')
            .trim();
        let share = if text.is_empty() {
            None
        } else {
            match text.parse::<f64>() {
                Ok(percent) => Some(percent / 100.0),
                Err(_) => {
                    return Err(BTreeMap::from([(
                        "share".to_string(),
                        format!("'{text}' is not a number"),
                    )]));
                }
            }
        };
        keyed(
            OriginInput {
                material: self.material.clone(),
                country: self.country.clone(),
                share,
            }
            .parse(),
        )
    }
}
