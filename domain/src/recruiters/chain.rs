//! Sub-agent links: a recruiter works under at most one other (`sub_agent_of`), so
//! the company's links are a forest. Read both ways for the recruiter page (the
//! recruiters above it, the sub-agents below it), and checked on every change so
//! that no link closes a loop.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::{entities::recruiter, error::DomainError};

/// A recruiter in a chain, with its distance from the one the page shows (1: its
/// direct principal or sub-agent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    /// Its registry id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Steps away.
    pub depth: usize,
}

/// The company's links: id → (name, principal).
pub(super) type Links = HashMap<Uuid, (String, Option<Uuid>)>;

pub(super) async fn company_links<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Links, DomainError> {
    let rows: Vec<(Uuid, String, Option<Uuid>)> = recruiter::Entity::find()
        .select_only()
        .columns([
            recruiter::Column::Id,
            recruiter::Column::Name,
            recruiter::Column::SubAgentOf,
        ])
        .filter(recruiter::Column::CompanyId.eq(company_id))
        .order_by_asc(recruiter::Column::Name)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, parent)| (id, (name, parent)))
        .collect())
}

/// Whether making `child` a sub-agent of `parent` closes a loop: `parent` is
/// `child` itself or works, at any depth, under `child`.
pub(super) fn closes_loop(links: &Links, child: Uuid, parent: Uuid) -> bool {
    let mut at = Some(parent);
    let mut steps = 0;
    while let Some(id) = at {
        if id == child {
            return true;
        }
        // A loop already stored (it cannot be, but a read must end) stops here.
        steps += 1;
        if steps > links.len() {
            return true;
        }
        at = links.get(&id).and_then(|(_, p)| *p);
    }
    false
}

/// The recruiters `id` works under, nearest first, and its sub-agents at every
/// depth, by depth then name.
pub(super) fn both_ways(links: &Links, id: Uuid) -> (Vec<ChainLink>, Vec<ChainLink>) {
    let mut above = Vec::new();
    let mut at = links.get(&id).and_then(|(_, p)| *p);
    while let Some(parent) = at {
        if parent == id || above.len() >= links.len() {
            break;
        }
        let Some((name, next)) = links.get(&parent) else {
            break;
        };
        above.push(ChainLink {
            id: parent,
            name: name.clone(),
            depth: above.len() + 1,
        });
        at = *next;
    }
    let mut below = Vec::new();
    let mut level = vec![id];
    let mut depth = 0;
    while !level.is_empty() && depth < links.len() {
        depth += 1;
        let mut next: Vec<(String, Uuid)> = links
            .iter()
            .filter(|(child, (_, p))| p.is_some_and(|p| level.contains(&p)) && **child != id)
            .map(|(child, (name, _))| (name.clone(), *child))
            .collect();
        next.sort();
        level = next.iter().map(|(_, child)| *child).collect();
        below.extend(next.into_iter().map(|(name, child)| ChainLink {
            id: child,
            name,
            depth,
        }));
    }
    (above, below)
}

/// The chain of recruiter `id` of company `company_id` both ways (above, below).
pub async fn sub_agent_chain<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    id: Uuid,
) -> Result<(Vec<ChainLink>, Vec<ChainLink>), DomainError> {
    Ok(both_ways(&company_links(db, company_id).await?, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_reads_both_ways_and_a_loop_is_caught() {
        let (a, b, c, d) = (
            Uuid::from_u128(1),
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            Uuid::from_u128(4),
        );
        // A ← B ← C, A ← D: B and D work under A, C under B.
        let links: Links = [
            (a, ("Alpha".to_string(), None)),
            (b, ("Beta".to_string(), Some(a))),
            (c, ("Gamma".to_string(), Some(b))),
            (d, ("Delta".to_string(), Some(a))),
        ]
        .into_iter()
        .collect();
        let (above, below) = both_ways(&links, b);
        assert_eq!(
            above
                .iter()
                .map(|l| (l.name.as_str(), l.depth))
                .collect::<Vec<_>>(),
            [("Alpha", 1)]
        );
        assert_eq!(
            below
                .iter()
                .map(|l| (l.name.as_str(), l.depth))
                .collect::<Vec<_>>(),
            [("Gamma", 1)]
        );
        let (above, below) = both_ways(&links, a);
        assert!(above.is_empty());
        assert_eq!(
            below
                .iter()
                .map(|l| (l.name.as_str(), l.depth))
                .collect::<Vec<_>>(),
            [("Beta", 1), ("Delta", 1), ("Gamma", 2)]
        );
        let (above, _) = both_ways(&links, c);
        assert_eq!(
            above.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
            ["Beta", "Alpha"]
        );
        // A under C would loop (C is under A); A under itself too; D under C is fine.
        assert!(closes_loop(&links, a, c));
        assert!(closes_loop(&links, a, a));
        assert!(!closes_loop(&links, d, c));
    }
}
