//! Company pages (officers, admins, advisors): the dashboard
//! (`GET /companies/{cid}`), the review queue (`GET /companies/{cid}/reviews`).

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::{
    assessments::status,
    company_view,
    corridors::{HirePeriod, company_corridors},
    entities::{corrective_action, finding, supplier, supplier_site},
};
use uuid::Uuid;

use crate::{
    charts,
    context::{Layout, Member},
    error::{OrPage, PortalError},
    i18n::Tr,
    pages::corridors::{FiguresRow, corridor_name, flows},
    routes,
    state::PortalState,
    world_map,
};

/// The dashboard.
#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    l: Layout,
    by_band: String,
    by_status: String,
    overdue: Vec<(String, corrective_action::Model)>,
    recent: Vec<(String, finding::Model)>,
    empty: bool,
    /// The corridors page.
    corridors: String,
    /// The corridors as flows, and the same figures as a table: (link, figures).
    flows: String,
    rows: Vec<(String, FiguresRow)>,
    /// The suppliers' countries on a world map by risk band, and as a table.
    map: String,
    countries: Vec<world_map::MapCountry>,
    /// Every site, as the map's table for screen readers.
    sites: Vec<SiteRow>,
}

/// A site in the map's table.
pub struct SiteRow {
    link: String,
    name: String,
    supplier: String,
    country: String,
    band: String,
    /// Its coordinates, or that the map puts it at its country's centre.
    placed: String,
}

/// The map's material: the circles at country centres (suppliers with no site, and
/// sites without coordinates, by their country), the diamonds of the sites with
/// coordinates, and every site as a table row.
fn map_parts(
    suppliers: &[supplier::Model],
    sites: &[supplier_site::Model],
    t: Tr,
) -> (Vec<world_map::MapCountry>, Vec<world_map::MapSite>, Vec<SiteRow>) {
    let band_of = |id: Uuid| {
        suppliers
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.risk_band.as_deref())
    };
    let band_name = |band: Option<&str>| band.map_or_else(|| t.get("band-none"), |b| t.of("band-", b));
    let at_centre = suppliers
        .iter()
        .filter(|s| !sites.iter().any(|site| site.supplier_id == s.id))
        .map(|s| (s.country.as_str(), s.risk_band.as_deref()))
        .chain(
            sites
                .iter()
                .filter(|site| site.latitude.is_none() || site.longitude.is_none())
                .map(|site| (site.country.as_str(), band_of(site.supplier_id))),
        );
    let circles = world_map::countries(at_centre, t);
    let mut diamonds = Vec::new();
    let mut rows = Vec::new();
    for site in sites {
        let band = band_of(site.supplier_id);
        let supplier = name_of(suppliers, site.supplier_id);
        let placed = match (site.latitude, site.longitude) {
            (Some(latitude), Some(longitude)) => {
                diamonds.push(world_map::MapSite {
                    latitude,
                    longitude,
                    band: world_map::band_index(band),
                    title: format!("{} ({supplier}): {}", site.name, band_name(band)),
                });
                format!("{latitude}, {longitude}")
            }
            _ => t.get("map-at-centroid"),
        };
        rows.push(SiteRow {
            link: routes::site(site.id),
            name: site.name.clone(),
            supplier,
            country: t.country(&site.country),
            band: band_name(band),
            placed,
        });
    }
    (circles, diamonds, rows)
}

/// The review queue: scored assessments waiting for a decision.
#[derive(Template)]
#[template(path = "reviews.html")]
pub struct ReviewsPage {
    l: Layout,
    /// (link, supplier name, score, band, scored on).
    rows: Vec<(String, String, String, String, String)>,
}

fn name_of(suppliers: &[supplier::Model], id: Uuid) -> String {
    suppliers
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

/// The dashboard.
#[get("/companies/{cid}")]
pub async fn dashboard(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    let board = company_view::dashboard(&state.db, &member.caller, cid)
        .await
        .or_page(t)?;
    let suppliers = board.suppliers;
    let by_band: Vec<(String, u64)> = ["low", "medium", "high", "critical"]
        .iter()
        .map(|b| {
            (
                t.of("band-", b),
                suppliers
                    .iter()
                    .filter(|s| s.risk_band.as_deref() == Some(*b))
                    .count() as u64,
            )
        })
        .chain(std::iter::once((
            t.get("band-none"),
            suppliers.iter().filter(|s| s.risk_band.is_none()).count() as u64,
        )))
        .collect();
    let statuses = board.assessment_statuses;
    let by_status: Vec<(String, u64)> = status::ALL
        .iter()
        .map(|s| {
            (
                t.of("status-", s),
                statuses.iter().filter(|x| x == s).count() as u64,
            )
        })
        .collect();
    let overdue = board
        .overdue
        .into_iter()
        .map(|a| (name_of(&suppliers, a.supplier_id), a))
        .collect();
    let recent = board
        .recent
        .into_iter()
        .map(|f| (name_of(&suppliers, f.supplier_id), f))
        .collect();
    let corridors = company_corridors(&state.db, &member.caller, cid, HirePeriod::ALL)
        .await
        .or_page(t)?;
    let rows = corridors
        .iter()
        .map(|c| {
            let link = routes::corridor(cid, c.origin.as_str(), c.destination.as_str());
            (link, FiguresRow::of(corridor_name(c, t), &c.figures, t))
        })
        .collect();
    let countries = world_map::countries(
        suppliers
            .iter()
            .map(|s| (s.country.as_str(), s.risk_band.as_deref())),
        t,
    );
    let (circles, diamonds, sites) = map_parts(&suppliers, &board.sites, t);
    let legend = world_map::Legend {
        bands: world_map::BANDS
            .iter()
            .map(|(band, _)| band.map_or_else(|| t.get("band-none"), |b| t.of("band-", b)))
            .collect(),
        site: t.get("map-legend-site"),
        centroid: t.get("map-legend-centroid"),
    };
    member.render(&DashboardPage {
        l: member.layout(),
        by_band: charts::bars(&t.get("suppliers-by-band"), &by_band),
        by_status: charts::bars(&t.get("assessments-by-status"), &by_status),
        overdue,
        recent,
        empty: suppliers.is_empty(),
        corridors: routes::corridors(cid),
        flows: charts::flows(&t.get("corridors-flows"), &flows(&corridors, t)),
        rows,
        map: world_map::world_map(&t.get("map-title"), &circles, &diamonds, &legend),
        countries,
        sites,
    })
}

/// The review queue.
#[get("/companies/{cid}/reviews")]
pub async fn reviews(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    let (scored, suppliers) = company_view::review_queue(&state.db, &member.caller, cid)
        .await
        .or_page(t)?;
    let rows = scored
        .into_iter()
        .map(|a| {
            (
                routes::assessment(a.id),
                name_of(&suppliers, a.supplier_id),
                a.score.map(|s| format!("{s:.1}")).unwrap_or_default(),
                a.risk_band.clone().unwrap_or_default(),
                a.scored_at
                    .map(|d| d.date_naive().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    member.render(&ReviewsPage {
        l: member.layout(),
        rows,
    })
}
