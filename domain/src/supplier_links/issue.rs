use chrono::Duration;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    clock,
    entities::{assessment, assessment_link},
    error::DomainError,
    secret_token,
    values::{Email, Locale},
};

/// A link to issue for one person.
#[derive(Debug, Clone)]
pub struct NewLink<'a> {
    /// The assessment it opens.
    pub assessment: &'a assessment::Model,
    /// The person it is emailed to.
    pub email: &'a Email,
    /// Their language (the "link closed" page speaks it).
    pub locale: Locale,
    /// Who caused it to be sent (`None`: the system, e.g. a reminder).
    pub actor: Option<Uuid>,
}

/// Stores a new link (its hash only) and returns the row and the token, which
/// exists nowhere else once the email is sent.
pub async fn issue_link<C: ConnectionTrait>(
    db: &C,
    input: NewLink<'_>,
) -> Result<(assessment_link::Model, String), DomainError> {
    let token = secret_token::generate();
    let now = clock::now();
    let row = assessment_link::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(input.assessment.company_id),
        assessment_id: Set(input.assessment.id),
        purpose: Set(super::PURPOSE_ANSWER.into()),
        token_hash: Set(secret_token::hash(&token)),
        email: Set(input.email.as_str().into()),
        locale: Set(input.locale.code().into()),
        created_by: Set(input.actor),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(super::LINK_TTL_DAYS)),
        revoked_at: Set(None),
        revoked_by: Set(None),
        last_opened_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok((row, token))
}

/// The address of a link.
pub fn link_url(public_url: &str, token: &str) -> String {
    format!("{}/a/{token}", public_url.trim_end_matches('/'))
}

/// Deletes a link whose email was not sent after all (a reminder already queued
/// for the same day): a link nobody received must not stay live.
pub async fn discard_link<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<(), DomainError> {
    assessment_link::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}
