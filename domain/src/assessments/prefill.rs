//! A new assessment starts from the supplier's previous answers to the same
//! questionnaire (any version), each marked "carried over — confirm": the supplier
//! reviews rather than retypes, and nothing stale is submitted unseen. File answers
//! are not carried over (evidence belongs to the assessment it was uploaded for).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::{
    clock,
    entities::{assessment, assessment_answer, questionnaire},
    error::DomainError,
    questionnaire::{Definition, QuestionType, answers::check_answer},
};

use super::status;

/// Copies the previous answers that still fit `definition` into `into`; returns
/// how many were carried over.
pub async fn carry_over<C: ConnectionTrait>(
    db: &C,
    into: &assessment::Model,
    definition: &Definition,
) -> Result<usize, DomainError> {
    let same_key: Vec<Uuid> = questionnaire::Entity::find()
        .filter(questionnaire::Column::Key.eq(definition.key.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|q| q.id)
        .collect();
    let previous = assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(into.supplier_id))
        .filter(assessment::Column::Id.ne(into.id))
        .filter(assessment::Column::QuestionnaireId.is_in(same_key))
        .filter(assessment::Column::Status.is_in([status::SUBMITTED, status::SCORED, status::APPROVED]))
        .order_by_desc(assessment::Column::SubmittedAt)
        .one(db)
        .await?;
    let Some(previous) = previous else {
        return Ok(0);
    };
    let answers = super::load_answers(db, previous.id).await?;
    let no_files = |_: Uuid| false;
    let now = clock::now();
    let mut carried = 0;
    for (key, value) in answers {
        let Some(question) = definition.question(&key) else {
            continue;
        };
        if question.kind == QuestionType::File {
            continue;
        }
        let Ok(value) = check_answer(question, &value, &no_files) else {
            continue;
        };
        assessment_answer::ActiveModel {
            id: Set(Uuid::now_v7()),
            assessment_id: Set(into.id),
            question_key: Set(key),
            value: Set(value),
            answered_by: Set(None),
            updated_at: Set(now),
            carried_over: Set(true),
        }
        .insert(db)
        .await?;
        carried += 1;
    }
    Ok(carried)
}
