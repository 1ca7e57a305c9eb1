//! The daily findings digest: the findings of the previous (UTC) day that did not
//! warrant an email of their own, to each of the company's admins, officers and
//! advisors who have not turned the digest off.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{is_immediate, link, recipients};
use crate::{
    email::{
        self, Message, NewEmail,
        messages::{DigestFinding, FindingsDigestMessage},
    },
    entities::{finding, organization, supplier},
    error::DomainError,
    values::Role,
};

/// A digest lists at most this many findings; the rest are counted and a click
/// away in the portal.
pub const DIGEST_MAX_ITEMS: usize = 50;

/// Queues the digests for the findings created on the day before `day` and says
/// how many emails are new. Keyed per company, day and person, so running it
/// again (another worker, a retry) queues nothing twice.
pub async fn queue_digests<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
    public_url: &str,
) -> Result<usize, DomainError> {
    let covered = day - Duration::days(1);
    let (Some(start), Some(end)) = (covered.and_hms_opt(0, 0, 0), day.and_hms_opt(0, 0, 0)) else {
        return Ok(0);
    };
    let rows = finding::Entity::find()
        .filter(finding::Column::CreatedAt.gte(start.and_utc()))
        .filter(finding::Column::CreatedAt.lt(end.and_utc()))
        .order_by_asc(finding::Column::CreatedAt)
        .all(db)
        .await?;
    let mut by_company: BTreeMap<Uuid, Vec<finding::Model>> = BTreeMap::new();
    for row in rows.into_iter().filter(|f| !is_immediate(f)) {
        by_company.entry(row.company_id).or_default().push(row);
    }
    let mut queued = 0;
    for (company_id, found) in by_company {
        let Some(company) = organization::Entity::find_by_id(company_id).one(db).await? else {
            continue;
        };
        let supplier_ids: Vec<Uuid> = found.iter().map(|f| f.supplier_id).collect();
        let suppliers = supplier::Entity::find()
            .filter(supplier::Column::Id.is_in(supplier_ids))
            .all(db)
            .await?;
        let items: Vec<DigestFinding> = found
            .iter()
            .take(DIGEST_MAX_ITEMS)
            .map(|f| {
                let supplier_name = suppliers
                    .iter()
                    .find(|s| s.id == f.supplier_id)
                    .map(|s| s.name.as_str());
                DigestFinding {
                    supplier_name: supplier_name.unwrap_or_default().to_string(),
                    title: f.title.clone(),
                    severity: f.severity.clone(),
                    link: link(public_url, "findings", f.id),
                }
            })
            .collect();
        let people =
            recipients::company_staff(db, &company, &[Role::Admin, Role::Officer, Role::Advisor]).await?;
        for person in people.into_iter().filter(|p| p.digest_enabled) {
            let key = format!(
                "{}:{company_id}:{day}:{}",
                FindingsDigestMessage::KEY,
                person.email
            );
            let message = FindingsDigestMessage {
                company_name: company.name.clone(),
                day: covered.to_string(),
                findings: items.clone(),
                total: found.len() as u64,
                more: found.len().saturating_sub(DIGEST_MAX_ITEMS) as u64,
                reason: person.reason.to_string(),
            };
            let new = NewEmail::new(Some(company_id), person.email, person.locale, &message)?;
            queued += usize::from(email::queue_once(db, &key, new).await?.is_some());
        }
    }
    Ok(queued)
}
