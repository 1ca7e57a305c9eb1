//! Everything a report shows, loaded once so that rendering is a pure function of
//! this value (the same data always renders the same bytes).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    entities::{
        assessment, assessment_answer, corrective_action, evidence_file, fee_audit, finding, organization,
        questionnaire, report, supplier, user,
    },
    error::DomainError,
    fee_audit::engine::FeeAuditSummary,
    fee_audit::store::{RepaymentTotals, load_fee_audit_view},
    questionnaire::Definition,
    questionnaire::store::definition_of,
    reference,
    values::{CountryCode, Locale},
};

/// One answered question as the annex lists it.
#[derive(Debug, Clone)]
pub struct AnswerLine {
    /// The section's title.
    pub section: String,
    /// The question's key.
    pub key: String,
    /// The question's text.
    pub question: String,
    /// The answer as a reader sees it (option labels, not stored values).
    pub answer: String,
}

/// The supplier's latest fee audit.
#[derive(Debug, Clone)]
pub struct FeeAuditFigures {
    /// The stored summary.
    pub summary: FeeAuditSummary,
    /// Each worker's months of wages paid in fees, for the distribution.
    pub months_of_wages: Vec<Decimal>,
    /// Repayment progress since the audit.
    pub repayments: RepaymentTotals,
    /// When the audit was uploaded.
    pub uploaded_at: chrono::DateTime<chrono::Utc>,
}

/// What a report is rendered from.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The report row (its `created_at` is the document's date).
    pub report: report::Model,
    /// The language of every label.
    pub locale: Locale,
    /// The client company.
    pub company_name: String,
    /// The supplier assessed.
    pub supplier: supplier::Model,
    /// The assessment (score, band, breakdown).
    pub assessment: assessment::Model,
    /// The questionnaire's key and version.
    pub questionnaire: (String, i32),
    /// Who requested the report (the advisor of record).
    pub advisor: Option<String>,
    /// The supplier's country, named in `locale`.
    pub country_name: String,
    /// The sector, named in `locale`.
    pub sector_name: String,
    /// Citable sources of the country and sector risk figures.
    pub sources: Vec<String>,
    /// Indicator key → name in `locale`.
    pub indicator_names: BTreeMap<String, String>,
    /// Answers in questionnaire order.
    pub answers: Vec<AnswerLine>,
    /// The assessment's findings and those of the fee audit, oldest first.
    pub findings: Vec<finding::Model>,
    /// Corrective actions of those findings, by due date.
    pub actions: Vec<corrective_action::Model>,
    /// The latest fee audit, when there is one.
    pub fee_audit: Option<FeeAuditFigures>,
}

