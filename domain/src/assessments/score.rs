//! The `score_assessment` use case: what the worker runs for a submitted
//! assessment (and again when a source of its score changes: a new fee audit, the
//! company's risk overrides, a confirmed worker-voice case, a finding added or
//! closed by hand, or `fairhire rescore --all` after an upgrade). One transaction writes the score, band, breakdown and
//! findings, the supplier's current risk and its history row, and queues the
//! notifications. Running it twice changes nothing: findings are matched, not
//! duplicated.

use crate::transaction::BeginWrite as _;
use chrono::SubsecRound as _;
use rust_decimal::{Decimal, prelude::ToPrimitive};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
    sea_query::{Expr, ExprTrait, Order, Query, SubQueryStatement},
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{assessment, fee_audit, finding, supplier, supplier_risk_history},
    error::DomainError,
    risk_score::{self, FeeRiskInput, InherentRisk, RaisedFlag, SCORING_MODEL_VERSION},
};

use super::{
    score_inputs,
    score_load::{Inputs, ScoringInputs},
    status,
};

/// What a scoring run did.
#[derive(Debug, Clone)]
pub struct Scored {
    /// The assessment after scoring.
    pub assessment: assessment::Model,
    /// Findings created by this run (none on a re-run).
    pub new_findings: Vec<finding::Model>,
}

/// Scores the assessment; `None` when it is not in a state that is scored
/// (e.g. returned to the supplier in the meantime).
pub async fn score_assessment<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    assessment_id: Uuid,
) -> Result<Option<Scored>, DomainError> {
    score_assessment_from(db, assessment_id, None).await
}

/// [`score_assessment`] with inputs read ahead for a batch ([`ScoringInputs::load`]
/// on the batch's transaction); an assessment not among them (or already taken)
/// loads its own, through the same loader.
pub async fn score_assessment_from<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    assessment_id: Uuid,
    ahead: Option<&ScoringInputs>,
) -> Result<Option<Scored>, DomainError> {
    let txn = db.begin_write().await?;
    // Two runs of one scoring job at once (its lease ran out while the database was
    // away, and another slot took it) would both see a flag's finding as missing and
    // both insert it. The loader holds the assessment row until commit (PostgreSQL;
    // SQLite's `BEGIN IMMEDIATE` already serialises writers): the second run then
    // matches the first one's findings.
    let inputs = match ahead.and_then(|inputs| inputs.take(assessment_id)) {
        Some(inputs) => inputs?,
        None => match ScoringInputs::load(&txn, &[assessment_id])
            .await?
            .take(assessment_id)
        {
            Some(inputs) => inputs?,
            None => return Ok(None),
        },
    };
    let Inputs {
        assessment: current,
        definition,
        answers,
        owner,
        inherent,
        latest_audit,
        declared,
        open,
        from_voice,
        red_flags,
    } = inputs;
    if ![status::SUBMITTED, status::SCORED, status::APPROVED].contains(&current.status.as_str()) {
        return Ok(None);
    }
    let fee = latest_audit.as_ref().and_then(fee_input);
    let latest_audit_id = latest_audit.as_ref().map(|a| a.id);
    // What the supplier declared in its profile, beside what the latest fee audit
    // found: a country counts if it reaches 10% in either.
    let origins = score_inputs::worker_origins(&txn, owner.company_id, &declared, latest_audit_id).await?;
    let other_open = score_inputs::open_findings_elsewhere(&open, &from_voice, latest_audit_id);
    let closed_red_flags = score_inputs::closed_red_flags(&red_flags);
    let result = risk_score::score(&risk_score::ScoringInput {
        definition: &definition,
        answers: &answers,
        locale: &current.locale,
        inherent: InherentRisk {
            country: inherent.country,
            country_risk: inherent.country_risk,
            country_overridden: inherent.country_overridden,
            sector: inherent.sector,
            sector_risk: inherent.sector_risk,
            sector_overridden: inherent.sector_overridden,
            origins,
        },
        fee,
        other_open,
        closed_red_flags,
    });
    let new_findings = record_flags(&txn, &current, &red_flags, &result.flags).await?;
    // At the precision both databases keep (microseconds), so the model below
    // is what was stored.
    let now = clock::now().trunc_subsecs(6);
    let score = result.score.to_f64().unwrap_or_default();
    let was = current.status.clone();
    let mut scored = current;
    if was == status::SUBMITTED {
        scored.status = status::SCORED.into();
    }
    scored.score = Some(score);
    scored.risk_band = Some(result.band.as_str().into());
    scored.score_breakdown = Some(result.breakdown);
    scored.scored_at = Some(now);
    scored.updated_at = now;
    // Only the scored columns, and nothing read back: the row's answers and
    // breakdown decoded from a `RETURNING` were a quarter of a scoring job's
    // time in the worker (issue #23's profile).
    let written = assessment::Entity::update_many()
        .set(assessment::ActiveModel {
            status: Set(scored.status.clone()),
            score: Set(scored.score),
            risk_band: Set(scored.risk_band.clone()),
            score_breakdown: Set(scored.score_breakdown.clone()),
            scored_at: Set(scored.scored_at),
            updated_at: Set(scored.updated_at),
            ..Default::default()
        })
        .filter(assessment::Column::Id.eq(scored.id))
        .exec(&txn)
        .await?;
    if written.rows_affected != 1 {
        // The loader holds the row until commit; it cannot be gone.
        return Err(DomainError::Database(sea_orm::DbErr::RecordNotUpdated));
    }
    update_supplier(&txn, &owner, &scored).await?;
    crate::notifications::findings_raised(&txn, &new_findings).await?;
    publish_events(&txn, &scored, &new_findings).await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(scored.company_id),
            actor_user_id: None,
            action: "assessment.scored",
            entity_type: "assessment",
            entity_id: Some(scored.id),
            before: Some(serde_json::json!({"status": was})),
            after: Some(serde_json::json!({"status": scored.status, "score": score, "risk_band": scored.risk_band, "new_findings": new_findings.len()})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Some(Scored {
        assessment: scored,
        new_findings,
    }))
}

