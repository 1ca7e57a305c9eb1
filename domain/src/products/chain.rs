//! A product's chain: who makes it (tier 1, with site and role), their own
//! suppliers tier by tier, and where its raw materials come from. The tier of a
//! sub-tier supplier is the fewest links between it and a maker of the product.

use std::collections::{HashMap, HashSet, VecDeque};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::tiers::edges;
use crate::{
    entities::{material_origin, product, product_source, supplier, supplier_link, supplier_site},
    error::DomainError,
};

/// A supplier as the chain names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainParty {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

/// A maker of the product (tier 1).
#[derive(Debug, Clone)]
pub struct ChainSource {
    /// The link's row.
    pub source: product_source::Model,
    /// The supplier.
    pub supplier: ChainParty,
    /// The site's name, when one is given.
    pub site_name: Option<String>,
}

/// A supplier of a supplier, at its tier (2 and beyond).
#[derive(Debug, Clone)]
pub struct ChainLink {
    /// Tier of `supplier`: its buyer's tier plus one.
    pub tier: u32,
    /// Who buys.
    pub buyer: ChainParty,
    /// Who supplies.
    pub supplier: ChainParty,
    /// What is supplied, when said.
    pub material: Option<String>,
}

/// The whole chain of one product.
#[derive(Debug, Clone, Default)]
pub struct ProductChain {
    /// Tier 1, in the order they were added.
    pub sources: Vec<ChainSource>,
    /// Tier 2 and beyond, tier by tier.
    pub links: Vec<ChainLink>,
    /// Raw-material origins, by material.
    pub origins: Vec<material_origin::Model>,
}

/// The chain of `product` (already checked with `product_for_reading`).
pub async fn product_chain<C: ConnectionTrait>(
    db: &C,
    product: &product::Model,
) -> Result<ProductChain, DomainError> {
    let sources = product_source::Entity::find()
        .filter(product_source::Column::CompanyId.eq(product.company_id))
        .filter(product_source::Column::ProductId.eq(product.id))
        .order_by_asc(product_source::Column::CreatedAt)
        .order_by_asc(product_source::Column::Id)
        .all(db)
        .await?;
    let origins = material_origin::Entity::find()
        .filter(material_origin::Column::CompanyId.eq(product.company_id))
        .filter(material_origin::Column::ProductId.eq(product.id))
        .order_by_asc(material_origin::Column::Material)
        .order_by_asc(material_origin::Column::Country)
        .all(db)
        .await?;
    let all_links = edges(db, product.company_id).await?;
    let tiered = by_tier(sources.iter().map(|s| s.supplier_id), &all_links);

    let mut ids: HashSet<Uuid> = sources.iter().map(|s| s.supplier_id).collect();
    ids.extend(tiered.iter().flat_map(|(_, l)| [l.buyer_id, l.supplier_id]));
    let parties = parties(db, product.company_id, ids).await?;
    let site_ids: Vec<Uuid> = sources.iter().filter_map(|s| s.site_id).collect();
    let site_names: HashMap<Uuid, String> = supplier_site::Entity::find()
        .filter(supplier_site::Column::CompanyId.eq(product.company_id))
        .filter(supplier_site::Column::Id.is_in(site_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();

    let party = |id: Uuid| parties.get(&id).cloned();
    Ok(ProductChain {
        sources: sources
            .into_iter()
            .filter_map(|source| {
                Some(ChainSource {
                    supplier: party(source.supplier_id)?,
                    site_name: source.site_id.and_then(|id| site_names.get(&id).cloned()),
                    source,
                })
            })
            .collect(),
        links: named(tiered, &parties),
        origins,
    })
}

/// The suppliers of one company among `ids`, as the chain names them.
async fn parties<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    ids: HashSet<Uuid>,
) -> Result<HashMap<Uuid, ChainParty>, DomainError> {
    Ok(supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(company_id))
        .filter(supplier::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            let party = ChainParty {
                id: s.id,
                name: s.name,
                country: s.country,
            };
            (party.id, party)
        })
        .collect())
}

