//! A product's fields, its sources, origins and sub-tier suppliers as a client
//! sends them, parsed once into typed values; every problem is named by its field.

use uuid::Uuid;

use crate::{
    error::FieldError,
    values::{CountryCode, MultilineText, RequiredText},
};

/// Longest product name.
const NAME_MAX: usize = 200;
/// Longest SKU.
const SKU_MAX: usize = 64;
/// Longest description.
const DESCRIPTION_MAX: usize = 4000;
/// Longest material name.
const MATERIAL_MAX: usize = 120;

/// A Harmonized System code, digits only. The HS is a six-digit nomenclature of
/// the World Customs Organization; countries add digits for their own tariffs,
/// making 8, 10 and sometimes 12-digit national codes (European Commission,
/// Access2Markets glossary "Harmonised System",
/// <https://trade.ec.europa.eu/access-to-markets/en/glossary/harmonised-system>;
/// Appalachian State University library guide on the HS,
/// <https://guides.library.appstate.edu/c.php?g=1201014&p=8783087>). Dots and
/// spaces people write between the groups are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HsCode(String);

impl HsCode {
    /// Keeps the digits of `raw` when it is 6 to 12 of them (and separators).
    pub fn parse(raw: &str) -> Result<Self, String> {
        let digits: String = raw.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
        if (6..=12).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(format!(
                "'{}' is not an HS code (6 to 12 digits, such as 6109.10 or 610910)",
                raw.trim()
            ))
        }
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a supplier does for a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceRole {
    /// Makes the finished product.
    Assembly,
    /// Makes a part of it.
    Component,
    /// Processes a material (spinning, dyeing, refining).
    Processing,
    /// Grows, mines or extracts a raw material.
    RawMaterial,
}

impl SourceRole {
    /// Every role, in the order forms list them.
    pub const ALL: [SourceRole; 4] = [
        SourceRole::Assembly,
        SourceRole::Component,
        SourceRole::Processing,
        SourceRole::RawMaterial,
    ];

    /// The key stored and shown by the API.
    pub fn key(self) -> &'static str {
        match self {
            SourceRole::Assembly => "assembly",
            SourceRole::Component => "component",
            SourceRole::Processing => "processing",
            SourceRole::RawMaterial => "raw_material",
        }
    }

    /// Parses a key.
    pub fn parse(raw: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|r| r.key() == raw.trim())
            .ok_or_else(|| "must be one of assembly, component, processing, raw_material".to_string())
    }
}

/// The raw fields of a product; `None` means "not sent", `Some(None)` "sent
/// empty" (clears).
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    /// The product's name.
    pub name: Option<String>,
    /// The company's SKU for it.
    pub sku: Option<String>,
    /// Its HS code.
    pub hs_code: Option<Option<String>>,
    /// What it is.
    pub description: Option<String>,
}

/// A product to add, already parsed.
#[derive(Debug, Clone)]
pub struct NewProduct {
    /// Name.
    pub name: RequiredText,
    /// SKU.
    pub sku: RequiredText,
    /// HS code, when known.
    pub hs_code: Option<HsCode>,
    /// Description (may be empty).
    pub description: String,
}

/// Changes to a product, already parsed; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct ProductChanges {
    /// New name.
    pub name: Option<RequiredText>,
    /// New SKU.
    pub sku: Option<RequiredText>,
    /// New HS code (`Some(None)` clears it).
    pub hs_code: Option<Option<HsCode>>,
    /// New description.
    pub description: Option<String>,
}

/// An optional multi-line text: empty is allowed.
fn optional_text(raw: &str, max: usize) -> Result<String, String> {
    if raw.trim().is_empty() {
        Ok(String::new())
    } else {
        MultilineText::parse(raw, max).map(MultilineText::into_inner)
    }
}

impl ProductInput {
    /// Parses what was sent; fields not sent stay `None`.
    fn parse_sent(self, errors: &mut Vec<FieldError>) -> ProductChanges {
        let mut changes = ProductChanges::default();
        if let Some(raw) = self.name {
            changes.name = RequiredText::parse(&raw, NAME_MAX)
                .map_err(|m| errors.push(FieldError::new("name", m)))
                .ok();
        }
        if let Some(raw) = self.sku {
            changes.sku = RequiredText::parse(&raw, SKU_MAX)
                .map_err(|m| errors.push(FieldError::new("sku", m)))
                .ok();
        }
        if let Some(raw) = self.description {
            changes.description = optional_text(&raw, DESCRIPTION_MAX)
                .map_err(|m| errors.push(FieldError::new("description", m)))
                .ok();
        }
        if let Some(raw) = self.hs_code {
            changes.hs_code = match raw.as_deref().map(str::trim) {
                None | Some("") => Some(None),
                Some(text) => HsCode::parse(text)
                    .map_err(|m| errors.push(FieldError::new("hs_code", m)))
                    .ok()
                    .map(Some),
            };
        }
        changes
    }

    /// Parses a new product: name and SKU are required.
    pub fn parse_new(self) -> Result<NewProduct, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (field, missing) in [("name", self.name.is_none()), ("sku", self.sku.is_none())] {
            if missing {
                errors.push(FieldError::new(field, "is required"));
            }
        }
        let changes = self.parse_sent(&mut errors);
        match (changes.name, changes.sku) {
            (Some(name), Some(sku)) if errors.is_empty() => Ok(NewProduct {
                name,
                sku,
                hs_code: changes.hs_code.flatten(),
                description: changes.description.unwrap_or_default(),
            }),
            _ => Err(errors),
        }
    }

    /// Parses changes to a product: only what was sent.
    pub fn parse_changes(self) -> Result<ProductChanges, Vec<FieldError>> {
        let mut errors = Vec::new();
        let changes = self.parse_sent(&mut errors);
        if errors.is_empty() {
            Ok(changes)
        } else {
            Err(errors)
        }
    }
}

