//! "A questionnaire is waiting for you": sent to the supplier's users and contact
//! when a company sends an assessment (see `domain::assessments::send`).

use domain::values::Locale;
use serde::Deserialize;

use super::{RenderedEmail, assemble, labels::subject, localized};

/// The stored parameters, which the templates show as they are.
#[derive(Debug, Deserialize)]
struct AssessmentSent {
    company_name: String,
    supplier_name: String,
    questionnaire_title: String,
    due_date: String,
    link: String,
}

localized!(
    Text,
    AssessmentSent,
    en: "email/assessment_sent/en.txt",
    es: "email/assessment_sent/es.txt",
    fr: "email/assessment_sent/fr.txt",
);
localized!(
    Html,
    AssessmentSent,
    en: "email/assessment_sent/en.html",
    es: "email/assessment_sent/es.html",
    fr: "email/assessment_sent/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let v = AssessmentSent::deserialize(params)?;
    assemble(
        subject(
            locale,
            domain::notifications::template::ASSESSMENT_SENT,
            &[
                ("company_name", v.company_name.as_str().into()),
                ("questionnaire_title", v.questionnaire_title.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
