//! One module per page.

pub mod accept_invitation;
pub mod assets;
pub mod home;
pub mod login;
pub mod logout;

use actix_web::{HttpResponse, cookie::Cookie, http::header::ContentType};
use askama::Template;

/// Renders a page, setting the cookies given; a rendering failure is logged and
/// shown as a plain error page, never as internals.
pub fn render(page: &impl Template, cookies: Vec<Cookie<'static>>) -> HttpResponse {
    match page.render() {
        Ok(html) => {
            let mut response = HttpResponse::Ok();
            response.content_type(ContentType::html());
            for cookie in cookies {
                response.cookie(cookie);
            }
            response.body(html)
        }
        Err(error) => {
            tracing::error!(%error, "template rendering failed");
            HttpResponse::InternalServerError()
                .content_type(ContentType::plaintext())
                .body("Something went wrong on our side. Please try again.")
        }
    }
}

/// A redirect after a successful form (303, so the browser GETs the target).
pub fn see_other(location: &str) -> actix_web::HttpResponseBuilder {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((actix_web::http::header::LOCATION, location.to_string()));
    response
}