/// Parses an id sent as text (the portal's select boxes send text too).
fn parse_id(field: &str, raw: Option<&str>, errors: &mut Vec<FieldError>) -> Option<Uuid> {
    match raw.map(str::trim) {
        None | Some("") => None,
        Some(text) => Uuid::parse_str(text)
            .map_err(|_| errors.push(FieldError::new(field, "is not an id")))
            .ok(),
    }
}

/// The raw fields of a source: who makes the product, where, in what role.
#[derive(Debug, Clone, Default)]
pub struct SourceInput {
    /// The supplier's id.
    pub supplier_id: Option<String>,
    /// One of its sites' ids, when known.
    pub site_id: Option<String>,
    /// What it does for the product.
    pub role: Option<String>,
}

/// A source to add, already parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSource {
    /// The supplier.
    pub supplier_id: Uuid,
    /// The site, when known.
    pub site_id: Option<Uuid>,
    /// The role.
    pub role: SourceRole,
}

impl SourceInput {
    /// Parses a source: supplier and role are required.
    pub fn parse(self) -> Result<NewSource, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.supplier_id.as_deref().is_none_or(|s| s.trim().is_empty()) {
            errors.push(FieldError::new("supplier_id", "is required"));
        }
        let supplier_id = parse_id("supplier_id", self.supplier_id.as_deref(), &mut errors);
        let site_id = parse_id("site_id", self.site_id.as_deref(), &mut errors);
        let role = match self.role {
            None => {
                errors.push(FieldError::new("role", "is required"));
                None
            }
            Some(raw) => SourceRole::parse(&raw)
                .map_err(|m| errors.push(FieldError::new("role", m)))
                .ok(),
        };
        match (supplier_id, role) {
            (Some(supplier_id), Some(role)) if errors.is_empty() => Ok(NewSource {
                supplier_id,
                site_id,
                role,
            }),
            _ => Err(errors),
        }
    }
}

/// The raw fields of a raw-material origin.
#[derive(Debug, Clone, Default)]
pub struct OriginInput {
    /// The material (cotton, cobalt, polysilicon…).
    pub material: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Share of the material from that country, above 0 and at most 1.
    pub share: Option<f64>,
}

/// An origin to add, already parsed.
#[derive(Debug, Clone)]
pub struct NewOrigin {
    /// Material.
    pub material: RequiredText,
    /// Country.
    pub country: CountryCode,
    /// Share, when known.
    pub share: Option<f64>,
}

impl OriginInput {
    /// Parses an origin: material and country are required.
    pub fn parse(self) -> Result<NewOrigin, Vec<FieldError>> {
        let mut errors = Vec::new();
        let material = RequiredText::parse(self.material.as_deref().unwrap_or(""), MATERIAL_MAX)
            .map_err(|m| errors.push(FieldError::new("material", m)))
            .ok();
        let country = CountryCode::parse(self.country.as_deref().unwrap_or(""))
            .map_err(|m| errors.push(FieldError::new("country", m)))
            .ok();
        if let Some(share) = self.share
            && !(share.is_finite() && share > 0.0 && share <= 1.0)
        {
            errors.push(FieldError::new("share", "must be above 0 and at most 1"));
        }
        match (material, country) {
            (Some(material), Some(country)) if errors.is_empty() => Ok(NewOrigin {
                material,
                country,
                share: self.share,
            }),
            _ => Err(errors),
        }
    }
}

/// The raw fields of a sub-tier link: the buyer buys from this supplier.
#[derive(Debug, Clone, Default)]
pub struct SubSupplierInput {
    /// The supplier's supplier (another supplier of the same company).
    pub supplier_id: Option<String>,
    /// The buyer's site the supplies go to, when known.
    pub site_id: Option<String>,
    /// What is supplied, when said.
    pub material: Option<String>,
}

/// A sub-tier link to add, already parsed.
#[derive(Debug, Clone)]
pub struct NewSubSupplier {
    /// The supplier's supplier.
    pub supplier_id: Uuid,
    /// The buyer's site, when known.
    pub site_id: Option<Uuid>,
    /// What is supplied, when said.
    pub material: Option<String>,
}

impl SubSupplierInput {
    /// Parses a link: the supplier is required.
    pub fn parse(self) -> Result<NewSubSupplier, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.supplier_id.as_deref().is_none_or(|s| s.trim().is_empty()) {
            errors.push(FieldError::new("supplier_id", "is required"));
        }
        let supplier_id = parse_id("supplier_id", self.supplier_id.as_deref(), &mut errors);
        let site_id = parse_id("site_id", self.site_id.as_deref(), &mut errors);
        let material = match self.material.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => RequiredText::parse(text, MATERIAL_MAX)
                .map_err(|m| errors.push(FieldError::new("material", m)))
                .ok()
                .map(RequiredText::into_inner),
        };
        match supplier_id {
            Some(supplier_id) if errors.is_empty() => Ok(NewSubSupplier {
                supplier_id,
                site_id,
                material,
            }),
            _ => Err(errors),
        }
    }
}
