//! The company's response-time promise: within how many days a worker who
//! reports gets a first answer. Admins set it; workers read it on the report's
//! receipt and when they check their case ("The company promises a first answer
//! within N days"); the voice metrics measure it (share of cases answered within
//! it). A company that set none promises nothing, and nothing is shown.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use uuid::Uuid;

use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::voice_setting,
    error::DomainError,
    values::Role,
};

/// The longest promise accepted, in days.
pub const MAX_DAYS: i64 = 90;

/// A promise of 1 to [`MAX_DAYS`] days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseDays(u32);

impl ResponseDays {
    /// Checks the number of days.
    pub fn parse(raw: i64) -> Result<Self, DomainError> {
        if (1..=MAX_DAYS).contains(&raw) {
            Ok(Self(raw as u32))
        } else {
            Err(DomainError::invalid(
                "response_days",
                format!("must be a whole number of days from 1 to {MAX_DAYS}"),
            ))
        }
    }

    /// The days.
    pub fn get(self) -> u32 {
        self.0
    }
}

/// The promise of `company_id`, if it made one.
pub async fn of<C: ConnectionTrait>(db: &C, company_id: Uuid) -> Result<Option<u32>, DomainError> {
    Ok(voice_setting::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .map(|s| s.response_days.max(0) as u32))
}

/// Sets the promise of `company_id` (its admins only; other staff `Forbidden`,
/// anyone else `NotFound`); audited.
pub async fn set<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    days: ResponseDays,
) -> Result<u32, DomainError> {
    let role = caller.company_manager(company_id)?;
    if role != Role::Admin {
        return Err(DomainError::Forbidden(
            "only the company's admins may set the response-time promise",
        ));
    }
    let actor = caller.user_id;
    let now = clock::now();
    let before = voice_setting::Entity::find_by_id(company_id).one(db).await?;
    let before_days = before.as_ref().map(|b| b.response_days);
    match before {
        Some(row) => {
            let mut active = row.into_active_model();
            active.response_days = Set(days.get() as i32);
            active.updated_by = Set(Some(actor));
            active.updated_at = Set(now);
            active.update(db).await?;
        }
        None => {
            voice_setting::ActiveModel {
                company_id: Set(company_id),
                response_days: Set(days.get() as i32),
                updated_by: Set(Some(actor)),
                updated_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(actor),
            action: "voice_promise.set",
            entity_type: "organization",
            entity_id: Some(company_id),
            before: before_days.map(|d| serde_json::json!({"response_days": d})),
            after: Some(serde_json::json!({"response_days": days.get()})),
        },
    )
    .await?;
    Ok(days.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_promise_is_one_to_ninety_days() {
        assert_eq!(ResponseDays::parse(7).ok().map(ResponseDays::get), Some(7));
        assert!(ResponseDays::parse(0).is_err());
        assert!(ResponseDays::parse(91).is_err());
        assert!(ResponseDays::parse(-3).is_err());
    }
}
