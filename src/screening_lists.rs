//! `fairhire screening-lists load <key> <file>`: a newer edition of a public
//! forced-labour list without a release; every supplier and recruiter is screened
//! again against it, in the same transaction (all or none).

use domain::database::Database;
use domain::transaction::BeginWrite as _;

/// Stores `text` as the new version of list `key` and re-screens everyone; a bad
/// file stores nothing and says which line is wrong.
pub async fn load(db: &Database, key: &str, text: &str) -> anyhow::Result<domain::screening::Loaded> {
    let txn = db.begin_write().await?;
    let loaded = match domain::screening::load_list(&txn, key, text).await {
        Ok(loaded) => loaded,
        Err(domain::DomainError::Invalid(errors)) => {
            let said: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect();
            anyhow::bail!("{}", said.join("; "))
        }
        Err(other) => return Err(other.into()),
    };
    txn.commit().await?;
    Ok(loaded)
}