/// `assessment.scored`, then one `finding.created` per new finding (webhooks),
/// looking the company's webhooks up once for all of them.
async fn publish_events<C: ConnectionTrait>(
    db: &C,
    scored: &assessment::Model,
    new_findings: &[finding::Model],
) -> Result<(), DomainError> {
    let mut events = vec![(
        crate::events::ASSESSMENT_SCORED,
        serde_json::json!({"assessment_id": scored.id, "supplier_id": scored.supplier_id,
            "status": scored.status, "score": scored.score, "risk_band": scored.risk_band}),
    )];
    for f in new_findings {
        events.push((
            crate::events::FINDING_CREATED,
            serde_json::json!({"finding_id": f.id, "assessment_id": f.assessment_id,
                "supplier_id": f.supplier_id, "severity": f.severity, "indicator": f.indicator}),
        ));
    }
    // A finding belongs to its assessment's company, so one company covers all.
    crate::events::publish_all(db, scored.company_id, events).await
}

/// The exact fee-risk inputs stored with a fee audit's summary.
fn fee_input(audit: &fee_audit::Model) -> Option<FeeRiskInput> {
    let inputs = audit.summary.get("fee_risk_inputs")?;
    let decimal = |key: &str| -> Option<Decimal> {
        match inputs.get(key)? {
            serde_json::Value::String(s) => s.parse().ok(),
            serde_json::Value::Number(n) => n.to_string().parse().ok(),
            _ => None,
        }
    };
    Some(FeeRiskInput {
        share_of_workers_who_paid: decimal("share_of_workers_who_paid")?,
        median_months_of_wages_among_payers: decimal("median_months_of_wages")?,
        any_debt_bondage: inputs.get("any_debt_bondage")?.as_bool()?,
    })
}

