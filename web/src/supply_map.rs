//! A product's or a supplier's map drawn on the server as SVG (no script): one
//! column per role — the product (or the supplier), each tier of suppliers, their
//! production sites, their recruiters —
//! a box per party and a line per link. A name too long for its box is cut with
//! "…" and given whole in the box's `<title>`; the page repeats everything in a
//! table, so nothing depends on seeing the drawing.

use std::{collections::HashMap, fmt::Write};

use domain::products::SupplyMap;
use uuid::Uuid;

use crate::{charts::escape, i18n::Tr};

/// Size of a box, the gap between columns, the height of a row and of the
/// column headings, in SVG units (the CSS scales the drawing to the page).
const BOX_WIDTH: f64 = 150.0;
const BOX_HEIGHT: f64 = 30.0;
const GAP: f64 = 46.0;
const ROW: f64 = 42.0;
const HEADING: f64 = 26.0;
/// The most characters of a name a box shows (the stylesheet's 12-unit type in a
/// 150-unit box).
const SHOWN: usize = 20;

/// What a box stands for, which decides its look.
#[derive(Clone, Copy)]
enum Kind {
    Product,
    Supplier,
    Site,
    Recruiter,
}

impl Kind {
    /// Fill and border of its box: told apart by the border's dash too.
    fn style(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Kind::Product => ("#dfe7ef", "#1f2933", ""),
            Kind::Supplier => ("#eef2f6", "#0b5cad", ""),
            Kind::Site => ("#f4f1ea", "#8a4b00", ""),
            Kind::Recruiter => ("#f6eef2", "#a4161a", "4 2"),
        }
    }
}

/// A box placed on the drawing.
struct Placed {
    x: f64,
    y: f64,
}

/// `name` as a box shows it: whole, or cut with "…".
fn shown(name: &str) -> String {
    if name.chars().count() <= SHOWN {
        return name.to_string();
    }
    let cut: String = name.chars().take(SHOWN - 1).collect();
    format!("{}…", cut.trim_end())
}

/// What a map is of: its first column.
#[derive(Clone, Copy)]
pub enum Root<'a> {
    /// A product (its name), drawn before its makers (tier 1).
    Product(&'a str),
    /// A supplier (its name): it is the map's tier 0, and the tiers count down
    /// from it.
    Supplier(&'a str),
}

/// The map of `root` as SVG markup (empty when it has nothing to draw).
pub fn draw(root: Root<'_>, map: &SupplyMap, t: Tr) -> String {
    if map.is_empty() {
        return String::new();
    }
    // Columns: one per tier (a product's own column is tier 0), then sites and
    // recruiters when any.
    let tiers = map.deepest_tier() as usize;
    let (root_name, tier_key, first) = match root {
        Root::Product(name) => (name, "chain-map-col-tier", t.get("chain-map-col-product")),
        Root::Supplier(name) => (name, "chain-map-col-below", t.get("chain-map-col-supplier")),
    };
    let mut headings: Vec<String> = vec![first];
    headings.extend((1..=tiers).map(|n| t.arg1(tier_key, "tier", n)));
    let site_col = (!map.sites.is_empty()).then(|| {
        headings.push(t.get("chain-map-col-sites"));
        headings.len() - 1
    });
    let recruiter_col = (!map.recruiters.is_empty()).then(|| {
        headings.push(t.get("chain-map-col-recruiters"));
        headings.len() - 1
    });

    let mut rows = vec![0usize; headings.len()];
    let mut place = |col: usize| {
        let placed = Placed {
            x: col as f64 * (BOX_WIDTH + GAP),
            y: HEADING + rows[col] as f64 * ROW,
        };
        rows[col] += 1;
        placed
    };
    let product = matches!(root, Root::Product(_)).then(|| place(0));
    let suppliers: HashMap<Uuid, Placed> = map
        .suppliers
        .iter()
        .map(|s| (s.party.id, place(s.tier as usize)))
        .collect();
    let sites: Vec<Placed> =
        site_col.map_or_else(Vec::new, |col| map.sites.iter().map(|_| place(col)).collect());
    let recruiters: Vec<Placed> = recruiter_col.map_or_else(Vec::new, |col| {
        map.recruiters.iter().map(|_| place(col)).collect()
    });

    let width = headings.len() as f64 * (BOX_WIDTH + GAP) - GAP;
    let height = HEADING + rows.iter().copied().max().unwrap_or(1) as f64 * ROW;
    let title = t.arg1("chain-map-title", "name", root_name);
    let mut svg = format!(
        "<svg class=\"chart supply-map\" id=\"supply-map\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(&title)
    );
    for (col, heading) in headings.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"14\" font-weight=\"bold\">{}</text>",
            col as f64 * (BOX_WIDTH + GAP),
            escape(heading)
        );
    }

    // Lines first, so that the boxes sit on top of them.
    for s in &map.suppliers {
        let at = &suppliers[&s.party.id];
        if let Some(product) = &product
            && s.tier == 1
        {
            line(&mut svg, product, at, false);
        }
        for seller in &s.buys_from {
            if let Some(to) = suppliers.get(seller) {
                line(&mut svg, at, to, false);
            }
        }
    }
    for (site, to) in map.sites.iter().zip(&sites) {
        if let Some(from) = suppliers.get(&site.supplier_id) {
            line(&mut svg, from, to, false);
        }
    }
    for (recruiter, to) in map.recruiters.iter().zip(&recruiters) {
        for id in &recruiter.works_for {
            if let Some(from) = suppliers.get(id) {
                line(&mut svg, from, to, true);
            }
        }
    }

    if let Some(product) = &product {
        party(&mut svg, product, Kind::Product, root_name, root_name);
    }
    for s in &map.suppliers {
        let mut full = format!("{} ({})", s.party.name, t.country(&s.party.country));
        if s.tier > 0 {
            full = format!("{full}, {}", t.arg1(tier_key, "tier", s.tier));
        }
        party(
            &mut svg,
            &suppliers[&s.party.id],
            Kind::Supplier,
            &s.party.name,
            &full,
        );
    }
    for (site, at) in map.sites.iter().zip(&sites) {
        let owner = map
            .suppliers
            .iter()
            .find(|s| s.party.id == site.supplier_id)
            .map(|s| s.party.name.as_str())
            .unwrap_or_default();
        let full = format!("{} ({}), {owner}", site.name, t.country(&site.country));
        party(&mut svg, at, Kind::Site, &site.name, &full);
    }
    for (recruiter, at) in map.recruiters.iter().zip(&recruiters) {
        let full = match &recruiter.country {
            Some(code) => format!("{} ({})", recruiter.name, t.country(code)),
            None => recruiter.name.clone(),
        };
        party(&mut svg, at, Kind::Recruiter, &recruiter.name, &full);
    }
    svg.push_str("</svg>");
    svg
}

