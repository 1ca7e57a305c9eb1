//! Fanning one [`Event`] out: load the rows it names, pick the recipients, and
//! queue one email each in their language.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::Value;
use uuid::Uuid;

use super::{
    Event, is_immediate, link,
    recipients::{self, Recipient},
};
use crate::{
    email::{
        self, Message, NewEmail,
        messages::{
            AssessmentReturnedMessage, EvidencePackReadyMessage, FeeAuditProcessedMessage,
            FindingsPriorityMessage, PriorityFinding, ReportReadyMessage, ScreeningHitMessage,
        },
    },
    entities::{
        assessment, evidence_pack, fee_audit, finding, organization, questionnaire, report, screening_hit,
        supplier,
    },
    error::DomainError,
    questionnaire::LocalizedText,
    values::Role,
};

/// Queues the emails for `event` (run by the `notify` job `event_id`) and says
/// how many were queued. Each is keyed `{template}:{event_id}:{subject}:{address}`
/// (the subject being the row the email is about), so running the same job
/// again queues nothing new. Rows deleted in the meantime
/// are skipped: there is nothing left to tell.
pub async fn deliver<C: ConnectionTrait>(
    db: &C,
    event_id: Uuid,
    event: &Event,
    public_url: &str,
) -> Result<usize, DomainError> {
    let outbox = Outbox { db, event_id };
    match event {
        Event::AssessmentReturned { assessment_id } => returned(&outbox, *assessment_id, public_url).await,
        Event::FindingsRaised { finding_ids } => findings(&outbox, finding_ids, public_url).await,
        Event::FeeAuditProcessed { fee_audit_id } => fee_audit(&outbox, *fee_audit_id, public_url).await,
        Event::ReportReady { report_id } => report(&outbox, *report_id, public_url).await,
        Event::EvidencePackReady { pack_id } => pack(&outbox, *pack_id, public_url).await,
        Event::ScreeningHits { hit_ids } => screening_hits(&outbox, hit_ids, public_url).await,
    }
}

/// Queues emails for one event.
struct Outbox<'a, C> {
    db: &'a C,
    event_id: Uuid,
}

impl<C: ConnectionTrait> Outbox<'_, C> {
    /// Queues the message `message` builds for each recipient, about the row
    /// `subject`; returns how many were new.
    async fn send<M: Message>(
        &self,
        company_id: Uuid,
        subject: Uuid,
        people: &[Recipient],
        message: impl Fn(&Recipient) -> M,
    ) -> Result<usize, DomainError> {
        let mut queued = 0;
        for person in people {
            let key = format!("{}:{}:{subject}:{}", M::KEY, self.event_id, person.email);
            let new = NewEmail::new(
                Some(company_id),
                person.email.clone(),
                person.locale,
                &message(person),
            )?;
            queued += usize::from(email::queue_once(self.db, &key, new).await?.is_some());
        }
        Ok(queued)
    }
}

async fn returned<C: ConnectionTrait>(
    outbox: &Outbox<'_, C>,
    id: Uuid,
    public_url: &str,
) -> Result<usize, DomainError> {
    let db = outbox.db;
    let Some(row) = assessment::Entity::find_by_id(id).one(db).await? else {
        return Ok(0);
    };
    let Some((company, supplier)) = company_and_supplier(db, row.company_id, row.supplier_id).await? else {
        return Ok(0);
    };
    let title = questionnaire_title(db, row.questionnaire_id).await?;
    let mut queued = 0;
    // Back to the supplier: each person gets a new supplier link (issue #24),
    // keyed as `Outbox::send` keys its emails.
    for p in recipients::supplier_people(db, &supplier).await? {
        let key = format!(
            "{}:{}:{}:{}",
            AssessmentReturnedMessage::KEY,
            outbox.event_id,
            row.id,
            p.email
        );
        let message = |link| AssessmentReturnedMessage {
            company_name: company.name.clone(),
            supplier_name: supplier.name.clone(),
            questionnaire_title: title.get(p.locale.code(), "en").to_string(),
            comment: row.review_comment.clone().unwrap_or_default(),
            due_date: row.due_date.to_string(),
            reason: p.reason.to_string(),
            link,
        };
        queued += usize::from(
            crate::supplier_links::queue_with_link(db, &row, &p, &key, public_url, message).await?,
        );
    }
    Ok(queued)
}

