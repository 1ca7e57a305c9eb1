//! Every API route, one file per resource and verb. `configure` registers them
//! under `/api/v1`, once through utoipa-actix-web to collect the OpenAPI
//! document and once per HTTP worker on actix, from the one list, so the
//! document cannot drift from the services the server runs.

pub mod analytics;
pub mod api_keys;
pub mod assessment_links;
pub mod assessments;
pub mod audit_events;
pub mod auth;
pub mod companies;
pub mod emails;
pub mod evidence;
pub mod evidence_packs;
pub mod exports;
pub mod fee_audits;
pub mod findings;
pub mod fx_rates;
pub mod health;
pub mod me;
pub mod products;
pub mod questionnaires;
pub mod recruiters;
pub mod reference;
pub mod reports;
pub mod schedules;
pub mod screening;
pub mod sites;
pub mod statements;
pub mod suppliers;
pub mod voice;
pub mod webhooks;

mod register;

pub use register::{RouteGroup, Routes};

/// Registers the `/api/v1` routes (call inside the versioned scope): on utoipa's
/// config to collect the OpenAPI document, on actix's to serve. One scope per
/// first path segment (a fixed prefix, compared as a string), and below it one
/// per id where every route of the segment starts with the same id (see
/// [`RouteGroup`] for why); each handler's path is relative to its scope.
pub fn configure<R: Routes>(cfg: &mut R) {
    cfg.scope("/auth", Auth);
    cfg.scope("/me", Me);
    cfg.scope("/invitations", Invitations);
    cfg.scope("/companies", Companies);
    cfg.scope("/suppliers", Suppliers);
    cfg.scope("/products", Products);
    cfg.scope("/sites", Sites);
    cfg.scope("/questionnaires", Questionnaires);
    cfg.scope("/assessments", Assessments);
    cfg.scope("/assessment-links", AssessmentLinks);
    cfg.scope("/evidence", Evidence);
    cfg.scope("/assessment-schedules", AssessmentSchedules);
    cfg.scope("/findings", Findings);
    cfg.scope("/actions", Actions);
    cfg.scope("/reports", Reports);
    cfg.scope("/evidence-packs", EvidencePacks);
    cfg.scope("/statements", Statements);
    cfg.scope("/reference", Reference);
    cfg.scope("/screening-hits", ScreeningHits);
    cfg.scope("/fee-audits", FeeAudits);
    cfg.scope("/recruiters", Recruiters);
    cfg.scope("/webhooks", Webhooks);
    cfg.scope("/api-keys", ApiKeys);
    cfg.scope("/voice", Voice);
    cfg.scope("/referral-services", ReferralServices);
}

/// `/api/v1/auth…`.
struct Auth;

impl RouteGroup for Auth {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(auth::register::register);
        cfg.service(auth::login::login);
        cfg.service(auth::password_reset::request_password_reset);
        cfg.service(auth::password_reset_complete::complete_password_reset);
    }
}

/// `/api/v1/me…`.
struct Me;

impl RouteGroup for Me {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(auth::me::me);
        cfg.service(me::totp_enrol::enrol_totp);
        cfg.service(me::totp_confirm::confirm_totp);
        cfg.service(me::totp_remove::remove_totp);
        cfg.service(me::recovery_codes::regenerate_recovery_codes);
        cfg.service(me::sessions_list::list_sessions);
        cfg.service(me::sessions_end::end_session);
        cfg.service(me::preferences::update_preferences);
    }
}

/// `/api/v1/invitations…`.
struct Invitations;

impl RouteGroup for Invitations {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(auth::accept_invitation::accept_invitation);
    }
}

/// `/api/v1/companies/{cid}…`: one match of the id, then the routes below it.
struct Companies;

impl RouteGroup for Companies {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{cid}", CompaniesById);
    }
}

/// `/api/v1/companies/{cid}…`.
struct CompaniesById;

