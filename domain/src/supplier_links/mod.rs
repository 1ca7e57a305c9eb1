//! Supplier links (issue #24): the assessment email carries a link,
//! `{PUBLIC_URL}/a/{token}`, that opens that one assessment for answering for 30
//! days without an account. Whoever holds it acts as "the supplier via link": the
//! answer, evidence and submit use cases are the supplier's own, and the audit
//! trail names the link (its id is the actor).
//!
//! Why a random token stored hashed rather than an HMAC-signed token: a signed
//! token is valid until it expires, whatever happens, unless a revocation list
//! is kept anyway; a stored row is revoked by setting `revoked_at`, checked on
//! every request. The token is 256 random bits (`secret_token`), the database
//! keeps only its SHA-256 (a leaked table opens nothing), and the row binds it to
//! one assessment and one purpose (`answer_assessment`).

mod account;
mod email;
mod issue;
mod manage;
mod open;
mod queue;
mod reach;

pub use account::invite_holder;
pub use email::{EmailLinks, email_links};
pub use issue::{NewLink, discard_link, issue_link, link_url};
pub use manage::{links_of, resend, revoke};
pub use open::{Closed, Opening, open};
pub use queue::queue_with_link;
pub use reach::{LinkHolder, reach};

/// The only purpose a link has: answering its assessment.
pub const PURPOSE_ANSWER: &str = "answer_assessment";

/// A link opens its assessment for 30 days (issue #24).
pub const LINK_TTL_DAYS: i64 = 30;

/// Where a link stands now: `active`, `revoked` or `expired` (what both doors
/// show beside it).
pub fn link_status(link: &crate::entities::assessment_link::Model) -> &'static str {
    if link.revoked_at.is_some() {
        "revoked"
    } else if link.expires_at <= crate::clock::now() {
        "expired"
    } else {
        "active"
    }
}
