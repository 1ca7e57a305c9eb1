//! "Your evidence pack is ready": its JSON, PDF and ZIP can be downloaded; to
//! the company's officers and admins and the requester (api-contract.md, Evidence packs).

use domain::{email::messages::EvidencePackReadyMessage, values::Locale};

use super::{RenderedEmail, WithRole, assemble, labels::subject, localized};

localized!(
    Text,
    WithRole<EvidencePackReadyMessage>,
    en: "email/evidence_pack_ready/en.txt",
    es: "email/evidence_pack_ready/es.txt",
    fr: "email/evidence_pack_ready/fr.txt",
);
localized!(
    Html,
    WithRole<EvidencePackReadyMessage>,
    en: "email/evidence_pack_ready/en.html",
    es: "email/evidence_pack_ready/es.html",
    fr: "email/evidence_pack_ready/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, message: EvidencePackReadyMessage) -> anyhow::Result<RenderedEmail> {
    let v = WithRole::new(message, locale, |m| m.reason.as_str());
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::EvidencePackReady.as_str(),
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