/// Tiered links with their parties named.
fn named(tiered: Vec<(u32, &supplier_link::Model)>, parties: &HashMap<Uuid, ChainParty>) -> Vec<ChainLink> {
    tiered
        .into_iter()
        .filter_map(|(tier, link)| {
            Some(ChainLink {
                tier,
                buyer: parties.get(&link.buyer_id)?.clone(),
                supplier: parties.get(&link.supplier_id)?.clone(),
                material: link.material.clone(),
            })
        })
        .collect()
}

/// The supplier `root` (already checked by the caller) and everything below it:
/// its own suppliers tier by tier, counted from it (its direct suppliers are 1).
pub(crate) async fn below<C: ConnectionTrait>(
    db: &C,
    root: &supplier::Model,
) -> Result<(ChainParty, Vec<ChainLink>), DomainError> {
    let all_links = edges(db, root.company_id).await?;
    // `by_tier` counts the root as tier 1; below a supplier, its direct
    // suppliers are the first tier.
    let tiered: Vec<(u32, &supplier_link::Model)> = by_tier([root.id].into_iter(), &all_links)
        .into_iter()
        .map(|(tier, link)| (tier - 1, link))
        .collect();
    let ids: HashSet<Uuid> = tiered
        .iter()
        .flat_map(|(_, l)| [l.buyer_id, l.supplier_id])
        .collect();
    let parties = parties(db, root.company_id, ids).await?;
    let party = ChainParty {
        id: root.id,
        name: root.name.clone(),
        country: root.country.clone(),
    };
    Ok((party, named(tiered, &parties)))
}

/// The links reachable from the makers, each with the tier of its supplier,
/// breadth first so that a supplier reached two ways takes its lowest tier (and
/// its links are listed once).
fn by_tier(
    makers: impl Iterator<Item = Uuid>,
    links: &[supplier_link::Model],
) -> Vec<(u32, &supplier_link::Model)> {
    let mut from: HashMap<Uuid, Vec<&supplier_link::Model>> = HashMap::new();
    for link in links {
        from.entry(link.buyer_id).or_default().push(link);
    }
    let mut placed: HashSet<Uuid> = HashSet::new();
    let mut queue: VecDeque<(Uuid, u32)> = VecDeque::new();
    for maker in makers {
        if placed.insert(maker) {
            queue.push_back((maker, 1));
        }
    }
    let mut out = Vec::new();
    while let Some((buyer, tier)) = queue.pop_front() {
        for link in from.get(&buyer).into_iter().flatten() {
            out.push((tier + 1, *link));
            if placed.insert(link.supplier_id) {
                queue.push_back((link.supplier_id, tier + 1));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(buyer: Uuid, supplier: Uuid) -> supplier_link::Model {
        supplier_link::Model {
            id: Uuid::now_v7(),
            company_id: Uuid::nil(),
            buyer_id: buyer,
            supplier_id: supplier,
            site_id: None,
            material: None,
            created_at: crate::clock::now(),
        }
    }

    #[test]
    fn a_supplier_reached_two_ways_takes_its_lowest_tier() {
        let [maker, mill, spinner, other] = [Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7()];
        // maker → mill → spinner, and maker → spinner directly; `other` is not
        // in this product's chain.
        let links = [
            link(maker, mill),
            link(mill, spinner),
            link(maker, spinner),
            link(other, mill),
        ];
        let tiers: Vec<(u32, Uuid, Uuid)> = by_tier([maker].into_iter(), &links)
            .into_iter()
            .map(|(t, l)| (t, l.buyer_id, l.supplier_id))
            .collect();
        assert_eq!(tiers, [(2, maker, mill), (2, maker, spinner), (3, mill, spinner)]);
    }
}
