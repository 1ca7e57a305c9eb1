//! Where the routes are registered. The OpenAPI document is collected once per
//! process, through utoipa-actix-web's config; each HTTP worker then registers
//! the same routes on plain actix, without building the document again (every
//! worker used to build and keep its own, which idle memory paid for twice,
//! issue #23). Both go through [`super::configure`], so the document lists
//! exactly the services the server runs.

use actix_web::dev::HttpServiceFactory;
use utoipa_actix_web::OpenApiFactory;

/// A route list being filled: utoipa's (collecting the document) or actix's.
pub trait Routes {
    /// Registers one service (a handler with its `#[utoipa::path]`).
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self;
}

impl Routes for utoipa_actix_web::service_config::ServiceConfig<'_> {
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self {
        utoipa_actix_web::service_config::ServiceConfig::service(self, factory)
    }
}

impl Routes for actix_web::web::ServiceConfig {
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self {
        actix_web::web::ServiceConfig::service(self, factory)
    }
}
