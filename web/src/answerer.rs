//! Who answers an assessment's pages: a signed-in member, or "the supplier via
//! link" (issue #24) — a visitor whose only credential is a supplier link's
//! cookie. Only the answering pages (sections, evidence, check, submit) take an
//! [`Answerer`]; every other page takes a [`Member`] and sends a link holder to
//! the login page, and the API never reads the cookie at all.

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload, web};
use askama::Template;
use domain::{
    access::{SupplierAccess, readable},
    entities::{assessment, supplier},
    supplier_links::{self, LinkHolder},
};
use uuid::Uuid;

use crate::{
    context::{Layout, Member, Visit},
    error::{ErrorKind, OrPage, PortalError},
    i18n::Tr,
    state::PortalState,
};

/// How the visitor is let in.
pub enum Who {
    /// A signed-in person.
    Member(Member),
    /// The holder of a supplier link: the link's id, checked again on every use.
    Link(Visit, Uuid),
}

/// A visitor who may be answering an assessment.
pub struct Answerer {
    /// How they are let in.
    pub who: Who,
}

impl FromRequest for Answerer {
    type Error = PortalError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let visit = Visit::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let mut visit = visit.await?;
            if let Some(caller) = visit.caller.take() {
                return Ok(Self {
                    who: Who::Member(Member { visit, caller }),
                });
            }
            let link = req
                .app_data::<web::Data<PortalState>>()
                .and_then(|state| state.link_sessions.user(&req))
                .map(|(link_id, _)| link_id);
            match link {
                Some(link_id) => Ok(Self {
                    who: Who::Link(visit, link_id),
                }),
                None => Err(PortalError::new(ErrorKind::LoginRequired, visit.t)),
            }
        })
    }
}

impl Answerer {
    fn visit(&self) -> &Visit {
        match &self.who {
            Who::Member(member) => &member.visit,
            Who::Link(visit, _) => visit,
        }
    }

    /// The words.
    pub fn t(&self) -> Tr {
        self.visit().t
    }

    /// Whether the visitor came through a supplier link.
    pub fn via_link(&self) -> bool {
        matches!(self.who, Who::Link(..))
    }

    /// The page layout: a member's, or a link holder's (no navigation, and the
    /// offer to create an account).
    pub fn layout(&self) -> Layout {
        match &self.who {
            Who::Member(member) => member.layout(),
            Who::Link(visit, _) => Layout {
                via_link: true,
                ..visit.layout()
            },
        }
    }

    /// An error page in the visitor's language.
    pub fn fail(&self, kind: ErrorKind) -> PortalError {
        PortalError::new(kind, self.t())
    }

    /// Renders a page, setting the CSRF cookie when it is new.
    pub fn render(&self, page: &impl Template) -> Result<HttpResponse, PortalError> {
        let visit = self.visit();
        crate::context::render(page, visit.new_cookie.clone(), visit.t)
    }

    /// The link holder, read fresh (a revoked or expired link is a "link closed"
    /// page, 410); a member is `None`.
    pub async fn holder(&self, state: &PortalState) -> Result<Option<LinkHolder>, PortalError> {
        let Who::Link(visit, link_id) = &self.who else {
            return Ok(None);
        };
        match supplier_links::reach(&state.db, *link_id).await {
            Ok(holder) => Ok(Some(holder)),
            Err(domain::DomainError::Gone(_)) => Err(PortalError::new(ErrorKind::LinkClosed, visit.t)),
            Err(other) => Err(PortalError::from_domain(other, visit.t)),
        }
    }

    /// Assessment `aid`, its supplier and how the visitor reaches it: a member by
    /// the usual rules, a link holder only its link's assessment (any other is a
    /// 404). Read fresh on every call.
    pub async fn assessment(
        &self,
        state: &PortalState,
        aid: Uuid,
    ) -> Result<(assessment::Model, supplier::Model, SupplierAccess), PortalError> {
        let t = self.t();
        let reached = match &self.who {
            Who::Member(member) => readable::assessment(&state.db, &member.caller, aid)
                .await
                .or_page(t)?,
            Who::Link(..) => {
                let holder = self.holder(state).await?.ok_or(self.fail(ErrorKind::NotFound))?;
                holder.assessment(aid).or_page(t)?.clone()
            }
        };
        Ok((reached.row, reached.supplier, reached.access))
    }

    /// The id the visitor acts under: the user's, or the link's.
    pub fn actor(&self) -> Uuid {
        match &self.who {
            Who::Member(member) => member.caller.user_id,
            Who::Link(_, link_id) => *link_id,
        }
    }
}
