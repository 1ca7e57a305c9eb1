//! "Your answers need changes": a reviewer returned the assessment; to the
//! supplier's users and contact, with the reviewer's comment.

use domain::values::Locale;
use serde::Deserialize;

use super::{RenderedEmail, assemble, labels::subject, localized};

/// The stored parameters.
#[derive(Debug, Deserialize)]
struct AssessmentReturned {
    company_name: String,
    supplier_name: String,
    questionnaire_title: String,
    comment: String,
    due_date: String,
    reason: String,
    link: String,
}

localized!(
    Text,
    AssessmentReturned,
    en: "email/assessment_returned/en.txt",
    es: "email/assessment_returned/es.txt",
    fr: "email/assessment_returned/fr.txt",
);
localized!(
    Html,
    AssessmentReturned,
    en: "email/assessment_returned/en.html",
    es: "email/assessment_returned/es.html",
    fr: "email/assessment_returned/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let v = AssessmentReturned::deserialize(params)?;
    assemble(
        subject(
            locale,
            domain::notifications::template::ASSESSMENT_RETURNED,
            &[
                ("questionnaire_title", v.questionnaire_title.as_str().into()),
                ("company_name", v.company_name.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
