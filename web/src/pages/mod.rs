//! One module per page.

pub mod accept_invitation;
pub mod account_security;
pub mod action_new;
pub mod api_keys;
pub mod assets;
pub mod audit;
pub mod check;
pub mod company;
pub mod corridors;
pub mod evidence;
pub mod evidence_pack_download;
pub mod evidence_packs;
pub mod fee_audit;
pub mod fee_audit_upload;
pub mod finding_confirm;
pub mod finding_dismiss;
pub mod finding_edit;
pub mod finding_new;
pub mod findings;
pub mod fx_rates;
pub mod home;
pub mod locale;
pub mod login;
pub mod logout;
pub mod my_assessments;
pub mod password_reset;
pub mod product;
pub mod product_map;
pub mod products;
pub mod questionnaire;
pub mod questionnaire_upload;
pub mod recruiter;
pub mod register;
pub mod reports;
pub mod review;
pub mod risk_overrides;
pub mod screening;
pub mod site_new;
pub mod site_os_hub;
pub mod sites;
pub mod sso_callback;
pub mod sso_find;
pub mod sso_start;
pub mod statements;
pub mod supplier_link;
pub mod supplier_link_manage;
pub mod supplier_map;
pub mod supplier_profile;
pub mod suppliers;
pub mod team;
pub mod voice;
pub mod voice_case_referrals;
pub mod voice_cases;
pub mod voice_messaging;
pub mod voice_promise;
pub mod voice_pulse;
pub mod voice_pulse_staff;
pub mod webhook_test_event;
pub mod webhooks;

use actix_web::HttpResponse;
use domain::database::Transaction;
use domain::{fee_audit::engine::RowError, fee_audit::store::UploadError};

use crate::{
    error::{OrPage, PortalError},
    i18n::Tr,
};

/// A redirect after a successful form (303, so the browser GETs the target).
pub fn see_other(location: &str) -> actix_web::HttpResponseBuilder {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((actix_web::http::header::LOCATION, location.to_string()));
    response
}

/// Ends the write transaction of a CSV upload: committed when the use case stored
/// the file, rolled back (nothing stored) when it refused rows, which come back to
/// be listed beside the form.
pub async fn finish_upload<T>(
    txn: Transaction,
    result: Result<T, UploadError>,
    t: Tr,
) -> Result<Result<T, Vec<RowError>>, PortalError> {
    match result {
        Ok(stored) => {
            txn.commit().await.or_page(t)?;
            Ok(Ok(stored))
        }
        Err(UploadError::Rejected(rows)) => {
            let _ = txn.rollback().await;
            Ok(Err(rows))
        }
        Err(UploadError::Domain(error)) => {
            let _ = txn.rollback().await;
            Err(PortalError::from_domain(error, t))
        }
    }
}
