//! `GET/POST /companies/{cid}/team`: the company's people and pending
//! invitations; officers and admins invite officers and advisors (the same domain
//! use case as `POST /companies/{cid}/advisors` in the API), withdraw a pending
//! invitation (`POST …/team/invitations/{id}/withdraw`) and remove a member
//! (`POST …/team/members/{id}/remove`; never the company's last admin).

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    DomainError, accounts,
    values::{Email, Role},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// One person of the company.
pub struct Person {
    name: String,
    email: String,
    role: String,
    /// The remove form; none beside the company's last admin.
    remove_action: Option<String>,
}

/// One pending invitation.
pub struct Pending {
    email: String,
    role: String,
    expires: String,
    withdraw_action: String,
}

/// The team page.
#[derive(Template)]
#[template(path = "team.html")]
pub struct TeamPage {
    l: Layout,
    action: String,
    people: Vec<Person>,
    pending: Vec<Pending>,
    email: String,
    role: String,
    email_error: Option<String>,
    invited: bool,
    days: i64,
    /// `withdrawn` or `removed` after a form.
    done: String,
    /// Why a removal was refused.
    refused: Option<String>,
}

/// `?invited=1` after an invitation, `?done=` after the other forms.
#[derive(Deserialize)]
pub struct TeamQuery {
    #[serde(default)]
    invited: Option<String>,
    #[serde(default)]
    done: String,
}

/// The invite form.
#[derive(Deserialize)]
pub struct InviteForm {
    email: String,
    role: String,
}

async fn page(state: &PortalState, member: &Member, cid: Uuid) -> Result<TeamPage, PortalError> {
    let t = member.t();
    let team = accounts::team(&state.db, &member.caller, cid).await.or_page(t)?;
    let admins = team
        .members
        .iter()
        .filter(|(m, _)| m.role == Role::Admin.as_str())
        .count();
    let caller_is_admin = member.caller.company_role(cid).is_ok_and(|r| r == Role::Admin);
    let people = team
        .members
        .into_iter()
        .map(|(m, u)| {
            // No Remove beside the last admin, nor beside any admin for an officer
            // (the domain refuses both).
            let is_admin = m.role == Role::Admin.as_str();
            let last_admin = is_admin && (admins <= 1 || !caller_is_admin);
            Person {
                name: u.name,
                email: u.email,
                remove_action: (!last_admin).then(|| routes::team_remove(cid, m.id)),
                role: m.role,
            }
        })
        .collect();
    let pending = team
        .pending
        .into_iter()
        .map(|i| Pending {
            expires: i.expires_at.date_naive().to_string(),
            withdraw_action: routes::team_withdraw(cid, i.id),
            email: i.email,
            role: i.role,
        })
        .collect();
    Ok(TeamPage {
        l: member.layout(),
        action: routes::team(cid),
        people,
        pending,
        email: String::new(),
        role: Role::Advisor.as_str().into(),
        email_error: None,
        invited: false,
        days: accounts::INVITATION_TTL_DAYS,
        done: String::new(),
        refused: None,
    })
}

/// The people and the invite form (officers and admins).
#[get("/companies/{cid}/team")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<TeamQuery>,
) -> Result<HttpResponse, PortalError> {
    member.caller.company_manager(*cid).or_page(member.t())?;
    let query = query.into_inner();
    let mut team = page(&state, &member, *cid).await?;
    team.invited = query.invited.is_some();
    team.done = query.done;
    member.render(&team)
}

/// Invites an officer or an advisor; the email goes out with the queue.
#[post("/companies/{cid}/team")]
pub async fn invite(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<InviteForm>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let form = form.0;
    let role = match Role::parse(&form.role) {
        Some(role @ (Role::Officer | Role::Advisor)) => role,
        _ => return Err(member.fail(ErrorKind::BadRequest)),
    };
    let Ok(email) = Email::parse(&form.email) else {
        let mut team = page(&state, &member, cid).await?;
        team.email = form.email;
        team.role = role.as_str().into();
        team.email_error = Some(t.get("err-email"));
        let mut response = member.render(&team)?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    accounts::invite_to_company(
        &state.db,
        &member.caller,
        cid,
        email,
        role,
        &state.config.public_url,
    )
    .await
    .or_page(t)?;
    Ok(see_other(&format!("{}?invited=1", routes::team(cid))).finish())
}

/// Withdraws a pending invitation (the page asks to confirm first); its link stops
/// working.
#[post("/companies/{cid}/team/invitations/{id}/withdraw")]
pub async fn withdraw(
    state: web::Data<PortalState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let ((cid, id), t) = (path.into_inner(), member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let txn = state.db.begin_write().await.or_page(t)?;
    accounts::withdraw_invitation(&txn, &member.caller, cid, id)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("{}?done=withdrawn", routes::team(cid))).finish())
}

/// Removes a member from the company (the page asks to confirm first). The last
/// admin stays: the team page again, with why, and nothing changed. Someone who
/// removes themselves goes home (the team page is no longer theirs).
#[post("/companies/{cid}/team/members/{id}/remove")]
pub async fn remove(
    state: web::Data<PortalState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let ((cid, id), t) = (path.into_inner(), member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let txn = state.db.begin_write().await.or_page(t)?;
    match accounts::remove_member(&txn, &member.caller, cid, id).await {
        Ok(removed) => {
            txn.commit().await.or_page(t)?;
            if removed.user_id == member.caller.user_id {
                return Ok(see_other(routes::HOME).finish());
            }
            Ok(see_other(&format!("{}?done=removed", routes::team(cid))).finish())
        }
        Err(DomainError::Conflict(why)) if why == accounts::LAST_ADMIN => {
            txn.rollback().await.or_page(t)?;
            let mut team = page(&state, &member, cid).await?;
            team.refused = Some(t.get("team-last-admin"));
            let mut response = member.render(&team)?;
            *response.status_mut() = StatusCode::CONFLICT;
            Ok(response)
        }
        Err(other) => Err(PortalError::from_domain(other, t)),
    }
}