async fn findings<C: ConnectionTrait>(
    outbox: &Outbox<'_, C>,
    ids: &[Uuid],
    public_url: &str,
) -> Result<usize, DomainError> {
    let db = outbox.db;
    let rows: Vec<finding::Model> = finding::Entity::find()
        .filter(finding::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(finding::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .filter(is_immediate)
        .collect();
    // One email per supplier: the findings of one scoring or upload belong together.
    let mut suppliers: Vec<Uuid> = rows.iter().map(|f| f.supplier_id).collect();
    suppliers.sort();
    suppliers.dedup();
    let mut queued = 0;
    for supplier_id in suppliers {
        let mine: Vec<&finding::Model> = rows.iter().filter(|f| f.supplier_id == supplier_id).collect();
        let Some(first) = mine.first() else { continue };
        let Some((company, supplier)) = company_and_supplier(db, first.company_id, supplier_id).await? else {
            continue;
        };
        let people =
            recipients::company_staff(db, &company, &[Role::Admin, Role::Officer, Role::Advisor]).await?;
        let list: Vec<PriorityFinding> = mine
            .iter()
            .map(|f| PriorityFinding {
                title: f.title.clone(),
                severity: f.severity.clone(),
                indicator: f.indicator.clone(),
                zero_tolerance: f.zero_tolerance,
                link: link(public_url, "findings", f.id),
            })
            .collect();
        queued += outbox
            .send(company.id, supplier.id, &people, |p| FindingsPriorityMessage {
                company_name: company.name.clone(),
                supplier_name: supplier.name.clone(),
                findings: list.clone(),
                reason: p.reason.to_string(),
            })
            .await?;
    }
    Ok(queued)
}

async fn fee_audit<C: ConnectionTrait>(
    outbox: &Outbox<'_, C>,
    id: Uuid,
    public_url: &str,
) -> Result<usize, DomainError> {
    let db = outbox.db;
    let Some(row) = fee_audit::Entity::find_by_id(id).one(db).await? else {
        return Ok(0);
    };
    let Some((company, supplier)) = company_and_supplier(db, row.company_id, row.supplier_id).await? else {
        return Ok(0);
    };
    let people =
        recipients::company_staff(db, &company, &[Role::Admin, Role::Officer, Role::Advisor]).await?;
    // The headline figures as the summary stores them (fee-audit.md, Summary).
    let figure = |key: &str| row.summary.get(key).map(figure_text).unwrap_or_default();
    outbox
        .send(company.id, row.id, &people, |p| FeeAuditProcessedMessage {
            company_name: company.name.clone(),
            supplier_name: supplier.name.clone(),
            workers: figure("workers"),
            workers_who_paid: figure("workers_who_paid"),
            total_fees_usd: figure("total_fees_usd"),
            total_outstanding_usd: figure("total_outstanding_usd"),
            reason: p.reason.to_string(),
            link: link(public_url, "fee-audits", row.id),
        })
        .await
}

async fn report<C: ConnectionTrait>(
    outbox: &Outbox<'_, C>,
    id: Uuid,
    public_url: &str,
) -> Result<usize, DomainError> {
    let db = outbox.db;
    let Some(row) = report::Entity::find_by_id(id).one(db).await? else {
        return Ok(0);
    };
    let Some(assessed) = assessment::Entity::find_by_id(row.assessment_id).one(db).await? else {
        return Ok(0);
    };
    let Some((company, supplier)) = company_and_supplier(db, row.company_id, assessed.supplier_id).await?
    else {
        return Ok(0);
    };
    let people = managers_and_requester(db, &company, row.requested_by).await?;
    outbox
        .send(company.id, row.id, &people, |p| ReportReadyMessage {
            company_name: company.name.clone(),
            supplier_name: supplier.name.clone(),
            reason: p.reason.to_string(),
            link: link(public_url, "reports", row.id),
        })
        .await
}

/// The company's admins and officers, and the advisor who asked, if one did:
/// nobody outside the company.
async fn managers_and_requester<C: ConnectionTrait>(
    db: &C,
    company: &organization::Model,
    requested_by: Option<Uuid>,
) -> Result<Vec<Recipient>, DomainError> {
    let mut people = recipients::company_staff(db, company, &[Role::Admin, Role::Officer]).await?;
    if let Some(requester) = requested_by {
        let advisors = recipients::company_staff(db, company, &[Role::Advisor]).await?;
        let asked = crate::entities::user::Entity::find_by_id(requester)
            .one(db)
            .await?;
        let theirs = advisors
            .into_iter()
            .filter(|a| asked.as_ref().is_some_and(|u| u.email == a.email.as_str()));
        recipients::merge(&mut people, theirs);
    }
    Ok(people)
}

async fn pack<C: ConnectionTrait>(
    outbox: &Outbox<'_, C>,
    id: Uuid,
    public_url: &str,
) -> Result<usize, DomainError> {
    let db = outbox.db;
    let Some(row) = evidence_pack::Entity::find_by_id(id).one(db).await? else {
        return Ok(0);
    };
    let Some((company, supplier)) = company_and_supplier(db, row.company_id, row.supplier_id).await? else {
        return Ok(0);
    };
    let people = managers_and_requester(db, &company, row.requested_by).await?;
    outbox
        .send(company.id, row.id, &people, |p| EvidencePackReadyMessage {
            company_name: company.name.clone(),
            supplier_name: supplier.name.clone(),
            regime: row.regime.clone(),
            reason: p.reason.to_string(),
            link: link(public_url, "evidence-packs", row.id),
        })
        .await
}

async fn screening_hits<C: ConnectionTrait>(
    outbox: &Outbox<'_, C>,
    ids: &[Uuid],
    public_url: &str,
) -> Result<usize, DomainError> {
    let db = outbox.db;
    let hits = screening_hit::Entity::find()
        .filter(screening_hit::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut queued = 0;
    for hit in hits {
        let Some(company) = organization::Entity::find_by_id(hit.company_id).one(db).await? else {
            continue;
        };
        let people = recipients::company_staff(db, &company, &[Role::Admin, Role::Officer]).await?;
        let list_name =
            crate::screening::ListKey::parse(&hit.list_key).map_or(hit.list_key.as_str(), |k| k.name());
        queued += outbox
            .send(company.id, hit.id, &people, |p| ScreeningHitMessage {
                company_name: company.name.clone(),
                subject_name: hit.subject_name.clone(),
                list_name: list_name.to_string(),
                entry_name: hit.entry_name.clone(),
                score: format!("{:.2}", hit.score),
                reason: p.reason.to_string(),
                link: format!(
                    "{}/companies/{}/screening",
                    public_url.trim_end_matches('/'),
                    company.id
                ),
            })
            .await?;
    }
    Ok(queued)
}

/// The company and supplier rows, or `None` when either is gone.
pub(super) async fn company_and_supplier<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    supplier_id: Uuid,
) -> Result<Option<(organization::Model, supplier::Model)>, DomainError> {
    let company = organization::Entity::find_by_id(company_id).one(db).await?;
    let supplier = supplier::Entity::find_by_id(supplier_id).one(db).await?;
    Ok(company.zip(supplier))
}

/// The questionnaire's title in every language it has (empty when it is gone).
pub(super) async fn questionnaire_title<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<LocalizedText, DomainError> {
    let row = questionnaire::Entity::find_by_id(id).one(db).await?;
    Ok(row
        .and_then(|q| serde_json::from_value(q.title).ok())
        .unwrap_or_default())
}

/// A summary figure as text: numbers as written, strings (money) as stored.
fn figure_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
