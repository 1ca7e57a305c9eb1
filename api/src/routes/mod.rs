//! Every API route, one file per resource and verb. `configure` registers them
//! under `/api/v1` through utoipa-actix-web, so the OpenAPI document is collected
//! from the very services the server runs and cannot drift from them.

pub mod analytics;
pub mod api_keys;
pub mod assessment_links;
pub mod assessments;
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

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the `/api/v1` routes (call inside the versioned scope). One route
/// per line, grouped by resource.
pub fn configure(cfg: &mut ServiceConfig) {
    // Accounts.
    cfg.service(auth::register::register);
    cfg.service(auth::login::login);
    cfg.service(auth::me::me);
    cfg.service(auth::accept_invitation::accept_invitation);
    cfg.service(auth::password_reset::request_password_reset);
    cfg.service(auth::password_reset_complete::complete_password_reset);
    // Second factor and sessions.
    cfg.service(me::totp_enrol::enrol_totp);
    cfg.service(me::totp_confirm::confirm_totp);
    cfg.service(me::totp_remove::remove_totp);
    cfg.service(me::recovery_codes::regenerate_recovery_codes);
    cfg.service(me::sessions_list::list_sessions);
    cfg.service(me::sessions_end::end_session);
    cfg.service(companies::security_get::get_security);
    cfg.service(companies::security_put::put_security);
    cfg.service(companies::get::get_company);
    cfg.service(companies::invite_advisor::invite_advisor);
    cfg.service(companies::withdraw_invitation::withdraw_invitation);
    cfg.service(companies::remove_member::remove_member);
    cfg.service(companies::rescore::rescore_company);
    cfg.service(companies::sso_get::get_sso);
    cfg.service(companies::sso_put::put_sso);
    // Notifications: the caller's preferences, the admins' view of failed email.
    cfg.service(me::preferences::update_preferences);
    cfg.service(emails::list_failed::list_emails);
    // Suppliers.
    cfg.service(suppliers::create::create_supplier);
    cfg.service(suppliers::import::import_suppliers);
    cfg.service(suppliers::list::list_suppliers);
    cfg.service(suppliers::get::get_supplier);
    cfg.service(suppliers::update::update_supplier);
    cfg.service(suppliers::archive::archive_supplier);
    // Products and tiers.
    cfg.service(products::create::create_product);
    cfg.service(products::import::import_products);
    cfg.service(products::list::list_products);
    cfg.service(products::get::get_product);
    cfg.service(products::update::update_product);
    cfg.service(products::delete::delete_product);
    cfg.service(products::add_source::add_source);
    cfg.service(products::add_origin::add_origin);
    cfg.service(products::add_sub_supplier::add_sub_supplier);
    // Sites and their Open Supply Hub OS IDs.
    cfg.service(sites::create::create_site);
    cfg.service(sites::list::list_sites);
    cfg.service(sites::os_hub_import::import_os_hub_csv);
    cfg.service(sites::get::get_site);
    cfg.service(sites::update::update_site);
    cfg.service(sites::delete::delete_site);
    cfg.service(sites::os_hub_match::match_site);
    cfg.service(sites::os_hub_facility::get_site_os_hub);
    // Questionnaires and assessments.
    cfg.service(questionnaires::list::list_questionnaires);
    cfg.service(questionnaires::create::create_questionnaire);
    cfg.service(questionnaires::get::get_questionnaire);
    cfg.service(assessments::create::create_assessment);
    cfg.service(assessments::list::list_assessments);
    cfg.service(assessments::list_for_supplier::list_supplier_assessments);
    cfg.service(assessments::get::get_assessment);
    cfg.service(assessments::answers::save_answers);
    cfg.service(assessments::submit::submit_assessment);
    cfg.service(assessments::offline::download_answers_csv);
    cfg.service(assessments::offline::upload_answers_csv);
    // Supplier links: answering without an account (issue #24).
    cfg.service(assessment_links::list::list_assessment_links);
    cfg.service(assessment_links::resend::resend_assessment_links);
    cfg.service(assessment_links::revoke::revoke_assessment_link);
    cfg.service(evidence::upload::upload_evidence);
    cfg.service(evidence::list::list_evidence);
    cfg.service(evidence::download::download_evidence);
    cfg.service(schedules::create::create_schedule);
    cfg.service(schedules::list::list_schedules);
    cfg.service(schedules::delete::delete_schedule);
    // Findings, corrective actions, review.
    cfg.service(findings::list::list_findings);
    cfg.service(findings::create::create_finding);
    cfg.service(findings::update::update_finding);
    cfg.service(findings::add_action::add_action);
    cfg.service(findings::list_actions::list_actions);
    cfg.service(findings::update_action::update_action);
    cfg.service(findings::review::review_assessment);
    // Advisory reports.
    cfg.service(reports::request::request_report);
    cfg.service(reports::list::list_reports);
    cfg.service(reports::get::get_report);
    cfg.service(reports::download::download_report);
    // Evidence packs.
    cfg.service(evidence_packs::request::request_evidence_pack);
    cfg.service(evidence_packs::list::list_evidence_packs);
    cfg.service(evidence_packs::get::get_evidence_pack);
    cfg.service(evidence_packs::download::download_pdf);
    cfg.service(evidence_packs::download::download_json);
    cfg.service(evidence_packs::download::download_zip);
    // Modern-slavery statements.
    cfg.service(statements::create::create_statement);
    cfg.service(statements::list::list_statements);
    cfg.service(statements::get::get_statement);
    cfg.service(statements::edit::edit_section);
    cfg.service(statements::versions::list_versions);
    cfg.service(statements::download::download_pdf);
    cfg.service(statements::download::download_docx);
    // Reference data.
    cfg.service(reference::countries::list_countries);
    cfg.service(reference::sectors::list_sectors);
    cfg.service(reference::indicators::list_indicators);
    cfg.service(reference::screening_lists::list_screening_lists);
    cfg.service(reference::overrides::list_overrides);
    cfg.service(reference::overrides::replace_overrides);
    // Screening against public forced-labour lists.
    cfg.service(screening::list::list_screening_hits);
    cfg.service(screening::decide::decide_screening_hit);
    // Recruitment-fee audits, FX rates, the recruiter registry.
    cfg.service(fx_rates::upload::upload_fx_rates);
    cfg.service(fx_rates::list::list_fx_rates);
    cfg.service(fee_audits::create::create_fee_audit);
    cfg.service(fee_audits::list::list_fee_audits);
    cfg.service(fee_audits::get::get_fee_audit);
    cfg.service(fee_audits::repayments::record_repayments);
    cfg.service(recruiters::list::list_recruiters);
    cfg.service(recruiters::get::get_recruiter);
    cfg.service(recruiters::update::update_recruiter);
    // Webhooks, API keys and exports for machine clients.
    cfg.service(webhooks::create::create_webhook);
    cfg.service(webhooks::list::list_webhooks);
    cfg.service(webhooks::deliveries::list_deliveries);
    cfg.service(webhooks::update::update_webhook);
    cfg.service(webhooks::delete::delete_webhook);
    cfg.service(webhooks::send_test::send_test_event);
    cfg.service(api_keys::create::create_api_key);
    cfg.service(api_keys::list::list_api_keys);
    cfg.service(api_keys::revoke::revoke_api_key);
    cfg.service(exports::suppliers_csv::export_suppliers);
    cfg.service(exports::findings_csv::export_findings);
    cfg.service(exports::assessment_json::export_assessment);
    cfg.service(exports::fee_audit_csv::export_fee_audit);
    cfg.service(exports::corridors_csv::export_corridors_csv);
    cfg.service(exports::corridors_json::export_corridors_json);
    // Worker voice: the public reporting door (no login), then the company side.
    cfg.service(voice::languages::list_languages);
    cfg.service(voice::public::check_case);
    cfg.service(voice::public::channel_info);
    cfg.service(voice::public::submit_report);
    cfg.service(voice::pulse::answer_pulse);
    cfg.service(voice::pulse::channel_pulse);
    cfg.service(voice::channels::create_channel);
    cfg.service(voice::channels::list_channels);
    cfg.service(voice::channels::request_poster);
    cfg.service(voice::channels::get_poster);
    cfg.service(voice::channels::download_poster);
    cfg.service(voice::cases::list_cases);
    cfg.service(voice::cases::get_case);
    cfg.service(voice::cases::update_case);
    cfg.service(voice::cases::add_message);
    cfg.service(voice::cases::raise_finding);
    cfg.service(voice::case_referrals::refer);
    cfg.service(voice::case_referrals::record_outcome);
    cfg.service(voice::referrals::create_referral);
    cfg.service(voice::referrals::list_referrals);
    cfg.service(voice::referrals::replace_referral);
    cfg.service(voice::referrals::delete_referral);
    cfg.service(voice::metrics::voice_metrics);
    // Worker voice by SMS and WhatsApp: the settings, then the providers' webhooks.
    cfg.service(voice::messaging::put_messaging);
    cfg.service(voice::messaging::get_messaging);
    cfg.service(voice::inbound::twilio_inbound);
    cfg.service(voice::inbound::whatsapp_verify);
    cfg.service(voice::inbound::whatsapp_inbound);
    cfg.service(voice::promise::set_promise);
    // Analytics.
    cfg.service(analytics::corridors::list_corridors);
}
