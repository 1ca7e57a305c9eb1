//! Parsed definitions, kept per questionnaire id for the life of the process.
//!
//! Scoring and every answer save need the parsed definition, and parsing the
//! stored JSON is a large part of their cost. Caching by id is safe because a
//! stored version never changes (an edit is a new version with a new id, see
//! [`super::create_for_company`]; nothing updates a `questionnaires` row), and the
//! built-ins' stable ids name the same definition on every installation.

use std::{
    collections::HashMap,
    sync::{Arc, LazyLock, Mutex, PoisonError},
};

use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{entities::questionnaire, error::DomainError, questionnaire::Definition};

/// Enough for every version in use at once; when full the cache starts over rather
/// than growing without bound (a miss only costs one query and one parse).
const CAPACITY: usize = 512;

static PARSED: LazyLock<Mutex<HashMap<Uuid, Arc<Definition>>>> = LazyLock::new(Default::default);

/// The parsed definition of questionnaire `id`: from the cache, else loaded and
/// parsed once. `None` when no such questionnaire is stored.
pub async fn definition<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Option<Arc<Definition>>, DomainError> {
    if let Some(hit) = cache().get(&id) {
        return Ok(Some(Arc::clone(hit)));
    }
    let Some(row) = questionnaire::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let parsed = Arc::new(super::definition_of(&row)?);
    let mut cache = cache();
    if cache.len() >= CAPACITY {
        cache.clear();
    }
    cache.insert(id, Arc::clone(&parsed));
    Ok(Some(parsed))
}

/// The parsed definition an assessment answers, through the same cache. Both
/// doors call this, so neither re-parses the stored JSON on every request; an
/// assessment whose questionnaire is gone is a bug (`Internal`), never a 404.
pub async fn of_assessment<C: ConnectionTrait>(
    db: &C,
    assessment: &crate::entities::assessment::Model,
) -> Result<Arc<Definition>, DomainError> {
    definition(db, assessment.questionnaire_id)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("assessment {} lost its questionnaire", assessment.id)))
}

/// A poisoned lock only means a panic elsewhere while it was held; the map itself
/// is always whole (every change is a single insert or clear).
fn cache() -> std::sync::MutexGuard<'static, HashMap<Uuid, Arc<Definition>>> {
    PARSED.lock().unwrap_or_else(PoisonError::into_inner)
}
