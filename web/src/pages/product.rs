//! A product's page in the portal: its fields, its chain (who makes it and where,
//! their own suppliers tier by tier, raw-material origins) and, for officers and
//! admins, the edit form, the "who makes it" form and the origin form.
//! `GET /products/{id}`, `POST /products/{id}` (edit), `POST /products/{id}/links`
//! (add a maker), `POST /products/{id}/origins` (add a raw-material origin).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    entities::{product, supplier, supplier_site},
    products::{self, ProductChain, SourceRole},
    transaction::BeginWrite as _,
};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    product_form::{OriginForm, ProductForm, SourceForm, by_field},
    routes,
    state::PortalState,
};

/// The product page.
#[derive(Template)]
#[template(path = "product.html")]
pub struct ProductPage {
    l: Layout,
    product: product::Model,
    chain: ProductChain,
    back: String,
    /// Whether the reader may edit and link (officers and admins).
    manage: bool,
    suppliers: Vec<supplier::Model>,
    sites: Vec<(supplier_site::Model, String)>,
    roles: Vec<&'static str>,
    form: ProductForm,
    errors: BTreeMap<String, String>,
    link: SourceForm,
    link_errors: BTreeMap<String, String>,
    origin: OriginForm,
    origin_errors: BTreeMap<String, String>,
}

/// What the page shows again after a refused form.
enum Refused {
    None,
    Edit(ProductForm, BTreeMap<String, String>),
    Link(SourceForm, BTreeMap<String, String>),
    Origin(OriginForm, BTreeMap<String, String>),
}

async fn page(
    state: &PortalState,
    member: &Member,
    product: product::Model,
    refused: Refused,
) -> Result<ProductPage, PortalError> {
    let t = member.t();
    let chain = products::product_chain(&state.db, &product).await.or_page(t)?;
    let manage = member.caller.company_manager(product.company_id).is_ok();
    let (suppliers, sites) = if manage {
        products::link_choices(&state.db, product.company_id)
            .await
            .or_page(t)?
    } else {
        (Vec::new(), Vec::new())
    };
    // Each site is offered under its supplier's name: the domain refuses a site
    // of another supplier.
    let sites = sites
        .into_iter()
        .map(|site| {
            let owner = suppliers
                .iter()
                .find(|s| s.id == site.supplier_id)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            (site, owner)
        })
        .collect();
    let mut shown = ProductPage {
        l: member.layout(),
        back: routes::products(product.company_id),
        form: ProductForm::of(&product),
        product,
        chain,
        manage,
        suppliers,
        sites,
        roles: SourceRole::ALL.iter().map(|r| r.key()).collect(),
        errors: BTreeMap::new(),
        link: SourceForm::default(),
        link_errors: BTreeMap::new(),
        origin: OriginForm::default(),
        origin_errors: BTreeMap::new(),
    };
    // What was typed in a refused form is shown again beside its errors.
    match refused {
        Refused::None => {}
        Refused::Edit(form, errors) => (shown.form, shown.errors) = (form, errors),
        Refused::Link(link, errors) => (shown.link, shown.link_errors) = (link, errors),
        Refused::Origin(origin, errors) => (shown.origin, shown.origin_errors) = (origin, errors),
    }
    Ok(shown)
}

async fn refused_page(
    state: &PortalState,
    member: &Member,
    product: product::Model,
    refused: Refused,
) -> Result<HttpResponse, PortalError> {
    let shown = page(state, member, product, refused).await?;
    let mut response = member.render(&shown)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// The product and its chain (the company's officers, admins and advisors).
#[get("/products/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let product = products::product_for_reading(&state.db, &member.caller, *id)
        .await
        .or_page(member.t())?;
    let shown = page(&state, &member, product, Refused::None).await?;
    member.render(&shown)
}

