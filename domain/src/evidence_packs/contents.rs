//! What a pack says: one value, serialised as it stands for the JSON file and
//! laid out by the worker for the PDF, so the two never disagree. Amounts are
//! decimal strings in USD, as the fee-audit API gives them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::regimes::Ask;

/// The whole pack.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PackContents {
    /// The pack's id.
    pub pack_id: Uuid,
    /// When it was requested (the document's date).
    pub generated_at: DateTime<Utc>,
    /// `uflpa` or `eu_flr`.
    pub regime: String,
    /// Who it is addressed to.
    pub authority: String,
    /// The language of the PDF's headings.
    pub locale: String,
    /// The client company.
    pub company: String,
    /// What the authority asks, each with its source and where it is answered.
    pub asks: Vec<Ask>,
    /// The headline figures.
    pub summary: Summary,
    /// Every party and its role.
    pub parties: Vec<Party>,
    /// The products the supplier makes.
    pub products: Vec<ProductLine>,
    /// Product → supplier → site → recruiter.
    pub map: SupplyMap,
    /// The supplier's assessments, oldest first.
    pub assessments: Vec<AssessmentLine>,
    /// Every finding about the supplier, oldest first.
    pub findings: Vec<FindingLine>,
    /// The latest fee audit and the repayments recorded since.
    pub fee_audit: Option<FeeAuditLine>,
    /// Corrective actions, by due date.
    pub corrective_actions: Vec<ActionLine>,
    /// Worker-voice cases counted, never read.
    pub worker_voice: VoiceFigures,
    /// Forced-labour list screening of the supplier, its sub-tier suppliers and
    /// its recruiters.
    pub screening: Vec<ScreeningLine>,
    /// Every evidence file of the supplier, with its SHA-256.
    pub evidence: Vec<EvidenceLine>,
}

/// The executive summary's figures.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// The supplier.
    pub supplier: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// The supplier's current risk band (`None`: never scored).
    pub risk_band: Option<String>,
    /// Its current risk score, 0–100.
    pub risk_score: Option<f64>,
    /// Findings not closed, by severity.
    pub open_findings_by_severity: BTreeMap<String, u64>,
    /// Workers in the latest fee audit.
    pub workers: u64,
    /// Of them, who paid a recruitment fee.
    pub workers_who_paid: u64,
    /// Owed to workers at the audit (USD).
    pub fees_outstanding_usd: String,
    /// Repaid since (USD).
    pub fees_repaid_usd: String,
    /// Still owed (USD).
    pub fees_remaining_usd: String,
    /// Corrective actions not yet done or verified.
    pub open_actions: u64,
    /// Screening hits confirmed by a reviewer.
    pub confirmed_screening_hits: u64,
    /// Evidence files indexed.
    pub evidence_files: u64,
}

/// A party of the chain.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Party {
    /// `supplier`, `sub_supplier`, `site` or `recruiter`.
    pub kind: String,
    /// Its id on the platform.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// ISO 3166-1 alpha-2, when known.
    pub country: Option<String>,
    /// Its role, as recorded (`maker of …`, `tier 2, supplies cotton to …`).
    pub role: String,
}

/// A product the supplier makes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ProductLine {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// SKU.
    pub sku: String,
    /// HS code, when given.
    pub hs_code: Option<String>,
    /// The supplier's role in making it.
    pub role: String,
    /// Raw-material origins: `material (country)`.
    pub origins: Vec<String>,
}

/// The supply map as a graph.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SupplyMap {
    /// Boxes.
    pub nodes: Vec<MapNode>,
    /// Lines.
    pub edges: Vec<MapEdge>,
}

/// A box of the map.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MapNode {
    /// The party's or product's id.
    pub id: Uuid,
    /// `product`, `supplier`, `site` or `recruiter` (the column it is drawn in).
    pub kind: String,
    /// Its name.
    pub label: String,
}

/// A line of the map.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MapEdge {
    /// From (left).
    pub from: Uuid,
    /// To (right).
    pub to: Uuid,
    /// What the link is (`role`, `material`), when recorded.
    pub label: Option<String>,
}

