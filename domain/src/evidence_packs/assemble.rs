//! Assembling a pack's contents from the platform's records, for the worker.
//! Everything is read for the pack's supplier only: its sites, recruiters,
//! products, its own suppliers tier by tier, assessments, findings, actions, the
//! latest fee audit, voice cases (counted), screening hits and evidence files.

use std::collections::{BTreeMap, HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::{
    Regime,
    contents::{
        ActionLine, AssessmentLine, EvidenceLine, FeeAuditLine, FindingLine, MapEdge, MapNode, PackContents,
        Party, ProductLine, ScreeningLine, Summary, SupplyMap, VoiceFigures,
    },
};
use crate::{
    entities::{
        assessment, corrective_action, evidence_file, evidence_pack, fee_audit, fee_audit_recruiter, finding,
        material_origin, organization, product, product_source, recruiter, recruiter_employer, screening_hit,
        supplier, supplier_site, voice_case,
    },
    error::DomainError,
    fee_audit::{engine::FeeAuditSummary, store::load_fee_audit_view},
    findings, products, screening, voice,
};

/// The contents of `pack` as of now (no access check: the request made it).
pub async fn assemble_contents<C: ConnectionTrait>(
    db: &C,
    pack: &evidence_pack::Model,
) -> Result<PackContents, DomainError> {
    let regime = Regime::parse(&pack.regime)?;
    let lost = |what: &str| DomainError::Internal(format!("evidence pack {} lost its {what}", pack.id));
    let owner = supplier::Entity::find_by_id(pack.supplier_id)
        .one(db)
        .await?
        .filter(|s| s.company_id == pack.company_id)
        .ok_or_else(|| lost("supplier"))?;
    let company = organization::Entity::find_by_id(pack.company_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();

    let mut chain = Chain::default();
    chain.supplier(db, &owner).await?;
    let findings = findings_of(db, &owner).await?;
    let actions = actions_of(db, &owner, &findings).await?;
    let fee_audit = fee_audit_of(db, owner.id).await?;
    let screening = screening_of(db, pack.company_id, &chain.screened_ids()).await?;
    let evidence = evidence_of(db, &owner).await?;

    let mut open_by_severity: BTreeMap<String, u64> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.status != findings::status::CLOSED) {
        *open_by_severity.entry(f.severity.clone()).or_default() += 1;
    }
    let zero = || "0.00".to_string();
    let summary = Summary {
        supplier: owner.name.clone(),
        country: owner.country.clone(),
        risk_band: owner.risk_band.clone(),
        risk_score: owner.risk_score,
        open_findings_by_severity: open_by_severity,
        workers: fee_audit.as_ref().map_or(0, |f| f.workers),
        workers_who_paid: fee_audit.as_ref().map_or(0, |f| f.workers_who_paid),
        fees_outstanding_usd: fee_audit
            .as_ref()
            .map_or_else(zero, |f| f.total_outstanding_usd.clone()),
        fees_repaid_usd: fee_audit
            .as_ref()
            .map_or_else(zero, |f| f.total_repaid_usd.clone()),
        fees_remaining_usd: fee_audit
            .as_ref()
            .map_or_else(zero, |f| f.total_remaining_usd.clone()),
        open_actions: actions
            .iter()
            .filter(|a| {
                a.status != findings::action_status::DONE && a.status != findings::action_status::VERIFIED
            })
            .count() as u64,
        confirmed_screening_hits: screening
            .iter()
            .filter(|s| s.status == screening::status::CONFIRMED)
            .count() as u64,
        evidence_files: evidence.len() as u64,
    };
    Ok(PackContents {
        pack_id: pack.id,
        generated_at: pack.created_at,
        regime: regime.as_str().to_string(),
        authority: regime.authority().to_string(),
        locale: pack.locale.clone(),
        company,
        asks: regime.asks(),
        summary,
        assessments: assessments_of(db, owner.id).await?,
        worker_voice: voice_of(db, owner.id).await?,
        parties: chain.parties,
        products: chain.products,
        map: chain.map,
        findings,
        fee_audit,
        corrective_actions: actions,
        screening,
        evidence,
    })
}

/// The parties, products and map, built together so they name the same things.
#[derive(Default)]
struct Chain {
    parties: Vec<Party>,
    products: Vec<ProductLine>,
    map: SupplyMap,
    sub_suppliers: Vec<Uuid>,
    recruiters: Vec<Uuid>,
    owner: Option<Uuid>,
}

impl Chain {
    fn node(&mut self, id: Uuid, kind: &str, label: &str) {
        if !self.map.nodes.iter().any(|n| n.id == id) {
            self.map.nodes.push(MapNode {
                id,
                kind: kind.to_string(),
                label: label.to_string(),
            });
        }
    }

    fn edge(&mut self, from: Uuid, to: Uuid, label: Option<String>) {
        self.map.edges.push(MapEdge { from, to, label });
    }

    fn screened_ids(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self.owner.into_iter().collect();
        ids.extend(&self.sub_suppliers);
        ids.extend(&self.recruiters);
        ids
    }

    async fn supplier<C: ConnectionTrait>(
        &mut self,
        db: &C,
        owner: &supplier::Model,
    ) -> Result<(), DomainError> {
        self.owner = Some(owner.id);
        self.parties.push(Party {
            kind: "supplier".into(),
            id: owner.id,
            name: owner.name.clone(),
            country: Some(owner.country.clone()),
            role: "supplier under review (tier 1)".into(),
        });
        let sources = product_source::Entity::find()
            .filter(product_source::Column::CompanyId.eq(owner.company_id))
            .filter(product_source::Column::SupplierId.eq(owner.id))
            .order_by_asc(product_source::Column::CreatedAt)
            .all(db)
            .await?;
        let products: HashMap<Uuid, product::Model> = product::Entity::find()
            .filter(product::Column::CompanyId.eq(owner.company_id))
            .filter(product::Column::Id.is_in(sources.iter().map(|s| s.product_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let origins = material_origin::Entity::find()
            .filter(material_origin::Column::CompanyId.eq(owner.company_id))
            .filter(material_origin::Column::ProductId.is_in(products.keys().copied()))
            .order_by_asc(material_origin::Column::Material)
            .all(db)
            .await?;
        let sites = supplier_site::Entity::find()
            .filter(supplier_site::Column::CompanyId.eq(owner.company_id))
            .filter(supplier_site::Column::SupplierId.eq(owner.id))
            .order_by_asc(supplier_site::Column::Name)
            .all(db)
            .await?;
        self.node(owner.id, "supplier", &owner.name);
        for source in &sources {
            let Some(made) = products.get(&source.product_id) else {
                continue;
            };
            self.node(made.id, "product", &made.name);
            self.edge(made.id, owner.id, Some(source.role.clone()));
            self.products.push(ProductLine {
                id: made.id,
                name: made.name.clone(),
                sku: made.sku.clone(),
                hs_code: made.hs_code.clone(),
                role: source.role.clone(),
                origins: origins
                    .iter()
                    .filter(|o| o.product_id == made.id)
                    .map(|o| format!("{} ({})", o.material, o.country))
                    .collect(),
            });
        }
        for site in &sites {
            self.parties.push(Party {
                kind: "site".into(),
                id: site.id,
                name: site.name.clone(),
                country: Some(site.country.clone()),
                role: format!("site of {} ({} workers)", owner.name, site.headcount),
            });
            self.node(site.id, "site", &site.name);
            self.edge(owner.id, site.id, None);
        }
        self.recruiters(db, owner, &sites).await?;
        self.tiers(db, owner).await
    }

    /// The recruiters that place workers with the supplier, drawn after its
    /// sites (the platform records the employer, not the site, of a recruiter).
    async fn recruiters<C: ConnectionTrait>(
        &mut self,
        db: &C,
        owner: &supplier::Model,
        sites: &[supplier_site::Model],
    ) -> Result<(), DomainError> {
        // Those the company's registry names for it, and those its fee audits found.
        let mut ids: HashSet<Uuid> = recruiter_employer::Entity::find()
            .filter(recruiter_employer::Column::CompanyId.eq(owner.company_id))
            .filter(recruiter_employer::Column::SupplierId.eq(owner.id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.recruiter_id)
            .collect();
        ids.extend(
            fee_audit_recruiter::Entity::find()
                .filter(fee_audit_recruiter::Column::CompanyId.eq(owner.company_id))
                .filter(fee_audit_recruiter::Column::SupplierId.eq(owner.id))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.recruiter_id),
        );
        let found = recruiter::Entity::find()
            .filter(recruiter::Column::CompanyId.eq(owner.company_id))
            .filter(recruiter::Column::Id.is_in(ids))
            .order_by_asc(recruiter::Column::Name)
            .all(db)
            .await?;
        for agency in found {
            self.recruiters.push(agency.id);
            self.parties.push(Party {
                kind: "recruiter".into(),
                id: agency.id,
                name: agency.name.clone(),
                country: agency.country.clone(),
                role: format!("recruits workers for {}", owner.name),
            });
            self.node(agency.id, "recruiter", &agency.name);
            if sites.is_empty() {
                self.edge(owner.id, agency.id, None);
            }
            for site in sites {
                self.edge(site.id, agency.id, None);
            }
        }
        Ok(())
    }

    /// The supplier's own suppliers, each at its lowest tier (the products
    /// module's one tier rule: the fewest links from a buyer on the map).
    async fn tiers<C: ConnectionTrait>(
        &mut self,
        db: &C,
        owner: &supplier::Model,
    ) -> Result<(), DomainError> {
        let (_, links) = products::below(db, owner).await?;
        for link in links {
            // The supplier under review is tier 1 here; `below` counts from it.
            let tier = link.tier + 1;
            let material = link.material.filter(|m| !m.trim().is_empty());
            if !self.sub_suppliers.contains(&link.supplier.id) {
                self.sub_suppliers.push(link.supplier.id);
                let supplies = material.as_deref().map(|m| format!(" {m}")).unwrap_or_default();
                self.parties.push(Party {
                    kind: "sub_supplier".into(),
                    id: link.supplier.id,
                    name: link.supplier.name.clone(),
                    country: Some(link.supplier.country.clone()),
                    role: format!("tier {tier}, supplies{supplies} to {}", link.buyer.name),
                });
            }
            self.node(link.supplier.id, "supplier", &link.supplier.name);
            self.edge(link.supplier.id, link.buyer.id, material);
        }
        Ok(())
    }
}

async fn assessments_of<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
) -> Result<Vec<AssessmentLine>, DomainError> {
    Ok(assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(supplier_id))
        .order_by_asc(assessment::Column::CreatedAt)
        .order_by_asc(assessment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| AssessmentLine {
            id: a.id,
            status: a.status,
            score: a.score,
            risk_band: a.risk_band,
            created_at: a.created_at,
            scored_at: a.scored_at,
        })
        .collect())
}

async fn findings_of<C: ConnectionTrait>(
    db: &C,
    owner: &supplier::Model,
) -> Result<Vec<FindingLine>, DomainError> {
    Ok(finding::Entity::find()
        .filter(finding::Column::CompanyId.eq(owner.company_id))
        .filter(finding::Column::SupplierId.eq(owner.id))
        .order_by_asc(finding::Column::CreatedAt)
        .order_by_asc(finding::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|f| FindingLine {
            id: f.id,
            title: f.title,
            severity: f.severity,
            indicator: f.indicator,
            status: f.status,
            source: f.source,
            assessment_id: f.assessment_id,
            created_at: f.created_at,
        })
        .collect())
}

async fn actions_of<C: ConnectionTrait>(
    db: &C,
    owner: &supplier::Model,
    findings: &[FindingLine],
) -> Result<Vec<ActionLine>, DomainError> {
    let titles: HashMap<Uuid, &str> = findings.iter().map(|f| (f.id, f.title.as_str())).collect();
    Ok(corrective_action::Entity::find()
        .filter(corrective_action::Column::CompanyId.eq(owner.company_id))
        .filter(corrective_action::Column::SupplierId.eq(owner.id))
        .order_by_asc(corrective_action::Column::DueDate)
        .order_by_asc(corrective_action::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| ActionLine {
            id: a.id,
            finding_title: titles
                .get(&a.finding_id)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            description: a.description,
            due_date: a.due_date,
            status: a.status,
        })
        .collect())
}

async fn fee_audit_of<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
) -> Result<Option<FeeAuditLine>, DomainError> {
    let Some(audit) = fee_audit::Entity::find()
        .filter(fee_audit::Column::SupplierId.eq(supplier_id))
        .order_by_desc(fee_audit::Column::CreatedAt)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let summary: FeeAuditSummary = serde_json::from_value(audit.summary.clone())
        .map_err(|e| DomainError::Internal(format!("fee audit {} summary does not parse: {e}", audit.id)))?;
    let (id, uploaded_at) = (audit.id, audit.created_at);
    let repaid = load_fee_audit_view(db, audit).await?.repayments;
    Ok(Some(FeeAuditLine {
        id,
        uploaded_at,
        workers: summary.workers,
        workers_who_paid: summary.workers_who_paid,
        total_fees_usd: summary.total_fees_usd.round_dp(2).to_string(),
        total_reimbursed_usd: summary.total_reimbursed_usd.round_dp(2).to_string(),
        total_outstanding_usd: repaid.total_outstanding_usd,
        total_repaid_usd: repaid.total_repaid_usd,
        total_remaining_usd: repaid.total_remaining_usd,
        workers_still_owed: repaid.workers_still_owed,
        settled: repaid.settled,
        workers_with_debt_bondage_risk: summary.workers_with_debt_bondage_risk,
    }))
}

/// Counts of the supplier's voice cases by category and status, from their
/// plain columns only (never the sealed words or contact).
async fn voice_of<C: ConnectionTrait>(db: &C, supplier_id: Uuid) -> Result<VoiceFigures, DomainError> {
    let threshold = voice::pulse::MIN_ANSWERS;
    let rows: Vec<(String, String)> = voice_case::Entity::find()
        .select_only()
        .column(voice_case::Column::Category)
        .column(voice_case::Column::Status)
        .filter(voice_case::Column::SupplierId.eq(supplier_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_status: BTreeMap<String, u64> = BTreeMap::new();
    for (category, status) in &rows {
        *by_category.entry(category.clone()).or_default() += 1;
        *by_status.entry(status.clone()).or_default() += 1;
    }
    let shown = |counts: BTreeMap<String, u64>| {
        counts
            .into_iter()
            .map(|(k, n)| (k, VoiceFigures::shown(threshold, n)))
            .collect()
    };
    Ok(VoiceFigures {
        threshold,
        total: VoiceFigures::shown(threshold, rows.len() as u64),
        by_category: shown(by_category),
        by_status: shown(by_status),
    })
}

async fn screening_of<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    subjects: &[Uuid],
) -> Result<Vec<ScreeningLine>, DomainError> {
    Ok(screening_hit::Entity::find()
        .filter(screening_hit::Column::CompanyId.eq(company_id))
        .filter(screening_hit::Column::SubjectId.is_in(subjects.iter().copied()))
        .order_by_asc(screening_hit::Column::CreatedAt)
        .order_by_asc(screening_hit::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|h| ScreeningLine {
            subject_type: h.subject_type,
            subject_name: h.subject_name,
            list_key: h.list_key,
            entry_name: h.entry_name,
            score: h.score,
            status: h.status,
            reason: h.reason,
        })
        .collect())
}

async fn evidence_of<C: ConnectionTrait>(
    db: &C,
    owner: &supplier::Model,
) -> Result<Vec<EvidenceLine>, DomainError> {
    Ok(evidence_file::Entity::find()
        .filter(evidence_file::Column::CompanyId.eq(owner.company_id))
        .filter(evidence_file::Column::SupplierId.eq(owner.id))
        .order_by_asc(evidence_file::Column::CreatedAt)
        .order_by_asc(evidence_file::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|f| EvidenceLine {
            zip_path: format!("evidence/{}-{}", f.id, safe_name(&f.filename)),
            id: f.id,
            filename: f.filename,
            content_type: f.content_type,
            size_bytes: f.size_bytes,
            sha256: f.sha256,
            storage_key: f.storage_key,
        })
        .collect())
}

/// A filename fit for a ZIP entry: no folders, no control characters.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches('.').trim();
    if cleaned.is_empty() {
        "file".into()
    } else {
        cleaned.chars().take(120).collect()
    }
}