/// Saves the changes, or shows the page again with an error next to each field.
#[post("/products/{id}")]
pub async fn update(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<ProductForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let product = products::product_for_managing(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let form = form.0;
    let changes = match form.parse(products::ProductInput::parse_changes) {
        Ok(changes) => changes,
        Err(errors) => return refused_page(&state, &member, product, Refused::Edit(form, errors)).await,
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let result = products::update_product(&txn, product.clone(), member.caller.user_id, changes).await;
    finish(&state, &member, product, txn, result, |errors| {
        Refused::Edit(form, errors)
    })
    .await
}

/// Links a supplier (and optionally one of its sites) to the product in a role.
#[post("/products/{id}/links")]
pub async fn add_source(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<SourceForm>,
) -> Result<HttpResponse, PortalError> {
    add_part(&state, &member, *id, form.0).await
}

/// Records where one raw material of the product comes from.
#[post("/products/{id}/origins")]
pub async fn add_origin(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<OriginForm>,
) -> Result<HttpResponse, PortalError> {
    add_part(&state, &member, *id, form.0).await
}

/// A form that adds one part of a product's chain (a maker, an origin): how it
/// parses, which use case stores it, and how the page shows it again when refused.
trait ProductPart: Sized {
    /// The typed input the use case takes.
    type Parsed;
    fn parse(&self) -> Result<Self::Parsed, BTreeMap<String, String>>;
    fn refused(self, errors: BTreeMap<String, String>) -> Refused;
    async fn store(
        txn: &domain::database::Transaction,
        product: &product::Model,
        actor: Uuid,
        parsed: Self::Parsed,
    ) -> Result<(), DomainError>;
}

impl ProductPart for SourceForm {
    type Parsed = products::NewSource;
    fn parse(&self) -> Result<Self::Parsed, BTreeMap<String, String>> {
        SourceForm::parse(self)
    }
    fn refused(self, errors: BTreeMap<String, String>) -> Refused {
        Refused::Link(self, errors)
    }
    async fn store(
        txn: &domain::database::Transaction,
        product: &product::Model,
        actor: Uuid,
        parsed: Self::Parsed,
    ) -> Result<(), DomainError> {
        products::add_source(txn, product, actor, parsed).await.map(drop)
    }
}

impl ProductPart for OriginForm {
    type Parsed = products::NewOrigin;
    fn parse(&self) -> Result<Self::Parsed, BTreeMap<String, String>> {
        OriginForm::parse(self)
    }
    fn refused(self, errors: BTreeMap<String, String>) -> Refused {
        Refused::Origin(self, errors)
    }
    async fn store(
        txn: &domain::database::Transaction,
        product: &product::Model,
        actor: Uuid,
        parsed: Self::Parsed,
    ) -> Result<(), DomainError> {
        products::add_origin(txn, product, actor, parsed).await.map(drop)
    }
}

/// Parses `form`, stores it through its use case in a write transaction, and goes
/// back to the product, or shows the page again with the errors beside the fields.
async fn add_part<F: ProductPart>(
    state: &PortalState,
    member: &Member,
    id: Uuid,
    form: F,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let product = products::product_for_managing(&state.db, &member.caller, id)
        .await
        .or_page(t)?;
    let parsed = match form.parse() {
        Ok(parsed) => parsed,
        Err(errors) => return refused_page(state, member, product, form.refused(errors)).await,
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let result = F::store(&txn, &product, member.caller.user_id, parsed).await;
    finish(state, member, product, txn, result, |errors| form.refused(errors)).await
}

/// Commits what the use case did and goes back to the product, or rolls it back
/// and shows the page again with the use case's field errors (a SKU already
/// taken, a site of another supplier) beside their fields.
async fn finish<T>(
    state: &PortalState,
    member: &Member,
    product: product::Model,
    txn: domain::database::Transaction,
    result: Result<T, DomainError>,
    refused: impl FnOnce(BTreeMap<String, String>) -> Refused,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    match result {
        Ok(_) => {
            txn.commit().await.or_page(t)?;
            Ok(see_other(&routes::product(product.id)).finish())
        }
        Err(DomainError::Invalid(problems)) => {
            let _ = txn.rollback().await;
            refused_page(state, member, product, refused(by_field(problems))).await
        }
        Err(other) => Err(PortalError::from_domain(other, t)),
    }
}
