//! One row by its primary key: the read that every request about one row
//! (an assessment, a finding, a supplier…) starts with (issue #23).
//!
//! On SQLite in a file it runs on the calling thread (`in_thread`): a
//! primary-key lookup reads a bounded, small amount, which is what that module
//! is for, and spares the hand-off to a pool connection's thread. Elsewhere,
//! and for a transaction, it is sea-orm's own `find_by_id(…).one(…)`: the same
//! statement, decoded the same way.

use sea_orm::{
    ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult as _, PrimaryKeyTrait, QuerySelect as _,
    QueryTrait as _,
};
use uuid::Uuid;

use super::{
    in_thread_reads_of,
    sqlite_rows::{fit_to, query_results},
};

/// Row `id` of entity `E`, if there is one.
pub(crate) async fn row_by_id<E, C>(db: &C, id: Uuid) -> Result<Option<E::Model>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait + 'static,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    let select = E::find_by_id(id);
    if let Some(reads) = in_thread_reads_of(db) {
        // What `one` runs: the select with `LIMIT 1`.
        let statement = select.clone().limit(1).build(DbBackend::Sqlite);
        if let Some(rows) = reads.rows(&statement)? {
            let Some(row) = rows.into_iter().next() else {
                return Ok(None);
            };
            let found = query_results(vec![fit_to::<E>(row)?]).await?;
            return found
                .first()
                .map(|row| E::Model::from_query_result(row, ""))
                .transpose();
        }
    }
    select.one(db).await
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};
    use uuid::Uuid;

    use super::row_by_id;
    use crate::{
        database::{Database, test_file::TestFile},
        entities::{organization, supplier},
    };

    /// On SQLite a row by id is read on the calling thread (the read pool is
    /// closed and it is still read), decoded as the pool decodes it: text,
    /// NULLs, a real, times. A missing id is `None`; without the in-thread
    /// reads the same call takes the closed pool.
    #[tokio::test]
    async fn a_row_by_id_is_read_on_the_calling_thread_as_the_pool_reads_it() {
        let (file, writes) = TestFile::migrated("by-id").await;
        let now = chrono::Utc::now();
        let (company, maker) = (Uuid::now_v7(), Uuid::now_v7());
        for (id, kind, parent) in [(company, "company", None), (maker, "supplier", Some(company))] {
            organization::ActiveModel {
                id: Set(id),
                kind: Set(kind.into()),
                name: Set(format!("{kind} «ñ»")),
                company_id: Set(parent),
                locale: Set("es".into()),
                created_at: Set(now),
            }
            .insert(&writes)
            .await
            .unwrap();
        }
        let written = supplier::ActiveModel {
            id: Set(maker),
            company_id: Set(company),
            name: Set("Fábrica Ñandú".into()),
            country: Set("MX".into()),
            sector: Set("apparel".into()),
            contact_email: Set("rh@example.com".into()),
            contact_name: Set(None),
            risk_score: Set(Some(61.25)),
            risk_band: Set(Some("high".into())),
            archived_at: Set(None),
            created_at: Set(now),
        }
        .insert(&writes)
        .await
        .unwrap();
        let reads = sea_orm::Database::connect(&file.url).await.unwrap();
        let pooled_read = supplier::Entity::find_by_id(maker)
            .one(&reads)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pooled_read, written);

        let in_thread =
            Database::split(reads.clone(), writes.clone()).with_in_thread_reads(file.path.clone());
        let pooled = Database::split(reads.clone(), writes.clone());
        reads.close().await.unwrap();
        let found = row_by_id::<supplier::Entity, _>(&in_thread, maker).await.unwrap();
        assert_eq!(found, Some(pooled_read));
        assert_eq!(
            row_by_id::<supplier::Entity, _>(&in_thread, Uuid::now_v7())
                .await
                .unwrap(),
            None
        );
        assert!(
            row_by_id::<supplier::Entity, _>(&pooled, maker).await.is_err(),
            "without the in-thread reads the read takes the (closed) pool"
        );
        drop((in_thread, pooled));
        writes.close().await.unwrap();
    }
}
