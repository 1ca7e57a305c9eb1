//! Which rows of a list a door asks for: the API pages, the portal shows the
//! newest few or all.

use sea_orm::QuerySelect;

/// Skip `offset` rows, then return at most `limit` (`None`: all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Window {
    /// Rows skipped.
    pub offset: u64,
    /// Rows returned at most.
    pub limit: Option<u64>,
}

impl Window {
    /// The first `limit` rows.
    pub fn first(limit: u64) -> Self {
        Self {
            offset: 0,
            limit: Some(limit),
        }
    }

    /// `limit` rows after `offset`.
    pub fn page(offset: u64, limit: u64) -> Self {
        Self {
            offset,
            limit: Some(limit),
        }
    }

    /// `query` cut to this window. SQLite refuses an `OFFSET` without a `LIMIT`,
    /// so "all rows" adds no clause at all, and "all after `offset`" the largest
    /// limit both databases take.
    pub fn apply<Q: QuerySelect>(self, query: Q) -> Q {
        match (self.offset, self.limit) {
            (0, None) => query,
            (offset, None) => query.offset(offset).limit(i64::MAX as u64),
            (offset, Some(limit)) => query.offset(offset).limit(limit),
        }
    }
}

/// `.within(window)` on any select, for reading chains in order.
pub trait Windowed: QuerySelect + Sized {
    /// This query cut to `window` (see [`Window::apply`]).
    fn within(self, window: Window) -> Self {
        window.apply(self)
    }
}

impl<Q: QuerySelect> Windowed for Q {}