impl RouteGroup for CompaniesById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(companies::security_get::get_security);
        cfg.service(companies::security_put::put_security);
        cfg.service(companies::get::get_company);
        cfg.service(companies::invite_advisor::invite_advisor);
        cfg.service(companies::withdraw_invitation::withdraw_invitation);
        cfg.service(companies::remove_member::remove_member);
        cfg.service(companies::rescore::rescore_company);
        cfg.service(companies::sso_get::get_sso);
        cfg.service(companies::sso_put::put_sso);
        cfg.service(audit_events::list::list_audit_events);
        cfg.service(emails::list_failed::list_emails);
        cfg.service(suppliers::create::create_supplier);
        cfg.service(suppliers::import::import_suppliers);
        cfg.service(suppliers::list::list_suppliers);
        cfg.service(products::create::create_product);
        cfg.service(products::import::import_products);
        cfg.service(products::list::list_products);
        cfg.service(sites::os_hub_import::import_os_hub_csv);
        cfg.service(questionnaires::list::list_questionnaires);
        cfg.service(questionnaires::create::create_questionnaire);
        cfg.service(assessments::create::create_assessment);
        cfg.service(assessments::list::list_assessments);
        cfg.service(schedules::create::create_schedule);
        cfg.service(schedules::list::list_schedules);
        cfg.service(statements::create::create_statement);
        cfg.service(statements::list::list_statements);
        cfg.service(reference::overrides::list_overrides);
        cfg.service(reference::overrides::replace_overrides);
        cfg.service(screening::list::list_screening_hits);
        cfg.service(fx_rates::upload::upload_fx_rates);
        cfg.service(fx_rates::list::list_fx_rates);
        cfg.service(recruiters::list::list_recruiters);
        cfg.service(webhooks::create::create_webhook);
        cfg.service(webhooks::list::list_webhooks);
        cfg.service(api_keys::create::create_api_key);
        cfg.service(api_keys::list::list_api_keys);
        cfg.service(exports::suppliers_csv::export_suppliers);
        cfg.service(exports::findings_csv::export_findings);
        cfg.service(exports::corridors_csv::export_corridors_csv);
        cfg.service(exports::corridors_json::export_corridors_json);
        cfg.service(voice::channels::create_channel);
        cfg.service(voice::channels::list_channels);
        cfg.service(voice::cases::list_cases);
        cfg.service(voice::referrals::create_referral);
        cfg.service(voice::referrals::list_referrals);
        cfg.service(voice::metrics::voice_metrics);
        cfg.service(voice::messaging::put_messaging);
        cfg.service(voice::messaging::get_messaging);
        cfg.service(voice::promise::set_promise);
        cfg.service(analytics::corridors::list_corridors);
    }
}

/// `/api/v1/suppliers/{sid}…`: one match of the id, then the routes below it.
struct Suppliers;

impl RouteGroup for Suppliers {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{sid}", SuppliersById);
    }
}

/// `/api/v1/suppliers/{sid}…`.
struct SuppliersById;

impl RouteGroup for SuppliersById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(suppliers::get::get_supplier);
        cfg.service(suppliers::update::update_supplier);
        cfg.service(suppliers::archive::archive_supplier);
        cfg.service(products::add_sub_supplier::add_sub_supplier);
        cfg.service(sites::create::create_site);
        cfg.service(sites::list::list_sites);
        cfg.service(assessments::list_for_supplier::list_supplier_assessments);
        cfg.service(evidence_packs::request::request_evidence_pack);
        cfg.service(evidence_packs::list::list_evidence_packs);
        cfg.service(fee_audits::create::create_fee_audit);
        cfg.service(fee_audits::list::list_fee_audits);
    }
}

/// `/api/v1/products/{id}…`: one match of the id, then the routes below it.
struct Products;

impl RouteGroup for Products {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", ProductsById);
    }
}

/// `/api/v1/products/{id}…`.
struct ProductsById;

impl RouteGroup for ProductsById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(products::get::get_product);
        cfg.service(products::update::update_product);
        cfg.service(products::delete::delete_product);
        cfg.service(products::add_source::add_source);
        cfg.service(products::add_origin::add_origin);
    }
}