/// Creates a finding for each raised flag that has none yet (matched by question
/// and severity), so a re-run adds nothing. One multi-row `INSERT` for all of
/// them: a submission raises about ten flags, and a statement each was a third
/// of a scoring job's round trips (issue #23's profile).
async fn record_flags<C: ConnectionTrait>(
    db: &C,
    on: &assessment::Model,
    existing: &[finding::Model],
    flags: &[RaisedFlag],
) -> Result<Vec<finding::Model>, DomainError> {
    let now = clock::now();
    let mut rows = Vec::new();
    for flag in flags {
        let severity = flag.severity.as_str();
        let known = existing
            .iter()
            .any(|f| f.question_key.as_deref() == Some(flag.question_key.as_str()) && f.severity == severity);
        if known {
            continue;
        }
        let detail = format!("Answer to {}: {}", flag.question_key, flag.answer);
        rows.push(finding::ActiveModel {
            id: Set(Uuid::now_v7()),
            company_id: Set(on.company_id),
            supplier_id: Set(on.supplier_id),
            assessment_id: Set(Some(on.id)),
            fee_audit_id: Set(None),
            severity: Set(severity.into()),
            zero_tolerance: Set(flag.zero_tolerance),
            indicator: Set(flag.indicator.clone()),
            question_key: Set(Some(flag.question_key.clone())),
            title: Set(flag.title.clone()),
            detail: Set(detail),
            status: Set(crate::findings::status::OPEN.into()),
            source: Set("red_flag".into()),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            // Raised by a red-flag rule: a reviewer confirms it.
            confirmed_at: Set(None),
            confirmed_by: Set(None),
        });
    }
    // The rows as stored (times at the database's precision), in the order of
    // the flags: neither database promises `RETURNING` in `VALUES` order.
    let order: Vec<Uuid> = rows.iter().filter_map(|row| row.id.clone().take()).collect();
    let mut created = finding::Entity::insert_many(rows).exec_with_returning(db).await?;
    created.sort_by_key(|f| order.iter().position(|id| *id == f.id));
    Ok(created)
}

/// The supplier's current risk is that of its latest scored assessment; every
/// scoring is kept in its history.
async fn update_supplier<C: ConnectionTrait>(
    db: &C,
    owner: &supplier::Model,
    scored: &assessment::Model,
) -> Result<(), DomainError> {
    let (Some(score), Some(band)) = (scored.score, scored.risk_band.clone()) else {
        return Ok(());
    };
    supplier_risk_history::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(owner.company_id),
        supplier_id: Set(owner.id),
        assessment_id: Set(scored.id),
        score: Set(score),
        risk_band: Set(band),
        model_version: Set(SCORING_MODEL_VERSION.into()),
        computed_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    // The supplier's risk from its latest scored assessment, read by the
    // `UPDATE` itself: one statement where a read and a write were two.
    let latest = |column: assessment::Column| {
        Expr::SubQuery(
            None,
            Box::new(SubQueryStatement::SelectStatement(
                Query::select()
                    .column(column)
                    .from(assessment::Entity)
                    .and_where(Expr::col(assessment::Column::SupplierId).eq(owner.id))
                    .and_where(
                        Expr::col(assessment::Column::Status).is_in([status::SCORED, status::APPROVED]),
                    )
                    .order_by(assessment::Column::SubmittedAt, Order::Desc)
                    .limit(1)
                    .to_owned(),
            )),
        )
    };
    supplier::Entity::update_many()
        .col_expr(supplier::Column::RiskScore, latest(assessment::Column::Score))
        .col_expr(supplier::Column::RiskBand, latest(assessment::Column::RiskBand))
        .filter(supplier::Column::Id.eq(owner.id))
        .exec(db)
        .await?;
    Ok(())
}
