//! "Screening hit": a supplier or recruiter resembles a name on a public
//! forced-labour list; to the company's officers and admins (see
//! `domain::notifications`).

use domain::values::Locale;
use serde::Deserialize;

use super::{RenderedEmail, assemble, labels::reason_role, localized};

/// The stored parameters.
#[derive(Debug, Deserialize)]
struct ScreeningHit {
    company_name: String,
    subject_name: String,
    list_name: String,
    entry_name: String,
    score: String,
    reason: String,
    link: String,
    #[serde(skip)]
    role: String,
}

localized!(
    Subject,
    ScreeningHit,
    en: "email/screening_hit/en.subject.txt",
    es: "email/screening_hit/es.subject.txt",
    fr: "email/screening_hit/fr.subject.txt",
);
localized!(
    Text,
    ScreeningHit,
    en: "email/screening_hit/en.txt",
    es: "email/screening_hit/es.txt",
    fr: "email/screening_hit/fr.txt",
);
localized!(
    Html,
    ScreeningHit,
    en: "email/screening_hit/en.html",
    es: "email/screening_hit/es.html",
    fr: "email/screening_hit/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let mut v = ScreeningHit::deserialize(params)?;
    v.role = reason_role(&v.reason, locale);
    assemble(
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
