//! The database schema of Fairhire, as sea-orm migrations that run on SQLite and
//! PostgreSQL alike.
//!
//! Owns: table definitions, indexes and their order of creation. One migration per
//! change; a landed migration is never edited (add a new one instead).
//! Must not touch: entities or business rules (those live in `domain`).

pub use sea_orm_migration::prelude::*;

mod list_indexes;
mod m20261128_000001_core;
mod m20261128_000002_recruiters;
mod m20261128_000003_notifications;
mod m20261128_000004_risk_overrides;
mod m20261128_000005_risk_history;
mod m20261128_000006_webhooks;
mod m20261128_000007_carried_over;
mod m20261128_000008_schedules;
mod m20261129_000009_worker_voice;
mod m20261129_000010_fee_line_chunks;
mod m20261129_000011_fee_worker_columns;
mod m20261129_000012_finding_confirmation;
mod m20261129_000013_fee_chunk_compression;
mod m20261129_000014_fee_worker_chunks;
mod m20261205_000016_supplier_profile;
mod m20261205_000020_screening;
mod m20261205_000029_supplier_sites;
mod m20261205_000030_list_indexes;
mod m20261205_000031_assessment_list_indexes;
mod m20261205_000032_fee_audit_list_index;
mod m20261205_000034_voice_messaging;
mod m20261205_000035_voice_conversations;
mod m20261205_000036_worker_pulse;
mod m20261205_000037_voice_promise;
mod m20261205_000038_voice_referrals;
mod m20261205_000039_recruiter_registry;
mod m20261205_000040_sign_in_security;
mod m20261205_000042_assessment_links;
mod m20261205_000043_company_sso;
mod m20261205_000044_products;
mod m20261205_000046_statements;
mod m20261205_000047_voice_case_list_indexes;
mod m20261205_000050_pulse_by_message;
mod m20261205_000051_evidence_packs;
mod m20261205_000052_recruiter_standing;
mod m20261205_000053_audit_trail_list_index;
mod m20261205_000054_list_totals;
mod m20261206_000055_score_breakdown_compression;
mod m20261206_000056_audit_trail_total;

/// Every migration, in the order it is applied.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_core::Migration),
            Box::new(m20261128_000002_recruiters::Migration),
            Box::new(m20261128_000003_notifications::Migration),
            Box::new(m20261128_000004_risk_overrides::Migration),
            Box::new(m20261128_000005_risk_history::Migration),
            Box::new(m20261128_000006_webhooks::Migration),
            Box::new(m20261128_000007_carried_over::Migration),
            Box::new(m20261128_000008_schedules::Migration),
            Box::new(m20261129_000009_worker_voice::Migration),
            Box::new(m20261129_000010_fee_line_chunks::Migration),
            Box::new(m20261129_000011_fee_worker_columns::Migration),
            Box::new(m20261129_000012_finding_confirmation::Migration),
            Box::new(m20261129_000013_fee_chunk_compression::Migration),
            Box::new(m20261129_000014_fee_worker_chunks::Migration),
            Box::new(m20261205_000016_supplier_profile::Migration),
            Box::new(m20261205_000020_screening::Migration),
            Box::new(m20261205_000029_supplier_sites::Migration),
            Box::new(m20261205_000030_list_indexes::Migration),
            Box::new(m20261205_000031_assessment_list_indexes::Migration),
            Box::new(m20261205_000032_fee_audit_list_index::Migration),
            Box::new(m20261205_000034_voice_messaging::Migration),
            Box::new(m20261205_000035_voice_conversations::Migration),
            Box::new(m20261205_000036_worker_pulse::Migration),
            Box::new(m20261205_000037_voice_promise::Migration),
            Box::new(m20261205_000038_voice_referrals::Migration),
            Box::new(m20261205_000039_recruiter_registry::Migration),
            Box::new(m20261205_000040_sign_in_security::Migration),
            Box::new(m20261205_000042_assessment_links::Migration),
            Box::new(m20261205_000043_company_sso::Migration),
            Box::new(m20261205_000044_products::Migration),
            Box::new(m20261205_000046_statements::Migration),
            Box::new(m20261205_000047_voice_case_list_indexes::Migration),
            Box::new(m20261205_000050_pulse_by_message::Migration),
            Box::new(m20261205_000051_evidence_packs::Migration),
            Box::new(m20261205_000052_recruiter_standing::Migration),
            Box::new(m20261205_000053_audit_trail_list_index::Migration),
            Box::new(m20261205_000054_list_totals::Migration),
            Box::new(m20261206_000055_score_breakdown_compression::Migration),
            Box::new(m20261206_000056_audit_trail_total::Migration),
        ]
    }
}
