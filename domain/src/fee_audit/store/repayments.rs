//! Recording repayments to the workers of an audit (CSV `worker_ref,amount,currency,
//! paid_on`): all or nothing, converted with the company's rates. Paying a worker more
//! than owed is kept and shown as over-repayment. Once nothing is owed, the repay
//! action is `done`, waiting for an advisor or officer to verify it.

use std::{collections::HashSet, io::Read};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::{BATCH, UploadError, consequences::FINDING_SOURCE, fx_rates::rate_table, view};
use crate::{
    access::{Caller, SupplierAccess},
    audit::{self, AuditEntry},
    clock,
    entities::{corrective_action, fee_audit, finding, repayment, supplier},
    fee_audit::engine::read_repayments,
    findings::{ActionChange, action_status, change_action},
    values::Role,
};

/// Checks and stores a repayments upload for `audit`, and marks the repay action
/// `done` when nothing remains owed. Run it on a transaction; commit only on `Ok`.
pub async fn record_repayments<C: ConnectionTrait>(
    db: &C,
    audit: &fee_audit::Model,
    supplier: &supplier::Model,
    caller: &Caller,
    input: impl Read,
    today: NaiveDate,
) -> Result<(), UploadError> {
    // Two uploads for one audit must not both add to the same stored totals: the
    // audit row is locked until commit (PostgreSQL; SQLite serialises writers anyway).
    fee_audit::Entity::find_by_id(audit.id)
        .lock_exclusive()
        .one(db)
        .await?;
    let rates = rate_table(db, audit.company_id).await?;
    let (workers, mut ledger, store) = view::ledger(db, audit.id).await?;
    let known: HashSet<&str> = workers.iter().map(|w| w.worker_ref.as_str()).collect();
    let repayments =
        read_repayments(input, today, &rates, |r| known.contains(r)).map_err(UploadError::Rejected)?;
    ledger.record_all(&repayments).map_err(UploadError::Rejected)?;

    let now = clock::now();
    for chunk in repayments.chunks(BATCH) {
        let rows = chunk.iter().map(|r| repayment::ActiveModel {
            id: Set(Uuid::now_v7()),
            fee_audit_id: Set(audit.id),
            worker_ref: Set(r.worker_ref.clone()),
            amount: Set(r.amount.to_string()),
            currency: Set(r.currency.to_string()),
            paid_on: Set(r.paid_on),
            amount_usd: Set(r.amount_usd.to_string()),
            created_by: Set(Some(caller.user_id)),
            created_at: Set(now),
        });
        repayment::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    let progress = ledger.progress();
    let touched: HashSet<&str> = repayments.iter().map(|r| r.worker_ref.as_str()).collect();
    let totals: Vec<(&str, Decimal)> = progress
        .workers
        .iter()
        .filter(|w| touched.contains(w.worker_ref.as_str()))
        .map(|w| (w.worker_ref.as_str(), w.repaid_usd))
        .collect();
    view::store_repaid(db, audit.id, store, &totals).await?;
    if view::settled(&progress) {
        let role = match caller.supplier_access(supplier)? {
            SupplierAccess::Company(role) => role,
            SupplierAccess::OwnSupplier => Role::Supplier,
        };
        mark_repay_actions_done(db, audit.id, caller.user_id, role).await?;
    }
    audit::record(
        db,
        AuditEntry {
            company_id: Some(audit.company_id),
            actor_user_id: Some(caller.user_id),
            action: "fee_audit.repayments_recorded",
            entity_type: "fee_audit",
            entity_id: Some(audit.id),
            before: None,
            // Counts only: no worker references or amounts in the trail.
            after: Some(serde_json::json!({
                "repayments": repayments.len(),
                "workers_still_owed": progress.workers_still_owed,
            })),
        },
    )
    .await?;
    Ok(())
}

/// Moves the open repay actions of the audit's findings to `done`: the supplier has
/// repaid everyone; an advisor or officer verifies it next, which closes the finding.
async fn mark_repay_actions_done<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    actor: Uuid,
    role: Role,
) -> Result<(), UploadError> {
    let finding_ids: Vec<Uuid> = finding::Entity::find()
        .filter(finding::Column::FeeAuditId.eq(fee_audit_id))
        .filter(finding::Column::Source.eq(FINDING_SOURCE))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let open = corrective_action::Entity::find()
        .filter(corrective_action::Column::FindingId.is_in(finding_ids))
        .filter(corrective_action::Column::Status.is_in([action_status::OPEN, action_status::IN_PROGRESS]))
        .all(db)
        .await?;
    for action in open {
        let change = ActionChange {
            status: Some(action_status::DONE.into()),
            note: Some("Every worker has been repaid in full (recorded repayments).".into()),
        };
        change_action(db, action, actor, role, change).await?;
    }
    Ok(())
}
