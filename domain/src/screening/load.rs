//! `fairhire screening-lists load <key> <file>`: a newer edition of a list, without
//! a release. The file is checked like the shipped ones, stored as the list's new
//! version, and every subject is screened again in the same transaction.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use crate::{clock, entities::screening_list_version, error::DomainError};

use super::{ListKey, lists::parse_file, matching::rescreen_all};

/// What a load did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    /// Rows in the new version.
    pub entries: usize,
    /// New hits the re-screening raised.
    pub new_hits: usize,
}

/// Stores `text` as the new version of list `key` and re-screens everyone.
pub async fn load_list<C: ConnectionTrait>(db: &C, key: &str, text: &str) -> Result<Loaded, DomainError> {
    let key = ListKey::parse(key)
        .ok_or_else(|| DomainError::invalid("key", "must be uflpa_entity_list, ilab_goods or cbp_wro"))?;
    let file = parse_file(key, text).map_err(|message| DomainError::invalid("file", message))?;
    let entries = file.entries.len();
    screening_list_version::ActiveModel {
        id: Set(Uuid::now_v7()),
        list_key: Set(key.as_str().to_string()),
        source_url: Set(file.source_url),
        list_date: Set(file.list_date.map(|d| d.to_string())),
        entries: Set(serde_json::to_value(&file.entries).map_err(|e| DomainError::Internal(e.to_string()))?),
        loaded_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    let new_hits = rescreen_all(db).await?;
    Ok(Loaded { entries, new_hits })
}
