//! Screening one subject (a supplier or a recruiter) against the lists in force:
//! every listed name that resembles the subject's name is stored as an `open`
//! hit, at most once per subject and entry, and each new hit is announced (a
//! `screening.hit` webhook event; a `notify` job that emails the company's officers
//! and admins) in the caller's transaction.

use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TryInsertResult};
use uuid::Uuid;

use crate::{
    clock,
    entities::{recruiter, screening_hit, supplier},
    error::DomainError,
    events, notifications,
};

use super::{
    lists::{ListInForce, in_force},
    names::{HIT_THRESHOLD, similarity},
    status,
};

/// Who is screened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectType {
    /// A supplier of the company.
    Supplier,
    /// A recruiter of the company's registry.
    Recruiter,
}

impl SubjectType {
    /// As stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectType::Supplier => "supplier",
            SubjectType::Recruiter => "recruiter",
        }
    }
}

/// A subject to screen.
#[derive(Debug, Clone)]
pub struct Subject {
    /// The tenant.
    pub company_id: Uuid,
    /// What it is.
    pub kind: SubjectType,
    /// Its id.
    pub id: Uuid,
    /// Its name now.
    pub name: String,
}

impl From<&supplier::Model> for Subject {
    fn from(s: &supplier::Model) -> Self {
        Subject {
            company_id: s.company_id,
            kind: SubjectType::Supplier,
            id: s.id,
            name: s.name.clone(),
        }
    }
}

impl From<&recruiter::Model> for Subject {
    fn from(r: &recruiter::Model) -> Self {
        Subject {
            company_id: r.company_id,
            kind: SubjectType::Recruiter,
            id: r.id,
            name: r.name.clone(),
        }
    }
}

/// A listed name close enough to a subject's.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The list.
    pub list_key: &'static str,
    /// The listed name (one of an entry's aliases).
    pub entry_name: String,
    /// Similarity 0–1.
    pub score: f64,
}

/// The listed names `name` resembles, the best alias of each entry.
pub fn matches(name: &str, lists: &[ListInForce]) -> Vec<Match> {
    let mut found = Vec::new();
    for list in lists.iter().filter(|l| l.key.screens_names()) {
        for entry in &list.entries {
            let best = entry
                .names()
                .into_iter()
                .map(|n| (n, similarity(name, n)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((entry_name, score)) = best
                && score >= HIT_THRESHOLD
            {
                found.push(Match {
                    list_key: list.key.as_str(),
                    entry_name: entry_name.to_string(),
                    score,
                });
            }
        }
    }
    found
}

/// Screens `subject` against the lists in force (see [`screen_against`]).
pub async fn screen<C: ConnectionTrait>(
    db: &C,
    subject: &Subject,
) -> Result<Vec<screening_hit::Model>, DomainError> {
    let lists = in_force(db).await?;
    screen_against(db, subject, &lists).await
}

/// Stores the new hits of `subject` against `lists` and announces each; a hit
/// already on record (whatever its status) is not raised again. Returns the new hits.
pub async fn screen_against<C: ConnectionTrait>(
    db: &C,
    subject: &Subject,
    lists: &[ListInForce],
) -> Result<Vec<screening_hit::Model>, DomainError> {
    let mut new_hits = Vec::new();
    for found in matches(&subject.name, lists) {
        let row = screening_hit::Model {
            id: Uuid::now_v7(),
            company_id: subject.company_id,
            subject_type: subject.kind.as_str().to_string(),
            subject_id: subject.id,
            subject_name: subject.name.clone(),
            list_key: found.list_key.to_string(),
            entry_name: found.entry_name,
            score: (found.score * 1000.0).round() / 1000.0,
            status: status::OPEN.to_string(),
            reason: None,
            decided_by: None,
            decided_at: None,
            finding_id: None,
            created_at: clock::now(),
        };
        let inserted = screening_hit::Entity::insert(active(&row))
            .on_conflict_do_nothing_on([
                screening_hit::Column::SubjectType,
                screening_hit::Column::SubjectId,
                screening_hit::Column::ListKey,
                screening_hit::Column::EntryName,
            ])
            .exec_without_returning(db)
            .await?;
        if matches!(inserted, TryInsertResult::Inserted(n) if n > 0) {
            events::publish(db, row.company_id, events::SCREENING_HIT, super::event_data(&row)).await?;
            new_hits.push(row);
        }
    }
    notifications::screening_hits_raised(db, &new_hits).await?;
    Ok(new_hits)
}

fn active(row: &screening_hit::Model) -> screening_hit::ActiveModel {
    screening_hit::ActiveModel {
        id: Set(row.id),
        company_id: Set(row.company_id),
        subject_type: Set(row.subject_type.clone()),
        subject_id: Set(row.subject_id),
        subject_name: Set(row.subject_name.clone()),
        list_key: Set(row.list_key.clone()),
        entry_name: Set(row.entry_name.clone()),
        score: Set(row.score),
        status: Set(row.status.clone()),
        reason: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        finding_id: Set(None),
        created_at: Set(row.created_at),
    }
}

/// Screens every supplier and recruiter of every company against the lists in
/// force (after a list changed). Returns how many new hits were raised.
pub async fn rescreen_all<C: ConnectionTrait>(db: &C) -> Result<usize, DomainError> {
    let lists = in_force(db).await?;
    let mut subjects: Vec<Subject> = supplier::Entity::find()
        .filter(supplier::Column::ArchivedAt.is_null())
        .all(db)
        .await?
        .iter()
        .map(Subject::from)
        .collect();
    subjects.extend(recruiter::Entity::find().all(db).await?.iter().map(Subject::from));
    let mut raised = 0;
    for subject in &subjects {
        raised += screen_against(db, subject, &lists).await?.len();
    }
    Ok(raised)
}
