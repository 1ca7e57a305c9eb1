//! Products and tiers (issue #21): a company's products (or SKUs), the suppliers
//! and sites that make them, a supplier's own suppliers (tier 2 and beyond) and
//! the raw-material origins of a product. The company id is kept on every row so
//! every query filters by tenant without a join.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn cascade(from: &'static str, column: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    reference(from, column, to, ForeignKeyAction::Cascade)
}

/// A deleted site leaves the link to its supplier standing, without the site.
fn site(from: &'static str) -> ForeignKeyCreateStatement {
    reference(from, "site_id", "supplier_sites", ForeignKeyAction::SetNull)
}

fn reference(
    from: &'static str,
    column: &'static str,
    to: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, column)
        .to(to, "id")
        .on_delete(on_delete)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("products")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(string("name"))
                    .col(string("sku"))
                    // Digits only (6 to 12): the HS subheading and national extensions.
                    .col(string_null("hs_code"))
                    .col(text("description"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut cascade("products", "company_id", "organizations"))
                    .take(),
            )
            .await?;
        // A SKU names one product of a company; the list is read by company.
        manager
            .create_index(
                Index::create()
                    .name("idx_products_company_sku")
                    .table("products")
                    .col("company_id")
                    .col("sku")
                    .unique()
                    .if_not_exists()
                    .take(),
            )
            .await?;
        // Which supplier (and, when known, which of its sites) makes a product, and
        // in what role: tier 1 of the product's chain.
        manager
            .create_table(
                Table::create()
                    .table("product_sources")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("product_id"))
                    .col(uuid("supplier_id"))
                    .col(uuid_null("site_id"))
                    .col(string("role"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut cascade("product_sources", "product_id", "products"))
                    .foreign_key(&mut cascade("product_sources", "supplier_id", "suppliers"))
                    .foreign_key(&mut site("product_sources"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_product_sources_product")
                    .table("product_sources")
                    .col("product_id")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        // A supplier's own supplier: `buyer_id` buys from `supplier_id` (for its
        // site `site_id` when known). Tiers are computed from these edges; the
        // domain refuses an edge that would close a loop.
        manager
            .create_table(
                Table::create()
                    .table("supplier_links")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("buyer_id"))
                    .col(uuid("supplier_id"))
                    .col(uuid_null("site_id"))
                    .col(string_null("material"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut cascade("supplier_links", "buyer_id", "suppliers"))
                    .foreign_key(&mut cascade("supplier_links", "supplier_id", "suppliers"))
                    .foreign_key(&mut site("supplier_links"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_supplier_links_pair")
                    .table("supplier_links")
                    .col("buyer_id")
                    .col("supplier_id")
                    .unique()
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_supplier_links_company")
                    .table("supplier_links")
                    .col("company_id")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        // Where a product's raw materials come from: a country and, when known,
        // the share of that material from there.
        manager
            .create_table(
                Table::create()
                    .table("material_origins")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("product_id"))
                    .col(string("material"))
                    .col(string_len("country", 2))
                    .col(double_null("share"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut cascade("material_origins", "product_id", "products"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_material_origins_product")
                    .table("material_origins")
                    .col("product_id")
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "material_origins",
            "supplier_links",
            "product_sources",
            "products",
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
