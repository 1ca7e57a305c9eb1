//! Products and tiers (issue #21): a company's products (or SKUs), the suppliers
//! and sites that make them and in what role (tier 1), each supplier's own
//! suppliers (tier 2 and beyond, no loops), and the countries raw materials come
//! from. Every change is audited. Sub-tier suppliers are suppliers of the
//! company like any other, so they are screened against the forced-labour lists
//! when created or renamed (`screening`); products carry no company name.
//!
//! The company's officers, admins and advisors read products; its officers and
//! admins change them; anyone else gets 404.

mod access;
mod chain;
mod choices;
mod create;
mod delete;
mod fields;
mod import;
mod list;
mod map;
mod origins;
mod sources;
mod tiers;
mod update;

pub use access::{
    company_for_managing, company_for_reading, product_for_managing, product_for_reading,
    supplier_for_mapping,
};
pub(crate) use chain::below;
pub use chain::{ChainLink, ChainParty, ChainSource, ProductChain, product_chain};
pub use choices::link_choices;
pub use create::create_product;
pub use delete::delete_product;
pub use fields::{
    HsCode, NewOrigin, NewProduct, NewSource, NewSubSupplier, OriginInput, ProductChanges, ProductInput,
    SourceInput, SourceRole, SubSupplierInput,
};
pub use import::{import_products, parse_product_import};
pub use list::list_products;
pub use map::{MapRecruiter, MapSite, MapSupplier, SupplyMap, product_map, supplier_map};
pub use origins::add_origin;
pub use sources::add_source;
pub use tiers::add_sub_supplier;
pub use update::update_product;

use crate::entities::product;

/// What the audit trail keeps of a product.
fn summary(p: &product::Model) -> serde_json::Value {
    serde_json::json!({
        "name": p.name,
        "sku": p.sku,
        "hs_code": p.hs_code,
    })
}
