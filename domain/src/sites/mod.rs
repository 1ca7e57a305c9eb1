//! A supplier's production sites (issue #25): adding, listing, reading, editing
//! and deleting them, every change audited; and linking a site to its Open Supply
//! Hub OS ID, either by a search of Open Supply Hub's API ([`os_hub`]) or by an
//! offline import of its CSV download ([`os_import`]).
//!
//! Who may do what follows the suppliers: the company's members and the
//! supplier's own users read a site; the company's officers and admins change it;
//! anyone else gets 404, as if the site did not exist.

mod access;
mod create;
mod delete;
mod fields;
mod list;
pub mod os_hub;
pub mod os_import;
mod update;

pub use access::{site_for_managing, site_for_reading, supplier_for_managing, supplier_for_reading};
pub use create::create_site;
pub use delete::delete_site;
pub use fields::{NewSite, OsId, SiteChanges, SiteInput};
pub use list::list_sites;
pub use update::update_site;

use crate::entities::supplier_site;

/// What the audit trail keeps of a site: no people's data, only the site's facts.
fn summary(site: &supplier_site::Model) -> serde_json::Value {
    serde_json::json!({
        "supplier_id": site.supplier_id,
        "name": site.name,
        "country": site.country,
        "headcount": site.headcount,
        "os_id": site.os_id,
    })
}
