//! Stored questionnaires: the built-in standard ones (seeded at start with stable
//! ids) and each company's own uploads. A version, once stored, never changes; an
//! edit is a new version.

mod parsed;
mod upload;

pub use parsed::{definition, of_assessment};
pub use upload::upload;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::questionnaire,
    error::DomainError,
    questionnaire::Definition,
};

/// The id a built-in definition always has, on every installation.
pub fn builtin_id(key: &str, version: i32) -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        format!("https://fairhire.dev/questionnaires/{key}/{version}").as_bytes(),
    )
}

/// Stores the built-in definitions that are not stored yet (idempotent): every
/// shipped version of the standard SAQ, so that an assessment sent with an older
/// version keeps it while new ones get the current version.
pub async fn ensure_builtins<C: ConnectionTrait>(db: &C) -> Result<(), DomainError> {
    for standard in crate::questionnaire::standard::shipped_saqs() {
        let id = builtin_id(&standard.key, standard.version);
        if questionnaire::Entity::find_by_id(id).one(db).await?.is_none() {
            insert(db, id, None, standard).await?;
        }
    }
    Ok(())
}

/// The id of the current standard SAQ, the one new assessments are sent with.
pub fn current_standard_id() -> Uuid {
    let standard = crate::questionnaire::standard::standard_saq();
    builtin_id(&standard.key, standard.version)
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    company_id: Option<Uuid>,
    definition: &Definition,
) -> Result<questionnaire::Model, DomainError> {
    Ok(questionnaire::ActiveModel {
        id: Set(id),
        company_id: Set(company_id),
        key: Set(definition.key.clone()),
        version: Set(definition.version),
        title: Set(serde_json::to_value(&definition.title)?),
        definition: Set(serde_json::to_value(definition)?),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?)
}

/// Stores a company's own definition; a key and version it already has is a
/// `Conflict` (versions are immutable: upload a new version instead).
pub async fn create_for_company<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    actor: Uuid,
    definition: &Definition,
) -> Result<questionnaire::Model, DomainError> {
    let clash = questionnaire::Entity::find()
        .filter(questionnaire::Column::Key.eq(definition.key.as_str()))
        .filter(questionnaire::Column::Version.eq(definition.version))
        .filter(
            Condition::any()
                .add(questionnaire::Column::CompanyId.eq(company_id))
                .add(questionnaire::Column::CompanyId.is_null()),
        )
        .one(db)
        .await?;
    if clash.is_some() {
        return Err(DomainError::Conflict(format!(
            "version {} of '{}' already exists; versions never change — upload version {} instead",
            definition.version,
            definition.key,
            definition.version + 1
        )));
    }
    let row = insert(db, Uuid::now_v7(), Some(company_id), definition).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(actor),
            action: "questionnaire.created",
            entity_type: "questionnaire",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"key": row.key, "version": row.version})),
        },
    )
    .await?;
    Ok(row)
}

/// The built-ins and the company's own definitions, by key and newest version
/// first (so that a form offering them proposes the current standard SAQ).
pub async fn list_for_company<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Vec<questionnaire::Model>, DomainError> {
    Ok(questionnaire::Entity::find()
        .filter(
            Condition::any()
                .add(questionnaire::Column::CompanyId.eq(company_id))
                .add(questionnaire::Column::CompanyId.is_null()),
        )
        .order_by_asc(questionnaire::Column::Key)
        .order_by_desc(questionnaire::Column::Version)
        .all(db)
        .await?)
}

/// The questionnaire `id` if the company may send it (a built-in or its own).
pub async fn visible_to_company<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    id: Uuid,
) -> Result<Option<questionnaire::Model>, DomainError> {
    Ok(questionnaire::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|q| q.company_id.is_none() || q.company_id == Some(company_id)))
}

/// Questionnaire `id` if the caller may read it: built-ins are public to every
/// user; a company's own is visible to its members and its suppliers' users.
/// Anything else is `NotFound("questionnaire")`.
pub async fn readable<C: ConnectionTrait>(
    db: &C,
    caller: &crate::access::Caller,
    id: Uuid,
) -> Result<questionnaire::Model, DomainError> {
    questionnaire::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|row| match row.company_id {
            None => true,
            Some(company) => caller.memberships.iter().any(|m| m.company_id == company),
        })
        .ok_or(DomainError::NotFound("questionnaire"))
}

/// A stored definition, parsed.
pub fn definition_of(row: &questionnaire::Model) -> Result<Definition, DomainError> {
    serde_json::from_value(row.definition.clone())
        .map_err(|e| DomainError::Internal(format!("stored questionnaire {} does not parse: {e}", row.id)))
}
