//! The daily reminders: assessments due within three days or overdue (to the
//! supplier's people), corrective actions due within a week or overdue (to their
//! owner and the company's officers and admins).
//!
//! A run covers everything due or overdue as of its day, so a day the scheduler
//! missed is caught up by the next run; `queue_once` keys make the repeats
//! harmless: one "due soon" email per due date, one "overdue" email per started
//! week overdue (ethical-recruitment.md §3.6 wants nudges, not a daily flood).

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{
    deliver::{company_and_supplier, questionnaire_title},
    link,
    recipients::{self, Recipient},
};
use crate::{
    assessments,
    email::{
        self, Message, NewEmail, TemplateKey,
        messages::{ActionReminderMessage, AssessmentReminderMessage},
    },
    entities::{assessment, corrective_action, finding, organization, supplier},
    error::DomainError,
    findings::action_status,
    supplier_links,
    values::Role,
};

/// How many days before its due date an assessment gets its reminder.
pub const ASSESSMENT_NOTICE_DAYS: i64 = 3;
/// How many days before its due date a corrective action gets its reminder.
pub const ACTION_NOTICE_DAYS: i64 = 7;
/// An overdue item is recalled once per this many days.
pub const OVERDUE_EVERY_DAYS: i64 = 7;

/// Queues the reminders due on `day` and says how many emails are new.
pub async fn queue_reminders<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
    public_url: &str,
) -> Result<usize, DomainError> {
    let mut tenants = Tenants::default();
    let queued = assessment_reminders(db, day, public_url, &mut tenants).await?;
    Ok(queued + action_reminders(db, day, public_url, &mut tenants).await?)
}

/// Where an item stands on the reminder's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Standing {
    overdue: bool,
    /// Days left (due soon) or days past the due date (overdue).
    days: i64,
    /// What makes this reminder distinct from the others for the same item.
    period: i64,
}

/// `None` when `due` is further off than `notice` days.
fn standing(day: NaiveDate, due: NaiveDate, notice: i64) -> Option<Standing> {
    let days_left = (due - day).num_days();
    if days_left > notice {
        return None;
    }
    if days_left >= 0 {
        return Some(Standing {
            overdue: false,
            days: days_left,
            period: 0,
        });
    }
    let days = -days_left;
    // Day 1 to 7 overdue is week 0, day 8 to 14 week 1, …
    Some(Standing {
        overdue: true,
        days,
        period: (days - 1) / OVERDUE_EVERY_DAYS,
    })
}

/// The dedupe key of one reminder to one person.
fn key(template: TemplateKey, id: Uuid, due: NaiveDate, standing: Standing, person: &Recipient) -> String {
    let phase = if standing.overdue { "overdue" } else { "soon" };
    format!(
        "{template}:{phase}:{id}:{due}:{}:{}",
        standing.period, person.email
    )
}

async fn assessment_reminders<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
    public_url: &str,
    tenants: &mut Tenants,
) -> Result<usize, DomainError> {
    let open = [
        assessments::status::SENT,
        assessments::status::IN_PROGRESS,
        assessments::status::RETURNED,
    ];
    let rows = assessment::Entity::find()
        .filter(assessment::Column::Status.is_in(open))
        .filter(assessment::Column::DueDate.lte(day + chrono::Duration::days(ASSESSMENT_NOTICE_DAYS)))
        .order_by_asc(assessment::Column::DueDate)
        .all(db)
        .await?;
    let mut queued = 0;
    for row in rows {
        let Some(standing) = standing(day, row.due_date, ASSESSMENT_NOTICE_DAYS) else {
            continue;
        };
        let Some((company, supplier)) = tenants.get(db, row.company_id, row.supplier_id).await? else {
            continue;
        };
        let title = questionnaire_title(db, row.questionnaire_id).await?;
        for person in recipients::supplier_people(db, &supplier).await? {
            let key = key(
                AssessmentReminderMessage::KEY,
                row.id,
                row.due_date,
                standing,
                &person,
            );
            // Each reminder carries a supplier link of its own (issue #24).
            let message = |link| AssessmentReminderMessage {
                company_name: company.name.clone(),
                supplier_name: supplier.name.clone(),
                questionnaire_title: title.get(person.locale.code(), "en").to_string(),
                due_date: row.due_date.to_string(),
                overdue: standing.overdue,
                days: standing.days,
                reason: person.reason.to_string(),
                link,
            };
            let new = supplier_links::queue_with_link(db, &row, &person, &key, public_url, message).await?;
            queued += usize::from(new);
        }
    }
    Ok(queued)
}

