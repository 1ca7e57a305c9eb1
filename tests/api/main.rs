//! Integration tests of the whole platform over HTTP: each test spawns the app on
//! port 0 with its own database (a SQLite file, or a fresh PostgreSQL database when
//! `FAIRHIRE_TEST_DATABASE_URL` points at a server), runs jobs on demand, and reads
//! the email a real SMTP server received. One test binary, so it links once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api_keys;
mod assessments;
mod binary;
mod browser;
mod caller;
mod errors;
mod evidence;
mod exports;
mod fee_audits;
mod fixtures;
mod fx_fetch;
mod fx_rates;
mod helpers;
mod hostile;
mod idempotency;
mod invitations;
mod login;
mod notifications;
mod offline;
mod openapi;
mod os_hub;
mod os_hub_fake;
mod portal;
mod portal_audit;
mod portal_csv_messages;
mod portal_findings;
mod portal_flow;
mod portal_fx;
mod portal_overrides;
mod portal_pages;
mod portal_questionnaire_upload;
mod portal_repayments;
mod portal_security;
mod portal_sites;
mod portal_team;
mod portal_webhooks;
mod portal_work;
mod questionnaires;
mod queue;
mod reference;
mod reports;
mod schedules;
mod scoring;
mod scoring_model2;
mod sites;
mod supplier_profile;
mod suppliers;
mod system_packages;
mod team_api;
mod tokens;
mod two_doors;
mod voice;
mod voice_browser;
mod webhooks;
