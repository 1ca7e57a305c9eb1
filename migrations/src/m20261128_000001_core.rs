//! The core schema: tenants and people, the audit objects, the job queue and the
//! bookkeeping tables (audit trail, idempotency keys, outbound email).
//!
//! Conventions that keep both backends happy: ids are UUIDs; instants the queue
//! compares in SQL (`run_at`, `lease_until`) are epoch milliseconds in BIGINT, so the
//! comparison is numeric on SQLite too; money and exchange rates are exact decimal
//! strings (TEXT), never floats.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn create(name: &'static str, columns: Vec<ColumnDef>) -> TableCreateStatement {
    let mut table = Table::create();
    table.table(name).if_not_exists();
    for mut column in columns {
        table.col(&mut column);
    }
    table.take()
}

fn foreign_key(from: &'static str, column: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, column)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

fn index(
    table: &'static str,
    name: &'static str,
    columns: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table).if_not_exists();
    for column in columns {
        index.col(*column);
    }
    if unique {
        index.unique();
    }
    index.take()
}

/// The tables in creation order, with the foreign keys each one declares.
fn tables() -> Vec<(TableCreateStatement, Vec<ForeignKeyCreateStatement>)> {
    vec![
        (
            create(
                "organizations",
                vec![
                    pk_uuid("id"),
                    string("kind"),
                    string("name"),
                    uuid_null("company_id"),
                    string_len("locale", 8).default("en").take(),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![],
        ),
        (
            create(
                "users",
                vec![
                    pk_uuid("id"),
                    string_uniq("email"),
                    string("name"),
                    string("password_hash"),
                    string_len_null("locale", 8),
                    boolean("digest_enabled").default(true).take(),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![],
        ),
        (
            create(
                "memberships",
                vec![
                    pk_uuid("id"),
                    uuid("user_id"),
                    uuid("organization_id"),
                    string("role"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![
                foreign_key("memberships", "user_id", "users"),
                foreign_key("memberships", "organization_id", "organizations"),
            ],
        ),
        (
            create(
                "invitations",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    uuid("organization_id"),
                    string("email"),
                    string("role"),
                    string_uniq("token_hash"),
                    uuid_null("invited_by"),
                    timestamp_with_time_zone("expires_at"),
                    timestamp_with_time_zone_null("accepted_at"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![foreign_key("invitations", "organization_id", "organizations")],
        ),
        (
            create(
                "suppliers",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    string("name"),
                    string_len("country", 2),
                    string("sector"),
                    string("contact_email"),
                    string_null("contact_name"),
                    double_null("risk_score"),
                    string_null("risk_band"),
                    timestamp_with_time_zone_null("archived_at"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![
                foreign_key("suppliers", "id", "organizations"),
                foreign_key("suppliers", "company_id", "organizations"),
            ],
        ),
        (
            create(
                "questionnaires",
                vec![
                    pk_uuid("id"),
                    uuid_null("company_id"),
                    string("key"),
                    integer("version"),
                    json("title"),
                    json("definition"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![],
        ),
        (
            create(
                "assessments",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    uuid("supplier_id"),
                    uuid("questionnaire_id"),
                    string("status"),
                    date("due_date"),
                    string_len("locale", 8).default("en").take(),
                    timestamp_with_time_zone_null("submitted_at"),
                    timestamp_with_time_zone_null("scored_at"),
                    double_null("score"),
                    string_null("risk_band"),
                    json_null("score_breakdown"),
                    text_null("review_comment"),
                    uuid_null("created_by"),
                    timestamp_with_time_zone("created_at"),
                    timestamp_with_time_zone("updated_at"),
                ],
            ),
            vec![
                foreign_key("assessments", "supplier_id", "suppliers"),
                foreign_key("assessments", "questionnaire_id", "questionnaires"),
            ],
        ),
        (
            create(
                "assessment_answers",
                vec![
                    pk_uuid("id"),
                    uuid("assessment_id"),
                    string("question_key"),
                    json("value"),
                    uuid_null("answered_by"),
                    timestamp_with_time_zone("updated_at"),
                ],
            ),
            vec![foreign_key("assessment_answers", "assessment_id", "assessments")],
        ),
        (
            create(
                "evidence_files",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    uuid("supplier_id"),
                    uuid_null("assessment_id"),
                    string_null("question_key"),
                    string("filename"),
                    string("content_type"),
                    big_integer("size_bytes"),
                    string("sha256"),
                    string("storage_key"),
                    uuid_null("uploaded_by"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![foreign_key("evidence_files", "supplier_id", "suppliers")],
        ),
        (
            create(
                "fee_audits",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    uuid("supplier_id"),
                    json("summary"),
                    integer("row_count"),
                    uuid_null("created_by"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![foreign_key("fee_audits", "supplier_id", "suppliers")],
        ),
        (
            create(
                "findings",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    uuid("supplier_id"),
                    uuid_null("assessment_id"),
                    uuid_null("fee_audit_id"),
                    string("severity"),
                    boolean("zero_tolerance").default(false).take(),
                    string("indicator"),
                    string_null("question_key"),
                    string("title"),
                    text("detail"),
                    string("status"),
                    string("source"),
                    uuid_null("created_by"),
                    timestamp_with_time_zone("created_at"),
                    timestamp_with_time_zone("updated_at"),
                ],
            ),
            vec![foreign_key("findings", "supplier_id", "suppliers")],
        ),
        (
            create(
                "corrective_actions",
                vec![
                    pk_uuid("id"),
                    uuid("finding_id"),
                    uuid("company_id"),
                    uuid("supplier_id"),
                    text("description"),
                    date("due_date"),
                    string_null("owner_email"),
                    string("status"),
                    text_null("note"),
                    uuid_null("verified_by"),
                    timestamp_with_time_zone("created_at"),
                    timestamp_with_time_zone("updated_at"),
                ],
            ),
            vec![foreign_key("corrective_actions", "finding_id", "findings")],
        ),
        (
            create(
                "fx_rates",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    string_len("currency", 3),
                    date("rate_date"),
                    string("usd_per_unit"),
                    string("source"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![foreign_key("fx_rates", "company_id", "organizations")],
        ),
        (
            create(
                "fee_audit_lines",
                vec![
                    pk_uuid("id"),
                    uuid("fee_audit_id"),
                    integer("line_no"),
                    string("worker_ref"),
                    json("line"),
                ],
            ),
            vec![foreign_key("fee_audit_lines", "fee_audit_id", "fee_audits")],
        ),
        (
            create(
                "fee_audit_workers",
                vec![
                    pk_uuid("id"),
                    uuid("fee_audit_id"),
                    string("worker_ref"),
                    json("result"),
                    string("repaid_usd"),
                ],
            ),
            vec![foreign_key("fee_audit_workers", "fee_audit_id", "fee_audits")],
        ),
        (
            create(
                "repayments",
                vec![
                    pk_uuid("id"),
                    uuid("fee_audit_id"),
                    string("worker_ref"),
                    string("amount"),
                    string_len("currency", 3),
                    date("paid_on"),
                    string("amount_usd"),
                    uuid_null("created_by"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![foreign_key("repayments", "fee_audit_id", "fee_audits")],
        ),
        (
            create(
                "reports",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    uuid("assessment_id"),
                    string("status"),
                    string_len("locale", 8),
                    string_null("storage_key"),
                    text_null("error"),
                    uuid_null("requested_by"),
                    timestamp_with_time_zone("created_at"),
                    timestamp_with_time_zone_null("ready_at"),
                ],
            ),
            vec![foreign_key("reports", "assessment_id", "assessments")],
        ),
        (
            create(
                "webhooks",
                vec![
                    pk_uuid("id"),
                    uuid("company_id"),
                    string("url"),
                    json("events"),
                    string("secret"),
                    boolean("active").default(true).take(),
                    integer("consecutive_failures").default(0).take(),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![foreign_key("webhooks", "company_id", "organizations")],
        ),
        (
            create(
                "webhook_deliveries",
                vec![
                    pk_uuid("id"),
                    uuid("webhook_id"),
                    uuid("event_id"),
                    string("event"),
                    integer("attempt"),
                    integer_null("status_code"),
                    big_integer_null("duration_ms"),
                    text_null("response_snippet"),
                    text_null("error"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![foreign_key("webhook_deliveries", "webhook_id", "webhooks")],
        ),
        (
            create(
                "jobs",
                vec![
                    pk_uuid("id"),
                    string("kind"),
                    json("payload"),
                    string("status"),
                    integer("priority").default(0).take(),
                    integer("attempts").default(0).take(),
                    integer("max_attempts"),
                    big_integer("run_at"),
                    big_integer_null("lease_until"),
                    string_null("locked_by"),
                    string_len_null("unique_key", 255).unique_key().take(),
                    text_null("last_error"),
                    big_integer("created_at"),
                    big_integer_null("finished_at"),
                ],
            ),
            vec![],
        ),
        (
            create(
                "audit_events",
                vec![
                    pk_uuid("id"),
                    uuid_null("company_id"),
                    uuid_null("actor_user_id"),
                    string("action"),
                    string("entity_type"),
                    uuid_null("entity_id"),
                    json_null("before"),
                    json_null("after"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![],
        ),
        (
            create(
                "idempotency_keys",
                vec![
                    pk_uuid("id"),
                    string("scope"),
                    string("key"),
                    string("request_hash"),
                    integer_null("status_code"),
                    text_null("response_body"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![],
        ),
        (
            create(
                "outbound_emails",
                vec![
                    pk_uuid("id"),
                    uuid_null("company_id"),
                    string("template"),
                    string("to_address"),
                    string_len("locale", 8),
                    json_null("params"),
                    string("status"),
                    string_null("message_id"),
                    timestamp_with_time_zone_null("sent_at"),
                    text_null("last_error"),
                    timestamp_with_time_zone("created_at"),
                ],
            ),
            vec![],
        ),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index(
            "memberships",
            "ux_memberships_user_org",
            &["user_id", "organization_id"],
            true,
        ),
        index(
            "suppliers",
            "ix_suppliers_company",
            &["company_id", "name"],
            false,
        ),
        index(
            "questionnaires",
            "ux_questionnaires_key_version",
            &["company_id", "key", "version"],
            true,
        ),
        index(
            "assessments",
            "ix_assessments_company",
            &["company_id", "status"],
            false,
        ),
        index("assessments", "ix_assessments_supplier", &["supplier_id"], false),
        index(
            "assessment_answers",
            "ux_answers_assessment_key",
            &["assessment_id", "question_key"],
            true,
        ),
        index(
            "findings",
            "ix_findings_supplier",
            &["supplier_id", "status"],
            false,
        ),
        index("findings", "ix_findings_assessment", &["assessment_id"], false),
        index("corrective_actions", "ix_actions_finding", &["finding_id"], false),
        index(
            "fx_rates",
            "ux_fx_rates_company_currency_date",
            &["company_id", "currency", "rate_date"],
            true,
        ),
        index(
            "fee_audits",
            "ix_fee_audits_supplier",
            &["supplier_id", "created_at"],
            false,
        ),
        index(
            "fee_audit_lines",
            "ix_fee_audit_lines_audit",
            &["fee_audit_id", "line_no"],
            false,
        ),
        index(
            "fee_audit_workers",
            "ux_fee_audit_workers_ref",
            &["fee_audit_id", "worker_ref"],
            true,
        ),
        index("jobs", "ix_jobs_claim", &["status", "run_at"], false),
        index(
            "audit_events",
            "ix_audit_events_company",
            &["company_id", "created_at"],
            false,
        ),
        index(
            "idempotency_keys",
            "ux_idempotency_scope_key",
            &["scope", "key"],
            true,
        ),
        index(
            "webhook_deliveries",
            "ix_webhook_deliveries_webhook",
            &["webhook_id", "created_at"],
            false,
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (mut table, keys) in tables() {
            for mut key in keys {
                table.foreign_key(&mut key);
            }
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, _) in tables().into_iter().rev() {
            let name = table.get_table_name().cloned();
            if let Some(name) = name {
                manager
                    .drop_table(Table::drop().table(name).if_exists().take())
                    .await?;
            }
        }
        Ok(())
    }
}
