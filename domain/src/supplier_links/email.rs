use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::{NewLink, issue_link, link_url};
use crate::{
    email::{self, NewEmail, messages::AssessmentSentMessage},
    entities::{assessment, assessment_link, organization, supplier},
    error::DomainError,
    notifications::recipients,
    questionnaire::LocalizedText,
};

/// Emailing an assessment to a supplier's people, each with their own link.
#[derive(Debug, Clone)]
pub struct EmailLinks<'a> {
    /// The company asking.
    pub company: &'a organization::Model,
    /// The supplier answering.
    pub supplier: &'a supplier::Model,
    /// The assessment.
    pub assessment: &'a assessment::Model,
    /// The questionnaire's title by language.
    pub title: &'a LocalizedText,
    /// Who sends it.
    pub actor: Option<Uuid>,
    /// Base of links in emails.
    pub public_url: &'a str,
}

/// Queues the "assessment sent" email to each of the supplier's people (its users
/// and its contact), each carrying a new link of their own: one person's link can
/// be revoked without closing the others'. Returns the new links.
pub async fn email_links<C: ConnectionTrait>(
    db: &C,
    input: EmailLinks<'_>,
) -> Result<Vec<assessment_link::Model>, DomainError> {
    let people = recipients::supplier_people(db, input.supplier).await?;
    let mut links = Vec::with_capacity(people.len());
    for person in &people {
        let (link, token) = issue_link(
            db,
            NewLink {
                assessment: input.assessment,
                email: &person.email,
                locale: person.locale,
                actor: input.actor,
            },
        )
        .await?;
        email::queue(
            db,
            NewEmail::new(
                Some(input.company.id),
                person.email.clone(),
                person.locale,
                &AssessmentSentMessage {
                    company_name: input.company.name.clone(),
                    supplier_name: input.supplier.name.clone(),
                    questionnaire_title: input.title.get(person.locale.code(), "en").to_string(),
                    due_date: input.assessment.due_date.to_string(),
                    link: link_url(input.public_url, &token),
                },
            )?,
        )
        .await?;
        links.push(link);
    }
    Ok(links)
}
