//! The OpenAPI 3.1 document. Paths and schemas are collected by utoipa-actix-web
//! from the registered services, once per process ([`publish`]); this adds the
//! document's header and the bearer security scheme.

use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};

/// The document's fixed parts.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Fairhire API",
        description = "Ethical-recruitment and supply-chain audit platform. See api-contract.md.",
        license(name = "AGPL-3.0-or-later")
    ),
    components(schemas(crate::error::Problem, crate::error::ProblemError)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// The document as the server holds it: built once per process and shared by
/// every HTTP worker, with its JSON rendered once (`GET /api/openapi.json` sends
/// these bytes; the 405 lookup reads `document`).
pub struct Published {
    /// The completed document.
    pub document: utoipa::openapi::OpenApi,
    /// `document` as JSON.
    pub json: actix_web::web::Bytes,
}

/// Collects the document from the `/api/v1` routes and the health probes (the
/// list each HTTP worker registers: `routes::configure`), completes it and
/// renders it.
pub fn publish() -> Result<Published, serde_json::Error> {
    use utoipa_actix_web::AppExt;
    let (_, mut document) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/api/v1").configure(|routes| crate::routes::configure(routes)))
        .service(crate::routes::health::live)
        .service(crate::routes::health::ready)
        .split_for_parts();
    complete(&mut document);
    let json = serde_json::to_vec(&document)?.into();
    Ok(Published { document, json })
}

/// Completes what the handlers' annotations leave implicit, for every operation:
/// a description on each response (OpenAPI requires one: the HTTP reason phrase),
/// errors declared as `application/problem+json` (what `ApiError` really sends),
/// and a `default` response for the errors any route can give (401 without a
/// token, 413/415 on bodies, 429 when throttled, 400 for unreadable input), so
/// clients and contract fuzzers see every status the server answers with.
pub fn complete(document: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::RefOr;
    for item in document.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
            &mut item.head,
            &mut item.options,
            &mut item.trace,
        ];
        for operation in operations.into_iter().flatten() {
            for (status, response) in operation.responses.responses.iter_mut() {
                if let RefOr::T(response) = response {
                    if response.description.trim().is_empty() {
                        response.description = reason(status).to_string();
                    }
                    if is_error(status) {
                        declare_problem(response);
                    }
                }
            }
            operation
                .responses
                .responses
                .entry("default".to_string())
                .or_insert_with(|| RefOr::T(problem_response()));
        }
    }
}

const PROBLEM: &str = "application/problem+json";

fn is_error(status: &str) -> bool {
    status.parse::<u16>().is_ok_and(|code| code >= 400)
}

/// An error response's body is problem details, whatever the annotation's media type.
fn declare_problem(response: &mut utoipa::openapi::Response) {
    if response.content.contains_key(PROBLEM) {
        return;
    }
    let content = std::mem::take(&mut response.content);
    for (media_type, body) in content {
        let media_type = if media_type == "application/json" {
            PROBLEM.to_string()
        } else {
            media_type
        };
        response.content.insert(media_type, body);
    }
}

fn problem_response() -> utoipa::openapi::Response {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description("An error, as RFC 9457 problem details")
        .content(
            PROBLEM,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

fn reason(status: &str) -> &'static str {
    status
        .parse::<u16>()
        .ok()
        .and_then(|code| actix_web::http::StatusCode::from_u16(code).ok())
        .and_then(|code| code.canonical_reason())
        .unwrap_or("Response")
}

/// The methods the document lists for a concrete request path (`{param}` segments
/// match any one segment), so a known path asked with another method is a `405`
/// with `Allow`, not a `404`.
pub fn allowed_methods(document: &utoipa::openapi::OpenApi, path: &str) -> Vec<&'static str> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    // Like the router, a literal segment wins over a `{param}` one: `/voice/check`
    // is its own resource, not `/voice/{token}`. Only the most specific matching
    // templates (fewest parameters) say which methods the path has.
    let mut best: Option<(usize, Vec<&'static str>)> = None;
    for (template, item) in &document.paths.paths {
        let pattern: Vec<&str> = template.trim_end_matches('/').split('/').collect();
        let is_param = |p: &&str| p.starts_with('{') && p.ends_with('}');
        let matches = pattern.len() == segments.len()
            && pattern
                .iter()
                .zip(&segments)
                .all(|(p, s)| (is_param(p) && !s.is_empty()) || p == s);
        if !matches {
            continue;
        }
        let params = pattern.iter().filter(|p| is_param(p)).count();
        let listed = [
            ("GET", item.get.is_some()),
            ("PUT", item.put.is_some()),
            ("POST", item.post.is_some()),
            ("DELETE", item.delete.is_some()),
            ("PATCH", item.patch.is_some()),
        ];
        let methods: Vec<&'static str> = listed
            .into_iter()
            .filter(|(_, present)| *present)
            .map(|(m, _)| m)
            .collect();
        match &mut best {
            Some((fewest, _)) if params > *fewest => {}
            Some((fewest, known)) if params == *fewest => {
                for method in methods {
                    if !known.contains(&method) {
                        known.push(method);
                    }
                }
            }
            _ => best = Some((params, methods)),
        }
    }
    best.map(|(_, methods)| methods).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use utoipa::openapi::{
        HttpMethod, OpenApiBuilder, PathItem, PathsBuilder, ResponsesBuilder, path::OperationBuilder,
    };

    use super::allowed_methods;

    fn document() -> utoipa::openapi::OpenApi {
        let operation = || {
            OperationBuilder::new()
                .responses(ResponsesBuilder::new().build())
                .build()
        };
        let mut item = PathItem::new(HttpMethod::Get, operation());
        item.post = Some(operation());
        OpenApiBuilder::new()
            .paths(
                PathsBuilder::new()
                    .path("/api/v1/suppliers/{sid}", item)
                    .path("/health/live", PathItem::new(HttpMethod::Get, operation()))
                    .path(
                        "/api/v1/suppliers/import",
                        PathItem::new(HttpMethod::Post, operation()),
                    ),
            )
            .build()
    }

    #[test]
    fn a_known_path_lists_its_methods_and_an_unknown_one_none() {
        let document = document();
        assert_eq!(
            allowed_methods(&document, "/api/v1/suppliers/abc"),
            ["GET", "POST"]
        );
        assert_eq!(allowed_methods(&document, "/health/live"), ["GET"]);
        // The literal path is its own resource, as in the router.
        assert_eq!(allowed_methods(&document, "/api/v1/suppliers/import"), ["POST"]);
        assert!(allowed_methods(&document, "/api/v1/suppliers").is_empty());
        assert!(allowed_methods(&document, "/api/v1/suppliers/abc/more").is_empty());
        assert!(allowed_methods(&document, "/api/v1/suppliers//").is_empty());
    }
}
