//! A supplier's map in the portal: `GET /suppliers/{sid}/map` draws the supplier,
//! its own suppliers tier by tier below it, their sites and their recruiters, as
//! on a product's map (the company's officers, admins and advisors; anyone else,
//! the supplier's own users included, gets 404).

use actix_web::{HttpResponse, get, web};
use domain::products;
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    pages::product_map::MapPage,
    routes,
    state::PortalState,
    supply_map::{self, Root},
};

/// The supplier's map.
#[get("/suppliers/{sid}/map")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let supplier = products::supplier_for_mapping(&state.db, &member.caller, *sid)
        .await
        .or_page(t)?;
    let map = products::supplier_map(&state.db, &supplier).await.or_page(t)?;
    member.render(&MapPage {
        l: member.layout(),
        drawing: supply_map::draw(Root::Supplier(&supplier.name), &map, t),
        back: routes::supplier(supplier.id),
        back_label: t.get("chain-map-back-supplier"),
        none: String::new(),
        name: supplier.name,
        map,
    })
}
