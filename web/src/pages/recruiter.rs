//! A recruiter of the company's registry in the portal (staff), reached from a
//! corridor (`/recruiters/{id}`): who it is (licences, origin countries, IRIS status
//! as the company recorded it), the recruiters it works under and its sub-agents,
//! the suppliers it works for, the suppliers whose workers paid it (latest fee audit
//! of each) and the suppliers whose latest SAQ names it with their fee answers.
//! Officers and admins edit the registry fields on the same page (`POST`, errors
//! beside each field, nothing stored on error). Another company's recruiter is the
//! 404 page.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    error::DomainError,
    fee_audit::engine::format_number,
    questionnaire::standard::standard_saq,
    recruiters::{
        COSTS_QUESTION, IrisStatus, LicenceInput, MONTHS_QUESTION, PAID_QUESTION, RecruiterInput,
        RecruiterProfile, recruiter_profile, update_recruiter,
    },
    transaction::BeginWrite as _,
};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    i18n::Tr,
    pages::see_other,
    routes,
    state::PortalState,
};

/// A supplier whose workers paid the recruiter, as shown.
pub struct SupplierRow {
    link: String,
    name: String,
    country: String,
    paid: u64,
    fees: String,
}

/// A supplier's SAQ declaration, as shown.
pub struct DeclaredRow {
    link: String,
    name: String,
    paid_any: String,
    months: String,
    costs: String,
}

/// A recruiter of a chain, as shown.
pub struct ChainRow {
    link: String,
    name: String,
    depth: usize,
}

/// The edit form as typed (shown again with the errors).
#[derive(Default)]
pub struct EditForm {
    sub_agent_of: String,
    works_for: Vec<String>,
    origin_countries: String,
    licences: String,
    iris_status: String,
    iris_status_on: String,
    iris_source: String,
}

/// The recruiter page.
#[derive(Template)]
#[template(path = "recruiter.html")]
pub struct RecruiterPage {
    l: Layout,
    action: String,
    name: String,
    country: Option<String>,
    /// (country name, number, authority, expiry).
    licences: Vec<(String, String, String, String)>,
    origins: String,
    iris: String,
    iris_note: Option<String>,
    works_under: Vec<ChainRow>,
    sub_agents: Vec<ChainRow>,
    works_for: Vec<(String, String)>,
    suppliers: Vec<SupplierRow>,
    declared: Vec<DeclaredRow>,
    /// The edit form, for officers and admins.
    can_edit: bool,
    form: EditForm,
    errors: BTreeMap<String, String>,
    registry: Vec<(String, String)>,
    all_suppliers: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
}

impl RecruiterPage {
    fn works_for_checked(&self, id: &str) -> bool {
        self.form.works_for.iter().any(|w| w == id)
    }
}

