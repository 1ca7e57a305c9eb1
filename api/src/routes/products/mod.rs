//! Products and tiers: a company's products, the suppliers and sites that make
//! them, each supplier's own suppliers, and raw-material origins; import by CSV.

pub mod add_origin;
pub mod add_source;
pub mod add_sub_supplier;
pub mod create;
pub mod delete;
pub mod get;
pub mod import;
pub mod list;
pub mod update;

use chrono::{DateTime, Utc};
use domain::{
    entities::{material_origin, product, product_source, supplier_link},
    products::{ChainParty, ProductChain},
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A product as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductResponse {
    /// Id (`GET /products/{id}`).
    pub id: Uuid,
    /// The company that buys it.
    pub company_id: Uuid,
    /// Its name.
    pub name: String,
    /// The company's SKU for it (unique in the company).
    pub sku: String,
    /// Its HS code, digits only, or `null`.
    pub hs_code: Option<String>,
    /// What it is (may be empty).
    pub description: String,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

impl From<product::Model> for ProductResponse {
    fn from(p: product::Model) -> Self {
        Self {
            id: p.id,
            company_id: p.company_id,
            name: p.name,
            sku: p.sku,
            hs_code: p.hs_code,
            description: p.description,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// A supplier (tier 1) that makes a product.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceResponse {
    /// The link's id.
    pub id: Uuid,
    /// The product.
    pub product_id: Uuid,
    /// The supplier.
    pub supplier_id: Uuid,
    /// One of its sites, or `null`.
    pub site_id: Option<Uuid>,
    /// `assembly`, `component`, `processing` or `raw_material`.
    pub role: String,
}

impl From<product_source::Model> for SourceResponse {
    fn from(s: product_source::Model) -> Self {
        Self {
            id: s.id,
            product_id: s.product_id,
            supplier_id: s.supplier_id,
            site_id: s.site_id,
            role: s.role,
        }
    }
}

/// Where one raw material of a product comes from.
#[derive(Debug, Serialize, ToSchema)]
pub struct OriginResponse {
    /// Id.
    pub id: Uuid,
    /// The material.
    pub material: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Share of the material from that country (0–1), or `null`.
    pub share: Option<f64>,
}

impl From<material_origin::Model> for OriginResponse {
    fn from(o: material_origin::Model) -> Self {
        Self {
            id: o.id,
            material: o.material,
            country: o.country,
            share: o.share,
        }
    }
}

/// A supplier's own supplier.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubSupplierResponse {
    /// The link's id.
    pub id: Uuid,
    /// The supplier that buys.
    pub buyer_id: Uuid,
    /// The supplier it buys from.
    pub supplier_id: Uuid,
    /// The buyer's site the supplies go to, or `null`.
    pub site_id: Option<Uuid>,
    /// What is supplied, or `null`.
    pub material: Option<String>,
}

impl From<supplier_link::Model> for SubSupplierResponse {
    fn from(l: supplier_link::Model) -> Self {
        Self {
            id: l.id,
            buyer_id: l.buyer_id,
            supplier_id: l.supplier_id,
            site_id: l.site_id,
            material: l.material,
        }
    }
}

/// A supplier named in a chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyResponse {
    /// The supplier's id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

impl From<ChainParty> for PartyResponse {
    fn from(p: ChainParty) -> Self {
        Self {
            id: p.id,
            name: p.name,
            country: p.country,
        }
    }
}

/// A maker of the product, tier 1.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainSourceResponse {
    /// Always 1.
    pub tier: u32,
    /// The supplier.
    pub supplier: PartyResponse,
    /// Its site, or `null`.
    pub site_id: Option<Uuid>,
    /// The site's name, or `null`.
    pub site_name: Option<String>,
    /// What it does for the product.
    pub role: String,
}

/// A supplier of a supplier, tier 2 and beyond.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainLinkResponse {
    /// The supplier's tier: its buyer's plus one.
    pub tier: u32,
    /// Who buys.
    pub buyer: PartyResponse,
    /// Who supplies.
    pub supplier: PartyResponse,
    /// What is supplied, or `null`.
    pub material: Option<String>,
}

/// A product with its chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductDetailResponse {
    /// The product.
    #[serde(flatten)]
    pub product: ProductResponse,
    /// Tier 1: who makes it.
    pub sources: Vec<ChainSourceResponse>,
    /// Tier 2 and beyond, tier by tier.
    pub sub_suppliers: Vec<ChainLinkResponse>,
    /// Where its raw materials come from.
    pub origins: Vec<OriginResponse>,
}

impl ProductDetailResponse {
    /// The product and its chain.
    pub fn new(product: product::Model, chain: ProductChain) -> Self {
        Self {
            product: product.into(),
            sources: chain
                .sources
                .into_iter()
                .map(|s| ChainSourceResponse {
                    tier: 1,
                    supplier: s.supplier.into(),
                    site_id: s.source.site_id,
                    site_name: s.site_name,
                    role: s.source.role,
                })
                .collect(),
            sub_suppliers: chain
                .links
                .into_iter()
                .map(|l| ChainLinkResponse {
                    tier: l.tier,
                    buyer: l.buyer.into(),
                    supplier: l.supplier.into(),
                    material: l.material,
                })
                .collect(),
            origins: chain.origins.into_iter().map(OriginResponse::from).collect(),
        }
    }
}
