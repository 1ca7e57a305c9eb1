//! Creating and dropping the covering indexes of a list (issue #23): each is a
//! name and its columns, created if missing.

use sea_orm_migration::prelude::*;

/// Creates each `(name, columns)` index on `table` that does not exist yet.
pub(crate) async fn create(
    manager: &SchemaManager<'_>,
    table: &'static str,
    indexes: &[(&'static str, &[&'static str])],
) -> Result<(), DbErr> {
    for (name, columns) in indexes {
        let mut index = Index::create();
        index.name(*name).table(table).if_not_exists();
        for column in *columns {
            index.col(*column);
        }
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Drops each index named in `indexes` from `table`.
pub(crate) async fn drop(
    manager: &SchemaManager<'_>,
    table: &'static str,
    indexes: &[(&'static str, &[&'static str])],
) -> Result<(), DbErr> {
    for (name, _) in indexes {
        manager
            .drop_index(Index::drop().name(*name).table(table).to_owned())
            .await?;
    }
    Ok(())
}