/// The form filled with what is stored.
fn stored_form(p: &RecruiterProfile) -> EditForm {
    let r = &p.recruiter;
    EditForm {
        sub_agent_of: r.sub_agent_of.map(|id| id.to_string()).unwrap_or_default(),
        works_for: p.works_for.iter().map(|s| s.id.to_string()).collect(),
        origin_countries: p.origin_countries.join(", "),
        licences: p
            .licences
            .iter()
            .map(|l| {
                format!(
                    "{}; {}; {}; {}",
                    l.number,
                    l.issuing_country,
                    l.authority,
                    l.expires_on.map(|d| d.to_string()).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        iris_status: r.iris_status.clone(),
        iris_status_on: r.iris_status_on.map(|d| d.to_string()).unwrap_or_default(),
        iris_source: r.iris_source.clone().unwrap_or_default(),
    }
}

/// An SAQ answer in the reader's language, by the standard SAQ's own option labels
/// (the value itself if the option is not there).
fn saq_label(question: &str, value: &str, t: Tr) -> String {
    standard_saq()
        .question(question)
        .and_then(|q| q.options.as_ref())
        .and_then(|options| options.iter().find(|o| o.value == value))
        .map_or_else(
            || value.to_string(),
            |o| o.label.get(t.locale.code(), "en").to_string(),
        )
}

fn page(
    member: &Member,
    p: RecruiterProfile,
    form: Option<EditForm>,
    errors: BTreeMap<String, String>,
) -> RecruiterPage {
    let t = member.t();
    let r = &p.recruiter;
    let chain = |links: &[domain::recruiters::ChainLink]| {
        links
            .iter()
            .map(|l| ChainRow {
                link: routes::recruiter(l.id),
                name: l.name.clone(),
                depth: l.depth,
            })
            .collect()
    };
    let answer =
        |key: &str, value: Option<&str>| value.map_or_else(|| "—".to_string(), |v| saq_label(key, v, t));
    RecruiterPage {
        l: member.layout(),
        action: routes::recruiter(r.id),
        name: r.name.clone(),
        country: r.country.as_deref().map(|c| t.country(c)),
        licences: p
            .licences
            .iter()
            .map(|l| {
                (
                    t.country(&l.issuing_country),
                    l.number.clone(),
                    l.authority.clone(),
                    l.expires_on.map_or_else(|| "—".to_string(), |d| d.to_string()),
                )
            })
            .collect(),
        origins: p
            .origin_countries
            .iter()
            .map(|c| t.country(c))
            .collect::<Vec<_>>()
            .join(", "),
        iris: t.of("iris-", p.iris_status.as_str()),
        iris_note: (p.iris_status != IrisStatus::None).then(|| {
            format!(
                "{} — {}",
                r.iris_status_on.map(|d| d.to_string()).unwrap_or_default(),
                r.iris_source.clone().unwrap_or_default()
            )
        }),
        works_under: chain(&p.works_under),
        sub_agents: chain(&p.sub_agents),
        works_for: p
            .works_for
            .iter()
            .map(|s| (routes::supplier(s.id), s.name.clone()))
            .collect(),
        suppliers: p
            .paying
            .iter()
            .map(|s| SupplierRow {
                link: routes::supplier(s.supplier.id),
                country: t.country(&s.supplier.country),
                name: s.supplier.name.clone(),
                paid: s.share.workers_who_paid,
                fees: format_number(s.fees_usd, 2, t.locale),
            })
            .collect(),
        declared: p
            .declared
            .iter()
            .map(|d| DeclaredRow {
                link: routes::supplier(d.supplier.id),
                name: d.supplier.name.clone(),
                paid_any: answer(PAID_QUESTION, d.workers_paid_any.as_deref()),
                months: answer(MONTHS_QUESTION, d.months_of_wages.as_deref()),
                costs: if d.costs_paid.is_empty() {
                    "—".to_string()
                } else {
                    d.costs_paid
                        .iter()
                        .map(|c| saq_label(COSTS_QUESTION, c, t))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            })
            .collect(),
        can_edit: member.caller.company_manager(r.company_id).is_ok(),
        form: form.unwrap_or_else(|| stored_form(&p)),
        errors,
        registry: p
            .registry
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect(),
        all_suppliers: p
            .suppliers
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect(),
        statuses: IrisStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), t.of("iris-", s.as_str())))
            .collect(),
    }
}

/// `GET /recruiters/{id}`.
#[get("/recruiters/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let profile = recruiter_profile(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    member.render(&page(&member, profile, None, BTreeMap::new()))
}

