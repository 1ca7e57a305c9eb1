//! A user's notification preferences: their language, and whether they get the
//! daily findings digest. Invitations and priority findings cannot be turned off,
//! so there is no switch for them.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use uuid::Uuid;

use crate::{entities::user, error::DomainError, values::Locale};

/// What to change; `None` leaves a setting as it is.
#[derive(Debug, Clone, Default)]
pub struct PreferenceChange {
    /// The language of their emails (and of the portal).
    pub locale: Option<Locale>,
    /// Whether they get the daily findings digest.
    pub digest_enabled: Option<bool>,
}

/// The preferences as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preferences {
    /// Their language; `None` means their organization's default.
    pub locale: Option<Locale>,
    /// Whether they get the daily findings digest.
    pub digest_enabled: bool,
}

/// Applies `change` to the user `user_id` and returns the result.
pub async fn update_preferences<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    change: PreferenceChange,
) -> Result<Preferences, DomainError> {
    let person = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("user"))?;
    let mut active = person.clone().into_active_model();
    if let Some(locale) = change.locale {
        active.locale = Set(Some(locale.code().to_string()));
    }
    if let Some(enabled) = change.digest_enabled {
        active.digest_enabled = Set(enabled);
    }
    let saved = if active.is_changed() {
        active.update(db).await?
    } else {
        person
    };
    Ok(Preferences {
        locale: saved.locale.as_deref().and_then(Locale::parse),
        digest_enabled: saved.digest_enabled,
    })
}
