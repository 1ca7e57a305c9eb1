//! A version of a screening list loaded after the release.

use sea_orm::entity::prelude::*;

/// A row of `screening_list_versions`; the newest of a key is the list in force.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "screening_list_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `uflpa_entity_list`, `ilab_goods` or `cbp_wro`.
    pub list_key: String,
    pub source_url: String,
    /// The list's own date, `YYYY-MM-DD`, when its file states one.
    pub list_date: Option<String>,
    /// `[{"name": …, "detail": …}]`.
    pub entries: Json,
    pub loaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
