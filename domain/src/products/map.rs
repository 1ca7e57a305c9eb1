//! A product's map, or a supplier's: every party of the chain once, with its
//! role — the suppliers at their tier, the production sites of each, and the
//! recruiters that find workers for each — and the lines between them. The portal
//! draws it; a pack can list it. Recruiters work for a supplier (the company's registry,
//! `recruiter_employers`, or a fee audit that named them, `fee_audit_recruiters`),
//! not for one site, so a recruiter's line runs from its supplier.

use std::collections::{BTreeSet, HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::chain::{ChainLink, ChainParty, below, product_chain};
use crate::{
    entities::{fee_audit_recruiter, product, recruiter, recruiter_employer, supplier, supplier_site},
    error::DomainError,
};

/// A supplier on the map, once, at its lowest tier.
#[derive(Debug, Clone)]
pub struct MapSupplier {
    /// The supplier.
    pub party: ChainParty,
    /// On a product's map 1 for a maker, then one more than its buyer's; on a
    /// supplier's map 0 for the supplier, 1 for its direct suppliers, and so on.
    pub tier: u32,
    /// The suppliers it buys from that are on the map (ids), in chain order.
    pub buys_from: Vec<Uuid>,
}

/// A production site of a supplier on the map.
#[derive(Debug, Clone)]
pub struct MapSite {
    /// Its id.
    pub id: Uuid,
    /// Whose site it is.
    pub supplier_id: Uuid,
    /// Its name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

/// A recruiter that works for one or more suppliers on the map.
#[derive(Debug, Clone)]
pub struct MapRecruiter {
    /// Its registry id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// ISO 3166-1 alpha-2, when known.
    pub country: Option<String>,
    /// The suppliers on the map it works for (ids).
    pub works_for: Vec<Uuid>,
}

/// Everything a map shows.
#[derive(Debug, Clone, Default)]
pub struct SupplyMap {
    /// Each supplier once: the first tier (a product's makers in the order they
    /// were added, or the supplier the map is of), then tier by tier.
    pub suppliers: Vec<MapSupplier>,
    /// The sites of those suppliers, supplier by supplier, by name.
    pub sites: Vec<MapSite>,
    /// Their recruiters, by name.
    pub recruiters: Vec<MapRecruiter>,
}

impl SupplyMap {
    /// Whether nothing makes the product yet (the map has nothing to draw).
    pub fn is_empty(&self) -> bool {
        self.suppliers.is_empty()
    }

    /// The deepest tier on the map (0 when empty).
    pub fn deepest_tier(&self) -> u32 {
        self.suppliers.iter().map(|s| s.tier).max().unwrap_or(0)
    }

    /// The sites of supplier `id`.
    pub fn sites_of(&self, id: Uuid) -> impl Iterator<Item = &MapSite> {
        self.sites.iter().filter(move |s| s.supplier_id == id)
    }

    /// The recruiters that work for supplier `id`.
    pub fn recruiters_of(&self, id: Uuid) -> impl Iterator<Item = &MapRecruiter> {
        self.recruiters.iter().filter(move |r| r.works_for.contains(&id))
    }
}

/// The map of `product` (already checked with `product_for_reading`).
pub async fn product_map<C: ConnectionTrait>(
    db: &C,
    product: &product::Model,
) -> Result<SupplyMap, DomainError> {
    let chain = product_chain(db, product).await?;
    let makers: Vec<&ChainParty> = chain.sources.iter().map(|s| &s.supplier).collect();
    let suppliers = placed(&makers, 1, &chain.links);
    with_sites_and_recruiters(db, product.company_id, suppliers).await
}

/// The map of `supplier` (already checked with `supplier_for_mapping`): it, at
/// tier 0, and its own suppliers below it.
pub async fn supplier_map<C: ConnectionTrait>(
    db: &C,
    supplier: &supplier::Model,
) -> Result<SupplyMap, DomainError> {
    let (root, links) = below(db, supplier).await?;
    let suppliers = placed(&[&root], 0, &links);
    with_sites_and_recruiters(db, supplier.company_id, suppliers).await
}

/// The map of these suppliers: their sites and their recruiters added.
async fn with_sites_and_recruiters<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    suppliers: Vec<MapSupplier>,
) -> Result<SupplyMap, DomainError> {
    let ids: Vec<Uuid> = suppliers.iter().map(|s| s.party.id).collect();
    let order: HashMap<Uuid, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();

    let mut sites: Vec<MapSite> = supplier_site::Entity::find()
        .filter(supplier_site::Column::CompanyId.eq(company_id))
        .filter(supplier_site::Column::SupplierId.is_in(ids.clone()))
        .order_by_asc(supplier_site::Column::Name)
        .order_by_asc(supplier_site::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| MapSite {
            id: s.id,
            supplier_id: s.supplier_id,
            name: s.name,
            country: s.country,
        })
        .collect();
    // Stable: by name within each supplier, suppliers in map order.
    sites.sort_by_key(|s| order.get(&s.supplier_id).copied());

    let recruiters = recruiters_of(db, company_id, &ids, &order).await?;
    Ok(SupplyMap {
        suppliers,
        sites,
        recruiters,
    })
}

/// Each supplier of the chain once: the first tier (`first`, numbered
/// `first_tier`), then each at the tier it is first reached, with the suppliers
/// it buys from.
fn placed(first: &[&ChainParty], first_tier: u32, links: &[ChainLink]) -> Vec<MapSupplier> {
    let mut out: Vec<MapSupplier> = Vec::new();
    let mut at: HashMap<Uuid, usize> = HashMap::new();
    let mut place = |party: &ChainParty, tier: u32, out: &mut Vec<MapSupplier>| {
        at.entry(party.id).or_insert_with(|| {
            out.push(MapSupplier {
                party: party.clone(),
                tier,
                buys_from: Vec::new(),
            });
            out.len() - 1
        });
    };
    for party in first {
        place(party, first_tier, &mut out);
    }
    // `links` come tier by tier, so a supplier's first link gives its lowest tier.
    for link in links {
        place(&link.supplier, link.tier, &mut out);
    }
    for link in links {
        if let Some(&i) = at.get(&link.buyer.id)
            && !out[i].buys_from.contains(&link.supplier.id)
        {
            out[i].buys_from.push(link.supplier.id);
        }
    }
    out
}

/// The recruiters that work for these suppliers: named in the company's registry
/// or in a fee audit of one of them.
async fn recruiters_of<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    supplier_ids: &[Uuid],
    order: &HashMap<Uuid, usize>,
) -> Result<Vec<MapRecruiter>, DomainError> {
    let registered = recruiter_employer::Entity::find()
        .filter(recruiter_employer::Column::CompanyId.eq(company_id))
        .filter(recruiter_employer::Column::SupplierId.is_in(supplier_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.recruiter_id, e.supplier_id));
    let audited = fee_audit_recruiter::Entity::find()
        .filter(fee_audit_recruiter::Column::CompanyId.eq(company_id))
        .filter(fee_audit_recruiter::Column::SupplierId.is_in(supplier_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.recruiter_id, r.supplier_id));
    let mut works_for: HashMap<Uuid, BTreeSet<(usize, Uuid)>> = HashMap::new();
    for (recruiter_id, supplier_id) in registered.chain(audited) {
        if let Some(&rank) = order.get(&supplier_id) {
            works_for
                .entry(recruiter_id)
                .or_default()
                .insert((rank, supplier_id));
        }
    }
    let ids: HashSet<Uuid> = works_for.keys().copied().collect();
    Ok(recruiter::Entity::find()
        .filter(recruiter::Column::CompanyId.eq(company_id))
        .filter(recruiter::Column::Id.is_in(ids))
        .order_by_asc(recruiter::Column::Name)
        .order_by_asc(recruiter::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| MapRecruiter {
            works_for: works_for
                .remove(&r.id)
                .unwrap_or_default()
                .into_iter()
                .map(|(_, id)| id)
                .collect(),
            id: r.id,
            name: r.name,
            country: r.country,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(name: &str) -> ChainParty {
        ChainParty {
            id: Uuid::now_v7(),
            name: name.into(),
            country: "BD".into(),
        }
    }

    fn link(tier: u32, buyer: &ChainParty, supplier: &ChainParty) -> ChainLink {
        ChainLink {
            tier,
            buyer: buyer.clone(),
            supplier: supplier.clone(),
            material: None,
        }
    }

    #[test]
    fn each_supplier_is_placed_once_at_its_lowest_tier_with_what_it_buys() {
        let (maker, mill, spinner) = (party("Maker"), party("Mill"), party("Spinner"));
        // The maker is a source twice (two roles); the spinner is reached at
        // tier 2 and tier 3.
        let links = [
            link(2, &maker, &mill),
            link(2, &maker, &spinner),
            link(3, &mill, &spinner),
        ];
        let placed: Vec<(String, u32, Vec<Uuid>)> = placed(&[&maker, &maker], 1, &links)
            .into_iter()
            .map(|s| (s.party.name, s.tier, s.buys_from))
            .collect();
        assert_eq!(
            placed,
            [
                ("Maker".to_string(), 1, vec![mill.id, spinner.id]),
                ("Mill".to_string(), 2, vec![spinner.id]),
                ("Spinner".to_string(), 2, vec![]),
            ]
        );
    }
}
