use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{NewProduct, summary};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::product,
    error::DomainError,
};

/// Refuses a SKU another product of the company already has.
pub(super) async fn sku_is_free<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    sku: &str,
    except: Option<Uuid>,
) -> Result<(), DomainError> {
    let mut query = product::Entity::find()
        .filter(product::Column::CompanyId.eq(company_id))
        .filter(product::Column::Sku.eq(sku));
    if let Some(id) = except {
        query = query.filter(product::Column::Id.ne(id));
    }
    match query.one(db).await? {
        Some(_) => Err(DomainError::invalid(
            "sku",
            "another product already has this SKU",
        )),
        None => Ok(()),
    }
}

/// Adds a product to company `company_id` (already checked with
/// `company_for_managing`) and records it in the audit trail, on `db` (pass a
/// transaction: both commit together).
pub async fn create_product<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    actor: Uuid,
    input: NewProduct,
) -> Result<product::Model, DomainError> {
    sku_is_free(db, company_id, input.sku.as_str(), None).await?;
    let now = clock::now();
    let row = product::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(company_id),
        name: Set(input.name.into_inner()),
        sku: Set(input.sku.into_inner()),
        hs_code: Set(input.hs_code.map(|c| c.as_str().to_string())),
        description: Set(input.description),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(actor),
            action: "product.created",
            entity_type: "product",
            entity_id: Some(row.id),
            before: None,
            after: Some(summary(&row)),
        },
    )
    .await?;
    Ok(row)
}