/// Loads the data of report `report_id`.
pub async fn load_report_data<C: ConnectionTrait>(
    db: &C,
    report_id: Uuid,
) -> Result<ReportData, DomainError> {
    let report = report::Entity::find_by_id(report_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("report"))?;
    let lost = |what: &str| DomainError::Internal(format!("report {report_id} lost its {what}"));
    let assessment = assessment::Entity::find_by_id(report.assessment_id)
        .one(db)
        .await?
        .ok_or_else(|| lost("assessment"))?;
    let supplier = supplier::Entity::find_by_id(assessment.supplier_id)
        .one(db)
        .await?
        .ok_or_else(|| lost("supplier"))?;
    let company_name = organization::Entity::find_by_id(report.company_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let questionnaire_row = questionnaire::Entity::find_by_id(assessment.questionnaire_id)
        .one(db)
        .await?
        .ok_or_else(|| lost("questionnaire"))?;
    let definition = definition_of(&questionnaire_row)?;
    let advisor = match report.requested_by {
        Some(id) => user::Entity::find_by_id(id).one(db).await?.map(|u| u.name),
        None => None,
    };
    let locale = Locale::parse(&report.locale).unwrap_or(Locale::En);
    let answers = answer_lines(db, &definition, assessment.id, locale).await?;
    let latest_audit = fee_audit::Entity::find()
        .filter(fee_audit::Column::SupplierId.eq(supplier.id))
        .order_by_desc(fee_audit::Column::CreatedAt)
        .one(db)
        .await?;
    let mut which = Condition::any().add(finding::Column::AssessmentId.eq(assessment.id));
    if let Some(audit) = &latest_audit {
        which = which.add(finding::Column::FeeAuditId.eq(audit.id));
    }
    let findings = finding::Entity::find()
        .filter(which)
        .order_by_asc(finding::Column::CreatedAt)
        .order_by_asc(finding::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = findings.iter().map(|f| f.id).collect();
    let actions = corrective_action::Entity::find()
        .filter(corrective_action::Column::FindingId.is_in(ids))
        .order_by_asc(corrective_action::Column::DueDate)
        .order_by_asc(corrective_action::Column::Id)
        .all(db)
        .await?;
    let fee_audit = match latest_audit {
        Some(audit) => Some(fee_figures(db, audit).await?),
        None => None,
    };
    let (country_name, sector_name, sources) = context(&supplier, locale);
    let indicator_names = reference::indicators()
        .iter()
        .map(|i| (i.key.to_string(), i.name(locale).to_string()))
        .collect();
    Ok(ReportData {
        report,
        locale,
        company_name,
        questionnaire: (definition.key.clone(), definition.version),
        supplier,
        assessment,
        advisor,
        country_name,
        sector_name,
        sources,
        indicator_names,
        answers,
        findings,
        actions,
        fee_audit,
    })
}

/// Country and sector names in `locale`, and the sources of their risk figures.
fn context(supplier: &supplier::Model, locale: Locale) -> (String, String, Vec<String>) {
    let country_name = reference::country_name(&supplier.country, locale)
        .unwrap_or(supplier.country.as_str())
        .to_string();
    let mut sources = Vec::new();
    if let Some(country) = CountryCode::parse(&supplier.country)
        .ok()
        .and_then(|c| reference::country(&c))
    {
        sources.extend(country.sources.iter().cloned());
    }
    let sector_name = match reference::sector(&supplier.sector) {
        Some(sector) => {
            sources.extend(sector.sources.iter().cloned());
            sector.name(locale).to_string()
        }
        None => supplier.sector.clone(),
    };
    sources.dedup();
    (country_name, sector_name, sources)
}

async fn fee_figures<C: ConnectionTrait>(
    db: &C,
    audit: fee_audit::Model,
) -> Result<FeeAuditFigures, DomainError> {
    let summary: FeeAuditSummary = serde_json::from_value(audit.summary.clone())
        .map_err(|e| DomainError::Internal(format!("fee audit {} summary does not parse: {e}", audit.id)))?;
    let uploaded_at = audit.created_at;
    let view = load_fee_audit_view(db, audit).await?;
    let months_of_wages = view
        .workers
        .iter()
        .filter(|w| w.paid)
        .filter_map(|w| w.months_of_wages.parse().ok())
        .collect();
    Ok(FeeAuditFigures {
        summary,
        months_of_wages,
        repayments: view.repayments,
        uploaded_at,
    })
}

async fn answer_lines<C: ConnectionTrait>(
    db: &C,
    definition: &Definition,
    assessment_id: Uuid,
    locale: Locale,
) -> Result<Vec<AnswerLine>, DomainError> {
    let stored: BTreeMap<String, serde_json::Value> = assessment_answer::Entity::find()
        .filter(assessment_answer::Column::AssessmentId.eq(assessment_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.question_key, a.value))
        .collect();
    // A file answer is stored as the evidence file's id; the annex names the file.
    let files: BTreeMap<String, String> = evidence_file::Entity::find()
        .filter(evidence_file::Column::AssessmentId.eq(assessment_id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id.to_string(), f.filename))
        .collect();
    let (code, fallback) = (locale.code(), definition.default_locale.as_str());
    let mut lines = Vec::new();
    for section in &definition.sections {
        for question in &section.questions {
            let Some(value) = stored.get(&question.key) else {
                continue;
            };
            let label = |raw: &str| -> String {
                question
                    .options
                    .iter()
                    .flatten()
                    .find(|o| o.value == raw)
                    .map(|o| o.label.get(code, fallback).to_string())
                    .unwrap_or_else(|| raw.to_string())
            };
            let answer = match value {
                serde_json::Value::String(s) if files.contains_key(s) => {
                    files.get(s).cloned().unwrap_or_default()
                }
                serde_json::Value::String(s) => label(s),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map(&label).unwrap_or_else(|| i.to_string()))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            lines.push(AnswerLine {
                section: section.title.get(code, fallback).to_string(),
                key: question.key.clone(),
                question: question.text.get(code, fallback).to_string(),
                answer,
            });
        }
    }
    Ok(lines)
}