/// An assessment.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AssessmentLine {
    /// Its id.
    pub id: Uuid,
    /// Its status.
    pub status: String,
    /// Score, 0–100, once scored.
    pub score: Option<f64>,
    /// Band, once scored.
    pub risk_band: Option<String>,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// When it was scored.
    pub scored_at: Option<DateTime<Utc>>,
}

/// A finding.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FindingLine {
    /// Its id.
    pub id: Uuid,
    /// Its title.
    pub title: String,
    /// `info`, `minor`, `major` or `priority`.
    pub severity: String,
    /// The ILO indicator.
    pub indicator: String,
    /// `open`, `in_progress` or `closed`.
    pub status: String,
    /// What raised it (`scoring`, `fee_audit`, `screening`, `manual`…).
    pub source: String,
    /// The assessment it came from, if any.
    pub assessment_id: Option<Uuid>,
    /// When it was raised.
    pub created_at: DateTime<Utc>,
}

/// The latest fee audit's results and repayments to date.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FeeAuditLine {
    /// The audit.
    pub id: Uuid,
    /// When it was uploaded.
    pub uploaded_at: DateTime<Utc>,
    /// Workers audited.
    pub workers: u64,
    /// Who paid a fee.
    pub workers_who_paid: u64,
    /// Fees paid (USD).
    pub total_fees_usd: String,
    /// Reimbursed before the audit (USD).
    pub total_reimbursed_usd: String,
    /// Owed at the audit (USD).
    pub total_outstanding_usd: String,
    /// Repaid since (USD).
    pub total_repaid_usd: String,
    /// Still owed (USD).
    pub total_remaining_usd: String,
    /// Workers still owed something.
    pub workers_still_owed: u64,
    /// Nothing is owed any more.
    pub settled: bool,
    /// Workers whose fees exceed the debt-bondage threshold.
    pub workers_with_debt_bondage_risk: u64,
}

/// A corrective action.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActionLine {
    /// Its id.
    pub id: Uuid,
    /// The finding it remedies.
    pub finding_title: String,
    /// What is to be done.
    pub description: String,
    /// By when.
    pub due_date: NaiveDate,
    /// `open`, `in_progress`, `done` or `verified`.
    pub status: String,
}

/// Worker-voice cases in aggregate. A count of 1 to `threshold - 1` is withheld
/// (`null`): a small number in a named category at a named supplier can point
/// at the person who spoke.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct VoiceFigures {
    /// The smallest count shown (the voice module's pulse threshold).
    pub threshold: u64,
    /// All cases of the supplier (withheld below the threshold).
    pub total: Option<u64>,
    /// By category key.
    pub by_category: BTreeMap<String, Option<u64>>,
    /// By status.
    pub by_status: BTreeMap<String, Option<u64>>,
}

/// A screening result.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ScreeningLine {
    /// `supplier` or `recruiter`.
    pub subject_type: String,
    /// The name screened.
    pub subject_name: String,
    /// The list (`uflpa_entity_list`, `ilab_goods`, `cbp_wro`).
    pub list_key: String,
    /// The entry it resembles.
    pub entry_name: String,
    /// Similarity, 0–1.
    pub score: f64,
    /// `open`, `confirmed` or `dismissed`.
    pub status: String,
    /// The reviewer's reason, once decided.
    pub reason: Option<String>,
}

/// An evidence file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct EvidenceLine {
    /// Its id.
    pub id: Uuid,
    /// The name it was uploaded with.
    pub filename: String,
    /// Its type, decided from the content.
    pub content_type: String,
    /// Bytes.
    pub size_bytes: i64,
    /// SHA-256 of the stored bytes, hex.
    pub sha256: String,
    /// Its path in the pack's ZIP.
    pub zip_path: String,
    /// Where the bytes are stored (not serialised: internal).
    #[serde(skip)]
    pub storage_key: String,
}

impl VoiceFigures {
    /// `n`, or `None` when it is below the threshold but not zero.
    pub fn shown(threshold: u64, n: u64) -> Option<u64> {
        (n == 0 || n >= threshold).then_some(n)
    }
}
