//! A service a company refers workers to (hotline, NGO, IOM, labour inspection).

use sea_orm::entity::prelude::*;

/// A row of `referral_services`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "referral_services")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub country: String,
    pub kind: String,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub languages: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub example: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Comma-separated country codes whose nationals it serves (embassies,
    /// labour attachés, home-country hotlines); empty: everyone in `country`.
    pub serves_nationals: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
