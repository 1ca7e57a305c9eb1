use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    access::{SupplierAccess, readable::Reached},
    clock,
    entities::{assessment, assessment_link, supplier},
    error::DomainError,
};

/// Whoever holds a live link: "the supplier via link", allowed its one
/// assessment and nothing else.
#[derive(Debug, Clone)]
pub struct LinkHolder {
    /// The link.
    pub link: assessment_link::Model,
    /// Its assessment and supplier; the holder acts as the supplier's own user.
    reached: Reached<assessment::Model>,
}

impl LinkHolder {
    /// The id the holder acts under in answers and the audit trail: the link's.
    pub fn actor(&self) -> Uuid {
        self.link.id
    }

    /// The link's assessment when `id` is it; any other assessment is
    /// `NotFound`, whether or not it exists (the link opens nothing else).
    pub fn assessment(&self, id: Uuid) -> Result<&Reached<assessment::Model>, DomainError> {
        if id == self.reached.row.id {
            Ok(&self.reached)
        } else {
            Err(DomainError::NotFound("assessment"))
        }
    }

    /// The link's own assessment, for its landing page.
    pub fn own(&self) -> &Reached<assessment::Model> {
        &self.reached
    }
}

/// The holder of link `link_id` (from the link's cookie), read fresh on every
/// request so a revocation or the end of the 30 days takes effect at once:
/// unknown is `NotFound`, revoked or expired is `Gone`.
pub async fn reach<C: ConnectionTrait>(db: &C, link_id: Uuid) -> Result<LinkHolder, DomainError> {
    let link = assessment_link::Entity::find_by_id(link_id)
        .one(db)
        .await?
        .filter(|l| l.purpose == super::PURPOSE_ANSWER)
        .ok_or(DomainError::NotFound("link"))?;
    if link.revoked_at.is_some() {
        return Err(DomainError::Gone("this link has been revoked"));
    }
    if link.expires_at <= clock::now() {
        return Err(DomainError::Gone("this link has expired"));
    }
    let row = assessment::Entity::find_by_id(link.assessment_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("assessment"))?;
    let supplier = supplier::Entity::find_by_id(row.supplier_id)
        .one(db)
        .await?
        .filter(|s| s.company_id == row.company_id && row.company_id == link.company_id)
        .ok_or(DomainError::NotFound("assessment"))?;
    Ok(LinkHolder {
        link,
        reached: Reached {
            row,
            supplier,
            access: SupplierAccess::OwnSupplier,
        },
    })
}