/// `/api/v1/sites/{id}…`: one match of the id, then the routes below it.
struct Sites;

impl RouteGroup for Sites {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", SitesById);
    }
}

/// `/api/v1/sites/{id}…`.
struct SitesById;

impl RouteGroup for SitesById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(sites::get::get_site);
        cfg.service(sites::update::update_site);
        cfg.service(sites::delete::delete_site);
        cfg.service(sites::os_hub_match::match_site);
        cfg.service(sites::os_hub_facility::get_site_os_hub);
    }
}

/// `/api/v1/questionnaires…`.
struct Questionnaires;

impl RouteGroup for Questionnaires {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(questionnaires::get::get_questionnaire);
    }
}

/// `/api/v1/assessments/{aid}…`: one match of the id, then the routes below it.
struct Assessments;

impl RouteGroup for Assessments {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{aid}", AssessmentsById);
    }
}

/// `/api/v1/assessments/{aid}…`.
struct AssessmentsById;

impl RouteGroup for AssessmentsById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(assessments::get::get_assessment);
        cfg.service(assessments::answers::save_answers);
        cfg.service(assessments::submit::submit_assessment);
        cfg.service(assessments::offline::download_answers_csv);
        cfg.service(assessments::offline::upload_answers_csv);
        cfg.service(assessment_links::list::list_assessment_links);
        cfg.service(assessment_links::resend::resend_assessment_links);
        cfg.service(evidence::upload::upload_evidence);
        cfg.service(evidence::list::list_evidence);
        cfg.service(findings::list::list_findings);
        cfg.service(findings::create::create_finding);
        cfg.service(findings::review::review_assessment);
        cfg.service(reports::request::request_report);
        cfg.service(reports::list::list_reports);
        cfg.service(exports::assessment_json::export_assessment);
    }
}

/// `/api/v1/assessment-links…`.
struct AssessmentLinks;

impl RouteGroup for AssessmentLinks {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(assessment_links::revoke::revoke_assessment_link);
    }
}

/// `/api/v1/evidence…`.
struct Evidence;

impl RouteGroup for Evidence {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(evidence::download::download_evidence);
    }
}

/// `/api/v1/assessment-schedules…`.
struct AssessmentSchedules;

impl RouteGroup for AssessmentSchedules {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(schedules::delete::delete_schedule);
    }
}

/// `/api/v1/findings/{fid}…`: one match of the id, then the routes below it.
struct Findings;

impl RouteGroup for Findings {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{fid}", FindingsById);
    }
}

/// `/api/v1/findings/{fid}…`.
struct FindingsById;

impl RouteGroup for FindingsById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(findings::update::update_finding);
        cfg.service(findings::add_action::add_action);
        cfg.service(findings::list_actions::list_actions);
    }
}

/// `/api/v1/actions…`.
struct Actions;

impl RouteGroup for Actions {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(findings::update_action::update_action);
    }
}

/// `/api/v1/reports/{rid}…`: one match of the id, then the routes below it.
struct Reports;

impl RouteGroup for Reports {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{rid}", ReportsById);
    }
}

/// `/api/v1/reports/{rid}…`.
struct ReportsById;

impl RouteGroup for ReportsById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(reports::get::get_report);
        cfg.service(reports::download::download_report);
    }
}

/// `/api/v1/evidence-packs/{id}…`: one match of the id, then the routes below it.
struct EvidencePacks;

impl RouteGroup for EvidencePacks {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", EvidencePacksById);
    }
}

/// `/api/v1/evidence-packs/{id}…`.
struct EvidencePacksById;

impl RouteGroup for EvidencePacksById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(evidence_packs::get::get_evidence_pack);
        cfg.service(evidence_packs::download::download_evidence_pack_pdf);
        cfg.service(evidence_packs::download::download_evidence_pack_json);
        cfg.service(evidence_packs::download::download_evidence_pack_zip);
    }
}

/// `/api/v1/statements/{id}…`: one match of the id, then the routes below it.
struct Statements;

