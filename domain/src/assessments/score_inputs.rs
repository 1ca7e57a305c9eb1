//! What scoring model 2 reads besides the answers: where the supplier's workers
//! come from, and the supplier's open findings from every source.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{
    entities::finding,
    error::DomainError,
    fee_audit::store::{RepaymentTally, worker_page},
    findings,
    questionnaire::Severity,
    risk_overrides,
    risk_score::{
        FindingSource, OpenFinding, WorkerOrigin, origins_from_declared_and_audited, shares_of_workers,
    },
};

/// Each nationality's share of the distinct workers of a fee audit, read a page
/// at a time (an audit may list 200,000 workers).
pub async fn audited_origins<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
) -> Result<Vec<(String, rust_decimal::Decimal)>, DomainError> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut tally = RepaymentTally::default();
    let mut after: Option<String> = None;
    loop {
        let page = worker_page(db, fee_audit_id, after.as_deref(), &mut tally).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.worker_ref.clone());
        for worker in &page {
            *counts.entry(worker.nationality.clone()).or_default() += 1;
        }
    }
    Ok(shares_of_workers(&counts))
}

/// The worker origins scoring reads, each with its country risk (the company's
/// override or the reference): a country counts if it reaches 10% in either the
/// supplier profile's declared origins (`declared`) or the latest fee audit.
pub async fn worker_origins<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    declared: &[(String, rust_decimal::Decimal)],
    latest_audit: Option<Uuid>,
) -> Result<Vec<WorkerOrigin>, DomainError> {
    let audited = match latest_audit {
        Some(id) => audited_origins(db, id).await?,
        None => Vec::new(),
    };
    let mut origins = Vec::new();
    for (country, share) in origins_from_declared_and_audited(declared, &audited) {
        let country_risk = risk_overrides::country_risk(db, company_id, &country).await?;
        origins.push(WorkerOrigin {
            country,
            share,
            country_risk,
        });
    }
    Ok(origins)
}

fn severity(raw: &str) -> Option<Severity> {
    match raw {
        "priority" => Some(Severity::Priority),
        "major" => Some(Severity::Major),
        "minor" => Some(Severity::Minor),
        _ => None,
    }
}

/// The supplier's open findings that set floors besides this assessment's red
/// flags: those of its latest fee audit, those raised from confirmed worker-voice
/// cases (`from_voice`: the ids linked to a case), those added by hand (to any of
/// its assessments), confirmed screening hits, and worker-pulse contradictions once
/// a person confirmed them. `open` is every finding of the supplier not closed.
pub(super) fn open_findings_elsewhere<'a>(
    open: impl IntoIterator<Item = &'a finding::Model>,
    from_voice: &BTreeSet<Uuid>,
    latest_audit: Option<Uuid>,
) -> Vec<OpenFinding> {
    let mut found = Vec::new();
    for f in open {
        let source = if latest_audit.is_some() && f.fee_audit_id == latest_audit {
            FindingSource::FeeAudit
        } else if from_voice.contains(&f.id) {
            FindingSource::WorkerVoice
        } else if f.source == "manual" {
            FindingSource::Manual
        } else if f.source == crate::screening::review::FINDING_SOURCE {
            FindingSource::Screening
        } else if f.source == crate::voice::pulse::contradictions::SOURCE && f.confirmed_at.is_some() {
            FindingSource::WorkerPulse
        } else {
            continue;
        };
        let Some(severity) = severity(&f.severity) else {
            continue;
        };
        found.push(OpenFinding {
            source,
            indicator: f.indicator.clone(),
            severity,
            zero_tolerance: f.zero_tolerance,
            title: f.title.clone(),
        });
    }
    found
}

/// This assessment's red flags whose finding was closed (dismissed or remedied):
/// the answer still raises them, but they are no longer open. `red_flags` is every
/// red-flag finding of the assessment.
pub(super) fn closed_red_flags(red_flags: &[finding::Model]) -> Vec<(String, Severity)> {
    red_flags
        .iter()
        .filter(|f| f.status == findings::status::CLOSED)
        .filter_map(|f| Some((f.question_key.clone()?, severity(&f.severity)?)))
        .collect()
}
