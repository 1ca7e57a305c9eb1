//! Suppliers (company view): the list with filters, search and pages
//! (`GET /companies/{cid}/suppliers`), the add form (`GET/POST
//! /companies/{cid}/suppliers/new`), a supplier's page (`GET /suppliers/{sid}`:
//! profile, risk trend, assessments, findings) and sending a questionnaire
//! (`POST /suppliers/{sid}/assessments`).

use domain::transaction::BeginWrite as _;
use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    assessments::{self, SendAssessment},
    entities::{assessment, finding, questionnaire, supplier},
    listing::Start,
    suppliers::{self, CompanyOverview, Overview, SupplierFields, SupplierFilter},
    values::SearchText,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    charts,
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

const PER_PAGE: u64 = 25;

/// The list.
#[derive(Template)]
#[template(path = "suppliers.html")]
pub struct SuppliersPage {
    l: Layout,
    rows: Vec<supplier::Model>,
    q: String,
    /// Why the search term was refused, shown beside the box.
    q_error: Option<String>,
    band: String,
    page: u64,
    pages: u64,
    base: String,
    new_href: Option<String>,
}

/// Filters.
#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    band: String,
    #[serde(default)]
    page: Option<u64>,
}

/// The list.
#[get("/companies/{cid}/suppliers")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    let role = member
        .caller
        .company_role(cid)
        .map_err(|_| member.fail(ErrorKind::NotFound))?;
    // Clamped so that the offset cannot overflow, whatever the address says.
    let page = query.page.unwrap_or(1).clamp(1, 1_000_000);
    // A search term the domain refuses (a control character, too long) is said
    // beside the search box, with no results.
    let q_error = SearchText::parse(&query.q).err().map(|_| t.get("err-field"));
    let refused = q_error.is_some();
    let filter = SupplierFilter {
        risk_band: Some(query.band.clone()).filter(|b| !b.is_empty()),
        q: Some(query.q.clone()),
        ..SupplierFilter::default()
    };
    let (rows, total) = if refused {
        (Vec::new(), 0)
    } else {
        let found = suppliers::list_suppliers(&state.db, cid, &filter, &Start::Page(page), PER_PAGE)
            .await
            .or_page(t)?;
        (found.items, found.total)
    };
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut response = member.render(&SuppliersPage {
        l: member.layout(),
        rows,
        q: query.q.clone(),
        q_error,
        band: query.band.clone(),
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        base: routes::suppliers(cid),
        new_href: role.manages_company().then(|| routes::new_supplier(cid)),
    })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The add form.
#[derive(Template)]
#[template(path = "supplier_new.html")]
pub struct NewSupplierPage {
    l: Layout,
    action: String,
    fields: SupplierFields,
    errors: BTreeMap<String, String>,
    sectors: Vec<(String, String)>,
}

/// The sectors a new supplier may choose (keys retired by a review stay readable
/// for stored suppliers but are not offered).
fn sectors(t: crate::i18n::Tr) -> Vec<(String, String)> {
    domain::reference::sectors()
        .iter()
        .filter(|s| s.is_current())
        .map(|s| (s.key.to_string(), s.name(t.locale).to_string()))
        .collect()
}

/// The add form.
#[get("/companies/{cid}/suppliers/new")]
pub async fn new_form(member: Member, cid: web::Path<Uuid>) -> Result<HttpResponse, PortalError> {
    member.caller.company_manager(*cid).or_page(member.t())?;
    member.render(&NewSupplierPage {
        l: member.layout(),
        action: routes::new_supplier(*cid),
        fields: SupplierFields::default(),
        errors: BTreeMap::new(),
        sectors: sectors(member.t()),
    })
}

/// Adds the supplier and invites its contact.
#[post("/companies/{cid}/suppliers/new")]
pub async fn create(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<SupplierFields>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let fields = form.0;
    let parsed = match fields.parse() {
        Ok(parsed) => parsed,
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|e| (e.field, t.get("err-field")))
                .collect();
            let mut response = member.render(&NewSupplierPage {
                l: member.layout(),
                action: routes::new_supplier(cid),
                fields,
                errors,
                sectors: sectors(t),
            })?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    let company = domain::accounts::managed_company(&state.db, &member.caller, cid)
        .await
        .or_page(t)?;
    let txn = state.db.begin_write().await.or_page(t)?;
    let created = suppliers::create_supplier(
        &txn,
        &company,
        member.caller.user_id,
        parsed,
        &state.config.public_url,
    )
    .await
    .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&routes::supplier(created.id)).finish())
}