/// The form's fields as the domain's input, or the fields that cannot be read.
fn read_form(
    pairs: &[(String, String)],
    t: Tr,
) -> (EditForm, Result<RecruiterInput, BTreeMap<String, String>>) {
    let one = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let form = EditForm {
        sub_agent_of: one("sub_agent_of"),
        works_for: pairs
            .iter()
            .filter(|(k, _)| k == "works_for")
            .map(|(_, v)| v.clone())
            .collect(),
        origin_countries: one("origin_countries"),
        licences: one("licences"),
        iris_status: one("iris_status"),
        iris_status_on: one("iris_status_on"),
        iris_source: one("iris_source"),
    };
    let mut errors = BTreeMap::new();
    let sub_agent_of = match form.sub_agent_of.trim() {
        "" => Some(None),
        raw => match Uuid::parse_str(raw) {
            Ok(id) => Some(Some(id)),
            Err(_) => {
                errors.insert("sub_agent_of".to_string(), t.get("recruiter-choose-from-list"));
                None
            }
        },
    };
    let works_for: Vec<Uuid> = form
        .works_for
        .iter()
        .filter_map(|raw| {
            Uuid::parse_str(raw)
                .map_err(|_| {
                    errors.insert("works_for".to_string(), t.get("recruiter-choose-from-list"));
                })
                .ok()
        })
        .collect();
    let origin_countries: Vec<String> = form
        .origin_countries
        // Commas and plain spaces part the codes; anything else is the domain's to refuse.
        .split([',', ' '])
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    let mut licences = Vec::new();
    for (i, line) in form
        .licences
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let parts: Vec<&str> = line.split(';').map(str::trim).collect();
        match parts.as_slice() {
            [number, country, authority] | [number, country, authority, ""] => licences.push(LicenceInput {
                number: (*number).to_string(),
                issuing_country: (*country).to_string(),
                authority: (*authority).to_string(),
                expires_on: None,
            }),
            [number, country, authority, expires] => licences.push(LicenceInput {
                number: (*number).to_string(),
                issuing_country: (*country).to_string(),
                authority: (*authority).to_string(),
                expires_on: Some((*expires).to_string()),
            }),
            _ => {
                errors.insert(
                    "licences".to_string(),
                    t.arg1("recruiter-licence-line", "line", (i + 1).to_string()),
                );
            }
        }
    }
    let input = RecruiterInput {
        sub_agent_of,
        works_for: Some(works_for),
        origin_countries: Some(origin_countries),
        licences: Some(licences),
        iris_status: Some(form.iris_status.clone()),
        iris_status_on: Some(Some(form.iris_status_on.clone())),
        iris_source: Some(Some(form.iris_source.clone())),
    };
    (form, if errors.is_empty() { Ok(input) } else { Err(errors) })
}

/// The domain's field errors beside the form's fields: `licences[1].number` is
/// said at the licences box, as its line 2.
fn beside_fields(fields: Vec<domain::error::FieldError>, t: Tr) -> BTreeMap<String, String> {
    let mut errors = BTreeMap::new();
    for f in fields {
        let name = f.field.split(['[', '.']).next().unwrap_or_default().to_string();
        let message = match f
            .field
            .split_once('[')
            .and_then(|(_, rest)| rest.split(']').next())
        {
            Some(index) => {
                let line = index.parse::<usize>().map_or(1, |i| i + 1);
                format!(
                    "{} {}",
                    t.arg1("recruiter-line", "line", line.to_string()),
                    f.message
                )
            }
            None => f.message,
        };
        errors
            .entry(name)
            .and_modify(|m: &mut String| {
                m.push_str("; ");
                m.push_str(&message);
            })
            .or_insert(message);
    }
    errors
}

/// `POST /recruiters/{id}`: stores the registry fields (officers and admins), or
/// shows the page again with each error beside its field.
#[post("/recruiters/{id}")]
pub async fn update(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let profile = recruiter_profile(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    member
        .caller
        .company_manager(profile.recruiter.company_id)
        .or_page(t)?;
    let (typed, input) = read_form(&form.0, t);
    let refused = |profile, typed, errors| -> Result<HttpResponse, PortalError> {
        let mut response = member.render(&page(&member, profile, Some(typed), errors))?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(response)
    };
    let input = match input {
        Ok(input) => input,
        Err(errors) => return refused(profile, typed, errors),
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    match update_recruiter(&txn, &member.caller, profile.recruiter.id, input).await {
        Ok(updated) => {
            txn.commit().await.or_page(t)?;
            Ok(see_other(&routes::recruiter(updated.id)).finish())
        }
        Err(DomainError::Invalid(fields)) => refused(profile, typed, beside_fields(fields, t)),
        Err(other) => Err(other).or_page(t),
    }
}