/// A box with its (maybe cut) name, and the whole description as its title.
fn party(svg: &mut String, at: &Placed, kind: Kind, name: &str, full: &str) {
    let (fill, stroke, dash) = kind.style();
    let _ = write!(
        svg,
        "<g><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{BOX_WIDTH}\" height=\"{BOX_HEIGHT}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-dasharray=\"{dash}\"></rect><text x=\"{}\" y=\"{}\">{}</text></g>",
        escape(full),
        at.x,
        at.y,
        at.x + 6.0,
        at.y + BOX_HEIGHT / 2.0 + 4.0,
        escape(&shown(name))
    );
}

/// A curve from the right edge of `from` to the left edge of `to`; when `to` is
/// not to the right (a supplier buying from one at its own tier or before), a
/// loop out to the right and back into `to`'s right edge. Dashed for a recruiter.
fn line(svg: &mut String, from: &Placed, to: &Placed, dashed: bool) {
    let (x1, y1) = (from.x + BOX_WIDTH, from.y + BOX_HEIGHT / 2.0);
    let y2 = to.y + BOX_HEIGHT / 2.0;
    let path = if to.x > from.x {
        let x2 = to.x;
        let bend = (x2 - x1) / 2.0;
        format!("M{x1} {y1} C{} {y1} {} {y2} {x2} {y2}", x1 + bend, x2 - bend)
    } else {
        let x2 = to.x + BOX_WIDTH;
        let out = x1.max(x2) + GAP / 2.0;
        format!("M{x1} {y1} C{out} {y1} {out} {y2} {x2} {y2}")
    };
    let dash = if dashed { " stroke-dasharray=\"5 3\"" } else { "" };
    let _ = write!(
        svg,
        "<path d=\"{path}\" fill=\"none\" stroke=\"#4a5562\"{dash}></path>"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_cut_and_a_short_one_kept() {
        assert_eq!(shown("Gazipur Plant"), "Gazipur Plant");
        let cut = shown("Chittagong Export Processing Zone Plant 7");
        assert_eq!(cut.chars().count(), SHOWN);
        assert!(cut.ends_with('…'));
        assert!(cut.starts_with("Chittagong Export"));
    }
}