async fn action_reminders<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
    public_url: &str,
    tenants: &mut Tenants,
) -> Result<usize, DomainError> {
    let rows = corrective_action::Entity::find()
        .filter(corrective_action::Column::Status.is_in([action_status::OPEN, action_status::IN_PROGRESS]))
        .filter(corrective_action::Column::DueDate.lte(day + chrono::Duration::days(ACTION_NOTICE_DAYS)))
        .order_by_asc(corrective_action::Column::DueDate)
        .all(db)
        .await?;
    let mut queued = 0;
    for row in rows {
        let Some(standing) = standing(day, row.due_date, ACTION_NOTICE_DAYS) else {
            continue;
        };
        let Some((company, supplier)) = tenants.get(db, row.company_id, row.supplier_id).await? else {
            continue;
        };
        let Some(parent) = finding::Entity::find_by_id(row.finding_id).one(db).await? else {
            continue;
        };
        let mut people: Vec<Recipient> =
            recipients::action_owner(db, &company, &supplier, row.owner_email.as_deref())
                .await?
                .into_iter()
                .collect();
        recipients::merge(
            &mut people,
            recipients::company_staff(db, &company, &[Role::Admin, Role::Officer]).await?,
        );
        for person in people {
            let message = ActionReminderMessage {
                company_name: company.name.clone(),
                supplier_name: supplier.name.clone(),
                description: row.description.clone(),
                finding_title: parent.title.clone(),
                due_date: row.due_date.to_string(),
                overdue: standing.overdue,
                days: standing.days,
                reason: person.reason.to_string(),
                // Actions are shown and updated on their finding's page.
                link: link(public_url, "findings", parent.id),
            };
            let key = key(
                ActionReminderMessage::KEY,
                row.id,
                row.due_date,
                standing,
                &person,
            );
            let new = NewEmail::new(Some(company.id), person.email, person.locale, &message)?;
            queued += usize::from(email::queue_once(db, &key, new).await?.is_some());
        }
    }
    Ok(queued)
}

/// Company and supplier rows loaded once per run; archived suppliers get no
/// reminders (nobody is expected to answer for them any more).
#[derive(Default)]
struct Tenants {
    loaded: HashMap<(Uuid, Uuid), Option<(organization::Model, supplier::Model)>>,
}

impl Tenants {
    async fn get<C: ConnectionTrait>(
        &mut self,
        db: &C,
        company_id: Uuid,
        supplier_id: Uuid,
    ) -> Result<Option<(organization::Model, supplier::Model)>, DomainError> {
        if let Some(found) = self.loaded.get(&(company_id, supplier_id)) {
            return Ok(found.clone());
        }
        let found = company_and_supplier(db, company_id, supplier_id)
            .await?
            .filter(|(_, s)| s.archived_at.is_none());
        self.loaded.insert((company_id, supplier_id), found.clone());
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn due_soon_once_per_due_date_and_overdue_once_a_week() {
        let due = date("2026-12-10");
        assert_eq!(standing(date("2026-12-06"), due, 3), None);
        let soon = standing(date("2026-12-07"), due, 3);
        assert_eq!(
            soon,
            Some(Standing {
                overdue: false,
                days: 3,
                period: 0
            })
        );
        assert_eq!(standing(date("2026-12-10"), due, 3).map(|s| s.period), Some(0));
        let weeks: Vec<i64> = ["2026-12-11", "2026-12-17", "2026-12-18", "2026-12-25"]
            .iter()
            .filter_map(|d| standing(date(d), due, 3))
            .map(|s| s.period)
            .collect();
        assert_eq!(weeks, [0, 0, 1, 2]);
        assert!(standing(date("2026-12-11"), due, 3).is_some_and(|s| s.overdue && s.days == 1));
    }
}
