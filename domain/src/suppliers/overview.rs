//! A supplier's page as its company sees it: the supplier, its risk trend, its
//! assessments, findings, reports and fee audits, its declared profile, and the
//! questionnaires a manager may send it. One read, with the access rule, so that
//! the portal holds no query of its own.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::profile::{SupplierProfile, profile_of};
use crate::{
    access::{Caller, SupplierAccess, readable},
    entities::{assessment, fee_audit, finding, questionnaire, report, supplier, supplier_risk_history},
    error::DomainError,
    values::Role,
};

/// How many fee audits the page lists.
const FEE_AUDITS_SHOWN: u64 = 50;

/// What a caller who may read the supplier sees of it.
#[derive(Debug)]
pub enum Overview {
    /// The supplier's own users: they have their own pages (their assessments).
    OwnSupplier(supplier::Model),
    /// A member of its company.
    Company(Box<CompanyOverview>),
}

/// The supplier and everything its company's page shows of it.
#[derive(Debug)]
pub struct CompanyOverview {
    /// The supplier.
    pub supplier: supplier::Model,
    /// The reader's role in the company.
    pub role: Role,
    /// Its risk scores over time, oldest first.
    pub history: Vec<supplier_risk_history::Model>,
    /// Its assessments, newest first.
    pub assessments: Vec<assessment::Model>,
    /// Its findings, newest first.
    pub findings: Vec<finding::Model>,
    /// Advisory reports of its assessments, newest first.
    pub reports: Vec<report::Model>,
    /// Its latest fee audits.
    pub fee_audits: Vec<fee_audit::Model>,
    /// The questionnaires the reader may send it (none unless they manage the
    /// company).
    pub questionnaires: Vec<questionnaire::Model>,
    /// Its declared workforce profile.
    pub profile: SupplierProfile,
}

/// Supplier `id` as `caller` may see it; anyone else gets `NotFound("supplier")`.
pub async fn overview<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Overview, DomainError> {
    let (found, access) = readable::supplier(db, caller, id).await?;
    let SupplierAccess::Company(role) = access else {
        return Ok(Overview::OwnSupplier(found));
    };
    let history = supplier_risk_history::Entity::find()
        .filter(supplier_risk_history::Column::SupplierId.eq(found.id))
        .order_by_asc(supplier_risk_history::Column::ComputedAt)
        .all(db)
        .await?;
    let assessments = assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(found.id))
        .order_by_desc(assessment::Column::CreatedAt)
        .all(db)
        .await?;
    let findings = finding::Entity::find()
        .filter(finding::Column::SupplierId.eq(found.id))
        .order_by_desc(finding::Column::CreatedAt)
        .all(db)
        .await?;
    let reports = report::Entity::find()
        .filter(report::Column::AssessmentId.is_in(assessments.iter().map(|a| a.id)))
        .order_by_desc(report::Column::CreatedAt)
        .all(db)
        .await?;
    let fee_audits = crate::fee_audit::store::list_fee_audits(
        db,
        found.id,
        &crate::listing::Start::Page(1),
        FEE_AUDITS_SHOWN,
    )
    .await?
    .items;
    let questionnaires = if role.manages_company() {
        crate::questionnaire::store::list_for_company(db, found.company_id).await?
    } else {
        Vec::new()
    };
    let profile = profile_of(db, found.id).await?;
    Ok(Overview::Company(Box::new(CompanyOverview {
        supplier: found,
        role,
        history,
        assessments,
        findings,
        reports,
        fee_audits,
        questionnaires,
        profile,
    })))
}
