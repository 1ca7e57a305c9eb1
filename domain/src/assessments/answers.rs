use std::{collections::BTreeMap, sync::Arc};

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, sea_query::OnConflict,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    database::{Database, on_write_thread, run_now},
    entities::{assessment, assessment_answer, evidence_file},
    error::DomainError,
    questionnaire::{Definition, QuestionType, answers::merge_answers, visibility::Answers},
    transaction::BeginWrite as _,
};

/// The assessment's stored answers by question key.
pub async fn load_answers<C: ConnectionTrait>(db: &C, assessment_id: Uuid) -> Result<Answers, DomainError> {
    Ok(assessment_answer::Entity::find()
        .filter(assessment_answer::Column::AssessmentId.eq(assessment_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.question_key, a.value))
        .collect())
}

/// Merges a draft into the stored answers (validating every value by its question's
/// type, ignoring answers to hidden questions), moves `sent`/`returned` to
/// `in_progress`, and returns the updated assessment. Only while editable.
pub async fn save_answers<C: ConnectionTrait>(
    db: &C,
    current: assessment::Model,
    definition: &Definition,
    incoming: &serde_json::Map<String, serde_json::Value>,
    actor: Uuid,
) -> Result<assessment::Model, DomainError> {
    Ok(save_and_read_back(db, current, definition, incoming, actor)
        .await?
        .assessment)
}

/// A draft save as both doors make it: [`save_and_read_back`] in a write
/// transaction of its own, committed, run on the write thread
/// ([`crate::database::on_write_thread`]: its steps do not wait behind other
/// requests while it holds the writer; issue #23). A refused value is
/// `Invalid` naming its key, and nothing is stored.
pub async fn save_draft(
    db: &Database,
    current: assessment::Model,
    definition: Arc<Definition>,
    incoming: serde_json::Map<String, serde_json::Value>,
    actor: Uuid,
) -> Result<SavedAnswers, DomainError> {
    // SQLite in a file: the same transaction on the write thread's own
    // connection, each statement run at once, no hand-off to sqlx's thread
    // (`database::in_thread_writes`, issue #23).
    if let Some(writes) = db.in_thread_writes().cloned() {
        return on_write_thread(async move {
            let txn = writes.begin()?;
            let saved = run_now(save_and_read_back(&txn, current, &definition, &incoming, actor))?;
            txn.commit()?;
            Ok(saved)
        })
        .await;
    }
    let db = db.clone();
    on_write_thread(async move {
        let txn = db.begin_write().await?;
        let saved = save_and_read_back(&txn, current, &definition, &incoming, actor).await?;
        txn.commit().await?;
        Ok(saved)
    })
    .await
}

/// An assessment after a save, with the answers the save left stored: what the
/// API answers with, without reading the answers back (issue #23).
#[derive(Debug, Clone)]
pub struct SavedAnswers {
    /// The updated assessment.
    pub assessment: assessment::Model,
    /// Every stored answer by question key.
    pub answers: Answers,
    /// Keys of answers still carried over and not yet confirmed.
    pub carried_over: Vec<String>,
}

/// [`save_answers`], returning the stored answers as well.
pub async fn save_and_read_back<C: ConnectionTrait>(
    db: &C,
    current: assessment::Model,
    definition: &Definition,
    incoming: &serde_json::Map<String, serde_json::Value>,
    actor: Uuid,
) -> Result<SavedAnswers, DomainError> {
    // Two saves of one assessment at once (an autosave and a click, two tabs) would
    // both see a new answer as missing and both insert it: the second insert breaks
    // the unique key. Hold the assessment row until commit (PostgreSQL; SQLite's
    // `BEGIN IMMEDIATE` already serialises writers) and read it again under the lock.
    let current = assessment::Entity::find_by_id(current.id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("assessment"))?;
    if !super::status::editable(&current.status) {
        return Err(DomainError::Conflict(format!(
            "this assessment is {} and can no longer be changed",
            current.status
        )));
    }
    let (stored, carried) = load_answers_and_carried(db, current.id).await?;
    // Only a file question names an evidence file: a questionnaire without one
    // (most saves) skips the query (issue #23: fewer round trips per save).
    let has_file_question = definition
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .any(|q| q.kind == QuestionType::File);
    let files: Vec<Uuid> = if has_file_question {
        evidence_file::Entity::find()
            .filter(evidence_file::Column::AssessmentId.eq(current.id))
            .select_only()
            .column(evidence_file::Column::Id)
            .into_tuple()
            .all(db)
            .await?
    } else {
        Vec::new()
    };
    let exists = |id: Uuid| files.contains(&id);
    let merged = merge_answers(definition, &stored, incoming, &exists).map_err(DomainError::Invalid)?;
    write_changes(db, current.id, &stored, &merged, actor).await?;
    // Sending a carried-over answer confirms it. Most saves send none, and then
    // skip the statement (issue #23).
    let (confirmed, carried_over): (Vec<String>, Vec<String>) = carried
        .into_iter()
        .filter(|key| merged.contains_key(key))
        .partition(|key| incoming.contains_key(key));
    confirm_carried_over(db, current.id, &confirmed).await?;
    let mut active = current.clone().into_active_model();
    if current.status != super::status::IN_PROGRESS {
        active.status = Set(super::status::IN_PROGRESS.into());
    }
    active.updated_at = Set(clock::now());
    let updated = active.update(db).await?;
    if current.status != updated.status {
        audit::record(
            db,
            AuditEntry {
                company_id: Some(updated.company_id),
                actor_user_id: Some(actor),
                action: "assessment.started",
                entity_type: "assessment",
                entity_id: Some(updated.id),
                before: Some(serde_json::json!({"status": current.status})),
                after: Some(serde_json::json!({"status": updated.status})),
            },
        )
        .await?;
    }
    Ok(SavedAnswers {
        assessment: updated,
        answers: merged,
        carried_over,
    })
}

