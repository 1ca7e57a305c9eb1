//! Changing what the company records about a recruiter, in one transaction: the
//! fields checked (`fields`), the links checked against the company's own registry
//! and suppliers (another company's id is refused as unknown, naming the field), no
//! loop of sub-agents, the list fields of the contract kept in step, and the change
//! in the audit trail.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter,
};
use uuid::Uuid;

use super::{
    chain::{closes_loop, company_links},
    fields::{IrisRecord, IrisStatus, RecruiterInput},
};
use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::{recruiter, recruiter_employer, supplier},
    error::{DomainError, FieldError},
    fee_audit::store::load_recruiter,
};

/// The IRIS record stored on a row.
pub(super) fn stored_iris(r: &recruiter::Model) -> IrisRecord {
    IrisRecord {
        status: IrisStatus::parse(&r.iris_status).unwrap_or(IrisStatus::None),
        on: r.iris_status_on,
        source: r.iris_source.clone(),
    }
}

/// What the audit trail keeps of a recruiter (no personal data: a business's
/// registry fields).
async fn snapshot<C: ConnectionTrait>(
    db: &C,
    r: &recruiter::Model,
) -> Result<serde_json::Value, DomainError> {
    let works_for: Vec<Uuid> = recruiter_employer::Entity::find()
        .filter(recruiter_employer::Column::RecruiterId.eq(r.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.supplier_id)
        .collect();
    Ok(serde_json::json!({
        "sub_agent_of": r.sub_agent_of,
        "works_for": works_for,
        "origin_countries": r.origin_countries,
        "licences": r.licences,
        "iris_status": r.iris_status,
        "iris_status_on": r.iris_status_on,
        "iris_source": r.iris_source,
    }))
}

/// Applies `input` to recruiter `id` (officers and admins of its company; anyone
/// else of the company is `Forbidden`, another company `NotFound`).
pub async fn update_recruiter<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    input: RecruiterInput,
) -> Result<recruiter::Model, DomainError> {
    let current = load_recruiter(db, caller, id, true).await?;
    let changes = input.parse(&stored_iris(&current))?;
    let company_id = current.company_id;
    let mut errors = Vec::new();
    if let Some(Some(parent)) = changes.sub_agent_of {
        let links = company_links(db, company_id).await?;
        if !links.contains_key(&parent) {
            errors.push(FieldError::new(
                "sub_agent_of",
                "is not a recruiter of this company's registry",
            ));
        } else if closes_loop(&links, current.id, parent) {
            errors.push(FieldError::new(
                "sub_agent_of",
                "would close a loop: that recruiter already works, directly or through others, under this one",
            ));
        }
    }
    if let Some(ids) = &changes.works_for {
        let known = supplier::Entity::find()
            .filter(supplier::Column::CompanyId.eq(company_id))
            .filter(supplier::Column::Id.is_in(ids.iter().copied()))
            .count(db)
            .await?;
        if known != ids.len() as u64 {
            errors.push(FieldError::new(
                "works_for",
                "names a supplier that is not one of this company's",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let before = snapshot(db, &current).await?;
    let mut active = current.into_active_model();
    if let Some(parent) = changes.sub_agent_of {
        active.sub_agent_of = Set(parent);
    }
    if let Some(codes) = &changes.origin_countries {
        let codes: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
        active.origin_countries = Set(Some(serde_json::to_string(&codes)?));
    }
    if let Some(licences) = &changes.licences {
        active.licences = Set(Some(serde_json::to_string(licences)?));
        // The contract's list fields: the first licence the company lists.
        let first = licences.first();
        active.licence_number = Set(first.map(|l| l.number.clone()));
        active.licence_expires_on = Set(first.and_then(|l| l.expires_on));
    }
    if let Some(iris) = &changes.iris {
        active.iris_status = Set(iris.status.as_str().to_string());
        active.iris_status_on = Set(iris.on);
        active.iris_source = Set(iris.source.clone());
        active.iris_certified = Set(iris.status == IrisStatus::Certified);
    }
    active.updated_at = Set(clock::now());
    let updated = active.update(db).await?;
    if let Some(ids) = changes.works_for {
        recruiter_employer::Entity::delete_many()
            .filter(recruiter_employer::Column::RecruiterId.eq(updated.id))
            .exec(db)
            .await?;
        if !ids.is_empty() {
            let rows = ids
                .into_iter()
                .map(|supplier_id| recruiter_employer::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    company_id: Set(company_id),
                    recruiter_id: Set(updated.id),
                    supplier_id: Set(supplier_id),
                });
            recruiter_employer::Entity::insert_many(rows)
                .exec_without_returning(db)
                .await?;
        }
    }
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(caller.user_id),
            action: "recruiter.updated",
            entity_type: "recruiter",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(snapshot(db, &updated).await?),
        },
    )
    .await?;
    Ok(updated)
}
