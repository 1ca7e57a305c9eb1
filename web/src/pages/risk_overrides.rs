//! `GET/POST /companies/{cid}/risk-overrides` (officers and admins): the company's
//! own country and sector risk figures, replaced as a whole set — the same domain
//! use case as `PUT /companies/{cid}/risk-overrides` in the API, which also
//! re-scores the suppliers' latest assessments. Without JavaScript the form is a
//! table of rows (the current ones and a few blank ones); clearing a row's key
//! removes that override.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    DomainError,
    risk_overrides::{self, Decimal, OverrideInput, OverrideSet},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    i18n::Tr,
    pages::see_other,
    routes,
    state::PortalState,
};

/// Blank rows offered for new overrides.
const BLANK_ROWS: usize = 3;
/// The most rows a form may carry (a bound on what a posted form can make us parse).
const MAX_ROWS: usize = 500;

/// One row of the form, as typed, with what is wrong with it.
#[derive(Default, Clone)]
pub struct OverrideRow {
    kind: String,
    key: String,
    risk: String,
    note: String,
    key_error: Option<String>,
    risk_error: Option<String>,
}

impl OverrideRow {
    fn blank(&self) -> bool {
        self.key.trim().is_empty() && self.risk.trim().is_empty()
    }
}

/// The page.
#[derive(Template)]
#[template(path = "risk_overrides.html")]
pub struct RiskOverridesPage {
    l: Layout,
    action: String,
    rows: Vec<OverrideRow>,
    /// (value, label) for the key suggestions: sector keys, then country codes.
    suggestions: Vec<(String, String)>,
    /// Whether the list was just replaced.
    saved: bool,
    /// Whether the form was refused (a summary above it).
    refused: bool,
}

/// `?done=saved` after a replacement.
#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

fn page(member: &Member, cid: Uuid, mut rows: Vec<OverrideRow>) -> RiskOverridesPage {
    rows.extend(std::iter::repeat_n(
        OverrideRow {
            kind: "country".into(),
            ..OverrideRow::default()
        },
        BLANK_ROWS,
    ));
    let locale = member.t().locale;
    let suggestions = domain::reference::sectors()
        .iter()
        .map(|s| (s.key.clone(), s.name(locale).to_string()))
        .chain(
            domain::reference::countries()
                .iter()
                .map(|c| (c.code.to_string(), c.name.to_string())),
        )
        .collect();
    RiskOverridesPage {
        l: member.layout(),
        action: routes::risk_overrides(cid),
        rows,
        suggestions,
        saved: false,
        refused: false,
    }
}

/// The company's overrides and the form replacing them.
#[get("/companies/{cid}/risk-overrides")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let rows = risk_overrides::list(&state.db, cid)
        .await
        .or_page(t)?
        .into_iter()
        .map(|o| OverrideRow {
            kind: o.kind,
            key: o.key,
            risk: o.risk,
            note: o.note.unwrap_or_default(),
            ..OverrideRow::default()
        })
        .collect();
    let mut shown = page(&member, cid, rows);
    shown.saved = query.done == "saved";
    member.render(&shown)
}

/// The rows of a posted form (`kind.N`, `key.N`, `risk.N`, `note.N`), in order.
fn rows_of(pairs: Vec<(String, String)>) -> Vec<OverrideRow> {
    let mut rows: BTreeMap<usize, OverrideRow> = BTreeMap::new();
    for (name, value) in pairs {
        let Some((field, n)) = name.split_once('.') else {
            continue;
        };
        let Some(n) = n.parse::<usize>().ok().filter(|n| *n < MAX_ROWS) else {
            continue;
        };
        let row = rows.entry(n).or_default();
        match field {
            "kind" => row.kind = value,
            "key" => row.key = value,
            "risk" => row.risk = value,
            "note" => row.note = value,
            _ => {}
        }
    }
    rows.into_values().filter(|r| !r.blank()).collect()
}

/// The set the rows ask for; what cannot even be read (a risk that is not a
/// number, a key twice) is marked on its row. The domain checks the rest.
fn set_of(rows: &mut [OverrideRow], t: Tr) -> OverrideSet {
    let mut set = OverrideSet::default();
    for row in rows.iter_mut() {
        let key = row.key.trim().to_string();
        let risk = row.risk.trim().parse::<Decimal>();
        if risk.is_err() {
            row.risk_error = Some(t.arg2("err-between", "min", 0, "max", 100));
        }
        let input = OverrideInput {
            risk: risk.unwrap_or_default(),
            note: Some(row.note.trim().to_string()).filter(|n| !n.is_empty()),
        };
        let map = if row.kind == "sector" {
            &mut set.sectors
        } else {
            &mut set.countries
        };
        if key.is_empty() || map.contains_key(&key) {
            row.key_error = Some(t.get("override-key-twice"));
        } else {
            map.insert(key, input);
        }
    }
    set
}

/// Marks the domain's field errors (`countries.NP`, `sectors.x.risk`…) on the rows.
fn mark(rows: &mut [OverrideRow], errors: Vec<domain::error::FieldError>, t: Tr) {
    for error in errors {
        let (kind, rest) = match error.field.split_once('.') {
            Some(("countries", rest)) => ("country", rest),
            Some((_, rest)) => ("sector", rest),
            None => continue,
        };
        let (key, is_risk) = match rest.strip_suffix(".risk") {
            Some(key) => (key, true),
            None => (rest, false),
        };
        let kind_of = |r: &OverrideRow| if r.kind == "sector" { "sector" } else { "country" };
        if let Some(row) = rows
            .iter_mut()
            .find(|r| kind_of(r) == kind && r.key.trim() == key)
        {
            if is_risk {
                row.risk_error = Some(t.arg2("err-between", "min", 0, "max", 100));
            } else {
                row.key_error = Some(t.get(if kind == "sector" {
                    "override-unknown-sector"
                } else {
                    "override-unknown-country"
                }));
            }
        }
    }
}

/// Replaces the whole set; a refused form is shown again, each problem on its
/// row, and nothing is stored.
#[post("/companies/{cid}/risk-overrides")]
pub async fn replace(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let mut rows = rows_of(form.0);
    // A row's kind is the form's select; any other value is a tampered form.
    if rows
        .iter()
        .any(|r| !["", "country", "sector"].contains(&r.kind.as_str()))
    {
        return Err(PortalError::new(ErrorKind::BadRequest, t));
    }
    let set = set_of(&mut rows, t);
    let unreadable = rows
        .iter()
        .any(|r| r.key_error.is_some() || r.risk_error.is_some());
    if !unreadable {
        let txn = state.db.begin_write().await.or_page(t)?;
        match risk_overrides::replace(&txn, cid, member.caller.user_id, set).await {
            Ok(_) => {
                txn.commit().await.or_page(t)?;
                return Ok(see_other(&format!("{}?done=saved", routes::risk_overrides(cid))).finish());
            }
            Err(DomainError::Invalid(errors)) => {
                let _ = txn.rollback().await;
                mark(&mut rows, errors, t);
            }
            Err(other) => return Err(PortalError::from_domain(other, t)),
        }
    }
    let mut shown = page(&member, cid, rows);
    shown.refused = true;
    let mut response = member.render(&shown)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}