/// The stored answers by key, and the keys of those carried over, in one query.
async fn load_answers_and_carried<C: ConnectionTrait>(
    db: &C,
    assessment_id: Uuid,
) -> Result<(Answers, Vec<String>), DomainError> {
    // In key order, as every door lists the carried-over keys.
    let rows = assessment_answer::Entity::find()
        .filter(assessment_answer::Column::AssessmentId.eq(assessment_id))
        .order_by_asc(assessment_answer::Column::QuestionKey)
        .all(db)
        .await?;
    let carried = rows
        .iter()
        .filter(|a| a.carried_over)
        .map(|a| a.question_key.clone())
        .collect();
    let answers = rows.into_iter().map(|a| (a.question_key, a.value)).collect();
    Ok((answers, carried))
}

/// An answer carried over from the previous assessment is confirmed when the
/// supplier sends it (changed or not).
async fn confirm_carried_over<C: ConnectionTrait>(
    db: &C,
    assessment_id: Uuid,
    keys: &[String],
) -> Result<(), DomainError> {
    if keys.is_empty() {
        return Ok(());
    }
    assessment_answer::Entity::update_many()
        .col_expr(
            assessment_answer::Column::CarriedOver,
            sea_orm::sea_query::Expr::value(false),
        )
        .filter(assessment_answer::Column::AssessmentId.eq(assessment_id))
        .filter(assessment_answer::Column::QuestionKey.is_in(keys.iter().map(String::as_str)))
        .exec(db)
        .await?;
    Ok(())
}

/// Keys of answers carried over and not yet confirmed.
pub async fn carried_over_keys<C: ConnectionTrait>(
    db: &C,
    assessment_id: Uuid,
) -> Result<Vec<String>, DomainError> {
    Ok(assessment_answer::Entity::find()
        .filter(assessment_answer::Column::AssessmentId.eq(assessment_id))
        .filter(assessment_answer::Column::CarriedOver.eq(true))
        .order_by_asc(assessment_answer::Column::QuestionKey)
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.question_key)
        .collect())
}

async fn write_changes<C: ConnectionTrait>(
    db: &C,
    assessment_id: Uuid,
    stored: &Answers,
    merged: &Answers,
    actor: Uuid,
) -> Result<(), DomainError> {
    let removed: Vec<&String> = stored.keys().filter(|k| !merged.contains_key(*k)).collect();
    if !removed.is_empty() {
        assessment_answer::Entity::delete_many()
            .filter(assessment_answer::Column::AssessmentId.eq(assessment_id))
            .filter(assessment_answer::Column::QuestionKey.is_in(removed.iter().map(|k| k.as_str())))
            .exec(db)
            .await?;
    }
    let changed: BTreeMap<&String, &serde_json::Value> = merged
        .iter()
        .filter(|(k, v)| stored.get(*k) != Some(*v))
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    // Every changed answer in one statement (issue #23: one round trip, not one
    // per answer): new keys are inserted, stored ones updated in place through
    // the unique key `(assessment_id, question_key)`, keeping their id.
    let now = clock::now();
    let rows = changed
        .into_iter()
        .map(|(key, value)| assessment_answer::ActiveModel {
            id: Set(Uuid::now_v7()),
            assessment_id: Set(assessment_id),
            question_key: Set(key.clone()),
            value: Set(value.clone()),
            answered_by: Set(Some(actor)),
            updated_at: Set(now),
            carried_over: Set(false),
        });
    assessment_answer::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                assessment_answer::Column::AssessmentId,
                assessment_answer::Column::QuestionKey,
            ])
            .update_columns([
                assessment_answer::Column::Value,
                assessment_answer::Column::AnsweredBy,
                assessment_answer::Column::UpdatedAt,
            ])
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
