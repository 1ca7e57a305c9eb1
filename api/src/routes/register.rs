//! Where the routes are registered. The OpenAPI document is collected once per
//! process, through utoipa-actix-web's config; each HTTP worker then registers
//! the same routes on plain actix, without building the document again (every
//! worker used to build and keep its own, which idle memory paid for twice,
//! issue #23). Both go through [`super::configure`], so the document lists
//! exactly the services the server runs.

use actix_web::dev::HttpServiceFactory;
use utoipa_actix_web::OpenApiFactory;

/// A route list being filled: utoipa's (collecting the document) or actix's.
pub trait Routes: Sized {
    /// Registers one service (a handler with its `#[utoipa::path]`).
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self;

    /// Registers `group`'s routes under `prefix`; their paths are relative to
    /// it, and the document shows them whole.
    fn scope<G: RouteGroup>(&mut self, prefix: &'static str, group: G) -> &mut Self;
}

/// Routes that share a path prefix, registered together under it.
///
/// Why scopes (issue #23): actix tries a request against each route's pattern
/// in turn, and each pattern with a `{param}` is a regular expression run over
/// the whole path. With every route at one level, a request to a company's
/// suppliers ran dozens of them, which was a tenth of the list's CPU time. A
/// scope's fixed prefix is a string comparison and its `{id}` one expression,
/// then only the group's own routes are tried.
pub trait RouteGroup {
    /// Registers the group's routes on `cfg`.
    fn routes<R: Routes>(self, cfg: &mut R);
}

impl Routes for utoipa_actix_web::service_config::ServiceConfig<'_> {
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self {
        utoipa_actix_web::service_config::ServiceConfig::service(self, factory)
    }

    fn scope<G: RouteGroup>(&mut self, prefix: &'static str, group: G) -> &mut Self {
        let scope = utoipa_actix_web::scope(prefix).configure(|cfg| group.routes(cfg));
        utoipa_actix_web::service_config::ServiceConfig::service(self, scope)
    }
}

impl Routes for actix_web::web::ServiceConfig {
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self {
        actix_web::web::ServiceConfig::service(self, factory)
    }

    fn scope<G: RouteGroup>(&mut self, prefix: &'static str, group: G) -> &mut Self {
        let scope = actix_web::web::scope(prefix).configure(|cfg| group.routes(cfg));
        actix_web::web::ServiceConfig::service(self, scope)
    }
}

#[cfg(test)]
mod tests {
    use actix_web::dev::HttpServiceFactory;
    use utoipa_actix_web::OpenApiFactory;

    use super::{RouteGroup, Routes};

    /// Records where each route is registered, without building anything.
    #[derive(Default)]
    struct Layout {
        /// Routes registered at this level, outside any scope below it.
        services: usize,
        /// Every scope of this level, in order, by its prefix.
        below: Vec<(&'static str, Layout)>,
    }

    impl Layout {
        fn routes(&self) -> usize {
            self.services + self.below.iter().map(|(_, l)| l.routes()).sum::<usize>()
        }
    }

    impl Routes for Layout {
        fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, _: F) -> &mut Self {
            self.services += 1;
            self
        }

        fn scope<G: RouteGroup>(&mut self, prefix: &'static str, group: G) -> &mut Self {
            let mut inner = Layout::default();
            group.routes(&mut inner);
            self.below.push((prefix, inner));
            self
        }
    }

    /// A request should meet fixed prefixes first: a route or a `{param}` scope
    /// at the top would be a regular expression every request runs again.
    #[test]
    fn every_route_sits_under_a_fixed_first_segment() -> Result<(), serde_json::Error> {
        let mut top = Layout::default();
        crate::routes::configure(&mut top);
        assert_eq!(top.services, 0, "no route is registered outside a scope");
        let mut seen = std::collections::BTreeSet::new();
        for (prefix, _) in &top.below {
            assert!(
                !prefix.contains('{'),
                "{prefix}: a top-level scope is a fixed segment"
            );
            assert_eq!(prefix.matches('/').count(), 1, "{prefix}: one segment");
            assert!(seen.insert(*prefix), "{prefix} is registered once");
        }
        // An id scope is its segment's only child: a route beside it would be
        // reached only if registered before it (its `{param}` matches any
        // segment), an order that is easy to break.
        for (prefix, level) in &top.below {
            if level.below.iter().any(|(p, _)| p.contains('{')) {
                assert_eq!(level.services, 0, "{prefix}: routes beside its id scope");
                assert_eq!(level.below.len(), 1, "{prefix}: one id scope");
            }
        }
        // The document is collected from the same list: each route is one of
        // its operations (the two health probes sit outside `/api/v1`).
        let published = crate::openapi::publish()?;
        let operations: usize = published
            .document
            .paths
            .paths
            .iter()
            .filter(|(path, _)| path.starts_with("/api/v1/"))
            .map(|(_, item)| {
                [&item.get, &item.post, &item.put, &item.patch, &item.delete]
                    .iter()
                    .filter(|op| op.is_some())
                    .count()
            })
            .sum();
        assert_eq!(top.routes(), operations);
        Ok(())
    }
}