/// A supplier's page.
#[derive(Template)]
#[template(path = "supplier.html")]
pub struct SupplierPage {
    l: Layout,
    supplier: supplier::Model,
    trend: Option<String>,
    assessments: Vec<assessment::Model>,
    findings: Vec<finding::Model>,
    fee_audits: Vec<domain::entities::fee_audit::Model>,
    /// Advisory reports of the supplier's assessments, newest first.
    reports: Vec<domain::entities::report::Model>,
    /// (id, title) of questionnaires the officer may send.
    questionnaires: Vec<(Uuid, String)>,
    send_action: String,
    default_due: String,
    /// The declared workforce profile, countries by name.
    profile: crate::pages::supplier_profile::ProfileView,
    /// Whether the reader may edit the profile.
    edit_profile: bool,
    /// The country and sector by name, in the reader's language.
    country_name: String,
    sector_name: String,
    /// The latest scoring in words (context, floors), when scored.
    risk: Option<crate::risk_words::RiskWords>,
    /// The supplier's open screening hits, and where the company reviews them.
    open_hits: u64,
    screening_link: String,
    /// Its production sites (the first 200, by name).
    sites: Vec<domain::entities::supplier_site::Model>,
}

/// A supplier's page (company members; the supplier's own users go to their list).
#[get("/suppliers/{sid}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let overview = suppliers::overview(&state.db, &member.caller, *sid)
        .await
        .or_page(t)?;
    let o: CompanyOverview = match overview {
        Overview::OwnSupplier(found) => {
            return Ok(see_other(&routes::supplier_assessments(found.id)).finish());
        }
        Overview::Company(overview) => *overview,
    };
    let history: Vec<(String, f64)> = o
        .history
        .iter()
        .map(|h| (h.computed_at.date_naive().to_string(), h.score))
        .collect();
    let questionnaires = o
        .questionnaires
        .iter()
        .map(|q: &questionnaire::Model| {
            let title: domain::questionnaire::LocalizedText =
                serde_json::from_value(q.title.clone()).unwrap_or_default();
            (
                q.id,
                format!("{} (v{})", title.get(t.locale.code(), "en"), q.version),
            )
        })
        .collect();
    let risk = o
        .assessments
        .iter()
        .find(|a| a.score_breakdown.is_some())
        .and_then(|a| crate::risk_words::RiskWords::of(a.score_breakdown.as_ref(), t));
    let (sites, _) = domain::sites::list_sites(&state.db, &o.supplier, 0, 200)
        .await
        .or_page(t)?;
    let open_hits =
        domain::screening::open_hits_of(&state.db, &member.caller, o.supplier.company_id, o.supplier.id)
            .await
            .or_page(t)?;
    let country_name = t.country(&o.supplier.country);
    let sector_name = t.sector(&o.supplier.sector);
    member.render(&SupplierPage {
        open_hits,
        sites,
        screening_link: routes::screening(o.supplier.company_id),
        l: member.layout(),
        country_name,
        sector_name,
        risk,
        profile: crate::pages::supplier_profile::ProfileView::new(&o.profile, t),
        edit_profile: o.role.manages_company(),
        trend: (!history.is_empty()).then(|| charts::trend(&t.get("risk-trend"), &history)),
        send_action: routes::supplier_assessments(o.supplier.id),
        default_due: (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string(),
        supplier: o.supplier,
        assessments: o.assessments,
        findings: o.findings,
        fee_audits: o.fee_audits,
        reports: o.reports,
        questionnaires,
    })
}

/// The send form.
#[derive(Deserialize)]
pub struct SendForm {
    questionnaire_id: Uuid,
    due_date: String,
}

/// Sends a questionnaire (officers, admins).
#[post("/suppliers/{sid}/assessments")]
pub async fn send(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    form: CsrfForm<SendForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, _) = load::supplier(&state.db, &member.caller, *sid, t).await?;
    member.caller.company_manager(found.company_id).or_page(t)?;
    let form = form.0;
    let due_date =
        domain::values::parse_date(&form.due_date).map_err(|_| member.fail(ErrorKind::BadRequest))?;
    let company = domain::accounts::managed_company(&state.db, &member.caller, found.company_id)
        .await
        .or_page(t)?;
    let questionnaire =
        domain::questionnaire::store::visible_to_company(&state.db, company.id, form.questionnaire_id)
            .await
            .or_page(t)?
            .or_page(t)?;
    let txn = state.db.begin_write().await.or_page(t)?;
    assessments::send_assessment(
        &txn,
        SendAssessment {
            company,
            supplier: found.clone(),
            questionnaire,
            due_date,
            actor: member.caller.user_id,
            public_url: state.config.public_url.clone(),
        },
    )
    .await
    .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&routes::supplier(found.id)).finish())
}
