//! `GET /companies/{cid}/audit` (officers and admins): the company's audit trail,
//! newest first, a page at a time — who did what, to what, when. Read-only: the
//! trail is written by the use cases themselves ([`domain::audit`]).

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::{
    audit::trail::{TrailEvent, trail},
    listing::Start,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    routes,
    state::PortalState,
};

const PER_PAGE: u64 = 50;

/// One event as the page shows it.
pub struct EventRow {
    when: String,
    /// A person's name, an API key's name, or empty for Fairhire itself.
    who: String,
    by_key: bool,
    /// "The supplier via link" (issue #24).
    by_link: bool,
    action: String,
    entity_type: String,
    entity_id: String,
    /// `field: before → after` (or `field: value` when only one side has it), from the
    /// summaries the use case recorded.
    changes: Vec<String>,
}

/// The trail.
#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage {
    l: Layout,
    rows: Vec<EventRow>,
    page: u64,
    pages: u64,
    base: String,
}

/// `?page=` (also read by the other paged portal lists).
#[derive(Deserialize)]
pub struct PageQuery {
    /// The page, from 1.
    #[serde(default)]
    pub page: Option<u64>,
}

/// The company's audit events, newest first.
#[get("/companies/{cid}/audit")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    // Clamped so that the offset cannot overflow, whatever the address says.
    let page = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let found = trail(&state.db, &member.caller, cid, &Start::Page(page), PER_PAGE)
        .await
        .or_page(t)?;
    let total = found.total;
    let rows = found
        .items
        .into_iter()
        .map(
            |TrailEvent {
                 event: e,
                 actor,
                 by_key,
                 by_link,
             }| EventRow {
                when: e.created_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                who: actor.unwrap_or_default(),
                by_key,
                by_link,
                action: e.action,
                entity_type: e.entity_type,
                entity_id: e.entity_id.map(|id| id.to_string()).unwrap_or_default(),
                changes: changes(e.before.as_ref(), e.after.as_ref()),
            },
        )
        .collect();
    member.render(&AuditPage {
        l: member.layout(),
        rows,
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        base: routes::audit(cid),
    })
}

/// Longest value shown in a change; summaries are small, but a title or URL may not be.
const VALUE_MAX: usize = 80;

/// A summary value as one short line: strings as they are, `—` for nothing.
fn shown(value: Option<&serde_json::Value>) -> String {
    let text = match value {
        None | Some(serde_json::Value::Null) => "—".to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    if text.chars().count() > VALUE_MAX {
        let cut: String = text.chars().take(VALUE_MAX).collect();
        format!("{cut}…")
    } else {
        text
    }
}

/// The fields of the before/after summaries, in the order recorded: what changed
/// shows both sides, what only one side names shows its value.
fn changes(before: Option<&serde_json::Value>, after: Option<&serde_json::Value>) -> Vec<String> {
    let empty = serde_json::Map::new();
    let before = before.and_then(|v| v.as_object()).unwrap_or(&empty);
    let after = after.and_then(|v| v.as_object()).unwrap_or(&empty);
    let mut keys: Vec<&String> = before.keys().collect();
    keys.extend(after.keys().filter(|k| !before.contains_key(*k)));
    keys.into_iter()
        .map(|key| match (before.get(key), after.get(key)) {
            (Some(old), Some(new)) if old == new => format!("{key}: {}", shown(Some(new))),
            (Some(old), Some(new)) => format!("{key}: {} → {}", shown(Some(old)), shown(Some(new))),
            (Some(old), None) => format!("{key}: {} → —", shown(Some(old))),
            (None, new) => format!("{key}: {}", shown(new)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::changes;

    #[test]
    fn changes_show_both_sides_of_what_changed() {
        let before = json!({"status": "open", "title": "Fees"});
        let after = json!({"status": "closed", "title": "Fees", "reason": "Repaid"});
        assert_eq!(
            changes(Some(&before), Some(&after)),
            ["status: open → closed", "title: Fees", "reason: Repaid"]
        );
        assert_eq!(changes(None, Some(&json!({"score": 42}))), ["score: 42"]);
        assert!(changes(None, None).is_empty());
        let long = "x".repeat(200);
        let cut = &changes(None, Some(&json!({"url": long})))[0];
        assert_eq!(cut.chars().count(), "url: ".len() + 80 + 1, "{cut}");
    }
}
