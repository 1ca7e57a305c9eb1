//! The demo's advisory report: the assessment of the supplier with the fee audit
//! gets the advisor's site-visit findings and a corrective action per finding, is
//! approved, and its English report is rendered at once, so a newcomer finds a
//! ready PDF under Reports. Idempotent: each step is skipped once done.

use anyhow::Context;
use domain::database::Database;
use domain::transaction::BeginWrite as _;
use domain::{
    assessments::status as assessment_status,
    entities::{assessment, corrective_action, finding, report},
    findings::{self, Decision, NewAction, NewFinding},
    reports,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// Findings the advisor recorded on the site visit: (severity, indicator, title, detail).
const VISIT: [(&str, &str, &str, &str); 3] = [
    (
        "major",
        "abusive_conditions",
        "Dormitory rooms house 14 workers with one washroom",
        "Seen on the site visit of the dormitory block B: 14 bunks per room, one washroom per \
         floor, no lockers. Workers interviewed said they cannot keep valuables safe.",
    ),
    (
        "major",
        "deception",
        "Contracts signed on arrival, in English only",
        "Six of eight workers interviewed signed their employment contract after arriving in \
         Bangladesh, in a language they do not read; the wage they were promised at home was \
         higher than the contracted wage.",
    ),
    (
        "minor",
        "excessive_overtime",
        "Overtime records are kept by hand and not countersigned",
        "Overtime sheets for March–May were handwritten by line supervisors; workers do not sign \
         them and receive no copy.",
    ),
];

/// What to do about a finding, by indicator.
fn action_for(indicator: &str) -> &'static str {
    match indicator {
        "retention_of_identity_documents" => {
            "Return every passport to its holder within 7 days; provide individual lockable storage."
        }
        "debt_bondage" | "recruitment_fees" => {
            "Reimburse all recruitment fees and related costs in full, with a repayment schedule agreed with the workers."
        }
        "deception" => {
            "Issue contracts in each worker's language before departure, matching the job offer; re-sign current contracts."
        }
        "restriction_of_movement" => {
            "Remove all restrictions on leaving the site and dormitory outside working hours."
        }
        "excessive_overtime" => {
            "Cap working hours at 60 per week including overtime; record hours electronically, countersigned by workers."
        }
        "withholding_of_wages" => {
            "Pay wages monthly into workers' own accounts; stop all deposits and deductions."
        }
        "abusive_conditions" => {
            "Reduce dormitory occupancy to 8 per room, add washrooms and lockers; verify at follow-up visit."
        }
        _ => "Agree a time-bound remediation plan with the supplier and verify it at the follow-up visit.",
    }
}

const OWNERS: [&str; 3] = [
    "compliance@dhaka-stitch.example",
    "hr@dhaka-stitch.example",
    "officer@northwind.example",
];

/// Approves the assessment of `supplier_id` (with findings and actions) and renders
/// its report as `advisor`.
pub async fn seed(
    db: &Database,
    supplier_id: Uuid,
    advisor: Uuid,
    files: &domain::files::FileStore,
) -> anyhow::Result<()> {
    let Some(current) = assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(supplier_id))
        .order_by_desc(assessment::Column::CreatedAt)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let current = if current.status == assessment_status::SCORED {
        let txn = db.begin_write().await?;
        for (severity, indicator, title, detail) in VISIT {
            findings::add_finding(
                &txn,
                &current,
                advisor,
                NewFinding {
                    severity: severity.into(),
                    indicator: indicator.into(),
                    question_key: None,
                    title: findings::FindingTitle::parse(title)
                        .map_err(|e| anyhow::anyhow!("demo finding title: {e:?}"))?,
                    detail: detail.into(),
                    zero_tolerance: false,
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("demo finding: {e:?}"))?;
        }
        let all = finding::Entity::find()
            .filter(finding::Column::SupplierId.eq(supplier_id))
            .order_by_asc(finding::Column::CreatedAt)
            .order_by_asc(finding::Column::Id)
            .all(&txn)
            .await?;
        for (n, parent) in all.into_iter().enumerate() {
            let has_action = corrective_action::Entity::find()
                .filter(corrective_action::Column::FindingId.eq(parent.id))
                .one(&txn)
                .await?
                .is_some();
            if has_action {
                continue;
            }
            let description = action_for(&parent.indicator).to_string();
            findings::add_action(
                &txn,
                parent,
                Some(advisor),
                NewAction {
                    description,
                    due_date: None,
                    owner_email: Some(OWNERS[n % OWNERS.len()].to_string()),
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("demo action: {e:?}"))?;
        }
        let approved = findings::review_assessment(
            &txn,
            current,
            advisor,
            Decision::Approve,
            Some("Approved after the site visit; remediation to be verified in 90 days.".into()),
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo approval: {e:?}"))?;
        txn.commit().await?;
        approved
    } else {
        current
    };
    if !reports::reportable(&current.status) {
        return Ok(());
    }
    let existing = report::Entity::find()
        .filter(report::Column::AssessmentId.eq(current.id))
        .one(db)
        .await?;
    let report_id = match existing {
        Some(row) => row.id,
        None => {
            reports::request_report(db, &current, Some("en"), advisor)
                .await
                .map_err(|e| anyhow::anyhow!("demo report: {e:?}"))?
                .id
        }
    };
    worker::jobs::render_report::render_to_store(db, files, report_id)
        .await
        .context("rendering the demo report")
}
