//! A supplier's own suppliers (tier 2 and beyond). Each link is an edge
//! buyer → supplier between two suppliers of the same company; a supplier's tier
//! in a product's chain is one more than its buyer's, so an edge that closes a
//! loop would make tiers meaningless and is refused.

use std::collections::{HashMap, HashSet};

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{
    NewSubSupplier,
    sources::{company_supplier, own_site},
};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{supplier, supplier_link},
    error::DomainError,
};

/// Every link of company `company_id`, as buyer → its suppliers.
pub(super) async fn edges<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Vec<supplier_link::Model>, DomainError> {
    Ok(supplier_link::Entity::find()
        .filter(supplier_link::Column::CompanyId.eq(company_id))
        .all(db)
        .await?)
}

/// Whether `to` can be reached from `from` following buyer → supplier edges.
fn reaches(links: &[supplier_link::Model], from: Uuid, to: Uuid) -> bool {
    let mut next: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for link in links {
        next.entry(link.buyer_id).or_default().push(link.supplier_id);
    }
    let mut seen = HashSet::from([from]);
    let mut queue = vec![from];
    while let Some(at) = queue.pop() {
        if at == to {
            return true;
        }
        for &n in next.get(&at).into_iter().flatten() {
            if seen.insert(n) {
                queue.push(n);
            }
        }
    }
    false
}

/// Records that `buyer` (already checked with `sites::supplier_for_managing`)
/// buys from another supplier of its company, audited. A link to itself, a link
/// already there, or one that would close a loop is refused (422 on
/// `supplier_id`).
pub async fn add_sub_supplier<C: ConnectionTrait>(
    db: &C,
    buyer: &supplier::Model,
    actor: Uuid,
    input: NewSubSupplier,
) -> Result<supplier_link::Model, DomainError> {
    let seller = company_supplier(db, buyer.company_id, input.supplier_id, "supplier_id").await?;
    own_site(db, buyer, input.site_id).await?;
    let links = edges(db, buyer.company_id).await?;
    if seller.id == buyer.id {
        return Err(DomainError::invalid(
            "supplier_id",
            "a supplier cannot supply itself",
        ));
    }
    if links
        .iter()
        .any(|l| l.buyer_id == buyer.id && l.supplier_id == seller.id)
    {
        return Err(DomainError::invalid(
            "supplier_id",
            "this supplier is already linked",
        ));
    }
    if reaches(&links, seller.id, buyer.id) {
        return Err(DomainError::invalid(
            "supplier_id",
            "this link would make a loop: the supplier already buys, directly or not, from this buyer",
        ));
    }
    let row = supplier_link::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(buyer.company_id),
        buyer_id: Set(buyer.id),
        supplier_id: Set(seller.id),
        site_id: Set(input.site_id),
        material: Set(input.material),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(buyer.company_id),
            actor_user_id: Some(actor),
            action: "supplier.sub_supplier_added",
            entity_type: "supplier",
            entity_id: Some(buyer.id),
            before: None,
            after: Some(serde_json::json!({
                "supplier_id": row.supplier_id,
                "site_id": row.site_id,
                "material": row.material,
            })),
        },
    )
    .await?;
    Ok(row)
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
            created_at: clock::now(),
        }
    }

    #[test]
    fn a_path_through_the_tiers_is_followed_and_nothing_else() {
        let [a, b, c, d] = [Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7()];
        let links = [link(a, b), link(b, c)];
        assert!(reaches(&links, a, c));
        assert!(!reaches(&links, c, a));
        assert!(!reaches(&links, a, d));
    }
}
