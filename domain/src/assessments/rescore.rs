//! Re-scoring: when a source of a supplier's score changes (a new fee audit, the
//! company's risk overrides, a confirmed worker-voice case, a finding added or
//! closed by hand) or after an upgrade to a new scoring model, the supplier's
//! latest scored assessment is scored again by the background worker. Each run
//! goes into the supplier's risk history.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};
use uuid::Uuid;

use super::{ScoreAssessment, status};
use crate::{
    entities::assessment,
    error::DomainError,
    jobs::{self, JobOptions},
};

/// Scored or approved assessments, the latest (by submission) first.
fn scored() -> Select<assessment::Entity> {
    assessment::Entity::find()
        .filter(assessment::Column::Status.is_in([status::SCORED, status::APPROVED]))
        .order_by_desc(assessment::Column::SubmittedAt)
        .order_by_desc(assessment::Column::Id)
}

/// Queues one `score_assessment` job per supplier, for its latest scored
/// assessment; returns how many were queued.
async fn queue_latest<C: ConnectionTrait>(
    db: &C,
    rows: Vec<assessment::Model>,
) -> Result<usize, DomainError> {
    let mut seen = HashSet::new();
    let mut queued = 0;
    for row in rows {
        if seen.insert(row.supplier_id) {
            jobs::enqueue(
                db,
                &ScoreAssessment {
                    assessment_id: row.id,
                },
                JobOptions::default(),
            )
            .await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// Queues a re-score of the supplier's latest scored assessment (none when it has
/// no scored assessment); returns how many jobs were queued (0 or 1).
pub async fn rescore_supplier<C: ConnectionTrait>(db: &C, supplier_id: Uuid) -> Result<usize, DomainError> {
    let rows = scored()
        .filter(assessment::Column::SupplierId.eq(supplier_id))
        .all(db)
        .await?;
    queue_latest(db, rows).await
}

/// Queues a re-score of every supplier of the company that has a scored assessment.
pub async fn rescore_company<C: ConnectionTrait>(db: &C, company_id: Uuid) -> Result<usize, DomainError> {
    let rows = scored()
        .filter(assessment::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    queue_latest(db, rows).await
}

/// Queues a re-score of every supplier of every company that has a scored
/// assessment (`fairhire rescore --all`, after an upgrade to a new model).
pub async fn rescore_all<C: ConnectionTrait>(db: &C) -> Result<usize, DomainError> {
    let rows = scored().all(db).await?;
    queue_latest(db, rows).await
}

/// `POST /companies/{cid}/rescore`: an admin of the company queues a re-score of
/// every supplier with a scored assessment (after an upgrade, or to apply new
/// reference figures). Officers and advisors get `Forbidden`, as does a read-only
/// key; anyone outside the company `NotFound`.
pub async fn rescore_company_as<C: ConnectionTrait>(
    db: &C,
    caller: &crate::access::Caller,
    company_id: Uuid,
) -> Result<usize, DomainError> {
    let role = caller.company_role(company_id)?;
    if role != crate::values::Role::Admin || caller.read_only {
        return Err(DomainError::Forbidden(
            "only the company's admins may re-score every supplier",
        ));
    }
    rescore_company(db, company_id).await
}
