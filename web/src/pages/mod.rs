//! One module per page.

pub mod accept_invitation;
pub mod assets;
pub mod audit;
pub mod check;
pub mod company;
pub mod evidence;
pub mod fee_audit;
pub mod fee_audit_upload;
pub mod findings;
pub mod home;
pub mod locale;
pub mod login;
pub mod logout;
pub mod my_assessments;
pub mod questionnaire;
pub mod register;
pub mod reports;
pub mod review;
pub mod risk_overrides;
pub mod suppliers;
pub mod team;
pub mod voice;
pub mod voice_cases;
pub mod webhooks;

use actix_web::HttpResponse;

/// A redirect after a successful form (303, so the browser GETs the target).
pub fn see_other(location: &str) -> actix_web::HttpResponseBuilder {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((actix_web::http::header::LOCATION, location.to_string()));
    response
}
