use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{assessment_link, organization},
    error::DomainError,
    values::Locale,
};

/// What a closed link's page says: in the language of the person it was sent
/// to, and whom to ask for a new one.
#[derive(Debug, Clone)]
pub struct Closed {
    /// The language of the person it was sent to.
    pub locale: Locale,
    /// The company that sent it (the one to ask).
    pub company_name: String,
}

/// The outcome of opening a link that exists.
#[derive(Debug, Clone)]
pub enum Opening {
    /// Live: the link, now marked as opened.
    Open(assessment_link::Model),
    /// An officer revoked it.
    Revoked(Closed),
    /// Its 30 days are over.
    Expired(Closed),
}

/// Opens the link whose token is `token`. An unknown token is `NotFound`; a known
/// one is open, revoked or expired. Opening is recorded in the audit trail (the
/// link's id as the actor; never the token).
pub async fn open<C: ConnectionTrait>(db: &C, token: &str) -> Result<Opening, DomainError> {
    let found = assessment_link::Entity::find()
        .filter(assessment_link::Column::TokenHash.eq(crate::secret_token::hash(token)))
        .filter(assessment_link::Column::Purpose.eq(super::PURPOSE_ANSWER))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("link"))?;
    let now = clock::now();
    if found.revoked_at.is_some() || found.expires_at <= now {
        let company_name = organization::Entity::find_by_id(found.company_id)
            .one(db)
            .await?
            .map(|c| c.name)
            .unwrap_or_default();
        let closed = Closed {
            locale: Locale::parse(&found.locale).unwrap_or_default(),
            company_name,
        };
        return Ok(if found.revoked_at.is_some() {
            Opening::Revoked(closed)
        } else {
            Opening::Expired(closed)
        });
    }
    assessment_link::Entity::update_many()
        .col_expr(assessment_link::Column::LastOpenedAt, Expr::value(Some(now)))
        .filter(assessment_link::Column::Id.eq(found.id))
        .exec(db)
        .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(found.company_id),
            actor_user_id: Some(found.id),
            action: "assessment_link.opened",
            entity_type: "assessment",
            entity_id: Some(found.assessment_id),
            before: None,
            after: None,
        },
    )
    .await?;
    let mut opened = found;
    opened.last_opened_at = Some(now);
    Ok(Opening::Open(opened))
}
