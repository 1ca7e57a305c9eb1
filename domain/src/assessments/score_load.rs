//! What scoring reads, for many assessments in a few queries (issue #23).
//!
//! Scoring one assessment reads about ten things (the assessment, its answers and
//! questionnaire, the supplier, the company's overrides, the latest fee audit, the
//! declared origins, the supplier's open findings and their voice links, the
//! assessment's red-flag findings). A batch of scoring jobs reads each of them once
//! for the whole batch, with `WHERE … IN (…)`, instead of once per assessment.
//!
//! There is one rule path: [`super::score_assessment`] alone loads its one
//! assessment through this same loader, so a batch and a job alone compute from
//! inputs read by the same code.
//!
//! Inputs read ahead must still be what the assessment's own turn would read. The
//! jobs of a batch run one after another in one transaction, and a scoring writes
//! its assessment, its red-flag findings, its supplier's risk and history: so an
//! assessment whose id or supplier appears twice in the batch is not read ahead at
//! all, and loads alone on its turn, after the earlier job's writes.

use std::{
    collections::{BTreeSet, HashMap, HashSet},
    sync::{Arc, Mutex, PoisonError},
};

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::{
    entities::{
        assessment, assessment_answer, fee_audit, finding, risk_override, supplier, voice_case_finding,
    },
    error::DomainError,
    findings,
    questionnaire::Definition,
    risk_overrides::{self, InherentInputs},
};

/// Everything scoring reads about one assessment, before its own writes.
#[derive(Debug, Clone)]
pub(super) struct Inputs {
    /// The assessment, locked until the transaction ends.
    pub assessment: assessment::Model,
    pub definition: Arc<Definition>,
    pub answers: crate::questionnaire::visibility::Answers,
    pub owner: supplier::Model,
    pub inherent: InherentInputs,
    pub latest_audit: Option<fee_audit::Model>,
    /// Declared origins (country code, share 0–1).
    pub declared: Vec<(String, Decimal)>,
    /// The supplier's findings that are not closed.
    pub open: Vec<finding::Model>,
    /// Which of `open` a worker-voice case raised.
    pub from_voice: BTreeSet<Uuid>,
    /// The assessment's own red-flag findings, any status.
    pub red_flags: Vec<finding::Model>,
}

/// The inputs of many assessments, read ahead for a batch; each is handed out
/// once ([`ScoringInputs::take`]).
#[derive(Debug, Default)]
pub struct ScoringInputs {
    by_assessment: Mutex<HashMap<Uuid, Result<Inputs, DomainError>>>,
}

impl ScoringInputs {
    /// Reads the inputs of `assessment_ids` (locking their rows until the
    /// transaction `db` ends), leaving out those whose id or supplier appears more
    /// than once (see the module). Ids of no assessment are left out too.
    pub async fn load<C: ConnectionTrait>(db: &C, assessment_ids: &[Uuid]) -> Result<Self, DomainError> {
        let loaded = load_all(db, assessment_ids).await?;
        Ok(Self {
            by_assessment: Mutex::new(loaded),
        })
    }

    /// The inputs of one assessment, once: a second call for it gives `None`. An
    /// input that is missing or does not read (its questionnaire, its supplier) is
    /// that assessment's error alone.
    pub(super) fn take(&self, assessment_id: Uuid) -> Option<Result<Inputs, DomainError>> {
        self.by_assessment
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&assessment_id)
    }

    /// How many assessments were read ahead.
    pub fn len(&self) -> usize {
        self.by_assessment
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Ids that occur once in `ids`.
fn once<I: IntoIterator<Item = Uuid>>(ids: I) -> HashSet<Uuid> {
    let mut seen = HashSet::new();
    let mut twice = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            twice.insert(id);
        }
    }
    seen.retain(|id| !twice.contains(id));
    seen
}

type Loaded = HashMap<Uuid, Result<Inputs, DomainError>>;

