use sea_orm::ConnectionTrait;

use super::{NewLink, discard_link, issue_link, link_url};
use crate::{
    email::{self, Message, NewEmail},
    entities::assessment,
    error::DomainError,
    notifications::recipients::Recipient,
};

/// Queues, once per `dedupe_key`, an email to one of the supplier's people that
/// carries a new supplier link of its own (`message` builds it from the link's
/// address). Only a token's hash is kept, so an earlier link cannot be sent
/// again; when the email was already queued (the same reminder, the same event
/// run twice), the new link is deleted at once: a link nobody received must not
/// stay live. Returns whether the email is new.
pub async fn queue_with_link<C: ConnectionTrait, M: Message>(
    db: &C,
    assessment: &assessment::Model,
    person: &Recipient,
    dedupe_key: &str,
    public_url: &str,
    message: impl FnOnce(String) -> M,
) -> Result<bool, DomainError> {
    let (issued, token) = issue_link(
        db,
        NewLink {
            assessment,
            email: &person.email,
            locale: person.locale,
            actor: None,
        },
    )
    .await?;
    let new = NewEmail::new(
        Some(assessment.company_id),
        person.email.clone(),
        person.locale,
        &message(link_url(public_url, &token)),
    )?;
    if email::queue_once(db, dedupe_key, new).await?.is_some() {
        return Ok(true);
    }
    discard_link(db, issued.id).await?;
    Ok(false)
}
