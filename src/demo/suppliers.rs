//! Demo suppliers in five countries, each with a user who can log in, at different
//! stages: answered and scored (exemplary, uneven, abusive), in progress, just sent.

use anyhow::Context;
use chrono::Duration;
use domain::database::Database;
use domain::transaction::BeginWrite as _;
use domain::{
    accounts::password,
    assessments::{self, SendAssessment},
    clock,
    entities::{membership, organization, questionnaire, user},
    questionnaire::store as questionnaire_store,
    suppliers::{self, SupplierFields},
    values::{NewPassword, Role},
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use uuid::Uuid;

use super::answers::{Profile, answer};

/// What to do with a supplier's assessment.
#[derive(Clone, Copy)]
enum Stage {
    Scored(Profile),
    InProgress,
    Sent,
}

/// A demo supplier.
pub struct DemoSupplier {
    /// The supplier id.
    pub id: Uuid,
}

const SUPPLIERS: [(&str, &str, &str, &str, Stage); 5] = [
    (
        "Dhaka Stitchworks Ltd",
        "BD",
        "apparel_textiles",
        "rahim@dhaka-stitch.example",
        Stage::Scored(Profile::Abusive),
    ),
    (
        "Selangor Circuits Sdn Bhd",
        "MY",
        "electronics",
        "farah@selangor-circuits.example",
        Stage::Scored(Profile::Uneven),
    ),
    (
        "Andaman Seafood Co.",
        "TH",
        "seafood_processing",
        "somchai@andaman-seafood.example",
        Stage::Scored(Profile::Exemplary),
    ),
    (
        "Jalisco Fresh Produce",
        "MX",
        "agriculture",
        "lucia@jalisco-fresh.example",
        Stage::InProgress,
    ),
    (
        "Kathmandu Build Partners",
        "NP",
        "construction",
        "bikash@kathmandu-build.example",
        Stage::Sent,
    ),
];

/// The supplier whose assessment the demo approves and reports on (the first,
/// which also has the fee audit).
pub const WITH_REPORT: &str = SUPPLIERS[0].0;

/// The demo supplier users' logins.
pub const EMAILS: [&str; 5] = [
    SUPPLIERS[0].3,
    SUPPLIERS[1].3,
    SUPPLIERS[2].3,
    SUPPLIERS[3].3,
    SUPPLIERS[4].3,
];

/// Seeds the suppliers, their users and assessments; `actor` is the officer.
pub async fn seed(
    db: &Database,
    company_id: Uuid,
    actor: Uuid,
    secret: &NewPassword,
    public_url: &str,
    files: &domain::files::FileStore,
) -> anyhow::Result<Vec<DemoSupplier>> {
    let company = organization::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .context("the demo company")?;
    let standard_id = questionnaire_store::current_standard_id();
    let standard = questionnaire::Entity::find_by_id(standard_id)
        .one(db)
        .await?
        .context("the standard SAQ")?;
    let definition = questionnaire_store::definition_of(&standard)?;
    let mut seeded = Vec::new();
    for (name, country, sector, email, stage) in SUPPLIERS {
        let txn = db.begin_write().await?;
        let input = SupplierFields {
            name: name.into(),
            country: country.into(),
            sector: sector.into(),
            contact_email: email.into(),
            contact_name: None,
        }
        .parse()
        .map_err(|e| anyhow::anyhow!("demo supplier {name}: {e:?}"))?;
        let created = suppliers::create_supplier(&txn, &company, actor, input, public_url).await?;
        let person = user::ActiveModel {
            id: Set(Uuid::now_v7()),
            email: Set(email.into()),
            name: Set(format!("{name} (contact)")),
            password_hash: Set(password::hash(secret)?),
            locale: Set(Some(if country == "MX" { "es" } else { "en" }.into())),
            digest_enabled: Set(true),
            created_at: Set(clock::now()),
        }
        .insert(&txn)
        .await?;
        membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(person.id),
            organization_id: Set(created.id),
            role: Set(Role::Supplier.as_str().into()),
            created_at: Set(clock::now()),
        }
        .insert(&txn)
        .await?;
        let sent = assessments::send_assessment(
            &txn,
            SendAssessment {
                company: company.clone(),
                supplier: created.clone(),
                questionnaire: standard.clone(),
                due_date: clock::now().date_naive() + Duration::days(30),
                actor,
                public_url: public_url.to_string(),
            },
        )
        .await?;
        let mut current = sent.clone();
        match stage {
            Stage::Sent => {}
            Stage::InProgress => {
                let draft = answer(&definition, Profile::Uneven, None);
                let first_half: serde_json::Map<String, serde_json::Value> =
                    draft.into_iter().take(12).collect();
                current =
                    assessments::save_answers(&txn, current, &definition, &first_half, person.id).await?;
            }
            Stage::Scored(profile) => {
                let evidence = super::evidence::payslip_sample(&txn, &current, person.id, files).await?;
                let full = answer(&definition, profile, evidence);
                let full: serde_json::Map<String, serde_json::Value> = full.into_iter().collect();
                current = assessments::save_answers(&txn, current, &definition, &full, person.id).await?;
                current = assessments::submit_assessment(&txn, current, &definition, person.id).await?;
            }
        }
        txn.commit().await?;
        if matches!(stage, Stage::Scored(_)) {
            assessments::score_assessment(db, current.id).await?;
        }
        seeded.push(DemoSupplier { id: created.id });
    }
    Ok(seeded)
}
