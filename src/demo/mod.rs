//! `fairhire demo`: a demonstration company a newcomer can log in to. Idempotent:
//! running it again finds what exists and adds only what is missing.

mod answers;
mod evidence;
mod fee_audit;
mod report;
mod suppliers;

use anyhow::Context;
use domain::database::Database;
use domain::transaction::BeginWrite as _;
use domain::{
    accounts::{self, RegisterCompany, password},
    clock,
    entities::{membership, organization},
    values::{Email, NewPassword, RequiredText, Role},
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use uuid::Uuid;

/// A login printed for the person running the demo.
pub struct DemoLogin {
    /// The role.
    pub role: &'static str,
    /// The email.
    pub email: String,
    /// The (public, demo-only) password.
    pub password: &'static str,
}

const PASSWORD: &str = "demo-password-2026";
const COMPANY: &str = "Northwind Apparel (demo)";

/// Seeds the demo company, its people, five suppliers at different stages (three
/// scored, one of them approved with a rendered advisory report), and a
/// recruitment-fee audit; returns the logins. Evidence goes to
/// `files` (`FAIRHIRE_STORAGE_URL`).
pub async fn seed(
    db: &Database,
    public_url: &str,
    files: &domain::files::FileStore,
) -> anyhow::Result<Vec<DemoLogin>> {
    let people: [(&str, &str, Role); 3] = [
        ("admin@northwind.example", "Amara Okafor", Role::Admin),
        ("officer@northwind.example", "Lucía Fernández", Role::Officer),
        ("advisor@fairlabour.example", "Jean-Marc Dubois", Role::Advisor),
    ];
    let secret = NewPassword::parse(PASSWORD).map_err(|e| anyhow::anyhow!(e))?;
    let admin_email = Email::parse(people[0].0).map_err(|e| anyhow::anyhow!(e))?;
    let company_id = match accounts::find_user_by_email(db, &admin_email).await? {
        Some(admin) => existing_company(db, admin.id).await?,
        None => {
            let registered = accounts::register_company(
                db,
                RegisterCompany {
                    company_name: RequiredText::parse(COMPANY, 200).map_err(|e| anyhow::anyhow!(e))?,
                    name: RequiredText::parse(people[0].1, 200).map_err(|e| anyhow::anyhow!(e))?,
                    email: admin_email,
                    password_hash: password::hash(&secret)?,
                },
            )
            .await
            .context("registering the demo company")?;
            registered.organization.id
        }
    };
    for (email, name, role) in &people[1..] {
        let email = Email::parse(email).map_err(|e| anyhow::anyhow!(e))?;
        if accounts::find_user_by_email(db, &email).await?.is_some() {
            continue;
        }
        let user = domain::entities::user::ActiveModel {
            id: Set(Uuid::now_v7()),
            email: Set(email.as_str().into()),
            name: Set((*name).into()),
            password_hash: Set(password::hash(&secret)?),
            locale: Set(None),
            digest_enabled: Set(true),
            created_at: Set(clock::now()),
        }
        .insert(db)
        .await?;
        membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user.id),
            organization_id: Set(company_id),
            role: Set(role.as_str().into()),
            created_at: Set(clock::now()),
        }
        .insert(db)
        .await?;
    }
    let officer_email = Email::parse(people[1].0).map_err(|e| anyhow::anyhow!(e))?;
    let officer = accounts::find_user_by_email(db, &officer_email)
        .await?
        .context("the demo officer")?;
    let mut logins: Vec<DemoLogin> = people
        .iter()
        .map(|(email, _, role)| DemoLogin {
            role: role.as_str(),
            email: (*email).to_string(),
            password: PASSWORD,
        })
        .collect();
    let has_suppliers = {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        domain::entities::supplier::Entity::find()
            .filter(domain::entities::supplier::Column::CompanyId.eq(company_id))
            .count(db)
            .await?
            > 0
    };
    if !has_suppliers {
        let seeded = suppliers::seed(db, company_id, officer.id, &secret, public_url, files).await?;
        if let Some(first) = seeded.first() {
            seed_fee_audit(db, company_id, officer.id, first.id).await?;
        }
    }
    // The supplier with the fee audit: approved by the advisor, with its report.
    let advisor_email = Email::parse(people[2].0).map_err(|e| anyhow::anyhow!(e))?;
    let advisor = accounts::find_user_by_email(db, &advisor_email)
        .await?
        .context("the demo advisor")?;
    let first = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        domain::entities::supplier::Entity::find()
            .filter(domain::entities::supplier::Column::CompanyId.eq(company_id))
            .filter(domain::entities::supplier::Column::Name.eq(suppliers::WITH_REPORT))
            .one(db)
            .await?
    };
    if let Some(first) = first {
        report::seed(db, first.id, advisor.id, files).await?;
    }
    for email in suppliers::EMAILS {
        logins.push(DemoLogin {
            role: "supplier",
            email: email.to_string(),
            password: PASSWORD,
        });
    }
    Ok(logins)
}

/// FX rates and a fee audit for the first supplier, then its re-score.
async fn seed_fee_audit(
    db: &Database,
    company_id: Uuid,
    actor: Uuid,
    supplier_id: Uuid,
) -> anyhow::Result<()> {
    use sea_orm::EntityTrait;
    let supplier = domain::entities::supplier::Entity::find_by_id(supplier_id)
        .one(db)
        .await?
        .context("the demo supplier")?;
    let txn = db.begin_write().await?;
    domain::fee_audit::store::store_fx_rates(&txn, company_id, actor, fee_audit::fx_rates_csv().as_bytes())
        .await
        .map_err(|e| anyhow::anyhow!("demo FX rates: {e:?}"))?;
    domain::fee_audit::store::upload_fee_audit(
        &txn,
        &supplier,
        actor,
        std::io::Cursor::new(fee_audit::audit_csv().into_bytes()),
        clock::now().date_naive(),
    )
    .await
    .map_err(|e| anyhow::anyhow!("demo fee audit: {e:?}"))?;
    txn.commit().await?;
    // The upload queued a re-score; run it now so the demo shows the fee risk at once.
    let latest = {
        use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
        domain::entities::assessment::Entity::find()
            .filter(domain::entities::assessment::Column::SupplierId.eq(supplier_id))
            .order_by_desc(domain::entities::assessment::Column::SubmittedAt)
            .one(db)
            .await?
    };
    if let Some(latest) = latest {
        domain::assessments::score_assessment(db, latest.id).await?;
    }
    Ok(())
}

async fn existing_company(db: &Database, admin_id: Uuid) -> anyhow::Result<Uuid> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let memberships = membership::Entity::find()
        .filter(membership::Column::UserId.eq(admin_id))
        .all(db)
        .await?;
    for m in memberships {
        let org = organization::Entity::find_by_id(m.organization_id)
            .one(db)
            .await?;
        if let Some(org) = org.filter(|o| o.kind == "company") {
            return Ok(org.id);
        }
    }
    anyhow::bail!("the demo admin exists but belongs to no company; use a fresh FAIRHIRE_DATA_DIR")
}
