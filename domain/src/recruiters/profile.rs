//! A recruiter as its page and `GET /recruiters/{id}` show it: the registry fields,
//! the sub-agent chain both ways, the suppliers it works for, and what workers paid
//! it across all suppliers: audited (the latest fee audit of each supplier) and
//! declared (the latest SAQ v2 of each supplier naming it).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{
    ChainLink, DeclaredFees, IrisStatus, Licence,
    chain::{both_ways, company_links},
    declared_fees,
    fields::{stored_licences, stored_origins},
    update::stored_iris,
};
use crate::{
    access::Caller,
    corridors::{PayingSupplier, recruiter_suppliers},
    entities::{recruiter, recruiter_employer, supplier},
    error::DomainError,
    fee_audit::store::{RecruiterSummary, recruiter_summary},
};

/// Everything the company knows of one recruiter.
#[derive(Debug, Clone)]
pub struct RecruiterProfile {
    /// The registry row.
    pub recruiter: recruiter::Model,
    /// Its licences.
    pub licences: Vec<Licence>,
    /// The countries it recruits from (codes).
    pub origin_countries: Vec<String>,
    /// IRIS status as recorded.
    pub iris_status: IrisStatus,
    /// The recruiters it works under, nearest first.
    pub works_under: Vec<ChainLink>,
    /// Its sub-agents at every depth.
    pub sub_agents: Vec<ChainLink>,
    /// The suppliers it works for, by name.
    pub works_for: Vec<supplier::Model>,
    /// Its audited figures over the latest audit of every supplier.
    pub audited: RecruiterSummary,
    /// The suppliers whose workers paid it, audited, largest fees first.
    pub paying: Vec<PayingSupplier>,
    /// The suppliers whose latest SAQ names it, with their fee answers.
    pub declared: Vec<DeclaredFees>,
    /// The other recruiters of the registry, by name (what it may be a sub-agent of).
    pub registry: Vec<(Uuid, String)>,
    /// Every supplier of the company, by name (what it may work for).
    pub suppliers: Vec<(Uuid, String)>,
}

/// Recruiter `id` for the company's staff; another company's is `NotFound`.
pub async fn recruiter_profile<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<RecruiterProfile, DomainError> {
    let (found, paying) = recruiter_suppliers(db, caller, id).await?;
    let links = company_links(db, found.company_id).await?;
    let (works_under, sub_agents) = both_ways(&links, found.id);
    let mut registry: Vec<(Uuid, String)> = links
        .into_iter()
        .filter(|(id, _)| *id != found.id)
        .map(|(id, (name, _))| (id, name))
        .collect();
    registry.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let suppliers: Vec<(Uuid, String)> = supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(found.company_id))
        .order_by_asc(supplier::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let employer_ids: Vec<Uuid> = recruiter_employer::Entity::find()
        .filter(recruiter_employer::Column::RecruiterId.eq(found.id))
        .filter(recruiter_employer::Column::CompanyId.eq(found.company_id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.supplier_id)
        .collect();
    let works_for = supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(found.company_id))
        .filter(supplier::Column::Id.is_in(employer_ids))
        .order_by_asc(supplier::Column::Name)
        .all(db)
        .await?;
    let declared = declared_fees(db, &found).await?;
    let audited = recruiter_summary(db, found.clone()).await?;
    Ok(RecruiterProfile {
        licences: stored_licences(found.licences.as_deref()),
        origin_countries: stored_origins(found.origin_countries.as_deref()),
        iris_status: stored_iris(&found).status,
        recruiter: found,
        works_under,
        sub_agents,
        works_for,
        audited,
        paying,
        declared,
        registry,
        suppliers,
    })
}
