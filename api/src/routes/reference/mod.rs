//! Reference data (any authenticated user), names in the `Accept-Language`
//! language; and a company's own risk overrides.

pub mod countries;
pub mod indicators;
pub mod overrides;
pub mod screening_lists;
pub mod sectors;

use actix_web::HttpRequest;
use domain::values::Locale;

/// The locale a request asks for.
pub fn locale(req: &HttpRequest) -> Locale {
    let accept_language = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::negotiate(&[], accept_language)
}
