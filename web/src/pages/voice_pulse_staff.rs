//! A site's worker pulse in the portal, `/voice/channels/{id}/pulse`, for the
//! company's admins, officers and advisors: per question, how many chose each
//! option — only from five answers on. Below that the page says there are not
//! enough answers to show without risking identification, and shows no number.

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::voice::{
    i18n::VoiceTr,
    pulse::{Question, aggregate},
};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::PortalError,
    state::PortalState,
};

/// One question's rows: its words and `(option words, count)`.
pub struct QuestionRows {
    label: String,
    options: Vec<(String, u64)>,
}

/// The page.
#[derive(Template)]
#[template(path = "voice_pulse.html")]
pub struct PulsePage {
    l: Layout,
    back: String,
    site: String,
    answers: Option<u64>,
    questions: Vec<QuestionRows>,
}

/// `GET /voice/channels/{id}/pulse`.
#[get("/voice/channels/{id}/pulse")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let pulse = aggregate::of_channel(&state.db, &member.caller, *id)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let site = domain::voice::staff::channel_site_name(&state.db, &pulse.channel)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let w = VoiceTr::new(t.locale.code());
    let page = PulsePage {
        l: member.layout(),
        back: format!("/companies/{}/voice", pulse.channel.company_id),
        site,
        answers: pulse.tally.as_ref().map(|tally| tally.answers),
        questions: pulse
            .tally
            .map(|tally| {
                tally
                    .questions
                    .into_iter()
                    .map(|q| QuestionRows {
                        label: w.get(&format!("pulse-q-{}", q.question)),
                        options: q
                            .options
                            .into_iter()
                            .map(|o| (w.get(&Question::option_key(o.option)), o.count))
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    member.render(&page)
}