impl RouteGroup for Statements {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", StatementsById);
    }
}

/// `/api/v1/statements/{id}…`.
struct StatementsById;

impl RouteGroup for StatementsById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(statements::get::get_statement);
        cfg.service(statements::edit::edit_section);
        cfg.service(statements::versions::list_versions);
        cfg.service(statements::download::download_pdf);
        cfg.service(statements::download::download_docx);
    }
}

/// `/api/v1/reference…`.
struct Reference;

impl RouteGroup for Reference {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(reference::countries::list_countries);
        cfg.service(reference::sectors::list_sectors);
        cfg.service(reference::indicators::list_indicators);
        cfg.service(reference::screening_lists::list_screening_lists);
    }
}

/// `/api/v1/screening-hits…`.
struct ScreeningHits;

impl RouteGroup for ScreeningHits {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(screening::decide::decide_screening_hit);
    }
}

/// `/api/v1/fee-audits/{id}…`: one match of the id, then the routes below it.
struct FeeAudits;

impl RouteGroup for FeeAudits {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", FeeAuditsById);
    }
}

/// `/api/v1/fee-audits/{id}…`.
struct FeeAuditsById;

impl RouteGroup for FeeAuditsById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(fee_audits::get::get_fee_audit);
        cfg.service(fee_audits::repayments::record_repayments);
        cfg.service(exports::fee_audit_csv::export_fee_audit);
    }
}

/// `/api/v1/recruiters/{id}…`: one match of the id, then the routes below it.
struct Recruiters;

impl RouteGroup for Recruiters {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", RecruitersById);
    }
}

/// `/api/v1/recruiters/{id}…`.
struct RecruitersById;

impl RouteGroup for RecruitersById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(recruiters::get::get_recruiter);
        cfg.service(recruiters::update::update_recruiter);
    }
}

/// `/api/v1/webhooks/{id}…`: one match of the id, then the routes below it.
struct Webhooks;

impl RouteGroup for Webhooks {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", WebhooksById);
    }
}

/// `/api/v1/webhooks/{id}…`.
struct WebhooksById;

impl RouteGroup for WebhooksById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(webhooks::deliveries::list_deliveries);
        cfg.service(webhooks::update::update_webhook);
        cfg.service(webhooks::delete::delete_webhook);
        cfg.service(webhooks::send_test::send_test_event);
    }
}

/// `/api/v1/api-keys…`.
struct ApiKeys;

impl RouteGroup for ApiKeys {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(api_keys::revoke::revoke_api_key);
    }
}

/// `/api/v1/voice…`.
struct Voice;

impl RouteGroup for Voice {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(voice::languages::list_languages);
        cfg.service(voice::public::check_case);
        cfg.service(voice::public::channel_info);
        cfg.service(voice::public::submit_report);
        cfg.service(voice::pulse::answer_pulse);
        cfg.service(voice::pulse::channel_pulse);
        cfg.service(voice::channels::request_poster);
        cfg.service(voice::channels::get_poster);
        cfg.service(voice::channels::download_poster);
        cfg.service(voice::cases::get_case);
        cfg.service(voice::cases::update_case);
        cfg.service(voice::cases::add_message);
        cfg.service(voice::cases::raise_finding);
        cfg.service(voice::case_referrals::refer);
        cfg.service(voice::case_referrals::record_outcome);
        cfg.service(voice::inbound::twilio_inbound);
        cfg.service(voice::inbound::whatsapp_verify);
        cfg.service(voice::inbound::whatsapp_inbound);
    }
}

/// `/api/v1/referral-services/{id}…`: one match of the id, then the routes below it.
struct ReferralServices;

impl RouteGroup for ReferralServices {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.scope("/{id}", ReferralServicesById);
    }
}

/// `/api/v1/referral-services/{id}…`.
struct ReferralServicesById;

impl RouteGroup for ReferralServicesById {
    fn routes<R: Routes>(self, cfg: &mut R) {
        cfg.service(voice::referrals::replace_referral);
        cfg.service(voice::referrals::delete_referral);
    }
}
