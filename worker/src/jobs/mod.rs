//! The platform's jobs: thin handlers that take their typed payload (ids only) and
//! call the domain use case, which does its work in one transaction.
//! [`catalogue`] is the one place that says which handler runs which job type.

mod deliver_webhook;
mod fetch_fx_rates;
mod notifications;
pub mod render_evidence_pack;
pub mod render_report;
mod render_statement;
mod render_voice_poster;
mod score_assessment;
mod send_scheduled;
mod send_voice_message;

use domain::{
    assessments::{ScoreAssessment, SendScheduledAssessments},
    email::SendEmail,
    events::DeliverWebhook,
    evidence_packs::RenderEvidencePack,
    fee_audit::store::FetchFxRates,
    notifications::{Event, SendDigest, SendReminders},
    reports::RenderReport,
    statements::RenderStatement,
    voice::{messaging::outbound::SendVoiceMessage, posters::RenderPoster},
};

use crate::{email, runner::Catalogue};

/// Every job the platform runs, with its handler.
pub fn catalogue() -> Catalogue {
    crate::webhooks::install_tls_provider();
    let mut catalogue = Catalogue::new();
    catalogue
        .add::<SendEmail, _, _>(email::send_email)
        .add::<ScoreAssessment, _, _>(score_assessment::run)
        .add_batched_loading::<ScoreAssessment, _, _, _>(score_assessment::load, score_assessment::step)
        .add::<RenderReport, _, _>(render_report::run)
        .add::<RenderPoster, _, _>(render_voice_poster::run)
        .add::<RenderStatement, _, _>(render_statement::run)
        .add::<RenderEvidencePack, _, _>(render_evidence_pack::run)
        .add::<DeliverWebhook, _, _>(deliver_webhook::run)
        .add::<FetchFxRates, _, _>(fetch_fx_rates::run)
        .add::<SendScheduledAssessments, _, _>(send_scheduled::run)
        .add::<SendVoiceMessage, _, _>(send_voice_message::run)
        .add::<Event, _, _>(notifications::notify)
        .add::<SendReminders, _, _>(notifications::send_reminders)
        .add::<SendDigest, _, _>(notifications::send_digest);
    catalogue
}

#[cfg(test)]
mod tests {
    use domain::jobs::Job;

    use super::*;

    #[test]
    fn every_job_type_has_one_handler() {
        let kinds = catalogue().kinds();
        let mut expected = vec![
            SendEmail::KIND,
            ScoreAssessment::KIND,
            RenderReport::KIND,
            RenderPoster::KIND,
            RenderStatement::KIND,
            RenderEvidencePack::KIND,
            DeliverWebhook::KIND,
            FetchFxRates::KIND,
            SendScheduledAssessments::KIND,
            SendVoiceMessage::KIND,
            Event::KIND,
            SendReminders::KIND,
            SendDigest::KIND,
        ];
        expected.sort_unstable();
        assert_eq!(kinds, expected);
    }
}
