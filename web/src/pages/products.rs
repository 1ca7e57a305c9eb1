//! A company's products in the portal: `GET /companies/{cid}/products` lists them
//! a page at a time (officers, admins, advisors); `GET /companies/{cid}/products/new`
//! shows the form and `POST /companies/{cid}/products` stores a product (officers
//! and admins; errors next to each field, nothing stored on error).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{DomainError, entities::product, products, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::{audit::PageQuery, see_other},
    product_form::{ProductForm, by_field},
    routes,
    state::PortalState,
};

const PER_PAGE: u64 = 50;

/// The list.
#[derive(Template)]
#[template(path = "products.html")]
pub struct ProductsPage {
    l: Layout,
    products: Vec<product::Model>,
    /// Whether the reader may add products.
    manage: bool,
    new_product: String,
    page: u64,
    pages: u64,
    base: String,
}

/// The company's products, by name.
#[get("/companies/{cid}/products")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let company = products::company_for_reading(&member.caller, *cid).or_page(t)?;
    // Clamped so that the offset cannot overflow, whatever the address says.
    let page = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let (items, total) = products::list_products(&state.db, company, (page - 1) * PER_PAGE, PER_PAGE)
        .await
        .or_page(t)?;
    member.render(&ProductsPage {
        l: member.layout(),
        products: items,
        manage: member.caller.company_manager(company).is_ok(),
        new_product: routes::new_product(company),
        page,
        pages: total.div_ceil(PER_PAGE),
        base: routes::products(company),
    })
}

/// The new-product form.
#[derive(Template)]
#[template(path = "product_new.html")]
pub struct NewProductPage {
    l: Layout,
    back: String,
    action: String,
    form: ProductForm,
    errors: BTreeMap<String, String>,
}

fn new_page(
    member: &Member,
    company: Uuid,
    form: ProductForm,
    errors: BTreeMap<String, String>,
) -> NewProductPage {
    NewProductPage {
        l: member.layout(),
        back: routes::products(company),
        action: routes::products(company),
        form,
        errors,
    }
}

/// The empty form.
#[get("/companies/{cid}/products/new")]
pub async fn new_form(member: Member, cid: web::Path<Uuid>) -> Result<HttpResponse, PortalError> {
    let company = products::company_for_managing(&member.caller, *cid).or_page(member.t())?;
    member.render(&new_page(
        &member,
        company,
        ProductForm::default(),
        BTreeMap::new(),
    ))
}

/// Stores the product and opens its page, or shows the form again with the errors.
#[post("/companies/{cid}/products")]
pub async fn create(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<ProductForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let company = products::company_for_managing(&member.caller, *cid).or_page(t)?;
    let form = form.0;
    let refused = |form: ProductForm, errors: BTreeMap<String, String>| {
        let mut response = member.render(&new_page(&member, company, form, errors))?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(response)
    };
    let parsed = match form.parse(products::ProductInput::parse_new) {
        Ok(parsed) => parsed,
        Err(errors) => return refused(form, errors),
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let created = match products::create_product(&txn, company, member.caller.user_id, parsed).await {
        Ok(created) => created,
        // A SKU already taken is a field error like any other.
        Err(DomainError::Invalid(problems)) => {
            let _ = txn.rollback().await;
            return refused(form, by_field(problems));
        }
        Err(other) => return Err(PortalError::from_domain(other, t)),
    };
    txn.commit().await.or_page(t)?;
    Ok(see_other(&routes::product(created.id)).finish())
}
