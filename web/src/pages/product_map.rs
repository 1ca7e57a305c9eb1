//! A product's map in the portal: `GET /products/{id}/map` draws the chain —
//! the product, its suppliers tier by tier, their sites and their recruiters —
//! as SVG, and gives the same in a table for a screen reader (the company's
//! officers, admins and advisors; anyone else gets 404). [`MapPage`] is also the
//! supplier's map (`supplier_map`).

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::products::{self, SupplyMap};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    routes,
    state::PortalState,
    supply_map::{self, Root},
};

/// A map page: a product's or a supplier's.
#[derive(Template)]
#[template(path = "supply_map.html")]
pub struct MapPage {
    pub(crate) l: Layout,
    /// What the map is of (the product's or the supplier's name).
    pub(crate) name: String,
    pub(crate) map: SupplyMap,
    /// The drawing (empty when there is nothing to draw).
    pub(crate) drawing: String,
    /// The page the map belongs to, and the words of the link back to it.
    pub(crate) back: String,
    pub(crate) back_label: String,
    /// What the page says when there is nothing to draw.
    pub(crate) none: String,
}

impl MapPage {
    /// The names of the sites of supplier `id`, for the table.
    fn site_names(&self, id: &Uuid) -> Vec<String> {
        self.map
            .sites_of(*id)
            .map(|s| format!("{} ({})", s.name, self.l.t.country(&s.country)))
            .collect()
    }

    /// The names of the recruiters of supplier `id`, for the table.
    fn recruiter_names(&self, id: &Uuid) -> Vec<String> {
        self.map.recruiters_of(*id).map(|r| r.name.clone()).collect()
    }

    /// The names of the suppliers supplier `id` buys from, for the table.
    fn seller_names(&self, ids: &[Uuid]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| self.map.suppliers.iter().find(|s| s.party.id == *id))
            .map(|s| s.party.name.clone())
            .collect()
    }
}

/// The product's map.
#[get("/products/{id}/map")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let product = products::product_for_reading(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let map = products::product_map(&state.db, &product).await.or_page(t)?;
    member.render(&MapPage {
        l: member.layout(),
        drawing: supply_map::draw(Root::Product(&product.name), &map, t),
        back: routes::product(product.id),
        back_label: t.get("chain-map-back"),
        none: t.get("chain-map-none"),
        name: product.name,
        map,
    })
}
