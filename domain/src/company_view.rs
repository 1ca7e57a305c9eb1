//! What a company's reviewers see at a glance: the dashboard's figures and the
//! queue of scored assessments waiting for a decision. Access is checked here
//! (another company's id is `NotFound`, a lesser role `Forbidden`).

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::{
    access::Caller,
    assessments::status,
    entities::{assessment, corrective_action, finding, supplier, supplier_site},
    error::DomainError,
    findings::action_status,
};

/// How many overdue actions and recent findings the dashboard lists.
const OVERDUE_SHOWN: u64 = 20;
const RECENT_SHOWN: u64 = 10;

/// The dashboard's material.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// Every supplier of the company (for bands and names).
    pub suppliers: Vec<supplier::Model>,
    /// Every production site of its suppliers (for the map), by name.
    pub sites: Vec<supplier_site::Model>,
    /// The state of each of its assessments.
    pub assessment_statuses: Vec<String>,
    /// Open or in-progress actions past their due date, most overdue first.
    pub overdue: Vec<corrective_action::Model>,
    /// The latest findings, newest first.
    pub recent: Vec<finding::Model>,
}

/// The dashboard of company `company_id`.
pub async fn dashboard<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<Dashboard, DomainError> {
    caller.company_reviewer(company_id)?;
    let suppliers = suppliers_of(db, company_id).await?;
    let sites = supplier_site::Entity::find()
        .filter(supplier_site::Column::CompanyId.eq(company_id))
        .order_by_asc(supplier_site::Column::Name)
        .order_by_asc(supplier_site::Column::Id)
        .all(db)
        .await?;
    let assessment_statuses = assessment::Entity::find()
        .filter(assessment::Column::CompanyId.eq(company_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.status)
        .collect();
    let overdue = corrective_action::Entity::find()
        .filter(corrective_action::Column::CompanyId.eq(company_id))
        .filter(corrective_action::Column::DueDate.lt(Utc::now().date_naive()))
        .filter(corrective_action::Column::Status.is_in([action_status::OPEN, action_status::IN_PROGRESS]))
        .order_by_asc(corrective_action::Column::DueDate)
        .limit(OVERDUE_SHOWN)
        .all(db)
        .await?;
    let recent = finding::Entity::find()
        .filter(finding::Column::CompanyId.eq(company_id))
        .order_by_desc(finding::Column::CreatedAt)
        .limit(RECENT_SHOWN)
        .all(db)
        .await?;
    Ok(Dashboard {
        suppliers,
        sites,
        assessment_statuses,
        overdue,
        recent,
    })
}

/// The review queue: scored assessments, longest waiting first, with the
/// company's suppliers (for names).
pub async fn review_queue<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<(Vec<assessment::Model>, Vec<supplier::Model>), DomainError> {
    caller.company_reviewer(company_id)?;
    let suppliers = suppliers_of(db, company_id).await?;
    let scored = assessment::Entity::find()
        .filter(assessment::Column::CompanyId.eq(company_id))
        .filter(assessment::Column::Status.eq(status::SCORED))
        .order_by_asc(assessment::Column::ScoredAt)
        .all(db)
        .await?;
    Ok((scored, suppliers))
}

async fn suppliers_of<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Vec<supplier::Model>, DomainError> {
    Ok(supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(company_id))
        .all(db)
        .await?)
}