async fn load_all<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> Result<Loaded, DomainError> {
    let unique: Vec<Uuid> = once(ids.iter().copied()).into_iter().collect();
    if unique.is_empty() {
        return Ok(HashMap::new());
    }
    // Locked in id order, so two batches sharing an assessment take their locks in
    // the same order (PostgreSQL; SQLite's `BEGIN IMMEDIATE` serialises writers).
    let assessments = assessment::Entity::find()
        .filter(assessment::Column::Id.is_in(unique.clone()))
        .order_by_asc(assessment::Column::Id)
        .lock_exclusive()
        .all(db)
        .await?;
    let one_per_supplier = once(assessments.iter().map(|a| a.supplier_id));
    let assessments: Vec<assessment::Model> = assessments
        .into_iter()
        .filter(|a| one_per_supplier.contains(&a.supplier_id))
        .collect();
    if assessments.is_empty() {
        return Ok(HashMap::new());
    }
    let assessment_ids: Vec<Uuid> = assessments.iter().map(|a| a.id).collect();
    let supplier_ids: Vec<Uuid> = assessments.iter().map(|a| a.supplier_id).collect();

    // Parsed once per questionnaire (and cached across batches by the store).
    let mut definitions: HashMap<Uuid, Option<Arc<Definition>>> = HashMap::new();
    let questionnaire_ids: BTreeSet<Uuid> = assessments.iter().map(|a| a.questionnaire_id).collect();
    for id in questionnaire_ids {
        definitions.insert(id, crate::questionnaire::store::definition(db, id).await?);
    }
    let mut answers: HashMap<Uuid, crate::questionnaire::visibility::Answers> = HashMap::new();
    for row in assessment_answer::Entity::find()
        .filter(assessment_answer::Column::AssessmentId.is_in(assessment_ids.clone()))
        .all(db)
        .await?
    {
        answers
            .entry(row.assessment_id)
            .or_default()
            .insert(row.question_key, row.value);
    }
    let mut owners: HashMap<Uuid, supplier::Model> = supplier::Entity::find()
        .filter(supplier::Column::Id.is_in(supplier_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let company_ids: BTreeSet<Uuid> = owners.values().map(|s| s.company_id).collect();
    let mut overrides: HashMap<Uuid, Vec<risk_override::Model>> = HashMap::new();
    for row in risk_override::Entity::find()
        .filter(risk_override::Column::CompanyId.is_in(company_ids))
        .all(db)
        .await?
    {
        overrides.entry(row.company_id).or_default().push(row);
    }
    // Newest first, so the first seen per supplier is its latest (as the single
    // read `ORDER BY created_at DESC LIMIT 1`).
    let mut latest_audits: HashMap<Uuid, fee_audit::Model> = HashMap::new();
    for audit in fee_audit::Entity::find()
        .filter(fee_audit::Column::SupplierId.is_in(supplier_ids.clone()))
        .order_by_desc(fee_audit::Column::CreatedAt)
        .all(db)
        .await?
    {
        latest_audits.entry(audit.supplier_id).or_insert(audit);
    }
    let mut profiles = crate::suppliers::profile::profiles_of(db, supplier_ids.clone()).await?;
    let mut open: HashMap<Uuid, Vec<finding::Model>> = HashMap::new();
    let open_rows = finding::Entity::find()
        .filter(finding::Column::SupplierId.is_in(supplier_ids))
        .filter(finding::Column::Status.ne(findings::status::CLOSED))
        .all(db)
        .await?;
    let open_ids: Vec<Uuid> = open_rows.iter().map(|f| f.id).collect();
    // A voice case can only raise a finding once it is confirmed.
    let from_voice: BTreeSet<Uuid> = if open_ids.is_empty() {
        BTreeSet::new()
    } else {
        voice_case_finding::Entity::find()
            .filter(voice_case_finding::Column::FindingId.is_in(open_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|link| link.finding_id)
            .collect()
    };
    for f in open_rows {
        open.entry(f.supplier_id).or_default().push(f);
    }
    let mut red_flags: HashMap<Uuid, Vec<finding::Model>> = HashMap::new();
    for f in finding::Entity::find()
        .filter(finding::Column::AssessmentId.is_in(assessment_ids))
        .filter(finding::Column::Source.eq("red_flag"))
        .all(db)
        .await?
    {
        if let Some(on) = f.assessment_id {
            red_flags.entry(on).or_default().push(f);
        }
    }

    let mut loaded = HashMap::with_capacity(assessments.len());
    for a in assessments {
        let id = a.id;
        let owner = owners.remove(&a.supplier_id);
        let declared = profiles.remove(&a.supplier_id);
        let inputs = (|| {
            let owner = owner.ok_or(DomainError::NotFound("supplier"))?;
            let definition = definitions
                .get(&a.questionnaire_id)
                .cloned()
                .flatten()
                .ok_or(DomainError::NotFound("questionnaire"))?;
            let inherent = risk_overrides::inherent_from(
                overrides
                    .get(&owner.company_id)
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
                &owner.country,
                &owner.sector,
            );
            let declared = match declared {
                Some(profile) => crate::suppliers::profile::declared_in(profile)?
                    .into_iter()
                    .map(|(country, share)| (country.as_str().to_string(), share))
                    .collect(),
                None => Vec::new(),
            };
            let open = open.remove(&owner.id).unwrap_or_default();
            let from_voice = open
                .iter()
                .map(|f| f.id)
                .filter(|id| from_voice.contains(id))
                .collect();
            Ok(Inputs {
                definition,
                answers: answers.remove(&a.id).unwrap_or_default(),
                inherent,
                latest_audit: latest_audits.remove(&owner.id),
                declared,
                open,
                from_voice,
                red_flags: red_flags.remove(&a.id).unwrap_or_default(),
                owner,
                assessment: a,
            })
        })();
        loaded.insert(id, inputs);
    }
    Ok(loaded)
}
