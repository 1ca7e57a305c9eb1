//! `GET /companies/{cid}/screening`: the company's open screening hits (suppliers
//! and recruiters whose names resemble a name on a public forced-labour list),
//! through the same use cases as the API. Officers and admins confirm or dismiss
//! each with a reason (`POST /screening-hits/{id}`); advisors read.

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    listing::Window,
    screening::{self, Verdict},
    transaction::BeginWrite as _,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The open hits a page lists at most (the API pages through them all).
const LISTED: u64 = 200;

/// One open hit, as listed.
pub struct Listed {
    id: Uuid,
    subject_name: String,
    subject_link: Option<String>,
    list_key: String,
    entry_name: String,
    score: String,
    raised: String,
    action: String,
}

/// The screening page.
#[derive(Template)]
#[template(path = "screening.html")]
pub struct ScreeningPage {
    l: Layout,
    hits: Vec<Listed>,
    /// Whether the reader may decide (officers and admins).
    decides: bool,
    /// The hit whose form was refused, the reason as typed and what is wrong.
    refused: Option<(Uuid, String, String)>,
    /// `confirmed` or `dismissed` after a decision.
    done: String,
}

/// `?done=` after a decision.
#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

/// The decision form.
#[derive(Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
}

async fn page(state: &PortalState, member: &Member, cid: Uuid) -> Result<ScreeningPage, PortalError> {
    let t = member.t();
    let (rows, _) = screening::list_hits(
        &state.db,
        &member.caller,
        cid,
        Some(screening::status::OPEN),
        Window::first(LISTED),
    )
    .await
    .or_page(t)?;
    let decides = member.caller.company_manager(cid).is_ok();
    let hits = rows
        .into_iter()
        .map(|h| Listed {
            subject_link: (h.subject_type == "supplier").then(|| routes::supplier(h.subject_id)),
            action: routes::screening_hit(h.id),
            raised: h.created_at.date_naive().to_string(),
            score: format!("{:.2}", h.score),
            id: h.id,
            subject_name: h.subject_name,
            list_key: h.list_key,
            entry_name: h.entry_name,
        })
        .collect();
    Ok(ScreeningPage {
        l: member.layout(),
        hits,
        decides,
        refused: None,
        done: String::new(),
    })
}

/// The open hits (company staff; anyone else 404).
#[get("/companies/{cid}/screening")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PortalError> {
    let mut listed = page(&state, &member, *cid).await?;
    listed.done = query.into_inner().done;
    member.render(&listed)
}

/// Confirms or dismisses a hit; without a reason the page comes back with the
/// message next to that hit's field and nothing changes.
#[post("/screening-hits/{id}")]
pub async fn decide(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<DecideForm>,
) -> Result<HttpResponse, PortalError> {
    let (id, t) = (*id, member.t());
    let form = form.0;
    let hit = screening::readable_hit(&state.db, &member.caller, id)
        .await
        .or_page(t)?;
    let Ok(verdict) = Verdict::parse(&form.status) else {
        return Err(member.fail(crate::error::ErrorKind::BadRequest));
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    match screening::decide_hit(&txn, &member.caller, id, verdict, &form.reason).await {
        Ok(decided) => {
            txn.commit().await.or_page(t)?;
            let back = format!(
                "{}?done={}",
                routes::screening(decided.company_id),
                decided.status
            );
            Ok(see_other(&back).finish())
        }
        Err(DomainError::Invalid(_)) => {
            drop(txn);
            let mut listed = page(&state, &member, hit.company_id).await?;
            listed.refused = Some((id, form.reason, t.get("screening-reason-error")));
            let mut response = member.render(&listed)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(other) => Err(PortalError::from_domain(other, t)),
    }
}
